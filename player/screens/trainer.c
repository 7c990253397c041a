/* What the trainer's screens share. See trainer.h. */
#include "screens/trainer.h"

#include "core/dates.h"
#include "screens/icons.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool screen_is_trainer(hrc_screen s)
{
    switch (s) {
    case HRC_SCREEN_CLASS:
    case HRC_SCREEN_LEARNER_ADMIN:
    case HRC_SCREEN_GROUPS:
    case HRC_SCREEN_QUESTIONS:
    case HRC_SCREEN_PAPER:
    case HRC_SCREEN_CLASS_IMPORT:
    case HRC_SCREEN_KIOSK_ADMIN:
        return true;
    default:
        return false;
    }
}

bool trainer_wants_text(const hrc_app *app)
{
    switch (hrc_nav_top_const(&app->nav)->screen) {
    case HRC_SCREEN_LEARNER_ADMIN: return learner_admin_wants_text(app);
    case HRC_SCREEN_GROUPS: return groups_wants_text(app);
    case HRC_SCREEN_KIOSK_ADMIN: return kiosk_admin_wants_text(app);
    default: return false;
    }
}

void trainer_bar_lock(ui *u)
{
    ui_bar_add(u, false, ICON_LOCKED, _("Lock"), ACT_TRAINER_LOCK, 0, BTN_QUIET);
}

unsigned trainer_lock(hrc_app *app)
{
    /* The dashboard is the first of them: going back past it locks. */
    for (size_t i = 0; i < HRC_NAV_DEPTH && screen_is_trainer(hrc_nav_top(&app->nav)->screen);
         i++)
        app_back(app);
    hrc_nav_top(&app->nav)->focus = -1;
    return HRC_APP_REDRAW;
}

void *trainer_state(const hrc_app *app, hrc_screen screen)
{
    return hrc_nav_top_const(&app->nav)->screen == screen ? screen_state(app) : NULL;
}

/* The base of the trainer's screen on top; NULL when the top is another. */
static trainer_base *base_on_top(const hrc_app *app)
{
    return screen_is_trainer(hrc_nav_top_const(&app->nav)->screen) ? screen_state(app) : NULL;
}

void trainer_say(trainer_base *b, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->status, sizeof b->status, fmt, ap);
    va_end(ap);
    b->status_error = error;
}

void trainer_busy(trainer_base *b, int job, const char *text)
{
    b->pending = job;
    snprintf(b->busy, sizeof b->busy, "%s", text);
    b->status[0] = '\0';
}

void trainer_bar_status(ui *u, const trainer_base *b)
{
    if (b->pending)
        ui_bar_status(u, b->busy, false);
    else if (b->status[0])
        ui_bar_status(u, b->status, b->status_error);
}

int64_t trainer_timer(const trainer_base *b)
{
    return b && b->pending ? 0 : -1;
}

int64_t trainer_screen_timer(const hrc_app *app, uint64_t now)
{
    (void)now;
    return trainer_timer(screen_state(app));
}

bool trainer_waits(const trainer_base *b, const hrc_input *in)
{
    return b && b->pending && (in->kind == HRC_IN_ACTIVATE || in->kind == HRC_IN_BACK);
}

int trainer_take_job(trainer_base *b)
{
    int job = b->pending;
    b->pending = 0;
    b->busy[0] = '\0';
    return job;
}

void trainer_focus_on(hrc_app *app, trainer_base *b, int action)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    b->focus_action = loc->focus >= 0 ? action : 0;
    loc->focus = -1;
}

/* Gives the focus to the next target when the keyboard asked for it. */
static void take_focus_if(ui *u, int action)
{
    trainer_base *b = base_on_top(u->app);
    if (!b || !b->focus_action || b->focus_action != action)
        return;
    b->focus_action = 0;
    u->focus = u->app->n_targets; /* the index the next target gets */
    hrc_nav_top(&u->app->nav)->focus = u->focus;
    u->app->reveal_focus = true;
}

int trainer_button(ui *u, const char *icon, const char *label, int action, int arg,
                   button_state st)
{
    take_focus_if(u, action);
    return ui_button_icon(u, icon, label, action, arg, st);
}

int trainer_button_named(ui *u, const char *icon, const char *label, const char *name,
                         int action, int arg, button_state st)
{
    take_focus_if(u, action);
    return ui_button_named(u, icon, label, name, action, arg, st);
}

int trainer_block(ui *u, const char *icon, const char *prefix, const char *text, int action,
                  int arg, button_state st)
{
    take_focus_if(u, action);
    return ui_block_button(u, icon, prefix, NULL, text, action, arg, st, false);
}

int trainer_chip(ui *u, const char *label, bool selected, int action, int arg)
{
    take_focus_if(u, action);
    ui_next_target(u, HRC_ROLE_CHOICE, selected ? _("selected") : NULL, NULL, NULL);
    return ui_button_icon(u, selected ? ICON_RADIO_ON : NULL, label, action, arg,
                          selected ? BTN_SELECTED : BTN_QUIET);
}

void trainer_heading(ui *u, const char *icon, const char *title, const char *subtitle)
{
    const hrc_palette *p = u->pal;
    if (icon) {
        int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->h1_px});
        int th = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, u->h1_px});
        int iw = ui_icon(u, icon, u->x, u->y + (th - ih) / 2, u->h1_px, p->accent);
        u->x += iw + u->pad / 2;
        u->w -= iw + u->pad / 2;
        ui_plain(u, title, HRC_FONT_BOLD, u->h1_px, p->text);
        u->x -= iw + u->pad / 2;
        u->w += iw + u->pad / 2;
    } else {
        ui_plain(u, title, HRC_FONT_BOLD, u->h1_px, p->text);
    }
    if (subtitle && *subtitle)
        ui_plain(u, subtitle, 0, u->px, p->muted);
    ui_gap(u, u->pad * 2 / 3);
}

void trainer_wide(ui *u, int max_px)
{
    int avail = u->W - 2 * u->pad;
    int wide = max_px < avail ? max_px : avail;
    if (wide < u->w)
        return;
    u->x = (u->W - wide) / 2;
    u->w = wide;
}

/* ---- Folders ---------------------------------------------------------- */

void trainer_find_folders(hrc_app *app, trainer_folders *f)
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
    f->n = app->host->export_folders
               ? app->host->export_folders(app->host->ctx, &search, f->list,
                                           HRC_EXPORT_FOLDERS_MAX)
               : 0;
}

bool trainer_any_drive(const trainer_folders *f)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->list[i].removable)
            return true;
    return false;
}

void trainer_folder_name(const hrc_export_folder *e, char *out, size_t size)
{
    if (e->removable)
        snprintf(out, size, "%s", e->name);
    else
        snprintf(out, size, "%s", _("this computer"));
}

void trainer_draw_folders(ui *u, const trainer_folders *f, const char *question, int act_pick,
                          int act_look_again, int act_cancel)
{
    const hrc_palette *p = u->pal;
    ui_plain(u, question, HRC_FONT_BOLD, u->px, p->text);
    ui_gap(u, u->pad / 2);
    if (!trainer_any_drive(f)) {
        ui_plain(u, _("No USB stick or other removable drive was found. Plug one in, wait a "
                      "moment, then choose \xe2\x80\x9cLook again\xe2\x80\x9d."),
                 0, u->px, p->muted);
        ui_gap(u, u->pad / 2);
    }
    for (size_t i = 0; i < f->n; i++) {
        const hrc_export_folder *e = &f->list[i];
        char label[HRC_EXPORT_PATH_MAX + 320];
        if (e->removable)
            snprintf(label, sizeof label, _("Drive %s (%s)"), e->name, e->path);
        else
            snprintf(label, sizeof label, _("This computer (%s)"), e->path);
        trainer_block(u, e->removable ? ICON_USB : ICON_FOLDER, NULL, label, act_pick, (int)i,
                      e->removable ? BTN_NORMAL : BTN_QUIET);
    }
    ui_gap(u, u->pad / 2);
    trainer_button(u, ICON_RESTART, _("Look again"), act_look_again, 0, BTN_QUIET);
    trainer_button(u, NULL, _("Cancel"), act_cancel, 0, BTN_QUIET);
    ui_flow_end(u);
}

/* ---- Groups, days, names ------------------------------------------------ */

void trainer_group_label(int64_t group, const hrc_group *groups, size_t n, char *out,
                         size_t size)
{
    if (group == HRC_GROUP_ALL) {
        snprintf(out, size, "%s", _("All learners"));
        return;
    }
    if (group == HRC_GROUP_NONE) {
        snprintf(out, size, "%s", _("No group"));
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (groups[i].id == group) {
            snprintf(out, size, "%s", groups[i].name);
            return;
        }
    snprintf(out, size, "%s", _("A group that was deleted"));
}

int64_t trainer_now_ms(const hrc_app *app)
{
    return app->host->now_ms ? app->host->now_ms(app->host->ctx) : 0;
}

bool trainer_local_day(const hrc_app *app, int64_t ms, int *y, int *m, int *d)
{
    struct tm tm;
    time_t t = (time_t)(ms / 1000);
    bool ok = app->host->local_time ? app->host->local_time(app->host->ctx, ms, &tm)
                                    : gmtime_r(&t, &tm) != NULL;
    if (!ok || ms <= 0)
        return false;
    *y = tm.tm_year + 1900;
    *m = tm.tm_mon + 1;
    *d = tm.tm_mday;
    return true;
}

void trainer_day(const hrc_app *app, int64_t ms, char *out, size_t size)
{
    int y, m, d;
    out[0] = '\0';
    if (ms > 0 && trainer_local_day(app, ms, &y, &m, &d)) {
        hrc_date date = {.year = y, .month = m, .day = d, .precision = HRC_DATE_DAY};
        if (hrc_date_format(&date, out, size) < 0)
            out[0] = '\0';
    }
}

void trainer_iso_day(const char *iso, char *out, size_t size)
{
    int y, m, d;
    out[0] = '\0';
    if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3) {
        hrc_date date = {.year = y, .month = m, .day = d, .precision = HRC_DATE_DAY};
        if (hrc_date_format(&date, out, size) < 0)
            out[0] = '\0';
    }
}

void trainer_duration(int64_t ms, char *out, size_t size)
{
    int minutes = (int)((ms + 30000) / 60000);
    if (ms <= 0)
        snprintf(out, size, "%s", _("none"));
    else if (minutes < 1 || hrc_duration_format(minutes, out, size) < 0)
        snprintf(out, size, "%s", _("less than a minute"));
}

const char *trainer_module_title(const hrc_app *app, size_t module)
{
    const hrc_module *m = ui_module(app, (int)module);
    const char *t = m ? ui_pick(app, m, &m->title) : NULL;
    return t && *t ? t : m ? m->id : "";
}

const char *trainer_status_word(hrc_cell_status st)
{
    switch (st) {
    case HRC_CELL_COMPLETED: return _("completed");
    case HRC_CELL_PASSED: return _("quiz passed");
    case HRC_CELL_FAILED: return _("quiz failed");
    case HRC_CELL_IN_PROGRESS: return _("in progress");
    case HRC_CELL_NOT_STARTED: break;
    }
    return _("not started");
}

const char *trainer_status_title(hrc_cell_status st)
{
    switch (st) {
    case HRC_CELL_COMPLETED: return _("Completed");
    case HRC_CELL_PASSED: return _("Quiz passed");
    case HRC_CELL_FAILED: return _("Quiz failed");
    case HRC_CELL_IN_PROGRESS: return _("In progress");
    case HRC_CELL_NOT_STARTED: break;
    }
    return _("Not started");
}

const char *trainer_status_icon(hrc_cell_status st)
{
    switch (st) {
    case HRC_CELL_COMPLETED: return ICON_DONE;
    case HRC_CELL_PASSED: return ICON_PASSED;
    case HRC_CELL_FAILED: return ICON_NOT_PASSED;
    case HRC_CELL_IN_PROGRESS: return ICON_IN_PROGRESS;
    case HRC_CELL_NOT_STARTED: break;
    }
    return ICON_DASH;
}

hrc_color trainer_status_color(const ui *u, hrc_cell_status st)
{
    switch (st) {
    case HRC_CELL_COMPLETED: return u->pal->accent;
    case HRC_CELL_PASSED: return u->pal->right;
    case HRC_CELL_FAILED: return u->pal->wrong;
    case HRC_CELL_IN_PROGRESS: return u->pal->text;
    case HRC_CELL_NOT_STARTED: break;
    }
    return u->pal->muted;
}

unsigned trainer_type(char *field, size_t size, const hrc_input *in)
{
    size_t have = strlen(field);
    if (in->kind == HRC_IN_BACKSPACE) {
        if (!have)
            return 0;
        while (have > 0 && ((unsigned char)field[have - 1] & 0xC0) == 0x80)
            have--;
        field[have > 0 ? have - 1 : 0] = '\0';
        return HRC_APP_REDRAW;
    }
    if (in->kind != HRC_IN_TEXT)
        return 0;
    size_t add = strnlen(in->text, sizeof in->text);
    for (size_t i = 0; i < add; i++)
        if ((unsigned char)in->text[i] < 0x20 || in->text[i] == 0x7f)
            return 0;
    if (!add || have + add + 1 > size)
        return 0;
    memcpy(field + have, in->text, add);
    field[have + add] = '\0';
    return HRC_APP_REDRAW;
}
