/* screen_checkin: the question, the 0-10 scale with the pick marked, and
 * the keys; a single line where no box fits. */
#include "screen_checkin.h"

#include <curses.h>
#include <stdio.h>
#include <time.h>

#include "history.h"
#include "screen_summary.h"

static const char before_question[] = "How is your upper back right now?";
static const char scale_words[] = "0 no pain, 10 worst imaginable";

void
screen_checkin_before(struct ui *ui, uint64_t now)
{
	ui->pain_before = ui->pain_after = HISTORY_PAIN_NONE;
	ui->leave_after_checkin = false;
	if (!ui->ro->checkin)
		return;
	checkin_start(&ui->checkin);
	ui->checkin_after = false;
	tui_loop_open_overlay(ui, SCREEN_CHECKIN, now);
}

void
screen_checkin_after(struct ui *ui, uint64_t now)
{
	ui->record_due = true;
	ui->overlay = ui->overlay_under = SCREEN_NONE;
	ui->resume_after_overlay = false;
	if (ui->ro->checkin && ui->end.steps_done > 0) {
		checkin_start(&ui->checkin);
		ui->checkin_after = true;
		tui_loop_open_overlay(ui, SCREEN_CHECKIN, now);
		return;
	}
	screen_summary_record(ui);
}

/* ---- drawing ------------------------------------------------------------ */

static void
question(const struct ui *ui, char *buf, size_t size)
{
	if (!ui->checkin_after)
		snprintf(buf, size, "%s", before_question);
	else if (ui->pain_before != HISTORY_PAIN_NONE)
		snprintf(buf, size, "And now?  (before: %d)", ui->pain_before);
	else
		snprintf(buf, size, "And now?");
}

/* " 0  1  2  3  4  5 [6] 7  8  9  10 ": brackets round the pick. */
static void
scale(int pick, char *buf, size_t size)
{
	size_t n = 0;
	int i;

	for (i = 0; i <= 10 && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n,
				      i == pick ? "[%d]" : " %d ", i);
}

/* What the keys do now: skip while nothing is picked, else confirm. */
static const char *
keys_hint(const struct ui *ui)
{
	return ui->checkin.pick == HISTORY_PAIN_NONE
		   ? "0-9 or t (10) pick  enter skip"
		   : "enter ok  esc skip  0-9 t change";
}

/* No room for the box: one reverse line across the middle. */
static void
draw_line(struct ui *ui)
{
	char q[64], line[160], pick[8] = "";

	question(ui, q, sizeof q);
	if (ui->checkin.pick != HISTORY_PAIN_NONE)
		snprintf(pick, sizeof pick, "%d", ui->checkin.pick);
	snprintf(line, sizeof line, " %s 0-10: %s_ ",
		 COLS >= 48 || ui->checkin_after ? q : "Back pain now?", pick);
	move(LINES / 2, 0);
	clrtoeol();
	attron(A_REVERSE | A_BOLD);
	tui_put(LINES / 2, 0, COLS, line);
	attroff(A_REVERSE | A_BOLD);
}

static void
draw_checkin(struct ui *ui, uint64_t now)
{
	char q[64], sc[64];
	const char *lines[7];

	(void)now;
	if (LINES < 9 || COLS < 40) {
		draw_line(ui);
		return;
	}
	question(ui, q, sizeof q);
	scale(ui->checkin.pick, sc, sizeof sc);
	lines[0] = q;
	lines[1] = scale_words;
	lines[2] = "";
	lines[3] = sc;
	lines[4] = "";
	lines[5] = keys_hint(ui);
	lines[6] = NULL;
	tui_dialog(lines);
}

/* ---- keys --------------------------------------------------------------- */

static int
checkin_key_of(int ch)
{
	if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
		return CHECKIN_KEY_ENTER;
	if (ch == KEY_ESCAPE)
		return CHECKIN_KEY_CANCEL;
	if (ch == KEY_BACKSPACE || ch == 127 || ch == 8)
		return CHECKIN_KEY_ERASE;
	return ch;
}

static void
key_checkin(struct ui *ui, int ch, uint64_t now)
{
	if (checkin_key(&ui->checkin, checkin_key_of(ch)) == CHECKIN_ASKING)
		return;
	if (!ui->checkin_after) {
		ui->pain_before = ui->checkin.value;
		/* the run starts now, as its clock does */
		ui->started = time(NULL);
		tui_loop_close_overlay(ui, now);
		return;
	}
	ui->pain_after = ui->checkin.value;
	tui_loop_close_overlay(ui, now);
	screen_summary_record(ui);
	if (ui->leave_after_checkin)
		screen_summary_leave(ui, false);
}

const struct tui_screen screen_checkin = {
    .draw = draw_checkin,
    .key = key_checkin,
};
