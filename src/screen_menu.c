/* screen_menu: the preset list, a filter typed after '/', and the moves of
 * the selected preset below when there is room. */
#include "screen_menu.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "duration.h"
#include "safety.h"
#include "screen_quick.h"
#include "screen_run.h"
#include "screen_stats.h"
#include "text.h"

static void key_menu(struct ui *ui, int ch, uint64_t now);

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

void
screen_menu_filter(struct ui *ui)
{
	size_t i;

	ui->shown_count = 0;
	for (i = 0; i < ui->cat->presets_count; i++)
		if (matches_filter(ui->cat->presets[i], ui->filter))
			ui->shown[ui->shown_count++] = i;
	/* the last entry, "Quick routine" */
	if (screen_quick_matches(ui->filter))
		ui->shown[ui->shown_count++] = SCREEN_QUICK_ENTRY;
	if (ui->sel >= ui->shown_count)
		ui->sel = ui->shown_count ? ui->shown_count - 1 : 0;
}

/* The shown entry i: a preset, or NULL for the Quick routine. */
static const struct preset *
shown_preset(const struct ui *ui, size_t i)
{
	if (ui->shown[i] == SCREEN_QUICK_ENTRY)
		return NULL;
	return ui->cat->presets[ui->shown[i]];
}

/* ---- drawing ------------------------------------------------------------ */

static void
draw_menu_detail(struct ui *ui, const struct preset *p, int y, int rows)
{
	struct timeline tl;
	char total[16], line[160];
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
	tui_moves(&ui->tui, y + r, rows - r, &tl, 0);
	timeline_free(&tl);
}

/* The list's columns: name as wide as the longest, then time, where,
 * needs (where_w 0: no room for the last two). */
static void
menu_columns(const struct ui *ui, int *name_w, int *where_w)
{
	size_t i;
	int w;

	*name_w = 6;
	for (i = 0; i < ui->shown_count; i++) {
		w = shown_preset(ui, i) == NULL
		        ? (int)strlen(SCREEN_QUICK_NAME)
		        : (int)text_columns(shown_preset(ui, i)->name);
		if (w > *name_w)
			*name_w = w;
	}
	if (*name_w > 30)
		*name_w = 30;
	*where_w = COLS >= 3 + *name_w + 8 + 23 + 2 + 10 ? 23 : 0;
	if (3 + *name_w + 8 > COLS - 1)
		*name_w = COLS - 12;
}

/* Row y: the shown preset i. */
static void
draw_menu_row(struct ui *ui, size_t i, int y, int name_w, int where_w)
{
	const struct preset *p = shown_preset(ui, i);
	int x_time = 3 + name_w + 1;
	char where[64], needs[96], total[16];

	if (p == NULL) {
		screen_quick_cells(total, sizeof total, where, sizeof where,
		                   needs, sizeof needs);
	} else {
		duration_format(
		    (long)(timeline_preset_ms(p, &ui->ro->timeline) / 1000),
		    total, sizeof total);
		preset_where(p, where, sizeof where, needs, sizeof needs);
	}
	if (i == ui->sel) {
		attron(A_BOLD);
		tui_color_on(&ui->tui, PAIR_ACCENT);
		tui_put(y, 1, 1, ui->tui.g->pointer);
	}
	tui_put_cut(&ui->tui, y, 3, name_w, p ? p->name : SCREEN_QUICK_NAME);
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

static void
draw_menu_list(struct ui *ui, int list_rows)
{
	int name_w, where_w, x_time;
	size_t i;

	menu_columns(ui, &name_w, &where_w);
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
	     i++)
		draw_menu_row(ui, i, 3 + (int)(i - ui->top), name_w, where_w);
}

/* The key line (or the filter being typed) and the safety line. */
static void
draw_menu_keys(struct ui *ui)
{
	char row[256];

	tui_rule(&ui->tui, LINES - 3);
	/* catalog.d files left out (cmd_catalog_notice()), on the rule */
	if (ui->ro->notice != NULL) {
		tui_color_on(&ui->tui, PAIR_CAUTION);
		tui_put_cut(&ui->tui, LINES - 3, 2, COLS - 4, ui->ro->notice);
		tui_color_off(&ui->tui, PAIR_CAUTION);
	}
	if (ui->filtering || ui->filter[0] != '\0') {
		snprintf(row, sizeof row, "/%s%s   %s", ui->filter,
		         ui->filtering ? "_" : "",
		         ui->filtering ? "enter keep  esc clear"
		                       : "/ change  esc clear");
		tui_put(LINES - 2, 1, COLS - 2, row);
	} else {
		snprintf(row, sizeof row, "enter start  s stats  / filter  %s move",
		         ui->tui.g->updown);
		tui_put(LINES - 2, 1, COLS - 2, row);
	}
	attron(A_DIM);
	tui_put(LINES - 1, 1, COLS - 2, SAFETY_SHORT);
	attroff(A_DIM);
}

static void
draw_menu(struct ui *ui, uint64_t now)
{
	int list_rows, detail_rows, avail, y;
	char row[256];

	(void)now;
	attron(A_BOLD);
	tui_put(0, 1, COLS - 2, "backease");
	attroff(A_BOLD);
	/* the streak and this week's minutes, or the tagline */
	screen_stats_header(ui, COLS - 26, row, sizeof row);
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
	draw_menu_list(ui, list_rows);

	y = 3 + list_rows;
	if (detail_rows > 0 && ui->shown_count > 0) {
		tui_rule(&ui->tui, y);
		if (shown_preset(ui, ui->sel) == NULL)
			screen_quick_detail(ui, y + 1, detail_rows);
		else
			draw_menu_detail(ui, shown_preset(ui, ui->sel), y + 1,
			                 detail_rows);
	}
	draw_menu_keys(ui);
}

/* ---- keys --------------------------------------------------------------- */

/* A key while the filter is being typed. */
static void
key_filter(struct ui *ui, int ch, uint64_t now)
{
	size_t n = strlen(ui->filter);

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
	screen_menu_filter(ui);
}

/* One case a key: a little over 60 lines, but flat, and split it would
 * only scatter the key map. */
static void
key_menu(struct ui *ui, int ch, uint64_t now)
{
	if (ui->filtering) {
		key_filter(ui, ch, now);
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
		screen_menu_filter(ui);
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (ui->shown_count > 0 && shown_preset(ui, ui->sel) == NULL) {
			screen_quick_open(ui);
		} else if (ui->shown_count > 0) {
			ui->from_menu = true;
			if (screen_run_start(ui, shown_preset(ui, ui->sel)) != 0)
				snprintf(ui->notice, sizeof ui->notice,
				         "out of memory");
		}
		break;
	case 's':
		screen_stats_open(ui);
		break;
	case '?':
		tui_loop_open_overlay(ui, SCREEN_HELP, now);
		break;
	case 'q':
		ui->done = true;
		break;
	default:
		break;
	}
}

const struct tui_screen screen_menu = {
	.draw = draw_menu,
	.key = key_menu,
};
