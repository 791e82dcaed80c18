/* text: UTF-8 validation, escaping and measuring. */
#include "text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if it is invalid.
 * Sets *cp to the code point. */
static size_t
utf8_decode(const unsigned char *s, uint32_t *cp)
{
	size_t len, i;
	uint32_t c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xe0) == 0xc0) {
		len = 2, c &= 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3, c &= 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

bool
text_is_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n;

	while (*p != '\0') {
		if (*p >= 0x20 && *p < 0x7f) { /* printable ASCII */
			p++;
			continue;
		}
		n = utf8_decode(p, &cp);
		if (n == 0 || is_control(cp))
			return false;
		p += n;
	}
	return true;
}

/* The piece of output for the sequence at p: the character itself, or
 * \xNN for each byte of a control character or an invalid sequence.
 * Sets *n to the bytes of s it stands for; returns its length. */
static size_t
escape_piece(const unsigned char *p, char piece[17], size_t *n)
{
	uint32_t cp;
	size_t i;

	*n = utf8_decode(p, &cp);
	if (*n == 0 || is_control(cp)) {
		/* escape every byte of the offending sequence */
		*n = *n == 0 ? 1 : *n;
		for (i = 0; i < *n; i++)
			snprintf(piece + 4 * i, 17 - 4 * i, "\\x%02x", p[i]);
		return 4 * *n;
	}
	memcpy(piece, p, *n);
	piece[*n] = '\0';
	return *n;
}

void
text_escape(const char *s, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, n, len, total = 0, room;
	char piece[17];

	if (size == 0)
		return;
	/* "..." only when the whole text does not fit */
	while (p[total] != '\0' && o < size) {
		o += escape_piece(p + total, piece, &n);
		total += n;
	}
	room = o < size ? size - 1 : size >= 4 ? size - 4 : size - 1;
	o = 0;
	while (*p != '\0') {
		len = escape_piece(p, piece, &n);
		if (o + len > room)
			break;
		memcpy(out + o, piece, len);
		o += len;
		p += n;
	}
	if (*p != '\0' && size >= 4) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

size_t
text_columns(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t cols = 0, n;
	uint32_t cp;
	int w;

	while (*p != '\0') {
		n = utf8_decode(p, &cp);
		if (n == 0) {
			n = 1;
			w = 1;
		} else {
			w = wcwidth((wchar_t)cp);
			if (w < 0)
				w = 1;
		}
		cols += (size_t)w;
		p += n;
	}
	return cols;
}

size_t
text_prefix_bytes(const char *s, size_t cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used = 0, n;
	uint32_t cp;
	int w;

	while (*p != '\0') {
		n = utf8_decode(p, &cp);
		if (n == 0) {
			n = 1;
			w = 1;
		} else {
			w = wcwidth((wchar_t)cp);
			if (w < 0)
				w = 1;
		}
		if (used + (size_t)w > cols)
			break;
		used += (size_t)w;
		p += n;
	}
	return (size_t)(p - (const unsigned char *)s);
}

bool
text_equal_nocase(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0') {
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		a++, b++;
	}
	return *a == *b;
}

int
text_distance(const char *a, const char *b)
{
	enum { MAX = 64 };
	size_t la = strlen(a), lb = strlen(b), i, j;
	int rows[3][MAX + 1], *two, *one, *row, best;

	if (la > MAX || lb > MAX)
		return 99;
	for (j = 0; j <= lb; j++)
		rows[0][j] = (int)j;
	/* optimal string alignment: a swap of two neighbours ("plian") is
	 * one edit, as people mistype */
	for (i = 1; i <= la; i++) {
		row = rows[i % 3];
		one = rows[(i - 1) % 3];
		two = rows[(i + 1) % 3];
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);

			best = one[j - 1] + (ca != cb);
			if (one[j] + 1 < best)
				best = one[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    cb == tolower((unsigned char)a[i - 2]) &&
			    two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			row[j] = best;
		}
	}
	return rows[la % 3][lb] > 99 ? 99 : rows[la % 3][lb];
}

const char *
text_closest(const char *name, const char *(*get)(const void *, size_t),
             const void *list, size_t count)
{
	const char *best = NULL;
	int best_d = 99, dist, limit;
	size_t i;

	limit = strlen(name) <= 4 ? 1 : (int)strlen(name) / 3 + 1;
	for (i = 0; i < count; i++) {
		dist = text_distance(name, get(list, i));
		if (dist < best_d) {
			best_d = dist;
			best = get(list, i);
		}
	}
	return best_d <= limit ? best : NULL;
}
