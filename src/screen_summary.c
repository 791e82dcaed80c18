/* screen_summary: the run that just ended: done or stopped, active time,
 * moves and steps done, the change in pain, the nudge; enter goes back to
 * the menu. */
#include "screen_summary.h"

#include <curses.h>
#include <stdio.h>

#include "duration.h"
#include "screen_stats.h"
#include "stats_text.h"

void
screen_summary_record(struct ui *ui)
{
	if (!ui->record_due)
		return;
	ui->record_due = false;
	ui->notice[0] = '\0';
	/* history errors go to stderr, which curses does not use; the
	 * summary says so too */
	if (run_record(&ui->tl, &ui->end, ui->started, ui->pain_before,
		       ui->pain_after) != 0) {
		snprintf(ui->notice, sizeof ui->notice,
			 "history could not be written");
		ui->history_failed = true;
	}
	/* the stats count the line just written: for the nudge, and for
	 * the menu the run goes back to */
	screen_stats_load(ui);
	ui->nudge = ui->stats != NULL && run_nudge_now(ui->stats);
	ui->nudge_seen = false;
}

/* The nudge's lines, from row y (no further than row last). */
struct nudge_rows {
	const struct tui *tui;
	int y, last, x;
};

/* What it saw bold, in the caution colour; the advice plain. */
static void
nudge_line(void *ctx, enum stats_line_kind kind, const char *text)
{
	struct nudge_rows *r = ctx;
	bool saw = kind == STATS_LINE_NUDGE;

	if (r->y <= r->last) {
		if (saw) {
			tui_color_on(r->tui, PAIR_CAUTION);
			attron(A_BOLD);
		}
		tui_put(r->y, r->x, COLS - r->x - 1, text);
		if (saw) {
			attroff(A_BOLD);
			tui_color_off(r->tui, PAIR_CAUTION);
		}
	}
	r->y++;
}

/* The nudge under the summary, as much as fits above row last; returns
 * the rows it takes (0 when there is none). */
static int
draw_nudge(struct ui *ui, int y, int last, bool draw)
{
	int width = COLS - 4 > 76 ? 76 : COLS - 4;
	struct nudge_rows r = {&ui->tui, y, last, (COLS - width) / 2};
	struct stats_out o = {draw ? nudge_line : NULL, &r, width, false};
	int n;

	if (!ui->nudge || ui->stats == NULL || width < 20)
		return 0;
	n = stats_text_nudge(ui->stats, &o);
	/* cut short by a small terminal: the scrollback gets it whole */
	if (draw && n > 0 && y + n - 1 <= last)
		ui->nudge_seen = true;
	return n;
}

static void
draw_summary(struct ui *ui, uint64_t now)
{
	char a[160], pain[64], t[16];
	unsigned moves = 0;
	size_t i;
	int nudge, rows, y, keys_y;

	(void)now;
	/* a move counts as done when any of its work steps was finished */
	for (i = 0; i < ui->tl.moves_count; i++)
		if (ui->end.steps_done > 0 &&
		    ui->tl.moves[i].start_ms < ui->end.elapsed_ms)
			moves++;
	duration_format((long)((ui->end.active_ms + 500) / 1000), t, sizeof t);
	stats_pain_text(ui->pain_before, ui->pain_after, pain, sizeof pain);
	nudge = draw_nudge(ui, 0, -1, false);
	/* title, blank, name, figures, [pain], [notice], blank, [nudge,
	 * blank], keys: centred, the keys kept at the foot when short */
	rows = 6 + (pain[0] != '\0') + (ui->notice[0] != '\0') +
	       (nudge > 0 ? nudge + 1 : 0);
	y = (LINES - rows) / 2;
	if (y < 0)
		y = 0;
	attron(A_BOLD);
	tui_put_centered(y, ui->end.state == ENGINE_DONE ? "Well done."
							 : "Routine stopped.");
	attroff(A_BOLD);
	y += 2;
	tui_put_centered(y++, ui->preset->name);
	snprintf(a, sizeof a,
		 "%s active %s %u of %zu moves %s %zu of %zu steps", t,
		 ui->tui.g->dot, moves, ui->tl.moves_count, ui->tui.g->dot,
		 ui->end.steps_done, ui->tl.count);
	tui_put_centered(y++, a);
	if (pain[0] != '\0')
		tui_put_centered(y++, pain);
	if (ui->notice[0] != '\0')
		tui_put_centered(y++, ui->notice);
	keys_y = y + 1 + (nudge > 0 ? nudge + 1 : 0);
	if (keys_y > LINES - 1)
		keys_y = LINES - 1;
	if (nudge > 0)
		draw_nudge(ui, y + 1, keys_y - 1, true);
	attron(A_DIM);
	tui_put_centered(keys_y, ui->remind != NULL
	                             ? "enter back to the reminder"
	                             : "enter menu   q quit");
	attroff(A_DIM);
}

void
screen_summary_leave(struct ui *ui, bool to_menu)
{
	/* quit from the run screen with "And now?" up: leave once answered */
	if (ui->overlay == SCREEN_CHECKIN && !to_menu) {
		ui->leave_after_checkin = true;
		return;
	}
	screen_summary_record(ui);
	timeline_free(&ui->tl);
	if (to_menu) {
		/* a break the reminder started goes back to it */
		ui->screen = ui->remind != NULL ? SCREEN_REMIND : SCREEN_MENU;
	} else {
		ui->done = true;
	}
}

void
screen_summary_print(struct ui *ui)
{
	run_print_after(ui->pain_before, ui->pain_after,
			ui->nudge && !ui->nudge_seen ? ui->stats : NULL);
}

static void
key_summary(struct ui *ui, int ch, uint64_t now)
{
	(void)now;
	if (ch == 'q' || ch == KEY_ESCAPE)
		screen_summary_leave(ui, ui->remind != NULL);
	else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER || ch == 'm')
		screen_summary_leave(ui, true);
}

const struct tui_screen screen_summary = {
    .draw = draw_summary,
    .key = key_summary,
};
