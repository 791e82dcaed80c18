/* selfexe: a section of the program's own file, read when it is needed.
 *
 * The built-in catalog's YAML is kept in a section that is not loaded
 * (objcopy adds it at build time): only a message about a place in it
 * reads it, and no countdown carries its 50 kB in memory. */
#ifndef BACKEASE_SELFEXE_H
#define BACKEASE_SELFEXE_H

#include <stddef.h>

/* The bytes of section name of the ELF file at path (the program's own is
 * "/proc/self/exe"), NUL-terminated in a malloc'd *data of *len bytes
 * plus the NUL.  Returns 0, or -1 when the file cannot be read, is not a
 * 64-bit ELF file, or has no such section (or one over max bytes). */
int selfexe_section(const char *path, const char *name, size_t max,
                    unsigned char **data, size_t *len);

#endif
