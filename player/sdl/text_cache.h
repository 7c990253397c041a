/*
 * text_cache.h: each line of text rendered to a texture once.
 *
 * A line is rendered (anti-aliased, blended) once and keyed by (font style,
 * pixel size, colour, string). The colour is baked in rather than applied
 * with colour modulation: the software renderer blends a plain texture
 * about twice as fast as a modulated one, and a screen uses few colours.
 * The cache is bounded in bytes: the least recently used textures go first.
 * Drop everything with hrc_text_cache_clear() when the language or the text
 * size changes.
 */
#ifndef HRC_SDL_TEXT_CACHE_H
#define HRC_SDL_TEXT_CACHE_H

#include "core/draw.h"
#include "sdl/fonts.h"

#include <SDL.h>

#include <stddef.h>

typedef struct hrc_text_cache hrc_text_cache;

typedef struct hrc_text_cache_stats {
    unsigned long hits;
    unsigned long created; /* textures rendered */
    unsigned long evicted;
    size_t entries;
    size_t bytes;          /* w * h * 4 of every texture held */
} hrc_text_cache_stats;

/* NULL when out of memory. max_bytes 0: 32 MiB. */
hrc_text_cache *hrc_text_cache_new(size_t max_bytes);
void hrc_text_cache_free(hrc_text_cache *cache); /* NULL is fine */
void hrc_text_cache_clear(hrc_text_cache *cache);

/*
 * The texture of `len` bytes of `text` in `font` and `color`, rendered on the first
 * request. Sets *w, *h to its size. NULL for empty text, or when the font
 * or the memory is missing. The texture belongs to the cache and stays
 * valid until the next call.
 */
SDL_Texture *hrc_text_cache_get(hrc_text_cache *cache, SDL_Renderer *renderer,
                                hrc_fonts *fonts, hrc_font font, hrc_color color,
                                const char *text, size_t len, int *w, int *h);

hrc_text_cache_stats hrc_text_cache_get_stats(const hrc_text_cache *cache);

#endif
