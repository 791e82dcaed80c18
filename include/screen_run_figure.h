/* screen_run_figure: the drawing of the move on the run screen (SPEC
 * section 12), in a column at the right of the instructions when the
 * terminal has room for both; otherwise left out.  screen_run.c asks
 * where it goes, narrows the instructions to its left, and has it drawn
 * again on a tick only when its frame changes. */
#ifndef BACKEASE_SCREEN_RUN_FIGURE_H
#define BACKEASE_SCREEN_RUN_FIGURE_H

#include <stdbool.h>
#include <stdint.h>

#include "engine.h"
#include "tui_loop.h"

enum {
	RUN_FIGURE_TEXT_MIN = 40, /* instructions never narrower than this */
	RUN_FIGURE_GAP = 3,       /* columns between them and the figure */
};

/* Where the figure goes: rows top .. top + height - 1 from column left. */
struct run_figure_place {
	int top, left;
	int text_w; /* what is left for the instructions, from column 3 */
};

/* Whether the step's figure is shown in the full layout whose
 * instructions start at row text_y (the row above them is empty), and
 * where.  False when figures are off, the move has none, or the terminal
 * cannot hold it beside instructions RUN_FIGURE_TEXT_MIN wide. */
bool run_figure_place(const struct ui *ui, const struct engine_snapshot *sn,
                      int text_y, struct run_figure_place *place);

/* Draws the frame the step shows now (a full draw). */
void run_figure_draw(struct ui *ui, const struct engine_snapshot *sn,
                     int text_y);

/* A tick that cleared the rows up to cleared_row: draws the figure again
 * when its frame changed since it was last drawn, or when it reaches into
 * those rows; otherwise leaves it alone. */
void run_figure_tick(struct ui *ui, const struct engine_snapshot *sn,
                     int text_y, int cleared_row);

/* The run-clock deadline to wake at: deadline, or earlier when the figure
 * on screen changes its frame while the step waits for Enter (self-paced
 * reps have no countdown to wake for).  text_y as for run_figure_place(),
 * or -1 when the screen is not in the full layout. */
uint64_t run_figure_deadline(const struct ui *ui, uint64_t now, int text_y,
                             uint64_t deadline);

#endif
