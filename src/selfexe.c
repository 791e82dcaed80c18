/* selfexe: a section of an ELF file, found by its name. */
#include "selfexe.h"

#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* More sections than a program of ours has, and more bytes of names. */
enum { SECTIONS_MAX = 256, NAMES_MAX = 64 * 1024 };

/* All of size bytes at off, or -1. */
static int
read_at(int fd, void *buf, size_t size, uint64_t off)
{
	size_t done = 0;
	ssize_t got;

	if (off > (uint64_t)INT64_MAX - size)
		return -1;
	while (done < size) {
		got = pread(fd, (char *)buf + done, size - done,
		            (off_t)(off + done));
		if (got <= 0)
			return -1;
		done += (size_t)got;
	}
	return 0;
}

/* A malloc'd copy of size bytes at off, NUL-terminated, or NULL. */
static unsigned char *
read_copy(int fd, uint64_t off, size_t size)
{
	unsigned char *buf = malloc(size + 1);

	if (buf == NULL || read_at(fd, buf, size, off) != 0) {
		free(buf);
		return NULL;
	}
	buf[size] = '\0';
	return buf;
}

static int
find_section(int fd, const char *name, size_t max, unsigned char **data,
             size_t *len)
{
	Elf64_Ehdr eh;
	Elf64_Shdr *sh = NULL, *names;
	unsigned char *strtab = NULL;
	size_t want = strlen(name) + 1;
	unsigned i;
	int rc = -1;

	if (read_at(fd, &eh, sizeof eh, 0) != 0 ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_shentsize != sizeof *sh || eh.e_shnum == 0 ||
	    eh.e_shnum > SECTIONS_MAX || eh.e_shstrndx >= eh.e_shnum)
		return -1;
	sh = calloc(eh.e_shnum, sizeof *sh);
	if (sh == NULL ||
	    read_at(fd, sh, eh.e_shnum * sizeof *sh, eh.e_shoff) != 0)
		goto out;
	names = &sh[eh.e_shstrndx];
	if (names->sh_type != SHT_STRTAB || names->sh_size > NAMES_MAX)
		goto out;
	strtab = read_copy(fd, names->sh_offset, names->sh_size);
	if (strtab == NULL)
		goto out;
	for (i = 0; i < eh.e_shnum; i++) {
		if (sh[i].sh_name >= names->sh_size ||
		    names->sh_size - sh[i].sh_name < want ||
		    memcmp(strtab + sh[i].sh_name, name, want) != 0)
			continue;
		if (sh[i].sh_type == SHT_NOBITS || sh[i].sh_size > max)
			break;
		*data = read_copy(fd, sh[i].sh_offset, sh[i].sh_size);
		if (*data != NULL) {
			*len = sh[i].sh_size;
			rc = 0;
		}
		break;
	}
out:
	free(strtab);
	free(sh);
	return rc;
}

int
selfexe_section(const char *path, const char *name, size_t max,
                unsigned char **data, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = find_section(fd, name, max, data, len);
	close(fd);
	return rc;
}
