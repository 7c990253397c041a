/*
 * Spoken guidance with eSpeak NG. See speech.h.
 *
 * Threads. The caller's thread (the main loop) queues utterances and
 * settings; the worker thread is the only one that calls eSpeak NG after
 * it has loaded; the audio thread reads samples. They share the fields
 * under `lock`. The worker sleeps on `work` when it has nothing to do or
 * when the ring is full; say(), stop(), synth(), free() and a read that
 * makes room wake it. `done` wakes a caller waiting for an offline render.
 *
 * Interrupting. Every interruption bumps `generation` and empties the ring
 * under the lock. eSpeak NG hands the worker its samples through
 * synth_callback(), which copies them into the ring under the same lock
 * and returns 1 (eSpeak NG's "stop") as soon as the generation it was
 * started for is no longer current: so no sample of an interrupted text
 * gets into the ring after the interrupting call has returned.
 *
 * eSpeak NG 1.51 cannot be terminated and loaded again in one process
 * (espeak_ng_Terminate() then hangs in its own FIFO thread), so it is
 * loaded once, by the first engine, and stays loaded. Loading it also sets
 * the process's LC_CTYPE to C.UTF-8: hrc_speech_new() puts the caller's
 * back, and the worker runs in a C.UTF-8 locale of its own (uselocale), in
 * which eSpeak NG's character classes work whatever the process uses.
 *
 * The worker never calls gettext (the main thread may change LANGUAGE at
 * any time): it records what went wrong as a code, translated later on the
 * caller's thread.
 */
#include "io/speech.h"

#include "core/i18n.h"

#include <errno.h>
#include <espeak-ng/espeak_ng.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum {
    CHUNK_MS = 40,        /* eSpeak NG hands over samples in chunks this long */
    RING_SECONDS = 1,     /* synthesised ahead of what is heard, at most */
    MARKS_MAX = 64,       /* utterance starts and ends waiting in the ring */
    LANG_MAX = 36,        /* a language tag, as kept by the engine */
    SYNTH_MAX_SECONDS = 3600,
};

/* What went wrong on the worker, translated when asked for. */
enum problem {
    PROBLEM_NONE = 0,
    PROBLEM_NO_VOICE,     /* no voice for problem_lang: English was used */
    PROBLEM_SYNTH,        /* eSpeak NG failed on a text */
    PROBLEM_NOMEM,
    PROBLEM_TOO_LONG,     /* an offline render over SYNTH_MAX_SECONDS */
};

typedef struct utterance {
    struct utterance *next;
    uint64_t id;
    char lang[LANG_MAX];
    char text[]; /* NUL-terminated */
} utterance;

/* An offline render, owned by the caller waiting in hrc_speech_synth(). */
typedef struct synth_job {
    const char *text;
    const char *lang;
    int16_t *pcm;
    size_t count, cap, max;
    enum problem problem;
    bool done;
} synth_job;

/* Where the samples from eSpeak NG go, for the Synthesize() running. */
typedef struct synth_target {
    hrc_speech *sp;
    synth_job *job;       /* an offline render, or NULL: the ring */
    uint64_t generation;  /* live: the generation this utterance belongs to */
    uint64_t id;
    bool started;         /* live: its start mark is in */
    bool ended;           /* live: its end mark is in */
} synth_target;

typedef struct mark {
    uint64_t pos; /* in samples written since the engine started */
    uint64_t id;  /* the utterance starting here, or 0: one ends here */
} mark;

struct hrc_speech {
    pthread_mutex_t lock;
    pthread_cond_t work; /* the worker waits on it */
    pthread_cond_t done; /* hrc_speech_new() and hrc_speech_synth() wait on it */
    pthread_t thread;
    bool thread_started;
    int sample_rate;

    /* Everything below is under `lock`. */
    bool quit;
    bool worker_ready;
    bool worker_waiting_room;
    bool speaking;        /* the worker is synthesising a live utterance */
    uint64_t generation;
    uint64_t next_id;
    utterance *queue_head, *queue_tail;
    size_t queued;
    synth_job *job;

    int16_t *ring;
    size_t ring_cap, ring_head, ring_count;
    uint64_t written_total, read_total;
    mark marks[MARKS_MAX];
    size_t marks_head, marks_count;
    uint64_t playing;

    int rate;
    int volume;

    enum problem problem;
    char problem_lang[LANG_MAX];

    /* The worker's own. */
    char voice_lang[LANG_MAX]; /* the tag the current voice was chosen for */
};

/* The process-wide state of eSpeak NG, under engine_lock. */
static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;
static bool engine_exists;
static bool espeak_loaded;
static int espeak_rate;
/* Only the worker reads it, while it runs Synthesize(). */
static synth_target *current_target;

static void set_err(char *err, size_t size, const char *why)
{
    if (err && size)
        snprintf(err, size, _("speech is not available: %s"), why);
}

/* ---- The ring and its marks (all under sp->lock) ------------------------ */

static void push_mark(hrc_speech *sp, uint64_t id)
{
    size_t at = (sp->marks_head + sp->marks_count) % MARKS_MAX;
    sp->marks[at] = (mark){.pos = sp->written_total, .id = id};
    sp->marks_count++;
}

/* Drops every sample and mark, and invalidates what is being synthesised. */
static void flush_locked(hrc_speech *sp, bool drop_queue)
{
    sp->generation++;
    sp->ring_head = sp->ring_count = 0;
    sp->read_total = sp->written_total;
    sp->marks_head = sp->marks_count = 0;
    sp->playing = 0;
    if (drop_queue) {
        for (utterance *u = sp->queue_head, *next; u; u = next) {
            next = u->next;
            free(u);
        }
        sp->queue_head = sp->queue_tail = NULL;
        sp->queued = 0;
    }
    pthread_cond_signal(&sp->work);
}

static void wait_for_room(hrc_speech *sp)
{
    sp->worker_waiting_room = true;
    pthread_cond_wait(&sp->work, &sp->lock);
    sp->worker_waiting_room = false;
}

/* Copies samples of a live utterance into the ring, waiting for room.
 * Returns 1 when the utterance was interrupted (stop synthesising). */
static int write_live(synth_target *t, const short *wav, size_t n, bool end)
{
    hrc_speech *sp = t->sp;
    size_t done = 0;
    int stop = 0;
    pthread_mutex_lock(&sp->lock);
    for (;;) {
        if (sp->quit || sp->job || t->generation != sp->generation) {
            stop = 1;
            break;
        }
        if (!t->started || (end && done == n)) {
            if (sp->marks_count == MARKS_MAX) {
                wait_for_room(sp);
                continue;
            }
            push_mark(sp, t->started ? 0 : t->id);
            if (t->started) {
                t->ended = true;
                break;
            }
            t->started = true;
        }
        if (done == n && !end)
            break;
        size_t room = sp->ring_cap - sp->ring_count;
        if (room == 0) {
            wait_for_room(sp);
            continue;
        }
        size_t k = n - done < room ? n - done : room;
        size_t at = (sp->ring_head + sp->ring_count) % sp->ring_cap;
        size_t first = sp->ring_cap - at < k ? sp->ring_cap - at : k;
        memcpy(sp->ring + at, wav + done, first * sizeof *wav);
        memcpy(sp->ring, wav + done + first, (k - first) * sizeof *wav);
        sp->ring_count += k;
        sp->written_total += k;
        done += k;
    }
    pthread_mutex_unlock(&sp->lock);
    return stop;
}

static int write_job(synth_target *t, const short *wav, size_t n)
{
    synth_job *job = t->job;
    if (n == 0)
        return 0;
    if (job->count + n > job->max) {
        job->problem = PROBLEM_TOO_LONG;
        return 1;
    }
    if (job->count + n > job->cap) {
        size_t cap = job->cap ? job->cap * 2 : 65536;
        while (cap < job->count + n)
            cap *= 2;
        int16_t *pcm = realloc(job->pcm, cap * sizeof *pcm);
        if (!pcm) {
            job->problem = PROBLEM_NOMEM;
            return 1;
        }
        job->pcm = pcm;
        job->cap = cap;
    }
    memcpy(job->pcm + job->count, wav, n * sizeof *wav);
    job->count += n;
    pthread_mutex_lock(&t->sp->lock);
    int stop = t->sp->quit;
    pthread_mutex_unlock(&t->sp->lock);
    return stop;
}

/* eSpeak NG's synthesis callback: wav NULL marks the end of the text. */
static int synth_callback(short *wav, int count, espeak_EVENT *events)
{
    (void)events;
    synth_target *t = current_target;
    if (!t)
        return 1;
    size_t n = wav && count > 0 ? (size_t)count : 0;
    if (t->job)
        return write_job(t, wav, n);
    return write_live(t, wav, n, wav == NULL);
}

/* ---- The worker --------------------------------------------------------- */

/* Keeps a language tag to lower-case letters, digits and '-'; "" -> "en". */
static void normalise_lang(char out[LANG_MAX], const char *lang)
{
    size_t n = 0;
    for (const char *p = lang ? lang : ""; *p && n + 1 < LANG_MAX; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (c == '_')
            c = '-';
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            out[n++] = c;
        else
            break; /* "fr_FR.UTF-8": the encoding is not part of the language */
    }
    out[n] = '\0';
    if (n == 0)
        strcpy(out, "en");
}

static bool try_voice(const char *lang)
{
    espeak_VOICE v;
    memset(&v, 0, sizeof v);
    v.languages = lang;
    return espeak_ng_SetVoiceByProperties(&v) == ENS_OK;
}

/* Chooses the voice for a language: the tag as given ("en-us"), else its
 * primary language ("fr" for "fr-ca"), else English. Worker only. Returns
 * false when English had to stand in. */
static bool choose_voice(hrc_speech *sp, const char *lang)
{
    if (strcmp(sp->voice_lang, lang) == 0)
        return true;
    bool ok = try_voice(lang);
    if (!ok) {
        char primary[LANG_MAX];
        snprintf(primary, sizeof primary, "%s", lang);
        char *dash = strchr(primary, '-');
        if (dash) {
            *dash = '\0';
            ok = try_voice(primary);
        }
    }
    if (!ok && !try_voice("en")) {
        sp->voice_lang[0] = '\0';
        return false;
    }
    snprintf(sp->voice_lang, sizeof sp->voice_lang, "%s", lang);
    return ok;
}

static void note_problem(hrc_speech *sp, enum problem p, const char *lang)
{
    pthread_mutex_lock(&sp->lock);
    sp->problem = p;
    snprintf(sp->problem_lang, sizeof sp->problem_lang, "%s", lang ? lang : "");
    pthread_mutex_unlock(&sp->lock);
}

/* Appends n bytes to out (size bytes), counting what did not fit. */
static void put(char *out, size_t size, size_t *at, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, (*at)++)
        if (*at + 1 < size)
            out[*at] = s[i];
}

/* Whether an ordinal's mark ends at c: a space, punctuation, the end. */
static bool ends_word(char c)
{
    return c == '\0' || strchr(" ,.;:!?)", c) != NULL || (unsigned char)c >= 0x80;
}

size_t hrc_speech_spoken_text(const char *text, const char *lang, char *out, size_t size)
{
#define SUP_E "\xe1\xb5\x89" /* U+1D49, modifier letter small e */
#define SUP_R "\xca\xb3"      /* U+02B3, modifier letter small r */
    bool french = lang && (lang[0] | 0x20) == 'f' && (lang[1] | 0x20) == 'r' &&
                  (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
    size_t at = 0;
    for (const char *p = text; *p;) {
        /* After a number that stands alone (not "e2e", "mp3"). */
        const char *d = p;
        while (d > text && d[-1] >= '0' && d[-1] <= '9')
            d--;
        bool number = d < p && (d == text || !((d[-1] | 0x20) >= 'a' && (d[-1] | 0x20) <= 'z'));
        if (french && number) {
            size_t n = 0;
            bool first = false;
            if (strncmp(p, SUP_E SUP_R, 5) == 0)
                n = 5, first = true;
            else if (strncmp(p, "er", 2) == 0)
                n = 2, first = true;
            else if (strncmp(p, SUP_E, 3) == 0)
                n = 3;
            else if (strncmp(p, "\xc3\xa8me", 4) == 0)
                n = 4;
            else if (*p == 'e')
                n = 1;
            if (n && ends_word(p[n])) {
                put(out, size, &at, first ? "er" : "\xc3\xa8me", first ? 2 : 4);
                p += n;
                continue;
            }
        }
        if (french && strncmp(p, SUP_E, 3) == 0) { /* a lone one: the letter */
            put(out, size, &at, "e", 1);
            p += 3;
            continue;
        }
        put(out, size, &at, p, 1);
        p++;
    }
    if (size)
        out[at < size ? at : size - 1] = '\0';
    return at;
#undef SUP_E
#undef SUP_R
}

/* Synthesises one text into t's target. Worker only. Returns false when
 * eSpeak NG failed (not when it was interrupted). */
static bool synthesise(hrc_speech *sp, synth_target *t, const char *text, const char *lang,
                       int rate)
{
    if (!choose_voice(sp, lang))
        note_problem(sp, PROBLEM_NO_VOICE, lang);
    espeak_ng_SetParameter(espeakRATE, rate, 0);
    espeak_ng_SetParameter(espeakVOLUME, 100, 0);
    current_target = t;
    /* French ordinals as eSpeak NG reads them (a few bytes longer). */
    size_t need = hrc_speech_spoken_text(text, lang, NULL, 0) + 1;
    char *said = malloc(need);
    if (said)
        hrc_speech_spoken_text(text, lang, said, need);
    const char *what = said ? said : text;
    espeak_ng_STATUS st = espeak_ng_Synthesize(what, strlen(what) + 1, 0, POS_CHARACTER, 0,
                                               espeakCHARS_UTF8, NULL, NULL);
    free(said);
    current_target = NULL;
    if (st != ENS_OK && st != ENS_SPEECH_STOPPED) {
        note_problem(sp, PROBLEM_SYNTH, lang);
        return false;
    }
    return true;
}

static void *worker_main(void *arg)
{
    hrc_speech *sp = arg;
    /* eSpeak NG classifies characters with the C library: in a UTF-8 locale
     * of this thread's own, whatever the process has set. */
    locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (utf8)
        uselocale(utf8);

    pthread_mutex_lock(&sp->lock);
    sp->worker_ready = true;
    pthread_cond_broadcast(&sp->done);
    while (!sp->quit) {
        if (sp->job) {
            synth_job *job = sp->job;
            int rate = sp->rate;
            pthread_mutex_unlock(&sp->lock);
            synth_target t = {.sp = sp, .job = job};
            char lang[LANG_MAX];
            normalise_lang(lang, job->lang);
            if (!synthesise(sp, &t, job->text, lang, rate) && job->problem == PROBLEM_NONE)
                job->problem = PROBLEM_SYNTH;
            pthread_mutex_lock(&sp->lock);
            job->done = true;
            sp->job = NULL;
            pthread_cond_broadcast(&sp->done);
            continue;
        }
        utterance *u = sp->queue_head;
        if (!u) {
            pthread_cond_wait(&sp->work, &sp->lock);
            continue;
        }
        sp->queue_head = u->next;
        if (!sp->queue_head)
            sp->queue_tail = NULL;
        sp->queued--;
        sp->speaking = true;
        synth_target t = {.sp = sp, .generation = sp->generation, .id = u->id};
        int rate = sp->rate;
        pthread_mutex_unlock(&sp->lock);
        synthesise(sp, &t, u->text, u->lang, rate);
        if (!t.ended) /* eSpeak NG gave up before the end: close it anyway */
            write_live(&t, NULL, 0, true);
        free(u);
        pthread_mutex_lock(&sp->lock);
        sp->speaking = false;
    }
    pthread_mutex_unlock(&sp->lock);

    if (utf8) {
        uselocale(LC_GLOBAL_LOCALE);
        freelocale(utf8);
    }
    return NULL;
}

/* ---- Loading eSpeak NG -------------------------------------------------- */

/* Loads eSpeak NG once per process, on the caller's thread (see top).
 * engine_lock is held. */
static int load_espeak(const char *data_path, char *err, size_t err_size)
{
    if (espeak_loaded)
        return 0;
    /* eSpeak NG would quietly fall back to its default folder. */
    struct stat info;
    if (data_path && (stat(data_path, &info) || !S_ISDIR(info.st_mode))) {
        char why[HRC_SPEECH_MSG_MAX];
        snprintf(why, sizeof why, _("no voice data folder %s"), data_path);
        set_err(err, err_size, why);
        return -1;
    }
    char saved_ctype[256];
    const char *cur = setlocale(LC_CTYPE, NULL);
    snprintf(saved_ctype, sizeof saved_ctype, "%s", cur ? cur : "C");

    espeak_ng_InitializePath(data_path);
    espeak_ng_ERROR_CONTEXT context = NULL;
    espeak_ng_STATUS st = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (st == ENS_OK)
        st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, CHUNK_MS, NULL);
    setlocale(LC_CTYPE, saved_ctype);
    if (st != ENS_OK) {
        if (st == ENOENT || st == ENS_VERSION_MISMATCH || st == ENS_EMPTY_PHONEME_MANIFEST)
            set_err(err, err_size,
                    _("the eSpeak NG voice data was not found or does not fit this "
                      "version (Debian package espeak-ng-data)"));
        else {
            char why[160];
            espeak_ng_GetStatusCodeMessage(st, why, sizeof why);
            set_err(err, err_size, why);
        }
        return -1;
    }
    espeak_SetSynthCallback(synth_callback);
    /* The first voice reads its dictionary: do it now, not on the first
     * utterance. */
    espeak_ng_SetVoiceByName(ESPEAKNG_DEFAULT_VOICE);
    espeak_rate = espeak_ng_GetSampleRate();
    espeak_loaded = true;
    return 0;
}

/* ---- The API ------------------------------------------------------------ */

int hrc_speech_new(const char *data_path, hrc_speech **out, char *err, size_t err_size)
{
    *out = NULL;
    if (err && err_size)
        err[0] = '\0';
    pthread_mutex_lock(&engine_lock);
    if (engine_exists) {
        pthread_mutex_unlock(&engine_lock);
        set_err(err, err_size, _("the speech engine is already in use"));
        return -1;
    }
    if (load_espeak(data_path, err, err_size)) {
        pthread_mutex_unlock(&engine_lock);
        return -1;
    }
    engine_exists = true;
    pthread_mutex_unlock(&engine_lock);

    hrc_speech *sp = calloc(1, sizeof *sp);
    if (sp) {
        sp->sample_rate = espeak_rate > 0 ? espeak_rate : 22050;
        sp->ring_cap = (size_t)sp->sample_rate * RING_SECONDS;
        sp->ring = malloc(sp->ring_cap * sizeof *sp->ring);
    }
    if (!sp || !sp->ring) {
        if (sp)
            free(sp->ring);
        free(sp);
        set_err(err, err_size, _("out of memory"));
        goto fail;
    }
    sp->rate = HRC_SPEECH_RATE_DEFAULT;
    sp->volume = 100;
    pthread_mutex_init(&sp->lock, NULL);
    pthread_cond_init(&sp->work, NULL);
    pthread_cond_init(&sp->done, NULL);
    int e = pthread_create(&sp->thread, NULL, worker_main, sp);
    if (e) {
        set_err(err, err_size, strerror(e));
        hrc_speech_free(sp);
        return -1;
    }
    sp->thread_started = true;
    pthread_mutex_lock(&sp->lock);
    while (!sp->worker_ready)
        pthread_cond_wait(&sp->done, &sp->lock);
    pthread_mutex_unlock(&sp->lock);
    *out = sp;
    return 0;

fail:
    pthread_mutex_lock(&engine_lock);
    engine_exists = false;
    pthread_mutex_unlock(&engine_lock);
    return -1;
}

void hrc_speech_free(hrc_speech *sp)
{
    if (!sp)
        return;
    if (sp->thread_started) {
        pthread_mutex_lock(&sp->lock);
        sp->quit = true;
        flush_locked(sp, true);
        pthread_cond_broadcast(&sp->work);
        pthread_mutex_unlock(&sp->lock);
        pthread_join(sp->thread, NULL);
    }
    for (utterance *u = sp->queue_head, *next; u; u = next) {
        next = u->next;
        free(u);
    }
    pthread_cond_destroy(&sp->done);
    pthread_cond_destroy(&sp->work);
    pthread_mutex_destroy(&sp->lock);
    free(sp->ring);
    free(sp);
    pthread_mutex_lock(&engine_lock);
    engine_exists = false;
    pthread_mutex_unlock(&engine_lock);
}

int hrc_speech_sample_rate(const hrc_speech *sp)
{
    return sp->sample_rate;
}

int hrc_speech_say(hrc_speech *sp, const char *text, const char *lang, unsigned flags,
                   uint64_t *id)
{
    if (id)
        *id = 0;
    if (!text) {
        errno = EINVAL;
        return -1;
    }
    size_t len = strlen(text);
    if (len > HRC_SPEECH_TEXT_MAX) {
        errno = EINVAL;
        return -1;
    }
    bool queue = flags & HRC_SPEECH_QUEUE;
    utterance *u = NULL;
    if (len > 0) {
        u = malloc(sizeof *u + len + 1);
        if (!u) {
            errno = ENOMEM;
            return -1;
        }
        u->next = NULL;
        normalise_lang(u->lang, lang);
        memcpy(u->text, text, len + 1);
    }

    pthread_mutex_lock(&sp->lock);
    if (queue && u && sp->queued >= HRC_SPEECH_QUEUE_MAX) {
        pthread_mutex_unlock(&sp->lock);
        free(u);
        errno = EAGAIN;
        return -1;
    }
    if (!queue)
        flush_locked(sp, true);
    if (u) {
        u->id = ++sp->next_id;
        if (id)
            *id = u->id;
        if (sp->queue_tail)
            sp->queue_tail->next = u;
        else
            sp->queue_head = u;
        sp->queue_tail = u;
        sp->queued++;
        pthread_cond_signal(&sp->work);
    }
    pthread_mutex_unlock(&sp->lock);
    return 0;
}

void hrc_speech_stop(hrc_speech *sp)
{
    pthread_mutex_lock(&sp->lock);
    flush_locked(sp, true);
    pthread_mutex_unlock(&sp->lock);
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void hrc_speech_set_rate(hrc_speech *sp, int words_per_minute)
{
    pthread_mutex_lock(&sp->lock);
    sp->rate = clamp(words_per_minute, HRC_SPEECH_RATE_MIN, HRC_SPEECH_RATE_MAX);
    pthread_mutex_unlock(&sp->lock);
}

int hrc_speech_rate(hrc_speech *sp)
{
    pthread_mutex_lock(&sp->lock);
    int r = sp->rate;
    pthread_mutex_unlock(&sp->lock);
    return r;
}

int hrc_speech_rate_for_step(int step)
{
    /* About a fifth faster or slower a step: 110 to 310 words a minute. */
    static const int rates[] = {110, 130, 150, 175, 205, 250, 310};
    return rates[clamp(step, HRC_SPEECH_STEP_MIN, HRC_SPEECH_STEP_MAX) - HRC_SPEECH_STEP_MIN];
}

void hrc_speech_set_volume(hrc_speech *sp, int percent)
{
    pthread_mutex_lock(&sp->lock);
    sp->volume = clamp(percent, 0, 100);
    pthread_mutex_unlock(&sp->lock);
}

int hrc_speech_volume(hrc_speech *sp)
{
    pthread_mutex_lock(&sp->lock);
    int v = sp->volume;
    pthread_mutex_unlock(&sp->lock);
    return v;
}

size_t hrc_speech_read(hrc_speech *sp, int16_t *out, size_t max)
{
    pthread_mutex_lock(&sp->lock);
    size_t k = sp->ring_count < max ? sp->ring_count : max;
    int volume = sp->volume;
    for (size_t i = 0, at = sp->ring_head; i < k; i++) {
        int32_t s = sp->ring[at];
        out[i] = volume == 100 ? (int16_t)s : (int16_t)(s * volume / 100);
        if (++at == sp->ring_cap)
            at = 0;
    }
    sp->ring_head = (sp->ring_head + k) % sp->ring_cap;
    sp->ring_count -= k;
    sp->read_total += k;
    /* A start mark counts once one of its samples is out, or once all
     * before it is (so utterances with no samples at all pass too); an end
     * mark as soon as the last sample before it is out. */
    bool popped = false;
    while (sp->marks_count) {
        const mark *m = &sp->marks[sp->marks_head];
        bool reached = m->pos < sp->read_total ||
                       (m->pos == sp->read_total && (m->id == 0 || sp->ring_count == 0));
        if (!reached)
            break;
        sp->playing = m->id;
        sp->marks_head = (sp->marks_head + 1) % MARKS_MAX;
        sp->marks_count--;
        popped = true;
    }
    if ((k > 0 || popped) && sp->worker_waiting_room)
        pthread_cond_signal(&sp->work);
    pthread_mutex_unlock(&sp->lock);
    return k;
}

uint64_t hrc_speech_playing(hrc_speech *sp)
{
    pthread_mutex_lock(&sp->lock);
    uint64_t id = sp->playing;
    pthread_mutex_unlock(&sp->lock);
    return id;
}

bool hrc_speech_busy(hrc_speech *sp)
{
    pthread_mutex_lock(&sp->lock);
    bool busy = sp->queue_head || sp->speaking || sp->ring_count > 0;
    pthread_mutex_unlock(&sp->lock);
    return busy;
}

static void problem_message(enum problem p, const char *lang, char *buf, size_t size)
{
    switch (p) {
    case PROBLEM_NO_VOICE:
        snprintf(buf, size, _("no voice for the language \"%s\": spoken with the English voice"),
                 lang);
        break;
    case PROBLEM_SYNTH:
        snprintf(buf, size, _("the speech engine failed on a text in \"%s\""), lang);
        break;
    case PROBLEM_NOMEM:
        snprintf(buf, size, "%s", _("out of memory"));
        break;
    case PROBLEM_TOO_LONG:
        snprintf(buf, size, _("the text is too long to speak (over %d minutes)"),
                 SYNTH_MAX_SECONDS / 60);
        break;
    case PROBLEM_NONE:
        buf[0] = '\0';
        break;
    }
}

bool hrc_speech_problem(hrc_speech *sp, char *buf, size_t size)
{
    pthread_mutex_lock(&sp->lock);
    enum problem p = sp->problem;
    char lang[LANG_MAX];
    memcpy(lang, sp->problem_lang, sizeof lang);
    sp->problem = PROBLEM_NONE;
    pthread_mutex_unlock(&sp->lock);
    if (p == PROBLEM_NONE)
        return false;
    if (buf && size)
        problem_message(p, lang, buf, size);
    return true;
}

int hrc_speech_synth(hrc_speech *sp, const char *text, const char *lang, int16_t **pcm,
                     size_t *count, char *err, size_t err_size)
{
    *pcm = NULL;
    *count = 0;
    if (!text || strlen(text) > HRC_SPEECH_TEXT_MAX) {
        if (err && err_size)
            snprintf(err, err_size, _("the text is too long to speak (over %d bytes)"),
                     HRC_SPEECH_TEXT_MAX);
        return -1;
    }
    synth_job job = {
        .text = text,
        .lang = lang,
        .max = (size_t)sp->sample_rate * SYNTH_MAX_SECONDS,
    };
    pthread_mutex_lock(&sp->lock);
    while (sp->job) /* another thread's render */
        pthread_cond_wait(&sp->done, &sp->lock);
    flush_locked(sp, true);
    sp->job = &job;
    pthread_cond_signal(&sp->work);
    while (!job.done)
        pthread_cond_wait(&sp->done, &sp->lock);
    pthread_mutex_unlock(&sp->lock);
    if (job.problem != PROBLEM_NONE) {
        free(job.pcm);
        if (err && err_size)
            problem_message(job.problem, lang ? lang : "en", err, err_size);
        return -1;
    }
    *pcm = job.pcm;
    *count = job.count;
    return 0;
}
