/*
 * fonts.h: DejaVu Sans opened once per (style, pixel size).
 *
 * Faces are opened on first use and kept in a small cache; the least
 * recently used one is closed when the cache is full. Requires TTF_Init().
 */
#ifndef HRC_SDL_FONTS_H
#define HRC_SDL_FONTS_H

#include "core/draw.h"

#include <SDL_ttf.h>

typedef struct hrc_fonts hrc_fonts;

/* NULL when out of memory. assets_dir is copied. */
hrc_fonts *hrc_fonts_new(const char *assets_dir);
void hrc_fonts_free(hrc_fonts *fonts); /* NULL is fine */

/* The face for `font`, or NULL when it cannot be opened (the reason is in
 * SDL_GetError()). The pointer stays valid until the next call. */
TTF_Font *hrc_fonts_get(hrc_fonts *fonts, hrc_font font);

/* How many faces were opened so far (for tests). */
unsigned hrc_fonts_opened(const hrc_fonts *fonts);

#endif
