/* idle: combining the idle sources. */
#include "idle.h"

#include <limits.h>

void
idle_sample(struct idle_source *src, size_t n, bool graphical, time_t now,
	    long threshold_s, struct idle_result *out)
{
	long secs, best = LONG_MAX;
	bool any = false;
	size_t i;

	for (i = 0; i < n; i++) {
		struct idle_source *s = &src[i];

		/* in a GUI, quiet terminals say nothing about the user */
		if (s->gone || (graphical && s->kind != IDLE_SESSION))
			continue;
		switch (s->idle_seconds(s->ctx, now, &secs)) {
		case IDLE_GONE:
			s->gone = true;
			continue;
		case IDLE_NONE:
			continue;
		case IDLE_OK:
			break;
		}
		any = true;
		if (secs < 0)
			secs = 0;
		if (secs < best)
			best = secs;
		if (best < threshold_s)
			break;
	}
	out->known = any;
	out->secs = any ? best : 0;
	out->why = NULL;
	if (!any)
		out->why = graphical
			       ? "in a graphical session only logind's idle "
				 "hint (or a locked screen) tells that you "
				 "are away, and logind cannot tell"
			       : "no idle source (your terminals, tmux, "
				 "logind) can tell";
}
