/* figure_frame: the frame a step shows, from the step and the time. */
#include "figure_frame.h"

#include <stdio.h>
#include <string.h>

/* The side whose frames a step shows: a transition shows the side that
 * comes next, a rep of an alternating set its own side. */
static enum side
shown_side(const struct step *s, const struct step *next, uint64_t t)
{
	enum side side = s->side;
	uint64_t rep;

	if ((s->kind == STEP_SWITCH || s->kind == STEP_REST) && next != NULL)
		side = next->side;
	if (s->kind == STEP_REPS && side == SIDE_ALTERNATING &&
	    s->tempo_ms > 0) {
		rep = t / s->tempo_ms; /* 0-based, as the engine counts */
		if (s->reps > 0 && rep >= s->reps)
			rep = s->reps - 1;
		side = rep % 2 == 0 ? SIDE_LEFT : SIDE_RIGHT;
	}
	/* a transition into an alternating move gets ready for its left
	 * side; while it goes on, an alternating step has no one side */
	if (side == SIDE_ALTERNATING && s->kind != STEP_TIMED &&
	    s->kind != STEP_SELF)
		side = SIDE_LEFT;
	return side;
}

/* The frames that draw side: all of them, or its half of a figure that
 * draws both sides of an alternating move. */
void
figure_frame_side(const struct exercise *ex, enum side side, unsigned *base,
                  unsigned *count, bool *mirrored)
{
	const struct figure *fig = ex->figure;

	*base = 0;
	*count = fig->frames_count;
	*mirrored = false;
	if (side != SIDE_LEFT && side != SIDE_RIGHT)
		return;
	if (fig->mirror) {
		*mirrored = side == SIDE_RIGHT;
		return;
	}
	if (ex->sides == SIDES_ALTERNATE && fig->frames_count % 2 == 0) {
		*count = fig->frames_count / 2;
		*base = side == SIDE_RIGHT ? *count : 0;
	}
}

/* The frame, 0 to count - 1, within the side's frames at t (whole
 * seconds into the step). */
static unsigned
frame_in_side(const struct step *s, unsigned count, uint64_t t)
{
	uint64_t cycle, in;

	switch (s->kind) {
	case STEP_READY:
	case STEP_SWITCH:
	case STEP_RELEASE:
	case STEP_REST:
		return 0;
	case STEP_REPS:
		if (s->tempo_ms == 0)
			return 0;
		in = t % s->tempo_ms;
		return (unsigned)(in * count / s->tempo_ms);
	case STEP_BREATHE:
		cycle = (uint64_t)s->inhale_ms + s->exhale_ms;
		if (cycle == 0 || t % cycle < s->inhale_ms)
			return 0;
		return count - 1;
	case STEP_HOLD:
		/* the held position first: a 2 s hold shows it, not the
		 * way into it */
		return (unsigned)((1 + t / FIGURE_HOLD_FRAME_MS) % count);
	case STEP_TIMED:
	case STEP_SELF:
		break;
	}
	return (unsigned)(t / FIGURE_HOLD_FRAME_MS % count);
}

struct figure_view
figure_frame_at(const struct step *s, const struct step *next,
                uint64_t elapsed_ms)
{
	uint64_t t = elapsed_ms - elapsed_ms % 1000; /* whole seconds only */
	struct figure_view v;
	unsigned base, count;

	figure_frame_side(s->ex, shown_side(s, next, t), &base, &count,
	                  &v.mirrored);
	v.frame = base + frame_in_side(s, count, t);
	return v;
}

uint64_t
figure_frame_next_ms(const struct step *s, uint64_t elapsed_ms)
{
	uint64_t period = 1000;

	switch (s->kind) {
	case STEP_READY:
	case STEP_SWITCH:
	case STEP_RELEASE:
	case STEP_REST:
		return FIGURE_FRAME_STAYS;
	case STEP_HOLD:
	case STEP_TIMED:
	case STEP_SELF:
		period = FIGURE_HOLD_FRAME_MS;
		break;
	case STEP_REPS:
	case STEP_BREATHE:
		break;
	}
	if (s->ex->figure->frames_count < 2 && s->side != SIDE_ALTERNATING)
		return FIGURE_FRAME_STAYS;
	return elapsed_ms - elapsed_ms % period + period;
}

void
figure_frame_describe(const struct exercise *ex, const struct timing *t,
                      char *buf, size_t size)
{
	const struct figure *fig = ex->figure;
	unsigned n = fig->frames_count, first, count;
	const char *how;
	bool mirrored;
	size_t len;

	if (n == 1)
		how = "";
	else if (t->mode == TIMING_BREATHS)
		how = ": the first breathing in, the last breathing out";
	else if (t->mode == TIMING_REPS && t->tempo > 0)
		how = ", in time with each rep";
	else if (t->mode == TIMING_HOLD)
		how = ", changing every 2 s of a hold";
	else
		how = ", changing every 2 s";
	snprintf(buf, size, "%u frame%s%s", n, n == 1 ? "" : "s", how);
	len = strlen(buf);
	figure_frame_side(ex, SIDE_RIGHT, &first, &count, &mirrored);
	if (len < size && mirrored &&
	    (ex->sides == SIDES_EACH || ex->sides == SIDES_ALTERNATE))
		snprintf(buf + len, size - len,
		         "; the right side is the left mirrored");
	else if (len < size && first > 0 && count == 1)
		snprintf(buf + len, size - len,
		         "; frame 1 is the left side, frame 2 the right");
	else if (len < size && first > 0)
		snprintf(buf + len, size - len,
		         "; frames 1-%u are the left side, %u-%u the right",
		         count, count + 1, 2 * count);
}
