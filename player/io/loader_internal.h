/*
 * loader_internal.h: the pieces of the module loader, shared between its
 * files and nothing else.
 *
 *   loader.c        public API: files, memory, courses, the content hash
 *   loader_xml.c    libxml2 set-up, the size-capped safe parse, the schema
 *   loader_diag.c   diagnostics: the loader's own messages and libxml2's
 *   loader_pos.c    source positions of elements
 *   loader_text.c   translatable texts: grouping, inline spans, white space
 *   loader_build.c  the model, built one top-level element at a time
 *   loader_check.c  semantic checks that span the whole module
 *   loader_media.c  image paths and file types
 *   loader_schema.c what the schema allows, to explain mistakes as tags are read
 *   loader_lint.c   warnings about quizzes that can be passed without knowing
 *   loader_idset.c  a string hash set for duplicate ids
 */
#ifndef HRC_LOADER_INTERNAL_H
#define HRC_LOADER_INTERNAL_H

#include "core/arena.h"
#include "core/diag.h"
#include "core/model.h"
#include "io/loader.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Id set: open addressing, strings not owned ----------------------- */

typedef struct loader_idset {
    size_t count;
    size_t capacity; /* a power of two, or 0 */
    const char **keys;
    hrc_srcpos *where; /* where each key was first seen */
} loader_idset;

void loader_idset_init(loader_idset *set);
void loader_idset_free(loader_idset *set);
void loader_idset_clear(loader_idset *set); /* keeps the memory */
/* Adds key. Returns 1 when added, 0 when already present (then *first, if
 * not NULL, is where it was first seen), -1 when out of memory. */
int loader_idset_add(loader_idset *set, const char *key, hrc_srcpos pos,
                     hrc_srcpos *first);
bool loader_idset_has(const loader_idset *set, const char *key);

/* ---- Load context ---------------------------------------------------- */

enum { LOADER_MAX_REPORTED = 64, LOADER_MAX_GAPS = 20 };

typedef struct loader_ctx {
    const char *path; /* for messages */
    size_t n_lines;    /* lines read so far */
    size_t col_at_end; /* bytes read since the last newline */
    bool fed_all;      /* the whole file went to the parser */
    hrc_srcpos *positions; /* of the elements alive now; [0] is <module>'s */
    size_t n_positions, positions_cap;

    hrc_diags *diags;
    size_t errors_at_start; /* diags->n_errors when this load began */
    bool oom;
    hrc_srcpos last_error; /* the last libxml2 message, to drop repeats */
    int last_error_code;

    hrc_arena *arena;
    hrc_module *module;
    char *module_dir; /* realpath of the module's folder (malloc) */
    char *course_dir; /* realpath of the folder media must stay in (malloc) */

    /* Parsing state. */
    struct _xmlRelaxNGValidCtxt *validator;
    xmlDoc *stand_in;  /* borrows each top-level element while it is validated */
    bool root_ok;      /* the root is <module> */
    enum { TAG_NONE, TAG_OPEN, TAG_IN, TAG_QUOTED, TAG_OTHER } tag_state; /* raw scan */
    char tag_quote;
    int n_tag_attributes;
    const unsigned char *col_base, *col_mark; /* the last tag whose column is known */
    uint32_t col_at_mark;
    const void *inline_parent; /* the text element whose <em>/<strong> are counted */
    size_t n_inline;
    bool seen_meta, reported_no_meta;
    size_t n_top, n_items_seen;

    const char *default_lang;
    size_t n_languages; /* @languages, split */
    const char **languages;

    /* Scratch buffers reused for every text. */
    char *buf;
    size_t buf_len, buf_cap;
    struct loader_span_mark *marks;
    size_t n_marks, marks_cap;

    loader_idset local_ids; /* ids unique within one question */
    /* While a fill-in question's prompt is read: its gaps, so that each
     * <gap ref="..."/> becomes a span naming its index (loader_text.c). */
    const hrc_gap *gaps;
    size_t n_gaps;

    /* Elements of the current top-level element already reported as
     * malformed (loader_schema.c): libxml2's messages about them and the
     * checks that would repeat their consequences are left out. */
    const xmlNode *reported[LOADER_MAX_REPORTED];
    size_t n_reported;
    bool reported_overflow;
    loader_idset lang_tags; /* language tags already warned about */

    /* Items as they are built, copied into the module at the end. */
    hrc_item *items;
    size_t n_items, items_cap;
} loader_ctx;

/* ---- loader_diag.c (uses loader_pos.c) ------------------------------- */

/* Reports a problem at a position (line 0: about the whole file). */
void loader_error(loader_ctx *ctx, hrc_srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void loader_warning(loader_ctx *ctx, hrc_srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool loader_failed(const loader_ctx *ctx); /* any error during this load */
/* libxml2's structured error handler: arg is the loader_ctx. */
void loader_on_xml_error(void *arg, struct _xmlError *err);

/* ---- loader_pos.c ------------------------------------------------------ */

struct _xmlParserCtxt;
/* Where the start tag the parser has just read begins. */
hrc_srcpos loader_start_tag_pos(loader_ctx *ctx, struct _xmlParserCtxt *pctxt);
/* Records pos for node (root: the <module> element, kept in slot 0). */
void loader_remember_pos(loader_ctx *ctx, xmlNode *node, hrc_srcpos pos, bool root);
/* Where an element starts in the source: the line and column of its "<".
 * Valid while the element is alive. */
hrc_srcpos loader_node_pos(loader_ctx *ctx, const xmlNode *node);
/* Line and column of an offset within the first slice of the file. */
hrc_srcpos loader_slice_pos(const char *slice, size_t offset);
/* Where attribute qname ("id", "xml:lang") begins in the start tag the
 * parser has just read, which begins at tag; tag when it cannot be found. */
hrc_srcpos loader_start_tag_attr_pos(loader_ctx *ctx, struct _xmlParserCtxt *pctxt,
                                     hrc_srcpos tag, const char *qname);

/* ---- loader_xml.c ----------------------------------------------------- */

/* Where the bytes come from. read() fills buf with up to cap bytes and
 * returns the count, 0 at the end, or -1 with errno set. */
typedef struct loader_source {
    long (*read)(void *state, char *buf, size_t cap);
    void *state;
} loader_source;

/* Reads the source (at most max_bytes), parses it, validates it against
 * the schema, hands <module> and then each top-level element to the
 * builder, and sets the module's content hash. Returns 0 when the document
 * is well-formed (schema errors may still be in diags). */
int loader_parse(loader_ctx *ctx, const loader_source *src, size_t max_bytes);

/* ---- loader_schema.c -------------------------------------------------- */

/* Reads the built-in schema into the table the checks below use; once.
 * Returns -1 when it cannot (the checks then do nothing: libxml2's
 * validation still reports every problem, in its own words). */
int loader_schema_load(void);
void loader_schema_free(void);
/* Checks the element whose start tag was just parsed: its name in its
 * parent, its attributes and their values; reports at the tag or the
 * attribute and marks the element reported. */
void loader_check_tag(loader_ctx *ctx, struct _xmlParserCtxt *pctxt, xmlNode *node);
/* The content the schema gives node's element, written out
 * ("<prompt>+, <choice>+, <hint>*, <explanation>+"); NULL if unknown. */
const char *loader_schema_model(const xmlNode *node);
/* The first element node's content must have and does not; NULL if none. */
const char *loader_schema_missing(const xmlNode *node);
/* Whether an element called name may stand inside parent. */
bool loader_schema_allows(const xmlNode *parent, const char *name);
/* Of the candidates, the one name is likely a slip for; NULL if none. */
const char *loader_schema_nearest(const char *name, const char *const *candidates,
                                  size_t n);
void loader_mark_reported(loader_ctx *ctx, const xmlNode *node);
/* Whether an element called name was reported. */
bool loader_reported_named(const loader_ctx *ctx, const char *name);
/* Whether node itself was reported. */
bool loader_reported_self(const loader_ctx *ctx, const xmlNode *node);
/* Whether node or an element inside it was reported. */
bool loader_reported_within(const loader_ctx *ctx, const xmlNode *node);
/* Whether node, an element inside it or one around it was reported. */
bool loader_reported_near(const loader_ctx *ctx, const xmlNode *node);

/* ---- loader_text.c ---------------------------------------------------- */

/* Whether node is an element called name. */
bool loader_is(const xmlNode *node, const char *name);
/* The first element at or after node; NULL at the end. */
xmlNode *loader_element(xmlNode *node);
/* The first child element. */
xmlNode *loader_first_child(const xmlNode *node);
/* The element after node. */
xmlNode *loader_next(const xmlNode *node);
/* An attribute's value, or NULL; valid while the node lives. */
const char *loader_attr(const xmlNode *node, const char *name);
/* The element's own xml:lang ("" when empty), or NULL when it has none. */
const char *loader_lang(const xmlNode *node);

/*
 * Collects one translatable text starting at *cursor when it is an element
 * called name: the run of consecutive same-name elements whose languages
 * differ. Advances *cursor past it. Leaves *out empty when *cursor is not
 * such an element.
 */
void loader_text(loader_ctx *ctx, xmlNode **cursor, const char *name, hrc_text *out);
/* The same, where the run also ends when attribute key changes value
 * (true/false feedback: on="true" and on="false" are two texts). */
void loader_text_keyed(loader_ctx *ctx, xmlNode **cursor, const char *name,
                       const char *key, hrc_text *out);
/* Collects every text of a run of name elements (list items, hints...). */
void loader_texts(loader_ctx *ctx, xmlNode **cursor, const char *name, size_t *n,
                  const hrc_text **out);
/* The collapsed text content of a plain element, copied into the arena. */
const char *loader_plain(loader_ctx *ctx, const xmlNode *node);

/* ---- loader_build.c --------------------------------------------------- */

int loader_build_module(loader_ctx *ctx, xmlNode *root);
/* meta, page, timeline, case or quiz: one child of <module>, expanded. */
void loader_build_top(loader_ctx *ctx, xmlNode *node);
/* Moves the items into the module. */
void loader_build_finish(loader_ctx *ctx);

/* ---- loader_check.c --------------------------------------------------- */

/* Whether id matches [A-Za-z0-9][A-Za-z0-9_.-]{0,63}. */
bool loader_id_ok(const char *id);
/* Parses an event's date and precision ("" or NULL: derived). On error
 * returns false and sets *why. */
bool loader_parse_date(const char *date, const char *precision, hrc_date *out,
                       const char **why);
/* Warns, once per module and tag, about a language tag not spelt the usual
 * way ("FR" for "fr"): it is accepted, and read case-insensitively. */
void loader_check_lang_tag(loader_ctx *ctx, hrc_srcpos pos, const char *tag);
void loader_check_timeline(loader_ctx *ctx, const hrc_timeline *t);
/* well_formed: the question's elements passed the schema; when not, the
 * checks that would only repeat a reported mistake's consequences (no
 * right answer, too few items) are left out. */
void loader_check_question(loader_ctx *ctx, const hrc_question *q, bool well_formed);
/* A fill-in question: each translation of the prompt, from *cursor, marks
 * every gap once and names no other (reported at the prompt or the gap). */
void loader_check_gaps(loader_ctx *ctx, xmlNode *cursor, const hrc_question *q);
/* A quiz's pool: draw is at most the number of questions. */
void loader_check_quiz(loader_ctx *ctx, const hrc_quiz *quiz);
/* Checks that need the whole module: unique ids, links, chronology. */
void loader_check_module(loader_ctx *ctx);

/* ---- loader_lint.c ---------------------------------------------------- */

/* Warnings about a quiz a learner could pass without knowing the answers:
 * right answers always in the same place, hints that give them away,
 * too few choices. */
void loader_lint_quiz(loader_ctx *ctx, const hrc_quiz *quiz);

/* ---- loader_media.c --------------------------------------------------- */

/* Checks an image path and fills image->resolved. */
void loader_check_image(loader_ctx *ctx, hrc_image *image);

#endif
