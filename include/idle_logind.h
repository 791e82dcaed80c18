/* idle_logind: an idle source (idle.h): logind's IdleHint, IdleSinceHint
 * and LockedHint of the login session, read with `loginctl show-session`
 * (posix_spawnp, no shell).  Where logind is absent the source is gone
 * after the first try. */
#ifndef BACKEASE_IDLE_LOGIND_H
#define BACKEASE_IDLE_LOGIND_H

#include <time.h>

#include "idle.h"

struct idle_logind {
	char session[64];    /* $XDG_SESSION_ID, or "auto" */
	time_t locked_since; /* first seen locked; 0: not locked */
};

/* session_id: $XDG_SESSION_ID (NULL or unusable: the caller's session). */
void idle_logind_init(struct idle_logind *l, const char *session_id);
/* An idle_source's idle_seconds; ctx is a struct idle_logind.  A locked
 * session is idle since it was first seen locked (or since IdleSinceHint
 * when logind says idle too). */
enum idle_answer idle_logind_seconds(void *ctx, time_t now, long *secs);
/* Reads `loginctl show-session ID -p IdleHint -p IdleSinceHint -p
 * LockedHint` output ("IdleHint=yes" lines). */
enum idle_answer idle_logind_parse(struct idle_logind *l, const char *out,
				   time_t now, long *secs);

#endif
