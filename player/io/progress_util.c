/*
 * progress_util.c: what every part of the store leans on: errors,
 * transactions, validation, times, UUIDs, and files written atomically.
 */
#include "io/progress_internal.h"

#include "core/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- Errors ----------------------------------------------------------- */

const char *hrc_progress_result_name(int result)
{
    switch (result) {
    case HRC_PROGRESS_OK: return "ok";
    case HRC_PROGRESS_ERR_INVALID: return "invalid argument";
    case HRC_PROGRESS_ERR_NOT_FOUND: return "not found";
    case HRC_PROGRESS_ERR_NOMEM: return "out of memory";
    case HRC_PROGRESS_ERR_READONLY: return "read-only store";
    case HRC_PROGRESS_ERR_FULL: return "disk full";
    case HRC_PROGRESS_ERR_BUSY: return "store busy";
    case HRC_PROGRESS_ERR_IO: return "input/output error";
    case HRC_PROGRESS_ERR_TOO_NEW: return "store from a newer player";
    case HRC_PROGRESS_ERR_PIN: return "wrong PIN";
    case HRC_PROGRESS_ERR_PIN_FORMAT: return "PIN of the wrong length";
    case HRC_PROGRESS_ERR_NO_PIN: return "no facilitator PIN set";
    case HRC_PROGRESS_ERR_LOCKED: return "facilitator PIN needed";
    case HRC_PROGRESS_ERR_FORMAT: return "not an hrc-player export";
    case HRC_PROGRESS_ERR_THROTTLED: return "too many wrong PINs";
    case HRC_PROGRESS_ERR_NAME: return "name refused";
    case HRC_PROGRESS_ERR_UNSIGNED: return "not signed";
    case HRC_PROGRESS_ERR_SIGNATURE: return "bad signature";
    case HRC_PROGRESS_ERR_UNTRUSTED: return "untrusted kiosk";
    case HRC_PROGRESS_ERR_DAMAGED: return "damaged store";
    default: return "unknown error";
    }
}

int hrc_progress_fail(hrc_progress *s, int result, const char *fmt, ...)
{
    if (s) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(s->err, sizeof s->err, fmt, ap);
        va_end(ap);
    }
    return result;
}

int hrc_progress_result_of(sqlite3 *db, int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE: return HRC_PROGRESS_OK;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: return HRC_PROGRESS_ERR_READONLY;
    case SQLITE_FULL: return HRC_PROGRESS_ERR_FULL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return HRC_PROGRESS_ERR_BUSY;
    case SQLITE_NOMEM: return HRC_PROGRESS_ERR_NOMEM;
    case SQLITE_CONSTRAINT:
        return rc == SQLITE_CONSTRAINT_FOREIGNKEY ? HRC_PROGRESS_ERR_NOT_FOUND
                                                  : HRC_PROGRESS_ERR_INVALID;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: {
        /* The system's reason is the better guide: a full or read-only disk
         * shows up as an I/O error on some writes. */
        int e = db ? sqlite3_system_errno(db) : 0;
        if (e == ENOSPC || e == EDQUOT)
            return HRC_PROGRESS_ERR_FULL;
        if (e == EROFS || e == EACCES || e == EPERM)
            return HRC_PROGRESS_ERR_READONLY;
        return HRC_PROGRESS_ERR_IO;
    }
    default: return HRC_PROGRESS_ERR_IO;
    }
}

int hrc_progress_fail_db(hrc_progress *s, int rc, const char *doing)
{
    int r = hrc_progress_result_of(s->db, rc);
    if (r == HRC_PROGRESS_OK)
        r = HRC_PROGRESS_ERR_IO; /* called on a failure: never report success */
    const char *detail = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    switch (r) {
    case HRC_PROGRESS_ERR_FULL:
        return hrc_progress_fail(s, r, "%s: the disk is full (%s)", doing, s->path);
    case HRC_PROGRESS_ERR_READONLY:
        return hrc_progress_fail(s, r, "%s: the store cannot be written (%s: %s)", doing,
                                 s->path, detail);
    case HRC_PROGRESS_ERR_BUSY:
        return hrc_progress_fail(s, r, "%s: another program kept the store busy", doing);
    default:
        return hrc_progress_fail(s, r, "%s: %s", doing, detail);
    }
}

int hrc_progress_exec(hrc_progress *s, const char *sql, const char *doing)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, doing);
}

int hrc_progress_begin(hrc_progress *s)
{
    return hrc_progress_exec(s, "BEGIN IMMEDIATE", "starting to write");
}

int hrc_progress_commit(hrc_progress *s)
{
    int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        return HRC_PROGRESS_OK;
    int r = hrc_progress_fail_db(s, rc, "saving");
    hrc_progress_rollback(s);
    return r;
}

void hrc_progress_rollback(hrc_progress *s)
{
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int hrc_progress_get_setting(hrc_progress *s, const char *key, char *out, size_t size,
                             bool *found)
{
    out[0] = '\0';
    *found = false;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT value FROM setting WHERE key = ?1", -1, &st,
                                NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            snprintf(out, size, "%s", v ? v : "");
            *found = true;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "reading the kiosk's settings");
    return HRC_PROGRESS_OK;
}

int hrc_progress_put_setting(hrc_progress *s, const char *key, const char *value)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT OR REPLACE INTO setting(key, value) VALUES(?1, ?2)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK
                             : hrc_progress_fail_db(s, rc, "saving the kiosk's settings");
}

int hrc_progress_require_writable(hrc_progress *s)
{
    if (s->readonly)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_READONLY,
                                 "the store was opened read-only");
    return HRC_PROGRESS_OK;
}

int hrc_progress_require_unlocked(hrc_progress *s)
{
    if (!s->unlocked)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_LOCKED,
                                 "this needs the facilitator PIN");
    return HRC_PROGRESS_OK;
}

/* ---- Validation ------------------------------------------------------- */

bool hrc_progress_id_is_valid(const char *id)
{
    if (!id || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z') ||
                 (id[0] >= '0' && id[0] <= '9')))
        return false;
    size_t n = 1;
    for (; id[n]; n++) {
        char c = id[n];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.' || c == '-';
        if (!ok || n >= 64)
            return false;
    }
    return true;
}

bool hrc_progress_hex32_is_valid(const char *s)
{
    if (!s || strlen(s) != 32)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return false;
    return true;
}

bool hrc_progress_utf8_is_valid(const char *s, size_t len)
{
    for (size_t at = 0; at < len;) {
        uint32_t c;
        size_t n = hrc_utf8_decode(s + at, len - at, &c);
        if (n == 0 || c == 0)
            return false;
        at += n;
    }
    return true;
}

/* ---- Names ------------------------------------------------------------ */

static const char *const verb_names[HRC_VERB_COUNT] = {
    "launched", "viewed", "answered", "passed", "failed", "completed", "suspended", "resumed",
    "reset", "merged",
};
static const char *const end_names[HRC_END_COUNT] = {
    "none", "normal", "idle-timeout", "sign-out", "quit",
};

const char *hrc_verb_name(hrc_verb verb)
{
    return (unsigned)verb < HRC_VERB_COUNT ? verb_names[verb] : "?";
}

const char *hrc_session_end_name(hrc_session_end end)
{
    return (unsigned)end < HRC_END_COUNT ? end_names[end] : "?";
}

bool hrc_verb_parse(const char *name, hrc_verb *out)
{
    for (int i = 0; i < HRC_VERB_COUNT; i++)
        if (strcmp(name, verb_names[i]) == 0) {
            *out = (hrc_verb)i;
            return true;
        }
    return false;
}

bool hrc_session_end_parse(const char *name, hrc_session_end *out)
{
    for (int i = 0; i < HRC_END_COUNT; i++)
        if (strcmp(name, end_names[i]) == 0) {
            *out = (hrc_session_end)i;
            return true;
        }
    return false;
}

/* ---- Time ------------------------------------------------------------- */

int64_t hrc_progress_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void hrc_progress_set_clock(hrc_progress *s, hrc_progress_clock clock, void *ctx)
{
    if (s) {
        s->clock = clock;
        s->clock_ctx = ctx;
    }
}

int64_t hrc_progress_clock_ms(const hrc_progress *s)
{
    return s && s->clock ? s->clock(s->clock_ctx) : hrc_progress_now_ms();
}

void hrc_progress_format_time(int64_t ms, char *out, size_t size)
{
    int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    time_t t = (time_t)secs;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999) {
        snprintf(out, size, "1970-01-01T00:00:00.000Z");
        return;
    }
    snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
             (int)(ms - secs * 1000));
}

static bool digits(const char *p, int n, int *value)
{
    *value = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        *value = *value * 10 + (p[i] - '0');
    }
    return true;
}

bool hrc_progress_parse_time(const char *text, int64_t *ms)
{
    int y, mo, d, h, mi, sec, milli;
    if (strlen(text) != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || text[19] != '.' || text[23] != 'Z')
        return false;
    if (!digits(text, 4, &y) || !digits(text + 5, 2, &mo) || !digits(text + 8, 2, &d) ||
        !digits(text + 11, 2, &h) || !digits(text + 14, 2, &mi) ||
        !digits(text + 17, 2, &sec) || !digits(text + 20, 3, &milli))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return false;
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
                    .tm_hour = h, .tm_min = mi, .tm_sec = sec};
    time_t t = timegm(&tm);
    if (t == (time_t)-1 && !(y == 1969))
        return false;
    *ms = (int64_t)t * 1000 + milli;
    return true;
}

/* ---- UUIDs ------------------------------------------------------------ */

static void uuid_format(unsigned char b[16], char out[37])
{
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 15];
    }
    out[o] = '\0';
}

void hrc_progress_uuid_random(char out[37])
{
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    uuid_format(b, out);
}

/* A hash of (device, sequence), shaped as a v4 UUID: the same event always
 * gets the same statement id, whichever kiosk exports it. */
void hrc_progress_uuid_for_event(const char *device_id, int64_t seq, char out[37])
{
    char key[80];
    int n = snprintf(key, sizeof key, "hrc-player:%s:%lld", device_id, (long long)seq);
    unsigned char b[16];
    crypto_generichash(b, sizeof b, (const unsigned char *)key, (size_t)n, NULL, 0);
    uuid_format(b, out);
}

bool hrc_progress_uuid_is_valid(const char *text)
{
    if (strlen(text) != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                     (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

/* ---- Files written whole ---------------------------------------------- */

int hrc_progress_errno_result(int e)
{
    switch (e) {
    case EROFS:
    case EACCES:
    case EPERM: return HRC_PROGRESS_ERR_READONLY;
    case ENOSPC:
    case EDQUOT: return HRC_PROGRESS_ERR_FULL;
    case ENOMEM: return HRC_PROGRESS_ERR_NOMEM;
    default: return HRC_PROGRESS_ERR_IO;
    }
}

/* The folder of path ("." when none), into dir. */
static void folder_of(const char *path, char *dir, size_t size)
{
    snprintf(dir, size, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, size, ".");
}

int hrc_progress_out_open(hrc_progress *s, hrc_progress_out *out, const char *path)
{
    memset(out, 0, sizeof *out);
    if (!path || !*path || path[strlen(path) - 1] == '/' || strlen(path) >= sizeof out->path)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no usable file name");
    snprintf(out->path, sizeof out->path, "%s", path);
    /* DIR/.NAME.XXXXXX, in the target's folder so that rename() stays on
     * one file system. mkstemp opens with O_EXCL (a planted link or file is
     * never written through) and mode 0600. */
    const char *slash = strrchr(path, '/');
    int n = slash ? snprintf(out->tmp, sizeof out->tmp, "%.*s/.%s.XXXXXX",
                             (int)(slash - path), path, slash + 1)
                  : snprintf(out->tmp, sizeof out->tmp, ".%s.XXXXXX", path);
    if (n < 0 || (size_t)n >= sizeof out->tmp)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "file name too long: %s", path);
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        int e = errno;
        return hrc_progress_fail(s, hrc_progress_errno_result(e), "cannot write in the folder of %s: %s",
                                 path, strerror(e));
    }
    fchmod(fd, 0600); /* whatever the umask */
    out->f = fdopen(fd, "wb");
    if (!out->f) {
        int e = errno;
        close(fd);
        unlink(out->tmp);
        return hrc_progress_fail(s, hrc_progress_errno_result(e), "cannot write %s: %s", path,
                                 strerror(e));
    }
    return HRC_PROGRESS_OK;
}

static int out_failed(hrc_progress *s, hrc_progress_out *out, int e)
{
    if (out->f) {
        fclose(out->f);
        out->f = NULL;
    }
    unlink(out->tmp);
    return hrc_progress_fail(s, hrc_progress_errno_result(e), "cannot write %s: %s", out->path,
                             strerror(e));
}

int hrc_progress_out_sync(hrc_progress *s, hrc_progress_out *out)
{
    int e = 0;
    if (ferror(out->f))
        e = errno ? errno : EIO;
    if (fflush(out->f) != 0 && !e)
        e = errno;
    if (!e && fsync(fileno(out->f)) != 0)
        e = errno;
    return e ? out_failed(s, out, e) : HRC_PROGRESS_OK;
}

int hrc_progress_out_commit(hrc_progress *s, hrc_progress_out *out)
{
    int e = 0;
    if (fclose(out->f) != 0)
        e = errno;
    out->f = NULL;
    if (!e && rename(out->tmp, out->path) != 0)
        e = errno;
    if (e)
        return out_failed(s, out, e);
    /* The rename itself must survive a power cut: sync the folder. */
    char dir[HRC_PROGRESS_PATH_MAX];
    folder_of(out->path, dir, sizeof dir);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    return HRC_PROGRESS_OK;
}

int hrc_progress_out_close(hrc_progress *s, hrc_progress_out *out)
{
    int r = hrc_progress_out_sync(s, out);
    return r ? r : hrc_progress_out_commit(s, out);
}

void hrc_progress_out_abort(hrc_progress_out *out)
{
    if (out->f) {
        fclose(out->f);
        out->f = NULL;
        unlink(out->tmp);
    }
}

/* The length of the valid UTF-8 character at p, or 0 (never past end). */
static size_t utf8_char(const unsigned char *p, const unsigned char *end)
{
    return hrc_utf8_decode((const char *)p, (size_t)(end - p), NULL);
}

void hrc_progress_out_text(hrc_progress_out *out, const char *text, bool json)
{
    if (text)
        hrc_progress_out_textn(out, text, strlen(text), json);
}

void hrc_progress_out_textn(hrc_progress_out *out, const char *text, size_t len, bool json)
{
    FILE *f = out->f;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    while (p < end) {
        size_t n = utf8_char(p, end);
        if (!n) {
            fputs("\xef\xbf\xbd", f); /* U+FFFD for one invalid byte */
            out->replaced++;
            p++;
            continue;
        }
        if (json && n == 1 && (*p < 0x20 || *p == '"' || *p == '\\')) {
            switch (*p) {
            case '"': fputs("\\\"", f); break;
            case '\\': fputs("\\\\", f); break;
            case '\n': fputs("\\n", f); break;
            case '\r': fputs("\\r", f); break;
            case '\t': fputs("\\t", f); break;
            default: fprintf(f, "\\u%04x", *p);
            }
        } else {
            fwrite(p, 1, n, f);
        }
        p += n;
    }
}
