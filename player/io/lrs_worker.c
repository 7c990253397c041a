/*
 * lrs_worker.c: the background sync thread (lrs_worker.h).
 */
#include "io/lrs_worker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct hrc_lrs_worker {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;   /* under lock */
    bool poked;  /* under lock */
    int interval_s;
    char *data_dir;
    const struct hrc_course *course; /* borrowed */
    hrc_lrs_client *client;
    hrc_lrs_status status; /* under lock */
};

static void deadline_in(struct timespec *ts, int seconds)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_sec += seconds;
}

static void *worker_main(void *arg)
{
    hrc_lrs_worker *w = arg;
    hrc_progress *store = NULL;
    hrc_progress_open_info info;
    int opened = hrc_progress_open(w->data_dir, HRC_PROGRESS_OPEN_SECONDARY, &store, &info);
    if (opened == HRC_PROGRESS_OK)
        hrc_progress_set_course(store, w->course);
    pthread_mutex_lock(&w->lock);
    while (!w->stop) {
        w->poked = false;
        w->status.syncing = true;
        w->status.started++;
        pthread_mutex_unlock(&w->lock);

        hrc_lrs_summary sum;
        if (opened == HRC_PROGRESS_OK) {
            hrc_lrs_sync(w->client, store, &sum);
        } else {
            memset(&sum, 0, sizeof sum);
            sum.pending = -1;
            sum.error.result = HRC_LRS_ERR_STORE;
            snprintf(sum.error.detail, sizeof sum.error.detail, "%s", info.message);
        }

        pthread_mutex_lock(&w->lock);
        hrc_lrs_status *st = &w->status;
        st->syncing = false;
        if (sum.error.result != HRC_LRS_ERR_CANCELLED) {
            st->runs++;
            st->last_attempt_s = (int64_t)time(NULL);
            if (sum.error.result == HRC_LRS_OK)
                st->last_success_s = st->last_attempt_s;
            if (sum.pending >= 0) {
                st->pending = sum.pending;
                st->refused = sum.refused_total;
                snprintf(st->refused_reason, sizeof st->refused_reason, "%s",
                         sum.refused_reason);
            }
            st->last_error = sum.error;
        }
        if (opened != HRC_PROGRESS_OK)
            break; /* nothing to sync from: keep the error on show */
        struct timespec until;
        deadline_in(&until, w->interval_s);
        while (!w->stop && !w->poked)
            if (pthread_cond_timedwait(&w->wake, &w->lock, &until) != 0)
                break; /* the interval is over */
    }
    pthread_mutex_unlock(&w->lock);
    hrc_progress_close(store);
    return NULL;
}

static void worker_free(hrc_lrs_worker *w)
{
    hrc_lrs_client_free(w->client);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
    free(w->data_dir);
    free(w);
}

hrc_lrs_worker *hrc_lrs_worker_start(const char *data_dir, const hrc_lrs_config *config,
                                     const struct hrc_course *course)
{
    hrc_lrs_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w->wake, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&w->lock, NULL);
    w->interval_s = config->interval_s > 0 ? config->interval_s : HRC_LRS_DEFAULT_INTERVAL_S;
    w->status.pending = -1;
    snprintf(w->status.endpoint, sizeof w->status.endpoint, "%s", config->endpoint);
    w->data_dir = data_dir ? strdup(data_dir) : NULL;
    w->course = course;
    w->client = hrc_lrs_client_new(config);
    if ((data_dir && !w->data_dir) || !w->client ||
        pthread_create(&w->thread, NULL, worker_main, w) != 0) {
        worker_free(w);
        return NULL;
    }
    return w;
}

void hrc_lrs_worker_poke(hrc_lrs_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->poked = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
}

void hrc_lrs_worker_poke_cb(void *user)
{
    hrc_lrs_worker_poke(user);
}

bool hrc_lrs_worker_status(hrc_lrs_worker *w, hrc_lrs_status *out)
{
    if (!w) {
        memset(out, 0, sizeof *out);
        return false;
    }
    pthread_mutex_lock(&w->lock);
    *out = w->status;
    pthread_mutex_unlock(&w->lock);
    return true;
}

void hrc_lrs_worker_stop(hrc_lrs_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    hrc_lrs_client_cancel(w->client);
    pthread_join(w->thread, NULL);
    worker_free(w);
}
