/* catalog_explain: turns a failed libcyaml load, or a problem the
 * validator found, into a message with a file:line place (found with
 * yamlpos).  Internal to the catalog module. */
#ifndef BACKEASE_CATALOG_EXPLAIN_H
#define BACKEASE_CATALOG_EXPLAIN_H

#include <cyaml/cyaml.h>
#include <stdarg.h>
#include <stdbool.h>

#include "catalog_schema.h"
#include "diag.h"
#include "yamlpos.h"

/* What libcyaml's log said: its first error line, and the backtrace that
 * follows it (one line per level, innermost first, each with a line and
 * column). */
struct catalog_log {
	char first[256];
	int line, col;
	int in_lines;    /* backtrace lines seen */
	bool at_mapping; /* the innermost one is a mapping, not a field */
	int levels;
	char key[YAMLPOS_DEPTH_MAX][64]; /* innermost first; "" = index */
	long index[YAMLPOS_DEPTH_MAX];
};

/* libcyaml's cyaml_log_fn_t; ctx is a zeroed struct catalog_log. */
void catalog_log_fn(cyaml_log_t level, void *ctx, const char *fmt,
                    va_list args) __attribute__((format(printf, 3, 0)));

/* Sets d for a failed cyaml_load_data of doc's text. */
void catalog_explain_load(const struct catalog_doc *doc, cyaml_err_t err,
                          const struct catalog_log *log, struct diag *d);

/* Sets d for a problem at path (ending in a key, or at the entry; NULL: no
 * place) and returns -1. */
int catalog_doc_fail(const struct catalog_doc *doc, struct diag *d,
                     const struct yamlpos_path *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
