/* Word wrapping: widths, UTF-8 boundaries, long words, styles; French
 * typography; palettes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/layout.h"
#include "core/theme.h"
#include "core/typography.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every byte is 10 px wide (px = 20), lines 25 px apart. */
static int fake_width(void *ctx, hrc_font f, const char *s, size_t len)
{
    return (int)(len * (size_t)f.px / 2);
}
static int fake_line(void *ctx, hrc_font f)
{
    return f.px * 5 / 4;
}
static const hrc_text_metrics metrics = {.width = fake_width, .line_height = fake_line};

/* The text of line i, runs concatenated. */
static void line_text(const hrc_layout *l, size_t i, char *out, size_t size)
{
    out[0] = '\0';
    const hrc_layout_line *line = &l->lines[i];
    for (size_t r = 0; r < line->n_runs; r++)
        strncat(out, l->runs[line->first_run + r].text, l->runs[line->first_run + r].len);
    (void)size;
}

static void wraps_at_spaces(void **state)
{
    hrc_layout l;
    hrc_layout_init(&l);
    /* 100 px = 10 bytes a line. */
    assert_int_equal(hrc_layout_wrap_plain(&l, "aaa bbb ccc dddd", 0, 20, 100, NULL, &metrics),
                     0);
    char buf[64];
    assert_int_equal(l.n_lines, 2);
    line_text(&l, 0, buf, sizeof buf);
    assert_string_equal(buf, "aaa bbb");
    line_text(&l, 1, buf, sizeof buf);
    assert_string_equal(buf, "ccc dddd");
    assert_int_equal(l.line_height, 25);
    assert_int_equal(l.height, 50);
    for (size_t i = 0; i < l.n_lines; i++)
        assert_true(l.lines[i].width <= 100);
    /* A text that fits stays on one line; the empty text is one empty line. */
    assert_int_equal(hrc_layout_wrap_plain(&l, "short", 0, 20, 100, NULL, &metrics), 0);
    assert_int_equal(l.n_lines, 1);
    assert_int_equal(l.width, 50);
    assert_int_equal(hrc_layout_wrap_plain(&l, "", 0, 20, 100, NULL, &metrics), 0);
    assert_int_equal(l.n_lines, 1);
    assert_int_equal(l.lines[0].n_runs, 0);
    hrc_layout_free(&l);
}

static void breaks_long_words_between_characters(void **state)
{
    hrc_layout l;
    hrc_layout_init(&l);
    /* "é" is two bytes (20 px): 25 bytes of é never split inside one. */
    const char *word = "éééééééééééé"; /* 12 x 2 bytes */
    assert_int_equal(hrc_layout_wrap_plain(&l, word, 0, 20, 50, NULL, &metrics), 0);
    size_t total = 0;
    for (size_t i = 0; i < l.n_lines; i++) {
        assert_true(l.lines[i].width <= 50);
        for (size_t r = 0; r < l.lines[i].n_runs; r++) {
            const hrc_layout_run *run = &l.runs[l.lines[i].first_run + r];
            assert_int_equal(run->len % 2, 0);
            assert_int_not_equal((unsigned char)run->text[0] & 0xC0, 0x80);
            total += run->len;
        }
    }
    assert_int_equal(total, strlen(word));
    assert_int_equal(l.n_lines, 6); /* 2 characters (40 px) a line */
    /* A column narrower than one character still puts one a line. */
    assert_int_equal(hrc_layout_wrap_plain(&l, "abc", 0, 20, 5, NULL, &metrics), 0);
    assert_int_equal(l.n_lines, 3);
    /* A long word after a short one starts on its own line. */
    assert_int_equal(hrc_layout_wrap_plain(&l, "ab cdefghijklmn", 0, 20, 100, NULL, &metrics), 0);
    char buf[64];
    line_text(&l, 0, buf, sizeof buf);
    assert_string_equal(buf, "ab");
    line_text(&l, 1, buf, sizeof buf);
    assert_string_equal(buf, "cdefghijkl");
    hrc_layout_free(&l);
}

static void keeps_styles_and_words_across_spans(void **state)
{
    hrc_span spans[] = {{HRC_SPAN_PLAIN, "one "},
                        {HRC_SPAN_EM, "two"},
                        {HRC_SPAN_STRONG, "three"}, /* "twothree" is one word */
                        {HRC_SPAN_PLAIN, " four"}};
    hrc_layout l;
    hrc_layout_init(&l);
    /* 9 bytes a line: "one" then "twothree" cannot be split at the span edge. */
    assert_int_equal(hrc_layout_wrap(&l, spans, 4, 0, 20, 90, NULL, &metrics), 0);
    char buf[64];
    assert_int_equal(l.n_lines, 3);
    line_text(&l, 1, buf, sizeof buf);
    assert_string_equal(buf, "twothree");
    assert_int_equal(l.lines[1].n_runs, 2);
    assert_int_equal(l.runs[l.lines[1].first_run].style, HRC_FONT_ITALIC);
    assert_int_equal(l.runs[l.lines[1].first_run + 1].style, HRC_FONT_BOLD);
    assert_int_equal(l.runs[l.lines[1].first_run + 1].x, 30);
    /* An extra style applies to every run (headings). */
    assert_int_equal(hrc_layout_wrap(&l, spans, 1, HRC_FONT_BOLD, 20, 500, NULL, &metrics), 0);
    assert_int_equal(l.runs[0].style, HRC_FONT_BOLD);
    hrc_layout_free(&l);
}

/* ---- French typography ------------------------------------------------------ */

#define NNBSP "\xe2\x80\xaf"

/* Strict reading for what must be valid; lenient cutting for layout. */
static void utf8_reading(void **state)
{
    (void)state;
    uint32_t cp = 0;
    assert_int_equal(hrc_utf8_decode("a", 1, &cp), 1);
    assert_int_equal(cp, 'a');
    assert_int_equal(hrc_utf8_decode("\xc3\xa9", 2, &cp), 2);
    assert_int_equal(cp, 0xe9);
    assert_int_equal(hrc_utf8_decode("\xe2\x80\xaf", 3, &cp), 3);
    assert_int_equal(cp, 0x202f);
    assert_int_equal(hrc_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1f600);
    assert_int_equal(hrc_utf8_decode("\xc0\x80", 2, &cp), 0);         /* overlong NUL */
    assert_int_equal(hrc_utf8_decode("\xe0\x80\xaf", 3, &cp), 0);     /* overlong */
    assert_int_equal(hrc_utf8_decode("\xed\xa0\x80", 3, &cp), 0);     /* a surrogate */
    assert_int_equal(hrc_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0); /* past U+10FFFF */
    assert_int_equal(hrc_utf8_decode("\xc3\xa9", 1, &cp), 0);         /* cut short */
    assert_int_equal(hrc_utf8_decode("\x80", 1, &cp), 0);              /* a stray byte */
    assert_int_equal(hrc_utf8_decode("a", 0, &cp), 0);
    assert_int_equal(hrc_utf8_char_len("\x80x", 2), 1); /* lenient: one character */
    assert_int_equal(hrc_utf8_char_len("\xc3\xa9x", 3), 2);
}

#define RSQUO "\xe2\x80\x99" /* U+2019 */

static void french_spacing_rule(void **state)
{
    static const struct {
        const char *lang, *in, *out;
    } cases[] = {
        /* A plain space before ; : ! ? » becomes a narrow no-break space... */
        {"fr", "Leçon : la ville", "Leçon" NNBSP ": la ville"},
        {"fr", "Pourquoi ? Parce que ; enfin !", "Pourquoi" NNBSP "? Parce que" NNBSP
                                                 "; enfin" NNBSP "!"},
        {"fr", "Leçon   :\tfin", "Leçon" NNBSP ":\tfin"},
        /* ... and one is put where the author typed none, */
        {"fr", "Leçon: la ville", "Leçon" NNBSP ": la ville"},
        {"fr", "Vraiment?", "Vraiment" NNBSP "?"},
        {"fr", "Quoi?! Non.", "Quoi" NNBSP "?! Non."},
        {"fr", "Quoi ? !", "Quoi" NNBSP "?" NNBSP "!"},
        {"fr", "Article 1: les droits", "Article 1" NNBSP ": les droits"},
        /* inside guillemets too, */
        {"fr", "«Bonjour»", "«" NNBSP "Bonjour" NNBSP "»"},
        {"fr", "« Bonjour », dit-elle", "«" NNBSP "Bonjour" NNBSP "», dit-elle"},
        {"fr", "(«oui»)", "(«" NNBSP "oui" NNBSP "»)"},
        /* but not in times, ratios, addresses, or after an opening bracket, */
        {"fr", "à 10:30, un ratio de 1:2", "à 10:30, un ratio de 1:2"},
        {"fr", "voir https://example.org/?q=1&a=b ici", "voir https://example.org/?q=1&a=b ici"},
        {"fr", "le signe (?) et [!]", "le signe (?) et [!]"},
        {"fr", "? au début", "? au début"},
        /* and a no-break space already typed stays as it is. */
        {"fr", "Leçon\xc2\xa0: un" NNBSP "!", "Leçon\xc2\xa0: un" NNBSP "!"},
        /* An apostrophe between letters is the typographic one; a quote
         * elsewhere stays as typed. */
        {"fr", "l'homme d'aujourd'hui", "l" RSQUO "homme d" RSQUO "aujourd" RSQUO "hui"},
        {"fr", "L'\xc3\x89tat", "L" RSQUO "\xc3\x89tat"},
        {"fr", "'cit\xc3\xa9' et 10'", "'cit\xc3\xa9' et 10'"},
        {"en", "the city's rights", "the city's rights"},
        /* Any French tag, in any case. */
        {"FR", "Oui?", "Oui" NNBSP "?"},
        {"fr-CA", "Oui?", "Oui" NNBSP "?"},
        /* Other languages: as written (Spanish ¿ ¡ need nothing). */
        {"en", "Lesson : one ?", "Lesson : one ?"},
        {"es", "¿Qué? ¡Sí!", "¿Qué? ¡Sí!"},
        {"fra", "Oui?", "Oui?"},
        {NULL, "Oui?", "Oui?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = hrc_typo_string(cases[i].lang, cases[i].in);
        assert_non_null(got);
        if (strcmp(got, cases[i].out) != 0)
            fail_msg("%s \"%s\": got \"%s\", expected \"%s\"",
                     cases[i].lang ? cases[i].lang : "(none)", cases[i].in, got,
                     cases[i].out);
        free(got);
    }
}

static void french_spacing_across_spans(void **state)
{
    hrc_typo t;
    hrc_typo_init(&t);
    const hrc_span *out;
    /* The space before "?" is in the span of "?"; styles stay. */
    hrc_span a[] = {{HRC_SPAN_PLAIN, "Qui est "}, {HRC_SPAN_EM, "Eleanor"},
                    {HRC_SPAN_PLAIN, " ?"}};
    assert_int_equal(hrc_typo_apply(&t, "fr", a, 3, &out), 0);
    assert_ptr_not_equal(out, a);
    assert_string_equal(out[0].text, "Qui est ");
    assert_string_equal(out[1].text, "Eleanor");
    assert_int_equal(out[1].style, HRC_SPAN_EM);
    assert_string_equal(out[2].text, NNBSP "?");
    /* No space typed: it goes into the punctuation's span. */
    hrc_span b[] = {{HRC_SPAN_STRONG, "Leçon"}, {HRC_SPAN_PLAIN, ": x"}};
    assert_int_equal(hrc_typo_apply(&t, "fr", b, 2, &out), 0);
    assert_string_equal(out[0].text, "Leçon");
    assert_string_equal(out[1].text, NNBSP ": x");
    /* A space at the end of one span, the colon in the next. */
    hrc_span c[] = {{HRC_SPAN_PLAIN, "Leçon "}, {HRC_SPAN_EM, ""}, {HRC_SPAN_EM, ": x"}};
    assert_int_equal(hrc_typo_apply(&t, "fr", c, 3, &out), 0);
    assert_string_equal(out[0].text, "Leçon" NNBSP);
    assert_string_equal(out[1].text, "");
    assert_string_equal(out[2].text, ": x");
    /* Nothing to change, or not French: the caller's own spans. */
    hrc_span d[] = {{HRC_SPAN_PLAIN, "Rien à changer."}};
    assert_int_equal(hrc_typo_apply(&t, "fr", d, 1, &out), 0);
    assert_ptr_equal(out, d);
    assert_int_equal(hrc_typo_apply(&t, "en", a, 3, &out), 0);
    assert_ptr_equal(out, a);
    hrc_typo_free(&t);
}

/* The first character of a line, or "" for an empty line. */
static void line_start(const hrc_layout *l, size_t i, char out[8])
{
    char buf[512];
    line_text(l, i, buf, sizeof buf);
    size_t n = hrc_utf8_char_len(buf, strlen(buf));
    memcpy(out, buf, n);
    out[n] = '\0';
}

/* Takes out the plain spaces, where lines may break. */
static void squeeze_spaces(char *s)
{
    char *to = s;
    for (; *s; s++)
        if (*s != ' ')
            *to++ = *s;
    *to = '\0';
}

static bool forbidden_start(const char *c)
{
    static const char *const bad[] = {";", ":", "!", "?", "\xc2\xbb", "\xc2\xa0", NNBSP};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        if (strcmp(c, bad[k]) == 0)
            return true;
    return false;
}

/* Wrapped at every width from 10 to 80 characters (the longest piece that
 * must stay on one line here, "a" NNBSP "»" NNBSP ";", is 10 bytes), no
 * French line starts with ; : ! ? » or a no-break space, and nothing of
 * the text is lost; the same English text does start lines with them, so
 * the test would see the fault. */
static void no_french_line_starts_with_punctuation(void **state)
{
    static const char *const text =
        "Qu'est-ce qu'une ville des droits humains ? Une ville qui agit : elle "
        "écoute ; elle protège ! « Les droits commencent près de chez soi », "
        "disait-elle. Leçon: le forum de Gwangju? Oui! Voir « la Charte-Agenda » "
        "; puis : « Pourquoi ? » et « Comment ! » Fin ?";
    hrc_span spans[] = {{HRC_SPAN_PLAIN, text}};
    hrc_layout l;
    hrc_layout_init(&l);
    char *expected = hrc_typo_string("fr", text);
    assert_non_null(expected);
    squeeze_spaces(expected);
    bool english_would = false;
    for (int chars = 10; chars <= 80; chars++) {
        int width = chars * 10;
        assert_int_equal(hrc_layout_wrap(&l, spans, 1, 0, 20, width, "fr", &metrics), 0);
        char joined[1024] = "";
        for (size_t i = 0; i < l.n_lines; i++) {
            char c[8];
            line_start(&l, i, c);
            if (i > 0 && forbidden_start(c))
                fail_msg("at %d px, French line %zu starts with \"%s\"", width, i + 1, c);
            assert_true(l.lines[i].width <= width);
            char line[512];
            line_text(&l, i, line, sizeof line);
            strcat(joined, line);
        }
        squeeze_spaces(joined);
        assert_string_equal(joined, expected);
        assert_int_equal(hrc_layout_wrap(&l, spans, 1, 0, 20, width, "en", &metrics), 0);
        for (size_t i = 1; i < l.n_lines; i++) {
            char c[8];
            line_start(&l, i, c);
            english_would |= forbidden_start(c);
        }
    }
    assert_true(english_would);
    free(expected);
    hrc_layout_free(&l);
}

/* A word too long for the line is broken between characters, but not
 * between it and its punctuation, nor after «, from 6 characters wide
 * (the 6 bytes of "t" NNBSP "»"). */
static void long_words_keep_their_punctuation(void **state)
{
    hrc_layout l;
    hrc_layout_init(&l);
    static const char *const words[] = {"Anticonstitutionnellement?",
                                        "«Anticonstitutionnellement»",
                                        "abcdefgh\xc2\xa0:", "abcdefgh" NNBSP "!"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        for (int width = 60; width <= 300; width += 10) {
            assert_int_equal(hrc_layout_wrap_plain(&l, words[k], 0, 20, width, "fr",
                                                   &metrics), 0);
            for (size_t i = 0; i < l.n_lines; i++) {
                char c[8];
                line_start(&l, i, c);
                if (i > 0 && forbidden_start(c))
                    fail_msg("\"%s\" at %d px: line %zu starts with \"%s\"", words[k],
                             width, i + 1, c);
                assert_true(l.lines[i].width <= width);
                char line[128];
                line_text(&l, i, line, sizeof line);
                size_t n = strlen(line);
                if (i + 1 < l.n_lines && n >= 2 && strcmp(line + n - 2, "\xc2\xab") == 0)
                    fail_msg("\"%s\" at %d px: line %zu ends with «", words[k], width, i + 1);
            }
        }
    hrc_layout_free(&l);
}

static void palettes_meet_wcag(void **state)
{
    for (int hc = 0; hc < 2; hc++) {
        const hrc_palette *p = hrc_palette_get(hc);
        hrc_color_pair pairs[32];
        size_t n = hrc_palette_text_pairs(p, pairs, 32);
        assert_true(n >= 8);
        for (size_t i = 0; i < n; i++) {
            double ratio = hrc_contrast_ratio(pairs[i].fg, pairs[i].bg);
            if (ratio < (hc ? 7.0 : 4.5))
                fail_msg("%s: %s is %.2f:1", p->name, pairs[i].what, ratio);
        }
        /* The focus ring is a non-text element: 3:1 against the background. */
        assert_true(hrc_contrast_ratio(p->focus, p->background) >= 3.0);
        /* WCAG 2.2 (2.4.11, 2.4.13): the two-tone ring stands out 3:1 on
         * whatever it can sit on or next to, through one of its lines; a
         * picked answer's border and mark, not colour alone, 3:1 too. */
        hrc_color_pair grounds[32];
        size_t g = hrc_palette_ring_grounds(p, grounds, 32);
        assert_true(g >= 10);
        for (size_t i = 0; i < g; i++) {
            double outer = hrc_contrast_ratio(p->focus, grounds[i].bg);
            double inner = hrc_contrast_ratio(p->focus_inner, grounds[i].bg);
            if (outer < 3.0 && inner < 3.0)
                fail_msg("%s: the focus ring on %s is %.2f:1 and %.2f:1", p->name,
                         grounds[i].what, outer, inner);
        }
        assert_true(hrc_contrast_ratio(p->focus, p->focus_inner) >= 3.0);
        const hrc_color picked_on[] = {p->background, p->surface, p->picked};
        for (size_t i = 0; i < sizeof picked_on / sizeof picked_on[0]; i++)
            if (hrc_contrast_ratio(p->picked_border, picked_on[i]) < 3.0)
                fail_msg("%s: a picked answer's border is %.2f:1 on its grounds", p->name,
                         hrc_contrast_ratio(p->picked_border, picked_on[i]));
        /* Picked is not "right": its colour differs from the right answer's. */
        assert_true(hrc_contrast_ratio(p->picked_border, p->right) > 1.2 ||
                    p->picked_border.b != p->right.b);
    }
    hrc_color black = {0, 0, 0, 255}, white = {255, 255, 255, 255};
    assert_true(hrc_contrast_ratio(black, white) > 20.99);
    assert_true(hrc_contrast_ratio(white, white) < 1.0001);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wraps_at_spaces),
        cmocka_unit_test(breaks_long_words_between_characters),
        cmocka_unit_test(keeps_styles_and_words_across_spans),
        cmocka_unit_test(utf8_reading),
        cmocka_unit_test(french_spacing_rule),
        cmocka_unit_test(french_spacing_across_spans),
        cmocka_unit_test(no_french_line_starts_with_punctuation),
        cmocka_unit_test(long_words_keep_their_punctuation),
        cmocka_unit_test(palettes_meet_wcag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
