/* Render geometry of every screen at every supported size and text size,
 * target sizes, and thousands of random inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "core/quiz.h"
#include "screens/ui.h" /* dropped_runs */

#include <stdio.h>
#include <string.h>

typedef struct size {
    int w, h;
} size;

static const int text_sizes[] = {100, 200};

typedef struct visit {
    int pages;
    bool targets_1080p; /* check target sizes on every frame */
} visit;

static void check_all_sizes(harness *t, const visit *v)
{
    harness_check_all_sizes(t, v->pages, v->targets_1080p);
}

static void every_screen_fits(void **state)
{
    visit v = {.pages = 12, .targets_1080p = true};
    for (size_t s = 0; s < sizeof text_sizes / sizeof text_sizes[0]; s++) {
        hrc_app_config cfg = {.text_scale_percent = text_sizes[s], .kiosk = true};
        harness t;
        harness_start(&t, &cfg);
        t.check_geometry = true;
        check_all_sizes(&t, &v); /* sign-in */
        harness_activate_label(&t, "I am new here");
        check_all_sizes(&t, &v);
        harness_key(&t, HRC_IN_BACK);
        harness_key(&t, HRC_IN_FACILITATOR);
        check_all_sizes(&t, &v);
        harness_key(&t, HRC_IN_BACK);
        harness_activate_label(&t, "Settings");
        check_all_sizes(&t, &v);
        harness_key(&t, HRC_IN_BACK);
        harness_activate_label(&t, "Continue as guest");
        check_all_sizes(&t, &v); /* home */
        harness_activate_label(&t, "Module 1");
        check_all_sizes(&t, &v); /* module */
        harness_activate_label(&t, "\xc2\xb7 Lesson");
        harness_activate_label(&t, "Show image description");
        check_all_sizes(&t, &v);
        harness_key(&t, HRC_IN_BACK);
        harness_activate_label(&t, "\xc2\xb7 Timeline");
        check_all_sizes(&t, &v);
        harness_key(&t, HRC_IN_RIGHT);
        harness_key(&t, HRC_IN_RIGHT);
        check_all_sizes(&t, &v);
        for (int z = 0; z < 8; z++)
            harness_key(&t, HRC_IN_ZOOM_IN);
        check_all_sizes(&t, &v);
        harness_key(&t, HRC_IN_BACK);
        harness_activate_label(&t, "\xc2\xb7 Case study");
        check_all_sizes(&t, &v);
        harness_key(&t, HRC_IN_BACK);
        harness_activate_label(&t, "\xc2\xb7 Quiz");
        /* Every question, before and after checking, with a hint shown. */
        for (int q = 0; q < 5; q++) {
            if (harness_find_target(&t, "Show a hint") >= 0)
                harness_activate_label(&t, "Show a hint");
            check_all_sizes(&t, &v);
            for (int tries = 0; tries < 4 && harness_find_target(&t, "Check answer") >= 0;
                 tries++) {
                /* Pick whatever comes first after the prompt, then check. */
                static const char *const picks[] = {"The wrong one", "Right A", "True",
                                                    "Cat ", "Meow"};
                if (harness_find_target(&t, picks[q]) >= 0)
                    harness_activate_label(&t, picks[q]);
                if (q == 4) {
                    harness_activate_label(&t, "Dog ");
                    harness_activate_label(&t, "Woof");
                    harness_activate_label(&t, "Cow ");
                    harness_activate_label(&t, "Moo");
                }
                harness_activate_label(&t, "Check answer");
            }
            check_all_sizes(&t, &v);
            harness_activate_label(&t, q < 4 ? "Next question" : "See results");
        }
        assert_true(harness_has_text(&t, "Your score"));
        check_all_sizes(&t, &v); /* results */
        /* The idle prompt over a screen. */
        t.now += 181000;
        harness_key(&t, HRC_IN_TICK);
        assert_true(harness_has_text(&t, "Are you still there?"));
        check_all_sizes(&t, &(visit){0});
        harness_stop(&t);
    }
}

/* Clicks a random target most of the time, else random input of any kind. */
static void random_inputs(void **state)
{
    static const size more_sizes[] = {{1024, 600}, {1920, 1080}, {600, 1024}, {3840, 2160},
                                      {1080, 1920}, {1, 1}, {200, 150}};
    for (uint64_t seed = 1; seed <= 3; seed++) {
        hrc_app_config cfg = {.kiosk = true, .idle_timeout_s = 60, .seed = seed,
                              .text_scale_percent = seed == 2 ? 200 : 100};
        harness t;
        harness_start(&t, &cfg);
        hrc_rng rng;
        hrc_rng_seed(&rng, seed * 977);
        bool tiny = false;
        for (int i = 0; i < 3000; i++) {
            hrc_input in = {0};
            size_t r = hrc_rng_below(&rng, 100);
            int x = (int)hrc_rng_below(&rng, (size_t)t.w + 40) - 20;
            int y = (int)hrc_rng_below(&rng, (size_t)t.h + 40) - 20;
            if (r < 35 && t.list.n_targets) {
                hrc_rect tr = t.list.targets[hrc_rng_below(&rng, t.list.n_targets)].rect;
                x = tr.x + tr.w / 2;
                y = tr.y + tr.h / 2;
                harness_input(&t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = x, .y = y});
                in = (hrc_input){.kind = HRC_IN_POINTER_UP, .x = x, .y = y};
            } else if (r < 45) {
                in = (hrc_input){.kind = HRC_IN_POINTER_MOVE, .x = x, .y = y,
                                 .pressed = hrc_rng_below(&rng, 2)};
            } else if (r < 50) {
                in = (hrc_input){.kind = hrc_rng_below(&rng, 2) ? HRC_IN_POINTER_DOWN
                                                                : HRC_IN_POINTER_UP,
                                 .x = x, .y = y, .touch = true};
            } else if (r < 55) {
                in = (hrc_input){.kind = HRC_IN_WHEEL, .x = x, .y = y,
                                 .dx = (int)hrc_rng_below(&rng, 7) - 3,
                                 .dy = (int)hrc_rng_below(&rng, 7) - 3};
            } else if (r < 60) {
                in = (hrc_input){.kind = HRC_IN_TEXT};
                static const char *const texts[] = {"a", "\xc3\xa9", "12", "\xe2\x82\xac",
                                                    "\xff\xfe", "Zo\xc3\xab"};
                snprintf(in.text, sizeof in.text, "%s", texts[hrc_rng_below(&rng, 6)]);
            } else if (r < 63) {
                t.now += hrc_rng_below(&rng, 2) ? 1000 : 65000;
                in = (hrc_input){.kind = HRC_IN_TICK};
            } else if (r < 65) {
                size s = more_sizes[hrc_rng_below(&rng, sizeof more_sizes / sizeof more_sizes[0])];
                t.w = s.w;
                t.h = s.h;
                tiny = s.w < 600;
                in = (hrc_input){.kind = HRC_IN_RESIZE, .x = s.w, .y = s.h};
            } else if (r < 66) {
                in = (hrc_input){.kind = HRC_IN_FACILITATOR};
            } else {
                in = (hrc_input){.kind = (hrc_input_kind)(HRC_IN_NEXT +
                                                          hrc_rng_below(&rng, HRC_IN_ZOOM_OUT -
                                                                                  HRC_IN_NEXT + 1))};
                if (in.kind == HRC_IN_BACK && hrc_rng_below(&rng, 3))
                    in.kind = HRC_IN_ACTIVATE; /* go deep more often than back */
            }
            harness_input(&t, in);
            /* Geometry holds at every supported size, not for absurd ones. */
            char why[512];
            if (!tiny && !harness_geometry_ok(&t, why, sizeof why))
                fail_msg("input %d: %s", i, why);
            if (!tiny && t.app->dropped_runs)
                fail_msg("input %d: %dx%d: text left out", i, t.w, t.h);
            int64_t wait = hrc_app_next_timeout_ms(t.app, t.now);
            assert_true(wait >= -1);
        }
        harness_stop(&t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_fits),
        cmocka_unit_test(random_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
