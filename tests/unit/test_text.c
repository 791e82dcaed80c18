/* Unit tests of text.c against hostile Unicode: characters that change
 * the direction of the text, invisible ones, tags, line separators and
 * stacks of combining marks; and output in a locale that is not UTF-8. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "scratch.h"

/* One hostile character in a word, and how text_escape shows it. */
static const struct {
	const char *s;
	const char *shown;
} hostile[] = {
    /* bidirectional controls */
    {"a\xe2\x80\xaeZ", "a\\u{202E}Z"}, /* RIGHT-TO-LEFT OVERRIDE */
    {"a\xe2\x80\xaaZ", "a\\u{202A}Z"}, /* LEFT-TO-RIGHT EMBEDDING */
    {"a\xe2\x80\xabZ", "a\\u{202B}Z"},
    {"a\xe2\x80\xacZ", "a\\u{202C}Z"}, /* POP DIRECTIONAL FORMATTING */
    {"a\xe2\x80\xadZ", "a\\u{202D}Z"},
    {"a\xe2\x81\xa6Z", "a\\u{2066}Z"}, /* LEFT-TO-RIGHT ISOLATE */
    {"a\xe2\x81\xa7Z", "a\\u{2067}Z"},
    {"a\xe2\x81\xa8Z", "a\\u{2068}Z"},
    {"a\xe2\x81\xa9Z", "a\\u{2069}Z"}, /* POP DIRECTIONAL ISOLATE */
    {"a\xe2\x80\x8eZ", "a\\u{200E}Z"}, /* LEFT-TO-RIGHT MARK */
    {"a\xe2\x80\x8fZ", "a\\u{200F}Z"}, /* RIGHT-TO-LEFT MARK */
    {"a\xd8\x9cZ", "a\\u{061C}Z"},     /* ARABIC LETTER MARK */
    /* invisible */
    {"a\xe2\x80\x8bZ", "a\\u{200B}Z"}, /* ZERO WIDTH SPACE */
    {"a\xe2\x80\x8cZ", "a\\u{200C}Z"}, /* ZERO WIDTH NON-JOINER */
    {"a\xe2\x80\x8dZ", "a\\u{200D}Z"}, /* ZERO WIDTH JOINER */
    {"a\xe2\x81\xa0Z", "a\\u{2060}Z"}, /* WORD JOINER */
    {"a\xef\xbb\xbfZ", "a\\u{FEFF}Z"}, /* BYTE ORDER MARK */
    {"\xef\xbb\xbfZ", "\\u{FEFF}Z"},   /* ... at the start too */
    {"a\xc2\xad"
     "Z",
     "a\\u{00AD}Z"}, /* SOFT HYPHEN */
    /* tags */
    {"a\xf3\xa0\x80\x80Z", "a\\u{E0000}Z"},
    {"a\xf3\xa0\x80\x81Z", "a\\u{E0001}Z"}, /* LANGUAGE TAG */
    {"a\xf3\xa0\x81\xa1Z", "a\\u{E0061}Z"}, /* TAG LATIN SMALL LETTER A */
    {"a\xf3\xa0\x81\xbfZ", "a\\u{E007F}Z"}, /* CANCEL TAG */
    /* line and paragraph separators */
    {"a\xe2\x80\xa8Z", "a\\u{2028}Z"},
    {"a\xe2\x80\xa9Z", "a\\u{2029}Z"},
    /* four combining marks on one letter: the fourth is one too many */
    {"e\xcc\x81\xcc\x82\xcc\x83\xcc\x84Z",
     "e\xcc\x81\xcc\x82\xcc\x83\\u{0304}Z"},
};

static void
hostile_text_is_not_clean(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		if (text_is_clean(hostile[i].s))
			print_error("hostile[%zu] (%s) accepted\n", i,
				    hostile[i].shown);
		assert_false(text_is_clean(hostile[i].s));
	}
}

static void
hostile_text_is_escaped(void **state)
{
	char out[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		text_escape(hostile[i].s, out, sizeof out);
		assert_string_equal(out, hostile[i].shown);
		assert_true(text_is_clean(out));
	}
}

/* Text that looks unusual but is harmless stays clean and as it is. */
static void
ordinary_unicode_is_clean(void **state)
{
	static const char *const ok[] = {
	    "caf\xc3\xa9",			/* é */
	    "cafe\xcc\x81",			/* e + COMBINING ACUTE */
	    "e\xcc\x81\xcc\x82\xcc\x83",	/* three marks: the limit */
	    "vi\xe1\xbb\x87t",			/* Vietnamese ệ */
	    "\xe2\x80\x9cquoted\xe2\x80\x9d",	/* “ ” */
	    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", /* Hebrew letters */
	    "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", /* 👍🏽 (a modifier) */
	    "\xe2\x9d\xa4\xef\xb8\x8f", /* ❤ + VARIATION SELECTOR-16 */
	    "\xef\xbf\xbd",		/* U+FFFD */
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (!text_is_clean(ok[i]))
			print_error("ok[%zu] refused\n", i);
		assert_true(text_is_clean(ok[i]));
		text_escape(ok[i], out, sizeof out);
		assert_string_equal(out, ok[i]);
	}
}

/* Hundreds of marks on one letter (the "zalgo" text that spills over the
 * lines around it) are refused, and escaped past the third. */
static void
stacked_marks(void **state)
{
	char in[1 + 2 * 300 + 2], out[4096];
	size_t i;

	(void)state;
	in[0] = 'o';
	for (i = 0; i < 300; i++)
		memcpy(in + 1 + 2 * i, "\xcd\x93", 2); /* U+0353 */
	in[1 + 2 * 300] = '!';
	in[2 + 2 * 300] = '\0';
	assert_false(text_is_clean(in));
	text_escape(in, out, sizeof out);
	assert_true(text_is_clean(out));
	/* three stay on the letter, the others are written out */
	assert_memory_equal(out, "o\xcd\x93\xcd\x93\xcd\x93\\u{0353}", 15);
	assert_int_equal(strlen(out), 7 + 297 * 8 + 1);
	/* marks on different letters do not add up */
	assert_true(text_is_clean("a\xcc\x81\xcc\x81 b\xcc\x81\xcc\x81"));
	/* a letter between two runs starts the count again */
	assert_true(text_is_clean("a\xcc\x81\xcc\x81\xcc\x81"
				  "b\xcc\x81\xcc\x81\xcc\x81"));
}

/* The message names the character by its code point and says why. */
static void
unclean_is_described(void **state)
{
	static const struct {
		const char *s, *why;
	} cases[] = {
	    {"a\xe2\x80\xaeZ", "contains U+202E, a bidirectional control; "
			       "such characters are not allowed"},
	    {"\xe2\x80\x8b", "contains U+200B, an invisible character; such "
			     "characters are not allowed"},
	    {"x\xf3\xa0\x81\xa1", "contains U+E0061, a tag character; such "
				  "characters are not allowed"},
	    {"a\xe2\x80\xa9", "contains U+2029, a line or paragraph "
			      "separator; such characters are not allowed"},
	    {"\x1b[2J", "contains U+001B, a control character; such "
			"characters are not allowed"},
	    {"ok\xff", "contains the byte 0xFF, which is not valid UTF-8; "
		       "UTF-8 text expected"},
	    {"e\xcc\x81\xcc\x81\xcc\x81\xcc\x80",
	     "has more than 3 combining marks on one character (U+0300 is "
	     "one too many); they would pile up over the lines around it"},
	    /* the first problem is the one named */
	    {"\xe2\x81\xa6\x1b", "contains U+2066, a bidirectional control; "
				 "such characters are not allowed"},
	};
	char why[200];
	size_t i;

	(void)state;
	assert_false(text_find_unclean("fine caf\xc3\xa9", why, sizeof why));
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_true(text_find_unclean(cases[i].s, why, sizeof why));
		assert_string_equal(why, cases[i].why);
	}
}

/* Outside a UTF-8 locale: ASCII only.  Common punctuation and accented
 * Latin letters are spelled out; anything else is written \u{XXXX}, so
 * that no byte 0x80-0xFF (0x9B is CSI to a terminal that honours C1)
 * reaches the terminal. */
static void
ascii_terminal(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"plain", "plain"},
	    {"caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9"
	     "e",
	     "cafe creme brulee"},
	    {"\xc3\x80\xc3\x85\xc3\x87\xc3\x91\xc3\x96\xc3\x9c\xc3\xbf",
	     "AACNOUy"},
	    {"\xc3\x9f \xc3\x86 \xc5\x93 \xc5\x81\xc3\xb3"
	     "d\xc5\xba",
	     "ss AE oe Lodz"},
	    {"it\xe2\x80\x99s \xe2\x80\x98"
	     "a\xe2\x80\x99 \xe2\x80\x9c"
	     "b"
	     "\xe2\x80\x9d",
	     "it's 'a' \"b\""},
	    {"a \xe2\x80\x93 b \xe2\x80\x94 c\xe2\x80\xa6", "a - b -- c..."},
	    {"\xe2\x80\xa2 one \xc2\xb7 two", "* one - two"},
	    {"\xe2\x80\x9b", "'"},    /* U+201B: its last byte is 0x9B */
	    {"cafe\xcc\x81", "cafe"}, /* the accent goes with the e */
	    {"\xe6\x97\xa5\xe6\x9c\xac", "\\u{65E5}\\u{672C}"},
	    {"\xf0\x9f\x98\x80", "\\u{1F600}"},
	    {"a\xe2\x80\xaeZ", "a\\u{202E}Z"},
	    {"\x1b[31m\xc2\x9b", "\\x1b[31m\\xc2\\x9b"},
	    {"bad\xff", "bad\\xff"},
	};
	char out[128];
	size_t i, k;

	(void)state;
	text_set_utf8(false);
	assert_false(text_utf8());
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		text_escape(cases[i].in, out, sizeof out);
		if (strcmp(out, cases[i].out) != 0)
			print_error("case %zu\n", i);
		assert_string_equal(out, cases[i].out);
		for (k = 0; out[k] != '\0'; k++)
			assert_true(out[k] >= 0x20 && out[k] < 0x7f);
		assert_string_equal(
		    text_for_terminal(cases[i].in, out, sizeof out),
		    cases[i].out);
	}
	/* truncation never leaves half a spelling or an escape */
	text_escape("a\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94", out, 6);
	assert_string_equal(out, "a...");
	text_escape("a\xe6\x97\xa5", out, 9);
	assert_string_equal(out, "a...");
	text_set_utf8(true);
	assert_true(text_utf8());
}

/* In a UTF-8 locale clean text goes out as it is, without a copy. */
static void
for_terminal_copies_only_when_needed(void **state)
{
	static const char name[] = "Caf\xc3\xa9 \xe2\x80\x94 \xe2\x86\x92";
	static const char bidi[] = "evil\xe2\x80\xae"
				   "txt.exe";
	char buf[64];

	(void)state;
	text_set_utf8(true);
	assert_ptr_equal(text_for_terminal(name, buf, sizeof buf), name);
	assert_ptr_equal(text_for_terminal("ascii", buf, sizeof buf), "ascii");
	assert_ptr_equal(text_for_terminal(bidi, buf, sizeof buf), buf);
	assert_string_equal(buf, "evil\\u{202E}txt.exe");
	/* ASCII text needs no copy in either mode */
	text_set_utf8(false);
	assert_string_equal(text_for_terminal("ascii", buf, sizeof buf),
			    "ascii");
	assert_ptr_equal(text_for_terminal(name, buf, sizeof buf), buf);
	assert_string_equal(buf, "Cafe -- ->");
	text_set_utf8(true);
}

/* Random bytes in both modes: the output is clean, terminated and in
 * bounds, and outside UTF-8 it is printable ASCII only. */
static void
escape_random_bytes(void **state)
{
	unsigned char in[48];
	char out[64];
	unsigned seed = 777;
	size_t i, size, k;
	int round, mode;

	(void)state;
	for (mode = 0; mode < 2; mode++) {
		text_set_utf8(mode == 0);
		for (round = 0; round < 1500; round++) {
			for (i = 0; i < sizeof in - 1; i++) {
				seed = seed * 1103515245u + 12345u;
				in[i] = (unsigned char)((seed >> 16) % 255 + 1);
			}
			in[sizeof in - 1] = '\0';
			for (size = 1; size <= sizeof out; size += 7) {
				memset(out, 'Z', sizeof out);
				text_escape((const char *)in, out, size);
				assert_true(strlen(out) < size);
				assert_true(text_is_clean(out));
				if (size < sizeof out)
					assert_int_equal(out[size], 'Z');
				for (k = 0; mode == 1 && out[k] != '\0'; k++)
					assert_true(out[k] >= 0x20 &&
						    out[k] < 0x7f);
			}
		}
	}
	text_set_utf8(true);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(hostile_text_is_not_clean),
	    cmocka_unit_test(hostile_text_is_escaped),
	    cmocka_unit_test(ordinary_unicode_is_clean),
	    cmocka_unit_test(stacked_marks),
	    cmocka_unit_test(unclean_is_described),
	    cmocka_unit_test(ascii_terminal),
	    cmocka_unit_test(for_terminal_copies_only_when_needed),
	    cmocka_unit_test(escape_random_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
