/*
 * input.h: SDL events to the player's abstract input (core/draw.h).
 *
 * Keyboard:  Tab / Shift+Tab       NEXT / PREV
 *            arrows                UP / DOWN / LEFT / RIGHT
 *            Enter, keypad Enter   ACTIVATE
 *            Space                 ACTIVATE (typed as text while a text field
 *                                  has the focus)
 *            Escape                BACK
 *            PageUp/PageDown, Home/End   PAGE_UP / PAGE_DOWN / HOME / END
 *            + / = / - (also keypad)   ZOOM_IN / ZOOM_OUT (typed in text fields)
 *            Backspace             BACKSPACE
 *            B, '.'                BLANK (presenter mode; letters in text fields)
 *            Ctrl+Alt+F            FACILITATOR
 *            F1                    SPEECH_TOGGLE (spoken guidance on or off)
 *            F2 / F3               SPEECH_SLOWER / SPEECH_FASTER
 *            F4                    SPEECH_STOP
 *            F6                    SPEECH_READ (the page, from the focus on)
 *            F7 / F8               SPEECH_NEXT (paragraph) / SPEECH_REPEAT
 *            F9 / F10              SPEECH_QUIETER / SPEECH_LOUDER
 *            (F5 stays free: the author preview reloads with it)
 *            typed characters      TEXT (names, PINs)
 * Mouse:     button down/up        POINTER_DOWN / POINTER_UP
 *            motion                POINTER_MOVE, `pressed` while a button is down
 *            wheel                 WHEEL (notches); Ctrl+wheel: ZOOM_IN / ZOOM_OUT
 * Touch:     finger down/move/up   POINTER_* with touch = true (first finger only)
 *            a second finger       cancels the first one's press (POINTER_UP at
 *                                  -1, -1: on nothing), so a pinch or a
 *                                  two-finger tap never acts on what is under it
 *            pinch                 ZOOM_IN / ZOOM_OUT
 *            two-finger tap        SPEECH_READ (both fingers lifted within
 *                                  HRC_INPUT_TAP_MS, neither moved)
 *            (a finger held still for two seconds is a long press: the app
 *            times it, screens/spoken.h)
 * Mouse events that SDL synthesises from touch (which == SDL_TOUCH_MOUSEID)
 * are dropped, so one tap never acts twice. Coordinates are converted to
 * output pixels (high-DPI screens have more pixels than window points).
 */
#ifndef HRC_SDL_INPUT_H
#define HRC_SDL_INPUT_H

#include "core/draw.h"

#include <SDL.h>

#include <stdbool.h>
#include <stdint.h>

enum { HRC_INPUT_MAX_PER_EVENT = 4, HRC_INPUT_TAP_MS = 600 };

typedef struct hrc_input_map {
    int window_w, window_h; /* in window points */
    int output_w, output_h; /* in output pixels */
    bool text_field;        /* a text field has the focus: Space, + and - type */
    bool mouse_down;
    bool finger_down;
    SDL_FingerID finger;    /* the finger that drives the pointer */
    float pinch;            /* pinch distance gathered towards the next step */
    /* A second finger came: the first one's press was cancelled, and the
     * two make a gesture until both are lifted. */
    bool gesture;
    bool second_down;
    SDL_FingerID second;
    uint64_t gesture_ms;    /* when the second finger came */
    float gesture_moved;    /* how far the fingers moved, in screen fractions */
} hrc_input_map;

/* Records the window and output sizes; call on start and on every resize. */
void hrc_input_map_resize(hrc_input_map *map, int window_w, int window_h,
                          int output_w, int output_h);

/*
 * Translates one SDL event into zero or more inputs written to out (at most
 * HRC_INPUT_MAX_PER_EVENT). Window events (resize, quit) are left to the
 * caller and give zero inputs. Returns the number written.
 */
int hrc_input_map_event(hrc_input_map *map, const SDL_Event *event, uint64_t now_ms,
                        hrc_input *out);

#endif
