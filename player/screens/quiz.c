/*
 * The quiz: one question at a time. Every answer part works by pointer and
 * by keyboard alone:
 * - choices: Enter picks (toggles for multiple choice);
 * - ordering: Enter picks an item up, Up/Down move it, Enter (or Escape)
 *   puts it down; or drag an item onto another's place;
 * - matching: Enter on a left item, then Enter on a right side; or drag a
 *   right side onto a left item.
 * The answer is recorded before any feedback is shown; when recording
 * fails the feedback stays hidden and the learner can try again.
 */
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum {
    ACT_CHOICE = ACT_SCREEN, /* arg: display position */
    ACT_ORDER_ITEM,          /* arg: position */
    ACT_LEFT,                /* arg: left (pair index) */
    ACT_RIGHT,               /* arg: display position of a right side */
    ACT_HINT,
    ACT_CHECK,
    ACT_NEXT_QUESTION,
    ACT_START_AGAIN,
};

/* What the learner is doing with the answer parts (the answers themselves
 * are in the attempt, session.h). */
typedef struct quiz_state {
    int grabbed;    /* ordering: position picked up by keyboard, -1 none */
    int match_left; /* matching: left picked, -1 none */
} quiz_state;

static void quiz_init(hrc_app *app, void *state)
{
    quiz_state *qs = state;
    qs->grabbed = qs->match_left = -1;
}

static quiz_state *quiz_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_QUIZ ? screen_state(app) : NULL;
}

static hrc_quiz_attempt *current_attempt(const hrc_app *app)
{
    const hrc_nav_loc *loc = hrc_nav_top_const(&app->nav);
    return session_attempt(app, loc->module, loc->item);
}

static hrc_quiz_item *current_item(hrc_app *app)
{
    hrc_quiz_attempt *a = current_attempt(app);
    if (!a || !quiz_of(app) || a->current >= a->n_items)
        return NULL;
    return &a->items[a->current];
}

static const char *choice_label(const hrc_app *app, const hrc_module *m,
                                const hrc_question *q, size_t c)
{
    const char *s = ui_pick(app, m, &q->choices[c].text);
    if (q->kind == HRC_Q_TRUEFALSE && !*s)
        return c == 0 ? _("True") : _("False");
    return s;
}

static void draw_choices(ui *u, const hrc_module *m, hrc_quiz_item *it)
{
    const hrc_question *q = it->q;
    bool multi = q->kind == HRC_Q_MULTIPLE;
    for (size_t pos = 0; pos < it->n_shown; pos++) {
        size_t c = it->shown[pos];
        bool picked = multi ? it->response.slot[c] != 0 : it->response.slot[0] == (int)c;
        button_state st = picked ? BTN_SELECTED : BTN_QUIET;
        const char *mark = multi ? (picked ? "\xe2\x98\x91" : "\xe2\x98\x90")  /* ballot boxes */
                                 : (picked ? "\xe2\x97\x89" : "\xe2\x97\x8b"); /* circles */
        char prefix[96];
        snprintf(prefix, sizeof prefix, "%s", mark);
        if (it->checked) {
            bool correct = q->choices[c].correct;
            st = correct ? BTN_RIGHT : picked ? BTN_WRONG : BTN_QUIET;
            snprintf(prefix, sizeof prefix, "%s %s", mark,
                     correct ? _("Correct answer") : picked ? _("Not correct") : "");
        }
        ui_block_button(u, prefix, NULL, choice_label(u->app, m, q, c), ACT_CHOICE, (int)pos,
                        st, false);
        if (it->checked && picked && !hrc_text_is_empty(&q->choices[c].feedback)) {
            ui_text(u, &q->choices[c].feedback, HRC_FONT_ITALIC, u->px, u->pal->text);
            ui_gap(u, u->pad / 2);
        }
    }
}

static void draw_ordering(ui *u, const hrc_module *m, hrc_quiz_item *it)
{
    hrc_app *app = u->app;
    const quiz_state *qs = quiz_of(app);
    const hrc_question *q = it->q;
    if (!it->checked)
        ui_plain(u, _("Put these in the right order. Pick an item with Enter, move it with "
                      "the arrow keys, put it down with Enter; or drag it."),
                 0, u->small_px, u->pal->muted);
    ui_gap(u, u->pad / 3);
    for (size_t p = 0; p < it->response.n; p++) {
        int c = it->response.slot[p];
        char prefix[96];
        button_state st = qs->grabbed == (int)p ? BTN_SELECTED : BTN_QUIET;
        snprintf(prefix, sizeof prefix, "%zu.", p + 1);
        if (it->checked) {
            bool ok = c == (int)p;
            st = ok ? BTN_RIGHT : BTN_WRONG;
            snprintf(prefix, sizeof prefix, "%zu. %s", p + 1,
                     ok ? _("In place") : _("Not in place"));
        } else if (qs->grabbed == (int)p) {
            snprintf(prefix, sizeof prefix, "%zu. %s", p + 1, _("Moving: use the arrow keys"));
        }
        ui_block_button(u, prefix, NULL, choice_label(app, m, q, (size_t)c), ACT_ORDER_ITEM,
                        (int)p, st, !it->checked);
    }
    if (it->checked) {
        ui_plain(u, _("The right order:"), HRC_FONT_BOLD, u->px, u->pal->text);
        for (size_t c = 0; c < q->n_choices; c++) {
            char line[600];
            snprintf(line, sizeof line, "%zu. %s", c + 1, choice_label(app, m, q, c));
            ui_plain(u, line, 0, u->px, u->pal->text);
        }
    }
}

static void draw_matching(ui *u, const hrc_module *m, hrc_quiz_item *it)
{
    hrc_app *app = u->app;
    const quiz_state *qs = quiz_of(app);
    const hrc_question *q = it->q;
    if (!it->checked)
        ui_plain(u, _("Match each item with its partner: pick an item, then its partner; "
                      "or drag a partner onto an item."),
                 0, u->small_px, u->pal->muted);
    ui_gap(u, u->pad / 3);
    for (size_t l = 0; l < q->n_pairs; l++) {
        int r = it->response.slot[l];
        char text[1024];
        snprintf(text, sizeof text, "%s \xe2\x86\x92 %s", ui_pick(app, m, &q->pairs[l].left),
                 r >= 0 ? ui_pick(app, m, &q->pairs[r].right) : "?");
        button_state st = qs->match_left == (int)l ? BTN_SELECTED : BTN_QUIET;
        const char *prefix = NULL;
        if (it->checked) {
            st = r == (int)l ? BTN_RIGHT : BTN_WRONG;
            prefix = r == (int)l ? _("Right") : _("Not right");
        }
        ui_block_button(u, prefix, NULL, text, ACT_LEFT, (int)l, st, false);
        if (it->checked && r != (int)l) {
            snprintf(text, sizeof text, _("Answer: %s"), ui_pick(app, m, &q->pairs[l].right));
            ui_plain(u, text, HRC_FONT_ITALIC, u->px, u->pal->text);
            ui_gap(u, u->pad / 3);
        }
    }
    if (it->checked)
        return;
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Partners:"), HRC_FONT_BOLD, u->px, u->pal->text);
    for (size_t pos = 0; pos < q->n_pairs; pos++) {
        size_t r = it->right_shown[pos];
        bool used = false;
        for (size_t l = 0; l < q->n_pairs; l++)
            used |= it->response.slot[l] == (int)r;
        ui_block_button(u, used ? _("(given)") : NULL, &q->pairs[r].right, NULL, ACT_RIGHT,
                        (int)pos, BTN_NORMAL, true);
    }
}

static void quiz_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_item *item = screen_item(app, HRC_ITEM_QUIZ);
    if (!item)
        return;
    const hrc_quiz *quiz = item->u.quiz;
    const hrc_module *m = ui_module(app, hrc_nav_top(&app->nav)->module);
    ui_text(u, &quiz->title, HRC_FONT_BOLD, u->h1_px, p->text);
    char line[256];
    hrc_quiz_item *it = current_item(app);
    if (!it) {
        ui_gap(u, u->pad);
        ui_plain(u, _("You have used every attempt at this quiz."), 0, u->px, p->text);
        screen_prev_next(u, ACT_NONE, ACT_NONE);
        return;
    }
    hrc_quiz_attempt *a = current_attempt(app);
    int left = hrc_quiz_attempts_left(quiz, a->number - 1);
    if (left < 0)
        snprintf(line, sizeof line, _("Question %zu of %zu \xc2\xb7 pass mark %d %%"),
                 a->current + 1, a->n_items, quiz->pass_percent);
    else
        snprintf(line, sizeof line,
                 _("Question %zu of %zu \xc2\xb7 pass mark %d %% \xc2\xb7 attempt %d of %d"),
                 a->current + 1, a->n_items, quiz->pass_percent, a->number, quiz->max_attempts);
    ui_plain(u, line, 0, u->small_px, p->muted);
    ui_gap(u, u->pad / 2);
    if (a->current == 0 && !it->checked && !hrc_text_is_empty(&quiz->intro)) {
        ui_text(u, &quiz->intro, 0, u->px, p->text);
        ui_gap(u, u->pad / 2);
    }
    const hrc_question *q = it->q;
    ui_text(u, &q->prompt, HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 2);
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_MULTIPLE:
    case HRC_Q_TRUEFALSE:
        if (q->kind == HRC_Q_MULTIPLE && !it->checked)
            ui_plain(u, _("Pick every right answer."), 0, u->small_px, p->muted);
        draw_choices(u, m, it);
        break;
    case HRC_Q_ORDERING:
        draw_ordering(u, m, it);
        break;
    case HRC_Q_MATCHING:
        draw_matching(u, m, it);
        break;
    }
    for (int h = 0; h < it->hints_shown && (size_t)h < q->n_hints; h++) {
        snprintf(line, sizeof line, _("Hint %d:"), h + 1);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
        ui_text(u, &q->hints[h], 0, u->px, p->text);
        ui_gap(u, u->pad / 3);
    }
    if (app->notice[0]) {
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 3);
    }
    if (it->checked) {
        ui_gap(u, u->pad / 2);
        const char *verdict = it->score >= 1.0 ? _("Right!")
                              : it->score > 0 ? _("Partly right.")
                                              : _("Not right.");
        ui_plain(u, verdict, HRC_FONT_BOLD, u->h2_px, it->score >= 1.0 ? p->right : p->text);
        ui_text(u, &q->explanation, 0, u->px, p->text);
        ui_gap(u, u->pad);
        bool last = a->current + 1 >= a->n_items;
        ui_button(u, last ? _("See results") : _("Next question"), ACT_NEXT_QUESTION, 0,
                  BTN_NORMAL);
    } else {
        ui_gap(u, u->pad / 2);
        ui_button(u, _("Check answer"), ACT_CHECK, 0, BTN_NORMAL);
        if ((size_t)it->hints_shown < q->n_hints)
            ui_button(u, _("Show a hint"), ACT_HINT, 0, BTN_QUIET);
    }
    ui_flow_end(u);
}

static unsigned finish_attempt(hrc_app *app)
{
    if (!session_finish_attempt(app))
        return HRC_APP_REDRAW; /* the notice says why; try again */
    hrc_nav_loc loc = *hrc_nav_top(&app->nav);
    loc.screen = HRC_SCREEN_RESULTS;
    loc.scroll = 0;
    loc.focus = -1;
    app_replace(app, loc);
    return HRC_APP_REDRAW;
}

static unsigned check_answer(hrc_app *app, quiz_state *qs, hrc_quiz_item *it)
{
    if (!hrc_response_complete(it->q, &it->response)) {
        snprintf(app->notice, sizeof app->notice, "%s",
                 it->q->kind == HRC_Q_MATCHING ? _("Match every item first.")
                                               : _("Pick an answer first."));
        return HRC_APP_REDRAW;
    }
    qs->grabbed = qs->match_left = -1;
    /* Recorded first: feedback only for what is safely saved. */
    if (!session_answer(app, it))
        return HRC_APP_REDRAW;
    app->notice[0] = '\0';
    hrc_quiz_attempt *a = current_attempt(app);
    hrc_quiz_check(a, a->current);
    return HRC_APP_REDRAW;
}

static unsigned quiz_activate(hrc_app *app, int action, int arg)
{
    hrc_quiz_item *it = current_item(app);
    quiz_state *qs = quiz_of(app);
    if (!it || !qs)
        return HRC_APP_REDRAW;
    hrc_quiz_attempt *a = current_attempt(app);
    size_t i = a->current;
    app->notice[0] = '\0';
    switch (action) {
    case ACT_CHOICE:
        if (arg >= 0 && (size_t)arg < it->n_shown)
            hrc_quiz_pick(a, i, it->shown[arg]);
        break;
    case ACT_ORDER_ITEM:
        if (!it->checked)
            qs->grabbed = qs->grabbed == arg ? -1 : arg;
        break;
    case ACT_LEFT:
        if (!it->checked)
            qs->match_left = qs->match_left == arg ? -1 : arg;
        break;
    case ACT_RIGHT:
        if (arg < 0 || (size_t)arg >= it->n_shown || !it->right_shown)
            break;
        if (qs->match_left < 0) {
            /* No item picked yet: the first one without a partner. */
            for (size_t l = 0; l < it->response.n && qs->match_left < 0; l++)
                if (it->response.slot[l] < 0)
                    qs->match_left = (int)l;
        }
        if (qs->match_left >= 0)
            hrc_quiz_match(a, i, (size_t)qs->match_left, (int)it->right_shown[arg]);
        qs->match_left = -1;
        break;
    case ACT_HINT:
        if ((size_t)it->hints_shown < it->q->n_hints)
            it->hints_shown++;
        break;
    case ACT_CHECK:
        return check_answer(app, qs, it);
    case ACT_NEXT_QUESTION:
        if (!it->checked)
            break;
        if (a->current + 1 < a->n_items) {
            a->current++;
            session_question_shown(app);
            hrc_nav_top(&app->nav)->scroll = 0;
            hrc_nav_top(&app->nav)->focus = -1;
        } else {
            return finish_attempt(app);
        }
        break;
    }
    return HRC_APP_REDRAW;
}

static unsigned quiz_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    hrc_quiz_item *it = current_item(app);
    quiz_state *qs = quiz_of(app);
    if (!it || !qs)
        return 0;
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    if (qs->grabbed >= 0 && it->q->kind == HRC_Q_ORDERING && !it->checked) {
        int to = qs->grabbed;
        switch (in->kind) {
        case HRC_IN_UP: to--; break;
        case HRC_IN_DOWN: to++; break;
        case HRC_IN_HOME: to = 0; break;
        case HRC_IN_END: to = (int)it->response.n - 1; break;
        case HRC_IN_BACK:
            qs->grabbed = -1;
            *handled = true;
            return HRC_APP_REDRAW;
        default: return 0;
        }
        *handled = true;
        if (to < 0 || to >= (int)it->response.n)
            return 0;
        hrc_quiz_attempt *a = current_attempt(app);
        hrc_quiz_move(a, a->current, (size_t)qs->grabbed, (size_t)to);
        /* The focus follows the moved item. */
        if (loc->focus >= 0)
            loc->focus += to - qs->grabbed;
        qs->grabbed = to;
        app->reveal_focus = true;
        return HRC_APP_REDRAW;
    }
    if (in->kind == HRC_IN_BACK && qs->match_left >= 0) {
        qs->match_left = -1;
        *handled = true;
        return HRC_APP_REDRAW;
    }
    return 0;
}

/* Target under the drop point that is of `action`; -1 otherwise. */
static unsigned quiz_drop(hrc_app *app, int action, int arg, const ui_target *to)
{
    hrc_quiz_item *it = current_item(app);
    quiz_state *qs = quiz_of(app);
    if (!it || !qs || it->checked || !to)
        return 0;
    hrc_quiz_attempt *a = current_attempt(app);
    if (action == ACT_ORDER_ITEM && to->action == ACT_ORDER_ITEM) {
        hrc_quiz_move(a, a->current, (size_t)arg, (size_t)to->arg);
        qs->grabbed = -1;
        return HRC_APP_REDRAW;
    }
    if (action == ACT_RIGHT && to->action == ACT_LEFT && it->right_shown && arg >= 0 &&
        (size_t)arg < it->n_shown) {
        hrc_quiz_match(a, a->current, (size_t)to->arg,
                       (int)it->right_shown[arg]);
        qs->match_left = -1;
        return HRC_APP_REDRAW;
    }
    return 0;
}

static unsigned quiz_drag(hrc_app *app, int action, int arg, int dx, int dy)
{
    /* Show what is being carried. */
    quiz_state *qs = quiz_of(app);
    if (qs && action == ACT_ORDER_ITEM && qs->grabbed != arg) {
        qs->grabbed = arg;
        return HRC_APP_REDRAW;
    }
    return 0;
}

const screen_ops screen_quiz = {.state_size = sizeof(quiz_state), .init = quiz_init,
                                .draw = quiz_draw, .activate = quiz_activate,
                                .key = quiz_key, .drag = quiz_drag, .drop = quiz_drop};
