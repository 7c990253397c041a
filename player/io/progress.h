/*
 * progress.h: the learner progress store of a kiosk.
 *
 * Promises:
 * - An append-only event log is the truth. Every record call has committed
 *   its transaction (SQLite WAL, synchronous=FULL) before it returns, so a
 *   power cut right after a call never loses what the call recorded. Show
 *   feedback to the learner only after the call returned HRC_PROGRESS_OK.
 * - The derived state per learner and module (resume point, completion,
 *   scores, attempts, time spent) is recomputed from the log in the same
 *   transaction as each event, so it always agrees with the log.
 * - Nothing is ever printed: every function returns an hrc_progress_result;
 *   hrc_progress_errmsg() says what went wrong, in one line for the log or
 *   the facilitator screen.
 * - A bad store never crashes the player: a corrupt, truncated or foreign
 *   file is moved aside (progress.db.corrupt-YYYYMMDDTHHMMSSZ, with its -wal
 *   and -shm) and a fresh store starts; the caller is told through
 *   hrc_progress_open_info.
 * - A NULL store means "not recording" (author preview, or the caller chose
 *   to play on after a read-only or full disk): the record calls (sessions,
 *   record, answers, views) and hrc_progress_add_learner() (learner id 0)
 *   on NULL return HRC_PROGRESS_OK and write nothing, so the play screens
 *   need no special case; queries return HRC_PROGRESS_ERR_NOT_FOUND or an
 *   empty list; other learner management, PINs and imports return
 *   HRC_PROGRESS_ERR_READONLY; there is no facilitator PIN
 *   (HRC_PROGRESS_ERR_NO_PIN). hrc_progress_is_recording() tells the two
 *   apart.
 * - Learners only see their own progress: learner functions take the
 *   learner's id. Facilitator functions (everyone's summaries, deleting a
 *   learner, exports, changing the facilitator PIN) need the store to be
 *   unlocked by hrc_progress_check_facilitator_pin().
 * - PINs are kept only as Argon2id hashes (libsodium crypto_pwhash_str),
 *   with a cost measured on the machine the first time a PIN is set (about
 *   0.5 s a check, by design, see hrc_progress_setup_facilitator_pin()).
 *   Every PIN check, learner and facilitator, is throttled: after
 *   HRC_PIN_FREE_TRIES wrong PINs in a row each try waits longer (1 s,
 *   2 s, 4 s ... 5 min); the count is kept in the store, so a restart does
 *   not reset it. While a PIN is locked a check returns
 *   HRC_PROGRESS_ERR_THROTTLED at once, without hashing.
 * - A kiosk's first facilitator PIN can only be chosen through
 *   hrc_progress_setup_facilitator_pin(), the initial set-up (first kiosk
 *   start, or the command line); hrc_progress_set_facilitator_pin() and
 *   hrc_progress_change_facilitator_pin() only ever replace a PIN.
 * - Files are private: the store's folder is 0700, progress.db, its -wal
 *   and -shm and every export 0600, whatever the umask. An existing folder
 *   or store that other users could read is made private when this process
 *   owns it, and reported in hrc_progress_open_info either way.
 * - Each store has an Ed25519 key pair (this kiosk's identity), made with
 *   the store. JSON exports are signed (FILE.json.sig); imports accept only
 *   files signed by this kiosk or by a kiosk this store trusts, and only
 *   events and learners of kiosks it trusts.
 *
 * - The trainer's session (groups, class lists, the class table, item
 *   statistics, resets and merges) lives here too; what a facilitator does
 *   to a learner's record (a reset of a module's attempts, a merge of two
 *   profiles) is an event of the log like any other, exported and imported.
 *
 * Not thread-safe: one store per thread. Several processes may share one
 * store file (WAL, 5 s busy timeout).
 */
#ifndef HRC_PROGRESS_H
#define HRC_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hrc_progress hrc_progress;

typedef enum hrc_progress_result {
    HRC_PROGRESS_OK = 0,
    HRC_PROGRESS_ERR_INVALID,   /* a bad argument (empty name, id too long...) */
    HRC_PROGRESS_ERR_NOT_FOUND, /* no such learner, or nothing recorded yet */
    HRC_PROGRESS_ERR_NOMEM,
    /* The store cannot be written (read-only disk or file) or the disk is
     * full. The player may go on without recording (a NULL store), but only
     * if the caller decides so and says so on screen. */
    HRC_PROGRESS_ERR_READONLY,
    HRC_PROGRESS_ERR_FULL,
    HRC_PROGRESS_ERR_BUSY,      /* another process held the store over 5 s */
    HRC_PROGRESS_ERR_IO,        /* any other failure of the disk or database */
    HRC_PROGRESS_ERR_TOO_NEW,   /* the store was written by a newer player */
    HRC_PROGRESS_ERR_PIN,       /* wrong PIN */
    HRC_PROGRESS_ERR_PIN_FORMAT,/* a PIN must be 4 to 12 digits */
    HRC_PROGRESS_ERR_NO_PIN,    /* no facilitator PIN has been set yet */
    HRC_PROGRESS_ERR_LOCKED,    /* a facilitator function on a locked store */
    HRC_PROGRESS_ERR_FORMAT,    /* an import file that is not an hrc-player export */
    /* Too many wrong PINs in a row: hrc_progress_wait_ms() says how long to
     * wait before the next try. Nothing was hashed. */
    HRC_PROGRESS_ERR_THROTTLED,
    HRC_PROGRESS_ERR_NAME,      /* a learner's name refused: see core/names.h */
    HRC_PROGRESS_ERR_UNSIGNED,  /* an import without its signature file */
    /* The signature does not match the file (changed after it was signed)
     * or is not a signature file at all. */
    HRC_PROGRESS_ERR_SIGNATURE,
    /* Signed by a kiosk this store does not trust, or carrying events or
     * learners of such a kiosk. */
    HRC_PROGRESS_ERR_UNTRUSTED,
    /* A read-only open found the store damaged: it was left as it is; the
     * message says where the player moves it aside at its next start. */
    HRC_PROGRESS_ERR_DAMAGED,
} hrc_progress_result;

/* A short English name of a result, such as "disk full". */
const char *hrc_progress_result_name(int result);

/* ---- Opening and closing -------------------------------------------- */

enum hrc_progress_open_flags {
    HRC_PROGRESS_OPEN_DEFAULT = 0,
    /* Never write: SQLITE_OPEN_READONLY. Does not create a missing store
     * (HRC_PROGRESS_ERR_NOT_FOUND), never moves a damaged one aside
     * (HRC_PROGRESS_ERR_DAMAGED), never upgrades an older schema and never
     * changes file modes (it only reports them). Record calls return
     * HRC_PROGRESS_ERR_READONLY. */
    HRC_PROGRESS_OPEN_READONLY = 1 << 0,
    /* For the command line, run by whoever owns the machine: the store
     * starts unlocked for facilitator functions. The kiosk never uses it. */
    HRC_PROGRESS_OPEN_FACILITATOR = 1 << 1,
    /* For tests only: new PIN hashes use libsodium's minimum cost, so that
     * suites under a sanitizer stay fast, and old hashes are never
     * upgraded. The player passes it only when the environment variable
     * HRC_FAST_PIN_HASH=1 is set (player/app). */
    HRC_PROGRESS_OPEN_FAST_PIN_HASH = 1 << 2,
    /* A second connection, for another thread, to a store this process has
     * just opened (and checked): skips the integrity check, which takes
     * seconds on a large store. */
    HRC_PROGRESS_OPEN_SECONDARY = 1 << 3,
};

enum hrc_progress_open_status {
    HRC_PROGRESS_CREATED = 1 << 0,   /* there was no store: a new one started */
    HRC_PROGRESS_RECOVERED = 1 << 1, /* the old store was unreadable: it was
                                      * moved to info.moved_to, a new one started */
    HRC_PROGRESS_MIGRATED = 1 << 2,  /* an older schema was upgraded */
    /* The store's folder or files could be read or written by other users
     * of the machine and belonged to this process's user: they were made
     * private (0700 and 0600). info.exposed and info.warning say which. */
    HRC_PROGRESS_TIGHTENED = 1 << 3,
    /* The same, but they belong to another user (or the store was opened
     * read-only), so they were left as they are. */
    HRC_PROGRESS_EXPOSED = 1 << 4,
};

#define HRC_PROGRESS_PATH_MAX 4096
#define HRC_PROGRESS_MSG_MAX 512

typedef struct hrc_progress_open_info {
    unsigned status;                        /* enum hrc_progress_open_status */
    char path[HRC_PROGRESS_PATH_MAX];       /* the store file */
    char moved_to[HRC_PROGRESS_PATH_MAX];   /* with HRC_PROGRESS_RECOVERED */
    /* On failure: why. On success with RECOVERED: a notice for the
     * facilitator screen and the log. Otherwise empty. */
    char message[HRC_PROGRESS_MSG_MAX];
    /* With TIGHTENED or EXPOSED: the first folder or file concerned, its
     * mode before (such as 0755), and a notice for stderr and the
     * facilitator screen. */
    char exposed[HRC_PROGRESS_PATH_MAX];
    unsigned exposed_mode;
    char warning[HRC_PROGRESS_MSG_MAX];
} hrc_progress_open_info;

/*
 * The folder where progress lives: data_dir when not NULL, else
 * $XDG_DATA_HOME/hrc-player, else $HOME/.local/share/hrc-player.
 * HRC_PROGRESS_ERR_INVALID when none applies or the path is too long.
 */
int hrc_progress_default_dir(const char *data_dir, char *out, size_t size);

/*
 * Opens (creating the folders and the store as needed) DIR/progress.db,
 * where DIR comes from hrc_progress_default_dir(data_dir). flags is a
 * bitwise OR of enum hrc_progress_open_flags. info may be NULL.
 * On error *out is NULL and info->message says why; a read-only or full
 * disk gives HRC_PROGRESS_ERR_READONLY / HRC_PROGRESS_ERR_FULL.
 */
int hrc_progress_open(const char *data_dir, unsigned flags, hrc_progress **out,
                      hrc_progress_open_info *info);
void hrc_progress_close(hrc_progress *s); /* NULL is fine */

/* The last error's message, or "" ("not recording" for NULL). */
const char *hrc_progress_errmsg(const hrc_progress *s);
bool hrc_progress_is_recording(const hrc_progress *s); /* false for NULL and read-only */
/* This store's device id: 32 lowercase hex digits, random, made at creation. */
const char *hrc_progress_device_id(const hrc_progress *s);
int hrc_progress_schema_version(const hrc_progress *s); /* 0 for NULL */

/*
 * The clock used for PIN throttling: Unix time in milliseconds. NULL
 * restores the system's clock. For tests, which pass a fake clock.
 */
typedef int64_t (*hrc_progress_clock)(void *ctx);
void hrc_progress_set_clock(hrc_progress *s, hrc_progress_clock clock, void *ctx);

/* ---- PINs ------------------------------------------------------------ */

#define HRC_PIN_MIN_DIGITS 4
#define HRC_PIN_MAX_DIGITS 12             /* the longest PIN an entry field takes */
#define HRC_FACILITATOR_PIN_MAX_DIGITS 12 /* the facilitator's: 4 to 12 digits */
#define HRC_LEARNER_PIN_MAX_DIGITS 8      /* learners': 4 to 8 digits */
bool hrc_progress_pin_is_valid(const char *pin);         /* facilitator: 4 to 12 digits */
bool hrc_progress_learner_pin_is_valid(const char *pin); /* learner: 4 to 8 digits */

/*
 * Throttling. Wrong PINs in a row are counted per learner and for the
 * facilitator, in the store; a right PIN resets the count. From the
 * HRC_PIN_FREE_TRIES-th wrong PIN on, the next try must wait
 * hrc_progress_pin_delay_ms(count) after the last wrong one: 1 s, then
 * twice as long each time, at most HRC_PIN_MAX_WAIT_MS.
 * When the clock is found earlier than the last wrong PIN (set back by
 * hand, or a machine without a real-time clock), the wait starts again,
 * whole, from the present time: setting the clock back never shortens a
 * wait, and never makes it last longer than one whole delay.
 */
#define HRC_PIN_FREE_TRIES 3
#define HRC_PIN_MAX_WAIT_MS (5 * 60 * 1000)
int64_t hrc_progress_pin_delay_ms(int failures); /* 0 below HRC_PIN_FREE_TRIES */

typedef struct hrc_pin_lock {
    int failures;    /* wrong PINs in a row */
    int64_t wait_ms; /* 0: a PIN may be tried now; else the time left to wait */
} hrc_pin_lock;

/* After a check returned HRC_PROGRESS_ERR_THROTTLED or HRC_PROGRESS_ERR_PIN:
 * how long before the next try (0: at once). For the on-screen countdown. */
int64_t hrc_progress_wait_ms(const hrc_progress *s);

int hrc_progress_has_facilitator_pin(hrc_progress *s, bool *out);
/*
 * The initial set-up: chooses the kiosk's first facilitator PIN. Only when
 * none is set yet (else HRC_PROGRESS_ERR_LOCKED, nothing changed). Only the
 * kiosk's first-start screen and `hrc-player --set-facilitator-pin` call
 * it, never the Ctrl+Alt+F facilitator screen. Unlocks the store.
 */
int hrc_progress_setup_facilitator_pin(hrc_progress *s, const char *pin);
/*
 * Replaces the facilitator PIN without the old one: only on an unlocked
 * store (the command line, run by whoever owns the machine: the way back
 * from a forgotten PIN) and only when a PIN is set already (else
 * HRC_PROGRESS_ERR_NO_PIN: use the initial set-up). Resets the throttling.
 */
int hrc_progress_set_facilitator_pin(hrc_progress *s, const char *pin);
/*
 * The facilitator screen's "change PIN": checks old_pin as
 * hrc_progress_check_facilitator_pin() does (throttled, counted), then
 * sets new_pin. HRC_PROGRESS_ERR_PIN_FORMAT (checked first, no try used)
 * when new_pin is not 4 to 12 digits.
 */
int hrc_progress_change_facilitator_pin(hrc_progress *s, const char *old_pin,
                                        const char *new_pin);
/*
 * HRC_PROGRESS_OK when pin is right; it then unlocks the facilitator
 * functions until hrc_progress_lock(). HRC_PROGRESS_ERR_PIN when wrong,
 * HRC_PROGRESS_ERR_THROTTLED while locked by wrong tries,
 * HRC_PROGRESS_ERR_NO_PIN when none is set. Use it also before leaving
 * kiosk mode. A try is counted before the (slow) hash is checked, so that
 * stopping the player during a check gives no free try.
 */
int hrc_progress_check_facilitator_pin(hrc_progress *s, const char *pin);
int hrc_progress_facilitator_pin_lock(hrc_progress *s, hrc_pin_lock *out);
void hrc_progress_lock(hrc_progress *s); /* locks the facilitator functions again */
bool hrc_progress_is_unlocked(const hrc_progress *s);

/* ---- Kiosk settings ---------------------------------------------------- */

/* Learner PINs required: new profiles must choose one, and learners
 * without one are asked for one at sign-in (hrc_progress_learner_must_set_pin).
 * Off by default. Setting it needs the facilitator (unlocked store). */
int hrc_progress_learner_pins_required(hrc_progress *s, bool *out);
int hrc_progress_set_learner_pins_required(hrc_progress *s, bool on);
/* Classroom mode: the sign-in screen lists every learner instead of
 * finding them from the first letters of their name. Off by default.
 * Setting it needs the facilitator. On a NULL store both read false. */
int hrc_progress_show_learners(hrc_progress *s, bool *out);
int hrc_progress_set_show_learners(hrc_progress *s, bool on);

/* ---- Learners -------------------------------------------------------- */

/* Bytes of UTF-8, the terminating NUL included: 64 characters of up to 4
 * bytes (core/names.h). */
#define HRC_LEARNER_NAME_MAX 257
#define HRC_PROGRESS_ID_MAX 65   /* module and item ids: [A-Za-z0-9][A-Za-z0-9_.-]{0,63} */

/* A learner's choice about spoken guidance (hrc_learner_prefs.speech). */
enum hrc_speech_pref {
    HRC_SPEECH_PREF_UNSET = 0, /* never chosen: the kiosk's setting (--speech) */
    HRC_SPEECH_PREF_OFF = 1,
    HRC_SPEECH_PREF_ON = 2,
};
#define HRC_SPEECH_RATE_STEP_MIN (-3) /* slowest; 0 is the normal rate */
#define HRC_SPEECH_RATE_STEP_MAX 3

typedef struct hrc_learner_prefs {
    char lang[16];      /* "fr", "en", "es"; "" follows the kiosk */
    int text_size;      /* percent: 100, 150 or 200 */
    bool high_contrast;
    int speech;         /* enum hrc_speech_pref; zeroed prefs leave it unset */
    int speech_rate;    /* HRC_SPEECH_RATE_STEP_MIN to _MAX */
} hrc_learner_prefs;

typedef struct hrc_learner {
    int64_t id;                      /* this store's id; what the API takes */
    char uuid[37];                   /* the same person in every export */
    char name[HRC_LEARNER_NAME_MAX]; /* display name, UTF-8 */
    bool has_pin;
    bool pin_reset;                  /* reset by the facilitator: choose a new one */
    int pin_failures;                /* wrong PINs in a row */
    hrc_learner_prefs prefs;
    int64_t created_ms;              /* Unix time, milliseconds, UTC */
    int64_t group_id;                /* the learner's group; 0: none */
} hrc_learner;

/*
 * prefs NULL: defaults (kiosk language, 100 %, normal contrast). pin NULL
 * or "": no learner PIN (HRC_PROGRESS_ERR_PIN_FORMAT when the kiosk
 * requires one); else 4 to 8 digits. The name is trimmed and checked by
 * hrc_name_clean() (core/names.h): HRC_PROGRESS_ERR_NAME when refused.
 */
int hrc_progress_add_learner(hrc_progress *s, const char *name, const char *pin,
                             const hrc_learner_prefs *prefs, int64_t *out_id);
/* Every learner, by name. Free with free(). On NULL store: 0 learners. The
 * sign-in screen shows this list only in classroom mode
 * (hrc_progress_show_learners); otherwise it uses hrc_progress_find_learners. */
int hrc_progress_list_learners(hrc_progress *s, hrc_learner **out, size_t *n);
/* The learners whose name starts with typed (hrc_name_matches: case and
 * accents ignored), by name. "" finds nobody. Free with free(). */
int hrc_progress_find_learners(hrc_progress *s, const char *typed, hrc_learner **out,
                               size_t *n);
int hrc_progress_get_learner(hrc_progress *s, int64_t learner, hrc_learner *out);
/*
 * HRC_PROGRESS_OK for a learner without PIN, whatever pin is (then ask
 * hrc_progress_learner_must_set_pin). Throttled like the facilitator's:
 * HRC_PROGRESS_ERR_PIN, HRC_PROGRESS_ERR_THROTTLED (hrc_progress_wait_ms).
 */
int hrc_progress_check_learner_pin(hrc_progress *s, int64_t learner, const char *pin);
/*
 * After sign-in: true when the learner must choose a new PIN before going
 * on, because the facilitator reset it, or because the kiosk requires
 * learner PINs and this learner has none (an imported learner, or one who
 * signed up before PINs were required).
 */
int hrc_progress_learner_must_set_pin(hrc_progress *s, int64_t learner, bool *out);
/*
 * Sets a learner's PIN (4 to 8 digits) without the old one: allowed when
 * the learner has none (a new profile, after a reset) or on an unlocked
 * store; HRC_PROGRESS_ERR_LOCKED otherwise (use the change call). NULL or
 * "" removes the PIN: facilitator only, and refused when the kiosk requires
 * learner PINs.
 */
int hrc_progress_set_learner_pin(hrc_progress *s, int64_t learner, const char *pin);
/* Settings' "change my PIN": checks old_pin (throttled, counted; ignored
 * when the learner has no PIN), then sets new_pin (NULL or "": removes it,
 * unless the kiosk requires PINs). */
int hrc_progress_change_learner_pin(hrc_progress *s, int64_t learner, const char *old_pin,
                                    const char *new_pin);
/* Facilitator (unlocked store): forgets the learner's PIN; the learner
 * chooses a new one at next sign-in. Clears the learner's throttling. */
int hrc_progress_reset_learner_pin(hrc_progress *s, int64_t learner);
int hrc_progress_learner_pin_lock(hrc_progress *s, int64_t learner, hrc_pin_lock *out);
/* Facilitator (unlocked store): forgets the learner's wrong tries. */
int hrc_progress_clear_learner_pin_lock(hrc_progress *s, int64_t learner);
int hrc_progress_set_learner_prefs(hrc_progress *s, int64_t learner,
                                   const hrc_learner_prefs *prefs);
/* The name as hrc_progress_add_learner() takes it. */
int hrc_progress_rename_learner(hrc_progress *s, int64_t learner, const char *name);
/*
 * Facilitator (unlocked store): deletes the learner with every event and
 * summary of theirs. The one exception to the append-only log, for privacy.
 */
int hrc_progress_delete_learner(hrc_progress *s, int64_t learner);

/* ---- Recording ------------------------------------------------------- */

typedef enum hrc_verb {
    HRC_VERB_LAUNCHED,  /* a module was opened */
    HRC_VERB_VIEWED,    /* a page, timeline or case study was shown */
    HRC_VERB_ANSWERED,  /* one question answered */
    HRC_VERB_PASSED,    /* a quiz attempt ended above its pass mark */
    HRC_VERB_FAILED,    /* a quiz attempt ended below it */
    HRC_VERB_COMPLETED, /* the module's completion rule was met */
    HRC_VERB_SUSPENDED, /* the learner left the module before the end */
    HRC_VERB_RESUMED,   /* a module was opened again after a suspension */
    /* The facilitator's own events, recorded only by the calls of
     * "Facilitator actions" below (hrc_progress_record refuses them). */
    HRC_VERB_RESET,     /* the module's quiz attempts start again */
    HRC_VERB_MERGED,    /* another profile of the same person was merged in */
    HRC_VERB_COUNT
} hrc_verb;

typedef enum hrc_session_end {
    HRC_END_NONE,         /* the session goes on */
    HRC_END_NORMAL,       /* the learner left or finished */
    HRC_END_IDLE_TIMEOUT, /* kiosk: nobody answered "Are you still there?" */
    HRC_END_SIGN_OUT,     /* the learner signed out */
    HRC_END_QUIT,         /* the player was closed */
    HRC_END_COUNT
} hrc_session_end;

const char *hrc_verb_name(hrc_verb verb);               /* "answered" */
const char *hrc_session_end_name(hrc_session_end end);  /* "idle-timeout" */

/* Which module, exactly: the content hash tells module versions apart. */
typedef struct hrc_module_ref {
    const char *module_id;    /* hrc_module.id */
    int module_version;       /* hrc_module.version */
    const char *content_hash; /* hrc_module.content_hash; may be NULL */
} hrc_module_ref;

/* One learner in one module, from launch to suspension or completion. */
typedef struct hrc_session {
    int64_t learner_id;
    char module_id[HRC_PROGRESS_ID_MAX];
    int module_version;
    char content_hash[65];
    char id[37];      /* UUID v4; the xAPI registration */
    bool active;      /* false after hrc_progress_end_session() */
} hrc_session;

/*
 * Starts a session: records "resumed" when the learner has been in this
 * module before and has not completed it, else "launched". Committed on
 * return. On a NULL store the session is filled in and nothing is written.
 */
int hrc_progress_begin_session(hrc_progress *s, int64_t learner,
                               const hrc_module_ref *module, hrc_session *out);

/* What happened, for hrc_progress_record(). Unused fields stay zero. */
typedef struct hrc_progress_event {
    hrc_verb verb;
    const char *item_id;   /* page, quiz or question id; NULL for the module */
    int item_revision;     /* the question's rev; 0 when none */
    /* Results (answered, passed, failed, completed). */
    const char *response;  /* what was answered, as text; may be NULL */
    bool has_success;
    bool success;          /* answered: correct; passed/failed: implied */
    bool has_score;
    double score;          /* 0..1 */
    int hints_used;
    int attempt;           /* 1-based quiz attempt; 0 when not a quiz */
    int64_t duration_ms;   /* time on the item; suspended/completed: the session */
    hrc_session_end end;   /* suspended/completed: how the session ended */
    int64_t time_ms;       /* Unix ms UTC; 0: now */
} hrc_progress_event;

/*
 * Appends one event to the log and refreshes the learner's summary, in one
 * transaction, committed and synced before it returns. *out_seq (may be
 * NULL) gets the event's sequence number on this device (0 on a NULL
 * store). On HRC_PROGRESS_ERR_FULL/READONLY nothing was recorded.
 */
int hrc_progress_record(hrc_progress *s, const hrc_session *session,
                        const hrc_progress_event *event, int64_t *out_seq);

/* Shorthand for the quiz screen: an "answered" event. */
int hrc_progress_record_answer(hrc_progress *s, const hrc_session *session,
                               const char *question_id, int revision,
                               const char *response, bool correct, double score,
                               int hints_used, int attempt, int64_t duration_ms,
                               int64_t *out_seq);
/* Shorthand: a "viewed" event for a page, timeline or case study. */
int hrc_progress_record_view(hrc_progress *s, const hrc_session *session,
                             const char *item_id, int64_t duration_ms);
/*
 * Ends a session: verb is HRC_VERB_SUSPENDED or HRC_VERB_COMPLETED, end says
 * why (HRC_END_IDLE_TIMEOUT for the kiosk idle time-out). The session's
 * duration is computed by the store. session->active becomes false.
 */
int hrc_progress_end_session(hrc_progress *s, hrc_session *session,
                             hrc_verb verb, hrc_session_end end);

/*
 * Calls fn(user) after each hrc_progress_end_session() that committed (a
 * module finished or left), on the calling thread, before that returns:
 * the background sync (io/lrs_worker.h) is poked this way. fn must be quick
 * and must not use this store. fn NULL removes it; nothing on a NULL store.
 */
void hrc_progress_on_session_end(hrc_progress *s, void (*fn)(void *user), void *user);

/* ---- Derived state ------------------------------------------------- */

typedef enum hrc_success {
    HRC_SUCCESS_UNKNOWN, /* no quiz result yet */
    HRC_SUCCESS_PASSED,  /* passed at least once */
    HRC_SUCCESS_FAILED,  /* only failed so far */
} hrc_success;

typedef struct hrc_module_progress {
    int64_t learner_id;
    char learner_name[HRC_LEARNER_NAME_MAX];
    char module_id[HRC_PROGRESS_ID_MAX];
    int module_version;                     /* of the latest event */
    char resume_item[HRC_PROGRESS_ID_MAX];  /* last item seen or answered; "" */
    bool completed;
    hrc_success success;
    bool has_score;           /* best/last come from passed/failed events */
    double best_score;        /* 0..1 */
    double last_score;
    /* Since the latest reset (hrc_progress_reset_attempts), if any:
     * completed, success, has_score, best_score, last_score, attempts. */
    int attempts;             /* highest quiz attempt number recorded (started or finished; see hrc_item_progress for finished ones) */
    int64_t time_spent_ms;    /* sum over sessions; gaps over 30 min not counted */
    int64_t last_activity_ms; /* Unix ms UTC */
    int64_t n_events;
    int resets;               /* times the facilitator reset the module's attempts */
    int64_t completed_ms;     /* when it was (last) completed; 0: not completed */
} hrc_module_progress;

/* One learner, one module. HRC_PROGRESS_ERR_NOT_FOUND when never started.
 * After a restart or crash, out->resume_item is where to go back to. */
int hrc_progress_get_module(hrc_progress *s, int64_t learner, const char *module_id,
                            hrc_module_progress *out);
/* One learner's modules, most recent first. Free with free(). */
int hrc_progress_list_modules(hrc_progress *s, int64_t learner,
                              hrc_module_progress **out, size_t *n);
/* Facilitator (unlocked store): everyone's, by learner name then module. */
int hrc_progress_list_all(hrc_progress *s, hrc_module_progress **out, size_t *n);
/* Recomputes every summary from the log (after a migration, for checks). */
int hrc_progress_rebuild_summaries(hrc_progress *s);

/* ---- Reading places ---------------------------------------------------
 * Where a learner stopped reading in a module: the item and how far down
 * it, in thousandths of its length (so that it holds at another window
 * size or text size). One place a module, the latest; kept beside the log,
 * never exported nor synced; deleted with the learner (and with a profile
 * merged into another). */
int hrc_progress_set_reading_place(hrc_progress *s, int64_t learner, const char *module_id,
                                   const char *item_id, int permille);
/* HRC_PROGRESS_ERR_NOT_FOUND when none was kept (item_id "", permille 0). */
int hrc_progress_reading_place(hrc_progress *s, int64_t learner, const char *module_id,
                               char item_id[HRC_PROGRESS_ID_MAX], int *permille);

/* What the log says of one item (page, timeline, case study or quiz) of a
 * module, for the learner's ticks and quiz attempts (progress_items.c).
 * After a reset of the module (hrc_progress_reset_attempts) the quiz
 * fields count only what came after it, so the next attempt is number 1
 * again; viewed counts every event. */
typedef struct hrc_item_progress {
    char item_id[HRC_PROGRESS_ID_MAX];
    bool viewed;           /* a "viewed" event: pages, timelines, case studies */
    bool has_score;        /* quizzes: at least one finished attempt */
    double best_score;     /* 0..1, of the finished attempts */
    bool passed;           /* a finished attempt passed */
    int finished_attempts; /* the highest attempt number that ended (passed or failed) */
} hrc_item_progress;

/* Every item of the module the learner has an event for, by id. Free with
 * free(). On a NULL store: none. */
int hrc_progress_list_items(hrc_progress *s, int64_t learner, const char *module_id,
                            hrc_item_progress **out, size_t *n);

/* One recorded answer. */
typedef struct hrc_answer_record {
    char question_id[HRC_PROGRESS_ID_MAX];
    char response[512];    /* as hrc_response_format() wrote it */
    double score;          /* 0..1 */
    int hints_used;
} hrc_answer_record;

/* The answers the learner gave in the module during quiz attempt number
 * `attempt` since the module's latest reset, oldest first (a question
 * answered twice appears twice; the later one wins). Free with free(). On
 * a NULL store: none. */
int hrc_progress_list_answers(hrc_progress *s, int64_t learner, const char *module_id,
                              int attempt, hrc_answer_record **out, size_t *n);

/* ---- Groups (a training session: "Rouen, 12 March") ---------------- */

/*
 * A learner belongs to one group or to none. While a group is open
 * (hrc_progress_set_open_group), every learner created (sign-up,
 * hrc_progress_add_learner, a class list import line without a group)
 * joins it. Group names follow the rule of learners' names (core/names.h)
 * and are unique, case ignored. Creating, changing and deleting groups,
 * moving learners and opening a group need the facilitator (unlocked
 * store); reading them does not (the sign-in screen shows the open
 * group). Deleting a group leaves its learners in no group.
 * Where a call takes a group to filter by: HRC_GROUP_ALL (everyone),
 * HRC_GROUP_NONE (learners in no group) or a group's id.
 */
#define HRC_GROUP_ALL 0
#define HRC_GROUP_NONE (-1)
#define HRC_GROUP_NAME_MAX HRC_LEARNER_NAME_MAX

typedef struct hrc_group {
    int64_t id;
    char name[HRC_GROUP_NAME_MAX];
    char day[11];          /* "2026-03-12", or "" when not given */
    int64_t created_ms;
    size_t n_learners;
} hrc_group;

/* day: "YYYY-MM-DD" (a real date) or NULL/"" for none. HRC_PROGRESS_ERR_NAME
 * for a refused name, HRC_PROGRESS_ERR_INVALID for a bad day or a name
 * another group has. */
int hrc_progress_add_group(hrc_progress *s, const char *name, const char *day,
                           int64_t *out_id);
/* The same checks; NULL name or day: unchanged. */
int hrc_progress_update_group(hrc_progress *s, int64_t group, const char *name,
                              const char *day);
int hrc_progress_delete_group(hrc_progress *s, int64_t group);
/* Every group, the latest day first (groups without a day last), then by
 * name. Free with free(). On a NULL store or a store older than version 6
 * opened read-only: none. */
int hrc_progress_list_groups(hrc_progress *s, hrc_group **out, size_t *n);
int hrc_progress_get_group(hrc_progress *s, int64_t group, hrc_group *out);
/* The group called name (trimmed, case ignored): HRC_PROGRESS_ERR_NOT_FOUND
 * when there is none. For the command line's --group NAME. */
int hrc_progress_find_group(hrc_progress *s, const char *name, hrc_group *out);
/* Moves a learner into group (0: into no group). */
int hrc_progress_set_learner_group(hrc_progress *s, int64_t learner, int64_t group);
/* The group new learners join (0: none). Reading needs no PIN. */
int hrc_progress_open_group(hrc_progress *s, int64_t *out);
int hrc_progress_set_open_group(hrc_progress *s, int64_t group); /* 0 closes it */
/* Learners in group (HRC_GROUP_ALL, HRC_GROUP_NONE or an id), by name.
 * Facilitator. Free with free(). */
int hrc_progress_list_group_learners(hrc_progress *s, int64_t group, hrc_learner **out,
                                     size_t *n);

/* ---- Class lists (--import-class; a USB stick) ---------------------- */

/*
 * A class list is a text file of learners' names, one a line, with an
 * optional second column naming each one's group (docs/trainer.md):
 * - UTF-8 (with or without a byte order mark) or, when the bytes are not
 *   UTF-8, Latin-1 as Windows writes it (Windows-1252); UTF-16 is refused;
 * - fields separated by ';', ',' or tabs (the one found on most of the
 *   first lines), quoted with '"' as in RFC 4180 when they hold one;
 * - an optional header line, recognised by its words (Name, Nom, Nombre,
 *   First name / Last name, Prénom / Nom, Nombre / Apellidos, Group,
 *   Groupe, Grupo...), which may put the columns in any order and name
 *   first and last names apart (they are joined, first name first);
 *   without a header, the name comes first and the group second;
 * - empty lines are skipped.
 * Each name is checked by hrc_name_clean(); a name that is the same
 * (hrc_name_same) as an earlier line's or an existing learner's is a
 * duplicate: reported and skipped, never added twice. Any other problem
 * (a refused name or group name, a quote left open, more fields than a
 * name and a group) refuses the whole file: nothing is added, and every
 * problem is reported with its line number. Groups named in the file, and
 * opts->group, are created when no group has that name (case ignored).
 * Lines without a group join opts->group, else the open group, else none.
 * Imported
 * learners have no PIN (when the kiosk requires one, they choose it at
 * their first sign-in). One transaction: all of it or nothing.
 */
#define HRC_ROSTER_MAX_BYTES (4 * 1024 * 1024)
#define HRC_ROSTER_MAX_LINES 20000

typedef enum hrc_roster_issue_kind {
    /* Errors: the file is refused. */
    HRC_ROSTER_BAD_NAME,   /* detail: hrc_name_problem_text() of the name */
    HRC_ROSTER_BAD_GROUP,  /* the group's name is refused */
    HRC_ROSTER_BAD_LINE,   /* a quote left open, too many fields, no name */
    /* Warnings: the line is skipped. */
    HRC_ROSTER_DUPLICATE,  /* the same name as line other_line */
    HRC_ROSTER_EXISTS,     /* a learner with this name is already here */
    HRC_ROSTER_IGNORED_COLUMN, /* a header column that is neither name nor group */
} hrc_roster_issue_kind;

typedef struct hrc_roster_issue {
    size_t line;                       /* 1-based, in the file */
    hrc_roster_issue_kind kind;
    bool error;                        /* the first three kinds */
    size_t other_line;                 /* HRC_ROSTER_DUPLICATE */
    char name[HRC_LEARNER_NAME_MAX];   /* the name (or column) concerned, trimmed, valid UTF-8 */
    /* The whole problem as one line in the interface language, such as
     * "line 7: Marie Dupont is already on line 3; skipped". */
    char message[HRC_LEARNER_NAME_MAX + 256];
} hrc_roster_issue;

typedef struct hrc_roster_options {
    const char *group; /* the group of lines without one; NULL: the open group */
    bool dry_run;      /* check and count, but add nothing (a preview) */
} hrc_roster_options;

typedef struct hrc_roster_report {
    const char *encoding;  /* "UTF-8" or "Windows-1252" (static) */
    char separator;        /* ';', ',', '\t', or 0 for one column */
    bool header;
    size_t lines;          /* lines with a learner (not empty, not the header) */
    size_t learners_added; /* with dry_run: that would be added */
    size_t groups_added;
    size_t skipped;        /* duplicates, in the file or with learners here */
    size_t errors;         /* problems that refused the file */
    size_t n_issues;       /* at most HRC_ROSTER_MAX_ISSUES are kept */
    hrc_roster_issue *issues;
} hrc_roster_report;
#define HRC_ROSTER_MAX_ISSUES 200

/*
 * Facilitator (unlocked, writable store). HRC_PROGRESS_OK when the file
 * was imported (duplicates skipped are not errors); HRC_PROGRESS_ERR_FORMAT
 * when it was refused (report->errors > 0, report->issues say why, nothing
 * added) or is not a text file (hrc_progress_errmsg() says why);
 * HRC_PROGRESS_ERR_NOT_FOUND for a missing file; HRC_PROGRESS_ERR_NAME for
 * a refused opts->group; store errors as usual. report may be NULL; free
 * it with hrc_roster_report_free().
 */
int hrc_progress_import_class(hrc_progress *s, const char *path, const hrc_roster_options *opts,
                              hrc_roster_report *report);
/* The same from bytes in memory. */
int hrc_progress_import_class_data(hrc_progress *s, const char *data, size_t len,
                                   const hrc_roster_options *opts, hrc_roster_report *report);
void hrc_roster_report_free(hrc_roster_report *report); /* its issues; NULL is fine */

/* ---- Facilitator actions (unlocked store) ---------------------------- */

/*
 * Starts a learner's module again for its quizzes: records a "reset"
 * event (exported like any other, so a report shows it), after which the
 * summary and hrc_progress_list_items()/list_answers() count only what
 * comes later in the log: not completed, no result, no score, attempts 0.
 * The learner's next quiz attempt is therefore number 1 again and has the
 * quiz's full allowance; the attempts before stay in the log (the reset
 * event's attempt field keeps how many there were). Pages viewed stay
 * viewed, and time spent still counts. An attempt left open is dropped.
 * HRC_PROGRESS_ERR_NOT_FOUND when the learner never started the module.
 * *out_seq (may be NULL) gets the event's sequence number.
 */
int hrc_progress_reset_attempts(hrc_progress *s, int64_t learner, const char *module_id,
                                int64_t *out_seq);

typedef struct hrc_merge_stats {
    size_t events_moved;  /* events of the merged profile, now the kept one's */
    size_t modules;       /* modules whose summary was rebuilt */
} hrc_merge_stats;

/*
 * Two profiles of one person become one: every event of `merged` moves to
 * `keep` (nothing is lost), a "merged" event is recorded in each module
 * the merged profile had events in (its response is the merged profile's
 * id), the summaries of those modules are rebuilt, and `merged` is
 * deleted. `keep` keeps its name, PIN, preferences and group. The merged
 * profile's id is remembered, so that importing an older export that
 * names it adds its events to `keep`. One transaction. stats may be NULL.
 * HRC_PROGRESS_ERR_INVALID when keep == merged.
 */
int hrc_progress_merge_learners(hrc_progress *s, int64_t keep, int64_t merged,
                                hrc_merge_stats *stats);

/* ---- The class table (facilitator) ------------------------------------- */

typedef enum hrc_cell_status {
    HRC_CELL_NOT_STARTED, /* no event in the module */
    HRC_CELL_IN_PROGRESS, /* started; no quiz result, not completed */
    HRC_CELL_FAILED,      /* quiz attempts finished, none passed; not completed */
    HRC_CELL_PASSED,      /* a quiz attempt passed; not completed yet */
    HRC_CELL_COMPLETED,   /* the module's completion rule was met */
} hrc_cell_status;

/* One learner in one module. */
typedef struct hrc_class_cell {
    hrc_cell_status status;
    hrc_success success;
    bool has_score;
    double best_score;         /* 0..1 */
    int attempts;              /* quiz attempts since the latest reset */
    int resets;
    int64_t time_spent_ms;
    int64_t last_activity_ms;  /* 0 when not started */
    int64_t completed_ms;      /* when completed; 0 when not */
} hrc_class_cell;

/* One module over the learners of the table. */
typedef struct hrc_class_column {
    char module_id[HRC_PROGRESS_ID_MAX];
    size_t started, completed, passed, failed; /* learners; passed: success PASSED */
} hrc_class_column;

typedef struct hrc_class_table {
    size_t n_learners, n_modules;
    hrc_learner *learners;     /* the rows, by name (hrc_name_key: case and accents ignored) */
    hrc_class_column *columns; /* in the order asked for */
    hrc_class_cell *cells;     /* n_learners x n_modules, row after row */
    int64_t group;             /* as asked for */
} hrc_class_table;

/*
 * Everything the class dashboard and the report show, in two queries:
 * the learners of group (HRC_GROUP_ALL, HRC_GROUP_NONE or an id), and
 * their summaries for the modules module_ids[0..n_modules) (the course's,
 * in its order; NULL: every module the store has, by id). Free with
 * hrc_class_table_free().
 */
int hrc_progress_class_table(hrc_progress *s, int64_t group, const char *const *module_ids,
                             size_t n_modules, hrc_class_table **out);
void hrc_class_table_free(hrc_class_table *t); /* NULL is fine */
const hrc_class_cell *hrc_class_table_cell(const hrc_class_table *t, size_t learner,
                                           size_t module);

typedef enum hrc_class_sort {
    HRC_CLASS_BY_NAME,          /* A to Z, case and accents ignored */
    HRC_CLASS_BY_PROGRESS,      /* most modules completed first, then passed, then name */
    HRC_CLASS_BY_LAST_ACTIVITY, /* most recent first */
} hrc_class_sort;
/* Reorders the rows (cells follow). Stable. */
void hrc_class_table_sort(hrc_class_table *t, hrc_class_sort by);

/* ---- Item statistics (core/itemstats.h) ---------------------------- */

struct hrc_course;
struct hrc_itemstats;

/*
 * Facilitator: feeds every recorded answer of the learners of group
 * (HRC_GROUP_ALL, HRC_GROUP_NONE or an id), oldest first, to a new
 * hrc_itemstats for course; compute and free it with core/itemstats.h.
 */
int hrc_progress_item_stats(hrc_progress *s, const struct hrc_course *course, int64_t group,
                            struct hrc_itemstats **out);
/*
 * Facilitator: the item statistics as CSV (RFC 4180, UTF-8 with a byte
 * order mark, CRLF), hardest first, one row per question, headers and
 * question texts in the interface language; written whole or not at all,
 * privately, as the other exports (docs/trainer.md lists the columns).
 */
int hrc_progress_export_item_stats(hrc_progress *s, const struct hrc_course *course,
                                   int64_t group, const char *path);
/* For the facilitator screen: the same as
 * DIR/hrc-questions-<group's name or "all">-<UTC time>.csv; the path
 * written goes to path_out (HRC_PROGRESS_PATH_MAX bytes, may be NULL). */
int hrc_progress_export_item_stats_to_folder(hrc_progress *s, const struct hrc_course *course,
                                             int64_t group, const char *dir, char *path_out);

/* ---- Exports and imports (facilitator: unlocked store) -------------- */

/*
 * CSV: one row per learner and module, RFC 4180, UTF-8, CRLF line ends,
 * headers in lang ("en", "fr", "es"; others fall back to English).
 * JSON: an array of xAPI 1.0.3 statements, one per event, signed by this
 * kiosk's key in PATH.sig (format: docs/progress.md). Both work on a
 * read-only store; JSON needs a store of the current schema (one the
 * player has opened for writing since its upgrade).
 * Files are written whole or not at all: a temporary file created next to
 * path (mkstemp: never through a link, mode 0600), synced, then renamed
 * over path; on any failure the previous file is left as it was.
 * Text that is not valid UTF-8 in a (tampered) store is written as U+FFFD
 * and counted in hrc_progress_last_export().
 */
int hrc_progress_export_csv(hrc_progress *s, const char *path, const char *lang);
int hrc_progress_export_json(hrc_progress *s, const char *path);
/* The same for the learners of one group (HRC_GROUP_ALL: everyone;
 * HRC_GROUP_NONE: those in no group; or a group's id). */
int hrc_progress_export_csv_group(hrc_progress *s, const char *path, const char *lang,
                                  int64_t group);
int hrc_progress_export_json_group(hrc_progress *s, const char *path, int64_t group);

/*
 * The course the kiosk plays, borrowed until the store is closed or this
 * is called again (NULL: none). With it, the JSON export describes each
 * answer to a fill-in or numeric question the course has (same module id,
 * question id and revision) as xAPI does: object.definition.interactionType
 * "fill-in" or "numeric" and its correctResponsesPattern ("Geneva[,]2019",
 * "{case_matters=true}..." when a blank counts capitals; "2011" or
 * "2010[:]2012" for a number and its tolerance). The recorded response is
 * already in xAPI's form for these two kinds (core/quiz.h), so an import
 * reads back the same events.
 */
struct hrc_course;
void hrc_progress_set_course(hrc_progress *s, const struct hrc_course *course);

typedef struct hrc_export_report {
    size_t records;   /* statements (JSON) or rows (CSV) written */
    size_t replaced;  /* invalid UTF-8 sequences written as U+FFFD */
    char signature[HRC_PROGRESS_PATH_MAX + 8]; /* JSON: the signature file */
} hrc_export_report;
/* What the last successful export of this store wrote (zeros before any). */
const hrc_export_report *hrc_progress_last_export(const hrc_progress *s);
/*
 * For the facilitator screen: writes DIR/hrc-progress-<device>-<UTC time>.csv
 * and .json. The paths written go to csv_out and json_out (may be NULL,
 * HRC_PROGRESS_PATH_MAX bytes each).
 */
int hrc_progress_export_to_folder(hrc_progress *s, const char *dir, const char *lang,
                                  char *csv_out, char *json_out);
/* The same for one group's learners (HRC_GROUP_ALL: everyone). */
int hrc_progress_export_group_to_folder(hrc_progress *s, const char *dir, const char *lang,
                                        int64_t group, char *csv_out, char *json_out);

/* ---- Kiosk keys and trust (docs/progress.md, "Merging kiosks") ------- */

/* "hrc-kiosk-1:<device id>:<public key in base64>" */
#define HRC_KIOSK_KEY_MAX 96
/* "3F2A 9C01 77BE 0D4E": the first 16 hex digits of BLAKE2b-256(public key) */
#define HRC_KIOSK_FINGERPRINT_MAX 20

typedef struct hrc_kiosk {
    char device_id[33];
    char key[HRC_KIOSK_KEY_MAX];                 /* as --kiosk-key prints it */
    char fingerprint[HRC_KIOSK_FINGERPRINT_MAX];
    int64_t trusted_ms;                          /* when trusted; 0 for this kiosk */
} hrc_kiosk;

/* This kiosk's public key and fingerprint (public: no PIN needed).
 * HRC_PROGRESS_ERR_NOT_FOUND on a store of an older schema opened
 * read-only (the key is made when the store is upgraded). */
int hrc_progress_this_kiosk(hrc_progress *s, hrc_kiosk *out);
/*
 * Facilitator (unlocked store): trusts the kiosk whose key text is key (as
 * --kiosk-key prints it; white space around it ignored). out (may be NULL)
 * gets its fingerprint, to compare with the one that kiosk shows. Trusting
 * a kiosk again is fine; this kiosk's own key, or a device id already
 * trusted with another key, is HRC_PROGRESS_ERR_INVALID.
 */
int hrc_progress_trust_kiosk(hrc_progress *s, const char *key, hrc_kiosk *out);
/* Facilitator: stops trusting a kiosk, named by its key text, device id or
 * fingerprint (spaces optional). Its events already imported stay. */
int hrc_progress_untrust_kiosk(hrc_progress *s, const char *which);
/* Facilitator: the kiosks this store trusts, oldest first. Free with free(). */
int hrc_progress_list_trusted_kiosks(hrc_progress *s, hrc_kiosk **out, size_t *n);
/*
 * Who signed an export: path is the export (its PATH.sig is read) or the
 * .sig itself. Checks that the signature is sound (and matches the export
 * when it is there) but not whether the kiosk is trusted. For
 * `--trust-kiosk FILE`. Any open store will do (for its error message).
 */
int hrc_progress_export_signer(hrc_progress *s, const char *path, hrc_kiosk *out);

/* Where a kiosk stands with this store. */
typedef enum hrc_kiosk_standing {
    HRC_KIOSK_UNKNOWN,  /* not trusted here: anyone could have made that key */
    HRC_KIOSK_THIS,     /* this kiosk */
    HRC_KIOSK_TRUSTED,  /* a kiosk this store trusts */
} hrc_kiosk_standing;

/* Reads a key as --kiosk-key prints it into out (device, key text,
 * fingerprint) and public_key (32 bytes; may be NULL). false when it is
 * not such a key. No store needed. */
bool hrc_kiosk_key_parse(const char *text, hrc_kiosk *out, unsigned char *public_key);
/* Whether the kiosk of that key text is this one, a trusted one, or
 * unknown here; known (may be NULL) gets the store's record of it (with
 * trusted_ms). Any open store; NULL: unknown. */
int hrc_progress_kiosk_standing(hrc_progress *s, const char *key, hrc_kiosk_standing *out,
                                hrc_kiosk *known);

/* ---- Certificates (the signing side; the PDFs are io/paper.h) -------- */

#define HRC_CERTIFICATE_MAGIC "hrc-player certificate 1\n"
#define HRC_CERTIFICATE_TRAILER_MAGIC "%hrc-player-certificate-signature 1\n"
#define HRC_CERTIFICATE_NUMBER_MAX 32

/*
 * Facilitator (unlocked, writable store): the next certificate number of
 * this kiosk, "<first 8 hex digits of its fingerprint>-<serial, 6 digits>"
 * such as "3F2A9C01-000042", written in the store's register with the
 * learner's id and scope ("course" or "module ID") and the time
 * (*issued_ms, may be NULL), committed before it returns: a number is
 * never given twice, even when the certificate is not written after all.
 */
int hrc_progress_next_certificate(hrc_progress *s, const char *learner_uuid, const char *scope,
                                  char number[HRC_CERTIFICATE_NUMBER_MAX], int64_t *issued_ms);
/* The same for n learners at once, in one transaction: numbers[i] is
 * learner_uuids[i]'s, in a row. */
int hrc_progress_next_certificates(hrc_progress *s, const char *const *learner_uuids, size_t n,
                                   const char *scope,
                                   char (*numbers)[HRC_CERTIFICATE_NUMBER_MAX],
                                   int64_t *issued_ms);
/*
 * Facilitator: signs text with this kiosk's Ed25519 key (crypto_sign_detached),
 * but only a certificate's text: it must start with HRC_CERTIFICATE_MAGIC
 * or HRC_CERTIFICATE_TRAILER_MAGIC (so that this call can never sign an
 * export's signature file, which starts otherwise). signer (may be NULL)
 * gets this kiosk's key. HRC_PROGRESS_ERR_INVALID for other text.
 */
int hrc_progress_sign_certificate(hrc_progress *s, const void *text, size_t len,
                                  unsigned char signature[64], hrc_kiosk *signer);

typedef struct hrc_import_stats {
    size_t statements;  /* read from the file */
    size_t added;       /* new events */
    size_t duplicates;  /* already present (same device id and sequence) */
    size_t learners_added;
    hrc_kiosk signer;   /* who signed the file, once the signature was read */
    bool signer_trusted;/* the signer is this kiosk or one it trusts */
} hrc_import_stats;

/*
 * Merges a signed JSON export (from this or another kiosk) in one
 * transaction: all of it or nothing. Refused whole, with the reason in
 * hrc_progress_errmsg():
 * - HRC_PROGRESS_ERR_UNSIGNED: no PATH.sig;
 * - HRC_PROGRESS_ERR_SIGNATURE: PATH or PATH.sig changed since signing;
 * - HRC_PROGRESS_ERR_UNTRUSTED: signed by a kiosk this store does not
 *   trust, or a statement whose event was recorded by, or whose learner
 *   belongs to, such a kiosk; or an event said to be recorded by this
 *   kiosk that this kiosk does not have;
 * - HRC_PROGRESS_ERR_FORMAT: anything this player did not write, a member
 *   name twice in one JSON object, two statements with the same id and
 *   different content, a statement whose id is here with different
 *   content, a learner id that belongs to another kiosk here;
 * - HRC_PROGRESS_ERR_NAME: a new learner whose name hrc_name_clean()
 *   refuses (the name is trimmed otherwise).
 * Events already present are skipped, so importing the same file twice
 * adds nothing.
 */
int hrc_progress_import_json(hrc_progress *s, const char *path,
                             hrc_import_stats *stats);

#endif
