/*
 * progress_learners.c: learner profiles on a shared kiosk, learner PINs and
 * the facilitator PIN. PINs are kept only as crypto_pwhash_str (Argon2id)
 * hashes; the clear PIN is never stored.
 */
#include "io/progress_internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

bool hrc_progress_pin_is_valid(const char *pin)
{
    if (!pin)
        return false;
    size_t n = 0;
    for (; pin[n]; n++)
        if (pin[n] < '0' || pin[n] > '9' || n >= HRC_PIN_MAX_DIGITS)
            return false;
    return n >= HRC_PIN_MIN_DIGITS;
}

static int hash_pin(hrc_progress *s, const char *pin, char out[crypto_pwhash_STRBYTES])
{
    if (!hrc_progress_pin_is_valid(pin))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN_FORMAT,
                                 "a PIN is %d to %d digits", HRC_PIN_MIN_DIGITS,
                                 HRC_PIN_MAX_DIGITS);
    if (crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "not enough memory to hash the PIN");
    return HRC_PROGRESS_OK;
}

static bool pin_matches(const char *hash, const char *pin)
{
    return pin && hash && crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

/* ---- Facilitator PIN --------------------------------------------------- */

/* The stored hash into out ("" when none). */
static int facilitator_hash(hrc_progress *s, char *out, size_t size)
{
    out[0] = '\0';
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT value FROM setting WHERE key = 'facilitator_pin'", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "reading the facilitator PIN");
    return HRC_PROGRESS_OK;
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

int hrc_progress_set_facilitator_pin(hrc_progress *s, const char *pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    bool has = false;
    if (!r)
        r = hrc_progress_has_facilitator_pin(s, &has);
    if (!r && has)
        r = hrc_progress_require_unlocked(s);
    char hash[crypto_pwhash_STRBYTES];
    if (!r)
        r = hash_pin(s, pin, hash);
    if (r)
        return r;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT OR REPLACE INTO setting(key, value) VALUES('facilitator_pin', ?1)", -1, &st,
        NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    sodium_memzero(hash, sizeof hash);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "saving the facilitator PIN");
    s->unlocked = true; /* whoever just set it is the facilitator */
    return HRC_PROGRESS_OK;
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
    if (!pin_matches(hash, pin))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN, "wrong facilitator PIN");
    s->unlocked = true;
    return HRC_PROGRESS_OK;
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

/* ---- Learners ---------------------------------------------------------- */

static int check_name(hrc_progress *s, const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n >= HRC_LEARNER_NAME_MAX || !hrc_progress_utf8_is_valid(name, n))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                                 "a learner's name is 1 to %d bytes of UTF-8",
                                 HRC_LEARNER_NAME_MAX - 1);
    return HRC_PROGRESS_OK;
}

static int check_prefs(hrc_progress *s, const hrc_learner_prefs *p)
{
    size_t n = strnlen(p->lang, sizeof p->lang);
    bool lang_ok = n < sizeof p->lang;
    for (size_t i = 0; lang_ok && i < n; i++)
        lang_ok = (p->lang[i] >= 'a' && p->lang[i] <= 'z') ||
                  (p->lang[i] >= 'A' && p->lang[i] <= 'Z') || p->lang[i] == '-';
    if (!lang_ok || (p->text_size != 100 && p->text_size != 150 && p->text_size != 200))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                                 "preferences: a language tag, and text size 100, 150 or 200");
    return HRC_PROGRESS_OK;
}

/* Runs a one-row write; NOT_FOUND when it touched no learner. */
static int step_write(hrc_progress *s, sqlite3_stmt *st, const char *doing)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, doing);
    if (sqlite3_changes(s->db) == 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return HRC_PROGRESS_OK;
}

static int prepare(hrc_progress *s, const char *sql, sqlite3_stmt **st, const char *doing)
{
    int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
    return rc == SQLITE_OK ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, doing);
}

int hrc_progress_add_learner(hrc_progress *s, const char *name, const char *pin,
                             const hrc_learner_prefs *prefs, int64_t *out_id)
{
    if (out_id)
        *out_id = 0;
    if (!s)
        return HRC_PROGRESS_OK; /* not recording: a learner nobody stores, id 0 */
    hrc_learner_prefs defaults = {.text_size = 100};
    if (!prefs)
        prefs = &defaults;
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = check_name(s, name);
    if (!r)
        r = check_prefs(s, prefs);
    char hash[crypto_pwhash_STRBYTES] = "";
    if (!r && pin && *pin)
        r = hash_pin(s, pin, hash);
    sqlite3_stmt *st;
    if (!r)
        r = prepare(s, "INSERT INTO learner(uuid, name, pin_hash, lang, text_size, "
                       "high_contrast, created_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    &st, "adding a learner");
    if (r)
        return r;
    char uuid[37];
    hrc_progress_uuid_random(uuid);
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    if (hash[0])
        sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, prefs->lang, (int)strnlen(prefs->lang, sizeof prefs->lang),
                      SQLITE_STATIC);
    sqlite3_bind_int(st, 5, prefs->text_size);
    sqlite3_bind_int(st, 6, prefs->high_contrast);
    sqlite3_bind_int64(st, 7, hrc_progress_now_ms());
    r = step_write(s, st, "adding a learner");
    if (!r && out_id)
        *out_id = sqlite3_last_insert_rowid(s->db);
    return r;
}

static const char learner_columns[] =
    "SELECT id, uuid, name, pin_hash IS NOT NULL, lang, text_size, high_contrast, "
    "created_ms FROM learner ";

static void read_learner(sqlite3_stmt *st, hrc_learner *l)
{
    memset(l, 0, sizeof *l);
    l->id = sqlite3_column_int64(st, 0);
    snprintf(l->uuid, sizeof l->uuid, "%s", (const char *)sqlite3_column_text(st, 1));
    snprintf(l->name, sizeof l->name, "%s", (const char *)sqlite3_column_text(st, 2));
    l->has_pin = sqlite3_column_int(st, 3);
    snprintf(l->prefs.lang, sizeof l->prefs.lang, "%s",
             (const char *)sqlite3_column_text(st, 4));
    l->prefs.text_size = sqlite3_column_int(st, 5);
    l->prefs.high_contrast = sqlite3_column_int(st, 6);
    l->created_ms = sqlite3_column_int64(st, 7);
}

int hrc_progress_list_learners(hrc_progress *s, hrc_learner **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s)
        return HRC_PROGRESS_OK;
    char sql[256];
    snprintf(sql, sizeof sql, "%sORDER BY name COLLATE NOCASE, id", learner_columns);
    sqlite3_stmt *st;
    int r = prepare(s, sql, &st, "listing learners");
    if (r)
        return r;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            hrc_learner *grown = realloc(*out, cap * sizeof **out);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = grown;
        }
        read_learner(st, &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return hrc_progress_fail_db(s, rc, "listing learners");
    }
    return HRC_PROGRESS_OK;
}

int hrc_progress_get_learner(hrc_progress *s, int64_t learner, hrc_learner *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    char sql[256];
    snprintf(sql, sizeof sql, "%sWHERE id = ?1", learner_columns);
    sqlite3_stmt *st;
    int r = prepare(s, sql, &st, "reading a learner");
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, learner);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_learner(st, out);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading a learner");
}

int hrc_progress_check_learner_pin(hrc_progress *s, int64_t learner, const char *pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    sqlite3_stmt *st;
    int r = prepare(s, "SELECT pin_hash FROM learner WHERE id = ?1", &st, "checking a PIN");
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, learner);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *hash = (const char *)sqlite3_column_text(st, 0);
        r = !hash || pin_matches(hash, pin)
                ? HRC_PROGRESS_OK
                : hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN, "wrong PIN");
    } else if (rc == SQLITE_DONE) {
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    } else {
        r = hrc_progress_fail_db(s, rc, "checking a PIN");
    }
    sqlite3_finalize(st);
    return r;
}

int hrc_progress_set_learner_pin(hrc_progress *s, int64_t learner, const char *pin)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    char hash[crypto_pwhash_STRBYTES] = "";
    if (!r && pin && *pin)
        r = hash_pin(s, pin, hash);
    sqlite3_stmt *st;
    if (!r)
        r = prepare(s, "UPDATE learner SET pin_hash = ?2 WHERE id = ?1", &st, "saving a PIN");
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, learner);
    if (hash[0])
        sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
    return step_write(s, st, "saving a PIN");
}

int hrc_progress_set_learner_prefs(hrc_progress *s, int64_t learner,
                                   const hrc_learner_prefs *prefs)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = check_prefs(s, prefs);
    sqlite3_stmt *st;
    if (!r)
        r = prepare(s, "UPDATE learner SET lang = ?2, text_size = ?3, high_contrast = ?4 "
                       "WHERE id = ?1", &st, "saving preferences");
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, learner);
    sqlite3_bind_text(st, 2, prefs->lang, (int)strnlen(prefs->lang, sizeof prefs->lang),
                      SQLITE_STATIC);
    sqlite3_bind_int(st, 3, prefs->text_size);
    sqlite3_bind_int(st, 4, prefs->high_contrast);
    return step_write(s, st, "saving preferences");
}

int hrc_progress_rename_learner(hrc_progress *s, int64_t learner, const char *name)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = check_name(s, name);
    sqlite3_stmt *st;
    if (!r)
        r = prepare(s, "UPDATE learner SET name = ?2 WHERE id = ?1", &st, "renaming");
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, learner);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    return step_write(s, st, "renaming a learner");
}

int hrc_progress_delete_learner(hrc_progress *s, int64_t learner)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    sqlite3_stmt *st;
    if (!r)
        r = prepare(s, "DELETE FROM learner WHERE id = ?1", &st, "deleting a learner");
    if (r)
        return r;
    /* Events and summaries go with the learner: ON DELETE CASCADE. With
     * secure_delete on, their bytes are overwritten; the checkpoint then
     * empties the write-ahead log, which still held copies. */
    sqlite3_bind_int64(st, 1, learner);
    r = step_write(s, st, "deleting a learner");
    if (!r)
        sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    return r;
}
