/*
 * The class dashboard: the trainer's hub after the facilitator PIN
 * (screens/trainer.h). The class at a glance: a table of learners (rows)
 * by modules (columns headed with their titles in the interface
 * language), each cell a status as an icon and a colour (never colour
 * alone: each status has its own shape, and a legend says them in words)
 * with the best score and the quiz attempts; a summary row per module
 * ("Completed: 7 of 20"); a group filter (all, a group, no group) and a
 * sort (name, progress, last activity). The table's header and summary
 * stay at the top of the view while the rows scroll. A row is one target:
 * Tab or the arrows reach it, Enter or a tap opens the learner; its label
 * says the learner and each module's status in words.
 *
 * Above the table, the ways to the rest: groups, the questions the room
 * got wrong, the report and certificates, a class list, the kiosk's
 * settings. Leaving this screen (Back, Lock) locks the store again.
 */
#include "screens/trainer.h"

#include "screens/icons.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_OPEN_LEARNER = ACT_SCREEN, /* arg: learner id */
    ACT_FILTER,                    /* arg: HRC_GROUP_ALL, HRC_GROUP_NONE or a group id */
    ACT_MORE_GROUPS,
    ACT_PICK_CANCEL,
    ACT_SORT,                      /* arg: hrc_class_sort */
    ACT_PAGE,                      /* arg: page */
    ACT_GO,                        /* arg: hrc_screen */
    ACT_NOTICE_READ,
};

#define PAGE_ROWS 100  /* rows a page: a class fits in one */
#define FILTER_CHIPS 4 /* groups offered as chips; the others through "Other groups" */

typedef struct class_state {
    trainer_base base;
    int64_t group;         /* the filter */
    hrc_class_sort sort;
    hrc_class_table *table;
    bool failed;
    char error[HRC_PROGRESS_MSG_MAX];
    hrc_group *groups;
    size_t n_groups;
    int64_t open_group;    /* new learners join it; 0 none */
    size_t page;
    bool picking_group;    /* every group, to pick one */
    /* Per row, made when read (the day needs the time zone). */
    int *done;             /* modules completed */
    char (*last)[64];      /* last activity, as a reader says it */
    size_t finished;       /* learners who completed every module */
    bool has_quiz[64];     /* per module (the first 64): a quiz is in it */
} class_state;

static class_state *class_of(const hrc_app *app)
{
    return trainer_state(app, HRC_SCREEN_CLASS);
}

/* The dashboard anywhere in the history (below the screen on top). */
static class_state *class_in_history(const hrc_app *app)
{
    for (size_t i = app->nav.depth; i-- > 0;)
        if (app->nav.stack[i].screen == HRC_SCREEN_CLASS && app->nav.stack[i].state)
            return app->nav.stack[i].state;
    return NULL;
}

static void forget(class_state *st)
{
    hrc_class_table_free(st->table);
    free(st->groups);
    free(st->done);
    free(st->last);
    st->table = NULL;
    st->groups = NULL;
    st->done = NULL;
    st->last = NULL;
    st->n_groups = 0;
}

/* What each row shows that is not in the table: made after reading and
 * after sorting, never while drawing. */
static void derive(const hrc_app *app, class_state *st)
{
    const hrc_class_table *t = st->table;
    free(st->done);
    free(st->last);
    st->done = calloc(t->n_learners ? t->n_learners : 1, sizeof *st->done);
    st->last = calloc(t->n_learners ? t->n_learners : 1, sizeof *st->last);
    st->finished = 0;
    if (!st->done || !st->last) {
        st->failed = true;
        snprintf(st->error, sizeof st->error, "%s", _("Out of memory."));
        return;
    }
    int64_t now = trainer_now_ms(app);
    int ty = 0, tm = 0, td = 0;
    bool today_known = now > 0 && trainer_local_day(app, now, &ty, &tm, &td);
    for (size_t r = 0; r < t->n_learners; r++) {
        int64_t last = 0;
        for (size_t m = 0; m < t->n_modules; m++) {
            const hrc_class_cell *c = hrc_class_table_cell(t, r, m);
            st->done[r] += c->status == HRC_CELL_COMPLETED;
            if (c->last_activity_ms > last)
                last = c->last_activity_ms;
        }
        st->finished += t->n_modules && (size_t)st->done[r] == t->n_modules;
        int y, mo, d;
        struct tm when;
        if (!last) {
            snprintf(st->last[r], sizeof st->last[r], "%s", "\xe2\x80\x93");
        } else if (today_known && trainer_local_day(app, last, &y, &mo, &d) && y == ty &&
                   mo == tm && d == td && app->host->local_time &&
                   app->host->local_time(app->host->ctx, last, &when)) {
            /* TRANSLATORS: the time of the day a learner last worked, today. */
            snprintf(st->last[r], sizeof st->last[r], _("today %02d:%02d"), when.tm_hour,
                     when.tm_min);
        } else {
            trainer_day(app, last, st->last[r], sizeof st->last[r]);
        }
    }
}

/* Reads the groups and the class table of the group shown. */
static void class_read(hrc_app *app, class_state *st)
{
    hrc_progress *store = app->cfg.progress;
    const hrc_course *c = app->cfg.course;
    forget(st);
    st->failed = false;
    if (hrc_progress_list_groups(store, &st->groups, &st->n_groups) != HRC_PROGRESS_OK) {
        st->groups = NULL;
        st->n_groups = 0;
    }
    bool known = st->group == HRC_GROUP_ALL || st->group == HRC_GROUP_NONE;
    for (size_t i = 0; i < st->n_groups; i++)
        known |= st->groups[i].id == st->group;
    if (!known) /* deleted meanwhile */
        st->group = HRC_GROUP_ALL;
    if (hrc_progress_open_group(store, &st->open_group) != HRC_PROGRESS_OK)
        st->open_group = 0;
    const char **ids = calloc(c->n_modules ? c->n_modules : 1, sizeof *ids);
    for (size_t m = 0; ids && m < c->n_modules; m++) {
        ids[m] = c->modules[m]->id;
        bool quiz = false;
        for (size_t i = 0; i < c->modules[m]->n_items; i++)
            quiz |= c->modules[m]->items[i].kind == HRC_ITEM_QUIZ;
        if (m < sizeof st->has_quiz)
            st->has_quiz[m] = quiz;
    }
    int rc = ids ? hrc_progress_class_table(store, st->group, ids, c->n_modules, &st->table)
                 : HRC_PROGRESS_ERR_NOMEM;
    free(ids);
    if (rc != HRC_PROGRESS_OK) {
        st->failed = true;
        snprintf(st->error, sizeof st->error, "%s", hrc_progress_errmsg(store));
        st->table = NULL;
        return;
    }
    hrc_class_table_sort(st->table, st->sort);
    derive(app, st);
    size_t pages = (st->table->n_learners + PAGE_ROWS - 1) / PAGE_ROWS;
    if (st->page >= pages)
        st->page = pages ? pages - 1 : 0;
}

static void class_init(hrc_app *app, void *state)
{
    class_state *st = state;
    st->group = HRC_GROUP_ALL;
    st->sort = HRC_CLASS_BY_NAME;
    if (!app->cfg.progress)
        return;
    /* The open group first: today's session. */
    int64_t open = 0;
    if (hrc_progress_open_group(app->cfg.progress, &open) == HRC_PROGRESS_OK && open > 0)
        st->group = open;
    class_read(app, st);
}

/* Leaving the dashboard ends the trainer's session: the store is locked. */
static void class_fini(hrc_app *app, void *state)
{
    if (app->cfg.progress)
        hrc_progress_lock(app->cfg.progress);
    forget(state);
}

int64_t class_group(const hrc_app *app)
{
    const class_state *st = class_in_history(app);
    return st ? st->group : HRC_GROUP_ALL;
}

void class_refresh(hrc_app *app)
{
    class_state *st = class_in_history(app);
    if (st && app->cfg.progress)
        class_read(app, st);
}

void class_show_group(hrc_app *app, int64_t group)
{
    class_state *st = class_in_history(app);
    if (st && app->cfg.progress) {
        st->group = group;
        st->page = 0;
        st->picking_group = false;
        class_read(app, st);
    }
}

void class_tell(hrc_app *app, const char *text, bool error)
{
    class_state *st = class_in_history(app);
    if (st)
        trainer_say(&st->base, error, "%s", text);
}

/* ---- The table's geometry ------------------------------------------------ */

typedef struct geometry {
    int x, w;            /* the table */
    int name_w, mod_w, done_w, last_w;
    int more_w;          /* the row's chevron: it opens the learner */
    int row_h, head_h, sum_h;
    int sum_lines;       /* the summary's lines: 2, or more for narrow columns */
    int cell_pad;
    bool stacked;        /* too narrow for a table: one card a learner */
} geometry;

static int max_i(int a, int b)
{
    return a > b ? a : b;
}

/* Content coordinates to the screen's. */
static hrc_rect on_screen(const ui *u, hrc_rect r)
{
    if (u->in_scroll)
        r.y = u->view.y + r.y - u->scroll;
    return r;
}

static int line_h(const ui *u, unsigned style, int px)
{
    return u->m->line_height(u->m->ctx, (hrc_font){style, px});
}

/* "85 % · 2× · ↺1": best score, attempts, resets. */
static void cell_text(const hrc_class_cell *c, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    if (c->has_score)
        n += (size_t)snprintf(out + n, size - n, _("%d%%"), (int)(c->best_score * 100 + 0.5));
    if (c->attempts > 0 && n < size)
        n += (size_t)snprintf(out + n, size - n, "%s%d\xc3\x97", n ? " \xc2\xb7 " : "",
                              c->attempts);
    if (c->resets > 0 && n < size)
        snprintf(out + n, size - n, "%s\xe2\x86\xba%d", n ? " \xc2\xb7 " : "", c->resets);
}

static void measure(ui *u, const class_state *st, geometry *g)
{
    const hrc_class_table *t = st->table;
    size_t nm = t->n_modules;
    g->x = u->x;
    g->w = u->w;
    g->cell_pad = u->pad / 2;
    int icon_w = u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px}, ICON_DONE,
                             strlen(ICON_DONE));
    /* The name column: the longest name shown, within reason. */
    int longest = ui_text_width(u, _("Learner"), HRC_FONT_BOLD, u->small_px);
    size_t first = st->page * PAGE_ROWS;
    for (size_t r = first; r < t->n_learners && r < first + PAGE_ROWS; r++)
        longest = max_i(longest, ui_text_width(u, t->learners[r].name, 0, u->px));
    g->name_w = longest + 2 * g->cell_pad;
    if (g->name_w > u->px * 13)
        g->name_w = u->px * 13;
    if (g->name_w < u->px * 6)
        g->name_w = u->px * 6;
    char sample[64];
    snprintf(sample, sizeof sample, _("%zu of %zu"), nm, nm);
    g->done_w = max_i(ui_text_width(u, C_("dashboard column: modules completed", "Completed"), HRC_FONT_BOLD, u->small_px),
                      ui_text_width(u, sample, 0, u->small_px)) + 2 * g->cell_pad;
    int last = ui_text_width(u, _("Last activity"), HRC_FONT_BOLD, u->small_px);
    for (size_t r = first; r < t->n_learners && r < first + PAGE_ROWS; r++)
        last = max_i(last, ui_text_width(u, st->last[r], 0, u->small_px));
    g->last_w = last + 2 * g->cell_pad;
    /* A cell needs its icon and "100 % · 3×". */
    char widest[48], pct[16];
    snprintf(pct, sizeof pct, _("%d%%"), 100);
    snprintf(widest, sizeof widest, "%s \xc2\xb7 3\xc3\x97", pct);
    int cell_min = icon_w + u->pad / 3 + ui_text_width(u, widest, 0, u->small_px) +
                   2 * g->cell_pad;
    /* The summary's first line reads best whole: "Completed: 18 of 30". */
    char count[64], summary[128];
    snprintf(count, sizeof count, _("%zu of %zu"), t->n_learners, t->n_learners);
    snprintf(summary, sizeof summary, _("Completed: %s"), count);
    int whole = ui_text_width(u, summary, HRC_FONT_BOLD, u->small_px) + 2 * g->cell_pad;
    int chevron = icon_w + g->cell_pad;
    int room = g->w - g->name_w - g->done_w - g->last_w - chevron;
    if (nm && room / (int)nm < (cell_min > whole ? cell_min : whole)) {
        g->last_w = 0; /* the last activity goes first (the sort still has it) */
        room = g->w - g->name_w - g->done_w - chevron;
    }
    g->stacked = nm == 0 || room / (int)nm < cell_min;
    g->mod_w = nm ? room / (int)nm : 0;
    g->row_h = max_i(u->min_target, line_h(u, 0, u->px) + u->pad / 2);
    g->more_w = icon_w + g->cell_pad;
    /* The header: "Module 2" over the title on two lines at most. */
    g->head_h = line_h(u, HRC_FONT_BOLD, u->small_px) * 3 + u->pad / 2;
    /* The summary: each of its two lines on two at most when the columns
     * are narrow. */
    int lines = 2;
    for (size_t m = 0; m < nm && g->mod_w > 2 * g->cell_pad; m++) {
        const hrc_class_column *c = &t->columns[m];
        char line[160];
        snprintf(count, sizeof count, _("%zu of %zu"), c->completed, t->n_learners);
        snprintf(line, sizeof line, _("Completed: %s"), count);
        int n = ui_text_width(u, line, HRC_FONT_BOLD, u->small_px) > g->mod_w - 2 * g->cell_pad;
        snprintf(line, sizeof line, _("Quiz passed: %zu, failed: %zu"), c->passed, c->failed);
        n += ui_text_width(u, line, 0, u->small_px) > g->mod_w - 2 * g->cell_pad;
        lines = 2 + n > lines ? 2 + n : lines;
    }
    g->sum_lines = lines;
    g->sum_h = line_h(u, 0, u->small_px) * lines + u->pad / 2;
}

/* ---- Drawing ----------------------------------------------------------- */

/* The header row and the summary row at content y; returns their height. */
static int draw_head(ui *u, const class_state *st, const geometry *g, int y)
{
    const hrc_palette *p = u->pal;
    const hrc_class_table *t = st->table;
    int cp = g->cell_pad, small = line_h(u, 0, u->small_px);
    hrc_draw_rect(u->list, on_screen(u, (hrc_rect){g->x, y, g->w, g->head_h + g->sum_h}),
                  p->background, 0);
    /* The header, its words at the bottom of the row. */
    int base = y + g->head_h - small - cp / 2;
    ui_line_at(u, _("Learner"), HRC_FONT_BOLD, u->small_px, p->text, g->x + cp, base,
               g->name_w - 2 * cp);
    int x = g->x + g->name_w;
    for (size_t m = 0; m < t->n_modules; m++, x += g->mod_w) {
        char number[64];
        snprintf(number, sizeof number, _("Module %d"), (int)m + 1);
        ui_line_at(u, number, HRC_FONT_BOLD, u->small_px, p->muted, x + cp, y + cp / 2,
                   g->mod_w - 2 * cp);
        ui_lines_at(u, trainer_module_title(u->app, m), HRC_FONT_BOLD, u->small_px, p->text,
                    x + cp, y + cp / 2 + small, g->mod_w - 2 * cp, 2);
    }
    ui_line_at(u, C_("dashboard column: modules completed", "Completed"), HRC_FONT_BOLD, u->small_px, p->text, x + cp, base, g->done_w - 2 * cp);
    x += g->done_w;
    if (g->last_w)
        ui_line_at(u, _("Last activity"), HRC_FONT_BOLD, u->small_px, p->text, x + cp, base,
                   g->last_w - 2 * cp);
    /* The summary: how many completed and passed each module. */
    int sy = y + g->head_h;
    hrc_rect band = on_screen(u, (hrc_rect){g->x, sy, g->w, g->sum_h});
    hrc_draw_rect(u->list, band, p->surface, 0);
    hrc_draw_rect(u->list, (hrc_rect){band.x, band.y, band.w, 1}, p->border, 0);
    hrc_draw_rect(u->list, (hrc_rect){band.x, band.y + band.h - 1, band.w, 1}, p->border, 0);
    char line[256];
    size_t n = t->n_learners;
    snprintf(line, sizeof line,
             ngettext("%zu learner", "%zu learners", (unsigned long)n), n);
    ui_line_at(u, line, HRC_FONT_BOLD, u->small_px, p->text, g->x + cp, sy + cp / 4,
               g->name_w - 2 * cp);
    if (t->n_modules) {
        snprintf(line, sizeof line, ngettext("%zu finished the course",
                                             "%zu finished the course", (unsigned long)st->finished),
                 st->finished);
        ui_line_at(u, line, 0, u->small_px, p->muted, g->x + cp, sy + cp / 4 + small,
                   g->name_w - 2 * cp);
    }
    x = g->x + g->name_w;
    for (size_t m = 0; m < t->n_modules; m++, x += g->mod_w) {
        const hrc_class_column *c = &t->columns[m];
        char count[64];
        snprintf(count, sizeof count, _("%zu of %zu"), c->completed, n);
        /* TRANSLATORS: the dashboard's summary of a module: "Completed: 7 of 20". */
        snprintf(line, sizeof line, _("Completed: %s"), count);
        int h = ui_lines_at(u, line, HRC_FONT_BOLD, u->small_px, p->text, x + cp, sy + cp / 4,
                            g->mod_w - 2 * cp, g->sum_lines > 2 ? 2 : 1);
        if (m < sizeof st->has_quiz && st->has_quiz[m]) {
            /* TRANSLATORS: the dashboard's summary of a module's quiz. */
            snprintf(line, sizeof line, _("Quiz passed: %zu, failed: %zu"), c->passed,
                     c->failed);
            ui_lines_at(u, line, 0, u->small_px, p->muted, x + cp, sy + cp / 4 + h,
                        g->mod_w - 2 * cp, g->sum_lines - h / small > 1 ? 2 : 1);
        }
    }
    return g->head_h + g->sum_h;
}

/* What a row says when spoken: the learner, and each module in words. */
static void row_label(const hrc_app *app, const class_state *st, size_t r, char *out,
                      size_t size)
{
    const hrc_class_table *t = st->table;
    size_t n = (size_t)snprintf(out, size, "%s", t->learners[r].name);
    for (size_t m = 0; m < t->n_modules && n < size; m++) {
        const hrc_class_cell *c = hrc_class_table_cell(t, r, m);
        char part[256];
        int k = snprintf(part, sizeof part, _("Module %d: %s"), (int)m + 1,
                         trainer_status_word(c->status));
        if (c->has_score && k > 0 && (size_t)k < sizeof part)
            k += snprintf(part + k, sizeof part - (size_t)k, _(", best score %d%%"),
                          (int)(c->best_score * 100 + 0.5));
        if (c->attempts > 0 && k > 0 && (size_t)k < sizeof part)
            k += snprintf(part + k, sizeof part - (size_t)k,
                          ngettext(", %d attempt", ", %d attempts", (unsigned long)c->attempts),
                          c->attempts);
        if (c->resets > 0 && k > 0 && (size_t)k < sizeof part)
            snprintf(part + k, sizeof part - (size_t)k, "%s", _(", attempts reset"));
        n += (size_t)snprintf(out + n, size - n, "; %s", part);
    }
    (void)app;
}

static void draw_cell(ui *u, const hrc_class_cell *c, int x, int y, int w, int h)
{
    int cp = u->pad / 2;
    int ih = line_h(u, HRC_FONT_ICON, u->px);
    int iw = ui_icon(u, trainer_status_icon(c->status), x + cp, y + (h - ih) / 2, u->px,
                     trainer_status_color(u, c->status));
    char text[96];
    cell_text(c, text, sizeof text);
    int th = line_h(u, 0, u->small_px);
    ui_line_at(u, text, 0, u->small_px, c->status == HRC_CELL_NOT_STARTED ? u->pal->muted
                                                                           : u->pal->text,
               x + cp + iw + u->pad / 3, y + (h - th) / 2, w - 2 * cp - iw - u->pad / 3);
}

/* The rows of the page from content y; returns their height. */
static int draw_rows(ui *u, const class_state *st, const geometry *g, int y)
{
    const hrc_palette *p = u->pal;
    const hrc_class_table *t = st->table;
    size_t first = st->page * PAGE_ROWS;
    size_t last = t->n_learners < first + PAGE_ROWS ? t->n_learners : first + PAGE_ROWS;
    /* Every face first, so that no stripe covers the focus ring. */
    for (size_t r = first; r < last; r++) {
        int ry = y + (int)(r - first) * g->row_h;
        hrc_rect s = on_screen(u, (hrc_rect){g->x, ry, g->w, g->row_h});
        if ((r - first) % 2)
            hrc_draw_rect(u->list, s, p->surface, 0);
        hrc_draw_rect(u->list, (hrc_rect){s.x, s.y + s.h - 1, s.w, 1}, p->border, 0);
    }
    for (size_t r = first; r < last; r++) {
        int ry = y + (int)(r - first) * g->row_h;
        const hrc_learner *l = &t->learners[r];
        char label[2048];
        row_label(u->app, st, r, label, sizeof label);
        if (l->id > 0 && l->id <= INT_MAX)
            ui_add_target(u, (hrc_rect){g->x, ry, g->w, g->row_h}, ACT_OPEN_LEARNER, (int)l->id,
                          label, false);
        int cp = g->cell_pad;
        int lh = line_h(u, 0, u->px);
        ui_line_at(u, l->name, 0, u->px, p->text, g->x + cp, ry + (g->row_h - lh) / 2,
                   g->name_w - 2 * cp);
        int x = g->x + g->name_w;
        for (size_t m = 0; m < t->n_modules; m++, x += g->mod_w)
            draw_cell(u, hrc_class_table_cell(t, r, m), x, ry, g->mod_w, g->row_h);
        char done[64];
        snprintf(done, sizeof done, _("%zu of %zu"), (size_t)st->done[r], t->n_modules);
        int sh = line_h(u, 0, u->small_px);
        ui_line_at(u, done, 0, u->small_px, p->text, x + cp, ry + (g->row_h - sh) / 2,
                   g->done_w - 2 * cp);
        x += g->done_w;
        if (g->last_w)
            ui_line_at(u, st->last[r], 0, u->small_px, p->muted, x + cp,
                       ry + (g->row_h - sh) / 2, g->last_w - 2 * cp);
        int ih = line_h(u, HRC_FONT_ICON, u->px);
        ui_icon(u, ICON_NEXT, g->x + g->w - g->more_w, ry + (g->row_h - ih) / 2, u->px, p->muted);
    }
    return (int)(last - first) * g->row_h;
}

/* Narrow screens and large text: one card a learner, a line a module. */
static void draw_stacked(ui *u, const class_state *st)
{
    const hrc_palette *p = u->pal;
    const hrc_class_table *t = st->table;
    char line[512], count[64];
    hrc_rect box;
    ui_box_begin(u, &box);
    snprintf(line, sizeof line, ngettext("%zu learner", "%zu learners",
                                         (unsigned long)t->n_learners), t->n_learners);
    ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
    for (size_t m = 0; m < t->n_modules; m++) {
        const hrc_class_column *c = &t->columns[m];
        snprintf(count, sizeof count, _("%zu of %zu"), c->completed, t->n_learners);
        snprintf(line, sizeof line, _("Module %d: %s"), (int)m + 1, trainer_module_title(u->app, m));
        ui_plain(u, line, HRC_FONT_BOLD, u->small_px, p->text);
        size_t k = (size_t)snprintf(line, sizeof line, _("Completed: %s"), count);
        if (m < sizeof st->has_quiz && st->has_quiz[m] && k < sizeof line) {
            char quiz[128];
            snprintf(quiz, sizeof quiz, _("Quiz passed: %zu, failed: %zu"), c->passed, c->failed);
            snprintf(line + k, sizeof line - k, " \xc2\xb7 %s", quiz);
        }
        ui_plain(u, line, 0, u->small_px, p->text);
    }
    ui_box_end(u, box, p->surface);
    size_t first = st->page * PAGE_ROWS;
    for (size_t r = first; r < t->n_learners && r < first + PAGE_ROWS; r++) {
        const hrc_learner *l = &t->learners[r];
        char label[2048], text[2048];
        row_label(u->app, st, r, label, sizeof label);
        size_t n = 0;
        for (size_t m = 0; m < t->n_modules && n < sizeof text; m++) {
            const hrc_class_cell *c = hrc_class_table_cell(t, r, m);
            char cell[96];
            cell_text(c, cell, sizeof cell);
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%d: %s%s%s", m ? "  \xc2\xb7  " : "",
                                  (int)m + 1, trainer_status_word(c->status), cell[0] ? " " : "",
                                  cell);
        }
        if (l->id > 0 && l->id <= INT_MAX) {
            ui_next_target(u, HRC_ROLE_NONE, NULL, label, NULL);
            trainer_block(u, ICON_PERSON, l->name, text, ACT_OPEN_LEARNER, (int)l->id, BTN_QUIET);
        }
    }
}

/* The legend of the statuses: each icon with its word. */
static void draw_legend(ui *u)
{
    static const hrc_cell_status all[] = {HRC_CELL_COMPLETED, HRC_CELL_PASSED, HRC_CELL_FAILED,
                                          HRC_CELL_IN_PROGRESS, HRC_CELL_NOT_STARTED};
    int x = u->x, y = u->y, lh = line_h(u, 0, u->small_px);
    int ih = line_h(u, HRC_FONT_ICON, u->small_px);
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        const char *word = trainer_status_word(all[i]);
        int iw = u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->small_px},
                             trainer_status_icon(all[i]), strlen(trainer_status_icon(all[i])));
        int ww = ui_text_width(u, word, 0, u->small_px);
        if (x + iw + ww + u->pad / 4 > u->x + u->w && x > u->x) {
            x = u->x;
            y += lh + u->pad / 4;
        }
        ui_icon(u, trainer_status_icon(all[i]), x, y + (lh - ih) / 2, u->small_px,
                trainer_status_color(u, all[i]));
        ui_line_at(u, word, 0, u->small_px, u->pal->text, x + iw + u->pad / 4, y,
                   u->x + u->w - x - iw - u->pad / 4);
        x += iw + ww + u->pad / 4 + u->pad;
    }
    char more[160], score[16], sample[48];
    snprintf(score, sizeof score, _("%d%%"), 85);
    snprintf(sample, sizeof sample, "%s \xc2\xb7 2\xc3\x97 \xc2\xb7 \xe2\x86\xba" "1", score);
    /* TRANSLATORS: a label and what it says, "Statuses: completed, ...";
     * French puts a narrow no-break space before the colon. */
    snprintf(more, sizeof more, _("%s: %s"), sample,
             _("best score, quiz attempts, attempts reset"));
    int mw = ui_text_width(u, more, 0, u->small_px);
    if (x + mw > u->x + u->w && x > u->x) {
        x = u->x;
        y += lh + u->pad / 4;
    }
    ui_line_at(u, more, 0, u->small_px, u->pal->muted, x, y, u->x + u->w - x);
    u->y = y + lh + u->pad / 2;
    /* Said once, as text. */
    char said[512];
    char words[400];
    snprintf(words, sizeof words, "%s, %s, %s, %s, %s.", trainer_status_word(HRC_CELL_COMPLETED),
             trainer_status_word(HRC_CELL_PASSED), trainer_status_word(HRC_CELL_FAILED),
             trainer_status_word(HRC_CELL_IN_PROGRESS),
             trainer_status_word(HRC_CELL_NOT_STARTED));
    snprintf(said, sizeof said, _("%s: %s"), _("Statuses"), words);
    ui_say(u, said);
}

/* The ways to the rest of the trainer's screens. */
static void draw_hub(ui *u)
{
    static const struct {
        const char *icon;
        const char *label;
        hrc_screen to;
    } ways[] = {
        {ICON_GROUP, N_("Groups"), HRC_SCREEN_GROUPS},
        {ICON_BAR_CHART, N_("Questions the room got wrong"), HRC_SCREEN_QUESTIONS},
        {ICON_PRINT, N_("Reports and certificates"), HRC_SCREEN_PAPER},
        {ICON_UPLOAD_FILE, N_("Import a class list"), HRC_SCREEN_CLASS_IMPORT},
        {ICON_TUNE, N_("Kiosk settings"), HRC_SCREEN_KIOSK_ADMIN},
    };
    for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++)
        trainer_button(u, ways[i].icon, _(ways[i].label), ACT_GO, (int)ways[i].to, BTN_QUIET);
    ui_flow_end(u);
}

/* A word in a row of buttons (not a target). */
static void flow_label(ui *u, const char *text)
{
    int w = ui_text_width(u, text, HRC_FONT_BOLD, u->small_px);
    int h = u->min_target, lh = line_h(u, HRC_FONT_BOLD, u->small_px);
    if (!u->in_flow) {
        u->in_flow = true;
        u->flow_x = 0;
        u->flow_h = 0;
    } else if (u->flow_x + w > u->w) {
        u->y += u->flow_h + u->pad / 2;
        u->flow_x = 0;
        u->flow_h = 0;
    }
    ui_line_at(u, text, HRC_FONT_BOLD, u->small_px, u->pal->muted, u->x + u->flow_x,
               u->y + (h - lh) / 2, w);
    u->flow_x += w + u->pad / 2;
    if (h > u->flow_h)
        u->flow_h = h;
}

static void draw_filters(ui *u, const class_state *st)
{
    char label[HRC_GROUP_NAME_MAX + 32];
    flow_label(u, _("Show:"));
    trainer_chip(u, _("All learners"), st->group == HRC_GROUP_ALL, ACT_FILTER, HRC_GROUP_ALL);
    bool shown = st->group == HRC_GROUP_ALL || st->group == HRC_GROUP_NONE;
    for (size_t i = 0; i < st->n_groups && i < FILTER_CHIPS; i++) {
        const hrc_group *g = &st->groups[i];
        if (g->id > INT_MAX)
            continue;
        trainer_chip(u, g->name, st->group == g->id, ACT_FILTER, (int)g->id);
        shown |= st->group == g->id;
    }
    if (!shown && st->group > 0 && st->group <= INT_MAX) { /* picked among the others */
        trainer_group_label(st->group, st->groups, st->n_groups, label, sizeof label);
        trainer_chip(u, label, true, ACT_FILTER, (int)st->group);
    }
    if (st->n_groups > FILTER_CHIPS)
        trainer_button(u, NULL, _("Other groups\xe2\x80\xa6"), ACT_MORE_GROUPS, 0, BTN_QUIET);
    trainer_chip(u, _("No group"), st->group == HRC_GROUP_NONE, ACT_FILTER, HRC_GROUP_NONE);
    u->flow_x += u->pad; /* the sort in the same row when it fits */
    flow_label(u, _("Sort by:"));
    trainer_chip(u, _("Name"), st->sort == HRC_CLASS_BY_NAME, ACT_SORT, HRC_CLASS_BY_NAME);
    trainer_chip(u, _("Progress"), st->sort == HRC_CLASS_BY_PROGRESS, ACT_SORT,
                 HRC_CLASS_BY_PROGRESS);
    trainer_chip(u, _("Last activity"), st->sort == HRC_CLASS_BY_LAST_ACTIVITY, ACT_SORT,
                 HRC_CLASS_BY_LAST_ACTIVITY);
    ui_flow_end(u);
}

static void draw_pick_group(ui *u, const class_state *st)
{
    ui_plain(u, _("Show which group?"), HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 2);
    for (size_t i = 0; i < st->n_groups; i++) {
        const hrc_group *g = &st->groups[i];
        char day[64] = "", text[HRC_GROUP_NAME_MAX + 160];
        trainer_iso_day(g->day, day, sizeof day);
        snprintf(text, sizeof text,
                 ngettext("%s%s%s \xc2\xb7 %zu learner", "%s%s%s \xc2\xb7 %zu learners",
                          (unsigned long)g->n_learners),
                 g->name, day[0] ? " \xc2\xb7 " : "", day, g->n_learners);
        if (g->id <= INT_MAX)
            trainer_block(u, ICON_GROUP, NULL, text, ACT_FILTER, (int)g->id,
                          g->id == st->group ? BTN_SELECTED : BTN_QUIET);
    }
    ui_gap(u, u->pad / 2);
    trainer_button(u, NULL, _("Cancel"), ACT_PICK_CANCEL, 0, BTN_QUIET);
    ui_flow_end(u);
}

static void draw_pager(ui *u, const class_state *st)
{
    size_t n = st->table->n_learners;
    if (n <= PAGE_ROWS)
        return;
    size_t first = st->page * PAGE_ROWS, last = first + PAGE_ROWS < n ? first + PAGE_ROWS : n;
    char line[128];
    ui_gap(u, u->pad / 2);
    snprintf(line, sizeof line, _("Learners %zu to %zu of %zu"), first + 1, last, n);
    ui_plain(u, line, 0, u->px, u->pal->muted);
    if (st->page > 0)
        trainer_button(u, ICON_PREV, _("Previous learners"), ACT_PAGE, (int)st->page - 1,
                       BTN_QUIET);
    if (last < n)
        trainer_button(u, ICON_NEXT, _("Next learners"), ACT_PAGE, (int)st->page + 1, BTN_QUIET);
    ui_flow_end(u);
}

static void class_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    class_state *st = class_of(app);
    if (!st)
        return;
    trainer_wide(u, u->px * 96);
    char line[HRC_GROUP_NAME_MAX + 256];
    if (st->open_group > 0) {
        char open[HRC_GROUP_NAME_MAX + 32];
        trainer_group_label(st->open_group, st->groups, st->n_groups, open, sizeof open);
        if (st->open_group == st->group)
            snprintf(line, sizeof line,
                     _("\xe2\x80\x9c%s\xe2\x80\x9d is the open group: learners who sign up "
                       "now join it."),
                     open);
        else
            snprintf(line, sizeof line,
                     _("Learners who sign up now join \xe2\x80\x9c%s\xe2\x80\x9d, the open "
                       "group."),
                     open);
    } else {
        snprintf(line, sizeof line, "%s",
                 _("No group is open: learners who sign up join no group."));
    }
    trainer_heading(u, ICON_CLASS, _("Class"), line);
    if (facilitator_damaged_notice_due(app)) {
        facilitator_draw_damaged(u);
        trainer_button(u, NULL, _("Hide the notice about the damaged file"), ACT_NOTICE_READ, 0,
                       BTN_QUIET);
        ui_flow_end(u);
    }
    if (app->cfg.store_exposed && *app->cfg.store_exposed)
        facilitator_draw_exposed(u);
    if (st->picking_group) {
        draw_pick_group(u, st);
        return;
    }
    draw_hub(u);
    ui_gap(u, u->pad / 3);
    draw_filters(u, st);
    if (st->failed || !st->table) {
        ui_plain(u, st->failed ? st->error : "", HRC_FONT_BOLD, u->px, p->wrong);
        return;
    }
    if (st->table->n_learners == 0) {
        ui_gap(u, u->pad / 2);
        ui_plain(u, st->group == HRC_GROUP_ALL ? _("Nobody has signed in with a name yet.")
                                               : _("No learner in this group yet."),
                 0, u->px, p->text);
        ui_plain(u, _("Learners appear here once they sign up on the kiosk, or when a class "
                      "list is imported."),
                 0, u->small_px, p->muted);
        return;
    }
    ui_gap(u, u->pad / 3);
    draw_legend(u);
    geometry g;
    measure(u, st, &g);
    if (g.stacked) {
        draw_stacked(u, st);
        draw_pager(u, st);
        return;
    }
    /* The head where it belongs, the rows, then the head again at the
     * top of the view once it has scrolled away. */
    int head_y = u->y;
    int head = draw_head(u, st, &g, head_y);
    int rows = draw_rows(u, st, &g, head_y + head);
    u->y = head_y + head + rows + u->pad / 2;
    int end = u->y;
    if (u->scroll > head_y && head < u->view.h / 3) {
        draw_head(u, st, &g, u->scroll);
        ui_shield(u, (hrc_rect){g.x, u->scroll, g.w, head});
        u->covered_top = head;
    }
    u->y = end;
    draw_pager(u, st);
    /* The summary, said once (the table's rows say the rest). */
    char said[2048];
    size_t n = 0;
    for (size_t m = 0; m < st->table->n_modules && n < sizeof said; m++) {
        char count[64];
        snprintf(count, sizeof count, _("%zu of %zu"), st->table->columns[m].completed,
                 st->table->n_learners);
        char part[256];
        snprintf(part, sizeof part, _("Module %d: %s"), (int)m + 1, trainer_module_title(app, m));
        n += (size_t)snprintf(said + n, sizeof said - n, "%s%s, ", n ? "; " : "", part);
        if (n < sizeof said)
            n += (size_t)snprintf(said + n, sizeof said - n, _("Completed: %s"), count);
    }
    ui_say(u, said);
}

static void class_bar(ui *u)
{
    class_state *st = class_of(u->app);
    if (!st)
        return;
    trainer_bar_lock(u);
    trainer_bar_status(u, &st->base);
}

static unsigned class_activate(hrc_app *app, int action, int arg)
{
    class_state *st = class_of(app);
    if (!st || !app->cfg.progress)
        return HRC_APP_REDRAW;
    switch (action) {
    case ACT_TRAINER_LOCK:
        return trainer_lock(app);
    case ACT_OPEN_LEARNER:
        st->base.status[0] = '\0';
        app_go(app, hrc_nav_location(HRC_SCREEN_LEARNER_ADMIN, -1, arg));
        break;
    case ACT_FILTER:
        st->group = arg;
        st->page = 0;
        st->picking_group = false;
        class_read(app, st);
        trainer_focus_on(app, &st->base, ACT_FILTER);
        break;
    case ACT_MORE_GROUPS:
        st->picking_group = true;
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, ACT_FILTER);
        break;
    case ACT_PICK_CANCEL:
        st->picking_group = false;
        trainer_focus_on(app, &st->base, ACT_MORE_GROUPS);
        break;
    case ACT_SORT:
        if (st->table && arg >= HRC_CLASS_BY_NAME && arg <= HRC_CLASS_BY_LAST_ACTIVITY) {
            st->sort = (hrc_class_sort)arg;
            hrc_class_table_sort(st->table, st->sort);
            derive(app, st);
        }
        trainer_focus_on(app, &st->base, ACT_SORT);
        break;
    case ACT_PAGE:
        if (arg >= 0)
            st->page = (size_t)arg;
        hrc_nav_top(&app->nav)->scroll = 0;
        trainer_focus_on(app, &st->base, ACT_PAGE);
        break;
    case ACT_GO:
        if (screen_is_trainer((hrc_screen)arg)) {
            st->base.status[0] = '\0';
            app_go(app, hrc_nav_location((hrc_screen)arg, -1, -1));
        }
        break;
    case ACT_NOTICE_READ:
        app->store_notice_read = true;
        hrc_nav_top(&app->nav)->focus = -1;
        break;
    }
    return HRC_APP_REDRAW;
}

/* Up and Down go from row to row. */
static unsigned class_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    if (!class_of(app) || (in->kind != HRC_IN_UP && in->kind != HRC_IN_DOWN))
        return 0;
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    int f = loc->focus;
    if (f < 0 || f >= app->n_targets || app->targets[f].action != ACT_OPEN_LEARNER)
        return 0;
    int step = in->kind == HRC_IN_DOWN ? 1 : -1;
    for (int i = f + step; i >= 0 && i < app->n_targets; i += step)
        if (app->targets[i].action == ACT_OPEN_LEARNER) {
            loc->focus = i;
            app->reveal_focus = true;
            *handled = true;
            return HRC_APP_REDRAW;
        }
    return 0;
}

const screen_ops screen_class = {.state_size = sizeof(class_state), .init = class_init,
                                 .fini = class_fini, .draw = class_draw,
                                 .activate = class_activate, .key = class_key,
                                 .bar = class_bar};
