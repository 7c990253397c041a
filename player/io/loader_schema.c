/*
 * loader_schema.c: what the built-in schema allows, in a form that can
 * explain a mistake, and the checks that use it while the file is parsed.
 *
 * libxml2's RELAX NG validator knows that something is wrong, but its words
 * ("Element case failed to validate attributes", pointing at the wrong
 * line) do not tell an author what to write instead. So the schema is
 * read once more into a table: for each element in each parent, its
 * attributes (required or not, their values or number type), the elements
 * that may stand inside it, and its content written out
 * ("<title>+, <intro>*, <era>+"). As each start tag is parsed, its name
 * and attributes are checked against that table and a mistake is reported
 * at the tag or the attribute itself, saying what is allowed. The element
 * is then remembered as reported, so that libxml2's own message about it
 * (and its cascade in the parents) is dropped, and so are the builder's
 * checks that would only repeat the consequence (a choice with
 * correct="yess" is not "a question with no right answer").
 *
 * The table is a superset of the schema (contexts are merged by parent
 * name), so it never calls wrong what the schema accepts; what it lets
 * through, libxml2 still reports.
 */
#include "io/loader_internal.h"

#include "core/i18n.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

extern const unsigned char hrc_module_schema[];
extern const size_t hrc_module_schema_size;

#define RNG_NS "http://relaxng.org/ns/structure/1.0"

enum {
    TYPE_TEXT = 1,     /* any text */
    TYPE_INTEGER = 2,  /* xsd:integer */
    TYPE_POSITIVE = 4, /* xsd:positiveInteger */
    TYPE_NONNEG = 8,   /* xsd:nonNegativeInteger */
    TYPE_DECIMAL = 16, /* xsd:decimal */
    TYPE_NUMBER = TYPE_INTEGER | TYPE_POSITIVE | TYPE_NONNEG | TYPE_DECIMAL,
};

typedef struct sattr {
    char *name; /* "xml:lang" for the namespaced one */
    bool required;
    unsigned types;
    char **values;
    size_t n_values;
} sattr;

typedef struct selem {
    char *parent; /* "" for <module> */
    char *name;
    sattr *attrs;
    size_t n_attrs;
    char **children;
    size_t n_children;
    char **required; /* children that must be there, in order */
    size_t n_required;
    char *model; /* its content written out: "<title>+, <intro>*, <era>+" */
    bool seen;   /* walked already */
} selem;

typedef struct stable {
    selem *elems;
    size_t n_elems, cap;
    size_t *slots; /* hash of (parent, name) -> index + 1; 0: empty */
    size_t n_slots; /* a power of two, or 0 before the table is complete */
    xmlDoc *doc;
    xmlNode *grammar;
    bool failed;
} stable;

static stable *table;
static bool table_tried;

/* ---- Small helpers ---------------------------------------------------------- */

static bool rng(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, RNG_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static bool is_rng(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, RNG_NS) == 0;
}

static char *prop(const xmlNode *n, const char *name)
{
    return (char *)xmlGetNoNsProp(n, BAD_CAST name);
}

static bool has_str(char **list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

static void add_str(stable *t, char ***list, size_t *n, const char *s)
{
    if (!s || has_str(*list, *n, s))
        return;
    char **grown = realloc(*list, (*n + 1) * sizeof **list);
    char *copy = strdup(s);
    if (!grown || !copy) {
        free(copy);
        if (grown)
            *list = grown;
        t->failed = true;
        return;
    }
    *list = grown;
    (*list)[(*n)++] = copy;
}

static xmlNode *define_named(const stable *t, const char *name)
{
    for (xmlNode *d = t->grammar->children; d; d = d->next)
        if (rng(d, "define")) {
            char *n = prop(d, "name");
            bool hit = n && strcmp(n, name) == 0;
            xmlFree(n);
            if (hit)
                return d;
        }
    return NULL;
}

static size_t hash_pair(const char *parent, const char *name)
{
    size_t h = 2166136261u;
    for (const char *p = parent; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    h = (h ^ 0xff) * 16777619u;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    return h;
}

/* Every start tag is looked up here: by hash once the table is complete,
 * by a scan while it is being read. */
static selem *find_elem(const stable *t, const char *parent, const char *name)
{
    if (!t)
        return NULL;
    if (t->n_slots) {
        size_t mask = t->n_slots - 1;
        for (size_t i = hash_pair(parent, name) & mask;; i = (i + 1) & mask) {
            size_t k = t->slots[i];
            if (!k)
                return NULL;
            selem *e = &t->elems[k - 1];
            if (strcmp(e->name, name) == 0 && strcmp(e->parent, parent) == 0)
                return e;
        }
    }
    for (size_t i = 0; i < t->n_elems; i++)
        if (strcmp(t->elems[i].parent, parent) == 0 && strcmp(t->elems[i].name, name) == 0)
            return &t->elems[i];
    return NULL;
}

static bool index_table(stable *t)
{
    size_t n = 16;
    while (n < t->n_elems * 4)
        n *= 2;
    t->slots = calloc(n, sizeof *t->slots);
    if (!t->slots)
        return false;
    for (size_t k = 0; k < t->n_elems; k++) {
        size_t i = hash_pair(t->elems[k].parent, t->elems[k].name) & (n - 1);
        while (t->slots[i])
            i = (i + 1) & (n - 1);
        t->slots[i] = k + 1;
    }
    t->n_slots = n;
    return true;
}

static selem *add_elem(stable *t, const char *parent, const char *name)
{
    selem *e = find_elem(t, parent, name);
    if (e)
        return e;
    if (t->n_elems == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        selem *grown = realloc(t->elems, cap * sizeof *grown);
        if (!grown) {
            t->failed = true;
            return NULL;
        }
        t->elems = grown;
        t->cap = cap;
    }
    e = &t->elems[t->n_elems];
    memset(e, 0, sizeof *e);
    e->parent = strdup(parent);
    e->name = strdup(name);
    if (!e->parent || !e->name) {
        free(e->parent);
        free(e->name);
        t->failed = true;
        return NULL;
    }
    t->n_elems++;
    return e;
}

/* ---- A growing string ----------------------------------------------------------- */

typedef struct sbuf {
    char *s;
    size_t len, cap;
    bool failed;
} sbuf;

static void sb_add(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

/* ---- Reading the grammar -------------------------------------------------------- */

static void walk_content(stable *t, selem *e, const xmlNode *pattern, bool optional,
                         int depth);
static bool add_values(stable *t, sattr *a, const xmlNode *pattern, int depth);

/* An attribute pattern: its name, and what its value may be. */
static void add_attr(stable *t, selem *e, const xmlNode *pattern, bool optional)
{
    char *name = prop(pattern, "name");
    if (!name)
        return;
    sattr *a = NULL;
    for (size_t i = 0; i < e->n_attrs; i++)
        if (strcmp(e->attrs[i].name, name) == 0)
            a = &e->attrs[i];
    if (!a) {
        sattr *grown = realloc(e->attrs, (e->n_attrs + 1) * sizeof *grown);
        if (!grown) {
            t->failed = true;
            xmlFree(name);
            return;
        }
        e->attrs = grown;
        a = &e->attrs[e->n_attrs++];
        memset(a, 0, sizeof *a);
        a->name = strdup(name);
        a->required = !optional;
        if (!a->name)
            t->failed = true;
    } else {
        a->required &= !optional;
    }
    xmlFree(name);
    if (!a->name)
        return;
    /* The value: text, values, number types, or a choice of them. */
    if (!add_values(t, a, pattern, 0))
        a->types |= TYPE_TEXT;
}

/* The values a pattern allows into a; false when it has none. */
static bool add_values(stable *t, sattr *a, const xmlNode *pattern, int depth)
{
    bool any = false;
    for (const xmlNode *c = pattern->children; c && depth < 8; c = c->next) {
        if (!is_rng(c))
            continue;
        any = true;
        if (rng(c, "choice")) {
            add_values(t, a, c, depth + 1);
        } else if (rng(c, "value")) {
            char *v = (char *)xmlNodeGetContent(c);
            add_str(t, &a->values, &a->n_values, v ? v : "");
            xmlFree(v);
        } else if (rng(c, "data")) {
            char *type = prop(c, "type");
            if (type && strcmp(type, "integer") == 0)
                a->types |= TYPE_INTEGER;
            else if (type && strcmp(type, "positiveInteger") == 0)
                a->types |= TYPE_POSITIVE;
            else if (type && strcmp(type, "nonNegativeInteger") == 0)
                a->types |= TYPE_NONNEG;
            else if (type && strcmp(type, "decimal") == 0)
                a->types |= TYPE_DECIMAL;
            else
                a->types |= TYPE_TEXT;
            xmlFree(type);
        } else {
            a->types |= TYPE_TEXT; /* <text/> and anything unforeseen */
        }
    }
    return any;
}

/* An element pattern inside parent: recorded, and its content walked once. */
static void walk_element(stable *t, const char *parent, const xmlNode *pattern, int depth)
{
    char *name = prop(pattern, "name");
    if (!name)
        return;
    selem *e = add_elem(t, parent, name);
    xmlFree(name);
    if (!e || e->seen)
        return;
    e->seen = true;
    size_t index = (size_t)(e - t->elems); /* the table may move as it grows */
    for (const xmlNode *c = pattern->children; c; c = c->next)
        if (is_rng(c))
            walk_content(t, &t->elems[index], c, false, depth + 1);
}

static void walk_content(stable *t, selem *e, const xmlNode *p, bool optional, int depth)
{
    if (depth > 64 || t->failed)
        return;
    size_t index = (size_t)(e - t->elems);
    if (rng(p, "attribute")) {
        add_attr(t, e, p, optional);
    } else if (rng(p, "element")) {
        char *name = prop(p, "name");
        if (name)
            add_str(t, &e->children, &e->n_children, name);
        if (name && !optional)
            add_str(t, &e->required, &e->n_required, name);
        xmlFree(name);
        char *parent = strdup(e->name);
        if (!parent) {
            t->failed = true;
            return;
        }
        walk_element(t, parent, p, depth);
        free(parent);
    } else if (rng(p, "ref")) {
        char *name = prop(p, "name");
        const xmlNode *d = name ? define_named(t, name) : NULL;
        xmlFree(name);
        for (const xmlNode *c = d ? d->children : NULL; c; c = c->next)
            if (is_rng(c))
                walk_content(t, &t->elems[index], c, optional, depth + 1);
    } else if (rng(p, "text")) {
        add_str(t, &e->children, &e->n_children, "#text");
    } else {
        bool opt = optional || rng(p, "optional") || rng(p, "zeroOrMore") || rng(p, "choice");
        for (const xmlNode *c = p->children; c; c = c->next)
            if (is_rng(c))
                walk_content(t, &t->elems[index], c, opt, depth + 1);
    }
}

/* ---- Writing content out ------------------------------------------------------- */

static void render(const stable *t, const xmlNode *p, sbuf *out, int depth);

/* The children patterns of p, as one sequence. */
static void render_seq(const stable *t, const xmlNode *p, sbuf *out, int depth,
                       const char *sep)
{
    bool first = true;
    for (const xmlNode *c = p->children; c; c = c->next) {
        if (!is_rng(c) || rng(c, "attribute"))
            continue;
        sbuf part = {0};
        render(t, c, &part, depth + 1);
        if (part.failed)
            out->failed = true;
        if (part.len) {
            if (!first)
                sb_add(out, sep);
            sb_add(out, part.s);
            first = false;
        }
        free(part.s);
    }
}

static bool needs_parens(const char *s)
{
    int level = 0;
    for (; *s; s++) {
        if (*s == '(')
            level++;
        else if (*s == ')')
            level--;
        else if (level == 0 && (*s == ',' || *s == '|'))
            return true;
    }
    return false;
}

/* "a | (b | c)" becomes "a | b | c": a choice inside a choice is one. */
static void unwrap_choices(char *s)
{
    if (!s)
        return;
    for (char *p = s; *p; p++) {
        if (*p != '(' || (p != s && !(p >= s + 2 && p[-1] == ' ' && p[-2] == '|')))
            continue;
        int level = 0;
        bool comma = false, bar = false;
        char *q = p;
        for (; *q; q++) {
            if (*q == '(')
                level++;
            else if (*q == ')' && --level == 0)
                break;
            else if (level == 1 && *q == ',')
                comma = true;
            else if (level == 1 && *q == '|')
                bar = true;
        }
        bool last = *q == ')' && (q[1] == '\0' || q[1] == ' ');
        if (!*q || comma || !bar || !last)
            continue;
        memmove(q, q + 1, strlen(q + 1) + 1);
        memmove(p, p + 1, strlen(p + 1) + 1);
    }
}

static void render(const stable *t, const xmlNode *p, sbuf *out, int depth)
{
    if (depth > 32)
        return;
    if (rng(p, "element")) {
        char *name = prop(p, "name");
        sb_add(out, "<");
        sb_add(out, name ? name : "?");
        sb_add(out, ">");
        xmlFree(name);
    } else if (rng(p, "text")) {
        sb_add(out, "text"); /* notation, like the compact schema's: not translated */
    } else if (rng(p, "data") || rng(p, "value")) {
        sb_add(out, "number");
    } else if (rng(p, "ref")) {
        char *name = prop(p, "name");
        const xmlNode *d = name ? define_named(t, name) : NULL;
        xmlFree(name);
        if (d)
            render_seq(t, d, out, depth, ", ");
    } else if (rng(p, "choice")) {
        sbuf in = {0};
        render_seq(t, p, &in, depth, " | ");
        unwrap_choices(in.s);
        if (in.len) {
            bool paren = strchr(in.s, '|') != NULL;
            sb_add(out, paren ? "(" : "");
            sb_add(out, in.s);
            sb_add(out, paren ? ")" : "");
        }
        out->failed |= in.failed;
        free(in.s);
    } else if (rng(p, "optional") || rng(p, "zeroOrMore") || rng(p, "oneOrMore")) {
        sbuf in = {0};
        render_seq(t, p, &in, depth, ", ");
        if (in.len) {
            bool paren = needs_parens(in.s);
            sb_add(out, paren ? "(" : "");
            sb_add(out, in.s);
            sb_add(out, paren ? ")" : "");
            sb_add(out, rng(p, "optional") ? "?" : rng(p, "zeroOrMore") ? "*" : "+");
        }
        out->failed |= in.failed;
        free(in.s);
    } else if (!rng(p, "attribute") && !rng(p, "empty")) {
        render_seq(t, p, out, depth, ", ");
    }
}

/* Fills every element's model, walking the grammar again by pattern. */
static void models(stable *t, const char *parent, const xmlNode *p, int depth)
{
    if (depth > 64 || t->failed)
        return;
    if (rng(p, "element")) {
        char *name = prop(p, "name");
        selem *e = name ? find_elem(t, parent, name) : NULL;
        if (e && !e->model) {
            sbuf b = {0};
            render_seq(t, p, &b, 0, ", ");
            if (b.failed) {
                t->failed = true;
                free(b.s);
            } else {
                e->model = b.s ? b.s : strdup("");
                for (const xmlNode *c = p->children; c; c = c->next)
                    if (is_rng(c))
                        models(t, name, c, depth + 1);
            }
        }
        xmlFree(name);
    } else if (rng(p, "ref")) {
        char *name = prop(p, "name");
        const xmlNode *d = name ? define_named(t, name) : NULL;
        xmlFree(name);
        for (const xmlNode *c = d ? d->children : NULL; c; c = c->next)
            if (is_rng(c))
                models(t, parent, c, depth + 1);
    } else if (!rng(p, "attribute")) {
        for (const xmlNode *c = p->children; c; c = c->next)
            if (is_rng(c))
                models(t, parent, c, depth + 1);
    }
}

/* ---- The table's life -------------------------------------------------------------- */

static void table_free(stable *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_elems; i++) {
        selem *e = &t->elems[i];
        for (size_t a = 0; a < e->n_attrs; a++) {
            for (size_t v = 0; v < e->attrs[a].n_values; v++)
                free(e->attrs[a].values[v]);
            free(e->attrs[a].values);
            free(e->attrs[a].name);
        }
        free(e->attrs);
        for (size_t c = 0; c < e->n_children; c++)
            free(e->children[c]);
        free(e->children);
        for (size_t c = 0; c < e->n_required; c++)
            free(e->required[c]);
        free(e->required);
        free(e->model);
        free(e->parent);
        free(e->name);
    }
    free(t->elems);
    free(t->slots);
    if (t->doc)
        xmlFreeDoc(t->doc);
    free(t);
}

void loader_schema_free(void)
{
    table_free(table);
    table = NULL;
    table_tried = false;
}

int loader_schema_load(void)
{
    if (table || table_tried)
        return table ? 0 : -1;
    table_tried = true;
    stable *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    t->doc = xmlReadMemory((const char *)hrc_module_schema, (int)hrc_module_schema_size,
                           NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    t->grammar = t->doc ? xmlDocGetRootElement(t->doc) : NULL;
    const xmlNode *start = NULL;
    for (const xmlNode *c = t->grammar ? t->grammar->children : NULL; c && !start; c = c->next)
        if (rng(c, "start"))
            start = c;
    if (!start) {
        table_free(t);
        return -1;
    }
    for (const xmlNode *c = start->children; c; c = c->next)
        if (rng(c, "element"))
            walk_element(t, "", c, 0);
    for (const xmlNode *c = start->children; c; c = c->next)
        if (is_rng(c))
            models(t, "", c, 0);
    for (size_t i = 0; i < t->n_elems && !t->failed; i++)
        if (!t->elems[i].model)
            t->elems[i].model = strdup("");
    if (t->failed || !index_table(t)) {
        table_free(t);
        return -1;
    }
    xmlFreeDoc(t->doc); /* everything needed is copied */
    t->doc = NULL;
    t->grammar = NULL;
    table = t;
    return 0;
}

/* ---- Suggestions ---------------------------------------------------------------- */

/* Edit distance, case-insensitive, with a cap (names are short). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    size_t d[41][41];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = (a[i - 1] | 0x20) == (b[j - 1] | 0x20) ? 0 : 1;
            size_t best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            /* Two letters swapped count as one mistake. */
            if (i > 1 && j > 1 && (a[i - 1] | 0x20) == (b[j - 2] | 0x20) &&
                (a[i - 2] | 0x20) == (b[j - 1] | 0x20) && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

/* Names from habits elsewhere (HTML mostly) and what the format calls them. */
static const char *alias(const char *name)
{
    static const char *const pairs[][2] = {
        {"img", "image"},   {"b", "strong"},   {"i", "em"},        {"blockquote", "quote"},
        {"h1", "h2"},       {"h4", "h3"},      {"answer", "choice"}, {"question", "single"},
        {"lang", "xml:lang"}, {"language", "xml:lang"}, {"correct-answer", "correct"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcasecmp(name, pairs[i][0]) == 0)
            return pairs[i][1];
    return NULL;
}

/* The candidate nearest to name, if near enough to be a slip. */
static const char *nearest(const char *name, char *const *candidates, size_t n)
{
    const char *a = alias(name);
    if (a && has_str((char **)candidates, n, a))
        return a;
    size_t len = strlen(name), best = 99;
    const char *found = NULL;
    for (size_t i = 0; i < n; i++) {
        if (candidates[i][0] == '#')
            continue;
        size_t d = distance(name, candidates[i]);
        if (d < best) {
            best = d;
            found = candidates[i];
        }
    }
    size_t limit = len >= 6 ? 2 : 1;
    return found && best <= limit ? found : NULL;
}

const char *loader_schema_nearest(const char *name, const char *const *candidates, size_t n)
{
    return nearest(name, (char *const *)candidates, n);
}

/* "<a>, <b> and text" from a list of element names. */
static void list_names(sbuf *b, char *const *names, size_t n, bool brackets)
{
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        bool text = strcmp(names[i], "#text") == 0;
        if (shown)
            sb_add(b, ", ");
        if (text) {
            sb_add(b, _("text"));
        } else {
            sb_add(b, brackets ? "<" : "");
            sb_add(b, names[i]);
            sb_add(b, brackets ? ">" : "");
        }
        shown++;
    }
}

/* ---- Reported elements ------------------------------------------------------------- */

void loader_mark_reported(loader_ctx *ctx, const xmlNode *node)
{
    if (!node)
        return;
    for (size_t i = 0; i < ctx->n_reported; i++)
        if (ctx->reported[i] == node)
            return;
    if (ctx->n_reported < LOADER_MAX_REPORTED)
        ctx->reported[ctx->n_reported++] = node;
    else
        ctx->reported_overflow = true;
}

static bool is_ancestor_or_self(const xmlNode *a, const xmlNode *node)
{
    for (; node; node = node->parent)
        if (node == a)
            return true;
    return false;
}

bool loader_reported_named(const loader_ctx *ctx, const char *name)
{
    for (size_t i = 0; i < ctx->n_reported; i++)
        if (strcmp((const char *)ctx->reported[i]->name, name) == 0)
            return true;
    return false;
}

bool loader_reported_self(const loader_ctx *ctx, const xmlNode *node)
{
    for (size_t i = 0; i < ctx->n_reported; i++)
        if (ctx->reported[i] == node)
            return true;
    return false;
}

bool loader_reported_within(const loader_ctx *ctx, const xmlNode *node)
{
    if (ctx->reported_overflow)
        return true;
    for (size_t i = 0; i < ctx->n_reported; i++)
        if (is_ancestor_or_self(node, ctx->reported[i]))
            return true;
    return false;
}

bool loader_reported_near(const loader_ctx *ctx, const xmlNode *node)
{
    for (size_t i = 0; i < ctx->n_reported; i++)
        if (is_ancestor_or_self(ctx->reported[i], node) ||
            is_ancestor_or_self(node, ctx->reported[i]))
            return true;
    return false;
}

/* ---- Checking a start tag ------------------------------------------------------------ */

/* Whether s is a whole number of the given type (leading and trailing
 * blanks allowed, as XML Schema collapses them). */
static bool number_ok(const char *s, unsigned types)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    bool negative = *s == '-';
    if (*s == '+' || *s == '-')
        s++;
    const char *digits = s;
    bool nonzero = false;
    while (*s >= '0' && *s <= '9')
        nonzero |= *s++ != '0';
    size_t n_digits = (size_t)(s - digits);
    if (*s == '.' && (types & TYPE_DECIMAL)) {
        for (s++; *s >= '0' && *s <= '9'; s++, n_digits++)
            nonzero |= *s != '0';
    }
    if (n_digits == 0)
        return false;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s)
        return false;
    if (types & (TYPE_INTEGER | TYPE_DECIMAL))
        return true;
    if (types & TYPE_NONNEG)
        return !negative || !nonzero;
    if (types & TYPE_POSITIVE)
        return !negative && nonzero;
    return false;
}

static bool value_ok(const sattr *a, const char *v)
{
    if (a->types & TYPE_TEXT)
        return true;
    if (has_str(a->values, a->n_values, v))
        return true;
    return (a->types & TYPE_NUMBER) && number_ok(v, a->types);
}

/* What a value may be, in words: "yes or no", "a whole number from 1 up". */
static void allowed_values(sbuf *b, const sattr *a)
{
    size_t parts = a->n_values + ((a->types & TYPE_NUMBER) != 0);
    size_t k = 0;
    if (a->types & TYPE_DECIMAL)
        sb_add(b, _("a number such as 2011 or 1.5 (with . for decimals)"));
    else if (a->types & TYPE_INTEGER)
        sb_add(b, _("a whole number"));
    else if (a->types & TYPE_NONNEG)
        sb_add(b, _("a whole number from 0 up"));
    else if (a->types & TYPE_POSITIVE)
        sb_add(b, _("a whole number from 1 up"));
    if (a->types & TYPE_NUMBER)
        k++;
    for (size_t i = 0; i < a->n_values; i++, k++) {
        if (k > 0)
            sb_add(b, k + 1 == parts ? _(" or ") : ", ");
        sb_add(b, a->values[i]);
    }
}

static const char *attr_name(const xmlAttr *a, char *buf, size_t size)
{
    if (a->ns && a->ns->prefix)
        snprintf(buf, size, "%s:%s", (const char *)a->ns->prefix, (const char *)a->name);
    else
        snprintf(buf, size, "%s", (const char *)a->name);
    return buf;
}

static const char *attr_text(const xmlAttr *a)
{
    const xmlNode *c = a->children;
    return c && c->type == XML_TEXT_NODE && c->content ? (const char *)c->content : "";
}

static void check_attributes(loader_ctx *ctx, struct _xmlParserCtxt *pctxt,
                             const xmlNode *node, const selem *e, hrc_srcpos pos)
{
    const char *name = (const char *)node->name;
    bool reported = false;
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        char qname[128];
        attr_name(a, qname, sizeof qname);
        const sattr *def = NULL;
        for (size_t i = 0; i < e->n_attrs && !def; i++)
            if (strcmp(e->attrs[i].name, qname) == 0)
                def = &e->attrs[i];
        hrc_srcpos at = def && value_ok(def, attr_text(a))
                            ? pos /* fine: its place is not needed */
                            : loader_start_tag_attr_pos(ctx, pctxt, pos, qname);
        if (!def) {
            char *names[64];
            size_t n = 0;
            for (size_t i = 0; i < e->n_attrs && n < 64; i++)
                names[n++] = e->attrs[i].name;
            const char *near = nearest(qname, names, n);
            sbuf list = {0};
            list_names(&list, names, n, false);
            if (near)
                loader_error(ctx, at, _("<%s> has no attribute %s: did you mean %s?"), name,
                             qname, near);
            else if (n)
                loader_error(ctx, at, _("<%s> has no attribute %s; remove it (the "
                             "attributes of <%s> are: %s)"), name, qname, name,
                             list.s ? list.s : "");
            else
                loader_error(ctx, at, _("<%s> has no attributes; remove %s"), name, qname);
            free(list.s);
            reported = true;
            continue;
        }
        const char *v = attr_text(a);
        if (value_ok(def, v))
            continue;
        sbuf allowed = {0};
        allowed_values(&allowed, def);
        const char *near = nearest(v, def->values, def->n_values);
        if (near)
            loader_error(ctx, at, _("%s=\"%s\" is not a value of %s on <%s>: did you mean "
                         "%s=\"%s\"? (%s is %s)"), qname, v, qname, name, qname, near,
                         qname, allowed.s ? allowed.s : "");
        else
            loader_error(ctx, at, _("%s=\"%s\" is not allowed on <%s>: write %s"), qname, v,
                         name, allowed.s ? allowed.s : "");
        free(allowed.s);
        reported = true;
    }
    for (size_t i = 0; i < e->n_attrs; i++) {
        const sattr *def = &e->attrs[i];
        if (!def->required)
            continue;
        bool present = false;
        for (const xmlAttr *a = node->properties; a && !present; a = a->next) {
            char qname[128];
            present = strcmp(attr_name(a, qname, sizeof qname), def->name) == 0;
        }
        if (present)
            continue;
        sbuf allowed = {0};
        allowed_values(&allowed, def);
        if (allowed.len)
            loader_error(ctx, pos, _("<%s> needs the attribute %s (%s)"), name, def->name,
                         allowed.s);
        else
            loader_error(ctx, pos, _("<%s> needs the attribute %s"), name, def->name);
        free(allowed.s);
        reported = true;
    }
    if (reported)
        loader_mark_reported(ctx, node);
}

/* Every parent element in which name may stand, for "it goes inside". */
static void parents_of(sbuf *b, const char *name)
{
    char *seen[32];
    size_t n = 0;
    for (size_t i = 0; i < table->n_elems && n < 32; i++) {
        const selem *e = &table->elems[i];
        if (strcmp(e->name, name) == 0 && *e->parent && !has_str(seen, n, e->parent))
            seen[n++] = e->parent;
    }
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_add(b, i + 1 == n ? _(" or ") : ", ");
        sb_add(b, "<");
        sb_add(b, seen[i]);
        sb_add(b, ">");
    }
}

static bool known_anywhere(const char *name)
{
    for (size_t i = 0; i < table->n_elems; i++)
        if (strcmp(table->elems[i].name, name) == 0)
            return true;
    return false;
}

void loader_check_tag(loader_ctx *ctx, struct _xmlParserCtxt *pctxt, xmlNode *node)
{
    if (!node || !node->parent || node->parent->type != XML_ELEMENT_NODE)
        return; /* the root: checked in loader_xml.c */
    const xmlNode *parent = node->parent;
    bool top = !parent->parent || parent->parent->type != XML_ELEMENT_NODE;
    if (top) {
        /* A new top-level element: what the last one reported is gone. */
        ctx->n_reported = 0;
        ctx->reported_overflow = false;
    }
    if (!table)
        return;
    const char *name = (const char *)node->name;
    const char *pname = (const char *)parent->name;
    const xmlNode *gp = parent->parent;
    const char *gpname = top ? "" : (const char *)gp->name;
    const selem *pdef = top ? find_elem(table, "", pname) : find_elem(table, gpname, pname);
    if (!pdef)
        return; /* the parent is out of place: libxml2 says so */
    hrc_srcpos pos = loader_node_pos(ctx, node);
    const selem *def = node->ns ? NULL : find_elem(table, pname, name);
    if (!def) {
        if (top)
            return; /* the children of <module>: check_top_order() */
        sbuf here = {0};
        list_names(&here, pdef->children, pdef->n_children, true);
        const char *near = nearest(name, pdef->children, pdef->n_children);
        if (node->ns) {
            loader_error(ctx, pos, _("<%s> is in a namespace, but the elements of a module "
                         "have none: remove its prefix or xmlns"), name);
        } else if (near) {
            loader_error(ctx, pos, _("<%s> is not allowed inside <%s>: did you mean <%s>? "
                         "(inside <%s> may stand: %s)"), name, pname, near, pname,
                         here.s ? here.s : "");
        } else if (known_anywhere(name)) {
            sbuf where = {0};
            parents_of(&where, name);
            loader_error(ctx, pos, _("<%s> may not stand inside <%s>: it goes inside %s "
                         "(inside <%s> may stand: %s)"), name, pname,
                         where.s ? where.s : "", pname, here.s ? here.s : "");
            free(where.s);
        } else {
            char *all[256];
            size_t n = 0;
            for (size_t i = 0; i < table->n_elems && n < 256; i++)
                if (!has_str(all, n, table->elems[i].name))
                    all[n++] = table->elems[i].name;
            const char *elsewhere = nearest(name, all, n);
            if (elsewhere) {
                sbuf where = {0};
                parents_of(&where, elsewhere);
                loader_error(ctx, pos, _("<%s> is not an element of the module format: did "
                             "you mean <%s>? It goes inside %s (inside <%s> may stand: %s)"),
                             name, elsewhere, where.s ? where.s : "", pname,
                             here.s ? here.s : "");
                free(where.s);
            } else {
                loader_error(ctx, pos, _("<%s> is not an element of the module format "
                             "(inside <%s> may stand: %s)"), name, pname,
                             here.s ? here.s : "");
            }
        }
        free(here.s);
        loader_mark_reported(ctx, node);
        return;
    }
    check_attributes(ctx, pctxt, node, def, pos);
}

/* The definition of node's element where it stands. During validation a
 * top-level element stands alone in a stand-in document. */
static const selem *def_of(const xmlNode *node)
{
    if (!table || !node || node->type != XML_ELEMENT_NODE)
        return NULL;
    const xmlNode *parent = node->parent;
    const char *pname =
        parent && parent->type == XML_ELEMENT_NODE ? (const char *)parent->name : "module";
    return find_elem(table, pname, (const char *)node->name);
}

const char *loader_schema_missing(const xmlNode *node)
{
    const selem *e = def_of(node);
    for (size_t i = 0; e && i < e->n_required; i++) {
        bool present = false;
        for (const xmlNode *c = node->children; c && !present; c = c->next)
            present = c->type == XML_ELEMENT_NODE &&
                      strcmp((const char *)c->name, e->required[i]) == 0;
        if (!present)
            return e->required[i];
    }
    return NULL;
}

const char *loader_schema_model(const xmlNode *node)
{
    const selem *e = def_of(node);
    return e ? e->model : NULL;
}

bool loader_schema_allows(const xmlNode *parent, const char *name)
{
    const selem *e = def_of(parent);
    return e && has_str(e->children, e->n_children, name);
}
