/*
 * gfx.h: replaying draw lists on an SDL renderer.
 *
 * An hrc_gfx bundles what drawing needs: the renderer (borrowed), the
 * fonts, the text texture cache and the image cache. It also answers the
 * screens' text measurement (hrc_text_metrics) with the same fonts, so
 * what is measured is what is drawn.
 */
#ifndef HRC_SDL_GFX_H
#define HRC_SDL_GFX_H

#include "core/draw.h"
#include "sdl/fonts.h"
#include "sdl/images.h"
#include "sdl/text_cache.h"

#include <SDL.h>

typedef struct hrc_gfx {
    SDL_Renderer *renderer; /* borrowed */
    hrc_fonts *fonts;
    hrc_text_cache *text;
    hrc_images *images;
    struct hrc_width_cache *widths; /* text widths measured before */
    unsigned long text_overflows; /* TEXT wider than its bounds, so far */
} hrc_gfx;

/* SDL_ttf and SDL_image start-up, paired. SDL_Init() is the caller's, as
 * only a window needs video. Returns 0, or -1 with SDL_GetError() set. */
int hrc_gfx_libs_init(void);
void hrc_gfx_libs_quit(void);

/* Requires hrc_gfx_libs_init(). Returns 0, or -1 with SDL_GetError() set. */
int hrc_gfx_init(hrc_gfx *gfx, SDL_Renderer *renderer, const char *assets_dir);
void hrc_gfx_free(hrc_gfx *gfx);

/* Measurement backed by gfx's fonts; gfx must outlive it. */
hrc_text_metrics hrc_gfx_metrics(hrc_gfx *gfx);

/* Draws every command of the list, in order, onto the current target.
 * Does not clear and does not present. */
void hrc_gfx_replay(hrc_gfx *gfx, const hrc_draw_cmd *cmds, size_t count);
/* Clears the output for a frame of w x h, unless the list's first command
 * already paints it all. */
void hrc_gfx_clear(hrc_gfx *gfx, const hrc_draw_cmd *cmds, size_t count, int w, int h);

/* Drops the cached text textures (language or text size changed). */
void hrc_gfx_drop_text(hrc_gfx *gfx);

#endif
