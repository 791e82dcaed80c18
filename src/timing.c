/* timing: combining and checking a move's parameters. */
#include "timing.h"

#include <stddef.h>
#include <stdio.h>

enum { REPS_MAX = 1000, SETS_MAX = 100, TEMPO_MAX = 60 };

void
params_init(struct params *p)
{
	p->time = p->hold = p->breaths = p->reps = -1;
	p->tempo = p->sets = p->rest = -1;
	p->sides = SIDES_UNSET;
}

/* 0 means the same as leaving the key out. */
static long
given(long v)
{
	return v > 0 ? v : -1;
}

void
params_override(struct params *base, const struct params *item)
{
	if (given(item->time) > 0 || given(item->hold) > 0 ||
	    given(item->breaths) > 0 || given(item->reps) > 0) {
		base->time = item->time;
		base->hold = item->hold;
		base->breaths = item->breaths;
		base->reps = item->reps;
		base->tempo = item->tempo;
		base->sets = item->sets;
		base->rest = item->rest;
	} else {
		if (item->tempo >= 0)
			base->tempo = item->tempo;
		if (item->sets >= 0)
			base->sets = item->sets;
		if (item->rest >= 0)
			base->rest = item->rest;
	}
	if (item->sides != SIDES_UNSET)
		base->sides = item->sides;
}

static int
fail(const char **why, const char **key, const char *w, const char *k)
{
	*why = w;
	*key = k;
	return -1;
}

int
timing_resolve(const struct params *p, struct timing *t, const char **why,
               const char **key)
{
	long time = given(p->time), hold = given(p->hold);
	long breaths = given(p->breaths), reps = given(p->reps);
	long tempo = given(p->tempo), sets = given(p->sets);
	long rest = given(p->rest);
	int ways = (time > 0) + (hold > 0) + (breaths > 0);

	if (ways > 1 || (ways == 1 && time > 0 && reps > 0))
		return fail(why, key,
		            "is timed in more than one way; use exactly one of "
		            "time, hold, breaths or reps",
		            time > 0 && hold > 0 ? "hold"
		            : time > 0 && breaths > 0 ? "breaths"
		            : time > 0 ? "reps" : "breaths");
	if (ways == 0 && reps < 0)
		return fail(why, key,
		            "has no timing; set one of time, hold, breaths or "
		            "reps",
		            "time");
	if (tempo > 0 && (ways > 0))
		return fail(why, key,
		            "sets tempo, which only goes with reps alone (counted "
		            "reps)",
		            "tempo");

	t->sides = p->sides == SIDES_UNSET ? SIDES_NONE : p->sides;
	t->time = time > 0 ? time : 0;
	t->hold = hold > 0 ? hold : 0;
	t->breaths = breaths > 0 ? breaths : 0;
	t->reps = reps > 0 ? reps : (time > 0 ? 0 : 1);
	t->tempo = tempo > 0 ? tempo : 0;
	t->sets = sets > 0 ? sets : 1;
	t->rest = rest > 0 ? rest : 0;
	t->mode = time > 0      ? TIMING_TIME
	          : hold > 0    ? TIMING_HOLD
	          : breaths > 0 ? TIMING_BREATHS
	                        : TIMING_REPS;

	if (t->time > TIMING_STEP_MAX_S)
		return fail(why, key, "is longer than 1 hour (at most 3600 s)",
		            "time");
	if (t->hold > TIMING_STEP_MAX_S)
		return fail(why, key, "is longer than 1 hour (at most 3600 s)",
		            "hold");
	if (t->breaths > 360)
		return fail(why, key, "is over 360 breaths (about an hour)",
		            "breaths");
	if (t->reps > REPS_MAX)
		return fail(why, key, "is over 1000 reps", "reps");
	if (t->tempo > TEMPO_MAX)
		return fail(why, key, "is over 60 s per rep", "tempo");
	if (t->mode == TIMING_REPS &&
	    t->reps * (t->tempo > 0 ? t->tempo : TIMING_SELF_REP_S) >
	        TIMING_STEP_MAX_S)
		return fail(why, key,
		            "makes one set longer than 1 hour (reps x tempo)",
		            "reps");
	if (t->sets > SETS_MAX)
		return fail(why, key, "is over 100 sets", "sets");
	if (t->rest > TIMING_STEP_MAX_S)
		return fail(why, key, "is longer than 1 hour (at most 3600 s)",
		            "rest");
	*why = NULL;
	*key = NULL;
	return 0;
}

void
timing_describe(const struct timing *t, char *buf, size_t size)
{
	char what[80], sets[48] = "";
	const char *sides = t->sides == SIDES_EACH        ? ", each side"
	                    : t->sides == SIDES_ALTERNATE ? ", alternating"
	                                                  : "";

	switch (t->mode) {
	case TIMING_TIME:
		snprintf(what, sizeof what, "%ld s continuous", t->time);
		break;
	case TIMING_HOLD:
		snprintf(what, sizeof what, "hold %ld s x %ld", t->hold, t->reps);
		break;
	case TIMING_BREATHS:
		snprintf(what, sizeof what, "%ld breaths x %ld", t->breaths,
		         t->reps);
		break;
	default:
		if (t->tempo > 0)
			snprintf(what, sizeof what, "%ld reps at %ld s", t->reps,
			         t->tempo);
		else
			snprintf(what, sizeof what, "%ld reps, self-paced",
			         t->reps);
	}
	if (t->sets > 1)
		snprintf(sets, sizeof sets, ", %ld sets, %ld s rest", t->sets,
		         t->rest);
	snprintf(buf, size, "%s%s%s", what, sides, sets);
}
