/* test_remind_file: the reminder's state file (strict text, written
 * through a temporary file), its lock (held by another process, since a
 * process never conflicts with its own fcntl locks), the runtime
 * directory, and the streak that `status --format %s` prints. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "history.h"
#include "paths.h"
#include "remind_file.h"
#include "scratch.h"
#include "stats_io.h"

static const char good[] = "backease-remind 1\n"
			   "pid 4242\n"
			   "state waiting\n"
			   "due_ms 1764600000000\n"
			   "left 2700\n"
			   "speed 60.000\n"
			   "preset Desk break\n";

static int
setup(void **state)
{
	(void)state;
	make_scratch();
	return 0;
}

static void
test_parse_and_format(void **state)
{
	struct remind_file f;
	char buf[REMIND_FILE_MAX];

	(void)state;
	assert_int_equal(remind_file_parse(good, strlen(good), &f), 0);
	assert_int_equal(f.pid, 4242);
	assert_int_equal(f.state, RFILE_WAITING);
	assert_int_equal(f.due_ms, 1764600000000LL);
	assert_int_equal(f.left_s, 2700);
	assert_int_equal(f.speed_milli, 60000);
	assert_string_equal(f.preset, "Desk break");
	assert_int_equal(remind_file_format(&f, buf, sizeof buf),
			 (int)strlen(good));
	assert_string_equal(buf, good);
	f.state = RFILE_PAUSED;
	f.speed_milli = 1500;
	remind_file_format(&f, buf, sizeof buf);
	assert_non_null(strstr(buf, "state paused\n"));
	assert_non_null(strstr(buf, "speed 1.500\n"));
	/* a field out of range is never written */
	f.pid = 0;
	assert_int_equal(remind_file_format(&f, buf, sizeof buf), -1);
	f.pid = 1;
	strcpy(f.preset, "bell\a");
	assert_int_equal(remind_file_format(&f, buf, sizeof buf), -1);
}

/* good with the first `from` replaced by `to`, which must be refused */
static void
refused(const char *from, const char *to)
{
	char text[512], *at;
	struct remind_file f;

	at = strstr(good, from);
	assert_non_null(at);
	snprintf(text, sizeof text, "%.*s%s%s", (int)(at - good), good, to,
		 at + strlen(from));
	if (remind_file_parse(text, strlen(text), &f) == 0)
		fail_msg("accepted with '%s' for '%s'", to, from);
}

static void
test_parse_is_strict(void **state)
{
	struct remind_file f;

	(void)state;
	refused("backease-remind 1", "backease-remind 2");
	refused("pid 4242", "pid 04242");
	refused("pid 4242", "pid -1");
	refused("pid 4242", "pid 0");
	refused("pid 4242", "pid 99999999999");
	refused("pid 4242", "pid  4242");
	refused("state waiting", "state asleep");
	refused("state waiting", "state waitingx");
	refused("due_ms 1764600000000", "due_ms 17646e5");
	refused("due_ms 1764600000000", "due 1764600000");
	refused("left 2700", "left 2700 ");
	refused("speed 60.000", "speed 60");
	refused("speed 60.000", "speed 60.5");
	refused("speed 60.000", "speed 0.000");
	refused("speed 60.000", "speed 1000.001");
	refused("preset Desk break", "preset Desk\033[2Jbreak");
	refused("preset Desk break", "preset ");
	refused("preset Desk break\n", "preset Desk break\nextra 1\n");
	refused("preset Desk break\n", "preset Desk break");
	refused("pid 4242\nstate waiting", "state waiting\npid 4242");
	/* NUL bytes, and nothing at all */
	assert_int_equal(remind_file_parse("backease-remind 1\n\0", 19, &f),
			 -1);
	assert_int_equal(remind_file_parse("", 0, &f), -1);
}

static void
test_write_and_read(void **state)
{
	struct remind_file f, back;
	struct diag d;
	char path[256], tmp[300];

	(void)state;
	snprintf(path, sizeof path, "%s/run/backease/%s", scratch,
		 REMIND_FILE_STATE);
	assert_int_equal(remind_file_read(path, &back), 1);
	assert_int_equal(remind_file_parse(good, strlen(good), &f), 0);
	assert_int_equal(remind_file_write(path, &f, &d), 0);
	assert_int_equal(remind_file_read(path, &back), 0);
	assert_int_equal(back.pid, f.pid);
	assert_string_equal(back.preset, f.preset);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	assert_int_not_equal(access(tmp, F_OK), 0);
	/* the next write replaces it whole */
	f.state = RFILE_DUE;
	assert_int_equal(remind_file_write(path, &f, &d), 0);
	assert_int_equal(remind_file_read(path, &back), 0);
	assert_int_equal(back.state, RFILE_DUE);
	/* a damaged file reads as bad, not as a state */
	FILE *out = fopen(path, "w");
	fputs("backease-remind 1\npid 12\n", out);
	fclose(out);
	assert_int_equal(remind_file_read(path, &back), -1);
}

static void
test_lock(void **state)
{
	char path[256];
	int go[2], ready[2], fd;
	long holder;
	struct diag d;
	pid_t child;
	char c;

	(void)state;
	snprintf(path, sizeof path, "%s/run/%s", scratch, REMIND_FILE_LOCK);
	assert_int_equal(remind_lock_holder(path), 0);
	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(ready), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		/* the other reminder: holds the lock until told to go */
		int lfd = remind_lock_take(path, &holder, &d);

		(void)!write(ready[1], lfd >= 0 ? "y" : "n", 1);
		(void)!read(go[0], &c, 1);
		_exit(0);
	}
	assert_int_equal(read(ready[0], &c, 1), 1);
	assert_int_equal(c, 'y');
	assert_int_equal(remind_lock_holder(path), child);
	fd = remind_lock_take(path, &holder, &d);
	assert_int_equal(fd, -1);
	assert_int_equal(holder, child);
	/* it ends: the kernel drops its lock */
	(void)!write(go[1], "x", 1);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_int_equal(remind_lock_holder(path), 0);
	fd = remind_lock_take(path, &holder, &d);
	assert_true(fd >= 0);
	close(fd);
	close(go[0]), close(go[1]), close(ready[0]), close(ready[1]);
}

static void
test_runtime_dir(void **state)
{
	char buf[256], want[256];

	(void)state;
	setenv("XDG_RUNTIME_DIR", "/run/user/1000", 1);
	assert_int_equal(paths_runtime("remind.state", buf, sizeof buf), 0);
	assert_string_equal(buf, "/run/user/1000/backease/remind.state");
	/* unset or relative: the state directory */
	setenv("XDG_STATE_HOME", "/home/u/.local/state", 1);
	setenv("XDG_RUNTIME_DIR", "relative", 1);
	assert_int_equal(paths_runtime("x", buf, sizeof buf), 0);
	assert_int_equal(paths_state("x", want, sizeof want), 0);
	assert_string_equal(buf, want);
	unsetenv("XDG_RUNTIME_DIR");
	assert_int_equal(paths_runtime("x", buf, sizeof buf), 0);
	assert_string_equal(buf, "/home/u/.local/state/backease/x");
}

/* Appends a run on day `ago` days before now, at noon UTC. */
static void
run_on(const char *path, time_t now, int ago, bool done)
{
	struct history_entry h;
	struct diag d;

	memset(&h, 0, sizeof h);
	h.start = now - now % 86400 - (time_t)ago * 86400 + 12 * 3600;
	strcpy(h.preset, "desk-break");
	h.planned_s = h.active_s = 200;
	h.steps_done = h.steps_total = 5;
	h.done = done;
	assert_int_equal(history_append(path, &h, &d), 0);
}

static void
test_streak(void **state)
{
	char path[256];
	time_t now = 1764590400 + 15 * 3600; /* 15:00 UTC */
	long days;
	bool today;
	struct diag d;

	(void)state;
	setenv("TZ", "UTC", 1);
	snprintf(path, sizeof path, "%s/history.tsv", scratch);
	assert_int_equal(stats_streak_at(path, now, &days, &today, &d), 0);
	assert_int_equal(days, 0);
	/* yesterday and the two days before: 3, "one today keeps it" */
	run_on(path, now, 1, true);
	run_on(path, now, 2, true);
	run_on(path, now, 2, true);
	run_on(path, now, 3, true);
	run_on(path, now, 5, true); /* after a gap: not counted */
	assert_int_equal(stats_streak_at(path, now, &days, &today, &d), 0);
	assert_int_equal(days, 3);
	assert_false(today);
	/* a quit run today does not count; a done one does */
	run_on(path, now, 0, false);
	assert_int_equal(stats_streak_at(path, now, &days, &today, &d), 0);
	assert_int_equal(days, 3);
	run_on(path, now, 0, true);
	assert_int_equal(stats_streak_at(path, now, &days, &today, &d), 0);
	assert_int_equal(days, 4);
	assert_true(today);
	/* two days without: over */
	assert_int_equal(stats_streak_at(path, now + 2 * 86400, &days, &today, &d),
			 0);
	assert_int_equal(days, 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, scratch_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_and_format),
	    cmocka_unit_test(test_parse_is_strict),
	    T(test_write_and_read),
	    T(test_lock),
	    cmocka_unit_test(test_runtime_dir),
	    T(test_streak),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
