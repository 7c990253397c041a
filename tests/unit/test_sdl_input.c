/*
 * test_sdl_input.c: SDL events become the right abstract input, once:
 * keyboard, text, mouse with high-DPI scaling, wheel, touch and pinch,
 * and no double action from SDL's touch-to-mouse emulation.
 */
#include "sdl/input.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

static hrc_input_map doubled(void)
{
    hrc_input_map map = {0};
    hrc_input_map_resize(&map, 640, 400, 1280, 800); /* a 2x high-DPI screen */
    return map;
}

static int key(hrc_input_map *map, SDL_Keycode sym, Uint16 mod, hrc_input *out)
{
    SDL_Event e = {.key = {.type = SDL_KEYDOWN, .state = SDL_PRESSED}};
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    return hrc_input_map_event(map, &e, 42, out);
}

static hrc_input_kind key_kind(hrc_input_map *map, SDL_Keycode sym, Uint16 mod)
{
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    int n = key(map, sym, mod, out);
    assert_true(n <= 1);
    return n ? out[0].kind : HRC_IN_NONE;
}

static void keyboard_navigation(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    assert_int_equal(key_kind(&map, SDLK_TAB, 0), HRC_IN_NEXT);
    assert_int_equal(key_kind(&map, SDLK_TAB, KMOD_LSHIFT), HRC_IN_PREV);
    assert_int_equal(key_kind(&map, SDLK_UP, 0), HRC_IN_UP);
    assert_int_equal(key_kind(&map, SDLK_DOWN, 0), HRC_IN_DOWN);
    assert_int_equal(key_kind(&map, SDLK_LEFT, 0), HRC_IN_LEFT);
    assert_int_equal(key_kind(&map, SDLK_RIGHT, 0), HRC_IN_RIGHT);
    assert_int_equal(key_kind(&map, SDLK_RETURN, 0), HRC_IN_ACTIVATE);
    assert_int_equal(key_kind(&map, SDLK_KP_ENTER, 0), HRC_IN_ACTIVATE);
    assert_int_equal(key_kind(&map, SDLK_SPACE, 0), HRC_IN_ACTIVATE);
    assert_int_equal(key_kind(&map, SDLK_ESCAPE, 0), HRC_IN_BACK);
    assert_int_equal(key_kind(&map, SDLK_PAGEUP, 0), HRC_IN_PAGE_UP);
    assert_int_equal(key_kind(&map, SDLK_PAGEDOWN, 0), HRC_IN_PAGE_DOWN);
    assert_int_equal(key_kind(&map, SDLK_HOME, 0), HRC_IN_HOME);
    assert_int_equal(key_kind(&map, SDLK_END, 0), HRC_IN_END);
    assert_int_equal(key_kind(&map, SDLK_KP_PLUS, 0), HRC_IN_ZOOM_IN);
    assert_int_equal(key_kind(&map, SDLK_MINUS, 0), HRC_IN_ZOOM_OUT);
    assert_int_equal(key_kind(&map, SDLK_EQUALS, KMOD_LCTRL), HRC_IN_ZOOM_IN);
    assert_int_equal(key_kind(&map, SDLK_BACKSPACE, 0), HRC_IN_BACKSPACE);
    assert_int_equal(key_kind(&map, SDLK_f, KMOD_LCTRL | KMOD_LALT), HRC_IN_FACILITATOR);
    assert_int_equal(key_kind(&map, SDLK_f, 0), HRC_IN_NONE);
    assert_int_equal(key_kind(&map, SDLK_q, 0), HRC_IN_NONE);
}

static void held_enter_does_not_repeat_the_action(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    SDL_Event e = {.key = {.type = SDL_KEYDOWN, .repeat = 1}};
    e.key.keysym.sym = SDLK_RETURN;
    assert_int_equal(hrc_input_map_event(&map, &e, 1, out), 0);
    e.key.keysym.sym = SDLK_DOWN; /* scrolling may repeat */
    assert_int_equal(hrc_input_map_event(&map, &e, 1, out), 1);
}

static int text(hrc_input_map *map, const char *s, hrc_input *out)
{
    SDL_Event e = {.text = {.type = SDL_TEXTINPUT}};
    strcpy(e.text.text, s);
    return hrc_input_map_event(map, &e, 7, out);
}

static void typing_names_and_pins(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    assert_int_equal(text(&map, "\xc3\xa9", out), 1);
    assert_int_equal(out[0].kind, HRC_IN_TEXT);
    assert_string_equal(out[0].text, "\xc3\xa9");
    assert_int_equal(out[0].now_ms, 7);
    /* Outside a text field, Space activates and does not also type. */
    assert_int_equal(text(&map, " ", out), 0);
    /* In a field, Space and '-' type ("Jean-Pierre Dupont"). */
    map.text_field = true;
    assert_int_equal(key_kind(&map, SDLK_SPACE, 0), HRC_IN_NONE);
    assert_int_equal(key_kind(&map, SDLK_MINUS, 0), HRC_IN_NONE);
    assert_int_equal(text(&map, " ", out), 1);
    assert_int_equal(text(&map, "-", out), 1);
    assert_string_equal(out[0].text, "-");
    assert_int_equal(key_kind(&map, SDLK_RETURN, 0), HRC_IN_ACTIVATE);
}

/* A presentation remote's "blank screen" key sends B or '.': presenter
 * mode's blank, once per press; in a text field they are typed. */
static void remote_blank_key(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    assert_int_equal(key_kind(&map, SDLK_b, 0), HRC_IN_BLANK);
    assert_int_equal(key_kind(&map, SDLK_b, KMOD_LSHIFT), HRC_IN_BLANK);
    assert_int_equal(key_kind(&map, SDLK_PERIOD, 0), HRC_IN_BLANK);
    assert_int_equal(key_kind(&map, SDLK_b, KMOD_LCTRL), HRC_IN_NONE);
    assert_int_equal(text(&map, "b", out), 0); /* not typed as well */
    assert_int_equal(text(&map, ".", out), 0);
    SDL_Event e = {.key = {.type = SDL_KEYDOWN, .repeat = 1}};
    e.key.keysym.sym = SDLK_b; /* held: blanks once, not on and off */
    assert_int_equal(hrc_input_map_event(&map, &e, 1, out), 0);
    map.text_field = true;
    assert_int_equal(key_kind(&map, SDLK_b, 0), HRC_IN_NONE);
    assert_int_equal(key_kind(&map, SDLK_PERIOD, 0), HRC_IN_NONE);
    assert_int_equal(text(&map, "b", out), 1);
    assert_string_equal(out[0].text, "b");
    assert_int_equal(text(&map, ".", out), 1);
}

static void mouse_in_output_pixels(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    SDL_Event e = {.button = {.type = SDL_MOUSEBUTTONDOWN, .which = 0,
                              .button = SDL_BUTTON_LEFT, .x = 100, .y = 50}};
    assert_int_equal(hrc_input_map_event(&map, &e, 1, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_POINTER_DOWN);
    assert_int_equal(out[0].x, 200);
    assert_int_equal(out[0].y, 100);
    assert_false(out[0].touch);

    SDL_Event m = {.motion = {.type = SDL_MOUSEMOTION, .x = 110, .y = 60}};
    assert_int_equal(hrc_input_map_event(&map, &m, 2, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_POINTER_MOVE);
    assert_true(out[0].pressed);
    assert_int_equal(out[0].x, 220);

    e.type = SDL_MOUSEBUTTONUP;
    assert_int_equal(hrc_input_map_event(&map, &e, 3, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_POINTER_UP);
    assert_int_equal(hrc_input_map_event(&map, &m, 4, out), 1);
    assert_false(out[0].pressed);

    /* The right button does nothing. */
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_RIGHT;
    assert_int_equal(hrc_input_map_event(&map, &e, 5, out), 0);
}

static void wheel_scrolls_and_ctrl_wheel_zooms(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    SDL_Event e = {.wheel = {.type = SDL_MOUSEWHEEL, .y = -2,
                             .direction = SDL_MOUSEWHEEL_NORMAL}};
    assert_int_equal(hrc_input_map_event(&map, &e, 1, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_WHEEL);
    assert_int_equal(out[0].dy, -2);
    SDL_SetModState(KMOD_LCTRL);
    assert_int_equal(hrc_input_map_event(&map, &e, 1, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_ZOOM_OUT);
    e.wheel.y = 1;
    assert_int_equal(hrc_input_map_event(&map, &e, 1, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_ZOOM_IN);
    SDL_SetModState(KMOD_NONE);
}

static void one_tap_acts_once(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    SDL_Event down = {.tfinger = {.type = SDL_FINGERDOWN, .fingerId = 5, .x = 0.5f,
                                  .y = 0.25f}};
    assert_int_equal(hrc_input_map_event(&map, &down, 1, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_POINTER_DOWN);
    assert_true(out[0].touch);
    assert_int_equal(out[0].x, 640);
    assert_int_equal(out[0].y, 200);
    /* The mouse twin SDL may still send for the same tap is dropped. */
    SDL_Event twin = {.button = {.type = SDL_MOUSEBUTTONDOWN, .which = SDL_TOUCH_MOUSEID,
                                 .button = SDL_BUTTON_LEFT, .x = 320, .y = 100}};
    assert_int_equal(hrc_input_map_event(&map, &twin, 1, out), 0);
    SDL_Event twin_move = {.motion = {.type = SDL_MOUSEMOTION, .which = SDL_TOUCH_MOUSEID}};
    assert_int_equal(hrc_input_map_event(&map, &twin_move, 1, out), 0);
    SDL_Event move = down;
    move.type = SDL_FINGERMOTION;
    move.tfinger.x = 0.75f;
    assert_int_equal(hrc_input_map_event(&map, &move, 3, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_POINTER_MOVE);
    assert_true(out[0].pressed && out[0].touch);
    assert_int_equal(out[0].x, 960);
    SDL_Event up = down;
    up.type = SDL_FINGERUP;
    assert_int_equal(hrc_input_map_event(&map, &up, 4, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_POINTER_UP);
    assert_int_equal(hrc_input_map_event(&map, &up, 5, out), 0);
}

/* A second finger ends the first one's press on nothing: a pinch (or a
 * two-finger tap) never taps what is under it. A quick tap of two fingers
 * that stay still reads the page aloud; a pinch or a slow one does not. */
static void two_fingers_never_tap(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    SDL_Event down = {.tfinger = {.type = SDL_FINGERDOWN, .fingerId = 5, .x = 0.5f,
                                  .y = 0.25f}};
    SDL_Event second = down;
    second.tfinger.fingerId = 6;
    SDL_Event up = down, up2 = second;
    up.type = up2.type = SDL_FINGERUP;
    for (int round = 0; round < 3; round++) {
        uint64_t t = 1000 * (uint64_t)(round + 1);
        assert_int_equal(hrc_input_map_event(&map, &down, t, out), 1);
        assert_int_equal(out[0].kind, HRC_IN_POINTER_DOWN);
        assert_int_equal(hrc_input_map_event(&map, &second, t + 50, out), 1);
        assert_int_equal(out[0].kind, HRC_IN_POINTER_UP);
        assert_true(out[0].x < 0 && out[0].y < 0);
        if (round == 1) { /* a pinch */
            SDL_Event g = {.mgesture = {.type = SDL_MULTIGESTURE, .numFingers = 2,
                                        .dDist = 0.07f}};
            assert_int_equal(hrc_input_map_event(&map, &g, t + 100, out), 1);
            assert_int_equal(out[0].kind, HRC_IN_ZOOM_IN);
        }
        SDL_Event move = down;
        move.type = SDL_FINGERMOTION;
        move.tfinger.dx = 0.001f;
        assert_int_equal(hrc_input_map_event(&map, &move, t + 120, out), 0);
        uint64_t lift = t + (round == 2 ? 900 : 200); /* round 2: too slow */
        assert_int_equal(hrc_input_map_event(&map, &up, lift, out), 0);
        int n = hrc_input_map_event(&map, &up2, lift + 10, out);
        if (round == 0) {
            assert_int_equal(n, 1);
            assert_int_equal(out[0].kind, HRC_IN_SPEECH_READ);
        } else {
            assert_int_equal(n, 0);
        }
        /* Then one finger taps again as before. */
        assert_int_equal(hrc_input_map_event(&map, &down, lift + 20, out), 1);
        assert_int_equal(out[0].kind, HRC_IN_POINTER_DOWN);
        assert_int_equal(hrc_input_map_event(&map, &up, lift + 40, out), 1);
        assert_int_equal(out[0].kind, HRC_IN_POINTER_UP);
    }
}

/* Spoken guidance's keys; held, only rate and volume repeat; with Ctrl
 * or Alt they are the system's. */
static void speech_keys(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    static const struct {
        SDL_Keycode key;
        hrc_input_kind kind;
        bool repeats;
    } keys[] = {
        {SDLK_F1, HRC_IN_SPEECH_TOGGLE, false}, {SDLK_F2, HRC_IN_SPEECH_SLOWER, true},
        {SDLK_F3, HRC_IN_SPEECH_FASTER, true},  {SDLK_F4, HRC_IN_SPEECH_STOP, false},
        {SDLK_F6, HRC_IN_SPEECH_READ, false},   {SDLK_F7, HRC_IN_SPEECH_NEXT, false},
        {SDLK_F8, HRC_IN_SPEECH_REPEAT, false}, {SDLK_F9, HRC_IN_SPEECH_QUIETER, true},
        {SDLK_F10, HRC_IN_SPEECH_LOUDER, true},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        SDL_Event e = {.key = {.type = SDL_KEYDOWN, .keysym = {.sym = keys[i].key}}};
        assert_int_equal(hrc_input_map_event(&map, &e, 1, out), 1);
        assert_int_equal(out[0].kind, keys[i].kind);
        e.key.repeat = 1;
        assert_int_equal(hrc_input_map_event(&map, &e, 2, out), keys[i].repeats ? 1 : 0);
        e.key.repeat = 0;
        e.key.keysym.mod = KMOD_LALT;
        assert_int_equal(hrc_input_map_event(&map, &e, 3, out), 0);
    }
    /* F5 is the author preview's (sdl/watch.c): the app never sees it. */
    SDL_Event f5 = {.key = {.type = SDL_KEYDOWN, .keysym = {.sym = SDLK_F5}}};
    assert_int_equal(hrc_input_map_event(&map, &f5, 1, out), 0);
}

static void pinch_zooms_in_steps(void **state)
{
    (void)state;
    hrc_input_map map = doubled();
    hrc_input out[HRC_INPUT_MAX_PER_EVENT];
    SDL_Event g = {.mgesture = {.type = SDL_MULTIGESTURE, .numFingers = 2,
                                .dDist = 0.04f}};
    assert_int_equal(hrc_input_map_event(&map, &g, 1, out), 0); /* not yet a step */
    assert_int_equal(hrc_input_map_event(&map, &g, 2, out), 1);
    assert_int_equal(out[0].kind, HRC_IN_ZOOM_IN);
    g.mgesture.dDist = -0.15f;
    assert_int_equal(hrc_input_map_event(&map, &g, 3, out), 2);
    assert_int_equal(out[0].kind, HRC_IN_ZOOM_OUT);
    assert_int_equal(out[1].kind, HRC_IN_ZOOM_OUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keyboard_navigation),
        cmocka_unit_test(held_enter_does_not_repeat_the_action),
        cmocka_unit_test(typing_names_and_pins),
        cmocka_unit_test(remote_blank_key),
        cmocka_unit_test(mouse_in_output_pixels),
        cmocka_unit_test(wheel_scrolls_and_ctrl_wheel_zooms),
        cmocka_unit_test(one_tap_acts_once),
        cmocka_unit_test(two_fingers_never_tap),
        cmocka_unit_test(speech_keys),
        cmocka_unit_test(pinch_zooms_in_steps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
