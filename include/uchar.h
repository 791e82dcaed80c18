/* uchar: what a Unicode code point does on a terminal, for text.c: the
 * characters that are invisible, that reorder or break the text around
 * them, or that stack on the character before; and the ASCII spelling of
 * common ones for a terminal that is not UTF-8. */
#ifndef BACKEASE_UCHAR_H
#define BACKEASE_UCHAR_H

#include <stddef.h>
#include <stdint.h>

enum uchar_kind {
	UCHAR_PLAIN,	 /* shows as itself */
	UCHAR_MARK,	 /* combining mark, drawn on the character before */
	UCHAR_CONTROL,	 /* C0, DEL, C1: terminal commands */
	UCHAR_BIDI,	 /* bidirectional control: reorders the text */
	UCHAR_INVISIBLE, /* zero-width, format and filler characters */
	UCHAR_TAG,	 /* U+E0000-U+E007F: invisible tags */
	UCHAR_SEPARATOR, /* U+2028, U+2029: line breaks to some programs */
};

enum uchar_kind uchar_kind(uint32_t cp);
/* "a bidirectional control", "an invisible character", ... */
const char *uchar_kind_name(enum uchar_kind k);
enum { UCHAR_ASCII_MAX = 4 };
/* Writes how the character is spelled in ASCII ("e" for U+00E9, "..."
 * for U+2026) and returns its length; 0 (and "") when there is no usual
 * spelling. */
size_t uchar_ascii(uint32_t cp, char out[UCHAR_ASCII_MAX + 1]);

#endif
