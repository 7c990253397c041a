/*
 * session.h: what a signed-in learner does, and its record in the progress
 * store. Starting and ending a module's session, views, answers, quiz
 * attempts and completion all go through here, so that the screens only
 * say what happened and app.c only moves between screens.
 *
 * Promises:
 * - An answer is committed to the store before the call returns true; on
 *   false, app->notice says why and nothing was recorded (the quiz screen
 *   then shows no feedback).
 * - Guests, author previews and a kiosk playing on without a store record
 *   nothing, and every call still works (the learner's progress is kept in
 *   memory for this run).
 * - What the home and contents screens show of the store (each module's
 *   summary) is read here when it changes: at sign-in and after each
 *   record. Drawing never asks the store.
 */
#ifndef HRC_SCREENS_SESSION_H
#define HRC_SCREENS_SESSION_H

#include "core/model.h"
#include "core/quiz.h"
#include "io/progress.h"
#include "screens/app.h"

#include <stdbool.h>
#include <stdint.h>

/* What the learner has done in one module. */
typedef struct module_state {
    bool *seen;          /* per item: viewed (or a quiz answered) */
    int *attempts_used;  /* per item (quizzes): attempts finished */
    double *best;        /* per item, percent of the best finished attempt; -1 none */
    int *scroll;         /* per item: where the learner left it, in pixels */
    int *place;          /* per item: the same in thousandths of its length; -1 none */
    int last_item;       /* the item last shown, -1 none: its place is kept */
    bool launched;
    bool completed;      /* the completion rule was met and recorded */
    bool stored;         /* the store holds a summary of this module ... */
    hrc_module_progress summary; /* ... as it was after the last record */
} module_state;

typedef struct learner_session {
    module_state *mods;        /* per course module */
    hrc_session store;         /* the store's session of the module played */
    int module;                /* that module, -1 when none */
    uint64_t item_shown_ms;    /* when the item or question was shown */
    hrc_quiz_attempt *attempt; /* the open quiz attempt, or NULL */
    int attempt_module, attempt_item;
} learner_session;

/* Per-module state for a course; 0, or -1 when out of memory. Pair with
 * session_fini() (fine after a failed init). */
int session_init(learner_session *s, const hrc_course *course);
void session_fini(learner_session *s, const hrc_course *course);

/* Whether what the learner does now goes to the store. */
bool session_recording(const hrc_app *app);

/* A learner signed in: forgets the previous one's progress and reads this
 * one's from the store: items viewed, quiz attempts finished and best
 * scores, completion, so that every tick survives a restart. */
void session_start_learner(hrc_app *app);
/* The learner leaves (sign-out, idle time-out, quit): the module's session
 * ends with `why` and the open attempt is dropped. */
void session_stop(hrc_app *app, hrc_session_end why);

/* Entering a module (from its contents or an item): launched or resumed in
 * the store, once; the session of another module ends first. */
void session_enter_module(hrc_app *app, int module);
/* Leaving the module's screens: suspended in the store. */
void session_leave_module(hrc_app *app, hrc_session_end why);

/* An item (page, timeline, case study) was shown: recorded as viewed. */
void session_view(hrc_app *app, int module, int item);
/* The question shown changed: time on it counts from now. */
void session_question_shown(hrc_app *app);

/*
 * Opens the quiz: the attempt still open (left part-way, in this run or
 * before a restart: its answers come back from the store) continues at its
 * first unanswered question; otherwise a new attempt starts. None when
 * every attempt is used. An attempt counts once its last question is
 * submitted (or the learner starts over).
 */
void session_open_quiz(hrc_app *app, int module, int item);
/* A new attempt, after the results of the last one. */
void session_start_attempt(hrc_app *app, int module, int item);
/* The learner chose to start over: the open attempt ends with what it
 * scored so far (recorded, and counted), and a new one starts. False
 * (app->notice says why) when it could not be recorded. */
bool session_start_over(hrc_app *app);
/* The open attempt at this quiz, or NULL. */
hrc_quiz_attempt *session_attempt(const hrc_app *app, int module, int item);
/* Records the answer to the question `it` of the open attempt. */
bool session_answer(hrc_app *app, const hrc_quiz_item *it);
/* Records the open attempt's result (passed or failed) and what it means
 * for the module; false (app->notice says why) when it could not be. */
bool session_finish_attempt(hrc_app *app);

/* What the learner has done in a module; NULL for a bad index. */
const module_state *session_module(const hrc_app *app, int module);
/* Whether an item counts as done: viewed, or for a quiz passed. */
bool session_item_done(const hrc_app *app, int module, int item);
/* Items of the module done, out of all. */
void session_counts(const hrc_app *app, int module, int *done, int *total);
/* Whether the module's completion rule is met (docs/format-v1.md). */
bool session_module_complete(const hrc_app *app, int module);
/* Modules complete, out of all. */
void session_course_counts(const hrc_app *app, int *done, int *total);
/* Remembers where the learner is in an item (scroll of content_h), to
 * come back to it; memory only (called by the frame). The store keeps the
 * place of the item last shown when the learner leaves the module, so
 * that it outlives the sign-in. */
void session_keep_scroll(hrc_app *app, int module, int item, int scroll, int content_h);

#endif
