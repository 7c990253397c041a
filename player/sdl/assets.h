/*
 * assets.h: where the player finds its fonts.
 *
 * The assets folder is the first of these, in this order:
 *   1. $HRC_ASSETS_DIR, when set (an explicit choice: used even when the
 *      fonts are missing there, so a wrong setting is reported, not hidden);
 *   2. <folder of the executable>/../share/hrc-player/assets (installed);
 *   3. the source tree's assets/ folder, fixed at build time.
 * A folder counts only when it holds fonts/DejaVuSans.ttf.
 */
#ifndef HRC_SDL_ASSETS_H
#define HRC_SDL_ASSETS_H

#include "core/draw.h"

#include <stddef.h>

/* Writes the assets folder into out. Returns 0, or -1 with a message in
 * err (one line, no trailing period). */
int hrc_assets_find(char *out, size_t out_size, char *err, size_t err_size);

/* Writes the path of the DejaVu Sans face for `style` (enum hrc_font_style
 * bits) under assets_dir into out. Returns 0, or -1 when it does not fit. */
int hrc_assets_font_path(const char *assets_dir, unsigned style, char *out,
                         size_t out_size);

#endif
