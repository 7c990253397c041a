/* i18n.c: locale set-up, catalogue lookup and run-time language switching. */
#include "core/i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* GNU gettext's documented way to drop translations cached for the previous
 * value of LANGUAGE (see "Being a gettext grok" in the gettext manual). */
extern int _nl_msg_cat_cntr;

static const hrc_language languages[] = {
    {"en", "English"},
    {"fr", "Français"},
    {"es", "Español"},
};
#define N_LANGUAGES (sizeof languages / sizeof languages[0])

static const char *current_language = "en";
static char locale_dir[PATH_MAX];
static bool have_locale_dir;

const hrc_language *hrc_i18n_languages(size_t *count)
{
    *count = N_LANGUAGES;
    return languages;
}

const char *hrc_i18n_language(void)
{
    return current_language;
}

const char *hrc_i18n_locale_dir(void)
{
    return have_locale_dir ? locale_dir : NULL;
}

/* "fr", "fr_FR.UTF-8", "fr-CA", "FR" all stand for "fr"; "french" does not. */
const char *hrc_i18n_match(const char *tag)
{
    if (!tag)
        return NULL;
    for (size_t i = 0; i < N_LANGUAGES; i++) {
        const char *code = languages[i].code;
        if (strncasecmp(tag, code, 2) != 0)
            continue;
        char next = tag[2];
        if (next == '\0' || next == '_' || next == '-' || next == '.' || next == '@')
            return code;
    }
    return NULL;
}

/* The language the environment asks for: the first of LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG that is set decides, as gettext itself reads them. */
static const char *language_from_environment(void)
{
    const char *language = getenv("LANGUAGE");
    if (language && *language) {
        /* LANGUAGE is a priority list such as "de:fr:en": take the first
         * entry we offer. */
        char entry[64];
        const char *p = language;
        while (*p) {
            size_t len = strcspn(p, ":");
            if (len < sizeof entry) {
                memcpy(entry, p, len);
                entry[len] = '\0';
                const char *code = hrc_i18n_match(entry);
                if (code)
                    return code;
            }
            p += len;
            if (*p == ':')
                p++;
        }
    }
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *value = getenv(vars[i]);
        if (value && *value) {
            const char *code = hrc_i18n_match(value);
            return code ? code : "en";
        }
    }
    return "en";
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

int hrc_i18n_init(const char *exe_path)
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

    hrc_i18n_set_language(language_from_environment());
    return have_locale_dir ? 0 : -1;
}

int hrc_i18n_set_language(const char *lang)
{
    const char *code = hrc_i18n_match(lang);
    if (!code)
        return -1;
    /* LANGUAGE outranks LC_ALL and LC_MESSAGES in gettext's lookup, so the
     * choice holds whatever the user's locale is. */
    if (setenv("LANGUAGE", code, 1) != 0)
        return -1;
    current_language = code;
    ++_nl_msg_cat_cntr;
    return 0;
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

int hrc_i18n_exe_path(const char *argv0, char *buf, size_t size)
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

const char *hrc_pgettext_id(const char *id, const char *msg)
{
    const char *translation = dgettext(HRC_TEXT_DOMAIN, id);
    return translation == id ? msg : translation;
}

/* Joins "ctx\004msg" into buf, or into a heap block when buf is too small.
 * Returns NULL when out of memory. */
static char *join_context(char *buf, size_t size, const char *ctx, const char *msg)
{
    size_t ctx_len = strlen(ctx), msg_len = strlen(msg);
    size_t need = ctx_len + 1 + msg_len + 1;
    char *id = need <= size ? buf : malloc(need);
    if (!id)
        return NULL;
    memcpy(id, ctx, ctx_len);
    id[ctx_len] = '\004';
    memcpy(id + ctx_len + 1, msg, msg_len + 1);
    return id;
}

const char *hrc_pgettext(const char *ctx, const char *msg)
{
    char buf[256];
    char *id = join_context(buf, sizeof buf, ctx, msg);
    if (!id)
        return msg;
    const char *translation = dgettext(HRC_TEXT_DOMAIN, id);
    const char *result = translation == id ? msg : translation;
    if (id != buf)
        free(id);
    return result;
}

const char *hrc_npgettext(const char *ctx, const char *msg, const char *plural,
                          unsigned long n)
{
    const char *fallback = n == 1 ? msg : plural;
    char buf[256];
    char *id = join_context(buf, sizeof buf, ctx, msg);
    if (!id)
        return fallback;
    const char *translation = dngettext(HRC_TEXT_DOMAIN, id, plural, n);
    const char *result = (translation == id || translation == plural) ? fallback
                                                                      : translation;
    if (id != buf)
        free(id);
    return result;
}
