/*
 * preview.h: the author's preview session, with no display.
 *
 * Holds the course being written (a folder of modules, or one module
 * file), loads it again on demand, and keeps what the preview window
 * shows: the last course that loaded cleanly, or the problems of the
 * last attempt with the source line each one points at. A broken save
 * (truncated, empty, binary) is just a load with problems: nothing here
 * crashes on it, and the last good course stays in memory.
 *
 * Ownership: the session owns its course until a reload replaces it; the
 * old one is handed back so the caller can first retire whatever borrows
 * it (the app), then free it.
 */
#ifndef HRC_PREVIEW_H
#define HRC_PREVIEW_H

#include "core/diag.h"
#include "core/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hrc_preview {
    char *path;          /* the course folder or module file, as given */
    hrc_course *course;  /* the last course with no errors; NULL before one */
    hrc_diags diags;     /* every problem of the last load, sorted */
    char **source_lines; /* diags.count entries: the line each problem is
                            on, printable, or NULL when there is none */
    bool broken;         /* the last load had errors: show diags, not course */
    bool show_warnings;  /* the course loads, but the window shows its
                            warnings: set by a load whose warnings differ
                            from the last load's, cleared by the author
                            (Escape) or by a load with none */
    uint64_t warnings_seen; /* what the last load's warnings said */
    unsigned reloads;    /* loads so far, the first included */
} hrc_preview;

/* Returns 0 and sets *out (not loaded yet), or -1 when out of memory. */
int hrc_preview_new(const char *path, hrc_preview **out);
void hrc_preview_free(hrc_preview *p); /* NULL is fine; frees the course */

/*
 * Loads the course again. When it loads with no error, it becomes
 * p->course, the previous course (or NULL) is moved to *retired for the
 * caller to free, and 0 is returned. Otherwise p->course is kept,
 * *retired is NULL, p->broken is set and 1 is returned. Warnings alone
 * do not break the preview; warnings other than the last load's set
 * p->show_warnings. Returns -1 only when out of memory.
 */
int hrc_preview_reload(hrc_preview *p, hrc_course **retired);

/* Whether the window shows the problems instead of the course: errors, or
 * warnings not dismissed yet. */
bool hrc_preview_shows_problems(const hrc_preview *p);

/*
 * Calls add(dir) for each folder whose files the preview depends on: the
 * course folder (or the module's folder) and the folders of its images.
 * A folder may come more than once.
 */
void hrc_preview_each_dir(const hrc_preview *p, void (*add)(void *ctx, const char *dir),
                          void *ctx);

/* Line `line` (1-based) of a file, with tabs made spaces and bytes that
 * are not printable UTF-8 replaced by '?', cut at max_bytes. NULL when the
 * file or the line cannot be read. Free with free(). */
char *hrc_source_line(const char *file, unsigned line, size_t max_bytes);

#endif
