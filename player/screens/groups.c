/*
 * Groups, a trainer's screen (screens/trainer.h): the training sessions
 * ("Rouen, 12 March") and their learners. Create one (a name typed, on
 * the on-screen keyboard on a kiosk, and a day chosen with buttons),
 * rename it or change its day, open it (new learners join the open group:
 * one at most) or close it, delete it (its learners stay, in no group),
 * and show its class on the dashboard.
 */
#include "screens/trainer.h"

#include "core/names.h"
#include "screens/icons.h"
#include "screens/keyboard.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_NEW = ACT_SCREEN,
    ACT_EDIT,        /* arg: group id */
    ACT_SAVE,
    ACT_CANCEL,
    ACT_OPEN,        /* arg: group id */
    ACT_CLOSE,
    ACT_DELETE_ASK,  /* arg: group id */
    ACT_DELETE_YES,
    ACT_DAY,         /* arg: enum day_step */
    ACT_OPEN_NEW,    /* the new group is opened once made */
    ACT_SHOW,        /* arg: group id: its class on the dashboard */
    ACT_FIELD,
    ACT_KEY,
};

enum day_step { DAY_BEFORE, DAY_TODAY, DAY_AFTER, DAY_NONE };

typedef enum mode { MODE_VIEW, MODE_EDIT, MODE_DELETE_ASK } mode;

typedef struct groups_state {
    trainer_base base;
    hrc_group *groups;
    size_t n_groups;
    int64_t open_group;
    mode mode;
    int64_t editing;         /* MODE_EDIT: the group's id; 0: a new one */
    int64_t deleting;        /* MODE_DELETE_ASK */
    char typed[HRC_GROUP_NAME_MAX];
    osk keys;
    bool has_day;
    int year, month, day;
    bool open_new;           /* open the new group once it is made */
    char (*days)[64];        /* each group's day, as a reader says it */
} groups_state;

static groups_state *groups_of(const hrc_app *app)
{
    return trainer_state(app, HRC_SCREEN_GROUPS);
}

static void groups_read(hrc_app *app, groups_state *st)
{
    free(st->groups);
    free(st->days);
    st->groups = NULL;
    st->days = NULL;
    st->n_groups = 0;
    if (hrc_progress_list_groups(app->cfg.progress, &st->groups, &st->n_groups) !=
        HRC_PROGRESS_OK) {
        trainer_say(&st->base, true, "%s", hrc_progress_errmsg(app->cfg.progress));
        st->groups = NULL;
        st->n_groups = 0;
    }
    if (hrc_progress_open_group(app->cfg.progress, &st->open_group) != HRC_PROGRESS_OK)
        st->open_group = 0;
    st->days = calloc(st->n_groups ? st->n_groups : 1, sizeof *st->days);
    for (size_t i = 0; st->days && i < st->n_groups; i++)
        trainer_iso_day(st->groups[i].day, st->days[i], sizeof st->days[i]);
}

static void groups_init(hrc_app *app, void *state)
{
    if (app->cfg.progress)
        groups_read(app, state);
}

static void groups_fini(hrc_app *app, void *state)
{
    (void)app;
    groups_state *st = state;
    free(st->groups);
    free(st->days);
}

static const hrc_group *find(const groups_state *st, int64_t id)
{
    for (size_t i = 0; i < st->n_groups; i++)
        if (st->groups[i].id == id)
            return &st->groups[i];
    return NULL;
}

/* ---- Days (the proleptic Gregorian calendar, libc free) ----------------- */

static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool set_today(const hrc_app *app, groups_state *st)
{
    int64_t now = trainer_now_ms(app);
    st->has_day = now > 0 && trainer_local_day(app, now, &st->year, &st->month, &st->day);
    return st->has_day;
}

static void step_day(const hrc_app *app, groups_state *st, int step)
{
    switch (step) {
    case DAY_TODAY: set_today(app, st); return;
    case DAY_NONE: st->has_day = false; return;
    default: break;
    }
    if (!st->has_day && !set_today(app, st))
        return;
    int64_t z = days_from_civil(st->year, st->month, st->day) + (step == DAY_AFTER ? 1 : -1);
    civil_from_days(z, &st->year, &st->month, &st->day);
}

static void day_text(const groups_state *st, char *out, size_t size)
{
    char iso[16];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", st->year, st->month, st->day);
    if (st->has_day)
        trainer_iso_day(iso, out, size);
    else
        snprintf(out, size, "%s", _("no day"));
}

/* ---- Drawing ------------------------------------------------------------- */

static void text_field(ui *u, const char *typed)
{
    char shown[HRC_GROUP_NAME_MAX * 2];
    hrc_name_printable(typed, shown, sizeof shown - 2);
    strcat(shown, "|");
    ui_block_button(u, ICON_EDIT, NULL, NULL, shown, ACT_FIELD, 0, BTN_QUIET, false);
}

static void draw_edit(ui *u, const groups_state *st)
{
    const hrc_palette *p = u->pal;
    ui_plain(u, st->editing ? _("Rename the group or change its day") : _("New group"),
             HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Name, such as \xe2\x80\x9cRouen, 12 March\xe2\x80\x9d:"), HRC_FONT_BOLD, u->px,
             p->text);
    text_field(u, st->typed);
    if (u->app->kiosk)
        osk_draw(u, &st->keys, OSK_NAME, ACT_KEY, st->typed);
    ui_gap(u, u->pad / 2);
    char day[64], line[128];
    day_text(st, day, sizeof day);
    snprintf(line, sizeof line, _("Day: %s"), day);
    ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
    ui_gap(u, u->pad / 3);
    trainer_button(u, ICON_PREV, _("Day before"), ACT_DAY, DAY_BEFORE, BTN_QUIET);
    trainer_button(u, ICON_TODAY, _("Today"), ACT_DAY, DAY_TODAY, BTN_QUIET);
    trainer_button(u, ICON_NEXT, _("Day after"), ACT_DAY, DAY_AFTER, BTN_QUIET);
    trainer_button(u, NULL, _("No day"), ACT_DAY, DAY_NONE, BTN_QUIET);
    ui_flow_end(u);
    if (!st->editing) {
        ui_gap(u, u->pad / 2);
        ui_next_target(u, HRC_ROLE_CHECKBOX, st->open_new ? _("checked") : _("not checked"),
                       NULL, NULL);
        trainer_block(u, st->open_new ? ICON_CHECK_ON : ICON_CHECK_OFF, NULL,
                      _("Open it: learners who sign up from now on join it"), ACT_OPEN_NEW, 0,
                      st->open_new ? BTN_SELECTED : BTN_QUIET);
    }
}

static void draw_delete_ask(ui *u, const groups_state *st)
{
    const hrc_group *g = find(st, st->deleting);
    if (!g)
        return;
    char line[HRC_GROUP_NAME_MAX + 128];
    snprintf(line, sizeof line, _("Delete the group \xe2\x80\x9c%s\xe2\x80\x9d?"), g->name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    snprintf(line, sizeof line,
             ngettext("Its %zu learner stays on this kiosk, in no group, with everything they "
                      "did.",
                      "Its %zu learners stay on this kiosk, in no group, with everything they "
                      "did.",
                      (unsigned long)g->n_learners),
             g->n_learners);
    ui_plain(u, line, 0, u->px, u->pal->text);
    ui_gap(u, u->pad);
    trainer_button(u, ICON_DELETE, _("Delete the group"), ACT_DELETE_YES, 0, BTN_WRONG);
    trainer_button(u, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static void draw_group(ui *u, const groups_state *st, size_t i)
{
    const hrc_palette *p = u->pal;
    const hrc_group *g = &st->groups[i];
    bool open = g->id == st->open_group;
    if (g->id > INT_MAX)
        return;
    hrc_rect box;
    ui_box_begin(u, &box);
    ui_plain(u, g->name, HRC_FONT_BOLD, u->h2_px, p->text);
    char line[256];
    snprintf(line, sizeof line, ngettext("%s%s%zu learner", "%s%s%zu learners",
                                         (unsigned long)g->n_learners),
             st->days && st->days[i][0] ? st->days[i] : "",
             st->days && st->days[i][0] ? " \xc2\xb7 " : "", g->n_learners);
    ui_plain(u, line, 0, u->px, p->muted);
    if (open) {
        int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px});
        int lh = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, u->px});
        int iw = ui_icon(u, ICON_ADD, u->x, u->y + (lh - ih) / 2, u->px, p->accent);
        u->x += iw + u->pad / 3;
        u->w -= iw + u->pad / 3;
        ui_plain(u, _("Open: learners who sign up join it"), HRC_FONT_BOLD, u->px, p->text);
        u->x -= iw + u->pad / 3;
        u->w += iw + u->pad / 3;
    }
    ui_gap(u, u->pad / 3);
    char name[HRC_GROUP_NAME_MAX + 64];
    if (open) {
        /* The counterpart of "Open for new learners", never a padlock: that
         * is Lock's. */
        snprintf(name, sizeof name, _("Close %s to new learners"), g->name);
        trainer_button_named(u, ICON_CLOSE, _("Close to new learners"), name, ACT_CLOSE,
                             (int)g->id, BTN_QUIET);
    } else {
        snprintf(name, sizeof name, _("Open %s for new learners"), g->name);
        trainer_button_named(u, ICON_ADD, _("Open for new learners"), name, ACT_OPEN,
                             (int)g->id, BTN_QUIET);
    }
    snprintf(name, sizeof name, _("Show the class of %s"), g->name);
    trainer_button_named(u, ICON_CLASS, _("Show its class"), name, ACT_SHOW, (int)g->id,
                         BTN_QUIET);
    snprintf(name, sizeof name, _("Rename %s"), g->name);
    trainer_button_named(u, ICON_EDIT, _("Rename"), name, ACT_EDIT, (int)g->id, BTN_QUIET);
    snprintf(name, sizeof name, _("Delete %s\xe2\x80\xa6"), g->name);
    trainer_button_named(u, ICON_DELETE, _("Delete\xe2\x80\xa6"), name, ACT_DELETE_ASK,
                         (int)g->id, BTN_QUIET);
    ui_flow_end(u);
    ui_box_end(u, box, open ? p->picked : p->surface);
}

static void groups_draw(ui *u)
{
    groups_state *st = groups_of(u->app);
    if (!st)
        return;
    trainer_wide(u, u->px * 48);
    trainer_heading(u, ICON_GROUP, _("Groups"),
                    _("A group is a training session. While a group is open, every learner "
                      "who signs up on the kiosk joins it."));
    if (st->mode == MODE_EDIT) {
        draw_edit(u, st);
        return;
    }
    if (st->mode == MODE_DELETE_ASK) {
        draw_delete_ask(u, st);
        return;
    }
    if (!st->open_group)
        ui_plain(u, _("No group is open: learners who sign up join no group."), HRC_FONT_BOLD,
                 u->px, u->pal->text);
    if (st->n_groups == 0)
        ui_plain(u, _("No group yet. Make one for today's session: \xe2\x80\x9cNew group\xe2\x80\x9d."),
                 0, u->px, u->pal->muted);
    ui_gap(u, u->pad / 2);
    for (size_t i = 0; i < st->n_groups; i++)
        draw_group(u, st, i);
}

static void groups_bar(ui *u)
{
    groups_state *st = groups_of(u->app);
    if (!st)
        return;
    trainer_bar_lock(u); /* always at the bottom left; Cancel beside its action */
    if (st->mode == MODE_EDIT) {
        ui_bar_add(u, true, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_QUIET);
        ui_bar_main(u, ICON_DONE, st->editing ? _("Save") : _("Create the group"), ACT_SAVE, 0);
    } else if (st->mode == MODE_VIEW) {
        ui_bar_main(u, ICON_GROUP_ADD, _("New group"), ACT_NEW, 0);
    }
    trainer_bar_status(u, &st->base);
}

/* ---- Actions ----------------------------------------------------------- */

static void back_to_view(hrc_app *app, groups_state *st, int focus)
{
    st->mode = MODE_VIEW;
    st->typed[0] = '\0';
    trainer_focus_on(app, &st->base, focus);
}

static void after_change(hrc_app *app, groups_state *st)
{
    groups_read(app, st);
    class_refresh(app);
    signin_refresh(app);
}

static void save(hrc_app *app, groups_state *st)
{
    hrc_progress *store = app->cfg.progress;
    char day[16] = "";
    if (st->has_day)
        snprintf(day, sizeof day, "%04d-%02d-%02d", st->year, st->month, st->day);
    int rc;
    int64_t id = st->editing;
    if (st->editing) {
        rc = hrc_progress_update_group(store, id, st->typed, day);
    } else {
        rc = hrc_progress_add_group(store, st->typed, day, &id);
        if (rc == HRC_PROGRESS_OK && st->open_new)
            rc = hrc_progress_set_open_group(store, id);
    }
    if (rc != HRC_PROGRESS_OK) {
        if (rc == HRC_PROGRESS_ERR_INVALID && st->typed[0])
            trainer_say(&st->base, true, "%s",
                        _("Another group has this name. Choose another name."));
        else
            trainer_say(&st->base, true, "%s", hrc_progress_errmsg(store));
        return; /* what was typed stays, to correct */
    }
    char name[HRC_GROUP_NAME_MAX];
    snprintf(name, sizeof name, "%s", st->typed);
    after_change(app, st);
    const hrc_group *g = find(st, id);
    if (st->editing)
        trainer_say(&st->base, false, _("The group %s was saved."), g ? g->name : name);
    else if (st->open_new)
        trainer_say(&st->base, false, _("The group %s was made, and new learners join it."),
                    g ? g->name : name);
    else
        trainer_say(&st->base, false, _("The group %s was made."), g ? g->name : name);
    back_to_view(app, st, st->editing ? ACT_EDIT : ACT_NEW);
}

static unsigned groups_activate(hrc_app *app, int action, int arg)
{
    groups_state *st = groups_of(app);
    hrc_progress *store = app->cfg.progress;
    if (!st || !store)
        return HRC_APP_REDRAW;
    const hrc_group *g = find(st, arg);
    int rc;
    switch (action) {
    case ACT_TRAINER_LOCK:
        return trainer_lock(app);
    case ACT_NEW:
        st->mode = MODE_EDIT;
        st->editing = 0;
        st->typed[0] = '\0';
        st->keys = (osk){0};
        st->open_new = true;
        set_today(app, st);
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_EDIT:
        if (!g)
            break;
        st->mode = MODE_EDIT;
        st->editing = g->id;
        snprintf(st->typed, sizeof st->typed, "%s", g->name);
        st->keys = (osk){0};
        st->has_day = sscanf(g->day, "%4d-%2d-%2d", &st->year, &st->month, &st->day) == 3;
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_SAVE:
        if (st->mode == MODE_EDIT)
            save(app, st);
        break;
    case ACT_CANCEL:
        back_to_view(app, st, st->mode == MODE_DELETE_ASK ? ACT_DELETE_ASK
                              : st->editing               ? ACT_EDIT
                                                          : ACT_NEW);
        break;
    case ACT_DAY:
        step_day(app, st, arg);
        trainer_focus_on(app, &st->base, ACT_DAY);
        break;
    case ACT_OPEN_NEW:
        st->open_new = !st->open_new;
        trainer_focus_on(app, &st->base, ACT_OPEN_NEW);
        break;
    case ACT_OPEN:
    case ACT_CLOSE:
        if (!g)
            break;
        rc = hrc_progress_set_open_group(store, action == ACT_OPEN ? g->id : 0);
        if (rc == HRC_PROGRESS_OK && action == ACT_OPEN)
            trainer_say(&st->base, false, _("Learners who sign up now join %s."), g->name);
        else if (rc == HRC_PROGRESS_OK)
            trainer_say(&st->base, false, _("%s is closed: learners who sign up join no group."),
                        g->name);
        else
            trainer_say(&st->base, true, "%s", hrc_progress_errmsg(store));
        after_change(app, st);
        trainer_focus_on(app, &st->base, action == ACT_OPEN ? ACT_CLOSE : ACT_OPEN);
        break;
    case ACT_SHOW:
        if (g) {
            class_show_group(app, g->id);
            app_back(app); /* st is gone */
        }
        break;
    case ACT_DELETE_ASK:
        if (!g)
            break;
        st->mode = MODE_DELETE_ASK;
        st->deleting = g->id;
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, ACT_CANCEL); /* Enter by mistake deletes nothing */
        break;
    case ACT_DELETE_YES: {
        const hrc_group *d = find(st, st->deleting);
        if (st->mode != MODE_DELETE_ASK || !d)
            break;
        char name[HRC_GROUP_NAME_MAX];
        snprintf(name, sizeof name, "%s", d->name);
        rc = hrc_progress_delete_group(store, d->id);
        if (rc == HRC_PROGRESS_OK)
            trainer_say(&st->base, false, _("The group %s was deleted; its learners are in no "
                                            "group now."),
                        name);
        else
            trainer_say(&st->base, true, "%s", hrc_progress_errmsg(store));
        after_change(app, st);
        back_to_view(app, st, ACT_NEW);
        break;
    }
    case ACT_KEY: {
        hrc_input in;
        if (st->mode == MODE_EDIT && osk_press(&st->keys, arg, st->typed, &in))
            return screen_groups.text(app, &in);
        break;
    }
    case ACT_FIELD:
        break;
    }
    return HRC_APP_REDRAW;
}

bool groups_wants_text(const hrc_app *app)
{
    const groups_state *st = groups_of(app);
    return st && st->mode == MODE_EDIT;
}

static unsigned groups_text(hrc_app *app, const hrc_input *in)
{
    groups_state *st = groups_of(app);
    if (!st || st->mode != MODE_EDIT)
        return 0;
    return trainer_type(st->typed, sizeof st->typed, in);
}

static unsigned groups_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    groups_state *st = groups_of(app);
    if (!st)
        return 0;
    int f = hrc_nav_top(&app->nav)->focus;
    if (in->kind == HRC_IN_ACTIVATE && st->mode == MODE_EDIT &&
        (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_FIELD))) {
        *handled = true; /* Enter after the name saves */
        return groups_activate(app, ACT_SAVE, 0);
    }
    if (in->kind == HRC_IN_BACK && st->mode != MODE_VIEW) {
        *handled = true; /* Escape cancels the question, not the screen */
        return groups_activate(app, ACT_CANCEL, 0);
    }
    return 0;
}

const screen_ops screen_groups = {.state_size = sizeof(groups_state), .init = groups_init,
                                  .fini = groups_fini, .draw = groups_draw,
                                  .activate = groups_activate, .key = groups_key,
                                  .text = groups_text, .bar = groups_bar};
