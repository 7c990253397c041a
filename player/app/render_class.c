/*
 * render_class.c: a class for --render --kiosk, so that the pictures of the
 * trainer's screens show what a trainer sees after a session: two groups
 * (the open one first) and two dozen learners at every stage of the
 * course, with scores, several attempts, a reset, a PIN locked by wrong
 * tries; and a class list next to the store. Their answers follow a fixed rule (no randomness): the same
 * course gives the same class, but for the times, which are the last days
 * before now.
 */
#include "app/cli.h"

#include "app/sample_answer.h"
#include "core/quiz.h"
#include "io/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const names[] = {
    "Ali Ben Salah", "Marie Dupont", "Jean-Luc Müller", "Lucía García López", "Björn Lindqvist",
    "Chloé Okafor", "Kwame Mensah", "Łukasz Nowak", "Fatoumata Diallo", "Hélène Lefèvre",
    "Diego Fernández", "Ngozi Ndlovu", "François Moreau", "Aïcha Haddad", "Søren Kowalski",
    "Inès Benoît", "Mateo Rossi", "Yuki Tanaka", "Élodie Dubois", "Omar Nkosi",
    "Noémie Ibáñez", "Thabo Petit", "Renée Schäfer", "José Ferreira",
};


typedef struct seeder {
    hrc_progress *s;
    int64_t clock;
    bool failed;
} seeder;

static void record(seeder *sd, const hrc_session *session, hrc_progress_event *ev)
{
    sd->clock += 45000;
    ev->time_ms = sd->clock;
    if (!sd->failed && hrc_progress_record(sd->s, session, ev, NULL) != HRC_PROGRESS_OK)
        sd->failed = true;
}

/* Learner l in module m: `reach` of its items, answers right when the
 * rule says so. */
static void take_module(seeder *sd, int64_t learner, size_t l, const hrc_module *m, size_t mi,
                        double reach)
{
    hrc_module_ref ref = {m->id, m->version, m->content_hash};
    hrc_session session;
    if (hrc_progress_begin_session(NULL, learner, &ref, &session) != HRC_PROGRESS_OK)
        return;
    hrc_progress_event launched = {.verb = HRC_VERB_LAUNCHED};
    record(sd, &session, &launched);
    bool seen = true, passed_all = true;
    for (size_t i = 0; i < m->n_items; i++) {
        const hrc_item *it = &m->items[i];
        if ((double)(i + 1) > reach * (double)m->n_items) {
            seen = passed_all = false;
            break;
        }
        if (it->kind != HRC_ITEM_QUIZ) {
            hrc_progress_event ev = {.verb = HRC_VERB_VIEWED, .item_id = hrc_item_id(it),
                                     .duration_ms = 60000 + (int64_t)(l % 7) * 20000};
            record(sd, &session, &ev);
            continue;
        }
        const hrc_quiz *quiz = it->u.quiz;
        int max = quiz->max_attempts ? quiz->max_attempts : 3;
        bool passed = false;
        for (int attempt = 1; attempt <= max && !passed; attempt++) {
            double total = 0;
            for (size_t k = 0; k < quiz->n_questions; k++) {
                const hrc_question *q = &quiz->questions[k];
                /* Some questions are hard for most; practice helps. */
                int roll = (int)((l * 7 + k * 5 + mi * 3) % 10);
                bool right = roll < 5 + attempt + (int)(l % 3) - (k % 4 == 1 ? 3 : 0);
                char text[512];
                hrc_sample_answer(q, right, (uint64_t)(l + k), text, sizeof text);
                hrc_progress_event ev = {.verb = HRC_VERB_ANSWERED, .item_id = q->id,
                                         .item_revision = q->revision, .response = text,
                                         .has_success = true, .success = right,
                                         .has_score = true, .score = right ? 1.0 : 0.0,
                                         .attempt = attempt, .duration_ms = 20000};
                record(sd, &session, &ev);
                total += right;
            }
            double percent = quiz->n_questions ? 100.0 * total / (double)quiz->n_questions : 100;
            passed = hrc_quiz_passed(quiz, percent);
            hrc_progress_event ev = {.verb = passed ? HRC_VERB_PASSED : HRC_VERB_FAILED,
                                     .item_id = quiz->id, .has_success = true,
                                     .success = passed, .has_score = true,
                                     .score = percent / 100.0, .attempt = attempt};
            record(sd, &session, &ev);
        }
        passed_all &= passed;
    }
    bool complete = m->completion == HRC_COMPLETE_PAGES ? seen
                    : m->completion == HRC_COMPLETE_QUIZ ? passed_all
                                                         : seen && passed_all;
    hrc_progress_event end = {.verb = complete ? HRC_VERB_COMPLETED : HRC_VERB_SUSPENDED,
                              .end = HRC_END_NORMAL};
    record(sd, &session, &end);
}

int hrc_render_class_seed(const char *dir, const hrc_course *course)
{
    seeder sd = {0};
    if (hrc_progress_open(dir, HRC_PROGRESS_OPEN_FACILITATOR | HRC_PROGRESS_OPEN_FAST_PIN_HASH,
                          &sd.s, NULL) != HRC_PROGRESS_OK)
        return -1;
    /* The session two days ago, and a former one. */
    time_t now = time(NULL);
    sd.clock = ((int64_t)now - 2 * 86400) * 1000;
    char today[16], before[16];
    time_t earlier = now - 35 * 86400;
    struct tm tm;
    strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
    strftime(before, sizeof before, "%Y-%m-%d", localtime_r(&earlier, &tm));
    int64_t rouen = 0, lyon = 0;
    if (hrc_progress_add_group(sd.s, "Lyon", before, &lyon) != HRC_PROGRESS_OK ||
        hrc_progress_add_group(sd.s, "Rouen", today, &rouen) != HRC_PROGRESS_OK) {
        hrc_progress_close(sd.s);
        return -1;
    }
    size_t n = sizeof names / sizeof names[0];
    for (size_t l = 0; l < n && !sd.failed; l++) {
        int64_t id = 0;
        if (hrc_progress_add_learner(sd.s, names[l], NULL, NULL, &id) != HRC_PROGRESS_OK ||
            hrc_progress_set_learner_group(sd.s, id, l < 17 ? rouen : lyon) != HRC_PROGRESS_OK) {
            sd.failed = true;
            break;
        }
        /* Most go far, a few stop early, one has not started. */
        double reach = l == 5 ? 0 : l % 6 == 4 ? 1.6 : l % 5 == 2 ? 2.5 : (double)course->n_modules;
        for (size_t m = 0; m < course->n_modules && (double)m < reach; m++)
            take_module(&sd, id, l, course->modules[m], m,
                        reach - (double)m >= 1 ? 1.0 : reach - (double)m);
        if (l == 3 && course->n_modules)
            hrc_progress_reset_attempts(sd.s, id, course->modules[0]->id, NULL);
    }
    int rc = sd.failed ? -1 : hrc_progress_set_open_group(sd.s, rouen) == HRC_PROGRESS_OK ? 0 : -1;
    hrc_progress_close(sd.s);
    /* A class list next to the store (the folder "this computer" offers),
     * with names already here and a new group. */
    char path[4200];
    snprintf(path, sizeof path, "%s/class-list.csv", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("Name;Group\nInès Martin;Rouen\nPaul Girard;Lille\nMarie Dupont;Rouen\n"
              "Anne Roux;\nOmar Nkosi;\n", f);
        if (fclose(f) != 0)
            rc = -1;
    }
    return rc;
}
