/* remind_run: the reminder's lock, state file, clocks, idle sources and
 * notifications, shared by its plain and curses front ends. */
#include "remind_run.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "history.h"
#include "paths.h"
#include "remind_file.h"
#include "runcmd.h"
#include "stats.h"
#include "stats_io.h"
#include "text.h"

int
remind_run_lock(struct remind_run *m, long *holder, struct diag *d)
{
	char path[4200];

	memset(m, 0, sizeof *m);
	m->lock_fd = -1;
	*holder = 0;
	if (paths_runtime(REMIND_FILE_LOCK, path, sizeof path) != 0 ||
	    paths_runtime(REMIND_FILE_STATE, m->state_path,
			  sizeof m->state_path) != 0) {
		diag_set(d, NULL, 0, 0,
			 "no home or runtime directory for the reminder's "
			 "lock");
		return -1;
	}
	m->lock_fd = remind_lock_take(path, holder, d);
	return m->lock_fd >= 0 ? 0 : -1;
}

static void
setup_idle(struct remind_run *m)
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
setup_notify(struct remind_run *m, bool tty)
{
	const char *argv[] = {"tmux", "display-message", "-p",
			      "#{client_termname} #{client_termtype}", NULL};

	memset(&m->env, 0, sizeof m->env);
	m->env.term = getenv("TERM");
	m->env.term_program = getenv("TERM_PROGRAM");
	m->env.vte_version = getenv("VTE_VERSION");
	m->env.tmux = getenv("TMUX") != NULL;
	m->env.graphical = m->graphical;
	m->env.tty = tty;
	/* inside tmux, only tmux knows which terminal shows the pane */
	if (m->env.tmux && tty && m->cfg.s.notify == NOTIFY_AUTO &&
	    runcmd_capture(argv, m->outer, sizeof m->outer, 1000) == 0)
		m->env.outer = m->outer;
}

static void
schedule_config(const struct remind_settings *s, struct remind_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->every_ms = (uint64_t)s->every_s * 1000;
	cfg->snooze_ms = (uint64_t)s->snooze_s * 1000;
	cfg->count_idle = s->idle_s > 0;
	cfg->break_min_ms =
	    (uint64_t)(s->idle_s > 0 ? s->idle_s : REMIND_SUSPEND_BREAK_S) *
	    1000;
	cfg->ring_every_ms = REMIND_RING_EVERY_MS;
	cfg->rings_again_max = REMIND_RINGS_AGAIN;
}

int
remind_run_start(struct remind_run *m, const struct remind_run_config *cfg,
		 bool tty)
{
	struct remind_config rc;
	struct remind_clock now;

	m->cfg = *cfg;
	schedule_config(&cfg->s, &rc);
	setup_idle(m);
	setup_notify(m, tty);
	run_clock_init(&m->clock, cfg->speed);
	now = remind_run_now(m);
	m->r = remind_new(&rc, &now);
	return m->r != NULL ? 0 : -1;
}

void
remind_run_end(struct remind_run *m)
{
	if (m->r != NULL)
		unlink(m->state_path);
	remind_free(m->r);
	m->r = NULL;
	if (m->lock_fd >= 0)
		close(m->lock_fd);
	m->lock_fd = -1;
}

struct remind_clock
remind_run_now(const struct remind_run *m)
{
	struct remind_clock c;

	c.mono_ms = run_clock_now(&m->clock);
	c.boot_ms = run_clock_boot(&m->clock);
	return c;
}

static unsigned
sample_idle(struct remind_run *m, const struct remind_clock *now)
{
	struct remind_idle idle;
	struct idle_result res;
	double speed = m->clock.speed;
	long threshold = (long)((double)m->cfg.s.idle_s / speed + 0.5);

	idle_sample(m->src, 3, m->graphical, time(NULL),
		    threshold > 0 ? threshold : 1, &res);
	idle.known = res.known;
	m->idle_why = res.why;
	/* the sources count real seconds; the schedule run time */
	idle.idle_ms = (uint64_t)((double)res.secs * 1000.0 * speed);
	return remind_idle(m->r, now, &idle);
}

unsigned
remind_run_tick(struct remind_run *m, struct remind_clock *now)
{
	unsigned ev;

	*now = remind_run_now(m);
	ev = remind_update(m->r, now);
	if (remind_idle_wanted(m->r, now->mono_ms))
		ev |= sample_idle(m, now);
	runcmd_reap();
	return ev;
}

int
remind_run_timeout(const struct remind_run *m, uint32_t granularity_ms)
{
	uint64_t now = run_clock_now(&m->clock);

	return run_clock_timeout_max(
	    &m->clock, remind_next_deadline(m->r, now, granularity_ms),
	    INT_MAX);
}

unsigned
remind_run_back(struct remind_run *m)
{
	struct remind_idle here = {.known = true, .idle_ms = 0};
	struct remind_clock now = remind_run_now(m);
	struct remind_view v;

	remind_view(m->r, now.mono_ms, &v);
	return v.away ? remind_idle(m->r, &now, &here) : 0;
}

/* The wall-clock time of run time t, in epoch milliseconds. */
static long long
wall_ms_of(const struct remind_run *m, uint64_t t)
{
	uint64_t now = run_clock_now(&m->clock);
	double real_ms = ((double)t - (double)now) / m->clock.speed;
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 +
	       (long long)real_ms;
}

void
remind_run_clock_text(const struct remind_run *m, uint64_t t, char *buf,
		      size_t size)
{
	time_t when = (time_t)(wall_ms_of(m, t) / 1000);
	struct tm tm;

	if (localtime_r(&when, &tm) == NULL ||
	    strftime(buf, size, "%H:%M", &tm) == 0)
		snprintf(buf, size, "?");
}

int
remind_run_save(struct remind_run *m, struct diag *d)
{
	struct remind_file f;
	struct remind_view v;
	size_t n = text_prefix_bytes(m->cfg.name, 30);

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
	memcpy(f.preset, m->cfg.name, n); /* 30 columns fit */
	if (remind_file_write(m->state_path, &f, d) == 0 || m->state_warned)
		return 0;
	m->state_warned = true;
	return -1;
}

bool
remind_run_rings(const struct remind_run *m)
{
	return m->cfg.s.notify != NOTIFY_NONE && m->cfg.bell;
}

size_t
remind_run_due_bytes(struct remind_run *m, bool bell, char *buf, size_t size)
{
	char title[200], body[200];
	size_t n;

	snprintf(title, sizeof title, "break due: %s", m->cfg.name);
	snprintf(body, sizeof body, "%s (%s)", m->cfg.name, m->cfg.length);
	n = notify_due_bytes(&m->env, m->cfg.s.notify, bell && m->cfg.bell,
			     title, body, buf, size);
	m->title_set = m->title_set || notify_escapes_ok(&m->env);
	notify_desktop(&m->env, m->cfg.s.notify, "backease: break due", body);
	return n;
}

size_t
remind_run_title_bytes(const struct remind_run *m, const char *during_break,
		       char *buf, size_t size)
{
	char title[160], hm[16];
	struct remind_view v;

	if (size > 0)
		buf[0] = '\0';
	if (!m->title_set)
		return 0;
	remind_view(m->r, run_clock_now(&m->clock), &v);
	remind_run_clock_text(m, v.due_ms, hm, sizeof hm);
	if (during_break != NULL)
		snprintf(title, sizeof title, "backease: %s", during_break);
	else if (v.state == REMIND_PAUSED)
		snprintf(title, sizeof title, "backease: reminders paused");
	else
		snprintf(title, sizeof title, "backease: next break at %s", hm);
	return notify_title_bytes(&m->env, title, buf, size);
}

size_t
remind_run_title_save_bytes(const struct remind_run *m, bool push, char *buf,
			    size_t size)
{
	if (!push && !m->title_set) {
		if (size > 0)
			buf[0] = '\0';
		return 0;
	}
	return notify_title_save_bytes(&m->env, push, buf, size);
}

void
remind_run_welcome_text(const struct remind_run *m, char *buf, size_t size)
{
	struct remind_view v;
	char words[48];

	remind_view(m->r, run_clock_now(&m->clock), &v);
	remind_break_words(v.welcome_ms, words, sizeof words);
	snprintf(buf, size, "welcome back: a %s break", words);
}

long long
remind_run_active_today(time_t now)
{
	struct stats_options opt = {.today = stats_today(now),
				    .days = STATS_DAYS_MIN};
	struct history_skips skips;
	struct stats s;
	struct diag d;
	char path[4200];
	long long active = 0;

	if (history_path(path, sizeof path) != 0 || stats_init(&s, &opt) != 0)
		return 0;
	if (stats_load(path, &s, &skips, &d) == 0)
		active = s.day[opt.days - 1].t.active_s;
	stats_free(&s);
	return active;
}
