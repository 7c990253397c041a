/*
 * Reports and certificates, a trainer's screen (screens/trainer.h): the
 * class report (a PDF to print) and one signed certificate per learner who
 * completed the course, or one module, for the group the class dashboard
 * shows, written to a USB stick (io/paper.h: hrc_report_to_folder,
 * hrc_certificates_to_folder), on A4 or US Letter.
 *
 * Making PDFs takes from a tenth of a second to several seconds: the
 * screen says it is at work first, then makes them at the next tick,
 * never inside a frame.
 */
#include "screens/trainer.h"

#include "io/paper.h"
#include "screens/icons.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_REPORT = ACT_SCREEN,
    ACT_CERTIFICATES,
    ACT_SCOPE,  /* arg: -1 the course, else a module's index */
    ACT_PAPER,  /* arg: hrc_paper_size */
    ACT_FOLDER, /* arg: index in folders */
    ACT_LOOK_AGAIN,
    ACT_FOLDER_CANCEL,
};

enum { JOB_REPORT = 1, JOB_CERTIFICATES };

typedef struct paper_state {
    trainer_base base;
    int64_t group;
    char group_name[HRC_GROUP_NAME_MAX + 32];
    size_t learners;
    size_t finished;        /* completed every module */
    size_t *module_done;    /* per module: completed it */
    int scope;              /* -1: the course; else a module's index */
    hrc_paper_size paper;
    int choosing;           /* the folder is being chosen for this job; 0 none */
    trainer_folders folders;
    char to[HRC_EXPORT_PATH_MAX];
    char to_name[256];
} paper_state;

static paper_state *paper_of(const hrc_app *app)
{
    return trainer_state(app, HRC_SCREEN_PAPER);
}

/* Who could get a certificate: read on entering and after making them. */
static void paper_read(hrc_app *app, paper_state *st)
{
    const hrc_course *c = app->cfg.course;
    free(st->module_done);
    st->module_done = calloc(c->n_modules ? c->n_modules : 1, sizeof *st->module_done);
    st->learners = st->finished = 0;
    const char **ids = calloc(c->n_modules ? c->n_modules : 1, sizeof *ids);
    hrc_class_table *t = NULL;
    for (size_t m = 0; ids && m < c->n_modules; m++)
        ids[m] = c->modules[m]->id;
    if (ids && st->module_done &&
        hrc_progress_class_table(app->cfg.progress, st->group, ids, c->n_modules, &t) ==
            HRC_PROGRESS_OK) {
        st->learners = t->n_learners;
        for (size_t r = 0; r < t->n_learners; r++) {
            size_t done = 0;
            for (size_t m = 0; m < t->n_modules; m++) {
                bool d = hrc_class_table_cell(t, r, m)->status == HRC_CELL_COMPLETED;
                done += d;
                st->module_done[m] += d;
            }
            st->finished += t->n_modules && done == t->n_modules;
        }
    }
    hrc_class_table_free(t);
    free(ids);
}

static void paper_init(hrc_app *app, void *state)
{
    paper_state *st = state;
    st->group = class_group(app);
    st->scope = -1;
    st->paper = hrc_paper_from_locale();
    if (!app->cfg.progress)
        return;
    hrc_group *groups = NULL;
    size_t n = 0;
    if (hrc_progress_list_groups(app->cfg.progress, &groups, &n) != HRC_PROGRESS_OK) {
        groups = NULL;
        n = 0;
    }
    trainer_group_label(st->group, groups, n, st->group_name, sizeof st->group_name);
    free(groups);
    paper_read(app, st);
}

static void paper_fini(hrc_app *app, void *state)
{
    (void)app;
    free(((paper_state *)state)->module_done);
}

static size_t eligible(const hrc_app *app, const paper_state *st)
{
    if (st->scope < 0)
        return st->finished;
    return st->module_done && (size_t)st->scope < app->cfg.course->n_modules
               ? st->module_done[st->scope]
               : 0;
}

/* ---- Drawing ------------------------------------------------------------- */

static void section(ui *u, const char *icon, const char *title)
{
    const hrc_palette *p = u->pal;
    int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->h2_px});
    int th = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, u->h2_px});
    int iw = ui_icon(u, icon, u->x, u->y + (th - ih) / 2, u->h2_px, p->accent);
    u->x += iw + u->pad / 2;
    u->w -= iw + u->pad / 2;
    ui_plain(u, title, HRC_FONT_BOLD, u->h2_px, p->text);
    u->x -= iw + u->pad / 2;
    u->w += iw + u->pad / 2;
    ui_gap(u, u->pad / 3);
}

static void paper_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    paper_state *st = paper_of(app);
    if (!st)
        return;
    trainer_wide(u, u->px * 48);
    char line[HRC_GROUP_NAME_MAX + 300];
    snprintf(line, sizeof line,
             ngettext("%s \xc2\xb7 %zu learner", "%s \xc2\xb7 %zu learners",
                      (unsigned long)st->learners),
             st->group_name, st->learners);
    trainer_heading(u, ICON_PRINT, _("Reports and certificates"), line);
    if (st->choosing) {
        trainer_draw_folders(u, &st->folders,
                             st->choosing == JOB_REPORT
                                 ? _("Choose where to save the class report (PDF):")
                                 : _("Choose where to save the certificates (one PDF each):"),
                             ACT_FOLDER, ACT_LOOK_AGAIN, ACT_FOLDER_CANCEL);
        return;
    }
    /* The paper first: it applies to both, and is read before saving. */
    ui_plain(u, _("Paper size:"), HRC_FONT_BOLD, u->small_px, p->muted);
    trainer_chip(u, _("A4"), st->paper == HRC_PAPER_A4, ACT_PAPER, HRC_PAPER_A4);
    trainer_chip(u, _("US Letter"), st->paper == HRC_PAPER_LETTER, ACT_PAPER, HRC_PAPER_LETTER);
    ui_flow_end(u);
    ui_gap(u, u->pad / 2);
    hrc_rect box;
    ui_box_begin(u, &box);
    section(u, ICON_DESCRIPTION, _("Class report"));
    ui_plain(u, _("A PDF to print in black and white: the class table, how many completed and "
                  "passed each module, and the questions the room got wrong, hardest first."),
             0, u->px, p->text);
    ui_gap(u, u->pad / 2);
    trainer_button(u, ICON_USB, _("Save the class report to a USB stick"), ACT_REPORT, 0,
                   BTN_NORMAL);
    ui_flow_end(u);
    ui_box_end(u, box, p->surface);

    ui_box_begin(u, &box);
    section(u, ICON_CERTIFICATE, _("Certificates"));
    ui_plain(u, _("One certificate of completion per learner, signed by this kiosk, with a "
                  "number and a QR code anyone can check."),
             0, u->px, p->text);
    ui_gap(u, u->pad / 3);
    ui_plain(u, _("For:"), HRC_FONT_BOLD, u->small_px, p->muted);
    trainer_chip(u, _("The whole course"), st->scope < 0, ACT_SCOPE, -1);
    for (size_t m = 0; m < app->cfg.course->n_modules; m++) {
        char label[64];
        snprintf(label, sizeof label, _("Module %d"), (int)m + 1);
        trainer_chip(u, label, st->scope == (int)m, ACT_SCOPE, (int)m);
    }
    ui_flow_end(u);
    size_t n = eligible(app, st);
    if (st->scope >= 0)
        ui_plain(u, trainer_module_title(app, (size_t)st->scope), 0, u->small_px, p->muted);
    if (n)
        snprintf(line, sizeof line,
                 st->scope < 0 ? ngettext("%zu learner of %zu completed the course.",
                                          "%zu learners of %zu completed the course.",
                                          (unsigned long)n)
                               : ngettext("%zu learner of %zu completed this module.",
                                          "%zu learners of %zu completed this module.",
                                          (unsigned long)n),
                 n, st->learners);
    else
        snprintf(line, sizeof line, "%s",
                 st->scope < 0 ? _("Nobody here has completed the course yet.")
                               : _("Nobody here has completed this module yet."));
    ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
    ui_gap(u, u->pad / 2);
    if (n)
        trainer_button(u, ICON_USB, _("Save the certificates to a USB stick"), ACT_CERTIFICATES,
                       0, BTN_NORMAL);
    ui_flow_end(u);
    ui_box_end(u, box, p->surface);

}

static void paper_bar(ui *u)
{
    paper_state *st = paper_of(u->app);
    if (!st)
        return;
    trainer_bar_lock(u);
    trainer_bar_status(u, &st->base);
}

/* ---- The work ------------------------------------------------------------ */

static void make(hrc_app *app, paper_state *st, int job)
{
    hrc_progress *store = app->cfg.progress;
    const hrc_module *m = st->scope >= 0 ? ui_module(app, st->scope) : NULL;
    hrc_paper_options o = {.group = st->group, .paper = st->paper,
                           .fonts_dir = app->cfg.fonts_dir, .module_id = m ? m->id : NULL};
    char err[HRC_PAPER_MSG_MAX] = "", out[HRC_PROGRESS_PATH_MAX] = "";
    int rc;
    if (job == JOB_REPORT) {
        rc = hrc_report_to_folder(store, app->cfg.course, &o, st->to, out, err, sizeof err);
        const char *name = strrchr(out, '/');
        if (rc == HRC_PROGRESS_OK)
            trainer_say(&st->base, false, _("The class report was saved in %s: %s."),
                        st->to_name, name ? name + 1 : out);
        else
            trainer_say(&st->base, true, _("Could not save the class report in %s: %s"),
                        st->to_name, err[0] ? err : hrc_progress_errmsg(store));
    } else {
        hrc_certificates_result r = {0};
        rc = hrc_certificates_to_folder(store, app->cfg.course, &o, st->to, out, &r, err,
                                        sizeof err);
        const char *name = strrchr(out, '/');
        if (rc == HRC_PROGRESS_OK)
            trainer_say(&st->base, false,
                        ngettext("%zu certificate was saved in %s, in the folder %s.",
                                 "%zu certificates were saved in %s, in the folder %s.",
                                 (unsigned long)r.written),
                        r.written, st->to_name, name ? name + 1 : out);
        else
            trainer_say(&st->base, true,
                        _("Could not save the certificates in %s (%zu of %zu saved): %s"),
                        st->to_name, r.written, r.eligible,
                        err[0] ? err : hrc_progress_errmsg(store));
        paper_read(app, st);
    }
}

static unsigned paper_activate(hrc_app *app, int action, int arg)
{
    paper_state *st = paper_of(app);
    if (!st || !app->cfg.progress)
        return HRC_APP_REDRAW;
    if (st->base.pending)
        return 0; /* the work under way first */
    switch (action) {
    case ACT_TRAINER_LOCK:
        return trainer_lock(app);
    case ACT_REPORT:
    case ACT_CERTIFICATES:
        st->choosing = action == ACT_REPORT ? JOB_REPORT : JOB_CERTIFICATES;
        /* fall through */
    case ACT_LOOK_AGAIN:
        trainer_find_folders(app, &st->folders);
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, st->folders.n ? ACT_FOLDER : ACT_LOOK_AGAIN);
        break;
    case ACT_FOLDER:
        if (st->choosing && arg >= 0 && (size_t)arg < st->folders.n) {
            snprintf(st->to, sizeof st->to, "%s", st->folders.list[arg].path);
            trainer_folder_name(&st->folders.list[arg], st->to_name, sizeof st->to_name);
            trainer_busy(&st->base, st->choosing,
                         st->choosing == JOB_REPORT
                             ? _("Making the class report\xe2\x80\xa6")
                             : _("Making and signing the certificates\xe2\x80\xa6"));
            st->choosing = 0;
            hrc_nav_top(&app->nav)->focus = -1;
        }
        break;
    case ACT_FOLDER_CANCEL:
        trainer_focus_on(app, &st->base,
                         st->choosing == JOB_REPORT ? ACT_REPORT : ACT_CERTIFICATES);
        st->choosing = 0;
        break;
    case ACT_SCOPE:
        if (arg >= -1 && arg < (int)app->cfg.course->n_modules)
            st->scope = arg;
        trainer_focus_on(app, &st->base, ACT_SCOPE);
        break;
    case ACT_PAPER:
        if (arg == HRC_PAPER_A4 || arg == HRC_PAPER_LETTER)
            st->paper = (hrc_paper_size)arg;
        trainer_focus_on(app, &st->base, ACT_PAPER);
        break;
    }
    return HRC_APP_REDRAW;
}

static unsigned paper_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    paper_state *st = paper_of(app);
    if (!st)
        return 0;
    if (trainer_waits(&st->base, in)) {
        *handled = true; /* the work under way first */
        return 0;
    }
    if (in->kind == HRC_IN_BACK && st->choosing) {
        *handled = true;
        return paper_activate(app, ACT_FOLDER_CANCEL, 0);
    }
    return 0;
}

static unsigned paper_tick(hrc_app *app, uint64_t now)
{
    (void)now;
    paper_state *st = paper_of(app);
    if (!st || !app->cfg.progress)
        return 0;
    int job = trainer_take_job(&st->base);
    if (!job)
        return 0;
    make(app, st, job);
    return HRC_APP_REDRAW;
}

const screen_ops screen_paper = {.state_size = sizeof(paper_state), .init = paper_init,
                                 .fini = paper_fini, .draw = paper_draw,
                                 .activate = paper_activate, .key = paper_key,
                                 .bar = paper_bar, .timer = trainer_screen_timer,
                                 .tick = paper_tick};
