/* test_timeline: presets expand into the steps SPEC section 3 describes,
 * and the plan's numbers add up. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "sources.h"
#include "timeline.h"
#include "timing.h"

/* One exercise per way of timing a move; each test's preset uses them. */
static const char exercises_yaml[] =
    "exercises:\n"
    "  - id: t-time\n"
    "    name: Timed\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    time: 30\n"
    "    steps: [Move continuously., Keep going.]\n"
    "  - id: t-hold\n"
    "    name: Held\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    hold: 10\n"
    "    reps: 3\n"
    "    steps: [Hold it.]\n"
    "  - id: t-breath\n"
    "    name: Breathed\n"
    "    kind: yoga\n"
    "    position: floor\n"
    "    breaths: 5\n"
    "    reps: 2\n"
    "    steps: [Breathe.]\n"
    "  - id: t-tempo\n"
    "    name: Tempo\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 10\n"
    "    tempo: 3\n"
    "    steps: [Lift.]\n"
    "  - id: t-self\n"
    "    name: Self-paced\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 8\n"
    "    steps: [At your own pace.]\n"
    "  - id: t-each-hold\n"
    "    name: Each side hold\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    sides: each\n"
    "    hold: 20\n"
    "    reps: 2\n"
    "    steps: [One side, then the other.]\n"
    "  - id: t-each-time\n"
    "    name: Each side timed\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    sides: each\n"
    "    time: 15\n"
    "    sets: 2\n"
    "    rest: 10\n"
    "    steps: [Side to side.]\n"
    "  - id: t-alt-hold\n"
    "    name: Alternating hold\n"
    "    kind: stretch\n"
    "    position: standing\n"
    "    sides: alternate\n"
    "    hold: 5\n"
    "    reps: 2\n"
    "    steps: [Left, right.]\n"
    "  - id: t-alt-tempo\n"
    "    name: Alternating tempo\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    sides: alternate\n"
    "    reps: 6\n"
    "    tempo: 2\n"
    "    steps: [Left, right.]\n"
    "  - id: t-sets\n"
    "    name: Sets\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 5\n"
    "    tempo: 2\n"
    "    sets: 3\n"
    "    rest: 20\n"
    "    steps: [Lift in sets.]\n"
    "  - id: t-sets-norest\n"
    "    name: Sets without rest\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 5\n"
    "    tempo: 2\n"
    "    sets: 2\n"
    "    rest: 0\n"
    "    steps: [Lift, no rest.]\n";

struct fixture {
	struct catalog cat;
	struct timeline tl;
	struct timeline_options opt;
	bool built;
};

/* Loads the exercises plus `presets` (YAML text starting "presets:"). */
static void
load(struct fixture *f, const char *presets)
{
	struct diag d;
	char *yaml;
	size_t n = strlen(exercises_yaml) + strlen(presets) + 1;

	yaml = malloc(n);
	assert_non_null(yaml);
	snprintf(yaml, n, "%s%s", exercises_yaml, presets);
	catalog_init(&f->cat);
	if (catalog_add_data(&f->cat, "test.yaml", (const unsigned char *)yaml,
			     strlen(yaml), &d) != 0 ||
	    catalog_finish(&f->cat, &d) != 0)
		fail_msg("catalog: %s:%d: %s", d.file, d.line, d.msg);
	free(yaml);
}

/* A preset of one item with no get-ready step, built into f->tl. */
static void
build(struct fixture *f, const char *presets, const char *id)
{
	const struct preset *p;

	load(f, presets);
	p = catalog_preset(&f->cat, id);
	assert_non_null(p);
	assert_int_equal(timeline_build(p, &f->opt, &f->tl), 0);
	f->built = true;
}

static void
build_one(struct fixture *f, const char *exercise)
{
	char yaml[256];

	snprintf(yaml, sizeof yaml,
		 "presets:\n"
		 "  - id: p\n"
		 "    name: P\n"
		 "    items:\n"
		 "      - exercise: %s\n",
		 exercise);
	build(f, yaml, "p");
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	timeline_options_default(&f->opt);
	f->opt.ready_s = 0;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f->built)
		timeline_free(&f->tl);
	catalog_free(&f->cat);
	free(f);
	return 0;
}

/* Every step starts where the one before ended, none is empty, and the
 * total is their sum; the moves cover the steps in order. */
static void
check_consistent(const struct timeline *tl)
{
	uint64_t at = 0;
	size_t i, m, next = 0;

	assert_true(tl->count > 0);
	for (i = 0; i < tl->count; i++) {
		const struct step *s = &tl->steps[i];

		assert_int_equal(s->start_ms, at);
		assert_true(s->duration_ms > 0);
		assert_non_null(s->ex);
		assert_non_null(s->instruction);
		assert_true(s->move >= 1 && s->move <= s->moves);
		assert_int_equal(s->moves, tl->moves_count);
		assert_true(s->set >= 1 && s->set <= s->sets);
		at += s->duration_ms;
	}
	assert_int_equal(tl->total_ms, at);
	for (m = 0; m < tl->moves_count; m++) {
		const struct timeline_move *mv = &tl->moves[m];
		uint64_t sum = 0;

		assert_int_equal(mv->first_step, next);
		assert_true(mv->steps > 0);
		assert_int_equal(mv->start_ms, tl->steps[next].start_ms);
		for (i = next; i < next + mv->steps; i++) {
			assert_int_equal(tl->steps[i].move, m + 1);
			assert_ptr_equal(tl->steps[i].ex, mv->ex);
			sum += tl->steps[i].duration_ms;
		}
		assert_int_equal(mv->duration_ms, sum);
		next += mv->steps;
	}
	assert_int_equal(next, tl->count);
}

/* Checks step i's kind, length, side and rep. */
static void
check_step(const struct timeline *tl, size_t i, enum step_kind kind,
	   uint32_t ms, enum side side, unsigned rep, unsigned reps)
{
	const struct step *s;

	assert_true(i < tl->count);
	s = &tl->steps[i];
	if (s->kind != kind || s->duration_ms != ms || s->side != side ||
	    s->rep != rep || s->reps != reps)
		fail_msg("step %zu: kind %d %u ms side %d rep %u of %u; "
			 "expected kind %d %u ms side %d rep %u of %u",
			 i, s->kind, s->duration_ms, s->side, s->rep, s->reps,
			 kind, ms, side, rep, reps);
}

static void
test_time(void **state)
{
	struct fixture *f = *state;

	build_one(f, "t-time");
	assert_int_equal(f->tl.count, 1);
	check_step(&f->tl, 0, STEP_TIMED, 30000, SIDE_NONE, 0, 0);
	assert_string_equal(f->tl.steps[0].ex->id, "t-time");
	assert_int_equal(f->tl.total_ms, 30000);
	assert_int_equal(f->tl.self_paced, 0);
	check_consistent(&f->tl);
}

static void
test_hold_reps_with_releases(void **state)
{
	struct fixture *f = *state;

	build_one(f, "t-hold");
	assert_int_equal(f->tl.count, 5);
	check_step(&f->tl, 0, STEP_HOLD, 10000, SIDE_NONE, 1, 3);
	check_step(&f->tl, 1, STEP_RELEASE, 3000, SIDE_NONE, 1, 3);
	check_step(&f->tl, 2, STEP_HOLD, 10000, SIDE_NONE, 2, 3);
	check_step(&f->tl, 3, STEP_RELEASE, 3000, SIDE_NONE, 2, 3);
	check_step(&f->tl, 4, STEP_HOLD, 10000, SIDE_NONE, 3, 3);
	assert_int_equal(f->tl.total_ms, 3 * 10000 + 2 * 3000);
	check_consistent(&f->tl);
}

static void
test_breaths(void **state)
{
	struct fixture *f = *state;
	const struct step *s;

	build_one(f, "t-breath");
	assert_int_equal(f->tl.count, 3);
	check_step(&f->tl, 0, STEP_BREATHE, 5 * 10000, SIDE_NONE, 1, 2);
	check_step(&f->tl, 1, STEP_RELEASE, 3000, SIDE_NONE, 1, 2);
	check_step(&f->tl, 2, STEP_BREATHE, 5 * 10000, SIDE_NONE, 2, 2);
	s = &f->tl.steps[0];
	assert_int_equal(s->breaths, 5);
	assert_int_equal(s->inhale_ms, 4000);
	assert_int_equal(s->exhale_ms, 6000);
	assert_int_equal(f->tl.total_ms, 103000);
	check_consistent(&f->tl);
}

static void
test_custom_breath_pace(void **state)
{
	struct fixture *f = *state;

	f->opt.inhale_s = 3;
	f->opt.exhale_s = 5;
	build_one(f, "t-breath");
	check_step(&f->tl, 0, STEP_BREATHE, 5 * 8000, SIDE_NONE, 1, 2);
	assert_int_equal(f->tl.steps[0].inhale_ms, 3000);
	assert_int_equal(f->tl.steps[0].exhale_ms, 5000);
	assert_int_equal(f->tl.steps[2].inhale_ms, 3000);
	assert_int_equal(f->tl.total_ms, 2 * 40000 + 3000);
	check_consistent(&f->tl);
}

static void
test_tempo_reps(void **state)
{
	struct fixture *f = *state;

	build_one(f, "t-tempo");
	assert_int_equal(f->tl.count, 1);
	check_step(&f->tl, 0, STEP_REPS, 30000, SIDE_NONE, 0, 10);
	assert_int_equal(f->tl.steps[0].tempo_ms, 3000);
	assert_int_equal(f->tl.self_paced, 0);
	check_consistent(&f->tl);
}

static void
test_self_paced_nominal(void **state)
{
	struct fixture *f = *state;

	build_one(f, "t-self");
	assert_int_equal(f->tl.count, 1);
	check_step(&f->tl, 0, STEP_SELF, 8 * TIMING_SELF_REP_S * 1000u,
		   SIDE_NONE, 0, 8);
	assert_int_equal(TIMING_SELF_REP_S, 3);
	assert_int_equal(f->tl.total_ms, 24000);
	assert_int_equal(f->tl.self_paced, 1);
	check_consistent(&f->tl);
}

static void
test_sides_each(void **state)
{
	struct fixture *f = *state;

	build_one(f, "t-each-hold");
	assert_int_equal(f->tl.count, 7);
	check_step(&f->tl, 0, STEP_HOLD, 20000, SIDE_LEFT, 1, 2);
	check_step(&f->tl, 1, STEP_RELEASE, 3000, SIDE_LEFT, 1, 2);
	check_step(&f->tl, 2, STEP_HOLD, 20000, SIDE_LEFT, 2, 2);
	assert_int_equal(f->tl.steps[3].kind, STEP_SWITCH);
	assert_int_equal(f->tl.steps[3].duration_ms, 3000);
	check_step(&f->tl, 4, STEP_HOLD, 20000, SIDE_RIGHT, 1, 2);
	check_step(&f->tl, 5, STEP_RELEASE, 3000, SIDE_RIGHT, 1, 2);
	check_step(&f->tl, 6, STEP_HOLD, 20000, SIDE_RIGHT, 2, 2);
	assert_int_equal(f->tl.total_ms, 4 * 20000 + 3 * 3000);
	check_consistent(&f->tl);
}

/* Each side, in sets: left, switch, right, rest, left, switch, right. */
static void
test_sides_each_sets(void **state)
{
	struct fixture *f = *state;
	static const enum step_kind kinds[] = {
	    STEP_TIMED, STEP_SWITCH, STEP_TIMED, STEP_REST,
	    STEP_TIMED, STEP_SWITCH, STEP_TIMED};
	static const enum side sides[] = {SIDE_LEFT, 0, SIDE_RIGHT, SIDE_NONE,
					  SIDE_LEFT, 0, SIDE_RIGHT};
	static const unsigned sets[] = {1, 1, 1, 1, 2, 2, 2};
	size_t i;

	build_one(f, "t-each-time");
	assert_int_equal(f->tl.count, 7);
	for (i = 0; i < 7; i++) {
		assert_int_equal(f->tl.steps[i].kind, kinds[i]);
		assert_int_equal(f->tl.steps[i].set, sets[i]);
		assert_int_equal(f->tl.steps[i].sets, 2);
		if (kinds[i] != STEP_SWITCH)
			assert_int_equal(f->tl.steps[i].side, sides[i]);
	}
	assert_int_equal(f->tl.steps[3].duration_ms, 10000);
	assert_int_equal(f->tl.total_ms, 4 * 15000 + 2 * 3000 + 10000);
	check_consistent(&f->tl);
}

static void
test_alternate_holds(void **state)
{
	struct fixture *f = *state;

	build_one(f, "t-alt-hold");
	/* 2 reps a side: L R L R with a switch between each */
	assert_int_equal(f->tl.count, 7);
	check_step(&f->tl, 0, STEP_HOLD, 5000, SIDE_LEFT, 1, 4);
	assert_int_equal(f->tl.steps[1].kind, STEP_SWITCH);
	assert_int_equal(f->tl.steps[1].duration_ms, 3000);
	check_step(&f->tl, 2, STEP_HOLD, 5000, SIDE_RIGHT, 2, 4);
	assert_int_equal(f->tl.steps[3].kind, STEP_SWITCH);
	check_step(&f->tl, 4, STEP_HOLD, 5000, SIDE_LEFT, 3, 4);
	assert_int_equal(f->tl.steps[5].kind, STEP_SWITCH);
	check_step(&f->tl, 6, STEP_HOLD, 5000, SIDE_RIGHT, 4, 4);
	assert_int_equal(f->tl.total_ms, 4 * 5000 + 3 * 3000);
	check_consistent(&f->tl);
}

static void
test_alternate_tempo_counts_both_sides(void **state)
{
	struct fixture *f = *state;

	build_one(f, "t-alt-tempo");
	assert_int_equal(f->tl.count, 1);
	check_step(&f->tl, 0, STEP_REPS, 12 * 2000, SIDE_ALTERNATING, 0, 12);
	assert_int_equal(f->tl.steps[0].tempo_ms, 2000);
	check_consistent(&f->tl);
}

static void
test_sets_rest_between(void **state)
{
	struct fixture *f = *state;
	const struct timeline *tl;

	build_one(f, "t-sets");
	tl = &f->tl;
	/* set, rest, set, rest, set: no rest after the last set */
	assert_int_equal(tl->count, 5);
	assert_int_equal(tl->steps[0].kind, STEP_REPS);
	assert_int_equal(tl->steps[0].set, 1);
	assert_int_equal(tl->steps[1].kind, STEP_REST);
	assert_int_equal(tl->steps[1].duration_ms, 20000);
	assert_int_equal(tl->steps[1].set, 1); /* rest after set 1 */
	assert_int_equal(tl->steps[2].kind, STEP_REPS);
	assert_int_equal(tl->steps[2].set, 2);
	assert_int_equal(tl->steps[3].kind, STEP_REST);
	assert_int_equal(tl->steps[3].set, 2);
	assert_int_equal(tl->steps[4].kind, STEP_REPS);
	assert_int_equal(tl->steps[4].set, 3);
	assert_int_equal(tl->steps[4].sets, 3);
	assert_int_equal(tl->total_ms, 3 * 10000 + 2 * 20000);
	check_consistent(tl);
}

static void
test_sets_without_rest(void **state)
{
	struct fixture *f = *state;

	build_one(f, "t-sets-norest");
	assert_int_equal(f->tl.count, 2);
	assert_int_equal(f->tl.steps[0].kind, STEP_REPS);
	assert_int_equal(f->tl.steps[1].kind, STEP_REPS);
	assert_int_equal(f->tl.steps[1].set, 2);
	assert_int_equal(f->tl.total_ms, 20000);
	check_consistent(&f->tl);
}

static const char three_moves[] = "presets:\n"
				  "  - id: three\n"
				  "    name: Three moves\n"
				  "    items:\n"
				  "      - exercise: t-time\n"
				  "      - exercise: t-hold\n"
				  "      - exercise: t-tempo\n";

static void
test_default_ready(void **state)
{
	struct fixture *f = *state;
	const struct timeline *tl;
	size_t m;

	timeline_options_default(&f->opt);
	assert_int_equal(f->opt.ready_s, 5);
	assert_int_equal(f->opt.inhale_s, 4);
	assert_int_equal(f->opt.exhale_s, 6);
	build(f, three_moves, "three");
	tl = &f->tl;
	assert_int_equal(tl->moves_count, 3);
	assert_int_equal(tl->count, 1 + 1 + 1 + 5 + 1 + 1);
	for (m = 0; m < tl->moves_count; m++) {
		const struct step *r = &tl->steps[tl->moves[m].first_step];

		/* the get-ready step names the move coming, with its first
		 * instruction */
		assert_int_equal(r->kind, STEP_READY);
		assert_int_equal(r->duration_ms, 5000);
		assert_ptr_equal(r->ex, tl->moves[m].ex);
		assert_string_equal(r->instruction, r->ex->steps[0]);
	}
	assert_string_equal(tl->moves[0].ex->id, "t-time");
	assert_string_equal(tl->moves[1].ex->id, "t-hold");
	assert_string_equal(tl->moves[2].ex->id, "t-tempo");
	assert_string_equal(tl->steps[0].instruction, "Move continuously.");
	assert_int_equal(tl->moves[1].steps, 6);
	assert_int_equal(tl->moves[1].start_ms, 35000);
	assert_int_equal(tl->moves[1].duration_ms, 5000 + 36000);
	assert_int_equal(tl->total_ms, 3 * 5000 + 30000 + 36000 + 30000);
	check_consistent(tl);
}

static void
test_no_ready(void **state)
{
	struct fixture *f = *state;
	size_t i;

	f->opt.ready_s = 0;
	build(f, three_moves, "three");
	assert_int_equal(f->tl.count, 1 + 5 + 1);
	for (i = 0; i < f->tl.count; i++)
		assert_int_not_equal(f->tl.steps[i].kind, STEP_READY);
	assert_int_equal(f->tl.total_ms, 30000 + 36000 + 30000);
	assert_int_equal(f->tl.moves[1].first_step, 1);
	assert_int_equal(f->tl.moves[2].first_step, 6);
	check_consistent(&f->tl);
}

static void
test_custom_ready(void **state)
{
	struct fixture *f = *state;

	f->opt.ready_s = 12;
	build(f, three_moves, "three");
	assert_int_equal(f->tl.steps[0].kind, STEP_READY);
	assert_int_equal(f->tl.steps[0].duration_ms, 12000);
	assert_int_equal(f->tl.steps[2].kind, STEP_READY);
	assert_int_equal(f->tl.steps[2].duration_ms, 12000);
	assert_int_equal(f->tl.total_ms, 3 * 12000 + 30000 + 36000 + 30000);
	check_consistent(&f->tl);
}

/* Move indexes, and an item's overrides replacing the way of timing. */
static void
test_moves_and_overrides(void **state)
{
	struct fixture *f = *state;
	const struct timeline *tl;
	size_t i;

	build(f,
	      "presets:\n"
	      "  - id: mix\n"
	      "    name: Mix\n"
	      "    items:\n"
	      "      - exercise: t-hold\n"
	      "        time: 40\n"
	      "      - exercise: t-self\n"
	      "      - exercise: t-time\n"
	      "        sides: each\n"
	      "      - exercise: t-hold\n",
	      "mix");
	tl = &f->tl;
	assert_int_equal(tl->moves_count, 4);
	check_step(tl, 0, STEP_TIMED, 40000, SIDE_NONE, 0, 0);
	check_step(tl, 1, STEP_SELF, 24000, SIDE_NONE, 0, 8);
	check_step(tl, 2, STEP_TIMED, 30000, SIDE_LEFT, 0, 0);
	assert_int_equal(tl->steps[3].kind, STEP_SWITCH);
	check_step(tl, 4, STEP_TIMED, 30000, SIDE_RIGHT, 0, 0);
	check_step(tl, 5, STEP_HOLD, 10000, SIDE_NONE, 1, 3);
	assert_int_equal(tl->count, 10);
	for (i = 0; i < tl->count; i++)
		assert_int_equal(tl->steps[i].moves, 4);
	assert_int_equal(tl->steps[0].move, 1);
	assert_int_equal(tl->steps[1].move, 2);
	assert_int_equal(tl->steps[2].move, 3);
	assert_int_equal(tl->steps[4].move, 3);
	assert_int_equal(tl->steps[5].move, 4);
	assert_int_equal(tl->steps[9].move, 4);
	assert_int_equal(tl->self_paced, 1);
	check_consistent(tl);
}

/* Building twice gives the same steps: plan shows what run does. */
static void
test_deterministic(void **state)
{
	struct fixture *f = *state;
	struct timeline again;
	size_t i;

	f->opt.ready_s = 5;
	build(f, three_moves, "three");
	assert_int_equal(timeline_build(f->tl.preset, &f->opt, &again), 0);
	assert_int_equal(again.count, f->tl.count);
	assert_int_equal(again.total_ms, f->tl.total_ms);
	for (i = 0; i < again.count; i++) {
		assert_int_equal(again.steps[i].kind, f->tl.steps[i].kind);
		assert_int_equal(again.steps[i].start_ms,
				 f->tl.steps[i].start_ms);
	}
	assert_int_equal(timeline_preset_ms(f->tl.preset, &f->opt),
			 f->tl.total_ms);
	timeline_free(&again);
}

static void
test_describe(void **state)
{
	struct fixture *f = *state;
	char buf[200];

	build(f,
	      "presets:\n"
	      "  - id: d\n"
	      "    name: D\n"
	      "    items:\n"
	      "      - exercise: t-each-hold\n"
	      "      - exercise: t-sets\n"
	      "      - exercise: t-self\n",
	      "d");
	step_describe(&f->tl.steps[0], buf, sizeof buf);
	assert_string_equal(buf, "Each side hold, left side, hold 1 of 2");
	step_describe(&f->tl.steps[3], buf, sizeof buf);
	assert_string_equal(buf, "switch sides");
	step_describe(&f->tl.steps[8], buf, sizeof buf);
	assert_string_equal(buf, "rest before set 2 of 3");
	step_describe(&f->tl.steps[7], buf, sizeof buf);
	assert_string_equal(buf, "Sets, set 1 of 3, 5 reps at 2 s");
	step_describe(&f->tl.steps[f->tl.count - 1], buf, sizeof buf);
	assert_string_equal(buf, "Self-paced, 8 reps at your own pace");
	/* a tiny buffer truncates, never overflows */
	step_describe(&f->tl.steps[0], buf, 5);
	assert_string_equal(buf, "Each");
	assert_string_equal(side_name(SIDE_NONE), "");
	assert_string_equal(side_name(SIDE_LEFT), "left side");
}

/* ---- the built-in catalog ---------------------------------------------- */

static void
load_builtin(struct catalog *cat)
{
	struct diag d;

	catalog_init(cat);
	if (sources_add_builtin(cat, &d) != 0 || catalog_finish(cat, &d) != 0)
		fail_msg("built-in catalog: %s:%d: %s", d.file, d.line, d.msg);
}

static void
test_builtin_presets(void **state)
{
	struct catalog cat;
	struct timeline_options opt;
	struct timeline tl;
	size_t i, j;
	static const unsigned ready[] = {5, 0, 30};

	(void)state;
	load_builtin(&cat);
	assert_int_equal(cat.presets_count, 15);
	for (j = 0; j < sizeof ready / sizeof ready[0]; j++) {
		timeline_options_default(&opt);
		opt.ready_s = ready[j];
		for (i = 0; i < cat.presets_count; i++) {
			const struct preset *p = cat.presets[i];

			assert_int_equal(timeline_build(p, &opt, &tl), 0);
			check_consistent(&tl);
			assert_int_equal(tl.moves_count, p->items_count);
			assert_int_equal(timeline_preset_ms(p, &opt),
					 tl.total_ms);
			/* SPEC: a preset is at most 4 hours */
			assert_true(tl.total_ms <=
				    TIMING_PRESET_MAX_S * 1000ull);
			timeline_free(&tl);
		}
	}
	catalog_free(&cat);
}

static void
test_warmup_6(void **state)
{
	struct catalog cat;
	struct timeline_options opt;
	const struct preset *p;

	(void)state;
	load_builtin(&cat);
	timeline_options_default(&opt);
	p = catalog_preset(&cat, "warmup-6");
	assert_non_null(p);
	assert_int_equal(timeline_preset_ms(p, &opt), 360000);
	/* by exact name too, ignoring case */
	assert_ptr_equal(catalog_preset(&cat, "6-MINUTE warm-up"), p);
	catalog_free(&cat);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_time),
	    T(test_hold_reps_with_releases),
	    T(test_breaths),
	    T(test_custom_breath_pace),
	    T(test_tempo_reps),
	    T(test_self_paced_nominal),
	    T(test_sides_each),
	    T(test_sides_each_sets),
	    T(test_alternate_holds),
	    T(test_alternate_tempo_counts_both_sides),
	    T(test_sets_rest_between),
	    T(test_sets_without_rest),
	    T(test_default_ready),
	    T(test_no_ready),
	    T(test_custom_ready),
	    T(test_moves_and_overrides),
	    T(test_deterministic),
	    T(test_describe),
	    cmocka_unit_test(test_builtin_presets),
	    cmocka_unit_test(test_warmup_6),
	};

	return cmocka_run_group_tests_name("timeline", tests, NULL, NULL);
}
