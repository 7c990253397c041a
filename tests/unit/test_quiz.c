/* Quiz scoring as docs/format-v1.md "Scoring" says, shuffles, attempts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/quiz.h"

#include <math.h>
#include <string.h>

#define EPS 1e-9

static hrc_choice choices_abcd[4] = {
    {.id = "a", .correct = true}, {.id = "b"}, {.id = "c", .correct = true}, {.id = "d"}};

static hrc_question make(hrc_question_kind kind, hrc_scoring scoring, size_t n)
{
    static hrc_pair pairs[4] = {{.id = "p0"}, {.id = "p1"}, {.id = "p2"}, {.id = "p3"}};
    static hrc_choice items[4] = {{.id = "i0"}, {.id = "i1"}, {.id = "i2"}, {.id = "i3"}};
    hrc_question q = {.id = "q", .revision = 1, .kind = kind, .scoring = scoring};
    if (kind == HRC_Q_MATCHING) {
        q.n_pairs = n;
        q.pairs = pairs;
    } else if (kind == HRC_Q_ORDERING) {
        q.n_choices = n;
        q.choices = items;
    } else {
        q.n_choices = n;
        q.choices = choices_abcd;
    }
    return q;
}

static double score(const hrc_question *q, int *slots, size_t n)
{
    hrc_response r = {.n = n, .slot = slots};
    return hrc_question_score(q, &r);
}

static void single_and_truefalse(void **state)
{
    hrc_choice one[3] = {{.id = "x"}, {.id = "y", .correct = true}, {.id = "z"}};
    hrc_question q = {.kind = HRC_Q_SINGLE, .n_choices = 3, .choices = one};
    int s[1] = {1};
    assert_true(fabs(score(&q, s, 1) - 1.0) < EPS);
    s[0] = 0;
    assert_true(fabs(score(&q, s, 1)) < EPS);
    s[0] = -1; /* nothing picked */
    assert_true(fabs(score(&q, s, 1)) < EPS);
    s[0] = 7; /* out of range never crashes and never scores */
    assert_true(fabs(score(&q, s, 1)) < EPS);
    hrc_choice tf[2] = {{.id = "true"}, {.id = "false", .correct = true}};
    hrc_question t = {.kind = HRC_Q_TRUEFALSE, .n_choices = 2, .choices = tf};
    s[0] = 1;
    assert_true(fabs(score(&t, s, 1) - 1.0) < EPS);
    s[0] = 0;
    assert_true(fabs(score(&t, s, 1)) < EPS);
}

static void multiple_all_or_nothing(void **state)
{
    hrc_question q = make(HRC_Q_MULTIPLE, HRC_SCORING_ALL_OR_NOTHING, 4);
    int exact[4] = {1, 0, 1, 0}, missing[4] = {1, 0, 0, 0}, extra[4] = {1, 1, 1, 0};
    assert_true(fabs(score(&q, exact, 4) - 1.0) < EPS);
    assert_true(fabs(score(&q, missing, 4)) < EPS);
    assert_true(fabs(score(&q, extra, 4)) < EPS);
}

static void multiple_partial(void **state)
{
    hrc_question q = make(HRC_Q_MULTIPLE, HRC_SCORING_PARTIAL, 4);
    int exact[4] = {1, 0, 1, 0}, half[4] = {1, 0, 0, 0}, one_each[4] = {1, 1, 0, 0};
    int all[4] = {1, 1, 1, 1}, wrong_only[4] = {0, 1, 0, 1}, none[4] = {0};
    assert_true(fabs(score(&q, exact, 4) - 1.0) < EPS);
    assert_true(fabs(score(&q, half, 4) - 0.5) < EPS);
    assert_true(fabs(score(&q, one_each, 4)) < EPS);       /* (1 - 1) / 2 */
    assert_true(fabs(score(&q, all, 4)) < EPS);            /* (2 - 2) / 2 */
    assert_true(fabs(score(&q, wrong_only, 4)) < EPS);     /* (0 - 2) / 2, floored at 0 */
    assert_true(fabs(score(&q, none, 4)) < EPS);
    int right_plus_wrong[4] = {1, 1, 1, 0};
    assert_true(fabs(score(&q, right_plus_wrong, 4) - 0.5) < EPS); /* (2 - 1) / 2 */
}

static void ordering_both_modes(void **state)
{
    hrc_question all = make(HRC_Q_ORDERING, HRC_SCORING_ALL_OR_NOTHING, 4);
    hrc_question part = make(HRC_Q_ORDERING, HRC_SCORING_PARTIAL, 4);
    int solved[4] = {0, 1, 2, 3}, swapped[4] = {1, 0, 2, 3}, reversed[4] = {3, 2, 1, 0};
    assert_true(fabs(score(&all, solved, 4) - 1.0) < EPS);
    assert_true(fabs(score(&all, swapped, 4)) < EPS);
    assert_true(fabs(score(&part, swapped, 4) - 0.5) < EPS);
    assert_true(fabs(score(&part, reversed, 4)) < EPS);
    int shifted[4] = {3, 0, 1, 2}; /* every item one place off: none in position */
    assert_true(fabs(score(&part, shifted, 4)) < EPS);
}

static void matching_both_modes(void **state)
{
    hrc_question all = make(HRC_Q_MATCHING, HRC_SCORING_ALL_OR_NOTHING, 3);
    hrc_question part = make(HRC_Q_MATCHING, HRC_SCORING_PARTIAL, 3);
    int right[3] = {0, 1, 2}, one_wrong[3] = {0, 2, 1}, unmatched[3] = {0, -1, -1};
    assert_true(fabs(score(&all, right, 3) - 1.0) < EPS);
    assert_true(fabs(score(&all, one_wrong, 3)) < EPS);
    assert_true(fabs(score(&part, one_wrong, 3) - 1.0 / 3) < EPS);
    assert_true(fabs(score(&part, unmatched, 3) - 1.0 / 3) < EPS);
    hrc_response r = {.n = 3, .slot = unmatched};
    assert_false(hrc_response_complete(&part, &r));
    r.slot = one_wrong;
    assert_true(hrc_response_complete(&part, &r));
    /* A response of the wrong size is malformed: 0, no crash. */
    assert_true(fabs(score(&part, right, 2)) < EPS);
}

static hrc_question quiz_questions[5];

static hrc_quiz make_quiz(bool shuffle)
{
    quiz_questions[0] = make(HRC_Q_SINGLE, HRC_SCORING_ALL_OR_NOTHING, 4);
    quiz_questions[0].id = "q0";
    quiz_questions[1] = make(HRC_Q_MULTIPLE, HRC_SCORING_PARTIAL, 4);
    quiz_questions[1].id = "q1";
    quiz_questions[2] = make(HRC_Q_ORDERING, HRC_SCORING_PARTIAL, 4);
    quiz_questions[2].id = "q2";
    quiz_questions[3] = make(HRC_Q_MATCHING, HRC_SCORING_PARTIAL, 4);
    quiz_questions[3].id = "q3";
    quiz_questions[4] = make(HRC_Q_MULTIPLE, HRC_SCORING_ALL_OR_NOTHING, 4);
    quiz_questions[4].id = "q4";
    return (hrc_quiz){.id = "quiz", .pass_percent = 60, .max_attempts = 2, .shuffle = shuffle,
                      .n_questions = 5, .questions = quiz_questions};
}

static void shuffle_is_deterministic(void **state)
{
    hrc_quiz quiz = make_quiz(true);
    hrc_quiz_attempt *a, *b, *c;
    assert_int_equal(hrc_quiz_attempt_new(&quiz, 1, 42, &a), 0);
    assert_int_equal(hrc_quiz_attempt_new(&quiz, 1, 42, &b), 0);
    assert_int_equal(hrc_quiz_attempt_new(&quiz, 1, 43, &c), 0);
    bool differs = false;
    for (size_t i = 0; i < a->n_items; i++) {
        assert_ptr_equal(a->items[i].q, b->items[i].q);
        assert_memory_equal(a->items[i].shown, b->items[i].shown,
                            a->items[i].n_shown * sizeof(size_t));
        differs |= a->items[i].q != c->items[i].q ||
                   memcmp(a->items[i].shown, c->items[i].shown,
                          a->items[i].n_shown * sizeof(size_t)) != 0;
        /* Every shown list is a permutation. */
        unsigned seen = 0;
        for (size_t k = 0; k < a->items[i].n_shown; k++)
            seen |= 1u << a->items[i].shown[k];
        assert_int_equal(seen, (1u << a->items[i].n_shown) - 1);
        /* Ordering and matching never start solved. */
        if (a->items[i].q->kind == HRC_Q_ORDERING) {
            hrc_response r = a->items[i].response;
            assert_true(hrc_question_score(a->items[i].q, &r) < 1.0);
        }
        if (a->items[i].q->kind == HRC_Q_MATCHING) {
            bool solved = true;
            for (size_t k = 0; k < a->items[i].n_shown; k++)
                solved &= a->items[i].right_shown[k] == k;
            assert_false(solved);
        }
    }
    assert_true(differs);
    hrc_quiz_attempt_free(a);
    hrc_quiz_attempt_free(b);
    hrc_quiz_attempt_free(c);
    /* Without shuffle, questions and choices stay in the written order. */
    hrc_quiz plain = make_quiz(false);
    assert_int_equal(hrc_quiz_attempt_new(&plain, 1, 42, &a), 0);
    for (size_t i = 0; i < a->n_items; i++) {
        assert_ptr_equal(a->items[i].q, &quiz_questions[i]);
        if (a->items[i].q->kind == HRC_Q_SINGLE)
            for (size_t k = 0; k < a->items[i].n_shown; k++)
                assert_int_equal(a->items[i].shown[k], k);
    }
    hrc_quiz_attempt_free(a);
}

static void attempt_scoring_and_pass_mark(void **state)
{
    hrc_quiz quiz = make_quiz(false);
    hrc_quiz_attempt *a;
    assert_int_equal(hrc_quiz_attempt_new(&quiz, 1, 7, &a), 0);
    assert_false(hrc_quiz_check(a, 0)); /* nothing picked yet */
    hrc_quiz_pick(a, 0, 0);             /* single: a is right */
    assert_true(hrc_quiz_check(a, 0));
    hrc_quiz_pick(a, 0, 1);             /* checked answers no longer change */
    assert_int_equal(a->items[0].response.slot[0], 0);
    hrc_quiz_pick(a, 1, 0);             /* multiple partial: one of two right */
    assert_true(hrc_quiz_check(a, 1));
    /* ordering: solve it by moves */
    for (size_t p = 0; p < 4; p++)
        for (size_t k = p; k < 4; k++)
            if (a->items[2].response.slot[k] == (int)p)
                hrc_quiz_move(a, 2, k, p);
    assert_true(hrc_quiz_check(a, 2));
    assert_true(fabs(a->items[2].score - 1.0) < EPS);
    assert_false(hrc_quiz_check(a, 3)); /* matching incomplete */
    hrc_quiz_match(a, 3, 0, 0);
    hrc_quiz_match(a, 3, 1, 0); /* a right side moves: left 0 loses it */
    assert_int_equal(a->items[3].response.slot[0], -1);
    hrc_quiz_match(a, 3, 0, 1);
    hrc_quiz_match(a, 3, 2, 2);
    hrc_quiz_match(a, 3, 3, 3);
    hrc_quiz_match(a, 3, 3, 9); /* out of range: ignored */
    assert_true(hrc_quiz_check(a, 3));
    assert_true(fabs(a->items[3].score - 0.5) < EPS);
    assert_false(hrc_quiz_attempt_finished(a));
    hrc_quiz_pick(a, 4, 1); /* all-or-nothing, wrong */
    assert_true(hrc_quiz_check(a, 4));
    assert_true(hrc_quiz_attempt_finished(a));
    /* (1 + 0.5 + 1 + 0.5 + 0) / 5 = 60 % : exactly the pass mark passes. */
    double pct = hrc_quiz_attempt_percent(a);
    assert_true(fabs(pct - 60.0) < 1e-6);
    assert_true(hrc_quiz_passed(&quiz, pct));
    assert_false(hrc_quiz_passed(&quiz, 59.99));
    assert_false(hrc_quiz_needs_review(a, 0));
    assert_true(hrc_quiz_needs_review(a, 1));
    assert_true(hrc_quiz_needs_review(a, 4));
    char text[128];
    hrc_response_format(a->items[3].q, &a->items[3].response, text, sizeof text);
    assert_string_equal(text, "p0=p1,p1=p0,p2=p2,p3=p3");
    hrc_response_format(a->items[1].q, &a->items[1].response, text, sizeof text);
    assert_string_equal(text, "a");
    hrc_quiz_attempt_free(a);
}

static void attempts_left(void **state)
{
    hrc_quiz quiz = make_quiz(false);
    assert_int_equal(hrc_quiz_attempts_left(&quiz, 0), 2);
    assert_int_equal(hrc_quiz_attempts_left(&quiz, 1), 1);
    assert_int_equal(hrc_quiz_attempts_left(&quiz, 2), 0);
    assert_int_equal(hrc_quiz_attempts_left(&quiz, 5), 0);
    quiz.max_attempts = HRC_ATTEMPTS_UNLIMITED;
    assert_int_equal(hrc_quiz_attempts_left(&quiz, 100), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(single_and_truefalse),
        cmocka_unit_test(multiple_all_or_nothing),
        cmocka_unit_test(multiple_partial),
        cmocka_unit_test(ordering_both_modes),
        cmocka_unit_test(matching_both_modes),
        cmocka_unit_test(shuffle_is_deterministic),
        cmocka_unit_test(attempt_scoring_and_pass_mark),
        cmocka_unit_test(attempts_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
