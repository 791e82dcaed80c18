/* yamlerr: turns a failed libcyaml load into a message with a file:line
 * place, for any file backease reads with a schema (the catalog, the
 * settings).  libcyaml's log names the failing node in a backtrace; this
 * module captures it and words it for people, finding places with
 * yamlpos. */
#ifndef BACKEASE_YAMLERR_H
#define BACKEASE_YAMLERR_H

#include <cyaml/cyaml.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "yamlpos.h"

/* What libcyaml's log said: its first error line, and the backtrace that
 * follows it (one line per level, innermost first, each with a line and
 * column). */
struct yamlerr_log {
	char first[256];
	int line, col;
	int in_lines;    /* backtrace lines seen */
	bool at_mapping; /* the innermost one is a mapping, not a field */
	int levels;
	char key[YAMLPOS_DEPTH_MAX][64]; /* innermost first; "" = index */
	long index[YAMLPOS_DEPTH_MAX];
};

/* libcyaml's cyaml_log_fn_t; ctx is a zeroed struct yamlerr_log. */
void yamlerr_log_fn(cyaml_log_t level, void *ctx, const char *fmt,
                    va_list args) __attribute__((format(printf, 3, 0)));

/* The text being loaded, and how its kind of file is worded. */
struct yamlerr_file {
	const char *name; /* what messages call it, already escaped */
	const unsigned char *text;
	size_t len;
	const char *what; /* "invalid catalog", when nothing better is known */
	/* Names the entry a path is in ("exercise 3", or "" at the top)
	 * and sets *keys to the keys that entry takes.  The path names a
	 * mapping (is_mapping) or a value inside one. */
	void (*describe)(const struct yamlpos_path *p, bool is_mapping,
	                 char *buf, size_t size, const char **keys);
	/* The words an enum key takes ("seated, standing, ..."), or NULL. */
	const char *(*enum_values)(const char *key);
	/* What a list with a minimum of entries takes, or NULL. */
	const char *list_words;
};

/* Sets d for a failed cyaml_load_data of f's text. */
void yamlerr_explain(const struct yamlerr_file *f, cyaml_err_t err,
                     const struct yamlerr_log *log, struct diag *d);

/* Sets d for a problem at path (ending in a key, or at the entry; NULL: no
 * place) and returns -1. */
int yamlerr_fail(const struct yamlerr_file *f, struct diag *d,
                 const struct yamlpos_path *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
