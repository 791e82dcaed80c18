/* duration: strict parsing of the catalog's durations and counts, and
 * formatting of times for people.  libcyaml would read "20abc" as 20 and
 * "-5" as -5, so every number is read here instead. */
#ifndef BACKEASE_DURATION_H
#define BACKEASE_DURATION_H

#include <stddef.h>

/* Parses "30", "30s", "2m" or "1m30s" (whole seconds, 0 to 9999999).
 * Returns 0 and sets *seconds, or -1. */
int duration_parse(const char *s, long *seconds);
/* Parses a plain whole number "0" to "9999999" (no sign, no leading zeros,
 * no spaces).  Returns 0 and sets *value, or -1. */
int count_parse(const char *s, long *value);
/* Parses a breath pace "IN:OUT", whole seconds from 1 to 30 each.
 * Returns 0 and sets both, or -1. */
int breath_parse(const char *s, unsigned *in, unsigned *out);
/* "M:SS", or "H:MM:SS" from an hour up. */
void duration_format(long seconds, char *buf, size_t size);

#endif
