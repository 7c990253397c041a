/*
 * progress_json.c: the strict JSON reader used by imports. Recursive
 * descent with a depth limit and a node limit per top-level element.
 */
#include "io/progress_json.h"

#include "core/arena.h"
#include "io/progress_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t line_of(const hrc_json_reader *r)
{
    size_t line = 1;
    for (const char *q = r->start; q < r->p && q < r->end; q++)
        line += *q == '\n';
    return line;
}

static bool fail(hrc_json_reader *r, const char *what)
{
    if (!r->err[0])
        snprintf(r->err, sizeof r->err, "line %zu: %s", line_of(r), what);
    return false;
}

static void skip_space(hrc_json_reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static hrc_json *new_node(hrc_json_reader *r, hrc_json_type type)
{
    if (++r->n_nodes > HRC_JSON_MAX_NODES) {
        fail(r, "too many values in one statement");
        return NULL;
    }
    hrc_json *n = hrc_arena_alloc(r->arena, sizeof *n);
    if (!n)
        fail(r, "out of memory");
    else
        n->type = type;
    return n;
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

static size_t put_utf8(char *out, unsigned cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* At the opening quote. The decoded text is never longer than the source. */
static bool parse_string(hrc_json_reader *r, const char **out, size_t *out_len)
{
    const char *q = ++r->p;
    while (q < r->end && *q != '"')
        q += *q == '\\' && q + 1 < r->end ? 2 : 1;
    if (q >= r->end)
        return fail(r, "unterminated string");
    char *buf = hrc_arena_alloc(r->arena, (size_t)(q - r->p) + 1);
    if (!buf)
        return fail(r, "out of memory");
    size_t n = 0;
    const char *run = r->p; /* start of the bytes copied as they are */
    while (*r->p != '"') {
        unsigned char c = (unsigned char)*r->p;
        if (c < 0x20)
            return fail(r, "control character in a string");
        if (c != '\\') {
            r->p++;
            continue;
        }
        memcpy(buf + n, run, (size_t)(r->p - run));
        n += (size_t)(r->p - run);
        char e = r->p[1];
        r->p += 2;
        switch (e) {
        case '"': buf[n++] = '"'; break;
        case '\\': buf[n++] = '\\'; break;
        case '/': buf[n++] = '/'; break;
        case 'b': buf[n++] = '\b'; break;
        case 'f': buf[n++] = '\f'; break;
        case 'n': buf[n++] = '\n'; break;
        case 'r': buf[n++] = '\r'; break;
        case 't': buf[n++] = '\t'; break;
        case 'u': {
            int hi = r->end - r->p >= 4 ? hex4(r->p) : -1;
            if (hi < 0)
                return fail(r, "bad \\u escape");
            r->p += 4;
            unsigned cp = (unsigned)hi;
            if (hi >= 0xd800 && hi <= 0xdbff) {
                int lo = r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u'
                             ? hex4(r->p + 2) : -1;
                if (lo < 0xdc00 || lo > 0xdfff)
                    return fail(r, "lone surrogate in a \\u escape");
                r->p += 6;
                cp = 0x10000 + (((unsigned)hi - 0xd800) << 10) + ((unsigned)lo - 0xdc00);
            } else if (hi >= 0xdc00 && hi <= 0xdfff) {
                return fail(r, "lone surrogate in a \\u escape");
            }
            n += put_utf8(buf + n, cp);
            break;
        }
        default: return fail(r, "bad escape in a string");
        }
        run = r->p;
    }
    memcpy(buf + n, run, (size_t)(r->p - run));
    n += (size_t)(r->p - run);
    buf[n] = '\0';
    r->p++; /* the closing quote */
    /* \u0000 is the only way to get a NUL in; the bytes were checked raw. */
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '\0')
            return fail(r, "U+0000 in a string");
    if (!hrc_progress_utf8_is_valid(buf, n))
        return fail(r, "invalid UTF-8 in a string");
    *out = buf;
    *out_len = n;
    return true;
}

static bool parse_number(hrc_json_reader *r, double *out)
{
    const char *s = r->p, *q = s;
    if (q < r->end && *q == '-')
        q++;
    if (q >= r->end || *q < '0' || *q > '9')
        return fail(r, "bad number");
    if (*q == '0')
        q++;
    else
        while (q < r->end && *q >= '0' && *q <= '9')
            q++;
    if (q < r->end && *q == '.') {
        q++;
        if (q >= r->end || *q < '0' || *q > '9')
            return fail(r, "bad number");
        while (q < r->end && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < r->end && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < r->end && (*q == '+' || *q == '-'))
            q++;
        if (q >= r->end || *q < '0' || *q > '9')
            return fail(r, "bad number");
        while (q < r->end && *q >= '0' && *q <= '9')
            q++;
    }
    char buf[64];
    if ((size_t)(q - s) >= sizeof buf)
        return fail(r, "number too long");
    memcpy(buf, s, (size_t)(q - s));
    buf[q - s] = '\0';
    errno = 0;
    *out = strtod(buf, NULL);
    if (!isfinite(*out))
        return fail(r, "number out of range");
    r->p = q;
    return true;
}

static bool literal(hrc_json_reader *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
        return fail(r, "unexpected character");
    r->p += n;
    return true;
}

static hrc_json *parse_value(hrc_json_reader *r, int depth);

static int key_order(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first member name that an object holds twice, or NULL. JSON leaves
 * duplicates to the reader; this one refuses them, as a tampered file could
 * show one value to one program and another to the next. */
static const char *duplicate_key(hrc_json_reader *r, const hrc_json *object)
{
    size_t n = 0;
    for (const hrc_json *m = object->child; m; m = m->next)
        n++;
    if (n <= 16) {
        for (const hrc_json *a = object->child; a; a = a->next)
            for (const hrc_json *b = a->next; b; b = b->next)
                if (strcmp(a->key, b->key) == 0)
                    return a->key;
        return NULL;
    }
    const char **keys = hrc_arena_alloc(r->arena, n * sizeof *keys);
    if (!keys)
        return NULL; /* out of memory is reported by the caller's next step */
    size_t i = 0;
    for (const hrc_json *m = object->child; m; m = m->next)
        keys[i++] = m->key;
    qsort(keys, n, sizeof *keys, key_order);
    for (i = 1; i < n; i++)
        if (strcmp(keys[i], keys[i - 1]) == 0)
            return keys[i];
    return NULL;
}

/* Arrays and objects: at the opening bracket. */
static hrc_json *parse_container(hrc_json_reader *r, int depth, bool is_object)
{
    hrc_json *node = new_node(r, is_object ? HRC_JSON_OBJECT : HRC_JSON_ARRAY);
    if (!node)
        return NULL;
    if (depth >= HRC_JSON_MAX_DEPTH) {
        fail(r, "nested too deeply");
        return NULL;
    }
    char close = is_object ? '}' : ']';
    r->p++;
    skip_space(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return node;
    }
    hrc_json **tail = &node->child;
    for (;;) {
        const char *key = NULL;
        size_t key_len;
        skip_space(r);
        if (is_object) {
            if (r->p >= r->end || *r->p != '"') {
                fail(r, "expected a member name in quotes");
                return NULL;
            }
            if (!parse_string(r, &key, &key_len))
                return NULL;
            skip_space(r);
            if (r->p >= r->end || *r->p != ':') {
                fail(r, "expected ':'");
                return NULL;
            }
            r->p++;
        }
        hrc_json *child = parse_value(r, depth + 1);
        if (!child)
            return NULL;
        child->key = key;
        *tail = child;
        tail = &child->next;
        skip_space(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            const char *twice = is_object ? duplicate_key(r, node) : NULL;
            if (twice) {
                char what[120];
                snprintf(what, sizeof what, "the member \"%.60s\" appears twice in one object",
                         twice);
                fail(r, what);
                return NULL;
            }
            return node;
        }
        fail(r, is_object ? "expected ',' or '}'" : "expected ',' or ']'");
        return NULL;
    }
}

static hrc_json *parse_value(hrc_json_reader *r, int depth)
{
    skip_space(r);
    if (r->p >= r->end) {
        fail(r, "unexpected end of file");
        return NULL;
    }
    hrc_json *n;
    switch (*r->p) {
    case '{': return parse_container(r, depth, true);
    case '[': return parse_container(r, depth, false);
    case '"':
        n = new_node(r, HRC_JSON_STRING);
        return n && parse_string(r, &n->string, &n->length) ? n : NULL;
    case 't':
        n = new_node(r, HRC_JSON_TRUE);
        return n && literal(r, "true") ? n : NULL;
    case 'f':
        n = new_node(r, HRC_JSON_FALSE);
        return n && literal(r, "false") ? n : NULL;
    case 'n':
        n = new_node(r, HRC_JSON_NULL);
        return n && literal(r, "null") ? n : NULL;
    default:
        n = new_node(r, HRC_JSON_NUMBER);
        return n && parse_number(r, &n->number) ? n : NULL;
    }
}

void hrc_json_reader_init(hrc_json_reader *r, const char *text, size_t len)
{
    memset(r, 0, sizeof *r);
    r->start = r->p = text;
    r->end = text + len;
}

void hrc_json_reader_free(hrc_json_reader *r)
{
    hrc_arena_free(r->arena);
    r->arena = NULL;
}

bool hrc_json_array_open(hrc_json_reader *r)
{
    /* A UTF-8 byte order mark is tolerated, as some editors add one. */
    if (r->end - r->p >= 3 && memcmp(r->p, "\xef\xbb\xbf", 3) == 0)
        r->p += 3;
    skip_space(r);
    if (r->p >= r->end || *r->p != '[')
        return fail(r, "expected a JSON array of statements");
    r->p++;
    skip_space(r);
    return true;
}

int hrc_json_array_next(hrc_json_reader *r, const hrc_json **out)
{
    *out = NULL;
    hrc_arena_free(r->arena);
    r->arena = hrc_arena_new();
    r->n_nodes = 0;
    if (!r->arena)
        return fail(r, "out of memory"), -1;
    skip_space(r);
    if (r->p < r->end && *r->p == ']') {
        r->p++;
        skip_space(r);
        if (r->p != r->end)
            return fail(r, "text after the end of the array"), -1;
        return 0;
    }
    if (r->n_elements++ > 0) {
        /* not the first element: a comma must come first */
        if (r->p >= r->end || *r->p != ',')
            return fail(r, "expected ',' or ']'"), -1;
        r->p++;
        skip_space(r);
    }
    const hrc_json *v = parse_value(r, 1);
    if (!v)
        return -1;
    *out = v;
    return 1;
}

const hrc_json *hrc_json_get(const hrc_json *object, const char *key)
{
    if (!object || object->type != HRC_JSON_OBJECT)
        return NULL;
    for (const hrc_json *m = object->child; m; m = m->next)
        if (strcmp(m->key, key) == 0)
            return m;
    return NULL;
}

const char *hrc_json_get_string(const hrc_json *object, const char *key)
{
    const hrc_json *m = hrc_json_get(object, key);
    return m && m->type == HRC_JSON_STRING ? m->string : NULL;
}
