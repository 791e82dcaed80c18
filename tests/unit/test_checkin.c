/* test_checkin: the check-in's keys (SPEC section 8) as a pure state
 * machine, key sequence in, answer out; and plain mode's typed lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "checkin.h"
#include "history.h"

#define NONE HISTORY_PAIN_NONE

/* Keys as a string: "\n" Enter, "\033" Esc, "\b" Backspace, anything else
 * the character itself. */
static enum checkin_status
type(struct checkin *c, const char *keys)
{
	enum checkin_status st = c->status;

	for (; *keys != '\0'; keys++)
		st = checkin_key(c, *keys == '\n'     ? CHECKIN_KEY_ENTER
				    : *keys == '\033' ? CHECKIN_KEY_CANCEL
				    : *keys == '\b'   ? CHECKIN_KEY_ERASE
						      : *keys);
	return st;
}

struct key_case {
	const char *keys;
	enum checkin_status status;
	int pick, value;
};

static void
test_keys(void **state)
{
	static const struct key_case cases[] = {
	    /* nothing yet, or keys that do nothing */
	    {"", CHECKIN_ASKING, NONE, NONE},
	    {"xq ?", CHECKIN_ASKING, NONE, NONE},
	    /* a digit picks, Enter confirms */
	    {"6", CHECKIN_ASKING, 6, NONE},
	    {"6\n", CHECKIN_ANSWERED, 6, 6},
	    {"0\n", CHECKIN_ANSWERED, 0, 0},
	    {"9\n", CHECKIN_ANSWERED, 9, 9},
	    /* ten: t, or 1 then 0 */
	    {"t", CHECKIN_ASKING, 10, NONE},
	    {"t\n", CHECKIN_ANSWERED, 10, 10},
	    {"T\n", CHECKIN_ANSWERED, 10, 10},
	    {"1", CHECKIN_ASKING, 1, NONE},
	    {"10", CHECKIN_ASKING, 10, NONE},
	    {"10\n", CHECKIN_ANSWERED, 10, 10},
	    {"1\n", CHECKIN_ANSWERED, 1, 1},
	    /* another digit mends the pick; 0 after 10 is 0 */
	    {"63\n", CHECKIN_ANSWERED, 3, 3},
	    {"100\n", CHECKIN_ANSWERED, 0, 0},
	    {"t5\n", CHECKIN_ANSWERED, 5, 5},
	    {"11\n", CHECKIN_ANSWERED, 1, 1},
	    {"01\n", CHECKIN_ANSWERED, 1, 1},
	    /* skipping: Enter alone, Esc with or without a pick */
	    {"\n", CHECKIN_SKIPPED, NONE, NONE},
	    {"\033", CHECKIN_SKIPPED, NONE, NONE},
	    {"7\033", CHECKIN_SKIPPED, 7, NONE},
	    /* Backspace drops the pick; Enter then skips */
	    {"7\b", CHECKIN_ASKING, NONE, NONE},
	    {"7\b\n", CHECKIN_SKIPPED, NONE, NONE},
	    {"7\b4\n", CHECKIN_ANSWERED, 4, 4},
	    /* keys after the end change nothing */
	    {"5\n8\n", CHECKIN_ANSWERED, 5, 5},
	    {"\n5\n", CHECKIN_SKIPPED, NONE, NONE},
	    {"\0333\n", CHECKIN_SKIPPED, NONE, NONE},
	};
	struct checkin c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct key_case *k = &cases[i];

		checkin_start(&c);
		if (type(&c, k->keys) != k->status || c.status != k->status ||
		    c.pick != k->pick || c.value != k->value)
			fail_msg(
			    "case %zu: status %d pick %d value %d, expected "
			    "%d %d %d",
			    i, c.status, c.pick, c.value, k->status, k->pick,
			    k->value);
	}
}

struct line_case {
	const char *line;
	enum checkin_status status;
	int value;
};

static void
test_lines(void **state)
{
	static const struct line_case cases[] = {
	    {"", CHECKIN_SKIPPED, NONE},
	    {"   ", CHECKIN_SKIPPED, NONE},
	    {"\r\n", CHECKIN_SKIPPED, NONE},
	    {"0", CHECKIN_ANSWERED, 0},
	    {"6", CHECKIN_ANSWERED, 6},
	    {" 6 ", CHECKIN_ANSWERED, 6},
	    {"6\r", CHECKIN_ANSWERED, 6},
	    {"9\n", CHECKIN_ANSWERED, 9},
	    {"10", CHECKIN_ANSWERED, 10},
	    {"t", CHECKIN_ANSWERED, 10},
	    {"T", CHECKIN_ANSWERED, 10},
	    /* not answers: ask again */
	    {"11", CHECKIN_ASKING, NONE},
	    {"-1", CHECKIN_ASKING, NONE},
	    {"06", CHECKIN_ASKING, NONE},
	    {"6 3", CHECKIN_ASKING, NONE},
	    {"five", CHECKIN_ASKING, NONE},
	    {"1O", CHECKIN_ASKING, NONE},
	    {"100", CHECKIN_ASKING, NONE},
	    {"q", CHECKIN_ASKING, NONE},
	};
	size_t i;
	int v;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		v = 12345;
		if (checkin_parse(cases[i].line, &v) != cases[i].status ||
		    v != cases[i].value)
			fail_msg(
			    "line '%s': value %d, expected status %d value "
			    "%d",
			    cases[i].line, v, cases[i].status, cases[i].value);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keys),
	    cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
