/* stats_io: what the stats need from outside the pure core (stats.h):
 * the local date now, the history file, and the small state file that
 * keeps the see-a-doctor nudge to once a day after a run (SPEC section 8:
 * $XDG_STATE_HOME/backease/nudge-shown, one line YYYY-MM-DD). */
#ifndef BACKEASE_STATS_IO_H
#define BACKEASE_STATS_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"
#include "history.h"
#include "stats.h"

/* The local date of now (TZ, DST and all) as a day number. */
long stats_today(time_t now);
/* Reads the history at path into s (stats_init done by the caller) and
 * finishes it.  A missing file is an empty history.  0, or -1 with d set;
 * the lines it skipped are in *skips either way. */
int stats_load(const char *path, struct stats *s, struct history_skips *skips,
               struct diag *d);

/* The streak at now (wall clock) from the history at path, for
 * `status --format %s`: when today has no run done yet it counts up to
 * yesterday (*today_done false).  0, or -1 with d set. */
int stats_streak_at(const char *path, time_t now, long *days,
                    bool *today_done, struct diag *d);

/* The nudge's state file; 0, or -1 when there is no home. */
int nudge_state_path(char *buf, size_t size);
/* The day it was last shown, or -1 (no file, or not a date). */
long nudge_state_read(const char *path);
/* Remembers that it was shown on day (written whole: a temporary file,
 * then rename).  0, or -1 with d set. */
int nudge_state_write(const char *path, long day, struct diag *d);

#endif
