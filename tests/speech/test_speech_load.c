/*
 * test_speech_load.c: a kiosk whose voice data is missing says so, in
 * words a facilitator can act on, and does not crash; the process's locale
 * is left as it was. Its own program: eSpeak NG loads once per process.
 */
#include "io/speech.h"

#include "speech_test_util.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static void missing_voice_data_is_reported(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C");
    hrc_speech *sp = (hrc_speech *)1;
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_speech_new(HRC_TEST_DATA "/no-such-espeak-data", &sp, err, sizeof err),
                     -1);
    assert_null(sp);
    assert_non_null(strstr(err, "speech is not available: "));
    assert_non_null(strstr(err, "no-such-espeak-data"));

    /* A folder with no voice data in it: eSpeak NG itself refuses. */
    char empty[] = "/tmp/hrc-test-espeak-XXXXXX";
    assert_non_null(mkdtemp(empty));
    sp = (hrc_speech *)1;
    err[0] = '\0';
    assert_int_equal(hrc_speech_new(empty, &sp, err, sizeof err), -1);
    rmdir(empty);
    assert_null(sp);
    assert_non_null(strstr(err, "speech is not available: "));
    assert_non_null(strstr(err, "espeak-ng-data"));
    assert_string_equal(setlocale(LC_CTYPE, NULL), "C");
}

static void loading_works_and_keeps_the_locale(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C");
    hrc_speech *sp = NULL;
    char err[HRC_SPEECH_MSG_MAX] = "";
    int rc = hrc_speech_new(NULL, &sp, err, sizeof err);
    if (rc)
        fprintf(stderr, "%s\n", err);
    assert_int_equal(rc, 0);
    /* eSpeak NG sets LC_CTYPE to C.UTF-8 while loading: it is put back. */
    assert_string_equal(setlocale(LC_CTYPE, NULL), "C");
    /* And accented text is still spoken right in the C locale: "é" is one
     * letter, not two unknown bytes spelled out. */
    pcm p = {0};
    assert_int_equal(hrc_speech_say(sp, "Égalité", "fr", 0, NULL), 0);
    drain(sp, &p, 0);
    assert_true(p.n > 2205 && p.n < 22050 * 2);
    pcm_free(&p);
    hrc_speech_free(sp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_voice_data_is_reported),
        cmocka_unit_test(loading_works_and_keeps_the_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
