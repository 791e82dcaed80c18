/* history: the append-only run log. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "duration.h"
#include "paths.h"

int
history_format(const struct history_entry *h, char *buf, size_t size)
{
	struct tm tm;
	/* the line has room for whole minutes of offset only (zones with
	 * seconds in theirs are older than 1937), so both parts use them */
	int minutes = h->utc_offset_s / 60 * 60;
	time_t local = h->start + minutes;
	int off = minutes < 0 ? -minutes : minutes;
	size_t len = strnlen(h->preset, sizeof h->preset);
	int n;

	/* never write a line that history_parse() would refuse: a tab or
	 * newline in the id would break the file's columns */
	if (len == 0 || len == sizeof h->preset ||
	    strspn(h->preset, "abcdefghijklmnopqrstuvwxyz0123456789-") != len ||
	    h->planned_s < 0 || h->planned_s > 9999999 || h->active_s < 0 ||
	    h->active_s > 9999999 || h->steps_done < 0 ||
	    h->steps_total > 9999999 || h->steps_done > h->steps_total ||
	    off > 14 * 3600 + 59 * 60)
		return -1;
	/* the wall time is start shifted by the offset, written as UTC */
	if (gmtime_r(&local, &tm) == NULL || tm.tm_year + 1900 < 1970 ||
	    tm.tm_year + 1900 > 9999)
		return -1;
	n = snprintf(buf, size,
	             "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d\t%s\t%ld\t%ld\t"
	             "%ld/%ld\t%s\n",
	             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	             tm.tm_min, tm.tm_sec, minutes < 0 ? '-' : '+',
	             off / 3600, off / 60 % 60, h->preset, h->planned_s,
	             h->active_s, h->steps_done, h->steps_total,
	             h->done ? "done" : "quit");
	return n > 0 && (size_t)n < size ? n : -1;
}

/* Splits at the next tab; NULL when there is none. */
static char *
field(char **rest)
{
	char *start = *rest, *tab;

	if (start == NULL)
		return NULL;
	tab = strchr(start, '\t');
	if (tab != NULL) {
		*tab = '\0';
		*rest = tab + 1;
	} else {
		*rest = NULL;
	}
	return start;
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

static int
parse_time(const char *s, struct history_entry *h)
{
	/* sscanf's %d would also take signs and spaces, so the layout
	 * YYYY-MM-DDTHH:MM:SS+HH:MM is checked character by character */
	static const char layout[] = "dddd-dd-ddTdd:dd:dd+dd:dd";
	static const int days[] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	int y, mo, d, hh, mi, ss, oh, om;
	struct tm tm;
	size_t i;

	if (strlen(s) != sizeof layout - 1)
		return -1;
	for (i = 0; layout[i] != '\0'; i++) {
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
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mi;
	tm.tm_sec = ss;
	h->utc_offset_s = (s[19] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	h->start = timegm(&tm) - h->utc_offset_s;
	return 0;
}

int
history_parse(const char *line, struct history_entry *h)
{
	char buf[HISTORY_LINE_MAX], *rest = buf, *f[6], *slash;
	size_t n = strlen(line), i;

	if (n > 0 && line[n - 1] == '\n')
		n--;
	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, line, n);
	buf[n] = '\0';
	for (i = 0; i < 6; i++)
		if ((f[i] = field(&rest)) == NULL)
			return -1;
	if (rest != NULL) /* a seventh field */
		return -1;
	memset(h, 0, sizeof *h);
	if (parse_time(f[0], h) != 0)
		return -1;
	if (f[1][0] == '\0' || strlen(f[1]) >= sizeof h->preset ||
	    strspn(f[1], "abcdefghijklmnopqrstuvwxyz0123456789-") !=
	        strlen(f[1]))
		return -1;
	strcpy(h->preset, f[1]);
	if (count_parse(f[2], &h->planned_s) || count_parse(f[3], &h->active_s))
		return -1;
	slash = strchr(f[4], '/');
	if (slash == NULL)
		return -1;
	*slash = '\0';
	if (count_parse(f[4], &h->steps_done) ||
	    count_parse(slash + 1, &h->steps_total) ||
	    h->steps_done > h->steps_total)
		return -1;
	if (strcmp(f[5], "done") == 0)
		h->done = true;
	else if (strcmp(f[5], "quit") != 0)
		return -1;
	return 0;
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

int
history_read(const char *path,
             void (*fn)(const struct history_entry *h, void *ctx), void *ctx,
             size_t *skipped, struct diag *d)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	struct history_entry h;

	*skipped = 0;
	if (f == NULL) {
		if (errno == ENOENT)
			return 0;
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		/* a last line without its newline was cut short by a crash */
		if (len == 0 || line[len - 1] != '\n' ||
		    history_parse(line, &h) != 0)
			(*skipped)++;
		else
			fn(&h, ctx);
	}
	free(line);
	fclose(f);
	return 0;
}
