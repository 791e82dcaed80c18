/* idmap: open addressing with linear probing, FNV-1a hashes kept in the
 * slots. */
#include "idmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 1099511628211u;
	}
	return (size_t)h;
}

static struct idmap_slot *
find_slot(struct idmap_slot *slots, size_t cap, const char *key, size_t h)
{
	size_t i = h & (cap - 1);

	while (slots[i].key != NULL &&
	       (slots[i].hash != h || strcmp(slots[i].key, key) != 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

/* A new table of cap slots (a power of two) with the same entries. */
static int
rehash(struct idmap *m, size_t cap)
{
	struct idmap_slot *slots = calloc(cap, sizeof *slots), *s;
	size_t i;

	if (slots == NULL)
		return -1;
	for (i = 0; i < m->cap; i++) {
		if (m->slots[i].key == NULL)
			continue;
		/* the keys are all different: the first free slot */
		for (s = &slots[m->slots[i].hash & (cap - 1)]; s->key != NULL;
		     s = &slots[(size_t)(s - slots + 1) & (cap - 1)])
			;
		*s = m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

int
idmap_reserve(struct idmap *m, size_t n)
{
	size_t cap = m->cap ? m->cap : 64;

	/* keep the load under 1/2 so probes stay short */
	while (n * 2 > cap)
		cap *= 2;
	return cap > m->cap ? rehash(m, cap) : 0;
}

/* Inserts key with value (returns 0), or finds it (returns 1, its slot
 * in *found); -1 when out of memory. */
static int
insert(struct idmap *m, const char *key, size_t value,
       struct idmap_slot **found)
{
	size_t h = hash(key);
	struct idmap_slot *s;

	if ((m->count + 1) * 2 > m->cap && idmap_reserve(m, m->count + 1))
		return -1;
	s = find_slot(m->slots, m->cap, key, h);
	if (s->key != NULL) {
		*found = s;
		return 1;
	}
	*s = (struct idmap_slot){key, value, h};
	m->count++;
	return 0;
}

int
idmap_put(struct idmap *m, const char *key, size_t value, size_t *old)
{
	struct idmap_slot *s;
	int rc = insert(m, key, value, &s);

	if (rc == 1) {
		if (old != NULL)
			*old = s->value;
		s->key = key;
		s->value = value;
	}
	return rc;
}

int
idmap_add(struct idmap *m, const char *key, size_t value, size_t *existing)
{
	struct idmap_slot *s;
	int rc = insert(m, key, value, &s);

	if (rc == 1)
		*existing = s->value;
	return rc;
}

bool
idmap_get(const struct idmap *m, const char *key, size_t *value)
{
	const struct idmap_slot *s;

	if (m->cap == 0)
		return false;
	s = find_slot(m->slots, m->cap, key, hash(key));
	if (s->key == NULL)
		return false;
	*value = s->value;
	return true;
}

void
idmap_free(struct idmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}
