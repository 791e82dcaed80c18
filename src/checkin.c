/* checkin: the check-in's keys as a small state machine. */
#include "checkin.h"

#include <ctype.h>
#include <string.h>

#include "history.h"

void
checkin_start(struct checkin *c)
{
	c->status = CHECKIN_ASKING;
	c->pick = HISTORY_PAIN_NONE;
	c->value = HISTORY_PAIN_NONE;
}

enum checkin_status
checkin_key(struct checkin *c, int key)
{
	if (c->status != CHECKIN_ASKING)
		return c->status;
	if (key >= '0' && key <= '9') {
		/* "10" typed as two keys: the 0 after a picked 1 */
		c->pick = key == '0' && c->pick == 1 ? 10 : key - '0';
	} else if (key == 't' || key == 'T') {
		c->pick = 10;
	} else if (key == CHECKIN_KEY_ERASE) {
		c->pick = HISTORY_PAIN_NONE;
	} else if (key == CHECKIN_KEY_CANCEL) {
		c->status = CHECKIN_SKIPPED;
	} else if (key == CHECKIN_KEY_ENTER) {
		c->status = c->pick == HISTORY_PAIN_NONE ? CHECKIN_SKIPPED
							 : CHECKIN_ANSWERED;
		c->value = c->pick;
	}
	return c->status;
}

enum checkin_status
checkin_parse(const char *line, int *value)
{
	size_t start = 0, end = strlen(line);

	*value = HISTORY_PAIN_NONE;
	while (line[start] == ' ' || line[start] == '\t')
		start++;
	while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t' ||
			       line[end - 1] == '\r' || line[end - 1] == '\n'))
		end--;
	if (end == start)
		return CHECKIN_SKIPPED;
	if (end - start == 1 && (line[start] == 't' || line[start] == 'T')) {
		*value = 10;
		return CHECKIN_ANSWERED;
	}
	if (end - start == 1 && isdigit((unsigned char)line[start])) {
		*value = line[start] - '0';
		return CHECKIN_ANSWERED;
	}
	if (end - start == 2 && line[start] == '1' && line[start + 1] == '0') {
		*value = 10;
		return CHECKIN_ANSWERED;
	}
	return CHECKIN_ASKING;
}
