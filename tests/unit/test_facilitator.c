/* The facilitator screen with a real progress store in a temporary folder:
 * deleting a learner after a confirmation (keyboard and pointer), exports
 * to a removable drive in a fake folder tree, and the progress store's
 * problems shown on screen (a damaged file kept aside, no store at all). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "core/quiz.h"
#include "io/lrs_worker.h"
#include "io/progress.h"
#include "io/export_folders.h"

#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PIN "2468"

static char tmp[64];

static int make_tmp(void **state)
{
    snprintf(tmp, sizeof tmp, "/tmp/hrc-facil-XXXXXX");
    return mkdtemp(tmp) ? 0 : -1;
}

static int remove_tmp(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

/* tmp/a/b/c, made with its parents. */
static const char *path_in_tmp(char *out, size_t size, const char *rel)
{
    snprintf(out, size, "%s/%s", tmp, rel);
    for (char *p = out + strlen(tmp) + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(out, 0700);
            *p = '/';
        }
    return out;
}

static void make_dir(const char *rel)
{
    char path[512];
    path_in_tmp(path, sizeof path, rel);
    assert_int_equal(mkdir(path, 0700), 0);
}

static void write_file(const char *rel, const char *text)
{
    char path[512];
    FILE *f = fopen(path_in_tmp(path, sizeof path, rel), "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A store in tmp/<name> with a facilitator PIN and learners who each
 * viewed a page of module "m1". */
static hrc_progress *store_with(const char *name, const char *const *learners, size_t n,
                                int64_t *ids)
{
    char dir[512];
    path_in_tmp(dir, sizeof dir, name);
    hrc_progress *s = NULL;
    assert_int_equal(hrc_progress_open(dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_setup_facilitator_pin(s, PIN), HRC_PROGRESS_OK);
    hrc_progress_lock(s);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(hrc_progress_add_learner(s, learners[i], NULL, NULL, &ids[i]),
                         HRC_PROGRESS_OK);
        hrc_module_ref ref = {"screens-fixture", 1, NULL}; /* the fixture course's */
        hrc_session session;
        assert_int_equal(hrc_progress_begin_session(s, ids[i], &ref, &session), HRC_PROGRESS_OK);
        assert_int_equal(hrc_progress_record_view(s, &session, "p1", 1000), HRC_PROGRESS_OK);
    }
    return s;
}

static void unlock(harness *t)
{
    harness_key(t, HRC_IN_FACILITATOR);
    assert_true(harness_shows(t, "Type the facilitator PIN"));
    harness_type(t, PIN);
    harness_key(t, HRC_IN_ACTIVATE);
    assert_true(harness_find_target(t, "Kiosk settings") >= 0); /* the class dashboard */
}

static size_t count_learners(hrc_progress *s)
{
    hrc_learner *l = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(s, &l, &n), HRC_PROGRESS_OK);
    free(l);
    return n;
}

/* ---- Export folders --------------------------------------------------- */

static void export_folders_in_a_fake_tree(void **state)
{
    make_dir("root1");
    make_dir("root1/media");
    make_dir("root1/media/ana");
    make_dir("root1/media/ana/KINGSTON");
    make_dir("root1/media/ana/SD card");
    make_dir("root1/media/OLDSTICK");
    make_dir("root1/media/.hidden");
    write_file("root1/media/notes.txt", "not a folder");
    make_dir("root1/run");
    make_dir("root1/run/media");
    make_dir("root1/run/media/bob");
    make_dir("root1/run/media/bob/LEXAR");
    make_dir("data1");
    char root[512], data[512];
    snprintf(root, sizeof root, "%s/root1", tmp);
    snprintf(data, sizeof data, "%s/data1", tmp);

    hrc_export_folder out[HRC_EXPORT_FOLDERS_MAX];
    hrc_export_search search = {.root = root, .user = "ana", .fallback = data};
    size_t n = hrc_export_folders_list(&search, out, HRC_EXPORT_FOLDERS_MAX);
    assert_int_equal(n, 5);
    const char *want[] = {"/media/ana/KINGSTON", "/media/ana/SD card", "/media/OLDSTICK",
                          "/run/media/bob/LEXAR"};
    for (size_t i = 0; i < 4; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s%s", root, want[i]);
        assert_string_equal(out[i].path, path);
        assert_true(out[i].removable);
    }
    assert_string_equal(out[0].name, "KINGSTON");
    assert_string_equal(out[4].path, data);
    assert_false(out[4].removable);

    /* Another user's folder under /media is not descended into, but listed. */
    search.user = "carla";
    n = hrc_export_folders_list(&search, out, HRC_EXPORT_FOLDERS_MAX);
    assert_int_equal(n, 4); /* media/OLDSTICK, media/ana, LEXAR, the data folder */

    /* No room: the first ones only. */
    search.user = "ana";
    assert_int_equal(hrc_export_folders_list(&search, out, 2), 2);
    /* Only mount points: a plain folder tree has none, the fallback stays. */
    search.mounts_only = true;
    n = hrc_export_folders_list(&search, out, HRC_EXPORT_FOLDERS_MAX);
    assert_int_equal(n, 1);
    assert_string_equal(out[0].path, data);
    /* With no $USER nor $LOGNAME (a kiosk service), the process's own user. */
    const struct passwd *pw = getpwuid(geteuid());
    assert_non_null(pw);
    char mine[600];
    snprintf(mine, sizeof mine, "root1/media/%s", pw->pw_name);
    make_dir(mine);
    snprintf(mine, sizeof mine, "root1/media/%s/MYSTICK", pw->pw_name);
    make_dir(mine);
    char *user = getenv("USER") ? strdup(getenv("USER")) : NULL;
    char *logname = getenv("LOGNAME") ? strdup(getenv("LOGNAME")) : NULL;
    unsetenv("USER");
    unsetenv("LOGNAME");
    hrc_export_search by_process = {.root = root};
    n = hrc_export_folders_list(&by_process, out, HRC_EXPORT_FOLDERS_MAX);
    assert_true(n >= 1);
    assert_string_equal(out[0].name, "MYSTICK");
    if (user)
        setenv("USER", user, 1);
    if (logname)
        setenv("LOGNAME", logname, 1);
    free(user);
    free(logname);
    /* Nothing there at all. */
    hrc_export_search none = {.root = "/nonexistent-hrc-root", .user = "ana",
                              .fallback = "/nonexistent-hrc-data"};
    assert_int_equal(hrc_export_folders_list(&none, out, HRC_EXPORT_FOLDERS_MAX), 0);
}

/* ---- Deleting a learner ------------------------------------------------ */

static void delete_learner_by_keyboard(void **state)
{
    const char *names[] = {"Ana", "Ben"};
    int64_t ids[2];
    hrc_progress *s = store_with("kbd", names, 2, ids);
    harness t;
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s});
    unlock(&t);
    assert_false(hrc_app_wants_text(t.app));
    assert_true(harness_shows(&t, "Ana"));
    /* Her row of the class says her module in words. */
    assert_true(harness_find_target(&t, "Ana; Module 1: in progress") >= 0);

    /* Asked first; the focus lands on Cancel, so Enter deletes nothing. */
    harness_activate_label(&t, "Ana");
    harness_activate_label(&t, "Delete");
    assert_true(harness_shows(&t, "Delete Ana and all their records?"));
    assert_string_equal(harness_focused(&t), "Cancel");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_false(harness_shows(&t, "Delete Ana and all their records?"));
    assert_int_equal(count_learners(s), 2);
    /* Escape also cancels, and stays on the learner. */
    harness_activate_label(&t, "Delete");
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_shows(&t, "They have no PIN"));
    assert_int_equal(count_learners(s), 2);

    harness_activate_label(&t, "Delete");
    assert_true(harness_tab_to(&t, "Delete"));
    assert_string_equal(harness_focused(&t), "Delete");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "Ana and all their records were deleted."));
    assert_int_equal(harness_find_target(&t, "Ana"), -1); /* back on the class, without her */
    assert_true(harness_find_target(&t, "Ben") >= 0);
    assert_int_equal(count_learners(s), 1);
    hrc_module_progress mp;
    assert_int_equal(hrc_progress_get_module(s, ids[0], "screens-fixture", &mp),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    assert_int_equal(hrc_progress_get_module(s, ids[1], "screens-fixture", &mp), HRC_PROGRESS_OK);

    /* Leaving locks the store; sign-in no longer finds Ana. */
    harness_key(&t, HRC_IN_BACK);
    assert_false(hrc_progress_is_unlocked(s));
    harness_type(&t, "b");
    assert_true(harness_find_target(&t, "Ben") >= 0);
    harness_key(&t, HRC_IN_BACKSPACE);
    harness_type(&t, "a");
    assert_int_equal(harness_find_target(&t, "Ana"), -1);
    assert_true(harness_shows(&t, "No name here starts with"));
    harness_stop(&t);
    hrc_progress_close(s);
}

static void delete_learner_by_pointer(void **state)
{
    const char *names[] = {"Ana", "Ben"};
    int64_t ids[2];
    hrc_progress *s = store_with("ptr", names, 2, ids);
    harness t;
    harness_start(&t, &(hrc_app_config){.progress = s});
    /* Ben is signed in while the facilitator deletes him. */
    harness_click(&t, "Ben");
    assert_true(harness_shows(&t, "Welcome, Ben"));
    unlock(&t);
    harness_click(&t, "Ben");
    harness_click(&t, "Delete");
    assert_true(harness_shows(&t, "Delete Ben and all their records?"));
    assert_string_equal(harness_focused(&t), ""); /* pointer users get no ring */
    harness_key(&t, HRC_IN_ACTIVATE);     /* Enter with nothing focused: nothing */
    assert_int_equal(count_learners(s), 2);
    harness_click(&t, "Cancel");
    assert_int_equal(count_learners(s), 2);
    harness_click(&t, "Delete");
    harness_click(&t, "Delete");
    assert_int_equal(count_learners(s), 1);
    assert_true(harness_shows(&t, "Ben and all their records were deleted."));
    /* Ben was signed out: Back leads to sign-in, without him. */
    harness_click(&t, "Back");
    assert_true(harness_shows(&t, "Welcome"));
    assert_true(harness_find_target(&t, "I am new here") >= 0);
    assert_int_equal(harness_find_target(&t, "Ben"), -1);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* A locked screen offers nothing but the PIN; a wrong PIN deletes nothing. */
static void nothing_without_the_pin(void **state)
{
    const char *names[] = {"Ana"};
    int64_t ids[1];
    hrc_progress *s = store_with("locked", names, 1, ids);
    harness t;
    harness_start(&t, &(hrc_app_config){.progress = s});
    harness_key(&t, HRC_IN_FACILITATOR);
    harness_type(&t, "1111");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "Wrong PIN"));
    assert_int_equal(harness_find_target(&t, "Delete"), -1);
    assert_int_equal(harness_find_target(&t, "Export"), -1);
    /* Unlocked, then left by the Back button: locked again next time. */
    harness_type(&t, PIN);
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_click(&t, "Back");
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_true(harness_shows(&t, "Type the facilitator PIN"));
    assert_false(hrc_progress_is_unlocked(s));
    assert_int_equal(harness_find_target(&t, "Delete Ana"), -1);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- Exports ---------------------------------------------------------- */

/* The first file in dir whose name ends with `ext`, read whole, or "". */
static void read_export(const char *dir, const char *ext, char *out, size_t size)
{
    out[0] = '\0';
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name), e = strlen(ext);
        if (n > e && strcmp(de->d_name + n - e, ext) == 0 &&
            strncmp(de->d_name, "hrc-progress-", 13) == 0) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            FILE *f = fopen(path, "rb");
            assert_non_null(f);
            size_t got = fread(out, 1, size - 1, f);
            out[got] = '\0';
            fclose(f);
            break;
        }
    }
    closedir(d);
}

static void export_to_a_usb_stick(void **state)
{
    const char *names[] = {"Ana"};
    int64_t ids[1];
    hrc_progress *s = store_with("exp", names, 1, ids);
    make_dir("root2");
    make_dir("root2/media");
    make_dir("root2/media/KINGSTON");
    make_dir("root2/media/GONE");
    char root[512], stick[600], gone[600], store_file[512];
    snprintf(root, sizeof root, "%s/root2", tmp);
    snprintf(stick, sizeof stick, "%s/media/KINGSTON", root);
    snprintf(gone, sizeof gone, "%s/media/GONE", root);
    snprintf(store_file, sizeof store_file, "%s/exp/progress.db", tmp);
    harness_forget_folders();
    harness_plug(gone);
    harness_plug(stick);
    harness t;
    harness_start(&t, &(hrc_app_config){.progress = s, .store_path = store_file});
    unlock(&t);
    harness_activate_label(&t, "Kiosk settings");
    harness_activate_label(&t, "Export progress");
    assert_true(harness_shows(&t, "Choose where to save"));
    assert_false(harness_shows(&t, "No USB stick"));
    assert_true(harness_find_target(&t, "Drive KINGSTON") >= 0);
    assert_true(harness_find_target(&t, "This computer") >= 0); /* the store's folder */
    assert_non_null(strstr(harness_focused(&t), "Drive GONE")); /* the first choice, by keyboard */

    /* The stick was pulled out after the list was made: a clear error. */
    assert_int_equal(rmdir(gone), 0);
    harness_unplug(gone);
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "Could not export to"));

    harness_click(&t, "Export progress");
    assert_int_equal(harness_find_target(&t, "Drive GONE"), -1);
    harness_click(&t, "Drive KINGSTON");
    assert_true(harness_shows(&t, "Saved in"));
    char text[8192];
    read_export(stick, ".csv", text, sizeof text);
    assert_non_null(strstr(text, "Ana"));
    assert_non_null(strstr(text, "screens-fixture"));
    read_export(stick, ".json", text, sizeof text);
    assert_non_null(strstr(text, "\"verb\""));

    /* Nothing plugged in: said so, and this computer is still offered. */
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", stick);
    assert_int_equal(system(cmd), 0);
    harness_unplug(stick);
    harness_click(&t, "Export progress");
    assert_true(harness_shows(&t, "No USB stick"));
    assert_true(harness_find_target(&t, "This computer") >= 0);
    harness_key(&t, HRC_IN_BACK); /* Escape closes the export list only */
    assert_true(harness_shows(&t, "Everyone's progress"));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* Typed as several text inputs, as an input method would send it. */
static void type_long(harness *t, const char *s)
{
    char chunk[16];
    for (size_t at = 0; s[at];) {
        size_t n = strnlen(s + at, sizeof chunk - 1);
        memcpy(chunk, s + at, n);
        chunk[n] = '\0';
        harness_type(t, chunk);
        at += n;
    }
}

static void erase(harness *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        harness_key(t, HRC_IN_BACKSPACE);
}

static void export_to_a_typed_folder(void **state)
{
    const char *names[] = {"Ana"};
    int64_t ids[1];
    hrc_progress *s = store_with("typed", names, 1, ids);
    make_dir("typed-out");
    char out[512], missing[512];
    snprintf(out, sizeof out, "%s/typed-out", tmp);
    snprintf(missing, sizeof missing, "%s/no-such-folder", tmp);
    harness_forget_folders();
    harness_add_folder(out);
    harness t;
    harness_start(&t, &(hrc_app_config){.progress = s});
    unlock(&t);
    assert_false(hrc_app_wants_text(t.app));
    harness_click(&t, "Kiosk settings");
    harness_click(&t, "Export progress");
    assert_true(harness_shows(&t, "No USB stick"));
    assert_true(hrc_app_wants_text(t.app)); /* typing goes to the folder field */

    harness_type(&t, "usb");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "Type the folder's full path, starting with /."));
    assert_true(harness_shows(&t, "Choose where to save")); /* still choosing */
    erase(&t, 3);
    type_long(&t, missing);
    harness_click(&t, "Export to this folder");
    assert_true(harness_shows(&t, "There is no folder with this path."));
    erase(&t, strlen(missing));
    type_long(&t, out);
    harness_key(&t, HRC_IN_ACTIVATE);
    char saved[600];
    snprintf(saved, sizeof saved, "Saved in %s", out);
    assert_true(harness_shows(&t, saved));
    char text[8192];
    read_export(out, ".csv", text, sizeof text);
    assert_non_null(strstr(text, "Ana"));
    assert_false(hrc_app_wants_text(t.app));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- The progress store's problems ------------------------------------ */

static void damaged_store_is_told(void **state)
{
    make_dir("bad");
    write_file("bad/progress.db", "this is not a database, it was cut by a power failure....."
                                  "................................................");
    char dir[512];
    snprintf(dir, sizeof dir, "%s/bad", tmp);
    hrc_progress *s = NULL;
    hrc_progress_open_info info = {0};
    assert_int_equal(hrc_progress_open(dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, &info),
                     HRC_PROGRESS_OK);
    assert_true(info.status & HRC_PROGRESS_RECOVERED);
    const char *kept = strrchr(info.moved_to, '/') + 1;
    assert_int_equal(hrc_progress_setup_facilitator_pin(s, PIN), HRC_PROGRESS_OK);
    hrc_progress_lock(s);

    harness t;
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s,
                                        .store_moved_aside = info.moved_to});
    char want[512];
    snprintf(want, sizeof want, "kept aside as %s", kept);
    assert_true(harness_shows(&t, "The progress file was damaged."));
    assert_true(harness_shows(&t, "Tell your facilitator."));
    assert_true(harness_shows(&t, want));
    harness_check_all_sizes(&t, 4, true);

    /* The facilitator screen says it too, with the whole path, even locked. */
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_true(harness_shows(&t, "The progress file was damaged."));
    harness_type(&t, PIN);
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_activate_label(&t, "Hide the notice");
    assert_false(harness_shows(&t, "The progress file was damaged."));
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_shows(&t, "Welcome"));
    assert_false(harness_shows(&t, "The progress file was damaged."));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* The store cannot be opened: the data folder lies under a plain file. */
static void unavailable_store_asks_first(void **state)
{
    write_file("plain-file", "x");
    char dir[512];
    snprintf(dir, sizeof dir, "%s/plain-file/data", tmp);
    hrc_progress *s = NULL;
    hrc_progress_open_info info = {0};
    assert_int_not_equal(hrc_progress_open(dir, 0, &s, &info), HRC_PROGRESS_OK);
    assert_null(s);
    assert_true(info.message[0] != '\0');
    hrc_app_config cfg = {.kiosk = true, .store_unavailable = true, .store_error = info.message};

    harness t;
    harness_start(&t, &cfg);
    assert_true(harness_shows(&t, "Progress cannot be saved"));
    assert_true(harness_shows(&t, "Reason:"));
    assert_true(harness_find_target(&t, "Play without saving progress") >= 0);
    assert_true(harness_find_target(&t, "Quit") >= 0);
    /* No way around the choice: no Settings, Escape and Ctrl+Alt+F do nothing. */
    assert_int_equal(harness_find_target(&t, "Settings"), -1);
    harness_key(&t, HRC_IN_BACK);
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_true(harness_shows(&t, "Progress cannot be saved"));
    assert_false(hrc_app_wants_text(t.app));
    harness_check_all_sizes(&t, 4, true);
    unsigned eff = harness_activate_label(&t, "Quit");
    assert_true(eff & HRC_APP_QUIT);
    harness_stop(&t);

    harness_start(&t, &cfg);
    harness_click(&t, "Play without saving progress");
    assert_true(harness_find_target(&t, "I am new here") >= 0);
    assert_true(harness_shows(&t, "Progress is not being saved on this computer."));
    harness_activate_label(&t, "Continue as guest");
    assert_true(harness_shows(&t, "Progress is not being saved on this computer."));
    /* The facilitator screen gives the reason too. */
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_true(harness_shows(&t, "The progress file could not be opened"));
    assert_false(hrc_app_wants_text(t.app)); /* no PIN to type */
    harness_stop(&t);
}

/* A kiosk without a facilitator PIN starts on its set-up screen (see
 * test_signin.c); Ctrl+Alt+F cannot choose one, whoever presses it first,
 * not even from Settings. Outside kiosk mode the person at the desktop
 * owns the session and chooses it here, typed twice. */
static void kiosk_without_pin_cannot_get_one_from_the_screen(void **state)
{
    char dir[512];
    path_in_tmp(dir, sizeof dir, "no-pin/store");
    hrc_progress *s = NULL;
    assert_int_equal(hrc_progress_open(dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL),
                     HRC_PROGRESS_OK);
    harness t;
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s});
    assert_true(harness_shows(&t, "Setting up this kiosk"));
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_false(harness_shows(&t, "Type the facilitator PIN"));
    assert_true(harness_shows(&t, "Setting up this kiosk"));
    harness_activate_label(&t, "Settings");
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_false(harness_shows(&t, "Facilitator"));
    assert_int_equal(harness_find_target(&t, "Leave kiosk mode"), -1);
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_shows(&t, "Setting up this kiosk"));
    bool has = true;
    assert_int_equal(hrc_progress_has_facilitator_pin(s, &has), HRC_PROGRESS_OK);
    assert_false(has);
    assert_false(hrc_progress_is_unlocked(s));
    harness_stop(&t);

    /* Outside kiosk mode, the person at the desktop owns it and may. */
    harness_start(&t, &(hrc_app_config){.progress = s});
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_true(harness_shows(&t, "No facilitator PIN is set yet"));
    harness_type(&t, "1111");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "Type the same PIN again"));
    harness_type(&t, "1112");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_shows(&t, "The two PINs are not the same"));
    assert_int_equal(hrc_progress_has_facilitator_pin(s, &has), HRC_PROGRESS_OK);
    assert_false(has);
    harness_type(&t, "1111");
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_type(&t, "1111");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_find_target(&t, "Kiosk settings") >= 0); /* the class dashboard */
    assert_int_equal(hrc_progress_has_facilitator_pin(s, &has), HRC_PROGRESS_OK);
    assert_true(has);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- Geometry ---------------------------------------------------------- */

static void facilitator_screens_fit(void **state)
{
    /* the longest name a learner can have: 64 characters */
    const char *names[] = {"Ana", "Maria Fernanda de los Angeles Gutierrez-Villanueva "
                                  "Rodriguez del",
                           "Zo\xc3\xab"};
    int64_t ids[3];
    hrc_progress *s = store_with("geo", names, 3, ids);
    make_dir("root3");
    make_dir("root3/media");
    make_dir("root3/media/A-VERY-LONG-USB-STICK-LABEL-THAT-GOES-ON-AND-ON");
    char stick[600], store_file[512];
    snprintf(stick, sizeof stick, "%s/root3/media/A-VERY-LONG-USB-STICK-LABEL-THAT-GOES-ON-AND-ON",
             tmp);
    snprintf(store_file, sizeof store_file, "%s/geo/progress.db", tmp);
    static const int text_sizes[] = {100, 200};
    for (size_t k = 0; k < 2; k++) {
        harness t;
        harness_forget_folders();
        harness_plug(stick);
        harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s,
                                            .text_scale_percent = text_sizes[k],
                                            .store_path = store_file,
                                            .store_moved_aside = "/a/progress.db.corrupt-x"});
        harness_check_all_sizes(&t, 6, true); /* sign-in with the notice */
        harness_key(&t, HRC_IN_FACILITATOR);
        harness_check_all_sizes(&t, 6, true); /* locked */
        harness_type(&t, PIN);
        harness_key(&t, HRC_IN_ACTIVATE);
        harness_check_all_sizes(&t, 12, true); /* the class dashboard */
        harness_activate_label(&t, "Maria");
        harness_check_all_sizes(&t, 6, true); /* the learner */
        harness_activate_label(&t, "Delete");
        assert_true(harness_shows(&t, "and all their records"));
        harness_check_all_sizes(&t, 6, true); /* the question */
        harness_key(&t, HRC_IN_BACK);
        harness_key(&t, HRC_IN_BACK);
        harness_activate_label(&t, "Kiosk settings");
        harness_check_all_sizes(&t, 8, true); /* the kiosk's settings */
        harness_activate_label(&t, "Export progress");
        harness_check_all_sizes(&t, 6, true); /* the folders */
        harness_stop(&t);
    }
    hrc_progress_close(s);
}

/* Random clicks, keys and text on the facilitator's screens, unlocked
 * again and again: nothing crashes, leaks or leaves its bounds, and a
 * learner is only ever deleted through "Delete" after the question. */
static void random_facilitator_inputs(void **state)
{
    const char *names[] = {"Ana", "Ben", "Chidi", "Dora"};
    int64_t ids[4];
    hrc_progress *s = store_with("random", names, 4, ids);
    make_dir("root5");
    make_dir("root5/media");
    make_dir("root5/media/STICK");
    char stick[600], store_file[512];
    snprintf(stick, sizeof stick, "%s/root5/media/STICK", tmp);
    snprintf(store_file, sizeof store_file, "%s/random/progress.db", tmp);
    harness t;
    harness_forget_folders();
    harness_plug(stick);
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s,
                                        .store_path = store_file,
                                        .store_moved_aside = "/x/progress.db.corrupt-1"});
    t.check_geometry = true;
    hrc_rng rng;
    hrc_rng_seed(&rng, 42);
    int deleted = 0;
    for (int i = 0; i < 1500; i++) {
        if (i % 60 == 0) {
            harness_key(&t, HRC_IN_FACILITATOR);
            harness_type(&t, PIN);
            harness_key(&t, HRC_IN_ACTIVATE);
        }
        /* Deleting asks; a merge says which profile goes. */
        bool asking = harness_shows(&t, "and all their records") ||
                      harness_shows(&t, "Merged into it, then removed");
        size_t before = count_learners(s);
        size_t r = hrc_rng_below(&rng, 100);
        if (r < 50 && t.list.n_targets) {
            hrc_rect tr = t.list.targets[hrc_rng_below(&rng, t.list.n_targets)].rect;
            int x = tr.x + tr.w / 2, y = tr.y + tr.h / 2;
            harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = x, .y = y});
            harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = x, .y = y});
        } else if (r < 60) {
            static const char *const texts[] = {"/", "tmp", "\xc3\xa9", "12", "\x01"};
            harness_type(&t, texts[hrc_rng_below(&rng, 5)]);
        } else if (r < 65) {
            harness_key(&t, HRC_IN_BACKSPACE);
        } else {
            static const hrc_input_kind keys[] = {HRC_IN_NEXT, HRC_IN_PREV, HRC_IN_ACTIVATE,
                                                  HRC_IN_BACK, HRC_IN_DOWN, HRC_IN_PAGE_DOWN,
                                                  HRC_IN_HOME, HRC_IN_ZOOM_IN, HRC_IN_ZOOM_OUT};
            harness_key(&t, keys[hrc_rng_below(&rng, sizeof keys / sizeof keys[0])]);
        }
        if (count_learners(s) < before) {
            if (!asking)
                fail_msg("input %d deleted a learner without asking first", i);
            deleted++;
        }
    }
    harness_stop(&t);
    printf("random inputs: %d learners deleted, each after the question\n", deleted);
    hrc_progress_close(s);
}

static bool fake_sync_status(void *user, struct hrc_lrs_status *out)
{
    *out = *(const hrc_lrs_status *)user;
    return true;
}

/* The background sync to an LRS, on the facilitator's unlocked screen:
 * when it last went through, what waits, what was refused and why, and
 * what went wrong last. */
static void sync_status_is_shown(void **state)
{
    (void)state;
    const char *names[] = {"Ana"};
    int64_t ids[1];
    hrc_progress *s = store_with("sync", names, 1, ids);
    hrc_lrs_status st = {.runs = 4, .last_success_s = 1767261600, .pending = 12,
                         .refused = 2};
    snprintf(st.refused_reason, sizeof st.refused_reason, "%s",
             "Problem in 'statements.0.context.registration'");
    st.last_error.result = HRC_LRS_ERR_NETWORK;
    snprintf(st.last_error.detail, sizeof st.last_error.detail, "%s", "Connection refused");
    harness t;
    harness_start(&t, &(hrc_app_config){.progress = s, .sync_status = fake_sync_status,
                                        .sync_status_user = &st});
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_false(harness_shows(&t, "Learning record store")); /* not before the PIN */
    harness_type(&t, PIN);
    harness_key(&t, HRC_IN_ACTIVATE);
    harness_activate_label(&t, "Kiosk settings");
    assert_true(harness_shows(&t, "Learning record store"));
    char when[64], line[128];
    time_t at = (time_t)st.last_success_s;
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&at, &tm));
    snprintf(line, sizeof line, "Last successful sync: %s", when);
    assert_true(harness_shows(&t, line));
    assert_true(harness_shows(&t, "12 statements waiting to be sent."));
    assert_true(harness_shows(&t, "2 statements refused by the LRS and set aside; the latest: "
                          "Problem in 'statements.0.context.registration'"));
    assert_true(
        harness_shows(&t, "Last problem: the LRS could not be reached (Connection refused)"));

    /* Never synced, one waiting, nothing wrong. */
    st = (hrc_lrs_status){.syncing = true, .pending = 1};
    harness_draw(&t);
    assert_true(harness_shows(&t, "No successful sync yet."));
    assert_true(harness_shows(&t, "1 statement waiting to be sent."));
    assert_false(harness_shows(&t, "Last problem"));
    assert_false(harness_shows(&t, "refused"));
    harness_stop(&t);
    hrc_progress_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(export_folders_in_a_fake_tree),
        cmocka_unit_test(delete_learner_by_keyboard),
        cmocka_unit_test(delete_learner_by_pointer),
        cmocka_unit_test(nothing_without_the_pin),
        cmocka_unit_test(export_to_a_usb_stick),
        cmocka_unit_test(export_to_a_typed_folder),
        cmocka_unit_test(damaged_store_is_told),
        cmocka_unit_test(unavailable_store_asks_first),
        cmocka_unit_test(kiosk_without_pin_cannot_get_one_from_the_screen),
        cmocka_unit_test(facilitator_screens_fit),
        cmocka_unit_test(random_facilitator_inputs),
        cmocka_unit_test(sync_status_is_shown),
    };
    return cmocka_run_group_tests(tests, make_tmp, remove_tmp);
}
