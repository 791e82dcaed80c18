/* duration: strict number parsing. */
#include "duration.h"

#include <stdio.h>
#include <string.h>

enum { NUMBER_MAX = 9999999 };

/* Reads digits at *p into *value; fails on none, a leading zero before
 * another digit, or more than NUMBER_MAX. */
static int
read_digits(const char **p, long *value)
{
	const char *s = *p;
	long v = 0;

	if (*s < '0' || *s > '9')
		return -1;
	if (s[0] == '0' && s[1] >= '0' && s[1] <= '9')
		return -1;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s - '0');
		if (v > NUMBER_MAX)
			return -1;
		s++;
	}
	*p = s;
	*value = v;
	return 0;
}

int
count_parse(const char *s, long *value)
{
	long v;

	if (s == NULL || read_digits(&s, &v) != 0 || *s != '\0')
		return -1;
	*value = v;
	return 0;
}

int
duration_parse(const char *s, long *seconds)
{
	long a, b;

	if (s == NULL || read_digits(&s, &a) != 0)
		return -1;
	switch (*s) {
	case '\0':
		*seconds = a;
		return 0;
	case 's':
		if (s[1] != '\0')
			return -1;
		*seconds = a;
		return 0;
	case 'm':
		s++;
		if (*s == '\0') {
			b = 0;
		} else if (read_digits(&s, &b) != 0 || *s != 's' ||
		           s[1] != '\0' || b > 59) {
			return -1;
		}
		if (a * 60 + b > NUMBER_MAX)
			return -1;
		*seconds = a * 60 + b;
		return 0;
	default:
		return -1;
	}
}

void
duration_format(long seconds, char *buf, size_t size)
{
	if (seconds < 0)
		seconds = 0;
	if (seconds >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", seconds / 3600,
		         seconds / 60 % 60, seconds % 60);
	else
		snprintf(buf, size, "%ld:%02ld", seconds / 60, seconds % 60);
}

int
breath_parse(const char *s, unsigned *in, unsigned *out)
{
	long a, b;
	char buf[32], *colon;

	if (strlen(s) >= sizeof buf)
		return -1;
	strcpy(buf, s);
	colon = strchr(buf, ':');
	if (colon == NULL)
		return -1;
	*colon = '\0';
	if (count_parse(buf, &a) || count_parse(colon + 1, &b) || a < 1 ||
	    b < 1 || a > 30 || b > 30)
		return -1;
	*in = (unsigned)a;
	*out = (unsigned)b;
	return 0;
}
