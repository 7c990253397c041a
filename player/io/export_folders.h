/*
 * export_folders.h: where the facilitator screen offers to export progress.
 *
 * Lists the folders a facilitator is likely to want: removable drives
 * (USB sticks, SD cards) where desktop Linux mounts them, then a fallback
 * folder on this computer (the progress store's own folder). No display,
 * no allocation: the caller passes the array. Everything is looked up
 * under `root` ("/" on a kiosk), so a test can build a fake tree.
 *
 * Where removable drives are mounted:
 *   ROOT/media/USER/LABEL    udisks2 on Debian and Ubuntu
 *   ROOT/media/LABEL         older automounters, usbmount, by hand
 *   ROOT/run/media/USER/LABEL  udisks2 on Fedora, Arch and others
 */
#ifndef HRC_EXPORT_FOLDERS_H
#define HRC_EXPORT_FOLDERS_H

#include <stdbool.h>
#include <stddef.h>

#define HRC_EXPORT_PATH_MAX 4096
#define HRC_EXPORT_FOLDERS_MAX 16

typedef struct hrc_export_folder {
    char path[HRC_EXPORT_PATH_MAX];
    char name[256];  /* the drive's label (the folder's own name) */
    bool removable;  /* false for the fallback folder */
} hrc_export_folder;

typedef struct hrc_export_search {
    const char *root;     /* NULL or "": "/" */
    const char *user;     /* NULL: $USER, else $LOGNAME, else this process's user */
    const char *fallback; /* offered last; NULL: none */
    /* Only folders that are mount points (another device than their
     * parent): skips empty places such as /media/cdrom0. A fake tree in a
     * test has no mount points, so tests may turn this off. */
    bool mounts_only;
} hrc_export_search;

/*
 * Fills out[0..max) with the candidate folders, removable drives first
 * (sorted by path), then the fallback when it is a folder. Hidden entries,
 * files and unreadable places are skipped; paths that do not fit are left
 * out. Returns how many were written.
 */
size_t hrc_export_folders_list(const hrc_export_search *search, hrc_export_folder *out,
                               size_t max);

#endif
