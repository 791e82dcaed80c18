/* clock_ns: monotonic nanoseconds and medians for the timing tools. */
#include "clock_ns.h"

#include <stdlib.h>
#include <time.h>

uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void
sort_ns(uint64_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_u64);
}

uint64_t
median_ns(uint64_t *v, size_t n)
{
	sort_ns(v, n);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
