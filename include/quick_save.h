/* quick_save: writes a quick routine as a preset file in the user's
 * catalog.d, so it shows up in `list`, `plan` and the menu. */
#ifndef BACKEASE_QUICK_SAVE_H
#define BACKEASE_QUICK_SAVE_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "diag.h"

/* Writes p as preset `id` (with summary) to catalog.d/ID.yaml: first to
 * a temporary file in that folder, which the real loader must accept on
 * top of the catalog, then renamed into place.  An id the catalog
 * already has is refused unless force.  0 with the file's path in path,
 * or -1 with d set. */
int quick_save(const struct preset *p, const char *id, const char *summary,
               bool force, const struct catalog *cat, char *path,
               size_t size, struct diag *d);

/* The preset as YAML text; returns its length, or -1 when it does not
 * fit. */
int quick_save_yaml(const struct preset *p, const char *id,
                    const char *summary, char *buf, size_t size);

#endif
