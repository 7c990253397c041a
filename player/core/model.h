/*
 * model.h: the course model, a module loaded into memory.
 *
 * Promises:
 * - A loaded module is immutable. Every pointer in it stays valid until
 *   hrc_module_free(), which releases the whole module at once (all of it
 *   lives in one arena owned by the module).
 * - Every text the learner can read is an hrc_text: one variant per
 *   language. hrc_text_pick() applies the format's fallback rule.
 * - Arrays are (count, pointer) pairs; a count of zero may come with NULL.
 * - Every item remembers where it came from (hrc_srcpos) so that tools can
 *   point authors at the source line.
 *
 * This header uses libc only: no libxml2, no SDL.
 */
#ifndef HRC_MODEL_H
#define HRC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HRC_FORMAT_VERSION 1

typedef struct hrc_srcpos {
    uint32_t line; /* 1-based; 0 when unknown */
    uint32_t col;  /* 1-based; 0 when unknown */
} hrc_srcpos;

/* ---- Text ------------------------------------------------------------ */

enum hrc_span_style {
    HRC_SPAN_PLAIN = 0,
    HRC_SPAN_EM = 1 << 0,     /* <em> */
    HRC_SPAN_STRONG = 1 << 1, /* <strong> */
    /* A gap of a fill-in prompt (<gap ref="..."/>): its text is a blank
     * ("_____") for whoever does not know gaps; hrc_span_gap() says which
     * gap of the question it is. */
    HRC_SPAN_GAP = 1 << 4,
};
#define HRC_SPAN_GAP_SHIFT 8

/* A run of text in one style. Whitespace is already collapsed. */
typedef struct hrc_span {
    unsigned style; /* bitwise OR of enum hrc_span_style */
    const char *text; /* UTF-8, never NULL */
} hrc_span;

/* The index of the gap a span stands for (into hrc_question.gaps), or -1
 * for a span of text. */
static inline int hrc_span_gap(const hrc_span *span)
{
    return span->style & HRC_SPAN_GAP ? (int)(span->style >> HRC_SPAN_GAP_SHIFT) : -1;
}

/* One language's version of a text. */
typedef struct hrc_variant {
    const char *lang;  /* BCP 47 tag as written, e.g. "fr"; never NULL */
    const char *plain; /* all spans concatenated, for measuring and search */
    size_t n_spans;
    const hrc_span *spans;
} hrc_variant;

/* A translatable text: the same element repeated with different xml:lang. */
typedef struct hrc_text {
    size_t n_variants;
    const hrc_variant *variants;
    hrc_srcpos pos;
} hrc_text;

/*
 * The variant to show: the requested language, else the module's default
 * language, else the first variant present. NULL only for an empty text.
 * Languages match on the primary subtag, case-insensitively ("fr" matches
 * "fr-CA") when no exact match exists.
 */
const hrc_variant *hrc_text_pick(const hrc_text *text, const char *lang,
                                 const char *default_lang);
/* The picked variant's plain text, or "" for an empty text. */
const char *hrc_text_plain(const hrc_text *text, const char *lang,
                           const char *default_lang);
bool hrc_text_is_empty(const hrc_text *text);

/* ---- Lesson pages ---------------------------------------------------- */

typedef enum hrc_block_kind {
    HRC_BLOCK_HEADING,   /* heading: text, level 2 or 3 */
    HRC_BLOCK_PARAGRAPH, /* text */
    HRC_BLOCK_LIST,      /* items, ordered or not */
    HRC_BLOCK_QUOTE,     /* text, source (may be empty) */
    HRC_BLOCK_IMAGE,     /* image */
    HRC_BLOCK_KEYFACTS,  /* text = box title (may be empty), items */
} hrc_block_kind;

typedef struct hrc_image {
    const char *src;      /* path relative to the module's folder, as written */
    const char *resolved; /* absolute path, checked to lie inside the course folder */
    int width, height;    /* pixels, from the file's header; 0 when unknown */
    hrc_text alt;         /* required */
    hrc_text credit;      /* may be empty */
    hrc_text caption;     /* may be empty */
    hrc_srcpos pos;
} hrc_image;

typedef struct hrc_block {
    hrc_block_kind kind;
    int level;        /* headings: 2 or 3 */
    bool ordered;     /* lists */
    hrc_text text;    /* heading, paragraph, quote; key-facts title */
    hrc_text source;  /* quotes: who said it, where */
    size_t n_items;   /* lists and key facts */
    const hrc_text *items;
    hrc_image image;  /* images */
    hrc_srcpos pos;
} hrc_block;

typedef struct hrc_page {
    const char *id;
    hrc_text title;
    size_t n_blocks;
    const hrc_block *blocks;
    hrc_srcpos pos;
} hrc_page;

/* ---- Timeline -------------------------------------------------------- */

typedef enum hrc_date_precision {
    HRC_DATE_YEAR,
    HRC_DATE_MONTH,
    HRC_DATE_DAY,
    HRC_DATE_BEFORE, /* "before YEAR": year holds YEAR */
} hrc_date_precision;

typedef struct hrc_date {
    int year;
    int month; /* 1-12, 0 when unknown */
    int day;   /* 1-31, 0 when unknown */
    hrc_date_precision precision;
} hrc_date;

/* Whether an event took place, or is a plan or a goal: planned and target
 * events are drawn hollow, and say so in words. */
typedef enum hrc_event_status {
    HRC_EVENT_DONE,    /* the default: it happened */
    HRC_EVENT_PLANNED, /* status="planned": foreseen for that date */
    HRC_EVENT_TARGET,  /* status="target": a goal to reach by that date */
} hrc_event_status;

typedef struct hrc_event {
    const char *id;
    hrc_date date;
    bool has_end;  /* a period: from date to end (end="...") */
    hrc_date end;  /* never before date; precision year, month or day */
    hrc_event_status status;
    hrc_text headline;
    hrc_text text;
    bool has_image;
    hrc_image image;
    const char *case_ref; /* id of a case study, or NULL */
    hrc_srcpos pos;
} hrc_event;

typedef struct hrc_era {
    const char *id;
    bool has_from;  /* false: open start ("before ...") */
    int from_year;
    int to_year;
    hrc_text title;
    hrc_text text;  /* may be empty */
    size_t n_events;
    const hrc_event *events; /* in chronological order */
    hrc_srcpos pos;
} hrc_era;

typedef struct hrc_timeline {
    const char *id;
    hrc_text title;
    hrc_text intro; /* may be empty */
    size_t n_eras;
    const hrc_era *eras; /* in chronological order */
    hrc_srcpos pos;
} hrc_timeline;

/* ---- Case studies ---------------------------------------------------- */

typedef enum hrc_gov_kind {
    HRC_GOV_CITY, /* city or municipality */
    HRC_GOV_REGION,
    HRC_GOV_PROVINCE,
    HRC_GOV_DISTRICT,
    HRC_GOV_METROPOLIS,
    HRC_GOV_OTHER,
    HRC_GOV_COUNT
} hrc_gov_kind;

/* The campaign membership form's areas of action, section 3. */
typedef enum hrc_theme {
    HRC_THEME_ACCESSIBILITY,
    HRC_THEME_ANTI_DISCRIMINATION,
    HRC_THEME_ANTI_RACISM,
    HRC_THEME_CLIMATE_ENVIRONMENT,
    HRC_THEME_CULTURE,
    HRC_THEME_PARTICIPATORY_DEMOCRACY,
    HRC_THEME_RIGHT_TO_FOOD,
    HRC_THEME_RIGHT_TO_EDUCATION,
    HRC_THEME_WOMENS_RIGHTS,
    HRC_THEME_HUMAN_RIGHTS_EDUCATION,
    HRC_THEME_EQUALITY_POVERTY,
    HRC_THEME_INCLUSION_MARGINALISED,
    HRC_THEME_YOUTH_CHILDREN,
    HRC_THEME_HOUSING,
    HRC_THEME_MEMORY_PEACE_SECURITY,
    HRC_THEME_ACCOUNTABILITY_TRANSPARENCY,
    HRC_THEME_PUBLIC_HEALTH,
    HRC_THEME_BASIC_SERVICES,
    HRC_THEME_COUNT
} hrc_theme;

/* The attribute value used in XML for each enum ("city", "housing", ...). */
const char *hrc_gov_kind_name(hrc_gov_kind kind);
const char *hrc_theme_name(hrc_theme theme);
/* Parse an attribute value; false when it is not in the vocabulary. */
bool hrc_gov_kind_parse(const char *name, hrc_gov_kind *out);
bool hrc_theme_parse(const char *name, hrc_theme *out);

typedef struct hrc_source {
    hrc_text text;
    const char *href; /* may be NULL; shown, never fetched */
    hrc_srcpos pos;
} hrc_source;

typedef struct hrc_case {
    const char *id;
    hrc_text title;
    hrc_text place;
    hrc_text country;
    hrc_gov_kind gov_kind;
    long long population; /* -1 when unknown */
    size_t n_themes;
    const hrc_theme *themes;
    size_t n_context;
    const hrc_block *context;  /* paragraphs, lists, quotes, images */
    size_t n_actions;
    const hrc_text *actions;
    size_t n_outcomes;
    const hrc_block *outcomes;
    size_t n_sources;
    const hrc_source *sources;
    hrc_srcpos pos;
} hrc_case;

/* ---- Quizzes --------------------------------------------------------- */

typedef enum hrc_question_kind {
    HRC_Q_SINGLE,    /* one correct choice */
    HRC_Q_MULTIPLE,  /* one or more correct choices */
    HRC_Q_TRUEFALSE,
    HRC_Q_ORDERING,  /* items are stored in the correct order */
    HRC_Q_MATCHING,  /* pairs are stored matched */
    HRC_Q_FILLIN,    /* gaps in the prompt, typed; accepted answers per gap */
    HRC_Q_NUMERIC,   /* a number typed; right within a tolerance */
} hrc_question_kind;

typedef enum hrc_scoring {
    HRC_SCORING_ALL_OR_NOTHING,
    /* Multiple: (right picks - wrong picks) / correct choices, floored at 0.
     * Ordering: share of items in their correct position.
     * Matching: share of left items matched to their right item.
     * Fill-in: share of gaps right. */
    HRC_SCORING_PARTIAL,
} hrc_scoring;

/* How a typed answer is compared with the accepted ones (fold="..."). White
 * space is always trimmed and collapsed, and typographic apostrophes and
 * hyphens read as ' and -. */
typedef enum hrc_fold {
    HRC_FOLD_CASE_AND_ACCENTS, /* the default: "Genève" = "geneve" */
    HRC_FOLD_CASE,             /* "Genève" = "genève", not "geneve" */
    HRC_FOLD_NONE,             /* as written */
} hrc_fold;

/* One accepted answer of a gap: plain text, in a language (its folding
 * rules apply: in Spanish "ñ" is not "n"). */
typedef struct hrc_accept {
    const char *lang; /* BCP 47, the module's default when not written */
    const char *text; /* white space collapsed; never empty */
    hrc_srcpos pos;
} hrc_accept;

/* One gap of a fill-in question (<answer id="...">). Every accepted answer
 * counts, whatever the learner's language; the first one in the learner's
 * language (else in the default language) is shown as the right answer. */
typedef struct hrc_gap {
    const char *id;
    hrc_fold fold;
    size_t n_accepts;
    const hrc_accept *accepts;
    hrc_srcpos pos;
} hrc_gap;

typedef struct hrc_choice {
    const char *id;   /* stable within its question */
    hrc_text text;
    bool correct;
    hrc_text feedback; /* may be empty */
    hrc_srcpos pos;
} hrc_choice;

typedef struct hrc_pair {
    const char *id;
    hrc_text left;
    hrc_text right;
    hrc_srcpos pos;
} hrc_pair;

typedef struct hrc_question {
    const char *id;
    int revision; /* >= 1; bump when the question's meaning changes */
    hrc_question_kind kind;
    hrc_scoring scoring;
    hrc_text prompt;
    size_t n_choices; /* single, multiple, true/false (true then false), ordering */
    const hrc_choice *choices;
    size_t n_pairs;   /* matching */
    const hrc_pair *pairs;
    size_t n_gaps;    /* fill-in, in the order of their <answer>s */
    const hrc_gap *gaps;
    double value;     /* numeric: the right number ... */
    double tolerance; /* ... and how far from it an answer may be (>= 0) */
    hrc_text unit;    /* numeric: shown after the field; may be empty */
    size_t n_hints;
    const hrc_text *hints;
    hrc_text explanation; /* shown after answering */
    hrc_srcpos pos;
} hrc_question;

#define HRC_ATTEMPTS_UNLIMITED 0

typedef struct hrc_quiz {
    const char *id;
    hrc_text title;
    hrc_text intro; /* may be empty */
    int pass_percent; /* 0-100 */
    int max_attempts; /* HRC_ATTEMPTS_UNLIMITED or >= 1 */
    bool shuffle;     /* shuffle question order and choices */
    size_t draw;      /* questions drawn for each attempt; 0: all of them */
    size_t n_questions;
    const hrc_question *questions;
    hrc_srcpos pos;
} hrc_quiz;

/* ---- Module ---------------------------------------------------------- */

typedef enum hrc_item_kind {
    HRC_ITEM_PAGE,
    HRC_ITEM_TIMELINE,
    HRC_ITEM_CASE,
    HRC_ITEM_QUIZ,
} hrc_item_kind;

/* One entry of the module's ordered content. */
typedef struct hrc_item {
    hrc_item_kind kind;
    union {
        const hrc_page *page;
        const hrc_timeline *timeline;
        const hrc_case *case_study;
        const hrc_quiz *quiz;
    } u;
} hrc_item;

typedef enum hrc_completion {
    HRC_COMPLETE_PAGES, /* every page, timeline and case study seen */
    HRC_COMPLETE_QUIZ,  /* every quiz passed */
    HRC_COMPLETE_BOTH,
} hrc_completion;

typedef struct hrc_module {
    const char *id;
    int version;          /* the module's own revision, >= 1 */
    const char *default_lang;
    char content_hash[65]; /* SHA-256 of the file's bytes, lowercase hex */
    const char *path;     /* the file it was loaded from */
    const char *dir;      /* its folder, absolute */

    hrc_text title;
    hrc_text summary;
    size_t n_authors;
    const char *const *authors;
    const char *licence;
    int minutes;          /* estimated time; 0 when unknown */
    hrc_text audience;    /* may be empty */
    bool has_cover;
    hrc_image cover;      /* the module's picture (caption unused) */
    hrc_completion completion;

    size_t n_items;
    const hrc_item *items; /* in reading order */
    hrc_srcpos pos;

    struct hrc_arena *arena; /* owns everything above, the module included */
} hrc_module;

void hrc_module_free(hrc_module *module); /* NULL is fine */

/* Lookups by id across the module; NULL when absent. */
const hrc_case *hrc_module_find_case(const hrc_module *m, const char *id);
/* The content item whose id, or a child's id (event, question), is `id`;
 * returns its index in m->items, or -1. */
long hrc_module_find_item(const hrc_module *m, const char *id);
const char *hrc_item_id(const hrc_item *item);
const hrc_text *hrc_item_title(const hrc_item *item);

/* A course: the modules of one folder, in file-name order. */
typedef struct hrc_course {
    char *dir;
    size_t n_modules;
    hrc_module **modules;
} hrc_course;

void hrc_course_free(hrc_course *course); /* NULL is fine */

#endif
