/*
 * A lesson page: its blocks in a scroll view, and the bar every item shares:
 * Previous, "Part n of N", Next. Left and Right turn pages, and so do
 * Page Down at the end of a page and Page Up at its top.
 */
#include "screens/icons.h"
#include "screens/ui.h"

#include <stdio.h>

enum { ACT_ALT = ACT_SCREEN };

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

void screen_item_header(ui *u)
{
    const hrc_nav_loc *loc = hrc_nav_top(&u->app->nav);
    const hrc_module *m = ui_module(u->app, loc->module);
    if (!m || loc->item < 0 || (size_t)loc->item >= m->n_items)
        return;
    const hrc_item *it = &m->items[loc->item];
    char line[128];
    /* TRANSLATORS: "Part 3 of 8 · Lesson": the place of this part in its
     * module, then its kind. */
    snprintf(line, sizeof line, _("Part %d of %zu \xc2\xb7 %s"), loc->item + 1, m->n_items,
             screen_item_kind_name(it->kind));
    int iw = ui_icon(u, screen_item_kind_icon(it->kind), u->x, u->y, u->small_px * 5 / 4,
                     u->pal->muted);
    u->x += iw + u->pad / 3;
    u->w -= iw + u->pad / 3;
    ui_plain(u, line, HRC_FONT_BOLD, u->small_px, u->pal->muted);
    u->x -= iw + u->pad / 3;
    u->w += iw + u->pad / 3;
    ui_gap(u, u->pad / 4);
}

void screen_item_bar(ui *u)
{
    hrc_app *app = u->app;
    const hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    const hrc_module *m = ui_module(app, loc->module);
    if (!m)
        return;
    if (loc->item > 0)
        ui_bar_add(u, false, ICON_PREV, _("Previous"), ACT_ITEM_PREV, loc->item - 1,
                   BTN_QUIET);
    char status[64];
    /* TRANSLATORS: the place of this part in its module. */
    snprintf(status, sizeof status, _("Part %d of %zu"), loc->item + 1, m->n_items);
    ui_bar_status(u, status, false);
    if ((size_t)loc->item + 1 < m->n_items)
        ui_bar_main(u, ICON_NEXT, _("Next"), ACT_ITEM_NEXT, loc->item + 1);
    else if (session_module_complete(app, loc->module))
        ui_bar_main(u, ICON_TROPHY, _("Finish the module"), ACT_FINISH, 0);
    else
        ui_bar_main(u, ICON_LESSON, _("Back to contents"), ACT_BACK, 0);
}

unsigned screen_go_sideways(hrc_app *app, int item)
{
    app_go_item(app, hrc_nav_top(&app->nav)->module, item, true);
    return HRC_APP_REDRAW;
}

unsigned screen_item_activate(hrc_app *app, int action, int arg)
{
    const hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    switch (action) {
    case ACT_ITEM_PREV:
    case ACT_ITEM_NEXT:
        return screen_go_sideways(app, arg);
    case ACT_FINISH:
        app_replace(app, hrc_nav_location(HRC_SCREEN_COMPLETE, loc->module, -1));
        return HRC_APP_REDRAW;
    default:
        return 0;
    }
}

unsigned screen_turn_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    const hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    const hrc_module *m = ui_module(app, loc->module);
    *handled = false;
    if (!m)
        return 0;
    int max_scroll = app->content_h - app->view.h > 0 ? app->content_h - app->view.h : 0;
    bool back = in->kind == HRC_IN_LEFT || (in->kind == HRC_IN_PAGE_UP && loc->scroll <= 0);
    bool on = in->kind == HRC_IN_RIGHT ||
              (in->kind == HRC_IN_PAGE_DOWN && loc->scroll >= max_scroll);
    if (back && loc->item > 0) {
        *handled = true;
        return screen_go_sideways(app, loc->item - 1);
    }
    if (on && (size_t)loc->item + 1 < m->n_items) {
        *handled = true;
        return screen_go_sideways(app, loc->item + 1);
    }
    if (on && session_module_complete(app, loc->module)) {
        *handled = true;
        return screen_item_activate(app, ACT_FINISH, 0);
    }
    return 0;
}

static void page_draw(ui *u)
{
    const hrc_item *it = screen_item(u->app, HRC_ITEM_PAGE);
    if (!it)
        return;
    const hrc_page *pg = it->u.page;
    screen_item_header(u);
    ui_text(u, &pg->title, HRC_FONT_BOLD, u->h1_px, u->pal->text);
    ui_gap(u, u->pad);
    page_state *ps = screen_state(u->app);
    ui_blocks(u, pg->blocks, pg->n_blocks, ACT_ALT, ps ? &ps->alts : NULL);
}

static unsigned page_activate(hrc_app *app, int action, int arg)
{
    const hrc_item *it = screen_item(app, HRC_ITEM_PAGE);
    if (!it)
        return 0;
    page_state *ps = screen_state(app);
    if (action == ACT_ALT && ps && arg >= 0 && (size_t)arg < it->u.page->n_blocks)
        ui_alt_toggle(&ps->alts, &it->u.page->blocks[arg].image);
    else
        return screen_item_activate(app, action, arg) | HRC_APP_REDRAW;
    return HRC_APP_REDRAW;
}

static unsigned page_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    return screen_turn_key(app, in, handled);
}

const screen_ops screen_page = {.state_size = sizeof(page_state), .draw = page_draw,
                                .activate = page_activate, .key = page_key,
                                .bar = screen_item_bar};
