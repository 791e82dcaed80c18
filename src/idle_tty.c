/* idle_tty: the newest input on any tty the user owns. */
#include "idle_tty.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <utmpx.h>

/* Keeps the newest atime of path (relative to dir_fd) if the user owns
 * it. */
static void
consider(int dir_fd, const char *path, uid_t uid, time_t *newest, bool *found)
{
	struct stat st;

	if (fstatat(dir_fd, path, &st, 0) != 0 || st.st_uid != uid)
		return;
	if (!*found || st.st_atime > *newest)
		*newest = st.st_atime;
	*found = true;
}

static void
scan_dir(const struct idle_tty *t, time_t *newest, bool *found)
{
	DIR *dir = opendir(t->dev_dir);
	struct dirent *de;

	if (dir == NULL)
		return;
	while ((de = readdir(dir)) != NULL) {
		/* pty numbers only: not ptmx, not . and .. */
		if (de->d_name[0] == '\0' ||
		    strspn(de->d_name, "0123456789") != strlen(de->d_name))
			continue;
		consider(dirfd(dir), de->d_name, t->uid, newest, found);
	}
	closedir(dir);
}

/* Logins on consoles and serial lines, which /dev/pts does not hold. */
static void
scan_utmp(const struct idle_tty *t, time_t *newest, bool *found)
{
	struct utmpx *u;
	char path[sizeof u->ut_line + 8];

	if (t->utmp_path == NULL || utmpxname(t->utmp_path) != 0)
		return;
	setutxent();
	while ((u = getutxent()) != NULL) {
		if (u->ut_type != USER_PROCESS || u->ut_line[0] == '\0' ||
		    strncmp(u->ut_line, "pts/", 4) == 0)
			continue;
		snprintf(path, sizeof path, "/dev/%.*s", (int)sizeof u->ut_line,
			 u->ut_line);
		if (strstr(path, "..") == NULL)
			consider(AT_FDCWD, path, t->uid, newest, found);
	}
	endutxent();
}

enum idle_answer
idle_tty_seconds(void *ctx, time_t now, long *secs)
{
	const struct idle_tty *t = ctx;
	time_t newest = 0;
	bool found = false;

	scan_dir(t, &newest, &found);
	scan_utmp(t, &newest, &found);
	if (!found)
		return IDLE_NONE;
	*secs = newest < now ? (long)(now - newest) : 0;
	return IDLE_OK;
}
