/* test_quick: routines built to a length (SPEC section 10) over the
 * built-in catalog: the total, the filters, the order rules, and the same
 * routine for the same seed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "catalog.h"
#include "quick.h"
#include "quick_save.h"
#include "scratch.h"
#include "timeline.h"

static bool
is_stretch(const struct exercise *ex)
{
	return ex->kind == KIND_STRETCH || ex->kind == KIND_YOGA;
}

static size_t
allowed(const struct quick_request *rq, bool (*kind)(const struct exercise *))
{
	size_t i, n = 0;

	for (i = 0; i < scratch_cat.exercises_count; i++)
		if (quick_allows(rq, scratch_cat.exercises[i]) &&
		    (kind == NULL || kind(scratch_cat.exercises[i])))
			n++;
	return n;
}

static bool
is_warmup(const struct exercise *ex)
{
	return ex->kind == KIND_WARMUP;
}

/* Every rule of SPEC section 10 that one routine must keep. */
static void
check_routine(const struct quick_request *rq, const struct quick_routine *r,
              const struct timeline_options *opt, const char *what)
{
	const struct preset *p = &r->preset;
	unsigned i, j;
	uint64_t target = rq->target_s * 1000ull, total;
	long miss;

	assert_true(p->items_count >= 1);
	total = timeline_preset_ms(p, opt);
	/* counted exactly as plan counts */
	assert_int_equal(total, r->total_ms);
	miss = (long)total - (long)target;
	if (miss < -5000 || miss > 5000) {
		if (allowed(rq, NULL) >= QUICK_ENOUGH_MOVES)
			fail_msg("%s: %ld ms off with %zu moves allowed", what,
			         miss, allowed(rq, NULL));
		assert_true(r->why[0] != '\0');
		assert_int_equal(r->miss_s, miss / 1000);
	} else {
		assert_int_equal(r->miss_s, 0);
	}
	for (i = 0; i < p->items_count; i++) {
		const struct preset_item *it = &p->items[i];
		const struct timing *own = &it->ex->timing;

		assert_true(quick_allows(rq, it->ex));
		for (j = 0; j < i; j++)
			if (p->items[j].ex == it->ex)
				fail_msg("%s: %s twice", what, it->ex->id);
		if (i > 0 && it->ex->kind == KIND_STRENGTH &&
		    p->items[i - 1].ex->kind == KIND_STRENGTH)
			fail_msg("%s: two strength moves in a row", what);
		if (i >= 2 && !r->areas_relaxed && (it->ex->areas & p->items[i - 1].ex->areas &
		               p->items[i - 2].ex->areas & ~rq->focus))
			fail_msg("%s: three moves in a row on one area", what);
		/* both sides of a two-sided move */
		assert_int_equal(it->timing.sides, own->sides);
		if (it->timing.mode == TIMING_HOLD) {
			/* never under 5 s, unless 3x its own is */
			assert_true(it->timing.hold >= 5 ||
			            (3 * own->hold < 5 &&
			             it->timing.hold == own->hold));
			assert_true(it->timing.hold <= 3 * own->hold);
		}
		if (it->timing.mode == TIMING_TIME)
			assert_true(it->timing.time <= 3 * own->time);
		if (it->timing.mode == TIMING_BREATHS)
			assert_true(it->timing.breaths <= 3 * own->breaths);
	}
	if (p->items_count >= 2 && allowed(rq, is_warmup) > 0)
		assert_int_equal(p->items[0].ex->kind, KIND_WARMUP);
	if (allowed(rq, is_stretch) > 0 &&
	    !is_stretch(p->items[p->items_count - 1].ex))
		fail_msg("%s: does not end with a stretch", what);
}

/* Every duration from 1m to 30m in 30 s steps, every position filter,
 * four equipment sets, 20 seeds each. */
static void
test_property(void **state)
{
	static const char *const chair[] = {"chair"};
	static const char *const chair_wall[] = {"chair", "wall"};
	static const struct {
		bool set;
		const char *const *words;
		size_t n;
	} equipment[] = {{true, NULL, 0}, {true, chair, 1},
	                 {true, chair_wall, 2}, {false, NULL, 0}};
	static const unsigned positions[] = {
	    0,
	    1u << POSITION_SEATED,
	    1u << POSITION_STANDING,
	    1u << POSITION_FLOOR,
	    (1u << POSITION_SEATED) | (1u << POSITION_STANDING),
	    ~0u,
	};
	struct timeline_options opt;
	static struct quick_routine r;
	struct quick_request rq;
	unsigned t, e, p, seed;
	char what[120];

	(void)state;
	timeline_options_default(&opt);
	for (t = 60; t <= 1800; t += 30)
		for (e = 0; e < 4; e++)
			for (p = 0; p < 6; p++)
				for (seed = 1; seed <= 20; seed++) {
					memset(&rq, 0, sizeof rq);
					rq.target_s = t;
					rq.equipment_set = equipment[e].set;
					rq.equipment = equipment[e].words;
					rq.equipment_count = equipment[e].n;
					rq.positions = positions[p];
					rq.seed = seed;
					snprintf(what, sizeof what,
					         "%u s, equipment %u, positions %u, "
					         "seed %u",
					         t, e, p, seed);
					if (quick_build(&scratch_cat, &rq, &opt,
					                &r) != 0) {
						assert_int_equal(allowed(&rq, NULL), 0);
						continue;
					}
					check_routine(&rq, &r, &opt, what);
				}
}

/* The same seed gives the same routine; another seed another. */
static void
test_seed(void **state)
{
	struct timeline_options opt;
	static struct quick_routine a, b;
	struct quick_request rq = {.target_s = 300, .seed = 7};
	unsigned i, same = 1;

	(void)state;
	timeline_options_default(&opt);
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &a), 0);
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &b), 0);
	assert_int_equal(a.preset.items_count, b.preset.items_count);
	for (i = 0; i < a.preset.items_count; i++) {
		assert_ptr_equal(a.items[i].ex, b.items[i].ex);
		assert_memory_equal(&a.items[i].timing, &b.items[i].timing,
		                    sizeof a.items[i].timing);
	}
	rq.seed = 8;
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &b), 0);
	for (i = 0; i < a.preset.items_count && i < b.preset.items_count; i++)
		if (a.items[i].ex != b.items[i].ex)
			same = 0;
	assert_int_equal(same, 0);
	assert_true(quick_seed(20000, 3) != quick_seed(20001, 3));
	assert_true(quick_seed(20000, 3) != quick_seed(20000, 4));
}

/* Moves of the last runs come last: none is chosen while others fit. */
static void
test_recent_last(void **state)
{
	struct timeline_options opt;
	static struct quick_routine a, b;
	struct quick_request rq = {.target_s = 240, .seed = 3};
	const char *recent[QUICK_MOVES_MAX];
	unsigned i, j;

	(void)state;
	timeline_options_default(&opt);
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &a), 0);
	for (i = 0; i < a.preset.items_count; i++)
		recent[i] = a.items[i].ex->id;
	rq.recent = recent;
	rq.recent_count = a.preset.items_count;
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &b), 0);
	for (i = 0; i < b.preset.items_count; i++)
		for (j = 0; j < a.preset.items_count; j++)
			assert_ptr_not_equal(b.items[i].ex, a.items[j].ex);
}

/* --focus puts moves of those areas first. */
static void
test_focus(void **state)
{
	struct timeline_options opt;
	static struct quick_routine r;
	struct quick_request rq = {.target_s = 180, .seed = 5};
	unsigned i, hits = 0;

	(void)state;
	timeline_options_default(&opt);
	rq.focus = 1u << AREA_NECK;
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &r), 0);
	for (i = 0; i < r.preset.items_count; i++)
		if (r.items[i].ex->areas & rq.focus)
			hits++;
	assert_true(hits * 2 >= r.preset.items_count);
}

/* Filters that leave nothing: an error, not a routine. */
static void
test_nothing_fits(void **state)
{
	static const char *const bar[] = {"pull-up-bar"};
	struct timeline_options opt;
	static struct quick_routine r;
	struct quick_request rq = {.target_s = 300,
	                           .equipment_set = true,
	                           .equipment = bar,
	                           .equipment_count = 1,
	                           .positions = 1u << POSITION_SEATED};
	size_t i;

	(void)state;
	timeline_options_default(&opt);
	for (i = 0; i < scratch_cat.exercises_count; i++)
		if (quick_allows(&rq, scratch_cat.exercises[i]))
			return; /* the catalog grew one: nothing to test */
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &r), -1);
	assert_true(strstr(r.why, "no exercise") != NULL);
}

/* The preset text --save writes names every move with its timing. */
static void
test_save_yaml(void **state)
{
	struct timeline_options opt;
	static struct quick_routine r;
	struct quick_request rq = {.target_s = 300, .seed = 9};
	char buf[8192];
	unsigned i;

	(void)state;
	timeline_options_default(&opt);
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &r), 0);
	assert_true(quick_save_yaml(&r.preset, "my-five", "Five.", buf,
	                            sizeof buf) > 0);
	assert_non_null(strstr(buf, "  - id: my-five\n"));
	for (i = 0; i < r.preset.items_count; i++)
		assert_non_null(strstr(buf, r.items[i].ex->id));
	assert_int_equal(quick_save_yaml(&r.preset, "my-five", NULL, buf, 40),
	                 -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_property),   cmocka_unit_test(test_seed),
	    cmocka_unit_test(test_recent_last), cmocka_unit_test(test_focus),
	    cmocka_unit_test(test_nothing_fits), cmocka_unit_test(test_save_yaml),
	};

	return cmocka_run_group_tests(tests, scratch_cat_load, scratch_cat_free);
}
