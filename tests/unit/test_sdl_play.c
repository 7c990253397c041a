/*
 * test_sdl_play.c: the real event loop (hrc_sdl_play) on SDL's dummy video
 * driver, fed through SDL_PushEvent from another thread: thousands of
 * random keys, clicks, drags, touches and wheel turns never crash it; a
 * kiosk ignores window close; outside kiosk mode window close ends it.
 * The test holds SDL's events itself, so that its driver may push events
 * after the player has quit (random clicks do hit Quit).
 */
#include "io/loader.h"
#include "sdl/front.h"

#include <SDL.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef enum script { RANDOM_INPUT, CLOSE_THEN_QUIT } script;

typedef struct driver {
    script what;
    int events;
    SDL_atomic_t alive_at_quit; /* the loop still ran when SDL_QUIT was due */
    SDL_atomic_t finished;      /* hrc_sdl_play has returned */
    uint32_t seed;
} driver;

static uint32_t next_random(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void push_close(void)
{
    SDL_Event e = {.window = {.type = SDL_WINDOWEVENT, .event = SDL_WINDOWEVENT_CLOSE,
                              .windowID = 1}};
    SDL_PushEvent(&e);
}

static void push_random(uint32_t *seed)
{
    static const SDL_Keycode keys[] = {
        SDLK_TAB, SDLK_RETURN, SDLK_SPACE, SDLK_ESCAPE, SDLK_UP, SDLK_DOWN,
        SDLK_LEFT, SDLK_RIGHT, SDLK_PAGEUP, SDLK_PAGEDOWN, SDLK_HOME, SDLK_END,
        SDLK_PLUS, SDLK_MINUS, SDLK_BACKSPACE, SDLK_a, SDLK_1,
    };
    uint32_t r = next_random(seed);
    int x = (int)(next_random(seed) % 1280), y = (int)(next_random(seed) % 800);
    SDL_Event e = {0};
    switch (r % 8) {
    case 0:
    case 1:
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = keys[(r >> 8) % (sizeof keys / sizeof keys[0])];
        e.key.keysym.mod = (r >> 16) % 5 == 0 ? KMOD_LSHIFT : KMOD_NONE;
        break;
    case 2:
        e.type = SDL_TEXTINPUT;
        strcpy(e.text.text, (r >> 8) % 2 ? "7" : "\xc3\xa9");
        break;
    case 3:
    case 4:
        e.type = (r >> 8) % 2 ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = x;
        e.button.y = y;
        break;
    case 5:
        e.type = SDL_MOUSEMOTION;
        e.motion.x = x;
        e.motion.y = y;
        break;
    case 6:
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = (int)((r >> 8) % 5) - 2;
        break;
    default:
        e.type = (r >> 8) % 3 == 0 ? SDL_FINGERDOWN
                 : (r >> 8) % 3 == 1 ? SDL_FINGERMOTION : SDL_FINGERUP;
        e.tfinger.fingerId = (r >> 12) % 2;
        e.tfinger.x = (float)x / 1280.0f;
        e.tfinger.y = (float)y / 800.0f;
        break;
    }
    SDL_PushEvent(&e);
}

static int drive(void *arg)
{
    driver *d = arg;
    while (!SDL_WasInit(SDL_INIT_VIDEO) && !SDL_AtomicGet(&d->finished))
        SDL_Delay(5);
    SDL_Delay(200); /* the window and the first frame */
    if (d->what == CLOSE_THEN_QUIT) {
        push_close();
        push_close();
        SDL_Delay(1000); /* ample time to act on them */
    } else {
        for (int i = 0; i < d->events; i++) {
            push_random(&d->seed);
            if (i % 64 == 0)
                SDL_Delay(1); /* let the loop draw now and then */
        }
    }
    SDL_AtomicSet(&d->alive_at_quit, !SDL_AtomicGet(&d->finished));
    SDL_Event quit = {.type = SDL_QUIT};
    while (!SDL_AtomicGet(&d->finished) && SDL_PushEvent(&quit) < 0)
        SDL_Delay(5);
    return 0;
}

static hrc_course *load(void)
{
    hrc_course *course = NULL;
    hrc_diags diags;
    hrc_diags_init(&diags);
    assert_int_equal(hrc_course_load(HRC_TEST_DATA "/sdl/course", &course, &diags), 0);
    hrc_diags_clear(&diags);
    return course;
}

static int play(hrc_course *course, bool kiosk, driver *d)
{
    hrc_sdl_options opts = {.app = {.course = course, .lang = "en", .kiosk = kiosk,
                                    .seed = 1}};
    assert_int_equal(SDL_Init(SDL_INIT_EVENTS), 0);
    SDL_Thread *t = SDL_CreateThread(drive, "driver", d);
    assert_non_null(t);
    char err[256] = "";
    int rc = hrc_sdl_play(&opts, err, sizeof err);
    SDL_AtomicSet(&d->finished, 1);
    if (rc)
        print_error("hrc_sdl_play: %s\n", err);
    SDL_WaitThread(t, NULL);
    SDL_Quit();
    return rc;
}

static void random_input_never_crashes(void **state)
{
    (void)state;
    hrc_course *course = load();
    for (uint32_t seed = 1; seed <= 3; seed++) {
        driver d = {.what = RANDOM_INPUT, .events = 3000, .seed = seed * 2654435761u};
        assert_int_equal(play(course, seed == 2, &d), 0);
    }
    hrc_course_free(course);
}

static void kiosk_ignores_window_close(void **state)
{
    (void)state;
    hrc_course *course = load();
    driver d = {.what = CLOSE_THEN_QUIT};
    assert_int_equal(play(course, true, &d), 0);
    /* It ran until SDL_QUIT (a signal), not until the close requests. */
    assert_int_equal(SDL_AtomicGet(&d.alive_at_quit), 1);
    hrc_course_free(course);
}

static void window_close_ends_a_window(void **state)
{
    (void)state;
    hrc_course *course = load();
    driver d = {.what = CLOSE_THEN_QUIT};
    assert_int_equal(play(course, false, &d), 0);
    /* It ended on the close request, before SDL_QUIT was due. */
    assert_int_equal(SDL_AtomicGet(&d.alive_at_quit), 0);
    hrc_course_free(course);
}

/* The window's display: presenter mode on the second when there are two
 * (a laptop and its projector), else the first; --display N wins. */
static void the_window_s_display(void **state)
{
    (void)state;
    hrc_sdl_options o = {0};
    assert_int_equal(hrc_sdl_display_for(&o, 2), 0);
    assert_int_equal(hrc_sdl_display_for(&o, 1), 0);
    o.app.present = true;
    assert_int_equal(hrc_sdl_display_for(&o, 2), 1);
    assert_int_equal(hrc_sdl_display_for(&o, 3), 1);
    assert_int_equal(hrc_sdl_display_for(&o, 1), 0);
    assert_int_equal(hrc_sdl_display_for(&o, 0), 0);
    o.display = 1; /* the first, asked for */
    assert_int_equal(hrc_sdl_display_for(&o, 2), 0);
    o.display = 3;
    assert_int_equal(hrc_sdl_display_for(&o, 3), 2);
    assert_int_equal(hrc_sdl_display_for(&o, 2), 1); /* fewer: the last */
    o.app.present = false;
    assert_int_equal(hrc_sdl_display_for(&o, 3), 2);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("HRC_ASSETS_DIR", HRC_SOURCE_DIR "/assets", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_input_never_crashes),
        cmocka_unit_test(kiosk_ignores_window_close),
        cmocka_unit_test(window_close_ends_a_window),
        cmocka_unit_test(the_window_s_display),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
