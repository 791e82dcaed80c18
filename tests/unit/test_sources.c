/* Unit tests of sources.c: a catalog.d with broken files loads without
 * them, each reported once, in name order, with the line that is wrong. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sources.h"
#include "scratch.h"

static void
put_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", scratch, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

#define EXERCISE(id)                                                           \
	"exercises:\n  - id: " id "\n    name: N\n    kind: stretch\n"         \
	"    position: any\n    time: 20\n    steps: [S.]\n"
#define PRESET(id, ex)                                                         \
	"presets:\n  - id: " id "\n    name: " id "\n    items:\n"             \
	"      - exercise: " ex "\n"

struct seen {
	char names[8][64];
	int lines[8];
	bool left_out[8];
	size_t count;
};

static void
remember(const struct sources_file *f, void *ctx)
{
	struct seen *s = ctx;
	const char *base = strrchr(f->path, '/');

	assert_true(s->count < 8);
	snprintf(s->names[s->count], sizeof s->names[0], "%s", base + 1);
	s->left_out[s->count] = f->left_out;
	s->lines[s->count] = f->left_out ? f->problem.line : 0;
	s->count++;
}

static void
broken_files_are_left_out(void **state)
{
	struct catalog cat;
	struct seen seen = {0};
	struct diag d;

	(void)state;
	make_scratch();
	put_file("1-good.yaml", PRESET("good", "chin-tuck"));
	put_file("2-syntax.yaml", "presets: [\n");
	put_file("3-unknown.yaml", PRESET("lost", "no-such-move"));
	put_file("4-ahead.yaml", PRESET("ahead", "later"));
	put_file("5-later.yaml", EXERCISE("later"));
	/* an override that makes the built-in stretch-session too long */
	put_file("6-huge.yaml",
		 "exercises:\n  - id: trunk-rotation\n    name: T\n"
		 "    kind: stretch\n    position: any\n    time: 3000\n"
		 "    sets: 10\n    steps: [T.]\n");
	put_file("notes.txt", "not: [yaml\n");
	assert_int_equal(
	    sources_add_user_dir(&cat, scratch, remember, &seen, &d), 0);
	/* every catalog file, once, in name order */
	assert_int_equal(seen.count, 6);
	assert_string_equal(seen.names[0], "1-good.yaml");
	assert_string_equal(seen.names[5], "6-huge.yaml");
	assert_false(seen.left_out[0]);
	assert_true(seen.left_out[1]);
	assert_int_equal(seen.lines[1], 2);
	assert_true(seen.left_out[2]);
	assert_int_equal(seen.lines[2], 5);
	assert_false(seen.left_out[3]);
	assert_false(seen.left_out[4]);
	assert_true(seen.left_out[5]);
	/* the rest loaded, the broken ones did not */
	assert_non_null(catalog_preset(&cat, "good"));
	assert_non_null(catalog_preset(&cat, "ahead"));
	assert_null(catalog_preset(&cat, "lost"));
	assert_string_equal(catalog_exercise(&cat, "trunk-rotation")->name,
			    "Trunk Rotation");
	catalog_free(&cat);
	remove_scratch();
}

static void
missing_or_empty_directory(void **state)
{
	struct catalog cat;
	struct seen seen = {0};
	struct diag d;
	char dir[128];

	(void)state;
	make_scratch();
	snprintf(dir, sizeof dir, "%s/none", scratch);
	assert_int_equal(sources_add_user_dir(&cat, dir, remember, &seen, &d),
			 0);
	assert_int_equal(seen.count, 0);
	assert_non_null(catalog_preset(&cat, "warmup-6"));
	catalog_free(&cat);
	assert_int_equal(sources_add_user_dir(&cat, scratch, NULL, NULL, &d),
			 0);
	assert_non_null(catalog_preset(&cat, "warmup-6"));
	catalog_free(&cat);
	remove_scratch();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(broken_files_are_left_out),
	    cmocka_unit_test(missing_or_empty_directory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
