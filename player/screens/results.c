/*
 * Results of a quiz attempt: the score against the pass mark, each
 * question's credit (partial credit in plain sentences), the questions
 * missed to review with the right answers, and what next: try again, go
 * on, or finish the module. Once passed, taking the quiz again is a quiet
 * offer in the content; the bar's main action goes on.
 */
#include "core/answer.h"
#include "screens/icons.h"
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum { ACT_TRY_AGAIN = ACT_SCREEN, ACT_CONTINUE, ACT_REVIEW, ACT_SUMMARY };

typedef struct results_state {
    bool reviewing; /* the questions missed, one by one */
} results_state;

static results_state *results_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_RESULTS ? screen_state(app)
                                                                      : NULL;
}

static hrc_quiz_attempt *shown_attempt(const hrc_app *app)
{
    const hrc_nav_loc *loc = hrc_nav_top_const(&app->nav);
    return session_attempt(app, loc->module, loc->item);
}

/* A typed response in words: "Geneva; 2018", "1,5 years" (the number with
 * the learner's decimal mark). */
static void typed_response_text(const hrc_app *app, const hrc_module *m, const hrc_question *q,
                                const hrc_response *r, char *out, size_t size)
{
    if (q->kind == HRC_Q_NUMERIC) {
        double v;
        char number[48];
        const char *unit = ui_pick(app, m, &q->unit);
        if (!hrc_response_number(r, &v)) {
            out[0] = '\0';
            return;
        }
        hrc_number_format(v, hrc_lang_decimal_comma(app->lang) ? ',' : '.', number,
                          sizeof number);
        snprintf(out, size, "%s%s%s", number, *unit ? " " : "", unit);
        return;
    }
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->n && used + 1 < size; i++) {
        int w = snprintf(out + used, size - used, "%s%s", i ? "; " : "",
                         hrc_response_field(r, i));
        if (w < 0)
            break;
        used += (size_t)w;
        if (used >= size)
            used = size - 1;
    }
}

/* A response in words: "a, c", "1. x  2. y", "Cat → Meow; Dog → Woof". */
void screen_response_text(const hrc_app *app, const hrc_module *m, const hrc_question *q,
                          const hrc_response *r, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    if (q->kind == HRC_Q_FILLIN || q->kind == HRC_Q_NUMERIC) {
        typed_response_text(app, m, q, r, out, size);
        return;
    }
    for (size_t i = 0; i < r->n && used + 1 < size; i++) {
        int k = r->slot[i];
        int w = 0;
        const char *sep = used ? (q->kind == HRC_Q_MATCHING ? "; " : ", ") : "";
        switch (q->kind) {
        case HRC_Q_SINGLE:
        case HRC_Q_TRUEFALSE:
            if (k >= 0 && (size_t)k < q->n_choices)
                w = snprintf(out + used, size - used, "%s%s", sep,
                             screen_choice_label(app, m, q, (size_t)k));
            break;
        case HRC_Q_MULTIPLE:
            if (k)
                w = snprintf(out + used, size - used, "%s%s", sep,
                             screen_choice_label(app, m, q, i));
            break;
        case HRC_Q_ORDERING:
            if (k >= 0 && (size_t)k < q->n_choices)
                w = snprintf(out + used, size - used, "%s%zu. %s", sep, i + 1,
                             screen_choice_label(app, m, q, (size_t)k));
            break;
        case HRC_Q_MATCHING:
            if (k >= 0 && (size_t)k < q->n_pairs)
                w = snprintf(out + used, size - used, "%s%s \xe2\x86\x92 %s", sep,
                             ui_pick(app, m, &q->pairs[i].left), ui_pick(app, m, &q->pairs[k].right));
            break;
        case HRC_Q_FILLIN:
        case HRC_Q_NUMERIC:
            break;
        }
        if (w < 0)
            break;
        used += (size_t)w;
        if (used >= size)
            used = size - 1;
    }
}

/* The right answer in words. */
void screen_right_answer_text(const hrc_app *app, const hrc_module *m, const hrc_question *q,
                              char *out, size_t size)
{
    if (q->kind == HRC_Q_NUMERIC) {
        hrc_numeric_answer_text(q, hrc_lang_decimal_comma(app->lang) ? ',' : '.',
                                ui_pick(app, m, &q->unit), out, size);
        return;
    }
    if (q->kind == HRC_Q_FILLIN) {
        size_t used = 0;
        out[0] = '\0';
        for (size_t g = 0; g < q->n_gaps && used + 1 < size; g++) {
            const hrc_accept *a = hrc_gap_shown(&q->gaps[g], app->lang, m->default_lang);
            int w = snprintf(out + used, size - used, "%s%s", g ? "; " : "", a ? a->text : "");
            if (w < 0)
                break;
            used += (size_t)w;
            if (used >= size)
                used = size - 1;
        }
        return;
    }
    int slots[64];
    size_t n = q->kind == HRC_Q_MATCHING ? q->n_pairs
               : q->kind == HRC_Q_SINGLE || q->kind == HRC_Q_TRUEFALSE ? 1
                                                                       : q->n_choices;
    if (n > sizeof slots / sizeof slots[0])
        n = sizeof slots / sizeof slots[0];
    for (size_t i = 0; i < n; i++)
        slots[i] = q->kind == HRC_Q_MULTIPLE ? q->choices[i].correct : (int)i;
    if (q->kind == HRC_Q_SINGLE || q->kind == HRC_Q_TRUEFALSE)
        for (size_t c = 0; c < q->n_choices; c++)
            if (q->choices[c].correct)
                slots[0] = (int)c;
    hrc_response r = {n, slots, NULL};
    screen_response_text(app, m, q, &r, out, size);
}

/* Each question's credit: a list to read (no face, nothing to press), the
 * verdict in words and as a mark. */
static void summary(ui *u, const hrc_module *m, hrc_quiz_attempt *a)
{
    const hrc_palette *p = u->pal;
    char line[600];
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Question by question"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    hrc_rect box;
    ui_box_begin(u, &box);
    for (size_t i = 0; i < a->n_items; i++) {
        const hrc_quiz_item *it = &a->items[i];
        bool right = it->checked && it->score >= 1.0;
        bool partly = it->checked && !right && it->score > 0;
        char credit[400];
        if (!it->checked) {
            char pct[32];
            screen_percent(0, pct, sizeof pct);
            snprintf(credit, sizeof credit, _("not answered, %s"), pct);
        } else {
            char how[360];
            /* Fully right: the percentage says it all. */
            if (right)
                screen_percent(100, how, sizeof how);
            else
                screen_credit_line(it->q, &it->response, it->score, how, sizeof how);
            /* "right, 100%"; "partly right, 2 of 3 matches right: 67%." */
            snprintf(credit, sizeof credit,
                     right ? _("right, %s") : partly ? _("partly right, %s") : _("not right, %s"),
                     how);
        }
        snprintf(line, sizeof line, _("Question %zu: %s"), i + 1, credit);
        ui_entry(u, right ? ICON_RIGHT : partly ? ICON_PARTLY : ICON_WRONG,
                 right ? p->right : partly ? p->text : p->wrong, line, &it->q->prompt, NULL);
    }
    ui_box_end(u, box, p->surface);
    (void)m;
}

static void review(ui *u, const hrc_module *m, hrc_quiz_attempt *a)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    ui_plain(u, _("The questions you missed"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_say(u, _("The questions you missed"));
    ui_gap(u, u->pad / 2);
    ui_say_no_alerts(u, true); /* the right answers in green are not notices */
    char line[2048], text[1800];
    for (size_t i = 0; i < a->n_items; i++) {
        if (!hrc_quiz_needs_review(a, i))
            continue;
        const hrc_quiz_item *it = &a->items[i];
        hrc_rect box;
        ui_box_begin(u, &box);
        snprintf(line, sizeof line, _("Question %zu"), i + 1);
        ui_plain(u, line, HRC_FONT_BOLD, u->small_px, p->muted);
        ui_text(u, &it->q->prompt, HRC_FONT_BOLD, u->px, p->text);
        ui_gap(u, u->pad / 3);
        screen_response_text(app, m, it->q, &it->response, text, sizeof text);
        snprintf(line, sizeof line, _("Your answer: %s"), text[0] ? text : _("none"));
        ui_plain(u, line, 0, u->px, p->wrong);
        screen_right_answer_text(app, m, it->q, text, sizeof text);
        snprintf(line, sizeof line, _("Right answer: %s"), text);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->right);
        ui_gap(u, u->pad / 3);
        ui_text(u, &it->q->explanation, 0, u->px, p->text);
        ui_box_end(u, box, p->surface);
    }
    ui_say_no_alerts(u, false);
}

static void results_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    const hrc_module *m = ui_module(app, loc->module);
    hrc_quiz_attempt *a = shown_attempt(app);
    results_state *rs = results_of(app);
    if (!m || !a || !rs)
        return;
    const hrc_quiz *quiz = a->quiz;
    screen_item_header(u);
    ui_text(u, &quiz->title, HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad);
    if (rs->reviewing) {
        review(u, m, a);
        return;
    }
    double percent = hrc_quiz_attempt_percent(a);
    bool passed = hrc_quiz_passed(quiz, percent);
    char line[256];
    hrc_rect box;
    ui_box_begin(u, &box);
    int iw = ui_icon(u, passed ? ICON_PASSED : ICON_NOT_PASSED, u->x, u->y, u->h1_px * 3 / 2,
                     passed ? p->right : p->wrong);
    u->x += iw + u->pad;
    u->w -= iw + u->pad;
    /* Spoken on arrival: the score, the pass mark and the verdict. */
    snprintf(line, sizeof line, _("Your score: %d%%"), (int)(percent + 0.5));
    ui_plain(u, line, HRC_FONT_BOLD, u->h1_px, p->text);
    ui_say(u, line);
    snprintf(line, sizeof line, _("Pass mark: %d%%"), quiz->pass_percent);
    ui_plain(u, line, 0, u->px, p->text);
    ui_say(u, line);
    ui_plain(u, passed ? _("Passed. Well done!") : _("Not passed this time."), HRC_FONT_BOLD,
             u->px, passed ? p->right : p->wrong);
    ui_say(u, passed ? _("Passed. Well done!") : _("Not passed this time."));
    int left = hrc_quiz_attempts_left(quiz, a->number);
    if (left > 0) {
        snprintf(line, sizeof line, ngettext("%d attempt left.", "%d attempts left.",
                                             (unsigned long)left), left);
        ui_plain(u, line, 0, u->px, p->text);
        ui_say(u, line);
    } else if (left == 0 && !passed) {
        ui_plain(u, _("No attempts left."), 0, u->px, p->text);
        ui_say(u, _("No attempts left."));
    }
    u->x -= iw + u->pad;
    u->w += iw + u->pad;
    ui_box_end(u, box, p->surface);
    /* Passed: another attempt is there to practise, not needed; it is
     * offered here, quietly, and the bar goes on. */
    if (passed && left != 0) {
        ui_plain(u, _("Your best score is kept. You may take the quiz again to practise."), 0,
                 u->small_px, p->muted);
        ui_gap(u, u->pad / 4);
        ui_button_icon(u, ICON_RESTART, _("Take the quiz again"), ACT_TRY_AGAIN, 0, BTN_QUIET);
        ui_flow_end(u);
    }
    if (app->notice[0]) {
        ui_gap(u, u->pad / 2);
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
    }
    summary(u, m, a);
}

static bool missed_any(const hrc_quiz_attempt *a)
{
    for (size_t i = 0; i < a->n_items; i++)
        if (hrc_quiz_needs_review(a, i))
            return true;
    return false;
}

static void results_bar(ui *u)
{
    hrc_app *app = u->app;
    const hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    const hrc_module *m = ui_module(app, loc->module);
    hrc_quiz_attempt *a = shown_attempt(app);
    results_state *rs = results_of(app);
    if (!m || !a || !rs)
        return;
    if (rs->reviewing)
        ui_bar_add(u, false, ICON_BACK, _("Back to the results"), ACT_SUMMARY, 0, BTN_QUIET);
    else if (missed_any(a))
        ui_bar_add(u, false, ICON_REVIEW, _("Review the questions I missed"), ACT_REVIEW, 0,
                   BTN_QUIET);
    bool passed = hrc_quiz_passed(a->quiz, hrc_quiz_attempt_percent(a));
    int left = hrc_quiz_attempts_left(a->quiz, a->number);
    bool try_is_main = !session_module_complete(app, loc->module) &&
                       (size_t)loc->item + 1 >= m->n_items && !passed && left != 0;
    /* Passed: taking it again is offered in the content, not here. */
    if (left != 0 && !try_is_main && !passed)
        ui_bar_add(u, false, ICON_RESTART, _("Try again"), ACT_TRY_AGAIN, 0, BTN_QUIET);
    if (session_module_complete(app, loc->module))
        ui_bar_main(u, ICON_TROPHY, _("Finish the module"), ACT_FINISH, 0);
    else if ((size_t)loc->item + 1 < m->n_items)
        ui_bar_main(u, ICON_NEXT, _("Continue"), ACT_CONTINUE, loc->item + 1);
    else if (!passed && left != 0)
        ui_bar_main(u, ICON_RESTART, _("Try again"), ACT_TRY_AGAIN, 0);
    else
        ui_bar_main(u, ICON_LESSON, _("Back to contents"), ACT_BACK, 0);
}

static unsigned results_activate(hrc_app *app, int action, int arg)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    results_state *rs = results_of(app);
    switch (action) {
    case ACT_TRY_AGAIN: {
        session_start_attempt(app, loc->module, loc->item);
        hrc_nav_loc q = *loc;
        q.screen = HRC_SCREEN_QUIZ;
        q.scroll = 0;
        q.focus = -1;
        app_replace(app, q);
        break;
    }
    case ACT_CONTINUE:
        return screen_go_sideways(app, arg);
    case ACT_REVIEW:
    case ACT_SUMMARY:
        if (rs)
            rs->reviewing = action == ACT_REVIEW;
        loc->scroll = 0;
        loc->focus = HRC_NAV_FOCUS_MAIN;
        break;
    default:
        return screen_item_activate(app, action, arg) | HRC_APP_REDRAW;
    }
    return HRC_APP_REDRAW;
}

const screen_ops screen_results = {.state_size = sizeof(results_state), .draw = results_draw,
                                   .activate = results_activate, .bar = results_bar};
