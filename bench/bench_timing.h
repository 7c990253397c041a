/*
 * bench_timing.h: what the C benchmarks share to time and summarise runs
 * (bench/speech/, bench/trainer/): a monotonic clock in milliseconds, a
 * pause, and the median, 95th percentile and worst of a set of times
 * (sorted in place). Header only: each benchmark is one program.
 */
#ifndef HRC_BENCH_TIMING_H
#define HRC_BENCH_TIMING_H

#include <stdlib.h>
#include <time.h>

static inline double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static inline void pause_us(long us)
{
    struct timespec ts = {.tv_sec = us / 1000000, .tv_nsec = (us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

static inline int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorts v[0..n) and gives its median, 95th percentile and worst (n > 0). */
static inline void stats(double *v, int n, double *median, double *p95)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    *median = v[n / 2];
    int i = (int)(n * 0.95);
    *p95 = v[i >= n ? n - 1 : i];
}

#endif
