/*
 * class_seed.h: a class that took a course, in a progress store, for the
 * tests and benchmarks of the trainer's screens (tests/progress/class_seed.c,
 * built with CLASS_SEED_NO_MAIN into a test program).
 */
#ifndef HRC_TESTS_CLASS_SEED_H
#define HRC_TESTS_CLASS_SEED_H

#include "core/model.h"
#include "io/progress.h"

#include <stdint.h>

/*
 * Adds `learners` learners (names from a fixed list, with accents) to s,
 * which must be unlocked, in group (created when missing; NULL: the open
 * group, if any), and records their work through the course as
 * class_seed.c says; seed picks the names and answers (0: 1). bulk_dir:
 * the store's folder, to write the events in one SQL transaction (NULL:
 * through the store's API). Leaves no group open. Ends the process on a
 * store error (a test tool). Returns the events recorded.
 */
long class_seed_fill(hrc_progress *s, const hrc_course *course, long learners,
                     const char *group, uint64_t seed, const char *bulk_dir);

#endif
