/* screen_run: a routine running: the countdown, the move's instructions,
 * the bell and speech on each step, and its keys. */
#ifndef BACKEASE_SCREEN_RUN_H
#define BACKEASE_SCREEN_RUN_H

#include "tui_loop.h"

extern const struct tui_screen screen_run;

/* Builds the timeline of p and switches to the run screen; -1 when out of
 * memory. */
int screen_run_start(struct ui *ui, const struct preset *p);
/* Stops the run early, records it and switches to the summary. */
void screen_run_quit(struct ui *ui, uint64_t now);

#endif
