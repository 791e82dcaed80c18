/* stats_io: the clock, the history file and the nudge's state file. */
#include "stats_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "civil.h"
#include "paths.h"

long
stats_today(time_t now)
{
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return 0;
	return civil_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
stats_load(const char *path, struct stats *s, struct history_skips *skips,
           struct diag *d)
{
	if (history_read(path, stats_collect, s, skips, d) != 0)
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
