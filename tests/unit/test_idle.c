/* test_idle: the idle sources behind fakes (every source that can tell
 * must say idle; in a graphical session only the session's hint counts),
 * the tmux and logind outputs, and the tty source over a fake /dev/pts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "idle.h"
#include "idle_logind.h"
#include "idle_tmux.h"
#include "idle_tty.h"
#include "scratch.h"

struct fake {
	enum idle_answer answer;
	long secs;
	int calls;
};

static enum idle_answer
fake_seconds(void *ctx, time_t now, long *secs)
{
	struct fake *f = ctx;

	(void)now;
	f->calls++;
	*secs = f->secs;
	return f->answer;
}

static struct fake f_tty, f_tmux, f_logind;
static struct idle_source sources[3];

static void
fakes(enum idle_answer tty, long tty_s, enum idle_answer tmux, long tmux_s,
      enum idle_answer logind, long logind_s)
{
	f_tty = (struct fake){tty, tty_s, 0};
	f_tmux = (struct fake){tmux, tmux_s, 0};
	f_logind = (struct fake){logind, logind_s, 0};
	sources[0] = (struct idle_source){"tty", IDLE_TERMINAL, fake_seconds,
					  &f_tty, false};
	sources[1] = (struct idle_source){"tmux", IDLE_TERMINAL, fake_seconds,
					  &f_tmux, false};
	sources[2] = (struct idle_source){"logind", IDLE_SESSION, fake_seconds,
					  &f_logind, false};
}

static void
test_idle_every_source_must_agree(void **state)
{
	struct idle_result res;

	(void)state;
	fakes(IDLE_OK, 600, IDLE_OK, 400, IDLE_GONE, 0);
	idle_sample(sources, 3, false, 1000, 300, &res);
	assert_true(res.known);
	assert_int_equal(res.secs, 400); /* the least idle one */
	assert_true(sources[2].gone);
	idle_sample(sources, 3, false, 1000, 300, &res);
	assert_int_equal(f_logind.calls, 1); /* gone: never asked again */
	/* one that says active ends it: the rest are not asked */
	fakes(IDLE_OK, 10, IDLE_OK, 900, IDLE_OK, 900);
	idle_sample(sources, 3, false, 1000, 300, &res);
	assert_true(res.known);
	assert_int_equal(res.secs, 10);
	assert_int_equal(f_tmux.calls, 0);
	assert_int_equal(f_logind.calls, 0);
	/* a source that cannot tell this time does not count */
	fakes(IDLE_NONE, 0, IDLE_OK, 700, IDLE_GONE, 0);
	idle_sample(sources, 3, false, 1000, 300, &res);
	assert_true(res.known);
	assert_int_equal(res.secs, 700);
	/* none can tell */
	fakes(IDLE_NONE, 0, IDLE_GONE, 0, IDLE_GONE, 0);
	idle_sample(sources, 3, false, 1000, 300, &res);
	assert_false(res.known);
	assert_non_null(res.why);
}

static void
test_idle_graphical_session(void **state)
{
	struct idle_result res;

	(void)state;
	/* quiet terminals alone never count in a GUI: not even asked */
	fakes(IDLE_OK, 3600, IDLE_OK, 3600, IDLE_GONE, 0);
	idle_sample(sources, 3, true, 1000, 300, &res);
	assert_false(res.known);
	assert_non_null(strstr(res.why, "graphical"));
	assert_int_equal(f_tty.calls, 0);
	assert_int_equal(f_tmux.calls, 0);
	/* logind's hint does */
	fakes(IDLE_OK, 3600, IDLE_OK, 3600, IDLE_OK, 360);
	idle_sample(sources, 3, true, 1000, 300, &res);
	assert_true(res.known);
	assert_int_equal(res.secs, 360);
	/* and an active session is active, whatever the terminals say */
	fakes(IDLE_OK, 3600, IDLE_OK, 3600, IDLE_OK, 0);
	idle_sample(sources, 3, true, 1000, 300, &res);
	assert_int_equal(res.secs, 0);
}

static void
test_tmux_parse(void **state)
{
	long s = -1;

	(void)state;
	assert_int_equal(idle_tmux_parse("1700000000\n", 1700000100, &s),
			 IDLE_OK);
	assert_int_equal(s, 100);
	assert_int_equal(idle_tmux_parse("1700000200", 1700000100, &s),
			 IDLE_OK);
	assert_int_equal(s, 0);
	assert_int_equal(idle_tmux_parse("\n", 1700000100, &s), IDLE_NONE);
	assert_int_equal(idle_tmux_parse("", 1700000100, &s), IDLE_NONE);
	assert_int_equal(idle_tmux_parse("17x\n", 1700000100, &s), IDLE_NONE);
	assert_int_equal(idle_tmux_parse("1\n2\n", 1700000100, &s), IDLE_NONE);
	/* outside tmux the source is gone without running anything */
	struct idle_tmux out = {.inside = false};
	assert_int_equal(idle_tmux_seconds(&out, 0, &s), IDLE_GONE);
}

static void
test_logind_parse(void **state)
{
	struct idle_logind l;
	long s = -1;

	(void)state;
	idle_logind_init(&l, "c2");
	assert_string_equal(l.session, "c2");
	idle_logind_init(&l, "-x;rm");
	assert_string_equal(l.session, "auto");
	idle_logind_init(&l, NULL);
	assert_string_equal(l.session, "auto");
	assert_int_equal(idle_logind_parse(&l,
					   "IdleHint=yes\n"
					   "IdleSinceHint=1699999000000000\n"
					   "LockedHint=no\n",
					   1700000000, &s),
			 IDLE_OK);
	assert_int_equal(s, 1000);
	assert_int_equal(idle_logind_parse(&l,
					   "IdleHint=no\nIdleSinceHint=0\n"
					   "LockedHint=no\n",
					   1700000000, &s),
			 IDLE_OK);
	assert_int_equal(s, 0);
	/* locked: idle since first seen locked */
	assert_int_equal(idle_logind_parse(&l, "IdleHint=no\nLockedHint=yes\n",
					   1700000000, &s),
			 IDLE_OK);
	assert_int_equal(s, 0);
	idle_logind_parse(&l, "IdleHint=no\nLockedHint=yes\n", 1700000400, &s);
	assert_int_equal(s, 400);
	idle_logind_parse(&l, "IdleHint=no\nLockedHint=no\n", 1700000500, &s);
	assert_int_equal(s, 0);
	assert_int_equal(idle_logind_parse(&l, "Foo=bar\n", 1700000000, &s),
			 IDLE_NONE);
}

/* Sets a file's atime. */
static void
touch_at(const char *name, time_t atime)
{
	char path[128];
	struct timespec ts[2] = {{atime, 0}, {atime, 0}};
	int fd;

	snprintf(path, sizeof path, "%s/%s", scratch, name);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
}

static void
test_tty_source(void **state)
{
	struct idle_tty t = {.uid = getuid(), .utmp_path = NULL};
	time_t base = 1700000000;
	long s = -1;

	(void)state;
	make_scratch();
	t.dev_dir = scratch;
	assert_int_equal(idle_tty_seconds(&t, base, &s), IDLE_NONE);
	touch_at("0", base + 10);
	touch_at("3", base + 50);
	touch_at("ptmx", base + 99); /* not a terminal of anyone's */
	assert_int_equal(idle_tty_seconds(&t, base + 100, &s), IDLE_OK);
	assert_int_equal(s, 50);
	/* someone else's terminal says nothing about this user */
	if (geteuid() == 0) {
		char path[128];

		touch_at("7", base + 90);
		snprintf(path, sizeof path, "%s/7", scratch);
		assert_int_equal(chown(path, getuid() + 4242, 0), 0);
		assert_int_equal(idle_tty_seconds(&t, base + 100, &s), IDLE_OK);
		assert_int_equal(s, 50);
	}
	/* a utmp file that is not there changes nothing */
	t.utmp_path = "/nonexistent/utmp";
	assert_int_equal(idle_tty_seconds(&t, base + 100, &s), IDLE_OK);
	assert_int_equal(s, 50);
	remove_scratch();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_idle_every_source_must_agree),
	    cmocka_unit_test(test_idle_graphical_session),
	    cmocka_unit_test(test_tmux_parse),
	    cmocka_unit_test(test_logind_parse),
	    cmocka_unit_test(test_tty_source),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
