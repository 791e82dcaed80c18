/* stats_io: the clock, the history file and the nudge's state file. */
#include "stats_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "civil.h"
#include "paths.h"
#include "stats_cache.h"

long
stats_today(time_t now)
{
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return 0;
	return civil_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* ---- the cache of old lines (stats_cache.h) --------------------------- */

/* Beside the history it sums: history.tsv gives history.sums. */
static int
sums_path(const char *history, char *buf, size_t size)
{
	size_t n = strlen(history);
	int len;

	if (n > 4 && strcmp(history + n - 4, ".tsv") == 0)
		n -= 4;
	len = snprintf(buf, size, "%.*s.sums", (int)n, history);
	return len > 0 && (size_t)len < size ? 0 : -1;
}

/* The record in the file, or -1 (none, unreadable, or not a valid one:
 * then the history is read whole, and the file written again). */
static int
sums_read(const char *path, struct stats_cache *c)
{
	unsigned char *buf = NULL;
	struct stat st;
	size_t have = 0;
	ssize_t n = 1;
	int fd, rc = -1;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	/* no record is longer than one with every day there can be: a
	 * longer file is not ours */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= stats_cache_file_max())
		buf = malloc((size_t)st.st_size);
	while (buf != NULL && n > 0 && have < (size_t)st.st_size) {
		n = read(fd, buf + have, (size_t)st.st_size - have);
		if (n > 0)
			have += (size_t)n;
		else if (n < 0 && errno == EINTR)
			n = 1;
	}
	if (buf != NULL && have == (size_t)st.st_size)
		rc = stats_cache_decode(buf, have, c);
	close(fd);
	free(buf);
	return rc;
}

/* Written whole: a temporary file, then rename.  Failing to is no error
 * (the next reading parses the whole history again). */
static void
sums_write(const char *path, const struct stats_cache *c)
{
	char tmp[4200];
	unsigned char *data;
	size_t len;
	int fd;
	bool ok;

	if (stats_cache_encode(c, &data, &len) != 0)
		return;
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0) {
		ok = write(fd, data, len) == (ssize_t)len;
		ok = close(fd) == 0 && ok;
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(data);
}

/* history_scan's callback: every line into the stats, and the lines
 * before the first recent one into the new record. */
struct load {
	struct stats *s;
	struct stats_cache *fresh; /* NULL: no record is kept */
	bool marked;
};

static int
load_entry(const struct history_entry *h, void *ctx)
{
	struct load *l = ctx;

	stats_add(l->s, h);
	if (l->fresh == NULL || l->marked)
		return 0;
	if (h->local_day >= l->fresh->cut_day) {
		l->marked = true;
		return HISTORY_MARK;
	}
	stats_cache_add(l->fresh, h);
	return 0;
}

int
stats_load(const char *path, struct stats *s, struct history_skips *skips,
           struct diag *d)
{
	char sums[4200];
	struct stats_cache old, fresh;
	struct load l = {.s = s, .fresh = &fresh};
	struct history_scan sc = {.entry = load_entry, .ctx = &l};
	bool have_old;
	struct stat st;
	long cut = s->opt.today - STATS_CACHE_AGE;
	int rc;

	/* a record whose lines a window of these stats could reach is of
	 * no use (the clock went back) */
	have_old = sums_path(path, sums, sizeof sums) == 0 &&
	           sums_read(sums, &old) == 0;
	if (have_old && old.cut_day > s->recent) {
		stats_cache_free(&old);
		have_old = false;
	}
	if (have_old) {
		sc.known = &old.prefix;
		cut = old.cut_day > cut ? old.cut_day : cut;
	}
	/* a short history is parsed whole at no cost worth keeping */
	if (cut < 1 || (!have_old && (stat(path, &st) != 0 ||
	                              st.st_size < STATS_CACHE_STEP)) ||
	    stats_cache_init(&fresh, cut) != 0)
		l.fresh = NULL;
	rc = history_scan(path, &sc, d);
	*skips = sc.skips;
	if (rc == 0 && sc.known_ok) {
		stats_cache_apply(s, &old);
		if (l.fresh != NULL)
			stats_cache_merge(&fresh, &old);
	}
	/* a new record once the old lines have grown enough */
	if (rc == 0 && l.fresh != NULL &&
	    sc.mark.bytes >= (sc.known_ok ? old.prefix.bytes : 0) +
	                         STATS_CACHE_STEP) {
		fresh.prefix = sc.mark;
		sums_write(sums, &fresh);
	}
	if (l.fresh != NULL)
		stats_cache_free(&fresh);
	if (have_old)
		stats_cache_free(&old);
	if (rc != 0)
		return -1;
	if (stats_finish(s) != 0) {
		diag_set(d, path, 0, 0, "out of memory");
		return -1;
	}
	return 0;
}

int
nudge_state_path(char *buf, size_t size)
{
	return paths_state("nudge-shown", buf, size);
}

long
nudge_state_read(const char *path)
{
	char buf[32];
	int y, m, d, fd, len = -1;
	ssize_t n;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* a file that says anything else counts as never shown */
	if (sscanf(buf, "%4d-%2d-%2d%n", &y, &m, &d, &len) != 3 || len != 10 ||
	    (buf[10] != '\n' && buf[10] != '\0') || y < 1970 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return -1;
	return civil_days(y, m, d);
}

int
nudge_state_write(const char *path, long day, struct diag *d)
{
	char tmp[4200], line[16];
	int fd, len;
	bool ok;

	if (paths_mkdirs_for(path, d) != 0)
		return -1;
	stats_iso_date(day, line, sizeof line);
	len = (int)strlen(line);
	line[len++] = '\n';
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_set(d, tmp, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	ok = write(fd, line, (size_t)len) == len;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		diag_set(d, path, 0, 0, "cannot write: %s", strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int
stats_streak_at(const char *path, time_t now, long *days, bool *today_done,
                struct diag *d)
{
	struct stats_options opt = {.today = stats_today(now), .days = 7};
	struct history_skips skips;
	struct stats s;
	int rc;

	if (stats_init(&s, &opt) != 0)
		return -1;
	rc = stats_load(path, &s, &skips, d);
	*days = (long)s.streak;
	*today_done = s.today_done;
	stats_free(&s);
	return rc;
}
