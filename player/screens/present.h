/*
 * present.h: presenter mode, the questions the room got wrong on a
 * projector (docs/trainer.md, "Presenter mode").
 *
 * One question at a time, large, hardest first (core/itemstats.h's order
 * for one group; questions nobody answered last). Each question goes
 * through three steps: the question and its choices with no answer
 * marked; the answer revealed; then how the group answered (a bar a
 * choice with its count and share, the right one marked by an icon; for
 * ordering, matching, fill-in and numeric questions, the share right on
 * the first try and the wrong answer given most). After the last
 * question, a closing slide.
 *
 * Promises:
 * - The answers are read from the store when presenter mode opens and
 *   when Home takes it back to the first question (answers given since
 *   are counted then), never while drawing. It reads aggregated answers
 *   only: no learner's name is ever shown. Reading needs the facilitator
 *   (an unlocked store: the facilitator screen's PIN, or the command
 *   line's HRC_PROGRESS_OPEN_FACILITATOR); a locked store shows why, and
 *   no store at all shows the questions with "no answers yet".
 * - Keys, as a presentation remote sends them: Page Down, Right, Space
 *   and Enter go one step on; Page Up and Left one step back; B or '.'
 *   (HRC_IN_BLANK) blanks the screen to black and back (any step key
 *   shows it again without stepping); Home goes back to the first
 *   question; End to the last; Escape leaves. The bottom bar has the
 *   same for pointers and touch: Leave, Blank screen, Previous and the
 *   next step; a tap anywhere on the blank screen shows it again.
 * - Leaving goes back to the screen it was opened from. Opened first
 *   (hrc-player --present), leaving quits the player: Escape asks first
 *   (Escape again quits, any other key stays), the bar's Quit does not.
 *   In a kiosk, presenter mode never shows the idle prompt (the trainer
 *   is talking), but leaving it after the kiosk's idle time without a key
 *   goes to sign-in, not back to the unlocked facilitator screen.
 * - Spoken guidance reads the question, the answer and the figures of
 *   each step as it appears.
 */
#ifndef HRC_SCREENS_PRESENT_H
#define HRC_SCREENS_PRESENT_H

#include "screens/app.h"

#include <stdint.h>

/*
 * Opens presenter mode above the current screen for the learners of
 * group (HRC_GROUP_ALL: everyone; HRC_GROUP_NONE: those in no group; or a
 * group's id), reading their answers at once (about 0.3 s for a class of
 * 1,000). For the facilitator screen's questions view; Escape comes back.
 */
void presenter_open(hrc_app *app, int64_t group);

/* The same as the app's first and only screen (hrc-player --present):
 * leaving it quits. */
void presenter_start(hrc_app *app, int64_t group);

#endif
