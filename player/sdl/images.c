/* images.c: a path -> texture list; courses hold tens of images, not more. */
#include "sdl/images.h"

#include <SDL_image.h>

#include <stdlib.h>
#include <string.h>

typedef struct image {
    char *path;
    SDL_Texture *texture; /* NULL: the file could not be read */
    int w, h;
} image;

struct hrc_images {
    SDL_Renderer *renderer;
    image *items;
    size_t count, capacity;
    unsigned decoded;
};

hrc_images *hrc_images_new(SDL_Renderer *renderer)
{
    hrc_images *images = calloc(1, sizeof *images);
    if (images)
        images->renderer = renderer;
    return images;
}

void hrc_images_free(hrc_images *images)
{
    if (!images)
        return;
    for (size_t i = 0; i < images->count; i++) {
        free(images->items[i].path);
        if (images->items[i].texture)
            SDL_DestroyTexture(images->items[i].texture);
    }
    free(images->items);
    free(images);
}

static image *load(hrc_images *images, const char *path)
{
    if (images->count == images->capacity) {
        size_t cap = images->capacity ? images->capacity * 2 : 16;
        image *items = realloc(images->items, cap * sizeof *items);
        if (!items)
            return NULL;
        images->items = items;
        images->capacity = cap;
    }
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    image *img = &images->items[images->count++];
    *img = (image){.path = copy};
    SDL_Surface *surface = IMG_Load(path);
    images->decoded++;
    if (surface) {
        img->texture = SDL_CreateTextureFromSurface(images->renderer, surface);
        img->w = surface->w;
        img->h = surface->h;
        SDL_FreeSurface(surface);
        if (img->texture)
            SDL_SetTextureBlendMode(img->texture, SDL_BLENDMODE_BLEND);
    }
    return img;
}

SDL_Texture *hrc_images_get(hrc_images *images, const char *path, int *w, int *h)
{
    if (!path || !*path)
        return NULL;
    image *img = NULL;
    for (size_t i = 0; i < images->count && !img; i++)
        if (strcmp(images->items[i].path, path) == 0)
            img = &images->items[i];
    if (!img)
        img = load(images, path);
    if (!img || !img->texture)
        return NULL;
    *w = img->w;
    *h = img->h;
    return img->texture;
}

unsigned hrc_images_decoded(const hrc_images *images)
{
    return images->decoded;
}
