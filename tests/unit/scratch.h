/* scratch: a temporary directory for the unit tests that need files,
 * removed with everything in it afterwards. */
#ifndef BACKEASE_TEST_SCRATCH_H
#define BACKEASE_TEST_SCRATCH_H

#include <stddef.h>

/* The directory's path while one exists, "" otherwise. */
extern char scratch[64];

void make_scratch(void);
/* Removes it; does nothing when there is none. */
void remove_scratch(void);
/* remove_scratch() as a cmocka teardown, for a test that failed midway. */
int scratch_teardown(void **state);
/* Writes text to the file name in it (made first if need be); its path
 * in path. */
void scratch_write(const char *name, const char *text, char *path,
                   size_t size);

#endif
