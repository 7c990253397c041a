/*
 * diag.h: a list of problems found in a file, in the GCC form
 * "file:line:col: error: message" so that editors can jump to them.
 *
 * The core never prints: it collects diagnostics here and the caller
 * decides where they go (the terminal, the author's preview window).
 */
#ifndef HRC_DIAG_H
#define HRC_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum hrc_severity { HRC_WARNING, HRC_ERROR } hrc_severity;

typedef struct hrc_diag {
    hrc_severity severity;
    char *file;    /* as given by the caller */
    unsigned line; /* 1-based; 0 when the problem is about the whole file */
    unsigned col;  /* 1-based; 0 when unknown */
    char *message; /* one line, no trailing period */
} hrc_diag;

typedef struct hrc_diags {
    size_t count;
    size_t capacity;
    hrc_diag *items;
    size_t n_errors;
    size_t n_warnings;
    size_t limit; /* stop collecting after this many (0: default 1000) */
    bool truncated;
} hrc_diags;

void hrc_diags_init(hrc_diags *d);
void hrc_diags_clear(hrc_diags *d); /* frees every item; d stays usable */
/* printf-style. On allocation failure the problem is counted but not kept. */
void hrc_diags_add(hrc_diags *d, hrc_severity sev, const char *file,
                   unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Writes "file:line:col: error: message\n" (line and col omitted when 0). */
void hrc_diag_format(const hrc_diag *diag, FILE *out);
/* Sorts by file, then line, then column (stable for equal positions). */
void hrc_diags_sort(hrc_diags *d);

#endif
