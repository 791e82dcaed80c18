/* test_figure_frame: the frame of a figure each step of a run shows,
 * second by second (SPEC section 12), and how show says it in words (the
 * built-in figures are tested in test_catalog.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "figure_frame.h"
#include "timeline.h"

/* Each frame is one letter, so a second's frame reads as a letter:
 * lower case as drawn, upper case mirrored. */
static const char exercises_yaml[] =
    "exercises:\n"
    "  - id: timed\n"
    "    name: Timed\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    time: 9\n"
    "    steps: [March.]\n"
    "    figure: {frames: [a, b]}\n"
    "  - id: held\n"
    "    name: Held\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    hold: 5\n"
    "    reps: 2\n"
    "    steps: [Hold it.]\n"
    "    figure: {frames: [a, b]}\n"
    "  - id: tempo3\n"
    "    name: Tempo 3\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 2\n"
    "    tempo: 3\n"
    "    steps: [Lift.]\n"
    "    figure: {frames: [a, b]}\n"
    "  - id: tempo4\n"
    "    name: Tempo 4\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 2\n"
    "    tempo: 4\n"
    "    steps: [Lift.]\n"
    "    figure: {frames: [a, b, c, d]}\n"
    "  - id: tempo2\n"
    "    name: Tempo 2, three frames\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 3\n"
    "    tempo: 2\n"
    "    steps: [Lift.]\n"
    "    figure: {frames: [a, b, c]}\n"
    "  - id: breathed\n"
    "    name: Breathed\n"
    "    kind: yoga\n"
    "    position: floor\n"
    "    breaths: 2\n"
    "    steps: [Breathe.]\n"
    "    figure: {frames: [a, b, c]}\n"
    "  - id: self\n"
    "    name: Self-paced\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    reps: 3\n"
    "    steps: [At your own pace.]\n"
    "    figure: {frames: [a, b, c]}\n"
    "  - id: still\n"
    "    name: One frame\n"
    "    kind: stretch\n"
    "    position: standing\n"
    "    time: 5\n"
    "    steps: [Stay.]\n"
    "    figure: {frames: [a]}\n"
    "  - id: each\n"
    "    name: Each side\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    sides: each\n"
    "    hold: 3\n"
    "    reps: 2\n"
    "    steps: [One side, then the other.]\n"
    "    figure: {frames: [a, b]}\n"
    "  - id: each-unmirrored\n"
    "    name: Each side, not mirrored\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    sides: each\n"
    "    time: 4\n"
    "    steps: [One side, then the other.]\n"
    "    figure: {frames: [a, b], mirror: false}\n"
    "  - id: alt-hold\n"
    "    name: Alternating hold\n"
    "    kind: stretch\n"
    "    position: seated\n"
    "    sides: alternate\n"
    "    hold: 2\n"
    "    reps: 1\n"
    "    steps: [Left, right.]\n"
    "    figure: {frames: [l, r]}\n"
    "  - id: alt-tempo\n"
    "    name: Alternating tempo\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    sides: alternate\n"
    "    reps: 1\n"
    "    tempo: 2\n"
    "    steps: [Left, right.]\n"
    "    figure: {frames: [a, b, c, d]}\n"
    "  - id: alt-mirrored\n"
    "    name: Alternating, mirrored\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    sides: alternate\n"
    "    reps: 1\n"
    "    tempo: 2\n"
    "    steps: [Left, right.]\n"
    "    figure: {frames: [a, b], mirror: true}\n"
    "  - id: alt-odd\n"
    "    name: Alternating, three frames\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    sides: alternate\n"
    "    reps: 1\n"
    "    tempo: 3\n"
    "    steps: [Left, right.]\n"
    "    figure: {frames: [a, b, c]}\n"
    "  - id: alt-timed\n"
    "    name: Alternating, timed\n"
    "    kind: warmup\n"
    "    position: standing\n"
    "    sides: alternate\n"
    "    time: 6\n"
    "    steps: [Left, right.]\n"
    "    figure: {frames: [a, b, c, d]}\n";

struct fixture {
	struct catalog cat;
	struct timeline tl;
	bool built;
};

/* A preset of the exercise id with item overrides (", key: value" in a
 * flow mapping after "exercise: id"),
 * built with a 2 s get-ready and the breath 4:6. */
static void
build(struct fixture *f, const char *id, const char *item)
{
	struct timeline_options opt;
	struct diag d;
	char *yaml;
	size_t n = strlen(exercises_yaml) + strlen(item) + 200;

	if (f->built) { /* a second preset in the same test */
		timeline_free(&f->tl);
		catalog_free(&f->cat);
	}
	yaml = malloc(n);
	assert_non_null(yaml);
	snprintf(yaml, n,
	         "%spresets:\n  - id: p\n    name: P\n    items:\n"
	         "      - {exercise: %s%s}\n",
	         exercises_yaml, id, item);
	catalog_init(&f->cat);
	if (catalog_add_data(&f->cat, "test.yaml", (const unsigned char *)yaml,
	                     strlen(yaml), &d) != 0 ||
	    catalog_finish(&f->cat, &d) != 0)
		fail_msg("catalog: %s:%d: %s", d.file, d.line, d.msg);
	free(yaml);
	timeline_options_default(&opt);
	opt.ready_s = 2;
	assert_int_equal(
	    timeline_build(catalog_preset(&f->cat, "p"), &opt, &f->tl), 0);
	f->built = true;
}

static int
setup(void **state)
{
	*state = calloc(1, sizeof(struct fixture));
	return *state == NULL ? -1 : 0;
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

/* The letter of the frame step i shows at ms into it. */
static char
letter_at(const struct timeline *tl, size_t i, uint64_t ms)
{
	const struct step *s = &tl->steps[i];
	struct figure_view v;
	char c;

	v = figure_frame_at(s, i + 1 < tl->count ? s + 1 : NULL, ms);
	assert_true(v.frame < s->ex->figure->frames_count);
	c = s->ex->figure->frames[v.frame][0];
	return v.mirrored ? (char)toupper((unsigned char)c) : c;
}

/* The letters of every second of every step, steps separated by '|':
 * each second's letter is checked at its start, middle and end. */
static void
expect_run(const struct timeline *tl, const char *want)
{
	char got[256];
	size_t i, n = 0;
	uint64_t sec, ms;

	for (i = 0; i < tl->count; i++) {
		if (i > 0)
			got[n++] = '|';
		for (sec = 0; sec * 1000 < tl->steps[i].duration_ms; sec++) {
			char c = letter_at(tl, i, sec * 1000);

			for (ms = 1; ms < 1000; ms += 499)
				assert_int_equal(
				    letter_at(tl, i, sec * 1000 + ms), c);
			assert_true(n + 2 < sizeof got);
			got[n++] = c;
		}
	}
	got[n] = '\0';
	assert_string_equal(got, want);
}

#define RUN(id, item, want)                                                    \
	do {                                                                   \
		struct fixture *f_ = *state;                                   \
		build(f_, id, item);                                           \
		expect_run(&f_->tl, want);                                     \
	} while (0)

/* ---- second by second ---------------------------------------------------- */

/* A move's steps second by second: the exercise, the item's overrides,
 * and the letters expect_run() reads. */
struct run_case {
	const char *id, *item, *want;
};

static void
frames_second_by_second(void **state)
{
	static const struct run_case cases[] = {
	    /* get ready 2 s on the first frame, then a, a, b, b, ... */
	    {"timed", "", "aa|aabbaabba"},
	    /* holds of 5 s: b (held) 2 s, a 2 s, b; the release shows a */
	    {"held", "", "aa|bbaab|aaa|bbaab"},
	    /* reps of 3 s, 2 frames: a, a, b */
	    {"tempo3", "", "aa|aabaab"},
	    /* reps of 4 s, 4 frames: one a second */
	    {"tempo4", "", "aa|abcdabcd"},
	    /* 3 frames in 2 s: seconds 0 and 1 of each rep show a and b */
	    {"tempo2", "", "aa|ababab"},
	    /* 4 s in, 6 s out, twice; the middle frame is not used */
	    {"breathed", "", "aa|aaaaccccccaaaacccccc"},
	    /* the rest between sets shows the first frame */
	    {"tempo3", ", sets: 2, rest: 4", "aa|aabaab|aaaa|aabaab"},
	    /* ---- sides ---- */
	    /* left holds as drawn; the switch already shows the right side,
	     * mirrored, on its first frame; then the right holds mirrored */
	    {"each", "", "aa|bba|aaa|bba|AAA|BBA|AAA|BBA"},
	    /* mirror: false: both sides as drawn */
	    {"each-unmirrored", "", "aa|aabb|aaa|aabb"},
	    /* frames l and r are the two sides: each hold its own, the
	     * switch the side coming */
	    {"alt-hold", "", "ll|ll|rrr|rr"},
	    /* a b the left side, c d the right: one rep each */
	    {"alt-tempo", "", "aa|abcd"},
	    {"alt-tempo", ", reps: 2, tempo: 2", "aa|abcdabcd"},
	    /* mirror on: the frames draw the left side, the right is them
	     * mirrored */
	    {"alt-mirrored", "", "aa|abAB"},
	    /* three frames cannot be halved: every rep shows them all */
	    {"alt-odd", "", "aa|abcabc"},
	    /* a timed move has no rep to give a side: all frames, 2 s each */
	    {"alt-timed", "", "aa|aabbcc"},
	    /* the preset makes it one side then the other: the figure still
	     * draws both, so each side shows its own frame */
	    {"alt-hold", ", sides: each", "ll|ll|rrr|rr"},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		build(*state, cases[i].id, cases[i].item);
		expect_run(&((struct fixture *)*state)->tl, cases[i].want);
	}
}

static void
breath_follows_the_pacer_setting(void **state)
{
	struct fixture *f = *state;
	struct timeline_options opt;

	build(f, "breathed", "");
	timeline_free(&f->tl);
	timeline_options_default(&opt);
	opt.ready_s = 0;
	opt.inhale_s = 2;
	opt.exhale_s = 3;
	assert_int_equal(
	    timeline_build(catalog_preset(&f->cat, "p"), &opt, &f->tl), 0);
	expect_run(&f->tl, "aacccaaccc");
}

static void
self_paced_every_two_seconds(void **state)
{
	struct fixture *f = *state;
	const struct step *s;

	/* its nominal 3 s a rep, as when nobody can press Enter */
	RUN("self", "", "aa|aabbccaab");
	s = &f->tl.steps[1];
	assert_int_equal(s->kind, STEP_SELF);
	/* it has no countdown while it waits: the screen asks when next */
	assert_int_equal(figure_frame_next_ms(s, 0), 2000);
	assert_int_equal(figure_frame_next_ms(s, 1999), 2000);
	assert_int_equal(figure_frame_next_ms(s, 2000), 4000);
	assert_int_equal(figure_frame_next_ms(s, 60500), 62000);
	/* waiting goes past the nominal length, and the frames go on */
	assert_int_equal(letter_at(&f->tl, 1, 60500), 'a'); /* 30th period */
	assert_int_equal(letter_at(&f->tl, 1, 62000), 'b');
}

static void
one_frame_stays(void **state)
{
	struct fixture *f = *state;

	RUN("still", "", "aa|aaaaa");
	assert_int_equal(figure_frame_next_ms(&f->tl.steps[1], 0),
	                 FIGURE_FRAME_STAYS);
	assert_int_equal(figure_frame_next_ms(&f->tl.steps[0], 0),
	                 FIGURE_FRAME_STAYS);
}

static void
next_change_is_a_whole_second(void **state)
{
	struct fixture *f = *state;

	build(f, "tempo4", "");
	assert_int_equal(figure_frame_next_ms(&f->tl.steps[1], 0), 1000);
	assert_int_equal(figure_frame_next_ms(&f->tl.steps[1], 1001), 2000);
	/* get ready does not change */
	assert_int_equal(figure_frame_next_ms(&f->tl.steps[0], 500),
	                 FIGURE_FRAME_STAYS);
}

/* ---- in words, for show -------------------------------------------------- */

static void
describe_how_it_moves(void **state)
{
	static const struct {
		const char *id, *want;
	} cases[] = {
	    {"timed", "2 frames, changing every 2 s"},
	    {"held", "2 frames, changing every 2 s of a hold"},
	    {"tempo4", "4 frames, in time with each rep"},
	    {"self", "3 frames, changing every 2 s"},
	    {"breathed",
	     "3 frames: the first breathing in, the last breathing out"},
	    {"still", "1 frame"},
	    {"each", "2 frames, changing every 2 s of a hold; the right side "
	             "is the left mirrored"},
	    {"each-unmirrored", "2 frames, changing every 2 s"},
	    {"alt-tempo", "4 frames, in time with each rep; frames 1-2 are "
	                  "the left side, 3-4 the right"},
	    {"alt-hold", "2 frames, changing every 2 s of a hold; frame 1 is "
	                 "the left side, frame 2 the right"},
	    {"alt-mirrored", "2 frames, in time with each rep; the right side "
	                     "is the left mirrored"},
	    {"alt-odd", "3 frames, in time with each rep"},
	};
	struct fixture *f = *state;
	const struct exercise *ex;
	char buf[160];
	size_t i;

	build(f, "timed", "");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ex = catalog_exercise(&f->cat, cases[i].id);
		assert_non_null(ex);
		figure_frame_describe(ex, &ex->timing, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
	}
	/* cut to the buffer, never past it */
	ex = catalog_exercise(&f->cat, "each");
	figure_frame_describe(ex, &ex->timing, buf, 12);
	assert_string_equal(buf, "2 frames, c");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    T(frames_second_by_second),
	    T(breath_follows_the_pacer_setting),
	    T(self_paced_every_two_seconds),
	    T(one_frame_stays),
	    T(next_change_is_a_whole_second),
	    T(describe_how_it_moves),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
