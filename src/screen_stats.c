/* screen_stats: the sections of stats_text.h on one screen.  What does not
 * fit is left out by a plan, in this order of need: the nudge, the streak
 * and the weeks, the average pain, the chart (4 rows with dates, 4, 2),
 * three presets, blank lines between, the rest of the pain, two presets
 * more.  When even the first of those do not fit (the nudge at 40x12),
 * the screen scrolls. */
#include "screen_stats.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats_text.h"
#include "text.h"

void
screen_stats_free(struct ui *ui)
{
	if (ui->stats != NULL)
		stats_free(ui->stats);
	free(ui->stats);
	ui->stats = NULL;
}

void
screen_stats_load(struct ui *ui)
{
	screen_stats_free(ui);
	ui->stats = malloc(sizeof *ui->stats);
	if (ui->stats != NULL &&
	    run_load_stats(ui->stats, ui->ro->week_start) != 0) {
		free(ui->stats);
		ui->stats = NULL;
	}
}

void
screen_stats_header(const struct ui *ui, int cols, char *buf, size_t size)
{
	const struct stats *s = ui->stats;
	const char *dot = ui->tui.g->dot;
	char tries[4][192], tag[64];
	int n = 0, i;
	long min;

	snprintf(tag, sizeof tag, " %s guided routines for your upper back",
		 dot);
	if (s != NULL && s->runs > 0) {
		min = stats_minutes(s->week.active_s);
		snprintf(tries[n++], sizeof tries[0],
			 "%s %s streak %lu day%s %s %ld min this week", tag,
			 dot, s->streak, s->streak == 1 ? "" : "s", dot, min);
		snprintf(tries[n++], sizeof tries[0],
			 " %s streak %lu day%s %s %ld min this week", dot,
			 s->streak, s->streak == 1 ? "" : "s", dot, min);
		snprintf(tries[n++], sizeof tries[0],
			 " %s streak %lu %s %ld min", dot, s->streak, dot, min);
		snprintf(tries[n++], sizeof tries[0], " %s streak %lu", dot,
			 s->streak);
	} else {
		snprintf(tries[n++], sizeof tries[0], "%s", tag);
	}
	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if ((int)text_columns(tries[i]) <= cols) {
			snprintf(buf, size, "%s", tries[i]);
			return;
		}
}

/* ---- the plan ----------------------------------------------------------- */

struct plan {
	int chart_rows; /* 0: no chart */
	bool chart_full;
	int presets, pain;		     /* how many of their lines */
	bool gap_nudge, gap_chart, gap_rest; /* blank lines */
};

/* The biggest chart that fits in *left rows. */
static void
plan_chart(const struct stats *s, const struct stats_out *c, int *left,
	   struct plan *p)
{
	static const struct {
		int rows;
		bool full;
	} charts[] = {{STATS_CHART_ROWS, true},
		      {STATS_CHART_ROWS, false},
		      {2, false},
		      {1, false}};
	size_t i;
	int n;

	for (i = 0; i < sizeof charts / sizeof charts[0]; i++) {
		n = stats_text_chart(s, c, charts[i].rows, charts[i].full);
		if (n <= *left) {
			p->chart_rows = charts[i].rows;
			p->chart_full = charts[i].full;
			*left -= n;
			return;
		}
	}
}

/* The most presets, up to max, that fit in *left rows. */
static void
plan_presets(const struct stats *s, const struct stats_out *c, int *left,
	     int max, struct plan *p)
{
	int had = stats_text_presets(s, c, p->presets), k, n;

	for (k = max; k > p->presets; k--) {
		n = stats_text_presets(s, c, k) - had;
		if (n <= *left) {
			p->presets = k;
			*left -= n;
			return;
		}
	}
}

/* c counts lines at the screen's width; rows is what there is. */
static void
plan_layout(const struct stats *s, const struct stats_out *c, int rows,
	    struct plan *p)
{
	int left, n, k, nudge = stats_text_nudge(s, c), least;

	memset(p, 0, sizeof *p);
	/* the least worth showing, scrolled when the screen is shorter */
	least = nudge + stats_text_week(s, c) + stats_text_pain(s, c, 1) +
		stats_text_chart(s, c, 2, false) + stats_text_presets(s, c, 3);
	if (rows < least) {
		p->pain = 1;
		p->chart_rows = 2;
		p->presets = 3;
		return;
	}
	left = rows - nudge - stats_text_week(s, c);
	if ((n = stats_text_pain(s, c, 1)) <= left) {
		p->pain = 1;
		left -= n;
	}
	plan_chart(s, c, &left, p);
	plan_presets(s, c, &left, 3, p);
	/* blank lines before more of the same: they make it readable */
	p->gap_nudge = nudge > 0 && left > 0;
	left -= p->gap_nudge;
	p->gap_chart = p->chart_rows > 0 && left > 0;
	left -= p->gap_chart;
	p->gap_rest = (p->presets > 0 || p->pain > 0) && left > 0;
	left -= p->gap_rest;
	for (k = STATS_TEXT_PAIN; p->pain > 0 && k > p->pain; k--) {
		n = stats_text_pain(s, c, k) - stats_text_pain(s, c, p->pain);
		if (n <= left) {
			p->pain = k;
			left -= n;
			break;
		}
	}
	plan_presets(s, c, &left, STATS_TEXT_PRESETS, p);
}

/* ---- drawing ------------------------------------------------------------ */

/* Where the lines go: line y of the text (0 first) on row
 * first + y - top, none past row last. */
struct rows {
	struct ui *ui;
	int y, top, first, last, width;
};

/* Bold for the chart's title and what the nudge saw (in the caution
 * colour; its advice plain, as calm as the rest). */
static void
put_row(void *ctx, enum stats_line_kind kind, const char *text)
{
	struct rows *r = ctx;
	int row = r->first + r->y - r->top;
	bool saw = kind == STATS_LINE_NUDGE;
	bool bold = saw || kind == STATS_LINE_TITLE;

	if (r->y >= r->top && row <= r->last) {
		if (saw)
			tui_color_on(&r->ui->tui, PAIR_CAUTION);
		if (bold)
			attron(A_BOLD);
		tui_put(row, 1, r->width, text);
		if (bold)
			attroff(A_BOLD);
		if (saw)
			tui_color_off(&r->ui->tui, PAIR_CAUTION);
	}
	r->y++;
}

static void
draw_sections(struct ui *ui, const struct stats *s, struct rows *r)
{
	struct stats_out o = {put_row, r, r->width, ui->tui.utf8};
	struct stats_out count = {NULL, NULL, r->width, ui->tui.utf8};
	struct plan p;

	if (s->runs == 0) {
		stats_text_empty(&o);
		return;
	}
	plan_layout(s, &count, r->last - r->first + 1, &p);
	if (stats_text_nudge(s, &o) > 0 && p.gap_nudge)
		r->y++;
	stats_text_week(s, &o);
	if (p.chart_rows > 0) {
		r->y += p.gap_chart;
		stats_text_chart(s, &o, p.chart_rows, p.chart_full);
	}
	r->y += p.gap_rest;
	stats_text_presets(s, &o, p.presets);
	stats_text_pain(s, &o, p.pain);
}

static void
draw_stats(struct ui *ui, uint64_t now)
{
	struct rows r = {ui, 0, 0, 2, LINES - 1, COLS - 2};
	int shown = LINES - 2;

	(void)now;
	attron(A_BOLD);
	tui_put(0, 1, COLS - 2, "backease");
	attroff(A_BOLD);
	if (COLS >= 26) {
		char title[32];

		snprintf(title, sizeof title, " %s stats", ui->tui.g->dot);
		tui_put(0, 9, 8, title);
	}
	if (LINES < 6 || COLS < 30) {
		tui_put_right(0, COLS - 1, "q back");
		tui_put(1, 1, COLS - 2, "enlarge the terminal");
		return;
	}
	tui_rule(&ui->tui, 1);
	if (ui->stats == NULL) {
		tui_put(2, 1, COLS - 2, "The history could not be read.");
		ui->stats_lines = 0;
	} else {
		if (ui->stats_top > ui->stats_lines - shown)
			ui->stats_top = ui->stats_lines > shown
					    ? ui->stats_lines - shown
					    : 0;
		r.top = ui->stats_top;
		draw_sections(ui, ui->stats, &r);
		ui->stats_lines = r.y;
	}
	/* more above or below: say how to get there */
	tui_put_right(0, COLS - 1,
		      ui->stats_lines > shown
			  ? (COLS >= 40 ? "j k scroll  q back" : "j k  q")
			  : "q back");
}

void
screen_stats_open(struct ui *ui)
{
	ui->screen = SCREEN_STATS;
	ui->stats_top = 0;
}

static void
key_stats(struct ui *ui, int ch, uint64_t now)
{
	int page = LINES - 3 > 1 ? LINES - 3 : 1;

	(void)now;
	switch (ch) {
	case 'j':
	case KEY_DOWN:
		ui->stats_top++;
		break;
	case 'k':
	case KEY_UP:
		ui->stats_top--;
		break;
	case ' ':
	case KEY_NPAGE:
		ui->stats_top += page;
		break;
	case KEY_PPAGE:
		ui->stats_top -= page;
		break;
	case 'g':
	case KEY_HOME:
		ui->stats_top = 0;
		break;
	case 'q':
	case 's':
	case KEY_ESCAPE:
	case KEY_LEFT:
		ui->screen = SCREEN_MENU;
		break;
	}
	/* the bottom is clamped when drawn, at the size it is drawn */
	if (ui->stats_top < 0)
		ui->stats_top = 0;
}

const struct tui_screen screen_stats = {
    .draw = draw_stats,
    .key = key_stats,
};
