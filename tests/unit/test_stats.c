/* test_stats: the figures of `backease stats` (SPEC section 9) on small
 * histories whose answers are counted by hand, and on a generated one of
 * 100,000 lines; the day arithmetic they rest on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "civil.h"
#include "history.h"
#include "scratch.h"
#include "stats.h"
#include "stats_io.h"

/* Wednesday 15 May 2024 is "today" unless a test says otherwise. */
#define TODAY civil_days(2024, 5, 15)

static struct stats st;

static void
start(long today, int days, enum week_start ws)
{
	struct stats_options opt = {today, days, ws};

	assert_int_equal(stats_init(&st, &opt), 0);
}

static void
line(const char *text)
{
	struct history_entry h;

	if (history_parse(text, &h) != 0)
		fail_msg("does not parse: %s", text);
	stats_add(&st, &h);
}

/* A run `ago` days before TODAY at hh:00 with the offset written. */
static void
run_at(long today, long ago, int hh, const char *offset, const char *preset,
       long active, bool done, const char *before, const char *after)
{
	char buf[HISTORY_LINE_MAX];
	int y, m, d;

	civil_from_days(today - ago, &y, &m, &d);
	snprintf(buf, sizeof buf,
	         "%04d-%02d-%02dT%02d:00:00%s\t%s\t600\t%ld\t1/2\t%s\t%s\t%s",
	         y, m, d, hh, offset, preset, active, done ? "done" : "quit",
	         before, after);
	line(buf);
}

static void
run(long ago, long active, bool done)
{
	run_at(TODAY, ago, 10, "+02:00", "warmup-6", active, done, "-", "-");
}

static int
teardown(void **state)
{
	(void)state;
	stats_free(&st);
	remove_scratch();
	return 0;
}

/* ---- day numbers --------------------------------------------------- */

static void
civil_dates(void **state)
{
	struct tm tm;
	time_t t;
	long z;
	int y, m, d;

	(void)state;
	assert_int_equal(civil_days(1970, 1, 1), 0);
	assert_int_equal(civil_days(1969, 12, 31), -1);
	assert_int_equal(civil_days(2000, 3, 1), 11017);
	assert_int_equal(civil_days(2024, 2, 29), 19782);
	assert_int_equal(civil_days(9999, 12, 31), 2932896);
	assert_int_equal(civil_weekday(0), 4);                       /* Thu */
	assert_int_equal(civil_weekday(TODAY), 3);                   /* Wed */
	assert_int_equal(civil_weekday(civil_days(2024, 5, 12)), 0); /* Sun */
	assert_int_equal(civil_weekday(-1), 3);
	assert_int_equal(civil_weekday(-7), 4);
	/* against the C library's own calendar, every 13th day to 9999 */
	for (z = 0; z <= 2932896; z += 13) {
		t = (time_t)z * 86400;
		assert_non_null(gmtime_r(&t, &tm));
		civil_from_days(z, &y, &m, &d);
		assert_int_equal(y, tm.tm_year + 1900);
		assert_int_equal(m, tm.tm_mon + 1);
		assert_int_equal(d, tm.tm_mday);
		assert_int_equal(civil_weekday(z), tm.tm_wday);
		assert_int_equal(civil_days(y, m, d), z);
	}
}

/* ---- streaks, weeks, the window ------------------------------------ */

static void
empty_history(void **state)
{
	char buf[128];
	int i;

	(void)state;
	start(TODAY, STATS_DAYS_DEFAULT, WEEK_MONDAY);
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.runs, 0);
	assert_int_equal(st.streak, 0);
	assert_int_equal(st.best_streak, 0);
	assert_false(st.today_done);
	assert_int_equal(st.week.done + st.week.quit + st.last_week.done, 0);
	assert_int_equal(st.window.done + st.window.quit, 0);
	assert_int_equal(st.presets_count, 0);
	assert_int_equal(st.pain.before_n + st.pain.after_n, 0);
	assert_false(st.nudge.due);
	assert_int_equal(st.day[13].day, TODAY);
	assert_int_equal(st.day[0].day, TODAY - 13);
	for (i = 0; i < 14; i++)
		assert_int_equal(st.day[i].t.done + st.day[i].t.quit, 0);
	stats_streak_text(&st, buf, sizeof buf);
	assert_string_equal(buf, "none yet; a run today starts one");
	assert_int_equal(stats_chart_top(&st), 2);
	assert_int_equal(stats_chart_eighths(&st, 13, 4, 2), 0);
}

static void
one_line(void **state)
{
	char buf[128];

	(void)state;
	start(TODAY, 14, WEEK_MONDAY);
	line("2024-05-15T08:30:00+02:00\twarmup-6\t360\t355\t12/12\tdone");
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.runs, 1);
	assert_true(st.today_done);
	assert_int_equal(st.streak, 1);
	assert_int_equal(st.best_streak, 1);
	assert_int_equal(st.week.done, 1);
	assert_int_equal(st.week.active_s, 355);
	assert_int_equal(st.last_week.done, 0);
	assert_int_equal(st.window.done, 1);
	assert_int_equal(st.day[13].t.done, 1);
	assert_int_equal(st.day[13].t.active_s, 355);
	assert_int_equal(st.day[12].t.done, 0);
	assert_int_equal(st.presets_count, 1);
	assert_string_equal(st.presets[0].id, "warmup-6");
	assert_int_equal(st.pain.before_n, 0); /* a six-field line */
	stats_streak_text(&st, buf, sizeof buf);
	assert_string_equal(buf, "1 day, today included");
	assert_int_equal(stats_minutes(st.week.active_s), 6);
}

static void
streak_broken_yesterday(void **state)
{
	char buf[128];

	(void)state;
	start(TODAY, 14, WEEK_MONDAY);
	run(2, 60, true);
	run(3, 60, true);
	run(4, 60, true);
	run(1, 60, false); /* a quit run keeps no streak */
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.streak, 0);
	assert_int_equal(st.best_streak, 3);
	assert_false(st.today_done);
	stats_streak_text(&st, buf, sizeof buf);
	assert_string_equal(buf, "none yet (best 3); a run today starts one");
}

static void
streak_alive_through_yesterday(void **state)
{
	char buf[128];

	(void)state;
	start(TODAY, 14, WEEK_MONDAY);
	run(1, 60, true);
	run(3, 60, true);
	run(2, 60, true);
	run(2, 60, false);
	run(0, 60, false); /* only a quit run today */
	assert_int_equal(stats_finish(&st), 0);
	assert_false(st.today_done);
	assert_int_equal(st.streak, 3);
	assert_int_equal(st.best_streak, 3);
	stats_streak_text(&st, buf, sizeof buf);
	assert_string_equal(buf, "3 days; one today keeps it going");
	stats_free(&st);

	/* the same with one today: four, today included */
	start(TODAY, 14, WEEK_MONDAY);
	run(1, 60, true);
	run(3, 60, true);
	run(2, 60, true);
	run(0, 60, true);
	assert_int_equal(stats_finish(&st), 0);
	assert_true(st.today_done);
	assert_int_equal(st.streak, 4);
	stats_streak_text(&st, buf, sizeof buf);
	assert_string_equal(buf, "4 days, today included");
}

static void
gap_of_a_month(void **state)
{
	long ago;

	(void)state;
	start(TODAY, 14, WEEK_MONDAY);
	for (ago = 45; ago >= 38; ago--) /* eight days in a row */
		run(ago, 120, true);
	run(1, 300, true);
	run(0, 240, true);
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.streak, 2);
	assert_int_equal(st.best_streak, 8);
	assert_int_equal(st.runs, 10);
	/* only the last two days are in the 14-day window */
	assert_int_equal(st.window.done, 2);
	assert_int_equal(st.window.active_s, 540);
	/* Monday 13 May to today: yesterday and today */
	assert_int_equal(st.week.done, 2);
	assert_int_equal(st.last_week.done, 0);
	assert_int_equal(st.first_day, TODAY - 45);
	assert_int_equal(st.last_day, TODAY);
}

/* Berlin: clocks go forward at 02:00 on 31 March 2024 and back at 03:00
 * on 27 October.  Each run counts on the date its line wrote. */
static void
days_across_dst(void **state)
{
	long today = civil_days(2024, 4, 1);

	(void)state;
	start(today, 7, WEEK_MONDAY);
	line("2024-03-30T23:30:00+01:00\tp\t60\t60\t1/1\tdone\t-\t-");
	line("2024-03-31T01:30:00+01:00\tp\t60\t60\t1/1\tdone\t-\t-");
	line("2024-03-31T03:30:00+02:00\tp\t60\t60\t1/1\tdone\t-\t-");
	line("2024-03-31T23:30:00+02:00\tp\t60\t60\t1/1\tquit\t-\t-");
	/* 22:10 UTC on the 31st, but the 1st of April in Berlin */
	line("2024-04-01T00:10:00+02:00\tp\t60\t60\t1/1\tdone\t-\t-");
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.day[6].day, today);
	assert_int_equal(st.day[6].t.done, 1);
	assert_int_equal(st.day[5].t.done, 2);
	assert_int_equal(st.day[5].t.quit, 1);
	assert_int_equal(st.day[4].t.done, 1);
	assert_int_equal(st.streak, 3);
	assert_true(st.today_done);
	stats_free(&st);

	/* the hour from 02:00 to 03:00 on 27 October comes twice */
	today = civil_days(2024, 10, 28);
	start(today, 7, WEEK_MONDAY);
	line("2024-10-27T02:30:00+02:00\tp\t60\t60\t1/1\tdone\t-\t-");
	line("2024-10-27T02:30:00+01:00\tp\t60\t60\t1/1\tdone\t-\t-");
	line("2024-10-27T23:59:59+01:00\tp\t60\t60\t1/1\tdone\t-\t-");
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.day[5].t.done, 3);
	assert_int_equal(st.day[6].t.done, 0);
	/* Sunday the 27th is last week's; Monday the 28th starts this one */
	assert_int_equal(st.week_first, today);
	assert_int_equal(st.last_week.done, 3);
	assert_int_equal(st.streak, 1);
	assert_false(st.today_done);
}

/* Lines written in Tokyo, New York, Honolulu and Kiritimati: each counts
 * on the date it wrote, which is not its date in UTC. */
static void
days_across_offsets(void **state)
{
	(void)state;
	start(TODAY, 7, WEEK_MONDAY);
	/* 22:00 and 23:00 UTC on the 13th */
	line("2024-05-14T07:00:00+09:00\tp\t60\t60\t1/1\tdone\t-\t-");
	line("2024-05-14T08:00:00+09:00\tp\t60\t60\t1/1\tdone\t-\t-");
	/* earlier in the file, later in time: 00:00 UTC on the 14th */
	line("2024-05-13T20:00:00-04:00\tp\t60\t60\t1/1\tdone\t-\t-");
	/* 04:30 UTC on the 13th */
	line("2024-05-12T18:30:00-10:00\tp\t60\t60\t1/1\tdone\t-\t-");
	/* 15:00 UTC on the 10th */
	line("2024-05-11T05:00:00+14:00\tp\t60\t60\t1/1\tquit\t-\t-");
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.day[6].t.done, 0); /* 15 May */
	assert_int_equal(st.day[5].t.done, 2); /* 14 May */
	assert_int_equal(st.day[4].t.done, 1); /* 13 May */
	assert_int_equal(st.day[3].t.done, 1); /* 12 May */
	assert_int_equal(st.day[2].t.quit, 1); /* 11 May */
	assert_int_equal(st.day[1].t.quit, 0);
	assert_int_equal(st.streak, 3);
	assert_false(st.today_done);
	assert_int_equal(st.week.done, 3);      /* Mon 13 May on */
	assert_int_equal(st.last_week.done, 1); /* Sunday the 12th */
	assert_int_equal(st.last_week.quit, 1);
}

/* A run dated after today (written in a zone ahead of this one) is in
 * no window, week or streak, but is one of the runs. */
static void
run_after_today(void **state)
{
	(void)state;
	start(TODAY, 7, WEEK_MONDAY);
	run(-1, 60, true);
	run(0, 60, true);
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.runs, 2);
	assert_int_equal(st.window.done, 1);
	assert_int_equal(st.week.done, 1);
	assert_int_equal(st.streak, 1);
	assert_int_equal(st.best_streak, 2);
}

static void
week_start_sunday(void **state)
{
	(void)state;
	/* Sun 12 May: this week for a Sunday start, last week for Monday */
	start(TODAY, 14, WEEK_SUNDAY);
	run(3, 60, true);  /* Sun 12 */
	run(9, 120, true); /* Mon 6 */
	run(10, 180, false); /* Sun 5 */
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.week_first, civil_days(2024, 5, 12));
	assert_int_equal(st.week.done, 1);
	assert_int_equal(st.week.active_s, 60);
	assert_int_equal(st.last_week.done, 1);
	assert_int_equal(st.last_week.quit, 1);
	assert_int_equal(st.last_week.active_s, 300);
	stats_free(&st);

	start(TODAY, 14, WEEK_MONDAY);
	run(3, 60, true);
	run(9, 120, true);
	run(10, 180, false);
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.week_first, civil_days(2024, 5, 13));
	assert_int_equal(st.week.done, 0);
	assert_int_equal(st.last_week.done, 2); /* Mon 6 to Sun 12 */
	assert_int_equal(st.last_week.quit, 0);
	assert_int_equal(st.last_week.active_s, 180);
	stats_free(&st);

	/* on a Sunday the Sunday week starts today, the Monday one
	 * six days ago */
	start(civil_days(2024, 5, 12), 7, WEEK_SUNDAY);
	assert_int_equal(st.week_first, civil_days(2024, 5, 12));
	stats_free(&st);
	start(civil_days(2024, 5, 12), 7, WEEK_MONDAY);
	assert_int_equal(st.week_first, civil_days(2024, 5, 6));
}

static void
window_sizes(void **state)
{
	struct stats_options opt = {TODAY, 6, WEEK_MONDAY};

	(void)state;
	assert_int_equal(stats_init(&st, &opt), -1);
	opt.days = 91;
	assert_int_equal(stats_init(&st, &opt), -1);
	opt.days = 90;
	assert_int_equal(stats_init(&st, &opt), 0);
	run(89, 60, true);
	run(90, 60, true);
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.day[0].day, TODAY - 89);
	assert_int_equal(st.day[0].t.done, 1);
	assert_int_equal(st.window.done, 1);
}

/* ---- presets, pain, the chart -------------------------------------- */

static void
presets_ranked(void **state)
{
	char id[32];
	int i;

	(void)state;
	start(TODAY, 14, WEEK_MONDAY);
	run_at(TODAY, 1, 9, "+00:00", "desk-break", 100, true, "-", "-");
	run_at(TODAY, 2, 9, "+00:00", "warmup-6", 360, true, "-", "-");
	run_at(TODAY, 3, 9, "+00:00", "desk-break", 50, false, "-", "-");
	run_at(TODAY, 4, 9, "+00:00", "warmup-6", 10, false, "-", "-");
	run_at(TODAY, 5, 9, "+00:00", "neck", 30, true, "-", "-");
	run_at(TODAY, 40, 9, "+00:00", "old-one", 900, true, "-", "-");
	/* forty more, to grow the table and its map past their first size */
	for (i = 0; i < 40; i++) {
		snprintf(id, sizeof id, "p-%02d", i);
		run_at(TODAY, 6, 9, "+00:00", id, 1, true, "-", "-");
	}
	run_at(TODAY, 6, 9, "+00:00", "p-07", 1, true, "-", "-");
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(st.presets_count, 43);
	/* two runs each: warmup-6 has more time; then p-07; then one run */
	assert_string_equal(st.presets[0].id, "warmup-6");
	assert_int_equal(st.presets[0].t.done, 1);
	assert_int_equal(st.presets[0].t.quit, 1);
	assert_int_equal(st.presets[0].t.active_s, 370);
	assert_string_equal(st.presets[1].id, "desk-break");
	assert_int_equal(st.presets[1].t.active_s, 150);
	assert_string_equal(st.presets[2].id, "p-07");
	assert_string_equal(st.presets[3].id, "neck");
	assert_string_equal(st.presets[4].id, "p-00");
	assert_string_equal(st.presets[42].id, "p-39");
	for (i = 0; i < (int)st.presets_count; i++)
		assert_string_not_equal(st.presets[i].id, "old-one");
}

static void
pain_averages(void **state)
{
	char buf[64];

	(void)state;
	start(TODAY, 14, WEEK_MONDAY);
	run_at(TODAY, 0, 9, "+01:00", "p", 60, true, "6", "3");
	run_at(TODAY, 0, 12, "+01:00", "p", 60, true, "5", "4");
	run_at(TODAY, 2, 9, "+01:00", "p", 60, true, "-", "2");
	run_at(TODAY, 3, 9, "+01:00", "p", 60, false, "4", "-");
	run_at(TODAY, 4, 9, "+01:00", "p", 60, true, "2", "5");
	run_at(TODAY, 20, 9, "+01:00", "p", 60, true, "8", "0"); /* outside */
	assert_int_equal(stats_finish(&st), 0);
	/* before 6 5 4 2, after 3 4 2 5, changes -3 -1 +3 */
	assert_int_equal(st.pain.before_n, 4);
	assert_int_equal(st.pain.before_sum, 17);
	assert_int_equal(st.pain.after_n, 4);
	assert_int_equal(st.pain.after_sum, 14);
	assert_int_equal(st.pain.change_n, 3);
	assert_int_equal(st.pain.change_sum, -1);
	assert_int_equal(st.pain.clearly_better, 1);
	assert_int_equal(st.pain.clearly_worse, 1);
	assert_true(stats_average(st.pain.before_sum, st.pain.before_n) == 4.25);
	/* the day's own answers */
	assert_int_equal(st.day[13].before_n, 2);
	assert_int_equal(st.day[13].before_sum, 11);
	assert_int_equal(st.day[13].after_sum, 7);
	assert_int_equal(st.day[11].before_n, 0);
	assert_int_equal(st.day[11].after_n, 1);
	/* how a change reads */
	assert_string_equal(stats_change_words(-2), "clearly better");
	assert_string_equal(stats_change_words(-1.99), "a little better");
	assert_string_equal(stats_change_words(0), "no change");
	assert_string_equal(stats_change_words(1), "a little worse");
	assert_string_equal(stats_change_words(2.5), "clearly worse");
	assert_int_equal(stats_pain_text(6, 3, buf, sizeof buf), 28);
	assert_string_equal(buf, "pain 6 -> 3 (clearly better)");
	stats_pain_text(5, 4, buf, sizeof buf);
	assert_string_equal(buf, "pain 5 -> 4 (a little better)");
	stats_pain_text(10, 10, buf, sizeof buf);
	assert_string_equal(buf, "pain 10 -> 10 (no change)");
	assert_int_equal(stats_pain_text(HISTORY_PAIN_NONE, 3, buf, sizeof buf),
	                 0);
	assert_string_equal(buf, "");
	assert_int_equal(stats_pain_text(4, 11, buf, sizeof buf), 0);
}

static void
chart_scale(void **state)
{
	(void)state;
	start(TODAY, 14, WEEK_MONDAY);
	run(0, 25 * 60, true);
	run(1, 15 * 60, true);
	run(2, 1, false);
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(stats_chart_top(&st), 30);
	assert_int_equal(stats_chart_eighths(&st, 13, 4, 30), 27); /* 26.7 */
	assert_int_equal(stats_chart_eighths(&st, 12, 4, 30), 16);
	assert_int_equal(stats_chart_eighths(&st, 11, 4, 30), 1);
	assert_int_equal(stats_chart_eighths(&st, 10, 4, 30), 0);
	stats_free(&st);
	/* beyond the table: whole hours */
	start(TODAY, 7, WEEK_MONDAY);
	run(0, 12 * 3600 + 1, true);
	assert_int_equal(stats_finish(&st), 0);
	assert_int_equal(stats_chart_top(&st), 780);
	assert_int_equal(stats_chart_eighths(&st, 6, 4, 780), 30);
}

/* ---- reading a file ------------------------------------------------- */

static void
malformed_lines_among_good(void **state)
{
	struct history_skips sk;
	struct diag d;
	char path[128];

	(void)state;
	scratch_write("history.tsv",
	              "2024-05-15T08:00:00+02:00\tp\t60\t60\t1/1\tdone\t3\t2\n"
	              "2024-05-15T09:00:00+02:00\tp\t60\t60\t1/1\tdone\t3\n"
	              "2024-05-14T08:00:00+02:00\tp\t60\t60\t1/1\tdone\n"
	              "\n"
	              "2024-05-13T08:00:00+02:00\tP\t60\t60\t1/1\tdone\n"
	              "2024-05-13T08:00:00+02:00\tp\t60\t60\t1/1\tdone\t-\t-\n"
	              "2024-05-12T08:00:00+02:00\tp\t60\t60\t1/1\tdone\t-\t-",
	              path, sizeof path);
	start(TODAY, 7, WEEK_MONDAY);
	assert_int_equal(stats_load(path, &st, &sk, &d), 0);
	assert_int_equal(sk.count, 4);
	assert_int_equal(sk.lines[0], 2);
	assert_int_equal(sk.lines[1], 4);
	assert_int_equal(sk.lines[2], 5);
	assert_int_equal(sk.lines[3], 7); /* cut short: no newline */
	assert_int_equal(st.runs, 3);
	assert_int_equal(st.streak, 3);
	assert_int_equal(st.pain.before_n, 1);
	stats_free(&st);

	/* a missing file is an empty history */
	snprintf(path, sizeof path, "%s/none.tsv", scratch);
	start(TODAY, 7, WEEK_MONDAY);
	assert_int_equal(stats_load(path, &st, &sk, &d), 0);
	assert_int_equal(st.runs, 0);
	assert_int_equal(sk.count, 0);
}

/* 100,000 lines, newest first: six runs a day for 16,667 days back from
 * today (one of them quit), and every 1,000th day from 500 days ago only
 * quit runs. */
static void
hundred_thousand_lines(void **state)
{
	enum { LINES = 100000, PER_DAY = 6 };
	struct history_skips sk;
	struct diag d;
	char path[128], text[HISTORY_LINE_MAX];
	struct history_entry h;
	FILE *f;
	long i, k;
	int n;

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/history.tsv", scratch);
	f = fopen(path, "w");
	assert_non_null(f);
	for (i = 0; i < LINES; i++) {
		k = i / PER_DAY;
		history_entry_init(&h);
		h.utc_offset_s = 3600;
		h.start = (TODAY - k) * 86400 + 8 * 3600 + (i % PER_DAY) * 600 -
		          3600;
		snprintf(h.preset, sizeof h.preset, "p%ld", i % 3);
		h.planned_s = 600;
		h.active_s = 60 * (i % PER_DAY + 1);
		h.steps_total = 2;
		h.steps_done = 1;
		h.done = i % PER_DAY != 5 && k % 1000 != 500;
		h.pain_before = (int)(i % 11);
		n = history_format(&h, text, sizeof text);
		assert_true(n > 0);
		fputs(text, f);
	}
	fclose(f);
	start(TODAY, 14, WEEK_MONDAY);
	assert_int_equal(stats_load(path, &st, &sk, &d), 0);
	assert_int_equal(sk.count, 0);
	assert_int_equal(st.runs, LINES);
	assert_int_equal(st.first_day, TODAY - (LINES - 1) / PER_DAY);
	assert_int_equal(st.streak, 500);
	assert_true(st.today_done);
	assert_int_equal(st.best_streak, 999);
	assert_int_equal(st.window.done, 14 * 5);
	assert_int_equal(st.window.quit, 14);
	assert_int_equal(st.window.active_s, 14 * 60 * 21);
	assert_int_equal(st.day[0].t.active_s, 60 * 21);
	/* Monday 13 May to today, and the week before */
	assert_int_equal(st.week.done, 3 * 5);
	assert_int_equal(st.last_week.done + st.last_week.quit, 7 * 6);
	assert_int_equal(st.presets_count, 3);
	assert_int_equal(st.presets[0].t.done + st.presets[0].t.quit, 28);
	/* lines 0..83 are the window: ratings i % 11 */
	assert_int_equal(st.pain.before_n, 84);
	assert_int_equal(st.pain.before_sum, 7 * 55 + (0 + 1 + 2 + 3 + 4 + 5 + 6));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(civil_dates, teardown),
		cmocka_unit_test_teardown(empty_history, teardown),
		cmocka_unit_test_teardown(one_line, teardown),
		cmocka_unit_test_teardown(streak_broken_yesterday, teardown),
		cmocka_unit_test_teardown(streak_alive_through_yesterday,
		                          teardown),
		cmocka_unit_test_teardown(gap_of_a_month, teardown),
		cmocka_unit_test_teardown(days_across_dst, teardown),
		cmocka_unit_test_teardown(days_across_offsets, teardown),
		cmocka_unit_test_teardown(run_after_today, teardown),
		cmocka_unit_test_teardown(week_start_sunday, teardown),
		cmocka_unit_test_teardown(window_sizes, teardown),
		cmocka_unit_test_teardown(presets_ranked, teardown),
		cmocka_unit_test_teardown(pain_averages, teardown),
		cmocka_unit_test_teardown(chart_scale, teardown),
		cmocka_unit_test_teardown(malformed_lines_among_good, teardown),
		cmocka_unit_test_teardown(hundred_thousand_lines, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
