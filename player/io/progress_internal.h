/*
 * progress_internal.h: what the progress_*.c files share. Not for the rest
 * of the player, which sees only progress.h (and no SQLite).
 */
#ifndef HRC_PROGRESS_INTERNAL_H
#define HRC_PROGRESS_INTERNAL_H

#include "io/progress.h"

#include <sqlite3.h>
#include <stdio.h>

#define HRC_PROGRESS_SCHEMA_VERSION 7
#define HRC_PROGRESS_RESPONSE_MAX 4096 /* bytes of an answer's text */

struct hrc_progress {
    sqlite3 *db;
    bool readonly;
    bool unlocked;        /* facilitator functions allowed */
    bool fast_pin_hash;   /* HRC_PROGRESS_OPEN_FAST_PIN_HASH */
    bool skip_check;      /* HRC_PROGRESS_OPEN_SECONDARY: no quick_check */
    int schema_version;
    char device_id[33];
    char path[HRC_PROGRESS_PATH_MAX];
    char err[HRC_PROGRESS_MSG_MAX];
    hrc_progress_clock clock; /* NULL: the system's */
    void *clock_ctx;
    int64_t wait_ms;      /* after the last PIN check */
    hrc_export_report export_report;
    void (*on_session_end)(void *user); /* hrc_progress_on_session_end() */
    void *on_session_end_user;
    const struct hrc_course *course; /* borrowed: hrc_progress_set_course() */
    sqlite3_stmt *refresh; /* the summary's statement, prepared once (progress_events.c) */
};

/* Sets s->err (printf-style) and returns result. */
int hrc_progress_fail(hrc_progress *s, int result, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Turns an SQLite failure into a result, with what was being done. */
int hrc_progress_fail_db(hrc_progress *s, int rc, const char *doing);
/* The result an SQLite code stands for (full disk, read-only, busy...). */
int hrc_progress_result_of(sqlite3 *db, int rc);

/* Runs SQL with no result rows. */
int hrc_progress_exec(hrc_progress *s, const char *sql, const char *doing);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. commit() rolls back on failure. */
int hrc_progress_begin(hrc_progress *s);
int hrc_progress_commit(hrc_progress *s);
void hrc_progress_rollback(hrc_progress *s);

/* The setting called key into out ("" and *found false when none). */
int hrc_progress_get_setting(hrc_progress *s, const char *key, char *out, size_t size,
                             bool *found);
/* Sets (or replaces) a setting; autocommits unless in a transaction. */
int hrc_progress_put_setting(hrc_progress *s, const char *key, const char *value);

/* Checks shared by every writer: a writable store (not NULL). */
int hrc_progress_require_writable(hrc_progress *s);
int hrc_progress_require_unlocked(hrc_progress *s);

/* [A-Za-z0-9][A-Za-z0-9_.-]{0,63}, as the module format. */
bool hrc_progress_id_is_valid(const char *id);
bool hrc_progress_utf8_is_valid(const char *s, size_t len);
/* 32 lowercase hex digits: a device id. */
bool hrc_progress_hex32_is_valid(const char *s);

int64_t hrc_progress_now_ms(void);
/* The store's clock (hrc_progress_set_clock), for PIN throttling. */
int64_t hrc_progress_clock_ms(const hrc_progress *s);
/* "2026-05-01T09:30:00.250Z"; out has at least 32 bytes. */
void hrc_progress_format_time(int64_t ms, char *out, size_t size);
/* Parses exactly the form above; false otherwise. */
bool hrc_progress_parse_time(const char *text, int64_t *ms);

/* A random UUID v4, and one derived from (device id, sequence). */
void hrc_progress_uuid_random(char out[37]);
void hrc_progress_uuid_for_event(const char *device_id, int64_t seq, char out[37]);
bool hrc_progress_uuid_is_valid(const char *text);

/*
 * One event as an xAPI statement (progress_xapi.c): the same bytes for the
 * JSON export and the sync to an LRS. st is a row of
 * "SELECT " HRC_STATEMENT_COLUMNS HRC_STATEMENT_FROM ...; more columns may
 * follow those.
 */
#define HRC_STATEMENT_COLUMNS                                                              \
    "e.device_id, e.seq, l.uuid, l.name, e.verb, e.module_id, e.item_id,"                  \
    " e.module_version, e.content_hash, e.item_revision, e.response, e.success, e.score,"  \
    " e.hints_used, e.attempt, e.duration_ms, e.time_ms, e.session_id, e.session_end,"     \
    " l.home_device"
#define HRC_STATEMENT_N_COLUMNS 20
#define HRC_STATEMENT_FROM " FROM event e JOIN learner l ON l.id = e.learner_id"
struct hrc_progress_out;
/* Invalid UTF-8 from a tampered store is written as U+FFFD (counted in
 * out->replaced). */
void hrc_progress_put_statement(struct hrc_progress_out *out, sqlite3_stmt *st,
                                const struct hrc_course *course);

bool hrc_verb_parse(const char *name, hrc_verb *out);
bool hrc_session_end_parse(const char *name, hrc_session_end *out);

/* "SELECT <the columns of hrc_learner> FROM learner ", for this store's
 * schema, and the reader of one such row. */
const char *hrc_progress_learner_columns(const hrc_progress *s);
void hrc_progress_read_learner(sqlite3_stmt *st, hrc_learner *l);

/* Groups (progress_groups.c): "YYYY-MM-DD", a real date; and a new group
 * of an already cleaned name, inside or outside a transaction. */
bool hrc_progress_day_is_valid(const char *day);
int hrc_progress_insert_group(hrc_progress *s, const char *clean_name, const char *day,
                              int64_t *out_id);

/* The trigger that keeps the event log append-only; a merge lifts it
 * for its one change of owner, inside its transaction. */
#define HRC_PROGRESS_APPEND_ONLY_TRIGGER                                  \
    "CREATE TRIGGER event_append_only BEFORE UPDATE ON event\n"          \
    "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n"

/*
 * The latest reset of a learner's module (learner ?1, module ?2), as a
 * common table "cut" of one row: its time t, device d and sequence q, or
 * (-1, '', -1) when there was none. An event e comes after it when it was
 * recorded later on the same device (by sequence, whatever the clocks
 * say), or, recorded by another kiosk, at a later time
 * (HRC_PROGRESS_AFTER_CUT, with e and cut in the FROM clause).
 */
#define HRC_PROGRESS_CUT                                                            \
    "WITH cut AS (SELECT time_ms AS t, device_id AS d, seq AS q FROM event"          \
    " WHERE learner_id = ?1 AND module_id = ?2 AND verb = 'reset'"                   \
    " UNION ALL SELECT -1, '', -1 ORDER BY 1 DESC, 3 DESC LIMIT 1)"
#define HRC_PROGRESS_AFTER_CUT                                                      \
    "(CASE WHEN cut.q < 0 THEN 1 WHEN e.device_id = cut.d THEN e.seq > cut.q"         \
    " ELSE e.time_ms > cut.t END)"

/* " WHERE <alias>.group_id ..." keeping the learners of group (alias:
 * the learner table's, in the query); "" for HRC_GROUP_ALL. A group id is
 * bound as ?1 by the caller. */
const char *hrc_progress_group_where(const hrc_progress *s, int64_t group, const char *alias);

/* Appends one event (checked by the caller) inside the caller's
 * transaction, without refreshing the summary. */
int hrc_progress_append_event(hrc_progress *s, const hrc_session *session,
                              const hrc_progress_event *event, int64_t *out_seq);

/* Recomputes the summary row of one learner in one module from the log.
 * Runs inside the caller's transaction. */
int hrc_progress_refresh_summary(hrc_progress *s, int64_t learner,
                                 const char *module_id);

/* The result an errno stands for (full disk, read-only...). */
int hrc_progress_errno_result(int e);

/*
 * Output files written whole or not at all: a temporary file created next
 * to path by mkstemp (O_EXCL: never through a link; mode 0600), then
 * synced (sync), renamed over path and the folder synced (commit).
 * close() is sync then commit. Each returns the first write error and
 * removes the temporary file on failure; abort() removes it too.
 */
typedef struct hrc_progress_out {
    FILE *f;
    char path[HRC_PROGRESS_PATH_MAX];
    char tmp[HRC_PROGRESS_PATH_MAX + 16];
    size_t replaced; /* invalid UTF-8 sequences written as U+FFFD */
} hrc_progress_out;

int hrc_progress_out_open(hrc_progress *s, hrc_progress_out *out, const char *path);
int hrc_progress_out_sync(hrc_progress *s, hrc_progress_out *out);
int hrc_progress_out_commit(hrc_progress *s, hrc_progress_out *out);
int hrc_progress_out_close(hrc_progress *s, hrc_progress_out *out);
void hrc_progress_out_abort(hrc_progress_out *out);
/* Writes text (NULL: nothing), each invalid UTF-8 sequence as U+FFFD.
 * json: escaped as a JSON string's content. */
void hrc_progress_out_text(hrc_progress_out *out, const char *text, bool json);
void hrc_progress_out_textn(hrc_progress_out *out, const char *text, size_t len, bool json);

/* One CSV field (RFC 4180; a leading = + - @ quoted behind a '). */
void hrc_progress_csv_field(hrc_progress_out *o, const char *text, bool last);

/* ---- Keys (progress_keys.c) ---- */

/* Makes this kiosk's key pair; inside the caller's transaction. */
int hrc_progress_make_kiosk_key(hrc_progress *s);
/* Writes PATH.sig for the export whose bytes are in the synced temporary
 * file of json (before it is committed); the .sig goes through *sig, which
 * the caller commits after json. */
int hrc_progress_sign_export(hrc_progress *s, hrc_progress_out *json, hrc_progress_out *sig);
/* Checks PATH.sig against the export's bytes; fills *signer. Then
 * decides whether the signer is trusted (this kiosk or a trusted one). */
int hrc_progress_verify_export(hrc_progress *s, const char *path, const char *text,
                               size_t len, hrc_kiosk *signer);
/* Whether events recorded by, and learners of, device are accepted in
 * imports: this kiosk or a trusted one. */
int hrc_progress_device_trusted(hrc_progress *s, const char *device, bool *out);

#endif
