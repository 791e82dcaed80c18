/* idle_tmux: an idle source (idle.h): tmux's #{client_activity}, the last
 * input of the client this pane is shown in, when inside tmux. */
#ifndef BACKEASE_IDLE_TMUX_H
#define BACKEASE_IDLE_TMUX_H

#include <stdbool.h>

#include "idle.h"

struct idle_tmux {
	bool inside; /* TMUX is set */
};

/* An idle_source's idle_seconds; ctx is a struct idle_tmux.  Runs `tmux
 * display -p '#{client_activity}'` (posix_spawnp, no shell). */
enum idle_answer idle_tmux_seconds(void *ctx, time_t now, long *secs);
/* Reads that command's output. */
enum idle_answer idle_tmux_parse(const char *out, time_t now, long *secs);

#endif
