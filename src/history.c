/* history: the append-only run log. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "civil.h"
#include "paths.h"

void
history_entry_init(struct history_entry *h)
{
	memset(h, 0, sizeof *h);
	h->pain_before = HISTORY_PAIN_NONE;
	h->pain_after = HISTORY_PAIN_NONE;
}

static bool
id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static bool
pain_ok(int pain)
{
	return pain == HISTORY_PAIN_NONE || (pain >= 0 && pain <= HISTORY_PAIN_MAX);
}

/* "-" or the number, into buf of at least 3 bytes. */
static const char *
pain_text(int pain, char *buf)
{
	if (pain == HISTORY_PAIN_NONE)
		return "-";
	snprintf(buf, 3, "%d", pain);
	return buf;
}

int
history_format(const struct history_entry *h, char *buf, size_t size)
{
	struct tm tm;
	/* the line has room for whole minutes of offset only (zones with
	 * seconds in theirs are older than 1937), so both parts use them */
	int minutes = h->utc_offset_s / 60 * 60;
	time_t local = h->start + minutes;
	int off = minutes < 0 ? -minutes : minutes;
	size_t len = strnlen(h->preset, sizeof h->preset), i;
	char before[3], after[3];
	int n;

	/* never write a line that history_parse() would refuse: a tab or
	 * newline in the id would break the file's columns */
	for (i = 0; i < len; i++)
		if (!id_char(h->preset[i]))
			return -1;
	if (len == 0 || len == sizeof h->preset || h->planned_s < 0 ||
	    h->planned_s > 9999999 || h->active_s < 0 ||
	    h->active_s > 9999999 || h->steps_done < 0 ||
	    h->steps_total > 9999999 || h->steps_done > h->steps_total ||
	    off > 14 * 3600 + 59 * 60 || !pain_ok(h->pain_before) ||
	    !pain_ok(h->pain_after))
		return -1;
	/* the wall time is start shifted by the offset, written as UTC */
	if (gmtime_r(&local, &tm) == NULL || tm.tm_year + 1900 < 1970 ||
	    tm.tm_year + 1900 > 9999)
		return -1;
	n = snprintf(buf, size,
	             "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d\t%s\t%ld\t%ld\t"
	             "%ld/%ld\t%s\t%s\t%s\n",
	             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	             tm.tm_min, tm.tm_sec, minutes < 0 ? '-' : '+',
	             off / 3600, off / 60 % 60, h->preset, h->planned_s,
	             h->active_s, h->steps_done, h->steps_total,
	             h->done ? "done" : "quit", pain_text(h->pain_before, before),
	             pain_text(h->pain_after, after));
	return n > 0 && (size_t)n < size ? n : -1;
}

static bool
leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Reads exactly two digits at s. */
static int
two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

enum { TIME_LEN = 25 }; /* YYYY-MM-DDTHH:MM:SS+HH:MM */

/* The TIME_LEN bytes at s (the caller checked there are that many). */
static int
parse_time(const char *s, struct history_entry *h)
{
	/* sscanf's %d would also take signs and spaces, so the layout
	 * is checked character by character */
	static const char layout[] = "dddd-dd-ddTdd:dd:dd+dd:dd";
	static const int days[] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	int y, mo, d, hh, mi, ss, oh, om;
	size_t i;

	for (i = 0; i < TIME_LEN; i++) {
		if (layout[i] == 'd' ? s[i] < '0' || s[i] > '9'
		    : layout[i] == '+' ? s[i] != '+' && s[i] != '-'
		                       : s[i] != layout[i])
			return -1;
	}
	y = two_digits(s) * 100 + two_digits(s + 2);
	mo = two_digits(s + 5);
	d = two_digits(s + 8);
	hh = two_digits(s + 11);
	mi = two_digits(s + 14);
	ss = two_digits(s + 17);
	oh = two_digits(s + 20);
	om = two_digits(s + 23);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 ||
	    d > days[mo - 1] + (mo == 2 && leap_year(y)) || hh > 23 ||
	    mi > 59 || ss > 59 || oh > 14 || om > 59)
		return -1;
	/* the date as written is the run's day; the instant follows from
	 * it without timegm() (a third of the time of reading a line) */
	h->local_day = civil_days(y, mo, d);
	h->utc_offset_s = (s[19] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	h->start = (time_t)h->local_day * 86400 + hh * 3600 + mi * 60 + ss -
	           h->utc_offset_s;
	return 0;
}

/* A count as count_parse() takes it (0-9999999, no sign, no leading
 * zero), then the byte stop (or the end when stop is '\0').  Returns what
 * follows, or NULL. */
static const char *
number(const char *p, const char *end, char stop, long *v)
{
	const char *start = p;
	long n = 0;

	while (p < end && *p >= '0' && *p <= '9' && p - start < 8)
		n = n * 10 + (*p++ - '0');
	if (p == start || (*start == '0' && p - start > 1) || n > 9999999)
		return NULL;
	if (stop == '\0' ? p != end : p == end || *p != stop)
		return NULL;
	*v = n;
	return stop == '\0' ? p : p + 1;
}

/* A check-in answer: "-" or 0-10, then stop as in number(). */
static const char *
pain(const char *p, const char *end, char stop, int *v)
{
	long n;

	if (p < end && *p == '-') {
		p++;
		if (stop == '\0' ? p != end : p == end || *p != stop)
			return NULL;
		*v = HISTORY_PAIN_NONE;
		return stop == '\0' ? p : p + 1;
	}
	p = number(p, end, stop, &n);
	if (p == NULL || n > HISTORY_PAIN_MAX)
		return NULL;
	*v = (int)n;
	return p;
}

int
history_parse_n(const char *s, size_t n, struct history_entry *h)
{
	const char *end = s + n, *p, *id;
	struct history_entry e;

	if (n >= HISTORY_LINE_MAX || n < TIME_LEN + 1 || s[TIME_LEN] != '\t')
		return -1;
	history_entry_init(&e);
	if (parse_time(s, &e) != 0)
		return -1;
	for (p = id = s + TIME_LEN + 1; p < end && id_char(*p); p++)
		;
	if (p == id || (size_t)(p - id) >= sizeof e.preset || p == end ||
	    *p++ != '\t')
		return -1;
	memcpy(e.preset, id, (size_t)(p - 1 - id));
	if ((p = number(p, end, '\t', &e.planned_s)) == NULL ||
	    (p = number(p, end, '\t', &e.active_s)) == NULL ||
	    (p = number(p, end, '/', &e.steps_done)) == NULL ||
	    (p = number(p, end, '\t', &e.steps_total)) == NULL ||
	    e.steps_done > e.steps_total || end - p < 4)
		return -1;
	if (memcmp(p, "done", 4) == 0)
		e.done = true;
	else if (memcmp(p, "quit", 4) != 0)
		return -1;
	p += 4;
	/* six fields (lines from before the check-in) or eight */
	if (p != end && (*p++ != '\t' ||
	                 (p = pain(p, end, '\t', &e.pain_before)) == NULL ||
	                 pain(p, end, '\0', &e.pain_after) == NULL))
		return -1;
	*h = e;
	return 0;
}

int
history_parse(const char *line, struct history_entry *h)
{
	size_t n = strlen(line);

	if (n > 0 && line[n - 1] == '\n')
		n--;
	return history_parse_n(line, n, h);
}

int
history_path(char *buf, size_t size)
{
	return paths_state("history.tsv", buf, size);
}

int
history_append(const char *path, const struct history_entry *h,
               struct diag *d)
{
	char buf[HISTORY_LINE_MAX + 1], *line = buf + 1, dir[4096], *slash;
	int fd, n, saved;
	ssize_t wrote;
	struct stat st;
	char last;

	buf[0] = '\n';
	n = history_format(h, line, sizeof buf - 1);
	if (n < 0) {
		diag_set(d, path, 0, 0, "cannot format the history line");
		return -1;
	}
	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash != NULL && slash != dir) {
		*slash = '\0';
		if (paths_mkdirs(dir) != 0) {
			diag_set(d, dir, 0, 0, "cannot create directory: %s",
			         strerror(errno));
			return -1;
		}
	}
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	/* A crash may have cut the last line short: start on a line of our
	 * own, or ours would be glued to it and both be lost.  The lock keeps
	 * other backease processes from appending between the look and the
	 * write (a line they are writing can show a size that ends mid-line);
	 * where locks are not supported, we go on without. */
	(void)flock(fd, LOCK_EX);
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') {
		line = buf;
		n++;
	}
	/* one write of the whole line: O_APPEND makes it atomic against
	 * other writers, so lines never interleave */
	do {
		wrote = write(fd, line, (size_t)n);
	} while (wrote < 0 && errno == EINTR);
	if (wrote != n || fsync(fd) != 0) {
		saved = wrote < 0 || wrote == n ? errno : ENOSPC;
		/* a short write leaves a partial line; cut it off again so
		 * the file ends on a whole line */
		if (wrote > 0 && wrote < n) {
			off_t end = lseek(fd, 0, SEEK_END);

			if (end >= wrote)
				(void)!ftruncate(fd, end - wrote);
		}
		close(fd);
		diag_set(d, path, 0, 0, "cannot write: %s", strerror(saved));
		return -1;
	}
	if (close(fd) != 0) {
		diag_set(d, path, 0, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static void
skip_line(struct history_skips *skips, size_t line)
{
	if (skips->count < HISTORY_SKIPS_KEPT)
		skips->lines[skips->count] = line;
	skips->count++;
}

int
history_read(const char *path,
             void (*fn)(const struct history_entry *h, void *ctx), void *ctx,
             struct history_skips *skips, struct diag *d)
{
	/* lines are found in large blocks rather than with getline(), which
	 * costs a locked stdio call per line over a 100,000-line history */
	enum { BLOCK = 1 << 16 };
	char *buf, *start, *end, *nl;
	size_t have = 0, line = 0;
	bool overlong = false;
	struct history_entry h;
	ssize_t got;
	int fd, rc = 0;

	memset(skips, 0, sizeof *skips);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	buf = malloc(BLOCK);
	if (buf == NULL) {
		close(fd);
		diag_set(d, path, 0, 0, "out of memory");
		return -1;
	}
	for (;;) {
		got = read(fd, buf + have, BLOCK - have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			diag_set(d, path, (int)line + 1, 0, "cannot read: %s",
			         strerror(errno));
			rc = -1;
			break;
		}
		if (got == 0)
			break;
		start = buf;
		end = buf + have + (size_t)got;
		while ((nl = memchr(start, '\n', (size_t)(end - start))) !=
		       NULL) {
			line++;
			if (overlong ||
			    history_parse_n(start, (size_t)(nl - start), &h) != 0)
				skip_line(skips, line);
			else
				fn(&h, ctx);
			overlong = false;
			start = nl + 1;
		}
		have = (size_t)(end - start);
		if (have == BLOCK) {
			/* far longer than any line we write: skip to its end */
			overlong = true;
			have = 0;
		} else {
			memmove(buf, start, have);
		}
	}
	/* a last line without its newline was cut short by a crash */
	if (rc == 0 && (have > 0 || overlong))
		skip_line(skips, line + 1);
	free(buf);
	close(fd);
	return rc;
}
