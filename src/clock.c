/* clock: monotonic time. */
#include "clock.h"

#include <limits.h>
#include <math.h>
#include <time.h>

uint64_t
clock_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

uint64_t
clock_boot_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_BOOTTIME, &ts) != 0)
		return clock_mono_ms();
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void
run_clock_init(struct run_clock *c, double speed)
{
	c->origin = clock_mono_ms();
	c->boot_origin = clock_boot_ms();
	c->speed = speed > 0 ? speed : 1.0;
}

static uint64_t
scaled(const struct run_clock *c, uint64_t real)
{
	if (c->speed == 1.0)
		return real;
	return (uint64_t)((double)real * c->speed);
}

uint64_t
run_clock_now(const struct run_clock *c)
{
	return scaled(c, clock_mono_ms() - c->origin);
}

uint64_t
run_clock_boot(const struct run_clock *c)
{
	return scaled(c, clock_boot_ms() - c->boot_origin);
}

int
run_clock_timeout(const struct run_clock *c, uint64_t deadline)
{
	return run_clock_timeout_max(c, deadline, 1000);
}

int
run_clock_timeout_max(const struct run_clock *c, uint64_t deadline,
                      int max_ms)
{
	uint64_t now = run_clock_now(c);
	double wait;

	if (deadline == UINT64_MAX)
		return -1;
	if (deadline <= now)
		return 0;
	/* round up, so we never wake just before the deadline and spin */
	wait = ceil((double)(deadline - now) / c->speed);
	/* Linux lets poll() return up to 0.1% of its timeout late (timer
	 * slack, select_estimate_accuracy(), at most 100 ms): a 60 s wait
	 * can end 60 ms late.  run_clock_timeout() waits at most 1 s at a
	 * time, so that no deadline is missed by more than about 1 ms; the
	 * reminder, to which 60 ms late at a minute's end is nothing, waits
	 * longer and wakes less. */
	return wait > max_ms ? max_ms : (int)wait;
}
