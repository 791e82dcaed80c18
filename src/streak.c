/* streak: days in a row with a run done. */
#include "streak.h"

#include <stdlib.h>

#include "history.h"

struct days {
	long *v;
	size_t n, cap;
	bool failed;
};

/* A run's day is the local date written in its own line. */
static long
local_day(time_t t, long offset_s)
{
	long long s = (long long)t + offset_s;

	return (long)(s >= 0 ? s / 86400 : -((-s + 86399) / 86400));
}

static void
collect(const struct history_entry *h, void *ctx)
{
	struct days *d = ctx;
	long *grown;

	if (!h->done || d->failed)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		grown = realloc(d->v, d->cap * sizeof *grown);
		if (grown == NULL) {
			d->failed = true;
			return;
		}
		d->v = grown;
	}
	d->v[d->n++] = local_day(h->start, h->utc_offset_s);
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

int
streak_days(const char *path, time_t now, long *days, bool *today_done,
	    struct diag *d)
{
	struct days set = {0};
	struct tm tm;
	size_t skipped, i;
	long today, want;

	*days = 0;
	*today_done = false;
	if (history_read(path, collect, &set, &skipped, d) != 0)
		return -1;
	if (set.failed) {
		free(set.v);
		diag_set(d, path, 0, 0, "out of memory");
		return -1;
	}
	if (localtime_r(&now, &tm) == NULL) {
		free(set.v);
		return 0;
	}
	today = local_day(now, tm.tm_gmtoff);
	if (set.n > 0) /* qsort(NULL, 0) is undefined */
		qsort(set.v, set.n, sizeof *set.v, cmp_long);
	/* walk back from today (or yesterday) while each day has a run */
	i = set.n;
	while (i > 0 && set.v[i - 1] > today) /* a clock set back */
		i--;
	*today_done = i > 0 && set.v[i - 1] == today;
	want = *today_done ? today : today - 1;
	while (i > 0 && set.v[i - 1] == want) {
		(*days)++;
		while (i > 0 && set.v[i - 1] == want)
			i--;
		want--;
	}
	free(set.v);
	return 0;
}
