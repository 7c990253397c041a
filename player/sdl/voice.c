/* Spoken guidance in the window: the engine and the sound device, opened
 * when needed and closed when idle. See voice.h. */
#include "sdl/voice.h"

#include <SDL.h>

#include <stdlib.h>
#include <string.h>

struct hrc_voice {
    hrc_speech *sp;
    hrc_audio *out;
    char *device;
    bool audio_held;     /* SDL's audio subsystem, kept between devices */
    int rate_step, volume;
    bool heard;          /* something was to be heard at the last look */
    uint64_t quiet_since; /* when it fell silent; 0: not yet */
};

hrc_voice *hrc_voice_new(const char *device)
{
    hrc_voice *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    if (device && !(v->device = strdup(device))) {
        free(v);
        return NULL;
    }
    v->volume = 100;
    return v;
}

static void close_output(hrc_voice *v)
{
    hrc_audio_close(v->out);
    v->out = NULL;
}

void hrc_voice_free(hrc_voice *v)
{
    if (!v)
        return;
    if (v->sp)
        hrc_speech_stop(v->sp);
    close_output(v); /* it reads from the engine: first */
    hrc_speech_free(v->sp);
    if (v->audio_held)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(v->device);
    free(v);
}

static void apply(hrc_voice *v)
{
    if (!v->sp)
        return;
    hrc_speech_set_rate(v->sp, hrc_speech_rate_for_step(v->rate_step));
    hrc_speech_set_volume(v->sp, v->volume);
}

void hrc_voice_settings(hrc_voice *v, int rate_step, int volume)
{
    if (v->rate_step == rate_step && v->volume == volume)
        return;
    v->rate_step = rate_step;
    v->volume = volume;
    apply(v);
}

int hrc_voice_say(hrc_voice *v, const hrc_utterance *u, size_t n, uint64_t now_ms, char *err,
                  size_t err_size)
{
    if (!n)
        return 0;
    if (!v->sp) {
        if (hrc_speech_new(NULL, &v->sp, err, err_size))
            return -1;
        apply(v);
    }
    if (!v->out) {
        /* Kept initialised between devices: opening one again is then quick. */
        if (!v->audio_held && SDL_InitSubSystem(SDL_INIT_AUDIO) == 0)
            v->audio_held = true;
        if (hrc_audio_open(v->sp, v->device, 0, &v->out, err, err_size))
            return -1;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned flags = i == 0 && !u[i].queue ? HRC_SPEECH_INTERRUPT : HRC_SPEECH_QUEUE;
        if (!u[i].text || !*u[i].text) {
            if (flags == HRC_SPEECH_INTERRUPT)
                hrc_speech_stop(v->sp);
            continue;
        }
        /* A queue already full (hundreds waiting) drops the rest. */
        hrc_speech_say(v->sp, u[i].text, u[i].lang, flags, NULL);
    }
    v->heard = true;
    v->quiet_since = 0;
    (void)now_ms;
    return 0;
}

int64_t hrc_voice_timeout_ms(const hrc_voice *v, uint64_t now_ms)
{
    if (!v || !v->out)
        return -1;
    if (v->heard || !v->quiet_since)
        return HRC_VOICE_POLL_MS;
    uint64_t due = v->quiet_since + HRC_VOICE_CLOSE_MS;
    return now_ms >= due ? 0 : (int64_t)(due - now_ms);
}

bool hrc_voice_poll(hrc_voice *v, uint64_t now_ms)
{
    if (!v || !v->sp)
        return false;
    bool busy = hrc_speech_busy(v->sp);
    bool done = v->heard && !busy;
    v->heard = busy;
    if (busy) {
        v->quiet_since = 0;
    } else if (v->out) {
        if (!v->quiet_since)
            v->quiet_since = now_ms ? now_ms : 1;
        else if (now_ms >= v->quiet_since + HRC_VOICE_CLOSE_MS)
            close_output(v);
    }
    return done;
}

hrc_speech *hrc_voice_engine(const hrc_voice *v)
{
    return v ? v->sp : NULL;
}

hrc_audio *hrc_voice_output(const hrc_voice *v)
{
    return v ? v->out : NULL;
}
