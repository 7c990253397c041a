/*
 * Exports and imports: the strict JSON reader, xAPI statements that carry
 * every event across kiosks, merging without duplicates, and the CSV.
 */
#include "io/progress.h"
#include "io/progress_json.h"
#include "progress_test_util.h"

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

typedef struct kiosks {
    char dir[256];
    char a[300], b[300];
    hrc_progress *sa, *sb;
} kiosks;

static int setup(void **state)
{
    kiosks *k = calloc(1, sizeof *k);
    scratch_make(k->dir, sizeof k->dir);
    snprintf(k->a, sizeof k->a, "%s/kiosk-a", k->dir);
    snprintf(k->b, sizeof k->b, "%s/kiosk-b", k->dir);
    assert_int_equal(hrc_progress_open(k->a, HRC_PROGRESS_OPEN_FACILITATOR, &k->sa, NULL), 0);
    assert_int_equal(hrc_progress_open(k->b, HRC_PROGRESS_OPEN_FACILITATOR, &k->sb, NULL), 0);
    *state = k;
    return 0;
}

static int teardown(void **state)
{
    kiosks *k = *state;
    hrc_progress_close(k->sa);
    hrc_progress_close(k->sb);
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

static void test_import_rejects_what_it_did_not_write(void **state)
{
    kiosks *k = *state;
    play(k->sa, "Ana", "m1", 1767225600000);
    char ja[400], bad[400];
    snprintf(ja, sizeof ja, "%s/a.json", k->dir);
    snprintf(bad, sizeof bad, "%s/bad.json", k->dir);
    assert_int_equal(hrc_progress_export_json(k->sa, ja), HRC_PROGRESS_OK);
    hrc_import_stats st;

    write_text(bad, "not json at all");
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "line 1"));

    /* A proper xAPI statement from some other tool. */
    write_text(bad, "[{\"id\": \"6fa459ea-ee8a-4ca4-894e-db77e160355e\","
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
    write_text(bad, text);
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
    write_text(bad, text);
    assert_int_equal(hrc_progress_import_json(k->sb, bad, &st), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(k->sb), "id does not match"));

    /* Truncated in the middle: rejected, nothing imported. */
    text[strlen(text) / 2] = '\0';
    write_text(bad, text);
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
    char path[400];
    snprintf(path, sizeof path, "%s/out.csv", k->dir);
    assert_int_equal(hrc_progress_export_csv(k->sa, path, "fr"), HRC_PROGRESS_OK);
    char *text = slurp(path);
    assert_memory_equal(text, "\xef\xbb\xbfParticipant,Module,Achèvement,Réussite,",
                        strlen("\xef\xbb\xbfParticipant,Module,Achèvement,Réussite,"));
    /* A name that a spreadsheet would run as a formula is defused. */
    assert_non_null(strstr(text, "\r\n\"'=cmd|' /C calc'!A0\",m1,completed,passed,80.0,80.0,1,"));
    assert_non_null(strstr(text, "\r\n\"Zoé, \"\"the clerk\"\"\",m2,completed,passed,"));
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
        write_text(bad, text);
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
