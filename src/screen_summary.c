/* screen_summary: the run that just ended: done or stopped, active time,
 * moves and steps done; enter goes back to the menu. */
#include "screen_summary.h"

#include <curses.h>
#include <stdio.h>

#include "duration.h"

static void
draw_summary(struct ui *ui, uint64_t now)
{
	char a[160], b[160], t[16];
	int y = LINES / 2 - 3;
	unsigned moves = 0;
	size_t i;

	(void)now;
	/* a move counts as done when any of its work steps was finished */
	for (i = 0; i < ui->tl.moves_count; i++)
		if (ui->end.steps_done > 0 &&
		    ui->tl.moves[i].start_ms < ui->end.elapsed_ms)
			moves++;
	duration_format((long)((ui->end.active_ms + 500) / 1000), t, sizeof t);
	attron(A_BOLD);
	tui_put_centered(y < 0 ? 0 : y, ui->end.state == ENGINE_DONE
	                                ? "Well done."
	                                : "Routine stopped.");
	attroff(A_BOLD);
	tui_put_centered(y + 2, ui->preset->name);
	snprintf(a, sizeof a, "%s active %s %u of %zu moves %s %zu of %zu steps",
	         t, ui->tui.g->dot, moves, ui->tl.moves_count, ui->tui.g->dot,
	         ui->end.steps_done, ui->tl.count);
	tui_put_centered(y + 3, a);
	snprintf(b, sizeof b, ui->remind != NULL ? "enter back to the reminder"
	                                         : "enter menu   q quit");
	attron(A_DIM);
	tui_put_centered(y + 5, b);
	attroff(A_DIM);
}

void
screen_summary_leave(struct ui *ui, bool to_menu)
{
	timeline_free(&ui->tl);
	if (to_menu) {
		/* a break the reminder started goes back to it */
		ui->screen = ui->remind != NULL ? SCREEN_REMIND : SCREEN_MENU;
	} else {
		ui->done = true;
	}
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
