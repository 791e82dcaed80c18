/* test_quick_form: the menu's Quick routine dialog as state (minutes,
 * where, equipment, the steps), the request it makes against the one the
 * command's options make, and the build both share. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "catalog.h"
#include "quick.h"
#include "quick_form.h"
#include "quick_recent.h"
#include "scratch.h"
#include "timeline.h"

static size_t
uses(const char *word)
{
	size_t i, n = 0;
	unsigned j;

	for (i = 0; i < scratch_cat.exercises_count; i++)
		for (j = 0; j < scratch_cat.exercises[i]->equipment_count; j++)
			n += strcmp(scratch_cat.exercises[i]->equipment[j],
				    word) == 0;
	return n;
}

/* The first step, 5 minutes, every place, no equipment; the catalog's
 * equipment words each once, the most used first. */
static void
test_init(void **state)
{
	struct quick_form f;
	size_t i, k;
	unsigned j;

	(void)state;
	quick_form_init(&f, &scratch_cat);
	assert_int_equal(f.step, QUICK_STEP_MINUTES);
	assert_int_equal(f.minutes, 5);
	assert_true(f.words_count >= 2);
	for (i = 0; i < f.words_count; i++) {
		assert_false(f.have[i]);
		assert_true(uses(f.words[i]) > 0);
		for (k = 0; k < i; k++)
			assert_string_not_equal(f.words[k], f.words[i]);
		if (i > 0)
			assert_true(uses(f.words[i - 1]) >= uses(f.words[i]));
	}
	for (i = 0; i < scratch_cat.exercises_count; i++)
		for (j = 0; j < scratch_cat.exercises[i]->equipment_count;
		     j++) {
			for (k = 0;
			     k < f.words_count &&
			     strcmp(f.words[k],
				    scratch_cat.exercises[i]->equipment[j]);
			     k++)
				;
			assert_true(k < f.words_count);
		}
}

/* Keys typed one after another and the minutes they leave. */
static unsigned
typed(const char *keys)
{
	static const struct catalog empty;
	struct quick_form f;
	const char *k;

	quick_form_init(&f, &empty);
	for (k = keys; *k != '\0'; k++)
		if (*k >= '0' && *k <= '9')
			quick_form_digit(&f, (unsigned)(*k - '0'));
		else if (*k == '+')
			quick_form_minutes_add(&f, 1);
		else if (*k == '-')
			quick_form_minutes_add(&f, -1);
		else if (*k == '>')
			quick_form_minutes_add(&f, 100);
		else if (*k == '<')
			quick_form_minutes_add(&f, -100);
		else if (*k == 'b')
			quick_form_erase(&f);
	return f.minutes;
}

static void
test_minutes(void **state)
{
	(void)state;
	assert_int_equal(typed(""), QUICK_FORM_MINUTES_DEFAULT);
	assert_int_equal(typed("+"), 6);
	assert_int_equal(typed("--"), 3);
	assert_int_equal(typed("<"), 1);
	assert_int_equal(typed("<-"), 1);
	assert_int_equal(typed(">"), 60);
	assert_int_equal(typed(">+"), 60);
	assert_int_equal(typed("12"), 12);
	assert_int_equal(typed("60"), 60);
	assert_int_equal(typed("30"), 30);
	/* past 60 a digit starts a new number */
	assert_int_equal(typed("67"), 7);
	assert_int_equal(typed("615"), 15);
	/* a lone 0 is no length, and does not stick */
	assert_int_equal(typed("0"), 5);
	assert_int_equal(typed("07"), 7);
	/* + ends the typing: the next digit starts again */
	assert_int_equal(typed("1+2"), 2);
	assert_int_equal(typed("12b"), 1);
	assert_int_equal(typed("12b5"), 15);
	assert_int_equal(typed("5b"), 5);
}

static void
test_steps(void **state)
{
	struct quick_form f;

	(void)state;
	quick_form_init(&f, &scratch_cat);
	assert_false(quick_form_back(&f));
	assert_int_equal(quick_form_rows(&f), 0);
	assert_int_equal(quick_form_next(&f), 0);
	assert_int_equal(f.step, QUICK_STEP_WHERE);
	assert_int_equal(quick_form_rows(&f), QUICK_FORM_PLACES);
	assert_string_equal(quick_form_label(&f, 0), "seated");
	assert_string_equal(quick_form_label(&f, 9), "");

	/* the cursor stays in the list */
	quick_form_move(&f, -1);
	assert_int_equal(f.cursor, 0);
	quick_form_move(&f, 10);
	assert_int_equal(f.cursor, QUICK_FORM_PLACES - 1);

	/* no place ticked: enter does not go on */
	quick_form_toggle_all(&f);
	assert_int_equal(f.places, 0);
	assert_int_equal(quick_form_next(&f), -1);
	assert_int_equal(f.step, QUICK_STEP_WHERE);
	quick_form_toggle(&f); /* floor, at the cursor */
	assert_true(quick_form_ticked(&f, 2));
	assert_false(quick_form_ticked(&f, 0));
	assert_int_equal(quick_form_next(&f), 0);
	assert_int_equal(f.step, QUICK_STEP_EQUIPMENT);
	assert_int_equal(f.cursor, 0);
	assert_int_equal(quick_form_rows(&f), f.words_count);
	assert_int_equal(quick_form_next(&f), 0);
	assert_int_equal(f.step, QUICK_STEP_PLAN);
	assert_int_equal(quick_form_next(&f), -1);
	assert_true(quick_form_back(&f));
	assert_true(quick_form_back(&f));
	assert_true(quick_form_back(&f));
	assert_false(quick_form_back(&f));
	assert_int_equal(f.step, QUICK_STEP_MINUTES);
}

static void
test_ticks(void **state)
{
	struct quick_form f;
	char buf[200];
	size_t i;

	(void)state;
	quick_form_init(&f, &scratch_cat);
	quick_form_where(&f, buf, sizeof buf);
	assert_string_equal(buf, "anywhere");
	quick_form_needs(&f, buf, sizeof buf);
	assert_string_equal(buf, "nothing");

	f.step = QUICK_STEP_WHERE;
	f.cursor = 1;
	quick_form_toggle(&f); /* standing off */
	quick_form_where(&f, buf, sizeof buf);
	assert_string_equal(buf, "seated, floor");

	f.step = QUICK_STEP_EQUIPMENT;
	f.cursor = 1;
	quick_form_toggle(&f);
	quick_form_needs(&f, buf, sizeof buf);
	assert_string_equal(buf, f.words[1]);
	quick_form_toggle(&f);
	quick_form_needs(&f, buf, sizeof buf);
	assert_string_equal(buf, "nothing");
	/* all, then none */
	quick_form_toggle_all(&f);
	for (i = 0; i < f.words_count; i++)
		assert_true(quick_form_ticked(&f, i));
	quick_form_needs(&f, buf, sizeof buf);
	assert_string_equal(buf, "anything");
	quick_form_toggle_all(&f);
	for (i = 0; i < f.words_count; i++)
		assert_false(quick_form_ticked(&f, i));
	assert_int_equal(f.cursor, 1);
}

static size_t
word_index(const struct quick_form *f, const char *w)
{
	size_t i;

	for (i = 0; i < f->words_count; i++)
		if (strcmp(f->words[i], w) == 0)
			return i;
	fail_msg("the form has no word '%s'", w);
	return 0;
}

/* The request equals the one `backease quick 12m --position
 * seated,standing --equipment chair,wall` makes, and so does the routine
 * for a seed; every box ticked is no filter at all. */
static void
test_request(void **state)
{
	static const char *const cmd_words[] = {"chair", "wall"};
	static struct quick_routine a, b;
	struct quick_request rq,
	    want = {
		.target_s = 720,
		.equipment_set = true,
		.equipment = cmd_words,
		.equipment_count = 2,
		.positions = 1u << POSITION_SEATED | 1u << POSITION_STANDING,
		.seed = 11,
	    };
	const char *words[QUICK_FORM_WORDS_MAX];
	struct timeline_options opt;
	struct quick_form f;
	size_t i, n;

	(void)state;
	timeline_options_default(&opt);
	quick_form_init(&f, &scratch_cat);
	f.minutes = 12;
	f.places &= ~(1u << POSITION_FLOOR);
	f.have[word_index(&f, "wall")] = true;
	f.have[word_index(&f, "chair")] = true;
	quick_form_request(&f, &rq, words);
	assert_int_equal(rq.target_s, want.target_s);
	assert_int_equal(rq.positions, want.positions);
	assert_true(rq.equipment_set);
	assert_int_equal(rq.equipment_count, 2);
	assert_int_equal(rq.seed, 0);
	rq.seed = want.seed;
	assert_int_equal(quick_build(&scratch_cat, &rq, &opt, &a), 0);
	assert_int_equal(quick_build(&scratch_cat, &want, &opt, &b), 0);
	assert_int_equal(a.preset.items_count, b.preset.items_count);
	assert_int_equal(a.total_ms, b.total_ms);
	for (i = 0; i < a.preset.items_count; i++)
		assert_ptr_equal(a.items[i].ex, b.items[i].ex);

	/* how many fit, as quick_allows counts */
	for (i = n = 0; i < scratch_cat.exercises_count; i++)
		n += quick_allows(&want, scratch_cat.exercises[i]);
	assert_int_equal(quick_form_fits(&f, &scratch_cat), n);

	/* nothing ticked: no equipment */
	memset(f.have, 0, sizeof f.have);
	quick_form_request(&f, &rq, words);
	assert_true(rq.equipment_set);
	assert_int_equal(rq.equipment_count, 0);
	for (i = 0; i < scratch_cat.exercises_count; i++)
		if (quick_allows(&rq, scratch_cat.exercises[i]))
			assert_int_equal(
			    scratch_cat.exercises[i]->equipment_count, 0);

	/* everything ticked: no filter, as with no options */
	f.places = 1u << POSITION_SEATED | 1u << POSITION_STANDING |
		   1u << POSITION_FLOOR;
	for (i = 0; i < f.words_count; i++)
		f.have[i] = true;
	quick_form_request(&f, &rq, words);
	assert_int_equal(rq.positions, 0);
	assert_false(rq.equipment_set);
	assert_int_equal(quick_form_fits(&f, &scratch_cat),
			 scratch_cat.exercises_count);
}

/* The shared build: today's seed from the date and the history (none
 * here), the same routine twice; a seed given is kept. */
static void
test_recent_build(void **state)
{
	static struct quick_routine a, b;
	struct quick_request rq = {.target_s = 300};
	struct timeline_options opt;
	char path[256];
	time_t now = 86400 * 20000 + 3600; /* noon-ish of some day in UTC */
	uint64_t seed;

	(void)state;
	make_scratch();
	setenv("XDG_STATE_HOME", scratch, 1);
	setenv("TZ", "UTC", 1);
	tzset();
	timeline_options_default(&opt);
	assert_int_equal(
	    quick_recent_build(&scratch_cat, &rq, false, now, &opt, &a), 0);
	seed = rq.seed;
	assert_true(seed == quick_seed(20000, 0));
	assert_null(rq.recent);
	rq.seed = 0;
	assert_int_equal(
	    quick_recent_build(&scratch_cat, &rq, false, now, &opt, &b), 0);
	assert_true(rq.seed == seed);
	assert_int_equal(a.total_ms, b.total_ms);
	assert_ptr_equal(a.items[0].ex, b.items[0].ex);

	/* a run recorded: another seed */
	snprintf(path, sizeof path, "%s/backease", scratch);
	assert_int_equal(mkdir(path, 0700), 0);
	scratch_write("backease/history.tsv",
		      "2024-10-04T12:00:00+00:00\tquick\t300\t300\t9/9\tdone\n",
		      path, sizeof path);
	assert_int_equal(
	    quick_recent_build(&scratch_cat, &rq, false, now, &opt, &b), 0);
	assert_true(rq.seed == quick_seed(20000, 1));
	/* --seed: kept as given */
	rq.seed = 77;
	assert_int_equal(
	    quick_recent_build(&scratch_cat, &rq, true, now, &opt, &b), 0);
	assert_true(rq.seed == 77);
	remove_scratch();
}

static void
test_describe_miss(void **state)
{
	struct quick_routine r;
	char buf[320];

	(void)state;
	memset(&r, 0, sizeof r);
	quick_describe_miss(&r, 300, buf, sizeof buf);
	assert_string_equal(buf, "");
	r.total_ms = 200000;
	r.miss_s = -100;
	snprintf(r.why, sizeof r.why, "only 2 fit");
	quick_describe_miss(&r, 300, buf, sizeof buf);
	assert_string_equal(
	    buf, "the routine is 3:20, 100 s short of 5:00: only 2 fit");
	r.total_ms = 320000;
	r.miss_s = 20;
	quick_describe_miss(&r, 300, buf, sizeof buf);
	assert_string_equal(buf,
			    "the routine is 5:20, 20 s over 5:00: only 2 fit");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_init),
	    cmocka_unit_test(test_minutes),
	    cmocka_unit_test(test_steps),
	    cmocka_unit_test(test_ticks),
	    cmocka_unit_test(test_request),
	    cmocka_unit_test(test_recent_build),
	    cmocka_unit_test(test_describe_miss),
	};

	return cmocka_run_group_tests(tests, scratch_cat_load,
				      scratch_cat_free);
}
