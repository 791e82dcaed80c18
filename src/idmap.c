/* idmap: open addressing with linear probing, FNV-1a hashes. */
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
find_slot(struct idmap_slot *slots, size_t cap, const char *key)
{
	size_t i = hash(key) & (cap - 1);

	while (slots[i].key != NULL && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int
grow(struct idmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64, i;
	struct idmap_slot *slots = calloc(cap, sizeof *slots);

	if (slots == NULL)
		return -1;
	for (i = 0; i < m->cap; i++)
		if (m->slots[i].key != NULL)
			*find_slot(slots, cap, m->slots[i].key) = m->slots[i];
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

int
idmap_put(struct idmap *m, const char *key, size_t value, size_t *old)
{
	struct idmap_slot *s;

	/* keep the load under 1/2 so probes stay short */
	if ((m->count + 1) * 2 > m->cap && grow(m) != 0)
		return -1;
	s = find_slot(m->slots, m->cap, key);
	if (s->key != NULL) {
		if (old != NULL)
			*old = s->value;
		s->key = key;
		s->value = value;
		return 1;
	}
	s->key = key;
	s->value = value;
	m->count++;
	return 0;
}

bool
idmap_get(const struct idmap *m, const char *key, size_t *value)
{
	const struct idmap_slot *s;

	if (m->cap == 0)
		return false;
	s = find_slot(m->slots, m->cap, key);
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
