/* dates.c: dates and durations in words, patterns taken from the catalogues. */
#include "core/dates.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

static const char *const month_names[12] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"),   NC_("month", "May"),      NC_("month", "June"),
    NC_("month", "July"),    NC_("month", "August"),   NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

const char *hrc_month_name(int month)
{
    if (month < 1 || month > 12)
        return "";
    return hrc_pgettext("month", month_names[month - 1]);
}

/* A named placeholder of a pattern and what replaces it. */
typedef struct field {
    const char *name; /* "day" stands for "{day}" */
    const char *value;
} field;

/* Copies len bytes of text after the len_so_far bytes already written,
 * keeping buf NUL-terminated and never writing past size. */
static void append(char *buf, size_t size, size_t len_so_far, const char *text, size_t len)
{
    if (len_so_far + 1 >= size)
        return;
    size_t room = size - 1 - len_so_far;
    size_t n = len < room ? len : room;
    memcpy(buf + len_so_far, text, n);
    buf[len_so_far + n] = '\0';
}

/* The field whose placeholder starts at p ("{name}"), or NULL. */
static const field *placeholder_at(const char *p, const field *fields, size_t n_fields)
{
    const char *close = strchr(p, '}');
    if (*p != '{' || !close)
        return NULL;
    size_t name_len = (size_t)(close - p - 1);
    for (size_t i = 0; i < n_fields; i++)
        if (strlen(fields[i].name) == name_len && !strncmp(p + 1, fields[i].name, name_len))
            return &fields[i];
    return NULL;
}

/* Writes pattern with each known placeholder replaced by its value. */
static int expand(const char *pattern, const field *fields, size_t n_fields, char *buf,
                  size_t size)
{
    size_t len = 0;
    if (size > 0)
        buf[0] = '\0';
    const char *p = pattern;
    while (*p) {
        const field *f = placeholder_at(p, fields, n_fields);
        if (f) {
            size_t value_len = strlen(f->value);
            append(buf, size, len, f->value, value_len);
            len += value_len;
            p = strchr(p, '}') + 1;
        } else {
            size_t run = 1 + strcspn(p + 1, "{");
            append(buf, size, len, p, run);
            len += run;
            p += run;
        }
    }
    return len > 0x7fffffff ? 0x7fffffff : (int)len;
}

static int invalid(char *buf, size_t size)
{
    if (size > 0)
        buf[0] = '\0';
    return -1;
}

int hrc_date_format(const hrc_date *date, char *buf, size_t size)
{
    char year[16], day[16];
    snprintf(year, sizeof year, "%d", date->year);
    snprintf(day, sizeof day, "%d", date->day);
    const field fields[] = {
        {"year", year},
        {"month", hrc_month_name(date->month)},
        {"day", day},
    };
    const size_t n = sizeof fields / sizeof fields[0];
    bool month_ok = date->month >= 1 && date->month <= 12;
    bool day_ok = date->day >= 1 && date->day <= 31;

    switch (date->precision) {
    case HRC_DATE_YEAR:
        /* TRANSLATORS: a year on its own, as in a timeline: "2011". */
        return expand(C_("date", "{year}"), fields, n, buf, size);
    case HRC_DATE_BEFORE:
        /* TRANSLATORS: an event known only to come before a year:
           "Before 2012". */
        return expand(C_("date", "Before {year}"), fields, n, buf, size);
    case HRC_DATE_MONTH:
        if (!month_ok)
            return invalid(buf, size);
        /* TRANSLATORS: a month and year: "May 2021". {month} is a name from
           the "month" context. */
        return expand(C_("date", "{month} {year}"), fields, n, buf, size);
    case HRC_DATE_DAY:
        if (!month_ok || !day_ok)
            return invalid(buf, size);
        if (date->day == 1)
            /* TRANSLATORS: the first day of a month, for languages that
               write it apart, such as French "1er mai 2021". */
            return expand(C_("date: first of the month", "{day} {month} {year}"), fields,
                          n, buf, size);
        /* TRANSLATORS: a full date: "17 May 2021". */
        return expand(C_("date", "{day} {month} {year}"), fields, n, buf, size);
    }
    return invalid(buf, size);
}

int hrc_duration_format(int minutes, char *buf, size_t size)
{
    if (minutes < 0)
        return invalid(buf, size);
    int h = minutes / 60, m = minutes % 60;
    char hours_text[64], minutes_text[64];
    snprintf(hours_text, sizeof hours_text,
             hrc_npgettext("duration", "%d hour", "%d hours", (unsigned long)h), h);
    snprintf(minutes_text, sizeof minutes_text,
             hrc_npgettext("duration", "%d minute", "%d minutes", (unsigned long)m), m);
    const field fields[] = {{"hours", hours_text}, {"minutes", minutes_text}};
    const size_t n = sizeof fields / sizeof fields[0];
    if (h == 0)
        return expand("{minutes}", fields, n, buf, size);
    if (m == 0)
        return expand("{hours}", fields, n, buf, size);
    /* TRANSLATORS: a duration of hours and minutes: "1 hour 30 minutes". */
    return expand(C_("duration", "{hours} {minutes}"), fields, n, buf, size);
}

static bool same_month_days(const hrc_date *from, const hrc_date *to);

int hrc_date_range_format(const hrc_date *from, const hrc_date *to, char *buf, size_t size)
{
    /* Days of one month: "10–14 October 2022". */
    if (same_month_days(from, to)) {
        char year[16], day[16], end_day[16];
        snprintf(year, sizeof year, "%d", from->year);
        snprintf(day, sizeof day, "%d", from->day);
        snprintf(end_day, sizeof end_day, "%d", to->day);
        const field fields[] = {{"year", year},
                                {"month", hrc_month_name(from->month)},
                                {"day", day},
                                {"end_day", end_day}};
        /* TRANSLATORS: days of one month, as a period on a timeline:
           "10–14 October 2022" (an en dash between the days). */
        return expand(C_("date", "{day}\xe2\x80\x93{end_day} {month} {year}"), fields,
                      sizeof fields / sizeof fields[0], buf, size);
    }
    char a[64], b[64];
    if (hrc_date_format(from, a, sizeof a) < 0 || hrc_date_format(to, b, sizeof b) < 0)
        return invalid(buf, size);
    const field fields[] = {{"from", a}, {"to", b}};
    /* Years alone read best joined: "2021–2022". */
    if (from->precision == HRC_DATE_YEAR && to->precision == HRC_DATE_YEAR)
        return expand("{from}\xe2\x80\x93{to}", fields, 2, buf, size);
    /* TRANSLATORS: a period on a timeline between two dates:
       "May 2021 – April 2022" (an en dash with spaces). */
    return expand(C_("date", "{from} \xe2\x80\x93 {to}"), fields, 2, buf, size);
}

/* The days of one month, as hrc_date_range_format() writes them together. */
static bool same_month_days(const hrc_date *from, const hrc_date *to)
{
    return from->precision == HRC_DATE_DAY && to->precision == HRC_DATE_DAY &&
           from->year == to->year && from->month == to->month && from->month >= 1 &&
           from->month <= 12 && from->day >= 1 && to->day <= 31;
}

int hrc_date_range_spoken(const hrc_date *from, const hrc_date *to, char *buf, size_t size)
{
    if (same_month_days(from, to)) {
        char year[16], day[16], end_day[16];
        snprintf(year, sizeof year, "%d", from->year);
        snprintf(day, sizeof day, "%d", from->day);
        snprintf(end_day, sizeof end_day, "%d", to->day);
        const field fields[] = {{"year", year},
                                {"month", hrc_month_name(from->month)},
                                {"day", day},
                                {"end_day", end_day}};
        /* TRANSLATORS: days of one month, as spoken guidance reads a period
           of a timeline aloud: "from 10 to 14 October 2022" (French "du 10
           au 14 octobre 2022"). */
        return expand(C_("spoken period", "from {day} to {end_day} {month} {year}"), fields,
                      sizeof fields / sizeof fields[0], buf, size);
    }
    char a[64], b[64];
    if (hrc_date_format(from, a, sizeof a) < 0 || hrc_date_format(to, b, sizeof b) < 0)
        return invalid(buf, size);
    const field fields[] = {{"from", a}, {"to", b}};
    if (from->precision == HRC_DATE_DAY && to->precision == HRC_DATE_DAY)
        /* TRANSLATORS: a period between two full dates, read aloud: "from
           28 May 2021 to 3 June 2022" (French "du ... au ..."). */
        return expand(C_("spoken period: days", "from {from} to {to}"), fields, 2, buf, size);
    /* A month whose name starts with a vowel takes an elided word before
     * it in some languages (French "d'avril 2021 à juin 2022"). */
    bool vowel = strchr("aeiouAEIOU", a[0]) || strncmp(a, "\xc3\xa9", 2) == 0;
    if (a[0] && vowel)
        /* TRANSLATORS: the same, when the first month's name starts with a
           vowel: "from April 2021 to June 2022" (French "d'avril 2021 à
           juin 2022", with the typographic apostrophe). */
        return expand(C_("spoken period from a vowel", "from {from} to {to}"), fields, 2, buf,
                      size);
    /* TRANSLATORS: a period between two years or months, read aloud: "from
       2014 to 2018", "from May 2021 to April 2022" (French "de 2014 à
       2018"). */
    return expand(C_("spoken period", "from {from} to {to}"), fields, 2, buf, size);
}
