/*
 * test_speech.c: the speech engine, with no audio device: what a learner
 * would hear is read from the engine as the audio output reads it.
 *
 * - "Hello" in English, French and Spanish is speech (not silence), and
 *   sounds different in each language; a language with no voice is still
 *   spoken, and reported.
 * - A new utterance interrupts the current one at once: counted in
 *   samples, not one more sample of the interrupted text comes out.
 * - stop() silences at once; queued utterances follow each other, and
 *   hrc_speech_playing() tells which one is heard.
 * - A faster rate gives shorter speech; volume scales the samples.
 * - Bad calls fail cleanly; only one engine at a time.
 */
#include "io/speech.h"

#include "speech_test_util.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static const char LONG_EN[] =
    "The right to the city is the right of all inhabitants, present and future, "
    "to occupy, use and produce just, inclusive and sustainable cities, defined "
    "as a common good essential to the quality of life. It implies the "
    "responsibilities of governments and people to claim, defend and promote "
    "this right, in every neighbourhood and at every town hall.";
static const char SHORT_EN[] = "Next, button";

static hrc_speech *sp;

static int setup(void **state)
{
    (void)state;
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
    sp = NULL;
    return 0;
}

/* Before each test: nothing said, normal rate and volume. */
static int reset(void **state)
{
    (void)state;
    hrc_speech_stop(sp);
    hrc_speech_set_rate(sp, HRC_SPEECH_RATE_DEFAULT);
    hrc_speech_set_volume(sp, 100);
    hrc_speech_problem(sp, NULL, 0);
    return 0;
}

/* Says text live and collects everything the engine gives for it. */
static pcm say_all(const char *text, const char *lang)
{
    pcm p = {0};
    assert_int_equal(hrc_speech_say(sp, text, lang, 0, NULL), 0);
    drain(sp, &p, 0);
    return p;
}

static pcm render(const char *text, const char *lang)
{
    pcm p = {0};
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_speech_synth(sp, text, lang, &p.s, &p.n, err, sizeof err), 0);
    p.cap = p.n;
    return p;
}

static void assert_speech(const pcm *p)
{
    /* At least a tenth of a second of sound, clearly above silence. */
    assert_true(p->n > (size_t)hrc_speech_sample_rate(sp) / 10);
    assert_true(pcm_peak(p->s, p->n) > 2000);
    assert_true(pcm_rms(p->s, p->n) > 200);
}

static void hello_in_three_languages(void **state)
{
    (void)state;
    assert_int_equal(hrc_speech_sample_rate(sp), 22050);
    static const char *const langs[] = {"en", "fr", "es"};
    pcm live[3], offline[3];
    for (int i = 0; i < 3; i++) {
        live[i] = say_all("Hello", langs[i]);
        offline[i] = render("Hello", langs[i]);
        assert_speech(&live[i]);
        assert_speech(&offline[i]);
        /* The same voice live and offline: about the same length. */
        long d = (long)live[i].n - (long)offline[i].n;
        assert_true(labs(d) < hrc_speech_sample_rate(sp) / 20);
    }
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++) {
            double dist = pcm_distance(offline[i].s, offline[i].n, offline[j].s, offline[j].n);
            assert_true(dist > 0.5);
        }
    /* Tags with a region and locale names choose the language's voice. */
    pcm us = render("Hello", "en-US"), gb = render("Hello", "en_GB.UTF-8");
    assert_speech(&us);
    assert_speech(&gb);
    assert_true(pcm_distance(us.s, us.n, offline[2].s, offline[2].n) > 0.5);
    assert_false(hrc_speech_problem(sp, NULL, 0));
    pcm_free(&us);
    pcm_free(&gb);
    for (int i = 0; i < 3; i++) {
        pcm_free(&live[i]);
        pcm_free(&offline[i]);
    }
}

static void unknown_language_falls_back_to_english(void **state)
{
    (void)state;
    pcm p = say_all("Hello", "zz-QQ");
    assert_speech(&p);
    char msg[HRC_SPEECH_MSG_MAX];
    assert_true(hrc_speech_problem(sp, msg, sizeof msg));
    assert_non_null(strstr(msg, "zz-qq"));
    assert_false(hrc_speech_problem(sp, msg, sizeof msg)); /* reported once */
    pcm_free(&p);
}

static void interrupt_stops_the_long_utterance_at_once(void **state)
{
    (void)state;
    pcm long_alone = render(LONG_EN, "en"), short_alone = render(SHORT_EN, "en");
    assert_true(long_alone.n > 10 * short_alone.n);

    uint64_t first, second;
    assert_int_equal(hrc_speech_say(sp, LONG_EN, "en", 0, &first), 0);
    /* A third of a second heard; by now the worker has filled the ring and
     * waits for room. */
    size_t before = drain(sp, NULL, (size_t)hrc_speech_sample_rate(sp) / 3);
    assert_int_equal(hrc_speech_playing(sp), first);
    sleep_ms(50);
    assert_int_equal(hrc_speech_say(sp, SHORT_EN, "en", 0, &second), 0);
    assert_true(second > first);
    assert_int_equal(hrc_speech_playing(sp), 0);

    pcm after = {0};
    drain(sp, &after, 1);
    assert_int_equal(hrc_speech_playing(sp), second);
    drain(sp, &after, 0);
    assert_int_equal(hrc_speech_playing(sp), 0);
    /* Everything read after the interruption is the short text: it starts
     * as the short text alone does (its first 20 ms), and is about as long
     * (eSpeak NG may pause a little longer at its comma), nowhere near what
     * was left of the long one. */
    size_t tenth = (size_t)hrc_speech_sample_rate(sp) / 10;
    assert_true(after.n > tenth && short_alone.n > tenth);
    assert_true(pcm_distance(after.s, tenth / 5, short_alone.s, tenth / 5) < 0.25);
    assert_true(after.n > short_alone.n - tenth / 2);
    assert_true(after.n < short_alone.n + 2 * tenth);
    assert_true(before + after.n < long_alone.n / 2);

    /* Interrupted again and again while synthesising, before anything is
     * read: only the last text is heard. */
    for (int i = 0; i < 20; i++)
        assert_int_equal(hrc_speech_say(sp, LONG_EN, i % 2 ? "fr" : "en", 0, NULL), 0);
    assert_int_equal(hrc_speech_say(sp, SHORT_EN, "en", 0, NULL), 0);
    after.n = 0;
    drain(sp, &after, 0);
    assert_true(after.n > short_alone.n - tenth / 2);
    assert_true(after.n < short_alone.n + 2 * tenth);
    pcm_free(&after);
    pcm_free(&long_alone);
    pcm_free(&short_alone);
}

static void stop_silences_at_once(void **state)
{
    (void)state;
    assert_int_equal(hrc_speech_say(sp, LONG_EN, "en", 0, NULL), 0);
    drain(sp, NULL, 4000);
    assert_true(hrc_speech_busy(sp));
    hrc_speech_stop(sp);
    int16_t buf[256];
    assert_int_equal(hrc_speech_read(sp, buf, 256), 0);
    assert_int_equal(hrc_speech_playing(sp), 0);
    for (int i = 0; i < 1000 && hrc_speech_busy(sp); i++)
        sleep_ms(1);
    assert_false(hrc_speech_busy(sp));
    assert_int_equal(hrc_speech_read(sp, buf, 256), 0);

    /* An empty text interrupts too, and says nothing. */
    uint64_t id = 99;
    assert_int_equal(hrc_speech_say(sp, LONG_EN, "en", 0, NULL), 0);
    drain(sp, NULL, 4000);
    assert_int_equal(hrc_speech_say(sp, "", "en", 0, &id), 0);
    assert_int_equal(id, 0);
    assert_int_equal(drain(sp, NULL, 0), 0);
}

static void queued_utterances_follow_each_other(void **state)
{
    (void)state;
    pcm a = render("First paragraph.", "en"), b = render("Deuxième paragraphe.", "fr");
    uint64_t ida, idb;
    assert_int_equal(hrc_speech_say(sp, "First paragraph.", "en", 0, &ida), 0);
    assert_int_equal(hrc_speech_say(sp, "Deuxième paragraphe.", "fr", HRC_SPEECH_QUEUE, &idb), 0);
    assert_int_equal(idb, ida + 1);
    size_t total = 0;
    bool heard_a = false, heard_b = false, a_after_b = false;
    int16_t buf[256];
    for (int idle = 0; idle < 20000;) {
        size_t n = hrc_speech_read(sp, buf, 256);
        if (!n) {
            if (!hrc_speech_busy(sp))
                break;
            sleep_ms(1);
            idle++;
            continue;
        }
        total += n;
        uint64_t now = hrc_speech_playing(sp);
        heard_a |= now == ida;
        heard_b |= now == idb;
        a_after_b |= heard_b && now == ida;
    }
    assert_true(heard_a && heard_b && !a_after_b);
    long diff = (long)total - (long)(a.n + b.n);
    assert_true(labs(diff) < hrc_speech_sample_rate(sp) / 10);
    pcm_free(&a);
    pcm_free(&b);
}

static void silent_utterances_do_not_jam_the_queue(void **state)
{
    (void)state;
    /* Texts that give only a few milliseconds of silence each, more of
     * them than the engine keeps start and end marks for, then a word. */
    for (int i = 0; i < 150; i++)
        assert_int_equal(hrc_speech_say(sp, i % 2 ? " " : "\n", "en", HRC_SPEECH_QUEUE, NULL), 0);
    uint64_t id;
    assert_int_equal(hrc_speech_say(sp, "Hello", "en", HRC_SPEECH_QUEUE, &id), 0);
    pcm p = {0};
    drain(sp, &p, 0);
    assert_false(hrc_speech_busy(sp));
    assert_int_equal(hrc_speech_playing(sp), 0);
    assert_true(p.n > 0 && pcm_peak(p.s, p.n) > 2000);
    pcm_free(&p);
}

static void the_queue_is_bounded(void **state)
{
    (void)state;
    int accepted = 0;
    errno = 0;
    while (accepted < 2 * HRC_SPEECH_QUEUE_MAX &&
           hrc_speech_say(sp, SHORT_EN, "en", HRC_SPEECH_QUEUE, NULL) == 0)
        accepted++;
    assert_int_equal(errno, EAGAIN);
    assert_true(accepted >= HRC_SPEECH_QUEUE_MAX && accepted <= HRC_SPEECH_QUEUE_MAX + 2);
    /* Interrupting empties the queue and is always accepted. */
    assert_int_equal(hrc_speech_say(sp, SHORT_EN, "en", 0, NULL), 0);
    pcm p = {0};
    drain(sp, &p, 0);
    assert_true(p.n < (size_t)hrc_speech_sample_rate(sp) * 2);
    pcm_free(&p);
}

static void faster_rate_shorter_speech(void **state)
{
    (void)state;
    const char *text = "Lesson two of five: the right to the city.";
    pcm normal = render(text, "en");
    hrc_speech_set_rate(sp, 350);
    assert_int_equal(hrc_speech_rate(sp), 350);
    pcm fast = render(text, "en");
    pcm fast_live = say_all(text, "en");
    hrc_speech_set_rate(sp, hrc_speech_rate_for_step(HRC_SPEECH_STEP_MIN));
    pcm slow = render(text, "en");
    assert_true(fast.n < normal.n * 3 / 4);
    assert_true(fast_live.n < normal.n * 3 / 4);
    assert_true(slow.n > normal.n * 5 / 4);

    hrc_speech_set_rate(sp, 1);
    assert_int_equal(hrc_speech_rate(sp), HRC_SPEECH_RATE_MIN);
    hrc_speech_set_rate(sp, 10000);
    assert_int_equal(hrc_speech_rate(sp), HRC_SPEECH_RATE_MAX);
    assert_int_equal(hrc_speech_rate_for_step(0), HRC_SPEECH_RATE_DEFAULT);
    for (int s = HRC_SPEECH_STEP_MIN; s < HRC_SPEECH_STEP_MAX; s++)
        assert_true(hrc_speech_rate_for_step(s) < hrc_speech_rate_for_step(s + 1));
    assert_int_equal(hrc_speech_rate_for_step(-10), hrc_speech_rate_for_step(-3));
    assert_int_equal(hrc_speech_rate_for_step(10), hrc_speech_rate_for_step(3));
    pcm_free(&normal);
    pcm_free(&fast);
    pcm_free(&fast_live);
    pcm_free(&slow);
}

static void volume_scales_what_is_heard(void **state)
{
    (void)state;
    pcm full = say_all("Hello", "en");
    hrc_speech_set_volume(sp, 50);
    assert_int_equal(hrc_speech_volume(sp), 50);
    pcm half = say_all("Hello", "en");
    double ratio = pcm_rms(half.s, half.n) / pcm_rms(full.s, full.n);
    assert_true(ratio > 0.45 && ratio < 0.55);
    hrc_speech_set_volume(sp, 0);
    pcm none = say_all("Hello", "en");
    assert_true(none.n > 0);
    assert_int_equal(pcm_peak(none.s, none.n), 0);
    hrc_speech_set_volume(sp, 250);
    assert_int_equal(hrc_speech_volume(sp), 100);
    pcm_free(&full);
    pcm_free(&half);
    pcm_free(&none);
}

static void markup_is_read_not_obeyed(void **state)
{
    (void)state;
    /* Without SSML, <break time="3s"/> is text: no three seconds of
     * silence. With phoneme input off, [[h@'loU]] is not phonemes. */
    pcm p = render("Hello <break time=\"3s\"/> world", "en");
    assert_true(p.n < (size_t)hrc_speech_sample_rate(sp) * 3);
    assert_speech(&p);
    pcm_free(&p);
}

static void bad_calls_fail_cleanly(void **state)
{
    (void)state;
    errno = 0;
    assert_int_equal(hrc_speech_say(sp, NULL, "en", 0, NULL), -1);
    assert_int_equal(errno, EINVAL);
    size_t big = HRC_SPEECH_TEXT_MAX + 1;
    char *text = malloc(big + 1);
    assert_non_null(text);
    memset(text, 'a', big);
    text[big] = '\0';
    errno = 0;
    assert_int_equal(hrc_speech_say(sp, text, "en", 0, NULL), -1);
    assert_int_equal(errno, EINVAL);
    int16_t *samples = (int16_t *)text;
    size_t count = 1;
    char err[HRC_SPEECH_MSG_MAX] = "";
    assert_int_equal(hrc_speech_synth(sp, text, "en", &samples, &count, err, sizeof err), -1);
    assert_null(samples);
    assert_int_equal(count, 0);
    assert_true(strlen(err) > 0);
    free(text);

    /* One engine at a time: eSpeak NG is process-wide. */
    hrc_speech *other = (hrc_speech *)1;
    assert_int_equal(hrc_speech_new(NULL, &other, err, sizeof err), -1);
    assert_null(other);
    assert_non_null(strstr(err, "speech is not available"));
    hrc_speech_free(NULL);
}

/* Last: freeing while speaking, and a new engine after it. */
static void free_while_speaking_then_again(void **state)
{
    (void)state;
    assert_int_equal(hrc_speech_say(sp, LONG_EN, "en", 0, NULL), 0);
    assert_int_equal(hrc_speech_say(sp, LONG_EN, "fr", HRC_SPEECH_QUEUE, NULL), 0);
    drain(sp, NULL, 2000);
    hrc_speech_free(sp);
    sp = NULL;
    char err[HRC_SPEECH_MSG_MAX];
    assert_int_equal(hrc_speech_new(NULL, &sp, err, sizeof err), 0);
    pcm p = say_all("Hola", "es");
    assert_speech(&p);
    pcm_free(&p);
}

/* French ordinals are given to eSpeak NG as it reads them. */
static void french_ordinals_are_said_as_ordinals(void **state)
{
    (void)state;
    static const struct {
        const char *in, *lang, *out;
    } cases[] = {
        {"le 70\xe1\xb5\x89 anniversaire", "fr", "le 70\xc3\xa8me anniversaire"},
        {"la 2e \xc3\xa9tape, puis la 3e.", "fr-CA", "la 2\xc3\xa8me \xc3\xa9tape, puis la 3\xc3\xa8me."},
        {"le 1\xe1\xb5\x89\xca\xb3 mai", "fr", "le 1er mai"},
        {"le 20\xc3\xa8me", "fr", "le 20\xc3\xa8me"},
        {"3e5 et e2e", "fr", "3e5 et e2e"},
        {"the 70e line", "en", "the 70e line"},
        {"XX\xe1\xb5\x89 si\xc3\xa8\x63le", "fr", "XXe si\xc3\xa8\x63le"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[128];
        size_t n = hrc_speech_spoken_text(cases[i].in, cases[i].lang, out, sizeof out);
        assert_string_equal(out, cases[i].out);
        assert_int_equal(n, strlen(cases[i].out));
    }
    /* Too small a buffer: cut, ended, the length it needed. */
    char small[6];
    assert_int_equal(hrc_speech_spoken_text("le 70e", "fr", small, sizeof small), 9);
    assert_string_equal(small, "le 70");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(french_ordinals_are_said_as_ordinals),
        cmocka_unit_test_setup(hello_in_three_languages, reset),
        cmocka_unit_test_setup(unknown_language_falls_back_to_english, reset),
        cmocka_unit_test_setup(interrupt_stops_the_long_utterance_at_once, reset),
        cmocka_unit_test_setup(stop_silences_at_once, reset),
        cmocka_unit_test_setup(queued_utterances_follow_each_other, reset),
        cmocka_unit_test_setup(silent_utterances_do_not_jam_the_queue, reset),
        cmocka_unit_test_setup(the_queue_is_bounded, reset),
        cmocka_unit_test_setup(faster_rate_shorter_speech, reset),
        cmocka_unit_test_setup(volume_scales_what_is_heard, reset),
        cmocka_unit_test_setup(markup_is_read_not_obeyed, reset),
        cmocka_unit_test_setup(bad_calls_fail_cleanly, reset),
        cmocka_unit_test_setup(free_while_speaking_then_again, reset),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
