/* Folder watching with inotify. See watch.h. */
#include "io/watch.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

struct hrc_watch {
    int fd;
    int wake[2]; /* a pipe: interrupt() writes, wait() polls the read end */
};

/* Writes finished, files renamed into place or away, created, deleted, and
 * the folder itself deleted or moved. IN_MODIFY too: a program that keeps
 * the file open never closes it, and the quiet wait coalesces the rest. */
static const uint32_t WATCH_MASK = IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO |
                                   IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                   IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;

int hrc_watch_new(hrc_watch **out)
{
    *out = NULL;
    hrc_watch *w = calloc(1, sizeof *w);
    if (!w)
        return -1;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0) {
        free(w);
        return -1;
    }
    if (pipe2(w->wake, O_NONBLOCK | O_CLOEXEC)) {
        int e = errno;
        close(w->fd);
        free(w);
        errno = e;
        return -1;
    }
    *out = w;
    return 0;
}

void hrc_watch_free(hrc_watch *w)
{
    if (!w)
        return;
    close(w->fd);
    close(w->wake[0]);
    close(w->wake[1]);
    free(w);
}

int hrc_watch_add_dir(hrc_watch *w, const char *dir)
{
    return inotify_add_watch(w->fd, dir, WATCH_MASK | IN_ONLYDIR) < 0 ? -1 : 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

bool hrc_watch_name_matters(const char *name)
{
    /* Hidden files are editors' swap and temporary files (".x.swp",
     * ".goutputstream-XXXX", ".#x.xml"); they reach the real name through
     * a rename, which is seen. */
    if (!name || !*name || name[0] == '.' || ends_with(name, "~"))
        return false;
    static const char *const kept[] = {".xml", ".png", ".jpg", ".jpeg", ".webp",
                                       ".gif", ".bmp", ".svg"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        if (ends_with(name, kept[i]))
            return true;
    return false;
}

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* Reads every queued event; returns 1 when one matters, 0 when none does,
 * -1 on error. */
static int drain(hrc_watch *w)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    int matters = 0;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN ? matters : -1;
        }
        if (n == 0)
            return matters;
        for (ssize_t off = 0; off + (ssize_t)sizeof(struct inotify_event) <= n;) {
            const struct inotify_event *ev = (const void *)(buf + off);
            if (ev->mask & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF))
                matters = 1; /* events were lost, or a folder went away */
            else if (ev->len && !(ev->mask & IN_ISDIR) && hrc_watch_name_matters(ev->name))
                matters = 1;
            off += (ssize_t)sizeof *ev + ev->len;
        }
    }
}

/* Polls both descriptors: 1 an inotify event, 2 an interrupt, 0 timeout,
 * -1 error. */
static int poll_once(hrc_watch *w, int timeout_ms)
{
    struct pollfd fds[2] = {{.fd = w->fd, .events = POLLIN},
                            {.fd = w->wake[0], .events = POLLIN}};
    for (;;) {
        int n = poll(fds, 2, timeout_ms);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            return 0;
        if (fds[1].revents) {
            char c[64];
            while (read(w->wake[0], c, sizeof c) > 0) {
            }
            return 2;
        }
        return 1;
    }
}

int hrc_watch_wait(hrc_watch *w, int timeout_ms, int quiet_ms)
{
    uint64_t deadline = timeout_ms < 0 ? UINT64_MAX : now_ms() + (uint64_t)timeout_ms;
    bool changed = false;
    uint64_t settled = 0; /* when the burst counts as over */
    for (;;) {
        int wait;
        if (changed) {
            /* Quiet is counted from the last event that mattered, so
             * unrelated files written nearby cannot hold a reload back. */
            uint64_t t = now_ms();
            if (t >= settled)
                return HRC_WATCH_CHANGED;
            wait = (int)(settled - t);
        } else if (deadline == UINT64_MAX) {
            wait = -1;
        } else {
            uint64_t t = now_ms();
            if (t >= deadline)
                return HRC_WATCH_TIMEOUT;
            wait = deadline - t > INT32_MAX ? INT32_MAX : (int)(deadline - t);
        }
        int got = poll_once(w, wait);
        if (got < 0)
            return HRC_WATCH_ERROR;
        if (got == 2)
            return HRC_WATCH_INTERRUPTED;
        if (got == 0)
            return changed ? HRC_WATCH_CHANGED : HRC_WATCH_TIMEOUT;
        int m = drain(w);
        if (m < 0)
            return HRC_WATCH_ERROR;
        if (m) {
            changed = true;
            settled = now_ms() + (uint64_t)(quiet_ms > 0 ? quiet_ms : 0);
        }
    }
}

void hrc_watch_interrupt(hrc_watch *w)
{
    char c = 1;
    ssize_t ignored = write(w->wake[1], &c, 1); /* a full pipe already wakes */
    (void)ignored;
}
