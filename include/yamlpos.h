/* yamlpos: finds places in YAML text with libyaml, for error messages.
 * Only used after a load has failed, so a good file is parsed once. */
#ifndef BACKEASE_YAMLPOS_H
#define BACKEASE_YAMLPOS_H

#include <stddef.h>

enum { YAMLPOS_DEPTH_MAX = 8 };

/* A path from the document root: each part is a mapping key, or (key NULL)
 * a sequence index counted from 0.  The empty path names the root. */
struct yamlpos_path {
	int len;
	const char *key[YAMLPOS_DEPTH_MAX];
	long index[YAMLPOS_DEPTH_MAX];
};

void yamlpos_path_key(struct yamlpos_path *p, const char *key);
void yamlpos_path_index(struct yamlpos_path *p, long index);

/* Finds the node (for a last part that is a key: the key itself) that the
 * path names; occurrence 2 finds a repeated key's second place.  Sets
 * 1-based *line and *col and returns 0, or returns -1. */
int yamlpos_find(const unsigned char *data, size_t len,
                 const struct yamlpos_path *path, int occurrence, int *line,
                 int *col);

/* libyaml puts the end of a file without a final newline on a line of its
 * own; this moves such a place back to the end of the last real line. */
void yamlpos_fit(const unsigned char *data, size_t len, int *line, int *col);

/* Finds the first syntax error, alias, key that is a list or mapping,
 * second document or string with a NUL character (the last two are what
 * libcyaml would silently drop).
 * Returns 0 when there is none; otherwise 1 with the place and a
 * description in msg. */
int yamlpos_first_problem(const unsigned char *data, size_t len, int *line,
                          int *col, char *msg, size_t size);

#endif
