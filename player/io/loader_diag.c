/*
 * loader_diag.c: the loader's problems as diagnostics: its own messages
 * (loader_error, loader_warning) and libxml2's, captured, reworded where
 * libxml2's words would puzzle an author, and kept to one line.
 */
#include "io/loader_internal.h"

#include "core/i18n.h"

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

/* libxml2 messages end with a newline and sometimes carry spaces. */
void loader_on_xml_error(void *arg, xmlErrorPtr err)
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
    }
    const char *msg = err->message ? err->message : "malformed XML";
    char reworded[160];
    if (strncmp(msg, "Excessive depth in document", 27) == 0) {
        msg = _("elements are nested too deeply");
    } else if (strncmp(msg, "Input is not proper UTF-8", 25) == 0) {
        const char *bytes = strstr(msg, "Bytes:");
        snprintf(reworded, sizeof(reworded), _("the file is not valid UTF-8 text%s%.40s"),
                 bytes ? "; " : "", bytes ? bytes : "");
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
}
