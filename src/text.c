/* text: UTF-8 validation, escaping and measuring. */
#include "text.h"

#include <ctype.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "uchar.h"

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

/* Output mode: UTF-8 as it is, or ASCII for a terminal that is not. */
static bool utf8_terminal = true;

void
text_locale_init(void)
{
	utf8_terminal = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

void
text_set_utf8(bool utf8)
{
	utf8_terminal = utf8;
}

bool
text_utf8(void)
{
	return utf8_terminal;
}

/* What one code point is, counting the marks on one character: a mark
 * past the TEXT_MARKS_MAX-th in a row is as bad as an unsafe character. */
static enum uchar_kind
kind_in_run(uint32_t cp, unsigned *marks)
{
	enum uchar_kind k = uchar_kind(cp);

	if (k != UCHAR_MARK) {
		*marks = 0;
		return k;
	}
	return ++*marks > TEXT_MARKS_MAX ? UCHAR_MARK : UCHAR_PLAIN;
}

/* The first unsafe thing in s: 0 when there is none, 1 for a character
 * (its code point and kind set), 2 for a byte of invalid UTF-8 (*cp). */
static int
first_unclean(const char *s, uint32_t *cp, enum uchar_kind *kind)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned marks = 0;
	size_t n;

	while (*p != '\0') {
		if (*p >= 0x20 && *p < 0x7f) { /* printable ASCII */
			p++;
			marks = 0;
			continue;
		}
		n = utf8_decode(p, cp);
		if (n == 0) {
			*cp = *p;
			return 2;
		}
		*kind = kind_in_run(*cp, &marks);
		if (*kind != UCHAR_PLAIN)
			return 1;
		p += n;
	}
	return 0;
}

bool
text_is_clean(const char *s)
{
	uint32_t cp;
	enum uchar_kind k;

	return first_unclean(s, &cp, &k) == 0;
}

bool
text_find_unclean(const char *s, char *why, size_t size)
{
	uint32_t cp = 0;
	enum uchar_kind k = UCHAR_PLAIN;
	int found = first_unclean(s, &cp, &k);

	if (found == 0)
		return false;
	if (found == 2)
		snprintf(why, size,
			 "contains the byte 0x%02X, which is not valid UTF-8; "
			 "UTF-8 text expected",
			 (unsigned)cp);
	else if (k == UCHAR_MARK)
		snprintf(
		    why, size,
		    "has more than %d combining marks on one character "
		    "(U+%04X is one too many); they would pile up over the "
		    "lines around it",
		    TEXT_MARKS_MAX, (unsigned)cp);
	else
		snprintf(why, size,
			 "contains U+%04X, %s; such characters are not allowed",
			 (unsigned)cp, uchar_kind_name(k));
	return true;
}

/* The piece of output for the sequence at p: the character itself (or
 * its ASCII spelling outside UTF-8), \u{XXXX} for an invisible or
 * reordering character, \xNN for each byte of a control character or an
 * invalid sequence.  Sets *n to the bytes of s it stands for; returns its
 * length. */
static size_t
escape_piece(const unsigned char *p, unsigned *marks, char piece[17], size_t *n)
{
	uint32_t cp;
	enum uchar_kind k;
	size_t i;

	*n = utf8_decode(p, &cp);
	k = *n == 0 ? UCHAR_CONTROL : kind_in_run(cp, marks);
	if (k == UCHAR_CONTROL) {
		/* escape every byte of the offending sequence */
		*n = *n == 0 ? 1 : *n;
		for (i = 0; i < *n; i++)
			snprintf(piece + 4 * i, 17 - 4 * i, "\\x%02x", p[i]);
		return 4 * *n;
	}
	if (k == UCHAR_PLAIN && (cp < 0x80 || utf8_terminal)) {
		memcpy(piece, p, *n);
		piece[*n] = '\0';
		return *n;
	}
	/* ASCII only: a Latin accent goes with its letter */
	if (k == UCHAR_PLAIN && uchar_kind(cp) == UCHAR_MARK && cp < 0x370) {
		piece[0] = '\0';
		return 0;
	}
	if (k == UCHAR_PLAIN && uchar_ascii(cp, piece) > 0)
		return strlen(piece);
	return (size_t)snprintf(piece, 17, "\\u{%04X}", (unsigned)cp);
}

void
text_escape(const char *s, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, n, len, total = 0, room;
	unsigned marks = 0;
	char piece[17];

	if (size == 0)
		return;
	/* "..." only when the whole text does not fit */
	while (p[total] != '\0' && o < size) {
		o += escape_piece(p + total, &marks, piece, &n);
		total += n;
	}
	room = o < size ? size - 1 : size >= 4 ? size - 4 : size - 1;
	o = 0;
	marks = 0;
	while (*p != '\0') {
		len = escape_piece(p, &marks, piece, &n);
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

const char *
text_for_terminal(const char *s, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p >= 0x20 && *p < 0x7f)
		p++;
	if (*p == '\0' || (utf8_terminal && text_is_clean((const char *)p)))
		return s;
	text_escape(s, buf, size);
	return buf;
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
