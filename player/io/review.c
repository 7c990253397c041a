/* The review sheet. See review.h. */
#include "io/review.h"

#include "core/i18n.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TITLE_CHARS = 90 };

typedef struct review_note {
    char *label, *text;
} review_note;

typedef struct review_entry {
    char *png, *title, *module_path, *id;
    unsigned line;
    review_note *notes;
    size_t n_notes;
} review_entry;

struct hrc_review {
    char *dir;
    review_entry *entries;
    size_t count, capacity;
};

int hrc_review_new(const char *dir, hrc_review **out)
{
    *out = NULL;
    hrc_review *r = calloc(1, sizeof *r);
    if (!r || !(r->dir = strdup(dir))) {
        free(r);
        return -1;
    }
    *out = r;
    return 0;
}

static void entry_free(review_entry *e)
{
    free(e->png);
    free(e->title);
    free(e->module_path);
    free(e->id);
    for (size_t i = 0; i < e->n_notes; i++) {
        free(e->notes[i].label);
        free(e->notes[i].text);
    }
    free(e->notes);
}

void hrc_review_free(hrc_review *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->count; i++)
        entry_free(&r->entries[i]);
    free(r->entries);
    free(r->dir);
    free(r);
}

static char *copy(const char *s, bool *failed)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        *failed = true;
    return c;
}

int hrc_review_add(hrc_review *r, const char *png, const char *title,
                   const char *module_path, const char *id, unsigned line)
{
    if (r->count == r->capacity) {
        size_t cap = r->capacity ? r->capacity * 2 : 32;
        review_entry *grown = realloc(r->entries, cap * sizeof *grown);
        if (!grown)
            return -1;
        r->entries = grown;
        r->capacity = cap;
    }
    bool failed = false;
    review_entry e = {copy(png, &failed), copy(title, &failed), copy(module_path, &failed),
                      copy(id, &failed), line, NULL, 0};
    if (failed || !e.png) {
        entry_free(&e);
        return -1;
    }
    r->entries[r->count++] = e;
    return 0;
}

int hrc_review_add_note(hrc_review *r, const char *label, const char *text)
{
    if (r->count == 0)
        return -1;
    review_entry *e = &r->entries[r->count - 1];
    review_note *grown = realloc(e->notes, (e->n_notes + 1) * sizeof *grown);
    if (!grown)
        return -1;
    e->notes = grown;
    bool failed = false;
    review_note n = {copy(label ? label : "", &failed), copy(text ? text : "", &failed)};
    if (failed) {
        free(n.label);
        free(n.text);
        return -1;
    }
    e->notes[e->n_notes++] = n;
    return 0;
}

bool hrc_review_shown_before(const hrc_review *r, const char *id)
{
    for (size_t i = 0; id && i + 1 < r->count; i++)
        if (r->entries[i].id && strcmp(r->entries[i].id, id) == 0)
            return true;
    return false;
}

size_t hrc_review_cut(const char *s, size_t max_chars)
{
    size_t chars = 0, i = 0, last_space = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue;
        if (chars == max_chars)
            break;
        if (s[i] == ' ')
            last_space = i;
        chars++;
    }
    if (!s[i])
        return i;
    /* Cut at the last space when it keeps most of the text. */
    size_t cut = s[i] == ' ' ? i : last_space > i / 2 ? last_space : i;
    while (cut > 0 && s[cut - 1] == ' ')
        cut--;
    return cut;
}

/* Text for HTML content and quoted attribute values. */
static void escaped_n(FILE *f, const char *s, size_t n)
{
    for (const char *end = s ? s + n : s; s && s < end && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f); break;
        }
    }
}

static void escaped(FILE *f, const char *s)
{
    escaped_n(f, s, s ? strlen(s) : 0);
}

/* A title, cut with an ellipsis when longer than a line of the sheet. */
static void title_text(FILE *f, const char *s)
{
    size_t n = hrc_review_cut(s, TITLE_CHARS);
    escaped_n(f, s, n);
    if (s[n])
        fputs("\xe2\x80\xa6", f); /* U+2026 */
}

/* A file name as a relative URL: bytes outside a safe set are %-encoded,
 * so a name cannot end the attribute or be read as a scheme. */
static void url_path(FILE *f, const char *s)
{
    fputs("./", f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool safe = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.';
        if (safe)
            fputc(*p, f);
        else
            fprintf(f, "%%%02X", *p);
    }
}

static void write_page(const hrc_review *r, FILE *f)
{
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<title>", hrc_i18n_language());
    escaped(f, _("Review sheet"));
    fputs("</title>\n<style>\n"
          "body{font-family:sans-serif;margin:2em auto;max-width:90em;padding:0 1em;"
          "color:#1c1c1c;background:#f7f6f2}\n"
          "figure{margin:0 0 2.5em;padding:1em;background:#fff;border:1px solid #ccc}\n"
          ".shot{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}\n"
          ".shot img{flex:3 1 30em;max-width:100%;height:auto;border:1px solid #999}\n"
          ".notes{flex:1 1 18em;margin:0}\n"
          ".notes dt{font-weight:bold;margin-top:.6em}\n"
          ".notes dd{margin:0 0 0 1em}\n"
          "figcaption{margin-bottom:.6em}\n"
          "code{background:#eee;padding:0 .25em}\n"
          "nav ol{columns:2}\n"
          "</style>\n</head>\n<body>\n<h1>", f);
    escaped(f, _("Review sheet"));
    fputs("</h1>\n<p>", f);
    char intro[300];
    snprintf(intro, sizeof intro,
             ngettext("%zu screen. Each shows the id of what it displays and the module file "
                      "and line it comes from; beside the questions, what learners can see "
                      "that the picture does not show: every choice's feedback, the hints.",
                      "%zu screens. Each shows the id of what it displays and the module file "
                      "and line it comes from; beside the questions, what learners can see "
                      "that the picture does not show: every choice's feedback, the hints.",
                      r->count),
             r->count);
    escaped(f, intro);
    fputs("</p>\n<nav><ol>\n", f);
    for (size_t i = 0; i < r->count; i++) {
        const review_entry *e = &r->entries[i];
        fprintf(f, "<li><a href=\"#s%zu\">", i + 1);
        title_text(f, e->id ? e->id : e->title && *e->title ? e->title : e->png);
        fputs("</a></li>\n", f);
    }
    fputs("</ol></nav>\n", f);
    for (size_t i = 0; i < r->count; i++) {
        const review_entry *e = &r->entries[i];
        fprintf(f, "<figure id=\"s%zu\">\n<figcaption><strong>", i + 1);
        title_text(f, e->title && *e->title ? e->title : e->png);
        fputs("</strong><br>\n", f);
        if (e->id) {
            escaped(f, _("id"));
            fputs(" <code class=\"id\">", f);
            escaped(f, e->id);
            fputs("</code>", f);
        } else {
            escaped(f, _("no module item on this screen"));
        }
        if (e->module_path) {
            fputs(" &middot; <span class=\"source\"><code>", f);
            escaped(f, e->module_path);
            fprintf(f, ":%u</code></span>", e->line);
        }
        fputs(" &middot; <code class=\"png\">", f);
        escaped(f, e->png);
        fputs("</code></figcaption>\n<div class=\"shot\">\n<img src=\"", f);
        url_path(f, e->png);
        fputs("\" alt=\"", f);
        escaped(f, e->title && *e->title ? e->title : e->png);
        fputs("\" loading=\"lazy\">\n", f);
        if (e->n_notes) {
            fputs("<dl class=\"notes\">\n", f);
            for (size_t k = 0; k < e->n_notes; k++) {
                fputs("<dt>", f);
                escaped(f, e->notes[k].label);
                fputs("</dt><dd>", f);
                escaped(f, e->notes[k].text);
                fputs("</dd>\n", f);
            }
            fputs("</dl>\n", f);
        }
        fputs("</div>\n</figure>\n", f);
    }
    fputs("</body>\n</html>\n", f);
}

int hrc_review_write(const hrc_review *r, char *err, size_t err_size)
{
    char path[4096], tmp[4200];
    if (snprintf(path, sizeof path, "%s/index.html", r->dir) >= (int)sizeof path) {
        snprintf(err, err_size, "the folder name is too long: %s", r->dir);
        return -1;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, err_size, "cannot write %s: %s", tmp, strerror(errno));
        return -1;
    }
    write_page(r, f);
    bool failed = ferror(f) != 0;
    if (fclose(f) != 0 || failed || rename(tmp, path) != 0) {
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}
