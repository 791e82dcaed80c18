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
#include "yamlerr.h"
#include "yamlpos.h"

/* The catalog's wording of doc for yamlerr. */
void catalog_explain_file(const struct catalog_doc *doc,
                          struct yamlerr_file *f);

/* Sets d for a failed cyaml_load_data of doc's text. */
void catalog_explain_load(const struct catalog_doc *doc, cyaml_err_t err,
                          const struct yamlerr_log *log, struct diag *d);

/* Sets d for a problem at path (ending in a key, or at the entry; NULL: no
 * place) and returns -1. */
int catalog_doc_fail(const struct catalog_doc *doc, struct diag *d,
                     const struct yamlpos_path *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
