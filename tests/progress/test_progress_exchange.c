/*
 * Exports and imports: the strict JSON reader, xAPI statements that carry
 * every event across kiosks, merging without duplicates, and the CSV.
 */
#include "io/loader.h"
#include "io/progress.h"
#include "io/progress_json.h"
#include "progress_test_util.h"

#include <sodium.h>
#include <sys/stat.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* ---- The JSON reader ------------------------------------------------- */

/* Reads every element of text; the error message, or NULL when all is fine. */
static const char *read_all(const char *text, size_t *count, char *err, size_t size)
{
    hrc_json_reader r;
    hrc_json_reader_init(&r, text, strlen(text));
    const hrc_json *v;
    int got = -1;
    *count = 0;
    if (hrc_json_array_open(&r))
        while ((got = hrc_json_array_next(&r, &v)) == 1)
            (*count)++;
    snprintf(err, size, "%s", r.err);
    hrc_json_reader_free(&r);
    return got == 0 ? NULL : err;
}

static void test_json_reader_accepts_strict_json(void **state)
{
    (void)state;
    char err[200];
    size_t n;
    assert_null(read_all(" [ ] ", &n, err, sizeof err));
    assert_int_equal(n, 0);
    assert_null(read_all("[{\"a\": [1, -2.5e3, true, false, null]}, \"x\", {}]\n", &n, err,
                         sizeof err));
    assert_int_equal(n, 3);

    static const char text[] = "[{\"s\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\n\", "
                               "\"n\": 0.25, \"t\": true}]";
    hrc_json_reader r;
    hrc_json_reader_init(&r, text, strlen(text));
    assert_true(hrc_json_array_open(&r));
    const hrc_json *v;
    assert_int_equal(hrc_json_array_next(&r, &v), 1);
    assert_string_equal(hrc_json_get_string(v, "s"), "café 😀 \"q\" \n");
    assert_float_equal(hrc_json_get(v, "n")->number, 0.25, 0);
    assert_int_equal(hrc_json_get(v, "t")->type, HRC_JSON_TRUE);
    assert_null(hrc_json_get(v, "missing"));
    assert_int_equal(hrc_json_array_next(&r, &v), 0);
    hrc_json_reader_free(&r);
}

static void test_json_reader_rejects_garbage(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "{}", "[1,]", "[1 2]", "[01]", "[1.]", "[.5]", "[-]", "[1e]", "[tru]",
        "[\"unterminated]", "[\"bad \\x escape\"]", "[\"\\ud800 lone\"]", "[\"\\udc00\"]",
        "[\"ctrl \x01\"]", "[\"\xc3\x28 bad utf8\"]", "[\"\\u0000\"]", "[{\"a\" 1}]",
        "[{1: 2}]", "[{\"a\": 1,}]", "[1] trailing", "[1e999]", "[\"\\u12\"]", "[// c\n1]",
        "[\"abc\\", "[", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[200];
        size_t n;
        const char *why = read_all(bad[i], &n, err, sizeof err);
        if (!why)
            fail_msg("accepted bad JSON #%zu: %s", i, bad[i]);
        assert_non_null(strstr(why, "line 1"));
    }
    char err[200];
    size_t n;
    assert_non_null(read_all("[1,\n2,\n3 4]", &n, err, sizeof err));
    assert_non_null(strstr(err, "line 3"));
}

/* ---- Export and import ------------------------------------------------ */

/* Kiosk B trusts kiosk A; kiosk C trusts nobody. */
typedef struct kiosks {
    char dir[256];
    char a[300], b[300], c[300];
    hrc_progress *sa, *sb, *sc;
} kiosks;

static int setup(void **state)
{
    kiosks *k = calloc(1, sizeof *k);
    scratch_make(k->dir, sizeof k->dir);
    snprintf(k->a, sizeof k->a, "%s/kiosk-a", k->dir);
    snprintf(k->b, sizeof k->b, "%s/kiosk-b", k->dir);
    snprintf(k->c, sizeof k->c, "%s/kiosk-c", k->dir);
    unsigned flags = HRC_PROGRESS_OPEN_FACILITATOR | HRC_PROGRESS_OPEN_FAST_PIN_HASH;
    assert_int_equal(hrc_progress_open(k->a, flags, &k->sa, NULL), 0);
    assert_int_equal(hrc_progress_open(k->b, flags, &k->sb, NULL), 0);
    assert_int_equal(hrc_progress_open(k->c, flags, &k->sc, NULL), 0);
    hrc_kiosk a;
    assert_int_equal(hrc_progress_this_kiosk(k->sa, &a), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_trust_kiosk(k->sb, a.key, NULL), HRC_PROGRESS_OK);
    *state = k;
    return 0;
}

static int teardown(void **state)
{
    kiosks *k = *state;
    hrc_progress_close(k->sa);
    hrc_progress_close(k->sb);
    hrc_progress_close(k->sc);
    scratch_remove(k->dir);
    free(k);
    return 0;
}

/* A learner who views, answers (with awkward text), passes and completes. */
static void play(hrc_progress *s, const char *name, const char *module_id, int64_t t0)
{
    int64_t id;
    assert_int_equal(hrc_progress_add_learner(s, name, NULL, NULL, &id), HRC_PROGRESS_OK);
    hrc_module_ref ref = {module_id, 2, "deadbeef"};
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(s, id, &ref, &session), HRC_PROGRESS_OK);
    hrc_progress_event view = {.verb = HRC_VERB_VIEWED, .item_id = "page-1",
                               .duration_ms = 62500, .time_ms = t0};
    assert_int_equal(hrc_progress_record(s, &session, &view, NULL), HRC_PROGRESS_OK);
    hrc_progress_event answer = {
        .verb = HRC_VERB_ANSWERED, .item_id = "q-1", .item_revision = 3,
        .response = "\"Yes\", and\nthen \\ / é \x01", .has_success = true, .success = true,
        .has_score = true, .score = 2.0 / 3.0, .hints_used = 2, .attempt = 1,
        .duration_ms = 3723001, .time_ms = t0 + 70000,
    };
    assert_int_equal(hrc_progress_record(s, &session, &answer, NULL), HRC_PROGRESS_OK);
    hrc_progress_event pass = {.verb = HRC_VERB_PASSED, .item_id = "quiz", .has_success = true,
                               .success = true, .has_score = true, .score = 0.8,
                               .attempt = 1, .time_ms = t0 + 80000};
    assert_int_equal(hrc_progress_record(s, &session, &pass, NULL), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_end_session(s, &session, HRC_VERB_COMPLETED,
                                              HRC_END_NORMAL), HRC_PROGRESS_OK);
}

static char *slurp(const char *path)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *text = calloc((size_t)n + 1, 1);
    assert_int_equal(fread(text, 1, (size_t)n, in), (size_t)n);
    fclose(in);
    return text;
}

static void test_export_import_merges_without_duplicates(void **state)
{
    kiosks *k = *state;
    play(k->sa, "Ana", "m1", 1767225600000);
    play(k->sb, "Ben \"the mayor\"", "m2", 1767312000000);
    char ja[400], jb[400], again[400];
    snprintf(ja, sizeof ja, "%s/a.json", k->dir);
    snprintf(jb, sizeof jb, "%s/b.json", k->dir);
    snprintf(again, sizeof again, "%s/a-again.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_export_json(k->sa, again), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_export_json(k->sb, jb), HRC_PROGRESS_OK);

    /* Re-exports are byte for byte the same: ids are stable. */
    char *text_a = slurp(ja), *text_again = slurp(again);
    assert_string_equal(text_a, text_again);
    assert_non_null(strstr(text_a, "\"duration\":\"PT1M2.5S\""));
    assert_non_null(strstr(text_a, "\"duration\":\"PT1H2M3.001S\""));
    assert_non_null(strstr(text_a, "http://adlnet.gov/expapi/verbs/experienced"));
    assert_non_null(strstr(text_a, "urn:hrc-player:module:m1/q-1"));
    free(text_again);

    /* Kiosk B takes in A's export: A's five events arrive, once. */
    hrc_import_stats st;
    assert_int_equal(hrc_progress_import_json(k->sb, ja, &st), HRC_PROGRESS_OK);
    assert_int_equal(st.statements, 5);
    assert_int_equal(st.added, 5);
    assert_int_equal(st.duplicates, 0);
    assert_int_equal(st.learners_added, 1);
    assert_int_equal(hrc_progress_import_json(k->sb, ja, &st), HRC_PROGRESS_OK);
    assert_int_equal(st.added, 0);
    assert_int_equal(st.duplicates, 5);
    assert_int_equal(st.learners_added, 0);
    /* Its own export adds nothing either. */
    assert_int_equal(hrc_progress_import_json(k->sb, jb, &st), HRC_PROGRESS_OK);
    assert_int_equal(st.added, 0);
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM event"), 10);

    /* The merged store's export holds A's statements exactly as A wrote them. */
    char merged[400];
    snprintf(merged, sizeof merged, "%s/merged.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sb, merged), HRC_PROGRESS_OK);
    char *text_m = slurp(merged);
    const char *line = strchr(text_a, '\n') + 1;
    for (int i = 0; i < 5; i++) {
        const char *end = strchr(line, '\n');
        char *one = strndup(line, (size_t)(end - line - (end[-1] == ',' ? 1 : 0)));
        assert_non_null(strstr(text_m, one));
        free(one);
        line = end + 1;
    }
    free(text_m);
    free(text_a);

    /* And the derived state came across. */
    hrc_module_progress *rows;
    size_t n;
    assert_int_equal(hrc_progress_list_all(k->sb, &rows, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].learner_name, "Ana");
    assert_true(rows[0].completed);
    assert_int_equal(rows[0].success, HRC_SUCCESS_PASSED);
    assert_float_equal(rows[0].best_score, 0.8, 1e-12);
    assert_string_equal(rows[0].resume_item, "quiz");
    free(rows);
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM event WHERE response = "
                                   "'\"Yes\", and' || char(10) || 'then \\ / é ' || char(1)"
                                   " AND score = 2.0 / 3.0 AND hints_used = 2 AND "
                                   "item_revision = 3 AND duration_ms = 3723001"), 2);
}

static void write_text(const char *path, const char *text)
{
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

/* The first row of sql on DIR/progress.db: column 0 as bytes into out. */
static size_t sql_blob(const char *dir, const char *sql, void *out, size_t size)
{
    char path[400];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    sqlite3 *db;
    sqlite3_stmt *st;
    size_t n = 0;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW) {
        n = (size_t)sqlite3_column_bytes(st, 0);
        assert_true(n <= size);
        memcpy(out, sqlite3_column_blob(st, 0), n);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/*
 * Signs the file at path with the key of the kiosk whose store is in dir,
 * as docs/progress.md ("Signed exports") describes it: written here from
 * the documentation, so that this test also checks the format.
 */
static void sign_as(const char *dir, const char *path)
{
    unsigned char pk[32], sk[64];
    char device[40] = "";
    assert_int_equal(sql_blob(dir, "SELECT public_key FROM kiosk_key", pk, sizeof pk), 32);
    assert_int_equal(sql_blob(dir, "SELECT secret_key FROM kiosk_key", sk, sizeof sk), 64);
    assert_int_equal(sql_blob(dir, "SELECT value FROM setting WHERE key = 'device_id'", device,
                              sizeof device - 1), 32);
    char *text = slurp(path);
    size_t len = strlen(text);
    unsigned char digest[64], h[32];
    crypto_hash_sha512(digest, (const unsigned char *)text, len);
    free(text);
    char hex[129], b64[64], fp[20], sig_b64[100];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    sodium_bin2base64(b64, sizeof b64, pk, 32, sodium_base64_VARIANT_ORIGINAL);
    crypto_generichash(h, sizeof h, pk, 32, NULL, 0);
    snprintf(fp, sizeof fp, "%02X%02X %02X%02X %02X%02X %02X%02X", h[0], h[1], h[2], h[3], h[4],
             h[5], h[6], h[7]);
    char header[1024];
    int n = snprintf(header, sizeof header,
                     "hrc-player signature 1\nsigned-file-bytes: %zu\nsigned-file-sha512: %s\n"
                     "kiosk: hrc-kiosk-1:%s:%s\nkiosk-fingerprint: %s\n",
                     len, hex, device, b64, fp);
    unsigned char sig[64];
    crypto_sign_detached(sig, NULL, (const unsigned char *)header, (unsigned long long)n, sk);
    sodium_bin2base64(sig_b64, sizeof sig_b64, sig, sizeof sig, sodium_base64_VARIANT_ORIGINAL);
    char sig_path[500];
    snprintf(sig_path, sizeof sig_path, "%s.sig", path);
    FILE *out = fopen(sig_path, "wb");
    assert_non_null(out);
    fprintf(out, "%ssignature: %s\n", header, sig_b64);
    fclose(out);
}

/* write_text, then signed by kiosk A (which B trusts). */
static void write_signed(const kiosks *k, const char *path, const char *text)
{
    write_text(path, text);
    sign_as(k->a, path);
}

static void test_import_rejects_what_it_did_not_write(void **state)
{
    kiosks *k = *state;
    play(k->sa, "Ana", "m1", 1767225600000);
    char ja[400], bad[400];
    snprintf(ja, sizeof ja, "%s/a.json", k->dir);
    snprintf(bad, sizeof bad, "%s/bad.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    hrc_import_stats st;

    write_signed(k, bad, "not json at all");
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "line 1"));

    /* A proper xAPI statement from some other tool. */
    write_signed(k, bad, "[{\"id\": \"6fa459ea-ee8a-4ca4-894e-db77e160355e\","
                         " \"actor\": {\"mbox\": \"mailto:a@example.org\"},"
                         " \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/completed\"},"
                         " \"object\": {\"id\": \"http://example.org/course\"}}]");
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "statement 1"));
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "not exported by hrc-player"));

    /* A real export, edited by hand: the second statement's score is out of
     * range. Nothing at all is imported, not even the good first one. */
    char *text = slurp(ja);
    char *second = strchr(strchr(text, '\n') + 1, '\n') + 1;
    char *score = strstr(second, "\"scaled\":");
    assert_non_null(score);
    memcpy(score + 9, "7", 1);
    write_signed(k, bad, text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "statement"));
    assert_int_equal(st.added, 0);
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM event"), 0);
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM learner"), 0);

    /* A statement whose id was changed no longer matches its sequence. */
    free(text);
    text = slurp(ja);
    char *id = strstr(text, "{\"id\":\"") + 7;
    id[0] = id[0] == 'a' ? 'b' : 'a';
    write_signed(k, bad, text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "id does not match"));

    /* Truncated in the middle: rejected, nothing imported. */
    text[strlen(text) / 2] = '\0';
    write_signed(k, bad, text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM event"), 0);
    free(text);

    snprintf(bad, sizeof bad, "%s/missing.json", k->dir);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_NOT_FOUND);
}

static void test_csv_headers_and_quoting(void **state)
{
    kiosks *k = *state;
    play(k->sa, "=cmd|' /C calc'!A0", "m1", 1767225600000);
    play(k->sa, "Zoé, \"the clerk\"", "m2", 1767225600000);
    play(k->sa, "-12.5", "m2", 1767225600000);
    play(k->sa, "-12.5-3", "m2", 1767225600000);
    char path[400];
    snprintf(path, sizeof path, "%s/out.csv", k->dir);
    assert_int_equal(hrc_progress_export_csv(k->sa, path, "fr"), HRC_PROGRESS_OK);
    char *text = slurp(path);
    assert_memory_equal(text, "\xef\xbb\xbfParticipant,Module,Achèvement,Réussite,",
                        strlen("\xef\xbb\xbfParticipant,Module,Achèvement,Réussite,"));
    /* A name that a spreadsheet would run as a formula is defused. */
    assert_non_null(strstr(text, "\r\n\"'=cmd|' /C calc'!A0\",m1,completed,passed,80.0,80.0,1,"));
    assert_non_null(strstr(text, "\r\n\"Zoé, \"\"the clerk\"\"\",m2,completed,passed,"));
    /* A signed number is a number, not a formula; a sum is defused. */
    assert_non_null(strstr(text, "\r\n-12.5,m2,completed,"));
    assert_non_null(strstr(text, "\r\n\"'-12.5-3\",m2,completed,"));
    free(text);
    assert_int_equal(hrc_progress_export_csv(k->sa, path, "de"), HRC_PROGRESS_OK);
    text = slurp(path);
    assert_non_null(strstr(text, "Learner,Module,Completion,Success,Best score (%)"));
    free(text);

    /* The facilitator screen's folder export writes both files. */
    char csv[HRC_PROGRESS_PATH_MAX], json[HRC_PROGRESS_PATH_MAX];
    assert_int_equal(hrc_progress_export_to_folder(k->sa, k->dir, "es", csv, json),
                     HRC_PROGRESS_OK);
    assert_int_equal(access(csv, F_OK), 0);
    assert_int_equal(access(json, F_OK), 0);
    assert_non_null(strstr(json, "/hrc-progress-"));
    text = slurp(csv);
    assert_non_null(strstr(text, "Participante,Módulo"));
    free(text);
    snprintf(path, sizeof path, "%s/no/such/folder", k->dir);
    assert_int_equal(hrc_progress_export_to_folder(k->sa, path, "en", csv, json),
                     HRC_PROGRESS_ERR_IO);
    assert_non_null(strstr(hrc_progress_errmsg(k->sa), "no/such/folder"));
}

/* A real export with bytes flipped, dropped or cut: every import either
 * succeeds or is refused as FORMAT, all or nothing; the store stays sound. */
static void test_import_survives_damaged_exports(void **state)
{
    kiosks *k = *state;
    play(k->sa, "Ana", "m1", 1767225600000);
    char ja[400], bad[400];
    snprintf(ja, sizeof ja, "%s/a.json", k->dir);
    snprintf(bad, sizeof bad, "%s/bad.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    char *good = slurp(ja);
    size_t len = strlen(good);
    char *text = malloc(len + 1);
    unsigned seed = 12345;
    int refused = 0;
    for (int i = 0; i < 400; i++) {
        memcpy(text, good, len + 1);
        seed = seed * 1103515245u + 12345u;
        size_t at = (seed >> 8) % len;
        switch (i % 4) {
        case 0: text[at] = (char)(seed >> 3); break;                 /* one byte changed */
        case 1: text[at] = '\0'; break;                              /* cut short */
        case 2: memmove(text + at, text + at + 1, len - at); break;  /* one byte dropped */
        case 3: text[at] = "{}[],:\"\\0e-"[(seed >> 4) % 12]; break; /* structure */
        }
        write_signed(k, bad, text);
        long long before = sql_int(k->b, "SELECT count(*) FROM event");
        hrc_import_stats st;
        int r = hrc_progress_import_json(k->sb, bad, &st);
        if (r != HRC_PROGRESS_OK && r != HRC_PROGRESS_ERR_FORMAT)
            fail_msg("import #%d: %s (%s)", i, hrc_progress_result_name(r),
                     hrc_progress_errmsg(k->sb));
        if (r == HRC_PROGRESS_ERR_FORMAT) {
            refused++;
            assert_int_equal(sql_int(k->b, "SELECT count(*) FROM event"), before);
            assert_string_not_equal(hrc_progress_errmsg(k->sb), "");
        }
    }
    assert_true(refused > 200);
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM pragma_integrity_check "
                                   "WHERE integrity_check <> 'ok'"), 0);
    free(text);
    free(good);
}


/* ---- Signed exports and trust ----------------------------------------- */

static long long count_rows(const char *dir)
{
    return sql_int(dir, "SELECT count(*) FROM event") + sql_int(dir, "SELECT count(*) FROM learner");
}

static void copy_file(const char *from, const char *to)
{
    char *text = slurp(from);
    write_text(to, text);
    free(text);
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    return st.st_mode & 07777;
}

static void test_signed_export_and_what_imports_refuse(void **state)
{
    kiosks *k = *state;
    play(k->sa, "Ana", "m1", 1767225600000);
    char ja[400], sig[400], bad[400], bad_sig[400];
    snprintf(ja, sizeof ja, "%s/a.json", k->dir);
    snprintf(sig, sizeof sig, "%s/a.json.sig", k->dir);
    snprintf(bad, sizeof bad, "%s/bad.json", k->dir);
    snprintf(bad_sig, sizeof bad_sig, "%s/bad.json.sig", k->dir);
    mode_t old = umask(022);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    umask(old);
    assert_int_equal(mode_of(ja), 0600);
    assert_int_equal(mode_of(sig), 0600);
    assert_string_equal(hrc_progress_last_export(k->sa)->signature, sig);
    assert_int_equal(hrc_progress_last_export(k->sa)->records, 5);

    /* The signature names kiosk A as --kiosk-key shows it, and matches
     * what the documented format gives when made independently. */
    hrc_kiosk a;
    assert_int_equal(hrc_progress_this_kiosk(k->sa, &a), HRC_PROGRESS_OK);
    char *text = slurp(sig);
    assert_non_null(strstr(text, a.key));
    assert_non_null(strstr(text, a.fingerprint));
    assert_int_equal(strncmp(text, "hrc-player signature 1\nsigned-file-bytes: ", 42), 0);
    free(text);
    hrc_kiosk signer;
    assert_int_equal(hrc_progress_export_signer(k->sc, ja, &signer), HRC_PROGRESS_OK);
    assert_string_equal(signer.key, a.key);
    assert_int_equal(hrc_progress_export_signer(k->sc, sig, &signer), HRC_PROGRESS_OK);
    /* Ed25519 is deterministic: signing the same bytes by the book gives
     * the very same file. */
    copy_file(ja, bad);
    sign_as(k->a, bad);
    char *ours = slurp(sig), *by_the_book = slurp(bad_sig);
    assert_string_equal(ours, by_the_book);
    free(ours);
    free(by_the_book);

    /* C trusts nobody: refused whole, and told who signed. */
    hrc_import_stats st;
    assert_int_equal(hrc_progress_import_json(k->sc, ja, &st), HRC_PROGRESS_ERR_UNTRUSTED);
    assert_string_equal(st.signer.fingerprint, a.fingerprint);
    assert_false(st.signer_trusted);
    assert_non_null(strstr(hrc_progress_errmsg(k->sc), a.fingerprint));
    assert_int_equal(count_rows(k->c), 0);

    /* One byte changed anywhere in the file: refused by B, which trusts A. */
    text = slurp(ja);
    char *yes = strstr(text, "Yes");
    assert_non_null(yes);
    yes[0] = 'N';
    write_text(bad, text);
    free(text);
    copy_file(sig, bad_sig);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_SIGNATURE);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "changed after"));
    assert_int_equal(count_rows(k->b), 0);

    /* The signature file changed: its fingerprint, a digit of the digest,
     * the signature itself. */
    static const char *const fields[] = {"kiosk-fingerprint: ", "signed-file-sha512: ",
                                         "signature: "};
    for (int i = 0; i < 3; i++) {
        copy_file(ja, bad);
        text = slurp(sig);
        char *at = strstr(text, fields[i]) + strlen(fields[i]) + 2;
        if (i == 1) /* a hex digit of the digest: another hex digit */
            *at = *at == '0' ? '1' : '0';
        else
            *at = *at == 'A' || *at == 'a' ? 'B' : 'A';
        write_text(bad_sig, text);
        free(text);
        int r = hrc_progress_import_json(k->sb, bad, &st);
        if (r != HRC_PROGRESS_ERR_SIGNATURE)
            fail_msg("changed %s: %s", fields[i], hrc_progress_errmsg(k->sb));
        assert_int_equal(count_rows(k->b), 0);
    }

    /* No signature at all. */
    copy_file(ja, bad);
    unlink(bad_sig);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_UNSIGNED);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "bad.json.sig"));

    /* Signed by C, which B does not trust, even though the content is A's. */
    sign_as(k->c, bad);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_UNTRUSTED);
    assert_int_equal(count_rows(k->b), 0);

    /* The real thing goes in; untrusting A stops the next one. */
    assert_int_equal(hrc_progress_import_json(k->sb, ja, &st), HRC_PROGRESS_OK);
    assert_true(st.signer_trusted);
    assert_int_equal(st.added, 5);
    hrc_kiosk *list;
    size_t n;
    assert_int_equal(hrc_progress_list_trusted_kiosks(k->sb, &list, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(list[0].fingerprint, a.fingerprint);
    free(list);
    assert_int_equal(hrc_progress_untrust_kiosk(k->sb, a.fingerprint), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_import_json(k->sb, ja, &st), HRC_PROGRESS_ERR_UNTRUSTED);
    assert_int_equal(hrc_progress_untrust_kiosk(k->sb, a.fingerprint), HRC_PROGRESS_ERR_NOT_FOUND);
}

static void test_trusting_kiosks(void **state)
{
    kiosks *k = *state;
    hrc_kiosk a, c, got;
    assert_int_equal(hrc_progress_this_kiosk(k->sa, &a), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_this_kiosk(k->sc, &c), HRC_PROGRESS_OK);
    assert_int_equal(strncmp(a.key, "hrc-kiosk-1:", 12), 0);
    assert_int_equal(strlen(a.fingerprint), 19);
    assert_string_equal(a.device_id, hrc_progress_device_id(k->sa));
    assert_string_not_equal(a.fingerprint, c.fingerprint);
    /* Only the facilitator; not oneself; not garbage; again is fine. */
    hrc_progress_lock(k->sc);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, a.key, &got), HRC_PROGRESS_ERR_LOCKED);
    hrc_kiosk *list;
    size_t n;
    assert_int_equal(hrc_progress_list_trusted_kiosks(k->sc, &list, &n), HRC_PROGRESS_ERR_LOCKED);
    assert_int_equal(hrc_progress_this_kiosk(k->sc, &got), HRC_PROGRESS_OK); /* public */
    hrc_progress_close(k->sc);
    assert_int_equal(hrc_progress_open(k->c, HRC_PROGRESS_OPEN_FACILITATOR, &k->sc, NULL), 0);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, c.key, &got), HRC_PROGRESS_ERR_INVALID);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, "hrc-kiosk-1:nonsense", &got),
                     HRC_PROGRESS_ERR_INVALID);
    char cut[HRC_KIOSK_KEY_MAX];
    snprintf(cut, sizeof cut, "%.*s", (int)strlen(a.key) - 4, a.key);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, cut, &got), HRC_PROGRESS_ERR_INVALID);
    char spaced[HRC_KIOSK_KEY_MAX + 8];
    snprintf(spaced, sizeof spaced, "  %s \n", a.key);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, spaced, &got), HRC_PROGRESS_OK);
    assert_string_equal(got.fingerprint, a.fingerprint);
    assert_true(got.trusted_ms > 0);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, a.key, &got), HRC_PROGRESS_OK);
    /* Another key claiming A's device id is not taken. */
    char other[HRC_KIOSK_KEY_MAX];
    snprintf(other, sizeof other, "hrc-kiosk-1:%s:%s", a.device_id,
             strrchr(c.key, ':') + 1);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, other, &got), HRC_PROGRESS_ERR_INVALID);
    assert_int_equal(hrc_progress_list_trusted_kiosks(k->sc, &list, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    free(list);
    /* Untrusted by key text, device id or fingerprint (spaces optional). */
    char fp[20];
    snprintf(fp, sizeof fp, "%.4s%.4s%.4s%.4s", a.fingerprint, a.fingerprint + 5,
             a.fingerprint + 10, a.fingerprint + 15);
    assert_int_equal(hrc_progress_untrust_kiosk(k->sc, fp), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, a.key, NULL), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_untrust_kiosk(k->sc, a.device_id), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, a.key, NULL), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_untrust_kiosk(k->sc, a.key), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_list_trusted_kiosks(k->sc, &list, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 0);
}

/* Replaces the first occurrence of from by to (same length) in text. */
static void swap_text(char *text, const char *from, const char *to)
{
    char *at = strstr(text, from);
    assert_non_null(at);
    assert_int_equal(strlen(from), strlen(to));
    memcpy(at, to, strlen(to));
}

/* text with its first from replaced by to, in a new string; frees text. */
static char *replaced(char *text, const char *from, const char *to)
{
    char *at = strstr(text, from);
    assert_non_null(at);
    size_t head = (size_t)(at - text);
    char *out = malloc(strlen(text) + strlen(to) + 1);
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    free(text);
    return out;
}

/* The id hrc-player gives the event (device, seq): docs/progress.md. */
static void event_uuid(const char *device, long long seq, char out[37])
{
    char key[80];
    int n = snprintf(key, sizeof key, "hrc-player:%s:%lld", device, seq);
    unsigned char b[16];
    crypto_generichash(b, sizeof b, (const unsigned char *)key, (size_t)n, NULL, 0);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
}

/* The first statement's event as recorded by device instead: its device id
 * and, as a forger would, its statement id. */
static void first_event_from(char *text, const char *old_device, const char *device)
{
    char ext[100], ext_new[100], id[37];
    snprintf(ext, sizeof ext, "\"urn:hrc-player:ext:device-id\":\"%s\"", old_device);
    snprintf(ext_new, sizeof ext_new, "\"urn:hrc-player:ext:device-id\":\"%s\"", device);
    swap_text(text, ext, ext_new);
    event_uuid(device, 1, id);
    char *at = strstr(text, "{\"id\":\"");
    assert_non_null(at);
    memcpy(at + 7, id, 36);
}

static void test_imports_attach_only_to_trusted_kiosks_learners(void **state)
{
    kiosks *k = *state;
    /* Bea is B's own learner; her UUID is in every CSV export of B. */
    int64_t bea;
    assert_int_equal(hrc_progress_add_learner(k->sb, "Bea", NULL, NULL, &bea), HRC_PROGRESS_OK);
    hrc_learner b_bea;
    assert_int_equal(hrc_progress_get_learner(k->sb, bea, &b_bea), HRC_PROGRESS_OK);
    play(k->sa, "Ana", "m1", 1767225600000);
    hrc_learner *al;
    size_t n;
    assert_int_equal(hrc_progress_list_learners(k->sa, &al, &n), HRC_PROGRESS_OK);
    char ana_uuid[37];
    snprintf(ana_uuid, sizeof ana_uuid, "%s", al[0].uuid);
    free(al);
    char ja[400], bad[400];
    snprintf(ja, sizeof ja, "%s/a.json", k->dir);
    snprintf(bad, sizeof bad, "%s/bad.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    const char *a_dev = hrc_progress_device_id(k->sa), *b_dev = hrc_progress_device_id(k->sb),
               *c_dev = hrc_progress_device_id(k->sc);
    hrc_import_stats st;

    /* A file (signed by trusted A) that names Bea as a learner of A: Bea is
     * B's, so nothing is attached to her. */
    char *text = slurp(ja);
    for (char *p; (p = strstr(text, ana_uuid));)
        memcpy(p, b_bea.uuid, 36);
    write_signed(k, bad, text);
    free(text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "belongs to kiosk"));
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM event"), 0);

    /* Events said to be recorded by C, which B does not trust. */
    text = slurp(ja);
    first_event_from(text, a_dev, c_dev);
    write_signed(k, bad, text);
    free(text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_UNTRUSTED);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "recorded by kiosk"));

    /* A learner said to belong to C. */
    text = slurp(ja);
    char home[100], home_c[100];
    snprintf(home, sizeof home, "urn:hrc-player:kiosk:%s", a_dev);
    snprintf(home_c, sizeof home_c, "urn:hrc-player:kiosk:%s", c_dev);
    swap_text(text, home, home_c);
    write_signed(k, bad, text);
    free(text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_UNTRUSTED);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "belongs to kiosk"));

    /* An event said to be recorded by B itself, which B never recorded. */
    text = slurp(ja);
    first_event_from(text, a_dev, b_dev);
    write_signed(k, bad, text);
    free(text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_UNTRUSTED);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "recorded by this kiosk"));
    assert_int_equal(count_rows(k->b), 1); /* Bea alone */

    /* A learner's name that B would refuse on screen is refused here too. */
    text = slurp(ja);
    text = replaced(text, "\"name\":\"Ana\"", "\"name\":\"\\t  \"");
    write_signed(k, bad, text);
    free(text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_NAME);
    text = slurp(ja);
    text = replaced(text, "\"name\":\"Ana\"", "\"name\":\" Ana\"");
    write_signed(k, bad, text);
    free(text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM learner WHERE name = 'Ana'"), 1);
}

static void test_duplicates_in_an_import_are_refused(void **state)
{
    kiosks *k = *state;
    play(k->sa, "Ana", "m1", 1767225600000);
    char ja[400], bad[400];
    snprintf(ja, sizeof ja, "%s/a.json", k->dir);
    snprintf(bad, sizeof bad, "%s/bad.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    hrc_import_stats st;

    /* One member twice in one object: which one counts depends on the
     * reader, so neither does. */
    char *text = slurp(ja);
    char *ts = strstr(text, "\"timestamp\":");
    assert_non_null(ts);
    size_t len = strlen(text);
    char *twice = malloc(len + 64);
    size_t head = (size_t)(ts - text);
    memcpy(twice, text, head);
    int n = sprintf(twice + head, "\"timestamp\":\"2020-01-01T00:00:00.000Z\",");
    memcpy(twice + head + (size_t)n, ts, len - head + 1);
    write_signed(k, bad, twice);
    free(twice);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "appears twice"));
    assert_int_equal(count_rows(k->b), 0);

    /* The same statement twice is harmless; the same id with another
     * content is refused. */
    char *first = strchr(text, '\n') + 1;
    char *end = strchr(first, '\n');
    size_t one = (size_t)(end - first); /* with its trailing comma */
    char *doubled = malloc(len + one + 8);
    memcpy(doubled, text, (size_t)(first - text));
    memcpy(doubled + (first - text), first, one);
    doubled[(first - text) + one] = '\n';
    strcpy(doubled + (first - text) + one + 1, first);
    write_signed(k, bad, doubled);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_OK);
    assert_int_equal(st.statements, 6);
    assert_int_equal(st.added, 5);
    assert_int_equal(st.duplicates, 1);
    /* Now change the copy's duration: same id, different content. */
    char *copy = doubled + (first - text);
    char *dur = strstr(copy, "\"duration\":\"PT");
    assert_true(dur && dur < copy + one);
    dur[14] = dur[14] == '9' ? '8' : '9';
    write_signed(k, bad, doubled);
    free(doubled);
    /* into C's store, which has nothing yet (trusting A first) */
    hrc_kiosk a;
    assert_int_equal(hrc_progress_this_kiosk(k->sa, &a), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_trust_kiosk(k->sc, a.key, NULL), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_import_json(k->sc, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sc), "different content"));
    assert_int_equal(sql_int(k->c, "SELECT count(*) FROM event"), 0);
    /* and into B, which has the original: the changed one is refused too */
    char *single = strchr(text, '\n') + 1;
    char *sdur = strstr(single, "\"duration\":\"PT");
    sdur[14] = sdur[14] == '9' ? '8' : '9';
    write_signed(k, bad, text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "different content"));
    free(text);
}

/* A tampered store with bytes that are not UTF-8, and a quote in an id:
 * the JSON export is still valid JSON, as Python's parser checks. */
static void test_json_export_is_valid_utf8_json(void **state)
{
    kiosks *k = *state;
    play(k->sa, "Ana", "m1", 1767225600000);
    hrc_progress_close(k->sa);
    assert_int_equal(sql_exec(k->a, "UPDATE learner SET name = 'An' || CAST(x'ff' AS TEXT) || 'a'"),
                     SQLITE_OK);
    assert_int_equal(sql_exec(k->a, "DROP TRIGGER event_append_only;"
                                    "UPDATE event SET response = 'caf' || CAST(x'c3' AS TEXT),"
                                    " session_id = 'a\"b\\c' WHERE response IS NOT NULL;"),
                     SQLITE_OK);
    assert_int_equal(hrc_progress_open(k->a, HRC_PROGRESS_OPEN_FACILITATOR, &k->sa, NULL), 0);
    char ja[400], cmd[1200];
    snprintf(ja, sizeof ja, "%s/a.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    /* five statements name Ana; one holds the response */
    assert_int_equal(hrc_progress_last_export(k->sa)->replaced, 6);
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding=\"utf-8\"));"
             " assert d[0][\"actor\"][\"name\"] == \"An\\ufffda\", d[0][\"actor\"];"
             " assert any(s[\"result\"].get(\"response\") == \"caf\\ufffd\" for s in d);"
             " assert any(s[\"context\"][\"registration\"] == \"a\\\"b\\\\c\" for s in d)' %s",
             ja);
    assert_int_equal(system(cmd), 0);
    /* The CSV too is valid UTF-8. */
    char csv[400];
    snprintf(csv, sizeof csv, "%s/a.csv", k->dir);
    assert_int_equal(hrc_progress_export_csv(k->sa, csv, "en"), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_last_export(k->sa)->replaced, 1);
    snprintf(cmd, sizeof cmd, "python3 -c 'import sys; open(sys.argv[1], encoding=\"utf-8\").read()' %s",
             csv);
    assert_int_equal(system(cmd), 0);
}

/* A link planted where the export goes, or where an older player put its
 * temporary file: the link is replaced or ignored, its target untouched. */
static void test_exports_never_write_through_links(void **state)
{
    kiosks *k = *state;
    play(k->sa, "Ana", "m1", 1767225600000);
    char victim[400], out[400], tmp[400];
    snprintf(victim, sizeof victim, "%s/victim", k->dir);
    snprintf(out, sizeof out, "%s/out.csv", k->dir);
    snprintf(tmp, sizeof tmp, "%s/out.csv.tmp", k->dir);
    write_text(victim, "precious\n");
    assert_int_equal(symlink(victim, tmp), 0);
    assert_int_equal(symlink(victim, out), 0);
    assert_int_equal(hrc_progress_export_csv(k->sa, out, "en"), HRC_PROGRESS_OK);
    char *text = slurp(victim);
    assert_string_equal(text, "precious\n");
    free(text);
    struct stat st;
    assert_int_equal(lstat(out, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0600);
    assert_int_equal(lstat(tmp, &st), 0);
    assert_true(S_ISLNK(st.st_mode)); /* left alone */
    /* No temporary file is left behind. */
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -A %s | grep -q '^\\.out'", k->dir);
    assert_int_not_equal(system(cmd), 0);
    /* A folder that is not there: the error names it, nothing is written. */
    snprintf(out, sizeof out, "%s/missing/out.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, out), HRC_PROGRESS_ERR_IO);
    assert_non_null(strstr(hrc_progress_errmsg(k->sa), "missing/out.json"));
}

/* Answers to fill-in and numeric questions, with the course played: xAPI
 * interactions (type, correct responses) in the export, checked by
 * check_interactions.py as a JSON reader sees them; the import reads the
 * same responses back. */
static void test_typed_answers_as_xapi_interactions(void **state)
{
    kiosks *k = *state;
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = NULL;
    assert_int_equal(hrc_module_load(HRC_TEST_DATA "/loader/additions/valid.xml", NULL, &m, &d),
                     0);
    hrc_diags_clear(&d);
    hrc_course course = {.dir = NULL, .n_modules = 1, .modules = &m};
    hrc_progress_set_course(k->sa, &course);

    int64_t id;
    assert_int_equal(hrc_progress_add_learner(k->sa, "Ana", NULL, NULL, &id), HRC_PROGRESS_OK);
    hrc_module_ref ref = {"additions", 1, "feed"};
    hrc_session session;
    assert_int_equal(hrc_progress_begin_session(k->sa, id, &ref, &session), HRC_PROGRESS_OK);
    static const struct {
        const char *item, *response;
        int rev;
        double score;
    } answers[] = {
        {"where", "gen\xc3\xa8ve[,]2018", 1, 0.5},
        {"how-many", "15", 1, 1.0},
        {"share", "-1.5", 1, 0.0},
        {"where", "Geneva[,]2019", 2, 1.0},  /* a revision the course does not have */
        {"elsewhere", "b", 1, 1.0},          /* a question it does not have */
    };
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++) {
        hrc_progress_event ev = {.verb = HRC_VERB_ANSWERED, .item_id = answers[i].item,
                                 .item_revision = answers[i].rev,
                                 .response = answers[i].response, .has_success = true,
                                 .success = answers[i].score >= 1.0, .has_score = true,
                                 .score = answers[i].score, .attempt = 1,
                                 .time_ms = 1767225600000 + (int64_t)i * 1000};
        assert_int_equal(hrc_progress_record(k->sa, &session, &ev, NULL), HRC_PROGRESS_OK);
    }
    char ja[400], cmd[1200];
    snprintf(ja, sizeof ja, "%s/typed.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    snprintf(cmd, sizeof cmd, "python3 %s/tests/progress/check_interactions.py %s",
             HRC_SOURCE_DIR, ja);
    assert_int_equal(system(cmd), 0);

    /* Kiosk B reads the same responses back. */
    hrc_import_stats st;
    assert_int_equal(hrc_progress_import_json(k->sb, ja, &st), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(k->b, "SELECT count(*) FROM event WHERE verb = 'answered' AND "
                                   "response IN ('gen\xc3\xa8ve[,]2018', '15', '-1.5')"), 3);
    /* Without the course, the export claims no interaction. */
    hrc_progress_set_course(k->sa, NULL);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    char *text = slurp(ja);
    assert_null(strstr(text, "interactionType"));
    free(text);
    hrc_module_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_reader_accepts_strict_json),
        cmocka_unit_test(test_json_reader_rejects_garbage),
        cmocka_unit_test_setup_teardown(test_export_import_merges_without_duplicates, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import_rejects_what_it_did_not_write, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_csv_headers_and_quoting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_survives_damaged_exports, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_signed_export_and_what_imports_refuse, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_trusting_kiosks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_imports_attach_only_to_trusted_kiosks_learners,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicates_in_an_import_are_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_json_export_is_valid_utf8_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_typed_answers_as_xapi_interactions, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_exports_never_write_through_links, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
