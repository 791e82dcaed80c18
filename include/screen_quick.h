/* screen_quick: the menu's last entry, "Quick routine": asks for the
 * minutes, where and what equipment, one step at a time, shows the plan
 * and starts it as `backease quick` would run it. */
#ifndef BACKEASE_SCREEN_QUICK_H
#define BACKEASE_SCREEN_QUICK_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_loop.h"

/* What ui->shown holds for the entry (after the presets, when it passes
 * the filter; ui->shown has room for one more than the presets). */
#define SCREEN_QUICK_ENTRY ((size_t)-1)
#define SCREEN_QUICK_NAME  "Quick routine"

extern const struct tui_screen screen_quick;

/* Does the entry pass the menu's filter (by its name or "quick")? */
bool screen_quick_matches(const char *filter);
/* The entry's cells in the menu's list: time, where and needs. */
void screen_quick_cells(char *total, size_t tsize, char *where, size_t wsize,
			char *needs, size_t nsize);
/* The menu's detail pane for the entry, rows rows from y. */
void screen_quick_detail(struct ui *ui, int y, int rows);
/* Enter on the entry: the dialog opens at its first step (with the
 * choices made last time, if any). */
void screen_quick_open(struct ui *ui);

#endif
