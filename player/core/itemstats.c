/* itemstats.c: how a class answered each question (itemstats.h). */
#include "core/itemstats.h"

#include "core/i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A question of the course, where it stands. */
typedef struct question_ref {
    const hrc_module *module;
    size_t module_index;
    const hrc_quiz *quiz;
    size_t quiz_key;      /* the quiz's number across the course */
    size_t quiz_number;   /* in its module */
    const hrc_question *question;
    size_t question_number;
    size_t order;         /* in the course */
} question_ref;

/* A learner's first try at a question. */
typedef struct fact {
    size_t question;      /* index into refs (course order) */
    int64_t learner;
    bool correct;
    double score;
    char *response;       /* owned; may be NULL */
    double rest;          /* filled by compute: the rest of the quiz */
} fact;

struct hrc_itemstats {
    question_ref *refs;
    size_t n_refs;
    size_t *by_id;        /* refs sorted by (module id, question id) */
    fact *facts;
    size_t n_facts, cap_facts;
    /* (question, learner) pairs seen: open addressing, keys + 1 (0: empty). */
    uint64_t *seen_q;
    int64_t *seen_l;
    size_t seen_cap;
    size_t ignored;
    /* Results of the last compute. */
    hrc_item_stat *results;
    size_t *counts;
};

/* ---- The course's questions ---------------------------------------------- */

static int ref_order(const void *a, const void *b, void *ctx)
{
    const question_ref *refs = ctx;
    const question_ref *x = &refs[*(const size_t *)a], *y = &refs[*(const size_t *)b];
    int c = strcmp(x->module->id, y->module->id);
    return c ? c : strcmp(x->question->id, y->question->id);
}

int hrc_itemstats_new(const hrc_course *course, hrc_itemstats **out)
{
    *out = NULL;
    hrc_itemstats *st = calloc(1, sizeof *st);
    if (!st)
        return -1;
    size_t n = 0;
    for (size_t m = 0; course && m < course->n_modules; m++)
        for (size_t i = 0; i < course->modules[m]->n_items; i++)
            if (course->modules[m]->items[i].kind == HRC_ITEM_QUIZ)
                n += course->modules[m]->items[i].u.quiz->n_questions;
    st->refs = calloc(n ? n : 1, sizeof *st->refs);
    st->by_id = calloc(n ? n : 1, sizeof *st->by_id);
    if (!st->refs || !st->by_id) {
        hrc_itemstats_free(st);
        return -1;
    }
    size_t quiz_key = 0;
    for (size_t m = 0; course && m < course->n_modules; m++) {
        const hrc_module *mod = course->modules[m];
        size_t quiz_number = 0;
        for (size_t i = 0; i < mod->n_items; i++) {
            if (mod->items[i].kind != HRC_ITEM_QUIZ)
                continue;
            const hrc_quiz *quiz = mod->items[i].u.quiz;
            quiz_number++;
            for (size_t q = 0; q < quiz->n_questions; q++) {
                question_ref *r = &st->refs[st->n_refs];
                *r = (question_ref){mod, m, quiz, quiz_key, quiz_number, &quiz->questions[q],
                                    q + 1, st->n_refs};
                st->by_id[st->n_refs] = st->n_refs;
                st->n_refs++;
            }
            quiz_key++;
        }
    }
    qsort_r(st->by_id, st->n_refs, sizeof *st->by_id, ref_order, st->refs);
    *out = st;
    return 0;
}

void hrc_itemstats_free(hrc_itemstats *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->n_facts; i++)
        free(st->facts[i].response);
    free(st->facts);
    free(st->refs);
    free(st->by_id);
    free(st->seen_q);
    free(st->seen_l);
    free(st->results);
    free(st->counts);
    free(st);
}

static long find_question(const hrc_itemstats *st, const char *module_id,
                          const char *question_id)
{
    size_t lo = 0, hi = st->n_refs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const question_ref *r = &st->refs[st->by_id[mid]];
        int c = strcmp(r->module->id, module_id);
        if (!c)
            c = strcmp(r->question->id, question_id);
        if (c < 0)
            lo = mid + 1;
        else if (c > 0)
            hi = mid;
        else
            return (long)st->by_id[mid];
    }
    return -1;
}

/* ---- First tries ---------------------------------------------------------- */

static size_t slot_of(uint64_t q, int64_t learner, size_t cap)
{
    uint64_t h = (q + 1) * 0x9E3779B97F4A7C15ull ^ (uint64_t)learner * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 31;
    return (size_t)(h & (cap - 1));
}

/* Whether (question, learner) was seen; marks it when not. -1: no memory. */
static int seen_before(hrc_itemstats *st, size_t question, int64_t learner)
{
    if ((st->n_facts + 1) * 2 > st->seen_cap) {
        size_t cap = st->seen_cap ? st->seen_cap * 2 : 1024;
        uint64_t *q = calloc(cap, sizeof *q);
        int64_t *l = calloc(cap, sizeof *l);
        if (!q || !l) {
            free(q), free(l);
            return -1;
        }
        for (size_t i = 0; i < st->seen_cap; i++) {
            if (!st->seen_q[i])
                continue;
            size_t k = slot_of(st->seen_q[i] - 1, st->seen_l[i], cap);
            while (q[k])
                k = (k + 1) & (cap - 1);
            q[k] = st->seen_q[i];
            l[k] = st->seen_l[i];
        }
        free(st->seen_q), free(st->seen_l);
        st->seen_q = q, st->seen_l = l, st->seen_cap = cap;
    }
    size_t k = slot_of(question, learner, st->seen_cap);
    while (st->seen_q[k]) {
        if (st->seen_q[k] == question + 1 && st->seen_l[k] == learner)
            return 1;
        k = (k + 1) & (st->seen_cap - 1);
    }
    st->seen_q[k] = question + 1;
    st->seen_l[k] = learner;
    return 0;
}

int hrc_itemstats_add(hrc_itemstats *st, int64_t learner, const char *module_id,
                      const char *question_id, int revision, bool correct, double score,
                      const char *response)
{
    long q = module_id && question_id ? find_question(st, module_id, question_id) : -1;
    if (q < 0 || st->refs[q].question->revision != revision) {
        st->ignored++;
        return 0;
    }
    if (st->n_facts == st->cap_facts) {
        size_t cap = st->cap_facts ? st->cap_facts * 2 : 256;
        fact *grown = realloc(st->facts, cap * sizeof *grown);
        if (!grown)
            return -1;
        st->facts = grown;
        st->cap_facts = cap;
    }
    int seen = seen_before(st, (size_t)q, learner);
    if (seen)
        return seen < 0 ? -1 : 0; /* a later try: only the first counts */
    char *copy = NULL;
    if (response && !(copy = strdup(response)))
        return -1;
    if (!(score >= 0))
        score = 0;
    if (score > 1)
        score = 1;
    st->facts[st->n_facts++] = (fact){(size_t)q, learner, correct, score, copy, 0};
    return 1;
}

size_t hrc_itemstats_ignored(const hrc_itemstats *st)
{
    return st ? st->ignored : 0;
}

static int by_learner(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

size_t hrc_itemstats_learners(const hrc_itemstats *st)
{
    if (!st || !st->n_facts)
        return 0;
    int64_t *ids = malloc(st->n_facts * sizeof *ids);
    if (!ids)
        return 0;
    for (size_t i = 0; i < st->n_facts; i++)
        ids[i] = st->facts[i].learner;
    qsort(ids, st->n_facts, sizeof *ids, by_learner);
    size_t n = 1;
    for (size_t i = 1; i < st->n_facts; i++)
        n += ids[i] != ids[i - 1];
    free(ids);
    return n;
}

/* ---- The figures ----------------------------------------------------------- */

/* Facts by (quiz, learner): their rest scores. */
static int by_quiz_learner(const void *a, const void *b, void *ctx)
{
    const hrc_itemstats *st = ctx;
    const fact *x = &st->facts[*(const size_t *)a], *y = &st->facts[*(const size_t *)b];
    size_t qx = st->refs[x->question].quiz_key, qy = st->refs[y->question].quiz_key;
    if (qx != qy)
        return qx < qy ? -1 : 1;
    return x->learner < y->learner ? -1 : x->learner > y->learner;
}

static int rest_scores(hrc_itemstats *st)
{
    size_t *order = malloc((st->n_facts ? st->n_facts : 1) * sizeof *order);
    if (!order)
        return -1;
    for (size_t i = 0; i < st->n_facts; i++)
        order[i] = i;
    qsort_r(order, st->n_facts, sizeof *order, by_quiz_learner, st);
    for (size_t i = 0; i < st->n_facts;) {
        size_t j = i;
        double total = 0;
        while (j < st->n_facts && by_quiz_learner(&order[i], &order[j], st) == 0)
            total += st->facts[order[j++]].score;
        for (size_t k = i; k < j; k++)
            st->facts[order[k]].rest = total - st->facts[order[k]].score;
        i = j;
    }
    free(order);
    return 0;
}

static long choice_index(const hrc_question *q, const char *id, size_t len)
{
    for (size_t c = 0; c < q->n_choices; c++)
        if (strlen(q->choices[c].id) == len && strncmp(q->choices[c].id, id, len) == 0)
            return (long)c;
    return -1;
}

static bool has_choices(const hrc_question *q)
{
    return q->kind == HRC_Q_SINGLE || q->kind == HRC_Q_MULTIPLE || q->kind == HRC_Q_TRUEFALSE;
}

/* Counts the choices a response picked ("b" or "a,c"). */
static void count_choices(const hrc_question *q, const char *response, size_t *counts)
{
    for (const char *p = response; p && *p;) {
        size_t len = strcspn(p, ",");
        long c = choice_index(q, p, len);
        if (c >= 0)
            counts[c]++;
        p += len + (p[len] == ',');
    }
}

/* Wrong answers to ordering and matching questions, by (question, text). */
typedef struct wrong {
    size_t question;
    const char *response;
} wrong;

static int by_question_response(const void *a, const void *b)
{
    const wrong *x = a, *y = b;
    if (x->question != y->question)
        return x->question < y->question ? -1 : 1;
    return strcmp(x->response, y->response);
}

static void most_common_wrong(hrc_itemstats *st)
{
    wrong *all = malloc((st->n_facts ? st->n_facts : 1) * sizeof *all);
    if (!all)
        return; /* the figure stays empty */
    size_t n = 0;
    for (size_t i = 0; i < st->n_facts; i++) {
        const fact *f = &st->facts[i];
        if (!f->correct && f->response && *f->response &&
            !has_choices(st->refs[f->question].question))
            all[n++] = (wrong){f->question, f->response};
    }
    qsort(all, n, sizeof *all, by_question_response);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && by_question_response(&all[i], &all[j]) == 0)
            j++;
        hrc_item_stat *r = &st->results[all[i].question];
        if (j - i > r->wrong_response_count) {
            r->wrong_response = all[i].response;
            r->wrong_response_count = j - i;
        }
        i = j;
    }
    free(all);
}

/* Sums for Pearson's correlation of x (right first: 0 or 1) and y (rest). */
typedef struct sums {
    double n, x, y, yy, xy;
} sums;

static void discrimination(hrc_item_stat *r, const sums *s)
{
    double n = s->n;
    double var_x = n * s->x - s->x * s->x; /* x * x == x */
    double var_y = n * s->yy - s->y * s->y;
    r->has_discrimination = n >= 2 && var_x > 0 && var_y > 1e-9 * n * n;
    if (r->has_discrimination) {
        r->discrimination = (n * s->xy - s->x * s->y) / sqrt(var_x * var_y);
        if (r->discrimination > 1)
            r->discrimination = 1;
        if (r->discrimination < -1)
            r->discrimination = -1;
    }
}

static int hardest_first(const void *a, const void *b)
{
    const hrc_item_stat *x = a, *y = b;
    if ((x->answered == 0) != (y->answered == 0))
        return x->answered == 0 ? 1 : -1;
    if (x->answered && x->p_right != y->p_right)
        return x->p_right < y->p_right ? -1 : 1;
    if (x->answered != y->answered)
        return x->answered > y->answered ? -1 : 1;
    if (x->module_index != y->module_index)
        return x->module_index < y->module_index ? -1 : 1;
    if (x->quiz_number != y->quiz_number)
        return x->quiz_number < y->quiz_number ? -1 : 1;
    return x->question_number < y->question_number ? -1 : x->question_number > y->question_number;
}

int hrc_itemstats_compute(hrc_itemstats *st, const hrc_item_stat **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    free(st->results);
    free(st->counts);
    st->counts = NULL;
    size_t n_counts = 0;
    for (size_t i = 0; i < st->n_refs; i++)
        if (has_choices(st->refs[i].question))
            n_counts += st->refs[i].question->n_choices;
    st->results = calloc(st->n_refs ? st->n_refs : 1, sizeof *st->results);
    st->counts = calloc(n_counts ? n_counts : 1, sizeof *st->counts);
    sums *sum = calloc(st->n_refs ? st->n_refs : 1, sizeof *sum);
    if (!st->results || !st->counts || !sum || rest_scores(st) != 0) {
        free(sum);
        return -1;
    }
    size_t *next = st->counts;
    for (size_t i = 0; i < st->n_refs; i++) {
        const question_ref *ref = &st->refs[i];
        hrc_item_stat *r = &st->results[i];
        *r = (hrc_item_stat){.module = ref->module, .module_index = ref->module_index,
                             .quiz = ref->quiz, .quiz_number = ref->quiz_number,
                             .question = ref->question,
                             .question_number = ref->question_number, .wrong_choice = -1};
        if (has_choices(ref->question)) {
            r->choice_counts = next;
            next += ref->question->n_choices;
        }
    }
    for (size_t i = 0; i < st->n_facts; i++) {
        const fact *f = &st->facts[i];
        hrc_item_stat *r = &st->results[f->question];
        r->answered++;
        r->right_first += f->correct;
        if (r->choice_counts)
            count_choices(r->question, f->response, (size_t *)r->choice_counts);
        sums *s = &sum[f->question];
        double x = f->correct ? 1 : 0;
        s->n += 1, s->x += x, s->y += f->rest, s->yy += f->rest * f->rest, s->xy += x * f->rest;
    }
    for (size_t i = 0; i < st->n_refs; i++) {
        hrc_item_stat *r = &st->results[i];
        r->p_right = r->answered ? (double)r->right_first / (double)r->answered : 0;
        for (size_t c = 0; r->choice_counts && c < r->question->n_choices; c++)
            if (!r->question->choices[c].correct &&
                r->choice_counts[c] > r->wrong_choice_count) {
                r->wrong_choice = (long)c;
                r->wrong_choice_count = r->choice_counts[c];
            }
        discrimination(r, &sum[i]);
    }
    free(sum);
    most_common_wrong(st);
    qsort(st->results, st->n_refs, sizeof *st->results, hardest_first);
    *out = st->results;
    *n = st->n_refs;
    return 0;
}

/* ---- Responses as text --------------------------------------------------- */

static const char *text_of(const hrc_text *t, const char *id, const char *lang,
                           const char *default_lang)
{
    const char *s = hrc_text_plain(t, lang, default_lang);
    return s && *s ? s : id;
}

static void append(char *out, size_t size, size_t *len, const char *text, size_t n)
{
    if (*len + 1 >= size)
        return;
    if (n > size - 1 - *len) {
        n = size - 1 - *len;
        while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
            n--; /* never half a character */
    }
    memcpy(out + *len, text, n);
    *len += n;
    out[*len] = '\0';
}

static long pair_index(const hrc_question *q, const char *id, size_t len)
{
    for (size_t p = 0; p < q->n_pairs; p++)
        if (strlen(q->pairs[p].id) == len && strncmp(q->pairs[p].id, id, len) == 0)
            return (long)p;
    return -1;
}

void hrc_itemstats_describe(const hrc_question *q, const char *response, const char *lang,
                            const char *default_lang, char *out, size_t size)
{
    if (!out || !size)
        return;
    out[0] = '\0';
    size_t len = 0;
    if (q->kind == HRC_Q_FILLIN || q->kind == HRC_Q_NUMERIC) {
        /* Typed answers as typed; the blanks of a fill-in split by " / ". */
        for (const char *p = response; p && *p;) {
            const char *gap = strstr(p, "[,]");
            size_t n = gap ? (size_t)(gap - p) : strlen(p);
            append(out, size, &len, p, n);
            if (!gap)
                break;
            append(out, size, &len, " / ", 3);
            p = gap + 3;
        }
        return;
    }
    const char *sep = q->kind == HRC_Q_ORDERING ? " \u203a " : q->kind == HRC_Q_MATCHING ? "; "
                                                                                     : ", ";
    bool first = true;
    for (const char *p = response; p && *p;) {
        size_t n = strcspn(p, ",");
        if (!first)
            append(out, size, &len, sep, strlen(sep));
        first = false;
        if (q->kind == HRC_Q_MATCHING) {
            const char *eq = memchr(p, '=', n);
            long l = eq ? pair_index(q, p, (size_t)(eq - p)) : -1;
            long r = eq ? pair_index(q, eq + 1, n - (size_t)(eq - p) - 1) : -1;
            if (l >= 0 && r >= 0) {
                const char *a = text_of(&q->pairs[l].left, q->pairs[l].id, lang, default_lang);
                const char *b = text_of(&q->pairs[r].right, q->pairs[r].id, lang, default_lang);
                append(out, size, &len, a, strlen(a));
                append(out, size, &len, " = ", 3);
                append(out, size, &len, b, strlen(b));
            } else {
                append(out, size, &len, p, n);
            }
        } else {
            long c = choice_index(q, p, n);
            if (c >= 0) {
                const char *t = text_of(&q->choices[c].text, q->choices[c].id, lang,
                                        default_lang);
                /* True/false choices have no text: the quiz screen's words. */
                if (q->kind == HRC_Q_TRUEFALSE && hrc_text_is_empty(&q->choices[c].text))
                    t = c == 0 ? _("True") : _("False");
                append(out, size, &len, t, strlen(t));
            } else {
                append(out, size, &len, p, n);
            }
        }
        p += n + (p[n] == ',');
    }
}
