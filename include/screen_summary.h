/* screen_summary: how the run that just ended went. */
#ifndef BACKEASE_SCREEN_SUMMARY_H
#define BACKEASE_SCREEN_SUMMARY_H

#include <stdbool.h>

#include "tui_loop.h"

extern const struct tui_screen screen_summary;

/* Drops the ended run and goes to the menu, or leaves the program. */
void screen_summary_leave(struct ui *ui, bool to_menu);

#endif
