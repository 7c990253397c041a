/*
 * progress_events.c: the append-only event log, sessions, and the derived
 * state (one summary row per learner and module) recomputed from the log in
 * the same transaction as every event.
 */
#include "io/progress_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Gaps longer than this inside a session (a crash, a kiosk left alone) do
 * not count as time spent. */
#define MAX_GAP_MS (30 * 60 * 1000)

/* ---- Summary ----------------------------------------------------------- */

#define EVENTS_OF "FROM event WHERE learner_id = ?1 AND module_id = ?2"
#define LATEST " ORDER BY time_ms DESC, id DESC LIMIT 1"
/* The learner's own events: not the facilitator's resets and merges. */
#define OWN " AND verb NOT IN ('reset', 'merged')"

/*
 * A reset (hrc_progress_reset_attempts) starts the module's quiz results
 * again: completion, success, scores and attempts count only the events
 * after the latest reset (HRC_PROGRESS_CUT). Time spent, the resume point
 * and the last activity count every event of the learner's own.
 * Two passes over the pair's events (the aggregates, the gaps), plus index
 * look-ups for the latest values and the cut (a partial index of resets).
 */
static const char refresh_sql[] =
    HRC_PROGRESS_CUT ",\n"
    " agg AS (SELECT count(*) AS n,"
    "   coalesce(max(CASE WHEN verb NOT IN ('reset', 'merged') THEN time_ms END),"
    "            max(time_ms)) AS last_ms,"
    "   max(after AND verb = 'completed') AS completed, max(after AND verb = 'passed') AS passed,"
    "   max(after AND verb = 'failed') AS failed,"
    "   max(CASE WHEN after AND verb IN ('passed', 'failed') THEN score END) AS best,"
    "   coalesce(max(CASE WHEN after THEN attempt END), 0) AS attempts,"
    "   sum(verb = 'reset') AS resets,"
    "   coalesce(max(CASE WHEN after AND verb = 'completed' THEN time_ms END), 0) AS done"
    "   FROM (SELECT e.verb, e.time_ms, e.score, e.attempt, " HRC_PROGRESS_AFTER_CUT " AS after"
    "         FROM event e, cut WHERE e.learner_id = ?1 AND e.module_id = ?2)),\n"
    " gaps AS (SELECT coalesce(sum(min(gap, 1800000)), 0) AS spent FROM"
    "   (SELECT time_ms - lag(time_ms) OVER (PARTITION BY session_id ORDER BY time_ms, id)"
    "    AS gap " EVENTS_OF OWN "))\n"
    "INSERT OR REPLACE INTO summary(learner_id, module_id, module_version, resume_item,"
    " completed, success, best_score, last_score, attempts, time_spent_ms,"
    " last_activity_ms, n_events, resets, completed_ms)\n"
    "SELECT ?1, ?2,\n"
    " coalesce((SELECT module_version " EVENTS_OF OWN LATEST "),"
    "          (SELECT module_version " EVENTS_OF LATEST ")),\n"
    " coalesce((SELECT item_id " EVENTS_OF OWN " AND item_id IS NOT NULL" LATEST "), ''),\n"
    " agg.completed,\n"
    " CASE WHEN agg.passed THEN 1 WHEN agg.failed THEN 2 ELSE 0 END,\n"
    " agg.best,\n"
    " (SELECT e.score FROM event e, cut WHERE e.learner_id = ?1 AND e.module_id = ?2"
    "  AND e.verb IN ('passed', 'failed') AND e.score IS NOT NULL AND " HRC_PROGRESS_AFTER_CUT
    "  ORDER BY e.time_ms DESC, e.id DESC LIMIT 1),\n"
    " agg.attempts, gaps.spent, agg.last_ms, agg.n, agg.resets, agg.done\n"
    "FROM agg, gaps WHERE agg.n > 0";

_Static_assert(MAX_GAP_MS == 1800000, "refresh_sql spells MAX_GAP_MS out");

int hrc_progress_refresh_summary(hrc_progress *s, int64_t learner, const char *module_id)
{
    /* Prepared once per store: it runs with every event recorded, and
     * preparing it costs about as much as running it. */
    int rc = SQLITE_OK;
    if (!s->refresh)
        rc = sqlite3_prepare_v2(s->db, refresh_sql, -1, &s->refresh, NULL);
    sqlite3_stmt *st = s->refresh;
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        sqlite3_bind_text(st, 2, module_id, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK
                             : hrc_progress_fail_db(s, rc, "updating the progress summary");
}

int hrc_progress_rebuild_summaries(hrc_progress *s)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_begin(s);
    if (r)
        return r;
    r = hrc_progress_exec(s, "DELETE FROM summary", "clearing summaries");
    sqlite3_stmt *st = NULL;
    int rc = SQLITE_OK;
    if (!r) {
        rc = sqlite3_prepare_v2(s->db, "SELECT DISTINCT learner_id, module_id FROM event",
                                -1, &st, NULL);
        while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            r = hrc_progress_refresh_summary(s, sqlite3_column_int64(st, 0),
                                             (const char *)sqlite3_column_text(st, 1));
            if (r)
                break;
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
        if (!r && rc != SQLITE_DONE)
            r = hrc_progress_fail_db(s, rc, "rebuilding summaries");
    }
    if (r) {
        hrc_progress_rollback(s);
        return r;
    }
    return hrc_progress_commit(s);
}

/* ---- Recording --------------------------------------------------------- */

static int check_event(hrc_progress *s, const hrc_session *session,
                       const hrc_progress_event *ev)
{
    const char *bad = NULL;
    if (!session || !session->active || session->learner_id <= 0 ||
        !hrc_progress_id_is_valid(session->module_id))
        bad = "the session was not begun, or has ended";
    else if ((unsigned)ev->verb >= HRC_VERB_COUNT || (unsigned)ev->end >= HRC_END_COUNT)
        bad = "unknown verb or session end";
    else if (ev->verb == HRC_VERB_RESET || ev->verb == HRC_VERB_MERGED)
        bad = "resets and merges are recorded by the facilitator's calls only";
    else if (ev->item_id && !hrc_progress_id_is_valid(ev->item_id))
        bad = "an item id is [A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    else if (ev->response && (strlen(ev->response) > HRC_PROGRESS_RESPONSE_MAX ||
                              !hrc_progress_utf8_is_valid(ev->response, strlen(ev->response))))
        bad = "a response is at most 4096 bytes of UTF-8";
    else if (ev->has_score && !(ev->score >= 0.0 && ev->score <= 1.0))
        bad = "a score lies between 0 and 1";
    else if (ev->hints_used < 0 || ev->attempt < 0 || ev->duration_ms < 0 ||
             ev->item_revision < 0 || ev->time_ms < 0)
        bad = "counts, durations and times are not negative";
    if (bad)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "%s", bad);
    return HRC_PROGRESS_OK;
}

static int next_seq(hrc_progress *s, int64_t *seq)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT coalesce(max(seq), 0) + 1 FROM event WHERE device_id = ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, s->device_id, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *seq = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK
                            : hrc_progress_fail_db(s, rc, "numbering the event");
}

static int insert_event(hrc_progress *s, const hrc_session *session,
                        const hrc_progress_event *ev, int64_t seq)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT INTO event(learner_id, session_id, module_id, module_version, content_hash,"
        " item_id, item_revision, verb, response, success, score, hints_used, attempt,"
        " duration_ms, time_ms, session_end, device_id, seq)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
        " ?17, ?18)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "recording");
    sqlite3_bind_int64(st, 1, session->learner_id);
    sqlite3_bind_text(st, 2, session->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, session->module_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, session->module_version);
    sqlite3_bind_text(st, 5, session->content_hash, -1, SQLITE_STATIC);
    if (ev->item_id)
        sqlite3_bind_text(st, 6, ev->item_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, ev->item_revision);
    sqlite3_bind_text(st, 8, hrc_verb_name(ev->verb), -1, SQLITE_STATIC);
    if (ev->response)
        sqlite3_bind_text(st, 9, ev->response, -1, SQLITE_STATIC);
    if (ev->has_success)
        sqlite3_bind_int(st, 10, ev->success);
    if (ev->has_score)
        sqlite3_bind_double(st, 11, ev->score);
    sqlite3_bind_int(st, 12, ev->hints_used);
    sqlite3_bind_int(st, 13, ev->attempt);
    sqlite3_bind_int64(st, 14, ev->duration_ms);
    sqlite3_bind_int64(st, 15, ev->time_ms ? ev->time_ms : hrc_progress_now_ms());
    sqlite3_bind_text(st, 16, hrc_session_end_name(ev->end), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 17, s->device_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 18, seq);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "recording");
}

int hrc_progress_append_event(hrc_progress *s, const hrc_session *session,
                              const hrc_progress_event *event, int64_t *out_seq)
{
    int64_t seq = 0;
    int r = next_seq(s, &seq);
    if (!r)
        r = insert_event(s, session, event, seq);
    if (!r && out_seq)
        *out_seq = seq;
    return r;
}

int hrc_progress_record(hrc_progress *s, const hrc_session *session,
                        const hrc_progress_event *event, int64_t *out_seq)
{
    if (out_seq)
        *out_seq = 0;
    if (!s)
        return HRC_PROGRESS_OK; /* not recording: by the caller's choice */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = check_event(s, session, event);
    if (!r)
        r = hrc_progress_begin(s);
    if (r)
        return r;
    int64_t seq = 0;
    r = next_seq(s, &seq);
    if (!r)
        r = insert_event(s, session, event, seq);
    if (!r)
        r = hrc_progress_refresh_summary(s, session->learner_id, session->module_id);
    if (r) {
        hrc_progress_rollback(s);
        return r;
    }
    r = hrc_progress_commit(s); /* synchronous=FULL: on disk when this returns */
    if (!r && out_seq)
        *out_seq = seq;
    return r;
}

int hrc_progress_record_answer(hrc_progress *s, const hrc_session *session,
                               const char *question_id, int revision,
                               const char *response, bool correct, double score,
                               int hints_used, int attempt, int64_t duration_ms,
                               int64_t *out_seq)
{
    hrc_progress_event ev = {
        .verb = HRC_VERB_ANSWERED, .item_id = question_id, .item_revision = revision,
        .response = response, .has_success = true, .success = correct,
        .has_score = true, .score = score, .hints_used = hints_used, .attempt = attempt,
        .duration_ms = duration_ms,
    };
    return hrc_progress_record(s, session, &ev, out_seq);
}

int hrc_progress_record_view(hrc_progress *s, const hrc_session *session,
                             const char *item_id, int64_t duration_ms)
{
    hrc_progress_event ev = {
        .verb = HRC_VERB_VIEWED, .item_id = item_id, .duration_ms = duration_ms,
    };
    return hrc_progress_record(s, session, &ev, NULL);
}

/* ---- Sessions ---------------------------------------------------------- */

int hrc_progress_begin_session(hrc_progress *s, int64_t learner,
                               const hrc_module_ref *module, hrc_session *out)
{
    memset(out, 0, sizeof *out);
    if (!module || !hrc_progress_id_is_valid(module->module_id) || module->module_version < 0 ||
        (module->content_hash && strlen(module->content_hash) >= sizeof out->content_hash))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "a module id, version and hash");
    out->learner_id = learner;
    snprintf(out->module_id, sizeof out->module_id, "%s", module->module_id);
    out->module_version = module->module_version;
    snprintf(out->content_hash, sizeof out->content_hash, "%s",
             module->content_hash ? module->content_hash : "");
    hrc_progress_uuid_random(out->id);
    out->active = true;
    if (!s)
        return HRC_PROGRESS_OK;

    hrc_module_progress before;
    int r = hrc_progress_get_module(s, learner, module->module_id, &before);
    if (r && r != HRC_PROGRESS_ERR_NOT_FOUND)
        return r;
    hrc_progress_event ev = {
        .verb = !r && !before.completed ? HRC_VERB_RESUMED : HRC_VERB_LAUNCHED,
    };
    r = hrc_progress_record(s, out, &ev, NULL);
    if (r)
        out->active = false;
    return r;
}

int hrc_progress_end_session(hrc_progress *s, hrc_session *session, hrc_verb verb,
                             hrc_session_end end)
{
    if (verb != HRC_VERB_SUSPENDED && verb != HRC_VERB_COMPLETED)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                                 "a session ends suspended or completed");
    if (!s) {
        session->active = false;
        return HRC_PROGRESS_OK;
    }
    int64_t now = hrc_progress_now_ms(), started = now;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT min(time_ms) FROM event WHERE session_id = ?1",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, session->id, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
            started = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    hrc_progress_event ev = {
        .verb = verb, .end = end, .duration_ms = now > started ? now - started : 0,
        .time_ms = now,
    };
    if (verb == HRC_VERB_COMPLETED)
        ev.has_success = false;
    int r = hrc_progress_record(s, session, &ev, NULL);
    if (!r) {
        session->active = false;
        if (s->on_session_end)
            s->on_session_end(s->on_session_end_user);
    }
    return r;
}

void hrc_progress_on_session_end(hrc_progress *s, void (*fn)(void *user), void *user)
{
    if (!s)
        return;
    s->on_session_end = fn;
    s->on_session_end_user = user;
}

/* ---- Reading the derived state ---------------------------------------- */

#define SUMMARY_COLUMNS(resets)                                                           \
    "SELECT s.learner_id, l.name, s.module_id, s.module_version, s.resume_item, s.completed," \
    " s.success, s.best_score, s.last_score, s.attempts, s.time_spent_ms,"                 \
    " s.last_activity_ms, s.n_events, " resets                                             \
    " FROM summary s JOIN learner l ON l.id = s.learner_id "

/* The summary's columns; a store older than version 6 (opened read-only,
 * so never upgraded) has no count of resets. */
static const char *summary_columns(const hrc_progress *s)
{
    return s->schema_version >= 6 ? SUMMARY_COLUMNS("s.resets, s.completed_ms")
                                  : SUMMARY_COLUMNS("0, 0");
}

static void read_summary(sqlite3_stmt *st, hrc_module_progress *p)
{
    memset(p, 0, sizeof *p);
    p->learner_id = sqlite3_column_int64(st, 0);
    snprintf(p->learner_name, sizeof p->learner_name, "%s",
             (const char *)sqlite3_column_text(st, 1));
    snprintf(p->module_id, sizeof p->module_id, "%s", (const char *)sqlite3_column_text(st, 2));
    p->module_version = sqlite3_column_int(st, 3);
    snprintf(p->resume_item, sizeof p->resume_item, "%s",
             (const char *)sqlite3_column_text(st, 4));
    p->completed = sqlite3_column_int(st, 5);
    int success = sqlite3_column_int(st, 6);
    p->success = success == 1 ? HRC_SUCCESS_PASSED
               : success == 2 ? HRC_SUCCESS_FAILED : HRC_SUCCESS_UNKNOWN;
    p->has_score = sqlite3_column_type(st, 7) != SQLITE_NULL;
    p->best_score = sqlite3_column_double(st, 7);
    p->last_score = sqlite3_column_double(st, 8);
    p->attempts = sqlite3_column_int(st, 9);
    p->time_spent_ms = sqlite3_column_int64(st, 10);
    p->last_activity_ms = sqlite3_column_int64(st, 11);
    p->n_events = sqlite3_column_int64(st, 12);
    p->resets = sqlite3_column_int(st, 13);
    p->completed_ms = sqlite3_column_int64(st, 14);
}

/* Runs a summary query; learner <= 0 means no learner to bind. */
static int list_summaries(hrc_progress *s, const char *where, int64_t learner,
                          hrc_module_progress **out, size_t *n)
{
    char sql[1024];
    snprintf(sql, sizeof sql, "%s%s", summary_columns(s), where);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "reading progress");
    if (learner > 0)
        sqlite3_bind_int64(st, 1, learner);
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            hrc_module_progress *grown = realloc(*out, cap * sizeof **out);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = grown;
        }
        read_summary(st, &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return hrc_progress_fail_db(s, rc, "reading progress");
    }
    return HRC_PROGRESS_OK;
}

int hrc_progress_get_module(hrc_progress *s, int64_t learner, const char *module_id,
                            hrc_module_progress *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    char sql[1024];
    snprintf(sql, sizeof sql, "%sWHERE s.learner_id = ?1 AND s.module_id = ?2",
             summary_columns(s));
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        sqlite3_bind_text(st, 2, module_id ? module_id : "", -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            read_summary(st, out);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "not started yet");
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading progress");
}

int hrc_progress_list_modules(hrc_progress *s, int64_t learner, hrc_module_progress **out,
                              size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s)
        return HRC_PROGRESS_OK;
    if (learner <= 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return list_summaries(s, "WHERE s.learner_id = ?1 ORDER BY s.last_activity_ms DESC,"
                             " s.module_id", learner, out, n);
}

int hrc_progress_list_all(hrc_progress *s, hrc_module_progress **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s)
        return HRC_PROGRESS_OK;
    int r = hrc_progress_require_unlocked(s);
    if (r)
        return r;
    return list_summaries(s, "ORDER BY l.name COLLATE NOCASE, l.id, s.module_id", 0, out, n);
}
