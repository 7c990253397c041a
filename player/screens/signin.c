/* Sign-in: pick a learner, add one by name, or continue as a guest. */
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum { ACT_PICK_STORED = ACT_SCREEN, ACT_PICK_NAME, ACT_NEW, ACT_NAME_FIELD, ACT_CREATE,
       ACT_GUEST, ACT_CANCEL_NEW, ACT_PIN_FIELD, ACT_PIN_OK };

/* What is being typed on the sign-in screen. */
typedef struct signin_state {
    char name_entry[UI_NAME_MAX];
    bool typing_name;
    int pin_learner;   /* stored learner whose PIN is being typed, -1 none */
    char pin_entry[UI_PIN_MAX];
} signin_state;

static void signin_init(hrc_app *app, void *state)
{
    signin_state *st = state;
    st->pin_learner = -1;
}

static void signin_fini(hrc_app *app, void *state)
{
    signin_state *st = state;
    memset(st->pin_entry, 0, sizeof st->pin_entry); /* no PIN left in memory */
}

static signin_state *state_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_SIGNIN ? screen_state(app)
                                                                     : NULL;
}

bool signin_wants_text(const hrc_app *app)
{
    const signin_state *st = state_of(app);
    return st && (st->typing_name || st->pin_learner >= 0);
}

bool signin_in_progress(const hrc_app *app)
{
    const signin_state *st = state_of(app);
    return st && st->name_entry[0];
}

static void signin_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    signin_state *st = state_of(app);
    if (!st)
        return;
    ui_plain(u, _("Welcome"), HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Local governments and human rights: a course for elected officials and staff."),
             0, u->px, p->text);
    ui_gap(u, u->pad);
    if (app->notice[0]) {
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 2);
    }
    if (st->pin_learner >= 0 && (size_t)st->pin_learner < app->n_learners) {
        char line[UI_NAME_MAX + 64];
        snprintf(line, sizeof line, _("%s, type your PIN:"), app->learners[st->pin_learner].name);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
        char dots[UI_PIN_MAX * 3 + 2] = "";
        for (size_t i = 0; st->pin_entry[i]; i++)
            strcat(dots, "\xe2\x80\xa2");
        strcat(dots, "|");
        ui_block_button(u, NULL, NULL, NULL, dots, ACT_PIN_FIELD, 0, BTN_QUIET, false);
        ui_button(u, _("Sign in"), ACT_PIN_OK, 0, BTN_NORMAL);
        ui_button(u, _("Cancel"), ACT_CANCEL_NEW, 0, BTN_QUIET);
        ui_flow_end(u);
        return;
    }
    if (st->typing_name) {
        ui_plain(u, _("Type your name:"), HRC_FONT_BOLD, u->px, p->text);
        ui_gap(u, u->pad / 3);
        char shown[UI_NAME_MAX + 4];
        snprintf(shown, sizeof shown, "%s|", st->name_entry);
        ui_block_button(u, NULL, NULL, NULL, shown, ACT_NAME_FIELD, 0, BTN_QUIET, false);
        ui_button(u, _("Start"), ACT_CREATE, 0, BTN_NORMAL);
        ui_button(u, _("Cancel"), ACT_CANCEL_NEW, 0, BTN_QUIET);
        ui_flow_end(u);
        return;
    }
    size_t n = app->cfg.progress ? app->n_learners : app->n_names;
    if (n) {
        ui_plain(u, _("Who are you?"), HRC_FONT_BOLD, u->h2_px, p->text);
        ui_gap(u, u->pad / 3);
    }
    for (size_t i = 0; i < n; i++) {
        const char *name = app->cfg.progress ? app->learners[i].name : app->names[i];
        ui_block_button(u, NULL, NULL, NULL, name, app->cfg.progress ? ACT_PICK_STORED : ACT_PICK_NAME,
                        (int)i, BTN_NORMAL, false);
    }
    ui_gap(u, u->pad / 2);
    ui_button(u, _("I am new here"), ACT_NEW, 0, BTN_NORMAL);
    ui_button(u, _("Continue as guest"), ACT_GUEST, 0, BTN_QUIET);
    ui_flow_end(u);
    ui_gap(u, u->pad);
    ui_plain(u, _("As a guest, nothing you do is saved."), 0, u->small_px, p->muted);
}

static unsigned create_learner(hrc_app *app, signin_state *st)
{
    const char *name = st->name_entry;
    while (*name == ' ')
        name++;
    if (!*name) {
        snprintf(app->notice, sizeof app->notice, "%s", _("Please type a name first."));
        return HRC_APP_REDRAW;
    }
    app->notice[0] = '\0';
    if (app->cfg.progress) {
        /* The same name again is the same person. */
        app_reload_learners(app);
        for (size_t i = 0; i < app->n_learners; i++)
            if (strcmp(app->learners[i].name, name) == 0) {
                app_sign_in(app, name, app->learners[i].id, false);
                return HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
            }
        hrc_learner_prefs prefs = {0};
        snprintf(prefs.lang, sizeof prefs.lang, "%s", app->lang);
        prefs.text_size = app->text_percent;
        prefs.high_contrast = app->high_contrast;
        int64_t id = 0;
        int rc = hrc_progress_add_learner(app->cfg.progress, name, NULL, &prefs, &id);
        if (rc != HRC_PROGRESS_OK) {
            snprintf(app->notice, sizeof app->notice, "%s %s",
                     _("Could not add you:"), hrc_progress_errmsg(app->cfg.progress));
            return HRC_APP_REDRAW;
        }
        app_sign_in(app, name, id, false);
        return HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
    }
    size_t k = 0;
    while (k < app->n_names && strcmp(app->names[k], name) != 0)
        k++;
    if (k == app->n_names && app->n_names < UI_MAX_NAMES)
        snprintf(app->names[app->n_names++], UI_NAME_MAX, "%s", name);
    app_sign_in(app, name, 0, false);
    return HRC_APP_REDRAW;
}

static unsigned signin_activate(hrc_app *app, int action, int arg)
{
    signin_state *st = state_of(app);
    if (!st)
        return 0;
    switch (action) {
    case ACT_PICK_STORED:
        if (arg >= 0 && (size_t)arg < app->n_learners) {
            hrc_learner l = app->learners[arg];
            if (l.has_pin) { /* a learner who chose a PIN keeps others out */
                st->pin_learner = arg;
                memset(st->pin_entry, 0, sizeof st->pin_entry);
                hrc_nav_top(&app->nav)->focus = -1;
                break;
            }
            app_sign_in(app, l.name, l.id, false);
            return HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
        }
        break;
    case ACT_PIN_OK:
        if (st->pin_learner >= 0 && (size_t)st->pin_learner < app->n_learners) {
            hrc_learner l = app->learners[st->pin_learner];
            int rc = hrc_progress_check_learner_pin(app->cfg.progress, l.id, st->pin_entry);
            memset(st->pin_entry, 0, sizeof st->pin_entry);
            if (rc != HRC_PROGRESS_OK) {
                snprintf(app->notice, sizeof app->notice, "%s",
                         rc == HRC_PROGRESS_ERR_PIN ? _("Wrong PIN.")
                                                    : hrc_progress_errmsg(app->cfg.progress));
                break;
            }
            st->pin_learner = -1;
            app_sign_in(app, l.name, l.id, false);
            return HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
        }
        break;
    case ACT_PIN_FIELD:
        break;
    case ACT_PICK_NAME:
        if (arg >= 0 && (size_t)arg < app->n_names) {
            char name[UI_NAME_MAX];
            snprintf(name, sizeof name, "%s", app->names[arg]);
            app_sign_in(app, name, 0, false);
        }
        break;
    case ACT_NEW:
        st->typing_name = true;
        st->name_entry[0] = '\0';
        hrc_nav_top(&app->nav)->focus = -1; /* Enter then starts */
        break;
    case ACT_NAME_FIELD:
        break;
    case ACT_CREATE:
        return create_learner(app, st);
    case ACT_CANCEL_NEW:
        st->pin_learner = -1;
        memset(st->pin_entry, 0, sizeof st->pin_entry);
        st->typing_name = false;
        st->name_entry[0] = '\0';
        app->notice[0] = '\0';
        break;
    case ACT_GUEST:
        app_sign_in(app, _("Guest"), 0, true);
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

static unsigned signin_text(hrc_app *app, const hrc_input *in)
{
    signin_state *st = state_of(app);
    if (!st)
        return 0;
    if (st->pin_learner >= 0) {
        size_t n = strlen(st->pin_entry);
        if (in->kind == HRC_IN_BACKSPACE) {
            if (n)
                st->pin_entry[n - 1] = '\0';
            return HRC_APP_REDRAW;
        }
        for (size_t i = 0; i < sizeof in->text && in->text[i]; i++)
            if (in->text[i] >= '0' && in->text[i] <= '9' && n < HRC_PIN_MAX_DIGITS &&
                n + 1 < UI_PIN_MAX) {
                st->pin_entry[n++] = in->text[i];
                st->pin_entry[n] = '\0';
            }
        return HRC_APP_REDRAW;
    }
    if (!st->typing_name)
        return 0;
    if (in->kind == HRC_IN_BACKSPACE) {
        drop_last_char(st->name_entry);
        return HRC_APP_REDRAW;
    }
    size_t have = strlen(st->name_entry);
    size_t add = strnlen(in->text, sizeof in->text);
    /* Only whole characters, and no control characters. */
    for (size_t i = 0; i < add; i++)
        if ((unsigned char)in->text[i] < 0x20 || in->text[i] == 0x7f)
            return 0;
    if (have + add + 1 > HRC_LEARNER_NAME_MAX || have + add + 1 > UI_NAME_MAX)
        return 0;
    memcpy(st->name_entry + have, in->text, add);
    st->name_entry[have + add] = '\0';
    return HRC_APP_REDRAW;
}

static unsigned signin_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    signin_state *st = state_of(app);
    if (!st)
        return 0;
    if (st->pin_learner >= 0 && in->kind == HRC_IN_ACTIVATE) {
        int f = hrc_nav_top(&app->nav)->focus;
        if (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PIN_FIELD)) {
            *handled = true;
            return signin_activate(app, ACT_PIN_OK, 0);
        }
    }
    if ((st->typing_name || st->pin_learner >= 0) && in->kind == HRC_IN_BACK) {
        *handled = true;
        return signin_activate(app, ACT_CANCEL_NEW, 0);
    }
    /* Enter in the name field starts. */
    if (st->typing_name && in->kind == HRC_IN_ACTIVATE) {
        int f = hrc_nav_top(&app->nav)->focus;
        if (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_NAME_FIELD)) {
            *handled = true;
            return create_learner(app, st);
        }
    }
    return 0;
}

const screen_ops screen_signin = {.state_size = sizeof(signin_state), .init = signin_init,
                                  .fini = signin_fini, .draw = signin_draw,
                                  .activate = signin_activate, .key = signin_key,
                                  .text = signin_text};
