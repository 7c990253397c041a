/*
 * pinentry.h: typing a PIN on screen, shared by sign-in, Settings, the
 * facilitator screen and a kiosk's first start.
 *
 * Promises:
 * - The digits are never drawn: the field shows one dot a digit. They are
 *   wiped (explicit_bzero) by pin_entry_clear(), which every screen calls
 *   after a check and when it is left.
 * - Only the digits 0 to 9 are taken, at most `max` of them.
 * - While wrong tries lock the PIN (hrc_progress_wait_ms()), the time left
 *   is counted down on screen, second by second, through the screen's
 *   timer (pin_entry_timer): the app sleeps in between, nothing polls.
 * - A PIN check costs about half a second by design. A screen shows that it
 *   is checking first, and checks at the next tick (pin_entry_pending):
 *   the frame saying so is on screen while the check runs.
 */
#ifndef HRC_SCREENS_PINENTRY_H
#define HRC_SCREENS_PINENTRY_H

#include "screens/keyboard.h"
#include "screens/ui.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pin_entry {
    char digits[UI_PIN_MAX];
    int max;              /* HRC_LEARNER_PIN_MAX_DIGITS or HRC_FACILITATOR_PIN_MAX_DIGITS */
    uint64_t wait_until;  /* app clock (hrc_input.now_ms): no try before; 0 none */
    int pending;          /* a slow action to run at the next tick (the screen's code); 0 none */
    osk keypad;
} pin_entry;

void pin_entry_init(pin_entry *p, int max);
void pin_entry_clear(pin_entry *p); /* the digits only */
bool pin_entry_empty(const pin_entry *p);

/* Typed text and Backspace (the screen's `text` hook). */
unsigned pin_entry_text(pin_entry *p, const hrc_input *in);
/* A key of the keypad drawn by pin_entry_draw (its key_action). */
unsigned pin_entry_key(pin_entry *p, int arg);

/*
 * Draws `prompt` (bold), the field (a target with field_action: one dot a
 * digit, then a bar for the caret) and, on a kiosk, the keypad (targets
 * with key_action). Returns the field's target index.
 */
int pin_entry_draw(ui *u, const pin_entry *p, const char *prompt, int field_action,
                   int key_action);

/* Throttling: the store said to wait wait_ms (<= 0: no wait). */
void pin_entry_wait(pin_entry *p, uint64_t now, int64_t wait_ms);
bool pin_entry_waiting(const pin_entry *p, uint64_t now);
/* "Too many wrong PINs. Try again in 1 min 05 s." while waiting; false
 * (and out "") when not. */
bool pin_entry_wait_text(const pin_entry *p, uint64_t now, char *out, size_t size);

/* For the screen's timer: 0 when an action is pending, else the time to
 * the countdown's next second, else -1. */
int64_t pin_entry_timer(const pin_entry *p, uint64_t now);

/* A duration for people: "45 s", "4 min 05 s" (rounded up to the second). */
void pin_format_wait(int64_t ms, char *out, size_t size);

#endif
