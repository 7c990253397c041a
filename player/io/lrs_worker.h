/*
 * lrs_worker.h: the sync to a learning record store (lrs_sync.h) in the
 * background, while the player plays.
 *
 * Promises:
 * - One thread, with its own connection to the progress store (SQLite in
 *   WAL mode: the player's own connection keeps recording; at worst an
 *   answer's commit waits for one of the worker's small commits).
 * - A sync runs at start, after each hrc_lrs_worker_poke() (the player
 *   pokes after each finished module), and every config.interval_s
 *   seconds. A poke during a sync makes another one run right after.
 * - hrc_lrs_worker_stop() cancels a sync in progress (even in the middle
 *   of a request or a backoff) and joins the thread within a fraction of a
 *   second.
 * - hrc_lrs_worker_poke() and hrc_lrs_worker_status() never wait for a
 *   sync: they only take a lock held for a copy. Safe from any thread.
 */
#ifndef HRC_LRS_WORKER_H
#define HRC_LRS_WORKER_H

#include "io/lrs_sync.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct hrc_lrs_worker hrc_lrs_worker;

/* What the facilitator screen shows. */
typedef struct hrc_lrs_status {
    bool syncing;             /* a sync is under way */
    unsigned started;         /* syncs started so far */
    unsigned runs;            /* syncs finished so far (cancelled ones are not) */
    int64_t last_success_s;   /* Unix time of the last sync that went through; 0: none */
    int64_t last_attempt_s;   /* Unix time of the last sync's end; 0: none */
    int64_t pending;          /* statements waiting; -1 unknown */
    int64_t refused;          /* statements the LRS refused, set aside */
    char refused_reason[256]; /* the latest refusal's reason */
    hrc_lrs_error last_error; /* what stopped the last sync; result HRC_LRS_OK if none */
    char endpoint[HRC_LRS_TEXT_MAX];
} hrc_lrs_status;

/*
 * Starts the thread. data_dir is the store's folder as for
 * hrc_progress_open() (NULL: the default); it is copied, and so is config.
 * course (borrowed, may be NULL) describes typed answers in the statements
 * (hrc_progress_set_course); it must outlive the worker. Call
 * hrc_lrs_global_init() first. NULL when the thread cannot start.
 */
struct hrc_course;
hrc_lrs_worker *hrc_lrs_worker_start(const char *data_dir, const hrc_lrs_config *config,
                                     const struct hrc_course *course);

/* Asks for a sync now. NULL is fine. */
void hrc_lrs_worker_poke(hrc_lrs_worker *w);
/* A hrc_progress_on_session_end() callback: user is the worker. */
void hrc_lrs_worker_poke_cb(void *user);

/* A snapshot of the state. false (and *out zeroed) for NULL. */
bool hrc_lrs_worker_status(hrc_lrs_worker *w, hrc_lrs_status *out);

/* Cancels, joins and frees. NULL is fine. */
void hrc_lrs_worker_stop(hrc_lrs_worker *w);

#endif
