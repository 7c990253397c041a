/* gfx.c: draw-list replay and text measurement on SDL. */
#include "sdl/gfx.h"

#include <SDL_image.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Widths measured before. Shaping a string (HarfBuzz, in SDL_ttf) costs
 * far more than drawing it, and a layout measures the same words and line
 * prefixes on every frame: after the first frame of a screen, scrolling or
 * redrawing it measures nothing again. Open addressing on an FNV-1a hash;
 * the table starts over when three quarters full, so memory stays bounded.
 */
enum { WIDTH_SLOTS = 1 << 14, WIDTH_TEXT_MAX = 200 };

typedef struct width_slot {
    uint32_t hash;     /* 0: empty */
    uint16_t len;
    uint16_t px;
    uint8_t style;
    int32_t width;
    char text[WIDTH_TEXT_MAX];
} width_slot;

typedef struct hrc_width_cache {
    width_slot *slots;
    size_t used;
} hrc_width_cache;

static uint32_t width_hash(hrc_font font, const char *text, size_t len)
{
    uint32_t h = 2166136261u ^ (uint32_t)font.style * 16777619u ^ (uint32_t)font.px;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 16777619u;
    return h ? h : 1;
}

static width_slot *width_find(hrc_width_cache *c, hrc_font font, const char *text, size_t len,
                              uint32_t h)
{
    size_t mask = WIDTH_SLOTS - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        width_slot *slot = &c->slots[i];
        if (!slot->hash || (slot->hash == h && slot->len == len && slot->px == font.px &&
                            slot->style == font.style && memcmp(slot->text, text, len) == 0))
            return slot;
    }
}

int hrc_gfx_libs_init(void)
{
    if (TTF_Init())
        return -1;
    int want = IMG_INIT_PNG | IMG_INIT_JPG;
    if ((IMG_Init(want) & want) != want) {
        TTF_Quit();
        return -1;
    }
    return 0;
}

void hrc_gfx_libs_quit(void)
{
    IMG_Quit();
    TTF_Quit();
}

int hrc_gfx_init(hrc_gfx *gfx, SDL_Renderer *renderer, const char *assets_dir)
{
    *gfx = (hrc_gfx){.renderer = renderer};
    gfx->fonts = hrc_fonts_new(assets_dir);
    gfx->text = hrc_text_cache_new(0);
    gfx->images = hrc_images_new(renderer);
    gfx->widths = calloc(1, sizeof *gfx->widths);
    if (gfx->widths)
        gfx->widths->slots = calloc(WIDTH_SLOTS, sizeof *gfx->widths->slots);
    if (!gfx->fonts || !gfx->text || !gfx->images || !gfx->widths || !gfx->widths->slots) {
        hrc_gfx_free(gfx);
        return SDL_OutOfMemory();
    }
    hrc_font probe = {HRC_FONT_REGULAR, 16};
    if (!hrc_fonts_get(gfx->fonts, probe)) {
        hrc_gfx_free(gfx);
        return -1;
    }
    return 0;
}

void hrc_gfx_free(hrc_gfx *gfx)
{
    hrc_text_cache_free(gfx->text);
    hrc_images_free(gfx->images);
    hrc_fonts_free(gfx->fonts);
    if (gfx->widths)
        free(gfx->widths->slots);
    free(gfx->widths);
    *gfx = (hrc_gfx){0};
}

void hrc_gfx_drop_text(hrc_gfx *gfx)
{
    hrc_text_cache_clear(gfx->text);
}

/* ---- Measurement ------------------------------------------------------ */

static int measure_with_font(hrc_gfx *gfx, hrc_font font, const char *text, size_t len);

static int metrics_width(void *ctx, hrc_font font, const char *text, size_t len)
{
    hrc_gfx *gfx = ctx;
    if (!text || len == 0)
        return 0;
    hrc_width_cache *c = gfx->widths;
    if (!c || len > WIDTH_TEXT_MAX || font.px > 0xffff || font.style > 0xff)
        return measure_with_font(gfx, font, text, len);
    uint32_t h = width_hash(font, text, len);
    width_slot *slot = width_find(c, font, text, len, h);
    if (slot->hash)
        return slot->width;
    int w = measure_with_font(gfx, font, text, len);
    if (c->used >= WIDTH_SLOTS * 3 / 4) {
        memset(c->slots, 0, WIDTH_SLOTS * sizeof *c->slots);
        c->used = 0;
        slot = width_find(c, font, text, len, h);
    }
    *slot = (width_slot){.hash = h, .len = (uint16_t)len, .px = (uint16_t)font.px,
                         .style = (uint8_t)font.style, .width = w};
    memcpy(slot->text, text, len);
    c->used++;
    return w;
}

static int measure_with_font(hrc_gfx *gfx, hrc_font font, const char *text, size_t len)
{
    TTF_Font *face = hrc_fonts_get(gfx->fonts, font);
    if (!face)
        return 0;
    /* TTF_SizeUTF8 wants a terminated string; most words fit on the stack. */
    char small[256];
    char *copy = len < sizeof small ? small : malloc(len + 1);
    if (!copy)
        return 0;
    memcpy(copy, text, len);
    copy[len] = '\0';
    int w = 0, h = 0;
    if (TTF_SizeUTF8(face, copy, &w, &h))
        w = 0;
    if (copy != small)
        free(copy);
    return w;
}

static int metrics_line_height(void *ctx, hrc_font font)
{
    hrc_gfx *gfx = ctx;
    TTF_Font *face = hrc_fonts_get(gfx->fonts, font);
    return face ? TTF_FontLineSkip(face) : font.px;
}

hrc_text_metrics hrc_gfx_metrics(hrc_gfx *gfx)
{
    return (hrc_text_metrics){
        .ctx = gfx,
        .width = metrics_width,
        .line_height = metrics_line_height,
    };
}

/* ---- Replay ----------------------------------------------------------- */

static void set_color(SDL_Renderer *r, hrc_color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

static void fill_rect(SDL_Renderer *r, hrc_rect rect, int radius)
{
    if (rect.w <= 0 || rect.h <= 0)
        return;
    int max_radius = (rect.w < rect.h ? rect.w : rect.h) / 2;
    if (radius > max_radius)
        radius = max_radius;
    if (radius <= 1) {
        SDL_RenderFillRect(r, &(SDL_Rect){rect.x, rect.y, rect.w, rect.h});
        return;
    }
    /* The straight middle, then one row per pixel for the rounded ends. */
    enum { MAX_ROWS = 2 * 256 + 1 };
    if (radius > 256)
        radius = 256;
    SDL_Rect rows[MAX_ROWS];
    int n = 0;
    rows[n++] = (SDL_Rect){rect.x, rect.y + radius, rect.w, rect.h - 2 * radius};
    for (int i = 0; i < radius; i++) {
        double dy = radius - i - 0.5;
        int inset = (int)lround(radius - sqrt((double)radius * radius - dy * dy));
        int w = rect.w - 2 * inset;
        rows[n++] = (SDL_Rect){rect.x + inset, rect.y + i, w, 1};
        rows[n++] = (SDL_Rect){rect.x + inset, rect.y + rect.h - 1 - i, w, 1};
    }
    SDL_RenderFillRects(r, rows, n);
}

static void frame_rect(SDL_Renderer *r, hrc_rect rect, int t)
{
    if (t <= 0 || rect.w <= 0 || rect.h <= 0)
        return;
    if (2 * t >= rect.w || 2 * t >= rect.h) {
        fill_rect(r, rect, 0);
        return;
    }
    SDL_Rect sides[4] = {
        {rect.x, rect.y, rect.w, t},
        {rect.x, rect.y + rect.h - t, rect.w, t},
        {rect.x, rect.y + t, t, rect.h - 2 * t},
        {rect.x + rect.w - t, rect.y + t, t, rect.h - 2 * t},
    };
    SDL_RenderFillRects(r, sides, 4);
}

static void draw_text(hrc_gfx *gfx, const hrc_draw_cmd *cmd)
{
    int w, h;
    SDL_Texture *tex = hrc_text_cache_get(gfx->text, gfx->renderer, gfx->fonts,
                                          cmd->font, cmd->color, cmd->text,
                                          cmd->text ? strlen(cmd->text) : 0, &w, &h);
    if (!tex)
        return;
    if (cmd->bounds.w > 0 && cmd->rect.x + w > cmd->bounds.x + cmd->bounds.w + 1)
        gfx->text_overflows++;
    SDL_RenderCopy(gfx->renderer, tex, NULL, &(SDL_Rect){cmd->rect.x, cmd->rect.y, w, h});
}

static void draw_image(hrc_gfx *gfx, const hrc_draw_cmd *cmd)
{
    int iw, ih;
    hrc_rect box = cmd->rect;
    SDL_Texture *tex = hrc_images_get(gfx->images, cmd->text, box.w, box.h, &iw, &ih);
    if (!tex || iw <= 0 || ih <= 0 || box.w <= 0 || box.h <= 0)
        return;
    /* Fit inside the box, keep the aspect, centre the rest. */
    int w = box.w, h = (int)((long long)ih * box.w / iw);
    if (h > box.h) {
        h = box.h;
        w = (int)((long long)iw * box.h / ih);
    }
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeLinear);
    SDL_RenderCopy(gfx->renderer, tex, NULL,
                   &(SDL_Rect){box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h});
}

void hrc_gfx_clear(hrc_gfx *gfx, const hrc_draw_cmd *cmds, size_t count, int w, int h)
{
    /* The screens paint their whole background first: clearing as well
     * would fill every pixel twice (costly with the software renderer). */
    if (count && cmds[0].kind == HRC_DRAW_RECT && cmds[0].color.a == 255 &&
        cmds[0].radius == 0 && cmds[0].rect.x <= 0 && cmds[0].rect.y <= 0 &&
        cmds[0].rect.x + cmds[0].rect.w >= w && cmds[0].rect.y + cmds[0].rect.h >= h)
        return;
    SDL_SetRenderDrawColor(gfx->renderer, 255, 255, 255, 255);
    SDL_RenderClear(gfx->renderer);
}

void hrc_gfx_replay(hrc_gfx *gfx, const hrc_draw_cmd *cmds, size_t count)
{
    SDL_Renderer *r = gfx->renderer;
    SDL_RenderSetClipRect(r, NULL);
    for (size_t i = 0; i < count; i++) {
        const hrc_draw_cmd *cmd = &cmds[i];
        switch (cmd->kind) {
        case HRC_DRAW_RECT:
            set_color(r, cmd->color);
            fill_rect(r, cmd->rect, cmd->radius);
            break;
        case HRC_DRAW_FRAME:
            set_color(r, cmd->color);
            frame_rect(r, cmd->rect, cmd->thickness);
            break;
        case HRC_DRAW_TEXT:
            draw_text(gfx, cmd);
            break;
        case HRC_DRAW_IMAGE:
            draw_image(gfx, cmd);
            break;
        case HRC_DRAW_CLIP:
            if (cmd->rect.w > 0 && cmd->rect.h > 0)
                SDL_RenderSetClipRect(r, &(SDL_Rect){cmd->rect.x, cmd->rect.y,
                                                     cmd->rect.w, cmd->rect.h});
            else
                SDL_RenderSetClipRect(r, NULL);
            break;
        }
    }
    SDL_RenderSetClipRect(r, NULL);
}
