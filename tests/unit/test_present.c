/* Presenter mode (screens/present.h) on a real progress store in a
 * temporary folder: a group of five answered the fixture's quiz, a learner
 * of no group answered everything right. The order on screen is
 * core/itemstats.h's, each question goes question -> answer -> the room's
 * answers -> the next, the bars carry the counts, B blanks the screen, and
 * all of it works by keyboard alone and by touch alone, at every size. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "core/itemstats.h"
#include "io/progress.h"
#include "screens/goto.h"
#include "screens/icons.h"
#include "screens/present.h"
#include "screens/ui.h" /* the navigation stack: which screen is on top */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MODULE "screens-fixture"

static char tmp[64];
static hrc_progress *store;
static int64_t group_id;

/* One learner's first answers to the fixture's quiz: responses as the
 * quiz screen records them (core/quiz.h), NULL for a question skipped. */
typedef struct answers {
    const char *qs, *qm, *qt, *qo, *qx;
} answers;

static void answer(int64_t learner, const char *question, const char *response, bool right)
{
    if (!response)
        return;
    hrc_module_ref ref = {MODULE, 1, NULL};
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(store, learner, &ref, &session), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_record_answer(store, &session, question, 1, response, right,
                                                right ? 1.0 : 0.0, 0, 1, 1000, NULL),
                     HRC_PROGRESS_OK);
}

static void learner(const char *name, int64_t group, const answers *a)
{
    int64_t id;
    assert_int_equal(hrc_progress_add_learner(store, name, NULL, NULL, &id), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_learner_group(store, id, group), HRC_PROGRESS_OK);
    answer(id, "qs", a->qs, a->qs && strcmp(a->qs, "b") == 0);
    answer(id, "qm", a->qm, a->qm && strcmp(a->qm, "a,c") == 0);
    answer(id, "qt", a->qt, a->qt && strcmp(a->qt, "true") == 0);
    answer(id, "qo", a->qo, a->qo && strcmp(a->qo, "one,two,three") == 0);
    answer(id, "qx", a->qx, a->qx && strcmp(a->qx, "p1=p1,p2=p2,p3=p3") == 0);
}

/*
 * The group of five: true/false all wrong (hardest), the single choice
 * right twice (a: 3, b: 2, c: 0), the ordering three times, the multiple
 * choice four times; nobody of the group matched the pairs (last).
 */
static int setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/hrc-present-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    if (hrc_progress_open(tmp, HRC_PROGRESS_OPEN_FACILITATOR | HRC_PROGRESS_OPEN_FAST_PIN_HASH,
                          &store, NULL) != HRC_PROGRESS_OK)
        return -1;
    if (hrc_progress_setup_facilitator_pin(store, "2468") != HRC_PROGRESS_OK ||
        hrc_progress_add_group(store, "Rouen, 12 March", "2026-03-12", &group_id) !=
            HRC_PROGRESS_OK)
        return -1;
    static const answers group[] = {
        {"a", "a,c", "false", "one,two,three", NULL},
        {"a", "a,c", "false", "two,one,three", NULL},
        {"a", "a,c", "false", "one,two,three", NULL},
        {"b", "a,c", "false", "two,one,three", NULL},
        {"b", "a,b", "false", "one,two,three", NULL},
    };
    static const char *const names[] = {"Zoé Martín", "Ali Ben Salah", "Marie Dupont",
                                        "Jean-Luc Müller", "Lucía García"};
    for (size_t i = 0; i < 5; i++)
        learner(names[i], group_id, &group[i]);
    static const answers all_right = {"b", "a,c", "true", "one,two,three", "p1=p1,p2=p2,p3=p3"};
    learner("Kwame Mensah", 0, &all_right);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    hrc_progress_close(store);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

/* Presenter mode as `hrc-player --present --group ...` starts it. */
static void start(harness *t, int64_t group)
{
    hrc_app_config cfg = {.progress = store, .present = true, .present_group = group};
    harness_start(t, &cfg);
}

static const char *shown_id(const harness *t)
{
    const char *id = hrc_app_current_id(t->app, NULL, NULL);
    return id ? id : "";
}

static const char *main_label(const harness *t)
{
    return t->app->main_target >= 0 && t->app->main_target < (int)t->list.n_targets
               ? t->list.targets[t->app->main_target].label
               : "";
}

static size_t count_text(const harness *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->list.count; i++)
        n += t->list.cmds[i].kind == HRC_DRAW_TEXT;
    return n;
}

/* The tick of a right answer is on screen. */
static bool ticked(const harness *t)
{
    return harness_has_text(t, ICON_RIGHT);
}

/* The top of the first line of text holding `text`, or -1. */
static int text_y(const harness *t, const char *text)
{
    for (size_t i = 0; i < t->list.count; i++)
        if (t->list.cmds[i].kind == HRC_DRAW_TEXT && strcmp(t->list.cmds[i].text, text) == 0)
            return t->list.cmds[i].rect.y;
    return -1;
}

/* The order on screen is the item statistics' order, hardest first. */
static void order_is_the_statistics(void **state)
{
    (void)state;
    hrc_itemstats *st = NULL;
    harness t;
    start(&t, group_id);
    assert_int_equal(hrc_progress_item_stats(store, t.course, group_id, &st), HRC_PROGRESS_OK);
    const hrc_item_stat *items;
    size_t n;
    assert_int_equal(hrc_itemstats_compute(st, &items, &n), 0);
    assert_int_equal(n, 5);
    /* Worked out from the answers above. */
    static const char *const expected[] = {"qt", "qs", "qo", "qm", "qx"};
    char line[64];
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(items[i].question->id, expected[i]);
        assert_string_equal(shown_id(&t), items[i].question->id);
        snprintf(line, sizeof line, "Question %zu of %zu", i + 1, n);
        assert_true(harness_has_text(&t, line));
        assert_true(harness_has_text(&t, "Rouen, 12 March"));
        /* Nobody of the group matched the pairs: said from the start. */
        assert_int_equal(harness_has_text(&t, "no answers yet"), items[i].answered == 0);
        for (int step = 0; step < 3; step++)
            harness_key(&t, HRC_IN_PAGE_DOWN);
    }
    assert_true(harness_has_text(&t, "End of the questions"));
    assert_string_equal(main_label(&t), "Back to the first question");
    harness_key(&t, HRC_IN_PAGE_DOWN); /* nothing after the end */
    assert_true(harness_has_text(&t, "End of the questions"));
    hrc_itemstats_free(st);
    harness_stop(&t);

    /* Everyone: the learner of no group matched the pairs, right. */
    start(&t, HRC_GROUP_ALL);
    assert_true(harness_has_text(&t, "All learners"));
    assert_string_equal(shown_id(&t), "qt");
    harness_key(&t, HRC_IN_END);
    assert_string_equal(shown_id(&t), "qx"); /* 1 of 1 right: the easiest */
    assert_false(harness_has_text(&t, "no answers yet"));
    harness_stop(&t);
}

/* Question, then the answer, then the room's answers, then the next. */
static void reveal_sequence(void **state)
{
    (void)state;
    harness t;
    start(&t, group_id);
    /* 1. The question and its choices, nothing marked, no figures. */
    assert_string_equal(shown_id(&t), "qt");
    assert_true(harness_has_text(&t, "This statement is true."));
    assert_true(harness_has_text(&t, "True"));
    assert_true(harness_has_text(&t, "False"));
    assert_false(ticked(&t));
    assert_false(harness_has_text(&t, "%"));
    assert_string_equal(main_label(&t), "Reveal the answer");
    /* 2. The answer: True, ticked; still no figures. */
    harness_key(&t, HRC_IN_PAGE_DOWN);
    assert_string_equal(shown_id(&t), "qt");
    assert_true(ticked(&t));
    assert_true(harness_has_text(&t, "It was true.")); /* the explanation */
    assert_false(harness_has_text(&t, "%"));
    assert_string_equal(main_label(&t), "Show how the room answered");
    /* 3. The room: everyone said False. */
    harness_key(&t, HRC_IN_PAGE_DOWN);
    assert_true(ticked(&t));
    assert_true(harness_has_text(&t, "5 learners answered"));
    assert_true(harness_has_text(&t, "0 \xc2\xb7 0%"));
    assert_true(harness_has_text(&t, "5 \xc2\xb7 100%"));
    assert_true(text_y(&t, "0 \xc2\xb7 0%") < text_y(&t, "5 \xc2\xb7 100%"));
    assert_string_equal(main_label(&t), "Next question");
    /* 4. The next question, from its first step. */
    harness_key(&t, HRC_IN_PAGE_DOWN);
    assert_string_equal(shown_id(&t), "qs");
    assert_false(ticked(&t));
    assert_string_equal(main_label(&t), "Reveal the answer");
    /* Back: the room's answers of the one before, then its answer. */
    harness_key(&t, HRC_IN_PAGE_UP);
    assert_string_equal(shown_id(&t), "qt");
    assert_true(harness_has_text(&t, "5 \xc2\xb7 100%"));
    harness_key(&t, HRC_IN_LEFT);
    assert_false(harness_has_text(&t, "%"));
    assert_true(ticked(&t));
    /* Home: the first question, first step. */
    harness_key(&t, HRC_IN_RIGHT);
    harness_key(&t, HRC_IN_RIGHT);
    harness_key(&t, HRC_IN_HOME);
    assert_string_equal(shown_id(&t), "qt");
    assert_false(ticked(&t));

    /* The ordering question: mixed before, the right order after, then the
     * right order and the wrong one given most side by side. */
    for (int i = 0; i < 6; i++)
        harness_key(&t, HRC_IN_PAGE_DOWN);
    assert_string_equal(shown_id(&t), "qo");
    int one = text_y(&t, "One"), two = text_y(&t, "Two");
    assert_true(one >= 0 && two >= 0);
    assert_true(two < one || text_y(&t, "Three") < one); /* not in the right order */
    harness_key(&t, HRC_IN_PAGE_DOWN);
    assert_true(harness_has_text(&t, "The right order:"));
    assert_true(text_y(&t, "One") < text_y(&t, "Two"));
    assert_true(text_y(&t, "Two") < text_y(&t, "Three"));
    harness_key(&t, HRC_IN_PAGE_DOWN);
    assert_true(harness_has_text(&t, "3 right on the first try (60%)"));
    assert_true(harness_has_text(&t, "Given most, by 2 learners:"));
    assert_true(harness_has_text(&t, ICON_WRONG));
    harness_stop(&t);
}

/* The bars say what core/itemstats.h counted, each under its choice. */
static void bars_are_the_counts(void **state)
{
    (void)state;
    harness t;
    start(&t, group_id);
    for (int i = 0; i < 5; i++) /* the single choice question's room */
        harness_key(&t, HRC_IN_PAGE_DOWN);
    assert_string_equal(shown_id(&t), "qs");
    hrc_itemstats *st = NULL;
    assert_int_equal(hrc_progress_item_stats(store, t.course, group_id, &st), HRC_PROGRESS_OK);
    const hrc_item_stat *items;
    size_t n;
    assert_int_equal(hrc_itemstats_compute(st, &items, &n), 0);
    const hrc_item_stat *qs = &items[1];
    assert_string_equal(qs->question->id, "qs");
    static const char *const texts[] = {"The wrong one", "The right one", "Another wrong one"};
    static const size_t worked_out[] = {3, 2, 0};
    for (size_t c = 0; c < 3; c++) {
        assert_int_equal(qs->choice_counts[c], worked_out[c]);
        char figure[64];
        snprintf(figure, sizeof figure, "%zu \xc2\xb7 %d%%", qs->choice_counts[c],
                 (int)(100 * qs->choice_counts[c] / qs->answered));
        int y = text_y(&t, figure), top = text_y(&t, texts[c]);
        assert_true(y > top);
        if (c + 1 < 3)
            assert_true(y < text_y(&t, texts[c + 1]));
    }
    assert_true(harness_has_text(&t, "5 learners answered \xc2\xb7 2 right on the first try "
                                     "(40%)"));
    hrc_itemstats_free(st);
    harness_stop(&t);
}

/* B blanks the screen to black, with no text at all; a step key, B again
 * or a tap shows the slide again as it was. */
static void blank_screen(void **state)
{
    (void)state;
    harness t;
    start(&t, group_id);
    harness_key(&t, HRC_IN_PAGE_DOWN); /* the answer */
    harness_key(&t, HRC_IN_BLANK);
    assert_int_equal(count_text(&t), 0);
    for (size_t i = 0; i < t.list.count; i++) {
        const hrc_draw_cmd *c = &t.list.cmds[i];
        if (c->kind == HRC_DRAW_RECT && c->rect.w == t.w && c->rect.h == t.h && c->color.r == 0 &&
            c->color.g == 0 && c->color.b == 0)
            goto black;
    }
    fail_msg("no black rectangle over the screen");
black:
    assert_int_equal(t.list.n_targets, 1); /* a tap anywhere */
    assert_false(t.list.targets[0].focused);
    harness_key(&t, HRC_IN_PAGE_DOWN); /* shown again, not stepped */
    assert_true(ticked(&t));
    assert_false(harness_has_text(&t, "%"));
    harness_key(&t, HRC_IN_BLANK);
    assert_int_equal(count_text(&t), 0);
    harness_key(&t, HRC_IN_BLANK);
    assert_true(ticked(&t));
    /* Escape on a blank screen shows it again; it does not leave. */
    harness_key(&t, HRC_IN_BLANK);
    assert_false(harness_key(&t, HRC_IN_BACK) & HRC_APP_QUIT);
    assert_true(ticked(&t));
    harness_stop(&t);
}

/* A presentation remote: Page Down, Page Up, B and Escape, and a keyboard:
 * Enter and Space, Right and Left, Home and End, Tab. */
static void keyboard_alone(void **state)
{
    (void)state;
    harness t;
    start(&t, group_id);
    harness_key(&t, HRC_IN_ACTIVATE); /* Enter or Space: the next step */
    assert_true(ticked(&t));
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "%"));
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_string_equal(shown_id(&t), "qs");
    /* Tab to Previous, and Enter does it. */
    assert_true(harness_tab_to(&t, "Previous"));
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_string_equal(shown_id(&t), "qt");
    assert_true(harness_has_text(&t, "%"));
    harness_key(&t, HRC_IN_END);
    assert_string_equal(shown_id(&t), "qx");
    /* Escape asks first: any other key stays, Escape again quits. */
    assert_false(harness_key(&t, HRC_IN_BACK) & HRC_APP_QUIT);
    assert_true(harness_has_text(&t, "Quit presenter mode? Escape again quits."));
    assert_false(harness_key(&t, HRC_IN_PAGE_DOWN) & HRC_APP_QUIT);
    assert_false(harness_has_text(&t, "Quit presenter mode?"));
    assert_false(ticked(&t)); /* the key only answered the question */
    harness_key(&t, HRC_IN_BACK);
    assert_false(harness_key(&t, HRC_IN_ACTIVATE) & HRC_APP_QUIT); /* Space: stay */
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_key(&t, HRC_IN_BACK) & HRC_APP_QUIT);
    harness_stop(&t);
}

/* A touch screen: the bar's buttons, and a tap on the blank screen. */
static void touch_alone(void **state)
{
    (void)state;
    harness t;
    start(&t, group_id);
    harness_tap_exact(&t, "Reveal the answer");
    assert_true(ticked(&t));
    harness_tap_exact(&t, "Show how the room answered");
    assert_true(harness_has_text(&t, "5 \xc2\xb7 100%"));
    harness_tap_exact(&t, "Next question");
    assert_string_equal(shown_id(&t), "qs");
    harness_tap_exact(&t, "Previous");
    assert_string_equal(shown_id(&t), "qt");
    harness_tap_exact(&t, "Blank screen");
    assert_int_equal(count_text(&t), 0);
    harness_tap_exact(&t, "Show the screen again");
    assert_true(harness_has_text(&t, "5 \xc2\xb7 100%"));
    /* The way out: Quit, at once (a deliberate tap). */
    int i = harness_find_exact(&t, "Quit");
    assert_true(i >= 0);
    hrc_rect r = t.list.targets[i].rect;
    harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = r.x + r.w / 2,
                                  .y = r.y + r.h / 2, .touch = true});
    unsigned eff = harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = r.x + r.w / 2,
                                                 .y = r.y + r.h / 2, .touch = true});
    assert_true(eff & HRC_APP_QUIT);
    harness_stop(&t);
}

/* Every step of every kind of question at every size, in English and in
 * French: nothing cut, targets large enough, the next step on screen. */
static void every_size(void **state)
{
    (void)state;
    static const char *const langs[] = {"en", "fr"};
    for (size_t l = 0; l < 2; l++) {
        for (int at = 0; at < 16; at++) {
            harness t;
            hrc_app_config cfg = {.progress = store, .present = true, .present_group = group_id,
                                  .lang = langs[l]};
            harness_start(&t, &cfg);
            for (int k = 0; k < at; k++)
                harness_key(&t, HRC_IN_PAGE_DOWN);
            /* Page count 0: the screen is left at its step between sizes. */
            harness_check_all_sizes(&t, 0, true);
            harness_stop(&t);
        }
    }
    harness t;
    start(&t, group_id);
    harness_key(&t, HRC_IN_BLANK);
    harness_check_all_sizes(&t, 0, false);
    harness_stop(&t);
}

/* Opened from the facilitator's screens: Escape goes back there. In a
 * kiosk, no idle prompt over a discussion, but after the idle time Escape
 * goes to sign-in, not back to the unlocked facilitator screen. */
static hrc_screen screen_of(const harness *t)
{
    return hrc_nav_top_const(&t->app->nav)->screen;
}

static void opened_from_the_app(void **state)
{
    (void)state;
    harness t;
    hrc_app_config cfg = {.progress = store, .kiosk = true, .idle_timeout_s = 60};
    harness_start(&t, &cfg);
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_int_equal(screen_of(&t), HRC_SCREEN_FACILITATOR);
    /* The facilitator's PIN unlocks the store (the screen locks it). */
    assert_int_equal(hrc_progress_check_facilitator_pin(store, "2468"), HRC_PROGRESS_OK);
    presenter_open(t.app, group_id);
    harness_draw(&t);
    assert_string_equal(shown_id(&t), "qt");
    assert_false(harness_has_text(&t, "the facilitator PIN is needed"));
    assert_true(harness_find_exact(&t, "Leave presenter mode") >= 0);
    assert_true(harness_find_exact(&t, "Quit") < 0);
    unsigned eff = harness_key(&t, HRC_IN_BACK);
    assert_false(eff & HRC_APP_QUIT);
    assert_int_equal(screen_of(&t), HRC_SCREEN_FACILITATOR);

    /* Again, and a long discussion: no prompt, then sign-in. */
    presenter_open(t.app, group_id);
    harness_draw(&t);
    harness_key(&t, HRC_IN_PAGE_DOWN);
    for (int i = 0; i < 5; i++)
        harness_wait(&t, 30000);
    assert_false(harness_has_text(&t, "Are you still there?"));
    assert_int_equal(screen_of(&t), HRC_SCREEN_PRESENT);
    assert_true(ticked(&t));
    harness_key(&t, HRC_IN_BACK);
    assert_int_equal(screen_of(&t), HRC_SCREEN_SIGNIN);
    assert_false(hrc_progress_is_unlocked(store));
    harness_stop(&t);
    assert_int_equal(hrc_progress_check_facilitator_pin(store, "2468"), HRC_PROGRESS_OK);
}

/* A locked store gives no figures, and says why. */
static void locked_store(void **state)
{
    (void)state;
    hrc_progress_lock(store);
    harness t;
    start(&t, group_id);
    assert_true(harness_has_text(&t, "the facilitator PIN is needed"));
    harness_key(&t, HRC_IN_PAGE_DOWN);
    harness_key(&t, HRC_IN_PAGE_DOWN);
    assert_false(harness_has_text(&t, "learners answered"));
    harness_stop(&t);
    assert_int_equal(hrc_progress_check_facilitator_pin(store, "2468"), HRC_PROGRESS_OK);
}

/* Spoken guidance reads the question, the answer and the figures. */
static void spoken(void **state)
{
    (void)state;
    harness t;
    hrc_app_config cfg = {.progress = store, .present = true, .present_group = group_id,
                          .speech = true};
    harness_start(&t, &cfg);
    char said[4096] = "";
    for (size_t i = 0; i < t.list.n_utterances; i++)
        strncat(said, t.list.utterances[i].text, sizeof said - strlen(said) - 1);
    assert_non_null(strstr(said, "Question 1 of 5"));
    assert_non_null(strstr(said, "This statement is true."));
    harness_key(&t, HRC_IN_PAGE_DOWN);
    said[0] = '\0';
    for (size_t i = 0; i < t.list.n_utterances; i++)
        strncat(said, t.list.utterances[i].text, sizeof said - strlen(said) - 1);
    assert_non_null(strstr(said, "Right answer: True"));
    harness_key(&t, HRC_IN_PAGE_DOWN);
    said[0] = '\0';
    for (size_t i = 0; i < t.list.n_utterances; i++)
        strncat(said, t.list.utterances[i].text, sizeof said - strlen(said) - 1);
    assert_non_null(strstr(said, "B: 5 learners, 100%"));
    harness_key(&t, HRC_IN_BLANK);
    said[0] = '\0';
    for (size_t i = 0; i < t.list.n_utterances; i++)
        strncat(said, t.list.utterances[i].text, sizeof said - strlen(said) - 1);
    assert_non_null(strstr(said, "The screen is blank."));
    harness_stop(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(order_is_the_statistics),
        cmocka_unit_test(reveal_sequence),
        cmocka_unit_test(bars_are_the_counts),
        cmocka_unit_test(blank_screen),
        cmocka_unit_test(keyboard_alone),
        cmocka_unit_test(touch_alone),
        cmocka_unit_test(every_size),
        cmocka_unit_test(opened_from_the_app),
        cmocka_unit_test(locked_store),
        cmocka_unit_test(spoken),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
