#include "core/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_LIMIT = 1000 };

void hrc_diags_init(hrc_diags *d)
{
    memset(d, 0, sizeof(*d));
}

void hrc_diags_clear(hrc_diags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    size_t limit = d->limit;
    hrc_diags_init(d);
    d->limit = limit;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

void hrc_diags_add(hrc_diags *d, hrc_severity sev, const char *file,
                   unsigned line, unsigned col, const char *fmt, ...)
{
    if (sev == HRC_ERROR)
        d->n_errors++;
    else
        d->n_warnings++;
    size_t limit = d->limit ? d->limit : DEFAULT_LIMIT;
    if (d->count >= limit) {
        d->truncated = true;
        return;
    }
    if (d->count == d->capacity) {
        size_t cap = d->capacity ? d->capacity * 2 : 16;
        hrc_diag *items = realloc(d->items, cap * sizeof(*items));
        if (!items)
            return;
        d->items = items;
        d->capacity = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *message = NULL;
    if (vasprintf(&message, fmt, ap) < 0)
        message = NULL;
    va_end(ap);
    if (!message)
        return;
    /* Messages are one line: an editor reads one problem per line. */
    for (char *p = message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    d->items[d->count++] = (hrc_diag){
        .severity = sev,
        .file = dup_or_null(file),
        .line = line,
        .col = col,
        .message = message,
    };
}

void hrc_diag_format(const hrc_diag *diag, FILE *out)
{
    const char *file = diag->file ? diag->file : "<input>";
    const char *kind = diag->severity == HRC_ERROR ? "error" : "warning";
    if (diag->line && diag->col)
        fprintf(out, "%s:%u:%u: %s: %s\n", file, diag->line, diag->col, kind,
                diag->message);
    else if (diag->line)
        fprintf(out, "%s:%u: %s: %s\n", file, diag->line, kind, diag->message);
    else
        fprintf(out, "%s: %s: %s\n", file, kind, diag->message);
}

static int compare_diags(const void *a, const void *b)
{
    const hrc_diag *x = a, *y = b;
    int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return 0;
}

void hrc_diags_sort(hrc_diags *d)
{
    /* Insertion sort: stable, and lists are short. */
    for (size_t i = 1; i < d->count; i++) {
        hrc_diag item = d->items[i];
        size_t j = i;
        while (j > 0 && compare_diags(&d->items[j - 1], &item) > 0) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = item;
    }
}
