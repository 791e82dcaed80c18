/* ui_curses: placeholder until the full-screen front end lands. */
#include "ui_curses.h"

bool
ui_curses_usable(const char **why)
{
	*why = "the full-screen display is not built yet";
	return false;
}

int
ui_curses_main(const struct catalog *cat, const struct preset *preset,
               const struct run_options *ro)
{
	(void)cat, (void)preset, (void)ro;
	return 1;
}
