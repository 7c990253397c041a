/*
 * progress_trainer.c: what a facilitator does to learners' records beyond
 * names and PINs: starting a module's quiz attempts again, and merging two
 * profiles of one person. Both are recorded in the log as events of their
 * own ("reset", "merged"), so exports show them. See progress.h.
 */
#include "io/progress_internal.h"

#include <stdlib.h>
#include <string.h>

static int require_facilitator(hrc_progress *s)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    return r ? r : hrc_progress_require_unlocked(s);
}

/*
 * A facilitator's session in the learner's module: its own registration,
 * the module version and content hash of the learner's latest event there.
 * HRC_PROGRESS_ERR_NOT_FOUND when the learner has no event in it.
 */
static int facilitator_session(hrc_progress *s, int64_t learner, const char *module_id,
                               hrc_session *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT module_version, content_hash FROM event WHERE learner_id = ?1"
        " AND module_id = ?2 ORDER BY time_ms DESC, id DESC LIMIT 1", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        sqlite3_bind_text(st, 2, module_id, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            out->module_version = sqlite3_column_int(st, 0);
            snprintf(out->content_hash, sizeof out->content_hash, "%s",
                     (const char *)sqlite3_column_text(st, 1));
        }
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND,
                                 "this learner has not started module %s", module_id);
    if (rc != SQLITE_ROW)
        return hrc_progress_fail_db(s, rc, "reading the learner's module");
    out->learner_id = learner;
    snprintf(out->module_id, sizeof out->module_id, "%s", module_id);
    hrc_progress_uuid_random(out->id);
    out->active = true;
    return HRC_PROGRESS_OK;
}

int hrc_progress_reset_attempts(hrc_progress *s, int64_t learner, const char *module_id,
                                int64_t *out_seq)
{
    if (out_seq)
        *out_seq = 0;
    int r = require_facilitator(s);
    if (r)
        return r;
    if (!hrc_progress_id_is_valid(module_id))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no such module id");
    hrc_module_progress before;
    r = hrc_progress_get_module(s, learner, module_id, &before);
    if (r == HRC_PROGRESS_ERR_NOT_FOUND)
        return hrc_progress_fail(s, r, "this learner has not started module %s", module_id);
    if (!r)
        r = hrc_progress_begin(s);
    if (r)
        return r;
    hrc_session session;
    r = facilitator_session(s, learner, module_id, &session);
    /* The attempts that were: kept in the event, for the report. */
    hrc_progress_event ev = {.verb = HRC_VERB_RESET, .attempt = before.attempts};
    int64_t seq = 0;
    if (!r)
        r = hrc_progress_append_event(s, &session, &ev, &seq);
    if (!r)
        r = hrc_progress_refresh_summary(s, learner, module_id);
    if (r) {
        hrc_progress_rollback(s);
        return r;
    }
    r = hrc_progress_commit(s);
    if (!r && out_seq)
        *out_seq = seq;
    return r;
}

/* The modules a learner has events in, by id. Free with free(). */
static int modules_of(hrc_progress *s, int64_t learner, char (**out)[HRC_PROGRESS_ID_MAX],
                      size_t *n, size_t *events)
{
    *out = NULL;
    *n = 0;
    *events = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT module_id, count(*) FROM event WHERE learner_id = ?1"
        " GROUP BY module_id ORDER BY module_id", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "reading the learner's modules");
    sqlite3_bind_int64(st, 1, learner);
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            void *grown = realloc(*out, cap * sizeof **out);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = grown;
        }
        snprintf((*out)[*n], HRC_PROGRESS_ID_MAX, "%s", (const char *)sqlite3_column_text(st, 0));
        (*n)++;
        *events += (size_t)sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return hrc_progress_fail_db(s, rc, "reading the learner's modules");
    }
    return HRC_PROGRESS_OK;
}

static int run(hrc_progress *s, const char *sql, int64_t a, int64_t b, const char *text,
               const char *doing)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, a);
        sqlite3_bind_int64(st, 2, b);
        if (text)
            sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, hrc_progress_now_ms());
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, doing);
}

/* The merged profile's events become the kept one's: the one change the
 * log ever sees, with its guard lifted inside this transaction only. */
static int move_events(hrc_progress *s, int64_t keep, int64_t merged)
{
    int r = hrc_progress_exec(s, "DROP TRIGGER event_append_only", "merging profiles");
    if (!r)
        r = run(s, "UPDATE event SET learner_id = ?1 WHERE learner_id = ?2", keep, merged, NULL,
                "merging profiles");
    if (!r)
        r = hrc_progress_exec(s, HRC_PROGRESS_APPEND_ONLY_TRIGGER, "merging profiles");
    return r;
}

/* Remembers the merged profile's id (and those merged into it before). */
static int remember_alias(hrc_progress *s, int64_t keep, int64_t merged)
{
    int r = run(s, "UPDATE learner_alias SET learner_id = ?1 WHERE learner_id = ?2", keep,
                merged, NULL, "merging profiles");
    if (!r)
        r = run(s, "INSERT OR REPLACE INTO learner_alias(uuid, home_device, learner_id,"
                   " merged_ms) SELECT uuid, home_device, ?1, ?4 FROM learner WHERE id = ?2",
                keep, merged, NULL, "merging profiles");
    return r;
}

int hrc_progress_merge_learners(hrc_progress *s, int64_t keep, int64_t merged,
                                hrc_merge_stats *stats)
{
    hrc_merge_stats scratch;
    if (!stats)
        stats = &scratch;
    memset(stats, 0, sizeof *stats);
    int r = require_facilitator(s);
    if (r)
        return r;
    if (keep == merged)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                                 "a profile cannot be merged into itself");
    hrc_learner kept, gone;
    r = hrc_progress_get_learner(s, keep, &kept);
    if (!r)
        r = hrc_progress_get_learner(s, merged, &gone);
    if (!r)
        r = hrc_progress_begin(s);
    if (r)
        return r;
    char (*modules)[HRC_PROGRESS_ID_MAX] = NULL;
    size_t n_modules = 0, events = 0;
    r = modules_of(s, merged, &modules, &n_modules, &events);
    if (!r)
        r = move_events(s, keep, merged);
    /* One "merged" event in each module that received events. */
    for (size_t i = 0; !r && i < n_modules; i++) {
        hrc_session session;
        r = facilitator_session(s, keep, modules[i], &session);
        hrc_progress_event ev = {.verb = HRC_VERB_MERGED, .response = gone.uuid};
        if (!r)
            r = hrc_progress_append_event(s, &session, &ev, NULL);
    }
    if (!r)
        r = remember_alias(s, keep, merged);
    if (!r)
        r = run(s, "DELETE FROM learner WHERE id = ?2", keep, merged, NULL, "merging profiles");
    for (size_t i = 0; !r && i < n_modules; i++)
        r = hrc_progress_refresh_summary(s, keep, modules[i]);
    free(modules);
    if (r) {
        hrc_progress_rollback(s);
        return r;
    }
    r = hrc_progress_commit(s);
    if (r)
        return r;
    stats->events_moved = events;
    stats->modules = n_modules;
    /* The deleted profile's rows leave the write-ahead log too. */
    sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    return HRC_PROGRESS_OK;
}
