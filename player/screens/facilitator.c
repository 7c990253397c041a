/*
 * The facilitator screen, reached with Ctrl+Alt+F (HRC_IN_FACILITATOR):
 * the facilitator PIN unlocks everyone's progress and leaving kiosk mode.
 * Without a progress store there is no PIN to check, so nothing unlocks.
 */
#include "screens/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ACT_PIN_FIELD = ACT_SCREEN, ACT_UNLOCK, ACT_SET_PIN, ACT_LEAVE_KIOSK, ACT_LOCK };

static void draw_progress_table(ui *u)
{
    hrc_app *app = u->app;
    hrc_module_progress *rows = NULL;
    size_t n = 0;
    if (hrc_progress_list_all(app->cfg.progress, &rows, &n) != HRC_PROGRESS_OK) {
        ui_plain(u, hrc_progress_errmsg(app->cfg.progress), 0, u->px, u->pal->wrong);
        return;
    }
    if (n == 0)
        ui_plain(u, _("Nobody has started a module yet."), 0, u->px, u->pal->text);
    for (size_t i = 0; i < n; i++) {
        char line[512];
        const char *state = rows[i].completed ? _("completed")
                            : rows[i].success == HRC_SUCCESS_PASSED ? _("passed")
                            : rows[i].success == HRC_SUCCESS_FAILED ? _("not passed yet")
                                                                    : _("in progress");
        if (rows[i].has_score)
            snprintf(line, sizeof line, _("%s \xc2\xb7 %s: %s, best %d %%"), rows[i].learner_name,
                     rows[i].module_id, state, (int)(rows[i].best_score * 100 + 0.5));
        else
            snprintf(line, sizeof line, "%s \xc2\xb7 %s: %s", rows[i].learner_name,
                     rows[i].module_id, state);
        ui_plain(u, line, 0, u->px, u->pal->text);
    }
    free(rows);
}

static void facilitator_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    ui_plain(u, _("Facilitator"), HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad);
    if (!app->cfg.progress) {
        ui_plain(u, _("Progress is not being recorded on this kiosk, so there is no "
                      "facilitator PIN to check."),
                 0, u->px, p->text);
        return;
    }
    if (app->notice[0]) {
        ui_plain(u, app->notice, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 2);
    }
    if (!app->facilitator_unlocked) {
        bool has_pin = true;
        hrc_progress_has_facilitator_pin(app->cfg.progress, &has_pin);
        ui_plain(u, has_pin ? _("Type the facilitator PIN:")
                            : _("No facilitator PIN is set yet. Choose one (4 to 12 digits):"),
                 HRC_FONT_BOLD, u->px, p->text);
        char dots[UI_PIN_MAX * 3 + 2] = "";
        for (size_t i = 0; app->pin_entry[i]; i++)
            strcat(dots, "\xe2\x80\xa2"); /* one bullet a digit */
        strcat(dots, "|");
        ui_block_button(u, NULL, NULL, dots, ACT_PIN_FIELD, 0, BTN_QUIET, false);
        ui_button(u, has_pin ? _("Unlock") : _("Set PIN"), has_pin ? ACT_UNLOCK : ACT_SET_PIN, 0,
                  BTN_NORMAL);
        ui_flow_end(u);
        return;
    }
    if (app->kiosk)
        ui_button(u, _("Leave kiosk mode"), ACT_LEAVE_KIOSK, 0, BTN_NORMAL);
    ui_button(u, _("Lock"), ACT_LOCK, 0, BTN_QUIET);
    ui_flow_end(u);
    ui_gap(u, u->pad);
    ui_plain(u, _("Everyone's progress"), HRC_FONT_BOLD, u->h2_px, p->text);
    draw_progress_table(u);
}

static unsigned facilitator_activate(hrc_app *app, int action, int arg)
{
    hrc_progress *store = app->cfg.progress;
    if (!store)
        return HRC_APP_REDRAW;
    int rc;
    switch (action) {
    case ACT_UNLOCK:
        rc = hrc_progress_check_facilitator_pin(store, app->pin_entry);
        app->facilitator_unlocked = rc == HRC_PROGRESS_OK;
        snprintf(app->notice, sizeof app->notice, "%s",
                 rc == HRC_PROGRESS_OK ? "" : rc == HRC_PROGRESS_ERR_PIN ? _("Wrong PIN.")
                                                                        : hrc_progress_errmsg(store));
        memset(app->pin_entry, 0, sizeof app->pin_entry);
        break;
    case ACT_SET_PIN:
        rc = hrc_progress_set_facilitator_pin(store, app->pin_entry);
        if (rc == HRC_PROGRESS_OK)
            app->facilitator_unlocked =
                hrc_progress_check_facilitator_pin(store, app->pin_entry) == HRC_PROGRESS_OK;
        snprintf(app->notice, sizeof app->notice, "%s",
                 rc == HRC_PROGRESS_OK            ? ""
                 : rc == HRC_PROGRESS_ERR_PIN_FORMAT ? _("A PIN is 4 to 12 digits.")
                                                    : hrc_progress_errmsg(store));
        memset(app->pin_entry, 0, sizeof app->pin_entry);
        break;
    case ACT_LEAVE_KIOSK:
        if (app->facilitator_unlocked && app->kiosk) {
            app->kiosk = false;
            app->idle_prompt = false;
            return HRC_APP_REDRAW | HRC_APP_KIOSK_EXIT;
        }
        break;
    case ACT_LOCK:
        hrc_progress_lock(store);
        app->facilitator_unlocked = false;
        app_back(app);
        break;
    }
    return HRC_APP_REDRAW;
}

static unsigned facilitator_text(hrc_app *app, const hrc_input *in)
{
    size_t n = strlen(app->pin_entry);
    if (in->kind == HRC_IN_BACKSPACE) {
        if (n > 0)
            app->pin_entry[n - 1] = '\0';
        return HRC_APP_REDRAW;
    }
    for (size_t i = 0; i < sizeof in->text && in->text[i]; i++) {
        if (in->text[i] < '0' || in->text[i] > '9' || n + 1 >= UI_PIN_MAX ||
            n >= HRC_PIN_MAX_DIGITS)
            continue;
        app->pin_entry[n++] = in->text[i];
        app->pin_entry[n] = '\0';
    }
    return HRC_APP_REDRAW;
}

static unsigned facilitator_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    if (in->kind == HRC_IN_ACTIVATE && !app->facilitator_unlocked && app->cfg.progress) {
        int f = hrc_nav_top(&app->nav)->focus;
        if (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PIN_FIELD)) {
            *handled = true;
            bool has_pin = true;
            hrc_progress_has_facilitator_pin(app->cfg.progress, &has_pin);
            return facilitator_activate(app, has_pin ? ACT_UNLOCK : ACT_SET_PIN, 0);
        }
    }
    if (in->kind == HRC_IN_BACK) {
        /* Leaving the screen locks the store again. */
        if (app->cfg.progress)
            hrc_progress_lock(app->cfg.progress);
        app->facilitator_unlocked = false;
        memset(app->pin_entry, 0, sizeof app->pin_entry);
        app->notice[0] = '\0';
    }
    return 0;
}

const screen_ops screen_facilitator = {.draw = facilitator_draw,
                                       .activate = facilitator_activate,
                                       .key = facilitator_key, .text = facilitator_text};
