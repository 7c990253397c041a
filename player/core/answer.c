/* Typed answers: folding and numbers. See answer.h. */
#include "core/answer.h"

#include "core/i18n.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ---- UTF-8 ------------------------------------------------------------ */

/* Decodes one character at s; *len gets its byte length (1 for a byte
 * that starts no valid character, which reads as U+FFFD). */
static uint32_t decode(const unsigned char *s, size_t *len)
{
    uint32_t c = s[0];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                                : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0) {
        *len = 1;
        return 0xFFFD;
    }
    if (n == 1) {
        *len = 1;
        return c;
    }
    c &= 0x7F >> n;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *len = n;
    return c;
}

typedef struct sink {
    char *out;
    size_t size, len;
    bool full;
} sink;

static void put_bytes(sink *k, const char *s, size_t n)
{
    if (k->full || k->len + n + 1 > k->size) {
        k->full = true; /* cut at a character, never inside one */
        return;
    }
    memcpy(k->out + k->len, s, n);
    k->len += n;
    k->out[k->len] = '\0';
}

static void put_char(sink *k, uint32_t c)
{
    char b[4];
    size_t n;
    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    put_bytes(k, b, n);
}

/* ---- Languages ------------------------------------------------------------ */

/* The primary subtag of lang, lower case, in out (at most 7 letters). */
static void primary(const char *lang, char out[8])
{
    size_t i = 0;
    for (; lang && lang[i] && lang[i] != '-' && lang[i] != '_' && i < 7; i++)
        out[i] = (char)(lang[i] >= 'A' && lang[i] <= 'Z' ? lang[i] + 32 : lang[i]);
    out[i] = '\0';
}

static bool lang_in(const char *p, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(p, *list) == 0)
            return true;
    return false;
}

/* Letters with a mark that a language counts as letters of their own. */
static bool own_letter(const char *p, uint32_t c)
{
    static const char *const spanish[] = {"es", "gl", "eu", "ast", NULL};
    static const char *const nordic[] = {"da", "nb", "nn", "no", NULL};
    static const char *const swedish[] = {"sv", "fi", NULL};
    static const char *const turkic[] = {"tr", "az", NULL};
    switch (c) {
    case 0xF1: /* ñ */
        return lang_in(p, spanish);
    case 0xE6: /* æ */
        return lang_in(p, nordic) || strcmp(p, "is") == 0;
    case 0xF8: /* ø */
        return lang_in(p, nordic);
    case 0xE5: /* å */
        return lang_in(p, nordic) || lang_in(p, swedish);
    case 0xE4: /* ä */
        return lang_in(p, swedish) || strcmp(p, "et") == 0;
    case 0xF6: /* ö */
        return lang_in(p, swedish) || lang_in(p, turkic) || strcmp(p, "et") == 0 ||
               strcmp(p, "is") == 0;
    case 0xF5: /* õ */
    case 0x161: /* š */
    case 0x17E: /* ž */
        return strcmp(p, "et") == 0;
    case 0xFC: /* ü */
        return lang_in(p, turkic) || strcmp(p, "et") == 0;
    case 0xE7: /* ç */
    case 0x11F: /* ğ */
    case 0x131: /* ı */
    case 0x15F: /* ş */
        return lang_in(p, turkic);
    case 0xF0: /* ð */
    case 0xFE: /* þ */
        return strcmp(p, "is") == 0;
    case 0x105: case 0x107: case 0x119: case 0x142: case 0x144: /* ą ć ę ł ń */
    case 0xF3: case 0x15B: case 0x17A: case 0x17C:              /* ó ś ź ż */
        return strcmp(p, "pl") == 0;
    }
    return false;
}

/* ---- Folding ------------------------------------------------------------- */

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Characters that are not seen: soft hyphen, zero-width ones. */
static bool is_invisible(uint32_t c)
{
    return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
           c == 0xFEFF;
}

static uint32_t same_punctuation(uint32_t c)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x2032: case 0xB4: case 0x60:
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
        return '-';
    }
    return c;
}

/* Lower case; Turkish and Azerbaijani have a dotted and a dotless i. */
static uint32_t lower(uint32_t c, bool turkic)
{
    if (c == 'I')
        return turkic ? 0x131 : 'i';
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c == 0x130)
        return 'i';
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c % 2 == 0 ? c + 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c % 2 == 1 ? c + 1 : c;
    if (c == 0x178)
        return 0xFF;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        return c + 32;
    if (c == 0x3C2) /* final sigma */
        return 0x3C3;
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 63;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

/* U+0100 to U+017F without their marks, upper and lower case alike; 0
 * where the letter is written with two (Ĳ, Œ). */
static const char latin_ext_a[] = "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh"
                                  "iiiiiiiiii" "\0\0" "jj" "kkk" "llllllllll" "nnnnnnnnn"
                                  "oooooo" "\0\0" "rrrrrr" "ssssssss" "tttttt"
                                  "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";
_Static_assert(sizeof latin_ext_a == 129, "one letter for each of U+0100..U+017F");

/* The lower-case Latin letter c without its mark, into out; false when it
 * has none. */
static bool bare(uint32_t c, char out[3])
{
    /* U+00E0 to U+00FF */
    static const char *const latin1[32] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y"};
    const char *b = NULL;
    char one[2] = {0, 0};
    if (c >= 0xE0 && c <= 0xFF)
        b = latin1[c - 0xE0];
    else if (c == 0x132 || c == 0x133)
        b = "ij";
    else if (c == 0x152 || c == 0x153)
        b = "oe";
    else if (c >= 0x100 && c <= 0x17F && latin_ext_a[c - 0x100]) {
        one[0] = latin_ext_a[c - 0x100];
        b = one;
    }
    if (!b)
        return false;
    snprintf(out, 3, "%s", b);
    return true;
}

size_t hrc_answer_fold(const char *text, const char *lang, hrc_fold fold, char *out,
                       size_t size)
{
    sink k = {out, size, 0, size == 0};
    if (size)
        out[0] = '\0';
    char p[8];
    primary(lang, p);
    bool turkic = strcmp(p, "tr") == 0 || strcmp(p, "az") == 0;
    bool german = strcmp(p, "de") == 0;
    bool pending_space = false;
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    while (*s && !k.full) {
        size_t n;
        uint32_t c = decode(s, &n);
        s += n;
        if (is_space(c)) {
            pending_space = k.len > 0;
            continue;
        }
        if (is_invisible(c))
            continue;
        if (fold == HRC_FOLD_CASE_AND_ACCENTS && c >= 0x300 && c <= 0x36F)
            continue; /* a combining mark, typed apart from its letter */
        if (pending_space) {
            put_bytes(&k, " ", 1);
            pending_space = false;
        }
        c = same_punctuation(c);
        if (fold != HRC_FOLD_NONE) {
            if (c == 0xDF || c == 0x1E9E) { /* ß, ẞ: ss, as Unicode folds it */
                put_bytes(&k, "ss", 2);
                continue;
            }
            c = lower(c, turkic);
        }
        if (fold == HRC_FOLD_CASE_AND_ACCENTS) {
            uint32_t small = lower(c, turkic);
            if (german && (small == 0xE4 || small == 0xF6 || small == 0xFC)) {
                const char *two = small == 0xE4 ? "ae" : small == 0xF6 ? "oe" : "ue";
                put_bytes(&k, two, 2);
                continue;
            }
            char b[3];
            if (!own_letter(p, small) && bare(small, b)) {
                put_bytes(&k, b, strlen(b));
                continue;
            }
        }
        put_char(&k, c);
    }
    return k.len;
}

/* Longer than a field can hold is never typed; the loader refuses such
 * accepted answers. */
enum { FOLDED_MAX = 1024 };

bool hrc_answer_accepted(const char *typed, const hrc_gap *gap)
{
    char a[FOLDED_MAX], b[FOLDED_MAX];
    if (!typed || !gap)
        return false;
    for (size_t i = 0; i < gap->n_accepts; i++) {
        const hrc_accept *acc = &gap->accepts[i];
        size_t na = hrc_answer_fold(typed, acc->lang, gap->fold, a, sizeof a);
        size_t nb = hrc_answer_fold(acc->text, acc->lang, gap->fold, b, sizeof b);
        if (na > 0 && na == nb && memcmp(a, b, na) == 0)
            return true;
    }
    return false;
}

static bool same_primary(const char *a, const char *b)
{
    char x[8], y[8];
    primary(a, x);
    primary(b, y);
    return x[0] && strcmp(x, y) == 0;
}

const hrc_accept *hrc_gap_shown(const hrc_gap *gap, const char *lang, const char *default_lang)
{
    if (!gap || gap->n_accepts == 0)
        return NULL;
    for (size_t i = 0; lang && i < gap->n_accepts; i++)
        if (same_primary(gap->accepts[i].lang, lang))
            return &gap->accepts[i];
    for (size_t i = 0; default_lang && i < gap->n_accepts; i++)
        if (same_primary(gap->accepts[i].lang, default_lang))
            return &gap->accepts[i];
    return &gap->accepts[0];
}

/* ---- Numbers ------------------------------------------------------------- */

bool hrc_lang_decimal_comma(const char *lang)
{
    static const char *const dot[] = {"en", "zh", "ja", "ko", "he", "th", "hi", "ms",
                                      "ga", "mt", "sw", "ta", "ur", "fil", "tl", NULL};
    char p[8];
    primary(lang, p);
    if (!p[0] || lang_in(p, dot))
        return false;
    /* Spanish in Mexico and much of Central America writes 1.5. */
    if (strcmp(p, "es") == 0 && lang[2] == '-') {
        static const char *const es_dot[] = {"MX", "GT", "HN", "SV", "NI", "PA", "DO",
                                             "PR", "US", "PE", NULL};
        char region[8] = "";
        size_t i = 0;
        for (const char *r = lang + 3; *r && *r != '-' && i < 7; r++)
            region[i++] = (char)(*r >= 'a' && *r <= 'z' ? *r - 32 : *r);
        region[i] = '\0';
        return !lang_in(region, es_dot);
    }
    return true;
}

bool hrc_number_parse(const char *text, bool decimal_comma, double *out)
{
    /* The digits, where each mark stands, and which it is. */
    char digits[64];
    size_t n_digits = 0;
    size_t mark_at[32];   /* digits before each mark */
    char mark_kind[32];   /* ',' '.' or ' ' (a space or an apostrophe) */
    size_t n_marks = 0;
    bool negative = false, sign_seen = false, digit_seen = false;
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    /* Leading and trailing blanks; the body between. */
    while (*s) {
        size_t n;
        uint32_t c = decode(s, &n);
        if (!is_space(c))
            break;
        s += n;
    }
    while (*s) {
        size_t n;
        uint32_t c = decode(s, &n);
        s += n;
        if (!digit_seen && n_marks == 0 && !sign_seen &&
            (c == '-' || c == '+' || c == 0x2212)) {
            negative = c != '+';
            sign_seen = true;
            continue;
        }
        if (c >= '0' && c <= '9') {
            if (n_digits + 1 >= sizeof digits)
                return false;
            digits[n_digits++] = (char)c;
            digit_seen = true;
            continue;
        }
        char kind = c == ',' ? ',' : c == '.' ? '.'
                  : (is_space(c) || c == '\'' || c == 0x2019) ? ' ' : 0;
        if (!kind || n_marks == sizeof mark_at / sizeof mark_at[0])
            return false;
        if (kind == ' ') {
            /* Trailing blanks end the number. */
            const unsigned char *rest = s;
            bool only_blanks = true;
            while (*rest) {
                size_t m;
                uint32_t r = decode(rest, &m);
                if (!is_space(r)) {
                    only_blanks = false;
                    break;
                }
                rest += m;
            }
            if (only_blanks && is_space(c))
                break;
        }
        if (n_marks > 0 && mark_at[n_marks - 1] == n_digits)
            return false; /* two marks in a row */
        mark_at[n_marks] = n_digits;
        mark_kind[n_marks++] = kind;
    }
    if (n_digits == 0)
        return false;
    /* Which mark, if any, is the decimal one. */
    size_t commas = 0, dots = 0;
    for (size_t i = 0; i < n_marks; i++) {
        commas += mark_kind[i] == ',';
        dots += mark_kind[i] == '.';
    }
    char decimal = 0;
    if (commas && dots) {
        decimal = mark_kind[n_marks - 1]; /* "1,234.5", "1.234,5" */
        if (decimal == ' ' || (decimal == ',' ? commas : dots) != 1)
            return false;
    } else if (commas + dots == 1) {
        char one = commas ? ',' : '.';
        size_t at = 0;
        for (size_t i = 0; i < n_marks; i++)
            if (mark_kind[i] == one)
                at = i;
        bool last = at == n_marks - 1;
        size_t after = (last ? n_digits : mark_at[at + 1]) - mark_at[at];
        bool three = after == 3 && mark_at[at] > 0;
        decimal = !three ? one : (one == ',') == decimal_comma ? one : 0;
        if (decimal && !last)
            return false; /* grouping after the decimal mark */
    }
    /* Grouping: every group after the first has three digits; none after
     * the decimal mark. */
    size_t int_digits = n_digits;
    for (size_t i = 0; i < n_marks; i++) {
        if (mark_kind[i] == decimal) {
            int_digits = mark_at[i];
            continue;
        }
        size_t next = i + 1 < n_marks ? mark_at[i + 1] : n_digits;
        if (mark_at[i] == 0 || next - mark_at[i] != 3)
            return false;
    }
    /* The value, exact for up to 17 significant digits. */
    double v = 0;
    for (size_t i = 0; i < int_digits; i++)
        v = v * 10 + (digits[i] - '0');
    double scale = 1;
    double frac = 0;
    for (size_t i = int_digits; i < n_digits && i - int_digits < 17; i++) {
        frac = frac * 10 + (digits[i] - '0');
        scale *= 10;
    }
    v += frac / scale;
    if (!(v <= 1e15))
        return false;
    *out = negative && v != 0 ? -v : v;
    return true;
}

int hrc_number_format(double v, char mark, char *out, size_t size)
{
    char buf[48];
    if (v == 0)
        v = 0; /* no "-0" */
    if (fabs(v) < 1e15 && v == floor(v))
        snprintf(buf, sizeof buf, "%.0f", v);
    else
        snprintf(buf, sizeof buf, "%.15g", v);
    /* snprintf writes the C library's decimal point, which a locale may
     * have changed: put the one asked for. */
    const char *point = localeconv()->decimal_point;
    size_t plen = point && *point ? strlen(point) : 0;
    char *at = plen ? strstr(buf, point) : NULL;
    if (at) {
        *at = mark;
        memmove(at + 1, at + plen, strlen(at + plen) + 1);
    }
    return snprintf(out, size, "%s", buf);
}

int hrc_numeric_answer_text(const hrc_question *q, char mark, const char *unit, char *out,
                            size_t size)
{
    char value[48], low[48], high[48], number[128];
    if (q->tolerance > 0) {
        hrc_number_format(q->value - q->tolerance, mark, low, sizeof low);
        hrc_number_format(q->value + q->tolerance, mark, high, sizeof high);
        /* TRANSLATORS: the numbers a numeric question accepts: "from 14 to
           16". */
        snprintf(number, sizeof number, _("from %s to %s"), low, high);
    } else {
        hrc_number_format(q->value, mark, value, sizeof value);
        snprintf(number, sizeof number, "%s", value);
    }
    if (unit && *unit)
        return snprintf(out, size, "%s %s", number, unit);
    return snprintf(out, size, "%s", number);
}
