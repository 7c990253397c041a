/*
 * loader_xml.c: the only part of the loader that drives libxml2's parser.
 *
 * Safety: the document comes from memory, with no network, no DTD loading,
 * no entity substitution, no XInclude and no "huge" mode; a DOCTYPE is
 * rejected before parsing starts, and a process-wide external entity loader
 * refuses everything, so no other file can ever be read. libxml2 never
 * prints: every parser and schema message is captured into diagnostics.
 *
 * Memory: the document is streamed with an xmlTextReader that validates as
 * it reads; each top-level element is expanded, turned into model, and
 * freed before the next, so peak memory follows the largest page or quiz,
 * not the whole file.
 */
#include "io/loader_internal.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char hrc_module_schema[];
extern const size_t hrc_module_schema_size;

enum {
    PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
                    XML_PARSE_IGNORE_ENC,
    POS_SEARCH_LINES = 16, /* how far a start tag may be from its recorded line */
};

static bool xml_ready;
static xmlRelaxNGPtr schema;

/* ---- Process-wide set-up ---------------------------------------------- */

static xmlParserInputPtr deny_entity_loader(const char *url, const char *id,
                                            xmlParserCtxtPtr ctxt)
{
    return NULL; /* modules never load anything from outside themselves */
}

static void silent_generic(void *unused, const char *msg, ...)
{
}

static void silent_structured(void *unused, xmlErrorPtr err)
{
}

void hrc_loader_cleanup(void)
{
    if (schema) {
        xmlRelaxNGFree(schema);
        schema = NULL;
    }
    if (xml_ready) {
        xmlCleanupParser();
        xml_ready = false;
    }
}

static void xml_setup(void)
{
    if (xml_ready)
        return;
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_entity_loader);
    xmlSetGenericErrorFunc(NULL, silent_generic);
    xmlSetStructuredErrorFunc(NULL, silent_structured);
    xmlLineNumbersDefault(1);
    xml_ready = true;
    static bool registered;
    if (!registered && atexit(hrc_loader_cleanup) == 0)
        registered = true;
}

/* The built-in schema, compiled on first use. */
static xmlRelaxNGPtr module_schema(void)
{
    if (schema)
        return schema;
    xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewMemParserCtxt(
        (const char *)hrc_module_schema, (int)hrc_module_schema_size);
    if (!pctxt)
        return NULL;
    xmlRelaxNGSetParserStructuredErrors(pctxt, silent_structured, NULL);
    schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    return schema;
}

/* ---- Diagnostics ------------------------------------------------------ */

static void report(loader_ctx *ctx, hrc_severity sev, hrc_srcpos pos,
                   const char *fmt, va_list ap)
{
    char *message = NULL;
    if (vasprintf(&message, fmt, ap) < 0 || !message) {
        ctx->oom = true;
        hrc_diags_add(ctx->diags, sev, ctx->path, pos.line, pos.col, "out of memory");
        return;
    }
    hrc_diags_add(ctx->diags, sev, ctx->path, pos.line, pos.col, "%s", message);
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

/* libxml2 messages end with a newline and sometimes carry spaces. */
static void on_xml_error(void *arg, xmlErrorPtr err)
{
    loader_ctx *ctx = arg;
    if (!err || err->level == XML_ERR_NONE)
        return;
    hrc_srcpos pos = {0, 0};
    const xmlNode *node = err->node;
    if (node && node->type == XML_ELEMENT_NODE &&
        (err->domain == XML_FROM_RELAXNGV || err->domain == XML_FROM_VALID))
        pos = loader_node_pos(ctx, node);
    if (pos.line == 0 && err->line > 0) {
        pos.line = (uint32_t)err->line;
        pos.col = err->int2 > 0 ? (uint32_t)err->int2 : 1;
        if (pos.line > ctx->n_lines)
            pos.line = (uint32_t)ctx->n_lines;
    }
    const char *msg = err->message ? err->message : "malformed XML";
    char reworded[160];
    if (strncmp(msg, "Excessive depth in document", 27) == 0) {
        msg = "elements are nested too deeply";
    } else if (strncmp(msg, "Input is not proper UTF-8", 25) == 0) {
        const char *bytes = strstr(msg, "Bytes:");
        snprintf(reworded, sizeof(reworded), "the file is not valid UTF-8 text%s%.40s",
                 bytes ? "; " : "", bytes ? bytes : "");
        msg = reworded;
    }
    /* The streaming parser calls a cut-off file "extra content". */
    if (err->domain == XML_FROM_PARSER && err->code == XML_ERR_DOCUMENT_END &&
        pos.line + 1 >= ctx->n_lines)
        msg = "the file ends before the module is complete (is it cut off?)";
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
    hrc_diags_add(ctx->diags, err->level == XML_ERR_WARNING ? HRC_WARNING : HRC_ERROR,
                  ctx->path, pos.line, pos.col, "%.*s", (int)len, msg);
}

/* ---- Source positions ------------------------------------------------- */

static int index_lines(loader_ctx *ctx)
{
    size_t n = 1;
    for (const char *p = ctx->data, *end = ctx->data + ctx->size;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    ctx->line_starts = malloc(n * sizeof(*ctx->line_starts));
    if (!ctx->line_starts)
        return -1;
    ctx->line_starts[0] = 0;
    size_t i = 1;
    for (const char *p = ctx->data, *end = ctx->data + ctx->size;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        ctx->line_starts[i++] = (uint32_t)(p + 1 - ctx->data);
    ctx->n_lines = n;
    return 0;
}

hrc_srcpos loader_offset_pos(const loader_ctx *ctx, size_t offset)
{
    size_t lo = 0, hi = ctx->n_lines;
    while (hi - lo > 1) { /* the last line starting at or before offset */
        size_t mid = lo + (hi - lo) / 2;
        if (ctx->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (hrc_srcpos){(uint32_t)lo + 1, (uint32_t)(offset - ctx->line_starts[lo]) + 1};
}

static bool is_name_end(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
}

/* Column of "<name" on a line, or 0. */
static uint32_t find_tag(const loader_ctx *ctx, size_t line, const char *name,
                         size_t name_len)
{
    size_t start = ctx->line_starts[line - 1];
    size_t end = line < ctx->n_lines ? ctx->line_starts[line] : ctx->size;
    const char *p = ctx->data + start, *stop = ctx->data + end;
    while ((p = memchr(p, '<', (size_t)(stop - p))) != NULL) {
        if ((size_t)(stop - p) > name_len + 1 && memcmp(p + 1, name, name_len) == 0 &&
            is_name_end(p[1 + name_len]))
            return (uint32_t)(p - (ctx->data + start)) + 1;
        p++;
    }
    return 0;
}

/*
 * libxml2 records an element's line where its start tag ends (and only up
 * to 65535; beyond that it borrows a nearby text's line), so look for
 * "<name" on that line, then on the lines before it, then after it.
 */
hrc_srcpos loader_node_pos(loader_ctx *ctx, const xmlNode *node)
{
    long recorded = xmlGetLineNo(node);
    if (recorded <= 0 || ctx->n_lines == 0)
        return (hrc_srcpos){0, 0};
    size_t line = (size_t)recorded;
    if (line > ctx->n_lines)
        line = ctx->n_lines;
    const char *name = (const char *)node->name;
    size_t name_len = strlen(name);
    for (size_t back = 0; back <= POS_SEARCH_LINES && back < line; back++) {
        uint32_t col = find_tag(ctx, line - back, name, name_len);
        if (col)
            return (hrc_srcpos){(uint32_t)(line - back), col};
    }
    for (size_t ahead = 1; ahead <= POS_SEARCH_LINES && line + ahead <= ctx->n_lines;
         ahead++) {
        uint32_t col = find_tag(ctx, line + ahead, name, name_len);
        if (col)
            return (hrc_srcpos){(uint32_t)(line + ahead), col};
    }
    return (hrc_srcpos){(uint32_t)line, 1};
}

/* ---- Before parsing --------------------------------------------------- */

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

static bool starts_with(const char *p, const char *end, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

/* The encoding named by an XML declaration, if it is not UTF-8. */
static bool declares_other_encoding(const char *decl, const char *decl_end)
{
    const char *p = decl;
    while (p < decl_end && !starts_with(p, decl_end, "encoding"))
        p++;
    if (p >= decl_end)
        return false;
    p = skip_space(p + 8, decl_end);
    if (p >= decl_end || *p != '=')
        return false;
    p = skip_space(p + 1, decl_end);
    if (p >= decl_end || (*p != '"' && *p != '\''))
        return false;
    char quote = *p++;
    const char *value = p;
    while (p < decl_end && *p != quote)
        p++;
    size_t n = (size_t)(p - value);
    return !((n == 5 && strncasecmp(value, "UTF-8", 5) == 0) ||
             (n == 4 && strncasecmp(value, "UTF8", 4) == 0));
}

/*
 * Looks through the prolog (declaration, comments, processing
 * instructions) for a DOCTYPE or a declared encoding other than UTF-8.
 * A DOCTYPE can only stand there, so nothing with one is ever parsed.
 */
static int check_prolog(loader_ctx *ctx)
{
    const char *p = ctx->data, *end = ctx->data + ctx->size;
    if (starts_with(p, end, "\xEF\xBB\xBF"))
        p += 3;
    for (;;) {
        p = skip_space(p, end);
        if (starts_with(p, end, "<?")) {
            const char *close = memmem(p, (size_t)(end - p), "?>", 2);
            if (!close)
                return 0; /* the parser reports it */
            if (starts_with(p, end, "<?xml ") && declares_other_encoding(p, close)) {
                loader_error(ctx, loader_offset_pos(ctx, (size_t)(p - ctx->data)),
                             "modules must be encoded in UTF-8");
                return -1;
            }
            p = close + 2;
        } else if (starts_with(p, end, "<!--")) {
            const char *close = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
            if (!close)
                return 0;
            p = close + 3;
        } else if (starts_with(p, end, "<!DOCTYPE")) {
            loader_error(ctx, loader_offset_pos(ctx, (size_t)(p - ctx->data)),
                         "DOCTYPE is not allowed in a module");
            return -1;
        } else {
            return 0;
        }
    }
}

/* ---- Parsing ---------------------------------------------------------- */

static int read_document(loader_ctx *ctx, xmlTextReaderPtr reader)
{
    bool building = false;
    int ret = xmlTextReaderRead(reader);
    while (ret == 1) {
        int type = xmlTextReaderNodeType(reader);
        int depth = xmlTextReaderDepth(reader);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            xmlNode *node = xmlTextReaderCurrentNode(reader);
            hrc_srcpos pos = {node ? (uint32_t)xmlGetLineNo(node) : 0, 1};
            loader_error(ctx, pos, "DOCTYPE is not allowed in a module");
            return -1;
        }
        if (type == XML_READER_TYPE_ELEMENT && depth == 0) {
            building = loader_build_module(ctx, xmlTextReaderCurrentNode(reader)) == 0;
        } else if (type == XML_READER_TYPE_ELEMENT && depth == 1 && building) {
            xmlNode *node = xmlTextReaderExpand(reader);
            if (!node)
                return -1; /* malformed inside; the parser said why */
            loader_build_top(ctx, node);
            ret = xmlTextReaderNext(reader);
            continue;
        }
        ret = xmlTextReaderRead(reader);
    }
    return ret == 0 ? 0 : -1;
}

int loader_parse(loader_ctx *ctx)
{
    xml_setup();
    if (index_lines(ctx) != 0) {
        ctx->oom = true;
        loader_error(ctx, (hrc_srcpos){0, 0}, "out of memory");
        return -1;
    }
    if (ctx->size == 0) {
        loader_error(ctx, (hrc_srcpos){0, 0}, "the file is empty");
        return -1;
    }
    if (ctx->size > INT_MAX) {
        loader_error(ctx, (hrc_srcpos){0, 0}, "the file is too large");
        return -1;
    }
    if (memchr(ctx->data, '\0', ctx->size)) {
        size_t at = (size_t)((const char *)memchr(ctx->data, '\0', ctx->size) - ctx->data);
        loader_error(ctx, loader_offset_pos(ctx, at),
                     "the file contains a NUL byte: it is binary, not UTF-8 XML text");
        return -1;
    }
    if (check_prolog(ctx) != 0)
        return -1;
    xmlRelaxNGPtr rng = module_schema();
    if (!rng) {
        loader_error(ctx, (hrc_srcpos){0, 0}, "the built-in module schema did not compile");
        return -1;
    }

    /* Anything libxml2 reports outside the reader's own channel lands here. */
    xmlSetStructuredErrorFunc(ctx, on_xml_error);
    int result = -1;
    xmlTextReaderPtr reader =
        xmlReaderForMemory(ctx->data, (int)ctx->size, NULL, "UTF-8", PARSE_OPTIONS);
    if (!reader) {
        ctx->oom = true;
        loader_error(ctx, (hrc_srcpos){0, 0}, "out of memory");
    } else {
        xmlTextReaderSetStructuredErrorHandler(reader, on_xml_error, ctx);
        if (xmlTextReaderRelaxNGSetSchema(reader, rng) != 0) {
            loader_error(ctx, (hrc_srcpos){0, 0}, "could not start schema validation");
        } else {
            size_t before = ctx->diags->n_errors;
            result = read_document(ctx, reader);
            if (result == 0 && xmlTextReaderIsValid(reader) != 1 &&
                ctx->diags->n_errors == before)
                loader_error(ctx, (hrc_srcpos){0, 0}, "the module does not match the schema");
            if (result != 0 && ctx->diags->n_errors == before)
                loader_error(ctx, (hrc_srcpos){0, 0}, "the file is not well-formed XML");
        }
        xmlFreeTextReader(reader);
    }
    xmlSetStructuredErrorFunc(NULL, silent_structured);
    return result;
}
