/* arena: chunked allocation with a size header on every block. */
#include "arena.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer every block is malloc'd, so that an overflow
 * of one is caught rather than landing in its neighbour in a chunk. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_SMALL_MAX 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_SMALL_MAX 0
#endif
#endif
#ifndef ARENA_SMALL_MAX
#define ARENA_SMALL_MAX 512 /* larger blocks, arrays that grow, are malloc'd */
#endif

enum {
	CHUNK_SIZE = 64 * 1024,
	SMALL_MAX = ARENA_SMALL_MAX,
};

/* Every block starts with this, so realloc knows the old size and free
 * knows where the block came from. */
struct header {
	alignas(max_align_t) size_t size;
	bool from_malloc;
};

struct chunk {
	struct chunk *next;
	size_t used;
	alignas(max_align_t) unsigned char data[CHUNK_SIZE];
};

struct arena {
	struct chunk *chunks;
};

struct arena *
arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

static size_t
round_up(size_t n)
{
	size_t align = alignof(max_align_t);

	return (n + align - 1) / align * align;
}

static struct header *
block_new(struct arena *a, size_t size)
{
	size_t need = round_up(sizeof(struct header) + size);
	struct header *h;
	struct chunk *c;

	if (a == NULL || size > SMALL_MAX) {
		h = malloc(sizeof *h + size);
		if (h != NULL)
			h->from_malloc = true;
	} else {
		c = a->chunks;
		if (c == NULL || c->used + need > CHUNK_SIZE) {
			c = malloc(sizeof *c);
			if (c == NULL)
				return NULL;
			c->next = a->chunks;
			c->used = 0;
			a->chunks = c;
		}
		h = (struct header *)(void *)(c->data + c->used);
		c->used += need;
		h->from_malloc = false;
	}
	if (h != NULL)
		h->size = size;
	return h;
}

void *
arena_mem(void *ctx, void *ptr, size_t size)
{
	struct header *old = ptr ? (struct header *)ptr - 1 : NULL, *h;

	if (size == 0) {
		if (old != NULL && old->from_malloc)
			free(old);
		return NULL; /* arena blocks go with the arena */
	}
	if (old != NULL && old->from_malloc && size > SMALL_MAX) {
		h = realloc(old, sizeof *h + size);
		if (h == NULL)
			return NULL;
		h->size = size;
		return h + 1;
	}
	h = block_new(ctx, size);
	if (h == NULL)
		return NULL;
	if (old != NULL) {
		memcpy(h + 1, old + 1, old->size < size ? old->size : size);
		if (old->from_malloc)
			free(old);
	}
	return h + 1;
}
