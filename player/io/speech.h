/*
 * speech.h: spoken guidance, synthesised by eSpeak NG into 16-bit PCM.
 *
 * Promises:
 * - One worker thread owns eSpeak NG, which is not thread-safe; every
 *   other call only takes the engine's lock for a moment (copying text or
 *   samples) and never waits for synthesis, except hrc_speech_new() (which
 *   loads eSpeak NG, about 0.1 s the first time in a process) and
 *   hrc_speech_synth() (offline rendering, synchronous by design).
 * - A new utterance interrupts the current one unless it is queued
 *   (HRC_SPEECH_QUEUE): the samples already synthesised are dropped at
 *   once, and not one more sample of the interrupted text reaches the
 *   reader after hrc_speech_say() or hrc_speech_stop() returns.
 * - Each utterance is spoken with the voice of its own language (a BCP 47
 *   tag: "en", "fr", "es", "en-US", "es-MX"...), so module text written
 *   in another language than the interface still sounds right.
 * - Text is read as plain UTF-8: no SSML, no phoneme codes, so "<b>" in a
 *   module is spoken as written, never interpreted.
 * - The samples wait in a ring buffer (one second) that the audio output
 *   pulls from with hrc_speech_read(), from any one thread (an SDL audio
 *   callback). When nobody reads, the worker waits, without spinning, for
 *   room; when there is nothing to say it sleeps on a condition variable,
 *   so an idle engine costs no CPU.
 * - Nothing is printed. Messages for the learner or the facilitator
 *   ("speech is not available: ...") come back translated (gettext).
 *
 * Only one engine may exist at a time in a process (eSpeak NG keeps its
 * state in globals). eSpeak NG itself is loaded once, by the first engine,
 * and stays loaded until the process ends (it cannot be reloaded: see
 * speech.c); later engines reuse it.
 */
#ifndef HRC_SPEECH_H
#define HRC_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hrc_speech hrc_speech;

enum {
    HRC_SPEECH_MSG_MAX = 256,       /* room for any message of this module */
    HRC_SPEECH_TEXT_MAX = 65536,    /* bytes in one utterance */
    HRC_SPEECH_QUEUE_MAX = 256,     /* utterances waiting at once */
    HRC_SPEECH_RATE_MIN = 80,       /* words per minute, eSpeak NG's range */
    HRC_SPEECH_RATE_DEFAULT = 175,
    HRC_SPEECH_RATE_MAX = 450,
    HRC_SPEECH_STEP_MIN = -3,       /* the rate steps a learner chooses from */
    HRC_SPEECH_STEP_MAX = 3,
};

enum hrc_speech_flags {
    HRC_SPEECH_INTERRUPT = 0,       /* the default: stop what is being said */
    HRC_SPEECH_QUEUE = 1 << 0,      /* say it after what is queued already */
};

/*
 * Starts the engine: loads eSpeak NG from data_path (NULL: its default
 * folder, or $ESPEAK_DATA_PATH) and starts the worker. The data path is
 * only read the first time eSpeak NG loads in this process. Call it from
 * the main thread, as hrc_i18n_init(): loading eSpeak NG sets the
 * process's LC_CTYPE for a moment (it is put back before this returns).
 * Returns 0 and sets *out, or -1 with *out NULL and a translated message
 * ("speech is not available: ...") in err.
 */
int hrc_speech_new(const char *data_path, hrc_speech **out, char *err, size_t err_size);

/* Stops speaking and ends the worker. Stop the audio output first (it
 * reads from the engine). NULL is fine. */
void hrc_speech_free(hrc_speech *sp);

/* Samples per second of everything the engine produces (22050 with the
 * Debian voices). Mono, signed 16-bit, native byte order. */
int hrc_speech_sample_rate(const hrc_speech *sp);

/*
 * Says text (UTF-8) in language lang (a BCP 47 tag; NULL or "" means
 * English). Without HRC_SPEECH_QUEUE it interrupts what is being said and
 * drops what was queued. When id is not NULL it receives the utterance's
 * number (never 0), which hrc_speech_playing() reports while it is heard.
 * An empty text only interrupts. A language eSpeak NG has no voice for is
 * spoken with the English voice, and hrc_speech_problem() says so.
 * Returns 0, or -1 with errno: EINVAL (NULL text, or longer than
 * HRC_SPEECH_TEXT_MAX bytes), EAGAIN (HRC_SPEECH_QUEUE_MAX utterances
 * already wait), ENOMEM. On error nothing changes, nothing is interrupted.
 */
int hrc_speech_say(hrc_speech *sp, const char *text, const char *lang, unsigned flags,
                   uint64_t *id);

/* Stops speaking now and drops everything queued. */
void hrc_speech_stop(hrc_speech *sp);

/* The speaking rate in words per minute, clamped to HRC_SPEECH_RATE_MIN..
 * HRC_SPEECH_RATE_MAX. It applies from the next utterance on. */
void hrc_speech_set_rate(hrc_speech *sp, int words_per_minute);
int hrc_speech_rate(hrc_speech *sp);

/* The rate for a learner's step, -3 (slowest) to +3 (fastest), 0 being
 * eSpeak NG's normal 175 words per minute; out-of-range steps are clamped. */
int hrc_speech_rate_for_step(int step);

/* Volume in percent (0 to 100, clamped; 100 is eSpeak NG's normal level).
 * It applies at once, also to what is already synthesised. */
void hrc_speech_set_volume(hrc_speech *sp, int percent);
int hrc_speech_volume(hrc_speech *sp);

/*
 * For the audio output: moves up to max samples of speech into out, and
 * returns how many (0 when there is nothing to play: the caller fills the
 * rest with silence). Takes the lock only to copy. Call it from one
 * thread at a time.
 */
size_t hrc_speech_read(hrc_speech *sp, int16_t *out, size_t max);

/* The number of the utterance whose samples hrc_speech_read() handed out
 * last, or 0 when the last utterance has been read to its end, or after
 * an interruption. */
uint64_t hrc_speech_playing(hrc_speech *sp);

/* Whether anything is still to be heard: queued, being synthesised, or
 * waiting in the ring buffer. */
bool hrc_speech_busy(hrc_speech *sp);

/*
 * A problem met since the last call while speaking (such as a language
 * with no voice), translated, for the log or a notice. Copies it into buf
 * and returns true, then forgets it; returns false when there was none.
 */
bool hrc_speech_problem(hrc_speech *sp, char *buf, size_t size);

/*
 * Offline rendering (--render --speech): synthesises text in lang, at the
 * current rate and full volume, into a new array of samples at
 * hrc_speech_sample_rate(). Stops what is being said first, then waits
 * for the worker. Returns 0 and sets *pcm (free() it; NULL when count is
 * 0) and *count, or -1 with a translated message in err.
 */
int hrc_speech_synth(hrc_speech *sp, const char *text, const char *lang, int16_t **pcm,
                     size_t *count, char *err, size_t err_size);

/*
 * The text as eSpeak NG is given it: in French, an ordinal written with
 * digits ("70e", "70ᵉ" with the modifier letter, "2ème") becomes "70ème",
 * which eSpeak NG reads "soixante-dixième" (it reads "70e" as "soixante-dix
 * e", and spells the modifier letter's name), and "1ᵉʳ" becomes "1er";
 * other languages come back unchanged. Writes at most size bytes, always
 * ended; returns the length it needed.
 */
size_t hrc_speech_spoken_text(const char *text, const char *lang, char *out, size_t size);

#endif
