/* diag: error records. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

void
diag_clear(struct diag *d)
{
	memset(d, 0, sizeof *d);
}

void
diag_set(struct diag *d, const char *file, int line, int col,
         const char *fmt, ...)
{
	va_list ap;

	if (d == NULL)
		return;
	diag_clear(d);
	if (file != NULL)
		text_escape(file, d->file, sizeof d->file);
	d->line = line;
	d->col = col;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
}

void
diag_format(const struct diag *d, char *buf, size_t size)
{
	if (d->file[0] == '\0')
		snprintf(buf, size, "%s", d->msg);
	else if (d->line > 0 && d->col > 0)
		snprintf(buf, size, "%s:%d:%d: %s", d->file, d->line, d->col,
		         d->msg);
	else if (d->line > 0)
		snprintf(buf, size, "%s:%d: %s", d->file, d->line, d->msg);
	else
		snprintf(buf, size, "%s: %s", d->file, d->msg);
}
