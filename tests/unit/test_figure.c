/* Unit tests of the figure and areas modules on their own: measuring,
 * padding and mirroring drawings, and area words (the loader's messages
 * and places are tested in test_catalog.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "areas.h"
#include "figure.h"

/* ---- mirroring ------------------------------------------------------------ */

static void
mirror_swaps_every_pair(void **state)
{
	static const char *const pairs[][2] = {
		{"/", "\\"}, {"\\", "/"}, {"(", ")"}, {")", "("}, {"<", ">"},
		{">", "<"},  {"[", "]"},  {"]", "["}, {"{", "}"}, {"}", "{"},
	};
	char out[8];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		figure_mirror_line(pairs[i][0], out, 1);
		assert_string_equal(out, pairs[i][1]);
	}
}

static void
mirror_keeps_the_rest(void **state)
{
	char in[0x7f - 0x20 + 1], out[sizeof in], back[sizeof in];
	int c, n = 0;

	(void)state;
	/* every printable character not in a pair stays itself */
	for (c = 0x20; c < 0x7f; c++)
		if (strchr("/\\()<>[]{}", c) == NULL)
			in[n++] = (char)c;
	in[n] = '\0';
	figure_mirror_line(in, out, (size_t)n);
	for (c = 0; c < n; c++)
		assert_int_equal(out[c], in[n - 1 - c]);
	/* twice is the same line again */
	figure_mirror_line(out, back, (size_t)n);
	assert_string_equal(back, in);
	figure_mirror_line("|", out, 1);
	assert_string_equal(out, "|");
	figure_mirror_line("o", out, 1);
	assert_string_equal(out, "o");
}

static void
mirror_lines(void **state)
{
	char out[32];

	(void)state;
	figure_mirror_line(" o/ ", out, 4);
	assert_string_equal(out, " \\o ");
	figure_mirror_line("<(o)]--{", out, 8);
	assert_string_equal(out, "}--[(o)>");
	/* only width characters are read: a line inside a stored frame */
	figure_mirror_line("/o \n|  ", out, 3);
	assert_string_equal(out, " o\\");
	figure_mirror_line("", out, 0);
	assert_string_equal(out, "");
}

/* ---- measuring and padding ------------------------------------------------- */

static void
measure_sizes(void **state)
{
	char *one[] = {(char *)"o\n/|\\\n/ \\\n"};
	char *two[] = {(char *)"o", (char *)"\\o/\n"};
	char *blank_line[] = {(char *)"o\n\n"};
	struct figure_fault f;
	unsigned w, h;

	(void)state;
	/* the block scalar's last newline does not start a line */
	assert_int_equal(figure_measure(one, 1, &w, &h, &f), 0);
	assert_int_equal(w, 3);
	assert_int_equal(h, 3);
	/* the width is the longest line of all frames */
	assert_int_equal(figure_measure(two, 2, &w, &h, &f), 0);
	assert_int_equal(w, 3);
	assert_int_equal(h, 1);
	/* a second newline is an empty last line (|+ keeps it) */
	assert_int_equal(figure_measure(blank_line, 1, &w, &h, &f), 0);
	assert_int_equal(w, 1);
	assert_int_equal(h, 2);
}

static void
assert_fault(char **frames, unsigned count, enum figure_problem problem,
             unsigned frame, unsigned line, unsigned col, unsigned found)
{
	struct figure_fault f;
	unsigned w, h;

	assert_int_equal(figure_measure(frames, count, &w, &h, &f), -1);
	assert_int_equal(f.problem, problem);
	assert_int_equal(f.frame, frame);
	assert_int_equal(f.line, line);
	assert_int_equal(f.col, col);
	assert_int_equal(f.found, found);
}

static void
measure_faults(void **state)
{
	char *five[] = {(char *)"a", (char *)"b", (char *)"c", (char *)"d",
	                (char *)"e"};
	char *eleven[] = {(char *)"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n"};
	char *wide[] = {(char *)"o\n1234567890123456789012345\n"};
	char *tab[] = {(char *)"o", (char *)"o\n|\t|\n"};
	char *del[] = {(char *)"o\x7f"};
	char *utf8[] = {(char *)"\xc3\xa9"};
	char *blank[] = {(char *)"o", (char *)"  \n   \n"};
	char *empty[] = {(char *)""};
	char *sizes[] = {(char *)"o\n|\n", (char *)"o\n|\n", (char *)"o\n"};

	(void)state;
	assert_fault(five, 0, FIGURE_NO_FRAMES, 0, 0, 0, 0);
	assert_fault(five, 5, FIGURE_TOO_MANY_FRAMES, 4, 0, 0, 5);
	assert_fault(eleven, 1, FIGURE_TOO_MANY_LINES, 0, 10, 0, 11);
	assert_fault(wide, 1, FIGURE_LINE_TOO_LONG, 0, 1, 24, 25);
	assert_fault(tab, 2, FIGURE_BAD_CHAR, 1, 1, 1, '\t');
	assert_fault(del, 1, FIGURE_BAD_CHAR, 0, 0, 1, 0x7f);
	assert_fault(utf8, 1, FIGURE_BAD_CHAR, 0, 0, 0, 0xc3);
	assert_fault(blank, 2, FIGURE_BLANK, 1, 0, 0, 0);
	assert_fault(empty, 1, FIGURE_BLANK, 0, 0, 0, 0);
	assert_fault(sizes, 3, FIGURE_SIZES_DIFFER, 2, 0, 0, 1);
}

static void
measure_limits_are_allowed(void **state)
{
	char *four[] = {(char *)"a", (char *)"b", (char *)"c", (char *)"d"};
	char *ten[] = {(char *)"1\n2\n3\n4\n5\n6\n7\n8\n9\n123456789012345678"
	                       "901234\n"};
	char first[] = " !\"#$%&'()*+,-./0123456789:;<=>?@AB";
	char *ascii[] = {first, (char *)"~}|{zyx"};
	struct figure_fault f;
	unsigned w, h;

	(void)state;
	assert_int_equal(figure_measure(four, 4, &w, &h, &f), 0);
	assert_int_equal(figure_measure(ten, 1, &w, &h, &f), 0);
	assert_int_equal(w, 24);
	assert_int_equal(h, 10);
	/* the first frame is 35 wide: too wide, but not for its bytes */
	assert_int_equal(figure_measure(ascii, 2, &w, &h, &f), -1);
	assert_int_equal(f.problem, FIGURE_LINE_TOO_LONG);
	first[24] = '\0';
	assert_int_equal(figure_measure(ascii, 2, &w, &h, &f), 0);
}

static void
pad_to_size(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(figure_frame_size(3, 2), 8);
	figure_pad("o\n/|\\\n", 3, 2, out);
	assert_string_equal(out, "o  \n/|\\");
	figure_pad(" o", 4, 1, out);
	assert_string_equal(out, " o  ");
	/* an empty last line, padded too */
	figure_pad("ab\n\n", 2, 2, out);
	assert_string_equal(out, "ab\n  ");
	/* line i starts at i * (width + 1) */
	figure_pad("a\nbb\nccc", 3, 3, out);
	assert_int_equal(strlen(out), figure_frame_size(3, 3) - 1);
	assert_memory_equal(out + 2 * 4, "ccc", 3);
	assert_memory_equal(out + 1 * 4, "bb ", 3);
}

static void
describe_faults(void **state)
{
	struct figure_fault f = {FIGURE_SIZES_DIFFER, 1, 0, 0, 3, 2};
	char buf[200];

	(void)state;
	figure_fault_describe(&f, buf, sizeof buf);
	assert_string_equal(buf, "frame 2 has 3 lines and frame 1 has 2; "
	                         "every frame needs the same number of lines");
	f = (struct figure_fault){FIGURE_BAD_CHAR, 0, 3, 2, 0x1b, 0};
	figure_fault_describe(&f, buf, sizeof buf);
	assert_string_equal(buf, "frame 1, line 4 has byte 0x1b; only "
	                         "printable ASCII (space to ~) is allowed");
	/* a small buffer is not overrun */
	figure_fault_describe(&f, buf, 10);
	assert_int_equal(strlen(buf), 9);
}

/* ---- areas ---------------------------------------------------------------- */

static void
area_names_and_words(void **state)
{
	static const char *const names[AREA_COUNT] = {
		"neck", "shoulders", "upper-back", "mid-back",
		"chest", "core", "full-body",
	};
	enum area a;
	int i;

	(void)state;
	for (i = 0; i < AREA_COUNT; i++) {
		assert_string_equal(area_name((enum area)i), names[i]);
		assert_true(area_from_word(names[i], &a));
		assert_int_equal(a, i);
		assert_non_null(strstr(areas_allowed, names[i]));
	}
	assert_string_equal(area_name(AREA_COUNT), "?");
	assert_false(area_from_word("Neck", &a));
	assert_false(area_from_word("upper back", &a));
	assert_false(area_from_word("", &a));
	assert_string_equal(area_suggest("sholders"), "shoulders");
	assert_string_equal(area_suggest("midback"), "mid-back");
	assert_null(area_suggest("legs"));
}

static void
areas_parse_lists(void **state)
{
	const char *hint = "x";
	char bad[32];
	unsigned mask = 99;

	(void)state;
	assert_int_equal(areas_parse("neck", &mask, bad, sizeof bad, &hint),
	                 AREAS_OK);
	assert_int_equal(mask, AREA_BIT(AREA_NECK));
	assert_null(hint);
	assert_string_equal(bad, "");
	assert_int_equal(areas_parse(" neck , shoulders,core ", &mask, bad,
	                             sizeof bad, NULL),
	                 AREAS_OK);
	assert_int_equal(mask, AREA_BIT(AREA_NECK) | AREA_BIT(AREA_SHOULDERS) |
	                           AREA_BIT(AREA_CORE));
	assert_int_equal(areas_parse("neck,shoulders,upper-back,mid-back,"
	                             "chest,core,full-body",
	                             &mask, bad, sizeof bad, NULL),
	                 AREAS_OK);
	assert_int_equal(mask, AREAS_ALL);
}

static void
areas_parse_refuses(void **state)
{
	const char *hint;
	char bad[32], longword[200];
	unsigned mask;

	(void)state;
	assert_int_equal(areas_parse("", &mask, bad, sizeof bad, &hint),
	                 AREAS_EMPTY);
	assert_int_equal(areas_parse("neck,", &mask, bad, sizeof bad, &hint),
	                 AREAS_EMPTY);
	assert_int_equal(areas_parse("neck,,core", &mask, bad, sizeof bad,
	                             &hint),
	                 AREAS_EMPTY);
	assert_int_equal(areas_parse(" , ", &mask, bad, sizeof bad, &hint),
	                 AREAS_EMPTY);
	assert_int_equal(areas_parse("neck,sholders", &mask, bad, sizeof bad,
	                             &hint),
	                 AREAS_UNKNOWN);
	assert_string_equal(bad, "sholders");
	assert_string_equal(hint, "shoulders");
	assert_int_equal(areas_parse("legs", &mask, bad, sizeof bad, &hint),
	                 AREAS_UNKNOWN);
	assert_null(hint);
	assert_int_equal(areas_parse("core,neck,core", &mask, bad, sizeof bad,
	                             &hint),
	                 AREAS_REPEATED);
	assert_string_equal(bad, "core");
	/* what is shown is escaped and fits */
	assert_int_equal(areas_parse("ne\x1b[2Jck", &mask, bad, sizeof bad,
	                             &hint),
	                 AREAS_UNKNOWN);
	assert_string_equal(bad, "ne\\x1b[2Jck");
	memset(longword, 'a', sizeof longword - 1);
	longword[sizeof longword - 1] = '\0';
	assert_int_equal(areas_parse(longword, &mask, bad, sizeof bad, &hint),
	                 AREAS_UNKNOWN);
	assert_true(strlen(bad) < sizeof bad);
}

static void
areas_format_masks(void **state)
{
	char buf[100];

	(void)state;
	areas_format(0, buf, sizeof buf);
	assert_string_equal(buf, "");
	areas_format(AREA_BIT(AREA_CORE) | AREA_BIT(AREA_NECK), buf,
	             sizeof buf);
	assert_string_equal(buf, "neck, core");
	areas_format(AREAS_ALL, buf, sizeof buf);
	assert_string_equal(buf, areas_allowed);
	areas_format(AREAS_ALL, buf, 8);
	assert_true(strlen(buf) < 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mirror_swaps_every_pair),
		cmocka_unit_test(mirror_keeps_the_rest),
		cmocka_unit_test(mirror_lines),
		cmocka_unit_test(measure_sizes),
		cmocka_unit_test(measure_faults),
		cmocka_unit_test(measure_limits_are_allowed),
		cmocka_unit_test(pad_to_size),
		cmocka_unit_test(describe_faults),
		cmocka_unit_test(area_names_and_words),
		cmocka_unit_test(areas_parse_lists),
		cmocka_unit_test(areas_parse_refuses),
		cmocka_unit_test(areas_format_masks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
