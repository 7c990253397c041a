/*
 * render.c: --render DIR: every screen of the course written as a PNG,
 * with no display. A software renderer draws onto an SDL_Surface, which
 * IMG_SavePNG writes out; video is never initialised.
 *
 * With --speech, each screen also gets NNNN-name.txt, what spoken guidance
 * says on entering it (one utterance a line, as the player would say it),
 * and NNNN-name.wav, that speech synthesised (io/speech.h, io/wav.h), so
 * that an author hears the course without a kiosk. No sound device is used.
 */
#include "sdl/front.h"

#include "sdl/assets.h"
#include "sdl/gfx.h"
#include "sdl/review_note.h"

#include "core/answer.h"
#include "core/i18n.h"
#include "io/speech.h"
#include "io/wav.h"
#include "screens/goto.h"

#include <SDL.h>
#include <SDL_image.h>

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

enum { DEFAULT_W = 1280, DEFAULT_H = 800 };

typedef struct renderer_state {
    const hrc_sdl_options *opts;
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    hrc_gfx gfx;
    bool gfx_ready;
    hrc_app *app;
    hrc_draw_list list;
    int number;    /* file number prefix, in steps of 10 */
    int written;
    uint64_t clock;
    bool times;    /* HRC_RENDER_TIMES: print how long each screen takes */
    hrc_review *review; /* --review: the sheet of every PNG (sdl/review_note.c) */
    hrc_speech *speech; /* --speech: the engine, for the .wav files */
    char *err;
    size_t err_size;
} renderer_state;

static int make_dir(const char *dir, char *err, size_t err_size)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s", dir);
    if (n < 0 || (size_t)n >= sizeof path) {
        snprintf(err, err_size, "the folder name is too long: %s", dir);
        return -1;
    }
    for (char *p = path + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(path, 0777) && errno != EEXIST) {
                snprintf(err, err_size, "cannot create %s: %s", path, strerror(errno));
                return -1;
            }
            *p = c;
            if (!c)
                return 0;
        }
    }
}

/* Keeps file names portable: letters, digits, '-', '_' and '.'. */
static void safe_name(char *out, size_t size, const char *name)
{
    size_t i = 0;
    for (; name[i] && i + 1 < size; i++) {
        char c = name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        out[i] = ok ? c : '_';
    }
    out[i] = '\0';
}

/* Lays out the current screen into s->list (its targets are what input
 * acts on next). */
static void layout(renderer_state *s)
{
    hrc_text_metrics metrics = hrc_gfx_metrics(&s->gfx);
    hrc_app_draw(s->app, &metrics, s->surface->w, s->surface->h, 1.0f, &s->list);
}

/* Silence between two utterances in a .wav, as the player pauses. */
enum { PAUSE_MS = 300 };

/* --speech: what the screen just laid out says, as base.txt and base.wav. */
static int write_speech(renderer_state *s, const char *base)
{
    char path[4200];
    snprintf(path, sizeof path, "%s.txt", base);
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(s->err, s->err_size, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    for (size_t i = 0; i < s->list.n_utterances; i++)
        fprintf(f, "%s\n", s->list.utterances[i].text);
    if (fclose(f)) {
        snprintf(s->err, s->err_size, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    int16_t *all = NULL;
    size_t n_all = 0;
    int rate = hrc_speech_sample_rate(s->speech);
    size_t pause = (size_t)rate * PAUSE_MS / 1000;
    for (size_t i = 0; i < s->list.n_utterances; i++) {
        const hrc_utterance *u = &s->list.utterances[i];
        int16_t *pcm = NULL;
        size_t n = 0;
        char err[HRC_SPEECH_MSG_MAX];
        if (!*u->text)
            continue;
        if (hrc_speech_synth(s->speech, u->text, u->lang, &pcm, &n, err, sizeof err)) {
            free(all);
            snprintf(s->err, s->err_size, "%s", err);
            return -1;
        }
        size_t gap = n_all ? pause : 0;
        int16_t *grown = realloc(all, (n_all + gap + n + 1) * sizeof *all);
        if (!grown) {
            free(pcm);
            free(all);
            snprintf(s->err, s->err_size, "out of memory");
            return -1;
        }
        all = grown;
        memset(all + n_all, 0, gap * sizeof *all);
        if (n)
            memcpy(all + n_all + gap, pcm, n * sizeof *all);
        n_all += gap + n;
        free(pcm);
    }
    snprintf(path, sizeof path, "%s.wav", base);
    char err[512];
    int rc = hrc_wav_write(path, all, n_all, rate, 0666, err, sizeof err);
    free(all);
    if (rc)
        snprintf(s->err, s->err_size, "%s", err);
    return rc;
}

/* Draws the current screen and writes it as NNNN-name.png. */
static int snapshot(renderer_state *s, const char *name)
{
    /* What spoken guidance says on entering the screen (--speech). */
    if (s->speech)
        hrc_app_speech_restart(s->app);
    uint64_t t0 = SDL_GetPerformanceCounter();
    layout(s);
    hrc_gfx_clear(&s->gfx, s->list.cmds, s->list.count, s->surface->w, s->surface->h);
    hrc_gfx_replay(&s->gfx, s->list.cmds, s->list.count);
    SDL_RenderPresent(s->renderer);
    uint64_t t1 = SDL_GetPerformanceCounter();

    char safe[200], path[4096];
    safe_name(safe, sizeof safe, name);
    s->number += 10;
    snprintf(path, sizeof path, "%s/%04d-%s.png", s->opts->render_dir, s->number, safe);
    if (s->times) {
        /* Drawn again with every text texture cached: the usual redraw.
         * The fastest of a few, as other programs share the machine. */
        uint64_t warm = UINT64_MAX, warm_layout = 0;
        for (int i = 0; i < 5; i++) {
            uint64_t t2 = SDL_GetPerformanceCounter();
            layout(s);
            uint64_t t_mid = SDL_GetPerformanceCounter();
            hrc_gfx_clear(&s->gfx, s->list.cmds, s->list.count, s->surface->w,
                          s->surface->h);
            hrc_gfx_replay(&s->gfx, s->list.cmds, s->list.count);
            SDL_RenderPresent(s->renderer);
            uint64_t t3 = SDL_GetPerformanceCounter();
            if (t3 - t2 < warm) {
                warm = t3 - t2;
                warm_layout = t_mid - t2;
            }
        }
        double f = 1000.0 / (double)SDL_GetPerformanceFrequency();
        fprintf(stderr, "draw-time %04d-%s %.3f %.3f %.3f %.3f\n", s->number, safe,
                (double)(t1 - t0) * f, (double)warm * f, (double)warm_layout * f,
                (double)(warm - warm_layout) * f);
        /* A scroll frame: the same screen one wheel notch lower, as the
         * window draws it when only the offset changed. */
        uint64_t best_scroll = UINT64_MAX;
        for (int i = 0; i < 5; i++) {
            hrc_input wheel = {.kind = HRC_IN_WHEEL, .dy = i % 2 ? 1 : -1,
                               .x = s->surface->w / 2, .y = s->surface->h - 4};
            uint64_t t2 = SDL_GetPerformanceCounter();
            unsigned eff = hrc_app_handle_input(s->app, &wheel);
            if (!(eff & HRC_APP_REDRAW))
                break; /* nothing to scroll */
            layout(s);
            hrc_gfx_clear(&s->gfx, s->list.cmds, s->list.count, s->surface->w,
                          s->surface->h);
            hrc_gfx_replay(&s->gfx, s->list.cmds, s->list.count);
            SDL_RenderPresent(s->renderer);
            uint64_t t3 = SDL_GetPerformanceCounter();
            if (t3 - t2 < best_scroll)
                best_scroll = t3 - t2;
        }
        if (best_scroll != UINT64_MAX)
            fprintf(stderr, "scroll-time %04d-%s %.3f\n", s->number, safe,
                    (double)best_scroll * f);
        hrc_input home = {.kind = HRC_IN_HOME};
        hrc_app_handle_input(s->app, &home);
        layout(s);
    }
    if (s->speech) {
        /* The utterances of the first layout (the timing loop's say nothing). */
        hrc_app_speech_restart(s->app);
        layout(s);
        char base[4096];
        snprintf(base, sizeof base, "%.*s", (int)(strlen(path) - 4), path);
        if (write_speech(s, base))
            return -1;
    }
    if (IMG_SavePNG(s->surface, path)) {
        snprintf(s->err, s->err_size, "cannot write %s: %s", path, SDL_GetError());
        return -1;
    }
    s->written++;
    if (s->review && hrc_review_note(s->review, path, s->app, s->opts->app.course, &s->list)) {
        snprintf(s->err, s->err_size, "out of memory");
        return -1;
    }
    return 0;
}

static unsigned handle(renderer_state *s, hrc_input in)
{
    in.now_ms = s->clock += 1000;
    unsigned effects = hrc_app_handle_input(s->app, &in);
    /* As the play loop does: a timer due now (a PIN check shown before it
     * runs) gets its tick. */
    for (int i = 0; i < 4 && hrc_app_next_timeout_ms(s->app, s->clock) == 0; i++) {
        hrc_input tick = {.kind = HRC_IN_TICK, .now_ms = s->clock};
        effects |= hrc_app_handle_input(s->app, &tick);
    }
    if (effects & HRC_APP_LANG_CHANGED)
        hrc_gfx_drop_text(&s->gfx);
    return effects;
}

static unsigned send_at(renderer_state *s, hrc_input_kind kind, int x, int y)
{
    return handle(s, (hrc_input){.kind = kind, .x = x, .y = y});
}

/* Typed text, as a keyboard sends it. */
static void send_text(renderer_state *s, const char *text)
{
    hrc_input in = {.kind = HRC_IN_TEXT};
    snprintf(in.text, sizeof in.text, "%s", text);
    handle(s, in);
}

static unsigned send(renderer_state *s, hrc_input_kind kind)
{
    return send_at(s, kind, 0, 0);
}

/* About a screenful down, over the bottom of the screen (never a canvas). */
static void send_wheel(renderer_state *s)
{
    hrc_input in = {.kind = HRC_IN_WHEEL, .dy = -5, .x = s->surface->w / 2,
                    .y = s->surface->h * 3 / 4, .now_ms = s->clock += 1000};
    hrc_app_handle_input(s->app, &in);
}

/* The nth (from 0) visible target whose label contains `text`, or NULL. */
static const hrc_draw_target *find_target(renderer_state *s, const char *text, int nth)
{
    layout(s);
    for (size_t i = 0; i < s->list.n_targets; i++) {
        const hrc_draw_target *t = &s->list.targets[i];
        if (t->label && strstr(t->label, text) && t->rect.w > 0 && nth-- == 0)
            return t;
    }
    return NULL;
}

/*
 * Clicks the nth target labelled with `text` (in the interface language:
 * pass it through _() like the screens do), scrolling down to find it.
 * Returns false when the screen has no such target.
 */
static bool click(renderer_state *s, const char *text, int nth)
{
    send(s, HRC_IN_HOME);
    for (int page = 0; page < 40; page++) {
        const hrc_draw_target *t = find_target(s, text, nth);
        if (t) {
            int x = t->rect.x + t->rect.w / 2, y = t->rect.y + t->rect.h / 2;
            send_at(s, HRC_IN_POINTER_DOWN, x, y);
            send_at(s, HRC_IN_POINTER_UP, x, y);
            return true;
        }
        /* The wheel scrolls; Page Down at the end of a page would turn it. */
        send_wheel(s);
    }
    return false;
}

static const char *lang_of(renderer_state *s)
{
    return hrc_app_lang(s->app);
}


/* Each event of the timeline, picked in turn with the Right arrow key. */
static int tour_timeline(renderer_state *s, const hrc_module *m, const hrc_timeline *tl)
{
    char name[300];
    for (size_t e = 0; e < tl->n_eras; e++)
        for (size_t v = 0; v < tl->eras[e].n_events; v++) {
            send(s, HRC_IN_RIGHT);
            snprintf(name, sizeof name, "%s-%s-%s", m->id, tl->id, tl->eras[e].events[v].id);
            if (snapshot(s, name))
                return -1;
        }
    return 0;
}

/* Types text as a keyboard would, a few characters at a time. */
static void type_text(renderer_state *s, const char *text)
{
    while (*text) {
        hrc_input in = {.kind = HRC_IN_TEXT, .now_ms = s->clock += 100};
        size_t n = 0;
        while (text[n]) {
            size_t c = 1;
            while ((text[n + c] & 0xC0) == 0x80)
                c++;
            if (n + c >= sizeof in.text)
                break;
            n += c;
        }
        memcpy(in.text, text, n);
        in.text[n] = '\0';
        hrc_app_handle_input(s->app, &in);
        text += n;
    }
}

static const char *pick(renderer_state *s, const hrc_module *m, const hrc_text *t)
{
    return hrc_text_plain(t, lang_of(s), m->default_lang);
}

/* The text a choice shows ("True"/"False" for a true/false without text). */
static const char *choice_text(renderer_state *s, const hrc_module *m, const hrc_question *q,
                               size_t c)
{
    const char *t = pick(s, m, &q->choices[c].text);
    if (q->kind == HRC_Q_TRUEFALSE && !*t)
        return c == 0 ? _("True") : _("False");
    return t;
}

/* Puts an ordering right: each item, from the last, picked up and sent to
 * the top with the Home key. */
static void order_right(renderer_state *s, const hrc_module *m, const hrc_question *q)
{
    for (size_t c = q->n_choices; c-- > 0;) {
        if (!click(s, choice_text(s, m, q, c), 0))
            continue;
        send(s, HRC_IN_HOME);
        send(s, HRC_IN_BACK); /* put down */
    }
}

/*
 * Gives an answer. Wrong on purpose (right = false): the first choice,
 * orderings as shown (so that reviewers see the feedback of a miss); or
 * right: every right choice, the right order. Pairs are matched and
 * typed answers typed right either way.
 */
static void answer(renderer_state *s, const hrc_module *m, const hrc_question *q, bool right)
{
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_MULTIPLE:
    case HRC_Q_TRUEFALSE:
        for (size_t c = 0; c < q->n_choices; c++)
            if (right ? q->choices[c].correct : c == 0)
                click(s, choice_text(s, m, q, c), 0);
        break;
    case HRC_Q_MATCHING:
        for (size_t i = 0; i < q->n_pairs; i++) {
            click(s, pick(s, m, &q->pairs[i].left), 0);
            click(s, pick(s, m, &q->pairs[i].right), 0);
        }
        break;
    case HRC_Q_ORDERING:
        if (right)
            order_right(s, m, q);
        break;
    case HRC_Q_FILLIN:
        for (size_t g = 0; g < q->n_gaps; g++) {
            char field[64];
            /* One blank is "Your answer"; several are numbered. */
            if (q->n_gaps > 1)
                snprintf(field, sizeof field, _("Blank %zu"), g + 1);
            else
                snprintf(field, sizeof field, "%s", _("Your answer"));
            const hrc_accept *shown = hrc_gap_shown(&q->gaps[g], lang_of(s), m->default_lang);
            if (click(s, field, 0) && shown)
                type_text(s, shown->text);
        }
        break;
    case HRC_Q_NUMERIC: {
        char number[48];
        hrc_number_format(q->value, hrc_lang_decimal_comma(lang_of(s)) ? ',' : '.', number,
                          sizeof number);
        if (click(s, _("Your number"), 0))
            type_text(s, number);
        break;
    }
    }
    click(s, _("Check answer"), 0);
}

/* The question the quiz screen shows, or NULL. */
static const hrc_question *shown_question(renderer_state *s, const hrc_quiz *quiz)
{
    const char *shown = hrc_app_current_id(s->app, NULL, NULL);
    for (size_t k = 0; k < quiz->n_questions && shown; k++)
        if (strcmp(quiz->questions[k].id, shown) == 0)
            return &quiz->questions[k];
    return NULL;
}

/*
 * A pool: the questions its first draw left out, each opened by id (it
 * takes the current place of the next attempt, screens/goto.c), before and
 * after answering, so that reviewers see every question.
 */
static int tour_rest_of_pool(renderer_state *s, const hrc_module *m, const hrc_quiz *quiz,
                             size_t asked, const bool *toured)
{
    char name[300];
    size_t n = asked;
    for (size_t k = 0; k < quiz->n_questions; k++) {
        const hrc_question *q = &quiz->questions[k];
        if (toured[k]) /* in the first draw: it has its PNGs */
            continue;
        const char *now = hrc_app_goto(s->app, q->id) == 0
                              ? hrc_app_current_id(s->app, NULL, NULL)
                              : NULL;
        if (!now || strcmp(now, q->id) != 0) {
            fprintf(stderr, "render: question %s of %s, left out of the draw, cannot be "
                            "shown (no attempt left)\n",
                    q->id, quiz->id);
            return 0;
        }
        snprintf(name, sizeof name, "%s-%s-q%02zu", m->id, quiz->id, ++n);
        if (snapshot(s, name))
            return -1;
        answer(s, m, q, false);
        snprintf(name, sizeof name, "%s-%s-q%02zu-%s-answered", m->id, quiz->id, n, q->id);
        if (snapshot(s, name))
            return -1;
    }
    return 0;
}

/* The questions of the attempt, before and after answering, then its
 * results. */
static int tour_drawn(renderer_state *s, const hrc_module *m, const hrc_quiz *quiz, size_t asked,
                      bool *toured)
{
    char name[300];
    for (size_t n = 0; n < asked; n++) {
        /* Questions may be shuffled: number them as shown. */
        snprintf(name, sizeof name, "%s-%s-q%02zu", m->id, quiz->id, n + 1);
        if (n > 0 && snapshot(s, name))
            return -1;
        /* The app says which question it shows (screens/goto.h). */
        const hrc_question *q = shown_question(s, quiz);
        if (!q) {
            fprintf(stderr, "render: cannot tell which question of %s is showing\n",
                    quiz->id);
            return 0;
        }
        answer(s, m, q, false);
        toured[q - quiz->questions] = true;
        snprintf(name, sizeof name, "%s-%s-q%02zu-%s-answered", m->id, quiz->id, n + 1,
                 q->id);
        if (snapshot(s, name))
            return -1;
        bool last = n + 1 == asked;
        if (!click(s, last ? _("See results") : _("Next question"), 0)) {
            fprintf(stderr, "render: question %s of %s took no answer\n", q->id, quiz->id);
            return 0;
        }
    }
    snprintf(name, sizeof name, "%s-%s-results", m->id, quiz->id);
    return snapshot(s, name);
}

/* Every question before and after answering, then the results; a pool's
 * other questions after. */
static int tour_quiz(renderer_state *s, const hrc_module *m, const hrc_quiz *quiz)
{
    /* A pool asks some of the questions: as many as the attempt has. */
    size_t asked = quiz->draw && quiz->draw < quiz->n_questions ? quiz->draw : quiz->n_questions;
    bool *toured = calloc(quiz->n_questions ? quiz->n_questions : 1, sizeof *toured);
    if (!toured) {
        snprintf(s->err, s->err_size, "out of memory");
        return -1;
    }
    int rc = tour_drawn(s, m, quiz, asked, toured);
    if (rc == 0 && asked < quiz->n_questions)
        rc = tour_rest_of_pool(s, m, quiz, asked, toured);
    free(toured);
    return rc;
}

/*
 * Once every part of the module was seen: the quiz answered right, its
 * results passed, and the module's completion screen (the course's, after
 * the last module), which authors would not see otherwise.
 */
static int tour_pass(renderer_state *s, const hrc_module *m, const hrc_quiz *quiz)
{
    char name[300];
    if (hrc_app_goto(s->app, quiz->id) != 0)
        return 0;
    /* An attempt left open part-way (a pool's other questions) starts
     * over, through its confirmation. */
    if (!shown_question(s, quiz) || find_target(s, _("Start over"), 0)) {
        if (click(s, _("Start over"), 0))
            click(s, _("Start over"), 0);
    }
    for (size_t n = 0; n <= quiz->n_questions; n++) {
        const hrc_question *q = shown_question(s, quiz);
        if (!q) {
            fprintf(stderr, "render: %s cannot be passed (no attempt left)\n", quiz->id);
            return 0;
        }
        answer(s, m, q, true);
        if (find_target(s, _("See results"), 0)) {
            click(s, _("See results"), 0);
            break;
        }
        if (!click(s, _("Next question"), 0)) {
            fprintf(stderr, "render: question %s of %s took no answer\n", q->id, quiz->id);
            return 0;
        }
    }
    snprintf(name, sizeof name, "%s-%s-results-passed", m->id, quiz->id);
    if (snapshot(s, name))
        return -1;
    if (click(s, _("Finish the module"), 0)) {
        snprintf(name, sizeof name, "%s-complete", m->id);
        if (snapshot(s, name))
            return -1;
    }
    return 0;
}

/* Every item of module m, in reading order, from its contents screen;
 * then its quiz passed and the module complete. */
static int tour_module(renderer_state *s, size_t index)
{
    const hrc_module *m = s->opts->app.course->modules[index];
    char name[300];
    /* By id, not by its "Open" button: on a small screen the buttons of
     * the first modules have scrolled away, so counting them misleads. */
    if (hrc_app_goto(s->app, m->id) != 0) {
        fprintf(stderr, "render: cannot open module %s\n", m->id);
        return 0;
    }
    snprintf(name, sizeof name, "%s-contents", m->id);
    if (snapshot(s, name))
        return -1;
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        const char *title = hrc_text_plain(hrc_item_title(it), lang_of(s), m->default_lang);
        if (!click(s, title, 0)) {
            fprintf(stderr, "render: cannot open %s in module %s\n", hrc_item_id(it),
                    m->id);
            continue;
        }
        snprintf(name, sizeof name, "%s-%s", m->id, hrc_item_id(it));
        if (snapshot(s, name))
            return -1;
        int rc = 0;
        if (it->kind == HRC_ITEM_TIMELINE)
            rc = tour_timeline(s, m, it->u.timeline);
        else if (it->kind == HRC_ITEM_QUIZ)
            rc = tour_quiz(s, m, it->u.quiz);
        if (rc)
            return -1;
        send(s, HRC_IN_BACK);
    }
    for (size_t i = 0; i < m->n_items; i++)
        if (m->items[i].kind == HRC_ITEM_QUIZ && tour_pass(s, m, m->items[i].u.quiz))
            return -1;
    send(s, HRC_IN_BACK);
    return 0;
}

/*
 * With a progress store (--render --kiosk, cmd_play.c makes a throwaway
 * one): the kiosk's first start, signing up with a PIN, the learner's PIN
 * in Settings, finding a name, a PIN locked by wrong tries, and the
 * facilitator's screens. Ends on the sign-in screen.
 */
static int tour_trainer(renderer_state *s);

static int tour_kiosk(renderer_state *s)
{
    static const char pin[] = "246810", learner_pin[] = "1357";
    if (snapshot(s, "kiosk-setup"))
        return -1;
    for (int i = 0; i < 2; i++) {
        send_text(s, pin);
        send(s, HRC_IN_ACTIVATE);
    }
    if (snapshot(s, "kiosk-setup-done"))
        return -1;
    click(s, _("Start"), 0);
    if (!click(s, _("I am new here"), 0)) {
        snprintf(s->err, s->err_size, "no \"I am new here\" after the kiosk's set-up");
        return -1;
    }
    send_text(s, "Zo\xc3\xa9 Mart\xc3\xadn");
    if (snapshot(s, "sign-up-name"))
        return -1;
    send(s, HRC_IN_ACTIVATE);
    if (snapshot(s, "sign-up-pin"))
        return -1;
    for (int i = 0; i < 2; i++) {
        send_text(s, learner_pin);
        send(s, HRC_IN_ACTIVATE);
    }
    if (click(s, _("Settings"), 0)) {
        if (snapshot(s, "settings-learner"))
            return -1;
        if (click(s, _("Change my PIN"), 0) && snapshot(s, "settings-change-pin"))
            return -1;
        send(s, HRC_IN_BACK);
        click(s, _("Done"), 0);
    }
    click(s, _("Sign out"), 0);
    send_text(s, "zo");
    if (snapshot(s, "sign-in-search"))
        return -1;
    if (click(s, "Zo\xc3\xa9", 0)) {
        for (int i = 0; i < 3; i++) {
            send_text(s, "0000");
            send(s, HRC_IN_ACTIVATE);
        }
        if (snapshot(s, "sign-in-pin-locked"))
            return -1;
        send(s, HRC_IN_BACK);
    }
    send(s, HRC_IN_FACILITATOR);
    if (snapshot(s, "facilitator-locked"))
        return -1;
    send_text(s, pin);
    send(s, HRC_IN_ACTIVATE);
    return tour_trainer(s);
}

/* Back to the class dashboard from one of the trainer's screens. */
static void back_to_class(renderer_state *s, int steps)
{
    for (int i = 0; i < steps; i++)
        send(s, HRC_IN_BACK);
}

/*
 * The trainer's screens, from the class dashboard the PIN opens (with the
 * class of app/render_class.c): the dashboard and its rows further down,
 * every group's class, a learner (with a reset asked, a merge and a
 * rename), the groups and a new one, the questions the room got wrong,
 * the paper, a class list, the kiosk's settings and its PIN. Ends locked,
 * on the sign-in screen.
 */
static int tour_trainer(renderer_state *s)
{
    if (snapshot(s, "facilitator"))
        return -1;
    send_wheel(s);
    if (snapshot(s, "facilitator-more"))
        return -1;
    send(s, HRC_IN_HOME);
    if (click(s, _("All learners"), 0) && snapshot(s, "class-all"))
        return -1;
    if (click(s, _("Progress"), 0) && snapshot(s, "class-by-progress"))
        return -1;
    if (click(s, "Jean-Luc", 0)) {
        if (snapshot(s, "facilitator-learner"))
            return -1;
        char reset[200];
        snprintf(reset, sizeof reset, _("Reset the attempts of module %d\xe2\x80\xa6"), 1);
        if (click(s, reset, 0)) {
            if (snapshot(s, "learner-reset-ask"))
                return -1;
            send(s, HRC_IN_BACK);
        }
        if (click(s, _("Merge with another profile"), 0)) {
            if (snapshot(s, "learner-merge-pick"))
                return -1;
            if (click(s, "Zo\xc3\xa9", 0) && snapshot(s, "learner-merge-ask"))
                return -1;
            send(s, HRC_IN_BACK);
        }
        if (click(s, _("Rename"), 0)) {
            if (snapshot(s, "learner-rename"))
                return -1;
            send(s, HRC_IN_BACK);
        }
        if (click(s, _("Move to a group"), 0)) {
            if (snapshot(s, "learner-move"))
                return -1;
            send(s, HRC_IN_BACK);
        }
        back_to_class(s, 1);
    }
    if (click(s, _("Groups"), 0)) {
        if (snapshot(s, "trainer-groups"))
            return -1;
        if (click(s, _("New group"), 0)) {
            send_text(s, "Lille");
            if (snapshot(s, "trainer-group-new"))
                return -1;
            send(s, HRC_IN_BACK);
        }
        back_to_class(s, 1);
    }
    if (click(s, _("Questions the room got wrong"), 0)) {
        if (snapshot(s, "trainer-questions"))
            return -1;
        back_to_class(s, 1);
    }
    if (click(s, _("Reports and certificates"), 0)) {
        if (snapshot(s, "trainer-paper"))
            return -1;
        back_to_class(s, 1);
    }
    if (click(s, _("Import a class list"), 0)) {
        if (snapshot(s, "trainer-import"))
            return -1;
        /* The list next to the throwaway store (app/render_class.c). */
        if (click(s, _("This computer"), 0)) {
            if (snapshot(s, "trainer-import-files"))
                return -1;
            if (click(s, "class-list.csv", 0) && snapshot(s, "trainer-import-preview"))
                return -1;
        }
        back_to_class(s, 1);
    }
    if (click(s, _("Kiosk settings"), 0)) {
        if (snapshot(s, "trainer-kiosk"))
            return -1;
        if (click(s, _("Change the facilitator PIN"), 0)) {
            if (snapshot(s, "facilitator-change-pin"))
                return -1;
            send(s, HRC_IN_BACK);
        }
        back_to_class(s, 1);
    }
    send(s, HRC_IN_BACK); /* locks, back to sign-in */
    return 0;
}

/*
 * --present: presenter mode, every question the way the room sees it (the
 * question, its answer, the room's answers), the closing slide and the
 * blank screen. Files are numbered by the question's place in the list.
 */
static int tour_present(renderer_state *s)
{
    static const char *const steps[] = {"question", "answer", "room"};
    char name[300];
    for (int q = 1; q <= 999; q++) {
        const char *id = hrc_app_current_id(s->app, NULL, NULL);
        if (!id)
            break; /* the closing slide */
        for (int k = 0; k < 3; k++) {
            snprintf(name, sizeof name, "present-%03d-%s-%s", q, id, steps[k]);
            if (snapshot(s, name))
                return -1;
            send(s, HRC_IN_PAGE_DOWN);
        }
    }
    if (snapshot(s, "present-end"))
        return -1;
    send(s, HRC_IN_HOME);
    send(s, HRC_IN_BLANK);
    return snapshot(s, "present-blank");
}

/* The tour of every screen. */
static int tour(renderer_state *s)
{
    hrc_input resize = {.kind = HRC_IN_RESIZE, .x = s->surface->w, .y = s->surface->h};
    hrc_app_handle_input(s->app, &resize);
    if (s->opts->app.present)
        return tour_present(s);
    if (s->opts->app.start_id) /* --goto: that one screen */
        return snapshot(s, s->opts->app.start_id);
    if (s->opts->app.kiosk && s->opts->app.progress && tour_kiosk(s))
        return -1;
    if (snapshot(s, "sign-in"))
        return -1;
    if (click(s, _("Settings"), 0)) {
        if (snapshot(s, "settings"))
            return -1;
        click(s, _("Done"), 0);
    }
    if (!click(s, _("Continue as guest"), 0)) {
        snprintf(s->err, s->err_size, "cannot get past the sign-in screen");
        return -1;
    }
    if (snapshot(s, "home"))
        return -1;
    for (size_t i = 0; i < s->opts->app.course->n_modules; i++)
        if (tour_module(s, i))
            return -1;
    return 0;
}

static int setup(renderer_state *s)
{
    const hrc_sdl_options *o = s->opts;
    int w = o->width > 0 ? o->width : DEFAULT_W;
    int h = o->height > 0 ? o->height : DEFAULT_H;
    s->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (s->surface)
        s->renderer = SDL_CreateSoftwareRenderer(s->surface);
    if (!s->renderer) {
        snprintf(s->err, s->err_size, "cannot make a %dx%d image: %s", w, h,
                 SDL_GetError());
        return -1;
    }
    char assets[4096];
    if (hrc_assets_find(assets, sizeof assets, s->err, s->err_size))
        return -1;
    if (hrc_gfx_init(&s->gfx, s->renderer, assets)) {
        snprintf(s->err, s->err_size, "cannot open the fonts in %s: %s", assets,
                 SDL_GetError());
        return -1;
    }
    s->gfx_ready = true;
    s->app = hrc_app_new(&o->app);
    if (!s->app) {
        snprintf(s->err, s->err_size, "out of memory");
        return -1;
    }
    if (o->app.speech && hrc_speech_new(NULL, &s->speech, s->err, s->err_size))
        return -1;
    return 0;
}

int hrc_sdl_render(const hrc_sdl_options *opts, char *err, size_t err_size)
{
    /* Nothing here needs a display; make sure SDL never looks for one. */
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (make_dir(opts->render_dir, err, err_size))
        return -1;
    if (hrc_gfx_libs_init()) {
        snprintf(err, err_size, "cannot start the image libraries: %s", SDL_GetError());
        return -1;
    }
    const char *times = getenv("HRC_RENDER_TIMES");
    renderer_state s = {.opts = opts, .err = err, .err_size = err_size,
                        .times = times && *times && strcmp(times, "0")};
    hrc_draw_list_init(&s.list);
    if (opts->review && hrc_review_new(opts->render_dir, &s.review)) {
        snprintf(err, err_size, "out of memory");
        return -1;
    }
    int rc = setup(&s) ? -1 : tour(&s);
    if (rc == 0 && s.review) /* --review: DIR/index.html (io/review.c) */
        rc = hrc_review_write(s.review, err, err_size);
    hrc_review_free(s.review);
    if (rc == 0 && s.gfx.text_overflows)
        fprintf(stderr, "render: %lu lines of text went past their box\n",
                s.gfx.text_overflows);
    hrc_draw_list_free(&s.list);
    hrc_app_free(s.app);
    hrc_speech_free(s.speech);
    if (s.gfx_ready)
        hrc_gfx_free(&s.gfx);
    if (s.renderer)
        SDL_DestroyRenderer(s.renderer);
    SDL_FreeSurface(s.surface);
    hrc_gfx_libs_quit();
    SDL_Quit();
    return rc;
}
