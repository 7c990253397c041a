/*
 * The timeline: eras as bands, events as markers on a canvas that pans
 * (Left/Right pick the previous/next event, drag, wheel) and zooms (+/-,
 * Ctrl+wheel, pinch, the zoom buttons) between the whole span and a close
 * view. The selected event's text shows below the canvas, with a link to
 * its case study. An event with an end is drawn as a bar from its start to
 * its end; a planned event or a target as a hollow marker (and a dashed
 * bar), and its text says "Planned" or "Target" in words.
 */
#include "core/dates.h"
#include "screens/icons.h"
#include "screens/ui.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { ACT_CANVAS = ACT_SCREEN, ACT_EVENT, ACT_ZOOM_IN, ACT_ZOOM_OUT, ACT_OPEN_CASE,
       ACT_ALT_EVENT, ACT_PREV_EVENT, ACT_NEXT_EVENT };

#define MAX_ZOOM 64.0

typedef struct span {
    double lo, hi; /* years shown at zoom 1 */
} span;

/* What the learner made of the timeline: selection, pan and zoom. */
typedef struct timeline_state {
    int event;        /* selected event, flat index, -1 none */
    double center;    /* year at the canvas centre; NAN: the middle */
    double zoom;      /* 1 = the whole timeline fits */
    int canvas_w;     /* last canvas width, for pans by pixels */
    double span;      /* years shown at zoom 1 */
    ui_alt_set alts;  /* events whose image description is open */
} timeline_state;

static void timeline_init(hrc_app *app, void *state)
{
    timeline_state *ts = state;
    ts->event = -1;
    ts->center = NAN;
    ts->zoom = 1.0;
}

static timeline_state *tl_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_TIMELINE ? screen_state(app)
                                                                       : NULL;
}

static const hrc_timeline *current_timeline(const hrc_app *app)
{
    const hrc_item *it = screen_item(app, HRC_ITEM_TIMELINE);
    return it ? it->u.timeline : NULL;
}

static double event_year(const hrc_event *e)
{
    /* "Before 2012" sits ahead of its year, not on top of the events of
     * the year itself or of the one before. */
    if (e->date.precision == HRC_DATE_BEFORE)
        return e->date.year - 1.5;
    double y = e->date.year;
    if (e->date.month > 0)
        y += (e->date.month - 1) / 12.0;
    if (e->date.day > 0)
        y += (e->date.day - 1) / 365.0;
    return y;
}

/* ---- Periods and plans ------------------------------------------------ */

/* Where a period ends: after the last day it names (2018 ends at 2019.0,
 * October 2022 at its 31st, 14 October 2022 at the 15th). */
static double event_end_year(const hrc_event *e)
{
    if (!e->has_end)
        return event_year(e);
    const hrc_date *d = &e->end;
    double y = d->year;
    if (d->month > 0)
        y += (d->month - 1) / 12.0;
    if (d->day > 0)
        y += d->day / 365.0;
    else
        y += d->month > 0 ? 1 / 12.0 : 1;
    return y;
}

static bool planned(const hrc_event *e)
{
    return e->status == HRC_EVENT_PLANNED || e->status == HRC_EVENT_TARGET;
}

/* "Planned" or "Target", or NULL for an event that took place. */
static const char *status_word(const hrc_event *e)
{
    return e->status == HRC_EVENT_PLANNED  ? _("Planned")
           : e->status == HRC_EVENT_TARGET ? _("Target")
                                           : NULL;
}

/* The event's date as a reader says it: "2014–2018", "Target · 2030". */
static void event_when(const hrc_event *e, char *out, size_t size)
{
    char date[96];
    if (!e->has_end || hrc_date_range_format(&e->date, &e->end, date, sizeof date) < 0)
        if (hrc_date_format(&e->date, date, sizeof date) < 0)
            snprintf(date, sizeof date, "%d", e->date.year);
    const char *word = status_word(e);
    if (word)
        snprintf(out, size, "%s \xc2\xb7 %s", word, date);
    else
        snprintf(out, size, "%s", date);
}

/* A period as a bar along the marker row, from x0 to x1: solid when it
 * took place, dashed when planned. */
static void draw_span(ui *u, const hrc_event *e, int x0, int x1, int y, int h, hrc_color c,
                      hrc_rect canvas)
{
    if (x1 - x0 < 2)
        return;
    if (!planned(e)) {
        hrc_draw_rect(u->list, hrc_rect_intersect((hrc_rect){x0, y, x1 - x0, h}, canvas), c,
                      h / 2);
        return;
    }
    int dash = h * 2 > 4 ? h * 2 : 4;
    for (int x = x0; x < x1; x += dash * 2) {
        int w = x + dash <= x1 ? dash : x1 - x;
        hrc_rect piece = hrc_rect_intersect((hrc_rect){x, y, w, h}, canvas);
        if (piece.w > 0)
            hrc_draw_rect(u->list, piece, c, 0);
    }
}

/* An event's marker: a dot, or a ring when it is planned. */
static void draw_marker(ui *u, const hrc_event *e, hrc_rect dot, hrc_color c, hrc_color ground)
{
    hrc_draw_rect(u->list, dot, c, dot.w / 2);
    if (!planned(e))
        return;
    int ring = dot.w / 4 > 2 ? dot.w / 4 : 2;
    hrc_rect hole = {dot.x + ring, dot.y + ring, dot.w - 2 * ring, dot.h - 2 * ring};
    if (hole.w > 0)
        hrc_draw_rect(u->list, hole, ground, hole.w / 2);
}

static bool has_periods_or_plans(const hrc_timeline *t)
{
    for (size_t i = 0; i < t->n_eras; i++)
        for (size_t k = 0; k < t->eras[i].n_events; k++)
            if (t->eras[i].events[k].has_end || planned(&t->eras[i].events[k]))
                return true;
    return false;
}

static span timeline_span(const hrc_timeline *t)
{
    /* The course's own years: from its first event to its last (eras are
     * cut at the edges), so the axis never runs on empty. */
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < t->n_eras; i++) {
        const hrc_era *e = &t->eras[i];
        for (size_t k = 0; k < e->n_events; k++) {
            double y = event_year(&e->events[k]);
            double end = event_end_year(&e->events[k]);
            lo = y < lo ? y : lo;
            hi = y + 1 > hi ? y + 1 : hi;
            hi = end > hi ? end : hi;
        }
    }
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 2000;
        hi = 2030;
    }
    double margin = (hi - lo) * 0.04 + 1;
    return (span){lo - margin, hi + margin};
}

static size_t event_count(const hrc_timeline *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_eras; i++)
        n += t->eras[i].n_events;
    return n;
}

static const hrc_event *event_at(const hrc_timeline *t, int index)
{
    for (size_t i = 0; i < t->n_eras && index >= 0; i++) {
        if ((size_t)index < t->eras[i].n_events)
            return &t->eras[i].events[index];
        index -= (int)t->eras[i].n_events;
    }
    return NULL;
}

static void clamp_view(timeline_state *ts, span s)
{
    if (!(ts->zoom >= 1.0))
        ts->zoom = 1.0;
    if (ts->zoom > MAX_ZOOM)
        ts->zoom = MAX_ZOOM;
    if (!isfinite(ts->center))
        ts->center = (s.lo + s.hi) / 2;
    double half = (s.hi - s.lo) / ts->zoom / 2;
    if (ts->center < s.lo + half)
        ts->center = s.lo + half;
    if (ts->center > s.hi - half)
        ts->center = s.hi - half;
}

/* Years between axis labels so that labels do not touch. */
static int tick_step(double px_per_year, int label_w)
{
    static const int steps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (steps[i] * px_per_year >= label_w * 1.5)
            return steps[i];
    return 10000;
}

/* text cut at a word (with an ellipsis) to fit w pixels in `style`; false
 * when not even one word fits. */
static bool fit_label(ui *u, const char *text, unsigned style, int px, int w, char *out,
                      size_t size)
{
    snprintf(out, size, "%s", text);
    if (ui_text_width(u, out, style, px) <= w)
        return true;
    size_t n = strlen(out);
    while (n > 0) {
        while (n > 0 && out[n - 1] != ' ')
            n--;
        while (n > 0 && out[n - 1] == ' ')
            n--;
        if (n == 0 || n + 4 > size)
            break;
        memcpy(out + n, "\xe2\x80\xa6", 4); /* U+2026 */
        if (ui_text_width(u, out, style, px) <= w)
            return true;
    }
    return false;
}

/* Geometry of the canvas, shared by the layout and its height. */
typedef struct canvas_rows {
    int line_h, band_h, marker_y, marker, axis_y, year_y, label_y[2], height;
} canvas_rows;

static canvas_rows rows_for(ui *u, int top)
{
    canvas_rows r;
    int pad = u->pad / 2;
    r.line_h = u->m->line_height(u->m->ctx, (hrc_font){0, u->small_px});
    r.band_h = r.line_h + pad;
    r.marker = u->min_target;
    r.marker_y = top + pad + r.band_h + pad / 2;
    r.axis_y = r.marker_y + r.marker + pad / 2;
    r.year_y = r.axis_y + pad;
    r.label_y[0] = r.year_y + r.line_h + pad / 2;
    r.label_y[1] = r.label_y[0] + r.line_h + pad / 4;
    r.height = r.label_y[1] + r.line_h + pad - top;
    return r;
}

static void draw_canvas(ui *u, const hrc_timeline *t, const hrc_module *m, hrc_rect canvas)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    timeline_state *ts = tl_of(app);
    span s = timeline_span(t);
    clamp_view(ts, s);
    ts->canvas_w = canvas.w;
    ts->span = s.hi - s.lo;
    double years = (s.hi - s.lo) / ts->zoom;
    double ppy = canvas.w / years;
    double left_year = ts->center - years / 2;
#define X_OF(year) (canvas.x + (int)lround(((year) - left_year) * ppy))

    hrc_draw_rect(u->list, canvas, p->surface, 0);
    hrc_draw_clip(u->list, canvas);
    ui_next_target(u, HRC_ROLE_TIMELINE, _("Left and Right arrow keys pick an event"), NULL,
                   NULL);
    ui_add_target(u, canvas, ACT_CANVAS, 0, _("Timeline"), true);
    canvas_rows r = rows_for(u, canvas.y);
    int pad = u->pad / 2;
    int band_y = canvas.y + pad;
    /* Eras, as bands with their titles where they fit. */
    for (size_t i = 0; i < t->n_eras; i++) {
        const hrc_era *e = &t->eras[i];
        double from = e->has_from ? e->from_year : s.lo;
        int x0 = X_OF(from), x1 = X_OF(e->to_year + 1.0);
        hrc_rect band = hrc_rect_intersect((hrc_rect){x0, band_y, x1 - x0, r.band_h}, canvas);
        if (band.w <= 0)
            continue;
        hrc_draw_rect(u->list, band, p->band[i % 2], 0);
        char title[256];
        if (fit_label(u, ui_pick(app, m, &e->title), HRC_FONT_BOLD, u->small_px, band.w - pad,
                      title, sizeof title))
            ui_fixed_text(u, title, HRC_FONT_BOLD, u->small_px, p->band_text,
                          (hrc_rect){band.x + pad / 2, band.y + pad / 2, band.w - pad,
                                     r.line_h});
    }
    /* Axis and years. */
    hrc_draw_rect(u->list, (hrc_rect){canvas.x, r.axis_y, canvas.w, 2}, p->border, 0);
    int step = tick_step(ppy, ui_text_width(u, "00000", 0, u->small_px));
    for (long y = (long)floor(left_year / step) * step; y <= left_year + years; y += step) {
        int x = X_OF((double)y);
        char label[16];
        snprintf(label, sizeof label, "%ld", y);
        int w = ui_text_width(u, label, 0, u->small_px);
        hrc_draw_rect(u->list, (hrc_rect){x, r.axis_y, 1, pad}, p->border, 0);
        hrc_rect box = {x - w / 2 - 1, r.year_y, w + 2, r.line_h};
        if (hrc_rect_contains(canvas, box))
            ui_fixed_text(u, label, 0, u->small_px, p->muted, box);
    }
    /* Events: a marker each, and its headline on one of two rows below
     * the axis wherever it fits without touching another. */
    int size = r.marker;
    size_t n = event_count(t);
    int row_end[2] = {INT32_MIN, INT32_MIN};
    int label_max = u->px * 11;
    /* Periods first, under every marker. */
    for (size_t k = 0; k < n; k++) {
        const hrc_event *e = event_at(t, (int)k);
        if (!e->has_end)
            continue;
        int bar = size / 6 > 3 ? size / 6 : 3;
        draw_span(u, e, X_OF(event_year(e)), X_OF(event_end_year(e)),
                  r.marker_y + (size - bar) / 2, bar,
                  ts->event == (int)k ? p->selected : p->marker, canvas);
    }
    int prev_x = INT32_MIN;
    for (size_t k = 0; k < n; k++) {
        const hrc_event *e = event_at(t, (int)k);
        int at = X_OF(event_year(e));
        /* Two events a little too close to touch apart (the same year, or
         * "before 2012" and 2011 on a long timeline): the later one's
         * marker steps aside by up to its width, a short line on the axis
         * joining it to its date. Closer still, zooming in parts them. */
        int x = at;
        if (prev_x != INT32_MIN && x < prev_x + size && prev_x + size - at <= size)
            x = prev_x + size;
        prev_x = x;
        hrc_rect hit = {x - size / 2, r.marker_y, size, size};
        bool selected = ts->event == (int)k;
        int dot = size / 2;
        hrc_rect d = {x - dot / 2, r.marker_y + (size - dot) / 2, dot, dot};
        hrc_draw_rect(u->list, (hrc_rect){x - 1, r.marker_y + size / 2, 2, r.axis_y - r.marker_y - size / 2},
                      p->marker, 0);
        if (x != at)
            hrc_draw_rect(u->list, (hrc_rect){at, r.axis_y - 2, x - at + 1, 2}, p->marker, 0);
        draw_marker(u, e, d, selected ? p->selected : p->marker, p->surface);
        if (selected)
            hrc_draw_frame(u->list, hit, p->selected, u->ring);
        char label[512], date[128];
        event_when(e, date, sizeof date);
        snprintf(label, sizeof label, "%s: %s", date, ui_pick(app, m, &e->headline));
        const hrc_variant *hv = hrc_text_pick(&e->headline, app->lang,
                                              m ? m->default_lang : NULL);
        ui_next_target(u, HRC_ROLE_TIMELINE_EVENT, selected ? _("selected") : NULL, NULL,
                       hv ? hv->lang : NULL);
        ui_add_target(u, hit, ACT_EVENT, (int)k, label, true);
        char shown[256];
        int gap = u->pad;
        /* The selected event's label is bold: measured bold. */
        unsigned style = selected ? HRC_FONT_BOLD : 0;
        for (int row = 0; row < 2; row++) {
            int room = label_max;
            if (!fit_label(u, ui_pick(app, m, &e->headline), style, u->small_px, room, shown,
                           sizeof shown))
                break;
            int w = ui_text_width(u, shown, style, u->small_px);
            int lx = x - w / 2;
            if (lx < canvas.x + pad)
                lx = canvas.x + pad;
            if (lx + w > canvas.x + canvas.w - pad)
                lx = canvas.x + canvas.w - pad - w;
            if (lx < row_end[row] + gap || x < canvas.x || x > canvas.x + canvas.w)
                continue;
            hrc_rect box = {lx, r.label_y[row], w + 1, r.line_h};
            if (ui_fixed_text(u, shown, style, u->small_px, selected ? p->text : p->muted,
                              box) >= 0) {
                row_end[row] = lx + w;
                /* A thin leader from the marker's line to its label. */
                if (row == 1)
                    hrc_draw_rect(u->list, (hrc_rect){x, r.axis_y, 1, r.label_y[1] - r.axis_y},
                                  p->border, 0);
            }
            break;
        }
    }
    hrc_draw_clip(u->list, (hrc_rect){0, 0, 0, 0});
#undef X_OF
}

static void timeline_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_timeline *t = current_timeline(app);
    timeline_state *ts = tl_of(app);
    if (!t || !ts)
        return;
    const hrc_module *m = ui_module(app, hrc_nav_top(&app->nav)->module);

    /* The canvas is fixed under the top bar; the text below it scrolls. */
    int canvas_h = rows_for(u, 0).height;
    if (canvas_h > u->view.h / 2)
        canvas_h = u->view.h / 2;
    hrc_rect canvas = {0, u->view.y, u->W, canvas_h};
    u->in_scroll = false;
    draw_canvas(u, t, m, canvas);
    u->in_scroll = true;
    u->view.y += canvas_h;
    u->view.h -= canvas_h;
    if (u->view.h < 0)
        u->view.h = 0;
    hrc_draw_clip(u->list, u->view);

    screen_item_header(u);
    const hrc_event *e = event_at(t, ts->event);
    size_t n = event_count(t);
    char line[128];
    if (e)
        snprintf(line, sizeof line, _("Event %d of %zu"), ts->event + 1, n);
    else
        snprintf(line, sizeof line, ngettext("%zu event", "%zu events", (unsigned long)n), n);
    ui_plain(u, line, HRC_FONT_BOLD, u->small_px, p->muted);
    ui_gap(u, u->pad / 3);
    ui_button_icon(u, ICON_PREV, _("Previous event"), ACT_PREV_EVENT, 0,
                   ts->event > 0 ? BTN_QUIET : BTN_QUIET);
    int next = ui_button_icon(u, ICON_NEXT, e ? _("Next event") : _("First event"),
                              ACT_NEXT_EVENT, 0, BTN_NORMAL);
    if (!e)
        ui_mark_main(u, next);
    ui_button_icon(u, ICON_ZOOM_IN, _("Zoom in"), ACT_ZOOM_IN, 0, BTN_QUIET);
    ui_button_icon(u, ICON_ZOOM_OUT, _("Zoom out"), ACT_ZOOM_OUT, 0, BTN_QUIET);
    ui_flow_end(u);
    ui_gap(u, u->pad / 2);
    if (!e) {
        ui_text(u, &t->title, HRC_FONT_BOLD, u->h1_px, p->text);
        ui_gap(u, u->pad / 2);
        if (!hrc_text_is_empty(&t->intro))
            ui_text(u, &t->intro, 0, u->px, p->text);
        ui_plain(u, _("Pick an event on the timeline, or step through them with Previous and "
                      "Next event (or the Left and Right arrow keys). Zoom with + and -."),
                 0, u->small_px, p->muted);
        ui_say(u, _("Pick an event on the timeline, or step through them with Previous and "
                    "Next event (or the Left and Right arrow keys). Zoom with + and -."));
        if (has_periods_or_plans(t))
            ui_plain(u, _("A bar shows a period, from its start to its end; a hollow marker "
                          "shows an event planned or a target."),
                     0, u->small_px, p->muted);
        /* Every era in words, once: the bands' full text. */
        ui_gap(u, u->pad);
        ui_plain(u, _("Eras"), HRC_FONT_BOLD, u->h2_px, p->text);
        for (size_t i = 0; i < t->n_eras; i++) {
            const hrc_era *era = &t->eras[i];
            char years[64];
            if (era->has_from)
                snprintf(years, sizeof years, "%d\xe2\x80\x93%d", era->from_year, era->to_year);
            else
                snprintf(years, sizeof years, _("until %d"), era->to_year);
            ui_gap(u, u->pad / 3);
            ui_plain(u, years, 0, u->small_px, p->muted);
            ui_text(u, &era->title, HRC_FONT_BOLD, u->px, p->text);
            if (!hrc_text_is_empty(&era->text))
                ui_text(u, &era->text, 0, u->px, p->text);
        }
        return;
    }
    char date[128];
    event_when(e, date, sizeof date);
    int iw = ui_icon(u, ICON_EVENT, u->x, u->y, u->px, p->muted);
    u->x += iw + u->pad / 3;
    u->w -= iw + u->pad / 3;
    ui_plain(u, date, HRC_FONT_BOLD, u->small_px, p->muted);
    u->x -= iw + u->pad / 3;
    u->w += iw + u->pad / 3;
    ui_text(u, &e->headline, HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    ui_text(u, &e->text, 0, u->px, p->text);
    ui_say_text(u, &e->text); /* said after the date and headline */
    if (e->has_image) {
        ui_gap(u, u->pad / 2);
        bool open = ui_alt_open(&ts->alts, &e->image);
        const hrc_variant *alt = hrc_text_pick(&e->image.alt, app->lang,
                                               m ? m->default_lang : NULL);
        if (alt)
            spoken_record_image(app, alt->plain, alt->lang, true,
                                (hrc_rect){u->x, u->y, u->w, 1});
        int iw2 = e->image.width, ih = e->image.height; /* read by the loader */
        const char *path = e->image.resolved;
        if (path && iw2 > 0 && ih > 0) {
            int w = u->w, h = (int)((long long)ih * w / iw2);
            if (h > u->view.h * 2 / 3) {
                h = u->view.h * 2 / 3;
                w = (int)((long long)iw2 * h / ih);
            }
            ui_image(u, &e->image, (hrc_rect){u->x, u->y, w, h});
            u->y += h + u->pad / 3;
        } else {
            open = true;
        }
        ui_button(u, open ? _("Hide description") : _("Show image description"), ACT_ALT_EVENT,
                  ts->event, BTN_QUIET);
        ui_flow_end(u);
        if (open) {
            bool rec = app->speech.recording;
            app->speech.recording = false; /* read once, as the image's */
            ui_text(u, &e->image.alt, 0, u->px, p->text);
            app->speech.recording = rec;
        }
    }
    if (e->case_ref && m && hrc_module_find_item(m, e->case_ref) >= 0) {
        ui_gap(u, u->pad / 2);
        ui_button_icon(u, ICON_CASE, _("Open the case study"), ACT_OPEN_CASE, ts->event,
                       BTN_NORMAL);
        ui_flow_end(u);
    }
}

/* Selects event k and pans so that it is in view. */
static void select_event(hrc_app *app, timeline_state *ts, const hrc_timeline *t, int k)
{
    const hrc_event *e = event_at(t, k);
    if (!e)
        return;
    ts->event = k;
    span s = timeline_span(t);
    clamp_view(ts, s);
    double half = (s.hi - s.lo) / ts->zoom / 2;
    double y = event_year(e);
    if (y < ts->center - half * 0.9 || y > ts->center + half * 0.9)
        ts->center = y;
    clamp_view(ts, s);
    hrc_nav_top(&app->nav)->scroll = 0;
}

static void zoom(timeline_state *ts, const hrc_timeline *t, double factor)
{
    span s = timeline_span(t);
    const hrc_event *e = event_at(t, ts->event);
    clamp_view(ts, s);
    ts->zoom *= factor;
    /* Zoom towards the selected event when it is in view. */
    if (e) {
        double half = (s.hi - s.lo) / ts->zoom / 2;
        double y = event_year(e);
        if (fabs(y - ts->center) > half)
            ts->center = y;
    }
    clamp_view(ts, s);
}

static unsigned timeline_activate(hrc_app *app, int action, int arg)
{
    const hrc_timeline *t = current_timeline(app);
    timeline_state *ts = tl_of(app);
    if (!t || !ts)
        return 0;
    const hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    const hrc_module *m = ui_module(app, loc->module);
    switch (action) {
    case ACT_EVENT:
        select_event(app, ts, t, arg);
        break;
    case ACT_ZOOM_IN:
        zoom(ts, t, 2.0);
        break;
    case ACT_ZOOM_OUT:
        zoom(ts, t, 0.5);
        break;
    case ACT_ALT_EVENT: {
        const hrc_event *e = event_at(t, arg);
        if (e)
            ui_alt_toggle(&ts->alts, &e->image);
        break;
    }
    case ACT_OPEN_CASE: {
        const hrc_event *e = event_at(t, arg);
        long item = e && e->case_ref && m ? hrc_module_find_item(m, e->case_ref) : -1;
        if (item >= 0) /* Back finds the timeline as it was left */
            app_go_item(app, loc->module, (int)item, false);
        break;
    }
    case ACT_PREV_EVENT:
    case ACT_NEXT_EVENT: {
        int n = (int)event_count(t);
        int k = ts->event < 0 ? 0 : ts->event + (action == ACT_NEXT_EVENT ? 1 : -1);
        if (k >= 0 && k < n)
            select_event(app, ts, t, k);
        break;
    }
    default:
        return screen_item_activate(app, action, arg) | HRC_APP_REDRAW;
    }
    return HRC_APP_REDRAW;
}

static unsigned timeline_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    const hrc_timeline *t = current_timeline(app);
    timeline_state *ts = tl_of(app);
    if (!t || !ts)
        return 0;
    int n = (int)event_count(t);
    switch (in->kind) {
    case HRC_IN_LEFT:
    case HRC_IN_RIGHT: {
        *handled = true;
        if (n == 0)
            return 0;
        int k = ts->event;
        if (k < 0)
            k = in->kind == HRC_IN_RIGHT ? 0 : n - 1;
        else
            k += in->kind == HRC_IN_RIGHT ? 1 : -1;
        if (k < 0 || k >= n)
            return 0;
        select_event(app, ts, t, k);
        return HRC_APP_REDRAW;
    }
    case HRC_IN_PAGE_UP:
    case HRC_IN_PAGE_DOWN:
        return screen_turn_key(app, in, handled);
    case HRC_IN_ZOOM_IN:
    case HRC_IN_ZOOM_OUT:
        *handled = true;
        zoom(ts, t, in->kind == HRC_IN_ZOOM_IN ? 2.0 : 0.5);
        return HRC_APP_REDRAW;
    case HRC_IN_WHEEL:
        /* Over the canvas the wheel pans; elsewhere it scrolls the text. */
        if (in->y >= app->view.y || ts->canvas_w <= 0)
            return 0;
        *handled = true;
        {
            double years = ts->span / (ts->zoom >= 1 ? ts->zoom : 1);
            ts->center -= (in->dx - in->dy) * years / 10;
            clamp_view(ts, timeline_span(t));
        }
        return HRC_APP_REDRAW;
    default:
        return 0;
    }
}

static unsigned timeline_drag(hrc_app *app, int action, int arg, int dx, int dy)
{
    const hrc_timeline *t = current_timeline(app);
    timeline_state *ts = tl_of(app);
    if (!t || !ts || ts->canvas_w <= 0 || dx == 0)
        return 0;
    double years = ts->span / (ts->zoom >= 1 ? ts->zoom : 1);
    ts->center -= dx * years / ts->canvas_w;
    clamp_view(ts, timeline_span(t));
    return HRC_APP_REDRAW;
}

static unsigned timeline_drop(hrc_app *app, int action, int arg, const ui_target *to)
{
    return 0;
}

void timeline_select(hrc_app *app, int event)
{
    timeline_state *ts = tl_of(app);
    const hrc_timeline *t = current_timeline(app);
    const hrc_event *e = t ? event_at(t, event) : NULL;
    if (!ts || !e)
        return;
    ts->event = event;
    /* Centred on the event, at the zoom the timeline opens with. */
    ts->center = e->date.year + (e->date.month > 0 ? (e->date.month - 0.5) / 12.0 : 0.5);
}

int timeline_selected(const hrc_app *app)
{
    const timeline_state *ts = tl_of(app);
    return ts ? ts->event : -1;
}

const screen_ops screen_timeline = {.state_size = sizeof(timeline_state),
                                    .init = timeline_init, .draw = timeline_draw,
                                    .bar = screen_item_bar, .activate = timeline_activate,
                                    .key = timeline_key, .drag = timeline_drag,
                                    .drop = timeline_drop};
