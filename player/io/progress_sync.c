/*
 * progress_sync.c: the store's side of the sync to a learning record store
 * (progress_sync.h): unacknowledged statements a batch at a time, and the
 * record of what each LRS acknowledged or refused (schema version 3).
 */
#include "io/progress_sync.h"
#include "io/progress_internal.h"

#include <stdlib.h>
#include <string.h>

#define SYNC_READ_MAX 10000
#define REASON_MAX 1000 /* bytes of an LRS's reason kept in the store */

void hrc_sync_batch_init(hrc_sync_batch *b)
{
    memset(b, 0, sizeof *b);
}

void hrc_sync_batch_free(hrc_sync_batch *b)
{
    free(b->items);
    free(b->json);
    memset(b, 0, sizeof *b);
}

/* Copies src into dst, cut on a UTF-8 character boundary when too long. */
static void copy_utf8(char *dst, size_t size, const char *src)
{
    size_t len = strlen(src);
    if (len >= size)
        for (len = size - 1; len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80; len--)
            ;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static int find_target(hrc_progress *s, const char *endpoint, const char *user,
                       int64_t *target)
{
    *target = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT id FROM sync_target WHERE endpoint = ?1 AND user = ?2", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, endpoint, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, user ? user : "", -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *target = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? HRC_PROGRESS_OK
               : hrc_progress_fail_db(s, rc, "reading the sync targets");
}

int hrc_progress_sync_find_target(hrc_progress *s, const char *endpoint, const char *user,
                                  int64_t *target)
{
    *target = 0;
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    if (!endpoint || !*endpoint)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no LRS endpoint");
    return find_target(s, endpoint, user, target);
}

int hrc_progress_sync_target(hrc_progress *s, const char *endpoint, const char *user,
                             int64_t *target)
{
    *target = 0;
    if (!s)
        return HRC_PROGRESS_ERR_READONLY;
    int r = hrc_progress_require_writable(s);
    if (r)
        return r;
    if (!endpoint || !*endpoint)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no LRS endpoint");
    r = find_target(s, endpoint, user, target);
    if (r || *target)
        return r;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT OR IGNORE INTO sync_target(endpoint, user, created_ms) VALUES(?1, ?2, ?3)", -1,
        &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, endpoint, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, user ? user : "", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, hrc_progress_now_ms());
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "adding a sync target");
    /* Another process may have added it first: read it back either way. */
    return find_target(s, endpoint, user, target);
}

static const char read_sql[] =
    "SELECT " HRC_STATEMENT_COLUMNS ", e.id" HRC_STATEMENT_FROM
    " WHERE e.id > ?1 AND NOT EXISTS (SELECT 1 FROM sync_state y"
    "   WHERE y.target_id = ?2 AND y.event_id = e.id)"
    " ORDER BY e.id LIMIT ?3";

static bool grow_items(hrc_sync_batch *b, size_t want)
{
    if (want <= b->items_cap)
        return true;
    hrc_sync_item *items = realloc(b->items, want * sizeof *items);
    if (!items)
        return false;
    b->items = items;
    b->items_cap = want;
    return true;
}

int hrc_progress_sync_read(hrc_progress *s, int64_t target, int64_t after, size_t max,
                           hrc_sync_batch *out)
{
    out->count = 0;
    out->json_len = 0;
    out->last_event_id = after;
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    if (max < 1 || max > SYNC_READ_MAX)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "a batch holds 1 to %d statements",
                                 SYNC_READ_MAX);
    if (!grow_items(out, max))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory reading statements");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, read_sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "reading statements to send");
    sqlite3_bind_int64(st, 1, after);
    sqlite3_bind_int64(st, 2, target);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)max);

    /* The batch's JSON grows in a memory stream, which owns its buffer until
     * fclose(); the previous batch's buffer is dropped first. */
    free(out->json);
    out->json = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out->json, &size);
    if (!f) {
        sqlite3_finalize(st);
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory reading statements");
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        hrc_sync_item *it = &out->items[out->count];
        long start = ftell(f);
        hrc_progress_out o = {.f = f};
        hrc_progress_put_statement(&o, st, s->course);
        long end = ftell(f);
        if (start < 0 || end < start) {
            rc = SQLITE_NOMEM;
            break;
        }
        it->event_id = sqlite3_column_int64(st, HRC_STATEMENT_N_COLUMNS);
        hrc_progress_uuid_for_event((const char *)sqlite3_column_text(st, 0),
                                    sqlite3_column_int64(st, 1), it->statement_id);
        it->offset = (size_t)start;
        it->length = (size_t)(end - start);
        out->last_event_id = it->event_id;
        out->count++;
    }
    sqlite3_finalize(st);
    bool write_failed = fclose(f) != 0 || !out->json;
    out->json_len = size;
    if (rc == SQLITE_NOMEM || write_failed) {
        out->count = 0;
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory reading statements");
    }
    if (rc != SQLITE_DONE) {
        out->count = 0;
        return hrc_progress_fail_db(s, rc, "reading statements to send");
    }
    return HRC_PROGRESS_OK;
}

static const char *status_name(hrc_sync_status status)
{
    switch (status) {
    case HRC_SYNC_SENT: return "sent";
    case HRC_SYNC_PRESENT: return "present";
    case HRC_SYNC_REFUSED: return "refused";
    }
    return "sent";
}

int hrc_progress_sync_mark(hrc_progress *s, int64_t target, const hrc_sync_mark *marks,
                           size_t n)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY;
    int r = hrc_progress_require_writable(s);
    if (r || n == 0)
        return r;
    r = hrc_progress_begin(s);
    if (r)
        return r;
    /* An event deleted meanwhile (with its learner) is skipped: the SELECT
     * finds no row, so nothing is inserted and no foreign key fails. */
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT OR REPLACE INTO sync_state(target_id, event_id, status, reason, time_ms)"
        " SELECT ?1, id, ?3, ?4, ?5 FROM event WHERE id = ?2", -1, &st, NULL);
    int64_t now = hrc_progress_now_ms();
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        sqlite3_bind_int64(st, 1, target);
        sqlite3_bind_int64(st, 2, marks[i].event_id);
        sqlite3_bind_text(st, 3, status_name(marks[i].status), -1, SQLITE_STATIC);
        if (marks[i].status == HRC_SYNC_REFUSED && marks[i].reason) {
            size_t len = strlen(marks[i].reason);
            if (len > REASON_MAX) /* cut on a UTF-8 character boundary */
                for (len = REASON_MAX; len > 0 && ((unsigned char)marks[i].reason[len] & 0xC0)
                                                      == 0x80; len--)
                    ;
            sqlite3_bind_text(st, 4, marks[i].reason, (int)len, SQLITE_STATIC);
        } else {
            sqlite3_bind_null(st, 4);
        }
        sqlite3_bind_int64(st, 5, now);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            rc = sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
        r = hrc_progress_fail_db(s, rc, "recording what the LRS acknowledged");
        hrc_progress_rollback(s);
        return r;
    }
    return hrc_progress_commit(s);
}

int hrc_progress_sync_forget_refused(hrc_progress *s, int64_t target, int64_t *count)
{
    if (count)
        *count = 0;
    if (!s)
        return HRC_PROGRESS_ERR_READONLY;
    int r = hrc_progress_require_writable(s);
    if (r)
        return r;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "DELETE FROM sync_state WHERE target_id = ?1 AND status = 'refused'", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, target);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "forgetting refusals");
    if (count)
        *count = sqlite3_changes(s->db);
    return HRC_PROGRESS_OK;
}

static int count(hrc_progress *s, const char *sql, int64_t target, int64_t *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        if (sqlite3_bind_parameter_count(st) > 0)
            sqlite3_bind_int64(st, 1, target);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *out = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK
                            : hrc_progress_fail_db(s, rc, "counting statements to send");
}

int hrc_progress_sync_counts(hrc_progress *s, int64_t target, hrc_sync_counts *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    /* One read transaction, so the counts agree with each other. */
    int r = hrc_progress_exec(s, "BEGIN", "counting statements to send");
    if (r)
        return r;
    int64_t rows = 0;
    r = count(s, "SELECT count(*) FROM event", 0, &out->events);
    if (!r)
        r = count(s, "SELECT count(*) FROM sync_state WHERE target_id = ?1", target, &rows);
    if (!r)
        r = count(s, "SELECT count(*) FROM sync_state WHERE target_id = ?1 AND"
                     " status = 'refused'", target, &out->refused);
    if (!r) {
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(s->db,
            "SELECT e.device_id, e.seq, y.reason FROM sync_state y JOIN event e"
            " ON e.id = y.event_id WHERE y.target_id = ?1 AND y.status = 'refused'"
            " ORDER BY y.time_ms DESC, y.event_id DESC LIMIT 1", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, target);
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                hrc_progress_uuid_for_event((const char *)sqlite3_column_text(st, 0),
                                            sqlite3_column_int64(st, 1), out->refused_id);
                const char *why = (const char *)sqlite3_column_text(st, 2);
                copy_utf8(out->refused_reason, sizeof out->refused_reason, why ? why : "");
            }
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            r = hrc_progress_fail_db(s, rc, "reading refused statements");
    }
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (r) {
        memset(out, 0, sizeof *out);
        return r;
    }
    out->acknowledged = rows - out->refused;
    out->pending = out->events - rows;
    return HRC_PROGRESS_OK;
}
