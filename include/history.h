/* history: one line per run in an append-only TSV file:
 * start (ISO 8601 with offset), preset id, planned s, active s,
 * steps done/total, done|quit, pain before, pain after (0-10 or -).
 * Lines written before the check-in have the first six fields only; they
 * stay valid forever (SPEC section 5). */
#ifndef BACKEASE_HISTORY_H
#define BACKEASE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "diag.h"

enum {
	HISTORY_LINE_MAX = 256,
	HISTORY_PAIN_NONE = -1, /* no check-in answer: `-` in the file */
	HISTORY_PAIN_MAX = 10,
	HISTORY_SKIPS_KEPT = 10, /* line numbers of skipped lines kept */
};

struct history_entry {
	time_t start;
	int utc_offset_s; /* of the local time written */
	/* The local date written in the line, as a day number (civil.h):
	 * the day a person counts the run on.  Filled by history_parse;
	 * history_format writes the date from start and the offset. */
	long local_day;
	char preset[48];
	long planned_s;
	long active_s;
	long steps_done;
	long steps_total;
	bool done;       /* false: quit */
	int pain_before; /* 0-10, or HISTORY_PAIN_NONE */
	int pain_after;
};

/* Lines history_read could not read. */
struct history_skips {
	size_t count;
	size_t lines[HISTORY_SKIPS_KEPT]; /* the first ones, 1-based */
};

/* A zeroed entry with no check-in answers. */
void history_entry_init(struct history_entry *h);

/* Formats the line (all eight fields), newline included.  Returns its
 * length, or -1 (also for an entry history_parse would refuse). */
int history_format(const struct history_entry *h, char *buf, size_t size);
/* Parses one line of six or eight fields (with or without its newline).
 * 0, or -1 if malformed (*h is then partly written). */
int history_parse(const char *line, struct history_entry *h);
/* The same for len bytes that need not end in a NUL (no newline). */
int history_parse_n(const char *line, size_t len, struct history_entry *h);
/* The file, in the state directory. */
int history_path(char *buf, size_t size);
/* Appends one line with a single write() to an O_APPEND file, then
 * fsync(), creating the directory if needed.  0, or -1 with d set. */
int history_append(const char *path, const struct history_entry *h,
                   struct diag *d);
/* Calls fn for every well-formed line, in file order; counts the others
 * and keeps their first line numbers in *skips.  A missing file is
 * empty.  Reads in large blocks with no allocation per line.  0, or -1
 * with d set. */
int history_read(const char *path,
                 void (*fn)(const struct history_entry *h, void *ctx),
                 void *ctx, struct history_skips *skips, struct diag *d);

/* The file's lines (a last one cut short counted too) and its last n
 * well-formed entries, the latest first, in last[0..*got).  Only the last
 * lines are parsed; the rest is counted in place (mapped).  A missing
 * file has none.  0, or -1 with d set. */
int history_tail(const char *path, struct history_entry *last, size_t n,
                 size_t *got, size_t *lines, struct diag *d);

/* The file's first bytes, up to the end of a line: what a reader has
 * already summed up (the stats cache, stats_cache.h), and how to know
 * they have not changed since. */
struct history_prefix {
	uint64_t bytes; /* 0: none */
	uint64_t hash;  /* XXH3 64-bit hash of those bytes */
	size_t lines;   /* lines in them, skipped ones included */
	struct history_skips skips; /* the skipped lines among them */
};

enum { HISTORY_MARK = 1 }; /* history_scan's entry(): the prefix ends here */

struct history_scan {
	/* Called for every well-formed line after the known prefix.  Returns
	 * HISTORY_MARK to end the marked prefix before this line (the first
	 * such answer counts), or 0. */
	int (*entry)(const struct history_entry *h, void *ctx);
	void *ctx;
	/* A prefix read before, or NULL.  When the file still begins with
	 * exactly those bytes (same length and hash), they are hashed, not
	 * parsed: entry() sees the lines after them only. */
	const struct history_prefix *known;

	/* Filled by history_scan: */
	bool known_ok; /* known matched and was skipped */
	/* The prefix up to the line entry() marked, or, when it marked none,
	 * every whole line; bytes is 0 when there is none to keep.  Known's
	 * lines are in it when known_ok. */
	struct history_prefix mark;
	struct history_skips skips; /* every skipped line, known's included */
};

/* history_read with a known prefix and a mark, for the stats cache.  A
 * known prefix that does not match is read again from the start.  0, or
 * -1 with d set. */
int history_scan(const char *path, struct history_scan *sc, struct diag *d);

#endif
