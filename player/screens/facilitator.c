/*
 * The facilitator screen, reached with Ctrl+Alt+F (HRC_IN_FACILITATOR):
 * the way into the trainer's screens (screens/trainer.h). The facilitator
 * PIN (throttled, with a countdown while wrong tries lock it) unlocks the
 * store, then the class dashboard takes this screen's place; leaving the
 * dashboard locks the store again. Without a progress store there is no
 * PIN to check, so nothing unlocks. A kiosk's first PIN is never chosen
 * here (setup.c does it at its first start); outside kiosk mode the person
 * at the desktop may choose it here.
 *
 * Also here: what the learners and the facilitator see of a progress store
 * in trouble (a damaged file moved aside, no store at all, a store other
 * users of the machine could read).
 */
#include "screens/trainer.h"

#include "screens/icons.h"
#include "screens/pinentry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_PIN_FIELD = ACT_SCREEN,
    ACT_UNLOCK,
    ACT_SET_PIN,
    ACT_PIN_KEY, /* the keypad, also while locked */
};

/* Typing the PIN: to unlock, or to choose the first one (not a kiosk). */
typedef enum pin_step {
    PIN_UNLOCK,
    PIN_FIRST,
    PIN_FIRST_AGAIN,
} pin_step;

/* Slow actions (a PIN hash), shown first and run at the next tick. */
enum { PENDING_UNLOCK = 1, PENDING_FIRST };

/* The screen's own state; entering the screen starts locked. */
typedef struct facilitator_state {
    bool has_pin;            /* a facilitator PIN is set (asked on entering) */
    pin_entry pin;           /* the PIN being typed */
    pin_step step;
    char new_pin[UI_PIN_MAX];
    char pin_message[320];   /* the outcome of the last PIN typed */
    bool handed_over;        /* unlocked: the class dashboard took this place */
} facilitator_state;

static facilitator_state *fac_of(const hrc_app *app)
{
    return trainer_state(app, HRC_SCREEN_FACILITATOR);
}

static void facilitator_init(hrc_app *app, void *state)
{
    facilitator_state *f = state;
    f->has_pin = true;
    pin_entry_init(&f->pin, HRC_FACILITATOR_PIN_MAX_DIGITS);
    if (app->cfg.progress) {
        hrc_progress_lock(app->cfg.progress);
        hrc_progress_has_facilitator_pin(app->cfg.progress, &f->has_pin);
        hrc_pin_lock lock = {0};
        if (f->has_pin &&
            hrc_progress_facilitator_pin_lock(app->cfg.progress, &lock) == HRC_PROGRESS_OK)
            pin_entry_wait(&f->pin, app->now, lock.wait_ms); /* locked before a restart */
    }
    f->step = f->has_pin || app->kiosk ? PIN_UNLOCK : PIN_FIRST;
    app->notice[0] = '\0';
}

static void wipe_pins(facilitator_state *f)
{
    pin_entry_clear(&f->pin);
    explicit_bzero(f->new_pin, sizeof f->new_pin);
}

/* Leaving the screen locks the store again, unless the dashboard took
 * its place (the dashboard locks it when it goes). */
static void facilitator_fini(hrc_app *app, void *state)
{
    facilitator_state *f = state;
    if (app->cfg.progress && !f->handed_over)
        hrc_progress_lock(app->cfg.progress);
    wipe_pins(f);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* ---- The damaged store ------------------------------------------------ */

bool facilitator_damaged_notice_due(const hrc_app *app)
{
    return app->cfg.store_moved_aside && *app->cfg.store_moved_aside && !app->store_notice_read;
}

void facilitator_boxed_text(ui *u, const char *text, hrc_color color)
{
    hrc_rect box;
    ui_box_begin(u, &box);
    ui_plain(u, text, HRC_FONT_BOLD, u->px, color);
    ui_box_end(u, box, u->pal->surface);
    ui_gap(u, u->pad / 2);
}

void store_notice_draw(ui *u)
{
    if (!facilitator_damaged_notice_due(u->app))
        return;
    char line[1024];
    snprintf(line, sizeof line,
             _("The progress file was damaged. It was kept aside as %s, and a new one was "
               "started. Tell your facilitator."),
             base_name(u->app->cfg.store_moved_aside));
    facilitator_boxed_text(u, line, u->pal->wrong);
}

void facilitator_draw_damaged(ui *u)
{
    if (!facilitator_damaged_notice_due(u->app))
        return;
    char line[HRC_PROGRESS_PATH_MAX + 256];
    snprintf(line, sizeof line,
             _("The progress file was damaged. It was kept aside as %s, and a new one was "
               "started. Progress recorded before is in that file."),
             u->app->cfg.store_moved_aside);
    facilitator_boxed_text(u, line, u->pal->wrong);
}

/* ---- The store that others could read ---------------------------------- */

void facilitator_draw_exposed(ui *u)
{
    const hrc_app *app = u->app;
    char line[HRC_PROGRESS_PATH_MAX + 320];
    if (app->cfg.store_exposed_fixed)
        snprintf(line, sizeof line,
                 _("%s could be read by other users of this machine (mode %04o). The player "
                   "made it private."),
                 app->cfg.store_exposed, app->cfg.store_exposed_mode);
    else
        snprintf(line, sizeof line,
                 _("%s can be read by other users of this machine (mode %04o). Ask whoever "
                   "looks after the machine to make it private: chmod go-rwx %s"),
                 app->cfg.store_exposed, app->cfg.store_exposed_mode, app->cfg.store_exposed);
    facilitator_boxed_text(u, line, app->cfg.store_exposed_fixed ? u->pal->text : u->pal->wrong);
}

/* ---- The store that could not be opened ------------------------------ */

enum { ACT_STORE_PLAY = ACT_SCREEN, ACT_STORE_QUIT };

static void store_problem_draw(ui *u)
{
    const hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    ui_plain(u, _("Progress cannot be saved"), HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad);
    ui_plain(u, _("The progress file could not be opened, so nothing learners do now would be "
                  "saved."),
             0, u->px, p->text);
    ui_gap(u, u->pad / 2);
    if (app->cfg.store_error && *app->cfg.store_error) {
        char line[HRC_PROGRESS_MSG_MAX + 64];
        snprintf(line, sizeof line, _("Reason: %s"), app->cfg.store_error);
        facilitator_boxed_text(u, line, p->wrong);
    }
    ui_plain(u, _("Tell your facilitator: freeing disk space or making the data folder "
                  "writable, then starting the player again, fixes this."),
             0, u->px, p->text);
    ui_gap(u, u->pad);
    ui_button(u, _("Play without saving progress"), ACT_STORE_PLAY, 0, BTN_NORMAL);
    ui_button(u, _("Quit"), ACT_STORE_QUIT, 0, BTN_QUIET);
    ui_flow_end(u);
}

static unsigned store_problem_activate(hrc_app *app, int action, int arg)
{
    (void)arg;
    if (action == ACT_STORE_QUIT)
        return HRC_APP_QUIT;
    if (action == ACT_STORE_PLAY) {
        app->store_choice_pending = false;
        hrc_nav_top(&app->nav)->focus = -1;
    }
    return HRC_APP_REDRAW;
}

static unsigned store_problem_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    (void)app;
    /* Escape does not choose for the facilitator. */
    *handled = in->kind == HRC_IN_BACK;
    return 0;
}

const screen_ops screen_store_problem = {.draw = store_problem_draw,
                                         .activate = store_problem_activate,
                                         .key = store_problem_key};

/* ---- The PIN ---------------------------------------------------------- */

static void draw_pin_entry(ui *u, const facilitator_state *f)
{
    const char *prompt = "";
    switch (f->step) {
    case PIN_UNLOCK: prompt = _("Type the facilitator PIN:"); break;
    case PIN_FIRST:
        prompt = _("No facilitator PIN is set yet. Choose one (4 to 12 digits):");
        break;
    case PIN_FIRST_AGAIN: prompt = _("Type the same PIN again:"); break;
    }
    if (f->step == PIN_UNLOCK && u->app->kiosk && !f->has_pin)
        prompt = _("This kiosk has no facilitator PIN. Set one from a terminal: hrc-player "
                   "--set-facilitator-pin");
    pin_entry_draw(u, &f->pin, prompt, ACT_PIN_FIELD, ACT_PIN_KEY);
}

/* The bar while a PIN is typed: the main action, and what happened. */
static void facilitator_bar(ui *u)
{
    hrc_app *app = u->app;
    const facilitator_state *f = fac_of(app);
    if (!f || !app->cfg.progress)
        return;
    switch (f->step) {
    case PIN_UNLOCK: ui_bar_main(u, ICON_LOCKED, _("Unlock"), ACT_UNLOCK, 0); break;
    case PIN_FIRST_AGAIN: ui_bar_main(u, ICON_KEY, _("Set PIN"), ACT_SET_PIN, 0); break;
    case PIN_FIRST: ui_bar_main(u, ICON_FORWARD, _("Next"), ACT_SET_PIN, 0); break;
    }
    char wait[200], text[sizeof f->pin_message + sizeof wait + 2];
    if (f->pin.pending)
        ui_bar_status(u, f->pin.pending == PENDING_UNLOCK ? _("Checking the PIN\xe2\x80\xa6")
                                                          : _("Saving\xe2\x80\xa6"),
                      false);
    else if (pin_entry_wait_text(&f->pin, app->now, wait, sizeof wait)) {
        snprintf(text, sizeof text, "%s%s%s", f->pin_message, f->pin_message[0] ? " " : "",
                 wait);
        ui_bar_status(u, text, true);
    } else if (f->pin_message[0])
        ui_bar_status(u, f->pin_message, true);
}

static void pin_say(facilitator_state *f, const char *text)
{
    snprintf(f->pin_message, sizeof f->pin_message, "%s", text);
}

static void pin_go(hrc_app *app, facilitator_state *f, pin_step step)
{
    f->step = step;
    pin_entry_clear(&f->pin);
    hrc_nav_top(&app->nav)->focus = -1;
}

/* The PIN was right: the class dashboard takes this screen's place (and
 * its state goes: nothing may touch f after this). */
static void unlocked(hrc_app *app, facilitator_state *f)
{
    wipe_pins(f);
    f->handed_over = true;
    app_replace(app, hrc_nav_location(HRC_SCREEN_CLASS, -1, -1));
    hrc_nav_top(&app->nav)->focus = -1;
}

/* A wrong or locked PIN: the reason, and the countdown. */
static void pin_refused(hrc_app *app, facilitator_state *f, int rc)
{
    hrc_progress *store = app->cfg.progress;
    if (rc == HRC_PROGRESS_ERR_PIN || rc == HRC_PROGRESS_ERR_THROTTLED) {
        pin_entry_wait(&f->pin, app->now, hrc_progress_wait_ms(store));
        pin_say(f, rc == HRC_PROGRESS_ERR_PIN ? _("Wrong PIN.") : "");
    } else {
        pin_say(f, hrc_progress_errmsg(store));
    }
}

/* The slow part of a PIN action, once "Checking" is on screen. */
static unsigned run_pending(hrc_app *app, facilitator_state *f, int pending)
{
    hrc_progress *store = app->cfg.progress;
    int rc;
    switch (pending) {
    case PENDING_UNLOCK:
        rc = hrc_progress_check_facilitator_pin(store, f->pin.digits);
        pin_entry_clear(&f->pin);
        if (rc == HRC_PROGRESS_OK)
            unlocked(app, f);
        else
            pin_refused(app, f, rc);
        break;
    case PENDING_FIRST:
        rc = hrc_progress_setup_facilitator_pin(store, f->new_pin);
        if (rc == HRC_PROGRESS_OK && hrc_progress_is_unlocked(store)) {
            unlocked(app, f);
        } else {
            wipe_pins(f);
            pin_say(f, hrc_progress_errmsg(store));
            pin_go(app, f, PIN_FIRST);
        }
        break;
    }
    return HRC_APP_REDRAW;
}

/* The main action of the PIN being typed. */
static unsigned pin_next(hrc_app *app, facilitator_state *f)
{
    if (f->pin.pending)
        return 0;
    const char *digits = f->pin.digits;
    switch (f->step) {
    case PIN_UNLOCK:
        if (pin_entry_waiting(&f->pin, app->now))
            break; /* the countdown says why */
        if (app->kiosk && !f->has_pin) {
            /* A kiosk's first PIN is chosen at its first start or from a
             * terminal, never from this screen (anyone can reach it). */
            pin_entry_clear(&f->pin);
            break;
        }
        if (pin_entry_empty(&f->pin)) {
            pin_say(f, _("Type the PIN first."));
            break;
        }
        pin_say(f, "");
        f->pin.pending = PENDING_UNLOCK;
        break;
    case PIN_FIRST:
        if (!hrc_progress_pin_is_valid(digits)) {
            pin_entry_clear(&f->pin);
            pin_say(f, _("A PIN is 4 to 12 digits."));
            break;
        }
        snprintf(f->new_pin, sizeof f->new_pin, "%s", digits);
        pin_say(f, "");
        pin_go(app, f, PIN_FIRST_AGAIN);
        break;
    case PIN_FIRST_AGAIN:
        if (strcmp(digits, f->new_pin) != 0) {
            explicit_bzero(f->new_pin, sizeof f->new_pin);
            pin_say(f, _("The two PINs are not the same. Choose the PIN again."));
            pin_go(app, f, PIN_FIRST);
            break;
        }
        pin_entry_clear(&f->pin);
        pin_say(f, "");
        f->pin.pending = PENDING_FIRST;
        break;
    }
    return HRC_APP_REDRAW;
}

static int64_t facilitator_timer(const hrc_app *app, uint64_t now)
{
    const facilitator_state *f = fac_of(app);
    if (!f)
        return -1;
    if (!f->pin.pending && f->pin.wait_until && !pin_entry_waiting(&f->pin, now))
        return 0; /* one last frame without the countdown */
    return pin_entry_timer(&f->pin, now);
}

static unsigned facilitator_tick(hrc_app *app, uint64_t now)
{
    facilitator_state *f = fac_of(app);
    if (!f || !app->cfg.progress)
        return 0;
    int pending = f->pin.pending;
    f->pin.pending = 0;
    if (pending)
        return run_pending(app, f, pending);
    if (f->pin.wait_until) {
        if (!pin_entry_waiting(&f->pin, now))
            f->pin.wait_until = 0;
        return HRC_APP_REDRAW;
    }
    return 0;
}

/* ---- The screen -------------------------------------------------------- */

static void facilitator_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const facilitator_state *f = fac_of(app);
    if (!f)
        return;
    ui_plain(u, _("Facilitator"), HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad);
    if (app->cfg.store_unavailable && app->cfg.store_error) {
        char line[HRC_PROGRESS_MSG_MAX + 64];
        snprintf(line, sizeof line, _("The progress file could not be opened: %s"),
                 app->cfg.store_error);
        facilitator_boxed_text(u, line, p->wrong);
    }
    if (!app->cfg.progress) {
        ui_plain(u, _("Progress is not being recorded on this kiosk, so there is no "
                      "facilitator PIN to check."),
                 0, u->px, p->text);
        return;
    }
    facilitator_draw_damaged(u);
    if (app->notice[0]) {
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 2);
    }
    draw_pin_entry(u, f);
}

static unsigned facilitator_activate(hrc_app *app, int action, int arg)
{
    facilitator_state *f = fac_of(app);
    if (!app->cfg.progress || !f)
        return HRC_APP_REDRAW;
    if (f->pin.pending)
        return 0; /* a PIN is being checked */
    switch (action) {
    case ACT_UNLOCK:
    case ACT_SET_PIN:
        return pin_next(app, f);
    case ACT_PIN_KEY:
        return pin_entry_key(&f->pin, arg);
    }
    return HRC_APP_REDRAW;
}

bool facilitator_wants_text(const hrc_app *app)
{
    return app->cfg.progress && fac_of(app); /* the PIN */
}

static unsigned facilitator_text(hrc_app *app, const hrc_input *in)
{
    facilitator_state *f = fac_of(app);
    if (!f || f->pin.pending)
        return 0;
    return pin_entry_text(&f->pin, in);
}

static unsigned facilitator_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    facilitator_state *fs = fac_of(app);
    if (!fs)
        return 0;
    if (fs->pin.pending && (in->kind == HRC_IN_ACTIVATE || in->kind == HRC_IN_BACK)) {
        *handled = true; /* a PIN is being checked */
        return 0;
    }
    int f = hrc_nav_top(&app->nav)->focus;
    if (in->kind == HRC_IN_ACTIVATE && app->cfg.progress &&
        (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PIN_FIELD))) {
        *handled = true; /* Enter after the PIN */
        return pin_next(app, fs);
    }
    return 0;
}

const screen_ops screen_facilitator = {.state_size = sizeof(facilitator_state),
                                       .init = facilitator_init, .fini = facilitator_fini,
                                       .draw = facilitator_draw,
                                       .activate = facilitator_activate,
                                       .key = facilitator_key, .text = facilitator_text,
                                       .bar = facilitator_bar, .timer = facilitator_timer,
                                       .tick = facilitator_tick};
