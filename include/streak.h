/* streak: consecutive local days, up to today, with at least one run done
 * (SPEC section 9), for `backease status --format %s`.  A small stand-in
 * until the stats module computes it; it reads only the history. */
#ifndef BACKEASE_STREAK_H
#define BACKEASE_STREAK_H

#include <stdbool.h>
#include <time.h>

#include "diag.h"

/* The streak at now (wall clock) from the history at path: when today has
 * no run done yet it counts up to yesterday.  0, or -1 with d set. */
int streak_days(const char *path, time_t now, long *days, bool *today_done,
		struct diag *d);

#endif
