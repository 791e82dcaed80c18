/* quick: builds a routine that fits the minutes one has (SPEC section
 * 10).  Pure: the catalog, the filters, a seed and the moves done lately
 * go in; a preset comes out whose total, counted exactly as `plan`
 * counts, is within QUICK_TOLERANCE_S of the target whenever the filters
 * leave enough moves. */
#ifndef BACKEASE_QUICK_H
#define BACKEASE_QUICK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "timeline.h"

enum {
	QUICK_MIN_S = 60,
	QUICK_MAX_S = 3600,
	QUICK_TOLERANCE_S = 5,
	QUICK_ENOUGH_MOVES = 4, /* fewer may miss the target */
	QUICK_MOVES_MAX = 40,
	QUICK_HOLD_MIN_S = 5,
	QUICK_STRETCH_MAX = 3, /* no parameter past its own value times 3 */
};

struct quick_request {
	unsigned target_s;
	/* --equipment: when set, only moves whose equipment is a subset of
	 * these words ("none" is the empty list) */
	bool equipment_set;
	const char *const *equipment;
	size_t equipment_count;
	/* --position: bit (1 << enum position) per allowed position; 0 is
	 * any; a move done in `any` position always passes */
	unsigned positions;
	/* --focus: bit (1 << enum area) per area to prefer; 0 is none */
	unsigned focus;
	uint64_t seed;
	/* ids of the moves of the last runs: they come last in the choice */
	const char *const *recent;
	size_t recent_count;
};

struct quick_routine {
	struct preset preset;    /* id "quick"; items point into the catalog */
	char name[64];
	struct preset_item items[QUICK_MOVES_MAX];
	uint64_t total_ms;       /* as `plan` counts it */
	long miss_s;             /* total - target; 0 when within tolerance */
	bool areas_relaxed;      /* the filters left too few moves to keep
	                          * two in a row the most on one area */
	char why[160];           /* why it misses, when it does */
};

/* Builds the routine.  Returns 0 (check miss_s), or -1 with why set when
 * no exercise passes the filters. */
int quick_build(const struct catalog *cat, const struct quick_request *rq,
                const struct timeline_options *opt, struct quick_routine *out);

/* Does ex pass the request's equipment and position filters? */
bool quick_allows(const struct quick_request *rq, const struct exercise *ex);

/* The seed without --seed: from the local date (days since 1970) and the
 * number of runs recorded, so today's routine differs from yesterday's
 * and from the one before the last run. */
uint64_t quick_seed(long local_day, size_t runs);

/* "the routine is 3:20, 100 s short of 5:00: too few moves ..." when it
 * misses the target, else "" (the command prints it, the menu's dialog
 * shows it). */
void quick_describe_miss(const struct quick_routine *r, unsigned target_s,
                         char *buf, size_t size);

#endif
