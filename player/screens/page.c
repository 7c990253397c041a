/* A lesson page: its blocks in a scroll view, then previous and next. */
#include "screens/ui.h"

#include <stdio.h>

enum { ACT_ALT = ACT_SCREEN, ACT_PREV_ITEM, ACT_NEXT_ITEM };

/* A page's own state: which image descriptions are open. */
typedef struct page_state {
    ui_alt_set alts;
} page_state;

const hrc_item *screen_item(const hrc_app *app, hrc_item_kind kind)
{
    const hrc_nav_loc *loc = hrc_nav_top_const(&app->nav);
    const hrc_module *m = ui_module(app, loc->module);
    if (!m || loc->item < 0 || (size_t)loc->item >= m->n_items ||
        m->items[loc->item].kind != kind)
        return NULL;
    return &m->items[loc->item];
}

/* Previous / Next in the module's reading order. */
void screen_prev_next(ui *u, int act_prev, int act_next)
{
    const hrc_nav_loc *loc = hrc_nav_top(&u->app->nav);
    const hrc_module *m = ui_module(u->app, loc->module);
    ui_gap(u, u->pad);
    if (loc->item > 0)
        ui_button(u, _("Previous"), act_prev, loc->item - 1, BTN_QUIET);
    if (m && (size_t)loc->item + 1 < m->n_items)
        ui_button(u, _("Next"), act_next, loc->item + 1, BTN_NORMAL);
    else
        ui_button(u, _("Back to contents"), ACT_BACK, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static void page_draw(ui *u)
{
    const hrc_item *it = screen_item(u->app, HRC_ITEM_PAGE);
    if (!it)
        return;
    const hrc_page *pg = it->u.page;
    ui_text(u, &pg->title, HRC_FONT_BOLD, u->h1_px, u->pal->text);
    ui_gap(u, u->pad);
    page_state *ps = screen_state(u->app);
    ui_blocks(u, pg->blocks, pg->n_blocks, ACT_ALT, ps ? &ps->alts : NULL);
    screen_prev_next(u, ACT_PREV_ITEM, ACT_NEXT_ITEM);
}

unsigned screen_go_sideways(hrc_app *app, int item)
{
    app_go_item(app, hrc_nav_top(&app->nav)->module, item, true);
    return HRC_APP_REDRAW;
}

static unsigned page_activate(hrc_app *app, int action, int arg)
{
    const hrc_item *it = screen_item(app, HRC_ITEM_PAGE);
    if (!it)
        return 0;
    page_state *ps = screen_state(app);
    if (action == ACT_ALT && ps && arg >= 0 && (size_t)arg < it->u.page->n_blocks)
        ui_alt_toggle(&ps->alts, &it->u.page->blocks[arg].image);
    else if (action == ACT_PREV_ITEM || action == ACT_NEXT_ITEM)
        return screen_go_sideways(app, arg);
    return HRC_APP_REDRAW;
}

const screen_ops screen_page = {.state_size = sizeof(page_state), .draw = page_draw,
                                .activate = page_activate};
