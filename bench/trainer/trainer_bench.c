/*
 * trainer_bench: what opening the class dashboard costs, on a store filled
 * by class_seed. Prints the median and worst of RUNS runs, in
 * milliseconds, of:
 *   baseline      hrc_progress_list_all(): every summary, what the
 *                 facilitator screen read before the dashboard;
 *   class table   hrc_progress_class_table() for the group (the
 *                 dashboard's table: learners by modules, summary rows);
 *   item stats    hrc_progress_item_stats() and hrc_itemstats_compute()
 *                 for the group (the dashboard's questions);
 *   dashboard     both, as the screen opens.
 *
 *   trainer_bench COURSE DIR GROUP RUNS
 */
#include "core/itemstats.h"
#include "io/loader.h"
#include "io/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_timing.h"

static void report(const char *what, double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, by_value);
    printf("  %-14s median %8.2f ms   worst %8.2f ms\n", what, t[n / 2], t[n - 1]);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: trainer_bench COURSE DIR GROUP RUNS\n");
        return 2;
    }
    hrc_diags diags;
    hrc_diags_init(&diags);
    hrc_course *course = NULL;
    if (hrc_course_open(argv[1], &course, &diags) != 0) {
        fprintf(stderr, "trainer_bench: cannot load %s\n", argv[1]);
        return 1;
    }
    hrc_diags_clear(&diags);
    hrc_progress *s = NULL;
    if (hrc_progress_open(argv[2], HRC_PROGRESS_OPEN_FACILITATOR, &s, NULL) != HRC_PROGRESS_OK) {
        fprintf(stderr, "trainer_bench: cannot open %s\n", argv[2]);
        return 1;
    }
    hrc_group g;
    if (hrc_progress_find_group(s, argv[3], &g) != HRC_PROGRESS_OK) {
        fprintf(stderr, "trainer_bench: no group %s\n", argv[3]);
        return 1;
    }
    int runs = atoi(argv[4]);
    if (runs < 1)
        runs = 1;
    const char **ids = calloc(course->n_modules, sizeof *ids);
    for (size_t m = 0; m < course->n_modules; m++)
        ids[m] = course->modules[m]->id;
    double *base = calloc((size_t)runs, sizeof *base), *table = calloc((size_t)runs, sizeof *table);
    double *items = calloc((size_t)runs, sizeof *items), *both = calloc((size_t)runs, sizeof *both);
    size_t learners = 0, questions = 0;
    for (int i = 0; i < runs; i++) {
        double t0 = now_ms();
        hrc_module_progress *all = NULL;
        size_t n = 0;
        if (hrc_progress_list_all(s, &all, &n) != HRC_PROGRESS_OK)
            return 1;
        free(all);
        double t1 = now_ms();
        hrc_class_table *t = NULL;
        if (hrc_progress_class_table(s, g.id, ids, course->n_modules, &t) != HRC_PROGRESS_OK)
            return 1;
        double t2 = now_ms();
        hrc_itemstats *st = NULL;
        const hrc_item_stat *out = NULL;
        if (hrc_progress_item_stats(s, course, g.id, &st) != HRC_PROGRESS_OK ||
            hrc_itemstats_compute(st, &out, &questions) != 0)
            return 1;
        double t3 = now_ms();
        learners = t->n_learners;
        hrc_class_table_free(t);
        hrc_itemstats_free(st);
        base[i] = t1 - t0, table[i] = t2 - t1, items[i] = t3 - t2, both[i] = t3 - t1;
    }
    printf("Dashboard of %zu learners x %zu modules, %zu questions (%d runs)\n", learners,
           course->n_modules, questions, runs);
    report("baseline", base, runs);
    report("class table", table, runs);
    report("item stats", items, runs);
    report("dashboard", both, runs);
    printf("dashboard_median_ms %.3f\n", both[runs / 2]);
    free(ids), free(base), free(table), free(items), free(both);
    hrc_progress_close(s);
    hrc_course_free(course);
    return 0;
}
