/*
 * problems.h: the author preview's error view. While the course does not
 * load, the preview window shows its problems instead of the content:
 * file, line and column, the message, and the source line with a mark
 * under the column. Draws into a draw list like every screen; no SDL.
 */
#ifndef HRC_SCREENS_PROBLEMS_H
#define HRC_SCREENS_PROBLEMS_H

#include "core/diag.h"
#include "core/draw.h"

/*
 * Draws as many problems as fit in width x height, then says how many
 * more there are. source_lines (may be NULL) holds one entry per problem,
 * the line it points at or NULL. `title` is the first line on the screen
 * and the largest text (what screen traces report).
 */
void hrc_problems_draw(const hrc_diags *diags, char *const *source_lines,
                       const hrc_text_metrics *metrics, int width, int height,
                       float dpi_scale, bool high_contrast, hrc_draw_list *list);

#endif
