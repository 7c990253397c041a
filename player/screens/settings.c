/*
 * Settings: language, text size, high contrast, applied at once; and, for
 * a signed-in learner of the progress store, their PIN: changed with the
 * old one (throttled like every PIN check), or chosen when they have none.
 */
#include "screens/ui.h"

#include "screens/icons.h"
#include "screens/pinentry.h"

#include <stdio.h>
#include <string.h>

enum {
    ACT_LANG = ACT_SCREEN,
    ACT_SIZE,
    ACT_CONTRAST,
    ACT_DONE,
    ACT_PIN_OPEN,  /* change (or choose) my PIN */
    ACT_PIN_FIELD,
    ACT_PIN_KEY,
    ACT_PIN_NEXT,
    ACT_PIN_CANCEL,
};

static const int sizes[] = {100, 150, 200};

typedef enum pin_form { PIN_NONE, PIN_OLD, PIN_NEW, PIN_AGAIN } pin_form;

enum { PENDING_CHANGE = 1 };

typedef struct settings_state {
    bool own_pin_shown; /* a learner of the store is signed in */
    bool has_pin;       /* ... who has a PIN (read on entering and after a change) */
    pin_form step;
    pin_entry pin;
    char old[UI_PIN_MAX], first[UI_PIN_MAX];
    char message[320];
    bool alert;
} settings_state;

static settings_state *settings_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_SETTINGS ? screen_state(app)
                                                                       : NULL;
}

static void read_learner(hrc_app *app, settings_state *st)
{
    hrc_learner l;
    st->own_pin_shown = app->signed_in && !app->guest && app->learner_id > 0 &&
                        hrc_progress_is_recording(app->cfg.progress) &&
                        hrc_progress_get_learner(app->cfg.progress, app->learner_id, &l) ==
                            HRC_PROGRESS_OK;
    st->has_pin = st->own_pin_shown && l.has_pin;
}

static void wipe(settings_state *st)
{
    pin_entry_clear(&st->pin);
    explicit_bzero(st->old, sizeof st->old);
    explicit_bzero(st->first, sizeof st->first);
}

static void settings_init(hrc_app *app, void *state)
{
    settings_state *st = state;
    pin_entry_init(&st->pin, HRC_LEARNER_PIN_MAX_DIGITS);
    read_learner(app, st);
}

static void settings_fini(hrc_app *app, void *state)
{
    wipe(state);
}

bool settings_wants_text(const hrc_app *app)
{
    const settings_state *st = settings_of(app);
    return st && st->step != PIN_NONE;
}

static void say(settings_state *st, const char *text, bool alert)
{
    snprintf(st->message, sizeof st->message, "%s", text);
    st->alert = alert;
}

/* ---- My PIN ------------------------------------------------------------ */

static void draw_pin_section(ui *u, settings_state *st)
{
    const hrc_palette *p = u->pal;
    ui_gap(u, u->pad);
    ui_section_heading(u, ICON_KEY, _("Your PIN"));
    ui_gap(u, u->pad / 3);
    ui_plain(u, st->has_pin ? _("You type your PIN each time you sign in, so that nobody else "
                                "opens your progress.")
                            : _("You have no PIN: whoever chooses your name opens your "
                                "progress."),
             0, u->px, p->text);
    if (st->message[0]) {
        ui_gap(u, u->pad / 3);
        ui_plain(u, st->message, HRC_FONT_BOLD, u->px, st->alert ? p->wrong : p->right);
    }
    ui_gap(u, u->pad / 3);
    ui_button_icon(u, ICON_KEY, st->has_pin ? _("Change my PIN") : _("Choose a PIN"),
                   ACT_PIN_OPEN, 0, BTN_QUIET);
    ui_flow_end(u);
}

static void draw_pin_form(ui *u, settings_state *st)
{
    const hrc_palette *p = u->pal;
    ui_plain(u, st->has_pin ? _("Change my PIN") : _("Choose a PIN"), HRC_FONT_BOLD, u->h1_px,
             p->text);
    ui_gap(u, u->pad / 2);
    const char *prompt = st->step == PIN_OLD   ? _("Current PIN:")
                         : st->step == PIN_NEW ? _("Your new PIN (4 to 8 digits):")
                                               : _("Type the same PIN again:");
    pin_entry_draw(u, &st->pin, prompt, ACT_PIN_FIELD, ACT_PIN_KEY);
}

static void settings_bar(ui *u)
{
    hrc_app *app = u->app;
    settings_state *st = settings_of(app);
    if (!st || st->step == PIN_NONE) {
        /* Every choice applies at once: Done only goes back. */
        ui_bar_main(u, ICON_DONE, _("Done"), ACT_DONE, 0);
        return;
    }
    ui_bar_add(u, false, NULL, _("Cancel"), ACT_PIN_CANCEL, 0, BTN_QUIET);
    ui_bar_main(u, ICON_FORWARD, st->step == PIN_AGAIN ? _("Save") : _("Next"), ACT_PIN_NEXT,
                0);
    char wait[200], text[sizeof st->message + sizeof wait + 2];
    if (st->pin.pending) {
        ui_bar_status(u, _("Checking your PIN\xe2\x80\xa6"), false);
    } else if (pin_entry_wait_text(&st->pin, app->now, wait, sizeof wait)) {
        snprintf(text, sizeof text, "%s%s%s", st->message, st->message[0] ? " " : "", wait);
        ui_bar_status(u, text, true);
    } else if (st->message[0]) {
        ui_bar_status(u, st->message, st->alert);
    }
}

static void pin_step(hrc_app *app, settings_state *st, pin_form step)
{
    st->step = step;
    pin_entry_clear(&st->pin);
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    loc->focus = -1;
    loc->scroll = 0;
}

static unsigned run_change(hrc_app *app, settings_state *st)
{
    hrc_progress *store = app->cfg.progress;
    int rc = hrc_progress_change_learner_pin(store, app->learner_id,
                                             st->has_pin ? st->old : NULL, st->first);
    wipe(st);
    if (rc == HRC_PROGRESS_OK) {
        read_learner(app, st);
        say(st, _("Your new PIN is saved."), false);
        pin_step(app, st, PIN_NONE);
        return HRC_APP_REDRAW;
    }
    if (rc == HRC_PROGRESS_ERR_PIN || rc == HRC_PROGRESS_ERR_THROTTLED) {
        pin_entry_wait(&st->pin, app->now, hrc_progress_wait_ms(store));
        say(st, rc == HRC_PROGRESS_ERR_PIN ? _("Wrong PIN. Your PIN did not change.") : "",
            true);
        pin_step(app, st, PIN_OLD);
        return HRC_APP_REDRAW;
    }
    char line[300];
    snprintf(line, sizeof line, _("Your PIN could not be saved: %s"), hrc_progress_errmsg(store));
    say(st, line, true);
    pin_step(app, st, st->has_pin ? PIN_OLD : PIN_NEW);
    return HRC_APP_REDRAW;
}

static unsigned pin_next(hrc_app *app, settings_state *st)
{
    switch (st->step) {
    case PIN_OLD:
        if (pin_entry_waiting(&st->pin, app->now))
            return HRC_APP_REDRAW;
        if (pin_entry_empty(&st->pin)) {
            say(st, _("Type your PIN first."), true);
            return HRC_APP_REDRAW;
        }
        snprintf(st->old, sizeof st->old, "%s", st->pin.digits);
        say(st, "", false);
        pin_step(app, st, PIN_NEW);
        break;
    case PIN_NEW:
        if (!hrc_progress_learner_pin_is_valid(st->pin.digits)) {
            pin_entry_clear(&st->pin);
            say(st, _("A PIN is 4 to 8 digits."), true);
            return HRC_APP_REDRAW;
        }
        snprintf(st->first, sizeof st->first, "%s", st->pin.digits);
        say(st, "", false);
        pin_step(app, st, PIN_AGAIN);
        break;
    case PIN_AGAIN:
        if (strcmp(st->first, st->pin.digits) != 0) {
            explicit_bzero(st->first, sizeof st->first);
            say(st, _("The two PINs are not the same. Choose your PIN again."), true);
            pin_step(app, st, PIN_NEW);
            return HRC_APP_REDRAW;
        }
        pin_entry_clear(&st->pin);
        say(st, "", false);
        st->pin.pending = PENDING_CHANGE; /* shown first: a check takes half a second */
        break;
    default:
        break;
    }
    return HRC_APP_REDRAW;
}

static unsigned pin_open(hrc_app *app, settings_state *st)
{
    read_learner(app, st);
    if (!st->own_pin_shown)
        return HRC_APP_REDRAW;
    wipe(st);
    say(st, "", false);
    pin_step(app, st, st->has_pin ? PIN_OLD : PIN_NEW);
    hrc_pin_lock lock = {0};
    if (st->has_pin &&
        hrc_progress_learner_pin_lock(app->cfg.progress, app->learner_id, &lock) ==
            HRC_PROGRESS_OK)
        pin_entry_wait(&st->pin, app->now, lock.wait_ms);
    return HRC_APP_REDRAW;
}

static unsigned pin_cancel(hrc_app *app, settings_state *st)
{
    wipe(st);
    say(st, "", false);
    pin_step(app, st, PIN_NONE);
    return HRC_APP_REDRAW;
}

static int64_t settings_timer(const hrc_app *app, uint64_t now)
{
    const settings_state *st = settings_of(app);
    if (!st || st->step == PIN_NONE)
        return -1;
    if (!st->pin.pending && st->pin.wait_until && !pin_entry_waiting(&st->pin, now))
        return 0; /* one last frame without the countdown */
    return pin_entry_timer(&st->pin, now);
}

static unsigned settings_tick(hrc_app *app, uint64_t now)
{
    settings_state *st = settings_of(app);
    if (!st)
        return 0;
    if (st->pin.pending) {
        st->pin.pending = 0;
        return run_change(app, st);
    }
    if (st->pin.wait_until) {
        if (!pin_entry_waiting(&st->pin, now))
            st->pin.wait_until = 0;
        return HRC_APP_REDRAW;
    }
    return 0;
}

/* ---- The screen -------------------------------------------------------- */

static void settings_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    settings_state *st = settings_of(app);
    if (st && st->step != PIN_NONE) {
        draw_pin_form(u, st);
        return;
    }
    ui_plain(u, _("Settings"), HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad);
    ui_section_heading(u, ICON_LANGUAGE, _("Language"));
    ui_gap(u, u->pad / 3);
    size_t n_langs = 0;
    const hrc_language *langs = hrc_i18n_languages(&n_langs);
    for (size_t i = 0; i < n_langs; i++)
        ui_option(u, langs[i].native_name, ACT_LANG, (int)i,
                  strcmp(langs[i].code, app->lang) == 0);
    ui_gap(u, u->pad);
    ui_section_heading(u, ICON_TEXT_SIZE, _("Text size"));
    ui_gap(u, u->pad / 3);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char label[16];
        /* TRANSLATORS: a text size in per cent, as "150 %"; English writes "150%". */
        snprintf(label, sizeof label, _("%d%%"), sizes[i]);
        ui_option(u, label, ACT_SIZE, sizes[i], app->text_percent == sizes[i]);
    }
    ui_gap(u, u->pad);
    ui_section_heading(u, ICON_CONTRAST, _("Contrast"));
    ui_gap(u, u->pad / 3);
    ui_option(u, _("Standard"), ACT_CONTRAST, 0, !app->high_contrast);
    ui_option(u, _("High contrast"), ACT_CONTRAST, 1, app->high_contrast);
    if (st && st->own_pin_shown)
        draw_pin_section(u, st);
    spoken_settings_draw(u); /* spoken guidance: spoken.c */
    ui_flow_end(u);
}

static unsigned settings_activate(hrc_app *app, int action, int arg)
{
    unsigned eff = HRC_APP_REDRAW;
    size_t n_langs = 0;
    const hrc_language *langs = hrc_i18n_languages(&n_langs);
    settings_state *st = settings_of(app);
    if (st && st->pin.pending)
        return 0;
    switch (action) {
    case ACT_LANG:
        if (arg >= 0 && (size_t)arg < n_langs && strcmp(langs[arg].code, app->lang) != 0) {
            app_set_lang(app, langs[arg].code);
            eff |= HRC_APP_LANG_CHANGED;
        }
        break;
    case ACT_SIZE:
        if (arg == 100 || arg == 150 || arg == 200)
            app->text_percent = arg;
        break;
    case ACT_CONTRAST:
        app->high_contrast = arg != 0;
        break;
    case ACT_DONE:
        app_back(app);
        return eff;
    case ACT_PIN_OPEN:
        return st ? pin_open(app, st) : eff;
    case ACT_PIN_KEY:
        return st && st->step != PIN_NONE ? pin_entry_key(&st->pin, arg) : eff;
    case ACT_PIN_NEXT:
        return st ? pin_next(app, st) : eff;
    case ACT_PIN_CANCEL:
        return st ? pin_cancel(app, st) : eff;
    default:
        return eff;
    }
    app_apply_prefs(app);
    return eff;
}

static unsigned settings_text(hrc_app *app, const hrc_input *in)
{
    settings_state *st = settings_of(app);
    if (!st || st->step == PIN_NONE || st->pin.pending)
        return 0;
    return pin_entry_text(&st->pin, in);
}

static unsigned settings_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    settings_state *st = settings_of(app);
    if (!st || st->step == PIN_NONE)
        return 0;
    if (st->pin.pending && (in->kind == HRC_IN_ACTIVATE || in->kind == HRC_IN_BACK)) {
        *handled = true;
        return 0;
    }
    if (in->kind == HRC_IN_BACK) { /* Escape leaves the form, not Settings */
        *handled = true;
        return pin_cancel(app, st);
    }
    int f = hrc_nav_top(&app->nav)->focus;
    if (in->kind == HRC_IN_ACTIVATE && f >= 0 && f < app->n_targets &&
        app->targets[f].action == ACT_PIN_FIELD) {
        *handled = true;
        return pin_next(app, st);
    }
    return 0;
}

const screen_ops screen_settings = {.state_size = sizeof(settings_state),
                                    .init = settings_init, .fini = settings_fini,
                                    .draw = settings_draw, .activate = settings_activate,
                                    .text = settings_text, .key = settings_key,
                                    .bar = settings_bar, .timer = settings_timer,
                                    .tick = settings_tick};
