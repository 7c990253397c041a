/*
 * speech_test_util.h: helpers shared by the speech tests: draining the
 * engine as an audio output would, and measuring what came out.
 */
#ifndef SPEECH_TEST_UTIL_H
#define SPEECH_TEST_UTIL_H

#include "io/speech.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct pcm {
    int16_t *s;
    size_t n, cap;
} pcm;

static inline void pcm_append(pcm *p, const int16_t *s, size_t n)
{
    if (p->n + n > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->n + n)
            cap *= 2;
        int16_t *grown = realloc(p->s, cap * sizeof *grown);
        if (!grown)
            abort();
        p->s = grown;
        p->cap = cap;
    }
    memcpy(p->s + p->n, s, n * sizeof *s);
    p->n += n;
}

static inline void pcm_free(pcm *p)
{
    free(p->s);
    memset(p, 0, sizeof *p);
}

static inline void sleep_ms(int ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Reads from the engine, as an audio output does, until at least `until`
 * samples came (0: until it has nothing more to say). Gives up after
 * 60 s. Returns how many samples this call read. */
static inline size_t drain(hrc_speech *sp, pcm *out, size_t until)
{
    int16_t buf[512];
    size_t got = 0;
    for (int idle = 0; idle < 60000;) {
        size_t n = hrc_speech_read(sp, buf, sizeof buf / sizeof buf[0]);
        if (n) {
            if (out)
                pcm_append(out, buf, n);
            got += n;
            if (until && got >= until)
                break;
            continue;
        }
        if (!until && !hrc_speech_busy(sp))
            break;
        sleep_ms(1);
        idle++;
    }
    return got;
}

static inline double pcm_rms(const int16_t *s, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (double)s[i] * s[i];
    return n ? sqrt(sum / (double)n) : 0;
}

static inline int pcm_peak(const int16_t *s, size_t n)
{
    int peak = 0;
    for (size_t i = 0; i < n; i++)
        if (abs(s[i]) > peak)
            peak = abs(s[i]);
    return peak;
}

/* How different two sounds are: the RMS of their difference (the shorter
 * padded with silence) over the louder one's RMS. 0: the same sound. */
static inline double pcm_distance(const int16_t *a, size_t na, const int16_t *b, size_t nb)
{
    size_t n = na > nb ? na : nb;
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)(i < na ? a[i] : 0) - (double)(i < nb ? b[i] : 0);
        sum += d * d;
    }
    double ra = pcm_rms(a, na), rb = pcm_rms(b, nb);
    double loud = ra > rb ? ra : rb;
    return n && loud > 0 ? sqrt(sum / (double)n) / loud : 0;
}

#endif
