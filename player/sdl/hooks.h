/*
 * hooks.h: how the author preview (sdl/watch.c) joins the play loop
 * (sdl/play.c) without a loop of its own.
 *
 * When hrc_sdl_options.hooks is set, the loop hands every SDL event to
 * event() before the app sees it, and asks draw() before drawing the app.
 */
#ifndef HRC_SDL_HOOKS_H
#define HRC_SDL_HOOKS_H

#include "core/draw.h"
#include "screens/app.h"

#include <SDL.h>
#include <stdbool.h>

enum hrc_hook_result {
    HRC_HOOK_PASS = 0,   /* not taken: the app gets the event */
    HRC_HOOK_TAKEN = 1,  /* taken; nothing to show */
    HRC_HOOK_CHANGED = 2 /* taken; *app may be a new app: send it the
                            window size and draw again */
};

typedef struct hrc_sdl_hooks {
    void *user;
    /* Returns enum hrc_hook_result. May free *app and put another there. */
    int (*event)(void *user, const SDL_Event *e, hrc_app **app);
    /* Draws into list instead of the app and returns true, or returns
     * false to let the app draw. */
    bool (*draw)(void *user, const hrc_text_metrics *metrics, int width, int height,
                 float dpi_scale, hrc_draw_list *list);
} hrc_sdl_hooks;

#endif
