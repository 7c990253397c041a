/* The timeline of the bundled course as a learner sees it: one marker per
 * event, none hidden under another, each wide enough to touch; headlines
 * written whole (wrapped between words, never cut), none on another and
 * no leader line through one; the axis no longer than the events' span;
 * the stepper ("3 of 14") between Previous and Next event, which are
 * greyed and said unavailable at either end; the zoom buttons together,
 * working by key and by touch; all of it at every size. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/loader.h"
#include "screens/app.h"
#include "screens/goto.h"
#include "screens_harness.h"

#include <stdint.h>
#include <string.h>

/* screens/timeline.c */
int timeline_selected(const hrc_app *app);

static size_t count_events(const hrc_course *course, const char *timeline_id)
{
    for (size_t i = 0; i < course->n_modules; i++) {
        const hrc_module *m = course->modules[i];
        for (size_t k = 0; k < m->n_items; k++) {
            if (m->items[k].kind != HRC_ITEM_TIMELINE ||
                strcmp(m->items[k].u.timeline->id, timeline_id) != 0)
                continue;
            const hrc_timeline *t = m->items[k].u.timeline;
            size_t n = 0;
            for (size_t e = 0; e < t->n_eras; e++)
                n += t->eras[e].n_events;
            return n;
        }
    }
    return 0;
}

static bool overlap(hrc_rect a, hrc_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void every_event_has_its_own_marker(void **state)
{
    hrc_course *course = NULL;
    hrc_diags d;
    hrc_diags_init(&d);
    assert_int_equal(hrc_course_load(HRC_SOURCE_DIR "/courses/human-rights-cities", &course, &d),
                     0);
    hrc_diags_clear(&d);
    size_t n_events = count_events(course, "m2-timeline");
    assert_true(n_events >= 12);

    hrc_app *app = hrc_app_new(&(hrc_app_config){.course = course, .lang = "en", .seed = 1});
    assert_non_null(app);
    assert_int_equal(hrc_app_goto(app, "m2-timeline"), 0);
    hrc_draw_list list = {0};
    hrc_app_draw(app, &fake_metrics, 1920, 1080, 1.0f, &list);

    /* Markers are the targets labelled "date: headline" above the text. */
    hrc_rect markers[64];
    size_t n = 0;
    for (size_t i = 0; i < list.n_targets && n < 64; i++)
        if (list.targets[i].label && strstr(list.targets[i].label, ": ") &&
            list.targets[i].rect.y < 1080 / 4)
            markers[n++] = list.targets[i].rect;
    assert_int_equal(n, n_events);
    for (size_t i = 0; i < n; i++) {
        assert_true(markers[i].w >= 24 && markers[i].h >= 44);
        for (size_t k = i + 1; k < n; k++)
            if (overlap(markers[i], markers[k]))
                fail_msg("markers %zu and %zu overlap at x=%d and x=%d", i, k, markers[i].x,
                         markers[k].x);
    }
    hrc_draw_list_free(&list);
    hrc_app_free(app);
    hrc_course_free(course);
}


/* ---- Through the screens harness ---------------------------------------- */

static void start_timeline(harness *t, const char *lang, bool speech)
{
    hrc_app_config cfg = {.lang = lang, .speech = speech};
    harness_start_course(t, HRC_SOURCE_DIR "/courses/human-rights-cities", &cfg);
    assert_int_equal(hrc_app_goto(t->app, "m2-timeline"), 0);
    harness_draw(t);
}

static void resize(harness *t, int w, int h)
{
    t->w = w;
    t->h = h;
    harness_key(t, HRC_IN_RESIZE);
    harness_draw(t);
}

static const hrc_draw_target *target_with_role(const harness *t, hrc_role role)
{
    for (size_t i = 0; i < t->list.n_targets; i++)
        if (t->list.targets[i].role == role)
            return &t->list.targets[i];
    return NULL;
}

static const hrc_draw_target *target_exact(const harness *t, const char *label)
{
    int i = harness_find_exact(t, label);
    if (i < 0)
        fail_msg("no target labelled \"%s\"", label);
    return &t->list.targets[i];
}

/* Text as compared, whatever the typography made of it: no-break spaces
 * made plain, typographic apostrophes straight. */
static void plain_spaces(const char *in, char *out, size_t size)
{
    size_t n = 0;
    while (*in && n + 1 < size) {
        if (!strncmp(in, "\xe2\x80\xaf", 3) || !strncmp(in, "\xc2\xa0", 2)) {
            in += in[0] == '\xe2' ? 3 : 2;
            out[n++] = ' ';
            continue;
        }
        if (!strncmp(in, "\xe2\x80\x99", 3)) {
            in += 3;
            out[n++] = '\'';
            continue;
        }
        out[n++] = *in++;
    }
    out[n] = '\0';
}

static bool digits_only(const char *s)
{
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* Whether `line` is a run of whole words of one of the headlines. */
static bool whole_words_of(const char *line, char heads[][512], size_t n_heads)
{
    size_t len = strlen(line);
    for (size_t h = 0; h < n_heads; h++)
        for (const char *p = strstr(heads[h], line); p; p = strstr(p + 1, line))
            if ((p == heads[h] || p[-1] == ' ' || p[-1] == '-' || p[-1] == '/') &&
                (p[len] == '\0' || p[len] == ' ' || p[len - 1] == '-' || p[len - 1] == '/'))
                return true;
    return false;
}

/* The headlines on the canvas (the "Timeline" target's area), at the
 * harness's size: lines of whole words of the headlines, never with an
 * ellipsis, none on another, no leader line through them; returns how
 * many headlines have their first words written. */
static size_t check_labels(const harness *t, const char *lang)
{
    const hrc_draw_target *canvas = target_with_role(t, HRC_ROLE_TIMELINE);
    assert_non_null(canvas);
    hrc_rect area = canvas->rect;
    /* The headlines, from the event targets' labels ("date: headline"). */
    static char heads[64][512];
    size_t n_heads = 0;
    for (size_t i = 0; i < t->list.n_targets && n_heads < 64; i++) {
        const hrc_draw_target *g = &t->list.targets[i];
        if (g->role != HRC_ROLE_TIMELINE_EVENT)
            continue;
        const char *colon = strstr(g->label, ": ");
        assert_non_null(colon);
        plain_spaces(colon + 2, heads[n_heads++], sizeof heads[0]);
    }
    assert_true(n_heads >= 1);
    hrc_rect texts[256];
    size_t n_texts = 0;
    bool started[64] = {false};
    for (size_t i = 0; i < t->list.count; i++) {
        const hrc_draw_cmd *c = &t->list.cmds[i];
        if (c->kind != HRC_DRAW_TEXT || (c->font.style & HRC_FONT_BOLD) ||
            !overlap(c->rect, area) || digits_only(c->text))
            continue; /* the eras' titles and the years */
        char line[512];
        plain_spaces(c->text, line, sizeof line);
        if (strstr(line, "\xe2\x80\xa6"))
            fail_msg("%s %dx%d: \"%s\" is cut", lang, t->w, t->h, line);
        if (!whole_words_of(line, heads, n_heads))
            fail_msg("%s %dx%d: \"%s\" is not whole words of a headline", lang, t->w, t->h,
                     line);
        for (size_t h = 0; h < n_heads; h++)
            if (!strncmp(heads[h], line, strlen(line)))
                started[h] = true;
        assert_true(n_texts < 256);
        texts[n_texts++] = c->rect;
    }
    for (size_t i = 0; i < n_texts; i++)
        for (size_t k = i + 1; k < n_texts; k++)
            if (overlap(texts[i], texts[k]))
                fail_msg("%s %dx%d: two labels overlap at (%d, %d) and (%d, %d)", lang, t->w,
                         t->h, texts[i].x, texts[i].y, texts[k].x, texts[k].y);
    /* Leader lines: thin upright rectangles on the canvas. */
    for (size_t i = 0; i < t->list.count; i++) {
        const hrc_draw_cmd *c = &t->list.cmds[i];
        if (c->kind != HRC_DRAW_RECT || c->rect.w > 4 || c->rect.h < c->rect.w * 4 ||
            !overlap(c->rect, area))
            continue;
        for (size_t k = 0; k < n_texts; k++)
            if (overlap(c->rect, texts[k]))
                fail_msg("%s %dx%d: a line at x=%d crosses a label at (%d, %d)", lang, t->w,
                         t->h, c->rect.x, texts[k].x, texts[k].y);
    }
    size_t n = 0;
    for (size_t h = 0; h < n_heads; h++)
        n += started[h];
    return n;
}

/* The markers' span over the canvas: the first and the last event sit
 * near its ends (no long empty stretch before or after). */
static void check_axis_trimmed(const harness *t)
{
    const hrc_draw_target *canvas = target_with_role(t, HRC_ROLE_TIMELINE);
    int lo = INT32_MAX, hi = INT32_MIN;
    for (size_t i = 0; i < t->list.n_targets; i++) {
        const hrc_draw_target *g = &t->list.targets[i];
        if (g->role != HRC_ROLE_TIMELINE_EVENT)
            continue;
        int x = g->rect.x + g->rect.w / 2;
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
    }
    int w = canvas->rect.w;
    assert_true(lo - canvas->rect.x < w / 12);
    assert_true(canvas->rect.x + w - hi < w / 12);
}

static void labels_whole_and_apart_in_french_and_english(void **state)
{
    static const char *const langs[] = {"fr", "en"};
    static const struct {
        int w, h;
    } sizes[] = {{1280, 800}, {1920, 1080}};
    for (size_t l = 0; l < 2; l++) {
        harness t;
        start_timeline(&t, langs[l], false);
        for (size_t s = 0; s < 2; s++) {
            resize(&t, sizes[s].w, sizes[s].h);
            size_t n_events = 0;
            for (size_t i = 0; i < t.list.n_targets; i++)
                n_events += t.list.targets[i].role == HRC_ROLE_TIMELINE_EVENT;
            size_t shown = check_labels(&t, langs[l]);
            /* Nearly all of them, at the whole timeline. */
            if (shown + 3 < n_events)
                fail_msg("%s %dx%d: only %zu of %zu headlines written", langs[l], t.w, t.h,
                         shown, n_events);
            check_axis_trimmed(&t);
            /* Picking events moves nothing into anything; zoomed in too. */
            for (int k = 0; k < 14; k++) {
                harness_key(&t, HRC_IN_RIGHT);
                check_labels(&t, langs[l]);
            }
            harness_key(&t, HRC_IN_ZOOM_IN);
            harness_key(&t, HRC_IN_ZOOM_IN);
            check_labels(&t, langs[l]);
            harness_key(&t, HRC_IN_ZOOM_OUT);
            harness_key(&t, HRC_IN_ZOOM_OUT);
        }
        harness_check_all_sizes(&t, 1, true);
        harness_stop(&t);
    }
}

static const char *state_of(const harness *t, const char *label)
{
    const char *s = target_exact(t, label)->state;
    return s ? s : "";
}

/* A tap that acts, with spoken guidance on: the first one says, the second
 * acts. */
static void tap(harness *t, const char *label)
{
    harness_tap_exact(t, label);
    harness_tap_exact(t, label);
}

static void stepper_says_where_and_greys_the_ends(void **state)
{
    harness t;
    start_timeline(&t, "en", true);
    assert_true(harness_has_text(&t, "14 events"));
    /* Nothing picked yet: Next picks the first; Previous does nothing. */
    assert_string_equal(state_of(&t, "Previous event"), "unavailable");
    assert_string_equal(state_of(&t, "First event"), "");
    harness_activate_label(&t, "First event");
    assert_true(harness_has_text(&t, "1 of 14"));
    /* The keyboard reaches the greyed button, speech says it is so, and
     * pressing it does nothing. */
    assert_true(harness_tab_to(&t, "Previous event"));
    bool said = false;
    for (size_t i = 0; i < t.list.n_utterances; i++)
        said |= strstr(t.list.utterances[i].text, "Previous event") &&
                strstr(t.list.utterances[i].text, "unavailable");
    assert_true(said);
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "1 of 14"));
    assert_int_equal(timeline_selected(t.app), 0);
    /* The stepper is words, not a control. */
    assert_int_equal(harness_find_target(&t, "1 of 14"), -1);
    /* Two steps by touch (with speech on, a first tap says what is under
     * the finger, a second acts), then to the end by keys. */
    tap(&t, "Next event");
    tap(&t, "Next event");
    assert_true(harness_has_text(&t, "3 of 14"));
    assert_string_equal(state_of(&t, "Previous event"), "");
    for (int k = 0; k < 20; k++)
        harness_key(&t, HRC_IN_RIGHT);
    assert_true(harness_has_text(&t, "14 of 14"));
    assert_string_equal(state_of(&t, "Next event"), "unavailable");
    tap(&t, "Next event");
    assert_int_equal(timeline_selected(t.app), 13);
    /* The selected event is said when it is picked. */
    tap(&t, "Previous event");
    said = false;
    for (size_t i = 0; i < t.list.n_utterances; i++)
        said |= strstr(t.list.utterances[i].text, "13 of 14") != NULL;
    assert_true(said);
    /* The stepper's three parts sit on one row, side by side. */
    hrc_rect prev = target_exact(&t, "Previous event")->rect;
    hrc_rect next = target_exact(&t, "Next event")->rect;
    assert_int_equal(prev.y, next.y);
    assert_true(next.x > prev.x + prev.w && next.x - (prev.x + prev.w) < 200);
    harness_check_all_sizes(&t, 1, true);
    harness_stop(&t);
}

static void zoom_together_by_keys_and_touch(void **state)
{
    harness t;
    start_timeline(&t, "en", false);
    hrc_rect out = target_exact(&t, "Zoom out")->rect;
    hrc_rect in = target_exact(&t, "Zoom in")->rect;
    /* Side by side: one group. */
    assert_int_equal(out.y, in.y);
    assert_true(in.x >= out.x + out.w && in.x - (out.x + out.w) <= 4);
    /* At the whole timeline, Zoom out does nothing and says so. */
    assert_string_equal(state_of(&t, "Zoom out"), "unavailable");
    assert_true(harness_tab_to(&t, "Zoom out"));
    /* +, by key. */
    harness_key(&t, HRC_IN_ZOOM_IN);
    assert_string_equal(state_of(&t, "Zoom out"), "");
    /* -, by touch. */
    harness_tap_exact(&t, "Zoom out");
    assert_string_equal(state_of(&t, "Zoom out"), "unavailable");
    /* By touch in, by key out. */
    harness_tap_exact(&t, "Zoom in");
    assert_string_equal(state_of(&t, "Zoom out"), "");
    harness_key(&t, HRC_IN_ZOOM_OUT);
    assert_string_equal(state_of(&t, "Zoom out"), "unavailable");
    /* All the way in, on the fourth event: Zoom in greys. */
    for (int k = 0; k < 4; k++)
        harness_key(&t, HRC_IN_RIGHT);
    for (int k = 0; k < 10; k++)
        harness_key(&t, HRC_IN_ZOOM_IN);
    assert_string_equal(state_of(&t, "Zoom in"), "unavailable");
    check_labels(&t, "en");
    harness_stop(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_has_its_own_marker),
        cmocka_unit_test(labels_whole_and_apart_in_french_and_english),
        cmocka_unit_test(stepper_says_where_and_greys_the_ends),
        cmocka_unit_test(zoom_together_by_keys_and_touch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
