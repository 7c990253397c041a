/*
 * loader_diag.c: the loader's problems as diagnostics: its own messages
 * (loader_error, loader_warning) and libxml2's, captured, reworded where
 * libxml2's words would puzzle an author, and kept to one line.
 */
#include "io/loader_internal.h"

#include "core/i18n.h"

#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_MESSAGE = 300 }; /* bytes of a message before it is cut */

/* ---- Diagnostics ------------------------------------------------------ */

/* Messages quote what the author wrote, which may be huge: keep them to
 * one readable line, cut on a character boundary. */
static int short_len(const char *msg, size_t len)
{
    if (len <= MAX_MESSAGE)
        return (int)len;
    len = MAX_MESSAGE;
    while (len > 0 && ((unsigned char)msg[len] & 0xC0) == 0x80)
        len--;
    return (int)len;
}

static void add(loader_ctx *ctx, hrc_severity sev, hrc_srcpos pos, const char *msg,
                size_t len)
{
    int n = short_len(msg, len);
    hrc_diags_add(ctx->diags, sev, ctx->path, pos.line, pos.col, "%.*s%s", n, msg,
                  (size_t)n < len ? "..." : "");
}

static void report(loader_ctx *ctx, hrc_severity sev, hrc_srcpos pos,
                   const char *fmt, va_list ap)
{
    char *message = NULL;
    int len = vasprintf(&message, fmt, ap);
    if (len < 0 || !message) {
        ctx->oom = true;
        hrc_diags_add(ctx->diags, sev, ctx->path, pos.line, pos.col, _("out of memory"));
        return;
    }
    add(ctx, sev, pos, message, (size_t)len);
    free(message);
}

void loader_error(loader_ctx *ctx, hrc_srcpos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ctx, HRC_ERROR, pos, fmt, ap);
    va_end(ap);
}

void loader_warning(loader_ctx *ctx, hrc_srcpos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ctx, HRC_WARNING, pos, fmt, ap);
    va_end(ap);
}

bool loader_failed(const loader_ctx *ctx)
{
    return ctx->oom || ctx->diags->n_errors > ctx->errors_at_start;
}

/* ---- libxml2's messages -------------------------------------------------- */

/*
 * Where the '&' of an entity reference the parser stopped on stands: the
 * parser's position is past it (after "&", a name or ";"), so step back
 * to it on the same line. col is the parser's column; 0 when not found.
 */
static uint32_t ampersand_col(const xmlError *err, uint32_t col)
{
    const xmlParserCtxt *pctxt = err->ctxt;
    const xmlParserInput *in = pctxt ? pctxt->input : NULL;
    if (!in || !in->cur || !in->base || col == 0)
        return 0;
    const xmlChar *p = in->cur;
    uint32_t back = 0;
    while (p > in->base && back < 80) {
        p--;
        if (*p == '\n')
            return 0;
        if ((*p & 0xC0) != 0x80)
            back++;
        if (*p == '&')
            return col > back ? col - back : 0;
    }
    return 0;
}

/* The name of the entity the message is about: "nbsp" of "Entity 'nbsp'". */
static void entity_name(const xmlError *err, char *out, size_t size)
{
    snprintf(out, size, "%.40s", err->str1 ? err->str1 : "");
}

/* Where the first words of text directly inside node stand; line 0 when
 * there are none. */
static hrc_srcpos stray_text_pos(const xmlNode *node)
{
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (c->type != XML_TEXT_NODE || !c->content)
            continue;
        const char *t = (const char *)c->content;
        size_t skip = strspn(t, " \t\r\n");
        if (!t[skip])
            continue;
        /* The parser numbers a text node with the line where it ends. */
        long line = xmlGetLineNo(c);
        size_t len = strlen(t), end = len;
        while (end > skip && strchr(" \t\r\n", t[end - 1]))
            end--;
        for (size_t i = end; i < len; i++)
            line -= t[i] == '\n';
        const char *bol = NULL;
        for (size_t i = 0; i < skip; i++)
            if (t[i] == '\n')
                bol = t + i + 1;
        for (size_t i = skip; i < end; i++)
            line -= t[i] == '\n'; /* the words may span lines: their first */
        if (line <= 0 || !bol)
            return (hrc_srcpos){0, 0}; /* without a line break before, the column is unknown */
        hrc_srcpos pos = {(uint32_t)line, (uint32_t)(t + skip - bol) + 1};
        return pos.col ? pos : (hrc_srcpos){0, 0};
    }
    return (hrc_srcpos){0, 0};
}

/*
 * A RELAX NG message about node, said the way an author can act on, from
 * the schema's own table. Returns false to keep libxml2's words.
 */
static bool explain(loader_ctx *ctx, const xmlError *err, const xmlNode *node,
                    hrc_srcpos *pos, char *out, size_t size)
{
    const char *name = (const char *)node->name;
    const xmlNode *parent = node->parent && node->parent->type == XML_ELEMENT_NODE
                                ? node->parent : NULL;
    switch (err->code) {
    case XML_RELAXNG_ERR_ELEMWRONG: { /* "Did not expect element X there" */
        if (!parent || !loader_schema_allows(parent, name))
            return false;
        const char *pname = (const char *)parent->name;
        const char *model = loader_schema_model(parent);
        const char *missing = loader_schema_missing(parent);
        if (missing)
            snprintf(out, size, _("<%s> is not expected here: <%s> lacks <%s> (the content "
                     "of <%s> is, in this order: %s)"), name, pname, missing, pname,
                     model ? model : "");
        else
            snprintf(out, size, _("<%s> is out of place inside <%s>: the content of <%s> is, "
                     "in this order: %s"), name, pname, pname, model ? model : "");
        return true;
    }
    case XML_RELAXNG_ERR_NOELEM: /* "Expecting an element , got nothing" */
    case XML_RELAXNG_ERR_CONTENTVALID: {
        const char *model = loader_schema_model(node);
        const char *missing = loader_schema_missing(node);
        if (!model)
            return false;
        if (missing)
            snprintf(out, size, _("<%s> lacks <%s> (the content of <%s> is, in this order: "
                     "%s)"), name, missing, name, model);
        else
            snprintf(out, size, _("<%s> is incomplete: its content is, in this order: %s"),
                     name, model);
        return true;
    }
    case XML_RELAXNG_ERR_TEXTWRONG: /* "Did not expect text in element X content" */
    case XML_RELAXNG_ERR_NOTELEM:
    case XML_RELAXNG_ERR_EXTRACONTENT: {
        const char *model = loader_schema_model(node);
        if (!model)
            return false;
        hrc_srcpos text = stray_text_pos(node);
        if (text.line)
            *pos = text;
        snprintf(out, size, _("text is not allowed directly inside <%s>: put it inside an "
                 "element (the content of <%s> is, in this order: %s)"), name, name, model);
        return true;
    }
    case XML_RELAXNG_ERR_TYPEVAL: { /* "Type T doesn't allow value 'V'" */
        const char *type = err->str1 ? err->str1 : "";
        const char *what = strcmp(type, "integer") == 0 ? _("a whole number")
                         : strcmp(type, "positiveInteger") == 0 ? _("a whole number from 1 up")
                         : strcmp(type, "nonNegativeInteger") == 0
                             ? _("a whole number from 0 up") : NULL;
        if (!what)
            return false;
        snprintf(out, size, _("<%s> must hold %s, not \"%.60s\""), name, what,
                 err->str2 ? err->str2 : "");
        return true;
    }
    case XML_RELAXNG_ERR_ATTRVALID: /* "Element X failed to validate attributes" */
        /* libxml2 names the element but points at its first child. */
        if (!err->str1)
            return false;
        if (strcmp(name, err->str1) != 0 && parent &&
            strcmp((const char *)parent->name, err->str1) == 0)
            *pos = loader_node_pos(ctx, parent);
        else if (strcmp(name, err->str1) != 0)
            return false;
        snprintf(out, size, _("<%s> has an attribute it may not have, or lacks one it needs"),
                 err->str1);
        return true;
    default:
        return false;
    }
}

/* libxml2 messages end with a newline and sometimes carry spaces. */
void loader_on_xml_error(void *arg, xmlErrorPtr err)
{
    loader_ctx *ctx = arg;
    if (!err || err->level == XML_ERR_NONE)
        return;
    hrc_srcpos pos = {0, 0};
    const xmlNode *node = err->node;
    /* The validator sometimes names a text node: its element is meant. */
    if (node && node->type != XML_ELEMENT_NODE && node->parent &&
        node->parent->type == XML_ELEMENT_NODE && err->domain == XML_FROM_RELAXNGV)
        node = node->parent;
    bool schema = node && node->type == XML_ELEMENT_NODE &&
                  (err->domain == XML_FROM_RELAXNGV || err->domain == XML_FROM_VALID);
    /* An element already explained (loader_schema.c), or inside or around
     * one: libxml2's words would only repeat it, or its consequences. */
    if (schema && loader_reported_near(ctx, node))
        return;
    /* Some come with no node, only the element's name. */
    if (!node && err->domain == XML_FROM_RELAXNGV && err->str1 &&
        loader_reported_named(ctx, err->str1))
        return;
    if (schema)
        pos = loader_node_pos(ctx, node);
    if (pos.line == 0 && err->line > 0) {
        pos.line = (uint32_t)err->line;
        pos.col = err->int2 > 0 ? (uint32_t)err->int2 : 1;
    }
    const char *msg = err->message ? err->message : "malformed XML";
    char reworded[1024];
    if (schema && explain(ctx, err, node, &pos, reworded, sizeof reworded)) {
        msg = reworded;
    } else if (strncmp(msg, "Excessive depth in document", 27) == 0) {
        msg = _("elements are nested too deeply");
    } else if (strncmp(msg, "Input is not proper UTF-8", 25) == 0) {
        const char *bytes = strstr(msg, "Bytes:");
        snprintf(reworded, sizeof(reworded), _("the file is not valid UTF-8 text%s%.40s"),
                 bytes ? "; " : "", bytes ? bytes : "");
        msg = reworded;
    } else if (err->domain == XML_FROM_PARSER &&
               (err->code == XML_ERR_NAME_REQUIRED ||
                err->code == XML_ERR_ENTITYREF_SEMICOL_MISSING) &&
               ampersand_col(err, pos.col)) {
        /* "xmlParseEntityRef: no name", "EntityRef: expecting ';'" */
        pos.col = ampersand_col(err, pos.col);
        msg = _("a bare & must be written &amp; (an & starts a reference such as &amp; or "
                "&#233;)");
    } else if (err->domain == XML_FROM_PARSER && err->code == XML_ERR_UNDECLARED_ENTITY) {
        char name[48];
        entity_name(err, name, sizeof name);
        uint32_t col = ampersand_col(err, pos.col);
        if (col)
            pos.col = col;
        snprintf(reworded, sizeof reworded, _("&%s; is not known in XML (only &amp; &lt; &gt; "
                 "&quot; &apos; are): type the character itself, the file is UTF-8, or a "
                 "numeric reference such as &#160;; for the text \"&%s;\" write &amp;%s;"),
                 name, name, name);
        msg = reworded;
    }
    /* The streaming parser calls a cut-off file "extra content". */
    if (err->domain == XML_FROM_PARSER && err->code == XML_ERR_DOCUMENT_END &&
        ctx->fed_all && pos.line + 1 >= ctx->n_lines)
        msg = _("the file ends before the module is complete (is it cut off?)");
    size_t len = strlen(msg);
    while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        len--;
    /* An unexpected element makes the validator complain about each of its
     * descendants in turn; once a place is reported, that is enough. */
    if (pos.line == ctx->last_error.line && pos.col == ctx->last_error.col &&
        ctx->last_error_code == err->code)
        return;
    ctx->last_error = pos;
    ctx->last_error_code = err->code;
    add(ctx, err->level == XML_ERR_WARNING ? HRC_WARNING : HRC_ERROR, pos, msg, len);
    if (schema)
        loader_mark_reported(ctx, node);
}
