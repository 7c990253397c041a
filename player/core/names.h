/*
 * names.h: learners' display names, as a shared kiosk accepts them, and the
 * sign-in search that finds a name from its first letters.
 *
 * Promises:
 * - hrc_name_clean() is the one rule for names, used by the progress store
 *   (adding, renaming, importing) and by screens for live feedback: white
 *   space is trimmed at both ends; what is left must be 1 to
 *   HRC_NAME_MAX_CHARS characters (code points, not bytes) of valid UTF-8,
 *   with no control character (C0 U+0000..U+001F, DEL U+007F, C1
 *   U+0080..U+009F, and the line and paragraph separators U+2028, U+2029)
 *   and no bidirectional control (U+061C, U+200E, U+200F, U+202A..U+202E,
 *   U+2066..U+2069), which could make a name read differently from what it
 *   is (another learner's name, or a spreadsheet formula).
 * - hrc_name_matches() ignores case and the accents of Latin letters, so
 *   "zoe" finds "Zoé Martín"; it matches the start of the whole name.
 * - Pure functions: no allocation, no I/O, thread-safe. libc only.
 */
#ifndef HRC_NAMES_H
#define HRC_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#define HRC_NAME_MAX_CHARS 64
/* The longest accepted name in bytes (4 bytes a character at most). */
#define HRC_NAME_MAX_BYTES (HRC_NAME_MAX_CHARS * 4)

typedef enum hrc_name_problem {
    HRC_NAME_OK = 0,
    HRC_NAME_EMPTY,    /* nothing but white space */
    HRC_NAME_TOO_LONG, /* more than HRC_NAME_MAX_CHARS characters */
    HRC_NAME_BAD_UTF8, /* not valid UTF-8 */
    HRC_NAME_CONTROL,  /* a control character (a tab, a line break...) */
    HRC_NAME_BIDI,     /* a bidirectional control character */
} hrc_name_problem;

/*
 * Trims white space (Unicode White_Space, plus U+200B and U+FEFF) from both
 * ends of name and checks the rest. When out is not NULL it gets the trimmed
 * name (NUL-terminated; cut short when it does not fit in size bytes, which
 * cannot happen to an accepted name when size > HRC_NAME_MAX_BYTES). out may
 * be name itself. NULL name is HRC_NAME_EMPTY.
 */
hrc_name_problem hrc_name_clean(const char *name, char *out, size_t size);

/*
 * The problem as one English sentence, marked for translation (N_): show
 * it through _(). "" for HRC_NAME_OK.
 */
const char *hrc_name_problem_text(hrc_name_problem problem);

/*
 * For showing a name as it is being typed: a copy of name in which every
 * character the rule refuses (control and bidirectional control
 * characters) and every byte that is not UTF-8 is U+FFFD, so that nothing
 * typed can change how the rest of the screen reads. Cut short, at a
 * character, when it does not fit in size bytes. NULL name gives "".
 */
void hrc_name_printable(const char *name, char *out, size_t size);

/*
 * Sign-in search: true when typed (white space at both ends ignored) starts
 * name, ignoring case (ASCII, Latin, Greek, Cyrillic), the accents of Latin
 * letters and combining marks. An empty typed matches nothing.
 */
bool hrc_name_matches(const char *name, const char *typed);

/*
 * The form two names are compared in, to find the same person entered
 * twice (a class list, an existing learner): lower case, accents of Latin
 * letters and combining marks dropped (as hrc_name_matches), white space
 * trimmed and each run of it one space. Writes it into out (cut short
 * when it does not fit) and returns its length; "" for NULL.
 */
size_t hrc_name_key(const char *name, char *out, size_t size);
/* Whether two names have the same key ("Zoé  MARTIN" and "zoe martin");
 * never for empty names. */
bool hrc_name_same(const char *a, const char *b);

#endif
