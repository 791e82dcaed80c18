/* scratch: a temporary directory for the unit tests, and the built-in
 * catalog. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "scratch.h"
#include "sources.h"

char scratch[64];

void
make_scratch(void)
{
	snprintf(scratch, sizeof scratch, "/tmp/backease-test.XXXXXX");
	assert_non_null(mkdtemp(scratch));
}

void
remove_scratch(void)
{
	char cmd[128];

	if (scratch[0] == '\0')
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
	assert_int_equal(system(cmd), 0);
	scratch[0] = '\0';
}

int
scratch_teardown(void **state)
{
	(void)state;
	remove_scratch();
	return 0;
}

void
scratch_write(const char *name, const char *text, char *path, size_t size)
{
	FILE *f;

	if (scratch[0] == '\0')
		make_scratch();
	snprintf(path, size, "%s/%s", scratch, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

struct catalog scratch_cat;

int
scratch_cat_load(void **state)
{
	struct diag d;

	(void)state;
	catalog_init(&scratch_cat);
	if (sources_add_builtin(&scratch_cat, &d) != 0 ||
	    catalog_finish(&scratch_cat, &d) != 0)
		return -1;
	return 0;
}

int
scratch_cat_free(void **state)
{
	(void)state;
	catalog_free(&scratch_cat);
	return 0;
}
