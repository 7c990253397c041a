/*
 * dates.h: timeline dates and durations written as a reader says them, in
 * the current interface language (see i18n.h).
 *
 *   year    2011            2011                2011
 *   month   May 2021        mai 2021            mayo de 2021
 *   day     17 May 2021     17 mai 2021         17 de mayo de 2021
 *   before  Before 2012     Avant 2012          Antes de 2012
 *
 * Month names and the order of the parts come from the message catalogues
 * (context "month" and "date"), not from C code, so a new language needs
 * only a new .po file. Translations use the placeholders {day}, {month},
 * {year}, {hours} and {minutes}; an unknown placeholder is copied as is.
 *
 * libc only.
 */
#ifndef HRC_DATES_H
#define HRC_DATES_H

#include <stddef.h>

#include "core/model.h"

/*
 * Writes the date into buf (always NUL-terminated when size > 0, cut short
 * when too small). Returns the length of the whole text, as snprintf does,
 * or -1 when the date is not valid (month outside 1-12 where one is needed,
 * day outside 1-31 where one is needed); buf then holds "".
 */
int hrc_date_format(const hrc_date *date, char *buf, size_t size);

/*
 * Writes a period: "2021–2022", "10–14 October 2022", "May 2021 – April
 * 2022". Returns as hrc_date_format(); -1 when either date is invalid.
 */
int hrc_date_range_format(const hrc_date *from, const hrc_date *to, char *buf, size_t size);

/*
 * The same period as a reader says it aloud, for spoken guidance: "from
 * 2014 to 2018", "from 10 to 14 October 2022", "from May 2021 to April
 * 2022" (French "de 2014 à 2018", "du 10 au 14 octobre 2022"). Returns as
 * hrc_date_range_format().
 */
int hrc_date_range_spoken(const hrc_date *from, const hrc_date *to, char *buf, size_t size);

/* The month's name, 1-12, in the current language; "" otherwise. */
const char *hrc_month_name(int month);

/*
 * Writes an estimated duration: "45 minutes", "1 hour", "1 hour 30 minutes",
 * in the current language. Returns as hrc_date_format(), -1 for a negative
 * duration.
 */
int hrc_duration_format(int minutes, char *buf, size_t size);

#endif
