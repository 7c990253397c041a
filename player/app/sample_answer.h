/*
 * sample_answer.h: answers made up for the classes that show the trainer's
 * screens (--render --kiosk, app/render_class.c) and that the tests and
 * benchmarks seed (tests/progress/class_seed.c).
 *
 * Promises:
 * - A response is written as the quiz screen records it, so that every
 *   figure read from it (scores, the questions the room got wrong, the
 *   wrong answer given most) is what a real class would give.
 * - A wrong answer is a likely slip, never one the question accepts:
 *   another choice, two items swapped, another place or year of the
 *   course for a typed answer, a number beyond the tolerance.
 * - Deterministic: the same question, `right` and `pick` give the same
 *   text. libc and core only.
 */
#ifndef HRC_APP_SAMPLE_ANSWER_H
#define HRC_APP_SAMPLE_ANSWER_H

#include "core/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A right (or wrong) response to q in `out` ("" when it cannot be made);
 * `pick` chooses among the wrong ones. */
void hrc_sample_answer(const hrc_question *q, bool right, uint64_t pick, char *out, size_t size);

/* The score the quiz gives the recorded response `text`: 0 to 1, 0 when
 * it does not parse. */
double hrc_sample_answer_score(const hrc_question *q, const char *text);

#endif
