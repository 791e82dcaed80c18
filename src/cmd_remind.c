/* cmd_remind: `backease remind`, the break reminder (SPEC section 11).
 * Where the terminal allows it the waiting screen is the curses one
 * (screen_remind.c); with --plain, or on no terminal, it runs in line
 * mode here: it says when the next break is, rings when it is due, and
 * when standard input is a terminal reads keys as lines (Enter starts the
 * offered break, b a break now, s snooze, k skip, p pause or resume, q
 * quit), and the break runs as `run --plain` would.  Both drive the same
 * schedule (remind_schedule) through remind_run, which keeps the lock,
 * the state file, the clocks, the idle sources and the notifications;
 * this file waits in poll() until the schedule's next deadline and prints
 * what its events say. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "duration.h"
#include "remind_run.h"
#include "signals.h"
#include "ui_curses.h"
#include "ui_plain.h"

enum { OPT_EVERY = 1, OPT_PRESET, OPT_IDLE, OPT_SNOOZE };

/* The options; -1 or NULL: the settings' value. */
static long opt_every = -1, opt_idle = -1, opt_snooze = -1;
static const char *opt_preset;

static const struct option remind_options[] = {
    {"every", required_argument, NULL, OPT_EVERY},
    {"preset", required_argument, NULL, OPT_PRESET},
    {"idle", required_argument, NULL, OPT_IDLE},
    {"snooze", required_argument, NULL, OPT_SNOOZE},
    {NULL, 0, NULL, 0},
};

static int
remind_option(int val, const char *arg)
{
	long s;
	bool ok = duration_parse(arg, &s) == 0;

	switch (val) {
	case OPT_EVERY:
		if (!ok || s < 60 || s > 24 * 3600)
			return cmd_usage_error("--every takes a time from 1m "
					       "to 24h (1440m), such as 45m, "
					       "not",
					       arg);
		opt_every = s;
		return 0;
	case OPT_IDLE:
		if (!ok || (s != 0 && s < 60) || s > 4 * 3600)
			return cmd_usage_error("--idle takes 0 (off) or a time "
					       "from 1m to 4h, such as 5m, not",
					       arg);
		opt_idle = s;
		return 0;
	case OPT_SNOOZE:
		if (!ok || s < 60 || s > 4 * 3600)
			return cmd_usage_error("--snooze takes a time from 1m "
					       "to 4h, such as 5m, not",
					       arg);
		opt_snooze = s;
		return 0;
	case OPT_PRESET:
		opt_preset = arg;
		return 0;
	}
	return EXIT_USAGE;
}

/* The plain front end's own state: the keys, read as lines. */
struct plain {
	struct remind_run *m;
	const struct cli *c;
	const struct preset *p;
	bool input_open;
	char line[128];
	size_t line_len;
};

static void
put_bytes(const char *buf, size_t n)
{
	fwrite(buf, 1, n, stdout);
}

static void
print_next(const struct plain *pl, const char *what)
{
	struct remind_view v;
	char hm[16];

	remind_view(pl->m->r, run_clock_now(&pl->m->clock), &v);
	if (v.state == REMIND_PAUSED) {
		printf("%spaused, %u min left (p and Enter resume)\n", what,
		       v.minutes);
		return;
	}
	remind_run_clock_text(pl->m, v.due_ms, hm, sizeof hm);
	printf("%snext break at %s\n", what, hm);
}

static void
save_state(struct remind_run *m)
{
	struct diag d;
	char msg[1200];

	if (remind_run_save(m, &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "backease: status will not know: %s\n", msg);
	}
}

static void
retitle(struct remind_run *m, const char *during_break)
{
	char buf[256];

	put_bytes(buf, remind_run_title_bytes(m, during_break, buf, sizeof buf));
}

static void
announce_due(struct plain *pl)
{
	char buf[2048];

	/* the bell ends the line, so that the lines stay whole in a log */
	printf("break due: %s (%s)%s", pl->p->name, pl->m->cfg.length,
	       pl->input_open ? "; Enter starts it, s snoozes, k skips" : "");
	put_bytes(buf, remind_run_due_bytes(pl->m, true, buf, sizeof buf));
	putchar('\n');
}

static void
on_events(struct plain *pl, unsigned ev)
{
	char msg[80];

	if ((ev & REMIND_EV_NO_IDLE) && pl->m->idle_why != NULL)
		printf("idle time is not counted: %s\n", pl->m->idle_why);
	if (ev & REMIND_EV_WELCOME) {
		remind_run_welcome_text(pl->m, msg, sizeof msg);
		printf("%s\n", msg);
		retitle(pl->m, NULL);
		print_next(pl, "");
	}
	if (ev & REMIND_EV_DUE)
		announce_due(pl);
	else if (ev & REMIND_EV_RING) {
		printf("break still due: %s%s%s\n", pl->p->name,
		       pl->input_open ? " (Enter starts it)" : "",
		       remind_run_rings(pl->m) ? "\a" : "");
	}
	if (ev & REMIND_EV_CHANGED)
		save_state(pl->m);
	fflush(stdout);
}

/* Runs the break as `run --plain`; returns its exit status. */
static int
take_break(struct plain *pl)
{
	struct remind_clock now = remind_run_now(pl->m);
	int rc;

	on_events(pl, remind_break_start(pl->m->r, &now));
	retitle(pl->m, pl->p->name);
	fflush(stdout);
	rc = ui_plain_run(pl->p, &pl->c->run);
	now = remind_run_now(pl->m);
	on_events(pl, remind_break_end(pl->m->r, &now, rc == 0));
	retitle(pl->m, NULL);
	if (rc == 0)
		print_next(pl, "");
	fflush(stdout);
	return rc;
}

/* One typed line.  Returns -1 to go on, or an exit status. */
static int
handle_line(struct plain *pl, const char *cmd)
{
	struct remind_run *m = pl->m;
	struct remind_clock now = remind_run_now(m);
	enum remind_state st = remind_state(m->r);
	unsigned ev = 0;

	if (strcmp(cmd, "q") == 0)
		return 0;
	if ((cmd[0] == '\0' && st == REMIND_DUE) || strcmp(cmd, "b") == 0) {
		int rc = take_break(pl);

		return rc == 0 ? -1 : rc;
	}
	if (cmd[0] == '\0') {
		print_next(pl, "");
	} else if (strcmp(cmd, "s") == 0 || strcmp(cmd, "k") == 0) {
		bool snooze = cmd[0] == 's';

		ev = snooze ? remind_snooze(m->r, &now)
			    : remind_skip(m->r, &now);
		if (ev & REMIND_EV_CHANGED) {
			retitle(m, NULL);
			print_next(pl, snooze ? "snoozed: " : "skipped: ");
		}
	} else if (strcmp(cmd, "p") == 0) {
		ev = remind_toggle_pause(m->r, &now);
		retitle(m, NULL);
		print_next(pl, remind_state(m->r) == REMIND_PAUSED
				   ? ""
				   : "resumed: ");
	} else {
		printf("keys (then Enter): Enter starts a due break, b break "
		       "now, s snooze, k skip, p pause or resume, q quit\n");
	}
	on_events(pl, ev);
	return -1;
}

/* Reads what was typed; returns -1 to go on, or an exit status. */
static int
read_keys(struct plain *pl)
{
	char buf[256];
	ssize_t n, i;
	int rc;

	n = read(STDIN_FILENO, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return -1;
	if (n <= 0) /* Ctrl-D: the end of input ends the reminder */
		return 0;
	on_events(pl, remind_run_back(pl->m));
	for (i = 0; i < n; i++) {
		if (buf[i] != '\n') {
			if (pl->line_len + 1 < sizeof pl->line)
				pl->line[pl->line_len++] = buf[i];
			continue;
		}
		pl->line[pl->line_len] = '\0';
		pl->line_len = 0;
		rc = handle_line(pl, pl->line);
		if (rc >= 0)
			return rc;
	}
	return -1;
}

/* The line-mode wait: poll() on the signal pipe and the terminal until the
 * schedule's next deadline (granularity 0: nothing is shown between the
 * events, so more than a minute before a break it wakes once a minute to
 * sample idle, or only at the due time with --idle 0).  Returns the exit
 * status. */
static int
wait_loop(struct plain *pl, int sig_fd)
{
	struct pollfd fds[2];
	struct remind_clock now;
	int quit, resized, suspend, cont, timeout, rc;
	nfds_t nfds;

	for (;;) {
		on_events(pl, remind_run_tick(pl->m, &now));
		timeout = remind_run_timeout(pl->m, 0);
		fds[0] = (struct pollfd){.fd = sig_fd, .events = POLLIN};
		fds[1] = (struct pollfd){.fd = STDIN_FILENO, .events = POLLIN};
		nfds = pl->input_open ? 2 : 1;
		if (poll(fds, nfds, timeout) < 0 && errno != EINTR)
			return 1;
		signals_take(&quit, &resized, &suspend, &cont);
		if (quit)
			return 128 + quit;
		if (suspend)
			signals_suspend_self();
		if (nfds == 2 &&
		    (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
			rc = read_keys(pl);
			if (rc >= 0)
				return rc;
		}
		if (ferror(stdout))
			return 1;
	}
}

/* The reminder in line mode; the exit status. */
static int
plain_main(const struct cli *c, const struct preset *p, struct remind_run *m,
	   int sig_fd)
{
	struct plain pl = {.m = m, .c = c, .p = p};

	pl.input_open = isatty(STDIN_FILENO);
	printf("backease remind: %s (%s) every %u min%s\n", p->name,
	       m->cfg.length, c->settings.remind.every_s / 60,
	       pl.input_open ? "; keys: Enter, b, s, k, p, q (? for help)"
			     : "");
	print_next(&pl, "");
	save_state(m);
	fflush(stdout);
	return wait_loop(&pl, sig_fd);
}

/* The lock, or a message naming the reminder that has it. */
static int
take_lock(struct remind_run *m)
{
	char msg[1200];
	struct diag d;
	long holder;

	if (remind_run_lock(m, &holder, &d) == 0)
		return 0;
	if (holder != 0) {
		fprintf(stderr, "backease: a reminder already runs (pid %ld)\n",
			holder);
		return -1;
	}
	diag_format(&d, msg, sizeof msg);
	fprintf(stderr, "backease: cannot take the reminder's lock: %s\n", msg);
	return -1;
}

/* Picks the front end as `run` does: curses when the terminal allows it
 * (--plain forces line mode), else line mode with a word why. */
static int
remind_main(const struct cli *c, const struct catalog *cat,
	    const struct preset *p, struct remind_run *m, int sig_fd)
{
	const char *why = NULL;
	bool curses;
	char buf[64];
	int rc = -1;

	if (!c->plain && !cmd_curses_usable(&why) &&
	    !signals_tty_refuses_output(STDERR_FILENO))
		fprintf(stderr, "backease: %s; using plain mode\n", why);
	curses = !c->plain && why == NULL;
	put_bytes(buf, remind_run_title_save_bytes(m, true, buf, sizeof buf));
	fflush(stdout);
	if (curses)
		rc = ui_curses_remind(cat, p, &c->run, m);
	if (rc < 0) /* no curses, or it could not start */
		rc = plain_main(c, p, m, sig_fd);
	put_bytes(buf, remind_run_title_save_bytes(m, false, buf, sizeof buf));
	if (!signals_tty_refuses_output(STDOUT_FILENO))
		printf("reminders stopped\n");
	fflush(stdout);
	return rc;
}

static int
remind_exec(const struct cli *cli, char **args, int nargs)
{
	struct remind_run_config cfg;
	struct cli c = *cli;
	struct catalog cat;
	struct remind_run m;
	const struct preset *p;
	const char *name;
	char length[16];
	int sig_fd, rc;

	(void)args;
	(void)nargs;
	if (opt_every >= 0)
		c.settings.remind.every_s = (unsigned)opt_every;
	if (opt_idle >= 0)
		c.settings.remind.idle_s = (unsigned)opt_idle;
	if (opt_snooze >= 0)
		c.settings.remind.snooze_s = (unsigned)opt_snooze;
	name = opt_preset != NULL ? opt_preset : c.settings.remind.preset;
	if (cmd_load_catalog(&c, &cat) != 0)
		return EXIT_DATA;
	p = cmd_find_preset(&cat, name);
	if (p == NULL) {
		catalog_free(&cat);
		return EXIT_USAGE;
	}
	duration_format((long)(timeline_preset_ms(p, &c.run.timeline) / 1000),
			length, sizeof length);
	if (take_lock(&m) != 0) {
		catalog_free(&cat);
		return EXIT_DATA;
	}
	cfg = (struct remind_run_config){.s = c.settings.remind,
					 .speed = c.run.speed,
					 .bell = c.run.bell,
					 .name = p->name,
					 .length = length};
	sig_fd = signals_install(1);
	signal(SIGPIPE, SIG_IGN);
	if (sig_fd < 0 ||
	    remind_run_start(&m, &cfg, isatty(STDOUT_FILENO)) != 0) {
		fprintf(stderr, "backease: cannot start the reminder\n");
		remind_run_end(&m);
		catalog_free(&cat);
		return EXIT_DATA;
	}
	rc = remind_main(&c, &cat, p, &m, sig_fd);
	remind_run_end(&m);
	catalog_free(&cat);
	return rc;
}

const struct cmd_entry cmd_remind_entry = {
    .name = "remind",
    .args_min = 0,
    .args_max = 0,
    .options = remind_options,
    .option = remind_option,
    .exec = remind_exec,
};
