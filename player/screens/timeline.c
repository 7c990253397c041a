/*
 * The timeline: eras as bands, events as markers on an axis that pans
 * (Left/Right pick the previous/next event, drag, wheel) and zooms (+/-,
 * Ctrl+wheel, pinch, the zoom buttons) between the whole span and a close
 * view. The selected event's text shows below the canvas, with a link to
 * its case study. An event with an end is drawn as a bar from its start to
 * its end; a planned event or a target as a hollow marker (and a dashed
 * bar), and its text says "Planned" or "Target" in words.
 *
 * Promises of the canvas, at every size and zoom:
 * - each event's headline is written whole beside its marker wherever it
 *   fits, on one to three lines wrapped between words (never cut, never
 *   broken inside a word), in rows above and below the axis, each joined
 *   to its marker by a thin leader line; no label overlaps another, and no
 *   leader line crosses a label (nor a year of the axis). A headline with
 *   no room is left out until zooming in makes room (its marker stays, and
 *   the card below writes it when it is picked); the selected event's
 *   headline is always written, and picking an event whose headline shows
 *   moves no other label;
 * - the axis covers the course's events with a small margin; a long empty
 *   stretch (a goal years after the last event) is drawn short, with a
 *   break mark on the axis;
 * - the canvas's own buttons stay on one row under it, in two quiet
 *   groups: Zoom out and in together, and a stepper (Previous event,
 *   "3 of 12", Next event). One that would do nothing is greyed, still
 *   reached by Tab, and said "unavailable"; pressing it does nothing.
 */
#include "core/dates.h"
#include "screens/icons.h"
#include "screens/ui.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ACT_CANVAS = ACT_SCREEN, ACT_EVENT, ACT_ZOOM_IN, ACT_ZOOM_OUT, ACT_OPEN_CASE,
       ACT_ALT_EVENT, ACT_PREV_EVENT, ACT_NEXT_EVENT };

#define MAX_ZOOM 64.0
enum { MAX_BREAKS = 4, LABEL_LINES = 3 };

/* ---- The time scale ---------------------------------------------------- */

/* Years from..to drawn `units` wide (a break on the axis). */
typedef struct tl_break {
    double from, to, units;
} tl_break;

/* Where years go on the axis: one unit a year, but for the breaks. */
typedef struct tl_scale {
    double lo, hi; /* units shown at zoom 1 */
    int n_breaks;
    tl_break breaks[MAX_BREAKS];
} tl_scale;

/* One event as this frame draws it (the state's scratch). */
typedef struct ev_info {
    int k;          /* flat index */
    int at, x;      /* x of its date, and of its marker (stepped aside) */
    bool shown;     /* its marker is on the canvas */
    const char *text, *lang;
    int w1;         /* its headline on one line */
    int wrap[LABEL_LINES + 1]; /* [k]: the wrap width for k lines (0: none) */
    int box[LABEL_LINES + 1];  /* ... and their widest line */
} ev_info;

/* A headline placed on the canvas. */
typedef struct label {
    int ev;            /* index in the frame's ev_info */
    int side;          /* 0 above the axis, 1 below */
    int slot, lines;   /* its first slot (0 nearest the axis), how many */
    int form;          /* FORM_* */
    int wrap;          /* wrap width of the text */
    int anchor;        /* ANCHOR_*: where the text sits from its leader */
    hrc_rect box;      /* the label (text and padding) */
    hrc_rect pole;     /* its leader line */
} label;

enum { FORM_ONE, FORM_WRAP };
enum { ANCHOR_RIGHT, ANCHOR_LEFT, ANCHOR_OVER }; /* text right of, left of, over its leader */

/* What the learner made of the timeline: selection, pan and zoom. */
typedef struct timeline_state {
    int event;        /* selected event, flat index, -1 none */
    double center;    /* unit at the canvas centre; NAN: the middle */
    double zoom;      /* 1 = the whole timeline fits */
    int canvas_w;     /* last axis width, for pans by pixels */
    bool have_scale;
    tl_scale scale;
    ui_alt_set alts;  /* events whose image description is open */
    /* Scratch of the frame, kept from frame to frame. */
    ev_info *evs;
    label *labels, *best;
    bool *done;
    size_t cap;
} timeline_state;

static const hrc_timeline *current_timeline(const hrc_app *app)
{
    const hrc_item *it = screen_item(app, HRC_ITEM_TIMELINE);
    return it ? it->u.timeline : NULL;
}

static timeline_state *tl_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_TIMELINE ? screen_state(app)
                                                                       : NULL;
}

static void timeline_init(hrc_app *app, void *state)
{
    timeline_state *ts = state;
    ts->event = -1;
    ts->center = NAN;
    ts->zoom = 1.0;
}

static void timeline_fini(hrc_app *app, void *state)
{
    timeline_state *ts = state;
    free(ts->evs);
    free(ts->labels);
    free(ts->best);
    free(ts->done);
    ts->evs = NULL;
    ts->labels = ts->best = NULL;
    ts->done = NULL;
    ts->cap = 0;
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

/* The event's date as a reader sees it ("2014–2018", "Target · 2030") or,
 * spoken, as one says it ("from 2014 to 2018"). */
static void event_when(const hrc_event *e, bool spoken, char *out, size_t size)
{
    char date[96];
    int n = -1;
    if (e->has_end)
        n = spoken ? hrc_date_range_spoken(&e->date, &e->end, date, sizeof date)
                   : hrc_date_range_format(&e->date, &e->end, date, sizeof date);
    if (n < 0 && hrc_date_format(&e->date, date, sizeof date) < 0)
        snprintf(date, sizeof date, "%d", e->date.year);
    const char *word = status_word(e);
    if (word)
        snprintf(out, size, "%s \xc2\xb7 %s", word, date);
    else
        snprintf(out, size, "%s", date);
}

static bool has_periods_or_plans(const hrc_timeline *t)
{
    for (size_t i = 0; i < t->n_eras; i++)
        for (size_t k = 0; k < t->eras[i].n_events; k++)
            if (t->eras[i].events[k].has_end || planned(&t->eras[i].events[k]))
                return true;
    return false;
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

/* ---- The scale ---------------------------------------------------------- */

static double units_of(const tl_scale *s, double year)
{
    double u = year;
    for (int i = 0; i < s->n_breaks; i++) {
        const tl_break *b = &s->breaks[i];
        double len = b->to - b->from;
        if (year >= b->to)
            u -= len - b->units;
        else if (year > b->from)
            u -= (year - b->from) * (1 - b->units / len);
    }
    return u;
}

static bool in_break(const tl_scale *s, double year)
{
    for (int i = 0; i < s->n_breaks; i++)
        if (year > s->breaks[i].from && year < s->breaks[i].to)
            return true;
    return false;
}

static int by_start(const void *a, const void *b)
{
    const double *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

/* The course's own years, from its first event to its last, with a small
 * margin; a stretch with no event that is long (4 years or more, and over
 * a quarter of the whole) is kept to half a year at each end and a unit
 * between, shown by a break mark. */
static tl_scale make_scale(const hrc_timeline *t)
{
    tl_scale s = {.lo = 2000, .hi = 2030};
    size_t n = event_count(t);
    double(*iv)[2] = n ? malloc(n * sizeof *iv) : NULL;
    if (!iv)
        return s;
    size_t k = 0;
    for (size_t i = 0; i < t->n_eras; i++)
        for (size_t v = 0; v < t->eras[i].n_events; v++) {
            const hrc_event *e = &t->eras[i].events[v];
            iv[k][0] = event_year(e);
            iv[k][1] = fmax(event_end_year(e), iv[k][0]);
            k++;
        }
    qsort(iv, n, sizeof *iv, by_start);
    double lo = iv[0][0], hi = iv[0][1];
    for (size_t i = 1; i < n; i++)
        hi = fmax(hi, iv[i][1]);
    double reach = iv[0][1];
    for (size_t i = 1; i < n; i++) {
        double gap = iv[i][0] - reach;
        if (gap >= 4 && gap > (hi - lo) * 0.25 && s.n_breaks < MAX_BREAKS)
            s.breaks[s.n_breaks++] = (tl_break){reach + 0.5, iv[i][0] - 0.5, 1.0};
        reach = fmax(reach, iv[i][1]);
    }
    free(iv);
    double ulo = units_of(&s, lo), uhi = units_of(&s, hi);
    if (uhi - ulo < 1) {
        ulo -= 0.5;
        uhi += 0.5;
    }
    double margin = fmax(0.3, (uhi - ulo) * 0.03);
    s.lo = ulo - margin;
    s.hi = uhi + margin;
    return s;
}

static const tl_scale *scale_of(timeline_state *ts, const hrc_timeline *t)
{
    if (!ts->have_scale) {
        ts->scale = make_scale(t);
        ts->have_scale = true;
    }
    return &ts->scale;
}

static void clamp_view(timeline_state *ts, const tl_scale *s)
{
    if (!(ts->zoom >= 1.0))
        ts->zoom = 1.0;
    if (ts->zoom > MAX_ZOOM)
        ts->zoom = MAX_ZOOM;
    if (!isfinite(ts->center))
        ts->center = (s->lo + s->hi) / 2;
    double half = (s->hi - s->lo) / ts->zoom / 2;
    if (ts->center < s->lo + half)
        ts->center = s->lo + half;
    if (ts->center > s->hi - half)
        ts->center = s->hi - half;
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

/* ---- Geometry of the canvas --------------------------------------------- */

/*
 * Top to bottom: the eras' band; the labels above the axis; the axis with
 * its markers; the years; the labels below it; the buttons. Labels stand
 * in slots one line high, counted from the axis on each side: a label of
 * k lines at slot o takes slots o to o + k - 1, and its leader runs
 * through slots 0 to o - 1.
 */
typedef struct canvas_rows {
    int pad, line_h, band_y, band_h;
    int slots;               /* label slots on each side of the axis */
    int slot_h, vgap, cp;    /* a slot's height, the gap between two; padding */
    int base[2];             /* side 0: the bottom of slot 0 above the axis;
                                side 1: the top of slot 0 below it */
    int dot, halo;           /* a marker's dot, and the ring of the selected one */
    int axis_y, year_y;
    int draw_h;              /* the drawing, from the top */
    int tools_y, tools_h;    /* the buttons' row */
    int height;
} canvas_rows;

static canvas_rows rows_with(ui *u, int top, int slots)
{
    canvas_rows r = {0};
    int pad = u->pad / 2 > 2 ? u->pad / 2 : 2;
    r.pad = pad;
    r.slots = slots;
    r.line_h = u->m->line_height(u->m->ctx, (hrc_font){0, u->small_px});
    r.cp = pad / 3 > 2 ? pad / 3 : 2;
    r.vgap = pad / 2 > 2 ? pad / 2 : 2;
    r.slot_h = r.line_h + r.vgap;
    r.dot = u->min_target / 2;
    r.halo = r.dot + pad;
    int y = top + pad;
    r.band_y = y;
    r.band_h = r.line_h + pad;
    y += r.band_h + pad;
    y += slots * r.slot_h;
    r.base[0] = y - r.vgap;
    y += pad; /* the leaders show between the labels and the dots */
    r.axis_y = y + r.halo / 2;
    y = r.axis_y + r.halo / 2 + 2;
    r.year_y = y;
    y += r.line_h + pad / 2;
    r.base[1] = y;
    y += slots * r.slot_h;
    y += pad;
    r.draw_h = y - top;
    r.tools_y = y;
    r.tools_h = u->min_target + pad * 2;
    y += r.tools_h;
    r.height = y - top;
    return r;
}

/* As many slots for labels as the screen has room for: the canvas takes
 * about two fifths of the height under the top bar (a little more for two
 * lines of labels on each side, a little less for none). */
static canvas_rows rows_for(ui *u, int top, int view_h)
{
    canvas_rows r = {0};
    for (int slots = 6; slots >= 1; slots--) {
        r = rows_with(u, top, slots);
        if (r.height <= view_h * 2 / 5 || (slots <= 2 && r.height <= view_h * 9 / 20))
            return r;
    }
    return rows_with(u, top, 0);
}

/* ---- Labels ----------------------------------------------------------- */

/* The lines of a label's text wrapped at `wrap` pixels (FORM_ONE: one,
 * unwrapped). Returns the number of lines (0: more than `max_lines`) and
 * their widths. */
static int label_lines(ui *u, const ev_info *ev, int form, int wrap, int max_lines,
                       char out[][256], int *widths)
{
    if (max_lines > LABEL_LINES)
        max_lines = LABEL_LINES;
    if (hrc_layout_wrap_plain(&u->lay, ev->text, 0, u->small_px,
                              form == FORM_ONE ? INT_MAX / 4 : wrap, ev->lang, u->m) < 0)
        return 0;
    int n = 0;
    for (size_t i = 0; i < u->lay.n_lines && n < max_lines; i++) {
        const hrc_layout_line *line = &u->lay.lines[i];
        if (!line->n_runs)
            continue;
        const hrc_layout_run *first = &u->lay.runs[line->first_run];
        const hrc_layout_run *last = &u->lay.runs[line->first_run + line->n_runs - 1];
        size_t len = (size_t)(last->text + last->len - first->text);
        snprintf(out[n], 256, "%.*s", (int)(len < 255 ? len : 255), first->text);
        widths[n] = line->width;
        n++;
    }
    return u->lay.n_lines > (size_t)max_lines ? 0 : n;
}

/* Whether the lines of u->lay break only between words (after a space, a
 * hyphen, a slash or a dash), never inside one. */
static bool whole_words(const ui *u)
{
    for (size_t i = 1; i < u->lay.n_lines; i++) {
        const hrc_layout_line *line = &u->lay.lines[i];
        if (!line->n_runs)
            continue;
        const unsigned char *s = (const unsigned char *)u->lay.runs[line->first_run].text;
        unsigned char c = s[-1];
        bool dash = c == 0x93 || c == 0x94; /* the end of U+2013, U+2014 */
        if (c != ' ' && c != '-' && c != '/' && c != '\n' && !dash)
            return false;
    }
    return true;
}

/* Wraps the headline at `wrap`: 0 and its lines in u->lay when it takes at
 * most `lines` lines, broken only between words. */
static bool wraps_in(ui *u, const ev_info *ev, int wrap, int lines)
{
    return hrc_layout_wrap_plain(&u->lay, ev->text, 0, u->small_px, wrap, ev->lang, u->m) == 0 &&
           u->lay.n_lines <= (size_t)lines && whole_words(u);
}

/* The narrowest wrap that keeps the headline to `lines` lines within
 * max_w, no word broken (0: none), and its widest line in *box. */
static int narrowest(ui *u, const ev_info *ev, int lines, int max_w, int *box)
{
    int lo = ev->w1 / (lines + 1), hi = ev->w1 < max_w ? ev->w1 : max_w;
    if (hi <= 0 || !wraps_in(u, ev, hi, lines))
        return 0;
    int best = hi;
    *box = u->lay.width;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (wraps_in(u, ev, mid, lines)) {
            best = mid;
            *box = u->lay.width;
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return best;
}

/* Measures a visible event's headline: on one line, and at the narrowest
 * for two and three lines within max_w. */
static void measure_event(ui *u, ev_info *ev, int max_w)
{
    memset(ev->wrap, 0, sizeof ev->wrap);
    memset(ev->box, 0, sizeof ev->box);
    ev->w1 = 0;
    if (hrc_layout_wrap_plain(&u->lay, ev->text, 0, u->small_px, INT_MAX / 4, ev->lang,
                              u->m) < 0)
        return;
    ev->w1 = u->lay.width;
    ev->wrap[1] = ev->box[1] = ev->w1;
    for (int k = 2; k <= LABEL_LINES; k++) {
        ev->wrap[k] = narrowest(u, ev, k, max_w, &ev->box[k]);
        if (ev->wrap[k] && ev->box[k] >= ev->box[k - 1] && ev->wrap[k - 1])
            ev->wrap[k] = 0; /* no narrower than on fewer lines */
    }
}

static bool clash(hrc_rect a, hrc_rect b, int gap_x, int gap_y)
{
    if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0)
        return false;
    return a.x - gap_x < b.x + b.w && b.x < a.x + a.w + gap_x && a.y - gap_y < b.y + b.h &&
           b.y < a.y + a.h + gap_y;
}

/* Where the leader and the box of a label go, for a text w wide of
 * `lines` lines at slot `slot` of `side`; false when that leaves the
 * canvas or its side. */
static bool label_geometry(const canvas_rows *r, hrc_rect area, int x, int side, int slot,
                           int anchor, int w, int lines, int pw, hrc_rect *box,
                           hrc_rect *pole)
{
    if (slot + lines > r->slots)
        return false;
    int h = lines * r->slot_h - r->vgap;
    int bw = w + 2 * r->cp + pw;
    int px = x - pw / 2;
    switch (anchor) {
    case ANCHOR_RIGHT: box->x = px; break;
    case ANCHOR_LEFT: box->x = px + pw - bw; break;
    default:
        bw = w + 2 * r->cp;
        box->x = x - bw / 2;
        if (box->x < area.x)
            box->x = area.x;
        if (box->x + bw > area.x + area.w)
            box->x = area.x + area.w - bw;
        if (box->x > px - r->cp || box->x + bw < px + pw + r->cp)
            return false; /* the leader must meet the box */
        break;
    }
    box->y = side == 0 ? r->base[0] - slot * r->slot_h - h : r->base[1] + slot * r->slot_h;
    box->w = bw;
    box->h = h;
    if (box->x < area.x || box->x + box->w > area.x + area.w)
        return false;
    int dot_edge = side == 0 ? r->axis_y - r->dot / 3 : r->axis_y + r->dot / 3;
    if (side == 0) {
        int from = anchor == ANCHOR_OVER ? box->y + box->h : box->y;
        *pole = (hrc_rect){px, from, pw, dot_edge - from};
    } else {
        int to = anchor == ANCHOR_OVER ? box->y : box->y + box->h;
        *pole = (hrc_rect){px, dot_edge, pw, to - dot_edge};
    }
    return pole->h > 0;
}

/* Whether a label fits among those placed: no box on a box or a leader,
 * no leader through a box. */
static bool fits(const label *placed, int n, hrc_rect box, hrc_rect pole, int gap)
{
    for (int i = 0; i < n; i++)
        if (clash(box, placed[i].box, gap, 1) || clash(box, placed[i].pole, gap, 1) ||
            clash(pole, placed[i].box, gap, 1))
            return false;
    return true;
}

/* One way of placing labels: the order of forms and slots tried. */
typedef struct strategy {
    int lines[LABEL_LINES]; /* the forms tried, by their number of lines */
    bool far_first;         /* the slot farthest from the axis first */
    bool selected_first;
} strategy;

typedef struct placing {
    ui *u;
    const canvas_rows *r;
    hrc_rect area;  /* where labels may go */
    int pw, gap;
    ev_info *evs;
    int n_evs;
    int selected;   /* index in evs, -1 none */
    int max_w;      /* widest a label may be */
    int sel_max;    /* ... and the selected one */
} placing;

/* Tries each place (side, slot, anchor) for a text w wide on `lines`
 * lines; on success fills *out. */
static bool try_slots(const placing *p, const label *placed, int n, const strategy *st,
                      int ev, int form, int wrap, int w, int lines, int first_side,
                      label *out)
{
    const canvas_rows *r = p->r;
    for (int s = 0; s < 2; s++) {
        int side = s == 0 ? first_side : 1 - first_side;
        for (int i = 0; i + lines <= r->slots; i++) {
            int slot = st->far_first ? r->slots - lines - i : i;
            for (int anchor = 0; anchor < 3; anchor++) {
                hrc_rect box, pole;
                if (!label_geometry(r, p->area, p->evs[ev].x, side, slot, anchor, w, lines,
                                    p->pw, &box, &pole) ||
                    !fits(placed, n, box, pole, p->gap))
                    continue;
                *out = (label){.ev = ev, .side = side, .slot = slot, .lines = lines,
                               .form = form, .wrap = wrap, .anchor = anchor, .box = box,
                               .pole = pole};
                return true;
            }
        }
    }
    return false;
}

/* The whole headline of event ev, somewhere; false when it fits nowhere. */
static bool place_whole(const placing *p, const label *placed, int n, const strategy *st,
                        int ev, int first_side, label *out)
{
    const ev_info *e = &p->evs[ev];
    for (int f = 0; f < LABEL_LINES; f++) {
        int k = st->lines[f];
        if (k < 1 || k > p->r->slots || !e->wrap[k] ||
            e->box[k] > (ev == p->selected ? p->sel_max : p->max_w))
            continue;
        if (try_slots(p, placed, n, st, ev, k == 1 ? FORM_ONE : FORM_WRAP, e->wrap[k],
                      e->box[k], k, first_side, out))
            return true;
    }
    return false;
}

/* Places every label it can for one strategy, each whole (a headline that
 * fits nowhere whole is left for the card below, and for zooming in);
 * returns its score (the selected headline counts most, then how many are
 * placed; slots near the axis are preferred). */
static long place_all(placing *p, const strategy *st, bool *done, label *out, int *n_out)
{
    int n = 0;
    int side = 1; /* the first label goes above the axis */
    long whole = 0, far = 0;
    memset(done, 0, (size_t)p->n_evs * sizeof *done);
    *n_out = 0;
    if (p->r->slots == 0)
        return 0;
    /* The selected one first when asked, then in order along the axis. */
    for (int pass = st->selected_first ? 0 : 1; pass < 2; pass++)
        for (int i = 0; i < p->n_evs; i++) {
            if ((pass == 0 && i != p->selected) || done[i] || !p->evs[i].shown)
                continue;
            if (place_whole(p, out, n, st, i, 1 - side, &out[n])) {
                done[i] = true;
                side = out[n].side;
                whole++;
                far += out[n].slot;
                n++;
            }
        }
    *n_out = n;
    bool sel_whole = true;
    if (p->selected >= 0 && p->evs[p->selected].shown) {
        sel_whole = false;
        for (int i = 0; i < n; i++)
            sel_whole |= out[i].ev == p->selected;
    }
    return (sel_whole ? 1000000L : 0) + whole * 1000 - far;
}

/* ---- Drawing ---------------------------------------------------------- */

/* A period as a bar along the axis, from x0 to x1: solid when it took
 * place, dashed when planned. */
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

/* An event's marker: a dot, or a ring when it is planned; the selected one
 * in its own colour inside a halo. */
static void draw_marker(ui *u, const hrc_event *e, int x, int y, const canvas_rows *r,
                        bool selected, hrc_rect canvas)
{
    const hrc_palette *p = u->pal;
    if (x < canvas.x - r->halo || x > canvas.x + canvas.w + r->halo)
        return;
    if (selected) {
        int h = r->halo;
        hrc_draw_rect(u->list, (hrc_rect){x - h / 2, y - h / 2, h, h}, p->picked, h / 2);
    }
    int d = selected ? r->dot * 5 / 6 : r->dot * 2 / 3;
    hrc_color c = selected ? p->selected : p->marker;
    hrc_rect dot = {x - d / 2, y - d / 2, d, d};
    hrc_draw_rect(u->list, dot, c, d / 2);
    if (!planned(e))
        return;
    int ring = d / 4 > 2 ? d / 4 : 2;
    hrc_rect hole = {dot.x + ring, dot.y + ring, dot.w - 2 * ring, dot.h - 2 * ring};
    if (hole.w > 0)
        hrc_draw_rect(u->list, hole, p->surface, hole.w / 2);
}

/* A break on the axis, centred at (x, y): a gap in the axis between two
 * slanted strokes `size` tall. */
static void draw_break(ui *u, int x, int y, int size, int thick, hrc_color line,
                       hrc_color ground)
{
    int dot = thick > 2 ? thick : 2;
    int gap = size / 2;
    hrc_draw_rect(u->list, (hrc_rect){x - gap / 2, y - thick, gap, thick * 2 + 1}, ground, 0);
    int steps = size / dot;
    for (int s = 0; s < 2; s++) {
        int cx = x + (s ? gap / 2 : -gap / 2);
        for (int i = 0; i < steps; i++)
            hrc_draw_rect(u->list,
                          (hrc_rect){cx - steps * dot / 4 + i * dot / 2,
                                     y + size / 2 - (i + 1) * dot, dot, dot},
                          line, 0);
    }
}

static bool grow_scratch(timeline_state *ts, size_t n)
{
    if (n <= ts->cap)
        return true;
    size_t cap = ts->cap ? ts->cap : 16;
    while (cap < n)
        cap *= 2;
    ev_info *evs = realloc(ts->evs, cap * sizeof *evs);
    if (!evs)
        return false;
    ts->evs = evs;
    label *a = realloc(ts->labels, cap * sizeof *a);
    if (!a)
        return false;
    ts->labels = a;
    label *b = realloc(ts->best, cap * sizeof *b);
    if (!b)
        return false;
    ts->best = b;
    bool *d = realloc(ts->done, cap * sizeof *d);
    if (!d)
        return false;
    ts->done = d;
    ts->cap = cap;
    return true;
}

static int by_at(const void *a, const void *b)
{
    const ev_info *x = a, *y = b;
    if (x->at != y->at)
        return (x->at > y->at) - (x->at < y->at);
    return (x->k > y->k) - (x->k < y->k);
}

/* A placed label: its leader, and its lines (on a chip of the selected
 * colour for the selected event). */
static void draw_label(ui *u, const canvas_rows *r, const ev_info *ev, const label *l,
                       bool selected, hrc_rect canvas)
{
    const hrc_palette *p = u->pal;
    char lines[LABEL_LINES][256];
    int widths[LABEL_LINES] = {0};
    int n = label_lines(u, ev, l->form, l->wrap, l->lines, lines, widths);
    hrc_draw_rect(u->list, l->pole, selected ? p->selected : p->border, 0);
    /* The text in the middle of its box, and the chip just around it. */
    int text_h = n * r->line_h;
    int ty = l->box.y + (l->box.h - text_h) / 2;
    if (selected) {
        hrc_rect chip = {l->box.x, ty - r->cp, l->box.w, text_h + 2 * r->cp};
        if (l->anchor == ANCHOR_RIGHT)
            chip.x += l->pole.w, chip.w -= l->pole.w;
        else if (l->anchor == ANCHOR_LEFT)
            chip.w -= l->pole.w;
        hrc_draw_rect(u->list, chip, p->selected, r->cp);
    }
    hrc_color fg = selected ? p->selected_text : p->text;
    int pw = l->pole.w;
    for (int i = 0; i < n; i++) {
        int x;
        switch (l->anchor) {
        case ANCHOR_RIGHT: x = l->box.x + pw + r->cp; break;
        case ANCHOR_LEFT: x = l->box.x + l->box.w - pw - r->cp - widths[i]; break;
        default: x = l->box.x + (l->box.w - widths[i]) / 2; break;
        }
        hrc_rect rect = {x, ty + i * r->line_h, widths[i], r->line_h};
        if (hrc_rect_contains(canvas, rect))
            hrc_draw_text(u->list, rect, canvas, (hrc_font){0, u->small_px}, fg, lines[i],
                          strlen(lines[i]));
    }
}

static void draw_canvas(ui *u, const hrc_timeline *t, const hrc_module *m, hrc_rect canvas,
                        const canvas_rows *r)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    timeline_state *ts = tl_of(app);
    const tl_scale *s = scale_of(ts, t);
    clamp_view(ts, s);
    int edge = r->halo / 2 + r->pad;
    int x0 = canvas.x + edge, inner_w = canvas.w - 2 * edge > 1 ? canvas.w - 2 * edge : 1;
    ts->canvas_w = inner_w;
    double units = (s->hi - s->lo) / ts->zoom;
    double ppu = inner_w / units;
    double left = ts->center - units / 2;
#define X_OF(year) (x0 + (int)lround((units_of(s, (year)) - left) * ppu))

    hrc_draw_rect(u->list, canvas, p->surface, 0);
    hrc_draw_clip(u->list, canvas);
    hrc_rect drawing = {canvas.x, canvas.y, canvas.w, r->draw_h};
    int pad = r->pad;
    /* Eras, as bands with their titles where they fit (kept in view). */
    for (size_t i = 0; i < t->n_eras; i++) {
        const hrc_era *e = &t->eras[i];
        int bx0 = e->has_from ? X_OF(e->from_year) : canvas.x;
        int bx1 = X_OF(e->to_year + 1.0);
        hrc_rect band = hrc_rect_intersect((hrc_rect){bx0, r->band_y, bx1 - bx0, r->band_h},
                                           canvas);
        if (band.w <= 0)
            continue;
        hrc_draw_rect(u->list, band, p->band[i % 2], 0);
        char title[256];
        if (fit_label(u, ui_pick(app, m, &e->title), HRC_FONT_BOLD, u->small_px, band.w - pad,
                      title, sizeof title))
            ui_fixed_text(u, title, HRC_FONT_BOLD, u->small_px, p->band_text,
                          (hrc_rect){band.x + pad / 2, band.y + pad / 2, band.w - pad,
                                     r->line_h});
    }
    /* The axis. */
    int thick = r->pad / 4 > 2 ? r->pad / 4 : 2;
    hrc_draw_rect(u->list, (hrc_rect){canvas.x, r->axis_y - thick / 2, canvas.w, thick},
                  p->border, 0);

    /* Each event: where its marker goes, along the axis. */
    size_t n = event_count(t);
    if (!grow_scratch(ts, n + 1)) {
        hrc_draw_clip(u->list, (hrc_rect){0, 0, 0, 0});
        return;
    }
    ev_info *evs = ts->evs;
    int n_evs = 0;
    for (size_t k = 0; k < n; k++) {
        const hrc_event *e = event_at(t, (int)k);
        long at = lround((units_of(s, event_year(e)) - left) * ppu) + x0;
        at = at < INT_MIN / 4 ? INT_MIN / 4 : at > INT_MAX / 4 ? INT_MAX / 4 : at;
        const hrc_variant *hv = hrc_text_pick(&e->headline, app->lang,
                                              m ? m->default_lang : NULL);
        evs[n_evs++] = (ev_info){.k = (int)k, .at = (int)at, .x = (int)at,
                                 .text = ui_pick(app, m, &e->headline),
                                 .lang = hv ? hv->lang : ui_lang(u)};
    }
    qsort(evs, (size_t)n_evs, sizeof *evs, by_at);
    /* Two events a little too close to touch apart (the same year, or
     * "before 2012" and 2011 on a long timeline): the later one's marker
     * steps aside by up to its width, a short line joining it to its date.
     * Closer still, zooming in parts them. */
    int size = u->min_target;
    int selected = -1;
    for (int i = 0; i < n_evs; i++) {
        if (i > 0 && evs[i].x < evs[i - 1].x + size && evs[i - 1].x + size - evs[i].at <= size)
            evs[i].x = evs[i - 1].x + size;
        evs[i].shown = evs[i].x >= canvas.x + pad && evs[i].x <= canvas.x + canvas.w - pad;
        if (evs[i].k == ts->event)
            selected = i;
    }
    /* Periods first, under every marker. */
    int bar = r->dot / 3 > 3 ? r->dot / 3 : 3;
    for (int i = 0; i < n_evs; i++) {
        const hrc_event *e = event_at(t, evs[i].k);
        if (e->has_end)
            draw_span(u, e, evs[i].at, X_OF(event_end_year(e)), r->axis_y - bar / 2, bar,
                      evs[i].k == ts->event ? p->selected : p->marker, canvas);
    }
    /* Headlines: measured, then placed by the strategy that writes the
     * most of them whole. The selected one is measured as the others (so
     * that nothing moves when it is picked) and, if it fits nowhere so,
     * placed first and as wide as it needs. */
    int pw = (int)lround(u->scale * 2) > 1 ? (int)lround(u->scale * 2) : 1;
    placing pl = {.u = u, .r = r,
                  .area = {canvas.x + pad / 2, canvas.y, canvas.w - pad, r->draw_h},
                  .pw = pw, .gap = pad, .evs = evs, .n_evs = n_evs, .selected = selected,
                  .max_w = u->small_px * 16};
    pl.sel_max = pl.max_w;
    for (int i = 0; i < n_evs; i++)
        if (evs[i].shown)
            measure_event(u, &evs[i], pl.max_w);
    static const strategy plans[] = {
        {{1, 2, 3}, false, false}, {{2, 3, 1}, false, false}, {{3, 2, 1}, false, false},
        {{1, 2, 3}, true, false},  {{2, 3, 1}, true, false},  {{3, 2, 1}, true, false},
        {{1, 2, 3}, false, true},  {{2, 3, 1}, false, true},  {{3, 2, 1}, false, true},
    };
    long best = LONG_MIN;
    int n_best = 0;
    for (size_t i = 0; i < sizeof plans / sizeof plans[0]; i++) {
        if (plans[i].selected_first) {
            if (best >= 1000000L)
                break; /* the selected headline is already whole */
            if (selected >= 0 && pl.sel_max == pl.max_w) {
                pl.sel_max = canvas.w - 2 * pad;
                measure_event(u, &evs[selected], pl.sel_max);
            }
        }
        int got = 0;
        long score = place_all(&pl, &plans[i], ts->done, ts->labels, &got);
        if (score > best) {
            best = score;
            n_best = got;
            memcpy(ts->best, ts->labels, (size_t)got * sizeof *ts->labels);
        }
    }
    for (int i = 0; i < n_best; i++)
        draw_label(u, r, &evs[ts->best[i].ev], &ts->best[i], ts->best[i].ev == selected, drawing);

    /* Years, right of their ticks, where no leader crosses them. */
    int step = tick_step(ppu, ui_text_width(u, "00000", 0, u->small_px));
    /* Years are never fewer than units: the years shown start at `left`
     * and end at most the breaks' length after its right end. */
    double year_lo = left, year_hi = left + units;
    for (int i = 0; i < s->n_breaks; i++)
        year_hi += s->breaks[i].to - s->breaks[i].from;
    int last_end = INT_MIN;
    for (long y = (long)floor(year_lo / step) * step; y <= year_hi; y += step) {
        if (in_break(s, (double)y))
            continue;
        int x = X_OF((double)y);
        if (x < canvas.x || x > canvas.x + canvas.w)
            continue;
        hrc_draw_rect(u->list, (hrc_rect){x, r->axis_y, 1, r->halo / 2}, p->border, 0);
        char text[16];
        snprintf(text, sizeof text, "%ld", y);
        int w = ui_text_width(u, text, 0, u->small_px);
        hrc_rect box = {x + thick + 1, r->year_y, w, r->line_h};
        bool free = hrc_rect_contains(drawing, box) && box.x > last_end + pad;
        for (int i = 0; i < n_best && free; i++)
            free = !clash(box, ts->best[i].pole, 1, 1) && !clash(box, ts->best[i].box, 1, 1);
        if (!free)
            continue;
        hrc_draw_text(u->list, box, drawing, (hrc_font){0, u->small_px}, p->muted, text,
                      strlen(text));
        last_end = box.x + box.w;
    }
    for (int i = 0; i < s->n_breaks; i++) {
        int bx = (X_OF(s->breaks[i].from) + X_OF(s->breaks[i].to)) / 2;
        if (bx > canvas.x && bx < canvas.x + canvas.w)
            draw_break(u, bx, r->axis_y, r->halo * 2 / 3, thick, p->border, p->surface);
    }
    /* Markers over the leaders, and a line from a stepped-aside marker to
     * its date. */
    for (int i = 0; i < n_evs; i++) {
        if (evs[i].x != evs[i].at)
            hrc_draw_rect(u->list,
                          (hrc_rect){evs[i].at, r->axis_y - thick / 2 - 1,
                                     evs[i].x - evs[i].at + 1, thick + 2},
                          p->marker, 0);
        draw_marker(u, event_at(t, evs[i].k), evs[i].x, r->axis_y, r, i == selected, canvas);
    }
    /* Targets, in the events' own order: the canvas, then each marker. */
    ui_next_target(u, HRC_ROLE_TIMELINE, _("Left and Right arrow keys pick an event"), NULL,
                   NULL);
    ui_add_target(u, drawing, ACT_CANVAS, 0, _("Timeline"), true);
    int *where = malloc(n ? n * sizeof *where : 1);
    for (int i = 0; where && i < n_evs; i++)
        where[evs[i].k] = i;
    for (size_t k = 0; where && k < n; k++) {
        const ev_info *ev = &evs[where[k]];
        const hrc_event *e = event_at(t, (int)k);
        bool sel = ts->event == (int)k;
        char name[512], spoken[512], date[160];
        event_when(e, false, date, sizeof date);
        snprintf(name, sizeof name, "%s: %s", date, ev->text);
        event_when(e, true, date, sizeof date);
        snprintf(spoken, sizeof spoken, "%s: %s", date, ev->text);
        ui_next_target(u, HRC_ROLE_TIMELINE_EVENT, sel ? _("selected") : NULL, spoken, ev->lang);
        ui_add_target(u, (hrc_rect){ev->x - size / 2, r->axis_y - size / 2, size, size},
                      ACT_EVENT, (int)k, name, true);
    }
    free(where);
    hrc_draw_clip(u->list, (hrc_rect){0, 0, 0, 0});
#undef X_OF
}

/* ---- The canvas's buttons ------------------------------------------------ */

/* A square button of the canvas's row: an icon, named for speech and
 * tests by its label. */
typedef struct tool {
    const char *icon, *label;
    int action;
    bool enabled;
} tool;

/* Between the text colour and the canvas: what cannot be used now. */
static hrc_color greyed(const hrc_palette *p)
{
    return (hrc_color){(uint8_t)((p->text.r * 45 + p->surface.r * 55) / 100),
                       (uint8_t)((p->text.g * 45 + p->surface.g * 55) / 100),
                       (uint8_t)((p->text.b * 45 + p->surface.b * 55) / 100), 255};
}

/* One button at (x, y), min_target square. One that would do nothing is
 * greyed, yet stays a target that the keyboard reaches and speech calls
 * "unavailable" (pressing it does nothing), so that a learner who cannot
 * see it still learns that the first or last event is reached. */
static void tool_draw(ui *u, const tool *t, int x, int y)
{
    const hrc_palette *p = u->pal;
    int s = u->min_target;
    hrc_rect r = {x, y, s, s};
    hrc_color fg = t->enabled ? p->text : greyed(p);
    int icon_px = u->px * 6 / 5;
    hrc_font f = {HRC_FONT_ICON, icon_px};
    int iw = u->m->width(u->m->ctx, f, t->icon, strlen(t->icon));
    int ih = u->m->line_height(u->m->ctx, f);
    ui_icon(u, t->icon, x + (s - iw) / 2, y + (s - ih) / 2, icon_px, fg);
    if (!t->enabled)
        ui_next_target(u, HRC_ROLE_BUTTON, _("unavailable"), NULL, NULL);
    ui_add_target(u, r, t->action, 0, t->label, false);
}

/* Two buttons joined in one outlined group, with a quiet text between
 * them (may be NULL): [−][+] or [‹ 3 of 12 ›]. Returns its width. */
static int group_width(ui *u, const char *middle)
{
    int w = 2 * u->min_target;
    if (middle)
        w += ui_text_width(u, middle, HRC_FONT_BOLD, u->small_px) + u->pad;
    return w;
}

static void group_draw(ui *u, const tool *a, const tool *b, const char *middle, int x, int y)
{
    const hrc_palette *p = u->pal;
    int s = u->min_target, w = group_width(u, middle);
    hrc_rect box = {x, y, w, s};
    hrc_draw_rect(u->list, box, p->surface, u->pad / 3);
    int th = (u->ring + 1) / 2 > 0 ? (u->ring + 1) / 2 : 1;
    hrc_draw_frame(u->list, box, p->border, th);
    tool_draw(u, a, x, y);
    if (middle) {
        int tw = ui_text_width(u, middle, HRC_FONT_BOLD, u->small_px);
        int lh = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, u->small_px});
        ui_fixed_text(u, middle, HRC_FONT_BOLD, u->small_px, p->muted,
                      (hrc_rect){x + s + u->pad / 2, y + (s - lh) / 2, tw + 1, lh});
    } else {
        hrc_draw_rect(u->list, (hrc_rect){x + s, y + s / 5, th, s - 2 * (s / 5)}, p->border, 0);
    }
    tool_draw(u, b, x + w - s, y);
}

/* Zoom out and in, together at the left of the canvas, as in most
 * timelines; the stepper (Previous event, "3 of 12", Next event) at the
 * left of the content column, over the event it steps through. */
static void draw_tools(ui *u, const canvas_rows *r, const timeline_state *ts, int n_events)
{
    bool any = ts->event >= 0;
    tool prev = {ICON_PREV, _("Previous event"), ACT_PREV_EVENT, any && ts->event > 0};
    tool next = {ICON_NEXT, any ? _("Next event") : _("First event"), ACT_NEXT_EVENT,
                 n_events > 0 && ts->event < n_events - 1};
    tool out = {ICON_ZOOM_OUT, _("Zoom out"), ACT_ZOOM_OUT, ts->zoom > 1.0 + 1e-9};
    tool in = {ICON_ZOOM_IN, _("Zoom in"), ACT_ZOOM_IN, ts->zoom < MAX_ZOOM - 1e-9};
    char where[64];
    if (any)
        /* TRANSLATORS: the timeline's stepper, between Previous and Next
           event: the selected event's place among them, "3 of 12". */
        snprintf(where, sizeof where, C_("stepper", "%d of %d"), ts->event + 1, n_events);
    else
        snprintf(where, sizeof where,
                 ngettext("%zu event", "%zu events", (unsigned long)n_events), (size_t)n_events);
    int y = r->tools_y + r->pad;
    int zoom_x = u->pad, zoom_end = zoom_x + group_width(u, NULL);
    int steps_x = u->x, steps_w = group_width(u, where);
    if (steps_x < zoom_end + u->pad) /* the column starts too near */
        steps_x = zoom_end + u->pad;
    if (steps_x + steps_w > u->W - u->pad)
        steps_x = u->W - u->pad - steps_w;
    group_draw(u, &out, &in, NULL, zoom_x, y);
    group_draw(u, &prev, &next, where, steps_x, y);
}

/* ---- The screen ---------------------------------------------------------- */

static void timeline_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_timeline *t = current_timeline(app);
    timeline_state *ts = tl_of(app);
    if (!t || !ts)
        return;
    const hrc_module *m = ui_module(app, hrc_nav_top(&app->nav)->module);
    size_t n = event_count(t);

    /* The canvas and its buttons are fixed under the top bar; the text
     * below them scrolls. */
    canvas_rows r = rows_for(u, u->view.y, u->view.h);
    int canvas_h = r.height;
    if (canvas_h > u->view.h / 2)
        canvas_h = u->view.h / 2;
    hrc_rect canvas = {0, u->view.y, u->W, canvas_h};
    u->in_scroll = false;
    hrc_draw_clip(u->list, canvas);
    draw_canvas(u, t, m, canvas, &r);
    hrc_draw_clip(u->list, canvas);
    hrc_draw_rect(u->list, (hrc_rect){0, r.tools_y, u->W, 1}, p->track, 0);
    draw_tools(u, &r, ts, (int)n);
    hrc_draw_rect(u->list, (hrc_rect){0, canvas.y + canvas_h - 1, u->W, 1}, p->border, 0);
    u->in_scroll = true;
    u->view.y += canvas_h;
    u->view.h -= canvas_h;
    if (u->view.h < 0)
        u->view.h = 0;
    hrc_draw_clip(u->list, u->view);

    screen_item_header(u);
    const hrc_event *e = event_at(t, ts->event);
    char line[128];
    if (e)
        snprintf(line, sizeof line, _("Event %d of %zu"), ts->event + 1, n);
    else
        snprintf(line, sizeof line, ngettext("%zu event", "%zu events", (unsigned long)n), n);
    ui_plain(u, line, HRC_FONT_BOLD, u->small_px, p->muted);
    ui_gap(u, u->pad / 3);
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
    /* The event as a card: its date (said as one says it), headline, text,
     * picture and case study. */
    hrc_rect card;
    ui_box_begin(u, &card);
    char date[160], said[160];
    event_when(e, false, date, sizeof date);
    event_when(e, true, said, sizeof said);
    int iw = ui_icon(u, ICON_EVENT, u->x, u->y, u->px, p->muted);
    u->x += iw + u->pad / 3;
    u->w -= iw + u->pad / 3;
    int y0 = u->y;
    bool rec = app->speech.recording;
    app->speech.recording = false;
    ui_plain(u, date, HRC_FONT_BOLD, u->small_px, p->muted);
    app->speech.recording = rec;
    if (rec)
        spoken_record_text(app, said, NULL, 0, true, false, true,
                           (hrc_rect){u->x, y0, u->w, u->y - y0});
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
            app->speech.recording = false; /* read once, as the image's */
            ui_text(u, &e->image.alt, 0, u->px, p->text);
            app->speech.recording = rec;
        }
    }
    if (e->case_ref && m && hrc_module_find_item(m, e->case_ref) >= 0) {
        ui_gap(u, u->pad / 2);
        ui_button_icon(u, ICON_CASE, _("Open the case study"), ACT_OPEN_CASE, ts->event,
                       BTN_QUIET);
        ui_flow_end(u);
    }
    ui_box_end(u, card, p->surface);
}

/* Selects event k and pans so that it is in view. */
static void select_event(hrc_app *app, timeline_state *ts, const hrc_timeline *t, int k)
{
    const hrc_event *e = event_at(t, k);
    if (!e)
        return;
    ts->event = k;
    const tl_scale *s = scale_of(ts, t);
    clamp_view(ts, s);
    double half = (s->hi - s->lo) / ts->zoom / 2;
    double y = units_of(s, event_year(e));
    if (y < ts->center - half * 0.8 || y > ts->center + half * 0.8)
        ts->center = y;
    clamp_view(ts, s);
    hrc_nav_top(&app->nav)->scroll = 0;
}

static void zoom(timeline_state *ts, const hrc_timeline *t, double factor)
{
    const tl_scale *s = scale_of(ts, t);
    const hrc_event *e = event_at(t, ts->event);
    clamp_view(ts, s);
    ts->zoom *= factor;
    /* Zoom towards the selected event when it is in view. */
    if (e) {
        double half = (s->hi - s->lo) / ts->zoom / 2;
        double y = units_of(s, event_year(e));
        if (fabs(y - ts->center) > half * 0.8)
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
    int n = (int)event_count(t);
    switch (action) {
    case ACT_EVENT:
        select_event(app, ts, t, arg);
        break;
    case ACT_ZOOM_IN:
    case ACT_ZOOM_OUT:
        /* At either end the button is greyed and does nothing. */
        if (action == ACT_ZOOM_IN ? ts->zoom >= MAX_ZOOM : ts->zoom <= 1.0)
            return 0;
        zoom(ts, t, action == ACT_ZOOM_IN ? 2.0 : 0.5);
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
        int k = ts->event < 0 ? (action == ACT_NEXT_EVENT ? 0 : -1)
                              : ts->event + (action == ACT_NEXT_EVENT ? 1 : -1);
        if (k < 0 || k >= n)
            return 0; /* greyed: nothing before the first, nothing after the last */
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
        if (in->kind == HRC_IN_ZOOM_IN ? ts->zoom >= MAX_ZOOM : ts->zoom <= 1.0)
            return 0;
        zoom(ts, t, in->kind == HRC_IN_ZOOM_IN ? 2.0 : 0.5);
        return HRC_APP_REDRAW;
    case HRC_IN_WHEEL:
        /* Over the canvas the wheel pans; elsewhere it scrolls the text. */
        if (in->y >= app->view.y || ts->canvas_w <= 0)
            return 0;
        *handled = true;
        {
            const tl_scale *s = scale_of(ts, t);
            double units = (s->hi - s->lo) / (ts->zoom >= 1 ? ts->zoom : 1);
            ts->center -= (in->dx - in->dy) * units / 10;
            clamp_view(ts, s);
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
    const tl_scale *s = scale_of(ts, t);
    double units = (s->hi - s->lo) / (ts->zoom >= 1 ? ts->zoom : 1);
    ts->center -= dx * units / ts->canvas_w;
    clamp_view(ts, s);
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
    ts->center = units_of(scale_of(ts, t), event_year(e));
}

int timeline_selected(const hrc_app *app)
{
    const timeline_state *ts = tl_of(app);
    return ts ? ts->event : -1;
}

const screen_ops screen_timeline = {.state_size = sizeof(timeline_state),
                                    .init = timeline_init, .fini = timeline_fini,
                                    .draw = timeline_draw, .bar = screen_item_bar,
                                    .activate = timeline_activate, .key = timeline_key,
                                    .drag = timeline_drag, .drop = timeline_drop};
