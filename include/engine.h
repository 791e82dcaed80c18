/* engine: walks a timeline.  It never reads a clock: every call takes the
 * current monotonic time in milliseconds, so tests drive it with a fake
 * clock and the front ends sleep exactly until engine_next_deadline(). */
#ifndef BACKEASE_ENGINE_H
#define BACKEASE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline.h"

#define ENGINE_NO_DEADLINE UINT64_MAX

enum {
	/* A step boundary passed by more than this (by default) was not
	 * seen in time (the machine slept, the process was stopped): the
	 * next step starts now instead of being skipped through unseen. */
	ENGINE_LATE_MS = 2000,
	ENGINE_ADJUST_MS = 10000, /* what + and - add or remove */
};

/* Self-paced steps last their nominal length instead of waiting for
 * Enter (when there is no one to press it). */
#define ENGINE_SELF_PACED_NOMINAL 1u

enum engine_state {
	ENGINE_RUNNING,
	ENGINE_PAUSED,
	ENGINE_WAITING, /* a self-paced step waits for Enter */
	ENGINE_DONE,
	ENGINE_QUIT,
};

enum breath_phase { BREATH_NONE, BREATH_IN, BREATH_OUT };

/* What is on screen now. */
struct engine_snapshot {
	enum engine_state state;
	size_t index; /* current step */
	const struct step *step;
	uint64_t step_elapsed_ms;
	uint64_t step_length_ms; /* with +/- adjustments */
	uint64_t remaining_ms;
	unsigned remaining_s; /* rounded up, as a countdown shows it */
	unsigned rep;         /* STEP_REPS: rep being done, 1-based */
	enum side side;       /* left or right even while alternating */
	enum breath_phase phase;
	unsigned breath;       /* 1-based */
	uint32_t phase_ms;     /* length of this inhale or exhale */
	uint32_t phase_left_ms;
	uint64_t elapsed_ms; /* position in the run */
	uint64_t total_ms;   /* length of the run, with adjustments */
	uint64_t active_ms;  /* time spent not paused */
	size_t steps_done;   /* finished, not skipped */
};

struct engine;

struct engine *engine_new(const struct timeline *tl, uint64_t now,
                          unsigned flags);
void engine_free(struct engine *e);

/* Advances to now; returns how many steps began. */
unsigned engine_update(struct engine *e, uint64_t now);
void engine_snapshot(const struct engine *e, uint64_t now,
                     struct engine_snapshot *snap);
/* When the screen next changes: the next whole second of the countdown
 * (granularity_ms 1000), or only the end of the step (granularity 0).
 * ENGINE_NO_DEADLINE while paused, waiting for Enter, or over. */
uint64_t engine_next_deadline(const struct engine *e, uint64_t now,
                              uint32_t granularity_ms);

void engine_pause(struct engine *e, uint64_t now);
void engine_resume(struct engine *e, uint64_t now);
void engine_toggle_pause(struct engine *e, uint64_t now);
void engine_next(struct engine *e, uint64_t now);
void engine_prev(struct engine *e, uint64_t now);
/* Adds (or with a negative delta removes) time on the current step; a step
 * cut below what has passed ends now. */
void engine_adjust(struct engine *e, uint64_t now, int64_t delta_ms);
/* Enter: ends a self-paced step. */
void engine_confirm(struct engine *e, uint64_t now);
void engine_quit(struct engine *e, uint64_t now);

/* How late a step boundary may be seen before the next step starts
 * afresh, in run time.  Front ends that scale the clock (--speed) scale
 * it too, so it stays two seconds of real time. */
void engine_set_late_ms(struct engine *e, uint64_t late_ms);

/* Turns nominal self-paced timing on or off mid-run (standard input
 * closed: nobody can press Enter any more). */
void engine_set_nominal(struct engine *e, bool nominal);

enum engine_state engine_state(const struct engine *e);
bool engine_over(const struct engine *e);

#endif
