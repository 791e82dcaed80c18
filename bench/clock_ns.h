/* clock_ns: what the timing tools of bench/ share. */
#ifndef BENCH_CLOCK_NS_H
#define BENCH_CLOCK_NS_H

#include <stddef.h>
#include <stdint.h>

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t now_ns(void);
/* Sorts v in place, ascending. */
void sort_ns(uint64_t *v, size_t n);
/* Sorts v and returns its median. */
uint64_t median_ns(uint64_t *v, size_t n);

#endif
