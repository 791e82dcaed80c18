/* stats_cache: the sums `stats` keeps of a long history's old lines, so
 * that the next reading hashes them instead of parsing them (SPEC section
 * 7: stats over 100,000 lines in at most 3x `backease list`).
 *
 * The old lines are a prefix of the file (history_prefix: its length,
 * hash, lines and skipped lines) in which every line names a day before
 * cut_day, at least STATS_CACHE_AGE days before the day it was written.
 * No window of the stats reaches back that far (90 days at most), so of
 * those lines the figures need only what they add for all time: the runs,
 * the first and last day, the days with a run done.  history_scan checks
 * the prefix's hash: a history edited or replaced is read whole again.
 *
 * Pure: the file's bytes in, the record out (stats_io.c reads and writes
 * it; tests/fuzz/fuzz_stats_cache.c fuzzes the decoder). */
#ifndef BACKEASE_STATS_CACHE_H
#define BACKEASE_STATS_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "history.h"
#include "stats.h"

enum {
	/* the prefix ends at the first line of a day this recent */
	STATS_CACHE_AGE = 120,
	/* written again once the prefix has grown this many bytes (about
	 * 1,200 lines): a short history never has one */
	STATS_CACHE_STEP = 64 * 1024,
};

struct stats_cache {
	struct history_prefix prefix;
	long cut_day;        /* every line of the prefix names an earlier day */
	unsigned long runs;  /* well-formed lines of the prefix */
	long first_day, last_day; /* of those runs, when runs > 0 */
	/* days with a run done: bits of a map of every day
	 * (stats_day_map_new), set from done_lo to done_hi (done_lo >
	 * done_hi: none) */
	uint64_t *done_bits;
	long done_lo, done_hi;
};

/* An empty record whose lines must be before cut_day.  0, or -1 when out
 * of memory. */
int stats_cache_init(struct stats_cache *c, long cut_day);
void stats_cache_free(struct stats_cache *c);
/* Counts a line of the prefix (its day is before cut_day). */
void stats_cache_add(struct stats_cache *c, const struct history_entry *h);
/* Adds what another record counted (from, of an earlier prefix). */
void stats_cache_merge(struct stats_cache *c, const struct stats_cache *from);
/* Adds the record's lines to s, as if stats_add had seen each one. */
void stats_cache_apply(struct stats *s, const struct stats_cache *c);

/* The file's bytes: a line of text saying what it is, then little-endian
 * 64-bit fields, the words of the done days, and a hash of all before.
 * *data is malloc'd.  0, or -1 when out of memory. */
int stats_cache_encode(const struct stats_cache *c, unsigned char **data,
                       size_t *len);
/* The length of the longest record: one with every day there can be. */
size_t stats_cache_file_max(void);
/* The record from len bytes; every field is checked (lengths, order,
 * counts that add up, the hash), as the file may be anything.  0 with
 * *c filled (free it), or -1 with *c empty. */
int stats_cache_decode(const unsigned char *data, size_t len,
                       struct stats_cache *c);

#endif
