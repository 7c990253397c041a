/*
 * Hostile shapes: small files whose structure makes a careless algorithm
 * quadratic. Each input here loads in seconds with linear work (even in
 * the sanitized debug build) and would take many minutes with quadratic
 * work, so a regression shows as this test exceeding its ctest TIMEOUT
 * rather than as a timing assertion. Growth figures themselves are
 * measured by bench/15-loader-scaling.py.
 *
 * Whatever the verdict (a module may refuse such shapes), the load must
 * return, print nothing and, when refused, say why.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/diag.h"
#include "core/model.h"
#include "io/loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD                                                               \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                         \
    "<module format=\"1\" id=\"scale\" version=\"1\" xml:lang=\"en\">\n"   \
    "<meta><title>T</title><summary>S</summary><author>A</author>"         \
    "<licence>L</licence></meta>\n"

typedef struct buffer {
    char *data;
    size_t len, cap;
} buffer;

static buffer input; /* freed by the group teardown, even after a failure */

static void put(const char *s)
{
    size_t n = strlen(s);
    if (input.len + n + 1 > input.cap) {
        size_t cap = input.cap ? input.cap : 1 << 16;
        while (cap < input.len + n + 1)
            cap *= 2;
        input.data = realloc(input.data, cap);
        assert_non_null(input.data);
        input.cap = cap;
    }
    memcpy(input.data + input.len, s, n + 1);
    input.len += n;
}

static void put_n(const char *s, size_t times)
{
    for (size_t i = 0; i < times; i++)
        put(s);
}

static int free_input(void **state)
{
    free(input.data);
    input = (buffer){0};
    return 0;
}

/* Loads `input` and checks the verdict is well formed. */
static void load_input(void)
{
    hrc_diags diags;
    hrc_diags_init(&diags);
    hrc_module *module = NULL;
    hrc_load_options opts = {0};
    int rc = hrc_module_load_memory(input.data, input.len, "scale.xml", &opts, &module,
                                    &diags);
    if (rc == 0) {
        assert_non_null(module);
        assert_string_equal(module->id, "scale");
    } else {
        assert_int_equal(rc, -1);
        assert_null(module);
        assert_true(diags.n_errors >= 1);
    }
    hrc_module_free(module);
    hrc_diags_clear(&diags);
    input.len = 0;
}

static void many_paragraphs_in_one_page(void **state)
{
    put(HEAD "<page id=\"p\"><title>T</title>\n");
    put_n("<p>x</p>", 10000);
    put("</page></module>\n");
    load_input();
}

static void many_spans_in_one_paragraph(void **state)
{
    put(HEAD "<page id=\"p\"><title>T</title><p>");
    put_n("<em>x</em> <strong>y</strong> ", 50000); /* 100,000 spans */
    put("</p></page></module>\n");
    load_input();
}

static void many_choices_in_one_question(void **state)
{
    put(HEAD "<quiz id=\"q\" pass=\"50\" attempts=\"1\"><title>Q</title>"
             "<multiple id=\"m\" rev=\"1\"><prompt>P</prompt>\n");
    char choice[128];
    for (int i = 0; i < 100000; i++) {
        snprintf(choice, sizeof(choice),
                 "<choice id=\"c%d\" correct=\"yes\"><text>x</text></choice>\n", i);
        put(choice);
    }
    put("<explanation>E</explanation></multiple></quiz></module>\n");
    load_input();
}

static void many_duplicate_ids(void **state)
{
    put(HEAD);
    put_n("<page id=\"same\"><title>T</title></page>\n", 50000);
    put("</module>\n");
    load_input();
}

static void many_languages_in_one_text(void **state)
{
    put(HEAD "<page id=\"p\"><title>T</title>\n");
    char variant[96];
    for (int i = 0; i < 10000; i++) {
        snprintf(variant, sizeof(variant), "<title xml:lang=\"x-l%d\">T</title>", i);
        put(variant);
    }
    put("</page></module>\n");
    load_input();
}

static void many_pairs_in_one_matching(void **state)
{
    put(HEAD "<quiz id=\"q\" pass=\"50\" attempts=\"1\"><title>Q</title>"
             "<matching id=\"m\" rev=\"1\"><prompt>P</prompt>\n");
    char pair[128];
    for (int i = 0; i < 50000; i++) {
        snprintf(pair, sizeof(pair),
                 "<pair id=\"p%d\"><left>L</left><right>R</right></pair>\n", i);
        put(pair);
    }
    put("<explanation>E</explanation></matching></quiz></module>\n");
    load_input();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_paragraphs_in_one_page),
        cmocka_unit_test(many_choices_in_one_question),
        cmocka_unit_test(many_duplicate_ids),
        cmocka_unit_test(many_languages_in_one_text),
        cmocka_unit_test(many_pairs_in_one_matching),
        /* Last: the slowest when it goes wrong. */
        cmocka_unit_test(many_spans_in_one_paragraph),
    };
    return cmocka_run_group_tests(tests, NULL, free_input);
}
