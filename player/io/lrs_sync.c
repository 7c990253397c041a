/*
 * lrs_sync.c: the sync to a learning record store (lrs_sync.h).
 *
 * libcurl's multi interface runs each request, so that a cancel (from the
 * player's main thread at exit) wakes the wait at once, in the middle of a
 * transfer or of a backoff alike. One easy handle is reused for the whole
 * run, so the connection is kept alive from batch to batch.
 */
#include "io/lrs_sync.h"

#include "core/i18n.h"
#include "io/progress_json.h"
#include "io/progress_sync.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Bytes of an answer kept: the ids of the largest batch (2000 x 39), or a
 * reason. A longer answer is cut, which fails the check of the ids. */
#define RESPONSE_MAX (128 * 1024)
#define BACKOFF_FIRST_MS 500
#define BACKOFF_MAX_MS 30000
#define CONNECT_TIMEOUT_MS 10000

struct hrc_lrs_client {
    hrc_lrs_config cfg;
    CURL *easy;
    CURLM *multi;
    struct curl_slist *headers;
    atomic_bool cancel;
    char url[HRC_LRS_TEXT_MAX + 16];
    char curl_err[CURL_ERROR_SIZE];
    /* The request body, and the answer (cut at RESPONSE_MAX). */
    char *body;
    size_t body_cap;
    char *response;
    size_t response_len;
};

int hrc_lrs_global_init(void)
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

static size_t on_response(char *data, size_t size, size_t n, void *user)
{
    hrc_lrs_client *c = user;
    size_t len = size * n;
    size_t room = RESPONSE_MAX - c->response_len;
    size_t take = len < room ? len : room;
    memcpy(c->response + c->response_len, data, take);
    c->response_len += take;
    c->response[c->response_len] = '\0';
    return len; /* the rest is read and dropped */
}

hrc_lrs_client *hrc_lrs_client_new(const hrc_lrs_config *config)
{
    hrc_lrs_client *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->cfg = *config;
    atomic_init(&c->cancel, false);
    c->response = malloc(RESPONSE_MAX + 1);
    c->easy = curl_easy_init();
    c->multi = curl_multi_init();
    struct curl_slist *h = NULL;
    static const char *const headers[] = {
        "Content-Type: application/json; charset=utf-8",
        "X-Experience-API-Version: 1.0.3",
        "Accept: application/json",
        "Expect:", /* no 100-continue round trip before each batch */
    };
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        struct curl_slist *more = curl_slist_append(h, headers[i]);
        if (!more) {
            curl_slist_free_all(h);
            h = NULL;
            break;
        }
        h = more;
    }
    c->headers = h;
    if (!c->response || !c->easy || !c->multi || !c->headers) {
        hrc_lrs_client_free(c);
        return NULL;
    }
    c->response[0] = '\0';
    snprintf(c->url, sizeof c->url, "%s/statements", c->cfg.endpoint);

    CURL *e = c->easy;
    bool ok = true;
    ok &= curl_easy_setopt(e, CURLOPT_URL, c->url) == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_HTTPHEADER, c->headers) == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_POST, 1L) == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_USERAGENT, "hrc-player") == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_response) == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_WRITEDATA, c) == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_ERRORBUFFER, c->curl_err) == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)c->cfg.timeout_s * 1000) == CURLE_OK;
    long connect_ms = (long)c->cfg.timeout_s * 1000;
    if (connect_ms > CONNECT_TIMEOUT_MS)
        connect_ms = CONNECT_TIMEOUT_MS;
    ok &= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, connect_ms) == CURLE_OK;
    ok &= curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L) == CURLE_OK;
    /* Verification stays on (libcurl's default); only the authority may change.
     * No CURLOPT_PROXY: libcurl takes proxies from the environment. */
    if (c->cfg.ca_file[0])
        ok &= curl_easy_setopt(e, CURLOPT_CAINFO, c->cfg.ca_file) == CURLE_OK;
    if (c->cfg.user[0] || c->cfg.password[0]) {
        ok &= curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC) == CURLE_OK;
        ok &= curl_easy_setopt(e, CURLOPT_USERNAME, c->cfg.user) == CURLE_OK;
        ok &= curl_easy_setopt(e, CURLOPT_PASSWORD, c->cfg.password) == CURLE_OK;
    }
    if (!ok) {
        hrc_lrs_client_free(c);
        return NULL;
    }
    return c;
}

void hrc_lrs_client_free(hrc_lrs_client *c)
{
    if (!c)
        return;
    if (c->easy)
        curl_easy_cleanup(c->easy);
    if (c->multi)
        curl_multi_cleanup(c->multi);
    curl_slist_free_all(c->headers);
    free(c->body);
    free(c->response);
    hrc_lrs_config_clear(&c->cfg);
    free(c);
}

void hrc_lrs_client_cancel(hrc_lrs_client *c)
{
    if (!c)
        return;
    atomic_store(&c->cancel, true);
    curl_multi_wakeup(c->multi);
}

static bool cancelled(hrc_lrs_client *c)
{
    return atomic_load(&c->cancel);
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits ms milliseconds, or less when cancelled. false when cancelled. */
static bool pause_ms(hrc_lrs_client *c, int64_t ms)
{
    int64_t end = now_ms() + ms;
    for (int64_t left = ms; left > 0 && !cancelled(c); left = end - now_ms())
        curl_multi_poll(c->multi, NULL, 0, (int)(left > 1000 ? 1000 : left), NULL);
    return !cancelled(c);
}

/* ---- One request -------------------------------------------------------- */

static void set_error(hrc_lrs_summary *out, int result, long status, const char *detail)
{
    out->error.result = result;
    out->error.http_status = status;
    snprintf(out->error.detail, sizeof out->error.detail, "%s", detail ? detail : "");
}

/* The body: items [lo, hi) of the batch as a JSON array. */
static bool build_body(hrc_lrs_client *c, const hrc_sync_batch *b, size_t lo, size_t hi,
                       size_t *len)
{
    size_t need = 2;
    for (size_t i = lo; i < hi; i++)
        need += b->items[i].length + 1;
    if (need + 1 > c->body_cap) {
        char *body = realloc(c->body, need + 1);
        if (!body)
            return false;
        c->body = body;
        c->body_cap = need + 1;
    }
    size_t n = 0;
    c->body[n++] = '[';
    for (size_t i = lo; i < hi; i++) {
        if (i > lo)
            c->body[n++] = ',';
        memcpy(c->body + n, b->json + b->items[i].offset, b->items[i].length);
        n += b->items[i].length;
    }
    c->body[n++] = ']';
    c->body[n] = '\0';
    *len = n;
    return true;
}

/* Runs the easy handle once through the multi handle. */
static CURLcode perform(hrc_lrs_client *c, long *status)
{
    *status = 0;
    c->response_len = 0;
    c->response[0] = '\0';
    c->curl_err[0] = '\0';
    if (curl_multi_add_handle(c->multi, c->easy) != CURLM_OK)
        return CURLE_OUT_OF_MEMORY;
    CURLcode result = CURLE_OK;
    bool done = false;
    while (!done) {
        int running = 0;
        if (curl_multi_perform(c->multi, &running) != CURLM_OK) {
            result = CURLE_OUT_OF_MEMORY;
            break;
        }
        int left;
        for (CURLMsg *m; (m = curl_multi_info_read(c->multi, &left));)
            if (m->msg == CURLMSG_DONE) {
                result = m->data.result;
                done = true;
            }
        if (done || !running)
            break;
        if (cancelled(c)) {
            result = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        curl_multi_poll(c->multi, NULL, 0, 1000, NULL);
    }
    curl_multi_remove_handle(c->multi, c->easy);
    if (result == CURLE_OK)
        curl_easy_getinfo(c->easy, CURLINFO_RESPONSE_CODE, status);
    return result;
}

static bool transient_status(long status)
{
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

/* Failures that trying again cannot mend. */
static bool fatal_curl(CURLcode rc)
{
    switch (rc) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_OUT_OF_MEMORY:
    case CURLE_NOT_BUILT_IN:
    case CURLE_FAILED_INIT:
        return true;
    default:
        return false;
    }
}

static bool tls_curl(CURLcode rc)
{
    return rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE ||
           rc == CURLE_SSL_CERTPROBLEM || rc == CURLE_SSL_ISSUER_ERROR ||
           rc == CURLE_SSL_PINNEDPUBKEYNOTMATCH || rc == CURLE_SSL_CIPHER;
}

/* The backoff before try number `next` (2, 3...): half the exponential
 * delay plus a random part of the other half, so that kiosks that lost the
 * network together do not come back together. */
static int64_t backoff_ms(int next)
{
    int64_t delay = BACKOFF_FIRST_MS;
    for (int i = 2; i < next && delay < BACKOFF_MAX_MS; i++)
        delay *= 2;
    if (delay > BACKOFF_MAX_MS)
        delay = BACKOFF_MAX_MS;
    return delay / 2 + randombytes_uniform((uint32_t)(delay / 2 + 1));
}

/* A one-line text of curl's failure. */
static void curl_words(hrc_lrs_client *c, CURLcode rc, char *out, size_t size)
{
    snprintf(out, size, "%s", c->curl_err[0] ? c->curl_err : curl_easy_strerror(rc));
}

/*
 * POSTs items [lo, hi), trying again after timeouts, lost connections,
 * 408, 429 and 5xx. Returns the HTTP status of the answer, or 0 when the
 * run must stop (out->error set: cancelled, TLS, or still failing after
 * config.tries).
 */
static long post(hrc_lrs_client *c, const hrc_sync_batch *b, size_t lo, size_t hi,
                 hrc_lrs_summary *out)
{
    size_t len;
    if (!build_body(c, b, lo, hi, &len)) {
        set_error(out, HRC_LRS_ERR_SETUP, 0, "out of memory");
        return 0;
    }
    curl_easy_setopt(c->easy, CURLOPT_POSTFIELDS, c->body);
    curl_easy_setopt(c->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    for (int attempt = 1;; attempt++) {
        if (cancelled(c)) {
            set_error(out, HRC_LRS_ERR_CANCELLED, 0, NULL);
            return 0;
        }
        long status;
        CURLcode rc = perform(c, &status);
        out->requests++;
        out->bytes_sent += len;
        if (rc == CURLE_ABORTED_BY_CALLBACK && cancelled(c)) {
            set_error(out, HRC_LRS_ERR_CANCELLED, 0, NULL);
            return 0;
        }
        if (rc != CURLE_OK && fatal_curl(rc)) {
            char words[CURL_ERROR_SIZE + 64];
            curl_words(c, rc, words, sizeof words);
            set_error(out, tls_curl(rc) ? HRC_LRS_ERR_TLS : HRC_LRS_ERR_SETUP, 0, words);
            return 0;
        }
        bool again = rc != CURLE_OK || transient_status(status);
        if (!again)
            return status;
        if (attempt >= c->cfg.tries) {
            if (rc == CURLE_OK) {
                set_error(out, HRC_LRS_ERR_NETWORK, status, c->response);
            } else {
                char words[CURL_ERROR_SIZE + 64];
                curl_words(c, rc, words, sizeof words);
                set_error(out, HRC_LRS_ERR_NETWORK, 0, words);
            }
            return 0;
        }
        out->retries++;
        if (!pause_ms(c, backoff_ms(attempt + 1))) {
            set_error(out, HRC_LRS_ERR_CANCELLED, 0, NULL);
            return 0;
        }
    }
}

/* ---- The LRS's reason for a refusal ------------------------------------ */

static void append(char *out, size_t size, size_t *n, const char *text)
{
    if (*n + 1 >= size)
        return;
    int w = snprintf(out + *n, size - *n, "%s", text);
    *n = w < 0 ? *n : *n + (size_t)w >= size ? size - 1 : *n + (size_t)w;
}

/* One line: control characters become single spaces, and a character cut
 * in two at the end (by a size limit) is dropped. */
static void tidy(char *text)
{
    size_t w = 0;
    bool space = false;
    for (size_t r = 0; text[r]; r++) {
        unsigned char ch = (unsigned char)text[r];
        if (ch < 0x20 || ch == 0x7f) {
            space = w > 0;
            continue;
        }
        if (space)
            text[w++] = ' '; /* in place of at least one dropped byte */
        space = false;
        text[w++] = (char)ch;
    }
    text[w] = '\0';
    size_t p = w;
    while (p > 0 && ((unsigned char)text[p - 1] & 0xC0) == 0x80)
        p--;
    if (p > 0) {
        unsigned char lead = (unsigned char)text[p - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (p - 1 + need > w)
            text[p - 1] = '\0';
    }
}

/*
 * Learning Locker answers {"warnings": [...]} or {"message": "..."}; other
 * LRSs {"detail": ...} or {"error": ...}. Anything else is kept as it came.
 */
static void refusal_reason(hrc_lrs_client *c, long status, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    size_t len = c->response_len;
    char *wrapped = malloc(len + 3);
    if (wrapped) {
        wrapped[0] = '[';
        memcpy(wrapped + 1, c->response, len);
        wrapped[len + 1] = ']';
        wrapped[len + 2] = '\0';
        hrc_json_reader r;
        hrc_json_reader_init(&r, wrapped, len + 2);
        const hrc_json *v = NULL;
        if (hrc_json_array_open(&r) && hrc_json_array_next(&r, &v) == 1 && v &&
            v->type == HRC_JSON_OBJECT) {
            const hrc_json *warnings = hrc_json_get(v, "warnings");
            if (warnings && warnings->type == HRC_JSON_ARRAY)
                for (const hrc_json *w = warnings->child; w; w = w->next)
                    if (w->type == HRC_JSON_STRING) {
                        if (n)
                            append(out, size, &n, "; ");
                        append(out, size, &n, w->string);
                    }
            static const char *const keys[] = {"message", "detail", "error"};
            for (size_t k = 0; !n && k < 3; k++) {
                const hrc_json *m = hrc_json_get(v, keys[k]);
                if (m && m->type == HRC_JSON_OBJECT)
                    m = hrc_json_get(m, "message");
                if (m && m->type == HRC_JSON_STRING)
                    append(out, size, &n, m->string);
            }
        }
        hrc_json_reader_free(&r);
        free(wrapped);
    }
    if (!n && c->response_len)
        append(out, size, &n, c->response);
    if (!n)
        snprintf(out, size, "HTTP %ld", status);
    tidy(out);
}

/* ---- The run ------------------------------------------------------------ */

typedef struct run {
    hrc_lrs_client *c;
    hrc_progress *store;
    int64_t target;
    hrc_sync_batch batch;
    hrc_sync_mark *marks;
    hrc_lrs_summary *out;
} run;

static bool mark(run *r, size_t lo, size_t hi, hrc_sync_status status, const char *reason)
{
    for (size_t i = lo; i < hi; i++)
        r->marks[i - lo] = (hrc_sync_mark){r->batch.items[i].event_id, status, reason};
    int rc = hrc_progress_sync_mark(r->store, r->target, r->marks, hi - lo);
    if (rc != HRC_PROGRESS_OK) {
        set_error(r->out, HRC_LRS_ERR_STORE, 0, hrc_progress_errmsg(r->store));
        return false;
    }
    if (status == HRC_SYNC_SENT)
        r->out->sent += hi - lo;
    else if (status == HRC_SYNC_PRESENT)
        r->out->already += hi - lo;
    else {
        r->out->refused += hi - lo;
        snprintf(r->out->refused_id, sizeof r->out->refused_id, "%s",
                 r->batch.items[lo].statement_id);
        snprintf(r->out->refused_reason, sizeof r->out->refused_reason, "%s",
                 reason ? reason : "");
        tidy(r->out->refused_reason);
    }
    return true;
}

static int compare_ids(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * xAPI answers a POST of statements with the array of their ids. Checking
 * it tells an LRS from whatever else may answer 200 on the way (a captive
 * portal's login page, a web server at the wrong address): statements are
 * marked as sent only when the LRS listed every one of them.
 */
static bool answer_lists_ids(hrc_lrs_client *c, const hrc_sync_batch *b, size_t lo,
                             size_t hi)
{
    size_t n = hi - lo;
    const char **got = calloc(n + 1, sizeof *got);
    const char **want = calloc(n, sizeof *want);
    bool ok = got && want;
    hrc_json_reader r;
    hrc_json_reader_init(&r, c->response, c->response_len);
    size_t count = 0;
    if (ok && hrc_json_array_open(&r)) {
        const hrc_json *v;
        int more;
        /* The reader keeps one element at a time: keep copies. */
        while ((more = hrc_json_array_next(&r, &v)) == 1) {
            if (v->type != HRC_JSON_STRING || count >= n || !(got[count] = strdup(v->string))) {
                ok = false;
                break;
            }
            count++;
        }
        ok = ok && more == 0 && count == n;
    } else {
        ok = false;
    }
    hrc_json_reader_free(&r);
    if (ok) {
        for (size_t i = 0; i < n; i++)
            want[i] = b->items[lo + i].statement_id;
        qsort(got, n, sizeof *got, compare_ids);
        qsort(want, n, sizeof *want, compare_ids);
        for (size_t i = 0; ok && i < n; i++)
            ok = strcasecmp(got[i], want[i]) == 0;
    }
    for (size_t i = 0; got && i < count; i++)
        free((void *)got[i]);
    free(got);
    free(want);
    return ok;
}

/* Sends items [lo, hi), halving what the LRS refuses. false stops the run. */
static bool send_range(run *r, size_t lo, size_t hi)
{
    long status = post(r->c, &r->batch, lo, hi, r->out);
    if (status == 0)
        return false;
    if (status >= 200 && status <= 299) {
        if (!answer_lists_ids(r->c, &r->batch, lo, hi)) {
            char answer[200];
            snprintf(answer, sizeof answer, "%.199s", r->c->response);
            tidy(answer);
            set_error(r->out, HRC_LRS_ERR_NOT_LRS, status, answer);
            return false;
        }
        return mark(r, lo, hi, HRC_SYNC_SENT, NULL);
    }
    bool one = hi - lo == 1;
    if (status == 409 && one)
        return mark(r, lo, hi, HRC_SYNC_PRESENT, NULL);
    if (status == 400 || status == 409 || status == 413) {
        if (!one) {
            size_t mid = lo + (hi - lo) / 2;
            return send_range(r, lo, mid) && send_range(r, mid, hi);
        }
        char reason[1000];
        if (status == 413)
            snprintf(reason, sizeof reason, "the LRS found the statement too large (HTTP 413)");
        else
            refusal_reason(r->c, status, reason, sizeof reason);
        return mark(r, lo, hi, HRC_SYNC_REFUSED, reason);
    }
    char answer[400];
    refusal_reason(r->c, status, answer, sizeof answer);
    if (status == 401 || status == 403) {
        set_error(r->out, HRC_LRS_ERR_AUTH, status, answer);
    } else if (status >= 300 && status <= 399) {
        const char *where = NULL;
        curl_easy_getinfo(r->c->easy, CURLINFO_REDIRECT_URL, &where);
        set_error(r->out, HRC_LRS_ERR_PROTOCOL, status, where ? where : answer);
    } else {
        set_error(r->out, HRC_LRS_ERR_PROTOCOL, status, answer);
    }
    return false;
}

static void fill_counts(hrc_progress *store, int64_t target, hrc_lrs_summary *out)
{
    hrc_sync_counts counts;
    if (hrc_progress_sync_counts(store, target, &counts) != HRC_PROGRESS_OK)
        return;
    out->pending = counts.pending;
    out->refused_total = counts.refused;
    snprintf(out->refused_id, sizeof out->refused_id, "%s", counts.refused_id);
    snprintf(out->refused_reason, sizeof out->refused_reason, "%s", counts.refused_reason);
}

int hrc_lrs_sync(hrc_lrs_client *c, hrc_progress *store, hrc_lrs_summary *out)
{
    memset(out, 0, sizeof *out);
    out->pending = -1;
    run r = {.c = c, .store = store, .out = out};
    hrc_sync_batch_init(&r.batch);
    if (hrc_progress_sync_target(store, c->cfg.endpoint, c->cfg.user, &r.target)) {
        set_error(out, HRC_LRS_ERR_STORE, 0, hrc_progress_errmsg(store));
        return out->error.result;
    }
    r.marks = calloc((size_t)c->cfg.batch, sizeof *r.marks);
    if (!r.marks) {
        set_error(out, HRC_LRS_ERR_SETUP, 0, "out of memory");
        return out->error.result;
    }
    int64_t after = 0;
    for (;;) {
        if (cancelled(c)) {
            set_error(out, HRC_LRS_ERR_CANCELLED, 0, NULL);
            break;
        }
        if (hrc_progress_sync_read(store, r.target, after, (size_t)c->cfg.batch, &r.batch)) {
            set_error(out, HRC_LRS_ERR_STORE, 0, hrc_progress_errmsg(store));
            break;
        }
        if (r.batch.count == 0)
            break;
        after = r.batch.last_event_id;
        if (!send_range(&r, 0, r.batch.count))
            break;
    }
    free(r.marks);
    hrc_sync_batch_free(&r.batch);
    if (out->error.result != HRC_LRS_ERR_CANCELLED)
        fill_counts(store, r.target, out);
    return out->error.result;
}

int hrc_lrs_count(const hrc_lrs_config *config, hrc_progress *store, hrc_lrs_summary *out)
{
    memset(out, 0, sizeof *out);
    out->pending = -1;
    int64_t target = 0;
    if (hrc_progress_sync_find_target(store, config->endpoint, config->user, &target)) {
        set_error(out, HRC_LRS_ERR_STORE, 0, hrc_progress_errmsg(store));
        return out->error.result;
    }
    fill_counts(store, target, out);
    if (out->pending < 0)
        set_error(out, HRC_LRS_ERR_STORE, 0, hrc_progress_errmsg(store));
    return out->error.result;
}

int hrc_lrs_retry_refused(const hrc_lrs_config *config, hrc_progress *store, int64_t *count)
{
    *count = 0;
    int64_t target = 0;
    if (hrc_progress_sync_find_target(store, config->endpoint, config->user, &target) ||
        (target && hrc_progress_sync_forget_refused(store, target, count)))
        return HRC_LRS_ERR_STORE;
    return HRC_LRS_OK;
}
