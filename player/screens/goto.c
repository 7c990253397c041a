/* Opening screens by id, and naming what is shown. See goto.h. */
#include "screens/goto.h"

#include "core/locate.h"
#include "screens/ui.h"


int hrc_app_goto(hrc_app *app, const char *id)
{
    hrc_found f;
    if (!app || !hrc_course_find_id(app->cfg.course, id, &f))
        return -1;
    if (!app->signed_in)
        app_sign_in(app, _("Guest"), 0, true);
    app_reset(app, hrc_nav_location(HRC_SCREEN_HOME, -1, -1));
    app_go(app, hrc_nav_location(HRC_SCREEN_MODULE, f.module, -1));
    app->stale = true;
    if (f.item < 0)
        return 0;
    app_go_item(app, f.module, f.item, false);
    const hrc_item *it = &app->cfg.course->modules[f.module]->items[f.item];
    hrc_quiz_attempt *a = session_attempt(app, f.module, f.item);
    if (f.child >= 0 && it->kind == HRC_ITEM_TIMELINE) {
        timeline_select(app, f.child);
    } else if (f.child >= 0 && it->kind == HRC_ITEM_QUIZ && a) {
        /* A pool that did not draw it shows it all the same. */
        hrc_quiz_show(a, &it->u.quiz->questions[f.child]);
    }
    return 0;
}

const char *hrc_app_current_id(const hrc_app *app, const hrc_module **module,
                               hrc_srcpos *pos)
{
    if (!app)
        return NULL;
    const hrc_nav_loc *loc = hrc_nav_top_const(&app->nav);
    if (loc->screen == HRC_SCREEN_PRESENT) { /* the question on the projector */
        const hrc_module *pm = NULL;
        const hrc_question *q = present_question(app, &pm);
        if (!q)
            return NULL;
        if (module)
            *module = pm;
        if (pos)
            *pos = q->pos;
        return q->id;
    }
    const hrc_module *m = ui_module(app, loc->module);
    if (!m)
        return NULL;
    const char *id = m->id;
    hrc_srcpos at = m->pos;
    bool item_screen = loc->screen == HRC_SCREEN_PAGE || loc->screen == HRC_SCREEN_TIMELINE ||
                       loc->screen == HRC_SCREEN_CASE || loc->screen == HRC_SCREEN_QUIZ ||
                       loc->screen == HRC_SCREEN_RESULTS;
    if (loc->screen != HRC_SCREEN_MODULE && !item_screen)
        return NULL;
    if (item_screen && loc->item >= 0 && (size_t)loc->item < m->n_items) {
        const hrc_item *it = &m->items[loc->item];
        id = hrc_item_id(it);
        hrc_found f;
        if (id && hrc_course_find_id(app->cfg.course, id, &f))
            at = f.pos;
        const hrc_quiz_attempt *a = session_attempt(app, loc->module, loc->item);
        if (it->kind == HRC_ITEM_TIMELINE) {
            const hrc_event *e = hrc_timeline_event_at(it->u.timeline, timeline_selected(app));
            if (e) {
                id = e->id;
                at = e->pos;
            }
        } else if (it->kind == HRC_ITEM_QUIZ && loc->screen == HRC_SCREEN_QUIZ && a &&
                   a->current < a->n_items) {
            const hrc_question *q = a->items[a->current].q;
            id = q->id;
            at = q->pos;
        }
    }
    if (module)
        *module = m;
    if (pos)
        *pos = at;
    return id;
}
