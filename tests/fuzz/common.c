/* common: reporting a broken invariant. */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>

void
fuzz_die(const char *who, const char *what, const char *label,
         const char *detail)
{
	const unsigned char *p = (const unsigned char *)detail;

	fprintf(stderr, "%s: invariant broken: %s\n", who, what);
	if (p != NULL) {
		fprintf(stderr, "  %s: \"", label);
		for (; *p != '\0'; p++)
			if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
				fprintf(stderr, "\\x%02x", *p);
			else
				fputc(*p, stderr);
		fputs("\"\n", stderr);
	}
	abort();
}
