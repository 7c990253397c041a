/*
 * progress_keys.c: this kiosk's Ed25519 key pair, the kiosks it trusts, and
 * the signature files of JSON exports (format: docs/progress.md).
 *
 * A signature file, FILE.json.sig, is six lines of text:
 *
 *   hrc-player signature 1
 *   signed-file-bytes: 12345
 *   signed-file-sha512: <128 lowercase hex digits: SHA-512 of FILE.json>
 *   kiosk: hrc-kiosk-1:<device id>:<public key, base64>
 *   kiosk-fingerprint: 3F2A 9C01 77BE 0D4E
 *   signature: <base64 of the Ed25519 signature of the five lines above>
 *
 * The signature covers every byte before "signature: ", line ends
 * included; the file's bytes are covered through their SHA-512.
 */
#include "io/progress_internal.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define KEY_PREFIX "hrc-kiosk-1:"
#define SIG_MAGIC "hrc-player signature 1\n"
#define SIG_MAX 2048
#define B64 sodium_base64_VARIANT_ORIGINAL

/* ---- Keys and their text ------------------------------------------------ */

static void fingerprint_of(const unsigned char pk[32], char out[HRC_KIOSK_FINGERPRINT_MAX])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, pk, 32, NULL, 0);
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (int i = 0; i < 8; i++) {
        if (i && i % 2 == 0)
            out[o++] = ' ';
        out[o++] = hex[h[i] >> 4];
        out[o++] = hex[h[i] & 15];
    }
    out[o] = '\0';
}

static void describe(const char *device, const unsigned char pk[32], int64_t trusted_ms,
                     hrc_kiosk *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->device_id, sizeof out->device_id, "%s", device ? device : "");
    char b64[sodium_base64_ENCODED_LEN(32, B64)];
    sodium_bin2base64(b64, sizeof b64, pk, 32, B64);
    snprintf(out->key, sizeof out->key, KEY_PREFIX "%s:%s", device, b64);
    fingerprint_of(pk, out->fingerprint);
    out->trusted_ms = trusted_ms;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* "hrc-kiosk-1:<32 hex>:<base64 of 32 bytes>", white space around ignored. */
static bool parse_key(const char *text, char device[33], unsigned char pk[32])
{
    if (!text)
        return false;
    while (is_space(*text))
        text++;
    size_t len = strlen(text);
    while (len && is_space(text[len - 1]))
        len--;
    size_t pre = strlen(KEY_PREFIX);
    if (len < pre + 33 || strncmp(text, KEY_PREFIX, pre) != 0 || text[pre + 32] != ':')
        return false;
    memcpy(device, text + pre, 32);
    device[32] = '\0';
    if (!hrc_progress_hex32_is_valid(device))
        return false;
    const char *b64 = text + pre + 33, *end = NULL;
    size_t b64_len = len - pre - 33, n = 0;
    return sodium_base642bin(pk, 32, b64, b64_len, NULL, &n, &end, B64) == 0 && n == 32 &&
           end == b64 + b64_len;
}

int hrc_progress_make_kiosk_key(hrc_progress *s)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT INTO kiosk_key(id, public_key, secret_key, created_ms) VALUES(1, ?1, ?2, ?3)",
        -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_blob(st, 1, pk, sizeof pk, SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, sk, sizeof sk, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, hrc_progress_now_ms());
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    sodium_memzero(sk, sizeof sk);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK
                             : hrc_progress_fail_db(s, rc, "making this kiosk's key");
}

/* This kiosk's keys; sk may be NULL. NOT_FOUND before schema 3. */
static int load_key(hrc_progress *s, unsigned char pk[32], unsigned char sk[64])
{
    if (s->schema_version < 3)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND,
                                 "this store has no kiosk key yet: it is made when the player "
                                 "upgrades the store (run hrc-player --kiosk-key once)");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT public_key, secret_key FROM kiosk_key WHERE id = 1",
                                -1, &st, NULL);
    bool ok = false;
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        ok = sqlite3_column_bytes(st, 0) == 32 && sqlite3_column_bytes(st, 1) == 64;
        if (ok) {
            memcpy(pk, sqlite3_column_blob(st, 0), 32);
            if (sk)
                memcpy(sk, sqlite3_column_blob(st, 1), 64);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "reading this kiosk's key");
    return ok ? HRC_PROGRESS_OK
              : hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "this store has no kiosk key");
}

int hrc_progress_this_kiosk(hrc_progress *s, hrc_kiosk *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    unsigned char pk[32];
    int r = load_key(s, pk, NULL);
    if (!r)
        describe(s->device_id, pk, 0, out);
    return r;
}

/* ---- Trusted kiosks ----------------------------------------------------- */

/* The trusted kiosk with this device id or this key (either may be NULL). */
static int find_trusted(hrc_progress *s, const char *device, const unsigned char *pk,
                        hrc_kiosk *out, bool *found)
{
    *found = false;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT device_id, public_key, trusted_ms FROM trusted_kiosk"
        " WHERE device_id = ?1 OR public_key = ?2", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, device ? device : "", -1, SQLITE_STATIC);
        if (pk)
            sqlite3_bind_blob(st, 2, pk, 32, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 1) == 32) {
            describe((const char *)sqlite3_column_text(st, 0), sqlite3_column_blob(st, 1),
                     sqlite3_column_int64(st, 2), out);
            *found = true;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? HRC_PROGRESS_OK
               : hrc_progress_fail_db(s, rc, "reading the trusted kiosks");
}

static int require_facilitator_writer(hrc_progress *s)
{
    int r = hrc_progress_require_writable(s);
    return r ? r : hrc_progress_require_unlocked(s);
}

int hrc_progress_trust_kiosk(hrc_progress *s, const char *key, hrc_kiosk *out)
{
    hrc_kiosk scratch;
    if (!out)
        out = &scratch;
    memset(out, 0, sizeof *out);
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = require_facilitator_writer(s);
    char device[33];
    unsigned char pk[32], own[32];
    if (!r && !parse_key(key, device, pk))
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                              "not a kiosk key (expected " KEY_PREFIX "DEVICE:KEY, as "
                              "hrc-player --kiosk-key prints it)");
    if (!r)
        r = load_key(s, own, NULL);
    if (!r && memcmp(pk, own, 32) == 0)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "this is this kiosk's own key");
    if (!r && strcmp(device, s->device_id) == 0)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                              "this key claims this kiosk's own device id");
    hrc_kiosk known;
    bool found = false;
    if (!r)
        r = find_trusted(s, device, pk, &known, &found);
    if (r)
        return r;
    describe(device, pk, hrc_progress_now_ms(), out);
    if (found) {
        if (strcmp(known.key, out->key) == 0) {
            *out = known; /* trusted already */
            return HRC_PROGRESS_OK;
        }
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                                 "another key (fingerprint %s, device %s) is trusted for this "
                                 "kiosk or key: stop trusting it first", known.fingerprint,
                                 known.device_id);
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "INSERT INTO trusted_kiosk(device_id, public_key,"
                                       " trusted_ms) VALUES(?1, ?2, ?3)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, device, -1, SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, pk, 32, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, out->trusted_ms);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "trusting a kiosk");
}

/* "3f2a9c0177be0d4e" from a fingerprint typed with or without spaces. */
static bool normal_fingerprint(const char *text, char out[17])
{
    size_t n = 0;
    for (; *text; text++) {
        char c = *text;
        if (c == ' ')
            continue;
        if (c >= 'A' && c <= 'F')
            c = (char)(c - 'A' + 'a');
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) || n >= 16)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n == 16;
}

int hrc_progress_list_trusted_kiosks(hrc_progress *s, hrc_kiosk **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s)
        return HRC_PROGRESS_OK;
    int r = hrc_progress_require_unlocked(s);
    if (!r && s->schema_version < 3)
        return HRC_PROGRESS_OK; /* an older store opened read-only trusts nobody */
    sqlite3_stmt *st;
    int rc = r ? SQLITE_OK : sqlite3_prepare_v2(s->db,
        "SELECT device_id, public_key, trusted_ms FROM trusted_kiosk"
        " ORDER BY trusted_ms, device_id", -1, &st, NULL);
    if (r || rc != SQLITE_OK)
        return r ? r : hrc_progress_fail_db(s, rc, "reading the trusted kiosks");
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_bytes(st, 1) != 32)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            hrc_kiosk *grown = realloc(*out, cap * sizeof **out);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = grown;
        }
        describe((const char *)sqlite3_column_text(st, 0), sqlite3_column_blob(st, 1),
                 sqlite3_column_int64(st, 2), &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return hrc_progress_fail_db(s, rc, "reading the trusted kiosks");
    }
    return HRC_PROGRESS_OK;
}

int hrc_progress_untrust_kiosk(hrc_progress *s, const char *which)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = require_facilitator_writer(s);
    hrc_kiosk *all = NULL;
    size_t n = 0;
    if (!r)
        r = hrc_progress_list_trusted_kiosks(s, &all, &n);
    if (r)
        return r;
    char device[33] = "", fp[17] = "", key_fp[17];
    unsigned char pk[32];
    const char *target = NULL;
    bool by_key = parse_key(which, device, pk);
    bool by_fp = !by_key && which && normal_fingerprint(which, fp);
    for (size_t i = 0; i < n && !target; i++) {
        normal_fingerprint(all[i].fingerprint, key_fp);
        if ((by_key && strcmp(all[i].device_id, device) == 0) ||
            (!by_key && which && strcmp(all[i].device_id, which) == 0) ||
            (by_fp && strcmp(key_fp, fp) == 0))
            target = all[i].device_id;
    }
    if (!target) {
        free(all);
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND,
                                 "no trusted kiosk has this key, device id or fingerprint");
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "DELETE FROM trusted_kiosk WHERE device_id = ?1", -1, &st,
                                NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, target, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    free(all);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK
                             : hrc_progress_fail_db(s, rc, "forgetting a trusted kiosk");
}

int hrc_progress_device_trusted(hrc_progress *s, const char *device, bool *out)
{
    *out = strcmp(device, s->device_id) == 0;
    if (*out)
        return HRC_PROGRESS_OK;
    hrc_kiosk k;
    return find_trusted(s, device, NULL, &k, out);
}

/* ---- Signatures --------------------------------------------------------- */

static void to_hex(const unsigned char *b, size_t n, char *out)
{
    sodium_bin2hex(out, n * 2 + 1, b, n);
}

int hrc_progress_sign_export(hrc_progress *s, hrc_progress_out *json, hrc_progress_out *sig)
{
    unsigned char pk[32], sk[64];
    int r = load_key(s, pk, sk);
    if (r)
        return r;
    /* The bytes as they are on disk, read back from the synced file. */
    crypto_hash_sha512_state h;
    crypto_hash_sha512_init(&h);
    unsigned char buf[65536];
    unsigned long long total = 0;
    int fd = fileno(json->f);
    for (;;) {
        ssize_t got = pread(fd, buf, sizeof buf, (off_t)total);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            sodium_memzero(sk, sizeof sk);
            return hrc_progress_fail(s, hrc_progress_errno_result(e), "cannot read back %s: %s",
                                     json->tmp, strerror(e));
        }
        if (got == 0)
            break;
        crypto_hash_sha512_update(&h, buf, (unsigned long long)got);
        total += (unsigned long long)got;
    }
    unsigned char digest[64];
    crypto_hash_sha512_final(&h, digest);
    char digest_hex[129];
    to_hex(digest, sizeof digest, digest_hex);
    hrc_kiosk me;
    describe(s->device_id, pk, 0, &me);

    char header[SIG_MAX];
    int n = snprintf(header, sizeof header,
                     SIG_MAGIC "signed-file-bytes: %llu\nsigned-file-sha512: %s\nkiosk: %s\n"
                     "kiosk-fingerprint: %s\n", total, digest_hex, me.key, me.fingerprint);
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, NULL, (const unsigned char *)header, (unsigned long long)n,
                         sk);
    sodium_memzero(sk, sizeof sk);
    char b64[sodium_base64_ENCODED_LEN(crypto_sign_BYTES, B64)];
    sodium_bin2base64(b64, sizeof b64, signature, sizeof signature, B64);

    char path[HRC_PROGRESS_PATH_MAX + 8];
    snprintf(path, sizeof path, "%s.sig", json->path);
    r = hrc_progress_out_open(s, sig, path);
    if (r)
        return r;
    fputs(header, sig->f);
    fprintf(sig->f, "signature: %s\n", b64);
    return hrc_progress_out_sync(s, sig);
}

typedef struct sig_file {
    unsigned long long bytes;
    unsigned char sha512[64];
    char device[33];
    unsigned char pk[32];
} sig_file;

/* The value of the line "name: value\n" at *p, or NULL; moves *p on. */
static char *take_line(char **p, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(*p, name, n) != 0 || (*p)[n] != ':' || (*p)[n + 1] != ' ')
        return NULL;
    char *value = *p + n + 2, *end = strchr(value, '\n');
    if (!end)
        return NULL;
    *end = '\0';
    *p = end + 1;
    return value;
}

/* Reads and checks a signature file; NULL when sound, else why not. */
static const char *read_sig(const char *path, sig_file *out, int *err)
{
    *err = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = errno;
        return strerror(errno);
    }
    char text[SIG_MAX + 1], copy[SIG_MAX + 1];
    size_t len = fread(text, 1, SIG_MAX, f);
    bool too_long = len == SIG_MAX && fgetc(f) != EOF;
    fclose(f);
    if (too_long)
        return "not a signature file (too long)";
    text[len] = '\0';
    if (strlen(text) != len || strncmp(text, SIG_MAGIC, strlen(SIG_MAGIC)) != 0)
        return "not an hrc-player signature file";
    memcpy(copy, text, len + 1);
    char *p = copy + strlen(SIG_MAGIC), *v;
    char *bytes_end;
    if (!(v = take_line(&p, "signed-file-bytes")) || !*v || *v < '0' || *v > '9' ||
        (out->bytes = strtoull(v, &bytes_end, 10), *bytes_end))
        return "the signature file has no signed-file-bytes line";
    size_t bin = 0;
    if (!(v = take_line(&p, "signed-file-sha512")) || strlen(v) != 128 ||
        sodium_hex2bin(out->sha512, 64, v, 128, NULL, &bin, NULL) != 0 || bin != 64)
        return "the signature file has no signed-file-sha512 line";
    if (!(v = take_line(&p, "kiosk")) || !parse_key(v, out->device, out->pk))
        return "the signature file names no kiosk key";
    char fp[HRC_KIOSK_FINGERPRINT_MAX];
    fingerprint_of(out->pk, fp);
    if (!(v = take_line(&p, "kiosk-fingerprint")) || strcmp(v, fp) != 0)
        return "the signature file's fingerprint does not belong to its key";
    size_t signed_len = (size_t)(p - copy);
    unsigned char signature[crypto_sign_BYTES];
    const char *end = NULL;
    if (!(v = take_line(&p, "signature")) ||
        sodium_base642bin(signature, sizeof signature, v, strlen(v), NULL, &bin, &end, B64) != 0 ||
        bin != sizeof signature || *end || *p)
        return "the signature file has no signature line";
    if (crypto_sign_verify_detached(signature, (const unsigned char *)text, signed_len,
                                    out->pk) != 0)
        return "the signature does not match the signature file: it was changed";
    return NULL;
}

/* Whether the bytes of the export match what the signature says. */
static bool digest_matches(const sig_file *sf, const unsigned char *text, size_t len)
{
    if ((unsigned long long)len != sf->bytes)
        return false;
    unsigned char digest[64];
    crypto_hash_sha512(digest, text, len);
    return sodium_memcmp(digest, sf->sha512, 64) == 0;
}

int hrc_progress_verify_export(hrc_progress *s, const char *path, const char *text,
                               size_t len, hrc_kiosk *signer)
{
    memset(signer, 0, sizeof *signer);
    char sig_path[HRC_PROGRESS_PATH_MAX + 8];
    snprintf(sig_path, sizeof sig_path, "%s.sig", path);
    sig_file sf;
    int err;
    const char *why = read_sig(sig_path, &sf, &err);
    if (why && err == ENOENT)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_UNSIGNED,
                                 "%s is not signed: %s is missing (only signed hrc-player "
                                 "exports are imported)", path, sig_path);
    if (why && err)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_IO, "cannot read %s: %s", sig_path, why);
    if (why)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_SIGNATURE, "%s: %s", sig_path, why);
    describe(sf.device, sf.pk, 0, signer);
    if (!digest_matches(&sf, (const unsigned char *)text, len))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_SIGNATURE,
                                 "%s was changed after kiosk %s signed it", path,
                                 signer->fingerprint);
    unsigned char own[32];
    int r = load_key(s, own, NULL);
    if (r)
        return r;
    if (memcmp(own, sf.pk, 32) == 0 && strcmp(sf.device, s->device_id) == 0)
        return HRC_PROGRESS_OK; /* this kiosk's own export */
    hrc_kiosk known;
    bool found = false;
    r = find_trusted(s, sf.device, sf.pk, &known, &found);
    if (r)
        return r;
    if (!found || strcmp(known.key, signer->key) != 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_UNTRUSTED,
                                 "%s was signed by kiosk %s (device %s), which this store does "
                                 "not trust", path, signer->fingerprint, signer->device_id);
    signer->trusted_ms = known.trusted_ms;
    return HRC_PROGRESS_OK;
}

int hrc_progress_export_signer(hrc_progress *s, const char *path, hrc_kiosk *out)
{
    memset(out, 0, sizeof *out);
    char sig_path[HRC_PROGRESS_PATH_MAX + 8], json[HRC_PROGRESS_PATH_MAX + 8];
    size_t n = path ? strlen(path) : 0;
    if (n == 0 || n >= HRC_PROGRESS_PATH_MAX)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no usable file name");
    bool is_sig = n > 4 && strcmp(path + n - 4, ".sig") == 0;
    snprintf(sig_path, sizeof sig_path, is_sig ? "%s" : "%s.sig", path);
    snprintf(json, sizeof json, "%.*s", (int)(is_sig ? n - 4 : n), path);
    sig_file sf;
    int err;
    const char *why = read_sig(sig_path, &sf, &err);
    if (why && err == ENOENT)
        return hrc_progress_fail(s, is_sig ? HRC_PROGRESS_ERR_NOT_FOUND : HRC_PROGRESS_ERR_UNSIGNED,
                                 "%s is missing", sig_path);
    if (why)
        return hrc_progress_fail(s, err ? HRC_PROGRESS_ERR_IO : HRC_PROGRESS_ERR_SIGNATURE,
                                 "%s: %s", sig_path, why);
    /* The export itself, when it is there, must be the one signed. */
    FILE *f = fopen(json, "rb");
    if (!f && !is_sig)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "cannot read %s: %s", json,
                                 strerror(errno));
    if (f) {
        crypto_hash_sha512_state h;
        crypto_hash_sha512_init(&h);
        unsigned char buf[65536];
        unsigned long long total = 0;
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
            crypto_hash_sha512_update(&h, buf, got);
            total += got;
        }
        bool bad = ferror(f);
        fclose(f);
        unsigned char digest[64];
        crypto_hash_sha512_final(&h, digest);
        if (bad)
            return hrc_progress_fail(s, HRC_PROGRESS_ERR_IO, "cannot read %s", json);
        if (total != sf.bytes || sodium_memcmp(digest, sf.sha512, 64) != 0)
            return hrc_progress_fail(s, HRC_PROGRESS_ERR_SIGNATURE,
                                     "%s was changed after it was signed", json);
    }
    describe(sf.device, sf.pk, 0, out);
    return HRC_PROGRESS_OK;
}

/* ---- Certificates and standing ------------------------------------------- */

bool hrc_kiosk_key_parse(const char *text, hrc_kiosk *out, unsigned char *public_key)
{
    char device[33];
    unsigned char pk[32];
    if (out)
        memset(out, 0, sizeof *out);
    if (!parse_key(text, device, pk))
        return false;
    if (out)
        describe(device, pk, 0, out);
    if (public_key)
        memcpy(public_key, pk, 32);
    return true;
}

int hrc_progress_kiosk_standing(hrc_progress *s, const char *key, hrc_kiosk_standing *out,
                                hrc_kiosk *known)
{
    *out = HRC_KIOSK_UNKNOWN;
    hrc_kiosk scratch;
    if (!known)
        known = &scratch;
    memset(known, 0, sizeof *known);
    char device[33];
    unsigned char pk[32];
    if (!parse_key(key, device, pk))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "not a kiosk key");
    if (!s)
        return HRC_PROGRESS_OK;
    unsigned char own[32];
    if (s->schema_version >= 3 && load_key(s, own, NULL) == HRC_PROGRESS_OK &&
        memcmp(own, pk, 32) == 0 && strcmp(device, s->device_id) == 0) {
        describe(device, pk, 0, known);
        *out = HRC_KIOSK_THIS;
        return HRC_PROGRESS_OK;
    }
    if (s->schema_version < 3)
        return HRC_PROGRESS_OK;
    bool found = false;
    int r = find_trusted(s, device, pk, known, &found);
    if (r)
        return r;
    if (found) {
        hrc_kiosk asked;
        describe(device, pk, 0, &asked);
        if (strcmp(asked.key, known->key) == 0)
            *out = HRC_KIOSK_TRUSTED; /* the same device with the same key */
        else
            memset(known, 0, sizeof *known);
    }
    return HRC_PROGRESS_OK;
}

int hrc_progress_sign_certificate(hrc_progress *s, const void *text, size_t len,
                                  unsigned char signature[64], hrc_kiosk *signer)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY;
    int r = hrc_progress_require_unlocked(s);
    if (r)
        return r;
    static const char *const magics[] = {HRC_CERTIFICATE_MAGIC, HRC_CERTIFICATE_TRAILER_MAGIC};
    bool ok = false;
    for (size_t i = 0; i < 2 && !ok; i++)
        ok = len >= strlen(magics[i]) && memcmp(text, magics[i], strlen(magics[i])) == 0;
    if (!ok)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                                 "only a certificate's text is signed this way");
    unsigned char pk[32], sk[64];
    r = load_key(s, pk, sk);
    if (r)
        return r;
    crypto_sign_detached(signature, NULL, text, (unsigned long long)len, sk);
    sodium_memzero(sk, sizeof sk);
    if (signer)
        describe(s->device_id, pk, 0, signer);
    return HRC_PROGRESS_OK;
}
