/* cmd_remind: `backease remind`, the break reminder (SPEC section 11), in
 * line mode: it says when the next break is, rings when it is due, and
 * when standard input is a terminal reads keys as lines (Enter starts the
 * offered break, b a break now, s snooze, k skip, p pause or resume, q
 * quit).  The break runs as `run --plain` would.  The state machine is
 * remind_schedule; this file reads the clocks and the idle sources, waits
 * in poll() until the schedule's next deadline, and acts on its events.
 * The curses screen will drive the same schedule. */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "cmd.h"
#include "duration.h"
#include "idle.h"
#include "idle_logind.h"
#include "idle_tmux.h"
#include "idle_tty.h"
#include "notify.h"
#include "paths.h"
#include "remind_file.h"
#include "remind_schedule.h"
#include "runcmd.h"
#include "signals.h"
#include "text.h"
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

/* A suspend this long counts as a break even with --idle 0. */
#define SUSPEND_BREAK_S (5 * 60)

struct reminder {
	const struct cli *c;
	const struct preset *p;
	char length[16]; /* the preset's, M:SS */
	struct remind *r;
	struct run_clock clock;
	/* idle sources, cheapest first */
	struct idle_tty tty;
	struct idle_tmux tmux;
	struct idle_logind logind;
	struct idle_source src[3];
	bool graphical;
	/* notifications */
	struct notify_env env;
	char outer[160];
	enum notify_mode mode;
	bool bell;
	bool title_set; /* we changed the terminal's title */
	/* state */
	char state_path[4200];
	int lock_fd;
	bool state_warned;
	/* keys */
	bool input_open;
	char line[128];
	size_t line_len;
	const char *idle_why; /* why the last sample could not tell */
};

static struct remind_clock
now_of(const struct reminder *m)
{
	struct remind_clock c;

	c.mono_ms = run_clock_now(&m->clock);
	c.boot_ms = run_clock_boot(&m->clock);
	return c;
}

/* The wall-clock time of run time t, in epoch milliseconds. */
static long long
wall_ms_of(const struct reminder *m, uint64_t t)
{
	uint64_t now = run_clock_now(&m->clock);
	double real_ms = ((double)t - (double)now) / m->clock.speed;
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 +
	       (long long)real_ms;
}

/* "14:45": the local time of run time t. */
static void
clock_of(const struct reminder *m, uint64_t t, char *buf, size_t size)
{
	time_t when = (time_t)(wall_ms_of(m, t) / 1000);
	struct tm tm;

	if (localtime_r(&when, &tm) == NULL ||
	    strftime(buf, size, "%H:%M", &tm) == 0)
		snprintf(buf, size, "?");
}

static void
print_next(const struct reminder *m, const char *what)
{
	struct remind_view v;
	char hm[16];

	remind_view(m->r, run_clock_now(&m->clock), &v);
	if (v.state == REMIND_PAUSED) {
		printf("%spaused, %u min left (p and Enter resume)\n", what,
		       v.minutes);
		return;
	}
	clock_of(m, v.due_ms, hm, sizeof hm);
	printf("%snext break at %s\n", what, hm);
}

static void
save_state(struct reminder *m)
{
	struct remind_file f;
	struct remind_view v;
	struct diag d;
	char msg[1200];
	size_t n = text_prefix_bytes(m->p->name, 30);

	remind_view(m->r, run_clock_now(&m->clock), &v);
	memset(&f, 0, sizeof f);
	f.pid = (long)getpid();
	f.state = v.state == REMIND_DUE	     ? RFILE_DUE
		  : v.state == REMIND_PAUSED ? RFILE_PAUSED
		  : v.state == REMIND_BREAK  ? RFILE_BREAK
		  : v.away		     ? RFILE_AWAY
					     : RFILE_WAITING;
	f.due_ms = v.state == REMIND_WAITING ? wall_ms_of(m, v.due_ms) : 0;
	f.left_s = (long)(v.left_ms / 1000);
	f.speed_milli = (long)(m->clock.speed * 1000 + 0.5);
	memcpy(f.preset, m->p->name, n); /* 30 columns fit */
	if (remind_file_write(m->state_path, &f, &d) != 0 && !m->state_warned) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "backease: status will not know: %s\n", msg);
		m->state_warned = true;
	}
}

static void
put_bytes(const char *buf, size_t n)
{
	fwrite(buf, 1, n, stdout);
}

/* Once a due break has changed the terminal's title, it keeps saying
 * what is going on (the terminal's own comes back on exit, where it keeps
 * a saved one). */
static void
retitle(struct reminder *m, const char *during_break)
{
	char buf[256], title[160], hm[16];
	struct remind_view v;

	if (!m->title_set)
		return;
	remind_view(m->r, run_clock_now(&m->clock), &v);
	clock_of(m, v.due_ms, hm, sizeof hm);
	if (during_break != NULL)
		snprintf(title, sizeof title, "backease: %s", during_break);
	else if (v.state == REMIND_PAUSED)
		snprintf(title, sizeof title, "backease: reminders paused");
	else
		snprintf(title, sizeof title, "backease: next break at %s", hm);
	put_bytes(buf, notify_title_bytes(&m->env, title, buf, sizeof buf));
}

static void
announce_due(struct reminder *m)
{
	char buf[2048], title[200], body[200];

	snprintf(title, sizeof title, "break due: %s", m->p->name);
	snprintf(body, sizeof body, "%s (%s)", m->p->name, m->length);
	/* the bell ends the line, so that the lines stay whole in a log */
	printf("break due: %s (%s)%s", m->p->name, m->length,
	       m->input_open ? "; Enter starts it, s snoozes, k skips" : "");
	put_bytes(buf, notify_due_bytes(&m->env, m->mode, m->bell, title, body,
					buf, sizeof buf));
	putchar('\n');
	m->title_set = m->title_set || notify_escapes_ok(&m->env);
	notify_desktop(&m->env, m->mode, "backease: break due", body);
}

static void
on_events(struct reminder *m, unsigned ev)
{
	struct remind_view v;
	char words[48];

	if ((ev & REMIND_EV_NO_IDLE) && m->idle_why != NULL)
		printf("idle time is not counted: %s\n", m->idle_why);
	if (ev & REMIND_EV_WELCOME) {
		remind_view(m->r, run_clock_now(&m->clock), &v);
		remind_break_words(v.welcome_ms, words, sizeof words);
		printf("welcome back: a %s break\n", words);
		retitle(m, NULL);
		print_next(m, "");
	}
	if (ev & REMIND_EV_DUE)
		announce_due(m);
	else if (ev & REMIND_EV_RING) {
		printf("break still due: %s%s%s\n", m->p->name,
		       m->input_open ? " (Enter starts it)" : "",
		       m->mode != NOTIFY_NONE && m->bell ? "\a" : "");
	}
	if (ev & REMIND_EV_CHANGED)
		save_state(m);
	fflush(stdout);
}

static unsigned
sample_idle(struct reminder *m, const struct remind_clock *now)
{
	struct remind_idle idle;
	struct idle_result res;
	double speed = m->clock.speed;
	long threshold =
	    (long)((double)m->c->settings.remind.idle_s / speed + 0.5);

	idle_sample(m->src, 3, m->graphical, time(NULL),
		    threshold > 0 ? threshold : 1, &res);
	idle.known = res.known;
	m->idle_why = res.why;
	/* the sources count real seconds; the schedule run time */
	idle.idle_ms = (uint64_t)((double)res.secs * 1000.0 * speed);
	return remind_idle(m->r, now, &idle);
}

/* Runs the break as `run --plain`; returns its exit status. */
static int
take_break(struct reminder *m)
{
	struct remind_clock now = now_of(m);
	int rc;

	on_events(m, remind_break_start(m->r, &now));
	retitle(m, m->p->name);
	fflush(stdout);
	rc = ui_plain_run(m->p, &m->c->run);
	now = now_of(m);
	on_events(m, remind_break_end(m->r, &now, rc == 0));
	retitle(m, NULL);
	if (rc == 0)
		print_next(m, "");
	fflush(stdout);
	return rc;
}

/* One typed line.  Returns -1 to go on, or an exit status. */
static int
handle_line(struct reminder *m, const char *cmd)
{
	struct remind_clock now = now_of(m);
	enum remind_state st = remind_state(m->r);
	unsigned ev = 0;

	if (strcmp(cmd, "q") == 0)
		return 0;
	if ((cmd[0] == '\0' && st == REMIND_DUE) || strcmp(cmd, "b") == 0) {
		int rc = take_break(m);

		return rc == 0 ? -1 : rc;
	}
	if (cmd[0] == '\0') {
		print_next(m, "");
	} else if (strcmp(cmd, "s") == 0 || strcmp(cmd, "k") == 0) {
		bool snooze = cmd[0] == 's';

		ev = snooze ? remind_snooze(m->r, &now)
			    : remind_skip(m->r, &now);
		if (ev & REMIND_EV_CHANGED) {
			retitle(m, NULL);
			print_next(m, snooze ? "snoozed: " : "skipped: ");
		}
	} else if (strcmp(cmd, "p") == 0) {
		ev = remind_toggle_pause(m->r, &now);
		retitle(m, NULL);
		print_next(
		    m, remind_state(m->r) == REMIND_PAUSED ? "" : "resumed: ");
	} else {
		printf("keys (then Enter): Enter starts a due break, b break "
		       "now, s snooze, k skip, p pause or resume, q quit\n");
	}
	on_events(m, ev);
	return -1;
}

/* A key typed here while the sources said away: the user is back now,
 * not at the next sample a minute later. */
static void
back_now(struct reminder *m)
{
	struct remind_idle here = {.known = true, .idle_ms = 0};
	struct remind_clock now = now_of(m);
	struct remind_view v;

	remind_view(m->r, now.mono_ms, &v);
	if (v.away)
		on_events(m, remind_idle(m->r, &now, &here));
}

/* Reads what was typed; returns -1 to go on, or an exit status. */
static int
read_keys(struct reminder *m)
{
	char buf[256];
	ssize_t n, i;
	int rc;

	n = read(STDIN_FILENO, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return -1;
	if (n <= 0) /* Ctrl-D: the end of input ends the reminder */
		return 0;
	back_now(m);
	for (i = 0; i < n; i++) {
		if (buf[i] != '\n') {
			if (m->line_len + 1 < sizeof m->line)
				m->line[m->line_len++] = buf[i];
			continue;
		}
		m->line[m->line_len] = '\0';
		m->line_len = 0;
		rc = handle_line(m, m->line);
		if (rc >= 0)
			return rc;
	}
	return -1;
}

static void
setup_idle(struct reminder *m)
{
	const char *display = getenv("DISPLAY"),
		   *wayland = getenv("WAYLAND_DISPLAY");

	m->graphical = (display != NULL && display[0] != '\0') ||
		       (wayland != NULL && wayland[0] != '\0');
	m->tty.uid = getuid();
	m->tty.dev_dir = "/dev/pts";
	m->tty.utmp_path = "/var/run/utmp";
	m->tmux.inside = getenv("TMUX") != NULL;
	idle_logind_init(&m->logind, getenv("XDG_SESSION_ID"));
	m->src[0] = (struct idle_source){"tty", IDLE_TERMINAL, idle_tty_seconds,
					 &m->tty, false};
	m->src[1] = (struct idle_source){"tmux", IDLE_TERMINAL,
					 idle_tmux_seconds, &m->tmux, false};
	m->src[2] = (struct idle_source){
	    "logind", IDLE_SESSION, idle_logind_seconds, &m->logind, false};
}

static void
setup_notify(struct reminder *m)
{
	const char *argv[] = {"tmux", "display-message", "-p",
			      "#{client_termname} #{client_termtype}", NULL};

	memset(&m->env, 0, sizeof m->env);
	m->env.term = getenv("TERM");
	m->env.term_program = getenv("TERM_PROGRAM");
	m->env.vte_version = getenv("VTE_VERSION");
	m->env.tmux = getenv("TMUX") != NULL;
	m->env.graphical = m->graphical;
	m->env.tty = isatty(STDOUT_FILENO);
	m->mode = m->c->settings.remind.notify;
	m->bell = m->c->run.bell;
	/* inside tmux, only tmux knows which terminal shows the pane */
	if (m->env.tmux && m->env.tty && m->mode == NOTIFY_AUTO &&
	    runcmd_capture(argv, m->outer, sizeof m->outer, 1000) == 0)
		m->env.outer = m->outer;
}

/* The lock, or a message naming the reminder that has it. */
static int
take_lock(struct reminder *m)
{
	char path[4200], msg[1200];
	struct diag d;
	long holder;

	if (paths_runtime(REMIND_FILE_LOCK, path, sizeof path) != 0 ||
	    paths_runtime(REMIND_FILE_STATE, m->state_path,
			  sizeof m->state_path) != 0) {
		fprintf(stderr, "backease: no home or runtime directory for "
				"the reminder's lock\n");
		return -1;
	}
	m->lock_fd = remind_lock_take(path, &holder, &d);
	if (m->lock_fd >= 0)
		return 0;
	if (holder != 0)
		fprintf(stderr, "backease: a reminder already runs (pid %ld)\n",
			holder);
	else {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr,
			"backease: cannot take the reminder's lock: %s\n", msg);
	}
	return -1;
}

/* The line-mode wait: poll() on the signal pipe and the terminal until the
 * schedule's next deadline (granularity 0: nothing is shown between the
 * events, so more than a minute before a break it wakes once a minute to
 * sample idle, or only at the due time with --idle 0).  The curses waiting
 * screen takes this loop's place with granularity 1000, drawing from
 * remind_view() after each wake.  Returns the exit status. */
static int
wait_loop(struct reminder *m, int sig_fd)
{
	struct pollfd fds[2];
	struct remind_clock now;
	int quit, resized, suspend, cont, timeout, rc;
	nfds_t nfds;

	for (;;) {
		now = now_of(m);
		on_events(m, remind_update(m->r, &now));
		if (remind_idle_wanted(m->r, now.mono_ms))
			on_events(m, sample_idle(m, &now));
		runcmd_reap();
		timeout = run_clock_timeout_max(
		    &m->clock, remind_next_deadline(m->r, now.mono_ms, 0),
		    INT_MAX);
		fds[0] = (struct pollfd){.fd = sig_fd, .events = POLLIN};
		fds[1] = (struct pollfd){.fd = STDIN_FILENO, .events = POLLIN};
		nfds = m->input_open ? 2 : 1;
		if (poll(fds, nfds, timeout) < 0 && errno != EINTR)
			return 1;
		signals_take(&quit, &resized, &suspend, &cont);
		if (quit)
			return 128 + quit;
		if (suspend)
			signals_suspend_self();
		if (nfds == 2 &&
		    (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
			rc = read_keys(m);
			if (rc >= 0)
				return rc;
		}
		if (ferror(stdout))
			return 1;
	}
}

static void
config_of(const struct cli *c, struct remind_config *cfg)
{
	const struct remind_settings *s = &c->settings.remind;

	memset(cfg, 0, sizeof *cfg);
	cfg->every_ms = (uint64_t)s->every_s * 1000;
	cfg->snooze_ms = (uint64_t)s->snooze_s * 1000;
	cfg->count_idle = s->idle_s > 0;
	cfg->break_min_ms =
	    (uint64_t)(s->idle_s > 0 ? s->idle_s : SUSPEND_BREAK_S) * 1000;
	cfg->ring_every_ms = REMIND_RING_EVERY_MS;
	cfg->rings_again_max = REMIND_RINGS_AGAIN;
}

static int
remind_run(struct reminder *m)
{
	struct remind_config cfg;
	struct remind_clock now;
	char buf[64];
	int sig_fd, rc;

	config_of(m->c, &cfg);
	setup_idle(m);
	setup_notify(m);
	sig_fd = signals_install(1);
	signal(SIGPIPE, SIG_IGN);
	run_clock_init(&m->clock, m->c->run.speed);
	now = now_of(m);
	m->r = remind_new(&cfg, &now);
	if (sig_fd < 0 || m->r == NULL) {
		fprintf(stderr, "backease: cannot start the reminder\n");
		remind_free(m->r);
		return 1;
	}
	m->input_open = isatty(STDIN_FILENO);
	put_bytes(buf, notify_title_save_bytes(&m->env, true, buf, sizeof buf));
	printf("backease remind: %s (%s) every %u min%s\n", m->p->name,
	       m->length, m->c->settings.remind.every_s / 60,
	       m->input_open ? "; keys: Enter, b, s, k, p, q (? for help)"
			     : "");
	print_next(m, "");
	save_state(m);
	fflush(stdout);
	rc = wait_loop(m, sig_fd);
	unlink(m->state_path);
	if (m->title_set)
		put_bytes(buf, notify_title_save_bytes(&m->env, false, buf,
						       sizeof buf));
	printf("reminders stopped\n");
	fflush(stdout);
	remind_free(m->r);
	return rc;
}

static int
remind_exec(const struct cli *cli, char **args, int nargs)
{
	struct cli c = *cli;
	struct catalog cat;
	struct reminder m;
	const char *name;
	int rc;

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
	memset(&m, 0, sizeof m);
	m.c = &c;
	m.lock_fd = -1;
	m.p = cmd_find_preset(&cat, name);
	if (m.p == NULL) {
		catalog_free(&cat);
		return EXIT_USAGE;
	}
	duration_format((long)(timeline_preset_ms(m.p, &c.run.timeline) / 1000),
			m.length, sizeof m.length);
	if (take_lock(&m) != 0) {
		catalog_free(&cat);
		return EXIT_DATA;
	}
	rc = remind_run(&m);
	close(m.lock_fd);
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
