/*
 * progress_learners.c: learner profiles on a shared kiosk: names (the rule
 * of core/names.h), preferences, the sign-in search, deletion. PINs are in
 * progress_pins.c.
 */
#include "io/progress_internal.h"

#include "core/names.h"

#include <stdlib.h>
#include <string.h>

/* ---- Learners ---------------------------------------------------------- */

_Static_assert(HRC_LEARNER_NAME_MAX == HRC_NAME_MAX_BYTES + 1, "a name's longest form fits");

/* Trims name into out (HRC_LEARNER_NAME_MAX bytes) and checks it. */
static int clean_name(hrc_progress *s, const char *name, char *out)
{
    hrc_name_problem p = hrc_name_clean(name, out, HRC_LEARNER_NAME_MAX);
    if (p == HRC_NAME_OK)
        return HRC_PROGRESS_OK;
    return hrc_progress_fail(s, HRC_PROGRESS_ERR_NAME, "%s", hrc_name_problem_text(p));
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
    if (p->speech < HRC_SPEECH_PREF_UNSET || p->speech > HRC_SPEECH_PREF_ON ||
        p->speech_rate < HRC_SPEECH_RATE_STEP_MIN || p->speech_rate > HRC_SPEECH_RATE_STEP_MAX)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                                 "preferences: spoken guidance unset, off or on, and a rate "
                                 "step from %d to %d", HRC_SPEECH_RATE_STEP_MIN,
                                 HRC_SPEECH_RATE_STEP_MAX);
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
    char clean[HRC_LEARNER_NAME_MAX];
    if (!r)
        r = clean_name(s, name, clean);
    if (!r)
        r = check_prefs(s, prefs);
    bool required = false;
    if (!r)
        r = hrc_progress_learner_pins_required(s, &required);
    bool with_pin = pin && *pin;
    if (!r && !with_pin && required)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN_FORMAT,
                              "learner PINs are required on this kiosk");
    if (!r && with_pin && !hrc_progress_learner_pin_is_valid(pin))
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_PIN_FORMAT, "a learner's PIN is %d to %d digits",
                              HRC_PIN_MIN_DIGITS, HRC_LEARNER_PIN_MAX_DIGITS);
    if (!r)
        r = hrc_progress_begin(s);
    if (r)
        return r;
    sqlite3_stmt *st;
    int64_t group = 0;
    r = hrc_progress_open_group(s, &group);
    if (!r)
        r = prepare(s, "INSERT INTO learner(uuid, name, home_device, lang, text_size, "
                       "high_contrast, created_ms, speech, speech_rate, group_id) "
                       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    &st, "adding a learner");
    if (r) {
        hrc_progress_rollback(s);
        return r;
    }
    char uuid[37];
    hrc_progress_uuid_random(uuid);
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, clean, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, s->device_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, prefs->lang, (int)strnlen(prefs->lang, sizeof prefs->lang),
                      SQLITE_STATIC);
    sqlite3_bind_int(st, 5, prefs->text_size);
    sqlite3_bind_int(st, 6, prefs->high_contrast);
    sqlite3_bind_int64(st, 7, hrc_progress_now_ms());
    sqlite3_bind_int(st, 8, prefs->speech);
    sqlite3_bind_int(st, 9, prefs->speech_rate);
    if (group > 0)
        sqlite3_bind_int64(st, 10, group);
    r = step_write(s, st, "adding a learner");
    int64_t id = sqlite3_last_insert_rowid(s->db);
    /* The new learner has no PIN yet, so setting one needs no old one. */
    if (!r && with_pin)
        r = hrc_progress_set_learner_pin(s, id, pin);
    if (r) {
        hrc_progress_rollback(s);
        return r;
    }
    r = hrc_progress_commit(s);
    if (!r && out_id)
        *out_id = id;
    return r;
}

#define LEARNER_COLUMNS(later)                                                      \
    "SELECT id, uuid, name, pin_hash IS NOT NULL, lang, text_size, high_contrast, "    \
    "created_ms, pin_reset, pin_failures, " later " FROM learner "

/* A store of an older version opened read-only lacks what later versions
 * added: spoken guidance (5) reads as never chosen, groups (6) as none. */
const char *hrc_progress_learner_columns(const hrc_progress *s)
{
    if (s->schema_version >= 6)
        return LEARNER_COLUMNS("speech, speech_rate, coalesce(group_id, 0)");
    if (s->schema_version >= 5)
        return LEARNER_COLUMNS("speech, speech_rate, 0");
    return LEARNER_COLUMNS("0, 0, 0");
}

void hrc_progress_read_learner(sqlite3_stmt *st, hrc_learner *l)
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
    l->pin_reset = sqlite3_column_int(st, 8);
    l->pin_failures = sqlite3_column_int(st, 9);
    l->prefs.speech = sqlite3_column_int(st, 10);
    l->prefs.speech_rate = sqlite3_column_int(st, 11);
    l->group_id = sqlite3_column_int64(st, 12);
}

int hrc_progress_list_learners(hrc_progress *s, hrc_learner **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s)
        return HRC_PROGRESS_OK;
    char sql[512];
    snprintf(sql, sizeof sql, "%sORDER BY name COLLATE NOCASE, id", hrc_progress_learner_columns(s));
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
        hrc_progress_read_learner(st, &(*out)[(*n)++]);
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

int hrc_progress_find_learners(hrc_progress *s, const char *typed, hrc_learner **out,
                               size_t *n)
{
    int r = hrc_progress_list_learners(s, out, n);
    if (r)
        return r;
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++)
        if (hrc_name_matches((*out)[i].name, typed))
            (*out)[kept++] = (*out)[i];
    *n = kept;
    if (!kept) {
        free(*out);
        *out = NULL;
    }
    return HRC_PROGRESS_OK;
}

int hrc_progress_get_learner(hrc_progress *s, int64_t learner, hrc_learner *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    char sql[512];
    snprintf(sql, sizeof sql, "%sWHERE id = ?1", hrc_progress_learner_columns(s));
    sqlite3_stmt *st;
    int r = prepare(s, sql, &st, "reading a learner");
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, learner);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        hrc_progress_read_learner(st, out);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading a learner");
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
        r = prepare(s, "UPDATE learner SET lang = ?2, text_size = ?3, high_contrast = ?4, "
                       "speech = ?5, speech_rate = ?6 WHERE id = ?1", &st, "saving preferences");
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, learner);
    sqlite3_bind_text(st, 2, prefs->lang, (int)strnlen(prefs->lang, sizeof prefs->lang),
                      SQLITE_STATIC);
    sqlite3_bind_int(st, 3, prefs->text_size);
    sqlite3_bind_int(st, 4, prefs->high_contrast);
    sqlite3_bind_int(st, 5, prefs->speech);
    sqlite3_bind_int(st, 6, prefs->speech_rate);
    return step_write(s, st, "saving preferences");
}

int hrc_progress_rename_learner(hrc_progress *s, int64_t learner, const char *name)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    char clean[HRC_LEARNER_NAME_MAX];
    if (!r)
        r = clean_name(s, name, clean);
    sqlite3_stmt *st;
    if (!r)
        r = prepare(s, "UPDATE learner SET name = ?2 WHERE id = ?1", &st, "renaming");
    if (r)
        return r;
    sqlite3_bind_int64(st, 1, learner);
    sqlite3_bind_text(st, 2, clean, -1, SQLITE_STATIC);
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
