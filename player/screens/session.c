/* The learner's session and its record in the progress store. See session.h. */
#include "screens/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int session_init(learner_session *s, const hrc_course *course)
{
    memset(s, 0, sizeof *s);
    s->module = -1;
    size_t n = course->n_modules;
    s->mods = calloc(n ? n : 1, sizeof *s->mods);
    if (!s->mods)
        return -1;
    for (size_t i = 0; i < n; i++) {
        size_t k = course->modules[i]->n_items;
        module_state *m = &s->mods[i];
        m->seen = calloc(k ? k : 1, sizeof *m->seen);
        m->attempts_used = calloc(k ? k : 1, sizeof *m->attempts_used);
        m->best = calloc(k ? k : 1, sizeof *m->best);
        m->scroll = calloc(k ? k : 1, sizeof *m->scroll);
        m->place = calloc(k ? k : 1, sizeof *m->place);
        if (!m->seen || !m->attempts_used || !m->best || !m->scroll || !m->place)
            return -1;
        m->last_item = -1;
    }
    return 0;
}

void session_fini(learner_session *s, const hrc_course *course)
{
    hrc_quiz_attempt_free(s->attempt);
    s->attempt = NULL;
    for (size_t i = 0; s->mods && i < course->n_modules; i++) {
        free(s->mods[i].seen);
        free(s->mods[i].attempts_used);
        free(s->mods[i].best);
        free(s->mods[i].scroll);
        free(s->mods[i].place);
    }
    free(s->mods);
    s->mods = NULL;
}

bool session_recording(const hrc_app *app)
{
    return app->cfg.progress && !app->cfg.preview && !app->guest && app->learner_id > 0;
}

const module_state *session_module(const hrc_app *app, int module)
{
    return ui_module(app, module) ? &app->session.mods[module] : NULL;
}

/* Reads the module's summary from the store, after a record or at sign-in. */
static void refresh_summary(hrc_app *app, int module)
{
    module_state *s = &app->session.mods[module];
    s->stored = session_recording(app) &&
                hrc_progress_get_module(app->cfg.progress, app->learner_id,
                                        ui_module(app, module)->id,
                                        &s->summary) == HRC_PROGRESS_OK;
}

/* What the log says of each item of the module, into its state. */
static void read_items(hrc_app *app, int module)
{
    const hrc_module *m = ui_module(app, module);
    module_state *s = &app->session.mods[module];
    hrc_item_progress *items = NULL;
    size_t n = 0;
    if (!session_recording(app) ||
        hrc_progress_list_items(app->cfg.progress, app->learner_id, m->id, &items, &n) !=
            HRC_PROGRESS_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        long k = hrc_module_find_item(m, items[i].item_id);
        if (k < 0)
            continue; /* an item of another version of the module */
        s->seen[k] |= items[i].viewed || items[i].finished_attempts > 0;
        if (items[i].finished_attempts > s->attempts_used[k])
            s->attempts_used[k] = items[i].finished_attempts;
        if (items[i].has_score && items[i].best_score * 100.0 > s->best[k])
            s->best[k] = items[i].best_score * 100.0;
    }
    free(items);
    /* Where the learner stopped reading, last time. */
    char item[HRC_PROGRESS_ID_MAX];
    int permille = 0;
    if (hrc_progress_reading_place(app->cfg.progress, app->learner_id, m->id, item,
                                   &permille) == HRC_PROGRESS_OK) {
        long k = hrc_module_find_item(m, item);
        if (k >= 0)
            s->place[k] = permille;
    }
}

void session_start_learner(hrc_app *app)
{
    const hrc_course *c = app->cfg.course;
    hrc_quiz_attempt_free(app->session.attempt);
    app->session.attempt = NULL;
    for (size_t i = 0; app->session.mods && i < c->n_modules; i++) {
        module_state *s = &app->session.mods[i];
        for (size_t k = 0; k < c->modules[i]->n_items; k++) {
            s->seen[k] = false;
            s->attempts_used[k] = 0;
            s->best[k] = -1;
            s->scroll[k] = 0;
            s->place[k] = -1;
        }
        s->last_item = -1;
        s->launched = false;
        refresh_summary(app, (int)i);
        read_items(app, (int)i);
        s->completed = s->stored && s->summary.completed;
    }
}

void session_leave_module(hrc_app *app, hrc_session_end why)
{
    learner_session *ls = &app->session;
    if (ls->module >= 0 && session_recording(app) && ls->store.active) {
        /* The reading place first: it is worth nothing without the rest,
         * and a failure to keep it loses nothing recorded. */
        const module_state *ms = &ls->mods[ls->module];
        const hrc_module *m = ui_module(app, ls->module);
        if (ms->last_item >= 0 && ms->place[ms->last_item] >= 0)
            hrc_progress_set_reading_place(app->cfg.progress, app->learner_id, m->id,
                                           hrc_item_id(&m->items[ms->last_item]),
                                           ms->place[ms->last_item]);
        hrc_progress_end_session(app->cfg.progress, &ls->store, HRC_VERB_SUSPENDED, why);
        refresh_summary(app, ls->module);
    }
    ls->module = -1;
    memset(&ls->store, 0, sizeof ls->store);
}

void session_stop(hrc_app *app, hrc_session_end why)
{
    session_leave_module(app, why);
    hrc_quiz_attempt_free(app->session.attempt);
    app->session.attempt = NULL;
}

void session_enter_module(hrc_app *app, int module)
{
    learner_session *ls = &app->session;
    if (ls->module == module)
        return;
    session_leave_module(app, HRC_END_NORMAL);
    const hrc_module *m = ui_module(app, module);
    if (!m)
        return;
    ls->module = module;
    ls->mods[module].launched = true;
    if (!session_recording(app))
        return;
    hrc_module_ref ref = {m->id, m->version, m->content_hash};
    if (hrc_progress_begin_session(app->cfg.progress, app->learner_id, &ref, &ls->store) !=
        HRC_PROGRESS_OK)
        snprintf(app->notice, sizeof app->notice, "%s %s", _("Progress is not being saved:"),
                 hrc_progress_errmsg(app->cfg.progress));
    refresh_summary(app, module);
}

bool session_item_done(const hrc_app *app, int module, int item)
{
    const hrc_module *m = ui_module(app, module);
    if (!m || item < 0 || (size_t)item >= m->n_items)
        return false;
    const module_state *s = &app->session.mods[module];
    if (m->items[item].kind == HRC_ITEM_QUIZ)
        return s->best[item] >= 0 && hrc_quiz_passed(m->items[item].u.quiz, s->best[item]);
    return s->seen[item];
}

void session_counts(const hrc_app *app, int module, int *done, int *total)
{
    const hrc_module *m = ui_module(app, module);
    *done = *total = 0;
    for (size_t i = 0; m && i < m->n_items; i++) {
        (*total)++;
        *done += session_item_done(app, module, (int)i);
    }
}

void session_course_counts(const hrc_app *app, int *done, int *total)
{
    const hrc_course *c = app->cfg.course;
    *done = 0;
    *total = (int)c->n_modules;
    for (size_t i = 0; i < c->n_modules; i++)
        *done += app->session.mods[i].completed || session_module_complete(app, (int)i);
}

void session_keep_scroll(hrc_app *app, int module, int item, int scroll, int content_h)
{
    const hrc_module *m = ui_module(app, module);
    if (!m || item < 0 || (size_t)item >= m->n_items)
        return;
    module_state *s = &app->session.mods[module];
    s->scroll[item] = scroll;
    if (content_h > 0 && scroll >= 0)
        s->place[item] = (int)((long long)scroll * 1000 / content_h);
    s->last_item = item;
}

/* Whether the module's completion rule (docs/format-v1.md) is met in what
 * this learner has done. */
bool session_module_complete(const hrc_app *app, int module)
{
    const hrc_module *m = ui_module(app, module);
    if (!m)
        return false;
    const module_state *s = &app->session.mods[module];
    bool pages = true, quizzes = true;
    for (size_t i = 0; i < m->n_items; i++) {
        if (m->items[i].kind == HRC_ITEM_QUIZ)
            quizzes &= s->best[i] >= 0 && hrc_quiz_passed(m->items[i].u.quiz, s->best[i]);
        else
            pages &= s->seen[i];
    }
    switch (m->completion) {
    case HRC_COMPLETE_PAGES: return pages;
    case HRC_COMPLETE_QUIZ: return quizzes;
    case HRC_COMPLETE_BOTH: return pages && quizzes;
    }
    return false;
}

/* Records completion once the module's completion rule is met. */
static void check_completion(hrc_app *app, int module)
{
    learner_session *ls = &app->session;
    if (!session_module_complete(app, module) || ls->mods[module].completed)
        return;
    ls->mods[module].completed = true;
    if (session_recording(app) && ls->module == module && ls->store.active) {
        /* The session ends completed; the next item opened starts a new one. */
        hrc_progress_end_session(app->cfg.progress, &ls->store, HRC_VERB_COMPLETED,
                                 HRC_END_NORMAL);
        ls->module = -1;
        refresh_summary(app, module);
    }
}

void session_view(hrc_app *app, int module, int item)
{
    const hrc_module *m = ui_module(app, module);
    if (!m || item < 0 || (size_t)item >= m->n_items)
        return;
    app->session.mods[module].seen[item] = true;
    app->session.item_shown_ms = app->now;
    if (session_recording(app) && m->items[item].kind != HRC_ITEM_QUIZ) {
        hrc_progress_record_view(app->cfg.progress, &app->session.store,
                                 hrc_item_id(&m->items[item]), 0);
        refresh_summary(app, module);
    }
    check_completion(app, module);
}

void session_question_shown(hrc_app *app)
{
    app->session.item_shown_ms = app->now;
}

hrc_quiz_attempt *session_attempt(const hrc_app *app, int module, int item)
{
    const learner_session *ls = &app->session;
    if (!ls->attempt || ls->attempt_module != module || ls->attempt_item != item)
        return NULL;
    return ls->attempt;
}

bool session_answer(hrc_app *app, const hrc_quiz_item *it)
{
    learner_session *ls = &app->session;
    if (!session_recording(app))
        return true;
    char response[4096]; /* the store's limit; a fill-in's blanks fit (loader) */
    hrc_response_format(it->q, &it->response, response, sizeof response);
    double score = hrc_question_score(it->q, &it->response);
    int64_t spent = app->now > ls->item_shown_ms ? (int64_t)(app->now - ls->item_shown_ms) : 0;
    int rc = hrc_progress_record_answer(app->cfg.progress, &ls->store, it->q->id,
                                        it->q->revision, response, score >= 1.0, score,
                                        it->hints_shown, ls->attempt ? ls->attempt->number : 1,
                                        spent, NULL);
    if (rc != HRC_PROGRESS_OK) {
        snprintf(app->notice, sizeof app->notice, "%s %s", _("Your answer could not be saved:"),
                 hrc_progress_errmsg(app->cfg.progress));
        return false;
    }
    refresh_summary(app, ls->attempt_module);
    return true;
}

bool session_finish_attempt(hrc_app *app)
{
    learner_session *ls = &app->session;
    hrc_quiz_attempt *a = ls->attempt;
    if (!a)
        return false;
    double percent = hrc_quiz_attempt_percent(a);
    bool passed = hrc_quiz_passed(a->quiz, percent);
    if (session_recording(app)) {
        hrc_progress_event ev = {.verb = passed ? HRC_VERB_PASSED : HRC_VERB_FAILED,
                                 .item_id = a->quiz->id,
                                 .has_success = true, .success = passed,
                                 .has_score = true, .score = percent / 100.0,
                                 .attempt = a->number};
        if (hrc_progress_record(app->cfg.progress, &ls->store, &ev, NULL) != HRC_PROGRESS_OK) {
            snprintf(app->notice, sizeof app->notice, "%s %s",
                     _("Your result could not be saved:"),
                     hrc_progress_errmsg(app->cfg.progress));
            return false;
        }
        refresh_summary(app, ls->attempt_module);
    }
    module_state *s = &ls->mods[ls->attempt_module];
    if (s->attempts_used[ls->attempt_item] < a->number)
        s->attempts_used[ls->attempt_item] = a->number;
    if (percent > s->best[ls->attempt_item])
        s->best[ls->attempt_item] = percent;
    s->seen[ls->attempt_item] = true;
    check_completion(app, ls->attempt_module);
    return true;
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return h;
}

/* A seed that gives the same shuffle, and the same questions of a pool, to
 * the same learner's same attempt whenever it is opened again, in this run
 * or after a restart: for a learner whose answers are recorded nothing that
 * changes between runs goes in (the run's seed does not), only the kiosk's
 * store, the learner and the quiz; hrc_quiz_attempt_new() adds the
 * attempt's number. Guests and previews, who resume nothing, get the run's
 * seed. */
static uint64_t attempt_seed(const hrc_app *app, const hrc_quiz *quiz)
{
    uint64_t h = fnv1a(1469598103934665603ull, quiz->id);
    uint64_t base = session_recording(app)
                        ? fnv1a(1469598103934665603ull, hrc_progress_device_id(app->cfg.progress))
                        : app->cfg.seed;
    return base ^ h ^ ((uint64_t)app->learner_id * 0x9E3779B97F4A7C15ull);
}

static const hrc_quiz *quiz_at(const hrc_app *app, int module, int item)
{
    const hrc_module *m = ui_module(app, module);
    if (!m || item < 0 || (size_t)item >= m->n_items || m->items[item].kind != HRC_ITEM_QUIZ)
        return NULL;
    return m->items[item].u.quiz;
}

/* Puts back the answers the store holds for the attempt. */
static void restore_answers(hrc_app *app, int module, hrc_quiz_attempt *a)
{
    hrc_answer_record *answers = NULL;
    size_t n = 0;
    if (!session_recording(app) ||
        hrc_progress_list_answers(app->cfg.progress, app->learner_id, ui_module(app, module)->id,
                                  a->number, &answers, &n) != HRC_PROGRESS_OK)
        return;
    /* The latest answer to each question wins: restore from the newest. */
    for (size_t k = n; k-- > 0;)
        for (size_t i = 0; i < a->n_items; i++)
            if (!a->items[i].checked &&
                strcmp(a->items[i].q->id, answers[k].question_id) == 0)
                hrc_quiz_restore(a, a->items[i].q, answers[k].response, answers[k].hints_used);
    free(answers);
}

void session_start_attempt(hrc_app *app, int module, int item)
{
    learner_session *ls = &app->session;
    hrc_quiz_attempt_free(ls->attempt);
    ls->attempt = NULL;
    const hrc_quiz *quiz = quiz_at(app, module, item);
    if (!quiz)
        return;
    session_enter_module(app, module);
    int number = ls->mods[module].attempts_used[item] + 1;
    if (quiz->max_attempts != HRC_ATTEMPTS_UNLIMITED && number > quiz->max_attempts)
        return; /* every attempt used: the quiz screen says so */
    if (hrc_quiz_attempt_new(quiz, number, attempt_seed(app, quiz), &ls->attempt) == 0) {
        ls->attempt_module = module;
        ls->attempt_item = item;
        restore_answers(app, module, ls->attempt);
        ls->attempt->current = hrc_quiz_first_unchecked(ls->attempt);
        /* Every answer in but no result yet (the power went): the last
         * question shows, with "See results". */
        if (ls->attempt->current >= ls->attempt->n_items && ls->attempt->n_items)
            ls->attempt->current = ls->attempt->n_items - 1;
    }
    ls->item_shown_ms = app->now;
}

void session_open_quiz(hrc_app *app, int module, int item)
{
    learner_session *ls = &app->session;
    hrc_quiz_attempt *open = session_attempt(app, module, item);
    if (open && !hrc_quiz_attempt_finished(open)) {
        session_enter_module(app, module); /* left part-way in this run */
        if (open->current < open->n_items && open->items[open->current].checked)
            open->current = hrc_quiz_first_unchecked(open);
        ls->item_shown_ms = app->now;
        return;
    }
    session_start_attempt(app, module, item);
}

bool session_start_over(hrc_app *app)
{
    learner_session *ls = &app->session;
    if (!ls->attempt)
        return false;
    int module = ls->attempt_module, item = ls->attempt_item;
    if (!session_finish_attempt(app))
        return false;
    session_start_attempt(app, module, item);
    return true;
}
