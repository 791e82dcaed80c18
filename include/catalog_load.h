/* catalog_load: reading files and directories and loading them with
 * libcyaml (catalog_add_file, _data, _static, _dir in catalog.h).
 * Internal to the catalog module. */
#ifndef BACKEASE_CATALOG_LOAD_H
#define BACKEASE_CATALOG_LOAD_H

#include "catalog_schema.h"

/* Frees a loaded file and everything libcyaml built for it (NULL: no-op). */
void catalog_doc_free(struct catalog_doc *doc);

#endif
