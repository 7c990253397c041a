/* Home: the course's modules with progress; a module's contents. */
#include "core/dates.h"
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum { ACT_OPEN_MODULE = ACT_SCREEN, ACT_OPEN_ITEM, ACT_CONTINUE };

/* Items seen (pages, timelines, case studies) and quizzes passed. */
static void module_counts(const hrc_app *app, int index, int *done, int *total)
{
    const hrc_module *m = ui_module(app, index);
    const module_state *s = session_module(app, index);
    *done = *total = 0;
    for (size_t i = 0; m && i < m->n_items; i++) {
        (*total)++;
        if (m->items[i].kind == HRC_ITEM_QUIZ)
            *done += s->best[i] >= 0 && hrc_quiz_passed(m->items[i].u.quiz, s->best[i]);
        else
            *done += s->seen[i];
    }
}

static void progress_line(ui *u, int index, char *out, size_t size)
{
    hrc_app *app = u->app;
    int done, total;
    module_counts(app, index, &done, &total);
    const module_state *s = session_module(app, index);
    bool stored = s->stored;
    const hrc_module_progress *mp = &s->summary;
    if (stored && mp->completed)
        snprintf(out, size, "%s", _("Completed"));
    else if (stored && mp->has_score)
        snprintf(out, size, _("Best quiz score: %d %%"), (int)(mp->best_score * 100 + 0.5));
    else if (done == 0 && !(stored && mp->n_events > 0))
        snprintf(out, size, "%s", _("Not started"));
    else if (done == 0)
        snprintf(out, size, "%s", _("In progress"));
    else
        snprintf(out, size, _("%d of %d parts done"), done, total);
}

static void home_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    char line[256];
    if (app->guest)
        snprintf(line, sizeof line, "%s", _("Welcome, guest"));
    else
        snprintf(line, sizeof line, _("Welcome, %s"), app->learner_name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad);
    if (app->notice[0]) {
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 2);
    }
    const hrc_course *c = app->cfg.course;
    if (c->n_modules == 0)
        ui_plain(u, _("This course has no modules."), 0, u->px, p->text);
    for (size_t i = 0; i < c->n_modules; i++) {
        const hrc_module *m = c->modules[i];
        hrc_rect box;
        ui_box_begin(u, &box);
        ui_plain(u, hrc_text_plain(&m->title, app->lang, m->default_lang), HRC_FONT_BOLD,
                 u->h2_px, p->text);
        ui_plain(u, hrc_text_plain(&m->summary, app->lang, m->default_lang), 0, u->px, p->text);
        progress_line(u, (int)i, line, sizeof line);
        if (m->minutes > 0) {
            char duration[64];
            if (hrc_duration_format(m->minutes, duration, sizeof duration) > 0) {
                size_t n = strlen(line);
                /* TRANSLATORS: %s is an estimated duration, such as "1 hour 30 minutes". */
                snprintf(line + n, sizeof line - n, _(" \xc2\xb7 about %s"), duration);
            }
        }
        ui_plain(u, line, 0, u->small_px, p->muted);
        ui_gap(u, u->pad / 2);
        ui_button(u, _("Open"), ACT_OPEN_MODULE, (int)i, BTN_NORMAL);
        ui_box_end(u, box, p->surface);
        ui_gap(u, u->pad / 2);
    }
}

static unsigned home_activate(hrc_app *app, int action, int arg)
{
    if (action == ACT_OPEN_MODULE && ui_module(app, arg))
        app_go(app, hrc_nav_location(HRC_SCREEN_MODULE, arg, -1));
    return HRC_APP_REDRAW;
}

static const char *item_kind_name(hrc_item_kind k)
{
    switch (k) {
    case HRC_ITEM_PAGE: return _("Lesson");
    case HRC_ITEM_TIMELINE: return _("Timeline");
    case HRC_ITEM_CASE: return _("Case study");
    case HRC_ITEM_QUIZ: return _("Quiz");
    }
    return "";
}


static void module_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    int index = hrc_nav_top(&app->nav)->module;
    const hrc_module *m = ui_module(app, index);
    if (!m)
        return;
    ui_text(u, &m->title, HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad / 2);
    ui_text(u, &m->summary, 0, u->px, p->text);
    if (!hrc_text_is_empty(&m->audience)) {
        ui_gap(u, u->pad / 3);
        ui_text(u, &m->audience, HRC_FONT_ITALIC, u->small_px, p->muted);
    }
    ui_gap(u, u->pad);
    /* After a restart (or a power cut) the store knows where to go back to. */
    const module_state *s = session_module(app, index);
    long resume = -1;
    if (s->stored && s->summary.resume_item[0] && !s->summary.completed)
        resume = hrc_module_find_item(m, s->summary.resume_item);
    if (resume >= 0) {
        ui_button(u, _("Continue where you left off"), ACT_OPEN_ITEM, (int)resume, BTN_NORMAL);
        ui_gap(u, u->pad / 2);
    }
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        bool done = it->kind == HRC_ITEM_QUIZ
                        ? s->best[i] >= 0 && hrc_quiz_passed(it->u.quiz, s->best[i])
                        : s->seen[i];
        char prefix[96];
        snprintf(prefix, sizeof prefix, "%s%s:", done ? "\xe2\x9c\x93 " : "",
                 item_kind_name(it->kind));
        ui_block_button(u, prefix, hrc_item_title(it), NULL, ACT_OPEN_ITEM, (int)i,
                        done ? BTN_QUIET : BTN_NORMAL, false);
    }
}

static unsigned module_activate(hrc_app *app, int action, int arg)
{
    if (action == ACT_OPEN_ITEM)
        app_go_item(app, hrc_nav_top(&app->nav)->module, arg, false);
    return HRC_APP_REDRAW;
}

const screen_ops screen_home = {.draw = home_draw, .activate = home_activate};
const screen_ops screen_module = {.draw = module_draw, .activate = module_activate};
