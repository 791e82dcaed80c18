/* xxh: libxxhash's XXH3 (Debian's libxxhash-dev), compiled in from its
 * header rather than linked: the shared library would be mapped into
 * every backease process (76 kB more resident memory, through the
 * kernel's fault-around) for the few readings of the history that hash.
 * Include this, never <xxhash.h> itself. */
#ifndef BACKEASE_XXH_H
#define BACKEASE_XXH_H

#define XXH_INLINE_ALL
#include <xxhash.h>

#endif
