/* Finding ids in a course. See locate.h. */
#include "core/locate.h"

#include <string.h>

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Looks inside a timeline or quiz for an era, event or question. */
static bool find_child(const hrc_item *it, const char *id, hrc_found *out)
{
    if (it->kind == HRC_ITEM_TIMELINE) {
        const hrc_timeline *tl = it->u.timeline;
        int flat = 0;
        for (size_t e = 0; e < tl->n_eras; e++) {
            const hrc_era *era = &tl->eras[e];
            if (same(era->id, id)) {
                out->pos = era->pos;
                return true;
            }
            for (size_t v = 0; v < era->n_events; v++, flat++)
                if (same(era->events[v].id, id)) {
                    out->child = flat;
                    out->pos = era->events[v].pos;
                    return true;
                }
        }
    } else if (it->kind == HRC_ITEM_QUIZ) {
        const hrc_quiz *q = it->u.quiz;
        for (size_t i = 0; i < q->n_questions; i++)
            if (same(q->questions[i].id, id)) {
                out->child = (int)i;
                out->pos = q->questions[i].pos;
                return true;
            }
    }
    return false;
}

static hrc_srcpos item_pos(const hrc_item *it)
{
    switch (it->kind) {
    case HRC_ITEM_PAGE: return it->u.page->pos;
    case HRC_ITEM_TIMELINE: return it->u.timeline->pos;
    case HRC_ITEM_CASE: return it->u.case_study->pos;
    case HRC_ITEM_QUIZ: return it->u.quiz->pos;
    }
    return (hrc_srcpos){0, 0};
}

bool hrc_course_find_id(const hrc_course *course, const char *id, hrc_found *out)
{
    if (!course || !id || !*id)
        return false;
    for (size_t m = 0; m < course->n_modules; m++) {
        const hrc_module *mod = course->modules[m];
        if (!mod)
            continue;
        *out = (hrc_found){.module = (int)m, .item = -1, .child = -1, .pos = mod->pos};
        if (same(mod->id, id))
            return true;
        for (size_t i = 0; i < mod->n_items; i++) {
            const hrc_item *it = &mod->items[i];
            out->item = (int)i;
            out->pos = item_pos(it);
            if (same(hrc_item_id(it), id) || find_child(it, id, out))
                return true;
        }
    }
    return false;
}

const hrc_event *hrc_timeline_event_at(const hrc_timeline *tl, int flat)
{
    for (size_t e = 0; tl && flat >= 0 && e < tl->n_eras; e++) {
        if ((size_t)flat < tl->eras[e].n_events)
            return &tl->eras[e].events[flat];
        flat -= (int)tl->eras[e].n_events;
    }
    return NULL;
}
