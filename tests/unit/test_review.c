/* The review sheet (io/review.h): every entry listed, every text escaped. */
#include "io/review.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void entries_are_listed_and_escaped(void **state)
{
    (void)state;
    char dir[] = "/tmp/hrc-review-XXXXXX";
    assert_non_null(mkdtemp(dir));
    hrc_review *r;
    assert_int_equal(hrc_review_new(dir, &r), 0);
    assert_int_equal(hrc_review_add(r, "010-sign-in.png", "Welcome", NULL, NULL, 0), 0);
    assert_int_equal(hrc_review_add(r, "020-a\"b<c>.png", "<script>alert(1)</script> & 'x'",
                                    "dir/<m>.xml", "id\"><b", 42), 0);
    char err[256];
    assert_int_equal(hrc_review_write(r, err, sizeof err), 0);
    hrc_review_free(r);

    char path[64];
    snprintf(path, sizeof path, "%s/index.html", dir);
    const char *html = read_all(path);
    assert_non_null(strstr(html, "src=\"./010-sign-in.png\""));
    assert_non_null(strstr(html, "no module item on this screen"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "\"><b</code>"));
    assert_null(strstr(html, "<m>"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;"));
    assert_non_null(strstr(html, "<code class=\"id\">id&quot;&gt;&lt;b</code>"));
    assert_non_null(strstr(html, "<code>dir/&lt;m&gt;.xml:42</code>"));
    /* The file name is a relative URL that cannot leave the attribute. */
    assert_non_null(strstr(html, "src=\"./020-a%22b%3Cc%3E.png\""));
    unlink(path);
    rmdir(dir);
}

/* Notes stand beside their screen, escaped; a long title is cut at a word
 * with an ellipsis, the whole of it kept as the picture's alt text. */
static void notes_and_long_titles(void **state)
{
    (void)state;
    char dir[] = "/tmp/hrc-review-XXXXXX";
    assert_non_null(mkdtemp(dir));
    hrc_review *r;
    assert_int_equal(hrc_review_new(dir, &r), 0);
    assert_int_equal(hrc_review_add_note(r, "no screen yet", "x"), -1);
    static const char long_title[] =
        "Which of these steps did the city take first when it joined the campaign, "
        "according to the report it published in 2019 after the first annual meeting?";
    assert_int_equal(hrc_review_add(r, "010-q.png", long_title, "01-m.xml", "q1", 7), 0);
    assert_false(hrc_review_shown_before(r, "q1"));
    assert_int_equal(hrc_review_add_note(r, "Choice 1, right: <b>Paris</b>", "Yes & more"), 0);
    assert_int_equal(hrc_review_add_note(r, "Hint 1", "See page 2."), 0);
    assert_int_equal(hrc_review_add(r, "020-q.png", "Short", "01-m.xml", "q1", 7), 0);
    assert_true(hrc_review_shown_before(r, "q1"));
    char err[256];
    assert_int_equal(hrc_review_write(r, err, sizeof err), 0);
    hrc_review_free(r);
    char path[64];
    snprintf(path, sizeof path, "%s/index.html", dir);
    const char *html = read_all(path);
    assert_non_null(strstr(html, "<dt>Choice 1, right: &lt;b&gt;Paris&lt;/b&gt;</dt>"
                                 "<dd>Yes &amp; more</dd>"));
    assert_non_null(strstr(html, "<dt>Hint 1</dt><dd>See page 2.</dd>"));
    /* Cut after a whole word, with an ellipsis, in the caption. */
    assert_non_null(strstr(html, "<strong>Which of these steps did the city take first when "
                                 "it joined the campaign, according to the\xe2\x80\xa6</strong>"));
    assert_non_null(strstr(html, "alt=\"Which of these steps"));
    assert_non_null(strstr(html, "published in 2019 after the first annual meeting?\""));
    assert_int_equal(hrc_review_cut("short", 90), 5);
    assert_int_equal(hrc_review_cut("\xc3\xa9\xc3\xa9\xc3\xa9", 2), 4); /* whole characters */
    unlink(path);
    rmdir(dir);
}

static void an_unwritable_folder_is_reported(void **state)
{
    (void)state;
    hrc_review *r;
    assert_int_equal(hrc_review_new("/nonexistent/hrc-review", &r), 0);
    char err[256] = "";
    assert_int_equal(hrc_review_write(r, err, sizeof err), -1);
    assert_non_null(strstr(err, "index.html"));
    hrc_review_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entries_are_listed_and_escaped),
        cmocka_unit_test(notes_and_long_titles),
        cmocka_unit_test(an_unwritable_folder_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
