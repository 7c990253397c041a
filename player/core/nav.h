/*
 * nav.h: where the learner is, as a stack of locations, and the focus
 * order rules. The screens decide what each location shows; this module
 * only keeps the history consistent.
 *
 * Promises: the stack never overflows (the oldest entry is dropped past
 * HRC_NAV_DEPTH) and never empties (back from the root stays at the root).
 * Each entry may carry its screen's state (`state`, owned by the stack's
 * user); whenever an entry leaves the stack (back, replace, reset, or the
 * oldest dropped by a push) the `release` hook is called with it once.
 */
#ifndef HRC_NAV_H
#define HRC_NAV_H

#include "core/model.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum hrc_screen {
    HRC_SCREEN_SIGNIN,
    HRC_SCREEN_HOME,     /* the modules of the course */
    HRC_SCREEN_MODULE,   /* one module's contents */
    HRC_SCREEN_PAGE,
    HRC_SCREEN_TIMELINE,
    HRC_SCREEN_CASE,
    HRC_SCREEN_QUIZ,
    HRC_SCREEN_RESULTS,
    HRC_SCREEN_SETTINGS,
    HRC_SCREEN_FACILITATOR,
    HRC_SCREEN_COMPLETE, /* a module (or the whole course) completed */
    HRC_SCREEN_SETUP,    /* a kiosk's first start: choose the facilitator PIN */
    /* The trainer's screens, behind the facilitator PIN (screens/trainer.h):
     * the class at a glance, then what it leads to. */
    HRC_SCREEN_CLASS,         /* the class dashboard: the hub after the PIN */
    HRC_SCREEN_LEARNER_ADMIN, /* one learner: modules, PIN, rename, move, merge, delete */
    HRC_SCREEN_GROUPS,        /* the training sessions */
    HRC_SCREEN_QUESTIONS,     /* the questions the room got wrong */
    HRC_SCREEN_PAPER,         /* the class report and certificates to a USB stick */
    HRC_SCREEN_CLASS_IMPORT,  /* a class list from a USB stick */
    HRC_SCREEN_KIOSK_ADMIN,   /* sign-in settings, the PIN, trusted kiosks, exports */
    HRC_SCREEN_PRESENT,  /* presenter mode: the questions the room got wrong */
    HRC_SCREEN_COUNT
} hrc_screen;

typedef struct hrc_nav_loc {
    hrc_screen screen;
    int module;  /* index in the course, or -1 */
    int item;    /* index in the module's items, or -1; the trainer's learner
                    detail: the learner's id */
    int scroll;  /* pixels the content is scrolled by */
    int focus;   /* focused target; -1 none; HRC_NAV_FOCUS_MAIN: the screen's
                    main action once the screen is drawn (keyboard users) */
    void *state; /* the screen's own state while this entry is on the stack */
} hrc_nav_loc;

#define HRC_NAV_DEPTH 32
#define HRC_NAV_FOCUS_MAIN (-2)
#define HRC_NAV_FOCUS_MAIN_ALWAYS (-3) /* the main action, pointer users too */

typedef struct hrc_nav {
    hrc_nav_loc stack[HRC_NAV_DEPTH];
    size_t depth; /* >= 1 once reset */
    /* Called for each entry that leaves the stack; may be NULL. */
    void (*release)(void *ctx, hrc_nav_loc *loc);
    void *release_ctx;
} hrc_nav;

hrc_nav_loc hrc_nav_location(hrc_screen screen, int module, int item);
void hrc_nav_reset(hrc_nav *nav, hrc_nav_loc root);
void hrc_nav_push(hrc_nav *nav, hrc_nav_loc loc);
void hrc_nav_replace(hrc_nav *nav, hrc_nav_loc loc);
/* Goes back one step; false at the root. */
bool hrc_nav_back(hrc_nav *nav);
/* Releases every entry; the stack is then empty (depth 0) until a reset. */
void hrc_nav_clear(hrc_nav *nav);
hrc_nav_loc *hrc_nav_top(hrc_nav *nav);
const hrc_nav_loc *hrc_nav_top_const(const hrc_nav *nav);

/* The screen that shows a module item. */
hrc_screen hrc_nav_screen_for(hrc_item_kind kind);

/* Focus after Tab (step 1) or Shift+Tab (step -1) among n targets,
 * wrapping; from -1 (nothing focused) Tab gives 0 and Shift+Tab n-1. */
int hrc_nav_focus_step(int focus, int n, int step);

#endif
