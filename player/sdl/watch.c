/*
 * watch.c: the author preview window (--watch). See watch.h.
 *
 * A thread blocks on the inotify descriptor (io/watch.h) and, once a
 * burst of saves has been quiet for QUIET_MS, pushes one SDL event; the
 * play loop sleeps in SDL_WaitEvent as usual, so an idle preview uses no
 * CPU. Reloading happens on the main thread, in the event hook.
 */
#include "sdl/watch.h"

#include "io/watch.h"
#include "screens/goto.h"
#include "screens/preview_app.h"
#include "screens/problems.h"
#include "sdl/hooks.h"

#include <SDL.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum { QUIET_MS = 150 };

typedef struct watcher {
    hrc_sdl_options opts; /* a copy, with the hooks */
    hrc_sdl_hooks hooks;
    hrc_preview *preview;
    const char *start_id;
    FILE *log;
    hrc_watch *watch;
    SDL_Thread *thread;
    Uint32 event_type; /* pushed by the thread: files changed */
} watcher;

static int watch_thread(void *arg)
{
    watcher *w = arg;
    for (;;) {
        int r = hrc_watch_wait(w->watch, -1, QUIET_MS);
        if (r == HRC_WATCH_INTERRUPTED || r == HRC_WATCH_ERROR)
            return r == HRC_WATCH_ERROR;
        if (r == HRC_WATCH_CHANGED) {
            SDL_Event e = {.type = w->event_type};
            SDL_PushEvent(&e);
        }
    }
}

static void add_dir(void *ctx, const char *dir)
{
    hrc_watch_add_dir(((watcher *)ctx)->watch, dir); /* a missing one: not yet */
}

static void report(watcher *w)
{
    const hrc_preview *p = w->preview;
    for (size_t i = 0; i < p->diags.count; i++)
        hrc_diag_format(&p->diags.items[i], w->log);
    if (p->broken)
        fprintf(w->log, "preview: errors: %zu; showing them until they are fixed\n",
                p->diags.n_errors);
    else if (p->show_warnings && p->diags.n_warnings)
        fprintf(w->log, "preview: warnings: %zu; showing them (Escape shows the course, F6 "
                "the warnings again)\n", p->diags.n_warnings);
    fflush(w->log);
}

/* Loads the course again; on success *app is an app for the new course,
 * at the same place (screens/preview_app.h). */
static void reload(watcher *w, hrc_app **app)
{
    int rc = hrc_preview_reload_app(w->preview, &w->opts.app, w->start_id, app);
    hrc_preview_each_dir(w->preview, add_dir, w); /* new image folders */
    report(w);
    if (rc < 0) {
        fprintf(w->log, "preview: out of memory; the course was not reloaded\n");
    } else if (rc == 0) {
        const char *now = hrc_app_current_id(*app, NULL, NULL);
        fprintf(w->log, "preview: reloaded %s, showing %s\n", w->preview->path,
                now ? now : "the course");
    }
    fflush(w->log);
}

static bool is_input(Uint32 type)
{
    switch (type) {
    case SDL_KEYDOWN: case SDL_KEYUP: case SDL_TEXTINPUT: case SDL_TEXTEDITING:
    case SDL_MOUSEMOTION: case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL: case SDL_FINGERDOWN: case SDL_FINGERUP: case SDL_FINGERMOTION:
    case SDL_MULTIGESTURE:
        return true;
    default:
        return false;
    }
}

static int hook_event(void *user, const SDL_Event *e, hrc_app **app)
{
    watcher *w = user;
    bool f5 = e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_F5;
    if (e->type == w->event_type || f5) {
        if (f5)
            fprintf(w->log, "preview: F5\n");
        reload(w, app);
        return HRC_HOOK_CHANGED;
    }
    hrc_preview *p = w->preview;
    bool key = e->type == SDL_KEYDOWN;
    SDL_Keycode sym = key ? e->key.keysym.sym : 0;
    /* F6: the warnings of a course that loads, and back. */
    if (key && sym == SDLK_F6 && !p->broken && p->diags.n_warnings) {
        p->show_warnings = !p->show_warnings;
        fprintf(w->log, "preview: F6, %s\n", p->show_warnings ? "warnings" : "course");
        fflush(w->log);
        return HRC_HOOK_CHANGED;
    }
    /* Warnings shown: Escape, Enter, Space or a click goes to the course. */
    bool dismiss = (key && (sym == SDLK_ESCAPE || sym == SDLK_RETURN || sym == SDLK_KP_ENTER ||
                            sym == SDLK_SPACE)) ||
                   e->type == SDL_MOUSEBUTTONUP || e->type == SDL_FINGERUP;
    if (!p->broken && hrc_preview_shows_problems(p) && dismiss) {
        p->show_warnings = false;
        fprintf(w->log, "preview: warnings dismissed\n");
        fflush(w->log);
        return HRC_HOOK_CHANGED;
    }
    /* While the problems are shown, input would change a screen no one sees. */
    return hrc_preview_shows_problems(p) && is_input(e->type) ? HRC_HOOK_TAKEN
                                                              : HRC_HOOK_PASS;
}

static bool hook_draw(void *user, const hrc_text_metrics *metrics, int width, int height,
                      float dpi_scale, hrc_draw_list *list)
{
    watcher *w = user;
    if (!w->thread) /* the first frame: SDL is up, events can be pushed */
        w->thread = SDL_CreateThread(watch_thread, "hrc-watch", w);
    if (!hrc_preview_shows_problems(w->preview))
        return false;
    hrc_problems_draw(&w->preview->diags, w->preview->source_lines, metrics, width, height,
                      dpi_scale, w->opts.app.high_contrast, list);
    return true;
}

int hrc_sdl_watch(const hrc_sdl_options *opts, hrc_preview *preview, const char *start_id,
                  FILE *log, char *err, size_t err_size)
{
    watcher w = {.opts = *opts, .preview = preview, .start_id = start_id, .log = log};
    if (hrc_watch_new(&w.watch)) {
        snprintf(err, err_size, "cannot watch files for changes: %s", strerror(errno));
        return -1;
    }
    w.event_type = SDL_RegisterEvents(1);
    if (w.event_type == (Uint32)-1) {
        snprintf(err, err_size, "cannot register an SDL event");
        hrc_watch_free(w.watch);
        return -1;
    }
    hrc_preview_each_dir(preview, add_dir, &w);
    w.hooks = (hrc_sdl_hooks){.user = &w, .event = hook_event, .draw = hook_draw};
    w.opts.hooks = &w.hooks;
    hrc_preview_app_config(preview, &opts->app, start_id, &w.opts.app);
    int rc = hrc_sdl_play(&w.opts, err, err_size);
    hrc_watch_interrupt(w.watch);
    if (w.thread)
        SDL_WaitThread(w.thread, NULL);
    hrc_watch_free(w.watch);
    return rc;
}
