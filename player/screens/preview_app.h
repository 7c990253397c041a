/*
 * preview_app.h: the author preview's reload, with no display: loads the
 * course again (io/preview.h) and gives the app a fresh course at the same
 * place. The SDL preview window (sdl/watch.c) and the tests both use it.
 */
#ifndef HRC_SCREENS_PREVIEW_APP_H
#define HRC_SCREENS_PREVIEW_APP_H

#include "io/preview.h"
#include "screens/app.h"

/*
 * Where a preview opens when nothing better is known: `start_id` when the
 * course has it, else the first module's contents. Makes `cfg` (a copy of
 * the base configuration) ready for hrc_app_new().
 */
void hrc_preview_app_config(const hrc_preview *p, const hrc_app_config *base,
                            const char *start_id, hrc_app_config *cfg);

/*
 * Loads the course again. When it loads, *app (which may be NULL) is
 * freed and replaced by an app for the new course, showing the same
 * question, event, item or module as before (found by id), else that
 * module, else start_id, else the first module; then the old course is
 * freed. When it does not, *app is left alone (it still shows the last
 * good course) and p->broken is set.
 * Returns what hrc_preview_reload() returned (0 loaded, 1 broken, -1 out
 * of memory, the old app kept).
 */
int hrc_preview_reload_app(hrc_preview *p, const hrc_app_config *base,
                           const char *start_id, hrc_app **app);

#endif
