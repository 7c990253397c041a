/* The author's preview session. See preview.h. */
#include "io/preview.h"

#include "core/utf8.h"
#include "io/loader.h"

#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { SOURCE_LINE_MAX = 400 };

int hrc_preview_new(const char *path, hrc_preview **out)
{
    *out = NULL;
    hrc_preview *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    p->path = strdup(path);
    if (!p->path) {
        free(p);
        return -1;
    }
    hrc_diags_init(&p->diags);
    *out = p;
    return 0;
}

static void clear_problems(hrc_preview *p)
{
    for (size_t i = 0; p->source_lines && i < p->diags.count; i++)
        free(p->source_lines[i]);
    free(p->source_lines);
    p->source_lines = NULL;
    hrc_diags_clear(&p->diags);
}

void hrc_preview_free(hrc_preview *p)
{
    if (!p)
        return;
    clear_problems(p);
    hrc_course_free(p->course);
    free(p->path);
    free(p);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}


/* FNV-1a over the files and messages of the warnings, in order. */
static uint64_t warnings_fingerprint(const hrc_diags *d)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < d->count; i++) {
        const hrc_diag *g = &d->items[i];
        if (g->severity != HRC_WARNING)
            continue;
        for (int k = 0; k < 2; k++) {
            const char *s = k ? g->message : g->file;
            for (; s && *s; s++)
                h = (h ^ (unsigned char)*s) * 1099511628211ull;
            h = (h ^ 0xff) * 1099511628211ull;
        }
    }
    return h;
}

int hrc_preview_reload(hrc_preview *p, hrc_course **retired)
{
    *retired = NULL;
    clear_problems(p);
    p->reloads++;
    hrc_course *course = NULL;
    int rc = hrc_course_open(p->path, &course, &p->diags);
    hrc_diags_sort(&p->diags);
    if (p->diags.count) {
        p->source_lines = calloc(p->diags.count, sizeof *p->source_lines);
        if (!p->source_lines) {
            hrc_course_free(course);
            p->broken = true;
            return -1;
        }
        for (size_t i = 0; i < p->diags.count; i++) {
            const hrc_diag *d = &p->diags.items[i];
            if (d->file && d->line)
                p->source_lines[i] = hrc_source_line(d->file, d->line, SOURCE_LINE_MAX);
        }
    }
    if (rc || p->diags.n_errors || !course || course->n_modules == 0) {
        if (p->diags.n_errors == 0)
            hrc_diags_add(&p->diags, HRC_ERROR, p->path, 0, 0, "%s",
                          "no module could be loaded");
        hrc_course_free(course);
        p->broken = true;
        return 1;
    }
    *retired = p->course;
    p->course = course;
    p->broken = false;
    /* New warnings are shown; the same ones again, after an edit elsewhere,
     * are not (their lines may have moved: only what they say counts). */
    uint64_t seen = warnings_fingerprint(&p->diags);
    if (p->diags.n_warnings == 0)
        p->show_warnings = false;
    else if (seen != p->warnings_seen)
        p->show_warnings = true;
    p->warnings_seen = seen;
    return 0;
}

bool hrc_preview_shows_problems(const hrc_preview *p)
{
    return p->broken || (p->show_warnings && p->diags.n_warnings > 0);
}

/* ---- Folders to watch ---------------------------------------------------- */

static void add_image_dir(const hrc_image *img, void (*add)(void *, const char *), void *ctx)
{
    if (!img->resolved)
        return;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", img->resolved);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return;
    *slash = '\0';
    add(ctx, dir[0] ? dir : "/");
}

static void add_block_dirs(const hrc_block *b, size_t n, void (*add)(void *, const char *),
                           void *ctx)
{
    for (size_t i = 0; i < n; i++)
        if (b[i].kind == HRC_BLOCK_IMAGE)
            add_image_dir(&b[i].image, add, ctx);
}

static void add_module_dirs(const hrc_module *m, void (*add)(void *, const char *), void *ctx)
{
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        if (it->kind == HRC_ITEM_PAGE) {
            add_block_dirs(it->u.page->blocks, it->u.page->n_blocks, add, ctx);
        } else if (it->kind == HRC_ITEM_CASE) {
            add_block_dirs(it->u.case_study->context, it->u.case_study->n_context, add, ctx);
            add_block_dirs(it->u.case_study->outcomes, it->u.case_study->n_outcomes, add, ctx);
        } else if (it->kind == HRC_ITEM_TIMELINE) {
            const hrc_timeline *tl = it->u.timeline;
            for (size_t e = 0; e < tl->n_eras; e++)
                for (size_t v = 0; v < tl->eras[e].n_events; v++)
                    if (tl->eras[e].events[v].has_image)
                        add_image_dir(&tl->eras[e].events[v].image, add, ctx);
        }
    }
}

void hrc_preview_each_dir(const hrc_preview *p, void (*add)(void *ctx, const char *dir),
                          void *ctx)
{
    char base[PATH_MAX];
    if (is_dir(p->path)) {
        snprintf(base, sizeof base, "%s", p->path);
    } else {
        snprintf(base, sizeof base, "%s", p->path);
        char *slash = strrchr(base, '/');
        if (!slash)
            snprintf(base, sizeof base, ".");
        else
            slash[slash == base] = '\0'; /* "/x.xml" keeps its "/" */
    }
    add(ctx, base);
    /* Its subfolders too: an image the author is about to add to
     * images/ is missing (an error) until it arrives there. */
    DIR *d = opendir(base);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char sub[PATH_MAX];
        if (snprintf(sub, sizeof sub, "%s/%s", base, e->d_name) < (int)sizeof sub &&
            is_dir(sub))
            add(ctx, sub);
    }
    if (d)
        closedir(d);
    for (size_t i = 0; p->course && i < p->course->n_modules; i++)
        if (p->course->modules[i])
            add_module_dirs(p->course->modules[i], add, ctx);
}

/* ---- Source lines ---------------------------------------------------------- */

/* Length of the valid, printable UTF-8 character at s (n bytes left), or
 * 0 when the byte there is not the start of one. */
static size_t printable_char(const unsigned char *s, size_t n)
{
    uint32_t cp;
    size_t len = hrc_utf8_decode((const char *)s, n, &cp);
    return len && cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) ? len : 0;
}

char *hrc_source_line(const char *file, unsigned line, size_t max_bytes)
{
    if (!file || line == 0 || max_bytes < 4)
        return NULL;
    FILE *f = fopen(file, "rb");
    if (!f)
        return NULL;
    int c;
    for (unsigned at = 1; at < line;) {
        c = getc(f);
        if (c == EOF) {
            fclose(f);
            return NULL;
        }
        if (c == '\n')
            at++;
    }
    /* Read a little more than kept: a character cut at the end is dropped. */
    unsigned char raw[SOURCE_LINE_MAX * 2 + 8];
    size_t want = max_bytes + 4 < sizeof raw ? max_bytes + 4 : sizeof raw;
    size_t n = 0;
    while (n < want && (c = getc(f)) != EOF && c != '\n')
        raw[n++] = (unsigned char)c;
    bool at_eof = c == EOF;
    fclose(f);
    if (n == 0 && at_eof && line > 1)
        return NULL; /* past the last line */
    if (n && raw[n - 1] == '\r')
        n--;
    char *out = malloc(max_bytes + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n && o < max_bytes;) {
        size_t len = printable_char(raw + i, n - i);
        if (len && o + len <= max_bytes) {
            memcpy(out + o, raw + i, len);
            o += len;
            i += len;
        } else if (len) {
            break;
        } else {
            out[o++] = raw[i] == '\t' ? ' ' : '?';
            i++;
        }
    }
    out[o] = '\0';
    return out;
}
