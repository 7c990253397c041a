/*
 * progress_certs.c: the register of the certificates this kiosk issued, and
 * their numbers. Signing is in progress_keys.c; the PDFs in paper_*.c.
 */
#include "io/progress_internal.h"

#include <string.h>

int hrc_progress_next_certificates(hrc_progress *s, const char *const *learner_uuids, size_t n,
                                   const char *scope,
                                   char (*numbers)[HRC_CERTIFICATE_NUMBER_MAX],
                                   int64_t *issued_ms)
{
    for (size_t i = 0; i < n; i++)
        numbers[i][0] = '\0';
    if (!s)
        return HRC_PROGRESS_ERR_READONLY;
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    for (size_t i = 0; !r && i < n; i++)
        if (!learner_uuids[i] || !hrc_progress_uuid_is_valid(learner_uuids[i]))
            r = hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "a learner's id");
    if (!r && (!scope || !*scope))
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "a certificate's scope");
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
    int rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(max(serial), 0) FROM certificate",
                                -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        serial = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    st = NULL;
    if (rc == SQLITE_ROW)
        rc = sqlite3_prepare_v2(s->db,
            "INSERT INTO certificate(serial, number, learner_uuid, scope, issued_ms)"
            " VALUES(?1, ?2, ?3, ?4, ?5)", -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        snprintf(numbers[i], HRC_CERTIFICATE_NUMBER_MAX, "%s-%06lld", prefix,
                 (long long)++serial);
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, serial);
        sqlite3_bind_text(st, 2, numbers[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, learner_uuids[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, scope, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, now);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        r = hrc_progress_fail_db(s, rc, "numbering certificates");
        hrc_progress_rollback(s);
    } else {
        r = hrc_progress_commit(s);
    }
    if (r) {
        for (size_t i = 0; i < n; i++)
            numbers[i][0] = '\0';
        return r;
    }
    if (issued_ms)
        *issued_ms = now;
    return HRC_PROGRESS_OK;
}

int hrc_progress_next_certificate(hrc_progress *s, const char *learner_uuid, const char *scope,
                                  char number[HRC_CERTIFICATE_NUMBER_MAX], int64_t *issued_ms)
{
    char numbers[1][HRC_CERTIFICATE_NUMBER_MAX];
    int r = hrc_progress_next_certificates(s, &learner_uuid, 1, scope, numbers, issued_ms);
    snprintf(number, HRC_CERTIFICATE_NUMBER_MAX, "%s", numbers[0]);
    return r;
}
