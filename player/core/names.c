/*
 * names.c: the rule for learners' names and the sign-in search (names.h).
 */
#include "core/names.h"

#include "core/utf8.h"

#include "core/i18n.h"

#include <stdint.h>
#include <string.h>

/* One UTF-8 character at p, before end: its length, or 0 (utf8.h). */
static size_t decode(const unsigned char *p, const unsigned char *end, uint32_t *cp)
{
    return hrc_utf8_decode((const char *)p, (size_t)(end - p), cp);
}

/* Unicode White_Space, and the invisible U+200B and U+FEFF. */
static bool is_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200b) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static bool is_control(uint32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
}

static bool is_bidi(uint32_t c)
{
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

hrc_name_problem hrc_name_clean(const char *name, char *out, size_t size)
{
    if (!name) {
        if (out && size)
            out[0] = '\0';
        return HRC_NAME_EMPTY;
    }
    const unsigned char *p = (const unsigned char *)name, *end = p + strlen(name);
    uint32_t c;
    size_t n;
    /* White space at the start; an invalid byte ends the trimming. */
    while (p < end && (n = decode(p, end, &c)) && is_space(c))
        p += n;
    const unsigned char *start = p, *last = p; /* last: after the last non-space */
    for (; p < end; p += n) {
        n = decode(p, end, &c);
        if (!n)
            n = 1, c = 0xfffd; /* an invalid byte is not white space */
        if (!is_space(c))
            last = p + n;
    }
    hrc_name_problem problem = HRC_NAME_OK;
    size_t chars = 0;
    for (p = start; p < last; p += n, chars++) {
        n = decode(p, last, &c);
        if (!n) {
            n = 1;
            if (!problem)
                problem = HRC_NAME_BAD_UTF8;
        } else if (!problem && is_control(c)) {
            problem = HRC_NAME_CONTROL; /* tabs and line breaks inside too */
        } else if (!problem && is_bidi(c)) {
            problem = HRC_NAME_BIDI;
        }
    }
    size_t len = (size_t)(last - start);
    if (out && size) {
        size_t copy = len < size ? len : size - 1;
        memmove(out, start, copy);
        out[copy] = '\0';
    }
    if (len == 0)
        return HRC_NAME_EMPTY;
    if (problem)
        return problem;
    if (chars > HRC_NAME_MAX_CHARS || (out && len >= size))
        return HRC_NAME_TOO_LONG;
    return HRC_NAME_OK;
}

const char *hrc_name_problem_text(hrc_name_problem problem)
{
    switch (problem) {
    case HRC_NAME_OK: return "";
    case HRC_NAME_EMPTY: return N_("Type a name.");
    case HRC_NAME_TOO_LONG: return N_("A name is at most 64 characters long.");
    case HRC_NAME_BAD_UTF8: return N_("This name holds bytes that are not text.");
    case HRC_NAME_CONTROL:
        return N_("A name cannot hold tabs, line breaks or other control characters.");
    case HRC_NAME_BIDI:
        return N_("A name cannot hold characters that change the direction of the text.");
    }
    return "";
}

void hrc_name_printable(const char *name, char *out, size_t size)
{
    if (!out || !size)
        return;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)(name ? name : ""), *end = p + strlen((const char *)p);
    while (p < end) {
        uint32_t c;
        size_t n = decode(p, end, &c);
        const char *piece = (const char *)p;
        size_t len = n;
        if (!n || is_control(c) || is_bidi(c)) {
            piece = "\xef\xbf\xbd"; /* U+FFFD */
            len = 3;
            n = n ? n : 1;
        }
        if (o + len >= size)
            break;
        memcpy(out + o, piece, len);
        o += len;
        p += n;
    }
    out[o] = '\0';
}

/* ---- Search ----------------------------------------------------------- */

/* The base letters of U+0100..U+017F (Latin Extended-A); '.' marks the
 * letters that have no ASCII base (IJ, ENG, OE): those fold case only. */
static const char latin_ext_a[] =
    "aaaaaacccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" ".." "jj" "kkk"
    "llllllllll" "nnnnnnn" ".." "oooooo" ".." "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu"
    "ww" "yyy" "zzzzzz" "s";
_Static_assert(sizeof latin_ext_a == 129, "one letter for each of U+0100..U+017F");

/* The base letters of U+00C0..U+00FF; '.' where the character stays. */
static const char latin_1[] = "aaaaaa.ceeeeiiii.nooooo.ouuuuy.."
                                "aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";
_Static_assert(sizeof latin_1 == 65, "one letter for each of U+00C0..U+00FF");

/* Lower case, without accents where the base letter is ASCII. */
static uint32_t fold(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xc0 && c <= 0xff) {
        char base = latin_1[c - 0xc0];
        if (base != '.')
            return (uint32_t)base;
        return c >= 0xc0 && c <= 0xde && c != 0xd7 ? c + 32 : c;
    }
    if (c >= 0x100 && c <= 0x17f) {
        char base = latin_ext_a[c - 0x100];
        if (base != '.')
            return (uint32_t)base;
        return c % 2 == 0 ? c + 1 : c;
    }
    if ((c >= 0x391 && c <= 0x3a9) || (c >= 0x410 && c <= 0x42f))
        return c + 32; /* Greek and Cyrillic capitals */
    if (c >= 0x400 && c <= 0x40f)
        return c + 80;
    return c;
}

static bool is_combining(uint32_t c)
{
    return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) ||
           (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
           (c >= 0xfe20 && c <= 0xfe2f);
}

/* The next folded character at *p, skipping combining marks; 0 at the end
 * (invalid bytes are taken one at a time, as themselves). */
static uint32_t next_folded(const unsigned char **p, const unsigned char *end)
{
    while (*p < end) {
        uint32_t c;
        size_t n = decode(*p, end, &c);
        if (!n) {
            c = 0x110000 + **p; /* an invalid byte matches only itself */
            n = 1;
        }
        *p += n;
        if (!is_combining(c))
            return fold(c);
    }
    return 0;
}

bool hrc_name_matches(const char *name, const char *typed)
{
    if (!name || !typed)
        return false;
    const unsigned char *t = (const unsigned char *)typed, *t_end = t + strlen(typed);
    uint32_t c;
    size_t n;
    while (t < t_end && (n = decode(t, t_end, &c)) && is_space(c))
        t += n;
    /* Trailing white space of typed is ignored too. */
    const unsigned char *q = t, *t_last = t;
    while (q < t_end) {
        n = decode(q, t_end, &c);
        if (!n)
            n = 1, c = 0;
        q += n;
        if (!is_space(c))
            t_last = q;
    }
    t_end = t_last;
    if (t == t_end)
        return false;
    const unsigned char *m = (const unsigned char *)name, *m_end = m + strlen(name);
    while (m < m_end && (n = decode(m, m_end, &c)) && is_space(c))
        m += n;
    for (;;) {
        uint32_t want = next_folded(&t, t_end);
        if (!want)
            return true;
        if (next_folded(&m, m_end) != want)
            return false;
    }
}

/* Appends code point c to out as UTF-8; false when it does not fit. */
static bool put_utf8(uint32_t c, char *out, size_t size, size_t *len)
{
    unsigned char b[4];
    size_t n;
    if (c < 0x80)
        b[0] = (unsigned char)c, n = 1;
    else if (c < 0x800)
        b[0] = (unsigned char)(0xc0 | c >> 6), b[1] = (unsigned char)(0x80 | (c & 0x3f)), n = 2;
    else if (c < 0x10000)
        b[0] = (unsigned char)(0xe0 | c >> 12), b[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f)),
        b[2] = (unsigned char)(0x80 | (c & 0x3f)), n = 3;
    else if (c < 0x110000)
        b[0] = (unsigned char)(0xf0 | c >> 18), b[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f)),
        b[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f)), b[3] = (unsigned char)(0x80 | (c & 0x3f)),
        n = 4;
    else
        b[0] = (unsigned char)(c - 0x110000), n = 1; /* an invalid byte, as itself */
    if (*len + n >= size)
        return false;
    memcpy(out + *len, b, n);
    *len += n;
    return true;
}

size_t hrc_name_key(const char *name, char *out, size_t size)
{
    if (!out || size == 0)
        return 0;
    out[0] = '\0';
    if (!name)
        return 0;
    const unsigned char *p = (const unsigned char *)name, *end = p + strlen(name);
    size_t len = 0;
    bool space = false;
    while (p < end) {
        uint32_t c = next_folded(&p, end);
        if (!c)
            break; /* only combining marks were left */
        if (is_space(c)) {
            space = len > 0; /* runs become one space; none at the start */
            continue;
        }
        if ((space && !put_utf8(' ', out, size, &len)) || !put_utf8(c, out, size, &len))
            break;
        space = false;
    }
    out[len] = '\0';
    return len;
}

bool hrc_name_same(const char *a, const char *b)
{
    char ka[HRC_NAME_MAX_BYTES * 2], kb[HRC_NAME_MAX_BYTES * 2];
    hrc_name_key(a, ka, sizeof ka);
    hrc_name_key(b, kb, sizeof kb);
    return ka[0] && strcmp(ka, kb) == 0;
}
