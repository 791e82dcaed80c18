/* scratch: a temporary directory for the unit tests. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "scratch.h"

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
