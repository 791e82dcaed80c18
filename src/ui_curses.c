/* ui_curses: the menu and the run screen, drawn with the primitives of
 * tui.c (which owns the terminal).  Each pass of the loop draws the whole screen into curses' buffer
 * and lets doupdate() send only the cells that changed; between passes the
 * loop sleeps in poll() until a key, a signal, or the engine's next
 * deadline. */
#include "ui_curses.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "bigfont.h"
#include "clock.h"
#include "duration.h"
#include "safety.h"
#include "signals.h"
#include "speech.h"
#include "text.h"
#include "tui.h"
#include "ui_plain.h"

enum ui_screen { SCREEN_MENU, SCREEN_RUN, SCREEN_SUMMARY };
enum overlay { OVERLAY_NONE, OVERLAY_HELP, OVERLAY_QUIT, OVERLAY_SAFETY };

struct ui {
	const struct catalog *cat;
	const struct run_options *ro;
	struct tui tui;
	bool muted;
	bool from_menu; /* the run was started from the menu */
	enum ui_screen screen;
	enum overlay overlay;
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

	/* What the last frame showed: while it stays the same, a tick
	 * redraws only the rows that count down (see draw()). */
	bool dirty; /* a key, resize or signal: draw everything */
	enum ui_screen last_screen;
	size_t last_step;
	int last_lines, last_cols;
};

/* ---- the menu ------------------------------------------------------------ */

static bool
matches_filter(const struct preset *p, const char *filter)
{
	size_t i, n = strlen(filter);
	const char *hay[2] = {p->name, p->id};
	const char *s;

	if (n == 0)
		return true;
	for (i = 0; i < 2; i++)
		for (s = hay[i]; *s != '\0'; s++)
			if (strncasecmp(s, filter, n) == 0)
				return true;
	return false;
}

static void
apply_filter(struct ui *ui)
{
	size_t i;

	ui->shown_count = 0;
	for (i = 0; i < ui->cat->presets_count; i++)
		if (matches_filter(ui->cat->presets[i], ui->filter))
			ui->shown[ui->shown_count++] = i;
	if (ui->sel >= ui->shown_count)
		ui->sel = ui->shown_count ? ui->shown_count - 1 : 0;
}

static void
draw_menu_detail(struct ui *ui, const struct preset *p, int y, int rows)
{
	struct timeline tl;
	char total[16], len[16], line[160];
	size_t i;
	int r = 0;

	if (rows <= 0 || timeline_build(p, &ui->ro->timeline, &tl) != 0)
		return;
	duration_format((long)(tl.total_ms / 1000), total, sizeof total);
	snprintf(line, sizeof line, "%s %s %zu move%s %s %s", p->name,
	         ui->tui.g->dot, tl.moves_count, tl.moves_count == 1 ? "" : "s",
	         ui->tui.g->dot, total);
	attron(A_BOLD);
	tui_put(y + r++, 3, COLS - 4, line);
	attroff(A_BOLD);
	if (p->summary != NULL && r < rows)
		r += tui_wrap(y + r, 3, COLS - 4, 1, "", p->summary);
	for (i = 0; i < tl.moves_count && r < rows; i++, r++) {
		if (i + 1 < tl.moves_count && r == rows - 1) {
			snprintf(line, sizeof line, "    ... and %zu more",
			         tl.moves_count - i);
			tui_put(y + r, 3, COLS - 4, line);
			break;
		}
		duration_format((long)(tl.moves[i].duration_ms / 1000), len,
		                sizeof len);
		snprintf(line, sizeof line, "%2zu  ", i + 1);
		tui_put(y + r, 4, 4, line);
		tui_put(y + r, 8, COLS - 18, tl.moves[i].ex->name);
		tui_put_right(y + r, COLS - 2 < 50 ? COLS - 2 : 50, len);
	}
	timeline_free(&tl);
}

static void
draw_menu(struct ui *ui)
{
	int list_rows, detail_rows, avail, y, name_w, where_w, x_time;
	char where[64], needs[96], total[16], row[256];
	size_t i;

	attron(A_BOLD);
	tui_put(0, 1, COLS - 2, "backease");
	attroff(A_BOLD);
	snprintf(row, sizeof row, " %s guided routines for your upper back",
	         ui->tui.g->dot);
	if (COLS >= 64)
		tui_put(0, 9, COLS - 26, row);
	tui_put_right(0, COLS - 1, "? help  q quit");
	if (LINES < 6) {
		tui_put(1, 1, COLS - 2, "enlarge the terminal");
		return;
	}
	tui_rule(&ui->tui, 1);

	/* rows: title, rule, header | list | rule, detail | rule, keys, note */
	avail = LINES - 3 - 3;
	detail_rows = LINES >= 16 ? avail / 2 : 0;
	list_rows = avail - (detail_rows ? detail_rows + 1 : 0);
	if (list_rows < 1)
		list_rows = 1;
	if (ui->sel < ui->top)
		ui->top = ui->sel;
	if (ui->sel >= ui->top + (size_t)list_rows)
		ui->top = ui->sel - (size_t)list_rows + 1;

	/* name as wide as the longest, then time, where, needs */
	name_w = 6;
	for (i = 0; i < ui->shown_count; i++) {
		int w = (int)text_columns(ui->cat->presets[ui->shown[i]]->name);

		if (w > name_w)
			name_w = w;
	}
	if (name_w > 30)
		name_w = 30;
	where_w = COLS >= 3 + name_w + 8 + 23 + 2 + 10 ? 23 : 0;
	if (3 + name_w + 8 > COLS - 1)
		name_w = COLS - 12;
	x_time = 3 + name_w + 1;
	attron(A_DIM);
	tui_put(2, 3, name_w, "PRESET");
	tui_put(2, x_time + 1, 5, " TIME");
	if (where_w) {
		tui_put(2, x_time + 8, where_w, "WHERE");
		tui_put(2, x_time + 8 + where_w + 2, COLS, "NEEDS");
	}
	attroff(A_DIM);

	if (ui->shown_count == 0)
		tui_put(3, 3, COLS - 4, "no preset matches the filter");
	for (i = ui->top; i < ui->shown_count && i < ui->top + (size_t)list_rows;
	     i++) {
		const struct preset *p = ui->cat->presets[ui->shown[i]];

		y = 3 + (int)(i - ui->top);
		duration_format(
		    (long)(timeline_preset_ms(p, &ui->ro->timeline) / 1000),
		    total, sizeof total);
		preset_where(p, where, sizeof where, needs, sizeof needs);
		if (i == ui->sel) {
			attron(A_BOLD);
			tui_color_on(&ui->tui, PAIR_ACCENT);
			tui_put(y, 1, 1, ui->tui.g->pointer);
		}
		tui_put_cut(&ui->tui, y, 3, name_w, p->name);
		tui_put_right(y, x_time + 6, total);
		if (where_w) {
			tui_put_cut(&ui->tui, y, x_time + 8, where_w, where);
			tui_put_cut(&ui->tui, y, x_time + 8 + where_w + 2,
			        COLS - (x_time + 8 + where_w + 2) - 1, needs);
		}
		if (i == ui->sel) {
			tui_color_off(&ui->tui, PAIR_ACCENT);
			attroff(A_BOLD);
		}
	}

	y = 3 + list_rows;
	if (detail_rows > 0 && ui->shown_count > 0) {
		tui_rule(&ui->tui, y);
		draw_menu_detail(ui, ui->cat->presets[ui->shown[ui->sel]], y + 1,
		                 detail_rows);
	}
	tui_rule(&ui->tui, LINES - 3);
	if (ui->filtering || ui->filter[0] != '\0') {
		snprintf(row, sizeof row, "/%s%s   %s", ui->filter,
		         ui->filtering ? "_" : "",
		         ui->filtering ? "enter keep  esc clear"
		                       : "/ change  esc clear");
		tui_put(LINES - 2, 1, COLS - 2, row);
	} else {
		snprintf(row, sizeof row, "enter start  / filter  %s move",
		         ui->tui.g->updown);
		tui_put(LINES - 2, 1, COLS - 2, row);
	}
	attron(A_DIM);
	tui_put(LINES - 1, 1, COLS - 2, SAFETY_SHORT);
	attroff(A_DIM);
}

/* ---- the run screen -------------------------------------------------------- */

static bool
is_transition(enum step_kind k)
{
	return k == STEP_READY || k == STEP_SWITCH || k == STEP_RELEASE ||
	       k == STEP_REST;
}

/* The big heading: the move's name, or what the pause between is for. */
static void
step_heading(const struct step *s, char *buf, size_t size)
{
	const char *what = s->kind == STEP_SWITCH    ? "Switch sides"
	                   : s->kind == STEP_RELEASE ? "Release"
	                   : s->kind == STEP_REST    ? "Rest"
	                                             : NULL;
	char prefix[40] = "";
	size_t i;

	if (s->kind == STEP_READY)
		snprintf(prefix, sizeof prefix, "Get ready: ");
	if (what != NULL)
		snprintf(buf, size, "%s", what);
	else
		snprintf(buf, size, "%s%s", prefix, s->ex->name);
	for (i = 0; buf[i] != '\0'; i++)
		if ((unsigned char)buf[i] < 0x80)
			buf[i] = (char)toupper((unsigned char)buf[i]);
}

/* "left side · rep 4 of 10 · set 1 of 3" */
static void
step_status(struct ui *ui, const struct engine_snapshot *sn, char *buf,
            size_t size)
{
	const struct step *s = sn->step;
	const char *dot = ui->tui.g->dot;
	size_t n = 0;

#define ADD(...)                                                            \
	do {                                                                 \
		if (n < size)                                                \
			n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__); \
	} while (0)
	buf[0] = '\0';
	switch (s->kind) {
	case STEP_READY:
		ADD("get into position");
		if (s->side != SIDE_NONE)
			ADD(" %s %s first", dot,
			    s->side == SIDE_ALTERNATING ? "left side"
			                                : side_name(s->side));
		break;
	case STEP_SWITCH:
		ADD("%s next", sn->index + 1 < ui->tl.count
		                   ? side_name(ui->tl.steps[sn->index + 1].side)
		                   : "other side");
		break;
	case STEP_RELEASE:
		ADD("relax, then hold %u of %u", s->rep + 1, s->reps);
		break;
	case STEP_REST:
		ADD("set %u of %u next", s->set + 1, s->sets);
		break;
	case STEP_HOLD:
		ADD("hold %u of %u", s->rep, s->reps);
		break;
	case STEP_BREATHE:
		ADD("breath %u of %u", sn->breath, s->breaths);
		if (s->reps > 1)
			ADD(" %s hold %u of %u", dot, s->rep, s->reps);
		break;
	case STEP_REPS:
		ADD("rep %u of %u", sn->rep, s->reps);
		break;
	case STEP_SELF:
		ADD("%u reps at your own pace", s->reps);
		break;
	case STEP_TIMED:
		ADD("keep going");
		break;
	}
	if (!is_transition(s->kind) && sn->side != SIDE_NONE)
		ADD(" %s %s", dot,
		    side_name(sn->side == SIDE_ALTERNATING ? SIDE_LEFT
		                                           : sn->side));
	if (!is_transition(s->kind) && s->sets > 1)
		ADD(" %s set %u of %u", dot, s->set, s->sets);
#undef ADD
}

/* The next move's name and length, or how the routine ends. */
static void
up_next(struct ui *ui, const struct engine_snapshot *sn, char *buf,
        size_t size)
{
	unsigned move = sn->step->move; /* 1-based: index of the next */
	char len[16];

	if (move >= ui->tl.moves_count) {
		snprintf(buf, size, "the end %s well done", ui->tui.g->dot);
		return;
	}
	duration_format((long)(ui->tl.moves[move].duration_ms / 1000), len,
	                sizeof len);
	snprintf(buf, size, "%s %s %s", ui->tl.moves[move].ex->name,
	         ui->tui.g->dot, len);
}

/* "breathe in  ████████": the bar moves with the seconds, as the countdown
 * does (one wakeup a second): it fills on the way in and empties on the
 * way out.  Short, because each block is bytes sent every second. */
static void
draw_pacer(struct ui *ui, int y, const struct engine_snapshot *sn)
{
	char label[40];
	int i, fill, x, w = 12;
	uint32_t done = sn->phase_ms - sn->phase_left_ms;

	snprintf(label, sizeof label, "%s",
	         sn->phase == BREATH_IN ? "breathe in" : "breathe out");
	x = (COLS - (w + 12)) / 2;
	if (x < 1)
		x = 1;
	attron(A_BOLD);
	tui_put(y, x, 12, label);
	attroff(A_BOLD);
	fill = sn->phase_ms == 0 ? 0
	       : sn->phase == BREATH_IN
	           ? (int)((uint64_t)w * (done + 1000) / sn->phase_ms)
	           : w - (int)((uint64_t)w * done / sn->phase_ms);
	if (fill > w)
		fill = w;
	tui_color_on(&ui->tui, PAIR_WORK);
	for (i = 0; i < fill; i++)
		mvaddstr(y, x + 12 + i, ui->tui.g->block);
	tui_color_off(&ui->tui, PAIR_WORK);
}

static void
countdown_text(const struct engine_snapshot *sn, char *buf, size_t size)
{
	if (sn->step->kind == STEP_SELF && sn->state != ENGINE_DONE)
		snprintf(buf, size, "%u", sn->step->reps);
	else
		duration_format(sn->remaining_s, buf, size);
}

/* Instructions, cues and caution, as room allows; returns rows used. */
static int
draw_instructions(struct ui *ui, const struct step *s, int y, int rows,
                  int x, int w)
{
	const struct exercise *ex = s->ex;
	char prefix[16];
	unsigned i;
	int r = 0;

	snprintf(prefix, sizeof prefix, "%s ", ui->tui.g->bullet);
	for (i = 0; i < ex->steps_count && r < rows; i++) {
		if (s->kind == STEP_READY && i == 0)
			attron(A_BOLD);
		r += tui_wrap(y + r, x, w, rows - r, prefix, ex->steps[i]);
		if (s->kind == STEP_READY && i == 0)
			attroff(A_BOLD);
	}
	if (ex->cues_count > 0 && r < rows) {
		attron(A_DIM);
		r += tui_wrap(y + r, x, w, rows - r, "", ex->cues[0]);
		attroff(A_DIM);
	}
	if (ex->caution != NULL && r < rows) {
		tui_color_on(&ui->tui, PAIR_CAUTION);
		r += tui_wrap(y + r, x, w, rows - r, "! ", ex->caution);
		tui_color_off(&ui->tui, PAIR_CAUTION);
	}
	return r;
}

/* The line under the countdown: pause, waiting, pacer, or a notice. */
static void
draw_state_line(struct ui *ui, int y, const struct engine_snapshot *sn,
                bool compact)
{
	char line[160];

	if (sn->state == ENGINE_PAUSED) {
		attron(A_REVERSE | A_BOLD);
		tui_put_centered(y, compact ? " PAUSED " : " PAUSED  space resumes ");
		attroff(A_REVERSE | A_BOLD);
	} else if (sn->state == ENGINE_WAITING) {
		snprintf(line, sizeof line, "press Enter when you have done %u",
		         sn->step->reps);
		attron(A_BOLD);
		tui_put_centered(y, line);
		attroff(A_BOLD);
	} else if (sn->step->kind == STEP_BREATHE && !compact) {
		draw_pacer(ui, y, sn);
	} else if (ui->notice[0] != '\0') {
		tui_put_centered(y, ui->notice);
	}
}

/* The rows of the full layout that change while a step counts down:
 * the status (rep, breath), the digits and the line under them. */
enum { ROW_STATUS = 4, ROW_DIGITS = 6, ROW_STATE = ROW_DIGITS + BIGFONT_ROWS };

static void
draw_run_clock(struct ui *ui, const struct engine_snapshot *sn)
{
	const struct step *s = sn->step;
	char line[256], big[16];

	step_status(ui, sn, line, sizeof line);
	tui_put(ROW_STATUS, 3, COLS - 5, line);
	countdown_text(sn, big, sizeof big);
	tui_big(&ui->tui, ROW_DIGITS, big,
	         is_transition(s->kind) ? PAIR_TRANSITION : PAIR_WORK);
	if (s->kind == STEP_SELF)
		tui_put_centered(ROW_STATE, "reps");
	draw_state_line(ui, ROW_STATE + (s->kind == STEP_SELF), sn, false);
}

static void
draw_run_full(struct ui *ui, const struct engine_snapshot *sn)
{
	const struct step *s = sn->step;
	char line[256];
	int y, rows;

	step_heading(s, line, sizeof line);
	attron(A_BOLD);
	tui_put(3, 3, COLS - 20, line);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "move %u of %u", s->move, s->moves);
	tui_put_right(3, COLS - 2, line);
	draw_run_clock(ui, sn);

	y = ROW_STATE + 2 + (s->kind == STEP_SELF);
	rows = LINES - 3 - y - 1;
	draw_instructions(ui, s, y, rows, 3, COLS - 6);

	up_next(ui, sn, line, sizeof line);
	attron(A_DIM);
	tui_put(LINES - 3, 1, 8, "up next");
	attroff(A_DIM);
	tui_put(LINES - 3, 10, COLS - 11, line);
	tui_rule(&ui->tui, LINES - 2);
	tui_put(LINES - 1, 1, COLS - 2,
	    ui->muted ? "space pause  n next  p back  + 10s  m unmute  ? help  "
	                "q quit"
	              : "space pause  n next  p back  + 10s  m mute  ? help  "
	                "q quit");
}

/* Few rows or columns: everything on single lines. */
static void
draw_run_compact(struct ui *ui, const struct engine_snapshot *sn)
{
	const struct step *s = sn->step;
	char line[256], big[16];
	int y = 2, rows;

	step_heading(s, line, sizeof line);
	attron(A_BOLD);
	tui_put(y++, 1, COLS - 2, line);
	attroff(A_BOLD);
	step_status(ui, sn, line, sizeof line);
	tui_put(y++, 1, COLS - 2, line);
	countdown_text(sn, big, sizeof big);
	attron(A_BOLD);
	tui_color_on(&ui->tui, is_transition(s->kind) ? PAIR_TRANSITION : PAIR_WORK);
	snprintf(line, sizeof line, "%s%s", big,
	         s->kind == STEP_SELF ? " reps" : "");
	tui_put(y, 1, COLS - 2, line);
	tui_color_off(&ui->tui, is_transition(s->kind) ? PAIR_TRANSITION : PAIR_WORK);
	attroff(A_BOLD);
	if (sn->state == ENGINE_PAUSED || sn->state == ENGINE_WAITING) {
		attron(A_REVERSE);
		tui_put(y, 2 + (int)text_columns(line), COLS,
		    sn->state == ENGINE_PAUSED ? " PAUSED " : " Enter = done ");
		attroff(A_REVERSE);
	} else if (s->kind == STEP_BREATHE) {
		tui_put(y, 2 + (int)text_columns(line), COLS,
		    sn->phase == BREATH_IN ? "breathe in" : "breathe out");
	}
	y += 2;
	rows = LINES - 1 - y;
	if (rows > 0)
		draw_instructions(ui, s, y, rows, 1, COLS - 2);
	attron(A_DIM);
	tui_put(LINES - 1, 1, COLS - 2,
	    COLS >= 40 ? "spc pause  n next  p back  ? help  q quit"
	               : "spc n p ? q");
	attroff(A_DIM);
}

static bool
full_layout(void)
{
	return LINES >= 20 && COLS >= 50;
}

/* The title line with elapsed / total, and the progress bar. */
static void
draw_run_header(struct ui *ui, const struct engine_snapshot *sn)
{
	char line[256], el[16], tot[16];

	duration_format((long)(sn->elapsed_ms / 1000), el, sizeof el);
	duration_format((long)(sn->total_ms / 1000), tot, sizeof tot);
	snprintf(line, sizeof line, "%s / %s", el, tot);
	tui_put_right(0, COLS - 1, line);
	attron(A_BOLD);
	tui_put(0, 1, 8, "backease");
	attroff(A_BOLD);
	snprintf(line, sizeof line, " %s %s", ui->tui.g->dot, ui->preset->name);
	tui_put(0, 9, COLS - 9 - 14, line);
	tui_bar(&ui->tui, 1, 1, COLS - 2, sn->elapsed_ms, sn->total_ms);
}

/* A tick of the same step in the full layout: only the rows that count
 * down are cleared and drawn again, not the instructions. */
static void
draw_run_tick(struct ui *ui, uint64_t now)
{
	static const int rows[] = {0, 1, ROW_STATUS, ROW_DIGITS,
	                           ROW_DIGITS + 1, ROW_DIGITS + 2,
	                           ROW_DIGITS + 3, ROW_DIGITS + 4, ROW_STATE,
	                           ROW_STATE + 1};
	struct engine_snapshot sn;
	size_t i;

	engine_snapshot(ui->e, now, &sn);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		move(rows[i], 0);
		clrtoeol();
	}
	draw_run_header(ui, &sn);
	draw_run_clock(ui, &sn);
}

static void
draw_run(struct ui *ui, uint64_t now)
{
	struct engine_snapshot sn;
	char line[256];

	engine_snapshot(ui->e, now, &sn);

	if (COLS < 24 || LINES < 6) {
		/* too small: say so, but keep the timer running and shown */
		tui_put(0, 0, COLS, COLS >= 18 ? "terminal too small" : "too small");
		countdown_text(&sn, line, sizeof line);
		attron(A_BOLD);
		tui_put(1, 0, COLS, line);
		attroff(A_BOLD);
		if (LINES > 2)
			tui_put(2, 0, COLS, sn.state == ENGINE_PAUSED ? "paused"
			                                          : "q quit");
		return;
	}

	draw_run_header(ui, &sn);
	if (full_layout())
		draw_run_full(ui, &sn);
	else
		draw_run_compact(ui, &sn);
}

static void
draw_summary(struct ui *ui)
{
	char a[160], b[160], t[16];
	int y = LINES / 2 - 3;
	unsigned moves = 0;
	size_t i;

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
	snprintf(b, sizeof b, "enter menu   q quit");
	attron(A_DIM);
	tui_put_centered(y + 5, b);
	attroff(A_DIM);
}

static void
draw_overlay(struct ui *ui)
{
	static const char *const help[] = {
	    "Keys while a routine runs",
	    "",
	    "space      pause / resume",
	    "n  right   next step",
	    "p  left    previous step",
	    "enter      self-paced set done",
	    "+  -       10 s more / less on this step",
	    "m          mute / unmute the bell",
	    "q          quit (asks first)",
	    "ctrl-z     pause and suspend; fg returns",
	    "",
	    "In the menu: up/down or j/k move, enter",
	    "starts, / filters by name.",
	    "",
	    "any key closes this help",
	    NULL,
	};
	static const char *const quit[] = {
	    "Quit this routine?", "", "y quit    n keep going", NULL,
	};
	static const char *const safety[] = {
	    "Before you start",
	    "",
	    "backease is not medical advice. Move gently,",
	    "within a comfortable range.",
	    "Stop at once if a move causes sharp pain,",
	    "numbness or tingling.",
	    "See a doctor if pain is severe, lasts more",
	    "than a few days, gets worse, or follows an",
	    "injury.",
	    "",
	    "press any key to go on",
	    NULL,
	};

	switch (ui->overlay) {
	case OVERLAY_HELP:
		tui_dialog(help);
		break;
	case OVERLAY_QUIT:
		tui_dialog(quit);
		break;
	case OVERLAY_SAFETY:
		tui_dialog(safety);
		break;
	case OVERLAY_NONE:
		break;
	}
}

static void
draw(struct ui *ui, uint64_t now)
{
	struct engine_snapshot sn;

	if (ui->screen == SCREEN_RUN) {
		engine_snapshot(ui->e, now, &sn);
		if (!ui->dirty && ui->last_screen == SCREEN_RUN &&
		    ui->overlay == OVERLAY_NONE && ui->last_step == sn.index &&
		    ui->last_lines == LINES && ui->last_cols == COLS &&
		    full_layout()) {
			draw_run_tick(ui, now);
			wnoutrefresh(stdscr);
			doupdate();
			return;
		}
		ui->last_step = sn.index;
	}
	ui->dirty = false;
	ui->last_screen = ui->screen;
	ui->last_lines = LINES;
	ui->last_cols = COLS;
	erase();
	switch (ui->screen) {
	case SCREEN_MENU:
		draw_menu(ui);
		break;
	case SCREEN_RUN:
		draw_run(ui, now);
		break;
	case SCREEN_SUMMARY:
		draw_summary(ui);
		break;
	}
	draw_overlay(ui);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- running ------------------------------------------------------------ */

static void
ring(struct ui *ui)
{
	if (ui->ro->bell && !ui->muted)
		beep();
}

static void
announce(struct ui *ui)
{
	struct engine_snapshot sn;
	char what[200];

	if (!ui->ro->speak)
		return;
	engine_snapshot(ui->e, run_clock_now(&ui->clock), &sn);
	step_describe(sn.step, what, sizeof what);
	speech_say(what);
}

static void
open_overlay(struct ui *ui, enum overlay o, uint64_t now)
{
	ui->overlay = o;
	ui->resume_after_overlay = false;
	/* a dialog over the run stops the clock until it is answered */
	if (ui->screen == SCREEN_RUN && engine_state(ui->e) == ENGINE_RUNNING) {
		engine_pause(ui->e, now);
		ui->resume_after_overlay = true;
	}
}

static void
close_overlay(struct ui *ui, uint64_t now)
{
	ui->overlay = OVERLAY_NONE;
	if (ui->resume_after_overlay && ui->screen == SCREEN_RUN)
		engine_resume(ui->e, now);
	ui->resume_after_overlay = false;
}

static int
start_run(struct ui *ui, const struct preset *p)
{
	if (timeline_build(p, &ui->ro->timeline, &ui->tl) != 0)
		return -1;
	ui->preset = p;
	run_clock_init(&ui->clock, ui->ro->speed);
	ui->e = engine_new(&ui->tl, run_clock_now(&ui->clock), 0);
	if (ui->e == NULL) {
		timeline_free(&ui->tl);
		return -1;
	}
	engine_set_late_ms(ui->e, (uint64_t)(ENGINE_LATE_MS * ui->ro->speed));
	ui->started = time(NULL);
	ui->screen = SCREEN_RUN;
	ui->rung_step = 0;
	ui->last_remaining_s = 0;
	announce(ui);
	return 0;
}

/* The run is over (done or quit): record it and show the summary. */
static void
end_run(struct ui *ui)
{
	engine_snapshot(ui->e, run_clock_now(&ui->clock), &ui->end);
	/* history errors go to stderr, which curses does not use; they are
	 * also shown on the summary screen by the final line */
	if (run_record(&ui->tl, &ui->end, ui->started) != 0)
		snprintf(ui->notice, sizeof ui->notice,
		         "history could not be written");
	engine_free(ui->e);
	ui->e = NULL;
	ui->ran = true;
	ui->screen = SCREEN_SUMMARY;
	ui->overlay = OVERLAY_NONE;
}

static void
leave_summary(struct ui *ui, bool to_menu)
{
	timeline_free(&ui->tl);
	if (to_menu) {
		ui->screen = SCREEN_MENU;
	} else {
		ui->done = true;
	}
}

/* After each update: a bell on every step change, whether time or a key
 * moved it, and in the last three seconds of the longer steps. */
static void
after_update(struct ui *ui, uint64_t now)
{
	struct engine_snapshot sn;

	engine_snapshot(ui->e, now, &sn);
	if (sn.index != ui->rung_step) {
		ui->rung_step = sn.index;
		ring(ui);
		announce(ui);
		ui->notice[0] = '\0';
	} else if (sn.state == ENGINE_RUNNING &&
	           sn.remaining_s != ui->last_remaining_s &&
	           sn.remaining_s >= 1 && sn.remaining_s <= 3 &&
	           sn.step_length_ms >= 8000) {
		ring(ui);
	}
	ui->last_remaining_s = sn.remaining_s;
}

static void
key_run(struct ui *ui, int ch, uint64_t now)
{
	enum engine_state st = engine_state(ui->e);

	switch (ch) {
	case ' ':
		engine_toggle_pause(ui->e, now);
		break;
	case 'n':
	case KEY_RIGHT:
		engine_next(ui->e, now);
		break;
	case 'p':
	case KEY_LEFT:
		engine_prev(ui->e, now);
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (st == ENGINE_WAITING)
			engine_confirm(ui->e, now);
		break;
	case '+':
	case '=':
		engine_adjust(ui->e, now, ENGINE_ADJUST_MS);
		break;
	case '-':
	case '_':
		engine_adjust(ui->e, now, -ENGINE_ADJUST_MS);
		break;
	case 'm':
		ui->muted = !ui->muted;
		snprintf(ui->notice, sizeof ui->notice, "bell %s",
		         ui->muted ? "muted" : "on");
		break;
	case '?':
		open_overlay(ui, OVERLAY_HELP, now);
		break;
	case 'q':
	case KEY_ESCAPE:
		open_overlay(ui, OVERLAY_QUIT, now);
		break;
	default:
		break;
	}
}

static void
key_menu(struct ui *ui, int ch, uint64_t now)
{
	size_t n;

	if (ui->filtering) {
		n = strlen(ui->filter);
		if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
			ui->filtering = false;
		} else if (ch == KEY_ESCAPE) {
			ui->filtering = false;
			ui->filter[0] = '\0';
		} else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
			if (n > 0)
				ui->filter[n - 1] = '\0';
		} else if (ch == KEY_UP || ch == KEY_DOWN) {
			ui->filtering = false;
			key_menu(ui, ch, now);
			return;
		} else if (ch >= 0x20 && ch < 0x7f && n + 1 < sizeof ui->filter) {
			ui->filter[n] = (char)ch;
			ui->filter[n + 1] = '\0';
		}
		apply_filter(ui);
		return;
	}
	switch (ch) {
	case KEY_UP:
	case 'k':
		if (ui->sel > 0)
			ui->sel--;
		break;
	case KEY_DOWN:
	case 'j':
		if (ui->sel + 1 < ui->shown_count)
			ui->sel++;
		break;
	case KEY_HOME:
	case 'g':
		ui->sel = 0;
		break;
	case KEY_END:
	case 'G':
		ui->sel = ui->shown_count ? ui->shown_count - 1 : 0;
		break;
	case KEY_NPAGE:
		ui->sel = ui->sel + 5 < ui->shown_count
		              ? ui->sel + 5
		              : (ui->shown_count ? ui->shown_count - 1 : 0);
		break;
	case KEY_PPAGE:
		ui->sel = ui->sel > 5 ? ui->sel - 5 : 0;
		break;
	case '/':
		ui->filtering = true;
		break;
	case KEY_ESCAPE:
		ui->filter[0] = '\0';
		apply_filter(ui);
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (ui->shown_count > 0) {
			ui->from_menu = true;
			if (start_run(ui, ui->cat->presets[ui->shown[ui->sel]]) !=
			    0)
				snprintf(ui->notice, sizeof ui->notice,
				         "out of memory");
		}
		break;
	case '?':
		open_overlay(ui, OVERLAY_HELP, now);
		break;
	case 'q':
		ui->done = true;
		break;
	default:
		break;
	}
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
	if (ui->overlay == OVERLAY_QUIT) {
		if (ch == 'y' || ch == 'Y') {
			ui->overlay = OVERLAY_NONE;
			engine_quit(ui->e, now);
			end_run(ui);
			if (!ui->from_menu)
				leave_summary(ui, false);
		} else if (ch == 'n' || ch == 'N' || ch == KEY_ESCAPE ||
		           ch == 'q') {
			close_overlay(ui, now);
		}
		return;
	}
	if (ui->overlay != OVERLAY_NONE) {
		if (ui->overlay == OVERLAY_SAFETY)
			run_safety_shown();
		close_overlay(ui, now);
		return;
	}
	switch (ui->screen) {
	case SCREEN_MENU:
		key_menu(ui, ch, now);
		break;
	case SCREEN_RUN:
		key_run(ui, ch, now);
		break;
	case SCREEN_SUMMARY:
		if (ch == 'q' || ch == KEY_ESCAPE)
			leave_summary(ui, false);
		else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER ||
		         ch == 'm')
			leave_summary(ui, true);
		break;
	}
}

/* ---- the terminal ------------------------------------------------------- */

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

/* Ctrl-Z: pause, give the terminal back, stop; on fg, come back paused. */
static void
suspend(struct ui *ui)
{
	if (ui->screen == SCREEN_RUN && ui->e != NULL)
		engine_pause(ui->e, run_clock_now(&ui->clock));
	tui_suspend();
}

static void
loop(struct ui *ui, int sig_fd)
{
	struct pollfd fds[2];
	int quit, resized, suspended, continued, timeout, ch, rc;
	uint64_t now, deadline;

	while (!ui->done) {
		now = run_clock_now(&ui->clock);
		timeout = -1;
		if (ui->screen == SCREEN_RUN) {
			engine_update(ui->e, now);
			after_update(ui, now);
			if (engine_over(ui->e)) {
				ring(ui);
				end_run(ui);
				continue;
			}
			/* the screen changes when a second passes */
			deadline = engine_next_deadline(ui->e, now, 1000);
			timeout = run_clock_timeout(&ui->clock, deadline);
		}
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
		quit = resized = suspended = continued = 0;
		/* a signal writes to the pipe (or interrupts the poll) */
		if (rc < 0 || (fds[1].revents & POLLIN))
			signals_take(&quit, &resized, &suspended, &continued);
		now = run_clock_now(&ui->clock);
		if (quit) {
			if (ui->screen == SCREEN_RUN) {
				engine_quit(ui->e, now);
				end_run(ui);
			}
			ui->exit_status = 128 + quit;
			break;
		}
		if (resized)
			tui_resize();
		if (suspended)
			suspend(ui);
		/* stopped and continued from outside (SIGSTOP): whatever ran
		 * in the meantime may have drawn over the screen */
		if (continued && !suspended)
			clearok(curscr, TRUE);
		if (resized || suspended || quit || continued ||
		    (fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
			ui->dirty = true;
		/* read keys only when there are some (each getch() is a
		 * syscall); once done, what is typed belongs to the shell */
		if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR)) &&
		    !resized && !suspended)
			continue;
		while (!ui->done && (ch = getch()) != ERR)
			handle_key(ui, ch, run_clock_now(&ui->clock));
	}
}

int
ui_curses_main(const struct catalog *cat, const struct preset *preset,
               const struct run_options *ro)
{
	struct ui ui;
	int sig_fd;

	memset(&ui, 0, sizeof ui);
	ui.cat = cat;
	ui.ro = ro;
	ui.shown = calloc(cat->presets_count + 1, sizeof *ui.shown);
	if (ui.shown == NULL)
		return 1;
	apply_filter(&ui);
	run_clock_init(&ui.clock, ro->speed);
	if (ro->speak && !speech_init())
		snprintf(ui.notice, sizeof ui.notice,
		         "--speak: neither spd-say nor espeak-ng is installed");

	/* our handlers first, so curses keeps its hands off the signals */
	sig_fd = signals_install(1);
	if (sig_fd < 0 || tui_start(&ui.tui, ro->color) != 0) {
		free(ui.shown);
		if (preset == NULL) {
			fprintf(stderr, "backease: cannot use this terminal "
			                "(unknown TERM?); try 'backease list'\n");
			return 1;
		}
		fprintf(stderr, "backease: cannot use this terminal (unknown "
		                "TERM?); using plain mode\n");
		return ui_plain_run(preset, ro);
	}

	if (preset != NULL && start_run(&ui, preset) != 0) {
		tui_end(&ui.tui);
		free(ui.shown);
		fprintf(stderr, "backease: out of memory\n");
		return 1;
	}
	if (run_safety_due())
		open_overlay(&ui, OVERLAY_SAFETY, run_clock_now(&ui.clock));

	loop(&ui, sig_fd);

	timeline_free(&ui.tl);
	engine_free(ui.e);
	tui_end(&ui.tui);
	free(ui.shown);
	/* one line for the scrollback, as plain mode ends */
	if (ui.ran)
		run_print_end(ui.preset->name, &ui.end);
	return ui.exit_status;
}
