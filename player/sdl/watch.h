/*
 * watch.h: --watch, the author preview window. Plays the course like
 * hrc_sdl_play() and loads it again whenever a module or one of its
 * images changes on disk (or on F5), staying on the same page, event,
 * case study or question. While the course has errors the window shows
 * them (screens/problems.h) and comes back once they are fixed.
 */
#ifndef HRC_SDL_WATCH_H
#define HRC_SDL_WATCH_H

#include "io/preview.h"
#include "sdl/front.h"

#include <stdio.h>

/*
 * `preview` has been loaded once (it may be broken); opts->app.course is
 * ignored, opts->app.preview must be set and opts->app.progress NULL.
 * start_id (may be NULL) is where to open. Reloads and problems are
 * reported on `log` (GCC-style lines that editors can jump to).
 * Returns 0, or -1 with a one-line message in err.
 */
int hrc_sdl_watch(const hrc_sdl_options *opts, hrc_preview *preview, const char *start_id,
                  FILE *log, char *err, size_t err_size);

#endif
