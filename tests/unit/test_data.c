/* Unit tests of the small data modules: durations and counts, text
 * checks, the id map, YAML places, and the history file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "duration.h"
#include "history.h"
#include "idmap.h"
#include "safety.h"
#include "text.h"
#include "yamlpos.h"
#include "scratch.h"

static bool utf8_locale;

/* ---- durations and counts ---------------------------------------------- */

static void
duration_parse_accepts(void **state)
{
	static const struct {
		const char *s;
		long v;
	} ok[] = {
		{"30", 30},       {"30s", 30},   {"2m", 120},
		{"1m30s", 90},    {"0", 0},      {"0s", 0},
		{"0m", 0},        {"1m0s", 60},  {"0m59s", 59},
		{"59s", 59},      {"61m", 3660}, {"9999999", 9999999},
		{"3600", 3600},   {"10m5s", 605},
	};
	size_t i;
	long v;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		v = -1;
		if (duration_parse(ok[i].s, &v) != 0)
			print_error("refused \"%s\"\n", ok[i].s);
		assert_int_equal(duration_parse(ok[i].s, &v), 0);
		assert_int_equal(v, ok[i].v);
	}
}

static void
duration_parse_refuses(void **state)
{
	static const char *const bad[] = {
		"1m60s", "-5",    "+5",    "1.5",      "0x10",  "20abc",
		" 30",   "30 ",   "",      "1h",       "007",   "99999999",
		"1m30",  "m",     "s",     "1m 30s",   "1M",    "30S",
		"1m30s5", "1s30", "30ss",  "1m-5s",    "1e3",   "10000000",
		"166667m", "00",  "1m075s", "\t30",    "30\n",  "１",
	};
	size_t i;
	long v;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = 12345;
		if (duration_parse(bad[i], &v) != -1)
			print_error("accepted \"%s\"\n", bad[i]);
		assert_int_equal(duration_parse(bad[i], &v), -1);
		assert_int_equal(v, 12345); /* untouched */
	}
	assert_int_equal(duration_parse(NULL, &v), -1);
}

static void
count_parse_strict(void **state)
{
	static const char *const bad[] = {
		"-1", "+1", "01", "1.0", "1e3", " 1", "1 ", "", "10000000",
		"1s", "0x1", "1,000", "ten", "1m",
	};
	size_t i;
	long v;

	(void)state;
	assert_int_equal(count_parse("0", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(count_parse("10", &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(count_parse("9999999", &v), 0);
	assert_int_equal(v, 9999999);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = 12345;
		if (count_parse(bad[i], &v) != -1)
			print_error("accepted \"%s\"\n", bad[i]);
		assert_int_equal(count_parse(bad[i], &v), -1);
		assert_int_equal(v, 12345);
	}
	assert_int_equal(count_parse(NULL, &v), -1);
}

static void
duration_format_cases(void **state)
{
	char buf[32];

	(void)state;
	duration_format(0, buf, sizeof buf);
	assert_string_equal(buf, "0:00");
	duration_format(5, buf, sizeof buf);
	assert_string_equal(buf, "0:05");
	duration_format(360, buf, sizeof buf);
	assert_string_equal(buf, "6:00");
	duration_format(3599, buf, sizeof buf);
	assert_string_equal(buf, "59:59");
	duration_format(3600, buf, sizeof buf);
	assert_string_equal(buf, "1:00:00");
	duration_format(4 * 3600 + 61, buf, sizeof buf);
	assert_string_equal(buf, "4:01:01");
	duration_format(-3, buf, sizeof buf);
	assert_string_equal(buf, "0:00");
	/* never overruns */
	memset(buf, 'x', sizeof buf);
	duration_format(3600, buf, 4);
	assert_string_equal(buf, "1:0");
	assert_int_equal(buf[4], 'x');
}

/* ---- text ------------------------------------------------------------------ */

static void
text_clean_or_not(void **state)
{
	static const char *const clean[] = {
		"",
		"plain words",
		"caf\xc3\xa9",               /* é */
		"\xe2\x86\x92",              /* → */
		"\xf0\x9f\x98\x80",          /* 😀 */
		"non\xc2\xa0" "breaking",    /* U+00A0 is not C1 */
		"\xef\xbf\xbd",              /* U+FFFD */
		"\xf4\x8f\xbf\xbf",          /* U+10FFFF */
	};
	static const char *const dirty[] = {
		"\x1b[31mred",      /* escape sequence */
		"a\tb",             /* tab */
		"line\n",           /* newline */
		"bell\a",           /* C0 */
		"del\x7f",          /* DEL */
		"\xc2\x9b" "31m",   /* C1 CSI */
		"\xc2\x85",         /* C1 NEL */
		"\xc2\x80",         /* first C1 */
		"\xc2\x9f",         /* last C1 */
		"\xff",             /* never valid */
		"\xa0",             /* lone continuation byte */
		"\xc0\xaf",         /* overlong '/' */
		"\xe0\x80\xaf",     /* overlong, three bytes */
		"\xed\xa0\x80",     /* surrogate */
		"\xf4\x90\x80\x80", /* above U+10FFFF */
		"\xe2\x82",         /* cut short */
		"\xf0\x9f\x98",     /* cut short */
		"ok\xc3",           /* cut short at the end */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof clean / sizeof clean[0]; i++) {
		if (!text_is_clean(clean[i]))
			print_error("clean[%zu] refused\n", i);
		assert_true(text_is_clean(clean[i]));
	}
	for (i = 0; i < sizeof dirty / sizeof dirty[0]; i++) {
		if (text_is_clean(dirty[i]))
			print_error("dirty[%zu] accepted\n", i);
		assert_false(text_is_clean(dirty[i]));
	}
}

static void
text_escape_cases(void **state)
{
	char out[64];

	(void)state;
	text_escape("plain", out, sizeof out);
	assert_string_equal(out, "plain");
	text_escape("a\x1b[31mb", out, sizeof out);
	assert_string_equal(out, "a\\x1b[31mb");
	text_escape("\xc2\x9b" "2J", out, sizeof out);
	assert_string_equal(out, "\\xc2\\x9b2J");
	text_escape("bad\xff!", out, sizeof out);
	assert_string_equal(out, "bad\\xff!");
	text_escape("cut\xe2\x82", out, sizeof out);
	assert_string_equal(out, "cut\\xe2\\x82");
	text_escape("caf\xc3\xa9\t", out, sizeof out);
	assert_string_equal(out, "caf\xc3\xa9\\x09");
	text_escape("\r\n", out, sizeof out);
	assert_string_equal(out, "\\x0d\\x0a");
	text_escape("", out, sizeof out);
	assert_string_equal(out, "");
}

static void
text_escape_truncates(void **state)
{
	char out[64];

	(void)state;
	/* what fits is never cut */
	text_escape("hello", out, 6);
	assert_string_equal(out, "hello");
	text_escape("a\x1b", out, 6);
	assert_string_equal(out, "a\\x1b");
	/* otherwise "..." marks the cut */
	text_escape("hello world", out, 8);
	assert_string_equal(out, "hell...");
	text_escape("hello", out, 5);
	assert_string_equal(out, "h...");
	text_escape("hello", out, 4);
	assert_string_equal(out, "...");
	/* too small for the dots: cut only */
	text_escape("hello", out, 3);
	assert_string_equal(out, "he");
	text_escape("hello", out, 1);
	assert_string_equal(out, "");
	/* an escape or a character is never split */
	text_escape("ab\x1b" "cdef", out, 8);
	assert_string_equal(out, "ab...");
	text_escape("\xc3\xa9\xc3\xa9\xc3\xa9", out, 6);
	assert_string_equal(out, "\xc3\xa9...");
	assert_true(text_is_clean(out));
	/* size 0 writes nothing */
	out[0] = 'x';
	text_escape("hello", out, 0);
	assert_int_equal(out[0], 'x');
}

static void
text_escape_output_is_always_clean(void **state)
{
	unsigned char in[40];
	char out[48];
	unsigned seed = 12345;
	size_t i, size;
	int round;

	(void)state;
	/* random bytes, every buffer size: clean, terminated, in bounds */
	for (round = 0; round < 2000; round++) {
		for (i = 0; i < sizeof in - 1; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (unsigned char)((seed >> 16) % 255 + 1);
		}
		in[sizeof in - 1] = '\0';
		for (size = 1; size <= sizeof out; size++) {
			memset(out, 'Z', sizeof out);
			text_escape((const char *)in, out, size);
			assert_true(strlen(out) < size);
			assert_true(text_is_clean(out));
			if (size < sizeof out)
				assert_int_equal(out[size], 'Z');
		}
	}
}

static void
text_measures(void **state)
{
	(void)state;
	assert_int_equal(text_columns(""), 0);
	assert_int_equal(text_columns("abc"), 3);
	assert_int_equal(text_columns("h\xc3\xa9llo"), 5);
	assert_int_equal(text_prefix_bytes("h\xc3\xa9llo", 2), 3);
	assert_int_equal(text_prefix_bytes("h\xc3\xa9llo", 0), 0);
	assert_int_equal(text_prefix_bytes("abc", 10), 3);
	if (utf8_locale) {
		/* 日本 */
		assert_int_equal(text_columns("\xe6\x97\xa5\xe6\x9c\xac"), 4);
		assert_int_equal(
		    text_prefix_bytes("\xe6\x97\xa5\xe6\x9c\xac", 3), 3);
		assert_int_equal(
		    text_prefix_bytes("\xe6\x97\xa5\xe6\x9c\xac", 1), 0);
	}
	assert_true(text_equal_nocase("Desk Break", "desk break"));
	assert_true(text_equal_nocase("", ""));
	assert_false(text_equal_nocase("desk", "desk break"));
	assert_false(text_equal_nocase("desk break", "desk"));
}

static void
text_distances(void **state)
{
	char long_a[80], long_b[80];

	(void)state;
	assert_int_equal(text_distance("", ""), 0);
	assert_int_equal(text_distance("abc", "abc"), 0);
	assert_int_equal(text_distance("ABC", "abc"), 0);
	assert_int_equal(text_distance("kitten", "sitting"), 3);
	assert_int_equal(text_distance("", "abcd"), 4);
	assert_int_equal(text_distance("abcd", ""), 4);
	assert_int_equal(text_distance("warmup6", "warmup-6"), 1);
	assert_int_equal(text_distance("desk-brake", "desk-break"), 2);
	assert_int_equal(text_distance("flaw", "lawn"), 2);
	/* symmetric */
	assert_int_equal(text_distance("sitting", "kitten"), 3);
	/* too long to bother: capped */
	memset(long_a, 'a', sizeof long_a - 1);
	long_a[sizeof long_a - 1] = '\0';
	memcpy(long_b, long_a, sizeof long_b);
	assert_int_equal(text_distance(long_a, long_b), 99);
}

/* ---- safety text ---------------------------------------------------- */

/* SPEC section 6: the whole advice, in lines the 50x20 first-run dialog
 * can show whole. */
static void
safety_text_fits_and_says_it_all(void **state)
{
	static const char text[] = SAFETY_TEXT, urgent[] = SAFETY_URGENT;
	static const char *const says[] = {
	    "not medical advice",
	    "sharp pain",
	    "numbness or tingling",
	    "see a doctor",
	    "severe",
	    "more than a few days",
	    "gets worse",
	    "daily activities",
	    "follows an injury",
	    "worrying symptoms",
	    "urgent medical care, not exercise",
	    "chest pain",
	    "shortness of breath",
	    "fever",
	    "weakness in the legs",
	    "bladder or bowel control",
	};
	char flat[sizeof text], line[sizeof text];
	const char *p = text, *nl;
	size_t i, n, widest = 0, lines = 0;

	(void)state;
	assert_true(text_is_clean(SAFETY_SHORT));
	/* the urgent signs close the note */
	assert_true(strlen(text) > strlen(urgent));
	assert_string_equal(text + strlen(text) - strlen(urgent), urgent);
	for (; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		assert_non_null(nl); /* every line ends with a newline */
		n = (size_t)(nl - p);
		memcpy(line, p, n);
		line[n] = '\0';
		assert_true(text_is_clean(line));
		if (text_columns(line) > widest)
			widest = text_columns(line);
		lines++;
	}
	assert_true(widest <= SAFETY_TEXT_COLUMNS);
	assert_int_equal(lines, SAFETY_TEXT_LINES);
	/* the phrases read the same across line breaks */
	for (i = 0; text[i] != '\0'; i++)
		flat[i] = text[i] == '\n' ? ' ' : text[i];
	flat[i] = '\0';
	for (i = 0; i < sizeof says / sizeof says[0]; i++) {
		if (strcasestr(flat, says[i]) == NULL)
			print_error("safety text lacks \"%s\"\n", says[i]);
		assert_non_null(strcasestr(flat, says[i]));
	}
}

/* ---- idmap ------------------------------------------------------------------
 */

static void
idmap_basics(void **state)
{
	struct idmap m = {0};
	size_t v = 0, old = 0;
	char a[] = "alpha", a2[] = "alpha";

	(void)state;
	assert_false(idmap_get(&m, "alpha", &v));
	assert_int_equal(idmap_put(&m, a, 1, &old), 0);
	assert_int_equal(idmap_put(&m, "beta", 2, NULL), 0);
	assert_int_equal(m.count, 2);
	assert_true(idmap_get(&m, "alpha", &v));
	assert_int_equal(v, 1);
	assert_true(idmap_get(&m, "beta", &v));
	assert_int_equal(v, 2);
	assert_false(idmap_get(&m, "gamma", &v));
	assert_false(idmap_get(&m, "", &v));
	/* replace: the old value comes back, the count stays */
	assert_int_equal(idmap_put(&m, a2, 7, &old), 1);
	assert_int_equal(old, 1);
	assert_int_equal(m.count, 2);
	assert_true(idmap_get(&m, "alpha", &v));
	assert_int_equal(v, 7);
	assert_int_equal(idmap_put(&m, "beta", 8, NULL), 1);
	assert_true(idmap_get(&m, "beta", &v));
	assert_int_equal(v, 8);
	/* the empty string is a key like any other */
	assert_int_equal(idmap_put(&m, "", 9, NULL), 0);
	assert_true(idmap_get(&m, "", &v));
	assert_int_equal(v, 9);
	idmap_free(&m);
	assert_int_equal(m.count, 0);
	assert_int_equal(m.cap, 0);
	assert_null(m.slots);
	assert_false(idmap_get(&m, "alpha", &v));
	idmap_free(&m); /* twice is fine */
}

static void
idmap_grows(void **state)
{
	enum { N = 12000 };
	struct idmap m = {0};
	char (*keys)[16] = malloc(N * sizeof *keys);
	size_t i, v, old;

	(void)state;
	assert_non_null(keys);
	for (i = 0; i < N; i++) {
		snprintf(keys[i], sizeof keys[i], "id-%zu", i);
		assert_int_equal(idmap_put(&m, keys[i], i, NULL), 0);
		assert_true(m.count * 2 <= m.cap); /* load stays under 1/2 */
	}
	assert_int_equal(m.count, N);
	assert_true(m.cap >= 2 * N);
	assert_int_equal(m.cap & (m.cap - 1), 0);
	for (i = 0; i < N; i++) {
		assert_true(idmap_get(&m, keys[i], &v));
		assert_int_equal(v, i);
	}
	assert_false(idmap_get(&m, "id-12000", &v));
	assert_false(idmap_get(&m, "id-", &v));
	/* replacing after growth */
	for (i = 0; i < N; i += 7) {
		assert_int_equal(idmap_put(&m, keys[i], i + N, &old), 1);
		assert_int_equal(old, i);
	}
	assert_int_equal(m.count, N);
	for (i = 0; i < N; i++) {
		assert_true(idmap_get(&m, keys[i], &v));
		assert_int_equal(v, i % 7 == 0 ? i + N : i);
	}
	idmap_free(&m);
	free(keys);
}

/* ---- yamlpos ---------------------------------------------------------------- */

static const char places[] = "exercises:\n"           /* 1 */
                             "  - id: a\n"             /* 2 */
                             "    name: A\n"           /* 3 */
                             "  - id: b\n"             /* 4 */
                             "    steps:\n"            /* 5 */
                             "      - x\n"             /* 6 */
                             "      - [y, {z: 1}]\n"   /* 7 */
                             "    name: B\n"           /* 8 */
                             "    name: B again\n"     /* 9 */
                             "presets: []\n";          /* 10 */

static int
find(const char *yaml, const struct yamlpos_path *p, int occurrence,
     int *line, int *col)
{
	*line = *col = -7;
	return yamlpos_find((const unsigned char *)yaml, strlen(yaml), p,
	                    occurrence, line, col);
}

static void
yamlpos_finds_places(void **state)
{
	struct yamlpos_path p = {0};
	int line, col;

	(void)state;
	/* the root */
	assert_int_equal(find(places, &p, 1, &line, &col), 0);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);

	yamlpos_path_key(&p, "exercises");
	assert_int_equal(find(places, &p, 1, &line, &col), 0);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);

	yamlpos_path_index(&p, 1);
	assert_int_equal(find(places, &p, 1, &line, &col), 0);
	assert_int_equal(line, 4);
	assert_int_equal(col, 5);

	yamlpos_path_key(&p, "id");
	assert_int_equal(find(places, &p, 1, &line, &col), 0);
	assert_int_equal(line, 4);
	assert_int_equal(col, 5);
	p.len--;

	yamlpos_path_key(&p, "steps");
	yamlpos_path_index(&p, 1);
	assert_int_equal(find(places, &p, 1, &line, &col), 0);
	assert_int_equal(line, 7);
	assert_int_equal(col, 9);
	yamlpos_path_index(&p, 1);
	yamlpos_path_key(&p, "z");
	assert_int_equal(find(places, &p, 1, &line, &col), 0);
	assert_int_equal(line, 7);
	assert_int_equal(col, 14);
	p.len -= 4;

	/* a repeated key's second place */
	yamlpos_path_key(&p, "name");
	assert_int_equal(find(places, &p, 1, &line, &col), 0);
	assert_int_equal(line, 8);
	assert_int_equal(find(places, &p, 2, &line, &col), 0);
	assert_int_equal(line, 9);
	assert_int_equal(find(places, &p, 3, &line, &col), -1);
	p.len--;

	/* places that are not there */
	yamlpos_path_key(&p, "cues");
	assert_int_equal(find(places, &p, 1, &line, &col), -1);
	p.len = 0;
	yamlpos_path_key(&p, "exercises");
	yamlpos_path_index(&p, 2);
	assert_int_equal(find(places, &p, 1, &line, &col), -1);
	p.len = 0;
	yamlpos_path_key(&p, "presets");
	yamlpos_path_index(&p, 0);
	assert_int_equal(find(places, &p, 1, &line, &col), -1);
	p.len = 0;
	yamlpos_path_key(&p, "presets");
	assert_int_equal(find(places, &p, 1, &line, &col), 0);
	assert_int_equal(line, 10);

	/* a key is only matched where the path says */
	p.len = 0;
	yamlpos_path_key(&p, "id");
	assert_int_equal(find(places, &p, 1, &line, &col), -1);
}

static void
yamlpos_flow_style_and_limits(void **state)
{
	static const char flow[] = "{exercises: [{id: a}, {id: b, "
	                           "steps: [s]}]}\n";
	struct yamlpos_path p = {0};
	int line, col, i;

	(void)state;
	yamlpos_path_key(&p, "exercises");
	yamlpos_path_index(&p, 1);
	yamlpos_path_key(&p, "steps");
	yamlpos_path_index(&p, 0);
	assert_int_equal(find(flow, &p, 1, &line, &col), 0);
	assert_int_equal(line, 1);
	assert_int_equal(col, 39);
	/* a broken file: nothing found after the break, no crash */
	assert_int_equal(find("exercises: [\n", &p, 1, &line, &col), -1);
	assert_int_equal(find("", &p, 1, &line, &col), -1);
	/* the path is capped at its depth */
	p.len = 0;
	for (i = 0; i < YAMLPOS_DEPTH_MAX + 3; i++)
		yamlpos_path_index(&p, 0);
	assert_int_equal(p.len, YAMLPOS_DEPTH_MAX);
}

static int
problem(const char *yaml, int *line, int *col, char *msg, size_t size)
{
	*line = *col = 0;
	msg[0] = '\0';
	return yamlpos_first_problem((const unsigned char *)yaml,
	                             strlen(yaml), line, col, msg, size);
}

static void
yamlpos_first_problems(void **state)
{
	char msg[256];
	int line, col;

	(void)state;
	assert_int_equal(problem(places, &line, &col, msg, sizeof msg), 0);
	assert_int_equal(problem("", &line, &col, msg, sizeof msg), 0);
	assert_int_equal(problem("a: 1\nb: c: d\n", &line, &col, msg,
	                         sizeof msg),
	                 1);
	assert_int_equal(line, 2);
	assert_non_null(strstr(msg, "YAML syntax error"));
	assert_int_equal(problem("a: &x 1\nb: *x\n", &line, &col, msg,
	                         sizeof msg),
	                 1);
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);
	assert_non_null(strstr(msg, "aliases"));
	assert_int_equal(problem("a: 1\n---\nb: 2\n", &line, &col, msg,
	                         sizeof msg),
	                 1);
	assert_int_equal(line, 2);
	assert_non_null(strstr(msg, "second YAML document"));
	assert_int_equal(problem("a: 1\nb: \"x\\0y\"\n", &line, &col, msg,
	                         sizeof msg),
	                 1);
	assert_int_equal(line, 2);
	assert_non_null(strstr(msg, "NUL"));
	assert_int_equal(problem("a: 1\n[b, c]: 2\n", &line, &col, msg,
	                         sizeof msg),
	                 1);
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	assert_non_null(strstr(msg, "a key is a list or a mapping"));
	/* a list or mapping as a value is fine, at any depth */
	assert_int_equal(problem("a: [b, {c: [d, {e: f}]}]\ng: {h: i}\n",
	                         &line, &col, msg, sizeof msg),
	                 0);
	/* the reader's errors are placed too */
	assert_int_equal(problem("a: 1\nb: \xff\n", &line, &col, msg,
	                         sizeof msg),
	                 1);
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);
	/* a small message buffer is not overrun */
	assert_int_equal(problem("a: &x 1\nb: *x\n", &line, &col, msg, 8), 1);
	assert_int_equal(strlen(msg), 7);
}

/* ---- history ------------------------------------------------------------------ */

static struct history_entry
entry(time_t start, int offset, const char *preset, long planned, long active,
      long done, long total, bool finished)
{
	struct history_entry h;

	history_entry_init(&h);
	h.start = start;
	h.utc_offset_s = offset;
	snprintf(h.preset, sizeof h.preset, "%s", preset);
	h.planned_s = planned;
	h.active_s = active;
	h.steps_done = done;
	h.steps_total = total;
	h.done = finished;
	return h;
}

static void
assert_same_entry(const struct history_entry *a,
                  const struct history_entry *b)
{
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->utc_offset_s, b->utc_offset_s);
	assert_string_equal(a->preset, b->preset);
	assert_int_equal(a->planned_s, b->planned_s);
	assert_int_equal(a->active_s, b->active_s);
	assert_int_equal(a->steps_done, b->steps_done);
	assert_int_equal(a->steps_total, b->steps_total);
	assert_int_equal(a->done, b->done);
	assert_int_equal(a->pain_before, b->pain_before);
	assert_int_equal(a->pain_after, b->pain_after);
}

static void
history_round_trip(void **state)
{
	/* 1700000000 is 2023-11-14T22:13:20Z */
	static const struct {
		int offset;
		const char *line;
	} cases[] = {
		{0, "2023-11-14T22:13:20+00:00\twarmup-6\t360\t355\t12/12\tdone\t-\t-\n"},
		{3600, "2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t-\t-\n"},
		{-19800, "2023-11-14T16:43:20-05:30\twarmup-6\t360\t355\t12/12\tdone\t-\t-\n"},
		{20700, "2023-11-15T03:58:20+05:45\twarmup-6\t360\t355\t12/12\tdone\t-\t-\n"},
		{-36000, "2023-11-14T12:13:20-10:00\twarmup-6\t360\t355\t12/12\tdone\t-\t-\n"},
		{50400, "2023-11-15T12:13:20+14:00\twarmup-6\t360\t355\t12/12\tdone\t-\t-\n"},
	};
	struct history_entry h, back;
	char buf[HISTORY_LINE_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		h = entry(1700000000, cases[i].offset, "warmup-6", 360, 355, 12,
		          12, true);
		assert_int_equal(history_format(&h, buf, sizeof buf),
		                 (int)strlen(cases[i].line));
		assert_string_equal(buf, cases[i].line);
		assert_int_equal(history_parse(buf, &back), 0);
		assert_same_entry(&h, &back);
	}
	/* quit, zeros, and without the newline */
	h = entry(86400 * 365, -3600, "a", 0, 0, 0, 1, false);
	assert_true(history_format(&h, buf, sizeof buf) > 0);
	assert_non_null(strstr(buf, "\tquit\t-\t-\n"));
	buf[strlen(buf) - 1] = '\0';
	assert_int_equal(history_parse(buf, &back), 0);
	assert_same_entry(&h, &back);
	/* check-in answers, each of them or none */
	h = entry(1700000000, 0, "p", 1, 1, 1, 1, true);
	h.pain_before = 10;
	h.pain_after = 0;
	assert_true(history_format(&h, buf, sizeof buf) > 0);
	assert_non_null(strstr(buf, "\tdone\t10\t0\n"));
	assert_int_equal(history_parse(buf, &back), 0);
	assert_same_entry(&h, &back);
	h.pain_before = HISTORY_PAIN_NONE;
	h.pain_after = 7;
	assert_true(history_format(&h, buf, sizeof buf) > 0);
	assert_non_null(strstr(buf, "\tdone\t-\t7\n"));
	assert_int_equal(history_parse(buf, &back), 0);
	assert_same_entry(&h, &back);
	/* a leap day */
	assert_int_equal(
	    history_parse("2024-02-29T10:00:00+00:00\tp\t1\t1\t1/1\tdone", &back),
	    0);
	assert_int_equal(back.start, 1709200800);
}

static void
history_format_refuses(void **state)
{
	struct history_entry h;
	char buf[HISTORY_LINE_MAX];

	(void)state;
	h = entry(1700000000, 0, "warmup-6", 360, 355, 12, 12, true);
	/* too small a buffer */
	assert_int_equal(history_format(&h, buf, 20), -1);
	/* what history_parse would refuse is never written */
	h = entry(1700000000, 0, "warm\tup", 360, 355, 12, 12, true);
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h = entry(1700000000, 0, "warm\nup", 360, 355, 12, 12, true);
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h = entry(1700000000, 0, "", 360, 355, 12, 12, true);
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h = entry(1700000000, 0, "p", -1, 355, 12, 12, true);
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h = entry(1700000000, 0, "p", 360, 355, 13, 12, true);
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h = entry(1700000000, 0, "p", 360, 355, -1, 12, true);
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h = entry(-86400, 0, "p", 360, 355, 1, 12, true);
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h = entry(1700000000, 0, "p", 360, 355, 12, 12, true);
	memset(h.preset, 'a', sizeof h.preset); /* no terminator */
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h = entry(1700000000, 0, "p", 360, 355, 12, 12, true);
	h.pain_before = 11;
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h.pain_before = -2;
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
	h.pain_before = 3;
	h.pain_after = 11;
	assert_int_equal(history_format(&h, buf, sizeof buf), -1);
}

static void
history_malformed_lines(void **state)
{
	static const char *const bad[] = {
		"",
		"\n",
		/* field count */
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\tx\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t\n",
		"2023-11-14T23:13:20+01:00 warmup-6 360 355 12/12 done\n",
		/* dates */
		"2023-13-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-00-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-02-29T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-04-31T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-00T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14T24:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:60:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20+15:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14 23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20Z\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20+0100\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-+1-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11- 4T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14T-1:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"1969-12-31T23:59:59+00:00\twarmup-6\t360\t355\t12/12\tdone\n",
		"yesterday\twarmup-6\t360\t355\t12/12\tdone\n",
		/* preset ids */
		"2023-11-14T23:13:20+01:00\t\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20+01:00\tWarmup-6\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20+01:00\twarm up\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20+01:00\twarm_up\t360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20+01:00\t"
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		"\t360\t355\t12/12\tdone\n",
		/* numbers */
		"2023-11-14T23:13:20+01:00\twarmup-6\t-360\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360.0\t355\t12/12\tdone\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t\t12/12\tdone\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t0355\t12/12\tdone\n",
		/* steps */
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t13/12\tdone\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12\tdone\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/\tdone\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t/12\tdone\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t1/2/3\tdone\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t-1/12\tdone\n",
		/* status */
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tfinished\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tDONE\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\t\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone \n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\r\n",
		/* check-in answers: both or neither, 0-10 or - */
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t5\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t5\t\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t\t5\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t11\t5\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t5\t-1\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t05\t5\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t5\t5.0\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t--\t5\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t5\t5\t5\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t 5\t5\n",
		"2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\t-\t-\t\n",
	};
	struct history_entry h;
	char longline[400];
	size_t i;

	(void)state;
	assert_int_equal(
	    history_parse(
	        "2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n",
	        &h),
	    0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (history_parse(bad[i], &h) != -1)
			print_error("accepted bad[%zu]: %s", i, bad[i]);
		assert_int_equal(history_parse(bad[i], &h), -1);
	}
	/* longer than any line we write */
	memset(longline, '1', sizeof longline - 1);
	longline[sizeof longline - 1] = '\0';
	memcpy(longline, "2023-11-14T23:13:20+01:00\tp\t", 28);
	assert_int_equal(history_parse(longline, &h), -1);
}

struct collected {
	struct history_entry e[512];
	size_t n;
};

static void
collect(const struct history_entry *h, void *ctx)
{
	struct collected *c = ctx;

	if (c->n < sizeof c->e / sizeof c->e[0])
		c->e[c->n] = *h;
	c->n++;
}

static void
append_raw(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_APPEND);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void
history_append_and_read(void **state)
{
	static struct collected got;
	struct history_entry h[4];
	struct diag d;
	char path[128];
	struct history_skips skipped;
	size_t i;
	struct stat st;

	(void)state;
	make_scratch();
	/* the directories are made as needed */
	snprintf(path, sizeof path, "%s/state/backease/history.tsv", scratch);

	/* a missing file is empty */
	got.n = 0;
	assert_int_equal(history_read(path, collect, &got, &skipped, &d), 0);
	assert_int_equal(got.n, 0);
	assert_int_equal(skipped.count, 0);

	h[0] = entry(1700000000, 3600, "warmup-6", 360, 360, 12, 12, true);
	h[1] = entry(1700003600, 3600, "desk-break", 200, 80, 3, 10, false);
	h[2] = entry(1700090000, -18000, "yoga", 600, 610, 20, 20, true);
	h[3] = entry(1700100000, 0, "cool-down", 300, 1, 1, 9, false);
	assert_int_equal(history_append(path, &h[0], &d), 0);
	assert_int_equal(history_append(path, &h[1], &d), 0);
	append_raw(path, "this line is garbage\n");
	assert_int_equal(history_append(path, &h[2], &d), 0);
	append_raw(path, "\n");
	assert_int_equal(history_append(path, &h[3], &d), 0);
	/* a crash in the middle of a line */
	append_raw(path, "2023-11-16T10:00:00+00:00\tyoga\t60");

	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 077, 0);

	got.n = 0;
	assert_int_equal(history_read(path, collect, &got, &skipped, &d), 0);
	assert_int_equal(got.n, 4);
	assert_int_equal(skipped.count, 3);
	assert_int_equal(skipped.lines[0], 3);
	assert_int_equal(skipped.lines[1], 5);
	assert_int_equal(skipped.lines[2], 7);
	for (i = 0; i < 4; i++)
		assert_same_entry(&got.e[i], &h[i]);

	/* a whole last line without its newline is also taken as cut short */
	append_raw(path, "\n2023-11-16T10:00:00+00:00\tyoga\t60\t60\t1/1\tdone");
	got.n = 0;
	assert_int_equal(history_read(path, collect, &got, &skipped, &d), 0);
	assert_int_equal(got.n, 4);
	assert_int_equal(skipped.count, 4);
	assert_int_equal(skipped.lines[2], 7);
	assert_int_equal(skipped.lines[3], 8);
	remove_scratch();
}

/* history_tail: the last entries from the end, the lines counted. */
static void
history_tail_reads_the_end(void **state)
{
	struct history_entry h[3], last[4];
	struct diag d;
	char path[128];
	size_t got, lines;

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/history.tsv", scratch);
	assert_int_equal(history_tail(path, last, 2, &got, &lines, &d), 0);
	assert_int_equal(got + lines, 0); /* missing */
	scratch_write("history.tsv", "", path, sizeof path);
	assert_int_equal(history_tail(path, last, 2, &got, &lines, &d), 0);
	assert_int_equal(got + lines, 0); /* empty */

	h[0] = entry(1700000000, 3600, "warmup-6", 360, 360, 12, 12, true);
	h[1] = entry(1700003600, 3600, "desk-break", 200, 80, 3, 10, false);
	h[2] = entry(1700090000, -18000, "yoga", 600, 610, 20, 20, true);
	assert_int_equal(history_append(path, &h[0], &d), 0);
	assert_int_equal(history_tail(path, last, 2, &got, &lines, &d), 0);
	assert_int_equal(got, 1);
	assert_int_equal(lines, 1);
	assert_same_entry(&last[0], &h[0]);

	assert_int_equal(history_append(path, &h[1], &d), 0);
	append_raw(path, "garbage\n\n");
	assert_int_equal(history_append(path, &h[2], &d), 0);
	append_raw(path, "junk at the end\n");
	/* cut short by a crash: counted, not taken */
	append_raw(path, "2023-11-16T10:00:00+00:00\tyoga\t60\t60\t1/1\tdone");
	assert_int_equal(history_tail(path, last, 2, &got, &lines, &d), 0);
	assert_int_equal(got, 2);
	assert_int_equal(lines, 7);
	assert_same_entry(&last[0], &h[2]);
	assert_same_entry(&last[1], &h[1]);
	assert_int_equal(history_tail(path, last, 4, &got, &lines, &d), 0);
	assert_int_equal(got, 3);
	assert_same_entry(&last[2], &h[0]);
	/* a directory is not a history */
	assert_int_equal(history_tail(scratch, last, 2, &got, &lines, &d), -1);
	remove_scratch();
}

/* Six-field lines from before the check-in and eight-field ones, read
 * from one file; the local date of each as written. */
static void
history_old_and_new_lines(void **state)
{
	static struct collected got;
	struct history_skips skipped;
	struct diag d;
	char path[128];

	(void)state;
	scratch_write("history.tsv",
	              "2023-11-14T23:13:20+01:00\twarmup-6\t360\t355\t12/12\tdone\n"
	              "2023-11-15T00:30:00+01:00\twarmup-6\t360\t300\t10/12\tquit\t6\t3\n"
	              "2023-11-15T08:00:00-05:00\tdesk\t60\t60\t2/2\tdone\t-\t10\n"
	              "2023-11-15T08:00:00-05:00\tdesk\t60\t60\t2/2\tdone\t0\t-\n"
	              "2023-11-15T08:00:00-05:00\tdesk\t60\t60\t2/2\tdone\t-\n"
	              "2023-11-15T08:00:00-05:00\tdesk\t60\t60\t2/2\tdone\t11\t1\n",
	              path, sizeof path);
	got.n = 0;
	assert_int_equal(history_read(path, collect, &got, &skipped, &d), 0);
	assert_int_equal(got.n, 4);
	assert_int_equal(skipped.count, 2);
	assert_int_equal(skipped.lines[0], 5);
	assert_int_equal(skipped.lines[1], 6);
	assert_int_equal(got.e[0].pain_before, HISTORY_PAIN_NONE);
	assert_int_equal(got.e[0].pain_after, HISTORY_PAIN_NONE);
	assert_int_equal(got.e[1].pain_before, 6);
	assert_int_equal(got.e[1].pain_after, 3);
	assert_false(got.e[1].done);
	assert_int_equal(got.e[2].pain_before, HISTORY_PAIN_NONE);
	assert_int_equal(got.e[2].pain_after, 10);
	assert_int_equal(got.e[3].pain_before, 0);
	assert_int_equal(got.e[3].pain_after, HISTORY_PAIN_NONE);
	/* 2023-11-14 is day 19675; the second line is 23:30 UTC on the
	 * 14th but was written on the 15th, which is its day */
	assert_int_equal(got.e[0].local_day, 19675);
	assert_int_equal(got.e[1].local_day, 19676);
	assert_int_equal(got.e[1].start, 1700004600);
	assert_int_equal(got.e[2].local_day, 19676);
	remove_scratch();
}

/* More skipped lines than are kept, and a line longer than a read
 * block. */
static void
history_many_skipped(void **state)
{
	static struct collected got;
	static char huge[70000];
	struct history_skips skipped;
	struct diag d;
	char path[128];
	FILE *f;
	int i;

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/history.tsv", scratch);
	f = fopen(path, "w");
	assert_non_null(f);
	memset(huge, 'x', sizeof huge - 1);
	fprintf(f, "%s\n", huge);
	for (i = 0; i < 15; i++)
		fprintf(f, "2023-11-14T23:13:20+01:00\tp\t1\t1\t1/1\tdone\n"
		           "bad %d\n", i);
	fclose(f);
	got.n = 0;
	assert_int_equal(history_read(path, collect, &got, &skipped, &d), 0);
	assert_int_equal(got.n, 15);
	assert_int_equal(skipped.count, 16);
	assert_int_equal(skipped.lines[0], 1);
	for (i = 1; i < HISTORY_SKIPS_KEPT; i++)
		assert_int_equal(skipped.lines[i], 1 + 2 * i);
	remove_scratch();
}

static void
history_append_failures(void **state)
{
	struct history_entry h = entry(1700000000, 0, "p", 1, 1, 1, 1, true);
	struct diag d;
	char path[128], file[128];
	FILE *f;

	(void)state;
	make_scratch();
	/* a file where a directory should be */
	snprintf(file, sizeof file, "%s/plain", scratch);
	f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	snprintf(path, sizeof path, "%s/plain/history.tsv", scratch);
	diag_clear(&d);
	assert_int_equal(history_append(path, &h, &d), -1);
	assert_true(d.file[0] != '\0');
	assert_true(d.msg[0] != '\0');
	/* an entry that cannot be written */
	snprintf(path, sizeof path, "%s/history.tsv", scratch);
	h.steps_done = 5;
	diag_clear(&d);
	assert_int_equal(history_append(path, &h, &d), -1);
	assert_string_equal(d.file, path);
	assert_int_equal(access(path, F_OK), -1);
	/* a directory where the file should be */
	assert_int_equal(mkdir(path, 0700), 0);
	h.steps_done = 1;
	assert_int_equal(history_append(path, &h, &d), -1);
	assert_string_equal(d.file, path);
	remove_scratch();
}

static void
history_path_from_environment(void **state)
{
	char buf[256], *old = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char saved[256] = "", saved_home[256] = "";

	(void)state;
	if (old != NULL)
		snprintf(saved, sizeof saved, "%s", old);
	if (home != NULL)
		snprintf(saved_home, sizeof saved_home, "%s", home);
	setenv("XDG_STATE_HOME", "/some/state", 1);
	assert_int_equal(history_path(buf, sizeof buf), 0);
	assert_string_equal(buf, "/some/state/backease/history.tsv");
	assert_int_equal(history_path(buf, 10), -1);
	/* relative values are ignored (XDG) */
	setenv("XDG_STATE_HOME", "relative/state", 1);
	setenv("HOME", "/home/someone", 1);
	assert_int_equal(history_path(buf, sizeof buf), 0);
	assert_string_equal(buf,
	                    "/home/someone/.local/state/backease/history.tsv");
	if (old != NULL)
		setenv("XDG_STATE_HOME", saved, 1);
	else
		unsetenv("XDG_STATE_HOME");
	if (home != NULL)
		setenv("HOME", saved_home, 1);
	else
		unsetenv("HOME");
}

/* Appends n entries from one process; its id and a sequence number make
 * every line recognisable. */
static int
append_many(const char *path, const char *preset, int n)
{
	struct diag d;
	int i;

	for (i = 0; i < n; i++) {
		struct history_entry h = entry(1700000000 + i, 3600, preset,
		                               i, i, i % 7, 7, i % 2 == 0);

		if (history_append(path, &h, &d) != 0)
			return -1;
	}
	return 0;
}

static void
history_concurrent_appends(void **state)
{
	enum { N = 200 };
	static const char *const who[2] = {"proc-a", "proc-b"};
	static struct collected got;
	long next[2] = {0, 0};
	struct diag d;
	char path[128];
	struct history_skips skipped;
	size_t i;
	pid_t pid[2];
	int k, status;

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/history.tsv", scratch);
	fflush(NULL);
	for (k = 0; k < 2; k++) {
		pid[k] = fork();
		assert_true(pid[k] >= 0);
		if (pid[k] == 0)
			_exit(append_many(path, who[k], N) == 0 ? 0 : 1);
	}
	for (k = 0; k < 2; k++) {
		assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	got.n = 0;
	assert_int_equal(history_read(path, collect, &got, &skipped, &d), 0);
	assert_int_equal(skipped.count, 0);
	assert_int_equal(got.n, 2 * N);
	/* each process's lines whole and in its own order */
	for (i = 0; i < got.n; i++) {
		const struct history_entry *e = &got.e[i];

		k = strcmp(e->preset, who[0]) == 0   ? 0
		    : strcmp(e->preset, who[1]) == 0 ? 1
		                                     : -1;
		assert_true(k >= 0);
		assert_int_equal(e->planned_s, next[k]);
		assert_int_equal(e->active_s, next[k]);
		assert_int_equal(e->start, 1700000000 + next[k]);
		assert_int_equal(e->steps_done, next[k] % 7);
		next[k]++;
	}
	assert_int_equal(next[0], N);
	assert_int_equal(next[1], N);
	remove_scratch();
}

#define T(f) cmocka_unit_test_teardown(f, scratch_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(duration_parse_accepts),
		T(duration_parse_refuses),
		T(count_parse_strict),
		T(duration_format_cases),
		T(text_clean_or_not),
		T(text_escape_cases),
		T(text_escape_truncates),
		T(text_escape_output_is_always_clean),
		T(text_measures),
		T(text_distances),
		T(safety_text_fits_and_says_it_all),
		T(idmap_basics),
		T(idmap_grows),
		T(yamlpos_finds_places),
		T(yamlpos_flow_style_and_limits),
		T(yamlpos_first_problems),
		T(history_round_trip),
		T(history_format_refuses),
		T(history_malformed_lines),
		T(history_append_and_read),
		T(history_tail_reads_the_end),
		T(history_old_and_new_lines),
		T(history_many_skipped),
		T(history_append_failures),
		T(history_path_from_environment),
		T(history_concurrent_appends),
	};

	/* wide characters are measured under a UTF-8 locale only */
	utf8_locale = setlocale(LC_CTYPE, "C.UTF-8") != NULL ||
	              setlocale(LC_CTYPE, "C.utf8") != NULL ||
	              setlocale(LC_CTYPE, "en_US.UTF-8") != NULL;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
