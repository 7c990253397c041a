/* The spacing rules of a text's language. See typography.h. */
#include "core/typography.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NNBSP "\xe2\x80\xaf" /* U+202F narrow no-break space */

void hrc_typo_init(hrc_typo *t)
{
    memset(t, 0, sizeof *t);
}

void hrc_typo_free(hrc_typo *t)
{
    if (!t)
        return;
    free(t->text);
    free(t->spans);
    memset(t, 0, sizeof *t);
}

bool hrc_typo_applies(const char *lang)
{
    return lang && strncasecmp(lang, "fr", 2) == 0 &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* ---- Reading characters in the flattened text ----------------------------- */

typedef struct flat {
    const char *s;
    size_t len;
} flat;

/* The code point at p (0 past the end; a stray byte stands for itself). */
static uint32_t cp_at(const flat *f, size_t p, size_t *n)
{
    *n = 0;
    if (p >= f->len)
        return 0;
    const unsigned char *s = (const unsigned char *)f->s + p;
    size_t left = f->len - p;
    uint32_t c = s[0];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (need > left)
        need = 1;
    for (size_t i = 1; i < need; i++)
        if ((s[i] & 0xC0) != 0x80)
            need = 1;
    *n = need;
    if (need == 1)
        return c;
    c &= need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07;
    for (size_t i = 1; i < need; i++)
        c = (c << 6) | (s[i] & 0x3F);
    return c;
}

/* The code point ending at p (0 at the start). */
static uint32_t cp_before(const flat *f, size_t p)
{
    if (p == 0)
        return 0;
    size_t q = p - 1;
    while (q > 0 && p - q < 4 && ((unsigned char)f->s[q] & 0xC0) == 0x80)
        q--;
    size_t n;
    uint32_t c = cp_at(f, q, &n);
    return q + n == p ? c : (unsigned char)f->s[p - 1];
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_nbsp(uint32_t c)
{
    return c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x2007;
}

/* Takes a no-break space before it. */
static bool is_high(uint32_t c)
{
    return c == ';' || c == ':' || c == '!' || c == '?' || c == 0xBB /* » */;
}

/* May follow a punctuation mark that ends a word. */
static bool is_closing(uint32_t c)
{
    return is_high(c) || c == '.' || c == ',' || c == ')' || c == ']' || c == '"' ||
           c == 0x201D || c == 0x2019 || c == 0x2026 || c == '\'';
}

/* A letter, for the apostrophe's rule: Latin letters and digits, and
 * anything past Latin-1's symbols that is not punctuation or a space. */
static bool is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F);
}

/* After these, punctuation gets no space of its own. */
static bool is_opening(uint32_t c)
{
    return c == '(' || c == '[' || c == 0xAB /* « */ || c == 0x2018 || c == 0x201C;
}

/* Whether the punctuation at p ends a word: after it and any closing
 * punctuation comes a space, the end, or a no-break space. */
static bool ends_word(const flat *f, size_t p)
{
    size_t n;
    cp_at(f, p, &n);
    for (p += n;; p += n) {
        uint32_t c = cp_at(f, p, &n);
        if (n == 0 || is_space(c) || is_nbsp(c))
            return true;
        if (!is_closing(c))
            return false;
    }
}

/* ---- Writing the result ------------------------------------------------------- */

typedef struct out {
    hrc_typo *t;
    bool failed;
} out;

static void put(out *o, const char *s, size_t n)
{
    hrc_typo *t = o->t;
    if (o->failed)
        return;
    if (t->len + n > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n)
            cap *= 2;
        char *p = realloc(t->text, cap);
        if (!p) {
            o->failed = true;
            return;
        }
        t->text = p;
        t->cap = cap;
    }
    memcpy(t->text + t->len, s, n);
    t->len += n;
}

/* ---- French ---------------------------------------------------------------- */

/*
 * Rewrites the flattened text f, whose span k starts at starts[k]
 * (starts[n] = f->len), into t->text: each span's text then a NUL.
 * out_starts[k] receives where span k's text begins. Returns whether
 * anything changed.
 */
static bool french(out *o, const flat *f, const size_t *starts, size_t n,
                   size_t *out_starts)
{
    bool changed = false;
    size_t k = 0;
    for (size_t p = 0;;) {
        while (k < n && starts[k] <= p) {
            if (k > 0)
                put(o, "", 1);
            out_starts[k++] = o->t->len;
        }
        if (p >= f->len)
            break;
        size_t len;
        uint32_t c = cp_at(f, p, &len);
        uint32_t prev = cp_before(f, p);
        if (is_space(c)) {
            size_t q = p;
            while (q < f->len && is_space((unsigned char)f->s[q]))
                q++;
            size_t nl;
            uint32_t next = cp_at(f, q, &nl);
            /* Whatever comes before: a line must not start with it. */
            bool before_high = is_high(next) && p > 0;
            bool after_open = prev == 0xAB && q < f->len;
            if (before_high || after_open) {
                put(o, NNBSP, 3);
                changed = true;
                p = q; /* the spans crossed keep their (now empty) place */
                continue;
            }
            put(o, f->s + p, q - p);
            p = q;
            continue;
        }
        if (c == '\'' && is_letter(prev)) {
            size_t nl;
            if (is_letter(cp_at(f, p + len, &nl))) {
                put(o, "\xe2\x80\x99", 3); /* U+2019 */
                changed = true;
                p += len;
                continue;
            }
        }
        if (is_high(c) && p > 0 && !is_space(prev) && !is_nbsp(prev) && !is_high(prev) &&
            !is_opening(prev) && ends_word(f, p)) {
            put(o, NNBSP, 3);
            changed = true;
        }
        put(o, f->s + p, len);
        if (c == 0xAB) {
            size_t nl;
            uint32_t next = cp_at(f, p + len, &nl);
            if (nl && !is_space(next) && !is_nbsp(next)) {
                put(o, NNBSP, 3);
                changed = true;
            }
        }
        p += len;
    }
    put(o, "", 1);
    return changed;
}

int hrc_typo_apply(hrc_typo *t, const char *lang, const hrc_span *spans, size_t n,
                   const hrc_span **result)
{
    *result = spans;
    if (!hrc_typo_applies(lang) || n == 0)
        return 0;
    /* Flatten: the rule looks across span edges ("<em>mot</em> ?"). */
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(spans[i].text ? spans[i].text : "");
    size_t *starts = malloc(2 * (n + 1) * sizeof *starts);
    char *joined = malloc(total + 1);
    if (!starts || !joined) {
        free(starts);
        free(joined);
        return -1;
    }
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = spans[i].text ? spans[i].text : "";
        size_t len = strlen(s);
        starts[i] = at;
        memcpy(joined + at, s, len);
        at += len;
    }
    starts[n] = at;
    joined[at] = '\0';
    flat f = {joined, total};
    size_t *out_starts = starts + n + 1;
    out o = {t, false};
    t->len = 0;
    bool changed = french(&o, &f, starts, n, out_starts);
    free(joined);
    if (!o.failed && changed && n > t->spans_cap) {
        hrc_span *p = realloc(t->spans, n * sizeof *p);
        if (p) {
            t->spans = p;
            t->spans_cap = n;
        } else {
            o.failed = true;
        }
    }
    if (o.failed || !changed) {
        free(starts);
        return o.failed ? -1 : 0;
    }
    for (size_t i = 0; i < n; i++)
        t->spans[i] = (hrc_span){.style = spans[i].style, .text = t->text + out_starts[i]};
    free(starts);
    *result = t->spans;
    return 0;
}

char *hrc_typo_string(const char *lang, const char *s)
{
    hrc_typo t;
    hrc_typo_init(&t);
    hrc_span span = {.text = s ? s : ""};
    const hrc_span *res;
    char *copy = NULL;
    if (hrc_typo_apply(&t, lang, &span, 1, &res) == 0)
        copy = strdup(res[0].text);
    hrc_typo_free(&t);
    return copy;
}
