/* The trainer's screens with a real progress store and the bundled course
 * (4 modules): a class of 30 seeded by tests/progress/class_seed.c in a
 * group, and another of 8 in a second one. What a trainer checks: the
 * dashboard fits and says what the store says (summary counts, filter by
 * group, sort); a learner's reset, rename, move, merge and delete reach
 * the store (and the quiz starts again at attempt 1); groups made, opened,
 * renamed, deleted; the questions' figures are the item statistics of the
 * group; the report and certificates land on a (fake) USB stick; a class
 * list is previewed, then imported. Slow work is shown before it runs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "class_seed.h"
#include "core/itemstats.h"
#include "io/loader.h"
#include "io/progress.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PIN "2468"
#define COURSE HRC_SOURCE_DIR "/courses/human-rights-cities"
#define ROUEN "Rouen, 12 March"
#define LYON "Lyon"

static char tmp[64];
static char store_dir[128];
static hrc_course *course;

/* ---- The class ------------------------------------------------------- */

/* The seeded store, copied for each test that changes it. */
static int make_class(void **state)
{
    snprintf(tmp, sizeof tmp, "/tmp/hrc-dash-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    hrc_diags d;
    hrc_diags_init(&d);
    int rc = hrc_course_open(COURSE, &course, &d);
    hrc_diags_clear(&d);
    if (rc)
        return -1;
    snprintf(store_dir, sizeof store_dir, "%s/class", tmp);
    hrc_progress *s = NULL;
    if (hrc_progress_open(store_dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL) ||
        hrc_progress_setup_facilitator_pin(s, PIN))
        return -1;
    class_seed_fill(s, course, 30, ROUEN, 1, store_dir);
    class_seed_fill(s, course, 8, LYON, 7, store_dir);
    /* Two who came without a group. */
    int64_t id;
    hrc_progress_add_learner(s, "Walk-in One", NULL, NULL, &id);
    hrc_progress_add_learner(s, "Walk-in Two", NULL, NULL, &id);
    hrc_progress_close(s);
    return 0;
}

static int remove_class(void **state)
{
    hrc_course_free(course);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

/* A copy of the class's store in tmp/name, opened, locked. */
static hrc_progress *class_copy(const char *name)
{
    char dir[256], cmd[1024];
    snprintf(dir, sizeof dir, "%s/%s", tmp, name);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && cp -a '%s' '%s'", dir, store_dir, dir);
    assert_int_equal(system(cmd), 0);
    hrc_progress *s = NULL;
    assert_int_equal(hrc_progress_open(dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL),
                     HRC_PROGRESS_OK);
    hrc_progress_lock(s);
    return s;
}

static int64_t group_id(hrc_progress *s, const char *name)
{
    hrc_group g;
    assert_int_equal(hrc_progress_find_group(s, name, &g), HRC_PROGRESS_OK);
    return g.id;
}

/* The store's class table for group, the course's modules, sorted. */
static hrc_class_table *table_of(hrc_progress *s, int64_t group, hrc_class_sort by)
{
    bool was = hrc_progress_is_unlocked(s);
    if (!was)
        assert_int_equal(hrc_progress_check_facilitator_pin(s, PIN), HRC_PROGRESS_OK);
    const char *ids[16];
    for (size_t m = 0; m < course->n_modules; m++)
        ids[m] = course->modules[m]->id;
    hrc_class_table *t = NULL;
    assert_int_equal(hrc_progress_class_table(s, group, ids, course->n_modules, &t),
                     HRC_PROGRESS_OK);
    hrc_class_table_sort(t, by);
    if (!was)
        hrc_progress_lock(s);
    return t;
}

static hrc_learner learner(hrc_progress *s, int64_t id)
{
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(s, id, &l), HRC_PROGRESS_OK);
    return l;
}

static size_t count_learners(hrc_progress *s)
{
    hrc_learner *l = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(s, &l, &n), HRC_PROGRESS_OK);
    free(l);
    return n;
}

/* ---- Driving the screens -------------------------------------------- */

static void erase(harness *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        harness_key(t, HRC_IN_BACKSPACE);
}

static void start(harness *t, hrc_progress *s, bool kiosk)
{
    harness_start_course(t, COURSE, &(hrc_app_config){.kiosk = kiosk, .progress = s});
}

static void unlock(harness *t)
{
    harness_key(t, HRC_IN_FACILITATOR);
    harness_type(t, PIN);
    harness_key(t, HRC_IN_ACTIVATE);
    assert_true(harness_find_target(t, "Kiosk settings") >= 0);
}

/* Scrolls down until a target labelled `label` is on screen. */
static void scroll_to(harness *t, const char *label)
{
    harness_key(t, HRC_IN_HOME);
    for (int page = 0; page < 60 && harness_find_target(t, label) < 0; page++)
        harness_page_down(t);
    if (harness_find_target(t, label) < 0)
        fail_msg("no target \"%s\" on any page", label);
}

/* The learners' rows on screen, in order: their labels start with the
 * name and go on with "; Module 1: ". */
static size_t rows(const harness *t, char names[][HRC_LEARNER_NAME_MAX], size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < t->list.n_targets && n < max; i++) {
        const char *label = t->list.targets[i].label;
        const char *mark = strstr(label, "; Module 1: ");
        if (!mark)
            continue;
        snprintf(names[n], HRC_LEARNER_NAME_MAX, "%.*s", (int)(mark - label), label);
        n++;
    }
    return n;
}

/* Every row of the table, scrolling down through it. */
static size_t all_rows(harness *t, char names[][HRC_LEARNER_NAME_MAX], size_t max)
{
    size_t n = 0;
    harness_key(t, HRC_IN_HOME);
    for (int page = 0; page < 30; page++) {
        char here[128][HRC_LEARNER_NAME_MAX];
        size_t k = rows(t, here, 128);
        for (size_t i = 0; i < k && n < max; i++) {
            bool seen = false;
            for (size_t j = 0; j < n && !seen; j++)
                seen = strcmp(names[j], here[i]) == 0;
            if (!seen)
                memcpy(names[n++], here[i], HRC_LEARNER_NAME_MAX);
        }
        if (!(harness_page_down(t) & HRC_APP_REDRAW))
            break;
    }
    harness_key(t, HRC_IN_HOME);
    return n;
}

/* ---- The dashboard ---------------------------------------------------- */

static void dashboard_fits_and_says_what_the_store_says(void **state)
{
    hrc_progress *s = class_copy("fits");
    int64_t rouen = group_id(s, ROUEN);
    harness t;
    start(&t, s, true);
    unlock(&t);
    /* No group is open: everyone, and the subtitle says new learners join none. */
    assert_true(harness_shows(&t, "No group is open"));
    /* Every module's column, headed with its title, at 1920x1080. */
    for (size_t m = 0; m < course->n_modules; m++) {
        char head[32];
        snprintf(head, sizeof head, "Module %zu", m + 1);
        assert_true(harness_shows(&t, head));
    }
    assert_true(harness_shows(&t, "What is a human rights city?"));
    assert_true(harness_shows(&t, "Key steps of the movement"));
    harness_check_all_sizes(&t, 20, true);

    /* The group: 30 learners, the summary as the store counts. */
    harness_activate_label(&t, ROUEN);
    assert_true(harness_shows(&t, "30 learners"));
    hrc_class_table *tab = table_of(s, rouen, HRC_CLASS_BY_NAME);
    assert_int_equal(tab->n_learners, 30);
    for (size_t m = 0; m < tab->n_modules; m++) {
        char line[96];
        snprintf(line, sizeof line, "Completed: %zu of 30", tab->columns[m].completed);
        assert_true(harness_shows(&t, line));
        snprintf(line, sizeof line, "Quiz passed: %zu, failed: %zu", tab->columns[m].passed,
                 tab->columns[m].failed);
        assert_true(harness_shows(&t, line));
    }
    /* 30 rows, in the store's order by name, each one target. */
    static char names[64][HRC_LEARNER_NAME_MAX];
    size_t n = all_rows(&t, names, 64);
    assert_int_equal(n, 30);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(names[i], tab->learners[i].name);
    /* A row says each module's status in words. */
    const hrc_class_cell *c = hrc_class_table_cell(tab, 0, 0);
    char said[600];
    snprintf(said, sizeof said, "%s; Module 1: %s", tab->learners[0].name,
             c->status == HRC_CELL_COMPLETED ? "completed"
             : c->status == HRC_CELL_PASSED  ? "quiz passed"
             : c->status == HRC_CELL_FAILED  ? "quiz failed"
             : c->status == HRC_CELL_IN_PROGRESS ? "in progress"
                                                 : "not started");
    if (c->has_score) {
        size_t k = strlen(said);
        snprintf(said + k, sizeof said - k, ", best score %d%%",
                 (int)(c->best_score * 100 + 0.5));
    }
    assert_true(harness_find_target(&t, said) >= 0);
    /* No text cut or outside its cell, at every size, with the group. */
    harness_check_all_sizes(&t, 20, true);
    t.w = 1280;
    t.h = 800;
    harness_key(&t, HRC_IN_RESIZE);
    for (size_t m = 0; m < course->n_modules; m++) {
        char head[32];
        snprintf(head, sizeof head, "Module %zu", m + 1);
        assert_true(harness_shows(&t, head)); /* no column scrolled away */
    }
    t.w = 1920;
    t.h = 1080;
    harness_key(&t, HRC_IN_RESIZE);

    /* Sorted by progress, then by last activity, as the store sorts. */
    harness_activate_label(&t, "Progress");
    hrc_class_table_sort(tab, HRC_CLASS_BY_PROGRESS);
    n = all_rows(&t, names, 64);
    assert_int_equal(n, 30);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(names[i], tab->learners[i].name);
    harness_activate_label(&t, "Last activity");
    hrc_class_table_sort(tab, HRC_CLASS_BY_LAST_ACTIVITY);
    n = all_rows(&t, names, 64);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(names[i], tab->learners[i].name);
    hrc_class_table_free(tab);

    /* The other group, and those in none. */
    harness_activate_label(&t, LYON);
    assert_true(harness_shows(&t, "8 learners"));
    assert_int_equal(all_rows(&t, names, 64), 8);
    tab = table_of(s, group_id(s, LYON), HRC_CLASS_BY_NAME);
    char line[96];
    snprintf(line, sizeof line, "Completed: %zu of 8", tab->columns[1].completed);
    assert_true(harness_shows(&t, line));
    hrc_class_table_free(tab);
    harness_activate_label(&t, "No group");
    assert_int_equal(all_rows(&t, names, 64), 2);
    assert_string_equal(names[0], "Walk-in One");
    assert_true(harness_shows(&t, "Completed: 0 of 2"));
    harness_activate_label(&t, "All learners");
    assert_true(harness_shows(&t, "40 learners"));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* Up and Down go from row to row; Enter opens the learner; Back returns;
 * a tap opens one too. Ctrl+Alt+F does nothing over the trainer's
 * screens, and Back from the dashboard locks the store. */
static void rows_by_keyboard_and_pointer(void **state)
{
    hrc_progress *s = class_copy("keys");
    harness t;
    start(&t, s, true);
    unlock(&t);
    harness_activate_label(&t, ROUEN);
    hrc_class_table *tab = table_of(s, group_id(s, ROUEN), HRC_CLASS_BY_NAME);
    char first[600];
    snprintf(first, sizeof first, "%s; Module 1", tab->learners[0].name);
    assert_true(harness_tab_to(&t, first));
    harness_key(&t, HRC_IN_DOWN);
    assert_non_null(strstr(harness_focused(&t), tab->learners[1].name));
    harness_key(&t, HRC_IN_DOWN);
    harness_key(&t, HRC_IN_UP);
    assert_non_null(strstr(harness_focused(&t), tab->learners[1].name));
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, tab->learners[1].name));
    assert_true(harness_shows(&t, "Modules"));
    harness_key(&t, HRC_IN_FACILITATOR); /* over a trainer's screen: nothing */
    assert_true(hrc_progress_is_unlocked(s));
    assert_true(harness_shows(&t, "Modules"));
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_find_target(&t, "Kiosk settings") >= 0);
    harness_click(&t, tab->learners[2].name);
    assert_true(harness_shows(&t, tab->learners[2].name));
    assert_true(harness_shows(&t, "Modules"));
    harness_activate_label(&t, "Lock"); /* from a screen above the dashboard */
    assert_false(hrc_progress_is_unlocked(s));
    assert_int_equal(harness_find_target(&t, "Kiosk settings"), -1);
    hrc_class_table_free(tab);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* A touch screen has no Ctrl+Alt+F: Settings has the trainer's way in,
 * behind the same PIN. */
static void the_trainer_gets_in_by_touch_alone(void **state)
{
    hrc_progress *s = class_copy("touch");
    harness t;
    start(&t, s, true);
    harness_click(&t, "Settings");
    harness_click(&t, "Facilitator sign-in");
    assert_true(harness_shows(&t, "Type the facilitator PIN:"));
    for (const char *d = "1111"; *d; d++) {
        char key[2] = {*d, '\0'};
        harness_tap_exact(&t, key);
    }
    harness_click(&t, "Unlock");
    assert_true(harness_shows(&t, "Wrong PIN."));
    assert_false(hrc_progress_is_unlocked(s));
    for (size_t i = 0; i < 4; i++)
        harness_tap_exact(&t, "Erase");
    for (const char *d = PIN; *d; d++) {
        char key[2] = {*d, '\0'};
        harness_tap_exact(&t, key);
    }
    harness_click(&t, "Unlock");
    assert_true(harness_find_target(&t, "Kiosk settings") >= 0);
    assert_true(hrc_progress_is_unlocked(s));
    /* Over the trainer's screens, Settings does not offer it again. */
    harness_click(&t, "Settings");
    assert_true(harness_find_target(&t, "Facilitator sign-in") < 0);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- A learner -------------------------------------------------------- */

/* A learner of group who used every attempt of module m's quiz. */
static size_t learner_with_attempts(const hrc_class_table *tab, size_t m, int at_least)
{
    for (size_t r = 0; r < tab->n_learners; r++)
        if (hrc_class_table_cell(tab, r, m)->attempts >= at_least)
            return r;
    fail_msg("no learner with %d attempts at module %zu", at_least, m + 1);
    return 0;
}

static void reset_attempts_then_the_quiz_starts_at_attempt_1(void **state)
{
    hrc_progress *s = class_copy("reset");
    hrc_class_table *tab = table_of(s, group_id(s, ROUEN), HRC_CLASS_BY_NAME);
    size_t r = learner_with_attempts(tab, 1, 2); /* module 2: 3 attempts at most */
    hrc_learner who = tab->learners[r];
    int before = hrc_class_table_cell(tab, r, 1)->attempts;
    hrc_class_table_free(tab);
    harness t;
    start(&t, s, true);
    unlock(&t);
    harness_activate_label(&t, ROUEN);
    char label[600];
    snprintf(label, sizeof label, "%s; Module 1", who.name);
    scroll_to(&t, label);
    harness_activate_label(&t, label);
    /* Asked first; the focus on Cancel. */
    harness_activate_label(&t, "Reset the attempts of module 2");
    snprintf(label, sizeof label, "Reset the attempts of %s in module 2?", who.name);
    assert_true(harness_shows(&t, label));
    assert_string_equal(harness_focused(&t), "Cancel");
    harness_key(&t, HRC_IN_ACTIVATE);
    hrc_module_progress mp;
    assert_int_equal(hrc_progress_get_module(s, who.id, "hrc-key-steps", &mp), HRC_PROGRESS_OK);
    assert_int_equal(mp.attempts, before);
    harness_activate_label(&t, "Reset the attempts of module 2");
    harness_click(&t, "Reset the attempts");
    assert_true(harness_shows(&t, "The attempts of module 2 were reset"));
    /* In the store: a reset event, nothing erased. */
    assert_int_equal(hrc_progress_get_module(s, who.id, "hrc-key-steps", &mp), HRC_PROGRESS_OK);
    assert_int_equal(mp.attempts, 0);
    assert_int_equal(mp.resets, 1);
    assert_false(mp.completed);
    tab = table_of(s, group_id(s, ROUEN), HRC_CLASS_BY_NAME);
    assert_int_equal(hrc_class_table_cell(tab, r, 1)->resets, 1);
    hrc_class_table_free(tab);
    /* The dashboard beneath follows: the row says it. */
    harness_key(&t, HRC_IN_BACK);
    snprintf(label, sizeof label, "%s; Module 1", who.name);
    scroll_to(&t, label);
    int i = harness_find_target(&t, label);
    assert_non_null(strstr(t.list.targets[i].label, "Module 2: in progress"));
    assert_non_null(strstr(t.list.targets[i].label, "attempts reset"));

    /* At their next sign-in the quiz starts again at attempt 1. */
    harness_activate_label(&t, "Lock");
    harness_type(&t, who.name);
    harness_tap_exact(&t, who.name);
    snprintf(label, sizeof label, "Welcome, %s", who.name);
    assert_true(harness_shows(&t, label));
    harness_activate_label(&t, "Module 2");
    harness_activate_label(&t, "Check your understanding");
    assert_true(harness_shows(&t, "attempt 1 of 3"));
    harness_stop(&t);
    hrc_progress_close(s);
}

static void rename_move_merge_delete(void **state)
{
    hrc_progress *s = class_copy("admin");
    int64_t lyon = group_id(s, LYON);
    hrc_class_table *tab = table_of(s, group_id(s, ROUEN), HRC_CLASS_BY_NAME);
    hrc_learner a = tab->learners[3], b = tab->learners[4], c = tab->learners[5];
    hrc_class_table_free(tab);
    /* A second profile of a's person: signed up again, did a little. */
    assert_int_equal(hrc_progress_check_facilitator_pin(s, PIN), HRC_PROGRESS_OK);
    char twin_name[HRC_LEARNER_NAME_MAX + 8];
    snprintf(twin_name, sizeof twin_name, "%s 2", a.name);
    int64_t twin;
    assert_int_equal(hrc_progress_add_learner(s, twin_name, NULL, NULL, &twin), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_learner_group(s, twin, group_id(s, ROUEN)),
                     HRC_PROGRESS_OK);
    hrc_module_ref ref = {course->modules[0]->id, course->modules[0]->version,
                          course->modules[0]->content_hash};
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(s, twin, &ref, &session), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_record_view(s, &session, hrc_item_id(&course->modules[0]->items[0]),
                                              5000), HRC_PROGRESS_OK);
    hrc_progress_lock(s);
    int64_t events_a = 0, events_twin = 0;
    hrc_module_progress *mods = NULL;
    size_t nm = 0;
    assert_int_equal(hrc_progress_list_modules(s, a.id, &mods, &nm), HRC_PROGRESS_OK);
    for (size_t i = 0; i < nm; i++)
        events_a += mods[i].n_events;
    free(mods);
    assert_int_equal(hrc_progress_list_modules(s, twin, &mods, &nm), HRC_PROGRESS_OK);
    for (size_t i = 0; i < nm; i++)
        events_twin += mods[i].n_events;
    size_t twin_modules = nm;
    free(mods);
    size_t learners_before = count_learners(s);

    harness t;
    start(&t, s, false);
    unlock(&t);
    harness_activate_label(&t, ROUEN);

    /* Rename b, by keyboard. */
    char label[600];
    snprintf(label, sizeof label, "%s; Module 1", b.name);
    scroll_to(&t, label);
    harness_activate_label(&t, label);
    harness_activate_label(&t, "Rename");
    assert_true(hrc_app_wants_text(t.app));
    erase(&t, strlen(b.name));
    harness_type(&t, "Bea Renamed");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "is now called Bea Renamed."));
    assert_string_equal(learner(s, b.id).name, "Bea Renamed");
    /* A name that is refused stays typed, with the reason. */
    harness_activate_label(&t, "Rename");
    erase(&t, 20);
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "Could not rename"));
    harness_key(&t, HRC_IN_BACK);
    /* Move b to Lyon, by pointer. */
    harness_click(&t, "Move to a group");
    harness_click(&t, LYON);
    assert_true(harness_shows(&t, "is now in: Lyon."));
    assert_int_equal(learner(s, b.id).group_id, lyon);
    harness_key(&t, HRC_IN_BACK);
    assert_int_equal(harness_find_target(&t, "Bea Renamed"), -1); /* no longer in Rouen */

    /* Merge: from the twin, keep a (name, PIN, group), every event kept. */
    snprintf(label, sizeof label, "%s; Module 1", twin_name);
    scroll_to(&t, label);
    harness_activate_label(&t, label);
    harness_activate_label(&t, "Merge with another profile");
    harness_type(&t, a.name);
    char pick[600];
    snprintf(pick, sizeof pick, "%s \xc2\xb7 " ROUEN, a.name);
    harness_activate_label(&t, pick);
    assert_true(harness_shows(&t, "Kept, with its name, PIN and group"));
    assert_true(harness_shows(&t, "Merged into it, then removed"));
    char keep_line[600];
    snprintf(keep_line, sizeof keep_line, "Keep %s instead", a.name);
    harness_activate_label(&t, keep_line);
    snprintf(keep_line, sizeof keep_line, "Merge into %s", a.name);
    harness_activate_label(&t, keep_line);
    assert_true(harness_shows(&t, "was merged into"));
    assert_true(harness_shows(&t, a.name)); /* the screen shows the profile kept */
    assert_int_equal(count_learners(s), learners_before - 1);
    hrc_learner gone;
    assert_int_equal(hrc_progress_get_learner(s, twin, &gone), HRC_PROGRESS_ERR_NOT_FOUND);
    assert_string_equal(learner(s, a.id).name, a.name);
    int64_t events_after = 0;
    assert_int_equal(hrc_progress_list_modules(s, a.id, &mods, &nm), HRC_PROGRESS_OK);
    for (size_t i = 0; i < nm; i++)
        events_after += mods[i].n_events;
    free(mods);
    /* Every event of both, and a "merged" event in each module of the twin's. */
    assert_int_equal(events_after, events_a + events_twin + (int64_t)twin_modules);

    /* Delete c, asked first. */
    harness_key(&t, HRC_IN_BACK);
    snprintf(label, sizeof label, "%s; Module 1", c.name);
    scroll_to(&t, label);
    harness_activate_label(&t, label);
    harness_activate_label(&t, "Delete");
    assert_string_equal(harness_focused(&t), "Cancel");
    harness_click(&t, "Delete");
    char gone_line[600];
    snprintf(gone_line, sizeof gone_line, "%s and all their records were deleted.", c.name);
    assert_true(harness_shows(&t, gone_line));
    assert_int_equal(hrc_progress_get_learner(s, c.id, &gone), HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(count_learners(s), learners_before - 2);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- Groups ------------------------------------------------------------ */

static void groups_made_opened_renamed_deleted(void **state)
{
    hrc_progress *s = class_copy("groups");
    harness t;
    start(&t, s, true);
    unlock(&t);
    harness_activate_label(&t, "Groups");
    assert_true(harness_shows(&t, ROUEN));
    assert_true(harness_shows(&t, "No group is open"));
    harness_check_all_sizes(&t, 6, true);
    /* A new one, typed on the on-screen keyboard, the day after today. */
    harness_activate_label(&t, "New group");
    assert_true(hrc_app_wants_text(t.app));
    assert_true(harness_shows(&t, "Day: 12 March 2026")); /* today, by default */
    harness_tap_exact(&t, "L");
    harness_tap_exact(&t, "i");
    harness_tap_exact(&t, "l");
    harness_tap_exact(&t, "l");
    harness_tap_exact(&t, "e");
    harness_check_all_sizes(&t, 6, true);
    harness_click(&t, "Day after");
    assert_true(harness_shows(&t, "Day: 13 March 2026"));
    harness_click(&t, "Create the group");
    assert_true(harness_shows(&t, "The group Lille was made, and new learners join it."));
    hrc_group g;
    assert_int_equal(hrc_progress_find_group(s, "Lille", &g), HRC_PROGRESS_OK);
    assert_string_equal(g.day, "2026-03-13");
    int64_t open = 0;
    assert_int_equal(hrc_progress_open_group(s, &open), HRC_PROGRESS_OK);
    assert_int_equal(open, g.id);
    /* The same name again is refused, with a reason. */
    harness_click(&t, "New group");
    harness_type(&t, "LILLE");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "Another group has this name"));
    harness_key(&t, HRC_IN_BACK);
    /* Renamed. */
    harness_activate_label(&t, "Rename Lille");
    erase(&t, 10);
    harness_type(&t, "Lille, 13 March");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_int_equal(hrc_progress_get_group(s, g.id, &g), HRC_PROGRESS_OK);
    assert_string_equal(g.name, "Lille, 13 March");
    /* Open another: one at most. */
    harness_activate_label(&t, "Open " LYON " for new learners");
    assert_int_equal(hrc_progress_open_group(s, &open), HRC_PROGRESS_OK);
    assert_int_equal(open, group_id(s, LYON));
    /* The dashboard says which is open, and shows a group's class. */
    harness_activate_label(&t, "Show the class of " LYON);
    assert_true(harness_shows(&t, "is the open group"));
    assert_true(harness_shows(&t, "8 learners"));
    harness_activate_label(&t, "Groups");
    harness_activate_label(&t, "Close " LYON);
    assert_int_equal(hrc_progress_open_group(s, &open), HRC_PROGRESS_OK);
    assert_int_equal(open, 0);
    /* Deleted: its learners stay, in no group. */
    size_t before = count_learners(s);
    harness_activate_label(&t, "Delete " LYON);
    assert_true(harness_shows(&t, "Its 8 learners stay on this kiosk, in no group"));
    assert_string_equal(harness_focused(&t), "Cancel");
    harness_click(&t, "Delete the group");
    assert_int_equal(hrc_progress_find_group(s, LYON, &g), HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(count_learners(s), before);
    harness_key(&t, HRC_IN_BACK);
    harness_activate_label(&t, "No group");
    assert_true(harness_shows(&t, "10 learners"));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- The questions the room got wrong -------------------------------- */

static void questions_are_the_groups_item_statistics(void **state)
{
    hrc_progress *s = class_copy("questions");
    int64_t rouen = group_id(s, ROUEN);
    char stick[256];
    snprintf(stick, sizeof stick, "%s/stick-q", tmp);
    mkdir(stick, 0700);
    harness_forget_folders();
    harness_plug(stick);
    harness t;
    start(&t, s, true);
    unlock(&t);
    harness_activate_label(&t, ROUEN);
    /* Counted at the tick after the screen says so. */
    t.manual_ticks = true;
    harness_activate_label(&t, "Questions the room got wrong");
    assert_true(harness_shows(&t, "Counting the answers"));
    assert_false(harness_shows(&t, "right on the first try"));
    harness_key(&t, HRC_IN_TICK);
    t.manual_ticks = false;
    assert_true(harness_shows(&t, "Rouen, 12 March"));

    hrc_itemstats *st = NULL;
    const hrc_item_stat *items = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_item_stats(s, course, rouen, &st), HRC_PROGRESS_OK);
    assert_int_equal(hrc_itemstats_compute(st, &items, &n), 0);
    char line[1024];
    snprintf(line, sizeof line, "%zu learners answered", hrc_itemstats_learners(st));
    assert_true(harness_shows(&t, line));
    /* The hardest three, figure for figure. */
    for (size_t i = 0; i < 3; i++) {
        const hrc_item_stat *it = &items[i];
        snprintf(line, sizeof line, "Hardest %zu \xc2\xb7 Module %zu \xc2\xb7 quiz %zu \xc2\xb7 "
                                    "question %zu",
                 i + 1, it->module_index + 1, it->quiz_number, it->question_number);
        assert_true(harness_shows(&t, line));
        snprintf(line, sizeof line, "%zu of %zu learners right on the first try (%d%%)",
                 it->right_first, it->answered, (int)(it->p_right * 100 + 0.5));
        assert_true(harness_shows(&t, line));
        if (it->wrong_choice >= 0) {
            char wrong[512];
            hrc_itemstats_describe(it->question, it->question->choices[it->wrong_choice].id, "en",
                                   it->module->default_lang, wrong, sizeof wrong);
            snprintf(line, sizeof line, "Wrong answer given most: \xe2\x80\x9c%s\xe2\x80\x9d, by %zu",
                     wrong, it->wrong_choice_count);
            assert_true(harness_shows(&t, line));
        }
        if (it->has_discrimination) {
            snprintf(line, sizeof line, "Discrimination %.2f: ", it->discrimination);
            assert_true(harness_shows(&t, line));
        }
    }
    hrc_itemstats_free(st);
    harness_check_all_sizes(&t, 30, true);
    /* As CSV, to the stick. */
    harness_activate_label(&t, "Save as a spreadsheet");
    harness_activate_label(&t, "Drive stick-q");
    assert_true(harness_shows(&t, "Saved in"));
    DIR *d = opendir(stick);
    struct dirent *e;
    bool found = false;
    while ((e = readdir(d)) != NULL)
        found |= strncmp(e->d_name, "hrc-questions-rouen-12-march-", 29) == 0;
    closedir(d);
    assert_true(found);
    /* On the projector: the same group's hardest question, no names;
     * Escape comes back to the figures. */
    harness_activate_label(&t, "Show on the projector");
    assert_true(harness_find_exact(&t, "Leave presenter mode") >= 0);
    assert_false(harness_shows(&t, "Aïcha"));
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_find_exact(&t, "Leave presenter mode") < 0);
    assert_true(harness_shows(&t, "Wrong answer given most"));
    assert_true(hrc_progress_is_unlocked(s));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- Paper ------------------------------------------------------------- */

static size_t files_in(const char *dir, const char *prefix, char *first, size_t size)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) {
            if (!n && first)
                snprintf(first, size, "%s/%s", dir, e->d_name);
            n++;
        }
    closedir(d);
    return n;
}

static void report_and_certificates_to_a_stick(void **state)
{
    hrc_progress *s = class_copy("paper");
    int64_t rouen = group_id(s, ROUEN);
    char stick[256];
    snprintf(stick, sizeof stick, "%s/STICK", tmp);
    mkdir(stick, 0700);
    harness_forget_folders();
    harness_plug(stick);
    hrc_class_table *tab = table_of(s, rouen, HRC_CLASS_BY_NAME);
    size_t finished = 0;
    for (size_t r = 0; r < tab->n_learners; r++) {
        size_t done = 0;
        for (size_t m = 0; m < tab->n_modules; m++)
            done += hrc_class_table_cell(tab, r, m)->status == HRC_CELL_COMPLETED;
        finished += done == tab->n_modules;
    }
    hrc_class_table_free(tab);
    assert_true(finished > 0);
    harness t;
    start(&t, s, true);
    unlock(&t);
    harness_activate_label(&t, ROUEN);
    harness_activate_label(&t, "Reports and certificates");
    char line[200];
    snprintf(line, sizeof line, "%zu learners of 30 completed the course.", finished);
    assert_true(harness_shows(&t, line));
    harness_check_all_sizes(&t, 4, true);
    /* The report: shown at work first, made at the next tick. */
    harness_activate_label(&t, "Save the class report");
    t.manual_ticks = true;
    harness_activate_label(&t, "Drive STICK");
    assert_true(harness_shows(&t, "Making the class report"));
    assert_int_equal(files_in(stick, "hrc-report-", NULL, 0), 0);
    harness_key(&t, HRC_IN_TICK);
    t.manual_ticks = false;
    assert_true(harness_shows(&t, "The class report was saved in STICK"));
    char pdf[600];
    assert_int_equal(files_in(stick, "hrc-report-rouen-12-march-", pdf, sizeof pdf), 1);
    FILE *f = fopen(pdf, "rb");
    char magic[6] = "";
    assert_non_null(f);
    assert_int_equal(fread(magic, 1, 5, f), 5);
    fclose(f);
    assert_string_equal(magic, "%PDF-");
    /* The certificates: one for each who completed the course. */
    harness_activate_label(&t, "Save the certificates");
    harness_activate_label(&t, "Drive STICK");
    snprintf(line, sizeof line, "%zu certificates were saved in STICK", finished);
    assert_true(harness_shows(&t, line));
    char sub[600];
    assert_int_equal(files_in(stick, "hrc-certificates-", sub, sizeof sub), 1);
    assert_int_equal(files_in(sub, "certificate-", NULL, 0), finished);
    /* Read back when poppler is there: the report names the learners. */
    if (system("command -v pdftotext >/dev/null 2>&1") == 0) {
        char cmd[1400];
        snprintf(cmd, sizeof cmd, "pdftotext '%s' - | grep -q 'Class report'", pdf);
        assert_int_equal(system(cmd), 0);
        snprintf(cmd, sizeof cmd, "pdftotext '%s' - | grep -q 'Rouen, 12 March'", pdf);
        assert_int_equal(system(cmd), 0);
    }
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- A class list ------------------------------------------------------ */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void class_list_previewed_then_imported(void **state)
{
    hrc_progress *s = class_copy("import");
    char stick[256], good[400], bad[400];
    snprintf(stick, sizeof stick, "%s/LISTS", tmp);
    mkdir(stick, 0700);
    snprintf(good, sizeof good, "%s/rouen.csv", stick);
    snprintf(bad, sizeof bad, "%s/broken.csv", stick);
    write_file(good, "Name;Group\nIris Nouvelle;\nPaul Nouveau;Lille\nIris Nouvelle;\n"
                     "Ana Tremblay;\n");
    write_file(bad, "Name\nGood Name\n\"Open quote\nAnother\n");
    harness_forget_folders();
    harness_plug(stick);
    harness_add_file(bad, 40);
    harness_add_file(good, 80);
    size_t before = count_learners(s);
    harness t;
    start(&t, s, true);
    unlock(&t);
    harness_activate_label(&t, "Import a class list");
    harness_activate_label(&t, "Drive LISTS");
    assert_true(harness_shows(&t, "rouen.csv"));
    assert_true(harness_shows(&t, "broken.csv"));
    /* The broken list: refused, with its line. */
    harness_activate_label(&t, "broken.csv");
    assert_true(harness_shows(&t, "line 3"));
    assert_true(harness_shows(&t, "nothing can be imported"));
    assert_int_equal(harness_find_target(&t, "Import "), -1);
    harness_check_all_sizes(&t, 4, true);
    /* The good one: previewed (nothing added yet), then imported. */
    harness_activate_label(&t, "Choose another file");
    t.manual_ticks = true;
    harness_activate_label(&t, "rouen.csv");
    assert_true(harness_shows(&t, "Reading the list"));
    harness_key(&t, HRC_IN_TICK);
    t.manual_ticks = false;
    assert_true(harness_shows(&t, "3 learners will be added"));
    assert_true(harness_shows(&t, "1 duplicate skipped"));
    assert_true(harness_shows(&t, "1 new group"));
    assert_true(harness_shows(&t, "line 4"));
    assert_int_equal(count_learners(s), before);
    harness_check_all_sizes(&t, 4, true);
    harness_activate_label(&t, "Import 3 learners");
    assert_true(harness_shows(&t, "3 learners were added."));
    assert_int_equal(count_learners(s), before + 3);
    hrc_group g;
    assert_int_equal(hrc_progress_find_group(s, "Lille", &g), HRC_PROGRESS_OK);
    /* The dashboard beneath has them. */
    harness_activate_label(&t, "See the class");
    scroll_to(&t, "Iris Nouvelle");
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- The hub and the kiosk's settings fit ----------------------------- */

static void every_trainer_screen_fits(void **state)
{
    hrc_progress *s = class_copy("geometry");
    static const int sizes[] = {100, 200};
    for (size_t k = 0; k < 2; k++) {
        harness t;
        harness_start_course(&t, COURSE, &(hrc_app_config){.kiosk = true, .progress = s,
                                                           .text_scale_percent = sizes[k]});
        unlock(&t);
        harness_check_all_sizes(&t, 20, true);
        static const char *const ways[] = {"Groups", "Reports and certificates",
                                           "Import a class list", "Kiosk settings"};
        for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++) {
            scroll_to(&t, ways[i]);
            harness_activate_label(&t, ways[i]);
            harness_check_all_sizes(&t, 8, true);
            harness_key(&t, HRC_IN_BACK);
        }
        scroll_to(&t, "Walk-in One");
        harness_activate_label(&t, "Walk-in One");
        harness_check_all_sizes(&t, 6, true);
        harness_activate_label(&t, "Merge with another profile");
        harness_check_all_sizes(&t, 6, true);
        harness_stop(&t);
    }
    hrc_progress_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dashboard_fits_and_says_what_the_store_says),
        cmocka_unit_test(rows_by_keyboard_and_pointer),
        cmocka_unit_test(reset_attempts_then_the_quiz_starts_at_attempt_1),
        cmocka_unit_test(rename_move_merge_delete),
        cmocka_unit_test(groups_made_opened_renamed_deleted),
        cmocka_unit_test(the_trainer_gets_in_by_touch_alone),
        cmocka_unit_test(questions_are_the_groups_item_statistics),
        cmocka_unit_test(report_and_certificates_to_a_stick),
        cmocka_unit_test(class_list_previewed_then_imported),
        cmocka_unit_test(every_trainer_screen_fits),
    };
    return cmocka_run_group_tests(tests, make_class, remove_class);
}
