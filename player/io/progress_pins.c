/*
 * progress_pins.c: learner and facilitator PINs. Only crypto_pwhash_str
 * (Argon2id) hashes are kept, at a cost measured once on the machine; every
 * check is throttled (progress.h, "Throttling"), with the count of wrong
 * tries kept in the store.
 */
#include "io/progress_internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- Formats ------------------------------------------------------------ */

static bool digits_between(const char *pin, size_t min, size_t max)
{
    if (!pin)
        return false;
    size_t n = 0;
    for (; pin[n]; n++)
        if (pin[n] < '0' || pin[n] > '9' || n >= max)
            return false;
    return n >= min;
}

bool hrc_progress_pin_is_valid(const char *pin)
{
    return digits_between(pin, HRC_PIN_MIN_DIGITS, HRC_FACILITATOR_PIN_MAX_DIGITS);
}

bool hrc_progress_learner_pin_is_valid(const char *pin)
{
    return digits_between(pin, HRC_PIN_MIN_DIGITS, HRC_LEARNER_PIN_MAX_DIGITS);
}

/* ---- The cost of a hash ------------------------------------------------- */

/*
 * Argon2id with 64 MiB of memory and as many passes as take about 0.5 s on
 * this machine (at least 3, where libsodium's "interactive" has 2),
 * measured the first time a PIN is hashed and kept in the setting
 * pin_hash_cost ("OPS:MEM"). The hash string carries its own parameters,
 * so hashes made at another cost keep verifying; they are made again at
 * this cost after the next right PIN.
 */
#define COST_KEY "pin_hash_cost"
#define COST_MEM ((size_t)crypto_pwhash_MEMLIMIT_INTERACTIVE)
#define COST_TARGET_NS 500000000.0
#define COST_MIN_OPS 3ULL
#define COST_MAX_OPS 64ULL

static double monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Times a hash at 2 passes (twice, keeping the faster) and scales. */
static unsigned long long measure_ops(void)
{
    unsigned char out[32], salt[crypto_pwhash_SALTBYTES];
    randombytes_buf(salt, sizeof salt);
    double best = 0;
    for (int i = 0; i < 2; i++) {
        double t0 = monotonic_ns();
        if (crypto_pwhash(out, sizeof out, "0000", 4, salt, 2, COST_MEM,
                          crypto_pwhash_ALG_ARGON2ID13) != 0)
            return COST_MIN_OPS;
        double t = monotonic_ns() - t0;
        if (i == 0 || t < best)
            best = t;
    }
    double ops = best > 0 ? 2.0 * COST_TARGET_NS / best : (double)COST_MAX_OPS;
    if (ops < (double)COST_MIN_OPS)
        return COST_MIN_OPS;
    if (ops > (double)COST_MAX_OPS)
        return COST_MAX_OPS;
    return (unsigned long long)(ops + 0.5);
}

static int pin_cost(hrc_progress *s, unsigned long long *ops, size_t *mem)
{
    if (s->fast_pin_hash) {
        *ops = crypto_pwhash_OPSLIMIT_MIN;
        *mem = crypto_pwhash_MEMLIMIT_MIN;
        return HRC_PROGRESS_OK;
    }
    char text[64];
    bool found;
    int r = hrc_progress_get_setting(s, COST_KEY, text, sizeof text, &found);
    if (r)
        return r;
    unsigned long long o = 0, m = 0;
    if (found && sscanf(text, "%llu:%llu", &o, &m) == 2 && o >= COST_MIN_OPS &&
        o <= COST_MAX_OPS && m >= crypto_pwhash_MEMLIMIT_MIN && m <= (1ULL << 32)) {
        *ops = o;
        *mem = (size_t)m;
        return HRC_PROGRESS_OK;
    }
    *ops = measure_ops();
    *mem = COST_MEM;
    if (!s->readonly) {
        snprintf(text, sizeof text, "%llu:%zu", *ops, *mem);
        hrc_progress_put_setting(s, COST_KEY, text); /* else measured again next time */
    }
    return HRC_PROGRESS_OK;
}

/* Checks the format (learner: 4 to 8 digits, else 4 to 12), then hashes. */
static int hash_pin(hrc_progress *s, const char *pin, bool learner,
                    char out[crypto_pwhash_STRBYTES])
{
    if (learner ? !hrc_progress_learner_pin_is_valid(pin) : !hrc_progress_pin_is_valid(pin))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN_FORMAT, "a %s PIN is %d to %d digits",
                                 learner ? "learner's" : "facilitator's", HRC_PIN_MIN_DIGITS,
                                 learner ? HRC_LEARNER_PIN_MAX_DIGITS
                                         : HRC_FACILITATOR_PIN_MAX_DIGITS);
    unsigned long long ops;
    size_t mem;
    int r = pin_cost(s, &ops, &mem);
    if (r)
        return r;
    if (crypto_pwhash_str(out, pin, strlen(pin), ops, mem) != 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "not enough memory to hash the PIN");
    return HRC_PROGRESS_OK;
}

/* A new hash of pin when hash was made at another cost; "" otherwise. */
static void rehash_if_needed(hrc_progress *s, const char *hash, const char *pin,
                             char out[crypto_pwhash_STRBYTES])
{
    out[0] = '\0';
    unsigned long long ops;
    size_t mem;
    if (s->fast_pin_hash || s->readonly || pin_cost(s, &ops, &mem) != HRC_PROGRESS_OK)
        return;
    if (crypto_pwhash_str_needs_rehash(hash, ops, mem) != 0 &&
        crypto_pwhash_str(out, pin, strlen(pin), ops, mem) != 0)
        out[0] = '\0';
}

/* ---- Throttling --------------------------------------------------------- */

int64_t hrc_progress_pin_delay_ms(int failures)
{
    if (failures < HRC_PIN_FREE_TRIES)
        return 0;
    int shift = failures - HRC_PIN_FREE_TRIES;
    if (shift >= 20)
        return HRC_PIN_MAX_WAIT_MS;
    int64_t d = INT64_C(1000) << shift;
    return d < HRC_PIN_MAX_WAIT_MS ? d : HRC_PIN_MAX_WAIT_MS;
}

int64_t hrc_progress_wait_ms(const hrc_progress *s)
{
    return s ? s->wait_ms : 0;
}

#define FACILITATOR_GUARD "facilitator_pin_guard" /* "FAILURES LAST_FAILURE_MS" */

/* The wrong tries in a row of a learner (learner > 0) or the facilitator. */
static int guard_get(hrc_progress *s, int64_t learner, int *failures, int64_t *last)
{
    *failures = 0;
    *last = 0;
    if (learner <= 0) {
        char text[64];
        bool found;
        int r = hrc_progress_get_setting(s, FACILITATOR_GUARD, text, sizeof text, &found);
        long long f = 0, l = 0;
        if (!r && found && sscanf(text, "%lld %lld", &f, &l) == 2 && f >= 0 && f < 1000000) {
            *failures = (int)f;
            *last = l;
        }
        return r;
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT pin_failures, pin_last_failure_ms FROM learner WHERE id = ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            int64_t f = sqlite3_column_int64(st, 0);
            *failures = f < 0 ? 0 : f > 1000000 ? 1000000 : (int)f;
            *last = sqlite3_column_int64(st, 1);
        }
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK
                            : hrc_progress_fail_db(s, rc, "reading the wrong PIN count");
}

static int guard_set(hrc_progress *s, int64_t learner, int failures, int64_t last)
{
    if (s->readonly)
        return HRC_PROGRESS_ERR_READONLY;
    if (learner <= 0) {
        char text[64];
        snprintf(text, sizeof text, "%d %lld", failures, (long long)last);
        return hrc_progress_put_setting(s, FACILITATOR_GUARD, text);
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "UPDATE learner SET pin_failures = ?2, pin_last_failure_ms = ?3 WHERE id = ?1", -1,
        &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        sqlite3_bind_int(st, 2, failures);
        sqlite3_bind_int64(st, 3, last);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK
                             : hrc_progress_fail_db(s, rc, "counting a wrong PIN");
}

/* How long a PIN is locked at now; a clock found before the last wrong
 * try (set back) means the whole delay, from now. */
static int64_t wait_at(int failures, int64_t last, int64_t now)
{
    int64_t delay = hrc_progress_pin_delay_ms(failures);
    if (delay <= 0)
        return 0;
    if (now < last)
        return delay;
    return now < last + delay ? last + delay - now : 0;
}

static int lock_of(hrc_progress *s, int64_t learner, hrc_pin_lock *out)
{
    memset(out, 0, sizeof *out);
    int64_t last;
    int r = guard_get(s, learner, &out->failures, &last);
    if (!r)
        out->wait_ms = wait_at(out->failures, last, hrc_progress_clock_ms(s));
    return r;
}

/*
 * Checks pin against hash (not empty) for a learner (> 0) or the
 * facilitator (0), throttled. On success, *rehashed gets a new hash when
 * the old one was made at another cost (else "").
 */
static int check_guarded(hrc_progress *s, int64_t learner, const char *hash, const char *pin,
                         char rehashed[crypto_pwhash_STRBYTES])
{
    rehashed[0] = '\0';
    s->wait_ms = 0;
    int failures;
    int64_t last;
    int r = guard_get(s, learner, &failures, &last);
    if (r)
        return r;
    int64_t now = hrc_progress_clock_ms(s);
    if (hrc_progress_pin_delay_ms(failures) > 0 && now < last) {
        /* The clock was set back: the whole delay again, from now. */
        last = now;
        guard_set(s, learner, failures, last);
    }
    int64_t wait = wait_at(failures, last, now);
    if (wait > 0) {
        s->wait_ms = wait;
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_THROTTLED,
                                 "too many wrong PINs: try again in %lld s",
                                 (long long)((wait + 999) / 1000));
    }
    /* Counted before the slow check: stopping the player meanwhile must not
     * give a free try. A store that cannot be written (read-only, full)
     * cannot count; anything else stops here. */
    r = guard_set(s, learner, failures + 1, now);
    if (r && r != HRC_PROGRESS_ERR_READONLY && r != HRC_PROGRESS_ERR_FULL)
        return r;
    if (pin && crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0) {
        guard_set(s, learner, 0, 0);
        rehash_if_needed(s, hash, pin, rehashed);
        return HRC_PROGRESS_OK;
    }
    s->wait_ms = hrc_progress_pin_delay_ms(failures + 1);
    return hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN, "wrong PIN");
}

/* ---- Facilitator PIN ---------------------------------------------------- */

#define FACILITATOR_PIN "facilitator_pin"

static int facilitator_hash(hrc_progress *s, char *out, size_t size)
{
    bool found;
    return hrc_progress_get_setting(s, FACILITATOR_PIN, out, size, &found);
}

int hrc_progress_has_facilitator_pin(hrc_progress *s, bool *out)
{
    *out = false;
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    char hash[crypto_pwhash_STRBYTES];
    int r = facilitator_hash(s, hash, sizeof hash);
    *out = !r && hash[0];
    return r;
}

/* Replaces the stored hash and forgets wrong tries, in one transaction. */
static int save_facilitator_hash(hrc_progress *s, const char *hash)
{
    int r = hrc_progress_begin(s);
    if (!r)
        r = hrc_progress_put_setting(s, FACILITATOR_PIN, hash);
    if (!r)
        r = guard_set(s, 0, 0, 0);
    if (r) {
        hrc_progress_rollback(s);
        return r;
    }
    return hrc_progress_commit(s);
}

int hrc_progress_setup_facilitator_pin(hrc_progress *s, const char *pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    bool has = false;
    if (!r)
        r = hrc_progress_has_facilitator_pin(s, &has);
    if (!r && has)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_LOCKED,
                              "a facilitator PIN is set already: changing it needs the old one");
    char hash[crypto_pwhash_STRBYTES];
    if (!r)
        r = hash_pin(s, pin, false, hash);
    if (r)
        return r;
    /* A plain INSERT: should another process have set a PIN meanwhile,
     * this one fails rather than replace it. */
    r = hrc_progress_begin(s);
    sqlite3_stmt *st = NULL;
    int rc = SQLITE_OK;
    if (!r) {
        rc = sqlite3_prepare_v2(s->db,
            "INSERT INTO setting(key, value) VALUES('" FACILITATOR_PIN "', ?1)", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
        if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT)
            r = hrc_progress_fail(s, HRC_PROGRESS_ERR_LOCKED, "a facilitator PIN is set already");
        else if (rc != SQLITE_DONE)
            r = hrc_progress_fail_db(s, rc, "saving the facilitator PIN");
        if (!r)
            r = guard_set(s, 0, 0, 0);
        if (r)
            hrc_progress_rollback(s);
        else
            r = hrc_progress_commit(s);
    }
    sodium_memzero(hash, sizeof hash);
    if (!r)
        s->unlocked = true; /* whoever just chose it is the facilitator */
    return r;
}

int hrc_progress_set_facilitator_pin(hrc_progress *s, const char *pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    bool has = false;
    if (!r)
        r = hrc_progress_has_facilitator_pin(s, &has);
    if (!r && !has)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_NO_PIN,
                              "no facilitator PIN is set yet: the first one is chosen at the "
                              "initial set-up");
    char hash[crypto_pwhash_STRBYTES];
    if (!r)
        r = hash_pin(s, pin, false, hash);
    if (!r)
        r = save_facilitator_hash(s, hash);
    sodium_memzero(hash, sizeof hash);
    return r;
}

int hrc_progress_check_facilitator_pin(hrc_progress *s, const char *pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_NO_PIN;
    char hash[crypto_pwhash_STRBYTES];
    int r = facilitator_hash(s, hash, sizeof hash);
    if (r)
        return r;
    if (!hash[0])
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NO_PIN, "no facilitator PIN is set");
    char rehashed[crypto_pwhash_STRBYTES];
    r = check_guarded(s, 0, hash, pin, rehashed);
    if (r == HRC_PROGRESS_ERR_PIN)
        hrc_progress_fail(s, r, "wrong facilitator PIN");
    if (r)
        return r;
    if (rehashed[0])
        hrc_progress_put_setting(s, FACILITATOR_PIN, rehashed); /* next time, if not now */
    s->unlocked = true;
    return HRC_PROGRESS_OK;
}

int hrc_progress_change_facilitator_pin(hrc_progress *s, const char *old_pin,
                                        const char *new_pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r && !hrc_progress_pin_is_valid(new_pin))
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN_FORMAT,
                              "a facilitator's PIN is %d to %d digits", HRC_PIN_MIN_DIGITS,
                              HRC_FACILITATOR_PIN_MAX_DIGITS);
    if (!r)
        r = hrc_progress_check_facilitator_pin(s, old_pin);
    char hash[crypto_pwhash_STRBYTES];
    if (!r)
        r = hash_pin(s, new_pin, false, hash);
    if (!r)
        r = save_facilitator_hash(s, hash);
    sodium_memzero(hash, sizeof hash);
    return r;
}

int hrc_progress_facilitator_pin_lock(hrc_progress *s, hrc_pin_lock *out)
{
    memset(out, 0, sizeof *out);
    return s ? lock_of(s, 0, out) : HRC_PROGRESS_ERR_NO_PIN;
}

void hrc_progress_lock(hrc_progress *s)
{
    if (s)
        s->unlocked = false;
}

bool hrc_progress_is_unlocked(const hrc_progress *s)
{
    return s && s->unlocked;
}

/* ---- Learner PINs ------------------------------------------------------- */

/* The learner's hash into out ("" when none); NOT_FOUND when no learner. */
static int learner_hash(hrc_progress *s, int64_t learner, char *out, size_t size)
{
    out[0] = '\0';
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT pin_hash FROM learner WHERE id = ?1", -1, &st,
                                NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
            snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading a PIN");
}

static int pins_required(hrc_progress *s, bool *out)
{
    char v[8];
    int r = hrc_progress_get_setting(s, "learner_pins_required", v, sizeof v, out);
    *out = !r && strcmp(v, "1") == 0;
    return r;
}

/*
 * Writes the learner's PIN hash (NULL: none) and reset flag, forgetting
 * wrong tries. only_if_none: the row changes only while it has no PIN
 * (another process may have set one since it was read).
 */
static int save_learner_hash(hrc_progress *s, int64_t learner, const char *hash, bool reset,
                             bool only_if_none)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        only_if_none ? "UPDATE learner SET pin_hash = ?2, pin_reset = ?3, pin_failures = 0,"
                       " pin_last_failure_ms = 0 WHERE id = ?1 AND pin_hash IS NULL"
                     : "UPDATE learner SET pin_hash = ?2, pin_reset = ?3, pin_failures = 0,"
                       " pin_last_failure_ms = 0 WHERE id = ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        if (hash)
            sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, reset);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "saving a PIN");
    if (sqlite3_changes(s->db) == 0)
        return only_if_none ? hrc_progress_fail(s, HRC_PROGRESS_ERR_LOCKED,
                                                "this learner has a PIN: changing it needs the "
                                                "old one")
                            : hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return HRC_PROGRESS_OK;
}

int hrc_progress_check_learner_pin(hrc_progress *s, int64_t learner, const char *pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    s->wait_ms = 0;
    char hash[crypto_pwhash_STRBYTES];
    int r = learner_hash(s, learner, hash, sizeof hash);
    if (r || !hash[0])
        return r; /* no PIN: nothing to check */
    char rehashed[crypto_pwhash_STRBYTES];
    r = check_guarded(s, learner, hash, pin, rehashed);
    if (!r && rehashed[0]) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(s->db, "UPDATE learner SET pin_hash = ?2 WHERE id = ?1 AND "
                                      "pin_hash = ?3", -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, learner);
            sqlite3_bind_text(st, 2, rehashed, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
            sqlite3_step(st); /* next time, if not now */
        }
        sqlite3_finalize(st);
    }
    return r;
}

int hrc_progress_learner_must_set_pin(hrc_progress *s, int64_t learner, bool *out)
{
    *out = false;
    if (!s)
        return HRC_PROGRESS_OK; /* not recording: nothing to protect */
    bool required;
    int r = pins_required(s, &required);
    sqlite3_stmt *st;
    int rc = r ? SQLITE_OK : sqlite3_prepare_v2(s->db,
        "SELECT pin_reset, pin_hash IS NULL FROM learner WHERE id = ?1", -1, &st, NULL);
    if (r)
        return r;
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *out = sqlite3_column_int(st, 0) || (required && sqlite3_column_int(st, 1));
        sqlite3_finalize(st);
    }
    if (rc == SQLITE_DONE)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading a learner");
}

/* Removing a PIN: never while the kiosk requires them. */
static int may_remove_pin(hrc_progress *s)
{
    bool required;
    int r = pins_required(s, &required);
    if (!r && required)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN_FORMAT,
                              "learner PINs are required on this kiosk");
    return r;
}

int hrc_progress_set_learner_pin(hrc_progress *s, int64_t learner, const char *pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    bool removing = !pin || !*pin;
    if (!r && removing) {
        r = hrc_progress_require_unlocked(s);
        if (!r)
            r = may_remove_pin(s);
        return r ? r : save_learner_hash(s, learner, NULL, false, false);
    }
    char hash[crypto_pwhash_STRBYTES];
    if (!r)
        r = learner_hash(s, learner, hash, sizeof hash);
    if (!r && hash[0] && !s->unlocked)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_LOCKED,
                              "this learner has a PIN: changing it needs the old one");
    if (!r)
        r = hash_pin(s, pin, true, hash);
    if (!r)
        r = save_learner_hash(s, learner, hash, false, !s->unlocked);
    sodium_memzero(hash, sizeof hash);
    return r;
}

int hrc_progress_change_learner_pin(hrc_progress *s, int64_t learner, const char *old_pin,
                                    const char *new_pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    bool removing = !new_pin || !*new_pin;
    int r = hrc_progress_require_writable(s);
    if (!r && removing)
        r = may_remove_pin(s);
    if (!r && !removing && !hrc_progress_learner_pin_is_valid(new_pin))
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN_FORMAT, "a learner's PIN is %d to %d digits",
                              HRC_PIN_MIN_DIGITS, HRC_LEARNER_PIN_MAX_DIGITS);
    char old_hash[crypto_pwhash_STRBYTES];
    if (!r)
        r = learner_hash(s, learner, old_hash, sizeof old_hash);
    if (!r && old_hash[0])
        r = hrc_progress_check_learner_pin(s, learner, old_pin);
    char hash[crypto_pwhash_STRBYTES] = "";
    if (!r && !removing)
        r = hash_pin(s, new_pin, true, hash);
    if (!r)
        r = save_learner_hash(s, learner, removing ? NULL : hash, false, false);
    sodium_memzero(hash, sizeof hash);
    return r;
}

int hrc_progress_reset_learner_pin(hrc_progress *s, int64_t learner)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    return r ? r : save_learner_hash(s, learner, NULL, true, false);
}

int hrc_progress_learner_pin_lock(hrc_progress *s, int64_t learner, hrc_pin_lock *out)
{
    memset(out, 0, sizeof *out);
    if (!s || learner <= 0)
        return s ? hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner")
                 : HRC_PROGRESS_ERR_NOT_FOUND;
    return lock_of(s, learner, out);
}

int hrc_progress_clear_learner_pin_lock(hrc_progress *s, int64_t learner)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    int failures;
    int64_t last;
    if (!r)
        r = learner > 0 ? guard_get(s, learner, &failures, &last)
                        : hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return r ? r : guard_set(s, learner, 0, 0);
}

/* ---- Kiosk settings ------------------------------------------------------ */

static int get_flag(hrc_progress *s, const char *key, bool *out)
{
    *out = false;
    if (!s)
        return HRC_PROGRESS_OK;
    char v[8];
    bool found;
    int r = hrc_progress_get_setting(s, key, v, sizeof v, &found);
    *out = !r && strcmp(v, "1") == 0;
    return r;
}

static int set_flag(hrc_progress *s, const char *key, bool on)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    return r ? r : hrc_progress_put_setting(s, key, on ? "1" : "0");
}

int hrc_progress_learner_pins_required(hrc_progress *s, bool *out)
{
    return get_flag(s, "learner_pins_required", out);
}

int hrc_progress_set_learner_pins_required(hrc_progress *s, bool on)
{
    return set_flag(s, "learner_pins_required", on);
}

int hrc_progress_show_learners(hrc_progress *s, bool *out)
{
    return get_flag(s, "show_learners", out);
}

int hrc_progress_set_show_learners(hrc_progress *s, bool on)
{
    return set_flag(s, "show_learners", on);
}
