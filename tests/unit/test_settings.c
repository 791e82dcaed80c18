/* test_settings: config.yaml (SPEC section 13): every key does what it
 * says, every way to be wrong gives its line, and a bad file changes
 * nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "settings.h"

static int
load(const char *yaml, struct settings *s, struct diag *d)
{
	return settings_load_data("config.yaml", (const unsigned char *)yaml,
	                          strlen(yaml), s, d);
}

static void
test_defaults(void **state)
{
	struct settings s;
	struct diag d;

	(void)state;
	assert_int_equal(load("", &s, &d), 0);
	assert_int_equal(s.ready_s, 5);
	assert_int_equal(s.inhale_s, 4);
	assert_int_equal(s.exhale_s, 6);
	assert_true(s.bell && !s.speak && s.color && s.figures && s.checkin);
	assert_int_equal(s.week_start, WEEK_MONDAY);
	assert_int_equal(s.remind.every_s, 45 * 60);
	assert_string_equal(s.remind.preset, "desk-break");
	assert_int_equal(s.remind.idle_s, 300);
	assert_int_equal(s.remind.snooze_s, 300);
	assert_int_equal(s.remind.notify, NOTIFY_AUTO);
	assert_int_equal(load("# only a comment\n\n", &s, &d), 0);
	assert_int_equal(s.ready_s, 5);
}

/* Each key, set to something other than its default. */
static void
test_every_key(void **state)
{
	struct settings s;
	struct diag d;

	(void)state;
	assert_int_equal(load("ready: 1m\n"
	                      "breath: 5:7\n"
	                      "bell: false\n"
	                      "speak: true\n"
	                      "color: false\n"
	                      "figures: false\n"
	                      "checkin: false\n"
	                      "week_start: sunday\n"
	                      "remind:\n"
	                      "  every: 30m\n"
	                      "  preset: neck-relief\n"
	                      "  idle: 10m\n"
	                      "  snooze: 2m30s\n"
	                      "  notify: none\n",
	                      &s, &d),
	                 0);
	assert_int_equal(s.ready_s, 60);
	assert_int_equal(s.inhale_s, 5);
	assert_int_equal(s.exhale_s, 7);
	assert_false(s.bell);
	assert_true(s.speak);
	assert_false(s.color);
	assert_false(s.figures);
	assert_false(s.checkin);
	assert_int_equal(s.week_start, WEEK_SUNDAY);
	assert_int_equal(s.remind.every_s, 1800);
	assert_string_equal(s.remind.preset, "neck-relief");
	assert_int_equal(s.remind.idle_s, 600);
	assert_int_equal(s.remind.snooze_s, 150);
	assert_int_equal(s.remind.notify, NOTIFY_NONE);
	assert_int_equal(load("remind:\n  notify: bell\n", &s, &d), 0);
	assert_int_equal(s.remind.notify, NOTIFY_BELL);
	assert_int_equal(s.remind.every_s, 45 * 60);
	assert_int_equal(load("ready: 0\n", &s, &d), 0);
	assert_int_equal(s.ready_s, 0);
}

static const struct bad_case {
	const char *yaml;
	int line;
	const char *msg; /* a part of the message */
} bad_cases[] = {
    {"redy: 3\n", 1, "unknown key 'redy'; expected one of: ready,"},
    {"ready: 5\nready: 6\n", 2, "duplicate key 'ready'"},
    {"ready: 20abc\n", 1, "ready: '20abc' is not valid"},
    {"ready: -5\n", 1, "ready: '-5' is not valid"},
    {"ready: 601\n", 1, "0 to 600 seconds"},
    {"ready: [1]\n", 1, "wrong type: expected a single value, found a list"},
    {"breath: 4\n", 1, "breath: '4' is not valid; expected IN:OUT"},
    {"breath: 0:6\n", 1, "breath: '0:6'"},
    {"breath: 4:31\n", 1, "breath: '4:31'"},
    {"bell: yes\n", 1, "bell: 'yes' is not valid; expected true or false"},
    {"speak: 1\n", 1, "speak: '1'"},
    {"color: off\n", 1, "color: 'off'"},
    {"figures: TRUE\n", 1, "figures: 'TRUE'"},
    {"checkin: {a: 1}\n", 1, "wrong type: expected a single value"},
    {"week_start: tuesday\n", 1, "expected one of: monday, sunday"},
    {"remind: 5\n", 1, "key 'remind': wrong type: expected a mapping"},
    {"remind:\n  evry: 5m\n", 2,
     "remind: unknown key 'evry'; expected one of: every, preset"},
    {"remind:\n  every: 5m\n  every: 6m\n", 3, "duplicate key 'every'"},
    {"remind:\n  every: 30s\n", 2, "remind.every: '30s' is not valid"},
    {"remind:\n  every: 25h\n", 2, "1m to 24h"},
    {"remind:\n  idle: 2h\n", 2, "remind.idle: '2h'"},
    {"remind:\n  snooze: 0\n", 2, "remind.snooze: '0'"},
    {"remind:\n  notify: loud\n", 2, "expected one of: auto, bell, none"},
    {"remind:\n  preset: \"\"\n", 2, "remind.preset: '' is not valid"},
    {"remind:\n  preset: \"a\\tb\"\n", 2, "remind.preset:"},
    {"- ready\n", 1, "expected a mapping"},
    {"ready: &a 5\nbell: *a\n", 2, "aliases (*name) are not allowed"},
    {"ready: 5\n  bell: [\n", 2, "syntax error"},
    {"ready: 5\n---\nready: 6\n", 2, "a second YAML document starts here"},
};

static void
test_bad(void **state)
{
	struct settings s;
	struct diag d;
	char msg[1200];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];

		assert_int_equal(load(c->yaml, &s, &d), -1);
		diag_format(&d, msg, sizeof msg);
		if (d.line != c->line || strstr(msg, c->msg) == NULL)
			fail_msg("%s: got '%s' (line %d), wanted line %d and "
			         "'%s'",
			         c->yaml, msg, d.line, c->line, c->msg);
		assert_string_equal(d.file, "config.yaml");
		/* never half-applied */
		assert_int_equal(s.ready_s, 5);
		assert_true(s.bell);
	}
}

/* A bad value after good ones applies none of them. */
static void
test_all_or_nothing(void **state)
{
	struct settings s;
	struct diag d;

	(void)state;
	assert_int_equal(load("ready: 9\nbell: false\nremind:\n  every: 1m\n"
	                      "  notify: loud\n",
	                      &s, &d),
	                 -1);
	assert_int_equal(s.ready_s, 5);
	assert_true(s.bell);
	assert_int_equal(s.remind.every_s, 45 * 60);
}

static void
test_files(void **state)
{
	char path[4200];
	struct settings s;
	struct diag d;
	FILE *f;
	int i;

	(void)state;
	make_scratch();
	snprintf(path, sizeof path, "%s/config.yaml", scratch);
	/* missing: the defaults */
	assert_int_equal(settings_load(path, &s, &d), 0);
	assert_int_equal(s.ready_s, 5);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("ready: 7\n", f);
	fclose(f);
	assert_int_equal(settings_load(path, &s, &d), 0);
	assert_int_equal(s.ready_s, 7);
	/* over 64 KiB: refused, not read to the end */
	f = fopen(path, "w");
	assert_non_null(f);
	for (i = 0; i < 70 * 1024 / 8; i++)
		fputs("# xxxxx\n", f);
	fclose(f);
	assert_int_equal(settings_load(path, &s, &d), -1);
	assert_non_null(strstr(d.msg, "64 KiB"));
	/* a directory where the file should be */
	remove(path);
	assert_int_equal(settings_load(scratch, &s, &d), -1);
	remove_scratch();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults),
	    cmocka_unit_test(test_every_key),
	    cmocka_unit_test(test_bad),
	    cmocka_unit_test(test_all_or_nothing),
	    cmocka_unit_test(test_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
