/*
 * test_spoken_course.c: what spoken guidance says on every screen of the
 * bundled course (courses/human-rights-cities), in English, French and
 * Spanish, walked by keyboard as a blind learner would: sign-in, settings,
 * home, each module's contents, every page, the timeline and each event,
 * every case study, every question before and after answering, and the
 * results. On each screen:
 * - entering it says its title (the module's, the item's, the event's
 *   headline, the question) and interrupts what was said before;
 * - Tab visits every target, and each one announces a non-empty label and
 *   its role, interrupting the previous announcement;
 * - F6 reads the whole page, paragraph by paragraph, to "End of the page";
 * - after an answer the verdict is said; the results say the score; an
 *   event says its date as a reader of the language says it;
 * - nothing said contains markup, an entity, a raw id of the course, an
 *   icon glyph or a layout mark, and everything is said with the voice of
 *   the walk's language (the course is written in all three).
 * Uses the catalogues compiled into the build tree, as hrc-player does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "core/answer.h"
#include "core/dates.h"
#include "core/i18n.h"
#include "io/loader.h"
#include "io/locale.h"
#include "screens/goto.h"
#include "screens/ui.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define N_LANGS 3
static const char *const langs[N_LANGS] = {"en", "fr", "es"};

static hrc_course *course;

/* The course's ids that could never be words of a sentence ("m1-quiz",
 * "hrc-key-steps"): none may be said. */
enum { MAX_IDS = 4096 };
static const char *ids[MAX_IDS];
static size_t n_ids;

static void add_id(const char *id)
{
    if (!id || n_ids >= MAX_IDS)
        return;
    /* "anti-discrimination" may be a word; "m1-quiz" and "hrc-key-steps"
     * are not. */
    int hyphens = 0;
    bool odd = false;
    for (const char *p = id; *p; p++) {
        hyphens += *p == '-';
        odd |= *p == '_' || isdigit((unsigned char)*p);
    }
    if (odd || hyphens >= 2)
        ids[n_ids++] = id;
}

static void collect_ids(void)
{
    for (size_t i = 0; i < course->n_modules; i++) {
        const hrc_module *m = course->modules[i];
        add_id(m->id);
        for (size_t k = 0; k < m->n_items; k++) {
            const hrc_item *it = &m->items[k];
            add_id(hrc_item_id(it));
            if (it->kind == HRC_ITEM_TIMELINE)
                for (size_t e = 0; e < it->u.timeline->n_eras; e++) {
                    add_id(it->u.timeline->eras[e].id);
                    for (size_t v = 0; v < it->u.timeline->eras[e].n_events; v++)
                        add_id(it->u.timeline->eras[e].events[v].id);
                }
            if (it->kind == HRC_ITEM_QUIZ)
                for (size_t q = 0; q < it->u.quiz->n_questions; q++) {
                    const hrc_question *qu = &it->u.quiz->questions[q];
                    add_id(qu->id);
                    for (size_t c = 0; c < qu->n_choices; c++)
                        add_id(qu->choices[c].id);
                    for (size_t p = 0; p < qu->n_pairs; p++)
                        add_id(qu->pairs[p].id);
                }
        }
    }
    assert_true(n_ids > 50);
}

typedef struct walk {
    harness t;
    int lang;
    int screens;
    long utterances, announcements, paragraphs;
} walk;

static bool word_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '_';
}

/* One utterance: plain text in the walk's language. */
static void check_utterance(const walk *w, const hrc_utterance *u, const char *what)
{
    const char *s = u->text;
    if (!*s)
        fail_msg("%s in %s: an empty utterance", what, langs[w->lang]);
    size_t n = strlen(langs[w->lang]);
    /* A language's own name ("Français") is said in that language. */
    size_t n_offered = 0;
    const hrc_language *offered = hrc_i18n_languages(&n_offered);
    bool own_name = false;
    for (size_t i = 0; i < n_offered; i++)
        own_name |= strcmp(s, offered[i].native_name) == 0 &&
                    strcmp(u->lang, offered[i].code) == 0;
    if (!own_name &&
        (strncasecmp(u->lang, langs[w->lang], n) != 0 || (u->lang[n] && u->lang[n] != '-')))
        fail_msg("%s in %s: \"%s\" is said with the %s voice", what, langs[w->lang], s, u->lang);
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!'))
            fail_msg("%s: markup in \"%s\"", what, s);
        if (c == '&' && (isalpha((unsigned char)p[1]) || p[1] == '#')) {
            const char *q = p + 1;
            while (isalnum((unsigned char)*q) || *q == '#')
                q++;
            if (*q == ';')
                fail_msg("%s: an entity in \"%s\"", what, s);
        }
        if (c == '|' || c < 0x20)
            fail_msg("%s: a layout mark in \"%s\"", what, s);
        /* Icon glyphs (U+E000-U+F8FF), "·", "→", "•". */
        if (c == 0xee || c == 0xef) {
            unsigned cp = (c & 0x0fu) << 12 | ((unsigned char)p[1] & 0x3fu) << 6 |
                          ((unsigned char)p[2] & 0x3fu);
            if (cp >= 0xe000 && cp <= 0xf8ff)
                fail_msg("%s: an icon glyph in \"%s\"", what, s);
        }
        if (!strncmp(p, "\xc2\xb7", 2) || !strncmp(p, "\xe2\x86\x92", 3) ||
            !strncmp(p, "\xe2\x80\xa2", 3))
            fail_msg("%s: a layout mark in \"%s\"", what, s);
    }
    for (size_t i = 0; i < n_ids; i++) {
        size_t len = strlen(ids[i]);
        for (const char *p = strstr(s, ids[i]); p; p = strstr(p + 1, ids[i]))
            if ((p == s || !word_char(p[-1])) && !word_char(p[len]))
                fail_msg("%s in %s: the id \"%s\" is said in \"%s\"", what, langs[w->lang],
                         ids[i], s);
    }
}

/* Checks the frame's utterances; returns them joined by new lines. */
static const char *heard(walk *w, const char *what, bool must_speak)
{
    static char all[65536];
    all[0] = '\0';
    const hrc_draw_list *l = &w->t.list;
    if (must_speak && !l->n_utterances)
        fail_msg("%s in %s: nothing is said", what, langs[w->lang]);
    if (l->n_utterances && l->utterances[0].queue)
        fail_msg("%s in %s: \"%s\" waits instead of interrupting", what, langs[w->lang],
                 l->utterances[0].text);
    for (size_t i = 0; i < l->n_utterances; i++) {
        check_utterance(w, &l->utterances[i], what);
        size_t n = strlen(all);
        snprintf(all + n, sizeof all - n, "%s%s", n ? "\n" : "", l->utterances[i].text);
        w->utterances++;
    }
    return all;
}

static void press(walk *w, hrc_input_kind kind)
{
    w->t.list.n_utterances = 0;
    harness_key(&w->t, kind);
}

/* s cleaned as speech says it, for comparing. */
static void spoken_form(const char *s, char *out, size_t size)
{
    spoken_clean(s, out, size);
}

static void expect_said(walk *w, const char *said, const char *text, const char *what)
{
    char want[2048];
    spoken_form(text, want, sizeof want);
    /* Long texts: their start is enough. */
    size_t n = strlen(want);
    if (n > 60) {
        n = 60;
        while (n > 0 && ((unsigned char)want[n] & 0xc0) == 0x80)
            n--;
        want[n] = '\0';
    }
    if (!strstr(said, want))
        fail_msg("%s in %s: \"%s\" is not said; what is said:\n%s", what, langs[w->lang], want,
                 said);
}

/* Every target, by Tab: a label and its role, each time. */
static void tab_through(walk *w, const char *what)
{
    int n = w->t.app->n_targets;
    for (int i = 0; i <= n; i++) {
        press(w, HRC_IN_NEXT);
        const char *said = heard(w, what, false);
        const hrc_draw_target *f = NULL;
        for (size_t k = 0; k < w->t.list.n_targets; k++)
            if (w->t.list.targets[k].focused)
                f = &w->t.list.targets[k];
        if (!f)
            continue; /* nothing focusable */
        if (f->role == HRC_ROLE_NONE)
            fail_msg("%s in %s: \"%s\" has no role", what, langs[w->lang], f->label);
        if (!*said)
            fail_msg("%s in %s: the focus on \"%s\" says nothing", what, langs[w->lang],
                     f->label);
        const char *role = spoken_role_name(f->role);
        if (!strcasestr(said, role))
            fail_msg("%s in %s: \"%s\" does not say its role (%s):\n%s", what, langs[w->lang],
                     f->label, role, said);
        /* A label besides the role words. */
        char clean[1024];
        spoken_form(f->label, clean, sizeof clean);
        if (strlen(said) <= strlen(role) + 2 && !*clean)
            fail_msg("%s in %s: a %s with no label", what, langs[w->lang], role);
        if (f->role == HRC_ROLE_BUTTON || f->role == HRC_ROLE_TIMELINE_EVENT) {
            char first[64];
            size_t k = 0;
            while (clean[k] && clean[k] != ' ' && clean[k] != ',' && k + 1 < sizeof first) {
                first[k] = clean[k];
                k++;
            }
            first[k] = '\0';
            if (!*first || !strstr(said, first))
                fail_msg("%s in %s: \"%s\" is said without its label:\n%s", what,
                         langs[w->lang], f->label, said);
        }
        w->announcements++;
    }
}

/* F6, then "heard" until the page ends: every paragraph is plain text. */
static void read_page(walk *w, const char *what)
{
    press(w, HRC_IN_SPEECH_READ);
    heard(w, what, true);
    int n = 0;
    while (w->t.app->speech.reading) {
        if (++n > 1000)
            fail_msg("%s in %s: reading never ends", what, langs[w->lang]);
        press(w, HRC_IN_SPEECH_DONE);
        const char *said = heard(w, what, true);
        w->paragraphs++;
        char end[128];
        spoken_form(gettext("End of the page."), end, sizeof end);
        if (!w->t.app->speech.reading && strcmp(said, end) != 0)
            fail_msg("%s in %s: reading ends with \"%s\"", what, langs[w->lang], said);
    }
    if (n < 2)
        fail_msg("%s in %s: only %d paragraphs read", what, langs[w->lang], n);
}

/* A screen just entered: what it said; then every target, then reading. */
static void visit(walk *w, const char *what, const char *said_on_entry)
{
    (void)said_on_entry;
    tab_through(w, what);
    read_page(w, what);
    press(w, HRC_IN_HOME);
    w->screens++;
}

static const char *plain(const walk *w, const hrc_module *m, const hrc_text *t)
{
    return hrc_text_plain(t, langs[w->lang], m->default_lang);
}

/* A fill-in prompt as it is said: each gap is "blank" ("blank 2" when
 * there are several), never a row of underscores. */
static const char *prompt_said(const walk *w, const hrc_module *m, const hrc_question *q)
{
    static char out[2048];
    const hrc_variant *v = hrc_text_pick(&q->prompt, langs[w->lang], m->default_lang);
    if (q->kind != HRC_Q_FILLIN || !v)
        return plain(w, m, &q->prompt);
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < v->n_spans && at + 1 < sizeof out; i++) {
        int g = hrc_span_gap(&v->spans[i]);
        char word[64];
        const char *piece = v->spans[i].text;
        if (g >= 0) {
            if (q->n_gaps > 1)
                snprintf(word, sizeof word, gettext("blank %d"), g + 1);
            else
                snprintf(word, sizeof word, "%s", gettext("blank"));
            piece = word;
        }
        int n = snprintf(out + at, sizeof out - at, "%s", piece ? piece : "");
        if (n > 0)
            at = at + (size_t)n < sizeof out ? at + (size_t)n : sizeof out - 1;
    }
    return out;
}

/* Opens id, and checks what entering it says. */
static const char *enter(walk *w, const char *id, const char *title, const char *what)
{
    w->t.list.n_utterances = 0;
    if (hrc_app_goto(w->t.app, id) != 0)
        fail_msg("cannot open %s", id);
    harness_draw(&w->t);
    const char *said = heard(w, what, true);
    if (title)
        expect_said(w, said, title, what);
    return said;
}

static unsigned activate(walk *w, const char *label)
{
    char needle[64];
    size_t n = strlen(label) < 48 ? strlen(label) : 48;
    while (n > 0 && ((unsigned char)label[n] & 0xc0) == 0x80)
        n--;
    memcpy(needle, label, n);
    needle[n] = '\0';
    w->t.list.n_utterances = 0;
    return harness_activate_label(&w->t, needle);
}

/* Typing into the focused field echoes what was typed. */
static void type_text(walk *w, const char *text)
{
    hrc_input in = {.kind = HRC_IN_TEXT};
    snprintf(in.text, sizeof in.text, "%.*s", (int)sizeof in.text - 1, text);
    w->t.list.n_utterances = 0;
    harness_input(&w->t, in);
}

static void walk_quiz(walk *w, const hrc_module *m, const hrc_quiz *quiz)
{
    enter(w, quiz->id, NULL, quiz->id);
    size_t asked = quiz->draw ? quiz->draw : quiz->n_questions; /* a pool draws some */
    for (size_t n = 0; n < asked; n++) {
        const char *id = hrc_app_current_id(w->t.app, NULL, NULL);
        const hrc_question *q = NULL;
        for (size_t k = 0; id && k < quiz->n_questions && !q; k++)
            if (strcmp(quiz->questions[k].id, id) == 0)
                q = &quiz->questions[k];
        assert_non_null(q);
        /* Entering the question (again, from its first frame) says it. */
        hrc_app_speech_restart(w->t.app);
        w->t.list.n_utterances = 0;
        harness_draw(&w->t);
        expect_said(w, heard(w, q->id, true), prompt_said(w, m, q), q->id);
        visit(w, q->id, NULL);
        switch (q->kind) {
        case HRC_Q_SINGLE:
        case HRC_Q_MULTIPLE:
        case HRC_Q_TRUEFALSE: {
            const char *c = plain(w, m, &q->choices[0].text);
            activate(w, *c ? c : gettext("True"));
            break;
        }
        case HRC_Q_MATCHING:
            for (size_t i = 0; i < q->n_pairs; i++)
                activate(w, plain(w, m, &q->pairs[i].right));
            break;
        case HRC_Q_ORDERING:
            break;
        case HRC_Q_FILLIN:
            /* The focus starts in the first blank; Enter goes to the next. */
            /* Each blank, found by Tab as a learner would. */
            for (size_t g = 0; g < q->n_gaps; g++) {
                char label[64];
                /* One blank is "Your answer"; several are numbered. */
                if (q->n_gaps > 1)
                    snprintf(label, sizeof label, gettext("Blank %zu"), g + 1);
                else
                    snprintf(label, sizeof label, "%s", gettext("Your answer"));
                if (!harness_tab_to(&w->t, label))
                    fail_msg("%s in %s: no \"%s\" by Tab", q->id, langs[w->lang], label);
                type_text(w, q->gaps[g].n_accepts ? q->gaps[g].accepts[0].text : "x");
            }
            break;
        case HRC_Q_NUMERIC: {
            if (!harness_tab_to(&w->t, gettext("Your number")))
                fail_msg("%s in %s: no number field by Tab", q->id, langs[w->lang]);
            char number[sizeof ((hrc_input *)0)->text];
            hrc_number_format(q->value, '.', number, sizeof number);
            type_text(w, number);
            break;
        }
        }
        activate(w, gettext("Check answer"));
        const char *said = heard(w, q->id, true);
        char right[128], partly[128], wrong[128];
        spoken_form(gettext("Right!"), right, sizeof right);
        spoken_form(gettext("Partly right."), partly, sizeof partly);
        spoken_form(gettext("Not right."), wrong, sizeof wrong);
        if (!strstr(said, right) && !strstr(said, partly) && !strstr(said, wrong))
            fail_msg("%s in %s: no verdict said after the answer:\n%s", q->id, langs[w->lang],
                     said);
        expect_said(w, said, plain(w, m, &q->explanation), q->id);
        visit(w, q->id, NULL);
        bool last = n + 1 == asked;
        activate(w, gettext(last ? "See results" : "Next question"));
    }
    const char *said = heard(w, "results", true);
    char line[128];
    snprintf(line, sizeof line, gettext("Pass mark: %d%%"), quiz->pass_percent);
    expect_said(w, said, line, "results");
    visit(w, "results", NULL);
}

static void walk_module(walk *w, const hrc_module *m)
{
    enter(w, m->id, plain(w, m, &m->title), m->id);
    visit(w, m->id, NULL);
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        const char *id = hrc_item_id(it);
        if (it->kind == HRC_ITEM_QUIZ) {
            walk_quiz(w, m, it->u.quiz);
            continue;
        }
        enter(w, id, plain(w, m, hrc_item_title(it)), id);
        visit(w, id, NULL);
        if (it->kind != HRC_ITEM_TIMELINE)
            continue;
        /* The events, one by one with the Right arrow, as a learner steps
         * through them: the date as one says it aloud ("from 2021 to
         * 2022"), then the headline. */
        const hrc_timeline *tl = it->u.timeline;
        for (size_t e = 0; e < tl->n_eras; e++)
            for (size_t v = 0; v < tl->eras[e].n_events; v++) {
                const hrc_event *ev = &tl->eras[e].events[v];
                press(w, HRC_IN_RIGHT);
                const char *said = heard(w, ev->id, true);
                char date[64];
                assert_true((ev->has_end ? hrc_date_range_spoken(&ev->date, &ev->end, date,
                                                                 sizeof date)
                                         : hrc_date_format(&ev->date, date, sizeof date)) > 0);
                expect_said(w, said, date, ev->id);
                expect_said(w, said, plain(w, m, &ev->headline), ev->id);
                expect_said(w, said, plain(w, m, &ev->text), ev->id);
                visit(w, ev->id, NULL);
            }
    }
}

static void stop(walk *w)
{
    hrc_app_free(w->t.app);
    hrc_draw_list_free(&w->t.list);
    memset(w, 0, sizeof *w);
}

static void start(walk *w, int lang)
{
    stop(w);
    w->lang = lang;
    hrc_app_config cfg = {.course = course, .lang = langs[lang], .seed = 1234,
                          .host = harness_host(), .speech = true};
    w->t.course = course;
    w->t.app = hrc_app_new(&cfg);
    assert_non_null(w->t.app);
    hrc_draw_list_init(&w->t.list);
    w->t.w = 1920;
    w->t.h = 1080;
    w->t.dpi = 1.0f;
    w->t.now = 1000;
    harness_draw(&w->t);
}

static void every_screen_said_in_every_language(void **state)
{
    walk *w = *state;
    for (int lang = 0; lang < N_LANGS; lang++) {
        start(w, lang);
        const char *said = heard(w, "sign-in", true);
        expect_said(w, said, gettext("Welcome"), "sign-in");
        visit(w, "sign-in", NULL);
        activate(w, gettext("Settings"));
        expect_said(w, heard(w, "settings", true), gettext("Settings"), "settings");
        visit(w, "settings", NULL);
        activate(w, gettext("Done"));
        activate(w, gettext("Continue as guest"));
        expect_said(w, heard(w, "home", true), gettext("Welcome, guest"), "home");
        visit(w, "home", NULL);
        for (size_t i = 0; i < course->n_modules; i++)
            walk_module(w, course->modules[i]);
        printf("%s: %d screens, %ld utterances, %ld targets announced, %ld paragraphs read\n",
               langs[lang], w->screens, w->utterances, w->announcements, w->paragraphs);
        assert_true(w->screens > 100);
    }
}

static int setup(void **state)
{
    hrc_locale_init(HRC_BUILD_EXE);
    hrc_diags d;
    hrc_diags_init(&d);
    int rc = hrc_course_open(HRC_SOURCE_DIR "/courses/human-rights-cities", &course, &d);
    hrc_diags_clear(&d);
    if (rc || !course)
        return -1;
    collect_ids();
    *state = calloc(1, sizeof(walk));
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    stop(*state);
    free(*state);
    hrc_course_free(course);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_said_in_every_language),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
