/* catalog_figure: an exercise's figure checked (SPEC section 12), with a
 * file:line place for each problem, and stored padded to its size.
 * Internal to the catalog module. */
#ifndef BACKEASE_CATALOG_FIGURE_H
#define BACKEASE_CATALOG_FIGURE_H

#include "catalog_schema.h"
#include "diag.h"
#include "yamlpos.h"

/* path is at the exercise; what names it ("exercise 'x'").  Returns 0
 * (also without a figure), or -1 with the problem in d. */
int catalog_check_figure(const struct catalog_doc *doc, struct diag *d,
                         struct yamlpos_path *path, const char *what,
                         struct exercise *ex);

#endif
