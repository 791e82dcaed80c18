/* Unit tests of large catalog files, which libcyaml reads from the file
 * itself (src/catalog_file.c) and whose text is read again only for a
 * message: the places must be the ones the same text gives when loaded
 * from memory, and a good file must not be kept whole. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "catalog_schema.h"
#include "scratch.h"

enum { EXERCISES = 1200 }; /* about 300 kB: large enough to stream */

/* The text of a catalog of EXERCISES moves and one preset, with one line
 * replaced: line `at` (1-based; 0 for none) becomes `with`; `tail` is
 * added at the end.  *preset_item is the line of the preset's second
 * item. */
static char *
big_catalog(int at, const char *with, const char *tail, int *preset_item)
{
	size_t cap = (size_t)EXERCISES * 400 + 4096, n = 0;
	char *s = malloc(cap), line[200];
	int no = 0, i;

	assert_non_null(s);
#define LINE(...)                                                          \
	do {                                                               \
		snprintf(line, sizeof line, __VA_ARGS__);                  \
		if (++no == at)                                            \
			snprintf(line, sizeof line, "%s", with);           \
		n += (size_t)snprintf(s + n, cap - n, "%s\n", line);       \
	} while (0)
	LINE("exercises:");
	for (i = 0; i < EXERCISES; i++) {
		LINE("  - id: move-%d", i);
		LINE("    name: Move %d", i);
		LINE("    kind: stretch");
		LINE("    position: seated");
		LINE("    equipment: [chair]");
		LINE("    hold: %ds", 10 + i % 20);
		LINE("    reps: 3");
		LINE("    steps:");
		LINE("      - Sit tall and roll your shoulders back slowly.");
		LINE("      - Hold the stretch and breathe out.");
		LINE("    cues: [Keep your neck long]");
		LINE("    source: \"6 Exercises for Upper Back Pain\"");
	}
	LINE("presets:");
	LINE("  - id: big");
	LINE("    name: Big");
	LINE("    items:");
	LINE("      - exercise: move-1");
	LINE("      - exercise: move-2");
	*preset_item = no;
#undef LINE
	n += (size_t)snprintf(s + n, cap - n, "%s", tail);
	assert_true(n < cap - 1);
	return s;
}

/* Loads text from a file and from memory; both must fail (or both
 * succeed) with the same place and message.  Returns the file's diag. */
static int
load_both(const char *text, struct diag *from_file)
{
	struct catalog a, b;
	struct diag d;
	char path[128];
	int ra, rb;

	scratch_write("big.yaml", text, path, sizeof path);
	catalog_init(&a);
	ra = catalog_add_file(&a, path, from_file);
	if (ra == 0)
		ra = catalog_finish(&a, from_file);
	catalog_init(&b);
	rb = catalog_add_data(&b, path, (const unsigned char *)text,
	                      strlen(text), &d);
	if (rb == 0)
		rb = catalog_finish(&b, &d);
	assert_int_equal(ra, rb);
	if (ra != 0) {
		assert_string_equal(from_file->file, d.file);
		assert_int_equal(from_file->line, d.line);
		assert_int_equal(from_file->col, d.col);
		assert_string_equal(from_file->msg, d.msg);
	}
	catalog_free(&a);
	catalog_free(&b);
	return ra;
}

static void
big_file_loads_without_its_text(void **state)
{
	struct catalog cat;
	struct diag d;
	char path[128];
	int item;
	char *text = big_catalog(0, "", "", &item);

	(void)state;
	make_scratch();
	scratch_write("big.yaml", text, path, sizeof path);
	assert_true(strlen(text) > 256 * 1024);
	catalog_init(&cat);
	assert_int_equal(catalog_add_file(&cat, path, &d), 0);
	assert_int_equal(catalog_finish(&cat, &d), 0);
	assert_int_equal(cat.exercises_count, EXERCISES);
	assert_string_equal(catalog_exercise(&cat, "move-1199")->name,
	                    "Move 1199");
	assert_int_equal(catalog_preset(&cat, "big")->items_count, 2);
	/* streamed: nothing of the file is kept */
	assert_int_equal(cat.docs_count, 1);
	assert_null(cat.docs[0]->text);
	catalog_free(&cat);
	free(text);
	remove_scratch();
}

/* A place found after loading (catalog_finish) reads the text again. */
static void
big_file_unknown_exercise_in_preset(void **state)
{
	struct diag d;
	int item;
	char *text = big_catalog(0, "", "", &item);

	(void)state;
	make_scratch();
	free(text);
	/* the second item names a move that is not there */
	text = big_catalog(item, "      - exercise: move-99999", "", &item);
	assert_int_equal(load_both(text, &d), -1);
	assert_int_equal(d.line, item);
	assert_non_null(strstr(d.msg, "unknown exercise 'move-99999'"));
	free(text);
	remove_scratch();
}

/* Places found while checking the file, and libcyaml's own errors. */
static void
big_file_mistakes_deep_inside(void **state)
{
	static const struct {
		int at; /* line replaced: exercise 1001's own lines */
		const char *with, *gist;
	} cases[] = {
		{1 + 1000 * 12 + 6, "    hold: 10x", "is not a duration"},
		{1 + 1000 * 12 + 3, "    kind: strech", "unknown value"},
		{1 + 1000 * 12 + 4, "    positon: seated", "unknown key"},
		{1 + 1000 * 12 + 1, "  - id: move-5", "defined twice"},
		{1 + 1000 * 12 + 11, "    cues: [Keep", "YAML syntax error"},
	};
	struct diag d;
	size_t i;
	int item;
	char *text;

	(void)state;
	make_scratch();
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		text = big_catalog(cases[i].at, cases[i].with, "", &item);
		assert_int_equal(load_both(text, &d), -1);
		assert_non_null(strstr(d.msg, cases[i].gist));
		if (i < 4) /* a syntax error is found further on */
			assert_int_equal(d.line, cases[i].at);
		free(text);
	}
	remove_scratch();
}

/* What needs the second scan (read whole) is still refused. */
static void
big_file_second_document_or_nul(void **state)
{
	struct diag d;
	int item;
	char *text;

	(void)state;
	make_scratch();
	text = big_catalog(0, "", "---\nexercises: []\n", &item);
	assert_int_equal(load_both(text, &d), -1);
	assert_int_equal(d.line, item + 1);
	assert_non_null(strstr(d.msg, "second YAML document"));
	free(text);
	text = big_catalog(1 + 700 * 12 + 12,
	                   "    source: \"6 Exercises\\0for Upper Back Pain\"",
	                   "", &item);
	assert_int_equal(load_both(text, &d), -1);
	assert_int_equal(d.line, 1 + 700 * 12 + 12);
	assert_non_null(strstr(d.msg, "NUL"));
	free(text);
	remove_scratch();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_teardown(big_file_loads_without_its_text,
	                              scratch_teardown),
	    cmocka_unit_test_teardown(big_file_unknown_exercise_in_preset,
	                              scratch_teardown),
	    cmocka_unit_test_teardown(big_file_mistakes_deep_inside,
	                              scratch_teardown),
	    cmocka_unit_test_teardown(big_file_second_document_or_nul,
	                              scratch_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
