/*
 * locale.h: the process's locale and message catalogues (GNU gettext, text
 * domain "hrc-player"), and switching the interface language at run time.
 * The pure parts (the offered languages, tags) are in core/i18n.h.
 *
 * Promises:
 * - After hrc_locale_init() the process runs in the user's locale, except
 *   LC_NUMERIC which stays "C" so that parsing numbers never depends on the
 *   language.
 * - hrc_locale_set_language() changes every later gettext() result at once,
 *   without a restart, also on machines whose only locale is C.UTF-8.
 * - These calls change the process's locale and environment: call them from
 *   the main thread, while no other thread is translating.
 * - No call prints.
 */
#ifndef HRC_IO_LOCALE_H
#define HRC_IO_LOCALE_H

#include <stddef.h>

/*
 * Sets up the locale and the message catalogues. exe_path is where the
 * executable lives (see hrc_locale_exe_path()); may be NULL. Catalogues are
 * looked for in <exe dir>/locale (the build tree), then
 * <exe dir>/../share/locale (an installation). The first language is picked
 * from LANGUAGE, LC_ALL, LC_MESSAGES, LANG (fr*, es*, else en).
 * Returns 0, or -1 when no catalogue folder was found (the interface then
 * stays in English; this is not fatal).
 */
int hrc_locale_init(const char *exe_path);

/*
 * Switches the interface language now. lang is "en", "fr", "es" or a locale
 * name starting with one of them ("fr_CA.UTF-8", "es-MX").
 * Returns 0, or -1 for a language that is not offered (nothing changes).
 */
int hrc_locale_set_language(const char *lang);

/* The folder bound to the text domain, or NULL when none was found. */
const char *hrc_locale_dir(void);

/*
 * The absolute path of the running executable, from /proc/self/exe, else
 * argv0 as given (resolved against PATH when it has no slash). Writes at
 * most size bytes into buf. Returns 0, or -1 when it cannot be told.
 */
int hrc_locale_exe_path(const char *argv0, char *buf, size_t size);

#endif
