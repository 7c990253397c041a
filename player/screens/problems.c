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
    if (s->y + s->lay.height > s->H - s->pad)
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

/* How many bytes of t fit in max_w (whole UTF-8 characters). */
static size_t fitting(const sheet *s, const char *t, int px, int max_w)
{
    size_t n = strlen(t), fit = 0;
    while (fit < n) {
        size_t next = fit + hrc_utf8_char_len(t + fit, n - fit);
        if (text_width(s, HRC_FONT_REGULAR, px, t, next) > max_w)
            break;
        fit = next;
    }
    return fit;
}

/* The source line in a box, cut to the column width, with a bar under the
 * column the problem points at. Returns false when it does not fit. */
static bool source_box(sheet *s, unsigned line_no, unsigned col, const char *src)
{
    int lh = line_height(s, HRC_FONT_REGULAR, s->small_px);
    int inner = s->pad / 2, bar = s->pad / 4 > 2 ? s->pad / 4 : 2;
    int box_h = lh + 2 * inner + bar;
    if (s->y + box_h > s->H - s->pad)
        return false;
    hrc_draw_rect(s->list, (hrc_rect){s->x, s->y, s->w, box_h}, s->pal->surface, 0);
    hrc_draw_frame(s->list, (hrc_rect){s->x, s->y, s->w, box_h}, s->pal->border, 1);
    char number[32];
    snprintf(number, sizeof number, "%u  ", line_no);
    int num_w = text_width(s, HRC_FONT_REGULAR, s->small_px, number, strlen(number));
    int tx = s->x + inner, ty = s->y + inner;
    hrc_rect bounds = {s->x, s->y, s->w, box_h};
    hrc_draw_text(s->list, (hrc_rect){tx, ty, num_w, lh}, bounds,
                  (hrc_font){HRC_FONT_REGULAR, s->small_px}, s->pal->muted, number,
                  strlen(number));
    tx += num_w;
    int room = s->x + s->w - inner - tx;
    /* A long line is shown from a little before the column. */
    size_t len = strlen(src), start = 0, target = col > 0 ? col - 1 : 0;
    if (target > len)
        target = len;
    while (start < target &&
           text_width(s, HRC_FONT_REGULAR, s->small_px, src + start, target - start) >
               room * 2 / 3)
        start += hrc_utf8_char_len(src + start, len - start);
    size_t shown = fitting(s, src + start, s->small_px, room);
    hrc_draw_text(s->list,
                  (hrc_rect){tx, ty, text_width(s, HRC_FONT_REGULAR, s->small_px, src + start,
                                                 shown), lh},
                  bounds, (hrc_font){HRC_FONT_REGULAR, s->small_px}, s->pal->text,
                  src + start, shown);
    if (col > 0 && target >= start && target <= start + shown) {
        int cx = tx + text_width(s, HRC_FONT_REGULAR, s->small_px, src + start,
                                 target - start);
        int cw = text_width(s, HRC_FONT_REGULAR, s->small_px, "m", 1);
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
    hrc_layout_init(&s.lay);
    hrc_draw_rect(list, (hrc_rect){0, 0, s.W, s.H}, s.pal->background, 0);

    int col = s.W - 2 * s.pad, max_col = s.px * 48;
    s.w = col > max_col ? max_col : col > 1 ? col : 1;
    s.x = (s.W - s.w) / 2;
    s.y = s.pad;
    /* The title comes first: traces take the first line in the largest type. */
    wrapped(&s, _("This course has problems"), HRC_FONT_BOLD, s.h1_px, s.pal->text, 0);
    s.y += s.pad / 2;
    wrapped(&s, _("Preview: nothing is recorded."), HRC_FONT_BOLD, s.small_px,
            s.pal->text, 0);
    wrapped(&s, _("Fix them and save: the preview comes back to the same place by "
                  "itself. F5 loads the course again."),
            HRC_FONT_REGULAR, s.small_px, s.pal->muted, 0);
    s.y += s.pad;
    hrc_draw_rect(list, (hrc_rect){s.x, s.y - s.pad / 2, s.w, 1}, s.pal->border, 0);

    size_t shown = 0;
    size_t total = diags ? diags->count : 0;
    /* Errors first: they are why the content is not shown. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < total; i++) {
            const hrc_diag *d = &diags->items[i];
            if ((pass == 0) != (d->severity == HRC_ERROR))
                continue;
            if (!one_problem(&s, d, source_lines ? source_lines[i] : NULL))
                goto full;
            shown++;
        }
full:
    if (shown < total) {
        char more[200];
        snprintf(more, sizeof more,
                 ngettext("... and %zu more problem: run hrc-player --validate to list all",
                          "... and %zu more problems: run hrc-player --validate to list all",
                          total - shown),
                 total - shown);
        s.y = s.y < s.H - s.pad - 2 * s.px ? s.y : s.H - s.pad - 2 * s.px;
        wrapped(&s, more, HRC_FONT_ITALIC, s.small_px, s.pal->muted, 0);
    }
    hrc_layout_free(&s.lay);
}
