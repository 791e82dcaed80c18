/* libFuzzer harness for selfexe_section, the reader of a section of the
 * program's own ELF file, fed any bytes as that file (through a memfd).
 *
 * Checked for every input:
 *  - it returns 0 or -1 and never crashes, leaks, hangs or reads past the
 *    file, whatever its header and section table say;
 *  - on 0 the section is at most the limit, NUL-terminated, and bytes of
 *    the input (a section is never made up). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <stdio.h>

#include "common.h"
#include "selfexe.h"
#include "sources.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { LIMIT = 4096 };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	unsigned char *got = NULL;
	size_t len = 0;

	if (fd < 0) {
		fd = memfd_create("fuzz_selfexe", 0);
		if (fd < 0)
			fuzz_die("fuzz_selfexe", "memfd_create failed", "", "");
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 ||
	    (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
		fuzz_die("fuzz_selfexe", "could not write the input", "", "");
	switch (selfexe_section(path, BUILTIN_CATALOG_SECTION, LIMIT, &got,
	                        &len)) {
	case -1:
		if (got != NULL)
			fuzz_die("fuzz_selfexe", "-1 with data", "", "");
		break;
	case 0:
		if (got == NULL || len > LIMIT || got[len] != '\0')
			fuzz_die("fuzz_selfexe", "bad section", "", "");
		if (len > 0 && memmem(data, size, got, len) == NULL)
			fuzz_die("fuzz_selfexe", "section not from the input",
			         "", "");
		free(got);
		break;
	default:
		fuzz_die("fuzz_selfexe", "neither 0 nor -1", "", "");
	}
	return 0;
}
