/* run: what both front ends share about a run: its options, and how it is
 * recorded when it ends. */
#ifndef BACKEASE_RUN_H
#define BACKEASE_RUN_H

#include <stdbool.h>
#include <time.h>

#include "engine.h"
#include "timeline.h"

struct run_options {
	struct timeline_options timeline;
	double speed;  /* run time runs this many times faster */
	bool bell;     /* --no-bell turns it off */
	bool color;    /* --no-color or NO_COLOR turn it off */
	bool speak;    /* --speak */
	bool checkin;  /* pain check-in before and after (--no-checkin) */
	bool figures;  /* drawings of the moves (--no-figures) */
	/* a line for the menu to show, or NULL: the catalog.d files the
	 * catalog was built without (cmd_catalog_notice()) */
	const char *notice;
};

/* Appends the run's history line (done, or quit).  On failure prints a
 * warning on stderr and returns -1; the run itself still counts. */
int run_record(const struct timeline *tl, const struct engine_snapshot *end,
               time_t started);

/* Prints "done: NAME M:SS" or "quit: NAME M:SS" (active time), the line
 * both front ends end a run with. */
void run_print_end(const char *name, const struct engine_snapshot *end);

/* True the first time backease runs for this user (the safety note is
 * due); run_safety_shown() remembers that it was shown. */
bool run_safety_due(void);
void run_safety_shown(void);

#endif
