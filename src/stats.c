/* stats: one pass over the history, no allocation per line and no
 * sorting of lines (SPEC section 7: a 100,000-line history in at most 3x
 * the time of `backease list`).  Days with a `done` run are bits in a map
 * of every day a line can name, so lines in any order (two processes, a
 * clock set back, travel between zones) give the same streaks. */
#include "stats.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "civil.h"


/* 360 kB of zeroes mapped straight from the kernel, so that only the
 * pages of days that have runs are ever touched.  Not calloc: once glibc
 * has freed one mapping this size it serves the next from the heap,
 * zeroing all of it, and a reminder that reads the stats at every break
 * grew by that much (bench figure 8b). */
uint64_t *
stats_day_map_new(void)
{
	void *m = mmap(NULL, STATS_DONE_WORDS * sizeof(uint64_t),
	               PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
	               0);

	return m == MAP_FAILED ? NULL : m;
}

void
stats_day_map_free(uint64_t *map)
{
	if (map != NULL)
		munmap(map, STATS_DONE_WORDS * sizeof(uint64_t));
}

int
stats_init(struct stats *s, const struct stats_options *opt)
{
	int i;

	memset(s, 0, sizeof *s);
	if (opt->days < STATS_DAYS_MIN || opt->days > STATS_DAYS_MAX)
		return -1;
	s->opt = *opt;
	s->done_bits = stats_day_map_new();
	if (s->done_bits == NULL)
		return -1;
	s->done_lo = s->first_day = LONG_MAX;
	s->done_hi = s->last_day = LONG_MIN;
	for (i = 0; i < opt->days; i++)
		s->day[i].day = opt->today - opt->days + 1 + i;
	s->week_first =
	    opt->today - (civil_weekday(opt->today) + 7 -
	                  (opt->week_start == WEEK_SUNDAY ? 0 : 1)) % 7;
	s->recent = s->week_first - 7;
	if (s->recent > s->day[0].day)
		s->recent = s->day[0].day;
	if (s->recent > opt->today - STATS_NUDGE_DAYS + 1)
		s->recent = opt->today - STATS_NUDGE_DAYS + 1;
	s->nudge.worst = -1;
	return 0;
}

void
stats_free(struct stats *s)
{
	stats_day_map_free(s->done_bits);
	free(s->presets);
	idmap_free(&s->preset_ids);
	memset(s, 0, sizeof *s);
}

static void
tally(struct stats_tally *t, const struct history_entry *h)
{
	if (h->done)
		t->done++;
	else
		t->quit++;
	t->active_s += h->active_s;
}

/* The preset's record in the window, added when new.  The map's keys are
 * the records' own ids, so it is rebuilt when the array moves. */
static struct stats_preset *
preset_of(struct stats *s, const char *id)
{
	struct stats_preset *p;
	size_t i, cap;

	if (idmap_get(&s->preset_ids, id, &i))
		return &s->presets[i];
	if (s->presets_count == s->presets_cap) {
		cap = s->presets_cap ? s->presets_cap * 2 : 16;
		p = realloc(s->presets, cap * sizeof *p);
		if (p == NULL)
			return NULL;
		s->presets = p;
		s->presets_cap = cap;
		idmap_free(&s->preset_ids);
		for (i = 0; i < s->presets_count; i++)
			if (idmap_put(&s->preset_ids, s->presets[i].id, i,
			              NULL) < 0)
				return NULL;
	}
	p = &s->presets[s->presets_count];
	memset(p, 0, sizeof *p);
	snprintf(p->id, sizeof p->id, "%s", id);
	if (idmap_put(&s->preset_ids, p->id, s->presets_count, NULL) < 0)
		return NULL;
	s->presets_count++;
	return p;
}

static bool
earlier(const struct stats_rating *a, const struct stats_rating *b)
{
	return a->start < b->start || (a->start == b->start && a->seq < b->seq);
}

/* Inserts x at r[i] or below, keeping r[0..i] in time order. */
static void
insert_rating(struct stats_rating r[3], size_t i, const struct stats_rating *x)
{
	while (i > 0 && earlier(x, &r[i - 1])) {
		r[i] = r[i - 1];
		i--;
	}
	r[i] = *x;
}

/* The three earliest ratings so far, in order (have: ratings before x). */
static void
keep_earliest(struct stats_rating r[3], unsigned long have,
              const struct stats_rating *x)
{
	if (have < 3)
		insert_rating(r, have, x);
	else if (earlier(x, &r[2]))
		insert_rating(r, 2, x); /* the latest of the three drops out */
}

/* The three latest, in order. */
static void
keep_latest(struct stats_rating r[3], unsigned long have,
            const struct stats_rating *x)
{
	if (have < 3) {
		insert_rating(r, have, x);
	} else if (!earlier(x, &r[0])) {
		/* the earliest of the three drops out */
		r[0] = r[1];
		r[1] = r[2];
		insert_rating(r, 2, x);
	}
}

static void
nudge_add(struct stats *s, const struct history_entry *h)
{
	long k = h->local_day - (s->opt.today - STATS_NUDGE_DAYS + 1);
	struct stats_rating r;
	int i, rating[2] = {h->pain_before, h->pain_after};

	if (k < 0 || k >= STATS_NUDGE_DAYS)
		return;
	for (i = 0; i < 2; i++)
		if (rating[i] >= s->nudge.worst &&
		    rating[i] != HISTORY_PAIN_NONE &&
		    (rating[i] > s->nudge.worst ||
		     h->local_day > s->nudge.worst_day)) {
			s->nudge.worst = rating[i];
			s->nudge.worst_day = h->local_day;
		}
	if (h->pain_before == HISTORY_PAIN_NONE)
		return;
	if (h->pain_before >= STATS_NUDGE_RATING)
		s->nudge_high[k] = 1;
	r.start = h->start;
	r.seq = s->runs;
	r.rating = h->pain_before;
	keep_earliest(s->first3, s->ratings, &r);
	keep_latest(s->last3, s->ratings, &r);
	s->ratings++;
}

static void
pain_add(struct stats *s, struct stats_day *d, const struct history_entry *h)
{
	struct stats_pain *p = &s->pain;
	int change;

	if (h->pain_before != HISTORY_PAIN_NONE) {
		p->before_sum += h->pain_before;
		p->before_n++;
		d->before_sum += h->pain_before;
		d->before_n++;
	}
	if (h->pain_after != HISTORY_PAIN_NONE) {
		p->after_sum += h->pain_after;
		p->after_n++;
		d->after_sum += h->pain_after;
		d->after_n++;
	}
	if (h->pain_before != HISTORY_PAIN_NONE &&
	    h->pain_after != HISTORY_PAIN_NONE) {
		change = h->pain_after - h->pain_before;
		p->change_sum += change;
		p->change_n++;
		p->clearly_better += change <= -STATS_CLEAR_CHANGE;
		p->clearly_worse += change >= STATS_CLEAR_CHANGE;
	}
}

void
stats_add(struct stats *s, const struct history_entry *h)
{
	long day = h->local_day, k;
	struct stats_preset *p;

	/* most lines of a long history are older than every window: they
	 * only count, and mark their day */
	stats_count_day(&s->runs, &s->first_day, &s->last_day, s->done_bits,
	                &s->done_lo, &s->done_hi, h);
	if (day < s->recent || day > s->opt.today)
		return;
	if (day >= s->week_first)
		tally(&s->week, h);
	else if (day >= s->week_first - 7)
		tally(&s->last_week, h);
	nudge_add(s, h);
	k = day - s->day[0].day;
	if (k < 0)
		return;
	tally(&s->window, h);
	tally(&s->day[k].t, h);
	pain_add(s, &s->day[k], h);
	p = preset_of(s, h->preset);
	if (p == NULL)
		s->failed = true;
	else
		tally(&p->t, h);
}

void
stats_collect(const struct history_entry *h, void *ctx)
{
	stats_add(ctx, h);
}

static bool
done_on(const struct stats *s, long day)
{
	return day >= s->done_lo && day <= s->done_hi &&
	       (s->done_bits[day / 64] >> (day % 64) & 1);
}

/* The longest run of consecutive days in the map; whole words of zeroes
 * or ones are taken at once, so a history from 1970 to 9999 is still a
 * few thousand steps. */
static unsigned long
longest_run(const struct stats *s)
{
	unsigned long best = 0, run = 0;
	long day = s->done_lo;
	uint64_t w;

	while (day <= s->done_hi) {
		w = s->done_bits[day / 64];
		if (day % 64 == 0 && (w == 0 || w == UINT64_MAX) &&
		    day + 63 <= s->done_hi) {
			run = w == 0 ? 0 : run + 64;
			day += 64;
		} else {
			run = (w >> (day % 64) & 1) ? run + 1 : 0;
			day++;
		}
		if (run > best)
			best = run;
	}
	return best;
}

static int
preset_order(const void *a, const void *b)
{
	const struct stats_preset *x = a, *y = b;
	unsigned long rx = x->t.done + x->t.quit, ry = y->t.done + y->t.quit;

	if (rx != ry)
		return rx > ry ? -1 : 1;
	if (x->t.active_s != y->t.active_s)
		return x->t.active_s > y->t.active_s ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void
nudge_finish(struct stats *s)
{
	struct stats_nudge *n = &s->nudge;
	int i, first = 0, last = 0;

	for (i = 0; i < STATS_NUDGE_DAYS; i++)
		n->high_days += s->nudge_high[i];
	for (i = 0; i < 3 && (unsigned long)i < s->ratings; i++) {
		first += s->first3[i].rating;
		last += s->last3[i].rating;
	}
	/* with three ratings, both threes are the same ones */
	n->not_lower = last >= first;
	n->days_rule = n->high_days >= STATS_NUDGE_ON_DAYS && n->not_lower;
	n->due = n->days_rule || n->worst >= STATS_NUDGE_SEVERE;
}

int
stats_finish(struct stats *s)
{
	long day;

	s->today_done = done_on(s, s->opt.today);
	day = s->today_done ? s->opt.today : s->opt.today - 1;
	s->streak = 0;
	while (done_on(s, day - (long)s->streak))
		s->streak++;
	s->best_streak = longest_run(s);
	if (s->presets_count > 1) /* qsort wants a real array */
		qsort(s->presets, s->presets_count, sizeof *s->presets,
		      preset_order);
	nudge_finish(s);
	return s->failed ? -1 : 0;
}

double
stats_average(long sum, long n)
{
	return n > 0 ? (double)sum / (double)n : 0.0;
}

const char *
stats_change_words(double change)
{
	if (change <= -STATS_CLEAR_CHANGE)
		return "clearly better";
	if (change >= STATS_CLEAR_CHANGE)
		return "clearly worse";
	if (change < 0)
		return "a little better";
	if (change > 0)
		return "a little worse";
	return "no change";
}

int
stats_pain_text(int before, int after, char *buf, size_t size)
{
	int n;

	if (size > 0)
		buf[0] = '\0';
	if (before < 0 || before > HISTORY_PAIN_MAX || after < 0 ||
	    after > HISTORY_PAIN_MAX)
		return 0;
	n = snprintf(buf, size, "pain %d -> %d (%s)", before, after,
	             stats_change_words(after - before));
	return n < 0 ? 0 : n;
}

static const char *const weekdays[] = {"Sun", "Mon", "Tue", "Wed",
                                       "Thu", "Fri", "Sat"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
                                     "May", "Jun", "Jul", "Aug",
                                     "Sep", "Oct", "Nov", "Dec"};

void
stats_day_text(long day, char *buf, size_t size)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, size, "%s %d %s", weekdays[civil_weekday(day)], d,
	         months[m - 1]);
}

void
stats_iso_date(long day, char *buf, size_t size)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

int
stats_nudge_text(const struct stats *s, char *buf, size_t size)
{
	const struct stats_nudge *n = &s->nudge;
	char when[32];
	int len = 0, k;

	if (size > 0)
		buf[0] = '\0';
	if (!n->due)
		return 0;
	if (n->days_rule)
		len = snprintf(buf, size, "%d/10 or more on %u days this week",
		               STATS_NUDGE_RATING, n->high_days);
	if (n->worst >= STATS_NUDGE_SEVERE && len >= 0 && (size_t)len < size) {
		if (n->worst_day == s->opt.today)
			snprintf(when, sizeof when, "today");
		else if (n->worst_day == s->opt.today - 1)
			snprintf(when, sizeof when, "yesterday");
		else {
			memcpy(when, "on ", 3);
			stats_day_text(n->worst_day, when + 3, sizeof when - 3);
		}
		k = snprintf(buf + len, size - (size_t)len, "%s%d/10 %s",
		             len > 0 ? ", and " : "", n->worst, when);
		len = k < 0 ? -1 : len + k;
	}
	return len < 0 ? 0 : len;
}

bool
stats_nudge_after_run(const struct stats *s, long last_shown)
{
	return s->nudge.due && last_shown != s->opt.today;
}

int
stats_streak_text(const struct stats *s, char *buf, size_t size)
{
	char best[40] = "";
	int n;

	if (s->best_streak > s->streak)
		snprintf(best, sizeof best, " (best %lu)", s->best_streak);
	if (s->streak == 0)
		n = snprintf(buf, size, "none yet%s; a run today starts one",
		             best);
	else if (!s->today_done)
		n = snprintf(buf, size, "%lu day%s%s; one today keeps it going",
		             s->streak, s->streak == 1 ? "" : "s", best);
	else
		n = snprintf(buf, size, "%lu day%s, today included%s",
		             s->streak, s->streak == 1 ? "" : "s", best);
	return n < 0 ? 0 : n;
}

long
stats_minutes(long long seconds)
{
	return (long)((seconds + 30) / 60);
}

long
stats_chart_top(const struct stats *s)
{
	/* round numbers whose halves are whole too, for the middle label */
	static const long steps[] = {2,  4,  6,  8,   10,  12,  16,  20,
	                             30, 40, 50, 60,  80,  100, 120, 160,
	                             200, 240, 300, 360, 480, 600, 720};
	long long most = 0;
	long top;
	size_t i;
	int d;

	for (d = 0; d < s->opt.days; d++)
		if (s->day[d].t.active_s > most)
			most = s->day[d].t.active_s;
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (steps[i] * 60 >= most)
			return steps[i];
	top = (long)((most + 3599) / 3600) * 60; /* whole hours beyond */
	return top;
}

int
stats_chart_eighths(const struct stats *s, int d, int rows, long top)
{
	long long a = s->day[d].t.active_s, full = (long long)top * 60;
	long long e;

	if (a <= 0 || full <= 0 || rows <= 0)
		return 0;
	e = (a * rows * 8 + full / 2) / full;
	if (e < 1)
		e = 1; /* a day with any activity shows */
	return e > rows * 8 ? rows * 8 : (int)e;
}
