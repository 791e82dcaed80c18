/* checkin: the pain check-in's answer as it is typed (SPEC section 8), on
 * the 0-10 numeric rating scale.  Pure, so that the keys can be tested
 * without a terminal: the curses dialog (screen_checkin.c) feeds it keys,
 * plain mode (ui_plain.c) a typed line.
 *
 * Keys: a digit picks 0-9; 't' picks 10, and so does '1' then '0' (the
 * digit after a picked 1 makes 10); any other digit picks itself again, so
 * a wrong pick is mended by typing the right one.  Enter confirms the
 * pick, Enter with nothing picked skips, Esc skips, Backspace drops the
 * pick.  Other keys do nothing. */
#ifndef BACKEASE_CHECKIN_H
#define BACKEASE_CHECKIN_H

/* The keys that are not characters (a character key is itself). */
enum {
	CHECKIN_KEY_ENTER = -2,
	CHECKIN_KEY_CANCEL = -3, /* Esc */
	CHECKIN_KEY_ERASE = -4,	 /* Backspace */
};

enum checkin_status { CHECKIN_ASKING, CHECKIN_ANSWERED, CHECKIN_SKIPPED };

struct checkin {
	enum checkin_status status;
	int pick;  /* 0-10 shown as picked, or HISTORY_PAIN_NONE */
	int value; /* the answer once ANSWERED, else HISTORY_PAIN_NONE */
};

/* A question not answered yet. */
void checkin_start(struct checkin *c);
/* One key; returns the status after it (a key after the end changes
 * nothing). */
enum checkin_status checkin_key(struct checkin *c, int key);
/* Plain mode's typed line (spaces around it and a trailing "\r" ignored):
 * "0" to "10" answer, "t" is 10, an empty line skips.  Returns the status
 * (*value set when ANSWERED, else HISTORY_PAIN_NONE), or CHECKIN_ASKING
 * when the line is not an answer (ask again). */
enum checkin_status checkin_parse(const char *line, int *value);

#endif
