/*
 * review_note.h: --render --review: what a PNG just written shows, noted
 * on the review sheet (io/review.h) from the app's state and draw list.
 */
#ifndef HRC_SDL_REVIEW_NOTE_H
#define HRC_SDL_REVIEW_NOTE_H

#include "core/draw.h"
#include "io/review.h"
#include "screens/app.h"

/* png_path: the file written (its name is what the sheet shows); course:
 * what the app plays (module files are named relative to its folder);
 * list: the frame drawn into it. The first screen of each question gets
 * notes: every choice with its feedback, the hints, the explanation, in
 * the app's language. Returns 0, or -1 when out of memory. */
int hrc_review_note(hrc_review *review, const char *png_path, const hrc_app *app,
                    const hrc_course *course, const hrc_draw_list *list);

#endif
