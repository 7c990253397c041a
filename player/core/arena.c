#include "core/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK_MIN = 64 * 1024 };

typedef struct chunk {
    struct chunk *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    alignas(max_align_t) unsigned char data[];
} chunk;

struct hrc_arena {
    chunk *head;
    size_t reserved;
};

hrc_arena *hrc_arena_new(void)
{
    return calloc(1, sizeof(hrc_arena));
}

void hrc_arena_free(hrc_arena *arena)
{
    if (!arena)
        return;
    for (chunk *c = arena->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(arena);
}

void *hrc_arena_alloc(hrc_arena *arena, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size > SIZE_MAX / 2)
        return NULL;
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    chunk *c = arena->head;
    if (!c || c->size - c->used < size) {
        size_t want = size > CHUNK_MIN ? size : CHUNK_MIN;
        /* Grow chunks with the arena so big modules need few mallocs. */
        if (arena->reserved / 4 > want)
            want = arena->reserved / 4;
        c = malloc(sizeof(chunk) + want);
        if (!c)
            return NULL;
        c->size = want;
        c->used = 0;
        c->next = arena->head;
        arena->head = c;
        arena->reserved += want;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void *hrc_arena_array(hrc_arena *arena, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / 2 / size)
        return NULL;
    return hrc_arena_alloc(arena, count * size);
}

char *hrc_arena_strndup(hrc_arena *arena, const char *s, size_t n)
{
    char *p = hrc_arena_alloc(arena, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *hrc_arena_strdup(hrc_arena *arena, const char *s)
{
    return hrc_arena_strndup(arena, s, strlen(s));
}

size_t hrc_arena_bytes(const hrc_arena *arena)
{
    return arena->reserved;
}
