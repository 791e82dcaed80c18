/* arena: the allocator libcyaml loads a catalog file with.  A file makes
 * thousands of tiny strings; carving them from large chunks that are freed
 * together with the file costs far less than a malloc and free each. */
#ifndef BACKEASE_ARENA_H
#define BACKEASE_ARENA_H

#include <stddef.h>

/* Blocks are aligned to this, enough for pointers, long and double (not
 * for long double), which is all a catalog holds. */
enum { ARENA_ALIGN = 8 };

struct arena;

struct arena *arena_new(void);
/* Frees every chunk; blocks of the arena are invalid afterwards. */
void arena_free(struct arena *a);
/* libcyaml's cyaml_mem_fn_t on the arena ctx (not NULL): allocates (ptr
 * NULL), frees (size 0) or resizes.  Small blocks come from chunks, and
 * freed ones are reused; large ones from malloc.  arena_free() frees all
 * that is left, so nothing needs freeing block by block. */
void *arena_mem(void *ctx, void *ptr, size_t size);

#endif
