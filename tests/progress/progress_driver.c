/*
 * progress_driver: drives the progress store from test scripts.
 *
 *   progress_driver answer DIR NAME N [RESPONSE_BYTES]
 *       records N answers (N = 0: until killed) for learner NAME; after each
 *       answer's commit returns, prints its sequence number on stdout.
 *       Exits 3 on a full disk, 4 on a read-only store, 1 on other errors.
 *   progress_driver open DIR      opens the store; prints the open status
 *                                 and exits with the result code
 *   progress_driver seed DIR LEARNERS MODULES ANSWERS
 *       fills a store with finished modules, for exports
 *   progress_driver summary DIR   prints every summary row, tab-separated
 */
#include "io/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, int r, hrc_progress *s)
{
    fprintf(stderr, "progress_driver: %s: %s (%s)\n", what, hrc_progress_result_name(r),
            hrc_progress_errmsg(s));
    return r == HRC_PROGRESS_ERR_FULL ? 3 : r == HRC_PROGRESS_ERR_READONLY ? 4 : 1;
}

static hrc_progress *open_or_report(const char *dir, unsigned flags, int *status)
{
    hrc_progress *s = NULL;
    hrc_progress_open_info info;
    int r = hrc_progress_open(dir, flags, &s, &info);
    if (r) {
        fprintf(stderr, "progress_driver: open: %s (%s)\n", hrc_progress_result_name(r),
                info.message);
        *status = r == HRC_PROGRESS_ERR_FULL ? 3 : r == HRC_PROGRESS_ERR_READONLY ? 4 : 1;
    }
    return s;
}

/* The learner called name, added when missing. */
static int learner_named(hrc_progress *s, const char *name, int64_t *id)
{
    hrc_learner *all;
    size_t n;
    int r = hrc_progress_list_learners(s, &all, &n);
    if (r)
        return r;
    *id = 0;
    for (size_t i = 0; i < n && !*id; i++)
        if (strcmp(all[i].name, name) == 0)
            *id = all[i].id;
    free(all);
    return *id ? HRC_PROGRESS_OK : hrc_progress_add_learner(s, name, NULL, NULL, id);
}

static int answer(const char *dir, const char *name, long count, size_t response_bytes)
{
    int status = 0;
    hrc_progress *s = open_or_report(dir, 0, &status);
    if (!s)
        return status;
    int64_t learner;
    int r = learner_named(s, name, &learner);
    hrc_session session;
    hrc_module_ref module = {"crash-module", 1, "00"};
    if (!r)
        r = hrc_progress_begin_session(s, learner, &module, &session);
    if (r) {
        status = fail("start", r, s);
        hrc_progress_close(s);
        return status;
    }
    char *response = calloc(response_bytes + 2, 1);
    memset(response, 'x', response_bytes ? response_bytes : 1);
    for (long i = 0; count == 0 || i < count; i++) {
        char question[32];
        snprintf(question, sizeof question, "q%ld", i % 50);
        int64_t seq;
        r = hrc_progress_record_answer(s, &session, question, 1, response, i % 3 == 0,
                                       i % 3 == 0 ? 1.0 : 0.0, 0, 1, 1000, &seq);
        if (r) {
            status = fail("answer", r, s);
            break;
        }
        printf("%lld\n", (long long)seq); /* acknowledged: committed and synced */
        fflush(stdout);
    }
    free(response);
    hrc_progress_close(s);
    return status;
}

static int open_only(const char *dir, unsigned flags)
{
    hrc_progress *s = NULL;
    hrc_progress_open_info info;
    int r = hrc_progress_open(dir, flags, &s, &info);
    printf("result=%s status=%s%s%s\n", hrc_progress_result_name(r),
           info.status & HRC_PROGRESS_CREATED ? "created," : "",
           info.status & HRC_PROGRESS_RECOVERED ? "recovered," : "",
           info.status & HRC_PROGRESS_MIGRATED ? "migrated," : "");
    if (info.message[0])
        printf("message=%s\n", info.message);
    hrc_progress_close(s);
    return r;
}

/* Every learner does every module: views, answers, a quiz result, the end. */
static int seed(const char *dir, int learners, int modules, int answers)
{
    int status = 0;
    hrc_progress *s = open_or_report(dir, 0, &status);
    if (!s)
        return status;
    int r = 0;
    int64_t t = 1767225600000; /* 2026-01-01 */
    for (int l = 0; l < learners && !r; l++) {
        char name[64];
        snprintf(name, sizeof name, l % 7 == 3 ? "Learner \"%d\", town hall" : "Learner %d", l);
        int64_t id;
        r = hrc_progress_add_learner(s, name, NULL, NULL, &id);
        for (int m = 0; m < modules && !r; m++) {
            char module_id[32];
            snprintf(module_id, sizeof module_id, "module-%02d", m);
            hrc_module_ref ref = {module_id, 1 + m % 2, "abc"};
            hrc_session session;
            r = hrc_progress_begin_session(s, id, &ref, &session);
            int right = 0;
            for (int a = 0; a < answers && !r; a++) {
                char q[32];
                snprintf(q, sizeof q, "q%d", a);
                bool correct = (l + m + a) % 4 != 0;
                right += correct;
                hrc_progress_event ev = {
                    .verb = HRC_VERB_ANSWERED, .item_id = q, .item_revision = 1,
                    .response = correct ? "b" : "a, \"c\"", .has_success = true,
                    .success = correct, .has_score = true, .score = correct ? 1 : 0,
                    .attempt = 1, .duration_ms = 2500, .time_ms = t += 2500,
                };
                r = hrc_progress_record(s, &session, &ev, NULL);
            }
            double score = answers ? (double)right / answers : 0;
            hrc_progress_event result = {
                .verb = score >= 0.7 ? HRC_VERB_PASSED : HRC_VERB_FAILED, .item_id = "quiz",
                .has_success = true, .success = score >= 0.7, .has_score = true,
                .score = score, .attempt = 1, .time_ms = t += 1000,
            };
            if (!r)
                r = hrc_progress_record(s, &session, &result, NULL);
            if (!r)
                r = hrc_progress_end_session(s, &session,
                                             m % 3 ? HRC_VERB_COMPLETED : HRC_VERB_SUSPENDED,
                                             m % 5 == 4 ? HRC_END_IDLE_TIMEOUT : HRC_END_NORMAL);
        }
    }
    if (r)
        status = fail("seed", r, s);
    hrc_progress_close(s);
    return status;
}

static int summary(const char *dir)
{
    int status = 0;
    hrc_progress *s = open_or_report(dir, HRC_PROGRESS_OPEN_FACILITATOR, &status);
    if (!s)
        return status;
    hrc_module_progress *rows;
    size_t n;
    int r = hrc_progress_list_all(s, &rows, &n);
    if (r)
        status = fail("summary", r, s);
    for (size_t i = 0; i < n; i++)
        printf("%s\t%s\t%d\t%d\t%.4f\t%.4f\t%d\t%lld\t%lld\n", rows[i].learner_name,
               rows[i].module_id, rows[i].completed, (int)rows[i].success,
               rows[i].best_score, rows[i].last_score, rows[i].attempts,
               (long long)rows[i].time_spent_ms, (long long)rows[i].n_events);
    free(rows);
    hrc_progress_close(s);
    return status;
}

int main(int argc, char **argv)
{
    if (argc >= 5 && strcmp(argv[1], "answer") == 0)
        return answer(argv[2], argv[3], atol(argv[4]),
                      argc > 5 ? (size_t)atol(argv[5]) : 16);
    if (argc == 3 && strcmp(argv[1], "open") == 0)
        return open_only(argv[2], 0);
    if (argc == 3 && strcmp(argv[1], "open-readonly") == 0)
        return open_only(argv[2], HRC_PROGRESS_OPEN_READONLY);
    if (argc == 6 && strcmp(argv[1], "seed") == 0)
        return seed(argv[2], atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
    if (argc == 3 && strcmp(argv[1], "summary") == 0)
        return summary(argv[2]);
    fprintf(stderr, "usage: see the comment at the top of progress_driver.c\n");
    return 2;
}
