/* remind_file: what a running reminder leaves for `backease status` in
 * $XDG_RUNTIME_DIR/backease/ (paths_runtime): a lock file that makes it
 * the only one of its user, and a small state file rewritten (atomically,
 * temp file and rename) at each change of state, never each second. */
#ifndef BACKEASE_REMIND_FILE_H
#define BACKEASE_REMIND_FILE_H

#include <stddef.h>
#include <sys/types.h>

#include "diag.h"

#define REMIND_FILE_STATE "remind.state"
#define REMIND_FILE_LOCK  "remind.lock"

enum { REMIND_FILE_MAX = 4096 }; /* a longer file is not ours */

enum remind_file_state {
	RFILE_WAITING,
	RFILE_DUE,
	RFILE_PAUSED,
	RFILE_BREAK,
	RFILE_AWAY,
};

/*   backease-remind 1
 *   pid 4242
 *   state waiting           waiting | due | paused | break | away
 *   due_ms 1764600000000    wall-clock epoch milliseconds of the break
 *                           (waiting, away; 0 otherwise)
 *   left 2700               run-time seconds left when written
 *   speed 1.000             --speed, three decimals
 *   preset Desk break       the name, clean text, to the end of the line */
struct remind_file {
	long pid;
	enum remind_file_state state;
	long long due_ms;
	long left_s;
	long speed_milli; /* --speed times 1000 (10 to 1000000) */
	char preset[128];
};

/* The file's text; its length, or -1 when a field is out of range. */
int remind_file_format(const struct remind_file *f, char *buf, size_t size);
/* Strict: every line in place, nothing else; 0, or -1. */
int remind_file_parse(const char *buf, size_t len, struct remind_file *f);
/* "waiting", "due", ... */
const char *remind_file_state_name(enum remind_file_state s);

/* Writes path through path.tmp and rename(), creating the directory.
 * 0, or -1 with d set. */
int remind_file_write(const char *path, const struct remind_file *f,
		      struct diag *d);
/* 0, 1 when there is no file, -1 when it is unreadable or malformed. */
int remind_file_read(const char *path, struct remind_file *f);

/* Takes the lock at path (creating it and its directory) for as long as
 * the process runs: the descriptor, or -1 with *holder the pid that has
 * it (or 0 when it cannot tell) and d set.  Held with fcntl(), which the
 * kernel drops when the process ends however it ends; the process must
 * not open and close the lock file otherwise, which would drop it too. */
int remind_lock_take(const char *path, long *holder, struct diag *d);
/* The pid holding the lock at path: 0 when nobody does (or no file), -1
 * when held by a process whose pid cannot be seen (another namespace). */
long remind_lock_holder(const char *path);

#endif
