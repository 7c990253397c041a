/*
 * layout.h: word wrapping of styled text (hrc_span runs) into lines, with
 * widths measured through hrc_text_metrics.
 *
 * Promises:
 * - Lines break at plain spaces (space, tab, line feed) only; a word wider
 *   than the line is broken between UTF-8 characters (never inside one),
 *   at least one character a line, and never just before ; : ! ? » or a
 *   no-break space, nor just after « or a no-break space, unless that
 *   would leave a line empty.
 * - The text's language (a BCP 47 tag, NULL for none) brings its
 *   typography (core/typography.h): French gets its no-break spaces
 *   before ; : ! ? » and after «, so no French line starts with one of
 *   them. Other languages are laid out as written.
 * - No line is wider than max_width unless a single character is.
 * - Runs point into the caller's span texts (borrowed, not copied), or,
 *   where the typography changed the text, into the layout's own copy:
 *   keep the spans alive as long as the layout; runs are valid until the
 *   next wrap or hrc_layout_free().
 * - On allocation failure hrc_layout_wrap() returns -1 and the layout is
 *   left empty; nothing else fails.
 */
#ifndef HRC_LAYOUT_H
#define HRC_LAYOUT_H

#include "core/utf8.h"
#include "core/draw.h"
#include "core/model.h"
#include "core/typography.h"

#include <stddef.h>

typedef struct hrc_layout_run {
    unsigned style;   /* enum hrc_font_style (same bits as the span style) */
    const char *text; /* borrowed */
    size_t len;
    int x;            /* from the line's left edge */
    int width;
} hrc_layout_run;

typedef struct hrc_layout_line {
    size_t first_run, n_runs;
    int width;
} hrc_layout_line;

typedef struct hrc_layout {
    hrc_layout_run *runs;
    size_t n_runs, runs_capacity;
    hrc_layout_line *lines;
    size_t n_lines, lines_capacity;
    int line_height;
    int width;  /* of the widest line */
    int height; /* n_lines * line_height */
    hrc_typo typo; /* the text as its language's typography wants it */
} hrc_layout;

void hrc_layout_init(hrc_layout *layout);
void hrc_layout_free(hrc_layout *layout); /* NULL is fine */

/*
 * Wraps spans in language lang into lines at most max_width wide, in
 * px-sized type; each span's style is ORed with extra_style (headings are
 * bold). Replaces what the layout held. Returns 0, or -1 when out of
 * memory.
 */
int hrc_layout_wrap(hrc_layout *layout, const hrc_span *spans, size_t n_spans,
                    unsigned extra_style, int px, int max_width, const char *lang,
                    const hrc_text_metrics *metrics);

/* The same for one plain string. */
int hrc_layout_wrap_plain(hrc_layout *layout, const char *text, unsigned style,
                          int px, int max_width, const char *lang,
                          const hrc_text_metrics *metrics);

#endif
