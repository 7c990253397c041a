/* Quiz scoring as docs/format-v1.md "Scoring" says, shuffles, attempts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/answer.h"
#include "core/quiz.h"

#include <math.h>
#include <stdio.h>
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


/* ---- Typed answers: folding, numbers, fill-in and numeric questions ----- */

static bool same(const char *a, const char *b, const char *lang, hrc_fold fold)
{
    char x[256], y[256];
    hrc_answer_fold(a, lang, fold, x, sizeof x);
    hrc_answer_fold(b, lang, fold, y, sizeof y);
    return strcmp(x, y) == 0;
}

static void folding_by_language(void **state)
{
    /* Case and accents, the default. */
    assert_true(same("Genève", "geneve", "fr", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("GENÈVE", "genève", "fr", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("Bogotá", "BOGOTA", "es", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("Œuvre", "oeuvre", "fr", HRC_FOLD_CASE_AND_ACCENTS));
    /* Case only: the accent counts. */
    assert_true(same("Genève", "GENÈVE", "fr", HRC_FOLD_CASE));
    assert_false(same("Genève", "geneve", "fr", HRC_FOLD_CASE));
    /* As written. */
    assert_false(same("Genève", "genève", "fr", HRC_FOLD_NONE));
    assert_true(same("Genève", "Genève", "fr", HRC_FOLD_NONE));
    /* White space, apostrophes and hyphens never count. */
    assert_true(same("  New   York ", "New York", "en", HRC_FOLD_NONE));
    assert_true(same("l\xe2\x80\x99Homme", "l'Homme", "fr", HRC_FOLD_NONE));
    assert_true(same("Saint\xe2\x80\x91" "Denis", "Saint-Denis", "fr", HRC_FOLD_NONE));
    /* Letters of their own. */
    assert_false(same("Espa\xc3\xb1" "a", "Espana", "es", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("ESPA\xc3\x91" "A", "espa\xc3\xb1" "a", "es", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("Espa\xc3\xb1" "a", "Espana", "fr", HRC_FOLD_CASE_AND_ACCENTS));
    assert_false(same("Malm\xc3\xb6", "Malmo", "sv", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("M\xc3\xbcller", "Mueller", "de", HRC_FOLD_CASE_AND_ACCENTS));
    assert_false(same("M\xc3\xbcller", "Muller", "de", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("Stra\xc3\x9f" "e", "STRASSE", "de", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz", "en", HRC_FOLD_CASE_AND_ACCENTS));
    assert_false(same("\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz", "pl", HRC_FOLD_CASE_AND_ACCENTS));
    /* Turkish: I is the capital of dotless ı, İ of i. */
    assert_true(same("\xc4\xb0stanbul", "istanbul", "tr", HRC_FOLD_CASE_AND_ACCENTS));
    assert_false(same("ISTANBUL", "istanbul", "tr", HRC_FOLD_CASE_AND_ACCENTS));
    assert_true(same("ISTANBUL", "istanbul", "en", HRC_FOLD_CASE_AND_ACCENTS));
    /* Greek and Cyrillic capitals; other scripts as they are. */
    assert_true(same("\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91", "\xce\xb1\xce\xb8\xce\xb7\xce\xbd\xce\xb1",
                     "el", HRC_FOLD_CASE));
    assert_true(same("\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90", "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
                     "ru", HRC_FOLD_CASE));
    assert_true(same("\xea\xb4\x91\xec\xa3\xbc", "\xea\xb4\x91\xec\xa3\xbc", "ko",
                     HRC_FOLD_CASE_AND_ACCENTS));
    /* A combining accent typed apart from its letter. */
    assert_true(same("Gene\xcc\x80ve", "Geneve", "fr", HRC_FOLD_CASE_AND_ACCENTS));
    /* A small buffer cuts at a character, never inside one. */
    char small[5];
    assert_int_equal(hrc_answer_fold("\xc3\xa9\xc3\xa9\xc3\xa9", "fr", HRC_FOLD_NONE, small,
                                     sizeof small), 4);
    assert_string_equal(small, "\xc3\xa9\xc3\xa9");
}

static void typed_numbers(void **state)
{
    double v = 0;
    assert_true(hrc_number_parse("2011", false, &v) && v == 2011);
    assert_true(hrc_number_parse("  -3 ", false, &v) && v == -3);
    assert_true(hrc_number_parse("\xe2\x88\x92" "3", false, &v) && v == -3);
    assert_true(hrc_number_parse("1 500", false, &v) && v == 1500);
    assert_true(hrc_number_parse("1\xe2\x80\xaf" "500", true, &v) && v == 1500);
    assert_true(hrc_number_parse("1'500", false, &v) && v == 1500);
    assert_true(hrc_number_parse("1,300,000", false, &v) && v == 1300000);
    assert_true(hrc_number_parse("1.300.000", true, &v) && v == 1300000);
    /* A lone mark and three digits: the language decides. */
    assert_true(hrc_number_parse("1,500", false, &v) && v == 1500);
    assert_true(hrc_number_parse("1,500", true, &v) && fabs(v - 1.5) < EPS);
    assert_true(hrc_number_parse("1.500", false, &v) && fabs(v - 1.5) < EPS);
    assert_true(hrc_number_parse("1.500", true, &v) && v == 1500);
    /* Otherwise the mark is a decimal one, in any language. */
    assert_true(hrc_number_parse("1,5", false, &v) && fabs(v - 1.5) < EPS);
    assert_true(hrc_number_parse("2.25", true, &v) && fabs(v - 2.25) < EPS);
    assert_true(hrc_number_parse("1,234.5", true, &v) && fabs(v - 1234.5) < EPS);
    assert_true(hrc_number_parse("1.234,5", false, &v) && fabs(v - 1234.5) < EPS);
    assert_true(hrc_number_parse(".5", false, &v) && fabs(v - 0.5) < EPS);
    /* Not numbers. */
    const char *bad[] = {"", " ", "abc", "1e5", "1,2,3,4.5.6", "12 34", "1,,5", "1.2.3",
                         "--1", "1-", "1,5 00", "9999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (hrc_number_parse(bad[i], false, &v))
            fail_msg("\"%s\" read as %g", bad[i], v);
    char out[32];
    hrc_number_format(2011, '.', out, sizeof out);
    assert_string_equal(out, "2011");
    hrc_number_format(-1.5, ',', out, sizeof out);
    assert_string_equal(out, "-1,5");
    hrc_number_format(0.1 + 0.2, '.', out, sizeof out);
    assert_string_equal(out, "0.3");
    assert_true(hrc_lang_decimal_comma("fr") && hrc_lang_decimal_comma("es") &&
                !hrc_lang_decimal_comma("en") && !hrc_lang_decimal_comma("es-MX"));
}

static const hrc_accept city_accepts[] = {
    {.lang = "en", .text = "Geneva"}, {.lang = "fr", .text = "Gen\xc3\xa8ve"},
    {.lang = "es", .text = "Ginebra"}};
static const hrc_accept year_accepts[] = {{.lang = "en", .text = "2019"}};
static const hrc_gap two_gaps[] = {
    {.id = "city", .fold = HRC_FOLD_CASE_AND_ACCENTS, .n_accepts = 3, .accepts = city_accepts},
    {.id = "year", .fold = HRC_FOLD_NONE, .n_accepts = 1, .accepts = year_accepts}};

static hrc_question fillin(hrc_scoring scoring)
{
    return (hrc_question){.id = "fill", .revision = 1, .kind = HRC_Q_FILLIN,
                          .scoring = scoring, .n_gaps = 2, .gaps = two_gaps};
}

static void fillin_scoring_and_text(void **state)
{
    hrc_question part = fillin(HRC_SCORING_PARTIAL), all = fillin(HRC_SCORING_ALL_OR_NOTHING);
    char text[2 * HRC_FIELD_MAX] = {0};
    int slots[2] = {0};
    hrc_response r = {.n = 2, .slot = slots, .text = text};
    assert_false(hrc_response_complete(&part, &r));
    snprintf(text, HRC_FIELD_MAX, "  geneve ");
    assert_false(hrc_response_complete(&part, &r)); /* a gap left blank */
    snprintf(text + HRC_FIELD_MAX, HRC_FIELD_MAX, "2018");
    assert_true(hrc_response_complete(&part, &r));
    /* One gap of two: half in partial, nothing in all or nothing. */
    assert_true(fabs(hrc_question_score(&part, &r) - 0.5) < EPS);
    assert_true(fabs(hrc_question_score(&all, &r)) < EPS);
    hrc_credit c = hrc_question_credit(&part, &r);
    assert_int_equal(c.right, 1);
    assert_int_equal(c.wrong, 1);
    assert_int_equal(c.total, 2);
    assert_true(hrc_gap_right(&part, &r, 0));
    assert_false(hrc_gap_right(&part, &r, 1));
    /* Any accepted answer, whatever the learner's language. */
    snprintf(text, HRC_FIELD_MAX, "GINEBRA");
    snprintf(text + HRC_FIELD_MAX, HRC_FIELD_MAX, "2019");
    assert_true(fabs(hrc_question_score(&all, &r) - 1.0) < EPS);
    /* The log's text, as xAPI writes fill-in responses, and back. */
    char log[256];
    snprintf(text, HRC_FIELD_MAX, " Gen\xc3\xa8ve [,] x ");
    hrc_response_format(&part, &r, log, sizeof log);
    assert_string_equal(log, "Gen\xc3\xa8ve [ ,] x[,]2019");
    char back_text[2 * HRC_FIELD_MAX];
    int back_slots[2];
    hrc_response back = {.n = 2, .slot = back_slots, .text = back_text};
    assert_int_equal(hrc_response_parse(&part, "Gen\xc3\xa8ve[,]2019", &back), 0);
    assert_string_equal(hrc_response_field(&back, 0), "Gen\xc3\xa8ve");
    assert_string_equal(hrc_response_field(&back, 1), "2019");
    assert_int_equal(hrc_response_parse(&part, "only one", &back), -1);
    assert_string_equal(hrc_response_field(&back, 0), "");
    assert_int_equal(hrc_response_parse(&part, "a[,]b[,]c", &back), -1);
    /* Without its text a response is malformed: 0, no crash. */
    hrc_response none = {.n = 2, .slot = slots};
    assert_true(fabs(hrc_question_score(&part, &none)) < EPS);
    assert_false(hrc_response_complete(&part, &none));
}

static void numeric_scoring_and_text(void **state)
{
    hrc_question q = {.id = "num", .revision = 1, .kind = HRC_Q_NUMERIC, .value = 2011,
                      .tolerance = 0};
    char text[HRC_FIELD_MAX] = {0};
    int slot = 0;
    hrc_response r = {.n = 1, .slot = &slot, .text = text};
    assert_false(hrc_response_complete(&q, &r));
    snprintf(text, sizeof text, "twenty");
    assert_false(hrc_response_complete(&q, &r));
    snprintf(text, sizeof text, "2011");
    assert_true(hrc_response_complete(&q, &r));
    assert_true(fabs(hrc_question_score(&q, &r) - 1.0) < EPS);
    snprintf(text, sizeof text, "2012");
    assert_true(fabs(hrc_question_score(&q, &r)) < EPS);
    hrc_credit c = hrc_question_credit(&q, &r);
    assert_true(c.right == 0 && c.wrong == 1 && c.total == 1);
    q.tolerance = 1; /* 2010 to 2012 */
    assert_true(fabs(hrc_question_score(&q, &r) - 1.0) < EPS);
    snprintf(text, sizeof text, "2009.5");
    assert_true(fabs(hrc_question_score(&q, &r)) < EPS);
    /* Decimals that binary cannot hold exactly. */
    hrc_question d = {.kind = HRC_Q_NUMERIC, .value = 0.3, .tolerance = 0};
    snprintf(text, sizeof text, "0.30");
    assert_true(fabs(hrc_question_score(&d, &r) - 1.0) < EPS);
    /* Recorded as a number, "." for decimals; read back. */
    char log[64];
    snprintf(text, sizeof text, " 1 500,5 ");
    hrc_response_format(&q, &r, log, sizeof log);
    assert_string_equal(log, "1500.5");
    assert_int_equal(hrc_response_parse(&q, "2011", &r), 0);
    assert_string_equal(hrc_response_field(&r, 0), "2011");
    assert_int_equal(hrc_response_parse(&q, "soon", &r), -1);
}

static const hrc_accept capital_accepts[] = {{.lang = "en", .text = "Seoul"}};
static const hrc_gap capital_gap[] = {
    {.id = "capital", .fold = HRC_FOLD_CASE_AND_ACCENTS, .n_accepts = 1, .accepts = capital_accepts}};

/* Typing into an attempt: whole characters, numeric fields take numbers
 * only, nothing once checked; a resumed attempt gets its typed answers
 * back. */
static void typing_and_restoring(void **state)
{
    static hrc_question qs[2];
    qs[0] = (hrc_question){.id = "f", .revision = 1, .kind = HRC_Q_FILLIN, .n_gaps = 1,
                           .gaps = capital_gap};
    qs[1] = (hrc_question){.id = "n", .revision = 1, .kind = HRC_Q_NUMERIC, .value = 15};
    hrc_quiz quiz = {.id = "typed", .pass_percent = 50, .max_attempts = 1, .n_questions = 2,
                     .questions = qs};
    hrc_quiz_attempt *a;
    assert_int_equal(hrc_quiz_attempt_new(&quiz, 1, 3, &a), 0);
    hrc_quiz_type(a, 0, 0, "Se");
    hrc_quiz_type(a, 0, 0, "\x01");       /* control characters: refused */
    hrc_quiz_type(a, 0, 0, "o\xc3\xbbl"); /* û */
    assert_string_equal(hrc_response_field(&a->items[0].response, 0), "Seo\xc3\xbbl");
    hrc_quiz_erase(a, 0, 0);
    hrc_quiz_erase(a, 0, 0); /* û is one character */
    assert_string_equal(hrc_response_field(&a->items[0].response, 0), "Seo");
    hrc_quiz_type(a, 0, 0, "ul");
    hrc_quiz_type(a, 0, 9, "x"); /* no such field */
    /* A field holds HRC_FIELD_MAX - 1 bytes, whole characters. */
    for (int i = 0; i < 200; i++)
        hrc_quiz_type(a, 1, 0, "\xc3\xa9");
    assert_string_equal(hrc_response_field(&a->items[1].response, 0), "");
    for (int i = 0; i < 200; i++)
        hrc_quiz_type(a, 1, 0, "1");
    assert_int_equal(strlen(hrc_response_field(&a->items[1].response, 0)), HRC_FIELD_MAX - 1);
    hrc_quiz_set_field(a, 1, 0, "1x5");
    assert_string_equal(hrc_response_field(&a->items[1].response, 0), "1x5");
    assert_false(hrc_quiz_check(a, 1)); /* not a number */
    hrc_quiz_set_field(a, 1, 0, "");
    hrc_quiz_type(a, 1, 0, "1a5"); /* a letter is left out of a number */
    assert_string_equal(hrc_response_field(&a->items[1].response, 0), "15");
    assert_true(hrc_quiz_check(a, 0));
    assert_true(hrc_quiz_check(a, 1));
    hrc_quiz_type(a, 0, 0, "x"); /* checked: no more edits */
    assert_string_equal(hrc_response_field(&a->items[0].response, 0), "Seoul");
    assert_true(fabs(hrc_quiz_attempt_percent(a) - 100.0) < 1e-6);
    char log0[64], log1[64];
    hrc_response_format(a->items[0].q, &a->items[0].response, log0, sizeof log0);
    hrc_response_format(a->items[1].q, &a->items[1].response, log1, sizeof log1);
    hrc_quiz_attempt_free(a);

    /* The same attempt, opened again: answers come back from the log. */
    assert_int_equal(hrc_quiz_attempt_new(&quiz, 1, 3, &a), 0);
    assert_true(hrc_quiz_restore(a, &qs[0], log0, 0));
    assert_true(hrc_quiz_restore(a, &qs[1], log1, 1));
    assert_string_equal(hrc_response_field(&a->items[0].response, 0), "Seoul");
    assert_string_equal(hrc_response_field(&a->items[1].response, 0), "15");
    assert_true(a->items[0].checked && a->items[1].checked);
    assert_true(fabs(hrc_quiz_attempt_percent(a) - 100.0) < 1e-6);
    hrc_quiz_attempt_free(a);
    /* A log line that does not fit leaves the field as it was. */
    assert_int_equal(hrc_quiz_attempt_new(&quiz, 1, 3, &a), 0);
    hrc_quiz_type(a, 1, 0, "7");
    assert_false(hrc_quiz_restore(a, &qs[1], "seven", 0));
    assert_string_equal(hrc_response_field(&a->items[1].response, 0), "7");
    hrc_quiz_attempt_free(a);
}

/* ---- Pools ------------------------------------------------------------- */

static hrc_question pool_questions[12];

static hrc_quiz make_pool(size_t draw, bool shuffle)
{
    static const char *const ids[12] = {"p0", "p1", "p2", "p3", "p4", "p5",
                                        "p6", "p7", "p8", "p9", "p10", "p11"};
    for (size_t i = 0; i < 12; i++) {
        pool_questions[i] = make(HRC_Q_SINGLE, HRC_SCORING_ALL_OR_NOTHING, 4);
        pool_questions[i].id = ids[i];
    }
    return (hrc_quiz){.id = "pool", .pass_percent = 50, .max_attempts = HRC_ATTEMPTS_UNLIMITED,
                      .shuffle = shuffle, .draw = draw, .n_questions = 12,
                      .questions = pool_questions};
}

static size_t index_of(const hrc_question *q)
{
    return (size_t)(q - pool_questions);
}

static void pools_draw_the_same_for_the_same_attempt(void **state)
{
    for (int shuffled = 0; shuffled < 2; shuffled++) {
        hrc_quiz quiz = make_pool(5, shuffled);
        unsigned drawn_ever = 0;
        bool attempts_differ = false;
        unsigned first = 0;
        for (int number = 1; number <= 20; number++) {
            hrc_quiz_attempt *a, *again;
            assert_int_equal(hrc_quiz_attempt_new(&quiz, number, 99, &a), 0);
            assert_int_equal(hrc_quiz_attempt_new(&quiz, number, 99, &again), 0);
            assert_int_equal(a->n_items, 5);
            unsigned set = 0;
            for (size_t i = 0; i < a->n_items; i++) {
                /* The same questions, in the same order, each once. */
                assert_ptr_equal(a->items[i].q, again->items[i].q);
                assert_false(set & (1u << index_of(a->items[i].q)));
                set |= 1u << index_of(a->items[i].q);
                if (!shuffled && i > 0)
                    assert_true(index_of(a->items[i - 1].q) < index_of(a->items[i].q));
            }
            drawn_ever |= set;
            if (number == 1)
                first = set;
            else
                attempts_differ |= set != first;
            /* Scores are out of the questions drawn. */
            hrc_quiz_pick(a, 0, 0);
            assert_true(hrc_quiz_check(a, 0));
            assert_true(fabs(hrc_quiz_attempt_percent(a) - 20.0) < 1e-6);
            hrc_quiz_attempt_free(a);
            hrc_quiz_attempt_free(again);
        }
        assert_true(attempts_differ);           /* a new attempt, a new draw */
        assert_int_equal(drawn_ever, 0xFFFu);   /* every question comes up */
    }
    /* An author asks for a question the pool did not draw (--goto): it
     * takes the current place, until that is answered. */
    hrc_quiz pool = make_pool(3, false);
    hrc_quiz_attempt *p;
    assert_int_equal(hrc_quiz_attempt_new(&pool, 1, 5, &p), 0);
    const hrc_question *missing = NULL;
    for (size_t k = 0; k < 12 && !missing; k++) {
        bool drawn = false;
        for (size_t i = 0; i < p->n_items; i++)
            drawn |= p->items[i].q == &pool_questions[k];
        if (!drawn)
            missing = &pool_questions[k];
    }
    assert_true(hrc_quiz_show(p, missing));
    assert_ptr_equal(p->items[p->current].q, missing);
    assert_int_equal(p->n_items, 3);
    hrc_quiz_pick(p, p->current, 0);
    assert_true(hrc_quiz_check(p, p->current));
    const hrc_question *other = NULL;
    for (size_t k = 0; k < 12 && !other; k++) {
        bool drawn = false;
        for (size_t i = 0; i < p->n_items; i++)
            drawn |= p->items[i].q == &pool_questions[k];
        if (!drawn)
            other = &pool_questions[k];
    }
    assert_false(hrc_quiz_show(p, other)); /* the answered one stays */
    assert_ptr_equal(p->items[p->current].q, missing);
    hrc_quiz_attempt_free(p);
    /* draw="N" with N at least the number of questions: all of them, in
     * the order a quiz without a pool has. */
    hrc_quiz all = make_pool(12, true), plain = make_pool(0, true);
    hrc_quiz_attempt *a, *b;
    assert_int_equal(hrc_quiz_attempt_new(&all, 1, 7, &a), 0);
    assert_int_equal(hrc_quiz_attempt_new(&plain, 1, 7, &b), 0);
    assert_int_equal(a->n_items, 12);
    for (size_t i = 0; i < 12; i++)
        assert_ptr_equal(a->items[i].q, b->items[i].q);
    hrc_quiz_attempt_free(a);
    hrc_quiz_attempt_free(b);
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
        cmocka_unit_test(folding_by_language),
        cmocka_unit_test(typed_numbers),
        cmocka_unit_test(fillin_scoring_and_text),
        cmocka_unit_test(numeric_scoring_and_text),
        cmocka_unit_test(typing_and_restoring),
        cmocka_unit_test(pools_draw_the_same_for_the_same_attempt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
