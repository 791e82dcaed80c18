/* text: checks and conversions for text that came from a file or a user,
 * so that nothing unsafe reaches the terminal. */
#ifndef BACKEASE_TEXT_H
#define BACKEASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* At most this many combining marks in a row on one character: enough
 * for any language's accents, too few to draw over the lines around. */
enum { TEXT_MARKS_MAX = 3 };

/* True when s is valid UTF-8 that shows as it reads: no control
 * characters (C0, DEL, C1), no bidirectional controls, no invisible,
 * format or tag characters, no line or paragraph separators (U+2028/9),
 * and no more than TEXT_MARKS_MAX combining marks in a row. */
bool text_is_clean(const char *s);
/* When s is not clean, writes what the first problem is ("contains
 * U+202E, a bidirectional control; such characters are not allowed") to
 * why and returns true. */
bool text_find_unclean(const char *s, char *why, size_t size);

/* Decides, from the locale (LC_CTYPE, once setlocale() has run), whether
 * the terminal takes UTF-8; until then (and in unit tests) it does.
 * Outside UTF-8 the two functions below write ASCII only. */
void text_locale_init(void);
void text_set_utf8(bool utf8);
bool text_utf8(void);

/* Copies s into out for a message: control characters and invalid UTF-8
 * become \xNN, the characters text_is_clean() refuses \u{XXXX}; outside
 * UTF-8 other characters are spelled in ASCII (e for é, ... for …, ' for
 * ’) or written \u{XXXX}.  Truncates with "..." to fit size. */
void text_escape(const char *s, char *out, size_t size);
/* Text from the catalog made ready to print: s itself when it can go out
 * as it is, else buf holding text_escape(s). */
const char *text_for_terminal(const char *s, char *buf, size_t size);
/* A buffer that holds any catalog text after text_for_terminal(). */
enum { TEXT_OUT_MAX = 4096 };
/* Display columns of clean UTF-8 text (one per code point, which holds for
 * the Latin text of the catalog; wide characters count as two). */
size_t text_columns(const char *s);
/* Byte length of the longest prefix of s that fits in cols columns. */
size_t text_prefix_bytes(const char *s, size_t cols);
/* Case-insensitive ASCII comparison of whole strings. */
bool text_equal_nocase(const char *a, const char *b);
/* Edit distance, capped at 99, for did-you-mean suggestions. */
int text_distance(const char *a, const char *b);
/* The closest of count strings (get(list, i) gives string i) to name, if
 * it is close enough to be a typo of it; otherwise NULL. */
const char *text_closest(const char *name,
                         const char *(*get)(const void *, size_t),
                         const void *list, size_t count);

#endif
