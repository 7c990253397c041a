/*
 * The quiz: one question at a time. Every answer part works by pointer and
 * by keyboard alone:
 * - choices: Enter picks (toggles for multiple choice);
 * - ordering: Enter picks an item up, Up/Down move it, Enter (or Escape)
 *   puts it down; or drag an item onto another's place;
 * - matching: Enter on a left item, then Enter on a right side; or drag a
 *   right side onto a left item;
 * - fill-in and numeric: text fields. Typing goes to the field that has
 *   the focus (Tab), else to the one last picked (a click, a tap, Enter);
 *   Enter in a field goes on to the next, and in the last one checks.
 *   A kiosk shows an on-screen keyboard under the fields (a number pad
 *   for numbers), so that a touch screen alone is enough.
 * Check answer and the hint stay in the bottom bar, so nothing moves under
 * the pointer when a message appears; Start over sits in the quiz's header
 * line, away from them, and always asks first. Picking an answer never
 * changes the height of its row. After checking, the feedback is
 * scrolled into view. The answer is recorded
 * before any feedback is shown; when recording fails the feedback stays
 * hidden and the learner can try again. Leaving part-way keeps the attempt
 * open (session.h).
 */
#include "core/answer.h"
#include "screens/icons.h"
#include "screens/keyboard.h"
#include "screens/ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ACT_CHOICE = ACT_SCREEN, /* arg: display position */
    ACT_ORDER_ITEM,          /* arg: position */
    ACT_LEFT,                /* arg: left (pair index) */
    ACT_RIGHT,               /* arg: display position of a right side */
    ACT_HINT,
    ACT_CHECK,
    ACT_NEXT_QUESTION,
    ACT_START_OVER,          /* asks first */
    ACT_START_OVER_YES,
    ACT_START_OVER_NO,
    ACT_FIELD,               /* arg: the field (gap) typed into */
    ACT_KEY,                 /* arg: a key of the on-screen keyboard */
};

/* What the learner is doing with the answer parts (the answers themselves
 * are in the attempt, session.h). */
typedef struct quiz_state {
    int grabbed;       /* ordering: position picked up, -1 none */
    bool grabbed_by_key; /* ... with the keyboard (the arrows move it) */
    int match_left;    /* matching: left picked, -1 none */
    bool confirm_restart; /* "Start over?" is asked */
    int field;         /* fill-in, numeric: the field last picked */
    osk keys;          /* the on-screen keyboard (kiosk) */
} quiz_state;

static void quiz_init(hrc_app *app, void *state)
{
    quiz_state *qs = state;
    qs->grabbed = qs->match_left = -1;
}

static quiz_state *quiz_of(const hrc_app *app)
{
    return hrc_nav_top_const(&app->nav)->screen == HRC_SCREEN_QUIZ ? screen_state(app) : NULL;
}

static hrc_quiz_attempt *current_attempt(const hrc_app *app)
{
    const hrc_nav_loc *loc = hrc_nav_top_const(&app->nav);
    return session_attempt(app, loc->module, loc->item);
}

static hrc_quiz_item *current_item(hrc_app *app)
{
    hrc_quiz_attempt *a = current_attempt(app);
    if (!a || !quiz_of(app) || a->current >= a->n_items)
        return NULL;
    return &a->items[a->current];
}

const char *screen_choice_label(const hrc_app *app, const hrc_module *m,
                                const hrc_question *q, size_t c)
{
    const char *s = ui_pick(app, m, &q->choices[c].text);
    if (q->kind == HRC_Q_TRUEFALSE && !*s)
        return c == 0 ? _("True") : _("False");
    return s;
}

/* The language a choice is written in; NULL when it is the interface's
 * "True" or "False". */
static const char *choice_lang(const hrc_app *app, const hrc_module *m, const hrc_question *q,
                               size_t c)
{
    const hrc_variant *v = hrc_text_pick(&q->choices[c].text, app->lang,
                                         m ? m->default_lang : NULL);
    return v && *v->plain ? v->lang : NULL;
}

static const char *text_lang(const hrc_app *app, const hrc_module *m, const hrc_text *t)
{
    const hrc_variant *v = hrc_text_pick(t, app->lang, m ? m->default_lang : NULL);
    return v ? v->lang : NULL;
}

/* Says a piece of module text in its language (NULL: the interface's). */
static void say_in(ui *u, const char *text, const char *lang)
{
    spoken_record_say(u->app, text, lang);
}

/*
 * Choices keep their height when picked: the mark (a filled circle or
 * box) and the tinted face say it, and no line is added, so nothing moves
 * under the finger. After checking, the learner's picks say "Your
 * answer" with a tick or a cross, and a right answer they did not pick
 * has a dashed border, an outlined tick and "Right answer you missed".
 */
static void draw_choices(ui *u, const hrc_module *m, hrc_quiz_item *it)
{
    const hrc_question *q = it->q;
    bool multi = q->kind == HRC_Q_MULTIPLE;
    const char *yours = _("Your answer"), *missed = _("Right answer you missed");
    const char *head_room =
        ui_text_width(u, yours, HRC_FONT_BOLD, u->small_px) >
                ui_text_width(u, missed, HRC_FONT_BOLD, u->small_px)
            ? yours
            : missed;
    for (size_t pos = 0; pos < it->n_shown; pos++) {
        size_t c = it->shown[pos];
        bool picked = multi ? it->response.slot[c] != 0 : it->response.slot[0] == (int)c;
        button_state st = picked ? BTN_PICKED : BTN_QUIET;
        const char *icon = multi ? (picked ? ICON_CHECK_ON : ICON_CHECK_OFF)
                                 : (picked ? ICON_RADIO_ON : ICON_RADIO_OFF);
        const char *prefix = NULL;
        /* Spoken: "Choice 2 of 3, <text>, not selected". */
        const char *state = multi ? (picked ? _("checked") : _("not checked"))
                                  : (picked ? _("selected") : _("not selected"));
        if (it->checked) {
            bool correct = q->choices[c].correct;
            if (picked) {
                st = correct ? BTN_RIGHT : BTN_WRONG;
                icon = correct ? ICON_RIGHT : ICON_WRONG;
                prefix = yours;
                state = correct ? _("your answer, right") : _("your answer, not right");
            } else if (correct) {
                st = BTN_MISSED;
                icon = ICON_MISSED;
                prefix = missed;
                state = _("right answer you missed");
            }
        }
        ui_next_target(u, multi ? HRC_ROLE_CHECKBOX : HRC_ROLE_CHOICE, state,
                       screen_choice_label(u->app, m, q, c), choice_lang(u->app, m, q, c));
        /* Room for the longest line a check may add above the text, kept
         * from the start. */
        u->block_head = head_room;
        ui_block_button(u, icon, prefix, NULL, screen_choice_label(u->app, m, q, c), ACT_CHOICE,
                        (int)pos, st, false);
        u->block_head = NULL;
    }
}

/* Ordering: the place number leads the item's line, and carrying an item
 * only changes its face (the bar says how to move it by keys). */
static void draw_ordering(ui *u, const hrc_module *m, hrc_quiz_item *it)
{
    hrc_app *app = u->app;
    const quiz_state *qs = quiz_of(app);
    const hrc_question *q = it->q;
    for (size_t p = 0; p < it->response.n; p++) {
        int c = it->response.slot[p];
        char text[1024];
        bool carried = qs->grabbed == (int)p;
        button_state st = carried ? BTN_PICKED : BTN_QUIET;
        const char *icon = ICON_DRAG;
        bool ok = c == (int)p;
        if (it->checked) {
            st = ok ? BTN_RIGHT : BTN_WRONG;
            icon = ok ? ICON_RIGHT : ICON_WRONG;
        }
        snprintf(text, sizeof text, "%zu.\xc2\xa0%s", p + 1,
                 screen_choice_label(app, m, q, (size_t)c));
        const char *state = it->checked ? (ok ? _("In place") : _("Not in place"))
                            : carried && qs->grabbed_by_key
                                ? _("Moving: Up and Down move it, Enter puts it down")
                            : carried ? _("Moving") : NULL;
        ui_next_target(u, HRC_ROLE_LIST_ITEM, state, screen_choice_label(app, m, q, (size_t)c),
                       choice_lang(app, m, q, (size_t)c));
        ui_block_button(u, icon, NULL, NULL, text, ACT_ORDER_ITEM, (int)p, st, !it->checked);
    }
    if (it->checked) {
        ui_plain(u, _("The right order:"), HRC_FONT_BOLD, u->px, u->pal->text);
        for (size_t c = 0; c < q->n_choices; c++) {
            char line[600];
            snprintf(line, sizeof line, "%zu. %s", c + 1, screen_choice_label(app, m, q, c));
            ui_plain(u, line, 0, u->px, u->pal->text);
        }
    }
}

/* Matching: each item with a slot for its match on the same line, and the
 * matches to choose from below. */
static void draw_matching(ui *u, const hrc_module *m, hrc_quiz_item *it)
{
    hrc_app *app = u->app;
    const quiz_state *qs = quiz_of(app);
    const hrc_question *q = it->q;
    /* Every text a slot may hold, so that no row changes height. */
    enum { MAX_SLOT_TEXTS = 64 };
    const char *slot_texts[MAX_SLOT_TEXTS];
    size_t n_texts = 0;
    for (size_t r = 0; r < q->n_pairs && n_texts + 2 < MAX_SLOT_TEXTS; r++)
        slot_texts[n_texts++] = ui_pick(app, m, &q->pairs[r].right);
    const char *choose = _("Choose a match");
    const char *now = _("Now choose its match below");
    slot_texts[n_texts++] = choose;
    slot_texts[n_texts++] = now;
    /* The items' column is as wide as the widest item, so that the slots
     * line up and get the rest. */
    int left_w = 0;
    for (size_t l = 0; l < q->n_pairs; l++) {
        int w = ui_text_width(u, ui_pick(app, m, &q->pairs[l].left), 0, u->px);
        if (w > left_w)
            left_w = w;
    }
    for (size_t l = 0; l < q->n_pairs; l++) {
        int r = it->response.slot[l];
        bool picked = qs->match_left == (int)l;
        button_state st = picked ? BTN_PICKED : BTN_QUIET;
        const char *icon = NULL, *state = picked ? _("picked: now choose its match") : NULL;
        if (it->checked) {
            st = r == (int)l ? BTN_RIGHT : BTN_WRONG;
            icon = r == (int)l ? ICON_RIGHT : ICON_WRONG;
            state = r == (int)l ? _("right") : _("not right");
        }
        const char *left = ui_pick(app, m, &q->pairs[l].left);
        const char *right = r >= 0 ? ui_pick(app, m, &q->pairs[r].right) : NULL;
        char spoken[1024];
        snprintf(spoken, sizeof spoken, "%s \xe2\x86\x92 %s", left,
                 /* TRANSLATORS: spoken for a matching item that has no partner yet. */
                 right ? right : _("no match yet"));
        ui_next_target(u, HRC_ROLE_BUTTON, state, spoken, text_lang(app, m, &q->pairs[l].left));
        ui_pair_row(u, icon, left, text_lang(app, m, &q->pairs[l].left), right,
                    r >= 0 ? text_lang(app, m, &q->pairs[r].right) : NULL,
                    picked ? now : choose, slot_texts, n_texts, left_w, ACT_LEFT, (int)l,
                    st);
        if (it->checked && r != (int)l) {
            char text[1024];
            snprintf(text, sizeof text, _("Right match: %s"), ui_pick(app, m, &q->pairs[l].right));
            ui_plain(u, text, HRC_FONT_ITALIC, u->px, u->pal->text);
            ui_gap(u, u->pad / 3);
        }
    }
    if (it->checked)
        return;
    ui_gap(u, u->pad / 2);
    ui_plain(u, _("Matches to choose from:"), HRC_FONT_BOLD, u->px, u->pal->text);
    for (size_t pos = 0; pos < q->n_pairs; pos++) {
        size_t r = it->right_shown[pos];
        bool used = false;
        for (size_t l = 0; l < q->n_pairs; l++)
            used |= it->response.slot[l] == (int)r;
        ui_next_target(u, HRC_ROLE_BUTTON, used ? _("already matched") : NULL,
                       ui_pick(app, m, &q->pairs[r].right), NULL);
        ui_block_button(u, used ? ICON_DONE : ICON_DRAG, NULL, &q->pairs[r].right, NULL,
                        ACT_RIGHT, (int)pos, used ? BTN_DONE : BTN_QUIET, true);
    }
}

/* ---- Typed answers: fill-in and numeric ---------------------------------- */

static bool typed(const hrc_question *q)
{
    return q->kind == HRC_Q_FILLIN || q->kind == HRC_Q_NUMERIC;
}

static size_t field_count(const hrc_quiz_item *it)
{
    return typed(it->q) ? it->response.n : 0;
}

/* The field typed text goes to: the focused one, else the one last picked.
 * At input time the targets are the last frame's, all of them. */
static int active_field(const hrc_app *app, const quiz_state *qs, const hrc_quiz_item *it)
{
    int f = hrc_nav_top_const(&app->nav)->focus;
    if (f >= 0 && f < app->n_targets && app->targets[f].action == ACT_FIELD)
        return app->targets[f].arg;
    return qs->field >= 0 && (size_t)qs->field < field_count(it) ? qs->field : 0;
}

static char decimal_mark(const hrc_app *app)
{
    return hrc_lang_decimal_comma(app->lang) ? ',' : '.';
}

/* A blank's number as the prompt shows it: ① to ⑩, then (11)... A mark
 * that French spacing leaves alone (no colon). */
static void gap_number(size_t k, char *out, size_t size)
{
    if (k < 10 && size >= 4) {
        unsigned cp = 0x2460 + (unsigned)k; /* CIRCLED DIGIT ONE... */
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        out[3] = '\0';
    } else {
        snprintf(out, size, "(%zu)", k + 1);
    }
}

/* A gap of the prompt showing what is typed in it: "[Geneva]", and
 * "______" while empty; with several blanks, its number first: "①
 * [Geneva]" (a no-break space: the number never ends a line). The caret
 * is in the field, not here. */
static void gap_in_prompt(const hrc_quiz_item *it, size_t k, char *out, size_t size)
{
    const char *t = hrc_response_field(&it->response, k);
    char number[16] = "";
    if (field_count(it) > 1) {
        gap_number(k, number, sizeof number - 2);
        strcat(number, "\xc2\xa0");
    }
    if (*t)
        snprintf(out, size, "%s[%s]", number, t);
    else
        snprintf(out, size, "%s______", number);
}

/* The prompt as it is said: each gap is "blank" ("blank 2" when there are
 * several), never a row of underscores. */
static void spoken_prompt(ui *u, const hrc_variant *v, const hrc_quiz_item *it, char *out,
                          size_t size)
{
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < v->n_spans && at + 1 < size; i++) {
        int g = hrc_span_gap(&v->spans[i]);
        char word[64];
        const char *piece = v->spans[i].text;
        if (g >= 0) {
            if (field_count(it) > 1)
                /* TRANSLATORS: a gap of a fill-in question, said aloud. */
                snprintf(word, sizeof word, _("blank %d"), g + 1);
            else
                snprintf(word, sizeof word, "%s", _("blank"));
            piece = word;
        }
        int w = snprintf(out + at, size - at, "%s", piece ? piece : "");
        if (w < 0)
            break;
        at += (size_t)w;
        if (at >= size)
            at = size - 1;
    }
    (void)u;
}

/* The prompt of a fill-in question, each gap showing what is typed in it;
 * spoken guidance reads it with "blank" for each gap. */
static void draw_gapped_prompt(ui *u, const hrc_module *m, const hrc_quiz_item *it)
{
    const hrc_variant *v = hrc_text_pick(&it->q->prompt, u->app->lang, m ? m->default_lang : NULL);
    if (!v || v->n_spans == 0) {
        ui_text(u, &it->q->prompt, HRC_FONT_BOLD, u->h2_px, u->pal->text);
        return;
    }
    hrc_span *spans = malloc(v->n_spans * sizeof *spans);
    char *shown = malloc(v->n_spans * (HRC_FIELD_MAX + 24));
    if (!spans || !shown) {
        free(spans);
        free(shown);
        ui_text(u, &it->q->prompt, HRC_FONT_BOLD, u->h2_px, u->pal->text);
        return;
    }
    for (size_t i = 0; i < v->n_spans; i++) {
        spans[i] = v->spans[i];
        int g = hrc_span_gap(&v->spans[i]);
        if (g < 0 || (size_t)g >= field_count(it))
            continue;
        char *text = shown + i * (HRC_FIELD_MAX + 24);
        gap_in_prompt(it, (size_t)g, text, HRC_FIELD_MAX + 24);
        spans[i].text = text;
    }
    ui_flow_end(u);
    int y0 = u->y;
    ui_spans_at(u, spans, v->n_spans, HRC_FONT_BOLD, u->h2_px, u->pal->text, u->x, u->w);
    char said[2048];
    spoken_prompt(u, v, it, said, sizeof said);
    spoken_record_text(u->app, said, v->lang, 2, false, false, u->in_scroll,
                       (hrc_rect){u->x, y0, u->w, u->y - y0});
    free(spans);
    free(shown);
}

/* One text field: what is typed, a bar where the next character goes. The
 * active field is the screen's main target: keyboard focus starts there,
 * as in any form, and Enter goes on from it (quiz_key). */
static void draw_field(ui *u, const hrc_quiz_item *it, size_t k, const char *prefix,
                       bool active)
{
    const char *t = hrc_response_field(&it->response, k);
    char text[HRC_FIELD_MAX + 8];
    snprintf(text, sizeof text, "%s%s", *t || active ? t : "______", active ? "|" : "");
    int target = ui_block_button(u, ICON_EDIT, prefix, NULL, text, ACT_FIELD, (int)k,
                                 active ? BTN_PICKED : BTN_QUIET, false);
    if (active)
        ui_mark_main(u, target);
}

static void draw_fillin(ui *u, const hrc_module *m, hrc_quiz_item *it, int active)
{
    hrc_app *app = u->app;
    const hrc_question *q = it->q;
    bool several = q->n_gaps > 1;
    for (size_t k = 0; k < q->n_gaps; k++) {
        char prefix[128];
        if (!it->checked) {
            /* One blank is "Your answer"; several are numbered as in the
             * prompt. */
            if (several)
                snprintf(prefix, sizeof prefix, _("Blank %zu"), k + 1);
            else
                snprintf(prefix, sizeof prefix, "%s", _("Your answer"));
            draw_field(u, it, k, prefix, (int)k == active);
            continue;
        }
        bool right = hrc_gap_right(q, &it->response, k);
        if (several)
            snprintf(prefix, sizeof prefix,
                     right ? _("Blank %zu: right") : _("Blank %zu: not right"), k + 1);
        else
            snprintf(prefix, sizeof prefix, "%s", _("Your answer"));
        ui_next_target(u, HRC_ROLE_BUTTON, right ? _("right") : _("not right"), NULL, NULL);
        ui_block_button(u, right ? ICON_RIGHT : ICON_WRONG, prefix, NULL,
                        hrc_response_field(&it->response, k), ACT_FIELD, (int)k,
                        right ? BTN_RIGHT : BTN_WRONG, false);
        const hrc_accept *shown = hrc_gap_shown(&q->gaps[k], app->lang, m ? m->default_lang : NULL);
        if (!right && shown) {
            char line[HRC_FIELD_MAX + 64];
            snprintf(line, sizeof line, _("Right answer: %s"), shown->text);
            ui_plain(u, line, HRC_FONT_ITALIC, u->px, u->pal->text);
            ui_gap(u, u->pad / 3);
        }
    }
}

static void draw_numeric(ui *u, const hrc_module *m, hrc_quiz_item *it)
{
    hrc_app *app = u->app;
    const hrc_question *q = it->q;
    const char *unit = ui_pick(app, m, &q->unit);
    char prefix[256];
    if (!it->checked) {
        if (*unit)
            /* TRANSLATORS: the label of a numeric answer's field, with its
               unit: "Your number (local governments)". */
            snprintf(prefix, sizeof prefix, _("Your number (%s)"), unit);
        else
            snprintf(prefix, sizeof prefix, "%s", _("Your number"));
        draw_field(u, it, 0, prefix, true);
        /* How the number is read, where that could be in doubt. Its room
         * is kept while it is not shown, so that the keys below never
         * move under a finger. */
        const char *t = hrc_response_field(&it->response, 0);
        const char *doubt = _("Not a number yet: digits, with a comma or a point for decimals");
        double v;
        char line[256], number[48];
        int room = ui_text_height(u, doubt, 0, u->small_px, u->w);
        int y0 = u->y;
        if (strpbrk(t, " ,.'") || (unsigned char)t[0] >= 0x80) {
            if (hrc_number_parse(t, hrc_lang_decimal_comma(app->lang), &v)) {
                hrc_number_format(v, decimal_mark(app), number, sizeof number);
                snprintf(line, sizeof line, _("Read as %s"), number);
            } else {
                snprintf(line, sizeof line, "%s", doubt);
            }
            ui_plain(u, line, 0, u->small_px, u->pal->muted);
        }
        if (u->y < y0 + room)
            u->y = y0 + room;
        return;
    }
    double v = 0;
    bool right = it->score >= 1.0;
    char typed_text[64] = "";
    if (hrc_response_number(&it->response, &v))
        hrc_number_format(v, decimal_mark(app), typed_text, sizeof typed_text);
    snprintf(prefix, sizeof prefix, "%s", _("Your number"));
    char text[256];
    snprintf(text, sizeof text, "%s%s%s", typed_text, *unit ? " " : "", unit);
    ui_next_target(u, HRC_ROLE_BUTTON, right ? _("right") : _("not right"), NULL, NULL);
    ui_block_button(u, right ? ICON_RIGHT : ICON_WRONG, prefix, NULL, text, ACT_FIELD, 0,
                    right ? BTN_RIGHT : BTN_WRONG, false);
    if (!right || q->tolerance > 0) {
        char answer[256], line[320];
        hrc_numeric_answer_text(q, decimal_mark(app), unit, answer, sizeof answer);
        snprintf(line, sizeof line, right ? _("Accepted: %s") : _("Right answer: %s"), answer);
        ui_plain(u, line, HRC_FONT_ITALIC, u->px, u->pal->text);
        ui_gap(u, u->pad / 3);
    }
}

/* Typed text and Backspace go to the active field. */
static unsigned quiz_text(hrc_app *app, const hrc_input *in)
{
    hrc_quiz_item *it = current_item(app);
    quiz_state *qs = quiz_of(app);
    if (!it || !qs || !typed(it->q) || it->checked || qs->confirm_restart)
        return 0;
    hrc_quiz_attempt *a = current_attempt(app);
    int f = active_field(app, qs, it);
    qs->field = f;
    app->notice[0] = '\0';
    if (in->kind == HRC_IN_BACKSPACE)
        hrc_quiz_erase(a, a->current, (size_t)f);
    else
        hrc_quiz_type(a, a->current, (size_t)f, in->text);
    return HRC_APP_REDRAW;
}

bool quiz_wants_text(const hrc_app *app)
{
    const quiz_state *qs = quiz_of(app);
    hrc_quiz_attempt *a = current_attempt(app);
    if (!qs || !a || a->current >= a->n_items || qs->confirm_restart)
        return false;
    const hrc_quiz_item *it = &a->items[a->current];
    return typed(it->q) && !it->checked;
}

/* The screen's own targets are the last frame's: the index of field k. */
static int field_target(const hrc_app *app, int k)
{
    for (int i = 0; i < app->n_targets; i++)
        if (app->targets[i].action == ACT_FIELD && app->targets[i].arg == k)
            return i;
    return -1;
}

static unsigned check_answer(hrc_app *app, quiz_state *qs, hrc_quiz_item *it);

/* Enter in a field: on to the next field, or, in the last, check. */
static unsigned field_enter(hrc_app *app, quiz_state *qs, hrc_quiz_item *it)
{
    int f = active_field(app, qs, it);
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    if ((size_t)f + 1 < field_count(it)) {
        qs->field = f + 1;
        if (loc->focus >= 0)
            loc->focus = field_target(app, f + 1);
        app->reveal_focus = loc->focus >= 0;
        return HRC_APP_REDRAW;
    }
    return check_answer(app, qs, it);
}

void screen_percent(int pct, char *out, size_t size)
{
    /* TRANSLATORS: a percentage. The number and the sign must never be
       parted: French and Spanish put a no-break space between them. */
    snprintf(out, size, _("%d%%"), pct);
}

/*
 * How a question's score was made, in plain words, counts first: "1 of
 * 4 right answers picked: 25%.", "2 of 3 matches right: 67%." Single choice, true/false, numeric and one
 * blank: the percentage alone.
 */
void screen_credit_line(const hrc_question *q, const hrc_response *r, double score, char *out,
                        size_t size)
{
    hrc_credit c = hrc_question_credit(q, r);
    char pct[32], first[320], second[320];
    screen_percent((int)(score * 100 + 0.5), pct, sizeof pct);
    bool partial = q->scoring == HRC_SCORING_PARTIAL;
    unsigned long total = (unsigned long)c.total;
    switch (q->kind) {
    case HRC_Q_MULTIPLE:
        if (c.wrong == 0) {
            snprintf(out, size,
                     partial ? ngettext("%zu of %zu right answer picked: %s.",
                                        "%zu of %zu right answers picked: %s.", total)
                             : ngettext("%zu of %zu right answer picked. Only a fully right "
                                        "answer counts: %s.",
                                        "%zu of %zu right answers picked. Only a fully right "
                                        "answer counts: %s.",
                                        total),
                     c.right, c.total, pct);
            return;
        }
        snprintf(first, sizeof first,
                 ngettext("%zu of %zu right answer picked.",
                          "%zu of %zu right answers picked.", total),
                 c.right, c.total);
        snprintf(second, sizeof second,
                 partial ? ngettext("You also picked %zu wrong answer, and each wrong pick "
                                    "takes one right one away: %s.",
                                    "You also picked %zu wrong answers, and each wrong pick "
                                    "takes one right one away: %s.",
                                    (unsigned long)c.wrong)
                         : ngettext("You also picked %zu wrong answer. Only a fully right "
                                    "answer counts: %s.",
                                    "You also picked %zu wrong answers. Only a fully right "
                                    "answer counts: %s.",
                                    (unsigned long)c.wrong),
                 c.wrong, pct);
        snprintf(out, size, "%s %s", first, second);
        return;
    case HRC_Q_ORDERING:
        snprintf(out, size,
                 partial ? ngettext("%zu of %zu item in the right place: %s.",
                                    "%zu of %zu items in the right place: %s.", total)
                         : ngettext("%zu of %zu item in the right place. Only a fully right "
                                    "order counts: %s.",
                                    "%zu of %zu items in the right place. Only a fully right "
                                    "order counts: %s.",
                                    total),
                 c.right, c.total, pct);
        return;
    case HRC_Q_MATCHING:
        snprintf(out, size,
                 partial ? ngettext("%zu of %zu match right: %s.",
                                    "%zu of %zu matches right: %s.", total)
                         : ngettext("%zu of %zu match right. Only fully right matches "
                                    "count: %s.",
                                    "%zu of %zu matches right. Only fully right matches "
                                    "count: %s.",
                                    total),
                 c.right, c.total, pct);
        return;
    case HRC_Q_FILLIN:
        if (c.total > 1) {
            snprintf(out, size,
                     partial ? ngettext("%zu of %zu blank right: %s.",
                                        "%zu of %zu blanks right: %s.", total)
                             : ngettext("%zu of %zu blank right. Only fully right blanks "
                                        "count: %s.",
                                        "%zu of %zu blanks right. Only fully right blanks "
                                        "count: %s.",
                                        total),
                     c.right, c.total, pct);
            return;
        }
        break;
    case HRC_Q_SINGLE:
    case HRC_Q_TRUEFALSE:
    case HRC_Q_NUMERIC:
        break;
    }
    snprintf(out, size, "%s", pct);
}

/* Whether a question has parts whose count says more than the verdict
 * (several right answers, items, pairs or blanks). */
static bool has_parts(const hrc_question *q)
{
    return q->kind == HRC_Q_MULTIPLE || q->kind == HRC_Q_ORDERING ||
           q->kind == HRC_Q_MATCHING || (q->kind == HRC_Q_FILLIN && q->n_gaps > 1);
}

/* The lang of the first picked choice's text, for saying it. */
static const char *picks_lang(const hrc_app *app, const hrc_module *m, const hrc_quiz_item *it)
{
    const hrc_question *q = it->q;
    bool multi = q->kind == HRC_Q_MULTIPLE;
    for (size_t c = 0; c < q->n_choices; c++) {
        bool picked = multi ? it->response.slot[c] != 0 : it->response.slot[0] == (int)c;
        if (picked)
            return choice_lang(app, m, q, c);
    }
    return NULL;
}

/*
 * After checking: one verdict for the question, the count of its parts
 * when it has some, and the explanation. Spoken in the order a learner
 * needs it: the verdict, what they answered (and what the module says of
 * it), the right answer when they missed it, then the explanation.
 */
static void feedback_box(ui *u, const hrc_module *m, const hrc_quiz_item *it)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_question *q = it->q;
    hrc_rect box;
    int y0 = u->y;
    ui_box_begin(u, &box);
    bool right = it->score >= 1.0, partly = !right && it->score > 0;
    const char *verdict = right ? _("Right!") : partly ? _("Partly right.") : _("Not right.");
    int iw = ui_icon(u, right ? ICON_RIGHT : partly ? ICON_PARTLY : ICON_WRONG, u->x, u->y,
                     u->h2_px, right ? p->right : partly ? p->text : p->wrong);
    u->x += iw + u->pad / 2;
    u->w -= iw + u->pad / 2;
    ui_plain(u, verdict, HRC_FONT_BOLD, u->h2_px, right ? p->right : partly ? p->text : p->wrong);
    ui_say(u, verdict);
    char answer[1800], line[2048];
    screen_response_text(app, m, q, &it->response, answer, sizeof answer);
    if (answer[0]) {
        snprintf(line, sizeof line, _("Your answer: %s"), answer);
        say_in(u, line, q->kind == HRC_Q_SINGLE || q->kind == HRC_Q_MULTIPLE ||
                                q->kind == HRC_Q_TRUEFALSE
                            ? picks_lang(app, m, it)
                            : NULL);
    }
    bool multi = q->kind == HRC_Q_MULTIPLE;
    for (size_t c = 0; q->kind != HRC_Q_ORDERING && q->kind != HRC_Q_MATCHING &&
                       c < q->n_choices; c++) {
        bool picked = multi ? it->response.slot[c] != 0 : it->response.slot[0] == (int)c;
        if (picked && !hrc_text_is_empty(&q->choices[c].feedback))
            ui_say_text(u, &q->choices[c].feedback);
    }
    if (!right) {
        screen_right_answer_text(app, m, q, answer, sizeof answer);
        snprintf(line, sizeof line, _("Right answer: %s"), answer);
        ui_say(u, line);
    }
    if (has_parts(q) && !right) {
        screen_credit_line(q, &it->response, it->score, line, sizeof line);
        ui_plain(u, line, 0, u->small_px, p->text);
        ui_say(u, line);
    }
    ui_say_text(u, &q->explanation);
    u->x -= iw + u->pad / 2;
    u->w += iw + u->pad / 2;
    /* What the module says about the answers picked: here, not under the
     * choices, so that checking moves none of them. */
    for (size_t c = 0; q->kind != HRC_Q_ORDERING && q->kind != HRC_Q_MATCHING &&
                       c < q->n_choices; c++) {
        bool picked = multi ? it->response.slot[c] != 0 : it->response.slot[0] == (int)c;
        if (picked && !hrc_text_is_empty(&q->choices[c].feedback)) {
            ui_gap(u, u->pad / 3);
            ui_text(u, &q->choices[c].feedback, HRC_FONT_ITALIC, u->px, p->text);
        }
    }
    ui_gap(u, u->pad / 3);
    ui_text(u, &q->explanation, 0, u->px, p->text);
    ui_box_end(u, box, p->surface);
    ui_mark_reveal(u, (hrc_rect){u->x, y0, u->w, u->y - y0});
}

/* What to do, said once: how to answer, then how it is scored when the
 * question has parts. */
static void instruction(const hrc_quiz_item *it, char *out, size_t size)
{
    const hrc_question *q = it->q;
    bool partial = q->scoring == HRC_SCORING_PARTIAL;
    const char *how = "", *rule = NULL;
    char notes[256] = "";
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_TRUEFALSE: how = _("Pick one answer."); break;
    case HRC_Q_MULTIPLE:
        how = _("Pick every right answer.");
        rule = partial ? _("Partial credit: each right answer you pick counts, and each wrong "
                           "one takes one away.")
                       : _("All or nothing: it counts only with every right answer and no "
                           "wrong one.");
        break;
    case HRC_Q_ORDERING:
        how = _("Put these in the right order: drag an item to its place, or pick it with "
                "Enter and move it with Up and Down.");
        rule = partial ? _("Partial credit: each item in its place counts.")
                       : _("All or nothing: it counts only with every item in its place.");
        break;
    case HRC_Q_MATCHING:
        how = _("Match each item: pick it, then pick its match below; or drag a match onto "
                "it.");
        rule = partial ? _("Partial credit: each right match counts.")
                       : _("All or nothing: it counts only when every match is right.");
        break;
    case HRC_Q_FILLIN:
        if (q->n_gaps > 1) {
            how = _("Type the missing words: pick a blank, then type. Then choose Check "
                    "answer.");
            rule = partial ? _("Partial credit: each right blank counts.")
                           : _("All or nothing: it counts only when every blank is right.");
        } else {
            how = _("Type the missing word, then choose Check answer.");
        }
        break;
    case HRC_Q_NUMERIC: {
        how = _("Type a number, then choose Check answer.");
        /* How to write it, only where the answer needs it: thousands
         * past four digits, decimals. */
        double lo = q->value - q->tolerance, hi = q->value + q->tolerance;
        bool big = fabs(lo) >= 10000 || fabs(hi) >= 10000;
        bool decimals = q->value != floor(q->value) || q->tolerance != floor(q->tolerance);
        if (big && decimals)
            snprintf(notes, sizeof notes, "%s",
                     _("Spaces between thousands, and a comma or a point for decimals, are "
                       "fine."));
        else if (big)
            snprintf(notes, sizeof notes, "%s", _("Spaces between thousands are fine."));
        else if (decimals)
            snprintf(notes, sizeof notes, "%s",
                     _("A comma or a point for decimals is fine."));
        if (notes[0])
            rule = notes;
        break;
    }
    }
    snprintf(out, size, "%s%s%s", how, rule ? " " : "", rule ? rule : "");
}

/* What entering a question says after the question itself: the choices,
 * numbered as shown ("Choices: 1, ..., 2, ..."); the items to order; the
 * items to match and their matches. */
static void say_choices(ui *u, const hrc_module *m, const hrc_quiz_item *it)
{
    hrc_app *app = u->app;
    const hrc_question *q = it->q;
    char line[4096];
    size_t at = 0;
    const char *lang = NULL;
    bool mixed = false;
#define PUT(...)                                                                       \
    do {                                                                               \
        int w_ = snprintf(line + at, sizeof line - at, __VA_ARGS__);                   \
        if (w_ > 0)                                                                    \
            at = at + (size_t)w_ < sizeof line ? at + (size_t)w_ : sizeof line - 1;    \
    } while (0)
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_MULTIPLE:
    case HRC_Q_TRUEFALSE:
        PUT("%s", _("Choices:"));
        for (size_t pos = 0; pos < it->n_shown; pos++) {
            size_t c = it->shown[pos];
            const char *l = choice_lang(app, m, q, c);
            if (pos == 0)
                lang = l;
            else if ((l == NULL) != (lang == NULL) || (l && strcmp(l, lang) != 0))
                mixed = true;
            PUT(" %zu, %s%s", pos + 1, screen_choice_label(app, m, q, c),
                pos + 1 < it->n_shown ? "." : "");
        }
        break;
    case HRC_Q_ORDERING:
        PUT("%s", _("Items, in the order shown:"));
        for (size_t p = 0; p < it->response.n; p++) {
            int c = it->response.slot[p];
            PUT(" %zu, %s%s", p + 1, screen_choice_label(app, m, q, (size_t)c),
                p + 1 < it->response.n ? "." : "");
        }
        lang = it->response.n ? choice_lang(app, m, q, (size_t)it->response.slot[0]) : NULL;
        break;
    case HRC_Q_MATCHING:
        PUT("%s", _("Items to match:"));
        for (size_t l = 0; l < q->n_pairs; l++)
            PUT(" %zu, %s.", l + 1, ui_pick(app, m, &q->pairs[l].left));
        PUT(" %s", _("Matches to choose from:"));
        for (size_t pos = 0; pos < q->n_pairs; pos++)
            PUT(" %zu, %s%s", pos + 1, ui_pick(app, m, &q->pairs[it->right_shown[pos]].right),
                pos + 1 < q->n_pairs ? "." : "");
        lang = q->n_pairs ? text_lang(app, m, &q->pairs[0].left) : NULL;
        break;
    case HRC_Q_FILLIN:
    case HRC_Q_NUMERIC:
        return;
    }
#undef PUT
    /* One utterance, in the choices' language when they share one. */
    say_in(u, line, mixed ? NULL : lang);
}

/* "Pass mark 70% · attempt 1 of 3", with Start over at its right: out of
 * the way of the answers and of the bar's buttons, and always behind its
 * question. The row keeps the button's height from the first question, so
 * nothing moves when it appears. */
static void header_row(ui *u, const char *text, bool start_over)
{
    int px = u->px;
    u->px = u->small_px; /* a small, quiet action */
    const char *label = _("Start over");
    int bw = ui_button_width(u, ICON_RESTART, label);
    int bh = ui_text_height(u, label, HRC_FONT_BOLD, u->px, bw) + u->pad;
    if (bh < u->min_target)
        bh = u->min_target;
    int tw = ui_text_width(u, text, 0, u->small_px);
    int x = u->x, w = u->w, y0 = u->y;
    if (tw + u->pad + bw <= u->w) {
        int th = ui_text_height(u, text, 0, u->small_px, u->w - bw - u->pad);
        int row = th > bh ? th : bh;
        u->y = y0 + (row - th) / 2;
        u->w = w - bw - u->pad;
        ui_plain(u, text, 0, u->small_px, u->pal->muted);
        u->w = w;
        if (start_over) {
            u->x = x + w - bw;
            u->y = y0 + (row - bh) / 2;
            u->w = bw;
            ui_button_icon(u, ICON_RESTART, label, ACT_START_OVER, 0, BTN_QUIET);
            ui_flow_end(u);
            u->x = x;
            u->w = w;
        }
        u->y = y0 + row;
    } else {
        ui_plain(u, text, 0, u->small_px, u->pal->muted);
        if (start_over) {
            ui_gap(u, u->pad / 4);
            ui_button_icon(u, ICON_RESTART, label, ACT_START_OVER, 0, BTN_QUIET);
            ui_flow_end(u);
        } else {
            u->y += bh + u->pad / 4 + u->pad / 2;
        }
    }
    u->px = px;
}

static void quiz_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_item *item = screen_item(app, HRC_ITEM_QUIZ);
    quiz_state *qs = quiz_of(app);
    if (!item || !qs)
        return;
    const hrc_quiz *quiz = item->u.quiz;
    const hrc_module *m = ui_module(app, hrc_nav_top(&app->nav)->module);
    screen_item_header(u);
    ui_text(u, &quiz->title, HRC_FONT_BOLD, u->h1_px, p->text);
    char line[1024];
    hrc_quiz_item *it = current_item(app);
    if (!it) {
        ui_gap(u, u->pad);
        ui_plain(u, _("You have used every attempt at this quiz."), 0, u->px, p->text);
        char status[256];
        screen_quiz_status(app, hrc_nav_top(&app->nav)->module, hrc_nav_top(&app->nav)->item,
                           status, sizeof status);
        ui_plain(u, status, 0, u->px, p->muted);
        ui_say(u, _("You have used every attempt at this quiz."));
        ui_say(u, status);
        return;
    }
    hrc_quiz_attempt *a = current_attempt(app);
    if (quiz->max_attempts == HRC_ATTEMPTS_UNLIMITED)
        snprintf(line, sizeof line, _("Pass mark %d%%"), quiz->pass_percent);
    else
        snprintf(line, sizeof line, _("Pass mark %d%% \xc2\xb7 attempt %d of %d"),
                 quiz->pass_percent, a->number, quiz->max_attempts);
    size_t answered = 0;
    for (size_t i = 0; i < a->n_items; i++)
        answered += a->items[i].checked;
    ui_gap(u, u->pad / 4);
    header_row(u, line, !qs->confirm_restart && answered > 0 &&
                            !hrc_quiz_attempt_finished(a));
    ui_gap(u, u->pad / 3);
    if (qs->confirm_restart) {
        hrc_rect box;
        ui_box_begin(u, &box);
        ui_plain(u, _("Start this quiz over?"), HRC_FONT_BOLD, u->h2_px, p->text);
        ui_plain(u, _("The answers you gave in this attempt are kept in your record, and the "
                      "attempt counts as one of your attempts. A new attempt starts at the "
                      "first question."),
                 0, u->px, p->text);
        ui_say(u, _("Start this quiz over?"));
        ui_say(u, _("The answers you gave in this attempt are kept in your record, and the "
                    "attempt counts as one of your attempts. A new attempt starts at the "
                    "first question."));
        ui_box_end(u, box, p->surface);
        return;
    }
    /* The intro and the instruction stay after checking (only no longer
     * said), so that nothing below them moves. */
    if (a->current == 0 && !hrc_text_is_empty(&quiz->intro)) {
        ui_text(u, &quiz->intro, 0, u->px, p->text);
        ui_gap(u, u->pad / 2);
    }
    /* Where the learner is, above a thin bar of the questions answered,
     * labelled as such: progress, not a score. */
    char place[64], label[192], done[96];
    snprintf(place, sizeof place, _("Question %zu of %zu"), a->current + 1, a->n_items);
    /* TRANSLATORS: what the quiz's progress bar measures. */
    snprintf(done, sizeof done, _("%zu of %zu answered"), answered, a->n_items);
    snprintf(label, sizeof label, "%s \xc2\xb7 %s", place, done);
    ui_plain(u, label, HRC_FONT_BOLD, u->small_px, p->muted);
    ui_gap(u, u->pad / 6);
    int bar = u->pad / 4 > 3 ? u->pad / 4 : 3;
    ui_progress(u, (hrc_rect){u->x, u->y, u->w, bar}, (int)answered, (int)a->n_items);
    u->y += bar + u->pad / 2;
    const hrc_question *q = it->q;
    /* The fields come right after the instruction: their targets follow
     * each other, so the focused one is known while drawing. */
    int active = active_field(app, qs, it);
    if (q->kind == HRC_Q_FILLIN)
        draw_gapped_prompt(u, m, it);
    else
        ui_text(u, &q->prompt, HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    instruction(it, line, sizeof line);
    ui_plain(u, line, 0, u->small_px, p->muted);
    ui_gap(u, u->pad / 3);
    if (!it->checked) {
        /* Spoken when the question appears: its place, the question, what
         * to do and the choices; after checking, the feedback instead. */
        ui_say(u, place);
        if (q->kind == HRC_Q_FILLIN) {
            const hrc_variant *v = hrc_text_pick(&q->prompt, app->lang,
                                                 m ? m->default_lang : NULL);
            char said[2048];
            if (v && v->n_spans) {
                spoken_prompt(u, v, it, said, sizeof said);
                say_in(u, said, v->lang);
            } else {
                ui_say_text(u, &q->prompt);
            }
        } else {
            ui_say_text(u, &q->prompt);
        }
        ui_say(u, line);
        say_choices(u, m, it);
    }
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_MULTIPLE:
    case HRC_Q_TRUEFALSE:
        draw_choices(u, m, it);
        break;
    case HRC_Q_ORDERING:
        draw_ordering(u, m, it);
        break;
    case HRC_Q_MATCHING:
        draw_matching(u, m, it);
        break;
    case HRC_Q_FILLIN:
        draw_fillin(u, m, it, active);
        break;
    case HRC_Q_NUMERIC:
        draw_numeric(u, m, it);
        break;
    }
    if (typed(q) && !it->checked && app->kiosk) {
        /* Letters with a row of digits for blanks (they may want "15"),
         * the number pad for numbers. */
        ui_gap(u, u->pad / 2);
        osk_draw(u, &qs->keys, q->kind == HRC_Q_NUMERIC ? OSK_NUMBER : OSK_TEXT, ACT_KEY,
                 hrc_response_field(&it->response, (size_t)active));
    }
    for (int h = 0; h < it->hints_shown && (size_t)h < q->n_hints; h++) {
        hrc_rect box;
        ui_box_begin(u, &box);
        int iw = ui_icon(u, ICON_HINT, u->x, u->y, u->px * 5 / 4, p->text);
        u->x += iw + u->pad / 3;
        u->w -= iw + u->pad / 3;
        snprintf(line, sizeof line, _("Hint %d:"), h + 1);
        ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
        ui_text(u, &q->hints[h], 0, u->px, p->text);
        u->x -= iw + u->pad / 3;
        u->w += iw + u->pad / 3;
        ui_box_end(u, box, p->surface);
    }
    if (it->checked) {
        ui_gap(u, u->pad / 2);
        feedback_box(u, m, it);
    }
}

/* The bar: the hint at the left, where the learner is in the middle (in
 * one place, before and after checking), the next step at the right. */
static void quiz_bar(ui *u)
{
    hrc_app *app = u->app;
    quiz_state *qs = quiz_of(app);
    hrc_quiz_item *it = current_item(app);
    if (!qs)
        return;
    if (!it) {
        ui_bar_main(u, ICON_LESSON, _("Back to contents"), ACT_BACK, 0);
        return;
    }
    hrc_quiz_attempt *a = current_attempt(app);
    if (qs->confirm_restart) {
        ui_bar_add(u, false, NULL, _("Cancel"), ACT_START_OVER_NO, 0, BTN_QUIET);
        ui_bar_main(u, ICON_RESTART, _("Start over"), ACT_START_OVER_YES, 0);
        return;
    }
    if (!it->checked && (size_t)it->hints_shown < it->q->n_hints)
        ui_bar_add(u, false, ICON_HINT, _("Show a hint"), ACT_HINT, 0, BTN_QUIET);
    char status[128];
    snprintf(status, sizeof status, _("Question %zu of %zu"), a->current + 1, a->n_items);
    if (app->notice[0])
        ui_bar_status(u, app->notice, true);
    else if (qs->grabbed >= 0 && qs->grabbed_by_key && !it->checked)
        ui_bar_status(u, _("Moving: Up and Down move it, Enter puts it down"), false);
    else
        ui_bar_status(u, status, false);
    if (!it->checked && typed(it->q)) /* the field is the main target */
        ui_bar_add(u, true, ICON_RIGHT, _("Check answer"), ACT_CHECK, 0, BTN_NORMAL);
    else if (!it->checked)
        ui_bar_main(u, ICON_RIGHT, _("Check answer"), ACT_CHECK, 0);
    else if (!hrc_quiz_attempt_finished(a))
        ui_bar_main(u, ICON_NEXT, _("Next question"), ACT_NEXT_QUESTION, 0);
    else
        ui_bar_main(u, ICON_TROPHY, _("See results"), ACT_NEXT_QUESTION, 0);
}


static unsigned finish_attempt(hrc_app *app)
{
    if (!session_finish_attempt(app))
        return HRC_APP_REDRAW; /* the notice says why; try again */
    hrc_nav_loc loc = *hrc_nav_top(&app->nav);
    loc.screen = HRC_SCREEN_RESULTS;
    loc.scroll = 0;
    loc.focus = -1;
    app_replace(app, loc);
    return HRC_APP_REDRAW;
}

/* After a check, whatever the device used, the next action has the focus:
 * Enter goes on. */
static void focus_next_action(hrc_app *app)
{
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    loc->focus = HRC_NAV_FOCUS_MAIN_ALWAYS;
}

/* A typed number, read in the learner's language, is recorded with "."
 * for decimals ("1,5" in French is 1.5); false, with a notice, when it is
 * not a number. */
static bool read_number(hrc_app *app, hrc_quiz_item *it)
{
    const char *t = hrc_response_field(&it->response, 0);
    double v;
    char number[48];
    if (!hrc_number_parse(t, hrc_lang_decimal_comma(app->lang), &v)) {
        snprintf(app->notice, sizeof app->notice, "%s",
                 *t ? _("That is not a number: type digits, for example 2011 or 2.5.")
                    : _("Type a number first."));
        return false;
    }
    hrc_number_format(v, '.', number, sizeof number);
    hrc_quiz_attempt *a = current_attempt(app);
    hrc_quiz_set_field(a, a->current, 0, number);
    return true;
}

static unsigned check_answer(hrc_app *app, quiz_state *qs, hrc_quiz_item *it)
{
    if (it->q->kind == HRC_Q_NUMERIC && !it->checked && !read_number(app, it))
        return HRC_APP_REDRAW;
    if (!hrc_response_complete(it->q, &it->response)) {
        snprintf(app->notice, sizeof app->notice, "%s",
                 it->q->kind == HRC_Q_MATCHING ? _("Match every item first.")
                 : it->q->kind == HRC_Q_FILLIN ? _("Fill in every blank first.")
                                               : _("Pick an answer first."));
        return HRC_APP_REDRAW;
    }
    qs->grabbed = qs->match_left = -1;
    /* Recorded first: feedback only for what is safely saved. */
    if (!session_answer(app, it))
        return HRC_APP_REDRAW;
    app->notice[0] = '\0';
    hrc_quiz_attempt *a = current_attempt(app);
    hrc_quiz_check(a, a->current);
    focus_next_action(app);
    app->reveal_marked = true; /* the feedback comes into view */
    return HRC_APP_REDRAW;
}

static unsigned quiz_activate(hrc_app *app, int action, int arg)
{
    hrc_quiz_item *it = current_item(app);
    quiz_state *qs = quiz_of(app);
    if (!it || !qs)
        return screen_item_activate(app, action, arg) | HRC_APP_REDRAW;
    hrc_quiz_attempt *a = current_attempt(app);
    size_t i = a->current;
    app->notice[0] = '\0';
    switch (action) {
    case ACT_CHOICE:
        if (arg >= 0 && (size_t)arg < it->n_shown)
            hrc_quiz_pick(a, i, it->shown[arg]);
        break;
    case ACT_ORDER_ITEM:
        if (!it->checked) {
            qs->grabbed = qs->grabbed == arg ? -1 : arg;
            qs->grabbed_by_key = app->keyboard;
        }
        break;
    case ACT_LEFT:
        if (!it->checked)
            qs->match_left = qs->match_left == arg ? -1 : arg;
        break;
    case ACT_RIGHT:
        if (arg < 0 || (size_t)arg >= it->n_shown || !it->right_shown)
            break;
        if (qs->match_left < 0) {
            /* No item picked yet: the first one without a partner. */
            for (size_t l = 0; l < it->response.n && qs->match_left < 0; l++)
                if (it->response.slot[l] < 0)
                    qs->match_left = (int)l;
        }
        if (qs->match_left >= 0)
            hrc_quiz_match(a, i, (size_t)qs->match_left, (int)it->right_shown[arg]);
        qs->match_left = -1;
        break;
    case ACT_FIELD:
        if (arg >= 0 && (size_t)arg < field_count(it))
            qs->field = arg;
        break;
    case ACT_KEY: {
        hrc_input typed_in;
        int f = active_field(app, qs, it);
        osk_kind kind = it->q->kind == HRC_Q_NUMERIC ? OSK_NUMBER : OSK_TEXT;
        if (!it->checked && osk_press_kind(&qs->keys, kind, arg,
                                           hrc_response_field(&it->response, (size_t)f),
                                           &typed_in))
            return quiz_text(app, &typed_in);
        break;
    }
    case ACT_HINT:
        if ((size_t)it->hints_shown < it->q->n_hints)
            it->hints_shown++;
        break;
    case ACT_CHECK:
        return check_answer(app, qs, it);
    case ACT_NEXT_QUESTION:
        if (!it->checked)
            break;
        if (!hrc_quiz_attempt_finished(a)) {
            a->current = hrc_quiz_first_unchecked(a);
            qs->field = 0;
            session_question_shown(app);
            hrc_nav_top(&app->nav)->scroll = 0;
            hrc_nav_top(&app->nav)->focus = HRC_NAV_FOCUS_MAIN;
        } else {
            return finish_attempt(app);
        }
        break;
    case ACT_START_OVER:
        qs->confirm_restart = true;
        hrc_nav_top(&app->nav)->scroll = 0;
        hrc_nav_top(&app->nav)->focus = HRC_NAV_FOCUS_MAIN;
        break;
    case ACT_START_OVER_NO:
        qs->confirm_restart = false;
        hrc_nav_top(&app->nav)->focus = HRC_NAV_FOCUS_MAIN;
        break;
    case ACT_START_OVER_YES:
        qs->confirm_restart = false;
        if (session_start_over(app)) {
            qs->grabbed = qs->match_left = -1;
            qs->field = 0;
            hrc_nav_top(&app->nav)->scroll = 0;
            hrc_nav_top(&app->nav)->focus = HRC_NAV_FOCUS_MAIN;
        }
        break;
    default:
        return screen_item_activate(app, action, arg) | HRC_APP_REDRAW;
    }
    return HRC_APP_REDRAW;
}

static unsigned quiz_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    *handled = false;
    hrc_quiz_item *it = current_item(app);
    quiz_state *qs = quiz_of(app);
    if (!it || !qs)
        return 0;
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    if (qs->confirm_restart && in->kind == HRC_IN_BACK) {
        *handled = true;
        return quiz_activate(app, ACT_START_OVER_NO, 0);
    }
    if (qs->grabbed >= 0 && it->q->kind == HRC_Q_ORDERING && !it->checked) {
        int to = qs->grabbed;
        switch (in->kind) {
        case HRC_IN_UP: to--; break;
        case HRC_IN_DOWN: to++; break;
        case HRC_IN_HOME: to = 0; break;
        case HRC_IN_END: to = (int)it->response.n - 1; break;
        case HRC_IN_BACK:
            qs->grabbed = -1;
            *handled = true;
            return HRC_APP_REDRAW;
        default: return 0;
        }
        *handled = true;
        if (to < 0 || to >= (int)it->response.n)
            return 0;
        hrc_quiz_attempt *a = current_attempt(app);
        hrc_quiz_move(a, a->current, (size_t)qs->grabbed, (size_t)to);
        /* The focus follows the moved item. */
        if (loc->focus >= 0)
            loc->focus += to - qs->grabbed;
        qs->grabbed = to;
        qs->grabbed_by_key = true;
        app->reveal_focus = true;
        return HRC_APP_REDRAW;
    }
    if (in->kind == HRC_IN_ACTIVATE && typed(it->q) && !it->checked && !qs->confirm_restart) {
        int f = loc->focus;
        if (f < 0 || (f < app->n_targets && app->targets[f].action == ACT_FIELD)) {
            *handled = true;
            return field_enter(app, qs, it);
        }
    }
    if (in->kind == HRC_IN_BACK && qs->match_left >= 0) {
        qs->match_left = -1;
        *handled = true;
        return HRC_APP_REDRAW;
    }
    return 0;
}

static unsigned quiz_drop(hrc_app *app, int action, int arg, const ui_target *to)
{
    hrc_quiz_item *it = current_item(app);
    quiz_state *qs = quiz_of(app);
    if (!it || !qs)
        return 0;
    qs->grabbed = -1;
    if (it->checked || !to)
        return HRC_APP_REDRAW;
    hrc_quiz_attempt *a = current_attempt(app);
    if (action == ACT_ORDER_ITEM && to->action == ACT_ORDER_ITEM) {
        hrc_quiz_move(a, a->current, (size_t)arg, (size_t)to->arg);
        return HRC_APP_REDRAW;
    }
    if (action == ACT_RIGHT && to->action == ACT_LEFT && it->right_shown && arg >= 0 &&
        (size_t)arg < it->n_shown) {
        hrc_quiz_match(a, a->current, (size_t)to->arg, (int)it->right_shown[arg]);
        qs->match_left = -1;
        return HRC_APP_REDRAW;
    }
    return HRC_APP_REDRAW;
}

static unsigned quiz_drag(hrc_app *app, int action, int arg, int dx, int dy)
{
    /* Show what is being carried. */
    quiz_state *qs = quiz_of(app);
    if (qs && action == ACT_ORDER_ITEM && qs->grabbed != arg) {
        qs->grabbed = arg;
        qs->grabbed_by_key = false;
    }
    return HRC_APP_REDRAW; /* the carried item follows the pointer */
}

/* Which targets a dragged one may be dropped on. */
static bool quiz_drop_target(const hrc_app *app, int action, const ui_target *to)
{
    return (action == ACT_ORDER_ITEM && to->action == ACT_ORDER_ITEM) ||
           (action == ACT_RIGHT && to->action == ACT_LEFT);
}

const screen_ops screen_quiz = {.state_size = sizeof(quiz_state), .init = quiz_init,
                                .draw = quiz_draw, .activate = quiz_activate,
                                .key = quiz_key, .drag = quiz_drag, .drop = quiz_drop,
                                .accepts = quiz_drop_target, .bar = quiz_bar,
                                .text = quiz_text};
