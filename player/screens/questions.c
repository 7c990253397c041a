/*
 * The questions the room got wrong, a trainer's screen (screens/trainer.h),
 * for the group the class dashboard shows: every quiz question of the
 * course, hardest first, with how many learners answered it, the share
 * right on their first try (as a bar and in words), the wrong answer
 * given most (core/itemstats.h hrc_itemstats_describe) and the
 * discrimination index with a reading in plain words. Saved as CSV to a
 * USB stick (hrc_progress_export_item_stats_to_folder).
 *
 * The figures come from every answer of the group: for a large class that
 * takes a moment, so they are counted at the tick after the screen first
 * says so, never inside a frame.
 *
 * "Show on the projector" opens presenter mode (screens/present.h) for
 * the same group: one question at a time, large, on a projector.
 */
#include "screens/trainer.h"

#include "core/itemstats.h"
#include "screens/icons.h"
#include "screens/present.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


enum {
    ACT_EXPORT_OPEN = ACT_SCREEN,
    ACT_EXPORT_TO, /* arg: index in folders */
    ACT_EXPORT_LOOK_AGAIN,
    ACT_EXPORT_CLOSE,
    ACT_PRESENT,
};

enum { JOB_COUNT = 1, JOB_EXPORT };

typedef struct questions_state {
    trainer_base base;
    int64_t group;
    char group_name[HRC_GROUP_NAME_MAX + 32];
    bool loaded, failed;
    char error[HRC_PROGRESS_MSG_MAX];
    hrc_itemstats *stats;
    const hrc_item_stat *items; /* hardest first; valid while stats lives */
    size_t n_items, n_answered, learners;
    char (*wrong)[512];         /* each item's wrong answer given most, in words */
    bool exporting;
    trainer_folders folders;
    char export_to[HRC_EXPORT_PATH_MAX];
} questions_state;

static questions_state *questions_of(const hrc_app *app)
{
    return trainer_state(app, HRC_SCREEN_QUESTIONS);
}

static void forget(questions_state *st)
{
    hrc_itemstats_free(st->stats);
    free(st->wrong);
    st->stats = NULL;
    st->items = NULL;
    st->wrong = NULL;
    st->n_items = st->n_answered = st->learners = 0;
}

static void questions_init(hrc_app *app, void *state)
{
    questions_state *st = state;
    st->group = class_group(app);
    hrc_group *groups = NULL;
    size_t n = 0;
    if (app->cfg.progress &&
        hrc_progress_list_groups(app->cfg.progress, &groups, &n) != HRC_PROGRESS_OK) {
        groups = NULL;
        n = 0;
    }
    trainer_group_label(st->group, groups, n, st->group_name, sizeof st->group_name);
    free(groups);
    if (app->cfg.progress) /* counted at the next tick, once this is on screen */
        trainer_busy(&st->base, JOB_COUNT, _("Counting the answers\xe2\x80\xa6"));
}

static void questions_fini(hrc_app *app, void *state)
{
    (void)app;
    forget(state);
}

/* Every answer of the group into the figures: the slow part. */
static void count(hrc_app *app, questions_state *st)
{
    hrc_progress *store = app->cfg.progress;
    forget(st);
    st->loaded = true;
    st->failed = hrc_progress_item_stats(store, app->cfg.course, st->group, &st->stats) !=
                 HRC_PROGRESS_OK;
    if (st->failed) {
        snprintf(st->error, sizeof st->error, "%s", hrc_progress_errmsg(store));
        return;
    }
    if (hrc_itemstats_compute(st->stats, &st->items, &st->n_items) != 0) {
        st->failed = true;
        snprintf(st->error, sizeof st->error, "%s", _("Out of memory."));
        return;
    }
    st->learners = hrc_itemstats_learners(st->stats);
    st->wrong = calloc(st->n_items ? st->n_items : 1, sizeof *st->wrong);
    for (size_t i = 0; i < st->n_items; i++) {
        const hrc_item_stat *it = &st->items[i];
        st->n_answered += it->answered > 0;
        if (!st->wrong)
            continue;
        if (it->wrong_choice >= 0)
            hrc_itemstats_describe(it->question, it->question->choices[it->wrong_choice].id,
                                   app->lang, it->module->default_lang, st->wrong[i],
                                   sizeof st->wrong[i]);
        else if (it->wrong_response)
            hrc_itemstats_describe(it->question, it->wrong_response, app->lang,
                                   it->module->default_lang, st->wrong[i], sizeof st->wrong[i]);
    }
}

/* The discrimination index in plain words. */
static const char *reading(const hrc_item_stat *it)
{
    if (!it->has_discrimination)
        return _("cannot be told yet: too few answers, or everyone gave the same");
    double d = it->discrimination;
    return d >= 0.3   ? _("separates well those who know the rest of the quiz from the others")
           : d >= 0.2 ? _("separates fairly")
           : d >= 0   ? _("separates poorly: it says little about what a learner knows")
                      : _("those who did well elsewhere got it wrong more often: read the "
                          "question and its key again");
}

/* "0.42" with the language's decimal mark. */
static void decimal(double v, char *out, size_t size)
{
    snprintf(out, size, "%.2f", v);
    const char *mark = C_("decimal mark", ".");
    char *dot = strchr(out, '.');
    if (dot && mark[0] && mark[0] != '.' && !mark[1])
        *dot = mark[0];
}

/* One question: its share right on the first try large at the left (the
 * colour and the words say the same), what it is and what the room
 * answered at the right. */
static void draw_item(ui *u, const questions_state *st, size_t i)
{
    const hrc_palette *p = u->pal;
    const hrc_item_stat *it = &st->items[i];
    const char *lang = u->app->lang;
    char line[1200], where[200];
    int pct = (int)(it->p_right * 100 + 0.5);
    hrc_rect box;
    ui_box_begin(u, &box);
    int x0 = u->x, w0 = u->w, y0 = u->y;
    /* The figure: "32 %" over "right the first time". */
    int tile = u->px * 7;
    bool side = u->w > tile * 4;
    if (side) {
        snprintf(line, sizeof line, _("%d%%"), pct);
        hrc_color c = pct < 50 ? p->wrong : pct < 80 ? p->text : p->right;
        int bh = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, u->h1_px});
        ui_line_at(u, line, HRC_FONT_BOLD, u->h1_px, c, x0, y0, tile - u->pad / 2);
        u->w = tile - u->pad / 2;
        u->y = y0 + bh;
        ui_plain(u, _("right the first time"), 0, u->small_px, p->muted);
        int bar = u->pad / 3 > 4 ? u->pad / 3 : 4;
        ui_progress(u, (hrc_rect){x0, u->y + bar, tile - u->pad, bar}, (int)it->right_first,
                    (int)it->answered);
        u->y += bar * 3;
        int tile_end = u->y;
        u->x = x0 + tile;
        u->w = w0 - tile;
        u->y = y0;
        y0 = tile_end;
    }
    snprintf(where, sizeof where, _("Module %zu \xc2\xb7 quiz %zu \xc2\xb7 question %zu"),
             it->module_index + 1, it->quiz_number, it->question_number);
    snprintf(line, sizeof line, _("Hardest %zu \xc2\xb7 %s"), i + 1, where);
    ui_plain(u, line, HRC_FONT_BOLD, u->small_px, p->muted);
    ui_plain(u, hrc_text_plain(&it->question->prompt, lang, it->module->default_lang),
             HRC_FONT_BOLD, u->px, p->text);
    ui_gap(u, u->pad / 3);
    snprintf(line, sizeof line,
             ngettext("%zu of %zu learner right on the first try (%d%%)",
                      "%zu of %zu learners right on the first try (%d%%)",
                      (unsigned long)it->answered),
             it->right_first, it->answered, pct);
    ui_plain(u, line, 0, u->px, p->text);
    if (!side) {
        int bar = u->pad / 2 > 6 ? u->pad / 2 : 6;
        ui_progress(u, (hrc_rect){u->x, u->y + bar / 2, u->w, bar}, (int)it->right_first,
                    (int)it->answered);
        u->y += bar * 2;
    }
    if (st->wrong && st->wrong[i][0]) {
        size_t times = it->wrong_choice >= 0 ? it->wrong_choice_count : it->wrong_response_count;
        snprintf(line, sizeof line,
                 ngettext("Wrong answer given most: \xe2\x80\x9c%s\xe2\x80\x9d, by %zu learner",
                          "Wrong answer given most: \xe2\x80\x9c%s\xe2\x80\x9d, by %zu learners",
                          (unsigned long)times),
                 st->wrong[i], times);
        ui_plain(u, line, 0, u->px, p->text);
    }
    char d[32] = "";
    if (it->has_discrimination) {
        decimal(it->discrimination, d, sizeof d);
        snprintf(line, sizeof line, _("Discrimination %s: %s"), d, reading(it));
    } else {
        snprintf(line, sizeof line, _("Discrimination: %s"), reading(it));
    }
    ui_plain(u, line, 0, u->small_px,
             it->has_discrimination && it->discrimination < 0 ? p->wrong : p->muted);
    if (u->y < y0)
        u->y = y0;
    u->x = x0;
    u->w = w0;
    ui_box_end(u, box, p->surface);
}

static void questions_draw(ui *u)
{
    const hrc_palette *p = u->pal;
    questions_state *st = questions_of(u->app);
    if (!st)
        return;
    trainer_wide(u, u->px * 56);
    char sub[HRC_GROUP_NAME_MAX + 256];
    if (st->loaded && !st->failed)
        snprintf(sub, sizeof sub,
                 ngettext("%s \xc2\xb7 %zu learner answered \xc2\xb7 hardest first",
                          "%s \xc2\xb7 %zu learners answered \xc2\xb7 hardest first",
                          (unsigned long)st->learners),
                 st->group_name, st->learners);
    else
        snprintf(sub, sizeof sub, "%s", st->group_name);
    trainer_heading(u, ICON_BAR_CHART, _("Questions the room got wrong"), sub);
    if (st->exporting) {
        trainer_draw_folders(u, &st->folders,
                             _("Choose where to save the questions, as a spreadsheet (CSV):"),
                             ACT_EXPORT_TO, ACT_EXPORT_LOOK_AGAIN, ACT_EXPORT_CLOSE);
        return;
    }
    if (!st->loaded) {
        ui_plain(u, _("Counting the answers\xe2\x80\xa6"), 0, u->px, p->muted);
        return;
    }
    if (st->failed) {
        ui_plain(u, st->error, HRC_FONT_BOLD, u->px, p->wrong);
        return;
    }
    if (st->n_answered == 0) {
        ui_plain(u, _("No question has been answered yet."), 0, u->px, p->text);
        return;
    }
    ui_plain(u, _("Each learner counts once a question, with the first answer they gave: what "
                  "the room knew, before the feedback. A question most got wrong may be the one "
                  "to come back to."),
             0, u->small_px, p->muted);
    ui_gap(u, u->pad / 2);
    for (size_t i = 0; i < st->n_items; i++)
        if (st->items[i].answered > 0)
            draw_item(u, st, i);
    size_t left = st->n_items - st->n_answered;
    if (left) {
        char line[200];
        snprintf(line, sizeof line,
                 ngettext("%zu more question has not been answered by this group yet.",
                          "%zu more questions have not been answered by this group yet.",
                          (unsigned long)left),
                 left);
        ui_plain(u, line, 0, u->px, p->muted);
    }
}

static void questions_bar(ui *u)
{
    questions_state *st = questions_of(u->app);
    if (!st)
        return;
    trainer_bar_lock(u);
    if (!st->exporting && st->loaded && !st->failed && st->n_answered) {
        ui_bar_add(u, true, ICON_SAVE, _("Save as a spreadsheet (CSV)"), ACT_EXPORT_OPEN, 0,
                   BTN_QUIET);
        ui_bar_main(u, ICON_PROJECTOR, _("Show on the projector"), ACT_PRESENT, 0);
    }
    trainer_bar_status(u, &st->base);
}

static void export_now(hrc_app *app, questions_state *st)
{
    char path[HRC_PROGRESS_PATH_MAX];
    int rc = hrc_progress_export_item_stats_to_folder(app->cfg.progress, app->cfg.course,
                                                      st->group, st->export_to, path);
    const char *name = strrchr(path, '/');
    if (rc == HRC_PROGRESS_OK)
        trainer_say(&st->base, false, _("Saved in %s: %s."), st->export_to, name ? name + 1 : path);
    else
        trainer_say(&st->base, true, _("Could not export to %s: %s"), st->export_to,
                    hrc_progress_errmsg(app->cfg.progress));
    st->exporting = false;
    hrc_nav_top(&app->nav)->focus = -1;
}

static unsigned questions_activate(hrc_app *app, int action, int arg)
{
    questions_state *st = questions_of(app);
    if (!st || !app->cfg.progress)
        return HRC_APP_REDRAW;
    if (st->base.pending)
        return 0; /* the work under way first */
    switch (action) {
    case ACT_TRAINER_LOCK:
        return trainer_lock(app);
    case ACT_EXPORT_OPEN:
    case ACT_EXPORT_LOOK_AGAIN:
        trainer_find_folders(app, &st->folders);
        st->exporting = true;
        st->base.status[0] = '\0';
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, st->folders.n ? ACT_EXPORT_TO : ACT_EXPORT_LOOK_AGAIN);
        break;
    case ACT_EXPORT_TO:
        if (arg >= 0 && (size_t)arg < st->folders.n) {
            snprintf(st->export_to, sizeof st->export_to, "%s", st->folders.list[arg].path);
            trainer_busy(&st->base, JOB_EXPORT, _("Saving\xe2\x80\xa6"));
        }
        break;
    case ACT_EXPORT_CLOSE:
        st->exporting = false;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    case ACT_PRESENT:
        /* The same group's answers, read again by presenter mode;
         * Escape comes back here. */
        presenter_open(app, st->group);
        return HRC_APP_REDRAW;
    }
    return HRC_APP_REDRAW;
}

static unsigned questions_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    questions_state *st = questions_of(app);
    if (!st)
        return 0;
    if (trainer_waits(&st->base, in)) {
        *handled = true; /* the work under way first */
        return 0;
    }
    if (in->kind == HRC_IN_BACK && st->exporting) {
        *handled = true;
        return questions_activate(app, ACT_EXPORT_CLOSE, 0);
    }
    return 0;
}

static unsigned questions_tick(hrc_app *app, uint64_t now)
{
    (void)now;
    questions_state *st = questions_of(app);
    if (!st || !app->cfg.progress)
        return 0;
    switch (trainer_take_job(&st->base)) {
    case JOB_COUNT: count(app, st); return HRC_APP_REDRAW;
    case JOB_EXPORT: export_now(app, st); return HRC_APP_REDRAW;
    default: return 0;
    }
}

const screen_ops screen_questions = {.state_size = sizeof(questions_state),
                                     .init = questions_init, .fini = questions_fini,
                                     .draw = questions_draw, .activate = questions_activate,
                                     .key = questions_key, .bar = questions_bar,
                                     .timer = trainer_screen_timer, .tick = questions_tick};
