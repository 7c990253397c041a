/*
 * answer.h: typed answers. How a fill-in answer is compared with the
 * accepted ones (white space, case and accents folded by the rules of the
 * accepted answer's language), and how a typed number is read and written.
 *
 * Promises:
 * - Folding never writes more than `size` bytes and always ends the text
 *   (size > 0); it works on UTF-8 and leaves scripts it does not know as
 *   they are.
 * - White space is trimmed and collapsed, and typographic apostrophes and
 *   hyphens read as ' and - whatever the fold: a learner cannot see the
 *   difference, nor type it on every keyboard.
 * - Case folding covers Latin, Greek and Cyrillic letters (Turkish and
 *   Azerbaijani dotted and dotless i included); accent folding covers
 *   Latin letters, except where the language counts the letter as a
 *   letter of its own: Spanish ñ; Danish and Norwegian æ ø å; Swedish and
 *   Finnish å ä ö; Estonian ä ö õ ü š ž; Turkish and Azerbaijani ç ğ ı ö ş
 *   ü; Icelandic ð þ æ ö; Polish ą ć ę ł ń ó ś ź ż. German writes ä ö ü ß
 *   as ae oe ue ss.
 * - Numbers are read without the C locale: digits, one decimal mark (.
 *   or ,), groups of three digits separated by spaces, ' or the other
 *   mark, an optional sign. A lone mark followed by exactly three digits
 *   ("1,500") is a decimal mark only in a language that writes decimals
 *   with a comma (decimal_comma) for ",", or in one that does not for ".".
 *
 * libc only.
 */
#ifndef HRC_ANSWER_H
#define HRC_ANSWER_H

#include "core/model.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * The text as compared: folded as `fold` says, by the rules of language
 * `lang` (BCP 47, primary subtag used; NULL or "" for none). Returns the
 * length written; a text too long is cut at a character.
 */
size_t hrc_answer_fold(const char *text, const char *lang, hrc_fold fold, char *out,
                       size_t size);

/* Whether `typed` is one of the gap's accepted answers. */
bool hrc_answer_accepted(const char *typed, const hrc_gap *gap);

/*
 * The accepted answer to show as the right one: the first in `lang`
 * (primary subtag), else in `default_lang`, else the first. NULL when the
 * gap has none.
 */
const hrc_accept *hrc_gap_shown(const hrc_gap *gap, const char *lang, const char *default_lang);

/*
 * A numeric question's right answer in words, in the current interface
 * language: "2011", "from 14 to 16", then the unit when not NULL or ""
 * ("15 local governments"). `mark` is the decimal mark.
 */
int hrc_numeric_answer_text(const hrc_question *q, char mark, const char *unit, char *out,
                            size_t size);

/* Whether the language (BCP 47) writes decimals with a comma: French,
 * Spanish, German and most of continental Europe and Latin America. */
bool hrc_lang_decimal_comma(const char *lang);

/*
 * Reads a typed number ("2011", "-3", "1 500", "1,5", "1.234,5"). False
 * when it is not one, or lies beyond +/- 10^15.
 */
bool hrc_number_parse(const char *text, bool decimal_comma, double *out);

/*
 * Writes v with `mark` as the decimal mark and no grouping: "2011",
 * "-1.5", "0,25". Returns the length, as snprintf does.
 */
int hrc_number_format(double v, char mark, char *out, size_t size);

#endif
