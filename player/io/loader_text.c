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

#include "core/i18n.h"

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

static void append(loader_ctx *ctx, size_t first_mark, unsigned style, const char *s,
                   size_t n)
{
    if (ctx->n_marks == first_mark || ctx->marks[ctx->n_marks - 1].style != style) {
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
    size_t buf_start;      /* where this variant starts in ctx->buf */
    size_t first_mark;     /* and in ctx->marks */
} collapse;

/* Appends s with its white space collapsed. A space is only written once
 * a word follows it, so the text never ends or starts with one. */
static void add_chars(loader_ctx *ctx, collapse *cs, unsigned style, const char *s)
{
    while (*s) {
        if (is_space(*s)) {
            if (!cs->pending_space && ctx->buf_len > cs->buf_start) {
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
            append(ctx, cs->first_mark, cs->space_style, " ", 1);
            cs->pending_space = false;
        }
        append(ctx, cs->first_mark, style, s, n);
        s += n;
    }
}

/* A gap of a fill-in prompt: a blank, its span naming the gap's index.
 * Gaps outside a fill-in prompt, or naming no answer, are reported
 * elsewhere (the schema, loader_check_gaps) and leave nothing. */
static void add_gap(loader_ctx *ctx, collapse *cs, unsigned style, const xmlNode *gap)
{
    const char *ref = loader_attr(gap, "ref");
    for (size_t i = 0; ref && i < ctx->n_gaps; i++)
        if (strcmp(ctx->gaps[i].id, ref) == 0) {
            unsigned gap_style = (style & (HRC_SPAN_EM | HRC_SPAN_STRONG)) | HRC_SPAN_GAP |
                                 ((unsigned)i << HRC_SPAN_GAP_SHIFT);
            add_chars(ctx, cs, gap_style, "_____");
            return;
        }
}

static void add_inline(loader_ctx *ctx, collapse *cs, unsigned style, const xmlNode *node)
{
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                add_chars(ctx, cs, style, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "gap") == 0) {
            add_gap(ctx, cs, style, c);
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

/* One variant's place in the scratch buffers. */
typedef struct variant_mark {
    size_t buf_start, buf_end;
    size_t first_mark, end_mark;
} variant_mark;

/* Appends the inline content of node to the scratch buffers. */
static variant_mark collect(loader_ctx *ctx, const xmlNode *node)
{
    collapse cs = {.buf_start = ctx->buf_len, .first_mark = ctx->n_marks};
    add_inline(ctx, &cs, HRC_SPAN_PLAIN, node);
    return (variant_mark){cs.buf_start, ctx->buf_len, cs.first_mark, ctx->n_marks};
}

static size_t span_end(const loader_ctx *ctx, const variant_mark *vm, size_t i)
{
    return i + 1 < vm->end_mark ? ctx->marks[i + 1].start : vm->buf_end;
}

/*
 * Moves n collected variants into the arena as one block: the variant
 * array, then every span array, then the strings. One allocation per text
 * keeps a large module's model small (no per-string alignment padding).
 * A variant with a single span shares its string with `plain`.
 */
static hrc_variant *take_variants(loader_ctx *ctx, const variant_mark *vm,
                                  const char *const *langs, size_t n)
{
    size_t n_spans = 0, chars = 0;
    for (size_t v = 0; v < n; v++) {
        size_t spans = vm[v].end_mark - vm[v].first_mark;
        n_spans += spans;
        chars += vm[v].buf_end - vm[v].buf_start + 1;
        if (spans > 1)
            chars += vm[v].buf_end - vm[v].buf_start + spans;
    }
    size_t size = n * sizeof(hrc_variant) + n_spans * sizeof(hrc_span) + chars;
    char *block = hrc_arena_alloc(ctx->arena, size);
    if (!block) {
        ctx->oom = true;
        return NULL;
    }
    hrc_variant *variants = (hrc_variant *)block;
    hrc_span *span = (hrc_span *)(block + n * sizeof(hrc_variant));
    char *text = (char *)(span + n_spans);
    for (size_t v = 0; v < n; v++) {
        size_t len = vm[v].buf_end - vm[v].buf_start;
        hrc_variant *out = &variants[v];
        out->lang = langs[v];
        out->plain = text;
        if (len) /* an empty text may have no buffer at all */
            memcpy(text, ctx->buf + vm[v].buf_start, len);
        text[len] = '\0';
        text += len + 1;
        out->n_spans = vm[v].end_mark - vm[v].first_mark;
        out->spans = out->n_spans ? span : NULL;
        for (size_t i = vm[v].first_mark; i < vm[v].end_mark; i++, span++) {
            span->style = ctx->marks[i].style;
            if (out->n_spans == 1) {
                span->text = out->plain;
                continue;
            }
            size_t from = ctx->marks[i].start, to = span_end(ctx, &vm[v], i);
            if (to > from)
                memcpy(text, ctx->buf + from, to - from);
            text[to - from] = '\0';
            span->text = text;
            text += to - from + 1;
        }
    }
    return variants;
}

const char *loader_plain(loader_ctx *ctx, const xmlNode *node)
{
    ctx->buf_len = 0;
    ctx->n_marks = 0;
    variant_mark vm = collect(ctx, node);
    char *s = hrc_arena_strndup(ctx->arena, ctx->buf ? ctx->buf : "",
                                vm.buf_end - vm.buf_start);
    if (!s)
        ctx->oom = true;
    return s ? s : "";
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
    if (t->n_variants == 0 || !ctx->default_lang || !*ctx->default_lang)
        return; /* no default language: <module> has the one error about it */
    if (!has_lang(t, ctx->default_lang))
        loader_error(ctx, t->pos, _("<%s> has no text in the module's default language \"%s\""),
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
        loader_warning(ctx, t->pos, _("<%s> lacks a translation: %s"), name, missing);
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
                         _("<%s> has an empty xml:lang; leave it out for the default "
                         "language"), name);
            continue;
        }
        if (lang)
            loader_check_lang_tag(ctx, loader_node_pos(ctx, end), lang);
        else
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

    /* Second pass: the variants themselves, into the scratch buffers. */
    variant_mark *vm = n ? malloc(n * sizeof(*vm)) : NULL;
    if (n && !vm)
        ctx->oom = true;
    ctx->buf_len = 0;
    ctx->n_marks = 0;
    size_t i = 0;
    for (xmlNode *e = node; vm && e != end && i < n; e = loader_next(e)) {
        const char *lang = loader_lang(e);
        if (lang && !*lang)
            continue;
        langs[i] = intern_lang(ctx, langs[i]);
        vm[i++] = collect(ctx, e);
    }
    hrc_variant *variants = i ? take_variants(ctx, vm, langs, i) : NULL;
    free(vm);
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
