/* Noting rendered screens on the review sheet. See review_note.h. */
#include "sdl/review_note.h"

#include "core/answer.h"
#include "core/i18n.h"
#include "screens/goto.h"
#include "sdl/trace.h"

#include <stdio.h>
#include <string.h>

/* The module's file named relative to the course folder: "01-intro.xml". */
static void module_name(const hrc_course *course, const hrc_module *m, char *out, size_t size)
{
    const char *slash = strrchr(m->path, '/');
    const char *base = slash ? slash + 1 : m->path;
    size_t n = course && course->dir ? strlen(course->dir) : 0;
    /* A module in a subfolder of the course keeps that folder in its name. */
    if (n && m->dir && strncmp(m->dir, course->dir, n) == 0 && m->dir[n] == '/')
        snprintf(out, size, "%s/%s", m->dir + n + 1, base);
    else
        snprintf(out, size, "%s", base);
}

/* What the screen of `id` in m is about: the question's prompt, the
 * event's headline, the item's or the module's title. */
static const hrc_text *heading_of(const hrc_module *m, const char *id,
                                  const hrc_question **question)
{
    *question = NULL;
    long i = hrc_module_find_item(m, id);
    if (i < 0)
        return &m->title;
    const hrc_item *it = &m->items[i];
    if (it->kind == HRC_ITEM_TIMELINE)
        for (size_t e = 0; e < it->u.timeline->n_eras; e++)
            for (size_t v = 0; v < it->u.timeline->eras[e].n_events; v++)
                if (strcmp(it->u.timeline->eras[e].events[v].id, id) == 0)
                    return &it->u.timeline->eras[e].events[v].headline;
    if (it->kind == HRC_ITEM_QUIZ)
        for (size_t q = 0; q < it->u.quiz->n_questions; q++)
            if (strcmp(it->u.quiz->questions[q].id, id) == 0) {
                *question = &it->u.quiz->questions[q];
                return &question[0]->prompt;
            }
    return hrc_item_title(it);
}

typedef struct noter {
    hrc_review *review;
    const char *lang, *default_lang;
    bool failed;
} noter;

static const char *pick(const noter *n, const hrc_text *t)
{
    return hrc_text_plain(t, n->lang, n->default_lang);
}

static void note(noter *n, const char *label, const char *text)
{
    if (hrc_review_add_note(n->review, label, text))
        n->failed = true;
}

/* Everything a learner could see about q that one screenshot does not
 * show: each choice with its feedback, the right order or pairs, the
 * hints, the explanation. */
static void question_notes(noter *n, const hrc_question *q)
{
    char label[1024];
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_MULTIPLE:
        for (size_t c = 0; c < q->n_choices; c++) {
            const hrc_choice *ch = &q->choices[c];
            snprintf(label, sizeof label,
                     ch->correct ? _("Choice %zu, right: %s") : _("Choice %zu, wrong: %s"),
                     c + 1, pick(n, &ch->text));
            note(n, label, hrc_text_is_empty(&ch->feedback) ? _("(no feedback)")
                                                             : pick(n, &ch->feedback));
        }
        break;
    case HRC_Q_TRUEFALSE:
        for (size_t c = 0; c < q->n_choices && c < 2; c++) {
            const hrc_choice *ch = &q->choices[c];
            snprintf(label, sizeof label,
                     ch->correct ? _("Answer %s, right") : _("Answer %s, wrong"),
                     c == 0 ? _("True") : _("False"));
            note(n, label, hrc_text_is_empty(&ch->feedback) ? _("(no feedback)")
                                                             : pick(n, &ch->feedback));
        }
        break;
    case HRC_Q_ORDERING: {
        char order[2048] = "";
        size_t len = 0;
        for (size_t c = 0; c < q->n_choices && len < sizeof order; c++)
            len += (size_t)snprintf(order + len, sizeof order - len, "%s%zu. %s",
                                    c ? "  " : "", c + 1, pick(n, &q->choices[c].text));
        note(n, _("The right order"), order);
        break;
    }
    case HRC_Q_MATCHING:
        for (size_t p = 0; p < q->n_pairs; p++) {
            snprintf(label, sizeof label, _("Pair %zu"), p + 1);
            char pair[1024];
            snprintf(pair, sizeof pair, "%s \xe2\x86\x92 %s", pick(n, &q->pairs[p].left),
                     pick(n, &q->pairs[p].right));
            note(n, label, pair);
        }
        break;
    case HRC_Q_FILLIN:
        for (size_t g = 0; g < q->n_gaps; g++) {
            const hrc_gap *gap = &q->gaps[g];
            char accepted[2048] = "";
            size_t len = 0;
            for (size_t a = 0; a < gap->n_accepts && len < sizeof accepted; a++)
                len += (size_t)snprintf(accepted + len, sizeof accepted - len, "%s%s (%s)",
                                        a ? ", " : "", gap->accepts[a].text,
                                        gap->accepts[a].lang);
            snprintf(label, sizeof label,
                     gap->fold == HRC_FOLD_CASE_AND_ACCENTS
                         ? _("Blank %zu accepts (capitals and accents do not count)")
                     : gap->fold == HRC_FOLD_CASE
                         ? _("Blank %zu accepts (capitals do not count, accents do)")
                         : _("Blank %zu accepts (as written)"),
                     g + 1);
            note(n, label, accepted);
        }
        break;
    case HRC_Q_NUMERIC: {
        char right[256];
        hrc_numeric_answer_text(q, hrc_lang_decimal_comma(n->lang) ? ',' : '.',
                                pick(n, &q->unit), right, sizeof right);
        note(n, _("Right answer"), right);
        break;
    }
    }
    for (size_t h = 0; h < q->n_hints; h++) {
        snprintf(label, sizeof label, _("Hint %zu"), h + 1);
        note(n, label, pick(n, &q->hints[h]));
    }
    if (q->n_hints == 0)
        note(n, _("Hints"), _("(none)"));
    if (!hrc_text_is_empty(&q->explanation))
        note(n, _("Explanation"), pick(n, &q->explanation));
}

int hrc_review_note(hrc_review *review, const char *png_path, const hrc_app *app,
                    const hrc_course *course, const hrc_draw_list *list)
{
    const char *slash = strrchr(png_path, '/');
    const hrc_module *m = NULL;
    hrc_srcpos pos = {0, 0};
    const char *id = hrc_app_current_id(app, &m, &pos);
    const char *title = hrc_trace_title(list);
    const hrc_question *q = NULL;
    char name[1024] = "";
    noter n = {review, hrc_app_lang(app), m ? m->default_lang : NULL, false};
    if (m && id) {
        module_name(course, m, name, sizeof name);
        /* The whole heading, not just its first line on the screen. */
        const char *full = pick(&n, heading_of(m, id, &q));
        if (*full)
            title = full;
    }
    if (hrc_review_add(review, slash ? slash + 1 : png_path, title, m ? name : NULL, id,
                       pos.line))
        return -1;
    /* Once a question, beside its first screen. */
    if (q && !hrc_review_shown_before(review, id))
        question_notes(&n, q);
    return n.failed ? -1 : 0;
}
