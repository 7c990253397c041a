/*
 * A kiosk's first start: before anything else, the facilitator PIN is
 * chosen (typed twice) and set with hrc_progress_setup_facilitator_pin(),
 * the store's one way to choose a first PIN. Shown instead of sign-in when
 * the player runs in kiosk mode with a store that has no facilitator PIN
 * (setup_needed); Ctrl+Alt+F does nothing meanwhile. Settings (the
 * language) stays reachable.
 */
#include "screens/ui.h"

#include "screens/icons.h"
#include "screens/pinentry.h"

#include <stdio.h>
#include <string.h>

enum { ACT_FIELD = ACT_SCREEN, ACT_NEXT, ACT_START, ACT_PIN_KEY };

typedef enum setup_step { SETUP_CHOOSE, SETUP_AGAIN, SETUP_DONE } setup_step;

enum { PENDING_SAVE = 1 };

typedef struct setup_state {
    setup_step step;
    pin_entry pin;
    char first[UI_PIN_MAX];
    char message[HRC_PROGRESS_MSG_MAX + 200];
} setup_state;

bool setup_needed(const hrc_app *app)
{
    bool has = true;
    return app->kiosk && app->cfg.progress && !app->cfg.preview &&
           hrc_progress_has_facilitator_pin(app->cfg.progress, &has) == HRC_PROGRESS_OK && !has;
}

static setup_state *setup_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_SETUP ? screen_state(app) : NULL;
}

bool setup_wants_text(const hrc_app *app)
{
    const setup_state *st = setup_of(app);
    return st && st->step != SETUP_DONE;
}

static void setup_init(hrc_app *app, void *state)
{
    setup_state *st = state;
    pin_entry_init(&st->pin, HRC_FACILITATOR_PIN_MAX_DIGITS);
}

static void setup_fini(hrc_app *app, void *state)
{
    setup_state *st = state;
    pin_entry_clear(&st->pin);
    explicit_bzero(st->first, sizeof st->first);
}

static void setup_draw(ui *u)
{
    setup_state *st = setup_of(u->app);
    const hrc_palette *p = u->pal;
    if (!st)
        return;
    ui_plain(u, _("Setting up this kiosk"), HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad / 2);
    if (st->step == SETUP_DONE) {
        ui_plain(u, _("The facilitator PIN is set. Press Ctrl+Alt+F at any time to open the "
                      "facilitator screen: learners' PINs, the sign-in list, exports, and "
                      "leaving kiosk mode."),
                 0, u->px, p->text);
        return;
    }
    ui_plain(u, _("This kiosk has no facilitator PIN yet. The facilitator PIN opens the "
                  "facilitator screen (Ctrl+Alt+F): everyone's progress, exports, learners' "
                  "PINs and leaving kiosk mode. Choose it now, before learners use the "
                  "kiosk, and keep it to yourself."),
             0, u->px, p->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("4 to 12 digits; 6 or more are harder to guess."), 0, u->px, p->muted);
    ui_gap(u, u->pad / 2);
    pin_entry_draw(u, &st->pin,
                   st->step == SETUP_CHOOSE ? _("New facilitator PIN:")
                                            : _("Type the same PIN again:"),
                   ACT_FIELD, ACT_PIN_KEY);
}

static void setup_bar(ui *u)
{
    setup_state *st = setup_of(u->app);
    if (!st)
        return;
    if (st->step == SETUP_DONE) {
        ui_bar_main(u, ICON_FORWARD, _("Start"), ACT_START, 0);
        return;
    }
    ui_bar_main(u, ICON_FORWARD, st->step == SETUP_AGAIN ? _("Set PIN") : _("Next"), ACT_NEXT,
                0);
    if (st->pin.pending)
        ui_bar_status(u, _("Saving\xe2\x80\xa6"), false);
    else if (st->message[0])
        ui_bar_status(u, st->message, true);
}

static void set_step(hrc_app *app, setup_state *st, setup_step step)
{
    st->step = step;
    pin_entry_clear(&st->pin);
    hrc_nav_top(&app->nav)->focus = -1;
}

static unsigned save(hrc_app *app, setup_state *st)
{
    hrc_progress *store = app->cfg.progress;
    int rc = hrc_progress_setup_facilitator_pin(store, st->first);
    explicit_bzero(st->first, sizeof st->first);
    hrc_progress_lock(store); /* set up, not signed in as the facilitator */
    if (rc == HRC_PROGRESS_OK) {
        st->message[0] = '\0';
        set_step(app, st, SETUP_DONE);
        hrc_nav_top(&app->nav)->focus = HRC_NAV_FOCUS_MAIN;
        return HRC_APP_REDRAW;
    }
    if (rc == HRC_PROGRESS_ERR_LOCKED) { /* set meanwhile, from a terminal */
        set_step(app, st, SETUP_DONE);
        return HRC_APP_REDRAW;
    }
    snprintf(st->message, sizeof st->message,
             _("The PIN could not be saved: %s. Set it from a terminal: hrc-player "
               "--set-facilitator-pin"),
             hrc_progress_errmsg(store));
    set_step(app, st, SETUP_CHOOSE);
    return HRC_APP_REDRAW;
}

static unsigned setup_activate(hrc_app *app, int action, int arg)
{
    setup_state *st = setup_of(app);
    if (!st || st->pin.pending)
        return 0;
    switch (action) {
    case ACT_PIN_KEY:
        return st->step == SETUP_DONE ? 0 : pin_entry_key(&st->pin, arg);
    case ACT_START:
        if (st->step == SETUP_DONE) {
            app_sign_out(app, HRC_END_NORMAL); /* sign-in, for the learners */
            return HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
        }
        break;
    case ACT_NEXT:
        if (st->step == SETUP_CHOOSE) {
            if (!hrc_progress_pin_is_valid(st->pin.digits)) {
                snprintf(st->message, sizeof st->message, "%s", _("A PIN is 4 to 12 digits."));
                pin_entry_clear(&st->pin);
                break;
            }
            snprintf(st->first, sizeof st->first, "%s", st->pin.digits);
            st->message[0] = '\0';
            set_step(app, st, SETUP_AGAIN);
        } else if (st->step == SETUP_AGAIN) {
            if (strcmp(st->first, st->pin.digits) != 0) {
                explicit_bzero(st->first, sizeof st->first);
                snprintf(st->message, sizeof st->message, "%s",
                         _("The two PINs are not the same. Choose the PIN again."));
                set_step(app, st, SETUP_CHOOSE);
                break;
            }
            pin_entry_clear(&st->pin);
            st->pin.pending = PENDING_SAVE; /* shown first: measuring the cost takes time */
        }
        break;
    default:
        break;
    }
    return HRC_APP_REDRAW;
}

static unsigned setup_text(hrc_app *app, const hrc_input *in)
{
    setup_state *st = setup_of(app);
    if (!st || st->pin.pending || st->step == SETUP_DONE)
        return 0;
    return pin_entry_text(&st->pin, in);
}

static unsigned setup_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    setup_state *st = setup_of(app);
    *handled = false;
    if (!st)
        return 0;
    if (in->kind == HRC_IN_BACK) {
        *handled = true; /* nothing comes before this */
        if (st->step == SETUP_AGAIN && !st->pin.pending) {
            explicit_bzero(st->first, sizeof st->first);
            set_step(app, st, SETUP_CHOOSE);
            return HRC_APP_REDRAW;
        }
        return 0;
    }
    int f = hrc_nav_top(&app->nav)->focus;
    if (in->kind == HRC_IN_ACTIVATE && f >= 0 && f < app->n_targets &&
        app->targets[f].action == ACT_FIELD) {
        *handled = true;
        return setup_activate(app, ACT_NEXT, 0);
    }
    if (in->kind == HRC_IN_ACTIVATE && st->pin.pending)
        *handled = true;
    return 0;
}

static int64_t setup_timer(const hrc_app *app, uint64_t now)
{
    const setup_state *st = setup_of(app);
    return st && st->pin.pending ? 0 : -1;
}

static unsigned setup_tick(hrc_app *app, uint64_t now)
{
    setup_state *st = setup_of(app);
    if (!st || !st->pin.pending)
        return 0;
    st->pin.pending = 0;
    return save(app, st);
}

const screen_ops screen_setup = {.state_size = sizeof(setup_state), .init = setup_init,
                                 .fini = setup_fini, .draw = setup_draw, .bar = setup_bar,
                                 .activate = setup_activate, .text = setup_text,
                                 .key = setup_key, .timer = setup_timer, .tick = setup_tick};
