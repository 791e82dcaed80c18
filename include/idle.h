/* idle: how long the user has been away from the keyboard, from several
 * small sources behind one interface (idle_tty, idle_tmux,
 * idle_logind; tests give fakes), combined by the rules of SPEC
 * section 11: every source that can tell must say idle, and in a
 * graphical session only the session's own hint counts, since the user may
 * be typing in another window that no terminal sees. */
#ifndef BACKEASE_IDLE_H
#define BACKEASE_IDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum idle_kind {
	IDLE_TERMINAL, /* quiet terminals (ttys, tmux): not in a GUI */
	IDLE_SESSION,  /* the login session's idle or locked hint */
};

/* What a source's idle_seconds() returns. */
enum idle_answer {
	IDLE_OK,   /* *secs is set */
	IDLE_NONE, /* cannot tell this time */
	IDLE_GONE, /* cannot tell, ever (not in tmux, no logind): not asked
		      again */
};

struct idle_source {
	const char *name; /* "tty", "tmux", "logind" */
	enum idle_kind kind;
	/* Seconds since the user's last input as this source sees it, at
	 * now (wall clock, seconds). */
	enum idle_answer (*idle_seconds)(void *ctx, time_t now, long *secs);
	void *ctx;
	bool gone; /* set by idle_sample() after IDLE_GONE */
};

struct idle_result {
	bool known;	 /* false: nothing that counts could tell */
	long secs;	 /* known: as idle as the least idle source */
	const char *why; /* !known: why, for saying so once */
};

/* Asks the sources that count (in order, so put the cheap ones first)
 * and combines them.  Once a source says less than threshold_s the answer
 * is "not away" and the rest are not asked: they would only lower it, and
 * spawning tmux or loginctl costs more than a stat. */
void idle_sample(struct idle_source *src, size_t n, bool graphical, time_t now,
		 long threshold_s, struct idle_result *out);

#endif
