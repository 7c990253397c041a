/* The module loader: the model built from valid modules, and every kind of
 * problem reported at its line. Fixtures: tests/data/loader/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/loader.h"

#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATA HRC_TEST_DATA "/loader/"

/* ---- Helpers ---------------------------------------------------------- */

static const char *plain(const hrc_text *t, const char *lang)
{
    return hrc_text_plain(t, lang, "none");
}

static void assert_text(const hrc_text *t, const char *en, const char *fr)
{
    assert_string_equal(plain(t, "en"), en);
    assert_string_equal(plain(t, "fr"), fr);
    assert_int_equal(t->n_variants, 2);
}

static bool has_diag(const hrc_diags *d, hrc_severity sev, unsigned line, const char *part)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == sev && d->items[i].line == line &&
            strstr(d->items[i].message, part))
            return true;
    return false;
}

static void print_diags(const hrc_diags *d)
{
    for (size_t i = 0; i < d->count; i++)
        hrc_diag_format(&d->items[i], stderr);
}

static hrc_module *load_ok(const char *path, hrc_diags *d)
{
    hrc_module *m = NULL;
    int rc = hrc_module_load(path, NULL, &m, d);
    if (rc != 0)
        print_diags(d);
    assert_int_equal(rc, 0);
    assert_non_null(m);
    return m;
}

/* A module around the given page content, loaded from memory. */
static int load_page(const char *body, hrc_module **m, hrc_diags *d)
{
    char *xml = NULL;
    int n = asprintf(&xml,
                     "<module format=\"1\" id=\"m\" version=\"1\" xml:lang=\"en\">\n"
                     "<meta><title>T</title><summary>S</summary><author>A</author>"
                     "<licence>L</licence></meta>\n"
                     "<page id=\"p\"><title>P</title>\n%s\n</page>\n</module>\n",
                     body);
    assert_true(n > 0);
    int rc = hrc_module_load_memory(xml, (size_t)n, DATA "valid/memory.xml", NULL, m, d);
    free(xml);
    return rc;
}

/* ---- The valid module: every element, two languages ------------------- */

static void full_module_header(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = load_ok(DATA "valid/full.xml", &d);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(d.n_warnings, 0);

    assert_string_equal(m->id, "full");
    assert_int_equal(m->version, 3);
    assert_string_equal(m->default_lang, "en");
    assert_int_equal(m->completion, HRC_COMPLETE_QUIZ);
    assert_text(&m->title, "Rights in the city", "Les droits dans la ville");
    assert_int_equal(m->n_authors, 2);
    assert_string_equal(m->authors[1], "Ben Example");
    assert_string_equal(m->licence, "CC BY-SA 4.0");
    assert_int_equal(m->minutes, 25);
    assert_text(&m->audience, "Elected officials", "Élus locaux");
    assert_int_equal(m->pos.line, 3);
    assert_int_equal(m->pos.col, 1);
    assert_non_null(strstr(m->path, "valid/full.xml"));
    assert_true(m->dir[0] == '/');

    /* Inline markup becomes spans; plain is their concatenation. */
    const hrc_variant *v = hrc_text_pick(&m->summary, "en", "en");
    assert_int_equal(v->n_spans, 3);
    assert_string_equal(v->spans[0].text, "What a ");
    assert_int_equal(v->spans[0].style, HRC_SPAN_PLAIN);
    assert_string_equal(v->spans[1].text, "human rights city");
    assert_int_equal(v->spans[1].style, HRC_SPAN_EM);
    assert_string_equal(v->plain, "What a human rights city does.");

    /* The content hash is the SHA-256 of the file's bytes. */
    FILE *f = fopen(DATA "valid/full.xml", "rb");
    assert_non_null(f);
    static unsigned char bytes[1 << 16];
    size_t n = fread(bytes, 1, sizeof(bytes), f);
    fclose(f);
    assert_true(sodium_init() >= 0);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, bytes, n);
    char hex[65];
    sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
    assert_string_equal(m->content_hash, hex);

    assert_int_equal(m->n_items, 4);
    assert_int_equal(m->items[0].kind, HRC_ITEM_PAGE);
    assert_int_equal(m->items[1].kind, HRC_ITEM_TIMELINE);
    assert_int_equal(m->items[2].kind, HRC_ITEM_CASE);
    assert_int_equal(m->items[3].kind, HRC_ITEM_QUIZ);
    assert_int_equal(hrc_module_find_item(m, "q-tf"), 3);
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

static void full_module_page(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = load_ok(DATA "valid/full.xml", &d);
    const hrc_page *p = m->items[0].u.page;
    assert_string_equal(p->id, "intro");
    assert_int_equal(p->pos.line, 18);
    assert_int_equal(p->pos.col, 3);
    assert_int_equal(p->n_blocks, 8);
    const hrc_block *b = p->blocks;

    assert_int_equal(b[0].kind, HRC_BLOCK_HEADING);
    assert_int_equal(b[0].level, 2);
    assert_text(&b[0].text, "Why it matters", "Pourquoi c'est important");

    /* Nested <strong><em> combine their styles. */
    assert_int_equal(b[1].kind, HRC_BLOCK_PARAGRAPH);
    const hrc_variant *v = hrc_text_pick(&b[1].text, "en", "en");
    assert_int_equal(v->n_spans, 4);
    assert_string_equal(v->spans[0].text, "One ");
    assert_string_equal(v->spans[1].text, "strong ");
    assert_int_equal(v->spans[1].style, HRC_SPAN_STRONG);
    assert_string_equal(v->spans[2].text, "and emphasised");
    assert_int_equal(v->spans[2].style, HRC_SPAN_STRONG | HRC_SPAN_EM);
    assert_string_equal(v->spans[3].text, " word.");
    assert_string_equal(v->plain, "One strong and emphasised word.");
    assert_string_equal(plain(&b[1].text, "fr"), "Un mot fort.");

    /* The grouping rule: en, fr, en, fr is two paragraphs. */
    assert_int_equal(b[2].kind, HRC_BLOCK_PARAGRAPH);
    assert_text(&b[2].text, "Two", "Deux");

    assert_int_equal(b[3].kind, HRC_BLOCK_LIST);
    assert_false(b[3].ordered);
    assert_int_equal(b[3].n_items, 2);
    assert_text(&b[3].items[0], "First", "Premier");
    assert_text(&b[3].items[1], "Second", "Deuxième");
    assert_true(b[4].ordered);
    assert_int_equal(b[4].n_items, 1);

    assert_int_equal(b[5].kind, HRC_BLOCK_QUOTE);
    assert_text(&b[5].text, "Rights start close to home.",
                "Les droits commencent près de chez soi.");
    assert_string_equal(plain(&b[5].source, "en"), "Eleanor Roosevelt, 1958");

    assert_int_equal(b[6].kind, HRC_BLOCK_IMAGE);
    assert_string_equal(b[6].image.src, "images/square.png");
    assert_non_null(b[6].image.resolved);
    assert_true(b[6].image.resolved[0] == '/');
    assert_non_null(strstr(b[6].image.resolved, "/valid/images/square.png"));
    assert_text(&b[6].image.alt, "A green square", "Un carré vert");
    assert_false(hrc_text_is_empty(&b[6].image.credit));
    assert_true(hrc_text_is_empty(&b[6].image.caption));

    assert_int_equal(b[7].kind, HRC_BLOCK_KEYFACTS);
    assert_text(&b[7].text, "Key facts", "Chiffres clés");
    assert_int_equal(b[7].n_items, 1);
    assert_text(&b[7].items[0], "Fact one", "Fait un");
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

static void full_module_timeline_and_case(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = load_ok(DATA "valid/full.xml", &d);
    const hrc_timeline *t = m->items[1].u.timeline;
    assert_string_equal(t->id, "history");
    assert_int_equal(t->n_eras, 2);
    const hrc_era *early = &t->eras[0];
    assert_false(early->has_from);
    assert_int_equal(early->to_year, 1989);
    assert_int_equal(early->n_events, 2);
    const hrc_event *udhr = &early->events[0];
    assert_string_equal(udhr->id, "udhr");
    assert_int_equal(udhr->pos.line, 63);
    assert_int_equal(udhr->date.year, 1948);
    assert_int_equal(udhr->date.month, 12);
    assert_int_equal(udhr->date.day, 10);
    assert_int_equal(udhr->date.precision, HRC_DATE_DAY);
    assert_string_equal(udhr->case_ref, "rosario");
    assert_text(&udhr->headline, "Universal Declaration", "Déclaration universelle");
    assert_false(udhr->has_image);
    const hrc_event *before = &early->events[1];
    assert_int_equal(before->date.precision, HRC_DATE_BEFORE);
    assert_int_equal(before->date.year, 1980);
    assert_null(before->case_ref);

    const hrc_era *modern = &t->eras[1];
    assert_true(modern->has_from);
    assert_int_equal(modern->from_year, 1990);
    assert_int_equal(modern->to_year, 2030);
    const hrc_event *ros = &modern->events[0];
    assert_int_equal(ros->date.precision, HRC_DATE_MONTH);
    assert_int_equal(ros->date.month, 6);
    assert_true(ros->has_image);
    assert_non_null(strstr(ros->image.resolved, "square.jpg"));

    /* The event's link leads to the case study. */
    const hrc_case *c = hrc_module_find_case(m, udhr->case_ref);
    assert_ptr_equal(c, m->items[2].u.case_study);
    assert_int_equal(c->pos.line, 86);
    assert_int_equal(c->gov_kind, HRC_GOV_CITY);
    assert_int_equal(c->population, 1300000);
    assert_text(&c->country, "Argentina", "Argentine");
    assert_int_equal(c->n_themes, 2);
    assert_int_equal(c->themes[0], HRC_THEME_HUMAN_RIGHTS_EDUCATION);
    assert_int_equal(c->themes[1], HRC_THEME_HOUSING);
    assert_int_equal(c->n_context, 1);
    assert_text(&c->context[0].text, "First human rights city.",
                "Première ville des droits humains.");
    assert_int_equal(c->n_actions, 1);
    assert_int_equal(c->n_outcomes, 0);
    assert_int_equal(c->n_sources, 1);
    assert_string_equal(c->sources[0].href, "https://example.org/rosario");
    assert_text(&c->sources[0].text, "Report", "Rapport");
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

static void full_module_quiz(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = load_ok(DATA "valid/full.xml", &d);
    const hrc_quiz *z = m->items[3].u.quiz;
    assert_string_equal(z->id, "check");
    assert_int_equal(z->pass_percent, 70);
    assert_int_equal(z->max_attempts, HRC_ATTEMPTS_UNLIMITED);
    assert_true(z->shuffle);
    assert_int_equal(z->n_questions, 5);
    const hrc_question *q = z->questions;

    assert_int_equal(q[0].kind, HRC_Q_SINGLE);
    assert_int_equal(q[0].revision, 2);
    assert_int_equal(q[0].scoring, HRC_SCORING_ALL_OR_NOTHING);
    assert_text(&q[0].prompt, "Pick one", "Choisissez");
    assert_int_equal(q[0].n_choices, 3);
    assert_string_equal(q[0].choices[0].id, "a");
    assert_true(q[0].choices[0].correct);
    assert_false(q[0].choices[1].correct);
    assert_text(&q[0].choices[0].feedback, "Yes", "Oui");
    assert_true(hrc_text_is_empty(&q[0].choices[1].feedback));
    assert_int_equal(q[0].n_hints, 2);
    assert_text(&q[0].hints[0], "Think", "Réfléchissez");
    assert_text(&q[0].hints[1], "Again", "Encore");
    assert_text(&q[0].explanation, "Because", "Parce que");

    assert_int_equal(q[1].kind, HRC_Q_MULTIPLE);
    assert_int_equal(q[1].scoring, HRC_SCORING_PARTIAL);
    assert_int_equal(q[1].n_choices, 3);
    assert_true(q[1].choices[0].correct && q[1].choices[1].correct);
    assert_false(q[1].choices[2].correct);
    assert_int_equal(q[1].n_hints, 0);

    /* True/false: two choices, true then false, feedback by @on. */
    assert_int_equal(q[2].kind, HRC_Q_TRUEFALSE);
    assert_int_equal(q[2].pos.line, 147);
    assert_int_equal(q[2].n_choices, 2);
    assert_string_equal(q[2].choices[0].id, "true");
    assert_false(q[2].choices[0].correct);
    assert_true(q[2].choices[1].correct);
    assert_text(&q[2].choices[0].feedback, "No", "Non");
    assert_true(hrc_text_is_empty(&q[2].choices[1].feedback));

    /* Ordering items are kept in the correct order. */
    assert_int_equal(q[3].kind, HRC_Q_ORDERING);
    assert_int_equal(q[3].n_choices, 2);
    assert_string_equal(q[3].choices[0].id, "one");
    assert_string_equal(q[3].choices[1].id, "two");

    assert_int_equal(q[4].kind, HRC_Q_MATCHING);
    assert_int_equal(q[4].revision, 4);
    assert_int_equal(q[4].n_pairs, 2);
    assert_text(&q[4].pairs[1].left, "Graz", "Graz");
    assert_text(&q[4].pairs[1].right, "Austria", "Autriche");
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

/* ---- Texts ------------------------------------------------------------ */

static void grouping_and_white_space(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m;
    int rc = load_page("<p>One</p><p xml:lang=\"fr\">Un</p><p>Two</p><p xml:lang=\"fr\">Deux</p>"
                       "<p>Three</p><p>Four</p>"
                       "<p>  lots \n\t of   space  </p>"
                       "<p><em> x </em>y</p>"
                       "<p xml:lang=\"fr\">Seulement</p><p xml:lang=\"fr\">Encore</p>"
                       "<ul><li>a</li><li>b</li><li xml:lang=\"fr\">b-fr</li></ul>",
                       &m, &d);
    /* "Seulement" joins the English paragraph before it (languages differ);
     * "Encore" repeats fr, so it starts a text with no English: an error. */
    assert_int_equal(rc, -1);
    assert_int_equal(d.n_errors, 1);
    assert_true(has_diag(&d, HRC_ERROR, 5, "no text in the module's default language"));
    hrc_diags_clear(&d);

    rc = load_page("<p>One</p><p xml:lang=\"fr\">Un</p><p>Two</p><p xml:lang=\"fr\">Deux</p>"
                   "<p>Three</p><p>Four</p>"
                   "<p>  lots \n\t of   space  </p>"
                   "<p><em> x </em>y</p>"
                   "<ul><li>a</li><li>b</li><li xml:lang=\"fr\">b-fr</li></ul>",
                   &m, &d);
    assert_int_equal(rc, 0);
    const hrc_page *p = m->items[0].u.page;
    assert_int_equal(p->n_blocks, 7);
    assert_text(&p->blocks[0].text, "One", "Un");
    assert_text(&p->blocks[1].text, "Two", "Deux");
    /* The same language again starts the next text. */
    assert_string_equal(plain(&p->blocks[2].text, "en"), "Three");
    assert_int_equal(p->blocks[2].text.n_variants, 1);
    assert_string_equal(plain(&p->blocks[3].text, "en"), "Four");
    assert_string_equal(plain(&p->blocks[4].text, "en"), "lots of space");
    const hrc_variant *v = hrc_text_pick(&p->blocks[5].text, "en", "en");
    assert_int_equal(v->n_spans, 2);
    assert_string_equal(v->spans[0].text, "x ");
    assert_int_equal(v->spans[0].style, HRC_SPAN_EM);
    assert_string_equal(v->spans[1].text, "y");
    assert_string_equal(v->plain, "x y");
    const hrc_block *list = &p->blocks[6];
    assert_int_equal(list->kind, HRC_BLOCK_LIST);
    assert_int_equal(list->n_items, 2);
    assert_string_equal(plain(&list->items[0], "fr"), "a");
    assert_text(&list->items[1], "b", "b-fr");
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

static void missing_translation_is_a_warning(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = load_ok(DATA "invalid/warn-only.xml", &d);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(d.n_warnings, 1);
    assert_true(has_diag(&d, HRC_WARNING, 6, "lacks a translation: fr"));
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

/* ---- Invalid modules: every kind of problem at its line ---------------- */

typedef struct expected {
    hrc_severity sev;
    unsigned line, col; /* col 0: any */
    const char *part;
} expected;

static void expect_all(const char *path, const hrc_load_options *opts,
                       const expected *want, size_t n, size_t total_errors)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = (hrc_module *)1;
    assert_int_equal(hrc_module_load(path, opts, &m, &d), -1);
    assert_null(m);
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        for (size_t k = 0; k < d.count && !found; k++)
            found = d.items[k].severity == want[i].sev && d.items[k].line == want[i].line &&
                    (!want[i].col || d.items[k].col == want[i].col) &&
                    strstr(d.items[k].message, want[i].part) != NULL;
        if (!found) {
            print_diags(&d);
            fail_msg("%s: expected line %u: %s", path, want[i].line, want[i].part);
        }
    }
    if (total_errors)
        assert_int_equal(d.n_errors, total_errors);
    hrc_diags_clear(&d);
}

static void semantic_errors(void **state)
{
    static const expected want[] = {
        {HRC_ERROR, 8, 5, "no text in the module's default language \"en\""},
        {HRC_ERROR, 15, 5, "empty xml:lang"},
        {HRC_ERROR, 17, 3, "duplicate id \"dup\" (first used on line 12)"},
        {HRC_ERROR, 21, 3, "\"-bad-id\" is not a valid identifier"},
        {HRC_ERROR, 28, 5, "era \"e1\" ends (to=\"1980\") before it starts"},
        {HRC_ERROR, 32, 5, "must not overlap"},
        {HRC_ERROR, 35, 7, "the month must be 01 to 12"},
        {HRC_ERROR, 39, 7, "that day does not exist"},
        {HRC_ERROR, 43, 7, "precision contradicts the date"},
        {HRC_ERROR, 47, 7, "lies outside its era \"e2\""},
        {HRC_WARNING, 51, 7, "chronological order"},
        {HRC_ERROR, 51, 7, "case=\"nowhere\" names no case study"},
        {HRC_ERROR, 57, 3, "pass must be a percentage from 0 to 100, not 150"},
        {HRC_ERROR, 60, 5, "exactly one choice with correct=\"yes\" (it has 2)"},
        {HRC_ERROR, 64, 7, "choice id \"a\" is used twice"},
        {HRC_ERROR, 68, 5, "at least one choice with correct=\"yes\""},
        {HRC_ERROR, 75, 5, "at least two items"},
        {HRC_ERROR, 82, 5, "at least two pairs"},
    };
    expect_all(DATA "invalid/semantic.xml", NULL, want, sizeof(want) / sizeof(want[0]), 17);
}

static void image_errors(void **state)
{
    static const expected want[] = {
        {HRC_ERROR, 12, 5, "absolute path"},
        {HRC_ERROR, 13, 5, "must not contain \"..\""},
        {HRC_ERROR, 14, 5, "does not exist"},
        {HRC_ERROR, 15, 5, "neither PNG nor JPEG"},
        {HRC_ERROR, 16, 5, "leads outside the course folder"},
        {HRC_ERROR, 17, 5, "not a readable file"},
    };
    hrc_load_options opts = {.course_dir = DATA "invalid/media"};
    expect_all(DATA "invalid/media/module.xml", &opts, want, sizeof(want) / sizeof(want[0]),
               6);
}

static void schema_errors(void **state)
{
    static const expected want[] = {
        {HRC_ERROR, 11, 5, "<table> is not an element of the module format (inside <page> "
                           "may stand: <title>, <h2>, <h3>, <p>, <ul>, <ol>, <quote>, <image>, "
                           "<keyfacts>)"},
        {HRC_ERROR, 13, 3, "<quiz> needs the attribute attempts (a whole number from 1 up or "
                           "unlimited)"},
    };
    expect_all(DATA "invalid/schema.xml", NULL, want, 2, 2);
}

static void well_formedness_and_doctype(void **state)
{
    static const expected malformed[] = {
        {HRC_ERROR, 5, 0, "Opening and ending tag mismatch"},
    };
    expect_all(DATA "invalid/malformed.xml", NULL, malformed, 1, 1);

    /* The DOCTYPE is refused at its line, and nothing of /etc/passwd shows. */
    static const expected doctype[] = {
        {HRC_ERROR, 3, 1, "DOCTYPE is not allowed"},
    };
    expect_all(DATA "invalid/doctype.xml", NULL, doctype, 1, 1);
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m;
    assert_int_equal(hrc_module_load(DATA "invalid/doctype.xml", NULL, &m, &d), -1);
    for (size_t i = 0; i < d.count; i++)
        assert_null(strstr(d.items[i].message, "root:"));
    hrc_diags_clear(&d);
}

/* Broken input of every sort gives one clear error, never a crash. */
static void broken_input(void **state)
{
    static const struct {
        const char *xml;
        unsigned line;
        const char *part;
    } cases[] = {
        {"", 0, "the file is empty"},
        {"<module>\0</module>", 1, "NUL byte"},
        {"<module format=\"1\" id=\"m\" version=\"1\" xml:lang=\"en\">\n<meta><title>T", 2,
         "ends before the module is complete"},
        {"<module format=\"1\" id=\"m\" version=\"1\" xml:lang=\"en\">\n<meta>\xff</meta>", 2,
         "not valid UTF-8"},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><module/>", 1, "UTF-8"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\">"
         "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<module>&b;</module>",
         2, "DOCTYPE"},
        {"<page/>", 1, "the root element must be <module>, not <page>"},
        {"<module format=\"2\" id=\"m\" version=\"1\" xml:lang=\"en\"><meta><title>T</title>"
         "<summary>S</summary><author>A</author><licence>L</licence></meta>"
         "<page id=\"p\"><title>P</title></page></module>",
         1, "format=\"2\" is not supported"},
        {"<module format=\"1\" id=\"m\" version=\"0\"><meta><title>T</title>"
         "<summary>S</summary><author>A</author><licence>L</licence></meta>"
         "<page id=\"p\"><title>P</title></page></module>",
         1, "needs xml:lang"},
        {"<module format=\"1\" id=\"m\" version=\"1\" xml:lang=\"en\">\n"
         "<page id=\"p\"><title>P</title></page></module>",
         2, "must start with <meta>"},
        {"<module format=\"1\" id=\"m\" version=\"1\" xml:lang=\"en\"><meta><title>T</title>"
         "<summary>S</summary><author>A</author><licence>L</licence></meta>\n"
         "stray words</module>",
         1, "no content"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        hrc_diags d;
        hrc_diags_init(&d);
        hrc_module *m = (hrc_module *)1;
        size_t len = i == 1 ? 18 : strlen(cases[i].xml);
        int rc = hrc_module_load_memory(cases[i].xml, len, "broken.xml", NULL, &m, &d);
        if (rc != -1 || !has_diag(&d, HRC_ERROR, cases[i].line, cases[i].part)) {
            print_diags(&d);
            fail_msg("case %zu: expected line %u: %s", i, cases[i].line, cases[i].part);
        }
        assert_null(m);
        hrc_diags_clear(&d);
    }
}

static void deep_nesting_and_size_cap(void **state)
{
    enum { DEPTH = 100000 };
    size_t size = 64 + DEPTH * 7;
    char *xml = malloc(size);
    assert_non_null(xml);
    size_t n = (size_t)sprintf(xml, "<module format=\"1\">");
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)sprintf(xml + n, "<em>");
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m;
    assert_int_equal(hrc_module_load_memory(xml, n, "deep.xml", NULL, &m, &d), -1);
    assert_true(has_diag(&d, HRC_ERROR, 1, "nested too deeply"));
    hrc_diags_clear(&d);

    hrc_load_options small = {.max_bytes = 100};
    assert_int_equal(hrc_module_load(DATA "valid/full.xml", &small, &m, &d), -1);
    assert_true(has_diag(&d, HRC_ERROR, 0, "larger than the limit of 100 bytes"));
    assert_int_equal(hrc_module_load_memory(xml, n, "big.xml", &small, &m, &d), -1);
    free(xml);
    hrc_diags_clear(&d);

    assert_int_equal(hrc_module_load(DATA "does-not-exist.xml", NULL, &m, &d), -1);
    assert_true(has_diag(&d, HRC_ERROR, 0, "cannot open the file"));
    hrc_diags_clear(&d);
}

/* A text with 1000 <em>/<strong> loads; one more is refused at its line,
 * before libxml2's schema check (quadratic in them) can take minutes. */
static void inline_elements_per_text_are_limited(void **state)
{
    enum { LIMIT = 1000 };
    size_t size = 32 + (LIMIT + 1) * 24;
    char *body = malloc(size);
    assert_non_null(body);
    for (int extra = 0; extra <= 1; extra++) {
        size_t n = (size_t)sprintf(body, "<p>");
        for (int i = 0; i < LIMIT + extra; i++)
            n += (size_t)sprintf(body + n, i % 2 ? "<strong>w</strong> " : "<em>w</em>\n");
        sprintf(body + n, "</p>");
        hrc_diags d;
        hrc_diags_init(&d);
        hrc_module *m = NULL;
        int rc = load_page(body, &m, &d);
        if (!extra) {
            assert_int_equal(rc, 0);
            assert_int_equal(m->items[0].u.page->blocks[0].text.variants[0].n_spans >= LIMIT,
                             1);
            hrc_module_free(m);
        } else {
            assert_int_equal(rc, -1);
            /* The 1001st inline element starts on the last line of the page body. */
            assert_true(has_diag(&d, HRC_ERROR, 4 + LIMIT / 2, "more than 1000 <em> and <strong>"));
        }
        hrc_diags_clear(&d);
    }
    free(body);
}

/* Columns stay exact far along one long line (the parser's buffer has
 * moved on from the line's start by then). */
static void columns_on_one_long_line(void **state)
{
    enum { N = 20000 };
    char *body = malloc(N * 8 + 16);
    assert_non_null(body);
    size_t n = 0;
    for (int i = 0; i < N; i++)
        n += (size_t)sprintf(body + n, "<p>x</p>");
    sprintf(body + n, "<bogus/>");
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = NULL;
    assert_int_equal(load_page(body, &m, &d), -1);
    if (!has_diag(&d, HRC_ERROR, 4, "bogus") || d.items[0].col != N * 8 + 1) {
        print_diags(&d);
        fail_msg("expected the error at 4:%d", N * 8 + 1);
    }
    hrc_diags_clear(&d);
    free(body);
}

/* Attributes are counted before libxml2, whose duplicate check is pairwise. */
static void attributes_per_element_are_limited(void **state)
{
    char body[2048];
    size_t n = (size_t)sprintf(body, "<p");
    for (int i = 0; i < 65; i++)
        n += (size_t)sprintf(body + n, " a%d='='", i);
    sprintf(body + n, ">x</p>");
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = NULL;
    assert_int_equal(load_page(body, &m, &d), -1);
    if (!has_diag(&d, HRC_ERROR, 4, "more than 64 attributes")) {
        print_diags(&d);
        fail_msg("expected the attribute limit at line 4");
    }
    hrc_diags_clear(&d);
}

static void every_problem_is_reported(void **state)
{
    /* Two unrelated problems in one file: both reported, in order. */
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m;
    assert_int_equal(load_page("<image src=\"nope.png\"><alt>A</alt></image>\n"
                               "<p xml:lang=\"\">x</p>",
                               &m, &d),
                     -1);
    assert_true(has_diag(&d, HRC_ERROR, 4, "does not exist"));
    assert_true(has_diag(&d, HRC_ERROR, 5, "empty xml:lang"));
    assert_int_equal(d.n_errors, 2);
    hrc_diags_clear(&d);
}


/* ---- Messages that say how to fix ---------------------------------------- */

/*
 * Loads path and checks that its problems are exactly `want`: each at its
 * line and column, with its words, and nothing else (no cascade, no
 * consequence of a problem already reported). A module with warnings
 * only still loads.
 */
static void expect_exactly(const char *path, const expected *want, size_t n)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = NULL;
    int rc = hrc_module_load(path, NULL, &m, &d);
    bool errors = false;
    for (size_t i = 0; i < n; i++)
        errors |= want[i].sev == HRC_ERROR;
    assert_int_equal(rc, errors ? -1 : 0);
    bool ok = d.count == n;
    for (size_t i = 0; i < n && ok; i++) {
        bool found = false;
        for (size_t k = 0; k < d.count && !found; k++)
            found = d.items[k].severity == want[i].sev && d.items[k].line == want[i].line &&
                    d.items[k].col == want[i].col &&
                    strstr(d.items[k].message, want[i].part) != NULL;
        if (!found) {
            print_diags(&d);
            fail_msg("%s: expected %u:%u: %s", path, want[i].line, want[i].col, want[i].part);
        }
    }
    if (!ok) {
        print_diags(&d);
        fail_msg("%s: %zu problems, expected %zu", path, d.count, n);
    }
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

/* Each wrong attribute or value at the attribute itself, naming what to
 * write; and a wrong value is not followed by what it leads to (no
 * "question with no right answer" for correct="yess", no era out of order
 * for to="19x", no range error repeating rev="0"). */
static void attribute_messages(void **state)
{
    static const expected want[] = {
        {HRC_ERROR, 10, 16, "kind=\"town\" is not allowed on <case>: write city, region, "
                            "province, district, metropolis or other"},
        {HRC_ERROR, 21, 29, "to=\"19x\" is not allowed on <era>: write a whole number"},
        {HRC_ERROR, 28, 5, "<image> needs the attribute src"},
        {HRC_ERROR, 30, 26, "attempts=\"0\" is not allowed on <quiz>: write a whole number "
                            "from 1 up or unlimited"},
        {HRC_ERROR, 30, 39, "shuffle=\"true\" is not allowed on <quiz>: write yes or no"},
        {HRC_ERROR, 32, 29, "<single> has no attribute scoring; remove it (the attributes of "
                            "<single> are: id, rev)"},
        {HRC_ERROR, 34, 22, "correct=\"yess\" is not a value of correct on <choice>: did you "
                            "mean correct=\"yes\"? (correct is yes or no)"},
        {HRC_ERROR, 36, 22, "<choice> has no attribute corect: did you mean correct?"},
        {HRC_ERROR, 39, 24, "rev=\"0\" is not allowed on <truefalse>: write a whole number "
                            "from 1 up"},
        {HRC_ERROR, 39, 32, "answer=\"yes\" is not allowed on <truefalse>: write true or "
                            "false"},
    };
    expect_exactly(DATA "messages/attributes.xml", want, sizeof want / sizeof want[0]);
}

/* Unknown or misplaced elements: the nearest known name, where it goes,
 * what may stand there; what an element lacks; text where none may be. */
static void element_messages(void **state)
{
    static const expected want[] = {
        {HRC_ERROR, 9, 5, "<minutes> must hold a whole number from 0 up, not \"ten\""},
        {HRC_ERROR, 13, 5, "<keyfact> is not allowed inside <page>: did you mean <keyfacts>? "
                           "(inside <page> may stand: <title>, <h2>, <h3>, <p>, <ul>, <ol>, "
                           "<quote>, <image>, <keyfacts>)"},
        {HRC_ERROR, 17, 5, "<li> may not stand inside <page>: it goes inside <ul> or <ol>"},
        {HRC_ERROR, 21, 13, "<b> is not allowed inside <p>: did you mean <strong>? (inside "
                            "<p> may stand: text, <em>, <strong>)"},
        {HRC_ERROR, 25, 5, "<table> is not an element of the module format"},
        {HRC_ERROR, 28, 5, "<p> is not expected here: <page> lacks <title> (the content of "
                           "<page> is, in this order: <title>+, (<h2> | <h3> | <p> | <ul> | "
                           "<ol> | <quote> | <image> | <keyfacts>)*)"},
        {HRC_ERROR, 32, 5, "text is not allowed directly inside <page>: put it inside an "
                           "element"},
        {HRC_ERROR, 34, 3, "<pgae> is not allowed here: did you mean <page>?"},
        {HRC_ERROR, 39, 5, "<truefalse> lacks <explanation> (the content of <truefalse> is, "
                           "in this order: <prompt>+, <feedback>*, <hint>*, <explanation>+)"},
    };
    expect_exactly(DATA "messages/elements.xml", want, sizeof want / sizeof want[0]);
}

/* "&" on its own, or an HTML entity: reported at the "&", saying what to
 * write. */
static void ampersand_messages(void **state)
{
    static const expected bare[] = {
        {HRC_ERROR, 4, 16, "a bare & must be written &amp;"},
    };
    expect_exactly(DATA "messages/bare-ampersand.xml", bare, 1);
    static const expected name[] = {
        {HRC_ERROR, 4, 24, "a bare & must be written &amp;"},
    };
    expect_exactly(DATA "messages/ampersand-name.xml", name, 1);
    static const expected entity[] = {
        {HRC_ERROR, 4, 17, "&nbsp; is not known in XML (only &amp; &lt; &gt; &quot; &apos; "
                           "are): type the character itself"},
    };
    expect_exactly(DATA "messages/html-entity.xml", entity, 1);
}

/* No xml:lang on <module>: that one error, not a warning per text. */
static void missing_default_language_is_one_error(void **state)
{
    static const expected want[] = {
        {HRC_ERROR, 3, 1, "<module> needs xml:lang, its default language"},
    };
    expect_exactly(DATA "messages/no-lang.xml", want, 1);
}

/* xml:lang="FR" is French: the module loads, the text is found as "fr",
 * and a warning says how the tag was read, once. */
static void language_tags_in_another_case(void **state)
{
    static const expected want[] = {
        {HRC_WARNING, 3, 1, "the language tag \"FR\" is read as \"fr\": tags are not "
                            "case-sensitive, but write \"fr\", the usual spelling"},
    };
    expect_exactly(DATA "lint/lang-case.xml", want, 1);
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = load_ok(DATA "lint/lang-case.xml", &d);
    assert_string_equal(hrc_text_plain(&m->title, "fr", "en"), "Étiquettes de langue");
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

/* The quiz lint: warnings that say how to fix, the module still valid. */
static void quiz_lint(void **state)
{
    static const expected want[] = {
        {HRC_WARNING, 12, 3, "quiz \"by-place\" is shown in the order written, and in 2 of its "
                             "3 single-choice questions the right answer is choice number 1: "
                             "learners can pass by its place; add shuffle=\"yes\" to <quiz>, "
                             "or vary where the right answer stands"},
        {HRC_WARNING, 12, 3, "quiz \"by-place\" is shown in the order written, and its "
                             "multiple-choice question lists its right choices before its "
                             "wrong ones: add shuffle=\"yes\" to <quiz>, or mix the right "
                             "choices among the others"},
        {HRC_WARNING, 19, 7, "a hint of question \"s1\" gives the right answer away: its text "
                             "(en) contains \"1948\"; point to where the answer is taught "
                             "instead"},
        {HRC_WARNING, 30, 5, "single-choice question \"s3\" has only 2 choices, so a guess is "
                             "right half the time: add a wrong but plausible one (three or "
                             "more in all), or make it a <truefalse>"},
        {HRC_WARNING, 41, 7, "a hint of question \"m1\" gives the right answers away: its text "
                             "(en) names each of them"},
    };
    expect_exactly(DATA "lint/quiz.xml", want, sizeof want / sizeof want[0]);
}

/* ---- Periods, plans, typed answers and pools ------------------------------ */

static const hrc_question *question_named(const hrc_quiz *z, const char *id)
{
    for (size_t i = 0; i < z->n_questions; i++)
        if (strcmp(z->questions[i].id, id) == 0)
            return &z->questions[i];
    fail_msg("no question %s", id);
    return NULL;
}

static void additions_model(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_module *m = load_ok(DATA "additions/valid.xml", &d);
    assert_int_equal(d.count, 0);
    /* Events: a period of days, a period of years, planned, a target. */
    const hrc_era *era = &m->items[0].u.timeline->eras[0];
    assert_int_equal(era->n_events, 4);
    const hrc_event *update = &era->events[0], *forum = &era->events[1];
    assert_true(update->has_end && update->end.year == 2022 &&
                update->end.precision == HRC_DATE_YEAR && update->status == HRC_EVENT_DONE);
    assert_true(forum->has_end && forum->end.month == 10 && forum->end.day == 14 &&
                forum->end.precision == HRC_DATE_DAY);
    assert_int_equal(era->events[2].status, HRC_EVENT_PLANNED);
    assert_false(era->events[2].has_end);
    assert_int_equal(era->events[3].status, HRC_EVENT_TARGET);
    /* The pool. */
    const hrc_quiz *z = m->items[1].u.quiz;
    assert_int_equal(z->draw, 2);
    assert_int_equal(z->n_questions, 3);
    /* Fill-in: gaps in the order of their answers, whatever the prompt's. */
    const hrc_question *q = question_named(z, "where");
    assert_int_equal(q->kind, HRC_Q_FILLIN);
    assert_int_equal(q->scoring, HRC_SCORING_PARTIAL);
    assert_int_equal(q->n_gaps, 2);
    assert_string_equal(q->gaps[0].id, "city");
    assert_int_equal(q->gaps[0].fold, HRC_FOLD_CASE_AND_ACCENTS); /* its own */
    assert_int_equal(q->gaps[1].fold, HRC_FOLD_NONE);
    assert_int_equal(q->gaps[0].n_accepts, 3);
    assert_string_equal(q->gaps[0].accepts[0].lang, "en");
    assert_string_equal(q->gaps[0].accepts[1].lang, "fr");
    assert_string_equal(q->gaps[0].accepts[2].text, "Gen\xc3\xa8ve (Suisse)");
    const hrc_variant *en = hrc_text_pick(&q->prompt, "en", "en");
    const hrc_variant *fr = hrc_text_pick(&q->prompt, "fr", "en");
    assert_string_equal(en->plain, "The meeting took place in _____, in _____, twice.");
    assert_string_equal(fr->plain, "La r\xc3\xa9union a eu lieu en _____ \xc3\xa0 _____.");
    int en_gaps[2], fr_gaps[2];
    size_t n_en = 0, n_fr = 0;
    for (size_t i = 0; i < en->n_spans; i++)
        if (hrc_span_gap(&en->spans[i]) >= 0)
            en_gaps[n_en++] = hrc_span_gap(&en->spans[i]);
    for (size_t i = 0; i < fr->n_spans; i++)
        if (hrc_span_gap(&fr->spans[i]) >= 0)
            fr_gaps[n_fr++] = hrc_span_gap(&fr->spans[i]);
    assert_int_equal(n_en, 2);
    assert_int_equal(n_fr, 2);
    assert_true(en_gaps[0] == 0 && en_gaps[1] == 1);
    assert_true(fr_gaps[0] == 1 && fr_gaps[1] == 0); /* French writes the year first */
    /* Numeric: a value, a tolerance, a unit; a negative decimal. */
    q = question_named(z, "how-many");
    assert_int_equal(q->kind, HRC_Q_NUMERIC);
    assert_true(q->value == 15 && q->tolerance == 0.5);
    assert_text(&q->unit, "local governments", "gouvernements locaux");
    q = question_named(z, "share");
    assert_true(q->value == -1.25 && q->tolerance == 0);
    assert_true(hrc_text_is_empty(&q->unit));
    hrc_module_free(m);
    hrc_diags_clear(&d);
}

/* Each mistake at its element, saying what to write; nothing else. */
static void additions_mistakes(void **state)
{
    static const expected want[] = {
        {HRC_ERROR, 16, 7, "event \"backwards\" ends (end=\"2009\") before it starts or on the "
                           "same date (date=\"2010\"): end must come after date"},
        {HRC_ERROR, 19, 7, "event \"too-long\" ends in 2025, after its era \"e\" (to=\"2020\"): "
                           "end it within the era, or make the era longer"},
        {HRC_ERROR, 22, 7, "event \"open\" is dated \"before 2012\" and cannot have an end: "
                           "remove end=\"2013\", or give the date it starts"},
        {HRC_ERROR, 25, 7, "event \"bad-end\" (end=\"2013-13\"): the month must be 01 to 12"},
        {HRC_ERROR, 34, 46, "status=\"hoped\" is not allowed on <event>: write done, planned "
                            "or target"},
        {HRC_ERROR, 39, 3, "quiz \"z\" draws 4 questions (draw=\"4\") but has 3: write "
                           "draw=\"3\" or less, or add questions"},
        {HRC_ERROR, 42, 7, "this prompt (en) of question \"gaps\" has no <gap ref=\"city\"/>: "
                           "mark where the learner types each answer, in every translation"},
        {HRC_ERROR, 42, 18, "<gap ref=\"town\"/> names no <answer> of question \"gaps\": write "
                            "the id of one (city, year), or add <answer id=\"town\">"},
        {HRC_ERROR, 42, 61, "<gap ref=\"year\"/> stands twice in this prompt of question "
                            "\"gaps\": each gap is typed once; remove one"},
        {HRC_ERROR, 43, 7, "this prompt (fr) of question \"gaps\" has no <gap ref=\"year\"/>"},
        {HRC_ERROR, 46, 9, "<accept> is empty: write the answer it accepts, or remove it"},
        {HRC_ERROR, 49, 9, "<accept> is longer than a learner can type (166 bytes; at most "
                           "127): shorten it"},
        {HRC_ERROR, 52, 7, "question \"gaps\": answer id \"city\" is used twice (first on line "
                           "44)"},
        {HRC_ERROR, 57, 5, "tolerance=\"-1\" must not be negative"},
        {HRC_ERROR, 61, 33, "answer=\"1,5\" is not allowed on <numeric>: write a number such "
                            "as 2011 or 1.5 (with . for decimals)"},
    };
    expect_exactly(DATA "additions/mistakes.xml", want, sizeof want / sizeof want[0]);
}

/* A hint that gives a typed answer away: a warning, the module valid. */
static void typed_answers_in_hints(void **state)
{
    static const expected want[] = {
        {HRC_WARNING, 23, 7, "a hint of question \"city\" gives the right answer away: its "
                             "text (fr) contains \"Gen\xc3\xa8ve\"; point to where the answer is "
                             "taught instead"},
        {HRC_WARNING, 31, 7, "a hint of question \"year\" gives the right answer away: its "
                             "text (en) contains \"2019\""},
    };
    expect_exactly(DATA "additions/hints.xml", want, sizeof want / sizeof want[0]);
}

/* ---- Courses ---------------------------------------------------------- */

static void course_in_name_order(void **state)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_course *c;
    assert_int_equal(hrc_course_load(DATA "valid", &c, &d), 0);
    assert_int_equal(c->n_modules, 2);
    assert_string_equal(c->modules[0]->id, "full");
    assert_string_equal(c->modules[1]->id, "minimal");
    assert_string_equal(c->modules[1]->default_lang, "fr");
    hrc_course_free(c);

    assert_int_equal(hrc_course_load(DATA "course-dup", &c, &d), -1);
    assert_int_equal(c->n_modules, 1);
    assert_string_equal(plain(&c->modules[0]->title, "en"), "Module a");
    assert_int_equal(d.n_errors, 1);
    assert_non_null(strstr(d.items[0].file, "course-dup/b.xml"));
    assert_int_equal(d.items[0].line, 2);
    assert_non_null(strstr(d.items[0].message, "module id \"same\" is already used by"));
    hrc_course_free(c);
    hrc_diags_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(full_module_header),
        cmocka_unit_test(full_module_page),
        cmocka_unit_test(full_module_timeline_and_case),
        cmocka_unit_test(full_module_quiz),
        cmocka_unit_test(grouping_and_white_space),
        cmocka_unit_test(missing_translation_is_a_warning),
        cmocka_unit_test(semantic_errors),
        cmocka_unit_test(image_errors),
        cmocka_unit_test(schema_errors),
        cmocka_unit_test(well_formedness_and_doctype),
        cmocka_unit_test(broken_input),
        cmocka_unit_test(deep_nesting_and_size_cap),
        cmocka_unit_test(inline_elements_per_text_are_limited),
        cmocka_unit_test(columns_on_one_long_line),
        cmocka_unit_test(attributes_per_element_are_limited),
        cmocka_unit_test(every_problem_is_reported),
        cmocka_unit_test(attribute_messages),
        cmocka_unit_test(element_messages),
        cmocka_unit_test(ampersand_messages),
        cmocka_unit_test(missing_default_language_is_one_error),
        cmocka_unit_test(language_tags_in_another_case),
        cmocka_unit_test(quiz_lint),
        cmocka_unit_test(course_in_name_order),
        cmocka_unit_test(additions_model),
        cmocka_unit_test(additions_mistakes),
        cmocka_unit_test(typed_answers_in_hints),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    hrc_loader_cleanup();
    return failed;
}
