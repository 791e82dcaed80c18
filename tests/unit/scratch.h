/* scratch: a temporary directory for the unit tests that need files,
 * removed with everything in it afterwards. */
#ifndef BACKEASE_TEST_SCRATCH_H
#define BACKEASE_TEST_SCRATCH_H

/* The directory's path while one exists, "" otherwise. */
extern char scratch[64];

void make_scratch(void);
/* Removes it; does nothing when there is none. */
void remove_scratch(void);

#endif
