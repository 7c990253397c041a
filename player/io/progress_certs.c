/*
 * progress_certs.c: the register of the certificates this kiosk issued, and
 * their numbers. Signing is in progress_keys.c; the PDFs in paper_*.c.
 */
#include "io/progress_internal.h"

#include <string.h>

int hrc_progress_next_certificate(hrc_progress *s, const char *learner_uuid, const char *scope,
                                  char number[HRC_CERTIFICATE_NUMBER_MAX], int64_t *issued_ms)
{
    number[0] = '\0';
    if (!s)
        return HRC_PROGRESS_ERR_READONLY;
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    if (!r && (!learner_uuid || !hrc_progress_uuid_is_valid(learner_uuid) || !scope || !*scope))
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "a learner's id and a scope");
    hrc_kiosk me;
    if (!r)
        r = hrc_progress_this_kiosk(s, &me);
    if (!r)
        r = hrc_progress_begin(s);
    if (r)
        return r;
    /* The fingerprint's first 8 hex digits tell kiosks apart. */
    char prefix[9];
    size_t k = 0;
    for (const char *p = me.fingerprint; *p && k < 8; p++)
        if (*p != ' ')
            prefix[k++] = *p;
    prefix[k] = '\0';
    int64_t now = hrc_progress_now_ms(), serial = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(max(serial), 0) + 1 FROM certificate",
                                -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        serial = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    char made[HRC_CERTIFICATE_NUMBER_MAX];
    snprintf(made, sizeof made, "%s-%06lld", prefix, (long long)serial);
    if (rc == SQLITE_ROW)
        rc = sqlite3_prepare_v2(s->db,
            "INSERT INTO certificate(serial, number, learner_uuid, scope, issued_ms)"
            " VALUES(?1, ?2, ?3, ?4, ?5)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, serial);
        sqlite3_bind_text(st, 2, made, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, learner_uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, scope, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, now);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_DONE) {
        r = hrc_progress_fail_db(s, rc, "numbering a certificate");
        hrc_progress_rollback(s);
        return r;
    }
    r = hrc_progress_commit(s);
    if (!r) {
        snprintf(number, HRC_CERTIFICATE_NUMBER_MAX, "%s", made);
        if (issued_ms)
            *issued_ms = now;
    }
    return r;
}
