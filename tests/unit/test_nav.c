/* Scripted journeys through the player: keyboard alone, then pointer
 * alone; recording before feedback; the kiosk idle prompt; settings;
 * the facilitator screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "io/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Focused target's state in words, or "". */
static const char *focused_state(const harness *t)
{
    for (size_t i = 0; i < t->list.n_targets; i++)
        if (t->list.targets[i].focused)
            return t->list.targets[i].state ? t->list.targets[i].state : "";
    return "";
}

/* Puts ordering items in the order given, with Enter and arrows only. */
static void order_by_keyboard(harness *t, const char *const *want, int n)
{
    for (int k = 0; k < n; k++) {
        assert_true(harness_tab_to(t, want[k]));
        harness_key(t, HRC_IN_ACTIVATE); /* pick up */
        /* Carried: said in words and in the bar, the row unchanged. */
        assert_non_null(strstr(focused_state(t), "Moving"));
        assert_true(harness_has_text(t, "Moving: Up and Down move it"));
        int pos = atoi(harness_focused(t)) - 1;
        for (; pos > k; pos--)
            harness_key(t, HRC_IN_UP);
        assert_int_equal(atoi(harness_focused(t)), k + 1);
        harness_key(t, HRC_IN_ACTIVATE); /* put down */
    }
}

/* Whether text shows somewhere on the screen, scrolling down page by page. */
static bool shows_somewhere(harness *t, const char *text)
{
    for (int i = 0; i < 20; i++) {
        if (harness_has_text(t, text))
            return true;
        harness_page_down(t);
    }
    return false;
}

static void answer_quiz_by_keyboard(harness *t)
{
    assert_true(harness_has_text(t, "Which one is right?"));
    harness_activate_label(t, "The right one");
    harness_activate_label(t, "Check answer");
    assert_true(harness_has_text(t, "Yes.")); /* the picked choice's feedback */
    assert_true(harness_has_text(t, "The right one is right."));
    harness_activate_label(t, "Next question");

    harness_activate_label(t, "Right A");
    harness_activate_label(t, "Right C");
    harness_activate_label(t, "Check answer");
    assert_true(harness_has_text(t, "Right!"));
    harness_activate_label(t, "Next question");

    harness_activate_label(t, "True");
    harness_activate_label(t, "Check answer");
    assert_true(harness_has_text(t, "Indeed."));
    harness_activate_label(t, "Next question");

    static const char *const order[] = {"One", "Two", "Three"};
    order_by_keyboard(t, order, 3);
    harness_activate_label(t, "Check answer");
    assert_true(harness_has_text(t, "Right!"));
    harness_activate_label(t, "Next question");

    static const char *const pairs[][2] = {{"Cat ", "Meow"}, {"Dog ", "Woof"}, {"Cow ", "Moo"}};
    for (int i = 0; i < 3; i++) {
        harness_activate_label(t, pairs[i][0]);
        /* The partner list comes after the items in Tab order. */
        bool found = false;
        for (int k = 0; k < 40 && !found; k++) {
            harness_key(t, HRC_IN_NEXT);
            found = strcmp(harness_focused(t), pairs[i][1]) == 0;
        }
        assert_true(found);
        harness_key(t, HRC_IN_ACTIVATE);
    }
    assert_int_not_equal(harness_find_target(t, "Cat \xe2\x86\x92 Meow"), -1);
    harness_activate_label(t, "Check answer");
    assert_true(harness_has_text(t, "Right!"));
    harness_activate_label(t, "See results");
}

static void keyboard_only_journey(void **state)
{
    harness t;
    harness_start(&t, NULL);
    t.check_geometry = true;
    harness_draw(&t);
    assert_true(harness_has_text(&t, "Welcome"));
    harness_activate_label(&t, "I am new here");
    harness_type(&t, "Ana");
    harness_type(&t, "\xc3\xafs"); /* UTF-8 typed in pieces */
    harness_key(&t, HRC_IN_BACKSPACE);
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "Welcome, Ana\xc3\xaf"));
    assert_true(harness_has_text(&t, "Not started"));

    harness_activate_label(&t, "Module 1");
    assert_true(harness_has_text(&t, "Every kind of content"));
    harness_activate_label(&t, "Lesson First page");
    assert_true(harness_has_text(&t, "First page"));
    assert_true(harness_has_text(&t, "A heading"));
    /* The image description opens on request. */
    assert_false(harness_has_text(&t, "An orange square"));
    harness_activate_label(&t, "Show image description");
    assert_true(shows_somewhere(&t, "An orange square"));
    harness_key(&t, HRC_IN_END); /* the end of a long page scrolls into view */
    harness_activate_label(&t, "Next");
    assert_true(harness_has_text(&t, "Fixture timeline"));

    harness_key(&t, HRC_IN_RIGHT);
    assert_true(harness_has_text(&t, "Something in 1990"));
    harness_key(&t, HRC_IN_RIGHT);
    assert_true(harness_has_text(&t, "A city acts in 2005"));
    harness_key(&t, HRC_IN_ZOOM_IN);
    harness_key(&t, HRC_IN_ZOOM_IN);
    assert_true(harness_has_text(&t, "A city acts in 2005"));
    harness_activate_label(&t, "Open the case study");
    assert_true(harness_has_text(&t, "Sample City: a charter for everyone"));
    assert_true(harness_has_text(&t, "Exampleland"));
    assert_true(harness_has_text(&t, "Housing"));
    harness_key(&t, HRC_IN_BACK); /* back to the timeline as it was */
    assert_true(harness_has_text(&t, "A city acts in 2005"));
    harness_activate_label(&t, "Next");
    assert_true(harness_has_text(&t, "Sample City: a charter"));
    harness_activate_label(&t, "Next");
    assert_true(harness_has_text(&t, "Fixture quiz"));
    assert_true(harness_has_text(&t, "attempt 1 of 2"));
    answer_quiz_by_keyboard(&t);
    assert_true(harness_has_text(&t, "Your score: 100%"));
    assert_true(harness_has_text(&t, "Passed"));
    assert_true(harness_has_text(&t, "1 attempt left."));
    /* Passed: another attempt is a quiet offer in the content, not in the
     * bar beside the way on. */
    assert_int_equal(harness_find_target(&t, "Try again"), -1);
    harness_activate_label(&t, "Take the quiz again");
    assert_true(harness_has_text(&t, "attempt 2 of 2"));
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_has_text(&t, "Part 4 \xc2\xb7 Quiz \xc2\xb7 Passed"));
    harness_stop(&t);
}

/* Presses on one target, moves onto another and lets go there. */
static void drag(harness *t, hrc_rect from, hrc_rect to)
{
    harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = from.x + 10, .y = from.y + 10});
    harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_MOVE, .x = to.x + 10, .y = to.y + 10,
                                 .pressed = true});
    harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = to.x + 10, .y = to.y + 10});
}

static void pointer_only_journey(void **state)
{
    harness t;
    harness_start(&t, NULL);
    t.check_geometry = true;
    harness_draw(&t);
    harness_click(&t, "Continue as guest");
    assert_true(harness_has_text(&t, "Welcome, guest"));
    harness_click(&t, "Module 1");
    harness_click(&t, "\xc2\xb7 Timeline");
    /* Drag the canvas, then wheel: the view pans and stays valid. */
    int canvas = harness_find_target(&t, "Timeline");
    assert_int_not_equal(canvas, -1);
    hrc_rect r = t.list.targets[canvas].rect;
    harness_click(&t, "Zoom in");
    harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = r.x + 5, .y = r.y + 5});
    harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_MOVE, .x = r.x + 300, .y = r.y + 5,
                                  .pressed = true});
    harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = r.x + 300, .y = r.y + 5});
    harness_click(&t, "Zoom out");
    harness_click(&t, "June 2005: A city acts");
    assert_true(harness_has_text(&t, "The city of the case study adopts a charter."));
    harness_click(&t, "Open the case study");
    assert_true(harness_has_text(&t, "Exampleland"));
    harness_click(&t, "Next");
    /* Quiz by pointer; ordering and matching by drag and drop. */
    harness_click(&t, "The wrong one");
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Not this one."));
    assert_true(harness_has_text(&t, "Not right."));
    harness_click(&t, "Next question");
    harness_click(&t, "Right A");
    harness_click(&t, "Wrong B");
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Not right.")); /* (1 - 1) / 2 = 0 */
    harness_click(&t, "Next question");
    harness_click(&t, "False");
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "It is true."));
    harness_click(&t, "Next question");
    static const char *const order[] = {"One", "Two", "Three"};
    for (int k = 0; k < 3; k++) {
        char slot[8]; /* "1." and a no-break space */
        snprintf(slot, sizeof slot, "%d.\xc2\xa0", k + 1);
        int from = -1, to = harness_find_target(&t, slot);
        for (size_t i = 0; i < t.list.n_targets; i++)
            if (strstr(t.list.targets[i].label, order[k]) &&
                strncmp(t.list.targets[i].label + strlen(slot), order[k], strlen(order[k])) == 0)
                from = (int)i;
        assert_int_not_equal(from, -1);
        assert_int_not_equal(to, -1);
        drag(&t, t.list.targets[from].rect, t.list.targets[to].rect);
    }
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Right!"));
    harness_click(&t, "Next question");
    static const char *const pairs[][2] = {{"Cat ", "Meow"}, {"Dog ", "Moo"}, {"Cow ", "Woof"}};
    for (int i = 0; i < 3; i++) {
        int from = -1;
        for (size_t k = 0; k < t.list.n_targets; k++)
            if (strcmp(t.list.targets[k].label, pairs[i][1]) == 0)
                from = (int)k;
        int to = harness_find_target(&t, pairs[i][0]);
        assert_int_not_equal(from, -1);
        drag(&t, t.list.targets[from].rect, t.list.targets[to].rect);
    }
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Partly right."));
    harness_click(&t, "See results");
    /* 0 + 0 + 0 + 1 + 1/3 over 5 = 27% */
    assert_true(harness_has_text(&t, "Your score: 27%"));
    assert_true(harness_has_text(&t, "Not passed"));
    /* Each question's credit, the partial one explained. */
    assert_true(harness_has_text(&t, "Question by question"));
    assert_true(harness_has_text(&t, "1 of 3 matches right: 33%."));
    /* What was missed, with the right answers. */
    harness_click(&t, "Review the questions I missed");
    assert_true(harness_has_text(&t, "Which one is right?"));
    assert_true(harness_has_text(&t, "Right answer: The right one"));
    harness_click(&t, "Back to the results");
    harness_click(&t, "Try again");
    harness_click(&t, "Back");
    harness_click(&t, "Home");
    assert_true(harness_has_text(&t, "Welcome, guest"));
    harness_click(&t, "Sign out");
    assert_true(harness_has_text(&t, "I am new here"));
    harness_stop(&t);
}

static char store_dir[64];

static int make_store_dir(void **state)
{
    snprintf(store_dir, sizeof store_dir, "/tmp/hrc-screens-XXXXXX");
    return mkdtemp(store_dir) ? 0 : -1;
}

static int remove_store_dir(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", store_dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Opens the test store and signs up a new learner with that name. */
static void start_as_new_learner(harness *t, hrc_progress **store, const char *name)
{
    assert_int_equal(hrc_progress_open(store_dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, store, NULL),
                     HRC_PROGRESS_OK);
    hrc_app_config cfg = {.progress = *store};
    harness_start(t, &cfg);
    harness_activate_label(t, "I am new here");
    harness_type(t, name);
    harness_key(t, HRC_IN_ACTIVATE);
    harness_activate_label(t, "Continue without a PIN"); /* offered, not required */
}

static void answers_are_recorded_before_feedback(void **state)
{
    hrc_progress *store = NULL;
    harness t;
    start_as_new_learner(&t, &store, "Bea");
    assert_true(harness_has_text(&t, "Welcome, Bea"));
    harness_activate_label(&t, "Module 1");
    harness_activate_label(&t, "\xc2\xb7 Quiz");
    harness_activate_label(&t, "The right one");
    harness_activate_label(&t, "Check answer");
    assert_true(harness_has_text(&t, "The right one is right."));
    hrc_learner *learners = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(store, &learners, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    hrc_module_progress mp;
    assert_int_equal(hrc_progress_get_module(store, learners[0].id, "screens-fixture", &mp),
                     HRC_PROGRESS_OK);
    assert_string_equal(mp.resume_item, "qs");
    free(learners);
    harness_stop(&t);
    hrc_progress_close(store);

    /* A store that cannot be written: no feedback, a notice instead. */
    assert_int_equal(hrc_progress_open(store_dir, HRC_PROGRESS_OPEN_READONLY, &store, NULL),
                     HRC_PROGRESS_OK);
    harness_start(&t, &(hrc_app_config){.progress = store});
    harness_activate_label(&t, "Bea"); /* the stored learner is listed */
    harness_activate_label(&t, "Module 1");
    harness_activate_label(&t, "\xc2\xb7 Quiz");
    /* The attempt left open goes on at the question after the one answered. */
    assert_true(harness_has_text(&t, "Question 2 of 5"));
    harness_activate_label(&t, "Right A");
    harness_activate_label(&t, "Right C");
    harness_activate_label(&t, "Check answer");
    assert_false(harness_has_text(&t, "A and C."));
    assert_true(harness_has_text(&t, "could not be saved"));
    harness_stop(&t);
    hrc_progress_close(store);
}

static void resume_and_completion_are_recorded(void **state)
{
    hrc_progress *store = NULL;
    harness t;
    start_as_new_learner(&t, &store, "Cy");
    harness_activate_label(&t, "Module 1");
    harness_activate_label(&t, "\xc2\xb7 Timeline");
    harness_stop(&t); /* the player stops (a power cut) */

    /* Cy chose a PIN meanwhile: signing in asks for it. */
    hrc_learner *all = NULL;
    size_t n_all = 0;
    assert_int_equal(hrc_progress_list_learners(store, &all, &n_all), HRC_PROGRESS_OK);
    for (size_t i = 0; i < n_all; i++)
        if (strcmp(all[i].name, "Cy") == 0)
            assert_int_equal(hrc_progress_set_learner_pin(store, all[i].id, "1357"),
                             HRC_PROGRESS_OK);
    free(all);
    harness_start(&t, &(hrc_app_config){.progress = store});
    harness_activate_label(&t, "Cy");
    assert_true(harness_has_text(&t, "Type your PIN"));
    assert_true(hrc_app_wants_text(t.app));
    harness_type(&t, "1111");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "Wrong PIN"));
    harness_type(&t, "1357");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "Welcome, Cy"));
    harness_activate_label(&t, "Module 1");
    harness_activate_label(&t, "Continue: ");
    assert_true(harness_has_text(&t, "Fixture timeline"));
    harness_key(&t, HRC_IN_BACK);
    harness_activate_label(&t, "\xc2\xb7 Lesson");
    harness_activate_label(&t, "Next"); /* timeline */
    harness_activate_label(&t, "Next"); /* case study */
    harness_activate_label(&t, "Next"); /* quiz */
    answer_quiz_by_keyboard(&t);
    assert_true(harness_has_text(&t, "Passed"));
    hrc_learner *learners = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(store, &learners, &n), HRC_PROGRESS_OK);
    int64_t id = -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(learners[i].name, "Cy") == 0)
            id = learners[i].id;
    free(learners);
    hrc_module_progress mp;
    assert_int_equal(hrc_progress_get_module(store, id, "screens-fixture", &mp), HRC_PROGRESS_OK);
    assert_true(mp.completed);
    assert_true(mp.has_score);
    assert_true(mp.best_score > 0.99);
    harness_key(&t, HRC_IN_BACK);
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_has_text(&t, "Completed"));
    harness_stop(&t);
    hrc_progress_close(store);
}

static void kiosk_idle_prompt_then_sign_in(void **state)
{
    hrc_app_config cfg = {.kiosk = true};
    harness t;
    harness_start(&t, &cfg);
    assert_int_equal(hrc_app_next_timeout_ms(t.app, t.now), -1); /* nothing pending */
    harness_activate_label(&t, "Continue as guest");
    harness_activate_label(&t, "Module 1");
    int64_t wait = hrc_app_next_timeout_ms(t.app, t.now);
    assert_true(wait > 179000 && wait <= 180000);
    t.now += (uint64_t)wait - 50; /* harness_input adds 50 */
    unsigned eff = harness_key(&t, HRC_IN_TICK);
    assert_true(eff & HRC_APP_REDRAW);
    assert_true(eff & HRC_APP_WANT_TICK);
    assert_true(harness_has_text(&t, "Are you still there?"));
    assert_true(harness_has_text(&t, "30 s"));
    assert_true(hrc_app_next_timeout_ms(t.app, t.now) <= 1000);
    /* Any key means "still here": the module stays. */
    harness_key(&t, HRC_IN_DOWN);
    assert_false(harness_has_text(&t, "Are you still there?"));
    assert_true(harness_has_text(&t, "Every kind of content"));
    /* Nobody answers this time: back to sign-in. */
    t.now += 180000;
    harness_key(&t, HRC_IN_TICK);
    assert_true(harness_has_text(&t, "Are you still there?"));
    t.now += 10000;
    harness_key(&t, HRC_IN_TICK);
    assert_true(harness_has_text(&t, "20 s"));
    t.now += 20000;
    harness_key(&t, HRC_IN_TICK);
    assert_true(harness_has_text(&t, "I am new here"));
    assert_int_equal(hrc_app_next_timeout_ms(t.app, t.now), -1);
    harness_stop(&t);
}

static void settings_change_language_size_contrast(void **state)
{
    harness t;
    harness_start(&t, NULL);
    harness_activate_label(&t, "Continue as guest");
    harness_activate_label(&t, "Settings");
    unsigned eff = harness_activate_label(&t, "Fran");
    assert_true(eff & HRC_APP_LANG_CHANGED);
    assert_string_equal(hrc_app_lang(t.app), "fr");
    /* A new text size or theme makes every cached text texture stale. */
    assert_true(harness_activate_label(&t, "200%") & HRC_APP_LANG_CHANGED);
    assert_true(harness_activate_label(&t, "High contrast") & HRC_APP_LANG_CHANGED);
    assert_false(harness_activate_label(&t, "High contrast") & HRC_APP_LANG_CHANGED);
    /* Zooming outside the timeline steps the text size, within 100-200 %. */
    assert_false(harness_key(&t, HRC_IN_ZOOM_IN) & HRC_APP_REDRAW);
    assert_true(harness_key(&t, HRC_IN_ZOOM_OUT) & HRC_APP_LANG_CHANGED);
    assert_true(harness_key(&t, HRC_IN_ZOOM_IN) & HRC_APP_REDRAW);
    /* Redraw only when something changes. */
    eff = harness_key(&t, HRC_IN_NONE);
    assert_false(eff & HRC_APP_REDRAW);
    harness_key(&t, HRC_IN_BACK);
    int open = harness_find_target(&t, "Module de test") >= 0 ||
               harness_has_text(&t, "Module de test");
    assert_true(open);
    /* 200 % text: body text is twice the size at 1080p. */
    bool big = false;
    for (size_t i = 0; i < t.list.count; i++)
        if (t.list.cmds[i].kind == HRC_DRAW_TEXT && t.list.cmds[i].font.px >= 40)
            big = true;
    assert_true(big);
    harness_stop(&t);
}

static void facilitator_pin_leaves_kiosk(void **state)
{
    hrc_progress *store = NULL;
    assert_int_equal(hrc_progress_open(store_dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &store, NULL),
                     HRC_PROGRESS_OK);
    /* The kiosk's PIN is chosen at its set-up, never from this screen. */
    bool has_pin = true;
    hrc_progress_has_facilitator_pin(store, &has_pin);
    if (!has_pin) {
        assert_int_equal(hrc_progress_setup_facilitator_pin(store, "2468"), HRC_PROGRESS_OK);
        hrc_progress_lock(store);
    }
    hrc_app_config cfg = {.kiosk = true, .progress = store};
    harness t;
    harness_start(&t, &cfg);
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_true(harness_has_text(&t, "Facilitator"));
    assert_true(hrc_app_wants_text(t.app));
    harness_type(&t, "0000");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "Wrong PIN"));
    assert_int_equal(harness_find_target(&t, "Leave kiosk mode"), -1);
    harness_type(&t, "2468");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(hrc_app_is_kiosk(t.app));
    /* From the class dashboard, in the kiosk's settings. */
    harness_activate_label(&t, "Kiosk settings");
    unsigned eff = harness_activate_label(&t, "Leave kiosk mode");
    assert_true(eff & HRC_APP_KIOSK_EXIT);
    assert_false(hrc_app_is_kiosk(t.app));
    harness_stop(&t);
    hrc_progress_close(store);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keyboard_only_journey),
        cmocka_unit_test(pointer_only_journey),
        cmocka_unit_test(answers_are_recorded_before_feedback),
        cmocka_unit_test(resume_and_completion_are_recorded),
        cmocka_unit_test(kiosk_idle_prompt_then_sign_in),
        cmocka_unit_test(settings_change_language_size_contrast),
        cmocka_unit_test(facilitator_pin_leaves_kiosk),
    };
    return cmocka_run_group_tests(tests, make_store_dir, remove_store_dir);
}
