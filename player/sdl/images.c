/*
 * images.c: course images, decoded once and kept at the size they are
 * drawn at. A 6000x4000 photograph shown in a 900-pixel column becomes a
 * 900-pixel texture, not a 96 MB one.
 *
 * In the background mode (the player's window) files are read, decoded and
 * scaled by a worker thread: a frame never waits for the disk or a decoder.
 * Until an image is ready the caller draws nothing there (the layout has
 * already made room for it, from the size the loader read); when it is
 * ready the worker posts HRC_IMAGES_READY_EVENT so that the loop draws
 * again. Textures are made on the caller's thread, as SDL requires.
 */
#include "sdl/images.h"

#include <SDL_image.h>

#include <stdlib.h>
#include <string.h>

typedef enum image_state { IMG_QUEUED, IMG_DECODING, IMG_DECODED, IMG_READY, IMG_FAILED } image_state;

typedef struct image {
    char *path;
    int want_w, want_h;   /* the box it is scaled to fit (0: natural size) */
    image_state state;
    SDL_Surface *surface; /* decoded and scaled, until it becomes a texture */
    SDL_Texture *texture;
    int w, h;             /* the texture's size */
} image;

struct hrc_images {
    SDL_Renderer *renderer;
    image *items;
    size_t count, capacity;
    unsigned decoded;
    /* Background mode. */
    SDL_Thread *worker;
    SDL_mutex *lock;
    SDL_cond *wake;
    bool stopping;
};

Uint32 hrc_images_ready_event(void)
{
    static Uint32 type;
    if (!type) {
        Uint32 t = SDL_RegisterEvents(1);
        type = t == (Uint32)-1 ? SDL_USEREVENT : t;
    }
    return type;
}

hrc_images *hrc_images_new(SDL_Renderer *renderer)
{
    hrc_images *images = calloc(1, sizeof *images);
    if (images)
        images->renderer = renderer;
    return images;
}

static void stop_worker(hrc_images *images)
{
    if (!images->worker)
        return;
    SDL_LockMutex(images->lock);
    images->stopping = true;
    SDL_CondSignal(images->wake);
    SDL_UnlockMutex(images->lock);
    SDL_WaitThread(images->worker, NULL);
    images->worker = NULL;
}

void hrc_images_free(hrc_images *images)
{
    if (!images)
        return;
    stop_worker(images);
    for (size_t i = 0; i < images->count; i++) {
        free(images->items[i].path);
        SDL_FreeSurface(images->items[i].surface);
        if (images->items[i].texture)
            SDL_DestroyTexture(images->items[i].texture);
    }
    if (images->wake)
        SDL_DestroyCond(images->wake);
    if (images->lock)
        SDL_DestroyMutex(images->lock);
    free(images->items);
    free(images);
}

/*
 * Reads and decodes a file, then scales it down to fit want_w x want_h
 * (never up), halving first so that the last linear step averages every
 * pixel: no shimmer from skipped pixels. NULL when the file cannot be read.
 */
static SDL_Surface *decode(const char *path, int want_w, int want_h)
{
    SDL_Surface *raw = IMG_Load(path);
    if (!raw)
        return NULL;
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    if (!s || want_w <= 0 || want_h <= 0)
        return s;
    /* The size that fits the box, keeping the aspect. */
    int w = want_w, h = (int)((long long)s->h * want_w / s->w);
    if (h > want_h) {
        h = want_h;
        w = (int)((long long)s->w * want_h / s->h);
    }
    if (w < 1 || h < 1 || (w >= s->w && h >= s->h))
        return s;
    while (s->w / 2 >= w && s->h / 2 >= h) {
        SDL_Surface *half =
            SDL_CreateRGBSurfaceWithFormat(0, s->w / 2, s->h / 2, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!half || SDL_SoftStretchLinear(s, NULL, half, NULL) != 0) {
            SDL_FreeSurface(half);
            break;
        }
        SDL_FreeSurface(s);
        s = half;
    }
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out || SDL_SoftStretchLinear(s, NULL, out, NULL) != 0) {
        SDL_FreeSurface(out);
        return s; /* the halved one will do */
    }
    SDL_FreeSurface(s);
    return out;
}

static int worker_main(void *arg)
{
    hrc_images *images = arg;
    SDL_LockMutex(images->lock);
    for (;;) {
        image *job = NULL;
        for (size_t i = 0; i < images->count && !job; i++)
            if (images->items[i].state == IMG_QUEUED)
                job = &images->items[i];
        if (images->stopping)
            break;
        if (!job) {
            SDL_CondWait(images->wake, images->lock);
            continue;
        }
        job->state = IMG_DECODING;
        char *path = strdup(job->path);
        int want_w = job->want_w, want_h = job->want_h;
        size_t index = (size_t)(job - images->items); /* items may move meanwhile */
        SDL_UnlockMutex(images->lock);
        SDL_Surface *s = path ? decode(path, want_w, want_h) : NULL;
        free(path);
        SDL_LockMutex(images->lock);
        image *done = &images->items[index];
        done->surface = s;
        done->state = s ? IMG_DECODED : IMG_FAILED;
        images->decoded++;
        SDL_Event e = {.type = hrc_images_ready_event()};
        SDL_PushEvent(&e);
    }
    SDL_UnlockMutex(images->lock);
    return 0;
}

int hrc_images_start_background(hrc_images *images)
{
    if (images->worker)
        return 0;
    images->lock = SDL_CreateMutex();
    images->wake = SDL_CreateCond();
    if (!images->lock || !images->wake)
        return -1;
    hrc_images_ready_event();
    images->worker = SDL_CreateThread(worker_main, "hrc-images", images);
    return images->worker ? 0 : -1;
}

static image *add(hrc_images *images, const char *path, int want_w, int want_h)
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
    *img = (image){.path = copy, .want_w = want_w, .want_h = want_h, .state = IMG_QUEUED};
    return img;
}

/* The decoded surface becomes a texture (on this, the renderer's thread). */
static void upload(hrc_images *images, image *img)
{
    if (img->state != IMG_DECODED)
        return;
    img->texture = SDL_CreateTextureFromSurface(images->renderer, img->surface);
    img->w = img->surface->w;
    img->h = img->surface->h;
    SDL_FreeSurface(img->surface);
    img->surface = NULL;
    img->state = img->texture ? IMG_READY : IMG_FAILED;
    if (img->texture)
        SDL_SetTextureBlendMode(img->texture, SDL_BLENDMODE_BLEND);
}

/* Whether an image kept for want_w x want_h also serves a box this big:
 * not when the box is half as large again (a window made bigger). */
static bool serves(const image *img, int want_w, int want_h)
{
    if (want_w <= 0 || want_h <= 0)
        return img->want_w <= 0;
    if (img->want_w <= 0)
        return true; /* the natural size serves every box */
    return want_w * 2 <= img->want_w * 3 && want_h * 2 <= img->want_h * 3;
}

SDL_Texture *hrc_images_get(hrc_images *images, const char *path, int want_w, int want_h,
                            int *w, int *h)
{
    if (!path || !*path)
        return NULL;
    if (images->lock)
        SDL_LockMutex(images->lock);
    image *img = NULL, *fallback = NULL;
    for (size_t i = 0; i < images->count; i++) {
        image *it = &images->items[i];
        if (strcmp(it->path, path) != 0)
            continue;
        if (it->state == IMG_FAILED)
            img = it; /* a file that cannot be read is not retried */
        else if (serves(it, want_w, want_h))
            img = it;
        else if (it->state == IMG_READY)
            fallback = it; /* shown, smaller, until the bigger one is ready */
        if (img)
            break;
    }
    if (!img) {
        img = add(images, path, want_w, want_h);
        if (img && !images->worker) { /* no worker: decode now */
            img->surface = decode(path, want_w, want_h);
            img->state = img->surface ? IMG_DECODED : IMG_FAILED;
            images->decoded++;
        } else if (img) {
            SDL_CondSignal(images->wake);
        }
    }
    if (img)
        upload(images, img);
    if (img && img->state != IMG_READY && fallback && fallback->state == IMG_READY)
        img = fallback;
    SDL_Texture *tex = img && img->state == IMG_READY ? img->texture : NULL;
    if (tex) {
        *w = img->w;
        *h = img->h;
    }
    if (images->lock)
        SDL_UnlockMutex(images->lock);
    return tex;
}

unsigned hrc_images_decoded(const hrc_images *images)
{
    return images->decoded;
}

bool hrc_images_pending(hrc_images *images)
{
    bool pending = false;
    if (images->lock)
        SDL_LockMutex(images->lock);
    for (size_t i = 0; i < images->count && !pending; i++)
        pending = images->items[i].state == IMG_QUEUED ||
                  images->items[i].state == IMG_DECODING;
    if (images->lock)
        SDL_UnlockMutex(images->lock);
    return pending;
}
