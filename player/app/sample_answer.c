/*
 * Made-up answers for the classes of pictures, tests and benchmarks
 * (sample_answer.h).
 */
#include "app/sample_answer.h"

#include "core/answer.h"
#include "core/quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Typed slips: places and years the course names, for a gap expecting a
 * word or a number. */
static const char *const place_slips[] = {"Barcelona", "Geneva", "Gwangju", "Paris"};
static const char *const number_slips[] = {"2011", "12", "2018", "50"};

static const char *gap_slip(const hrc_gap *gap, uint64_t pick)
{
    const char *shown = gap->n_accepts ? gap->accepts[0].text : "";
    bool number = shown[0] >= '0' && shown[0] <= '9';
    const char *const *slips = number ? number_slips : place_slips;
    for (size_t k = 0; k < 4; k++) {
        const char *t = slips[(pick + k) % 4];
        if (!hrc_answer_accepted(t, gap))
            return t;
    }
    return "";
}

void hrc_sample_answer(const hrc_question *q, bool right, uint64_t pick, char *out, size_t size)
{
    out[0] = '\0';
    hrc_response r;
    if (hrc_response_init(&r, q) < 0)
        return;
    int *slots = r.slot;
    size_t n = r.n;
    switch (q->kind) {
    case HRC_Q_SINGLE:
    case HRC_Q_TRUEFALSE: {
        size_t wrong = 0, k = 0;
        for (size_t c = 0; c < q->n_choices; c++)
            wrong += !q->choices[c].correct;
        size_t want = wrong ? pick % wrong : 0;
        for (size_t c = 0; c < q->n_choices; c++) {
            if (right && q->choices[c].correct) {
                slots[0] = (int)c;
                break;
            }
            if (!right && !q->choices[c].correct && k++ == want) {
                slots[0] = (int)c;
                break;
            }
        }
        break;
    }
    case HRC_Q_MULTIPLE: {
        bool dropped = false, added = false;
        for (size_t c = 0; c < q->n_choices; c++) {
            slots[c] = q->choices[c].correct;
            if (!right && q->choices[c].correct && !dropped)
                slots[c] = 0, dropped = true;
            else if (!right && !q->choices[c].correct && !added && pick % 2)
                slots[c] = 1, added = true;
        }
        break;
    }
    case HRC_Q_ORDERING:
    case HRC_Q_MATCHING:
        for (size_t c = 0; c < n; c++)
            slots[c] = (int)c;
        if (!right && n > 1)
            slots[0] = 1, slots[1] = 0;
        break;
    case HRC_Q_FILLIN: /* the recorded form: the blanks joined by "[,]" */
        for (size_t g = 0; g < q->n_gaps; g++) {
            size_t used = strlen(out);
            const char *t = right ? (q->gaps[g].n_accepts ? q->gaps[g].accepts[0].text : "")
                                  : gap_slip(&q->gaps[g], pick + g);
            snprintf(out + used, size - used, "%s%s", g ? "[,]" : "", t);
        }
        hrc_response_free(&r);
        return;
    case HRC_Q_NUMERIC:
        hrc_number_format(right ? q->value : q->value + q->tolerance + 1 + (double)(pick % 5),
                          '.', out, size);
        hrc_response_free(&r);
        return;
    }
    hrc_response_format(q, &r, out, size);
    hrc_response_free(&r);
}

double hrc_sample_answer_score(const hrc_question *q, const char *text)
{
    double score = 0;
    hrc_response_text_score(q, text, &score); /* 0 when it does not parse */
    return score;
}
