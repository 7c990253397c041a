/*
 * loader_lint.c: warnings about quizzes that can be passed without knowing
 * anything, each saying how to fix it. A module with them is still valid.
 *
 * - A quiz shown in the order written (shuffle="no", the default) where
 *   the right answer stands in the same place in more than half of its
 *   single-choice questions (at least three of them): learners learn the
 *   place, not the answer.
 * - A quiz shown in the order written where every multiple-choice question
 *   lists all its right choices before all its wrong ones.
 * - A hint that contains the text of a right answer of its single- or
 *   multiple-choice question, in the same language: compared with case
 *   and white space folded, as whole words, for answers of three bytes
 *   or more; or that names every right choice of a multiple-choice
 *   question by its first word (of four bytes or more, that no wrong
 *   choice starts with).
 * - A hint of a fill-in question that contains one of its accepted
 *   answers in the hint's language, or of a numeric question that
 *   contains its number, the same way.
 * - A single-choice question with fewer than three choices: a guess is
 *   right half the time.
 */
#include "io/loader_internal.h"

#include "core/answer.h"
#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MIN_SINGLES_FOR_PLACE = 3, MIN_ANSWER_BYTES = 3 };

/* ---- Right answers in the same place -------------------------------------------- */

static void lint_places(loader_ctx *ctx, const hrc_quiz *z)
{
    if (z->shuffle)
        return;
    size_t singles = 0, at[16] = {0};
    size_t multiples = 0, rights_first = 0;
    for (size_t i = 0; i < z->n_questions; i++) {
        const hrc_question *q = &z->questions[i];
        if (q->kind == HRC_Q_SINGLE) {
            size_t right = 0, where = 0;
            for (size_t c = 0; c < q->n_choices; c++)
                if (q->choices[c].correct) {
                    right++;
                    where = c;
                }
            if (right != 1)
                continue;
            singles++;
            if (where < 16)
                at[where]++;
        } else if (q->kind == HRC_Q_MULTIPLE) {
            size_t right = 0;
            bool wrong_seen = false, after_wrong = false;
            for (size_t c = 0; c < q->n_choices; c++) {
                if (!q->choices[c].correct)
                    wrong_seen = true;
                else {
                    right++;
                    after_wrong |= wrong_seen;
                }
            }
            if (right == 0 || right == q->n_choices)
                continue; /* nothing to order */
            multiples++;
            rights_first += !after_wrong;
        }
    }
    size_t place = 0;
    for (size_t i = 1; i < 16; i++)
        if (at[i] > at[place])
            place = i;
    if (singles >= MIN_SINGLES_FOR_PLACE && 2 * at[place] > singles)
        loader_warning(ctx, z->pos,
                       _("quiz \"%s\" is shown in the order written, and in %zu of its %zu "
                         "single-choice questions the right answer is choice number %zu: "
                         "learners can pass by its place; add shuffle=\"yes\" to <quiz>, or "
                         "vary where the right answer stands"),
                       z->id, at[place], singles, place + 1);
    if (multiples > 0 && rights_first == multiples)
        loader_warning(ctx, z->pos,
                       ngettext("quiz \"%s\" is shown in the order written, and its "
                                "multiple-choice question lists its right choices before its "
                                "wrong ones: add shuffle=\"yes\" to <quiz>, or mix the right "
                                "choices among the others",
                                "quiz \"%s\" is shown in the order written, and each of its %zu "
                                "multiple-choice questions lists its right choices before its "
                                "wrong ones: add shuffle=\"yes\" to <quiz>, or mix the right "
                                "choices among the others",
                                multiples),
                       z->id, multiples);
}

/* ---- Hints that give the answer away ------------------------------------------------ */

/* s lower-cased (ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
 * capitals) with white space collapsed and trimmed, into a malloc'd
 * string; NULL when out of memory. */
static char *fold(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = o > 0;
            p++;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        if (*p < 0x80) {
            out[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
            p++;
            continue;
        }
        /* Two-byte sequences: decode, lower, encode (same length). */
        if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
            unsigned c = ((unsigned)(*p & 0x1F) << 6) | (p[1] & 0x3F);
            if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
                (c >= 0x410 && c <= 0x42F))
                c += 0x20;
            else if (c >= 0x400 && c <= 0x40F)
                c += 0x50;
            else if (c == 0x178) /* Ÿ */
                c = 0xFF;
            else if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) &&
                     c % 2 == 0 && c != 0x130)
                c += 1;
            else if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1)
                c += 1;
            out[o++] = (char)(0xC0 | (c >> 6));
            out[o++] = (char)(0x80 | (c & 0x3F));
            p += 2;
            continue;
        }
        out[o++] = (char)*p++;
    }
    out[o] = '\0';
    return out;
}

static bool word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether needle stands in hay as whole words. */
static bool contains_words(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        bool start = p == hay || !word_byte((unsigned char)p[-1]) ||
                     !word_byte((unsigned char)needle[0]);
        bool end = !word_byte((unsigned char)p[n]) || !word_byte((unsigned char)needle[n - 1]);
        if (start && end)
            return true;
    }
    return false;
}

/* The answer as learners would quote it: folded, without the full stop
 * or other mark that ends it. */
static char *answer_key(const char *text)
{
    char *k = fold(text);
    if (!k)
        return NULL;
    size_t n = strlen(k);
    while (n > 0 && strchr(".!?;:, ", k[n - 1]))
        k[--n] = '\0';
    return k;
}

/* The first word of a choice in lang, folded, into buf; "" when none. */
static void first_word(const hrc_text *t, const char *lang, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t k = 0; k < t->n_variants; k++) {
        if (strcasecmp(t->variants[k].lang, lang) != 0)
            continue;
        char *f = fold(t->variants[k].plain);
        if (!f)
            return;
        size_t n = strcspn(f, " .,;:!?");
        if (n < size) {
            memcpy(buf, f, n);
            buf[n] = '\0';
        }
        free(f);
        return;
    }
}

/*
 * Whether hay names every right choice of a multiple-choice question by
 * its first word ("connect, strengthen, scale up, encourage"), when those
 * words are long enough to mean something and no wrong choice starts with
 * one of them.
 */
static bool names_every_right_choice(const hrc_question *q, const char *lang,
                                     const char *hay)
{
    if (q->kind != HRC_Q_MULTIPLE)
        return false;
    size_t rights = 0;
    for (size_t c = 0; c < q->n_choices; c++) {
        if (!q->choices[c].correct)
            continue;
        char word[64];
        first_word(&q->choices[c].text, lang, word, sizeof word);
        if (strlen(word) < 4 || !contains_words(hay, word))
            return false;
        for (size_t w = 0; w < q->n_choices; w++) {
            char other[64];
            if (q->choices[w].correct)
                continue;
            first_word(&q->choices[w].text, lang, other, sizeof other);
            if (strcmp(other, word) == 0)
                return false;
        }
        rights++;
    }
    return rights >= 2;
}

/* Whether hay (folded) contains the answer `text` as whole words; true
 * with the answer when it does; false when out of memory too (ctx says). */
static bool gives_away(loader_ctx *ctx, const char *hay, const char *text)
{
    char *key = answer_key(text);
    if (!key) {
        ctx->oom = true;
        return false;
    }
    bool found = strlen(key) >= MIN_ANSWER_BYTES && contains_words(hay, key);
    free(key);
    return found;
}

/* Typed answers: a hint naming an accepted answer, or the number. */
static void lint_typed_hints(loader_ctx *ctx, const hrc_question *q)
{
    char number[48];
    hrc_number_format(q->value, '.', number, sizeof number);
    for (size_t h = 0; h < q->n_hints; h++) {
        const hrc_text *hint = &q->hints[h];
        const char *given = NULL, *lang = NULL;
        for (size_t v = 0; v < hint->n_variants && !given; v++) {
            const hrc_variant *hv = &hint->variants[v];
            char *hay = fold(hv->plain);
            if (!hay) {
                ctx->oom = true;
                return;
            }
            if (q->kind == HRC_Q_NUMERIC && gives_away(ctx, hay, number))
                given = number;
            for (size_t g = 0; g < q->n_gaps && !given; g++)
                for (size_t a = 0; a < q->gaps[g].n_accepts && !given; a++) {
                    const hrc_accept *acc = &q->gaps[g].accepts[a];
                    if (strcasecmp(acc->lang, hv->lang) == 0 && gives_away(ctx, hay, acc->text))
                        given = acc->text;
                }
            lang = hv->lang;
            free(hay);
        }
        if (given)
            loader_warning(ctx, hint->pos,
                           _("a hint of question \"%s\" gives the right answer away: its text "
                             "(%s) contains \"%s\"; point to where the answer is taught "
                             "instead"),
                           q->id, lang, given);
    }
}

static void lint_hints(loader_ctx *ctx, const hrc_question *q)
{
    if (q->kind == HRC_Q_FILLIN || q->kind == HRC_Q_NUMERIC) {
        lint_typed_hints(ctx, q);
        return;
    }
    if (q->kind != HRC_Q_SINGLE && q->kind != HRC_Q_MULTIPLE)
        return;
    for (size_t h = 0; h < q->n_hints; h++) {
        const hrc_text *hint = &q->hints[h];
        bool warned = false;
        for (size_t v = 0; v < hint->n_variants && !warned; v++) {
            const hrc_variant *hv = &hint->variants[v];
            char *hay = fold(hv->plain);
            if (!hay) {
                ctx->oom = true;
                return;
            }
            if (names_every_right_choice(q, hv->lang, hay)) {
                loader_warning(ctx, hint->pos,
                               _("a hint of question \"%s\" gives the right answers away: "
                                 "its text (%s) names each of them; point to where the answer "
                                 "is taught instead"),
                               q->id, hv->lang);
                warned = true;
            }
            for (size_t c = 0; c < q->n_choices && !warned; c++) {
                if (!q->choices[c].correct)
                    continue;
                const hrc_text *t = &q->choices[c].text;
                for (size_t k = 0; k < t->n_variants && !warned; k++) {
                    if (strcasecmp(t->variants[k].lang, hv->lang) != 0)
                        continue;
                    char *key = answer_key(t->variants[k].plain);
                    if (!key) {
                        ctx->oom = true;
                        break;
                    }
                    if (strlen(key) >= MIN_ANSWER_BYTES && contains_words(hay, key)) {
                        loader_warning(ctx, hint->pos,
                                       _("a hint of question \"%s\" gives the right answer "
                                         "away: its text (%s) contains \"%s\"; point to where "
                                         "the answer is taught instead"),
                                       q->id, hv->lang, t->variants[k].plain);
                        warned = true;
                    }
                    free(key);
                }
            }
            free(hay);
        }
    }
}

/* ---- Too few choices ------------------------------------------------------------------ */

static void lint_choices(loader_ctx *ctx, const hrc_question *q)
{
    size_t right = 0;
    for (size_t c = 0; c < q->n_choices; c++)
        right += q->choices[c].correct;
    if (q->kind == HRC_Q_SINGLE && q->n_choices < 3 && right == 1) /* else an error */
        loader_warning(ctx, q->pos,
                       ngettext("single-choice question \"%s\" has only %zu choice: add wrong "
                                "but plausible ones (three or more in all), or make it a "
                                "<truefalse>",
                                "single-choice question \"%s\" has only %zu choices, so a "
                                "guess is right half the time: add a wrong but plausible one "
                                "(three or more in all), or make it a <truefalse>",
                                q->n_choices),
                       q->id, q->n_choices);
}

void loader_lint_quiz(loader_ctx *ctx, const hrc_quiz *quiz)
{
    lint_places(ctx, quiz);
    for (size_t i = 0; i < quiz->n_questions; i++) {
        lint_choices(ctx, &quiz->questions[i]);
        lint_hints(ctx, &quiz->questions[i]);
    }
}
