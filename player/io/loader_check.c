/*
 * loader_check.c: the semantic checks of docs/format-v1.md that the schema
 * cannot express: identifiers, dates and eras, correct answers, unique ids
 * and links across the module. Every problem is reported, not just the
 * first.
 */
#include "io/loader_internal.h"

#include "core/i18n.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool loader_id_ok(const char *id)
{
    size_t n = 0;
    for (const char *p = id; *p; p++, n++) {
        char c = *p;
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (c >= '0' && c <= '9');
        if (!alnum && (n == 0 || (c != '_' && c != '.' && c != '-')))
            return false;
    }
    return n >= 1 && n <= 64;
}

/* ---- Language tags ------------------------------------------------------ */

/*
 * Language tags are not case-sensitive (BCP 47): xml:lang="FR" is French
 * and is read as "fr". The usual spelling is the language in lower case,
 * a script in title case and a region in capitals ("fr", "pt-BR",
 * "zh-Hant"); another spelling gets one warning per module, so that the
 * author knows how it was read and the course spells it one way.
 */
static void canonical_tag(const char *tag, char *out, size_t size)
{
    size_t i = 0, start = 0;
    for (; tag[i] && i + 1 < size; i++) {
        if (tag[i] == '-' || tag[i] == '_') {
            out[i] = tag[i];
            start = i + 1;
            continue;
        }
        size_t len = strcspn(tag + start, "-_");
        char c = tag[i];
        bool upper = start > 0 && len == 2 && !(tag[start] >= '0' && tag[start] <= '9');
        bool title = start > 0 && len == 4 && i == start;
        if ((upper || title) && c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        else if (!upper && !title && c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        out[i] = c;
    }
    out[i] = '\0';
}

void loader_check_lang_tag(loader_ctx *ctx, hrc_srcpos pos, const char *tag)
{
    char canon[64];
    if (!tag || !*tag || strlen(tag) >= sizeof canon)
        return;
    canonical_tag(tag, canon, sizeof canon);
    if (strcmp(canon, tag) == 0 || loader_idset_has(&ctx->lang_tags, tag))
        return;
    const char *kept = hrc_arena_strdup(ctx->arena, tag);
    if (!kept || loader_idset_add(&ctx->lang_tags, kept, pos, NULL) < 0) {
        ctx->oom = true;
        return;
    }
    loader_warning(ctx, pos, _("the language tag \"%s\" is read as \"%s\": tags are not "
                   "case-sensitive, but write \"%s\", the usual spelling"),
                   tag, canon, canon);
}

/* ---- Dates ------------------------------------------------------------ */

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

static bool parse_date(const char *s, const char *precision, hrc_date *out,
                       const char **why)
{
    memset(out, 0, sizeof(*out));
    size_t len = strlen(s);
    bool shape = (len == 4 || len == 7 || len == 10) && digits(s, 4, &out->year) &&
                 (len < 7 || (s[4] == '-' && digits(s + 5, 2, &out->month))) &&
                 (len < 10 || (s[7] == '-' && digits(s + 8, 2, &out->day)));
    if (!shape) {
        *why = "the date must be YYYY, YYYY-MM or YYYY-MM-DD";
        return false;
    }
    if (len >= 7 && (out->month < 1 || out->month > 12)) {
        *why = "the month must be 01 to 12";
        return false;
    }
    if (len == 10 && (out->day < 1 || out->day > days_in_month(out->year, out->month))) {
        *why = "that day does not exist in that month";
        return false;
    }
    out->precision = len == 4 ? HRC_DATE_YEAR : len == 7 ? HRC_DATE_MONTH : HRC_DATE_DAY;
    if (!precision || !*precision)
        return true;
    if (strcmp(precision, "before") == 0) {
        if (len != 4) {
            *why = "precision \"before\" needs a date of the form YYYY";
            return false;
        }
        out->precision = HRC_DATE_BEFORE;
        return true;
    }
    static const char *const names[] = {"year", "month", "day"};
    if (strcmp(precision, names[out->precision]) != 0) {
        *why = "the precision contradicts the date (leave it out: it follows from the date)";
        return false;
    }
    return true;
}

bool loader_parse_date(const char *s, const char *precision, hrc_date *out,
                       const char **why)
{
    if (parse_date(s, precision, out, why))
        return true;
    memset(out, 0, sizeof(*out)); /* no half-parsed date reaches the era checks */
    return false;
}

static void format_date(const hrc_date *d, char *buf, size_t size)
{
    switch (d->precision) {
    case HRC_DATE_BEFORE: snprintf(buf, size, "before %04d", d->year); break;
    case HRC_DATE_YEAR: snprintf(buf, size, "%04d", d->year); break;
    case HRC_DATE_MONTH: snprintf(buf, size, "%04d-%02d", d->year, d->month); break;
    case HRC_DATE_DAY:
        snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
        break;
    }
}

static long date_key(const hrc_date *d)
{
    return (long)d->year * 10000 + d->month * 100 + d->day;
}

static bool event_in_era(const hrc_event *ev, const hrc_era *era)
{
    int y = ev->date.year;
    if (ev->date.precision == HRC_DATE_BEFORE)
        return (!era->has_from || era->from_year < y) && y <= era->to_year;
    return (!era->has_from || era->from_year <= y) && y <= era->to_year;
}

/* A period: it ends after it starts, and inside its era. */
static void check_end(loader_ctx *ctx, const hrc_event *ev, const hrc_era *era,
                      const char *date)
{
    char end[32];
    format_date(&ev->end, end, sizeof end);
    if (ev->date.precision == HRC_DATE_BEFORE)
        loader_error(ctx, ev->pos, _("event \"%s\" is dated \"before %d\" and cannot have an "
                     "end: remove end=\"%s\", or give the date it starts"),
                     ev->id, ev->date.year, end);
    else if (date_key(&ev->end) <= date_key(&ev->date))
        loader_error(ctx, ev->pos, _("event \"%s\" ends (end=\"%s\") before it starts or on "
                     "the same date (date=\"%s\"): end must come after date; leave it out "
                     "for an event of one date"),
                     ev->id, end, date);
    else if (ev->end.year > era->to_year)
        loader_error(ctx, ev->pos, _("event \"%s\" ends in %d, after its era \"%s\" (to=\"%d\"): "
                     "end it within the era, or make the era longer"),
                     ev->id, ev->end.year, era->id, era->to_year);
}

void loader_check_timeline(loader_ctx *ctx, const hrc_timeline *t)
{
    for (size_t i = 0; i < t->n_eras; i++) {
        const hrc_era *era = &t->eras[i];
        if (era->has_from && era->to_year < era->from_year)
            loader_error(ctx, era->pos, _("era \"%s\" ends (to=\"%d\") before it starts "
                         "(from=\"%d\")"), era->id, era->to_year, era->from_year);
        if (i > 0) {
            const hrc_era *prev = &t->eras[i - 1];
            if (!era->has_from)
                loader_error(ctx, era->pos, _("era \"%s\" has no \"from\": only the first "
                             "era may have an open start"), era->id);
            else if (era->from_year <= prev->to_year)
                loader_error(ctx, era->pos, _("era \"%s\" starts in %d, before era \"%s\" "
                             "ends (%d): eras must be in order and must not overlap"),
                             era->id, era->from_year, prev->id, prev->to_year);
        }
        long last_key = LONG_MIN;
        for (size_t e = 0; e < era->n_events; e++) {
            const hrc_event *ev = &era->events[e];
            if (ev->date.year == 0 && ev->date.month == 0)
                continue; /* no usable date: already reported */
            char date[32];
            format_date(&ev->date, date, sizeof(date));
            if (!event_in_era(ev, era)) {
                char from[16] = "";
                if (era->has_from)
                    snprintf(from, sizeof(from), "%d", era->from_year);
                loader_error(ctx, ev->pos, _("event \"%s\" (%s) lies outside its era \"%s\" "
                             "(%s to %d)"), ev->id, date, era->id,
                             era->has_from ? from : "open start", era->to_year);
            }
            if (ev->has_end)
                check_end(ctx, ev, era, date);
            /* "before YYYY" has no place in the order of exact dates. */
            if (ev->date.precision == HRC_DATE_BEFORE)
                continue;
            long key = date_key(&ev->date);
            if (key < last_key)
                loader_warning(ctx, ev->pos, _("event \"%s\" (%s) comes after a later event "
                               "in era \"%s\": events should be in chronological order"),
                               ev->id, date, era->id);
            last_key = key;
        }
    }
}

/* ---- Questions -------------------------------------------------------- */

static void check_local_id(loader_ctx *ctx, const hrc_question *q, const char *what,
                           const char *id, hrc_srcpos pos)
{
    hrc_srcpos first;
    if (*id && loader_idset_add(&ctx->local_ids, id, pos, &first) == 0)
        loader_error(ctx, pos, _("question \"%s\": %s id \"%s\" is used twice (first on "
                     "line %u)"), q->id, what, id, first.line);
}

void loader_check_question(loader_ctx *ctx, const hrc_question *q, bool well_formed)
{
    loader_idset_clear(&ctx->local_ids);
    size_t correct = 0;
    const char *what = q->kind == HRC_Q_ORDERING ? "item" : "choice";
    for (size_t i = 0; i < q->n_choices; i++) {
        correct += q->choices[i].correct;
        if (q->kind != HRC_Q_TRUEFALSE)
            check_local_id(ctx, q, what, q->choices[i].id, q->choices[i].pos);
    }
    for (size_t i = 0; i < q->n_pairs; i++)
        check_local_id(ctx, q, "pair", q->pairs[i].id, q->pairs[i].pos);
    for (size_t i = 0; i < q->n_gaps; i++)
        check_local_id(ctx, q, "answer", q->gaps[i].id, q->gaps[i].pos);
    if (!well_formed)
        return; /* a choice's correct="yess" is explained; "no right answer" is not news */

    switch (q->kind) {
    case HRC_Q_SINGLE:
        if (correct != 1)
            loader_error(ctx, q->pos, _("single-choice question \"%s\" must have exactly one "
                         "choice with correct=\"yes\" (it has %zu)"), q->id, correct);
        break;
    case HRC_Q_MULTIPLE:
        if (correct == 0)
            loader_error(ctx, q->pos, _("multiple-choice question \"%s\" needs at least one "
                         "choice with correct=\"yes\""), q->id);
        break;
    case HRC_Q_ORDERING:
        if (q->n_choices < 2)
            loader_error(ctx, q->pos, _("ordering question \"%s\" needs at least two items "
                         "(it has %zu)"), q->id, q->n_choices);
        break;
    case HRC_Q_MATCHING:
        if (q->n_pairs < 2)
            loader_error(ctx, q->pos, _("matching question \"%s\" needs at least two pairs "
                         "(it has %zu)"), q->id, q->n_pairs);
        break;
    case HRC_Q_TRUEFALSE:
    case HRC_Q_FILLIN:
    case HRC_Q_NUMERIC:
        break;
    }
}

/* ---- Fill-in gaps and pools --------------------------------------------- */

/* Whether gap i is the first with its id (a second one is reported as a
 * duplicate, not again here). */
static bool first_of_id(const hrc_question *q, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(q->gaps[k].id, q->gaps[i].id) == 0)
            return false;
    return true;
}

/* The ids of the question's answers, "city, year", into buf. */
static void answer_ids(const hrc_question *q, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < q->n_gaps && len + 1 < size; i++)
        if (first_of_id(q, i))
            len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? ", " : "",
                                    q->gaps[i].id);
    if (len >= size)
        buf[size - 1] = '\0';
}

static void count_gaps(loader_ctx *ctx, const xmlNode *node, const hrc_question *q,
                       unsigned char *seen)
{
    for (xmlNode *c = loader_first_child(node); c; c = loader_next(c)) {
        if (!loader_is(c, "gap")) {
            count_gaps(ctx, c, q, seen); /* inside <em> or <strong>: the schema says */
            continue;
        }
        const char *ref = loader_attr(c, "ref");
        if (!ref)
            continue; /* the schema reports it */
        size_t i = 0;
        while (i < q->n_gaps && strcmp(q->gaps[i].id, ref) != 0)
            i++;
        if (i == q->n_gaps) {
            char ids[256];
            answer_ids(q, ids, sizeof ids);
            loader_error(ctx, loader_node_pos(ctx, c), _("<gap ref=\"%s\"/> names no <answer> "
                         "of question \"%s\": write the id of one (%s), or add <answer "
                         "id=\"%s\">"),
                         ref, q->id, ids, ref);
        } else if (seen[i]++ == 1) {
            loader_error(ctx, loader_node_pos(ctx, c), _("<gap ref=\"%s\"/> stands twice in "
                         "this prompt of question \"%s\": each gap is typed once; remove one"),
                         ref, q->id);
        }
    }
}

void loader_check_gaps(loader_ctx *ctx, xmlNode *cursor, const hrc_question *q)
{
    /* What a learner types is recorded whole: the blanks must fit the
     * progress store's answer (4096 bytes). */
    if (q->n_gaps > LOADER_MAX_GAPS)
        loader_error(ctx, q->pos, _("fill-in question \"%s\" has %zu blanks; at most %d fit on "
                     "a screen and in the record: split it into several questions"),
                     q->id, q->n_gaps, LOADER_MAX_GAPS);
    unsigned char *seen = calloc(q->n_gaps ? q->n_gaps : 1, 1);
    if (!seen) {
        ctx->oom = true;
        return;
    }
    for (xmlNode *p = loader_element(cursor); loader_is(p, "prompt"); p = loader_next(p)) {
        memset(seen, 0, q->n_gaps);
        count_gaps(ctx, p, q, seen);
        const char *lang = loader_lang(p);
        for (size_t i = 0; i < q->n_gaps; i++)
            if (!seen[i] && *q->gaps[i].id && first_of_id(q, i))
                loader_error(ctx, loader_node_pos(ctx, p), _("this prompt (%s) of question "
                             "\"%s\" has no <gap ref=\"%s\"/>: mark where the learner types "
                             "each answer, in every translation"),
                             lang && *lang ? lang : ctx->default_lang ? ctx->default_lang : "",
                             q->id, q->gaps[i].id);
    }
    free(seen);
}

void loader_check_quiz(loader_ctx *ctx, const hrc_quiz *z)
{
    if (z->draw > z->n_questions && z->n_questions > 0)
        loader_error(ctx, z->pos, ngettext("quiz \"%s\" draws %zu questions (draw=\"%zu\") but "
                                           "has %zu: write draw=\"%zu\" or less, or add "
                                           "questions",
                                           "quiz \"%s\" draws %zu questions (draw=\"%zu\") but "
                                           "has %zu: write draw=\"%zu\" or less, or add "
                                           "questions",
                                           z->n_questions),
                     z->id, z->draw, z->draw, z->n_questions, z->n_questions);
}

/* ---- The whole module ------------------------------------------------- */

static void unique(loader_ctx *ctx, loader_idset *ids, const char *id, hrc_srcpos pos)
{
    hrc_srcpos first;
    if (!id || !*id)
        return; /* missing: the schema reported it */
    int added = loader_idset_add(ids, id, pos, &first);
    if (added == 0)
        loader_error(ctx, pos, _("duplicate id \"%s\" (first used on line %u)"), id,
                     first.line);
    else if (added < 0)
        ctx->oom = true;
}

void loader_check_module(loader_ctx *ctx)
{
    const hrc_module *m = ctx->module;
    loader_idset ids, cases;
    loader_idset_init(&ids);
    loader_idset_init(&cases);
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        switch (it->kind) {
        case HRC_ITEM_PAGE: unique(ctx, &ids, it->u.page->id, it->u.page->pos); break;
        case HRC_ITEM_CASE:
            unique(ctx, &ids, it->u.case_study->id, it->u.case_study->pos);
            if (*it->u.case_study->id &&
                loader_idset_add(&cases, it->u.case_study->id, it->u.case_study->pos,
                                 NULL) < 0)
                ctx->oom = true;
            break;
        case HRC_ITEM_TIMELINE: {
            const hrc_timeline *t = it->u.timeline;
            unique(ctx, &ids, t->id, t->pos);
            for (size_t e = 0; e < t->n_eras; e++) {
                unique(ctx, &ids, t->eras[e].id, t->eras[e].pos);
                for (size_t v = 0; v < t->eras[e].n_events; v++)
                    unique(ctx, &ids, t->eras[e].events[v].id, t->eras[e].events[v].pos);
            }
            break;
        }
        case HRC_ITEM_QUIZ: {
            const hrc_quiz *z = it->u.quiz;
            unique(ctx, &ids, z->id, z->pos);
            for (size_t q = 0; q < z->n_questions; q++)
                unique(ctx, &ids, z->questions[q].id, z->questions[q].pos);
            break;
        }
        }
    }
    /* Links, once every case study is known: they may come later. */
    for (size_t i = 0; i < m->n_items; i++) {
        if (m->items[i].kind != HRC_ITEM_TIMELINE)
            continue;
        const hrc_timeline *t = m->items[i].u.timeline;
        for (size_t e = 0; e < t->n_eras; e++)
            for (size_t v = 0; v < t->eras[e].n_events; v++) {
                const hrc_event *ev = &t->eras[e].events[v];
                if (ev->case_ref && *ev->case_ref && !loader_idset_has(&cases, ev->case_ref))
                    loader_error(ctx, ev->pos, _("event \"%s\": case=\"%s\" names no case "
                                 "study of this module"), ev->id, ev->case_ref);
            }
    }
    loader_idset_free(&ids);
    loader_idset_free(&cases);
}
