/*
 * review.h: the review sheet of --render DIR --review: DIR/index.html,
 * one entry per PNG with the id of what it shows and the module file (named
 * relative to the course) and line it comes from, and beside it, as text,
 * what a learner could see that the screenshot does not show (every
 * choice's feedback, the hints), for reviewers who do not run the player.
 *
 * The page is in the interface language (gettext), self-contained (inline
 * style, no script, no network) and every text from the course is
 * escaped; titles longer than a line are cut with an ellipsis. It is
 * written to a temporary file and renamed into place, so a crash never
 * leaves half a page.
 */
#ifndef HRC_REVIEW_H
#define HRC_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

typedef struct hrc_review hrc_review;

/* Starts a sheet for DIR. Returns 0, or -1 when out of memory. */
int hrc_review_new(const char *dir, hrc_review **out);
void hrc_review_free(hrc_review *r); /* NULL is fine; writes nothing */

/*
 * One screen: png is the file name inside DIR; title what the screen
 * says first; module (the module file's name relative to the course), id
 * and line where it comes from (NULL and 0 for screens that show no part
 * of a module: sign-in, home, settings). Returns 0, or -1 when out of
 * memory.
 */
int hrc_review_add(hrc_review *r, const char *png, const char *title,
                   const char *module, const char *id, unsigned line);

/* A note beside the last screen added: label ("Choice 2, wrong: Geneva")
 * and text (its feedback), both plain text. Returns 0, or -1 when out of
 * memory or no screen was added yet. */
int hrc_review_add_note(hrc_review *r, const char *label, const char *text);

/* Whether a screen before the last one added shows id. */
bool hrc_review_shown_before(const hrc_review *r, const char *id);

/* The length in bytes of s cut to at most max_chars characters at a word
 * boundary when it is longer (the caller adds an ellipsis), else strlen. */
size_t hrc_review_cut(const char *s, size_t max_chars);

/* Writes DIR/index.html. Returns 0, or -1 with a message in err. */
int hrc_review_write(const hrc_review *r, char *err, size_t err_size);

#endif
