#include "core/layout.h"

#include <stdlib.h>
#include <string.h>

void hrc_layout_init(hrc_layout *layout)
{
    memset(layout, 0, sizeof *layout);
}

void hrc_layout_free(hrc_layout *layout)
{
    if (!layout)
        return;
    free(layout->runs);
    free(layout->lines);
    hrc_typo_free(&layout->typo);
    memset(layout, 0, sizeof *layout);
}

typedef struct wrap_state {
    hrc_layout *lay;
    const hrc_text_metrics *m;
    int px;
    int max_width;
    int x;        /* pen position on the current line */
    bool failed;
} wrap_state;

static int measure(const wrap_state *w, unsigned style, const char *s, size_t len)
{
    if (len == 0)
        return 0;
    int v = w->m->width(w->m->ctx, (hrc_font){.style = style, .px = w->px}, s, len);
    return v > 0 ? v : 0;
}

static hrc_layout_line *current_line(wrap_state *w)
{
    return w->lay->n_lines ? &w->lay->lines[w->lay->n_lines - 1] : NULL;
}

static void new_line(wrap_state *w)
{
    hrc_layout *l = w->lay;
    if (l->n_lines == l->lines_capacity) {
        size_t cap = l->lines_capacity ? l->lines_capacity * 2 : 16;
        void *p = realloc(l->lines, cap * sizeof *l->lines);
        if (!p) {
            w->failed = true;
            return;
        }
        l->lines = p;
        l->lines_capacity = cap;
    }
    l->lines[l->n_lines++] = (hrc_layout_line){.first_run = l->n_runs};
    w->x = 0;
}

/* Appends text to the current line, merging with the last run when it is
 * the same style and directly follows it in memory. */
static void append(wrap_state *w, unsigned style, const char *s, size_t len, int width)
{
    hrc_layout *l = w->lay;
    hrc_layout_line *line = current_line(w);
    if (!line || w->failed)
        return;
    if (line->n_runs) {
        hrc_layout_run *last = &l->runs[l->n_runs - 1];
        if (last->style == style && last->text + last->len == s) {
            last->len += len;
            last->width = measure(w, style, last->text, last->len);
            w->x = last->x + last->width;
            line->width = w->x;
            return;
        }
    }
    if (l->n_runs == l->runs_capacity) {
        size_t cap = l->runs_capacity ? l->runs_capacity * 2 : 32;
        void *p = realloc(l->runs, cap * sizeof *l->runs);
        if (!p) {
            w->failed = true;
            return;
        }
        l->runs = p;
        l->runs_capacity = cap;
    }
    l->runs[l->n_runs++] =
        (hrc_layout_run){.style = style, .text = s, .len = len, .x = w->x, .width = width};
    line->n_runs++;
    w->x += width;
    line->width = w->x;
}

/* One piece of a word: the part of a word that lies in one span. */
typedef struct piece {
    unsigned style;
    const char *s;
    size_t len;
    int width;
} piece;

enum { MAX_PIECES = 32 };

/* Whether the UTF-8 bytes at s (n of them) start with one of ; : ! ? »
 * U+00A0 U+202F, which must not start a line, or (at_end) end with « U+00A0
 * U+202F, which must not end one. */
static bool glued(const char *s, size_t n, bool at_end)
{
    static const char *const starts[] = {";", ":", "!", "?", "\xc2\xbb", "\xc2\xa0",
                                         "\xe2\x80\xaf"};
    static const char *const ends[] = {"\xc2\xab", "\xc2\xa0", "\xe2\x80\xaf"};
    const char *const *set = at_end ? ends : starts;
    size_t count = at_end ? 3 : 7;
    for (size_t i = 0; i < count; i++) {
        size_t k = strlen(set[i]);
        if (n >= k && memcmp(at_end ? s + n - k : s, set[i], k) == 0)
            return true;
    }
    return false;
}

/* Places a word too wide for any line, character by character. */
static void place_broken(wrap_state *w, const piece *p)
{
    size_t i = 0;
    while (i < p->len && !w->failed) {
        size_t take = 0;
        int width = 0;
        while (i + take < p->len) {
            size_t c = hrc_utf8_char_len(p->s + i + take, p->len - i - take);
            int cw = measure(w, p->style, p->s + i, take + c);
            if (w->x + cw > w->max_width && (take > 0 || w->x > 0))
                break;
            take += c;
            width = cw;
        }
        /* Not between a word and its punctuation: give back characters
         * until the break is allowed, if some remain on the line. */
        size_t keep = take;
        while (keep > 0 && i + keep < p->len &&
               (glued(p->s + i + keep, p->len - i - keep, false) ||
                glued(p->s + i, keep, true))) {
            keep--;
            while (keep > 0 && ((unsigned char)p->s[i + keep] & 0xC0) == 0x80)
                keep--;
        }
        if (keep > 0 && keep < take) {
            take = keep;
            width = measure(w, p->style, p->s + i, take);
        }
        if (take == 0) { /* not even one character fits after the pen */
            new_line(w);
            continue;
        }
        append(w, p->style, p->s + i, take, width);
        i += take;
        if (i < p->len)
            new_line(w);
    }
}

/*
 * Where the pen would stand after appending `parts` to the current line.
 * A part that append() merges into the run before it is measured with that
 * run as one string, as append() will: a whole string can be wider than
 * the sum of its parts (rounding, kerning), and a line that only fits by
 * the sum would end past max_width, where the screens cannot show it.
 */
static int pen_after(wrap_state *w, const piece *parts, size_t n)
{
    const hrc_layout_line *line = current_line(w);
    int x = w->x;
    piece last = {0};
    int last_x = x;
    bool have_last = false;
    if (line && line->n_runs) {
        const hrc_layout_run *r = &w->lay->runs[w->lay->n_runs - 1];
        last = (piece){r->style, r->text, r->len, r->width};
        last_x = r->x;
        have_last = true;
    }
    for (size_t i = 0; i < n; i++) {
        const piece *p = &parts[i];
        if (!p->len)
            continue;
        if (have_last && last.style == p->style && last.s + last.len == p->s) {
            last.len += p->len;
            x = last_x + measure(w, last.style, last.s, last.len);
        } else {
            last = *p;
            last_x = x;
            have_last = true;
            x += p->width;
        }
    }
    return x;
}

/* Places a word (pieces) with the space before it (space_len bytes at
 * space) when the line is not empty. */
static void place_word(wrap_state *w, const piece *pieces, size_t n, unsigned space_style,
                       const char *space, size_t space_len)
{
    piece parts[MAX_PIECES + 1];
    int space_w = space_len ? measure(w, space_style, space, space_len) : 0;
    parts[0] = (piece){space_style, space, space_len, space_w};
    memcpy(parts + 1, pieces, n * sizeof *pieces);
    hrc_layout_line *line = current_line(w);
    bool empty = !line || line->n_runs == 0;
    if (!empty && pen_after(w, parts, n + 1) > w->max_width) {
        new_line(w);
        empty = true;
    }
    if (!empty && space_len)
        append(w, space_style, space, space_len, space_w);
    if (empty && pen_after(w, pieces, n) > w->max_width) {
        for (size_t i = 0; i < n; i++)
            place_broken(w, &pieces[i]);
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (pieces[i].len)
            append(w, pieces[i].style, pieces[i].s, pieces[i].len, pieces[i].width);
}

int hrc_layout_wrap(hrc_layout *layout, const hrc_span *spans, size_t n_spans,
                    unsigned extra_style, int px, int max_width, const char *lang,
                    const hrc_text_metrics *metrics)
{
    layout->n_runs = layout->n_lines = 0;
    if (hrc_typo_apply(&layout->typo, lang, spans, n_spans, &spans) != 0) {
        layout->width = layout->height = 0;
        return -1;
    }
    layout->width = layout->height = 0;
    wrap_state w = {.lay = layout, .m = metrics, .px = px,
                    .max_width = max_width > 1 ? max_width : 1};
    layout->line_height = metrics->line_height(metrics->ctx, (hrc_font){.px = px});
    if (layout->line_height < 1)
        layout->line_height = 1;
    new_line(&w);

    piece pieces[MAX_PIECES];
    size_t n_pieces = 0;
    const char *space = NULL;
    size_t space_len = 0;
    unsigned space_style = 0;
    for (size_t si = 0; si <= n_spans && !w.failed; si++) {
        const char *s = si < n_spans && spans[si].text ? spans[si].text : "";
        unsigned style = si < n_spans ? (spans[si].style | extra_style) & 3u : 0;
        size_t len = strlen(s), i = 0;
        for (;;) {
            size_t start = i;
            while (i < len && s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
                i++;
            if (i > start) {
                if (n_pieces == MAX_PIECES) { /* absurdly fragmented word: flush */
                    place_word(&w, pieces, n_pieces, space_style, space, space_len);
                    n_pieces = 0;
                    space_len = 0;
                }
                pieces[n_pieces++] = (piece){style, s + start, i - start,
                                             measure(&w, style, s + start, i - start)};
            }
            if (i >= len && si < n_spans)
                break; /* the word may go on in the next span */
            /* A break: place the word gathered so far. */
            if (n_pieces) {
                place_word(&w, pieces, n_pieces, space_style, space, space_len);
                n_pieces = 0;
            }
            if (i >= len)
                break;
            space = s + i;
            space_len = 1;
            space_style = style;
            while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
                i++; /* collapse runs of spaces into the one kept */
            if (current_line(&w) && current_line(&w)->n_runs == 0)
                space_len = 0; /* no space at the start of a line */
        }
    }
    if (w.failed) {
        layout->n_runs = layout->n_lines = 0;
        return -1;
    }
    for (size_t i = 0; i < layout->n_lines; i++)
        if (layout->lines[i].width > layout->width)
            layout->width = layout->lines[i].width;
    layout->height = (int)layout->n_lines * layout->line_height;
    return 0;
}

int hrc_layout_wrap_plain(hrc_layout *layout, const char *text, unsigned style,
                          int px, int max_width, const char *lang,
                          const hrc_text_metrics *metrics)
{
    hrc_span span = {.style = style, .text = text ? text : ""};
    return hrc_layout_wrap(layout, &span, 1, 0, px, max_width, lang, metrics);
}
