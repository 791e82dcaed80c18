/* test_remind: the reminder's schedule driven by a fake clock (monotonic
 * and boot time, so a suspend is a jump of one and not the other) and by
 * idle samples as the combined sources would give them (test_idle.c tests
 * the sources). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remind_schedule.h"

#define MIN 60000ull

static struct remind_clock clk;
static struct remind *r;

/* Time passes, awake. */
static void
tick(uint64_t ms)
{
	clk.mono_ms += ms;
	clk.boot_ms += ms;
}

/* The machine sleeps: only the boot clock moves. */
static void
suspend_for(uint64_t ms)
{
	clk.boot_ms += ms;
}

static void
at(uint64_t ms)
{
	assert_true(ms >= clk.mono_ms);
	tick(ms - clk.mono_ms);
}

static struct remind_config
config(bool count_idle)
{
	struct remind_config c;

	memset(&c, 0, sizeof c);
	c.every_ms = 45 * MIN;
	c.snooze_ms = 5 * MIN;
	c.break_min_ms = 5 * MIN;
	c.count_idle = count_idle;
	c.ring_every_ms = REMIND_RING_EVERY_MS;
	c.rings_again_max = REMIND_RINGS_AGAIN;
	return c;
}

static void
start(bool count_idle)
{
	struct remind_config c = config(count_idle);

	/* the clocks need not start at zero, nor together */
	clk.mono_ms = 0;
	clk.boot_ms = 123456;
	r = remind_new(&c, &clk);
	assert_non_null(r);
}

static int
teardown(void **state)
{
	(void)state;
	remind_free(r);
	r = NULL;
	return 0;
}

static struct remind_view
view(void)
{
	struct remind_view v;

	remind_view(r, clk.mono_ms, &v);
	return v;
}

static unsigned
sample(uint64_t idle_ms)
{
	struct remind_idle idle = {.known = true, .idle_ms = idle_ms};

	return remind_idle(r, &clk, &idle);
}

/* ---- due time, snooze, skip, pause, break ------------------------------ */

static void
test_due_time(void **state)
{
	(void)state;
	start(false);
	assert_int_equal(view().state, REMIND_WAITING);
	assert_int_equal(view().minutes, 45);
	assert_int_equal(view().due_ms, 45 * MIN);
	at(10 * MIN + 1);
	assert_int_equal(remind_update(r, &clk), 0);
	assert_int_equal(view().minutes, 35); /* 34:59.999, shown as 35 */
	at(45 * MIN - 1);
	assert_int_equal(remind_update(r, &clk), 0);
	assert_int_equal(view().seconds, 1);
	at(45 * MIN);
	assert_int_equal(remind_update(r, &clk),
			 REMIND_EV_DUE | REMIND_EV_CHANGED);
	assert_int_equal(view().state, REMIND_DUE);
	assert_int_equal(view().rings, 1);
	assert_int_equal(view().left_ms, 0);
	/* once only */
	tick(1000);
	assert_int_equal(remind_update(r, &clk), 0);
}

static void
test_snooze(void **state)
{
	(void)state;
	start(false);
	/* while waiting: the coming break moves 5 minutes */
	at(10 * MIN);
	assert_true(remind_snooze(r, &clk) & REMIND_EV_CHANGED);
	assert_int_equal(view().due_ms, 50 * MIN);
	/* once due: 5 minutes from now */
	at(50 * MIN);
	assert_true(remind_update(r, &clk) & REMIND_EV_DUE);
	at(52 * MIN);
	assert_true(remind_snooze(r, &clk) & REMIND_EV_CHANGED);
	assert_int_equal(view().state, REMIND_WAITING);
	assert_int_equal(view().due_ms, 57 * MIN);
	assert_int_equal(view().snoozed, 2);
	at(57 * MIN);
	assert_true(remind_update(r, &clk) & REMIND_EV_DUE);
}

static void
test_skip(void **state)
{
	(void)state;
	start(false);
	at(10 * MIN);
	assert_true(remind_skip(r, &clk) & REMIND_EV_CHANGED);
	assert_int_equal(view().due_ms, 90 * MIN);
	at(90 * MIN);
	assert_true(remind_update(r, &clk) & REMIND_EV_DUE);
	at(91 * MIN);
	assert_true(remind_skip(r, &clk) & REMIND_EV_CHANGED);
	assert_int_equal(view().state, REMIND_WAITING);
	assert_int_equal(view().due_ms, 136 * MIN);
	assert_int_equal(view().skipped, 2);
}

static void
test_pause_resume(void **state)
{
	(void)state;
	start(false);
	at(10 * MIN);
	assert_true(remind_pause(r, &clk) & REMIND_EV_CHANGED);
	assert_int_equal(view().state, REMIND_PAUSED);
	assert_int_equal(view().left_ms, 35 * MIN);
	assert_int_equal(remind_next_deadline(r, clk.mono_ms, 1000),
			 REMIND_NO_DEADLINE);
	/* time passes, nothing falls due; keys that do not apply do
	 * nothing */
	at(70 * MIN);
	assert_int_equal(remind_update(r, &clk), 0);
	assert_int_equal(remind_snooze(r, &clk), 0);
	assert_int_equal(view().left_ms, 35 * MIN);
	assert_true(remind_toggle_pause(r, &clk) & REMIND_EV_CHANGED);
	assert_int_equal(view().state, REMIND_WAITING);
	assert_int_equal(view().due_ms, 105 * MIN);
	/* a paused offer is offered again on resume */
	at(105 * MIN);
	assert_true(remind_update(r, &clk) & REMIND_EV_DUE);
	remind_pause(r, &clk);
	at(120 * MIN);
	assert_true(remind_resume(r, &clk) & REMIND_EV_DUE);
	assert_int_equal(view().state, REMIND_DUE);
}

static void
test_break_counts_from_its_end(void **state)
{
	(void)state;
	start(false);
	/* a break now, 10 minutes in */
	at(10 * MIN);
	assert_true(remind_break_start(r, &clk) & REMIND_EV_CHANGED);
	assert_int_equal(view().state, REMIND_BREAK);
	assert_int_equal(remind_next_deadline(r, clk.mono_ms, 1000),
			 REMIND_NO_DEADLINE);
	/* it lasts 4 minutes, and the laptop slept 10 during it: that is
	 * part of the break, not a second one */
	tick(2 * MIN);
	suspend_for(10 * MIN);
	tick(2 * MIN);
	assert_int_equal(remind_break_end(r, &clk, true), REMIND_EV_CHANGED);
	assert_int_equal(view().due_ms, 14 * MIN + 45 * MIN);
	assert_int_equal(view().taken, 1);
	tick(1000);
	assert_int_equal(remind_update(r, &clk), 0);
	/* from an offer too */
	at(59 * MIN);
	assert_true(remind_update(r, &clk) & REMIND_EV_DUE);
	remind_break_start(r, &clk);
	at(63 * MIN);
	remind_break_end(r, &clk, false);
	assert_int_equal(view().due_ms, 108 * MIN);
	assert_int_equal(view().taken, 1);
	/* ending a break that is not running does nothing */
	assert_int_equal(remind_break_end(r, &clk, true), 0);
}

/* ---- ringing --------------------------------------------------------------
 */

static void
test_ignored_offer_rings_three_times(void **state)
{
	unsigned rings = 0, ev;
	uint64_t t;

	(void)state;
	start(false);
	at(45 * MIN);
	assert_true(remind_update(r, &clk) & REMIND_EV_DUE);
	/* follow the deadlines as the loop would, for two hours */
	while ((t = remind_next_deadline(r, clk.mono_ms, 0)) !=
	       REMIND_NO_DEADLINE) {
		assert_true(t > clk.mono_ms);
		at(t);
		ev = remind_update(r, &clk);
		if (ev & REMIND_EV_RING) {
			rings++;
			assert_int_equal(clk.mono_ms, (45 + 5 * rings) * MIN);
		}
		assert_true(clk.mono_ms < 180 * MIN);
	}
	assert_int_equal(rings, 3);
	assert_int_equal(view().rings, 4);
	at(180 * MIN);
	assert_int_equal(remind_update(r, &clk), 0);
	assert_int_equal(view().state, REMIND_DUE); /* still offered */
}

static void
test_late_wake_rings_once(void **state)
{
	(void)state;
	start(false);
	at(45 * MIN);
	remind_update(r, &clk);
	at(62 * MIN); /* past three ring times at once */
	assert_int_equal(remind_update(r, &clk), REMIND_EV_RING);
	assert_int_equal(view().rings, 4);
	assert_int_equal(remind_next_deadline(r, clk.mono_ms, 0),
			 REMIND_NO_DEADLINE);
}

/* ---- the next wakeup ------------------------------------------------------
 */

/* Follows the deadlines from now until the break; counts the wakeups in
 * each minute before the last one. */
static unsigned
wakeups_before_last_minute(uint32_t granularity)
{
	uint64_t t, due = view().due_ms;
	unsigned wakes = 0, per_minute[64] = {0}, max = 0, i;

	while (clk.mono_ms < due) {
		t = remind_next_deadline(r, clk.mono_ms, granularity);
		assert_true(t > clk.mono_ms && t <= due);
		at(t);
		remind_update(r, &clk);
		if (remind_idle_wanted(r, clk.mono_ms))
			sample(0);
		if (due - clk.mono_ms >= MIN) {
			per_minute[clk.mono_ms / MIN]++;
			wakes++;
		}
	}
	for (i = 0; i < 64; i++)
		max = per_minute[i] > max ? per_minute[i] : max;
	assert_true(max <= 1);
	return wakes;
}

static void
test_deadlines_minutes(void **state)
{
	(void)state;
	/* nothing to show, idle not counted: one wakeup, at the due time */
	start(false);
	assert_int_equal(remind_next_deadline(r, 0, 0), 45 * MIN);
	remind_free(r);
	/* idle counted: the minute lines, where the samples are taken */
	start(true);
	assert_true(remind_idle_wanted(r, 0));
	sample(0);
	assert_false(remind_idle_wanted(r, 0));
	assert_int_equal(remind_next_deadline(r, 0, 0), 1 * MIN);
	assert_int_equal(remind_next_deadline(r, 30000, 0), 1 * MIN);
	assert_int_equal(wakeups_before_last_minute(0), 44);
	remind_free(r);
	/* a screen of minutes, then seconds: the same wakeups until the
	 * last minute */
	start(false);
	at(30000);
	assert_int_equal(wakeups_before_last_minute(1000), 44);
	remind_free(r);
	start(false);
	at(44 * MIN + 500);
	assert_int_equal(remind_next_deadline(r, clk.mono_ms, 1000),
			 44 * MIN + 1000);
	assert_int_equal(remind_next_deadline(r, clk.mono_ms, 60000), 45 * MIN);
	/* after a snooze the lines follow the new due time */
	remind_snooze(r, &clk);
	assert_int_equal(view().due_ms, 50 * MIN);
	assert_int_equal(remind_next_deadline(r, clk.mono_ms, 60000), 45 * MIN);
}

/* ---- natural breaks -------------------------------------------------------
 */

static void
test_suspend_counts_as_break(void **state)
{
	unsigned ev;

	(void)state;
	start(true);
	at(20 * MIN);
	suspend_for(120 * MIN);
	tick(1000);
	ev = remind_update(r, &clk);
	assert_int_equal(ev, REMIND_EV_WELCOME | REMIND_EV_CHANGED);
	assert_int_equal(view().welcome_ms, 120 * MIN);
	assert_int_equal(view().state, REMIND_WAITING);
	assert_int_equal(view().due_ms, 20 * MIN + 1000 + 45 * MIN);
	/* once */
	tick(1000);
	assert_int_equal(remind_update(r, &clk), 0);
}

static void
test_short_suspend_is_not_a_break(void **state)
{
	(void)state;
	start(true);
	at(20 * MIN);
	suspend_for(2 * MIN);
	tick(1000);
	assert_int_equal(remind_update(r, &clk), 0);
	/* the countdown did not move while asleep */
	assert_int_equal(view().due_ms, 45 * MIN);
}

static void
test_suspend_while_due_or_paused(void **state)
{
	(void)state;
	start(false);
	at(45 * MIN);
	remind_update(r, &clk);
	suspend_for(30 * MIN);
	assert_true(remind_update(r, &clk) & REMIND_EV_WELCOME);
	assert_int_equal(view().state, REMIND_WAITING);
	assert_int_equal(view().due_ms, 90 * MIN);
	remind_pause(r, &clk);
	suspend_for(30 * MIN);
	assert_true(remind_update(r, &clk) & REMIND_EV_WELCOME);
	assert_int_equal(view().state, REMIND_PAUSED);
	assert_int_equal(view().left_ms, 45 * MIN);
}

/* Samples every minute from..to (minutes) with the user's last input at
 * last_input, or active (idle 0) when last_input is later than now. */
static unsigned
samples(uint64_t from, uint64_t to, uint64_t last_input)
{
	unsigned ev = 0;
	uint64_t m;

	for (m = from; m <= to; m++) {
		at(m * MIN);
		ev |= remind_update(r, &clk);
		if (remind_idle_wanted(r, clk.mono_ms))
			ev |= sample(clk.mono_ms > last_input
					 ? clk.mono_ms - last_input
					 : 0);
	}
	return ev;
}

static void
test_idle_four_minutes_is_no_break(void **state)
{
	(void)state;
	start(true);
	sample(0);
	/* quiet from 10:00 to 14:00, then busy again */
	assert_int_equal(samples(1, 14, 10 * MIN), 0);
	assert_int_equal(samples(15, 20, 21 * MIN), 0);
	assert_false(view().away);
	assert_int_equal(view().due_ms, 45 * MIN);
	assert_int_equal(view().welcome_ms, 0);
}

static void
test_idle_six_minutes_is_a_break(void **state)
{
	unsigned ev;

	(void)state;
	start(true);
	sample(0);
	ev = samples(1, 15, 10 * MIN);
	assert_true(ev & REMIND_EV_AWAY); /* idle 5 minutes at 15:00 */
	assert_true(view().away);
	/* back at 16:00: the countdown starts again */
	ev = samples(16, 16, 16 * MIN);
	assert_int_equal(ev, REMIND_EV_WELCOME | REMIND_EV_CHANGED);
	assert_int_equal(view().welcome_ms, 6 * MIN);
	assert_false(view().away);
	assert_int_equal(view().due_ms, 16 * MIN + 45 * MIN);
}

static void
test_away_holds_the_offer(void **state)
{
	unsigned ev;

	(void)state;
	start(true);
	sample(0);
	/* gone from 38:00: away at 43:00, and nothing rings at 45:00 */
	ev = samples(1, 49, 38 * MIN);
	assert_true(ev & REMIND_EV_AWAY);
	assert_false(ev & (REMIND_EV_DUE | REMIND_EV_RING));
	assert_int_equal(view().state, REMIND_WAITING);
	/* back at 50:00: a 12-minute break, and a fresh countdown */
	ev = samples(50, 50, 50 * MIN);
	assert_true(ev & REMIND_EV_WELCOME);
	assert_int_equal(view().welcome_ms, 12 * MIN);
	assert_int_equal(view().due_ms, 95 * MIN);
}

static void
test_away_stops_the_rings(void **state)
{
	unsigned ev;

	(void)state;
	start(true);
	sample(0);
	ev = samples(1, 45, 46 * MIN);
	assert_true(ev & REMIND_EV_DUE);
	/* gone at 45:30: the offer rings at 50:00, then at 51:00 the user
	 * is seen away, and it rings no more */
	ev = samples(46, 51, 45 * MIN + 30000);
	assert_true(ev & REMIND_EV_RING);
	assert_true(ev & REMIND_EV_AWAY);
	ev = samples(52, 64, 45 * MIN + 30000);
	assert_false(ev & REMIND_EV_RING);
	assert_int_equal(view().state, REMIND_DUE);
}

static void
test_unknown_idle_said_once(void **state)
{
	struct remind_idle unknown = {.known = false};

	(void)state;
	start(true);
	assert_true(remind_idle(r, &clk, &unknown) & REMIND_EV_NO_IDLE);
	at(1 * MIN);
	assert_true(remind_idle_wanted(r, clk.mono_ms));
	assert_int_equal(remind_idle(r, &clk, &unknown), 0);
	/* nothing was counted */
	assert_false(view().away);
	assert_int_equal(view().due_ms, 45 * MIN);
}

static void
test_idle_off_never_sampled(void **state)
{
	(void)state;
	start(false);
	assert_false(remind_idle_wanted(r, 0));
	at(10 * MIN);
	assert_false(remind_idle_wanted(r, clk.mono_ms));
}

static void
test_break_words(void **state)
{
	char buf[48];

	(void)state;
	remind_break_words(12 * MIN, buf, sizeof buf);
	assert_string_equal(buf, "12-minute");
	remind_break_words(120 * MIN, buf, sizeof buf);
	assert_string_equal(buf, "2-hour");
	remind_break_words(65 * MIN + 20000, buf, sizeof buf);
	assert_string_equal(buf, "1-hour 5-minute");
	remind_break_words(10000, buf, sizeof buf);
	assert_string_equal(buf, "1-minute");
}

#define T(fn) cmocka_unit_test_teardown(fn, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_due_time),
	    T(test_snooze),
	    T(test_skip),
	    T(test_pause_resume),
	    T(test_break_counts_from_its_end),
	    T(test_ignored_offer_rings_three_times),
	    T(test_late_wake_rings_once),
	    T(test_deadlines_minutes),
	    T(test_suspend_counts_as_break),
	    T(test_short_suspend_is_not_a_break),
	    T(test_suspend_while_due_or_paused),
	    T(test_idle_four_minutes_is_no_break),
	    T(test_idle_six_minutes_is_a_break),
	    T(test_away_holds_the_offer),
	    T(test_away_stops_the_rings),
	    T(test_unknown_idle_said_once),
	    T(test_idle_off_never_sampled),
	    cmocka_unit_test(test_break_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
