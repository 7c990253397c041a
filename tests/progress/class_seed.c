/*
 * class_seed: fills a progress store with a class that took a course, for
 * the report, certificate and dashboard tests and benchmarks.
 *
 *   class_seed COURSE DIR LEARNERS [GROUP [SEED]]
 *
 * Adds LEARNERS learners (names from a fixed list, with accents), in GROUP
 * when given (created when missing), who work through the course's
 * modules in order: each learner has an ability, each question a
 * difficulty, and a deterministic generator (SEED, default 1) decides
 * every answer. Some learners stop early (modules not started or left in
 * progress); a failed quiz is tried again while attempts are left. Pages
 * are viewed, answers recorded as the player records them (the response
 * format of core/quiz.h, the question's score), quiz results and
 * completion as the module's rule says. Times are fixed: the same
 * arguments give the same log, but for ids.
 *
 * With CLASS_SEED_BULK=1 in the environment (benchmarks of big classes),
 * learners are still added through the store's API, but the events are
 * written with plain SQL in one transaction, as the store writes them,
 * and the summaries rebuilt from the log by hrc_progress_rebuild_summaries():
 * a hundred times faster than one commit each.
 * Prints one line: "learners N events M".
 *
 * The same from a test program: class_seed_fill() (class_seed.h), with
 * this file built with CLASS_SEED_NO_MAIN.
 */
#include "app/sample_answer.h"
#include "core/quiz.h"
#include "io/loader.h"
#include "io/progress.h"
#include "class_seed.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const first_names[] = {
    "Zoé", "Ali", "Marie", "Jean-Luc", "Lucía", "Björn", "Chloé", "Kwame", "Ana", "Łukasz",
    "Fatoumata", "Hélène", "Diego", "Ngozi", "François", "Aïcha", "Søren", "Inès", "Mateo",
    "Yuki", "Élodie", "Omar", "Noémie", "Thabo", "Renée", "José", "Amélie", "Kofi", "Léa",
    "Ximena", "Anaïs", "Ibrahim",
};
static const char *const last_names[] = {
    "Martín", "Ben Salah", "Dupont", "Müller", "García López", "Lindqvist", "Okafor", "Nowak",
    "Diallo", "Lefèvre", "Fernández", "Mensah", "Moreau", "Ndlovu", "Kowalski", "Benoît",
    "Rossi", "Tanaka", "Gómez", "Haddad", "Dubois", "Nkosi", "Ibáñez", "Petit", "Schäfer",
    "Ferreira", "Laurent", "Oyelaran", "Roux", "Sánchez", "Boateng", "Girard", "Yılmaz",
};

static uint64_t seed_of(uint64_t a, uint64_t b)
{
    uint64_t x = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull);
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 32);
}

/* 0..1, the same for the same (a, b, c). */
static double chance(uint64_t a, uint64_t b, uint64_t c)
{
    hrc_rng rng;
    hrc_rng_seed(&rng, seed_of(seed_of(a, b), c));
    return (double)(hrc_rng_next(&rng) >> 11) / 9007199254740992.0;
}


typedef struct seeder {
    hrc_progress *s;
    uint64_t seed;
    int64_t clock;  /* the next event's time */
    long events;
    sqlite3 *bulk;  /* CLASS_SEED_BULK: the events go here */
    sqlite3_stmt *insert;
    const char *device;
    int64_t seq;
} seeder;

static void check(int r, hrc_progress *s, const char *what)
{
    if (r != HRC_PROGRESS_OK) {
        fprintf(stderr, "class_seed: %s: %s (%s)\n", what, hrc_progress_result_name(r),
                hrc_progress_errmsg(s));
        exit(1);
    }
}

/* The columns hrc_progress_record() writes (progress_events.c). */
static void insert_raw(seeder *sd, const hrc_session *session, const hrc_progress_event *ev)
{
    sqlite3_stmt *st = sd->insert;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    sqlite3_bind_int64(st, 1, session->learner_id);
    sqlite3_bind_text(st, 2, session->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, session->module_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, session->module_version);
    sqlite3_bind_text(st, 5, session->content_hash, -1, SQLITE_STATIC);
    if (ev->item_id)
        sqlite3_bind_text(st, 6, ev->item_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, ev->item_revision);
    sqlite3_bind_text(st, 8, hrc_verb_name(ev->verb), -1, SQLITE_STATIC);
    if (ev->response)
        sqlite3_bind_text(st, 9, ev->response, -1, SQLITE_STATIC);
    if (ev->has_success)
        sqlite3_bind_int(st, 10, ev->success);
    if (ev->has_score)
        sqlite3_bind_double(st, 11, ev->score);
    sqlite3_bind_int(st, 12, ev->hints_used);
    sqlite3_bind_int(st, 13, ev->attempt);
    sqlite3_bind_int64(st, 14, ev->duration_ms);
    sqlite3_bind_int64(st, 15, ev->time_ms);
    sqlite3_bind_text(st, 16, hrc_session_end_name(ev->end), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 17, sd->device, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 18, ++sd->seq);
    if (sqlite3_step(st) != SQLITE_DONE) {
        fprintf(stderr, "class_seed: %s\n", sqlite3_errmsg(sd->bulk));
        exit(1);
    }
}

static void record(seeder *sd, hrc_session *session, hrc_progress_event *ev)
{
    sd->clock += 20000;
    ev->time_ms = sd->clock;
    if (sd->bulk)
        insert_raw(sd, session, ev);
    else
        check(hrc_progress_record(sd->s, session, ev, NULL), sd->s, "recording");
    sd->events++;
}

static void bulk_begin(seeder *sd, const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    if (sqlite3_open(path, &sd->bulk) != SQLITE_OK ||
        sqlite3_exec(sd->bulk, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", NULL, NULL, NULL) ||
        sqlite3_prepare_v2(sd->bulk,
            "INSERT INTO event(learner_id, session_id, module_id, module_version, content_hash,"
            " item_id, item_revision, verb, response, success, score, hints_used, attempt,"
            " duration_ms, time_ms, session_end, device_id, seq)"
            " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
            " ?17, ?18)", -1, &sd->insert, NULL) != SQLITE_OK) {
        fprintf(stderr, "class_seed: %s\n", sqlite3_errmsg(sd->bulk));
        exit(1);
    }
    sqlite3_stmt *st;
    sqlite3_prepare_v2(sd->bulk, "SELECT coalesce(max(seq), 0) FROM event WHERE device_id = ?1",
                       -1, &st, NULL);
    sqlite3_bind_text(st, 1, sd->device, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        sd->seq = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
}

static void bulk_end(seeder *sd)
{
    sqlite3_finalize(sd->insert);
    if (sqlite3_exec(sd->bulk, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "class_seed: %s\n", sqlite3_errmsg(sd->bulk));
        exit(1);
    }
    sqlite3_close(sd->bulk);
    sd->bulk = NULL;
    check(hrc_progress_rebuild_summaries(sd->s), sd->s, "rebuilding the summaries");
}

/* One learner in one module; how far they go is `depth` (0..1). */
static void take_module(seeder *sd, int64_t learner, size_t l, const hrc_module *m, size_t mi,
                        double ability, double depth)
{
    hrc_module_ref ref = {m->id, m->version, m->content_hash};
    hrc_session session;
    /* A session filled in without recording (a NULL store), so that its
     * first event gets the seeder's clock too. */
    check(hrc_progress_begin_session(NULL, learner, &ref, &session), sd->s, "a session");
    hrc_progress_event launched = {.verb = HRC_VERB_LAUNCHED};
    record(sd, &session, &launched);
    bool all_passed = true, all_seen = true;
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        if ((double)i / (double)m->n_items > depth) {
            all_seen = all_passed = false;
            break;
        }
        if (it->kind != HRC_ITEM_QUIZ) {
            hrc_progress_event ev = {.verb = HRC_VERB_VIEWED, .item_id = hrc_item_id(it),
                                     .duration_ms = 30000};
            record(sd, &session, &ev);
            continue;
        }
        const hrc_quiz *quiz = it->u.quiz;
        bool passed = false;
        int max = quiz->max_attempts ? quiz->max_attempts : 3;
        for (int attempt = 1; attempt <= max && !passed; attempt++) {
            double total = 0;
            for (size_t k = 0; k < quiz->n_questions; k++) {
                const hrc_question *q = &quiz->questions[k];
                double difficulty = chance(sd->seed, mi * 1000 + k, 77) * 0.45;
                bool right = chance(sd->seed + (uint64_t)attempt, l, mi * 1000 + k) <
                             ability - difficulty + 0.25 * (attempt - 1);
                char text[512];
                hrc_sample_answer(q, right, (uint64_t)(l + k), text, sizeof text);
                double score = hrc_sample_answer_score(q, text);
                total += score;
                hrc_progress_event ev = {.verb = HRC_VERB_ANSWERED, .item_id = q->id,
                                         .item_revision = q->revision, .response = text,
                                         .has_success = true, .success = score >= 1.0,
                                         .has_score = true, .score = score,
                                         .attempt = attempt, .duration_ms = 15000};
                record(sd, &session, &ev);
            }
            double percent = quiz->n_questions ? 100.0 * total / (double)quiz->n_questions : 100;
            passed = hrc_quiz_passed(quiz, percent);
            hrc_progress_event ev = {.verb = passed ? HRC_VERB_PASSED : HRC_VERB_FAILED,
                                     .item_id = quiz->id, .has_success = true,
                                     .success = passed, .has_score = true,
                                     .score = percent / 100.0, .attempt = attempt};
            record(sd, &session, &ev);
        }
        all_passed &= passed;
    }
    bool complete = m->completion == HRC_COMPLETE_PAGES ? all_seen
                  : m->completion == HRC_COMPLETE_QUIZ  ? all_passed
                                                        : all_seen && all_passed;
    hrc_progress_event end = {.verb = complete ? HRC_VERB_COMPLETED : HRC_VERB_SUSPENDED,
                              .end = HRC_END_NORMAL};
    record(sd, &session, &end);
}

long class_seed_fill(hrc_progress *s, const hrc_course *course, long learners,
                     const char *group, uint64_t seed, const char *bulk_dir)
{
    seeder sd = {.s = s, .seed = seed ? seed : 1,
                 .clock = INT64_C(1773302400000)}; /* 2026-03-12 08:00 UTC */
    if (group) {
        hrc_group g;
        int64_t id = 0;
        if (hrc_progress_find_group(sd.s, group, &g) == HRC_PROGRESS_OK)
            id = g.id;
        else
            check(hrc_progress_add_group(sd.s, group, "2026-03-12", &id), sd.s, "a group");
        check(hrc_progress_set_open_group(sd.s, id), sd.s, "opening the group");
    }
    size_t nf = sizeof first_names / sizeof *first_names;
    size_t nl = sizeof last_names / sizeof *last_names;
    int64_t *ids = calloc(learners > 0 ? (size_t)learners : 1, sizeof *ids);
    /* Another seed, other names: two groups seeded apart do not share them. */
    long first = (long)((sd.seed - 1) % 64) * 13;
    for (long l = 0; l < learners; l++) {
        char name[160];
        size_t i = (size_t)(l + first);
        size_t f = i % nf, k = (i / nf + i) % nl; /* all pairs differ */
        if (i < nf * nl)
            snprintf(name, sizeof name, "%s %s", first_names[f], last_names[k]);
        else
            snprintf(name, sizeof name, "%s %s %ld", first_names[f], last_names[k], l);
        check(hrc_progress_add_learner(sd.s, name, NULL, NULL, &ids[l]), sd.s, "a learner");
    }
    sd.device = hrc_progress_device_id(sd.s);
    if (bulk_dir)
        bulk_begin(&sd, bulk_dir);
    for (long l = 0; l < learners; l++) {
        int64_t id = ids[l];
        double ability = 0.35 + 0.6 * chance(sd.seed, (uint64_t)l, 1);
        /* How far they get: most finish, some stop in a module. */
        double reach = chance(sd.seed, (uint64_t)l, 2) < 0.7
                           ? (double)course->n_modules
                           : chance(sd.seed, (uint64_t)l, 3) * (double)course->n_modules;
        for (size_t m = 0; m < course->n_modules && (double)m < reach; m++) {
            double depth = reach - (double)m >= 1 ? 1.0 : reach - (double)m;
            take_module(&sd, id, (size_t)l, course->modules[m], m, ability, depth);
        }
    }
    if (sd.bulk)
        bulk_end(&sd);
    free(ids);
    check(hrc_progress_set_open_group(sd.s, 0), sd.s, "closing the group");
    return sd.events;
}

#ifndef CLASS_SEED_NO_MAIN
int main(int argc, char **argv)
{
    if (argc < 4 || argc > 6) {
        fprintf(stderr, "usage: class_seed COURSE DIR LEARNERS [GROUP [SEED]]\n");
        return 2;
    }
    hrc_diags diags;
    hrc_diags_init(&diags);
    hrc_course *course = NULL;
    if (hrc_course_open(argv[1], &course, &diags) != 0) {
        fprintf(stderr, "class_seed: cannot load %s\n", argv[1]);
        return 1;
    }
    hrc_diags_clear(&diags);
    hrc_progress *s = NULL;
    check(hrc_progress_open(argv[2], HRC_PROGRESS_OPEN_FACILITATOR |
                                         HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL),
          NULL, "opening the store");
    long learners = atol(argv[3]);
    const char *bulk = getenv("CLASS_SEED_BULK");
    long events = class_seed_fill(s, course, learners, argc > 4 ? argv[4] : NULL,
                                  argc > 5 ? strtoull(argv[5], NULL, 10) : 1,
                                  bulk && strcmp(bulk, "1") == 0 ? argv[2] : NULL);
    printf("learners %ld events %ld\n", learners, events);
    hrc_progress_close(s);
    hrc_course_free(course);
    return 0;
}
#endif
