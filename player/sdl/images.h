/*
 * images.h: course images, each file decoded once (SDL2_image).
 *
 * The first request for a path decodes it and uploads it as a texture;
 * later requests reuse it. A file that cannot be read is remembered as
 * missing so it is not retried on every frame.
 */
#ifndef HRC_SDL_IMAGES_H
#define HRC_SDL_IMAGES_H

#include <SDL.h>

#include <stdbool.h>

typedef struct hrc_images hrc_images;

hrc_images *hrc_images_new(SDL_Renderer *renderer); /* NULL when out of memory */
void hrc_images_free(hrc_images *images);            /* NULL is fine */

/* The texture for `path` and its natural size; NULL when it cannot be read. */
SDL_Texture *hrc_images_get(hrc_images *images, const char *path, int *w, int *h);

/* How many files were decoded so far (for tests). */
unsigned hrc_images_decoded(const hrc_images *images);

#endif
