/* i18n.c: the offered languages, language tags, and catalogue lookups
 * with a context. The process's locale is set up in io/locale.c. */
#include "core/i18n.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const hrc_language languages[] = {
    {"en", "English"},
    {"fr", "Français"},
    {"es", "Español"},
};
#define N_LANGUAGES (sizeof languages / sizeof languages[0])

static const char *current_language = "en";

const hrc_language *hrc_i18n_languages(size_t *count)
{
    *count = N_LANGUAGES;
    return languages;
}

const char *hrc_i18n_language(void)
{
    return current_language;
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

/* The first entry of a LANGUAGE list ("de:fr:en") that is offered. */
static const char *first_offered(const char *list)
{
    char entry[64];
    const char *p = list;
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
    return NULL;
}

const char *hrc_i18n_pick_language(const char *language, const char *lc_all,
                                   const char *lc_messages, const char *lang)
{
    if (language && *language) {
        const char *code = first_offered(language);
        if (code)
            return code;
    }
    const char *const vars[] = {lc_all, lc_messages, lang};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        if (vars[i] && *vars[i]) {
            const char *code = hrc_i18n_match(vars[i]);
            return code ? code : "en";
        }
    }
    return "en";
}

int hrc_i18n_note_language(const char *lang)
{
    const char *code = hrc_i18n_match(lang);
    if (!code)
        return -1;
    current_language = code;
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
