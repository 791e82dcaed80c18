/* bigfont: large digits drawn from a 3x5 bitmap, as tty-clock does, so a
 * countdown reads from arm's length.  Pure: rows come back as text. */
#ifndef BACKEASE_BIGFONT_H
#define BACKEASE_BIGFONT_H

#include <stddef.h>

enum { BIGFONT_ROWS = 5 };

/* Display columns that text (digits, ':' and ' ') takes. */
size_t bigfont_width(const char *text);
/* Row `row` (0-4) of text, lit cells written as `on` (e.g. a full block),
 * dark ones as spaces.  Characters without a glyph are left out. */
void bigfont_row(const char *text, int row, const char *on, char *out,
                 size_t size);

#endif
