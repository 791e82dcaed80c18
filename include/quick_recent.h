/* quick_recent: what the last runs did, so a quick routine puts those
 * moves last, and what the seed is made of when there is no --seed.  A
 * preset's moves come from the catalog; a quick routine's are kept in
 * $XDG_STATE_HOME/backease/quick-recent, the last two routines. */
#ifndef BACKEASE_QUICK_RECENT_H
#define BACKEASE_QUICK_RECENT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "catalog.h"
#include "quick.h"
#include "timeline.h"

enum { QUICK_RECENT_RUNS = 2, QUICK_RECENT_IDS = 64 };

struct quick_recent {
	const char *ids[QUICK_RECENT_IDS]; /* into store or the catalog */
	size_t count;
	size_t runs; /* lines in the history */
	char store[2048];
};

/* Reads the history and the quick-recent file; missing files are empty,
 * an unreadable one is ignored (variety is not worth failing for). */
void quick_recent_load(const struct catalog *cat, struct quick_recent *r);
/* Remembers the moves of a quick routine that is about to run. */
void quick_recent_note(const struct preset *p);

/* Builds the routine `backease quick` and the menu's Quick routine run:
 * the moves of the last runs come last in the choice and, unless
 * seed_set, the seed is quick_seed() of the local date of now and the
 * runs recorded.  On return rq->seed is the seed used (rq->recent is
 * cleared: it pointed into this call's frame).  Returns quick_build()'s
 * value. */
int quick_recent_build(const struct catalog *cat, struct quick_request *rq,
                       bool seed_set, time_t now,
                       const struct timeline_options *opt,
                       struct quick_routine *out);

#endif
