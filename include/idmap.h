/* idmap: a hash map from id strings to array positions, so that merging
 * and duplicate checks stay linear in the size of the catalog. */
#ifndef BACKEASE_IDMAP_H
#define BACKEASE_IDMAP_H

#include <stdbool.h>
#include <stddef.h>

struct idmap_slot {
	const char *key; /* borrowed; NULL = empty */
	size_t value;
};

struct idmap {
	struct idmap_slot *slots;
	size_t cap; /* a power of two, or 0 */
	size_t count;
};

/* Inserts key or, if present, sets its value and returns 1 with the
 * previous value in *old (old may be NULL).  Returns 0 on insert, -1 when
 * out of memory.  key must outlive the map. */
int idmap_put(struct idmap *m, const char *key, size_t value, size_t *old);
bool idmap_get(const struct idmap *m, const char *key, size_t *value);
void idmap_free(struct idmap *m);

#endif
