/* test_nudge: the see-a-doctor nudge of SPEC section 8 at each of its
 * edges, and the state file that keeps it to once a day after a run. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "civil.h"
#include "history.h"
#include "scratch.h"
#include "stats.h"
#include "stats_io.h"

/* Wednesday 15 May 2024. */
#define TODAY civil_days(2024, 5, 15)

static struct stats st;
static char text[256];

static void
start(void)
{
	struct stats_options opt = {TODAY, STATS_DAYS_DEFAULT, WEEK_MONDAY};

	assert_int_equal(stats_init(&st, &opt), 0);
}

/* A run `ago` days before today at hh:00 with these answers ("-" for
 * none). */
static void
checkin(long ago, int hh, const char *before, const char *after)
{
	struct history_entry h;
	char buf[HISTORY_LINE_MAX];
	int y, m, d;

	civil_from_days(TODAY - ago, &y, &m, &d);
	snprintf(buf, sizeof buf,
	         "%04d-%02d-%02dT%02d:00:00+01:00\tp\t60\t60\t1/1\tdone\t%s\t%s",
	         y, m, d, hh, before, after);
	assert_int_equal(history_parse(buf, &h), 0);
	stats_add(&st, &h);
}

/* Finishes and says whether the nudge is due, with its text in text. */
static bool
due(void)
{
	assert_int_equal(stats_finish(&st), 0);
	stats_nudge_text(&st, text, sizeof text);
	assert_true(st.nudge.due == (text[0] != '\0'));
	return st.nudge.due;
}

static int
teardown(void **state)
{
	(void)state;
	stats_free(&st);
	remove_scratch();
	return 0;
}

static void
two_days_are_not_three(void **state)
{
	(void)state;
	start();
	checkin(0, 9, "5", "5");
	checkin(0, 15, "6", "-");
	checkin(1, 9, "7", "6");
	checkin(1, 10, "7", "6");
	assert_false(due());
	assert_int_equal(st.nudge.high_days, 2);
	stats_free(&st);

	start();
	checkin(0, 9, "5", "5");
	checkin(1, 9, "7", "6");
	checkin(6, 9, "4", "-");
	assert_true(due());
	assert_int_equal(st.nudge.high_days, 3);
	assert_true(st.nudge.days_rule);
	assert_string_equal(text, "4/10 or more on 3 days this week");
}

static void
three_is_not_four(void **state)
{
	(void)state;
	start();
	checkin(0, 9, "3", "3");
	checkin(1, 9, "3", "3");
	checkin(2, 9, "3", "3");
	assert_false(due());
	assert_int_equal(st.nudge.high_days, 0);
	stats_free(&st);

	start();
	checkin(0, 9, "4", "3");
	checkin(1, 9, "4", "3");
	checkin(2, 9, "4", "3");
	assert_true(due());
	stats_free(&st);

	/* the after-ratings do not count for the days */
	start();
	checkin(0, 9, "3", "6");
	checkin(1, 9, "3", "6");
	checkin(2, 9, "3", "6");
	assert_false(due());
}

static void
only_the_last_seven_days(void **state)
{
	(void)state;
	start();
	checkin(7, 9, "6", "-");
	checkin(8, 9, "6", "-");
	checkin(9, 9, "6", "-");
	checkin(7, 10, "9", "9");
	assert_false(due());
	stats_free(&st);

	start();
	checkin(5, 9, "6", "-");
	checkin(6, 9, "6", "-");
	checkin(7, 9, "6", "-");
	assert_false(due());
	assert_int_equal(st.nudge.high_days, 2);
}

static void
getting_lower_or_not(void **state)
{
	(void)state;
	/* 7 7 7 then 4 4 4: better, no nudge */
	start();
	checkin(5, 9, "7", "-");
	checkin(4, 9, "7", "-");
	checkin(3, 9, "7", "-");
	checkin(2, 9, "4", "-");
	checkin(1, 9, "4", "-");
	checkin(0, 9, "4", "-");
	assert_false(due());
	assert_int_equal(st.nudge.high_days, 6);
	assert_false(st.nudge.not_lower);
	stats_free(&st);

	/* the same written newest first: time decides, not the file */
	start();
	checkin(0, 9, "4", "-");
	checkin(1, 9, "4", "-");
	checkin(2, 9, "4", "-");
	checkin(3, 9, "7", "-");
	checkin(4, 9, "7", "-");
	checkin(5, 9, "7", "-");
	assert_false(due());
	stats_free(&st);

	/* 4 4 4 then 7 7 7: worse */
	start();
	checkin(5, 9, "4", "-");
	checkin(4, 9, "4", "-");
	checkin(3, 9, "4", "-");
	checkin(2, 9, "7", "-");
	checkin(1, 9, "7", "-");
	checkin(0, 9, "7", "-");
	assert_true(due());
	assert_true(st.nudge.not_lower);
	assert_string_equal(text, "4/10 or more on 6 days this week");
	stats_free(&st);

	/* one point either way: 5 6 5 6 is not lower (17 vs 16) ... */
	start();
	checkin(3, 9, "5", "-");
	checkin(2, 9, "6", "-");
	checkin(1, 9, "5", "-");
	checkin(0, 9, "6", "-");
	assert_true(due());
	stats_free(&st);
	/* ... 6 5 6 5 is (16 vs 17) */
	start();
	checkin(3, 9, "6", "-");
	checkin(2, 9, "5", "-");
	checkin(1, 9, "6", "-");
	checkin(0, 9, "5", "-");
	assert_false(due());
	stats_free(&st);

	/* a low rating counts in the averages too: 5 5 5 2 is lower */
	start();
	checkin(3, 9, "5", "-");
	checkin(2, 9, "5", "-");
	checkin(1, 9, "5", "-");
	checkin(0, 9, "2", "-");
	assert_false(due());
	stats_free(&st);
	/* and the same hour's order falls to the file: 2 then 5 */
	start();
	checkin(2, 9, "5", "-");
	checkin(1, 9, "5", "-");
	checkin(0, 9, "2", "-");
	checkin(0, 9, "5", "-");
	assert_true(due());
}

/* Runs the five ratings (oldest first, one a day) in the order of
 * perm[], and checks that the nudge is due as want says. */
static void
in_order(const char *const ratings[5], const int perm[5], bool want)
{
	int i;

	start();
	for (i = 0; i < 5; i++)
		checkin(4 - perm[i], 9, ratings[perm[i]], "-");
	assert_true(due() == want);
	stats_free(&st);
}

/* Every order of the same five lines gives the same answer: the first
 * and latest three go by time, not by place in the file. */
static void
any_order_of_lines(void **state)
{
	static const char *const even[5] = {"4", "7", "5", "6", "5"};
	static const char *const lower[5] = {"4", "7", "4", "4", "6"};
	int perm[5], code, i, seen;

	(void)state;
	/* every 5-digit number in base 5 whose digits are all different */
	for (code = 0; code < 5 * 5 * 5 * 5 * 5; code++) {
		for (i = 0, seen = 0; i < 5; i++) {
			perm[i] = code / (int[]){1, 5, 25, 125, 625}[i] % 5;
			seen |= 1 << perm[i];
		}
		if (seen != 31)
			continue;
		in_order(even, perm, true);   /* 16 vs 16 */
		in_order(lower, perm, false); /* 15 vs 14 */
	}
}

static void
one_rating_of_eight(void **state)
{
	(void)state;
	start();
	checkin(0, 9, "8", "-");
	assert_true(due());
	assert_false(st.nudge.days_rule);
	assert_string_equal(text, "8/10 today");
	stats_free(&st);

	start();
	checkin(0, 9, "7", "7");
	assert_false(due());
	stats_free(&st);

	/* after the run counts too */
	start();
	checkin(1, 9, "5", "8");
	assert_true(due());
	assert_string_equal(text, "8/10 yesterday");
	stats_free(&st);

	/* the highest is named, and the latest day it was given */
	start();
	checkin(6, 9, "-", "10");
	checkin(4, 9, "10", "9");
	checkin(2, 9, "8", "-");
	assert_true(due());
	assert_string_equal(text, "10/10 on Sat 11 May");
	stats_free(&st);

	/* both rules */
	start();
	checkin(2, 9, "4", "-");
	checkin(1, 9, "4", "-");
	checkin(0, 9, "9", "-");
	assert_true(due());
	assert_string_equal(text,
	                    "4/10 or more on 3 days this week, and 9/10 today");
	stats_free(&st);

	/* no answers at all */
	start();
	checkin(0, 9, "-", "-");
	assert_false(due());
	assert_int_equal(st.nudge.worst, -1);
}

static void
once_a_day_after_a_run(void **state)
{
	(void)state;
	start();
	checkin(0, 9, "9", "9");
	assert_true(due());
	assert_true(stats_nudge_after_run(&st, -1));
	assert_true(stats_nudge_after_run(&st, TODAY - 1));
	assert_false(stats_nudge_after_run(&st, TODAY));
	stats_free(&st);

	start();
	checkin(0, 9, "2", "1");
	assert_false(due());
	assert_false(stats_nudge_after_run(&st, -1));
}

static void
state_file(void **state)
{
	struct diag d;
	char path[128], buf[64];
	FILE *f;

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/state/backease/nudge-shown", scratch);
	assert_int_equal(nudge_state_read(path), -1);
	assert_int_equal(nudge_state_write(path, TODAY, &d), 0);
	assert_int_equal(nudge_state_read(path), TODAY);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	assert_string_equal(buf, "2024-05-15\n");
	assert_int_equal(nudge_state_write(path, TODAY + 1, &d), 0);
	assert_int_equal(nudge_state_read(path), TODAY + 1);
	/* anything else is "never shown" */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("yesterday\n", f);
	fclose(f);
	assert_int_equal(nudge_state_read(path), -1);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("2024-05-15x\n", f);
	fclose(f);
	assert_int_equal(nudge_state_read(path), -1);
	/* a directory in the way */
	snprintf(path, sizeof path, "%s/state", scratch);
	assert_int_equal(nudge_state_write(path, TODAY, &d), -1);
	assert_true(d.msg[0] != '\0');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(two_days_are_not_three, teardown),
		cmocka_unit_test_teardown(three_is_not_four, teardown),
		cmocka_unit_test_teardown(only_the_last_seven_days, teardown),
		cmocka_unit_test_teardown(getting_lower_or_not, teardown),
		cmocka_unit_test_teardown(any_order_of_lines, teardown),
		cmocka_unit_test_teardown(one_rating_of_eight, teardown),
		cmocka_unit_test_teardown(once_a_day_after_a_run, teardown),
		cmocka_unit_test_teardown(state_file, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
