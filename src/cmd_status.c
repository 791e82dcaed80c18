/* cmd_status: `backease status [--format F]`, one short line for a tmux
 * status bar or a shell prompt from the state a running reminder keeps
 * (remind_file.h).  Called every few seconds, so it reads two small files
 * and never the catalog; nothing at all when no reminder runs. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "history.h"
#include "paths.h"
#include "remind_file.h"
#include "stats_io.h"
#include "text.h"

enum { OPT_FORMAT = 1 };

static const char *status_format = "%t"; /* --format */

static const struct option status_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {NULL, 0, NULL, 0},
};

static int
status_option(int val, const char *arg)
{
	const char *p;

	if (val != OPT_FORMAT)
		return EXIT_USAGE;
	for (p = arg; (p = strchr(p, '%')) != NULL; p += 2)
		if (p[1] == '\0' || strchr("mpstS%", p[1]) == NULL)
			return cmd_usage_error(
			    "--format knows %m (minutes "
			    "left), %p (preset), %s (streak), "
			    "%t (the usual line), %S (state) "
			    "and %%, not",
			    arg);
	status_format = arg;
	return 0;
}

/* The pid holding the reminder's lock: 0 none, -1 one we cannot see. */
static long
lock_holder(void)
{
	char lock[4200];

	if (paths_runtime(REMIND_FILE_LOCK, lock, sizeof lock) != 0)
		return 0;
	return remind_lock_holder(lock);
}

/* The reminder that wrote f still runs: it holds the lock and its pid is
 * alive (a pid alone could have been given to another process since). */
static bool
alive(const struct remind_file *f, long holder)
{
	if (holder == 0 || (holder > 0 && holder != f->pid))
		return false;
	return kill((pid_t)f->pid, 0) == 0 || errno == EPERM;
}

/* Run-time minutes left, rounded up as the reminder shows them. */
static long
minutes_left(const struct remind_file *f, const struct timespec *now)
{
	double ms = 0, now_ms = (double)now->tv_sec * 1000 +
				(double)(now->tv_nsec / 1000000);

	if (f->state == RFILE_PAUSED)
		ms = (double)f->left_s * 1000;
	else if (f->state == RFILE_WAITING || f->state == RFILE_AWAY)
		ms = ((double)f->due_ms - now_ms) * (double)f->speed_milli /
		     1000;
	if (ms > 1e12) /* decades: a clock set back, or not our file */
		ms = 1e12;
	return ms > 0 ? (long)((ms + 59999) / 60000) : 0;
}

static void
usual_line(const struct remind_file *f, long minutes, char *buf, size_t size)
{
	static const char *const lines[] = {
	    [RFILE_WAITING] = "break due", /* when no minute is left */
	    [RFILE_DUE] = "break due",	   [RFILE_PAUSED] = "paused",
	    [RFILE_BREAK] = "on a break",  [RFILE_AWAY] = "away",
	};

	if (f->state == RFILE_WAITING && minutes > 0)
		snprintf(buf, size, "break in %ldm", minutes);
	else
		snprintf(buf, size, "%s", lines[f->state]);
}

static long
streak(time_t now)
{
	char path[4200];
	struct diag d;
	long days = 0;
	bool today;

	if (history_path(path, sizeof path) != 0 ||
	    stats_streak_at(path, now, &days, &today, &d) != 0)
		return 0;
	return days;
}

static void
print_format(const struct remind_file *f, const struct timespec *now)
{
	long minutes = minutes_left(f, now);
	char usual[64], preset[sizeof f->preset * 4];
	const char *p;

	for (p = status_format; *p != '\0'; p++) {
		if (*p != '%') {
			putchar(*p);
			continue;
		}
		switch (*++p) {
		case 'm':
			printf("%ld", minutes);
			break;
		case 'p':
			text_escape(f->preset, preset, sizeof preset);
			fputs(preset, stdout);
			break;
		case 's':
			printf("%ld", streak(now->tv_sec));
			break;
		case 't':
			usual_line(f, minutes, usual, sizeof usual);
			fputs(usual, stdout);
			break;
		case 'S':
			fputs(remind_file_state_name(f->state), stdout);
			break;
		default: /* %% (status_option refused the rest) */
			putchar('%');
		}
	}
	putchar('\n');
}

static int
status_exec(const struct cli *c, char **args, int nargs)
{
	char path[4200], shown[600];
	struct remind_file f;
	long holder;
	int rc;

	(void)c;
	(void)args;
	(void)nargs;
	if (paths_runtime(REMIND_FILE_STATE, path, sizeof path) != 0)
		return 0;
	rc = remind_file_read(path, &f);
	if (rc == 1)
		return 0;
	holder = lock_holder();
	if (rc != 0 && holder != 0) {
		/* a running reminder's file is never half-written */
		text_escape(path, shown, sizeof shown);
		fprintf(stderr, "backease: %s: not a reminder's state file\n",
			shown);
		return EXIT_DATA;
	}
	if (rc == 0 && alive(&f, holder)) {
		struct timespec now;

		clock_gettime(CLOCK_REALTIME, &now);
		print_format(&f, &now);
	}
	return 0;
}

const struct cmd_entry cmd_status_entry = {
    .name = "status",
    .args_min = 0,
    .args_max = 0,
    .options = status_options,
    .option = status_option,
    .exec = status_exec,
};
