/*
 * Fill-in and numeric questions, pools and timeline periods as a learner
 * meets them (tests/data/screens/additions): typing by keyboard and by
 * pointer, Enter from blank to blank, the verdict and partial credit, the
 * typed answers and the pool's draw kept when the learner leaves and after
 * a restart, the results' answers in words; periods drawn as bars and
 * planned events as hollow markers that say so in words.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "io/progress.h"
#include "screens/goto.h"
#include "screens/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define COURSE HRC_TEST_DATA "/screens/additions"


static void as_guest(harness *t, const char *lang)
{
    harness_start_course(t, COURSE, &(hrc_app_config){.lang = lang});
    harness_activate_label(t, "Continue as guest");
}

static void open_item(harness *t, const char *id)
{
    assert_int_equal(hrc_app_goto(t->app, id), 0);
    harness_draw(t);
}

static const hrc_quiz_item *shown_item(const harness *t)
{
    const hrc_nav_loc *loc = hrc_nav_top_const(&t->app->nav);
    hrc_quiz_attempt *a = session_attempt(t->app, loc->module, loc->item);
    assert_non_null(a);
    return &a->items[a->current];
}

/* ---- Fill-in ------------------------------------------------------------ */

static void fillin_by_keyboard(void **state)
{
    harness t;
    as_guest(&t, "en");
    open_item(&t, "typed");
    assert_true(harness_has_text(&t, "Question 1 of 3"));
    assert_true(hrc_app_wants_text(t.app));
    /* Typing starts in the first blank; the prompt shows it. */
    harness_type(&t, "gen");
    harness_type(&t, "eve");
    /* The blank's mark in the prompt (its number, circled) shows what is
     * typed; the labelled field holds the caret. */
    assert_true(harness_has_text(&t, "\xe2\x91\xa0\xc2\xa0[geneve]"));
    assert_true(harness_find_target(&t, "Blank 1 geneve|") >= 0);
    harness_key(&t, HRC_IN_BACKSPACE);
    harness_type(&t, "e");
    /* Enter goes on to the next blank, not to the check. */
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_false(shown_item(&t)->checked);
    assert_true(harness_has_text(&t, "\xe2\x91\xa1\xc2\xa0______")); /* empty */
    assert_true(harness_find_target(&t, "Blank 2 |") >= 0);
    harness_type(&t, "2018");
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 1), "2018");
    /* Tab to a blank: what is typed goes there. */
    assert_true(harness_tab_to(&t, "Blank 1"));
    harness_type(&t, "!");
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 0), "geneve!");
    harness_key(&t, HRC_IN_BACKSPACE);
    /* Enter in the last blank checks: one of two, partial credit. */
    assert_true(harness_tab_to(&t, "Blank 2"));
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(shown_item(&t)->checked);
    assert_false(hrc_app_wants_text(t.app));
    assert_true(harness_has_text(&t, "Partly right."));
    assert_true(harness_has_text(&t, "1 of 2 blanks right: 50%."));
    assert_true(harness_has_text(&t, "Blank 1: right"));
    assert_true(harness_has_text(&t, "Blank 2: not right"));
    assert_true(harness_has_text(&t, "Right answer: 2019"));
    /* Checked: typing changes nothing; the next action has the focus. */
    harness_type(&t, "x");
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 0), "geneve");
    assert_non_null(strstr(harness_focused(&t), "Next question"));
    harness_stop(&t);
}

static void fillin_by_pointer(void **state)
{
    harness t;
    as_guest(&t, "en");
    open_item(&t, "typed");
    /* An empty blank cannot be checked. */
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Fill in every blank first."));
    /* A click (or a tap) picks the blank typed into. */
    harness_click(&t, "Blank 2");
    harness_type(&t, "2019");
    harness_click(&t, "Blank 1");
    harness_type(&t, "GEN\xc3\x88VE"); /* capitals and accents do not count */
    assert_true(harness_has_text(&t, "\xe2\x91\xa0\xc2\xa0[GEN\xc3\x88VE]"));
    assert_true(harness_has_text(&t, "\xe2\x91\xa1\xc2\xa0[2019]"));
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Right!"));
    assert_true(shown_item(&t)->score >= 1.0);
    harness_stop(&t);
}

/* A kiosk with a touch screen and nothing else: the on-screen keyboard
 * types into the blank picked, the number pad has the language's decimal
 * mark, and the keys fit every size. (The interface strings are
 * English here; the layout and the mark follow the language, French.) */
static void typed_by_touch_alone_on_a_kiosk(void **state)
{
    harness t;
    harness_start_course(&t, COURSE, &(hrc_app_config){.lang = "fr", .kiosk = true});
    harness_tap_exact(&t, "Continue as guest");
    open_item(&t, "typed");
    /* AZERTY, in French; an answer is in small letters (no capital
     * starts its words), with a row of digits above the letters. */
    int a = harness_find_exact(&t, "a"), z = harness_find_exact(&t, "z");
    assert_true(a >= 0 && z >= 0);
    assert_true(t.list.targets[z].rect.x > t.list.targets[a].rect.x);
    int one = harness_find_exact(&t, "1"), zero = harness_find_exact(&t, "0");
    assert_true(one >= 0 && zero >= 0);
    assert_true(t.list.targets[one].rect.y < t.list.targets[a].rect.y);
    harness_click(&t, "Blank 2");
    harness_tap_exact(&t, "2");
    harness_tap_exact(&t, "0");
    harness_tap_exact(&t, "1");
    harness_tap_exact(&t, "9");
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 1), "2019");
    for (int k = 0; k < 4; k++)
        harness_tap_exact(&t, "Erase");
    /* The digits stay on the page of accented letters. */
    harness_tap_exact(&t, "Accented letters");
    assert_true(harness_find_exact(&t, "5") >= 0);
    harness_tap_exact(&t, "\xc3\xa9");
    harness_tap_exact(&t, "Letters");
    harness_tap_exact(&t, "t");
    harness_tap_exact(&t, "Erase");
    harness_tap_exact(&t, "x");
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 1), "\xc3\xa9x");
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 0), "");
    harness_check_all_sizes(&t, 2, true);
    harness_stop(&t);

    harness_start_course(&t, COURSE, &(hrc_app_config){.lang = "fr", .kiosk = true});
    harness_tap_exact(&t, "Continue as guest");
    open_item(&t, "share");
    assert_true(harness_find_exact(&t, "a") < 0); /* numbers: the pad */
    harness_tap_exact(&t, "2");
    harness_tap_exact(&t, "Comma"); /* the French decimal mark */
    harness_tap_exact(&t, "7");
    harness_tap_exact(&t, "5");
    harness_click(&t, "Check answer");
    assert_true(shown_item(&t)->checked);
    assert_true(shown_item(&t)->score >= 1.0);
    assert_true(harness_find_exact(&t, "7") < 0); /* checked: the pad goes */
    harness_stop(&t);
}

/* ---- Numeric ------------------------------------------------------------ */

static void numeric_answers(void **state)
{
    harness t;
    as_guest(&t, "en");
    open_item(&t, "count");
    assert_true(harness_has_text(&t, "Your number (local governments)"));
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Type a number first."));
    harness_type(&t, "1x");   /* a letter is not taken */
    harness_type(&t, " 4");
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 0), "1 4");
    assert_true(harness_has_text(&t, "Not a number yet"));
    harness_key(&t, HRC_IN_BACKSPACE);
    harness_key(&t, HRC_IN_BACKSPACE);
    harness_type(&t, "4");
    assert_false(harness_has_text(&t, "Read as"));
    harness_key(&t, HRC_IN_ACTIVATE); /* Enter in the only field checks */
    assert_true(harness_has_text(&t, "Not right."));
    assert_true(harness_has_text(&t, "Right answer: 15 local governments"));
    assert_true(harness_has_text(&t, "14 local governments"));
    harness_stop(&t);

    /* In French a comma is the decimal mark, and is read so. */
    as_guest(&t, "fr");
    open_item(&t, "share");
    harness_type(&t, "2,75");
    assert_true(harness_has_text(&t, "2,75"));
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(shown_item(&t)->checked);
    assert_true(shown_item(&t)->score >= 1.0);
    /* Recorded with "." for decimals; shown with the learner's mark. */
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 0), "2.75");
    assert_true(harness_has_text(&t, "2,75"));
    harness_stop(&t);
}

/* The quiz screens at every size, with fields typed into and checked. */
static void typed_questions_fit_every_size(void **state)
{
    harness t;
    as_guest(&t, "en");
    open_item(&t, "typed");
    harness_type(&t, "A long answer typed into the first blank, to see it wrap");
    harness_check_all_sizes(&t, 2, true);
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_type(&t, "2019");
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_check_all_sizes(&t, 2, true);
    harness_activate_label(&t, "Next question");
    harness_check_all_sizes(&t, 2, true);
    harness_stop(&t);
}

/* ---- Kept across leaving and restarts ------------------------------------ */

static hrc_progress *open_store(void)
{
    hrc_progress *s = NULL;
    assert_int_equal(hrc_progress_open(harness_store_dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL),
                     HRC_PROGRESS_OK);
    return s;
}

/* Each run of the player has a seed of its own (the time it started):
 * what a recorded learner resumes must not depend on it. */
static void start_signed_up(harness *t, hrc_progress *store, const char *name)
{
    harness_start_course(t, COURSE, &(hrc_app_config){.progress = store, .seed = 1111});
    harness_activate_label(t, "I am new here");
    harness_type(t, name);
    harness_key(t, HRC_IN_ACTIVATE);
    harness_activate_label(t, "Continue without a PIN"); /* offered, not required */
}

static void start_signed_in(harness *t, hrc_progress *store, const char *name)
{
    static uint64_t run = 2222;
    harness_start_course(t, COURSE, &(hrc_app_config){.progress = store, .seed = run++});
    harness_activate_label(t, name);
}

static void answers_and_draw_survive_a_restart(void **state)
{
    hrc_progress *store = open_store();
    harness t;
    start_signed_up(&t, store, "Ama");
    /* The fill-in: one blank of two right, recorded. */
    open_item(&t, "typed");
    harness_type(&t, "Gen\xc3\xa8ve");
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_type(&t, "2018");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "Partly right."));
    /* The pool: two of five questions, the first answered. */
    open_item(&t, "pool");
    assert_true(harness_has_text(&t, "Question 1 of 2"));
    char first[32], second[32];
    snprintf(first, sizeof first, "%s", hrc_app_current_id(t.app, NULL, NULL));
    const hrc_quiz_item *it = shown_item(&t);
    const char *right = it->q->gaps[0].accepts[0].text;
    harness_type(&t, right);
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "Right!"));
    harness_activate_label(&t, "Next question");
    snprintf(second, sizeof second, "%s", hrc_app_current_id(t.app, NULL, NULL));
    assert_string_not_equal(first, second);
    harness_type(&t, "half typed"); /* not checked: not recorded */
    harness_stop(&t);

    /* Restarts (or power cuts), each run with a seed of its own: the same
     * draw every time, the learner back at the second question. */
    for (int run = 0; run < 6; run++) {
        start_signed_in(&t, store, "Ama");
        open_item(&t, "pool");
        assert_true(harness_has_text(&t, "Question 2 of 2"));
        assert_string_equal(hrc_app_current_id(t.app, NULL, NULL), second);
        if (run < 5)
            harness_stop(&t);
    }
    assert_string_equal(hrc_response_field(&shown_item(&t)->response, 0), "");
    harness_type(&t, "wrong");
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_activate_label(&t, "See results");
    assert_true(harness_has_text(&t, "Your score: 50%"));
    /* The first question drawn came back from the record, answered. */
    assert_true(harness_has_text(&t, "Question 1: right, 100%"));
    assert_true(harness_has_text(&t, "Question 2: not right, 0%"));
    harness_activate_label(&t, "Review the questions I missed");
    assert_true(harness_has_text(&t, "Your answer: wrong"));
    harness_stop(&t);

    /* The fill-in's typed answers came back too: shown on its results. */
    start_signed_in(&t, store, "Ama");
    open_item(&t, "typed");
    assert_true(harness_has_text(&t, "Question 2 of 3"));
    harness_type(&t, "15");
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_activate_label(&t, "Next question");
    harness_type(&t, "3");
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_activate_label(&t, "See results");
    assert_true(harness_has_text(&t, "Question 1: partly right, 1 of 2 blanks right: 50%."));
    harness_activate_label(&t, "Review the questions I missed");
    assert_true(harness_has_text(&t, "Your answer: Gen\xc3\xa8ve; 2018"));
    assert_true(harness_has_text(&t, "Right answer: Geneva; 2019"));
    harness_stop(&t);
    hrc_progress_close(store);
}

/* ---- The timeline ------------------------------------------------------- */

static bool same_color(hrc_color a, hrc_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* The marker target of the event whose label contains `text`. */
static hrc_rect marker(const harness *t, const char *text)
{
    int i = harness_find_target(t, text);
    if (i < 0)
        fail_msg("no marker \"%s\"", text);
    return t->list.targets[i].rect;
}

/* A filled rect of colour c inside r (or, with wide, at least w wide and
 * starting near r's centre). */
static bool rect_in(const harness *t, hrc_color c, hrc_rect r)
{
    for (size_t i = 0; i < t->list.count; i++) {
        const hrc_draw_cmd *d = &t->list.cmds[i];
        if (d->kind == HRC_DRAW_RECT && same_color(d->color, c) && hrc_rect_contains(r, d->rect) &&
            d->rect.w > 2 && d->rect.h > 2)
            return true;
    }
    return false;
}

static void periods_and_plans_on_the_timeline(void **state)
{
    harness t;
    as_guest(&t, "en");
    open_item(&t, "tl");
    const hrc_palette *p = hrc_palette_get(false);
    /* Markers say what they are in words: the period, the plan. */
    hrc_rect years = marker(&t, "2014\xe2\x80\x93" "2018: Four years of work");
    hrc_rect days = marker(&t, "10\xe2\x80\x93" "14 October 2022: Five days of forum");
    hrc_rect plan = marker(&t, "Planned \xc2\xb7 2026: A meeting foreseen");
    hrc_rect goal = marker(&t, "Target \xc2\xb7 2030: One thousand cities");
    hrc_rect done = marker(&t, "2011: A one-day event");
    /* A period: a bar of the marker's colour from its start to its end
     * (2014 to the end of 2018: four years and more, at this zoom). */
    hrc_rect one_year = marker(&t, "2011:"); /* 2011 to 2014: three years */
    int per_year = (years.x - one_year.x) / 3;
    bool bar = false;
    for (size_t i = 0; i < t.list.count; i++) {
        const hrc_draw_cmd *d = &t.list.cmds[i];
        bar |= d->kind == HRC_DRAW_RECT && same_color(d->color, p->marker) &&
               abs(d->rect.x - (years.x + years.w / 2)) <= 2 &&
               abs(d->rect.w - 5 * per_year) <= per_year / 4 + 2 && d->rect.h < years.h / 3;
    }
    assert_true(bar);
    (void)days;
    /* Planned and target: hollow, the canvas showing through; the others
     * filled. */
    assert_true(rect_in(&t, p->surface, plan));
    assert_true(rect_in(&t, p->surface, goal));
    assert_false(rect_in(&t, p->surface, done));
    assert_false(rect_in(&t, p->surface, years));
    /* The explanation on the timeline's first screen. */
    assert_true(harness_has_text(&t, "A bar shows a period"));
    /* The text below the canvas says it in words. */
    harness_click(&t, "Target \xc2\xb7 2030");
    assert_true(harness_has_text(&t, "Target \xc2\xb7 2030"));
    assert_true(harness_has_text(&t, "One thousand cities"));
    harness_key(&t, HRC_IN_LEFT);
    assert_true(harness_has_text(&t, "Planned \xc2\xb7 2026"));
    harness_key(&t, HRC_IN_LEFT);
    assert_true(harness_has_text(&t, "10\xe2\x80\x93" "14 October 2022"));
    /* Zoomed in on the five days, their bar shows. */
    for (int i = 0; i < 6; i++)
        harness_key(&t, HRC_IN_ZOOM_IN);
    days = marker(&t, "Five days of forum");
    bar = false;
    for (size_t i = 0; i < t.list.count; i++) {
        const hrc_draw_cmd *d = &t.list.cmds[i];
        bar |= d->kind == HRC_DRAW_RECT && same_color(d->color, p->selected) &&
               abs(d->rect.x - (days.x + days.w / 2)) <= 2 && d->rect.w >= 3 &&
               d->rect.h < days.h / 3;
    }
    assert_true(bar);
    harness_check_all_sizes(&t, 1, false);
    harness_stop(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fillin_by_keyboard),
        cmocka_unit_test(fillin_by_pointer),
        cmocka_unit_test(typed_by_touch_alone_on_a_kiosk),
        cmocka_unit_test(numeric_answers),
        cmocka_unit_test(typed_questions_fit_every_size),
        cmocka_unit_test_teardown(answers_and_draw_survive_a_restart, harness_store_clear),
        cmocka_unit_test(periods_and_plans_on_the_timeline),
    };
    return cmocka_run_group_tests(tests, harness_store_dir_make, harness_store_dir_remove);
}
