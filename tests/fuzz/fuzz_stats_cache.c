/* libFuzzer harness for the stats cache's file (stats_cache_decode), the
 * sums of a long history's old lines that `stats` trusts once it has
 * checked them.
 *
 * Each input is decoded as it is, and again with a right hash appended
 * (else nearly every input would stop at the hash, and the checks of the
 * fields behind it would go unfuzzed).  Checked:
 *  - decoding returns 0 or -1, never reads past the input (copied into a
 *    buffer of exactly its length) and leaks nothing;
 *  - what it takes is canonical: encoding the record gives the same bytes;
 *  - what it takes keeps the rules the stats rely on: runs and skipped
 *    lines add up to the lines, skipped line numbers rise within them,
 *    every day is before cut_day, done days lie within the runs' days;
 *  - applying the record to stats and merging it into another record
 *    touch only the map of days (AddressSanitizer watches), and the
 *    stats then finish. */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xxh.h"

#include "common.h"
#include "stats.h"
#include "stats_cache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
die(const char *what)
{
	fuzz_die("fuzz_stats_cache", what, "detail", "");
}

static void
check_rules(const struct stats_cache *c)
{
	const struct history_prefix *p = &c->prefix;
	size_t i, kept = p->skips.count < HISTORY_SKIPS_KEPT
	                     ? p->skips.count
	                     : HISTORY_SKIPS_KEPT;
	long day;

	if (c->runs + p->skips.count != p->lines || p->bytes < p->lines)
		die("the counts do not add up");
	for (i = 0; i < kept; i++)
		if (p->skips.lines[i] < 1 || p->skips.lines[i] > p->lines ||
		    (i > 0 && p->skips.lines[i] <= p->skips.lines[i - 1]))
			die("a skipped line number out of order");
	if (c->runs > 0 && (c->first_day < 0 || c->first_day > c->last_day ||
	                    c->last_day >= c->cut_day))
		die("a run's day out of bounds");
	if (c->done_lo <= c->done_hi) {
		if (c->done_lo < c->first_day || c->done_hi > c->last_day)
			die("a done day outside the runs' days");
		for (day = c->done_lo; day <= c->done_hi; day++)
			(void)(c->done_bits[day / 64] >> (day % 64));
	}
}

static void
check(const uint8_t *data, size_t size)
{
	struct stats_cache c, into;
	struct stats_options opt = {.today = 739000, .days = 14};
	struct stats s;
	unsigned char *again;
	size_t len;

	if (stats_cache_decode(data, size, &c) != 0)
		return;
	check_rules(&c);
	if (stats_cache_encode(&c, &again, &len) != 0)
		die("out of memory");
	if (len != size || memcmp(again, data, size) != 0)
		die("a record taken is not written back the same");
	free(again);
	if (stats_init(&s, &opt) == 0) {
		stats_cache_apply(&s, &c);
		if (s.runs != c.runs)
			die("apply lost runs");
		(void)stats_finish(&s);
		stats_free(&s);
	}
	if (stats_cache_init(&into, c.cut_day) == 0) {
		stats_cache_merge(&into, &c);
		if (into.runs != c.runs || into.done_lo != c.done_lo)
			die("merge lost what it merged");
		stats_cache_free(&into);
	}
	stats_cache_free(&c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size + 8);
	uint64_t h;
	int i;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	check(copy, size);
	h = XXH3_64bits(copy, size);
	for (i = 0; i < 8; i++)
		copy[size + i] = (uint8_t)(h >> (8 * i));
	check(copy, size + 8);
	free(copy);
	return 0;
}
