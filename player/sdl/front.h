/*
 * front.h: the SDL front end: playing in a window, and rendering every
 * screen to PNG files with no display.
 */
#ifndef HRC_SDL_FRONT_H
#define HRC_SDL_FRONT_H

#include "screens/app.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct hrc_sdl_options {
    hrc_app_config app;    /* what the player shows; app.kiosk is the mode */
    int width, height;     /* window (or image) size; 0: 1280x800 */
    bool exit_after_first_frame;
    bool trace_screens;    /* print "screen: ID" to stderr on each change */
    const char *render_dir;/* hrc_sdl_render: where the PNGs go */
    /* The display to open the window on, 1 for the first; 0: the first,
     * or with app.present the second when there are two. With app.present
     * (or app.kiosk) the window fills that display, unless width and
     * height are given. */
    int display;
    bool review;           /* hrc_sdl_render: also DIR/index.html (io/review.h) */
    /* --watch (sdl/watch.c): sees events and frames before the app; NULL
     * otherwise. See sdl/hooks.h. */
    const struct hrc_sdl_hooks *hooks;
} hrc_sdl_options;

/* Opens the window and runs until the learner quits. Returns 0, or -1 with
 * a one-line message in err. */
int hrc_sdl_play(const hrc_sdl_options *opts, char *err, size_t err_size);

/* The display (0-based) the window opens on, of n: the one asked for
 * (the last when there are fewer), else the first; presenter mode takes
 * the second when there are two (a laptop's projector), so that the
 * trainer's own screen stays free. */
int hrc_sdl_display_for(const hrc_sdl_options *opts, int n);

/* Writes one PNG per screen into opts->render_dir, with no display.
 * Returns 0, or -1 with a one-line message in err. */
int hrc_sdl_render(const hrc_sdl_options *opts, char *err, size_t err_size);

#endif
