#include "core/quiz.h"

#include "core/answer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hrc_rng_seed(hrc_rng *rng, uint64_t seed)
{
    rng->state = seed;
}

uint64_t hrc_rng_next(hrc_rng *rng)
{
    uint64_t z = (rng->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

size_t hrc_rng_below(hrc_rng *rng, size_t n)
{
    return n ? (size_t)(hrc_rng_next(rng) % n) : 0;
}

void hrc_shuffle(hrc_rng *rng, size_t *perm, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = hrc_rng_below(rng, i);
        size_t t = perm[i - 1];
        perm[i - 1] = perm[j];
        perm[j] = t;
    }
}

/* Number of answer parts the response has slots for. */
static size_t slots_for(const hrc_question *q)
{
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_TRUEFALSE: return 1;
    case HRC_Q_MULTIPLE:
    case HRC_Q_ORDERING: return q->n_choices;
    case HRC_Q_MATCHING: return q->n_pairs;
    case HRC_Q_FILLIN: return q->n_gaps;
    case HRC_Q_NUMERIC: return 1;
    }
    return 0;
}

/* ---- Typed answers: fill-in and numeric ------------------------------- */

static bool typed_kind(const hrc_question *q)
{
    return q->kind == HRC_Q_FILLIN || q->kind == HRC_Q_NUMERIC;
}

int hrc_response_init(hrc_response *r, const hrc_question *q)
{
    memset(r, 0, sizeof *r);
    r->n = slots_for(q);
    r->slot = calloc(r->n ? r->n : 1, sizeof *r->slot);
    if (typed_kind(q))
        r->text = calloc(r->n ? r->n : 1, HRC_FIELD_MAX);
    if (!r->slot || (typed_kind(q) && !r->text)) {
        hrc_response_free(r);
        return -1;
    }
    return 0;
}

void hrc_response_free(hrc_response *r)
{
    free(r->slot);
    free(r->text);
    r->slot = NULL;
    r->text = NULL;
    r->n = 0;
}

bool hrc_response_text_score(const hrc_question *q, const char *text, double *score)
{
    hrc_response r;
    bool ok = hrc_response_init(&r, q) == 0 && hrc_response_parse(q, text, &r) == 0;
    *score = ok ? hrc_question_score(q, &r) : 0;
    hrc_response_free(&r);
    return ok;
}

const char *hrc_response_field(const hrc_response *r, size_t i)
{
    return r && r->text && i < r->n ? r->text + i * HRC_FIELD_MAX : "";
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

bool hrc_gap_right(const hrc_question *q, const hrc_response *r, size_t i)
{
    return q && r && q->kind == HRC_Q_FILLIN && r->text && r->n == q->n_gaps &&
           i < q->n_gaps && hrc_answer_accepted(hrc_response_field(r, i), &q->gaps[i]);
}

bool hrc_response_number(const hrc_response *r, double *out)
{
    /* The field holds the number as recorded ("." for decimals) or as
     * typed; the screen turns a typed one into the recorded form before
     * checking (answer.h: hrc_number_parse). */
    return r && r->text && r->n == 1 && hrc_number_parse(hrc_response_field(r, 0), false, out);
}

static bool numeric_right(const hrc_question *q, const hrc_response *r)
{
    double v;
    /* The slack absorbs decimal fractions that binary cannot hold: 0.1 + 0.2. */
    double slack = 1e-9 * (fabs(q->value) > 1 ? fabs(q->value) : 1);
    return hrc_response_number(r, &v) && fabs(v - q->value) <= q->tolerance + slack;
}

static size_t gaps_right(const hrc_question *q, const hrc_response *r)
{
    size_t right = 0;
    for (size_t i = 0; i < q->n_gaps; i++)
        right += hrc_gap_right(q, r, i);
    return right;
}

/* The length of the UTF-8 character that starts with byte b; 0 for a
 * byte that starts none. */
static size_t char_len(unsigned char b)
{
    return b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3
                      : (b & 0xF8) == 0xF0 ? 4 : 0;
}

/* Copies text into a field, cut at a character to fit. */
static void field_copy(char *field, const char *text, size_t len)
{
    size_t n = 0;
    while (n < len && text[n]) {
        size_t c = char_len((unsigned char)text[n]);
        if (c == 0 || n + c > len || n + c + 1 > HRC_FIELD_MAX)
            break;
        n += c;
    }
    memcpy(field, text, n);
    field[n] = '\0';
}

/* What a numeric field takes: digits, signs, blanks and marks. */
static bool numeric_char(const char *c, size_t len)
{
    if (len == 1)
        return (*c >= '0' && *c <= '9') || strchr(" ,.-+'", *c);
    return (len == 3 && (memcmp(c, "\xe2\x88\x92", 3) == 0 ||   /* U+2212 minus */
                         memcmp(c, "\xe2\x80\xaf", 3) == 0 ||   /* U+202F */
                         memcmp(c, "\xe2\x80\x99", 3) == 0)) || /* U+2019 */
           (len == 2 && memcmp(c, "\xc2\xa0", 2) == 0);           /* U+00A0 */
}

static void format_typed(const hrc_question *q, const hrc_response *r, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    if (q->kind == HRC_Q_NUMERIC) {
        double v;
        if (hrc_response_number(r, &v))
            hrc_number_format(v, '.', out, size);
        else
            snprintf(out, size, "%s", hrc_response_field(r, 0));
        return;
    }
    for (size_t i = 0; i < r->n && used + 1 < size; i++) {
        const char *t = hrc_response_field(r, i);
        while (*t == ' ')
            t++;
        size_t len = strlen(t);
        while (len > 0 && t[len - 1] == ' ')
            len--;
        if (i > 0)
            used += (size_t)snprintf(out + used, size - used, "[,]");
        for (size_t k = 0; k < len && used + 1 < size; k++) {
            /* "[,]" separates the gaps: one typed in a gap is spaced out. */
            if (t[k] == '[' && k + 2 < len && t[k + 1] == ',' && t[k + 2] == ']') {
                used += (size_t)snprintf(out + used, size - used, "[ ");
                continue;
            }
            out[used++] = t[k];
            out[used] = '\0';
        }
    }
    if (used >= size)
        out[size - 1] = '\0';
}

static int parse_typed(const hrc_question *q, const char *text, hrc_response *r)
{
    if (q->kind == HRC_Q_NUMERIC) {
        double v;
        if (!hrc_number_parse(text, false, &v))
            return -1;
        field_copy(r->text, text, strlen(text));
        return 0;
    }
    size_t i = 0;
    for (const char *p = text;; i++) {
        const char *sep = strstr(p, "[,]");
        size_t len = sep ? (size_t)(sep - p) : strlen(p);
        if (i >= r->n)
            return -1;
        field_copy(r->text + i * HRC_FIELD_MAX, p, len);
        if (!sep)
            break;
        p = sep + 3;
    }
    return i + 1 == r->n ? 0 : -1;
}

void hrc_quiz_type(hrc_quiz_attempt *a, size_t i, size_t field, const char *utf8)
{
    hrc_quiz_item *it = a && i < a->n_items && !a->items[i].checked ? &a->items[i] : NULL;
    if (!it || !typed_kind(it->q) || field >= it->response.n || !it->response.text || !utf8)
        return;
    char *f = it->response.text + field * HRC_FIELD_MAX;
    size_t have = strlen(f);
    for (const char *p = utf8; *p;) {
        size_t c = char_len((unsigned char)*p);
        if (c == 0 || strnlen(p, c) < c)
            return; /* not UTF-8: nothing more */
        bool control = c == 1 && ((unsigned char)*p < 0x20 || *p == 0x7f);
        bool takes = !control && (it->q->kind != HRC_Q_NUMERIC || numeric_char(p, c));
        if (takes && have + c + 1 <= HRC_FIELD_MAX) {
            memcpy(f + have, p, c);
            have += c;
            f[have] = '\0';
        }
        p += c;
    }
}

void hrc_quiz_erase(hrc_quiz_attempt *a, size_t i, size_t field)
{
    hrc_quiz_item *it = a && i < a->n_items && !a->items[i].checked ? &a->items[i] : NULL;
    if (!it || !typed_kind(it->q) || field >= it->response.n || !it->response.text)
        return;
    char *f = it->response.text + field * HRC_FIELD_MAX;
    size_t n = strlen(f);
    while (n > 0 && ((unsigned char)f[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    f[n] = '\0';
}

void hrc_quiz_set_field(hrc_quiz_attempt *a, size_t i, size_t field, const char *text)
{
    hrc_quiz_item *it = a && i < a->n_items && !a->items[i].checked ? &a->items[i] : NULL;
    if (!it || !typed_kind(it->q) || field >= it->response.n || !it->response.text)
        return;
    field_copy(it->response.text + field * HRC_FIELD_MAX, text ? text : "",
               text ? strlen(text) : 0);
}

static double score_multiple(const hrc_question *q, const hrc_response *r)
{
    size_t n_correct = 0, right = 0, wrong = 0;
    for (size_t i = 0; i < q->n_choices; i++) {
        n_correct += q->choices[i].correct;
        if (r->slot[i]) {
            if (q->choices[i].correct)
                right++;
            else
                wrong++;
        }
    }
    if (n_correct == 0)
        return 0.0;
    if (q->scoring == HRC_SCORING_ALL_OR_NOTHING)
        return right == n_correct && wrong == 0 ? 1.0 : 0.0;
    double s = ((double)right - (double)wrong) / (double)n_correct;
    return s < 0.0 ? 0.0 : s;
}

/* Ordering and matching: `in_place` of `n` parts are right. */
static double share(const hrc_question *q, size_t in_place, size_t n)
{
    if (n == 0)
        return 0.0;
    if (q->scoring == HRC_SCORING_ALL_OR_NOTHING)
        return in_place == n ? 1.0 : 0.0;
    return (double)in_place / (double)n;
}

double hrc_question_score(const hrc_question *q, const hrc_response *r)
{
    if (!q || !r || !r->slot || r->n != slots_for(q) || (typed_kind(q) && !r->text))
        return 0.0;
    size_t right = 0;
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_TRUEFALSE:
        return r->slot[0] >= 0 && (size_t)r->slot[0] < q->n_choices &&
                       q->choices[r->slot[0]].correct
                   ? 1.0
                   : 0.0;
    case HRC_Q_MULTIPLE:
        return score_multiple(q, r);
    case HRC_Q_ORDERING:
        for (size_t p = 0; p < r->n; p++)
            right += r->slot[p] == (int)p;
        return share(q, right, r->n);
    case HRC_Q_MATCHING:
        for (size_t l = 0; l < r->n; l++)
            right += r->slot[l] == (int)l;
        return share(q, right, r->n);
    case HRC_Q_FILLIN:
        return share(q, gaps_right(q, r), q->n_gaps);
    case HRC_Q_NUMERIC:
        return numeric_right(q, r) ? 1.0 : 0.0;
    }
    return 0.0;
}

hrc_credit hrc_question_credit(const hrc_question *q, const hrc_response *r)
{
    hrc_credit c = {0, 0, 0};
    if (!q || !r || !r->slot || r->n != slots_for(q) || (typed_kind(q) && !r->text))
        return c;
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_TRUEFALSE:
        c.total = 1;
        c.right = hrc_question_score(q, r) >= 1.0;
        c.wrong = r->slot[0] >= 0 && !c.right;
        break;
    case HRC_Q_MULTIPLE:
        for (size_t i = 0; i < q->n_choices; i++) {
            c.total += q->choices[i].correct;
            if (r->slot[i] && q->choices[i].correct)
                c.right++;
            else if (r->slot[i])
                c.wrong++;
        }
        break;
    case HRC_Q_ORDERING:
    case HRC_Q_MATCHING:
        c.total = r->n;
        for (size_t p = 0; p < r->n; p++)
            c.right += r->slot[p] == (int)p;
        c.wrong = c.total - c.right;
        break;
    case HRC_Q_FILLIN:
        c.total = q->n_gaps;
        for (size_t i = 0; i < q->n_gaps; i++) {
            if (hrc_gap_right(q, r, i))
                c.right++;
            else if (!blank(hrc_response_field(r, i)))
                c.wrong++;
        }
        break;
    case HRC_Q_NUMERIC:
        c.total = 1;
        c.right = numeric_right(q, r);
        c.wrong = !c.right && !blank(hrc_response_field(r, 0));
        break;
    }
    return c;
}

bool hrc_response_complete(const hrc_question *q, const hrc_response *r)
{
    if (!q || !r || r->n != slots_for(q) || (typed_kind(q) && !r->text))
        return false;
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_TRUEFALSE:
        return r->slot[0] >= 0;
    case HRC_Q_MULTIPLE:
        for (size_t i = 0; i < r->n; i++)
            if (r->slot[i])
                return true;
        return false;
    case HRC_Q_ORDERING:
        return true;
    case HRC_Q_MATCHING:
        for (size_t i = 0; i < r->n; i++)
            if (r->slot[i] < 0)
                return false;
        return true;
    case HRC_Q_FILLIN:
        for (size_t i = 0; i < r->n; i++)
            if (blank(hrc_response_field(r, i)))
                return false;
        return r->n > 0;
    case HRC_Q_NUMERIC: {
        double v;
        return hrc_response_number(r, &v);
    }
    }
    return false;
}

void hrc_response_format(const hrc_question *q, const hrc_response *r, char *out,
                         size_t size)
{
    if (size == 0)
        return;
    out[0] = '\0';
    if (typed_kind(q)) {
        if (r->text)
            format_typed(q, r, out, size);
        return;
    }
    size_t used = 0;
    for (size_t i = 0; i < r->n && used < size; i++) {
        const char *sep = used ? "," : "";
        int k = r->slot[i];
        int w = 0;
        switch (q->kind) {
        case HRC_Q_SINGLE:
        case HRC_Q_TRUEFALSE:
        case HRC_Q_ORDERING:
            if (k >= 0 && (size_t)k < q->n_choices)
                w = snprintf(out + used, size - used, "%s%s", sep, q->choices[k].id);
            break;
        case HRC_Q_MULTIPLE:
            if (k)
                w = snprintf(out + used, size - used, "%s%s", sep, q->choices[i].id);
            break;
        case HRC_Q_MATCHING:
            if (k >= 0 && (size_t)k < q->n_pairs)
                w = snprintf(out + used, size - used, "%s%s=%s", sep, q->pairs[i].id,
                             q->pairs[k].id);
            break;
        case HRC_Q_FILLIN:
        case HRC_Q_NUMERIC:
            break;
        }
        if (w < 0)
            break;
        used += (size_t)w;
    }
    if (used >= size)
        out[size - 1] = '\0';
}

static int choice_index(const hrc_question *q, const char *id, size_t len)
{
    for (size_t c = 0; c < q->n_choices; c++)
        if (strlen(q->choices[c].id) == len && strncmp(q->choices[c].id, id, len) == 0)
            return (int)c;
    return -1;
}

static int pair_index(const hrc_question *q, const char *id, size_t len)
{
    for (size_t p = 0; p < q->n_pairs; p++)
        if (strlen(q->pairs[p].id) == len && strncmp(q->pairs[p].id, id, len) == 0)
            return (int)p;
    return -1;
}

static void clear_response(const hrc_question *q, hrc_response *r)
{
    for (size_t i = 0; i < r->n; i++)
        r->slot[i] = q->kind == HRC_Q_MULTIPLE || typed_kind(q) ? 0 : -1;
    if (r->text)
        memset(r->text, 0, r->n * HRC_FIELD_MAX);
}

int hrc_response_parse(const hrc_question *q, const char *text, hrc_response *r)
{
    clear_response(q, r);
    if (!text)
        return -1;
    if (typed_kind(q)) {
        if (r->text && parse_typed(q, text, r) == 0)
            return 0;
        clear_response(q, r);
        return -1;
    }
    size_t pos = 0;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, ",");
        const char *eq = memchr(p, '=', len);
        int k = -1, left = -1;
        switch (q->kind) {
        case HRC_Q_SINGLE:
        case HRC_Q_TRUEFALSE:
        case HRC_Q_ORDERING:
            k = choice_index(q, p, len);
            if (k < 0 || pos >= r->n)
                goto bad;
            r->slot[pos++] = k;
            break;
        case HRC_Q_MULTIPLE:
            k = choice_index(q, p, len);
            if (k < 0 || (size_t)k >= r->n)
                goto bad;
            r->slot[k] = 1;
            break;
        case HRC_Q_MATCHING:
            if (!eq)
                goto bad;
            left = pair_index(q, p, (size_t)(eq - p));
            k = pair_index(q, eq + 1, len - (size_t)(eq - p) - 1);
            if (left < 0 || k < 0 || (size_t)left >= r->n)
                goto bad;
            r->slot[left] = k;
            break;
        case HRC_Q_FILLIN:
        case HRC_Q_NUMERIC:
            goto bad; /* read above */
        }
        p += len;
        if (*p == ',')
            p++;
    }
    /* An ordering names every item once. */
    if (q->kind == HRC_Q_ORDERING && pos != r->n)
        goto bad;
    return 0;
bad:
    clear_response(q, r);
    return -1;
}

static size_t *identity(size_t n)
{
    size_t *p = calloc(n ? n : 1, sizeof *p);
    if (p)
        for (size_t i = 0; i < n; i++)
            p[i] = i;
    return p;
}

/* Shuffles so that, with two or more parts, the solved order is never shown. */
static void shuffle_unsolved(hrc_rng *rng, size_t *perm, size_t n)
{
    hrc_shuffle(rng, perm, n);
    bool solved = true;
    for (size_t i = 0; i < n; i++)
        solved &= perm[i] == i;
    if (solved && n >= 2) { /* rotate by one */
        size_t first = perm[0];
        memmove(perm, perm + 1, (n - 1) * sizeof *perm);
        perm[n - 1] = first;
    }
}

static int item_init(hrc_quiz_item *it, const hrc_question *q, bool shuffle, hrc_rng *rng)
{
    it->q = q;
    it->n_shown = q->kind == HRC_Q_MATCHING ? q->n_pairs : q->n_choices;
    it->shown = identity(it->n_shown);
    if (hrc_response_init(&it->response, q) < 0 || !it->shown)
        return -1;
    if (typed_kind(q))
        it->n_shown = 0;
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_TRUEFALSE:
        it->response.slot[0] = -1;
        if (shuffle && q->kind == HRC_Q_SINGLE)
            hrc_shuffle(rng, it->shown, it->n_shown);
        break;
    case HRC_Q_MULTIPLE:
        if (shuffle)
            hrc_shuffle(rng, it->shown, it->n_shown);
        break;
    case HRC_Q_ORDERING:
        /* The response starts as the shown order: the learner rearranges it. */
        shuffle_unsolved(rng, it->shown, it->n_shown);
        for (size_t p = 0; p < it->response.n; p++)
            it->response.slot[p] = (int)it->shown[p];
        break;
    case HRC_Q_MATCHING:
        it->right_shown = identity(q->n_pairs);
        if (!it->right_shown)
            return -1;
        shuffle_unsolved(rng, it->right_shown, q->n_pairs);
        for (size_t l = 0; l < it->response.n; l++)
            it->response.slot[l] = -1;
        break;
    case HRC_Q_FILLIN:
    case HRC_Q_NUMERIC:
        break; /* the fields start empty */
    }
    return 0;
}

static int by_index(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* A pool: `take` of the n questions into order[0..take), each as likely as
 * any other (a partial Fisher-Yates shuffle); in the written order unless
 * the quiz is shuffled. */
static void draw_pool(hrc_rng *rng, size_t *order, size_t n, size_t take, bool shuffle)
{
    for (size_t i = 0; i < take; i++) {
        size_t j = i + hrc_rng_below(rng, n - i);
        size_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    if (!shuffle)
        qsort(order, take, sizeof *order, by_index);
}

int hrc_quiz_attempt_new(const hrc_quiz *quiz, int number, uint64_t seed,
                         hrc_quiz_attempt **out)
{
    *out = NULL;
    hrc_quiz_attempt *a = calloc(1, sizeof *a);
    if (!a)
        return -1;
    a->quiz = quiz;
    a->number = number;
    size_t n = quiz->n_questions;
    a->n_items = quiz->draw > 0 && quiz->draw < n ? quiz->draw : n;
    a->items = calloc(a->n_items ? a->n_items : 1, sizeof *a->items);
    size_t *order = identity(n);
    if (!a->items || !order) {
        free(order);
        hrc_quiz_attempt_free(a);
        return -1;
    }
    hrc_rng rng;
    /* Each attempt gets its own shuffle, reproducible from the seed. */
    hrc_rng_seed(&rng, seed ^ ((uint64_t)number * 0xD1B54A32D192ED03ull));
    if (a->n_items < n)
        draw_pool(&rng, order, n, a->n_items, quiz->shuffle);
    else if (quiz->shuffle)
        hrc_shuffle(&rng, order, a->n_items);
    for (size_t i = 0; i < a->n_items; i++)
        if (item_init(&a->items[i], &quiz->questions[order[i]], quiz->shuffle, &rng) < 0) {
            free(order);
            hrc_quiz_attempt_free(a);
            return -1;
        }
    free(order);
    *out = a;
    return 0;
}

void hrc_quiz_attempt_free(hrc_quiz_attempt *a)
{
    if (!a)
        return;
    for (size_t i = 0; a->items && i < a->n_items; i++) {
        free(a->items[i].shown);
        free(a->items[i].right_shown);
        hrc_response_free(&a->items[i].response);
    }
    free(a->items);
    free(a);
}

static hrc_quiz_item *editable(hrc_quiz_attempt *a, size_t i)
{
    if (!a || i >= a->n_items || a->items[i].checked)
        return NULL;
    return &a->items[i];
}

void hrc_quiz_pick(hrc_quiz_attempt *a, size_t i, size_t choice)
{
    hrc_quiz_item *it = editable(a, i);
    if (!it || choice >= it->q->n_choices)
        return;
    if (it->q->kind == HRC_Q_SINGLE || it->q->kind == HRC_Q_TRUEFALSE)
        it->response.slot[0] = (int)choice;
    else if (it->q->kind == HRC_Q_MULTIPLE)
        it->response.slot[choice] = !it->response.slot[choice];
}

void hrc_quiz_move(hrc_quiz_attempt *a, size_t i, size_t from_pos, size_t to_pos)
{
    hrc_quiz_item *it = editable(a, i);
    if (!it || it->q->kind != HRC_Q_ORDERING || from_pos >= it->response.n ||
        to_pos >= it->response.n || from_pos == to_pos)
        return;
    int *s = it->response.slot;
    int moved = s[from_pos];
    if (from_pos < to_pos)
        memmove(s + from_pos, s + from_pos + 1, (to_pos - from_pos) * sizeof *s);
    else
        memmove(s + to_pos + 1, s + to_pos, (from_pos - to_pos) * sizeof *s);
    s[to_pos] = moved;
}

void hrc_quiz_match(hrc_quiz_attempt *a, size_t i, size_t left, int pair)
{
    hrc_quiz_item *it = editable(a, i);
    if (!it || it->q->kind != HRC_Q_MATCHING || left >= it->response.n ||
        pair < -1 || pair >= (int)it->q->n_pairs)
        return;
    /* A right side goes to one left item at a time. */
    for (size_t l = 0; pair >= 0 && l < it->response.n; l++)
        if (it->response.slot[l] == pair)
            it->response.slot[l] = -1;
    it->response.slot[left] = pair;
}

bool hrc_quiz_check(hrc_quiz_attempt *a, size_t i)
{
    hrc_quiz_item *it = editable(a, i);
    if (!it || !hrc_response_complete(it->q, &it->response))
        return false;
    it->score = hrc_question_score(it->q, &it->response);
    it->checked = true;
    return true;
}

bool hrc_quiz_restore(hrc_quiz_attempt *a, const hrc_question *q, const char *response,
                      int hints_shown)
{
    for (size_t i = 0; a && i < a->n_items; i++) {
        hrc_quiz_item *it = &a->items[i];
        if (it->q != q)
            continue;
        size_t n = it->response.n;
        size_t text_bytes = it->response.text ? n * HRC_FIELD_MAX : 0;
        int *saved = malloc((n ? n : 1) * sizeof *saved);
        char *saved_text = text_bytes ? malloc(text_bytes) : NULL;
        if (!saved || (text_bytes && !saved_text)) {
            free(saved);
            free(saved_text);
            return false;
        }
        memcpy(saved, it->response.slot, n * sizeof *saved);
        if (text_bytes)
            memcpy(saved_text, it->response.text, text_bytes);
        if (hrc_response_parse(q, response, &it->response) != 0 ||
            !hrc_response_complete(q, &it->response)) {
            memcpy(it->response.slot, saved, n * sizeof *saved);
            if (text_bytes)
                memcpy(it->response.text, saved_text, text_bytes);
            free(saved);
            free(saved_text);
            return false;
        }
        free(saved);
        free(saved_text);
        it->hints_shown = hints_shown < 0 ? 0 : hints_shown;
        it->checked = false;
        return hrc_quiz_check(a, i);
    }
    return false;
}

bool hrc_quiz_show(hrc_quiz_attempt *a, const hrc_question *q)
{
    if (!a || !q || a->current >= a->n_items)
        return false;
    for (size_t i = 0; i < a->n_items; i++)
        if (a->items[i].q == q) {
            a->current = i;
            return true;
        }
    hrc_quiz_item *it = &a->items[a->current];
    if (it->checked)
        return false;
    hrc_quiz_item fresh = {0};
    hrc_rng rng;
    hrc_rng_seed(&rng, (uint64_t)(q - a->quiz->questions) * 0x9E3779B97F4A7C15ull + 1);
    if (item_init(&fresh, q, a->quiz->shuffle, &rng) < 0) {
        free(fresh.shown);
        free(fresh.right_shown);
        hrc_response_free(&fresh.response);
        return false;
    }
    free(it->shown);
    free(it->right_shown);
    hrc_response_free(&it->response);
    *it = fresh;
    return true;
}

size_t hrc_quiz_first_unchecked(const hrc_quiz_attempt *a)
{
    size_t i = 0;
    while (i < a->n_items && a->items[i].checked)
        i++;
    return i;
}

bool hrc_quiz_attempt_finished(const hrc_quiz_attempt *a)
{
    for (size_t i = 0; i < a->n_items; i++)
        if (!a->items[i].checked)
            return false;
    return true;
}

double hrc_quiz_attempt_percent(const hrc_quiz_attempt *a)
{
    if (!a || a->n_items == 0)
        return 0.0;
    double sum = 0.0;
    for (size_t i = 0; i < a->n_items; i++)
        if (a->items[i].checked)
            sum += a->items[i].score;
    return 100.0 * sum / (double)a->n_items;
}

bool hrc_quiz_passed(const hrc_quiz *quiz, double percent)
{
    /* Pass marks are integers; the slack absorbs the floating-point
     * rounding of means such as 7/10 * 100. */
    return percent + 1e-9 >= (double)quiz->pass_percent;
}

int hrc_quiz_attempts_left(const hrc_quiz *quiz, int used)
{
    if (quiz->max_attempts == HRC_ATTEMPTS_UNLIMITED)
        return -1;
    int left = quiz->max_attempts - used;
    return left > 0 ? left : 0;
}

bool hrc_quiz_needs_review(const hrc_quiz_attempt *a, size_t i)
{
    return i < a->n_items && (!a->items[i].checked || a->items[i].score < 1.0);
}
