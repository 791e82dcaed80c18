/* test_remind_run: what both reminder front ends share: the lock (refused
 * to another process, which names us), the state file written and removed,
 * a break falling due on the scaled clock, the bytes of a due break and of
 * the title, and today's active time from the history. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "history.h"
#include "remind_file.h"
#include "remind_run.h"
#include "scratch.h"

static int
setup(void **state)
{
	char dir[128];

	(void)state;
	make_scratch();
	snprintf(dir, sizeof dir, "%s/run", scratch);
	setenv("XDG_RUNTIME_DIR", dir, 1);
	setenv("XDG_STATE_HOME", scratch, 1);
	setenv("TERM", "xterm-256color", 1);
	setenv("TZ", "UTC", 1);
	unsetenv("TMUX");
	unsetenv("DISPLAY");
	unsetenv("WAYLAND_DISPLAY");
	unsetenv("TERM_PROGRAM");
	unsetenv("VTE_VERSION");
	return 0;
}

static struct remind_run_config
config(unsigned every_s, double speed, enum notify_mode mode)
{
	struct remind_run_config c;

	memset(&c, 0, sizeof c);
	c.s.every_s = every_s;
	c.s.snooze_s = 300;
	c.s.idle_s = 0; /* no idle sources asked */
	c.s.notify = mode;
	c.speed = speed;
	c.bell = true;
	c.name = "Tiny";
	c.length = "0:10";
	return c;
}

static void
test_lock_and_state(void **state)
{
	struct remind_run_config c = config(45 * 60, 60, NOTIFY_NONE);
	struct remind_run m;
	struct remind_file f;
	struct diag d;
	long holder;
	pid_t child;
	int status;

	(void)state;
	assert_int_equal(remind_run_lock(&m, &holder, &d), 0);
	assert_int_equal(remind_run_start(&m, &c, false), 0);
	assert_int_equal(remind_run_save(&m, &d), 0);
	assert_int_equal(remind_file_read(m.state_path, &f), 0);
	assert_int_equal(f.pid, (long)getpid());
	assert_int_equal(f.state, RFILE_WAITING);
	assert_string_equal(f.preset, "Tiny");
	assert_int_equal(f.speed_milli, 60000);
	assert_in_range(f.left_s, 2690, 2700);
	/* a second reminder, in another process, is refused and told who */
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct remind_run other;

		_exit(remind_run_lock(&other, &holder, &d) == -1 &&
			      holder == (long)getppid()
			  ? 0
			  : 1);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* the end removes the state file and gives the lock back */
	remind_run_end(&m);
	assert_int_equal(remind_file_read(m.state_path, &f), 1);
	assert_int_equal(remind_run_lock(&m, &holder, &d), 0);
	remind_run_end(&m);
}

/* At --speed 1000 a minute is 60 ms: the timeout reaches the due time. */
static void
test_due_on_the_scaled_clock(void **state)
{
	struct remind_run_config c = config(60, 1000, NOTIFY_NONE);
	struct remind_clock now;
	struct remind_run m;
	struct diag d;
	long holder;
	unsigned ev = 0;
	int t, i;

	(void)state;
	assert_int_equal(remind_run_lock(&m, &holder, &d), 0);
	assert_int_equal(remind_run_start(&m, &c, false), 0);
	assert_false(remind_run_tick(&m, &now) & REMIND_EV_DUE);
	t = remind_run_timeout(&m, 0);
	assert_in_range(t, 1, 61);
	for (i = 0; i < 20 && !(ev & REMIND_EV_DUE); i++) {
		usleep((useconds_t)remind_run_timeout(&m, 0) * 1000 + 1000);
		ev |= remind_run_tick(&m, &now);
	}
	assert_true(ev & REMIND_EV_DUE);
	assert_true(ev & REMIND_EV_CHANGED);
	assert_int_equal(remind_state(m.r), REMIND_DUE);
	/* nothing more falls due by itself but the rings again */
	assert_in_range(remind_run_timeout(&m, 0), 290, 301);
	remind_run_end(&m);
}

static void
test_bytes(void **state)
{
	struct remind_run_config c = config(45 * 60, 1, NOTIFY_BELL);
	struct remind_run m;
	struct diag d;
	char buf[2048];
	long holder;
	size_t n;

	(void)state;
	assert_int_equal(remind_run_lock(&m, &holder, &d), 0);
	assert_int_equal(remind_run_start(&m, &c, true), 0);
	assert_true(remind_run_rings(&m));
	/* the title is ours only once a break has been due */
	assert_int_equal(remind_run_title_bytes(&m, NULL, buf, sizeof buf), 0);
	assert_int_equal(
	    remind_run_title_save_bytes(&m, false, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_true(remind_run_title_save_bytes(&m, true, buf, sizeof buf) > 0);
	n = remind_run_due_bytes(&m, true, buf, sizeof buf);
	assert_true(n > 0);
	assert_non_null(strstr(buf, "\033]2;break due: Tiny"));
	assert_int_equal(buf[n - 1], '\a');
	/* the curses screen rings through curses: no bell byte */
	n = remind_run_due_bytes(&m, false, buf, sizeof buf);
	assert_null(strchr(buf, '\a'));
	assert_true(remind_run_title_bytes(&m, "Tiny", buf, sizeof buf) > 0);
	assert_non_null(strstr(buf, "backease: Tiny"));
	remind_run_title_bytes(&m, NULL, buf, sizeof buf);
	assert_non_null(strstr(buf, "backease: next break at "));
	assert_true(remind_run_title_save_bytes(&m, false, buf, sizeof buf) >
		    0);
	remind_run_end(&m);

	/* notify: none rings no bell; no terminal gets no escapes */
	c = config(45 * 60, 1, NOTIFY_NONE);
	assert_int_equal(remind_run_lock(&m, &holder, &d), 0);
	assert_int_equal(remind_run_start(&m, &c, false), 0);
	assert_false(remind_run_rings(&m));
	assert_int_equal(remind_run_due_bytes(&m, true, buf, sizeof buf), 0);
	remind_run_end(&m);
}

static void
run_at(time_t start, long active_s)
{
	struct history_entry h;
	struct diag d;
	char path[256];

	history_entry_init(&h);
	h.start = start;
	strcpy(h.preset, "tiny");
	h.planned_s = 600;
	h.active_s = active_s;
	h.steps_done = h.steps_total = 1;
	h.done = true;
	assert_int_equal(history_path(path, sizeof path), 0);
	assert_int_equal(history_append(path, &h, &d), 0);
}

static void
test_active_today(void **state)
{
	time_t now = 1764590400 + 15 * 3600; /* 15:00 UTC */

	(void)state;
	assert_int_equal(remind_run_active_today(now), 0); /* no history */
	run_at(now - 24 * 3600, 500);			   /* yesterday */
	run_at(now - 3600, 120);
	run_at(now - 60, 45);
	assert_int_equal(remind_run_active_today(now), 165);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, scratch_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_lock_and_state),
	    T(test_due_on_the_scaled_clock),
	    T(test_bytes),
	    T(test_active_today),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
