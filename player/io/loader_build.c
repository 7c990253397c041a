/*
 * loader_build.c: turns the elements of a module into the immutable model,
 * one top-level element at a time, everything in the module's arena.
 *
 * The builder runs while the schema validator is still reading, so it
 * never trusts the structure: missing pieces stay empty, unknown elements
 * are skipped (the schema reports them), and every loop moves forward.
 * Checks that concern a single element are made here, where the element's
 * position is at hand.
 */
#include "io/loader_internal.h"

#include "core/answer.h"
#include "core/i18n.h"
#include "core/quiz.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static hrc_srcpos pos_of(loader_ctx *ctx, const xmlNode *node)
{
    return loader_node_pos(ctx, node);
}

static void *alloc_array(loader_ctx *ctx, size_t count, size_t size)
{
    if (count == 0)
        return NULL;
    void *p = hrc_arena_array(ctx->arena, count, size);
    if (!p)
        ctx->oom = true;
    return p;
}

static const char *copy(loader_ctx *ctx, const char *s)
{
    const char *c = hrc_arena_strdup(ctx->arena, s ? s : "");
    if (!c)
        ctx->oom = true;
    return c ? c : "";
}

/* An identifier attribute; its syntax is checked here (the schema only
 * asks for text, which keeps validation fast). "" when missing. */
static const char *id_attr(loader_ctx *ctx, const xmlNode *node, const char *name)
{
    const char *id = loader_attr(node, name);
    if (!id)
        return "";
    if (!loader_id_ok(id))
        loader_error(ctx, pos_of(ctx, node),
                     _("%s \"%s\" is not a valid identifier: use up to 64 letters, digits, "
                     "'_', '.' or '-', starting with a letter or digit"),
                     name, id);
    return copy(ctx, id);
}

/* An integer attribute; the schema reports malformed ones, so they only
 * fall back to dflt here. */
static long long int_attr(const xmlNode *node, const char *name, long long dflt)
{
    const char *s = loader_attr(node, name);
    if (!s)
        return dflt;
    char *end;
    long long v = strtoll(s, &end, 10); /* saturates on overflow */
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    if (end == s || *end)
        return dflt;
    return v;
}

/*
 * An integer attribute that must lie within [min, max]. A value outside
 * (one too large for any integer included) is an error, never a quiet
 * default: a pass mark read as 0 would let everyone pass.
 */
static long long ranged_attr(loader_ctx *ctx, const xmlNode *node, hrc_srcpos pos,
                             const char *name, long long min, long long max,
                             long long dflt)
{
    long long v = int_attr(node, name, dflt);
    if (v == dflt || (v >= min && v <= max))
        return v; /* absent, malformed (the schema says so) or fine */
    if (loader_reported_self(ctx, node))
        return v < min ? min : max; /* its attributes are already explained */
    loader_error(ctx, pos, _("%s=\"%s\" must be a whole number from %lld to %lld"), name,
                 loader_attr(node, name), min, max);
    return v < min ? min : max;
}

static int clamp_int(long long v)
{
    return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
}

static bool attr_is(const xmlNode *node, const char *name, const char *value)
{
    const char *s = loader_attr(node, name);
    return s && strcmp(s, value) == 0;
}

static size_t count_named(xmlNode *from, const char *name)
{
    size_t n = 0;
    for (xmlNode *e = loader_element(from); e; e = loader_next(e))
        n += loader_is(e, name);
    return n;
}

static void push_item(loader_ctx *ctx, hrc_item item)
{
    if (ctx->n_items == ctx->items_cap) {
        size_t cap = ctx->items_cap ? ctx->items_cap * 2 : 32;
        hrc_item *grown = realloc(ctx->items, cap * sizeof(*grown));
        if (!grown) {
            ctx->oom = true;
            return;
        }
        ctx->items = grown;
        ctx->items_cap = cap;
    }
    ctx->items[ctx->n_items++] = item;
}

/* ---- Blocks ----------------------------------------------------------- */

static void build_image(loader_ctx *ctx, const xmlNode *node, hrc_image *img)
{
    img->pos = pos_of(ctx, node);
    const char *src = loader_attr(node, "src");
    img->src = src ? copy(ctx, src) : NULL;
    xmlNode *c = loader_first_child(node);
    loader_text(ctx, &c, "alt", &img->alt);
    loader_text(ctx, &c, "credit", &img->credit);
    loader_text(ctx, &c, "caption", &img->caption);
    if (img->src)
        loader_check_image(ctx, img);
}

static bool is_block(const xmlNode *n)
{
    static const char *const names[] = {"h2", "h3", "p", "ul", "ol", "quote", "image",
                                        "keyfacts"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (loader_is(n, names[i]))
            return true;
    return false;
}

/* Reads blocks from *cursor until an element that is not one. */
static void build_blocks(loader_ctx *ctx, xmlNode **cursor, size_t *n_out,
                         const hrc_block **out)
{
    size_t max = 0;
    for (xmlNode *e = loader_element(*cursor); is_block(e); e = loader_next(e))
        max++;
    hrc_block *blocks = alloc_array(ctx, max, sizeof(*blocks));
    size_t n = 0;
    xmlNode *c = loader_element(*cursor);
    while (blocks && n < max && is_block(c)) {
        hrc_block *b = &blocks[n++];
        b->pos = pos_of(ctx, c);
        const char *name = (const char *)c->name;
        if (loader_is(c, "h2") || loader_is(c, "h3")) {
            b->kind = HRC_BLOCK_HEADING;
            b->level = name[1] - '0';
            loader_text(ctx, &c, name, &b->text);
            continue;
        }
        if (loader_is(c, "p")) {
            b->kind = HRC_BLOCK_PARAGRAPH;
            loader_text(ctx, &c, "p", &b->text);
            continue;
        }
        xmlNode *inner = loader_first_child(c);
        if (loader_is(c, "ul") || loader_is(c, "ol")) {
            b->kind = HRC_BLOCK_LIST;
            b->ordered = loader_is(c, "ol");
            loader_texts(ctx, &inner, "li", &b->n_items, &b->items);
        } else if (loader_is(c, "quote")) {
            b->kind = HRC_BLOCK_QUOTE;
            loader_text(ctx, &inner, "text", &b->text);
            loader_text(ctx, &inner, "source", &b->source);
        } else if (loader_is(c, "image")) {
            b->kind = HRC_BLOCK_IMAGE;
            build_image(ctx, c, &b->image);
        } else {
            b->kind = HRC_BLOCK_KEYFACTS;
            loader_text(ctx, &inner, "title", &b->text);
            loader_texts(ctx, &inner, "fact", &b->n_items, &b->items);
        }
        c = loader_next(c);
    }
    *n_out = n;
    *out = blocks;
    *cursor = c;
}

/* ---- Module and meta -------------------------------------------------- */

static void split_languages(loader_ctx *ctx, const char *list)
{
    size_t n = 0;
    for (const char *p = list; *p;) {
        p += strspn(p, " \t\r\n");
        if (!*p)
            break;
        n++;
        p += strcspn(p, " \t\r\n");
    }
    const char **langs = alloc_array(ctx, n, sizeof(*langs));
    size_t i = 0;
    for (const char *p = list; langs && *p && i < n;) {
        p += strspn(p, " \t\r\n");
        size_t len = strcspn(p, " \t\r\n");
        if (!len)
            break;
        langs[i] = hrc_arena_strndup(ctx->arena, p, len);
        if (!langs[i])
            ctx->oom = true;
        else
            i++;
        p += len;
    }
    ctx->languages = langs;
    ctx->n_languages = i;
}

int loader_build_module(loader_ctx *ctx, xmlNode *root)
{
    if (!loader_is(root, "module"))
        return -1; /* the schema says what is wrong */
    hrc_module *m = ctx->module;
    m->pos = pos_of(ctx, root);
    m->id = id_attr(ctx, root, "id");
    m->version = clamp_int(int_attr(root, "version", 0));
    const char *lang = loader_lang(root);
    if (lang && !*lang)
        loader_error(ctx, m->pos, _("the module's xml:lang must name its default language"));
    else if (lang)
        loader_check_lang_tag(ctx, m->pos, lang);
    m->default_lang = copy(ctx, lang);
    ctx->default_lang = m->default_lang;
    const char *completion = loader_attr(root, "completion");
    m->completion = completion && strcmp(completion, "pages") == 0 ? HRC_COMPLETE_PAGES
                  : completion && strcmp(completion, "quiz") == 0  ? HRC_COMPLETE_QUIZ
                                                                   : HRC_COMPLETE_BOTH;
    const char *languages = loader_attr(root, "languages");
    if (languages)
        split_languages(ctx, languages);
    for (size_t i = 0; i < ctx->n_languages; i++)
        loader_check_lang_tag(ctx, m->pos, ctx->languages[i]);
    return 0;
}

static void build_meta(loader_ctx *ctx, xmlNode *node)
{
    hrc_module *m = ctx->module;
    xmlNode *c = loader_first_child(node);
    loader_text(ctx, &c, "title", &m->title);
    loader_text(ctx, &c, "summary", &m->summary);
    size_t n = count_named(c, "author");
    const char **authors = alloc_array(ctx, n, sizeof(*authors));
    m->n_authors = 0;
    for (; authors && loader_is(c, "author"); c = loader_next(c))
        authors[m->n_authors++] = loader_plain(ctx, c);
    m->authors = authors;
    c = loader_element(c);
    if (loader_is(c, "licence")) {
        m->licence = loader_plain(ctx, c);
        c = loader_next(c);
    }
    if (loader_is(c, "minutes")) {
        long long minutes = strtoll(loader_plain(ctx, c), NULL, 10);
        if (minutes < 0 || minutes > 100000)
            loader_error(ctx, pos_of(ctx, c),
                         _("minutes must be a whole number from 0 to 100000, not %s"),
                         loader_plain(ctx, c));
        m->minutes = minutes < 0 ? 0 : minutes > 100000 ? 100000 : (int)minutes;
        c = loader_next(c);
    }
    loader_text(ctx, &c, "audience", &m->audience);
    c = loader_element(c);
    if (loader_is(c, "cover")) {
        m->has_cover = true;
        build_image(ctx, c, &m->cover);
    }
}

/* ---- Pages ------------------------------------------------------------ */

static void build_page(loader_ctx *ctx, xmlNode *node)
{
    hrc_page *p = alloc_array(ctx, 1, sizeof(*p));
    if (!p)
        return;
    p->pos = pos_of(ctx, node);
    p->id = id_attr(ctx, node, "id");
    xmlNode *c = loader_first_child(node);
    loader_text(ctx, &c, "title", &p->title);
    build_blocks(ctx, &c, &p->n_blocks, &p->blocks);
    push_item(ctx, (hrc_item){.kind = HRC_ITEM_PAGE, .u.page = p});
}

/* ---- Timelines -------------------------------------------------------- */

static void build_event(loader_ctx *ctx, xmlNode *node, hrc_event *ev)
{
    ev->pos = pos_of(ctx, node);
    ev->id = id_attr(ctx, node, "id");
    const char *date = loader_attr(node, "date");
    const char *why = NULL;
    if (date && !loader_parse_date(date, loader_attr(node, "precision"), &ev->date, &why))
        loader_error(ctx, ev->pos, _("event \"%s\" (date=\"%s\"): %s"), ev->id, date, why);
    const char *end = loader_attr(node, "end");
    if (end && date && !why) {
        const char *end_why = NULL;
        hrc_srcpos at = pos_of(ctx, node);
        if (!loader_parse_date(end, NULL, &ev->end, &end_why))
            loader_error(ctx, at, _("event \"%s\" (end=\"%s\"): %s"), ev->id, end, end_why);
        else
            ev->has_end = true;
    }
    const char *status = loader_attr(node, "status");
    ev->status = status && strcmp(status, "planned") == 0  ? HRC_EVENT_PLANNED
                 : status && strcmp(status, "target") == 0 ? HRC_EVENT_TARGET
                                                           : HRC_EVENT_DONE;
    if (loader_attr(node, "case"))
        ev->case_ref = id_attr(ctx, node, "case");
    xmlNode *c = loader_first_child(node);
    loader_text(ctx, &c, "headline", &ev->headline);
    loader_text(ctx, &c, "text", &ev->text);
    c = loader_element(c);
    if (loader_is(c, "image")) {
        ev->has_image = true;
        build_image(ctx, c, &ev->image);
    }
}

static void build_era(loader_ctx *ctx, xmlNode *node, hrc_era *era)
{
    era->pos = pos_of(ctx, node);
    era->id = id_attr(ctx, node, "id");
    era->has_from = loader_attr(node, "from") != NULL;
    era->from_year = (int)ranged_attr(ctx, node, era->pos, "from", -9999, 9999, 0);
    era->to_year = (int)ranged_attr(ctx, node, era->pos, "to", -9999, 9999, 0);
    xmlNode *c = loader_first_child(node);
    loader_text(ctx, &c, "title", &era->title);
    loader_text(ctx, &c, "text", &era->text);
    size_t n = count_named(c, "event");
    hrc_event *events = alloc_array(ctx, n, sizeof(*events));
    for (; events && c && era->n_events < n; c = loader_next(c))
        if (loader_is(c, "event"))
            build_event(ctx, c, &events[era->n_events++]);
    era->events = events;
}

static void build_timeline(loader_ctx *ctx, xmlNode *node)
{
    hrc_timeline *t = alloc_array(ctx, 1, sizeof(*t));
    if (!t)
        return;
    t->pos = pos_of(ctx, node);
    t->id = id_attr(ctx, node, "id");
    xmlNode *c = loader_first_child(node);
    loader_text(ctx, &c, "title", &t->title);
    loader_text(ctx, &c, "intro", &t->intro);
    size_t n = count_named(c, "era");
    hrc_era *eras = alloc_array(ctx, n, sizeof(*eras));
    for (; eras && c && t->n_eras < n; c = loader_next(c))
        if (loader_is(c, "era"))
            build_era(ctx, c, &eras[t->n_eras++]);
    t->eras = eras;
    /* A malformed year would only bring out-of-order and out-of-era
     * consequences of a mistake already explained. */
    if (!loader_reported_within(ctx, node))
        loader_check_timeline(ctx, t);
    push_item(ctx, (hrc_item){.kind = HRC_ITEM_TIMELINE, .u.timeline = t});
}

/* ---- Case studies ----------------------------------------------------- */

static void build_sources(loader_ctx *ctx, xmlNode *node, hrc_case *cs)
{
    xmlNode *c = loader_first_child(node);
    size_t max = count_named(c, "source");
    hrc_source *sources = alloc_array(ctx, max, sizeof(*sources));
    while (sources && cs->n_sources < max && loader_is(c, "source")) {
        hrc_source *s = &sources[cs->n_sources++];
        const char *href = loader_attr(c, "href");
        s->href = href ? copy(ctx, href) : NULL;
        loader_text(ctx, &c, "source", &s->text);
        s->pos = s->text.pos;
    }
    cs->sources = sources;
}

static void build_case(loader_ctx *ctx, xmlNode *node)
{
    hrc_case *cs = alloc_array(ctx, 1, sizeof(*cs));
    if (!cs)
        return;
    cs->pos = pos_of(ctx, node);
    cs->id = id_attr(ctx, node, "id");
    const char *kind = loader_attr(node, "kind");
    if (!kind || !hrc_gov_kind_parse(kind, &cs->gov_kind))
        cs->gov_kind = HRC_GOV_OTHER;
    cs->population = loader_attr(node, "population")
                         ? ranged_attr(ctx, node, cs->pos, "population", 0, 100000000000LL, -1)
                         : -1;
    xmlNode *c = loader_first_child(node);
    loader_text(ctx, &c, "title", &cs->title);
    loader_text(ctx, &c, "place", &cs->place);
    loader_text(ctx, &c, "country", &cs->country);
    for (c = loader_element(c); c; c = loader_next(c)) {
        xmlNode *inner = loader_first_child(c);
        if (loader_is(c, "themes")) {
            size_t n = count_named(inner, "theme");
            hrc_theme *themes = alloc_array(ctx, n, sizeof(*themes));
            for (; themes && inner && cs->n_themes < n; inner = loader_next(inner)) {
                const char *ref = loader_is(inner, "theme") ? loader_attr(inner, "ref") : NULL;
                if (ref && hrc_theme_parse(ref, &themes[cs->n_themes]))
                    cs->n_themes++;
            }
            cs->themes = themes;
        } else if (loader_is(c, "context")) {
            build_blocks(ctx, &inner, &cs->n_context, &cs->context);
        } else if (loader_is(c, "actions")) {
            loader_texts(ctx, &inner, "action", &cs->n_actions, &cs->actions);
        } else if (loader_is(c, "outcomes")) {
            build_blocks(ctx, &inner, &cs->n_outcomes, &cs->outcomes);
        } else if (loader_is(c, "sources")) {
            build_sources(ctx, c, cs);
        }
    }
    push_item(ctx, (hrc_item){.kind = HRC_ITEM_CASE, .u.case_study = cs});
}

/* ---- Quizzes ---------------------------------------------------------- */

static bool question_kind(const xmlNode *n, hrc_question_kind *kind)
{
    static const struct { const char *name; hrc_question_kind kind; } kinds[] = {
        {"single", HRC_Q_SINGLE},       {"multiple", HRC_Q_MULTIPLE},
        {"truefalse", HRC_Q_TRUEFALSE}, {"ordering", HRC_Q_ORDERING},
        {"matching", HRC_Q_MATCHING},   {"fillin", HRC_Q_FILLIN},
        {"numeric", HRC_Q_NUMERIC},
    };
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (loader_is(n, kinds[i].name)) {
            *kind = kinds[i].kind;
            return true;
        }
    return false;
}

/* choice (single, multiple) and item (ordering) elements. */
static void build_choices(loader_ctx *ctx, xmlNode **cursor, const char *name,
                          hrc_question *q)
{
    size_t max = count_named(*cursor, name);
    hrc_choice *choices = alloc_array(ctx, max, sizeof(*choices));
    xmlNode *c = loader_element(*cursor);
    for (; choices && c && q->n_choices < max; c = loader_next(c)) {
        if (!loader_is(c, name))
            break;
        hrc_choice *ch = &choices[q->n_choices++];
        ch->pos = pos_of(ctx, c);
        ch->id = id_attr(ctx, c, "id");
        ch->correct = attr_is(c, "correct", "yes");
        xmlNode *inner = loader_first_child(c);
        loader_text(ctx, &inner, "text", &ch->text);
        loader_text(ctx, &inner, "feedback", &ch->feedback);
    }
    q->choices = choices;
    *cursor = c;
}

static void build_truefalse(loader_ctx *ctx, const xmlNode *node, xmlNode **cursor,
                            hrc_question *q)
{
    hrc_choice *choices = alloc_array(ctx, 2, sizeof(*choices));
    if (!choices)
        return;
    bool answer = attr_is(node, "answer", "true");
    choices[0] = (hrc_choice){.id = "true", .correct = answer, .pos = q->pos};
    choices[1] = (hrc_choice){.id = "false", .correct = !answer, .pos = q->pos};
    xmlNode *c = loader_element(*cursor);
    while (loader_is(c, "feedback")) {
        hrc_choice *ch = attr_is(c, "on", "true") ? &choices[0] : &choices[1];
        hrc_text text;
        loader_text_keyed(ctx, &c, "feedback", "on", &text);
        if (!hrc_text_is_empty(&ch->feedback))
            loader_error(ctx, text.pos, _("question \"%s\" has two feedbacks on=\"%s\""),
                         q->id, ch->id);
        else
            ch->feedback = text;
    }
    q->n_choices = 2;
    q->choices = choices;
    *cursor = c;
}

static void build_pairs(loader_ctx *ctx, xmlNode **cursor, hrc_question *q)
{
    size_t max = count_named(*cursor, "pair");
    hrc_pair *pairs = alloc_array(ctx, max, sizeof(*pairs));
    xmlNode *c = loader_element(*cursor);
    for (; pairs && loader_is(c, "pair") && q->n_pairs < max; c = loader_next(c)) {
        hrc_pair *p = &pairs[q->n_pairs++];
        p->pos = pos_of(ctx, c);
        p->id = id_attr(ctx, c, "id");
        xmlNode *inner = loader_first_child(c);
        loader_text(ctx, &inner, "left", &p->left);
        loader_text(ctx, &inner, "right", &p->right);
    }
    q->pairs = pairs;
    *cursor = c;
}

/* ---- Typed answers: fill-in and numeric ------------------------------- */

/* fold="..." on node, else dflt. */
static hrc_fold fold_attr(const xmlNode *node, hrc_fold dflt)
{
    const char *f = loader_attr(node, "fold");
    if (!f)
        return dflt;
    return strcmp(f, "case") == 0   ? HRC_FOLD_CASE
           : strcmp(f, "none") == 0 ? HRC_FOLD_NONE
           : strcmp(f, "case-and-accents") == 0 ? HRC_FOLD_CASE_AND_ACCENTS
                                                : dflt; /* the schema says what is wrong */
}

/* The accepted answers of one <answer>. */
static void build_accepts(loader_ctx *ctx, const xmlNode *answer, hrc_gap *gap)
{
    xmlNode *first = loader_first_child(answer);
    size_t max = count_named(first, "accept");
    hrc_accept *accepts = alloc_array(ctx, max, sizeof(*accepts));
    for (xmlNode *a = first; accepts && a && gap->n_accepts < max; a = loader_next(a)) {
        if (!loader_is(a, "accept"))
            continue;
        hrc_accept *acc = &accepts[gap->n_accepts];
        acc->pos = pos_of(ctx, a);
        const char *lang = loader_lang(a);
        if (lang && !*lang) {
            loader_error(ctx, acc->pos, _("<accept> has an empty xml:lang; leave it out for "
                         "the default language"));
            continue;
        }
        if (lang)
            loader_check_lang_tag(ctx, acc->pos, lang);
        acc->lang = copy(ctx, lang ? lang : ctx->default_lang);
        acc->text = loader_plain(ctx, a);
        if (!*acc->text) {
            loader_error(ctx, acc->pos, _("<accept> is empty: write the answer it accepts, "
                         "or remove it"));
            continue;
        }
        if (strlen(acc->text) >= HRC_FIELD_MAX) {
            loader_error(ctx, acc->pos, _("<accept> is longer than a learner can type (%zu "
                         "bytes; at most %d): shorten it"),
                         strlen(acc->text), HRC_FIELD_MAX - 1);
            continue;
        }
        gap->n_accepts++;
    }
    gap->accepts = accepts;
}

/* The <answer>s that follow the prompts, before the prompts are read: a
 * gap in a prompt is known by its answer's index. */
static void build_gaps(loader_ctx *ctx, const xmlNode *node, xmlNode *cursor, hrc_question *q)
{
    xmlNode *c = loader_element(cursor);
    while (loader_is(c, "prompt"))
        c = loader_next(c);
    size_t max = count_named(c, "answer");
    hrc_gap *gaps = alloc_array(ctx, max, sizeof(*gaps));
    hrc_fold fold = fold_attr(node, HRC_FOLD_CASE_AND_ACCENTS);
    for (; gaps && loader_is(c, "answer") && q->n_gaps < max; c = loader_next(c)) {
        hrc_gap *g = &gaps[q->n_gaps++];
        g->pos = pos_of(ctx, c);
        g->id = id_attr(ctx, c, "id");
        g->fold = fold_attr(c, fold);
        build_accepts(ctx, c, g);
    }
    q->gaps = gaps;
}

/* A numeric attribute of <numeric>; the schema reports one that is not a
 * number, so that one only reads as dflt here. */
static double decimal_attr(loader_ctx *ctx, const xmlNode *node, const char *name,
                           double dflt, bool *bad)
{
    const char *s = loader_attr(node, name);
    double v;
    *bad = false;
    if (!s)
        return dflt;
    if (hrc_number_parse(s, false, &v))
        return v;
    *bad = true;
    if (!loader_reported_self(ctx, node))
        loader_error(ctx, pos_of(ctx, node),
                     _("%s=\"%s\" must be a number from -1000000000000000 to "
                       "1000000000000000, with . for decimals"),
                     name, s);
    return dflt;
}

static void build_numeric(loader_ctx *ctx, const xmlNode *node, xmlNode **cursor,
                          hrc_question *q)
{
    bool bad_value, bad_tolerance;
    q->value = decimal_attr(ctx, node, "answer", 0, &bad_value);
    q->tolerance = decimal_attr(ctx, node, "tolerance", 0, &bad_tolerance);
    if (q->tolerance < 0 && !loader_reported_self(ctx, node)) {
        loader_error(ctx, pos_of(ctx, node),
                     _("tolerance=\"%s\" must not be negative: it is how far from answer a "
                       "typed number may lie and still be right (0: exactly answer)"),
                     loader_attr(node, "tolerance"));
        q->tolerance = 0;
    }
    loader_text(ctx, cursor, "unit", &q->unit);
}

static void build_question(loader_ctx *ctx, xmlNode *node, hrc_question *q)
{
    question_kind(node, &q->kind);
    q->pos = pos_of(ctx, node);
    q->id = id_attr(ctx, node, "id");
    q->revision = (int)ranged_attr(ctx, node, q->pos, "rev", 1, INT_MAX, 1);
    q->scoring = attr_is(node, "scoring", "partial") ? HRC_SCORING_PARTIAL
                                                     : HRC_SCORING_ALL_OR_NOTHING;
    xmlNode *c = loader_first_child(node);
    if (q->kind == HRC_Q_FILLIN) {
        build_gaps(ctx, node, c, q);
        if (q->n_gaps)
            loader_check_gaps(ctx, c, q);
        ctx->gaps = q->gaps;
        ctx->n_gaps = q->n_gaps;
    }
    loader_text(ctx, &c, "prompt", &q->prompt);
    ctx->gaps = NULL;
    ctx->n_gaps = 0;
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_MULTIPLE: build_choices(ctx, &c, "choice", q); break;
    case HRC_Q_ORDERING: build_choices(ctx, &c, "item", q); break;
    case HRC_Q_TRUEFALSE: build_truefalse(ctx, node, &c, q); break;
    case HRC_Q_MATCHING: build_pairs(ctx, &c, q); break;
    case HRC_Q_FILLIN:
        while (loader_is(loader_element(c), "answer"))
            c = loader_next(loader_element(c));
        break;
    case HRC_Q_NUMERIC: build_numeric(ctx, node, &c, q); break;
    }
    loader_texts(ctx, &c, "hint", &q->n_hints, &q->hints);
    loader_text(ctx, &c, "explanation", &q->explanation);
    loader_check_question(ctx, q, !loader_reported_within(ctx, node));
}

static void build_quiz(loader_ctx *ctx, xmlNode *node)
{
    hrc_quiz *z = alloc_array(ctx, 1, sizeof(*z));
    if (!z)
        return;
    z->pos = pos_of(ctx, node);
    z->id = id_attr(ctx, node, "id");
    long long pass = int_attr(node, "pass", 0);
    if (pass < 0 || pass > 100)
        loader_error(ctx, z->pos, _("quiz \"%s\": pass must be a percentage from 0 to 100, "
                     "not %s"), z->id, loader_attr(node, "pass"));
    z->pass_percent = pass < 0 ? 0 : pass > 100 ? 100 : (int)pass;
    z->max_attempts = attr_is(node, "attempts", "unlimited")
                          ? HRC_ATTEMPTS_UNLIMITED
                          : (int)ranged_attr(ctx, node, z->pos, "attempts", 1, 1000,
                                             HRC_ATTEMPTS_UNLIMITED);
    z->shuffle = attr_is(node, "shuffle", "yes");
    z->draw = loader_attr(node, "draw")
                  ? (size_t)ranged_attr(ctx, node, z->pos, "draw", 1, 100000, 0)
                  : 0;
    xmlNode *c = loader_first_child(node);
    loader_text(ctx, &c, "title", &z->title);
    loader_text(ctx, &c, "intro", &z->intro);
    size_t max = 0;
    hrc_question_kind kind;
    for (xmlNode *e = loader_element(c); e; e = loader_next(e))
        max += question_kind(e, &kind);
    hrc_question *questions = alloc_array(ctx, max, sizeof(*questions));
    for (; questions && c && z->n_questions < max; c = loader_next(c))
        if (question_kind(c, &kind))
            build_question(ctx, c, &questions[z->n_questions++]);
    z->questions = questions;
    if (!loader_reported_self(ctx, node))
        loader_check_quiz(ctx, z);
    if (!loader_reported_within(ctx, node))
        loader_lint_quiz(ctx, z);
    push_item(ctx, (hrc_item){.kind = HRC_ITEM_QUIZ, .u.quiz = z});
}

/* ---- Entry points ----------------------------------------------------- */

void loader_build_top(loader_ctx *ctx, xmlNode *node)
{
    if (loader_is(node, "meta"))
        build_meta(ctx, node);
    else if (loader_is(node, "page"))
        build_page(ctx, node);
    else if (loader_is(node, "timeline"))
        build_timeline(ctx, node);
    else if (loader_is(node, "case"))
        build_case(ctx, node);
    else if (loader_is(node, "quiz"))
        build_quiz(ctx, node);
}

void loader_build_finish(loader_ctx *ctx)
{
    hrc_item *items = alloc_array(ctx, ctx->n_items, sizeof(*items));
    if (items)
        memcpy(items, ctx->items, ctx->n_items * sizeof(*items));
    ctx->module->items = items;
    ctx->module->n_items = items ? ctx->n_items : 0;
}
