/* clock: the monotonic clock, and the run clock that --speed scales. */
#ifndef BACKEASE_CLOCK_H
#define BACKEASE_CLOCK_H

#include <stdint.h>

/* Milliseconds on CLOCK_MONOTONIC. */
uint64_t clock_mono_ms(void);
/* Milliseconds on CLOCK_BOOTTIME, which also counts time suspended (the
 * monotonic clock where there is none). */
uint64_t clock_boot_ms(void);

/* Run time runs `speed` times faster than real time from `origin`. */
struct run_clock {
	uint64_t origin;
	uint64_t boot_origin; /* CLOCK_BOOTTIME at the same moment */
	double speed;
};

void run_clock_init(struct run_clock *c, double speed);
/* The run time now, in milliseconds. */
uint64_t run_clock_now(const struct run_clock *c);
/* The same on CLOCK_BOOTTIME: ahead of run_clock_now() by the time the
 * machine was suspended (scaled alike). */
uint64_t run_clock_boot(const struct run_clock *c);
/* Real milliseconds until run time reaches deadline, for poll(); -1 for
 * no deadline (UINT64_MAX). */
int run_clock_timeout(const struct run_clock *c, uint64_t deadline);
/* The same, waiting up to max_ms at a time (run_clock_timeout: 1000). */
int run_clock_timeout_max(const struct run_clock *c, uint64_t deadline,
                          int max_ms);

#endif
