/* Unit tests of the catalog: the built-in file, one test per way a file
 * can be wrong (each with its exact line and the gist of its message),
 * merging by id, lookups, preset item overrides, and loading from files
 * and directories. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "figure_frame.h"
#include "selfexe.h"
#include "sources.h"
#include "text.h"
#include "timeline.h"
#include "timing.h"
#include "scratch.h"

/* ---- helpers ------------------------------------------------------------ */

/* A valid exercise, lines 1-9 of many files below; the mistakes come
 * after it or replace one of its lines. */
#define SQUEEZE                                                             \
	"exercises:\n"            /* 1 */                                   \
	"  - id: squeeze\n"       /* 2 */                                   \
	"    name: Squeeze\n"     /* 3 */                                   \
	"    kind: strength\n"    /* 4 */                                   \
	"    position: standing\n" /* 5 */                                  \
	"    hold: 10\n"          /* 6 */                                   \
	"    reps: 5\n"           /* 7 */                                   \
	"    steps:\n"            /* 8 */                                   \
	"      - Squeeze.\n"      /* 9 */

/* A valid preset using it, lines 10-14 when it follows SQUEEZE. */
#define PRESET_P                                                            \
	"presets:\n"                  /* 10 */                              \
	"  - id: p\n"                 /* 11 */                              \
	"    name: P\n"               /* 12 */                              \
	"    items:\n"                /* 13 */                              \
	"      - exercise: squeeze\n" /* 14 */

static const char *const source_titles[] = {
	"6 Exercises for Upper Back Pain",
	"9 Exercises for easing and preventing upper back pain",
	"10 Best Upper Back Pain Exercises for a Healthier You",
	"How to Relieve Upper Back Pain with Exercise",
	"Upper Back Pain Treatment: The Top Exercises And Stretches",
};

/* Nothing from a file may reach the terminal through a message. */
static void
check_printable(const char *s, const char *what, const char *file, int at)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			print_error("%s has byte 0x%02x at %zu: %s\n", what, *p,
			            (size_t)(p - (const unsigned char *)s), s);
			_fail(file, at);
		}
	}
	if (!text_is_clean(s)) {
		print_error("%s is not clean UTF-8 text: %s\n", what, s);
		_fail(file, at);
	}
}

/* Loads len bytes of yaml as "bad.yaml" into an empty catalog (then runs
 * catalog_finish when at_finish, after a load that must succeed) and
 * checks that it fails naming the file, at line, with phrase in the
 * message. */
static void
bad_yaml_at(const char *yaml, size_t len, bool at_finish, int line,
            const char *phrase, const char *file, int at)
{
	struct catalog cat;
	struct diag d;
	int rc;

	catalog_init(&cat);
	diag_clear(&d);
	rc = catalog_add_data(&cat, "bad.yaml", (const unsigned char *)yaml,
	                      len, &d);
	if (at_finish) {
		if (rc != 0)
			print_error("load failed before catalog_finish: %s:%d: "
			            "%s\n",
			            d.file, d.line, d.msg);
		_assert_int_equal(rc, 0, file, at);
		rc = catalog_finish(&cat, &d);
	}
	if (rc != -1 || d.line != line || strcmp(d.file, "bad.yaml") != 0 ||
	    strstr(d.msg, phrase) == NULL)
		print_error("got rc %d, %s:%d:%d: %s\nexpected line %d with "
		            "\"%s\"\n",
		            rc, d.file, d.line, d.col, d.msg, line, phrase);
	_assert_int_equal(rc, -1, file, at);
	_assert_string_equal(d.file, "bad.yaml", file, at);
	_assert_int_equal(d.line, line, file, at);
	_assert_true(strstr(d.msg, phrase) != NULL, "phrase", file, at);
	if (line > 0)
		_assert_true(d.col > 0, "column", file, at);
	check_printable(d.msg, "message", file, at);
	check_printable(d.file, "file name", file, at);
	catalog_free(&cat);
}

#define BAD(yaml, line, phrase)                                             \
	bad_yaml_at(yaml, strlen(yaml), false, line, phrase, __FILE__,       \
	            __LINE__)
#define BAD_AT_FINISH(yaml, line, phrase)                                   \
	bad_yaml_at(yaml, strlen(yaml), true, line, phrase, __FILE__,        \
	            __LINE__)

static int
load_text(struct catalog *cat, const char *name, const char *yaml,
          struct diag *d)
{
	return catalog_add_data(cat, name, (const unsigned char *)yaml,
	                        strlen(yaml), d);
}

/* Loads a good file and finishes, failing the test with the message. */
static void
good_yaml_at(struct catalog *cat, const char *yaml, const char *file,
             int at)
{
	struct diag d;

	diag_clear(&d);
	if (load_text(cat, "good.yaml", yaml, &d) != 0 ||
	    catalog_finish(cat, &d) != 0) {
		print_error("%s:%d:%d: %s\n", d.file, d.line, d.col, d.msg);
		_fail(file, at);
	}
}

#define GOOD(cat, yaml) good_yaml_at(cat, yaml, __FILE__, __LINE__)

static void
load_builtin(struct catalog *cat)
{
	struct diag d;

	catalog_init(cat);
	diag_clear(&d);
	if (sources_add_builtin(cat, &d) != 0 || catalog_finish(cat, &d) != 0)
		print_error("%s:%d:%d: %s\n", d.file, d.line, d.col, d.msg);
	assert_int_equal(d.msg[0], '\0');
}

static long
preset_seconds(const struct preset *p)
{
	struct timeline_options opt;
	uint64_t ms;

	timeline_options_default(&opt);
	ms = timeline_preset_ms(p, &opt);
	assert_true(ms > 0);
	assert_int_equal(ms % 1000, 0);
	return (long)(ms / 1000);
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* ---- the built-in catalog -------------------------------------------- */

static void
builtin_loads_and_resolves(void **state)
{
	struct catalog cat;
	size_t i, j;
	unsigned k;

	(void)state;
	load_builtin(&cat);
	assert_true(cat.exercises_count >= 35);
	assert_true(cat.presets_count >= 10);
	for (i = 0; i < cat.presets_count; i++) {
		const struct preset *p = cat.presets[i];

		assert_true(p->items_count > 0);
		assert_ptr_equal(catalog_preset(&cat, p->id), p);
		for (k = 0; k < p->items_count; k++) {
			const struct preset_item *it = &p->items[k];

			assert_non_null(it->ex);
			assert_ptr_equal(it->ex,
			                 catalog_exercise(&cat, it->exercise));
			assert_int_not_equal(it->timing.mode, TIMING_UNSET);
		}
		assert_true(preset_seconds(p) <= TIMING_PRESET_MAX_S);
	}
	/* ids are unique after merging */
	for (i = 0; i < cat.exercises_count; i++)
		for (j = i + 1; j < cat.exercises_count; j++)
			assert_string_not_equal(cat.exercises[i]->id,
			                        cat.exercises[j]->id);
	catalog_free(&cat);
}

static void
builtin_warmup6_is_six_minutes(void **state)
{
	struct catalog cat;
	const struct preset *p;

	(void)state;
	load_builtin(&cat);
	p = catalog_preset(&cat, "warmup-6");
	assert_non_null(p);
	assert_int_equal(preset_seconds(p), 360);
	catalog_free(&cat);
}

static void
builtin_desk_break_fits_a_chair(void **state)
{
	struct catalog cat;
	const struct preset *p;
	unsigned k, e;

	(void)state;
	load_builtin(&cat);
	p = catalog_preset(&cat, "desk-break");
	assert_non_null(p);
	assert_true(preset_seconds(p) < 240);
	for (k = 0; k < p->items_count; k++) {
		const struct exercise *ex = p->items[k].ex;

		assert_true(ex->position == POSITION_SEATED ||
		            ex->position == POSITION_STANDING ||
		            ex->position == POSITION_ANY);
		for (e = 0; e < ex->equipment_count; e++)
			assert_string_equal(ex->equipment[e], "chair");
	}
	catalog_free(&cat);
}

static void
builtin_exercises_have_steps_and_a_source(void **state)
{
	struct catalog cat;
	bool used[5] = {false};
	size_t i, t;
	unsigned s;

	(void)state;
	load_builtin(&cat);
	for (i = 0; i < cat.exercises_count; i++) {
		const struct exercise *ex = cat.exercises[i];
		bool known = false;

		assert_true(ex->steps_count > 0);
		for (s = 0; s < ex->steps_count; s++) {
			assert_true(text_is_clean(ex->steps[s]));
			assert_true(ex->steps[s][0] != '\0');
		}
		if (ex->source == NULL)
			print_error("exercise %s has no source\n", ex->id);
		assert_non_null(ex->source);
		for (t = 0; t < 5; t++) {
			if (strcmp(ex->source, source_titles[t]) == 0) {
				known = true;
				used[t] = true;
			}
		}
		if (!known)
			print_error("exercise %s: unknown source \"%s\"\n",
			            ex->id, ex->source);
		assert_true(known);
	}
	for (t = 0; t < 5; t++)
		assert_true(used[t]);
	catalog_free(&cat);
}

static void
builtin_exercises_have_figures(void **state)
{
	struct catalog cat;
	size_t i;
	unsigned k;

	(void)state;
	load_builtin(&cat);
	for (i = 0; i < cat.exercises_count; i++) {
		const struct exercise *ex = cat.exercises[i];
		const struct figure *fig = ex->figure;

		if (fig == NULL)
			fail_msg("exercise %s has no figure", ex->id);
		assert_in_range(fig->frames_count, 1, FIGURE_FRAMES_MAX);
		assert_in_range(fig->width, 1, FIGURE_COLS_MAX);
		assert_in_range(fig->height, 1, FIGURE_LINES_MAX);
		/* sides: each is drawn for the left side and mirrored */
		if (ex->sides == SIDES_EACH)
			assert_true(fig->mirror);
		for (k = 0; k < fig->frames_count; k++)
			assert_int_equal(
			    strlen(fig->frames[k]),
			    figure_frame_size(fig->width, fig->height) - 1);
		/* no two frames alike, or the move would not show */
		for (k = 1; k < fig->frames_count; k++)
			if (strcmp(fig->frames[k], fig->frames[k - 1]) == 0 &&
			    ex->sides != SIDES_ALTERNATE)
				fail_msg("exercise %s: frames %u and %u are "
				         "the same",
				         ex->id, k, k + 1);
	}
	catalog_free(&cat);
}

/* Every second of every built-in preset: a frame in range, mirrored only
 * on the right side of a mirrored figure, and the same all through the
 * second. */
static void
builtin_presets_frames_in_range(void **state)
{
	struct catalog cat;
	struct timeline_options opt;
	struct timeline tl;
	struct figure_view v, w;
	size_t p, i;
	uint64_t ms;

	(void)state;
	load_builtin(&cat);
	timeline_options_default(&opt);
	for (p = 0; p < cat.presets_count; p++) {
		assert_int_equal(timeline_build(cat.presets[p], &opt, &tl), 0);
		for (i = 0; i < tl.count; i++) {
			const struct step *s = &tl.steps[i];
			const struct step *next =
			    i + 1 < tl.count ? s + 1 : NULL;

			for (ms = 0; ms < s->duration_ms; ms += 1000) {
				v = figure_frame_at(s, next, ms);
				w = figure_frame_at(s, next, ms + 999);
				assert_true(v.frame <
				            s->ex->figure->frames_count);
				assert_int_equal(v.frame, w.frame);
				assert_int_equal(v.mirrored, w.mirrored);
				if (v.mirrored)
					assert_true(s->ex->figure->mirror);
			}
		}
		timeline_free(&tl);
	}
	catalog_free(&cat);
}

/* ---- files that are wrong, one way each -------------------------------- */

static void
bad_syntax(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze: now\n" /* 3 */
	    "    kind: strength\n",
	    3, "YAML syntax error");
}

static void
bad_key_without_colon(void **state)
{
	(void)state;
	/* libyaml only notices on the next line */
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind strength\n" /* 4 */
	    "    position: standing\n",
	    4, "could not find expected ':'");
}

static void
bad_unclosed_quote(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: \"Squeeze\n" /* 3 */
	    "    kind: strength\n",
	    3, "quoted scalar");
}

static void
bad_unknown_top_key(void **state)
{
	(void)state;
	BAD(SQUEEZE "extra: 1\n" /* 10 */, 10, "unknown key 'extra'");
}

static void
bad_unknown_exercise_key(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    reps: 5\n"
	    "    colour: red\n" /* 8 */
	    "    steps:\n"
	    "      - Squeeze.\n",
	    8, "unknown key 'colour'; expected one of: id, name");
}

static void
bad_unknown_preset_key(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n"
	            "    name: P\n"
	            "    level: 2\n" /* 13 */
	            "    items:\n"
	            "      - exercise: squeeze\n",
	    13, "preset 1: unknown key 'level'");
}

static void
bad_unknown_item_key(void **state)
{
	(void)state;
	BAD(SQUEEZE PRESET_P "        speed: 3\n" /* 15 */, 15,
	    "preset 1, item 1: unknown key 'speed'");
}

static void
bad_list_where_value_expected(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: [Squeeze, Press]\n" /* 3 */
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    3, "key 'name': wrong type: expected a single value, found a list");
}

static void
bad_mapping_where_value_expected(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: {seconds: 10}\n" /* 6 */
	    "    steps:\n"
	    "      - Squeeze.\n",
	    6, "key 'hold': wrong type: expected a single value");
}

static void
bad_value_where_list_expected(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps: Squeeze.\n" /* 7 */,
	    7, "key 'steps': wrong type: expected a list, found a single value");
}

static void
bad_equipment_not_a_list(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    equipment: chair\n" /* 6 */
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    6, "key 'equipment': wrong type: expected a list");
}

static void
bad_exercises_not_a_list(void **state)
{
	(void)state;
	BAD("exercises: 5\n", 1, "key 'exercises': wrong type");
}

static void
bad_item_not_a_mapping(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n"
	            "    name: P\n"
	            "    items: [squeeze]\n" /* 13 */,
	    13, "preset 1, item 1: wrong type: expected a mapping");
}

static void
bad_key_is_a_list(void **state)
{
	(void)state;
	/* libcyaml itself only says "Internal error" */
	BAD(SQUEEZE "[a, b]: 1\n" /* 10 */, 10, "a key is a list or a mapping");
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    ? {kind: strength}\n" /* 4 */
	    "    : 1\n",
	    4, "a key is a list or a mapping");
}

static void
bad_top_level_list(void **state)
{
	(void)state;
	BAD("# a list instead of a mapping\n"
	    "- squeeze\n" /* 2 */
	    "- press\n",
	    2, "wrong type: expected a mapping (key: value lines), found a list");
}

static void
bad_kind(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: cardio\n" /* 4 */
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    4, "key 'kind': unknown value");
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: cardio\n" /* 4 */
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    4, "expected one of: warmup, stretch, strength, yoga, posture");
}

static void
bad_position(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: lying\n" /* 5 */
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    5, "expected one of: seated, standing, floor, any");
}

static void
bad_sides(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    sides: both\n" /* 6 */
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    6, "key 'sides': unknown value");
}

static void
bad_item_sides(void **state)
{
	(void)state;
	BAD(SQUEEZE PRESET_P "        sides: left\n" /* 15 */, 15,
	    "expected one of: none, each, alternate");
}

static void
bad_enum_with_escape(void **state)
{
	(void)state;
	/* the bad value is quoted in the message, escaped */
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: \"\\e[31mred\"\n" /* 4 */
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    4, "\\x1b[31mred");
}

static void
missing_id(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - name: Squeeze\n" /* 2 */
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "exercise 1: missing required key 'id'");
}

static void
missing_name(void **state)
{
	(void)state;
	BAD(SQUEEZE "  - id: press\n" /* 10 */
	            "    kind: strength\n"
	            "    position: standing\n"
	            "    reps: 10\n"
	            "    steps:\n"
	            "      - Press.\n",
	    10, "exercise 2: missing required key 'name'");
}

static void
missing_steps(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n" /* 2 */
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n",
	    2, "missing required key 'steps'");
}

static void
missing_kind(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n" /* 2 */
	    "    name: Squeeze\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "missing required key 'kind'");
}

static void
missing_position(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n" /* 2 */
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "missing required key 'position'");
}

static void
missing_item_exercise(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n"
	            "    name: P\n"
	            "    items:\n"
	            "      - exercise: squeeze\n"
	            "      - time: 30\n" /* 15 */,
	    15, "preset 1, item 2: missing required key 'exercise'");
}

static void
missing_items(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n" /* 11 */
	            "    name: P\n"
	            "    summary: Nothing to do.\n",
	    11, "preset 1: missing required key 'items'");
}

static void
missing_preset_name(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n" /* 11 */
	            "    items:\n"
	            "      - exercise: squeeze\n",
	    11, "preset 1: missing required key 'name'");
}

static void
duplicate_exercise_id(void **state)
{
	(void)state;
	BAD(SQUEEZE "  - id: squeeze\n" /* 10 */
	            "    name: Squeeze again\n"
	            "    kind: strength\n"
	            "    position: standing\n"
	            "    reps: 5\n"
	            "    steps:\n"
	            "      - Squeeze.\n",
	    10, "exercise 'squeeze' is defined twice in this file");
}

static void
duplicate_preset_id(void **state)
{
	(void)state;
	BAD(SQUEEZE PRESET_P "  - id: p\n" /* 15 */
	                     "    name: P2\n"
	                     "    items:\n"
	                     "      - exercise: squeeze\n",
	    15, "preset 'p' is defined twice in this file");
}

static void
duplicate_key(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    name: Squeeze again\n" /* 6 */
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    6, "duplicate key 'name'");
}

static void
duplicate_top_key(void **state)
{
	(void)state;
	BAD(SQUEEZE "exercises:\n" /* 10 */
	            "  - id: press\n"
	            "    name: Press\n"
	            "    kind: strength\n"
	            "    position: standing\n"
	            "    reps: 5\n"
	            "    steps:\n"
	            "      - Press.\n",
	    10, "duplicate key 'exercises'");
}

static void
unknown_exercise_with_suggestion(void **state)
{
	(void)state;
	BAD_AT_FINISH(SQUEEZE "presets:\n"
	                      "  - id: p\n"
	                      "    name: P\n"
	                      "    items:\n"
	                      "      - exercise: squeeze\n"
	                      "      - exercise: sqeeze\n" /* 15 */,
	              15,
	              "preset 'p', item 2: unknown exercise 'sqeeze' (did "
	              "you mean 'squeeze'?)");
}

static void
unknown_exercise_without_suggestion(void **state)
{
	struct catalog cat;
	struct diag d;

	(void)state;
	BAD_AT_FINISH(SQUEEZE "presets:\n"
	                      "  - id: p\n"
	                      "    name: P\n"
	                      "    items:\n"
	                      "      - exercise: handstand-walk\n" /* 14 */,
	              14, "unknown exercise 'handstand-walk'");
	catalog_init(&cat);
	assert_int_equal(load_text(&cat, "bad.yaml",
	                           SQUEEZE "presets:\n"
	                                   "  - id: p\n"
	                                   "    name: P\n"
	                                   "    items:\n"
	                                   "      - exercise: handstand-walk\n",
	                           &d),
	                 0);
	assert_int_equal(catalog_finish(&cat, &d), -1);
	assert_null(strstr(d.msg, "did you mean"));
	catalog_free(&cat);
}

static void
item_exercise_not_an_id(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n"
	            "    name: P\n"
	            "    items:\n"
	            "      - exercise: Squeeze\n" /* 14 */,
	    14, "exercise \"Squeeze\" is not an exercise id");
}

/* Each number, written wrong in the same place: hold on line 6. */
#define HOLD_AS(value)                                                      \
	"exercises:\n"                                                       \
	"  - id: squeeze\n"                                                  \
	"    name: Squeeze\n"                                                \
	"    kind: strength\n"                                               \
	"    position: standing\n"                                           \
	"    hold: " value "\n" /* 6 */                                      \
	"    reps: 5\n"         /* 7 */                                      \
	"    steps:\n"                                                       \
	"      - Squeeze.\n"

#define REPS_AS(value)                                                      \
	"exercises:\n"                                                       \
	"  - id: squeeze\n"                                                  \
	"    name: Squeeze\n"                                                \
	"    kind: strength\n"                                               \
	"    position: standing\n"                                           \
	"    hold: 10\n"                                                     \
	"    reps: " value "\n" /* 7 */                                      \
	"    steps:\n"                                                       \
	"      - Squeeze.\n"

static void
number_negative(void **state)
{
	(void)state;
	BAD(HOLD_AS("-5"), 6, "hold: '-5' is not a duration");
	BAD(REPS_AS("-5"), 7, "reps: '-5' is not a count");
}

static void
number_plus_sign(void **state)
{
	(void)state;
	BAD(HOLD_AS("+5"), 6, "hold: '+5' is not a duration");
}

static void
number_float(void **state)
{
	(void)state;
	BAD(HOLD_AS("1.5"), 6, "hold: '1.5' is not a duration");
	BAD(REPS_AS("2.0"), 7, "reps: '2.0' is not a count");
}

static void
number_hex(void **state)
{
	(void)state;
	BAD(REPS_AS("0x10"), 7, "reps: '0x10' is not a count");
}

static void
number_trailing_junk(void **state)
{
	(void)state;
	BAD(HOLD_AS("20abc"), 6, "hold: '20abc' is not a duration");
	BAD(REPS_AS("5 reps"), 7, "reps: '5 reps' is not a count");
}

static void
number_huge(void **state)
{
	(void)state;
	BAD(REPS_AS("99999999999999999999"), 7,
	    "reps: '99999999999999999999' is not a count");
	BAD(HOLD_AS("10000000"), 6, "is not a duration");
}

static void
number_leading_zero_and_units(void **state)
{
	(void)state;
	BAD(REPS_AS("007"), 7, "reps: '007' is not a count");
	BAD(HOLD_AS("1h"), 6, "hold: '1h' is not a duration");
	BAD(HOLD_AS("1m60s"), 6, "hold: '1m60s' is not a duration");
	BAD(HOLD_AS("''"), 6, "hold: '' is not a duration");
	BAD(HOLD_AS("~"), 6, "hold: '~' is not a duration");
}

static void
item_number_wrong(void **state)
{
	(void)state;
	BAD(SQUEEZE PRESET_P "        time: 30x\n" /* 15 */, 15,
	    "preset 'p', item 1: time: '30x' is not a duration");
}

static void
timing_missing(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n" /* 2 */
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "exercise 'squeeze' has no timing");
}

static void
timing_zero(void **state)
{
	(void)state;
	/* 0 is the same as leaving the key out */
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    time: 0\n" /* 6 */
	    "    steps:\n"
	    "      - Squeeze.\n",
	    6, "has no timing");
	BAD("exercises:\n"
	    "  - id: squeeze\n" /* 2 */
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 0\n"
	    "    reps: 0\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "has no timing");
}

static void
timing_hold_and_time(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    time: 30\n"
	    "    hold: 10\n" /* 7 */
	    "    steps:\n"
	    "      - Squeeze.\n",
	    7, "is timed in more than one way");
}

static void
timing_hold_and_breaths(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    breaths: 5\n" /* 7 */
	    "    steps:\n"
	    "      - Squeeze.\n",
	    7, "is timed in more than one way");
}

static void
timing_time_and_breaths(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    breaths: 5\n" /* 6 */
	    "    time: 60\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    6, "is timed in more than one way");
}

static void
timing_time_and_reps(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    time: 30\n"
	    "    reps: 5\n" /* 7 */
	    "    steps:\n"
	    "      - Squeeze.\n",
	    7, "is timed in more than one way");
}

static void
timing_tempo_with_hold(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    reps: 5\n"
	    "    tempo: 2\n" /* 8 */
	    "    steps:\n"
	    "      - Squeeze.\n",
	    8, "sets tempo, which only goes with reps alone");
}

static void
timing_tempo_with_time(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: march\n"
	    "    name: March\n"
	    "    kind: warmup\n"
	    "    position: standing\n"
	    "    time: 60\n"
	    "    tempo: 2\n" /* 7 */
	    "    steps:\n"
	    "      - March.\n",
	    7, "sets tempo");
}

static void
step_over_an_hour(void **state)
{
	(void)state;
	BAD(HOLD_AS("61m"), 6, "is longer than 1 hour");
	BAD("exercises:\n"
	    "  - id: march\n"
	    "    name: March\n"
	    "    kind: warmup\n"
	    "    position: standing\n"
	    "    time: 3601\n" /* 6 */
	    "    steps:\n"
	    "      - March.\n",
	    6, "is longer than 1 hour");
	/* counted reps: 1000 reps at 4 s make one set 4000 s */
	BAD("exercises:\n"
	    "  - id: curl\n"
	    "    name: Curl\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    reps: 1000\n" /* 6 */
	    "    tempo: 4\n"
	    "    steps:\n"
	    "      - Curl.\n",
	    6, "makes one set longer than 1 hour");
}

static void
step_limits(void **state)
{
	(void)state;
	BAD(HOLD_AS("10\n    sets: 101"), 7, "is over 100 sets");
	BAD(HOLD_AS("10\n    sets: 2\n    rest: 3601"), 8,
	    "is longer than 1 hour");
	BAD(REPS_AS("1001"), 7, "is over 1000 reps");
	BAD("exercises:\n"
	    "  - id: breathe\n"
	    "    name: Breathe\n"
	    "    kind: yoga\n"
	    "    position: floor\n"
	    "    breaths: 361\n" /* 6 */
	    "    steps:\n"
	    "      - Breathe.\n",
	    6, "is over 360 breaths");
	BAD("exercises:\n"
	    "  - id: curl\n"
	    "    name: Curl\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    reps: 10\n"
	    "    tempo: 61\n" /* 7 */
	    "    steps:\n"
	    "      - Curl.\n",
	    7, "is over 60 s per rep");
}

static void
item_step_over_an_hour(void **state)
{
	(void)state;
	BAD_AT_FINISH(SQUEEZE PRESET_P "        time: 3601\n", 14,
	              "preset 'p', item 1 (squeeze) is longer than 1 hour");
}

static void
item_tempo_with_hold(void **state)
{
	(void)state;
	/* the exercise counts reps; the item makes it a hold with a
	 * tempo, which is refused once the two are combined */
	BAD_AT_FINISH("exercises:\n"
	              "  - id: curl\n"
	              "    name: Curl\n"
	              "    kind: strength\n"
	              "    position: standing\n"
	              "    reps: 10\n"
	              "    steps:\n"
	              "      - Curl.\n"
	              "presets:\n"
	              "  - id: p\n"
	              "    name: P\n"
	              "    items:\n"
	              "      - exercise: curl\n" /* 13 */
	              "        hold: 10\n"
	              "        tempo: 3\n",
	              13, "(curl) sets tempo");
}

/* Five moves of an hour and 5 s get-ready each: 5:00:25. */
#define FIVE_HOURS                                                          \
	"exercises:\n"                                                       \
	"  - id: march\n"                                                    \
	"    name: March\n"                                                  \
	"    kind: warmup\n"                                                 \
	"    position: standing\n"                                           \
	"    time: 60m\n"                                                    \
	"    steps:\n"                                                       \
	"      - March.\n"                                                   \
	"presets:\n"                                                         \
	"  - id: long\n" /* 10 */                                            \
	"    name: Long\n"                                                   \
	"    items:\n"                                                       \
	"      - exercise: march\n"                                          \
	"      - exercise: march\n"                                          \
	"      - exercise: march\n"                                          \
	"      - exercise: march\n"                                          \
	"      - exercise: march\n"

static void
preset_over_four_hours(void **state)
{
	(void)state;
	BAD_AT_FINISH(FIVE_HOURS, 10, "preset 'long' lasts");
	BAD_AT_FINISH(FIVE_HOURS, 10, "5:00:25, over the 4 hour limit");
}

static void
preset_just_over_four_hours(void **state)
{
	(void)state;
	/* 4 x (5 s ready + 3600 s) = 4:00:20: over by the get-ready time */
	BAD_AT_FINISH("exercises:\n"
	              "  - id: march\n"
	              "    name: March\n"
	              "    kind: warmup\n"
	              "    position: standing\n"
	              "    time: 3600\n"
	              "    steps:\n"
	              "      - March.\n"
	              "presets:\n"
	              "  - id: long\n" /* 10 */
	              "    name: Long\n"
	              "    items:\n"
	              "      - exercise: march\n"
	              "      - exercise: march\n"
	              "      - exercise: march\n"
	              "      - exercise: march\n",
	              10, "4:00:20, over the 4 hour limit");
	/* holds with releases: the timeline's own total goes over */
	BAD_AT_FINISH("exercises:\n"
	              "  - id: hold\n"
	              "    name: Hold\n"
	              "    kind: stretch\n"
	              "    position: standing\n"
	              "    sides: each\n"
	              "    hold: 60\n"
	              "    reps: 20\n"
	              "    steps:\n"
	              "      - Hold.\n"
	              "presets:\n"
	              "  - id: long\n" /* 12 */
	              "    name: Long\n"
	              "    items:\n"
	              "      - exercise: hold\n"
	              "      - exercise: hold\n"
	              "      - exercise: hold\n"
	              "      - exercise: hold\n"
	              "      - exercise: hold\n"
	              "      - exercise: hold\n",
	              12, "over the 4 hour limit");
}

static void
preset_absurd_is_refused_quickly(void **state)
{
	/* each item would be 400,000 steps; 3000 of them must be refused
	 * from the numbers, without building a timeline of gigabytes */
	static const char head[] = "exercises:\n"
	                           "  - id: big\n"
	                           "    name: Big\n"
	                           "    kind: strength\n"
	                           "    position: standing\n"
	                           "    sides: each\n"
	                           "    hold: 1\n"
	                           "    reps: 1000\n"
	                           "    sets: 100\n"
	                           "    steps:\n"
	                           "      - Hold.\n"
	                           "presets:\n"
	                           "  - id: huge\n" /* 13 */
	                           "    name: Huge\n"
	                           "    items:\n";
	static const char item[] = "      - exercise: big\n";
	size_t n = strlen(head) + 3000 * strlen(item) + 1, i;
	char *yaml = malloc(n);
	struct timespec t0, t1;

	(void)state;
	assert_non_null(yaml);
	strcpy(yaml, head);
	for (i = 0; i < 3000; i++)
		strcpy(yaml + strlen(head) + i * strlen(item), item);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	BAD_AT_FINISH(yaml, 13, "over the 4 hour limit");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true(t1.tv_sec - t0.tv_sec < 20);
	free(yaml);
}

static void
preset_empty(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n"
	            "    name: P\n"
	            "    items: []\n" /* 13 */,
	    13, "preset 'p': items is empty");
}

static void
steps_empty(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps: []\n" /* 7 */,
	    7, "exercise 'squeeze': steps is empty");
}

static void
steps_too_many(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps: [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, "
	    "r, s, t, u]\n" /* 7 */,
	    7, "steps has more than 20 entries");
}

static void
control_in_name(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: \"\\e[31mRed\"\n" /* 3 */
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    3, "name contains U+001B, a control character; such characters "
	       "are not allowed (\"\\x1b[31mRed\")");
}

static void
control_in_steps(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n"
	    "      - \"Clear \\e[2J the screen\"\n" /* 9 */,
	    9, "steps contains U+00");
}

static void
control_in_cues(void **state)
{
	(void)state;
	BAD(SQUEEZE "    cues:\n"
	            "      - Breathe\n"
	            "      - \"Ring \\a the bell\"\n" /* 12 */,
	    12, "cues contains U+00");
}

static void
control_in_caution(void **state)
{
	(void)state;
	/* U+009B is the one-byte CSI of C1 */
	BAD(SQUEEZE "    caution: \"Careful \\u009b31m\"\n" /* 10 */, 10,
	    "caution contains U+00");
}

static void
control_in_source(void **state)
{
	(void)state;
	BAD(SQUEEZE "    source: \"Article\\r\\n\"\n" /* 10 */, 10,
	    "source contains U+00");
}

static void
control_in_summary(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n"
	            "    name: P\n"
	            "    summary: \"\\e]0;new title\\a\"\n" /* 13 */
	            "    items:\n"
	            "      - exercise: squeeze\n",
	    13, "summary contains U+00");
}

static void
control_in_preset_name(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: p\n"
	            "    name: \"P\\x7f\"\n" /* 12 */
	            "    items:\n"
	            "      - exercise: squeeze\n",
	    12, "name contains U+00");
}

static void
control_in_unknown_key(void **state)
{
	(void)state;
	BAD(SQUEEZE "\"\\e[31m\": 1\n" /* 10 */, 10,
	    "unknown key '\\x1b[31m'");
}

static void
nul_in_string(void **state)
{
	(void)state;
	/* libcyaml would keep only "Sq"; the file is refused instead */
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: \"Sq\\0ueeze\"\n" /* 3 */
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    3, "NUL character");
	BAD(SQUEEZE "    cues: [\"a\\x00b\"]\n" /* 10 */, 10, "NUL character");
	BAD(SQUEEZE "    cues: [\"a\\u0000b\"]\n" /* 10 */, 10,
	    "NUL character");
	BAD(SQUEEZE "    cues: [\"a\\U00000000\"]\n" /* 10 */, 10,
	    "NUL character");
	BAD(SQUEEZE "    cues: [\"\\0\"]\n" /* 10 */, 10, "NUL character");
	/* not a NUL, and fine: other escapes, and backslashes outside
	 * double quotes */
	{
		struct catalog cat;

		catalog_init(&cat);
		GOOD(&cat, SQUEEZE "    cues: [\"a\\x41\\u00e9\\\\0\", "
		                   "'\\0', b\\x00]\n");
		assert_string_equal(cat.exercises[0]->cues[0],
		                    "aA\xc3\xa9\\0");
		assert_string_equal(cat.exercises[0]->cues[1], "\\0");
		assert_string_equal(cat.exercises[0]->cues[2], "b\\x00");
		catalog_free(&cat);
	}
}

static void
invalid_utf8(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Sq\xff" "ueeze\n" /* 8 */,
	    8, "UTF-8");
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Sq\xc3(eeze\n" /* 3 */
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    3, "UTF-8");
}

static void
tab_indentation(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "\tkind: strength\n" /* 4 */
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    4, "tab");
}

static void
tab_in_string(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: \"Sq\\tueeze\"\n" /* 3 */
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    3, "name contains U+0009, a control character; such characters "
	       "are not allowed (\"Sq\\x09ueeze\")");
}

static void
alias_refused(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps: &how\n"
	    "      - Squeeze.\n"
	    "  - id: press\n"
	    "    name: Press\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    reps: 10\n"
	    "    steps: *how\n" /* 14 */,
	    14, "YAML aliases (*name) are not allowed");
}

static void
deep_nesting(void **state)
{
	enum { DEPTH = 10000 };
	char *yaml = malloc(2 * DEPTH + sizeof SQUEEZE + 32);
	size_t n;

	(void)state;
	assert_non_null(yaml);
	/* unclosed */
	n = (size_t)sprintf(yaml, "exercises: ");
	memset(yaml + n, '[', DEPTH);
	strcpy(yaml + n + DEPTH, "\n");
	BAD(yaml, 1, "wrong type");
	/* closed: well-formed YAML, but not a catalog */
	memset(yaml + n + DEPTH, ']', DEPTH);
	strcpy(yaml + n + 2 * DEPTH, "\n");
	BAD(yaml, 1, "wrong type");
	/* under an unknown key */
	n = (size_t)sprintf(yaml, "%s", SQUEEZE "deep: ");
	memset(yaml + n, '[', DEPTH);
	memset(yaml + n + DEPTH, ']', DEPTH);
	strcpy(yaml + n + 2 * DEPTH, "\n");
	BAD(yaml, 10, "unknown key 'deep'");
	free(yaml);
}

static void
empty_file(void **state)
{
	(void)state;
	BAD("", 0, "file is empty");
}

static void
comment_only_file(void **state)
{
	(void)state;
	BAD("# my presets\n"
	    "\n"
	    "# (none yet)\n",
	    0, "file is empty");
}

static void
defines_nothing(void **state)
{
	(void)state;
	BAD("# nothing\n"
	    "exercises: []\n" /* 2 */,
	    2, "defines no exercises and no presets");
	BAD("presets: []\n", 1, "defines no exercises and no presets");
	BAD("{}\n", 1, "defines no exercises and no presets");
}

static void
bad_exercise_id(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: Squeeze_1\n" /* 2 */
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "exercise 1: id \"Squeeze_1\" must be 1-40 characters of a-z");
	BAD("exercises:\n"
	    "  - id: -squeeze\n" /* 2 */
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "must be 1-40 characters");
	BAD("exercises:\n"
	    "  - id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n" /* 2: 41 */
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "must be 1-40 characters");
	BAD("exercises:\n"
	    "  - id: ''\n" /* 2 */
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    2, "must be 1-40 characters");
}

static void
bad_preset_id(void **state)
{
	(void)state;
	BAD(SQUEEZE "presets:\n"
	            "  - id: my preset\n" /* 11 */
	            "    name: P\n"
	            "    items:\n"
	            "      - exercise: squeeze\n",
	    11, "preset 1: id \"my preset\" must be 1-40 characters");
}

static void
bad_equipment(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze\n"
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    equipment: [chair, Foam Roller]\n" /* 6 */
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    6, "equipment entry \"Foam Roller\" must be a word");
}

static void
name_too_long_or_empty(void **state)
{
	(void)state;
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: Squeeze squeeze squeeze squeeze squeeze squeeze "
	    "squeeze squeeze\n" /* 3 */
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    3, "name is longer than 60 characters");
	BAD("exercises:\n"
	    "  - id: squeeze\n"
	    "    name: ''\n" /* 3 */
	    "    kind: strength\n"
	    "    position: standing\n"
	    "    hold: 10\n"
	    "    steps:\n"
	    "      - Squeeze.\n",
	    3, "name is empty");
}

static void
second_document(void **state)
{
	(void)state;
	/* libcyaml would read the first and silently drop the rest */
	BAD(SQUEEZE "---\n" /* 10 */
	            "exercises: 5\n",
	    10, "a second YAML document");
	BAD(SQUEEZE "...\n"
	            "---\n" /* 11 */
	            "[[[\n",
	    11, "a second YAML document");
}

static void
document_markers_alone_are_fine(void **state)
{
	struct catalog cat;

	(void)state;
	catalog_init(&cat);
	GOOD(&cat, "%YAML 1.1\n"
	           "# comment\n"
	           "--- # the one document\n" SQUEEZE "...\n"
	           "# trailing comment\n");
	assert_non_null(catalog_exercise(&cat, "squeeze"));
	catalog_free(&cat);
	/* a backslash only triggers a second look */
	catalog_init(&cat);
	GOOD(&cat, SQUEEZE "    cues: [\"Keep it \\\"easy\\\"\", 'a \\ b']\n");
	assert_string_equal(catalog_exercise(&cat, "squeeze")->cues[0],
	                    "Keep it \"easy\"");
	assert_string_equal(catalog_exercise(&cat, "squeeze")->cues[1],
	                    "a \\ b");
	catalog_free(&cat);
}

static void
file_over_16_mib(void **state)
{
	size_t len = CATALOG_FILE_MAX + 1;
	unsigned char *big = malloc(len);
	static const char good[] = SQUEEZE "#";
	struct catalog cat;
	struct diag d;

	(void)state;
	assert_non_null(big);
	/* a valid catalog padded with a comment: only the size is wrong */
	memcpy(big, good, strlen(good));
	memset(big + strlen(good), 'x', len - strlen(good) - 1);
	big[len - 1] = '\n';
	catalog_init(&cat);
	assert_int_equal(catalog_add_data(&cat, "big.yaml", big, len, &d), -1);
	assert_string_equal(d.file, "big.yaml");
	assert_int_equal(d.line, 0);
	assert_non_null(strstr(d.msg, "larger than 16 MiB"));
	assert_int_equal(cat.exercises_count, 0);
	/* one byte less is loaded */
	assert_int_equal(catalog_add_data(&cat, "big.yaml", big, len - 1, &d),
	                 0);
	assert_int_equal(cat.exercises_count, 1);
	catalog_free(&cat);
	free(big);
}

/* ---- areas and figures -------------------------------------------------- */

static void
areas_unknown_word(void **state)
{
	(void)state;
	BAD(SQUEEZE "    areas: [neck, nek]\n", 10,
	    "exercise 'squeeze': areas: unknown area 'nek' (did you mean "
	    "'neck'?); expected one or more of: neck, shoulders, upper-back, "
	    "mid-back, chest, core, full-body");
	/* one a line: the line of the word */
	BAD(SQUEEZE "    areas:\n"
	            "      - upper-back\n"
	            "      - shoulder\n", /* 12 */
	    12, "unknown area 'shoulder' (did you mean 'shoulders'?)");
	/* nothing close: no suggestion; case matters, as for every word */
	BAD(SQUEEZE "    areas: [legs]\n", 10,
	    "unknown area 'legs'; expected one or more of: neck,");
	BAD(SQUEEZE "    areas: [Neck]\n", 10, "unknown area 'Neck'");
	BAD(SQUEEZE "    areas: [\"\"]\n", 10, "unknown area ''");
}

static void
areas_empty(void **state)
{
	(void)state;
	BAD(SQUEEZE "    areas: []\n", 10,
	    "key 'areas' is empty; expected one or more of: neck, shoulders");
}

static void
areas_duplicate(void **state)
{
	(void)state;
	BAD(SQUEEZE "    areas:\n"
	            "      - neck\n"
	            "      - core\n"
	            "      - neck\n", /* 13 */
	    13, "exercise 'squeeze': areas: 'neck' is listed twice");
}

static void
areas_not_a_list(void **state)
{
	(void)state;
	BAD(SQUEEZE "    areas: neck\n", 10,
	    "key 'areas': wrong type: expected a list");
	BAD(SQUEEZE "    areas: [[neck]]\n", 10, "wrong type");
}

static void
areas_control_characters(void **state)
{
	(void)state;
	/* shown escaped (bad_yaml_at checks the message is printable) */
	BAD(SQUEEZE "    areas: [neck, \"co\\u001bre\"]\n", 10,
	    "unknown area 'co\\x1bre'");
}

static void
areas_good(void **state)
{
	struct catalog cat;

	(void)state;
	catalog_init(&cat);
	GOOD(&cat, SQUEEZE "    areas: [full-body, neck, shoulders, "
	                   "upper-back, mid-back, chest, core]\n");
	assert_int_equal(cat.exercises[0]->areas, AREAS_ALL);
	catalog_free(&cat);
	catalog_init(&cat);
	GOOD(&cat, SQUEEZE "    areas:\n      - mid-back\n      - chest\n");
	assert_int_equal(cat.exercises[0]->areas,
	                 AREA_BIT(AREA_MID_BACK) | AREA_BIT(AREA_CHEST));
	catalog_free(&cat);
	/* optional in a user's file */
	catalog_init(&cat);
	GOOD(&cat, SQUEEZE);
	assert_int_equal(cat.exercises[0]->areas, 0);
	catalog_free(&cat);
}

/* A valid exercise with sides: each, lines 1-9; a figure follows it. */
#define REACH                                                               \
	"exercises:\n"         /* 1 */                                      \
	"  - id: reach\n"      /* 2 */                                      \
	"    name: Reach\n"    /* 3 */                                      \
	"    kind: stretch\n"  /* 4 */                                      \
	"    position: any\n"  /* 5 */                                      \
	"    sides: each\n"    /* 6 */                                      \
	"    hold: 10\n"       /* 7 */                                      \
	"    steps:\n"         /* 8 */                                      \
	"      - Reach.\n"     /* 9 */

static void
figure_no_frames(void **state)
{
	(void)state;
	BAD(REACH "    figure:\n" /* 10 */
	          "      mirror: true\n",
	    10,
	    "exercise 'reach': figure: no frames; expected frames: a list "
	    "of 1 to 4 drawings");
	BAD(REACH "    figure: {}\n", 10, "figure: no frames");
	BAD(REACH "    figure:\n"
	          "      frames: []\n", /* 11 */
	    11, "exercise 'reach': figure: no frames");
}

static void
figure_wrong_types(void **state)
{
	(void)state;
	BAD(REACH "    figure: [o]\n", 10,
	    "key 'figure': wrong type: expected a mapping");
	BAD(REACH "    figure:\n"
	          "      frames: o\n", /* 11 */
	    11, "exercise 1, figure: key 'frames': wrong type: expected a "
	        "list");
	BAD(REACH "    figure:\n"
	          "      frames: [[o]]\n", /* 11 */
	    11, "exercise 1, figure: wrong type: expected a single value");
}

static void
figure_unknown_key(void **state)
{
	(void)state;
	BAD(REACH "    figure:\n"
	          "      frames: [o]\n"
	          "      mirrored: true\n", /* 12 */
	    12, "exercise 1, figure: unknown key 'mirrored'; expected one "
	        "of: frames, mirror");
	/* the exercise's own keys are still listed for the exercise */
	BAD(REACH "    figures: [o]\n", 10,
	    "unknown key 'figures'; expected one of: id, name, kind, "
	    "position, equipment, sides, time, hold, breaths, reps, tempo, "
	    "sets, rest, steps, cues, caution, source, areas, figure");
}

static void
figure_too_many_frames(void **state)
{
	(void)state;
	BAD(REACH "    figure:\n"
	          "      frames:\n"
	          "        - a\n"
	          "        - b\n"
	          "        - c\n"
	          "        - d\n"
	          "        - e\n", /* 16 */
	    16, "exercise 'reach': figure: 5 frames; at most 4 are allowed");
}

static void
figure_too_many_lines(void **state)
{
	struct catalog cat;

	(void)state;
	BAD(REACH "    figure:\n"
	          "      frames:\n"
	          "        - |\n" /* 12 */
	          "          1\n"
	          "          2\n"
	          "          3\n"
	          "          4\n"
	          "          5\n"
	          "          6\n"
	          "          7\n"
	          "          8\n"
	          "          9\n"
	          "          10\n"
	          "          11\n", /* 23 */
	    23, "figure: frame 1 has 11 lines; at most 10 are allowed");
	/* ten lines, and the block's last newline, are fine */
	catalog_init(&cat);
	GOOD(&cat, REACH "    figure:\n"
	                 "      frames:\n"
	                 "        - |\n"
	                 "          1\n          2\n          3\n"
	                 "          4\n          5\n          6\n"
	                 "          7\n          8\n          9\n"
	                 "          10\n");
	assert_int_equal(cat.exercises[0]->figure->height, 10);
	assert_int_equal(cat.exercises[0]->figure->width, 2);
	catalog_free(&cat);
}

static void
figure_line_too_long(void **state)
{
	(void)state;
	BAD(REACH "    figure:\n"
	          "      frames:\n"
	          "        - |\n"
	          "          123456789012345678901234\n"
	          "          1234567890123456789012345\n", /* 14 */
	    14, "figure: frame 1, line 2 is 25 columns wide; at most 24 are "
	        "allowed");
}

static void
figure_sizes_differ(void **state)
{
	(void)state;
	BAD(REACH "    figure:\n"
	          "      frames:\n"
	          "        - |\n"
	          "          o\n"
	          "          |\n"
	          "        - |\n" /* 15 */
	          "          o\n",
	    15, "figure: frame 2 has 1 line and frame 1 has 2; every frame "
	        "needs the same number of lines");
}

static void
figure_tab(void **state)
{
	(void)state;
	BAD(REACH "    figure:\n"
	          "      frames:\n"
	          "        - |\n"
	          "          o\n"
	          "          |\t|\n", /* 14 */
	    14, "figure: frame 1, line 2 has a tab; use spaces");
}

static void
figure_not_printable_ascii(void **state)
{
	(void)state;
	/* UTF-8 is fine in text but not in a drawing */
	BAD(REACH "    figure:\n"
	          "      frames:\n"
	          "        - |\n"
	          "          o\n"
	          "          \xc3\xa9\n", /* 14 */
	    14, "figure: frame 1, line 2 has byte 0xc3; only printable ASCII "
	        "(space to ~) is allowed");
	/* control characters and DEL, in any style of scalar: its line */
	BAD(REACH "    figure:\n"
	          "      frames:\n"
	          "        - o\n"
	          "        - \"\\u001b[2J\"\n", /* 13 */
	    13, "figure: frame 2, line 1 has byte 0x1b");
	BAD(REACH "    figure:\n"
	          "      frames: [\"o\\x7f\"]\n", /* 11 */
	    11, "figure: frame 1, line 1 has byte 0x7f");
	BAD(REACH "    figure:\n"
	          "      frames: [\"o\\r\\n|\"]\n", /* 11 */
	    11, "figure: frame 1, line 1 has byte 0x0d");
}

static void
figure_blank_frame(void **state)
{
	(void)state;
	BAD(REACH "    figure:\n"
	          "      frames:\n"
	          "        - o\n"
	          "        - \"   \"\n", /* 13 */
	    13, "figure: frame 2 is blank; draw the move in it");
	BAD(REACH "    figure:\n"
	          "      frames: [\"\"]\n", /* 11 */
	    11, "figure: frame 1 is blank");
}

static void
figure_mirror_not_a_bool(void **state)
{
	(void)state;
	BAD(REACH "    figure:\n"
	          "      frames: [o]\n"
	          "      mirror: yes\n", /* 12 */
	    12, "exercise 'reach': figure: mirror: 'yes' is not true or "
	        "false");
	BAD(REACH "    figure:\n"
	          "      frames: [o]\n"
	          "      mirror: [true]\n", /* 12 */
	    12, "key 'mirror': wrong type");
}

/* Loads yaml, which must be good, and returns its first exercise's
 * figure; the catalog is left in *cat. */
static const struct figure *
load_figure(struct catalog *cat, const char *yaml)
{
	catalog_init(cat);
	GOOD(cat, yaml);
	assert_non_null(cat->exercises[0]->figure);
	return cat->exercises[0]->figure;
}

static void
figure_padded_to_one_size(void **state)
{
	const struct figure *f;
	struct catalog cat;

	(void)state;
	/* frame 2 has the longest line: every line of both frames is as
	 * wide; the block's last newline is not a line */
	f = load_figure(&cat, REACH "    figure:\n"
	                            "      frames:\n"
	                            "        - |\n"
	                            "          o\n"
	                            "          /|\\\n"
	                            "        - |\n"
	                            "          o__/\n"
	                            "          |\n");
	assert_int_equal(f->frames_count, 2);
	assert_int_equal(f->width, 4);
	assert_int_equal(f->height, 2);
	assert_string_equal(f->frames[0], "o   \n/|\\ ");
	assert_string_equal(f->frames[1], "o__/\n|   ");
	assert_true(f->mirror); /* sides: each */
	catalog_free(&cat);
}

static void
figure_leading_spaces_and_styles(void **state)
{
	const struct figure *f;
	struct catalog cat;

	(void)state;
	/* a first line that starts with spaces needs the indentation
	 * written (|2); |- drops the last newline, a flow string has none */
	f = load_figure(&cat, REACH "    figure:\n"
	                            "      frames:\n"
	                            "        - |2\n"
	                            "           o\n"
	                            "          /|\\\n"
	                            "        - |-\n"
	                            "          \\o/\n"
	                            "           |\n"
	                            "        - \" o\\n/|\"\n"
	                            "      mirror: false\n");
	assert_int_equal(f->frames_count, 3);
	assert_int_equal(f->width, 3);
	assert_int_equal(f->height, 2);
	assert_string_equal(f->frames[0], " o \n/|\\");
	assert_string_equal(f->frames[1], "\\o/\n | ");
	assert_string_equal(f->frames[2], " o \n/| ");
	assert_false(f->mirror);
	catalog_free(&cat);
}

static void
figure_mirror_default_follows_sides(void **state)
{
	static const struct {
		const char *sides, *mirror;
		bool want;
	} cases[] = {
		{"each", "", true},      {"none", "", false},
		{"alternate", "", false}, {"", "", false},
		{"each", "false", false}, {"none", "true", true},
		{"none", "True", true},  {"each", "FALSE", false},
	};
	char yaml[600];
	struct catalog cat;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(yaml, sizeof yaml,
		         "exercises:\n  - id: r\n    name: R\n    kind: stretch\n"
		         "    position: any\n%s%s%s    hold: 10\n    steps: [R.]\n"
		         "    figure:\n      frames: [o]\n%s%s%s",
		         cases[i].sides[0] ? "    sides: " : "", cases[i].sides,
		         cases[i].sides[0] ? "\n" : "",
		         cases[i].mirror[0] ? "      mirror: " : "",
		         cases[i].mirror, cases[i].mirror[0] ? "\n" : "");
		if (load_figure(&cat, yaml)->mirror != cases[i].want)
			print_error("case %zu: %s", i, yaml);
		assert_int_equal(cat.exercises[0]->figure->mirror,
		                 cases[i].want);
		catalog_free(&cat);
	}
}

/* ---- merging by id ------------------------------------------------------ */

static void
merge_replaces_and_adds(void **state)
{
	struct catalog cat;
	size_t n_ex, n_pr;
	const struct exercise *roll;
	const struct preset *p;
	struct diag d;

	(void)state;
	catalog_init(&cat);
	assert_int_equal(sources_add_builtin(&cat, &d), 0);
	n_ex = cat.exercises_count;
	n_pr = cat.presets_count;
	assert_int_equal(
	    load_text(&cat, "user.yaml",
	              "exercises:\n"
	              "  - id: shoulder-roll\n"
	              "    name: My Shoulder Roll\n"
	              "    kind: warmup\n"
	              "    position: seated\n"
	              "    time: 20\n"
	              "    steps:\n"
	              "      - Roll your shoulders.\n"
	              "  - id: my-move\n"
	              "    name: My Move\n"
	              "    kind: stretch\n"
	              "    position: any\n"
	              "    breaths: 3\n"
	              "    steps:\n"
	              "      - Breathe.\n"
	              "presets:\n"
	              "  - id: warmup-6\n"
	              "    name: My warm-up\n"
	              "    items:\n"
	              "      - exercise: shoulder-roll\n"
	              "  - id: mine\n"
	              "    name: Mine\n"
	              "    items:\n"
	              "      - exercise: my-move\n"
	              "      - exercise: cobra\n",
	              &d),
	    0);
	assert_int_equal(catalog_finish(&cat, &d), 0);
	assert_int_equal(cat.exercises_count, n_ex + 1);
	assert_int_equal(cat.presets_count, n_pr + 1);
	roll = catalog_exercise(&cat, "shoulder-roll");
	assert_string_equal(roll->name, "My Shoulder Roll");
	assert_int_equal(roll->timing.mode, TIMING_TIME);
	assert_int_equal(roll->timing.time, 20);
	assert_string_equal(catalog_exercise(&cat, "my-move")->name, "My Move");
	p = catalog_preset(&cat, "warmup-6");
	assert_string_equal(p->name, "My warm-up");
	assert_int_equal(p->items_count, 1);
	assert_int_equal(preset_seconds(p), 25);
	p = catalog_preset(&cat, "mine");
	assert_ptr_equal(p->items[1].ex, catalog_exercise(&cat, "cobra"));
	/* a built-in preset now uses the replaced exercise */
	p = catalog_preset(&cat, "desk-break");
	assert_string_equal(p->items[1].exercise, "shoulder-roll");
	assert_ptr_equal(p->items[1].ex, roll);
	catalog_free(&cat);
}

static void
merge_user_file_with_only_presets(void **state)
{
	struct catalog cat;
	const struct preset *p;
	struct diag d;

	(void)state;
	catalog_init(&cat);
	assert_int_equal(sources_add_builtin(&cat, &d), 0);
	assert_int_equal(load_text(&cat, "mine.yaml",
	                           "presets:\n"
	                           "  - id: quick-two\n"
	                           "    name: Quick two\n"
	                           "    items:\n"
	                           "      - exercise: chin-tuck\n"
	                           "      - exercise: cobra\n"
	                           "        breaths: 3\n",
	                           &d),
	                 0);
	assert_int_equal(catalog_finish(&cat, &d), 0);
	p = catalog_preset(&cat, "quick-two");
	assert_non_null(p);
	assert_ptr_equal(p->items[0].ex, catalog_exercise(&cat, "chin-tuck"));
	assert_ptr_equal(p->items[1].ex, catalog_exercise(&cat, "cobra"));
	assert_int_equal(p->items[1].timing.mode, TIMING_BREATHS);
	assert_int_equal(p->items[1].timing.breaths, 3);
	catalog_free(&cat);
}

static void
merge_later_files_win(void **state)
{
	struct catalog cat;
	struct diag d;
	int i;

	(void)state;
	catalog_init(&cat);
	for (i = 1; i <= 3; i++) {
		char yaml[512];

		snprintf(yaml, sizeof yaml,
		         "exercises:\n"
		         "  - id: squeeze\n"
		         "    name: Squeeze %d\n"
		         "    kind: strength\n"
		         "    position: standing\n"
		         "    hold: %d\n"
		         "    steps: [Squeeze.]\n",
		         i, i * 10);
		assert_int_equal(load_text(&cat, "f.yaml", yaml, &d), 0);
	}
	assert_int_equal(catalog_finish(&cat, &d), 0);
	assert_int_equal(cat.exercises_count, 1);
	assert_string_equal(catalog_exercise(&cat, "squeeze")->name,
	                    "Squeeze 3");
	assert_int_equal(catalog_exercise(&cat, "squeeze")->timing.hold, 30);
	catalog_free(&cat);
}

static void
merge_failed_file_changes_nothing(void **state)
{
	struct catalog cat;
	struct exercise **ex_before;
	struct preset **pr_before;
	size_t n_ex, n_pr, n_docs, i;
	const struct exercise *roll;
	struct diag d;

	(void)state;
	load_builtin(&cat);
	n_ex = cat.exercises_count;
	n_pr = cat.presets_count;
	n_docs = cat.docs_count;
	roll = catalog_exercise(&cat, "shoulder-roll");
	ex_before = malloc(n_ex * sizeof *ex_before);
	pr_before = malloc(n_pr * sizeof *pr_before);
	assert_non_null(ex_before);
	assert_non_null(pr_before);
	memcpy(ex_before, cat.exercises, n_ex * sizeof *ex_before);
	memcpy(pr_before, cat.presets, n_pr * sizeof *pr_before);

	/* good replacements first, the mistake at the end */
	assert_int_equal(load_text(&cat, "user.yaml",
	                           "exercises:\n"
	                           "  - id: shoulder-roll\n"
	                           "    name: Replaced\n"
	                           "    kind: warmup\n"
	                           "    position: seated\n"
	                           "    time: 20\n"
	                           "    steps: [Roll.]\n"
	                           "  - id: new-one\n"
	                           "    name: New\n"
	                           "    kind: warmup\n"
	                           "    position: seated\n"
	                           "    time: 20\n"
	                           "    steps: [Go.]\n"
	                           "presets:\n"
	                           "  - id: warmup-6\n"
	                           "    name: Replaced\n"
	                           "    items: []\n",
	                           &d),
	                 -1);
	assert_string_equal(d.file, "user.yaml");
	assert_int_equal(d.line, 17);
	assert_int_equal(cat.exercises_count, n_ex);
	assert_int_equal(cat.presets_count, n_pr);
	assert_int_equal(cat.docs_count, n_docs);
	assert_memory_equal(cat.exercises, ex_before, n_ex * sizeof *ex_before);
	assert_memory_equal(cat.presets, pr_before, n_pr * sizeof *pr_before);
	assert_ptr_equal(catalog_exercise(&cat, "shoulder-roll"), roll);
	assert_null(catalog_exercise(&cat, "new-one"));
	assert_string_equal(catalog_preset(&cat, "warmup-6")->name,
	                    "6-minute warm-up");
	/* and it still works */
	assert_int_equal(catalog_finish(&cat, &d), 0);
	for (i = 0; i < n_pr; i++)
		assert_true(cat.presets[i]->items_count > 0);
	free(ex_before);
	free(pr_before);
	catalog_free(&cat);
}

/* ---- lookups ------------------------------------------------------------- */

static void
lookup_presets(void **state)
{
	struct catalog cat;
	const struct preset *p;

	(void)state;
	load_builtin(&cat);
	p = catalog_preset(&cat, "warmup-6");
	assert_non_null(p);
	assert_string_equal(p->id, "warmup-6");
	assert_ptr_equal(catalog_preset(&cat, "WARMUP-6"), p);
	assert_ptr_equal(catalog_preset(&cat, "6-minute warm-up"), p);
	assert_ptr_equal(catalog_preset(&cat, "6-MINUTE Warm-Up"), p);
	assert_ptr_equal(catalog_preset(&cat, "desk break"),
	                 catalog_preset(&cat, "desk-break"));
	assert_null(catalog_preset(&cat, "6-minute"));
	assert_null(catalog_preset(&cat, "warmup"));
	assert_null(catalog_preset(&cat, ""));
	assert_null(catalog_preset(
	    &cat, "a-very-long-name-that-is-longer-than-any-id-could-be"));
	assert_non_null(catalog_exercise(&cat, "cobra"));
	assert_ptr_equal(catalog_exercise(&cat, "COBRA"),
	                 catalog_exercise(&cat, "cobra"));
	assert_null(catalog_exercise(&cat, "cobr"));
	catalog_free(&cat);
}

static void
lookup_suggestions(void **state)
{
	struct catalog cat;
	const char *s;

	(void)state;
	load_builtin(&cat);
	s = catalog_suggest_preset(&cat, "warmup6");
	assert_non_null(s);
	assert_string_equal(s, "warmup-6");
	s = catalog_suggest_preset(&cat, "desk-brake");
	assert_non_null(s);
	assert_string_equal(s, "desk-break");
	s = catalog_suggest_preset(&cat, "Posture rest");
	assert_non_null(s);
	assert_string_equal(s, "posture-reset");
	s = catalog_suggest_preset(&cat, "Wall chair and strap");
	assert_non_null(s);
	assert_string_equal(s, "Wall, chair and strap");
	s = catalog_suggest_exercise(&cat, "scapular-sqeeze");
	assert_non_null(s);
	assert_string_equal(s, "scapular-squeeze");
	s = catalog_suggest_exercise(&cat, "cobar");
	assert_non_null(s);
	assert_string_equal(s, "cobra");
	assert_null(catalog_suggest_preset(&cat, "xylophone"));
	assert_null(catalog_suggest_preset(&cat, "helicopter-parenting"));
	assert_null(catalog_suggest_exercise(&cat, "xylophone"));
	assert_null(catalog_suggest_exercise(&cat, "zzzz"));
	catalog_free(&cat);
}

/* ---- preset item overrides ---------------------------------------------- */

static const char override_yaml[] =
    "exercises:\n"
    "  - id: curl\n"
    "    name: Curl\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    sides: each\n"
    "    reps: 10\n"
    "    tempo: 3\n"
    "    sets: 3\n"
    "    rest: 30\n"
    "    steps: [Curl.]\n"
    "  - id: squeeze\n"
    "    name: Squeeze\n"
    "    kind: strength\n"
    "    position: standing\n"
    "    hold: 10\n"
    "    reps: 5\n"
    "    steps: [Squeeze.]\n"
    "presets:\n"
    "  - id: p\n"
    "    name: P\n"
    "    items:\n"
    "      - exercise: curl\n"    /* 0: as written */
    "      - exercise: curl\n"    /* 1: a hold instead */
    "        hold: 20\n"
    "      - exercise: curl\n"    /* 2: one by one */
    "        sets: 2\n"
    "      - exercise: curl\n"    /* 3: self-paced */
    "        tempo: 0\n"
    "      - exercise: curl\n"    /* 4: sides only */
    "        sides: none\n"
    "      - exercise: curl\n"    /* 5: reps is a timing key */
    "        reps: 4\n"
    "      - exercise: curl\n"    /* 6 */
    "        time: 45\n"
    "        sides: alternate\n"
    "      - exercise: squeeze\n" /* 7 */
    "        breaths: 6\n"
    "        reps: 2\n"
    "      - exercise: squeeze\n" /* 8: reps alone drops the hold */
    "        reps: 3\n"
    "      - exercise: squeeze\n" /* 9 */
    "        sets: 2\n"
    "        rest: 15\n"
    "      - exercise: squeeze\n" /* 10: 0 is not written */
    "        hold: 0\n"
    "      - exercise: curl\n"    /* 11: tempo and sets with reps */
    "        reps: 8\n"
    "        tempo: 2\n"
    "        sets: 2\n";

static void
expect_timing(const struct timing *t, enum timing_mode mode,
              enum sides sides, long time, long hold, long breaths,
              long reps, long tempo, long sets, long rest)
{
	assert_int_equal(t->mode, mode);
	assert_int_equal(t->sides, sides);
	assert_int_equal(t->time, time);
	assert_int_equal(t->hold, hold);
	assert_int_equal(t->breaths, breaths);
	assert_int_equal(t->reps, reps);
	assert_int_equal(t->tempo, tempo);
	assert_int_equal(t->sets, sets);
	assert_int_equal(t->rest, rest);
}

static void
overrides_follow_the_rules(void **state)
{
	struct catalog cat;
	const struct preset *p;
	const struct preset_item *it;

	(void)state;
	catalog_init(&cat);
	GOOD(&cat, override_yaml);
	p = catalog_preset(&cat, "p");
	assert_int_equal(p->items_count, 12);
	it = p->items;
	/* mode, sides, time, hold, breaths, reps, tempo, sets, rest */
	expect_timing(&it[0].timing, TIMING_REPS, SIDES_EACH, 0, 0, 0, 10, 3,
	              3, 30);
	expect_timing(&it[1].timing, TIMING_HOLD, SIDES_EACH, 0, 20, 0, 1, 0,
	              1, 0);
	expect_timing(&it[2].timing, TIMING_REPS, SIDES_EACH, 0, 0, 0, 10, 3,
	              2, 30);
	expect_timing(&it[3].timing, TIMING_REPS, SIDES_EACH, 0, 0, 0, 10, 0,
	              3, 30);
	expect_timing(&it[4].timing, TIMING_REPS, SIDES_NONE, 0, 0, 0, 10, 3,
	              3, 30);
	expect_timing(&it[5].timing, TIMING_REPS, SIDES_EACH, 0, 0, 0, 4, 0, 1,
	              0);
	expect_timing(&it[6].timing, TIMING_TIME, SIDES_ALTERNATE, 45, 0, 0, 0,
	              0, 1, 0);
	expect_timing(&it[7].timing, TIMING_BREATHS, SIDES_NONE, 0, 0, 6, 2, 0,
	              1, 0);
	expect_timing(&it[8].timing, TIMING_REPS, SIDES_NONE, 0, 0, 0, 3, 0, 1,
	              0);
	expect_timing(&it[9].timing, TIMING_HOLD, SIDES_NONE, 0, 10, 0, 5, 0, 2,
	              15);
	expect_timing(&it[10].timing, TIMING_HOLD, SIDES_NONE, 0, 10, 0, 5, 0,
	              1, 0);
	expect_timing(&it[11].timing, TIMING_REPS, SIDES_EACH, 0, 0, 0, 8, 2, 2,
	              0);
	/* the exercise itself is untouched */
	expect_timing(&catalog_exercise(&cat, "curl")->timing, TIMING_REPS,
	              SIDES_EACH, 0, 0, 0, 10, 3, 3, 30);
	catalog_free(&cat);
}

static void
params_override_directly(void **state)
{
	struct params base, item;
	struct timing t;
	const char *why, *key;

	(void)state;
	params_init(&base);
	assert_int_equal(base.time, -1);
	assert_int_equal(base.sides, SIDES_UNSET);
	base.hold = 10;
	base.reps = 5;
	base.sets = 2;
	base.rest = 20;
	base.sides = SIDES_EACH;

	/* nothing written: nothing changes */
	params_init(&item);
	params_override(&base, &item);
	assert_int_equal(base.hold, 10);
	assert_int_equal(base.reps, 5);
	assert_int_equal(base.sets, 2);
	assert_int_equal(base.rest, 20);
	assert_int_equal(base.sides, SIDES_EACH);

	/* one by one */
	item.rest = 5;
	params_override(&base, &item);
	assert_int_equal(base.rest, 5);
	assert_int_equal(base.hold, 10);

	/* a timing key replaces timing, tempo, sets and rest */
	params_init(&item);
	item.time = 60;
	params_override(&base, &item);
	assert_int_equal(base.time, 60);
	assert_int_equal(base.hold, -1);
	assert_int_equal(base.reps, -1);
	assert_int_equal(base.sets, -1);
	assert_int_equal(base.rest, -1);
	assert_int_equal(base.sides, SIDES_EACH);
	assert_int_equal(timing_resolve(&base, &t, &why, &key), 0);
	assert_int_equal(t.mode, TIMING_TIME);
	assert_int_equal(t.sets, 1);
	assert_null(why);

	/* sides alone */
	params_init(&item);
	item.sides = SIDES_ALTERNATE;
	params_override(&base, &item);
	assert_int_equal(base.sides, SIDES_ALTERNATE);
	assert_int_equal(base.time, 60);
}

static void
timing_resolve_refusals(void **state)
{
	struct params p;
	struct timing t;
	const char *why, *key;

	(void)state;
	params_init(&p);
	assert_int_equal(timing_resolve(&p, &t, &why, &key), -1);
	assert_non_null(strstr(why, "no timing"));

	p.hold = 10;
	p.breaths = 5;
	assert_int_equal(timing_resolve(&p, &t, &why, &key), -1);
	assert_string_equal(key, "breaths");

	params_init(&p);
	p.time = 10;
	p.hold = 10;
	assert_int_equal(timing_resolve(&p, &t, &why, &key), -1);
	assert_string_equal(key, "hold");

	params_init(&p);
	p.time = 10;
	p.reps = 2;
	assert_int_equal(timing_resolve(&p, &t, &why, &key), -1);
	assert_string_equal(key, "reps");

	params_init(&p);
	p.breaths = 5;
	p.tempo = 2;
	assert_int_equal(timing_resolve(&p, &t, &why, &key), -1);
	assert_string_equal(key, "tempo");

	/* hold or breaths with reps is one way */
	params_init(&p);
	p.breaths = 5;
	p.reps = 3;
	assert_int_equal(timing_resolve(&p, &t, &why, &key), 0);
	assert_int_equal(t.mode, TIMING_BREATHS);
	assert_int_equal(t.reps, 3);

	/* zeros are "not written" */
	params_init(&p);
	p.time = 0;
	p.hold = 0;
	p.reps = 4;
	p.tempo = 0;
	assert_int_equal(timing_resolve(&p, &t, &why, &key), 0);
	assert_int_equal(t.mode, TIMING_REPS);
	assert_int_equal(t.tempo, 0);
}

/* ---- files and directories ----------------------------------------------- */

static void
add_file_directory(void **state)
{
	struct catalog cat;
	struct diag d;

	(void)state;
	make_scratch();
	catalog_init(&cat);
	assert_int_equal(catalog_add_file(&cat, scratch, &d), -1);
	assert_string_equal(d.file, scratch);
	assert_int_equal(d.line, 0);
	assert_non_null(strstr(d.msg, "is a directory"));
	catalog_free(&cat);
	remove_scratch();
}

static void
add_file_missing(void **state)
{
	struct catalog cat;
	struct diag d;
	char path[128];

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/nope.yaml", scratch);
	catalog_init(&cat);
	assert_int_equal(catalog_add_file(&cat, path, &d), -1);
	assert_string_equal(d.file, path);
	assert_non_null(strstr(d.msg, "cannot open"));
	assert_non_null(strstr(d.msg, strerror(ENOENT)));
	catalog_free(&cat);
	remove_scratch();
}

static void
add_file_unreadable(void **state)
{
	struct catalog cat;
	struct diag d;
	char path[128];

	(void)state;
	if (geteuid() == 0)
		skip(); /* root reads anything */
	make_scratch();
	write_file(scratch, "secret.yaml", SQUEEZE);
	snprintf(path, sizeof path, "%s/secret.yaml", scratch);
	assert_int_equal(chmod(path, 0), 0);
	catalog_init(&cat);
	assert_int_equal(catalog_add_file(&cat, path, &d), -1);
	assert_string_equal(d.file, path);
	assert_non_null(strstr(d.msg, "cannot open"));
	assert_non_null(strstr(d.msg, strerror(EACCES)));
	catalog_free(&cat);
	remove_scratch();
}

static void
add_file_fifo(void **state)
{
	struct catalog cat;
	struct diag d;
	char path[128];

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/pipe.yaml", scratch);
	assert_int_equal(mkfifo(path, 0600), 0);
	catalog_init(&cat);
	alarm(10); /* a blocking open would kill the test, not hang it */
	assert_int_equal(catalog_add_file(&cat, path, &d), -1);
	alarm(0);
	assert_string_equal(d.file, path);
	assert_non_null(strstr(d.msg, "not a regular file"));
	catalog_free(&cat);
	remove_scratch();
}

static void
add_file_valid(void **state)
{
	struct catalog cat;
	struct diag d;
	char path[128];

	(void)state;
	make_scratch();
	write_file(scratch, "mine.yaml", SQUEEZE PRESET_P);
	snprintf(path, sizeof path, "%s/mine.yaml", scratch);
	catalog_init(&cat);
	assert_int_equal(catalog_add_file(&cat, path, &d), 0);
	assert_int_equal(catalog_finish(&cat, &d), 0);
	assert_non_null(catalog_exercise(&cat, "squeeze"));
	assert_non_null(catalog_preset(&cat, "p"));
	catalog_free(&cat);

	/* a mistake is reported with the path and the line */
	write_file(scratch, "bad.yaml", SQUEEZE "oops: 1\n");
	snprintf(path, sizeof path, "%s/bad.yaml", scratch);
	catalog_init(&cat);
	assert_int_equal(catalog_add_file(&cat, path, &d), -1);
	assert_string_equal(d.file, path);
	assert_int_equal(d.line, 10);
	assert_non_null(strstr(d.msg, "unknown key 'oops'"));
	catalog_free(&cat);
	remove_scratch();
}

static void
add_file_too_big(void **state)
{
	struct catalog cat;
	struct diag d;
	char path[128];
	int fd;

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/big.yaml", scratch);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, CATALOG_FILE_MAX + 1), 0); /* sparse */
	close(fd);
	catalog_init(&cat);
	assert_int_equal(catalog_add_file(&cat, path, &d), -1);
	assert_string_equal(d.file, path);
	assert_non_null(strstr(d.msg, "larger than 16 MiB"));
	catalog_free(&cat);
	remove_scratch();
}




static void
user_dir_in_name_order(void **state)
{
	struct catalog cat;
	struct diag d;
	char dir[128];
	size_t at_a, at_b;

	(void)state;
	make_scratch();
	snprintf(dir, sizeof dir, "%s/catalog.d", scratch);
	assert_int_equal(mkdir(dir, 0700), 0);
	/* written in reverse so that directory order is unlikely to help */
	write_file(dir, "30-last.yaml",
	           "exercises:\n"
	           "  - id: a\n"
	           "    name: A from 30\n"
	           "    kind: stretch\n"
	           "    position: any\n"
	           "    hold: 30\n"
	           "    steps: [A.]\n");
	write_file(dir, "20-middle.yaml",
	           "exercises:\n"
	           "  - id: a\n"
	           "    name: A from 20\n"
	           "    kind: stretch\n"
	           "    position: any\n"
	           "    hold: 20\n"
	           "    steps: [A.]\n"
	           "presets:\n"
	           "  - id: pa\n"
	           "    name: PA\n"
	           "    items:\n"
	           "      - exercise: a\n"
	           "      - exercise: b\n");
	write_file(dir, "10-first.yaml",
	           "exercises:\n"
	           "  - id: b\n"
	           "    name: B\n"
	           "    kind: stretch\n"
	           "    position: any\n"
	           "    hold: 10\n"
	           "    steps: [B.]\n"
	           "  - id: a\n"
	           "    name: A from 10\n"
	           "    kind: stretch\n"
	           "    position: any\n"
	           "    hold: 10\n"
	           "    steps: [A.]\n");
	/* not catalog files: never read */
	write_file(dir, "notes.txt", "not: [yaml\n");
	write_file(dir, "old.yaml.bak", "not: [yaml\n");
	write_file(dir, "00-first.yml", "not: [yaml\n");
	write_file(dir, ".hidden.yaml", "not: [yaml\n");
	write_file(dir, ".yaml", "not: [yaml\n");

	catalog_init(&cat);
	assert_int_equal(sources_add_user_dir(&cat, dir, NULL, NULL, &d), 0);
	assert_int_equal(cat.exercises_count, builtin_exercises_count + 2);
	assert_int_equal(cat.docs_count, 4); /* the built-in one and 3 */
	assert_string_equal(catalog_exercise(&cat, "a")->name, "A from 30");
	assert_int_equal(catalog_exercise(&cat, "a")->timing.hold, 30);
	/* first seen first: b came in 10-first.yaml before a */
	assert_true(idmap_get(&cat.exercise_ids, "a", &at_a));
	assert_true(idmap_get(&cat.exercise_ids, "b", &at_b));
	assert_int_equal(at_b, builtin_exercises_count);
	assert_int_equal(at_a, builtin_exercises_count + 1);
	assert_ptr_equal(catalog_preset(&cat, "pa")->items[0].ex,
	                 catalog_exercise(&cat, "a"));
	catalog_free(&cat);
	remove_scratch();
}

static void
names_of_enums(void **state)
{
	(void)state;
	assert_string_equal(exercise_kind_name(KIND_YOGA), "yoga");
	assert_string_equal(position_name(POSITION_FLOOR), "floor");
	assert_string_equal(sides_name(SIDES_EACH), "each");
	assert_string_equal(sides_name(SIDES_UNSET), "none");
}

/* The compiled-in C data (gen_builtin) says what parsing the YAML says. */

static void
assert_same_figure(const struct figure *a, const struct figure *b)
{
	unsigned j;

	assert_true((a == NULL) == (b == NULL));
	if (a == NULL)
		return;
	assert_int_equal(a->frames_count, b->frames_count);
	assert_int_equal(a->width, b->width);
	assert_int_equal(a->height, b->height);
	assert_int_equal(a->mirror, b->mirror);
	for (j = 0; j < a->frames_count; j++)
		assert_string_equal(a->frames[j], b->frames[j]);
}

static void
builtin_c_data_matches_the_yaml(void **state)
{
	struct catalog parsed, compiled;
	struct timeline_options opt;
	struct diag d;
	unsigned char *yaml;
	size_t i, len;
	unsigned j;

	(void)state;
	catalog_init(&parsed);
	catalog_init(&compiled);
	/* the YAML the program carries (the Makefile adds it to this test's
	 * file as to the program's) */
	assert_int_equal(selfexe_section("/proc/self/exe",
	                                 BUILTIN_CATALOG_SECTION, 1 << 20,
	                                 &yaml, &len),
	                 0);
	assert_int_equal(catalog_add_data(&parsed, "yaml", yaml, len, &d), 0);
	assert_int_equal(catalog_finish(&parsed, &d), 0);
	assert_int_equal(sources_add_builtin(&compiled, &d), 0);
	assert_int_equal(catalog_finish(&compiled, &d), 0);
	assert_int_equal(parsed.exercises_count, compiled.exercises_count);
	assert_int_equal(parsed.presets_count, compiled.presets_count);
	for (i = 0; i < parsed.exercises_count; i++) {
		const struct exercise *a = parsed.exercises[i];
		const struct exercise *b = compiled.exercises[i];

		assert_string_equal(a->id, b->id);
		assert_string_equal(a->name, b->name);
		assert_int_equal(a->kind, b->kind);
		assert_int_equal(a->position, b->position);
		assert_int_equal(a->equipment_count, b->equipment_count);
		for (j = 0; j < a->equipment_count; j++)
			assert_string_equal(a->equipment[j], b->equipment[j]);
		assert_int_equal(a->steps_count, b->steps_count);
		for (j = 0; j < a->steps_count; j++)
			assert_string_equal(a->steps[j], b->steps[j]);
		assert_int_equal(a->cues_count, b->cues_count);
		for (j = 0; j < a->cues_count; j++)
			assert_string_equal(a->cues[j], b->cues[j]);
		assert_true((a->caution == NULL) == (b->caution == NULL));
		if (a->caution != NULL)
			assert_string_equal(a->caution, b->caution);
		assert_string_equal(a->source, b->source);
		assert_memory_equal(&a->timing, &b->timing, sizeof a->timing);
		assert_int_equal(a->areas, b->areas);
		assert_same_figure(a->figure, b->figure);
	}
	timeline_options_default(&opt);
	for (i = 0; i < parsed.presets_count; i++) {
		assert_string_equal(parsed.presets[i]->id,
		                    compiled.presets[i]->id);
		assert_string_equal(parsed.presets[i]->name,
		                    compiled.presets[i]->name);
		assert_int_equal(parsed.presets[i]->items_count,
		                 compiled.presets[i]->items_count);
		assert_int_equal(timeline_preset_ms(parsed.presets[i], &opt),
		                 timeline_preset_ms(compiled.presets[i], &opt));
	}
	catalog_free(&parsed);
	free(yaml); /* the parsed catalog's text until now */
	catalog_free(&compiled);
}

static int
teardown(void **state)
{
	(void)state;
	alarm(0);
	remove_scratch();
	return 0;
}

#define T(f) cmocka_unit_test_teardown(f, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(builtin_loads_and_resolves),
		T(builtin_warmup6_is_six_minutes),
		T(builtin_desk_break_fits_a_chair),
		T(builtin_exercises_have_steps_and_a_source),
		T(builtin_exercises_have_figures),
		T(builtin_presets_frames_in_range),
		T(builtin_c_data_matches_the_yaml),

		T(bad_syntax),
		T(bad_key_without_colon),
		T(bad_unclosed_quote),
		T(bad_unknown_top_key),
		T(bad_unknown_exercise_key),
		T(bad_unknown_preset_key),
		T(bad_unknown_item_key),
		T(bad_list_where_value_expected),
		T(bad_mapping_where_value_expected),
		T(bad_value_where_list_expected),
		T(bad_equipment_not_a_list),
		T(bad_exercises_not_a_list),
		T(bad_item_not_a_mapping),
		T(bad_key_is_a_list),
		T(bad_top_level_list),
		T(bad_kind),
		T(bad_position),
		T(bad_sides),
		T(bad_item_sides),
		T(bad_enum_with_escape),
		T(missing_id),
		T(missing_name),
		T(missing_steps),
		T(missing_kind),
		T(missing_position),
		T(missing_item_exercise),
		T(missing_items),
		T(missing_preset_name),
		T(duplicate_exercise_id),
		T(duplicate_preset_id),
		T(duplicate_key),
		T(duplicate_top_key),
		T(unknown_exercise_with_suggestion),
		T(unknown_exercise_without_suggestion),
		T(item_exercise_not_an_id),
		T(number_negative),
		T(number_plus_sign),
		T(number_float),
		T(number_hex),
		T(number_trailing_junk),
		T(number_huge),
		T(number_leading_zero_and_units),
		T(item_number_wrong),
		T(timing_missing),
		T(timing_zero),
		T(timing_hold_and_time),
		T(timing_hold_and_breaths),
		T(timing_time_and_breaths),
		T(timing_time_and_reps),
		T(timing_tempo_with_hold),
		T(timing_tempo_with_time),
		T(step_over_an_hour),
		T(step_limits),
		T(item_step_over_an_hour),
		T(item_tempo_with_hold),
		T(preset_over_four_hours),
		T(preset_just_over_four_hours),
		T(preset_absurd_is_refused_quickly),
		T(preset_empty),
		T(steps_empty),
		T(steps_too_many),
		T(control_in_name),
		T(control_in_steps),
		T(control_in_cues),
		T(control_in_caution),
		T(control_in_source),
		T(control_in_summary),
		T(control_in_preset_name),
		T(control_in_unknown_key),
		T(nul_in_string),
		T(invalid_utf8),
		T(tab_indentation),
		T(tab_in_string),
		T(alias_refused),
		T(deep_nesting),
		T(empty_file),
		T(comment_only_file),
		T(defines_nothing),
		T(bad_exercise_id),
		T(bad_preset_id),
		T(bad_equipment),
		T(name_too_long_or_empty),
		T(second_document),
		T(document_markers_alone_are_fine),
		T(file_over_16_mib),

		T(areas_unknown_word),
		T(areas_empty),
		T(areas_duplicate),
		T(areas_not_a_list),
		T(areas_control_characters),
		T(areas_good),
		T(figure_no_frames),
		T(figure_wrong_types),
		T(figure_unknown_key),
		T(figure_too_many_frames),
		T(figure_too_many_lines),
		T(figure_line_too_long),
		T(figure_sizes_differ),
		T(figure_tab),
		T(figure_not_printable_ascii),
		T(figure_blank_frame),
		T(figure_mirror_not_a_bool),
		T(figure_padded_to_one_size),
		T(figure_leading_spaces_and_styles),
		T(figure_mirror_default_follows_sides),

		T(merge_replaces_and_adds),
		T(merge_user_file_with_only_presets),
		T(merge_later_files_win),
		T(merge_failed_file_changes_nothing),
		T(lookup_presets),
		T(lookup_suggestions),
		T(overrides_follow_the_rules),
		T(params_override_directly),
		T(timing_resolve_refusals),

		T(add_file_directory),
		T(add_file_missing),
		T(add_file_unreadable),
		T(add_file_fifo),
		T(add_file_valid),
		T(add_file_too_big),
		T(user_dir_in_name_order),
		T(names_of_enums),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
