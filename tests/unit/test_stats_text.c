/* test_stats_text: the stats as lines (stats_text.h), as the command and
 * the stats screen use them: counts match what is given, lines keep to
 * the width asked for, the chart's height and extras, the narrow preset
 * columns, ASCII outside UTF-8, and ids escaped. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "civil.h"
#include "history.h"
#include "stats.h"
#include "stats_text.h"
#include "text.h"

/* Wednesday 15 May 2024. */
#define TODAY civil_days(2024, 5, 15)

static struct stats st;

/* What a section gave. */
struct got {
	char lines[64][512];
	int kinds[64];
	int n;
};

static void
collect(void *ctx, enum stats_line_kind kind, const char *text)
{
	struct got *g = ctx;

	assert_true(g->n < 64);
	snprintf(g->lines[g->n], sizeof g->lines[0], "%s", text);
	g->kinds[g->n++] = (int)kind;
}

/* A run `ago` days before today with these answers ("-" for none). */
static void
add_run(long ago, const char *preset, long active, const char *before,
	const char *after)
{
	struct history_entry h;
	char buf[HISTORY_LINE_MAX];
	int y, m, d;

	civil_from_days(TODAY - ago, &y, &m, &d);
	snprintf(
	    buf, sizeof buf,
	    "%04d-%02d-%02dT10:00:00+00:00\t%s\t600\t%ld\t2/2\tdone\t%s\t%s", y,
	    m, d, preset, active, before, after);
	assert_int_equal(history_parse(buf, &h), 0);
	stats_add(&st, &h);
}

/* A history with every section: the nudge, presets, pain, a quit day. */
static int
setup(void **state)
{
	struct stats_options opt = {TODAY, STATS_DAYS_DEFAULT, WEEK_MONDAY};

	(void)state;
	assert_int_equal(stats_init(&st, &opt), 0);
	add_run(0, "warmup-6", 360, "6", "3");
	add_run(1, "desk-break", 200, "5", "4");
	add_run(2, "posture-reset-long", 900, "5", "5");
	add_run(3, "yoga", 1200, "9", "9");
	add_run(5, "desk-break", 60, "-", "-");
	assert_int_equal(stats_finish(&st), 0);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	stats_free(&st);
	return 0;
}

/* Every section at a width: the count without a callback is the lines
 * given, and no line is wider than the width (no word here is). */
static void
widths(void **state)
{
	/* the stats screen is 38 wide at 40 columns; below, ids have no room */
	static const int ws[] = {38, 40, 52, 53, 78, 80, 120};
	size_t i;
	int j, n;

	(void)state;
	for (i = 0; i < sizeof ws / sizeof ws[0]; i++) {
		struct got g = {0};
		struct stats_out o = {collect, &g, ws[i], true};
		struct stats_out c = {NULL, NULL, ws[i], true};

		n = stats_text_nudge(&st, &c) + stats_text_week(&st, &c) +
		    stats_text_chart(&st, &c, 4, true) +
		    stats_text_presets(&st, &c, 5) +
		    stats_text_pain(&st, &c, 3);
		stats_text_nudge(&st, &o);
		stats_text_week(&st, &o);
		stats_text_chart(&st, &o, 4, true);
		stats_text_presets(&st, &o, 5);
		stats_text_pain(&st, &o, 3);
		assert_int_equal(g.n, n);
		for (j = 0; j < g.n; j++)
			if ((int)text_columns(g.lines[j]) > ws[i])
				fail_msg("width %d: '%s'", ws[i], g.lines[j]);
	}
}

/* With no width, one line an item, as before the screens shared it. */
static void
no_width(void **state)
{
	struct got g = {0};
	struct stats_out o = {collect, &g, 0, true};

	(void)state;
	assert_int_equal(stats_text_week(&st, &o), 2);
	assert_string_equal(g.lines[0], "streak       4 days, today included");
	assert_string_equal(g.lines[1], "this week    24 min, 3 done, 0 quit  "
					"(last week: 21 min, 2 done, 0 quit)");
	g.n = 0;
	assert_int_equal(stats_text_presets(&st, &o, 2), 2);
	assert_string_equal(g.lines[0], "presets      desk-break              "
					"2 runs     4 min");
	assert_string_equal(g.lines[1], "             yoga                    "
					"1 run     20 min");
	g.n = 0;
	assert_int_equal(stats_text_pain(&st, &o, 3), 3);
	assert_string_equal(g.lines[0],
			    "pain         before 6.25, after 5.25 on average");
	assert_string_equal(g.lines[1],
			    "             change -1 per run (4 runs "
			    "with both): a little better");
	/* fewer lines when asked */
	assert_int_equal(stats_text_pain(&st, &o, 1), 1);
	assert_int_equal(stats_text_pain(&st, &o, 0), 0);
}

/* Narrow: the weeks a line each, the labels closer, ids cut to fit. */
static void
narrow(void **state)
{
	struct got g = {0};
	struct stats_out o = {collect, &g, 38, true};
	int i;

	(void)state;
	assert_int_equal(stats_text_week(&st, &o), 3);
	assert_string_equal(g.lines[1], "this week 24 min, 3 done, 0 quit");
	assert_string_equal(g.lines[2], "last week 21 min, 2 done, 0 quit");
	g.n = 0;
	assert_int_equal(stats_text_presets(&st, &o, 5), 4);
	for (i = 0; i < g.n; i++)
		assert_int_equal(text_columns(g.lines[i]), 38);
	assert_non_null(strstr(g.lines[2], "posture-r…"));
	assert_non_null(strstr(g.lines[0], "desk-break   2 runs    4 min"));
}

/* The chart: a title, rows of bars, the axis and initials; full adds the
 * dates and the key to the x marks. */
static void
chart(void **state)
{
	struct got g = {0};
	struct stats_out o = {collect, &g, 80, true};
	struct stats_out a = {collect, &g, 80, false};
	int i;

	(void)state;
	assert_int_equal(stats_text_chart(&st, &o, 4, false), 1 + 4 + 2);
	assert_int_equal(g.kinds[0], STATS_LINE_TITLE);
	assert_string_equal(g.lines[0], "active minutes, last 14 days");
	assert_non_null(strstr(g.lines[1], "20m ┤"));
	assert_non_null(strstr(g.lines[3], "10m ┤"));
	assert_non_null(strstr(g.lines[4], "█"));
	g.n = 0;
	assert_int_equal(stats_text_chart(&st, &o, 2, false), 1 + 2 + 2);
	assert_non_null(strstr(g.lines[1], "20m ┤"));
	assert_non_null(strstr(g.lines[2], "10m ┤"));
	g.n = 0;
	/* no quit-only day here: dates but no key */
	assert_int_equal(stats_text_chart(&st, &o, 4, true), 1 + 4 + 3);
	assert_non_null(strstr(g.lines[7], "2 May"));
	g.n = 0;
	stats_text_chart(&st, &a, 4, true);
	stats_text_week(&st, &a);
	for (i = 0; i < g.n; i++) {
		const unsigned char *p = (const unsigned char *)g.lines[i];

		for (; *p != '\0'; p++)
			if (*p >= 0x80)
				fail_msg("not ASCII: '%s'", g.lines[i]);
	}
	assert_non_null(strstr(g.lines[4], "#"));
}

/* The nudge: what it saw, then the advice wrapped under two spaces. */
static void
nudge(void **state)
{
	struct got g = {0};
	struct stats_out o = {collect, &g, 0, true};
	int i;

	(void)state;
	assert_true(st.nudge.due);
	assert_true(stats_text_nudge(&st, &o) >= 3);
	assert_int_equal(g.kinds[0], STATS_LINE_NUDGE);
	/* 5 and 6 lately after a 9: lower, so only the 9 counts */
	assert_string_equal(g.lines[0], "Your check-ins: 9/10 on Sun 12 May.");
	for (i = 1; i < g.n; i++) {
		assert_int_equal(g.kinds[i], STATS_LINE_ADVICE);
		assert_memory_equal(g.lines[i], "  ", 2);
		assert_true(text_columns(g.lines[i]) <= 76);
	}
	assert_non_null(strstr(g.lines[1], "doctor"));
}

/* An id with a control character (history_parse would refuse it; an
 * entry can still be made by hand) is escaped. */
static void
escaped_id(void **state)
{
	struct stats_options opt = {TODAY, STATS_DAYS_DEFAULT, WEEK_MONDAY};
	struct history_entry h;
	struct stats s;
	struct got g = {0};
	struct stats_out o = {collect, &g, 0, true};

	(void)state;
	assert_int_equal(stats_init(&s, &opt), 0);
	history_entry_init(&h);
	h.start = (time_t)TODAY * 86400 + 36000;
	h.local_day = TODAY;
	snprintf(h.preset, sizeof h.preset, "bad\033[2Jid");
	h.active_s = 60;
	h.done = true;
	stats_add(&s, &h);
	assert_int_equal(stats_finish(&s), 0);
	assert_int_equal(stats_text_presets(&s, &o, 5), 1);
	assert_null(strchr(g.lines[0], '\033'));
	assert_non_null(strstr(g.lines[0], "bad\\x1b[2Jid"));
	stats_free(&s);
}

static void
empty(void **state)
{
	struct got g = {0};
	struct stats_out o = {collect, &g, 40, true};
	int i;

	(void)state;
	assert_true(stats_text_empty(&o) >= 2);
	for (i = 0; i < g.n; i++)
		assert_true(text_columns(g.lines[i]) <= 40);
	assert_non_null(strstr(g.lines[0], "No runs yet."));
}

static void
decimals(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(stats_text_decimal(5.5, buf, sizeof buf), "5.5");
	assert_string_equal(stats_text_decimal(-0.1666, buf, sizeof buf),
			    "-0.17");
	assert_string_equal(stats_text_decimal(3, buf, sizeof buf), "3");
	assert_string_equal(stats_text_decimal(-2, buf, sizeof buf), "-2");
	assert_string_equal(stats_text_decimal(0.05, buf, sizeof buf), "0.05");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(widths, setup, teardown),
	    cmocka_unit_test_setup_teardown(no_width, setup, teardown),
	    cmocka_unit_test_setup_teardown(narrow, setup, teardown),
	    cmocka_unit_test_setup_teardown(chart, setup, teardown),
	    cmocka_unit_test_setup_teardown(nudge, setup, teardown),
	    cmocka_unit_test(escaped_id),
	    cmocka_unit_test(empty),
	    cmocka_unit_test(decimals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
