/* idle_tmux: asking tmux when its client last saw input. */
#include "idle_tmux.h"

#include <errno.h>
#include <string.h>

#include "runcmd.h"

enum { TMUX_TIMEOUT_MS = 1000 };

enum idle_answer
idle_tmux_parse(const char *out, time_t now, long *secs)
{
	size_t n = strcspn(out, "\n");
	long long v = 0;
	size_t i;

	/* an epoch in seconds; empty when no client is attached */
	if (n == 0 || n > 15 || strspn(out, "0123456789") != n ||
	    out[n + (out[n] == '\n')] != '\0')
		return IDLE_NONE;
	for (i = 0; i < n; i++)
		v = v * 10 + (out[i] - '0');
	*secs = v < (long long)now ? (long)((long long)now - v) : 0;
	return IDLE_OK;
}

enum idle_answer
idle_tmux_seconds(void *ctx, time_t now, long *secs)
{
	const struct idle_tmux *t = ctx;
	const char *argv[] = {"tmux", "display-message", "-p",
			      "#{client_activity}", NULL};
	char out[64];

	if (!t->inside)
		return IDLE_GONE;
	if (runcmd_capture(argv, out, sizeof out, TMUX_TIMEOUT_MS) != 0)
		return errno == ENOENT ? IDLE_GONE : IDLE_NONE;
	return idle_tmux_parse(out, now, secs);
}
