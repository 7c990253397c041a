/* locale.c: locale set-up, catalogue binding and run-time language switching. */
#include "io/locale.h"

#include "core/i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char locale_dir[PATH_MAX];
static bool have_locale_dir;

/* The language the environment asks for, as gettext itself reads it. */
static const char *language_from_environment(void)
{
    return hrc_i18n_pick_language(getenv("LANGUAGE"), getenv("LC_ALL"),
                                  getenv("LC_MESSAGES"), getenv("LANG"));
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Finds the catalogue folder next to the executable: <dir>/locale in the
 * build tree, <dir>/../share/locale once installed. */
static bool find_locale_dir(const char *exe_path)
{
    if (!exe_path)
        return false;
    const char *slash = strrchr(exe_path, '/');
    if (!slash)
        return false;
    int dir_len = (int)(slash - exe_path);
    static const char *const candidates[] = {"/locale", "/../share/locale"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        int n = snprintf(locale_dir, sizeof locale_dir, "%.*s%s", dir_len, exe_path,
                         candidates[i]);
        if (n > 0 && (size_t)n < sizeof locale_dir && is_directory(locale_dir))
            return true;
    }
    locale_dir[0] = '\0';
    return false;
}

static bool is_c_locale(const char *name)
{
    return !name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

int hrc_locale_init(const char *exe_path)
{
    /* A user locale that is not installed makes setlocale fail: C.UTF-8
     * still gives UTF-8 text handling. */
    if (!setlocale(LC_ALL, ""))
        setlocale(LC_ALL, "C.UTF-8");
    /* Modules are parsed with strtod and friends: never "3,5". */
    setlocale(LC_NUMERIC, "C");
    /* gettext ignores LANGUAGE while LC_MESSAGES is the plain C locale, and
     * LANGUAGE is how the language is switched at run time. C.UTF-8 is not
     * "C" to that rule and exists on every glibc system. */
    static const char *const utf8_locales[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
    for (size_t i = 0; i < sizeof utf8_locales / sizeof utf8_locales[0]; i++)
        if (is_c_locale(setlocale(LC_MESSAGES, NULL)))
            setlocale(LC_MESSAGES, utf8_locales[i]);

    have_locale_dir = find_locale_dir(exe_path);
    if (have_locale_dir)
        bindtextdomain(HRC_TEXT_DOMAIN, locale_dir);
    bind_textdomain_codeset(HRC_TEXT_DOMAIN, "UTF-8");
    textdomain(HRC_TEXT_DOMAIN);

    hrc_locale_set_language(language_from_environment());
    return have_locale_dir ? 0 : -1;
}

int hrc_locale_set_language(const char *lang)
{
    const char *code = hrc_i18n_match(lang);
    if (!code)
        return -1;
    /* LANGUAGE outranks LC_ALL and LC_MESSAGES in gettext's lookup, so the
     * choice holds whatever the user's locale is. */
    if (setenv("LANGUAGE", code, 1) != 0)
        return -1;
    /* Setting the text domain again is gettext's public way to drop the
     * translations it cached for the previous LANGUAGE. */
    textdomain(HRC_TEXT_DOMAIN);
    hrc_i18n_note_language(code);
    return 0;
}

const char *hrc_locale_dir(void)
{
    return have_locale_dir ? locale_dir : NULL;
}

/* Searches PATH for a bare program name, as the shell did to start us. */
static int find_in_path(const char *name, char *buf, size_t size)
{
    const char *path = getenv("PATH");
    if (!path)
        return -1;
    char candidate[PATH_MAX];
    while (*path) {
        size_t len = strcspn(path, ":");
        int n = snprintf(candidate, sizeof candidate, "%.*s/%s", (int)len,
                         len ? path : ".", name);
        if (n > 0 && (size_t)n < sizeof candidate && access(candidate, X_OK) == 0) {
            char resolved[PATH_MAX];
            if (realpath(candidate, resolved) && strlen(resolved) < size) {
                strcpy(buf, resolved);
                return 0;
            }
        }
        path += len;
        if (*path == ':')
            path++;
    }
    return -1;
}

int hrc_locale_exe_path(const char *argv0, char *buf, size_t size)
{
    if (!buf || size == 0)
        return -1;
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n > 0 && (size_t)n < size - 1) {
        buf[n] = '\0';
        return 0;
    }
    if (!argv0 || !*argv0)
        return -1;
    if (!strchr(argv0, '/'))
        return find_in_path(argv0, buf, size);
    char resolved[PATH_MAX];
    if (!realpath(argv0, resolved) || strlen(resolved) >= size)
        return -1;
    strcpy(buf, resolved);
    return 0;
}
