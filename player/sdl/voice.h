/*
 * voice.h: spoken guidance in the player's window. Plays what each frame
 * asks to be said (hrc_draw_list.utterances, screens/spoken.h) with the
 * speech engine (io/speech.h) through SDL's sound output (sdl/audio.h).
 *
 * Promises:
 * - Nothing is loaded before something is to be said: eSpeak NG on the
 *   first utterance (about 0.1 s, once a process), the sound device then.
 * - The first utterance of a frame interrupts what is being said (unless
 *   it asks to queue), the others queue behind it; an empty one only
 *   silences. The main loop never waits for synthesis or playback.
 * - The sound device is closed once nothing has been heard for
 *   HRC_VOICE_CLOSE_MS, so that an idle kiosk with speech on costs no CPU
 *   (an open device wakes SDL's audio thread 43 times a second); the next
 *   utterance opens it again (a few milliseconds, see bench/README.md).
 * - hrc_voice_poll() tells, once each time, that everything said has been
 *   heard: the app then reads on (HRC_IN_SPEECH_DONE).
 * - Everything is created, used and freed on the main thread.
 */
#ifndef HRC_SDL_VOICE_H
#define HRC_SDL_VOICE_H

#include "core/draw.h"
#include "io/speech.h"
#include "sdl/audio.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    HRC_VOICE_CLOSE_MS = 5000, /* silence before the device is closed */
    HRC_VOICE_POLL_MS = 40,    /* how often to look while speech is heard */
};

typedef struct hrc_voice hrc_voice;

/* device: the output to use (hrc_audio_device_name()), NULL for the
 * system's default (headphones when plugged in). NULL when out of memory. */
hrc_voice *hrc_voice_new(const char *device);
/* Stops speaking, closes the device, then the engine. NULL is fine. */
void hrc_voice_free(hrc_voice *v);

/* The learner's settings (hrc_app_speech_settings()): a rate step (-3 to
 * 3) and a volume in percent. They apply from the next utterance on; the
 * volume at once. */
void hrc_voice_settings(hrc_voice *v, int rate_step, int volume);

/*
 * Says n utterances (a frame's). Starts the engine and opens the device as
 * needed. Returns 0, or -1 with a translated message in err when speech
 * cannot be heard ("speech is not available: ..."): the caller turns
 * speech off (hrc_app_speech_unavailable()).
 */
int hrc_voice_say(hrc_voice *v, const hrc_utterance *u, size_t n, uint64_t now_ms,
                  char *err, size_t err_size);

/* How long the main loop may sleep for the voice's sake: HRC_VOICE_POLL_MS
 * while speech is heard, until the device is due to close, or -1. */
int64_t hrc_voice_timeout_ms(const hrc_voice *v, uint64_t now_ms);
/* Call whenever the loop wakes: closes a device silent for long enough.
 * Returns true once when everything said has just been heard. */
bool hrc_voice_poll(hrc_voice *v, uint64_t now_ms);

/* For tests and benchmarks: the engine (NULL before the first utterance),
 * the output (NULL while the device is closed). */
hrc_speech *hrc_voice_engine(const hrc_voice *v);
hrc_audio *hrc_voice_output(const hrc_voice *v);

#endif
