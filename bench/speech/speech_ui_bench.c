/*
 * speech_ui_bench: latency from a key press to the first sample of what
 * spoken guidance says about it, through the whole player path: the app
 * handles Tab, lays out and draws the frame at 1920x1080 with the real
 * fonts (software renderer, as --render), the frame's utterances go to
 * the voice (sdl/voice.c: eSpeak NG, SDL's "disk" driver to /dev/null at
 * a real device's pace), and the clock stops when SDL's audio thread hands
 * the device the first sample of speech.
 *
 *   speech_ui_bench COURSE N
 *   speech_ui_bench COURSE N ID
 *       The cost spoken guidance adds to a frame: the screen showing ID
 *       laid out (hrc_app_draw, real fonts) N times with speech off and N
 *       times with it on, in alternating batches; the replay is the same
 *       draw list either way.
 *
 * Two cases: the sound device open (a learner moving on within a few
 * seconds), and the device closed (the first key after HRC_VOICE_CLOSE_MS
 * of silence: the device is opened again). Baseline, same run: the voice
 * saying a fixed announcement with no key and no frame. End to end adds
 * one device buffer, the one still playing when ours is filled.
 */
#include "io/loader.h"
#include "screens/app.h"
#include "screens/goto.h"
#include "sdl/assets.h"
#include "sdl/gfx.h"
#include "sdl/voice.h"

#include "core/diag.h"
#include "io/locale.h"

#include <SDL.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_timing.h"

enum { W = 1920, H = 1080 };

typedef struct bench {
    hrc_app *app;
    hrc_gfx gfx;
    SDL_Renderer *renderer;
    hrc_draw_list list;
    hrc_voice *voice;
    uint64_t clock;
} bench;

static void frame(bench *b)
{
    hrc_text_metrics m = hrc_gfx_metrics(&b->gfx);
    hrc_app_draw(b->app, &m, W, H, 1.0f, &b->list);
    SDL_RenderClear(b->renderer);
    hrc_gfx_replay(&b->gfx, b->list.cmds, b->list.count);
    SDL_RenderPresent(b->renderer);
}

static void say_frame(bench *b)
{
    char err[HRC_SPEECH_MSG_MAX];
    if (hrc_voice_say(b->voice, b->list.utterances, b->list.n_utterances, b->clock, err,
                      sizeof err)) {
        fprintf(stderr, "%s\n", err);
        exit(1);
    }
}

static void silence(bench *b)
{
    hrc_speech *sp = hrc_voice_engine(b->voice);
    if (!sp)
        return;
    hrc_speech_stop(sp);
    while (hrc_speech_busy(sp))
        pause_us(200);
    hrc_voice_poll(b->voice, b->clock);
}

/* Closes the device as the player does after HRC_VOICE_CLOSE_MS of quiet. */
static void go_idle(bench *b)
{
    silence(b);
    b->clock += 10;
    hrc_voice_poll(b->voice, b->clock);
    b->clock += HRC_VOICE_CLOSE_MS + 10;
    hrc_voice_poll(b->voice, b->clock);
    if (hrc_voice_output(b->voice)) {
        fprintf(stderr, "the device did not close\n");
        exit(1);
    }
}

/* Key press (Tab) to the first sample the device takes; *frame_ms: the
 * part spent handling the key and making the frame. */
static double key_to_sound(bench *b, double buffer_ms, double *frame_ms)
{
    pause_us((long)(buffer_ms * 1000.0 * rand() / ((double)RAND_MAX + 1)));
    hrc_audio *out = hrc_voice_output(b->voice);
    uint64_t before = out ? hrc_audio_samples_played(out) : 0;
    double t0 = now_ms();
    hrc_input tab = {.kind = HRC_IN_NEXT, .now_ms = b->clock += 100};
    hrc_app_handle_input(b->app, &tab);
    frame(b);
    if (!b->list.n_utterances) {
        fprintf(stderr, "Tab said nothing\n");
        exit(1);
    }
    say_frame(b);
    *frame_ms = now_ms() - t0;
    hrc_audio *now_out = hrc_voice_output(b->voice);
    if (!now_out)
        exit(1);
    if (now_out != out)
        before = 0; /* a device opened again counts from 0 */
    out = now_out;
    while (hrc_audio_samples_played(out) <= before)
        pause_us(50);
    return now_ms() - t0;
}

static double say_to_sound(bench *b, double buffer_ms)
{
    static const hrc_utterance u = {"Next, button", "en", false};
    pause_us((long)(buffer_ms * 1000.0 * rand() / ((double)RAND_MAX + 1)));
    hrc_audio *out = hrc_voice_output(b->voice);
    uint64_t before = out ? hrc_audio_samples_played(out) : 0;
    double t0 = now_ms();
    char err[HRC_SPEECH_MSG_MAX];
    hrc_voice_say(b->voice, &u, 1, b->clock, err, sizeof err);
    out = hrc_voice_output(b->voice);
    while (hrc_audio_samples_played(out) <= before)
        pause_us(50);
    return now_ms() - t0;
}

static void quiet_log(void *userdata, int category, SDL_LogPriority priority,
                      const char *message)
{
    (void)userdata;
    (void)category;
    (void)priority;
    (void)message;
}

/* Mean layout time of the screen showing id, speech off and on (ms). */
static int frame_cost(bench *b, const hrc_course *course, const char *id, int n)
{
    hrc_app *apps[2];
    for (int on = 0; on < 2; on++) {
        hrc_app_config cfg = {.course = course, .lang = "en", .seed = 1, .speech = on};
        apps[on] = hrc_app_new(&cfg);
        if (hrc_app_goto(apps[on], id)) {
            fprintf(stderr, "no screen shows %s\n", id);
            return 1;
        }
        hrc_input resize = {.kind = HRC_IN_RESIZE, .x = W, .y = H, .now_ms = 1000};
        hrc_app_handle_input(apps[on], &resize);
    }
    hrc_text_metrics m = hrc_gfx_metrics(&b->gfx);
    double *t[2] = {malloc(sizeof(double) * (size_t)n), malloc(sizeof(double) * (size_t)n)};
    for (int i = 0; i < n; i++)
        for (int on = 0; on < 2; on++) {
            double t0 = now_ms();
            hrc_app_draw(apps[on], &m, W, H, 1.0f, &b->list);
            t[on][i] = now_ms() - t0;
            hrc_app_speech_restart(apps[on]); /* said anew each time: the worst case */
        }
    double med[2], p95[2];
    for (int on = 0; on < 2; on++)
        stats(t[on], n, &med[on], &p95[on]);
    printf("Layout of the screen showing %s, 1920x1080, real fonts, %d each,\n"
           "alternating (ms):      fastest   median\n", id, n);
    printf("  speech off           %7.3f  %7.3f\n", t[0][0], med[0]);
    printf("  speech on            %7.3f  %7.3f   (the screen said anew every time)\n",
           t[1][0], med[1]);
    printf("  added by speech      %+7.3f  %+7.3f\n", t[1][0] - t[0][0], med[1] - med[0]);
    free(t[0]);
    free(t[1]);
    hrc_app_free(apps[0]);
    hrc_app_free(apps[1]);
    return 0;
}

int main(int argc, char **argv)
{
    if ((argc != 3 && argc != 4) || atoi(argv[2]) <= 0) {
        fprintf(stderr, "usage: %s COURSE N [ID]\n", argv[0]);
        return 2;
    }
    int n = atoi(argv[2]);
    SDL_LogSetOutputFunction(quiet_log, NULL);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    hrc_locale_init(NULL);
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_course *course = NULL;
    if (hrc_course_open(argv[1], &course, &d) || !course) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 1;
    }
    hrc_diags_clear(&d);
    char assets[4096], err[512];
    if (hrc_assets_find(assets, sizeof assets, err, sizeof err) || hrc_gfx_libs_init()) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    bench b = {0};
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    b.renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!b.renderer || hrc_gfx_init(&b.gfx, b.renderer, assets)) {
        fprintf(stderr, "cannot draw: %s\n", SDL_GetError());
        return 1;
    }
    if (argc == 4) {
        int rc = frame_cost(&b, course, argv[3], n);
        hrc_draw_list_free(&b.list);
        hrc_gfx_free(&b.gfx);
        hrc_course_free(course);
        return rc;
    }
    hrc_app_config cfg = {.course = course, .lang = "en", .seed = 1, .speech = true};
    b.app = hrc_app_new(&cfg);
    b.voice = hrc_voice_new(NULL);
    hrc_draw_list_init(&b.list);
    hrc_input resize = {.kind = HRC_IN_RESIZE, .x = W, .y = H, .now_ms = b.clock = 1000};
    hrc_app_handle_input(b.app, &resize);
    /* The sign-in screen, as a learner tabs through it. The first frame
     * loads eSpeak NG and opens the device (once a process: not measured). */
    double t0 = now_ms();
    frame(&b);
    say_frame(&b);
    double created = now_ms() - t0;
    silence(&b);
    int buffer = hrc_audio_buffer_samples(hrc_voice_output(b.voice));
    int rate = hrc_speech_sample_rate(hrc_voice_engine(b.voice));
    double buffer_ms = 1000.0 * buffer / rate;
    printf("Key press (Tab) to the first sample of its announcement, %d presses each,\n"
           "1920x1080, software renderer, sign-in screen of the bundled course:\n", n);
    printf("  first frame with speech on: %.0f ms (eSpeak NG loads, device opens: once)\n",
           created);
    printf("  device buffer: %d samples = %.1f ms (SDL \"disk\" driver to /dev/null)\n",
           buffer, buffer_ms);
    printf("  %-30s %-14s %-15s %-15s %s\n", "(ms)", "key+frame med", "device med/p95",
           "end-to-end p95", "target p95 <= 150");
    double *v = malloc(sizeof(double) * (size_t)n), *f = malloc(sizeof(double) * (size_t)n);
    srand(1);
    for (int c = 0; c < 3; c++) {
        for (int i = 0; i < n; i++) {
            if (c == 1)
                go_idle(&b);
            if (c == 2)
                v[i] = say_to_sound(&b, buffer_ms), f[i] = 0;
            else
                v[i] = key_to_sound(&b, buffer_ms, &f[i]);
            silence(&b);
        }
        double vm, vp, fm, fp;
        stats(v, n, &vm, &vp);
        stats(f, n, &fm, &fp);
        static const char *const names[] = {"device open", "device closed (idle kiosk)",
                                            "baseline: say() alone, open"};
        printf("  %-30s %9.1f      %6.1f %6.1f   %9.1f       %s\n", names[c], fm, vm, vp,
               vp + buffer_ms, vp + buffer_ms <= 150 ? "PASS" : "FAIL");
    }
    free(v);
    free(f);
    hrc_voice_free(b.voice);
    hrc_draw_list_free(&b.list);
    hrc_app_free(b.app);
    hrc_gfx_free(&b.gfx);
    SDL_DestroyRenderer(b.renderer);
    SDL_FreeSurface(surface);
    hrc_course_free(course);
    hrc_gfx_libs_quit();
    SDL_Quit();
    return 0;
}
