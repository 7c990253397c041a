/* text_cache.c: a hash table of text textures with an LRU list. */
#include "sdl/text_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { BUCKETS = 2048 }; /* a power of two */

typedef struct entry {
    struct entry *next_in_bucket;
    struct entry *newer, *older; /* LRU list */
    uint32_t hash;
    unsigned style;
    int px;
    hrc_color color;
    size_t len;
    SDL_Texture *texture;
    int w, h;
    char text[]; /* len bytes, NUL-terminated */
} entry;

struct hrc_text_cache {
    entry *buckets[BUCKETS];
    entry *newest, *oldest;
    size_t max_bytes;
    hrc_text_cache_stats stats;
};

static uint32_t hash_key(unsigned style, int px, hrc_color c, const char *text,
                         size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    uint32_t head[3] = {style, (uint32_t)px,
                        (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a};
    const unsigned char *p = (const unsigned char *)head;
    for (size_t i = 0; i < sizeof head; i++)
        h = (h ^ p[i]) * 16777619u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 16777619u;
    return h;
}

hrc_text_cache *hrc_text_cache_new(size_t max_bytes)
{
    hrc_text_cache *cache = calloc(1, sizeof *cache);
    if (cache)
        cache->max_bytes = max_bytes ? max_bytes : (size_t)32 << 20;
    return cache;
}

static void unlink_lru(hrc_text_cache *cache, entry *e)
{
    if (e->newer)
        e->newer->older = e->older;
    else
        cache->newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        cache->oldest = e->newer;
    e->newer = e->older = NULL;
}

static void push_newest(hrc_text_cache *cache, entry *e)
{
    e->older = cache->newest;
    e->newer = NULL;
    if (cache->newest)
        cache->newest->newer = e;
    cache->newest = e;
    if (!cache->oldest)
        cache->oldest = e;
}

static size_t entry_bytes(const entry *e)
{
    return (size_t)e->w * (size_t)e->h * 4;
}

static void remove_entry(hrc_text_cache *cache, entry *e)
{
    entry **link = &cache->buckets[e->hash & (BUCKETS - 1)];
    while (*link != e)
        link = &(*link)->next_in_bucket;
    *link = e->next_in_bucket;
    unlink_lru(cache, e);
    cache->stats.bytes -= entry_bytes(e);
    cache->stats.entries--;
    SDL_DestroyTexture(e->texture);
    free(e);
}

void hrc_text_cache_clear(hrc_text_cache *cache)
{
    while (cache->oldest)
        remove_entry(cache, cache->oldest);
}

void hrc_text_cache_free(hrc_text_cache *cache)
{
    if (!cache)
        return;
    hrc_text_cache_clear(cache);
    free(cache);
}

static entry *render_entry(SDL_Renderer *renderer, TTF_Font *face, hrc_color c,
                           const char *text, size_t len)
{
    entry *e = malloc(sizeof *e + len + 1);
    if (!e)
        return NULL;
    memcpy(e->text, text, len);
    e->text[len] = '\0';
    e->len = len;
    SDL_Surface *surface =
        TTF_RenderUTF8_Blended(face, e->text, (SDL_Color){c.r, c.g, c.b, c.a});
    if (!surface) {
        free(e);
        return NULL;
    }
    e->texture = SDL_CreateTextureFromSurface(renderer, surface);
    e->w = surface->w;
    e->h = surface->h;
    SDL_FreeSurface(surface);
    if (!e->texture) {
        free(e);
        return NULL;
    }
    SDL_SetTextureBlendMode(e->texture, SDL_BLENDMODE_BLEND);
    return e;
}

SDL_Texture *hrc_text_cache_get(hrc_text_cache *cache, SDL_Renderer *renderer,
                                hrc_fonts *fonts, hrc_font font, hrc_color color,
                                const char *text, size_t len, int *w, int *h)
{
    if (!text || len == 0)
        return NULL;
    unsigned style = font.style & (HRC_FONT_BOLD | HRC_FONT_ITALIC);
    uint32_t hash = hash_key(style, font.px, color, text, len);
    entry **bucket = &cache->buckets[hash & (BUCKETS - 1)];
    for (entry *e = *bucket; e; e = e->next_in_bucket) {
        if (e->hash == hash && e->style == style && e->px == font.px &&
            !memcmp(&e->color, &color, sizeof color) && e->len == len &&
            memcmp(e->text, text, len) == 0) {
            unlink_lru(cache, e);
            push_newest(cache, e);
            cache->stats.hits++;
            *w = e->w;
            *h = e->h;
            return e->texture;
        }
    }

    TTF_Font *face = hrc_fonts_get(fonts, font);
    if (!face)
        return NULL;
    entry *e = render_entry(renderer, face, color, text, len);
    if (!e)
        return NULL;
    e->color = color;
    e->hash = hash;
    e->style = style;
    e->px = font.px;
    e->next_in_bucket = *bucket;
    *bucket = e;
    push_newest(cache, e);
    cache->stats.created++;
    cache->stats.entries++;
    cache->stats.bytes += entry_bytes(e);
    /* Keep the new entry even when it alone is over the bound. */
    while (cache->stats.bytes > cache->max_bytes && cache->oldest != e) {
        remove_entry(cache, cache->oldest);
        cache->stats.evicted++;
    }
    *w = e->w;
    *h = e->h;
    return e->texture;
}

hrc_text_cache_stats hrc_text_cache_get_stats(const hrc_text_cache *cache)
{
    return cache->stats;
}
