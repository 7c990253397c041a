/*
 * spoken.h: spoken guidance as the screens produce it. Each frame says,
 * in hrc_draw_list.utterances, what should be heard; the back end only
 * plays it (sdl/voice.h). No audio is involved here, so what a blind
 * learner hears is tested like what a sighted one sees.
 *
 * Promises:
 * - The widgets describe every target they make: a label, a role and a
 *   state (hrc_draw_target). Moving the focus says them: "Choice 2 of 3,
 *   a label granted by the United Nations, not selected"; "Next, button";
 *   "Timeline event, October 2022: ...". Screens add nothing for that.
 * - Entering a screen says its title and the learner's place, taken from
 *   what the screen draws: the line above its title ("Part 2 of 5 ·
 *   Lesson") and the title. Then what the screen adds with ui_say() (the
 *   question, the feedback after an answer, the score), then the notices
 *   that appeared (errors, the bars' alerts), then the focused target.
 *   Something that stays the same from frame to frame is said once.
 * - F6 (or a two-finger tap) reads the page from the focus on, one
 *   paragraph at a time, each image by its description; F7 skips to the
 *   next paragraph, F8 says the last thing again, F4 silences; F2 and F3
 *   change the rate, F9 and F10 the volume. F1, or a finger held still for
 *   two seconds anywhere, turns spoken guidance on or off, and says so.
 * - With spoken guidance on, a tap on a touch screen first says what is
 *   under the finger (and puts the focus there); a second tap on it acts.
 * - Each text is said in the language it is written in: module text in
 *   hrc_text_pick()'s language (which may differ from the interface's),
 *   the interface's words in the interface language.
 * - What is said is plain text: no markup, no ids, no icon glyphs, no
 *   layout marks (a text field's "|", "·", "→"); a PIN is never read out,
 *   only how many digits were typed.
 * - While spoken guidance is off nothing is recorded and nothing said
 *   (but the words that turn it off), so frames cost what they did.
 *
 * The learner's choice and rate are kept in their profile (learner.c);
 * signing out returns to the kiosk's setting (hrc_app_config.speech).
 */
#ifndef HRC_SCREENS_SPOKEN_H
#define HRC_SCREENS_SPOKEN_H

#include "core/draw.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hrc_app;
struct hrc_learner_prefs;

enum {
    SPOKEN_MAX_TARGETS = 512,  /* as UI_MAX_TARGETS */
    SPOKEN_MAX_SAYS = 24,
    SPOKEN_MAX_NOTICES = 16,
    SPOKEN_LONG_PRESS_MS = 2000,
    SPOKEN_VOLUME_STEP = 10,   /* percent */
    SPOKEN_VOLUME_MIN = 10,
};

/* A target as speech describes it (parallel to the frame's targets). */
typedef struct spoken_target {
    const char *label;  /* what it says, in the frame's list; never NULL */
    const char *state;  /* "" when none */
    const char *lang;   /* of the label; NULL: the interface's */
    size_t prefix_len;  /* label bytes in the interface language before the
                           text ("Part 2 · Lesson" before a title) */
    hrc_role role;
} spoken_target;

typedef enum spoken_kind {
    SPOKEN_TEXT,   /* a paragraph, heading or line */
    SPOKEN_TARGET, /* a target (its description) */
    SPOKEN_IMAGE,  /* an image (its description) */
    SPOKEN_STATUS, /* a bar's status line */
} spoken_kind;

/* The frame's content in reading order. */
typedef struct spoken_entry {
    spoken_kind kind;
    int level;        /* TEXT: 1 the screen's title, 2 a heading, 0 else */
    bool small_bold;  /* TEXT: a short line above a title */
    bool alert;       /* an error or a notice: said when it appears */
    bool in_scroll;   /* in the content, not in a bar */
    int target;       /* TARGET: index among the frame's targets */
    const char *text; /* TEXT, IMAGE, STATUS: in the frame's list */
    const char *lang; /* NULL: the interface's */
    hrc_rect content; /* where the layout put it (content coordinates) */
} spoken_entry;

typedef struct spoken_say {
    const char *text, *lang;
} spoken_say;

typedef struct spoken_state {
    /* Settings */
    bool on;
    int rate_step;     /* HRC_SPEECH_RATE_STEP_MIN..MAX (io/progress.h) */
    int volume;        /* percent, SPOKEN_VOLUME_MIN..100 */
    int pref;          /* the signed-in learner's enum hrc_speech_pref */
    bool chosen;       /* turned on or off by hand since the last sign-out */
    bool rate_chosen;  /* the rate changed by hand since the last sign-out */
    char problem[256]; /* why speech cannot be heard (the back end says) */

    /* The frame being made (cleared by spoken_frame_begin()) */
    bool recording;
    hrc_draw_list *list;
    spoken_target targets[SPOKEN_MAX_TARGETS];
    spoken_entry *entries;
    size_t n_entries, cap_entries;
    spoken_say says[SPOKEN_MAX_SAYS];
    int n_says;
    bool overlay;      /* the idle prompt covers the screen */
    /* How the next target a widget makes is described (ui_next_target()):
     * anything set here wins over the widget's own description. */
    struct {
        bool set;
        hrc_role role;
        const char *state, *label, *lang;
    } next;
    bool no_alerts;    /* coloured text here is not a notice (results.c) */

    /* What was said, to tell what is new */
    bool fresh;        /* say the screen anew on the next frame */
    uint64_t identity, title_hash, says_hash;
    uint64_t notices[SPOKEN_MAX_NOTICES];
    int n_notices;
    int focus;
    uint64_t focus_name, focus_state;
    int field;            /* the text field typing went to, -1 none */
    char field_text[256]; /* ... and what it held */
    uint64_t field_state;

    /* Asked for by input, done by the next frame */
    char message[128]; /* "Spoken guidance on.", "Faster"... */
    bool say_off, stop, repeat;
    bool read;         /* say entries[read_at] */
    bool reading;      /* reading the page: go on when it is heard */
    int read_at;

    /* The last thing said, for F8: text NUL lang NUL, n times */
    char *last;
    size_t last_len, last_cap;
    int last_n;

    /* A finger held down */
    bool press, press_fired;
    uint64_t press_ms;
    int press_x, press_y;
} spoken_state;

/* What the settings screen's buttons do (ACT_SPEECH's arg). */
enum spoken_control {
    SPOKEN_OFF, SPOKEN_ON, SPOKEN_SLOWER, SPOKEN_FASTER, SPOKEN_QUIETER, SPOKEN_LOUDER,
};
unsigned spoken_control_do(struct hrc_app *app, int control);

/* Releases what the state holds (the app's end). */
void spoken_fini(spoken_state *s);

/* Speech keys, gestures and the engine's "done"; taps while speech is on.
 * *taken: nothing else should see the input. Returns effect bits. */
unsigned spoken_input(struct hrc_app *app, const hrc_input *in, bool *taken);
/* When a held finger becomes a long press; -1: no timer. */
int64_t spoken_timeout_ms(const struct hrc_app *app, uint64_t now);

/* Around each layout of a frame (app.c): clears what is recorded ... */
void spoken_frame_begin(struct hrc_app *app, hrc_draw_list *list);
/* ... and, after the frame the back end asked for, adds the utterances. */
void spoken_frame_end(struct hrc_app *app, hrc_draw_list *list);

/* Recording, for the widgets (widgets.c, bars.c). */
void spoken_record_text(struct hrc_app *app, const char *text, const char *lang, int level,
                        bool small_bold, bool alert, bool in_scroll, hrc_rect content);
void spoken_record_target(struct hrc_app *app, int index, const char *label,
                          hrc_role role, const char *state, const char *lang,
                          size_t prefix_len);
void spoken_record_image(struct hrc_app *app, const char *alt, const char *lang,
                         bool in_scroll, hrc_rect content);
void spoken_record_status(struct hrc_app *app, const char *text, bool alert);
void spoken_record_say(struct hrc_app *app, const char *text, const char *lang);

/* The role in words, as a description says it ("button", "Choice"). */
const char *spoken_role_name(hrc_role role);
/* Text made fit to be spoken: layout marks and icon glyphs taken out,
 * "·" and "→" as pauses, "2000–2010" as "2000 to 2010". */
void spoken_clean(const char *in, char *out, size_t size);

/* The learner's profile (learner.c): applied on sign-in, where a choice
 * made on the sign-in screen wins and is kept; the kiosk's on sign-out. */
void spoken_sign_in(struct hrc_app *app, const struct hrc_learner_prefs *prefs);
void spoken_sign_out(struct hrc_app *app);
/* What to keep in the profile (learner.c's app_apply_prefs()). */
void spoken_prefs(const struct hrc_app *app, struct hrc_learner_prefs *prefs);

#endif
