/* figure_frame: which frame of an exercise's figure a step of a run shows
 * at a moment, and whether it is drawn mirrored (SPEC section 12).  Pure:
 * the screens call it with the step and how far into it the run is.
 *
 * Frames change on whole seconds of the step only, so that drawing them
 * needs no wakeup beyond the countdown's one a second:
 *   - get ready, switch sides, release and rest: the first frame of the
 *     side that comes next (the position to get into);
 *   - counted reps: one pass through the frames per rep, with the tempo
 *     (frame = seconds into the rep x frames / tempo);
 *   - breath-paced holds: the first frame while breathing in, the last
 *     while breathing out;
 *   - holds: every 2 s the next frame, starting on the second one (the
 *     position held; the first is how one gets into it);
 *   - timed moves and self-paced reps: every 2 s the next frame.
 * Sides: the right side of a figure with mirror on is its frames
 * mirrored.  An alternating move whose figure is not mirrored has both
 * sides drawn: the first half of an even number of frames is the left
 * side, the second half the right side. */
#ifndef BACKEASE_FIGURE_FRAME_H
#define BACKEASE_FIGURE_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "figure.h"
#include "timeline.h"

enum {
	FIGURE_HOLD_FRAME_MS = 2000, /* holds, timed moves, self-paced reps */
};

#define FIGURE_FRAME_STAYS UINT64_MAX

struct figure_view {
	unsigned frame; /* index into the figure's frames */
	bool mirrored;  /* draw its lines with figure_mirror_line() */
};

/* The frame step s shows elapsed_ms into it; next is the step after it
 * (NULL after the last), whose side a switch or a rest shows.  s->ex must
 * have a figure. */
struct figure_view figure_frame_at(const struct step *s,
                                   const struct step *next,
                                   uint64_t elapsed_ms);

/* The time into the step, after elapsed_ms, at which the frame may next
 * change (a whole second), or FIGURE_FRAME_STAYS when it cannot. */
uint64_t figure_frame_next_ms(const struct step *s, uint64_t elapsed_ms);

/* How the figure of ex moves, timed as t, in words for `show`: "2 frames,
 * the next every 2 s".  ex must have a figure. */
void figure_frame_describe(const struct exercise *ex, const struct timing *t,
                           char *buf, size_t size);

/* The frames of ex's figure that draw side (SIDE_LEFT or SIDE_RIGHT; any
 * other: the move as a whole): from *first, *count of them, mirrored or
 * not. */
void figure_frame_side(const struct exercise *ex, enum side side,
                       unsigned *first, unsigned *count, bool *mirrored);

#endif
