/*
 * test_wav.c: the WAV files of --render --speech, read back byte by byte:
 * a RIFF header a player accepts, the right length, the samples as given;
 * written whole or not at all, private when asked, never through a link.
 */
#include "io/wav.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include <cmocka.h>

static char dir[] = "/tmp/hrc-test-wav-XXXXXX";

static int setup(void **state)
{
    (void)state;
    umask(022);
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char path[4096];
        while ((e = readdir(d)))
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
                unlink(path);
            }
        closedir(d);
    }
    rmdir(dir);
    return 0;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *size = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static int files_in_dir(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void header_length_and_samples(void **state)
{
    (void)state;
    enum { N = 22050 + 7 };
    int16_t *s = malloc(N * sizeof *s);
    for (int i = 0; i < N; i++)
        s[i] = (int16_t)((i * 37) % 65536 - 32768);
    s[0] = -1;
    s[1] = 32767;
    char path[4096], err[256] = "";
    snprintf(path, sizeof path, "%s/0010-home.wav", dir);
    assert_int_equal(hrc_wav_write(path, s, N, 22050, 0600, err, sizeof err), 0);

    size_t size;
    unsigned char *b = slurp(path, &size);
    assert_int_equal(size, 44 + 2 * N);
    assert_memory_equal(b, "RIFF", 4);
    assert_int_equal(le32(b + 4), size - 8);
    assert_memory_equal(b + 8, "WAVEfmt ", 8);
    assert_int_equal(le32(b + 16), 16);
    assert_int_equal(le16(b + 20), 1);     /* PCM */
    assert_int_equal(le16(b + 22), 1);     /* mono */
    assert_int_equal(le32(b + 24), 22050);
    assert_int_equal(le32(b + 28), 44100);
    assert_int_equal(le16(b + 32), 2);
    assert_int_equal(le16(b + 34), 16);
    assert_memory_equal(b + 36, "data", 4);
    assert_int_equal(le32(b + 40), 2 * N);
    for (int i = 0; i < N; i++)
        assert_int_equal((int16_t)le16(b + 44 + 2 * i), s[i]);
    free(b);

    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(files_in_dir(), 1); /* no temporary left */

    /* Author output like the PNGs: the umask decides. */
    assert_int_equal(hrc_wav_write(path, s, 10, 16000, 0666, err, sizeof err), 0);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    assert_int_equal(st.st_size, 44 + 20);
    free(s);

    /* No samples: a valid, empty file. */
    assert_int_equal(hrc_wav_write(path, NULL, 0, 22050, 0600, err, sizeof err), 0);
    b = slurp(path, &size);
    assert_int_equal(size, 44);
    assert_int_equal(le32(b + 40), 0);
    free(b);
    unlink(path);
}

static void a_planted_link_is_replaced_not_followed(void **state)
{
    (void)state;
    char victim[4096], path[4096], err[256];
    snprintf(victim, sizeof victim, "%s/victim", dir);
    snprintf(path, sizeof path, "%s/0020-page.wav", dir);
    FILE *f = fopen(victim, "w");
    fputs("precious", f);
    fclose(f);
    assert_int_equal(symlink(victim, path), 0);
    int16_t s[4] = {1, 2, 3, 4};
    assert_int_equal(hrc_wav_write(path, s, 4, 22050, 0600, err, sizeof err), 0);
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    size_t size;
    unsigned char *b = slurp(victim, &size);
    assert_int_equal(size, 8);
    assert_memory_equal(b, "precious", 8);
    free(b);
    unlink(path);
    unlink(victim);
}

static void failures_say_why_and_leave_nothing(void **state)
{
    (void)state;
    char path[4096], err[256] = "";
    snprintf(path, sizeof path, "%s/missing/0030-x.wav", dir);
    int16_t s[4] = {0};
    errno = 0;
    assert_int_equal(hrc_wav_write(path, s, 4, 22050, 0600, err, sizeof err), -1);
    assert_int_equal(errno, ENOENT);
    assert_non_null(strstr(err, "0030-x.wav"));

    /* A folder in the way of the name: the temporary file goes again. */
    snprintf(path, sizeof path, "%s/taken", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(hrc_wav_write(path, s, 4, 22050, 0600, err, sizeof err), -1);
    assert_int_equal(files_in_dir(), 1);
    rmdir(path);

    errno = 0;
    assert_int_equal(hrc_wav_write(path, s, 4, 0, 0600, err, sizeof err), -1);
    assert_int_equal(errno, EINVAL);
    assert_int_equal(hrc_wav_write(path, s, (size_t)1 << 31, 22050, 0600, err, sizeof err), -1);
    assert_int_equal(errno, EFBIG);
    assert_int_equal(files_in_dir(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header_length_and_samples),
        cmocka_unit_test(a_planted_link_is_replaced_not_followed),
        cmocka_unit_test(failures_say_why_and_leave_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
