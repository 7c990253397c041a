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
    assert_non_null(strstr(html, "<code>&lt;m&gt;.xml:42</code>"));
    /* The file name is a relative URL that cannot leave the attribute. */
    assert_non_null(strstr(html, "src=\"./020-a%22b%3Cc%3E.png\""));
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
        cmocka_unit_test(an_unwritable_folder_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
