/* The real machine behind the screens. See host.h. */
#include "io/host.h"

#include "io/locale.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static int system_set_language(void *ctx, const char *lang)
{
    (void)ctx;
    return hrc_locale_set_language(lang);
}

static size_t system_export_folders(void *ctx, const hrc_export_search *search,
                                    hrc_export_folder *out, size_t max)
{
    (void)ctx;
    return hrc_export_folders_list(search, out, max);
}

static bool system_is_folder(void *ctx, const char *path)
{
    (void)ctx;
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = suffix ? strlen(suffix) : 0;
    return n > k && strcasecmp(name + n - k, suffix ? suffix : "") == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcoll(((const hrc_host_file *)a)->name, ((const hrc_host_file *)b)->name);
}

static size_t system_list_files(void *ctx, const char *dir, const char *suffix,
                                hrc_host_file *out, size_t max)
{
    (void)ctx;
    if (!dir || !*dir || max == 0)
        return 0;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    size_t n = 0;
    struct dirent *e;
    while (n < max && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !ends_with(e->d_name, suffix))
            continue;
        struct stat st;
        /* The file itself, not where a link points. */
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode))
            continue;
        hrc_host_file *f = &out[n];
        int w = snprintf(f->path, sizeof f->path, "%s/%s", dir, e->d_name);
        if (w < 0 || (size_t)w >= sizeof f->path || strlen(e->d_name) >= sizeof f->name)
            continue;
        snprintf(f->name, sizeof f->name, "%s", e->d_name);
        f->size = (int64_t)st.st_size;
        f->modified_ms = (int64_t)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000;
        n++;
    }
    closedir(d);
    qsort(out, n, sizeof *out, by_name);
    return n;
}

static int64_t system_now_ms(void *ctx)
{
    (void)ctx;
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
        return 0;
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool system_local_time(void *ctx, int64_t ms, struct tm *out)
{
    (void)ctx;
    time_t t = (time_t)(ms / 1000);
    return localtime_r(&t, out) != NULL;
}

const hrc_host *hrc_host_system(void)
{
    static const hrc_host host = {
        .set_language = system_set_language,
        .export_folders = system_export_folders,
        .is_folder = system_is_folder,
        .list_files = system_list_files,
        .now_ms = system_now_ms,
        .local_time = system_local_time,
    };
    return &host;
}
