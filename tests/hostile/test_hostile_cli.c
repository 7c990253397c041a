/*
 * `hrc-player --validate` on the hostile fixtures: an author (or a script
 * checking a USB stick before it reaches a kiosk) gets one GCC-style error
 * line per bad file, exit status 1, and never the contents of a local file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIXTURES HRC_TEST_DATA "/hostile"
#define SECRET "HRC-HOSTILE-SECRET-5d1c0e8a"
#define PASSWD_MARKER "root:x:0:0"

typedef struct run_result {
    int status; /* exit status, or -1 when killed by a signal */
    char *output; /* stdout and stderr, interleaved */
    size_t len;
} run_result;

/* The last run's output, kept until the next run or the end of the
 * group so that a failed assertion does not leak it. */
static run_result last_run;

static int free_last_run(void **state)
{
    free(last_run.output);
    last_run = (run_result){0};
    return 0;
}

/* Runs the player with the given arguments, capturing both streams. */
static const run_result *run_player(const char *const *args)
{
    free_last_run(NULL);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        const char *argv[16] = {HRC_PLAYER};
        for (int i = 0; args[i] && i < 14; i++)
            argv[i + 1] = args[i];
        execv(HRC_PLAYER, (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    run_result r = {0};
    size_t cap = 0;
    for (;;) {
        if (r.len + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 16384;
            r.output = realloc(r.output, cap);
            assert_non_null(r.output);
        }
        ssize_t n = read(fds[0], r.output + r.len, 4096);
        if (n <= 0)
            break;
        r.len += (size_t)n;
    }
    r.output[r.len] = '\0';
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    last_run = r;
    return &last_run;
}

/*
 * True when some line of `out` reports an error on file `name`:
 * ".../name:LINE:COL: error: ...", ".../name:LINE: error: ..." or, when
 * `whole_file_ok`, ".../name: error: ...".
 */
static bool reports_error(const char *out, const char *name, bool whole_file_ok)
{
    char escaped[256];
    size_t n = 0;
    for (const char *c = name; *c && n + 3 < sizeof(escaped); c++) {
        if (*c == '.')
            escaped[n++] = '\\';
        escaped[n++] = *c;
    }
    escaped[n] = '\0';
    char pattern[512];
    snprintf(pattern, sizeof(pattern),
             whole_file_ok ? "^(.*/)?%s:([0-9]+:([0-9]+:)?)? error: [^ ]"
                           : "^(.*/)?%s:[0-9]+:([0-9]+:)? error: [^ ]",
             escaped);
    regex_t re;
    assert_int_equal(regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE | REG_NOSUB), 0);
    bool found = regexec(&re, out, 0, NULL, 0) == 0;
    regfree(&re);
    return found;
}

static const struct {
    const char *name;
    bool whole_file_ok; /* the problem may have no line */
} fixtures[] = {
    {"billion-laughs.xml", false}, {"doctype-plain.xml", false},
    {"dtd-network.xml", false},    {"empty.xml", true},
    {"garbage.xml", true},         {"invalid-utf8.xml", false},
    {"param-bomb.xml", false},     {"param-exfil.xml", false},
    {"truncated.xml", false},      {"xinclude.xml", false},
    {"xxe-passwd.xml", false},     {"xxe-relative.xml", false},
    {"number-overflow.xml", false},
};

static void assert_sealed(const run_result *r)
{
    if (strstr(r->output, SECRET) || strstr(r->output, PASSWD_MARKER))
        fail_msg("local file contents in the output:\n%s", r->output);
    if (strstr(r->output, "Sanitizer") || strstr(r->output, "runtime error"))
        fail_msg("the player crashed or leaked:\n%s", r->output);
}

static void validating_the_folder_reports_every_file(void **state)
{
    const run_result *r = run_player((const char *const[]){"--validate", FIXTURES, NULL});
    assert_sealed(r);
    if (r->status != 1)
        fail_msg("exit %d, output:\n%s", r->status, r->output);
    for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++)
        if (!reports_error(r->output, fixtures[i].name, fixtures[i].whole_file_ok))
            fail_msg("no error line for %s in:\n%s", fixtures[i].name, r->output);
}

static void validating_each_file_alone_fails(void **state)
{
    for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", FIXTURES, fixtures[i].name);
        const run_result *r = run_player((const char *const[]){"--validate", path, NULL});
        assert_sealed(r);
        if (r->status != 1 ||
            !reports_error(r->output, fixtures[i].name, fixtures[i].whole_file_ok))
            fail_msg("%s: exit %d, output:\n%s", fixtures[i].name, r->status, r->output);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(validating_the_folder_reports_every_file),
        cmocka_unit_test(validating_each_file_alone_fails),
    };
    return cmocka_run_group_tests(tests, NULL, free_last_run);
}
