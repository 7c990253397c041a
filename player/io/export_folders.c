/* Candidate export folders: removable drives, then a fallback. See export_folders.h. */
#include "io/export_folders.h"

#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct found {
    hrc_export_folder *out;
    size_t max, n;
    bool mounts_only;
} found;

static bool join(char *out, size_t size, const char *dir, const char *name)
{
    size_t len = strlen(dir);
    bool slash = len > 0 && dir[len - 1] == '/';
    int w = snprintf(out, size, "%s%s%s", dir, slash ? "" : "/", name);
    return w > 0 && (size_t)w < size;
}

static bool is_dir(const char *path, struct stat *st)
{
    return stat(path, st) == 0 && S_ISDIR(st->st_mode);
}

static void add(found *f, const char *path, const char *name, bool removable)
{
    if (f->n >= f->max)
        return;
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->out[i].path, path) == 0)
            return; /* /media/cdrom links to /media/cdrom0, for one */
    hrc_export_folder *e = &f->out[f->n];
    if (snprintf(e->path, sizeof e->path, "%s", path) >= (int)sizeof e->path)
        return;
    snprintf(e->name, sizeof e->name, "%s", name);
    e->removable = removable;
    f->n++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Adds the folders inside `dir` (sorted), except `skip` (may be NULL).
 * With mounts_only, only those on another device than `dir`.
 */
static void scan(found *f, const char *dir, const char *skip)
{
    struct stat parent;
    if (!is_dir(dir, &parent))
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    char *names[64];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL && n < sizeof names / sizeof names[0]) {
        if (de->d_name[0] == '.' || (skip && strcmp(de->d_name, skip) == 0))
            continue;
        names[n] = strdup(de->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], by_name);
    for (size_t i = 0; i < n; i++) {
        char path[HRC_EXPORT_PATH_MAX];
        struct stat st;
        if (join(path, sizeof path, dir, names[i]) && is_dir(path, &st) &&
            (!f->mounts_only || st.st_dev != parent.st_dev))
            add(f, path, names[i], true);
        free(names[i]);
    }
}

size_t hrc_export_folders_list(const hrc_export_search *search, hrc_export_folder *out,
                               size_t max)
{
    found f = {.out = out, .max = max, .mounts_only = search->mounts_only};
    const char *root = search->root && *search->root ? search->root : "/";
    const char *user = search->user;
    if (!user)
        user = getenv("USER");
    if (!user || !*user)
        user = getenv("LOGNAME");
    if (!user || !*user) { /* a service started with no login environment */
        const struct passwd *pw = getpwuid(geteuid());
        user = pw ? pw->pw_name : NULL;
    }
    if (user && (!*user || strchr(user, '/') || strcmp(user, "..") == 0))
        user = NULL;

    char media[HRC_EXPORT_PATH_MAX], dir[HRC_EXPORT_PATH_MAX];
    if (join(media, sizeof media, root, "media")) {
        if (user && join(dir, sizeof dir, media, user))
            scan(&f, dir, NULL);
        scan(&f, media, user);
    }
    char run_media[HRC_EXPORT_PATH_MAX];
    if (join(run_media, sizeof run_media, root, "run/media")) {
        struct stat st;
        DIR *d = is_dir(run_media, &st) ? opendir(run_media) : NULL;
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL) /* one folder per user */
            if (de->d_name[0] != '.' && join(dir, sizeof dir, run_media, de->d_name))
                scan(&f, dir, NULL);
        if (d)
            closedir(d);
    }
    struct stat st;
    if (search->fallback && is_dir(search->fallback, &st)) {
        const char *slash = strrchr(search->fallback, '/');
        add(&f, search->fallback, slash && slash[1] ? slash + 1 : search->fallback, false);
        if (f.n && strcmp(out[f.n - 1].path, search->fallback) == 0)
            out[f.n - 1].removable = false;
    }
    return f.n;
}
