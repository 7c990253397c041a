/*
 * progress_json.h: a small, strict, bounded JSON reader (RFC 8259) for
 * importing exports. It reads a top-level array one element at a time, so
 * memory stays bounded by the largest element, not the file. Anything that
 * is not strict JSON (comments, trailing commas, bad escapes, lone
 * surrogates, invalid UTF-8, nesting deeper than HRC_JSON_MAX_DEPTH) is an
 * error with its line number; it never crashes.
 */
#ifndef HRC_PROGRESS_JSON_H
#define HRC_PROGRESS_JSON_H

#include <stdbool.h>
#include <stddef.h>

#define HRC_JSON_MAX_DEPTH 32
#define HRC_JSON_MAX_NODES 100000 /* in one element of the top-level array */

typedef enum hrc_json_type {
    HRC_JSON_NULL, HRC_JSON_FALSE, HRC_JSON_TRUE, HRC_JSON_NUMBER, HRC_JSON_STRING,
    HRC_JSON_ARRAY, HRC_JSON_OBJECT,
} hrc_json_type;

typedef struct hrc_json {
    hrc_json_type type;
    double number;
    const char *string;       /* strings: decoded UTF-8, NUL-terminated */
    size_t length;            /* strings: bytes (may hold U+0000) */
    const char *key;          /* members of an object: the name */
    struct hrc_json *child;   /* arrays and objects: the first element */
    struct hrc_json *next;    /* the next sibling */
} hrc_json;

typedef struct hrc_json_reader {
    const char *start, *p, *end;
    struct hrc_arena *arena;  /* holds the current element */
    size_t n_nodes;
    size_t n_elements;        /* of the top-level array, so far */
    char err[160];
} hrc_json_reader;

void hrc_json_reader_init(hrc_json_reader *r, const char *text, size_t len);
void hrc_json_reader_free(hrc_json_reader *r);

/* Expects '[' at the start. false with r->err on anything else. */
bool hrc_json_array_open(hrc_json_reader *r);
/* 1: *out is the next element (valid until the next call); 0: the array and
 * the input ended properly; -1: error in r->err. */
int hrc_json_array_next(hrc_json_reader *r, const hrc_json **out);

/* The member named key of an object, or NULL. */
const hrc_json *hrc_json_get(const hrc_json *object, const char *key);
/* The member's string, or NULL when absent or not a string. */
const char *hrc_json_get_string(const hrc_json *object, const char *key);

#endif
