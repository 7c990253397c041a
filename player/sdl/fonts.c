/* fonts.c: the (style, px) -> TTF_Font cache. */
#include "sdl/fonts.h"

#include "sdl/assets.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { FONT_SLOTS = 24, MIN_PX = 4, MAX_PX = 400 };

typedef struct font_slot {
    TTF_Font *face;
    unsigned style;
    int px;
    uint64_t last_use;
} font_slot;

struct hrc_fonts {
    char *assets_dir;
    font_slot slots[FONT_SLOTS];
    uint64_t clock;
    unsigned opened;
};

hrc_fonts *hrc_fonts_new(const char *assets_dir)
{
    hrc_fonts *fonts = calloc(1, sizeof *fonts);
    if (!fonts)
        return NULL;
    fonts->assets_dir = strdup(assets_dir);
    if (!fonts->assets_dir) {
        free(fonts);
        return NULL;
    }
    return fonts;
}

void hrc_fonts_free(hrc_fonts *fonts)
{
    if (!fonts)
        return;
    for (int i = 0; i < FONT_SLOTS; i++)
        if (fonts->slots[i].face)
            TTF_CloseFont(fonts->slots[i].face);
    free(fonts->assets_dir);
    free(fonts);
}

TTF_Font *hrc_fonts_get(hrc_fonts *fonts, hrc_font font)
{
    unsigned style = font.style & HRC_FONT_ICON ? HRC_FONT_ICON
                                                : font.style & (HRC_FONT_BOLD | HRC_FONT_ITALIC);
    int px = font.px < MIN_PX ? MIN_PX : font.px > MAX_PX ? MAX_PX : font.px;
    font_slot *victim = &fonts->slots[0];
    fonts->clock++;
    for (int i = 0; i < FONT_SLOTS; i++) {
        font_slot *s = &fonts->slots[i];
        if (s->face && s->style == style && s->px == px) {
            s->last_use = fonts->clock;
            return s->face;
        }
        if (!s->face || (victim->face && s->last_use < victim->last_use))
            victim = s;
    }

    char path[4096];
    if (hrc_assets_font_path(fonts->assets_dir, style, path, sizeof path)) {
        SDL_SetError("font path too long");
        return NULL;
    }
    TTF_Font *face = TTF_OpenFont(path, px);
    if (!face)
        return NULL;
    if (victim->face)
        TTF_CloseFont(victim->face);
    *victim = (font_slot){face, style, px, fonts->clock};
    fonts->opened++;
    return face;
}

unsigned hrc_fonts_opened(const hrc_fonts *fonts)
{
    return fonts->opened;
}
