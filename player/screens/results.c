/* Placeholder, replaced shortly. */
#include "screens/ui.h"

static void draw_results(ui *u)
{
    ui_plain(u, _("Not available yet"), 0, u->px, u->pal->text);
}

const screen_ops screen_results = {.draw = draw_results};
