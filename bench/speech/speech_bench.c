/*
 * speech_bench: figures for spoken guidance (player/io/speech.c and
 * player/sdl/audio.c).
 *
 *   speech_bench latency N
 *       For N short announcements in each of English, French and Spanish
 *       (and N alternating between them), the time from hrc_speech_say()
 *       to the first sample the audio output can read (engine), and to the
 *       first sample SDL's audio thread hands the device (SDL "disk" driver
 *       writing to /dev/null at a real device's pace). The end-to-end
 *       figure adds one device buffer: the one playing when ours is filled.
 *       Baseline, same run: synthesising the whole announcement at once.
 *   speech_bench idle SECONDS
 *       CPU used (user + system, all threads) by a process with the engine
 *       created and nothing to say; then with the SDL audio output open
 *       too. Baseline: the same process before the engine exists.
 */
#include "io/speech.h"
#include "sdl/audio.h"

#include <SDL.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench_timing.h"

enum { TEXTS = 10 };
static const char *const texts[3][TEXTS] = {
    {"Next, button", "Lesson 2 of 5: The right to the city", "Choice 2 of 3, not selected",
     "Correct", "Back, button", "Sign in", "Results: 8 of 10", "Timeline event, October 2022",
     "Speech on", "Question 3 of 10"},
    {"Suivant, bouton", "Leçon 2 sur 5 : Le droit à la ville", "Choix 2 sur 3, non sélectionné",
     "Correct", "Retour, bouton", "Se connecter", "Résultats : 8 sur 10",
     "Événement, octobre 2022", "Voix activée", "Question 3 sur 10"},
    {"Siguiente, botón", "Lección 2 de 5: El derecho a la ciudad",
     "Opción 2 de 3, no seleccionada", "Correcto", "Atrás, botón", "Iniciar sesión",
     "Resultados: 8 de 10", "Evento, octubre de 2022", "Voz activada", "Pregunta 3 de 10"},
};
static const char *const langs[3] = {"en", "fr", "es"};

/* Waits until the engine has finished with the last utterance. */
static void settle(hrc_speech *sp)
{
    hrc_speech_stop(sp);
    while (hrc_speech_busy(sp))
        pause_us(200);
}

/* say() to the first sample the output can read. */
static double engine_latency(hrc_speech *sp, const char *text, const char *lang)
{
    int16_t buf[512];
    double t0 = now_ms();
    hrc_speech_say(sp, text, lang, 0, NULL);
    while (hrc_speech_read(sp, buf, 512) == 0)
        pause_us(50);
    double t = now_ms() - t0;
    settle(sp);
    return t;
}

/* say() to the first sample SDL's audio thread took for the device. A key
 * press comes at any moment of the device's cycle: wait a random part of
 * one buffer first, or every measurement would start just after the
 * callback that ended the previous one. */
static double device_latency(hrc_speech *sp, hrc_audio *a, const char *text, const char *lang,
                             double buffer_ms)
{
    pause_us((long)(buffer_ms * 1000.0 * rand() / ((double)RAND_MAX + 1)));
    uint64_t before = hrc_audio_samples_played(a);
    double t0 = now_ms();
    hrc_speech_say(sp, text, lang, 0, NULL);
    while (hrc_audio_samples_played(a) == before)
        pause_us(50);
    double t = now_ms() - t0;
    settle(sp);
    return t;
}

static double synth_time(hrc_speech *sp, const char *text, const char *lang)
{
    int16_t *pcm;
    size_t n;
    char err[HRC_SPEECH_MSG_MAX];
    double t0 = now_ms();
    if (hrc_speech_synth(sp, text, lang, &pcm, &n, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        exit(1);
    }
    double t = now_ms() - t0;
    free(pcm);
    return t;
}

static int latency(int n)
{
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
    char err[HRC_SPEECH_MSG_MAX];
    hrc_speech *sp;
    double t0 = now_ms();
    if (hrc_speech_new(NULL, &sp, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    double created = now_ms() - t0;
    hrc_audio *a;
    if (hrc_audio_open(sp, NULL, 0, &a, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        hrc_speech_free(sp);
        return 1;
    }
    int rate = hrc_speech_sample_rate(sp);
    int buffer = hrc_audio_buffer_samples(a);
    double buffer_ms = 1000.0 * buffer / rate;
    printf("Engine: eSpeak NG at %d Hz, created in %.0f ms (loading its data: once per "
           "process)\n", rate, created);
    printf("Device buffer: %d samples = %.1f ms (SDL \"disk\" driver to /dev/null)\n", buffer,
           buffer_ms);
    printf("say() to first sample, %d short announcements each (ms):\n", n);
    printf("  %-12s %-15s %-15s %-15s %-19s %s\n", "language", "engine med/p95",
           "device med/p95", "end-to-end p95", "baseline: synth med", "target p95 <= 150");

    double *e = malloc(sizeof(double) * (size_t)n), *d = malloc(sizeof(double) * (size_t)n),
           *s = malloc(sizeof(double) * (size_t)n);
    srand(1);
    for (int l = 0; l <= 3; l++) {
        for (int i = 0; i < n; i++) {
            int li = l < 3 ? l : i % 3;
            const char *text = texts[li][i % TEXTS];
            s[i] = synth_time(sp, text, langs[li]);
            e[i] = engine_latency(sp, text, langs[li]);
            d[i] = device_latency(sp, a, text, langs[li], buffer_ms);
        }
        double em, ep, dm, dp, sm, sp95;
        stats(e, n, &em, &ep);
        stats(d, n, &dm, &dp);
        stats(s, n, &sm, &sp95);
        double end = dp + buffer_ms;
        printf("  %-12s %6.1f %6.1f   %6.1f %6.1f   %9.1f       %9.1f            %s\n",
               l < 3 ? langs[l] : "alternating", em, ep, dm, dp, end, sm,
               end <= 150 ? "PASS" : "FAIL");
    }
    free(e);
    free(d);
    free(s);
    hrc_audio_close(a);
    hrc_speech_free(sp);
    SDL_Quit();
    return 0;
}

static double cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 +
           ru.ru_stime.tv_usec / 1e3;
}

/* Percent of one core used over `seconds` of doing nothing. */
static double idle_percent(double seconds)
{
    double c0 = cpu_ms(), t0 = now_ms();
    pause_us((long)(seconds * 1e6));
    return 100.0 * (cpu_ms() - c0) / (now_ms() - t0);
}

static int idle(double seconds)
{
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
    printf("CPU while idle, %.0f s each (%% of one core, all threads):\n", seconds);
    double base = idle_percent(seconds);
    printf("  baseline, no engine                 %6.3f %%\n", base);

    char err[HRC_SPEECH_MSG_MAX];
    hrc_speech *sp;
    if (hrc_speech_new(NULL, &sp, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    /* Say something first, so that the figure is for an engine that has
     * spoken and gone quiet, not one that never started. */
    int16_t *pcm;
    size_t n;
    hrc_speech_synth(sp, "Speech on", "en", &pcm, &n, err, sizeof err);
    free(pcm);
    double engine = idle_percent(seconds);
    printf("  engine created, nothing to say      %6.3f %%   target <= 1 %%   %s\n", engine,
           engine <= 1.0 ? "PASS" : "FAIL");

    hrc_audio *a;
    if (hrc_audio_open(sp, NULL, 0, &a, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        hrc_speech_free(sp);
        return 1;
    }
    double with_audio = idle_percent(seconds);
    printf("  + SDL audio output open (silence)   %6.3f %%   target <= 1 %%   %s\n", with_audio,
           with_audio <= 1.0 ? "PASS" : "FAIL");
    hrc_audio_close(a);
    hrc_speech_free(sp);
    SDL_Quit();
    return 0;
}

/* SDL's disk driver announces itself on every open: not a figure. */
static void quiet_log(void *userdata, int category, SDL_LogPriority priority,
                      const char *message)
{
    (void)userdata;
    (void)category;
    (void)priority;
    (void)message;
}

int main(int argc, char **argv)
{
    SDL_LogSetOutputFunction(quiet_log, NULL);
    if (argc == 3 && strcmp(argv[1], "latency") == 0 && atoi(argv[2]) > 0)
        return latency(atoi(argv[2]));
    if (argc == 3 && strcmp(argv[1], "idle") == 0 && atof(argv[2]) > 0)
        return idle(atof(argv[2]));
    fprintf(stderr, "usage: %s latency N | idle SECONDS\n", argv[0]);
    return 2;
}
