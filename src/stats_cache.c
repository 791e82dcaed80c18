/* stats_cache: the sums of a history's old lines, and their file format.
 * See stats_cache.h. */
#include "stats_cache.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xxh.h"

/* What the file is, then a version: another version is not read. */
static const char magic[] = "backease-history-sums-1\n";
enum {
	MAGIC_LEN = sizeof magic - 1,
	/* the u64 fields, in order: bytes, hash, lines, skip count, the
	 * skipped lines, cut_day, runs, first_day, last_day, done_lo,
	 * done_hi */
	HEAD_FIELDS = 4 + HISTORY_SKIPS_KEPT + 6,
	HEAD_LEN = MAGIC_LEN + 8 * HEAD_FIELDS,
};

int
stats_cache_init(struct stats_cache *c, long cut_day)
{
	memset(c, 0, sizeof *c);
	c->cut_day = cut_day;
	c->first_day = c->done_lo = LONG_MAX;
	c->last_day = c->done_hi = LONG_MIN;
	c->done_bits = stats_day_map_new();
	return c->done_bits == NULL ? -1 : 0;
}

void
stats_cache_free(struct stats_cache *c)
{
	stats_day_map_free(c->done_bits);
	memset(c, 0, sizeof *c);
}

void
stats_cache_add(struct stats_cache *c, const struct history_entry *h)
{
	stats_count_day(&c->runs, &c->first_day, &c->last_day, c->done_bits,
	                &c->done_lo, &c->done_hi, h);
}

/* Adds from's runs, days and done days to the fields of a record or of
 * the stats (the same fields by other names). */
static void
add_counts(unsigned long *runs, long *first, long *last, uint64_t *bits,
           long *lo, long *hi, const struct stats_cache *from)
{
	long w;

	if (from->runs == 0)
		return;
	*runs += from->runs;
	*first = from->first_day < *first ? from->first_day : *first;
	*last = from->last_day > *last ? from->last_day : *last;
	if (from->done_lo > from->done_hi)
		return;
	for (w = from->done_lo / 64; w <= from->done_hi / 64; w++)
		bits[w] |= from->done_bits[w];
	*lo = from->done_lo < *lo ? from->done_lo : *lo;
	*hi = from->done_hi > *hi ? from->done_hi : *hi;
}

void
stats_cache_merge(struct stats_cache *c, const struct stats_cache *from)
{
	add_counts(&c->runs, &c->first_day, &c->last_day, c->done_bits,
	           &c->done_lo, &c->done_hi, from);
}

void
stats_cache_apply(struct stats *s, const struct stats_cache *c)
{
	add_counts(&s->runs, &s->first_day, &s->last_day, s->done_bits,
	           &s->done_lo, &s->done_hi, c);
}

/* ---- the file --------------------------------------------------------- */

static void
put64(unsigned char **p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		*(*p)++ = (unsigned char)(v >> (8 * i));
}

static uint64_t
get64(const unsigned char **p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)(*p)[i] << (8 * i);
	*p += 8;
	return v;
}

/* The words that hold the done days. */
static size_t
done_words(const struct stats_cache *c)
{
	if (c->done_lo > c->done_hi)
		return 0;
	return (size_t)(c->done_hi / 64 - c->done_lo / 64 + 1);
}

int
stats_cache_encode(const struct stats_cache *c, unsigned char **data,
                   size_t *len)
{
	size_t i, words = done_words(c);
	bool none = c->done_lo > c->done_hi;
	unsigned char *p;

	*len = HEAD_LEN + 8 * words + 8;
	*data = p = malloc(*len);
	if (p == NULL)
		return -1;
	memcpy(p, magic, MAGIC_LEN);
	p += MAGIC_LEN;
	put64(&p, c->prefix.bytes);
	put64(&p, c->prefix.hash);
	put64(&p, c->prefix.lines);
	put64(&p, c->prefix.skips.count);
	for (i = 0; i < HISTORY_SKIPS_KEPT; i++)
		put64(&p, c->prefix.skips.lines[i]);
	put64(&p, (uint64_t)c->cut_day);
	put64(&p, c->runs);
	/* no runs: zeroes; no day done: 0 to -1 */
	put64(&p, c->runs ? (uint64_t)c->first_day : 0);
	put64(&p, c->runs ? (uint64_t)c->last_day : 0);
	put64(&p, none ? 0 : (uint64_t)c->done_lo);
	put64(&p, none ? UINT64_MAX : (uint64_t)c->done_hi);
	for (i = 0; i < words; i++)
		put64(&p, c->done_bits[c->done_lo / 64 + (long)i]);
	put64(&p, XXH3_64bits(*data, *len - 8));
	return 0;
}

size_t
stats_cache_file_max(void)
{
	return HEAD_LEN + 8 * STATS_DONE_WORDS + 8;
}

/* A day number as the file may hold it (any 64 bits): within 0..max. */
static bool
day_in(uint64_t v, long max, long *day)
{
	if (v > (uint64_t)max)
		return false;
	*day = (long)v;
	return true;
}

/* The skipped lines: as many numbers as are kept, rising, within the
 * prefix's lines, the slots after them zero. */
static bool
skips_ok(const struct history_prefix *pf)
{
	size_t i, kept = pf->skips.count < HISTORY_SKIPS_KEPT
	                     ? pf->skips.count
	                     : HISTORY_SKIPS_KEPT;

	for (i = 0; i < HISTORY_SKIPS_KEPT; i++) {
		size_t n = pf->skips.lines[i];

		if (i < kept ? n < 1 || n > pf->lines ||
		                   (i > 0 && n <= pf->skips.lines[i - 1])
		             : n != 0)
			return false;
	}
	return true;
}

/* The done days: exactly the bits from done_lo to done_hi, both set, on
 * days of the runs, no more days than runs. */
static bool
days_ok(const struct stats_cache *c)
{
	long w, lo_w = c->done_lo / 64, hi_w = c->done_hi / 64;
	unsigned long days = 0;

	if (c->done_lo > c->done_hi)
		return true;
	if (c->done_lo < c->first_day || c->done_hi > c->last_day ||
	    !(c->done_bits[lo_w] >> (c->done_lo % 64) & 1) ||
	    !(c->done_bits[hi_w] >> (c->done_hi % 64) & 1) ||
	    (c->done_bits[lo_w] & (((uint64_t)1 << (c->done_lo % 64)) - 1)) ||
	    (c->done_hi % 64 < 63 &&
	     (c->done_bits[hi_w] >> (c->done_hi % 64 + 1)) != 0))
		return false;
	for (w = lo_w; w <= hi_w; w++)
		days += (unsigned long)__builtin_popcountll(c->done_bits[w]);
	return days <= c->runs;
}

/* The fields after the magic, checked one by one. */
static bool
decode_fields(const unsigned char *p, size_t len, struct stats_cache *c)
{
	struct history_prefix *pf = &c->prefix;
	uint64_t lo, hi;
	size_t i, words;

	pf->bytes = get64(&p);
	pf->hash = get64(&p);
	pf->lines = (size_t)get64(&p);
	pf->skips.count = (size_t)get64(&p);
	for (i = 0; i < HISTORY_SKIPS_KEPT; i++)
		pf->skips.lines[i] = (size_t)get64(&p);
	/* a line has one byte at least: its newline */
	if (pf->lines < 1 || pf->bytes < pf->lines ||
	    pf->skips.count > pf->lines || !skips_ok(pf))
		return false;
	if (!day_in(get64(&p), STATS_DAY_LAST + 1, &c->cut_day) ||
	    c->cut_day < 1)
		return false;
	c->runs = (unsigned long)get64(&p);
	if (c->runs != pf->lines - pf->skips.count)
		return false;
	if (!day_in(get64(&p), c->cut_day - 1, &c->first_day) ||
	    !day_in(get64(&p), c->cut_day - 1, &c->last_day) ||
	    c->first_day > c->last_day)
		return false;
	if (c->runs == 0) {
		if (c->first_day != 0 || c->last_day != 0)
			return false;
		c->first_day = LONG_MAX;
		c->last_day = LONG_MIN;
	}
	lo = get64(&p);
	hi = get64(&p);
	if (lo == 0 && hi == UINT64_MAX) {
		words = 0; /* no day done */
	} else {
		if (c->runs == 0 || !day_in(lo, c->last_day, &c->done_lo) ||
		    !day_in(hi, c->last_day, &c->done_hi) ||
		    c->done_lo > c->done_hi)
			return false;
		words = done_words(c);
	}
	if (len != HEAD_LEN + 8 * words + 8)
		return false;
	for (i = 0; i < words; i++)
		c->done_bits[c->done_lo / 64 + (long)i] = get64(&p);
	return days_ok(c);
}

int
stats_cache_decode(const unsigned char *data, size_t len,
                   struct stats_cache *c)
{
	const unsigned char *end;

	if (stats_cache_init(c, 0) != 0)
		return -1;
	end = data + (len < HEAD_LEN + 8 ? 0 : len - 8);
	if (len < HEAD_LEN + 8 || memcmp(data, magic, MAGIC_LEN) != 0 ||
	    XXH3_64bits(data, len - 8) != get64(&end) ||
	    !decode_fields(data + MAGIC_LEN, len, c)) {
		stats_cache_free(c);
		return -1;
	}
	return 0;
}
