/* screen_quick: the Quick routine dialog.  The steps' state is a struct
 * quick_form (pure, unit-tested); this file turns keys into its calls and
 * draws it, builds the routine with quick_recent_build() as `backease
 * quick` does, and starts it.  The routine that runs is a copy kept here
 * for the program's life: the run's timeline, the summary and the final
 * line point into it, while the dialog may build another. */
#include "screen_quick.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "duration.h"
#include "quick_form.h"
#include "quick_recent.h"
#include "safety.h"
#include "screen_run.h"

static struct {
	bool ready; /* the form was set up (on the first open) */
	struct quick_form form;
	struct quick_request rq;
	const char *words[QUICK_FORM_WORDS_MAX]; /* rq's equipment */
	struct quick_routine plan;		 /* what the plan step shows */
	int built;				 /* quick_recent_build's */
	uint64_t seed;				 /* the plan's */
	struct quick_routine running;		 /* what was started */
	size_t top;				 /* first row shown */
	const char *notice;			 /* why enter did nothing */
} q;

static const char *const questions[QUICK_STEPS] = {
    "How many minutes do you have?",
    "Where are you? Tick each place.",
    "What do you have to hand? Tick it.",
    "",
};

bool
screen_quick_matches(const char *filter)
{
	const char *s;
	size_t n = strlen(filter);

	for (s = SCREEN_QUICK_NAME; *s != '\0'; s++)
		if (strncasecmp(s, filter, n) == 0)
			return true;
	return n == 0;
}

void
screen_quick_cells(char *total, size_t tsize, char *where, size_t wsize,
		   char *needs, size_t nsize)
{
	snprintf(total, tsize, "%d-%dm", QUICK_FORM_MINUTES_MIN,
		 QUICK_FORM_MINUTES_MAX);
	snprintf(where, wsize, "you choose");
	snprintf(needs, nsize, "you choose");
}

void
screen_quick_detail(struct ui *ui, int y, int rows)
{
	char line[160];

	snprintf(line, sizeof line, "%s %s %d to %d minutes", SCREEN_QUICK_NAME,
		 ui->tui.g->dot, QUICK_FORM_MINUTES_MIN,
		 QUICK_FORM_MINUTES_MAX);
	attron(A_BOLD);
	tui_put(y, 3, COLS - 4, line);
	attroff(A_BOLD);
	if (rows > 1)
		tui_wrap(y + 1, 3, COLS - 4, rows - 1, "",
			 "Fits the minutes you have: asks how long, where and "
			 "with what, then shows the plan.");
}

void
screen_quick_open(struct ui *ui)
{
	if (!q.ready) {
		quick_form_init(&q.form, ui->cat);
		q.ready = true;
	}
	q.form.step = QUICK_STEP_MINUTES;
	q.form.cursor = 0;
	q.form.typing = false;
	q.notice = NULL;
	ui->screen = SCREEN_QUICK;
}

/* The plan step: the routine for the form, with today's seed (as `backease
 * quick` has it) or, after 'r', the next one. */
static void
build(struct ui *ui, bool another)
{
	quick_form_request(&q.form, &q.rq, q.words);
	if (another)
		q.rq.seed = q.seed + 1;
	q.built = quick_recent_build(ui->cat, &q.rq, another, time(NULL),
				     &ui->ro->timeline, &q.plan);
	q.seed = q.rq.seed;
	q.top = 0;
}

/* Enter on the plan: the routine runs as the command would run it. */
static void
start(struct ui *ui)
{
	if (q.built != 0)
		return;
	q.running = q.plan;
	q.running.preset.items = q.running.items;
	q.running.preset.name = q.running.name;
	quick_recent_note(&q.running.preset);
	ui->from_menu = true;
	if (screen_run_start(ui, &q.running.preset) != 0)
		q.notice = "out of memory";
}

/* ---- drawing ------------------------------------------------------------ */

/* "5 min · anywhere · nothing": the choices so far. */
static void
draw_choices(struct ui *ui, int y)
{
	char where[96], needs[160], line[300];
	const char *dot = ui->tui.g->dot;

	quick_form_where(&q.form, where, sizeof where);
	quick_form_needs(&q.form, needs, sizeof needs);
	snprintf(line, sizeof line, "%u min %s %s %s %s", q.form.minutes, dot,
		 where, dot, needs);
	attron(A_BOLD);
	tui_put_cut(&ui->tui, y, 1, COLS - 2, line);
	attroff(A_BOLD);
}

static void
draw_minutes(struct ui *ui, int y, int rows)
{
	char n[8], line[64];

	snprintf(n, sizeof n, "%u", q.form.minutes);
	if (rows >= 8 && COLS >= 30) {
		tui_big(&ui->tui, y + 1, n, PAIR_ACCENT);
		snprintf(line, sizeof line, "-  minutes  +   (%d to %d)",
			 QUICK_FORM_MINUTES_MIN, QUICK_FORM_MINUTES_MAX);
		tui_put_centered(y + 7, line);
		return;
	}
	snprintf(line, sizeof line, "- %u +  minutes (%d to %d)",
		 q.form.minutes, QUICK_FORM_MINUTES_MIN,
		 QUICK_FORM_MINUTES_MAX);
	attron(A_BOLD);
	tui_put(y + (rows > 2), 3, COLS - 4, line);
	attroff(A_BOLD);
}

/* The where or equipment list, scrolled to keep the cursor in view, and
 * how many moves the filters leave on the last row. */
static void
draw_ticks(struct ui *ui, int y, int rows)
{
	size_t n = quick_form_rows(&q.form), i, fits;
	/* the list, a blank row and the count when there is room */
	size_t shown = rows > 2 ? (size_t)rows - 2 : 1;
	char line[200];
	int fits_y;

	if (q.form.cursor < q.top)
		q.top = q.form.cursor;
	if (q.form.cursor >= q.top + shown)
		q.top = q.form.cursor - shown + 1;
	for (i = q.top; i < n && i < q.top + shown; i++) {
		bool at = i == q.form.cursor;
		int r = y + (int)(i - q.top);

		if (at) {
			attron(A_BOLD);
			tui_color_on(&ui->tui, PAIR_ACCENT);
			tui_put(r, 1, 1, ui->tui.g->pointer);
		}
		snprintf(line, sizeof line, "[%s] %s",
			 quick_form_ticked(&q.form, i) ? "x" : " ",
			 quick_form_label(&q.form, i));
		tui_put_cut(&ui->tui, r, 3, COLS - 4, line);
		if (at) {
			tui_color_off(&ui->tui, PAIR_ACCENT);
			attroff(A_BOLD);
		}
	}
	if (n == 0)
		tui_put(y, 3, COLS - 4, "(the catalog's moves need nothing)");
	fits_y = y + (int)(n < shown ? n : shown) + (rows > 2);
	if (n == 0 || fits_y >= y + rows)
		fits_y = y + rows - 1;
	if (rows < 2)
		return;
	fits = quick_form_fits(&q.form, ui->cat);
	if (q.notice != NULL)
		snprintf(line, sizeof line, "%s", q.notice);
	else if (fits == 0)
		snprintf(line, sizeof line, "no move fits: tick more");
	else
		snprintf(line, sizeof line, "%zu move%s fit%s", fits,
			 fits == 1 ? "" : "s", fits == 1 ? "s" : "");
	attron(fits == 0 || q.notice != NULL ? A_BOLD : A_DIM);
	tui_put(fits_y, 3, COLS - 4, line);
	attroff(A_BOLD | A_DIM);
}

/* What is wrong with the plan, if anything: the rows it took. */
static int
draw_plan_warnings(struct ui *ui, int y, int rows)
{
	char msg[320];
	int r = 0;

	quick_describe_miss(&q.plan, q.rq.target_s, msg, sizeof msg);
	tui_color_on(&ui->tui, PAIR_CAUTION);
	if (msg[0] != '\0' && r < rows)
		r += tui_wrap(y + r, 3, COLS - 4, rows - r > 3 ? 3 : rows - r,
			      "", msg);
	if (q.plan.areas_relaxed && r < rows)
		r += tui_wrap(y + r, 3, COLS - 4, 1, "",
			      "too few moves to spread the areas: some come "
			      "three in a row");
	tui_color_off(&ui->tui, PAIR_CAUTION);
	return r;
}

/* The moves with their lengths and the total, as `plan` counts it;
 * up and down scroll a list longer than the rows. */
static void
draw_plan(struct ui *ui, int y, int rows)
{
	struct timeline tl;
	char line[200], len[16];
	size_t fit;
	int r;

	if (q.built != 0) {
		/* quick_build's why, as the command says it */
		attron(A_BOLD);
		tui_put(y, 3, COLS - 4, "Nothing fits these choices.");
		attroff(A_BOLD);
		tui_color_on(&ui->tui, PAIR_CAUTION);
		r = 1 + tui_wrap(y + 1, 3, COLS - 4, rows - 1, "", q.plan.why);
		tui_color_off(&ui->tui, PAIR_CAUTION);
		if (rows - r > 1)
			tui_wrap(y + r + 1, 3, COLS - 4, rows - r - 1, "",
				 "esc goes back: tick more places or things.");
		return;
	}
	if (timeline_build(&q.plan.preset, &ui->ro->timeline, &tl) != 0) {
		tui_put(y, 3, COLS - 4, "out of memory");
		return;
	}
	duration_format((long)(tl.total_ms / 1000), len, sizeof len);
	snprintf(line, sizeof line, "%s %s %zu move%s %s %s", q.plan.name,
		 ui->tui.g->dot, tl.moves_count, tl.moves_count == 1 ? "" : "s",
		 ui->tui.g->dot, len);
	attron(A_BOLD);
	tui_put(y, 3, COLS - 4, line);
	attroff(A_BOLD);
	r = 1 + draw_plan_warnings(ui, y + 1, rows - 2);
	fit = rows > r ? (size_t)(rows - r) : 0;
	if (q.top + fit > tl.moves_count)
		q.top = tl.moves_count > fit ? tl.moves_count - fit : 0;
	tui_moves(&ui->tui, y + r, (int)fit, &tl, q.top);
	timeline_free(&tl);
}

/* The step's keys, shorter on a narrow terminal. */
static const char *
keys_line(void)
{
	static const char *const wide[QUICK_STEPS] = {
	    "left/right or -/+ change  0-9 type  enter next  esc menu",
	    "space tick  up/down move  enter next  esc back",
	    "space tick  a all  up/down move  enter plan  esc back",
	    "enter start  r another  up/down scroll  esc back",
	};
	static const char *const narrow[QUICK_STEPS] = {
	    "-/+ 0-9  enter next  esc menu",
	    "space tick  enter next  esc back",
	    "space tick  enter plan  esc back",
	    "enter start  r another  esc back",
	};

	if (q.form.step == QUICK_STEP_PLAN && q.built != 0)
		return "esc back  q menu";
	return (COLS >= 60 ? wide : narrow)[q.form.step];
}

static void
draw_quick(struct ui *ui, uint64_t now)
{
	int y, rows;
	char title[64];

	(void)now;
	attron(A_BOLD);
	tui_put(0, 1, COLS - 2, "backease");
	attroff(A_BOLD);
	snprintf(title, sizeof title, " %s quick routine", ui->tui.g->dot);
	if (COLS >= 44)
		tui_put(0, 9, COLS - 9 - 18, title);
	tui_put_right(0, COLS - 1, "? help  esc back");
	if (LINES < 8 || COLS < 24) {
		tui_put(1, 1, COLS - 2, "enlarge the terminal");
		return;
	}
	tui_rule(&ui->tui, 1);
	draw_choices(ui, 2);
	/* rows: title, rule, choices, [gap], question | body | rule, keys,
	 * note */
	y = LINES >= 16 ? 4 : 3;
	if (q.form.step != QUICK_STEP_PLAN)
		tui_put(y++, 3, COLS - 4, questions[q.form.step]);
	rows = LINES - 3 - y - (LINES >= 16);
	if (q.form.step == QUICK_STEP_MINUTES)
		draw_minutes(ui, y, rows);
	else if (q.form.step == QUICK_STEP_PLAN)
		draw_plan(ui, y, rows - (q.notice != NULL));
	else
		draw_ticks(ui, y + (LINES >= 16), rows - (LINES >= 16));
	if (q.form.step == QUICK_STEP_PLAN && q.notice != NULL) {
		attron(A_BOLD);
		tui_put(LINES - 4, 3, COLS - 4, q.notice);
		attroff(A_BOLD);
	}
	tui_rule(&ui->tui, LINES - 3);
	tui_put(LINES - 2, 1, COLS - 2, keys_line());
	attron(A_DIM);
	tui_put(LINES - 1, 1, COLS - 2, SAFETY_SHORT);
	attroff(A_DIM);
}

/* ---- keys --------------------------------------------------------------- */

static void
key_minutes(int ch)
{
	if (ch == KEY_RIGHT || ch == KEY_UP || ch == '+' || ch == '=' ||
	    ch == 'l' || ch == 'k')
		quick_form_minutes_add(&q.form, 1);
	else if (ch == KEY_LEFT || ch == KEY_DOWN || ch == '-' || ch == 'h' ||
		 ch == 'j')
		quick_form_minutes_add(&q.form, -1);
	else if (ch == KEY_PPAGE)
		quick_form_minutes_add(&q.form, 5);
	else if (ch == KEY_NPAGE)
		quick_form_minutes_add(&q.form, -5);
	else if (ch >= '0' && ch <= '9')
		quick_form_digit(&q.form, (unsigned)(ch - '0'));
	else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8)
		quick_form_erase(&q.form);
}

static void
key_ticks(int ch)
{
	if (ch == KEY_UP || ch == 'k')
		quick_form_move(&q.form, -1);
	else if (ch == KEY_DOWN || ch == 'j')
		quick_form_move(&q.form, 1);
	else if (ch == ' ' || ch == 'x')
		quick_form_toggle(&q.form);
	else if (ch == 'a')
		quick_form_toggle_all(&q.form);
}

static void
key_plan(struct ui *ui, int ch)
{
	if (ch == KEY_UP || ch == 'k') {
		if (q.top > 0)
			q.top--;
	} else if (ch == KEY_DOWN || ch == 'j') {
		q.top++; /* draw_plan stops it at the end */
	} else if (ch == 'r' && q.built == 0) {
		build(ui, true);
	}
}

static void
key_quick(struct ui *ui, int ch, uint64_t now)
{
	q.notice = NULL;
	if (ch == KEY_ESCAPE) {
		if (!quick_form_back(&q.form))
			ui->screen = SCREEN_MENU;
		q.top = 0;
	} else if (ch == 'q') {
		ui->screen = SCREEN_MENU;
	} else if (ch == '?') {
		tui_loop_open_overlay(ui, SCREEN_HELP, now);
	} else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		if (q.form.step == QUICK_STEP_PLAN)
			start(ui);
		else if (quick_form_next(&q.form) != 0)
			q.notice = "tick one place at least";
		else if (q.form.step == QUICK_STEP_PLAN)
			build(ui, false);
		q.top = 0;
	} else if (q.form.step == QUICK_STEP_MINUTES) {
		key_minutes(ch);
	} else if (q.form.step == QUICK_STEP_PLAN) {
		key_plan(ui, ch);
	} else {
		key_ticks(ch);
	}
}

const struct tui_screen screen_quick = {
    .draw = draw_quick,
    .key = key_quick,
};
