/* history: one line per run in an append-only TSV file:
 * start (ISO 8601 with offset), preset id, planned s, active s,
 * steps done/total, done|quit. */
#ifndef BACKEASE_HISTORY_H
#define BACKEASE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"

enum { HISTORY_LINE_MAX = 256 };

struct history_entry {
	time_t start;
	int utc_offset_s; /* of the local time written */
	char preset[48];
	long planned_s;
	long active_s;
	long steps_done;
	long steps_total;
	bool done; /* false: quit */
};

/* Formats the line, newline included.  Returns its length, or -1. */
int history_format(const struct history_entry *h, char *buf, size_t size);
/* Parses one line (with or without its newline).  0, or -1 if malformed. */
int history_parse(const char *line, struct history_entry *h);
/* The file, in the state directory. */
int history_path(char *buf, size_t size);
/* Appends one line with a single write() to an O_APPEND file, then
 * fsync(), creating the directory if needed.  0, or -1 with d set. */
int history_append(const char *path, const struct history_entry *h,
                   struct diag *d);
/* Calls fn for every well-formed line; counts the others in *skipped.
 * A missing file is empty.  0, or -1 with d set. */
int history_read(const char *path,
                 void (*fn)(const struct history_entry *h, void *ctx),
                 void *ctx, size_t *skipped, struct diag *d);

#endif
