/*
 * progress_class.c: the class table, learners by modules, for the
 * facilitator's dashboard and the printed report. Two queries whatever the
 * size of the class: the learners, then their summaries. See progress.h.
 */
#include "io/progress_internal.h"

#include "core/names.h"

#include <stdlib.h>
#include <string.h>

void hrc_class_table_free(hrc_class_table *t)
{
    if (!t)
        return;
    free(t->learners);
    free(t->columns);
    free(t->cells);
    free(t);
}

const hrc_class_cell *hrc_class_table_cell(const hrc_class_table *t, size_t learner,
                                           size_t module)
{
    if (!t || learner >= t->n_learners || module >= t->n_modules)
        return NULL;
    return &t->cells[learner * t->n_modules + module];
}

/* "WHERE ..." restricting summaries (alias s) to the group's learners. */
static const char *group_filter(const hrc_progress *s, int64_t group)
{
    if (group == HRC_GROUP_ALL || (s->schema_version < 6 && group == HRC_GROUP_NONE))
        return "";
    if (s->schema_version < 6)
        return " WHERE 0";
    return group == HRC_GROUP_NONE
               ? " WHERE s.learner_id IN (SELECT id FROM learner WHERE group_id IS NULL)"
               : " WHERE s.learner_id IN (SELECT id FROM learner WHERE group_id = ?1)";
}

/* Every module the group's summaries name, by id (module_ids NULL). */
static int all_modules(hrc_progress *s, int64_t group, hrc_class_table *t)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT DISTINCT s.module_id FROM summary s%s ORDER BY 1",
             group_filter(s, group));
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "reading the modules");
    if (group > 0)
        sqlite3_bind_int64(st, 1, group);
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (t->n_modules == cap) {
            cap = cap ? cap * 2 : 8;
            hrc_class_column *grown = realloc(t->columns, cap * sizeof *grown);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            t->columns = grown;
        }
        hrc_class_column *c = &t->columns[t->n_modules++];
        memset(c, 0, sizeof *c);
        snprintf(c->module_id, sizeof c->module_id, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading the modules");
}

static int by_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Row of each learner id: ids sorted next to their row. */
typedef struct row_of {
    int64_t id;
    size_t row;
} row_of;

static long find_row(const row_of *rows, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rows[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && rows[lo].id == id ? (long)rows[lo].row : -1;
}

static long find_column(const hrc_class_table *t, const char *module_id)
{
    for (size_t m = 0; m < t->n_modules; m++)
        if (strcmp(t->columns[m].module_id, module_id) == 0)
            return (long)m;
    return -1;
}

static void fill_cell(sqlite3_stmt *st, hrc_class_cell *c)
{
    bool completed = sqlite3_column_int(st, 2) != 0;
    int success = sqlite3_column_int(st, 3);
    c->success = success == 1 ? HRC_SUCCESS_PASSED
               : success == 2 ? HRC_SUCCESS_FAILED : HRC_SUCCESS_UNKNOWN;
    c->status = completed                             ? HRC_CELL_COMPLETED
              : c->success == HRC_SUCCESS_PASSED      ? HRC_CELL_PASSED
              : c->success == HRC_SUCCESS_FAILED      ? HRC_CELL_FAILED
                                                      : HRC_CELL_IN_PROGRESS;
    c->has_score = sqlite3_column_type(st, 4) != SQLITE_NULL;
    c->best_score = c->has_score ? sqlite3_column_double(st, 4) : 0;
    c->attempts = sqlite3_column_int(st, 5);
    c->time_spent_ms = sqlite3_column_int64(st, 6);
    c->last_activity_ms = sqlite3_column_int64(st, 7);
    c->resets = sqlite3_column_int(st, 8);
    c->completed_ms = completed ? sqlite3_column_int64(st, 9) : 0;
}

static int read_cells(hrc_progress *s, int64_t group, hrc_class_table *t)
{
    row_of *rows = malloc((t->n_learners ? t->n_learners : 1) * sizeof *rows);
    if (!rows)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < t->n_learners; i++)
        rows[i] = (row_of){t->learners[i].id, i};
    qsort(rows, t->n_learners, sizeof *rows, by_id);
    char sql[768];
    snprintf(sql, sizeof sql,
             "SELECT s.learner_id, s.module_id, s.completed, s.success, s.best_score,"
             " s.attempts, s.time_spent_ms, s.last_activity_ms, %s FROM summary s%s",
             s->schema_version >= 6 ? "s.resets, s.completed_ms" : "0, 0",
             group_filter(s, group));
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && group > 0)
        sqlite3_bind_int64(st, 1, group);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        long row = find_row(rows, t->n_learners, sqlite3_column_int64(st, 0));
        long col = find_column(t, (const char *)sqlite3_column_text(st, 1));
        if (row >= 0 && col >= 0)
            fill_cell(st, &t->cells[(size_t)row * t->n_modules + (size_t)col]);
    }
    sqlite3_finalize(st);
    free(rows);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading progress");
}

static void count_columns(hrc_class_table *t)
{
    for (size_t m = 0; m < t->n_modules; m++) {
        hrc_class_column *c = &t->columns[m];
        c->started = c->completed = c->passed = c->failed = 0;
        for (size_t i = 0; i < t->n_learners; i++) {
            const hrc_class_cell *cell = &t->cells[i * t->n_modules + m];
            c->started += cell->status != HRC_CELL_NOT_STARTED;
            c->completed += cell->status == HRC_CELL_COMPLETED;
            c->passed += cell->success == HRC_SUCCESS_PASSED;
            c->failed += cell->success == HRC_SUCCESS_FAILED;
        }
    }
}

int hrc_progress_class_table(hrc_progress *s, int64_t group, const char *const *module_ids,
                             size_t n_modules, hrc_class_table **out)
{
    *out = NULL;
    hrc_class_table *t = calloc(1, sizeof *t);
    if (!t)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    t->group = group;
    int r = HRC_PROGRESS_OK;
    if (s)
        r = hrc_progress_require_unlocked(s);
    if (!r && s)
        r = hrc_progress_list_group_learners(s, group, &t->learners, &t->n_learners);
    if (!r && module_ids) {
        t->columns = calloc(n_modules ? n_modules : 1, sizeof *t->columns);
        if (!t->columns)
            r = hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
        for (size_t m = 0; !r && m < n_modules; m++)
            snprintf(t->columns[m].module_id, sizeof t->columns[m].module_id, "%s",
                     module_ids[m] ? module_ids[m] : "");
        t->n_modules = r ? 0 : n_modules;
    } else if (!r && s) {
        r = all_modules(s, group, t);
    }
    if (!r) {
        size_t n_cells = t->n_learners * t->n_modules;
        t->cells = calloc(n_cells ? n_cells : 1, sizeof *t->cells);
        if (!t->cells)
            r = hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    }
    if (!r && s && t->n_learners && t->n_modules)
        r = read_cells(s, group, t);
    if (r) {
        hrc_class_table_free(t);
        return r;
    }
    count_columns(t);
    hrc_class_table_sort(t, HRC_CLASS_BY_NAME); /* accents and case ignored */
    *out = t;
    return HRC_PROGRESS_OK;
}

/* ---- Sorting ------------------------------------------------------------ */

typedef struct sort_key {
    size_t row;
    size_t completed, passed;
    int64_t last;
    const char *name;
    char key[HRC_LEARNER_NAME_MAX];   /* hrc_name_key(): no case, no accents */
} sort_key;

static int compare_rows(const void *a, const void *b, void *ctx)
{
    const sort_key *x = a, *y = b;
    hrc_class_sort sort_by = *(const hrc_class_sort *)ctx;
    if (sort_by == HRC_CLASS_BY_PROGRESS) {
        if (x->completed != y->completed)
            return x->completed > y->completed ? -1 : 1;
        if (x->passed != y->passed)
            return x->passed > y->passed ? -1 : 1;
    } else if (sort_by == HRC_CLASS_BY_LAST_ACTIVITY && x->last != y->last) {
        return x->last > y->last ? -1 : 1;
    }
    int c = strcmp(x->key, y->key);
    if (!c)
        c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->row < y->row ? -1 : x->row > y->row; /* stable */
}

void hrc_class_table_sort(hrc_class_table *t, hrc_class_sort by)
{
    if (!t || t->n_learners < 2)
        return;
    size_t n = t->n_learners, m = t->n_modules;
    sort_key *keys = calloc(n, sizeof *keys);
    hrc_learner *learners = malloc(n * sizeof *learners);
    size_t n_cells = n * m;
    hrc_class_cell *cells = malloc((n_cells ? n_cells : 1) * sizeof *cells);
    if (!keys || !learners || !cells) {
        free(keys), free(learners), free(cells);
        return; /* left as it was */
    }
    for (size_t i = 0; i < n; i++) {
        keys[i].row = i;
        keys[i].name = t->learners[i].name;
        hrc_name_key(keys[i].name, keys[i].key, sizeof keys[i].key);
        for (size_t k = 0; k < m; k++) {
            const hrc_class_cell *c = &t->cells[i * m + k];
            keys[i].completed += c->status == HRC_CELL_COMPLETED;
            keys[i].passed += c->success == HRC_SUCCESS_PASSED;
            if (c->last_activity_ms > keys[i].last)
                keys[i].last = c->last_activity_ms;
        }
    }
    qsort_r(keys, n, sizeof *keys, compare_rows, &by);
    for (size_t i = 0; i < n; i++) {
        learners[i] = t->learners[keys[i].row];
        if (m)
            memcpy(&cells[i * m], &t->cells[keys[i].row * m], m * sizeof *cells);
    }
    free(t->learners);
    free(t->cells);
    t->learners = learners;
    t->cells = cells;
    free(keys);
}
