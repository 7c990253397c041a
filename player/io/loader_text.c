/*
 * loader_text.c: translatable texts.
 *
 * Grouping rule (docs/format-v1.md): consecutive elements with the same
 * name form one text as long as their languages differ; a language seen
 * again starts the next text. An element without xml:lang is in the
 * module's default language. Inside a text, <em> and <strong> become span
 * styles, white space collapses to single spaces and is trimmed at both
 * ends, and `plain` is the spans concatenated.
 */
#include "io/loader_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct loader_span_mark {
    unsigned style;
    size_t start; /* offset in ctx->buf */
};

enum { LINEAR_LANG_LIMIT = 16 }; /* beyond this many variants, use a hash set */

/* ---- Tree helpers ----------------------------------------------------- */

bool loader_is(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE &&
           strcmp((const char *)node->name, name) == 0;
}

xmlNode *loader_element(xmlNode *node)
{
    while (node && node->type != XML_ELEMENT_NODE)
        node = node->next;
    return node;
}

xmlNode *loader_first_child(const xmlNode *node)
{
    return node ? loader_element(node->children) : NULL;
}

xmlNode *loader_next(const xmlNode *node)
{
    return node ? loader_element(node->next) : NULL;
}

static const char *attr_value(const xmlAttr *attr)
{
    const xmlNode *child = attr->children;
    if (child && child->type == XML_TEXT_NODE && !child->next && child->content)
        return (const char *)child->content;
    return child ? NULL : "";
}

const char *loader_attr(const xmlNode *node, const char *name)
{
    for (const xmlAttr *a = node->properties; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0) {
            const char *v = attr_value(a);
            return v ? v : ""; /* split values cannot occur without entities */
        }
    return NULL;
}

const char *loader_lang(const xmlNode *node)
{
    for (const xmlAttr *a = node->properties; a; a = a->next)
        if (a->ns && a->ns->prefix && strcmp((const char *)a->ns->prefix, "xml") == 0 &&
            strcmp((const char *)a->name, "lang") == 0) {
            const char *v = attr_value(a);
            return v ? v : "";
        }
    return NULL;
}

/* ---- Scratch buffer --------------------------------------------------- */

static bool reserve(loader_ctx *ctx, size_t more)
{
    if (ctx->buf_cap - ctx->buf_len >= more)
        return true;
    size_t cap = ctx->buf_cap ? ctx->buf_cap : 256;
    while (cap - ctx->buf_len < more)
        cap *= 2;
    char *buf = realloc(ctx->buf, cap);
    if (!buf) {
        ctx->oom = true;
        return false;
    }
    ctx->buf = buf;
    ctx->buf_cap = cap;
    return true;
}

static void append(loader_ctx *ctx, unsigned style, const char *s, size_t n)
{
    if (ctx->n_marks == 0 || ctx->marks[ctx->n_marks - 1].style != style) {
        if (ctx->n_marks == ctx->marks_cap) {
            size_t cap = ctx->marks_cap ? ctx->marks_cap * 2 : 16;
            struct loader_span_mark *m = realloc(ctx->marks, cap * sizeof(*m));
            if (!m) {
                ctx->oom = true;
                return;
            }
            ctx->marks = m;
            ctx->marks_cap = cap;
        }
        ctx->marks[ctx->n_marks++] = (struct loader_span_mark){style, ctx->buf_len};
    }
    if (!reserve(ctx, n))
        return;
    memcpy(ctx->buf + ctx->buf_len, s, n);
    ctx->buf_len += n;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

typedef struct collapse {
    bool pending_space;    /* white space seen since the last word */
    unsigned space_style;  /* the style it was seen in */
} collapse;

/* Appends s with its white space collapsed. A space is only written once
 * a word follows it, so the text never ends or starts with one. */
static void add_chars(loader_ctx *ctx, collapse *cs, unsigned style, const char *s)
{
    while (*s) {
        if (is_space(*s)) {
            if (!cs->pending_space && ctx->buf_len > 0) {
                cs->pending_space = true;
                cs->space_style = style;
            }
            s++;
            continue;
        }
        size_t n = 0;
        while (s[n] && !is_space(s[n]))
            n++;
        if (cs->pending_space) {
            append(ctx, cs->space_style, " ", 1);
            cs->pending_space = false;
        }
        append(ctx, style, s, n);
        s += n;
    }
}

static void add_inline(loader_ctx *ctx, collapse *cs, unsigned style, const xmlNode *node)
{
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                add_chars(ctx, cs, style, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            unsigned inner = style;
            if (strcmp((const char *)c->name, "em") == 0)
                inner |= HRC_SPAN_EM;
            else if (strcmp((const char *)c->name, "strong") == 0)
                inner |= HRC_SPAN_STRONG;
            add_inline(ctx, cs, inner, c); /* depth is capped by the parser */
        }
    }
}

/* Turns the scratch buffer into a variant in the arena. */
static void take_variant(loader_ctx *ctx, hrc_variant *v)
{
    char *plain = hrc_arena_strndup(ctx->arena, ctx->buf ? ctx->buf : "", ctx->buf_len);
    hrc_span *spans = ctx->n_marks ? hrc_arena_array(ctx->arena, ctx->n_marks, sizeof(*spans))
                                   : NULL;
    if (!plain || (ctx->n_marks && !spans)) {
        ctx->oom = true;
        v->plain = "";
        return;
    }
    for (size_t i = 0; i < ctx->n_marks; i++) {
        size_t start = ctx->marks[i].start;
        size_t end = i + 1 < ctx->n_marks ? ctx->marks[i + 1].start : ctx->buf_len;
        spans[i].style = ctx->marks[i].style;
        spans[i].text = ctx->n_marks == 1 ? plain
                                          : hrc_arena_strndup(ctx->arena, ctx->buf + start,
                                                              end - start);
        if (!spans[i].text) {
            ctx->oom = true;
            spans[i].text = "";
        }
    }
    v->plain = plain;
    v->n_spans = ctx->n_marks;
    v->spans = spans;
}

static void collect_variant(loader_ctx *ctx, const xmlNode *node, hrc_variant *v)
{
    ctx->buf_len = 0;
    ctx->n_marks = 0;
    collapse cs = {0};
    add_inline(ctx, &cs, HRC_SPAN_PLAIN, node);
    take_variant(ctx, v);
}

const char *loader_plain(loader_ctx *ctx, const xmlNode *node)
{
    hrc_variant v = {0};
    collect_variant(ctx, node, &v);
    return v.plain ? v.plain : "";
}

/* ---- Grouping --------------------------------------------------------- */

/* The module's copy of a language tag, shared by every variant in it. */
static const char *intern_lang(loader_ctx *ctx, const char *lang)
{
    if (ctx->default_lang && strcmp(lang, ctx->default_lang) == 0)
        return ctx->default_lang;
    for (size_t i = 0; i < ctx->n_languages; i++)
        if (strcmp(lang, ctx->languages[i]) == 0)
            return ctx->languages[i];
    const char *copy = hrc_arena_strdup(ctx->arena, lang);
    if (!copy)
        ctx->oom = true;
    return copy ? copy : "";
}

static bool lang_seen(const char *const *langs, size_t n, const loader_idset *set,
                      const char *lang)
{
    if (n <= LINEAR_LANG_LIMIT) {
        for (size_t i = 0; i < n; i++)
            if (strcasecmp(langs[i], lang) == 0)
                return true;
        return false;
    }
    return loader_idset_has(set, lang);
}

static bool has_lang(const hrc_text *t, const char *lang)
{
    for (size_t i = 0; i < t->n_variants; i++)
        if (strcasecmp(t->variants[i].lang, lang) == 0)
            return true;
    return false;
}

/* A text must exist in the default language, and should in @languages. */
static void check_languages(loader_ctx *ctx, const char *name, const hrc_text *t)
{
    if (t->n_variants == 0)
        return;
    if (ctx->default_lang && !has_lang(t, ctx->default_lang))
        loader_error(ctx, t->pos, "<%s> has no text in the module's default language \"%s\"",
                     name, ctx->default_lang);
    char missing[256];
    size_t len = 0;
    missing[0] = '\0';
    for (size_t i = 0; i < ctx->n_languages; i++) {
        const char *lang = ctx->languages[i];
        if (has_lang(t, lang) || strcasecmp(lang, ctx->default_lang ? ctx->default_lang : "") == 0 ||
            len + strlen(lang) + 3 >= sizeof(missing))
            continue;
        len += (size_t)snprintf(missing + len, sizeof(missing) - len, "%s%s",
                                len ? ", " : "", lang);
    }
    if (len)
        loader_warning(ctx, t->pos, "<%s> lacks a translation: %s", name, missing);
}

static bool same_key(const xmlNode *a, const xmlNode *b, const char *key)
{
    if (!key)
        return true;
    const char *x = loader_attr(a, key), *y = loader_attr(b, key);
    return x && y ? strcmp(x, y) == 0 : x == y;
}

void loader_text(loader_ctx *ctx, xmlNode **cursor, const char *name, hrc_text *out)
{
    loader_text_keyed(ctx, cursor, name, NULL, out);
}

void loader_text_keyed(loader_ctx *ctx, xmlNode **cursor, const char *name,
                       const char *key, hrc_text *out)
{
    memset(out, 0, sizeof(*out));
    xmlNode *node = loader_element(*cursor);
    *cursor = node;
    if (!loader_is(node, name))
        return;
    out->pos = loader_node_pos(ctx, node);

    /* First pass: where the run ends, and the languages in it. */
    size_t n = 0, cap = 0;
    const char **langs = NULL;
    loader_idset set;
    loader_idset_init(&set);
    xmlNode *end = node;
    for (; loader_is(end, name) && same_key(node, end, key); end = loader_next(end)) {
        const char *lang = loader_lang(end);
        if (lang && !*lang) {
            loader_error(ctx, loader_node_pos(ctx, end),
                         "<%s> has an empty xml:lang; leave it out for the default "
                         "language", name);
            continue;
        }
        if (!lang)
            lang = ctx->default_lang ? ctx->default_lang : "";
        if (lang_seen(langs, n, &set, lang))
            break; /* a language seen again starts the next text */
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            const char **grown = realloc(langs, cap * sizeof(*grown));
            if (!grown) {
                ctx->oom = true;
                break;
            }
            langs = grown;
        }
        langs[n++] = lang;
        if (n == LINEAR_LANG_LIMIT + 1)
            for (size_t i = 0; i < n; i++)
                loader_idset_add(&set, langs[i], out->pos, NULL);
        else if (n > LINEAR_LANG_LIMIT + 1)
            loader_idset_add(&set, lang, out->pos, NULL);
    }
    loader_idset_free(&set);

    /* Second pass: the variants themselves. */
    hrc_variant *variants = n ? hrc_arena_array(ctx->arena, n, sizeof(*variants)) : NULL;
    if (n && !variants)
        ctx->oom = true;
    size_t i = 0;
    for (xmlNode *e = node; variants && e != end && i < n; e = loader_next(e)) {
        const char *lang = loader_lang(e);
        if (lang && !*lang)
            continue;
        variants[i].lang = intern_lang(ctx, langs[i]);
        collect_variant(ctx, e, &variants[i]);
        i++;
    }
    free(langs);
    out->n_variants = variants ? i : 0;
    out->variants = variants;
    *cursor = end;
    check_languages(ctx, name, out);
}

void loader_texts(loader_ctx *ctx, xmlNode **cursor, const char *name, size_t *n,
                  const hrc_text **out)
{
    /* The element count bounds the text count: one allocation. */
    size_t count = 0;
    for (xmlNode *e = loader_element(*cursor); loader_is(e, name); e = loader_next(e))
        count++;
    *n = 0;
    *out = NULL;
    if (count == 0)
        return;
    hrc_text *texts = hrc_arena_array(ctx->arena, count, sizeof(*texts));
    if (!texts) {
        ctx->oom = true;
        return;
    }
    size_t k = 0;
    while (k < count && loader_is(loader_element(*cursor), name))
        loader_text(ctx, cursor, name, &texts[k++]);
    *n = k;
    *out = texts;
}
