/*
 * test_sdl_gfx.c: draw-list replay on a software renderer, with no display:
 * the pixels each command leaves, the text texture cache, the image cache
 * and text measurement.
 */
#include "sdl/assets.h"
#include "sdl/gfx.h"

#include <SDL.h>
#include <SDL_image.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

enum { W = 320, H = 200 };

static const hrc_color white = {255, 255, 255, 255};
static const hrc_color red = {220, 0, 0, 255};
static const hrc_color blue = {0, 0, 200, 255};
static const hrc_color black = {0, 0, 0, 255};

typedef struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    hrc_gfx gfx;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    assert_non_null(f->renderer);
    assert_int_equal(hrc_gfx_init(&f->gfx, f->renderer, HRC_SOURCE_DIR "/assets"), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hrc_gfx_free(&f->gfx);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
    return 0;
}

/* Clears to white and replays the commands. */
static void frame(fixture *f, const hrc_draw_cmd *cmds, size_t n)
{
    SDL_SetRenderDrawColor(f->renderer, 255, 255, 255, 255);
    SDL_RenderClear(f->renderer);
    hrc_gfx_replay(&f->gfx, cmds, n);
    SDL_RenderPresent(f->renderer);
}

static hrc_color pixel(fixture *f, int x, int y)
{
    Uint32 v;
    SDL_Rect r = {x, y, 1, 1};
    assert_int_equal(SDL_RenderReadPixels(f->renderer, &r, SDL_PIXELFORMAT_ARGB8888,
                                          &v, 4), 0);
    return (hrc_color){(v >> 16) & 255, (v >> 8) & 255, v & 255, 255};
}

static void assert_color(hrc_color got, hrc_color want)
{
    if (got.r != want.r || got.g != want.g || got.b != want.b)
        fail_msg("pixel is %d,%d,%d; expected %d,%d,%d", got.r, got.g, got.b, want.r,
                 want.g, want.b);
}

/* Counts pixels darker than mid-grey inside r. */
static int dark_pixels(fixture *f, SDL_Rect r)
{
    int n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            hrc_color c = pixel(f, x, y);
            n += c.r + c.g + c.b < 3 * 128;
        }
    return n;
}

static hrc_draw_cmd text_cmd(int x, int y, hrc_color color, const char *text)
{
    return (hrc_draw_cmd){.kind = HRC_DRAW_TEXT, .rect = {x, y, 200, 24},
                          .color = color, .font = {HRC_FONT_REGULAR, 20},
                          .text = text, .bounds = {0, 0, W, H}};
}

static void rect_and_frame_pixels(void **state)
{
    fixture *f = *state;
    hrc_draw_cmd cmds[] = {
        {.kind = HRC_DRAW_RECT, .rect = {10, 10, 100, 60}, .color = red, .radius = 0},
        {.kind = HRC_DRAW_RECT, .rect = {150, 10, 100, 60}, .color = red, .radius = 20},
        {.kind = HRC_DRAW_FRAME, .rect = {10, 100, 100, 60}, .color = blue,
         .thickness = 4},
    };
    frame(f, cmds, 3);
    assert_color(pixel(f, 10, 10), red);      /* square corner is filled */
    assert_color(pixel(f, 109, 69), red);
    assert_color(pixel(f, 110, 70), white);   /* and stops at its edge */
    assert_color(pixel(f, 150, 10), white);   /* rounded corner is cut */
    assert_color(pixel(f, 160, 40), red);     /* but its middle row reaches the side */
    assert_color(pixel(f, 200, 10), red);     /* and its top edge is straight */
    assert_color(pixel(f, 10, 100), blue);    /* frame: outline only */
    assert_color(pixel(f, 13, 130), blue);
    assert_color(pixel(f, 14, 130), white);
    assert_color(pixel(f, 60, 130), white);
    assert_color(pixel(f, 109, 159), blue);
}

static void clip_limits_later_commands(void **state)
{
    fixture *f = *state;
    hrc_draw_cmd cmds[] = {
        {.kind = HRC_DRAW_CLIP, .rect = {0, 0, 50, 50}},
        {.kind = HRC_DRAW_RECT, .rect = {0, 0, 100, 100}, .color = red},
        {.kind = HRC_DRAW_CLIP, .rect = {0, 0, 0, 0}},
        {.kind = HRC_DRAW_RECT, .rect = {200, 100, 10, 10}, .color = blue},
    };
    frame(f, cmds, 4);
    assert_color(pixel(f, 49, 49), red);
    assert_color(pixel(f, 50, 50), white);
    assert_color(pixel(f, 205, 105), blue); /* w = 0 lifted the clip */
}

static void text_lands_in_its_box_in_its_colour(void **state)
{
    fixture *f = *state;
    hrc_draw_cmd cmd = text_cmd(20, 20, red, "Human rights");
    frame(f, &cmd, 1);
    int w, h;
    assert_non_null(hrc_text_cache_get(f->gfx.text, f->renderer, f->gfx.fonts,
                                       cmd.font, cmd.color, cmd.text, strlen(cmd.text),
                                       &w, &h));
    assert_true(w > 60 && h >= 20);
    /* Some ink inside the box, none above or left of it. */
    int reddest = 0;
    for (int y = 20; y < 20 + h; y++)
        for (int x = 20; x < 20 + w; x++) {
            hrc_color c = pixel(f, x, y);
            if (c.r > 200 && c.g < 40 && c.b < 40)
                reddest++;
        }
    assert_true(reddest > 50);
    assert_int_equal(dark_pixels(f, (SDL_Rect){0, 0, W, 19}), 0);
    assert_int_equal(dark_pixels(f, (SDL_Rect){0, 0, 19, H}), 0);
}

static void same_text_on_100_frames_renders_once(void **state)
{
    fixture *f = *state;
    hrc_text_cache_stats before = hrc_text_cache_get_stats(f->gfx.text);
    for (int i = 0; i < 100; i++) {
        hrc_draw_cmd cmd = text_cmd(10, 10, black, "Local government");
        frame(f, &cmd, 1);
    }
    hrc_text_cache_stats after = hrc_text_cache_get_stats(f->gfx.text);
    assert_int_equal(after.created - before.created, 1);
    assert_int_equal(after.hits - before.hits, 99);
    /* Another colour, size or style is another texture, made once too. */
    for (int i = 0; i < 10; i++) {
        hrc_draw_cmd cmds[3] = {text_cmd(10, 10, red, "Local government"),
                                text_cmd(10, 40, black, "Local government"),
                                text_cmd(10, 70, black, "Local government")};
        cmds[1].font.px = 30;
        cmds[2].font.style = HRC_FONT_BOLD;
        frame(f, cmds, 3);
    }
    assert_int_equal(hrc_text_cache_get_stats(f->gfx.text).created, after.created + 3);

    hrc_gfx_drop_text(&f->gfx); /* language changed */
    assert_int_equal(hrc_text_cache_get_stats(f->gfx.text).entries, 0);
    hrc_draw_cmd cmd = text_cmd(10, 10, black, "Local government");
    frame(f, &cmd, 1);
    assert_int_equal(hrc_text_cache_get_stats(f->gfx.text).created, after.created + 4);
}

static void text_cache_stays_within_its_bound(void **state)
{
    fixture *f = *state;
    hrc_text_cache *small = hrc_text_cache_new(64 * 1024);
    assert_non_null(small);
    char line[32];
    int w, h;
    for (int i = 0; i < 200; i++) {
        snprintf(line, sizeof line, "line number %d", i);
        assert_non_null(hrc_text_cache_get(small, f->renderer, f->gfx.fonts,
                                           (hrc_font){HRC_FONT_BOLD, 24}, black, line,
                                           strlen(line), &w, &h));
    }
    hrc_text_cache_stats st = hrc_text_cache_get_stats(small);
    assert_true(st.bytes <= 64 * 1024);
    assert_true(st.evicted > 0);
    assert_int_equal(st.created, 200);
    /* The newest line is still there; the oldest was dropped. */
    assert_non_null(hrc_text_cache_get(small, f->renderer, f->gfx.fonts,
                                       (hrc_font){HRC_FONT_BOLD, 24}, black, line,
                                       strlen(line), &w, &h));
    assert_int_equal(hrc_text_cache_get_stats(small).created, 200);
    assert_non_null(hrc_text_cache_get(small, f->renderer, f->gfx.fonts,
                                       (hrc_font){HRC_FONT_BOLD, 24}, black, "line number 0",
                                       13, &w, &h));
    assert_int_equal(hrc_text_cache_get_stats(small).created, 201);
    hrc_text_cache_free(small);
}

/* Writes a w x h PNG of one colour; returns its path in buf. */
static void write_png(char *buf, size_t size, int w, int h, hrc_color c)
{
    snprintf(buf, size, "/tmp/hrc-test-sdl-%d-%dx%d.png", (int)getpid(), w, h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_FillRect(s, NULL, SDL_MapRGBA(s->format, c.r, c.g, c.b, 255));
    assert_int_equal(IMG_SavePNG(s, buf), 0);
    SDL_FreeSurface(s);
}

static void image_fits_its_box_keeping_aspect(void **state)
{
    fixture *f = *state;
    char path[256];
    write_png(path, sizeof path, 40, 20, (hrc_color){0, 160, 0, 255});
    int iw = 0, ih = 0;
    assert_non_null(hrc_images_get(f->gfx.images, path, 0, 0, &iw, &ih));
    assert_int_equal(iw, 40);
    assert_int_equal(ih, 20);
    assert_null(hrc_images_get(f->gfx.images, "/nonexistent/picture.png", 0, 0, &iw, &ih));

    hrc_draw_cmd cmd = {.kind = HRC_DRAW_IMAGE, .rect = {100, 50, 100, 100},
                        .text = path};
    for (int i = 0; i < 10; i++)
        frame(f, &cmd, 1);
    /* 40x20 scaled into 100x100: 100x50, centred vertically (y 75..124). */
    hrc_color green = {0, 160, 0, 255};
    assert_color(pixel(f, 150, 100), green);
    assert_color(pixel(f, 101, 76), green);
    assert_color(pixel(f, 150, 60), white);
    assert_color(pixel(f, 150, 140), white);
    assert_int_equal(hrc_images_decoded(f->gfx.images), 2); /* each path once */
    unlink(path);
}

static void measuring_matches_drawing(void **state)
{
    fixture *f = *state;
    hrc_text_metrics m = hrc_gfx_metrics(&f->gfx);
    hrc_font font = {HRC_FONT_BOLD, 20};
    const char *s = "Droits humains, \xc3\xa9galit\xc3\xa9";
    int whole = m.width(m.ctx, font, s, strlen(s));
    int w, h;
    assert_non_null(hrc_text_cache_get(f->gfx.text, f->renderer, f->gfx.fonts, font, black,
                                       s, strlen(s), &w, &h));
    assert_int_equal(whole, w);
    int first_word = m.width(m.ctx, font, s, 6);
    assert_true(first_word > 0 && first_word < whole);
    assert_int_equal(first_word, m.width(m.ctx, font, "Droits", 6));
    assert_true(m.width(m.ctx, (hrc_font){HRC_FONT_REGULAR, 20}, s, strlen(s)) < whole);
    assert_true(m.line_height(m.ctx, font) >= 20);
    assert_true(m.line_height(m.ctx, (hrc_font){0, 40}) > m.line_height(m.ctx, font));
    /* Four faces, each opened once whatever the number of calls. */
    unsigned opened = hrc_fonts_opened(f->gfx.fonts);
    for (int i = 0; i < 50; i++)
        m.width(m.ctx, font, s, strlen(s));
    assert_int_equal(hrc_fonts_opened(f->gfx.fonts), opened);
}

static void assets_follow_the_documented_order(void **state)
{
    (void)state;
    char dir[4096], err[256];
    setenv("HRC_ASSETS_DIR", "/nonexistent-hrc-assets", 1);
    assert_int_equal(hrc_assets_find(dir, sizeof dir, err, sizeof err), -1);
    assert_non_null(strstr(err, "HRC_ASSETS_DIR"));
    setenv("HRC_ASSETS_DIR", HRC_SOURCE_DIR "/assets", 1);
    assert_int_equal(hrc_assets_find(dir, sizeof dir, err, sizeof err), 0);
    assert_string_equal(dir, HRC_SOURCE_DIR "/assets");
    unsetenv("HRC_ASSETS_DIR");
    assert_int_equal(hrc_assets_find(dir, sizeof dir, err, sizeof err), 0);
    assert_int_equal(access(dir, R_OK), 0);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (hrc_gfx_libs_init()) {
        fprintf(stderr, "cannot start SDL_ttf / SDL_image: %s\n", SDL_GetError());
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(rect_and_frame_pixels, setup, teardown),
        cmocka_unit_test_setup_teardown(clip_limits_later_commands, setup, teardown),
        cmocka_unit_test_setup_teardown(text_lands_in_its_box_in_its_colour, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(same_text_on_100_frames_renders_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(text_cache_stays_within_its_bound, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(image_fits_its_box_keeping_aspect, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(measuring_matches_drawing, setup, teardown),
        cmocka_unit_test(assets_follow_the_documented_order),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    hrc_gfx_libs_quit();
    SDL_Quit();
    return failed;
}
