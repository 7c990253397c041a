/*
 * The quiz as a learner sees it after the design review: a right answer
 * missed is told apart from one picked right and one picked wrong by its
 * mark, its border and in words; rows never grow or move when an answer
 * is picked or checked; the question's place stays put in the bar; Start
 * over is away from the main action; one verdict, partial credit in plain
 * counts; a labelled progress bar; matching and ordering by pointer and
 * by keyboard at every size.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "screens/icons.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every text of the frame, lines joined by spaces (wrapped sentences). */
static const char *all_text(const harness *t)
{
    static char out[32768];
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < t->list.count && at + 2 < sizeof out; i++) {
        if (t->list.cmds[i].kind != HRC_DRAW_TEXT)
            continue;
        int n = snprintf(out + at, sizeof out - at, "%s ", t->list.cmds[i].text);
        if (n > 0)
            at = at + (size_t)n < sizeof out ? at + (size_t)n : sizeof out - 1;
    }
    return out;
}

/* How many texts of the frame contain s. */
static int count_text(const harness *t, const char *s)
{
    int n = 0;
    for (size_t i = 0; i < t->list.count; i++)
        if (t->list.cmds[i].kind == HRC_DRAW_TEXT && strstr(t->list.cmds[i].text, s))
            n++;
    return n;
}

/* The rectangle of the text exactly s, or {0}. */
static hrc_rect text_rect(const harness *t, const char *s)
{
    for (size_t i = 0; i < t->list.count; i++)
        if (t->list.cmds[i].kind == HRC_DRAW_TEXT && strcmp(t->list.cmds[i].text, s) == 0)
            return t->list.cmds[i].rect;
    return (hrc_rect){0, 0, 0, 0};
}

static hrc_rect target_rect(const harness *t, const char *label)
{
    int i = harness_find_target(t, label);
    assert_true(i >= 0);
    return t->list.targets[i].rect;
}

static const char *target_state(const harness *t, const char *label)
{
    int i = harness_find_target(t, label);
    assert_true(i >= 0);
    return t->list.targets[i].state ? t->list.targets[i].state : "";
}

static void assert_same_rect(hrc_rect a, hrc_rect b)
{
    assert_int_equal(a.x, b.x);
    assert_int_equal(a.y, b.y);
    assert_int_equal(a.w, b.w);
    assert_int_equal(a.h, b.h);
}

static void open_quiz(harness *t)
{
    harness_start(t, NULL);
    harness_click(t, "Continue as guest");
    harness_click(t, "Module 1");
    harness_click(t, "\xc2\xb7 Quiz");
    assert_true(harness_has_text(t, "Question 1 of 5"));
}

static void missed_picked_and_wrong_are_told_apart(void **state)
{
    (void)state;
    harness t;
    open_quiz(&t);
    harness_click(&t, "The right one");
    harness_click(&t, "Check answer");
    harness_click(&t, "Next question");
    /* Right A picked (right), Wrong B picked (wrong), Right C missed. */
    harness_click(&t, "Right A");
    harness_click(&t, "Wrong B");
    harness_click(&t, "Check answer");
    assert_string_equal(target_state(&t, "Right A"), "your answer, right");
    assert_string_equal(target_state(&t, "Wrong B"), "your answer, not right");
    assert_string_equal(target_state(&t, "Right C"), "right answer you missed");
    /* In words on screen, and three different marks. */
    assert_int_equal(count_text(&t, "Your answer"), 2);
    assert_int_equal(count_text(&t, "Right answer you missed"), 1);
    assert_true(harness_has_text(&t, ICON_RIGHT));
    assert_true(harness_has_text(&t, ICON_WRONG));
    assert_true(harness_has_text(&t, ICON_MISSED));
    harness_check_all_sizes(&t, 1, true);
    harness_stop(&t);
}

static void rows_stay_put_when_picked_and_checked(void **state)
{
    (void)state;
    harness t;
    open_quiz(&t);
    static const char *const choices[] = {"The wrong one", "The right one",
                                          "Another wrong one"};
    hrc_rect before[3], picked[3], checked[3];
    hrc_rect place = text_rect(&t, "Question 1 of 5");
    assert_true(place.w > 0);
    for (int i = 0; i < 3; i++)
        before[i] = target_rect(&t, choices[i]);
    harness_click(&t, "The wrong one");
    for (int i = 0; i < 3; i++)
        picked[i] = target_rect(&t, choices[i]);
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Not right."));
    for (int i = 0; i < 3; i++)
        checked[i] = target_rect(&t, choices[i]);
    for (int i = 0; i < 3; i++) {
        assert_same_rect(before[i], picked[i]);
        assert_same_rect(before[i], checked[i]);
    }
    /* The question's place in the bar has not moved with the buttons. */
    assert_same_rect(place, text_rect(&t, "Question 1 of 5"));
    harness_click(&t, "Next question");
    hrc_rect next = text_rect(&t, "Question 2 of 5");
    assert_int_equal(next.y, place.y);
    assert_true(abs(next.x - place.x) <= 2);
    harness_stop(&t);
}

static void start_over_is_away_from_the_main_action(void **state)
{
    (void)state;
    harness t;
    open_quiz(&t);
    /* Nothing answered yet: nothing to start over. */
    assert_int_equal(harness_find_target(&t, "Start over"), -1);
    harness_click(&t, "The right one");
    harness_click(&t, "Check answer");
    hrc_rect main = target_rect(&t, "Next question");
    int so = harness_find_target(&t, "Start over");
    assert_true(so >= 0);
    hrc_rect r = t.list.targets[so].rect;
    /* In the quiz's header, not beside Next question in the bar. */
    assert_true(r.y + r.h < main.y - t.h / 3);
    /* And it asks first. */
    harness_click(&t, "Start over");
    assert_true(harness_has_text(&t, "Start this quiz over?"));
    harness_stop(&t);
}

static void one_verdict_and_plain_partial_credit(void **state)
{
    (void)state;
    harness t;
    open_quiz(&t);
    harness_click(&t, "The right one");
    harness_click(&t, "Check answer");
    assert_int_equal(count_text(&t, "Right!"), 1);
    assert_int_equal(count_text(&t, "Correct"), 0);
    assert_true(harness_has_text(&t, "Yes.")); /* what the module says of it */
    harness_click(&t, "Next question");
    harness_click(&t, "Right A");
    harness_click(&t, "Check answer");
    assert_int_equal(count_text(&t, "Partly right."), 1);
    assert_int_equal(count_text(&t, "Right!"), 0);
    assert_int_equal(count_text(&t, "Not right."), 0);
    assert_non_null(strstr(all_text(&t), "1 of 2 right answers picked: 50%."));
    harness_stop(&t);
}

static void the_progress_bar_is_labelled(void **state)
{
    (void)state;
    harness t;
    open_quiz(&t);
    assert_true(harness_has_text(&t, "Question 1 of 5 \xc2\xb7 0 of 5 answered"));
    harness_click(&t, "The right one");
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Question 1 of 5 \xc2\xb7 1 of 5 answered"));
    harness_stop(&t);
}

/* Ordering and matching at every size, before and after checking; the
 * matching slot says what to do and keeps its row's height once filled. */
static void ordering_and_matching_fit_and_keep_their_rows(void **state)
{
    (void)state;
    harness t;
    open_quiz(&t);
    harness_click(&t, "The right one");
    harness_click(&t, "Check answer");
    harness_click(&t, "Next question");
    harness_click(&t, "Right A");
    harness_click(&t, "Check answer");
    harness_click(&t, "Next question");
    harness_click(&t, "True");
    harness_click(&t, "Check answer");
    harness_click(&t, "Next question");
    assert_true(harness_has_text(&t, "Put these in order."));
    harness_check_all_sizes(&t, 1, true);
    harness_click(&t, "Check answer");
    harness_check_all_sizes(&t, 1, true);
    harness_click(&t, "Next question");
    assert_true(harness_has_text(&t, "Match the pairs."));
    assert_true(harness_has_text(&t, "Choose a match"));
    int cat = harness_find_target(&t, "Cat");
    assert_true(cat >= 0);
    hrc_rect empty = t.list.targets[cat].rect;
    harness_click(&t, "Cat");
    assert_true(harness_has_text(&t, "Now choose its match below"));
    harness_click(&t, "Meow");
    cat = harness_find_target(&t, "Cat");
    assert_same_rect(empty, t.list.targets[cat].rect);
    harness_check_all_sizes(&t, 1, true);
    harness_stop(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missed_picked_and_wrong_are_told_apart),
        cmocka_unit_test(rows_stay_put_when_picked_and_checked),
        cmocka_unit_test(start_over_is_away_from_the_main_action),
        cmocka_unit_test(one_verdict_and_plain_partial_credit),
        cmocka_unit_test(the_progress_bar_is_labelled),
        cmocka_unit_test(ordering_and_matching_fit_and_keep_their_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
