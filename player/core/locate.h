/*
 * locate.h: finding what an id names in a course, for --goto, for keeping
 * the author's place across a reload, and for review sheets.
 *
 * Ids are looked up in module order; the first match wins (ids are unique
 * within a module; modules may reuse each other's).
 */
#ifndef HRC_LOCATE_H
#define HRC_LOCATE_H

#include "core/model.h"

#include <stdbool.h>

typedef struct hrc_found {
    int module;     /* index in the course */
    int item;       /* index in the module's items; -1: the module itself */
    int child;      /* timeline: flat event index (eras in order);
                       quiz: question index; -1: the item itself */
    hrc_srcpos pos; /* where the module, item, event or question is written */
} hrc_found;

/* Fills *out and returns true when `id` names a module, page, timeline,
 * era (found as its timeline), event, case study, quiz or question. */
bool hrc_course_find_id(const hrc_course *course, const char *id, hrc_found *out);

/* Event `flat` of a timeline, counting through the eras in order; NULL
 * when there is no such event. */
const hrc_event *hrc_timeline_event_at(const hrc_timeline *tl, int flat);

#endif
