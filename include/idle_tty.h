/* idle_tty: an idle source (idle.h): the user's ttys as `w` reads them,
 * the newest st_atime of every tty the user owns (the kernel updates it
 * when input is read, at most every 8 s). */
#ifndef BACKEASE_IDLE_TTY_H
#define BACKEASE_IDLE_TTY_H

#include <sys/types.h>

#include "idle.h"

struct idle_tty {
	uid_t uid;
	const char *dev_dir;   /* "/dev/pts": every entry the user owns */
	const char *utmp_path; /* the user's utmp lines too; NULL: none */
};

/* An idle_source's idle_seconds; ctx is a struct idle_tty. */
enum idle_answer idle_tty_seconds(void *ctx, time_t now, long *secs);

#endif
