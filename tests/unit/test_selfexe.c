/* Unit tests of selfexe: the built-in catalog's YAML is found in the
 * program's own file (the Makefile adds it to every test binary too), and
 * a file that is not what it should be gives -1, never a crash or a read
 * outside it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scratch.h"
#include "selfexe.h"
#include "sources.h"

/* The whole of a file, NUL-terminated. */
static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void
put_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void
test_own_section_is_the_yaml(void **state)
{
	unsigned char *data = NULL, *want;
	size_t len = 0, want_len;

	(void)state;
	want = slurp("data/exercises.yaml", &want_len);
	assert_int_equal(selfexe_section("/proc/self/exe",
	                                 BUILTIN_CATALOG_SECTION, 1 << 20,
	                                 &data, &len),
	                 0);
	assert_int_equal(len, want_len);
	assert_memory_equal(data, want, len);
	assert_int_equal(data[len], '\0');
	free(data);
	free(want);
}

static void
test_missing_or_too_big(void **state)
{
	unsigned char *data = NULL;
	size_t len = 0, yaml_len;

	(void)state;
	free(slurp("data/exercises.yaml", &yaml_len));
	assert_int_equal(selfexe_section("/proc/self/exe", ".no.such", 1 << 20,
	                                 &data, &len),
	                 -1);
	/* a prefix of the name is not the name */
	assert_int_equal(selfexe_section("/proc/self/exe", ".backease",
	                                 1 << 20, &data, &len),
	                 -1);
	assert_int_equal(selfexe_section("/proc/self/exe",
	                                 BUILTIN_CATALOG_SECTION, yaml_len - 1,
	                                 &data, &len),
	                 -1);
	/* a section that takes no room in the file */
	assert_int_equal(selfexe_section("/proc/self/exe", ".bss", 1 << 20,
	                                 &data, &len),
	                 -1);
	assert_int_equal(selfexe_section("/no/such/file", ".text", 1 << 20,
	                                 &data, &len),
	                 -1);
	assert_null(data);
}

/* Copies of the test binary cut short or with a header field broken: each
 * is refused (or, where the damage misses what is read, still right). */
static void
test_damaged_files(void **state)
{
	unsigned char *self, *copy, *data;
	size_t len, n, cuts[] = {0, 4, 63, 64, 4096};
	char path[128];
	Elf64_Ehdr *eh;
	unsigned i;
	int rc;

	(void)state;
	make_scratch();
	self = slurp("/proc/self/exe", &len);
	copy = malloc(len);
	assert_non_null(copy);
	snprintf(path, sizeof path, "%s/exe", scratch);
	put_file(path, "not an ELF file at all", 22);
	data = NULL;
	assert_int_equal(selfexe_section(path, ".text", 1 << 20, &data, &n),
	                 -1);
	for (i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		put_file(path, self, cuts[i]);
		assert_int_equal(selfexe_section(path, BUILTIN_CATALOG_SECTION,
		                                 1 << 20, &data, &n),
		                 -1);
	}
	/* cut inside the section table, which comes last */
	eh = (Elf64_Ehdr *)(void *)self;
	put_file(path, self, (size_t)eh->e_shoff + 10);
	assert_int_equal(selfexe_section(path, BUILTIN_CATALOG_SECTION,
	                                 1 << 20, &data, &n),
	                 -1);
	/* broken fields of the header */
	for (i = 0; i < 5; i++) {
		memcpy(copy, self, len);
		eh = (Elf64_Ehdr *)(void *)copy;
		if (i == 0)
			eh->e_ident[EI_CLASS] = ELFCLASS32;
		else if (i == 1)
			eh->e_shstrndx = eh->e_shnum;
		else if (i == 2)
			eh->e_shentsize = 1;
		else if (i == 3)
			eh->e_shoff = (Elf64_Off)len * 4;
		else
			eh->e_shnum = 60000;
		put_file(path, copy, len);
		assert_int_equal(selfexe_section(path, BUILTIN_CATALOG_SECTION,
		                                 1 << 20, &data, &n),
		                 -1);
	}
	/* a whole copy still works */
	put_file(path, self, len);
	rc = selfexe_section(path, BUILTIN_CATALOG_SECTION, 1 << 20, &data,
	                     &n);
	assert_int_equal(rc, 0);
	free(data);
	free(copy);
	free(self);
	remove_scratch();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_section_is_the_yaml),
		cmocka_unit_test(test_missing_or_too_big),
		cmocka_unit_test_teardown(test_damaged_files,
		                          scratch_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
