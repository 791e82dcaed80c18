/* screen_move: every step, cue and caution of the move, in a box over the
 * run screen.  The run's clock waits while it is open, as for the help. */
#include "screen_move.h"

#include <curses.h>
#include <stdio.h>

#include "engine.h"
#include "tui.h"

const struct exercise *
screen_move_exercise(struct ui *ui, uint64_t now)
{
	struct engine_snapshot sn;

	if (ui->e == NULL)
		return NULL;
	engine_snapshot(ui->e, now, &sn);
	return sn.step != NULL ? sn.step->ex : NULL;
}

/* Draws the lines of the box from row y (or only counts them, with draw
 * false) and returns how many it takes; at most max. */
static int
move_lines(struct ui *ui, const struct exercise *ex, bool draw, int y,
           int x, int w, int max)
{
	char prefix[16];
	unsigned i;
	int n = 0;

#define WRAP(pre, text)                                                    \
	(draw ? tui_wrap(y + n, x, w, max - n, pre, text)                  \
	      : tui_wrap_lines(w, max - n, pre, text))
	for (i = 0; i < ex->steps_count && n < max; i++) {
		snprintf(prefix, sizeof prefix, "%u. ", i + 1);
		n += WRAP(prefix, ex->steps[i]);
	}
	if (draw)
		attron(A_DIM);
	for (i = 0; i < ex->cues_count && n < max; i++)
		n += WRAP("   ", ex->cues[i]);
	if (draw)
		attroff(A_DIM);
	if (ex->caution != NULL && n < max) {
		if (draw)
			tui_color_on(&ui->tui, PAIR_CAUTION);
		n += WRAP("!  ", ex->caution);
		if (draw)
			tui_color_off(&ui->tui, PAIR_CAUTION);
	}
#undef WRAP
	return n;
}

static void
draw_move(struct ui *ui, uint64_t now)
{
	const struct exercise *ex = screen_move_exercise(ui, now);
	int w = COLS < 76 ? COLS : 76, h, x, y, rows, body;

	if (ex == NULL)
		return;
	/* the name, a blank, the text, a blank, the key that closes it */
	body = move_lines(ui, ex, false, 0, 0, w - 4, LINES);
	h = body + 6;
	if (h > LINES)
		h = LINES;
	rows = h - 6;
	x = (COLS - w) / 2;
	y = (LINES - h) / 2;
	if (w < 20 || rows < 1) {
		tui_put(0, 0, COLS, "any key goes back");
		return;
	}
	tui_box(y, x, h, w);
	attron(A_BOLD);
	tui_put(y + 1, x + 2, w - 4, ex->name);
	attroff(A_BOLD);
	/* cut short: the last row says so; the key line always stays */
	if (body > rows) {
		move_lines(ui, ex, true, y + 3, x + 2, w - 4, rows - 1);
		tui_put(y + 3 + rows - 1, x + 2, w - 4, ui->tui.g->ellipsis);
	} else {
		move_lines(ui, ex, true, y + 3, x + 2, w - 4, rows);
	}
	attron(A_DIM);
	tui_put(y + h - 2, x + 2, w - 4, "any key goes back");
	attroff(A_DIM);
}

const struct tui_screen screen_move = {
	.draw = draw_move,
	.key = tui_loop_close_on_key,
};
