/*
 * i18n.h: the interface language, through GNU gettext (text domain
 * "hrc-player"). English is the source language; French and Spanish come
 * from the catalogues under locale/.
 *
 * Marking strings (xgettext keywords: _, N_, C_:1c,2, NC_:1c,2,
 * ngettext:1,2, hrc_npgettext:1c,2,3):
 *   _("Next")                 translated now
 *   N_("Next")                only marked; translate later with _(var)
 *   ngettext("%d question left", "%d questions left", n)
 *   C_("month", "May")        translated within a context, for words that
 *                             mean different things in different places
 *   NC_("month", "May")       marked with a context, translate later with
 *                             hrc_pgettext(ctx, var)
 * Put a comment starting with "TRANSLATORS:" on the line above a string to
 * pass a hint to translators.
 *
 * Promises:
 * - After hrc_i18n_init() the process runs in the user's locale, except
 *   LC_NUMERIC which stays "C" so that parsing numbers never depends on the
 *   language.
 * - hrc_i18n_set_language() changes every later gettext() result at once,
 *   without a restart, also on machines whose only locale is C.UTF-8.
 * - No call prints; no call allocates memory the caller must free.
 * - hrc_i18n_init() and hrc_i18n_set_language() change the process's locale
 *   and environment: call them from the main thread, while no other thread
 *   is translating.
 *
 * libc only: no SDL, no libxml2.
 */
#ifndef HRC_I18N_H
#define HRC_I18N_H

#include <libintl.h>
#include <stddef.h>

#define HRC_TEXT_DOMAIN "hrc-player"

#ifndef _
#define _(s) gettext(s)
#endif
#ifndef N_
#define N_(s) (s)
#endif
/* Context and message are joined by EOT, as msgctxt is stored in a .mo. */
#define C_(ctx, s) hrc_pgettext_id(ctx "\004" s, s)
#define NC_(ctx, s) (s)

/* One interface language. */
typedef struct hrc_language {
    const char *code;        /* "en", "fr", "es" */
    const char *native_name; /* "English", "Français", "Español": never translated */
} hrc_language;

/*
 * Set up the locale and the message catalogues. exe_path is where the
 * executable lives (see hrc_i18n_exe_path()); may be NULL. Catalogues are
 * looked for in <exe dir>/locale (the build tree), then
 * <exe dir>/../share/locale (an installation). The first language is picked
 * from LANGUAGE, LC_ALL, LC_MESSAGES, LANG (fr*, es*, else en).
 * Returns 0, or -1 when no catalogue folder was found (the interface then
 * stays in English; this is not fatal).
 */
int hrc_i18n_init(const char *exe_path);

/*
 * Switch the interface language now. lang is "en", "fr", "es" or a locale
 * name starting with one of them ("fr_CA.UTF-8", "es-MX").
 * Returns 0, or -1 for a language that is not offered (nothing changes).
 */
int hrc_i18n_set_language(const char *lang);

/* The current interface language: "en", "fr" or "es". "en" before init. */
const char *hrc_i18n_language(void);

/* The offered languages, in a fixed order. */
const hrc_language *hrc_i18n_languages(size_t *count);

/* The offered language code that a tag or locale name stands for
 * ("fr_FR.UTF-8" -> "fr"), or NULL when none does. */
const char *hrc_i18n_match(const char *tag);

/* The folder bound to the text domain, or NULL when none was found. */
const char *hrc_i18n_locale_dir(void);

/*
 * The absolute path of the running executable, from /proc/self/exe, else
 * argv0 as given (resolved against PATH when it has no slash). Writes at
 * most size bytes into buf. Returns 0, or -1 when it cannot be told.
 */
int hrc_i18n_exe_path(const char *argv0, char *buf, size_t size);

/* msgctxt lookup: id is "context\004message". Returns the translation, or
 * msg when there is none. Use it through C_(). */
const char *hrc_pgettext_id(const char *id, const char *msg);
/* The same with the context and message given apart (for NC_ strings). */
const char *hrc_pgettext(const char *ctx, const char *msg);
/* Plural form with a context. */
const char *hrc_npgettext(const char *ctx, const char *msg, const char *plural,
                          unsigned long n);

#endif
