/*
 * progress_sync.h: what the sync to a learning record store (io/lrs_sync.h)
 * needs from the progress store: the statements an LRS has not yet
 * acknowledged, read one batch at a time, and a durable record of what the
 * LRS acknowledged or refused.
 *
 * Promises:
 * - Every event of the store, recorded on this kiosk or imported, is one
 *   xAPI statement, byte for byte what --export writes, with a stable id
 *   (derived from the event's device id and sequence number): sending it
 *   twice lets the LRS recognise it.
 * - A target is one LRS, told apart by its endpoint and user. What one
 *   target acknowledged says nothing about another: a new LRS gets
 *   everything.
 * - hrc_progress_sync_read() holds at most one batch in memory, whatever
 *   the size of the store.
 * - hrc_progress_sync_mark() records a batch's outcome in one transaction,
 *   committed and synced (synchronous=FULL) before it returns.
 * - Deleting a learner deletes their sync records with their events (what
 *   an LRS already holds stays there).
 *
 * Same rules as progress.h: one store per thread, results are
 * hrc_progress_result values with hrc_progress_errmsg().
 */
#ifndef HRC_PROGRESS_SYNC_H
#define HRC_PROGRESS_SYNC_H

#include "io/progress.h"

#include <stddef.h>
#include <stdint.h>

typedef enum hrc_sync_status {
    HRC_SYNC_SENT,    /* the LRS stored it (2xx) */
    HRC_SYNC_PRESENT, /* the LRS already held a statement with its id (409) */
    HRC_SYNC_REFUSED, /* the LRS refused it (400); set aside with the reason */
} hrc_sync_status;

/* One statement of a batch. */
typedef struct hrc_sync_item {
    int64_t event_id;      /* the store's row: what hrc_progress_sync_mark() takes */
    char statement_id[37];
    size_t offset, length; /* the statement's JSON object in batch->json */
} hrc_sync_item;

/* A batch of statements. Reused from read to read: memory stays that of
 * the largest batch. */
typedef struct hrc_sync_batch {
    hrc_sync_item *items;
    size_t count;
    char *json;            /* the statements one after another, no separators */
    size_t json_len;
    int64_t last_event_id; /* pass it as `after` to read the next batch */
    size_t items_cap;      /* private */
} hrc_sync_batch;

void hrc_sync_batch_init(hrc_sync_batch *b);
void hrc_sync_batch_free(hrc_sync_batch *b); /* fine on an initialised, empty batch */

/* Finds, or adds, the target for this endpoint and user (user may be NULL
 * or ""). Needs a writable store. */
int hrc_progress_sync_target(hrc_progress *s, const char *endpoint, const char *user,
                             int64_t *target);

/*
 * Reads into out up to max (1..10000) statements of events after event row
 * `after` (0: from the start) that the target has neither acknowledged nor
 * refused, in event order. out->count is 0 when there are no more.
 */
int hrc_progress_sync_read(hrc_progress *s, int64_t target, int64_t after, size_t max,
                           hrc_sync_batch *out);

typedef struct hrc_sync_mark {
    int64_t event_id;
    hrc_sync_status status;
    const char *reason;    /* HRC_SYNC_REFUSED: the LRS's words; else NULL */
} hrc_sync_mark;

/* Records the outcome of n statements, in one transaction. An event deleted
 * meanwhile (its learner was deleted) is skipped. */
int hrc_progress_sync_mark(hrc_progress *s, int64_t target, const hrc_sync_mark *marks,
                           size_t n);

/* Deletes the target's refusals: those statements are pending again.
 * *count (may be NULL) gets how many. */
int hrc_progress_sync_forget_refused(hrc_progress *s, int64_t target, int64_t *count);

typedef struct hrc_sync_counts {
    int64_t events;        /* statements in the store */
    int64_t acknowledged;  /* sent or present */
    int64_t refused;       /* set aside */
    int64_t pending;       /* neither: still to send */
    /* The latest refusal: which statement and why; "" when none. */
    char refused_id[37];
    char refused_reason[256];
} hrc_sync_counts;

/* Counts for a target. Reads only: works on a read-only store, where an
 * unknown target (target 0) has everything pending. */
int hrc_progress_sync_counts(hrc_progress *s, int64_t target, hrc_sync_counts *out);

/* Finds the target without adding it: *target is 0 when it has never been
 * synced to. Works on a read-only store. */
int hrc_progress_sync_find_target(hrc_progress *s, const char *endpoint, const char *user,
                                  int64_t *target);

#endif
