/* history: the append-only run log. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xxh.h"

#include "civil.h"
#include "paths.h"

void
history_entry_init(struct history_entry *h)
{
	memset(h, 0, sizeof *h);
	h->pain_before = HISTORY_PAIN_NONE;
	h->pain_after = HISTORY_PAIN_NONE;
}

/* The bytes of a preset id: a-z, 0-9 and '-' (a table, as reading a
 * long history looks at every byte of every id). */
static const bool id_bytes[256] = {
	['-'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['a'] = 1,
	['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1,
	['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1,
	['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1,
	['z'] = 1,
};

static inline bool
id_char(char c)
{
	return id_bytes[(unsigned char)c];
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

static inline bool
digit(char c)
{
	return (unsigned char)(c - '0') <= 9;
}

/* Reads exactly two digits at s. */
static inline int
two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

enum { TIME_LEN = 25 }; /* YYYY-MM-DDTHH:MM:SS+HH:MM */

/* The 8 bytes at s, the first in the lowest bits (on any byte order). */
static inline uint64_t
load8(const char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/* Whether the 8 bytes w have a digit wherever digits has 0xf0 and the
 * byte of seps wherever seps_mask has 0xff.  A digit is 0x30-0x3f whose
 * byte plus 6 is still 0x3f or less; once every digit byte is 0x3_, the
 * additions carry into no other byte. */
static inline bool
layout8(uint64_t w, uint64_t digits, uint64_t seps_mask, uint64_t seps)
{
	uint64_t zeroes = digits & 0x3030303030303030u;

	return (w & (digits | seps_mask)) == (zeroes | seps) &&
	       ((w + (zeroes >> 3 & 0x0606060606060606u)) & digits) == zeroes;
}

/* The last date parsed and its day: a history has a few lines a day, so
 * most lines skip the calendar. */
struct date_cache {
	char date[10]; /* YYYY-MM-DD, or zeroes */
	long day;
};

/* The TIME_LEN bytes at s (the caller checked there are that many).
 * sscanf's %d would also take signs and spaces, so every byte is
 * checked, eight at a time: this was most of the time of reading a
 * 100,000-line history. */
static int
parse_time(const char *s, struct history_entry *h, struct date_cache *c)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	int y, mo, d, hh, mi, ss, oh, om;

	/* "YYYY-MM-", "DDTHH:MM", ":SS+HH:M", "M" */
	if (!layout8(load8(s), 0x00f0f000f0f0f0f0u, 0xff0000ff00000000u,
	             0x2d00002d00000000u) ||
	    !layout8(load8(s + 8), 0xf0f000f0f000f0f0u, 0x0000ff0000ff0000u,
	             0x00003a0000540000u) ||
	    !layout8(load8(s + 16), 0xf000f0f000f0f000u, 0x00ff0000000000ffu,
	             0x003a00000000003au) ||
	    (s[19] != '+' && s[19] != '-') || !digit(s[24]))
		return -1;
	hh = two_digits(s + 11);
	mi = two_digits(s + 14);
	ss = two_digits(s + 17);
	if (hh > 23 || mi > 59 || ss > 59)
		return -1;
	/* computed every time: a cache of the last one mispredicts at each
	 * change of zone, and costs more than it saves */
	oh = two_digits(s + 20);
	om = two_digits(s + 23);
	if (oh > 14 || om > 59)
		return -1;
	h->utc_offset_s = (1 - 2 * (s[19] == '-')) * (oh * 3600 + om * 60);
	if (c != NULL && memcmp(s, c->date, sizeof c->date) == 0) {
		h->local_day = c->day;
	} else {
		y = two_digits(s) * 100 + two_digits(s + 2);
		mo = two_digits(s + 5);
		d = two_digits(s + 8);
		if (y < 1970 || mo < 1 || mo > 12 || d < 1 ||
		    d > days[mo - 1] + (mo == 2 && leap_year(y)))
			return -1;
		/* the date as written is the run's day; the instant follows
		 * from it without timegm(), which costs more than a line */
		h->local_day = civil_days(y, mo, d);
		if (c != NULL) {
			memcpy(c->date, s, sizeof c->date);
			c->day = h->local_day;
		}
	}
	h->start = (time_t)h->local_day * 86400 + hh * 3600 + mi * 60 + ss -
	           h->utc_offset_s;
	return 0;
}

/* The parser reads lines in place, in a buffer that has at least SLACK
 * readable bytes after the data: every check stops at a byte that
 * cannot be part of a line ('\n' ends one, the slack is NULs), so a line
 * needs no length of its own and no search for its end before it is
 * read.  (The 25-byte time is read whole, perhaps into the next line or
 * the slack, before it is checked.) */
enum { SLACK = 32 };

/* A count as count_parse() takes it (0-9999999, no sign, no leading
 * zero), then the byte sep.  Returns what follows, or NULL. */
static inline const char *
count_at(const char *p, char sep, long *v)
{
	const char *start = p;
	unsigned long n = (unsigned char)*p - '0'; /* wraps on a long run */

	if (!digit(*p++))
		return NULL;
	if (n != 0) /* after a 0 comes the separator */
		while (digit(*p))
			n = n * 10 + (unsigned long)(*p++ - '0');
	if (*p != sep || p - start > 7)
		return NULL;
	*v = (long)n;
	return p + 1;
}

/* A check-in answer: "-" or 0-10.  Returns what follows, or NULL. */
static inline const char *
pain_at(const char *p, int *v)
{
	if (*p == '-') {
		*v = HISTORY_PAIN_NONE;
		return p + 1;
	}
	if (!digit(*p))
		return NULL;
	*v = *p++ - '0';
	if (*v == 1 && *p == '0') {
		*v = 10;
		p++;
	}
	return p;
}

/* The line at s (see SLACK); c may be NULL.  Returns its '\n', or NULL
 * when it is malformed.  Writes into h as it goes. */
static const char *
parse_at(const char *s, struct history_entry *h, struct date_cache *c)
{
	const char *p = s + TIME_LEN + 1, *id = p;
	size_t len;

	if (s[TIME_LEN] != '\t' || parse_time(s, h, c) != 0)
		return NULL;
	while (id_char(*p))
		p++;
	len = (size_t)(p - id);
	if (len == 0 || len >= sizeof h->preset || *p++ != '\t')
		return NULL;
	/* most ids are short: one fixed-size copy (the slack covers it) */
	if (len <= 16) /* a constant size: no call */
		memcpy(h->preset, id, 16);
	else
		memcpy(h->preset, id, len);
	h->preset[len] = '\0';
	if ((p = count_at(p, '\t', &h->planned_s)) == NULL ||
	    (p = count_at(p, '\t', &h->active_s)) == NULL ||
	    (p = count_at(p, '/', &h->steps_done)) == NULL ||
	    (p = count_at(p, '\t', &h->steps_total)) == NULL ||
	    h->steps_done > h->steps_total)
		return NULL;
	if (memcmp(p, "done", 4) == 0)
		h->done = true;
	else if (memcmp(p, "quit", 4) == 0)
		h->done = false;
	else
		return NULL;
	p += 4;
	h->pain_before = h->pain_after = HISTORY_PAIN_NONE;
	if (*p == '\n') /* six fields: a line from before the check-in */
		return p;
	/* or eight */
	if (*p++ != '\t' || (p = pain_at(p, &h->pain_before)) == NULL ||
	    *p++ != '\t' || (p = pain_at(p, &h->pain_after)) == NULL)
		return NULL;
	return *p == '\n' ? p : NULL;
}

int
history_parse_n(const char *s, size_t n, struct history_entry *h)
{
	char buf[HISTORY_LINE_MAX + SLACK];

	/* every line we write is far shorter: longer ones are not ours */
	if (n >= HISTORY_LINE_MAX)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\n';
	memset(buf + n + 1, 0, SLACK);
	return parse_at(buf, h, NULL) == buf + n ? 0 : -1;
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
	char buf[HISTORY_LINE_MAX + 1], *line = buf + 1;
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
	if (paths_mkdirs_for(path, d) != 0)
		return -1;
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

/* The reading of history_scan: a block of the file in buf, where it
 * begins in the file, and the hash of the bytes before the mark. */
struct scan_state {
	struct history_scan *sc;
	int fd;
	char *buf;
	uint64_t buf_off;  /* the file offset of buf[0] */
	size_t line;       /* lines read so far */
	XXH3_state_t *hash;
	bool hashing;       /* false once the mark is set */
	const char *hashed; /* bytes of buf before this are in the hash */
	struct date_cache dates;
};

static void
hash_upto(struct scan_state *st, const char *p)
{
	if (st->hashing && p > st->hashed)
		XXH3_64bits_update(st->hash, st->hashed, (size_t)(p - st->hashed));
	st->hashed = p;
}

/* The prefix ends before the byte at p, after st->line lines. */
static void
set_mark(struct scan_state *st, const char *p)
{
	struct history_prefix *m = &st->sc->mark;

	hash_upto(st, p);
	m->bytes = st->buf_off + (uint64_t)(p - st->buf);
	m->hash = XXH3_64bits_digest(st->hash);
	m->lines = st->line;
	m->skips = st->sc->skips;
	st->hashing = false;
}

static int
read_some(struct scan_state *st, char *to, size_t want, ssize_t *got,
          struct diag *d, const char *path)
{
	do {
		*got = read(st->fd, to, want);
	} while (*got < 0 && errno == EINTR);
	if (*got < 0) {
		diag_set(d, path, (int)st->line + 1, 0, "cannot read: %s",
		         strerror(errno));
		return -1;
	}
	return 0;
}

/* Hashes the known prefix; whether the file begins with it.  If not, the
 * file is back at its start.  The prefix is mapped, not read: hashing the
 * page cache in place saves copying megabytes (a third of the time of
 * `stats` over a long history, once its old lines are summed). */
static int
skip_known(struct scan_state *st, const struct history_prefix *k, bool *ok,
           struct diag *d, const char *path)
{
	struct stat sb;
	void *map;

	*ok = false;
	if (fstat(st->fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (uint64_t)sb.st_size >= k->bytes && k->bytes <= SIZE_MAX) {
		map = mmap(NULL, (size_t)k->bytes, PROT_READ,
		           MAP_PRIVATE | MAP_POPULATE, st->fd, 0);
		if (map != MAP_FAILED) {
			/* the mark's hash goes on from this state */
			XXH3_64bits_update(st->hash, map, (size_t)k->bytes);
			*ok = XXH3_64bits_digest(st->hash) == k->hash;
			munmap(map, (size_t)k->bytes);
		}
	}
	if (*ok) {
		st->buf_off = k->bytes;
		st->line = k->lines;
		st->sc->skips = k->skips;
	} else {
		XXH3_64bits_reset(st->hash);
	}
	if (lseek(st->fd, *ok ? (off_t)k->bytes : 0, SEEK_SET) < 0) {
		diag_set(d, path, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* The lines of the block from p to end; a line that may go on in the
 * next block waits for it.  Returns where the unread bytes begin. */
static char *
scan_block(struct scan_state *st, char *p, char *end, bool eof)
{
	struct history_scan *sc = st->sc;
	struct history_entry h;
	char *nl;

	while (p < end && (eof || end - p >= HISTORY_LINE_MAX)) {
		nl = (char *)parse_at(p, &h, &st->dates);
		if (nl != NULL) {
			st->line++;
			if (sc->entry(&h, sc->ctx) == HISTORY_MARK &&
			    st->hashing) {
				st->line--; /* the mark is before this line */
				set_mark(st, p);
				st->line++;
			}
			p = nl + 1;
			continue;
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		skip_line(&sc->skips, ++st->line);
		p = nl + 1;
	}
	return p;
}

int
history_scan(const char *path, struct history_scan *sc, struct diag *d)
{
	/* read in large blocks and parsed in place, rather than with
	 * getline(), which costs a locked stdio call and a copy per line */
	enum { BLOCK = 1 << 16 };
	struct scan_state st = {.sc = sc, .hashing = true};
	char *p, *end, *nl;
	size_t have = 0;
	bool eof = false, overlong = false;
	ssize_t got;
	int rc = 0;

	memset(&sc->skips, 0, sizeof sc->skips);
	memset(&sc->mark, 0, sizeof sc->mark);
	sc->known_ok = false;
	st.fd = open(path, O_RDONLY | O_CLOEXEC);
	if (st.fd < 0) {
		if (errno == ENOENT)
			return 0;
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	st.buf = malloc(BLOCK + SLACK);
	st.hash = XXH3_createState();
	if (st.buf == NULL || st.hash == NULL ||
	    XXH3_64bits_reset(st.hash) != XXH_OK) {
		diag_set(d, path, 0, 0, "out of memory");
		rc = -1;
		goto out;
	}
	if (sc->known != NULL && sc->known->bytes > 0 &&
	    skip_known(&st, sc->known, &sc->known_ok, d, path) != 0) {
		rc = -1;
		goto out;
	}
	while (!eof) {
		if (read_some(&st, st.buf + have, BLOCK - have, &got, d,
		              path) != 0) {
			rc = -1;
			break;
		}
		eof = got == 0;
		have += (size_t)got;
		end = st.buf + have;
		memset(end, 0, SLACK);
		p = st.buf;
		st.hashed = st.buf;
		if (overlong) { /* the rest of a line too long to hold */
			nl = memchr(p, '\n', have);
			if (nl == NULL) {
				hash_upto(&st, end);
				st.buf_off += have;
				have = 0;
				continue;
			}
			skip_line(&sc->skips, ++st.line);
			overlong = false;
			p = nl + 1;
		}
		p = scan_block(&st, p, end, eof);
		hash_upto(&st, p);
		st.buf_off += (uint64_t)(p - st.buf);
		have = (size_t)(end - p);
		if (have == BLOCK) {
			/* far longer than any line we write: skip to its end */
			hash_upto(&st, end);
			st.buf_off += have;
			overlong = true;
			have = 0;
		} else {
			memmove(st.buf, p, have);
		}
	}
	/* every whole line makes the prefix when none was marked (a line
	 * too long to hold, cut short at the end, makes none) */
	if (rc == 0 && st.hashing && !overlong)
		set_mark(&st, st.buf);
	/* a last line without its newline was cut short by a crash */
	if (rc == 0 && (have > 0 || overlong))
		skip_line(&sc->skips, st.line + 1);
out:
	XXH3_freeState(st.hash);
	free(st.buf);
	close(st.fd);
	return rc;
}

int
history_tail(const char *path, struct history_entry *last, size_t n,
             size_t *got, size_t *lines, struct diag *d)
{
	struct stat sb;
	const char *map, *p, *end, *start;
	int fd;

	*got = *lines = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (uint64_t)sb.st_size > SIZE_MAX) {
		diag_set(d, path, 0, 0, "cannot read: not a regular file");
		close(fd);
		return -1;
	}
	if (sb.st_size == 0) {
		close(fd);
		return 0;
	}
	map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		diag_set(d, path, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	end = map + sb.st_size;
	for (p = map; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		(*lines)++;
	/* a last line without its newline was cut short: not an entry */
	if (end[-1] != '\n') {
		(*lines)++;
		p = memrchr(map, '\n', (size_t)(end - map));
		end = p == NULL ? map : p + 1;
	}
	/* back from the end, a line at a time: end is after a newline */
	while (*got < n && end > map) {
		p = end - 1; /* its newline */
		start = memrchr(map, '\n', (size_t)(p - map));
		start = start == NULL ? map : start + 1;
		if (history_parse_n(start, (size_t)(p - start), &last[*got]) == 0)
			(*got)++;
		end = start;
	}
	munmap((void *)map, (size_t)sb.st_size);
	return 0;
}

/* history_read's callback, in history_scan's. */
struct read_adapter {
	void (*fn)(const struct history_entry *h, void *ctx);
	void *ctx;
};

static int
read_entry(const struct history_entry *h, void *ctx)
{
	struct read_adapter *a = ctx;

	a->fn(h, a->ctx);
	return 0;
}

int
history_read(const char *path,
             void (*fn)(const struct history_entry *h, void *ctx), void *ctx,
             struct history_skips *skips, struct diag *d)
{
	struct read_adapter a = {fn, ctx};
	struct history_scan sc = {.entry = read_entry, .ctx = &a};
	int rc = history_scan(path, &sc, d);

	*skips = sc.skips;
	return rc;
}
