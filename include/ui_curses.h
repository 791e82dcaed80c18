/* ui_curses: the full-screen front end: the preset menu, the run screen
 * and the reminder's screen.  Its parts (tui.c, tui_loop.c, screen_*.c) are the only files
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
/* The reminder's waiting screen (remind_run started), offering preset;
 * its breaks run as ui_curses_main() runs a preset.  The exit status, or
 * -1 when the terminal cannot be used (then nothing was shown). */
struct remind_run;
int ui_curses_remind(const struct catalog *cat, const struct preset *preset,
                     const struct run_options *ro, struct remind_run *m);

#endif
