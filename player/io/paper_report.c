/*
 * paper_report.c: the class report as PDF (io/paper.h): who did what in
 * each module, how many completed and passed it, and the questions the
 * room got wrong, hardest first. Readable in black and white: statuses are
 * symbols explained in a legend, figures are written out.
 */
#include "io/paper_internal.h"

#include "core/i18n.h"
#include "core/itemstats.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Symbols, in DejaVu Sans, for a module's status. */
#define SYM_COMPLETED "\u25cf"   /* ● */
#define SYM_PASSED "\u2714"      /* ✔ */
#define SYM_FAILED "\u2718"      /* ✘ */
#define SYM_PROGRESS "\u25d0"    /* ◐ */
#define SYM_NOT_STARTED "\u2013" /* – */
#define SYM_RESET "\u21ba"       /* ↺ */

typedef struct report {
    paper_doc doc;
    hrc_progress *s;
    const hrc_course *course;
    const hrc_paper_options *o;
    hrc_class_table *table;
    hrc_itemstats *stats;
    const hrc_item_stat *items;
    size_t n_items;
    char title[512];
    char group[HRC_GROUP_NAME_MAX + 64];
    hrc_kiosk kiosk;
    bool has_kiosk;
    const char *lang;
    double x0, w;      /* the text column */
    /* The class table's columns. */
    double name_w, done_w, module_w;
} report;

static const char *module_title(const report *r, size_t m)
{
    const hrc_module *mod = r->course->modules[m];
    const char *t = hrc_text_plain(&mod->title, r->lang, mod->default_lang);
    return t && *t ? t : mod->id;
}

static bool has_quiz(const hrc_module *m)
{
    for (size_t i = 0; i < m->n_items; i++)
        if (m->items[i].kind == HRC_ITEM_QUIZ)
            return true;
    return false;
}

/* ---- The first lines ------------------------------------------------------- */

static void heading(report *r, const char *text, const char *intro)
{
    paper_doc *d = &r->doc;
    double h = paper_measure(d, r->w, text, 13, PAPER_BOLD);
    double ih = intro ? paper_measure(d, r->w, intro, 8.5, PAPER_ITALIC) : 0;
    paper_need(d, h + ih + 60); /* never alone at the foot of a page */
    d->y += paper_text(d, r->x0, d->y, r->w, text, 13, PAPER_BOLD) + 2;
    if (intro)
        d->y += paper_text(d, r->x0, d->y, r->w, intro, 8.5, PAPER_ITALIC) + 2;
    d->y += 4;
}

static void title_block(report *r)
{
    paper_doc *d = &r->doc;
    d->y += paper_text(d, r->x0, d->y, r->w, _("Class report"), 20, PAPER_BOLD) + 2;
    d->y += paper_text(d, r->x0, d->y, r->w, r->title, 14, 0) + 8;
    char line[1024], day[64], learners[128], modules[128];
    d->y += paper_text(d, r->x0, d->y, r->w, r->group, 10, PAPER_BOLD) + 2;
    snprintf(learners, sizeof learners,
             ngettext("%zu learner", "%zu learners", r->table->n_learners),
             r->table->n_learners);
    snprintf(modules, sizeof modules,
             ngettext("%zu module", "%zu modules", r->course->n_modules), r->course->n_modules);
    snprintf(line, sizeof line, "%s \u00b7 %s", learners, modules);
    d->y += paper_text(d, r->x0, d->y, r->w, line, 10, 0) + 2;
    paper_format_day(r->o->now_ms, day, sizeof day);
    if (r->has_kiosk)
        /* TRANSLATORS: date, then the kiosk's fingerprint (3F2A 9C01 77BE 0D4E). */
        snprintf(line, sizeof line, _("Printed on %s by the kiosk with fingerprint %s"), day,
                 r->kiosk.fingerprint);
    else
        snprintf(line, sizeof line, _("Printed on %s"), day);
    d->y += paper_text(d, r->x0, d->y, r->w, line, 10, 0) + 14;
}

/* ---- How many completed each module ------------------------------------------ */

static void modules_block(report *r)
{
    paper_doc *d = &r->doc;
    heading(r, _("Modules"), NULL);
    size_t n = r->table->n_learners;
    for (size_t m = 0; m < r->table->n_modules; m++) {
        const hrc_class_column *c = &r->table->columns[m];
        char title[600], line[600];
        snprintf(title, sizeof title, "%zu. %s", m + 1, module_title(r, m));
        /* TRANSLATORS: how many of the learners completed a module. */
        int k = snprintf(line, sizeof line, _("%zu of %zu completed it"), c->completed, n);
        if (has_quiz(r->course->modules[m]) && k > 0 && (size_t)k < sizeof line)
            /* TRANSLATORS: follows "7 of 20 completed it". */
            k += snprintf(line + k, sizeof line - (size_t)k, _("; %zu passed its quiz, %zu failed it"),
                          c->passed, c->failed);
        if (k > 0 && (size_t)k < sizeof line)
            snprintf(line + k, sizeof line - (size_t)k, _("; %zu not started"),
                     n - c->started);
        double h = paper_measure(d, r->w, title, 9.5, PAPER_BOLD) +
                   paper_measure(d, r->w - 12, line, 9, 0);
        paper_need(d, h + 4);
        d->y += paper_text(d, r->x0, d->y, r->w, title, 9.5, PAPER_BOLD);
        d->y += paper_text(d, r->x0 + 12, d->y, r->w - 12, line, 9, 0) + 4;
    }
    d->y += 10;
}

/* ---- The class table -------------------------------------------------------- */

/* The symbols and what they mean, laid out as words that wrap whole. */
static void legend(report *r)
{
    paper_doc *d = &r->doc;
    char score[32], items[8][160];
    paper_percent(0.85, score, sizeof score);
    /* TRANSLATORS: the legend of the class table, one entry each. */
    snprintf(items[0], sizeof items[0], "%s %s", SYM_COMPLETED, _("completed"));
    snprintf(items[1], sizeof items[1], "%s %s", SYM_PASSED, _("quiz passed"));
    snprintf(items[2], sizeof items[2], "%s %s", SYM_FAILED, _("quiz failed"));
    snprintf(items[3], sizeof items[3], "%s %s", SYM_PROGRESS, _("in progress"));
    snprintf(items[4], sizeof items[4], "%s %s", SYM_NOT_STARTED, _("not started"));
    snprintf(items[5], sizeof items[5], "%s %s", score, _("best score"));
    snprintf(items[6], sizeof items[6], "2\u00d7 %s", _("quiz attempts"));
    snprintf(items[7], sizeof items[7], "%s1 %s", SYM_RESET, _("attempts reset once"));
    double x = r->x0, line_h = paper_measure(d, -1, "X", 8, 0);
    for (int i = 0; i < 8; i++) {
        double w = paper_text_width(d, items[i], 8, 0);
        if (x > r->x0 && x + w > r->x0 + r->w) {
            x = r->x0;
            d->y += line_h + 1;
        }
        paper_text(d, x, d->y, -1, items[i], 8, 0);
        x += w + 14;
    }
    d->y += line_h + 6;
}

static double table_header_height(report *r)
{
    double h = 0;
    for (size_t m = 0; m < r->table->n_modules; m++) {
        char text[600];
        snprintf(text, sizeof text, "%zu. %s", m + 1, module_title(r, m));
        double mh = paper_measure(&r->doc, r->module_w - 4, text, 6.5, PAPER_MAX_LINES(4));
        if (mh > h)
            h = mh;
    }
    return h + 6;
}

static void table_header(report *r)
{
    paper_doc *d = &r->doc;
    double h = table_header_height(r);
    double y = d->y;
    paper_text(d, r->x0 + 2, y + h - 12, r->name_w - 4, _("Learner"), 8, PAPER_BOLD);
    for (size_t m = 0; m < r->table->n_modules; m++) {
        char text[600];
        snprintf(text, sizeof text, "%zu. %s", m + 1, module_title(r, m));
        double x = r->x0 + r->name_w + (double)m * r->module_w;
        paper_text(d, x + 2, y + 2, r->module_w - 4, text, 6.5, PAPER_BOLD | PAPER_MAX_LINES(4));
    }
    /* TRANSLATORS: the last column of the class table: modules completed. */
    paper_text(d, r->x0 + r->w - r->done_w, y + h - 12, r->done_w - 2, _("Done"), 8,
               PAPER_BOLD | PAPER_RIGHT);
    paper_line(d, r->x0, y + h + 1, r->x0 + r->w, y + h + 1, 0.8);
    d->y = y + h + 3;
}

static void cell_text(const hrc_class_cell *c, char *top, size_t top_size, char *bottom,
                      size_t bottom_size)
{
    const char *sym = c->status == HRC_CELL_COMPLETED   ? SYM_COMPLETED
                    : c->status == HRC_CELL_PASSED      ? SYM_PASSED
                    : c->status == HRC_CELL_FAILED      ? SYM_FAILED
                    : c->status == HRC_CELL_IN_PROGRESS ? SYM_PROGRESS
                                                        : SYM_NOT_STARTED;
    char score[32] = "";
    if (c->has_score)
        paper_percent(c->best_score, score, sizeof score);
    snprintf(top, top_size, "%s%s%s", sym, score[0] ? " " : "", score);
    bottom[0] = '\0';
    int k = 0;
    if (c->attempts > 0)
        k = snprintf(bottom, bottom_size, "%d\u00d7", c->attempts);
    if (c->resets > 0 && k >= 0 && (size_t)k < bottom_size)
        snprintf(bottom + k, bottom_size - (size_t)k, "%s%s%d", k ? " " : "", SYM_RESET,
                 c->resets);
}

#define ROW_H 19.0

static void table_row(report *r, size_t i, bool shaded)
{
    paper_doc *d = &r->doc;
    const hrc_class_table *t = r->table;
    double y = d->y;
    if (shaded)
        paper_rect(d, r->x0, y, r->w, ROW_H, 0.92);
    paper_text(d, r->x0 + 2, y + 4, r->name_w - 4, t->learners[i].name, 8.5, PAPER_ELLIPSIZE);
    size_t done = 0;
    for (size_t m = 0; m < t->n_modules; m++) {
        const hrc_class_cell *c = hrc_class_table_cell(t, i, m);
        done += c->status == HRC_CELL_COMPLETED;
        char top[64], bottom[64];
        cell_text(c, top, sizeof top, bottom, sizeof bottom);
        double x = r->x0 + r->name_w + (double)m * r->module_w;
        paper_text(d, x + 2, y + 1, r->module_w - 4, top, 7.5, PAPER_ELLIPSIZE);
        if (bottom[0])
            paper_text(d, x + 2, y + 10, r->module_w - 4, bottom, 6.5, PAPER_ELLIPSIZE);
    }
    char text[32];
    snprintf(text, sizeof text, "%zu/%zu", done, t->n_modules);
    paper_text(d, r->x0 + r->w - r->done_w, y + 4, r->done_w - 2, text, 8, PAPER_RIGHT);
    d->y = y + ROW_H;
}

/* The summary rows: "7 of 20" completed, passed. */
static void summary_rows(report *r)
{
    paper_doc *d = &r->doc;
    const hrc_class_table *t = r->table;
    if (paper_need(d, 2 * ROW_H + 4))
        table_header(r);
    paper_line(d, r->x0, d->y + 1, r->x0 + r->w, d->y + 1, 0.8);
    d->y += 3;
    /* TRANSLATORS: the summary rows under the class table. */
    const char *labels[2] = {_("Completed"), _("Quiz passed")};
    for (int row = 0; row < 2; row++) {
        double y = d->y;
        paper_text(d, r->x0 + 2, y + 3, r->name_w - 4, labels[row], 8.5,
                   PAPER_BOLD | PAPER_ELLIPSIZE);
        for (size_t m = 0; m < t->n_modules; m++) {
            char text[64];
            if (row == 1 && !has_quiz(r->course->modules[m]))
                snprintf(text, sizeof text, "\u2014");
            else
                snprintf(text, sizeof text, _("%zu of %zu"),
                         row == 0 ? t->columns[m].completed : t->columns[m].passed,
                         t->n_learners);
            double x = r->x0 + r->name_w + (double)m * r->module_w;
            paper_text(d, x + 2, y + 3, r->module_w - 4, text, 7.5, PAPER_BOLD | PAPER_ELLIPSIZE);
        }
        d->y = y + ROW_H * 0.8;
    }
    d->y += 14;
}

static void class_table(report *r)
{
    paper_doc *d = &r->doc;
    heading(r, _("Learners by module"), NULL);
    legend(r);
    if (r->table->n_learners == 0) {
        d->y += paper_text(d, r->x0, d->y, r->w, _("No learner in this group yet."), 9,
                           PAPER_ITALIC) + 14;
        return;
    }
    paper_need(d, table_header_height(r) + 3 * ROW_H);
    table_header(r);
    for (size_t i = 0; i < r->table->n_learners; i++) {
        if (paper_need(d, ROW_H))
            table_header(r);
        table_row(r, i, i % 2 == 1);
    }
    summary_rows(r);
}

/* ---- The questions ----------------------------------------------------------- */

typedef struct qcols {
    double rank, question, answered, right, wrong, disc;
} qcols;

static qcols question_columns(const report *r)
{
    qcols c = {.rank = 18, .answered = 48, .right = 62, .disc = 66};
    c.wrong = r->w * 0.24;
    c.question = r->w - c.rank - c.answered - c.right - c.wrong - c.disc;
    return c;
}

static void question_header(report *r)
{
    paper_doc *d = &r->doc;
    qcols c = question_columns(r);
    const char *labels[6] = {"#", _("Question"), _("Answered"), _("Right on first try"),
                             _("Wrong answer given most"), _("Discrimination")};
    double widths[6] = {c.rank, c.question, c.answered, c.right, c.wrong, c.disc};
    double h = 0;
    for (int k = 0; k < 6; k++) {
        double kh = paper_measure(d, widths[k] - 4, labels[k], 7.5, PAPER_BOLD);
        if (kh > h)
            h = kh;
    }
    double x = r->x0, y = d->y;
    for (int k = 0; k < 6; k++) {
        paper_text(d, x + 2, y, widths[k] - 4, labels[k], 7.5, PAPER_BOLD);
        x += widths[k];
    }
    paper_line(d, r->x0, y + h + 2, r->x0 + r->w, y + h + 2, 0.8);
    d->y = y + h + 5;
}

static const char *discrimination_word(double v)
{
    /* TRANSLATORS: how well a question separates those who know from
     * those who do not (the discrimination index). */
    return v >= 0.3 ? _("good") : v >= 0.2 ? _("fair") : v >= 0 ? _("weak") : _("negative");
}

static void question_row(report *r, size_t rank, const hrc_item_stat *it)
{
    paper_doc *d = &r->doc;
    qcols c = question_columns(r);
    const hrc_question *q = it->question;
    const char *dl = it->module->default_lang;
    const char *prompt = hrc_text_plain(&q->prompt, r->lang, dl);
    char where[256], wrong[1024] = "", right[64], answered[32], disc[64] = "\u2014";
    size_t m = it->module_index;
    /* TRANSLATORS: where a question is: module number, quiz number, question number. */
    snprintf(where, sizeof where, _("Module %zu \u00b7 quiz %zu \u00b7 question %zu"), m + 1,
             it->quiz_number, it->question_number);
    size_t count = 0;
    if (it->wrong_choice >= 0) {
        hrc_itemstats_describe(q, q->choices[it->wrong_choice].id, r->lang, dl, wrong,
                               sizeof wrong);
        count = it->wrong_choice_count;
    } else if (it->wrong_response) {
        hrc_itemstats_describe(q, it->wrong_response, r->lang, dl, wrong, sizeof wrong);
        count = it->wrong_response_count;
    }
    if (count) {
        size_t k = strlen(wrong);
        snprintf(wrong + k, sizeof wrong - k, " (%zu)", count);
    } else {
        snprintf(wrong, sizeof wrong, "\u2014");
    }
    paper_percent(it->p_right, right, sizeof right);
    snprintf(answered, sizeof answered, "%zu", it->answered);
    if (it->has_discrimination) {
        snprintf(disc, sizeof disc, "%.2f %s", it->discrimination,
                 discrimination_word(it->discrimination));
        /* TRANSLATORS: the decimal mark of numbers such as 0.27 (French: ","). */
        const char *mark = C_("decimal mark", ".");
        char *dot = strchr(disc, '.');
        if (dot && strlen(mark) == 1)
            *dot = mark[0];
    }
    double h = paper_measure(d, c.question - 4, prompt, 8, PAPER_MAX_LINES(5)) +
               paper_measure(d, c.question - 4, where, 6.5, 0);
    double hw = paper_measure(d, c.wrong - 4, wrong, 7.5, PAPER_MAX_LINES(5));
    if (hw > h)
        h = hw;
    h += 6;
    if (paper_need(d, h))
        question_header(r);
    double x = r->x0, y = d->y;
    char number[16];
    snprintf(number, sizeof number, "%zu", rank);
    paper_text(d, x + 2, y + 2, c.rank - 4, number, 8, PAPER_BOLD);
    x += c.rank;
    double ph = paper_text(d, x + 2, y + 2, c.question - 4, prompt, 8, PAPER_MAX_LINES(5));
    paper_text(d, x + 2, y + 2 + ph, c.question - 4, where, 6.5, PAPER_ITALIC);
    x += c.question;
    paper_text(d, x + 2, y + 2, c.answered - 8, answered, 8, PAPER_RIGHT);
    x += c.answered;
    paper_text(d, x + 2, y + 2, c.right - 4, right, 8, PAPER_BOLD);
    /* A bar, outlined, filled as far as the share: readable in grey. */
    double bw = c.right - 8;
    paper_rect(d, x + 2, y + 13, bw, 4, -0.5);
    paper_rect(d, x + 2, y + 13, bw * it->p_right, 4, 0.25);
    x += c.right;
    paper_text(d, x + 2, y + 2, c.wrong - 4, wrong, 7.5, PAPER_MAX_LINES(5));
    x += c.wrong;
    paper_text(d, x + 2, y + 2, c.disc - 4, disc, 7.5, 0);
    paper_line(d, r->x0, y + h, r->x0 + r->w, y + h, 0.3);
    d->y = y + h + 2;
}

static void questions_block(report *r)
{
    paper_doc *d = &r->doc;
    heading(r, _("Questions the room got wrong"),
            _("Hardest first: the share of learners right on their first try, from the "
              "lowest. Each learner counts once, with their first answer."));
    size_t shown = 0, unanswered = 0;
    for (size_t i = 0; i < r->n_items; i++)
        unanswered += r->items[i].answered == 0;
    if (unanswered < r->n_items) {
        paper_need(d, 60);
        question_header(r);
        for (size_t i = 0; i < r->n_items; i++)
            if (r->items[i].answered)
                question_row(r, ++shown, &r->items[i]);
    } else {
        d->y += paper_text(d, r->x0, d->y, r->w, _("No question has been answered yet."), 9,
                           PAPER_ITALIC) + 6;
    }
    d->y += 8;
    char note[1024];
    if (unanswered && shown) {
        snprintf(note, sizeof note,
                 ngettext("%zu question has no answer yet.", "%zu questions have no answer yet.",
                          unanswered), unanswered);
        paper_need(d, 20);
        d->y += paper_text(d, r->x0, d->y, r->w, note, 8, PAPER_ITALIC) + 6;
    }
    const char *about =
        _("Discrimination: how well the question separates the learners who did well on the "
          "rest of its quiz from those who did not (the correlation between being right on "
          "the first try and the score on the quiz's other questions, from -1 to 1). Above "
          "0.3 is good; below 0.2 the question tells little; below 0 those who know the rest "
          "get it wrong more often: check the question and its answer. With fewer than about "
          "ten learners, take it as a hint.");
    double h = paper_measure(d, r->w, about, 7.5, PAPER_ITALIC);
    paper_need(d, h);
    d->y += paper_text(d, r->x0, d->y, r->w, about, 7.5, PAPER_ITALIC);
}

/* ---- Putting it together -------------------------------------------------------- */

static int group_label(report *r, char *err, size_t err_size)
{
    int64_t g = r->o->group;
    if (g == HRC_GROUP_ALL) {
        snprintf(r->group, sizeof r->group, "%s", _("All learners"));
        return HRC_PROGRESS_OK;
    }
    if (g == HRC_GROUP_NONE) {
        snprintf(r->group, sizeof r->group, "%s", _("Learners in no group"));
        return HRC_PROGRESS_OK;
    }
    hrc_group group;
    int res = hrc_progress_get_group(r->s, g, &group);
    if (res) {
        snprintf(err, err_size, "%s", hrc_progress_errmsg(r->s));
        return res;
    }
    char day[64] = "";
    if (group.day[0]) {
        struct tm tm = {0};
        if (strptime(group.day, "%Y-%m-%d", &tm)) {
            tm.tm_hour = 12;
            paper_format_day((int64_t)mktime(&tm) * 1000, day, sizeof day);
        }
    }
    /* TRANSLATORS: the group's name, then its day when it has one. */
    if (day[0])
        snprintf(r->group, sizeof r->group, _("Group: %s (%s)"), group.name, day);
    else
        snprintf(r->group, sizeof r->group, _("Group: %s"), group.name);
    return HRC_PROGRESS_OK;
}

static void free_report(report *r)
{
    paper_close(&r->doc);
    hrc_class_table_free(r->table);
    hrc_itemstats_free(r->stats);
}

static int gather(report *r, char *err, size_t err_size)
{
    const hrc_course *c = r->course;
    const char **ids = calloc(c->n_modules ? c->n_modules : 1, sizeof *ids);
    if (!ids) {
        snprintf(err, err_size, "out of memory");
        return HRC_PROGRESS_ERR_NOMEM;
    }
    for (size_t m = 0; m < c->n_modules; m++)
        ids[m] = c->modules[m]->id;
    int res = hrc_progress_class_table(r->s, r->o->group, ids, c->n_modules, &r->table);
    free(ids);
    if (!res)
        res = hrc_progress_item_stats(r->s, c, r->o->group, &r->stats);
    if (res) {
        snprintf(err, err_size, "%s", hrc_progress_errmsg(r->s));
        return res;
    }
    if (hrc_itemstats_compute(r->stats, &r->items, &r->n_items) != 0) {
        snprintf(err, err_size, "out of memory");
        return HRC_PROGRESS_ERR_NOMEM;
    }
    r->has_kiosk = hrc_progress_this_kiosk(r->s, &r->kiosk) == HRC_PROGRESS_OK;
    return group_label(r, err, err_size);
}

int hrc_report_write(hrc_progress *s, const hrc_course *course, const hrc_paper_options *options,
                     const char *path, hrc_report_stats *stats, char *err, size_t err_size)
{
    hrc_paper_options defaults = {0};
    report r = {.s = s, .course = course, .o = options ? options : &defaults,
                .lang = hrc_i18n_language()};
    hrc_paper_options o = *r.o;
    if (!o.now_ms)
        o.now_ms = paper_now_ms();
    r.o = &o;
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (!s) {
        snprintf(err, err_size, "no progress store");
        return HRC_PROGRESS_ERR_NOT_FOUND;
    }
    hrc_paper_course_title(course, o.title, r.title, sizeof r.title);
    int res = gather(&r, err, err_size);
    /* Many modules: the table needs the page's width. */
    if (!res)
        res = paper_open(&r.doc, o.paper, course->n_modules > 6, o.fonts_dir, err, err_size);
    if (res) {
        free_report(&r);
        return res;
    }
    r.x0 = r.doc.margin;
    r.w = r.doc.width - 2 * r.doc.margin;
    r.done_w = paper_text_width(&r.doc, _("Done"), 8, PAPER_BOLD) + 6;
    if (r.done_w < 34)
        r.done_w = 34;
    r.name_w = r.w * 0.26 > 170 ? 170 : r.w * 0.26;
    r.module_w = r.table->n_modules ? (r.w - r.name_w - r.done_w) / (double)r.table->n_modules
                                    : 0;
    snprintf(r.doc.footer, sizeof r.doc.footer, "%.100s \u00b7 %.200s \u00b7 %.200s",
             _("Class report"), r.title, r.group);
    title_block(&r);
    modules_block(&r);
    class_table(&r);
    questions_block(&r);

    char title[700], author[128];
    snprintf(title, sizeof title, "%s \u2014 %s", _("Class report"), r.title);
    snprintf(author, sizeof author, "hrc-player %s", r.has_kiosk ? r.kiosk.fingerprint : "");
    paper_meta meta = {.title = title, .author = author, .subject = r.group};
    unsigned char *pdf = NULL;
    size_t len = 0;
    size_t pages = r.doc.n_pages;
    res = paper_finish(&r.doc, &meta, true, &pdf, &len, err, err_size);
    if (!res)
        res = paper_write_file(path, pdf, len, err, err_size);
    free(pdf);
    if (!res && stats)
        *stats = (hrc_report_stats){r.table->n_learners, r.table->n_modules, r.n_items, pages};
    free_report(&r);
    return res;
}
