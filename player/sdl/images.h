/*
 * images.h: course images, decoded once (SDL2_image) and kept at the size
 * they are drawn at.
 *
 * The first request for a path at a size decodes it, scales it down to fit
 * that box (never up) and uploads it as a texture; later requests reuse
 * it, until a box half as large again is asked for. A file that cannot be
 * read is remembered as missing so it is not retried on every frame.
 * By default decoding happens in the call; after
 * hrc_images_start_background() a worker thread does it and the call
 * returns NULL until the image is ready, then HRC_IMAGES_READY_EVENT is
 * posted for the event loop to draw again.
 */
#ifndef HRC_SDL_IMAGES_H
#define HRC_SDL_IMAGES_H

#include <SDL.h>

#include <stdbool.h>

typedef struct hrc_images hrc_images;

hrc_images *hrc_images_new(SDL_Renderer *renderer); /* NULL when out of memory */
void hrc_images_free(hrc_images *images);            /* NULL is fine; joins the worker */
/* Decodes in a worker thread from now on. 0, or -1 (it stays synchronous). */
int hrc_images_start_background(hrc_images *images);
/* The SDL event type posted when an image is ready. */
Uint32 hrc_images_ready_event(void);

/* The texture for `path` scaled to fit want_w x want_h (0, 0: its natural
 * size), and the texture's size; NULL when it cannot be read or, in the
 * background mode, is not ready yet. */
SDL_Texture *hrc_images_get(hrc_images *images, const char *path, int want_w, int want_h,
                            int *w, int *h);
/* Whether an image is still being decoded. */
bool hrc_images_pending(hrc_images *images);

/* How many files were decoded so far (for tests). */
unsigned hrc_images_decoded(const hrc_images *images);

#endif
