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

static void tap(harness *t, const char *label)
{
    harness_tap_exact(t, label);
}

/* Taps each digit of pin on the keypad. */
static void tap_digits(harness *t, const char *pin)
{
    for (const char *p = pin; *p; p++) {
        char key[2] = {*p, '\0'};
        tap(t, key);
    }
}

/* Clicks a target found by label, scrolling down to it. */
static void click_below(harness *t, const char *label)
{
    harness_key(t, HRC_IN_HOME);
    for (int page = 0; page < 40 && harness_find_target(t, label) < 0; page++)
        harness_page_down(t);
    harness_click(t, label);
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
    return harness_shows(t, want);
}

/* ---- Finding a name, PINs ------------------------------------------------ */

static void kiosk_finds_names_from_first_letters(void **state)
{
    int64_t zoe;
    hrc_progress *s = class_store("find", &zoe);
    harness t;
    start(&t, s, true);
    /* Nobody is listed until letters are typed. */
    assert_true(harness_shows(&t, "Type the first letters of your name"));
    assert_int_equal(harness_find_target(&t, "Zora"), -1);
    assert_int_equal(harness_find_target(&t, "Ben"), -1);
    assert_true(hrc_app_wants_text(t.app));
    harness_type(&t, "ZO");
    assert_true(harness_find_target(&t, ZOE) >= 0);
    assert_true(harness_find_target(&t, "Zora") >= 0);
    assert_int_equal(harness_find_target(&t, "Ben"), -1);
    harness_type(&t, "e"); /* accents do not matter */
    assert_true(harness_find_target(&t, ZOE) >= 0);
    assert_int_equal(harness_find_target(&t, "Zora"), -1);
    harness_type(&t, "x");
    assert_true(harness_shows(&t, "No name here starts with"));
    harness_key(&t, HRC_IN_BACKSPACE);

    /* Enter picks the first name found; she has a PIN. */
    enter(&t);
    assert_true(harness_shows(&t, "Type your PIN"));
    assert_false(harness_shows(&t, ZOE_PIN));
    harness_type(&t, "1");
    assert_true(harness_shows(&t, "\xe2\x80\xa2|")); /* a dot, never the digit */
    assert_false(harness_shows(&t, "1|"));
    harness_type(&t, "111");
    enter(&t);
    assert_true(harness_shows(&t, "Wrong PIN."));
    assert_false(harness_shows(&t, "Welcome, "));
    tap_digits(&t, ZOE_PIN); /* on the keypad */
    harness_click(&t, "Sign in");
    assert_true(harness_shows(&t, "Welcome, Zo\xc3\xa9"));
    assert_int_equal(learner(s, zoe).pin_failures, 0);
    harness_stop(&t);

    /* A learner without a PIN goes straight in; Escape cancels a PIN. */
    start(&t, s, true);
    harness_type(&t, "zo");
    harness_click(&t, ZOE);
    assert_true(harness_shows(&t, "Type your PIN"));
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_find_target(&t, "Zora") >= 0); /* the search stays */
    harness_click(&t, "Zora");
    assert_true(harness_shows(&t, "Welcome, Zora"));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* The on-screen keyboard alone: letters, capitals, accents, erase. */
static void on_screen_keyboard_types(void **state)
{
    hrc_progress *s = class_store("keys", NULL);
    harness t;
    start(&t, s, true);
    assert_true(harness_find_exact(&t, "Q") >= 0); /* a capital starts the name */
    tap(&t, "Z");
    assert_true(harness_find_exact(&t, "q") >= 0);
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
    assert_true(harness_find_exact(&t, "A") >= 0); /* capitals at the start */
    tap(&t, "A");
    assert_true(harness_find_exact(&t, "n") >= 0);
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
    assert_true(harness_shows(&t, "Ana de La-P|"));
    harness_check_targets(&t, 44); /* every key, at 1080p */
    /* By keyboard alone: Tab to a key, Enter presses it. */
    harness_activate_label(&t, "Accented letters");
    assert_true(harness_find_exact(&t, "\xc3\xa9") >= 0);
    harness_activate_label(&t, "Erase");
    assert_true(harness_shows(&t, "Ana de La-|"));
    harness_activate_label(&t, "Space");
    assert_true(harness_shows(&t, "Ana de La- |"));
    harness_stop(&t);
    /* French: AZERTY. */
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s, .lang = "fr"});
    harness_click(&t, "I am new here"); /* catalogues are not loaded here */
    int a = harness_find_exact(&t, "A"), z = harness_find_exact(&t, "Z");
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
    harness_type(&t, FACILITATOR_PIN);
    enter(&t);
    harness_activate_label(&t, "Kiosk settings");
    harness_activate_label(&t, "The sign-in screen lists every learner");
    bool on = false;
    assert_int_equal(hrc_progress_show_learners(s, &on), HRC_PROGRESS_OK);
    assert_true(on);
    harness_key(&t, HRC_IN_BACK); /* the dashboard */
    harness_key(&t, HRC_IN_BACK); /* locked */
    harness_key(&t, HRC_IN_BACK); /* the sign-in beneath follows at once */
    assert_true(harness_find_target(&t, "Ben") >= 0);
    harness_click(&t, ZOE);
    assert_true(harness_shows(&t, "Type your PIN")); /* listed, still guarded */
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
    harness_type(&t, "zo");
    harness_click(&t, ZOE);
    for (int i = 1; i <= 2; i++) {
        harness_type(&t, "0000");
        enter(&t);
        assert_true(harness_shows(&t, "Wrong PIN."));
        assert_false(harness_shows(&t, "Try again in"));
        assert_true(hrc_app_next_timeout_ms(t.app, t.now) > 60000); /* only the idle time */
    }
    harness_type(&t, "0000");
    enter(&t);
    assert_true(harness_shows(&t, "Wrong PIN."));
    assert_true(countdown_shows(&t, "1 s"));
    int64_t next = hrc_app_next_timeout_ms(t.app, t.now);
    assert_true(next > 0 && next <= 1000);
    /* While it counts, a PIN is not even checked. */
    harness_type(&t, ZOE_PIN);
    enter(&t);
    assert_false(harness_shows(&t, "Welcome, "));
    assert_int_equal(learner(s, zoe).pin_failures, 3);
    /* The tick at the end of the wait takes the countdown away. */
    harness_wait(&t, (uint64_t)hrc_app_next_timeout_ms(t.app, t.now));
    assert_false(harness_shows(&t, "Try again in"));
    assert_true(hrc_app_next_timeout_ms(t.app, t.now) > 60000);
    /* The fourth wrong PIN: 2 s, counted down second by second. */
    harness_key(&t, HRC_IN_BACKSPACE);
    for (int i = 0; i < 4; i++)
        harness_key(&t, HRC_IN_BACKSPACE);
    harness_type(&t, "0000");
    enter(&t);
    assert_true(countdown_shows(&t, "2 s"));
    harness_wait(&t, (uint64_t)hrc_app_next_timeout_ms(t.app, t.now));
    assert_true(countdown_shows(&t, "1 s"));
    harness_wait(&t, (uint64_t)hrc_app_next_timeout_ms(t.app, t.now));
    assert_false(harness_shows(&t, "Try again in"));
    /* The fifth: 4 s; the sixth: 8 s. */
    harness_type(&t, "0000");
    enter(&t);
    assert_true(countdown_shows(&t, "4 s"));
    harness_wait(&t, 4000);
    harness_type(&t, "0000");
    enter(&t);
    assert_true(countdown_shows(&t, "8 s"));
    assert_int_equal(learner(s, zoe).pin_failures, 6);
    uint64_t now = t.now;
    harness_stop(&t);

    /* A restart does not reset it: the countdown goes on from the store. */
    start(&t, s, true);
    t.now = now + 1000; /* the same clock, a second later */
    harness_type(&t, "zo");
    harness_click(&t, ZOE);
    assert_true(harness_shows(&t, "Try again in"));
    assert_true(hrc_app_next_timeout_ms(t.app, t.now) > 0);
    harness_type(&t, ZOE_PIN);
    enter(&t);
    assert_false(harness_shows(&t, "Welcome, "));
    harness_wait(&t, 8000);
    assert_false(harness_shows(&t, "Try again in"));
    for (int i = 0; i < 4; i++)
        harness_key(&t, HRC_IN_BACKSPACE);
    harness_type(&t, ZOE_PIN);
    enter(&t);
    assert_true(harness_shows(&t, "Welcome, Zo\xc3\xa9"));
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
    harness_type(&t, "zo");
    harness_click(&t, ZOE);
    harness_type(&t, ZOE_PIN);
    enter(&t);
    assert_true(harness_shows(&t, "Checking your PIN"));
    assert_int_equal(hrc_app_next_timeout_ms(t.app, t.now), 0);
    enter(&t); /* pressed again meanwhile: nothing more */
    harness_type(&t, "9");
    assert_true(harness_shows(&t, "Checking your PIN"));
    harness_key(&t, HRC_IN_TICK);
    assert_true(harness_shows(&t, "Welcome, Zo\xc3\xa9"));
    harness_stop(&t);
    hrc_progress_close(s);
}


/* ---- Signing up ----------------------------------------------------------- */

static void sign_up_with_a_pin_typed_twice(void **state)
{
    hrc_progress *s = class_store("signup", NULL);
    harness t;
    start(&t, s, true);
    harness_click(&t, "I am new here");
    harness_type(&t, "  Ana  ");
    enter(&t);
    assert_true(harness_shows(&t, "Choose a PIN of 4 to 8 digits"));
    assert_true(harness_find_target(&t, "Continue without a PIN") >= 0);
    harness_type(&t, "12");
    enter(&t);
    assert_true(harness_shows(&t, "A PIN is 4 to 8 digits."));
    harness_type(&t, "123456789"); /* nine digits: the ninth is not taken */
    assert_true(harness_shows(&t, "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"
                          "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2|"));
    for (int i = 0; i < 8; i++)
        harness_key(&t, HRC_IN_BACKSPACE);
    harness_type(&t, "4321");
    enter(&t);
    assert_true(harness_shows(&t, "Type the same PIN again"));
    harness_type(&t, "4322");
    enter(&t);
    assert_true(harness_shows(&t, "The two PINs are not the same."));
    assert_true(harness_shows(&t, "Your new PIN"));
    harness_type(&t, "4321");
    enter(&t);
    harness_type(&t, "4321");
    enter(&t);
    assert_true(harness_shows(&t, "Welcome, Ana"));
    harness_stop(&t);
    hrc_learner *found = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_find_learners(s, "ana", &found, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(found[0].name, "Ana"); /* trimmed */
    assert_true(found[0].has_pin);
    assert_int_equal(hrc_progress_check_learner_pin(s, found[0].id, "4321"), HRC_PROGRESS_OK);
    free(found);

    /* Her name again: asked whether it is her, then her PIN. */
    start(&t, s, true);
    harness_click(&t, "I am new here");
    harness_type(&t, "ANA");
    enter(&t);
    assert_true(harness_shows(&t, "Someone here is already called Ana."));
    harness_click(&t, "Choose another name");
    assert_true(harness_shows(&t, "ANA|"));
    enter(&t);
    harness_click(&t, "It is me");
    assert_true(harness_shows(&t, "Type your PIN"));
    harness_type(&t, "4321");
    enter(&t);
    assert_true(harness_shows(&t, "Welcome, Ana"));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* PINs required: no way around choosing one, for new and old learners. */
static void pins_required(void **state)
{
    int64_t zoe;
    hrc_progress *s = class_store("required", &zoe);
    assert_int_equal(hrc_progress_check_facilitator_pin(s, FACILITATOR_PIN), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_learner_pins_required(s, true), HRC_PROGRESS_OK);
    hrc_progress_lock(s);
    harness t;
    start(&t, s, true);
    harness_click(&t, "I am new here");
    harness_type(&t, "Cy");
    enter(&t);
    assert_true(harness_shows(&t, "Choose a PIN of 4 to 8 digits"));
    assert_int_equal(harness_find_target(&t, "Continue without a PIN"), -1);
    harness_key(&t, HRC_IN_BACK);
    /* Zora signed up before: she chooses one now. */
    harness_type(&t, "zor");
    harness_click(&t, "Zora");
    assert_true(harness_shows(&t, "On this kiosk every learner has a PIN."));
    assert_false(harness_shows(&t, "Welcome, "));
    harness_type(&t, "8642");
    enter(&t);
    harness_type(&t, "8642");
    enter(&t);
    assert_true(harness_shows(&t, "Welcome, Zora"));
    hrc_learner *found = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_find_learners(s, "zora", &found, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    assert_true(found[0].has_pin);
    free(found);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* Names are checked as they are typed, with a clear message each. */
static void names_refused_with_a_reason(void **state)
{
    hrc_progress *s = class_store("names", NULL);
    harness t;
    start(&t, s, true);
    harness_click(&t, "I am new here");
    harness_type(&t, "   ");
    enter(&t);
    assert_true(harness_shows(&t, "Type a name."));
    for (int i = 0; i < 3; i++)
        harness_key(&t, HRC_IN_BACKSPACE);
    /* 65 characters, typed as an input method sends them. */
    for (int i = 0; i < 13; i++)
        harness_type(&t, "Abcde");
    assert_true(harness_shows(&t, "A name is at most 64 characters long."));
    enter(&t);
    assert_true(harness_shows(&t, "Type your name")); /* still there */
    harness_key(&t, HRC_IN_BACKSPACE);
    assert_false(harness_shows(&t, "at most 64 characters"));
    for (int i = 0; i < 64; i++)
        harness_key(&t, HRC_IN_BACKSPACE);
    harness_type(&t, "Ana\tB");
    assert_true(
        harness_shows(&t, "A name cannot hold tabs, line breaks or other control characters."));
    for (int i = 0; i < 5; i++)
        harness_key(&t, HRC_IN_BACKSPACE);
    harness_type(&t, "Ana\xe2\x80\xaegpj.exe"); /* U+202E turns what follows round */
    assert_true(harness_shows(&t, "A name cannot hold characters that change the direction of the "
                          "text."));
    assert_true(harness_shows(&t, "Ana\xef\xbf\xbdgpj.exe|")); /* shown harmless */
    enter(&t);
    assert_false(harness_shows(&t, "Choose a PIN"));
    harness_stop(&t);
    hrc_learner *all = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(s, &all, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 3); /* nobody added */
    free(all);
    hrc_progress_close(s);
}

/* ---- The facilitator and a learner's PIN ------------------------------- */

static void unlock(harness *t)
{
    harness_key(t, HRC_IN_FACILITATOR);
    assert_true(harness_shows(t, "Type the facilitator PIN"));
    harness_type(t, FACILITATOR_PIN);
    enter(t);
    assert_true(harness_find_target(t, "Kiosk settings") >= 0); /* the class dashboard */
}

static void reset_then_the_learner_chooses_again(void **state)
{
    int64_t zoe;
    hrc_progress *s = class_store("reset", &zoe);
    harness t;
    start(&t, s, true);
    /* Three wrong PINs lock her record for a while. */
    harness_type(&t, "zo");
    harness_click(&t, ZOE);
    for (int i = 0; i < 3; i++) {
        harness_type(&t, "0000");
        enter(&t);
    }
    unlock(&t);
    harness_activate_label(&t, ZOE); /* her row of the class */
    assert_true(harness_shows(&t, "They have a PIN."));
    assert_true(harness_shows(&t, "3 wrong PINs in a row since the last right one."));
    assert_true(harness_shows(&t, "Locked: the next try can be made in 1 s."));
    harness_activate_label(&t, "Clear the wrong tries");
    assert_true(harness_shows(&t, "The wrong tries were cleared"));
    assert_false(harness_shows(&t, "Locked:"));
    assert_int_equal(learner(s, zoe).pin_failures, 0);
    /* A forgotten PIN: reset. */
    harness_activate_label(&t, "Reset the PIN");
    assert_true(harness_shows(&t, "The PIN was reset."));
    assert_true(harness_shows(&t, "Their PIN was reset"));
    assert_false(learner(s, zoe).has_pin);
    assert_true(learner(s, zoe).pin_reset);
    harness_key(&t, HRC_IN_BACK); /* the detail */
    assert_true(harness_find_target(&t, "Kiosk settings") >= 0);
    harness_key(&t, HRC_IN_BACK); /* the dashboard, locked again */
    assert_false(hrc_progress_is_unlocked(s));
    harness_key(&t, HRC_IN_BACK); /* the PIN she was typing */
    harness_click(&t, ZOE);
    assert_true(harness_shows(&t, "Your PIN was reset by the facilitator. Choose a new one"));
    assert_false(harness_shows(&t, "Welcome, "));
    tap_digits(&t, "9753");
    harness_click(&t, "Next");
    tap_digits(&t, "9753");
    harness_click(&t, "Start");
    assert_true(harness_shows(&t, "Welcome, Zo\xc3\xa9"));
    assert_true(learner(s, zoe).has_pin);
    assert_false(learner(s, zoe).pin_reset);
    assert_int_equal(hrc_progress_check_learner_pin(s, zoe, "9753"), HRC_PROGRESS_OK);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* Settings: old PIN, then the new one twice; or a first one. */
static void learner_changes_their_pin(void **state)
{
    int64_t zoe;
    hrc_progress *s = class_store("settings", &zoe);
    harness t;
    start(&t, s, true);
    harness_type(&t, "zo");
    harness_click(&t, ZOE);
    harness_type(&t, ZOE_PIN);
    enter(&t);
    harness_click(&t, "Settings");
    assert_true(harness_shows(&t, "Your PIN"));
    harness_click(&t, "Change my PIN");
    assert_true(harness_shows(&t, "Current PIN:"));
    assert_true(hrc_app_wants_text(t.app));
    harness_type(&t, "0000");
    enter(&t);
    harness_type(&t, "1122");
    enter(&t);
    harness_type(&t, "1122");
    enter(&t);
    assert_true(harness_shows(&t, "Wrong PIN. Your PIN did not change."));
    assert_true(harness_shows(&t, "Current PIN:"));
    assert_int_equal(hrc_progress_check_learner_pin(s, zoe, ZOE_PIN), HRC_PROGRESS_OK);
    harness_type(&t, ZOE_PIN);
    enter(&t);
    harness_type(&t, "1122");
    enter(&t);
    harness_type(&t, "1123");
    enter(&t);
    assert_true(harness_shows(&t, "The two PINs are not the same."));
    harness_type(&t, "1122");
    enter(&t);
    harness_type(&t, "1122");
    enter(&t);
    assert_true(harness_shows(&t, "Your new PIN is saved."));
    assert_false(hrc_app_wants_text(t.app));
    assert_int_equal(hrc_progress_check_learner_pin(s, zoe, "1122"), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_check_learner_pin(s, zoe, ZOE_PIN), HRC_PROGRESS_ERR_PIN);
    /* Escape leaves the form, not Settings. */
    harness_click(&t, "Change my PIN");
    harness_key(&t, HRC_IN_BACK);
    assert_true(harness_shows(&t, "Text size"));
    harness_stop(&t);

    /* Zora has none: she chooses one. */
    start(&t, s, true);
    harness_type(&t, "zor");
    harness_click(&t, "Zora");
    harness_click(&t, "Settings");
    assert_true(harness_shows(&t, "You have no PIN"));
    harness_click(&t, "Choose a PIN");
    harness_type(&t, "5566");
    enter(&t);
    harness_type(&t, "5566");
    enter(&t);
    assert_true(harness_shows(&t, "Your new PIN is saved."));
    assert_true(harness_shows(&t, "You type your PIN each time you sign in"));
    harness_stop(&t);
    /* A guest has no PIN to change. */
    start(&t, s, true);
    harness_click(&t, "Continue as guest");
    harness_click(&t, "Settings");
    assert_false(harness_shows(&t, "Your PIN"));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* ---- The kiosk's first start and the facilitator PIN -------------------- */

static void kiosk_first_start_asks_for_the_pin(void **state)
{
    hrc_progress *s = open_store("first");
    harness t;
    start(&t, s, true);
    assert_true(harness_shows(&t, "Setting up this kiosk"));
    assert_true(harness_shows(&t, "This kiosk has no facilitator PIN yet."));
    assert_int_equal(harness_find_target(&t, "Continue as guest"), -1);
    assert_int_equal(harness_find_target(&t, "I am new here"), -1);
    harness_key(&t, HRC_IN_FACILITATOR); /* Ctrl+Alt+F sets nothing */
    harness_key(&t, HRC_IN_BACK);        /* nothing comes before */
    assert_true(harness_shows(&t, "Setting up this kiosk"));
    harness_type(&t, "12");
    enter(&t);
    assert_true(harness_shows(&t, "A PIN is 4 to 12 digits."));
    tap_digits(&t, "482910"); /* the keypad */
    harness_click(&t, "Next");
    assert_true(harness_shows(&t, "Type the same PIN again"));
    harness_type(&t, "482911");
    enter(&t);
    assert_true(harness_shows(&t, "The two PINs are not the same."));
    bool has = true;
    assert_int_equal(hrc_progress_has_facilitator_pin(s, &has), HRC_PROGRESS_OK);
    assert_false(has);
    harness_type(&t, "482910");
    enter(&t);
    harness_type(&t, "482910");
    enter(&t);
    assert_true(harness_shows(&t, "The facilitator PIN is set."));
    assert_int_equal(hrc_progress_has_facilitator_pin(s, &has), HRC_PROGRESS_OK);
    assert_true(has);
    assert_false(hrc_progress_is_unlocked(s)); /* set, not signed in */
    enter(&t); /* Start */
    assert_true(harness_shows(&t, "Type the first letters of your name"));
    harness_key(&t, HRC_IN_FACILITATOR);
    harness_type(&t, "482910");
    enter(&t);
    assert_true(harness_find_target(&t, "Kiosk settings") >= 0);
    harness_stop(&t);
    /* Started again: straight to sign-in. */
    start(&t, s, true);
    assert_false(harness_shows(&t, "Setting up this kiosk"));
    assert_true(harness_shows(&t, "Who are you?"));
    harness_stop(&t);
    hrc_progress_close(s);
}

/* Nobody answers the set-up: the idle time-out comes back to it. */
static void idle_set_up_stays_set_up(void **state)
{
    hrc_progress *s = open_store("first-idle");
    harness t;
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s, .idle_timeout_s = 10});
    harness_type(&t, "1234");
    harness_wait(&t, 11000);
    harness_wait(&t, 31000);
    assert_true(harness_shows(&t, "Setting up this kiosk"));
    assert_false(harness_shows(&t, "\xe2\x80\xa2|")); /* the PIN typed is gone */
    harness_stop(&t);
    hrc_progress_close(s);
}

static void facilitator_changes_the_pin(void **state)
{
    hrc_progress *s = class_store("change", NULL);
    harness t;
    start(&t, s, true);
    unlock(&t);
    harness_activate_label(&t, "Kiosk settings");
    harness_activate_label(&t, "Change the facilitator PIN");
    assert_true(harness_shows(&t, "Current facilitator PIN:"));
    harness_type(&t, "1111");
    enter(&t);
    harness_type(&t, "135790");
    enter(&t);
    harness_type(&t, "135790");
    enter(&t);
    assert_true(harness_shows(&t, "Wrong PIN. The facilitator PIN did not change."));
    harness_type(&t, FACILITATOR_PIN);
    enter(&t);
    harness_type(&t, "13");
    enter(&t);
    assert_true(harness_shows(&t, "A PIN is 4 to 12 digits."));
    harness_type(&t, "135790");
    enter(&t);
    harness_type(&t, "135790");
    enter(&t);
    assert_true(harness_shows(&t, "The facilitator PIN was changed."));
    harness_activate_label(&t, "Lock");
    assert_false(hrc_progress_is_unlocked(s));
    harness_key(&t, HRC_IN_FACILITATOR);
    harness_type(&t, FACILITATOR_PIN);
    enter(&t);
    assert_true(harness_shows(&t, "Wrong PIN."));
    harness_type(&t, "135790");
    enter(&t);
    assert_true(harness_find_target(&t, "Kiosk settings") >= 0);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* The facilitator's wrong PINs are throttled too, across a restart. */
static void facilitator_pin_throttled(void **state)
{
    hrc_progress *s = class_store("fac-throttle", NULL);
    harness t;
    start(&t, s, true);
    harness_key(&t, HRC_IN_FACILITATOR);
    for (int i = 0; i < 3; i++) {
        harness_type(&t, "9999");
        enter(&t);
    }
    assert_true(countdown_shows(&t, "1 s"));
    harness_type(&t, FACILITATOR_PIN);
    enter(&t);
    assert_int_equal(harness_find_target(&t, "Kiosk settings"), -1);
    uint64_t now = t.now;
    harness_stop(&t);
    start(&t, s, true);
    t.now = now;
    harness_key(&t, HRC_IN_FACILITATOR);
    assert_true(harness_shows(&t, "Try again in"));
    harness_wait(&t, 1000);
    assert_false(harness_shows(&t, "Try again in"));
    harness_type(&t, FACILITATOR_PIN);
    enter(&t);
    assert_true(harness_find_target(&t, "Kiosk settings") >= 0);
    harness_stop(&t);
    hrc_progress_close(s);
}

/* The sign-in settings, trusted kiosks and the store's exposure. */
static void facilitator_kiosk_settings(void **state)
{
    hrc_progress *s = class_store("kiosk-settings", NULL);
    hrc_progress *other = open_store("other-kiosk");
    hrc_kiosk them;
    assert_int_equal(hrc_progress_this_kiosk(other, &them), HRC_PROGRESS_OK);
    hrc_progress_close(other);
    assert_int_equal(hrc_progress_check_facilitator_pin(s, FACILITATOR_PIN), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_trust_kiosk(s, them.key, NULL), HRC_PROGRESS_OK);
    hrc_progress_lock(s);
    hrc_kiosk me;
    assert_int_equal(hrc_progress_this_kiosk(s, &me), HRC_PROGRESS_OK);

    harness t;
    harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s,
                                        .store_exposed = "/var/lib/hrc-player",
                                        .store_exposed_mode = 0755});
    unlock(&t);
    assert_true(harness_shows(&t, "/var/lib/hrc-player can be read by other users of this machine "
                          "(mode 0755)."));
    assert_true(harness_shows(&t, "chmod go-rwx /var/lib/hrc-player"));
    harness_activate_label(&t, "Kiosk settings");
    char line[128];
    harness_key(&t, HRC_IN_END); /* the kiosks come last */
    snprintf(line, sizeof line, "This kiosk's fingerprint: %s", me.fingerprint);
    assert_true(harness_shows(&t, line));
    snprintf(line, sizeof line, "Kiosk %s", them.fingerprint);
    assert_true(harness_shows(&t, line));
    assert_true(harness_shows(&t, "--trust-kiosk KEY"));
    harness_key(&t, HRC_IN_HOME);

    harness_activate_label(&t, "Learners must have a PIN");
    bool on = false;
    assert_int_equal(hrc_progress_learner_pins_required(s, &on), HRC_PROGRESS_OK);
    assert_true(on);
    harness_activate_label(&t, "Learners must have a PIN");
    assert_int_equal(hrc_progress_learner_pins_required(s, &on), HRC_PROGRESS_OK);
    assert_false(on);

    snprintf(line, sizeof line, "Stop trusting %s", them.fingerprint);
    harness_activate_label(&t, line);
    assert_true(harness_shows(&t, "Stop accepting exports from kiosk"));
    harness_key(&t, HRC_IN_ACTIVATE); /* the focus is on Cancel */
    hrc_kiosk *list = NULL;
    size_t n = 0;
    assert_true(hrc_progress_is_unlocked(s));
    assert_int_equal(hrc_progress_list_trusted_kiosks(s, &list, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    free(list);
    harness_activate_label(&t, line);
    harness_click(&t, "Stop trusting");
    assert_true(harness_shows(&t, "are no longer accepted"));
    harness_key(&t, HRC_IN_END);
    assert_true(harness_shows(&t, "No other kiosk"));
    assert_int_equal(hrc_progress_list_trusted_kiosks(s, &list, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 0);
    free(list);
    harness_stop(&t);

    /* Made private by the player: said so, not as a problem. */
    harness_start(&t, &(hrc_app_config){.progress = s, .store_exposed = "/srv/kiosk",
                                        .store_exposed_mode = 0755,
                                        .store_exposed_fixed = true});
    unlock(&t);
    assert_true(harness_shows(&t, "The player made it private."));
    harness_stop(&t);
    hrc_progress_close(s);
}


/* ---- Geometry -------------------------------------------------------------- */

#define LONG_NAME "Maria Fernanda de los Angeles Gutierrez-Villanueva Rodriguez del"

/* Every new screen at 1024x600, 1280x800, 1920x1080, 3840x2160 and
 * 1080x1920, at 100 % and 200 % text: no text out of its box or the
 * screen, none left out, every target 44 px at 1080p. */
static void new_screens_fit(void **state)
{
    static const int text_sizes[] = {100, 200};
    for (size_t k = 0; k < 2; k++) {
        char name[64];
        snprintf(name, sizeof name, "geo-setup-%zu", k);
        hrc_progress *s = open_store(name);
        harness t;
        harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s,
                                            .text_scale_percent = text_sizes[k]});
        t.check_geometry = true;
        harness_check_all_sizes(&t, 4, true); /* set-up */
        harness_type(&t, "12");
        enter(&t);
        harness_check_all_sizes(&t, 4, true); /* ... with a message */
        harness_type(&t, FACILITATOR_PIN);
        enter(&t);
        harness_type(&t, FACILITATOR_PIN);
        enter(&t);
        harness_check_all_sizes(&t, 4, true); /* ... done */
        enter(&t);

        /* Learners: the longest name, and more names than are shown. */
        add(s, LONG_NAME, ZOE_PIN);
        add(s, ZOE, ZOE_PIN);
        for (int i = 0; i < 10; i++) {
            char n[32];
            snprintf(n, sizeof n, "Maria %d", i);
            add(s, n, NULL);
        }
        harness_stop(&t);
        harness_start(&t, &(hrc_app_config){.kiosk = true, .progress = s,
                                            .text_scale_percent = text_sizes[k],
                                            .store_exposed = "/var/lib/hrc-player",
                                            .store_exposed_mode = 0755});
        hrc_progress_set_clock(s, harness_clock, &t);
        t.check_geometry = true;
        harness_check_all_sizes(&t, 4, true); /* sign-in, nothing typed */
        harness_type(&t, "mar");
        harness_key(&t, HRC_IN_END);
        assert_true(harness_shows(&t, "more names start so"));
        harness_key(&t, HRC_IN_HOME);
        harness_check_all_sizes(&t, 6, true); /* names found */
        harness_type(&t, "zzz");
        harness_check_all_sizes(&t, 4, true); /* none */
        for (int i = 0; i < 6; i++)
            harness_key(&t, HRC_IN_BACKSPACE);
        harness_type(&t, "maria fern");
        harness_click(&t, "Maria Fernanda");
        for (int i = 0; i < 3; i++) {
            harness_type(&t, "0000");
            enter(&t);
        }
        assert_true(harness_shows(&t, "Try again in"));
        harness_check_all_sizes(&t, 4, true); /* a PIN, counted down */
        harness_key(&t, HRC_IN_BACK);
        harness_click(&t, "I am new here");
        harness_type(&t, LONG_NAME "x\xe2\x80\xae");
        harness_check_all_sizes(&t, 4, true); /* a name refused */
        harness_key(&t, HRC_IN_BACKSPACE);
        harness_key(&t, HRC_IN_BACKSPACE);
        enter(&t);
        assert_true(harness_shows(&t, "Someone here is already called"));
        harness_check_all_sizes(&t, 4, true); /* the same name */
        harness_click(&t, "Choose another name");
        harness_key(&t, HRC_IN_BACKSPACE);
        enter(&t);
        harness_check_all_sizes(&t, 4, true); /* a new PIN */
        harness_key(&t, HRC_IN_BACK);

        /* The facilitator's screens. */
        unlock(&t);
        harness_check_all_sizes(&t, 12, true); /* the class dashboard */
        click_below(&t, "Maria Fernanda");
        harness_check_all_sizes(&t, 4, true); /* a learner */
        harness_key(&t, HRC_IN_BACK);
        click_below(&t, "Kiosk settings");
        harness_check_all_sizes(&t, 8, true);
        click_below(&t, "Change the facilitator PIN");
        harness_type(&t, "1");
        enter(&t);
        harness_check_all_sizes(&t, 4, true);
        harness_key(&t, HRC_IN_BACK); /* the change */
        harness_key(&t, HRC_IN_BACK); /* the settings */
        harness_key(&t, HRC_IN_BACK); /* the dashboard: locked */

        /* Settings with the learner's PIN, and its form. */
        for (int i = 0; i < 10; i++)
            harness_key(&t, HRC_IN_BACKSPACE); /* "maria fern" */
        harness_type(&t, "zo");
        harness_click(&t, ZOE);
        harness_type(&t, ZOE_PIN);
        enter(&t);
        harness_click(&t, "Settings");
        harness_check_all_sizes(&t, 6, true);
        harness_click(&t, "Change my PIN");
        harness_check_all_sizes(&t, 4, true);
        harness_stop(&t);
        hrc_progress_close(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kiosk_finds_names_from_first_letters),
        cmocka_unit_test(on_screen_keyboard_types),
        cmocka_unit_test(classroom_list),
        cmocka_unit_test(wrong_pins_wait_with_a_countdown),
        cmocka_unit_test(a_pin_check_is_shown_before_it_runs),
        cmocka_unit_test(sign_up_with_a_pin_typed_twice),
        cmocka_unit_test(pins_required),
        cmocka_unit_test(names_refused_with_a_reason),
        cmocka_unit_test(reset_then_the_learner_chooses_again),
        cmocka_unit_test(learner_changes_their_pin),
        cmocka_unit_test(kiosk_first_start_asks_for_the_pin),
        cmocka_unit_test(idle_set_up_stays_set_up),
        cmocka_unit_test(facilitator_changes_the_pin),
        cmocka_unit_test(facilitator_pin_throttled),
        cmocka_unit_test(facilitator_kiosk_settings),
        cmocka_unit_test(new_screens_fit),
    };
    return cmocka_run_group_tests(tests, make_tmp, remove_tmp);
}
