/* screen_summary: how the run that just ended went, the change in pain,
 * and the nudge of SPEC section 8 when it is due (never blocking). */
#ifndef BACKEASE_SCREEN_SUMMARY_H
#define BACKEASE_SCREEN_SUMMARY_H

#include <stdbool.h>

#include "tui_loop.h"

extern const struct tui_screen screen_summary;

/* Writes the ended run's history line with the check-in's answers, if it
 * is still due, then loads the stats (which count it) and decides on the
 * nudge.  Does nothing the second time. */
void screen_summary_record(struct ui *ui);
/* Records, drops the ended run and goes to the menu, or leaves the
 * program (after the "And now?" question, when it is up). */
void screen_summary_leave(struct ui *ui, bool to_menu);
/* After curses has ended: the change in pain, and the nudge if the
 * summary did not show it. */
void screen_summary_print(struct ui *ui);

#endif
