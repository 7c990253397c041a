/*
 * loader_xml.c: the only part of the loader that drives libxml2's parser.
 *
 * Safety: the document comes from memory, with no network, no DTD loading,
 * no entity substitution, no XInclude and no "huge" mode; a DOCTYPE is
 * rejected before parsing starts, and a process-wide external entity loader
 * refuses everything, so no other file can ever be read. libxml2 never
 * prints: every parser and schema message is captured into diagnostics.
 *
 * Memory and speed: the file is read and pushed to the parser in slices,
 * never held whole; as soon as a top-level element (meta, page, timeline, case, quiz)
 * ends, it is validated on its own against the schema, turned into model
 * and freed. Peak memory follows the largest page or quiz, not the file.
 * The <module> element itself (its attributes and the order of its
 * children) is checked here in C, with the same rules as the schema.
 */
#include "io/loader_internal.h"

#include "core/i18n.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include <sodium.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char hrc_module_schema[];
extern const size_t hrc_module_schema_size;

enum {
    PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
                    XML_PARSE_IGNORE_ENC,
    PUSH_SLICE = 256 * 1024,
    /* libxml2's schema check of mixed text grows with the square of its
     * inline elements; real texts have a handful. */
    MAX_INLINE_PER_TEXT = 1000,
    MAX_ATTRIBUTES = 64, /* on one element; the format uses at most six */
};

static bool xml_ready;
static xmlRelaxNGPtr schema; /* start: any one top-level element */

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
    loader_schema_free();
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

/*
 * The built-in schema, compiled on first use. Its <start> is the whole
 * <module>; the loader validates one top-level element at a time, so it
 * compiles the same grammar with <start> replaced by a choice of them.
 */
static xmlRelaxNGPtr module_schema(void)
{
    if (schema)
        return schema;
    xmlDocPtr doc = xmlReadMemory((const char *)hrc_module_schema,
                                  (int)hrc_module_schema_size, NULL, "UTF-8",
                                  XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    xmlNodePtr grammar = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlNodePtr start = grammar ? grammar->children : NULL;
    while (start && !(start->type == XML_ELEMENT_NODE &&
                      strcmp((const char *)start->name, "start") == 0))
        start = start->next;
    if (!start) {
        xmlFreeDoc(doc);
        return NULL;
    }
    while (start->children) {
        xmlNodePtr old = start->children;
        xmlUnlinkNode(old);
        xmlFreeNode(old);
    }
    xmlNodePtr choice = xmlNewChild(start, NULL, BAD_CAST "choice", NULL);
    static const char *const tops[] = {"meta", "page", "timeline", "case", "quiz"};
    for (size_t i = 0; choice && i < sizeof(tops) / sizeof(tops[0]); i++) {
        xmlNodePtr ref = xmlNewChild(choice, NULL, BAD_CAST "ref", NULL);
        if (ref)
            xmlNewProp(ref, BAD_CAST "name", BAD_CAST tops[i]);
    }
    xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewDocParserCtxt(doc);
    if (pctxt) {
        xmlRelaxNGSetParserStructuredErrors(pctxt, silent_structured, NULL);
        schema = xmlRelaxNGParse(pctxt);
        xmlRelaxNGFreeParserCtxt(pctxt);
    }
    xmlFreeDoc(doc);
    return schema;
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
static int check_prolog(loader_ctx *ctx, const char *slice, size_t size)
{
    const char *p = slice, *end = slice + size;
    if (starts_with(p, end, "\xEF\xBB\xBF"))
        p += 3;
    /* Byte orders and encodings libxml2 would otherwise switch to. */
    if (starts_with(p, end, "\xFE\xFF") || starts_with(p, end, "\xFF\xFE") ||
        starts_with(p, end, "\x4C\x6F\xA7\x94")) {
        loader_error(ctx, (hrc_srcpos){1, 1}, _("modules must be encoded in UTF-8"));
        return -1;
    }
    for (;;) {
        p = skip_space(p, end);
        if (starts_with(p, end, "<?")) {
            const char *close = memmem(p, (size_t)(end - p), "?>", 2);
            if (!close)
                return 0; /* the parser reports it */
            if (starts_with(p, end, "<?xml ") && declares_other_encoding(p, close)) {
                loader_error(ctx, loader_slice_pos(slice, (size_t)(p - slice)),
                             _("modules must be encoded in UTF-8"));
                return -1;
            }
            p = close + 2;
        } else if (starts_with(p, end, "<!--")) {
            const char *close = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
            if (!close)
                return 0;
            p = close + 3;
        } else if (starts_with(p, end, "<!DOCTYPE")) {
            loader_error(ctx, loader_slice_pos(slice, (size_t)(p - slice)),
                         _("DOCTYPE is not allowed in a module"));
            return -1;
        } else {
            return 0;
        }
    }
}

/* ---- The <module> element ------------------------------------------ */

/* A whole number from 1 to INT_MAX, as the model stores it in an int. */
static bool positive_integer(const char *s)
{
    while (*s == ' ')
        s++;
    if (*s == '+')
        s++;
    long long value = 0;
    bool any = false;
    for (; *s >= '0' && *s <= '9'; s++) {
        any = true;
        value = value * 10 + (*s - '0');
        if (value > INT_MAX)
            return false;
    }
    while (*s == ' ')
        s++;
    return any && value >= 1 && !*s;
}

/* The attributes of <module>, as module.rng states them. */
static void check_module_attributes(loader_ctx *ctx, const xmlNode *root)
{
    hrc_srcpos pos = loader_node_pos(ctx, root);
    const char *format = loader_attr(root, "format");
    if (!format)
        loader_error(ctx, pos, _("<module> needs format=\"1\""));
    else if (strcmp(format, "1") != 0)
        loader_error(ctx, pos, _("format=\"%s\" is not supported: this player reads "
                     "format=\"1\""), format);
    if (!loader_attr(root, "id"))
        loader_error(ctx, pos, _("<module> needs an id"));
    const char *version = loader_attr(root, "version");
    if (!version)
        loader_error(ctx, pos, _("<module> needs a version (1, 2, ...)"));
    else if (!positive_integer(version))
        loader_error(ctx, pos, _("version=\"%s\" must be a whole number from 1 to 2147483647"), version);
    if (!loader_lang(root))
        loader_error(ctx, pos, _("<module> needs xml:lang, its default language"));
    const char *completion = loader_attr(root, "completion");
    if (completion && strcmp(completion, "pages") != 0 && strcmp(completion, "quiz") != 0 &&
        strcmp(completion, "both") != 0)
        loader_error(ctx, pos, _("completion=\"%s\" must be pages, quiz or both"), completion);
    static const char *const known[] = {"format", "id", "version", "completion",
                                        "languages"};
    for (const xmlAttr *a = root->properties; a; a = a->next) {
        bool ok = a->ns ? strcmp((const char *)a->name, "lang") == 0 && a->ns->prefix &&
                              strcmp((const char *)a->ns->prefix, "xml") == 0
                        : false;
        for (size_t i = 0; !a->ns && i < sizeof(known) / sizeof(known[0]); i++)
            ok |= strcmp((const char *)a->name, known[i]) == 0;
        if (!ok)
            loader_error(ctx, pos, _("<module> has no attribute %s%s%s"),
                         a->ns && a->ns->prefix ? (const char *)a->ns->prefix : "",
                         a->ns && a->ns->prefix ? ":" : "", (const char *)a->name);
    }
}

/* The children of <module>: meta, then pages, timelines, cases, quizzes. */
static bool check_top_order(loader_ctx *ctx, const xmlNode *node)
{
    const char *name = (const char *)node->name;
    bool is_meta = strcmp(name, "meta") == 0;
    bool is_item = !node->ns && (strcmp(name, "page") == 0 || strcmp(name, "timeline") == 0 ||
                                 strcmp(name, "case") == 0 || strcmp(name, "quiz") == 0);
    hrc_srcpos pos = loader_node_pos(ctx, node);
    if (node->ns || (!is_meta && !is_item)) {
        static const char *const tops[] = {"meta", "page", "timeline", "case", "quiz"};
        const char *near = loader_schema_nearest(name, tops, 5);
        if (near)
            loader_error(ctx, pos, _("<%s> is not allowed here: did you mean <%s>? (a module "
                         "holds <meta>, then <page>, <timeline>, <case> and <quiz> "
                         "elements)"), name, near);
        else
            loader_error(ctx, pos, _("<%s> is not allowed here: a module holds <meta>, then "
                         "<page>, <timeline>, <case> and <quiz> elements"), name);
        return false;
    }
    if (is_meta && ctx->seen_meta) {
        loader_error(ctx, pos, _("a module has only one <meta>"));
    } else if (is_meta && ctx->n_top > 0) {
        loader_error(ctx, pos, _("<meta> must come first in the module"));
    } else if (is_item && !ctx->seen_meta && !ctx->reported_no_meta) {
        loader_error(ctx, pos, _("the module must start with <meta> before <%s>"), name);
        ctx->reported_no_meta = true;
    }
    ctx->seen_meta |= is_meta;
    ctx->n_items_seen += is_item;
    ctx->n_top++;
    return true;
}

/* Text directly inside <module> other than white space. */
static void check_module_text(loader_ctx *ctx, const xmlNode *root)
{
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE)
            continue;
        const char *t = (const char *)c->content;
        if (t && t[strspn(t, " \t\r\n")]) {
            long line = xmlGetLineNo(c);
            loader_error(ctx, (hrc_srcpos){line > 0 ? (uint32_t)line : 0, line > 0},
                         _("text is not allowed directly inside <module>"));
            return;
        }
    }
}

/* ---- Parsing ---------------------------------------------------------- */

/* Validates one top-level element on its own, as the root of a stand-in
 * document that borrows it for the duration. */
static void validate_top(loader_ctx *ctx, xmlNode *node)
{
    xmlDocPtr doc = ctx->stand_in;
    doc->children = doc->last = node;
    node->parent = (xmlNodePtr)doc;
    xmlRelaxNGValidateDoc(ctx->validator, doc);
    node->parent = NULL;
    doc->children = doc->last = NULL;
}

static bool is_inline(const xmlNode *node)
{
    return node && node->type == XML_ELEMENT_NODE &&
           (strcmp((const char *)node->name, "em") == 0 ||
            strcmp((const char *)node->name, "strong") == 0);
}

/* Counts the inline elements of the text `node` belongs to; false once
 * there are more than a text may hold. */
static bool inline_within_limit(loader_ctx *ctx, const xmlNode *node)
{
    if (!is_inline(node))
        return true;
    const xmlNode *text = node->parent;
    while (is_inline(text))
        text = text->parent;
    if (text != ctx->inline_parent) {
        ctx->inline_parent = text;
        ctx->n_inline = 0;
    }
    return ++ctx->n_inline <= MAX_INLINE_PER_TEXT;
}

static void on_start(void *data, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr pctxt = data;
    loader_ctx *ctx = pctxt->_private;
    xmlSAX2StartElementNs(data, localname, prefix, uri, nb_namespaces, namespaces,
                          nb_attributes, nb_defaulted, attributes);
    if (!pctxt->node)
        return;
    loader_remember_pos(ctx, pctxt->node, loader_start_tag_pos(ctx, pctxt), pctxt->nodeNr == 1);
    loader_check_tag(ctx, pctxt, pctxt->node);
    if (!inline_within_limit(ctx, pctxt->node)) {
        loader_error(ctx, loader_node_pos(ctx, pctxt->node),
                     _("one text holds more than %d <em> and <strong> elements"),
                     MAX_INLINE_PER_TEXT);
        xmlStopParser(pctxt);
        return;
    }
    if (pctxt->nodeNr != 1)
        return;
    xmlNode *root = pctxt->node;
    ctx->root_ok = !root->ns && strcmp((const char *)root->name, "module") == 0;
    if (!ctx->root_ok) {
        loader_error(ctx, loader_node_pos(ctx, root),
                     _("the root element must be <module>, not <%s>"), (const char *)root->name);
        xmlStopParser(pctxt);
        return;
    }
    loader_build_module(ctx, root);
}

static void on_end(void *data, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
    xmlParserCtxtPtr pctxt = data;
    loader_ctx *ctx = pctxt->_private;
    xmlNode *node = pctxt->node;
    xmlSAX2EndElementNs(data, localname, prefix, uri);
    if (!ctx->root_ok || !node || !node->parent || node->parent->type != XML_ELEMENT_NODE ||
        node->parent->parent == NULL || node->parent->parent->type != XML_DOCUMENT_NODE)
        return; /* not a child of <module> */
    xmlUnlinkNode(node);
    /* The parser appends the next characters to the text node now last in
     * <module>; tell it that node is not the one it was growing. */
    pctxt->nodelen = 0;
    pctxt->nodemem = 0;
    if (check_top_order(ctx, node)) {
        validate_top(ctx, node);
        loader_build_top(ctx, node);
    }
    xmlFreeNode(node);
    ctx->n_positions = 1; /* the next top-level element starts afresh */
    ctx->n_reported = 0;  /* its reported elements are gone with it */
    ctx->reported_overflow = false;
}

static void on_doctype(void *data, const xmlChar *name, const xmlChar *id,
                       const xmlChar *system_id)
{
    xmlParserCtxtPtr pctxt = data;
    loader_ctx *ctx = pctxt->_private;
    hrc_srcpos pos = {pctxt->input ? (uint32_t)pctxt->input->line : 0, 1};
    loader_error(ctx, pos, _("DOCTYPE is not allowed in a module"));
    xmlStopParser(pctxt);
}

/* Counts lines and checks for NUL bytes in one slice. */
/*
 * Counts the attributes of each start tag in the raw text, before libxml2
 * sees it: libxml2 checks attributes for duplicates pairwise, so a tag
 * with a million of them would take hours. Returns the offset in the
 * slice of the attribute over the limit, or -1.
 */
static long scan_tags(loader_ctx *ctx, const char *slice, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        /* Text, quoted values and comments are skipped at memchr speed. */
        char skip_to = ctx->tag_state == TAG_NONE     ? '<'
                       : ctx->tag_state == TAG_QUOTED ? ctx->tag_quote
                       : ctx->tag_state == TAG_OTHER  ? '>'
                                                      : 0;
        if (skip_to) {
            const char *hit = memchr(slice + i, skip_to, n - i);
            if (!hit)
                return -1;
            i = (size_t)(hit - slice);
        }
        char c = slice[i];
        switch (ctx->tag_state) {
        case TAG_NONE:
            if (c == '<')
                ctx->tag_state = TAG_OPEN;
            break;
        case TAG_OPEN: /* just after '<' */
            ctx->tag_state = c == '!' || c == '?' ? TAG_OTHER : TAG_IN;
            ctx->n_tag_attributes = 0;
            break;
        case TAG_IN:
            if (c == '>') {
                ctx->tag_state = TAG_NONE;
            } else if (c == '"' || c == '\'') {
                ctx->tag_quote = c;
                ctx->tag_state = TAG_QUOTED;
            } else if (c == '=' && ++ctx->n_tag_attributes > MAX_ATTRIBUTES) {
                return (long)i;
            }
            break;
        case TAG_QUOTED:
            if (c == ctx->tag_quote)
                ctx->tag_state = TAG_IN;
            break;
        case TAG_OTHER: /* comments, processing instructions: no attributes */
            if (c == '>')
                ctx->tag_state = TAG_NONE;
            break;
        }
    }
    return -1;
}

static int scan_slice(loader_ctx *ctx, const char *slice, size_t n)
{
    const char *nul = memchr(slice, '\0', n);
    size_t upto = nul ? (size_t)(nul - slice) : n;
    long too_many = scan_tags(ctx, slice, upto);
    if (too_many >= 0) {
        upto = (size_t)too_many; /* count lines up to it, for the message */
        nul = NULL;
    }
    for (const char *p = slice, *end = slice + upto; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            ctx->col_at_end += (size_t)(end - p);
            break;
        }
        ctx->n_lines++;
        ctx->col_at_end = 0;
        p = nl + 1;
    }
    if (nul) {
        loader_error(ctx, (hrc_srcpos){(uint32_t)ctx->n_lines, (uint32_t)ctx->col_at_end + 1},
                     _("the file contains a NUL byte: it is binary, not UTF-8 XML text"));
        return -1;
    }
    if (too_many >= 0) {
        loader_error(ctx, (hrc_srcpos){(uint32_t)ctx->n_lines, (uint32_t)ctx->col_at_end + 1},
                     _("an element has more than %d attributes"), MAX_ATTRIBUTES);
        return -1;
    }
    return 0;
}

/*
 * Reads the source slice by slice into the push parser, so that neither
 * the loader nor libxml2 ever holds the whole file. Each slice is hashed,
 * counted and checked before the parser sees it.
 */
static int run_parser(loader_ctx *ctx, const loader_source *src, size_t max_bytes,
                      crypto_hash_sha256_state *hash)
{
    char *slice = malloc(PUSH_SLICE);
    if (!slice) {
        ctx->oom = true;
        return -1;
    }
    xmlParserCtxtPtr pctxt = NULL;
    size_t total = 0;
    int failed = 0;
    for (;;) {
        long got = src->read(src->state, slice, PUSH_SLICE);
        if (got < 0) {
            loader_error(ctx, (hrc_srcpos){0, 0}, _("cannot read the file: %s"),
                         strerror(errno));
            failed = -1;
            break;
        }
        size_t n = (size_t)got;
        if (n > max_bytes - total) {
            loader_error(ctx, (hrc_srcpos){0, 0},
                         _("the file is larger than the limit of %zu bytes"), max_bytes);
            failed = -1;
            break;
        }
        if (n == 0 && total == 0) {
            loader_error(ctx, (hrc_srcpos){0, 0}, _("the file is empty"));
            failed = -1;
            break;
        }
        if (total == 0 && check_prolog(ctx, slice, n) != 0) {
            failed = -1;
            break;
        }
        if (n && scan_slice(ctx, slice, n) != 0) {
            failed = -1;
            break;
        }
        total += n;
        crypto_hash_sha256_update(hash, (const unsigned char *)slice, n);
        if (!pctxt) {
            /* The first bytes tell libxml2 the encoding. */
            pctxt = xmlCreatePushParserCtxt(NULL, NULL, slice, n < 4 ? (int)n : 4, NULL);
            if (!pctxt) {
                ctx->oom = true;
                failed = -1;
                break;
            }
            pctxt->_private = ctx;
            xmlCtxtUseOptions(pctxt, PARSE_OPTIONS);
            pctxt->sax->startElementNs = on_start;
            pctxt->sax->endElementNs = on_end;
            pctxt->sax->internalSubset = on_doctype;
            pctxt->sax->externalSubset = NULL;
            pctxt->sax->resolveEntity = NULL;
            if (n > 4)
                xmlParseChunk(pctxt, slice + 4, (int)(n - 4), 0);
        } else if (n > 0) {
            xmlParseChunk(pctxt, slice, (int)n, 0);
        }
        if (pctxt->instate == XML_PARSER_EOF || pctxt->disableSAX)
            break; /* stopped: the parser said why */
        if (n == 0) {
            ctx->fed_all = true;
            xmlParseChunk(pctxt, NULL, 0, 1);
            break;
        }
    }
    free(slice);
    if (!pctxt)
        return -1;
    if (failed) {
        xmlFreeDoc(pctxt->myDoc);
        pctxt->myDoc = NULL;
        xmlFreeParserCtxt(pctxt);
        return -1;
    }
    bool ok = pctxt->wellFormed && !pctxt->disableSAX;
    if (ok && pctxt->myDoc) {
        xmlNode *root = xmlDocGetRootElement(pctxt->myDoc);
        if (root && ctx->root_ok) {
            /* Only for a well-formed file: a cut-off start tag lacks attributes. */
            check_module_attributes(ctx, root);
            check_module_text(ctx, root);
            if (!ctx->seen_meta && !ctx->reported_no_meta)
                loader_error(ctx, loader_node_pos(ctx, root), _("the module has no <meta>"));
            if (ctx->n_items_seen == 0)
                loader_error(ctx, loader_node_pos(ctx, root),
                             _("the module has no content: add a <page>, <timeline>, "
                             "<case> or <quiz>"));
        }
    }
    xmlFreeDoc(pctxt->myDoc);
    pctxt->myDoc = NULL;
    xmlFreeParserCtxt(pctxt);
    return ok && ctx->root_ok ? 0 : -1;
}

int loader_parse(loader_ctx *ctx, const loader_source *src, size_t max_bytes)
{
    xml_setup();
    static bool sodium_ready;
    if (!sodium_ready)
        sodium_ready = sodium_init() >= 0;
    ctx->n_lines = 1;
    ctx->positions_cap = 256;
    ctx->positions = malloc(ctx->positions_cap * sizeof(*ctx->positions));
    if (!ctx->positions) {
        ctx->oom = true;
        loader_error(ctx, (hrc_srcpos){0, 0}, _("out of memory"));
        return -1;
    }
    ctx->positions[0] = (hrc_srcpos){0, 0};
    ctx->n_positions = 1;
    if (max_bytes > INT_MAX)
        max_bytes = INT_MAX;
    xmlRelaxNGPtr rng = module_schema();
    loader_schema_load(); /* without it, libxml2's own messages */
    if (!rng) {
        loader_error(ctx, (hrc_srcpos){0, 0}, _("the built-in module schema did not compile"));
        return -1;
    }

    size_t before = ctx->diags->n_errors;
    int result = -1;
    ctx->validator = xmlRelaxNGNewValidCtxt(rng);
    ctx->stand_in = xmlNewDoc(BAD_CAST "1.0");
    if (!ctx->validator || !ctx->stand_in) {
        ctx->oom = true;
        loader_error(ctx, (hrc_srcpos){0, 0}, _("out of memory"));
    } else {
        xmlRelaxNGSetValidStructuredErrors(ctx->validator, loader_on_xml_error, ctx);
        xmlSetStructuredErrorFunc(ctx, loader_on_xml_error);
        crypto_hash_sha256_state hash;
        crypto_hash_sha256_init(&hash);
        result = run_parser(ctx, src, max_bytes, &hash);
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&hash, digest);
        sodium_bin2hex(ctx->module->content_hash, sizeof(ctx->module->content_hash),
                       digest, sizeof(digest));
        xmlSetStructuredErrorFunc(NULL, silent_structured);
        if (result != 0 && ctx->diags->n_errors == before)
            loader_error(ctx, (hrc_srcpos){0, 0}, _("the file is not well-formed XML"));
    }
    xmlFreeDoc(ctx->stand_in);
    ctx->stand_in = NULL;
    xmlRelaxNGFreeValidCtxt(ctx->validator);
    ctx->validator = NULL;
    return result;
}
