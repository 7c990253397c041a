/*
 * progress_bench: figures for the progress store.
 *
 *   progress_bench latency DIR N
 *       commits N answers through the store (WAL, synchronous=FULL) and, as
 *       baselines in the same run on the same disk, N inserts of the same
 *       row with plain SQLite: synchronous=FULL, synchronous=NORMAL, and an
 *       in-memory database. Prints median and 99th percentile per commit.
 *   progress_bench seed DIR LEARNERS MODULES ANSWERS
 *       fills DIR with that much progress, fast (give it a tmpfs folder).
 *   progress_bench export DIR OUTDIR
 *       times the CSV export, the JSON export (signed) and the JSON import
 *       (signature checked) into a store that trusts DIR's kiosk.
 *   progress_bench pin DIR N
 *       times N checks of a right and of a wrong learner PIN at the cost the
 *       store measures on this machine (a wrong one: from a fresh count, so
 *       that throttling never waits), the throttled refusal that follows
 *       three wrong PINs, and, as baselines in the same run, one
 *       crypto_pwhash_str_verify at libsodium's INTERACTIVE and MODERATE.
 */
#include "io/progress.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *what, double *ms, int n)
{
    qsort(ms, (size_t)n, sizeof *ms, by_value);
    int p99 = (int)(n * 0.99);
    if (p99 >= n)
        p99 = n - 1;
    printf("  %-44s %9.3f ms %9.3f ms\n", what, ms[n / 2], ms[p99]);
}

/* n answers, a new module (and session) every per_module answers: the
 * summary is recomputed from that learner's events in that module. */
static int store_latency(const char *dir, int n, int per_module, double *ms)
{
    hrc_progress *s;
    hrc_progress_open_info info;
    if (hrc_progress_open(dir, 0, &s, &info)) {
        fprintf(stderr, "progress_bench: %s\n", info.message);
        return 1;
    }
    int64_t learner;
    hrc_session session;
    int r = hrc_progress_add_learner(s, "Bench", NULL, NULL, &learner);
    for (int i = 0; i < n && !r; i++) {
        if (i % per_module == 0) {
            char module[32];
            snprintf(module, sizeof module, "bench-module-%d", i / per_module);
            hrc_module_ref ref = {module, 1, "00"};
            r = hrc_progress_begin_session(s, learner, &ref, &session);
            if (r)
                break;
        }
        char q[16];
        snprintf(q, sizeof q, "q%d", i % 50);
        double t = now_s();
        r = hrc_progress_record_answer(s, &session, q, 1, "choice-b", i % 2, i % 2, 0, 1 + i / 50,
                                       4200, NULL);
        ms[i] = (now_s() - t) * 1000;
    }
    if (r)
        fprintf(stderr, "progress_bench: %s\n", hrc_progress_errmsg(s));
    hrc_progress_close(s);
    return r != 0;
}

/* The same row, inserted with plain SQLite: what the disk alone costs. */
static int raw_latency(const char *path, const char *sync, int n, double *ms)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return 1;
    char pragmas[128];
    snprintf(pragmas, sizeof pragmas, "PRAGMA journal_mode = WAL; PRAGMA synchronous = %s;",
             sync);
    int rc = sqlite3_exec(db, pragmas, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "CREATE TABLE event(id INTEGER PRIMARY KEY, learner_id, "
                              "session_id, module_id, item_id, verb, response, success, "
                              "score, attempt, duration_ms, time_ms, device_id, seq)",
                          NULL, NULL, NULL);
    sqlite3_stmt *st = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO event VALUES(NULL, 1, 'session', 'module', "
                                    "?1, 'answered', 'choice-b', 1, 1.0, 1, 4200, ?2, "
                                    "'device', ?2)", -1, &st, NULL);
    for (int i = 0; i < n && rc == SQLITE_OK; i++) {
        char q[16];
        snprintf(q, sizeof q, "q%d", i % 50);
        double t = now_s();
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, i);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        sqlite3_reset(st);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
        ms[i] = (now_s() - t) * 1000;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc != SQLITE_OK;
}

static int latency(const char *dir, int n)
{
    double *ms = calloc((size_t)n, sizeof *ms);
    char path[4096];
    int bad = 0;
    printf("Commit latency of one answer, %d answers each      median          p99\n", n);
    snprintf(path, sizeof path, "%s/store", dir);
    bad |= store_latency(path, n, 50, ms);
    report("store API, FULL, 50 answers per module", ms, n);
    snprintf(path, sizeof path, "%s/store-one-module", dir);
    bad |= store_latency(path, n, n, ms);
    report("store API, FULL, all answers in one module", ms, n);
    snprintf(path, sizeof path, "%s/raw-full.db", dir);
    bad |= raw_latency(path, "FULL", n, ms);
    report("baseline: plain insert, synchronous=FULL", ms, n);
    snprintf(path, sizeof path, "%s/raw-normal.db", dir);
    bad |= raw_latency(path, "NORMAL", n, ms);
    report("baseline: plain insert, synchronous=NORMAL", ms, n);
    bad |= raw_latency(":memory:", "OFF", n, ms);
    report("baseline: plain insert, in memory", ms, n);
    free(ms);
    return bad;
}

static int seed(const char *dir, int learners, int modules, int answers)
{
    hrc_progress *s;
    hrc_progress_open_info info;
    if (hrc_progress_open(dir, 0, &s, &info)) {
        fprintf(stderr, "progress_bench: %s\n", info.message);
        return 1;
    }
    int r = 0;
    int64_t t = 1767225600000;
    for (int l = 0; l < learners && !r; l++) {
        char name[32];
        snprintf(name, sizeof name, "Learner %03d", l);
        int64_t id;
        r = hrc_progress_add_learner(s, name, NULL, NULL, &id);
        for (int m = 0; m < modules && !r; m++) {
            char module[32];
            snprintf(module, sizeof module, "module-%02d", m);
            hrc_module_ref ref = {module, 1, "0123456789abcdef"};
            hrc_session session;
            r = hrc_progress_begin_session(s, id, &ref, &session);
            for (int a = 0; a < answers && !r; a++) {
                char q[16];
                snprintf(q, sizeof q, "q%d", a);
                hrc_progress_event ev = {
                    .verb = HRC_VERB_ANSWERED, .item_id = q, .item_revision = 1,
                    .response = "choice-b", .has_success = true, .success = (a + l) % 3 != 0,
                    .has_score = true, .score = (a + l) % 3 != 0, .attempt = 1,
                    .duration_ms = 4200, .time_ms = t += 4200,
                };
                r = hrc_progress_record(s, &session, &ev, NULL);
            }
            if (!r)
                r = hrc_progress_end_session(s, &session, HRC_VERB_COMPLETED, HRC_END_NORMAL);
        }
    }
    if (r)
        fprintf(stderr, "progress_bench: %s\n", hrc_progress_errmsg(s));
    hrc_progress_close(s);
    return r != 0;
}

static int exports(const char *dir, const char *outdir)
{
    hrc_progress *s;
    hrc_progress_open_info info;
    double t_open = now_s();
    if (hrc_progress_open(dir, HRC_PROGRESS_OPEN_FACILITATOR, &s, &info)) {
        fprintf(stderr, "progress_bench: %s\n", info.message);
        return 1;
    }
    t_open = now_s() - t_open;
    char csv[4096], json[4096], merged[4096];
    snprintf(csv, sizeof csv, "%s/export.csv", outdir);
    snprintf(json, sizeof json, "%s/export.json", outdir);
    snprintf(merged, sizeof merged, "%s/merged", outdir);
    double t0 = now_s();
    int r = hrc_progress_export_csv(s, csv, "en");
    double t1 = now_s();
    if (!r)
        r = hrc_progress_export_json(s, json);
    double t2 = now_s();
    if (r)
        fprintf(stderr, "progress_bench: %s\n", hrc_progress_errmsg(s));
    hrc_progress_close(s);
    if (r)
        return 1;
    hrc_progress *m;
    if (hrc_progress_open(merged, HRC_PROGRESS_OPEN_FACILITATOR, &m, &info)) {
        fprintf(stderr, "progress_bench: %s\n", info.message);
        return 1;
    }
    hrc_kiosk exporter;
    s = NULL;
    if (hrc_progress_open(dir, HRC_PROGRESS_OPEN_READONLY | HRC_PROGRESS_OPEN_FACILITATOR, &s,
                          &info) || hrc_progress_this_kiosk(s, &exporter) ||
        hrc_progress_trust_kiosk(m, exporter.key, NULL)) {
        fprintf(stderr, "progress_bench: cannot trust the exporting kiosk: %s\n",
                hrc_progress_errmsg(m));
        hrc_progress_close(s);
        hrc_progress_close(m);
        return 1;
    }
    hrc_progress_close(s);
    hrc_import_stats stats;
    double t3 = now_s();
    r = hrc_progress_import_json(m, json, &stats);
    double t4 = now_s();
    if (r)
        fprintf(stderr, "progress_bench: %s\n", hrc_progress_errmsg(m));
    hrc_progress_close(m);
    printf("  %-44s %9.3f s\n", "opening the store (with PRAGMA quick_check)", t_open);
    printf("  %-44s %9.3f s\n", "CSV export (one row per learner and module)", t1 - t0);
    printf("  %-44s %9.3f s\n", "JSON export (one xAPI statement per event)", t2 - t1);
    printf("  %-44s %9.3f s  (%zu statements)\n", "JSON import into an empty store", t4 - t3,
           stats.statements);
    return r != 0;
}

/* One verify of a hash of "2468" made at (ops, mem), in ms. */
static double verify_ms(unsigned long long ops, size_t mem)
{
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, "2468", 4, ops, mem) != 0)
        return -1;
    double t0 = now_s();
    int r = crypto_pwhash_str_verify(hash, "2468", 4);
    return r == 0 ? (now_s() - t0) * 1000 : -1;
}

static int pins(const char *dir, int n)
{
    hrc_progress *s;
    hrc_progress_open_info info;
    if (hrc_progress_open(dir, HRC_PROGRESS_OPEN_FACILITATOR, &s, &info)) {
        fprintf(stderr, "progress_bench: %s\n", info.message);
        return 1;
    }
    int64_t id;
    double t0 = now_s();
    int r = hrc_progress_add_learner(s, "Bench", "2468", NULL, &id);
    double t_add = now_s() - t0;
    double *right = calloc((size_t)n, sizeof *right), *wrong = calloc((size_t)n, sizeof *wrong);
    for (int i = 0; i < n && !r; i++) {
        t0 = now_s();
        r = hrc_progress_check_learner_pin(s, id, "2468");
        right[i] = (now_s() - t0) * 1000;
        t0 = now_s();
        int w = hrc_progress_check_learner_pin(s, id, "1357");
        wrong[i] = (now_s() - t0) * 1000;
        if (w != HRC_PROGRESS_ERR_PIN)
            r = w;
        if (!r)
            r = hrc_progress_clear_learner_pin_lock(s, id);
    }
    double throttled[1] = {0};
    for (int i = 0; i < 3 && !r; i++)
        hrc_progress_check_learner_pin(s, id, "1357");
    if (!r) {
        t0 = now_s();
        int t = hrc_progress_check_learner_pin(s, id, "2468");
        throttled[0] = (now_s() - t0) * 1000;
        if (t != HRC_PROGRESS_ERR_THROTTLED)
            r = t;
    }
    if (r)
        fprintf(stderr, "progress_bench: %s\n", hrc_progress_errmsg(s));
    else {
        printf("  %-44s %9.3f s\n", "first PIN: measuring the cost, then hashing", t_add);
        report("check, right PIN", right, n);
        report("check, wrong PIN", wrong, n);
        report("check while throttled (no hashing)", throttled, 1);
        double base[2] = {verify_ms(crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                    crypto_pwhash_MEMLIMIT_INTERACTIVE),
                          verify_ms(crypto_pwhash_OPSLIMIT_MODERATE,
                                    crypto_pwhash_MEMLIMIT_MODERATE)};
        report("baseline: libsodium INTERACTIVE verify", base, 1);
        report("baseline: libsodium MODERATE verify", base + 1, 1);
    }
    free(right);
    free(wrong);
    hrc_progress_close(s);
    return r != 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "latency") == 0)
        return latency(argv[2], atoi(argv[3]));
    if (argc == 6 && strcmp(argv[1], "seed") == 0)
        return seed(argv[2], atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
    if (argc == 4 && strcmp(argv[1], "export") == 0)
        return exports(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "pin") == 0)
        return sodium_init() < 0 ? 1 : pins(argv[2], atoi(argv[3]));
    fprintf(stderr, "usage: see the comment at the top of progress_bench.c\n");
    return 2;
}
