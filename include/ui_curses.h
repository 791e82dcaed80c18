/* ui_curses: the full-screen front end: the preset menu and the run
 * screen.  Its parts (tui.c, tui_loop.c, screen_*.c) are the only files
 * that include curses; this header does not. */
#ifndef BACKEASE_UI_CURSES_H
#define BACKEASE_UI_CURSES_H

#include <stdbool.h>

#include "catalog.h"
#include "run.h"

/* False, with a reason, when the terminal cannot be used (no TERM,
 * TERM=dumb, not a terminal). */
bool ui_curses_usable(const char **why);
/* The menu (preset NULL) or a run of preset; returns the exit status. */
int ui_curses_main(const struct catalog *cat, const struct preset *preset,
                   const struct run_options *ro);

#endif
