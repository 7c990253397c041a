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
 * - PINs are kept only as Argon2 hashes (libsodium crypto_pwhash_str); a
 *   check takes a noticeable moment (about 0.1 s) by design.
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
} hrc_progress_result;

/* A short English name of a result, such as "disk full". */
const char *hrc_progress_result_name(int result);

/* ---- Opening and closing -------------------------------------------- */

enum hrc_progress_open_flags {
    HRC_PROGRESS_OPEN_DEFAULT = 0,
    /* Never write: SQLITE_OPEN_READONLY. Does not create a missing store
     * (HRC_PROGRESS_ERR_NOT_FOUND) and never moves a corrupt one aside
     * (HRC_PROGRESS_ERR_IO). Record calls return HRC_PROGRESS_ERR_READONLY. */
    HRC_PROGRESS_OPEN_READONLY = 1 << 0,
    /* For the command line, run by whoever owns the machine: the store
     * starts unlocked for facilitator functions. The kiosk never uses it. */
    HRC_PROGRESS_OPEN_FACILITATOR = 1 << 1,
    /* A second connection, for another thread, to a store this process has
     * just opened (and checked): skips the integrity check, which takes
     * seconds on a large store. */
    HRC_PROGRESS_OPEN_SECONDARY = 1 << 2,
};

enum hrc_progress_open_status {
    HRC_PROGRESS_CREATED = 1 << 0,   /* there was no store: a new one started */
    HRC_PROGRESS_RECOVERED = 1 << 1, /* the old store was unreadable: it was
                                      * moved to info.moved_to, a new one started */
    HRC_PROGRESS_MIGRATED = 1 << 2,  /* an older schema was upgraded */
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

/* ---- PINs ------------------------------------------------------------ */

#define HRC_PIN_MIN_DIGITS 4
#define HRC_PIN_MAX_DIGITS 12
bool hrc_progress_pin_is_valid(const char *pin); /* 4 to 12 ASCII digits */

int hrc_progress_has_facilitator_pin(hrc_progress *s, bool *out);
/*
 * Sets the facilitator PIN: allowed when none is set yet (first kiosk
 * start) or when the store is unlocked. Stores only the hash.
 */
int hrc_progress_set_facilitator_pin(hrc_progress *s, const char *pin);
/*
 * HRC_PROGRESS_OK when pin is right; it then unlocks the facilitator
 * functions until hrc_progress_lock(). HRC_PROGRESS_ERR_PIN when wrong,
 * HRC_PROGRESS_ERR_NO_PIN when none is set. Use it also before leaving
 * kiosk mode.
 */
int hrc_progress_check_facilitator_pin(hrc_progress *s, const char *pin);
void hrc_progress_lock(hrc_progress *s); /* locks the facilitator functions again */
bool hrc_progress_is_unlocked(const hrc_progress *s);

/* ---- Learners -------------------------------------------------------- */

#define HRC_LEARNER_NAME_MAX 128 /* bytes of UTF-8, the terminating NUL included */
#define HRC_PROGRESS_ID_MAX 65   /* module and item ids: [A-Za-z0-9][A-Za-z0-9_.-]{0,63} */

typedef struct hrc_learner_prefs {
    char lang[16];      /* "fr", "en", "es"; "" follows the kiosk */
    int text_size;      /* percent: 100, 150 or 200 */
    bool high_contrast;
} hrc_learner_prefs;

typedef struct hrc_learner {
    int64_t id;                      /* this store's id; what the API takes */
    char uuid[37];                   /* the same person in every export */
    char name[HRC_LEARNER_NAME_MAX]; /* display name, UTF-8 */
    bool has_pin;
    hrc_learner_prefs prefs;
    int64_t created_ms;              /* Unix time, milliseconds, UTC */
} hrc_learner;

/* prefs NULL: defaults (kiosk language, 100 %, normal contrast). pin NULL or
 * "": no learner PIN. The name must be 1..127 bytes of valid UTF-8. */
int hrc_progress_add_learner(hrc_progress *s, const char *name, const char *pin,
                             const hrc_learner_prefs *prefs, int64_t *out_id);
/* Every learner, by name, for the sign-in screen (names only are shown there;
 * no progress). Free with free(). On NULL store: 0 learners. */
int hrc_progress_list_learners(hrc_progress *s, hrc_learner **out, size_t *n);
int hrc_progress_get_learner(hrc_progress *s, int64_t learner, hrc_learner *out);
/* HRC_PROGRESS_OK for a learner without PIN, whatever pin is. */
int hrc_progress_check_learner_pin(hrc_progress *s, int64_t learner, const char *pin);
int hrc_progress_set_learner_pin(hrc_progress *s, int64_t learner,
                                 const char *pin); /* NULL or "": removes it */
int hrc_progress_set_learner_prefs(hrc_progress *s, int64_t learner,
                                   const hrc_learner_prefs *prefs);
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
    int attempts;             /* highest quiz attempt number recorded */
    int64_t time_spent_ms;    /* sum over sessions; gaps over 30 min not counted */
    int64_t last_activity_ms; /* Unix ms UTC */
    int64_t n_events;
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

/* ---- Exports and imports (facilitator: unlocked store) -------------- */

/*
 * CSV: one row per learner and module, RFC 4180, UTF-8, CRLF line ends,
 * headers in lang ("en", "fr", "es"; others fall back to English).
 * JSON: an array of xAPI 1.0.3 statements, one per event.
 * Both write FILE.tmp, sync it and rename it over path, so a power cut
 * leaves either the old file or the whole new one.
 */
int hrc_progress_export_csv(hrc_progress *s, const char *path, const char *lang);
int hrc_progress_export_json(hrc_progress *s, const char *path);
/*
 * For the facilitator screen: writes DIR/hrc-progress-<device>-<UTC time>.csv
 * and .json. The paths written go to csv_out and json_out (may be NULL,
 * HRC_PROGRESS_PATH_MAX bytes each).
 */
int hrc_progress_export_to_folder(hrc_progress *s, const char *dir, const char *lang,
                                  char *csv_out, char *json_out);

typedef struct hrc_import_stats {
    size_t statements;  /* read from the file */
    size_t added;       /* new events */
    size_t duplicates;  /* already present (same device id and sequence) */
    size_t learners_added;
} hrc_import_stats;

/*
 * Merges a JSON export (from this or another kiosk) in one transaction:
 * all of it or nothing. Events already present are skipped, so importing
 * the same file twice adds nothing. HRC_PROGRESS_ERR_FORMAT, with the
 * reason in hrc_progress_errmsg(), for anything this player did not write.
 */
int hrc_progress_import_json(hrc_progress *s, const char *path,
                             hrc_import_stats *stats);

#endif
