/* bigfont: 3x5 digit bitmaps. */
#include "bigfont.h"

#include <stdbool.h>
#include <string.h>

/* Each glyph is 5 rows of 3 bits, most significant bit on the left. */
static const unsigned char digits[10][BIGFONT_ROWS] = {
	{7, 5, 5, 5, 7}, {2, 6, 2, 2, 7}, {7, 1, 7, 4, 7}, {7, 1, 7, 1, 7},
	{5, 5, 7, 1, 1}, {7, 4, 7, 1, 7}, {7, 4, 7, 5, 7}, {7, 1, 1, 1, 1},
	{7, 5, 7, 5, 7}, {7, 5, 7, 1, 7},
};
static const unsigned char colon[BIGFONT_ROWS] = {0, 2, 0, 2, 0};

enum { GLYPH_W = 3, GAP = 2 };

static const unsigned char *
glyph(char c, int *width)
{
	*width = GLYPH_W;
	if (c >= '0' && c <= '9')
		return digits[c - '0'];
	if (c == ':')
		return colon;
	*width = c == ' ' ? GLYPH_W : 0;
	return NULL;
}

size_t
bigfont_width(const char *text)
{
	size_t w = 0;
	int gw;

	for (; *text != '\0'; text++) {
		glyph(*text, &gw);
		if (gw == 0)
			continue;
		w += (w ? GAP : 0) + (size_t)gw;
	}
	return w;
}

void
bigfont_row(const char *text, int row, const char *on, char *out,
            size_t size)
{
	size_t n = 0, on_len = strlen(on);
	const unsigned char *g;
	int gw, bit;
	bool first = true;

	if (size == 0)
		return;
	for (; *text != '\0'; text++) {
		g = glyph(*text, &gw);
		if (gw == 0)
			continue;
		if (!first)
			for (bit = 0; bit < GAP && n + 1 < size; bit++)
				out[n++] = ' ';
		first = false;
		for (bit = GLYPH_W - 1; bit >= 0; bit--) {
			if (g != NULL && (g[row] >> bit & 1)) {
				if (n + on_len >= size)
					break;
				memcpy(out + n, on, on_len);
				n += on_len;
			} else if (n + 1 < size) {
				out[n++] = ' ';
			}
		}
	}
	out[n] = '\0';
}
