/*
 * keyboard.h: the on-screen keyboard of a kiosk with a touch screen and no
 * physical keyboard: letters (the layout of the interface language:
 * AZERTY in French, QWERTY with Ñ in Spanish, QWERTY otherwise), a page of
 * accented letters for French, Spanish and other Latin-script names, a
 * capital key, space, erase; the same with a row of digits above the
 * letters for typed answers (a blank may want "15" or "2019"); and a
 * keypad of digits for PINs.
 *
 * Promises:
 * - Each key is a target like any button: a tap, a click, or Tab then
 *   Enter presses it; each is at least u->min_target (44 px at 1080p and
 *   100 %) wide and tall, at every window size and text size.
 * - The number pad of numeric answers adds the decimal mark of the
 *   interface language (a comma in French and Spanish, a point in English).
 * - A key press becomes the input a physical key would have given
 *   (HRC_IN_TEXT with the character, HRC_IN_BACKSPACE), so a screen takes
 *   typed and tapped text in one place (its `text` hook).
 * - The keyboard's height depends only on the frame (osk_height), not on
 *   what was typed: a screen keeps room for it, so no key moves under a
 *   finger while the learner types.
 * - For names (OSK_NAME), letters start each word with a capital (after a
 *   space or a hyphen); for typed answers (OSK_TEXT) they are small; the
 *   capital key reverses that for the next letter.
 * - Drawing reads the state only.
 */
#ifndef HRC_SCREENS_KEYBOARD_H
#define HRC_SCREENS_KEYBOARD_H

#include "screens/ui.h"

#include <stdbool.h>

typedef enum osk_kind {
    OSK_NAME, /* letters, accented letters, space, erase */
    OSK_PIN,  /* the digits 0 to 9 and erase */
    OSK_NUMBER, /* the digits, the decimal mark and erase */
    OSK_TEXT, /* a row of digits, then the letters of OSK_NAME (small) */
} osk_kind;

typedef struct osk {
    bool accents; /* the page of accented letters is shown */
    bool shift;   /* the next letter's case is reversed */
} osk;

/* Height of the keyboard in this frame, with the gap below it. */
int osk_height(ui *u, osk_kind kind);
/*
 * Draws the keyboard at u->y, full column width, and advances u->y by
 * osk_height(). Each key is a target with `action` and an arg that
 * osk_press() understands. text: what the field holds now (for the
 * capital at the start of a word).
 */
void osk_draw(ui *u, const osk *k, osk_kind kind, int action, const char *text);
/*
 * The key `arg` of osk_draw's `action` was pressed. Returns true with *out
 * set (HRC_IN_TEXT or HRC_IN_BACKSPACE, now_ms left 0) when it types or
 * erases; false when it only changed the keyboard (page, capitals) or arg
 * is no key.
 */
bool osk_press(osk *k, int arg, const char *text, hrc_input *out);
/* The same for a keyboard of another kind than OSK_NAME (its capitals). */
bool osk_press_kind(osk *k, osk_kind kind, int arg, const char *text, hrc_input *out);

#endif
