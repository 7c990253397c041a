#include "core/model.h"

#include "core/arena.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Length of a tag's primary subtag: "fr" in "fr-CA". */
static size_t primary_len(const char *tag)
{
    size_t n = strcspn(tag, "-_");
    return n;
}

static const hrc_variant *find_lang(const hrc_text *text, const char *lang)
{
    if (!lang || !*lang)
        return NULL;
    for (size_t i = 0; i < text->n_variants; i++)
        if (strcasecmp(text->variants[i].lang, lang) == 0)
            return &text->variants[i];
    size_t n = primary_len(lang);
    for (size_t i = 0; i < text->n_variants; i++) {
        const char *v = text->variants[i].lang;
        if (primary_len(v) == n && strncasecmp(v, lang, n) == 0)
            return &text->variants[i];
    }
    return NULL;
}

const hrc_variant *hrc_text_pick(const hrc_text *text, const char *lang,
                                 const char *default_lang)
{
    if (!text || text->n_variants == 0)
        return NULL;
    const hrc_variant *v = find_lang(text, lang);
    if (!v)
        v = find_lang(text, default_lang);
    return v ? v : &text->variants[0];
}

const char *hrc_text_plain(const hrc_text *text, const char *lang,
                           const char *default_lang)
{
    const hrc_variant *v = hrc_text_pick(text, lang, default_lang);
    return v ? v->plain : "";
}

bool hrc_text_is_empty(const hrc_text *text)
{
    return !text || text->n_variants == 0;
}

static const char *const gov_kind_names[HRC_GOV_COUNT] = {
    [HRC_GOV_CITY] = "city",           [HRC_GOV_REGION] = "region",
    [HRC_GOV_PROVINCE] = "province",   [HRC_GOV_DISTRICT] = "district",
    [HRC_GOV_METROPOLIS] = "metropolis", [HRC_GOV_OTHER] = "other",
};

static const char *const theme_names[HRC_THEME_COUNT] = {
    [HRC_THEME_ACCESSIBILITY] = "accessibility",
    [HRC_THEME_ANTI_DISCRIMINATION] = "anti-discrimination",
    [HRC_THEME_ANTI_RACISM] = "anti-racism",
    [HRC_THEME_CLIMATE_ENVIRONMENT] = "climate-environment",
    [HRC_THEME_CULTURE] = "culture",
    [HRC_THEME_PARTICIPATORY_DEMOCRACY] = "participatory-democracy",
    [HRC_THEME_RIGHT_TO_FOOD] = "right-to-food",
    [HRC_THEME_RIGHT_TO_EDUCATION] = "right-to-education",
    [HRC_THEME_WOMENS_RIGHTS] = "womens-rights",
    [HRC_THEME_HUMAN_RIGHTS_EDUCATION] = "human-rights-education",
    [HRC_THEME_EQUALITY_POVERTY] = "equality-poverty",
    [HRC_THEME_INCLUSION_MARGINALISED] = "inclusion-marginalised",
    [HRC_THEME_YOUTH_CHILDREN] = "youth-children",
    [HRC_THEME_HOUSING] = "housing",
    [HRC_THEME_MEMORY_PEACE_SECURITY] = "memory-peace-security",
    [HRC_THEME_ACCOUNTABILITY_TRANSPARENCY] = "accountability-transparency",
    [HRC_THEME_PUBLIC_HEALTH] = "public-health",
    [HRC_THEME_BASIC_SERVICES] = "basic-services",
};

const char *hrc_gov_kind_name(hrc_gov_kind kind)
{
    return (unsigned)kind < HRC_GOV_COUNT ? gov_kind_names[kind] : "other";
}

const char *hrc_theme_name(hrc_theme theme)
{
    return (unsigned)theme < HRC_THEME_COUNT ? theme_names[theme] : "";
}

bool hrc_gov_kind_parse(const char *name, hrc_gov_kind *out)
{
    for (int i = 0; i < HRC_GOV_COUNT; i++)
        if (name && strcmp(name, gov_kind_names[i]) == 0) {
            *out = (hrc_gov_kind)i;
            return true;
        }
    return false;
}

bool hrc_theme_parse(const char *name, hrc_theme *out)
{
    for (int i = 0; i < HRC_THEME_COUNT; i++)
        if (name && strcmp(name, theme_names[i]) == 0) {
            *out = (hrc_theme)i;
            return true;
        }
    return false;
}

void hrc_module_free(hrc_module *module)
{
    if (module)
        hrc_arena_free(module->arena); /* the module lives in its arena */
}

const char *hrc_item_id(const hrc_item *item)
{
    switch (item->kind) {
    case HRC_ITEM_PAGE: return item->u.page->id;
    case HRC_ITEM_TIMELINE: return item->u.timeline->id;
    case HRC_ITEM_CASE: return item->u.case_study->id;
    case HRC_ITEM_QUIZ: return item->u.quiz->id;
    }
    return "";
}

const hrc_text *hrc_item_title(const hrc_item *item)
{
    switch (item->kind) {
    case HRC_ITEM_PAGE: return &item->u.page->title;
    case HRC_ITEM_TIMELINE: return &item->u.timeline->title;
    case HRC_ITEM_CASE: return &item->u.case_study->title;
    case HRC_ITEM_QUIZ: return &item->u.quiz->title;
    }
    return NULL;
}

const hrc_case *hrc_module_find_case(const hrc_module *m, const char *id)
{
    for (size_t i = 0; i < m->n_items; i++)
        if (m->items[i].kind == HRC_ITEM_CASE &&
            strcmp(m->items[i].u.case_study->id, id) == 0)
            return m->items[i].u.case_study;
    return NULL;
}

static bool item_contains(const hrc_item *item, const char *id)
{
    if (strcmp(hrc_item_id(item), id) == 0)
        return true;
    if (item->kind == HRC_ITEM_TIMELINE) {
        const hrc_timeline *t = item->u.timeline;
        for (size_t e = 0; e < t->n_eras; e++) {
            if (strcmp(t->eras[e].id, id) == 0)
                return true;
            for (size_t v = 0; v < t->eras[e].n_events; v++)
                if (strcmp(t->eras[e].events[v].id, id) == 0)
                    return true;
        }
    } else if (item->kind == HRC_ITEM_QUIZ) {
        const hrc_quiz *q = item->u.quiz;
        for (size_t i = 0; i < q->n_questions; i++)
            if (strcmp(q->questions[i].id, id) == 0)
                return true;
    }
    return false;
}

long hrc_module_find_item(const hrc_module *m, const char *id)
{
    for (size_t i = 0; i < m->n_items; i++)
        if (item_contains(&m->items[i], id))
            return (long)i;
    return -1;
}

void hrc_course_free(hrc_course *course)
{
    if (!course)
        return;
    for (size_t i = 0; i < course->n_modules; i++)
        hrc_module_free(course->modules[i]);
    free(course->modules);
    free(course->dir);
    free(course);
}
