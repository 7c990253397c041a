/*
 * draw.h: what a screen wants on the display, as a list of commands, and
 * the abstract input the screens understand.
 *
 * Screens never draw: they append commands to an hrc_draw_list; a back end
 * (the SDL layer, or a test) replays them. Text is measured through an
 * hrc_text_metrics callback table, so layout runs and is tested with no
 * font loaded. Input reaches the screens as hrc_input values, never as SDL
 * events. Nothing here includes SDL.
 *
 * A frame also says what should be heard (spoken guidance): each target
 * carries a role ("button", "choice"...) and a state ("selected"...), and
 * the list carries the utterances the frame asks to be spoken, so that
 * speech is tested with no audio, as drawing is with no display.
 */
#ifndef HRC_DRAW_H
#define HRC_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hrc_color {
    uint8_t r, g, b, a;
} hrc_color;

typedef struct hrc_rect {
    int x, y, w, h;
} hrc_rect;

enum hrc_font_style {
    HRC_FONT_REGULAR = 0,
    HRC_FONT_ITALIC = 1 << 0, /* same bits as HRC_SPAN_EM */
    HRC_FONT_BOLD = 1 << 1,   /* same bits as HRC_SPAN_STRONG */
    /* A glyph of the icon font (screens/icons.h), drawn and measured as text. */
    HRC_FONT_ICON = 1 << 2,
};

typedef struct hrc_font {
    unsigned style; /* enum hrc_font_style bits */
    int px;         /* pixel size, already scaled for text size and DPI */
} hrc_font;

/* Text measurement, supplied by the back end (or a fake in tests). */
typedef struct hrc_text_metrics {
    void *ctx;
    /* Width in pixels of the first `len` bytes of UTF-8 `text`. */
    int (*width)(void *ctx, hrc_font font, const char *text, size_t len);
    /* Distance between baselines of consecutive lines. */
    int (*line_height)(void *ctx, hrc_font font);
} hrc_text_metrics;

typedef enum hrc_draw_kind {
    HRC_DRAW_RECT,      /* filled rectangle, `radius` rounds its corners */
    HRC_DRAW_FRAME,     /* rectangle outline `thickness` wide (focus rings) */
    HRC_DRAW_TEXT,      /* one line of text in one font, top-left at rect */
    HRC_DRAW_IMAGE,     /* image file scaled into rect, aspect kept */
    HRC_DRAW_CLIP,      /* clip later commands to rect (w = 0: no clip) */
} hrc_draw_kind;

typedef struct hrc_draw_cmd {
    hrc_draw_kind kind;
    hrc_rect rect;   /* TEXT: the measured box of the line */
    hrc_color color;
    int radius;      /* RECT */
    int thickness;   /* FRAME */
    hrc_font font;   /* TEXT */
    const char *text; /* TEXT: UTF-8, owned by the list; IMAGE: file path */
    hrc_rect bounds; /* TEXT: the box the layout had to stay in */
} hrc_draw_cmd;

/* What a target is, as spoken guidance names it ("Next, button"). */
typedef enum hrc_role {
    HRC_ROLE_NONE,           /* not described (never left so by the widgets) */
    HRC_ROLE_BUTTON,
    HRC_ROLE_CHOICE,         /* one answer of several, only one may be picked */
    HRC_ROLE_CHECKBOX,       /* one answer of several that may all be picked */
    HRC_ROLE_TEXT_FIELD,
    HRC_ROLE_LINK,
    HRC_ROLE_TIMELINE_EVENT, /* a marker on the timeline */
    HRC_ROLE_TIMELINE,       /* the timeline itself: pans and zooms */
    HRC_ROLE_LIST_ITEM,      /* an item to put in order */
    HRC_ROLE_COUNT
} hrc_role;

/*
 * Something the learner can click, tap or focus, as drawn: lets tests (and
 * assistive back ends) find targets without parsing the commands. The
 * screens hit-test pointer input themselves; a back end may ignore this.
 */
typedef struct hrc_draw_target {
    hrc_rect rect;     /* the visible part, in output pixels */
    const char *label; /* what it says ("Next", a choice's text), owned by the list */
    bool focused;      /* it carries the keyboard focus ring */
    hrc_role role;
    /* Its state in words ("selected", "correct answer"), translated; ""
     * when it has none. Owned by the list. */
    const char *state;
    /* The language the label is written in (module text may differ from
     * the interface): a BCP 47 tag owned by the list, or NULL for the
     * interface language. */
    const char *lang;
} hrc_draw_target;

/* Something to say aloud: plain text, never markup. */
typedef struct hrc_utterance {
    const char *text; /* UTF-8, owned by the list; "" only silences */
    const char *lang; /* BCP 47 tag of the voice to use, owned by the list */
    bool queue;       /* said after what is being said; false: interrupts it */
} hrc_utterance;

/* A list of commands; strings are copied into it. */
typedef struct hrc_draw_list {
    hrc_draw_cmd *cmds;
    size_t count, capacity;
    struct hrc_arena *strings;
    bool out_of_memory; /* set when a command could not be added */
    hrc_draw_target *targets; /* in focus order */
    size_t n_targets, targets_capacity;
    /* What to say, in order: the first one usually interrupts, the rest
     * queue behind it. Empty when spoken guidance is off. */
    hrc_utterance *utterances;
    size_t n_utterances, utterances_capacity;
} hrc_draw_list;

/*
 * A zeroed list ({0}) is a valid empty list too. Clearing keeps the
 * allocations for the next frame; free releases everything (NULL is fine).
 * The push functions never fail loudly: on allocation failure they set
 * out_of_memory and drop the command. Text is copied (len bytes; a NUL in
 * them ends it).
 */
void hrc_draw_list_init(hrc_draw_list *list);
void hrc_draw_list_clear(hrc_draw_list *list);
void hrc_draw_list_free(hrc_draw_list *list);
void hrc_draw_rect(hrc_draw_list *list, hrc_rect rect, hrc_color color, int radius);
void hrc_draw_frame(hrc_draw_list *list, hrc_rect rect, hrc_color color,
                    int thickness);
void hrc_draw_text(hrc_draw_list *list, hrc_rect rect, hrc_rect bounds,
                   hrc_font font, hrc_color color, const char *text, size_t len);
void hrc_draw_image(hrc_draw_list *list, hrc_rect rect, const char *path);
void hrc_draw_clip(hrc_draw_list *list, hrc_rect rect); /* w = 0: no clip */
void hrc_draw_target_add(hrc_draw_list *list, hrc_rect rect, const char *label,
                         bool focused);
/* Describes the last target added: its role, state (NULL: none) and the
 * language of its label (NULL: the interface's). Strings are copied. */
void hrc_draw_target_describe(hrc_draw_list *list, hrc_role role, const char *state,
                              const char *lang);
/* Adds an utterance (text and lang are copied; lang NULL: "en"). */
void hrc_draw_say(hrc_draw_list *list, const char *text, const char *lang, bool queue);
/* A copy of text kept until the list is cleared; NULL when out of memory. */
const char *hrc_draw_copy(hrc_draw_list *list, const char *text);

/* Rectangle helpers. */
bool hrc_rect_contains(hrc_rect outer, hrc_rect inner); /* inner inside outer */
bool hrc_rect_has_point(hrc_rect r, int x, int y);
hrc_rect hrc_rect_intersect(hrc_rect a, hrc_rect b); /* w = h = 0 when apart */

/* ---- Input ------------------------------------------------------------ */

typedef enum hrc_input_kind {
    HRC_IN_NONE,
    HRC_IN_NEXT,      /* Tab: focus the next target */
    HRC_IN_PREV,      /* Shift+Tab */
    HRC_IN_UP, HRC_IN_DOWN, HRC_IN_LEFT, HRC_IN_RIGHT,
    HRC_IN_ACTIVATE,  /* Enter or Space on the focused target */
    HRC_IN_BACK,      /* Escape */
    HRC_IN_PAGE_UP, HRC_IN_PAGE_DOWN, HRC_IN_HOME, HRC_IN_END,
    HRC_IN_ZOOM_IN, HRC_IN_ZOOM_OUT, /* +/-, Ctrl+wheel, pinch */
    HRC_IN_POINTER_DOWN, /* mouse button or finger down at x, y */
    HRC_IN_POINTER_MOVE, /* with `pressed` while a drag goes on */
    HRC_IN_POINTER_UP,
    HRC_IN_WHEEL,        /* dx, dy in notches */
    HRC_IN_TEXT,         /* typed UTF-8 in `text` (names, PINs) */
    HRC_IN_BACKSPACE,
    HRC_IN_TICK,         /* time passed; `now_ms` holds the fake or real clock */
    HRC_IN_RESIZE,       /* new output size in x, y */
    /*
     * The facilitator key combination, Ctrl+Alt+F (the back end maps it;
     * never a single key, so a learner does not hit it by chance). Opens the
     * facilitator screen, which asks for the facilitator PIN before leaving
     * kiosk mode or showing everyone's progress.
     */
    HRC_IN_FACILITATOR,
    HRC_IN_QUIT,         /* Ctrl+Q: leave the program (ignored in kiosk mode) */
    /*
     * Spoken guidance (screens/spoken.h); the back end maps the keys and
     * gestures (sdl/input.h), and reports when the engine falls silent.
     */
    HRC_IN_SPEECH_TOGGLE,  /* F1, or a two-second press: turn it on or off */
    HRC_IN_SPEECH_SLOWER,  /* F2 */
    HRC_IN_SPEECH_FASTER,  /* F3 */
    HRC_IN_SPEECH_STOP,    /* F4: silence now */
    HRC_IN_SPEECH_READ,    /* F6, two-finger tap: read the page from the focus on */
    HRC_IN_SPEECH_NEXT,    /* F7: skip to the next paragraph */
    HRC_IN_SPEECH_REPEAT,  /* F8: say the last thing again */
    HRC_IN_SPEECH_QUIETER, /* F9 */
    HRC_IN_SPEECH_LOUDER,  /* F10 */
    HRC_IN_SPEECH_DONE,    /* the back end: everything said has been heard */
    /* B or '.' outside text fields, as presentation remotes send their
     * "blank screen" key: presenter mode blanks the screen (and back). */
    HRC_IN_BLANK,
} hrc_input_kind;

typedef struct hrc_input {
    hrc_input_kind kind;
    int x, y;        /* pointer position in output pixels; RESIZE: size */
    int dx, dy;      /* WHEEL */
    bool pressed;    /* POINTER_MOVE: a button or finger is down */
    bool touch;      /* the pointer is a finger */
    char text[32];   /* TEXT */
    uint64_t now_ms; /* every input carries the clock */
} hrc_input;

#endif
