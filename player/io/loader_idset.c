/* loader_idset.c: a string set with open addressing, so that finding
 * duplicate ids stays linear in the size of the module. */
#include "io/loader_internal.h"

#include <stdlib.h>
#include <string.h>

void loader_idset_init(loader_idset *set)
{
    memset(set, 0, sizeof(*set));
}

void loader_idset_free(loader_idset *set)
{
    free(set->keys);
    free(set->where);
    loader_idset_init(set);
}

void loader_idset_clear(loader_idset *set)
{
    if (set->count)
        memset(set->keys, 0, set->capacity * sizeof(*set->keys));
    set->count = 0;
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static size_t slot_of(const loader_idset *set, const char *key)
{
    size_t mask = set->capacity - 1, i = (size_t)hash(key) & mask;
    while (set->keys[i] && strcmp(set->keys[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

static int grow(loader_idset *set)
{
    size_t cap = set->capacity ? set->capacity * 2 : 64;
    loader_idset bigger = {0, cap, calloc(cap, sizeof(*set->keys)),
                           malloc(cap * sizeof(*set->where))};
    if (!bigger.keys || !bigger.where) {
        free(bigger.keys);
        free(bigger.where);
        return -1;
    }
    for (size_t i = 0; i < set->capacity; i++)
        if (set->keys[i]) {
            size_t j = slot_of(&bigger, set->keys[i]);
            bigger.keys[j] = set->keys[i];
            bigger.where[j] = set->where[i];
        }
    bigger.count = set->count;
    free(set->keys);
    free(set->where);
    *set = bigger;
    return 0;
}

int loader_idset_add(loader_idset *set, const char *key, hrc_srcpos pos,
                     hrc_srcpos *first)
{
    if ((set->count + 1) * 10 > set->capacity * 7 && grow(set) != 0)
        return -1;
    size_t i = slot_of(set, key);
    if (set->keys[i]) {
        if (first)
            *first = set->where[i];
        return 0;
    }
    set->keys[i] = key;
    set->where[i] = pos;
    set->count++;
    return 1;
}

bool loader_idset_has(const loader_idset *set, const char *key)
{
    return set->capacity && set->keys[slot_of(set, key)] != NULL;
}
