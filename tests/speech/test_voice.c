/*
 * test_voice.c: spoken guidance end to end, from the app's frames to the
 * sound device, as the player window plays them (sdl/voice.c). SDL's
 * "disk" driver stands in for a sound card: what the device would play is
 * read back from its file.
 *
 * - The sign-in screen's words come out as speech, not silence, and sound
 *   different in English and in French.
 * - A focus move while the screen's title is being said interrupts it: the
 *   device plays the title's start, then the new announcement, never the
 *   rest of the title.
 * - The voice says when everything said has been heard (once), and closes
 *   the device after HRC_VOICE_CLOSE_MS of silence; the next utterance
 *   opens it again and is heard.
 * - No sound output at all: a clear message, nothing else.
 */
#include "sdl/voice.h"

#include "screens_harness.h"
#include "speech_test_util.h"

#include "io/locale.h"

#include <SDL.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static char out_file[4096];

/* What the device played, as samples. */
static pcm played(void)
{
    pcm p = {0};
    FILE *f = fopen(out_file, "rb");
    assert_non_null(f);
    int16_t buf[4096];
    size_t n;
    while ((n = fread(buf, sizeof buf[0], 4096, f)) > 0)
        pcm_append(&p, buf, n);
    fclose(f);
    return p;
}

/* Samples from the first to the last above the noise floor. */
static size_t speech_span(const pcm *p, size_t *first)
{
    size_t a = 0, b = p->n;
    while (a < b && abs(p->s[a]) < 100)
        a++;
    while (b > a && abs(p->s[b - 1]) < 100)
        b--;
    if (first)
        *first = a;
    return b - a;
}

/* Waits (at most 20 s) until everything said has been heard. */
static void wait_heard(hrc_voice *v)
{
    for (int i = 0; i < 2000 && hrc_speech_busy(hrc_voice_engine(v)); i++)
        sleep_ms(10);
    assert_false(hrc_speech_busy(hrc_voice_engine(v)));
    SDL_Delay(100); /* the last device buffers */
}

/* The fixture's sign-in screen with speech on, in lang. */
static void sign_in_screen(harness *t, const char *lang)
{
    hrc_locale_set_language(lang);
    harness_start(t, &(hrc_app_config){.speech = true, .lang = lang});
    assert_true(t->list.n_utterances > 0);
}

static pcm say_screen(const char *lang)
{
    harness t;
    sign_in_screen(&t, lang);
    hrc_voice *v = hrc_voice_new(NULL);
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_voice_say(v, t.list.utterances, 1, 0, err, sizeof err), 0);
    assert_non_null(hrc_voice_output(v));
    wait_heard(v);
    hrc_voice_free(v);
    harness_stop(&t);
    return played();
}

static void screens_are_heard_in_their_language(void **state)
{
    pcm en = say_screen("en"), fr = say_screen("fr");
    size_t a, b;
    size_t len_en = speech_span(&en, &a), len_fr = speech_span(&fr, &b);
    /* "Welcome", "Bienvenue": at least 0.2 s each, loud enough. */
    assert_true(len_en > 4410 && len_fr > 4410);
    assert_true(pcm_peak(en.s + a, len_en) > 2000);
    assert_true(pcm_rms(en.s + a, len_en) > 300 && pcm_rms(fr.s + b, len_fr) > 300);
    assert_true(pcm_distance(en.s + a, len_en, fr.s + b, len_fr) > 0.5);
    pcm_free(&en);
    pcm_free(&fr);
    hrc_locale_set_language("en");
}

static void a_focus_move_interrupts(void **state)
{
    harness t;
    sign_in_screen(&t, "en");
    /* A long title-like announcement first, as a page's would be. */
    hrc_utterance long_one = {"The right to the city is the right of all inhabitants, present "
                              "and future, permanent and temporary, to inhabit, use, occupy, "
                              "produce, govern and enjoy just, inclusive and safe cities.",
                              "en", false};
    hrc_voice *v = hrc_voice_new(NULL);
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_voice_say(v, &long_one, 1, 0, err, sizeof err), 0);
    hrc_audio *a = hrc_voice_output(v);
    for (int i = 0; i < 500 && hrc_audio_samples_played(a) < 11025; i++)
        sleep_ms(10);
    assert_true(hrc_audio_samples_played(a) >= 11025); /* half a second heard */
    /* Tab: the frame says the focused button, interrupting. */
    t.list.n_utterances = 0;
    harness_key(&t, HRC_IN_NEXT);
    assert_true(t.list.n_utterances > 0);
    assert_false(t.list.utterances[0].queue);
    assert_int_equal(hrc_voice_say(v, t.list.utterances, t.list.n_utterances, 0, err,
                                   sizeof err), 0);
    wait_heard(v);
    hrc_voice_free(v);
    pcm p = played();
    /* Less speech than the long one alone: it was cut. */
    int16_t *whole = NULL;
    size_t n_whole = 0;
    hrc_speech *sp = NULL;
    assert_int_equal(hrc_speech_new(NULL, &sp, err, sizeof err), 0);
    assert_int_equal(hrc_speech_synth(sp, long_one.text, "en", &whole, &n_whole, err,
                                      sizeof err), 0);
    hrc_speech_free(sp);
    size_t first, heard = speech_span(&p, &first);
    assert_true(heard > 11025);
    assert_true(heard < n_whole * 3 / 4);
    free(whole);
    pcm_free(&p);
    harness_stop(&t);
}

static void done_once_then_the_device_closes(void **state)
{
    hrc_voice *v = hrc_voice_new(NULL);
    hrc_voice_settings(v, 3, 80); /* the fastest rate: short */
    hrc_utterance u = {"Next, button", "en", false};
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_voice_say(v, &u, 1, 1000, err, sizeof err), 0);
    assert_int_equal(hrc_speech_volume(hrc_voice_engine(v)), 80);
    assert_int_equal(hrc_speech_rate(hrc_voice_engine(v)), hrc_speech_rate_for_step(3));
    /* While it is heard the loop looks often, and is told once when done. */
    assert_int_equal(hrc_voice_timeout_ms(v, 1000), HRC_VOICE_POLL_MS);
    int dones = 0;
    uint64_t now = 990;
    for (int i = 0; i < 500 && !dones; i++) {
        now += 10;
        dones += hrc_voice_poll(v, now);
        sleep_ms(10);
    }
    assert_int_equal(dones, 1);
    assert_false(hrc_voice_poll(v, now));
    /* Silent: the device stays open a while, then closes. */
    assert_non_null(hrc_voice_output(v));
    int64_t wait = hrc_voice_timeout_ms(v, now);
    assert_true(wait > 0 && wait <= HRC_VOICE_CLOSE_MS);
    hrc_voice_poll(v, now + HRC_VOICE_CLOSE_MS - 1);
    assert_non_null(hrc_voice_output(v));
    hrc_voice_poll(v, now + HRC_VOICE_CLOSE_MS + 10);
    assert_null(hrc_voice_output(v));
    assert_int_equal(hrc_voice_timeout_ms(v, now), -1); /* nothing to wake for */
    /* The next utterance opens it again, and is heard. */
    assert_int_equal(hrc_voice_say(v, &u, 1, now, err, sizeof err), 0);
    assert_non_null(hrc_voice_output(v));
    wait_heard(v);
    hrc_voice_free(v);
    pcm p = played();
    assert_true(speech_span(&p, NULL) > 2205);
    pcm_free(&p);
    hrc_voice_free(NULL);
}

static void no_sound_output_is_a_clear_message(void **state)
{
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    hrc_voice *v = hrc_voice_new(NULL);
    hrc_utterance u = {"Next, button", "en", false};
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_voice_say(v, &u, 1, 0, err, sizeof err), -1);
    assert_non_null(strstr(err, "speech is not available"));
    assert_null(hrc_voice_output(v));
    hrc_voice_free(v);
    setenv("SDL_AUDIODRIVER", "disk", 1);
}

static int setup(void **state)
{
    const char *dir = getenv("HRC_SPEECH_WORK");
    snprintf(out_file, sizeof out_file, "%s/voice-%ld.raw", dir ? dir : "/tmp", (long)getpid());
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", out_file, 1);
    hrc_locale_init(HRC_BUILD_EXE);
    return 0;
}

static int teardown(void **state)
{
    unlink(out_file);
    SDL_Quit();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(screens_are_heard_in_their_language),
        cmocka_unit_test(a_focus_move_interrupts),
        cmocka_unit_test(done_once_then_the_device_closes),
        cmocka_unit_test(no_sound_output_is_a_clear_message),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
