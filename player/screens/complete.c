/*
 * The moment a module is finished (and, when it was the last, the whole
 * course): what was done (a list to read, nothing to press), the quiz
 * score, the time it took, and one way on: the next module, or home.
 * Reached from "Finish the module" on the last part or on the results of
 * a module's quiz.
 */
#include "core/dates.h"
#include "screens/icons.h"
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum { ACT_NEXT_MODULE = ACT_SCREEN, ACT_TO_HOME };

/* The next module not yet complete after `module`, wrapping; -1 none. */
static int next_module(const hrc_app *app, int module)
{
    size_t n = app->cfg.course->n_modules;
    for (size_t k = 1; k < n; k++) {
        int i = (int)(((size_t)module + k) % n);
        const module_state *s = session_module(app, i);
        if (!s->completed && !session_module_complete(app, i))
            return i;
    }
    return -1;
}

static void time_line(const hrc_app *app, int module, char *out, size_t size)
{
    const module_state *s = session_module(app, module);
    out[0] = '\0';
    if (!s->stored || s->summary.time_spent_ms < 60000)
        return;
    char duration[64];
    int minutes = (int)(s->summary.time_spent_ms / 60000);
    if (hrc_duration_format(minutes, duration, sizeof duration) > 0)
        snprintf(out, size, _("Time spent: %s"), duration);
}

/* A line centred in the column when it fits on one, else left-aligned. */
static void centred(ui *u, const char *text, unsigned style, int px, hrc_color color)
{
    int tw = ui_text_width(u, text, style, px);
    if (tw + u->pad >= u->w) {
        ui_plain(u, text, style, px, color);
        return;
    }
    int x = u->x, w = u->w;
    u->x += (u->w - tw) / 2;
    u->w = tw + u->pad;
    ui_plain(u, text, style, px, color);
    u->x = x;
    u->w = w;
}

static void complete_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    int module = hrc_nav_top(&app->nav)->module;
    const hrc_module *m = ui_module(app, module);
    if (!m)
        return;
    int done, total;
    session_course_counts(app, &done, &total);
    bool course = done == total && total > 0;
    int icon_px = u->h1_px * 3;
    int iw = u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px}, ICON_TROPHY,
                         strlen(ICON_TROPHY));
    ui_icon(u, ICON_TROPHY, u->x + (u->w - iw) / 2, u->y, icon_px, p->accent);
    u->y += u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px});
    centred(u, course ? _("Course complete!") : _("Module complete!"), HRC_FONT_BOLD,
            u->h1_px * 5 / 4, p->text);
    ui_gap(u, u->pad / 2);
    char line[512];
    if (course) {
        snprintf(line, sizeof line,
                 ngettext("You have completed the course's module. Congratulations!",
                          "You have completed all %d modules of the course. Congratulations!",
                          (unsigned long)total),
                 total);
    } else {
        /* A title that ends with its own mark ("What is a human rights
         * city?") takes no full stop after it. */
        const char *title = ui_pick(app, m, &m->title);
        size_t n = strlen(title);
        bool marked = n > 0 && strchr(".?!", title[n - 1]);
        snprintf(line, sizeof line,
                 marked ? _("You have completed module %d: %s")
                        : _("You have completed module %d: %s."),
                 module + 1, title);
    }
    centred(u, line, 0, u->px, p->text);
    ui_say(u, line);
    time_line(app, module, line, sizeof line);
    if (line[0])
        centred(u, line, 0, u->px, p->muted);
    ui_gap(u, u->pad);
    /* What was done: a list to read, not buttons. */
    hrc_rect box;
    if (course) {
        ui_plain(u, _("Your modules"), HRC_FONT_BOLD, u->h2_px, p->text);
        ui_gap(u, u->pad / 3);
        ui_box_begin(u, &box);
        for (size_t i = 0; i < app->cfg.course->n_modules; i++) {
            const hrc_module *mi = app->cfg.course->modules[i];
            char status[300] = "";
            for (size_t k = 0; k < mi->n_items; k++)
                if (mi->items[k].kind == HRC_ITEM_QUIZ) {
                    screen_quiz_status(app, (int)i, (int)k, status, sizeof status);
                    break;
                }
            ui_entry(u, ICON_DONE, p->accent, status[0] ? status : NULL, &mi->title, NULL);
        }
        ui_box_end(u, box, p->surface);
    } else {
        ui_plain(u, _("What you did"), HRC_FONT_BOLD, u->h2_px, p->text);
        ui_gap(u, u->pad / 3);
        ui_box_begin(u, &box);
        for (size_t i = 0; i < m->n_items; i++) {
            const hrc_item *it = &m->items[i];
            char status[300];
            if (it->kind == HRC_ITEM_QUIZ)
                screen_quiz_status(app, module, (int)i, status, sizeof status);
            else
                snprintf(status, sizeof status, "%s", screen_item_kind_name(it->kind));
            bool item_done = session_item_done(app, module, (int)i);
            ui_entry(u, item_done ? ICON_DONE : screen_item_kind_icon(it->kind),
                     item_done ? p->accent : p->muted, status, hrc_item_title(it), NULL);
        }
        ui_box_end(u, box, p->surface);
    }
    if (app->cfg.certificates && course && !app->guest) {
        ui_gap(u, u->pad / 2);
        ui_plain(u, _("Your facilitator can print your certificate from this kiosk."),
                 HRC_FONT_BOLD, u->px, p->text);
    }
}

/* One clear way on: the next module, or home when the course is done
 * (the top bar's Home and Back stay for the rest). */
static void complete_bar(ui *u)
{
    hrc_app *app = u->app;
    int module = hrc_nav_top(&app->nav)->module;
    int next = next_module(app, module);
    if (next >= 0) {
        char label[300];
        const hrc_module *m = ui_module(app, next);
        snprintf(label, sizeof label, _("Next: %s"), ui_pick(app, m, &m->title));
        ui_bar_main(u, ICON_FORWARD, label, ACT_NEXT_MODULE, next);
    } else {
        ui_bar_main(u, ICON_HOME, _("Back to home"), ACT_TO_HOME, 0);
    }
}

static unsigned complete_activate(hrc_app *app, int action, int arg)
{
    if (action == ACT_TO_HOME || action == ACT_NEXT_MODULE) {
        session_leave_module(app, HRC_END_NORMAL);
        app_reset(app, hrc_nav_location(HRC_SCREEN_HOME, -1, -1));
        if (action == ACT_NEXT_MODULE && ui_module(app, arg))
            app_go(app, hrc_nav_location(HRC_SCREEN_MODULE, arg, -1));
    }
    return HRC_APP_REDRAW;
}

const screen_ops screen_complete = {.draw = complete_draw, .activate = complete_activate,
                                    .bar = complete_bar};
