/*
 * lrs_sync.h: sending the progress store's statements to a learning
 * record store (xAPI 1.0.3), over HTTP with libcurl.
 *
 * Promises:
 * - Every statement of the store that this LRS (endpoint and key) has not
 *   acknowledged is sent, in batches (POST {endpoint}/statements, a JSON
 *   array, X-Experience-API-Version: 1.0.3, HTTP Basic authentication).
 *   Each batch's acknowledgement is recorded durably in the store, in one
 *   transaction, before the next batch goes. Statement ids are stable, so
 *   a batch sent twice (a crash between the LRS's answer and the record)
 *   is recognised by the LRS: nothing is duplicated.
 * - A batch the LRS refuses (400, 409, 413) is split in halves until the
 *   statements at fault are found; each is set aside with the LRS's reason
 *   (a 409 for one statement means the LRS already holds one with that id:
 *   acknowledged). The others go through: one bad statement never blocks
 *   the rest.
 * - A statement counts as sent only when the LRS's answer (200) lists its
 *   id, as xAPI requires: a captive portal's page or a web server at the
 *   wrong address stops the run, with nothing marked.
 * - 401 and 403 stop the run at once: nothing is marked as sent.
 * - Timeouts, lost connections, 408, 429 and 5xx answers are tried again,
 *   after an exponential backoff with jitter, up to config.tries times per
 *   request; then the run stops with what is left pending.
 * - TLS is always verified, against the system's authorities or
 *   config.ca_file. Proxies come from the usual environment variables
 *   (http_proxy, https_proxy, no_proxy), as libcurl reads them.
 * - Memory is bounded by one batch, whatever the size of the store.
 * - hrc_lrs_client_cancel(), from any thread, stops a run within a few
 *   milliseconds, even in the middle of a request or of a backoff.
 * - Nothing is printed, and nothing here translates except
 *   hrc_lrs_describe(), for the thread that shows messages.
 */
#ifndef HRC_LRS_SYNC_H
#define HRC_LRS_SYNC_H

#include "io/lrs_config.h"
#include "io/progress.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hrc_lrs_client hrc_lrs_client;

typedef enum hrc_lrs_result {
    HRC_LRS_OK = 0,
    HRC_LRS_ERR_AUTH,      /* 401 or 403: the key or secret is wrong */
    HRC_LRS_ERR_NETWORK,   /* gave up after config.tries: no answer, or 5xx */
    HRC_LRS_ERR_TLS,       /* the LRS's certificate could not be verified */
    HRC_LRS_ERR_PROTOCOL,  /* an answer the sync cannot act on (404, a redirect...) */
    HRC_LRS_ERR_NOT_LRS,   /* a 2xx answer that does not list the ids sent: not an
                              LRS (a captive portal...); nothing marked */
    HRC_LRS_ERR_STORE,     /* the progress store failed */
    HRC_LRS_ERR_CANCELLED, /* hrc_lrs_client_cancel() */
    HRC_LRS_ERR_SETUP,     /* libcurl could not start, or out of memory */
} hrc_lrs_result;

/* What stopped a run, untranslated: hrc_lrs_describe() words it. */
typedef struct hrc_lrs_error {
    int result;            /* hrc_lrs_result */
    long http_status;      /* the LRS's status; 0 when none */
    char detail[512];      /* libcurl's or the store's words, or the LRS's answer */
} hrc_lrs_error;

typedef struct hrc_lrs_summary {
    size_t sent;           /* acknowledged by the LRS in this run */
    size_t already;        /* the LRS held them already (409) */
    size_t refused;        /* set aside in this run */
    int64_t pending;       /* left to send after the run; -1 when unknown */
    int64_t refused_total; /* set aside for this LRS, in this run or before */
    char refused_id[37];   /* the latest refusal: statement id and reason */
    char refused_reason[256];
    size_t requests;       /* HTTP requests made, tries again included */
    size_t retries;
    uint64_t bytes_sent;   /* request bodies */
    hrc_lrs_error error;   /* error.result is HRC_LRS_OK when the run finished */
} hrc_lrs_summary;

/* Sets up libcurl for the process: call once, from the main thread,
 * before any thread starts. 0, or -1 when libcurl cannot start. */
int hrc_lrs_global_init(void);

/* A client for one LRS; the configuration is copied. NULL when libcurl
 * cannot start or memory is short. */
hrc_lrs_client *hrc_lrs_client_new(const hrc_lrs_config *config);
void hrc_lrs_client_free(hrc_lrs_client *c); /* NULL is fine */

/* Stops the current run and every later one; safe from any thread. */
void hrc_lrs_client_cancel(hrc_lrs_client *c);

/*
 * Sends everything the LRS has not acknowledged from store (opened
 * writable, by the calling thread). Returns out->error.result.
 */
int hrc_lrs_sync(hrc_lrs_client *c, hrc_progress *store, hrc_lrs_summary *out);

/* How many statements wait for this LRS, and the latest refusal, without
 * sending anything (pending and refused_* of out). Returns hrc_lrs_result. */
int hrc_lrs_count(const hrc_lrs_config *config, hrc_progress *store, hrc_lrs_summary *out);

/* Forgets the refusals of this LRS, so that the next sync sends those
 * statements again (after the LRS was mended). *count: how many. Returns
 * hrc_lrs_result (HRC_LRS_ERR_STORE with hrc_progress_errmsg()). */
int hrc_lrs_retry_refused(const hrc_lrs_config *config, hrc_progress *store, int64_t *count);

/* One translated line saying what stopped a run (error->result not OK). */
void hrc_lrs_describe(const hrc_lrs_error *error, char *out, size_t size);

#endif
