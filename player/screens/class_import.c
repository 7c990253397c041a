/*
 * A class list from a USB stick, a trainer's screen (screens/trainer.h):
 * choose the stick, then one of the .csv files on it (app->host lists
 * them), see what the import would do (hrc_progress_import_class with
 * dry_run: how many learners would be added, the duplicates skipped, the
 * groups made, each problem with its line number), choose the group of the
 * lines that name none, then import it for real (all of it or nothing).
 *
 * Reading a list takes a moment for a long one: the screen says so first,
 * then reads at the next tick, never inside a frame.
 */
#include "screens/trainer.h"

#include "screens/icons.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_DRIVE = ACT_SCREEN, /* arg: index in folders */
    ACT_FILE,               /* arg: index in files */
    ACT_LOOK_AGAIN,
    ACT_OTHER_DRIVE,
    ACT_OTHER_FILE,
    ACT_GROUP,              /* arg: -1 the default, else index in groups */
    ACT_IMPORT,
    ACT_DONE,
};

enum { JOB_PREVIEW = 1, JOB_IMPORT };

typedef enum step { STEP_DRIVE, STEP_FILE, STEP_PREVIEW, STEP_DONE } step;

#define ISSUES_SHOWN 60

typedef struct import_state {
    trainer_base base;
    step step;
    trainer_folders folders;
    int drive;
    hrc_host_file files[HRC_HOST_FILES_MAX];
    size_t n_files;
    int file;
    hrc_group *groups;
    size_t n_groups;
    int64_t open_group;
    int group;                /* -1: lines without a group join the open one (or none) */
    int result;               /* of the last preview or import */
    char message[HRC_PROGRESS_MSG_MAX];
    hrc_roster_report report;
} import_state;

static import_state *import_of(const hrc_app *app)
{
    return trainer_state(app, HRC_SCREEN_CLASS_IMPORT);
}

static void read_groups(hrc_app *app, import_state *st)
{
    free(st->groups);
    st->groups = NULL;
    st->n_groups = 0;
    if (hrc_progress_list_groups(app->cfg.progress, &st->groups, &st->n_groups) !=
        HRC_PROGRESS_OK) {
        st->groups = NULL;
        st->n_groups = 0;
    }
    if (hrc_progress_open_group(app->cfg.progress, &st->open_group) != HRC_PROGRESS_OK)
        st->open_group = 0;
    if (st->group >= (int)st->n_groups)
        st->group = -1;
}

static void import_init(hrc_app *app, void *state)
{
    import_state *st = state;
    st->drive = st->file = st->group = -1;
    if (!app->cfg.progress)
        return;
    trainer_find_folders(app, &st->folders);
    read_groups(app, st);
}

static void import_fini(hrc_app *app, void *state)
{
    (void)app;
    import_state *st = state;
    free(st->groups);
    hrc_roster_report_free(&st->report);
}

static void list_files(hrc_app *app, import_state *st)
{
    st->n_files = 0;
    if (st->drive < 0 || (size_t)st->drive >= st->folders.n || !app->host->list_files)
        return;
    st->n_files = app->host->list_files(app->host->ctx, st->folders.list[st->drive].path, ".csv",
                                        st->files, HRC_HOST_FILES_MAX);
}

/* The dry run or the import itself: the slow part. */
static void run(hrc_app *app, import_state *st, bool for_real)
{
    hrc_progress *store = app->cfg.progress;
    if (st->file < 0 || (size_t)st->file >= st->n_files)
        return;
    hrc_roster_report_free(&st->report);
    memset(&st->report, 0, sizeof st->report);
    hrc_roster_options o = {.group = st->group >= 0 ? st->groups[st->group].name : NULL,
                            .dry_run = !for_real};
    st->result = hrc_progress_import_class(store, st->files[st->file].path, &o, &st->report);
    snprintf(st->message, sizeof st->message, "%s",
             st->result == HRC_PROGRESS_OK ? "" : hrc_progress_errmsg(store));
    hrc_nav_top(&app->nav)->scroll = 0;
    hrc_nav_top(&app->nav)->focus = -1;
    if (!for_real) {
        st->step = STEP_PREVIEW;
        return;
    }
    if (st->result == HRC_PROGRESS_OK) {
        st->step = STEP_DONE;
        trainer_say(&st->base, false,
                    ngettext("%zu learner was added from %s.", "%zu learners were added from %s.",
                             (unsigned long)st->report.learners_added),
                    st->report.learners_added, st->files[st->file].name);
        read_groups(app, st);
        class_refresh(app);
        app_reload_learners(app);
        signin_refresh(app);
    } else {
        st->step = STEP_PREVIEW;
        trainer_say(&st->base, true, _("Nothing was imported: %s"),
                    st->message[0] ? st->message : _("the file has problems (listed above)"));
    }
}

/* ---- Drawing ------------------------------------------------------------- */

static void draw_files(ui *u, const import_state *st)
{
    const hrc_palette *p = u->pal;
    const hrc_export_folder *d = &st->folders.list[st->drive];
    char line[HRC_EXPORT_PATH_MAX + 200], name[256];
    trainer_folder_name(d, name, sizeof name);
    snprintf(line, sizeof line, _("Class lists on %s:"), name);
    ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
    ui_gap(u, u->pad / 2);
    if (st->n_files == 0) {
        ui_plain(u, _("There is no .csv file here. Save the list from the spreadsheet as CSV "
                      "(\xe2\x80\x9c" "CSV UTF-8\xe2\x80\x9d in Excel), one name a line, the "
                      "group in a second column if you like, then look again."),
                 0, u->px, p->muted);
        ui_gap(u, u->pad / 2);
    }
    for (size_t i = 0; i < st->n_files; i++) {
        const hrc_host_file *f = &st->files[i];
        char size[64];
        if (f->size < 10240)
            snprintf(size, sizeof size, ngettext("%lld byte", "%lld bytes",
                                                 (unsigned long)f->size),
                     (long long)f->size);
        else
            snprintf(size, sizeof size, _("%lld kB"), (long long)(f->size / 1024));
        trainer_block(u, ICON_DESCRIPTION, size, f->name, ACT_FILE, (int)i, BTN_NORMAL);
    }
    ui_gap(u, u->pad / 2);
    trainer_button(u, ICON_RESTART, _("Look again"), ACT_LOOK_AGAIN, 0, BTN_QUIET);
    trainer_button(u, ICON_USB, _("Another drive"), ACT_OTHER_DRIVE, 0, BTN_QUIET);
    ui_flow_end(u);
}

static void draw_group_choice(ui *u, const import_state *st)
{
    char label[HRC_GROUP_NAME_MAX + 64];
    ui_plain(u, _("Learners whose line names no group join:"), HRC_FONT_BOLD, u->small_px,
             u->pal->text);
    if (st->open_group) {
        char open[HRC_GROUP_NAME_MAX + 32];
        trainer_group_label(st->open_group, st->groups, st->n_groups, open, sizeof open);
        snprintf(label, sizeof label, _("%s (the open group)"), open);
    } else {
        snprintf(label, sizeof label, "%s", _("No group"));
    }
    trainer_chip(u, label, st->group < 0, ACT_GROUP, -1);
    for (size_t i = 0; i < st->n_groups && i < 12; i++)
        if (st->groups[i].id != st->open_group)
            trainer_chip(u, st->groups[i].name, st->group == (int)i, ACT_GROUP, (int)i);
    ui_flow_end(u);
}

static void draw_preview(ui *u, const import_state *st)
{
    const hrc_palette *p = u->pal;
    const hrc_roster_report *r = &st->report;
    char line[HRC_EXPORT_PATH_MAX + 400];
    snprintf(line, sizeof line, _("What importing %s would do"), st->files[st->file].name);
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, p->text);
    if (st->result != HRC_PROGRESS_OK && r->errors == 0) {
        ui_plain(u, st->message, HRC_FONT_BOLD, u->px, p->wrong);
        ui_gap(u, u->pad / 2);
        trainer_button(u, NULL, _("Choose another file"), ACT_OTHER_FILE, 0, BTN_QUIET);
        ui_flow_end(u);
        return;
    }
    const char *sep = r->separator == ';'    ? _("semicolons")
                      : r->separator == ','  ? _("commas")
                      : r->separator == '\t' ? _("tabs")
                                             : _("one column");
    snprintf(line, sizeof line, _("Read as %s, %s, %s."), r->encoding ? r->encoding : "?", sep,
             r->header ? _("with a header line") : _("without a header line"));
    ui_plain(u, line, 0, u->small_px, p->muted);
    ui_gap(u, u->pad / 2);
    hrc_rect box;
    ui_box_begin(u, &box);
    snprintf(line, sizeof line, ngettext("%zu line with a learner", "%zu lines with a learner",
                                         (unsigned long)r->lines),
             r->lines);
    ui_plain(u, line, 0, u->px, p->text);
    bool refused = r->errors > 0;
    if (!refused) {
        snprintf(line, sizeof line,
                 ngettext("%zu learner will be added", "%zu learners will be added",
                          (unsigned long)r->learners_added),
                 r->learners_added);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
    }
    if (r->groups_added && !refused) {
        snprintf(line, sizeof line, ngettext("%zu new group", "%zu new groups",
                                             (unsigned long)r->groups_added),
                 r->groups_added);
        ui_plain(u, line, 0, u->px, p->text);
    }
    if (r->skipped) {
        snprintf(line, sizeof line,
                 ngettext("%zu duplicate skipped (listed below)",
                          "%zu duplicates skipped (listed below)", (unsigned long)r->skipped),
                 r->skipped);
        ui_plain(u, line, 0, u->px, p->text);
    }
    if (refused) {
        snprintf(line, sizeof line,
                 ngettext("%zu problem: nothing can be imported until it is corrected in the "
                          "spreadsheet.",
                          "%zu problems: nothing can be imported until they are corrected in "
                          "the spreadsheet.",
                          (unsigned long)r->errors),
                 r->errors);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->wrong);
    }
    ui_box_end(u, box, p->surface);
    if (!refused && st->step == STEP_PREVIEW)
        draw_group_choice(u, st);
    if (r->n_issues) {
        ui_gap(u, u->pad / 2);
        ui_plain(u, _("Line by line"), HRC_FONT_BOLD, u->px, p->text);
        for (size_t i = 0; i < r->n_issues && i < ISSUES_SHOWN; i++) {
            const hrc_roster_issue *is = &r->issues[i];
            int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px});
            int lh = u->m->line_height(u->m->ctx, (hrc_font){0, u->px});
            int iw = ui_icon(u, is->error ? ICON_WARNING : ICON_DASH, u->x, u->y + (lh - ih) / 2,
                             u->px, is->error ? p->wrong : p->muted);
            u->x += iw + u->pad / 3;
            u->w -= iw + u->pad / 3;
            ui_plain(u, is->message, is->error ? HRC_FONT_BOLD : 0, u->px,
                     is->error ? p->wrong : p->text);
            u->x -= iw + u->pad / 3;
            u->w += iw + u->pad / 3;
        }
        if (r->n_issues > ISSUES_SHOWN) {
            snprintf(line, sizeof line, _("And %zu more."), r->n_issues - ISSUES_SHOWN);
            ui_plain(u, line, 0, u->px, p->muted);
        }
    }
    ui_gap(u, u->pad / 2);
    trainer_button(u, NULL, _("Choose another file"), ACT_OTHER_FILE, 0, BTN_QUIET);
    ui_flow_end(u);
}

static void import_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    import_state *st = import_of(app);
    if (!st)
        return;
    trainer_wide(u, u->px * 48);
    trainer_heading(u, ICON_UPLOAD_FILE, _("Import a class list"),
                    _("Learners' profiles from a list of names saved from a spreadsheet (CSV): "
                      "one name a line, and the group in a second column if you like."));
    switch (st->step) {
    case STEP_DRIVE:
        trainer_draw_folders(u, &st->folders, _("Where is the list?"), ACT_DRIVE,
                             ACT_LOOK_AGAIN, ACT_DONE);
        break;
    case STEP_FILE:
        draw_files(u, st);
        break;
    case STEP_PREVIEW:
        draw_preview(u, st);
        break;
    case STEP_DONE: {
        hrc_rect box;
        char line[512];
        ui_box_begin(u, &box);
        snprintf(line, sizeof line,
                 ngettext("%zu learner was added.", "%zu learners were added.",
                          (unsigned long)st->report.learners_added),
                 st->report.learners_added);
        ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, p->text);
        if (st->report.skipped) {
            snprintf(line, sizeof line,
                     ngettext("%zu duplicate was skipped.", "%zu duplicates were skipped.",
                              (unsigned long)st->report.skipped),
                     st->report.skipped);
            ui_plain(u, line, 0, u->px, p->text);
        }
        ui_plain(u, _("They have no PIN yet: on a kiosk that asks for one, each chooses theirs "
                      "at their first sign-in."),
                 0, u->px, p->text);
        ui_box_end(u, box, p->surface);
        trainer_button(u, NULL, _("Import another list"), ACT_OTHER_FILE, 0, BTN_QUIET);
        ui_flow_end(u);
        break;
    }
    }
}

static void import_bar(ui *u)
{
    import_state *st = import_of(u->app);
    if (!st)
        return;
    trainer_bar_lock(u);
    if (st->step == STEP_PREVIEW && st->result == HRC_PROGRESS_OK && !st->report.errors &&
        st->report.learners_added) {
        char label[128];
        snprintf(label, sizeof label,
                 ngettext("Import %zu learner", "Import %zu learners",
                          (unsigned long)st->report.learners_added),
                 st->report.learners_added);
        ui_bar_main(u, ICON_UPLOAD_FILE, label, ACT_IMPORT, 0);
    } else if (st->step == STEP_DONE) {
        ui_bar_main(u, ICON_CLASS, _("See the class"), ACT_DONE, 0);
    }
    trainer_bar_status(u, &st->base);
}

static unsigned import_activate(hrc_app *app, int action, int arg)
{
    import_state *st = import_of(app);
    if (!st || !app->cfg.progress)
        return HRC_APP_REDRAW;
    if (st->base.pending)
        return 0; /* the work under way first */
    switch (action) {
    case ACT_TRAINER_LOCK:
        return trainer_lock(app);
    case ACT_DRIVE:
        if (arg < 0 || (size_t)arg >= st->folders.n)
            break;
        st->drive = arg;
        list_files(app, st);
        st->step = STEP_FILE;
        st->base.status[0] = '\0';
        trainer_focus_on(app, &st->base, st->n_files ? ACT_FILE : ACT_LOOK_AGAIN);
        break;
    case ACT_LOOK_AGAIN:
        if (st->step == STEP_FILE)
            list_files(app, st);
        else
            trainer_find_folders(app, &st->folders);
        trainer_focus_on(app, &st->base, ACT_LOOK_AGAIN);
        break;
    case ACT_OTHER_DRIVE:
        trainer_find_folders(app, &st->folders);
        st->step = STEP_DRIVE;
        trainer_focus_on(app, &st->base, ACT_DRIVE);
        break;
    case ACT_FILE:
        if (arg < 0 || (size_t)arg >= st->n_files)
            break;
        st->file = arg;
        trainer_busy(&st->base, JOB_PREVIEW, _("Reading the list\xe2\x80\xa6"));
        break;
    case ACT_OTHER_FILE:
        list_files(app, st);
        st->step = st->drive >= 0 ? STEP_FILE : STEP_DRIVE;
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, ACT_FILE);
        break;
    case ACT_GROUP:
        if (st->step == STEP_PREVIEW && arg >= -1 && arg < (int)st->n_groups) {
            st->group = arg;
            trainer_busy(&st->base, JOB_PREVIEW, _("Reading the list\xe2\x80\xa6"));
            trainer_focus_on(app, &st->base, ACT_GROUP);
        }
        break;
    case ACT_IMPORT:
        if (st->step == STEP_PREVIEW && !st->report.errors)
            trainer_busy(&st->base, JOB_IMPORT, _("Importing\xe2\x80\xa6"));
        break;
    case ACT_DONE:
        app_back(app); /* st is gone */
        break;
    }
    return HRC_APP_REDRAW;
}

static unsigned import_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    import_state *st = import_of(app);
    if (st && trainer_waits(&st->base, in))
        *handled = true; /* the work under way first */
    return 0;
}

static unsigned import_tick(hrc_app *app, uint64_t now)
{
    (void)now;
    import_state *st = import_of(app);
    if (!st || !app->cfg.progress)
        return 0;
    switch (trainer_take_job(&st->base)) {
    case JOB_PREVIEW: run(app, st, false); return HRC_APP_REDRAW;
    case JOB_IMPORT: run(app, st, true); return HRC_APP_REDRAW;
    default: return 0;
    }
}

const screen_ops screen_class_import = {.state_size = sizeof(import_state),
                                        .init = import_init, .fini = import_fini,
                                        .draw = import_draw, .activate = import_activate,
                                        .key = import_key, .bar = import_bar,
                                        .timer = trainer_screen_timer, .tick = import_tick};
