/* Interface languages: catalogue lookup next to the executable, run-time
 * switching, the language taken from the environment, and dates in words.
 * Uses the catalogues compiled into the build tree, as hrc-player does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dates.h"
#include "core/i18n.h"
#include "io/locale.h"

/* Sets or, for NULL, removes an environment variable. */
static void put_env(const char *name, const char *value)
{
    if (value)
        setenv(name, value, 1);
    else
        unsetenv(name);
}

/* The user's environment, then hrc_locale_init() as main() calls it. */
static int start_with(const char *language, const char *lc_all, const char *lc_messages,
                      const char *lang)
{
    put_env("LANGUAGE", language);
    put_env("LC_ALL", lc_all);
    put_env("LC_MESSAGES", lc_messages);
    put_env("LANG", lang);
    return hrc_locale_init(HRC_BUILD_EXE);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void test_init_finds_build_tree_catalogues(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    assert_non_null(hrc_locale_dir());
    assert_true(ends_with(hrc_locale_dir(), "/locale"));
    assert_string_equal(hrc_i18n_language(), "en");
    assert_string_equal(hrc_month_name(5), "May");
    /* Module numbers are parsed the same whatever the language. */
    assert_string_equal(setlocale(LC_NUMERIC, NULL), "C");
    assert_string_equal(localeconv()->decimal_point, ".");
}

static void test_switching_changes_gettext_results(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    static const struct {
        const char *lang;
        const char *may;      /* gettext() of the raw context id */
        const char *december; /* through C_() */
        const char *hours;    /* ngettext() with the language's plural rule */
    } steps[] = {
        {"en", "May", "December", "2 hours"},
        {"fr", "mai", "décembre", "2 heures"},
        {"es", "mayo", "diciembre", "2 horas"},
        {"en", "May", "December", "2 hours"},
        {"es", "mayo", "diciembre", "2 horas"},
        {"fr", "mai", "décembre", "2 heures"},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        assert_int_equal(hrc_locale_set_language(steps[i].lang), 0);
        assert_string_equal(hrc_i18n_language(), steps[i].lang);
        const char *id = "month\004May";
        const char *may = gettext(id);
        assert_string_equal(may == id ? "May" : may, steps[i].may);
        assert_string_equal(C_("month", "December"), steps[i].december);
        char buf[64];
        hrc_duration_format(120, buf, sizeof buf);
        assert_string_equal(buf, steps[i].hours);
    }
}

static void test_unknown_language_changes_nothing(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    assert_int_equal(hrc_locale_set_language("fr"), 0);
    assert_int_equal(hrc_locale_set_language("de"), -1);
    assert_int_equal(hrc_locale_set_language("english"), -1);
    assert_int_equal(hrc_locale_set_language(""), -1);
    assert_int_equal(hrc_locale_set_language(NULL), -1);
    assert_string_equal(hrc_i18n_language(), "fr");
    assert_string_equal(hrc_month_name(5), "mai");

    assert_int_equal(hrc_locale_set_language("es_MX.UTF-8"), 0);
    assert_string_equal(hrc_i18n_language(), "es");
    assert_int_equal(hrc_locale_set_language("FR-CA"), 0);
    assert_string_equal(hrc_i18n_language(), "fr");
}

static void test_language_from_environment(void **state)
{
    (void)state;
    static const struct {
        const char *language, *lc_all, *lc_messages, *lang;
        const char *expected, *may;
    } cases[] = {
        /* fr_FR.UTF-8 is not installed on a C.UTF-8-only machine: the
         * interface is French all the same. */
        {NULL, NULL, NULL, "fr_FR.UTF-8", "fr", "mai"},
        {NULL, NULL, NULL, "es_ES.UTF-8", "es", "mayo"},
        {"de:es", NULL, NULL, "fr_FR.UTF-8", "es", "mayo"},
        {"de", NULL, NULL, "fr_FR.UTF-8", "fr", "mai"},
        {NULL, "C", NULL, "fr_FR.UTF-8", "en", "May"},
        {NULL, NULL, "es_AR.UTF-8", "fr_FR.UTF-8", "es", "mayo"},
        {NULL, NULL, NULL, "de_DE.UTF-8", "en", "May"},
        {NULL, NULL, NULL, NULL, "en", "May"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(start_with(cases[i].language, cases[i].lc_all,
                                    cases[i].lc_messages, cases[i].lang),
                         0);
        assert_string_equal(hrc_i18n_language(), cases[i].expected);
        assert_string_equal(hrc_month_name(5), cases[i].may);
        assert_string_equal(setlocale(LC_NUMERIC, NULL), "C");
    }
}

/* gettext ignores LANGUAGE under the plain C locale; switching must work
 * anyway. */
static void test_switching_works_under_the_c_locale(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, "C", NULL, NULL), 0);
    assert_string_equal(hrc_i18n_language(), "en");
    assert_int_equal(hrc_locale_set_language("fr"), 0);
    assert_string_equal(hrc_month_name(8), "août");
    assert_int_equal(hrc_locale_set_language("es"), 0);
    assert_string_equal(hrc_month_name(8), "agosto");
}

static void test_installed_layout_is_found(void **state)
{
    (void)state;
    char root[] = "/tmp/hrc-i18n-XXXXXX";
    assert_non_null(mkdtemp(root));
    char path[PATH_MAX], mo[PATH_MAX], exe[PATH_MAX];
    static const char *const dirs[] = {"/bin", "/share", "/share/locale",
                                       "/share/locale/fr",
                                       "/share/locale/fr/LC_MESSAGES"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s%s", root, dirs[i]);
        assert_int_equal(mkdir(path, 0700), 0);
    }
    /* Copy the French catalogue where `make install` puts it. */
    const char *build_exe = HRC_BUILD_EXE;
    snprintf(path, sizeof path, "%.*s/locale/fr/LC_MESSAGES/hrc-player.mo",
             (int)(strrchr(build_exe, '/') - build_exe), build_exe);
    snprintf(mo, sizeof mo, "%s/share/locale/fr/LC_MESSAGES/hrc-player.mo", root);
    FILE *in = fopen(path, "rb"), *out = fopen(mo, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
        assert_int_equal(fwrite(chunk, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);

    snprintf(exe, sizeof exe, "%s/bin/hrc-player", root);
    put_env("LANGUAGE", NULL);
    put_env("LC_ALL", NULL);
    put_env("LC_MESSAGES", NULL);
    put_env("LANG", "fr_BE.UTF-8");
    assert_int_equal(hrc_locale_init(exe), 0);
    snprintf(path, sizeof path, "%s/bin/../share/locale", root);
    assert_string_equal(hrc_locale_dir(), path);
    assert_string_equal(hrc_month_name(2), "février");

    /* No catalogue folder at all: reported, not fatal. */
    snprintf(exe, sizeof exe, "%s/nowhere/hrc-player", root);
    assert_int_equal(hrc_locale_init(exe), -1);
    assert_null(hrc_locale_dir());
    assert_int_equal(hrc_locale_init(NULL), -1);

    unlink(mo);
    static const char *const rm[] = {"/share/locale/fr/LC_MESSAGES", "/share/locale/fr",
                                     "/share/locale", "/share", "/bin", ""};
    for (size_t i = 0; i < sizeof rm / sizeof rm[0]; i++) {
        snprintf(path, sizeof path, "%s%s", root, rm[i]);
        assert_int_equal(rmdir(path), 0);
    }
}

static void test_exe_path(void **state)
{
    (void)state;
    char buf[PATH_MAX];
    assert_int_equal(hrc_locale_exe_path("whatever", buf, sizeof buf), 0);
    assert_true(buf[0] == '/');
    assert_true(ends_with(buf, "/test_i18n"));
    /* Too small for /proc/self/exe, and no usable argv[0]. */
    char small[4];
    assert_int_equal(hrc_locale_exe_path(NULL, small, sizeof small), -1);
    assert_int_equal(hrc_locale_exe_path("", small, sizeof small), -1);
    assert_int_equal(hrc_locale_exe_path("x", NULL, 0), -1);
}

static void test_context_lookup_without_translation(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    assert_int_equal(hrc_locale_set_language("fr"), 0);
    /* Same word, other context: not the month. */
    assert_string_equal(hrc_pgettext("verb", "May"), "May");
    assert_string_equal(hrc_pgettext("month", "May"), "mai");
    /* Longer than the stack buffer: looked up from the heap. */
    char long_msg[400];
    memset(long_msg, 'a', sizeof long_msg - 1);
    long_msg[sizeof long_msg - 1] = '\0';
    assert_ptr_equal(hrc_pgettext("month", long_msg), long_msg);
    assert_string_equal(hrc_npgettext("none", "%d cat", "%d cats", 1), "%d cat");
    assert_string_equal(hrc_npgettext("none", "%d cat", "%d cats", 3), "%d cats");
    assert_string_equal(hrc_npgettext("duration", "%d hour", "%d hours", 1), "%d heure");
}

/* ---- Dates and durations -------------------------------------------- */

typedef struct date_case {
    hrc_date date;
    const char *en, *fr, *es;
} date_case;

static const date_case date_cases[] = {
    {{2011, 0, 0, HRC_DATE_YEAR}, "2011", "2011", "2011"},
    {{2021, 5, 0, HRC_DATE_MONTH}, "May 2021", "mai 2021", "mayo de 2021"},
    {{2021, 5, 17, HRC_DATE_DAY}, "17 May 2021", "17 mai 2021", "17 de mayo de 2021"},
    {{1948, 12, 10, HRC_DATE_DAY}, "10 December 1948", "10 décembre 1948",
     "10 de diciembre de 1948"},
    {{2021, 5, 1, HRC_DATE_DAY}, "1 May 2021", "1er mai 2021", "1 de mayo de 2021"},
    {{2012, 0, 0, HRC_DATE_BEFORE}, "Before 2012", "Avant 2012", "Antes de 2012"},
    {{1998, 2, 0, HRC_DATE_MONTH}, "February 1998", "février 1998", "febrero de 1998"},
};

static void check_dates_in(const char *lang)
{
    assert_int_equal(hrc_locale_set_language(lang), 0);
    for (size_t i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
        const date_case *c = &date_cases[i];
        const char *expected = !strcmp(lang, "fr") ? c->fr : !strcmp(lang, "es") ? c->es
                                                                                : c->en;
        char buf[64];
        int len = hrc_date_format(&c->date, buf, sizeof buf);
        assert_string_equal(buf, expected);
        assert_int_equal(len, (int)strlen(expected));
    }
}

static void test_dates_in_three_languages(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    check_dates_in("en");
    check_dates_in("fr");
    check_dates_in("es");
    check_dates_in("en");
}

static void test_invalid_dates_are_refused(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    static const hrc_date bad[] = {
        {2021, 13, 0, HRC_DATE_MONTH},
        {2021, 0, 0, HRC_DATE_MONTH},
        {2021, 5, 0, HRC_DATE_DAY},
        {2021, 5, 32, HRC_DATE_DAY},
        {2021, -1, 3, HRC_DATE_DAY},
        {2021, 5, 3, (hrc_date_precision)42},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char buf[16] = "untouched";
        assert_int_equal(hrc_date_format(&bad[i], buf, sizeof buf), -1);
        assert_string_equal(buf, "");
    }
    assert_string_equal(hrc_month_name(0), "");
    assert_string_equal(hrc_month_name(13), "");
}

static void test_short_buffer_is_cut_not_overrun(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    assert_int_equal(hrc_locale_set_language("es"), 0);
    const hrc_date d = {2021, 5, 17, HRC_DATE_DAY};
    char buf[8];
    assert_int_equal(hrc_date_format(&d, buf, sizeof buf), 18);
    assert_string_equal(buf, "17 de m");
    assert_int_equal(hrc_date_format(&d, NULL, 0), 18);
    assert_int_equal(hrc_duration_format(90, NULL, 0), (int)strlen("1 hora y 30 minutos"));
}

static void test_durations_in_three_languages(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    static const struct {
        int minutes;
        const char *en, *fr, *es;
    } cases[] = {
        {45, "45 minutes", "45 minutes", "45 minutos"},
        {1, "1 minute", "1 minute", "1 minuto"},
        /* French counts zero as singular. */
        {0, "0 minutes", "0 minute", "0 minutos"},
        {60, "1 hour", "1 heure", "1 hora"},
        {90, "1 hour 30 minutes", "1 heure 30 minutes", "1 hora y 30 minutos"},
        {121, "2 hours 1 minute", "2 heures 1 minute", "2 horas y 1 minuto"},
    };
    static const char *const langs[] = {"en", "fr", "es"};
    for (size_t l = 0; l < 3; l++) {
        assert_int_equal(hrc_locale_set_language(langs[l]), 0);
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            const char *expected = l == 0 ? cases[i].en : l == 1 ? cases[i].fr : cases[i].es;
            char buf[64];
            assert_int_equal(hrc_duration_format(cases[i].minutes, buf, sizeof buf),
                             (int)strlen(expected));
            assert_string_equal(buf, expected);
        }
    }
    char buf[8] = "x";
    assert_int_equal(hrc_duration_format(-5, buf, sizeof buf), -1);
    assert_string_equal(buf, "");
}

/* Periods as spoken guidance reads them: French elides "de" before a
 * vowel. */
static void test_periods_spoken_in_three_languages(void **state)
{
    (void)state;
    assert_int_equal(start_with(NULL, NULL, NULL, "C.UTF-8"), 0);
    static const struct {
        hrc_date from, to;
        const char *en, *fr, *es;
    } cases[] = {
        {{2014, 0, 0, HRC_DATE_YEAR}, {2018, 0, 0, HRC_DATE_YEAR}, "from 2014 to 2018",
         "de 2014 à 2018", "de 2014 a 2018"},
        {{2021, 4, 0, HRC_DATE_MONTH}, {2022, 6, 0, HRC_DATE_MONTH},
         "from April 2021 to June 2022", "d\xe2\x80\x99" "avril 2021 à juin 2022",
         "de abril de 2021 a junio de 2022"},
        {{2021, 5, 0, HRC_DATE_MONTH}, {2021, 8, 0, HRC_DATE_MONTH},
         "from May 2021 to August 2021", "de mai 2021 à août 2021",
         "de mayo de 2021 a agosto de 2021"},
    };
    static const char *const langs[] = {"en", "fr", "es"};
    for (size_t l = 0; l < 3; l++) {
        assert_int_equal(hrc_locale_set_language(langs[l]), 0);
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            const char *expected = l == 0 ? cases[i].en : l == 1 ? cases[i].fr : cases[i].es;
            char buf[96];
            assert_true(hrc_date_range_spoken(&cases[i].from, &cases[i].to, buf, sizeof buf) > 0);
            assert_string_equal(buf, expected);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_finds_build_tree_catalogues),
        cmocka_unit_test(test_switching_changes_gettext_results),
        cmocka_unit_test(test_unknown_language_changes_nothing),
        cmocka_unit_test(test_language_from_environment),
        cmocka_unit_test(test_switching_works_under_the_c_locale),
        cmocka_unit_test(test_installed_layout_is_found),
        cmocka_unit_test(test_exe_path),
        cmocka_unit_test(test_context_lookup_without_translation),
        cmocka_unit_test(test_dates_in_three_languages),
        cmocka_unit_test(test_invalid_dates_are_refused),
        cmocka_unit_test(test_short_buffer_is_cut_not_overrun),
        cmocka_unit_test(test_durations_in_three_languages),
        cmocka_unit_test(test_periods_spoken_in_three_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
