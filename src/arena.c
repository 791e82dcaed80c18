/* arena: small blocks carved from chunks, with free lists by size; large
 * blocks malloc'd and linked, so that arena_free frees everything. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer every block is malloc'd at its exact size, so
 * that an overflow of one is caught rather than landing in its neighbour
 * in a chunk or in the slack of a block grown ahead. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#define ARENA_SMALL_MAX 0
#define ARENA_GROW(cap, size) (size)
#else
#define ARENA_SMALL_MAX 512
/* a block that grows (libcyaml grows a sequence one entry at a time)
 * takes twice what it had, so growing is linear */
#define ARENA_GROW(cap, size) ((size) > 2 * (cap) ? (size) : 2 * (cap))
#endif

enum {
	CHUNK_SIZE = 64 * 1024,
	SMALL_MAX = ARENA_SMALL_MAX,
	/* What the catalog's structs need (pointers, long, unsigned); a
	 * 16-byte max_align_t would add 8 bytes to most of its strings. */
	ALIGN = ARENA_ALIGN,
	CLASSES = SMALL_MAX / ALIGN + 1,
};

/* Just before every block: what it can hold, and where it came from. */
struct header {
	uint32_t cap;
	uint32_t large; /* malloc'd, preceded by a struct large */
};

/* A malloc'd block, on the arena's list so that arena_free finds it. */
struct large {
	struct large *prev, *next;
	size_t cap;
	struct header h; /* the block follows, 16-byte aligned as malloc's */
};

struct chunk {
	struct chunk *next;
	alignas(ALIGN) unsigned char data[CHUNK_SIZE];
};

struct free_block {
	struct free_block *next;
};

struct arena {
	struct chunk *chunks;
	size_t used; /* of the first chunk */
	struct large *large;
	struct free_block *free[CLASSES]; /* by cap / ALIGN */
};

_Static_assert(sizeof(struct header) == ALIGN, "header keeps alignment");
_Static_assert(sizeof(struct large) % 16 == 0, "large keeps alignment");

struct arena *
arena_new(void)
{
	struct arena *a = calloc(1, sizeof *a);

	if (a != NULL)
		a->used = CHUNK_SIZE; /* no chunk yet */
	return a;
}

void
arena_free(struct arena *a)
{
	struct chunk *c, *next;
	struct large *l, *lnext;

	if (a == NULL)
		return;
	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	for (l = a->large; l != NULL; l = lnext) {
		lnext = l->next;
		free(l);
	}
	free(a);
}

static size_t
round_up(size_t n)
{
	return (n + ALIGN - 1) / ALIGN * ALIGN;
}

/* A small block of cap bytes (a multiple of ALIGN): a freed one of the
 * same size, or the next in the chunk. */
static struct header *
small_new(struct arena *a, size_t cap)
{
	struct free_block *f = a->free[cap / ALIGN];
	struct header *h;
	struct chunk *c;

	if (f != NULL) {
		a->free[cap / ALIGN] = f->next;
		return (struct header *)(void *)f - 1;
	}
	if (a->used + sizeof *h + cap > CHUNK_SIZE) {
		c = malloc(sizeof *c);
		if (c == NULL)
			return NULL;
		c->next = a->chunks;
		a->chunks = c;
		a->used = 0;
	}
	h = (struct header *)(void *)(a->chunks->data + a->used);
	a->used += sizeof *h + cap;
	h->cap = (uint32_t)cap;
	h->large = 0;
	return h;
}

static void
large_unlink(struct arena *a, struct large *l)
{
	if (l->prev != NULL)
		l->prev->next = l->next;
	else
		a->large = l->next;
	if (l->next != NULL)
		l->next->prev = l->prev;
}

static void
large_link(struct arena *a, struct large *l)
{
	l->prev = NULL;
	l->next = a->large;
	if (a->large != NULL)
		a->large->prev = l;
	a->large = l;
}

/* A large block of at least size bytes; old (unlinked by the caller, or
 * NULL) is resized in place of a new one. */
static struct header *
large_new(struct arena *a, struct large *old, size_t size)
{
	struct large *l;

	if (size > UINT32_MAX)
		return NULL;
	l = realloc(old, sizeof *l + size);
	if (l == NULL)
		return NULL;
	l->cap = size;
	l->h.cap = (uint32_t)size;
	l->h.large = 1;
	large_link(a, l);
	return &l->h;
}

static void
block_free(struct arena *a, struct header *h)
{
	struct free_block *f = (struct free_block *)(void *)(h + 1);

	if (h->large) {
		struct large *l = (struct large *)(void *)((char *)h -
		                                           offsetof(struct large,
		                                                    h));

		large_unlink(a, l);
		free(l);
		return;
	}
	f->next = a->free[h->cap / ALIGN];
	a->free[h->cap / ALIGN] = f;
}

void *
arena_mem(void *ctx, void *ptr, size_t size)
{
	struct arena *a = ctx;
	struct header *old = ptr ? (struct header *)ptr - 1 : NULL, *h;
	size_t cap;

	if (size == 0) {
		if (old != NULL)
			block_free(a, old);
		return NULL;
	}
	if (old != NULL && size <= old->cap)
		return ptr;
	cap = old != NULL ? ARENA_GROW((size_t)old->cap, size) : size;
	if (old != NULL && old->large) {
		struct large *l = (struct large *)(void *)((char *)old -
		                                           offsetof(struct large,
		                                                    h));

		large_unlink(a, l);
		h = large_new(a, l, cap);
		if (h == NULL)
			large_link(a, l); /* still the caller's */
		return h != NULL ? h + 1 : NULL;
	}
	h = round_up(cap) <= SMALL_MAX ? small_new(a, round_up(cap))
	                               : large_new(a, NULL, cap);
	if (h == NULL)
		return NULL;
	if (old != NULL) {
		memcpy(h + 1, old + 1, old->cap);
		block_free(a, old);
	}
	return h + 1;
}
