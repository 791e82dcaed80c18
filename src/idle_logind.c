/* idle_logind: the login session's idle and lock hints. */
#include "idle_logind.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "runcmd.h"

enum { LOGIND_TIMEOUT_MS = 1000 };

void
idle_logind_init(struct idle_logind *l, const char *session_id)
{
	size_t n = session_id != NULL ? strlen(session_id) : 0;

	memset(l, 0, sizeof *l);
	/* an id is letters and digits; anything else is not passed on */
	if (n > 0 && n < sizeof l->session &&
	    strspn(session_id, "abcdefghijklmnopqrstuvwxyz"
			       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == n)
		memcpy(l->session, session_id, n + 1);
	else
		strcpy(l->session, "auto");
}

/* The value of "key=value" in out, copied into val; false when absent. */
static bool
value_of(const char *out, const char *key, char *val, size_t size)
{
	size_t k = strlen(key), n;
	const char *p = out;

	while (*p != '\0') {
		n = strcspn(p, "\n");
		if (n > k && strncmp(p, key, k) == 0 && p[k] == '=') {
			snprintf(val, size, "%.*s", (int)(n - k - 1),
				 p + k + 1);
			return true;
		}
		p += n + (p[n] == '\n');
	}
	return false;
}

enum idle_answer
idle_logind_parse(struct idle_logind *l, const char *out, time_t now,
		  long *secs)
{
	char idle[8], since[32], locked[8];
	long long us = 0;
	long s = 0;
	bool is_idle, is_locked;

	if (!value_of(out, "IdleHint", idle, sizeof idle))
		return IDLE_NONE;
	is_idle = strcmp(idle, "yes") == 0;
	is_locked = value_of(out, "LockedHint", locked, sizeof locked) &&
		    strcmp(locked, "yes") == 0;
	if (is_idle && value_of(out, "IdleSinceHint", since, sizeof since) &&
	    since[0] != '\0' && strspn(since, "0123456789") == strlen(since) &&
	    strlen(since) <= 18)
		sscanf(since, "%lld", &us);
	/* microseconds of the wall clock */
	if (is_idle && us > 0 && us / 1000000 < (long long)now)
		s = (long)((long long)now - us / 1000000);
	if (is_locked) {
		if (l->locked_since == 0)
			l->locked_since = now;
		if ((long)(now - l->locked_since) > s)
			s = (long)(now - l->locked_since);
	} else {
		l->locked_since = 0;
	}
	*secs = s;
	return IDLE_OK;
}

enum idle_answer
idle_logind_seconds(void *ctx, time_t now, long *secs)
{
	struct idle_logind *l = ctx;
	const char *argv[] = {
	    "loginctl", "show-session",	 l->session, "-p",	   "IdleHint",
	    "-p",	"IdleSinceHint", "-p",	     "LockedHint", NULL};
	char out[512];

	/* no logind (or no such session): it will not come back, and
	 * asking again each minute would cost a process each time */
	if (runcmd_capture(argv, out, sizeof out, LOGIND_TIMEOUT_MS) != 0)
		return IDLE_GONE;
	return idle_logind_parse(l, out, now, secs);
}
