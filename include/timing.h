/* timing: how one move is timed, and the rules that combine an exercise's
 * parameters with a preset item's overrides. */
#ifndef BACKEASE_TIMING_H
#define BACKEASE_TIMING_H

#include <stddef.h>

/* Fixed lengths from SPEC section 3, in seconds. */
enum {
	TIMING_SWITCH_S = 3,   /* switch sides */
	TIMING_RELEASE_S = 3,  /* release between repeated holds */
	TIMING_SELF_REP_S = 3, /* nominal length of a self-paced rep */
	TIMING_STEP_MAX_S = 3600,
	TIMING_PRESET_MAX_S = 4 * 3600,
};

enum sides { SIDES_UNSET, SIDES_NONE, SIDES_EACH, SIDES_ALTERNATE };

enum timing_mode {
	TIMING_UNSET,
	TIMING_TIME,    /* continuous for `time` seconds */
	TIMING_HOLD,    /* `hold` seconds, `reps` times */
	TIMING_BREATHS, /* `breaths` breaths, `reps` times */
	TIMING_REPS,    /* `reps` counted at `tempo`, or self-paced */
};

/* Parameters as numbers; -1 means "not written". */
struct params {
	long time, hold, breaths, reps, tempo, sets, rest;
	enum sides sides;
};

/* A move's resolved timing; every field is meaningful for its mode. */
struct timing {
	enum timing_mode mode;
	enum sides sides;
	long time, hold, breaths, reps, tempo, sets, rest;
};

/* All parameters "not written". */
void params_init(struct params *p);
/* Applies a preset item's overrides to an exercise's parameters: an item
 * that writes a timing key (time, hold, breaths, reps) describes the timing
 * completely, so the exercise's timing keys, tempo, sets and rest are
 * dropped; otherwise the item's values replace the exercise's one by one. */
void params_override(struct params *base, const struct params *item);
/* Checks that p is timed in exactly one way, with sane values.  Returns 0
 * and fills t, or -1 and points *why at an explanation and *key at the
 * offending key. */
int timing_resolve(const struct params *p, struct timing *t,
                   const char **why, const char **key);

/* "hold 10 s x 5, each side", "95 s continuous", ... */
void timing_describe(const struct timing *t, char *buf, size_t size);

#endif
