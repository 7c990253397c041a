/*
 * Sign-in. On a kiosk the learner types (or taps on the on-screen
 * keyboard) the first letters of their name and sees only the names that
 * start so; in classroom mode (--show-learners, or the facilitator's
 * setting) and outside kiosk mode every learner is listed. Then their PIN,
 * when they have one (throttled: a countdown while wrong tries lock it).
 * New here: a name, checked as it is typed (core/names.h), and a PIN of 4
 * to 8 digits typed twice, which the kiosk may require. A learner whose
 * PIN the facilitator reset, or who has none where PINs are required,
 * chooses one before going on. Or continue as a guest.
 * Without a progress store the names live in memory and there are no PINs.
 */
#include "screens/ui.h"

#include "core/names.h"
#include "screens/icons.h"
#include "screens/keyboard.h"
#include "screens/pinentry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_PICK = ACT_SCREEN, /* arg: index in the learners shown */
    ACT_PICK_NAME,         /* arg: index in app->names (no store) */
    ACT_NEW,
    ACT_FIELD,             /* the text field: typing goes there anyway */
    ACT_NEXT,              /* the step's main action */
    ACT_CANCEL,
    ACT_GUEST,
    ACT_NO_PIN,            /* a new profile without a PIN */
    ACT_ITS_ME,            /* the name is taken, and it is the learner's */
    ACT_OTHER_NAME,
    ACT_KEY,               /* a key of the on-screen keyboard (arg) */
    ACT_PIN_KEY,           /* a key of the PIN keypad (arg) */
};

typedef enum signin_step {
    STEP_FIND,          /* the search, or the list */
    STEP_PIN,           /* who's PIN */
    STEP_NEW_NAME,      /* a new profile: the name */
    STEP_SAME_NAME,     /* ... which someone here has already */
    STEP_NEW_PIN,       /* ... its PIN */
    STEP_NEW_PIN_AGAIN,
    STEP_SET_PIN,       /* who must choose a PIN before going on */
    STEP_SET_PIN_AGAIN,
} signin_step;

/* Slow actions (a PIN hash), shown first and run at the next tick. */
enum { PENDING_CHECK = 1, PENDING_CREATE, PENDING_SET };

#define FOUND_SHOWN 8 /* names found shown at once */

typedef struct signin_state {
    signin_step step;
    bool listing;        /* every learner is listed (classroom, or no kiosk) */
    bool pins_required;  /* the kiosk's setting */
    char search[UI_NAME_MAX];   /* the first letters typed */
    hrc_learner *found;         /* the learners whose name starts so */
    size_t n_found;
    char name[UI_NAME_MAX];     /* a new profile's name, as typed */
    osk keys;
    hrc_learner who;            /* whose PIN is typed or chosen */
    pin_entry pin;
    char first[UI_PIN_MAX];     /* a new PIN, typed once */
    char message[320];          /* the outcome of the last action */
    bool alert;
} signin_state;

static signin_state *state_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_SIGNIN ? screen_state(app)
                                                                     : NULL;
}

static bool searching(const hrc_app *app, const signin_state *st)
{
    return app->cfg.progress && !st->listing;
}

static void forget_found(signin_state *st)
{
    free(st->found);
    st->found = NULL;
    st->n_found = 0;
}

/* The names that start with what was typed: on each change, not in frames. */
static void find(hrc_app *app, signin_state *st)
{
    forget_found(st);
    if (!searching(app, st) || !st->search[0])
        return;
    if (hrc_progress_find_learners(app->cfg.progress, st->search, &st->found, &st->n_found) !=
        HRC_PROGRESS_OK) {
        st->found = NULL;
        st->n_found = 0;
    }
}

/* The store's sign-in settings, on entering and when the facilitator
 * changed them. */
static void read_settings(hrc_app *app, signin_state *st)
{
    bool show = false, required = false;
    if (app->cfg.progress) {
        hrc_progress_show_learners(app->cfg.progress, &show);
        hrc_progress_learner_pins_required(app->cfg.progress, &required);
    }
    st->listing = !app->kiosk || app->cfg.show_learners || show;
    st->pins_required = required;
    find(app, st);
}

static void signin_init(hrc_app *app, void *state)
{
    signin_state *st = state;
    pin_entry_init(&st->pin, HRC_LEARNER_PIN_MAX_DIGITS);
    read_settings(app, st);
}

static void wipe_pins(signin_state *st)
{
    pin_entry_clear(&st->pin);
    explicit_bzero(st->first, sizeof st->first);
}

static void signin_fini(hrc_app *app, void *state)
{
    signin_state *st = state;
    wipe_pins(st); /* no PIN left in memory */
    forget_found(st);
}

void signin_refresh(hrc_app *app)
{
    for (size_t i = 0; i < app->nav.depth; i++)
        if (app->nav.stack[i].screen == HRC_SCREEN_SIGNIN && app->nav.stack[i].state)
            read_settings(app, app->nav.stack[i].state);
}

static bool step_types_pin(signin_step s)
{
    return s == STEP_PIN || s == STEP_NEW_PIN || s == STEP_NEW_PIN_AGAIN ||
           s == STEP_SET_PIN || s == STEP_SET_PIN_AGAIN;
}

bool signin_wants_text(const hrc_app *app)
{
    const signin_state *st = state_of(app);
    return st && ((st->step == STEP_FIND && searching(app, st)) || st->step == STEP_NEW_NAME ||
                  step_types_pin(st->step));
}

bool signin_in_progress(const hrc_app *app)
{
    const signin_state *st = state_of(app);
    return st && (st->search[0] || st->step != STEP_FIND);
}

static void say(signin_state *st, const char *text, bool alert)
{
    snprintf(st->message, sizeof st->message, "%s", text ? text : "");
    st->alert = alert;
}

/* Each step starts with no focus: Enter does its main action. */
static void go_step(hrc_app *app, signin_state *st, signin_step step)
{
    st->step = step;
    pin_entry_clear(&st->pin);
    st->pin.keypad = (osk){0};
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    loc->focus = -1;
    loc->scroll = 0;
}

/* ---- Drawing -------------------------------------------------------- */

/* A text field: what was typed (shown safely) and the caret. */
static void text_field(ui *u, const char *typed)
{
    char shown[UI_NAME_MAX * 2];
    hrc_name_printable(typed, shown, sizeof shown - 2);
    strcat(shown, "|");
    ui_block_button(u, NULL, NULL, NULL, shown, ACT_FIELD, 0, BTN_QUIET, false);
}

static void draw_heading(ui *u, const char *text)
{
    ui_plain(u, text, HRC_FONT_BOLD, u->h1_px, u->pal->text);
    ui_gap(u, u->pad / 2);
}

/* The names found from the first'th, or why there are none. */
static void draw_found(ui *u, const signin_state *st, size_t first)
{
    const hrc_palette *p = u->pal;
    if (!st->search[0])
        return;
    if (st->n_found == 0 && first == 0) {
        char shown[UI_NAME_MAX * 2], line[UI_NAME_MAX * 2 + 160];
        hrc_name_printable(st->search, shown, sizeof shown);
        snprintf(line, sizeof line,
                 _("No name here starts with \xe2\x80\x9c%s\xe2\x80\x9d. New here? Choose "
                   "\xe2\x80\x9cI am new here\xe2\x80\x9d."),
                 shown);
        ui_plain(u, line, 0, u->px, p->text);
        return;
    }
    size_t shown = st->n_found < FOUND_SHOWN ? st->n_found : FOUND_SHOWN;
    for (size_t i = first; i < shown; i++) {
        int t = ui_block_button(u, ICON_PERSON, NULL, NULL, st->found[i].name, ACT_PICK,
                                (int)i, BTN_NORMAL, false);
        if (i == 0)
            ui_mark_main(u, t); /* Enter picks the first name found */
    }
    if (st->n_found > shown) {
        char line[160];
        snprintf(line, sizeof line,
                 ngettext("%zu more name starts so: type more letters.",
                          "%zu more names start so: type more letters.",
                          st->n_found - shown),
                 st->n_found - shown);
        ui_plain(u, line, 0, u->px, p->muted);
    }
}

static void draw_find(ui *u, signin_state *st)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    draw_heading(u, _("Welcome"));
    /* Any course can be played: say what it holds, not what one is about. */
    size_t n_modules = app->cfg.course ? app->cfg.course->n_modules : 0;
    char intro[256];
    snprintf(intro, sizeof intro,
             ngettext("%zu module to explore. Sign in to keep your progress, or continue as a "
                      "guest.",
                      "%zu modules to explore. Sign in to keep your progress, or continue as a "
                      "guest.", n_modules),
             n_modules);
    ui_plain(u, intro, 0, u->px, p->text);
    ui_gap(u, u->pad);
    if (app->notice[0]) {
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 2);
    }
    if (searching(app, st)) {
        ui_plain(u, _("Who are you?"), HRC_FONT_BOLD, u->h2_px, p->text);
        ui_gap(u, u->pad / 3);
        ui_plain(u, _("Type the first letters of your name, then choose it:"), 0, u->px,
                 p->text);
        ui_gap(u, u->pad / 3);
        text_field(u, st->search);
        /* The keyboard stays put above the names found; it comes after
         * them in the focus order, so that Tab reaches a name first. On a
         * short screen the first name found has a place of its own above
         * the keys, kept even while empty, so that it is on screen and the
         * keys never move under a finger. */
        int keys_y = u->y;
        size_t first = 0;
        if (app->kiosk) {
            int keys_h = osk_height(u, OSK_NAME);
            int line = u->m->line_height(u->m->ctx, (hrc_font){0, u->px});
            int text_h = line;
            if (st->n_found > 0) { /* a long name wraps: its place grows with it */
                int icon_w = u->px * 2 + u->pad;
                int h = ui_text_height(u, st->found[0].name, 0, u->px,
                                       u->w - 2 * u->pad - icon_w);
                text_h = h > text_h ? h : text_h;
            }
            int slot = (text_h + u->pad > u->min_target ? text_h + u->pad : u->min_target) +
                       u->pad / 2;
            if (keys_y + keys_h + slot > u->view.h) {
                if (st->n_found > 0) {
                    int t = ui_block_button(u, ICON_PERSON, NULL, NULL, st->found[0].name,
                                            ACT_PICK, 0, BTN_NORMAL, false);
                    ui_mark_main(u, t); /* Enter picks the first name found */
                    first = 1;
                }
                keys_y += slot;
            }
            u->y = keys_y + keys_h;
        }
        if (first == 0 || st->n_found > 1)
            draw_found(u, st, first);
        int end_y = u->y;
        if (app->kiosk) {
            u->y = keys_y;
            osk_draw(u, &st->keys, OSK_NAME, ACT_KEY, st->search);
            u->y = end_y;
        }
    } else {
        size_t n = app->cfg.progress ? app->n_learners : app->n_names;
        if (n) {
            ui_plain(u, _("Who are you?"), HRC_FONT_BOLD, u->h2_px, p->text);
            ui_gap(u, u->pad / 3);
        }
        for (size_t i = 0; i < n; i++) {
            const char *name = app->cfg.progress ? app->learners[i].name : app->names[i];
            ui_block_button(u, ICON_PERSON, NULL, NULL, name,
                            app->cfg.progress ? ACT_PICK : ACT_PICK_NAME, (int)i, BTN_NORMAL,
                            false);
        }
    }
    ui_gap(u, u->pad);
    ui_plain(u, _("As a guest, nothing you do is saved."), 0, u->small_px, p->muted);
}

static void draw_pin_step(ui *u, signin_state *st)
{
    const hrc_palette *p = u->pal;
    char line[UI_NAME_MAX + 160];
    const char *prompt = _("Type your PIN:");
    switch (st->step) {
    case STEP_PIN:
        draw_heading(u, st->who.name);
        break;
    case STEP_NEW_PIN:
        draw_heading(u, st->name);
        ui_plain(u, st->pins_required
                        ? _("Choose a PIN of 4 to 8 digits. You will type it each time you "
                            "sign in, so that nobody else opens your progress.")
                        : _("Choose a PIN of 4 to 8 digits, so that nobody else opens your "
                            "progress. You will type it each time you sign in. You may also "
                            "go on without one."),
                 0, u->px, p->text);
        ui_gap(u, u->pad / 2);
        prompt = _("Your new PIN:");
        break;
    case STEP_SET_PIN:
        draw_heading(u, st->who.name);
        ui_plain(u, st->who.pin_reset
                        ? _("Your PIN was reset by the facilitator. Choose a new one of 4 to "
                            "8 digits.")
                        : _("On this kiosk every learner has a PIN. Choose yours: 4 to 8 "
                            "digits."),
                 0, u->px, p->text);
        ui_gap(u, u->pad / 2);
        prompt = _("Your new PIN:");
        break;
    case STEP_NEW_PIN_AGAIN:
    case STEP_SET_PIN_AGAIN:
        snprintf(line, sizeof line, "%s", st->step == STEP_NEW_PIN_AGAIN ? st->name
                                                                           : st->who.name);
        draw_heading(u, line);
        prompt = _("Type the same PIN again:");
        break;
    default:
        break;
    }
    pin_entry_draw(u, &st->pin, prompt, ACT_FIELD, ACT_PIN_KEY);
}

static void draw_new_name(ui *u, signin_state *st)
{
    draw_heading(u, _("Welcome"));
    ui_plain(u, _("Type your name:"), HRC_FONT_BOLD, u->px, u->pal->text);
    ui_gap(u, u->pad / 3);
    text_field(u, st->name);
    if (u->app->kiosk)
        osk_draw(u, &st->keys, OSK_NAME, ACT_KEY, st->name);
}

static void draw_same_name(ui *u, signin_state *st)
{
    char line[UI_NAME_MAX + 200];
    snprintf(line, sizeof line, _("Someone here is already called %s."), st->who.name);
    draw_heading(u, line);
    ui_plain(u, st->who.has_pin
                    ? _("If it is you, go on and type your PIN. If not, choose another name, "
                        "for example with the first letter of your family name.")
                    : _("If it is you, go on. If not, choose another name, for example with "
                        "the first letter of your family name."),
             0, u->px, u->pal->text);
}

static void signin_draw(ui *u)
{
    signin_state *st = state_of(u->app);
    if (!st)
        return;
    switch (st->step) {
    case STEP_FIND: draw_find(u, st); break;
    case STEP_NEW_NAME: draw_new_name(u, st); break;
    case STEP_SAME_NAME: draw_same_name(u, st); break;
    default: draw_pin_step(u, st); break;
    }
}

/* The line between the bar's buttons: what is going on, what went wrong,
 * the countdown of a locked PIN, or a problem with the name typed. */
static void bar_status(ui *u, signin_state *st)
{
    hrc_app *app = u->app;
    char text[sizeof st->message + 256];
    if (st->pin.pending) {
        ui_bar_status(u, st->pin.pending == PENDING_CHECK ? _("Checking your PIN\xe2\x80\xa6")
                                                          : _("Saving\xe2\x80\xa6"), false);
        return;
    }
    char wait[200];
    if (step_types_pin(st->step) && pin_entry_wait_text(&st->pin, app->now, wait, sizeof wait)) {
        snprintf(text, sizeof text, "%s%s%s", st->message, st->message[0] ? " " : "", wait);
        ui_bar_status(u, text, true);
        return;
    }
    if (st->step == STEP_NEW_NAME && st->name[0] && !st->message[0]) {
        hrc_name_problem problem = hrc_name_clean(st->name, NULL, 0);
        if (problem != HRC_NAME_OK && problem != HRC_NAME_EMPTY) {
            ui_bar_status(u, _(hrc_name_problem_text(problem)), true);
            return;
        }
    }
    if (st->message[0])
        ui_bar_status(u, st->message, st->alert);
}

static void signin_bar(ui *u)
{
    signin_state *st = state_of(u->app);
    if (!st)
        return;
    switch (st->step) {
    case STEP_FIND:
        ui_bar_add(u, false, NULL, _("Continue as guest"), ACT_GUEST, 0, BTN_QUIET);
        ui_bar_add(u, true, ICON_ADD, _("I am new here"), ACT_NEW, 0, BTN_NORMAL);
        break;
    case STEP_SAME_NAME:
        ui_bar_add(u, false, NULL, _("Choose another name"), ACT_OTHER_NAME, 0, BTN_QUIET);
        ui_bar_main(u, ICON_FORWARD, _("It is me"), ACT_ITS_ME, 0);
        break;
    case STEP_PIN:
        ui_bar_add(u, false, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_QUIET);
        ui_bar_main(u, ICON_FORWARD, _("Sign in"), ACT_NEXT, 0);
        break;
    case STEP_NEW_PIN:
        ui_bar_add(u, false, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_QUIET);
        if (!st->pins_required)
            ui_bar_add(u, false, NULL, _("Continue without a PIN"), ACT_NO_PIN, 0, BTN_QUIET);
        ui_bar_main(u, ICON_FORWARD, _("Next"), ACT_NEXT, 0);
        break;
    default:
        ui_bar_add(u, false, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_QUIET);
        ui_bar_main(u, ICON_FORWARD,
                    st->step == STEP_NEW_PIN_AGAIN || st->step == STEP_SET_PIN_AGAIN
                        ? _("Start")
                        : _("Next"),
                    ACT_NEXT, 0);
        break;
    }
    bar_status(u, st);
}

/* ---- Actions -------------------------------------------------------- */

static unsigned sign_in(hrc_app *app, signin_state *st, const hrc_learner *l)
{
    hrc_learner who = *l;
    wipe_pins(st);
    app_sign_in(app, who.name, who.id, false); /* this screen's state goes */
    return HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
}

/* A learner chose their name: their PIN, a new PIN, or in. */
static unsigned pick(hrc_app *app, signin_state *st, const hrc_learner *l)
{
    hrc_progress *store = app->cfg.progress;
    hrc_learner fresh;
    if (hrc_progress_get_learner(store, l->id, &fresh) != HRC_PROGRESS_OK) {
        say(st, hrc_progress_errmsg(store), true);
        return HRC_APP_REDRAW;
    }
    st->who = fresh;
    say(st, "", false);
    if (fresh.has_pin) {
        go_step(app, st, STEP_PIN);
        hrc_pin_lock lock = {0};
        if (hrc_progress_learner_pin_lock(store, fresh.id, &lock) == HRC_PROGRESS_OK)
            pin_entry_wait(&st->pin, app->now, lock.wait_ms);
        return HRC_APP_REDRAW;
    }
    bool must = false;
    hrc_progress_learner_must_set_pin(store, fresh.id, &must);
    if (must) {
        go_step(app, st, STEP_SET_PIN);
        return HRC_APP_REDRAW;
    }
    return sign_in(app, st, &fresh);
}

static unsigned run_check(hrc_app *app, signin_state *st)
{
    hrc_progress *store = app->cfg.progress;
    int rc = hrc_progress_check_learner_pin(store, st->who.id, st->pin.digits);
    pin_entry_clear(&st->pin);
    if (rc == HRC_PROGRESS_OK) {
        bool must = false;
        hrc_progress_learner_must_set_pin(store, st->who.id, &must);
        if (must) {
            say(st, "", false);
            go_step(app, st, STEP_SET_PIN);
            return HRC_APP_REDRAW;
        }
        return sign_in(app, st, &st->who);
    }
    if (rc == HRC_PROGRESS_ERR_PIN || rc == HRC_PROGRESS_ERR_THROTTLED) {
        pin_entry_wait(&st->pin, app->now, hrc_progress_wait_ms(store));
        say(st, rc == HRC_PROGRESS_ERR_PIN ? _("Wrong PIN.") : "", true);
    } else {
        char line[300];
        snprintf(line, sizeof line, _("Your PIN could not be checked: %s"),
                 hrc_progress_errmsg(store));
        say(st, line, true);
    }
    return HRC_APP_REDRAW;
}

static unsigned run_create(hrc_app *app, signin_state *st)
{
    hrc_progress *store = app->cfg.progress;
    hrc_learner_prefs prefs = {0};
    snprintf(prefs.lang, sizeof prefs.lang, "%s", app->lang);
    prefs.text_size = app->text_percent;
    prefs.high_contrast = app->high_contrast;
    int64_t id = 0;
    int rc = hrc_progress_add_learner(store, st->name, st->first[0] ? st->first : NULL, &prefs,
                                      &id);
    explicit_bzero(st->first, sizeof st->first);
    hrc_learner l;
    if (rc == HRC_PROGRESS_OK && hrc_progress_get_learner(store, id, &l) == HRC_PROGRESS_OK)
        return sign_in(app, st, &l);
    char line[300];
    if (rc == HRC_PROGRESS_ERR_NAME) {
        go_step(app, st, STEP_NEW_NAME);
        say(st, _(hrc_name_problem_text(hrc_name_clean(st->name, NULL, 0))), true);
    } else if (rc == HRC_PROGRESS_ERR_PIN_FORMAT) {
        st->pins_required = true; /* the facilitator just changed it */
        go_step(app, st, STEP_NEW_PIN);
        say(st, _("This kiosk asks every learner for a PIN."), true);
    } else {
        snprintf(line, sizeof line, "%s %s", _("Could not add you:"), hrc_progress_errmsg(store));
        say(st, line, true);
    }
    return HRC_APP_REDRAW;
}

static unsigned run_set(hrc_app *app, signin_state *st)
{
    hrc_progress *store = app->cfg.progress;
    int rc = hrc_progress_set_learner_pin(store, st->who.id, st->first);
    explicit_bzero(st->first, sizeof st->first);
    if (rc == HRC_PROGRESS_OK)
        return sign_in(app, st, &st->who);
    char line[300];
    snprintf(line, sizeof line, _("Your PIN could not be saved: %s"), hrc_progress_errmsg(store));
    say(st, line, true);
    go_step(app, st, STEP_SET_PIN);
    return HRC_APP_REDRAW;
}

static unsigned signin_tick(hrc_app *app, uint64_t now)
{
    signin_state *st = state_of(app);
    if (!st)
        return 0;
    int pending = st->pin.pending;
    st->pin.pending = 0;
    switch (pending) {
    case PENDING_CHECK: return run_check(app, st);
    case PENDING_CREATE: return run_create(app, st);
    case PENDING_SET: return run_set(app, st);
    default: break;
    }
    if (st->pin.wait_until) {
        if (!pin_entry_waiting(&st->pin, now))
            st->pin.wait_until = 0; /* the countdown ended */
        return HRC_APP_REDRAW;
    }
    return 0;
}

static int64_t signin_timer(const hrc_app *app, uint64_t now)
{
    const signin_state *st = state_of(app);
    if (!st || !step_types_pin(st->step))
        return -1;
    if (!st->pin.pending && st->pin.wait_until && !pin_entry_waiting(&st->pin, now))
        return 0; /* one last frame without the countdown */
    return pin_entry_timer(&st->pin, now);
}

/* Whether two names are the same, case and accents aside. */
static bool same_name(const char *a, const char *b)
{
    return hrc_name_matches(a, b) && hrc_name_matches(b, a);
}

/* "I am new here": the name typed. */
static unsigned name_done(hrc_app *app, signin_state *st)
{
    char clean[UI_NAME_MAX];
    hrc_name_problem problem = hrc_name_clean(st->name, clean, sizeof clean);
    if (problem != HRC_NAME_OK) {
        say(st, _(hrc_name_problem_text(problem)), true);
        return HRC_APP_REDRAW;
    }
    say(st, "", false);
    snprintf(st->name, sizeof st->name, "%s", clean);
    if (!app->cfg.progress) { /* names kept in memory: the same name is the same person */
        size_t k = 0;
        while (k < app->n_names && strcmp(app->names[k], clean) != 0)
            k++;
        if (k == app->n_names && app->n_names < UI_MAX_NAMES)
            snprintf(app->names[app->n_names++], UI_NAME_MAX, "%s", clean);
        app_sign_in(app, clean, 0, false);
        return HRC_APP_REDRAW;
    }
    app_reload_learners(app);
    for (size_t i = 0; i < app->n_learners; i++)
        if (same_name(app->learners[i].name, clean)) {
            st->who = app->learners[i];
            go_step(app, st, STEP_SAME_NAME);
            return HRC_APP_REDRAW;
        }
    go_step(app, st, STEP_NEW_PIN);
    return HRC_APP_REDRAW;
}

/* The main action of a PIN step. */
static unsigned pin_done(hrc_app *app, signin_state *st)
{
    if (st->pin.pending)
        return 0;
    bool valid = hrc_progress_learner_pin_is_valid(st->pin.digits);
    switch (st->step) {
    case STEP_PIN:
        if (pin_entry_waiting(&st->pin, app->now))
            return HRC_APP_REDRAW; /* the countdown says why */
        if (pin_entry_empty(&st->pin)) {
            say(st, _("Type your PIN first."), true);
            return HRC_APP_REDRAW;
        }
        say(st, "", false);
        st->pin.pending = PENDING_CHECK;
        return HRC_APP_REDRAW;
    case STEP_NEW_PIN:
    case STEP_SET_PIN:
        if (!valid) {
            pin_entry_clear(&st->pin);
            say(st, _("A PIN is 4 to 8 digits."), true);
            return HRC_APP_REDRAW;
        }
        snprintf(st->first, sizeof st->first, "%s", st->pin.digits);
        say(st, "", false);
        go_step(app, st, st->step == STEP_NEW_PIN ? STEP_NEW_PIN_AGAIN : STEP_SET_PIN_AGAIN);
        return HRC_APP_REDRAW;
    case STEP_NEW_PIN_AGAIN:
    case STEP_SET_PIN_AGAIN:
        if (strcmp(st->first, st->pin.digits) != 0) {
            explicit_bzero(st->first, sizeof st->first);
            say(st, _("The two PINs are not the same. Choose your PIN again."), true);
            go_step(app, st, st->step == STEP_NEW_PIN_AGAIN ? STEP_NEW_PIN : STEP_SET_PIN);
            return HRC_APP_REDRAW;
        }
        pin_entry_clear(&st->pin);
        say(st, "", false);
        st->pin.pending = st->step == STEP_NEW_PIN_AGAIN ? PENDING_CREATE : PENDING_SET;
        return HRC_APP_REDRAW;
    default:
        return 0;
    }
}

static unsigned cancel(hrc_app *app, signin_state *st)
{
    wipe_pins(st);
    st->name[0] = '\0';
    st->who = (hrc_learner){0};
    st->pin.wait_until = 0;
    say(st, "", false);
    app->notice[0] = '\0';
    go_step(app, st, STEP_FIND);
    find(app, st); /* a learner may have been added meanwhile */
    return HRC_APP_REDRAW;
}

static unsigned signin_activate(hrc_app *app, int action, int arg)
{
    signin_state *st = state_of(app);
    if (!st || st->pin.pending)
        return 0;
    switch (action) {
    case ACT_PICK:
        if (st->step != STEP_FIND || !app->cfg.progress)
            break;
        if (searching(app, st) && arg >= 0 && (size_t)arg < st->n_found)
            return pick(app, st, &st->found[arg]);
        if (!searching(app, st) && arg >= 0 && (size_t)arg < app->n_learners)
            return pick(app, st, &app->learners[arg]);
        break;
    case ACT_PICK_NAME:
        if (arg >= 0 && (size_t)arg < app->n_names) {
            char name[UI_NAME_MAX];
            snprintf(name, sizeof name, "%s", app->names[arg]);
            app_sign_in(app, name, 0, false);
        }
        break;
    case ACT_NEW:
        say(st, "", false);
        st->name[0] = '\0';
        st->keys = (osk){0};
        go_step(app, st, STEP_NEW_NAME);
        break;
    case ACT_NEXT:
        if (st->step == STEP_NEW_NAME)
            return name_done(app, st);
        return pin_done(app, st);
    case ACT_NO_PIN:
        if (st->step == STEP_NEW_PIN && !st->pins_required) {
            explicit_bzero(st->first, sizeof st->first);
            return run_create(app, st);
        }
        break;
    case ACT_ITS_ME:
        if (st->step == STEP_SAME_NAME)
            return pick(app, st, &st->who);
        break;
    case ACT_OTHER_NAME:
        say(st, "", false);
        go_step(app, st, STEP_NEW_NAME);
        break;
    case ACT_CANCEL:
        return cancel(app, st);
    case ACT_GUEST:
        app_sign_in(app, _("Guest"), 0, true);
        break;
    case ACT_KEY: {
        hrc_input in;
        char *text = st->step == STEP_NEW_NAME ? st->name : st->search;
        if (osk_press(&st->keys, arg, text, &in))
            return screen_signin.text(app, &in);
        break;
    }
    case ACT_PIN_KEY:
        if (step_types_pin(st->step))
            return pin_entry_key(&st->pin, arg);
        break;
    case ACT_FIELD:
    default:
        break;
    }
    return HRC_APP_REDRAW;
}

/* Removes the last UTF-8 character of s. */
static void drop_last_char(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = '\0';
}

/* Typed text into a name (or search) field: any text (the rule for names
 * is shown, not imposed, while typing), as long as it fits. */
static void edit(char *field, size_t size, const hrc_input *in)
{
    if (in->kind == HRC_IN_BACKSPACE) {
        drop_last_char(field);
        return;
    }
    size_t have = strlen(field);
    size_t add = strnlen(in->text, sizeof in->text);
    if (have + add + 1 <= size) {
        memcpy(field + have, in->text, add);
        field[have + add] = '\0';
    }
}

static unsigned signin_text(hrc_app *app, const hrc_input *in)
{
    signin_state *st = state_of(app);
    if (!st || st->pin.pending)
        return 0;
    if (step_types_pin(st->step))
        return pin_entry_text(&st->pin, in);
    if (st->step == STEP_NEW_NAME) {
        edit(st->name, sizeof st->name, in);
        st->message[0] = '\0'; /* the live check speaks now */
        return HRC_APP_REDRAW;
    }
    if (st->step == STEP_FIND && searching(app, st)) {
        edit(st->search, sizeof st->search, in);
        find(app, st);
        hrc_nav_top(&app->nav)->focus = -1; /* Enter picks the first name found */
        return HRC_APP_REDRAW;
    }
    return 0;
}

static unsigned signin_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    signin_state *st = state_of(app);
    if (!st)
        return 0;
    if (st->pin.pending && (in->kind == HRC_IN_ACTIVATE || in->kind == HRC_IN_BACK)) {
        *handled = true; /* the check is under way */
        return 0;
    }
    if (st->step != STEP_FIND && in->kind == HRC_IN_BACK) {
        *handled = true;
        return cancel(app, st);
    }
    /* Enter in a text field does the step's main action. */
    int f = hrc_nav_top(&app->nav)->focus;
    bool in_field = f >= 0 && f < app->n_targets && app->targets[f].action == ACT_FIELD;
    if (in->kind == HRC_IN_ACTIVATE && in_field) {
        *handled = true;
        if (st->step == STEP_FIND)
            return st->n_found ? signin_activate(app, ACT_PICK, 0) : 0;
        return signin_activate(app, ACT_NEXT, 0);
    }
    return 0;
}

const screen_ops screen_signin = {.state_size = sizeof(signin_state), .init = signin_init,
                                  .fini = signin_fini, .draw = signin_draw,
                                  .activate = signin_activate, .key = signin_key,
                                  .text = signin_text, .bar = signin_bar,
                                  .timer = signin_timer, .tick = signin_tick};
