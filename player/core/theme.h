/*
 * theme.h: the colour palettes of the player, and the WCAG 2 contrast
 * ratio used to check them.
 *
 * Promises: every text colour of a palette reaches at least 4.5:1 on the
 * backgrounds it is drawn on in the default palette and 7:1 in the high
 * contrast one (WCAG 2.1 AA and AAA); hrc_palette_text_pairs() lists
 * those pairs so that a test checks them all.
 * (Named "palette" because hrc_theme names the areas of action.)
 */
#ifndef HRC_THEME_H
#define HRC_THEME_H

#include "core/draw.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct hrc_palette {
    const char *name;
    hrc_color background;  /* the screen */
    hrc_color surface;     /* cards, boxes, the timeline canvas */
    hrc_color text;        /* body text, on background and surface */
    hrc_color muted;       /* secondary text (sources, dates), on both */
    hrc_color button;      /* button face */
    hrc_color button_text;
    hrc_color selected;    /* a chosen setting, a selected event */
    hrc_color selected_text;
    hrc_color picked;      /* an answer picked, before checking: its face ... */
    hrc_color picked_border; /* ... and its thick border and mark (not green) */
    hrc_color focus;       /* the focus ring: outer line ... */
    hrc_color focus_inner; /* ... and inner line, so that one of the two stands
                              out (3:1) on whatever it sits on */
    hrc_color accent;      /* progress bars, icons of things done */
    hrc_color track;       /* the empty part of a progress bar */
    hrc_color border;
    hrc_color right;       /* feedback: right answer (text on surface) */
    hrc_color wrong;       /* feedback: wrong answer (text on surface) */
    hrc_color band[2];     /* timeline eras, alternating */
    hrc_color band_text;   /* era titles on either band */
    hrc_color marker;      /* timeline events */
    hrc_color overlay;     /* dims the screen behind a prompt */
} hrc_palette;

const hrc_palette *hrc_palette_get(bool high_contrast);

/* WCAG 2 contrast ratio of two opaque colours: 1.0 to 21.0. */
double hrc_contrast_ratio(hrc_color a, hrc_color b);

typedef struct hrc_color_pair {
    const char *what;
    hrc_color fg, bg;
} hrc_color_pair;

/* Every text-on-background pair the screens draw; returns how many (at
 * most max are written). */
size_t hrc_palette_text_pairs(const hrc_palette *p, hrc_color_pair *out, size_t max);

/* Every colour the focus ring or a picked answer's border can sit on or
 * next to (backgrounds, faces, borders); returns how many. */
size_t hrc_palette_ring_grounds(const hrc_palette *p, hrc_color_pair *out, size_t max);

#endif
