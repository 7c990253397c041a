/* progress_test_util.h: scratch folders and raw SQL for the progress tests. */
#ifndef HRC_PROGRESS_TEST_UTIL_H
#define HRC_PROGRESS_TEST_UTIL_H

#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* A fresh folder under $TMPDIR (or /tmp); removed by scratch_remove(). */
static inline void scratch_make(char *out, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(out, size, "%s/hrc-progress-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(out))
        abort();
}

static inline void scratch_remove(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The first column of the first row of sql run on DIR/progress.db, as an
 * integer; -1 on any error. */
static inline long long sql_int(const char *dir, const char *sql)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    sqlite3 *db;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

/* Runs sql on DIR/progress.db; the SQLite result code. */
static inline int sql_exec(const char *dir, const char *sql)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    sqlite3 *db;
    int rc = sqlite3_open(path, &db);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

#endif
