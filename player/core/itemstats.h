/*
 * itemstats.h: how a class answered each quiz question of a course, for the
 * trainer ("questions the room got wrong"): the dashboard, the printed
 * report, the CSV and the presenter's bar chart.
 *
 * Promises:
 * - The caller feeds the recorded answers in the log's order (oldest
 *   first), one call each; only a learner's FIRST answer to a question
 *   counts (their first try, whatever came later: other attempts, a reset
 *   by the facilitator). Answers to a question the course does not have,
 *   or to another revision of it (its meaning changed), are ignored and
 *   counted in hrc_itemstats_ignored().
 * - For each question of the course's quizzes, hrc_itemstats_compute()
 *   gives:
 *     answered      learners who answered it;
 *     right_first   of them, those right on their first try (recorded as
 *                   correct: full marks);
 *     p_right       right_first / answered, the question's facility
 *                   (0 when nobody answered);
 *     choice_counts single, multiple and true/false questions: how many
 *                   first tries picked each choice;
 *     wrong_choice  the incorrect choice picked most often on first tries
 *                   (the lower index among equals), -1 when none was;
 *     wrong_response ordering and matching questions: the wrong answer
 *                   given most often on first tries, as recorded
 *                   (core/quiz.h hrc_response_format), NULL when none;
 *     discrimination the corrected point-biserial correlation (below).
 * - The results come sorted hardest first: p_right rising; among equals,
 *   more learners answered first; then the course's order. Questions
 *   nobody answered come last, in the course's order.
 *
 * The discrimination index: how well a question separates the learners
 * who did well on the rest of its quiz from those who did not. For a
 * question i and the n learners who answered it, let x_j be 1 when
 * learner j was right on the first try and 0 otherwise, and y_j their
 * rest score: the sum of their first-try scores (0 to 1 each, partial
 * credit included) on the OTHER questions of the same quiz that they
 * answered. The index is Pearson's correlation of x and y (the
 * point-biserial correlation, corrected by leaving the item out of the
 * total):
 *
 *     r = (M1 - M0) / s_y * sqrt(p * (1 - p))
 *
 * where M1 and M0 are the mean rest scores of those right and wrong on
 * the question, p = right_first / n, and s_y the standard deviation of y
 * over the n learners (divided by n, not n - 1). It lies between -1 and 1:
 * above 0.3 the question separates well, 0.2 to 0.3 fairly, below 0.2
 * weakly, and below 0 those who know the rest get it wrong more often
 * (check the question and its key). It is undefined (has_discrimination
 * false) when fewer than 2 learners answered, when everyone was right or
 * everyone wrong, or when every rest score is the same (a one-question
 * quiz). With a class of 10 to 30 it is a hint, not a measurement.
 *
 * libc only; no I/O. Not thread-safe: one object per thread.
 */
#ifndef HRC_ITEMSTATS_H
#define HRC_ITEMSTATS_H

#include "core/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hrc_itemstats hrc_itemstats;

typedef struct hrc_item_stat {
    const hrc_module *module;
    size_t module_index;     /* in the course */
    const hrc_quiz *quiz;
    size_t quiz_number;      /* 1-based, among the module's quizzes */
    const hrc_question *question;
    size_t question_number;  /* 1-based, in the quiz */
    size_t answered;
    size_t right_first;
    double p_right;
    const size_t *choice_counts; /* q->n_choices entries; NULL for ordering and matching */
    long wrong_choice;
    size_t wrong_choice_count;
    const char *wrong_response;
    size_t wrong_response_count;
    bool has_discrimination;
    double discrimination;
} hrc_item_stat;

/* The questions of every quiz of course (which must outlive the object).
 * 0, or -1 when out of memory. Free with hrc_itemstats_free(). */
int hrc_itemstats_new(const hrc_course *course, hrc_itemstats **out);
void hrc_itemstats_free(hrc_itemstats *st); /* NULL is fine */

/*
 * One recorded answer, in the log's order. learner: any number that
 * tells learners apart (the store's id). correct: full marks; score: 0..1;
 * response: as recorded (may be NULL). Returns 1 when it is the learner's
 * first try at a question of the course, 0 when it is ignored, -1 when out
 * of memory.
 */
int hrc_itemstats_add(hrc_itemstats *st, int64_t learner, const char *module_id,
                      const char *question_id, int revision, bool correct, double score,
                      const char *response);

/* Answers ignored: unknown questions, other revisions. */
size_t hrc_itemstats_ignored(const hrc_itemstats *st);
/* Learners who answered at least one question. */
size_t hrc_itemstats_learners(const hrc_itemstats *st);

/*
 * Computes the figures (again after more answers) and gives them hardest
 * first, one per question of the course's quizzes. *out stays valid until
 * the next add, compute or free. 0, or -1 when out of memory.
 */
int hrc_itemstats_compute(hrc_itemstats *st, const hrc_item_stat **out, size_t *n);

/*
 * A recorded response as a reader says it, with the texts of the choices in
 * lang (default_lang when missing): "Lyon" for a choice, "Paris, Lyon"
 * for several, "First › Second › Third" for an order, "A = 1; B = 2" for
 * matched pairs. Ids the question does not have are written as they are.
 * Always NUL-terminated (cut short when it does not fit).
 */
void hrc_itemstats_describe(const hrc_question *q, const char *response, const char *lang,
                            const char *default_lang, char *out, size_t size);

#endif
