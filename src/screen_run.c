/* screen_run: a routine running.  The full layout (20 rows, 50 columns)
 * shows the countdown in big digits and the move's instructions; a smaller
 * terminal gets a compact one, a tiny one just the time.  While a step
 * counts down in the full layout only what changes is drawn again
 * (draw_part). */
#include "screen_run.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "bigfont.h"
#include "duration.h"
#include "screen_checkin.h"
#include "screen_move.h"
#include "screen_run_figure.h"
#include "speech.h"
#include "text.h"

static bool
is_transition(enum step_kind k)
{
	return k == STEP_READY || k == STEP_SWITCH || k == STEP_RELEASE ||
	       k == STEP_REST;
}

/* The countdown's colour: yellow while getting ready, switching sides or
 * resting, so that a glance tells them from the work; the work itself in
 * the terminal's own foreground.  That reads best on a light background as
 * on a dark one, and a digit that changes costs no colour sequences (15 of
 * the bytes of each second of a hold; SPEC 7 counts them). */
static int
digits_pair(enum step_kind k)
{
	return is_transition(k) ? PAIR_TRANSITION : 0;
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
enum { PACER_W = 12 };

static int
pacer_fill(const struct engine_snapshot *sn)
{
	uint32_t done = sn->phase_ms - sn->phase_left_ms;
	int fill;

	done -= done % 1000; /* as it was at the second's tick */
	if (sn->phase_ms == 0)
		return 0;
	fill = sn->phase == BREATH_IN
	           ? (int)((uint64_t)PACER_W * (done + 1000) / sn->phase_ms)
	           : PACER_W - (int)((uint64_t)PACER_W * done / sn->phase_ms);
	return fill > PACER_W ? PACER_W : fill;
}

static void
draw_pacer(struct ui *ui, int y, const struct engine_snapshot *sn)
{
	int i, fill = pacer_fill(sn), x = (COLS - (PACER_W + 12)) / 2;

	if (x < 1)
		x = 1;
	attron(A_BOLD);
	tui_put(y, x, 12,
	        sn->phase == BREATH_IN ? "breathe in" : "breathe out");
	attroff(A_BOLD);
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

/* The rows all of the instructions take at width w. */
static int
instruction_rows(struct ui *ui, const struct exercise *ex, int w)
{
	char prefix[16];
	unsigned i;
	int r = 0;

	snprintf(prefix, sizeof prefix, "%s ", ui->tui.g->bullet);
	for (i = 0; i < ex->steps_count; i++)
		r += tui_wrap_lines(w, LINES, prefix, ex->steps[i]);
	if (ex->cues_count > 0)
		r += tui_wrap_lines(w, LINES, "", ex->cues[0]);
	if (ex->caution != NULL)
		r += tui_wrap_lines(w, LINES, "! ", ex->caution);
	return r;
}

/* Instructions, cues and caution, as room allows; returns rows used.
 * When they do not all fit, the last row says that i shows them all. */
static int
draw_instructions(struct ui *ui, const struct step *s, int y, int rows,
                  int x, int w)
{
	const struct exercise *ex = s->ex;
	char prefix[16], more[48];
	unsigned i;
	int r = 0, keep = 0;

	/* the caution is never the part cut off: its rows are kept first */
	if (ex->caution != NULL)
		keep = tui_wrap_lines(w, rows, "! ", ex->caution);
	/* beside a figure at 80x24 the steps of most moves do not all fit;
	 * the note takes a row only when a step keeps one too (so the
	 * caution, at most rows - 2 lines, still gets all of its own) */
	if (rows - keep >= 2 && instruction_rows(ui, ex, w) > rows) {
		rows--;
		snprintf(more, sizeof more, "%s i shows all the steps",
		         ui->tui.g->ellipsis);
		attron(A_DIM);
		tui_put(y + rows, x, w, more);
		attroff(A_DIM);
	}
	snprintf(prefix, sizeof prefix, "%s ", ui->tui.g->bullet);
	for (i = 0; i < ex->steps_count && r < rows - keep; i++) {
		if (s->kind == STEP_READY && i == 0)
			attron(A_BOLD);
		r += tui_wrap(y + r, x, w, rows - keep - r, prefix,
		              ex->steps[i]);
		if (s->kind == STEP_READY && i == 0)
			attroff(A_BOLD);
	}
	if (ex->cues_count > 0 && r < rows - keep) {
		attron(A_DIM);
		r += tui_wrap(y + r, x, w, rows - keep - r, "", ex->cues[0]);
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

/* What those rows and the title's time and bar show, as last drawn in
 * the full layout, so that a tick draws again only what differs: each
 * cell drawn costs CPU, and each one that changes bytes (SPEC 7).  The
 * keys are what each was drawn from, cheaper to compare than to format
 * again.  There is one run screen. */
struct shown_state { /* the state line: see draw_state_line() */
	int state, phase, fill;
};
static struct {
	long elapsed_s, total_s; /* the title's "elapsed / total" */
	char clock[40];
	int bar; /* cells of the progress bar filled */
	unsigned rep, breath; /* what the status row was drawn from */
	int side;
	unsigned remaining_s; /* the countdown, in the colour of pair */
	char big[16];
	int pair;
	struct shown_state state;
} shown;

/* The first row of the instructions (and of the figure beside them). */
static int
text_row(const struct step *s)
{
	return ROW_STATE + 2 + (s->kind == STEP_SELF);
}

/* What draw_state_line() draws in the full layout, as a key that changes
 * when it does (the notice changes only with a key, and so a full draw). */
static struct shown_state
state_key(const struct engine_snapshot *sn)
{
	struct shown_state k = {(int)sn->state, -1, -1};

	if (sn->state == ENGINE_RUNNING && sn->step->kind == STEP_BREATHE) {
		k.phase = (int)sn->phase;
		k.fill = pacer_fill(sn);
	}
	return k;
}

/* Clears row y, to be drawn again. */
static void
clear_row(int y)
{
	move(y, 0);
	clrtoeol();
}

/* The status, countdown and state rows: all of them (tick false, on an
 * erased screen), or on a tick only those that changed. */
static void
draw_run_clock(struct ui *ui, const struct engine_snapshot *sn, bool tick)
{
	const struct step *s = sn->step;
	char line[256], big[16];
	int pair = digits_pair(s->kind);
	int r, state_y = ROW_STATE + (s->kind == STEP_SELF);
	struct shown_state k = state_key(sn);

	if (!tick || sn->rep != shown.rep || sn->breath != shown.breath ||
	    (int)sn->side != shown.side) {
		if (tick)
			clear_row(ROW_STATUS);
		step_status(ui, sn, line, sizeof line);
		tui_put(ROW_STATUS, 3, COLS - 5, line);
		shown.rep = sn->rep;
		shown.breath = sn->breath;
		shown.side = (int)sn->side;
	}
	if (!tick || sn->remaining_s != shown.remaining_s ||
	    pair != shown.pair) {
		countdown_text(sn, big, sizeof big);
		if (!tick || pair != shown.pair ||
		    !tui_big_update(&ui->tui, ROW_DIGITS, shown.big, big,
		                    pair)) {
			for (r = 0; tick && r < BIGFONT_ROWS; r++)
				clear_row(ROW_DIGITS + r);
			tui_big(&ui->tui, ROW_DIGITS, big, pair);
		}
		memcpy(shown.big, big, sizeof big);
		shown.remaining_s = sn->remaining_s;
		shown.pair = pair;
	}
	if (!tick && s->kind == STEP_SELF)
		tui_put_centered(ROW_STATE, "reps");
	if (!tick || memcmp(&k, &shown.state, sizeof k) != 0) {
		if (tick)
			clear_row(state_y);
		draw_state_line(ui, state_y, sn, false);
		shown.state = k;
	}
}

static void
draw_run_full(struct ui *ui, const struct engine_snapshot *sn)
{
	const struct step *s = sn->step;
	struct run_figure_place fig;
	char line[256];
	int y, rows;

	step_heading(s, line, sizeof line);
	attron(A_BOLD);
	tui_put(3, 3, COLS - 20, line);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "move %u of %u", s->move, s->moves);
	tui_put_right(3, COLS - 2, line);
	draw_run_clock(ui, sn, false);

	y = text_row(s);
	rows = LINES - 3 - y - 1;
	run_figure_draw(ui, sn, y);
	draw_instructions(ui, s, y, rows, 3,
	                  run_figure_place(ui, sn, y, &fig) ? fig.text_w
	                                                    : COLS - 6);

	up_next(ui, sn, line, sizeof line);
	attron(A_DIM);
	tui_put(LINES - 3, 1, 8, "up next");
	attroff(A_DIM);
	tui_put(LINES - 3, 10, COLS - 11, line);
	tui_rule(&ui->tui, LINES - 2);
	tui_put(LINES - 1, 1, COLS - 2,
	    ui->muted ? "space pause  n next  p back  i steps  + 10s  m unmute  "
	                "? help  q quit"
	              : "space pause  n next  p back  i steps  + 10s  m mute  "
	                "? help  q quit");
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
	tui_color_on(&ui->tui, digits_pair(s->kind));
	snprintf(line, sizeof line, "%s%s", big,
	         s->kind == STEP_SELF ? " reps" : "");
	tui_put(y, 1, COLS - 2, line);
	tui_color_off(&ui->tui, digits_pair(s->kind));
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

/* The cells of the progress bar filled, as at the last whole second: a
 * redraw between two ticks shows what the last one did. */
static int
header_bar(const struct engine_snapshot *sn)
{
	return tui_bar_cells(COLS - 2, sn->elapsed_ms - sn->elapsed_ms % 1000,
	                     sn->total_ms);
}

/* "elapsed / total" into shown.clock, from the seconds of each. */
static void
header_clock(const struct engine_snapshot *sn)
{
	char el[16], tot[16];

	shown.elapsed_s = (long)(sn->elapsed_ms / 1000);
	shown.total_s = (long)(sn->total_ms / 1000);
	duration_format(shown.elapsed_s, el, sizeof el);
	duration_format(shown.total_s, tot, sizeof tot);
	snprintf(shown.clock, sizeof shown.clock, "%s / %s", el, tot);
}

/* The title line with elapsed / total, and the progress bar. */
static void
draw_run_header(struct ui *ui, const struct engine_snapshot *sn)
{
	char line[256];

	header_clock(sn);
	tui_put_right(0, COLS - 1, shown.clock);
	attron(A_BOLD);
	tui_put(0, 1, 8, "backease");
	attroff(A_BOLD);
	snprintf(line, sizeof line, " %s %s", ui->tui.g->dot, ui->preset->name);
	tui_put(0, 9, COLS - 9 - 14, line);
	shown.bar = header_bar(sn);
	tui_bar_update(&ui->tui, 1, 1, COLS - 2, -1, shown.bar);
}

/* A tick of the same step in the full layout: only what changed since
 * the last frame is drawn again (the time, the bar, the counting rows,
 * the figure), not the instructions. */
static void
draw_run_tick(struct ui *ui, uint64_t now)
{
	struct engine_snapshot sn;
	char was[sizeof shown.clock];
	int w, fill;

	engine_snapshot(ui->e, now, &sn);
	if ((long)(sn.elapsed_ms / 1000) != shown.elapsed_s ||
	    (long)(sn.total_ms / 1000) != shown.total_s) {
		memcpy(was, shown.clock, sizeof was);
		header_clock(&sn);
		w = (int)strlen(was); /* ASCII: digits, ':', ' ' and '/' */
		if (!tui_put_changes(0, COLS - 1 - w, was, shown.clock)) {
			/* right-aligned: a shorter one leaves the old start */
			if ((int)strlen(shown.clock) < w && w < COLS)
				mvhline(0, COLS - 1 - w, ' ', w);
			tui_put_right(0, COLS - 1, shown.clock);
		}
	}
	fill = header_bar(&sn);
	if (fill != shown.bar)
		tui_bar_update(&ui->tui, 1, 1, COLS - 2, shown.bar, fill);
	shown.bar = fill;
	draw_run_clock(ui, &sn, true);
	run_figure_tick(ui, &sn, text_row(sn.step),
	                ROW_STATE + (sn.step->kind == STEP_SELF));
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

/* The run is over (done or quit): record it and show the summary. */
static void
end_run(struct ui *ui)
{
	engine_snapshot(ui->e, run_clock_now(&ui->clock), &ui->end);
	engine_free(ui->e);
	ui->e = NULL;
	ui->ran = true;
	ui->screen = SCREEN_SUMMARY;
	/* "And now?", then the history line (screen_checkin.c) */
	screen_checkin_after(ui, run_clock_now(&ui->clock));
}

int
screen_run_start(struct ui *ui, const struct preset *p)
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
	/* the check-in, with the clock stopped until it is answered */
	screen_checkin_before(ui, run_clock_now(&ui->clock));
	return 0;
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
		tui_loop_open_overlay(ui, SCREEN_HELP, now);
		break;
	case 'i':
		if (screen_move_exercise(ui, now) != NULL)
			tui_loop_open_overlay(ui, SCREEN_MOVE, now);
		break;
	case 'q':
	case KEY_ESCAPE:
		tui_loop_open_overlay(ui, SCREEN_QUIT, now);
		break;
	default:
		break;
	}
}

void
screen_run_quit(struct ui *ui, uint64_t now)
{
	engine_quit(ui->e, now);
	end_run(ui);
}

/* ---- the loop's hooks --------------------------------------------------- */

static int
update_run(struct ui *ui, uint64_t now)
{
	struct engine_snapshot sn;

	engine_update(ui->e, now);
	after_update(ui, now);
	if (engine_over(ui->e)) {
		ring(ui);
		end_run(ui);
		return -1;
	}
	/* the screen changes when a second passes (or, while waiting for
	 * Enter, when the figure moves) */
	engine_snapshot(ui->e, now, &sn);
	return run_clock_timeout(
	    &ui->clock,
	    run_figure_deadline(ui, now, full_layout() ? text_row(sn.step) : -1,
	                        engine_next_deadline(ui->e, now, 1000)));
}

static bool
draw_run_part(struct ui *ui, uint64_t now, bool unchanged)
{
	struct engine_snapshot sn;

	engine_snapshot(ui->e, now, &sn);
	if (unchanged && ui->last_step == sn.index && full_layout()) {
		draw_run_tick(ui, now);
		return true;
	}
	ui->last_step = sn.index;
	return false;
}

static bool
pause_run(struct ui *ui, uint64_t now)
{
	if (engine_state(ui->e) != ENGINE_RUNNING)
		return false;
	engine_pause(ui->e, now);
	return true;
}

static void
resume_run(struct ui *ui, uint64_t now)
{
	engine_resume(ui->e, now);
}

/* Unlike pause_run, also when waiting for Enter: the time away is not
 * exercise. */
static void
suspend_run(struct ui *ui, uint64_t now)
{
	if (ui->e != NULL)
		engine_pause(ui->e, now);
}

const struct tui_screen screen_run = {
	.draw = draw_run,
	.key = key_run,
	.update = update_run,
	.draw_part = draw_run_part,
	.pause = pause_run,
	.resume = resume_run,
	.suspend = suspend_run,
	.quit = screen_run_quit,
};
