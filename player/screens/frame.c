/* The app's frames: the top bar and the module's progress strip, the
 * screen's content in the scroll view, the bottom bar, drag feedback and
 * the scroll indicator; the scroll that keeps the focus (or what a screen
 * marked) in view. See app.h; input is dispatched in app.c. */
#include "screens/ui.h"

#include "screens/icons.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- Frames ---------------------------------------------------------------- */

/* The module the screen belongs to, for the top bar's progress; -1 none. */
static int module_shown(const hrc_app *app)
{
    const hrc_nav_loc *loc = hrc_nav_top_const(&app->nav);
    switch (loc->screen) {
    case HRC_SCREEN_MODULE:
    case HRC_SCREEN_PAGE:
    case HRC_SCREEN_TIMELINE:
    case HRC_SCREEN_CASE:
    case HRC_SCREEN_QUIZ:
    case HRC_SCREEN_RESULTS:
    case HRC_SCREEN_COMPLETE:
        return ui_module(app, loc->module) ? loc->module : -1;
    default:
        return -1;
    }
}

/* Back, Home on the left; the place in the middle; Settings, Sign out or
 * Quit on the right. Under it, inside a module, the module's progress. */
static void top_bar(ui *u)
{
    hrc_app *app = u->app;
    const hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    bool signed_in = app->signed_in;
    bool free_to_go = !app->store_choice_pending; /* no way around that choice */
    ui_bar_clear(u);
    if (free_to_go && app->nav.depth > 1)
        ui_bar_add(u, false, ICON_BACK, _("Back"), ACT_BACK, 0, BTN_QUIET);
    if (signed_in && loc->screen != HRC_SCREEN_HOME)
        ui_bar_add(u, false, ICON_HOME, _("Home"), ACT_HOME, 0, BTN_QUIET);
    if (free_to_go && loc->screen != HRC_SCREEN_SETTINGS)
        ui_bar_add(u, true, ICON_SETTINGS, _("Settings"), ACT_SETTINGS, 0, BTN_QUIET);
    if (signed_in && loc->screen == HRC_SCREEN_HOME)
        ui_bar_add(u, true, ICON_SIGN_OUT, _("Sign out"), ACT_SIGN_OUT, 0, BTN_QUIET);
    if (!app->kiosk && !app->cfg.preview)
        ui_bar_add(u, true, ICON_QUIT, _("Quit"), ACT_QUIT, 0, BTN_QUIET);
    int module = module_shown(app);
    if (app->cfg.preview)
        ui_bar_status(u, _("Preview: nothing is recorded"), true);
    else if (app->cfg.store_unavailable && !app->store_choice_pending)
        ui_bar_status(u, _("Progress is not being saved on this computer."), true);
    else if (module >= 0)
        ui_bar_title(u, ui_pick(app, ui_module(app, module), &ui_module(app, module)->title));
    int bar_h = ui_bar_height(u, u->W);
    ui_bar_draw(u, (hrc_rect){0, 0, u->W, bar_h}, u->pal->surface);
    ui_bar_clear(u);
    hrc_draw_rect(u->list, (hrc_rect){0, bar_h - 1, u->W, 1}, u->pal->border, 0);
    int strip = 0;
    if (module >= 0) {
        int done, total;
        session_counts(app, module, &done, &total);
        strip = u->pad / 3 > 4 ? u->pad / 3 : 4;
        bool saved = u->in_scroll;
        u->in_scroll = false;
        hrc_draw_rect(u->list, (hrc_rect){0, bar_h, u->W, strip}, u->pal->track, 0);
        if (total > 0 && done > 0)
            hrc_draw_rect(u->list, (hrc_rect){0, bar_h, (int)((long long)u->W * done / total),
                                              strip}, u->pal->accent, 0);
        u->in_scroll = saved;
    }
    u->view = (hrc_rect){0, bar_h + strip, u->W,
                         u->H - bar_h - strip > 0 ? u->H - bar_h - strip : 0};
}

/* While something is dragged, a copy of it follows the pointer and the
 * place it would be dropped on is marked. */
static void drag_feedback(ui *u, const screen_ops *ops)
{
    hrc_app *app = u->app;
    const ui_pointer *ptr = &app->ptr;
    if (!ptr->dragging || ptr->pressed < 0 || ptr->pressed >= app->n_targets)
        return;
    const ui_target *from = &app->targets[ptr->pressed];
    if (!from->draggable || from->rect.w <= 0)
        return;
    int t = u->ring;
    for (int i = 0; i < app->n_targets; i++) {
        const ui_target *to = &app->targets[i];
        if (i == ptr->pressed || !hrc_rect_has_point(to->rect, ptr->last_x, ptr->last_y) ||
            !ops->accepts || !ops->accepts(app, from->action, to))
            continue;
        hrc_rect r = {to->rect.x - 2 * t, to->rect.y - 2 * t, to->rect.w + 4 * t,
                      to->rect.h + 4 * t};
        hrc_draw_frame(u->list, r, u->pal->picked_border, 2 * t);
        break;
    }
    /* The carried item: its face and label, where the pointer took it. */
    hrc_rect g = {from->rect.x + ptr->last_x - ptr->press_x,
                  from->rect.y + ptr->last_y - ptr->press_y, from->rect.w, from->rect.h};
    hrc_draw_rect(u->list, (hrc_rect){g.x + t, g.y + t, g.w, g.h}, u->pal->overlay, u->pad / 3);
    hrc_draw_rect(u->list, g, u->pal->picked, u->pad / 3);
    hrc_draw_frame(u->list, g, u->pal->picked_border, t);
    const char *label = NULL;
    for (size_t k = 0; k < u->list->n_targets; k++)
        if (hrc_rect_contains(from->rect, u->list->targets[k].rect) &&
            hrc_rect_contains(u->list->targets[k].rect, from->rect))
            label = u->list->targets[k].label;
    if (label) {
        hrc_rect box = {g.x + u->pad, g.y, g.w - 2 * u->pad, g.h};
        bool saved = u->in_scroll;
        u->in_scroll = false;
        int th = ui_text_height(u, label, 0, u->px, box.w);
        box.y += (g.h - th) / 2;
        box.h = th;
        if (ui_fixed_text(u, label, 0, u->px, u->pal->text, box) < 0)
            ui_fixed_text(u, label, 0, u->small_px, u->pal->text, box);
        u->in_scroll = saved;
    }
}

/* A thin bar at the right edge of the scroll view says how much more there
 * is, and where the view stands in it. */
static void scroll_indicator(ui *u, int content_h, int scroll)
{
    if (content_h <= u->view.h || u->view.h <= 0)
        return;
    int w = u->pad / 3 > 4 ? u->pad / 3 : 4;
    hrc_rect track = {u->view.x + u->view.w - w - 2, u->view.y + 2, w, u->view.h - 4};
    int thumb_h = (int)((long long)track.h * u->view.h / content_h);
    if (thumb_h < u->min_target / 2)
        thumb_h = u->min_target / 2;
    int range = content_h - u->view.h;
    int thumb_y = track.y + (int)((long long)(track.h - thumb_h) * scroll / range);
    hrc_draw_rect(u->list, track, u->pal->track, w / 2);
    hrc_draw_rect(u->list, (hrc_rect){track.x, thumb_y, w, thumb_h}, u->pal->muted, w / 2);
}

static void setup_ui(ui *u, hrc_app *app, hrc_draw_list *list)
{
    memset(u, 0, sizeof *u);
    u->app = app;
    u->m = &app->metrics;
    u->list = list;
    u->pal = hrc_palette_get(app->high_contrast);
    u->W = app->width > 0 ? app->width : 1;
    u->H = app->height > 0 ? app->height : 1;
    /* Everything scales with the output's short side (1.0 at 1080 pixels),
     * and never below what reads well at the screen's density: text of 15
     * pixels at 96 dpi, about 4 mm tall, on a small 150-dpi touch screen
     * too (dpi is pixels per 1/96 inch; 1 when unknown). */
    double short_side = u->W < u->H ? u->W : u->H;
    double s = short_side / 1080.0;
    double dpi = app->dpi > 0.25f ? app->dpi : 1.0;
    double legible = 0.75 * dpi;
    s = s < legible ? legible : s;
    s = s < 0.75 ? 0.75 : s > 4.0 ? 4.0 : s;
    u->scale = (float)s;
    double text = app->text_percent / 100.0;
    u->px = (int)lround(20 * u->scale * text);
    u->small_px = (int)lround(17 * u->scale * text);
    u->h2_px = (int)lround(25 * u->scale * text);
    u->h1_px = (int)lround(30 * u->scale * text);
    u->pad = (int)lround(16 * u->scale);
    /* A finger needs 44 pixels at 96 dpi (WCAG 2.5.5, about 12 mm) whatever
     * the window's size: on a small window targets keep that size while
     * text scales down. */
    double finger = 44 * dpi;
    u->min_target = (int)ceil(44 * u->scale > finger ? 44 * u->scale : finger);
    u->ring = (int)lround(3 * u->scale) > 2 ? (int)lround(3 * u->scale) : 2;
    hrc_layout_init(&u->lay);
}

static void build_frame(hrc_app *app, hrc_draw_list *list)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    for (int pass = 0; pass < 3; pass++) {
        hrc_draw_list_clear(list);
        spoken_frame_begin(app, list);
        app->n_targets = 0;
        app->dropped_runs = 0;
        ui u;
        setup_ui(&u, app, list);
        u.focus = app->idle.prompt ? -1 : loc->focus;
        hrc_draw_rect(list, (hrc_rect){0, 0, u.W, u.H}, u.pal->background, 0);
        const screen_ops *ops = app_current_ops(app);
        if (ops->no_top_bar)
            u.view = (hrc_rect){0, 0, u.W, u.H};
        else
            top_bar(&u);
        /* The bottom bar is laid out first, for the room it leaves, and
         * drawn last, so that its buttons come after the content's in the
         * focus order. */
        ui_bar_clear(&u);
        if (ops->bar && !app->idle.prompt)
            ops->bar(&u);
        int bottom_h = ui_bar_height(&u, u.W);
        if (bottom_h > u.view.h / 2)
            bottom_h = u.view.h / 2;
        u.view.h -= bottom_h;
        /* The content column: centred, at most about 70 characters wide. */
        int col = u.W - 2 * u.pad;
        u.content_w = u.px * 36;
        if (col > u.content_w)
            col = u.content_w;
        u.x = (u.W - col) / 2;
        u.w = col > 1 ? col : 1;
        u.y = u.pad;
        u.in_scroll = true;
        u.scroll = loc->scroll;
        u.main_target = -1;
        hrc_draw_clip(list, u.view);
        if (loc->screen == HRC_SCREEN_SIGNIN && !app->store_choice_pending) {
            store_notice_draw(&u);
            spoken_signin_hint(&u);
        }
        /* The bar's queue is the screen's until drawn: keep it aside. */
        ui_bar_item bar[UI_BAR_MAX];
        int n_bar = u.n_bar;
        char status[sizeof u.bar_status];
        bool alert = u.bar_status_alert;
        memcpy(bar, u.bar, sizeof bar);
        memcpy(status, u.bar_status, sizeof status);
        ops->draw(&u);
        ui_flow_end(&u);
        hrc_draw_clip(list, (hrc_rect){0, 0, 0, 0});
        app->view = u.view;
        app->content_h = u.y + u.pad;
        app->line_px = u.lay.line_height > 0 ? u.lay.line_height : u.px;
        int shown_scroll = loc->scroll < 0 ? 0 : loc->scroll;
        scroll_indicator(&u, app->content_h, shown_scroll);
        if (bottom_h > 0) {
            memcpy(u.bar, bar, sizeof bar);
            u.n_bar = n_bar;
            memcpy(u.bar_status, status, sizeof status);
            u.bar_status_alert = alert;
            hrc_rect area = {0, u.view.y + u.view.h, u.W, bottom_h};
            ui_bar_draw(&u, area, u.pal->surface);
            hrc_draw_rect(list, (hrc_rect){0, area.y, u.W, 1}, u.pal->border, 0);
        }
        app->main_target = u.main_target;
        drag_feedback(&u, ops);
        /* Keyboard users start on the screen's main action. */
        if (loc->focus == HRC_NAV_FOCUS_MAIN || loc->focus == HRC_NAV_FOCUS_MAIN_ALWAYS) {
            bool want = app->keyboard || loc->focus == HRC_NAV_FOCUS_MAIN_ALWAYS;
            loc->focus = want && u.main_target >= 0 ? u.main_target : -1;
            if (loc->focus >= 0) {
                app->reveal_focus = true;
                hrc_layout_free(&u.lay);
                continue;
            }
        }
        if (app->idle.prompt) {
            app->n_targets = 0;
            list->n_targets = 0;
            idle_draw(&u);
        }
        /* Back to an earlier sign-in's reading place, now that the length
         * is known; the pass below keeps it within the content. */
        if (app->resume_permille >= 0) {
            int want = (int)((long long)app->resume_permille * app->content_h / 1000);
            app->resume_permille = -1;
            if (want != loc->scroll) {
                loc->scroll = want;
                hrc_layout_free(&u.lay);
                continue;
            }
        }
        int max_scroll = app->content_h - u.view.h > 0 ? app->content_h - u.view.h : 0;
        int scroll = loc->scroll < 0 ? 0 : loc->scroll > max_scroll ? max_scroll : loc->scroll;
        if (app->reveal_focus && u.focus_seen && u.focus_scrolled) {
            int top = u.focus_content.y - u.pad, bottom = u.focus_content.y +
                                                         u.focus_content.h + u.pad;
            /* Below what stays at the top of the view (a table's header). */
            if (top < scroll + u.covered_top)
                scroll = top - u.covered_top;
            else if (bottom > scroll + u.view.h)
                scroll = bottom - u.view.h;
            if (scroll > max_scroll)
                scroll = max_scroll;
            if (scroll < 0)
                scroll = 0;
        }
        if (app->reveal_marked && u.reveal_set) {
            /* What the screen marked (the feedback after a check): its
             * bottom in view, its top never above the view's. */
            int top = u.reveal.y - u.pad, bottom = u.reveal.y + u.reveal.h + u.pad;
            if (bottom > scroll + u.view.h)
                scroll = bottom - u.view.h;
            if (top < scroll)
                scroll = top;
            if (scroll > max_scroll)
                scroll = max_scroll;
            if (scroll < 0)
                scroll = 0;
        }
        hrc_layout_free(&u.lay);
        if (scroll == loc->scroll)
            break;
        loc->scroll = scroll;
    }
    app->reveal_focus = false;
    app->reveal_marked = false;
    app->stale = false;
    if (loc->screen == HRC_SCREEN_PAGE || loc->screen == HRC_SCREEN_CASE ||
        loc->screen == HRC_SCREEN_TIMELINE)
        session_keep_scroll(app, loc->module, loc->item, loc->scroll, app->content_h);
}

void hrc_app_draw(hrc_app *app, const hrc_text_metrics *metrics, int width,
                  int height, float dpi_scale, hrc_draw_list *list)
{
    if (!app || !metrics || !list)
        return;
    app->metrics = *metrics;
    app->have_metrics = metrics->width && metrics->line_height;
    if (!app->have_metrics)
        return;
    app->width = width;
    app->height = height;
    app->dpi = dpi_scale;
    build_frame(app, list);
    spoken_frame_end(app, list);
}

void app_refresh_targets(hrc_app *app)
{
    if (app->stale && app->have_metrics)
        build_frame(app, &app->scratch);
}
