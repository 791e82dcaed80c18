/* catalog_load: reading files and directories and loading them with
 * libcyaml (catalog_add_file, _data, _static, _dir in catalog.h).
 * Internal to the catalog module. */
#ifndef BACKEASE_CATALOG_LOAD_H
#define BACKEASE_CATALOG_LOAD_H

#include <stdbool.h>

#include "catalog_schema.h"

/* Frees a loaded file and everything libcyaml built for it (NULL: no-op). */
void catalog_doc_free(struct catalog_doc *doc);

/* Whether text (whole lines) could hold what libcyaml would drop without
 * a word (a second document, a NUL), so that the file needs a scan of
 * its own; *content (false at the start of a file) is carried from one
 * piece of a file to the next. */
bool catalog_needs_recheck(const unsigned char *text, size_t len,
                           bool *content);

/* Loads, checks and merges a file's text (owned_data, if not NULL, is
 * the buffer the doc keeps and frees). */
int catalog_add_text(struct catalog *cat, const char *name,
                     const unsigned char *data, size_t len,
                     unsigned char *owned_data, struct diag *d);
/* The same for the regular file open on fd, which libcyaml reads itself;
 * takes fd (closed when the doc goes, or at once on error). */
int catalog_add_stream(struct catalog *cat, const char *name, int fd,
                       struct diag *d);

/* Reads the file on fd from its start: at most size + 1 bytes, so that a
 * file grown past its size shows (into *buf, malloc'd, with *len).
 * Returns 0, or -1 with errno set. */
int catalog_read_fd(int fd, size_t size, unsigned char **buf, size_t *len);

#endif
