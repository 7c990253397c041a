/*
 * test_spoken.c: spoken guidance as a blind learner meets it, with no
 * audio: what each frame asks to be said (hrc_draw_list.utterances), on
 * the fixture course.
 *
 * - F1 turns it on and says so, from the sign-in screen; off, it says so
 *   and then nothing more is said. A finger held still for two seconds
 *   does the same, and its release taps nothing.
 * - Entering a screen says its place and title; moving the focus says the
 *   target's label, role and state, and interrupts what was being said.
 * - A choice says "Choice n of N", its text and whether it is picked, and
 *   picking it says its new state; the feedback after an answer and the
 *   results are said; an error in the bar is said when it appears.
 * - The page is read from the focus on, paragraph by paragraph, images by
 *   their description; F7 skips, F8 repeats, F4 silences.
 * - Module text missing in the interface language is said in the
 *   language it is written in, the interface's words in the interface's.
 * - A name typed is echoed; a PIN never is.
 * - The idle prompt and its countdown are said.
 * - The learner's choice and rate come back at their next sign-in; the
 *   next learner starts with the kiosk's setting.
 * - With speech on, a tap says what is under the finger; a second acts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "io/locale.h"
#include "io/progress.h"
#include "screens/goto.h"
#include "screens/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


/* Everything the last frame asked to say, one utterance a line. */
static char said[16384];

static const char *collect(const harness *t)
{
    said[0] = '\0';
    for (size_t i = 0; i < t->list.n_utterances; i++) {
        size_t n = strlen(said);
        snprintf(said + n, sizeof said - n, "%s%s", n ? "\n" : "", t->list.utterances[i].text);
    }
    return said;
}

/* The key, and what the frame it leads to says. */
static const char *press(harness *t, hrc_input_kind kind)
{
    t->list.n_utterances = 0;
    harness_key(t, kind);
    return collect(t);
}

static const char *input(harness *t, hrc_input in)
{
    t->list.n_utterances = 0;
    harness_input(t, in);
    return collect(t);
}

static void expect(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("expected \"%s\" in what is said:\n%s", part, text);
}

static void expect_not(const char *text, const char *part)
{
    if (strstr(text, part))
        fail_msg("did not expect \"%s\" in what is said:\n%s", part, text);
}

static void type(harness *t, const char *s)
{
    hrc_input in = {.kind = HRC_IN_TEXT};
    snprintf(in.text, sizeof in.text, "%s", s);
    input(t, in);
}

/* Tabs until the focused target's label holds `label`; returns what the
 * last Tab said. */
static const char *tab_to(harness *t, const char *label)
{
    for (int i = 0; i < 200; i++) {
        const char *s = press(t, HRC_IN_NEXT);
        for (size_t k = 0; k < t->list.n_targets; k++)
            if (t->list.targets[k].focused && strstr(t->list.targets[k].label, label))
                return s;
    }
    fail_msg("no target \"%s\" reached with Tab", label);
    return "";
}

static void start(harness *t, bool speech)
{
    harness_start(t, &(hrc_app_config){.speech = speech});
}

/* ---- Turning it on and off ---------------------------------------------- */

static void f1_toggles_and_says_so(void **state)
{
    harness t;
    start(&t, false);
    assert_int_equal(t.list.n_utterances, 0);
    assert_int_equal(press(&t, HRC_IN_NEXT)[0], '\0'); /* off: silent */
    const char *s = press(&t, HRC_IN_SPEECH_TOGGLE);
    expect(s, "Spoken guidance on.");
    expect(s, "Welcome"); /* the screen, said anew */
    assert_false(t.list.utterances[0].queue);
    assert_true(harness_has_text(&t, "Spoken guidance is on."));
    hrc_app_speech sp;
    hrc_app_speech_settings(t.app, &sp);
    assert_true(sp.on);
    expect(press(&t, HRC_IN_NEXT), "button");
    s = press(&t, HRC_IN_SPEECH_TOGGLE);
    assert_string_equal(s, "Spoken guidance off.");
    hrc_app_speech_settings(t.app, &sp);
    assert_false(sp.on);
    assert_string_equal(press(&t, HRC_IN_NEXT), "");
    assert_string_equal(press(&t, HRC_IN_SPEECH_READ), "");
    harness_stop(&t);
}

static void a_long_press_toggles_and_taps_nothing(void **state)
{
    harness t;
    start(&t, false);
    int g = harness_find_target(&t, "Continue as guest");
    assert_true(g >= 0);
    hrc_rect r = t.list.targets[g].rect;
    int x = r.x + r.w / 2, y = r.y + r.h / 2;
    input(&t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = x, .y = y, .touch = true});
    uint64_t down = t.now;
    /* The back end is woken when the two seconds are up. */
    int64_t wait = hrc_app_next_timeout_ms(t.app, down);
    assert_true(wait > 1900 && wait <= 2000);
    t.now = down + 1900;
    assert_string_equal(input(&t, (hrc_input){.kind = HRC_IN_TICK}), "");
    t.now = down + 1990; /* harness_input adds 50 ms */
    expect(input(&t, (hrc_input){.kind = HRC_IN_TICK}), "Spoken guidance on.");
    input(&t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = x, .y = y, .touch = true});
    assert_true(harness_has_text(&t, "Welcome")); /* still signing in */
    assert_int_equal(hrc_nav_top(&t.app->nav)->screen, HRC_SCREEN_SIGNIN);
    /* A finger that moves is a drag, not a long press. */
    input(&t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = x, .y = y, .touch = true});
    input(&t, (hrc_input){.kind = HRC_IN_POINTER_MOVE, .x = x + 200, .y = y, .touch = true,
                          .pressed = true});
    t.now += 3000;
    assert_string_equal(input(&t, (hrc_input){.kind = HRC_IN_TICK}), "");
    hrc_app_speech sp;
    hrc_app_speech_settings(t.app, &sp);
    assert_true(sp.on);
    harness_stop(&t);
}

/* ---- Screens, focus, state -------------------------------------------- */

static void screens_and_focus(void **state)
{
    harness t;
    start(&t, true);
    expect(collect(&t), "Welcome");
    const char *s = tab_to(&t, "Continue as guest");
    assert_string_equal(s, "Continue as guest, button");
    assert_false(t.list.utterances[0].queue); /* interrupts what was said */
    s = press(&t, HRC_IN_ACTIVATE);
    expect(s, "Welcome, guest");
    expect(s, "0 of 1 module complete");
    s = tab_to(&t, "Module 1");
    expect(s, "Start, Module 1, Fixture module, button");
    s = press(&t, HRC_IN_ACTIVATE);
    expect(s, "Module 1: Fixture module");
    /* Items: their place and kind, then their title. */
    s = tab_to(&t, "First page");
    expect(s, "Part 1, Lesson, First page, button");
    s = press(&t, HRC_IN_ACTIVATE);
    expect(s, "Part 1 of 4, Lesson: First page");
    /* The focus lands on Next: said after the title, queued behind it. */
    expect(s, "Next, button");
    assert_true(t.list.n_utterances >= 2);
    assert_true(t.list.utterances[t.list.n_utterances - 1].queue);
    /* Pages turn with the arrows: each says its place and title. */
    s = press(&t, HRC_IN_RIGHT);
    expect(s, "Part 2 of 4, Timeline");
    expect(s, "Fixture timeline");
    /* Events are stepped through with the arrows: date (as a reader says
     * it) and headline, then the event's text. */
    s = press(&t, HRC_IN_RIGHT);
    expect(s, "Event 1 of 4, 1990: Something in 1990");
    s = press(&t, HRC_IN_RIGHT);
    expect(s, "June 2005: A city acts in 2005");
    s = tab_to(&t, "17 May 2011");
    assert_string_equal(s, "Timeline event, 17 May 2011: A declaration in 2011");
    s = tab_to(&t, "June 2005");
    assert_string_equal(s, "Timeline event, June 2005: A city acts in 2005, selected");
    s = tab_to(&t, "Timeline");
    expect(s, "Timeline, Left and Right arrow keys pick an event");
    harness_stop(&t);
}

static void quiz_choices_feedback_and_results(void **state)
{
    harness t;
    start(&t, true);
    assert_int_equal(hrc_app_goto(t.app, "q1"), 0);
    harness_draw(&t);
    const char *s = collect(&t);
    expect(s, "Part 4 of 4, Quiz: Fixture quiz");
    expect(s, "Question 1 of 5. Which one is right? Pick one answer.");
    /* The choices, numbered as shown, once on entering. */
    expect(s, "Choices: 1, The wrong one. 2, The right one. 3, Another wrong one");
    /* Check answer with nothing picked: the error in the bar is said. */
    s = press(&t, HRC_IN_ACTIVATE);
    expect(s, "Pick an answer first.");
    s = tab_to(&t, "The right one");
    assert_string_equal(s, "Choice 2 of 3, The right one, not selected");
    s = press(&t, HRC_IN_ACTIVATE);
    assert_string_equal(s, "selected"); /* only what changed */
    /* Tab away and back: the whole description again. */
    press(&t, HRC_IN_NEXT);
    assert_string_equal(press(&t, HRC_IN_PREV), "Choice 2 of 3, The right one, selected");
    tab_to(&t, "Check answer");
    s = press(&t, HRC_IN_ACTIVATE);
    expect(s, "Right!");
    expect(s, "The right one is right."); /* the explanation */
    expect(s, "Next question, button");
    tab_to(&t, "The right one");
    expect(said, "your answer, right");
    tab_to(&t, "The wrong one");
    assert_string_equal(said, "Choice 1 of 3, The wrong one, not selected");
    /* Multiple choice: checked or not checked. */
    tab_to(&t, "Next question");
    s = press(&t, HRC_IN_ACTIVATE);
    expect(s, "Question 2 of 5");
    expect(s, "Pick every right answer.");
    s = tab_to(&t, "Right A");
    assert_string_equal(s, "Choice 1 of 3, Right A, not checked");
    assert_string_equal(press(&t, HRC_IN_ACTIVATE), "checked");
    harness_stop(&t);
}

static void results_are_said(void **state)
{
    harness t;
    start(&t, true);
    assert_int_equal(hrc_app_goto(t.app, "q1"), 0);
    harness_draw(&t);
    /* Every question answered right, by keyboard alone. */
    static const char *const picks[5][3] = {
        {"The right one"}, {"Right A", "Right C"}, {"True"}, {NULL}, {"Meow", "Woof", "Moo"},
    };
    for (int q = 0; q < 5; q++) {
        for (int k = 0; k < 3 && picks[q][k]; k++) {
            tab_to(&t, picks[q][k]);
            press(&t, HRC_IN_ACTIVATE);
        }
        tab_to(&t, "Check answer");
        const char *s = press(&t, HRC_IN_ACTIVATE);
        /* The ordering is checked as shown (shuffled): not right. */
        expect(s, q == 3 ? "Not right." : "Right!");
        expect(s, q == 4 ? "See results, button" : "Next question, button");
        s = press(&t, HRC_IN_ACTIVATE);
        if (q < 4) {
            char line[32];
            snprintf(line, sizeof line, "Question %d of 5", q + 2);
            expect(s, line);
        }
    }
    const char *s = collect(&t);
    expect(s, "Your score: 80%. Pass mark: 60%. Passed. Well done! 1 attempt left.");
    harness_stop(&t);
}

/* ---- Reading the page ---------------------------------------------------- */

static void reading_the_page(void **state)
{
    harness t;
    start(&t, true);
    assert_int_equal(hrc_app_goto(t.app, "p1"), 0);
    harness_draw(&t);
    const char *s = press(&t, HRC_IN_SPEECH_READ);
    assert_string_equal(s, "Part 1 of 4, Lesson");
    assert_false(t.list.utterances[0].queue);
    /* Nothing more until the engine says it was heard. */
    assert_true(t.app->speech.reading);
    assert_string_equal(press(&t, HRC_IN_SPEECH_DONE), "First page");
    assert_string_equal(press(&t, HRC_IN_SPEECH_DONE), "A heading");
    expect(press(&t, HRC_IN_SPEECH_DONE), "Plain text with emphasis and strong words");
    static char paragraph[sizeof said];
    snprintf(paragraph, sizeof paragraph, "%s", said);
    /* F8 says it again; F7 skips to the next one. */
    assert_string_equal(press(&t, HRC_IN_SPEECH_REPEAT), paragraph);
    assert_string_equal(press(&t, HRC_IN_SPEECH_NEXT), "A smaller heading");
    bool image = false, end = false;
    for (int i = 0; i < 60 && !end; i++) {
        s = press(&t, HRC_IN_SPEECH_DONE);
        image |= strstr(s, "Image: An orange square on a plain background.") != NULL;
        end = strcmp(s, "End of the page.") == 0;
        assert_true(*s);
    }
    assert_true(image);
    assert_true(end);
    assert_false(t.app->speech.reading);
    assert_string_equal(press(&t, HRC_IN_SPEECH_DONE), "");
    /* F4 silences at once: an empty utterance that interrupts. */
    press(&t, HRC_IN_SPEECH_READ);
    press(&t, HRC_IN_SPEECH_STOP);
    assert_int_equal(t.list.n_utterances, 1);
    assert_string_equal(t.list.utterances[0].text, "");
    assert_false(t.list.utterances[0].queue);
    assert_string_equal(press(&t, HRC_IN_SPEECH_DONE), "");
    /* Reading starts at the focus when it is in the page. */
    s = tab_to(&t, "Show image description");
    assert_string_equal(s, "Show image description, button");
    assert_string_equal(press(&t, HRC_IN_SPEECH_READ), "Show image description, button");
    expect(press(&t, HRC_IN_SPEECH_DONE), "Key facts");
    /* Any other key ends reading. */
    press(&t, HRC_IN_NEXT);
    assert_false(t.app->speech.reading);
    harness_stop(&t);
}

/* ---- Languages ---------------------------------------------------------- */

static void each_text_in_its_own_language(void **state)
{
    harness t;
    harness_start(&t, &(hrc_app_config){.speech = true, .lang = "fr"});
    assert_int_equal(hrc_app_goto(t.app, "p1"), 0);
    harness_draw(&t);
    /* The fixture's heading has no French: it is said in English. */
    press(&t, HRC_IN_SPEECH_READ);
    assert_string_equal(t.list.utterances[0].lang, "fr"); /* "Partie 1 sur 4" */
    bool english = false, french = false;
    for (int i = 0; i < 30 && t.app->speech.reading; i++) {
        press(&t, HRC_IN_SPEECH_DONE);
        for (size_t k = 0; k < t.list.n_utterances; k++) {
            const hrc_utterance *u = &t.list.utterances[k];
            if (strcmp(u->text, "A heading") == 0) {
                assert_string_equal(u->lang, "en");
                english = true;
            }
            if (strstr(u->text, "Texte simple avec")) {
                assert_string_equal(u->lang, "fr");
                french = true;
            }
        }
    }
    assert_true(english && french);
    /* Switching the interface language changes the voice at once. */
    harness_activate_label(&t, "Param\xc3\xa8tres");
    const char *s = input(&t, (hrc_input){.kind = HRC_IN_NONE});
    (void)s;
    harness_activate_label(&t, "Espa\xc3\xb1ol");
    assert_true(t.list.n_utterances > 0);
    for (size_t k = 0; k < t.list.n_utterances; k++)
        assert_string_equal(t.list.utterances[k].lang, "es");
    expect(collect(&t), "Configuraci\xc3\xb3n");
    /* A language's own name is said in that language. */
    const char *fr = tab_to(&t, "Fran\xc3\xa7" "ais");
    expect(fr, "Fran\xc3\xa7" "ais");
    assert_string_equal(t.list.utterances[0].lang, "fr");
    harness_stop(&t);
    hrc_locale_set_language("en");
}

/* ---- Typing ------------------------------------------------------------------ */

static void names_are_echoed_pins_never(void **state)
{
    harness t;
    harness_start(&t, &(hrc_app_config){.speech = true, .progress = NULL});
    const char *s = tab_to(&t, "I am new here");
    s = press(&t, HRC_IN_ACTIVATE);
    expect(s, "Type your name:");
    expect(s, "text field, empty");
    type(&t, "A");
    assert_string_equal(said, "A");
    type(&t, "n");
    assert_string_equal(said, "n");
    assert_string_equal(tab_to(&t, "An|"), "Type your name: text field, An");
    harness_stop(&t);

    /* The facilitator's PIN: its length, never its digits. */
    hrc_progress *store = NULL;
    assert_int_equal(hrc_progress_open(harness_store_dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &store, NULL),
                     HRC_PROGRESS_OK);
    harness_start(&t, &(hrc_app_config){.speech = true, .progress = store});
    s = press(&t, HRC_IN_FACILITATOR);
    expect(s, "text field");
    char all[4096] = "";
    for (const char *d = "9876"; *d; d++) {
        char digit[2] = {*d, 0};
        type(&t, digit);
        strncat(all, said, sizeof all - strlen(all) - 2);
        strcat(all, "\n");
    }
    expect(all, "1 character typed");
    expect(all, "4 characters typed");
    for (const char *d = "9876"; *d; d++) {
        char digit[2] = {*d, 0};
        expect_not(all, digit);
    }
    harness_stop(&t);
    hrc_progress_close(store);
}

/* ---- The kiosk's idle prompt --------------------------------------------- */

static void the_idle_prompt_and_its_countdown(void **state)
{
    harness t;
    harness_start(&t, &(hrc_app_config){.speech = true, .kiosk = true, .idle_timeout_s = 60});
    harness_activate_label(&t, "Continue as guest");
    t.now += 61000;
    const char *s = input(&t, (hrc_input){.kind = HRC_IN_TICK});
    expect(s, "Are you still there?");
    expect(s, "Returning to the start in 30 seconds.");
    expect_not(s, "Welcome, guest");
    t.now += 5000;
    assert_string_equal(input(&t, (hrc_input){.kind = HRC_IN_TICK}), "");
    t.now += 5000;
    assert_string_equal(input(&t, (hrc_input){.kind = HRC_IN_TICK}),
                        "Returning to the start in 20 seconds.");
    t.now += 17000;
    assert_string_equal(input(&t, (hrc_input){.kind = HRC_IN_TICK}),
                        "Returning to the start in 3 seconds.");
    /* A key: still here, and back where the learner was. */
    expect(press(&t, HRC_IN_NEXT), "Welcome, guest");
    harness_stop(&t);
}

/* ---- The learner's profile ------------------------------------------------- */

static void the_choice_is_kept_in_the_profile(void **state)
{
    hrc_progress *store = NULL;
    assert_int_equal(hrc_progress_open(harness_store_dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &store, NULL),
                     HRC_PROGRESS_OK);
    harness t;
    harness_start(&t, &(hrc_app_config){.progress = store});
    /* Turned on at sign-in, before there is a profile: that is the choice. */
    press(&t, HRC_IN_SPEECH_TOGGLE);
    press(&t, HRC_IN_SPEECH_FASTER);
    expect(said, "Faster.");
    harness_activate_label(&t, "I am new here");
    type(&t, "Ada");
    press(&t, HRC_IN_ACTIVATE); /* a PIN is offered, not required */
    harness_activate_label(&t, "Continue without a PIN");
    expect(collect(&t), "Welcome, Ada");
    press(&t, HRC_IN_SPEECH_FASTER);
    hrc_learner *all = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(store, &all, &n), HRC_PROGRESS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(all[0].prefs.speech, HRC_SPEECH_PREF_ON);
    assert_int_equal(all[0].prefs.speech_rate, 2);
    int64_t ada = all[0].id;
    free(all);
    /* Signing out returns to the kiosk's setting (off), and says so. */
    harness_activate_label(&t, "Sign out");
    expect(collect(&t), "Spoken guidance off.");
    hrc_app_speech sp;
    hrc_app_speech_settings(t.app, &sp);
    assert_false(sp.on);
    assert_int_equal(sp.rate_step, 0);
    /* Ada's next sign-in brings it back, rate too. */
    harness_activate_label(&t, "Ada");
    hrc_app_speech_settings(t.app, &sp);
    assert_true(sp.on);
    assert_int_equal(sp.rate_step, 2);
    expect(collect(&t), "Welcome, Ada");
    /* Turned off, it stays off for her, on a kiosk that speaks. */
    press(&t, HRC_IN_SPEECH_TOGGLE);
    hrc_learner l;
    assert_int_equal(hrc_progress_get_learner(store, ada, &l), HRC_PROGRESS_OK);
    assert_int_equal(l.prefs.speech, HRC_SPEECH_PREF_OFF);
    harness_stop(&t);
    harness_start(&t, &(hrc_app_config){.progress = store, .speech = true});
    expect(collect(&t), "Welcome");
    harness_activate_label(&t, "Ada");
    hrc_app_speech_settings(t.app, &sp);
    assert_false(sp.on);
    harness_stop(&t);
    hrc_progress_close(store);
}

/* ---- Touch ------------------------------------------------------------------------ */

static void a_tap_says_a_second_acts(void **state)
{
    harness t;
    start(&t, true);
    int g = harness_find_target(&t, "Continue as guest");
    hrc_rect r = t.list.targets[g].rect;
    hrc_input down = {.kind = HRC_IN_POINTER_DOWN, .x = r.x + r.w / 2, .y = r.y + r.h / 2,
                      .touch = true};
    hrc_input up = down;
    up.kind = HRC_IN_POINTER_UP;
    input(&t, down);
    assert_string_equal(input(&t, up), "Continue as guest, button");
    assert_int_equal(hrc_nav_top(&t.app->nav)->screen, HRC_SCREEN_SIGNIN);
    input(&t, down);
    expect(input(&t, up), "Welcome, guest");
    /* A mouse click acts at once, as without speech. */
    int k = harness_find_target(&t, "Module 1");
    r = t.list.targets[k].rect;
    hrc_input click = {.kind = HRC_IN_POINTER_DOWN, .x = r.x + r.w / 2, .y = r.y + r.h / 2};
    input(&t, click);
    click.kind = HRC_IN_POINTER_UP;
    expect(input(&t, click), "Module 1: Fixture module");
    harness_stop(&t);
}

/* ---- The settings screen, for touch screens --------------------------------- */

static void settings_turn_it_on_and_set_it(void **state)
{
    harness t;
    start(&t, false);
    harness_activate_label(&t, "Settings");
    assert_true(harness_has_text(&t, "Spoken guidance"));
    assert_int_equal(harness_find_target(&t, "Faster"), -1); /* off: just on or off */
    harness_click(&t, "On");
    expect(collect(&t), "Spoken guidance on.");
    expect(said, "Settings");
    harness_click(&t, "Faster");
    assert_string_equal(collect(&t), "Faster.");
    harness_click(&t, "Quieter");
    assert_string_equal(collect(&t), "Volume 90%.");
    hrc_app_speech sp;
    hrc_app_speech_settings(t.app, &sp);
    assert_true(sp.on);
    assert_int_equal(sp.rate_step, 1);
    assert_int_equal(sp.volume, 90);
    for (int i = 0; i < 12; i++)
        harness_click(&t, "Quieter");
    hrc_app_speech_settings(t.app, &sp);
    assert_int_equal(sp.volume, SPOKEN_VOLUME_MIN); /* never silent by mistake */
    /* The focus on the chosen one says so. */
    assert_string_equal(tab_to(&t, "On"), "On, button, selected");
    harness_click(&t, "Off");
    assert_string_equal(collect(&t), "Spoken guidance off.");
    harness_stop(&t);
}

/* ---- What is said is plain text ------------------------------------------ */

static void clean_text(void **state)
{
    char out[256];
    spoken_clean("Part 2 of 5 \xc2\xb7 Lesson", out, sizeof out);
    assert_string_equal(out, "Part 2 of 5, Lesson");
    spoken_clean("Cat \xe2\x86\x92 Meow", out, sizeof out);
    assert_string_equal(out, "Cat: Meow");
    spoken_clean("Ana|", out, sizeof out);
    assert_string_equal(out, "Ana");
    spoken_clean("\xee\xa1\xac  Done", out, sizeof out); /* an icon glyph */
    assert_string_equal(out, "Done");
    spoken_clean("2000\xe2\x80\x93" "2010", out, sizeof out);
    assert_string_equal(out, "2000 to 2010");
    spoken_clean("\xe2\x80\xa2\xe2\x80\xa2|", out, sizeof out);
    assert_string_equal(out, "");
    spoken_clean("a\n\n b ,c", out, sizeof out);
    assert_string_equal(out, "a b,c");
    spoken_clean("cut \xc3", out, sizeof out); /* half a character */
    assert_string_equal(out, "cut");
    spoken_clean("long text", out, 5);
    assert_string_equal(out, "long");
}

int main(void)
{
    /* The catalogues built next to the player, as hrc-player reads them. */
    hrc_locale_init(HRC_BUILD_EXE);
    hrc_locale_set_language("en");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(f1_toggles_and_says_so),
        cmocka_unit_test(a_long_press_toggles_and_taps_nothing),
        cmocka_unit_test(screens_and_focus),
        cmocka_unit_test(quiz_choices_feedback_and_results),
        cmocka_unit_test(results_are_said),
        cmocka_unit_test(reading_the_page),
        cmocka_unit_test(each_text_in_its_own_language),
        cmocka_unit_test_teardown(names_are_echoed_pins_never, harness_store_clear),
        cmocka_unit_test(the_idle_prompt_and_its_countdown),
        cmocka_unit_test_teardown(the_choice_is_kept_in_the_profile, harness_store_clear),
        cmocka_unit_test(a_tap_says_a_second_acts),
        cmocka_unit_test(settings_turn_it_on_and_set_it),
        cmocka_unit_test(clean_text),
    };
    return cmocka_run_group_tests(tests, harness_store_dir_make, harness_store_dir_remove);
}
