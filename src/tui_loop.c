/* tui_loop: which screen draws and takes the keys, and the loop that waits
 * for keys, signals and deadlines.  Only this file knows every screen. */
#include "tui_loop.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include "screen_checkin.h"
#include "screen_menu.h"
#include "screen_move.h"
#include "screen_overlay.h"
#include "screen_quick.h"
#include "screen_remind.h"
#include "screen_run.h"
#include "screen_stats.h"
#include "screen_summary.h"
#include "signals.h"
#include "speech.h"

static const struct tui_screen *const screens[SCREEN_COUNT] = {
	[SCREEN_MENU] = &screen_menu,
	[SCREEN_RUN] = &screen_run,
	[SCREEN_SUMMARY] = &screen_summary,
	[SCREEN_QUICK] = &screen_quick,
	[SCREEN_STATS] = &screen_stats,
	[SCREEN_HELP] = &screen_help,
	[SCREEN_MOVE] = &screen_move,
	[SCREEN_QUIT] = &screen_quit,
	[SCREEN_SAFETY] = &screen_safety,
	[SCREEN_CHECKIN] = &screen_checkin,
	[SCREEN_REMIND] = &screen_remind,
	[SCREEN_REMIND_HELP] = &screen_remind_help,
};

void
tui_loop_open_overlay(struct ui *ui, enum screen_id overlay, uint64_t now)
{
	const struct tui_screen *s = screens[ui->screen];

	if (ui->overlay != SCREEN_NONE) {
		/* the clock is stopped already, if it is to be */
		ui->overlay_under = ui->overlay;
		ui->overlay = overlay;
		return;
	}
	ui->overlay = overlay;
	/* a dialog over the run stops the clock until it is answered */
	ui->resume_after_overlay = s->pause != NULL && s->pause(ui, now);
}

void
tui_loop_close_overlay(struct ui *ui, uint64_t now)
{
	const struct tui_screen *s = screens[ui->screen];

	ui->overlay = ui->overlay_under;
	ui->overlay_under = SCREEN_NONE;
	if (ui->overlay != SCREEN_NONE)
		return;
	if (ui->resume_after_overlay && s->resume != NULL)
		s->resume(ui, now);
	ui->resume_after_overlay = false;
}

void
tui_loop_close_on_key(struct ui *ui, int ch, uint64_t now)
{
	(void)ch;
	tui_loop_close_overlay(ui, now);
}

static void
draw(struct ui *ui, uint64_t now)
{
	const struct tui_screen *s = screens[ui->screen];
	bool unchanged = !ui->dirty && ui->last_screen == ui->screen &&
	                 ui->overlay == SCREEN_NONE &&
	                 ui->last_lines == LINES && ui->last_cols == COLS;

	if (s->draw_part != NULL && s->draw_part(ui, now, unchanged)) {
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	ui->dirty = false;
	ui->last_screen = ui->screen;
	ui->last_lines = LINES;
	ui->last_cols = COLS;
	erase();
	s->draw(ui, now);
	if (ui->overlay != SCREEN_NONE)
		screens[ui->overlay]->draw(ui, now);
	wnoutrefresh(stdscr);
	doupdate();
}

static void
handle_key(struct ui *ui, int ch, uint64_t now)
{
	if (ch == KEY_RESIZE)
		return;
	if (ch == KEY_CTRL_L) {
		clearok(curscr, TRUE);
		return;
	}
	/* a dialog takes every key until it closes */
	if (ui->overlay != SCREEN_NONE)
		screens[ui->overlay]->key(ui, ch, now);
	else
		screens[ui->screen]->key(ui, ch, now);
}

/* Ctrl-Z: pause, give the terminal back, stop; on fg, come back paused. */
static void
suspend(struct ui *ui)
{
	const struct tui_screen *s = screens[ui->screen];

	if (s->suspend != NULL)
		s->suspend(ui, run_clock_now(&ui->clock));
	tui_suspend();
}

/* The screen ends as the signal sig would end it (a run is recorded as
 * quit), with status 128+sig. */
static void
end_by_signal(struct ui *ui, int sig, uint64_t now)
{
	const struct tui_screen *s = screens[ui->screen];

	if (s->quit != NULL)
		s->quit(ui, now);
	ui->exit_status = 128 + sig;
}

/* Acts on the signals since the last pass (pending: the pipe said so);
 * keys: the terminal has input.  Returns false when a signal ends the
 * program, else whether keys are to be read now. */
static bool
take_signals(struct ui *ui, bool pending, bool keys, bool *read_keys)
{
	int quit = 0, resized = 0, suspended = 0, continued = 0;
	uint64_t now;

	if (pending)
		signals_take(&quit, &resized, &suspended, &continued);
	now = run_clock_now(&ui->clock);
	if (suspended && !quit) {
		suspend(ui);
		/* told to end while stopped in the background: end before
		 * drawing, which would take the terminal back */
		quit = signals_quit_pending();
	}
	if (quit) {
		end_by_signal(ui, quit, now);
		return false;
	}
	if (resized)
		tui_resize();
	/* stopped and continued from outside (SIGSTOP): whatever ran in the
	 * meantime may have drawn over the screen */
	if (continued && !suspended)
		clearok(curscr, TRUE);
	if (resized || suspended || continued || keys)
		ui->dirty = true;
	/* read keys only when there are some (each getch() is a syscall);
	 * once done, what is typed belongs to the shell */
	*read_keys = keys || resized || suspended;
	return true;
}

/* The shown screen's update, and the one under it (the reminder keeps
 * time during a break and its summary); the sooner of their timeouts. */
static int
update(struct ui *ui, uint64_t now)
{
	enum screen_id shown = ui->screen;
	int t = screens[shown]->update != NULL ? screens[shown]->update(ui, now)
	                                       : -1, u;

	if (ui->under == SCREEN_NONE || ui->under == shown ||
	    ui->screen != shown)
		return t;
	u = screens[ui->under]->update(ui, now);
	return t < 0 || (u >= 0 && u < t) ? u : t;
}

void
tui_loop_run(struct ui *ui, int sig_fd)
{
	struct pollfd fds[2];
	enum screen_id shown;
	int timeout, ch, rc;
	bool keys, read_keys;
	uint64_t now;

	while (!ui->done) {
		now = run_clock_now(&ui->clock);
		shown = ui->screen;
		timeout = update(ui, now);
		if (ui->screen != shown)
			continue;
		draw(ui, now);
		if (ui->ro->speak)
			speech_reap();

		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[1].fd = sig_fd;
		fds[1].events = POLLIN;
		rc = poll(fds, 2, timeout);
		if (rc < 0 && errno != EINTR)
			break;
		/* The terminal hung up, and no SIGHUP came: only a session
		 * leader gets one, and ours may ignore it (sh -c with trap ''
		 * HUP, a tracer) and live on.  End as a SIGHUP would, or every
		 * poll() from now on would return at once. */
		if (rc > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))) {
			end_by_signal(ui, SIGHUP, run_clock_now(&ui->clock));
			break;
		}
		keys = (fds[0].revents & POLLIN) != 0;
		/* a signal writes to the pipe (or interrupts the poll) */
		if (!take_signals(ui, rc < 0 || (fds[1].revents & POLLIN), keys,
		                  &read_keys))
			break;
		if (!read_keys)
			continue;
		while (!ui->done && (ch = getch()) != ERR)
			handle_key(ui, ch, run_clock_now(&ui->clock));
	}
}
