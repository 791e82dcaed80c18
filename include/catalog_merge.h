/* catalog_merge: a checked file's entries joined to the catalog by id
 * (catalog_init, _free, _finish and the look-ups in catalog.h).  Internal
 * to the catalog module. */
#ifndef BACKEASE_CATALOG_MERGE_H
#define BACKEASE_CATALOG_MERGE_H

#include "catalog_schema.h"
#include "diag.h"

/* Adds a checked file's entries, replacing those with the same id.  The
 * catalog owns doc from now on, even on failure (out of memory, which
 * callers treat as fatal). */
int catalog_merge_doc(struct catalog *cat, struct catalog_doc *doc,
                      struct diag *d);

#endif
