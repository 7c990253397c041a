/*
 * trace.h: HRC_TRACE_SCREENS=1 prints what each new screen shows, so that
 * end-to-end tests can follow the player and find what to click:
 *
 *   screen: <title>
 *   id: <id of the page, event, case, question... shown; "-" for none>
 *   target: <x> <y> <w> <h> [*]<label>      (one per clickable, focus order;
 *                                            * marks the focused one)
 *   end
 *   say: <lang> <text>                      (what spoken guidance says, one
 *                                            line an utterance; "+" before
 *                                            lang when it queues)
 *
 * The title is the first line in the largest font on the screen. A block is
 * printed only when the title or the targets changed since the last one.
 * Coordinates are output pixels.
 */
#ifndef HRC_SDL_TRACE_H
#define HRC_SDL_TRACE_H

#include "core/draw.h"

#include <stdint.h>
#include <stdio.h>

typedef struct hrc_trace {
    uint64_t last; /* digest of the last block printed */
} hrc_trace;

/* The title of a drawn screen ("" when it has no text); points into list. */
const char *hrc_trace_title(const hrc_draw_list *list);

/* id: what the app says it shows (hrc_app_current_id), or NULL. */
void hrc_trace_frame(hrc_trace *trace, const hrc_draw_list *list, const char *id,
                     FILE *out);
/* The frame's utterances, as "say:" lines. */
void hrc_trace_say(const hrc_draw_list *list, FILE *out);

#endif
