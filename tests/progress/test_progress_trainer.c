/*
 * The trainer's session in the progress store: groups and the open group,
 * moving learners, resetting a module's attempts, merging two profiles of
 * one person (every event kept, older exports still recognised), and the
 * class table the dashboard and the report read.
 */
#include "io/progress.h"
#include "progress_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

typedef struct fixture {
    char dir[256];
    hrc_progress *s;
} fixture;

static const unsigned facilitator = HRC_PROGRESS_OPEN_FACILITATOR |
                                    HRC_PROGRESS_OPEN_FAST_PIN_HASH;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    scratch_make(f->dir, sizeof f->dir);
    assert_int_equal(hrc_progress_open(f->dir, facilitator, &f->s, NULL), HRC_PROGRESS_OK);
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

static int64_t add(hrc_progress *s, const char *name)
{
    int64_t id = 0;
    assert_int_equal(hrc_progress_add_learner(s, name, NULL, NULL, &id), HRC_PROGRESS_OK);
    return id;
}

static const hrc_module_ref m1 = {"m1", 2, "hash-m1"};
static const hrc_module_ref m2 = {"m2", 1, "hash-m2"};

/* One finished quiz attempt: two answers and its result. t: a base time. */
static void attempt(hrc_progress *s, int64_t learner, const hrc_module_ref *m, int number,
                    double score, int64_t t)
{
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(s, learner, m, &session), HRC_PROGRESS_OK);
    hrc_progress_event answer = {.verb = HRC_VERB_ANSWERED, .item_id = "q1",
                                 .item_revision = 1, .response = "a", .has_success = true,
                                 .success = score >= 0.5, .has_score = true,
                                 .score = score >= 0.5, .attempt = number, .time_ms = t};
    assert_int_equal(hrc_progress_record(s, &session, &answer, NULL), HRC_PROGRESS_OK);
    answer.item_id = "q2";
    answer.time_ms = t + 1000;
    assert_int_equal(hrc_progress_record(s, &session, &answer, NULL), HRC_PROGRESS_OK);
    bool passed = score >= 0.75;
    hrc_progress_event result = {.verb = passed ? HRC_VERB_PASSED : HRC_VERB_FAILED,
                                 .item_id = "quiz", .has_success = true, .success = passed,
                                 .has_score = true, .score = score, .attempt = number,
                                 .time_ms = t + 2000};
    assert_int_equal(hrc_progress_record(s, &session, &result, NULL), HRC_PROGRESS_OK);
    if (passed) {
        hrc_progress_event done = {.verb = HRC_VERB_COMPLETED, .time_ms = t + 3000};
        assert_int_equal(hrc_progress_record(s, &session, &done, NULL), HRC_PROGRESS_OK);
        session.active = false;
    }
}

static void view(hrc_progress *s, int64_t learner, const hrc_module_ref *m, const char *page)
{
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(s, learner, m, &session), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_record_view(s, &session, page, 100), HRC_PROGRESS_OK);
}

/* ---- Groups ------------------------------------------------------------- */

static void test_groups_and_the_open_group(void **state)
{
    fixture *f = *state;
    int64_t rouen = 0, lyon = 0;
    assert_int_equal(hrc_progress_add_group(f->s, "  Rouen, 12 March ", "2026-03-12", &rouen),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_add_group(f->s, "Lyon", NULL, &lyon), HRC_PROGRESS_OK);
    assert_true(rouen > 0 && lyon > 0 && rouen != lyon);
    /* Names are unique whatever the case; names and days are checked. */
    assert_int_equal(hrc_progress_add_group(f->s, "rouen, 12 MARCH", NULL, NULL),
                     HRC_PROGRESS_ERR_INVALID);
    assert_non_null(strstr(hrc_progress_errmsg(f->s), "exists already"));
    assert_int_equal(hrc_progress_add_group(f->s, "   ", NULL, NULL), HRC_PROGRESS_ERR_NAME);
    assert_int_equal(hrc_progress_add_group(f->s, "Bad\tname", NULL, NULL),
                     HRC_PROGRESS_ERR_NAME);
    assert_int_equal(hrc_progress_add_group(f->s, "Paris", "2026-02-30", NULL),
                     HRC_PROGRESS_ERR_INVALID);
    assert_int_equal(hrc_progress_add_group(f->s, "Paris", "12/03/2026", NULL),
                     HRC_PROGRESS_ERR_INVALID);

    /* While Rouen is open, every new learner joins it. */
    int64_t before = add(f->s, "Before");
    assert_int_equal(hrc_progress_set_open_group(f->s, rouen), HRC_PROGRESS_OK);
    int64_t open = 0;
    assert_int_equal(hrc_progress_open_group(f->s, &open), HRC_PROGRESS_OK);
    assert_int_equal(open, rouen);
    int64_t zoe = add(f->s, "Zoé Martín"), ali = add(f->s, "Ali Ben");
    assert_int_equal(hrc_progress_set_open_group(f->s, 0), HRC_PROGRESS_OK);
    int64_t after = add(f->s, "After");
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, zoe, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.group_id, rouen);
    assert_int_equal(hrc_progress_get_learner(f->s, before, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.group_id, 0);
    assert_int_equal(hrc_progress_get_learner(f->s, after, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.group_id, 0);

    /* Moving a learner; a group that does not exist is refused. */
    assert_int_equal(hrc_progress_set_learner_group(f->s, ali, lyon), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_learner_group(f->s, ali, 999), HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(hrc_progress_set_learner_group(f->s, 999, lyon), HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(hrc_progress_set_learner_group(f->s, after, rouen), HRC_PROGRESS_OK);

    /* The list: latest day first, groups without a day last, with counts. */
    hrc_group *groups = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_groups(f->s, &groups, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 2);
    assert_string_equal(groups[0].name, "Rouen, 12 March");
    assert_string_equal(groups[0].day, "2026-03-12");
    assert_int_equal(groups[0].n_learners, 2); /* Zoé, After */
    assert_string_equal(groups[1].name, "Lyon");
    assert_int_equal(groups[1].n_learners, 1);
    free(groups);

    hrc_group g;
    assert_int_equal(hrc_progress_find_group(f->s, " ROUEN, 12 march", &g), HRC_PROGRESS_OK);
    assert_int_equal(g.id, rouen);
    assert_int_equal(hrc_progress_find_group(f->s, "Nowhere", &g), HRC_PROGRESS_ERR_NOT_FOUND);

    /* Filtering by group. */
    hrc_learner *ls = NULL;
    assert_int_equal(hrc_progress_list_group_learners(f->s, rouen, &ls, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 2);
    assert_string_equal(ls[0].name, "After");
    assert_string_equal(ls[1].name, "Zoé Martín");
    free(ls);
    assert_int_equal(hrc_progress_list_group_learners(f->s, HRC_GROUP_NONE, &ls, &n),
                     HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(ls[0].name, "Before");
    free(ls);
    assert_int_equal(hrc_progress_list_group_learners(f->s, HRC_GROUP_ALL, &ls, &n),
                     HRC_PROGRESS_OK);
    assert_int_equal(n, 4);
    free(ls);

    /* Renaming, then deleting: its learners stay, in no group, and an
     * open group that is deleted is closed. */
    assert_int_equal(hrc_progress_update_group(f->s, lyon, "Lyon, 2 April", "2026-04-02"),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_update_group(f->s, lyon, "Rouen, 12 March", NULL),
                     HRC_PROGRESS_ERR_INVALID);
    assert_int_equal(hrc_progress_get_group(f->s, lyon, &g), HRC_PROGRESS_OK);
    assert_string_equal(g.name, "Lyon, 2 April");
    assert_int_equal(hrc_progress_set_open_group(f->s, lyon), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_delete_group(f->s, lyon), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_open_group(f->s, &open), HRC_PROGRESS_OK);
    assert_int_equal(open, 0);
    assert_int_equal(hrc_progress_get_learner(f->s, ali, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.group_id, 0);
    int64_t again = 0;
    assert_int_equal(hrc_progress_add_group(f->s, "Lyon again", NULL, &again), HRC_PROGRESS_OK);
    int64_t newcomer = add(f->s, "Newcomer");
    assert_int_equal(hrc_progress_get_learner(f->s, newcomer, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.group_id, 0); /* even if the new group took the old id */
}

static void test_groups_need_the_facilitator(void **state)
{
    fixture *f = *state;
    int64_t g = 0;
    assert_int_equal(hrc_progress_add_group(f->s, "Rouen", NULL, &g), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_open_group(f->s, g), HRC_PROGRESS_OK);
    hrc_progress_lock(f->s);
    assert_int_equal(hrc_progress_add_group(f->s, "Lyon", NULL, NULL), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_set_open_group(f->s, 0), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_delete_group(f->s, g), HRC_PROGRESS_ERR_LOCKED);
    /* A learner signing up on the locked kiosk still joins the open group. */
    int64_t id = add(f->s, "Signed up");
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, id, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.group_id, g);
    assert_int_equal(hrc_progress_set_learner_group(f->s, id, 0), HRC_PROGRESS_ERR_LOCKED);
    hrc_class_table *t = NULL;
    assert_int_equal(hrc_progress_class_table(f->s, HRC_GROUP_ALL, NULL, 0, &t),
                     HRC_PROGRESS_ERR_LOCKED);
    assert_null(t);
    /* Not recording: nothing to change. */
    assert_int_equal(hrc_progress_add_group(NULL, "X", NULL, NULL), HRC_PROGRESS_ERR_READONLY);
    int64_t open = 7;
    assert_int_equal(hrc_progress_open_group(NULL, &open), HRC_PROGRESS_OK);
    assert_int_equal(open, 0);
}

/* ---- Resetting a module's attempts ------------------------------------ */

static void test_reset_starts_the_quiz_again_at_attempt_one(void **state)
{
    fixture *f = *state;
    int64_t zoe = add(f->s, "Zoé");
    int64_t t = INT64_C(1770000000000);
    view(f->s, zoe, &m1, "intro");
    attempt(f->s, zoe, &m1, 1, 0.25, t);
    attempt(f->s, zoe, &m1, 2, 0.5, t + 60000);
    /* Attempt 3 left open: one answer, no result. */
    hrc_session open;
    assert_int_equal(hrc_progress_begin_session(f->s, zoe, &m1, &open), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_record_answer(f->s, &open, "q1", 1, "b", false, 0, 0, 3, 10,
                                                NULL), HRC_PROGRESS_OK);
    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(f->s, zoe, "m1", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.attempts, 3);
    assert_int_equal(p.success, HRC_SUCCESS_FAILED);
    assert_true(p.has_score);
    int64_t spent = p.time_spent_ms;

    int64_t seq = 0;
    assert_int_equal(hrc_progress_reset_attempts(f->s, zoe, "m1", &seq), HRC_PROGRESS_OK);
    assert_true(seq > 0);
    assert_int_equal(hrc_progress_get_module(f->s, zoe, "m1", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.attempts, 0);
    assert_int_equal(p.success, HRC_SUCCESS_UNKNOWN);
    assert_false(p.has_score);
    assert_false(p.completed);
    assert_int_equal(p.resets, 1);
    assert_int_equal(p.time_spent_ms, spent); /* the time spent stays */
    assert_string_equal(p.resume_item, "q1");  /* and where the learner was */

    /* The quiz's attempts are used up no more; the page stays viewed. */
    hrc_item_progress *items = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_items(f->s, zoe, "m1", &items, &n), HRC_PROGRESS_OK);
    bool saw_intro = false, saw_quiz = false;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(items[i].item_id, "intro") == 0)
            saw_intro = items[i].viewed;
        if (strcmp(items[i].item_id, "quiz") == 0) {
            saw_quiz = true;
            assert_int_equal(items[i].finished_attempts, 0);
            assert_false(items[i].has_score);
        }
    }
    free(items);
    assert_true(saw_intro);
    assert_true(saw_quiz);
    /* The open attempt's answers and attempt 1's are gone from the quiz's view. */
    hrc_answer_record *answers = NULL;
    assert_int_equal(hrc_progress_list_answers(f->s, zoe, "m1", 1, &answers, &n),
                     HRC_PROGRESS_OK);
    assert_int_equal(n, 0);
    assert_int_equal(hrc_progress_list_answers(f->s, zoe, "m1", 3, &answers, &n),
                     HRC_PROGRESS_OK);
    assert_int_equal(n, 0);

    /* The learner starts again at attempt 1 and passes. */
    attempt(f->s, zoe, &m1, 1, 1.0, t + 3600000);
    assert_int_equal(hrc_progress_get_module(f->s, zoe, "m1", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.attempts, 1);
    assert_int_equal(p.success, HRC_SUCCESS_PASSED);
    assert_true(p.completed);
    assert_float_equal(p.best_score, 1.0, 1e-9);
    assert_int_equal(hrc_progress_list_answers(f->s, zoe, "m1", 1, &answers, &n),
                     HRC_PROGRESS_OK);
    assert_int_equal(n, 2); /* only the new attempt 1's */
    free(answers);

    /* The log keeps everything, the reset with the attempts it ended. */
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT attempt FROM event WHERE verb = 'reset' AND seq = %lld",
             (long long)seq);
    assert_int_equal(sql_int(f->dir, sql), 3);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event WHERE verb = 'failed'"), 2);
    /* A rebuild from the log gives the same summary. */
    assert_int_equal(hrc_progress_rebuild_summaries(f->s), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_get_module(f->s, zoe, "m1", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.attempts, 1);
    assert_int_equal(p.resets, 1);

    /* Exported as its own statement. */
    char json[400];
    snprintf(json, sizeof json, "%s/out.json", f->dir);
    assert_int_equal(hrc_progress_export_json(f->s, json), HRC_PROGRESS_OK);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "grep -c 'urn:hrc-player:verb:reset-attempts' %s >/dev/null",
             json);
    assert_int_equal(system(cmd), 0);

    /* Refused: a module never started, a learner's own call, a locked store. */
    assert_int_equal(hrc_progress_reset_attempts(f->s, zoe, "m2", NULL),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    hrc_progress_event forged = {.verb = HRC_VERB_RESET};
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(f->s, zoe, &m1, &session), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_record(f->s, &session, &forged, NULL),
                     HRC_PROGRESS_ERR_INVALID);
    hrc_progress_lock(f->s);
    assert_int_equal(hrc_progress_reset_attempts(f->s, zoe, "m1", NULL), HRC_PROGRESS_ERR_LOCKED);
}

/* The reset travels: another kiosk that imports the export sees the same. */
static void test_reset_travels_in_exports(void **state)
{
    fixture *f = *state;
    int64_t zoe = add(f->s, "Zoé");
    attempt(f->s, zoe, &m1, 1, 0.25, INT64_C(1770000000000));
    assert_int_equal(hrc_progress_reset_attempts(f->s, zoe, "m1", NULL), HRC_PROGRESS_OK);
    char json[400], other[400];
    snprintf(json, sizeof json, "%s/out.json", f->dir);
    snprintf(other, sizeof other, "%s/other", f->dir);
    assert_int_equal(hrc_progress_export_json(f->s, json), HRC_PROGRESS_OK);
    hrc_progress *o = NULL;
    assert_int_equal(hrc_progress_open(other, facilitator, &o, NULL), HRC_PROGRESS_OK);
    hrc_kiosk me;
    assert_int_equal(hrc_progress_this_kiosk(f->s, &me), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_trust_kiosk(o, me.key, NULL), HRC_PROGRESS_OK);
    hrc_import_stats stats;
    assert_int_equal(hrc_progress_import_json(o, json, &stats), HRC_PROGRESS_OK);
    hrc_learner *ls = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(o, &ls, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(o, ls[0].id, "m1", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.resets, 1);
    assert_int_equal(p.attempts, 0);
    assert_int_equal(p.success, HRC_SUCCESS_UNKNOWN);
    free(ls);
    hrc_progress_close(o);
}

/* ---- Merging two profiles of one person ------------------------------- */

static void test_merge_keeps_every_event(void **state)
{
    fixture *f = *state;
    int64_t g = 0;
    assert_int_equal(hrc_progress_add_group(f->s, "Rouen", NULL, &g), HRC_PROGRESS_OK);
    int64_t keep = add(f->s, "Marie Dupont"), twin = add(f->s, "marie dupont");
    int64_t other = add(f->s, "Someone else");
    assert_int_equal(hrc_progress_set_learner_group(f->s, keep, g), HRC_PROGRESS_OK);
    int64_t t = INT64_C(1770000000000);
    attempt(f->s, keep, &m1, 1, 0.5, t);              /* failed */
    attempt(f->s, twin, &m1, 1, 1.0, t + 60000);      /* passed, on the other profile */
    attempt(f->s, twin, &m2, 1, 0.25, t + 120000);    /* a module only the twin began */
    attempt(f->s, other, &m1, 1, 0.75, t);
    long long before = sql_int(f->dir, "SELECT count(*) FROM event");
    char sql[300];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM event WHERE learner_id = %lld",
             (long long)twin);
    long long twin_events = sql_int(f->dir, sql);
    hrc_learner twin_profile;
    assert_int_equal(hrc_progress_get_learner(f->s, twin, &twin_profile), HRC_PROGRESS_OK);

    /* An export made before the merge. */
    char json[400];
    snprintf(json, sizeof json, "%s/before.json", f->dir);
    assert_int_equal(hrc_progress_export_json(f->s, json), HRC_PROGRESS_OK);

    hrc_merge_stats stats;
    assert_int_equal(hrc_progress_merge_learners(f->s, keep, keep, &stats),
                     HRC_PROGRESS_ERR_INVALID);
    assert_int_equal(hrc_progress_merge_learners(f->s, keep, twin, &stats), HRC_PROGRESS_OK);
    assert_int_equal(stats.events_moved, (size_t)twin_events);
    assert_int_equal(stats.modules, 2);
    /* Every event is still there, plus one "merged" event a module. */
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event"), before + 2);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM event WHERE learner_id = %lld",
             (long long)twin);
    assert_int_equal(sql_int(f->dir, sql), 0);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM event WHERE verb = 'merged' AND learner_id = %lld"
             " AND response = '%s'", (long long)keep, twin_profile.uuid);
    assert_int_equal(sql_int(f->dir, sql), 2);
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(f->s, twin, &l), HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(hrc_progress_get_learner(f->s, keep, &l), HRC_PROGRESS_OK);
    assert_string_equal(l.name, "Marie Dupont");
    assert_int_equal(l.group_id, g);

    /* The summaries are rebuilt from both profiles' events. */
    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(f->s, keep, "m1", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.success, HRC_SUCCESS_PASSED);
    assert_true(p.completed);
    assert_float_equal(p.best_score, 1.0, 1e-9);
    assert_int_equal(hrc_progress_get_module(f->s, keep, "m2", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.success, HRC_SUCCESS_FAILED);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM summary"), 3);

    /* The export made before the merge names the merged profile: its
     * events are recognised as the ones here, and nobody is re-created. */
    hrc_import_stats is;
    assert_int_equal(hrc_progress_import_json(f->s, json, &is), HRC_PROGRESS_OK);
    assert_int_equal(is.added, 0);
    assert_int_equal(is.learners_added, 0);
    assert_int_equal(is.duplicates, is.statements);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner"), 2);

    /* Merging the kept profile away later carries the alias along. */
    assert_int_equal(hrc_progress_merge_learners(f->s, other, keep, NULL), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(f->dir, "SELECT count(DISTINCT learner_id) FROM learner_alias"), 1);
    assert_int_equal(hrc_progress_import_json(f->s, json, &is), HRC_PROGRESS_OK);
    assert_int_equal(is.learners_added, 0);
    /* The log stays append-only after a merge. */
    assert_int_not_equal(sql_exec(f->dir, "UPDATE event SET attempt = 9"), SQLITE_OK);
}

/* Kiosk B's learner signed up at B and at A: A merges them; B's later
 * exports still import into A, onto the kept profile. */
static void test_merge_across_kiosks(void **state)
{
    fixture *f = *state; /* kiosk A */
    char bdir[400], json[400];
    snprintf(bdir, sizeof bdir, "%s/kiosk-b", f->dir);
    snprintf(json, sizeof json, "%s/b.json", f->dir);
    hrc_progress *b = NULL;
    assert_int_equal(hrc_progress_open(bdir, facilitator, &b, NULL), HRC_PROGRESS_OK);
    hrc_kiosk kb;
    assert_int_equal(hrc_progress_this_kiosk(b, &kb), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_trust_kiosk(f->s, kb.key, NULL), HRC_PROGRESS_OK);

    int64_t at_a = add(f->s, "Ana Lima");
    attempt(f->s, at_a, &m1, 1, 0.25, INT64_C(1770000000000));
    int64_t at_b = add(b, "Ana Lima");
    attempt(b, at_b, &m2, 1, 1.0, INT64_C(1770000100000));
    assert_int_equal(hrc_progress_export_json(b, json), HRC_PROGRESS_OK);
    hrc_import_stats is;
    assert_int_equal(hrc_progress_import_json(f->s, json, &is), HRC_PROGRESS_OK);
    assert_int_equal(is.learners_added, 1);
    hrc_learner *ls = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(f->s, &ls, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 2);
    int64_t imported = ls[0].id == at_a ? ls[1].id : ls[0].id;
    free(ls);
    assert_int_equal(hrc_progress_merge_learners(f->s, at_a, imported, NULL), HRC_PROGRESS_OK);

    /* Ana goes on at kiosk B; B's new export imports into A. */
    attempt(b, at_b, &m1, 1, 1.0, INT64_C(1770000200000));
    assert_int_equal(hrc_progress_export_json(b, json), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_import_json(f->s, json, &is), HRC_PROGRESS_OK);
    assert_int_equal(is.learners_added, 0);
    assert_true(is.added > 0);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner"), 1);
    hrc_module_progress p;
    assert_int_equal(hrc_progress_get_module(f->s, at_a, "m1", &p), HRC_PROGRESS_OK);
    assert_int_equal(p.success, HRC_SUCCESS_PASSED);
    hrc_progress_close(b);
}

/* ---- The class table -------------------------------------------------- */

static void test_class_table(void **state)
{
    fixture *f = *state;
    int64_t rouen = 0, lyon = 0;
    assert_int_equal(hrc_progress_add_group(f->s, "Rouen", "2026-03-12", &rouen), 0);
    assert_int_equal(hrc_progress_add_group(f->s, "Lyon", "2026-04-02", &lyon), 0);
    assert_int_equal(hrc_progress_set_open_group(f->s, rouen), 0);
    int64_t zoe = add(f->s, "Zoé"), ali = add(f->s, "ali"), bea = add(f->s, "Béa");
    assert_int_equal(hrc_progress_set_open_group(f->s, lyon), 0);
    int64_t lou = add(f->s, "Lou");
    int64_t t = INT64_C(1770000000000);
    attempt(f->s, zoe, &m1, 1, 1.0, t);           /* m1 completed */
    attempt(f->s, zoe, &m2, 1, 0.25, t + 1000);   /* m2 failed */
    attempt(f->s, ali, &m1, 1, 0.5, t);           /* m1 failed ... */
    attempt(f->s, ali, &m1, 2, 0.5, t + 5000);    /* ... twice */
    assert_int_equal(hrc_progress_reset_attempts(f->s, ali, "m1", NULL), 0);
    view(f->s, bea, &m2, "p1");                   /* m2 in progress */
    attempt(f->s, lou, &m1, 1, 1.0, t);

    static const char *const modules[] = {"m1", "m2", "m3"};
    hrc_class_table *table = NULL;
    assert_int_equal(hrc_progress_class_table(f->s, rouen, modules, 3, &table), 0);
    assert_int_equal(table->n_learners, 3);
    assert_int_equal(table->n_modules, 3);
    /* Rows by name, case ignored. */
    assert_string_equal(table->learners[0].name, "ali");
    assert_string_equal(table->learners[1].name, "Béa");
    assert_string_equal(table->learners[2].name, "Zoé");
    const hrc_class_cell *c = hrc_class_table_cell(table, 2, 0); /* Zoé, m1 */
    assert_int_equal(c->status, HRC_CELL_COMPLETED);
    assert_float_equal(c->best_score, 1.0, 1e-9);
    assert_int_equal(c->attempts, 1);
    c = hrc_class_table_cell(table, 2, 1); /* Zoé, m2 */
    assert_int_equal(c->status, HRC_CELL_FAILED);
    c = hrc_class_table_cell(table, 0, 0); /* ali, m1, reset */
    assert_int_equal(c->status, HRC_CELL_IN_PROGRESS);
    assert_int_equal(c->attempts, 0);
    assert_int_equal(c->resets, 1);
    c = hrc_class_table_cell(table, 1, 1); /* Béa, m2 */
    assert_int_equal(c->status, HRC_CELL_IN_PROGRESS);
    assert_false(c->has_score);
    assert_int_equal(hrc_class_table_cell(table, 1, 2)->status, HRC_CELL_NOT_STARTED);
    assert_null(hrc_class_table_cell(table, 3, 0));
    /* The summary row: "1 of 3 completed module m1". */
    assert_int_equal(table->columns[0].started, 2);
    assert_int_equal(table->columns[0].completed, 1);
    assert_int_equal(table->columns[0].passed, 1);
    assert_int_equal(table->columns[1].started, 2);
    assert_int_equal(table->columns[1].failed, 1);
    assert_int_equal(table->columns[2].started, 0);

    hrc_class_table_sort(table, HRC_CLASS_BY_PROGRESS);
    assert_string_equal(table->learners[0].name, "Zoé");
    assert_int_equal(hrc_class_table_cell(table, 0, 0)->status, HRC_CELL_COMPLETED);
    hrc_class_table_sort(table, HRC_CLASS_BY_LAST_ACTIVITY);
    hrc_class_table_sort(table, HRC_CLASS_BY_NAME);
    assert_string_equal(table->learners[0].name, "ali");
    assert_int_equal(hrc_class_table_cell(table, 0, 0)->resets, 1);
    hrc_class_table_free(table);

    /* Everyone, every module the store knows. */
    assert_int_equal(hrc_progress_class_table(f->s, HRC_GROUP_ALL, NULL, 0, &table), 0);
    assert_int_equal(table->n_learners, 4);
    assert_int_equal(table->n_modules, 2);
    assert_string_equal(table->columns[0].module_id, "m1");
    assert_int_equal(table->columns[0].completed, 2);
    hrc_class_table_free(table);
    assert_int_equal(hrc_progress_class_table(f->s, HRC_GROUP_NONE, NULL, 0, &table), 0);
    assert_int_equal(table->n_learners, 0);
    hrc_class_table_free(table);
    hrc_class_table_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_groups_and_the_open_group, setup, teardown),
        cmocka_unit_test_setup_teardown(test_groups_need_the_facilitator, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_starts_the_quiz_again_at_attempt_one, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reset_travels_in_exports, setup, teardown),
        cmocka_unit_test_setup_teardown(test_merge_keeps_every_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_merge_across_kiosks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_class_table, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
