/* tui_loop: the curses front end's state and its event loop.  Each pass
 * draws the current screen (and the dialog over it, if any) into curses'
 * buffer and lets doupdate() send only the cells that changed; between
 * passes the loop sleeps in poll() on the terminal and the signal pipe
 * until a key, a signal, or the screen's next deadline.
 *
 * A screen is a file screen_NAME.c that defines a struct tui_screen; the
 * enum below names it and the table in tui_loop.c maps the name to it.
 * Dialogs are screens too, shown over one through ui->overlay. */
#ifndef BACKEASE_TUI_LOOP_H
#define BACKEASE_TUI_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "catalog.h"
#include "checkin.h"
#include "clock.h"
#include "engine.h"
#include "run.h"
#include "stats.h"
#include "timeline.h"
#include "tui.h"

enum screen_id {
	SCREEN_NONE, /* as ui->overlay: no dialog */
	SCREEN_MENU,
	SCREEN_RUN,
	SCREEN_SUMMARY,
	SCREEN_QUICK, /* the Quick routine dialog, a screen of its own */
	SCREEN_STATS,
	SCREEN_REMIND,
	/* dialogs, shown over a screen */
	SCREEN_HELP,
	SCREEN_MOVE, /* all of the move's instructions */
	SCREEN_QUIT,
	SCREEN_SAFETY,
	SCREEN_CHECKIN,
	SCREEN_REMIND_HELP,
	SCREEN_COUNT
};

struct ui;
struct remind_ui;

/* What a screen does.  draw and key are needed; a hook left NULL does
 * nothing.  The optional ones are for a screen with a clock (the run). */
struct tui_screen {
	/* Draws all of it on an erased screen. */
	void (*draw)(struct ui *ui, uint64_t now);
	void (*key)(struct ui *ui, int ch, uint64_t now);
	/* Time passed: returns the milliseconds until the screen must be
	 * drawn again (-1: only on a key).  May switch to another screen.
	 * The ui->under screen's is called under the others too. */
	int (*update)(struct ui *ui, uint64_t now);
	/* Draws only what time changes and returns true, when it can:
	 * unchanged says nothing else did (same screen and size, no dialog,
	 * no key or signal).  False: everything is drawn. */
	bool (*draw_part)(struct ui *ui, uint64_t now, bool unchanged);
	/* A dialog opens over it: stops its clock, true when it was running;
	 * then resume is called when the dialog closes. */
	bool (*pause)(struct ui *ui, uint64_t now);
	void (*resume)(struct ui *ui, uint64_t now);
	/* Ctrl-Z: it will come back paused. */
	void (*suspend)(struct ui *ui, uint64_t now);
	/* A signal ends the program now: keep what must be kept. */
	void (*quit)(struct ui *ui, uint64_t now);
};

struct ui {
	struct tui tui;
	const struct catalog *cat;
	const struct run_options *ro;
	bool muted;
	bool from_menu; /* the run was started from the menu */
	enum screen_id screen;
	enum screen_id overlay; /* a dialog over the screen, or SCREEN_NONE */
	enum screen_id overlay_under; /* a dialog it was opened over */
	/* a screen whose update() runs while others are shown (the
	 * reminder, under the break it started), or SCREEN_NONE */
	enum screen_id under;
	bool resume_after_overlay;
	int exit_status;
	bool done; /* leave the program */

	/* menu */
	size_t *shown; /* presets that pass the filter */
	size_t shown_count;
	size_t sel, top;
	char filter[48];
	bool filtering;

	/* run */
	const struct preset *preset;
	struct timeline tl;
	struct engine *e;
	struct run_clock clock;
	time_t started;
	size_t rung_step; /* the step the bell last marked */
	unsigned last_remaining_s;
	char notice[120];
	struct engine_snapshot end; /* for the summary */
	bool ran;                   /* some run ended (for the final line) */
	bool history_failed;        /* a run's history line was not written */

	/* the pain check-in (screen_checkin.c) and what the summary shows
	 * of the run's record (screen_summary.c) */
	struct checkin checkin; /* the question up, if any */
	bool checkin_after;     /* it is "And now?" */
	int pain_before, pain_after; /* 0-10, or HISTORY_PAIN_NONE */
	bool record_due;  /* the ended run's history line is still to write */
	bool leave_after_checkin; /* then leave the program */
	bool nudge;       /* the nudge is due after this run */
	bool nudge_seen;  /* the summary showed it */

	/* the history's figures (screen_stats.c), loaded when the menu
	 * opens and after each run; NULL when there are none */
	struct stats *stats;
	int stats_top, stats_lines; /* the stats screen's scroll */
	/* the reminder (screen_remind.c), or NULL */
	struct remind_ui *remind;

	/* What the last frame showed: while it stays the same, a tick may
	 * redraw only part of it (see draw_part). */
	bool dirty; /* a key, resize or signal: draw everything */
	enum screen_id last_screen;
	size_t last_step;
	int last_lines, last_cols;
};

/* Runs until ui->done or a quitting signal; sig_fd is the signal pipe. */
void tui_loop_run(struct ui *ui, int sig_fd);
/* Shows the dialog overlay over the current screen, pausing its clock.
 * Over another dialog, it shows first and the other comes back when it
 * closes (the first-run note before the check-in). */
void tui_loop_open_overlay(struct ui *ui, enum screen_id overlay,
                           uint64_t now);
/* Closes the dialog; a clock it paused runs on. */
void tui_loop_close_overlay(struct ui *ui, uint64_t now);
/* A dialog's key handler for "any key closes it". */
void tui_loop_close_on_key(struct ui *ui, int ch, uint64_t now);

#endif
