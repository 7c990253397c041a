/*
 * loader_pos.c: where each element starts in the source, as line and
 * column, for messages that point at the author's text.
 */
#include "io/loader_internal.h"

#include <libxml/parserInternals.h>

#include <stdlib.h>
#include <string.h>

/* ---- Source positions ------------------------------------------------- */

/*
 * The file is never held whole, so positions are taken while the parser
 * still has the start tag in its buffer: at each start of element, the
 * last '<' before the parser's position is where the tag began (attribute
 * values cannot contain a raw '<'). Each element's position goes into
 * ctx->positions, and the element keeps its index in the two 16-bit
 * fields libxml2 leaves to applications in a plain tree (line, extra).
 * The index restarts with each top-level element, whose subtree is freed
 * before the next one starts.
 */
static size_t count_chars(const xmlChar *from, const xmlChar *to)
{
    size_t n = 0;
    for (; from < to; from++)
        n += (*from & 0xC0) != 0x80; /* columns count characters, like libxml2's */
    return n;
}

/*
 * The column of the tag starting at lt: counted on from the previous tag
 * when both lie on one line of the same buffer, so that a file written on
 * one long line costs linear time, not quadratic. 0 when unknown.
 */
static uint32_t column_of(loader_ctx *ctx, const xmlParserInputPtr in, const xmlChar *lt)
{
    const xmlChar *from = NULL;
    if (ctx->col_base == in->base && ctx->col_mark && ctx->col_mark <= lt) {
        from = ctx->col_mark;
        for (const xmlChar *p = from; p < lt && from; p++)
            if (*p == '\n')
                from = NULL;
    }
    uint32_t col = 0;
    if (from) {
        col = ctx->col_at_mark + (uint32_t)count_chars(from, lt);
    } else {
        const xmlChar *bol = lt;
        while (bol > in->base && bol[-1] != '\n')
            bol--;
        if (bol > in->base || in->base[0] == '<' || memchr(lt, '\n', (size_t)(in->cur - lt)))
            col = (uint32_t)count_chars(bol, lt) + 1;
        else if (in->col > 0) /* the line began before the parser's buffer */
            col = (uint32_t)((size_t)in->col > count_chars(lt, in->cur)
                                 ? (size_t)in->col - count_chars(lt, in->cur) : 1);
    }
    if (col) {
        ctx->col_base = in->base;
        ctx->col_mark = lt;
        ctx->col_at_mark = col;
    }
    return col;
}

hrc_srcpos loader_start_tag_pos(loader_ctx *ctx, xmlParserCtxtPtr pctxt)
{
    xmlParserInputPtr in = pctxt->input;
    hrc_srcpos pos = {in && in->line > 0 ? (uint32_t)in->line : 0, 1};
    if (!in || !in->cur || !in->base || in->cur <= in->base)
        return pos;
    const xmlChar *lt = in->cur - 1;
    while (lt > in->base && *lt != '<')
        lt--;
    if (*lt != '<')
        return pos;
    uint32_t newlines = 0;
    for (const xmlChar *p = lt; p < in->cur; p++)
        newlines += *p == '\n';
    pos.line = pos.line > newlines ? pos.line - newlines : 1;
    uint32_t col = column_of(ctx, in, lt);
    if (col)
        pos.col = col;
    return pos;
}

/* Slot 0 is the root's; the others are reused for each top-level element. */
void loader_remember_pos(loader_ctx *ctx, xmlNode *node, hrc_srcpos pos, bool root)
{
    size_t index = 0;
    if (!root) {
        if (ctx->n_positions == ctx->positions_cap) {
            size_t cap = ctx->positions_cap * 2;
            hrc_srcpos *grown = cap <= 0xffffffffu
                                    ? realloc(ctx->positions, cap * sizeof(*grown)) : NULL;
            if (!grown) {
                ctx->oom = true;
                node->line = node->extra = 0xffff; /* no position */
                return;
            }
            ctx->positions = grown;
            ctx->positions_cap = cap;
        }
        index = ctx->n_positions++;
    }
    ctx->positions[index] = pos;
    node->line = (unsigned short)(index & 0xffff);
    node->extra = (unsigned short)(index >> 16);
}

hrc_srcpos loader_node_pos(loader_ctx *ctx, const xmlNode *node)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return (hrc_srcpos){0, 0};
    size_t index = (size_t)node->line | (size_t)node->extra << 16;
    return index < ctx->n_positions ? ctx->positions[index] : (hrc_srcpos){0, 0};
}

/* Line and column of an offset within the first slice of the file. */
hrc_srcpos loader_slice_pos(const char *slice, size_t offset)
{
    hrc_srcpos pos = {1, 1};
    for (size_t i = 0; i < offset; i++) {
        if (slice[i] == '\n') {
            pos.line++;
            pos.col = 1;
        } else {
            pos.col++;
        }
    }
    return pos;
}

static bool tag_space(xmlChar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * The start tag is still in the parser's buffer, from its '<' to the
 * parser's position: scan it for the attribute, counting lines and
 * characters from the tag's own position.
 */
hrc_srcpos loader_start_tag_attr_pos(loader_ctx *ctx, xmlParserCtxtPtr pctxt, hrc_srcpos tag,
                                     const char *qname)
{
    xmlParserInputPtr in = pctxt ? pctxt->input : NULL;
    if (!in || !in->cur || !in->base || in->cur <= in->base || tag.col == 0)
        return tag;
    const xmlChar *lt = in->cur - 1, *end = in->cur;
    while (lt > in->base && *lt != '<')
        lt--;
    if (*lt != '<')
        return tag;
    size_t want = strlen(qname);
    const xmlChar *p = lt + 1;
    while (p < end && !tag_space(*p) && *p != '>' && *p != '/')
        p++; /* the element's name */
    while (p < end) {
        while (p < end && tag_space(*p))
            p++;
        const xmlChar *name = p;
        while (p < end && !tag_space(*p) && *p != '=' && *p != '>' && *p != '/')
            p++;
        if (p == name)
            return tag; /* '>' or '/': not found */
        if ((size_t)(p - name) == want && memcmp(name, qname, want) == 0) {
            hrc_srcpos pos = tag;
            const xmlChar *bol = NULL;
            for (const xmlChar *q = lt; q < name; q++)
                if (*q == '\n') {
                    pos.line++;
                    bol = q + 1;
                }
            pos.col = bol ? (uint32_t)count_chars(bol, name) + 1
                          : tag.col + (uint32_t)count_chars(lt, name);
            return pos;
        }
        while (p < end && tag_space(*p))
            p++;
        if (p < end && *p == '=')
            p++;
        while (p < end && tag_space(*p))
            p++;
        if (p < end && (*p == '"' || *p == '\'')) {
            xmlChar quote = *p++;
            while (p < end && *p != quote)
                p++;
            p++;
        }
    }
    (void)ctx;
    return tag;
}
