/*
 * play.c: the window, and the event loop that feeds the app.
 *
 * The loop sleeps in SDL_WaitEvent until something happens (or until the
 * app's next timer), and draws only when the app says the screen changed,
 * so an idle kiosk uses no CPU. What a frame asks to be said goes to the
 * voice (sdl/voice.h) right after it is drawn; the voice's own timer (is
 * speech still heard? is the sound device idle?) joins the app's.
 */
#include "sdl/front.h"

#include "sdl/assets.h"
#include "sdl/gfx.h"
#include "sdl/hooks.h"
#include "sdl/input.h"
#include "sdl/trace.h"
#include "sdl/voice.h"

#include "screens/goto.h"

#include <SDL.h>

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

enum { DEFAULT_W = 1280, DEFAULT_H = 800, TICK_MS = 50 };

typedef struct player {
    const hrc_sdl_options *opts;
    SDL_Window *window;
    SDL_Renderer *renderer;
    hrc_gfx gfx;
    bool gfx_ready;
    hrc_app *app;
    hrc_draw_list list;
    hrc_input_map map;
    hrc_trace trace;
    hrc_voice *voice;  /* spoken guidance: made when first needed */
    bool want_tick;
    bool dirty;
    bool quit;
} player;

static void set_hints(bool kiosk)
{
    /* Touch arrives as SDL_FINGER* only and the mouse as mouse only: no
     * synthesised twins, so one tap never acts twice. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    /* SDL_QUIT then means a signal only; window close is handled apart. */
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    /* A kiosk (and presenter mode) keeps the screen on; a desktop window
     * lets it sleep. */
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, kiosk ? "0" : "1");
}

/* Reads the window and output sizes into the input map. */
static void update_sizes(player *p)
{
    int ww, wh, ow, oh;
    SDL_GetWindowSize(p->window, &ww, &wh);
    if (SDL_GetRendererOutputSize(p->renderer, &ow, &oh)) {
        ow = ww;
        oh = wh;
    }
    hrc_input_map_resize(&p->map, ww, wh, ow, oh);
}

static float dpi_scale(const player *p)
{
    const char *env = getenv("HRC_DPI_SCALE");
    if (env && *env) {
        float s = strtof(env, NULL);
        if (s >= 0.5f && s <= 4.0f)
            return s;
    }
    /* Output pixels per window point: 2 on a doubled high-DPI screen ... */
    float ratio = (float)p->map.output_w / (float)p->map.window_w;
    /* ... times the screen's own density, when it says: a small touch
     * screen has more pixels to the inch than a large monitor. */
    float ddpi = 0, hdpi = 0, vdpi = 0;
    int display = SDL_GetWindowDisplayIndex(p->window);
    if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, &hdpi, &vdpi) == 0 && hdpi >= 48 &&
        hdpi <= 600)
        return ratio * hdpi / 96.0f;
    return ratio;
}

/* Text input (and an on-screen keyboard) only while a field has the focus. */
static void sync_text_input(player *p)
{
    bool want = hrc_app_wants_text(p->app);
    if (want == p->map.text_field)
        return;
    p->map.text_field = want;
    if (want)
        SDL_StartTextInput();
    else
        SDL_StopTextInput();
}

/* Plays what the frame just drawn asks to be said. */
static void speak(player *p)
{
    if (!p->list.n_utterances)
        return;
    if (!p->voice && !(p->voice = hrc_voice_new(NULL)))
        return;
    hrc_app_speech s;
    hrc_app_speech_settings(p->app, &s);
    hrc_voice_settings(p->voice, s.rate_step, s.volume);
    char err[HRC_SPEECH_MSG_MAX];
    if (hrc_voice_say(p->voice, p->list.utterances, p->list.n_utterances, SDL_GetTicks64(), err,
                      sizeof err)) {
        /* No voices or no sound output: said on the sign-in screen. */
        hrc_app_speech_unavailable(p->app, err);
        p->dirty = true;
    }
}

/* The voice's look at the engine: when everything said has been heard,
 * the app reads on (a page read aloud, paragraph by paragraph). */
static void poll_voice(player *p);

static void apply(player *p, unsigned effects)
{
    if (effects & HRC_APP_KIOSK_EXIT) {
        /* The facilitator left kiosk mode: an ordinary window again. */
        SDL_SetWindowFullscreen(p->window, 0);
        SDL_SetWindowBordered(p->window, SDL_TRUE);
        SDL_SetWindowSize(p->window, p->opts->width > 0 ? p->opts->width : DEFAULT_W,
                          p->opts->height > 0 ? p->opts->height : DEFAULT_H);
        SDL_SetWindowPosition(p->window, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED);
        SDL_EnableScreenSaver();
    }
    if (effects & HRC_APP_LANG_CHANGED)
        hrc_gfx_drop_text(&p->gfx);
    if (effects & HRC_APP_REDRAW)
        p->dirty = true;
    if (effects & HRC_APP_QUIT)
        p->quit = true;
    p->want_tick = effects & HRC_APP_WANT_TICK;
    sync_text_input(p);
}

static void send(player *p, const hrc_input *in)
{
    apply(p, hrc_app_handle_input(p->app, in));
}

static void send_resize(player *p)
{
    update_sizes(p);
    hrc_input in = {.kind = HRC_IN_RESIZE, .x = p->map.output_w, .y = p->map.output_h,
                    .now_ms = SDL_GetTicks64()};
    send(p, &in);
    p->dirty = true;
}

static void draw(player *p)
{
    hrc_text_metrics metrics = hrc_gfx_metrics(&p->gfx);
    const hrc_sdl_hooks *hooks = p->opts->hooks; /* --watch may show problems instead */
    if (!hooks || !hooks->draw(hooks->user, &metrics, p->map.output_w, p->map.output_h,
                               dpi_scale(p), &p->list))
        hrc_app_draw(p->app, &metrics, p->map.output_w, p->map.output_h, dpi_scale(p),
                     &p->list);
    hrc_gfx_clear(&p->gfx, p->list.cmds, p->list.count, p->map.output_w, p->map.output_h);
    hrc_gfx_replay(&p->gfx, p->list.cmds, p->list.count);
    SDL_RenderPresent(p->renderer);
    p->dirty = false;
    if (p->opts->trace_screens) {
        hrc_trace_frame(&p->trace, &p->list, hrc_app_current_id(p->app, NULL, NULL),
                        stderr);
        hrc_trace_say(&p->list, stderr);
    }
    speak(p);
}

static void handle_window_event(player *p, const SDL_WindowEvent *w)
{
    switch (w->event) {
    case SDL_WINDOWEVENT_CLOSE:
        /* Window close and Alt+F4: a kiosk leaves only through the
         * facilitator screen (Ctrl+Alt+F and the PIN). */
        if (!hrc_app_is_kiosk(p->app))
            p->quit = true;
        break;
    case SDL_WINDOWEVENT_SIZE_CHANGED:
        send_resize(p);
        break;
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_RESTORED:
        p->dirty = true; /* the window system lost our pixels */
        break;
    default:
        break;
    }
}

static void handle_event(player *p, const SDL_Event *e)
{
    /* --watch (sdl/watch.c) takes reloads and F5, and may swap the app. */
    const hrc_sdl_hooks *hooks = p->opts->hooks;
    int taken = hooks ? hooks->event(hooks->user, e, &p->app) : HRC_HOOK_PASS;
    if (taken == HRC_HOOK_CHANGED)
        send_resize(p); /* a new app needs the size; draw again either way */
    if (taken != HRC_HOOK_PASS)
        return;
    switch (e->type) {
    case SDL_QUIT:
        /* SIGTERM or SIGINT (systemctl stop, Ctrl+C): closing the window
         * no longer sends this (SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE). */
        p->quit = true;
        return;
    case SDL_WINDOWEVENT:
        handle_window_event(p, &e->window);
        return;
    default:
        if (e->type == hrc_images_ready_event()) {
            p->dirty = true; /* a picture is ready to show */
            return;
        }
        break;
    }
    switch (e->type) {
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        /* Textures may be gone with the device: render them again. */
        hrc_gfx_drop_text(&p->gfx);
        p->dirty = true;
        return;
    default:
        break;
    }
    hrc_input in[HRC_INPUT_MAX_PER_EVENT];
    int n = hrc_input_map_event(&p->map, e, SDL_GetTicks64(), in);
    for (int i = 0; i < n && !p->quit; i++)
        send(p, &in[i]);
}

static void poll_voice(player *p)
{
    uint64_t now = SDL_GetTicks64();
    if (p->voice && hrc_voice_poll(p->voice, now)) {
        hrc_input done = {.kind = HRC_IN_SPEECH_DONE, .now_ms = now};
        send(p, &done);
    }
}

/* How long to sleep: until the app's or the voice's next timer, or
 * forever (-1). */
static int wait_ms(const player *p)
{
    uint64_t now = SDL_GetTicks64();
    int64_t t = hrc_app_next_timeout_ms(p->app, now);
    if (p->want_tick && (t < 0 || t > TICK_MS))
        t = TICK_MS;
    int64_t v = hrc_voice_timeout_ms(p->voice, now);
    if (v >= 0 && (t < 0 || v < t))
        t = v;
    return t < 0 ? -1 : t > INT32_MAX ? INT32_MAX : (int)t;
}

static void run(player *p)
{
    bool first = true;
    while (!p->quit) {
        poll_voice(p);
        if (p->dirty) {
            draw(p);
            if (first && p->opts->exit_after_first_frame)
                return;
            first = false;
        }
        SDL_Event e;
        int timeout = wait_ms(p);
        int got = timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout);
        if (!got) {
            hrc_input tick = {.kind = HRC_IN_TICK, .now_ms = SDL_GetTicks64()};
            send(p, &tick);
            continue;
        }
        handle_event(p, &e);
        /* Take everything queued before drawing once. */
        while (!p->quit && SDL_PollEvent(&e))
            handle_event(p, &e);
    }
}

int hrc_sdl_display_for(const hrc_sdl_options *o, int n)
{
    if (n < 1)
        return 0;
    if (o->display > 0)
        return o->display <= n ? o->display - 1 : n - 1;
    return o->app.present && n >= 2 ? 1 : 0;
}

static int open_window(player *p, char *err, size_t err_size)
{
    const hrc_sdl_options *o = p->opts;
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    /* A kiosk fills its display; so does presenter mode, unless a size
     * was asked for (a window to try it in). */
    bool full = o->app.kiosk || (o->app.present && o->width <= 0);
    if (full)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    int display = hrc_sdl_display_for(o, SDL_GetNumVideoDisplays());
    int x = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display);
    int y = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display);
    int w = o->width > 0 ? o->width : DEFAULT_W;
    int h = o->height > 0 ? o->height : DEFAULT_H;
    SDL_Rect screen;
    if (full && SDL_GetDisplayBounds(display, &screen) == 0) {
        /* With no window manager (X started by xinit) nothing honours the
         * full-screen request: the window covers the display by itself. */
        x = screen.x;
        y = screen.y;
        w = screen.w;
        h = screen.h;
    }
    p->window = SDL_CreateWindow("HRC Player", x, y, w, h, flags);
    if (!p->window) {
        snprintf(err, err_size, "cannot open a window: %s", SDL_GetError());
        return -1;
    }
    p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!p->renderer)
        p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_SOFTWARE);
    if (!p->renderer) {
        snprintf(err, err_size, "cannot draw in the window: %s", SDL_GetError());
        return -1;
    }
    return 0;
}

/* Video (and the events under it) are counted: a program that started SDL
 * itself keeps what it started; otherwise SDL is shut down entirely. */
static void quit_video(void)
{
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    if (!SDL_WasInit(SDL_INIT_EVERYTHING))
        SDL_Quit();
}

static void close_all(player *p)
{
    hrc_voice_free(p->voice); /* silent at once; before SDL goes */
    hrc_draw_list_free(&p->list);
    hrc_app_free(p->app);
    if (p->gfx_ready)
        hrc_gfx_free(&p->gfx);
    if (p->renderer)
        SDL_DestroyRenderer(p->renderer);
    if (p->window)
        SDL_DestroyWindow(p->window);
    hrc_gfx_libs_quit();
    quit_video();
}

int hrc_sdl_play(const hrc_sdl_options *opts, char *err, size_t err_size)
{
    char assets[4096];
    if (hrc_assets_find(assets, sizeof assets, err, err_size))
        return -1;
    set_hints(opts->app.kiosk || opts->app.present);
    if (SDL_InitSubSystem(SDL_INIT_VIDEO)) {
        snprintf(err, err_size, "cannot start the display: %s", SDL_GetError());
        return -1;
    }
    /* With no display SDL falls back to drivers that show nothing: a player
     * nobody can see would wait forever. Tests ask for them explicitly. */
    const char *driver = SDL_GetCurrentVideoDriver();
    const char *asked = SDL_getenv("SDL_VIDEODRIVER");
    if (driver && (!asked || !*asked) &&
        (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0)) {
        snprintf(err, err_size, "no display found (neither DISPLAY nor WAYLAND_DISPLAY "
                                "is set); to draw the screens without one, use --render DIR");
        quit_video();
        return -1;
    }
    player p = {.opts = opts};
    hrc_draw_list_init(&p.list);
    int rc = -1;
    if (hrc_gfx_libs_init()) {
        snprintf(err, err_size, "cannot start the font library: %s", SDL_GetError());
        goto out;
    }
    if (open_window(&p, err, err_size))
        goto out;
    if (hrc_gfx_init(&p.gfx, p.renderer, assets)) {
        snprintf(err, err_size, "cannot open the fonts in %s: %s", assets,
                 SDL_GetError());
        goto out;
    }
    p.gfx_ready = true;
    /* Pictures are decoded off the frame's path; when the worker cannot
     * start they are decoded as they are drawn, as before. */
    hrc_images_start_background(p.gfx.images);
    p.app = hrc_app_new(&opts->app);
    if (!p.app) {
        snprintf(err, err_size, "out of memory");
        goto out;
    }
    if (opts->app.kiosk || opts->app.present) /* nor a projector in a discussion */
        SDL_DisableScreenSaver();
    SDL_StopTextInput(); /* SDL starts with it on; the app turns it on */
    send_resize(&p);
    run(&p);
    rc = 0;
out:
    close_all(&p);
    return rc;
}
