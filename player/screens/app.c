/* The app: the screen stack and input dispatch. See app.h.
 * Frames are built in frame.c; what a learner does is recorded in
 * session.c. */
#include "screens/ui.h"

#include "screens/goto.h"
#include "screens/icons.h"
#include "screens/present.h"

#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const screen_ops *ops_for(hrc_screen s)
{
    switch (s) {
    case HRC_SCREEN_SIGNIN: return &screen_signin;
    case HRC_SCREEN_HOME: return &screen_home;
    case HRC_SCREEN_MODULE: return &screen_module;
    case HRC_SCREEN_PAGE: return &screen_page;
    case HRC_SCREEN_TIMELINE: return &screen_timeline;
    case HRC_SCREEN_CASE: return &screen_case;
    case HRC_SCREEN_QUIZ: return &screen_quiz;
    case HRC_SCREEN_RESULTS: return &screen_results;
    case HRC_SCREEN_SETTINGS: return &screen_settings;
    case HRC_SCREEN_FACILITATOR: return &screen_facilitator;
    case HRC_SCREEN_COMPLETE: return &screen_complete;
    case HRC_SCREEN_SETUP: return &screen_setup;
    case HRC_SCREEN_CLASS: return &screen_class;
    case HRC_SCREEN_LEARNER_ADMIN: return &screen_learner_admin;
    case HRC_SCREEN_GROUPS: return &screen_groups;
    case HRC_SCREEN_QUESTIONS: return &screen_questions;
    case HRC_SCREEN_PAPER: return &screen_paper;
    case HRC_SCREEN_CLASS_IMPORT: return &screen_class_import;
    case HRC_SCREEN_KIOSK_ADMIN: return &screen_kiosk_admin;
    case HRC_SCREEN_PRESENT: return &screen_present;
    case HRC_SCREEN_COUNT: break;
    }
    return &screen_home;
}

const screen_ops *app_current_ops(const hrc_app *app)
{
    if (app->store_choice_pending) /* the store failed: that comes first */
        return &screen_store_problem;
    return ops_for(hrc_nav_top_const(&app->nav)->screen);
}

/* ---- Screen states -------------------------------------------------------- */

void *screen_state(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->state;
}

/* The navigation stack's hook: an entry left the history. */
static void release_state(void *ctx, hrc_nav_loc *loc)
{
    hrc_app *app = ctx;
    if (!loc->state)
        return;
    const screen_ops *ops = ops_for(loc->screen);
    if (ops->fini)
        ops->fini(app, loc->state);
    free(loc->state);
}

/* Gives the entry just put on top its screen's fresh state. Out of memory,
 * the screen runs without one: every screen checks screen_state(). */
static void enter_top(hrc_app *app)
{
    hrc_nav_loc *top = hrc_nav_top(&app->nav);
    if (top->focus < 0)
        top->focus = HRC_NAV_FOCUS_MAIN;
    const screen_ops *ops = ops_for(top->screen);
    top->state = ops->state_size ? calloc(1, ops->state_size) : NULL;
    if (top->state && ops->init)
        ops->init(app, top->state);
    app->ptr.pressed = -1;
}

void app_go(hrc_app *app, hrc_nav_loc loc)
{
    loc.state = NULL;
    hrc_nav_push(&app->nav, loc);
    enter_top(app);
}

void app_replace(hrc_app *app, hrc_nav_loc loc)
{
    loc.state = NULL;
    hrc_nav_replace(&app->nav, loc);
    enter_top(app);
}

void app_reset(hrc_app *app, hrc_nav_loc root)
{
    root.state = NULL;
    hrc_nav_reset(&app->nav, root);
    enter_top(app);
}

/* ---- Navigation ------------------------------------------------------------ */

void app_go_item(hrc_app *app, int module, int item, bool sideways)
{
    const hrc_module *m = ui_module(app, module);
    if (!m || item < 0 || (size_t)item >= m->n_items)
        return;
    session_enter_module(app, module);
    hrc_nav_loc loc = hrc_nav_location(hrc_nav_screen_for(m->items[item].kind), module, item);
    app->notice[0] = '\0';
    if (m->items[item].kind == HRC_ITEM_QUIZ)
        session_open_quiz(app, module, item);
    /* Reading order moves sideways: Back returns to the contents. */
    if (sideways)
        app_replace(app, loc);
    else
        app_go(app, loc);
    if (m->items[item].kind != HRC_ITEM_QUIZ)
        session_view(app, module, item);
}

void app_resume_item(hrc_app *app, int module, int item)
{
    const module_state *s = session_module(app, module);
    if (!s || !ui_module(app, module) || item < 0 ||
        (size_t)item >= ui_module(app, module)->n_items)
        return;
    int scroll = s->scroll[item], place = s->place[item];
    app_go_item(app, module, item, false);
    hrc_nav_loc *top = hrc_nav_top(&app->nav);
    if (top->module != module || top->item != item)
        return;
    if (scroll > 0)
        top->scroll = scroll; /* left in this sign-in: the very pixel */
    else if (place > 0)
        app->resume_permille = place; /* an earlier one: once laid out (frame.c) */
}

bool app_facilitator_reachable(const hrc_app *app)
{
    /* Not before a kiosk's first start chose its PIN (setup.c), nor over
     * the trainer's own screens, even under Settings (the PIN again would
     * lock the store under them), nor in --present, whose store is only read. */
    for (size_t i = 0; i < app->nav.depth; i++)
        if (app->nav.stack[i].screen == HRC_SCREEN_FACILITATOR ||
            screen_is_trainer(app->nav.stack[i].screen))
            return false;
    return !app->store_choice_pending && !setup_needed(app) && !app->cfg.present;
}

void app_back(hrc_app *app)
{
    hrc_screen s = hrc_nav_top(&app->nav)->screen;
    if (s == HRC_SCREEN_MODULE)
        session_leave_module(app, HRC_END_NORMAL);
    if (hrc_nav_back(&app->nav)) {
        app->ptr.pressed = -1;
        app->notice[0] = '\0';
        return;
    }
    if (s == HRC_SCREEN_HOME && app->signed_in)
        return; /* home is the root while signed in: sign out is explicit */
    app->notice[0] = '\0';
}

/* ---- Life cycle ------------------------------------------------------------ */

static const hrc_host no_host; /* nothing offered: every function NULL */

hrc_app *hrc_app_new(const hrc_app_config *config)
{
    static const hrc_course empty_course = {0};
    hrc_app *app = calloc(1, sizeof *app);
    if (!app)
        return NULL;
    app->cfg = *config;
    app->resume_permille = -1;
    if (!app->cfg.course)
        app->cfg.course = &empty_course;
    app->host = config->host ? config->host : &no_host;
    app->nav.release = release_state;
    app->nav.release_ctx = app;
    if (session_init(&app->session, app->cfg.course) != 0) {
        hrc_app_free(app);
        return NULL;
    }
    app->kiosk = config->kiosk;
    app->store_choice_pending = config->store_unavailable;
    app->ptr.pressed = -1;
    app->stale = true;
    hrc_draw_list_init(&app->scratch);
    /* Sets the kiosk defaults and sign-in (a kiosk's first start: its
     * facilitator PIN before anything, setup.c). */
    app_sign_out(app, HRC_END_NORMAL);
    if (config->present) /* --present: presenter mode alone */
        presenter_start(app, config->present_group);
    else if (config->start_id && !setup_needed(app)) /* --goto (screens/goto.c) */
        hrc_app_goto(app, config->start_id);
    return app;
}

void hrc_app_free(hrc_app *app)
{
    if (!app)
        return;
    if (app->session.mods)
        session_stop(app, HRC_END_QUIT);
    hrc_nav_clear(&app->nav);
    session_fini(&app->session, app->cfg.course);
    free(app->learners);
    hrc_draw_list_free(&app->scratch);
    spoken_fini(&app->speech);
    free(app);
}

bool hrc_app_wants_text(const hrc_app *app)
{
    hrc_screen s = hrc_nav_top_const(&app->nav)->screen;
    if (app->store_choice_pending)
        return false;
    return (s == HRC_SCREEN_SIGNIN && signin_wants_text(app)) ||
           (s == HRC_SCREEN_FACILITATOR && facilitator_wants_text(app)) ||
           (s == HRC_SCREEN_SETTINGS && settings_wants_text(app)) ||
           (s == HRC_SCREEN_SETUP && setup_wants_text(app)) ||
           (s == HRC_SCREEN_QUIZ && quiz_wants_text(app)) ||
           (screen_is_trainer(s) && trainer_wants_text(app));
}

bool hrc_app_is_kiosk(const hrc_app *app)
{
    return app->kiosk;
}

const char *hrc_app_lang(const hrc_app *app)
{
    return app->lang;
}

/* ---- Input ----------------------------------------------------------------- */

static int hit(const hrc_app *app, int x, int y)
{
    for (int i = app->n_targets - 1; i >= 0; i--)
        if (app->targets[i].rect.w > 0 && hrc_rect_has_point(app->targets[i].rect, x, y))
            return i;
    return -1;
}

static unsigned activate(hrc_app *app, int action, int arg)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    switch (action) {
    case ACT_NONE:
    case ACT_SCROLL_AREA:
        return 0;
    case ACT_BACK:
        app_back(app);
        return HRC_APP_REDRAW;
    case ACT_SETTINGS:
        app_go(app, hrc_nav_location(HRC_SCREEN_SETTINGS, loc->module, loc->item));
        return HRC_APP_REDRAW;
    case ACT_HOME:
        if (app->signed_in) {
            session_leave_module(app, HRC_END_NORMAL);
            app_reset(app, hrc_nav_location(HRC_SCREEN_HOME, -1, -1));
        }
        return HRC_APP_REDRAW;
    case ACT_SIGN_OUT:
        app_sign_out(app, HRC_END_SIGN_OUT);
        return HRC_APP_REDRAW;
    case ACT_QUIT:
        return app->kiosk ? 0 : HRC_APP_QUIT;
    case ACT_SPEECH:
        return spoken_control_do(app, arg); /* spoken.c */
    default:
        break;
    }
    const screen_ops *ops = app_current_ops(app);
    return ops->activate ? ops->activate(app, action, arg) | HRC_APP_REDRAW : 0;
}

static void scroll_by(hrc_app *app, int dy)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    int max_scroll = app->content_h - app->view.h > 0 ? app->content_h - app->view.h : 0;
    long s = (long)loc->scroll + dy;
    loc->scroll = s < 0 ? 0 : s > max_scroll ? max_scroll : (int)s;
}

static unsigned move_focus(hrc_app *app, int step)
{
    app_refresh_targets(app);
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    if (loc->focus < 0 && app->main_target >= 0 && app->main_target < app->n_targets) {
        loc->focus = app->main_target; /* the first key lands on the main action */
    } else {
        /* Past what only takes pointer presses (ui_shield). */
        int f = loc->focus;
        for (int i = 0; i < app->n_targets; i++) {
            f = hrc_nav_focus_step(f, app->n_targets, step);
            if (f < 0 || f >= app->n_targets || app->targets[f].focusable)
                break;
        }
        loc->focus = f;
    }
    app->reveal_focus = true;
    return HRC_APP_REDRAW;
}

static unsigned default_key(hrc_app *app, const hrc_input *in)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    int before = loc->scroll;
    bool scrollable = app->content_h > app->view.h;
    int line = app->line_px > 0 ? app->line_px : 20;
    switch (in->kind) {
    case HRC_IN_UP:
    case HRC_IN_DOWN:
        if (!scrollable)
            return move_focus(app, in->kind == HRC_IN_DOWN ? 1 : -1);
        scroll_by(app, (in->kind == HRC_IN_DOWN ? 2 : -2) * line);
        break;
    case HRC_IN_LEFT:
    case HRC_IN_RIGHT:
        return move_focus(app, in->kind == HRC_IN_RIGHT ? 1 : -1);
    case HRC_IN_PAGE_UP:
    case HRC_IN_PAGE_DOWN: {
        int page = app->view.h * 9 / 10 > line ? app->view.h * 9 / 10 : line;
        scroll_by(app, in->kind == HRC_IN_PAGE_DOWN ? page : -page);
        break;
    }
    case HRC_IN_HOME:
        loc->scroll = 0;
        break;
    case HRC_IN_END:
        scroll_by(app, app->content_h);
        break;
    case HRC_IN_WHEEL:
        scroll_by(app, -in->dy * 3 * line);
        break;
    case HRC_IN_ZOOM_IN:
    case HRC_IN_ZOOM_OUT: {
        /* Outside the timeline, zooming is the text size: 100, 150, 200 %. */
        int size = app->text_percent + (in->kind == HRC_IN_ZOOM_IN ? 50 : -50);
        if (size < 100 || size > 200)
            return 0;
        app->text_percent = size;
        app_apply_prefs(app);
        return HRC_APP_REDRAW;
    }
    default:
        return 0;
    }
    return loc->scroll != before ? HRC_APP_REDRAW : 0;
}

static unsigned pointer(hrc_app *app, const hrc_input *in)
{
    const screen_ops *ops = app_current_ops(app);
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    int slop = app->line_px > 8 ? app->line_px / 2 : 8;
    switch (in->kind) {
    case HRC_IN_POINTER_DOWN:
        app_refresh_targets(app);
        app->ptr.pressed = hit(app, in->x, in->y);
        app->ptr.dragging = false;
        app->ptr.press_on_scroll = hrc_rect_has_point(app->view, in->x, in->y);
        app->ptr.press_x = app->ptr.last_x = in->x;
        app->ptr.press_y = app->ptr.last_y = in->y;
        app->ptr.press_scroll = loc->scroll;
        return 0;
    case HRC_IN_POINTER_MOVE: {
        if (!in->pressed || (app->ptr.pressed < 0 && !app->ptr.press_on_scroll))
            return 0;
        if (!app->ptr.dragging && abs(in->x - app->ptr.press_x) + abs(in->y - app->ptr.press_y) < slop)
            return 0;
        app->ptr.dragging = true;
        unsigned eff = 0;
        int dx = in->x - app->ptr.last_x, dy = in->y - app->ptr.last_y;
        app->ptr.last_x = in->x;
        app->ptr.last_y = in->y;
        if (app->ptr.pressed >= 0 && app->targets[app->ptr.pressed].draggable) {
            const ui_target *t = &app->targets[app->ptr.pressed];
            if (ops->drag)
                eff = ops->drag(app, t->action, t->arg, dx, dy);
        } else if (app->ptr.press_on_scroll) {
            int before = loc->scroll;
            loc->scroll = app->ptr.press_scroll;
            scroll_by(app, app->ptr.press_y - in->y);
            eff = loc->scroll != before ? HRC_APP_REDRAW : 0;
        }
        return eff;
    }
    case HRC_IN_POINTER_UP: {
        int pressed = app->ptr.pressed;
        app->ptr.pressed = -1;
        if (pressed < 0 || pressed >= app->n_targets)
            return 0;
        ui_target from = app->targets[pressed];
        if (app->ptr.dragging) {
            app->ptr.dragging = false;
            if (!from.draggable || !ops->drop)
                return 0;
            int to = hit(app, in->x, in->y);
            ui_target target = to >= 0 ? app->targets[to] : (ui_target){0};
            return ops->drop(app, from.action, from.arg, to >= 0 ? &target : NULL);
        }
        if (!hrc_rect_has_point(from.rect, in->x, in->y))
            return 0;
        loc->focus = -1; /* pointer users get no ring */
        return activate(app, from.action, from.arg) | HRC_APP_REDRAW;
    }
    default:
        return 0;
    }
}

unsigned hrc_app_handle_input(hrc_app *app, const hrc_input *in)
{
    if (!app || !in)
        return 0;
    app->now = in->now_ms;
    bool taken = false; /* speech keys and gestures (spoken.c) */
    unsigned spoken = spoken_input(app, in, &taken);
    if (taken) {
        if (spoken & HRC_APP_REDRAW)
            app->stale = true;
        return spoken | (app->idle.prompt ? HRC_APP_WANT_TICK : 0);
    }
    if (in->kind == HRC_IN_POINTER_DOWN)
        app->keyboard = false;
    else if (in->kind >= HRC_IN_NEXT && in->kind <= HRC_IN_END)
        app->keyboard = true;
    bool user = in->kind != HRC_IN_TICK && in->kind != HRC_IN_RESIZE && in->kind != HRC_IN_NONE;
    if (user && !(in->kind == HRC_IN_POINTER_MOVE && !in->pressed && !app->idle.prompt))
        app->idle.last_input_ms = in->now_ms;
    else if (user && app->idle.last_input_ms == 0)
        app->idle.last_input_ms = in->now_ms;
    if (app->idle.last_input_ms == 0)
        app->idle.last_input_ms = in->now_ms;

    /* Text textures are cached by size and colour: a new text size or theme
     * leaves every cached texture unused, so the back end should drop them. */
    int text_percent_before = app->text_percent;
    bool contrast_before = app->high_contrast;
    bool consumed = false;
    unsigned eff = idle_input(app, in, &consumed);
    if (!consumed) {
        const screen_ops *ops = app_current_ops(app);
        hrc_nav_loc *loc = hrc_nav_top(&app->nav);
        bool handled = false;
        switch (in->kind) {
        case HRC_IN_NONE:
            break;
        case HRC_IN_TICK:
            if (ops->tick)
                eff |= ops->tick(app, in->now_ms);
            break;
        case HRC_IN_RESIZE:
            eff |= HRC_APP_REDRAW;
            break;
        case HRC_IN_FACILITATOR:
            if (app_facilitator_reachable(app)) {
                app_go(app, hrc_nav_location(HRC_SCREEN_FACILITATOR, -1, -1));
                eff |= HRC_APP_REDRAW;
            }
            break;
        case HRC_IN_NEXT:
        case HRC_IN_PREV:
            eff |= move_focus(app, in->kind == HRC_IN_NEXT ? 1 : -1);
            break;
        case HRC_IN_ACTIVATE:
            if (ops->key)
                eff |= ops->key(app, in, &handled);
            if (!handled) {
                app_refresh_targets(app);
                /* Nothing focused (after a click): Enter does the main action. */
                int f = loc->focus >= 0 ? loc->focus : app->main_target;
                if (f >= 0 && f < app->n_targets)
                    eff |= activate(app, app->targets[f].action, app->targets[f].arg);
            }
            break;
        case HRC_IN_QUIT:
            if (!app->kiosk)
                eff |= HRC_APP_QUIT;
            break;
        case HRC_IN_BACK:
            if (ops->key)
                eff |= ops->key(app, in, &handled);
            if (!handled) {
                app_back(app);
                eff |= HRC_APP_REDRAW;
            }
            break;
        case HRC_IN_TEXT:
        case HRC_IN_BACKSPACE:
            if (ops->text)
                eff |= ops->text(app, in);
            break;
        case HRC_IN_POINTER_DOWN:
        case HRC_IN_POINTER_MOVE:
        case HRC_IN_POINTER_UP:
            eff |= pointer(app, in);
            break;
        default:
            if (ops->key)
                eff |= ops->key(app, in, &handled);
            if (!handled)
                eff |= default_key(app, in);
            break;
        }
    }
    if (app->text_percent != text_percent_before || app->high_contrast != contrast_before)
        eff |= HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
    eff |= spoken;
    if (eff & HRC_APP_REDRAW)
        app->stale = true;
    if (app->idle.prompt)
        eff |= HRC_APP_WANT_TICK;
    return eff;
}

int64_t hrc_app_next_timeout_ms(const hrc_app *app, uint64_t now_ms)
{
    if (!app)
        return -1;
    int64_t idle = idle_timeout_ms(app, now_ms), press = spoken_timeout_ms(app, now_ms);
    const screen_ops *ops = app_current_ops(app);
    int64_t screen = ops->timer && !app->idle.prompt ? ops->timer(app, now_ms) : -1;
    int64_t t = -1;
    const int64_t all[] = {idle, press, screen};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i] >= 0 && (t < 0 || all[i] < t))
            t = all[i];
    return t;
}
