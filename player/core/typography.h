/*
 * typography.h: the spacing rules of a text's language, applied when the
 * text is laid out, so that authors and translators type plain spaces.
 *
 * French (any tag whose primary subtag is "fr": fr, fr-CA, FR) puts a
 * narrow no-break space (U+202F) before ; : ! ? and », and after «:
 * - where the author typed spaces there ("Leçon : x"), they become one
 *   U+202F;
 * - where the author typed none ("Leçon: x"), one is inserted, but only
 *   when the punctuation ends a word: it is followed by a space, the end
 *   of the text or more closing punctuation (. , ; : ! ? » ) ] " ” ’ …).
 *   So times (10:30), ratios (1:2), addresses (https://..., ?q=1) and
 *   anything else written without spaces are left alone;
 * - a no-break space already there (U+00A0, U+202F, U+2009 thin space) is
 *   kept, and punctuation right after other punctuation ("?!"), an
 *   opening bracket or the start of the text gets none;
 * - after «, spaces become one U+202F, and one is inserted before a word
 *   that follows directly.
 * U+202F is used throughout, as the translations of the interface do.
 * An apostrophe typed straight between two letters ("l'homme",
 * "aujourd'hui") becomes the typographic one, U+2019, as French print
 * and the interface's translations have it; a straight quote elsewhere
 * ('cité', 10') is left alone.
 * Other languages have no such rule (Spanish ¿ ¡ need nothing) and come
 * back unchanged. The line breaker breaks only at plain spaces, so a
 * U+202F never ends a line: no line starts with ; : ! ? or ».
 *
 * Memory: hrc_typo owns the rewritten text, reused from call to call;
 * pair hrc_typo_init() with hrc_typo_free().
 */
#ifndef HRC_TYPOGRAPHY_H
#define HRC_TYPOGRAPHY_H

#include "core/model.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct hrc_typo {
    char *text; /* the rewritten span texts, each NUL-terminated */
    size_t len, cap;
    hrc_span *spans;
    size_t spans_cap;
} hrc_typo;

void hrc_typo_init(hrc_typo *t);
void hrc_typo_free(hrc_typo *t); /* NULL is fine */

/* Whether text in lang (a BCP 47 tag; NULL: none) has spacing rules. */
bool hrc_typo_applies(const char *lang);

/*
 * The spans as lang's typography wants them. *out is `spans` itself when
 * nothing changes, else spans held by t (valid until the next call or
 * hrc_typo_free). Styles and span boundaries are kept; an inserted space
 * goes into the span of the punctuation it belongs to. Returns 0, or -1
 * when out of memory (then *out is `spans`).
 */
int hrc_typo_apply(hrc_typo *t, const char *lang, const hrc_span *spans, size_t n,
                   const hrc_span **out);

/* The same for one string: a malloc'd copy, or NULL when out of memory. */
char *hrc_typo_string(const char *lang, const char *s);

#endif
