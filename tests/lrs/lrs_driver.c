/*
 * lrs_driver: the background sync (io/lrs_worker.h) driven from a test
 * script, as the player drives it, without a window.
 *
 *   lrs_driver worker DIR
 *       loads the LRS configuration (lrs.conf, HRC_LRS_*), opens the store
 *       in DIR, starts the worker, and pokes it after each session ends, as
 *       the player does. Then reads commands on stdin, one a line, and
 *       answers each with one line on stdout:
 *         record N      a session of N events for learner "Driver" (its end
 *                       pokes the worker)         -> "recorded N"
 *         wait SECONDS  until a sync that started after the last record
 *                       (or at start) ended with nothing pending
 *                                                 -> "synced runs=R" or "timeout"
 *         next SECONDS  until a sync that started after the last record
 *                       ended, whatever its outcome -> the status, as below
 *         status        -> "status runs=R pending=P refused=F syncing=0|1 error=TEXT"
 *         stop          cancels and joins         -> "stopped MS" (milliseconds)
 *   Exits 0 after stop, 1 on errors, 2 when no LRS is configured.
 */
#include "io/lrs_config.h"
#include "io/lrs_worker.h"
#include "io/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void print_status(const hrc_lrs_status *st)
{
    char why[1024] = "none";
    if (st->last_error.result != HRC_LRS_OK)
        hrc_lrs_describe(&st->last_error, why, sizeof why);
    printf("status runs=%u pending=%lld refused=%lld syncing=%d success=%d error=%s\n",
           st->runs, (long long)st->pending, (long long)st->refused, st->syncing,
           st->last_success_s > 0, why);
}

static int record(hrc_progress *s, int n)
{
    int64_t learner = 0;
    hrc_learner *all;
    size_t count;
    if (hrc_progress_list_learners(s, &all, &count))
        return -1;
    for (size_t i = 0; i < count; i++)
        if (strcmp(all[i].name, "Driver") == 0)
            learner = all[i].id;
    free(all);
    if (!learner && hrc_progress_add_learner(s, "Driver", NULL, NULL, &learner))
        return -1;
    hrc_session session;
    hrc_module_ref module = {"driver-module", 1, "00"};
    if (hrc_progress_begin_session(s, learner, &module, &session))
        return -1;
    for (int i = 0; i < n - 2; i++)
        if (hrc_progress_record_answer(s, &session, "q1", 1, "yes", true, 1.0, 0, 1, 900, NULL))
            return -1;
    return hrc_progress_end_session(s, &session, HRC_VERB_COMPLETED, HRC_END_NORMAL);
}

int main(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[1], "worker") != 0) {
        fprintf(stderr, "usage: lrs_driver worker DIR\n");
        return 1;
    }
    hrc_lrs_config cfg;
    char err[8192];
    int r = hrc_lrs_config_load(&cfg, err, sizeof err);
    if (r != HRC_LRS_CONFIG_OK) {
        fprintf(stderr, "lrs_driver: %s\n", r == HRC_LRS_CONFIG_NONE ? "no LRS configured" : err);
        return 2;
    }
    hrc_progress *store = NULL;
    hrc_progress_open_info info;
    if (hrc_progress_open(argv[2], 0, &store, &info) || hrc_lrs_global_init()) {
        fprintf(stderr, "lrs_driver: %s\n", info.message);
        return 1;
    }
    hrc_lrs_worker *w = hrc_lrs_worker_start(argv[2], &cfg, NULL);
    hrc_lrs_config_clear(&cfg);
    if (!w) {
        fprintf(stderr, "lrs_driver: the worker did not start\n");
        return 1;
    }
    hrc_progress_on_session_end(store, hrc_lrs_worker_poke_cb, w);
    setvbuf(stdout, NULL, _IOLBF, 0);
    char line[256];
    int status = 1;
    unsigned mark = 0;
    while (fgets(line, sizeof line, stdin)) {
        hrc_lrs_status st;
        double arg = 0;
        char cmd[32] = "";
        sscanf(line, "%31s %lf", cmd, &arg);
        if (strcmp(cmd, "record") == 0) {
            hrc_lrs_worker_status(w, &st);
            mark = st.started; /* the syncs after this one see the new events */
            if (record(store, (int)arg)) {
                fprintf(stderr, "lrs_driver: record: %s\n", hrc_progress_errmsg(store));
                break;
            }
            printf("recorded %d\n", (int)arg);
        } else if (strcmp(cmd, "wait") == 0 || strcmp(cmd, "next") == 0) {
            bool any = strcmp(cmd, "next") == 0;
            double end = now_s() + arg;
            bool done = false;
            while (!done && now_s() < end) {
                usleep(20000);
                hrc_lrs_worker_status(w, &st);
                done = st.runs > mark && (any || (st.pending == 0 && !st.syncing));
            }
            if (!done)
                printf("timeout\n");
            else if (any)
                print_status(&st);
            else
                printf("synced runs=%u\n", st.runs);
        } else if (strcmp(cmd, "status") == 0) {
            hrc_lrs_worker_status(w, &st);
            print_status(&st);
        } else if (strcmp(cmd, "stop") == 0) {
            hrc_progress_on_session_end(store, NULL, NULL);
            double t0 = now_s();
            hrc_lrs_worker_stop(w);
            w = NULL;
            printf("stopped %.0f\n", (now_s() - t0) * 1000);
            status = 0;
            break;
        } else {
            fprintf(stderr, "lrs_driver: unknown command %s\n", cmd);
            break;
        }
    }
    hrc_lrs_worker_stop(w);
    hrc_progress_close(store);
    return status;
}
