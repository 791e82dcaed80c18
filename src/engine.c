/* engine: the run's state machine. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

struct engine {
	const struct timeline *tl;
	unsigned flags;
	enum engine_state state; /* RUNNING, PAUSED, DONE or QUIT */
	size_t index;
	uint64_t step_start;   /* when the step began, moved on by pauses */
	uint64_t paused_at;    /* valid while PAUSED */
	uint64_t *length;      /* per step, with +/- adjustments */
	uint64_t before_ms;    /* sum of length[0 .. index-1] */
	uint64_t total_ms;     /* sum of length[] */
	uint64_t active_ms;    /* finished stretches of unpaused time */
	uint64_t active_since; /* start of the current one, while RUNNING */
	unsigned char *done;
	size_t done_count;
	uint64_t late_ms; /* see engine_set_late_ms() */
};

static bool
waits_for_enter(const struct engine *e)
{
	return e->tl->steps[e->index].kind == STEP_SELF &&
	       !(e->flags & ENGINE_SELF_PACED_NOMINAL);
}

struct engine *
engine_new(const struct timeline *tl, uint64_t now, unsigned flags)
{
	struct engine *e = calloc(1, sizeof *e);
	size_t i;

	if (e == NULL)
		return NULL;
	e->tl = tl;
	e->flags = flags;
	e->length = calloc(tl->count ? tl->count : 1, sizeof *e->length);
	e->done = calloc(tl->count ? tl->count : 1, 1);
	if (e->length == NULL || e->done == NULL) {
		engine_free(e);
		return NULL;
	}
	for (i = 0; i < tl->count; i++) {
		e->length[i] = tl->steps[i].duration_ms;
		e->total_ms += e->length[i];
	}
	e->step_start = now;
	e->active_since = now;
	e->late_ms = ENGINE_LATE_MS;
	e->state = tl->count > 0 ? ENGINE_RUNNING : ENGINE_DONE;
	return e;
}

void
engine_free(struct engine *e)
{
	if (e == NULL)
		return;
	free(e->length);
	free(e->done);
	free(e);
}

static void
stop_active(struct engine *e, uint64_t until)
{
	if (e->state == ENGINE_RUNNING && until > e->active_since)
		e->active_ms += until - e->active_since;
}

/* Moves to step `to`, which starts at time `at`. */
static void
go_to(struct engine *e, size_t to, uint64_t at)
{
	while (e->index < to)
		e->before_ms += e->length[e->index++];
	while (e->index > to)
		e->before_ms -= e->length[--e->index];
	e->step_start = e->state == ENGINE_PAUSED ? e->paused_at : at;
}

static void
finish(struct engine *e, uint64_t at, enum engine_state how)
{
	stop_active(e, at);
	e->state = how;
}

static void
mark_done(struct engine *e)
{
	if (!e->done[e->index]) {
		e->done[e->index] = 1;
		e->done_count++;
	}
}

unsigned
engine_update(struct engine *e, uint64_t now)
{
	unsigned began = 0;
	uint64_t end;

	while (e->state == ENGINE_RUNNING && !waits_for_enter(e)) {
		end = e->step_start + e->length[e->index];
		if (now < end)
			break;
		mark_done(e);
		if (e->index + 1 == e->tl->count) {
			finish(e, end, ENGINE_DONE);
			break;
		}
		if (now - end > e->late_ms) {
			/* too late to have been seen: start the next step
			 * now, and do not count the gap as exercise */
			stop_active(e, end);
			e->active_since = now;
			go_to(e, e->index + 1, now);
			began++;
			break;
		}
		/* measured from the deadline, not from now: no drift */
		go_to(e, e->index + 1, end);
		began++;
	}
	return began;
}

enum engine_state
engine_state(const struct engine *e)
{
	if (e->state == ENGINE_RUNNING && waits_for_enter(e))
		return ENGINE_WAITING;
	return e->state;
}

bool
engine_over(const struct engine *e)
{
	return e->state == ENGINE_DONE || e->state == ENGINE_QUIT;
}

static uint64_t
step_elapsed(const struct engine *e, uint64_t now)
{
	uint64_t t = e->state == ENGINE_PAUSED ? e->paused_at : now;

	return t > e->step_start ? t - e->step_start : 0;
}

void
engine_snapshot(const struct engine *e, uint64_t now,
                struct engine_snapshot *snap)
{
	const struct step *s = &e->tl->steps[e->index];
	uint64_t len = e->length[e->index], el;
	bool over = engine_over(e);

	memset(snap, 0, sizeof *snap);
	snap->state = engine_state(e);
	snap->index = e->index;
	snap->step = s;
	el = over ? len : step_elapsed(e, now);
	if (el > len && snap->state != ENGINE_WAITING)
		el = len;
	snap->step_elapsed_ms = el;
	snap->step_length_ms = len;
	snap->remaining_ms = el < len ? len - el : 0;
	snap->remaining_s = (unsigned)((snap->remaining_ms + 999) / 1000);
	snap->side = s->side;
	if (s->kind == STEP_REPS && s->tempo_ms > 0) {
		snap->rep = (unsigned)(el / s->tempo_ms) + 1;
		if (snap->rep > s->reps)
			snap->rep = s->reps;
	}
	if (s->side == SIDE_ALTERNATING && s->kind == STEP_REPS)
		snap->side = snap->rep % 2 ? SIDE_LEFT : SIDE_RIGHT;
	if (s->kind == STEP_BREATHE && s->inhale_ms + s->exhale_ms > 0) {
		uint64_t cycle = s->inhale_ms + s->exhale_ms;
		uint64_t in = el % cycle;

		snap->breath = (unsigned)(el / cycle) + 1;
		if (snap->breath > s->breaths) { /* lengthened with + */
			snap->breath = s->breaths;
		}
		snap->phase = in < s->inhale_ms ? BREATH_IN : BREATH_OUT;
		snap->phase_ms =
		    snap->phase == BREATH_IN ? s->inhale_ms : s->exhale_ms;
		snap->phase_left_ms =
		    (uint32_t)(snap->phase == BREATH_IN ? s->inhale_ms - in
		                                        : cycle - in);
	}
	snap->elapsed_ms = e->before_ms + (el < len ? el : len);
	snap->total_ms = e->total_ms;
	snap->active_ms = e->active_ms;
	if (e->state == ENGINE_RUNNING && now > e->active_since)
		snap->active_ms += now - e->active_since;
	snap->steps_done = e->done_count;
}

uint64_t
engine_next_deadline(const struct engine *e, uint64_t now,
                     uint32_t granularity_ms)
{
	uint64_t end, remaining;

	if (e->state != ENGINE_RUNNING || waits_for_enter(e))
		return ENGINE_NO_DEADLINE;
	end = e->step_start + e->length[e->index];
	if (now >= end)
		return now;
	remaining = end - now;
	if (granularity_ms == 0 || remaining <= granularity_ms)
		return end;
	/* the next moment the remaining time crosses a whole unit */
	return now + (remaining - 1) % granularity_ms + 1;
}

void
engine_pause(struct engine *e, uint64_t now)
{
	engine_update(e, now);
	if (e->state != ENGINE_RUNNING)
		return;
	stop_active(e, now);
	e->state = ENGINE_PAUSED;
	e->paused_at = now;
}

void
engine_resume(struct engine *e, uint64_t now)
{
	if (e->state != ENGINE_PAUSED)
		return;
	if (now > e->paused_at)
		e->step_start += now - e->paused_at;
	e->active_since = now;
	e->state = ENGINE_RUNNING;
}

void
engine_toggle_pause(struct engine *e, uint64_t now)
{
	if (e->state == ENGINE_PAUSED)
		engine_resume(e, now);
	else
		engine_pause(e, now);
}

void
engine_next(struct engine *e, uint64_t now)
{
	engine_update(e, now);
	if (engine_over(e))
		return;
	if (e->index + 1 == e->tl->count) {
		finish(e, now, ENGINE_DONE);
		return;
	}
	go_to(e, e->index + 1, now);
}

void
engine_prev(struct engine *e, uint64_t now)
{
	size_t to;

	engine_update(e, now);
	if (engine_over(e))
		return;
	to = e->index > 0 ? e->index - 1 : 0;
	go_to(e, to, now);
	/* back does the step again as planned: kept cut to what had passed
	 * (to nothing, after a - at its start or an instant Enter) it would
	 * end at once, and back could never get past it */
	e->total_ms =
	    e->total_ms - e->length[to] + e->tl->steps[to].duration_ms;
	e->length[to] = e->tl->steps[to].duration_ms;
}

void
engine_adjust(struct engine *e, uint64_t now, int64_t delta_ms)
{
	uint64_t len, el, floor_ms;
	const uint64_t max = 2ull * TIMING_STEP_MAX_S * 1000;

	engine_update(e, now);
	if (engine_over(e) || waits_for_enter(e))
		return;
	len = e->length[e->index];
	el = step_elapsed(e, now);
	/* a cut never reaches into what has already passed */
	floor_ms = el < len ? el : len;
	if (delta_ms < 0 && (uint64_t)-delta_ms > len - floor_ms)
		len = floor_ms;
	else if (delta_ms < 0)
		len -= (uint64_t)-delta_ms;
	else
		len = len + (uint64_t)delta_ms > max ? max : len + (uint64_t)delta_ms;
	e->total_ms = e->total_ms - e->length[e->index] + len;
	e->length[e->index] = len;
	engine_update(e, now);
}

void
engine_confirm(struct engine *e, uint64_t now)
{
	uint64_t el;

	if (e->state != ENGINE_RUNNING || !waits_for_enter(e))
		return;
	/* the step took as long as it took */
	el = step_elapsed(e, now);
	e->total_ms = e->total_ms - e->length[e->index] + el;
	e->length[e->index] = el;
	mark_done(e);
	if (e->index + 1 == e->tl->count)
		finish(e, now, ENGINE_DONE);
	else
		go_to(e, e->index + 1, now);
}

void
engine_set_late_ms(struct engine *e, uint64_t late_ms)
{
	e->late_ms = late_ms;
}

void
engine_set_nominal(struct engine *e, bool nominal)
{
	if (nominal)
		e->flags |= ENGINE_SELF_PACED_NOMINAL;
	else
		e->flags &= ~ENGINE_SELF_PACED_NOMINAL;
}

void
engine_quit(struct engine *e, uint64_t now)
{
	engine_update(e, now);
	if (engine_over(e))
		return;
	finish(e, now, ENGINE_QUIT);
}
