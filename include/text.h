/* text: checks and conversions for text that came from a file or a user,
 * so that nothing unsafe reaches the terminal. */
#ifndef BACKEASE_TEXT_H
#define BACKEASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s is valid UTF-8 with no control characters (C0, DEL, C1). */
bool text_is_clean(const char *s);
/* Copies s into out, replacing control characters and invalid UTF-8 with
 * \xNN escapes; truncates with "..." to fit size. */
void text_escape(const char *s, char *out, size_t size);
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
