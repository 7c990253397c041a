/* The review sheet. See review.h. */
#include "io/review.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct review_entry {
    char *png, *title, *module_path, *id;
    unsigned line;
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
                      copy(id, &failed), line};
    if (failed || !e.png) {
        entry_free(&e);
        return -1;
    }
    r->entries[r->count++] = e;
    return 0;
}

/* Text for HTML content and quoted attribute values. */
static void escaped(FILE *f, const char *s)
{
    for (; s && *s; s++) {
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

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void write_page(const hrc_review *r, FILE *f)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<title>Review sheet</title>\n<style>\n"
          "body{font-family:sans-serif;margin:2em auto;max-width:70em;padding:0 1em;"
          "color:#1c1c1c;background:#f7f6f2}\n"
          "figure{margin:0 0 2.5em;padding:1em;background:#fff;border:1px solid #ccc}\n"
          "img{max-width:100%;height:auto;border:1px solid #999}\n"
          "figcaption{margin-bottom:.6em}\n"
          "code{background:#eee;padding:0 .25em}\n"
          "nav ol{columns:2}\n"
          "</style>\n</head>\n<body>\n<h1>Review sheet</h1>\n", f);
    fprintf(f, "<p>%zu screens. Each shows the id of what it displays and the module file "
               "and line it comes from.</p>\n<nav><ol>\n", r->count);
    for (size_t i = 0; i < r->count; i++) {
        const review_entry *e = &r->entries[i];
        fprintf(f, "<li><a href=\"#s%zu\">", i + 1);
        escaped(f, e->id ? e->id : e->title ? e->title : e->png);
        fputs("</a></li>\n", f);
    }
    fputs("</ol></nav>\n", f);
    for (size_t i = 0; i < r->count; i++) {
        const review_entry *e = &r->entries[i];
        fprintf(f, "<figure id=\"s%zu\">\n<figcaption><strong>", i + 1);
        escaped(f, e->title && *e->title ? e->title : e->png);
        fputs("</strong><br>\n", f);
        if (e->id) {
            fputs("id <code class=\"id\">", f);
            escaped(f, e->id);
            fputs("</code>", f);
        } else {
            fputs("no module item on this screen", f);
        }
        if (e->module_path) {
            fputs(" &middot; <span class=\"source\"><code>", f);
            escaped(f, base_name(e->module_path));
            fprintf(f, ":%u</code></span> <small>(", e->line);
            escaped(f, e->module_path);
            fputs(")</small>", f);
        }
        fputs(" &middot; <code class=\"png\">", f);
        escaped(f, e->png);
        fputs("</code></figcaption>\n<img src=\"", f);
        url_path(f, e->png);
        fputs("\" alt=\"", f);
        escaped(f, e->title && *e->title ? e->title : e->png);
        fputs("\" loading=\"lazy\">\n</figure>\n", f);
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
