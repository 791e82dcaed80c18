/* catalog_validate: the checks of one loaded file (SPEC section 2): ids,
 * texts, numbers, timing and duplicates; it also reads the numbers and
 * fills what libcyaml cannot (params, timing).  Internal to the catalog
 * module; what needs the whole catalog is in catalog_finish(). */
#ifndef BACKEASE_CATALOG_VALIDATE_H
#define BACKEASE_CATALOG_VALIDATE_H

#include "catalog_schema.h"
#include "diag.h"

/* Returns 0, or -1 with the first problem (and its place) in d. */
int catalog_check_doc(const struct catalog_doc *doc, struct diag *d);

#endif
