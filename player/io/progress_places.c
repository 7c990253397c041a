/*
 * Where each learner stopped reading in each module (progress.h,
 * "Reading places"): the item and how far down it, so that "Continue"
 * after signing in again, or after a restart, opens the page where it was
 * left. A table of its own, beside the log: it is not an event (nothing
 * was learned by scrolling), so it is neither exported nor synced.
 */
#include "io/progress_internal.h"

#include <string.h>

int hrc_progress_set_reading_place(hrc_progress *s, int64_t learner, const char *module_id,
                                   const char *item_id, int permille)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    if (!module_id || !item_id || !*module_id || !*item_id ||
        strlen(module_id) >= HRC_PROGRESS_ID_MAX || strlen(item_id) >= HRC_PROGRESS_ID_MAX ||
        permille < 0 || permille > 1000)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "a reading place out of range");
    int r = hrc_progress_require_writable(s);
    if (r)
        return r;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO reading_place(learner_id, module_id, item_id, "
                                "permille) SELECT ?1, ?2, ?3, ?4 WHERE EXISTS "
                                "(SELECT 1 FROM learner WHERE id = ?1) "
                                "ON CONFLICT(learner_id, module_id) DO UPDATE SET "
                                "item_id = excluded.item_id, permille = excluded.permille",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "keeping the reading place");
    sqlite3_bind_int64(st, 1, learner);
    sqlite3_bind_text(st, 2, module_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, item_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, permille);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "keeping the reading place");
    if (sqlite3_changes(s->db) == 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return HRC_PROGRESS_OK;
}

int hrc_progress_reading_place(hrc_progress *s, int64_t learner, const char *module_id,
                               char item_id[HRC_PROGRESS_ID_MAX], int *permille)
{
    item_id[0] = '\0';
    *permille = 0;
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    if (!module_id)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no module");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT item_id, permille FROM reading_place "
                                "WHERE learner_id = ?1 AND module_id = ?2",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "reading the reading place");
    sqlite3_bind_int64(st, 1, learner);
    sqlite3_bind_text(st, 2, module_id, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    int r = HRC_PROGRESS_ERR_NOT_FOUND;
    if (rc == SQLITE_ROW) {
        const unsigned char *item = sqlite3_column_text(st, 0);
        int p = sqlite3_column_int(st, 1);
        if (item && strlen((const char *)item) < HRC_PROGRESS_ID_MAX && p >= 0 && p <= 1000) {
            memcpy(item_id, item, strlen((const char *)item) + 1);
            *permille = p;
            r = HRC_PROGRESS_OK;
        }
    } else if (rc != SQLITE_DONE) {
        r = hrc_progress_fail_db(s, rc, "reading the reading place");
    }
    sqlite3_finalize(st);
    return r;
}
