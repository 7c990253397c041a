/*
 * test_speech_audio.c: speech through SDL's audio device, end to end,
 * with SDL's "disk" driver standing in for a sound card: it writes what
 * the device would play to a file (SDL_DISKAUDIOFILE), at the pace of a
 * real device. What a learner would hear is read back from that file.
 *
 * - "Hello" comes out as speech, not silence, and sounds different in
 *   English and French.
 * - stop() silences the output at once: not one more sample of speech
 *   reaches the device.
 * - Opening and closing again and again leaves nothing behind (ASan).
 */
#include "sdl/audio.h"

#include "speech_test_util.h"

#include <SDL.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static hrc_speech *sp;
static char out_file[4096];

static int setup(void **state)
{
    (void)state;
    /* A file of this test's own next to the test program. */
    const char *dir = getenv("HRC_SPEECH_WORK");
    snprintf(out_file, sizeof out_file, "%s/disk-audio-%ld.raw", dir ? dir : "/tmp",
             (long)getpid());
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", out_file, 1);
    char err[HRC_SPEECH_MSG_MAX];
    if (hrc_speech_new(NULL, &sp, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    hrc_speech_free(sp);
    unlink(out_file);
    SDL_Quit();
    return 0;
}

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

/* The speech part of a recording: from the first to the last sample above
 * the noise floor. */
static pcm trimmed(const pcm *p)
{
    size_t a = 0, b = p->n;
    while (a < b && abs(p->s[a]) < 100)
        a++;
    while (b > a && abs(p->s[b - 1]) < 100)
        b--;
    pcm t = {0};
    pcm_append(&t, p->s + a, b - a);
    return t;
}

/* Plays text through a freshly opened device and returns the recording. */
static pcm play(const char *text, const char *lang)
{
    hrc_audio *a = NULL;
    char err[HRC_SPEECH_MSG_MAX] = "";
    int rc = hrc_audio_open(sp, NULL, 0, &a, err, sizeof err);
    if (rc)
        fprintf(stderr, "%s\n", err);
    assert_int_equal(rc, 0);
    assert_int_equal(hrc_audio_buffer_samples(a), HRC_AUDIO_BUFFER_SAMPLES);
    assert_string_equal(SDL_GetCurrentAudioDriver(), "disk");
    assert_int_equal(hrc_speech_say(sp, text, lang, 0, NULL), 0);
    for (int i = 0; i < 1000 && hrc_speech_busy(sp); i++)
        sleep_ms(10);
    assert_false(hrc_speech_busy(sp));
    uint64_t n = hrc_audio_samples_played(a);
    SDL_Delay(100); /* a few more buffers of silence */
    hrc_audio_close(a);
    pcm p = played();
    assert_true(p.n >= n);
    return p;
}

static void speech_reaches_the_device(void **state)
{
    (void)state;
    pcm en = play("Hello", "en");
    pcm fr = play("Hello", "fr");
    pcm ten = trimmed(&en), tfr = trimmed(&fr);
    /* At least 0.2 s of speech, loud enough to hear. */
    assert_true(ten.n > 4410 && tfr.n > 4410);
    assert_true(pcm_peak(ten.s, ten.n) > 2000);
    assert_true(pcm_rms(ten.s, ten.n) > 300 && pcm_rms(tfr.s, tfr.n) > 300);
    /* The device got the engine's samples as they are. */
    pcm ref = {0};
    char err[HRC_SPEECH_MSG_MAX];
    assert_int_equal(hrc_speech_synth(sp, "Hello", "en", &ref.s, &ref.n, err, sizeof err), 0);
    pcm tref = trimmed(&ref);
    long d = (long)tref.n - (long)ten.n;
    assert_true(labs(d) < 1103);
    /* English and French sound different. */
    assert_true(pcm_distance(ten.s, ten.n, tfr.s, tfr.n) > 0.5);
    pcm_free(&en);
    pcm_free(&fr);
    pcm_free(&ten);
    pcm_free(&tfr);
    pcm_free(&ref);
    pcm_free(&tref);
}

static void stop_silences_the_device(void **state)
{
    (void)state;
    hrc_audio *a = NULL;
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_audio_open(sp, NULL, 0, &a, err, sizeof err), 0);
    assert_int_equal(hrc_speech_say(sp, "The right to the city is the right of all "
                                        "inhabitants to use and produce just cities.",
                                    "en", 0, NULL),
                     0);
    for (int i = 0; i < 500 && hrc_audio_samples_played(a) < 11025; i++)
        sleep_ms(10);
    assert_true(hrc_audio_samples_played(a) >= 11025);
    hrc_speech_stop(sp);
    uint64_t at_stop = hrc_audio_samples_played(a);
    SDL_Delay(300);
    assert_int_equal(hrc_audio_samples_played(a), at_stop);
    hrc_audio_close(a);
    /* What was written ends in silence: the last 0.25 s are zeros. */
    pcm p = played();
    assert_true(p.n > 5512);
    for (size_t i = p.n - 5512; i < p.n; i++)
        assert_int_equal(p.s[i], 0);
    pcm_free(&p);
}

static void open_and_close_again_and_again(void **state)
{
    (void)state;
    for (int i = 0; i < 5; i++) {
        hrc_audio *a = NULL;
        char err[HRC_SPEECH_MSG_MAX] = "";
        assert_int_equal(hrc_audio_open(sp, NULL, 1024, &a, err, sizeof err), 0);
        assert_int_equal(hrc_audio_buffer_samples(a), 1024);
        hrc_audio_close(a);
    }
    hrc_audio_close(NULL);
}

static void no_sound_output_is_a_clear_message(void **state)
{
    (void)state;
    /* A machine with no sound output at all: no driver SDL can use. */
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    hrc_audio *a = (hrc_audio *)1;
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_audio_open(sp, NULL, 0, &a, err, sizeof err), -1);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    assert_null(a);
    assert_non_null(strstr(err, "speech is not available: no sound output"));
    /* And it works again once there is one. */
    assert_int_equal(hrc_audio_open(sp, NULL, 0, &a, err, sizeof err), 0);
    hrc_audio_close(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(speech_reaches_the_device),
        cmocka_unit_test(stop_silences_the_device),
        cmocka_unit_test(open_and_close_again_and_again),
        cmocka_unit_test(no_sound_output_is_a_clear_message),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
