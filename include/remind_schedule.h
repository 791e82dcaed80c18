/* remind_schedule: the break reminder's state machine (SPEC section 11).
 *
 * Pure: it never reads a clock, a file or the environment.  Every call is
 * given the time as a struct remind_clock (run-time milliseconds on
 * CLOCK_MONOTONIC and on CLOCK_BOOTTIME, both scaled by --speed from the
 * same start) and, when the caller sampled them, what the idle sources
 * said.  Calls return what happened as REMIND_EV_* bits; the front end
 * acts on them (ring, notify, save the state file, say "welcome back") and
 * then sleeps in poll() until remind_next_deadline().
 *
 * A front end's loop, curses or plain:
 *
 *	r = remind_new(&cfg, &now);
 *	for (;;) {
 *		poll(fds, n, timeout until remind_next_deadline(r, now, g));
 *		read the clock into now;
 *		ev = remind_update(r, &now);
 *		if (remind_idle_wanted(r, now.mono_ms))
 *			ev |= remind_idle(r, &now, &sampled);
 *		keys: ev |= remind_snooze(r, &now), remind_skip(), ...;
 *		act on ev; draw from remind_view(r, now.mono_ms, &v);
 *	}
 *
 * Time is kept in a one-minute grid anchored at the due time (or at the
 * offer while a break is due): the displayed minutes change, the idle
 * sources are sampled and an ignored offer rings again on its lines, so
 * that more than a minute before a break the loop wakes once a minute. */
#ifndef BACKEASE_REMIND_SCHEDULE_H
#define BACKEASE_REMIND_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REMIND_NO_DEADLINE UINT64_MAX

enum {
	REMIND_TICK_MS = 60000,		  /* the grid: one minute */
	REMIND_RING_EVERY_MS = 5 * 60000, /* an ignored offer rings again */
	REMIND_RINGS_AGAIN = 3,		  /* ... this many times at most */
};

enum remind_state {
	REMIND_WAITING, /* counting down to the next break */
	REMIND_DUE,	/* the break is offered */
	REMIND_PAUSED,	/* reminders paused; the time left is kept */
	REMIND_BREAK,	/* the break runs (the front end runs the preset) */
};

/* What a call did, as bits. */
enum {
	REMIND_EV_CHANGED = 1u << 0, /* state or due time changed: save it */
	REMIND_EV_DUE = 1u << 1,     /* the break is due now: ring, notify */
	REMIND_EV_RING = 1u << 2,    /* an ignored offer rings again */
	REMIND_EV_WELCOME = 1u << 3, /* a natural break ended (welcome_ms) */
	REMIND_EV_AWAY = 1u << 4,    /* the user went away: no ringing */
	REMIND_EV_NO_IDLE = 1u << 5, /* idle cannot be counted (sent once) */
};

struct remind_config {
	uint64_t every_ms;  /* from the end of one break to the next */
	uint64_t snooze_ms; /* what a snooze adds */
	/* The shortest absence that counts as a break: a suspend, or (with
	 * count_idle) a time every idle source calls idle. */
	uint64_t break_min_ms;
	bool count_idle;	  /* false: --idle 0, or nothing samples idle */
	uint64_t ring_every_ms;	  /* REMIND_RING_EVERY_MS */
	unsigned rings_again_max; /* REMIND_RINGS_AGAIN */
};

/* The time now, in run milliseconds since the reminder started.  A jump of
 * boot_ms beyond mono_ms is time the machine was suspended.  Where there
 * is no CLOCK_BOOTTIME, pass the same value twice. */
struct remind_clock {
	uint64_t mono_ms;
	uint64_t boot_ms;
};

/* One sample of the idle sources, combined (idle.h). */
struct remind_idle {
	bool known;	  /* false: no source that counts can tell */
	uint64_t idle_ms; /* since the user's last input, in run time */
};

/* What a screen shows. */
struct remind_view {
	enum remind_state state;
	uint64_t due_ms;     /* WAITING: when the break is due (run time) */
	uint64_t left_ms;    /* WAITING, PAUSED: until the break; DUE: 0 */
	unsigned minutes;    /* left_ms rounded up to whole minutes */
	unsigned seconds;    /* left_ms rounded up to whole seconds */
	unsigned rings;	     /* DUE: times the offer has rung, 1 at first */
	uint64_t offered_ms; /* DUE: since when */
	bool away;	     /* the idle sources say the user is away */
	uint64_t welcome_ms; /* length of the last natural break, 0 none */
	unsigned taken, skipped, snoozed; /* since the reminder started */
};

struct remind;

/* NULL when out of memory.  Sets cfg's zero ring fields to the defaults. */
struct remind *remind_new(const struct remind_config *cfg,
			  const struct remind_clock *now);
void remind_free(struct remind *r);

/* Advances to now: a break falls due, an ignored offer rings again, a
 * suspend of at least break_min_ms counts as a break. */
unsigned remind_update(struct remind *r, const struct remind_clock *now);

/* True when the idle sources should be sampled now (once per grid line,
 * while waiting or due, when idle is counted). */
bool remind_idle_wanted(const struct remind *r, uint64_t now_ms);
/* Feeds one sample.  Idle for at least break_min_ms makes the user away
 * (an offer stops ringing); the first sample after that below it ends a
 * natural break: the countdown starts again from now. */
unsigned remind_idle(struct remind *r, const struct remind_clock *now,
		     const struct remind_idle *idle);

/* The keys.  Each returns the events, REMIND_EV_CHANGED when it did
 * something, 0 when it does not apply in this state. */
/* The next break snooze_ms later than it is due (or than now, once due). */
unsigned remind_snooze(struct remind *r, const struct remind_clock *now);
/* The coming (or offered) break is skipped: the next one every_ms later. */
unsigned remind_skip(struct remind *r, const struct remind_clock *now);
unsigned remind_pause(struct remind *r, const struct remind_clock *now);
unsigned remind_resume(struct remind *r, const struct remind_clock *now);
unsigned remind_toggle_pause(struct remind *r, const struct remind_clock *now);
/* The break starts (Enter on an offer, or `b` for a break now). */
unsigned remind_break_start(struct remind *r, const struct remind_clock *now);
/* It ended (done: it ran to its end); the next break counts from now. */
unsigned remind_break_end(struct remind *r, const struct remind_clock *now,
			  bool done);

/* When the loop must wake next: granularity_ms 0 for only what the
 * schedule needs (the due time, the idle samples, the rings), 60000 to
 * show whole minutes, 1000 to show minutes and then, in the last minute,
 * seconds.  REMIND_NO_DEADLINE when nothing will happen by itself. */
uint64_t remind_next_deadline(const struct remind *r, uint64_t now_ms,
			      uint32_t granularity_ms);

void remind_view(const struct remind *r, uint64_t now_ms,
		 struct remind_view *v);
enum remind_state remind_state(const struct remind *r);

/* "12-minute", "2-hour", "1-hour 5-minute": a break's length for
 * "welcome back: a 12-minute break" (rounded to the minute, at least 1). */
void remind_break_words(uint64_t ms, char *buf, size_t size);

#endif
