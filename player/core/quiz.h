/*
 * quiz.h: one learner's attempts at a quiz: the order things are shown in,
 * the responses, the scoring of docs/format-v1.md ("Scoring"), pass or fail,
 * attempts left and what to review.
 *
 * Promises:
 * - Deterministic: the same seed gives the same shuffles (a small
 *   splitmix64 PRNG, no global state).
 * - Scores are in 0..1 per question and never below 0; the attempt's score
 *   is their mean as a percentage.
 * - Responses are always in range: setters ignore out-of-range indices.
 * - Every index a response holds is an index into the model's arrays
 *   (choices, pairs), never a display position, so recording and scoring
 *   never depend on the shuffle.
 * - A quiz with a pool (draw="N") shows N of its questions, drawn from the
 *   seed and the attempt's number: the same attempt opened again (after a
 *   restart too) shows the same questions.
 */
#ifndef HRC_QUIZ_H
#define HRC_QUIZ_H

#include "core/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hrc_rng {
    uint64_t state;
} hrc_rng;

void hrc_rng_seed(hrc_rng *rng, uint64_t seed);
uint64_t hrc_rng_next(hrc_rng *rng);
/* Uniform in [0, n); 0 when n is 0. */
size_t hrc_rng_below(hrc_rng *rng, size_t n);
/* Fisher-Yates shuffle of perm[0..n). */
void hrc_shuffle(hrc_rng *rng, size_t *perm, size_t n);

/* Bytes a typed answer (a gap, a number) holds, its NUL included. */
#define HRC_FIELD_MAX 128

/*
 * A response, whatever the question kind, as model indices:
 * - single, true/false: slot[0] = the picked choice, or -1.
 * - multiple: slot[i] = 1 when choice i is picked, else 0.
 * - ordering: slot[p] = the item put at position p (a permutation).
 * - matching: slot[l] = the pair whose right side was given to left l, or -1.
 * - fill-in: n = the number of gaps; numeric: n = 1. What the learner
 *   typed is in `text`, field i at text + i * HRC_FIELD_MAX (UTF-8, NUL
 *   ended); the slots are unused. `text` is NULL for the other kinds.
 */
typedef struct hrc_response {
    size_t n;
    int *slot;
    char *text;
} hrc_response;

/* A response sized for q (n slots, and the typed fields of fill-in and
 * numeric questions), all zero; 0, or -1 when out of memory (r is then
 * empty). Pair with hrc_response_free(). */
int hrc_response_init(hrc_response *r, const hrc_question *q);
void hrc_response_free(hrc_response *r);
/* The score of a response recorded as text (hrc_response_format): 0..1
 * into *score, or false when the text does not parse for q. */
bool hrc_response_text_score(const hrc_question *q, const char *text, double *score);

/* Field i of a fill-in or numeric response; "" when there is none. */
const char *hrc_response_field(const hrc_response *r, size_t i);
/* Whether gap i of a fill-in question holds one of its accepted answers. */
bool hrc_gap_right(const hrc_question *q, const hrc_response *r, size_t i);
/* A numeric response's number; false when the field holds none. */
bool hrc_response_number(const hrc_response *r, double *out);

/* The question's score for a response, 0..1 (0 for a malformed one). */
double hrc_question_score(const hrc_question *q, const hrc_response *r);
/* What a score is made of, to explain partial credit: for multiple choice
 * the right choices picked, the wrong ones picked, and how many are right;
 * for ordering and matching the parts in place, and how many there are;
 * for fill-in the gaps right, those filled but wrong, and how many there
 * are; single, true/false and numeric: right 1 or 0, of 1. */
typedef struct hrc_credit {
    size_t right, wrong, total;
} hrc_credit;
hrc_credit hrc_question_credit(const hrc_question *q, const hrc_response *r);

/* Whether the response is complete enough to be checked. */
bool hrc_response_complete(const hrc_question *q, const hrc_response *r);
/* The response as text for the progress log: choice/item/pair ids, e.g.
 * "b", "a,c", "i3,i1,i2", "p1=p2,p2=p1"; for fill-in the text of each gap,
 * in the order of the gaps, separated by "[,]" as xAPI writes fill-in
 * responses ("Geneva[,]2019"; a "[,]" typed in a gap is written "[ ,]");
 * for numeric the number, "." for decimals ("2011", "-1.5"). Writes at
 * most size bytes. */
void hrc_response_format(const hrc_question *q, const hrc_response *r, char *out,
                         size_t size);

/*
 * The inverse of hrc_response_format(): fills r (already sized for q, as an
 * attempt's item is) from the recorded text. Returns 0, or -1 when the text
 * names an id the question does not have or is malformed (r is then left
 * as an empty response).
 */
int hrc_response_parse(const hrc_question *q, const char *text, hrc_response *r);

/* One question within an attempt, in display order. */
typedef struct hrc_quiz_item {
    const hrc_question *q;
    size_t *shown;      /* display position -> choice (or ordering item) index */
    size_t n_shown;
    size_t *right_shown; /* matching: display position -> pair (right side) */
    hrc_response response;
    int hints_shown;
    bool checked;       /* the answer was submitted and recorded */
    double score;       /* valid once checked */
} hrc_quiz_item;

typedef struct hrc_quiz_attempt {
    const hrc_quiz *quiz;
    int number;          /* 1-based */
    size_t n_items;
    hrc_quiz_item *items; /* display order */
    size_t current;       /* the question shown */
} hrc_quiz_attempt;

/*
 * Starts attempt `number` of quiz: question order and choices shuffled
 * when quiz->shuffle, ordering items and matching right sides always
 * shuffled (never left in the solved order when there are two or more).
 * Returns 0 and sets *out, or -1 when out of memory.
 */
int hrc_quiz_attempt_new(const hrc_quiz *quiz, int number, uint64_t seed,
                         hrc_quiz_attempt **out);
void hrc_quiz_attempt_free(hrc_quiz_attempt *a); /* NULL is fine */

/* Response edits on item i (display order); ignored once checked. */
void hrc_quiz_pick(hrc_quiz_attempt *a, size_t i, size_t choice);   /* single, tf, multiple toggles */
void hrc_quiz_move(hrc_quiz_attempt *a, size_t i, size_t from_pos, size_t to_pos); /* ordering */
void hrc_quiz_match(hrc_quiz_attempt *a, size_t i, size_t left, int pair); /* matching; -1 clears */
/* Fill-in and numeric: appends typed UTF-8 to field `field` (whole
 * characters only, no control characters; what does not fit is left out;
 * a numeric field takes digits, signs, spaces and the marks . , ' only). */
void hrc_quiz_type(hrc_quiz_attempt *a, size_t i, size_t field, const char *utf8);
/* ... removes the field's last character. */
void hrc_quiz_erase(hrc_quiz_attempt *a, size_t i, size_t field);
/* ... replaces the field's text (cut at a character to fit). */
void hrc_quiz_set_field(hrc_quiz_attempt *a, size_t i, size_t field, const char *text);
/* Marks item i checked and scores it; false when incomplete or already checked. */
bool hrc_quiz_check(hrc_quiz_attempt *a, size_t i);
/*
 * Puts back an answer recorded earlier (a resumed attempt): the response
 * from its text, the hints that were shown, and checked. False when the
 * question is not in the attempt or the text does not parse.
 */
bool hrc_quiz_restore(hrc_quiz_attempt *a, const hrc_question *q, const char *response,
                      int hints_shown);
/*
 * Shows q at the current position instead of the question there, when a
 * pool did not draw q (an author asked for it by id): true when q is then
 * the current question; false when the current question is answered, or
 * out of memory. The question it replaces leaves the attempt.
 */
bool hrc_quiz_show(hrc_quiz_attempt *a, const hrc_question *q);
/* The first question not yet checked (n_items when all are). */
size_t hrc_quiz_first_unchecked(const hrc_quiz_attempt *a);

bool hrc_quiz_attempt_finished(const hrc_quiz_attempt *a); /* every item checked */
/* Mean of the checked items' scores (unchecked count as 0), in percent. */
double hrc_quiz_attempt_percent(const hrc_quiz_attempt *a);
bool hrc_quiz_passed(const hrc_quiz *quiz, double percent);
/* Attempts left after `used` ones; -1 for unlimited. */
int hrc_quiz_attempts_left(const hrc_quiz *quiz, int used);
/* Whether item i should be reviewed (not fully right). */
bool hrc_quiz_needs_review(const hrc_quiz_attempt *a, size_t i);

#endif
