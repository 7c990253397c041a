/*
 * paper_internal.h: what paper_*.c share: a document of pages drawn with
 * cairo and Pango, laid out top to bottom, numbered at the end, and
 * written privately. Not for the rest of the player (io/paper.h).
 */
#ifndef HRC_IO_PAPER_INTERNAL_H
#define HRC_IO_PAPER_INTERNAL_H

#include "io/paper.h"

#include <cairo.h>
#include <pango/pangocairo.h>

/* Text styles: bitwise OR. */
enum {
    PAPER_BOLD = 1 << 0,
    PAPER_ITALIC = 1 << 1,
    PAPER_CENTER = 1 << 2,
    PAPER_RIGHT = 1 << 3,
    PAPER_ELLIPSIZE = 1 << 4, /* one line, cut with "..." */
};
/* At most n lines (1..255), the last cut with "...". */
#define PAPER_MAX_LINES(n) ((unsigned)(n) << 8)

typedef struct paper_doc {
    double width, height;   /* points (1/72 in) */
    double margin;
    double top, bottom;     /* where content may go on a page */
    double y;               /* the next line's top */
    cairo_surface_t **pages; /* recording surfaces, replayed by paper_finish */
    size_t n_pages, cap_pages;
    cairo_t *cr;            /* the current page's */
    PangoLayout *layout;
    PangoFontDescription *font;
    char footer[512];       /* left of each page's foot; "Page N of M" on the right */
    bool failed;            /* out of memory or a cairo error: finish says so */
} paper_doc;

/* A4 or Letter, portrait or landscape. err gets why on failure. */
int paper_open(paper_doc *d, hrc_paper_size size, bool landscape, const char *fonts_dir,
               char *err, size_t err_size);
void paper_close(paper_doc *d); /* frees everything; fine after a failed open */

/* Starts a page (y at its top). */
void paper_new_page(paper_doc *d);
/* Starts a page unless height fits below y. Returns true when it did. */
bool paper_need(paper_doc *d, double height);

/* Draws text at (x, y) in a box w wide (wrapped unless PAPER_ELLIPSIZE);
 * returns its height. size in points. */
double paper_text(paper_doc *d, double x, double y, double w, const char *text, double size,
                  unsigned style);
/* The height text would take. */
double paper_measure(paper_doc *d, double w, const char *text, double size, unsigned style);
/* The width of one line of text. */
double paper_text_width(paper_doc *d, const char *text, double size, unsigned style);
void paper_line(paper_doc *d, double x1, double y1, double x2, double y2, double width);
/* A rectangle filled with grey (0 black .. 1 white), or outlined when
 * grey < 0 (line width -grey). */
void paper_rect(paper_doc *d, double x, double y, double w, double h, double grey);
cairo_t *paper_cairo(paper_doc *d); /* the current page's, to draw anything else */

typedef struct paper_meta {
    const char *title, *author, *subject, *keywords;
} paper_meta;

/* Numbers the pages ("Page N of M" and d->footer at each foot, unless
 * footer is false) and makes the PDF in memory (*out, free() it). */
int paper_finish(paper_doc *d, const paper_meta *meta, bool footer, unsigned char **out,
                 size_t *len, char *err, size_t err_size);

/* Writes data to path whole or not at all, mode 0600 (see paper.h). */
int paper_write_file(const char *path, const void *data, size_t len, char *err,
                     size_t err_size);

/* "1 December 2026" in the interface language (core/dates.h); "" for 0. */
void paper_format_day(int64_t ms, char *out, size_t size);
/* "2026-12-01" (UTC). */
void paper_iso_day(int64_t ms, char *out, size_t size);
/* "85 %" in the interface language's typography. */
void paper_percent(double fraction, char *out, size_t size);
int64_t paper_now_ms(void);

#endif
