/*
 * Learners' names (core/names.h): what a shared kiosk accepts, and the
 * sign-in search by first letters.
 */
#include "core/names.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

static hrc_name_problem clean(const char *name, char *out)
{
    return hrc_name_clean(name, out, HRC_NAME_MAX_BYTES + 1);
}

static void accepted_names_are_trimmed(void **state)
{
    (void)state;
    char out[HRC_NAME_MAX_BYTES + 1];
    assert_int_equal(clean("  Ana  ", out), HRC_NAME_OK);
    assert_string_equal(out, "Ana");
    /* Unicode spaces at the ends go; spaces inside stay. */
    assert_int_equal(clean("\xe2\x80\x83\xc2\xa0Zoé  Martín\xe3\x80\x80\t\r\n", out),
                     HRC_NAME_OK);
    assert_string_equal(out, "Zoé  Martín");
    assert_int_equal(clean("\xef\xbb\xbf" "Ana\xe2\x80\x8b", out), HRC_NAME_OK); /* BOM, ZWSP */
    assert_string_equal(out, "Ana");
    /* In place. */
    char buf[32] = "  Ben ";
    assert_int_equal(hrc_name_clean(buf, buf, sizeof buf), HRC_NAME_OK);
    assert_string_equal(buf, "Ben");
    /* Right-to-left scripts are fine: only the direction controls are not. */
    assert_int_equal(clean("مريم", out), HRC_NAME_OK);
    assert_int_equal(clean("O'Brien-Smith, Jr.", out), HRC_NAME_OK);
}

static void length_is_counted_in_characters(void **state)
{
    (void)state;
    char name[400] = "", out[HRC_NAME_MAX_BYTES + 1];
    for (int i = 0; i < 64; i++)
        strcat(name, "\xf0\x9f\x99\x82"); /* four bytes each */
    assert_int_equal(clean(name, out), HRC_NAME_OK);
    assert_int_equal(strlen(out), 256);
    strcat(name, "a");
    assert_int_equal(clean(name, out), HRC_NAME_TOO_LONG);
    /* 64 ASCII characters, then spaces: the spaces are trimmed. */
    memset(name, 'x', 64);
    strcpy(name + 64, "     ");
    assert_int_equal(clean(name, out), HRC_NAME_OK);
    /* A buffer too small for the name says so rather than cut it. */
    char small[8];
    assert_int_equal(hrc_name_clean("Bartholomew", small, sizeof small), HRC_NAME_TOO_LONG);
    assert_string_equal(small, "Barthol");
}

static void refused_names(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        hrc_name_problem problem;
    } cases[] = {
        {NULL, HRC_NAME_EMPTY},
        {"", HRC_NAME_EMPTY},
        {" \t\r\n\xc2\xa0 ", HRC_NAME_EMPTY},
        {"a\tb", HRC_NAME_CONTROL},
        {"a\nb", HRC_NAME_CONTROL},
        {"a\x1b[31mb", HRC_NAME_CONTROL},
        {"a\x7f", HRC_NAME_CONTROL},
        {"a\xc2\x80z", HRC_NAME_CONTROL},  /* U+0080 */
        {"a\xc2\x9fz", HRC_NAME_CONTROL},  /* U+009F */
        {"a\xc2\x85z", HRC_NAME_CONTROL},  /* NEL, inside */
        {"a\xe2\x80\xa9z", HRC_NAME_CONTROL}, /* paragraph separator, inside */
        {"a\xd8\x9cz", HRC_NAME_BIDI},     /* U+061C */
        {"a\xe2\x80\x8e", HRC_NAME_BIDI},  /* U+200E at the end: not trimmed */
        {"\xe2\x80\x8f" "a", HRC_NAME_BIDI},
        {"a\xe2\x80\xaaz", HRC_NAME_BIDI}, /* U+202A */
        {"a\xe2\x80\xaez", HRC_NAME_BIDI}, /* U+202E */
        {"a\xe2\x81\xa6z", HRC_NAME_BIDI}, /* U+2066 */
        {"a\xe2\x81\xa9z", HRC_NAME_BIDI}, /* U+2069 */
        {"a\xff", HRC_NAME_BAD_UTF8},
        {"a\xc0\xaf", HRC_NAME_BAD_UTF8},  /* overlong "/" */
        {"a\xed\xa0\x80", HRC_NAME_BAD_UTF8}, /* a surrogate */
        {"a\xe2\x80", HRC_NAME_BAD_UTF8},  /* cut short */
        {"\xff   ", HRC_NAME_BAD_UTF8},
    };
    char out[HRC_NAME_MAX_BYTES + 1];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hrc_name_problem got = clean(cases[i].name, out);
        if (got != cases[i].problem)
            fail_msg("case %zu: %d, expected %d", i, got, cases[i].problem);
        assert_string_not_equal(hrc_name_problem_text(got), "");
    }
    assert_string_equal(hrc_name_problem_text(HRC_NAME_OK), "");
}

static void search_by_first_letters(void **state)
{
    (void)state;
    assert_true(hrc_name_matches("Zoé Martín", "zoe"));
    assert_true(hrc_name_matches("Zoé Martín", "ZOÉ M"));
    assert_true(hrc_name_matches("Zoé Martín", "zoé martin"));
    assert_true(hrc_name_matches("Zoé Martín", " zo "));
    assert_true(hrc_name_matches("Zoe\xcc\x81", "zoé")); /* e + combining acute */
    assert_true(hrc_name_matches("Łukasz Żak", "luk"));
    assert_true(hrc_name_matches("Ørsted", "ors"));
    assert_true(hrc_name_matches("Ελένη", "ελ"));
    assert_true(hrc_name_matches("Юлия", "юл"));
    assert_true(hrc_name_matches("Ana", "Ana"));
    assert_false(hrc_name_matches("Ana", "Anab"));
    assert_false(hrc_name_matches("Zoé Martín", "martin"));
    assert_false(hrc_name_matches("Ana", ""));
    assert_false(hrc_name_matches("Ana", "   "));
    assert_false(hrc_name_matches("Ana", NULL));
    assert_false(hrc_name_matches("Æsa", "a"));
}

/* What is being typed is shown with U+FFFD for what the rule refuses. */
static void printable_copies(void **state)
{
    (void)state;
    char out[64];
    hrc_name_printable("Zo\xc3\xa9 Mart\xc3\xadn", out, sizeof out);
    assert_string_equal(out, "Zo\xc3\xa9 Mart\xc3\xadn");
    hrc_name_printable("a\tb\x7f", out, sizeof out);
    assert_string_equal(out, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
    hrc_name_printable("Ana\xe2\x80\xaemoc.exe", out, sizeof out); /* U+202E */
    assert_string_equal(out, "Ana\xef\xbf\xbd" "moc.exe");
    hrc_name_printable("x\xff", out, sizeof out);
    assert_string_equal(out, "x\xef\xbf\xbd");
    hrc_name_printable("\xc3\xa9\xc3\xa9\xc3\xa9", out, 6); /* two whole characters fit */
    assert_string_equal(out, "\xc3\xa9\xc3\xa9");
    hrc_name_printable(NULL, out, sizeof out);
    assert_string_equal(out, "");
}

/* The same person entered twice: a class list, an existing learner. */
static void same_names(void **state)
{
    (void)state;
    char key[64];
    assert_int_equal(hrc_name_key("  Zoé   MARTÍN\t", key, sizeof key), strlen("zoe martin"));
    assert_string_equal(key, "zoe martin");
    assert_true(hrc_name_same("Zoé Martín", "zoe  martin "));
    assert_true(hrc_name_same("Zoe\xcc\x81 Martin", "ZOÉ MARTIN"));
    assert_true(hrc_name_same("Ελένη", "ΕΛΈΝΗ") == hrc_name_matches("Ελένη", "ΕΛΈΝΗ"));
    assert_false(hrc_name_same("Zoé Martín", "Zoé Martínez"));
    assert_false(hrc_name_same("Zoé Martín", "ZoéMartín"));
    assert_false(hrc_name_same("", ""));
    assert_false(hrc_name_same(NULL, "a"));
    assert_int_equal(hrc_name_key(NULL, key, sizeof key), 0);
    assert_string_equal(key, "");
    /* Cut short, never overrun. */
    assert_int_equal(hrc_name_key("abcdef", key, 4), 3);
    assert_string_equal(key, "abc");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_names),
        cmocka_unit_test(accepted_names_are_trimmed),
        cmocka_unit_test(length_is_counted_in_characters),
        cmocka_unit_test(refused_names),
        cmocka_unit_test(search_by_first_letters),
        cmocka_unit_test(printable_copies),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
