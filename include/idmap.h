/* idmap: a hash map from id strings to array positions, so that merging
 * and duplicate checks stay linear in the size of the catalog. */
#ifndef BACKEASE_IDMAP_H
#define BACKEASE_IDMAP_H

#include <stdbool.h>
#include <stddef.h>

struct idmap_slot {
	const char *key; /* borrowed; NULL = empty */
	size_t value;
	size_t hash; /* of key: most probes and all regrowth skip the key */
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
/* Inserts key if it is not there (returns 0); otherwise returns 1 with
 * its value in *value and the map unchanged.  -1: out of memory. */
int idmap_add(struct idmap *m, const char *key, size_t value,
              size_t *existing);
bool idmap_get(const struct idmap *m, const char *key, size_t *value);
/* Makes room for n keys in all, so that filling the map never regrows it.
 * Returns 0 or -1 (out of memory; the map is unchanged). */
int idmap_reserve(struct idmap *m, size_t n);
void idmap_free(struct idmap *m);

#endif
