/* runcmd: running helper programs (tmux, loginctl, notify-send) with
 * posix_spawnp: no shell ever sees an argument. */
#ifndef BACKEASE_RUNCMD_H
#define BACKEASE_RUNCMD_H

#include <stddef.h>
#include <sys/types.h>

/* Runs argv[0] from PATH with standard input and error on /dev/null and
 * reads its standard output into out (NUL-terminated, cut to size - 1
 * bytes), waiting at most timeout_ms before killing it.  0 when it exited
 * 0; -1 otherwise, with errno ENOENT when there is no such program. */
int runcmd_capture(const char *const argv[], char *out, size_t size,
		   int timeout_ms);
/* Starts argv[0] from PATH without waiting for it (standard streams on
 * /dev/null); its pid, or -1 with errno set. */
pid_t runcmd_detached(const char *const argv[]);
/* Collects the children that have ended, so none is left a zombie. */
void runcmd_reap(void);

#endif
