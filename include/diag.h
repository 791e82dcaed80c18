/* diag: an error record that modules fill and callers print.
 * Modules never print or exit; they return -1 and describe the problem here,
 * naming the file and, when known, the line and column. */
#ifndef BACKEASE_DIAG_H
#define BACKEASE_DIAG_H

#include <stddef.h>

struct diag {
	char file[256]; /* display name, already escaped; "" when none */
	int line;       /* 1-based; 0 when unknown */
	int col;        /* 1-based; 0 when unknown */
	char msg[768];  /* what is wrong and what was expected */
};

void diag_clear(struct diag *d);
/* Sets the record; file may be NULL.  Text from a data file must be passed
 * through text_escape() before it reaches fmt's arguments. */
void diag_set(struct diag *d, const char *file, int line, int col,
              const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* "file:line:col: msg" (the parts that are known). */
void diag_format(const struct diag *d, char *buf, size_t size);

#endif
