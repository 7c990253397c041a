/*
 * The facilitator screen, reached with Ctrl+Alt+F (HRC_IN_FACILITATOR):
 * the facilitator PIN unlocks everyone's progress, deleting a learner
 * (after a confirmation), exports to a removable drive, and leaving kiosk
 * mode. Without a progress store there is no PIN to check, so nothing
 * unlocks.
 *
 * Also here: what the learners and the facilitator see of a progress store
 * in trouble (a damaged file moved aside, or no store at all).
 */
#include "screens/ui.h"

#include "io/lrs_worker.h"

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
    ACT_LOCK,
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
};

/* The facilitator screen's own state; entering the screen starts locked. */
typedef struct facilitator_state {
    bool unlocked;
    bool has_pin;            /* a facilitator PIN is set (asked on entering) */
    char pin_entry[UI_PIN_MAX];
    /* Everyone's progress, read on unlocking and after each change. */
    hrc_learner *learners;
    size_t n_learners;
    hrc_module_progress *rows;
    size_t n_rows;
    bool list_failed;
    char list_error[HRC_PROGRESS_MSG_MAX];
    int64_t confirm_learner; /* whose deletion awaits "Delete"; 0: none */
    char confirm_name[UI_NAME_MAX];
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
    f->learners = NULL;
    f->rows = NULL;
    f->n_learners = f->n_rows = 0;
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
}

static void facilitator_init(hrc_app *app, void *state)
{
    facilitator_state *f = state;
    f->has_pin = true;
    if (app->cfg.progress) {
        hrc_progress_lock(app->cfg.progress);
        hrc_progress_has_facilitator_pin(app->cfg.progress, &f->has_pin);
    }
    app->notice[0] = '\0';
}

/* Leaving the screen locks the store again. */
static void facilitator_fini(hrc_app *app, void *state)
{
    facilitator_state *f = state;
    if (app->cfg.progress)
        hrc_progress_lock(app->cfg.progress);
    forget_everyone(f);
    memset(f->pin_entry, 0, sizeof f->pin_entry);
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

/* Every learner with their modules, each with a Delete button. */
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
        if (l->id > 0 && l->id <= INT_MAX) {
            char label[UI_NAME_MAX + 32];
            snprintf(label, sizeof label, _("Delete %s\xe2\x80\xa6"), l->name);
            ui_gap(u, u->pad / 4);
            ui_button(u, label, ACT_DELETE_ASK, (int)l->id, BTN_QUIET);
            ui_flow_end(u);
        }
    }
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

static void draw_pin_entry(ui *u, const facilitator_state *f)
{
    bool has_pin = f->has_pin;
    ui_plain(u, has_pin ? _("Type the facilitator PIN:")
                        : _("No facilitator PIN is set yet. Choose one (4 to 12 digits):"),
             HRC_FONT_BOLD, u->px, u->pal->text);
    char dots[UI_PIN_MAX * 3 + 2] = "";
    for (size_t i = 0; f->pin_entry[i]; i++)
        strcat(dots, "\xe2\x80\xa2"); /* one bullet a digit */
    strcat(dots, "|");
    ui_block_button(u, NULL, NULL, NULL, dots, ACT_PIN_FIELD, 0, BTN_QUIET, false);
    ui_button(u, has_pin ? _("Unlock") : _("Set PIN"), has_pin ? ACT_UNLOCK : ACT_SET_PIN, 0,
              BTN_NORMAL);
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
    ui_gap(u, u->pad);
    ui_plain(u, _("Everyone's progress"), HRC_FONT_BOLD, u->h2_px, p->text);
    draw_learners(u, f);
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
    int rc;
    if (action > ACT_LOCK && !f->unlocked)
        return HRC_APP_REDRAW;
    switch (action) {
    case ACT_UNLOCK:
        rc = hrc_progress_check_facilitator_pin(store, f->pin_entry);
        f->unlocked = rc == HRC_PROGRESS_OK;
        if (f->unlocked)
            read_everyone(app, f);
        snprintf(app->notice, sizeof app->notice, "%s",
                 rc == HRC_PROGRESS_OK ? "" : rc == HRC_PROGRESS_ERR_PIN ? _("Wrong PIN.")
                                                                        : hrc_progress_errmsg(store));
        memset(f->pin_entry, 0, sizeof f->pin_entry);
        break;
    case ACT_SET_PIN:
        /* A kiosk's first PIN is chosen at its first start or from a
         * terminal, never from this screen (anyone can reach it). */
        rc = app->kiosk ? HRC_PROGRESS_ERR_NO_PIN
                        : hrc_progress_setup_facilitator_pin(store, f->pin_entry);
        if (rc == HRC_PROGRESS_OK) {
            f->has_pin = true;
            f->unlocked = hrc_progress_is_unlocked(store);
            if (f->unlocked)
                read_everyone(app, f);
        }
        snprintf(app->notice, sizeof app->notice, "%s",
                 rc == HRC_PROGRESS_OK            ? ""
                 : rc == HRC_PROGRESS_ERR_PIN_FORMAT ? _("A PIN is 4 to 12 digits.")
                 : rc == HRC_PROGRESS_ERR_NO_PIN
                     ? _("This kiosk has no facilitator PIN. Set one from a terminal: "
                         "hrc-player --set-facilitator-pin")
                     : hrc_progress_errmsg(store));
        memset(f->pin_entry, 0, sizeof f->pin_entry);
        break;
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
    return !f->unlocked || (f->exporting && !f->confirm_learner);
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
    if (!f)
        return 0;
    if (f->unlocked)
        return f->exporting ? path_text(f, in) : 0;
    size_t n = strlen(f->pin_entry);
    if (in->kind == HRC_IN_BACKSPACE) {
        if (n > 0)
            f->pin_entry[n - 1] = '\0';
        return HRC_APP_REDRAW;
    }
    for (size_t i = 0; i < sizeof in->text && in->text[i]; i++) {
        if (in->text[i] < '0' || in->text[i] > '9' || n + 1 >= UI_PIN_MAX ||
            n >= HRC_PIN_MAX_DIGITS)
            continue;
        f->pin_entry[n++] = in->text[i];
        f->pin_entry[n] = '\0';
    }
    return HRC_APP_REDRAW;
}

static unsigned facilitator_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    facilitator_state *fs = fac_of(app);
    if (!fs)
        return 0;
    int f = hrc_nav_top(&app->nav)->focus;
    if (in->kind == HRC_IN_ACTIVATE && !fs->unlocked && app->cfg.progress) {
        if (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PIN_FIELD)) {
            *handled = true;
            return facilitator_activate(app, fs->has_pin ? ACT_UNLOCK : ACT_SET_PIN, 0);
        }
    }
    if (in->kind == HRC_IN_ACTIVATE && fs->unlocked && fs->exporting &&
        fs->typed_path[0] &&
        (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_PATH_FIELD))) {
        *handled = true; /* Enter after typing a folder exports there */
        return facilitator_activate(app, ACT_EXPORT_TYPED, 0);
    }
    if (in->kind == HRC_IN_BACK && (fs->confirm_learner > 0 || fs->exporting)) {
        /* Escape cancels the question or the export, not the screen. */
        *handled = true;
        return facilitator_activate(app, fs->confirm_learner > 0 ? ACT_DELETE_NO
                                                                      : ACT_EXPORT_CLOSE, 0);
    }
    return 0;
}

const screen_ops screen_facilitator = {.state_size = sizeof(facilitator_state),
                                       .init = facilitator_init, .fini = facilitator_fini,
                                       .draw = facilitator_draw,
                                       .activate = facilitator_activate,
                                       .key = facilitator_key, .text = facilitator_text};
