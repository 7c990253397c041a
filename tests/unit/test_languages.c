/*
 * Every screen of the bundled course (courses/human-rights-cities) in
 * English, French and Spanish: sign-in, settings, home, each module's
 * contents, every page, timeline event, case study, quiz question (before
 * and after answering) and the results. At each screen:
 * - every line of text stays inside its box and the screen, and none is
 *   left out for lack of room, at 1024x600, 1920x1080, 3840x2160 and
 *   portrait 1080x1920, at 100 % and 200 % text, scrolled end to end;
 * - in French, no drawn line starts with ; : ! ? » or a no-break space
 *   (the layout applies French typography, core/typography.h);
 * - the interface speaks the chosen language (no button says what another
 *   language would) and the course text shown is that language's.
 * Then the language is switched from the settings screen while the app
 * runs, and the very next frame must show both in the new language.
 * Uses the catalogues compiled into the build tree, as hrc-player does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "core/answer.h"
#include "core/i18n.h"
#include "io/locale.h"
#include "io/loader.h"
#include "screens/goto.h"
#include "screens/ui.h" /* dropped_runs */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define N_LANGS 3
static const char *const langs[N_LANGS] = {"en", "fr", "es"};

/* Interface strings of the screens walked here, as the sources write them
 * (English is the source language). Their translations are read from the
 * catalogues at start, so that a button can be told to be in the wrong
 * language. */
static const char *const ui_msgids[] = {
    "Back", "Home", "Settings", "Sign out", "Start", "Done", "Previous", "Next",
    "Back to contents", "Check answer", "Show a hint", "Next question", "See results",
    "Try again", "Continue", "Zoom in", "Zoom out", "Open the case study",
    "Show image description", "Hide description", "Continue as guest", "I am new here",
    "Standard", "High contrast", "Blank %zu", "Your number", "Your answer",
};
#define N_UI (sizeof ui_msgids / sizeof ui_msgids[0])
static char ui_tr[N_LANGS][N_UI][128];

/* Words a French or Spanish speaker would expect on the home screen. */
static const char *const home_words[N_LANGS][3] = {
    {"Start", "Settings", "Sign out"},
    {"Commencer", "Paramètres", "Se déconnecter"},
    {"Empezar", "Configuración", "Cerrar sesión"},
};

static hrc_course *course;

/* ---- Growing strings ------------------------------------------------------ */

typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;

static void buf_add(strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->s, cap);
        assert_non_null(grown);
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_clear(strbuf *b)
{
    b->len = 0;
    buf_add(b, "", 0);
}

/* s with every space, tab, line break and no-break space taken out, and
 * typographic apostrophes made straight: wrapped lines are compared with
 * the text they came from, which French typography gives no-break spaces
 * and apostrophes the author did not type. */
static void squeeze(strbuf *out, const char *s)
{
    for (; *s; s++) {
        if (strncmp(s, "\xe2\x80\x99", 3) == 0) {
            buf_add(out, "'", 1);
            s += 2;
            continue;
        }
        if (strncmp(s, "\xc2\xa0", 2) == 0 || strncmp(s, "\xe2\x80\xaf", 3) == 0) {
            s += s[0] == '\xc2' ? 1 : 2;
            continue;
        }
        if (!isspace((unsigned char)*s))
            buf_add(out, s, 1);
    }
}

/* ---- Walking the screens --------------------------------------------------- */

typedef struct walk {
    harness t;
    int lang;          /* index in langs */
    int screens;       /* screens visited */
    strbuf text;       /* the screen's text, all of it, squeezed */
    strbuf labels;     /* its targets' labels, one a line */
} walk;

/* msgid in language `lang` (an index in langs). */
static const char *tr_in(int lang, const char *msgid)
{
    for (size_t k = 0; k < N_UI; k++)
        if (strcmp(ui_msgids[k], msgid) == 0)
            return ui_tr[lang][k];
    fail_msg("\"%s\" is not in ui_msgids", msgid);
    return msgid;
}

static const char *tr(const walk *w, const char *msgid)
{
    return tr_in(w->lang, msgid);
}

static bool has_label(const walk *w, const char *label)
{
    strbuf line = {0};
    buf_add(&line, "\n", 1);
    buf_add(&line, label, strlen(label));
    buf_add(&line, "\n", 1);
    bool found = strstr(w->labels.s, line.s) != NULL;
    free(line.s);
    return found;
}

static bool shows_text(const walk *w, const char *s)
{
    strbuf want = {0};
    buf_clear(&want);
    squeeze(&want, s);
    bool found = strstr(w->text.s, want.s) != NULL;
    free(want.s);
    return found;
}

/* Adds what the frame shows to the screen's text and labels; fails on a
 * label that another language would give a button. */
static void collect_frame(walk *w, const char *what)
{
    const hrc_draw_list *l = &w->t.list;
    for (size_t i = 0; i < l->count; i++)
        if (l->cmds[i].kind == HRC_DRAW_TEXT)
            squeeze(&w->text, l->cmds[i].text);
    for (size_t i = 0; i < l->n_targets; i++) {
        const char *label = l->targets[i].label;
        buf_add(&w->labels, label, strlen(label));
        buf_add(&w->labels, "\n", 1);
        for (int other = 0; other < N_LANGS; other++)
            for (size_t k = 0; k < N_UI && other != w->lang; k++)
                if (strcmp(ui_tr[other][k], ui_tr[w->lang][k]) != 0 &&
                    strcmp(label, ui_tr[other][k]) == 0)
                    fail_msg("%s in %s: a button says \"%s\", as in %s", what,
                             langs[w->lang], label, langs[other]);
    }
}

static const struct {
    int w, h;
} sizes[] = {{1920, 1080}, {1024, 600}, {3840, 2160}, {1080, 1920}};

/* Lines of French text checked by no_line_starts_badly(), over all walks. */
static long french_lines_checked;

/*
 * French typography: no drawn line starts with ; : ! ? » or a no-break
 * space. A text command starts a line unless another one on the same line
 * of the same box ends exactly where it begins (the runs of a line are
 * drawn side by side).
 */
static void no_line_starts_badly(walk *w, const char *what)
{
    static const char *const bad[] = {";", ":", "!", "?", "\xc2\xbb", "\xc2\xa0",
                                      "\xe2\x80\xaf"};
    const hrc_draw_list *l = &w->t.list;
    for (size_t i = 0; i < l->count; i++) {
        const hrc_draw_cmd *c = &l->cmds[i];
        if (c->kind != HRC_DRAW_TEXT)
            continue;
        bool continues = false;
        for (size_t k = 0; k < l->count && !continues; k++) {
            const hrc_draw_cmd *o = &l->cmds[k];
            continues = k != i && o->kind == HRC_DRAW_TEXT && o->rect.y == c->rect.y &&
                        o->rect.x + o->rect.w == c->rect.x &&
                        memcmp(&o->bounds, &c->bounds, sizeof o->bounds) == 0;
        }
        if (continues)
            continue;
        french_lines_checked++;
        for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++)
            if (strncmp(c->text, bad[b], strlen(bad[b])) == 0)
                fail_msg("%s in fr at %dx%d, %d %% text: a line starts with \"%s\": \"%s\"",
                         what, w->t.w, w->t.h, w->t.app->text_percent, bad[b], c->text);
    }
}

/* The frame just drawn: every line of text inside its box and the screen,
 * none left out for lack of room; in French, no line starts with
 * punctuation that belongs to the word before. */
static void check_frame(walk *w, const char *what)
{
    if (strcmp(langs[w->lang], "fr") == 0)
        no_line_starts_badly(w, what);
    harness *t = &w->t;
    char why[512];
    const char *text = t->app->text_percent == 200 ? "200 %" : "100 %";
    if (!harness_geometry_ok(t, why, sizeof why))
        fail_msg("%s in %s at %dx%d, %s text: %s", what, langs[w->lang], t->w, t->h, text,
                 why);
    if (t->app->dropped_runs)
        fail_msg("%s in %s at %dx%d, %s text: %d pieces of text left out for lack of room",
                 what, langs[w->lang], t->w, t->h, text, t->app->dropped_runs);
}

/* A key, the frame it leads to, and that frame checked. */
static unsigned key(walk *w, hrc_input_kind kind, const char *what)
{
    unsigned eff = harness_key(&w->t, kind);
    harness_draw(&w->t);
    check_frame(w, what);
    return eff;
}

/*
 * Checks the current screen at every size, scrolled from top to end. At 1920x1080 targets must be 44 px, and the text and
 * labels are collected for the language checks. Ends at the top, at
 * 1920x1080.
 */
static void visit(walk *w, const char *what)
{
    harness *t = &w->t;
    buf_clear(&w->text);
    buf_clear(&w->labels);
    buf_add(&w->labels, "\n", 1);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        t->w = sizes[s].w;
        t->h = sizes[s].h;
        harness_key(t, HRC_IN_RESIZE);
        key(w, HRC_IN_HOME, what);
        for (int page = 0;; page++) {
            if (page > 500)
                fail_msg("%s: scrolling never ends", what);
            if (s == 0) {
                collect_frame(w, what);
                harness_check_targets(t, 44);
            }
            unsigned eff = harness_page_down(t);
            harness_draw(t);
            check_frame(w, what);
            if (!(eff & HRC_APP_REDRAW))
                break;
        }
    }
    t->w = 1920;
    t->h = 1080;
    harness_key(t, HRC_IN_RESIZE);
    harness_key(t, HRC_IN_HOME);
    if (w->text.len == 0)
        fail_msg("%s in %s: nothing on the screen", what, langs[w->lang]);
    /* At least one interface word of this language is on every screen. */
    bool own = false;
    for (size_t k = 0; k < N_UI && !own; k++)
        own = has_label(w, ui_tr[w->lang][k]);
    if (!own)
        fail_msg("%s in %s: no button in the interface language", what, langs[w->lang]);
    w->screens++;
}

static bool same_lang(const char *tag, const char *lang)
{
    size_t n = strlen(lang);
    return strncasecmp(tag, lang, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

/* A course text is written in the walk's language and is on the screen. */
static void expect_course_text(walk *w, const hrc_module *m, const hrc_text *text,
                               const char *what)
{
    if (hrc_text_is_empty(text))
        return;
    const hrc_variant *v = hrc_text_pick(text, langs[w->lang], m->default_lang);
    assert_non_null(v);
    if (!same_lang(v->lang, langs[w->lang]))
        fail_msg("%s: the course has no %s text here, only %s", what, langs[w->lang],
                 v->lang);
    if (!shows_text(w, v->plain))
        fail_msg("%s in %s: \"%s\" is not shown", what, langs[w->lang], v->plain);
}

static const char *plain(const walk *w, const hrc_module *m, const hrc_text *text)
{
    return hrc_text_plain(text, langs[w->lang], m->default_lang);
}

/* Activates, with Tab and Enter, the target whose label holds the start of s
 * (labels of long texts are cut). */
static unsigned activate_text(walk *w, const char *s)
{
    char needle[64];
    size_t n = strlen(s) < 48 ? strlen(s) : 48;
    while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80) /* whole characters */
        n--;
    memcpy(needle, s, n);
    needle[n] = '\0';
    return harness_activate_label(&w->t, needle);
}

/* Opens what `id` names; the app must then say it shows `shown` (a quiz
 * shows its first question). */
static void go_to(walk *w, const char *id, const char *shown)
{
    if (hrc_app_goto(w->t.app, id) != 0)
        fail_msg("cannot open %s", id);
    harness_draw(&w->t);
    const char *now = hrc_app_current_id(w->t.app, NULL, NULL);
    if (!now || strcmp(now, shown) != 0)
        fail_msg("opened %s, the app shows %s", id, now ? now : "(nothing)");
}

static void go(walk *w, const char *id)
{
    go_to(w, id, id);
}

static const char *choice_label(const walk *w, const hrc_module *m, const hrc_question *q,
                                size_t c)
{
    const char *s = plain(w, m, &q->choices[c].text);
    if (q->kind == HRC_Q_TRUEFALSE && !*s)
        return gettext(c == 0 ? "True" : "False");
    return s;
}

/* Typed as SDL gives it: a few characters at a time. */
static void type_text(walk *w, const char *s)
{
    while (*s) {
        hrc_input in = {.kind = HRC_IN_TEXT};
        size_t n = 0;
        while (s[n] && n + 4 < sizeof in.text) {
            n++;
            while (((unsigned char)s[n] & 0xC0) == 0x80)
                n++;
        }
        memcpy(in.text, s, n);
        harness_input(&w->t, in);
        s += n;
    }
}

/* The prompt of a fill-in question: each piece of text around the blanks
 * is in the walk's language and on the screen (the blanks show what is
 * typed in them). */
static void expect_gapped_prompt(walk *w, const hrc_module *m, const hrc_question *q)
{
    const hrc_variant *v = hrc_text_pick(&q->prompt, langs[w->lang], m->default_lang);
    assert_non_null(v);
    if (!same_lang(v->lang, langs[w->lang]))
        fail_msg("%s: the course has no %s prompt", q->id, langs[w->lang]);
    for (size_t i = 0; i < v->n_spans; i++)
        if (hrc_span_gap(&v->spans[i]) < 0 && !shows_text(w, v->spans[i].text))
            fail_msg("%s in %s: \"%s\" is not shown", q->id, langs[w->lang],
                     v->spans[i].text);
}

/* The right answer, typed: each blank picked with the pointer. */
static void type_answer(walk *w, const hrc_module *m, const hrc_question *q)
{
    char label[128];
    if (q->kind == HRC_Q_NUMERIC) {
        char number[48];
        hrc_number_format(q->value, hrc_lang_decimal_comma(langs[w->lang]) ? ',' : '.',
                          number, sizeof number);
        harness_click(&w->t, tr(w, "Your number"));
        type_text(w, number);
        return;
    }
    for (size_t g = 0; g < q->n_gaps; g++) {
        /* One blank is "Your answer"; several are numbered. */
        if (q->n_gaps > 1)
            snprintf(label, sizeof label, tr(w, "Blank %zu"), g + 1);
        else
            snprintf(label, sizeof label, "%s", tr(w, "Your answer"));
        harness_click(&w->t, label);
        const hrc_accept *a = hrc_gap_shown(&q->gaps[g], langs[w->lang], m->default_lang);
        assert_non_null(a);
        type_text(w, a->text);
    }
}

/* The first choice, or every pair matched; orderings are checked as shown;
 * typed answers right. */
static void answer(walk *w, const hrc_module *m, const hrc_question *q)
{
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_MULTIPLE:
    case HRC_Q_TRUEFALSE:
        activate_text(w, choice_label(w, m, q, 0));
        break;
    case HRC_Q_MATCHING:
        /* A partner goes to the first item still without one. */
        for (size_t i = 0; i < q->n_pairs; i++)
            activate_text(w, plain(w, m, &q->pairs[i].right));
        break;
    case HRC_Q_ORDERING:
        break;
    case HRC_Q_FILLIN:
    case HRC_Q_NUMERIC:
        type_answer(w, m, q);
        break;
    }
    harness_activate_label(&w->t, tr(w, "Check answer"));
}

static void walk_quiz(walk *w, const hrc_module *m, const hrc_quiz *quiz)
{
    /* The quizzes are shuffled: the loop below checks that each question
     * shown is one of the quiz's, and that every one is shown once. */
    if (hrc_app_goto(w->t.app, quiz->id) != 0)
        fail_msg("cannot open %s", quiz->id);
    harness_draw(&w->t);
    bool *asked = calloc(quiz->n_questions ? quiz->n_questions : 1, sizeof *asked);
    assert_non_null(asked);
    /* A pool asks `draw` of its questions. */
    size_t n_asked = quiz->draw && quiz->draw < quiz->n_questions ? quiz->draw
                                                                   : quiz->n_questions;
    for (size_t n = 0; n < n_asked; n++) {
        const char *id = hrc_app_current_id(w->t.app, NULL, NULL);
        const hrc_question *q = NULL;
        for (size_t k = 0; id && k < quiz->n_questions && !q; k++)
            if (strcmp(quiz->questions[k].id, id) == 0) {
                q = &quiz->questions[k];
                asked[k] = true;
            }
        if (!q)
            fail_msg("%s: question %zu is not one of the quiz", quiz->id, n + 1);
        visit(w, q->id);
        if (q->kind == HRC_Q_FILLIN)
            expect_gapped_prompt(w, m, q);
        else
            expect_course_text(w, m, &q->prompt, q->id);
        answer(w, m, q);
        visit(w, q->id);
        bool verdict = shows_text(w, gettext("Right!")) ||
                       shows_text(w, gettext("Partly right.")) ||
                       shows_text(w, gettext("Not right."));
        if (!verdict)
            fail_msg("%s in %s: no verdict after answering", q->id, langs[w->lang]);
        expect_course_text(w, m, &q->explanation, q->id);
        bool last = n + 1 == n_asked;
        harness_activate_label(&w->t, tr(w, last ? "See results" : "Next question"));
    }
    size_t shown_once = 0;
    for (size_t k = 0; k < quiz->n_questions; k++)
        shown_once += asked[k];
    if (shown_once != n_asked)
        fail_msg("%s: %zu questions shown, %zu asked", quiz->id, shown_once, n_asked);
    free(asked);
    const char *shown = hrc_app_current_id(w->t.app, NULL, NULL);
    assert_non_null(shown);
    assert_string_equal(shown, quiz->id);
    visit(w, "results");
    expect_course_text(w, m, &quiz->title, quiz->id);
    char line[256];
    snprintf(line, sizeof line, gettext("Pass mark: %d%%"), quiz->pass_percent);
    if (!shows_text(w, line))
        fail_msg("%s results in %s: \"%s\" is not shown", quiz->id, langs[w->lang], line);
}

static void walk_module(walk *w, const hrc_module *m)
{
    go(w, m->id);
    visit(w, m->id);
    expect_course_text(w, m, &m->title, m->id);
    for (size_t i = 0; i < m->n_items; i++)
        expect_course_text(w, m, hrc_item_title(&m->items[i]), hrc_item_id(&m->items[i]));
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        const char *id = hrc_item_id(it);
        if (it->kind == HRC_ITEM_QUIZ) {
            walk_quiz(w, m, it->u.quiz);
            continue;
        }
        go(w, id);
        visit(w, id);
        expect_course_text(w, m, hrc_item_title(it), id);
        if (it->kind != HRC_ITEM_TIMELINE)
            continue;
        const hrc_timeline *tl = it->u.timeline;
        for (size_t e = 0; e < tl->n_eras; e++)
            for (size_t v = 0; v < tl->eras[e].n_events; v++) {
                const hrc_event *ev = &tl->eras[e].events[v];
                go(w, ev->id);
                visit(w, ev->id);
                expect_course_text(w, m, &ev->headline, ev->id);
                expect_course_text(w, m, &ev->text, ev->id);
            }
    }
}

static void stop(walk *w)
{
    /* The course is shared by every walk: harness_stop() would free it. */
    hrc_app_free(w->t.app);
    hrc_draw_list_free(&w->t.list);
    free(w->text.s);
    free(w->labels.s);
    memset(w, 0, sizeof *w);
}

/* A new app in language `lang` (an index in langs), at sign-in. */
static void start(walk *w, int lang, int text_percent)
{
    stop(w);
    w->lang = lang;
    hrc_app_config cfg = {.course = course, .lang = langs[lang],
                          .text_scale_percent = text_percent, .seed = 1234,
                          .host = harness_host()};
    w->t.course = course;
    w->t.app = hrc_app_new(&cfg);
    assert_non_null(w->t.app);
    assert_string_equal(hrc_app_lang(w->t.app), langs[lang]);
    assert_string_equal(hrc_i18n_language(), langs[lang]);
    hrc_draw_list_init(&w->t.list);
    w->t.w = 1920;
    w->t.h = 1080;
    w->t.dpi = 1.0f;
    w->t.now = 1000;
    harness_draw(&w->t);
}

/* Each test gets a walk, freed even when the test fails half-way. */
static int walk_new(void **state)
{
    *state = calloc(1, sizeof(walk));
    return *state ? 0 : -1;
}

static int walk_free(void **state)
{
    stop(*state);
    free(*state);
    return 0;
}

/* Labels of the home screen in English, from the first walk. */
static strbuf english_home;

static void check_home(walk *w)
{
    if (w->lang == 0) {
        buf_clear(&english_home);
        buf_add(&english_home, w->labels.s, w->labels.len);
    } else {
        assert_true(english_home.len > 1);
        for (char *line = english_home.s + 1; *line;) {
            char *end = strchr(line, '\n');
            *end = '\0';
            if (has_label(w, line))
                fail_msg("home in %s: \"%s\" is still in English", langs[w->lang], line);
            *end = '\n';
            line = end + 1;
        }
    }
    bool known = false;
    for (size_t k = 0; k < 3; k++)
        known |= has_label(w, home_words[w->lang][k]);
    if (!known)
        fail_msg("home in %s: none of \"%s\", \"%s\", \"%s\"", langs[w->lang],
                 home_words[w->lang][0], home_words[w->lang][1], home_words[w->lang][2]);
    for (size_t i = 0; i < course->n_modules; i++)
        expect_course_text(w, course->modules[i], &course->modules[i]->title,
                           course->modules[i]->id);
}

static void walk_everything(walk *w)
{
    visit(w, "sign-in");
    harness_activate_label(&w->t, tr(w, "Settings"));
    visit(w, "settings");
    harness_activate_label(&w->t, tr(w, "Done"));
    harness_activate_label(&w->t, tr(w, "Continue as guest"));
    assert_null(hrc_app_current_id(w->t.app, NULL, NULL));
    visit(w, "home");
    check_home(w);
    for (size_t i = 0; i < course->n_modules; i++)
        walk_module(w, course->modules[i]);
}

/* Sign-in, settings and home; each module's contents, pages, timelines
 * and their events, case studies; each question twice and the results. */
static int expected_screens(void)
{
    int n = 3;
    for (size_t i = 0; i < course->n_modules; i++) {
        const hrc_module *m = course->modules[i];
        n++;
        for (size_t k = 0; k < m->n_items; k++) {
            const hrc_item *it = &m->items[k];
            if (it->kind == HRC_ITEM_QUIZ) {
                const hrc_quiz *z = it->u.quiz;
                size_t asked = z->draw && z->draw < z->n_questions ? z->draw : z->n_questions;
                n += 2 * (int)asked + 1;
                continue;
            }
            n++;
            for (size_t e = 0; it->kind == HRC_ITEM_TIMELINE && e < it->u.timeline->n_eras; e++)
                n += (int)it->u.timeline->eras[e].n_events;
        }
    }
    return n;
}

/*
 * Every screen at every size at 100 % text, and again at 200 % text.
 * One walk per language and text size, English first: its home screen is
 * what the others must not show.
 */
static void every_screen_in_every_language(void **state)
{
    walk *w = *state;
    static const int text_sizes[] = {100, 200};
    for (int lang = 0; lang < N_LANGS; lang++)
        for (size_t s = 0; s < sizeof text_sizes / sizeof text_sizes[0]; s++) {
            start(w, lang, text_sizes[s]);
            walk_everything(w);
            assert_int_equal(w->screens, expected_screens());
        }
    /* The French walks did look at lines: thousands of them. */
    if (french_lines_checked < 10000)
        fail_msg("only %ld French lines were checked", french_lines_checked);
}

/* ---- Switching at run time ------------------------------------------------ */

static int lang_index(const char *code)
{
    for (int i = 0; i < N_LANGS; i++)
        if (strcmp(langs[i], code) == 0)
            return i;
    fail_msg("unknown language %s", code);
    return 0;
}

/* The course text a screen opened by `id` starts with: the module's or
 * item's title, the event's headline, the question's prompt. */
static const hrc_text *heading_of(const hrc_module *m, const char *id)
{
    long i = hrc_module_find_item(m, id);
    if (i < 0)
        return &m->title;
    const hrc_item *it = &m->items[i];
    if (it->kind == HRC_ITEM_TIMELINE)
        for (size_t e = 0; e < it->u.timeline->n_eras; e++)
            for (size_t v = 0; v < it->u.timeline->eras[e].n_events; v++)
                if (strcmp(it->u.timeline->eras[e].events[v].id, id) == 0)
                    return &it->u.timeline->eras[e].events[v].headline;
    if (it->kind == HRC_ITEM_QUIZ)
        for (size_t q = 0; q < it->u.quiz->n_questions; q++)
            if (strcmp(it->u.quiz->questions[q].id, id) == 0)
                return &it->u.quiz->questions[q].prompt;
    return hrc_item_title(it);
}

/*
 * From a screen showing course text, opens the settings, picks another
 * language and comes back: the settings screen itself and the screen
 * returned to are in the new language on the next frame, with no restart.
 */
static void switch_language(walk *w, const char *where, const char *to_lang,
                            const char *native_name)
{
    const hrc_module *m = NULL;
    go(w, where);
    assert_non_null(hrc_app_current_id(w->t.app, &m, NULL));
    const hrc_text *title = heading_of(m, where);
    visit(w, where);
    expect_course_text(w, m, title, where);
    char old_title[512];
    snprintf(old_title, sizeof old_title, "%s", plain(w, m, title));
    int old = w->lang;

    harness_activate_label(&w->t, tr(w, "Settings"));
    unsigned eff = harness_activate_label(&w->t, native_name);
    assert_true(eff & HRC_APP_REDRAW);
    assert_true(eff & HRC_APP_LANG_CHANGED);
    w->lang = lang_index(to_lang);
    assert_string_equal(hrc_app_lang(w->t.app), to_lang);
    assert_string_equal(hrc_i18n_language(), to_lang);
    /* The frame drawn right after the click is the settings screen anew. */
    visit(w, "settings");
    assert_true(has_label(w, tr(w, "Done")));
    assert_false(has_label(w, tr_in(old, "Done")));
    assert_true(shows_text(w, gettext("Language")));

    harness_activate_label(&w->t, tr(w, "Done"));
    const char *back = hrc_app_current_id(w->t.app, NULL, NULL);
    assert_non_null(back);
    assert_string_equal(back, where);
    visit(w, where);
    expect_course_text(w, m, title, where);
    const char *new_title = plain(w, m, title);
    if (strcmp(new_title, old_title) != 0 && shows_text(w, old_title))
        fail_msg("%s: \"%s\" is still shown after switching to %s", where, old_title,
                 to_lang);
    assert_true(has_label(w, tr(w, "Home")));
    assert_true(has_label(w, tr(w, "Settings")));
}

static void switch_language_at_run_time(void **state)
{
    walk *w = *state;
    start(w, 0, 100);
    harness_activate_label(&w->t, tr(w, "Continue as guest"));
    /* A page, a module's contents, a timeline event, a quiz question. */
    switch_language(w, "m1-definition", "fr", "Français");
    switch_language(w, "hrc-key-steps", "es", "Español");
    switch_language(w, "m2-ev-gwangju-declaration", "en", "English");
    switch_language(w, "m3-q-report", "fr", "Français");
}

/* ---- Set-up ------------------------------------------------------------------ */

static int load(void **state)
{
    (void)state;
    if (hrc_locale_init(HRC_BUILD_EXE) != 0) {
        print_error("no compiled catalogues next to %s\n", HRC_BUILD_EXE);
        return -1;
    }
    for (int l = 0; l < N_LANGS; l++) {
        if (hrc_locale_set_language(langs[l]) != 0)
            return -1;
        for (size_t k = 0; k < N_UI; k++)
            snprintf(ui_tr[l][k], sizeof ui_tr[l][k], "%s", gettext(ui_msgids[k]));
    }
    hrc_locale_set_language("en");
    /* The catalogues really were read: "Settings" is not English in French. */
    if (strcmp(tr_in(1, "Settings"), "Settings") == 0 ||
        strcmp(tr_in(2, "Settings"), "Settings") == 0) {
        print_error("the French and Spanish catalogues were not read\n");
        return -1;
    }
    hrc_diags d;
    hrc_diags_init(&d);
    int rc = hrc_course_load(HRC_SOURCE_DIR "/courses/human-rights-cities", &course, &d);
    for (size_t i = 0; i < d.count; i++)
        hrc_diag_format(&d.items[i], stderr);
    hrc_diags_clear(&d);
    if (rc != 0 || !course || course->n_modules != 4) {
        print_error("the bundled course did not load with its 4 modules\n");
        return -1;
    }
    return 0;
}

static int unload(void **state)
{
    (void)state;
    hrc_course_free(course);
    free(english_home.s);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_screen_in_every_language, walk_new, walk_free),
        cmocka_unit_test_setup_teardown(switch_language_at_run_time, walk_new, walk_free),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
