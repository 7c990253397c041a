/* Reloading the author preview at the same place. See preview_app.h. */
#include "screens/preview_app.h"

#include "core/locate.h"
#include "screens/goto.h"

#include <stdio.h>

enum { ID_MAX = 256 };

static const char *first_module_id(const hrc_course *c)
{
    return c && c->n_modules && c->modules[0] ? c->modules[0]->id : NULL;
}

void hrc_preview_app_config(const hrc_preview *p, const hrc_app_config *base,
                            const char *start_id, hrc_app_config *cfg)
{
    *cfg = *base;
    cfg->course = p->course;
    cfg->preview = true;
    cfg->progress = NULL; /* a preview never records */
    hrc_found f;
    cfg->start_id = start_id && hrc_course_find_id(p->course, start_id, &f)
                        ? start_id
                        : first_module_id(p->course);
}

int hrc_preview_reload_app(hrc_preview *p, const hrc_app_config *base,
                           const char *start_id, hrc_app **app)
{
    /* The ids are copied now: they live in the course about to go. */
    char id[ID_MAX] = "", module_id[ID_MAX] = "";
    const hrc_module *m = NULL;
    const char *shown = *app ? hrc_app_current_id(*app, &m, NULL) : NULL;
    snprintf(id, sizeof id, "%s", shown ? shown : "");
    snprintf(module_id, sizeof module_id, "%s", m ? m->id : "");

    hrc_course *retired = NULL;
    int rc = hrc_preview_reload(p, &retired);
    if (rc != 0)
        return rc;
    hrc_app_config cfg;
    hrc_preview_app_config(p, base, start_id, &cfg);
    cfg.start_id = NULL;
    if (*app)
        cfg.lang = hrc_app_lang(*app); /* the author's language choice stays */
    hrc_app *fresh = hrc_app_new(&cfg);
    if (!fresh) {
        hrc_course_free(p->course); /* back to the course the old app shows */
        p->course = retired;
        return -1;
    }
    const char *places[] = {id, module_id, start_id, first_module_id(p->course)};
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++)
        if (places[i] && places[i][0] && hrc_app_goto(fresh, places[i]) == 0)
            break;
    hrc_app_free(*app);
    hrc_course_free(retired);
    *app = fresh;
    return 0;
}
