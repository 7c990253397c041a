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
 * - Nothing here touches the process's locale or environment: that is
 *   io/locale.h's job, which sets up gettext and switches the language at
 *   run time. This file keeps the list of offered languages, the one in
 *   use (as told by hrc_i18n_note_language()), and context lookups.
 * - No call prints; no call allocates memory the caller must free.
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

/* The current interface language: "en", "fr" or "es". "en" until one is
 * noted. */
const char *hrc_i18n_language(void);
/* Records the language now in use (io/locale.c calls it after switching
 * gettext over). Returns 0, or -1 for a language that is not offered. */
int hrc_i18n_note_language(const char *lang);

/*
 * The language the user's environment asks for, given the values of
 * LANGUAGE, LC_ALL, LC_MESSAGES and LANG (each may be NULL): LANGUAGE's
 * first offered entry, else the first of the others that is set decides,
 * as gettext itself reads them (fr*, es*, else "en").
 */
const char *hrc_i18n_pick_language(const char *language, const char *lc_all,
                                   const char *lc_messages, const char *lang);

/* The offered languages, in a fixed order. */
const hrc_language *hrc_i18n_languages(size_t *count);

/* The offered language code that a tag or locale name stands for
 * ("fr_FR.UTF-8" -> "fr"), or NULL when none does. */
const char *hrc_i18n_match(const char *tag);

/* msgctxt lookup: id is "context\004message". Returns the translation, or
 * msg when there is none. Use it through C_(). */
const char *hrc_pgettext_id(const char *id, const char *msg);
/* The same with the context and message given apart (for NC_ strings). */
const char *hrc_pgettext(const char *ctx, const char *msg);
/* Plural form with a context. */
const char *hrc_npgettext(const char *ctx, const char *msg, const char *plural,
                          unsigned long n);

#endif
