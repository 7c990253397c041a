/*
 * arena.h: a bump allocator for data that lives and dies together, such
 * as a loaded module. Allocations are never freed one by one; the whole
 * arena goes at once. Every allocation is aligned for any type.
 */
#ifndef HRC_ARENA_H
#define HRC_ARENA_H

#include <stddef.h>

typedef struct hrc_arena hrc_arena;

hrc_arena *hrc_arena_new(void);           /* NULL when out of memory */
void hrc_arena_free(hrc_arena *arena);    /* NULL is fine */
/* Zeroed memory, or NULL when out of memory or size is absurd. */
void *hrc_arena_alloc(hrc_arena *arena, size_t size);
void *hrc_arena_array(hrc_arena *arena, size_t count, size_t size);
char *hrc_arena_strdup(hrc_arena *arena, const char *s);
char *hrc_arena_strndup(hrc_arena *arena, const char *s, size_t n);
size_t hrc_arena_bytes(const hrc_arena *arena); /* total reserved */

#endif
