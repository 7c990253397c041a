/*
 * The progress store: where it lives, learners and PINs, recording and the
 * derived state, privacy rules, bad files, the version 1 upgrade.
 * PIN hashing is slow on purpose, so only a few tests hash.
 */
#include "io/progress.h"
#include "progress_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <sys/stat.h>

#include "old_store.h"

typedef struct fixture {
    char dir[256];
    hrc_progress *s;
    hrc_progress_open_info info;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    scratch_make(f->dir, sizeof f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hrc_progress_close(f->s);
    scratch_remove(f->dir);
    free(f);
    return 0;
}

static void open_store(fixture *f, unsigned flags)
{
    hrc_progress_close(f->s);
    f->s = NULL;
    assert_int_equal(hrc_progress_open(f->dir, flags | HRC_PROGRESS_OPEN_FAST_PIN_HASH, &f->s,
                                       &f->info), HRC_PROGRESS_OK);
}

static const hrc_module_ref module1 = {"m1-what-is", 3, "0123abcd"};

static int64_t add(fixture *f, const char *name)
{
    int64_t id = 0;
    assert_int_equal(hrc_progress_add_learner(f->s, name, NULL, NULL, &id), HRC_PROGRESS_OK);
    assert_true(id > 0);
    return id;
}

/* ---- Where it lives, how it opens ---------------------------------------- */

static void test_default_dir(void **state)
{
    (void)state;
    char out[512];
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    setenv("HOME", "/home/kiosk", 1);
    assert_int_equal(hrc_progress_default_dir(NULL, out, sizeof out), HRC_PROGRESS_OK);
    assert_string_equal(out, "/srv/data/hrc-player");
    assert_int_equal(hrc_progress_default_dir("/mnt/usb", out, sizeof out), HRC_PROGRESS_OK);
    assert_string_equal(out, "/mnt/usb");
    unsetenv("XDG_DATA_HOME");
    assert_int_equal(hrc_progress_default_dir(NULL, out, sizeof out), HRC_PROGRESS_OK);
    assert_string_equal(out, "/home/kiosk/.local/share/hrc-player");
    assert_int_equal(hrc_progress_default_dir(NULL, out, 8), HRC_PROGRESS_ERR_INVALID);
}

static void test_open_creates_folders_and_configures(void **state)
{
    fixture *f = *state;
    char nested[300];
    snprintf(nested, sizeof nested, "%s/a/b", f->dir);
    assert_int_equal(hrc_progress_open(nested, 0, &f->s, &f->info), HRC_PROGRESS_OK);
    assert_true(f->info.status & HRC_PROGRESS_CREATED);
    assert_false(f->info.status & HRC_PROGRESS_RECOVERED);
    assert_int_equal(hrc_progress_schema_version(f->s), 7);
    assert_int_equal(strlen(hrc_progress_device_id(f->s)), 32);
    assert_true(hrc_progress_is_recording(f->s));
    assert_non_null(strstr(f->info.path, "/a/b/progress.db"));
    struct stat st;
    assert_int_equal(stat(f->info.path, &st), 0);
    /* WAL is a property of the file: a second connection sees it. */
    char path[300];
    snprintf(path, sizeof path, "%s/a/b/progress.db", f->dir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
    sqlite3_finalize(q);
    sqlite3_close(db);

    /* Reopening keeps the device id and reports nothing special. */
    char device[40];
    snprintf(device, sizeof device, "%s", hrc_progress_device_id(f->s));
    hrc_progress_close(f->s);
    assert_int_equal(hrc_progress_open(nested, 0, &f->s, &f->info), HRC_PROGRESS_OK);
    assert_int_equal(f->info.status, 0);
    assert_string_equal(hrc_progress_device_id(f->s), device);
}

static void test_null_store_records_nothing(void **state)
{
    (void)state;
    hrc_session session;
    assert_false(hrc_progress_is_recording(NULL));
    assert_int_equal(hrc_progress_begin_session(NULL, 1, &module1, &session), HRC_PROGRESS_OK);
    assert_true(session.active);
    int64_t seq = 99;
    assert_int_equal(hrc_progress_record_answer(NULL, &session, "q1", 1, "a", true, 1, 0, 1,
                                                10, &seq), HRC_PROGRESS_OK);
    assert_int_equal(seq, 0);
    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(NULL, 1, "m1-what-is", &p),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    hrc_learner *all;
    size_t n = 5;
    assert_int_equal(hrc_progress_list_learners(NULL, &all, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 0);
    assert_string_equal(hrc_progress_errmsg(NULL), "not recording");
    /* A learner can play unrecorded (id 0), but nothing about learners or
     * PINs pretends to be saved. */
    int64_t id = 7;
    assert_int_equal(hrc_progress_add_learner(NULL, "Ana", NULL, NULL, &id), HRC_PROGRESS_OK);
    assert_int_equal(id, 0);
    hrc_learner_prefs prefs = {.text_size = 150};
    assert_int_equal(hrc_progress_set_learner_prefs(NULL, 0, &prefs), HRC_PROGRESS_ERR_READONLY);
    assert_int_equal(hrc_progress_set_facilitator_pin(NULL, "1234"), HRC_PROGRESS_ERR_READONLY);
    assert_int_equal(hrc_progress_check_facilitator_pin(NULL, "1234"), HRC_PROGRESS_ERR_NO_PIN);
    assert_int_equal(hrc_progress_end_session(NULL, &session, HRC_VERB_SUSPENDED,
                                              HRC_END_NORMAL), HRC_PROGRESS_OK);
    assert_false(session.active);
}

/* ---- Learners -------------------------------------------------------- */

static void test_learners_and_prefs(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t zoe = add(f, "Zoé Martín");
    int64_t abe = add(f, "abe");
    int64_t id;
    assert_int_equal(hrc_progress_add_learner(f->s, "", NULL, NULL, &id),
                     HRC_PROGRESS_ERR_NAME);
    assert_int_equal(hrc_progress_add_learner(f->s, "bad \xff utf8", NULL, NULL, &id),
                     HRC_PROGRESS_ERR_NAME);
    assert_string_not_equal(hrc_progress_errmsg(f->s), "");
    hrc_learner_prefs bad = {.lang = "fr", .text_size = 120};
    assert_int_equal(hrc_progress_set_learner_prefs(f->s, zoe, &bad), HRC_PROGRESS_ERR_INVALID);
    hrc_learner_prefs prefs = {.lang = "fr", .text_size = 200, .high_contrast = true};
    assert_int_equal(hrc_progress_set_learner_prefs(f->s, zoe, &prefs), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_rename_learner(f->s, abe, "Abe"), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_rename_learner(f->s, 9999, "Nobody"),
                     HRC_PROGRESS_ERR_NOT_FOUND);

    hrc_learner *all;
    size_t n;
    assert_int_equal(hrc_progress_list_learners(f->s, &all, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 2);
    assert_string_equal(all[0].name, "Abe"); /* by name, case-insensitively */
    assert_string_equal(all[1].name, "Zoé Martín");
    assert_string_equal(all[1].prefs.lang, "fr");
    assert_int_equal(all[1].prefs.text_size, 200);
    assert_true(all[1].prefs.high_contrast);
    assert_int_equal(all[0].prefs.text_size, 100);
    /* Spoken guidance: never chosen until the learner chooses. */
    assert_int_equal(all[0].prefs.speech, HRC_SPEECH_PREF_UNSET);
    assert_int_equal(all[1].prefs.speech, HRC_SPEECH_PREF_UNSET);
    free(all);
    hrc_learner_prefs spoken = prefs;
    spoken.speech = HRC_SPEECH_PREF_ON;
    spoken.speech_rate = -2;
    assert_int_equal(hrc_progress_set_learner_prefs(f->s, zoe, &spoken), HRC_PROGRESS_OK);
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, zoe, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.prefs.speech, HRC_SPEECH_PREF_ON);
    assert_int_equal(l.prefs.speech_rate, -2);
    assert_string_equal(l.prefs.lang, "fr");
    spoken.speech_rate = 4;
    assert_int_equal(hrc_progress_set_learner_prefs(f->s, zoe, &spoken),
                     HRC_PROGRESS_ERR_INVALID);
    spoken.speech_rate = 0;
    spoken.speech = 3;
    assert_int_equal(hrc_progress_set_learner_prefs(f->s, zoe, &spoken),
                     HRC_PROGRESS_ERR_INVALID);
    hrc_learner_prefs off = {.text_size = 100, .speech = HRC_SPEECH_PREF_OFF, .speech_rate = 3};
    assert_int_equal(hrc_progress_add_learner(f->s, "Quiet", NULL, &off, &id), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_get_learner(f->s, id, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.prefs.speech, HRC_SPEECH_PREF_OFF);
    assert_int_equal(l.prefs.speech_rate, 3);
    assert_int_equal(hrc_progress_list_learners(f->s, &all, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 3);
    assert_false(all[0].has_pin);
    assert_int_equal(strlen(all[0].uuid), 36);
    assert_string_not_equal(all[0].uuid, all[1].uuid);
    free(all);
}

static void test_pins_are_hashed_and_guard_facilitator_functions(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t ana = add(f, "Ana");
    bool has = true;
    assert_int_equal(hrc_progress_has_facilitator_pin(f->s, &has), HRC_PROGRESS_OK);
    assert_false(has);
    assert_int_equal(hrc_progress_check_facilitator_pin(f->s, "1234"), HRC_PROGRESS_ERR_NO_PIN);
    /* Formats are checked before any hashing. */
    assert_int_equal(hrc_progress_setup_facilitator_pin(f->s, "123"),
                     HRC_PROGRESS_ERR_PIN_FORMAT);
    assert_int_equal(hrc_progress_setup_facilitator_pin(f->s, "12a4"),
                     HRC_PROGRESS_ERR_PIN_FORMAT);
    assert_int_equal(hrc_progress_set_learner_pin(f->s, ana, "1234567890123"),
                     HRC_PROGRESS_ERR_PIN_FORMAT);
    /* A learner's PIN is 4 to 8 digits; the facilitator's up to 12. */
    assert_int_equal(hrc_progress_set_learner_pin(f->s, ana, "123456789"),
                     HRC_PROGRESS_ERR_PIN_FORMAT);
    assert_true(hrc_progress_learner_pin_is_valid("12345678"));
    assert_false(hrc_progress_learner_pin_is_valid("123456789"));
    assert_true(hrc_progress_pin_is_valid("123456789012"));
    assert_false(hrc_progress_pin_is_valid("1234567890123"));

    /* No PIN yet: only the initial set-up chooses the first one; a plain
     * "set" (the Ctrl+Alt+F screen's, or anyone's) cannot. */
    assert_int_equal(hrc_progress_set_facilitator_pin(f->s, "482910"), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_change_facilitator_pin(f->s, "", "482910"),
                     HRC_PROGRESS_ERR_NO_PIN);
    assert_int_equal(hrc_progress_has_facilitator_pin(f->s, &has), HRC_PROGRESS_OK);
    assert_false(has);
    assert_int_equal(hrc_progress_setup_facilitator_pin(f->s, "482910"), HRC_PROGRESS_OK);
    /* and set-up happens once */
    assert_int_equal(hrc_progress_setup_facilitator_pin(f->s, "111111"), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_set_learner_pin(f->s, ana, "2468"), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM setting WHERE key = "
                                     "'facilitator_pin' AND value LIKE '$argon2id$%'"), 1);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM setting WHERE value LIKE "
                                     "'%482910%'"), 0);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner WHERE pin_hash LIKE "
                                     "'$argon2id$%' AND instr(pin_hash, '2468') = 0"), 1);

    /* A new process starts locked. */
    open_store(f, 0);
    assert_false(hrc_progress_is_unlocked(f->s));
    hrc_module_progress *rows;
    size_t n;
    assert_int_equal(hrc_progress_list_all(f->s, &rows, &n), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_delete_learner(f->s, ana), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_set_facilitator_pin(f->s, "0000"), HRC_PROGRESS_ERR_LOCKED);
    char file[300];
    snprintf(file, sizeof file, "%s/out.csv", f->dir);
    assert_int_equal(hrc_progress_export_csv(f->s, file, "en"), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(access(file, F_OK), -1);

    assert_int_equal(hrc_progress_check_facilitator_pin(f->s, "482911"), HRC_PROGRESS_ERR_PIN);
    assert_false(hrc_progress_is_unlocked(f->s));
    assert_int_equal(hrc_progress_check_facilitator_pin(f->s, "482910"), HRC_PROGRESS_OK);
    assert_true(hrc_progress_is_unlocked(f->s));
    assert_int_equal(hrc_progress_list_all(f->s, &rows, &n), HRC_PROGRESS_OK);
    free(rows);
    hrc_progress_lock(f->s);
    assert_int_equal(hrc_progress_list_all(f->s, &rows, &n), HRC_PROGRESS_ERR_LOCKED);

    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "2469"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "2468"), HRC_PROGRESS_OK);
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, ana, &l), HRC_PROGRESS_OK);
    assert_true(l.has_pin);
    /* Someone else at the kiosk cannot replace or remove Ana's PIN without
     * it: that needs the old PIN (or the facilitator). */
    assert_int_equal(hrc_progress_set_learner_pin(f->s, ana, "1111"), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_set_learner_pin(f->s, ana, NULL), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_change_learner_pin(f->s, ana, "1111", NULL),
                     HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_change_learner_pin(f->s, ana, "2468", NULL), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "anything"), HRC_PROGRESS_OK);
}

/* ---- Recording and derived state ------------------------------------- */

static void record_at(fixture *f, hrc_session *session, hrc_verb verb, const char *item,
                      int64_t t, double score)
{
    hrc_progress_event ev = {.verb = verb, .item_id = item, .time_ms = t,
                             .has_score = score >= 0, .score = score >= 0 ? score : 0,
                             .attempt = item ? 1 : 0};
    if (verb == HRC_VERB_PASSED || verb == HRC_VERB_FAILED)
        ev.has_success = true, ev.success = verb == HRC_VERB_PASSED;
    assert_int_equal(hrc_progress_record(f->s, session, &ev, NULL), HRC_PROGRESS_OK);
}

/* Where a learner stopped reading survives a restart, is theirs alone,
 * takes the latest place, refuses nonsense and goes with the learner. */
static void test_reading_place_survives_restart(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t ana = add(f, "Ana"), ben = add(f, "Ben");
    char item[HRC_PROGRESS_ID_MAX];
    int permille = -1;
    assert_int_equal(hrc_progress_reading_place(f->s, ana, "m1-what-is", item, &permille),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    assert_string_equal(item, "");
    assert_int_equal(hrc_progress_set_reading_place(f->s, ana, "m1-what-is", "intro", 250),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_reading_place(f->s, ana, "m1-what-is", "rights", 640),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_reading_place(f->s, ana, "m1-what-is", "rights", 1001),
                     HRC_PROGRESS_ERR_INVALID);
    assert_int_equal(hrc_progress_set_reading_place(f->s, 999, "m1-what-is", "rights", 10),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    hrc_progress_close(f->s);
    f->s = NULL;

    open_store(f, 0);
    assert_int_equal(hrc_progress_reading_place(f->s, ana, "m1-what-is", item, &permille),
                     HRC_PROGRESS_OK);
    assert_string_equal(item, "rights");
    assert_int_equal(permille, 640);
    assert_int_equal(hrc_progress_reading_place(f->s, ben, "m1-what-is", item, &permille),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    /* Not an event: the log and the summaries do not see it. */
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event"), 0);
    hrc_progress_close(f->s);
    f->s = NULL;
    open_store(f, HRC_PROGRESS_OPEN_FACILITATOR);
    assert_int_equal(hrc_progress_delete_learner(f->s, ana), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM reading_place"), 0);
}

static void test_resume_point_survives_restart(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t ana = add(f, "Ana");
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &session),
                     HRC_PROGRESS_OK);
    assert_int_equal(strlen(session.id), 36);
    assert_int_equal(hrc_progress_record_view(f->s, &session, "intro", 4000), HRC_PROGRESS_OK);
    int64_t seq1 = 0, seq2 = 0;
    assert_int_equal(hrc_progress_record_answer(f->s, &session, "q-rights", 2, "b", true, 1.0,
                                                1, 1, 5300, &seq1), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_record_answer(f->s, &session, "q-steps", 1, "a", false, 0.0,
                                                0, 1, 2100, &seq2), HRC_PROGRESS_OK);
    assert_int_equal(seq2, seq1 + 1);
    /* The player is killed here: no suspension is ever recorded. */
    hrc_progress_close(f->s);
    f->s = NULL;

    open_store(f, 0);
    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(f->s, ana, "m1-what-is", &p), HRC_PROGRESS_OK);
    assert_string_equal(p.resume_item, "q-steps");
    assert_false(p.completed);
    assert_int_equal(p.success, HRC_SUCCESS_UNKNOWN);
    assert_int_equal(p.attempts, 1);
    assert_int_equal(p.n_events, 4); /* launched, viewed, answered twice */
    assert_int_equal(p.module_version, 3);

    /* Coming back: "resumed", in a new session. */
    hrc_session again;
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &again), HRC_PROGRESS_OK);
    assert_string_not_equal(again.id, session.id);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event WHERE verb = 'resumed'"), 1);
    assert_int_equal(sql_int(f->dir, "SELECT response = 'b' AND success = 1 AND score = 1.0 "
                                     "AND hints_used = 1 AND item_revision = 2 AND "
                                     "duration_ms = 5300 FROM event WHERE item_id = 'q-rights'"),
                     1);
}

static void test_scores_attempts_time_and_completion(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t ana = add(f, "Ana");
    int64_t t0 = 1767225600000;
    hrc_session s1;
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &s1), HRC_PROGRESS_OK);
    record_at(f, &s1, HRC_VERB_VIEWED, "intro", t0, -1);
    record_at(f, &s1, HRC_VERB_VIEWED, "page2", t0 + 60000, -1);
    record_at(f, &s1, HRC_VERB_FAILED, "quiz1", t0 + 90000, 0.4);
    /* Two hours of nothing, then one more page: the gap is capped. */
    record_at(f, &s1, HRC_VERB_VIEWED, "page3", t0 + 90000 + 7200000, -1);
    hrc_session s2;
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &s2), HRC_PROGRESS_OK);
    hrc_progress_event ev = {.verb = HRC_VERB_ANSWERED, .item_id = "q1", .attempt = 2,
                             .time_ms = t0 + 9000000};
    assert_int_equal(hrc_progress_record(f->s, &s2, &ev, NULL), HRC_PROGRESS_OK);
    record_at(f, &s2, HRC_VERB_PASSED, "quiz1", t0 + 9010000, 0.9);
    record_at(f, &s2, HRC_VERB_FAILED, "quiz1", t0 + 9020000, 0.6);

    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(f->s, ana, "m1-what-is", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.success, HRC_SUCCESS_PASSED); /* passed once is passed */
    assert_true(p.has_score);
    assert_float_equal(p.best_score, 0.9, 1e-9);
    assert_float_equal(p.last_score, 0.6, 1e-9);
    assert_int_equal(p.attempts, 2);
    assert_false(p.completed);
    /* Session 1: 60 s + 30 s + 30 min cap; session 2: 10 s + 10 s; the
     * launch events were stamped now and sit alone in their sessions. */
    int64_t s1_gaps = 60000 + 30000 + 1800000;
    int64_t s2_gaps = 20000;
    assert_true(p.time_spent_ms >= s1_gaps + s2_gaps);
    assert_true(p.time_spent_ms <= s1_gaps + s2_gaps + 2 * 1800000);
    assert_string_equal(p.resume_item, "quiz1");
    assert_int_equal(p.last_activity_ms >= t0 + 9020000, 1);

    assert_int_equal(hrc_progress_end_session(f->s, &s2, HRC_VERB_COMPLETED,
                                              HRC_END_IDLE_TIMEOUT), HRC_PROGRESS_OK);
    assert_false(s2.active);
    assert_int_equal(hrc_progress_record_view(f->s, &s2, "x", 0), HRC_PROGRESS_ERR_INVALID);
    assert_int_equal(hrc_progress_get_module(f->s, ana, "m1-what-is", &p), HRC_PROGRESS_OK);
    assert_true(p.completed);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event WHERE verb = 'completed' "
                                     "AND session_end = 'idle-timeout'"), 1);
    /* After completion, opening the module again is a new launch. */
    hrc_session s3;
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &s3), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(f->dir, "SELECT verb = 'launched' FROM event ORDER BY id DESC"), 1);

    /* The summary is derived: rebuilding it from the log changes nothing. */
    hrc_module_progress before = p;
    assert_int_equal(hrc_progress_get_module(f->s, ana, "m1-what-is", &before),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_rebuild_summaries(f->s), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_get_module(f->s, ana, "m1-what-is", &p), HRC_PROGRESS_OK);
    assert_memory_equal(&before, &p, sizeof p);
}

static void test_bad_events_are_refused(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t ana = add(f, "Ana");
    hrc_session session;
    hrc_module_ref bad_module = {"../etc", 1, NULL};
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &bad_module, &session),
                     HRC_PROGRESS_ERR_INVALID);
    hrc_session ghost;
    assert_int_equal(hrc_progress_begin_session(f->s, 4242, &module1, &ghost),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &session),
                     HRC_PROGRESS_OK);
    hrc_progress_event ev = {.verb = HRC_VERB_ANSWERED, .item_id = "q1", .has_score = true,
                             .score = 1.5};
    assert_int_equal(hrc_progress_record(f->s, &session, &ev, NULL), HRC_PROGRESS_ERR_INVALID);
    ev.score = 0.5;
    ev.item_id = "q 1";
    assert_int_equal(hrc_progress_record(f->s, &session, &ev, NULL), HRC_PROGRESS_ERR_INVALID);
    ev.item_id = "q1";
    ev.verb = HRC_VERB_COUNT;
    assert_int_equal(hrc_progress_record(f->s, &session, &ev, NULL), HRC_PROGRESS_ERR_INVALID);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event"), 1); /* the launch */
    /* The log is append-only, even for SQL written by hand. */
    assert_int_not_equal(sql_exec(f->dir, "UPDATE event SET verb = 'passed'"), SQLITE_OK);
}

static void test_learner_sees_own_and_deletion_removes_all(void **state)
{
    fixture *f = *state;
    open_store(f, HRC_PROGRESS_OPEN_FACILITATOR);
    int64_t ana = add(f, "Ana"), ben = add(f, "Ben");
    hrc_session sa, sb;
    hrc_module_ref module2 = {"m2-steps", 1, NULL};
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &sa), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_begin_session(f->s, ben, &module2, &sb), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_record_answer(f->s, &sb, "q1", 1, "secret answer", true, 1,
                                                0, 1, 10, NULL), HRC_PROGRESS_OK);
    hrc_module_progress *rows;
    size_t n;
    assert_int_equal(hrc_progress_list_modules(f->s, ana, &rows, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].module_id, "m1-what-is");
    free(rows);
    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(f->s, ana, "m2-steps", &p),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(hrc_progress_list_all(f->s, &rows, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 2);
    assert_string_equal(rows[1].learner_name, "Ben");
    free(rows);

    assert_int_equal(hrc_progress_delete_learner(f->s, ben), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_delete_learner(f->s, ben), HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event WHERE learner_id = 2"), 0);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM summary WHERE learner_id = 2"), 0);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event"), 1);
    hrc_progress_close(f->s);
    f->s = NULL;
    /* Nothing of Ben's answer is left in the files (secure_delete, WAL emptied). */
    char cmd[600];
    snprintf(cmd, sizeof cmd, "grep -rqa 'secret answer' %s", f->dir);
    assert_int_not_equal(system(cmd), 0);
}

/* ---- Read-only and bad stores ---------------------------------------- */

static void test_readonly_open_never_writes(void **state)
{
    fixture *f = *state;
    assert_int_equal(hrc_progress_open(f->dir, HRC_PROGRESS_OPEN_READONLY, &f->s, &f->info),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    assert_null(f->s);
    assert_string_not_equal(f->info.message, "");
    char path[300];
    snprintf(path, sizeof path, "%s/progress.db", f->dir);
    assert_int_equal(access(path, F_OK), -1); /* and nothing was created */

    open_store(f, 0);
    int64_t ana = add(f, "Ana");
    open_store(f, HRC_PROGRESS_OPEN_READONLY);
    assert_false(hrc_progress_is_recording(f->s));
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &session),
                     HRC_PROGRESS_ERR_READONLY);
    assert_int_equal(hrc_progress_add_learner(f->s, "Ben", NULL, NULL, NULL),
                     HRC_PROGRESS_ERR_READONLY);
    assert_non_null(strstr(hrc_progress_errmsg(f->s), "read-only"));
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, ana, &l), HRC_PROGRESS_OK);
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(data, 1, n, out), n);
    fclose(out);
}

static void assert_recovered(fixture *f)
{
    char path[300];
    snprintf(path, sizeof path, "%s/progress.db", f->dir);
    assert_int_equal(hrc_progress_open(f->dir, 0, &f->s, &f->info), HRC_PROGRESS_OK);
    assert_true(f->info.status & HRC_PROGRESS_RECOVERED);
    assert_non_null(strstr(f->info.moved_to, "progress.db.corrupt-"));
    assert_int_equal(access(f->info.moved_to, F_OK), 0);
    assert_non_null(strstr(f->info.message, f->info.moved_to));
    /* and a fresh store works */
    add(f, "After");
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner"), 1);
}

static void test_not_a_database_is_moved_aside(void **state)
{
    fixture *f = *state;
    char path[300], wal[310];
    snprintf(path, sizeof path, "%s/progress.db", f->dir);
    snprintf(wal, sizeof wal, "%s-wal", path);
    static const char junk[] = "This is a shopping list, not a database.\n"
                               "Eggs, milk, bread, and a lot more text to be sure.\n";
    write_file(path, junk, sizeof junk);
    write_file(wal, junk, 10);
    assert_recovered(f);
    char moved_wal[HRC_PROGRESS_PATH_MAX + 8];
    snprintf(moved_wal, sizeof moved_wal, "%s-wal", f->info.moved_to);
    assert_int_equal(access(moved_wal, F_OK), 0);
    char name[40];
    const char *stamp = strstr(f->info.moved_to, "corrupt-") + 8;
    snprintf(name, sizeof name, "%.16s", stamp);
    assert_int_equal(strlen(name), 16); /* YYYYMMDDTHHMMSSZ */
    assert_int_equal(name[8], 'T');
    assert_int_equal(name[15], 'Z');
}

static void test_truncated_and_damaged_stores_are_moved_aside(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t ana = add(f, "Ana");
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &session), HRC_PROGRESS_OK);
    char response[2000];
    memset(response, 'r', sizeof response - 1);
    response[sizeof response - 1] = '\0';
    for (int i = 0; i < 60; i++)
        assert_int_equal(hrc_progress_record_answer(f->s, &session, "q1", 1, response, true, 1,
                                                    0, 1, 10, NULL), HRC_PROGRESS_OK);
    hrc_progress_close(f->s); /* checkpoints: everything is in the main file */
    f->s = NULL;
    char path[300];
    snprintf(path, sizeof path, "%s/progress.db", f->dir);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 20 * 4096);
    assert_int_equal(truncate(path, st.st_size / 2), 0);
    assert_recovered(f);
    hrc_progress_close(f->s);
    f->s = NULL;

    /* A page of the log overwritten in the middle of the file. */
    open_store(f, 0);
    ana = add(f, "Ana");
    assert_int_equal(hrc_progress_begin_session(f->s, ana, &module1, &session), HRC_PROGRESS_OK);
    for (int i = 0; i < 60; i++)
        assert_int_equal(hrc_progress_record_answer(f->s, &session, "q1", 1, response, true, 1,
                                                    0, 1, 10, NULL), HRC_PROGRESS_OK);
    hrc_progress_close(f->s);
    f->s = NULL;
    FILE *io = fopen(path, "r+b");
    assert_non_null(io);
    char noise[4096];
    memset(noise, 0xa5, sizeof noise);
    fseek(io, 4096 * 3, SEEK_SET);
    fwrite(noise, 1, sizeof noise, io);
    fclose(io);
    assert_recovered(f);
}

static void test_foreign_and_newer_databases(void **state)
{
    fixture *f = *state;
    assert_int_equal(sql_exec(f->dir, "CREATE TABLE recipes(name TEXT)"), SQLITE_OK);
    assert_recovered(f);
    assert_non_null(strstr(f->info.message, "another program"));
    hrc_progress_close(f->s);
    f->s = NULL;

    /* A store from a newer player is left alone: moving it would lose data. */
    assert_int_equal(sql_exec(f->dir, "PRAGMA user_version = 99"), SQLITE_OK);
    assert_int_equal(hrc_progress_open(f->dir, 0, &f->s, &f->info), HRC_PROGRESS_ERR_TOO_NEW);
    assert_null(f->s);
    assert_non_null(strstr(f->info.message, "newer"));
    assert_int_equal(sql_int(f->dir, "PRAGMA user_version"), 99);

    /* An empty file is simply a new store. */
    char path[300];
    snprintf(path, sizeof path, "%s/fresh", f->dir);
    assert_int_equal(mkdir(path, 0700), 0);
    char db[320];
    snprintf(db, sizeof db, "%s/progress.db", path);
    write_file(db, "", 0);
    assert_int_equal(hrc_progress_open(path, 0, &f->s, &f->info), HRC_PROGRESS_OK);
    assert_false(f->info.status & HRC_PROGRESS_RECOVERED);
}

/* ---- Upgrading a version 1 store ------------------------------------- */

static void test_upgrade_from_version_1(void **state)
{
    fixture *f = *state;
    assert_int_equal(sql_exec(f->dir, hrc_test_v1_store), SQLITE_OK);
    assert_int_equal(sql_int(f->dir, "PRAGMA user_version"), 1);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM summary"), 0);

    assert_int_equal(hrc_progress_open(f->dir, 0, &f->s, &f->info), HRC_PROGRESS_OK);
    assert_true(f->info.status & HRC_PROGRESS_MIGRATED);
    assert_false(f->info.status & HRC_PROGRESS_RECOVERED);
    assert_int_equal(hrc_progress_schema_version(f->s), 7);
    assert_int_equal(sql_int(f->dir, "PRAGMA user_version"), 7);
    /* Old events now carry this store's device id and their row id. */
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM event WHERE device_id = '%s' AND seq = id",
             hrc_progress_device_id(f->s));
    assert_int_equal(sql_int(f->dir, sql), 3);
    /* The summary was derived from the old log. */
    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(f->s, 1, "m1-what-is", &p), HRC_PROGRESS_OK);
    assert_string_equal(p.resume_item, "quiz");
    assert_int_equal(p.success, HRC_SUCCESS_PASSED);
    assert_int_equal(p.time_spent_ms, 90000);
    /* New events continue the sequence, and (device, seq) is unique. */
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(f->s, 1, &module1, &session), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(f->dir, "SELECT max(seq) FROM event"), 4);
    assert_int_not_equal(sql_exec(f->dir, "INSERT INTO event(learner_id, session_id,"
                                          " module_id, module_version, verb, time_ms,"
                                          " device_id, seq) SELECT learner_id, 'x',"
                                          " module_id, 1, 'viewed', 1, device_id, 1"
                                          " FROM event LIMIT 1"), SQLITE_OK);
    /* The append-only trigger came back after the back-fill. */
    assert_int_not_equal(sql_exec(f->dir, "UPDATE event SET seq = seq + 100"), SQLITE_OK);

    /* Version 3: learners belong to this kiosk (the device of their first
     * event, or this one), names may be longer, the kiosk has its key. */
    snprintf(sql, sizeof sql, "SELECT count(*) FROM learner WHERE home_device = '%s'",
             hrc_progress_device_id(f->s));
    assert_int_equal(sql_int(f->dir, sql), 2);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM kiosk_key WHERE length(public_key) "
                                     "= 32 AND length(secret_key) = 64"), 1);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM trusted_kiosk"), 0);
    /* Version 5: nobody has chosen about spoken guidance yet. */
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner WHERE speech = 0 AND "
                                     "speech_rate = 0"), 2);
    hrc_learner old;
    assert_int_equal(hrc_progress_get_learner(f->s, 1, &old), HRC_PROGRESS_OK);
    assert_int_equal(old.prefs.speech, HRC_SPEECH_PREF_UNSET);
    hrc_kiosk me;
    assert_int_equal(hrc_progress_this_kiosk(f->s, &me), HRC_PROGRESS_OK);
    assert_int_equal(strlen(me.fingerprint), 19);
    /* The rebuilt learner table still cascades deletions. */
    hrc_progress_close(f->s);
    f->s = NULL;
    open_store(f, HRC_PROGRESS_OPEN_FACILITATOR);
    assert_int_equal(hrc_progress_delete_learner(f->s, 1), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event"), 0);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM summary"), 0);
}

/* A version 2 store (as the previous release left it) with a learner PIN
 * hashed at the old cost: the PIN still opens the record after the upgrade. */
static void test_upgrade_keeps_old_pins(void **state)
{
    fixture *f = *state;
    assert_int_equal(sql_exec(f->dir, hrc_test_v1_store), SQLITE_OK);
    char hash[crypto_pwhash_STRBYTES];
    assert_int_equal(crypto_pwhash_str(hash, "2468", 4, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
    char sql[400];
    snprintf(sql, sizeof sql, "UPDATE learner SET pin_hash = '%s' WHERE id = 1", hash);
    assert_int_equal(sql_exec(f->dir, sql), SQLITE_OK);
    open_store(f, 0);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, 1, "1357"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, 1, "2468"), HRC_PROGRESS_OK);
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, 1, &l), HRC_PROGRESS_OK);
    assert_true(l.has_pin);
    assert_int_equal(l.pin_failures, 0);
}

/* ---- Names ----------------------------------------------------------- */

static void test_names_are_trimmed_and_checked(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t id = add(f, " \t Zoé Martín \xc2\xa0\n");
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, id, &l), HRC_PROGRESS_OK);
    assert_string_equal(l.name, "Zoé Martín");

    /* 64 characters of two bytes each: over the old 127-byte limit, fine. */
    char name[400] = "", cjk[400] = "";
    for (int i = 0; i < 64; i++) {
        strcat(name, "é");
        strcat(cjk, "漢");
    }
    add(f, name);
    add(f, cjk);
    strcat(name, "é"); /* 65 characters */
    static const char *const refused[] = {
        "", "   \t\n", "a\tb", "a\nb", "a\x01" "b", "a\x7f" "b", "a\xc2\x85" "b",
        "a\xe2\x80\xa8" "b", "Ana\xe2\x80\xae" "xlsx.exe", "\xe2\x81\xa6" "Ana",
        "Ana\xe2\x80\x8f", "Ana\xd8\x9c", "Ana\xe2\x80\x8e", "bad \xff utf8",
    };
    int64_t none;
    assert_int_equal(hrc_progress_add_learner(f->s, name, NULL, NULL, &none),
                     HRC_PROGRESS_ERR_NAME);
    assert_non_null(strstr(hrc_progress_errmsg(f->s), "64 characters"));
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        if (hrc_progress_add_learner(f->s, refused[i], NULL, NULL, &none) !=
            HRC_PROGRESS_ERR_NAME)
            fail_msg("name #%zu was accepted", i);
        if (hrc_progress_rename_learner(f->s, id, refused[i]) != HRC_PROGRESS_ERR_NAME)
            fail_msg("rename #%zu was accepted", i);
    }
    assert_int_equal(hrc_progress_rename_learner(f->s, id, "  Zoé  "), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_get_learner(f->s, id, &l), HRC_PROGRESS_OK);
    assert_string_equal(l.name, "Zoé");
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner"), 3);
}

static void test_find_learners_by_first_letters(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    add(f, "Zoé Martín");
    add(f, "zora");
    add(f, "Ana");
    hrc_learner *found;
    size_t n;
    assert_int_equal(hrc_progress_find_learners(f->s, "zo", &found, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 2);
    free(found);
    /* case and accents ignored */
    assert_int_equal(hrc_progress_find_learners(f->s, "ZOE ", &found, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(found[0].name, "Zoé Martín");
    free(found);
    assert_int_equal(hrc_progress_find_learners(f->s, "martin", &found, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 0); /* the start of the name only */
    assert_int_equal(hrc_progress_find_learners(f->s, "", &found, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 0);
    assert_null(found);
}

/* ---- PINs: throttling, resets, kiosk settings ------------------------- */

static int64_t fake_clock(void *ctx)
{
    return *(const int64_t *)ctx;
}

static void test_pin_delay_rule(void **state)
{
    (void)state;
    static const int64_t expected[] = {0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 64000,
                                       128000, 256000, 300000, 300000};
    for (int i = 0; i < 14; i++)
        assert_int_equal(hrc_progress_pin_delay_ms(i), expected[i]);
    assert_int_equal(hrc_progress_pin_delay_ms(1000), HRC_PIN_MAX_WAIT_MS);
}

static void test_wrong_pins_are_throttled_across_restarts(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t now = 1767225600000;
    hrc_progress_set_clock(f->s, fake_clock, &now);
    int64_t ana;
    assert_int_equal(hrc_progress_add_learner(f->s, "Ana", "2468", NULL, &ana), HRC_PROGRESS_OK);

    /* Three wrong tries in a row are free; the third starts a 1 s wait. */
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "1111"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_wait_ms(f->s), 0);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "1112"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "1113"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_wait_ms(f->s), 1000);
    /* Meanwhile even the right PIN is refused unchecked: nothing is hashed,
     * nothing counted. */
    now += 400;
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "2468"),
                     HRC_PROGRESS_ERR_THROTTLED);
    assert_int_equal(hrc_progress_wait_ms(f->s), 600);
    assert_non_null(strstr(hrc_progress_errmsg(f->s), "try again in 1 s"));
    hrc_pin_lock lock;
    assert_int_equal(hrc_progress_learner_pin_lock(f->s, ana, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.failures, 3);
    assert_int_equal(lock.wait_ms, 600);

    /* Each further wrong PIN doubles the wait. */
    now += 600;
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "1114"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_wait_ms(f->s), 2000);
    now += 2000;
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "1115"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_wait_ms(f->s), 4000);

    /* Quitting the player does not reset the count. */
    open_store(f, 0);
    hrc_progress_set_clock(f->s, fake_clock, &now);
    now += 1000;
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "2468"),
                     HRC_PROGRESS_ERR_THROTTLED);
    assert_int_equal(hrc_progress_wait_ms(f->s), 3000);

    /* The clock set back an hour: the whole wait again, from then; not
     * nothing, and not an hour more. */
    now -= 3600000;
    assert_int_equal(hrc_progress_learner_pin_lock(f->s, ana, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.wait_ms, 4000);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "2468"),
                     HRC_PROGRESS_ERR_THROTTLED);
    assert_int_equal(hrc_progress_wait_ms(f->s), 4000);
    now += 3999;
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "2468"),
                     HRC_PROGRESS_ERR_THROTTLED);
    now += 1;
    /* The right PIN, once the wait is over, opens and resets the count. */
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "2468"), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_learner_pin_lock(f->s, ana, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.failures, 0);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "1111"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_wait_ms(f->s), 0);

    /* Other learners are not touched by Ana's lock. */
    int64_t ben;
    assert_int_equal(hrc_progress_add_learner(f->s, "Ben", "1357", NULL, &ben), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_learner_pin_lock(f->s, ben, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.failures, 0);

    /* The wait never grows beyond five minutes. */
    for (int i = 0; i < 15; i++) {
        int r = hrc_progress_check_learner_pin(f->s, ben, "0000");
        assert_true(r == HRC_PROGRESS_ERR_PIN);
        now += hrc_progress_wait_ms(f->s);
    }
    assert_int_equal(hrc_progress_learner_pin_lock(f->s, ben, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.failures, 15);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ben, "0000"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_wait_ms(f->s), HRC_PIN_MAX_WAIT_MS);

    /* The facilitator sees Ben's lock and clears it; a learner cannot. */
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, ben, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.pin_failures, 16);
    assert_int_equal(hrc_progress_clear_learner_pin_lock(f->s, ben), HRC_PROGRESS_ERR_LOCKED);
    open_store(f, HRC_PROGRESS_OPEN_FACILITATOR);
    hrc_progress_set_clock(f->s, fake_clock, &now);
    assert_int_equal(hrc_progress_clear_learner_pin_lock(f->s, ben), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_learner_pin_lock(f->s, ben, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.failures, 0);
    assert_int_equal(lock.wait_ms, 0);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ben, "1357"), HRC_PROGRESS_OK);
}

static void test_facilitator_pin_is_throttled_and_changed(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t now = 1767225600000;
    hrc_progress_set_clock(f->s, fake_clock, &now);
    assert_int_equal(hrc_progress_setup_facilitator_pin(f->s, "482910"), HRC_PROGRESS_OK);
    hrc_progress_lock(f->s);
    for (int i = 0; i < 3; i++)
        assert_int_equal(hrc_progress_check_facilitator_pin(f->s, "000000"),
                         HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_check_facilitator_pin(f->s, "482910"),
                     HRC_PROGRESS_ERR_THROTTLED);
    assert_false(hrc_progress_is_unlocked(f->s));
    /* Changing the PIN goes through the same check, throttle included. */
    assert_int_equal(hrc_progress_change_facilitator_pin(f->s, "482910", "1357"),
                     HRC_PROGRESS_ERR_THROTTLED);
    open_store(f, 0); /* a restart */
    hrc_progress_set_clock(f->s, fake_clock, &now);
    hrc_pin_lock lock;
    assert_int_equal(hrc_progress_facilitator_pin_lock(f->s, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.failures, 3);
    assert_int_equal(lock.wait_ms, 1000);
    now += 1000;
    /* A new PIN of the wrong form costs no try. */
    assert_int_equal(hrc_progress_change_facilitator_pin(f->s, "482910", "12"),
                     HRC_PROGRESS_ERR_PIN_FORMAT);
    assert_int_equal(hrc_progress_change_facilitator_pin(f->s, "482911", "1357"),
                     HRC_PROGRESS_ERR_PIN);
    now += 2000;
    assert_int_equal(hrc_progress_change_facilitator_pin(f->s, "482910", "1357"),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_facilitator_pin_lock(f->s, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.failures, 0);
    hrc_progress_lock(f->s);
    assert_int_equal(hrc_progress_check_facilitator_pin(f->s, "482910"), HRC_PROGRESS_ERR_PIN);
    assert_int_equal(hrc_progress_check_facilitator_pin(f->s, "1357"), HRC_PROGRESS_OK);
    assert_true(hrc_progress_is_unlocked(f->s));

    /* The command line (unlocked, the machine's owner) replaces it without
     * the old one, and that clears the count too. */
    hrc_progress_lock(f->s);
    for (int i = 0; i < 3; i++)
        hrc_progress_check_facilitator_pin(f->s, "0000");
    open_store(f, HRC_PROGRESS_OPEN_FACILITATOR);
    hrc_progress_set_clock(f->s, fake_clock, &now);
    assert_int_equal(hrc_progress_set_facilitator_pin(f->s, "246810"), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_facilitator_pin_lock(f->s, &lock), HRC_PROGRESS_OK);
    assert_int_equal(lock.failures, 0);
    assert_int_equal(hrc_progress_check_facilitator_pin(f->s, "246810"), HRC_PROGRESS_OK);
}

static void test_learner_pin_reset_and_kiosk_settings(void **state)
{
    fixture *f = *state;
    open_store(f, 0);
    int64_t ana, ben;
    assert_int_equal(hrc_progress_add_learner(f->s, "Ana", "2468", NULL, &ana), HRC_PROGRESS_OK);
    ben = add(f, "Ben");
    bool must = true, on = true;
    assert_int_equal(hrc_progress_learner_must_set_pin(f->s, ana, &must), HRC_PROGRESS_OK);
    assert_false(must);
    assert_int_equal(hrc_progress_learner_must_set_pin(f->s, ben, &must), HRC_PROGRESS_OK);
    assert_false(must); /* PINs are not required by default */
    assert_int_equal(hrc_progress_learner_pins_required(f->s, &on), HRC_PROGRESS_OK);
    assert_false(on);
    assert_int_equal(hrc_progress_show_learners(f->s, &on), HRC_PROGRESS_OK);
    assert_false(on);

    /* Only the facilitator resets a PIN or changes the kiosk's settings. */
    assert_int_equal(hrc_progress_reset_learner_pin(f->s, ana), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_set_learner_pins_required(f->s, true), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_set_show_learners(f->s, true), HRC_PROGRESS_ERR_LOCKED);
    open_store(f, HRC_PROGRESS_OPEN_FACILITATOR);
    for (int i = 0; i < 3; i++)
        hrc_progress_check_learner_pin(f->s, ana, "0000");
    assert_int_equal(hrc_progress_reset_learner_pin(f->s, ana), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_learner_pins_required(f->s, true), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_show_learners(f->s, true), HRC_PROGRESS_OK);
    hrc_progress_lock(f->s);

    /* At next sign-in Ana has no PIN to type and must choose a new one. */
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, ana, &l), HRC_PROGRESS_OK);
    assert_false(l.has_pin);
    assert_true(l.pin_reset);
    assert_int_equal(l.pin_failures, 0);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, ""), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_learner_must_set_pin(f->s, ana, &must), HRC_PROGRESS_OK);
    assert_true(must);
    assert_int_equal(hrc_progress_set_learner_pin(f->s, ana, "1357"), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_learner_must_set_pin(f->s, ana, &must), HRC_PROGRESS_OK);
    assert_false(must);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "1357"), HRC_PROGRESS_OK);

    /* PINs required: Ben (none yet) must choose one; new profiles need one;
     * nobody may remove theirs. */
    assert_int_equal(hrc_progress_learner_must_set_pin(f->s, ben, &must), HRC_PROGRESS_OK);
    assert_true(must);
    int64_t id;
    assert_int_equal(hrc_progress_add_learner(f->s, "Cy", NULL, NULL, &id),
                     HRC_PROGRESS_ERR_PIN_FORMAT);
    assert_int_equal(hrc_progress_add_learner(f->s, "Cy", "123", NULL, &id),
                     HRC_PROGRESS_ERR_PIN_FORMAT);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner WHERE name = 'Cy'"), 0);
    assert_int_equal(hrc_progress_add_learner(f->s, "Cy", "97531", NULL, &id), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_change_learner_pin(f->s, ana, "1357", ""),
                     HRC_PROGRESS_ERR_PIN_FORMAT);
    assert_int_equal(hrc_progress_change_learner_pin(f->s, ana, "1357", "86420"),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_check_learner_pin(f->s, ana, "86420"), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_learner_pins_required(f->s, &on), HRC_PROGRESS_OK);
    assert_true(on);
    assert_int_equal(hrc_progress_show_learners(f->s, &on), HRC_PROGRESS_OK);
    assert_true(on);
    assert_int_equal(hrc_progress_show_learners(NULL, &on), HRC_PROGRESS_OK);
    assert_false(on);
}

/* ---- Files ----------------------------------------------------------- */

static unsigned mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_mode & 07777;
}

static void test_files_are_private_whatever_the_umask(void **state)
{
    fixture *f = *state;
    mode_t old = umask(022);
    char dir[300], path[340];
    snprintf(dir, sizeof dir, "%s/new/store", f->dir);
    assert_int_equal(hrc_progress_open(dir, 0, &f->s, &f->info), HRC_PROGRESS_OK);
    add(f, "Ana"); /* the -wal and -shm exist now */
    assert_int_equal(f->info.status & (HRC_PROGRESS_TIGHTENED | HRC_PROGRESS_EXPOSED), 0);
    assert_int_equal(mode_of(dir), 0700);
    static const char *const files[] = {"progress.db", "progress.db-wal", "progress.db-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        assert_int_equal(mode_of(path), 0600);
    }
    hrc_progress_close(f->s);
    f->s = NULL;

    /* An existing folder others can read (mkdir -p, systemd's
     * StateDirectory=), and a store left 0644 by an older player. */
    snprintf(dir, sizeof dir, "%s/shared", f->dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    assert_int_equal(hrc_progress_open(dir, HRC_PROGRESS_OPEN_READONLY, &f->s, &f->info),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(hrc_progress_open(dir, 0, &f->s, &f->info), HRC_PROGRESS_OK);
    assert_true(f->info.status & HRC_PROGRESS_TIGHTENED);
    assert_string_equal(f->info.exposed, dir);
    assert_int_equal(f->info.exposed_mode, 0755);
    assert_non_null(strstr(f->info.warning, "other users"));
    assert_int_equal(mode_of(dir), 0700);
    hrc_progress_close(f->s);
    f->s = NULL;
    snprintf(path, sizeof path, "%s/progress.db", dir);
    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(chmod(dir, 0755), 0);
    /* Read-only: reported, never changed. */
    assert_int_equal(hrc_progress_open(dir, HRC_PROGRESS_OPEN_READONLY, &f->s, &f->info),
                     HRC_PROGRESS_OK);
    assert_true(f->info.status & HRC_PROGRESS_EXPOSED);
    assert_int_equal(mode_of(dir), 0755);
    assert_int_equal(mode_of(path), 0644);
    hrc_progress_close(f->s);
    f->s = NULL;
    assert_int_equal(hrc_progress_open(dir, 0, &f->s, &f->info), HRC_PROGRESS_OK);
    assert_true(f->info.status & HRC_PROGRESS_TIGHTENED);
    assert_int_equal(mode_of(dir), 0700);
    assert_int_equal(mode_of(path), 0600);
    hrc_progress_close(f->s);
    f->s = NULL;

    /* A folder of another user: told, not changed (root can try this). */
    if (geteuid() == 0) {
        assert_int_equal(chmod(dir, 0755), 0);
        assert_int_equal(chown(dir, 65534, 65534), 0);
        assert_int_equal(hrc_progress_open(dir, 0, &f->s, &f->info), HRC_PROGRESS_OK);
        assert_true(f->info.status & HRC_PROGRESS_EXPOSED);
        assert_false(f->info.status & HRC_PROGRESS_TIGHTENED);
        assert_non_null(strstr(f->info.warning, "another user"));
        assert_int_equal(mode_of(dir), 0755);
        assert_int_equal(chown(dir, 0, 0), 0);
    }
    umask(old);
}

static void test_readonly_open_of_a_damaged_store_changes_nothing(void **state)
{
    fixture *f = *state;
    char path[300];
    snprintf(path, sizeof path, "%s/progress.db", f->dir);
    static const char junk[] = "SQLite format 3\0 but then nothing that makes sense at all....";
    write_file(path, junk, sizeof junk);
    assert_int_equal(hrc_progress_open(f->dir, HRC_PROGRESS_OPEN_READONLY, &f->s, &f->info),
                     HRC_PROGRESS_ERR_DAMAGED);
    assert_null(f->s);
    assert_non_null(strstr(f->info.message, "progress.db.corrupt-"));
    assert_non_null(strstr(f->info.message, "left as it is"));
    FILE *in = fopen(path, "rb");
    char back[sizeof junk + 8];
    assert_int_equal(fread(back, 1, sizeof back, in), sizeof junk);
    fclose(in);
    assert_memory_equal(back, junk, sizeof junk);
    /* Nothing appeared beside it: no -wal or -shm, no copy kept aside. */
    char cmd[400];
    snprintf(cmd, sizeof cmd, "ls -A %s | grep -qv '^progress.db$'", f->dir);
    assert_int_not_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_dir),
        cmocka_unit_test_setup_teardown(test_open_creates_folders_and_configures, setup, teardown),
        cmocka_unit_test(test_null_store_records_nothing),
        cmocka_unit_test_setup_teardown(test_learners_and_prefs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pins_are_hashed_and_guard_facilitator_functions,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_resume_point_survives_restart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reading_place_survives_restart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scores_attempts_time_and_completion, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bad_events_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_learner_sees_own_and_deletion_removes_all, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_readonly_open_never_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_a_database_is_moved_aside, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_and_damaged_stores_are_moved_aside,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_and_newer_databases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_upgrade_from_version_1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_upgrade_keeps_old_pins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names_are_trimmed_and_checked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_find_learners_by_first_letters, setup, teardown),
        cmocka_unit_test(test_pin_delay_rule),
        cmocka_unit_test_setup_teardown(test_wrong_pins_are_throttled_across_restarts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_facilitator_pin_is_throttled_and_changed, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_learner_pin_reset_and_kiosk_settings, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_files_are_private_whatever_the_umask, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_readonly_open_of_a_damaged_store_changes_nothing,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
