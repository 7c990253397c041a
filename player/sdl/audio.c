/* The SDL sound output of speech. See audio.h. */
#include "sdl/audio.h"

#include "core/i18n.h"

#include <SDL.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hrc_audio {
    hrc_speech *sp;
    SDL_AudioDeviceID dev;
    int buffer_samples;
    _Atomic uint64_t played; /* written by SDL's audio thread only */
};

/* SDL's audio thread: speech if there is some, silence for the rest. */
static void fill(void *userdata, Uint8 *stream, int len)
{
    hrc_audio *a = userdata;
    size_t want = (size_t)len / sizeof(int16_t);
    int16_t *out = (int16_t *)(void *)stream;
    size_t got = hrc_speech_read(a->sp, out, want);
    if (got < want)
        memset(out + got, 0, (want - got) * sizeof *out);
    if (got)
        atomic_fetch_add_explicit(&a->played, got, memory_order_relaxed);
}

int hrc_audio_open(hrc_speech *sp, const char *device, int buffer_samples, hrc_audio **out,
                   char *err, size_t err_size)
{
    *out = NULL;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO)) {
        snprintf(err, err_size, _("speech is not available: no sound output (%s)"),
                 SDL_GetError());
        return -1;
    }
    hrc_audio *a = calloc(1, sizeof *a);
    if (!a) {
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        snprintf(err, err_size, _("speech is not available: %s"), _("out of memory"));
        return -1;
    }
    a->sp = sp;
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = hrc_speech_sample_rate(sp);
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = (Uint16)(buffer_samples > 0 && buffer_samples <= 32768
                                ? buffer_samples
                                : HRC_AUDIO_BUFFER_SAMPLES);
    want.callback = fill;
    want.userdata = a;
    /* No SDL_AUDIO_ALLOW_* flag: SDL converts from this format to the
     * device's, so the callback always gets exactly what it asked for. */
    a->dev = SDL_OpenAudioDevice(device, 0, &want, &have, 0);
    if (a->dev == 0) {
        snprintf(err, err_size, _("speech is not available: no sound output (%s)"),
                 SDL_GetError());
        free(a);
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return -1;
    }
    a->buffer_samples = have.samples;
    SDL_PauseAudioDevice(a->dev, 0);
    *out = a;
    return 0;
}

void hrc_audio_close(hrc_audio *a)
{
    if (!a)
        return;
    SDL_CloseAudioDevice(a->dev);
    free(a);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

int hrc_audio_buffer_samples(const hrc_audio *a)
{
    return a->buffer_samples;
}

uint64_t hrc_audio_samples_played(const hrc_audio *a)
{
    return atomic_load_explicit(&a->played, memory_order_relaxed);
}

int hrc_audio_device_count(void)
{
    int n = SDL_GetNumAudioDevices(0);
    return n < 0 ? 0 : n;
}

const char *hrc_audio_device_name(int i)
{
    return SDL_GetAudioDeviceName(i, 0);
}
