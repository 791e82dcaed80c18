/* arena: the allocator libcyaml loads a catalog file with.  A file makes
 * thousands of tiny strings; carving them from large chunks that are freed
 * together with the file costs far less than a malloc and free each. */
#ifndef BACKEASE_ARENA_H
#define BACKEASE_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
/* Frees every chunk; blocks of the arena are invalid afterwards. */
void arena_free(struct arena *a);
/* libcyaml's cyaml_mem_fn_t: allocates (ptr NULL), frees (size 0) or
 * resizes.  Small blocks come from the arena (ctx); large ones, and any
 * block when ctx is NULL, from malloc. */
void *arena_mem(void *ctx, void *ptr, size_t size);

#endif
