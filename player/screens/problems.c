/* The preview's error view. See problems.h. */
#include "screens/problems.h"

#include "core/i18n.h"
#include "core/layout.h"
#include "core/theme.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct sheet {
    const hrc_text_metrics *m;
    const hrc_palette *pal;
    hrc_draw_list *list;
    hrc_layout lay;
    int W, H;
    int px, small_px, h1_px, pad;
    int x, w, y; /* the column and the cursor */
    int bottom;  /* nothing is drawn below this */
    int gutter;  /* width of the line numbers' column in the source boxes */
} sheet;

static int line_height(const sheet *s, unsigned style, int px)
{
    return s->m->line_height(s->m->ctx, (hrc_font){style, px});
}

static int text_width(const sheet *s, unsigned style, int px, const char *t, size_t len)
{
    return s->m->width(s->m->ctx, (hrc_font){style, px}, t, len);
}

/* Wrapped text at the cursor, in the column; returns false when it did not
 * fit above the bottom (nothing is drawn then). */
static bool wrapped(sheet *s, const char *t, unsigned style, int px, hrc_color color,
                    int indent)
{
    if (hrc_layout_wrap_plain(&s->lay, t, style, px, s->w - indent, hrc_i18n_language(),
                              s->m))
        return false;
    if (s->y + s->lay.height > s->bottom)
        return false;
    hrc_rect bounds = {s->x + indent, s->y, s->w - indent, s->lay.height};
    for (size_t i = 0; i < s->lay.n_lines; i++) {
        const hrc_layout_line *ln = &s->lay.lines[i];
        for (size_t r = 0; r < ln->n_runs; r++) {
            const hrc_layout_run *run = &s->lay.runs[ln->first_run + r];
            hrc_rect at = {s->x + indent + run->x, s->y + (int)i * s->lay.line_height,
                           run->width, s->lay.line_height};
            hrc_draw_text(s->list, at, bounds, (hrc_font){run->style, px}, color, run->text,
                          run->len);
        }
    }
    s->y += s->lay.height;
    return true;
}

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026 */

/* How many bytes of t (n bytes) fit in max_w (whole UTF-8 characters). */
static size_t fitting(const sheet *s, const char *t, size_t n, int px, int max_w)
{
    size_t fit = 0;
    while (fit < n) {
        size_t next = fit + hrc_utf8_char_len(t + fit, n - fit);
        if (text_width(s, HRC_FONT_REGULAR, px, t, next) > max_w)
            break;
        fit = next;
    }
    return fit;
}

/* The byte offset of character `chars` (0-based) of src, at most its length:
 * columns count characters, the line is UTF-8. */
static size_t byte_of_char(const char *src, size_t chars)
{
    size_t len = strlen(src), at = 0;
    for (size_t c = 0; c < chars && at < len; c++)
        at += hrc_utf8_char_len(src + at, len - at);
    return at;
}

/*
 * The source line in a box, cut to the column width with an ellipsis where
 * it is cut, with a bar under the character the column points at. The line
 * number stands in a gutter of the same width for every problem, so the
 * text, and the bar, start at the same place whatever the number's width.
 * Returns false when it does not fit.
 */
static bool source_box(sheet *s, unsigned line_no, unsigned col, const char *src)
{
    int lh = line_height(s, HRC_FONT_REGULAR, s->small_px);
    int inner = s->pad / 2, bar = s->pad / 4 > 2 ? s->pad / 4 : 2;
    int box_h = lh + 2 * inner + bar;
    if (s->y + box_h > s->bottom)
        return false;
    hrc_draw_rect(s->list, (hrc_rect){s->x, s->y, s->w, box_h}, s->pal->surface, 0);
    hrc_draw_frame(s->list, (hrc_rect){s->x, s->y, s->w, box_h}, s->pal->border, 1);
    hrc_font font = {HRC_FONT_REGULAR, s->small_px};
    char number[32];
    snprintf(number, sizeof number, "%u", line_no);
    int num_w = text_width(s, HRC_FONT_REGULAR, s->small_px, number, strlen(number));
    int tx = s->x + inner, ty = s->y + inner;
    hrc_rect bounds = {s->x, s->y, s->w, box_h};
    /* Right-aligned in the gutter. */
    hrc_draw_text(s->list, (hrc_rect){tx + s->gutter - num_w, ty, num_w, lh}, bounds, font,
                  s->pal->muted, number, strlen(number));
    int space = text_width(s, HRC_FONT_REGULAR, s->small_px, "  ", 2);
    tx += s->gutter + space;
    int room = s->x + s->w - inner - tx;
    int dots = text_width(s, HRC_FONT_REGULAR, s->small_px, ELLIPSIS, strlen(ELLIPSIS));
    size_t len = strlen(src);
    size_t target = col > 0 ? byte_of_char(src, col - 1) : 0;
    /* A long line is shown from a little before the column. */
    size_t start = 0;
    bool cut_left = false, cut_right = false;
    if (text_width(s, HRC_FONT_REGULAR, s->small_px, src, len) > room) {
        while (start < target &&
               text_width(s, HRC_FONT_REGULAR, s->small_px, src + start, target - start) >
                   (room - dots) * 2 / 3)
            start += hrc_utf8_char_len(src + start, len - start);
        cut_left = start > 0;
        int left = room - (cut_left ? dots : 0);
        size_t shown = fitting(s, src + start, len - start, s->small_px, left);
        if (start + shown < len) {
            cut_right = true;
            shown = fitting(s, src + start, len - start, s->small_px, left - dots);
        }
        len = start + shown;
    }
    int x = tx;
    if (cut_left) {
        hrc_draw_text(s->list, (hrc_rect){x, ty, dots, lh}, bounds, font, s->pal->muted,
                      ELLIPSIS, strlen(ELLIPSIS));
        x += dots;
    }
    int text_w = text_width(s, HRC_FONT_REGULAR, s->small_px, src + start, len - start);
    if (len > start)
        hrc_draw_text(s->list, (hrc_rect){x, ty, text_w, lh}, bounds, font, s->pal->text,
                      src + start, len - start);
    if (cut_right)
        hrc_draw_text(s->list, (hrc_rect){x + text_w, ty, dots, lh}, bounds, font,
                      s->pal->muted, ELLIPSIS, strlen(ELLIPSIS));
    if (col > 0 && target >= start && target <= len) {
        int cx = x + text_width(s, HRC_FONT_REGULAR, s->small_px, src + start, target - start);
        int cw = text_width(s, HRC_FONT_REGULAR, s->small_px, "m", 1);
        if (target < len) /* as wide as the character it points at */
            cw = text_width(s, HRC_FONT_REGULAR, s->small_px, src + target,
                            hrc_utf8_char_len(src + target, len - target));
        hrc_draw_rect(s->list, (hrc_rect){cx, ty + lh, cw > 4 ? cw : 4, bar}, s->pal->wrong,
                      0);
    }
    s->y += box_h;
    return true;
}

static const char *base_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path ? path : "";
}

static bool one_problem(sheet *s, const hrc_diag *d, const char *src)
{
    char where[512];
    if (d->line && d->col)
        snprintf(where, sizeof where, "%s:%u:%u", base_name(d->file), d->line, d->col);
    else if (d->line)
        snprintf(where, sizeof where, "%s:%u", base_name(d->file), d->line);
    else
        snprintf(where, sizeof where, "%s", base_name(d->file));
    char message[1200];
    snprintf(message, sizeof message, "%s: %s",
             d->severity == HRC_ERROR ? _("error") : _("warning"),
             d->message ? d->message : "");
    int y0 = s->y;
    size_t n0 = s->list->count;
    bool ok = wrapped(s, where, HRC_FONT_BOLD, s->px, s->pal->text, 0) &&
              wrapped(s, message, HRC_FONT_REGULAR, s->px,
                      d->severity == HRC_ERROR ? s->pal->wrong : s->pal->text, 0) &&
              (!src || source_box(s, d->line, d->col, src));
    if (!ok) { /* all or nothing: no half-shown problem */
        s->list->count = n0;
        s->y = y0;
        return false;
    }
    s->y += s->pad;
    return true;
}

/* The footer's height when `more` problems are left out. */
static int footer_height(sheet *s, size_t more)
{
    char text[200];
    snprintf(text, sizeof text,
             ngettext("... and %zu more problem: run hrc-player --validate to list all",
                      "... and %zu more problems: run hrc-player --validate to list all", more),
             more);
    if (hrc_layout_wrap_plain(&s->lay, text, HRC_FONT_ITALIC, s->small_px, s->w,
                              hrc_i18n_language(), s->m))
        return 0;
    return s->lay.height;
}

void hrc_problems_draw(const hrc_diags *diags, char *const *source_lines,
                       const hrc_text_metrics *metrics, int width, int height,
                       float dpi_scale, bool high_contrast, hrc_draw_list *list)
{
    hrc_draw_list_clear(list);
    sheet s = {.m = metrics, .pal = hrc_palette_get(high_contrast), .list = list,
               .W = width > 0 ? width : 1, .H = height > 0 ? height : 1};
    /* The same proportions as the screens (app.c), so it reads the same. */
    double short_side = s.W < s.H ? s.W : s.H;
    double scale = short_side / 1080.0;
    scale = (scale < 0.75 ? 0.75 : scale > 4.0 ? 4.0 : scale) *
            (dpi_scale > 0.25f ? dpi_scale : 1.0f);
    s.px = (int)lround(20 * scale);
    s.small_px = (int)lround(17 * scale);
    s.h1_px = (int)lround(30 * scale);
    s.pad = (int)lround(16 * scale);
    s.bottom = s.H - s.pad;
    hrc_layout_init(&s.lay);
    hrc_draw_rect(list, (hrc_rect){0, 0, s.W, s.H}, s.pal->background, 0);

    int col = s.W - 2 * s.pad, max_col = s.px * 48;
    s.w = col > max_col ? max_col : col > 1 ? col : 1;
    s.x = (s.W - s.w) / 2;
    s.y = s.pad;
    size_t total = diags ? diags->count : 0;
    bool errors = diags && diags->n_errors > 0;
    /* The title comes first: traces take the first line in the largest type. */
    wrapped(&s, errors ? _("This course has problems") : _("This course has warnings"),
            HRC_FONT_BOLD, s.h1_px, s.pal->text, 0);
    s.y += s.pad / 2;
    wrapped(&s, _("Preview: nothing is recorded."), HRC_FONT_BOLD, s.small_px,
            s.pal->text, 0);
    if (errors)
        wrapped(&s, _("Fix them and save: the preview comes back to the same place by "
                      "itself. F5 loads the course again."),
                HRC_FONT_REGULAR, s.small_px, s.pal->muted, 0);
    else
        wrapped(&s, _("The course loads and plays as it is, but these could be better. "
                      "Escape shows the course; F6 shows the warnings again. Fix them and "
                      "save: the list follows."),
                HRC_FONT_REGULAR, s.small_px, s.pal->muted, 0);
    s.y += s.pad;
    hrc_draw_rect(list, (hrc_rect){s.x, s.y - s.pad / 2, s.w, 1}, s.pal->border, 0);

    /* One gutter for every source line: as wide as the widest number. */
    for (size_t i = 0; i < total; i++) {
        char number[32];
        snprintf(number, sizeof number, "%u", diags->items[i].line);
        int w = text_width(&s, HRC_FONT_REGULAR, s.small_px, number, strlen(number));
        if (w > s.gutter)
            s.gutter = w;
    }
    /* Room for the footer is kept under every problem but the last, so
     * that it never covers one. */
    int footer_h = total > 1 ? footer_height(&s, total) + s.pad : 0; /* and the gap */

    size_t shown = 0;
    /* Errors first: they are why the content is not shown. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < total; i++) {
            const hrc_diag *d = &diags->items[i];
            if ((pass == 0) != (d->severity == HRC_ERROR))
                continue;
            bool last = shown + 1 == total;
            s.bottom = s.H - s.pad - (last ? 0 : footer_h);
            if (!one_problem(&s, d, source_lines ? source_lines[i] : NULL))
                goto full;
            shown++;
        }
full:
    s.bottom = s.H - s.pad;
    if (shown < total) {
        char more[200];
        snprintf(more, sizeof more,
                 ngettext("... and %zu more problem: run hrc-player --validate to list all",
                          "... and %zu more problems: run hrc-player --validate to list all",
                          total - shown),
                 total - shown);
        wrapped(&s, more, HRC_FONT_ITALIC, s.small_px, s.pal->muted, 0);
    }
    hrc_layout_free(&s.lay);
}
