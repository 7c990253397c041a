/*
 * ui.h: what the screens share inside hrc_screens: the app's state, the
 * per-frame layout context, and the widgets (widgets.c).
 *
 * How a frame is made: hrc_app_draw() builds a `ui` and calls the current
 * screen's draw function, which places widgets top to bottom in a scroll
 * view. Widgets append draw commands and register targets (what can be
 * clicked or focused, with an action code). Input then works on the
 * targets of the last frame: Tab walks them, Enter activates the focused
 * one, a click activates the one under the pointer.
 *
 * Not a public header: the back end only sees app.h and draw.h.
 */
#ifndef HRC_SCREENS_UI_H
#define HRC_SCREENS_UI_H

#include "core/draw.h"
#include "core/i18n.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/nav.h"
#include "core/quiz.h"
#include "core/theme.h"
#include "io/progress.h"
#include "screens/app.h"
#include "screens/export_folders.h"

#include <stdbool.h>
#include <stdint.h>

/* ---- Actions ------------------------------------------------------------ */

/* Actions every screen understands; screens number theirs from ACT_SCREEN. */
enum {
    ACT_NONE,
    ACT_BACK,
    ACT_SETTINGS,
    ACT_HOME,
    ACT_SIGN_OUT,
    ACT_SCROLL_AREA, /* not clickable: marks the scroll view for drags */
    ACT_SCREEN = 100,
};

typedef struct ui_target {
    hrc_rect rect;    /* on screen, visible part */
    hrc_rect content; /* where the layout put it (content coordinates) */
    bool scrolled;    /* inside the scroll view */
    bool draggable;   /* the screen handles drags that start on it */
    bool focusable;
    int action, arg;
} ui_target;

#define UI_MAX_TARGETS 512
#define UI_MAX_NAMES 64
#define UI_NAME_MAX HRC_LEARNER_NAME_MAX /* a name: 64 characters, up to 256 bytes */
#define UI_PIN_MAX 16
#define UI_MAX_OPEN_ALTS 32

/* The facilitator screen's own state (facilitator.c). */
typedef struct facilitator_state {
    int64_t confirm_learner; /* whose deletion awaits "Delete"; 0: none */
    char confirm_name[UI_NAME_MAX];
    bool exporting;          /* the list of export folders is shown */
    hrc_export_folder folders[HRC_EXPORT_FOLDERS_MAX];
    size_t n_folders;
    char typed_path[HRC_EXPORT_PATH_MAX]; /* a folder typed in instead */
    char message[2 * HRC_EXPORT_PATH_MAX + 256]; /* the last outcome */
    bool message_is_error;
    bool notice_read;        /* the damaged-store notice was acknowledged */
    int focus_action;        /* keyboard: focus this button next frame; 0 none */
} facilitator_state;

/* What the player remembers of a module during this run. */
typedef struct module_state {
    bool *seen;          /* per item */
    int *attempts_used;  /* per item (quizzes) */
    double *best;        /* per item, percent; -1 none */
    bool launched;
    bool completed; /* the completion rule was met and recorded */
} module_state;

struct hrc_app {
    hrc_app_config cfg;
    char lang[8];
    int text_percent;
    bool high_contrast;
    bool kiosk;        /* cleared when a facilitator leaves kiosk mode */
    hrc_nav nav;
    uint64_t now;

    /* Learner */
    bool signed_in;
    bool guest;
    int64_t learner_id; /* progress store id; 0 when none */
    char learner_name[UI_NAME_MAX];
    char names[UI_MAX_NAMES][UI_NAME_MAX]; /* learners kept in memory */
    size_t n_names;
    hrc_learner *learners; /* from the progress store */
    size_t n_learners;
    char name_entry[UI_NAME_MAX];
    bool typing_name;
    int pin_learner;   /* stored learner whose PIN is being typed, -1 none */

    module_state *mods; /* per course module */
    hrc_session session;
    int session_module; /* -1 when no session */
    uint64_t item_shown_ms;

    /* Quiz */
    hrc_quiz_attempt *attempt;
    int attempt_module, attempt_item;
    int grabbed;      /* ordering: position picked up by keyboard, -1 none */
    int match_left;   /* matching: left picked, -1 none */
    char notice[256]; /* a one-line message (a failed save...) */

    /* Timeline */
    int tl_event;        /* selected event, flat index, -1 none */
    double tl_center;    /* year at the canvas centre */
    double tl_zoom;      /* 1 = the whole timeline fits */
    int tl_canvas_w;     /* last canvas width, for pans by pixels */
    double tl_span;      /* years shown at zoom 1 */

    /* Images whose description is open (block pointers). */
    const void *open_alts[UI_MAX_OPEN_ALTS];
    size_t n_open_alts;

    /* Kiosk */
    uint64_t last_input_ms;
    bool idle_prompt;
    uint64_t idle_prompt_ms;
    char pin_entry[UI_PIN_MAX];
    bool facilitator_unlocked;
    facilitator_state fac;
    /* The store could not be opened and nobody has chosen yet between
     * playing without saving and quitting (facilitator.c). */
    bool store_choice_pending;

    /* Targets of the last frame and pointer tracking. */
    ui_target targets[UI_MAX_TARGETS];
    int n_targets;
    hrc_rect view; /* the scroll view of the last frame */
    int content_h;
    int line_px;   /* one line of body text, for keyboard scrolling */
    bool stale;    /* state changed since the last frame */
    bool reveal_focus; /* scroll the focused target into view */
    int dropped_runs;  /* text a frame had to leave out for lack of room (tests) */
    int pressed;   /* target under a pointer press, -1 none */
    bool dragging;
    bool press_on_scroll;
    int press_x, press_y, last_x, last_y, press_scroll;

    /* A copy of the last hrc_app_draw()'s metrics: input that arrives before
     * the next frame re-lays out the screen with them. */
    hrc_text_metrics metrics;
    bool have_metrics;
    int width, height;
    float dpi;
    hrc_draw_list scratch;
};

/* ---- Frame context -------------------------------------------------------- */

typedef struct ui {
    hrc_app *app;
    const hrc_text_metrics *m;
    hrc_draw_list *list;
    const hrc_palette *pal;
    int W, H;
    float scale;    /* 1.0 at 1080p and 96 dpi */
    int px;         /* body text */
    int small_px;
    int h1_px, h2_px;
    int pad;
    int min_target; /* 44 px at scale 1 */
    int ring;       /* focus ring thickness */

    bool in_scroll;
    hrc_rect view;  /* the scroll view on screen */
    int scroll;
    int x, w;       /* the content column */
    int y;          /* cursor, content coordinates */
    int flow_x, flow_h; /* a row of inline buttons being filled */
    bool in_flow;
    int focus;      /* target index with the ring */
    bool focus_seen;
    hrc_rect focus_content;
    bool focus_scrolled;
    hrc_layout lay; /* reused for every wrap */
} ui;

typedef enum button_state {
    BTN_NORMAL,
    BTN_SELECTED,
    BTN_RIGHT,
    BTN_WRONG,
    BTN_QUIET, /* a secondary button: outlined */
} button_state;

/* Widgets (widgets.c). Content coordinates inside the scroll view. */
int ui_add_target(ui *u, hrc_rect content, int action, int arg, const char *label,
              bool draggable);
void ui_text(ui *u, const hrc_text *t, unsigned style, int px, hrc_color color);
void ui_plain(ui *u, const char *s, unsigned style, int px, hrc_color color);
void ui_spans_at(ui *u, const hrc_span *spans, size_t n, unsigned style, int px,
                 hrc_color color, int x, int w);
void ui_gap(ui *u, int h);
void ui_flow_end(ui *u);
/* An inline button, flowed left to right (wraps to the next row). */
int ui_button(ui *u, const char *label, int action, int arg, button_state st);
/* A full-width button with wrapped (styled) text. prefix is drawn first
 * ("1.", a check mark); may be NULL. */
int ui_block_button(ui *u, const char *prefix, const hrc_text *t, const char *plain,
                    int action, int arg, button_state st, bool draggable);
/* Blocks of a lesson page or case study. */
void ui_blocks(ui *u, const hrc_block *blocks, size_t n, int action_alt);
void ui_box_begin(ui *u, hrc_rect *box_start);
void ui_box_end(ui *u, hrc_rect box_start, hrc_color bg);
int ui_text_height(ui *u, const char *s, unsigned style, int px, int width);
int ui_text_width(ui *u, const char *s, unsigned style, int px);
/* Text placed at a fixed screen position inside `bounds`: drawn only if
 * it fits (wrapped) in bounds; returns its height or -1. */
int ui_fixed_text(ui *u, const char *s, unsigned style, int px, hrc_color color,
                  hrc_rect bounds);

const char *ui_pick(const hrc_app *app, const hrc_module *m, const hrc_text *t);
const hrc_module *ui_module(const hrc_app *app, int index);
bool ui_alt_open(const hrc_app *app, const void *key);
void ui_alt_toggle(hrc_app *app, const void *key);

/* ---- Screens ---------------------------------------------------------- */

typedef struct screen_ops {
    void (*draw)(ui *u);
    /* A target of the screen (action >= ACT_SCREEN) was activated. */
    unsigned (*activate)(hrc_app *app, int action, int arg);
    /* Keys the screen handles itself; *handled says whether it did. */
    unsigned (*key)(hrc_app *app, const hrc_input *in, bool *handled);
    /* Typed text (sign-in name, PIN). */
    unsigned (*text)(hrc_app *app, const hrc_input *in);
    /* A drag that started on a draggable target moved by dx, dy. */
    unsigned (*drag)(hrc_app *app, int action, int arg, int dx, int dy);
    /* ... and ended over target `to` (NULL: nowhere). */
    unsigned (*drop)(hrc_app *app, int action, int arg, const ui_target *to);
    /* Title for the top bar. */
    const char *(*title)(const hrc_app *app);
} screen_ops;

extern const screen_ops screen_signin, screen_home, screen_module, screen_page,
    screen_timeline, screen_case, screen_quiz, screen_results, screen_settings,
    screen_facilitator;

/* App services (app.c) for the screens. */
void app_go(hrc_app *app, hrc_nav_loc loc);        /* push */
/* Opens an item: pushed (Back returns here), or sideways in reading order
 * (replaces the current item). */
void app_go_item(hrc_app *app, int module, int item, bool sideways);
void app_replace(hrc_app *app, hrc_nav_loc loc);
void app_back(hrc_app *app);
void app_sign_in(hrc_app *app, const char *name, int64_t learner_id, bool guest);
void app_sign_out(hrc_app *app, hrc_session_end why);
void app_set_lang(hrc_app *app, const char *lang);
void app_apply_prefs(hrc_app *app);
void app_mark_seen(hrc_app *app, int module, int item);
/* Records completion once the module's completion rule is met. */
void app_check_completion(hrc_app *app, int module);
bool app_record_answer(hrc_app *app, const hrc_quiz_item *it);
bool app_record_quiz_end(hrc_app *app, double percent, bool passed);
void app_start_attempt(hrc_app *app, int module, int item);
void app_reload_learners(hrc_app *app);
/* Shared by the item screens (page.c). */
/* The item shown, or NULL when the location does not hold one of `kind`. */
const hrc_item *screen_item(const hrc_app *app, hrc_item_kind kind);
/* Previous / Next buttons in the module's reading order (arg = item). */
void screen_prev_next(ui *u, int act_prev, int act_next);
unsigned screen_go_sideways(hrc_app *app, int item);

/* The progress store's problems (facilitator.c): a notice on sign-in that
 * the store was damaged and replaced, and the screen shown instead of any
 * other while app->store_choice_pending. */
void store_notice_draw(ui *u);
extern const screen_ops screen_store_problem;
/* Entering the facilitator screen: locked, nothing pending. */
void facilitator_enter(hrc_app *app);
/* Whether the facilitator screen takes typed text (the PIN, a folder). */
bool facilitator_wants_text(const hrc_app *app);

/* Drawing of the idle prompt (idle.c). */
void idle_draw(ui *u);
unsigned idle_input(hrc_app *app, const hrc_input *in, bool *consumed);
int64_t idle_timeout_ms(const hrc_app *app, uint64_t now);
#define IDLE_COUNTDOWN_MS 30000

#endif
