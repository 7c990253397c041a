/* The real machine behind the screens. See host.h. */
#include "io/host.h"

#include "io/locale.h"

#include <sys/stat.h>

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

const hrc_host *hrc_host_system(void)
{
    static const hrc_host host = {
        .set_language = system_set_language,
        .export_folders = system_export_folders,
        .is_folder = system_is_folder,
    };
    return &host;
}
