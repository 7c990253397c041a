/*
 * The sync to a learning record store, without a network: lrs.conf and its
 * environment overrides, and the store's side (schema version 3, batches
 * of statements, acknowledgements and refusals). The network side runs
 * against a real LRS in the tests/lrs scripts.
 */
#include "io/lrs_config.h"
#include "io/progress_sync.h"
#include "../progress/old_store.h"
#include "../progress/progress_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/stat.h>

typedef struct fixture {
    char dir[256];
    hrc_progress *s;
    hrc_lrs_config cfg;
    char err[8192];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    scratch_make(f->dir, sizeof f->dir);
    unsetenv("HRC_LRS_ENDPOINT");
    unsetenv("HRC_LRS_USER");
    unsetenv("HRC_LRS_PASSWORD");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hrc_progress_close(f->s);
    scratch_remove(f->dir);
    free(f);
    return 0;
}

/* Writes DIR/name with text and mode; returns the path (static buffer). */
static const char *write_file(fixture *f, const char *name, const char *text, mode_t mode)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
    assert_int_equal(chmod(path, mode), 0);
    return path;
}

static int load_one(fixture *f, const char *path)
{
    const char *paths[] = {path, NULL};
    return hrc_lrs_config_load_from(&f->cfg, paths, f->err, sizeof f->err);
}

/* ---- lrs.conf ------------------------------------------------------------ */

static void test_config_reads_every_setting(void **state)
{
    fixture *f = *state;
    const char *path = write_file(f, "lrs.conf",
                                  "# the city's LRS\n"
                                  "\n"
                                  "  endpoint =  https://lrs.example.org/data/xAPI//  \n"
                                  "key=kiosk-12\n"
                                  "secret = a=b#c d\r\n"
                                  "ca = /etc/ssl/city-ca.pem\n"
                                  "batch = 250\n"
                                  "timeout = 12\n"
                                  "tries = 3\n"
                                  "interval = 60\n",
                                  0600);
    assert_int_equal(load_one(f, path), HRC_LRS_CONFIG_OK);
    assert_string_equal(f->cfg.endpoint, "https://lrs.example.org/data/xAPI");
    assert_string_equal(f->cfg.user, "kiosk-12");
    assert_string_equal(f->cfg.password, "a=b#c d");
    assert_string_equal(f->cfg.ca_file, "/etc/ssl/city-ca.pem");
    assert_int_equal(f->cfg.batch, 250);
    assert_int_equal(f->cfg.timeout_s, 12);
    assert_int_equal(f->cfg.tries, 3);
    assert_int_equal(f->cfg.interval_s, 60);
    assert_string_equal(f->cfg.source, path);
}

static void test_config_defaults(void **state)
{
    fixture *f = *state;
    const char *path = write_file(f, "lrs.conf", "endpoint = http://10.0.0.2:8080/xAPI\n", 0400);
    assert_int_equal(load_one(f, path), HRC_LRS_CONFIG_OK);
    assert_int_equal(f->cfg.batch, HRC_LRS_DEFAULT_BATCH);
    assert_int_equal(f->cfg.timeout_s, HRC_LRS_DEFAULT_TIMEOUT_S);
    assert_int_equal(f->cfg.tries, HRC_LRS_DEFAULT_TRIES);
    assert_int_equal(f->cfg.interval_s, HRC_LRS_DEFAULT_INTERVAL_S);
    assert_string_equal(f->cfg.user, "");
    assert_string_equal(f->cfg.ca_file, "");
}

static void test_config_refuses_a_file_others_can_read_or_write(void **state)
{
    fixture *f = *state;
    static const mode_t modes[] = {0640, 0604, 0620, 0602, 0660, 0644, 0610};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        const char *path = write_file(f, "lrs.conf", "endpoint = https://lrs.example.org\n"
                                                     "secret = s3cret\n", modes[i]);
        assert_int_equal(load_one(f, path), HRC_LRS_CONFIG_ERROR);
        assert_non_null(strstr(f->err, path));
        assert_non_null(strstr(f->err, "chmod 600"));
        assert_string_equal(f->cfg.password, ""); /* nothing of it kept */
    }
}

static void test_config_refuses_a_symbolic_link(void **state)
{
    fixture *f = *state;
    char target[512], link[512];
    snprintf(target, sizeof target, "%s", write_file(f, "real.conf",
                                                     "endpoint = https://a.example\n", 0600));
    snprintf(link, sizeof link, "%s/lrs.conf", f->dir);
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(load_one(f, link), HRC_LRS_CONFIG_ERROR);
    assert_non_null(strstr(f->err, "symbolic link"));
}

static void test_config_refuses_a_folder(void **state)
{
    fixture *f = *state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/lrs.conf", f->dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_int_equal(load_one(f, dir), HRC_LRS_CONFIG_ERROR);
    assert_non_null(strstr(f->err, "not a regular file"));
}

static void test_config_says_which_line_is_wrong(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text, *expect;
    } cases[] = {
        {"endpoint = https://a.example\nendpiont = x\n", ":2: unknown setting \"endpiont\""},
        {"endpoint = https://a.example\n\nbatch = 0\n", ":3: batch takes a whole number from 1"},
        {"endpoint = https://a.example\ntries = 3x\n", ":2: tries takes"},
        {"endpoint = https://a.example\njust words\n", ":2: expected key = value"},
        {"endpoint = ftp://a.example\n", ":1: the endpoint must be an http:// or https://"},
        {"endpoint = https://a.example/x y\n", ":1: the endpoint must not hold spaces"},
        {"key = k\nsecret = s\n", ": no endpoint"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = write_file(f, "lrs.conf", cases[i].text, 0600);
        assert_int_equal(load_one(f, path), HRC_LRS_CONFIG_ERROR);
        if (!strstr(f->err, cases[i].expect))
            fail_msg("case %zu: \"%s\" does not say \"%s\"", i, f->err, cases[i].expect);
    }
}

static void test_config_none_without_file_or_environment(void **state)
{
    fixture *f = *state;
    char missing[512];
    snprintf(missing, sizeof missing, "%s/nowhere/lrs.conf", f->dir);
    assert_int_equal(load_one(f, missing), HRC_LRS_CONFIG_NONE);
}

static void test_config_first_file_found_wins(void **state)
{
    fixture *f = *state;
    char user[512], system[512], missing[512];
    snprintf(user, sizeof user, "%s", write_file(f, "user.conf",
                                                 "endpoint = https://user.example\n", 0600));
    snprintf(system, sizeof system, "%s", write_file(f, "system.conf",
                                                     "endpoint = https://etc.example\n", 0600));
    snprintf(missing, sizeof missing, "%s/none.conf", f->dir);
    const char *both[] = {user, system, NULL};
    assert_int_equal(hrc_lrs_config_load_from(&f->cfg, both, f->err, sizeof f->err),
                     HRC_LRS_CONFIG_OK);
    assert_string_equal(f->cfg.endpoint, "https://user.example");
    const char *fallback[] = {missing, system, NULL};
    assert_int_equal(hrc_lrs_config_load_from(&f->cfg, fallback, f->err, sizeof f->err),
                     HRC_LRS_CONFIG_OK);
    assert_string_equal(f->cfg.endpoint, "https://etc.example");
}

static void test_config_environment_overrides_the_file(void **state)
{
    fixture *f = *state;
    const char *path = write_file(f, "lrs.conf",
                                  "endpoint = https://file.example\nkey = file-key\n"
                                  "secret = file-secret\nbatch = 7\n", 0600);
    setenv("HRC_LRS_ENDPOINT", "http://env.example:8080/xAPI/", 1);
    setenv("HRC_LRS_USER", "env-user", 1);
    setenv("HRC_LRS_PASSWORD", "env-password", 1);
    assert_int_equal(load_one(f, path), HRC_LRS_CONFIG_OK);
    assert_string_equal(f->cfg.endpoint, "http://env.example:8080/xAPI");
    assert_string_equal(f->cfg.user, "env-user");
    assert_string_equal(f->cfg.password, "env-password");
    assert_int_equal(f->cfg.batch, 7); /* the rest still comes from the file */

    /* The environment alone is a configuration. */
    char missing[512];
    snprintf(missing, sizeof missing, "%s/none.conf", f->dir);
    assert_int_equal(load_one(f, missing), HRC_LRS_CONFIG_OK);
    assert_string_equal(f->cfg.endpoint, "http://env.example:8080/xAPI");
    setenv("HRC_LRS_ENDPOINT", "lrs.example.org", 1);
    assert_int_equal(load_one(f, missing), HRC_LRS_CONFIG_ERROR);
    assert_non_null(strstr(f->err, "HRC_LRS_ENDPOINT"));
    unsetenv("HRC_LRS_ENDPOINT");
    unsetenv("HRC_LRS_USER");
    unsetenv("HRC_LRS_PASSWORD");
}

static void test_config_default_paths(void **state)
{
    fixture *f = *state;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/hrc-player", f->dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    write_file(f, "hrc-player/lrs.conf", "endpoint = https://xdg.example\n", 0600);
    setenv("XDG_CONFIG_HOME", f->dir, 1);
    assert_int_equal(hrc_lrs_config_load(&f->cfg, f->err, sizeof f->err), HRC_LRS_CONFIG_OK);
    assert_string_equal(f->cfg.endpoint, "https://xdg.example");
    /* Without XDG_CONFIG_HOME: ~/.config. */
    unsetenv("XDG_CONFIG_HOME");
    char config[512];
    snprintf(config, sizeof config, "%s/.config", f->dir);
    assert_int_equal(mkdir(config, 0700), 0);
    assert_int_equal(rename(dir, strcat(config, "/hrc-player")), 0);
    setenv("HOME", f->dir, 1);
    assert_int_equal(hrc_lrs_config_load(&f->cfg, f->err, sizeof f->err), HRC_LRS_CONFIG_OK);
    assert_string_equal(f->cfg.endpoint, "https://xdg.example");
}

/* ---- The store's side ---------------------------------------------------- */

static void open_store(fixture *f)
{
    hrc_progress_close(f->s);
    f->s = NULL;
    hrc_progress_open_info info;
    assert_int_equal(hrc_progress_open(f->dir, HRC_PROGRESS_OPEN_FACILITATOR, &f->s, &info),
                     HRC_PROGRESS_OK);
}

/* n answers for a new learner called name; returns the learner's id. */
static int64_t record(fixture *f, const char *name, int n)
{
    int64_t learner;
    assert_int_equal(hrc_progress_add_learner(f->s, name, NULL, NULL, &learner),
                     HRC_PROGRESS_OK);
    hrc_session session;
    hrc_module_ref module = {"m1-sync", 2, "abcd"};
    assert_int_equal(hrc_progress_begin_session(f->s, learner, &module, &session),
                     HRC_PROGRESS_OK);
    for (int i = 0; i < n - 2; i++)
        assert_int_equal(hrc_progress_record_answer(f->s, &session, "q1", 1, "«réponse» \"x\"",
                                                    i % 2, i % 2, 0, 1, 1500, NULL),
                         HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_end_session(f->s, &session, HRC_VERB_SUSPENDED,
                                              HRC_END_NORMAL),
                     HRC_PROGRESS_OK);
    return learner;
}

static char *read_all(const char *path)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    rewind(in);
    char *text = calloc((size_t)size + 1, 1);
    assert_int_equal(fread(text, 1, (size_t)size, in), (size_t)size);
    fclose(in);
    return text;
}

static void test_store_is_current_with_sync_tables(void **state)
{
    fixture *f = *state;
    open_store(f);
    assert_int_equal(hrc_progress_schema_version(f->s), sql_int(f->dir, "PRAGMA user_version"));
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                     " ('sync_target', 'sync_state')"), 2);
}

/* A store from before the sync (version 1, as released): every event it
 * holds is pending for a new LRS once upgraded. */
static void test_store_upgrades_from_version_1(void **state)
{
    fixture *f = *state;
    assert_int_equal(sql_exec(f->dir, hrc_test_v1_store), SQLITE_OK);
    hrc_progress_open_info info;
    assert_int_equal(hrc_progress_open(f->dir, 0, &f->s, &info), HRC_PROGRESS_OK);
    assert_true(info.status & HRC_PROGRESS_MIGRATED);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM event"), 3);
    hrc_sync_counts counts;
    int64_t target;
    assert_int_equal(hrc_progress_sync_target(f->s, "https://lrs.example", "k", &target),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_sync_counts(f->s, target, &counts), HRC_PROGRESS_OK);
    assert_int_equal(counts.pending, 3);
}

/* Read in batches of 7, the statements are exactly those of --export, with
 * the same ids, each once. */
static void test_batches_are_the_export_statements(void **state)
{
    fixture *f = *state;
    open_store(f);
    record(f, "Ada", 20);
    record(f, "Bao", 12);
    record(f, "Chloé", 9);
    char json_path[512];
    snprintf(json_path, sizeof json_path, "%s/export.json", f->dir);
    assert_int_equal(hrc_progress_export_json(f->s, json_path), HRC_PROGRESS_OK);
    char *exported = read_all(json_path);

    int64_t target;
    assert_int_equal(hrc_progress_sync_target(f->s, "https://lrs.example", NULL, &target),
                     HRC_PROGRESS_OK);
    hrc_sync_batch b;
    hrc_sync_batch_init(&b);
    size_t cap = 100000, n = 0, total = 0;
    char *joined = calloc(cap, 1);
    n += (size_t)snprintf(joined, cap, "[");
    int64_t after = 0;
    int reads = 0;
    for (;;) {
        assert_int_equal(hrc_progress_sync_read(f->s, target, after, 7, &b), HRC_PROGRESS_OK);
        reads++;
        if (b.count == 0)
            break;
        assert_true(b.count <= 7);
        for (size_t i = 0; i < b.count; i++) {
            const hrc_sync_item *it = &b.items[i];
            char head[64];
            snprintf(head, sizeof head, "{\"id\":\"%s\"", it->statement_id);
            assert_memory_equal(b.json + it->offset, head, strlen(head));
            assert_int_equal(b.json[it->offset + it->length - 1], '}');
            assert_true(n + it->length + 4 < cap);
            n += (size_t)snprintf(joined + n, cap - n, "%s", total ? ",\n" : "\n");
            memcpy(joined + n, b.json + it->offset, it->length);
            n += it->length;
            total++;
        }
        after = b.last_event_id;
    }
    snprintf(joined + n, cap - n, "\n]\n");
    assert_int_equal(total, 41);
    assert_int_equal(reads, 7); /* 6 batches and the empty read */
    assert_string_equal(joined, exported);
    hrc_sync_batch_free(&b);
    free(joined);
    free(exported);
}

static void mark_one(fixture *f, int64_t target, int64_t event, hrc_sync_status status,
                     const char *reason)
{
    hrc_sync_mark m = {event, status, reason};
    assert_int_equal(hrc_progress_sync_mark(f->s, target, &m, 1), HRC_PROGRESS_OK);
}

static void test_marks_and_counts(void **state)
{
    fixture *f = *state;
    open_store(f);
    record(f, "Ada", 10);
    int64_t target, other;
    assert_int_equal(hrc_progress_sync_target(f->s, "https://lrs.example", "k", &target),
                     HRC_PROGRESS_OK);
    /* The same endpoint with another key is another LRS store. */
    assert_int_equal(hrc_progress_sync_target(f->s, "https://lrs.example", "k2", &other),
                     HRC_PROGRESS_OK);
    assert_true(other != target);
    int64_t again;
    assert_int_equal(hrc_progress_sync_target(f->s, "https://lrs.example", "k", &again),
                     HRC_PROGRESS_OK);
    assert_int_equal(again, target);

    hrc_sync_batch b;
    hrc_sync_batch_init(&b);
    assert_int_equal(hrc_progress_sync_read(f->s, target, 0, 100, &b), HRC_PROGRESS_OK);
    assert_int_equal(b.count, 10);
    hrc_sync_mark marks[6];
    for (int i = 0; i < 6; i++)
        marks[i] = (hrc_sync_mark){b.items[i].event_id, HRC_SYNC_SENT, NULL};
    assert_int_equal(hrc_progress_sync_mark(f->s, target, marks, 6), HRC_PROGRESS_OK);
    mark_one(f, target, b.items[6].event_id, HRC_SYNC_PRESENT, NULL);
    mark_one(f, target, b.items[7].event_id, HRC_SYNC_REFUSED,
             "Problem in 'statements.0.context.registration'");
    char refused_id[37];
    snprintf(refused_id, sizeof refused_id, "%s", b.items[7].statement_id);

    hrc_sync_counts c;
    assert_int_equal(hrc_progress_sync_counts(f->s, target, &c), HRC_PROGRESS_OK);
    assert_int_equal(c.events, 10);
    assert_int_equal(c.acknowledged, 7);
    assert_int_equal(c.refused, 1);
    assert_int_equal(c.pending, 2);
    assert_string_equal(c.refused_id, refused_id);
    assert_string_equal(c.refused_reason, "Problem in 'statements.0.context.registration'");
    /* Only the two pending ones are read again; the other LRS gets all. */
    assert_int_equal(hrc_progress_sync_read(f->s, target, 0, 100, &b), HRC_PROGRESS_OK);
    assert_int_equal(b.count, 2);
    assert_int_equal(hrc_progress_sync_read(f->s, other, 0, 100, &b), HRC_PROGRESS_OK);
    assert_int_equal(b.count, 10);
    assert_int_equal(hrc_progress_sync_counts(f->s, other, &c), HRC_PROGRESS_OK);
    assert_int_equal(c.pending, 10);

    /* Durable: another connection sees the same. */
    open_store(f);
    assert_int_equal(hrc_progress_sync_counts(f->s, target, &c), HRC_PROGRESS_OK);
    assert_int_equal(c.pending, 2);
    hrc_sync_batch_free(&b);
}

static void test_deleting_a_learner_deletes_their_sync_records(void **state)
{
    fixture *f = *state;
    open_store(f);
    int64_t ada = record(f, "Ada", 6);
    record(f, "Bao", 4);
    int64_t target;
    assert_int_equal(hrc_progress_sync_target(f->s, "https://lrs.example", "", &target),
                     HRC_PROGRESS_OK);
    hrc_sync_batch b;
    hrc_sync_batch_init(&b);
    assert_int_equal(hrc_progress_sync_read(f->s, target, 0, 100, &b), HRC_PROGRESS_OK);
    hrc_sync_mark marks[10];
    for (size_t i = 0; i < b.count; i++)
        marks[i] = (hrc_sync_mark){b.items[i].event_id, HRC_SYNC_SENT, NULL};
    assert_int_equal(hrc_progress_sync_mark(f->s, target, marks, b.count), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_delete_learner(f->s, ada), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM sync_state"), 4);
    hrc_sync_counts c;
    assert_int_equal(hrc_progress_sync_counts(f->s, target, &c), HRC_PROGRESS_OK);
    assert_int_equal(c.events, 4);
    assert_int_equal(c.pending, 0);
    /* A batch that was in flight while the learner was deleted: the marks
     * of the gone events are skipped, the others kept. */
    assert_int_equal(hrc_progress_sync_mark(f->s, target, marks, b.count), HRC_PROGRESS_OK);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM sync_state"), 4);
    hrc_sync_batch_free(&b);
}

static void test_long_reasons_are_cut_on_a_character(void **state)
{
    fixture *f = *state;
    open_store(f);
    record(f, "Ada", 3);
    int64_t target;
    assert_int_equal(hrc_progress_sync_target(f->s, "https://lrs.example", "", &target),
                     HRC_PROGRESS_OK);
    char reason[3000] = "x";
    for (int i = 0; i < 900; i++)
        strcat(reason, "é"); /* 2 bytes each: byte 1000 is inside one */
    mark_one(f, target, 1, HRC_SYNC_REFUSED, reason);
    hrc_sync_counts c;
    assert_int_equal(hrc_progress_sync_counts(f->s, target, &c), HRC_PROGRESS_OK);
    size_t len = strlen(c.refused_reason);
    assert_true(len > 200 && len < sizeof c.refused_reason);
    /* Ends on a whole character. */
    assert_int_equal(((unsigned char)c.refused_reason[len - 1] & 0xC0), 0x80);
    assert_int_equal(((unsigned char)c.refused_reason[len - 2] & 0xE0), 0xC0);
    assert_true(sql_int(f->dir, "SELECT length(CAST(reason AS BLOB)) FROM sync_state") <= 1000);
}

static void test_null_and_read_only_stores(void **state)
{
    fixture *f = *state;
    int64_t target = 1;
    assert_int_equal(hrc_progress_sync_target(NULL, "https://a", "", &target),
                     HRC_PROGRESS_ERR_READONLY);
    assert_int_equal(target, 0);
    open_store(f);
    record(f, "Ada", 3);
    hrc_progress_close(f->s);
    hrc_progress_open_info info;
    assert_int_equal(hrc_progress_open(f->dir, HRC_PROGRESS_OPEN_READONLY, &f->s, &info),
                     HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_sync_target(f->s, "https://a", "", &target),
                     HRC_PROGRESS_ERR_READONLY);
    /* Counting needs no writing: an LRS never synced to has everything pending. */
    assert_int_equal(hrc_progress_sync_find_target(f->s, "https://a", "", &target),
                     HRC_PROGRESS_OK);
    assert_int_equal(target, 0);
    hrc_sync_counts c;
    assert_int_equal(hrc_progress_sync_counts(f->s, target, &c), HRC_PROGRESS_OK);
    assert_int_equal(c.pending, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_config_reads_every_setting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_refuses_a_file_others_can_read_or_write,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_refuses_a_symbolic_link, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_refuses_a_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_says_which_line_is_wrong, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_none_without_file_or_environment, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_config_first_file_found_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_environment_overrides_the_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_config_default_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_is_current_with_sync_tables, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_store_upgrades_from_version_1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batches_are_the_export_statements, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_marks_and_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deleting_a_learner_deletes_their_sync_records,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_reasons_are_cut_on_a_character, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_null_and_read_only_stores, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
