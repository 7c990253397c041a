/*
 * Item statistics on a hand-made log: every expected figure is worked out
 * below, by hand, from the answers fed in.
 */
#include "core/itemstats.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

/* ---- A course of two modules ------------------------------------------
 * m1, quiz "check": q1 single choice (a right; b, c wrong), q2 true/false
 * ("true" right), q3 ordering (x, y, z is the right order).
 * m2, quiz "final": q9 single choice (r right, w wrong), q8 never answered.
 */
static const hrc_choice q1_choices[] = {{.id = "a", .correct = true}, {.id = "b"}, {.id = "c"}};
static const hrc_choice q2_choices[] = {{.id = "true", .correct = true}, {.id = "false"}};
static const hrc_choice q3_items[] = {{.id = "x"}, {.id = "y"}, {.id = "z"}};
static const hrc_choice q9_choices[] = {{.id = "r", .correct = true}, {.id = "w"}};

static const hrc_question m1_questions[] = {
    {.id = "q1", .revision = 1, .kind = HRC_Q_SINGLE, .n_choices = 3, .choices = q1_choices},
    {.id = "q2", .revision = 2, .kind = HRC_Q_TRUEFALSE, .n_choices = 2, .choices = q2_choices},
    {.id = "q3", .revision = 1, .kind = HRC_Q_ORDERING, .scoring = HRC_SCORING_PARTIAL,
     .n_choices = 3, .choices = q3_items},
};
static const hrc_question m2_questions[] = {
    {.id = "q9", .revision = 1, .kind = HRC_Q_SINGLE, .n_choices = 2, .choices = q9_choices},
    {.id = "q8", .revision = 1, .kind = HRC_Q_SINGLE, .n_choices = 2, .choices = q9_choices},
};
static const hrc_quiz check = {.id = "check", .n_questions = 3, .questions = m1_questions};
static const hrc_quiz final = {.id = "final", .n_questions = 2, .questions = m2_questions};
static const hrc_page intro = {.id = "intro"};
static const hrc_item m1_items[] = {{.kind = HRC_ITEM_PAGE, .u.page = &intro},
                                    {.kind = HRC_ITEM_QUIZ, .u.quiz = &check}};
static const hrc_item m2_items[] = {{.kind = HRC_ITEM_QUIZ, .u.quiz = &final}};
static hrc_module m1 = {.id = "m1", .n_items = 2, .items = m1_items};
static hrc_module m2 = {.id = "m2", .n_items = 1, .items = m2_items};
static hrc_module *modules[] = {&m1, &m2};
static const hrc_course course = {.n_modules = 2, .modules = modules};

enum { L1 = 101, L2 = 102, L3 = 103, L4 = 104, L5 = 105 };

/*
 * First tries (score in brackets):
 *
 *   learner  q1       q2           q3               q9
 *   L1       a  (1)   true  (1)    x,y,z (1)        r (1)
 *   L2       a  (1)   false (0)    x,y,z (1)        w (0)
 *   L3       b  (0)   true  (1)    y,x,z (1/3)
 *   L4       c  (0)   false (0)    y,x,z (1/3)
 *   L5       b  (0)   true  (1)    -
 *
 * Later tries (L3 right at q1 the second time, L4's second attempt) do
 * not count; neither do an answer to q2's old revision nor an answer to a
 * question the course does not have.
 */
static void feed(hrc_itemstats *st)
{
    const double third = 1.0 / 3.0;
    assert_int_equal(hrc_itemstats_add(st, L1, "m1", "q1", 1, true, 1, "a"), 1);
    assert_int_equal(hrc_itemstats_add(st, L2, "m1", "q1", 1, true, 1, "a"), 1);
    assert_int_equal(hrc_itemstats_add(st, L3, "m1", "q1", 1, false, 0, "b"), 1);
    assert_int_equal(hrc_itemstats_add(st, L4, "m1", "q1", 1, false, 0, "c"), 1);
    assert_int_equal(hrc_itemstats_add(st, L5, "m1", "q1", 1, false, 0, "b"), 1);
    assert_int_equal(hrc_itemstats_add(st, L1, "m1", "q2", 2, true, 1, "true"), 1);
    assert_int_equal(hrc_itemstats_add(st, L2, "m1", "q2", 2, false, 0, "false"), 1);
    assert_int_equal(hrc_itemstats_add(st, L3, "m1", "q2", 2, true, 1, "true"), 1);
    assert_int_equal(hrc_itemstats_add(st, L4, "m1", "q2", 2, false, 0, "false"), 1);
    assert_int_equal(hrc_itemstats_add(st, L5, "m1", "q2", 2, true, 1, "true"), 1);
    assert_int_equal(hrc_itemstats_add(st, L1, "m1", "q3", 1, true, 1, "x,y,z"), 1);
    assert_int_equal(hrc_itemstats_add(st, L2, "m1", "q3", 1, true, 1, "x,y,z"), 1);
    assert_int_equal(hrc_itemstats_add(st, L3, "m1", "q3", 1, false, third, "y,x,z"), 1);
    assert_int_equal(hrc_itemstats_add(st, L4, "m1", "q3", 1, false, third, "y,x,z"), 1);
    assert_int_equal(hrc_itemstats_add(st, L1, "m2", "q9", 1, true, 1, "r"), 1);
    assert_int_equal(hrc_itemstats_add(st, L2, "m2", "q9", 1, false, 0, "w"), 1);
    /* Ignored: later tries, an old revision, an unknown question. */
    assert_int_equal(hrc_itemstats_add(st, L3, "m1", "q1", 1, true, 1, "a"), 0);
    assert_int_equal(hrc_itemstats_add(st, L4, "m1", "q2", 2, true, 1, "true"), 0);
    assert_int_equal(hrc_itemstats_add(st, L5, "m1", "q3", 1, true, 1, "x,y,z"), 1); /* first */
    assert_int_equal(hrc_itemstats_add(st, L1, "m1", "q2", 1, false, 0, "false"), 0);
    assert_int_equal(hrc_itemstats_add(st, L1, "m1", "q7", 1, false, 0, "a"), 0);
    assert_int_equal(hrc_itemstats_add(st, L1, "m3", "q1", 1, false, 0, "a"), 0);
}

static const hrc_item_stat *find(const hrc_item_stat *all, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(all[i].question->id, id) == 0)
            return &all[i];
    fail_msg("no figures for %s", id);
    return NULL;
}

static void figures_worked_out_by_hand(void **state)
{
    (void)state;
    hrc_itemstats *st = NULL;
    assert_int_equal(hrc_itemstats_new(&course, &st), 0);
    feed(st);
    /* L5's first answer to q3 came after everything above, so in the
     * table L5 has q3 = x,y,z (1): the counts below include it. */
    assert_int_equal(hrc_itemstats_ignored(st), 3);
    assert_int_equal(hrc_itemstats_learners(st), 5);
    const hrc_item_stat *all = NULL;
    size_t n = 0;
    assert_int_equal(hrc_itemstats_compute(st, &all, &n), 0);
    assert_int_equal(n, 5);

    /* q1: answered by 5, right first by L1 and L2: p = 2/5 = 0.4.
     * Choices a 2, b 2 (L3, L5), c 1: the wrong choice picked most is b.
     * Rest scores (q2 + q3): L1 1+1 = 2, L2 0+1 = 1, L3 1+1/3 = 4/3,
     * L4 0+1/3 = 1/3, L5 1+1 = 2.
     * x = 1 1 0 0 0, y = 2 1 4/3 1/3 2; n = 5.
     * Sx = 2, Sy = 20/3, Sxy = 3, Syy = 4+1+16/9+1/9+4 = 98/9.
     * n Sxy - Sx Sy = 15 - 40/3 = 5/3;  n Sx - Sx^2 = 10 - 4 = 6;
     * n Syy - Sy^2 = 490/9 - 400/9 = 10.
     * r = (5/3) / sqrt(6 * 10) = 1.6667 / 7.7460 = 0.21517.
     * (The same by the header's formula: M1 = 3/2, M0 = (4/3+1/3+2)/3 =
     * 11/9, s_y = sqrt(10)/5 = 0.63246, sqrt(pq) = sqrt(0.24) = 0.48990:
     * (1.5 - 1.2222) / 0.63246 * 0.48990 = 0.21517.) */
    const hrc_item_stat *q1 = find(all, n, "q1");
    assert_int_equal(q1->answered, 5);
    assert_int_equal(q1->right_first, 2);
    assert_float_equal(q1->p_right, 0.4, 1e-12);
    assert_int_equal(q1->choice_counts[0], 2);
    assert_int_equal(q1->choice_counts[1], 2);
    assert_int_equal(q1->choice_counts[2], 1);
    assert_int_equal(q1->wrong_choice, 1);
    assert_int_equal(q1->wrong_choice_count, 2);
    assert_null(q1->wrong_response);
    assert_true(q1->has_discrimination);
    assert_float_equal(q1->discrimination, (5.0 / 3.0) / sqrt(60.0), 1e-9);
    assert_float_equal(q1->discrimination, 0.21517, 1e-5);
    assert_int_equal(q1->quiz_number, 1);
    assert_int_equal(q1->question_number, 1);

    /* q2: right first L1, L3, L5: p = 3/5 = 0.6; "false" picked twice.
     * Rest (q1 + q3): L1 2, L2 2, L3 0+1/3 = 1/3, L4 1/3, L5 0+1 = 1.
     * x = 1 0 1 0 1, y = 2 2 1/3 1/3 1.
     * Sx = 3, Sy = 17/3, Sxy = 2+1/3+1 = 10/3, Syy = 4+4+1/9+1/9+1 = 83/9.
     * n Sxy - Sx Sy = 50/3 - 17 = -1/3;  var x: 15 - 9 = 6;
     * var y: 415/9 - 289/9 = 14.
     * r = (-1/3) / sqrt(84) = -0.03637: those who did well elsewhere were
     * not more often right here. */
    const hrc_item_stat *q2 = find(all, n, "q2");
    assert_int_equal(q2->answered, 5);
    assert_int_equal(q2->right_first, 3);
    assert_float_equal(q2->p_right, 0.6, 1e-12);
    assert_int_equal(q2->wrong_choice, 1);
    assert_int_equal(q2->wrong_choice_count, 2);
    assert_float_equal(q2->discrimination, (-1.0 / 3.0) / sqrt(84.0), 1e-9);

    /* q3: answered by all 5 (L5 last), right first L1, L2, L5: p = 0.6.
     * The wrong order given most: "y,x,z", twice.
     * Rest (q1 + q2): L1 2, L2 1, L3 1, L4 0, L5 1.
     * x = 1 1 0 0 1, y = 2 1 1 0 1.
     * Sx = 3, Sy = 5, Sxy = 4, Syy = 4+1+1+0+1 = 7.
     * n Sxy - Sx Sy = 20 - 15 = 5;  var x: 15 - 9 = 6;  var y: 35 - 25 = 10.
     * r = 5 / sqrt(60) = 0.64550. */
    const hrc_item_stat *q3 = find(all, n, "q3");
    assert_int_equal(q3->answered, 5);
    assert_int_equal(q3->right_first, 3);
    assert_null(q3->choice_counts);
    assert_int_equal(q3->wrong_choice, -1);
    assert_string_equal(q3->wrong_response, "y,x,z");
    assert_int_equal(q3->wrong_response_count, 2);
    assert_float_equal(q3->discrimination, 5.0 / sqrt(60.0), 1e-9);

    /* q9: one right of two, p = 0.5; its quiz has no other answered
     * question, so every rest score is 0: no index. q8: nobody. */
    const hrc_item_stat *q9 = find(all, n, "q9");
    assert_int_equal(q9->answered, 2);
    assert_float_equal(q9->p_right, 0.5, 1e-12);
    assert_false(q9->has_discrimination);
    assert_int_equal(q9->quiz_number, 1);
    assert_ptr_equal(q9->module, &m2);
    const hrc_item_stat *q8 = find(all, n, "q8");
    assert_int_equal(q8->answered, 0);
    assert_false(q8->has_discrimination);
    assert_int_equal(q8->wrong_choice, -1);

    /* Hardest first: q1 (0.4); q9 (0.5); q2 and q3 (0.6, five answers
     * each: the course's order); q8, unanswered, last. */
    static const char *const order[] = {"q1", "q9", "q2", "q3", "q8"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(all[i].question->id, order[i]);
    hrc_itemstats_free(st);
}

/* Everyone right: no index (p = 1); one learner: no index (n < 2). */
static void undefined_indexes(void **state)
{
    (void)state;
    hrc_itemstats *st = NULL;
    assert_int_equal(hrc_itemstats_new(&course, &st), 0);
    assert_int_equal(hrc_itemstats_add(st, L1, "m1", "q1", 1, true, 1, "a"), 1);
    assert_int_equal(hrc_itemstats_add(st, L1, "m1", "q2", 2, true, 1, "true"), 1);
    assert_int_equal(hrc_itemstats_add(st, L2, "m1", "q1", 1, true, 1, "a"), 1);
    assert_int_equal(hrc_itemstats_add(st, L2, "m1", "q2", 2, false, 0, "false"), 1);
    const hrc_item_stat *all = NULL;
    size_t n = 0;
    assert_int_equal(hrc_itemstats_compute(st, &all, &n), 0);
    assert_false(find(all, n, "q1")->has_discrimination); /* both right */
    /* q2: x = 1 0, y = 1 1 (their q1 scores): y does not vary. */
    assert_false(find(all, n, "q2")->has_discrimination);
    assert_int_equal(find(all, n, "q1")->wrong_choice, -1);
    /* Computing again after more answers. */
    assert_int_equal(hrc_itemstats_add(st, L3, "m1", "q1", 1, false, 0, "c"), 1);
    assert_int_equal(hrc_itemstats_compute(st, &all, &n), 0);
    assert_int_equal(find(all, n, "q1")->answered, 3);
    assert_int_equal(find(all, n, "q1")->wrong_choice, 2);
    hrc_itemstats_free(st);

    /* An empty course: nothing to say. */
    hrc_course empty = {0};
    assert_int_equal(hrc_itemstats_new(&empty, &st), 0);
    assert_int_equal(hrc_itemstats_add(st, L1, "m1", "q1", 1, true, 1, "a"), 0);
    assert_int_equal(hrc_itemstats_compute(st, &all, &n), 0);
    assert_int_equal(n, 0);
    hrc_itemstats_free(st);
    hrc_itemstats_free(NULL);
}

/* A class of a thousand: first tries found among many later ones. */
static void many_learners(void **state)
{
    (void)state;
    hrc_itemstats *st = NULL;
    assert_int_equal(hrc_itemstats_new(&course, &st), 0);
    for (int round = 0; round < 3; round++)
        for (int64_t l = 1; l <= 1000; l++)
            hrc_itemstats_add(st, l, "m1", "q1", 1, round > 0 || l % 4 == 0, 1, "a");
    const hrc_item_stat *all = NULL;
    size_t n = 0;
    assert_int_equal(hrc_itemstats_compute(st, &all, &n), 0);
    assert_int_equal(find(all, n, "q1")->answered, 1000);
    assert_int_equal(find(all, n, "q1")->right_first, 250);
    assert_int_equal(hrc_itemstats_learners(st), 1000);
    hrc_itemstats_free(st);
}

/* Responses as a trainer reads them. */
static void responses_described(void **state)
{
    (void)state;
    char out[128];
    hrc_itemstats_describe(&m1_questions[0], "b", "en", NULL, out, sizeof out);
    assert_string_equal(out, "b"); /* no text: the id */
    hrc_itemstats_describe(&m1_questions[1], "false", "en", NULL, out, sizeof out);
    assert_string_equal(out, "False");
    hrc_itemstats_describe(&m1_questions[2], "y,x,z", "en", NULL, out, sizeof out);
    assert_string_equal(out, "y \u203a x \u203a z");
    hrc_itemstats_describe(&m1_questions[0], "a,zz", "en", NULL, out, sizeof out);
    assert_string_equal(out, "a, zz");
    hrc_itemstats_describe(&m1_questions[2], "y,x,z", "en", NULL, out, 4);
    assert_int_equal(strlen(out), 3); /* cut short at characters, never overrun */
    assert_string_equal(out, "y x");
    /* Typed answers as typed, the blanks of a fill-in apart. */
    hrc_question fillin = {.id = "f", .kind = HRC_Q_FILLIN};
    hrc_itemstats_describe(&fillin, "Gen\xc3\xa8ve, Suisse[,]2019", "en", NULL, out, sizeof out);
    assert_string_equal(out, "Gen\xc3\xa8ve, Suisse / 2019");
    hrc_question numeric = {.id = "n", .kind = HRC_Q_NUMERIC};
    hrc_itemstats_describe(&numeric, "2011.5", "en", NULL, out, sizeof out);
    assert_string_equal(out, "2011.5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(figures_worked_out_by_hand),
        cmocka_unit_test(undefined_indexes),
        cmocka_unit_test(many_learners),
        cmocka_unit_test(responses_described),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
