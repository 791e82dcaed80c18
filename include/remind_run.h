/* remind_run: what every front end of `backease remind` shares around the
 * pure schedule (remind_schedule.h): the lock and the state file that
 * `backease status` reads (remind_file.h), the run clock that --speed
 * scales, the idle sources (idle.h) and the notifications (notify.h).
 * The plain loop (cmd_remind.c) and the curses screen (screen_remind.c)
 * each print or draw; what they print and draw comes from here.
 *
 * Use: remind_run_lock, remind_run_start, remind_run_save; then in a loop
 * remind_run_tick and remind_run_timeout around poll(), acting on the
 * events (remind_run_save on REMIND_EV_CHANGED, remind_run_due_bytes on
 * REMIND_EV_DUE); remind_run_end last. */
#ifndef BACKEASE_REMIND_RUN_H
#define BACKEASE_REMIND_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "clock.h"
#include "diag.h"
#include "idle.h"
#include "idle_logind.h"
#include "idle_tmux.h"
#include "idle_tty.h"
#include "notify.h"
#include "remind_schedule.h"
#include "settings.h"

/* A suspend this long counts as a break even with --idle 0. */
#define REMIND_SUSPEND_BREAK_S (5 * 60)

struct remind_run_config {
	struct remind_settings s; /* every, idle, snooze, notify */
	double speed;		  /* --speed */
	bool bell;		  /* false: --no-bell */
	const char *name;	  /* the preset offered */
	const char *length;	  /* its length, M:SS */
};

struct remind_run {
	struct remind *r; /* the schedule */
	struct run_clock clock;
	struct remind_run_config cfg;
	/* idle sources, cheapest first */
	struct idle_tty tty;
	struct idle_tmux tmux;
	struct idle_logind logind;
	struct idle_source src[3];
	bool graphical;
	const char *idle_why; /* why the last sample could not tell */
	/* notifications */
	struct notify_env env;
	char outer[160];
	bool title_set; /* a due break has changed the terminal's title */
	/* the lock and the state file */
	char state_path[4200];
	int lock_fd;
	bool state_warned;
};

/* Takes the reminder's lock (one reminder per user): 0; or -1 with
 * *holder the pid of the reminder that has it (0 when it cannot tell)
 * and d set. */
int remind_run_lock(struct remind_run *m, long *holder, struct diag *d);
/* Starts the clock, the schedule, the idle sources and the notification
 * environment (tty: standard output is a terminal); the front end then
 * writes the first state file.  0, or -1 when out of memory. */
int remind_run_start(struct remind_run *m, const struct remind_run_config *cfg,
		     bool tty);
/* Removes the state file, frees the schedule and gives the lock back. */
void remind_run_end(struct remind_run *m);

/* The run time now. */
struct remind_clock remind_run_now(const struct remind_run *m);
/* Advances the schedule to now, samples the idle sources when it wants a
 * sample, and collects helper programs; the events, *now updated. */
unsigned remind_run_tick(struct remind_run *m, struct remind_clock *now);
/* Real milliseconds for poll() until the schedule's next deadline at
 * granularity_ms (remind_next_deadline), -1 for none.  Long waits are
 * not cut to a second: more than a minute before a break the loop wakes
 * once a minute. */
int remind_run_timeout(const struct remind_run *m, uint32_t granularity_ms);
/* A key was typed: when the sources said away, the user is back now, not
 * at the next sample.  The events. */
unsigned remind_run_back(struct remind_run *m);

/* Rewrites the state file.  -1 with d set the first time a write fails
 * (status will not know), 0 otherwise: later failures are quiet. */
int remind_run_save(struct remind_run *m, struct diag *d);

/* "14:45": the local time at run time t (--speed maps it). */
void remind_run_clock_text(const struct remind_run *m, uint64_t t, char *buf,
			   size_t size);
/* A break fell due: the title, the desktop escape and the bell (when
 * bell, and the settings ring at all) into buf, and notify-send started
 * where there is a graphical session.  Returns the bytes' length. */
size_t remind_run_due_bytes(struct remind_run *m, bool bell, char *buf,
			    size_t size);
/* True when the settings ring the bell for a due break. */
bool remind_run_rings(const struct remind_run *m);
/* Once a due break has changed the title, it keeps saying what goes on:
 * "backease: during_break" (when not NULL), "reminders paused" or "next
 * break at 14:45".  Nothing before that. */
size_t remind_run_title_bytes(const struct remind_run *m,
			      const char *during_break, char *buf, size_t size);
/* Saves (push) the terminal's own title at the start; puts it back (pop)
 * at the end when we changed it. */
size_t remind_run_title_save_bytes(const struct remind_run *m, bool push,
				   char *buf, size_t size);
/* "welcome back: a 12-minute break" after REMIND_EV_WELCOME. */
void remind_run_welcome_text(const struct remind_run *m, char *buf,
			     size_t size);

/* Active seconds in today's runs (local date of now) from the history,
 * all presets; 0 when it cannot be read. */
long long remind_run_active_today(time_t now);

#endif
