/* ui_curses: the full-screen front end's two entry points.  The terminal
 * and drawing primitives are in tui.c, the event loop and the screen
 * switching in tui_loop.c, each screen in a screen_*.c. */
#include "ui_curses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "screen_menu.h"
#include "screen_remind.h"
#include "screen_run.h"
#include "screen_stats.h"
#include "screen_summary.h"
#include "signals.h"
#include "speech.h"
#include "tui_loop.h"
#include "ui_plain.h"

bool
ui_curses_usable(const char **why)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*why = "not a terminal";
		return false;
	}
	if (term == NULL || term[0] == '\0') {
		*why = "TERM is not set";
		return false;
	}
	if (strcmp(term, "dumb") == 0) {
		*why = "TERM=dumb cannot show the full-screen display";
		return false;
	}
	/* an unknown TERM is found by newterm() in ui_curses_main() */
	*why = NULL;
	return true;
}

/* Without curses: the menu cannot be shown; a run goes on in plain mode,
 * and so does a reminder (-1: its caller runs the plain one). */
static int
fall_back(const struct preset *preset, const struct run_options *ro,
          struct remind_run *m)
{
	if (m != NULL) {
		fprintf(stderr, "backease: cannot use this terminal (unknown "
		                "TERM?); using plain mode\n");
		return -1;
	}
	if (preset == NULL) {
		fprintf(stderr, "backease: cannot use this terminal "
		                "(unknown TERM?); try 'backease list'\n");
		return 1;
	}
	fprintf(stderr, "backease: cannot use this terminal (unknown "
	                "TERM?); using plain mode\n");
	return ui_plain_run(preset, ro);
}

/* The menu, a run of preset, or (m not NULL) the reminder offering it. */
static int
curses_main(const struct catalog *cat, const struct preset *preset,
            const struct run_options *ro, struct remind_run *m)
{
	struct ui ui;
	int sig_fd;

	memset(&ui, 0, sizeof ui);
	ui.cat = cat;
	ui.ro = ro;
	ui.screen = SCREEN_MENU;
	/* + 1: the last entry, Quick routine (screen_quick.h) */
	ui.shown = calloc(cat->presets_count + 1, sizeof *ui.shown);
	if (ui.shown == NULL)
		return 1;
	screen_menu_filter(&ui);
	/* the menu's header shows the streak: read the history once */
	if (preset == NULL)
		screen_stats_load(&ui);
	run_clock_init(&ui.clock, ro->speed);
	if (ro->speak && !speech_init())
		snprintf(ui.notice, sizeof ui.notice,
		         "--speak: neither spd-say nor espeak-ng is installed");

	/* our handlers first, so curses keeps its hands off the signals */
	sig_fd = signals_install(1);
	if (sig_fd < 0 || tui_start(&ui.tui, ro->color) != 0) {
		screen_stats_free(&ui);
		free(ui.shown);
		return fall_back(preset, ro, m);
	}
	if (m != NULL && screen_remind_open(&ui, m, preset) != 0) {
		tui_end(&ui.tui);
		free(ui.shown);
		fprintf(stderr, "backease: out of memory\n");
		return 1;
	}
	if (m == NULL && preset != NULL && screen_run_start(&ui, preset) != 0) {
		tui_end(&ui.tui);
		free(ui.shown);
		fprintf(stderr, "backease: out of memory\n");
		return 1;
	}
	if (run_safety_due())
		tui_loop_open_overlay(&ui, SCREEN_SAFETY,
		                      run_clock_now(&ui.clock));

	tui_loop_run(&ui, sig_fd);
	/* a signal during "And now?": the run is recorded all the same */
	screen_summary_record(&ui);

	timeline_free(&ui.tl);
	engine_free(ui.e);
	screen_remind_close(&ui);
	tui_end(&ui.tui);
	free(ui.shown);
	/* lines for the scrollback, as plain mode ends (not to a terminal
	 * that stops output from the background) */
	if (ui.ran && !signals_tty_refuses_output(STDOUT_FILENO)) {
		run_print_end(ui.preset->name, &ui.end);
		screen_summary_print(&ui);
	}
	screen_stats_free(&ui);
	/* a signal's status first; then a lost history line is a failure */
	if (ui.exit_status == 0 && ui.history_failed)
		return 1;
	return ui.exit_status;
}

int
ui_curses_main(const struct catalog *cat, const struct preset *preset,
               const struct run_options *ro)
{
	return curses_main(cat, preset, ro, NULL);
}

int
ui_curses_remind(const struct catalog *cat, const struct preset *preset,
                 const struct run_options *ro, struct remind_run *m)
{
	return curses_main(cat, preset, ro, m);
}
