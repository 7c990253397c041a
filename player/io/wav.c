/* WAV files of speech. See wav.h. */
#include "io/wav.h"

#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)v);
    put16(p + 2, (uint16_t)(v >> 16));
}

static int write_all(int fd, const void *buf, size_t size)
{
    const uint8_t *p = buf;
    while (size) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

/* The samples in little-endian order, a block at a time. */
static int write_samples(int fd, const int16_t *samples, size_t count)
{
    uint8_t block[8192];
    while (count) {
        size_t n = count < sizeof block / 2 ? count : sizeof block / 2;
        for (size_t i = 0; i < n; i++)
            put16(block + 2 * i, (uint16_t)samples[i]);
        if (write_all(fd, block, 2 * n))
            return -1;
        samples += n;
        count -= n;
    }
    return 0;
}

/* Opens a new file next to path, named path.tmp-XXXXXXXX, never an
 * existing one. Returns the descriptor, or -1. */
static int open_temp(const char *path, mode_t mode, char *tmp, size_t tmp_size)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        uint32_t r;
        if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
            r = (uint32_t)getpid() * 2654435761u + (uint32_t)attempt;
        int n = snprintf(tmp, tmp_size, "%s.tmp-%08x", path, (unsigned)r);
        if (n < 0 || (size_t)n >= tmp_size) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

int hrc_wav_write(const char *path, const int16_t *samples, size_t count, int sample_rate,
                  mode_t mode, char *err, size_t err_size)
{
    if (sample_rate <= 0 || (count && !samples)) {
        errno = EINVAL;
        snprintf(err, err_size, _("cannot write %s: %s"), path, strerror(errno));
        return -1;
    }
    if (count > (UINT32_MAX - (HRC_WAV_HEADER_SIZE - 8)) / 2) {
        errno = EFBIG;
        snprintf(err, err_size, _("cannot write %s: %s"), path, strerror(errno));
        return -1;
    }
    uint32_t data_size = (uint32_t)(count * 2);
    uint8_t h[HRC_WAV_HEADER_SIZE];
    memcpy(h, "RIFF", 4);
    put32(h + 4, 36 + data_size);
    memcpy(h + 8, "WAVE", 4);
    memcpy(h + 12, "fmt ", 4);
    put32(h + 16, 16);                      /* size of the fmt chunk */
    put16(h + 20, 1);                       /* PCM */
    put16(h + 22, 1);                       /* mono */
    put32(h + 24, (uint32_t)sample_rate);
    put32(h + 28, (uint32_t)sample_rate * 2); /* bytes per second */
    put16(h + 32, 2);                       /* bytes per frame */
    put16(h + 34, 16);                      /* bits per sample */
    memcpy(h + 36, "data", 4);
    put32(h + 40, data_size);

    char tmp[4096 + 32];
    int fd = open_temp(path, mode, tmp, sizeof tmp);
    if (fd < 0) {
        int e = errno;
        snprintf(err, err_size, _("cannot write %s: %s"), path, strerror(e));
        errno = e;
        return -1;
    }
    int failed = write_all(fd, h, sizeof h) || write_samples(fd, samples, count);
    int e = errno;
    /* close() releases the descriptor even when it fails: never twice. */
    if (close(fd) && !failed) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        unlink(tmp);
        snprintf(err, err_size, _("cannot write %s: %s"), path, strerror(e));
        errno = e;
        return -1;
    }
    if (rename(tmp, path)) {
        e = errno;
        unlink(tmp);
        snprintf(err, err_size, _("cannot write %s: %s"), path, strerror(e));
        errno = e;
        return -1;
    }
    return 0;
}
