/*
 * progress_items.c: what the log says of each item of a module, for the
 * ticks on a module's contents and for resuming a quiz attempt where the
 * learner left it. Read only; see progress.h.
 */
#include "io/progress_internal.h"

#include <stdlib.h>
#include <string.h>

static void copy_text(char *out, size_t size, const unsigned char *text)
{
    snprintf(out, size, "%s", text ? (const char *)text : "");
}

/* Grows *items by one; NULL when out of memory. */
static void *grow(void **items, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        void *bigger = realloc(*items, c * size);
        if (!bigger)
            return NULL;
        *items = bigger;
        *cap = c;
    }
    return (char *)*items + (*n)++ * size;
}

int hrc_progress_list_items(hrc_progress *s, int64_t learner, const char *module_id,
                            hrc_item_progress **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s)
        return HRC_PROGRESS_OK;
    static const char sql[] =
        HRC_PROGRESS_CUT
        " SELECT item_id, max(verb = 'viewed'),"
        " max(CASE WHEN after AND verb IN ('passed', 'failed') THEN score END),"
        " max(after AND verb = 'passed'),"
        " coalesce(max(CASE WHEN after AND verb IN ('passed', 'failed') THEN attempt END), 0)"
        " FROM (SELECT e.item_id, e.verb, e.score, e.attempt,"
        "       " HRC_PROGRESS_AFTER_CUT " AS after FROM event e, cut"
        "       WHERE e.learner_id = ?1 AND e.module_id = ?2 AND e.item_id IS NOT NULL"
        "       AND e.verb IN ('viewed', 'passed', 'failed'))"
        " GROUP BY item_id ORDER BY item_id";
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "reading the items done");
    sqlite3_bind_int64(st, 1, learner);
    sqlite3_bind_text(st, 2, module_id, -1, SQLITE_STATIC);
    hrc_item_progress *items = NULL;
    size_t count = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        hrc_item_progress *it = grow((void **)&items, &count, &cap, sizeof *items);
        if (!it) {
            rc = SQLITE_NOMEM;
            break;
        }
        memset(it, 0, sizeof *it);
        copy_text(it->item_id, sizeof it->item_id, sqlite3_column_text(st, 0));
        it->viewed = sqlite3_column_int(st, 1) != 0;
        it->has_score = sqlite3_column_type(st, 2) != SQLITE_NULL;
        it->best_score = it->has_score ? sqlite3_column_double(st, 2) : 0;
        it->passed = sqlite3_column_int(st, 3) != 0;
        it->finished_attempts = sqlite3_column_int(st, 4);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(items);
        return rc == SQLITE_NOMEM ? hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory")
                                  : hrc_progress_fail_db(s, rc, "reading the items done");
    }
    *out = items;
    *n = count;
    return HRC_PROGRESS_OK;
}

int hrc_progress_list_answers(hrc_progress *s, int64_t learner, const char *module_id,
                              int attempt, hrc_answer_record **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s)
        return HRC_PROGRESS_OK;
    static const char sql[] =
        HRC_PROGRESS_CUT
        " SELECT e.item_id, e.response, e.score, e.hints_used FROM event e, cut"
        " WHERE e.learner_id = ?1 AND e.module_id = ?2 AND e.verb = 'answered'"
        " AND e.attempt = ?3 AND e.item_id IS NOT NULL AND " HRC_PROGRESS_AFTER_CUT
        " ORDER BY e.time_ms, e.id";
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "reading the answers given");
    sqlite3_bind_int64(st, 1, learner);
    sqlite3_bind_text(st, 2, module_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, attempt);
    hrc_answer_record *answers = NULL;
    size_t count = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        hrc_answer_record *a = grow((void **)&answers, &count, &cap, sizeof *answers);
        if (!a) {
            rc = SQLITE_NOMEM;
            break;
        }
        memset(a, 0, sizeof *a);
        copy_text(a->question_id, sizeof a->question_id, sqlite3_column_text(st, 0));
        copy_text(a->response, sizeof a->response, sqlite3_column_text(st, 1));
        a->score = sqlite3_column_double(st, 2);
        a->hints_used = sqlite3_column_int(st, 3);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(answers);
        return rc == SQLITE_NOMEM ? hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory")
                                  : hrc_progress_fail_db(s, rc, "reading the answers given");
    }
    *out = answers;
    *n = count;
    return HRC_PROGRESS_OK;
}
