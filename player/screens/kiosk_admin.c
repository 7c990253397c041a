/*
 * The kiosk's settings, a trainer's screen (screens/trainer.h): how
 * learners sign in (PINs required, the list of every learner), changing
 * the facilitator PIN (the old one, then the new one twice), exporting
 * everyone's progress to a USB stick, the background sync to a learning
 * record store, the kiosks whose exports this one accepts, and leaving
 * kiosk mode.
 */
#include "screens/trainer.h"

#include "io/lrs_worker.h"
#include "screens/icons.h"
#include "screens/pinentry.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
    ACT_TOGGLE_PINS_REQUIRED = ACT_SCREEN,
    ACT_TOGGLE_SHOW_LEARNERS,
    ACT_CHANGE_PIN_OPEN,
    ACT_CHANGE_PIN_NEXT,
    ACT_CHANGE_PIN_CANCEL,
    ACT_PIN_FIELD,
    ACT_PIN_KEY,
    ACT_UNTRUST_ASK, /* arg: index in kiosks */
    ACT_UNTRUST_YES,
    ACT_UNTRUST_NO,
    ACT_EXPORT_OPEN,
    ACT_EXPORT_TO, /* arg: index in folders */
    ACT_EXPORT_LOOK_AGAIN,
    ACT_EXPORT_CLOSE,
    ACT_PATH_FIELD,
    ACT_EXPORT_TYPED,
    ACT_LEAVE_KIOSK,
};

/* Changing the facilitator PIN: the old one, the new one, again. */
typedef enum pin_step { PIN_CHANGE_OLD, PIN_CHANGE_NEW, PIN_CHANGE_AGAIN } pin_step;

/* Slow work for the next tick. */
enum { JOB_CHANGE_PIN = 1, JOB_EXPORT };

typedef struct kiosk_state {
    trainer_base base;
    bool pins_required, show_learners;
    hrc_kiosk me;
    bool have_me;
    hrc_kiosk *kiosks;
    size_t n_kiosks;
    int confirm_untrust;     /* index in kiosks awaiting "Stop trusting"; -1 none */
    bool changing_pin;
    pin_entry pin;
    pin_step step;
    char old_pin[UI_PIN_MAX], new_pin[UI_PIN_MAX];
    char pin_message[320];
    bool exporting;          /* the list of folders is shown */
    trainer_folders folders;
    char typed_path[HRC_EXPORT_PATH_MAX]; /* a folder typed in instead */
    char export_to[HRC_EXPORT_PATH_MAX];  /* where the export under way goes */
} kiosk_state;

static kiosk_state *kiosk_of(const hrc_app *app)
{
    return trainer_state(app, HRC_SCREEN_KIOSK_ADMIN);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

static void kiosk_read(hrc_app *app, kiosk_state *k)
{
    hrc_progress *store = app->cfg.progress;
    free(k->kiosks);
    k->kiosks = NULL;
    k->n_kiosks = 0;
    hrc_progress_learner_pins_required(store, &k->pins_required);
    hrc_progress_show_learners(store, &k->show_learners);
    k->have_me = hrc_progress_this_kiosk(store, &k->me) == HRC_PROGRESS_OK;
    if (hrc_progress_list_trusted_kiosks(store, &k->kiosks, &k->n_kiosks) != HRC_PROGRESS_OK) {
        k->kiosks = NULL;
        k->n_kiosks = 0;
    }
}

static void wipe_pins(kiosk_state *k)
{
    pin_entry_clear(&k->pin);
    explicit_bzero(k->old_pin, sizeof k->old_pin);
    explicit_bzero(k->new_pin, sizeof k->new_pin);
}

static void kiosk_init(hrc_app *app, void *state)
{
    kiosk_state *k = state;
    k->confirm_untrust = -1;
    pin_entry_init(&k->pin, HRC_FACILITATOR_PIN_MAX_DIGITS);
    if (app->cfg.progress)
        kiosk_read(app, k);
}

static void kiosk_fini(hrc_app *app, void *state)
{
    (void)app;
    kiosk_state *k = state;
    free(k->kiosks);
    wipe_pins(k);
}

/* ---- Sign-in settings, trusted kiosks ---------------------------------- */

static void toggle(ui *u, bool on, const char *label, int action)
{
    ui_next_target(u, HRC_ROLE_CHECKBOX, on ? _("checked") : _("not checked"), NULL, NULL);
    trainer_block(u, on ? ICON_CHECK_ON : ICON_CHECK_OFF, NULL, label, action, 0,
                  on ? BTN_SELECTED : BTN_QUIET);
}

static void draw_settings(ui *u, const kiosk_state *k)
{
    const hrc_palette *p = u->pal;
    hrc_rect box;
    ui_box_begin(u, &box);
    ui_plain(u, _("Signing in"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    toggle(u, k->pins_required, _("Learners must have a PIN"), ACT_TOGGLE_PINS_REQUIRED);
    ui_plain(u, _("New learners then choose one, and learners without one choose one at their "
                  "next sign-in."),
             0, u->small_px, p->muted);
    ui_gap(u, u->pad / 2);
    toggle(u, k->show_learners, _("The sign-in screen lists every learner"),
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
    ui_box_end(u, box, p->surface);
    ui_box_begin(u, &box);
    ui_plain(u, _("Facilitator PIN"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    trainer_button(u, ICON_KEY, _("Change the facilitator PIN"), ACT_CHANGE_PIN_OPEN, 0,
                   BTN_QUIET);
    ui_flow_end(u);
    ui_box_end(u, box, p->surface);
    ui_box_begin(u, &box);
    ui_plain(u, _("Everyone's progress"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_plain(u, _("Every learner's progress, as a spreadsheet (CSV) and a data file (JSON) "
                  "that another kiosk can import."),
             0, u->small_px, p->muted);
    ui_gap(u, u->pad / 3);
    trainer_button(u, ICON_SAVE, _("Export progress"), ACT_EXPORT_OPEN, 0, BTN_QUIET);
    ui_flow_end(u);
    ui_box_end(u, box, p->surface);
}

static void draw_trusted_kiosks(ui *u, const kiosk_state *k)
{
    const hrc_palette *p = u->pal;
    char line[256];
    hrc_rect box;
    ui_box_begin(u, &box);
    ui_plain(u, _("Kiosks whose exports this one accepts"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    if (k->have_me) {
        snprintf(line, sizeof line, _("This kiosk's fingerprint: %s"), k->me.fingerprint);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
        ui_gap(u, u->pad / 3);
    }
    if (k->n_kiosks == 0)
        ui_plain(u, _("No other kiosk: imports are accepted only from this one."), 0, u->px,
                 p->text);
    for (size_t i = 0; i < k->n_kiosks && i <= INT_MAX; i++) {
        const hrc_kiosk *o = &k->kiosks[i];
        snprintf(line, sizeof line, _("Kiosk %s (device %.8s\xe2\x80\xa6)"), o->fingerprint,
                 o->device_id);
        ui_gap(u, u->pad / 4);
        ui_plain(u, line, 0, u->px, p->text);
        snprintf(line, sizeof line, _("Stop trusting %s\xe2\x80\xa6"), o->fingerprint);
        trainer_button(u, NULL, line, ACT_UNTRUST_ASK, (int)i, BTN_QUIET);
        ui_flow_end(u);
    }
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("To trust another kiosk, run hrc-player --trust-kiosk KEY on this machine "
                  "with the key that hrc-player --kiosk-key prints on the other kiosk, then "
                  "check that the fingerprint it prints is the one shown on the other kiosk's "
                  "facilitator screen."),
             0, u->small_px, p->muted);
    ui_box_end(u, box, p->surface);
}

static void draw_confirm_untrust(ui *u, const kiosk_state *k)
{
    const hrc_kiosk *o = &k->kiosks[k->confirm_untrust];
    char line[256];
    snprintf(line, sizeof line, _("Stop accepting exports from kiosk %s?"), o->fingerprint);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Its imports are then refused until it is trusted again from a terminal. "
                  "What was imported from it stays."),
             0, u->px, u->pal->text);
    ui_gap(u, u->pad);
    trainer_button(u, NULL, _("Stop trusting"), ACT_UNTRUST_YES, 0, BTN_WRONG);
    trainer_button(u, NULL, _("Cancel"), ACT_UNTRUST_NO, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static void draw_export(ui *u, const kiosk_state *k)
{
    ui_plain(u, _("Export progress"), HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    trainer_draw_folders(u, &k->folders,
                         _("Choose where to save everyone's progress, as a spreadsheet (CSV) "
                           "and a data file (JSON):"),
                         ACT_EXPORT_TO, ACT_EXPORT_LOOK_AGAIN, ACT_EXPORT_CLOSE);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Or type the full path of a folder:"), HRC_FONT_BOLD, u->px, u->pal->text);
    char shown[HRC_EXPORT_PATH_MAX + 2];
    snprintf(shown, sizeof shown, "%s|", k->typed_path);
    ui_block_button(u, NULL, NULL, NULL, shown, ACT_PATH_FIELD, 0, BTN_QUIET, false);
    trainer_button(u, NULL, _("Export to this folder"), ACT_EXPORT_TYPED, 0, BTN_NORMAL);
    ui_flow_end(u);
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
    hrc_rect box;
    ui_box_begin(u, &box);
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
    ui_box_end(u, box, p->surface);
}

/* ---- Leaving kiosk mode ---------------------------------------------------- */

static void draw_kiosk_mode(ui *u)
{
    if (!u->app->kiosk)
        return;
    hrc_rect box;
    ui_box_begin(u, &box);
    ui_plain(u, _("Kiosk mode"), HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_plain(u, _("Leaving kiosk mode ends full screen, so that the player can be closed."), 0,
             u->small_px, u->pal->muted);
    ui_gap(u, u->pad / 3);
    trainer_button(u, ICON_QUIT, _("Leave kiosk mode"), ACT_LEAVE_KIOSK, 0, BTN_QUIET);
    ui_flow_end(u);
    ui_box_end(u, box, u->pal->surface);
}

/* ---- Changing the facilitator PIN ---------------------------------------- */

static void pin_say(kiosk_state *k, const char *text)
{
    snprintf(k->pin_message, sizeof k->pin_message, "%s", text);
}

static void pin_go(hrc_app *app, kiosk_state *k, pin_step step)
{
    k->step = step;
    pin_entry_clear(&k->pin);
    hrc_nav_top(&app->nav)->focus = -1;
}

static void draw_change_pin(ui *u, const kiosk_state *k)
{
    ui_plain(u, _("Change the facilitator PIN"), HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    const char *prompt = k->step == PIN_CHANGE_OLD   ? _("Current facilitator PIN:")
                         : k->step == PIN_CHANGE_NEW ? _("New facilitator PIN (4 to 12 digits):")
                                                     : _("Type the same PIN again:");
    pin_entry_draw(u, &k->pin, prompt, ACT_PIN_FIELD, ACT_PIN_KEY);
}

static unsigned change_pin_open(hrc_app *app, kiosk_state *k)
{
    k->changing_pin = true;
    k->base.status[0] = '\0';
    wipe_pins(k);
    pin_say(k, "");
    pin_go(app, k, PIN_CHANGE_OLD);
    hrc_pin_lock lock = {0};
    if (hrc_progress_facilitator_pin_lock(app->cfg.progress, &lock) == HRC_PROGRESS_OK)
        pin_entry_wait(&k->pin, app->now, lock.wait_ms);
    hrc_nav_top(&app->nav)->scroll = 0;
    return HRC_APP_REDRAW;
}

static unsigned change_pin_cancel(hrc_app *app, kiosk_state *k)
{
    k->changing_pin = false;
    wipe_pins(k);
    pin_say(k, "");
    k->pin.wait_until = 0;
    trainer_focus_on(app, &k->base, ACT_CHANGE_PIN_OPEN);
    return HRC_APP_REDRAW;
}

/* The main action of the PIN being typed. */
static unsigned pin_next(hrc_app *app, kiosk_state *k)
{
    if (k->base.pending)
        return 0;
    const char *digits = k->pin.digits;
    switch (k->step) {
    case PIN_CHANGE_OLD:
        if (pin_entry_waiting(&k->pin, app->now))
            break;
        if (pin_entry_empty(&k->pin)) {
            pin_say(k, _("Type the PIN first."));
            break;
        }
        snprintf(k->old_pin, sizeof k->old_pin, "%s", digits);
        pin_say(k, "");
        pin_go(app, k, PIN_CHANGE_NEW);
        break;
    case PIN_CHANGE_NEW:
        if (!hrc_progress_pin_is_valid(digits)) {
            pin_entry_clear(&k->pin);
            pin_say(k, _("A PIN is 4 to 12 digits."));
            break;
        }
        snprintf(k->new_pin, sizeof k->new_pin, "%s", digits);
        pin_say(k, "");
        pin_go(app, k, PIN_CHANGE_AGAIN);
        break;
    case PIN_CHANGE_AGAIN:
        if (strcmp(digits, k->new_pin) != 0) {
            explicit_bzero(k->new_pin, sizeof k->new_pin);
            pin_say(k, _("The two PINs are not the same. Choose the PIN again."));
            pin_go(app, k, PIN_CHANGE_NEW);
            break;
        }
        pin_entry_clear(&k->pin);
        pin_say(k, "");
        trainer_busy(&k->base, JOB_CHANGE_PIN, _("Saving\xe2\x80\xa6"));
        break;
    }
    return HRC_APP_REDRAW;
}

static void run_change_pin(hrc_app *app, kiosk_state *k)
{
    hrc_progress *store = app->cfg.progress;
    int rc = hrc_progress_change_facilitator_pin(store, k->old_pin, k->new_pin);
    wipe_pins(k);
    if (rc == HRC_PROGRESS_OK) {
        k->changing_pin = false;
        k->pin.wait_until = 0;
        pin_say(k, "");
        trainer_say(&k->base, false, "%s", _("The facilitator PIN was changed."));
        hrc_nav_top(&app->nav)->focus = -1;
        return;
    }
    pin_go(app, k, PIN_CHANGE_OLD);
    if (rc == HRC_PROGRESS_ERR_PIN || rc == HRC_PROGRESS_ERR_THROTTLED) {
        pin_entry_wait(&k->pin, app->now, hrc_progress_wait_ms(store));
        pin_say(k, rc == HRC_PROGRESS_ERR_PIN ? _("Wrong PIN. The facilitator PIN did not change.")
                                              : "");
    } else {
        pin_say(k, hrc_progress_errmsg(store));
    }
}

/* ---- Exports ----------------------------------------------------------- */

static void run_export(hrc_app *app, kiosk_state *k)
{
    char csv[HRC_PROGRESS_PATH_MAX], json[HRC_PROGRESS_PATH_MAX];
    const char *dir = k->export_to;
    int rc = hrc_progress_export_to_folder(app->cfg.progress, dir, app->lang, csv, json);
    if (rc == HRC_PROGRESS_OK)
        trainer_say(&k->base, false, _("Saved in %s: %s and %s."), dir, base_name(csv),
                    base_name(json));
    else
        trainer_say(&k->base, true, _("Could not export to %s: %s"), dir,
                    hrc_progress_errmsg(app->cfg.progress));
    k->exporting = false;
    hrc_nav_top(&app->nav)->focus = -1;
}

static void export_to(kiosk_state *k, const char *dir)
{
    snprintf(k->export_to, sizeof k->export_to, "%s", dir);
    trainer_busy(&k->base, JOB_EXPORT, _("Saving\xe2\x80\xa6"));
}

/* A folder typed in: checked first, so that a typing slip gets a clear word. */
static void export_typed(hrc_app *app, kiosk_state *k)
{
    const char *problem = NULL;
    if (k->typed_path[0] != '/')
        problem = _("Type the folder's full path, starting with /.");
    else if (!app->host->is_folder || !app->host->is_folder(app->host->ctx, k->typed_path))
        problem = _("There is no folder with this path.");
    if (problem) {
        trainer_say(&k->base, true, "%s", problem);
        return; /* the list stays, with the path to correct */
    }
    export_to(k, k->typed_path);
}

/* ---- The screen ---------------------------------------------------------- */

static void kiosk_draw(ui *u)
{
    const kiosk_state *k = kiosk_of(u->app);
    if (!k)
        return;
    trainer_wide(u, u->px * 48);
    trainer_heading(u, ICON_TUNE, _("Kiosk settings"), NULL);
    if (k->changing_pin) {
        draw_change_pin(u, k);
        return;
    }
    if (k->confirm_untrust >= 0 && (size_t)k->confirm_untrust < k->n_kiosks) {
        draw_confirm_untrust(u, k);
        return;
    }
    if (k->exporting) {
        draw_export(u, k);
        return;
    }
    draw_settings(u, k);
    draw_sync_status(u);
    draw_trusted_kiosks(u, k);
    draw_kiosk_mode(u);
}

static void kiosk_bar(ui *u)
{
    hrc_app *app = u->app;
    const kiosk_state *k = kiosk_of(app);
    if (!k)
        return;
    trainer_bar_lock(u); /* always at the bottom left; Cancel beside its action */
    if (!k->changing_pin) {
        trainer_bar_status(u, &k->base);
        return;
    }
    ui_bar_add(u, true, NULL, _("Cancel"), ACT_CHANGE_PIN_CANCEL, 0, BTN_QUIET);
    if (k->step == PIN_CHANGE_AGAIN)
        ui_bar_main(u, ICON_KEY, _("Change PIN"), ACT_CHANGE_PIN_NEXT, 0);
    else
        ui_bar_main(u, ICON_FORWARD, _("Next"), ACT_CHANGE_PIN_NEXT, 0);
    char wait[200], text[sizeof k->pin_message + sizeof wait + 2];
    if (k->base.pending)
        ui_bar_status(u, k->base.busy, false);
    else if (pin_entry_wait_text(&k->pin, app->now, wait, sizeof wait)) {
        snprintf(text, sizeof text, "%s%s%s", k->pin_message, k->pin_message[0] ? " " : "",
                 wait);
        ui_bar_status(u, text, true);
    } else if (k->pin_message[0])
        ui_bar_status(u, k->pin_message, true);
}

static unsigned settings_activate(hrc_app *app, kiosk_state *k, int action, int arg)
{
    hrc_progress *store = app->cfg.progress;
    int rc = HRC_PROGRESS_OK;
    switch (action) {
    case ACT_TOGGLE_PINS_REQUIRED:
    case ACT_TOGGLE_SHOW_LEARNERS:
        rc = action == ACT_TOGGLE_PINS_REQUIRED
                 ? hrc_progress_set_learner_pins_required(store, !k->pins_required)
                 : hrc_progress_set_show_learners(store, !k->show_learners);
        if (rc != HRC_PROGRESS_OK)
            trainer_say(&k->base, true, _("Could not change the setting: %s"),
                        hrc_progress_errmsg(store));
        else
            k->base.status[0] = '\0';
        kiosk_read(app, k);
        signin_refresh(app); /* the sign-in screen beneath follows */
        trainer_focus_on(app, &k->base, action);
        break;
    case ACT_UNTRUST_ASK:
        if (arg >= 0 && (size_t)arg < k->n_kiosks) {
            k->confirm_untrust = arg;
            k->base.status[0] = '\0';
            trainer_focus_on(app, &k->base, ACT_UNTRUST_NO);
            hrc_nav_top(&app->nav)->scroll = 0;
        }
        break;
    case ACT_UNTRUST_YES:
        if (k->confirm_untrust >= 0 && (size_t)k->confirm_untrust < k->n_kiosks) {
            char which[HRC_KIOSK_FINGERPRINT_MAX];
            snprintf(which, sizeof which, "%s", k->kiosks[k->confirm_untrust].fingerprint);
            rc = hrc_progress_untrust_kiosk(store, which);
            if (rc == HRC_PROGRESS_OK)
                trainer_say(&k->base, false, _("Exports from kiosk %s are no longer accepted."),
                            which);
            else
                trainer_say(&k->base, true, "%s", hrc_progress_errmsg(store));
            kiosk_read(app, k);
        }
        k->confirm_untrust = -1;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_UNTRUST_NO:
        k->confirm_untrust = -1;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    }
    return HRC_APP_REDRAW;
}

static unsigned kiosk_activate(hrc_app *app, int action, int arg)
{
    kiosk_state *k = kiosk_of(app);
    if (!k || !app->cfg.progress)
        return HRC_APP_REDRAW;
    if (k->base.pending)
        return 0; /* the work under way first */
    switch (action) {
    case ACT_TRAINER_LOCK:
        return trainer_lock(app);
    case ACT_CHANGE_PIN_OPEN:
        return change_pin_open(app, k);
    case ACT_CHANGE_PIN_CANCEL:
        return change_pin_cancel(app, k);
    case ACT_CHANGE_PIN_NEXT:
        return k->changing_pin ? pin_next(app, k) : HRC_APP_REDRAW;
    case ACT_PIN_KEY:
        return k->changing_pin ? pin_entry_key(&k->pin, arg) : HRC_APP_REDRAW;
    case ACT_PIN_FIELD:
    case ACT_PATH_FIELD:
        break;
    case ACT_TOGGLE_PINS_REQUIRED:
    case ACT_TOGGLE_SHOW_LEARNERS:
    case ACT_UNTRUST_ASK:
    case ACT_UNTRUST_YES:
    case ACT_UNTRUST_NO:
        return settings_activate(app, k, action, arg);
    case ACT_EXPORT_OPEN:
    case ACT_EXPORT_LOOK_AGAIN:
        trainer_find_folders(app, &k->folders);
        k->exporting = true;
        k->base.status[0] = '\0';
        trainer_focus_on(app, &k->base, k->folders.n ? ACT_EXPORT_TO : ACT_EXPORT_LOOK_AGAIN);
        hrc_nav_top(&app->nav)->scroll = 0;
        break;
    case ACT_EXPORT_TO:
        if (arg >= 0 && (size_t)arg < k->folders.n)
            export_to(k, k->folders.list[arg].path);
        break;
    case ACT_EXPORT_TYPED:
        export_typed(app, k);
        break;
    case ACT_EXPORT_CLOSE:
        k->exporting = false;
        trainer_focus_on(app, &k->base, ACT_EXPORT_OPEN);
        break;
    case ACT_LEAVE_KIOSK:
        if (app->kiosk) {
            app->kiosk = false;
            app->idle.prompt = false;
            return HRC_APP_REDRAW | HRC_APP_KIOSK_EXIT;
        }
        break;
    }
    return HRC_APP_REDRAW;
}

static int64_t kiosk_timer(const hrc_app *app, uint64_t now)
{
    const kiosk_state *k = kiosk_of(app);
    if (!k)
        return -1;
    if (k->base.pending)
        return 0;
    if (k->pin.wait_until && !pin_entry_waiting(&k->pin, now))
        return 0; /* one last frame without the countdown */
    return k->changing_pin ? pin_entry_timer(&k->pin, now) : -1;
}

static unsigned kiosk_tick(hrc_app *app, uint64_t now)
{
    kiosk_state *k = kiosk_of(app);
    if (!k || !app->cfg.progress)
        return 0;
    switch (trainer_take_job(&k->base)) {
    case JOB_CHANGE_PIN: run_change_pin(app, k); return HRC_APP_REDRAW;
    case JOB_EXPORT: run_export(app, k); return HRC_APP_REDRAW;
    default: break;
    }
    if (k->pin.wait_until) {
        if (!pin_entry_waiting(&k->pin, now))
            k->pin.wait_until = 0;
        return HRC_APP_REDRAW;
    }
    return 0;
}

bool kiosk_admin_wants_text(const hrc_app *app)
{
    const kiosk_state *k = kiosk_of(app);
    return k && (k->changing_pin || (k->exporting && !k->base.pending));
}

static unsigned kiosk_text(hrc_app *app, const hrc_input *in)
{
    kiosk_state *k = kiosk_of(app);
    if (!k || k->base.pending)
        return 0;
    if (k->changing_pin)
        return pin_entry_text(&k->pin, in);
    if (k->exporting) {
        unsigned eff = trainer_type(k->typed_path, sizeof k->typed_path, in);
        return eff ? eff : (in->kind == HRC_IN_BACKSPACE ? HRC_APP_REDRAW : 0);
    }
    return 0;
}

static unsigned kiosk_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    kiosk_state *k = kiosk_of(app);
    if (!k)
        return 0;
    if (trainer_waits(&k->base, in)) {
        *handled = true; /* the work under way first */
        return 0;
    }
    int f = hrc_nav_top(&app->nav)->focus;
    if (in->kind == HRC_IN_ACTIVATE && k->changing_pin &&
        (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PIN_FIELD))) {
        *handled = true; /* Enter after the PIN */
        return pin_next(app, k);
    }
    if (in->kind == HRC_IN_ACTIVATE && k->exporting && k->typed_path[0] &&
        (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PATH_FIELD))) {
        *handled = true; /* Enter after typing a folder exports there */
        return kiosk_activate(app, ACT_EXPORT_TYPED, 0);
    }
    if (in->kind == HRC_IN_BACK) {
        /* Escape cancels the question or the view, not the screen. */
        int cancel = k->changing_pin              ? ACT_CHANGE_PIN_CANCEL
                     : k->exporting               ? ACT_EXPORT_CLOSE
                     : k->confirm_untrust >= 0    ? ACT_UNTRUST_NO
                                                  : 0;
        if (cancel) {
            *handled = true;
            return kiosk_activate(app, cancel, 0);
        }
    }
    return 0;
}

const screen_ops screen_kiosk_admin = {.state_size = sizeof(kiosk_state), .init = kiosk_init,
                                       .fini = kiosk_fini, .draw = kiosk_draw,
                                       .activate = kiosk_activate, .key = kiosk_key,
                                       .text = kiosk_text, .bar = kiosk_bar,
                                       .timer = kiosk_timer, .tick = kiosk_tick};
