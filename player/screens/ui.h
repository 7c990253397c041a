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
#include "io/host.h"
#include "screens/app.h"
#include "screens/session.h"
#include "screens/spoken.h"

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
    ACT_QUIT,        /* window mode: leave the program */
    ACT_ITEM_PREV,   /* an item's bar: the previous item (arg) */
    ACT_ITEM_NEXT,   /* ... the next item (arg) */
    ACT_FINISH,      /* ... the module is complete: its completion screen */
    ACT_SPEECH,      /* spoken guidance's controls (arg: enum spoken_control) */
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

/* Images whose description the learner opened (page, case study). */
typedef struct ui_alt_set {
    const void *open[UI_MAX_OPEN_ALTS]; /* the images' block pointers */
    size_t n;
} ui_alt_set;

/* The pointer as the app's input dispatch follows it (app.c). */
typedef struct ui_pointer {
    int pressed;   /* target under a pointer press, -1 none */
    bool dragging;
    bool press_on_scroll;
    int press_x, press_y, last_x, last_y, press_scroll;
} ui_pointer;

/* The kiosk's idle prompt (idle.c). */
typedef struct ui_idle {
    uint64_t last_input_ms;
    bool prompt;
    uint64_t prompt_ms;
} ui_idle;

/*
 * The app keeps only what every screen shares: the course and store (in
 * cfg), the settings, the learner and their session, the navigation stack
 * (each entry owns its screen's state: screen_state()), and the frame and
 * pointer bookkeeping of the input dispatch.
 */
struct hrc_app {
    hrc_app_config cfg;
    const hrc_host *host; /* cfg.host, or one that offers nothing */
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
    char names[UI_MAX_NAMES][UI_NAME_MAX]; /* learners kept in memory (no store) */
    size_t n_names;
    hrc_learner *learners; /* from the progress store, for sign-in */
    size_t n_learners;
    learner_session session; /* session.h */
    char notice[256]; /* a one-line message (a failed save...) */

    ui_idle idle;
    /* The store could not be opened and nobody has chosen yet between
     * playing without saving and quitting (facilitator.c). */
    bool store_choice_pending;
    bool store_notice_read; /* the damaged-store notice was acknowledged */

    /* Targets of the last frame and pointer tracking. */
    ui_target targets[UI_MAX_TARGETS];
    int n_targets;
    hrc_rect view; /* the scroll view of the last frame */
    int content_h;
    int line_px;   /* one line of body text, for keyboard scrolling */
    bool stale;    /* state changed since the last frame */
    bool reveal_focus; /* scroll the focused target into view */
    /* Scroll what the screen marks with ui_mark_reveal() into view in the
     * next frame (set by a screen's action: feedback after a check). */
    bool reveal_marked;
    /* Thousandths of the content's length to scroll to once the screen on
     * top is laid out (the reading place of an earlier sign-in); -1 none. */
    int resume_permille;
    int main_target;   /* the last frame's main action, -1 none */
    bool keyboard;     /* the last input was a key, not a pointer */
    int dropped_runs;  /* text a frame had to leave out for lack of room (tests) */
    ui_pointer ptr;

    /* A copy of the last hrc_app_draw()'s metrics: input that arrives before
     * the next frame re-lays out the screen with them. */
    hrc_text_metrics metrics;
    bool have_metrics;
    int width, height;
    float dpi;
    hrc_draw_list scratch;
    spoken_state speech; /* spoken guidance (spoken.h) */
};

/* ---- Frame context -------------------------------------------------------- */

/* A button of the top or bottom bar, queued until the bar is laid out. */
#define UI_BAR_MAX 12
typedef struct ui_bar_item {
    const char *icon;  /* screens/icons.h; may be NULL */
    char label[256];
    int action, arg;
    int state;         /* button_state */
    bool right;        /* packed to the right end of the bar */
    bool main;         /* the screen's main action: keyboard focus starts here */
    bool icon_only;    /* the label is for tests and speech; the icon is shown */
    int w, h;          /* measured */
} ui_bar_item;

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
    int main_target; /* the screen's main action (target index), -1 none */
    /* A line a block button keeps room for above its text although it
     * does not show it (ui_block_button): set by a screen around the call,
     * so that a row does not grow when a line appears there. */
    const char *block_head;
    hrc_rect reveal; /* ui_mark_reveal(): content to bring into view */
    bool reveal_set;
    hrc_layout lay; /* reused for every wrap */

    /* The bar being assembled (bars.c). */
    ui_bar_item bar[UI_BAR_MAX];
    int n_bar;
    char bar_status[256];     /* a line of text between the two ends */
    bool bar_status_alert;    /* ... a problem, in the alert colour */
    bool bar_status_short;    /* ... information only: cut to fit (ui_bar_title) */
    int content_w;            /* the widest comfortable column (about 70 characters) */
    /* Pixels at the top of the scroll view that content which does not
     * scroll covers (a table's header kept in sight): the focused target
     * is brought into view below them. */
    int covered_top;
} ui;

typedef enum button_state {
    BTN_NORMAL,
    BTN_SELECTED,
    BTN_RIGHT,
    BTN_WRONG,
    BTN_QUIET,  /* a secondary button: outlined */
    BTN_PICKED, /* an answer picked, not yet checked: tinted, thick border */
    BTN_DONE,   /* an item done: quiet, with its tick */
    /* A right answer the learner did not pick: a dashed border and a mark
     * in the colour of right answers, on a plain face; the screen shows
     * an outlined mark and says so in words. */
    BTN_MISSED,
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
/* The same with an icon before the label (screens/icons.h). */
int ui_button_icon(ui *u, const char *icon, const char *label, int action, int arg,
                   button_state st);
/* One option of a choice (language, text size...): a radio mark and the
 * label, filled when selected, so that the choice shows by shape too. */
int ui_option(ui *u, const char *label, int action, int arg, bool selected);
/* A section's heading: an icon (may be NULL) and the words, h2. */
void ui_section_heading(ui *u, const char *icon, const char *text);
/* The same, where what the button does needs more words than it shows
 * ("Start" on a module's card is "Start · Module 2 · Key steps"): name is
 * the target's label, for speech and tests. */
int ui_button_named(ui *u, const char *icon, const char *label, const char *name,
                    int action, int arg, button_state st);
/* A full-width button with wrapped (styled) text. icon (may be NULL) sits
 * in a column at its left, on the first line; prefix (may be NULL) is a
 * short bold line above the text ("Correct answer", "Quiz"). */
int ui_block_button(ui *u, const char *icon, const char *prefix, const hrc_text *t,
                    const char *plain, int action, int arg, button_state st,
                    bool draggable);
/* A line of a list to read, not to press (results, what was done): an
 * icon in a column at the left in colour `mark`, a short line above (head,
 * may be NULL) and a text (t, or plain). No face, no border, no target. */
void ui_entry(ui *u, const char *icon, hrc_color mark, const char *head, const hrc_text *t,
              const char *plain);
/* An icon glyph at content coordinates (x, y), size px tall; returns its width. */
int ui_icon(ui *u, const char *icon, int x, int y, int px, hrc_color color);
/* A horizontal progress bar at content coordinates, done out of total. */
void ui_progress(ui *u, hrc_rect r, int done, int total);
/* Marks the target just added as the screen's main action. */
void ui_mark_main(ui *u, int target);
/* A region (content coordinates) that takes pointer presses and does
 * nothing with them: what is drawn over the targets beneath it (a table's
 * header kept in sight). Never focused, never described. */
void ui_shield(ui *u, hrc_rect content);
/* text cut to fit width w on one line at (style, px), with "..." when it
 * had to be cut (whole UTF-8 characters). */
void ui_fit(ui *u, const char *text, unsigned style, int px, int w, char *out, size_t size);
/* One line of text at content coordinates (x, y), at most w wide (cut
 * with "..." when longer): for tables, where nothing may wrap. Not read
 * by spoken guidance (the row's target says it). Returns the line's
 * height. */
int ui_line_at(ui *u, const char *text, unsigned style, int px, hrc_color color, int x, int y,
               int w);
/* The same wrapped on at most max_lines lines, the last cut with "...".
 * Returns the height. */
int ui_lines_at(ui *u, const char *text, unsigned style, int px, hrc_color color, int x, int y,
                int w, int max_lines);
/* Width ui_button_icon() gives a button with this icon (may be NULL) and
 * label in the current column. */
int ui_button_width(ui *u, const char *icon, const char *label);
/* Marks content rectangle r (the feedback after a check) to be scrolled
 * into view in this frame, when the screen asked for it by setting
 * app->reveal_marked in an action: its bottom is brought up, its top
 * never above the view's. */
void ui_mark_reveal(ui *u, hrc_rect r);
/* A row of a matching question: `left` in the left part, a slot on the
 * right holding `right` (empty: `placeholder`, in italics). Its height
 * is the tallest of `left` and every text in `slot_texts` (n of them) at
 * the slot's width, so that filling the slot never moves the rows below.
 * left_w: the room the texts on the left need (the widest of a question's,
 * so that the slots line up), at most half the row; 0: two fifths. A
 * target (action, arg) described by the screen (ui_next_target). On a
 * narrow column the slot goes under the text. Returns the target. */
int ui_pair_row(ui *u, const char *icon, const char *left, const char *left_lang,
                const char *right, const char *right_lang, const char *placeholder,
                const char *const *slot_texts, size_t n, int left_w, int action, int arg,
                button_state st);

/* Bars (bars.c): buttons queued with ui_bar_add(), laid out in one or more
 * rows (left group, status text, right group) by ui_bar_layout(), drawn
 * by ui_bar_draw(). The app uses them for the top bar and for the screen's
 * bottom bar, which stays put while the content scrolls. */
void ui_bar_clear(ui *u);
void ui_bar_add(ui *u, bool right, const char *icon, const char *label, int action,
                int arg, button_state st);
/* The same, as the screen's main action. */
void ui_bar_main(ui *u, const char *icon, const char *label, int action, int arg);
void ui_bar_status(ui *u, const char *text, bool alert);
/* A status that only informs (the top bar's module title): cut with an
 * ellipsis to the room between the groups, or left out, rather than given
 * a row of its own. */
void ui_bar_title(ui *u, const char *text);
/* Height the queued bar needs at this width. */
int ui_bar_height(ui *u, int width);
void ui_bar_draw(ui *u, hrc_rect area, hrc_color bg);
/* Blocks of a lesson page or case study; alts: the images whose
 * description is open (NULL: none can be opened). */
void ui_blocks(ui *u, const hrc_block *blocks, size_t n, int action_alt,
               const ui_alt_set *alts);
/* Blocks [from, to) of an array; the alt action's arg stays the index. */
void ui_blocks_from(ui *u, const hrc_block *blocks, size_t from, size_t to, int action_alt,
                    const ui_alt_set *alts);
/* The campaign's areas of action in words and as icons (case.c). */
const char *screen_theme_label(hrc_theme t);
const char *screen_theme_icon(hrc_theme t);
void ui_box_begin(ui *u, hrc_rect *box_start);
void ui_box_end(ui *u, hrc_rect box_start, hrc_color bg);
/* A box (face and border) put behind the commands drawn since list index
 * `at`, over content rectangle r. */
void ui_behind(ui *u, size_t at, hrc_rect r, hrc_color bg);
/* An image of the model scaled into r (content coordinates), aspect kept. */
void ui_image(ui *u, const hrc_image *img, hrc_rect r);
int ui_text_height(ui *u, const char *s, unsigned style, int px, int width);
/* The height ui_text() would take for t at this width. */
int ui_text_block_height(ui *u, const hrc_text *t, unsigned style, int px, int width);
/* The language of interface strings (and plain strings): the learner's;
 * its typography applies to them (French spacing). */
const char *ui_lang(const ui *u);
int ui_text_width(ui *u, const char *s, unsigned style, int px);
/* Text placed at a fixed screen position inside `bounds`: drawn only if
 * it fits (wrapped) in bounds; returns its height or -1. */
int ui_fixed_text(ui *u, const char *s, unsigned style, int px, hrc_color color,
                  hrc_rect bounds);

/* Spoken guidance (spoken.h). What the screen wants said when it appears
 * or when this changes (a question, the feedback after an answer, a
 * score), in the interface language or as module text in its own. */
void ui_say(ui *u, const char *text);
void ui_say_text(ui *u, const hrc_text *t);
/* How the next target a widget makes is described, where the widget's
 * own description is not enough: its role, its state in words, what it
 * is called when spoken (label; NULL: what it shows) and the language of
 * that (lang; NULL: the interface's). HRC_ROLE_NONE and NULL keep the
 * widget's own. */
void ui_next_target(ui *u, hrc_role role, const char *state, const char *label,
                    const char *lang);
/* The idle prompt covers the screen: only what it says is said. */
void ui_say_overlay(ui *u);
/* Text in the alert colours that is not a notice (a review of answers). */
void ui_say_no_alerts(ui *u, bool on);
/* The sign-in screen's large line on how to turn spoken guidance on. */
void spoken_signin_hint(ui *u);
/* The settings screen's part for spoken guidance: on or off, and with it
 * on, its speed and volume (ACT_SPEECH buttons, for touch screens). */
void spoken_settings_draw(ui *u);

const char *ui_pick(const hrc_app *app, const hrc_module *m, const hrc_text *t);
const hrc_module *ui_module(const hrc_app *app, int index);
bool ui_alt_open(const ui_alt_set *set, const void *key);
void ui_alt_toggle(ui_alt_set *set, const void *key);

/* ---- Screens ---------------------------------------------------------- */

typedef struct screen_ops {
    /*
     * The screen's own state: state_size zeroed bytes, made when the screen
     * is entered, then init(); fini() releases what init() took, when the
     * screen's place in the history goes. Either may be NULL; init() sees
     * the screen's location on top of the navigation stack.
     */
    size_t state_size;
    void (*init)(hrc_app *app, void *state);
    void (*fini)(hrc_app *app, void *state);
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
    /* The bottom bar: ui_bar_add() its buttons (Previous, Next, Check
     * answer...); they stay on screen while the content scrolls. */
    void (*bar)(ui *u);
    /* Whether a target being dragged (action) may be dropped on `to`: the
     * app then marks `to` while the pointer is over it. */
    bool (*accepts)(const hrc_app *app, int action, const ui_target *to);
    /* A timer of the screen (a countdown, a slow check shown before it
     * runs): milliseconds until it wants an HRC_IN_TICK (0: at once, once
     * the frame is shown), or -1 for none; hrc_app_next_timeout_ms() takes
     * the earlier of it and the idle prompt's. tick() then gets the TICK. */
    int64_t (*timer)(const hrc_app *app, uint64_t now);
    unsigned (*tick)(hrc_app *app, uint64_t now);
    /* The screen fills the window itself, with no top bar (presenter
     * mode: a slide for a projector); its own bar has the way out. */
    bool no_top_bar;
} screen_ops;

extern const screen_ops screen_signin, screen_home, screen_module, screen_page,
    screen_timeline, screen_case, screen_quiz, screen_results, screen_settings,
    screen_facilitator, screen_complete, screen_setup, screen_present;
/* The trainer's screens (screens/trainer.h). */
extern const screen_ops screen_class, screen_learner_admin, screen_groups, screen_questions,
    screen_paper, screen_class_import, screen_kiosk_admin;
/* Whether s is one of the trainer's screens behind the facilitator PIN
 * (not the PIN's own screen). */
bool screen_is_trainer(hrc_screen s);
/* Whether the trainer's screen on top takes typed text (a name, a PIN). */
bool trainer_wants_text(const hrc_app *app);

/* The state of the screen on top of the navigation stack (NULL when it
 * has none), and the same for a given entry. */
void *screen_state(const hrc_app *app);
/* The screen on top's operations (the store's problem first, when it
 * waits for a choice). */
const screen_ops *app_current_ops(const hrc_app *app);
/* Makes sure the targets match the current state (input may arrive
 * between a change and the next frame): frame.c builds it again. */
void app_refresh_targets(hrc_app *app);

/* App services (app.c) for the screens. Each entering a screen makes its
 * state; each leaving one frees it. */
void app_go(hrc_app *app, hrc_nav_loc loc);        /* push */
/* Opens an item: pushed (Back returns here), or sideways in reading order
 * (replaces the current item). */
void app_go_item(hrc_app *app, int module, int item, bool sideways);
void app_replace(hrc_app *app, hrc_nav_loc loc);
/* Opens an item where the learner left it (its scroll position). */
void app_resume_item(hrc_app *app, int module, int item);
void app_reset(hrc_app *app, hrc_nav_loc root);   /* the history starts again */
void app_back(hrc_app *app);
/* Whether the facilitator screen may open now (Ctrl+Alt+F, or Settings'
 * button for touch): not before a kiosk's first PIN, not over the
 * trainer's own screens, not in --present. */
bool app_facilitator_reachable(const hrc_app *app);
void app_sign_in(hrc_app *app, const char *name, int64_t learner_id, bool guest);
void app_sign_out(hrc_app *app, hrc_session_end why);
/* The same, keeping the screen on top (and its state), with the trainer's
 * screens it stands on, above sign-in: the facilitator deleting (or
 * merging away) the learner who is signed in. */
void app_sign_out_beneath(hrc_app *app, hrc_session_end why);
void app_set_lang(hrc_app *app, const char *lang);
void app_apply_prefs(hrc_app *app);
void app_reload_learners(hrc_app *app);
/* Shared by the item screens (page.c). */
/* The item shown, or NULL when the location does not hold one of `kind`. */
const hrc_item *screen_item(const hrc_app *app, hrc_item_kind kind);
/* "Lesson 3 of 8" above an item's title. */
void screen_item_header(ui *u);
/* The bottom bar of an item: Previous, "Part n of N", Next (or, on the
 * last item, Finish module / Back to contents). */
void screen_item_bar(ui *u);
/* Left/Right turn pages; Page Down at the end of a page and Page Up at its
 * top too. Sets *handled. */
unsigned screen_turn_key(hrc_app *app, const hrc_input *in, bool *handled);
/* Activates the bar's actions (ACT_ITEM_PREV, ACT_ITEM_NEXT, ACT_FINISH). */
unsigned screen_item_activate(hrc_app *app, int action, int arg);
unsigned screen_go_sideways(hrc_app *app, int item);
/* Item kinds in words and as icons (home.c). */
const char *screen_item_kind_name(hrc_item_kind k);
const char *screen_item_kind_icon(hrc_item_kind k);
/* "Passed, best score 85 %", "Not passed yet, ... 1 attempt left" (home.c). */
void screen_quiz_status(const hrc_app *app, int module, int item, char *out, size_t size);
/* A choice's text ("True"/"False" for true/false without text) (quiz.c). */
const char *screen_choice_label(const hrc_app *app, const hrc_module *m,
                                const hrc_question *q, size_t c);
/* The right answer of a question in words: "The right one", "1. One,
 * 2. Two", "Cat → Meow; ...", a fill-in's answers, a number (results.c). */
void screen_right_answer_text(const hrc_app *app, const hrc_module *m, const hrc_question *q,
                              char *out, size_t size);
/* The question presenter mode shows (present.c), for hrc_app_current_id(). */
const hrc_question *present_question(const hrc_app *app, const hrc_module **module);
/* A response in words (results.c). */
void screen_response_text(const hrc_app *app, const hrc_module *m, const hrc_question *q,
                          const hrc_response *r, char *out, size_t size);
/* The right answer in words (results.c). */
void screen_right_answer_text(const hrc_app *app, const hrc_module *m, const hrc_question *q,
                              char *out, size_t size);
/* How a question's score was made, in plain words, counts first ("2 of 3
 * matches right: 67%.") (quiz.c). */
void screen_credit_line(const hrc_question *q, const hrc_response *r, double score,
                        char *out, size_t size);
/* A percentage as the interface language writes it: "70%" in English,
 * "70 %" with a no-break space in French; never parted at a line end. */
void screen_percent(int pct, char *out, size_t size);
/* Where to go on in a module; -1 when every part is done (home.c). */
int screen_next_item(const hrc_app *app, int module);

/* The progress store's problems (facilitator.c): a notice on sign-in that
 * the store was damaged and replaced, and the screen shown instead of any
 * other while app->store_choice_pending. */
void store_notice_draw(ui *u);
extern const screen_ops screen_store_problem;
/* Whether the facilitator screen takes typed text (the PIN, a folder). */
bool facilitator_wants_text(const hrc_app *app);
/* Whether the sign-in screen takes typed text (a name, a PIN), and whether
 * someone has started signing in (the kiosk's idle time then counts). */
bool signin_wants_text(const hrc_app *app);
/* The quiz shows a fill-in or numeric question not yet checked. */
bool quiz_wants_text(const hrc_app *app);
bool signin_in_progress(const hrc_app *app);
/* The store's sign-in settings or learners changed (facilitator screen):
 * the sign-in screen beneath reads them again. */
void signin_refresh(hrc_app *app);
/* Whether Settings takes typed text (a learner changing their PIN). */
bool settings_wants_text(const hrc_app *app);
/* A kiosk's first start (setup.c): true when the app must ask for the
 * facilitator PIN before anything else; whether it takes typed text. */
bool setup_needed(const hrc_app *app);
bool setup_wants_text(const hrc_app *app);
/* The timeline's selected event (flat index, -1 none), for --goto and the
 * preview's "where am I". */
void timeline_select(hrc_app *app, int event);
int timeline_selected(const hrc_app *app);

/* Drawing of the idle prompt (idle.c). */
void idle_draw(ui *u);
unsigned idle_input(hrc_app *app, const hrc_input *in, bool *consumed);
int64_t idle_timeout_ms(const hrc_app *app, uint64_t now);
#define IDLE_COUNTDOWN_MS 30000

#endif
