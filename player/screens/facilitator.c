/*
 * The facilitator screen, reached with Ctrl+Alt+F (HRC_IN_FACILITATOR):
 * the facilitator PIN (throttled, with a countdown while wrong tries lock
 * it) unlocks everyone's progress, deleting a learner (after a
 * confirmation), a learner's PIN (reset, wrong tries cleared), the kiosk's
 * sign-in settings, changing the facilitator PIN, the kiosks this one
 * trusts, exports to a removable drive, and leaving kiosk mode. Without a
 * progress store there is no PIN to check, so nothing unlocks. A kiosk's
 * first PIN is never chosen here (setup.c does it at its first start);
 * outside kiosk mode the person at the desktop may choose it here.
 *
 * Also here: what the learners and the facilitator see of a progress store
 * in trouble (a damaged file moved aside, no store at all, a store other
 * users of the machine could read).
 */
#include "screens/ui.h"

#include "io/lrs_worker.h"
#include "screens/icons.h"
#include "screens/pinentry.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
    ACT_PIN_FIELD = ACT_SCREEN,
    ACT_UNLOCK,
    ACT_SET_PIN,
    ACT_LEAVE_KIOSK,
    ACT_PIN_KEY,    /* the keypad, also while locked */
    ACT_LOCK,       /* the actions below need the screen unlocked */
    ACT_NOTICE_READ,
    ACT_DELETE_ASK, /* arg: learner id */
    ACT_DELETE_YES,
    ACT_DELETE_NO,
    ACT_EXPORT_OPEN,
    ACT_EXPORT_TO, /* arg: index in fac.folders */
    ACT_EXPORT_LOOK_AGAIN,
    ACT_EXPORT_CLOSE,
    ACT_PATH_FIELD,
    ACT_EXPORT_TYPED,
    ACT_LEARNER_OPEN, /* arg: learner id */
    ACT_LEARNER_CLOSE,
    ACT_RESET_PIN,
    ACT_CLEAR_LOCK,
    ACT_TOGGLE_PINS_REQUIRED,
    ACT_TOGGLE_SHOW_LEARNERS,
    ACT_CHANGE_PIN_OPEN,
    ACT_CHANGE_PIN_NEXT,
    ACT_CHANGE_PIN_CANCEL,
    ACT_UNTRUST_ASK, /* arg: index in fac.kiosks */
    ACT_UNTRUST_YES,
    ACT_UNTRUST_NO,
};

/* Typing the PIN: to unlock, to choose the first one (not a kiosk), or to
 * change it (old, new, new again). */
typedef enum pin_step {
    PIN_UNLOCK,
    PIN_FIRST,
    PIN_FIRST_AGAIN,
    PIN_CHANGE_OLD,
    PIN_CHANGE_NEW,
    PIN_CHANGE_AGAIN,
} pin_step;

/* Slow actions (a PIN hash), shown first and run at the next tick. */
enum { PENDING_UNLOCK = 1, PENDING_FIRST, PENDING_CHANGE };

/* The facilitator screen's own state; entering the screen starts locked. */
typedef struct facilitator_state {
    bool unlocked;
    bool has_pin;            /* a facilitator PIN is set (asked on entering) */
    pin_entry pin;           /* the PIN being typed */
    pin_step step;
    char old_pin[UI_PIN_MAX], new_pin[UI_PIN_MAX];
    char pin_message[320];   /* the outcome of the last PIN typed */
    bool changing_pin;       /* the "change the facilitator PIN" view */
    /* Everyone's progress, read on unlocking and after each change. */
    hrc_learner *learners;
    size_t n_learners;
    hrc_module_progress *rows;
    size_t n_rows;
    bool list_failed;
    char list_error[HRC_PROGRESS_MSG_MAX];
    int64_t confirm_learner; /* whose deletion awaits "Delete"; 0: none */
    char confirm_name[UI_NAME_MAX];
    /* One learner's PIN (learner detail view); 0: none. */
    int64_t detail_id;
    hrc_learner detail;
    uint64_t detail_wait_until; /* app clock: their PIN's lock ends; 0 none */
    /* The kiosk's sign-in settings. */
    bool pins_required, show_learners;
    /* This kiosk and the kiosks it trusts. */
    hrc_kiosk me;
    bool have_me;
    hrc_kiosk *kiosks;
    size_t n_kiosks;
    int confirm_untrust;     /* index in kiosks awaiting "Stop trusting"; -1 none */
    bool exporting;          /* the list of export folders is shown */
    hrc_export_folder folders[HRC_EXPORT_FOLDERS_MAX];
    size_t n_folders;
    char typed_path[HRC_EXPORT_PATH_MAX]; /* a folder typed in instead */
    char message[2 * HRC_EXPORT_PATH_MAX + 256]; /* the last outcome */
    bool message_is_error;
    int focus_action;        /* keyboard: focus this button next frame; 0 none */
} facilitator_state;

static facilitator_state *fac_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_FACILITATOR ? screen_state(app)
                                                                          : NULL;
}

static void forget_everyone(facilitator_state *f)
{
    free(f->learners);
    free(f->rows);
    free(f->kiosks);
    f->learners = NULL;
    f->rows = NULL;
    f->kiosks = NULL;
    f->n_learners = f->n_rows = f->n_kiosks = 0;
}

/* Reads everyone's progress: on unlocking, and after a change. */
static void read_everyone(hrc_app *app, facilitator_state *f)
{
    hrc_progress *store = app->cfg.progress;
    forget_everyone(f);
    f->list_failed =
        hrc_progress_list_learners(store, &f->learners, &f->n_learners) != HRC_PROGRESS_OK ||
        hrc_progress_list_all(store, &f->rows, &f->n_rows) != HRC_PROGRESS_OK;
    if (f->list_failed) {
        snprintf(f->list_error, sizeof f->list_error, "%s", hrc_progress_errmsg(store));
        forget_everyone(f);
    }
    hrc_progress_learner_pins_required(store, &f->pins_required);
    hrc_progress_show_learners(store, &f->show_learners);
    f->have_me = hrc_progress_this_kiosk(store, &f->me) == HRC_PROGRESS_OK;
    if (hrc_progress_list_trusted_kiosks(store, &f->kiosks, &f->n_kiosks) != HRC_PROGRESS_OK) {
        f->kiosks = NULL;
        f->n_kiosks = 0;
    }
}

static void facilitator_init(hrc_app *app, void *state)
{
    facilitator_state *f = state;
    f->has_pin = true;
    f->confirm_untrust = -1;
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
    explicit_bzero(f->old_pin, sizeof f->old_pin);
    explicit_bzero(f->new_pin, sizeof f->new_pin);
}

/* Leaving the screen locks the store again. */
static void facilitator_fini(hrc_app *app, void *state)
{
    facilitator_state *f = state;
    if (app->cfg.progress)
        hrc_progress_lock(app->cfg.progress);
    forget_everyone(f);
    wipe_pins(f);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* Gives the focus to the next target placed when the keyboard asked for
 * `action` (keyboard_focus_on). */
static void take_focus_if(ui *u, int action)
{
    facilitator_state *f = fac_of(u->app);
    if (!f || f->focus_action != action)
        return;
    f->focus_action = 0;
    u->focus = u->app->n_targets; /* the index the next target gets */
    hrc_nav_top(&u->app->nav)->focus = u->focus;
    u->app->reveal_focus = true;
}

static int fac_button(ui *u, const char *label, int action, int arg, button_state st)
{
    take_focus_if(u, action);
    return ui_button(u, label, action, arg, st);
}

/* After a choice made by keyboard, put the focus on `action` (pointer users
 * get no ring). */
static void keyboard_focus_on(hrc_app *app, facilitator_state *f, int action)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    f->focus_action = loc->focus >= 0 ? action : 0;
    loc->focus = -1;
}

/* ---- The damaged store ------------------------------------------------ */

static bool damaged_notice_due(const hrc_app *app)
{
    return app->cfg.store_moved_aside && *app->cfg.store_moved_aside && !app->store_notice_read;
}

static void boxed_text(ui *u, const char *text, hrc_color color)
{
    hrc_rect box;
    ui_box_begin(u, &box);
    ui_plain(u, text, HRC_FONT_BOLD, u->px, color);
    ui_box_end(u, box, u->pal->surface);
    ui_gap(u, u->pad / 2);
}

void store_notice_draw(ui *u)
{
    if (!damaged_notice_due(u->app))
        return;
    char line[1024];
    snprintf(line, sizeof line,
             _("The progress file was damaged. It was kept aside as %s, and a new one was "
               "started. Tell your facilitator."),
             base_name(u->app->cfg.store_moved_aside));
    boxed_text(u, line, u->pal->wrong);
}

/* ---- The store that others could read ---------------------------------- */

static void draw_exposed(ui *u)
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
    boxed_text(u, line, app->cfg.store_exposed_fixed ? u->pal->text : u->pal->wrong);
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
        boxed_text(u, line, p->wrong);
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

/* ---- Facilitator: progress, deleting, exports ------------------------- */

static const char *state_name(const hrc_module_progress *r)
{
    return r->completed                        ? _("completed")
           : r->success == HRC_SUCCESS_PASSED ? _("passed")
           : r->success == HRC_SUCCESS_FAILED ? _("not passed yet")
                                              : _("in progress");
}

static void draw_module_line(ui *u, const hrc_module_progress *r)
{
    char line[512];
    if (r->has_score)
        snprintf(line, sizeof line, _("%s: %s, best %d %%"), r->module_id, state_name(r),
                 (int)(r->best_score * 100 + 0.5));
    else
        snprintf(line, sizeof line, "%s: %s", r->module_id, state_name(r));
    ui_plain(u, line, 0, u->px, u->pal->text);
}

/* What a learner's PIN is like, in one line. */
static void pin_status_line(const hrc_learner *l, char *out, size_t size)
{
    const char *pin = l->pin_reset ? _("PIN reset: they choose a new one at their next sign-in")
                      : l->has_pin ? _("has a PIN")
                                   : _("no PIN");
    if (l->pin_failures > 0)
        snprintf(out, size,
                 ngettext("%s; %d wrong PIN in a row", "%s; %d wrong PINs in a row",
                          l->pin_failures),
                 pin, l->pin_failures);
    else
        snprintf(out, size, "%s", pin);
}

/* Every learner with their modules, their PIN, and buttons for their PIN
 * and for deleting them. */
static void draw_learners(ui *u, const facilitator_state *f)
{
    if (f->list_failed) {
        ui_plain(u, f->list_error, 0, u->px, u->pal->wrong);
        return;
    }
    if (f->n_learners == 0)
        ui_plain(u, _("Nobody has signed in with a name yet."), 0, u->px, u->pal->text);
    for (size_t i = 0; i < f->n_learners; i++) {
        const hrc_learner *l = &f->learners[i];
        ui_gap(u, u->pad / 2);
        ui_plain(u, l->name, HRC_FONT_BOLD, u->px, u->pal->text);
        size_t shown = 0;
        for (size_t k = 0; k < f->n_rows; k++)
            if (f->rows[k].learner_id == l->id) {
                draw_module_line(u, &f->rows[k]);
                shown++;
            }
        if (!shown)
            ui_plain(u, _("No module started yet."), 0, u->px, u->pal->muted);
        char line[160];
        pin_status_line(l, line, sizeof line);
        ui_plain(u, line, 0, u->px, l->pin_failures ? u->pal->wrong : u->pal->muted);
        if (l->id > 0 && l->id <= INT_MAX) {
            char label[UI_NAME_MAX + 32];
            ui_gap(u, u->pad / 4);
            snprintf(label, sizeof label, _("PIN of %s\xe2\x80\xa6"), l->name);
            ui_button(u, label, ACT_LEARNER_OPEN, (int)l->id, BTN_QUIET);
            snprintf(label, sizeof label, _("Delete %s\xe2\x80\xa6"), l->name);
            ui_button(u, label, ACT_DELETE_ASK, (int)l->id, BTN_QUIET);
            ui_flow_end(u);
        }
    }
}

/* ---- One learner's PIN (a view of its own) ----------------------------- */

/* Reads the learner shown, and how long their PIN stays locked. */
static bool read_detail(hrc_app *app, facilitator_state *f)
{
    hrc_progress *store = app->cfg.progress;
    hrc_pin_lock lock = {0};
    if (hrc_progress_get_learner(store, f->detail_id, &f->detail) != HRC_PROGRESS_OK ||
        hrc_progress_learner_pin_lock(store, f->detail_id, &lock) != HRC_PROGRESS_OK) {
        snprintf(f->message, sizeof f->message, "%s", hrc_progress_errmsg(store));
        f->message_is_error = true;
        f->detail_id = 0;
        return false;
    }
    f->detail_wait_until = lock.wait_ms > 0 ? app->now + (uint64_t)lock.wait_ms : 0;
    return true;
}

static void draw_learner_detail(ui *u, const facilitator_state *f)
{
    const hrc_palette *p = u->pal;
    const hrc_learner *l = &f->detail;
    char line[UI_NAME_MAX + 256];
    snprintf(line, sizeof line, _("PIN of %s"), l->name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 2);
    if (f->message[0]) {
        ui_plain(u, f->message, HRC_FONT_BOLD, u->px, f->message_is_error ? p->wrong : p->right);
        ui_gap(u, u->pad / 2);
    }
    ui_plain(u, l->pin_reset  ? _("Their PIN was reset: the next person to sign in with this "
                                  "name chooses a new one.")
                : l->has_pin ? _("They have a PIN.")
                             : _("They have no PIN: whoever chooses their name opens their "
                                 "progress."),
             0, u->px, p->text);
    if (l->pin_failures > 0) {
        snprintf(line, sizeof line,
                 ngettext("%d wrong PIN in a row since the last right one.",
                          "%d wrong PINs in a row since the last right one.", l->pin_failures),
                 l->pin_failures);
        ui_plain(u, line, 0, u->px, p->text);
    }
    if (f->detail_wait_until > u->app->now) {
        char left[64];
        pin_format_wait((int64_t)(f->detail_wait_until - u->app->now), left, sizeof left);
        snprintf(line, sizeof line, _("Locked: the next try can be made in %s."), left);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->wrong);
    }
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Reset a forgotten PIN with the learner there: until they choose a new one, "
                  "whoever signs in with their name does."),
             0, u->small_px, p->muted);
    ui_gap(u, u->pad / 2);
    if (l->has_pin)
        fac_button(u, _("Reset the PIN"), ACT_RESET_PIN, 0, BTN_NORMAL);
    if (l->pin_failures > 0)
        fac_button(u, _("Clear the wrong tries"), ACT_CLEAR_LOCK, 0, BTN_NORMAL);
    fac_button(u, _("Back to everyone"), ACT_LEARNER_CLOSE, 0, BTN_QUIET);
    ui_flow_end(u);
}

static unsigned learner_detail_activate(hrc_app *app, facilitator_state *f, int action,
                                        int arg)
{
    hrc_progress *store = app->cfg.progress;
    int rc;
    switch (action) {
    case ACT_LEARNER_OPEN:
        f->detail_id = arg;
        f->message[0] = '\0';
        if (read_detail(app, f))
            keyboard_focus_on(app, f, ACT_LEARNER_CLOSE);
        hrc_nav_top(&app->nav)->scroll = 0;
        break;
    case ACT_RESET_PIN:
    case ACT_CLEAR_LOCK:
        if (!f->detail_id)
            break;
        rc = action == ACT_RESET_PIN ? hrc_progress_reset_learner_pin(store, f->detail_id)
                                     : hrc_progress_clear_learner_pin_lock(store, f->detail_id);
        if (rc == HRC_PROGRESS_OK)
            snprintf(f->message, sizeof f->message, "%s",
                     action == ACT_RESET_PIN
                         ? _("The PIN was reset. The learner chooses a new one at their next "
                             "sign-in.")
                         : _("The wrong tries were cleared: the PIN can be tried at once."));
        else
            snprintf(f->message, sizeof f->message, "%s", hrc_progress_errmsg(store));
        f->message_is_error = rc != HRC_PROGRESS_OK;
        read_detail(app, f);
        read_everyone(app, f);
        keyboard_focus_on(app, f, ACT_LEARNER_CLOSE);
        break;
    case ACT_LEARNER_CLOSE:
        f->detail_id = 0;
        f->message[0] = '\0';
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    }
    return HRC_APP_REDRAW;
}

/* ---- The kiosk: sign-in settings, facilitator PIN, trusted kiosks ----- */

static void toggle(ui *u, bool on, const char *label, int action)
{
    take_focus_if(u, action);
    ui_block_button(u, on ? ICON_CHECK_ON : ICON_CHECK_OFF, NULL, NULL, label, action, 0,
                    on ? BTN_SELECTED : BTN_QUIET, false);
}

static void draw_kiosk_settings(ui *u, const facilitator_state *f)
{
    const hrc_palette *p = u->pal;
    ui_plain(u, _("Signing in"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    toggle(u, f->pins_required, _("Learners must have a PIN"), ACT_TOGGLE_PINS_REQUIRED);
    ui_plain(u, _("New learners then choose one, and learners without one choose one at their "
                  "next sign-in."),
             0, u->small_px, p->muted);
    ui_gap(u, u->pad / 2);
    toggle(u, f->show_learners, _("The sign-in screen lists every learner"),
           ACT_TOGGLE_SHOW_LEARNERS);
    ui_plain(u, _("For a classroom. Otherwise learners type the first letters of their name "
                  "and see only the names that start so."),
             0, u->small_px, p->muted);
    if (u->app->cfg.show_learners) {
        ui_plain(u, _("The player was started with --show-learners: the list is shown "
                      "whatever this says."),
                 0, u->small_px, p->muted);
    } else if (!u->app->kiosk) {
        ui_plain(u, _("Outside kiosk mode the list is always shown."), 0, u->small_px,
                 p->muted);
    }
    ui_gap(u, u->pad);
    ui_plain(u, _("Facilitator PIN"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    fac_button(u, _("Change the facilitator PIN"), ACT_CHANGE_PIN_OPEN, 0, BTN_QUIET);
    ui_flow_end(u);
}

static void draw_trusted_kiosks(ui *u, const facilitator_state *f)
{
    const hrc_palette *p = u->pal;
    char line[256];
    ui_plain(u, _("Kiosks whose exports this one accepts"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    if (f->have_me) {
        snprintf(line, sizeof line, _("This kiosk's fingerprint: %s"), f->me.fingerprint);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
        ui_gap(u, u->pad / 3);
    }
    if (f->n_kiosks == 0)
        ui_plain(u, _("No other kiosk: imports are accepted only from this one."), 0, u->px,
                 p->text);
    for (size_t i = 0; i < f->n_kiosks && i <= INT_MAX; i++) {
        const hrc_kiosk *k = &f->kiosks[i];
        snprintf(line, sizeof line, _("Kiosk %s (device %.8s\xe2\x80\xa6)"), k->fingerprint,
                 k->device_id);
        ui_gap(u, u->pad / 4);
        ui_plain(u, line, 0, u->px, p->text);
        snprintf(line, sizeof line, _("Stop trusting %s\xe2\x80\xa6"), k->fingerprint);
        fac_button(u, line, ACT_UNTRUST_ASK, (int)i, BTN_QUIET);
        ui_flow_end(u);
    }
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("To trust another kiosk, run hrc-player --trust-kiosk KEY on this machine "
                  "with the key that hrc-player --kiosk-key prints on the other kiosk, then "
                  "check that the fingerprint it prints is the one shown on the other kiosk's "
                  "facilitator screen."),
             0, u->small_px, p->muted);
}

static void draw_confirm_untrust(ui *u, const facilitator_state *f)
{
    const hrc_kiosk *k = &f->kiosks[f->confirm_untrust];
    char line[256];
    snprintf(line, sizeof line, _("Stop accepting exports from kiosk %s?"), k->fingerprint);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Its imports are then refused until it is trusted again from a terminal. "
                  "What was imported from it stays."),
             0, u->px, u->pal->text);
    ui_gap(u, u->pad);
    fac_button(u, _("Stop trusting"), ACT_UNTRUST_YES, 0, BTN_WRONG);
    fac_button(u, _("Cancel"), ACT_UNTRUST_NO, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static unsigned kiosk_activate(hrc_app *app, facilitator_state *f, int action, int arg)
{
    hrc_progress *store = app->cfg.progress;
    int rc = HRC_PROGRESS_OK;
    switch (action) {
    case ACT_TOGGLE_PINS_REQUIRED:
    case ACT_TOGGLE_SHOW_LEARNERS:
        rc = action == ACT_TOGGLE_PINS_REQUIRED
                 ? hrc_progress_set_learner_pins_required(store, !f->pins_required)
                 : hrc_progress_set_show_learners(store, !f->show_learners);
        if (rc != HRC_PROGRESS_OK) {
            snprintf(f->message, sizeof f->message, _("Could not change the setting: %s"),
                     hrc_progress_errmsg(store));
            f->message_is_error = true;
        }
        read_everyone(app, f);
        signin_refresh(app); /* the sign-in screen beneath follows */
        keyboard_focus_on(app, f, action);
        break;
    case ACT_UNTRUST_ASK:
        if (arg >= 0 && (size_t)arg < f->n_kiosks) {
            f->confirm_untrust = arg;
            f->message[0] = '\0';
            keyboard_focus_on(app, f, ACT_UNTRUST_NO);
            hrc_nav_top(&app->nav)->scroll = 0;
        }
        break;
    case ACT_UNTRUST_YES:
        if (f->confirm_untrust >= 0 && (size_t)f->confirm_untrust < f->n_kiosks) {
            char which[HRC_KIOSK_FINGERPRINT_MAX];
            snprintf(which, sizeof which, "%s", f->kiosks[f->confirm_untrust].fingerprint);
            rc = hrc_progress_untrust_kiosk(store, which);
            if (rc == HRC_PROGRESS_OK)
                snprintf(f->message, sizeof f->message,
                         _("Exports from kiosk %s are no longer accepted."), which);
            else
                snprintf(f->message, sizeof f->message, "%s", hrc_progress_errmsg(store));
            f->message_is_error = rc != HRC_PROGRESS_OK;
            read_everyone(app, f);
        }
        f->confirm_untrust = -1;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_UNTRUST_NO:
        f->confirm_untrust = -1;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    }
    return HRC_APP_REDRAW;
}

static void draw_confirm_delete(ui *u, const facilitator_state *f)
{
    char line[UI_NAME_MAX + 128];
    snprintf(line, sizeof line, _("Delete %s and all their records?"), f->confirm_name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Their name, answers, scores and time spent are removed from this computer "
                  "for good. Exports made before are not changed."),
             0, u->px, u->pal->text);
    ui_gap(u, u->pad);
    fac_button(u, _("Delete"), ACT_DELETE_YES, 0, BTN_WRONG);
    fac_button(u, _("Cancel"), ACT_DELETE_NO, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static void draw_export(ui *u, const facilitator_state *f)
{
    ui_plain(u, _("Export progress"), HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    if (f->message[0]) { /* a typed folder that is not one */
        ui_plain(u, f->message, HRC_FONT_BOLD, u->px, u->pal->wrong);
        ui_gap(u, u->pad / 2);
    }
    ui_plain(u, _("Choose where to save everyone's progress, as a spreadsheet (CSV) and a data "
                  "file (JSON):"),
             0, u->px, u->pal->text);
    ui_gap(u, u->pad / 2);
    bool any_drive = false;
    for (size_t i = 0; i < f->n_folders; i++)
        any_drive |= f->folders[i].removable;
    if (!any_drive) {
        ui_plain(u, _("No USB stick or other removable drive was found. Plug one in, wait a "
                      "moment, then choose \xe2\x80\x9cLook again\xe2\x80\x9d."),
                 0, u->px, u->pal->muted);
        ui_gap(u, u->pad / 2);
    }
    for (size_t i = 0; i < f->n_folders; i++) {
        const hrc_export_folder *e = &f->folders[i];
        char label[HRC_EXPORT_PATH_MAX + 320];
        if (e->removable)
            snprintf(label, sizeof label, _("Drive %s (%s)"), e->name, e->path);
        else
            snprintf(label, sizeof label, _("This computer (%s)"), e->path);
        take_focus_if(u, ACT_EXPORT_TO);
        ui_block_button(u, NULL, NULL, NULL, label, ACT_EXPORT_TO, (int)i, BTN_NORMAL, false);
    }
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Or type the full path of a folder:"), HRC_FONT_BOLD, u->px, u->pal->text);
    char shown[HRC_EXPORT_PATH_MAX + 2];
    snprintf(shown, sizeof shown, "%s|", f->typed_path);
    ui_block_button(u, NULL, NULL, NULL, shown, ACT_PATH_FIELD, 0, BTN_QUIET, false);
    fac_button(u, _("Export to this folder"), ACT_EXPORT_TYPED, 0, BTN_NORMAL);
    ui_flow_end(u);
    ui_gap(u, u->pad / 2);
    fac_button(u, _("Look again"), ACT_EXPORT_LOOK_AGAIN, 0, BTN_QUIET);
    fac_button(u, _("Cancel"), ACT_EXPORT_CLOSE, 0, BTN_QUIET);
    ui_flow_end(u);
}

/* ---- The PIN: unlocking, the first one, changing it --------------------- */

static void draw_pin_entry(ui *u, const facilitator_state *f)
{
    const char *prompt = "";
    switch (f->step) {
    case PIN_UNLOCK: prompt = _("Type the facilitator PIN:"); break;
    case PIN_FIRST:
        prompt = _("No facilitator PIN is set yet. Choose one (4 to 12 digits):");
        break;
    case PIN_FIRST_AGAIN:
    case PIN_CHANGE_AGAIN: prompt = _("Type the same PIN again:"); break;
    case PIN_CHANGE_OLD: prompt = _("The facilitator PIN now:"); break;
    case PIN_CHANGE_NEW: prompt = _("New facilitator PIN (4 to 12 digits):"); break;
    }
    if (f->step == PIN_UNLOCK && u->app->kiosk && !f->has_pin)
        prompt = _("This kiosk has no facilitator PIN. Set one from a terminal: hrc-player "
                   "--set-facilitator-pin");
    pin_entry_draw(u, &f->pin, prompt, ACT_PIN_FIELD, ACT_PIN_KEY);
}

/* The background sync to a learning record store: when it last went
 * through, what waits, what the LRS refused and the last problem. */
static void draw_sync_status(ui *u)
{
    const hrc_app *app = u->app;
    hrc_lrs_status st;
    if (!app->cfg.sync_status || !app->cfg.sync_status(app->cfg.sync_status_user, &st))
        return;
    const hrc_palette *p = u->pal;
    ui_gap(u, u->pad);
    ui_plain(u, _("Learning record store"), HRC_FONT_BOLD, u->h2_px, p->text);
    char line[1200];
    if (st.last_success_s > 0) {
        time_t t = (time_t)st.last_success_s;
        struct tm tm;
        char when[64] = "";
        /* UTC: local time would read the time zone's file while drawing. */
        if (gmtime_r(&t, &tm))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
        snprintf(line, sizeof line, _("Last successful sync: %s"), when);
    } else {
        snprintf(line, sizeof line, "%s", _("No successful sync yet."));
    }
    ui_plain(u, line, 0, u->px, p->text);
    if (st.syncing)
        ui_plain(u, _("Syncing now\xe2\x80\xa6"), 0, u->px, p->muted);
    if (st.pending >= 0) {
        snprintf(line, sizeof line,
                 ngettext("%lld statement waiting to be sent.",
                          "%lld statements waiting to be sent.", (unsigned long)st.pending),
                 (long long)st.pending);
        ui_plain(u, line, 0, u->px, p->text);
    }
    if (st.refused > 0) {
        snprintf(line, sizeof line,
                 ngettext("%lld statement refused by the LRS and set aside: %s",
                          "%lld statements refused by the LRS and set aside; the latest: %s",
                          (unsigned long)st.refused),
                 (long long)st.refused, st.refused_reason);
        ui_plain(u, line, 0, u->px, p->wrong);
    }
    if (st.last_error.result != HRC_LRS_OK && st.last_error.result != HRC_LRS_ERR_CANCELLED) {
        char why[1000];
        hrc_lrs_describe(&st.last_error, why, sizeof why);
        snprintf(line, sizeof line, _("Last problem: %s"), why);
        ui_plain(u, line, 0, u->px, p->wrong);
    }
}

static void draw_change_pin(ui *u, const facilitator_state *f)
{
    ui_plain(u, _("Change the facilitator PIN"), HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    draw_pin_entry(u, f);
}

/* The bar while a PIN is typed: the main action, and what happened. */
static void facilitator_bar(ui *u)
{
    hrc_app *app = u->app;
    const facilitator_state *f = fac_of(app);
    if (!f || !app->cfg.progress || (f->unlocked && !f->changing_pin))
        return;
    if (f->changing_pin)
        ui_bar_add(u, false, NULL, _("Cancel"), ACT_CHANGE_PIN_CANCEL, 0, BTN_QUIET);
    switch (f->step) {
    case PIN_UNLOCK: ui_bar_main(u, ICON_LOCKED, _("Unlock"), ACT_UNLOCK, 0); break;
    case PIN_FIRST_AGAIN: ui_bar_main(u, ICON_KEY, _("Set PIN"), ACT_SET_PIN, 0); break;
    case PIN_FIRST: ui_bar_main(u, ICON_FORWARD, _("Next"), ACT_SET_PIN, 0); break;
    case PIN_CHANGE_AGAIN:
        ui_bar_main(u, ICON_KEY, _("Change PIN"), ACT_CHANGE_PIN_NEXT, 0);
        break;
    default: ui_bar_main(u, ICON_FORWARD, _("Next"), ACT_CHANGE_PIN_NEXT, 0); break;
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

static void unlocked(hrc_app *app, facilitator_state *f)
{
    f->unlocked = true;
    f->has_pin = true;
    pin_say(f, "");
    wipe_pins(f);
    f->pin.wait_until = 0;
    read_everyone(app, f);
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
        wipe_pins(f);
        if (rc == HRC_PROGRESS_OK && hrc_progress_is_unlocked(store)) {
            unlocked(app, f);
        } else {
            pin_say(f, hrc_progress_errmsg(store));
            pin_go(app, f, PIN_FIRST);
        }
        break;
    case PENDING_CHANGE:
        rc = hrc_progress_change_facilitator_pin(store, f->old_pin, f->new_pin);
        wipe_pins(f);
        if (rc == HRC_PROGRESS_OK) {
            f->changing_pin = false;
            f->pin.wait_until = 0;
            pin_say(f, "");
            snprintf(f->message, sizeof f->message, "%s",
                     _("The facilitator PIN was changed."));
            f->message_is_error = false;
            hrc_nav_top(&app->nav)->focus = -1;
        } else {
            pin_go(app, f, PIN_CHANGE_OLD);
            pin_refused(app, f, rc);
            if (rc == HRC_PROGRESS_ERR_PIN)
                pin_say(f, _("Wrong PIN. The facilitator PIN did not change."));
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
    case PIN_CHANGE_NEW:
        if (!hrc_progress_pin_is_valid(digits)) {
            pin_entry_clear(&f->pin);
            pin_say(f, _("A PIN is 4 to 12 digits."));
            break;
        }
        snprintf(f->new_pin, sizeof f->new_pin, "%s", digits);
        pin_say(f, "");
        pin_go(app, f, f->step == PIN_FIRST ? PIN_FIRST_AGAIN : PIN_CHANGE_AGAIN);
        break;
    case PIN_FIRST_AGAIN:
    case PIN_CHANGE_AGAIN:
        if (strcmp(digits, f->new_pin) != 0) {
            explicit_bzero(f->new_pin, sizeof f->new_pin);
            pin_say(f, _("The two PINs are not the same. Choose the PIN again."));
            pin_go(app, f, f->step == PIN_FIRST_AGAIN ? PIN_FIRST : PIN_CHANGE_NEW);
            break;
        }
        pin_entry_clear(&f->pin);
        pin_say(f, "");
        f->pin.pending = f->step == PIN_FIRST_AGAIN ? PENDING_FIRST : PENDING_CHANGE;
        break;
    case PIN_CHANGE_OLD:
        if (pin_entry_waiting(&f->pin, app->now))
            break;
        if (pin_entry_empty(&f->pin)) {
            pin_say(f, _("Type the PIN first."));
            break;
        }
        snprintf(f->old_pin, sizeof f->old_pin, "%s", digits);
        pin_say(f, "");
        pin_go(app, f, PIN_CHANGE_NEW);
        break;
    }
    return HRC_APP_REDRAW;
}

static unsigned change_pin_open(hrc_app *app, facilitator_state *f)
{
    f->changing_pin = true;
    f->message[0] = '\0';
    wipe_pins(f);
    pin_say(f, "");
    pin_go(app, f, PIN_CHANGE_OLD);
    hrc_pin_lock lock = {0};
    if (hrc_progress_facilitator_pin_lock(app->cfg.progress, &lock) == HRC_PROGRESS_OK)
        pin_entry_wait(&f->pin, app->now, lock.wait_ms);
    hrc_nav_top(&app->nav)->scroll = 0;
    return HRC_APP_REDRAW;
}

static unsigned change_pin_cancel(hrc_app *app, facilitator_state *f)
{
    f->changing_pin = false;
    wipe_pins(f);
    pin_say(f, "");
    f->pin.wait_until = 0;
    hrc_nav_top(&app->nav)->focus = -1;
    return HRC_APP_REDRAW;
}

static int64_t facilitator_timer(const hrc_app *app, uint64_t now)
{
    const facilitator_state *f = fac_of(app);
    if (!f)
        return -1;
    if (!f->pin.pending && f->pin.wait_until && !pin_entry_waiting(&f->pin, now))
        return 0; /* one last frame without the countdown */
    int64_t t = pin_entry_timer(&f->pin, now);
    if (f->unlocked && f->detail_id && f->detail_wait_until > now) {
        uint64_t left = f->detail_wait_until - now;
        int64_t d = (int64_t)(left % 1000u ? left % 1000u : 1000u);
        t = t < 0 || d < t ? d : t;
    }
    return t;
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
    unsigned eff = 0;
    if (f->pin.wait_until) {
        if (!pin_entry_waiting(&f->pin, now))
            f->pin.wait_until = 0;
        eff = HRC_APP_REDRAW;
    }
    if (f->detail_wait_until) {
        if (f->detail_wait_until <= now)
            f->detail_wait_until = 0;
        eff = HRC_APP_REDRAW;
    }
    return eff;
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
        boxed_text(u, line, p->wrong);
    }
    if (!app->cfg.progress) {
        ui_plain(u, _("Progress is not being recorded on this kiosk, so there is no "
                      "facilitator PIN to check."),
                 0, u->px, p->text);
        return;
    }
    if (damaged_notice_due(app)) {
        char line[HRC_PROGRESS_PATH_MAX + 256];
        snprintf(line, sizeof line,
                 _("The progress file was damaged. It was kept aside as %s, and a new one was "
                   "started. Progress recorded before is in that file."),
                 app->cfg.store_moved_aside);
        boxed_text(u, line, p->wrong);
    }
    if (app->notice[0]) {
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 2);
    }
    if (!f->unlocked) {
        draw_pin_entry(u, f);
        return;
    }
    if (f->confirm_learner > 0) {
        draw_confirm_delete(u, f);
        return;
    }
    if (f->exporting) {
        draw_export(u, f);
        return;
    }
    if (f->changing_pin) {
        draw_change_pin(u, f);
        return;
    }
    if (f->confirm_untrust >= 0 && (size_t)f->confirm_untrust < f->n_kiosks) {
        draw_confirm_untrust(u, f);
        return;
    }
    if (f->detail_id) {
        draw_learner_detail(u, f);
        return;
    }
    if (f->message[0]) {
        ui_plain(u, f->message, HRC_FONT_BOLD, u->px, f->message_is_error ? p->wrong : p->right);
        ui_gap(u, u->pad / 2);
    }
    fac_button(u, _("Export progress"), ACT_EXPORT_OPEN, 0, BTN_NORMAL);
    if (app->kiosk)
        fac_button(u, _("Leave kiosk mode"), ACT_LEAVE_KIOSK, 0, BTN_NORMAL);
    if (damaged_notice_due(app))
        fac_button(u, _("Hide the notice about the damaged file"), ACT_NOTICE_READ, 0,
                   BTN_QUIET);
    fac_button(u, _("Lock"), ACT_LOCK, 0, BTN_QUIET);
    ui_flow_end(u);
    draw_sync_status(u);
    if (app->cfg.store_exposed && *app->cfg.store_exposed) {
        ui_gap(u, u->pad / 2);
        draw_exposed(u);
    }
    ui_gap(u, u->pad);
    draw_kiosk_settings(u, f);
    ui_gap(u, u->pad);
    ui_plain(u, _("Everyone's progress"), HRC_FONT_BOLD, u->h2_px, p->text);
    draw_learners(u, f);
    ui_gap(u, u->pad);
    draw_trusted_kiosks(u, f);
}

static void look_for_folders(hrc_app *app, facilitator_state *f)
{
    char fallback[HRC_EXPORT_PATH_MAX] = "";
    if (app->cfg.store_path && strrchr(app->cfg.store_path, '/')) {
        snprintf(fallback, sizeof fallback, "%s", app->cfg.store_path);
        char *slash = strrchr(fallback, '/');
        slash[slash == fallback ? 1 : 0] = '\0';
    }
    /* Removable drives are mount points under "/" (io/export_folders.h). */
    hrc_export_search search = {.fallback = fallback[0] ? fallback : NULL,
                                .mounts_only = true};
    f->n_folders = app->host->export_folders
                       ? app->host->export_folders(app->host->ctx, &search, f->folders,
                                                   HRC_EXPORT_FOLDERS_MAX)
                       : 0;
}

static void export_to(hrc_app *app, facilitator_state *f, const char *dir)
{
    char csv[HRC_PROGRESS_PATH_MAX], json[HRC_PROGRESS_PATH_MAX];
    int rc = hrc_progress_export_to_folder(app->cfg.progress, dir, app->lang, csv, json);
    if (rc == HRC_PROGRESS_OK)
        snprintf(f->message, sizeof f->message, _("Saved in %s: %s and %s."), dir,
                 base_name(csv), base_name(json));
    else
        snprintf(f->message, sizeof f->message, _("Could not export to %s: %s"), dir,
                 hrc_progress_errmsg(app->cfg.progress));
    f->message_is_error = rc != HRC_PROGRESS_OK;
    f->exporting = false;
}

/* A folder typed in: checked first, so that a typing slip gets a clear word. */
static void export_typed(hrc_app *app, facilitator_state *f)
{
    const char *problem = NULL;
    if (f->typed_path[0] != '/')
        problem = _("Type the folder's full path, starting with /.");
    else if (!app->host->is_folder || !app->host->is_folder(app->host->ctx, f->typed_path))
        problem = _("There is no folder with this path.");
    if (problem) {
        snprintf(f->message, sizeof f->message, "%s", problem);
        f->message_is_error = true;
        return; /* the list stays, with the path to correct */
    }
    export_to(app, f, f->typed_path);
    hrc_nav_top(&app->nav)->focus = -1;
}

static void delete_confirmed(hrc_app *app, facilitator_state *f)
{
    int64_t id = f->confirm_learner;
    char name[UI_NAME_MAX];
    snprintf(name, sizeof name, "%s", f->confirm_name);
    f->confirm_learner = 0;
    /* Their session ends first, then goes with the rest; this screen stays
     * on top of the sign-in screen. */
    if (id == app->learner_id && app->signed_in)
        app_sign_out_beneath(app, HRC_END_SIGN_OUT);
    int rc = hrc_progress_delete_learner(app->cfg.progress, id);
    if (rc == HRC_PROGRESS_OK)
        snprintf(f->message, sizeof f->message, _("%s and all their records were deleted."),
                 name);
    else
        snprintf(f->message, sizeof f->message, _("Could not delete %s: %s"), name,
                 hrc_progress_errmsg(app->cfg.progress));
    f->message_is_error = rc != HRC_PROGRESS_OK;
    /* The sign-in list no longer holds them. */
    app_reload_learners(app);
    read_everyone(app, f);
}

static unsigned facilitator_activate(hrc_app *app, int action, int arg)
{
    hrc_progress *store = app->cfg.progress;
    facilitator_state *f = fac_of(app);
    if (!store || !f)
        return HRC_APP_REDRAW;
    if (f->pin.pending)
        return 0; /* a PIN is being checked */
    if (action > ACT_LOCK && !f->unlocked)
        return HRC_APP_REDRAW;
    switch (action) {
    case ACT_UNLOCK:
    case ACT_SET_PIN:
    case ACT_CHANGE_PIN_NEXT:
        if (!f->unlocked || f->changing_pin)
            return pin_next(app, f);
        break;
    case ACT_PIN_KEY:
        if (!f->unlocked || f->changing_pin)
            return pin_entry_key(&f->pin, arg);
        break;
    case ACT_CHANGE_PIN_OPEN:
        return change_pin_open(app, f);
    case ACT_CHANGE_PIN_CANCEL:
        return change_pin_cancel(app, f);
    case ACT_LEARNER_OPEN:
    case ACT_LEARNER_CLOSE:
    case ACT_RESET_PIN:
    case ACT_CLEAR_LOCK:
        return learner_detail_activate(app, f, action, arg);
    case ACT_TOGGLE_PINS_REQUIRED:
    case ACT_TOGGLE_SHOW_LEARNERS:
    case ACT_UNTRUST_ASK:
    case ACT_UNTRUST_YES:
    case ACT_UNTRUST_NO:
        return kiosk_activate(app, f, action, arg);
    case ACT_LEAVE_KIOSK:
        if (f->unlocked && app->kiosk) {
            app->kiosk = false;
            app->idle.prompt = false;
            return HRC_APP_REDRAW | HRC_APP_KIOSK_EXIT;
        }
        break;
    case ACT_LOCK:
        app_back(app); /* leaving the screen locks the store */
        break;
    case ACT_NOTICE_READ:
        app->store_notice_read = true;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_DELETE_ASK: {
        hrc_learner l;
        if (hrc_progress_get_learner(store, arg, &l) != HRC_PROGRESS_OK) {
            snprintf(f->message, sizeof f->message, "%s", hrc_progress_errmsg(store));
            f->message_is_error = true;
            break;
        }
        f->confirm_learner = l.id;
        snprintf(f->confirm_name, sizeof f->confirm_name, "%s", l.name);
        f->message[0] = '\0';
        keyboard_focus_on(app, f, ACT_DELETE_NO); /* Enter by mistake deletes nothing */
        hrc_nav_top(&app->nav)->scroll = 0;
        break;
    }
    case ACT_DELETE_YES:
        if (f->confirm_learner > 0)
            delete_confirmed(app, f);
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_DELETE_NO:
        f->confirm_learner = 0;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_EXPORT_OPEN:
    case ACT_EXPORT_LOOK_AGAIN:
        look_for_folders(app, f);
        f->exporting = true;
        f->message[0] = '\0';
        keyboard_focus_on(app, f, f->n_folders ? ACT_EXPORT_TO : ACT_EXPORT_LOOK_AGAIN);
        hrc_nav_top(&app->nav)->scroll = 0;
        break;
    case ACT_EXPORT_TO:
        if (arg >= 0 && (size_t)arg < f->n_folders)
            export_to(app, f, f->folders[arg].path);
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_EXPORT_TYPED:
        export_typed(app, f);
        break;
    case ACT_PATH_FIELD:
        break;
    case ACT_EXPORT_CLOSE:
        f->exporting = false;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    }
    return HRC_APP_REDRAW;
}

bool facilitator_wants_text(const hrc_app *app)
{
    const facilitator_state *f = fac_of(app);
    if (!app->cfg.progress || !f) /* nothing to unlock, nothing to export */
        return false;
    return !f->unlocked || f->changing_pin || (f->exporting && !f->confirm_learner);
}

/* Typing a folder's path: whole UTF-8 characters, no control characters. */
static unsigned path_text(facilitator_state *f, const hrc_input *in)
{
    char *path = f->typed_path;
    size_t have = strlen(path);
    if (in->kind == HRC_IN_BACKSPACE) {
        while (have > 0 && ((unsigned char)path[have - 1] & 0xC0) == 0x80)
            have--;
        path[have > 0 ? have - 1 : 0] = '\0';
        return HRC_APP_REDRAW;
    }
    size_t add = strnlen(in->text, sizeof in->text);
    for (size_t i = 0; i < add; i++)
        if ((unsigned char)in->text[i] < 0x20 || in->text[i] == 0x7f)
            return 0;
    if (have + add + 1 > sizeof f->typed_path)
        return 0;
    memcpy(path + have, in->text, add);
    path[have + add] = '\0';
    return HRC_APP_REDRAW;
}

static unsigned facilitator_text(hrc_app *app, const hrc_input *in)
{
    facilitator_state *f = fac_of(app);
    if (!f || f->pin.pending)
        return 0;
    if (f->unlocked && !f->changing_pin)
        return f->exporting ? path_text(f, in) : 0;
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
    bool typing_pin = app->cfg.progress && (!fs->unlocked || fs->changing_pin);
    if (in->kind == HRC_IN_ACTIVATE && typing_pin &&
        (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PIN_FIELD))) {
        *handled = true; /* Enter after the PIN */
        return pin_next(app, fs);
    }
    if (in->kind == HRC_IN_ACTIVATE && fs->unlocked && fs->exporting &&
        fs->typed_path[0] &&
        (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PATH_FIELD))) {
        *handled = true; /* Enter after typing a folder exports there */
        return facilitator_activate(app, ACT_EXPORT_TYPED, 0);
    }
    if (in->kind == HRC_IN_BACK && fs->unlocked) {
        /* Escape cancels the question, the export or the view, not the screen. */
        int cancel = fs->confirm_learner > 0        ? ACT_DELETE_NO
                     : fs->exporting                ? ACT_EXPORT_CLOSE
                     : fs->changing_pin             ? ACT_CHANGE_PIN_CANCEL
                     : fs->confirm_untrust >= 0     ? ACT_UNTRUST_NO
                     : fs->detail_id                ? ACT_LEARNER_CLOSE
                                                    : 0;
        if (cancel) {
            *handled = true;
            return facilitator_activate(app, cancel, 0);
        }
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
