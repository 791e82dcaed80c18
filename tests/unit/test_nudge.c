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

/* One check-in: days before today, hour, the answers ("-" for none). */
struct row {
	int ago, hh;
	const char *before, *after;
};

/* Starts over with the rows (ended by one whose before is NULL): is the
 * nudge due?  st keeps the figures for more checks. */
static bool
scenario(const struct row *rows)
{
	stats_free(&st);
	start();
	for (; rows->before != NULL; rows++)
		checkin(rows->ago, rows->hh, rows->before, rows->after);
	return due();
}

static void
two_days_are_not_three(void **state)
{
	static const struct row two[] = {
		{0, 9, "5", "5"}, {0, 15, "6", "-"}, {1, 9, "7", "6"},
		{1, 10, "7", "6"}, {0, 0, NULL, NULL},
	};
	static const struct row three[] = {
		{0, 9, "5", "5"}, {1, 9, "7", "6"}, {6, 9, "4", "-"},
		{0, 0, NULL, NULL},
	};

	(void)state;
	assert_false(scenario(two));
	assert_int_equal(st.nudge.high_days, 2);
	assert_true(scenario(three));
	assert_int_equal(st.nudge.high_days, 3);
	assert_true(st.nudge.days_rule);
	assert_string_equal(text, "4/10 or more on 3 days this week");
}

static void
three_is_not_four(void **state)
{
	static const struct row threes[] = {
		{0, 9, "3", "3"}, {1, 9, "3", "3"}, {2, 9, "3", "3"},
		{0, 0, NULL, NULL},
	};
	static const struct row fours[] = {
		{0, 9, "4", "3"}, {1, 9, "4", "3"}, {2, 9, "4", "3"},
		{0, 0, NULL, NULL},
	};
	/* the after-ratings do not count for the days */
	static const struct row after[] = {
		{0, 9, "3", "6"}, {1, 9, "3", "6"}, {2, 9, "3", "6"},
		{0, 0, NULL, NULL},
	};

	(void)state;
	assert_false(scenario(threes));
	assert_int_equal(st.nudge.high_days, 0);
	assert_true(scenario(fours));
	assert_false(scenario(after));
}

static void
only_the_last_seven_days(void **state)
{
	static const struct row week_ago[] = {
		{7, 9, "6", "-"}, {8, 9, "6", "-"}, {9, 9, "6", "-"},
		{7, 10, "9", "9"}, {0, 0, NULL, NULL},
	};
	static const struct row edge[] = {
		{5, 9, "6", "-"}, {6, 9, "6", "-"}, {7, 9, "6", "-"},
		{0, 0, NULL, NULL},
	};

	(void)state;
	assert_false(scenario(week_ago));
	assert_false(scenario(edge));
	assert_int_equal(st.nudge.high_days, 2);
}

/* Before-ratings one a day, the last today (oldest first, NULL ends
 * them), or newest first when reversed: is the nudge due? */
static bool
due_for(const char *const ratings[], bool reversed)
{
	int n = 0, i;
	bool yes;

	while (ratings[n] != NULL)
		n++;
	start();
	for (i = 0; i < n; i++) {
		int k = reversed ? n - 1 - i : i;

		checkin(n - 1 - k, 9, ratings[k], "-");
	}
	yes = due();
	stats_free(&st);
	return yes;
}

static void
getting_lower_or_not(void **state)
{
	static const char *const better[] = {"7", "7", "7", "4", "4", "4", NULL};
	static const char *const worse[] = {"4", "4", "4", "7", "7", "7", NULL};
	/* one point either way: 17 against 16, and 16 against 17 */
	static const char *const up[] = {"5", "6", "5", "6", NULL};
	static const char *const down[] = {"6", "5", "6", "5", NULL};
	/* a low rating counts in the averages too */
	static const char *const low_last[] = {"5", "5", "5", "2", NULL};
	static const char *const low_first[] = {"2", "5", "5", "5", NULL};
	static const struct row steps_down[] = {
		{5, 9, "7", "-"}, {4, 9, "7", "-"}, {3, 9, "7", "-"},
		{2, 9, "4", "-"}, {1, 9, "4", "-"}, {0, 9, "4", "-"},
		{0, 0, NULL, NULL},
	};
	static const struct row last_high[] = {
		{2, 9, "4", "-"}, {1, 9, "4", "-"}, {0, 9, "7", "-"},
		{0, 0, NULL, NULL},
	};
	/* the same hour's order falls to the file: 2 then 5 */
	static const struct row same_hour[] = {
		{2, 9, "5", "-"}, {1, 9, "5", "-"}, {0, 9, "2", "-"},
		{0, 9, "5", "-"}, {0, 0, NULL, NULL},
	};

	(void)state;
	assert_false(due_for(better, false));
	/* written newest first: time decides, not the file */
	assert_false(due_for(better, true));
	assert_true(due_for(worse, false));
	assert_true(due_for(worse, true));
	assert_true(due_for(up, false));
	assert_false(due_for(down, false));
	assert_false(due_for(low_last, false));
	assert_true(due_for(low_first, false));
	/* the figures behind it */
	assert_false(scenario(steps_down));
	assert_int_equal(st.nudge.high_days, 6);
	assert_false(st.nudge.not_lower);
	assert_true(scenario(last_high));
	assert_string_equal(text, "4/10 or more on 3 days this week");
	assert_true(scenario(same_hour));
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
	static const struct row eight[] = {{0, 9, "8", "-"}, {0, 0, NULL, NULL}};
	static const struct row seven[] = {{0, 9, "7", "7"}, {0, 0, NULL, NULL}};
	/* after the run counts too */
	static const struct row after[] = {{1, 9, "5", "8"}, {0, 0, NULL, NULL}};
	/* the highest is named, and the latest day it was given */
	static const struct row highest[] = {
		{6, 9, "-", "10"}, {4, 9, "10", "9"}, {2, 9, "8", "-"},
		{0, 0, NULL, NULL},
	};
	static const struct row both[] = {
		{2, 9, "4", "-"}, {1, 9, "4", "-"}, {0, 9, "9", "-"},
		{0, 0, NULL, NULL},
	};
	static const struct row none[] = {{0, 9, "-", "-"}, {0, 0, NULL, NULL}};

	(void)state;
	assert_true(scenario(eight));
	assert_false(st.nudge.days_rule);
	assert_string_equal(text, "8/10 today");
	assert_false(scenario(seven));
	assert_true(scenario(after));
	assert_string_equal(text, "8/10 yesterday");
	assert_true(scenario(highest));
	assert_string_equal(text, "10/10 on Sat 11 May");
	assert_true(scenario(both));
	assert_string_equal(text,
	                    "4/10 or more on 3 days this week, and 9/10 today");
	assert_false(scenario(none));
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
	scratch_write("state/backease/nudge-shown", "yesterday\n", path,
	              sizeof path);
	assert_int_equal(nudge_state_read(path), -1);
	scratch_write("state/backease/nudge-shown", "2024-05-15x\n", path,
	              sizeof path);
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
