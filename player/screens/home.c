/*
 * Home: the course's modules as cards (a grid on wide screens), with each
 * one's picture, progress and quiz result, and "Continue" where the learner
 * left off. A module's contents: its parts, each with its kind, its place
 * and whether it is done.
 */
#include "core/dates.h"
#include "screens/icons.h"
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum { ACT_OPEN_MODULE = ACT_SCREEN, ACT_OPEN_ITEM, ACT_CONTINUE, ACT_RESUME };

const char *screen_item_kind_name(hrc_item_kind k)
{
    switch (k) {
    case HRC_ITEM_PAGE: return _("Lesson");
    case HRC_ITEM_TIMELINE: return _("Timeline");
    case HRC_ITEM_CASE: return _("Case study");
    case HRC_ITEM_QUIZ: return _("Quiz");
    }
    return "";
}

const char *screen_item_kind_icon(hrc_item_kind k)
{
    switch (k) {
    case HRC_ITEM_PAGE: return ICON_LESSON;
    case HRC_ITEM_TIMELINE: return ICON_TIMELINE;
    case HRC_ITEM_CASE: return ICON_CASE;
    case HRC_ITEM_QUIZ: return ICON_QUIZ;
    }
    return NULL;
}

/* The first quiz of the module, -1 when it has none. */
static int module_quiz(const hrc_module *m)
{
    for (size_t i = 0; m && i < m->n_items; i++)
        if (m->items[i].kind == HRC_ITEM_QUIZ)
            return (int)i;
    return -1;
}

void screen_quiz_status(const hrc_app *app, int module, int item, char *out, size_t size)
{
    const hrc_module *m = ui_module(app, module);
    const module_state *s = session_module(app, module);
    out[0] = '\0';
    if (!m || !s || item < 0 || (size_t)item >= m->n_items ||
        m->items[item].kind != HRC_ITEM_QUIZ)
        return;
    const hrc_quiz *quiz = m->items[item].u.quiz;
    double best = s->best[item];
    int left = hrc_quiz_attempts_left(quiz, s->attempts_used[item]);
    if (best < 0) {
        snprintf(out, size, "%s", _("Not taken yet"));
        return;
    }
    int pct = (int)(best + 0.5);
    if (hrc_quiz_passed(quiz, best))
        snprintf(out, size, _("Passed, best score %d%%"), pct);
    else if (left < 0)
        snprintf(out, size, _("Not passed yet, best score %d%%"), pct);
    else if (left == 0)
        snprintf(out, size, _("Not passed, best score %d%%, no attempts left"), pct);
    else
        snprintf(out, size,
                 ngettext("Not passed yet, best score %d%%, %d attempt left",
                          "Not passed yet, best score %d%%, %d attempts left",
                          (unsigned long)left),
                 pct, left);
}

/* Where to go on in a module: the item the store says the learner left
 * (the resume point), else the first item not done; -1 when all are. */
int screen_next_item(const hrc_app *app, int module)
{
    const hrc_module *m = ui_module(app, module);
    const module_state *s = session_module(app, module);
    if (!m)
        return -1;
    if (s->stored && s->summary.resume_item[0] && !s->completed) {
        long k = hrc_module_find_item(m, s->summary.resume_item);
        if (k >= 0)
            return (int)k; /* where the learner was: perhaps not finished */
    }
    for (size_t i = 0; i < m->n_items; i++)
        if (!session_item_done(app, module, (int)i))
            return (int)i;
    return -1;
}

/* "Not started", "3 of 8 parts done", "Completed". */
static void progress_line(const hrc_app *app, int module, char *out, size_t size)
{
    int done, total;
    session_counts(app, module, &done, &total);
    const module_state *s = session_module(app, module);
    if (s->completed || session_module_complete(app, module))
        snprintf(out, size, "%s", _("Completed"));
    else if (done == 0 && !(s->stored && s->summary.n_events > 0))
        snprintf(out, size, "%s", _("Not started"));
    else
        snprintf(out, size, ngettext("%d of %d part done", "%d of %d parts done",
                                     (unsigned long)total),
                 done, total);
}

/* The height of a picture filling the width w, in its own aspect, at most
 * max_h tall; its width in *iw. */
static int picture_height(const hrc_image *img, int w, int max_h, int *iw)
{
    *iw = w;
    if (!img->resolved || img->width <= 0 || img->height <= 0 || w <= 0)
        return 0;
    int h = (int)((long long)img->height * w / img->width);
    if (h > max_h) {
        h = max_h;
        *iw = (int)((long long)img->width * h / img->height);
    }
    return h;
}

/* That picture, drawn. */
static int picture(ui *u, const hrc_image *img, int x, int w, int max_h)
{
    int iw;
    int h = picture_height(img, w, max_h, &iw);
    if (h <= 0)
        return 0;
    ui_image(u, img, (hrc_rect){x + (w - iw) / 2, u->y, iw, h});
    /* Spoken guidance reads a picture by its description. */
    const hrc_variant *alt = hrc_text_pick(&img->alt, u->app->lang, NULL);
    if (alt)
        spoken_record_image(u->app, alt->plain, alt->lang, u->in_scroll,
                            (hrc_rect){x, u->y, w, h});
    return h;
}

/* The height of a card's cover, number, title and summary, w wide: the
 * cards of a row start their state at the same height. */
static int card_top_height(ui *u, int index, int w)
{
    const hrc_module *m = ui_module(u->app, index);
    int inner = w - 2 * u->pad, iw;
    int h = u->pad;
    if (m->has_cover)
        h += picture_height(&m->cover, inner, u->view.h / 3, &iw) + u->pad * 2 / 3;
    h += u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, u->small_px});
    h += ui_text_block_height(u, &m->title, HRC_FONT_BOLD, u->h2_px, inner) + u->pad / 3;
    h += ui_text_block_height(u, &m->summary, 0, u->px, inner) + u->pad / 2;
    return h;
}

/* One module card at the cursor, w wide, its state top_h below its top;
 * returns its height. */
static int module_card(ui *u, int index, int w, int top_h)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_module *m = ui_module(app, index);
    int x0 = u->x, w0 = u->w, y0 = u->y;
    u->x += u->pad;
    u->w = w - 2 * u->pad;
    u->y += u->pad;
    if (m->has_cover) {
        u->y += picture(u, &m->cover, u->x, u->w, u->view.h / 3);
        u->y += u->pad * 2 / 3;
    }
    char line[256];
    snprintf(line, sizeof line, _("Module %d"), index + 1);
    ui_plain(u, line, HRC_FONT_BOLD, u->small_px, p->muted);
    ui_text(u, &m->title, HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    ui_text(u, &m->summary, 0, u->px, p->text);
    ui_gap(u, u->pad / 2);
    if (u->y < y0 + top_h)
        u->y = y0 + top_h;
    /* State: an icon and words, then the bar. */
    const module_state *s = session_module(app, index);
    bool complete = s->completed || session_module_complete(app, index);
    int done, total;
    session_counts(app, index, &done, &total);
    progress_line(app, index, line, sizeof line);
    if (m->minutes > 0) {
        char duration[64];
        if (hrc_duration_format(m->minutes, duration, sizeof duration) > 0) {
            size_t n = strlen(line);
            /* TRANSLATORS: %s is an estimated duration, such as "1 hour 30 minutes". */
            snprintf(line + n, sizeof line - n, _(" \xc2\xb7 about %s"), duration);
        }
    }
    int icon_px = u->px;
    int iw = ui_icon(u, complete ? ICON_DONE : done ? ICON_IN_PROGRESS : ICON_NOT_STARTED,
                     u->x, u->y, icon_px, complete ? p->accent : p->muted);
    u->x += iw + u->pad / 3;
    u->w -= iw + u->pad / 3;
    ui_plain(u, line, 0, u->small_px, p->text);
    u->x -= iw + u->pad / 3;
    u->w += iw + u->pad / 3;
    int quiz = module_quiz(m);
    if (quiz >= 0 && s->best[quiz] < 0) {
        /* The line is kept, so that the cards of a row stay aligned. */
        iw = ui_icon(u, ICON_QUIZ, u->x, u->y, icon_px, p->muted);
        u->x += iw + u->pad / 3;
        u->w -= iw + u->pad / 3;
        ui_plain(u, _("Quiz: not taken yet"), 0, u->small_px, p->muted);
        u->x -= iw + u->pad / 3;
        u->w += iw + u->pad / 3;
    } else if (quiz >= 0) {
        char status[256], q[300];
        screen_quiz_status(app, index, quiz, status, sizeof status);
        snprintf(q, sizeof q, _("Quiz: %s"), status);
        iw = ui_icon(u, hrc_quiz_passed(m->items[quiz].u.quiz, s->best[quiz]) ? ICON_PASSED
                                                                              : ICON_NOT_PASSED,
                     u->x, u->y, icon_px, p->text);
        u->x += iw + u->pad / 3;
        u->w -= iw + u->pad / 3;
        ui_plain(u, q, 0, u->small_px, p->text);
        u->x -= iw + u->pad / 3;
        u->w += iw + u->pad / 3;
    }
    ui_gap(u, u->pad / 3);
    int bar = u->pad / 2 > 6 ? u->pad / 2 : 6;
    if (done > 0 || complete) /* an empty bar says nothing "Not started" does not */
        ui_progress(u, (hrc_rect){u->x, u->y, u->w, bar}, done, total);
    u->y += bar + u->pad * 2 / 3;
    const char *label = complete ? _("Review") : done ? _("Continue") : _("Start");
    char name[600];
    /* TRANSLATORS: what a module card's button does: "Start · Module 2 · Key steps". */
    snprintf(name, sizeof name, _("%s \xc2\xb7 Module %d \xc2\xb7 %s"), label, index + 1,
             ui_pick(app, m, &m->title));
    ui_button_named(u, complete ? ICON_LESSON : ICON_FORWARD, label, name, ACT_OPEN_MODULE,
                    index, complete ? BTN_QUIET : BTN_NORMAL);
    ui_flow_end(u);
    int h = u->y + u->pad / 2 - y0;
    u->x = x0;
    u->w = w0;
    u->y = y0;
    return h;
}

/* The module and item to continue with: the module last worked in that is
 * not complete, at its resume point; module -1 when there is none. */
static void continue_point(const hrc_app *app, int *module, int *item)
{
    *module = *item = -1;
    int64_t latest = -1;
    for (size_t i = 0; i < app->cfg.course->n_modules; i++) {
        const module_state *s = session_module(app, (int)i);
        if (!s->stored || s->completed || session_module_complete(app, (int)i))
            continue;
        if (s->summary.last_activity_ms > latest) {
            int k = screen_next_item(app, (int)i);
            if (k >= 0) {
                latest = s->summary.last_activity_ms;
                *module = (int)i;
                *item = k;
            }
        }
    }
}

static void home_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_course *c = app->cfg.course;
    /* Wide screens use the room: the cards sit in a grid wider than the
     * reading column. */
    int avail = u->W - 2 * u->pad;
    int wide = u->px * 64 < avail ? u->px * 64 : avail;
    u->x = (u->W - wide) / 2;
    u->w = wide;
    char line[256];
    if (app->guest)
        snprintf(line, sizeof line, "%s", _("Welcome, guest"));
    else
        snprintf(line, sizeof line, _("Welcome, %s"), app->learner_name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h1_px, p->text);
    int done, total;
    session_course_counts(app, &done, &total);
    snprintf(line, sizeof line, ngettext("%d of %d module complete", "%d of %d modules complete",
                                         (unsigned long)total),
             done, total);
    ui_plain(u, line, 0, u->px, p->muted);
    ui_say(u, line);
    ui_gap(u, u->pad / 2);
    int bar = u->pad / 2 > 6 ? u->pad / 2 : 6;
    ui_progress(u, (hrc_rect){u->x, u->y, u->w < u->px * 20 ? u->w : u->px * 20, bar}, done,
                total);
    u->y += bar + u->pad;
    if (app->notice[0]) {
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 2);
    }
    if (c->n_modules == 0)
        ui_plain(u, _("This course has no modules."), 0, u->px, p->text);
    int gap = u->pad;
    int card_min = u->px * 19;
    int cols = (u->w + gap) / (card_min + gap);
    cols = cols < 1 ? 1 : cols > 3 ? 3 : cols;
    if (c->n_modules <= 4 && cols > 2)
        cols = 2; /* four cards read best as two by two */
    int card_w = (u->w - (cols - 1) * gap) / cols;
    for (size_t row = 0; row * (size_t)cols < c->n_modules; row++) {
        size_t at[3];
        int heights[3], row_h = 0;
        size_t first = row * (size_t)cols;
        int x0 = u->x, top_h = 0;
        for (int k = 0; k < cols && first + (size_t)k < c->n_modules; k++) {
            int t = card_top_height(u, (int)(first + (size_t)k), card_w);
            top_h = t > top_h ? t : top_h;
        }
        for (int k = 0; k < cols && first + (size_t)k < c->n_modules; k++) {
            at[k] = u->list->count;
            u->x = x0 + k * (card_w + gap);
            heights[k] = module_card(u, (int)(first + (size_t)k), card_w, top_h);
            if (heights[k] > row_h)
                row_h = heights[k];
        }
        u->x = x0;
        /* Faces behind the cards, all as tall as the row; the last first,
         * so that the earlier insertion points stay right. */
        for (int k = cols - 1; k >= 0; k--)
            if (first + (size_t)k < c->n_modules)
                ui_behind(u, at[k], (hrc_rect){x0 + k * (card_w + gap), u->y, card_w, row_h},
                          p->surface);
        u->y += row_h + gap;
    }
}

static void home_bar(ui *u)
{
    int module, item;
    continue_point(u->app, &module, &item);
    if (module < 0)
        return;
    const hrc_module *m = ui_module(u->app, module);
    char label[300];
    snprintf(label, sizeof label, _("Continue: %s"),
             ui_pick(u->app, m, hrc_item_title(&m->items[item])));
    ui_bar_main(u, ICON_FORWARD, label, ACT_CONTINUE, 0);
}

static unsigned home_activate(hrc_app *app, int action, int arg)
{
    if (action == ACT_OPEN_MODULE && ui_module(app, arg)) {
        app_go(app, hrc_nav_location(HRC_SCREEN_MODULE, arg, -1));
    } else if (action == ACT_CONTINUE) {
        int module, item;
        continue_point(app, &module, &item);
        if (module >= 0) {
            app_go(app, hrc_nav_location(HRC_SCREEN_MODULE, module, -1));
            app_resume_item(app, module, item);
        }
    }
    return HRC_APP_REDRAW;
}

/* ---- A module's contents -------------------------------------------------- */

static void module_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    int index = hrc_nav_top(&app->nav)->module;
    const hrc_module *m = ui_module(app, index);
    if (!m)
        return;
    if (m->has_cover) {
        u->y += picture(u, &m->cover, u->x, u->w, u->view.h / 4);
        ui_gap(u, u->pad);
    }
    char line[256];
    snprintf(line, sizeof line, _("Module %d"), index + 1);
    ui_plain(u, line, HRC_FONT_BOLD, u->small_px, p->muted);
    ui_text(u, &m->title, HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad / 2);
    ui_text(u, &m->summary, 0, u->px, p->text);
    if (!hrc_text_is_empty(&m->audience)) {
        ui_gap(u, u->pad / 3);
        ui_text(u, &m->audience, HRC_FONT_ITALIC, u->small_px, p->muted);
    }
    ui_gap(u, u->pad);
    int done, total;
    session_counts(app, index, &done, &total);
    progress_line(app, index, line, sizeof line);
    ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
    ui_say(u, line);
    int bar = u->pad / 2 > 6 ? u->pad / 2 : 6;
    ui_gap(u, u->pad / 3);
    ui_progress(u, (hrc_rect){u->x, u->y, u->w, bar}, done, total);
    u->y += bar + u->pad;
    const module_state *s = session_module(app, index);
    if (s->completed || session_module_complete(app, index)) {
        hrc_rect box;
        ui_box_begin(u, &box);
        int iw = ui_icon(u, ICON_TROPHY, u->x, u->y, u->h2_px, p->accent);
        u->x += iw + u->pad / 2;
        u->w -= iw + u->pad / 2;
        ui_plain(u, _("You have completed this module."), HRC_FONT_BOLD, u->px, p->text);
        u->x -= iw + u->pad / 2;
        u->w += iw + u->pad / 2;
        ui_box_end(u, box, p->surface);
        ui_gap(u, u->pad / 2);
    }
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        bool item_done = session_item_done(app, index, (int)i);
        char prefix[300];
        if (it->kind == HRC_ITEM_QUIZ) {
            char status[256];
            screen_quiz_status(app, index, (int)i, status, sizeof status);
            snprintf(prefix, sizeof prefix, _("Part %zu \xc2\xb7 %s \xc2\xb7 %s"), i + 1,
                     screen_item_kind_name(it->kind), status);
        } else if (item_done) {
            snprintf(prefix, sizeof prefix, _("Part %zu \xc2\xb7 %s \xc2\xb7 %s"), i + 1,
                     screen_item_kind_name(it->kind), _("Done"));
        } else {
            snprintf(prefix, sizeof prefix, _("Part %zu \xc2\xb7 %s"), i + 1,
                     screen_item_kind_name(it->kind));
        }
        ui_block_button(u, item_done ? ICON_DONE : screen_item_kind_icon(it->kind), prefix,
                        hrc_item_title(it), NULL, ACT_OPEN_ITEM, (int)i,
                        item_done ? BTN_DONE : BTN_QUIET, false);
    }
}

static void module_bar(ui *u)
{
    hrc_app *app = u->app;
    int index = hrc_nav_top(&app->nav)->module;
    const hrc_module *m = ui_module(app, index);
    if (!m || !m->n_items)
        return;
    int next = screen_next_item(app, index);
    int done, total;
    session_counts(app, index, &done, &total);
    char label[300];
    if (next < 0)
        snprintf(label, sizeof label, "%s", _("Start again from the first part"));
    else if (done == 0 && next == 0)
        snprintf(label, sizeof label, "%s", _("Start"));
    else
        snprintf(label, sizeof label, _("Continue: %s"),
                 ui_pick(app, m, hrc_item_title(&m->items[next])));
    ui_bar_main(u, ICON_FORWARD, label, ACT_RESUME, next < 0 ? 0 : next);
}

static unsigned module_activate(hrc_app *app, int action, int arg)
{
    int module = hrc_nav_top(&app->nav)->module;
    if (action == ACT_OPEN_ITEM)
        app_go_item(app, module, arg, false);
    else if (action == ACT_RESUME)
        app_resume_item(app, module, arg);
    return HRC_APP_REDRAW;
}

const screen_ops screen_home = {.draw = home_draw, .activate = home_activate,
                                .bar = home_bar};
const screen_ops screen_module = {.draw = module_draw, .activate = module_activate,
                                  .bar = module_bar};
