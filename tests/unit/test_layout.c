/* Word wrapping: widths, UTF-8 boundaries, long words, styles; palettes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/layout.h"
#include "core/theme.h"

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
    assert_int_equal(hrc_layout_wrap_plain(&l, "aaa bbb ccc dddd", 0, 20, 100, &metrics), 0);
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
    assert_int_equal(hrc_layout_wrap_plain(&l, "short", 0, 20, 100, &metrics), 0);
    assert_int_equal(l.n_lines, 1);
    assert_int_equal(l.width, 50);
    assert_int_equal(hrc_layout_wrap_plain(&l, "", 0, 20, 100, &metrics), 0);
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
    assert_int_equal(hrc_layout_wrap_plain(&l, word, 0, 20, 50, &metrics), 0);
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
    assert_int_equal(hrc_layout_wrap_plain(&l, "abc", 0, 20, 5, &metrics), 0);
    assert_int_equal(l.n_lines, 3);
    /* A long word after a short one starts on its own line. */
    assert_int_equal(hrc_layout_wrap_plain(&l, "ab cdefghijklmn", 0, 20, 100, &metrics), 0);
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
    assert_int_equal(hrc_layout_wrap(&l, spans, 4, 0, 20, 90, &metrics), 0);
    char buf[64];
    assert_int_equal(l.n_lines, 3);
    line_text(&l, 1, buf, sizeof buf);
    assert_string_equal(buf, "twothree");
    assert_int_equal(l.lines[1].n_runs, 2);
    assert_int_equal(l.runs[l.lines[1].first_run].style, HRC_FONT_ITALIC);
    assert_int_equal(l.runs[l.lines[1].first_run + 1].style, HRC_FONT_BOLD);
    assert_int_equal(l.runs[l.lines[1].first_run + 1].x, 30);
    /* An extra style applies to every run (headings). */
    assert_int_equal(hrc_layout_wrap(&l, spans, 1, HRC_FONT_BOLD, 20, 500, &metrics), 0);
    assert_int_equal(l.runs[0].style, HRC_FONT_BOLD);
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
        cmocka_unit_test(palettes_meet_wcag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
