/* screen_run_figure: the move's drawing beside the instructions. */
#include "screen_run_figure.h"

#include <curses.h>
#include <string.h>

#include "figure_frame.h"
#include "tui.h"

/* What the last draw put on screen, so that a tick draws the figure again
 * only when its frame changes (there is one run screen). */
static struct {
	bool shown;
	size_t step;
	struct figure_view view;
} last;

static const struct figure *
step_figure(const struct ui *ui, const struct engine_snapshot *sn)
{
	if (!ui->ro->figures || sn->step == NULL || sn->step->ex == NULL)
		return NULL;
	return sn->step->ex->figure;
}

bool
run_figure_place(const struct ui *ui, const struct engine_snapshot *sn,
                 int text_y, struct run_figure_place *place)
{
	const struct figure *fig = step_figure(ui, sn);
	int bottom = LINES - 4; /* the row above "up next" */

	if (fig == NULL || text_y < 1)
		return false;
	place->left = COLS - 2 - (int)fig->width;
	place->text_w = place->left - RUN_FIGURE_GAP - 3;
	if (place->text_w < RUN_FIGURE_TEXT_MIN)
		return false;
	/* level with the instructions, or up into the empty row above them
	 * when it needs it; never up among the countdown's rows */
	place->top = text_y;
	if (place->top + (int)fig->height - 1 > bottom)
		place->top = bottom - (int)fig->height + 1;
	return place->top >= text_y - 1;
}

static struct figure_view
view_now(const struct ui *ui, const struct engine_snapshot *sn)
{
	const struct step *next =
	    sn->index + 1 < ui->tl.count ? &ui->tl.steps[sn->index + 1] : NULL;

	return figure_frame_at(sn->step, next, sn->step_elapsed_ms);
}

static void
draw_frame(const struct figure *fig, struct figure_view v,
           const struct run_figure_place *p)
{
	char line[FIGURE_COLS_MAX + 1];
	const char *src;
	unsigned i;

	/* in the text's colour: a colour of its own would cost an escape
	 * sequence each time a frame changes (SPEC 7: 100 bytes a second) */
	for (i = 0; i < fig->height; i++) {
		src = fig->frames[v.frame] + (size_t)i * (fig->width + 1);
		if (v.mirrored) {
			figure_mirror_line(src, line, fig->width);
		} else {
			memcpy(line, src, fig->width);
			line[fig->width] = '\0';
		}
		/* every line is the full width: it covers the last frame */
		tui_put(p->top + (int)i, p->left, (int)fig->width, line);
	}
}

void
run_figure_draw(struct ui *ui, const struct engine_snapshot *sn, int text_y)
{
	struct run_figure_place p;

	last.shown = run_figure_place(ui, sn, text_y, &p);
	if (!last.shown)
		return;
	last.step = sn->index;
	last.view = view_now(ui, sn);
	draw_frame(step_figure(ui, sn), last.view, &p);
}

void
run_figure_tick(struct ui *ui, const struct engine_snapshot *sn, int text_y,
                int cleared_row)
{
	struct run_figure_place p;
	struct figure_view v;

	if (!last.shown || !run_figure_place(ui, sn, text_y, &p))
		return;
	v = view_now(ui, sn);
	if (last.step == sn->index && v.frame == last.view.frame &&
	    v.mirrored == last.view.mirrored && p.top > cleared_row)
		return;
	last.step = sn->index;
	last.view = v;
	draw_frame(step_figure(ui, sn), v, &p);
}

uint64_t
run_figure_deadline(const struct ui *ui, uint64_t now, int text_y,
                    uint64_t deadline)
{
	struct engine_snapshot sn;
	struct run_figure_place p;
	uint64_t next, at;

	if (text_y < 0 || engine_state(ui->e) != ENGINE_WAITING)
		return deadline;
	engine_snapshot(ui->e, now, &sn);
	if (!run_figure_place(ui, &sn, text_y, &p))
		return deadline;
	next = figure_frame_next_ms(sn.step, sn.step_elapsed_ms);
	if (next == FIGURE_FRAME_STAYS)
		return deadline;
	at = now + (next - sn.step_elapsed_ms);
	return at < deadline ? at : deadline;
}
