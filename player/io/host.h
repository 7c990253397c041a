/*
 * host.h: what the screens ask of the machine they run on, as a table of
 * functions in the app's configuration (hrc_app_config.host), the way text
 * is measured through hrc_text_metrics.
 *
 * The screens never touch the filesystem or the environment themselves:
 * switching the interface language, listing the folders an export can go
 * to, checking a folder typed by a facilitator, listing the class lists on
 * a USB stick, and the wall clock and time zone (what day it is, when a
 * learner last worked) all go through here. A back end passes
 * hrc_host_system(); a screen test passes a fake, and then runs with no
 * filesystem and a fixed clock.
 *
 * Every function may be NULL: the screens then behave as on a machine
 * with nothing to offer (no export folder, no language switch beyond the
 * interface's own record of it).
 */
#ifndef HRC_IO_HOST_H
#define HRC_IO_HOST_H

#include "io/export_folders.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* A file found in a folder (hrc_host.list_files). */
typedef struct hrc_host_file {
    char path[HRC_EXPORT_PATH_MAX];
    char name[256];      /* the file's own name */
    int64_t size;        /* bytes */
    int64_t modified_ms; /* Unix time in milliseconds */
} hrc_host_file;

#define HRC_HOST_FILES_MAX 64

typedef struct hrc_host {
    void *ctx;
    /* Switches gettext to lang ("en", "fr", "es") at once. 0, or -1. */
    int (*set_language)(void *ctx, const char *lang);
    /* The candidate export folders: removable drives, then the fallback
     * (see hrc_export_folders_list()). Returns how many were written. */
    size_t (*export_folders)(void *ctx, const hrc_export_search *search,
                             hrc_export_folder *out, size_t max);
    /* Whether path names an existing folder (symbolic links followed). */
    bool (*is_folder)(void *ctx, const char *path);
    /* The regular files right in folder dir whose name ends with suffix
     * (".csv", case ignored), by name; hidden files, folders, links and
     * what cannot be read are left out. Returns how many were written. */
    size_t (*list_files)(void *ctx, const char *dir, const char *suffix, hrc_host_file *out,
                         size_t max);
    /* The wall clock: Unix time in milliseconds. */
    int64_t (*now_ms)(void *ctx);
    /* A Unix time in milliseconds in the machine's time zone (localtime_r).
     * false when it cannot say. */
    bool (*local_time)(void *ctx, int64_t ms, struct tm *out);
} hrc_host;

/* The real machine: io/locale.h and io/export_folders.h. Never NULL. */
const hrc_host *hrc_host_system(void);

#endif
