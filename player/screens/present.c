/*
 * Presenter mode (present.h): the questions a group got wrong, one at a
 * time, large, for a projector. The figures are read from the store when
 * the mode opens and at Home; drawing only reads the state.
 */
#include "screens/present.h"

#include "core/answer.h"
#include "core/itemstats.h"
#include "screens/icons.h"
#include "screens/ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_NEXT = ACT_SCREEN, /* the next step */
    ACT_PREV,
    ACT_FIRST,             /* back to the first question (the answers read again) */
    ACT_BLANK,
    ACT_UNBLANK,           /* a tap anywhere on the blank screen */
    ACT_LEAVE,
    ACT_STAY,              /* "quit?" answered no (ACT_QUIT: yes) */
};

/* The steps of one question. */
enum { STEP_QUESTION, STEP_ANSWER, STEP_ROOM, N_STEPS };

#define MAX_ROWS 64 /* choices, items or pairs a question shows */

typedef struct present_state {
    int64_t group;
    char group_name[HRC_GROUP_NAME_MAX]; /* "" for everyone */
    hrc_itemstats *stats;
    const hrc_item_stat *items; /* hardest first, from stats */
    size_t n;
    size_t learners;            /* who answered anything */
    bool read_failed;           /* the store would not give the answers */
    char why[HRC_PROGRESS_MSG_MAX];
    size_t index;               /* the question shown; n: the closing slide */
    int step;
    bool blank;
    bool confirm;               /* opened first: Escape asks before quitting */
    uint64_t last_ms;           /* the last key or button, for a kiosk's guard */
} present_state;

static present_state *present_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_PRESENT ? screen_state(app)
                                                                      : NULL;
}

static const hrc_item_stat *current(const present_state *s)
{
    return s && s->index < s->n ? &s->items[s->index] : NULL;
}

const hrc_question *present_question(const hrc_app *app, const hrc_module **module)
{
    const hrc_item_stat *it = current(present_of(app));
    if (!it)
        return NULL;
    if (module)
        *module = it->module;
    return it->question;
}

/* ---- Reading the answers (on entering, and at Home) ----------------------- */

static void read_answers(hrc_app *app, present_state *s)
{
    hrc_itemstats_free(s->stats);
    s->stats = NULL;
    s->items = NULL;
    s->n = 0;
    s->learners = 0;
    s->read_failed = false;
    s->why[0] = '\0';
    hrc_progress *store = app->cfg.progress;
    const hrc_course *course = app->cfg.course;
    int r = store ? hrc_progress_item_stats(store, course, s->group, &s->stats)
                  : HRC_PROGRESS_ERR_NOT_FOUND;
    if (r != HRC_PROGRESS_OK) {
        if (store) {
            s->read_failed = true;
            if (r == HRC_PROGRESS_ERR_LOCKED)
                snprintf(s->why, sizeof s->why, "%s",
                         _("The answers cannot be read: the facilitator PIN is needed."));
            else
                snprintf(s->why, sizeof s->why, _("The answers cannot be read: %s"),
                         hrc_progress_errmsg(store));
        }
        /* The questions all the same, with no answers. */
        if (hrc_itemstats_new(course, &s->stats) != 0)
            s->stats = NULL;
    }
    if (s->stats && hrc_itemstats_compute(s->stats, &s->items, &s->n) != 0) {
        s->items = NULL;
        s->n = 0;
    }
    if (s->stats)
        s->learners = hrc_itemstats_learners(s->stats);
    s->group_name[0] = '\0';
    hrc_group g;
    if (store && s->group > 0 && hrc_progress_get_group(store, s->group, &g) == HRC_PROGRESS_OK)
        snprintf(s->group_name, sizeof s->group_name, "%s", g.name);
}

/* The location follows the question shown: its module picks the texts'
 * language, and spoken guidance hears a new place. */
static void show(hrc_app *app, present_state *s)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    const hrc_item_stat *it = current(s);
    loc->module = it ? (int)it->module_index : -1;
    loc->item = it ? (int)s->index : -1;
    loc->scroll = 0;
}

static void go_next(present_state *s)
{
    if (s->index >= s->n)
        return;
    if (s->step + 1 < N_STEPS) {
        s->step++;
    } else {
        s->index++;
        s->step = STEP_QUESTION;
    }
}

static void go_prev(present_state *s)
{
    if (s->index >= s->n) {
        if (s->n) {
            s->index = s->n - 1;
            s->step = STEP_ROOM;
        }
    } else if (s->step > STEP_QUESTION) {
        s->step--;
    } else if (s->index > 0) {
        s->index--;
        s->step = STEP_ROOM;
    }
}

static void open_at(hrc_app *app, int64_t group, bool root)
{
    hrc_nav_loc loc = hrc_nav_location(HRC_SCREEN_PRESENT, -1, -1);
    if (root)
        app_reset(app, loc);
    else
        app_go(app, loc);
    present_state *s = present_of(app);
    if (!s)
        return;
    s->group = group;
    s->last_ms = app->now;
    read_answers(app, s);
    show(app, s);
    app->stale = true;
}

void presenter_open(hrc_app *app, int64_t group)
{
    open_at(app, group, false);
}

void presenter_start(hrc_app *app, int64_t group)
{
    open_at(app, group, true);
}

static void present_fini(hrc_app *app, void *state)
{
    present_state *s = state;
    hrc_itemstats_free(s->stats);
    s->stats = NULL;
}

/* ---- Words ---------------------------------------------------------------- */

static void group_label(const present_state *s, char *out, size_t size)
{
    if (s->group_name[0])
        snprintf(out, size, "%s", s->group_name);
    else if (s->group == HRC_GROUP_NONE)
        snprintf(out, size, "%s", _("Learners in no group"));
    else
        snprintf(out, size, "%s", _("All learners"));
}

static int percent(size_t part, size_t whole)
{
    return whole ? (int)lround(100.0 * (double)part / (double)whole) : 0;
}

/* "A", "B"... then "AA" past Z (never met in a real quiz). */
static void letter(size_t i, char *out, size_t size)
{
    if (i < 26)
        snprintf(out, size, "%c", (char)('A' + i));
    else
        snprintf(out, size, "%c%c", (char)('A' + i / 26 - 1), (char)('A' + i % 26));
}

static bool has_choices(const hrc_question *q)
{
    return q->kind == HRC_Q_SINGLE || q->kind == HRC_Q_MULTIPLE || q->kind == HRC_Q_TRUEFALSE;
}

/* An order that is not the right one, the same every time for a question:
 * the room must not read the answer in the question. */
static void mixed_order(const hrc_question *q, size_t *perm, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (const char *p = q->id; p && *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211u;
    for (size_t i = 0; i < n; i++)
        perm[i] = i;
    hrc_rng rng;
    hrc_rng_seed(&rng, h);
    hrc_shuffle(&rng, perm, n);
    bool same = true;
    for (size_t i = 0; i < n && same; i++)
        same = perm[i] == i;
    if (same && n > 1) /* rotated by one: nothing in its place */
        for (size_t i = 0; i < n; i++)
            perm[i] = (i + 1) % n;
}

/* ---- Drawing ------------------------------------------------------------ */

/* Sizes of one slide; `f` shrinks them until the slide fits. */
typedef struct sizes {
    int head, prompt, body, figure, big, ip, gap;
} sizes;

static int at_least(int v, int min)
{
    return v > min ? v : min;
}

static sizes sizes_for(const ui *u, double f)
{
    double k = u->scale * (u->app->text_percent > 0 ? u->app->text_percent : 100) / 100.0 * f;
    sizes z;
    z.head = at_least((int)lround(24 * k), u->small_px);
    z.prompt = at_least((int)lround(54 * k), u->px);
    z.body = at_least((int)lround(40 * k), u->px);
    z.figure = at_least((int)lround(34 * k), u->px);
    z.big = at_least((int)lround(96 * k), u->h1_px);
    z.ip = at_least((int)lround(u->pad * f), u->pad / 2);
    z.gap = at_least((int)lround(u->pad * 3 / 4 * f), u->pad / 3);
    return z;
}

static hrc_rect on_screen(const ui *u, hrc_rect r)
{
    r.y = u->view.y + r.y - u->scroll;
    return r;
}

/* Text wrapped in the column [x, x + w) at the cursor, which moves below
 * it: module text (t) or a plain string. */
static void text_in(ui *u, int x, int w, const hrc_text *t, const char *plain, unsigned style,
                    int px, hrc_color color)
{
    int sx = u->x, sw = u->w;
    u->x = x;
    u->w = w > 1 ? w : 1;
    if (t)
        ui_text(u, t, style, px, color);
    else
        ui_plain(u, plain, style, px, color);
    u->x = sx;
    u->w = sw;
}

/* The width a string takes on one line, as the line breaker measures it. */
static int line_width(ui *u, const char *s, unsigned style, int px)
{
    ui_text_height(u, s, style, px, 1 << 20);
    return u->lay.width;
}

/* What sits left of a row's text: a label ("A", "1"; "" for none) and,
 * in a column of its own, a mark: a tick for right, a cross for wrong. */
typedef enum row_sign { SIGN_NONE, SIGN_RIGHT, SIGN_WRONG } row_sign;

typedef struct row_mark {
    const char *label;
    row_sign sign;
    bool slot;   /* keep the sign's column when there is none (a list aligns) */
    bool strong; /* the right choice among wrong ones: bold, and a border */
    bool dim;    /* a choice revealed as not right, before the room's answers */
} row_mark;

/* A bar of the room's answers under a row's text. */
typedef struct row_bar {
    bool on;
    size_t count, answered;
} row_bar;

static int icon_width(ui *u, const char *icon, int px)
{
    return u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, px}, icon, strlen(icon));
}

/* One row: a card with its label, its sign, its text (module text t, or
 * plain) and, in the room's step, its bar. */
static void row(ui *u, const sizes *z, const row_mark *mk, const hrc_text *t, const char *plain,
                const row_bar *bar)
{
    const hrc_palette *p = u->pal;
    int x = u->x, w = u->w;
    size_t at = u->list->count;
    int y0 = u->y;
    int icon_px = z->body * 6 / 5;
    int tx = x + z->ip;
    int label_x = tx;
    if (mk->label[0]) {
        int a = line_width(u, "W", HRC_FONT_BOLD, z->body);
        int b = line_width(u, "88", HRC_FONT_BOLD, z->body);
        tx += (a > b ? a : b) + z->ip;
    }
    int sign_x = tx;
    if (mk->slot || mk->sign != SIGN_NONE)
        tx += icon_width(u, ICON_RIGHT, icon_px) + z->ip / 2;
    int tw = x + w - z->ip - tx;
    u->y += z->ip * 2 / 3;
    int line_y = u->y;
    int line_h = u->m->line_height(u->m->ctx, (hrc_font){0, z->body});
    hrc_color color = mk->dim ? p->muted : p->text;
    if (mk->label[0])
        text_in(u, label_x, sign_x - label_x, NULL, mk->label, HRC_FONT_BOLD, z->body, color);
    u->y = line_y;
    if (mk->sign != SIGN_NONE) {
        int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px});
        bool right = mk->sign == SIGN_RIGHT;
        ui_icon(u, right ? ICON_RIGHT : ICON_WRONG, sign_x, line_y + (line_h - ih) / 2, icon_px,
                right ? p->right : p->wrong);
    }
    text_in(u, tx, tw, t, plain, mk->strong ? HRC_FONT_BOLD : 0, z->body, color);
    if (bar && bar->on) {
        char figure[64];
        /* TRANSLATORS: under a choice in presenter mode: how many learners
         * picked it, and their share of those who answered ("12 · 40 %"). */
        snprintf(figure, sizeof figure, _("%zu \xc2\xb7 %d%%"), bar->count,
                 percent(bar->count, bar->answered));
        char widest[64];
        snprintf(widest, sizeof widest, _("%zu \xc2\xb7 %d%%"), (size_t)888, 100);
        int fpx = z->figure;
        int fw = line_width(u, widest, HRC_FONT_BOLD, fpx);
        int fh = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, fpx});
        u->y += z->ip / 3;
        int bw = tw - fw - z->ip;
        int bh = at_least(fh * 2 / 3, 6);
        if (bw > z->ip) {
            hrc_rect track = {tx, u->y + (fh - bh) / 2, bw, bh};
            hrc_draw_rect(u->list, on_screen(u, track), p->track, bh / 2);
            if (bar->count && bar->answered) {
                int fill = (int)((long long)bw * (long long)bar->count / (long long)bar->answered);
                if (fill < bh)
                    fill = bh;
                if (fill > bw)
                    fill = bw;
                hrc_draw_rect(u->list, on_screen(u, (hrc_rect){tx, track.y, fill, bh}),
                              mk->strong ? p->right : p->muted, bh / 2);
            }
        }
        int y = u->y;
        int own = line_width(u, figure, HRC_FONT_BOLD, fpx);
        text_in(u, tx + tw - own, own + 1, NULL, figure, HRC_FONT_BOLD, fpx, p->text);
        if (u->y < y + fh)
            u->y = y + fh;
    }
    u->y += z->ip * 2 / 3;
    hrc_rect box = {x, y0, w, u->y - y0};
    ui_behind(u, at, box, p->surface);
    if (mk->strong)
        hrc_draw_frame(u->list, on_screen(u, box), p->right, u->ring * 2);
    u->y += z->gap;
}

/* Two lines at the top: where the question stands in the list and the
 * group; its module and quiz. */
static void header(ui *u, const present_state *s, const sizes *z, const hrc_item_stat *it)
{
    const hrc_palette *p = u->pal;
    char left[160], right[320];
    if (it && it->answered == 0)
        /* TRANSLATORS: presenter mode's header: the question's place in the
         * list, hardest first, and that nobody answered it. */
        snprintf(left, sizeof left, _("Question %zu of %zu \xc2\xb7 no answers yet"),
                 s->index + 1, s->n);
    else if (it)
        snprintf(left, sizeof left, _("Question %zu of %zu"), s->index + 1, s->n);
    else
        snprintf(left, sizeof left, "%s", _("Questions the room got wrong"));
    group_label(s, right, sizeof right);
    int lw = line_width(u, left, HRC_FONT_BOLD, z->head);
    int rw = line_width(u, right, 0, z->head);
    int y = u->y;
    if (lw + rw + 2 * z->gap <= u->w) {
        text_in(u, u->x, lw + 1, NULL, left, HRC_FONT_BOLD, z->head, p->muted);
        int after = u->y;
        u->y = y;
        text_in(u, u->x + u->w - rw, rw + 1, NULL, right, 0, z->head, p->muted);
        if (u->y < after)
            u->y = after;
    } else {
        text_in(u, u->x, u->w, NULL, left, HRC_FONT_BOLD, z->head, p->muted);
        text_in(u, u->x, u->w, NULL, right, 0, z->head, p->muted);
    }
    if (it) {
        char where[600];
        snprintf(where, sizeof where, "%s \xc2\xb7 %s", ui_pick(u->app, it->module, &it->module->title),
                 ui_pick(u->app, it->module, &it->quiz->title));
        text_in(u, u->x, u->w, NULL, where, 0, z->head, p->muted);
    }
    /* A rule under the header. */
    u->y += z->gap / 2;
    hrc_draw_rect(u->list, on_screen(u, (hrc_rect){u->x, u->y, u->w, at_least(u->ring / 2, 1)}),
                  p->border, 0);
    u->y += z->gap;
}

/* The text of choice c as a row shows it: module text, or the interface's
 * "True"/"False" for a true/false question without texts. */
static const hrc_text *choice_text(const hrc_question *q, size_t c, const char **plain)
{
    *plain = NULL;
    if (q->kind == HRC_Q_TRUEFALSE && hrc_text_is_empty(&q->choices[c].text)) {
        *plain = c == 0 ? _("True") : _("False");
        return NULL;
    }
    return &q->choices[c].text;
}

/* The room's figures in one line: "18 answered · 7 right on the first
 * try (39 %)", or why there are none. */
static void room_line(const present_state *s, const hrc_item_stat *it, char *out, size_t size)
{
    if (s->read_failed)
        snprintf(out, size, "%s", s->why);
    else if (!it->answered)
        snprintf(out, size, "%s", _("No answers yet: nobody in this group has answered "
                                    "this question."));
    else
        snprintf(out, size,
                 ngettext("%zu learner answered \xc2\xb7 %zu right on the first try (%d%%)",
                          "%zu learners answered \xc2\xb7 %zu right on the first try (%d%%)",
                          (unsigned long)it->answered),
                 it->answered, it->right_first, percent(it->right_first, it->answered));
}

/* That line, drawn above the room's answers. */
static void room_figures(ui *u, const present_state *s, const sizes *z, const hrc_item_stat *it)
{
    char line[HRC_PROGRESS_MSG_MAX + 200];
    room_line(s, it, line, sizeof line);
    ui_plain(u, line, HRC_FONT_BOLD, z->figure, s->read_failed ? u->pal->wrong : u->pal->text);
    ui_gap(u, z->gap);
}

static void choices_body(ui *u, const present_state *s, const sizes *z, const hrc_item_stat *it)
{
    const hrc_question *q = it->question;
    bool revealed = s->step >= STEP_ANSWER;
    bool room = s->step == STEP_ROOM && it->answered && it->choice_counts;
    if (s->step == STEP_ROOM)
        room_figures(u, s, z, it);
    for (size_t c = 0; c < q->n_choices && c < MAX_ROWS; c++) {
        char name[8];
        letter(c, name, sizeof name);
        bool right = revealed && q->choices[c].correct;
        /* Quieter wrong choices when the answer is revealed; with the
         * room's answers every text reads at full strength from the back
         * of the room (the wrong one most chose is the one to discuss). */
        row_mark mk = {name, right ? SIGN_RIGHT : SIGN_NONE, true, right,
                       revealed && !right && s->step != STEP_ROOM};
        row_bar bar = {room, room ? it->choice_counts[c] : 0, it->answered};
        const char *plain;
        const hrc_text *t = choice_text(q, c, &plain);
        row(u, z, &mk, t, plain, &bar);
    }
}

/* A heading above a list of rows. */
static void list_heading(ui *u, const sizes *z, const char *text)
{
    ui_plain(u, text, HRC_FONT_BOLD, z->figure, u->pal->text);
    ui_gap(u, z->gap / 2);
}

/* The right answer of an ordering, matching, fill-in or numeric question,
 * as rows under a heading. */
static void right_rows(ui *u, const sizes *z, const hrc_item_stat *it)
{
    hrc_app *app = u->app;
    const hrc_question *q = it->question;
    const hrc_module *m = it->module;
    char label[8], text[800];
    switch (q->kind) {
    case HRC_Q_ORDERING:
        list_heading(u, z, _("The right order:"));
        for (size_t c = 0; c < q->n_choices && c < MAX_ROWS; c++) {
            snprintf(label, sizeof label, "%zu", c + 1);
            row_mark mk = {label, SIGN_RIGHT, true, false, false};
            row(u, z, &mk, &q->choices[c].text, NULL, NULL);
        }
        break;
    case HRC_Q_MATCHING:
        list_heading(u, z, _("The right pairs:"));
        for (size_t c = 0; c < q->n_pairs && c < MAX_ROWS; c++) {
            letter(c, label, sizeof label);
            snprintf(text, sizeof text, "%s \xe2\x86\x92 %s", ui_pick(app, m, &q->pairs[c].left),
                     ui_pick(app, m, &q->pairs[c].right));
            row_mark mk = {label, SIGN_RIGHT, true, false, false};
            row(u, z, &mk, NULL, text, NULL);
        }
        break;
    case HRC_Q_FILLIN:
        list_heading(u, z, _("The right answer:"));
        for (size_t g = 0; g < q->n_gaps && g < MAX_ROWS; g++) {
            const hrc_accept *a = hrc_gap_shown(&q->gaps[g], app->lang, m->default_lang);
            snprintf(label, sizeof label, "%zu", g + 1);
            row_mark mk = {q->n_gaps > 1 ? label : "", SIGN_RIGHT, true, false, false};
            row(u, z, &mk, NULL, a ? a->text : "", NULL);
        }
        break;
    case HRC_Q_NUMERIC: {
        list_heading(u, z, _("The right answer:"));
        hrc_numeric_answer_text(q, hrc_lang_decimal_comma(app->lang) ? ',' : '.',
                                ui_pick(app, m, &q->unit), text, sizeof text);
        row_mark mk = {"", SIGN_RIGHT, true, false, false};
        row(u, z, &mk, NULL, text, NULL);
        break;
    }
    default:
        break;
    }
}

/* Ordering and matching before the answer: the items, not in order. */
static void mixed_rows(ui *u, const sizes *z, const hrc_item_stat *it)
{
    const hrc_question *q = it->question;
    size_t perm[MAX_ROWS];
    char label[8];
    if (q->kind == HRC_Q_ORDERING) {
        size_t n = q->n_choices < MAX_ROWS ? q->n_choices : MAX_ROWS;
        mixed_order(q, perm, n);
        for (size_t i = 0; i < n; i++) {
            letter(i, label, sizeof label);
            row_mark mk = {label, SIGN_NONE, false, false, false};
            row(u, z, &mk, &q->choices[perm[i]].text, NULL, NULL);
        }
        return;
    }
    /* Matching: the left items in a column, their partners mixed in the
     * other. */
    size_t n = q->n_pairs < MAX_ROWS ? q->n_pairs : MAX_ROWS;
    mixed_order(q, perm, n);
    int x = u->x, w = u->w, half = (w - z->gap) / 2;
    int y0 = u->y, left_end;
    u->w = half;
    for (size_t i = 0; i < n; i++) {
        letter(i, label, sizeof label);
        row_mark mk = {label, SIGN_NONE, false, false, false};
        row(u, z, &mk, &q->pairs[i].left, NULL, NULL);
    }
    left_end = u->y;
    u->y = y0;
    u->x = x + half + z->gap;
    for (size_t i = 0; i < n; i++) {
        snprintf(label, sizeof label, "%zu", i + 1);
        row_mark mk = {label, SIGN_NONE, false, false, false};
        row(u, z, &mk, &q->pairs[perm[i]].right, NULL, NULL);
    }
    if (u->y < left_end)
        u->y = left_end;
    u->x = x;
    u->w = w;
}

/* The index of the choice (or pair) whose id is the len bytes at id; -1. */
static long id_index(const hrc_question *q, const char *id, size_t len)
{
    size_t n = q->kind == HRC_Q_MATCHING ? q->n_pairs : q->n_choices;
    for (size_t i = 0; i < n; i++) {
        const char *own = q->kind == HRC_Q_MATCHING ? q->pairs[i].id : q->choices[i].id;
        if (own && strlen(own) == len && memcmp(own, id, len) == 0)
            return (long)i;
    }
    return -1;
}

/* The wrong order or pairs given most, as rows: each place (or pair)
 * ticked when right, crossed when not. */
static void wrong_rows(ui *u, const sizes *z, const hrc_item_stat *it)
{
    hrc_app *app = u->app;
    const hrc_question *q = it->question;
    const hrc_module *m = it->module;
    char head[200], label[8], text[800];
    snprintf(head, sizeof head,
             ngettext("Given most, by %zu learner:", "Given most, by %zu learners:",
                      (unsigned long)it->wrong_response_count),
             it->wrong_response_count);
    list_heading(u, z, head);
    size_t i = 0;
    for (const char *p = it->wrong_response; *p && i < MAX_ROWS; i++) {
        size_t len = strcspn(p, ",");
        if (q->kind == HRC_Q_ORDERING) {
            long c = id_index(q, p, len);
            snprintf(label, sizeof label, "%zu", i + 1);
            row_mark mk = {label, c == (long)i ? SIGN_RIGHT : SIGN_WRONG, true, false, false};
            if (c >= 0)
                row(u, z, &mk, &q->choices[c].text, NULL, NULL);
            else {
                snprintf(text, sizeof text, "%.*s", (int)len, p);
                row(u, z, &mk, NULL, text, NULL);
            }
        } else {
            const char *eq = memchr(p, '=', len);
            long l = eq ? id_index(q, p, (size_t)(eq - p)) : -1;
            long r = eq ? id_index(q, eq + 1, len - (size_t)(eq - p) - 1) : -1;
            if (l >= 0 && r >= 0) {
                letter((size_t)l, label, sizeof label);
                snprintf(text, sizeof text, "%s \xe2\x86\x92 %s", ui_pick(app, m, &q->pairs[l].left),
                         ui_pick(app, m, &q->pairs[r].right));
            } else {
                label[0] = '\0';
                snprintf(text, sizeof text, "%.*s", (int)len, p);
            }
            row_mark mk = {label, l >= 0 && l == r ? SIGN_RIGHT : SIGN_WRONG, true, false, false};
            row(u, z, &mk, NULL, text, NULL);
        }
        p += len + (p[len] == ',');
    }
}

/* The room's step for ordering and matching: the figures, then the right
 * answer and the wrong one given most side by side. */
static void compared(ui *u, const present_state *s, const sizes *z, const hrc_item_stat *it)
{
    room_figures(u, s, z, it);
    if (s->read_failed || !it->answered || !it->wrong_response || !it->wrong_response_count) {
        right_rows(u, z, it);
        return;
    }
    int x = u->x, w = u->w, half = (w - z->gap) / 2;
    int y0 = u->y;
    u->w = half;
    right_rows(u, z, it);
    int left_end = u->y;
    u->y = y0;
    u->x = x + half + z->gap;
    wrong_rows(u, z, it);
    if (u->y < left_end)
        u->y = left_end;
    u->x = x;
    u->w = w;
}

/* The room's step for fill-in and numeric questions: the answer, the share
 * right on the first try, large, and the wrong answer typed most. */
static void typed_figures(ui *u, const present_state *s, const sizes *z, const hrc_item_stat *it)
{
    const hrc_palette *p = u->pal;
    right_rows(u, z, it);
    if (s->read_failed || !it->answered) {
        room_figures(u, s, z, it);
        return;
    }
    char big[32], what[300], of[200];
    snprintf(big, sizeof big, _("%d%%"), percent(it->right_first, it->answered));
    snprintf(what, sizeof what, "%s", _("right on the first try"));
    snprintf(of, sizeof of,
             ngettext("%zu of %zu learner", "%zu of %zu learners", (unsigned long)it->answered),
             it->right_first, it->answered);
    int bw = line_width(u, big, HRC_FONT_BOLD, z->big);
    int y = u->y;
    text_in(u, u->x, bw + 1, NULL, big, HRC_FONT_BOLD, z->big, p->text);
    int big_end = u->y;
    int lines = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, z->figure}) * 2;
    u->y = y + (big_end - y - lines) / 2 > y ? y + (big_end - y - lines) / 2 : y;
    int fx = u->x + bw + z->gap;
    text_in(u, fx, u->x + u->w - fx, NULL, what, HRC_FONT_BOLD, z->figure, p->text);
    text_in(u, fx, u->x + u->w - fx, NULL, of, 0, z->figure, p->text);
    if (u->y < big_end)
        u->y = big_end;
    ui_gap(u, z->gap);
    if (it->wrong_response && it->wrong_response_count) {
        char head[200], said[800];
        snprintf(head, sizeof head,
                 ngettext("Wrong answer given most, by %zu learner:",
                          "Wrong answer given most, by %zu learners:",
                          (unsigned long)it->wrong_response_count),
                 it->wrong_response_count);
        hrc_itemstats_describe(it->question, it->wrong_response, u->app->lang,
                               it->module->default_lang, said, sizeof said);
        list_heading(u, z, head);
        row_mark mk = {"", SIGN_WRONG, true, false, false};
        row(u, z, &mk, NULL, said, NULL);
    } else if (it->right_first == it->answered) {
        ui_plain(u, _("Everyone was right on the first try."), HRC_FONT_BOLD, z->figure,
                 p->text);
    }
}

static void question_slide(ui *u, const present_state *s, const sizes *z)
{
    const hrc_item_stat *it = current(s);
    const hrc_question *q = it->question;
    const hrc_palette *p = u->pal;
    header(u, s, z, it);
    ui_text(u, &q->prompt, HRC_FONT_BOLD, z->prompt, p->text);
    if (q->kind == HRC_Q_MULTIPLE) {
        ui_gap(u, z->gap / 3);
        ui_plain(u, _("More than one answer may be right."), 0, z->head, p->muted);
    }
    ui_gap(u, z->gap * 3 / 2);
    bool listed = q->kind == HRC_Q_ORDERING || q->kind == HRC_Q_MATCHING;
    if (has_choices(q))
        choices_body(u, s, z, it);
    else if (s->step == STEP_QUESTION && listed)
        mixed_rows(u, z, it);
    else if (s->step == STEP_ANSWER)
        right_rows(u, z, it);
    else if (s->step == STEP_ROOM && listed)
        compared(u, s, z, it);
    else if (s->step == STEP_ROOM)
        typed_figures(u, s, z, it);
    if (s->step == STEP_ANSWER && !hrc_text_is_empty(&q->explanation)) {
        ui_gap(u, z->gap / 2);
        ui_text(u, &q->explanation, 0, z->figure, p->text);
    }
}

/* After the last question, or when there is none. */
static void closing_slide(ui *u, const present_state *s, const sizes *z)
{
    const hrc_palette *p = u->pal;
    header(u, s, z, NULL);
    ui_gap(u, z->gap);
    char line[HRC_PROGRESS_MSG_MAX + 200];
    if (!s->n) {
        ui_plain(u, _("This course has no quiz questions."), HRC_FONT_BOLD, z->prompt, p->text);
        return;
    }
    ui_plain(u, _("End of the questions"), HRC_FONT_BOLD, z->prompt, p->text);
    ui_gap(u, z->gap);
    snprintf(line, sizeof line,
             ngettext("%zu question, hardest first.", "%zu questions, hardest first.",
                      (unsigned long)s->n),
             s->n);
    ui_plain(u, line, 0, z->figure, p->text);
    if (!s->read_failed) {
        snprintf(line, sizeof line,
                 ngettext("%zu learner answered.", "%zu learners answered.",
                          (unsigned long)s->learners),
                 s->learners);
        ui_plain(u, line, 0, z->figure, p->text);
    }
    ui_gap(u, z->gap);
    ui_plain(u, _("Home: back to the first question \xc2\xb7 Escape: leave presenter mode"), 0,
             z->head, p->muted);
}

static void slide(ui *u, const present_state *s, double f)
{
    sizes z = sizes_for(u, f);
    int margin = at_least(u->W / 20, u->pad * 2);
    int col = u->W - 2 * margin;
    int widest = sizes_for(u, 1.0).body * 44; /* about 90 characters */
    if (col > widest)
        col = widest;
    u->x = (u->W - col) / 2;
    u->w = col > 1 ? col : 1;
    u->y += z.ip / 2;
    if (current(s))
        question_slide(u, s, &z);
    else
        closing_slide(u, s, &z);
}

/* What spoken guidance says of the step shown. */
static void say_step(ui *u, const present_state *s)
{
    hrc_app *app = u->app;
    const hrc_item_stat *it = current(s);
    char line[1200];
    if (!it) {
        ui_say(u, s->n ? _("End of the questions") : _("This course has no quiz questions."));
        return;
    }
    const hrc_question *q = it->question;
    const hrc_module *m = it->module;
    snprintf(line, sizeof line, _("Question %zu of %zu"), s->index + 1, s->n);
    ui_say(u, line);
    ui_say_text(u, &q->prompt);
    if (s->step == STEP_QUESTION) {
        if (has_choices(q)) {
            for (size_t c = 0; c < q->n_choices && c < 8; c++) {
                char name[8];
                letter(c, name, sizeof name);
                snprintf(line, sizeof line, "%s: %s", name, screen_choice_label(app, m, q, c));
                ui_say(u, line);
            }
        }
        return;
    }
    char answer[1000];
    screen_right_answer_text(app, m, q, answer, sizeof answer);
    /* TRANSLATORS: spoken in presenter mode once the answer is shown. */
    snprintf(line, sizeof line, _("Right answer: %s"), answer);
    ui_say(u, line);
    if (s->step != STEP_ROOM)
        return;
    room_line(s, it, line, sizeof line);
    ui_say(u, line);
    if (!it->answered || s->read_failed)
        return;
    if (has_choices(q) && it->choice_counts) {
        for (size_t c = 0; c < q->n_choices && c < 8; c++) {
            char name[8];
            letter(c, name, sizeof name);
            snprintf(line, sizeof line,
                     ngettext("%s: %zu learner, %d%%", "%s: %zu learners, %d%%",
                              (unsigned long)it->choice_counts[c]),
                     name, it->choice_counts[c], percent(it->choice_counts[c], it->answered));
            ui_say(u, line);
        }
    } else if (it->wrong_response && it->wrong_response_count) {
        char said[800];
        hrc_itemstats_describe(q, it->wrong_response, app->lang, m->default_lang, said,
                               sizeof said);
        snprintf(line, sizeof line,
                 ngettext("Wrong answer given most, by %zu learner: %s",
                          "Wrong answer given most, by %zu learners: %s",
                          (unsigned long)it->wrong_response_count),
                 it->wrong_response_count, said);
        ui_say(u, line);
    }
}

/* Black, and one target over it all: a tap shows the slide again. */
static void blank_draw(ui *u)
{
    hrc_draw_rect(u->list, (hrc_rect){0, 0, u->W, u->H}, (hrc_color){0, 0, 0, 255}, 0);
    u->focus = -1; /* no ring on a blank projector */
    ui_next_target(u, HRC_ROLE_BUTTON, NULL, NULL, NULL);
    ui_add_target(u, (hrc_rect){0, u->scroll, u->W, u->view.h}, ACT_UNBLANK, 0,
                  _("Show the screen again"), false);
    ui_say(u, _("The screen is blank. Press B to show it again."));
}

/* The largest size at which every step of the question fits above the
 * bar, so that nothing changes size from one step to the next. */
static double fitting(ui *u, const present_state *s)
{
    size_t mark = u->list->count;
    int dropped = u->app->dropped_runs, y0 = u->y;
    double f = 1.2;
    for (; f > 0.45; f *= 0.9) {
        bool fits = true;
        for (int k = 0; k < N_STEPS && fits; k++) {
            present_state step = *s;
            if (current(s))
                step.step = k;
            u->list->count = mark;
            u->y = y0;
            slide(u, &step, f);
            fits = u->y + u->pad <= u->view.h;
        }
        if (fits)
            break;
    }
    u->list->count = mark;
    u->app->dropped_runs = dropped;
    u->y = y0;
    return f;
}

static void present_draw(ui *u)
{
    hrc_app *app = u->app;
    present_state *s = present_of(app);
    if (!s)
        return;
    if (s->blank) {
        blank_draw(u);
        return;
    }
    /* The slide is spoken through say_step(), not paragraph by paragraph. */
    bool recording = app->speech.recording;
    app->speech.recording = false;
    slide(u, s, fitting(u, s));
    app->speech.recording = recording;
    say_step(u, s);
}

/* ---- The bar -------------------------------------------------------------- */

static const char *next_label(const present_state *s)
{
    if (s->index >= s->n)
        return _("Back to the first question");
    switch (s->step) {
    case STEP_QUESTION: return _("Reveal the answer");
    case STEP_ANSWER: return _("Show how the room answered");
    default: return s->index + 1 < s->n ? _("Next question") : _("Finish");
    }
}

static void present_bar(ui *u)
{
    present_state *s = present_of(u->app);
    if (!s || s->blank)
        return;
    bool root = u->app->nav.depth <= 1;
    if (s->confirm) {
        ui_bar_status(u, _("Quit presenter mode? Escape again quits."), false);
        ui_bar_add(u, false, ICON_QUIT, _("Quit"), ACT_QUIT, 0, BTN_QUIET);
        ui_bar_main(u, ICON_BACK, _("Stay"), ACT_STAY, 0);
        return;
    }
    ui_bar_add(u, false, root ? ICON_QUIT : ICON_BACK,
               root ? _("Quit") : _("Leave presenter mode"), ACT_LEAVE, 0, BTN_QUIET);
    ui_bar_add(u, false, ICON_BLANK, _("Blank screen"), ACT_BLANK, 0, BTN_QUIET);
    if (s->read_failed)
        ui_bar_status(u, s->why, true);
    if (!s->n)
        return;
    ui_bar_add(u, true, ICON_PREV, _("Previous"), ACT_PREV, 0, BTN_QUIET);
    ui_bar_main(u, s->index >= s->n ? ICON_RESTART : ICON_NEXT, next_label(s),
                s->index >= s->n ? ACT_FIRST : ACT_NEXT, 0);
}

/* ---- Input ----------------------------------------------------------------- */

static uint64_t idle_limit_ms(const hrc_app *app)
{
    int secs = app->cfg.idle_timeout_s > 0 ? app->cfg.idle_timeout_s : 180;
    return (uint64_t)secs * 1000u;
}

/* Leaves presenter mode: back where it was opened from; opened first, it
 * quits (asking first when `ask`). In a kiosk left alone longer than its
 * idle time, to sign-in rather than to the unlocked facilitator screen. */
static unsigned leave(hrc_app *app, present_state *s, bool ask, uint64_t before)
{
    if (app->nav.depth <= 1) {
        if (ask && !s->confirm) {
            s->confirm = true;
            hrc_nav_top(&app->nav)->focus = HRC_NAV_FOCUS_MAIN;
            return HRC_APP_REDRAW;
        }
        return HRC_APP_QUIT;
    }
    if (app->kiosk && app->now > before && app->now - before >= idle_limit_ms(app)) {
        app_sign_out(app, HRC_END_IDLE_TIMEOUT);
        return HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
    }
    app_back(app);
    return HRC_APP_REDRAW;
}

static void first_question(hrc_app *app, present_state *s)
{
    read_answers(app, s); /* answers given since are counted */
    s->index = 0;
    s->step = STEP_QUESTION;
}

static unsigned after(hrc_app *app, present_state *s)
{
    show(app, s);
    return HRC_APP_REDRAW;
}

static void set_blank(hrc_app *app, present_state *s, bool on)
{
    s->blank = on;
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    loc->focus = on ? -1 : HRC_NAV_FOCUS_MAIN;
    loc->scroll = 0;
}

static unsigned present_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    present_state *s = present_of(app);
    if (!s)
        return 0;
    uint64_t before = s->last_ms;
    s->last_ms = in->now_ms;
    *handled = true;
    if (s->confirm) {
        if (in->kind == HRC_IN_BACK)
            return HRC_APP_QUIT;
        if (in->kind == HRC_IN_ACTIVATE && hrc_nav_top(&app->nav)->focus >= 0) {
            *handled = false; /* a button of the question has the focus */
            return 0;
        }
        s->confirm = false; /* any other key stays */
        hrc_nav_top(&app->nav)->focus = HRC_NAV_FOCUS_MAIN;
        return HRC_APP_REDRAW;
    }
    if (s->blank) {
        switch (in->kind) {
        case HRC_IN_BLANK:
        case HRC_IN_BACK:
        case HRC_IN_ACTIVATE:
        case HRC_IN_PAGE_DOWN:
        case HRC_IN_PAGE_UP:
        case HRC_IN_RIGHT:
        case HRC_IN_LEFT:
        case HRC_IN_HOME:
        case HRC_IN_END:
            set_blank(app, s, false); /* shown again as it was: no step */
            return HRC_APP_REDRAW;
        default:
            *handled = false;
            return 0;
        }
    }
    switch (in->kind) {
    case HRC_IN_PAGE_DOWN:
    case HRC_IN_RIGHT:
        go_next(s);
        return after(app, s);
    case HRC_IN_PAGE_UP:
    case HRC_IN_LEFT:
        go_prev(s);
        return after(app, s);
    case HRC_IN_HOME:
        first_question(app, s);
        return after(app, s);
    case HRC_IN_END:
        if (s->n) {
            s->index = s->n - 1;
            s->step = STEP_QUESTION;
        }
        return after(app, s);
    case HRC_IN_BLANK:
        set_blank(app, s, true);
        return HRC_APP_REDRAW;
    case HRC_IN_BACK:
        return leave(app, s, true, before);
    default:
        /* Enter and Space: the focused button, else the next step. */
        *handled = false;
        s->last_ms = before; /* the button's own activation counts it */
        return 0;
    }
}

static unsigned present_activate(hrc_app *app, int action, int arg)
{
    (void)arg;
    present_state *s = present_of(app);
    if (!s)
        return 0;
    uint64_t before = s->last_ms;
    s->last_ms = app->now;
    switch (action) {
    case ACT_NEXT:
        go_next(s);
        return after(app, s);
    case ACT_PREV:
        go_prev(s);
        return after(app, s);
    case ACT_FIRST:
        first_question(app, s);
        return after(app, s);
    case ACT_BLANK:
        set_blank(app, s, true);
        return HRC_APP_REDRAW;
    case ACT_UNBLANK:
        set_blank(app, s, false);
        return HRC_APP_REDRAW;
    case ACT_LEAVE:
        return leave(app, s, false, before);
    case ACT_STAY:
        s->confirm = false;
        hrc_nav_top(&app->nav)->focus = HRC_NAV_FOCUS_MAIN;
        return HRC_APP_REDRAW;
    default:
        return 0;
    }
}

const screen_ops screen_present = {
    .state_size = sizeof(present_state),
    .fini = present_fini,
    .draw = present_draw,
    .activate = present_activate,
    .key = present_key,
    .bar = present_bar,
    .no_top_bar = true,
};
