/* stats_text: the text of `backease stats` (SPEC section 9) line by line,
 * shared by the command, the menu's stats screen and the nudge after a
 * run.  Pure: each line goes to a callback without its newline, wrapped
 * to the width asked for; with width 0 (a file or a pipe) a line is as
 * long as it needs.  A section returns the lines it gave, so a caller
 * with a NULL callback can count them first and pick what fits.
 *
 * The text is ours except preset ids, which history_parse keeps to
 * [a-z0-9-] and which are escaped all the same. */
#ifndef BACKEASE_STATS_TEXT_H
#define BACKEASE_STATS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "stats.h"

enum stats_line_kind {
	STATS_LINE_TEXT,
	STATS_LINE_NUDGE,  /* what the nudge saw */
	STATS_LINE_ADVICE, /* and its advice (SAFETY_NUDGE) */
	STATS_LINE_TITLE,  /* the chart's title */
};

struct stats_out {
	/* NULL: only count the lines */
	void (*line)(void *ctx, enum stats_line_kind kind, const char *text);
	void *ctx;
	int width; /* columns; 0: no limit */
	bool utf8; /* eighth blocks and box lines; else ASCII ('#') */
};

enum {
	STATS_CHART_ROWS = 4, /* the command's chart */
	STATS_TEXT_PRESETS = 5,
	STATS_TEXT_PAIN = 3, /* lines of the pain section at most */
};

/* "No runs yet" and how to start one. */
int stats_text_empty(const struct stats_out *o);
/* What the nudge saw and SAFETY_NUDGE; no lines when it is not due. */
int stats_text_nudge(const struct stats *s, const struct stats_out *o);
/* The streak, this week and last week. */
int stats_text_week(const struct stats *s, const struct stats_out *o);
/* The chart of the window, rows high (1, or even), the latest days that
 * fit the width; full adds the dates line and the key to the marks. */
int stats_text_chart(const struct stats *s, const struct stats_out *o, int rows,
		     bool full);
/* The most run presets, max of them. */
int stats_text_presets(const struct stats *s, const struct stats_out *o,
		       int max);
/* The averages before and after, the change and how often it was clear:
 * the first max of those lines. */
int stats_text_pain(const struct stats *s, const struct stats_out *o, int max);

/* v with up to two decimals and a '.', whatever LC_NUMERIC says (JSON and
 * CSV need the dot): "5.5", "-0.17", "3".  Returns buf. */
const char *stats_text_decimal(double v, char *buf, size_t size);

#endif
