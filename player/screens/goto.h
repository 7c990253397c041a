/*
 * goto.h: opening a screen by the id of what it shows, and telling which
 * id is shown. Used by --goto, by the author preview to come back to the
 * same place after a reload, and by review sheets.
 */
#ifndef HRC_SCREENS_GOTO_H
#define HRC_SCREENS_GOTO_H

#include "core/model.h"
#include "screens/app.h"

/*
 * Opens what `id` names (see hrc_course_find_id): a module's contents, a
 * page, a timeline (with an event selected), a case study, or a quiz at a
 * question. Signs in as a guest first when nobody is signed in, so that
 * Back leads to the module's contents and then home. Returns 0, or -1
 * when the course has no such id (the app is left as it was).
 */
int hrc_app_goto(hrc_app *app, const char *id);

/*
 * What is shown: the question, selected event, item or module id, the
 * module it belongs to and where it is written. Returns NULL (and leaves
 * the out pointers alone) on screens that show no part of a module
 * (sign-in, home, settings). Either out pointer may be NULL.
 */
const char *hrc_app_current_id(const hrc_app *app, const hrc_module **module,
                               hrc_srcpos *pos);

#endif
