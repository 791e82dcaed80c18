/* screen_overlay: the dialogs drawn over a screen.  Each takes every key
 * while it is up; closing one lets a clock it paused run on. */
#include "screen_overlay.h"

#include <curses.h>
#include <string.h>

#include "safety.h"

#include "screen_run.h"
#include "screen_summary.h"

static const char *const help_lines[] = {
    "Keys while a routine runs",
    "",
    "space      pause / resume",
    "n  right   next step",
    "p  left    previous step",
    "enter      self-paced set done",
    "+  -       10 s more / less on this step",
    "m          mute / unmute the bell",
    "i          all of this move's steps",
    "q          quit (asks first)",
    "ctrl-z     pause and suspend; fg returns",
    "",
    "In the menu: up/down or j/k move, enter",
    "starts, / filters by name, s shows the",
    "stats. Its last entry, Quick routine,",
    "asks minutes, where and equipment.",
    "",
    "Before and after a run: 0-9 (t or 1 0",
    "for 10) rate your back, enter confirms,",
    "enter alone or esc skips.",
    "",
    "any key closes this help",
    NULL,
};

static const char *const quit_lines[] = {
    "Quit this routine?", "", "y quit    n keep going", NULL,
};

/* y ends the run (and the program, when it was started without the
 * menu); n, escape or q again keep going. */
static void
key_quit(struct ui *ui, int ch, uint64_t now)
{
	if (ch == 'y' || ch == 'Y') {
		ui->overlay = SCREEN_NONE;
		screen_run_quit(ui, now);
		if (!ui->from_menu)
			screen_summary_leave(ui, false);
	} else if (ch == 'n' || ch == 'N' || ch == KEY_ESCAPE || ch == 'q') {
		tui_loop_close_overlay(ui, now);
	}
}

/* The first-run note: a title, SAFETY_TEXT line by line, a key hint. */
static const char *const *
safety_lines(void)
{
	static char text[] = SAFETY_TEXT;
	static const char *lines[SAFETY_TEXT_LINES + 5];
	char *p, *nl;
	size_t n = 0;

	if (lines[0] != NULL)
		return lines;
	lines[n++] = "Before you start";
	lines[n++] = "";
	for (p = text; *p != '\0' && n < SAFETY_TEXT_LINES + 2; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			break;
		*nl = '\0';
		lines[n++] = p;
	}
	lines[n++] = "";
	lines[n++] = "press any key to go on";
	lines[n] = NULL;
	return lines;
}

/* The three are a box of fixed text: the one shown is ui->overlay. */
static void
draw_text(struct ui *ui, uint64_t now)
{
	(void)now;
	tui_dialog(ui->overlay == SCREEN_HELP   ? help_lines
	           : ui->overlay == SCREEN_QUIT ? quit_lines
	                                        : safety_lines());
}

/* Any key: the note was read, and is not shown again. */
static void
key_safety(struct ui *ui, int ch, uint64_t now)
{
	(void)ch;
	run_safety_shown();
	tui_loop_close_overlay(ui, now);
}

const struct tui_screen screen_help = {
	.draw = draw_text,
	.key = tui_loop_close_on_key,
};

const struct tui_screen screen_quit = {
	.draw = draw_text,
	.key = key_quit,
};

const struct tui_screen screen_safety = {
	.draw = draw_text,
	.key = key_safety,
};
