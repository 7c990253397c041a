/*
 * audio.h: the sound output of spoken guidance, through SDL's audio device.
 *
 * Promises:
 * - Opened only when speech is turned on; it plays what the speech engine
 *   (io/speech.h) has synthesised, pulled from SDL's audio thread, and
 *   silence when there is nothing to say. The main loop never waits for it.
 * - An interruption (hrc_speech_say() without HRC_SPEECH_QUEUE, or
 *   hrc_speech_stop()) is heard at once: the engine drops its samples, so
 *   at most the one device buffer already handed to SDL still plays
 *   (HRC_AUDIO_BUFFER_SAMPLES, 23 ms at 22050 Hz).
 * - Headphones are just another output device: the default device (NULL)
 *   is the system's default output, which PulseAudio, PipeWire or ALSA
 *   switch to headphones when they are plugged in; a named device (from
 *   hrc_audio_device_name()) picks one output for good.
 * - The engine must outlive the output: close the output, then free the
 *   engine.
 */
#ifndef HRC_SDL_AUDIO_H
#define HRC_SDL_AUDIO_H

#include "io/speech.h"

#include <stddef.h>
#include <stdint.h>

typedef struct hrc_audio hrc_audio;

/* Samples per device buffer: small, for a short delay before speech is
 * heard; large enough that SDL's thread wakes only about 43 times a second. */
enum { HRC_AUDIO_BUFFER_SAMPLES = 512 };

/*
 * Opens the output device `device` (NULL: the default) for sp's samples
 * (mono, 16-bit, at hrc_speech_sample_rate()), initialising SDL's audio
 * subsystem as needed, and starts playing. buffer_samples: 0 for
 * HRC_AUDIO_BUFFER_SAMPLES. SDL converts to whatever the device wants.
 * Returns 0 and sets *out, or -1 with a translated message in err.
 */
int hrc_audio_open(hrc_speech *sp, const char *device, int buffer_samples, hrc_audio **out,
                   char *err, size_t err_size);

/* Stops playing and closes the device (waiting for SDL's audio thread to
 * leave the callback). NULL is fine. */
void hrc_audio_close(hrc_audio *a);

/* The device buffer SDL granted, in samples at the engine's rate. */
int hrc_audio_buffer_samples(const hrc_audio *a);

/* Samples of speech handed to the device so far (silence not counted). */
uint64_t hrc_audio_samples_played(const hrc_audio *a);

/* The number of output devices, and the name of one (for an option that
 * chooses the headphones' device); NULL when i is out of range. Needs
 * SDL's audio subsystem (SDL_InitSubSystem(SDL_INIT_AUDIO)). */
int hrc_audio_device_count(void);
const char *hrc_audio_device_name(int i);

#endif
