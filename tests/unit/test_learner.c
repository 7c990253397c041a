/*
 * What a learner feels: a quiz left part-way is never lost and never costs
 * an attempt; ticks and counts come from the record, after a restart too;
 * the completion moment; keys that turn pages and a focus that starts on
 * the main action; a dragged answer that follows the pointer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "io/progress.h"
#include "screens/goto.h"
#include "screens/ui.h" /* the palette, for the drag feedback */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


/* A fresh store, and the app on it with a new learner signed in. */
static hrc_progress *open_store(void)
{
    hrc_progress *s = NULL;
    assert_int_equal(hrc_progress_open(harness_store_dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL),
                     HRC_PROGRESS_OK);
    return s;
}

static void sign_up(harness *t, hrc_progress *store, const char *name)
{
    harness_start(t, &(hrc_app_config){.progress = store});
    harness_activate_label(t, "I am new here");
    harness_type(t, name);
    harness_key(t, HRC_IN_ACTIVATE);
    harness_activate_label(t, "Continue without a PIN");
    char welcome[64];
    snprintf(welcome, sizeof welcome, "Welcome, %s", name);
    assert_true(harness_has_text(t, welcome));
}

static void sign_in_again(harness *t, hrc_progress *store, const char *name)
{
    harness_start(t, &(hrc_app_config){.progress = store});
    harness_activate_label(t, name);
}

static void open_quiz(harness *t)
{
    harness_activate_label(t, "Module 1");
    harness_activate_label(t, "\xc2\xb7 Quiz");
}

static void answer_first_question(harness *t)
{
    assert_true(harness_has_text(t, "Which one is right?"));
    harness_activate_label(t, "The right one");
    harness_activate_label(t, "Check answer");
    assert_true(harness_has_text(t, "The right one is right."));
}

static void quiz_left_part_way_keeps_the_attempt(void **state)
{
    hrc_progress *store = open_store();
    harness t;
    sign_up(&t, store, "Ama");
    open_quiz(&t);
    assert_true(harness_has_text(&t, "attempt 1 of 2"));
    answer_first_question(&t);
    /* Home, then back: the same attempt, at the next question. */
    harness_activate_label(&t, "Home");
    open_quiz(&t);
    assert_true(harness_has_text(&t, "attempt 1 of 2"));
    assert_true(harness_has_text(&t, "Question 2 of 5"));
    /* Left again and again: still the first attempt. */
    for (int i = 0; i < 3; i++) {
        harness_activate_label(&t, "Home");
        open_quiz(&t);
    }
    assert_true(harness_has_text(&t, "attempt 1 of 2"));
    harness_stop(&t);

    /* A restart (or a power cut): the answer comes back from the record. */
    sign_in_again(&t, store, "Ama");
    open_quiz(&t);
    assert_true(harness_has_text(&t, "attempt 1 of 2"));
    assert_true(harness_has_text(&t, "Question 2 of 5"));
    harness_activate_label(&t, "Right A");
    harness_activate_label(&t, "Right C");
    harness_activate_label(&t, "Check answer");
    harness_stop(&t);

    sign_in_again(&t, store, "Ama");
    open_quiz(&t);
    assert_true(harness_has_text(&t, "Question 3 of 5"));
    harness_activate_label(&t, "True");
    harness_activate_label(&t, "Check answer");
    harness_activate_label(&t, "Next question");
    harness_activate_label(&t, "Check answer"); /* ordering as shown */
    harness_activate_label(&t, "Next question");
    for (int i = 0; i < 3; i++)
        harness_activate_label(&t, i == 0 ? "Meow" : i == 1 ? "Woof" : "Moo");
    harness_activate_label(&t, "Check answer");
    harness_activate_label(&t, "See results");
    /* The first two answers counted: the attempt is one, and counted once. */
    assert_true(harness_has_text(&t, "Question 1: right, 100%"));
    assert_true(harness_has_text(&t, "1 attempt left."));
    harness_stop(&t);
    hrc_progress_close(store);
}

static void starting_over_counts_one_attempt(void **state)
{
    hrc_progress *store = open_store();
    harness t;
    sign_up(&t, store, "Bo");
    open_quiz(&t);
    answer_first_question(&t);
    harness_activate_label(&t, "Start over");
    assert_true(harness_has_text(&t, "Start this quiz over?"));
    harness_key(&t, HRC_IN_BACK); /* Escape: nothing happens */
    assert_true(harness_has_text(&t, "attempt 1 of 2"));
    harness_activate_label(&t, "Start over");
    harness_activate_label(&t, "Start over"); /* confirmed */
    assert_true(harness_has_text(&t, "attempt 2 of 2"));
    assert_true(harness_has_text(&t, "Question 1 of 5"));
    harness_stop(&t);
    /* Recorded: after a restart it is still the second attempt. */
    sign_in_again(&t, store, "Bo");
    open_quiz(&t);
    assert_true(harness_has_text(&t, "attempt 2 of 2"));
    harness_stop(&t);
    hrc_progress_close(store);
}

static void ticks_come_from_the_record(void **state)
{
    hrc_progress *store = open_store();
    harness t;
    sign_up(&t, store, "Cai");
    assert_true(harness_has_text(&t, "Not started"));
    harness_activate_label(&t, "Module 1");
    harness_activate_label(&t, "\xc2\xb7 Lesson");
    harness_activate_label(&t, "Next"); /* the timeline */
    harness_activate_label(&t, "Next"); /* the case study */
    harness_stop(&t);

    sign_in_again(&t, store, "Cai");
    assert_true(harness_has_text(&t, "3 of 4 parts done"));
    harness_activate_label(&t, "Module 1");
    assert_true(harness_has_text(&t, "Part 1 \xc2\xb7 Lesson \xc2\xb7 Done"));
    assert_true(harness_has_text(&t, "Part 2 \xc2\xb7 Timeline \xc2\xb7 Done"));
    assert_true(harness_has_text(&t, "Part 3 \xc2\xb7 Case study \xc2\xb7 Done"));
    assert_true(harness_has_text(&t, "Part 4 \xc2\xb7 Quiz \xc2\xb7 Not taken yet"));
    /* Continue takes the learner back where they were: the case study. */
    assert_true(harness_find_target(&t, "Continue: Sample City") >= 0);
    harness_stop(&t);
    hrc_progress_close(store);
}

/* "Continue" after signing in again opens the page where the learner
 * stopped reading, not at its top: the place is kept in the store. */
static void continue_opens_the_page_where_it_was_left(void **state)
{
    (void)state;
    hrc_progress *store = open_store();
    harness t;
    sign_up(&t, store, "Dee");
    t.w = 800, t.h = 420; /* a small window: the lesson scrolls */
    harness_activate_label(&t, "Module 1");
    harness_activate_label(&t, "\xc2\xb7 Lesson");
    assert_true(t.app->content_h > t.app->view.h);
    harness_key(&t, HRC_IN_PAGE_DOWN);
    int left_at = hrc_nav_top_const(&t.app->nav)->scroll;
    assert_true(left_at > 0);
    int length = t.app->content_h;
    harness_activate_label(&t, "Home"); /* leaves the module: the place is kept */
    harness_stop(&t);

    sign_in_again(&t, store, "Dee");
    t.w = 800, t.h = 420;
    harness_draw(&t);
    harness_activate_label(&t, "Continue: ");
    const hrc_nav_loc *top = hrc_nav_top_const(&t.app->nav);
    assert_int_equal(top->screen, HRC_SCREEN_PAGE);
    /* Within a pixel of where it was (kept in thousandths of the length). */
    assert_int_equal(t.app->content_h, length);
    assert_true(abs(top->scroll - left_at) <= length / 1000 + 1);
    harness_stop(&t);

    /* Another size: the same share of the page. */
    sign_in_again(&t, store, "Dee");
    t.w = 1280, t.h = 800;
    harness_draw(&t);
    harness_activate_label(&t, "Continue: ");
    top = hrc_nav_top_const(&t.app->nav);
    int max_scroll = t.app->content_h - t.app->view.h;
    int want = (int)((long long)left_at * 1000 / length * t.app->content_h / 1000);
    assert_int_equal(top->scroll, want < max_scroll ? want : max_scroll > 0 ? max_scroll : 0);
    harness_stop(&t);
    hrc_progress_close(store);
}

static void finishing_the_module_and_the_course(void **state)
{
    hrc_progress *store = open_store();
    harness t;
    sign_up(&t, store, "Dee");
    harness_activate_label(&t, "Module 1");
    harness_activate_label(&t, "\xc2\xb7 Lesson");
    harness_activate_label(&t, "Next");
    harness_activate_label(&t, "Next");
    harness_activate_label(&t, "Next"); /* the quiz */
    answer_first_question(&t);
    harness_activate_label(&t, "Next question");
    harness_activate_label(&t, "Right A");
    harness_activate_label(&t, "Right C");
    harness_activate_label(&t, "Check answer");
    harness_activate_label(&t, "Next question");
    harness_activate_label(&t, "True");
    harness_activate_label(&t, "Check answer");
    harness_activate_label(&t, "Next question");
    harness_activate_label(&t, "Check answer");
    harness_activate_label(&t, "Next question");
    harness_activate_label(&t, "Meow");
    harness_activate_label(&t, "Woof");
    harness_activate_label(&t, "Moo");
    harness_activate_label(&t, "Check answer");
    harness_activate_label(&t, "See results");
    assert_true(harness_has_text(&t, "Passed"));
    harness_activate_label(&t, "Finish the module");
    /* The fixture course has one module: finishing it finishes the course. */
    assert_true(harness_has_text(&t, "Course complete!"));
    assert_true(harness_has_text(&t, "Passed, best score"));
    harness_activate_label(&t, "Back to home");
    assert_true(harness_has_text(&t, "1 of 1 module complete"));
    harness_stop(&t);
    hrc_progress_close(store);
}

static void keys_turn_pages_and_focus_starts_on_the_main_action(void **state)
{
    harness t;
    harness_start(&t, NULL);
    harness_activate_label(&t, "Continue as guest");
    harness_activate_label(&t, "Module 1");
    harness_activate_label(&t, "\xc2\xb7 Lesson");
    assert_true(harness_has_text(&t, "First page"));
    /* Entered by keyboard: the ring is on Next, one Enter away. */
    assert_string_equal(harness_focused(&t), "Next");
    harness_key(&t, HRC_IN_RIGHT);
    assert_true(harness_has_text(&t, "Fixture timeline"));
    harness_key(&t, HRC_IN_PAGE_UP); /* at the top of the timeline's text */
    assert_true(harness_has_text(&t, "A heading"));
    harness_key(&t, HRC_IN_END);
    harness_key(&t, HRC_IN_PAGE_DOWN); /* at the end of the page: next part */
    assert_true(harness_has_text(&t, "Fixture timeline"));
    /* On the timeline the arrows step through events; Page Up at its top
     * turns back. */
    harness_key(&t, HRC_IN_RIGHT);
    assert_true(harness_has_text(&t, "Event 1 of"));
    harness_key(&t, HRC_IN_HOME);
    harness_key(&t, HRC_IN_PAGE_UP);
    assert_true(harness_has_text(&t, "First page"));
    /* With the pointer, no ring; Enter still does the main action. */
    harness_click(&t, "Next");
    assert_true(harness_has_text(&t, "Fixture timeline"));
    assert_string_equal(harness_focused(&t), "");
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "Sample City"));
    harness_stop(&t);
}

static void after_a_check_with_the_mouse_enter_goes_on(void **state)
{
    harness t;
    harness_start(&t, NULL);
    harness_click(&t, "Continue as guest");
    harness_click(&t, "Module 1");
    harness_click(&t, "\xc2\xb7 Quiz");
    harness_click(&t, "The wrong one");
    /* Picked, not judged: tinted, not green, and said in words; the row
     * keeps its height (no line added above it). */
    int picked = harness_find_target(&t, "The wrong one");
    assert_true(picked >= 0);
    assert_string_equal(t.list.targets[picked].state, "selected");
    harness_click(&t, "Check answer");
    assert_true(harness_has_text(&t, "Not right."));
    assert_true(strstr(harness_focused(&t), "Next question") != NULL);
    harness_key(&t, HRC_IN_ACTIVATE);
    assert_true(harness_has_text(&t, "Question 2 of 5"));
    /* A message never moves the buttons. */
    int before = harness_find_target(&t, "Check answer");
    hrc_rect r0 = t.list.targets[before].rect;
    harness_click(&t, "Check answer"); /* nothing picked */
    assert_true(harness_has_text(&t, "Pick an answer first."));
    int after = harness_find_target(&t, "Check answer");
    hrc_rect r1 = t.list.targets[after].rect;
    assert_int_equal(r0.x, r1.x);
    assert_int_equal(r0.y, r1.y);
    harness_stop(&t);
}

/* Whether the frame has a rectangle of colour c at least w wide near (x, y). */
static bool has_rect_near(const harness *t, hrc_color c, int x, int y, int slack)
{
    for (size_t i = 0; i < t->list.count; i++) {
        const hrc_draw_cmd *cmd = &t->list.cmds[i];
        if (cmd->kind != HRC_DRAW_RECT || memcmp(&cmd->color, &c, sizeof c) != 0)
            continue;
        if (abs(cmd->rect.x - x) <= slack && abs(cmd->rect.y - y) <= slack)
            return true;
    }
    return false;
}

static void a_dragged_item_follows_the_pointer(void **state)
{
    harness t;
    harness_start(&t, NULL);
    harness_activate_label(&t, "Continue as guest");
    assert_int_equal(hrc_app_goto(t.app, "qo"), 0);
    harness_draw(&t);
    assert_true(harness_has_text(&t, "Put these in order."));
    int from = harness_find_target(&t, "1.");
    int to = harness_find_target(&t, "3.");
    assert_true(from >= 0 && to >= 0);
    hrc_rect a = t.list.targets[from].rect, b = t.list.targets[to].rect;
    int x = a.x + a.w / 2, y = a.y + a.h / 2;
    harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = x, .y = y});
    int tx = b.x + b.w / 2, ty = b.y + b.h / 2;
    for (int k = 1; k <= 4; k++)
        harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_MOVE, .pressed = true,
                                      .x = x + (tx - x) * k / 4, .y = y + (ty - y) * k / 4});
    /* A copy of the item where the pointer took it, over the drop place. */
    const hrc_palette *p = hrc_palette_get(false);
    assert_true(has_rect_near(&t, p->picked, a.x + tx - x, a.y + ty - y, 2));
    bool marked = false;
    for (size_t i = 0; i < t.list.count; i++) {
        const hrc_draw_cmd *c = &t.list.cmds[i];
        marked |= c->kind == HRC_DRAW_FRAME &&
                  memcmp(&c->color, &p->picked_border, sizeof c->color) == 0 &&
                  c->rect.x < b.x && c->rect.x + c->rect.w > b.x + b.w && c->rect.y < b.y;
    }
    assert_true(marked);
    /* The mouse user is not told about arrow keys. */
    assert_false(harness_has_text(&t, "Up and Down move it"));
    harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = tx, .y = ty});
    assert_int_equal(harness_find_target(&t, "Moving"), -1);
    harness_stop(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(quiz_left_part_way_keeps_the_attempt, harness_store_clear),
        cmocka_unit_test_teardown(starting_over_counts_one_attempt, harness_store_clear),
        cmocka_unit_test_teardown(ticks_come_from_the_record, harness_store_clear),
        cmocka_unit_test_teardown(continue_opens_the_page_where_it_was_left, harness_store_clear),
        cmocka_unit_test_teardown(finishing_the_module_and_the_course, harness_store_clear),
        cmocka_unit_test(keys_turn_pages_and_focus_starts_on_the_main_action),
        cmocka_unit_test(after_a_check_with_the_mouse_enter_goes_on),
        cmocka_unit_test(a_dragged_item_follows_the_pointer),
    };
    return cmocka_run_group_tests(tests, harness_store_dir_make, harness_store_dir_remove);
}
