/* Kiosk: "Are you still there?" after the idle time, then back to sign-in. */
#include "screens/ui.h"

#include <stdio.h>

static uint64_t idle_limit_ms(const hrc_app *app)
{
    int s = app->cfg.idle_timeout_s > 0 ? app->cfg.idle_timeout_s : 180;
    return (uint64_t)s * 1000u;
}

/* Only a signed-in learner's session can be left open. Presenter mode
 * never asks: the trainer talks over it (present.c guards its way out). */
static bool idle_applies(const hrc_app *app)
{
    hrc_screen s = hrc_nav_top_const(&app->nav)->screen;
    if (s == HRC_SCREEN_PRESENT)
        return false;
    return app->kiosk && (app->signed_in || s != HRC_SCREEN_SIGNIN || signin_in_progress(app));
}

int64_t idle_timeout_ms(const hrc_app *app, uint64_t now)
{
    if (app->idle.prompt) {
        uint64_t end = app->idle.prompt_ms + IDLE_COUNTDOWN_MS;
        if (now >= end)
            return 0;
        /* Wake at the next whole second for the countdown. */
        uint64_t left = end - now;
        uint64_t to_second = left % 1000u ? left % 1000u : 1000u;
        return (int64_t)to_second;
    }
    if (!idle_applies(app))
        return -1;
    uint64_t deadline = app->idle.last_input_ms + idle_limit_ms(app);
    return now >= deadline ? 0 : (int64_t)(deadline - now);
}

unsigned idle_input(hrc_app *app, const hrc_input *in, bool *consumed)
{
    *consumed = false;
    uint64_t now = in->now_ms;
    if (app->idle.prompt) {
        if (now >= app->idle.prompt_ms + IDLE_COUNTDOWN_MS) {
            /* Nobody answered: save, close the session, start over. */
            app->idle.prompt = false;
            app_sign_out(app, HRC_END_IDLE_TIMEOUT);
            app->idle.last_input_ms = now;
            *consumed = true;
            return HRC_APP_REDRAW | HRC_APP_LANG_CHANGED;
        }
        if (in->kind == HRC_IN_TICK || in->kind == HRC_IN_NONE ||
            in->kind == HRC_IN_RESIZE || (in->kind == HRC_IN_POINTER_MOVE && !in->pressed)) {
            *consumed = in->kind != HRC_IN_RESIZE;
            return HRC_APP_REDRAW; /* the countdown moved */
        }
        /* Any deliberate input means "still here"; it does nothing else. */
        app->idle.prompt = false;
        app->idle.last_input_ms = now;
        app->ptr.pressed = -1;
        *consumed = in->kind != HRC_IN_POINTER_UP;
        return HRC_APP_REDRAW;
    }
    if (idle_applies(app) && now >= app->idle.last_input_ms + idle_limit_ms(app)) {
        app->idle.prompt = true;
        app->idle.prompt_ms = now;
        app->ptr.pressed = -1;
        *consumed = true;
        return HRC_APP_REDRAW | HRC_APP_WANT_TICK;
    }
    return 0;
}

void idle_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    hrc_draw_rect(u->list, (hrc_rect){0, 0, u->W, u->H}, p->overlay, 0);
    uint64_t end = app->idle.prompt_ms + IDLE_COUNTDOWN_MS;
    int left = app->now >= end ? 0 : (int)((end - app->now + 999) / 1000);
    char count[128];
    snprintf(count, sizeof count, _("Returning to the start in %d s."), left);

    /* A box in the middle, as tall as its text needs (scrolls if not). */
    int w = u->W - 4 * u->pad;
    int max_w = u->px * 30;
    if (w > max_w)
        w = max_w;
    if (w < 1)
        w = 1;
    hrc_rect saved_view = u->view;
    int inner = w - 2 * u->pad > 1 ? w - 2 * u->pad : 1;
    int h = ui_text_height(u, _("Are you still there?"), HRC_FONT_BOLD, u->h2_px, inner) +
            ui_text_height(u, count, 0, u->px, inner) + u->min_target * 2 + 3 * u->pad;
    if (h > u->H - 2 * u->pad)
        h = u->H - 2 * u->pad;
    hrc_rect box = {(u->W - w) / 2, (u->H - h) / 2, w, h};
    hrc_draw_rect(u->list, box, p->surface, u->pad / 2);
    hrc_draw_frame(u->list, box, p->border, 2);
    u->view = box;
    u->in_scroll = true;
    u->scroll = 0;
    u->x = box.x + u->pad;
    u->w = inner;
    u->y = u->pad;
    hrc_draw_clip(u->list, box);
    /* Spoken: the question when it appears, then the time left at 20, 10
     * and each of the last 5 seconds. */
    ui_say_overlay(u);
    int said = left > 20 ? IDLE_COUNTDOWN_MS / 1000 : left > 10 ? 20 : left > 5 ? 10 : left;
    char spoken[128];
    snprintf(spoken, sizeof spoken,
             ngettext("Returning to the start in %d second.",
                      "Returning to the start in %d seconds.", (unsigned long)said),
             said);
    if (said == IDLE_COUNTDOWN_MS / 1000)
        ui_say(u, _("Are you still there?"));
    ui_say(u, spoken);
    if (said == IDLE_COUNTDOWN_MS / 1000)
        ui_say(u, _("Press any key, or touch the screen, to go on."));
    ui_plain(u, _("Are you still there?"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 2);
    ui_plain(u, count, 0, u->px, p->text);
    ui_gap(u, u->pad);
    u->focus = 0;
    ui_button(u, _("I am still here"), ACT_NONE, 0, BTN_NORMAL);
    ui_flow_end(u);
    hrc_draw_clip(u->list, (hrc_rect){0, 0, 0, 0});
    u->view = saved_view;
}
