/* test_stats_cache: the sums of a history's old lines (stats_cache.h) and
 * history_scan's known prefix and mark.  The rule that matters: stats
 * read with the sums are exactly the stats read without them, whatever
 * happened to the history or the sums file in between. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xxh.h"

#include "civil.h"
#include "history.h"
#include "scratch.h"
#include "stats.h"
#include "stats_cache.h"
#include "stats_io.h"

/* Wednesday 15 May 2024 is "today" unless a test says otherwise. */
#define TODAY civil_days(2024, 5, 15)

enum { MAGIC_LEN = 24 }; /* "backease-history-sums-1\n" */

static char history[128], sums[128];

/* ---- a history file ----------------------------------------------- */

/* A line `ago` days before TODAY; i varies everything else. */
static void
put_line(FILE *f, long ago, long i)
{
	char buf[HISTORY_LINE_MAX];
	int y, m, d;

	i = i < 0 ? -i : i; /* days after TODAY */
	civil_from_days(TODAY - ago, &y, &m, &d);
	fprintf(f, "%04d-%02d-%02dT%02ld:%02ld:00%s\tp%ld\t600\t%ld\t1/2\t%s",
	        y, m, d, 6 + i % 12, i % 60, i % 5 ? "+02:00" : "-07:00",
	        i % 4, 60 + i % 97, i % 7 == 3 ? "quit" : "done");
	if (i % 3) {
		snprintf(buf, sizeof buf, "\t%ld\t%s", i % 11,
		         i % 4 ? "2" : "-");
		fputs(buf, f);
	}
	fputc('\n', f);
}

/* Three runs a day from `from` days ago to `to` days ago, oldest first,
 * a malformed line every 997 lines and a day every 40 with none done. */
static void
append_days(long from, long to)
{
	FILE *f = fopen(history, "a");
	long ago, i = 0;
	int k;

	assert_non_null(f);
	for (ago = from; ago >= to; ago--)
		for (k = 0; k < 3; k++, i++) {
			if ((ago * 3 + k) % 997 == 0)
				fputs("not a history line\n", f);
			else if (ago % 40 == 7 && k == 0)
				continue; /* a day with no run done */
			else
				put_line(f, ago, ago * 3 + k);
		}
	fclose(f);
}

static void
append_text(const char *text)
{
	FILE *f = fopen(history, "a");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
paths(void)
{
	make_scratch();
	snprintf(history, sizeof history, "%s/history.tsv", scratch);
	snprintf(sums, sizeof sums, "%s/history.sums", scratch);
}

/* ---- the stats, with and without sums -------------------------------- */

/* The stats as history_read and stats_add give them: no sums. */
static void
reference(struct stats *s, long today, struct history_skips *sk)
{
	struct stats_options opt = {today, 14, WEEK_MONDAY};
	struct diag d;

	assert_int_equal(stats_init(s, &opt), 0);
	assert_int_equal(history_read(history, stats_collect, s, sk, &d), 0);
	assert_int_equal(stats_finish(s), 0);
}

static void
load(struct stats *s, long today, struct history_skips *sk)
{
	struct stats_options opt = {today, 14, WEEK_MONDAY};
	struct diag d;

	assert_int_equal(stats_init(s, &opt), 0);
	assert_int_equal(stats_load(history, s, sk, &d), 0);
}

static void
same_tally(const struct stats_tally *a, const struct stats_tally *b)
{
	assert_int_equal(a->done, b->done);
	assert_int_equal(a->quit, b->quit);
	assert_int_equal(a->active_s, b->active_s);
}

/* Every figure the stats show, and the skipped lines. */
static void
same_stats(const struct stats *a, const struct history_skips *ska,
           const struct stats *b, const struct history_skips *skb)
{
	size_t i;

	assert_int_equal(a->runs, b->runs);
	assert_int_equal(a->first_day, b->first_day);
	assert_int_equal(a->last_day, b->last_day);
	assert_int_equal(a->streak, b->streak);
	assert_int_equal(a->best_streak, b->best_streak);
	assert_int_equal(a->today_done, b->today_done);
	same_tally(&a->week, &b->week);
	same_tally(&a->last_week, &b->last_week);
	same_tally(&a->window, &b->window);
	for (i = 0; i < (size_t)a->opt.days; i++) {
		same_tally(&a->day[i].t, &b->day[i].t);
		assert_int_equal(a->day[i].before_sum, b->day[i].before_sum);
		assert_int_equal(a->day[i].after_n, b->day[i].after_n);
	}
	assert_memory_equal(&a->pain, &b->pain, sizeof a->pain);
	assert_memory_equal(&a->nudge, &b->nudge, sizeof a->nudge);
	assert_int_equal(a->presets_count, b->presets_count);
	for (i = 0; i < a->presets_count; i++) {
		assert_string_equal(a->presets[i].id, b->presets[i].id);
		same_tally(&a->presets[i].t, &b->presets[i].t);
	}
	assert_int_equal(ska->count, skb->count);
	assert_memory_equal(ska->lines, skb->lines, sizeof ska->lines);
}

/* stats_load at today agrees with the reference. */
static void
agrees(long today)
{
	struct stats a, b;
	struct history_skips ska, skb;

	reference(&a, today, &ska);
	load(&b, today, &skb);
	same_stats(&a, &ska, &b, &skb);
	stats_free(&a);
	stats_free(&b);
}

/* The sums file's record (it must be there and valid). */
static void
read_sums(struct stats_cache *c)
{
	unsigned char buf[70000];
	FILE *f = fopen(sums, "rb");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	assert_int_equal(stats_cache_decode(buf, n, c), 0);
}

/* Where the first line of a day at or after cut begins, and how many
 * lines come before it (reading the file as the test wrote it). */
static void
expected_prefix(long cut, uint64_t *bytes, size_t *lines)
{
	char buf[512];
	struct history_entry h;
	FILE *f = fopen(history, "r");

	assert_non_null(f);
	*bytes = 0;
	*lines = 0;
	while (fgets(buf, sizeof buf, f) != NULL) {
		if (history_parse(buf, &h) == 0 && h.local_day >= cut)
			break;
		*bytes += strlen(buf);
		(*lines)++;
	}
	fclose(f);
}

/* ---- the sums agree with a full reading ---------------------------- */

/* Days from 2000 days ago to today, read once (which sums them); the
 * sums in *c. */
static void
summed_history(struct stats_cache *c)
{
	paths();
	append_days(2000, 0);
	agrees(TODAY);
	read_sums(c);
}

static void
sums_written_and_believed(void **state)
{
	struct stats_cache c;
	uint64_t bytes;
	size_t lines;
	struct stats s, ref;
	struct history_skips sk;
	unsigned char *data;
	size_t len;
	FILE *f;

	(void)state;
	summed_history(&c); /* the first reading writes the sums */
	expected_prefix(TODAY - STATS_CACHE_AGE, &bytes, &lines);
	assert_int_equal(c.prefix.bytes, bytes);
	assert_int_equal(c.prefix.lines, lines);
	assert_int_equal(c.cut_day, TODAY - STATS_CACHE_AGE);
	assert_true(c.prefix.skips.count > 0);
	agrees(TODAY); /* reads them */

	/* they are really used: a record that says one more run, with the
	 * history's real prefix hash, is believed */
	c.runs++;
	c.prefix.lines++;
	assert_int_equal(stats_cache_encode(&c, &data, &len), 0);
	f = fopen(sums, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	free(data);
	reference(&ref, TODAY, &sk);
	load(&s, TODAY, &sk);
	assert_int_equal(s.runs, ref.runs + 1);
	stats_free(&ref);
	stats_free(&s);
	stats_cache_free(&c);
}

/* The sums file's bytes, to compare. */
static size_t
sums_bytes(unsigned char *buf, size_t size)
{
	FILE *f = fopen(sums, "rb");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, size, f);
	fclose(f);
	return n;
}

static void
sums_follow_appends(void **state)
{
	struct stats_cache c, c2;

	(void)state;
	summed_history(&c);
	/* new runs, a run of an old day (a clock that was wrong), a broken
	 * line: all after the summed prefix */
	append_days(0, 0);
	append_text("2019-03-02T10:00:00+01:00\told\t60\t60\t1/1\tdone\t-\t-\n"
	            "2024-05-1\n");
	agrees(TODAY);
	agrees(TODAY + 1);
	/* two years on: the prefix grows, and is summed again */
	append_days(-1, -730);
	agrees(TODAY + 730);
	read_sums(&c2);
	assert_true(c2.prefix.bytes > c.prefix.bytes + STATS_CACHE_STEP);
	assert_int_equal(c2.cut_day, TODAY + 730 - STATS_CACHE_AGE);
	agrees(TODAY + 730);
	stats_cache_free(&c);
	stats_cache_free(&c2);
}

static void
short_history_has_no_sums(void **state)
{
	(void)state;
	paths();
	append_days(400, 0); /* 36 kB */
	agrees(TODAY);
	assert_int_equal(access(sums, F_OK), -1);
}

/* One byte of the history changed in place, at offset at. */
static void
poke(long at, char byte)
{
	FILE *f = fopen(history, "r+");

	assert_non_null(f);
	assert_int_equal(fseek(f, at, SEEK_SET), 0);
	fputc(byte, f);
	fclose(f);
}

static void
changed_history_is_read_whole(void **state)
{
	struct stats_cache c, c2;

	(void)state;
	summed_history(&c);
	/* an old run's status, edited by hand: same length, other sums */
	poke(21 * 1000 + 0, '\n'); /* may break a line: also fine */
	poke((long)c.prefix.bytes - 2, 'X');
	agrees(TODAY);
	read_sums(&c2);
	assert_true(c2.prefix.hash != c.prefix.hash);
	agrees(TODAY);
	/* cut short, inside the prefix */
	assert_int_equal(truncate(history, (off_t)c.prefix.bytes / 2), 0);
	agrees(TODAY);
	/* replaced by a short one */
	assert_int_equal(unlink(history), 0);
	append_days(3, 0);
	agrees(TODAY);
	/* and gone: an empty history */
	assert_int_equal(unlink(history), 0);
	agrees(TODAY);
	stats_cache_free(&c);
	stats_cache_free(&c2);
}

static void
clock_set_back(void **state)
{
	(void)state;
	paths();
	append_days(2000, -10);
	agrees(TODAY); /* summed up to TODAY - 120 */
	agrees(TODAY - 100); /* still behind every window */
	agrees(TODAY - 300); /* the windows reach into the sums: not used */
	agrees(TODAY);
}

static void
write_sums(const void *data, size_t len)
{
	FILE *f = fopen(sums, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void
bad_sums_files_are_replaced(void **state)
{
	unsigned char good[70000], bad[70000];
	size_t n, i;
	struct stats_cache c;

	(void)state;
	paths();
	append_days(2000, 0);
	agrees(TODAY);
	n = sums_bytes(good, sizeof good);
	for (i = 0; i < 5; i++) {
		memcpy(bad, good, n);
		switch (i) {
		case 0: write_sums("", 0); break;
		case 1: write_sums(good, n / 2); break;
		case 2: bad[n / 2] ^= 4; write_sums(bad, n); break;
		case 3: bad[MAGIC_LEN - 2] = '2'; write_sums(bad, n); break;
		case 4: memset(bad, 'x', sizeof bad); write_sums(bad, sizeof bad);
			break;
		}
		agrees(TODAY);
		read_sums(&c); /* valid again */
		stats_cache_free(&c);
		assert_int_equal(sums_bytes(bad, sizeof bad), n);
		assert_memory_equal(bad, good, n);
	}
	/* a directory where the file would be: no sums, same stats */
	assert_int_equal(unlink(sums), 0);
	assert_int_equal(mkdir(sums, 0700), 0);
	agrees(TODAY);
	agrees(TODAY);
	assert_int_equal(rmdir(sums), 0);
}

/* ---- the file format ------------------------------------------------- */

/* A record of a few runs over two words of days. */
static void
sample_record(struct stats_cache *c)
{
	struct history_entry h;
	long days[] = {100, 101, 102, 130, 190, 191};
	size_t i;

	assert_int_equal(stats_cache_init(c, 300), 0);
	for (i = 0; i < 6; i++) {
		history_entry_init(&h);
		h.local_day = days[i];
		h.done = i != 4;
		stats_cache_add(c, &h);
	}
	c->prefix.bytes = 900;
	c->prefix.hash = 0x123456789abcdefULL;
	c->prefix.lines = 8;
	c->prefix.skips.count = 2;
	c->prefix.skips.lines[0] = 3;
	c->prefix.skips.lines[1] = 7;
}

/* Field k (0 bytes, 1 hash, 2 lines, 3 skip count, 4-13 skipped lines,
 * 14 cut_day, 15 runs, 16-17 first and last day, 18-19 done_lo, _hi)
 * set to v, and the file's hash made right again. */
static void
set_field(unsigned char *buf, size_t len, int k, uint64_t v)
{
	uint64_t h;
	int i;

	for (i = 0; i < 8; i++)
		buf[MAGIC_LEN + 8 * k + i] = (unsigned char)(v >> (8 * i));
	h = XXH3_64bits(buf, len - 8);
	for (i = 0; i < 8; i++)
		buf[len - 8 + i] = (unsigned char)(h >> (8 * i));
}

static void
format_round_trip(void **state)
{
	struct stats_cache c, d;
	unsigned char *data, *again;
	size_t len, len2;

	(void)state;
	sample_record(&c);
	assert_int_equal(stats_cache_encode(&c, &data, &len), 0);
	assert_memory_equal(data, "backease-history-sums-1\n", MAGIC_LEN);
	/* the header, two words of days (100-191), the hash */
	assert_int_equal(len, MAGIC_LEN + 8 * 20 + 8 * 2 + 8);
	assert_int_equal(stats_cache_decode(data, len, &d), 0);
	assert_memory_equal(&d.prefix, &c.prefix, sizeof c.prefix);
	assert_int_equal(d.cut_day, 300);
	assert_int_equal(d.runs, 6);
	assert_int_equal(d.first_day, 100);
	assert_int_equal(d.last_day, 191);
	assert_int_equal(d.done_lo, 100);
	assert_int_equal(d.done_hi, 191);
	assert_int_equal(d.done_bits[1] >> (100 - 64) & 1, 1);
	assert_int_equal(d.done_bits[2] >> (190 - 128) & 1, 0); /* quit */
	assert_int_equal(stats_cache_encode(&d, &again, &len2), 0);
	assert_int_equal(len2, len);
	assert_memory_equal(again, data, len);
	free(again);
	stats_cache_free(&d);
	stats_cache_free(&c);
	free(data);
}

static void
format_refusals(void **state)
{
	/* {field, value}: each breaks one rule of stats_cache_decode */
	static const struct {
		int field;
		uint64_t v;
	} bad[] = {
		{0, 7},          /* fewer bytes than lines */
		{2, 0},          /* no lines */
		{2, 9},          /* runs + skipped != lines */
		{3, 3},          /* ditto, and a kept slot is zero */
		{4, 0},          /* a skipped line 0 */
		{5, 3},          /* skipped lines not rising */
		{5, 9},          /* a skipped line past the prefix */
		{6, 5},          /* a number in an unused slot */
		{14, 0},         /* cut at day 0 */
		{14, 191},       /* a run on the cut day */
		{14, STATS_DAY_LAST + 2},
		{15, 5},         /* runs */
		{16, 192},       /* first day after the last */
		{17, 99},
		{18, 99},        /* a done day before the first run */
		{18, 101},       /* done_lo's bit is not the lowest set */
		{19, 190},       /* done_hi's bit is not set (a quit day) */
		{19, UINT64_MAX},
	};
	struct stats_cache c, d;
	unsigned char *data, *copy;
	size_t len, i, bit;

	(void)state;
	sample_record(&c);
	assert_int_equal(stats_cache_encode(&c, &data, &len), 0);
	copy = malloc(len);
	assert_non_null(copy);
	/* every cut and every flipped bit */
	for (i = 0; i < len; i++)
		assert_int_equal(stats_cache_decode(data, i, &d), -1);
	for (bit = 0; bit < len * 8; bit++) {
		memcpy(copy, data, len);
		copy[bit / 8] ^= (unsigned char)(1u << bit % 8);
		assert_int_equal(stats_cache_decode(copy, len, &d), -1);
	}
	/* well hashed, but not true to the rules */
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memcpy(copy, data, len);
		set_field(copy, len, bad[i].field, bad[i].v);
		if (stats_cache_decode(copy, len, &d) == 0)
			fail_msg("field %d = %llu was taken", bad[i].field,
			         (unsigned long long)bad[i].v);
	}
	/* the same with the hash made right is taken (the test's own
	 * re-hash is right) */
	memcpy(copy, data, len);
	set_field(copy, len, 1, 42);
	assert_int_equal(stats_cache_decode(copy, len, &d), 0);
	assert_int_equal(d.prefix.hash, 42);
	stats_cache_free(&d);
	free(copy);
	free(data);
	stats_cache_free(&c);
}

/* ---- history_scan ---------------------------------------------------- */

struct seen {
	size_t n;
	long day[16];
	long mark_day; /* mark the first line of this day */
};

static int
seen_entry(const struct history_entry *h, void *ctx)
{
	struct seen *s = ctx;

	if (s->n < 16)
		s->day[s->n] = h->local_day;
	s->n++;
	return h->local_day == s->mark_day ? HISTORY_MARK : 0;
}

static void
scan_marks_and_skips_known(void **state)
{
	static const char text[] =
	    "2024-05-01T08:00:00+02:00\tp\t60\t60\t1/1\tdone\n"
	    "junk\n"
	    "2024-05-02T08:00:00+02:00\tp\t60\t60\t1/1\tdone\t1\t2\n"
	    "2024-05-03T08:00:00+02:00\tp\t60\t60\t1/1\tdone\n"
	    "more junk\n"
	    "2024-05-03T09:00:00+02:00\tp\t60\t60\t1/1\tquit\n"
	    "2024-05-04T08:00:00+02:00\tp\t60\t60\t1/1\tdone";
	size_t before3 = strstr(text, "2024-05-03") - text;
	struct seen s = {.mark_day = civil_days(2024, 5, 3)};
	struct history_scan sc = {.entry = seen_entry, .ctx = &s};
	struct history_prefix known;
	struct diag d;

	(void)state;
	make_scratch();
	scratch_write("history.tsv", text, history, sizeof history);
	assert_int_equal(history_scan(history, &sc, &d), 0);
	assert_int_equal(s.n, 4);
	assert_false(sc.known_ok);
	assert_int_equal(sc.mark.bytes, before3);
	assert_int_equal(sc.mark.lines, 3);
	assert_int_equal(sc.mark.hash, XXH3_64bits(text, before3));
	assert_int_equal(sc.mark.skips.count, 1);
	assert_int_equal(sc.mark.skips.lines[0], 2);
	assert_int_equal(sc.skips.count, 3); /* line 7 has no newline */
	assert_int_equal(sc.skips.lines[1], 5);
	assert_int_equal(sc.skips.lines[2], 7);

	/* with that prefix known, only the lines after it are seen, and the
	 * line numbers go on from it */
	known = sc.mark;
	memset(&s, 0, sizeof s);
	s.mark_day = -1;
	sc.known = &known;
	assert_int_equal(history_scan(history, &sc, &d), 0);
	assert_true(sc.known_ok);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.day[0], civil_days(2024, 5, 3));
	assert_int_equal(sc.skips.count, 3);
	assert_int_equal(sc.skips.lines[1], 5);
	/* no mark: every whole line */
	assert_int_equal(sc.mark.bytes, strrchr(text, '\n') - text + 1);
	assert_int_equal(sc.mark.lines, 6);
	assert_int_equal(sc.mark.hash,
	                 XXH3_64bits(text, (size_t)sc.mark.bytes));

	/* a known prefix that is not the file's: read from the start */
	known.hash ^= 1;
	memset(&s, 0, sizeof s);
	s.mark_day = -1;
	assert_int_equal(history_scan(history, &sc, &d), 0);
	assert_false(sc.known_ok);
	assert_int_equal(s.n, 4);
	assert_int_equal(sc.skips.count, 3);
	known.hash ^= 1;
	known.bytes = sizeof text + 10; /* longer than the file */
	memset(&s, 0, sizeof s);
	assert_int_equal(history_scan(history, &sc, &d), 0);
	assert_false(sc.known_ok);
	assert_int_equal(s.n, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_teardown(fn, scratch_teardown)
		T(sums_written_and_believed),
		T(sums_follow_appends),
		T(short_history_has_no_sums),
		T(changed_history_is_read_whole),
		T(clock_set_back),
		T(bad_sums_files_are_replaced),
		cmocka_unit_test(format_round_trip),
		cmocka_unit_test(format_refusals),
		T(scan_marks_and_skips_known),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
