/* Shared by the screen tests: fake text metrics, the fixture course,
 * scripted input and draw-list checks. */
#ifndef HRC_SCREENS_HARNESS_H
#define HRC_SCREENS_HARNESS_H

#include "core/draw.h"
#include "core/model.h"
#include "screens/app.h"

#include <stdbool.h>
#include <stdint.h>

extern const hrc_text_metrics fake_metrics;

/*
 * The machine the screen tests run on (io/host.h), faked: no folder is
 * ever listed or looked at on disk, and the wall clock stands still. Removable drives are "plugged in" by
 * the test; a typed folder exists only when the test says so. The
 * language switch is gettext's own, which is the process's, not a file.
 * harness_start() uses it unless the test gives its own host.
 */
const struct hrc_host *harness_host(void);
void harness_plug(const char *path);   /* a removable drive mounted at path */
void harness_unplug(const char *path); /* ... pulled out */
void harness_add_folder(const char *path); /* a folder a facilitator may type */
void harness_forget_folders(void);     /* nothing plugged in, no folder, no file */
/* A file the host lists in its folder (a class list on a stick): the test
 * writes it for real when the screen is to read it. */
void harness_add_file(const char *path, int64_t size);
void harness_forget_files(void);
/* The host's wall clock: 12 March 2026, 10:00 UTC (the time zone is UTC). */
#define HARNESS_WALL_MS INT64_C(1773309600000)

typedef struct harness {
    hrc_course *course;
    hrc_app *app;
    hrc_draw_list list;
    int w, h;
    float dpi;
    uint64_t now;
    unsigned last_effect;
    bool check_geometry; /* assert geometry after every frame */
    /* Off (the default): as the SDL loop does, once an input's frame is
     * drawn, a timer due at once (a PIN check shown before it runs) gets
     * its HRC_IN_TICK right away; last_effect then holds both. On: the
     * test sends TICKs itself (to look at the frame in between). */
    bool manual_ticks;
} harness;

/* Loads tests/data/screens/course and starts an app; fails the test on error. */
void harness_start(harness *t, const hrc_app_config *extra);
/* The same with another course folder. */
void harness_start_course(harness *t, const char *dir, const hrc_app_config *extra);
void harness_stop(harness *t);
void harness_draw(harness *t);
unsigned harness_key(harness *t, hrc_input_kind kind); /* and redraws */
unsigned harness_input(harness *t, hrc_input in);       /* and redraws */
/* Moves the fake clock on by ms, then sends a TICK (the app's timers). */
unsigned harness_wait(harness *t, uint64_t ms);
/* Scrolls down about a screenful, never leaving the screen; returns the
 * effects (no HRC_APP_REDRAW at the end). */
unsigned harness_page_down(harness *t);
/* Tabs to the first target whose label contains `label` and presses Enter. */
bool harness_tab_to(harness *t, const char *label);
unsigned harness_activate_label(harness *t, const char *label);
/* Clicks (pointer down and up) in the middle of a target found by label. */
unsigned harness_click(harness *t, const char *label);
int harness_find_target(const harness *t, const char *label);
/* The target whose label is exactly `label`, or -1. */
int harness_find_exact(const harness *t, const char *label);
/* Taps (touch down and up) the target whose label is exactly `label`, such
 * as a key of the on-screen keyboard; fails the test when there is none. */
void harness_tap_exact(harness *t, const char *label);
bool harness_has_text(const harness *t, const char *text);
/* Whether the screen shows `text`, even wrapped over several lines (the
 * frame's text joined with single spaces). */
bool harness_shows(const harness *t, const char *text);
/* The focused target's label; "" when none. */
const char *harness_focused(const harness *t);
/* Types s as the keyboard would, in pieces of whole UTF-8 characters. */
void harness_type(harness *t, const char *s);

/* A progress store's folder of the test's own, for cmocka's group setup
 * and teardown (harness_store_dir_make / _remove) and a test's teardown
 * (harness_store_clear: the store's files gone, the folder kept). */
extern char harness_store_dir[64];
int harness_store_dir_make(void **state);
int harness_store_clear(void **state);
int harness_store_dir_remove(void **state);
/* Checks every TEXT inside its bounds and the screen; returns false and
 * says why in `why` otherwise. */
bool harness_geometry_ok(const harness *t, char *why, size_t size);
/* Fails the test when a target is under `min` px either way (targets cut
 * by the edge of the scroll view excepted). */
void harness_check_targets(const harness *t, int min);
/* Fails the test when the screen's main action (Next, Check answer...) is
 * not wholly visible without scrolling. */
void harness_check_main_action(const harness *t);
/* Draws the current screen at 1024x600, 1280x800, 1920x1080, 3840x2160 and 1080x1920
 * with the geometry checked and the main action on screen, paging down
 * `pages` times at each size (then Home; with 0 pages, no key at all); with targets_1080p the targets are checked
 * (44 px at 1080p, as large physically elsewhere). Ends at 1920x1080. */
void harness_check_all_sizes(harness *t, int pages, bool targets_1080p);

#endif
