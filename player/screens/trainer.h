/*
 * trainer.h: what the trainer's screens share. Behind the facilitator PIN
 * (facilitator.c) the trainer works in:
 *
 *   class.c          the class at a glance (the hub): learners by modules
 *   learner_admin.c  one learner: modules, PIN, reset, rename, move, merge,
 *                    delete
 *   groups.c         the training sessions: create, rename, open, delete
 *   questions.c      the questions the room got wrong, as CSV too
 *   paper.c          the class report and certificates to a USB stick
 *   class_import.c   a class list from a USB stick: preview, then import
 *   kiosk_admin.c    sign-in settings, the facilitator PIN, trusted kiosks,
 *                    exports, leaving kiosk mode
 *
 * Promises:
 * - The store stays unlocked while any of these screens is in the history,
 *   and is locked again when the class dashboard (the first of them) goes:
 *   Back from it, Lock, a sign-out, the kiosk's idle time-out.
 * - Every screen's state starts with a trainer_base: the outcome of the
 *   last action, shown in the bottom bar's status line (nothing moves under
 *   the pointer), and the slow work that waits for the next tick.
 * - Slow work (a report, certificates, a class list, the statistics of a
 *   big class) never runs inside a frame or an input: the screen says what
 *   it is doing (trainer_busy), asks for a timer of 0 ms, and does it at
 *   that tick, once the frame is on screen; input is ignored meanwhile.
 * - Drawing reads the state only: the store is read when a screen is
 *   entered and again after each action.
 */
#ifndef HRC_SCREENS_TRAINER_H
#define HRC_SCREENS_TRAINER_H

#include "screens/ui.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRAINER_STATUS_MAX (2 * HRC_EXPORT_PATH_MAX + 512)

typedef struct trainer_base {
    char status[TRAINER_STATUS_MAX]; /* the outcome of the last action; "" none */
    bool status_error;
    int pending;        /* slow work for the next tick (the screen's own code); 0 none */
    char busy[256];     /* what the screen says it is doing meanwhile */
    int focus_action;   /* keyboard: put the focus on this action at the next frame */
} trainer_base;

/* Actions every trainer screen understands (theirs are numbered from
 * ACT_SCREEN, below these). */
enum {
    ACT_TRAINER_LOCK = ACT_SCREEN + 900, /* back out of every trainer screen: locked */
};
/* The bottom bar's "Lock" (left end). */
void trainer_bar_lock(ui *u);
/* Leaves every trainer screen: the store is locked again. */
unsigned trainer_lock(hrc_app *app);

/* The state of the trainer's screen on top when it is `screen`, else NULL. */
void *trainer_state(const hrc_app *app, hrc_screen screen);

/* The outcome of an action, for the bottom bar (printf-like). */
void trainer_say(trainer_base *b, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Slow work `job` for the next tick, and what to say meanwhile. */
void trainer_busy(trainer_base *b, int job, const char *text);
/* The bar's status line: the work under way, else the last outcome. */
void trainer_bar_status(ui *u, const trainer_base *b);
/* For the screen's timer: 0 while work waits, else -1. */
int64_t trainer_timer(const trainer_base *b);
/* The same as a screen_ops timer, for the trainer's screen on top (its
 * state starts with its trainer_base). */
int64_t trainer_screen_timer(const hrc_app *app, uint64_t now);
/* Whether the input must wait for the work under way: Enter and Escape are
 * swallowed meanwhile (a second report, a Back under a running job). */
bool trainer_waits(const trainer_base *b, const hrc_input *in);
/* Takes the pending job (0: none) for the screen's tick. */
int trainer_take_job(trainer_base *b);

/* After a choice made by keyboard, put the focus on the target of
 * `action` in the next frame (pointer users get no ring). */
void trainer_focus_on(hrc_app *app, trainer_base *b, int action);
/* Buttons that take that focus. */
int trainer_button(ui *u, const char *icon, const char *label, int action, int arg,
                   button_state st);
int trainer_button_named(ui *u, const char *icon, const char *label, const char *name,
                         int action, int arg, button_state st);
int trainer_block(ui *u, const char *icon, const char *prefix, const char *text, int action,
                  int arg, button_state st);
/* A choice among several (a chip): selected or not, said so. */
int trainer_chip(ui *u, const char *label, bool selected, int action, int arg);

/* A screen's heading: the title (h1) and a line under it (may be NULL). */
void trainer_heading(ui *u, const char *icon, const char *title, const char *subtitle);
/* A wider column than the reading one, for tables and lists of figures. */
void trainer_wide(ui *u, int max_px);

/* ---- Folders: USB sticks and the fallback ------------------------------- */

typedef struct trainer_folders {
    hrc_export_folder list[HRC_EXPORT_FOLDERS_MAX];
    size_t n;
} trainer_folders;

/* Removable drives (app->host), then the store's own folder. */
void trainer_find_folders(hrc_app *app, trainer_folders *f);
bool trainer_any_drive(const trainer_folders *f);
/* The folder's name for people: "KINGSTON" or "this computer". */
void trainer_folder_name(const hrc_export_folder *e, char *out, size_t size);
/* The choice of a folder: one block button each (act_pick, arg: index),
 * what to do when none is plugged in, "Look again" and "Cancel". */
void trainer_draw_folders(ui *u, const trainer_folders *f, const char *question, int act_pick,
                          int act_look_again, int act_cancel);

/* ---- Groups, days, names ------------------------------------------------ */

/* "All learners", "No group", or the group's name (from the list). */
void trainer_group_label(int64_t group, const hrc_group *groups, size_t n, char *out,
                         size_t size);
/* A day in the interface language ("12 March 2026") in the machine's time
 * zone (app->host); "" for 0. Call it when reading, not while drawing. */
void trainer_day(const hrc_app *app, int64_t ms, char *out, size_t size);
/* "2026-03-12" as a reader says it ("12 March 2026"); "" when not a day. */
void trainer_iso_day(const char *iso, char *out, size_t size);
/* A time spent: "1 h 05 min", "12 min", "less than a minute". */
void trainer_duration(int64_t ms, char *out, size_t size);
/* The wall clock (app->host), Unix milliseconds; 0 when unknown. */
int64_t trainer_now_ms(const hrc_app *app);
/* The local day of ms: year, month (1-12), day; false when unknown. */
bool trainer_local_day(const hrc_app *app, int64_t ms, int *y, int *m, int *d);

/* A module's title in the interface language, "Module 3" when untitled. */
const char *trainer_module_title(const hrc_app *app, size_t module);
/* A learner's status in a module, in words ("completed", "quiz failed"). */
const char *trainer_status_word(hrc_cell_status st);
/* ... starting a line ("Completed", "Quiz failed"). */
const char *trainer_status_title(hrc_cell_status st);
/* ... as an icon, and its colour. */
const char *trainer_status_icon(hrc_cell_status st);
hrc_color trainer_status_color(const ui *u, hrc_cell_status st);

/* ---- The class dashboard, for the screens above it (class.c) ------------ */

/* The group the dashboard shows (HRC_GROUP_ALL when it is not there). */
int64_t class_group(const hrc_app *app);
/* The dashboard reads the store again (after a change made above it). */
void class_refresh(hrc_app *app);
/* The dashboard shows group (the trainer chose it elsewhere). */
void class_show_group(hrc_app *app, int64_t group);
/* The dashboard's status line says text (after a learner was deleted). */
void class_tell(hrc_app *app, const char *text, bool error);

/* The facilitator screen's notices (facilitator.c), for the dashboard:
 * the damaged store kept aside, and a store other users could read. */
bool facilitator_damaged_notice_due(const hrc_app *app);
void facilitator_boxed_text(ui *u, const char *text, hrc_color color);
void facilitator_draw_exposed(ui *u);
void facilitator_draw_damaged(ui *u); /* the whole path, for the facilitator */

/* Whether each screen takes typed text now. */
bool learner_admin_wants_text(const hrc_app *app);
bool groups_wants_text(const hrc_app *app);
bool kiosk_admin_wants_text(const hrc_app *app);

/* Text typed on the trainer's screens: whole UTF-8 characters, no control
 * characters, at most size - 1 bytes. Returns HRC_APP_REDRAW when it
 * changed. */
unsigned trainer_type(char *field, size_t size, const hrc_input *in);

#endif
