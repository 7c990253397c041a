/* Folder watching (io/watch.h) with real files in a temporary folder. */
#include "io/watch.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { QUIET = 50, SOON = 3000, NOTHING = 250 };

typedef struct fixture {
    char dir[64];
    hrc_watch *w;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/hrc-watch-XXXXXX");
    if (!mkdtemp(f->dir) || hrc_watch_new(&f->w) || hrc_watch_add_dir(f->w, f->dir))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hrc_watch_free(f->w);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc;
}

static void put(const fixture *f, const char *name, const char *text)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

static void path_of(const fixture *f, const char *name, char *out, size_t size)
{
    snprintf(out, size, "%s/%s", f->dir, name);
}

static void a_saved_module_is_seen(void **state)
{
    fixture *f = *state;
    put(f, "m.xml", "<module/>");
    assert_int_equal(hrc_watch_wait(f->w, SOON, QUIET), HRC_WATCH_CHANGED);
    /* The save was one change: nothing is left over. */
    assert_int_equal(hrc_watch_wait(f->w, NOTHING, QUIET), HRC_WATCH_TIMEOUT);
}

static void nothing_changed_times_out(void **state)
{
    fixture *f = *state;
    assert_int_equal(hrc_watch_wait(f->w, NOTHING, QUIET), HRC_WATCH_TIMEOUT);
}

static void a_burst_of_writes_is_one_change(void **state)
{
    fixture *f = *state;
    char path[160];
    path_of(f, "m.xml", path, sizeof path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    for (int i = 0; i < 5; i++) { /* an editor writing in pieces */
        assert_int_equal(write(fd, "<module>", 8), 8);
        usleep(10 * 1000);
    }
    close(fd);
    assert_int_equal(hrc_watch_wait(f->w, SOON, QUIET), HRC_WATCH_CHANGED);
    assert_int_equal(hrc_watch_wait(f->w, NOTHING, QUIET), HRC_WATCH_TIMEOUT);
}

static void a_rename_over_the_module_is_seen(void **state)
{
    fixture *f = *state;
    put(f, "m.xml", "old");
    assert_int_equal(hrc_watch_wait(f->w, SOON, QUIET), HRC_WATCH_CHANGED);
    /* Write a hidden temporary file: that alone is no change... */
    put(f, ".m.xml.tmp", "new");
    assert_int_equal(hrc_watch_wait(f->w, NOTHING, QUIET), HRC_WATCH_TIMEOUT);
    /* ...then rename it over the module, as many editors save. */
    char from[160], to[160];
    path_of(f, ".m.xml.tmp", from, sizeof from);
    path_of(f, "m.xml", to, sizeof to);
    assert_int_equal(rename(from, to), 0);
    assert_int_equal(hrc_watch_wait(f->w, SOON, QUIET), HRC_WATCH_CHANGED);
}

static void a_deleted_module_is_seen(void **state)
{
    fixture *f = *state;
    put(f, "m.xml", "x");
    assert_int_equal(hrc_watch_wait(f->w, SOON, QUIET), HRC_WATCH_CHANGED);
    char path[160];
    path_of(f, "m.xml", path, sizeof path);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(hrc_watch_wait(f->w, SOON, QUIET), HRC_WATCH_CHANGED);
}

static void an_image_in_another_folder_is_seen(void **state)
{
    fixture *f = *state;
    char images[160];
    path_of(f, "images", images, sizeof images);
    assert_int_equal(mkdir(images, 0755), 0);
    assert_int_equal(hrc_watch_wait(f->w, NOTHING, QUIET), HRC_WATCH_TIMEOUT);
    assert_int_equal(hrc_watch_add_dir(f->w, images), 0);
    put(f, "images/photo.png", "not really a PNG");
    assert_int_equal(hrc_watch_wait(f->w, SOON, QUIET), HRC_WATCH_CHANGED);
}

static void editor_droppings_are_ignored(void **state)
{
    fixture *f = *state;
    put(f, ".m.xml.swp", "x");
    put(f, "m.xml~", "x");
    put(f, "4913", "x"); /* vim's test file */
    put(f, "notes.txt", "x");
    assert_int_equal(hrc_watch_wait(f->w, NOTHING, QUIET), HRC_WATCH_TIMEOUT);
}

static void names_that_matter(void **state)
{
    (void)state;
    assert_true(hrc_watch_name_matters("01-intro.xml"));
    assert_true(hrc_watch_name_matters("PHOTO.JPG"));
    assert_true(hrc_watch_name_matters("map.png"));
    assert_false(hrc_watch_name_matters(".01-intro.xml.swp"));
    assert_false(hrc_watch_name_matters(".goutputstream-ABC123"));
    assert_false(hrc_watch_name_matters("01-intro.xml~"));
    assert_false(hrc_watch_name_matters(""));
    assert_false(hrc_watch_name_matters(NULL));
}

static void interrupt_wakes_a_waiter(void **state)
{
    fixture *f = *state;
    hrc_watch_interrupt(f->w);
    assert_int_equal(hrc_watch_wait(f->w, -1, QUIET), HRC_WATCH_INTERRUPTED);
}

static void a_missing_folder_is_an_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(hrc_watch_add_dir(f->w, "/nonexistent/hrc-watch"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_saved_module_is_seen, setup, teardown),
        cmocka_unit_test_setup_teardown(nothing_changed_times_out, setup, teardown),
        cmocka_unit_test_setup_teardown(a_burst_of_writes_is_one_change, setup, teardown),
        cmocka_unit_test_setup_teardown(a_rename_over_the_module_is_seen, setup, teardown),
        cmocka_unit_test_setup_teardown(a_deleted_module_is_seen, setup, teardown),
        cmocka_unit_test_setup_teardown(an_image_in_another_folder_is_seen, setup, teardown),
        cmocka_unit_test_setup_teardown(editor_droppings_are_ignored, setup, teardown),
        cmocka_unit_test(names_that_matter),
        cmocka_unit_test_setup_teardown(interrupt_wakes_a_waiter, setup, teardown),
        cmocka_unit_test_setup_teardown(a_missing_folder_is_an_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
