/*
 * review.h: the review sheet of --render DIR --review: DIR/index.html,
 * one entry per PNG with the id of what it shows and the module file and
 * line it comes from, for reviewers who do not run the player.
 *
 * The page is self-contained (inline style, no script, no network) and
 * every text from the course is escaped. It is written to a temporary
 * file and renamed into place, so a crash never leaves half a page.
 */
#ifndef HRC_REVIEW_H
#define HRC_REVIEW_H

#include <stddef.h>

typedef struct hrc_review hrc_review;

/* Starts a sheet for DIR. Returns 0, or -1 when out of memory. */
int hrc_review_new(const char *dir, hrc_review **out);
void hrc_review_free(hrc_review *r); /* NULL is fine; writes nothing */

/*
 * One screen: png is the file name inside DIR; title what the screen
 * says first; module_path, id and line where it comes from (NULL and 0
 * for screens that show no part of a module: sign-in, home, settings).
 * Returns 0, or -1 when out of memory.
 */
int hrc_review_add(hrc_review *r, const char *png, const char *title,
                   const char *module_path, const char *id, unsigned line);

/* Writes DIR/index.html. Returns 0, or -1 with a message in err. */
int hrc_review_write(const hrc_review *r, char *err, size_t err_size);

#endif
