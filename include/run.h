/* run: what both front ends share about a run: its options, and how it is
 * recorded when it ends. */
#ifndef BACKEASE_RUN_H
#define BACKEASE_RUN_H

#include <stdbool.h>
#include <time.h>

#include "engine.h"
#include "settings.h"
#include "stats.h"
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
	enum week_start week_start; /* for the stats shown after a run */
};

/* Appends the run's history line (done, or quit) with the check-in's
 * answers (0-10, or HISTORY_PAIN_NONE).  On failure prints a warning on
 * stderr and returns -1; the run itself still counts. */
int run_record(const struct timeline *tl, const struct engine_snapshot *end,
               time_t started, int pain_before, int pain_after);

/* The history's figures as `stats` shows them (today, the default
 * window), for the nudge after a run and the menu: *s is initialised
 * here.  0, or -1 when there are none to show (s is then freed). */
int run_load_stats(struct stats *s, enum week_start ws);
/* After a run, with the stats loaded after its line was written: true
 * when the nudge is to be shown now (SPEC section 8: due, and not shown
 * today); it is then remembered as shown today. */
bool run_nudge_now(const struct stats *s);

/* Prints the lines after that of run_print_end: the change in pain
 * ("pain 6 -> 3 (clearly better)") when both answers were given, and the
 * nudge from s unless s is NULL. */
void run_print_after(int pain_before, int pain_after, const struct stats *s);

/* Prints "done: NAME M:SS" or "quit: NAME M:SS" (active time), the line
 * both front ends end a run with. */
void run_print_end(const char *name, const struct engine_snapshot *end);

/* True the first time backease runs for this user (the safety note is
 * due); run_safety_shown() remembers that it was shown. */
bool run_safety_due(void);
void run_safety_shown(void);

#endif
