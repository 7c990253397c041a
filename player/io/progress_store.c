/*
 * progress_store.c: opening the store: where it lives, the integrity check
 * that moves a bad file aside, the schema and its migrations.
 */
#include "io/progress_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STORE_FILE "progress.db"
#define BUSY_TIMEOUT_MS 5000

/* ---- Schema ----------------------------------------------------------- */

/* Version 1: one kiosk, no device ids. Kept as it was first released, so
 * that every store, new or old, goes through the same migrations. */
static const char schema_v1[] =
    "CREATE TABLE setting(\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE learner(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uuid TEXT NOT NULL UNIQUE,\n"
    "  name TEXT NOT NULL CHECK(length(CAST(name AS BLOB)) BETWEEN 1 AND 127),\n"
    "  pin_hash TEXT,\n"
    "  lang TEXT NOT NULL DEFAULT '',\n"
    "  text_size INTEGER NOT NULL DEFAULT 100 CHECK(text_size IN (100, 150, 200)),\n"
    "  high_contrast INTEGER NOT NULL DEFAULT 0,\n"
    "  created_ms INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE event(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,\n"
    "  session_id TEXT NOT NULL,\n"
    "  module_id TEXT NOT NULL,\n"
    "  module_version INTEGER NOT NULL,\n"
    "  content_hash TEXT NOT NULL DEFAULT '',\n"
    "  item_id TEXT,\n"
    "  item_revision INTEGER NOT NULL DEFAULT 0,\n"
    "  verb TEXT NOT NULL CHECK(verb IN ('launched', 'viewed', 'answered', 'passed',\n"
    "                                   'failed', 'completed', 'suspended', 'resumed')),\n"
    "  response TEXT,\n"
    "  success INTEGER CHECK(success IN (0, 1)),\n"
    "  score REAL CHECK(score BETWEEN 0 AND 1),\n"
    "  hints_used INTEGER NOT NULL DEFAULT 0,\n"
    "  attempt INTEGER NOT NULL DEFAULT 0,\n"
    "  duration_ms INTEGER NOT NULL DEFAULT 0,\n"
    "  time_ms INTEGER NOT NULL,\n"
    "  session_end TEXT NOT NULL DEFAULT 'none'\n"
    ");\n"
    "CREATE INDEX event_by_learner_module ON event(learner_id, module_id, time_ms);\n"
    "CREATE TRIGGER event_append_only BEFORE UPDATE ON event\n"
    "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n"
    "CREATE TABLE summary(\n"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,\n"
    "  module_id TEXT NOT NULL,\n"
    "  module_version INTEGER NOT NULL,\n"
    "  resume_item TEXT NOT NULL DEFAULT '',\n"
    "  completed INTEGER NOT NULL DEFAULT 0,\n"
    "  success INTEGER NOT NULL DEFAULT 0,\n"
    "  best_score REAL,\n"
    "  last_score REAL,\n"
    "  attempts INTEGER NOT NULL DEFAULT 0,\n"
    "  time_spent_ms INTEGER NOT NULL DEFAULT 0,\n"
    "  last_activity_ms INTEGER NOT NULL,\n"
    "  n_events INTEGER NOT NULL,\n"
    "  PRIMARY KEY(learner_id, module_id)\n"
    ") WITHOUT ROWID;\n";

/* Version 2: exports from several kiosks can be merged. Every event gets
 * the id of the device that recorded it and a sequence number on that
 * device; the pair is unique. Old events take this store's new device id
 * and their row id as sequence. The log is append-only, so the trigger is
 * lifted for the back-fill only. */
static const char migrate_v2[] =
    "ALTER TABLE event ADD COLUMN device_id TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE event ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;\n"
    "DROP TRIGGER event_append_only;\n"
    "UPDATE event SET device_id = (SELECT value FROM setting WHERE key = 'device_id'),\n"
    "                 seq = id;\n"
    "CREATE TRIGGER event_append_only BEFORE UPDATE ON event\n"
    "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n"
    "CREATE UNIQUE INDEX event_by_device_seq ON event(device_id, seq);\n";

/* Version 3: trust on a shared kiosk.
 * - Learners get the PIN reset flag (choose a new PIN at next sign-in), the
 *   count of wrong PINs in a row and the time of the last one (throttling
 *   that survives a restart), and the kiosk they belong to (home_device:
 *   imports attach events only to learners of trusted kiosks). Names may
 *   be 64 characters of any script: up to 256 bytes.
 * - SQLite cannot change a CHECK constraint in place, so the learner table
 *   is rebuilt (foreign keys are off during migrations, see migrate()). A
 *   learner's home is the device of their first event, else this kiosk.
 * - This kiosk's Ed25519 key pair (made in C, see migrate_to_v3), and the
 *   kiosks it trusts. */
static const char migrate_v3[] =
    "CREATE TABLE learner_v3(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uuid TEXT NOT NULL UNIQUE,\n"
    "  name TEXT NOT NULL CHECK(length(CAST(name AS BLOB)) BETWEEN 1 AND 256),\n"
    "  pin_hash TEXT,\n"
    "  pin_reset INTEGER NOT NULL DEFAULT 0,\n"
    "  pin_failures INTEGER NOT NULL DEFAULT 0,\n"
    "  pin_last_failure_ms INTEGER NOT NULL DEFAULT 0,\n"
    "  home_device TEXT NOT NULL,\n"
    "  lang TEXT NOT NULL DEFAULT '',\n"
    "  text_size INTEGER NOT NULL DEFAULT 100 CHECK(text_size IN (100, 150, 200)),\n"
    "  high_contrast INTEGER NOT NULL DEFAULT 0,\n"
    "  created_ms INTEGER NOT NULL\n"
    ");\n"
    "INSERT INTO learner_v3(id, uuid, name, pin_hash, home_device, lang, text_size,\n"
    "                       high_contrast, created_ms)\n"
    "  SELECT id, uuid, name, pin_hash,\n"
    "         coalesce((SELECT device_id FROM event e WHERE e.learner_id = learner.id\n"
    "                   ORDER BY time_ms, id LIMIT 1),\n"
    "                  (SELECT value FROM setting WHERE key = 'device_id')),\n"
    "         lang, text_size, high_contrast, created_ms FROM learner;\n"
    "DROP TABLE learner;\n"
    "ALTER TABLE learner_v3 RENAME TO learner;\n"
    "CREATE TABLE kiosk_key(\n"
    "  id INTEGER PRIMARY KEY CHECK(id = 1),\n"
    "  public_key BLOB NOT NULL CHECK(length(public_key) = 32),\n"
    "  secret_key BLOB NOT NULL CHECK(length(secret_key) = 64),\n"
    "  created_ms INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE trusted_kiosk(\n"
    "  device_id TEXT NOT NULL PRIMARY KEY,\n"
    "  public_key BLOB NOT NULL UNIQUE CHECK(length(public_key) = 32),\n"
    "  trusted_ms INTEGER NOT NULL\n"
    ");\n";

/* Version 6: the trainer's session (self-contained: it needs nothing of
 * any other step after version 3).
 * - Groups of learners (a training session: "Rouen, 12 March" and its
 *   day); a learner belongs to one group or none. Deleting a group leaves
 *   its learners in no group.
 * - The event log takes the facilitator's own events: 'reset' (a module's
 *   quiz attempts start again) and 'merged' (two profiles of one person
 *   became one). SQLite cannot widen a CHECK constraint in place, so the
 *   event table is rebuilt with the same columns, indexes and trigger, and
 *   a partial index of the resets (the summary looks for the latest).
 * - The summary counts the resets of each learner's module and keeps when
 *   it was completed (for certificates).
 * - learner_alias: the ids of profiles merged into another, so that an
 *   older export naming them still finds their events here.
 * - certificate: the register of certificates this kiosk issued (their
 *   numbers; the learner by id only, no name). */
static const char migrate_trainer_sql[] =
    "CREATE TABLE learner_group(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL UNIQUE COLLATE NOCASE\n"
    "       CHECK(length(CAST(name AS BLOB)) BETWEEN 1 AND 256),\n"
    "  day TEXT NOT NULL DEFAULT '' CHECK(day = '' OR day GLOB"
    " '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
    "  created_ms INTEGER NOT NULL\n"
    ");\n"
    "ALTER TABLE learner ADD COLUMN group_id INTEGER\n"
    "  REFERENCES learner_group(id) ON DELETE SET NULL;\n"
    "CREATE INDEX learner_by_group ON learner(group_id);\n"
    "ALTER TABLE summary ADD COLUMN resets INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE summary ADD COLUMN completed_ms INTEGER NOT NULL DEFAULT 0;\n"
    "CREATE TABLE learner_alias(\n"
    "  uuid TEXT NOT NULL PRIMARY KEY,\n"
    "  home_device TEXT NOT NULL,\n"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,\n"
    "  merged_ms INTEGER NOT NULL\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX learner_alias_by_learner ON learner_alias(learner_id);\n"
    "CREATE TABLE certificate(\n"
    "  serial INTEGER PRIMARY KEY,\n"
    "  number TEXT NOT NULL UNIQUE,\n"
    "  learner_uuid TEXT NOT NULL,\n"
    "  scope TEXT NOT NULL,\n"
    "  issued_ms INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE event_new(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,\n"
    "  session_id TEXT NOT NULL,\n"
    "  module_id TEXT NOT NULL,\n"
    "  module_version INTEGER NOT NULL,\n"
    "  content_hash TEXT NOT NULL DEFAULT '',\n"
    "  item_id TEXT,\n"
    "  item_revision INTEGER NOT NULL DEFAULT 0,\n"
    "  verb TEXT NOT NULL CHECK(verb IN ('launched', 'viewed', 'answered', 'passed',\n"
    "                                   'failed', 'completed', 'suspended', 'resumed',\n"
    "                                   'reset', 'merged')),\n"
    "  response TEXT,\n"
    "  success INTEGER CHECK(success IN (0, 1)),\n"
    "  score REAL CHECK(score BETWEEN 0 AND 1),\n"
    "  hints_used INTEGER NOT NULL DEFAULT 0,\n"
    "  attempt INTEGER NOT NULL DEFAULT 0,\n"
    "  duration_ms INTEGER NOT NULL DEFAULT 0,\n"
    "  time_ms INTEGER NOT NULL,\n"
    "  session_end TEXT NOT NULL DEFAULT 'none',\n"
    "  device_id TEXT NOT NULL DEFAULT '',\n"
    "  seq INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "INSERT INTO event_new(id, learner_id, session_id, module_id, module_version, content_hash,\n"
    "                     item_id, item_revision, verb, response, success, score, hints_used,\n"
    "                     attempt, duration_ms, time_ms, session_end, device_id, seq)\n"
    "  SELECT id, learner_id, session_id, module_id, module_version, content_hash, item_id,\n"
    "         item_revision, verb, response, success, score, hints_used, attempt,\n"
    "         duration_ms, time_ms, session_end, device_id, seq FROM event;\n"
    "DROP TABLE event;\n"
    "ALTER TABLE event_new RENAME TO event;\n"
    "CREATE INDEX event_by_learner_module ON event(learner_id, module_id, time_ms);\n"
    "CREATE UNIQUE INDEX event_by_device_seq ON event(device_id, seq);\n"
    "CREATE INDEX event_resets ON event(learner_id, module_id, time_ms)\n"
    "  WHERE verb = 'reset';\n"
    "CREATE TRIGGER event_append_only BEFORE UPDATE ON event\n"
    "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n";

/* No row may point at a learner that the rebuild lost. */
static int check_foreign_keys(hrc_progress *s)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_IO,
                                 "upgrading the store: a row points at a missing learner");
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK
                             : hrc_progress_fail_db(s, rc, "checking the upgraded store");
}

/* The version 3 step (see migrate_v3), inside migrate()'s transaction. */
static int migrate_to_v3(hrc_progress *s)
{
    int r = hrc_progress_exec(s, migrate_v3, "upgrading the store to version 3");
    if (!r)
        r = hrc_progress_make_kiosk_key(s);
    if (!r)
        r = check_foreign_keys(s);
    return r;
}

/* Version 4: sync to learning record stores (io/lrs_sync.c). A target is
 * one LRS, told apart by its endpoint and user: what one acknowledged says
 * nothing about another. sync_state holds, per target, the events the LRS
 * acknowledged ('sent'), already held ('present', HTTP 409) or refused
 * ('refused', with the LRS's reason); an event with no row there is
 * pending. Rows go with their event (a deleted learner) and their target.
 * Kept in its own function so that the step can be renumbered when other
 * steps are merged. */
static const char migrate_sync_sql[] =
    "CREATE TABLE sync_target(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  endpoint TEXT NOT NULL,\n"
    "  user TEXT NOT NULL DEFAULT '',\n"
    "  created_ms INTEGER NOT NULL,\n"
    "  UNIQUE(endpoint, user)\n"
    ");\n"
    "CREATE TABLE sync_state(\n"
    "  target_id INTEGER NOT NULL REFERENCES sync_target(id) ON DELETE CASCADE,\n"
    "  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,\n"
    "  status TEXT NOT NULL CHECK(status IN ('sent', 'present', 'refused')),\n"
    "  reason TEXT,\n"
    "  time_ms INTEGER NOT NULL,\n"
    "  PRIMARY KEY(target_id, event_id)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX sync_state_by_event ON sync_state(event_id);\n"
    "CREATE INDEX sync_state_refused ON sync_state(target_id, time_ms)\n"
    "  WHERE status = 'refused';\n";

static int migrate_sync_state(hrc_progress *s)
{
    return hrc_progress_exec(s, migrate_sync_sql, "adding the sync records to the store");
}

/* Version 5: spoken guidance. A learner's choice (0: never chosen, the
 * kiosk decides; 1: off; 2: on) and speaking rate (-3 to 3 steps around
 * eSpeak NG's normal rate) are kept in their profile. A step of its own,
 * so that it commutes with steps added beside it. */
static int migrate_speech_prefs(hrc_progress *s)
{
    static const char sql[] =
        "ALTER TABLE learner ADD COLUMN speech INTEGER NOT NULL DEFAULT 0\n"
        "  CHECK(speech IN (0, 1, 2));\n"
        "ALTER TABLE learner ADD COLUMN speech_rate INTEGER NOT NULL DEFAULT 0\n"
        "  CHECK(speech_rate BETWEEN -3 AND 3);\n";
    return hrc_progress_exec(s, sql, "adding spoken guidance to learner profiles");
}

/* Version 7: where each learner stopped reading in each module (the item
 * and how far down it), for "Continue" after a new sign-in. A step of its
 * own: a new table, nothing else touched. */
static int migrate_reading_places(hrc_progress *s)
{
    static const char sql[] =
        "CREATE TABLE reading_place(\n"
        "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,\n"
        "  module_id TEXT NOT NULL,\n"
        "  item_id TEXT NOT NULL,\n"
        "  permille INTEGER NOT NULL CHECK(permille BETWEEN 0 AND 1000),\n"
        "  PRIMARY KEY(learner_id, module_id)\n"
        ") WITHOUT ROWID;\n";
    return hrc_progress_exec(s, sql, "adding reading places to the store");
}

/* The version 6 step (see migrate_trainer_sql), inside migrate()'s
 * transaction. It reads and writes only what version 3 defines, so it
 * comes after any other step that leaves the event table's columns alone
 * (the sync's records point at events by their id, which it keeps). */
static int migrate_trainer(hrc_progress *s)
{
    int r = hrc_progress_exec(s, migrate_trainer_sql,
                              "adding groups and the trainer's records to the store");
    if (!r)
        r = check_foreign_keys(s);
    return r;
}

static int set_device_id(hrc_progress *s)
{
    unsigned char raw[16];
    char hex[33];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT OR IGNORE INTO setting(key, value) VALUES('device_id', ?1)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, hex, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
    }
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK
                             : hrc_progress_fail_db(s, rc, "making the device id");
}

static int set_user_version(hrc_progress *s, int version)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
    return hrc_progress_exec(s, sql, "writing the schema version");
}

/*
 * Brings the schema from `from` to the current version in one transaction.
 * Foreign keys are off meanwhile (SQLite ignores that pragma inside a
 * transaction), so that a step may rebuild a table others point at; each
 * such step checks the keys before the commit.
 */
static int migrate(hrc_progress *s, int from)
{
    int r = hrc_progress_exec(s, "PRAGMA foreign_keys = OFF", "upgrading the store");
    if (!r)
        r = hrc_progress_begin(s);
    if (r) {
        hrc_progress_exec(s, "PRAGMA foreign_keys = ON", "upgrading the store");
        return r;
    }
    if (from < 1) {
        r = hrc_progress_exec(s, schema_v1, "creating the store");
        if (!r)
            r = set_user_version(s, 1);
    }
    if (!r && from < 2) {
        r = set_device_id(s);
        if (!r)
            r = hrc_progress_exec(s, migrate_v2, "upgrading the store to version 2");
        if (!r)
            r = set_user_version(s, 2);
    }
    if (!r && from < 3) {
        r = migrate_to_v3(s);
        if (!r)
            r = set_user_version(s, 3);
    }
    if (!r && from < 4) {
        r = migrate_sync_state(s);
        if (!r)
            r = set_user_version(s, 4);
    }
    if (!r && from < 5) {
        r = migrate_speech_prefs(s);
        if (!r)
            r = set_user_version(s, 5);
    }
    if (!r && from < 6) {
        r = migrate_trainer(s);
        if (!r)
            r = set_user_version(s, 6);
    }
    if (!r && from < 7) {
        r = migrate_reading_places(s);
        if (!r)
            r = set_user_version(s, 7);
    }
    if (r)
        hrc_progress_rollback(s);
    else
        r = hrc_progress_commit(s);
    int on = hrc_progress_exec(s, "PRAGMA foreign_keys = ON", "upgrading the store");
    return r ? r : on;
}

/* ---- Opening ---------------------------------------------------------- */

int hrc_progress_default_dir(const char *data_dir, char *out, size_t size)
{
    int n;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (data_dir && *data_dir)
        n = snprintf(out, size, "%s", data_dir);
    else if (xdg && *xdg == '/')
        n = snprintf(out, size, "%s/hrc-player", xdg);
    else if (home && *home)
        n = snprintf(out, size, "%s/.local/share/hrc-player", home);
    else
        return HRC_PROGRESS_ERR_INVALID;
    return n < 0 || (size_t)n >= size ? HRC_PROGRESS_ERR_INVALID : HRC_PROGRESS_OK;
}

/* mkdir -p; the folders it makes are 0700 whatever the umask. */
static int make_dirs(hrc_progress *s, const char *dir)
{
    char buf[HRC_PROGRESS_PATH_MAX];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(buf, 0700) == 0)
            chmod(buf, 0700);
        else if (errno != EEXIST)
            return hrc_progress_fail(s, hrc_progress_errno_result(errno),
                                     "cannot create the folder %s: %s", buf, strerror(errno));
        *p = c;
        if (c == '\0')
            break;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_IO, "%s is not a folder", dir);
    return HRC_PROGRESS_OK;
}

/*
 * Files the store keeps are for its owner only. When path (a folder or a
 * file; a missing one is fine) lets other users in, it is made private
 * (mode) if this process's user owns it and may change things, and the
 * first such path is reported in info either way.
 */
static void make_private(const hrc_progress *s, const char *path, mode_t mode,
                         hrc_progress_open_info *info)
{
    struct stat st;
    if (lstat(path, &st) != 0 || S_ISLNK(st.st_mode) || !(st.st_mode & 077))
        return;
    bool ours = st.st_uid == geteuid();
    bool tightened = ours && !s->readonly && chmod(path, mode) == 0;
    if (info->exposed[0])
        return; /* the first one tells */
    snprintf(info->exposed, sizeof info->exposed, "%s", path);
    info->exposed_mode = (unsigned)(st.st_mode & 07777);
    if (tightened) {
        info->status |= HRC_PROGRESS_TIGHTENED;
        snprintf(info->warning, sizeof info->warning,
                 "%.300s could be read by other users of this machine (mode %04o); "
                 "it is now private (%04o).", path, info->exposed_mode, (unsigned)mode);
    } else {
        info->status |= HRC_PROGRESS_EXPOSED;
        snprintf(info->warning, sizeof info->warning,
                 "%.300s can be read by other users of this machine (mode %04o)%s: "
                 "make it private (chmod %o).", path, info->exposed_mode,
                 ours ? "" : " and belongs to another user", (unsigned)mode);
    }
}

/* The store, its -wal and -shm: private. SQLite gives -wal and -shm the
 * main file's mode, so a main file that is 0600 before SQLite first opens
 * it is enough for files made later. */
static void make_store_private(const hrc_progress *s, hrc_progress_open_info *info)
{
    make_private(s, s->path, 0600, info);
    static const char *const suffixes[] = {"-wal", "-shm"};
    for (size_t i = 0; i < 2; i++) {
        char side[HRC_PROGRESS_PATH_MAX + 8];
        snprintf(side, sizeof side, "%s%s", s->path, suffixes[i]);
        make_private(s, side, 0600, info);
    }
}

/* A new, empty store file, 0600 whatever the umask; never through a link.
 * SQLite takes an empty file as a new database. */
static int create_store_file(hrc_progress *s)
{
    int fd = open(s->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return HRC_PROGRESS_OK; /* made meanwhile by another process */
        return hrc_progress_fail(s, hrc_progress_errno_result(errno), "cannot create %s: %s",
                                 s->path, strerror(errno));
    }
    fchmod(fd, 0600);
    close(fd);
    return HRC_PROGRESS_OK;
}

/* Moves path, path-wal and path-shm to path.corrupt-YYYYMMDDTHHMMSSZ[-N]. */
static int move_aside(hrc_progress *s, const char *path, char *moved_to, size_t size)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    char target[HRC_PROGRESS_PATH_MAX];
    for (int n = 0; n < 100; n++) {
        int len = n ? snprintf(target, sizeof target, "%s.corrupt-%s-%d", path, stamp, n)
                    : snprintf(target, sizeof target, "%s.corrupt-%s", path, stamp);
        if (len < 0 || (size_t)len + 5 >= sizeof target)
            return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "path too long");
        if (access(target, F_OK) != 0)
            break;
    }
    if (rename(path, target) != 0)
        return hrc_progress_fail(s, hrc_progress_errno_result(errno), "cannot move the damaged store %s aside: %s",
                                 path, strerror(errno));
    static const char *const suffixes[] = {"-wal", "-shm"};
    for (size_t i = 0; i < 2; i++) {
        char from[HRC_PROGRESS_PATH_MAX + 8], to[HRC_PROGRESS_PATH_MAX + 8];
        snprintf(from, sizeof from, "%s%s", path, suffixes[i]);
        snprintf(to, sizeof to, "%s%s", target, suffixes[i]);
        if (rename(from, to) != 0 && errno != ENOENT)
            return hrc_progress_fail(s, hrc_progress_errno_result(errno), "cannot move %s aside: %s", from,
                                     strerror(errno));
    }
    snprintf(moved_to, size, "%s", target);
    return HRC_PROGRESS_OK;
}

enum check_outcome { CHECK_OK, CHECK_DAMAGED, CHECK_FAILED };

/*
 * Reads the schema version and runs PRAGMA quick_check. A file that is not
 * a database, is damaged, or is some other program's database is DAMAGED;
 * a busy or unreadable disk is FAILED (the file may be fine: never move it).
 */
static enum check_outcome check_store(hrc_progress *s, int *version, char *why, size_t size,
                                      int *failure)
{
    sqlite3_stmt *st = NULL;
    int rc = s->skip_check ? SQLITE_DONE
                           : sqlite3_prepare_v2(s->db, "PRAGMA quick_check", -1, &st, NULL);
    int rows = 0;
    bool ok = s->skip_check;
    while (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc != SQLITE_ROW)
            break;
        rc = SQLITE_OK;
        const char *line = (const char *)sqlite3_column_text(st, 0);
        if (rows++ == 0) {
            ok = line && strcmp(line, "ok") == 0;
            snprintf(why, size, "integrity check: %.200s", line ? line : "?");
        }
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_finalize(st);
    int primary = rc & 0xff;
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
        snprintf(why, size, "%s", sqlite3_errstr(rc));
        return CHECK_DAMAGED;
    }
    if (rc != SQLITE_OK) {
        *failure = hrc_progress_fail_db(s, rc, "checking the store");
        return CHECK_FAILED;
    }
    if (!ok)
        return CHECK_DAMAGED;

    rc = sqlite3_prepare_v2(s->db,
        "SELECT (SELECT user_version FROM pragma_user_version),"
        "       (SELECT count(*) FROM sqlite_schema),"
        "       (SELECT count(*) FROM sqlite_schema WHERE name = 'event')", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *version = sqlite3_column_int(st, 0);
        int n_objects = sqlite3_column_int(st, 1);
        int has_events = sqlite3_column_int(st, 2);
        rc = SQLITE_OK;
        if ((*version == 0 && n_objects > 0) || (*version > 0 && !has_events)) {
            snprintf(why, size, "not a progress store (another program's database)");
            sqlite3_finalize(st);
            return CHECK_DAMAGED;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
        *failure = hrc_progress_fail_db(s, rc, "reading the schema version");
        return CHECK_FAILED;
    }
    return CHECK_OK;
}

/*
 * A read-only store on read-only media (a write-protected USB stick) has no
 * -shm file and cannot get one, which WAL needs. When no -wal file holds
 * anything either, nobody can change the file: SQLite may then read it as
 * immutable. Returns false when that does not apply.
 */
static bool can_read_as_immutable(const hrc_progress *s)
{
    char wal[HRC_PROGRESS_PATH_MAX + 8];
    snprintf(wal, sizeof wal, "%s-wal", s->path);
    struct stat st;
    bool wal_empty = stat(wal, &st) != 0 || st.st_size == 0;
    char dir[HRC_PROGRESS_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", s->path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    return s->readonly && wal_empty && access(slash ? dir : ".", W_OK) != 0;
}

/* file:PATH?immutable=1, with the characters URIs reserve escaped. */
static void immutable_uri(const char *path, char *out, size_t size)
{
    size_t n = (size_t)snprintf(out, size, "file:");
    for (const char *p = path; *p && n + 4 < size; p++) {
        if (*p == '?' || *p == '#' || *p == '%')
            n += (size_t)snprintf(out + n, size - n, "%%%02X", (unsigned char)*p);
        else
            out[n++] = *p;
    }
    snprintf(out + n, size - n, "?immutable=1");
}

static int connect(hrc_progress *s, bool readonly, bool immutable)
{
    int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    char uri[3 * HRC_PROGRESS_PATH_MAX + 32];
    if (immutable)
        immutable_uri(s->path, uri, sizeof uri);
    int rc = sqlite3_open_v2(immutable ? uri : s->path, &s->db,
                             oflags | SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0),
                             NULL);
    if (rc != SQLITE_OK) {
        int r = hrc_progress_fail_db(s, rc, "opening the store");
        sqlite3_close(s->db);
        s->db = NULL;
        return r;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
    return HRC_PROGRESS_OK;
}

static void disconnect(hrc_progress *s)
{
    sqlite3_finalize(s->refresh);
    s->refresh = NULL;
    sqlite3_close(s->db);
    s->db = NULL;
}

/* The pragmas every connection runs; WAL needs a writable store. */
static int configure(hrc_progress *s)
{
    int r = hrc_progress_exec(s, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON",
                              "configuring the store");
    if (r || s->readonly)
        return r;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        const char *mode = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        if (rc == SQLITE_ROW && (!mode || strcmp(mode, "wal") != 0)) {
            sqlite3_finalize(st);
            return hrc_progress_fail(s, HRC_PROGRESS_ERR_IO,
                                     "the store cannot use a write-ahead log here");
        }
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_OK && rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "switching the store to WAL");
    return hrc_progress_exec(s, "PRAGMA synchronous = FULL", "configuring the store");
}

static int load_device_id(hrc_progress *s)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT value FROM setting WHERE key = 'device_id'",
                                -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(s->device_id, sizeof s->device_id, "%s",
                 (const char *)sqlite3_column_text(st, 0));
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK; /* a read-only version 1 store has none yet */
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading the device id");
}

/* Opens, checks and, when damaged and allowed, replaces the store. */
static int open_checked(hrc_progress *s, hrc_progress_open_info *info)
{
    bool existed = access(s->path, F_OK) == 0;
    if (!existed && s->readonly)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND,
                                 "no progress has been recorded in %s", s->path);
    make_store_private(s, info);
    /* Read-only, and nobody has the store open (no -wal): the check reads
     * it as immutable, so that SQLite makes no -wal and -shm beside it and
     * a damaged store is left exactly as it was found. */
    char wal[HRC_PROGRESS_PATH_MAX + 8];
    snprintf(wal, sizeof wal, "%s-wal", s->path);
    bool quiet = s->readonly && access(wal, F_OK) != 0;
    int r = existed ? HRC_PROGRESS_OK : create_store_file(s);
    if (!r)
        r = connect(s, s->readonly, quiet);
    if (r)
        return r;

    int version = 0;
    char why[256] = "";
    int failure = HRC_PROGRESS_ERR_IO;
    enum check_outcome outcome = check_store(s, &version, why, sizeof why, &failure);
    if (outcome == CHECK_FAILED && !quiet && can_read_as_immutable(s)) {
        disconnect(s);
        r = connect(s, true, true);
        if (r)
            return r;
        outcome = check_store(s, &version, why, sizeof why, &failure);
    }
    if (outcome == CHECK_FAILED)
        return failure;
    if (quiet && outcome == CHECK_OK) {
        /* Sound: read it as usual now, as another process may start
         * writing meanwhile; read-only media stay immutable. */
        disconnect(s);
        r = connect(s, true, false);
        int rc = r ? SQLITE_OK
                   : sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
        if (!r && rc != SQLITE_OK) {
            bool immutable = can_read_as_immutable(s);
            r = immutable ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading the store");
            disconnect(s);
            if (immutable)
                r = connect(s, true, true);
        }
        if (r)
            return r;
    }
    if (outcome == CHECK_DAMAGED) {
        if (s->readonly || s->skip_check)
            return hrc_progress_fail(s, HRC_PROGRESS_ERR_DAMAGED,
                                     "the store %.300s is damaged (%.100s). It was left as it is; "
                                     "the player, when it next starts, moves it aside (with its "
                                     "-wal and -shm) to %.300s.corrupt-YYYYMMDDTHHMMSSZ (the UTC "
                                     "time) and starts a new, empty store.", s->path, why, s->path);
        /* Moved while still open: closing might otherwise remove a -wal
         * file that is evidence of what happened. */
        r = move_aside(s, s->path, info->moved_to, sizeof info->moved_to);
        disconnect(s);
        if (r)
            return r;
        info->status |= HRC_PROGRESS_RECOVERED;
        snprintf(info->message, sizeof info->message,
                 "The progress store was damaged (%.100s). It was moved to %.300s and a new, "
                 "empty store was started.", why, info->moved_to);
        r = create_store_file(s);
        if (!r)
            r = connect(s, false, false);
        if (r)
            return r;
        version = 0;
    }
    if (version > HRC_PROGRESS_SCHEMA_VERSION)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_TOO_NEW,
                                 "the store %s was written by a newer hrc-player (schema %d; "
                                 "this one knows up to %d)", s->path, version,
                                 HRC_PROGRESS_SCHEMA_VERSION);
    r = configure(s);
    if (r)
        return r;
    if (version < HRC_PROGRESS_SCHEMA_VERSION && !s->readonly) {
        r = migrate(s, version);
        if (r)
            return r;
        info->status |= version == 0 ? HRC_PROGRESS_CREATED : HRC_PROGRESS_MIGRATED;
        if (version > 0)
            r = hrc_progress_rebuild_summaries(s);
        if (r)
            return r;
        version = HRC_PROGRESS_SCHEMA_VERSION;
    }
    s->schema_version = version;
    return load_device_id(s);
}

int hrc_progress_open(const char *data_dir, unsigned flags, hrc_progress **out,
                      hrc_progress_open_info *info)
{
    hrc_progress_open_info scratch;
    if (!info)
        info = &scratch;
    memset(info, 0, sizeof *info);
    *out = NULL;
    if (sodium_init() < 0) {
        snprintf(info->message, sizeof info->message, "libsodium could not start");
        return HRC_PROGRESS_ERR_IO;
    }
    hrc_progress *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(info->message, sizeof info->message, "out of memory");
        return HRC_PROGRESS_ERR_NOMEM;
    }
    s->readonly = flags & HRC_PROGRESS_OPEN_READONLY;
    s->unlocked = flags & HRC_PROGRESS_OPEN_FACILITATOR;
    s->fast_pin_hash = flags & HRC_PROGRESS_OPEN_FAST_PIN_HASH;
    s->skip_check = flags & HRC_PROGRESS_OPEN_SECONDARY;

    char dir[HRC_PROGRESS_PATH_MAX - 16];
    int r = hrc_progress_default_dir(data_dir, dir, sizeof dir);
    if (r)
        hrc_progress_fail(s, r, "no folder for progress: set --data-dir, XDG_DATA_HOME or HOME");
    else {
        snprintf(s->path, sizeof s->path, "%s/" STORE_FILE, dir);
        snprintf(info->path, sizeof info->path, "%s", s->path);
        if (!s->readonly)
            r = make_dirs(s, dir);
        if (!r)
            make_private(s, dir, 0700, info);
        if (!r && !s->readonly && access(dir, W_OK) != 0)
            r = hrc_progress_fail(s, hrc_progress_errno_result(errno), "cannot write in %s: %s", dir,
                                  strerror(errno));
        if (!r)
            r = open_checked(s, info);
    }
    if (r) {
        if (!s->err[0])
            hrc_progress_fail(s, r, "cannot open the progress store");
        snprintf(info->message, sizeof info->message, "%s", s->err);
        hrc_progress_close(s);
        return r;
    }
    *out = s;
    return HRC_PROGRESS_OK;
}

void hrc_progress_close(hrc_progress *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->refresh);
    sqlite3_close(s->db);
    sodium_memzero(s, sizeof *s);
    free(s);
}

const char *hrc_progress_device_id(const hrc_progress *s)
{
    return s ? s->device_id : "";
}

int hrc_progress_schema_version(const hrc_progress *s)
{
    return s ? s->schema_version : 0;
}

bool hrc_progress_is_recording(const hrc_progress *s)
{
    return s && !s->readonly;
}

const char *hrc_progress_errmsg(const hrc_progress *s)
{
    return s ? s->err : "not recording";
}
