/* Noting rendered screens on the review sheet. See review_note.h. */
#include "sdl/review_note.h"

#include "screens/goto.h"
#include "sdl/trace.h"

#include <string.h>

int hrc_review_note(hrc_review *review, const char *png_path, const hrc_app *app,
                    const hrc_draw_list *list)
{
    const char *slash = strrchr(png_path, '/');
    const hrc_module *m = NULL;
    hrc_srcpos pos = {0, 0};
    const char *id = hrc_app_current_id(app, &m, &pos);
    return hrc_review_add(review, slash ? slash + 1 : png_path, hrc_trace_title(list),
                          m ? m->path : NULL, id, pos.line);
}
