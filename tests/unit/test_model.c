/* The course model's own behaviour: text language fallback, vocabularies,
 * diagnostics formatting, the arena. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static hrc_variant make_variant(const char *lang, const char *text)
{
    return (hrc_variant){.lang = lang, .plain = text, .n_spans = 0};
}

static void pick_follows_requested_then_default_then_first(void **state)
{
    hrc_variant v[] = {make_variant("fr", "Bonjour"), make_variant("en", "Hello"),
                       make_variant("es-MX", "Hola")};
    hrc_text t = {.n_variants = 3, .variants = v};
    assert_string_equal(hrc_text_plain(&t, "en", "fr"), "Hello");
    assert_string_equal(hrc_text_plain(&t, "de", "en"), "Hello");
    assert_string_equal(hrc_text_plain(&t, "de", "it"), "Bonjour");
    /* A primary subtag matches a regional variant and back. */
    assert_string_equal(hrc_text_plain(&t, "es", "fr"), "Hola");
    assert_string_equal(hrc_text_plain(&t, "FR-ca", "en"), "Bonjour");
    hrc_text empty = {0};
    assert_string_equal(hrc_text_plain(&empty, "en", "fr"), "");
    assert_null(hrc_text_pick(&empty, "en", "fr"));
    assert_true(hrc_text_is_empty(&empty));
}

static void vocabularies_round_trip(void **state)
{
    for (int i = 0; i < HRC_THEME_COUNT; i++) {
        hrc_theme t;
        assert_true(hrc_theme_parse(hrc_theme_name((hrc_theme)i), &t));
        assert_int_equal(t, i);
    }
    hrc_gov_kind k;
    assert_true(hrc_gov_kind_parse("metropolis", &k));
    assert_int_equal(k, HRC_GOV_METROPOLIS);
    assert_false(hrc_gov_kind_parse("village", &k));
    hrc_theme t;
    assert_false(hrc_theme_parse("Housing", &t));
    assert_int_equal(HRC_THEME_COUNT, 18);
}

static void diagnostics_use_the_gcc_form(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_diags_add(&d, HRC_ERROR, "m.xml", 12, 5, "duplicate id '%s'", "p1");
    hrc_diags_add(&d, HRC_WARNING, "m.xml", 3, 1, "text lacks\n'fr'");
    hrc_diags_add(&d, HRC_ERROR, "m.xml", 0, 0, "file is empty");
    hrc_diags_sort(&d);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    for (size_t i = 0; i < d.count; i++)
        hrc_diag_format(&d.items[i], out);
    fclose(out);
    assert_string_equal(buf, "m.xml: error: file is empty\n"
                             "m.xml:3:1: warning: text lacks 'fr'\n"
                             "m.xml:12:5: error: duplicate id 'p1'\n");
    assert_int_equal(d.n_errors, 2);
    assert_int_equal(d.n_warnings, 1);
    free(buf);
    hrc_diags_clear(&d);
    assert_int_equal(d.count, 0);
}

static void diagnostics_stop_at_their_limit(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    d.limit = 5;
    for (int i = 0; i < 20; i++)
        hrc_diags_add(&d, HRC_ERROR, "f", (unsigned)i + 1, 1, "e%d", i);
    assert_int_equal(d.count, 5);
    assert_int_equal(d.n_errors, 20);
    assert_true(d.truncated);
    hrc_diags_clear(&d);
}

static void arena_keeps_allocations_apart_and_aligned(void **state)
{
    hrc_arena *a = hrc_arena_new();
    assert_non_null(a);
    char *prev = NULL;
    for (int i = 0; i < 10000; i++) {
        char *p = hrc_arena_alloc(a, (size_t)(i % 97) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        assert_int_equal(p[0], 0);
        memset(p, 0xAB, (size_t)(i % 97) + 1);
        assert_true(p != prev);
        prev = p;
    }
    char *big = hrc_arena_alloc(a, 1 << 20);
    assert_non_null(big);
    memset(big, 1, 1 << 20);
    assert_string_equal(hrc_arena_strndup(a, "abcdef", 3), "abc");
    assert_null(hrc_arena_array(a, SIZE_MAX / 4, 8));
    hrc_arena_free(a);
    hrc_arena_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pick_follows_requested_then_default_then_first),
        cmocka_unit_test(vocabularies_round_trip),
        cmocka_unit_test(diagnostics_use_the_gcc_form),
        cmocka_unit_test(diagnostics_stop_at_their_limit),
        cmocka_unit_test(arena_keeps_allocations_apart_and_aligned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
