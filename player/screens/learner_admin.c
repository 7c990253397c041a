/*
 * One learner, a trainer's screen (screens/trainer.h), opened from a row
 * of the class dashboard (the location's `item` is the learner's id):
 * every module of the course with its status, attempts, best score, time
 * spent, day of completion and resets; and what a facilitator does to a
 * learner's record:
 *   - reset a forgotten PIN, clear wrong tries;
 *   - reset a module's attempts (confirmed; recorded as an event, so that
 *     exports and the report show it: hrc_progress_reset_attempts);
 *   - rename (the on-screen keyboard on a kiosk);
 *   - move to a group, or to none;
 *   - merge with another profile of the same person: pick the other, see
 *     which one is kept (its name, PIN and group) and which goes;
 *   - delete (confirmed).
 * After each action the store is read again (never while drawing), the
 * dashboard beneath too, and the bottom bar says how it went.
 */
#include "screens/trainer.h"

#include "core/names.h"
#include "screens/icons.h"
#include "screens/keyboard.h"
#include "screens/pinentry.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_RESET_PIN = ACT_SCREEN,
    ACT_CLEAR_LOCK,
    ACT_RESET_ASK,   /* arg: module index */
    ACT_RESET_YES,
    ACT_RENAME,
    ACT_RENAME_SAVE,
    ACT_MOVE,
    ACT_MOVE_TO,     /* arg: group id, 0 none */
    ACT_MERGE,
    ACT_MERGE_PICK,  /* arg: index in others */
    ACT_MERGE_SWAP,
    ACT_MERGE_YES,
    ACT_DELETE_ASK,
    ACT_DELETE_YES,
    ACT_CANCEL,
    ACT_FIELD,
    ACT_KEY,         /* the on-screen keyboard */
};

typedef enum mode {
    MODE_VIEW,
    MODE_RESET_ASK,
    MODE_RENAME,
    MODE_MOVE,
    MODE_MERGE_PICK,
    MODE_MERGE_ASK,
    MODE_DELETE_ASK,
} mode;

#define MERGE_SHOWN 40 /* candidates listed at once */

typedef struct learner_state {
    trainer_base base;
    int64_t id;
    bool found;
    hrc_learner learner;
    uint64_t wait_until;      /* app clock: their PIN's lock ends; 0 none */
    char group_name[HRC_GROUP_NAME_MAX + 32];
    char signed_up[64];
    /* Per module of the course: the summary (NULL: never started) and the
     * day it was completed, as a reader says it. */
    hrc_module_progress *mods;
    size_t n_mods;
    char (*completed_day)[64];
    hrc_group *groups;
    size_t n_groups;
    mode mode;
    int module;               /* MODE_RESET_ASK: which */
    char typed[UI_NAME_MAX];  /* the new name, or the letters of the other's */
    osk keys;
    hrc_learner *others;      /* MODE_MERGE_*: every other learner */
    size_t n_others;
    size_t *shown;            /* ... those that match what is typed, the likely first */
    size_t n_shown;
    int64_t other;            /* MODE_MERGE_ASK: the other profile */
    bool keep_other;          /* ... kept instead of this one */
} learner_state;

static learner_state *learner_of(const hrc_app *app)
{
    return trainer_state(app, HRC_SCREEN_LEARNER_ADMIN);
}

static void forget(learner_state *st)
{
    free(st->mods);
    free(st->completed_day);
    free(st->groups);
    st->mods = NULL;
    st->completed_day = NULL;
    st->groups = NULL;
    st->n_mods = st->n_groups = 0;
}

static void forget_others(learner_state *st)
{
    free(st->others);
    free(st->shown);
    st->others = NULL;
    st->shown = NULL;
    st->n_others = st->n_shown = 0;
}

/* The summary of the course's module m, or NULL when never started. */
static const hrc_module_progress *module_row(const learner_state *st, const hrc_app *app,
                                             size_t m)
{
    const hrc_module *mod = ui_module(app, (int)m);
    for (size_t i = 0; mod && i < st->n_mods; i++)
        if (strcmp(st->mods[i].module_id, mod->id) == 0)
            return &st->mods[i];
    return NULL;
}

static hrc_cell_status status_of(const hrc_module_progress *r)
{
    return !r                                   ? HRC_CELL_NOT_STARTED
           : r->completed                       ? HRC_CELL_COMPLETED
           : r->success == HRC_SUCCESS_PASSED   ? HRC_CELL_PASSED
           : r->success == HRC_SUCCESS_FAILED   ? HRC_CELL_FAILED
                                                : HRC_CELL_IN_PROGRESS;
}

/* Reads the learner, their modules, their PIN's lock and the groups. */
static void learner_read(hrc_app *app, learner_state *st)
{
    hrc_progress *store = app->cfg.progress;
    forget(st);
    st->found = hrc_progress_get_learner(store, st->id, &st->learner) == HRC_PROGRESS_OK;
    if (!st->found) {
        trainer_say(&st->base, true, "%s", hrc_progress_errmsg(store));
        return;
    }
    hrc_pin_lock lock = {0};
    hrc_progress_learner_pin_lock(store, st->id, &lock);
    st->wait_until = lock.wait_ms > 0 ? app->now + (uint64_t)lock.wait_ms : 0;
    if (hrc_progress_list_modules(store, st->id, &st->mods, &st->n_mods) != HRC_PROGRESS_OK) {
        st->mods = NULL;
        st->n_mods = 0;
    }
    if (hrc_progress_list_groups(store, &st->groups, &st->n_groups) != HRC_PROGRESS_OK) {
        st->groups = NULL;
        st->n_groups = 0;
    }
    trainer_group_label(st->learner.group_id ? st->learner.group_id : HRC_GROUP_NONE,
                        st->groups, st->n_groups, st->group_name, sizeof st->group_name);
    trainer_day(app, st->learner.created_ms, st->signed_up, sizeof st->signed_up);
    size_t n = app->cfg.course->n_modules;
    st->completed_day = calloc(n ? n : 1, sizeof *st->completed_day);
    for (size_t m = 0; st->completed_day && m < n; m++) {
        const hrc_module_progress *r = module_row(st, app, m);
        if (r && r->completed && r->completed_ms)
            trainer_day(app, r->completed_ms, st->completed_day[m], sizeof st->completed_day[m]);
    }
}

static void learner_init(hrc_app *app, void *state)
{
    learner_state *st = state;
    st->id = hrc_nav_top(&app->nav)->item;
    st->module = -1;
    if (app->cfg.progress)
        learner_read(app, st);
}

static void learner_fini(hrc_app *app, void *state)
{
    (void)app;
    forget(state);
    forget_others(state);
}

/* After a change: this screen, the dashboard and the sign-in list. */
static void reread(hrc_app *app, learner_state *st)
{
    learner_read(app, st);
    class_refresh(app);
    app_reload_learners(app);
}

/* ---- Merging: the other profile ----------------------------------------- */

/* Whether typed starts the name or one of its words. */
static bool name_found(const char *name, const char *typed)
{
    if (hrc_name_matches(name, typed))
        return true;
    for (const char *p = name; *p; p++)
        if ((*p == ' ' || *p == '-') && hrc_name_matches(p + 1, typed))
            return true;
    return false;
}

/* The candidates shown: the same name first, then those whose name (or a
 * word of it) starts with what is typed, or everyone while nothing is. */
static void find_others(learner_state *st)
{
    st->n_shown = 0;
    bool any = st->typed[0] != '\0';
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < st->n_others && st->n_shown < MERGE_SHOWN; i++) {
            bool same = hrc_name_same(st->others[i].name, st->learner.name);
            if (pass == 0 ? !same : same)
                continue;
            if (pass == 1 && any && !name_found(st->others[i].name, st->typed))
                continue;
            st->shown[st->n_shown++] = i;
        }
}

static void merge_open(hrc_app *app, learner_state *st)
{
    forget_others(st);
    hrc_learner *all = NULL;
    size_t n = 0;
    if (hrc_progress_list_learners(app->cfg.progress, &all, &n) != HRC_PROGRESS_OK) {
        trainer_say(&st->base, true, "%s", hrc_progress_errmsg(app->cfg.progress));
        return;
    }
    st->others = all;
    st->shown = calloc(n ? n : 1, sizeof *st->shown);
    if (!st->shown) {
        forget_others(st);
        return;
    }
    for (size_t i = 0; i < n; i++) /* not this one */
        if (all[i].id != st->id)
            st->others[st->n_others++] = all[i];
    st->typed[0] = '\0';
    st->keys = (osk){0};
    find_others(st);
    st->mode = MODE_MERGE_PICK;
}

static const hrc_learner *other_learner(const learner_state *st)
{
    for (size_t i = 0; i < st->n_others; i++)
        if (st->others[i].id == st->other)
            return &st->others[i];
    return NULL;
}

/* ---- Drawing ------------------------------------------------------------- */

static void pin_line(const hrc_learner *l, char *out, size_t size)
{
    const char *pin = l->pin_reset ? _("PIN reset: they choose a new one at their next sign-in")
                      : l->has_pin ? _("has a PIN")
                                   : _("no PIN");
    if (l->pin_failures > 0)
        snprintf(out, size,
                 ngettext("%s; %d wrong PIN in a row", "%s; %d wrong PINs in a row",
                          (unsigned long)l->pin_failures),
                 pin, l->pin_failures);
    else
        snprintf(out, size, "%s", pin);
}

/* A learner as the merge shows them: name, PIN, group. */
static void profile_card(ui *u, const learner_state *st, const hrc_learner *l, const char *role,
                         bool kept)
{
    const hrc_palette *p = u->pal;
    char line[HRC_GROUP_NAME_MAX + 320], group[HRC_GROUP_NAME_MAX + 32], pin[200];
    hrc_rect box;
    ui_box_begin(u, &box);
    int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px});
    int lh = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, u->small_px});
    int iw = ui_icon(u, kept ? ICON_DONE : ICON_DELETE, u->x, u->y + (lh - ih) / 2, u->px,
                     kept ? p->accent : p->wrong);
    u->x += iw + u->pad / 3;
    u->w -= iw + u->pad / 3;
    ui_plain(u, role, HRC_FONT_BOLD, u->small_px, kept ? p->text : p->wrong);
    u->x -= iw + u->pad / 3;
    u->w += iw + u->pad / 3;
    ui_plain(u, l->name, HRC_FONT_BOLD, u->h2_px, p->text);
    pin_line(l, pin, sizeof pin);
    trainer_group_label(l->group_id ? l->group_id : HRC_GROUP_NONE, st->groups, st->n_groups,
                        group, sizeof group);
    snprintf(line, sizeof line, _("PIN: %s"), pin);
    ui_plain(u, line, 0, u->px, p->text);
    snprintf(line, sizeof line, _("Group: %s"), group);
    ui_plain(u, line, 0, u->px, p->text);
    ui_box_end(u, box, p->surface);
}

static void draw_merge_ask(ui *u, const learner_state *st)
{
    const hrc_learner *o = other_learner(st);
    if (!o)
        return;
    const hrc_learner *keep = st->keep_other ? o : &st->learner;
    const hrc_learner *gone = st->keep_other ? &st->learner : o;
    ui_plain(u, _("Merge two profiles of the same person?"), HRC_FONT_BOLD, u->h2_px,
             u->pal->text);
    ui_gap(u, u->pad / 2);
    profile_card(u, st, keep, _("Kept, with its name, PIN and group"), true);
    profile_card(u, st, gone, _("Merged into it, then removed"), false);
    char line[UI_NAME_MAX * 2 + 256];
    snprintf(line, sizeof line,
             _("Everything %s did moves to %s: nothing is lost. Exports made before still "
               "name %s; importing them later adds to %s."),
             gone->name, keep->name, gone->name, keep->name);
    ui_plain(u, line, 0, u->px, u->pal->text);
    ui_gap(u, u->pad);
    char label[UI_NAME_MAX + 64];
    snprintf(label, sizeof label, _("Merge into %s"), keep->name);
    trainer_button(u, ICON_MERGE, label, ACT_MERGE_YES, 0, BTN_WRONG);
    snprintf(label, sizeof label, _("Keep %s instead"), gone->name);
    trainer_button(u, ICON_MOVE, label, ACT_MERGE_SWAP, 0, BTN_QUIET);
    trainer_button(u, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static void text_field(ui *u, const char *typed)
{
    char shown[UI_NAME_MAX * 2];
    hrc_name_printable(typed, shown, sizeof shown - 2);
    strcat(shown, "|");
    ui_block_button(u, ICON_EDIT, NULL, NULL, shown, ACT_FIELD, 0, BTN_QUIET, false);
}

static void draw_merge_pick(ui *u, const learner_state *st)
{
    const hrc_palette *p = u->pal;
    char line[UI_NAME_MAX + 256];
    snprintf(line, sizeof line, _("Merge %s with another profile of the same person"),
             st->learner.name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, p->text);
    ui_plain(u, _("For someone who signed up twice, or on two kiosks. Choose the other "
                  "profile; the next step says which one is kept."),
             0, u->px, p->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Find the other profile: type the first letters of a name."), HRC_FONT_BOLD,
             u->small_px, p->text);
    text_field(u, st->typed);
    if (u->app->kiosk)
        osk_draw(u, &st->keys, OSK_NAME, ACT_KEY, st->typed);
    if (st->n_shown == 0)
        ui_plain(u, _("No other profile has such a name."), 0, u->px, p->muted);
    for (size_t i = 0; i < st->n_shown; i++) {
        const hrc_learner *o = &st->others[st->shown[i]];
        char group[HRC_GROUP_NAME_MAX + 32], text[UI_NAME_MAX + HRC_GROUP_NAME_MAX + 64];
        trainer_group_label(o->group_id ? o->group_id : HRC_GROUP_NONE, st->groups,
                            st->n_groups, group, sizeof group);
        snprintf(text, sizeof text, "%s \xc2\xb7 %s", o->name, group);
        trainer_block(u, ICON_PERSON,
                      hrc_name_same(o->name, st->learner.name) ? _("The same name") : NULL, text,
                      ACT_MERGE_PICK, (int)st->shown[i], BTN_QUIET);
    }
    if (st->n_shown == MERGE_SHOWN)
        ui_plain(u, _("More profiles match: type more letters."), 0, u->small_px, p->muted);
}

static void draw_reset_ask(ui *u, const learner_state *st)
{
    char line[UI_NAME_MAX + 600];
    snprintf(line, sizeof line, _("Reset the attempts of %s in module %d?"), st->learner.name,
             st->module + 1);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_plain(u, trainer_module_title(u->app, (size_t)st->module), HRC_FONT_BOLD, u->px,
             u->pal->muted);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("They start the module's quiz again at attempt 1, with every attempt it "
                  "allows. The module counts as not completed until they finish it again; the "
                  "pages they read stay read. Nothing is erased: the reset is recorded, and "
                  "exports and the class report show it."),
             0, u->px, u->pal->text);
    ui_gap(u, u->pad);
    trainer_button(u, ICON_RESET, _("Reset the attempts"), ACT_RESET_YES, 0, BTN_WRONG);
    trainer_button(u, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static void draw_delete_ask(ui *u, const learner_state *st)
{
    char line[UI_NAME_MAX + 128];
    snprintf(line, sizeof line, _("Delete %s and all their records?"), st->learner.name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Their name, answers, scores and time spent are removed from this computer "
                  "for good. Exports made before are not changed."),
             0, u->px, u->pal->text);
    ui_gap(u, u->pad);
    trainer_button(u, ICON_DELETE, _("Delete"), ACT_DELETE_YES, 0, BTN_WRONG);
    trainer_button(u, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static void draw_rename(ui *u, const learner_state *st)
{
    char line[UI_NAME_MAX + 64];
    snprintf(line, sizeof line, _("Rename %s"), st->learner.name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("New name:"), HRC_FONT_BOLD, u->px, u->pal->text);
    text_field(u, st->typed);
    if (u->app->kiosk)
        osk_draw(u, &st->keys, OSK_NAME, ACT_KEY, st->typed);
}

static void draw_move(ui *u, const learner_state *st)
{
    char line[UI_NAME_MAX + 64];
    snprintf(line, sizeof line, _("Move %s to which group?"), st->learner.name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_plain(u, _("What they did stays as it is; the group only says which session they "
                  "belong to."),
             0, u->px, u->pal->text);
    ui_gap(u, u->pad / 2);
    for (size_t i = 0; i < st->n_groups; i++) {
        const hrc_group *g = &st->groups[i];
        char day[64] = "", text[HRC_GROUP_NAME_MAX + 160];
        trainer_iso_day(g->day, day, sizeof day);
        snprintf(text, sizeof text, "%s%s%s", g->name, day[0] ? " \xc2\xb7 " : "", day);
        bool here = g->id == st->learner.group_id;
        ui_next_target(u, HRC_ROLE_CHOICE, here ? _("selected") : NULL, NULL, NULL);
        if (g->id <= INT_MAX)
            trainer_block(u, here ? ICON_RADIO_ON : ICON_RADIO_OFF, NULL, text, ACT_MOVE_TO,
                          (int)g->id, here ? BTN_SELECTED : BTN_QUIET);
    }
    bool none = st->learner.group_id == 0;
    ui_next_target(u, HRC_ROLE_CHOICE, none ? _("selected") : NULL, NULL, NULL);
    trainer_block(u, none ? ICON_RADIO_ON : ICON_RADIO_OFF, NULL, _("No group"), ACT_MOVE_TO, 0,
                  none ? BTN_SELECTED : BTN_QUIET);
    ui_gap(u, u->pad / 2);
    trainer_button(u, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_QUIET);
    ui_flow_end(u);
}

static bool resettable(const hrc_module_progress *r)
{
    return r && (r->attempts > 0 || r->completed || r->has_score);
}

/* One module: status, figures, and its reset. */
static void draw_module(ui *u, const learner_state *st, size_t m)
{
    const hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_module_progress *r = module_row(st, app, m);
    hrc_cell_status s = status_of(r);
    hrc_rect box;
    ui_box_begin(u, &box);
    char line[800], part[200];
    snprintf(line, sizeof line, _("Module %d"), (int)m + 1);
    ui_plain(u, line, HRC_FONT_BOLD, u->small_px, p->muted);
    ui_plain(u, trainer_module_title(app, m), HRC_FONT_BOLD, u->px, p->text);
    int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px});
    int lh = u->m->line_height(u->m->ctx, (hrc_font){0, u->px});
    int iw = ui_icon(u, trainer_status_icon(s), u->x, u->y + (lh - ih) / 2, u->px,
                     trainer_status_color(u, s));
    u->x += iw + u->pad / 3;
    u->w -= iw + u->pad / 3;
    ui_plain(u, trainer_status_title(s), HRC_FONT_BOLD, u->px,
             s == HRC_CELL_NOT_STARTED ? p->muted : p->text);
    u->x -= iw + u->pad / 3;
    u->w += iw + u->pad / 3;
    if (r) {
        size_t n = 0;
        n += (size_t)snprintf(line + n, sizeof line - n,
                              ngettext("%d quiz attempt", "%d quiz attempts",
                                       (unsigned long)r->attempts),
                              r->attempts);
        if (r->has_score && n < sizeof line)
            n += (size_t)snprintf(line + n, sizeof line - n, _(" \xc2\xb7 best score %d%%"),
                                  (int)(r->best_score * 100 + 0.5));
        trainer_duration(r->time_spent_ms, part, sizeof part);
        if (n < sizeof line)
            n += (size_t)snprintf(line + n, sizeof line - n, _(" \xc2\xb7 time spent: %s"), part);
        if (st->completed_day && st->completed_day[m][0] && n < sizeof line)
            n += (size_t)snprintf(line + n, sizeof line - n, _(" \xc2\xb7 completed on %s"),
                                  st->completed_day[m]);
        if (r->resets > 0 && n < sizeof line)
            snprintf(line + n, sizeof line - n,
                     ngettext(" \xc2\xb7 attempts reset %d time",
                              " \xc2\xb7 attempts reset %d times", (unsigned long)r->resets),
                     r->resets);
        ui_plain(u, line, 0, u->px, p->text);
    }
    if (resettable(r)) {
        ui_gap(u, u->pad / 3);
        char name[400];
        snprintf(name, sizeof name, _("Reset the attempts of module %d\xe2\x80\xa6"), (int)m + 1);
        trainer_button_named(u, ICON_RESET, _("Reset the attempts\xe2\x80\xa6"), name,
                             ACT_RESET_ASK, (int)m, BTN_QUIET);
        ui_flow_end(u);
    }
    ui_box_end(u, box, p->surface);
}

/* A button at content (x, y), within w; returns its height. */
static int button_at(ui *u, const char *icon, const char *label, const char *name, int action,
                     int arg, int x, int y, int w)
{
    int sx = u->x, sw = u->w, sy = u->y;
    u->x = x;
    u->w = w;
    u->y = y;
    trainer_button_named(u, icon, label, name, action, arg, BTN_QUIET);
    int h = u->flow_h;
    ui_flow_end(u);
    u->x = sx;
    u->w = sw;
    u->y = sy;
    return h;
}

/* The figures of module m: attempts, best score, time spent, completion. */
static void module_figures(const learner_state *st, const hrc_module_progress *r, size_t m,
                           char fig[5][96])
{
    for (int i = 0; i < 5; i++)
        snprintf(fig[i], 96, "%s", "\xe2\x80\x93");
    if (!r)
        return;
    snprintf(fig[0], 96, "%d", r->attempts);
    if (r->has_score)
        snprintf(fig[1], 96, _("%d%%"), (int)(r->best_score * 100 + 0.5));
    trainer_duration(r->time_spent_ms, fig[2], 96);
    if (st->completed_day && st->completed_day[m][0])
        snprintf(fig[3], 96, "%s", st->completed_day[m]);
    if (r->resets > 0)
        snprintf(fig[4], 96, "%d", r->resets);
}

/* The modules as a table: one row a module, its figures in columns, its
 * reset at the end. false when the column is too narrow for it. */
static bool draw_modules_table(ui *u, const learner_state *st)
{
    const hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const char *heads[7] = {_("Module"), _("Status"), _("Quiz attempts"), _("Best score"),
                            _("Time spent"), _("Completed on"), _("Resets")};
    size_t nm = app->cfg.course->n_modules;
    int cp = u->pad / 2;
    int w[7] = {0};
    int icon_w = u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px}, ICON_DONE,
                             strlen(ICON_DONE));
    for (int c = 1; c < 7; c++)
        w[c] = ui_text_width(u, heads[c], HRC_FONT_BOLD, u->small_px);
    for (size_t m = 0; m < nm; m++) {
        const hrc_module_progress *r = module_row(st, app, m);
        char fig[5][96];
        module_figures(st, r, m, fig);
        int sw = icon_w + u->pad / 3 +
                 ui_text_width(u, trainer_status_title(status_of(r)), 0, u->small_px);
        w[1] = w[1] > sw ? w[1] : sw;
        for (int c = 0; c < 5; c++) {
            int fw = ui_text_width(u, fig[c], 0, u->small_px);
            w[c + 2] = w[c + 2] > fw ? w[c + 2] : fw;
        }
    }
    /* TRANSLATORS: a short button at the end of a module's row: its quiz attempts start again. */
    const char *reset = _("Reset\xe2\x80\xa6");
    int action_w = ui_text_width(u, reset, HRC_FONT_BOLD, u->px) + icon_w * 6 / 5 + u->pad * 3;
    int fixed = action_w;
    for (int c = 1; c < 7; c++)
        fixed += (w[c] += 2 * cp);
    w[0] = u->w - fixed;
    if (w[0] < u->px * 9)
        return false;
    int small = u->m->line_height(u->m->ctx, (hrc_font){0, u->small_px});
    int head_h = small + cp;
    int x = u->x, y = u->y;
    for (int c = 0; c < 7; x += w[c], c++)
        ui_line_at(u, heads[c], HRC_FONT_BOLD, u->small_px, p->muted, x + cp, y, w[c] - 2 * cp);
    y += head_h;
    hrc_draw_rect(u->list, (hrc_rect){u->x, u->view.y + y - u->scroll, u->w, 1}, p->border, 0);
    for (size_t m = 0; m < nm; m++) {
        const hrc_module_progress *r = module_row(st, app, m);
        hrc_cell_status s = status_of(r);
        char number[64], fig[5][96];
        snprintf(number, sizeof number, _("Module %d"), (int)m + 1);
        module_figures(st, r, m, fig);
        int row_h = u->min_target + u->pad;
        int title_h = small * 3 + cp;
        row_h = row_h > title_h ? row_h : title_h;
        if (m % 2)
            hrc_draw_rect(u->list, (hrc_rect){u->x, u->view.y + y - u->scroll, u->w, row_h},
                          p->surface, 0);
        ui_line_at(u, number, HRC_FONT_BOLD, u->small_px, p->muted, u->x + cp, y + cp / 2,
                   w[0] - 2 * cp);
        ui_lines_at(u, trainer_module_title(app, m), HRC_FONT_BOLD, u->small_px, p->text,
                    u->x + cp, y + cp / 2 + small, w[0] - 2 * cp, 2);
        int cx = u->x + w[0];
        int ty = y + (row_h - small) / 2;
        int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px});
        int iw = ui_icon(u, trainer_status_icon(s), cx + cp, y + (row_h - ih) / 2, u->px,
                         trainer_status_color(u, s));
        ui_line_at(u, trainer_status_title(s), 0, u->small_px,
                   s == HRC_CELL_NOT_STARTED ? p->muted : p->text, cx + cp + iw + u->pad / 3, ty,
                   w[1] - 2 * cp - iw - u->pad / 3);
        cx += w[1];
        for (int c = 0; c < 5; c++) {
            ui_line_at(u, fig[c], 0, u->small_px, p->text, cx + cp, ty, w[c + 2] - 2 * cp);
            cx += w[c + 2];
        }
        if (resettable(r)) {
            char name[400];
            snprintf(name, sizeof name, _("Reset the attempts of module %d\xe2\x80\xa6"),
                     (int)m + 1);
            button_at(u, ICON_RESET, reset, name, ACT_RESET_ASK,
                      (int)m, cx + cp, y + (row_h - u->min_target) / 2, action_w - cp);
        }
        y += row_h;
        hrc_draw_rect(u->list, (hrc_rect){u->x, u->view.y + y - 1 - u->scroll, u->w, 1},
                      p->border, 0);
    }
    u->y = y + u->pad;
    /* Said as text, a module a line. */
    for (size_t m = 0; m < nm; m++) {
        const hrc_module_progress *r = module_row(st, app, m);
        char fig[5][96], said[800];
        module_figures(st, r, m, fig);
        snprintf(said, sizeof said, _("Module %d: %s"), (int)m + 1, trainer_module_title(app, m));
        size_t n = strlen(said);
        snprintf(said + n, sizeof said - n, ", %s; %s %s; %s %s; %s %s; %s %s", 
                 trainer_status_word(status_of(r)), heads[2], fig[0], heads[3], fig[1], heads[4],
                 fig[2], heads[5], fig[3]);
        ui_say(u, said);
    }
    return true;
}

static void draw_view(ui *u, const learner_state *st)
{
    const hrc_palette *p = u->pal;
    const hrc_learner *l = &st->learner;
    char line[UI_NAME_MAX + 400];
    ui_plain(u, l->pin_reset  ? _("Their PIN was reset: the next person to sign in with this "
                                  "name chooses a new one.")
                : l->has_pin ? _("They have a PIN.")
                             : _("They have no PIN: whoever chooses their name opens their "
                                 "progress."),
             0, u->px, p->text);
    if (l->pin_failures > 0) {
        snprintf(line, sizeof line,
                 ngettext("%d wrong PIN in a row since the last right one.",
                          "%d wrong PINs in a row since the last right one.",
                          (unsigned long)l->pin_failures),
                 l->pin_failures);
        ui_plain(u, line, 0, u->px, p->wrong);
    }
    if (st->wait_until > u->app->now) {
        char left[64];
        pin_format_wait((int64_t)(st->wait_until - u->app->now), left, sizeof left);
        snprintf(line, sizeof line, _("Locked: the next try can be made in %s."), left);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->wrong);
    }
    ui_gap(u, u->pad / 2);
    if (l->has_pin)
        trainer_button(u, ICON_LOCK_RESET, _("Reset the PIN"), ACT_RESET_PIN, 0, BTN_QUIET);
    if (l->pin_failures > 0)
        trainer_button(u, NULL, _("Clear the wrong tries"), ACT_CLEAR_LOCK, 0, BTN_QUIET);
    trainer_button(u, ICON_RENAME, _("Rename"), ACT_RENAME, 0, BTN_QUIET);
    trainer_button(u, ICON_MOVE, _("Move to a group"), ACT_MOVE, 0, BTN_QUIET);
    trainer_button(u, ICON_MERGE, _("Merge with another profile"), ACT_MERGE, 0, BTN_QUIET);
    trainer_button(u, ICON_DELETE, _("Delete\xe2\x80\xa6"), ACT_DELETE_ASK, 0, BTN_QUIET);
    ui_flow_end(u);
    if (l->has_pin)
        ui_plain(u, _("Reset a forgotten PIN with the learner there: until they choose a new "
                      "one, whoever signs in with their name does."),
                 0, u->small_px, p->muted);
    ui_gap(u, u->pad);
    ui_plain(u, _("Modules"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    if (draw_modules_table(u, st))
        return;
    for (size_t m = 0; m < u->app->cfg.course->n_modules; m++)
        draw_module(u, st, m);
}

static void learner_draw(ui *u)
{
    learner_state *st = learner_of(u->app);
    if (!st)
        return;
    trainer_wide(u, u->px * 64);
    if (!st->found) {
        trainer_heading(u, ICON_PERSON, _("Learner"), NULL);
        ui_plain(u, _("This learner is no longer on this kiosk."), 0, u->px, u->pal->text);
        return;
    }
    char sub[HRC_GROUP_NAME_MAX + 200];
    if (st->signed_up[0])
        snprintf(sub, sizeof sub, _("Group: %s \xc2\xb7 signed up on %s"), st->group_name,
                 st->signed_up);
    else
        snprintf(sub, sizeof sub, _("Group: %s"), st->group_name);
    trainer_heading(u, ICON_PERSON, st->learner.name, sub);
    switch (st->mode) {
    case MODE_VIEW: draw_view(u, st); break;
    case MODE_RESET_ASK: draw_reset_ask(u, st); break;
    case MODE_RENAME: draw_rename(u, st); break;
    case MODE_MOVE: draw_move(u, st); break;
    case MODE_MERGE_PICK: draw_merge_pick(u, st); break;
    case MODE_MERGE_ASK: draw_merge_ask(u, st); break;
    case MODE_DELETE_ASK: draw_delete_ask(u, st); break;
    }
}

static void learner_bar(ui *u)
{
    learner_state *st = learner_of(u->app);
    if (!st)
        return;
    /* Lock stays at the bottom left on every trainer screen; Cancel goes
     * beside the action it cancels. */
    trainer_bar_lock(u);
    if (st->mode == MODE_RENAME) {
        ui_bar_add(u, true, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_QUIET);
        ui_bar_main(u, ICON_DONE, _("Save the name"), ACT_RENAME_SAVE, 0);
    } else if (st->mode == MODE_MERGE_PICK) {
        ui_bar_add(u, true, NULL, _("Cancel"), ACT_CANCEL, 0, BTN_QUIET);
    }
    trainer_bar_status(u, &st->base);
}

/* ---- Actions ----------------------------------------------------------- */

/* The learner signed in on the kiosk beneath: their session ends first
 * (what the facilitator changes would not match what it holds). */
static void sign_out_if(hrc_app *app, int64_t a, int64_t b)
{
    if (app->signed_in && app->learner_id && (app->learner_id == a || app->learner_id == b))
        app_sign_out_beneath(app, HRC_END_SIGN_OUT);
}

static void back_to_view(hrc_app *app, learner_state *st, int focus)
{
    st->mode = MODE_VIEW;
    st->typed[0] = '\0';
    forget_others(st);
    hrc_nav_top(&app->nav)->scroll = 0;
    trainer_focus_on(app, &st->base, focus);
}

static void do_reset_attempts(hrc_app *app, learner_state *st)
{
    hrc_progress *store = app->cfg.progress;
    const hrc_module *m = ui_module(app, st->module);
    if (!m)
        return;
    sign_out_if(app, st->id, st->id);
    int rc = hrc_progress_reset_attempts(store, st->id, m->id, NULL);
    if (rc == HRC_PROGRESS_OK)
        trainer_say(&st->base, false,
                    _("The attempts of module %d were reset: %s starts its quiz again at "
                      "attempt 1."),
                    st->module + 1, st->learner.name);
    else
        trainer_say(&st->base, true, _("Could not reset the attempts: %s"),
                    hrc_progress_errmsg(store));
    reread(app, st);
}

static void do_rename(hrc_app *app, learner_state *st)
{
    hrc_progress *store = app->cfg.progress;
    char before[UI_NAME_MAX];
    snprintf(before, sizeof before, "%s", st->learner.name);
    int rc = hrc_progress_rename_learner(store, st->id, st->typed);
    if (rc != HRC_PROGRESS_OK) {
        trainer_say(&st->base, true, _("Could not rename %s: %s"), before,
                    hrc_progress_errmsg(store));
        return; /* the name stays typed, to correct */
    }
    reread(app, st);
    if (app->signed_in && app->learner_id == st->id)
        snprintf(app->learner_name, sizeof app->learner_name, "%s", st->learner.name);
    trainer_say(&st->base, false, _("%s is now called %s."), before, st->learner.name);
    back_to_view(app, st, ACT_RENAME);
}

static void do_move(hrc_app *app, learner_state *st, int64_t group)
{
    hrc_progress *store = app->cfg.progress;
    int rc = hrc_progress_set_learner_group(store, st->id, group);
    if (rc == HRC_PROGRESS_OK) {
        reread(app, st);
        trainer_say(&st->base, false, _("%s is now in: %s."), st->learner.name,
                    st->group_name);
    } else {
        trainer_say(&st->base, true, _("Could not move %s: %s"), st->learner.name,
                    hrc_progress_errmsg(store));
    }
    back_to_view(app, st, ACT_MOVE);
}

static unsigned do_merge(hrc_app *app, learner_state *st)
{
    hrc_progress *store = app->cfg.progress;
    const hrc_learner *o = other_learner(st);
    if (!o)
        return HRC_APP_REDRAW;
    int64_t keep = st->keep_other ? o->id : st->id, gone = st->keep_other ? st->id : o->id;
    char keep_name[UI_NAME_MAX], gone_name[UI_NAME_MAX];
    snprintf(keep_name, sizeof keep_name, "%s", st->keep_other ? o->name : st->learner.name);
    snprintf(gone_name, sizeof gone_name, "%s", st->keep_other ? st->learner.name : o->name);
    sign_out_if(app, keep, gone);
    hrc_merge_stats stats = {0};
    int rc = hrc_progress_merge_learners(store, keep, gone, &stats);
    if (rc != HRC_PROGRESS_OK) {
        trainer_say(&st->base, true, _("Could not merge the two profiles: %s"),
                    hrc_progress_errmsg(store));
        back_to_view(app, st, ACT_MERGE);
        return HRC_APP_REDRAW;
    }
    /* This screen shows the profile kept from now on. */
    st->id = keep;
    if (keep <= INT_MAX)
        hrc_nav_top(&app->nav)->item = (int)keep;
    reread(app, st);
    trainer_say(&st->base, false,
                ngettext("%s was merged into %s: %zu record moved.",
                         "%s was merged into %s: %zu records moved.",
                         (unsigned long)stats.events_moved),
                gone_name, keep_name, stats.events_moved);
    back_to_view(app, st, ACT_MERGE);
    return HRC_APP_REDRAW;
}

static unsigned do_delete(hrc_app *app, learner_state *st)
{
    hrc_progress *store = app->cfg.progress;
    char name[UI_NAME_MAX];
    snprintf(name, sizeof name, "%s", st->learner.name);
    int64_t id = st->id;
    sign_out_if(app, id, id);
    int rc = hrc_progress_delete_learner(store, id);
    if (rc != HRC_PROGRESS_OK) {
        trainer_say(&st->base, true, _("Could not delete %s: %s"), name,
                    hrc_progress_errmsg(store));
        back_to_view(app, st, ACT_DELETE_ASK);
        return HRC_APP_REDRAW;
    }
    char line[UI_NAME_MAX + 128];
    snprintf(line, sizeof line, _("%s and all their records were deleted."), name);
    app_reload_learners(app);
    class_refresh(app);
    app_back(app); /* st is gone from here */
    class_tell(app, line, false);
    hrc_nav_top(&app->nav)->focus = -1;
    return HRC_APP_REDRAW;
}

static unsigned learner_activate(hrc_app *app, int action, int arg)
{
    learner_state *st = learner_of(app);
    hrc_progress *store = app->cfg.progress;
    if (!st || !store)
        return HRC_APP_REDRAW;
    if (action == ACT_TRAINER_LOCK)
        return trainer_lock(app);
    if (!st->found && action != ACT_CANCEL)
        return HRC_APP_REDRAW;
    int rc;
    switch (action) {
    case ACT_RESET_PIN:
    case ACT_CLEAR_LOCK:
        rc = action == ACT_RESET_PIN ? hrc_progress_reset_learner_pin(store, st->id)
                                     : hrc_progress_clear_learner_pin_lock(store, st->id);
        if (rc == HRC_PROGRESS_OK)
            trainer_say(&st->base, false, "%s",
                        action == ACT_RESET_PIN
                            ? _("The PIN was reset. The learner chooses a new one at their next "
                                "sign-in.")
                            : _("The wrong tries were cleared: the PIN can be tried at once."));
        else
            trainer_say(&st->base, true, "%s", hrc_progress_errmsg(store));
        reread(app, st);
        trainer_focus_on(app, &st->base, ACT_RENAME);
        break;
    case ACT_RESET_ASK:
        if (ui_module(app, arg)) {
            st->module = arg;
            st->mode = MODE_RESET_ASK;
            st->base.status[0] = '\0';
            hrc_nav_top(&app->nav)->scroll = 0;
            trainer_focus_on(app, &st->base, ACT_CANCEL); /* Enter by mistake resets nothing */
        }
        break;
    case ACT_RESET_YES:
        if (st->mode == MODE_RESET_ASK)
            do_reset_attempts(app, st);
        back_to_view(app, st, ACT_RESET_ASK);
        break;
    case ACT_RENAME:
        st->mode = MODE_RENAME;
        snprintf(st->typed, sizeof st->typed, "%s", st->learner.name);
        st->keys = (osk){0};
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_RENAME_SAVE:
        if (st->mode == MODE_RENAME)
            do_rename(app, st);
        break;
    case ACT_MOVE:
        st->mode = MODE_MOVE;
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, ACT_MOVE_TO);
        break;
    case ACT_MOVE_TO:
        if (st->mode == MODE_MOVE)
            do_move(app, st, arg);
        break;
    case ACT_MERGE:
        st->base.status[0] = '\0';
        merge_open(app, st);
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, ACT_MERGE_PICK);
        break;
    case ACT_MERGE_PICK:
        if (st->mode == MODE_MERGE_PICK && arg >= 0 && (size_t)arg < st->n_others) {
            st->other = st->others[arg].id;
            st->keep_other = false;
            st->mode = MODE_MERGE_ASK;
            hrc_nav_top(&app->nav)->scroll = 0;
            trainer_focus_on(app, &st->base, ACT_CANCEL);
        }
        break;
    case ACT_MERGE_SWAP:
        st->keep_other = !st->keep_other;
        trainer_focus_on(app, &st->base, ACT_MERGE_SWAP);
        break;
    case ACT_MERGE_YES:
        if (st->mode == MODE_MERGE_ASK)
            return do_merge(app, st);
        break;
    case ACT_DELETE_ASK:
        st->mode = MODE_DELETE_ASK;
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, ACT_CANCEL); /* Enter by mistake deletes nothing */
        break;
    case ACT_DELETE_YES:
        if (st->mode == MODE_DELETE_ASK)
            return do_delete(app, st);
        break;
    case ACT_CANCEL: {
        static const int back_to[] = {
            [MODE_VIEW] = 0, [MODE_RESET_ASK] = ACT_RESET_ASK, [MODE_RENAME] = ACT_RENAME,
            [MODE_MOVE] = ACT_MOVE, [MODE_MERGE_PICK] = ACT_MERGE, [MODE_MERGE_ASK] = ACT_MERGE,
            [MODE_DELETE_ASK] = ACT_DELETE_ASK,
        };
        back_to_view(app, st, back_to[st->mode]);
        break;
    }
    case ACT_KEY: {
        hrc_input in;
        if ((st->mode == MODE_RENAME || st->mode == MODE_MERGE_PICK) &&
            osk_press(&st->keys, arg, st->typed, &in))
            return screen_learner_admin.text(app, &in);
        break;
    }
    case ACT_FIELD:
        break;
    }
    return HRC_APP_REDRAW;
}

bool learner_admin_wants_text(const hrc_app *app)
{
    const learner_state *st = learner_of(app);
    return st && (st->mode == MODE_RENAME || st->mode == MODE_MERGE_PICK);
}

static unsigned learner_text(hrc_app *app, const hrc_input *in)
{
    learner_state *st = learner_of(app);
    if (!st || (st->mode != MODE_RENAME && st->mode != MODE_MERGE_PICK))
        return 0;
    unsigned eff = trainer_type(st->typed, sizeof st->typed, in);
    if (eff && st->mode == MODE_MERGE_PICK)
        find_others(st);
    return eff;
}

static unsigned learner_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    learner_state *st = learner_of(app);
    if (!st)
        return 0;
    int f = hrc_nav_top(&app->nav)->focus;
    if (in->kind == HRC_IN_ACTIVATE && st->mode == MODE_RENAME &&
        (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_FIELD))) {
        *handled = true; /* Enter after the name saves it */
        return learner_activate(app, ACT_RENAME_SAVE, 0);
    }
    if (in->kind == HRC_IN_BACK && st->mode != MODE_VIEW) {
        *handled = true; /* Escape cancels the question, not the screen */
        return learner_activate(app, ACT_CANCEL, 0);
    }
    return 0;
}

static int64_t learner_timer(const hrc_app *app, uint64_t now)
{
    const learner_state *st = learner_of(app);
    if (!st || !st->wait_until || st->mode != MODE_VIEW)
        return -1;
    if (st->wait_until <= now)
        return 0;
    uint64_t left = st->wait_until - now;
    return (int64_t)(left % 1000u ? left % 1000u : 1000u);
}

static unsigned learner_tick(hrc_app *app, uint64_t now)
{
    learner_state *st = learner_of(app);
    if (!st || !st->wait_until)
        return 0;
    if (st->wait_until <= now)
        st->wait_until = 0;
    return HRC_APP_REDRAW; /* the countdown moved */
}

const screen_ops screen_learner_admin = {.state_size = sizeof(learner_state),
                                         .init = learner_init, .fini = learner_fini,
                                         .draw = learner_draw, .activate = learner_activate,
                                         .key = learner_key, .text = learner_text,
                                         .bar = learner_bar, .timer = learner_timer,
                                         .tick = learner_tick};
