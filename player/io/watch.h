/*
 * watch.h: noticing that an author saved a module or an image.
 *
 * A thin wrapper over Linux inotify. It watches folders (not recursively)
 * and reports a change when a module (*.xml) or an image file in one of
 * them is written, created, deleted or renamed into place; editors that
 * save by writing a temporary file and renaming it over the old one are
 * seen through the rename (IN_MOVED_TO). Bursts are coalesced: a wait
 * returns once the folders have been quiet for `quiet_ms`.
 *
 * Thread use: one thread may block in hrc_watch_wait() while another adds
 * folders or calls hrc_watch_interrupt(); nothing else is shared.
 */
#ifndef HRC_WATCH_H
#define HRC_WATCH_H

#include <stdbool.h>

typedef struct hrc_watch hrc_watch;

/* Returns 0 and sets *out, or -1 with errno set (no inotify, no memory). */
int hrc_watch_new(hrc_watch **out);
void hrc_watch_free(hrc_watch *w); /* NULL is fine */

/* Watches the files of `dir`. Adding a folder twice is fine. Returns 0,
 * or -1 with errno set (a missing folder: ENOENT). */
int hrc_watch_add_dir(hrc_watch *w, const char *dir);

/* Whether a change to a file of this name matters: modules and images,
 * not editors' swap, backup and temporary files. */
bool hrc_watch_name_matters(const char *name);

enum hrc_watch_result {
    HRC_WATCH_TIMEOUT = 0,     /* nothing changed within the timeout */
    HRC_WATCH_CHANGED = 1,     /* something changed, and then all was quiet */
    HRC_WATCH_INTERRUPTED = 2, /* hrc_watch_interrupt() was called */
    HRC_WATCH_ERROR = -1,
};

/*
 * Blocks (without spinning) until a file that matters changes, or
 * timeout_ms passes (-1: no limit). After a change it keeps reading until
 * no further event comes for quiet_ms, so a burst of writes gives one
 * result. Returns enum hrc_watch_result.
 */
int hrc_watch_wait(hrc_watch *w, int timeout_ms, int quiet_ms);

/* Makes a current or the next hrc_watch_wait() return
 * HRC_WATCH_INTERRUPTED. Safe from any thread. */
void hrc_watch_interrupt(hrc_watch *w);

#endif
