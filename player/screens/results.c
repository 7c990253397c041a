/* Results of a quiz attempt: score, pass or not, what to review, again. */
#include "screens/ui.h"

#include <stdio.h>

enum { ACT_TRY_AGAIN = ACT_SCREEN, ACT_CONTINUE };

static void results_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    const hrc_module *m = ui_module(app, loc->module);
    hrc_quiz_attempt *a = session_attempt(app, loc->module, loc->item);
    if (!m || !a)
        return;
    const hrc_quiz *quiz = a->quiz;
    ui_text(u, &quiz->title, HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad);
    double percent = hrc_quiz_attempt_percent(a);
    bool passed = hrc_quiz_passed(quiz, percent);
    char line[256];
    snprintf(line, sizeof line, _("Your score: %d %%"), (int)(percent + 0.5));
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, p->text);
    snprintf(line, sizeof line, _("Pass mark: %d %%"), quiz->pass_percent);
    ui_plain(u, line, 0, u->px, p->text);
    ui_plain(u, passed ? _("Passed. Well done!") : _("Not passed this time."), HRC_FONT_BOLD,
             u->px, passed ? p->right : p->text);
    int left = hrc_quiz_attempts_left(quiz, a->number);
    if (left > 0) {
        snprintf(line, sizeof line, ngettext("%d attempt left.", "%d attempts left.",
                                             (unsigned long)left), left);
        ui_plain(u, line, 0, u->px, p->text);
    } else if (left == 0 && !passed) {
        ui_plain(u, _("No attempts left."), 0, u->px, p->text);
    }
    if (app->notice[0]) {
        ui_gap(u, u->pad / 2);
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
    }
    bool any = false;
    for (size_t i = 0; i < a->n_items; i++) {
        if (!hrc_quiz_needs_review(a, i))
            continue;
        if (!any) {
            ui_gap(u, u->pad);
            ui_plain(u, _("To review"), HRC_FONT_BOLD, u->h2_px, p->text);
            ui_gap(u, u->pad / 3);
            any = true;
        }
        ui_text(u, &a->items[i].q->prompt, HRC_FONT_BOLD, u->px, p->text);
        ui_text(u, &a->items[i].q->explanation, 0, u->px, p->text);
        ui_gap(u, u->pad / 2);
    }
    ui_gap(u, u->pad);
    if (left != 0)
        ui_button(u, _("Try again"), ACT_TRY_AGAIN, 0, passed ? BTN_QUIET : BTN_NORMAL);
    if ((size_t)loc->item + 1 < m->n_items)
        ui_button(u, _("Continue"), ACT_CONTINUE, loc->item + 1, BTN_NORMAL);
    else
        ui_button(u, _("Back to contents"), ACT_BACK, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static unsigned results_activate(hrc_app *app, int action, int arg)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    if (action == ACT_TRY_AGAIN) {
        session_start_attempt(app, loc->module, loc->item);
        hrc_nav_loc q = *loc;
        q.screen = HRC_SCREEN_QUIZ;
        q.scroll = 0;
        q.focus = -1;
        app_replace(app, q);
    } else if (action == ACT_CONTINUE) {
        return screen_go_sideways(app, arg);
    }
    return HRC_APP_REDRAW;
}

const screen_ops screen_results = {.draw = results_draw, .activate = results_activate};
