/* scratch: a temporary directory for the unit tests that need files,
 * removed with everything in it afterwards; and the built-in catalog,
 * which several of them test against. */
#ifndef BACKEASE_TEST_SCRATCH_H
#define BACKEASE_TEST_SCRATCH_H

#include <stddef.h>

#include "catalog.h"

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
/* The built-in catalog, loaded and finished by scratch_cat_load (a
 * cmocka group setup: -1 when it does not load) and freed by
 * scratch_cat_free (its teardown). */
extern struct catalog scratch_cat;
int scratch_cat_load(void **state);
int scratch_cat_free(void **state);

#endif
