/* test_engine: the run's state machine, driven by a fake clock (the engine
 * never reads one: every call is given "now" in milliseconds). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "engine.h"
#include "sources.h"
#include "timeline.h"

static const char exercises_yaml[] =
    "exercises:\n"
    "  - id: e-time\n"
    "    name: Timed\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    time: 30\n"
    "    steps: [Keep moving.]\n"
    "  - id: e-short\n"
    "    name: Short\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    time: 4\n"
    "    steps: [Quick.]\n"
    "  - id: e-hold\n"
    "    name: Held\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    hold: 10\n"
    "    reps: 3\n"
    "    steps: [Hold it.]\n"
    "  - id: e-breath\n"
    "    name: Breathed\n"
    "    kind: yoga\n"
    "    position: floor\n"
    "    breaths: 5\n"
    "    reps: 2\n"
    "    steps: [Breathe.]\n"
    "  - id: e-tempo\n"
    "    name: Tempo\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 10\n"
    "    tempo: 3\n"
    "    steps: [Lift.]\n"
    "  - id: e-self\n"
    "    name: Self-paced\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 8\n"
    "    steps: [At your own pace.]\n"
    "  - id: e-each-hold\n"
    "    name: Each side hold\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    sides: each\n"
    "    hold: 20\n"
    "    reps: 2\n"
    "    steps: [One side, then the other.]\n"
    "  - id: e-alt-hold\n"
    "    name: Alternating hold\n"
    "    kind: stretch\n"
    "    position: standing\n"
    "    sides: alternate\n"
    "    hold: 5\n"
    "    reps: 2\n"
    "    steps: [Left, right.]\n"
    "  - id: e-alt-tempo\n"
    "    name: Alternating tempo\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    sides: alternate\n"
    "    reps: 6\n"
    "    tempo: 2\n"
    "    steps: [Left, right.]\n"
    "  - id: e-sets\n"
    "    name: Sets\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 5\n"
    "    tempo: 2\n"
    "    sets: 3\n"
    "    rest: 20\n"
    "    steps: [Lift in sets.]\n"
    "presets:\n"
    "  - id: one\n"
    "    name: One timed move\n"
    "    items:\n"
    "      - exercise: e-time\n"
    "  - id: three\n"
    "    name: Three timed moves\n"
    "    items:\n"
    "      - exercise: e-time\n"
    "      - exercise: e-short\n"
    "      - exercise: e-time\n"
    "  - id: tempo\n"
    "    name: Tempo\n"
    "    items:\n"
    "      - exercise: e-tempo\n"
    "      - exercise: e-alt-tempo\n"
    "  - id: breath\n"
    "    name: Breath\n"
    "    items:\n"
    "      - exercise: e-breath\n"
    "  - id: self\n"
    "    name: Self-paced\n"
    "    items:\n"
    "      - exercise: e-time\n"
    "      - exercise: e-self\n"
    "      - exercise: e-time\n"
    "  - id: self-last\n"
    "    name: Self-paced last\n"
    "    items:\n"
    "      - exercise: e-self\n"
    "  - id: alt\n"
    "    name: Alternating holds\n"
    "    items:\n"
    "      - exercise: e-alt-hold\n"
    /* 100 + 41 + 108 + 35 + 94 + 34 + 75 + 113 s with 5 s get-ready
     * steps: exactly ten minutes */
    "  - id: ten\n"
    "    name: Ten minutes\n"
    "    items:\n"
    "      - exercise: e-time\n"
    "        time: 95\n"
    "      - exercise: e-hold\n"
    "      - exercise: e-breath\n"
    "      - exercise: e-tempo\n"
    "      - exercise: e-each-hold\n"
    "      - exercise: e-alt-hold\n"
    "      - exercise: e-sets\n"
    "      - exercise: e-time\n"
    "        time: 108\n";

struct fixture {
	struct catalog cat;
	struct timeline tl;
	bool built;
	struct engine *e;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diag d;

	if (f == NULL)
		return -1;
	catalog_init(&f->cat);
	if (catalog_add_data(&f->cat, "test.yaml",
			     (const unsigned char *)exercises_yaml,
			     strlen(exercises_yaml), &d) != 0 ||
	    catalog_finish(&f->cat, &d) != 0) {
		fprintf(stderr, "catalog: %s:%d: %s\n", d.file, d.line, d.msg);
		catalog_free(&f->cat);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	engine_free(f->e);
	if (f->built)
		timeline_free(&f->tl);
	catalog_free(&f->cat);
	free(f);
	return 0;
}

/* Builds preset id with get-ready steps of ready_s and starts an engine
 * on it at time `now`. */
static struct engine *
start(struct fixture *f, const char *id, unsigned ready_s, uint64_t now,
      unsigned flags)
{
	struct timeline_options opt;
	const struct preset *p = catalog_preset(&f->cat, id);

	assert_non_null(p);
	timeline_options_default(&opt);
	opt.ready_s = ready_s;
	assert_int_equal(timeline_build(p, &opt, &f->tl), 0);
	f->built = true;
	f->e = engine_new(&f->tl, now, flags);
	assert_non_null(f->e);
	return f->e;
}

static struct engine_snapshot
snap_at(const struct engine *e, uint64_t now)
{
	struct engine_snapshot s;

	engine_snapshot(e, now, &s);
	return s;
}

/* Updates at each deadline until the run is over; returns when it ended.
 * Fails if it waits for Enter or takes more wakes than it should. */
static uint64_t
run_to_end(struct engine *e, uint64_t now, uint32_t granularity,
	   size_t max_wakes)
{
	size_t wakes = 0;
	uint64_t d;

	while (!engine_over(e)) {
		d = engine_next_deadline(e, now, granularity);
		if (d == ENGINE_NO_DEADLINE)
			fail_msg("no deadline in state %d", engine_state(e));
		assert_true(d > now);
		now = d;
		engine_update(e, now);
		if (++wakes > max_wakes)
			fail_msg("more than %zu wakes", max_wakes);
	}
	return now;
}

/* ---- an uninterrupted run --------------------------------------------- */

static void
check_uninterrupted(const struct timeline *tl, uint64_t t0,
		    uint32_t granularity)
{
	struct engine *e = engine_new(tl, t0, 0);
	struct engine_snapshot s;
	uint64_t now = t0, d;
	size_t i, wakes = 0;
	unsigned began;

	assert_non_null(e);
	assert_int_equal(engine_state(e), ENGINE_RUNNING);
	for (i = 0; i < tl->count; i++) {
		/* each step starts exactly at its planned offset */
		s = snap_at(e, now);
		assert_int_equal(s.index, i);
		assert_int_equal(s.elapsed_ms, tl->steps[i].start_ms);
		assert_int_equal(s.step_elapsed_ms, 0);
		assert_int_equal(s.active_ms, tl->steps[i].start_ms);
		assert_int_equal(s.steps_done, i);
		assert_int_equal(s.remaining_ms, tl->steps[i].duration_ms);
		/* wake at every deadline up to the end of the step */
		do {
			d = engine_next_deadline(e, now, granularity);
			assert_true(d > now);
			assert_true(d <= t0 + tl->steps[i].start_ms +
					     tl->steps[i].duration_ms);
			now = d;
			began = engine_update(e, now);
			wakes++;
		} while (began == 0 && !engine_over(e));
		assert_true(began <= 1);
		assert_int_equal(now - t0, tl->steps[i].start_ms +
					       tl->steps[i].duration_ms);
	}
	assert_int_equal(engine_state(e), ENGINE_DONE);
	assert_true(engine_over(e));
	assert_int_equal(now - t0, tl->total_ms);
	if (granularity == 0)
		assert_int_equal(wakes, tl->count);
	assert_int_equal(engine_next_deadline(e, now, granularity),
			 ENGINE_NO_DEADLINE);
	s = snap_at(e, now + 12345);
	assert_int_equal(s.state, ENGINE_DONE);
	assert_int_equal(s.steps_done, tl->count);
	assert_int_equal(s.active_ms, tl->total_ms);
	assert_int_equal(s.elapsed_ms, tl->total_ms);
	assert_int_equal(s.total_ms, tl->total_ms);
	assert_int_equal(s.remaining_ms, 0);
	/* nothing moves once it is over */
	assert_int_equal(engine_update(e, now + 99999), 0);
	engine_free(e);
}

static void
test_builtin_uninterrupted(void **state)
{
	struct catalog cat;
	struct diag d;
	struct timeline_options opt;
	struct timeline tl;
	size_t i;

	(void)state;
	catalog_init(&cat);
	if (sources_add_builtin(&cat, &d) != 0 || catalog_finish(&cat, &d) != 0)
		fail_msg("built-in catalog: %s", d.msg);
	assert_true(cat.presets_count > 0);
	timeline_options_default(&opt);
	for (i = 0; i < cat.presets_count; i++) {
		assert_int_equal(timeline_build(cat.presets[i], &opt, &tl), 0);
		check_uninterrupted(&tl, 0, 0);
		check_uninterrupted(&tl, 987654321, 0);
		check_uninterrupted(&tl, 1001, 1000);
		timeline_free(&tl);
	}
	catalog_free(&cat);
}

static void
test_custom_uninterrupted(void **state)
{
	struct fixture *f = *state;
	static const char *const ids[] = {"one",    "three", "tempo",
					  "breath", "alt",   "ten"};
	size_t i;

	for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		start(f, ids[i], 5, 0, 0);
		check_uninterrupted(&f->tl, 5, 0);
		check_uninterrupted(&f->tl, 5, 1000);
		engine_free(f->e);
		f->e = NULL;
		timeline_free(&f->tl);
		f->built = false;
	}
}

/* ---- what the screen shows ---------------------------------------------- */

static void
test_countdown(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "one", 0, 1000, 0);
	struct engine_snapshot s;

	s = snap_at(e, 1000);
	assert_int_equal(s.state, ENGINE_RUNNING);
	assert_int_equal(s.remaining_s, 30);
	assert_int_equal(s.step_length_ms, 30000);
	assert_int_equal(snap_at(e, 1001).remaining_s, 30);
	assert_int_equal(snap_at(e, 1999).remaining_s, 30);
	assert_int_equal(snap_at(e, 2000).remaining_s, 29);
	assert_int_equal(snap_at(e, 30000).remaining_s, 1);
	assert_int_equal(snap_at(e, 30999).remaining_s, 1);
	s = snap_at(e, 16500);
	assert_int_equal(s.remaining_ms, 14500);
	assert_int_equal(s.remaining_s, 15);
	assert_int_equal(s.step_elapsed_ms, 15500);
	assert_int_equal(s.elapsed_ms, 15500);
	assert_int_equal(s.total_ms, 30000);
	/* a snapshot never goes below zero, even before the update */
	s = snap_at(e, 40000);
	assert_int_equal(s.remaining_s, 0);
	assert_int_equal(s.elapsed_ms, 30000);
	engine_update(e, 31000);
	assert_int_equal(engine_state(e), ENGINE_DONE);
}

static void
test_tempo_rep_count(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "tempo", 0, 0, 0);
	struct engine_snapshot s;
	unsigned k;

	for (k = 0; k < 10; k++) {
		assert_int_equal(snap_at(e, k * 3000).rep, k + 1);
		assert_int_equal(snap_at(e, k * 3000 + 2999).rep, k + 1);
	}
	s = snap_at(e, 29999);
	assert_int_equal(s.rep, 10);
	assert_int_equal(s.side, SIDE_NONE);
	assert_int_equal(s.step->reps, 10);
	/* a late snapshot never shows rep 11 of 10 */
	assert_int_equal(snap_at(e, 30000).rep, 10);
	assert_int_equal(engine_update(e, 30000), 1);
	s = snap_at(e, 30000);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.rep, 1);
}

static void
test_alternating_side(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "tempo", 0, 0, 0);
	struct engine_snapshot s;
	unsigned k;

	engine_update(e, 30000);
	s = snap_at(e, 30000);
	assert_int_equal(s.step->kind, STEP_REPS);
	assert_int_equal(s.step->side, SIDE_ALTERNATING);
	assert_int_equal(s.step->reps, 12);
	for (k = 0; k < 12; k++) {
		s = snap_at(e, 30000 + k * 2000 + 1000);
		assert_int_equal(s.rep, k + 1);
		assert_int_equal(s.side, k % 2 == 0 ? SIDE_LEFT : SIDE_RIGHT);
	}
}

static void
test_alternating_holds_side(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "alt", 0, 0, 0);
	enum side want[] = {SIDE_LEFT, SIDE_RIGHT, SIDE_LEFT, SIDE_RIGHT};
	size_t holds = 0;
	uint64_t now = 0;

	while (!engine_over(e)) {
		struct engine_snapshot s = snap_at(e, now);

		if (s.step->kind == STEP_HOLD) {
			assert_true(holds < 4);
			assert_int_equal(s.side, want[holds]);
			holds++;
		}
		now = engine_next_deadline(e, now, 0);
		engine_update(e, now);
	}
	assert_int_equal(holds, 4);
}

static void
test_breath_pacer(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "breath", 0, 0, 0);
	struct engine_snapshot s;
	unsigned b;

	s = snap_at(e, 0);
	assert_int_equal(s.step->kind, STEP_BREATHE);
	assert_int_equal(s.phase, BREATH_IN);
	assert_int_equal(s.breath, 1);
	assert_int_equal(s.phase_ms, 4000);
	assert_int_equal(s.phase_left_ms, 4000);
	s = snap_at(e, 3999);
	assert_int_equal(s.phase, BREATH_IN);
	assert_int_equal(s.phase_left_ms, 1);
	s = snap_at(e, 4000);
	assert_int_equal(s.phase, BREATH_OUT);
	assert_int_equal(s.phase_ms, 6000);
	assert_int_equal(s.phase_left_ms, 6000);
	assert_int_equal(s.breath, 1);
	s = snap_at(e, 9999);
	assert_int_equal(s.phase, BREATH_OUT);
	assert_int_equal(s.phase_left_ms, 1);
	for (b = 1; b <= 5; b++) {
		s = snap_at(e, (b - 1) * 10000 + 500);
		assert_int_equal(s.breath, b);
		assert_int_equal(s.phase, BREATH_IN);
		s = snap_at(e, (b - 1) * 10000 + 5000);
		assert_int_equal(s.breath, b);
		assert_int_equal(s.phase, BREATH_OUT);
	}
	/* the release between the breath holds has no pacer */
	engine_update(e, 50000);
	s = snap_at(e, 50000);
	assert_int_equal(s.step->kind, STEP_RELEASE);
	assert_int_equal(s.phase, BREATH_NONE);
	assert_int_equal(s.breath, 0);
	/* lengthened with +, the count stops at the last breath */
	engine_update(e, 53000);
	engine_adjust(e, 53000, ENGINE_ADJUST_MS);
	s = snap_at(e, 53000 + 55000);
	assert_int_equal(s.breath, 5);
}

/* ---- pause ------------------------------------------------------------ */

static void
test_pause_resume(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;
	uint64_t end;

	engine_pause(e, 10000);
	assert_int_equal(engine_state(e), ENGINE_PAUSED);
	assert_false(engine_over(e));
	assert_int_equal(engine_next_deadline(e, 10000, 0), ENGINE_NO_DEADLINE);
	assert_int_equal(engine_next_deadline(e, 10000, 1000),
			 ENGINE_NO_DEADLINE);
	/* time stands still while paused, even past the step's end */
	assert_int_equal(engine_update(e, 100000), 0);
	s = snap_at(e, 100000);
	assert_int_equal(s.state, ENGINE_PAUSED);
	assert_int_equal(s.index, 0);
	assert_int_equal(s.remaining_ms, 20000);
	assert_int_equal(s.elapsed_ms, 10000);
	assert_int_equal(s.active_ms, 10000);
	engine_pause(e, 110000); /* again: no change */
	assert_int_equal(snap_at(e, 120000).remaining_ms, 20000);
	engine_resume(e, 130000);
	assert_int_equal(engine_state(e), ENGINE_RUNNING);
	engine_resume(e, 135000); /* not paused: no change */
	assert_int_equal(engine_next_deadline(e, 130000, 0), 150000);
	s = snap_at(e, 140000);
	assert_int_equal(s.remaining_ms, 10000);
	assert_int_equal(s.active_ms, 20000);
	/* toggle twice, 5 s apart */
	engine_toggle_pause(e, 145000);
	assert_int_equal(engine_state(e), ENGINE_PAUSED);
	engine_toggle_pause(e, 150000);
	assert_int_equal(engine_state(e), ENGINE_RUNNING);
	end = run_to_end(e, 150000, 1000, 1000);
	assert_int_equal(end, f->tl.total_ms + 120000 + 5000);
	s = snap_at(e, end);
	assert_int_equal(s.active_ms, f->tl.total_ms);
	assert_int_equal(s.steps_done, f->tl.count);
}

/* A pause asked for after a deadline first finishes the steps that
 * ended before it. */
static void
test_pause_after_deadline(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;

	engine_pause(e, 31000);
	s = snap_at(e, 50000);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step_elapsed_ms, 1000);
	assert_int_equal(s.active_ms, 31000);
	assert_int_equal(s.steps_done, 1);
}

/* ---- next and back ---------------------------------------------------- */

static void
test_next_prev_first_step(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;

	/* back on the first step starts it again */
	engine_prev(e, 12000);
	s = snap_at(e, 12000);
	assert_int_equal(s.index, 0);
	assert_int_equal(s.step_elapsed_ms, 0);
	assert_int_equal(s.remaining_ms, 30000);
	assert_int_equal(engine_next_deadline(e, 12000, 0), 42000);
	/* next skips the rest of it; a skipped step is not done */
	engine_next(e, 20000);
	s = snap_at(e, 20000);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step_elapsed_ms, 0);
	assert_int_equal(s.elapsed_ms, 30000);
	assert_int_equal(s.steps_done, 0);
	assert_int_equal(s.active_ms, 20000);
	assert_int_equal(engine_next_deadline(e, 20000, 0), 24000);
	engine_prev(e, 21000);
	s = snap_at(e, 21000);
	assert_int_equal(s.index, 0);
	assert_int_equal(s.remaining_ms, 30000);
	assert_int_equal(s.elapsed_ms, 0);
}

static void
test_next_prev_during_ready(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 5, 0, 0);
	struct engine_snapshot s;

	s = snap_at(e, 0);
	assert_int_equal(s.step->kind, STEP_READY);
	/* next from get-ready goes to the move itself */
	engine_next(e, 2000);
	s = snap_at(e, 2000);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step->kind, STEP_TIMED);
	assert_int_equal(s.remaining_ms, 30000);
	/* finish the move: the next move's get-ready begins */
	engine_update(e, 32000);
	s = snap_at(e, 32000);
	assert_int_equal(s.index, 2);
	assert_int_equal(s.step->kind, STEP_READY);
	assert_string_equal(s.step->ex->id, "e-short");
	assert_int_equal(s.steps_done, 1);
	/* back from get-ready returns to the move before it, from its
	 * start */
	engine_prev(e, 33000);
	s = snap_at(e, 33000);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step->kind, STEP_TIMED);
	assert_int_equal(s.remaining_ms, 30000);
	assert_int_equal(s.elapsed_ms, 5000);
	assert_int_equal(engine_next_deadline(e, 33000, 0), 63000);
	/* a step done twice still counts once */
	engine_update(e, 63000);
	assert_int_equal(snap_at(e, 63000).steps_done, 1);
}

static void
test_next_prev_last_step(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;
	size_t last = f->tl.count - 1;

	engine_update(e, 30000);
	engine_update(e, 34000);
	s = snap_at(e, 34000);
	assert_int_equal(s.index, last);
	engine_prev(e, 35000);
	assert_int_equal(snap_at(e, 35000).index, last - 1);
	engine_next(e, 36000);
	assert_int_equal(snap_at(e, 36000).index, last);
	/* next on the last step ends the run, now */
	engine_next(e, 40000);
	assert_int_equal(engine_state(e), ENGINE_DONE);
	assert_true(engine_over(e));
	assert_int_equal(engine_next_deadline(e, 40000, 0), ENGINE_NO_DEADLINE);
	s = snap_at(e, 50000);
	assert_int_equal(s.state, ENGINE_DONE);
	assert_int_equal(s.active_ms, 40000);
	/* and nothing moves after that */
	engine_next(e, 51000);
	engine_prev(e, 52000);
	engine_pause(e, 53000);
	assert_int_equal(engine_state(e), ENGINE_DONE);
	assert_int_equal(snap_at(e, 54000).index, last);
}

static void
test_next_while_paused(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;

	engine_pause(e, 5000);
	engine_next(e, 8000);
	s = snap_at(e, 20000);
	assert_int_equal(s.state, ENGINE_PAUSED);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.remaining_ms, 4000);
	engine_prev(e, 21000);
	s = snap_at(e, 22000);
	assert_int_equal(s.state, ENGINE_PAUSED);
	assert_int_equal(s.index, 0);
	assert_int_equal(s.remaining_ms, 30000);
	engine_resume(e, 30000);
	assert_int_equal(engine_next_deadline(e, 30000, 0), 60000);
	assert_int_equal(snap_at(e, 30000).active_ms, 5000);
}

/* A step cut to nothing ends at once; back must still reach it and the
 * steps before it, and does it again as planned. */
static void
test_prev_past_cut_step(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;
	uint64_t total = f->tl.total_ms;

	engine_update(e, 30000);
	engine_adjust(e, 30000, -ENGINE_ADJUST_MS);
	s = snap_at(e, 30000);
	assert_int_equal(s.index, 2);
	assert_int_equal(s.total_ms, total - 4000);
	engine_prev(e, 31000);
	engine_update(e, 31500);
	s = snap_at(e, 31500);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step_length_ms, 4000);
	assert_int_equal(s.remaining_ms, 3500);
	assert_int_equal(s.total_ms, total);
	engine_prev(e, 32000);
	assert_int_equal(snap_at(e, 32000).index, 0);
}

/* ---- +10 s and -10 s --------------------------------------------------- */

static void
test_adjust(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;
	uint64_t total = f->tl.total_ms;

	engine_adjust(e, 5000, ENGINE_ADJUST_MS);
	s = snap_at(e, 5000);
	assert_int_equal(s.step_length_ms, 40000);
	assert_int_equal(s.remaining_ms, 35000);
	assert_int_equal(s.total_ms, total + 10000);
	assert_int_equal(engine_next_deadline(e, 5000, 0), 40000);
	engine_adjust(e, 6000, -ENGINE_ADJUST_MS);
	engine_adjust(e, 6000, -ENGINE_ADJUST_MS);
	s = snap_at(e, 6000);
	assert_int_equal(s.step_length_ms, 20000);
	assert_int_equal(s.total_ms, total - 10000);
	assert_int_equal(engine_next_deadline(e, 6000, 0), 20000);
	/* the plan itself is untouched */
	assert_int_equal(f->tl.steps[0].duration_ms, 30000);
	assert_int_equal(f->tl.total_ms, total);
	/* cut below what has passed: the step ends now */
	engine_adjust(e, 15000, -ENGINE_ADJUST_MS);
	s = snap_at(e, 15000);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step_elapsed_ms, 0);
	assert_int_equal(s.elapsed_ms, 15000);
	assert_int_equal(s.total_ms, total - 15000);
	assert_int_equal(s.steps_done, 1);
	assert_int_equal(s.active_ms, 15000);
	/* the rest runs as planned and the run is as long as the total */
	assert_int_equal(run_to_end(e, 15000, 0, 10), total - 15000);
	s = snap_at(e, total);
	assert_int_equal(s.active_ms, total - 15000);
	assert_int_equal(s.elapsed_ms, s.total_ms);
}

static void
test_adjust_while_paused(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "one", 0, 0, 0);
	struct engine_snapshot s;

	engine_pause(e, 25000);
	engine_adjust(e, 26000, ENGINE_ADJUST_MS);
	s = snap_at(e, 27000);
	assert_int_equal(s.state, ENGINE_PAUSED);
	assert_int_equal(s.remaining_ms, 15000);
	engine_adjust(e, 28000, -ENGINE_ADJUST_MS);
	engine_adjust(e, 28000, -ENGINE_ADJUST_MS);
	s = snap_at(e, 29000);
	assert_int_equal(s.remaining_ms, 0);
	assert_false(engine_over(e));
	/* ends as soon as it runs again */
	engine_resume(e, 40000);
	engine_update(e, 40000);
	assert_int_equal(engine_state(e), ENGINE_DONE);
	assert_int_equal(snap_at(e, 40000).active_ms, 25000);
}

static void
test_adjust_last_step_ends_run(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "one", 0, 0, 0);
	struct engine_snapshot s;

	engine_adjust(e, 5000, -ENGINE_ADJUST_MS);
	assert_int_equal(engine_state(e), ENGINE_RUNNING);
	assert_int_equal(engine_next_deadline(e, 5000, 0), 20000);
	/* cut again, below the 15 s passed: the run ends now */
	engine_adjust(e, 15000, -ENGINE_ADJUST_MS);
	assert_int_equal(engine_state(e), ENGINE_DONE);
	s = snap_at(e, 30000);
	assert_int_equal(s.active_ms, 15000);
	assert_int_equal(s.total_ms, 15000);
	assert_int_equal(s.steps_done, 1);
}

/* ---- self-paced steps ------------------------------------------------- */

static void
test_self_paced_waits(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "self", 0, 0, 0);
	struct engine_snapshot s;
	uint64_t total = f->tl.total_ms;

	engine_update(e, 30000);
	assert_int_equal(engine_state(e), ENGINE_WAITING);
	assert_int_equal(f->tl.steps[1].kind, STEP_SELF);
	assert_int_equal(engine_next_deadline(e, 30000, 0), ENGINE_NO_DEADLINE);
	assert_int_equal(engine_next_deadline(e, 30000, 1000),
			 ENGINE_NO_DEADLINE);
	/* well past its nominal 24 s it still waits */
	assert_int_equal(engine_update(e, 30000 + 100000), 0);
	s = snap_at(e, 130000);
	assert_int_equal(s.state, ENGINE_WAITING);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step_elapsed_ms, 100000);
	assert_int_equal(s.remaining_s, 0);
	/* + and - do nothing to a set that waits for Enter */
	engine_adjust(e, 130000, ENGINE_ADJUST_MS);
	assert_int_equal(snap_at(e, 130000).total_ms, total);
	/* Enter: the set took 40 s */
	engine_confirm(e, 70000 + 0);
	s = snap_at(e, 70000);
	assert_int_equal(s.state, ENGINE_RUNNING);
	assert_int_equal(s.index, 2);
	assert_int_equal(s.steps_done, 2);
	assert_int_equal(s.elapsed_ms, 70000);
	assert_int_equal(s.total_ms, total - 24000 + 40000);
	/* Enter on a timed step does nothing */
	engine_confirm(e, 71000);
	assert_int_equal(snap_at(e, 71000).index, 2);
	assert_int_equal(run_to_end(e, 71000, 0, 5), 100000);
	s = snap_at(e, 100000);
	assert_int_equal(s.active_ms, 100000);
	assert_int_equal(s.elapsed_ms, s.total_ms);
	assert_int_equal(s.steps_done, 3);
}

static void
test_self_paced_pause(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "self-last", 0, 0, 0);

	assert_int_equal(engine_state(e), ENGINE_WAITING);
	engine_pause(e, 1000);
	assert_int_equal(engine_state(e), ENGINE_PAUSED);
	engine_confirm(e, 2000); /* ignored while paused */
	assert_int_equal(engine_state(e), ENGINE_PAUSED);
	engine_resume(e, 11000);
	assert_int_equal(engine_state(e), ENGINE_WAITING);
	/* the last step confirmed ends the run */
	engine_confirm(e, 15000);
	assert_int_equal(engine_state(e), ENGINE_DONE);
	assert_int_equal(snap_at(e, 15000).active_ms, 5000);
	assert_int_equal(snap_at(e, 15000).total_ms, 5000);
}

static void
test_self_paced_nominal_flag(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "self", 0, 0, ENGINE_SELF_PACED_NOMINAL);

	engine_update(e, 30000);
	assert_int_equal(engine_state(e), ENGINE_RUNNING);
	assert_int_equal(engine_next_deadline(e, 30000, 0), 54000);
	assert_int_equal(run_to_end(e, 30000, 0, 3), f->tl.total_ms);
	assert_int_equal(f->tl.total_ms, 84000);
	assert_int_equal(snap_at(e, 84000).active_ms, 84000);
	assert_int_equal(snap_at(e, 84000).steps_done, 3);
}

static void
test_self_paced_set_nominal(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "self", 0, 0, 0);

	engine_update(e, 30000);
	assert_int_equal(engine_state(e), ENGINE_WAITING);
	/* input closed 10 s into the set: it ends at its nominal length */
	engine_set_nominal(e, true);
	assert_int_equal(engine_state(e), ENGINE_RUNNING);
	assert_int_equal(engine_next_deadline(e, 40000, 0), 54000);
	engine_update(e, 54000);
	assert_int_equal(snap_at(e, 54000).index, 2);
	engine_set_nominal(e, false);
	engine_prev(e, 55000);
	assert_int_equal(engine_state(e), ENGINE_WAITING);
}

/* Input closes long after the nominal length: the next step starts then,
 * not in the past. */
static void
test_self_paced_set_nominal_late(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "self", 0, 0, 0);
	struct engine_snapshot s;

	engine_update(e, 30000);
	engine_set_nominal(e, true);
	assert_int_equal(engine_update(e, 200000), 1);
	s = snap_at(e, 200000);
	assert_int_equal(s.index, 2);
	assert_int_equal(s.remaining_ms, 30000);
}

/* ---- quit --------------------------------------------------------------- */

static void
test_quit(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;

	engine_update(e, 30000);
	engine_quit(e, 32000);
	assert_int_equal(engine_state(e), ENGINE_QUIT);
	assert_true(engine_over(e));
	assert_int_equal(engine_next_deadline(e, 32000, 0), ENGINE_NO_DEADLINE);
	assert_int_equal(engine_update(e, 100000), 0);
	s = snap_at(e, 100000);
	assert_int_equal(s.state, ENGINE_QUIT);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.active_ms, 32000);
	assert_int_equal(s.steps_done, 1);
	/* quit is final */
	engine_resume(e, 100000);
	engine_next(e, 100000);
	engine_confirm(e, 100000);
	assert_int_equal(engine_state(e), ENGINE_QUIT);
}

static void
test_quit_while_paused(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);

	engine_pause(e, 10000);
	engine_quit(e, 90000);
	assert_int_equal(engine_state(e), ENGINE_QUIT);
	assert_int_equal(snap_at(e, 90000).active_ms, 10000);
}

/* ---- the clock: drift and lateness ------------------------------------ */

static uint64_t rng = 88172645463325252ull;

static unsigned
random_below(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Every wake comes 0-800 ms late (a busy machine, a slow terminal): the
 * steps still begin on plan and the run ends on time. */
static void
test_ten_minutes_with_late_wakes(void **state)
{
	struct fixture *f = *state;
	const uint64_t t0 = 5000;
	struct engine *e = start(f, "ten", 5, t0, 0);
	struct engine_snapshot s;
	uint64_t now = t0, d;
	size_t wakes = 0, index = 0;
	uint32_t gran[] = {0, 1000};

	assert_int_equal(f->tl.total_ms, 600000);
	while (!engine_over(e)) {
		d = engine_next_deadline(e, now, gran[wakes % 2]);
		assert_true(d != ENGINE_NO_DEADLINE);
		now = d + random_below(801);
		engine_update(e, now);
		wakes++;
		assert_true(wakes < 2000);
		if (engine_over(e))
			break;
		s = snap_at(e, now);
		/* never more than one step per wake */
		assert_true(s.index == index || s.index == index + 1);
		index = s.index;
		/* where the step began is where the plan says */
		assert_int_equal(now - s.step_elapsed_ms,
				 t0 + f->tl.steps[s.index].start_ms);
		assert_int_equal(s.elapsed_ms, now - t0);
	}
	s = snap_at(e, now);
	assert_int_equal(s.state, ENGINE_DONE);
	assert_true(now >= t0 + 600000 && now <= t0 + 600800);
	/* the last step ended at its deadline, not at the late wake */
	assert_true(s.active_ms >= 600000 - 1 && s.active_ms <= 600000 + 1);
	assert_int_equal(s.elapsed_ms, 600000);
	assert_int_equal(s.steps_done, f->tl.count);
}

/* The machine slept a minute: one step advances, the rest is not skipped
 * through unseen, and the minute is not exercise. */
static void
test_very_late_wake(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 5, 0, 0);
	struct engine_snapshot s;
	uint64_t total = f->tl.total_ms, end;

	assert_int_equal(engine_update(e, 5000 + 60000), 1);
	s = snap_at(e, 65000);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step_elapsed_ms, 0);
	assert_int_equal(s.remaining_ms, 30000);
	assert_int_equal(s.active_ms, 5000);
	assert_int_equal(s.steps_done, 1);
	assert_int_equal(engine_next_deadline(e, 65000, 0), 95000);
	end = run_to_end(e, 65000, 0, 10);
	assert_int_equal(end, total + 60000);
	assert_int_equal(snap_at(e, end).active_ms, total);
}

/* Late but within ENGINE_LATE_MS: the next step keeps its planned start. */
static void
test_slightly_late_wake(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "three", 0, 0, 0);
	struct engine_snapshot s;

	assert_int_equal(engine_update(e, 30000 + 1500), 1);
	s = snap_at(e, 31500);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.step_elapsed_ms, 1500);
	assert_int_equal(s.active_ms, 31500);
}

/* The last step's deadline long gone: the run is done, and ended then. */
static void
test_very_late_last_step(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "one", 0, 0, 0);

	engine_update(e, 30000 + 3600000);
	assert_int_equal(engine_state(e), ENGINE_DONE);
	assert_int_equal(snap_at(e, 3630000).active_ms, 30000);
	assert_int_equal(snap_at(e, 3630000).steps_done, 1);
}

static void
test_whole_second_deadlines(void **state)
{
	struct fixture *f = *state;
	const uint64_t t0 = 123;
	struct engine *e = start(f, "one", 0, t0, 0);
	uint64_t now, d;
	unsigned k;

	assert_int_equal(engine_next_deadline(e, t0, 1000), t0 + 1000);
	assert_int_equal(engine_next_deadline(e, t0 + 1, 1000), t0 + 1000);
	assert_int_equal(engine_next_deadline(e, t0 + 999, 1000), t0 + 1000);
	assert_int_equal(engine_next_deadline(e, t0 + 1000, 1000), t0 + 2000);
	assert_int_equal(engine_next_deadline(e, t0 + 29500, 1000), t0 + 30000);
	assert_int_equal(engine_next_deadline(e, t0, 0), t0 + 30000);
	/* at each deadline the countdown shows one second less */
	now = t0;
	for (k = 30; k > 0; k--) {
		d = engine_next_deadline(e, now, 1000);
		assert_int_equal(snap_at(e, d - 1).remaining_s, k);
		assert_int_equal(snap_at(e, d).remaining_s, k - 1);
		now = d;
	}
	assert_int_equal(now, t0 + 30000);
	/* a pause at an odd moment keeps the boundaries on the countdown */
	engine_pause(e, t0 + 10400);
	engine_resume(e, t0 + 20000);
	now = t0 + 20000;
	d = engine_next_deadline(e, now, 1000);
	assert_int_equal(d, now + 600);
	assert_int_equal(snap_at(e, d - 1).remaining_s, 20);
	assert_int_equal(snap_at(e, d).remaining_s, 19);
	/* past the deadline: now */
	assert_int_equal(engine_next_deadline(e, t0 + 60000, 1000), t0 + 60000);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_builtin_uninterrupted),
	    T(test_custom_uninterrupted),
	    T(test_countdown),
	    T(test_tempo_rep_count),
	    T(test_alternating_side),
	    T(test_alternating_holds_side),
	    T(test_breath_pacer),
	    T(test_pause_resume),
	    T(test_pause_after_deadline),
	    T(test_next_prev_first_step),
	    T(test_next_prev_during_ready),
	    T(test_next_prev_last_step),
	    T(test_next_while_paused),
	    T(test_prev_past_cut_step),
	    T(test_adjust),
	    T(test_adjust_while_paused),
	    T(test_adjust_last_step_ends_run),
	    T(test_self_paced_waits),
	    T(test_self_paced_pause),
	    T(test_self_paced_nominal_flag),
	    T(test_self_paced_set_nominal),
	    T(test_self_paced_set_nominal_late),
	    T(test_quit),
	    T(test_quit_while_paused),
	    T(test_ten_minutes_with_late_wakes),
	    T(test_very_late_wake),
	    T(test_slightly_late_wake),
	    T(test_very_late_last_step),
	    T(test_whole_second_deadlines),
	};

	return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}
