/*
 * app.h: the whole player as a state machine, with no display.
 *
 * A back end (the SDL layer, or a test) creates an hrc_app for a course,
 * feeds it abstract input (draw.h), and asks it for a draw list whenever
 * hrc_app_handle_input() says the screen changed. Time comes in with every
 * input (hrc_input.now_ms), so tests drive it with a fake clock.
 * Nothing here includes SDL.
 */
#ifndef HRC_APP_H
#define HRC_APP_H

#include "core/draw.h"
#include "core/model.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct hrc_app hrc_app;
struct hrc_host;
struct hrc_lrs_status; /* io/lrs_worker.h */

typedef struct hrc_app_config {
    const hrc_course *course;  /* borrowed; must outlive the app */
    const char *lang;          /* "en", "fr", "es"; NULL: "en" */
    int text_scale_percent;    /* 100, 150 or 200; 0: 100 */
    bool high_contrast;
    bool kiosk;
    int idle_timeout_s;        /* kiosk: 0 means the default, 180 */
    bool preview;              /* author preview: never records, shows a mark */
    struct hrc_progress *progress; /* NULL: nothing is recorded */
    uint64_t seed;             /* shuffling; fixed in tests */
    /* --goto: open the module, page, timeline, event, case study, quiz or
     * question with this id, as a guest (screens/goto.h); NULL: sign-in.
     * An unknown id leaves the app at sign-in. */
    const char *start_id;

    /* What became of the progress store at start (hrc_progress_open), so
     * that a problem is shown on screen, never silently passed over. */
    /* The store was damaged: it was kept aside under this path and a new
     * one started (HRC_PROGRESS_RECOVERED). Sign-in and the facilitator
     * screen say so. NULL: nothing happened. */
    const char *store_moved_aside;
    /* The store could not be opened at all (read-only or full disk...):
     * the app starts on a screen that shows store_error and offers "Play
     * without saving progress" or "Quit" (HRC_APP_QUIT), kiosk or not.
     * progress is then NULL. */
    bool store_unavailable;
    const char *store_error;
    /* The store file (hrc_progress_open_info.path): its folder is offered
     * for exports after any removable drive. NULL: none. */
    const char *store_path;
    /* What the screens ask of the machine: switching gettext's language,
     * listing export folders, checking a folder (io/host.h). The back end
     * passes hrc_host_system(); tests pass fakes. NULL: a machine that
     * offers none of it. Borrowed; must outlive the app. */
    const struct hrc_host *host;
    /* The kiosk issues certificates (the trainer's tools): the completion
     * screen then tells the learner how to get theirs. */
    bool certificates;
    /* The background sync to a learning record store (io/lrs_worker.h),
     * for the facilitator screen: fills *out and returns true when a sync
     * is configured. It only copies a snapshot under a lock: it never
     * waits. NULL: no sync, nothing shown. */
    bool (*sync_status)(void *user, struct hrc_lrs_status *out);
    void *sync_status_user;
    /* Classroom mode for this run (--show-learners): the sign-in screen
     * lists every learner, as the store's own setting does
     * (hrc_progress_show_learners). Otherwise a kiosk's sign-in finds
     * learners from the first letters of their name. */
    bool show_learners;
    /* The store's folder or a file of it could be read by other users of
     * the machine (hrc_progress_open_info.exposed, HRC_PROGRESS_TIGHTENED
     * or HRC_PROGRESS_EXPOSED): which, its mode then, and whether the
     * player made it private. The facilitator screen says so. NULL: all
     * was private. */
    const char *store_exposed;
    unsigned store_exposed_mode;
    bool store_exposed_fixed;
    /* Spoken guidance is on at start and after each sign-out (--speech
     * on); a learner's own choice is kept in their profile. */
    bool speech;
    /* The player's own fonts (assets/fonts), for the trainer's paper
     * (io/paper.h: the class report and certificates made from the
     * facilitator screen); NULL: the system's fonts. */
    const char *fonts_dir;
    /* hrc-player --present: the app shows presenter mode only
     * (screens/present.h) for the learners of present_group
     * (HRC_GROUP_ALL, HRC_GROUP_NONE or a group's id), whose answers it
     * reads from progress (which must be unlocked); leaving it quits. */
    bool present;
    int64_t present_group;
} hrc_app_config;

/* What the back end should do after an input. */
enum hrc_app_effect {
    HRC_APP_REDRAW = 1 << 0,       /* the screen changed */
    HRC_APP_QUIT = 1 << 1,         /* leave the program */
    HRC_APP_WANT_TICK = 1 << 2,    /* a timer is running: send TICKs */
    HRC_APP_LANG_CHANGED = 1 << 3, /* language, text size or theme changed:
                                      drop cached text textures */
    /* A facilitator entered the PIN and chose to leave kiosk mode: leave
     * full screen and let the window be closed again. */
    HRC_APP_KIOSK_EXIT = 1 << 4,
};

/* NULL when out of memory. */
hrc_app *hrc_app_new(const hrc_app_config *config);
void hrc_app_free(hrc_app *app);

/* Returns enum hrc_app_effect bits. */
unsigned hrc_app_handle_input(hrc_app *app, const hrc_input *input);

/*
 * Lays out and draws the current screen into `list` (cleared first) for an
 * output of width x height pixels. `dpi_scale` is the output's pixels per
 * 1/96 inch: 1.0 at 96 dpi, 2.0 on a doubled high-DPI screen, 1.5 on a
 * 144-dpi touch screen; the interface never draws text smaller than reads
 * well at that density.
 * The metrics table is copied, but its ctx must stay valid until the next
 * hrc_app_draw() or hrc_app_free(): input arriving between a change and the
 * next frame is resolved against a fresh layout made with it.
 * list->targets lists what can be clicked or focused, in focus order.
 */
void hrc_app_draw(hrc_app *app, const hrc_text_metrics *metrics, int width,
                  int height, float dpi_scale, hrc_draw_list *list);

/*
 * Whether a text field has the focus (learner name, PIN): the back end
 * then enables text input (SDL_StartTextInput, an on-screen keyboard).
 */
bool hrc_app_wants_text(const hrc_app *app);
/* Whether kiosk mode is still on (a facilitator may have left it). */
bool hrc_app_is_kiosk(const hrc_app *app);
/* The current interface and course language: "en", "fr" or "es". */
const char *hrc_app_lang(const hrc_app *app);

/*
 * Input the back end maps (see draw.h):
 *   Tab / Shift+Tab          HRC_IN_NEXT / HRC_IN_PREV
 *   arrows                   HRC_IN_UP/DOWN/LEFT/RIGHT
 *   Enter, keypad Enter, Space  HRC_IN_ACTIVATE (Space only when no text
 *                            field has the focus: hrc_app_wants_text())
 *   Escape, Android back     HRC_IN_BACK
 *   Page Up/Down, Home, End  HRC_IN_PAGE_UP/DOWN, HRC_IN_HOME/END
 *   + / = / keypad +, - / keypad -, Ctrl+wheel, pinch  HRC_IN_ZOOM_IN/OUT
 *                            (the timeline zooms; elsewhere the text size
 *                            steps through 100, 150, 200 %)
 *   mouse and fingers        HRC_IN_POINTER_* (drop SDL's synthetic
 *                            touch-to-mouse events), wheel HRC_IN_WHEEL
 *                            (dy > 0: away from the user, i.e. up)
 *   typed text, Backspace    HRC_IN_TEXT, HRC_IN_BACKSPACE
 *   Ctrl+Alt+F               HRC_IN_FACILITATOR
 *   B, '.' (no text field)   HRC_IN_BLANK (presenter mode blanks the screen)
 *   F1, a finger held two seconds  HRC_IN_SPEECH_TOGGLE
 *   F2 / F3                  HRC_IN_SPEECH_SLOWER / FASTER
 *   F4                       HRC_IN_SPEECH_STOP
 *   F6, two-finger tap       HRC_IN_SPEECH_READ
 *   F7 / F8                  HRC_IN_SPEECH_NEXT / REPEAT
 *   F9 / F10                 HRC_IN_SPEECH_QUIETER / LOUDER
 *   speech heard to its end  HRC_IN_SPEECH_DONE
 *   timers                   HRC_IN_TICK when hrc_app_next_timeout_ms() expires
 *   window size              HRC_IN_RESIZE
 * In kiosk mode the back end ignores window-close and Alt+F4 until
 * HRC_APP_KIOSK_EXIT has been returned.
 */

/* Milliseconds until the next timer fires (the idle prompt, a countdown
 * on screen, a slow PIN check shown before it runs: 0 means once the
 * frame is shown), or -1 for none: the back end waits for events at most
 * this long, then sends HRC_IN_TICK. */
int64_t hrc_app_next_timeout_ms(const hrc_app *app, uint64_t now_ms);

/*
 * Spoken guidance (screens/spoken.h). Each hrc_app_draw() puts in
 * list->utterances what should be said (the first interrupts, the rest
 * queue); the back end plays them with these settings, read after each
 * input, and sends HRC_IN_SPEECH_DONE when everything said has been heard
 * (reading the page goes on paragraph by paragraph).
 */
typedef struct hrc_app_speech {
    bool on;
    int rate_step;  /* -3 (slowest) to 3 (fastest); io/speech.h's steps */
    int volume;     /* percent */
} hrc_app_speech;
void hrc_app_speech_settings(const hrc_app *app, hrc_app_speech *out);
/* The next frame says the screen as if it had just been entered
 * (--render --speech). */
void hrc_app_speech_restart(hrc_app *app);
/* Speech cannot be heard (no voices, no sound output): turns it off and
 * shows why on the sign-in screen. */
void hrc_app_speech_unavailable(hrc_app *app, const char *why);

#endif
