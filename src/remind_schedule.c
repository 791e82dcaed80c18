/* remind_schedule: the reminder's state machine; see the header. */
#include "remind_schedule.h"

#include <stdio.h>
#include <stdlib.h>

struct remind {
	struct remind_config cfg;
	enum remind_state state;
	uint64_t due;	      /* WAITING: when the break falls due */
	uint64_t left;	      /* PAUSED: what was left when paused */
	uint64_t offered;     /* DUE: when the offer was made */
	unsigned rings;	      /* DUE: rings so far, the first included */
	uint64_t next_sample; /* idle is wanted from this time on */
	int64_t boot_offset;  /* boot_ms - mono_ms at the last call */
	bool away;
	uint64_t away_since; /* the user's last input before going away */
	bool idle_said;	     /* REMIND_EV_NO_IDLE was sent */
	uint64_t welcome_ms;
	unsigned taken, skipped, snoozed;
};

static int64_t
offset_of(const struct remind_clock *c)
{
	return (int64_t)c->boot_ms - (int64_t)c->mono_ms;
}

/* The first line of the grid anchored at a (a + k * step for any integer
 * k) strictly after t. */
static uint64_t
next_line(uint64_t a, uint64_t t, uint64_t step)
{
	uint64_t d = t >= a ? (t - a) % step : (step - (a - t) % step) % step;

	return t + (step - d);
}

/* The grid's anchor: the due time, or the offer while one is made. */
static uint64_t
anchor(const struct remind *r)
{
	return r->state == REMIND_DUE ? r->offered : r->due;
}

static void
start_waiting(struct remind *r, uint64_t due)
{
	r->state = REMIND_WAITING;
	r->due = due;
	r->rings = 0;
	r->away = false;
}

/* Time away (a suspend, or idle) long enough to count as a break: the
 * countdown starts again from now. */
static unsigned
natural_break(struct remind *r, uint64_t now, uint64_t length)
{
	r->welcome_ms = length;
	if (r->state == REMIND_PAUSED) {
		r->left = r->cfg.every_ms;
		r->away = false;
	} else {
		start_waiting(r, now + r->cfg.every_ms);
	}
	r->next_sample = next_line(anchor(r), now, REMIND_TICK_MS);
	return REMIND_EV_WELCOME | REMIND_EV_CHANGED;
}

static unsigned
check_suspend(struct remind *r, const struct remind_clock *c)
{
	int64_t off = offset_of(c), jump = off - r->boot_offset;

	r->boot_offset = off;
	if (r->state == REMIND_BREAK || jump <= 0 ||
	    (uint64_t)jump < r->cfg.break_min_ms)
		return 0;
	return natural_break(r, c->mono_ms, (uint64_t)jump);
}

static unsigned
advance(struct remind *r, const struct remind_clock *c)
{
	uint64_t now = c->mono_ms, since;
	unsigned ev = check_suspend(r, c), n;

	if (r->state == REMIND_WAITING && !r->away && now >= r->due) {
		r->state = REMIND_DUE;
		r->offered = now;
		r->rings = 1;
		ev |= REMIND_EV_DUE | REMIND_EV_CHANGED;
	}
	if (r->state == REMIND_DUE && !r->away &&
	    r->rings <= r->cfg.rings_again_max &&
	    now >= r->offered + (uint64_t)r->rings * r->cfg.ring_every_ms) {
		/* one ring for however many lines a late wake passed */
		since = (now - r->offered) / r->cfg.ring_every_ms;
		n = since > r->cfg.rings_again_max ? r->cfg.rings_again_max
						   : (unsigned)since;
		r->rings = n + 1;
		ev |= REMIND_EV_RING;
	}
	return ev;
}

struct remind *
remind_new(const struct remind_config *cfg, const struct remind_clock *now)
{
	struct remind *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	r->cfg = *cfg;
	if (r->cfg.ring_every_ms == 0)
		r->cfg.ring_every_ms = REMIND_RING_EVERY_MS;
	if (r->cfg.every_ms == 0)
		r->cfg.every_ms = 1;
	r->boot_offset = offset_of(now);
	start_waiting(r, now->mono_ms + r->cfg.every_ms);
	r->next_sample = now->mono_ms; /* a first sample at once */
	return r;
}

void
remind_free(struct remind *r)
{
	free(r);
}

unsigned
remind_update(struct remind *r, const struct remind_clock *now)
{
	return advance(r, now);
}

bool
remind_idle_wanted(const struct remind *r, uint64_t now_ms)
{
	return r->cfg.count_idle &&
	       (r->state == REMIND_WAITING || r->state == REMIND_DUE) &&
	       now_ms >= r->next_sample;
}

unsigned
remind_idle(struct remind *r, const struct remind_clock *c,
	    const struct remind_idle *idle)
{
	unsigned ev = advance(r, c);
	uint64_t now = c->mono_ms, idle_ms, back;

	if (!r->cfg.count_idle ||
	    (r->state != REMIND_WAITING && r->state != REMIND_DUE))
		return ev;
	r->next_sample = next_line(anchor(r), now, REMIND_TICK_MS);
	if (!idle->known) {
		if (!r->idle_said)
			ev |= REMIND_EV_NO_IDLE;
		r->idle_said = true;
		return ev;
	}
	idle_ms = idle->idle_ms < now ? idle->idle_ms : now;
	if (idle_ms >= r->cfg.break_min_ms) {
		if (!r->away) {
			r->away = true;
			r->away_since = now - idle_ms;
			ev |= REMIND_EV_AWAY | REMIND_EV_CHANGED;
		}
	} else if (r->away) {
		/* back since the last input the sources saw */
		back = now - idle_ms;
		ev |= natural_break(
		    r, now, back > r->away_since ? back - r->away_since : 0);
	}
	return ev;
}

/* The break later by add: later than it is due while waiting, than now
 * once offered.  *count counts it. */
static unsigned
postpone(struct remind *r, const struct remind_clock *c, uint64_t add,
	 unsigned *count)
{
	unsigned ev = advance(r, c);
	uint64_t now = c->mono_ms, from;

	if (r->state != REMIND_WAITING && r->state != REMIND_DUE)
		return ev;
	from = r->state == REMIND_WAITING && r->due > now ? r->due : now;
	start_waiting(r, from + add);
	(*count)++;
	return ev | REMIND_EV_CHANGED;
}

unsigned
remind_snooze(struct remind *r, const struct remind_clock *c)
{
	return postpone(r, c, r->cfg.snooze_ms, &r->snoozed);
}

unsigned
remind_skip(struct remind *r, const struct remind_clock *c)
{
	return postpone(r, c, r->cfg.every_ms, &r->skipped);
}

unsigned
remind_pause(struct remind *r, const struct remind_clock *c)
{
	unsigned ev = advance(r, c);
	uint64_t now = c->mono_ms;

	if (r->state != REMIND_WAITING && r->state != REMIND_DUE)
		return ev;
	/* a paused offer is offered again on resume */
	r->left = r->state == REMIND_WAITING && r->due > now ? r->due - now : 0;
	r->state = REMIND_PAUSED;
	r->rings = 0;
	r->away = false;
	return ev | REMIND_EV_CHANGED;
}

unsigned
remind_resume(struct remind *r, const struct remind_clock *c)
{
	unsigned ev = advance(r, c);
	uint64_t now = c->mono_ms;

	if (r->state != REMIND_PAUSED)
		return ev;
	start_waiting(r, now + r->left);
	r->next_sample = now;
	return ev | advance(r, c) | REMIND_EV_CHANGED;
}

unsigned
remind_toggle_pause(struct remind *r, const struct remind_clock *c)
{
	return r->state == REMIND_PAUSED ? remind_resume(r, c)
					 : remind_pause(r, c);
}

unsigned
remind_break_start(struct remind *r, const struct remind_clock *c)
{
	unsigned ev = advance(r, c);

	if (r->state == REMIND_BREAK)
		return ev;
	r->state = REMIND_BREAK;
	r->rings = 0;
	r->away = false;
	return ev | REMIND_EV_CHANGED;
}

unsigned
remind_break_end(struct remind *r, const struct remind_clock *c, bool done)
{
	uint64_t now = c->mono_ms;

	if (r->state != REMIND_BREAK)
		return 0;
	/* a suspend during the break is part of the break */
	r->boot_offset = offset_of(c);
	start_waiting(r, now + r->cfg.every_ms);
	r->next_sample = next_line(r->due, now, REMIND_TICK_MS);
	if (done)
		r->taken++;
	return REMIND_EV_CHANGED;
}

static uint64_t
min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static uint64_t
waiting_deadline(const struct remind *r, uint64_t now, uint32_t g)
{
	uint64_t left;

	if (r->away)
		/* nothing falls due while away: only the samples matter */
		return r->cfg.count_idle
			   ? next_line(r->due, now, REMIND_TICK_MS)
			   : REMIND_NO_DEADLINE;
	if (now >= r->due)
		return now;
	left = r->due - now;
	if (g != 0 && g < REMIND_TICK_MS && left <= REMIND_TICK_MS)
		return min_u64(r->due, next_line(r->due, now, g));
	if (g != 0 || r->cfg.count_idle)
		return min_u64(r->due, next_line(r->due, now, REMIND_TICK_MS));
	return r->due;
}

uint64_t
remind_next_deadline(const struct remind *r, uint64_t now_ms,
		     uint32_t granularity_ms)
{
	uint64_t t = REMIND_NO_DEADLINE;

	switch (r->state) {
	case REMIND_WAITING:
		return waiting_deadline(r, now_ms, granularity_ms);
	case REMIND_DUE:
		if (!r->away && r->rings <= r->cfg.rings_again_max)
			t = r->offered +
			    (uint64_t)r->rings * r->cfg.ring_every_ms;
		if (r->cfg.count_idle)
			t = min_u64(
			    t, next_line(r->offered, now_ms, REMIND_TICK_MS));
		return t;
	case REMIND_PAUSED:
	case REMIND_BREAK:
		break;
	}
	return REMIND_NO_DEADLINE;
}

void
remind_view(const struct remind *r, uint64_t now_ms, struct remind_view *v)
{
	v->state = r->state;
	v->due_ms = r->due;
	v->left_ms = 0;
	if (r->state == REMIND_WAITING && r->due > now_ms)
		v->left_ms = r->due - now_ms;
	else if (r->state == REMIND_PAUSED)
		v->left_ms = r->left;
	v->minutes = (unsigned)((v->left_ms + 59999) / 60000);
	v->seconds = (unsigned)((v->left_ms + 999) / 1000);
	v->rings = r->state == REMIND_DUE ? r->rings : 0;
	v->offered_ms = r->offered;
	v->away = r->away;
	v->welcome_ms = r->welcome_ms;
	v->taken = r->taken;
	v->skipped = r->skipped;
	v->snoozed = r->snoozed;
}

enum remind_state
remind_state(const struct remind *r)
{
	return r->state;
}

void
remind_break_words(uint64_t ms, char *buf, size_t size)
{
	uint64_t min = (ms + 30000) / 60000, h = min / 60, m = min % 60;

	if (min == 0)
		min = 1, m = 1;
	if (h == 0)
		snprintf(buf, size, "%u-minute", (unsigned)min);
	else if (m == 0)
		snprintf(buf, size, "%u-hour", (unsigned)h);
	else
		snprintf(buf, size, "%u-hour %u-minute", (unsigned)h,
			 (unsigned)m);
}
