/* stats: the figures of `backease stats` (SPEC section 9) and the nudge
 * of section 8, from history entries in one pass.  Pure: no I/O, no
 * clock; the caller says which local day today is.  Every figure counts
 * local days as each line wrote them (history_entry.local_day), so DST
 * changes and travel move nothing.
 *
 * Use: stats_init, then stats_add for each entry (history_read can call
 * stats_collect), then stats_finish; read the struct; stats_free.  The
 * command (cmd_stats.c), the menu header and the stats screen share it. */
#ifndef BACKEASE_STATS_H
#define BACKEASE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "history.h"
#include "idmap.h"
#include "settings.h"

enum {
	STATS_DAYS_DEFAULT = 14,
	STATS_DAYS_MIN = 7,
	STATS_DAYS_MAX = 90,
	/* the nudge (SPEC section 8): the last 7 days' check-ins ... */
	STATS_NUDGE_DAYS = 7,
	STATS_NUDGE_RATING = 4, /* ... rating this or more before a run */
	STATS_NUDGE_ON_DAYS = 3, /* ... on this many different days */
	STATS_NUDGE_SEVERE = 8,  /* ... or any rating this high */
	/* a change of 2 points on the 0-10 scale is "clearly better"
	 * (Salaffi et al. 2004) */
	STATS_CLEAR_CHANGE = 2,
};

/* The day numbers a history line can name: 1970-01-01 to 9999-12-31;
 * a map of them has a bit per day. */
#define STATS_DAY_LAST 2932896L
#define STATS_DONE_WORDS ((size_t)(STATS_DAY_LAST / 64 + 1))

struct stats_options {
	long today; /* local date of now, a day number (civil.h) */
	int days;   /* the window: today and the days-1 before it */
	enum week_start week_start;
};

/* Runs and active time of a day, a week, a preset or the window. */
struct stats_tally {
	unsigned long done, quit;
	long long active_s;
};

struct stats_day {
	long day; /* day number */
	struct stats_tally t;
	int before_sum, before_n; /* that day's check-in answers */
	int after_sum, after_n;
};

/* Check-in answers in the window. */
struct stats_pain {
	long before_sum, before_n;
	long after_sum, after_n;
	long change_sum, change_n; /* runs with both: after - before */
	long clearly_better;       /* runs whose change is -2 or less */
	long clearly_worse;        /* +2 or more */
};

struct stats_preset {
	char id[48];
	struct stats_tally t;
};

struct stats_nudge {
	bool due;            /* the rule of SPEC section 8 holds */
	bool days_rule;      /* 4+ before on 3 days, not getting lower */
	unsigned high_days;  /* days of the 7 with a before-rating of 4+ */
	bool not_lower;      /* latest three before-ratings vs first three */
	int worst;           /* highest rating of the 7 days, -1 for none */
	long worst_day;      /* the day it was given (the latest such) */
};

/* The three earliest or latest before-ratings, by start time. */
struct stats_rating {
	time_t start;
	unsigned long seq; /* file order breaks ties */
	int rating;
};

struct stats {
	struct stats_options opt;
	unsigned long runs; /* every entry, all time */
	long first_day, last_day; /* of any run; valid when runs > 0 */
	unsigned long streak, best_streak;
	bool today_done; /* false: the streak counts up to yesterday */
	long week_first; /* day number of this week's first day */
	struct stats_tally week, last_week;
	struct stats_tally window; /* the opt.days days */
	struct stats_day day[STATS_DAYS_MAX]; /* oldest first, opt.days */
	struct stats_pain pain;
	/* presets run in the window: most runs first (then most time, then
	 * id) after stats_finish */
	struct stats_preset *presets;
	size_t presets_count;
	struct stats_nudge nudge;

	/* the pass's own state */
	uint64_t *done_bits; /* a bit per day number with a `done` run */
	long done_lo, done_hi;
	long recent; /* the first day of a week, window or nudge */
	struct idmap preset_ids;
	size_t presets_cap;
	unsigned char nudge_high[STATS_NUDGE_DAYS];
	struct stats_rating first3[3], last3[3];
	unsigned long ratings; /* before-ratings of the 7 days */
	bool failed;           /* out of memory in stats_add */
};

/* What a line adds for all time, in stats_add and in the cache's sums
 * (stats_cache_add): a run, its day as the first or last, and its day in
 * the map of days done (min and max without branches: this is per line
 * of a long history). */
static inline void
stats_count_day(unsigned long *runs, long *first, long *last,
                uint64_t *done_bits, long *done_lo, long *done_hi,
                const struct history_entry *h)
{
	long day = h->local_day;

	++*runs;
	*first = day < *first ? day : *first;
	*last = day > *last ? day : *last;
	if (h->done && day >= 0 && day <= STATS_DAY_LAST) {
		done_bits[day / 64] |= (uint64_t)1 << (day % 64);
		*done_lo = day < *done_lo ? day : *done_lo;
		*done_hi = day > *done_hi ? day : *done_hi;
	}
}

/* A map of every day (STATS_DONE_WORDS words of zeroes, pages touched
 * only where written), or NULL; freed with stats_day_map_free. */
uint64_t *stats_day_map_new(void);
void stats_day_map_free(uint64_t *map);

/* 0, or -1 when out of memory or opt->days is outside 7..90. */
int stats_init(struct stats *s, const struct stats_options *opt);
void stats_add(struct stats *s, const struct history_entry *h);
/* stats_add as history_read's callback (ctx is the struct stats). */
void stats_collect(const struct history_entry *h, void *ctx);
/* Streaks, the preset order, the nudge.  0, or -1 when an add ran out
 * of memory (the figures are then incomplete). */
int stats_finish(struct stats *s);
void stats_free(struct stats *s);

/* sum / n, for the averages; only when n > 0. */
double stats_average(long sum, long n);
/* How a change in pain reads: "clearly better" (-2 or less), "a little
 * better", "no change", "a little worse", "clearly worse" (+2 or more). */
const char *stats_change_words(double change);
/* The summary line after a run: "pain 6 -> 3 (clearly better)".  Its
 * length, or 0 (buf "") when either answer is missing. */
int stats_pain_text(int before, int after, char *buf, size_t size);
/* What the nudge saw, e.g. "4/10 or more on 3 days this week" or
 * "9/10 on Tue 14 May"; "" when it is not due.  Pair it with
 * SAFETY_NUDGE (safety.h).  Returns the length. */
int stats_nudge_text(const struct stats *s, char *buf, size_t size);
/* After a run: show the nudge?  Only when it is due and it was not shown
 * today already (last_shown: the day number it was last shown, or -1;
 * see nudge_state.h). */
bool stats_nudge_after_run(const struct stats *s, long last_shown);
/* The streak as the stats show it: "3 days (best 10); one today keeps it
 * going", "4 days, today included", "none yet; a run today starts one".
 * Returns the length. */
int stats_streak_text(const struct stats *s, char *buf, size_t size);
/* Seconds as whole minutes, rounded. */
long stats_minutes(long long seconds);
/* The chart of the window: the top of its scale in whole minutes, a
 * round number at or above the busiest day's (even, so the middle of the
 * scale is whole too). */
long stats_chart_top(const struct stats *s);
/* The height of day d's column (0 oldest) in eighths of a row, for a
 * chart rows rows high up to top minutes; at least 1 on a day with any
 * active time. */
int stats_chart_eighths(const struct stats *s, int d, int rows, long top);
/* "Tue 14 May" for a day number (English, as the rest of the program). */
void stats_day_text(long day, char *buf, size_t size);
/* "2024-05-14". */
void stats_iso_date(long day, char *buf, size_t size);

#endif
