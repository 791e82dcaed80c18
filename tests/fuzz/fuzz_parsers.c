/* libFuzzer harness for the small parsers: duration_parse, count_parse,
 * duration_format, history_parse and history_format.
 *
 * Every input is copied into a buffer of exactly its length + 1 (a NUL
 * added), so AddressSanitizer catches any read past the string.  Checked:
 *  - count_parse accepts exactly the canonical decimal form of 0..9999999
 *    (compared with a reference parser written here);
 *  - duration_parse agrees with a reference parser of the SPEC grammar
 *    (N, Ns, Nm, NmSs with S < 60; no sign, space or leading zero; at most
 *    9999999 s in all) and never writes its result on failure;
 *  - duration_format gives M:SS or H:MM:SS that reads back to the same
 *    seconds, and respects the buffer size;
 *  - a history line that parses formats again (history_format does not
 *    refuse it), the formatted line parses to the same entry, and
 *    formatting that entry gives the same line;
 *  - history_format of an entry built from the input either refuses it or
 *    writes a line that parses back to the same entry;
 *  - check-in answers are 0-10 or none, six-field lines have none, and a
 *    line's local day (from its written date, civil_days) is the day of
 *    start + offset counted in whole days of seconds;
 *  - history_parse_n on the exact bytes of a line (no NUL after them)
 *    agrees with history_parse;
 *  - history_read of the input as a file (its block reader parses lines
 *    in place) gives the entries and skipped line numbers that splitting
 *    at newlines and history_parse_n give;
 *  - history_scan's mark (the stats cache's prefix) ends on a line and
 *    has the hash, lines and skips of its bytes; scanning again with it
 *    known gives the entries after it and the same skipped lines;
 *  - history_tail gives the last entries the split gives, and its count
 *    of lines;
 *  - remind_file_parse (the reminder's state file that `status` reads)
 *    never reads past the bytes it is given (the copy has no NUL), and
 *    what it accepts is canonical: formatting it gives the same bytes;
 *    an entry built from the input formats and parses back the same. */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xxh.h"

#include "duration.h"
#include "history.h"
#include "remind_file.h"
#include "common.h"

enum { NUMBER_MAX = 9999999 };

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
die(const char *what, const char *input)
{
	fuzz_die("fuzz_parsers", what, "input", input);
}

/* ---- reference parsers ------------------------------------------------ */

/* Digits at *p: no leading zero before another digit, at most 9999999. */
static bool
ref_number(const char **p, long *v)
{
	const char *s = *p;
	long n = 0;

	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
		return false;
	for (; *s >= '0' && *s <= '9'; s++) {
		n = n * 10 + (*s - '0');
		if (n > NUMBER_MAX)
			return false;
	}
	*p = s;
	*v = n;
	return true;
}

static bool
ref_count(const char *s, long *v)
{
	return ref_number(&s, v) && *s == '\0';
}

static bool
ref_duration(const char *s, long *v)
{
	long m, sec = 0;

	if (!ref_number(&s, &m))
		return false;
	if (*s == '\0' || (s[0] == 's' && s[1] == '\0')) {
		*v = m;
		return true;
	}
	if (*s++ != 'm')
		return false;
	if (*s != '\0' &&
	    (!ref_number(&s, &sec) || sec > 59 || s[0] != 's' || s[1] != '\0'))
		return false;
	if (m * 60 + sec > NUMBER_MAX)
		return false;
	*v = m * 60 + sec;
	return true;
}

/* ---- checks ------------------------------------------------------------- */

static void
check_numbers(const char *s)
{
	const long poison = -424242;
	long got = poison, want = poison;
	int rc;
	bool ok;
	char canon[32];

	rc = count_parse(s, &got);
	ok = ref_count(s, &want);
	if (rc != 0 && rc != -1)
		die("count_parse returned neither 0 nor -1", s);
	if ((rc == 0) != ok)
		die(ok ? "count_parse refused a count"
		       : "count_parse accepted a non-count",
		    s);
	if (rc != 0 && got != poison)
		die("count_parse wrote its result on failure", s);
	if (rc == 0) {
		if (got != want || got < 0 || got > NUMBER_MAX)
			die("count_parse gave the wrong value", s);
		snprintf(canon, sizeof canon, "%ld", got);
		if (strcmp(canon, s) != 0)
			die("count_parse accepted a non-canonical count", s);
	}

	got = want = poison;
	rc = duration_parse(s, &got);
	ok = ref_duration(s, &want);
	if (rc != 0 && rc != -1)
		die("duration_parse returned neither 0 nor -1", s);
	if ((rc == 0) != ok)
		die(ok ? "duration_parse refused a duration"
		       : "duration_parse accepted a non-duration",
		    s);
	if (rc != 0 && got != poison)
		die("duration_parse wrote its result on failure", s);
	if (rc == 0 && (got != want || got < 0 || got > NUMBER_MAX))
		die("duration_parse gave the wrong value", s);
	/* a count is always a duration of that many seconds */
	if (count_parse(s, &want) == 0 && (rc != 0 || got != want))
		die("a count does not read as the same duration", s);
}

/* duration_format of v into a buffer of `size` bytes, surrounded by
 * guard bytes; the text must read back as v when it fits. */
static void
check_format(long v, size_t size)
{
	char area[64 + 32], *buf = area + 16;
	long h = 0, m = 0, sec = 0, back;
	int n, used = 0;
	size_t len, i;

	if (size > 64)
		size = 64;
	memset(area, 'G', sizeof area);
	duration_format(v, buf, size);
	for (i = 0; i < 16; i++)
		if (area[i] != 'G' || buf[size + i] != 'G')
			die("duration_format wrote outside its buffer", NULL);
	if (size == 0)
		return;
	if (memchr(buf, '\0', size) == NULL)
		die("duration_format left no NUL", NULL);
	len = strlen(buf);
	if (len + 1 < size) {
		/* it surely fitted: parse it back */
		if (v < 0)
			v = 0;
		if (v >= 3600) {
			n = sscanf(buf, "%ld:%2ld:%2ld%n", &h, &m, &sec, &used);
			if (n != 3 || (size_t)used != len || m > 59 ||
			    sec > 59 || buf[len - 6] != ':' ||
			    buf[len - 3] != ':')
				die("duration_format H:MM:SS malformed", buf);
			back = h * 3600 + m * 60 + sec;
		} else {
			n = sscanf(buf, "%ld:%2ld%n", &m, &sec, &used);
			if (n != 2 || (size_t)used != len || sec > 59 ||
			    buf[len - 3] != ':')
				die("duration_format M:SS malformed", buf);
			back = m * 60 + sec;
		}
		if (back != v)
			die("duration_format does not read back", buf);
	}
}

static bool
same_entry(const struct history_entry *a, const struct history_entry *b)
{
	return a->start == b->start && a->utc_offset_s == b->utc_offset_s &&
	       strcmp(a->preset, b->preset) == 0 &&
	       a->planned_s == b->planned_s && a->active_s == b->active_s &&
	       a->steps_done == b->steps_done &&
	       a->steps_total == b->steps_total && a->done == b->done &&
	       a->pain_before == b->pain_before &&
	       a->pain_after == b->pain_after;
}

static bool
pain_ok(int pain)
{
	return pain == HISTORY_PAIN_NONE || (pain >= 0 && pain <= 10);
}

/* The local day by the other road: seconds of wall time, floored. */
static long
wall_day(const struct history_entry *h)
{
	long long wall = (long long)h->start + h->utc_offset_s;

	return (long)(wall >= 0 ? wall / 86400 : (wall - 86399) / 86400);
}

/* history_parse_n over a copy of exactly len bytes, so ASan catches a
 * read past them. */
static int
parse_exact(const char *s, size_t len, struct history_entry *h)
{
	char *copy = malloc(len ? len : 1);
	int rc;

	if (copy == NULL)
		return -2;
	memcpy(copy, s, len);
	rc = history_parse_n(copy, len, h);
	free(copy);
	return rc;
}

static void
check_history_line(const char *s)
{
	struct history_entry h, h2;
	char line[HISTORY_LINE_MAX], line2[HISTORY_LINE_MAX];
	size_t len = strlen(s), tabs = 0, i;
	int n, n2, rc, rc2;

	rc = history_parse(s, &h);
	rc2 = parse_exact(s, len > 0 && s[len - 1] == '\n' ? len - 1 : len, &h2);
	if (rc2 != -2 && rc2 != rc)
		die("history_parse_n and history_parse disagree", s);
	if (rc != 0)
		return;
	if (rc2 == 0 && !same_entry(&h, &h2))
		die("history_parse_n and history_parse read different entries",
		    s);
	if (!pain_ok(h.pain_before) || !pain_ok(h.pain_after))
		die("history_parse gave a check-in answer out of range", s);
	for (i = 0; i < len; i++)
		tabs += s[i] == '\t';
	if (tabs == 5 && (h.pain_before != HISTORY_PAIN_NONE ||
	                  h.pain_after != HISTORY_PAIN_NONE))
		die("a six-field line has check-in answers", s);
	if (tabs != 5 && tabs != 7)
		die("history_parse took a line of neither six nor eight fields",
		    s);
	if (h.local_day != wall_day(&h))
		die("history_parse's local day is not the written date", s);
	if (memchr(h.preset, '\0', sizeof h.preset) == NULL ||
	    h.preset[0] == '\0')
		die("history_parse left a bad preset id", s);
	if (h.planned_s < 0 || h.planned_s > NUMBER_MAX || h.active_s < 0 ||
	    h.active_s > NUMBER_MAX || h.steps_done < 0 ||
	    h.steps_done > h.steps_total || h.steps_total > NUMBER_MAX ||
	    h.utc_offset_s < -(14 * 3600 + 59 * 60) ||
	    h.utc_offset_s > 14 * 3600 + 59 * 60)
		die("history_parse gave values out of range", s);
	n = history_format(&h, line, sizeof line);
	if (n < 0)
		die("history_format refuses an entry history_parse accepted",
		    s);
	if ((size_t)n != strlen(line) || line[n - 1] != '\n')
		die("history_format's length or newline is wrong", line);
	if (history_parse(line, &h2) != 0)
		die("history_parse refuses what history_format wrote", line);
	if (!same_entry(&h, &h2))
		die("history line does not round-trip", line);
	n2 = history_format(&h2, line2, sizeof line2);
	if (n2 != n || strcmp(line, line2) != 0)
		die("history_format is not stable", line);
}

static uint64_t
take(const uint8_t **p, size_t *left, size_t bytes)
{
	uint64_t v = 0;

	while (bytes-- > 0 && *left > 0) {
		v = v << 8 | **p;
		(*p)++;
		(*left)--;
	}
	return v;
}

/* An entry made from the raw bytes.  start and the offset are kept in
 * the range the program can produce (time(NULL) and a real zone's
 * tm_gmtoff in whole minutes), so that only real problems are reported. */
static void
check_history_entry(const uint8_t *data, size_t size)
{
	struct history_entry h, back;
	char buf[HISTORY_LINE_MAX + 16];
	size_t bufsize, k;
	int n;

	memset(&h, 0, sizeof h);
	h.start = (time_t)(take(&data, &size, 6) % (2ULL << 38)) -
		  (time_t)(1ULL << 38);
	/* whole minutes: the line has no seconds of offset, so LMT-style
	 * offsets such as +00:19:32 would not round-trip (pre-1937 only) */
	h.utc_offset_s =
	    ((int)(take(&data, &size, 2) % (2 * 15 * 60 + 1)) - 15 * 60) * 60;
	h.planned_s = (long)(take(&data, &size, 3) % 10000100) - 50;
	h.active_s = (long)(take(&data, &size, 3) % 10000100) - 50;
	h.steps_done = (long)(take(&data, &size, 3) % 10000100) - 50;
	h.steps_total = (long)(take(&data, &size, 3) % 10000100) - 50;
	h.done = take(&data, &size, 1) & 1;
	/* -3..12: the answers, none, and a few out of range */
	h.pain_before = (int)(take(&data, &size, 1) % 16) - 3;
	h.pain_after = (int)(take(&data, &size, 1) % 16) - 3;
	bufsize = (size_t)take(&data, &size, 1) + 1;
	for (k = 0; k < sizeof h.preset && size > 0; k++) {
		h.preset[k] = (char)data[0];
		data++;
		size--;
	}
	n = history_format(&h, buf, bufsize);
	if (n < 0)
		return;
	if (!pain_ok(h.pain_before) || !pain_ok(h.pain_after))
		die("history_format wrote a check-in answer out of range", buf);
	if ((size_t)n >= bufsize || (size_t)n != strlen(buf))
		die("history_format's return disagrees with the buffer", buf);
	if (history_parse(buf, &back) != 0)
		die("history_parse refuses what history_format wrote", buf);
	if (!same_entry(&h, &back))
		die("formatted entry does not parse back the same", buf);
	if (back.local_day != wall_day(&back))
		die("the local day of a formatted entry is wrong", buf);
}

/* ---- history_read against a plain split ------------------------------- */

static char read_path[64]; /* the file history_read reads */
static int read_fd = -1;

struct read_log {
	struct history_entry e[64];
	size_t n;
};

static void
log_entry(const struct history_entry *h, void *ctx)
{
	struct read_log *log = ctx;

	if (log->n < sizeof log->e / sizeof log->e[0])
		log->e[log->n] = *h;
	log->n++;
}

/* history_scan's mark and known prefix (the stats cache): the mark ends
 * on a line, its hash and counts are those of its bytes, and scanning
 * again with it known gives the entries after it and the same skips. */
struct scan_log {
	struct read_log log;
	size_t mark_at; /* mark before the entry of this index */
};

static int
scan_entry(const struct history_entry *h, void *ctx)
{
	struct scan_log *l = ctx;

	log_entry(h, &l->log);
	return l->log.n - 1 == l->mark_at ? HISTORY_MARK : 0;
}

static void
check_history_scan(const uint8_t *data, size_t size,
                   const struct read_log *want,
                   const struct history_skips *ref)
{
	static struct scan_log got;
	struct history_scan sc = {.entry = scan_entry, .ctx = &got};
	struct history_prefix known;
	struct diag d;
	size_t i, lines = 0, before;

	got.log.n = 0;
	got.mark_at = size > 0 ? data[0] % 8 : 0;
	if (history_scan(read_path, &sc, &d) != 0)
		die("history_scan failed on a readable file", d.msg);
	known = sc.mark;
	if (known.bytes > size ||
	    (known.bytes > 0 && data[known.bytes - 1] != '\n'))
		die("the mark is not at the end of a line", NULL);
	for (i = 0; i < known.bytes; i++)
		lines += data[i] == '\n';
	if (known.lines != lines ||
	    known.hash != XXH3_64bits(data, (size_t)known.bytes))
		die("the mark's lines or hash are not its bytes'", NULL);
	if (known.skips.count > ref->count ||
	    (ref->count > 0 && known.skips.count == 0 && ref->lines[0] <= lines))
		die("the mark's skipped lines are not the file's", NULL);
	before = lines - known.skips.count; /* entries in the prefix */
	if (known.bytes == 0)
		return;
	got.log.n = 0;
	got.mark_at = SIZE_MAX;
	sc.known = &known;
	if (history_scan(read_path, &sc, &d) != 0 || !sc.known_ok)
		die("history_scan does not know its own mark", NULL);
	if (got.log.n + before != want->n || sc.skips.count != ref->count ||
	    memcmp(sc.skips.lines, ref->lines, sizeof ref->lines) != 0)
		die("the lines after a known prefix are not the file's", NULL);
	for (i = 0; i < got.log.n && before + i < sizeof want->e /
	                                              sizeof want->e[0] &&
	            i < sizeof got.log.e / sizeof got.log.e[0];
	     i++)
		if (!same_entry(&got.log.e[i], &want->e[before + i]))
			die("history_scan after a known prefix reads another "
			    "entry",
			    NULL);
}

/* history_tail: the last entries, latest first, and every line counted
 * (line: the split's count). */
static void
check_history_tail(size_t entries, size_t line, const struct read_log *want)
{
	struct history_entry last[3];
	struct diag d;
	size_t got, lines, i;

	if (history_tail(read_path, last, 3, &got, &lines, &d) != 0)
		die("history_tail failed on a readable file", d.msg);
	if (lines != line || got != (entries < 3 ? entries : 3))
		die("history_tail counts differently from the split", NULL);
	for (i = 0; i < got; i++)
		if (entries - 1 - i < sizeof want->e / sizeof want->e[0] &&
		    !same_entry(&last[i], &want->e[entries - 1 - i]))
			die("history_tail reads another entry", NULL);
}

static void
check_history_read(const uint8_t *data, size_t size)
{
	static struct read_log got, want;
	struct history_skips skips, ref;
	struct history_entry h;
	struct diag d;
	size_t start = 0, i, line = 0;

	if (read_fd < 0 || size > 1 << 18)
		return;
	if (ftruncate(read_fd, 0) != 0 ||
	    pwrite(read_fd, data, size, 0) != (ssize_t)size)
		return;
	got.n = 0;
	if (history_read(read_path, log_entry, &got, &skips, &d) != 0)
		die("history_read failed on a readable file", d.msg);
	memset(&ref, 0, sizeof ref);
	want.n = 0;
	for (i = 0; i <= size; i++) {
		if (i < size && data[i] != '\n')
			continue;
		if (i == size && start == size)
			break;
		line++;
		/* a last line without its newline counts as cut short */
		if (i < size &&
		    history_parse_n((const char *)data + start, i - start,
		                    &h) == 0) {
			log_entry(&h, &want);
		} else {
			if (ref.count < HISTORY_SKIPS_KEPT)
				ref.lines[ref.count] = line;
			ref.count++;
		}
		start = i + 1;
	}
	if (got.n != want.n || skips.count != ref.count)
		die("history_read and the split count differently", NULL);
	for (i = 0; i < ref.count && i < HISTORY_SKIPS_KEPT; i++)
		if (skips.lines[i] != ref.lines[i])
			die("history_read names other skipped lines", NULL);
	for (i = 0; i < got.n && i < sizeof got.e / sizeof got.e[0]; i++)
		if (!same_entry(&got.e[i], &want.e[i]) ||
		    got.e[i].local_day != want.e[i].local_day)
			die("history_read reads another entry", NULL);
	check_history_scan(data, size, &want, &ref);
	check_history_tail(want.n, line, &want);
}

static void
check_remind_file(const uint8_t *data, size_t size)
{
	char *exact = malloc(size > 0 ? size : 1), out[REMIND_FILE_MAX + 1];
	struct remind_file f;
	int n;

	if (exact == NULL)
		return;
	memcpy(exact, data, size);
	if (remind_file_parse(exact, size, &f) == 0) {
		if (f.pid < 1 || f.preset[0] == '\0' ||
		    memchr(f.preset, '\0', sizeof f.preset) == NULL)
			die("remind_file_parse left a bad field", NULL);
		n = remind_file_format(&f, out, sizeof out);
		if (n < 0)
			die("remind_file_format refuses what "
			    "remind_file_parse accepted",
			    NULL);
		if ((size_t)n != size || memcmp(out, exact, size) != 0)
			die("a state file does not format back the same", out);
	}
	free(exact);
}

static bool
same_state(const struct remind_file *a, const struct remind_file *b)
{
	return a->pid == b->pid && a->state == b->state &&
	       a->due_ms == b->due_ms && a->left_s == b->left_s &&
	       a->speed_milli == b->speed_milli &&
	       strcmp(a->preset, b->preset) == 0;
}

/* A state built from the raw bytes: formatted, it must parse back. */
static void
check_remind_entry(const uint8_t *data, size_t size)
{
	struct remind_file f, back;
	char out[REMIND_FILE_MAX + 1];
	size_t k;
	int n;

	memset(&f, 0, sizeof f);
	f.pid = (long)(take(&data, &size, 4) % 2147483700ULL) - 20;
	f.state = (enum remind_file_state)(take(&data, &size, 1) % 6);
	f.due_ms = (long long)(take(&data, &size, 6) % 100000000000100ULL) - 50;
	f.left_s = (long)(take(&data, &size, 4) % 100000100ULL) - 50;
	f.speed_milli = (long)(take(&data, &size, 3) % 1000100) - 50;
	for (k = 0; k + 1 < sizeof f.preset && size > 0; k++) {
		f.preset[k] = (char)data[0];
		data++;
		size--;
	}
	n = remind_file_format(&f, out, sizeof out);
	if (n < 0)
		return;
	if (remind_file_parse(out, (size_t)n, &back) != 0)
		die("remind_file_parse refuses what remind_file_format wrote",
		    out);
	if (!same_state(&f, &back))
		die("a formatted state does not parse back the same", out);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	snprintf(read_path, sizeof read_path, "%s/fuzz-history-XXXXXX",
	         tmp != NULL && tmp[0] != '\0' && strlen(tmp) < 40 ? tmp
	                                                           : "/tmp");
	read_fd = mkstemp(read_path);
	if (read_fd >= 0) {
		/* gone when the fuzzer ends; read through the descriptor */
		unlink(read_path);
		snprintf(read_path, sizeof read_path, "/proc/self/fd/%d",
		         read_fd);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	long v;
	size_t i;

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	check_numbers(s);
	if (duration_parse(s, &v) == 0)
		for (i = 0; i < 16; i++)
			check_format(v, i);
	/* raw values too, negative and huge */
	if (size >= 8) {
		int64_t raw;

		memcpy(&raw, data, sizeof raw);
		check_format((long)raw, 64);
		check_format((long)raw, (size_t)data[size - 1] % 20);
	}
	check_history_line(s);
	/* each line of a multi-line input too, as history_read sees them */
	if (memchr(s, '\n', size) != NULL) {
		char *line = s, *nl;

		while ((nl = strchr(line, '\n')) != NULL) {
			char saved = nl[1];

			nl[1] = '\0';
			check_history_line(line);
			nl[1] = saved;
			line = nl + 1;
		}
	}
	check_history_entry(data, size);
	check_history_read(data, size);
	check_remind_file(data, size);
	check_remind_entry(data, size);
	free(s);
	return 0;
}
