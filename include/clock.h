/* clock: the monotonic clock, and the run clock that --speed scales. */
#ifndef BACKEASE_CLOCK_H
#define BACKEASE_CLOCK_H

#include <stdint.h>

/* Milliseconds on CLOCK_MONOTONIC. */
uint64_t clock_mono_ms(void);

/* Run time runs `speed` times faster than real time from `origin`. */
struct run_clock {
	uint64_t origin;
	double speed;
};

void run_clock_init(struct run_clock *c, double speed);
/* The run time now, in milliseconds. */
uint64_t run_clock_now(const struct run_clock *c);
/* Real milliseconds until run time reaches deadline, for poll(); -1 for
 * no deadline (UINT64_MAX). */
int run_clock_timeout(const struct run_clock *c, uint64_t deadline);

#endif
