/*
 * Trust on a shared kiosk, on screen, with a real progress store in a
 * temporary folder (PINs hashed at the lowest cost) and a fake clock shared
 * by the app and the store's throttling:
 * - sign-in by the first letters of a name (typed, or tapped on the
 *   on-screen keyboard), the classroom list, learner PINs;
 * - wrong PINs: three free, then a growing wait with its countdown, which
 *   a restart does not reset;
 * - signing up with a PIN typed twice, PINs required, names refused;
 * - a PIN reset by the facilitator, then chosen again by the learner;
 * - a learner changing their PIN in Settings;
 * - a kiosk's first start, which asks for the facilitator PIN before
 *   anything else; changing the facilitator PIN; the facilitator's
 *   settings, a learner's lock, trusted kiosks, the store's exposure;
 * - every new screen at every size and at 100 % and 200 % text.
 */
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
#include <sys/stat.h>
#include <unistd.h>

#define FACILITATOR_PIN "2468"
#define ZOE "Zo\xc3\xa9 Mart\xc3\xadn"
#define ZOE_PIN "1357"

static char tmp[64];

static int make_tmp(void **state)
{
    snprintf(tmp, sizeof tmp, "/tmp/hrc-signin-XXXXXX");
    return mkdtemp(tmp) ? 0 : -1;
}

static int remove_tmp(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- Helpers ------------------------------------------------------------ */

/* The store's throttling runs on the harness's fake clock. */
static int64_t harness_clock(void *ctx)
{
    const harness *t = ctx;
    return INT64_C(1700000000000) + (int64_t)t->now;
}

static void type(harness *t, const char *s)
{
    hrc_input in = {.kind = HRC_IN_TEXT};
    snprintf(in.text, sizeof in.text, "%s", s);
    harness_input(t, in);
}

/* Whether the screen shows `text`, even wrapped over several lines. */
static bool shows(const harness *t, const char *text)
{
    static char all[65536];
    size_t n = 0;
    for (size_t i = 0; i < t->list.count && n + 2 < sizeof all; i++) {
        const hrc_draw_cmd *c = &t->list.cmds[i];
        if (c->kind != HRC_DRAW_TEXT)
            continue;
        for (const char *p = c->text; *p && n + 2 < sizeof all; p++)
            if (*p != ' ' || (n && all[n - 1] != ' '))
                all[n++] = *p;
        if (n && all[n - 1] != ' ')
            all[n++] = ' ';
    }
    all[n] = '\0';
    return strstr(all, text) != NULL;
}

/* The target whose label is exactly `label` (a key of the keyboard). */
static int exact_target(const harness *t, const char *label)
{
    for (size_t i = 0; i < t->list.n_targets; i++)
        if (strcmp(t->list.targets[i].label, label) == 0)
            return (int)i;
    return -1;
}

static void tap(harness *t, const char *label)
{
    int i = exact_target(t, label);
    if (i < 0)
        fail_msg("no key \"%s\" on screen", label);
    hrc_rect r = t->list.targets[i].rect;
    int x = r.x + r.w / 2, y = r.y + r.h / 2;
    harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = x, .y = y, .touch = true});
    harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = x, .y = y, .touch = true});
}

/* Taps each digit of pin on the keypad. */
static void tap_digits(harness *t, const char *pin)
{
    for (const char *p = pin; *p; p++) {
        char key[2] = {*p, '\0'};
        tap(t, key);
    }
}

static void enter(harness *t)
{
    harness_key(t, HRC_IN_ACTIVATE);
}

/* A store in tmp/<name> with the facilitator PIN and, when pin is not
 * NULL, Zoé with her PIN. */
static hrc_progress *open_store(const char *name)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", tmp, name);
    hrc_progress *s = NULL;
    assert_int_equal(hrc_progress_open(dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL),
                     HRC_PROGRESS_OK);
    return s;
}

static int64_t add(hrc_progress *s, const char *name, const char *pin)
{
    int64_t id = 0;
    assert_int_equal(hrc_progress_add_learner(s, name, pin, NULL, &id), HRC_PROGRESS_OK);
    return id;
}

static hrc_progress *class_store(const char *name, int64_t *zoe)
{
    hrc_progress *s = open_store(name);
    assert_int_equal(hrc_progress_setup_facilitator_pin(s, FACILITATOR_PIN), HRC_PROGRESS_OK);
    hrc_progress_lock(s);
    int64_t id = add(s, ZOE, ZOE_PIN);
    if (zoe)
        *zoe = id;
    add(s, "Zora", NULL);
    add(s, "Ben", NULL);
    return s;
}

static void start(harness *t, hrc_progress *s, bool kiosk)
{
    harness_start(t, &(hrc_app_config){.kiosk = kiosk, .progress = s});
    hrc_progress_set_clock(s, harness_clock, t);
}

static hrc_learner learner(hrc_progress *s, int64_t id)
{
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(s, id, &l), HRC_PROGRESS_OK);
    return l;
}

/* The status line's countdown: "... Try again in N s." */
static bool countdown_shows(const harness *t, const char *left)
{
    char want[64];
    snprintf(want, sizeof want, "Try again in %s.", left);
    return shows(t, want);
}

/* ---- Finding a name, PINs ------------------------------------------------ */

static void kiosk_finds_names_from_first_letters(void **state)
{
    int64_t zoe;
    hrc_progress *s = class_store("find", &zoe);
    harness t;
    start(&t, s, true);
    /* Nobody is listed until letters are typed. */
    assert_true(shows(&t, "Type the first letters of your name"));
    assert_int_equal(harness_find_target(&t, "Zora"), -1);
    assert_int_equal(harness_find_target(&t, "Ben"), -1);
    assert_true(hrc_app_wants_text(t.app));
    type(&t, "ZO");
    assert_true(harness_find_target(&t, ZOE) >= 0);
    assert_true(harness_find_target(&t, "Zora") >= 0);
    assert_int_equal(harness_find_target(&t, "Ben"), -1);
    type(&t, "e"); /* accents do not matter */
    assert_true(harness_find_target(&t, ZOE) >= 0);
    assert_int_equal(harness_find_target(&t, "Zora"), -1);
    type(&t, "x");
    assert_true(shows(&t, "No name here starts with"));
    harness_key(&t, HRC_IN_BACKSPACE);

    /* Enter picks the first name found; she has a PIN. */
    enter(&t);
    assert_true(shows(&t, "Type your PIN"));
    assert_false(shows(&t, ZOE_PIN));
    type(&t, "1");
    assert_true(shows(&t, "\xe2\x80\xa2|")); /* a dot, never the digit */
    assert_false(shows(&t, "1|"));
    type(&t, "111");
    enter(&t);
    assert_true(shows(&t, "Wrong PIN."));
    assert_false(shows(&t, "Welcome, "));
    tap_digits(&t, ZOE_PIN); /* on the keypad */
    harness_click(&t, "Sign in");
    assert_true(shows(&t, "Welcome, Zo\xc3\xa9"));
    assert_int_equal(learner(s, zoe).pin_failures, 0);
    harness_stop(&t);

    /* A learner without a PIN goes straight in; Escape cancels a PIN. */
    start(&t, s, true);
    type(&t, "zo");
    harness_click(&t, ZOE);
    assert_true(shows(&t, "Type your PIN"));
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_find_target(&t, "Zora") >= 0); /* the search stays */
    harness_click(&t, "Zora");
    assert_true(shows(&t, "Welcome, Zora"));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* The on-screen keyboard alone: letters, capitals, accents, erase. */
static void on_screen_keyboard_types(void **state)
{
    hrc_progress *s = class_store("keys", NULL);
    harness t;
    start(&t, s, true);
    assert_true(exact_target(&t, "Q") >= 0); /* a capital starts the name */
    tap(&t, "Z");
    assert_true(exact_target(&t, "q") >= 0);
    tap(&t, "o");
    assert_true(harness_find_target(&t, "Zora") >= 0);
    tap(&t, "Accented letters");
    tap(&t, "\xc3\xa9"); /* é */
    assert_true(harness_find_target(&t, ZOE) >= 0);
    assert_int_equal(harness_find_target(&t, "Zora"), -1);
    tap(&t, "Erase");
    tap(&t, "Letters");
    tap(&t, "r");
    assert_true(harness_find_target(&t, "Zora") >= 0);
    assert_int_equal(harness_find_target(&t, ZOE), -1);
    harness_stop(&t);

    /* A new name: a capital starts each word; the capital key reverses it. */
    start(&t, s, true);
    harness_click(&t, "I am new here");
    assert_true(exact_target(&t, "A") >= 0); /* capitals at the start */
    tap(&t, "A");
    assert_true(exact_target(&t, "n") >= 0);
    tap(&t, "n");
    tap(&t, "a");
    tap(&t, "Space");
    tap(&t, "Small letters"); /* "de", not "De" */
    tap(&t, "d");
    tap(&t, "e");
    tap(&t, "Space");
    tap(&t, "L");
    tap(&t, "a");
    tap(&t, "-");
    tap(&t, "P");
    assert_true(shows(&t, "Ana de La-P|"));
    harness_check_targets(&t, 44); /* every key, at 1080p */
    harness_stop(&t);
    /* French: AZERTY. */
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s, .lang = "fr"});
    harness_click(&t, "I am new here"); /* catalogues are not loaded here */
    int a = exact_target(&t, "A"), z = exact_target(&t, "Z");
    assert_true(a >= 0 && z >= 0);
    assert_true(t.list.targets[a].rect.x < t.list.targets[z].rect.x); /* a z e r t y */
    harness_stop(&t);
    hrc_progress_close(s);
}

static void classroom_list(void **state)
{
    hrc_progress *s = class_store("class", NULL);
    harness t;
    /* --show-learners */
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s, .show_learners = true});
    assert_true(harness_find_target(&t, ZOE) >= 0);
    assert_true(harness_find_target(&t, "Zora") >= 0);
    assert_true(harness_find_target(&t, "Ben") >= 0);
    assert_false(hrc_app_wants_text(t.app));
    harness_stop(&t);
    /* Outside kiosk mode: the list. */
    start(&t, s, false);
    assert_true(harness_find_target(&t, "Ben") >= 0);
    harness_stop(&t);
    /* The facilitator's setting, kept in the store. */
    start(&t, s, true);
    assert_int_equal(harness_find_target(&t, "Ben"), -1);
    harness_key(&t, HRC_IN_FACILITATOR);
    type(&t, FACILITATOR_PIN);
    enter(&t);
    harness_activate_label(&t, "The sign-in screen lists every learner");
    bool on = false;
    assert_int_equal(hrc_progress_show_learners(s, &on), HRC_PROGRESS_OK);
    assert_true(on);
    harness_key(&t, HRC_IN_BACK);
    harness_key(&t, HRC_IN_BACK); /* the sign-in beneath follows at once */
    assert_true(harness_find_target(&t, "Ben") >= 0);
    harness_click(&t, ZOE);
    assert_true(shows(&t, "Type your PIN")); /* listed, still guarded */
    harness_stop(&t);
    start(&t, s, true); /* and after a restart */
    assert_true(harness_find_target(&t, "Ben") >= 0);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* Three free tries, then 1 s, 2 s, 4 s... counted down on screen; the app
 * sleeps until the next second, and the store keeps the count. */
static void wrong_pins_wait_with_a_countdown(void **state)
{
    int64_t zoe;
    hrc_progress *s = class_store("throttle", &zoe);
    harness t;
    start(&t, s, true);
    type(&t, "zo");
    harness_click(&t, ZOE);
    for (int i = 1; i <= 2; i++) {
        type(&t, "0000");
        enter(&t);
        assert_true(shows(&t, "Wrong PIN."));
        assert_false(shows(&t, "Try again in"));
        assert_true(hrc_app_next_timeout_ms(t.app, t.now) > 60000); /* only the idle time */
    }
    type(&t, "0000");
    enter(&t);
    assert_true(shows(&t, "Wrong PIN."));
    assert_true(countdown_shows(&t, "1 s"));
    int64_t next = hrc_app_next_timeout_ms(t.app, t.now);
    assert_true(next > 0 && next <= 1000);
    /* While it counts, a PIN is not even checked. */
    type(&t, ZOE_PIN);
    enter(&t);
    assert_false(shows(&t, "Welcome, "));
    assert_int_equal(learner(s, zoe).pin_failures, 3);
    /* The tick at the end of the wait takes the countdown away. */
    harness_wait(&t, (uint64_t)hrc_app_next_timeout_ms(t.app, t.now));
    assert_false(shows(&t, "Try again in"));
    assert_true(hrc_app_next_timeout_ms(t.app, t.now) > 60000);
    /* The fourth wrong PIN: 2 s, counted down second by second. */
    harness_key(&t, HRC_IN_BACKSPACE);
    for (int i = 0; i < 4; i++)
        harness_key(&t, HRC_IN_BACKSPACE);
    type(&t, "0000");
    enter(&t);
    assert_true(countdown_shows(&t, "2 s"));
    harness_wait(&t, (uint64_t)hrc_app_next_timeout_ms(t.app, t.now));
    assert_true(countdown_shows(&t, "1 s"));
    harness_wait(&t, (uint64_t)hrc_app_next_timeout_ms(t.app, t.now));
    assert_false(shows(&t, "Try again in"));
    /* The fifth: 4 s; the sixth: 8 s. */
    type(&t, "0000");
    enter(&t);
    assert_true(countdown_shows(&t, "4 s"));
    harness_wait(&t, 4000);
    type(&t, "0000");
    enter(&t);
    assert_true(countdown_shows(&t, "8 s"));
    assert_int_equal(learner(s, zoe).pin_failures, 6);
    uint64_t now = t.now;
    harness_stop(&t);

    /* A restart does not reset it: the countdown goes on from the store. */
    start(&t, s, true);
    t.now = now + 1000; /* the same clock, a second later */
    type(&t, "zo");
    harness_click(&t, ZOE);
    assert_true(shows(&t, "Try again in"));
    assert_true(hrc_app_next_timeout_ms(t.app, t.now) > 0);
    type(&t, ZOE_PIN);
    enter(&t);
    assert_false(shows(&t, "Welcome, "));
    harness_wait(&t, 8000);
    assert_false(shows(&t, "Try again in"));
    for (int i = 0; i < 4; i++)
        harness_key(&t, HRC_IN_BACKSPACE);
    type(&t, ZOE_PIN);
    enter(&t);
    assert_true(shows(&t, "Welcome, Zo\xc3\xa9"));
    assert_int_equal(learner(s, zoe).pin_failures, 0); /* a right PIN resets the count */
    harness_stop(&t);
    hrc_progress_close(s);
}

/* The check is slow by design: its frame says so before it runs. */
static void a_pin_check_is_shown_before_it_runs(void **state)
{
    hrc_progress *s = class_store("checking", NULL);
    harness t;
    start(&t, s, true);
    t.manual_ticks = true;
    type(&t, "zo");
    harness_click(&t, ZOE);
    type(&t, ZOE_PIN);
    enter(&t);
    assert_true(shows(&t, "Checking your PIN"));
    assert_int_equal(hrc_app_next_timeout_ms(t.app, t.now), 0);
    enter(&t); /* pressed again meanwhile: nothing more */
    type(&t, "9");
    assert_true(shows(&t, "Checking your PIN"));
    harness_key(&t, HRC_IN_TICK);
    assert_true(shows(&t, "Welcome, Zo\xc3\xa9"));
    harness_stop(&t);
    hrc_progress_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kiosk_finds_names_from_first_letters),
        cmocka_unit_test(on_screen_keyboard_types),
        cmocka_unit_test(classroom_list),
        cmocka_unit_test(wrong_pins_wait_with_a_countdown),
        cmocka_unit_test(a_pin_check_is_shown_before_it_runs),
    };
    return cmocka_run_group_tests(tests, make_tmp, remove_tmp);
}
