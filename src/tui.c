/* tui: the curses terminal and the drawing primitives the screens share.
 * Each primitive draws into curses' buffer only; the loop sends a frame
 * with doupdate(). */
#include "tui.h"

#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "bigfont.h"
#include "duration.h"
#include "signals.h"
#include "text.h"
#include "timeline.h"

static const struct tui_glyphs utf8_glyphs = {
	"\u2588", "\u2591", "\u25b8", "\u203a", "\u00b7", "\u2500",
	"\u2191\u2193", "\u2026",
};
static const struct tui_glyphs ascii_glyphs = {"#", "-", ">", ">", "-", "-",
                                               "up/down", "~"};

/* ---- the terminal ------------------------------------------------------- */

static void
setup_colors(struct tui *t, bool want_color)
{
	t->color = want_color && has_colors();
	t->big_bold = true;
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_ACCENT, COLOR_CYAN, -1);
	init_pair(PAIR_WORK, COLOR_GREEN, -1);
	init_pair(PAIR_TRANSITION, COLOR_YELLOW, -1);
	init_pair(PAIR_CAUTION, COLOR_RED, -1);
	/* big digits: the bright colours that bold gives them in most
	 * terminals, without the bold (see tui_big) */
	t->big_bold = COLORS < 16;
	init_pair(PAIR_BIG + PAIR_ACCENT, COLOR_CYAN + (t->big_bold ? 0 : 8),
	          -1);
	init_pair(PAIR_BIG + PAIR_WORK, COLOR_GREEN + (t->big_bold ? 0 : 8),
	          -1);
	init_pair(PAIR_BIG + PAIR_TRANSITION,
	          COLOR_YELLOW + (t->big_bold ? 0 : 8), -1);
	init_pair(PAIR_BIG + PAIR_CAUTION, COLOR_RED + (t->big_bold ? 0 : 8),
	          -1);
}

int
tui_start(struct tui *t, bool want_color)
{
	t->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	t->g = t->utf8 ? &utf8_glyphs : &ascii_glyphs;
	t->scr = newterm(NULL, stdout, stdin);
	if (t->scr == NULL)
		return -1;
	set_term(t->scr);
	/* ncurses 6.4 flushes its output after every cursor move until the
	 * first return from endwin(): a frame went out in one write() per
	 * changed spot (8 a second of a countdown, each a wakeup of the
	 * terminal and a task switch).  Leaving and taking the screen back
	 * once, before anything is drawn or set (keypad and cursor modes
	 * would be left off), makes each doupdate() one write. */
	def_prog_mode();
	endwin();
	doupdate();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	/* the loop polls the keyboard itself; no checks inside doupdate() */
	typeahead(-1);
	curs_set(0);
	/* the cursor is hidden: no move to put it back after each update
	 * (8 bytes a second of a countdown; SPEC 7 allows 100) */
	leaveok(stdscr, TRUE);
	/* no insert/delete character: for a figure's frame ncurses shifted
	 * the row with ESC [ P and moved there twice, more bytes than the
	 * characters themselves */
	idcok(stdscr, FALSE);
	setup_colors(t, want_color);
	return 0;
}

void
tui_end(struct tui *t)
{
	/* told to end in the background (Ctrl-Z, bg, kill %1): the shell
	 * owns the terminal and restores its own modes; endwin() there
	 * would change them under it */
	if (!signals_tty_refuses_modes(STDOUT_FILENO))
		endwin();
	delscreen(t->scr);
	t->scr = NULL;
}

void
tui_resize(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
}

void
tui_suspend(void)
{
	def_prog_mode();
	endwin();
	signals_suspend_self();
	/* continued in the background (bg): stop again until fg, unless
	 * told to end meanwhile (the loop then ends without the terminal) */
	if (!signals_wait_foreground(STDOUT_FILENO))
		return;
	reset_prog_mode();
	tui_resize();
	clearok(curscr, TRUE);
}

/* ---- text --------------------------------------------------------------- */

int
tui_put(int y, int x, int cols, const char *s)
{
	char buf[TEXT_OUT_MAX];
	size_t n;

	if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + cols > COLS)
		cols = COLS - x;
	s = text_for_terminal(s, buf, sizeof buf);
	n = text_prefix_bytes(s, (size_t)cols);
	mvaddnstr(y, x, s, (int)n);
	return (int)text_columns(s) < cols ? (int)text_columns(s) : cols;
}

static bool
ascii_printable(char c)
{
	return (unsigned char)c >= 0x20 && (unsigned char)c < 0x7f;
}

bool
tui_put_changes(int y, int x, const char *was, const char *s)
{
	size_t i, n = strlen(s);

	if (strlen(was) != n || y < 0 || y >= LINES || x < 0 ||
	    x + (int)n > COLS)
		return false;
	for (i = 0; i < n; i++)
		if (!ascii_printable(s[i]) || !ascii_printable(was[i]))
			return false;
	for (i = 0; i < n; i++)
		if (s[i] != was[i])
			mvaddch(y, x + (int)i, (chtype)(unsigned char)s[i]);
	return true;
}

void
tui_put_cut(const struct tui *t, int y, int x, int cols, const char *s)
{
	char buf[TEXT_OUT_MAX];

	s = text_for_terminal(s, buf, sizeof buf);
	if ((int)text_columns(s) <= cols) {
		tui_put(y, x, cols, s);
		return;
	}
	if (cols < 2)
		return;
	tui_put(y, x, cols - 1, s);
	tui_put(y, x + cols - 1, 1, t->g->ellipsis);
}

void
tui_put_right(int y, int right, const char *s)
{
	char buf[TEXT_OUT_MAX];
	int w;

	s = text_for_terminal(s, buf, sizeof buf);
	w = (int)text_columns(s);

	tui_put(y, right - w < 0 ? 0 : right - w, w, s);
}

void
tui_put_centered(int y, const char *s)
{
	char buf[TEXT_OUT_MAX];
	int w;

	s = text_for_terminal(s, buf, sizeof buf);
	w = (int)text_columns(s);

	tui_put(y, w < COLS ? (COLS - w) / 2 : 0, COLS, s);
}

void
tui_rule(const struct tui *t, int y)
{
	int x;

	for (x = 1; x < COLS - 1; x++)
		mvaddstr(y, x, t->g->rule);
}

void
tui_color_on(const struct tui *t, int pair)
{
	if (t->color)
		attron(COLOR_PAIR(pair));
}

void
tui_color_off(const struct tui *t, int pair)
{
	if (t->color)
		attroff(COLOR_PAIR(pair));
}

/* tui_wrap, drawing only when draw is true. */
static int
wrap(bool draw, int y, int x, int cols, int max_lines, const char *prefix,
     const char *text)
{
	int lines = 0, indent = (int)text_columns(prefix);
	size_t fit, cut;
	char buf[TEXT_OUT_MAX];
	const char *p = text_for_terminal(text, buf, sizeof buf);

	if (cols - indent < 8 || max_lines <= 0)
		return 0;
	while (*p != '\0' && lines < max_lines) {
		fit = text_prefix_bytes(p, (size_t)(cols - indent));
		cut = fit;
		if (p[fit] != '\0') {
			/* break at the last space that fits */
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = fit;
		}
		if (draw && lines == 0)
			tui_put(y, x, indent, prefix);
		if (draw)
			mvaddnstr(y + lines, x + indent, p, (int)cut);
		p += cut;
		while (*p == ' ')
			p++;
		lines++;
	}
	return lines;
}

int
tui_wrap(int y, int x, int cols, int max_lines, const char *prefix,
         const char *text)
{
	return wrap(true, y, x, cols, max_lines, prefix, text);
}

int
tui_wrap_lines(int cols, int max_lines, const char *prefix, const char *text)
{
	return wrap(false, 0, 0, cols, max_lines, prefix, text);
}

/* ---- boxes, bars, digits ------------------------------------------------ */

void
tui_box(int y, int x, int h, int w)
{
	int i;

	for (i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	mvhline(y, x, ACS_HLINE, w);
	mvhline(y + h - 1, x, ACS_HLINE, w);
	mvvline(y, x, ACS_VLINE, h);
	mvvline(y, x + w - 1, ACS_VLINE, h);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

void
tui_dialog(const char *const *lines)
{
	int n = 0, w = 0, h, x, y, i, lw;

	for (n = 0; lines[n] != NULL; n++) {
		lw = (int)text_columns(lines[n]);
		if (lw > w)
			w = lw;
	}
	w += 4;
	h = n + 2;
	if (w > COLS)
		w = COLS;
	if (h > LINES)
		h = LINES;
	x = (COLS - w) / 2;
	y = (LINES - h) / 2;
	if (w < 3 || h < 3) {
		tui_put(0, 0, COLS, lines[0]);
		return;
	}
	tui_box(y, x, h, w);
	for (i = 0; i < n && i < h - 2; i++)
		tui_put(y + 1 + i, x + 2, w - 4, lines[i]);
	/* cut short: the last line says which key closes it, so it stays */
	if (n > h - 2 && h >= 4) {
		mvhline(y + h - 3, x + 1, ' ', w - 2);
		mvhline(y + h - 2, x + 1, ' ', w - 2);
		tui_put(y + h - 3, x + 2, w - 4, "...");
		tui_put(y + h - 2, x + 2, w - 4, lines[n - 1]);
	}
}

int
tui_bar_cells(int w, uint64_t part, uint64_t whole)
{
	int fill = whole ? (int)((uint64_t)w * part / whole) : 0;

	return fill > w ? w : fill;
}

void
tui_bar_update(const struct tui *t, int y, int x, int w, int shown,
               int fill)
{
	int i = 0, end = w;

	if (shown >= 0) { /* only the cells between the two */
		i = shown < fill ? shown : fill;
		end = shown < fill ? fill : shown;
	}
	tui_color_on(t, PAIR_ACCENT);
	for (; i < fill && i < end; i++)
		mvaddstr(y, x + i, t->g->block);
	tui_color_off(t, PAIR_ACCENT);
	attron(A_DIM);
	for (; i < end; i++)
		mvaddstr(y, x + i, t->g->shade);
	attroff(A_DIM);
}

/* The big digits' attributes: their colour alone where the terminal has
 * the bright shades that bold gives them in most terminals, bold (and
 * colour) where it has fewer.  Bold and colour together cost 7 bytes more
 * each time a digit changes (SGR 0;1 and SI before the colour, as ncurses
 * writes it for tmux and xterm), a tenth of SPEC 7's budget. */
static attr_t
big_attrs(const struct tui *t, int pair)
{
	if (pair == 0)
		return A_NORMAL;
	return (t->big_bold ? A_BOLD : 0) |
	       (t->color ? COLOR_PAIR(PAIR_BIG + pair) : 0);
}

void
tui_big(const struct tui *t, int y, const char *text, int pair)
{
	char row[256];
	int r, w = (int)bigfont_width(text);

	attron(big_attrs(t, pair));
	for (r = 0; r < BIGFONT_ROWS; r++) {
		bigfont_row(text, r, t->g->block, row, sizeof row);
		tui_put(y + r, (COLS - w) / 2, w, row);
	}
	attroff(big_attrs(t, pair));
}

/* Where each glyph of text starts, from the text's first column: at[i]
 * for text[i] (every one of them has a glyph); false when one has none or
 * there are more than max. */
static bool
big_columns(const char *text, int *at, size_t max)
{
	char part[BIG_TEXT_MAX + 1], one[2] = "";
	size_t i;

	for (i = 0; text[i] != '\0'; i++) {
		if (i >= max)
			return false;
		one[0] = part[i] = text[i];
		part[i + 1] = '\0';
		at[i] = (int)(bigfont_width(part) - bigfont_width(one));
		if (bigfont_width(one) == 0)
			return false;
	}
	return true;
}

/* Draws the cells of row r of glyph c at (y, x) that differ from glyph
 * was: lit ones as blocks, dark ones as blanks; with draw false only
 * says whether one of them lights up. */
static bool
big_cells(const struct tui *t, int y, int x, char was, char c, int r,
          bool draw)
{
	char a[2] = {was, '\0'}, b[2] = {c, '\0'}, ra[16], rb[16];
	bool lit = false;
	int i;

	bigfont_row(a, r, "#", ra, sizeof ra);
	bigfont_row(b, r, "#", rb, sizeof rb);
	for (i = 0; rb[i] != '\0' && ra[i] != '\0'; i++) {
		if (ra[i] == rb[i] || x + i < 0 || x + i >= COLS || y >= LINES)
			continue;
		lit = lit || rb[i] == '#';
		if (draw)
			mvaddstr(y, x + i, rb[i] == '#' ? t->g->block : " ");
	}
	return lit;
}

bool
tui_big_update(const struct tui *t, int y, const char *shown,
               const char *text, int pair)
{
	int at[BIG_TEXT_MAX], was[BIG_TEXT_MAX], x0, r, pass;
	size_t i, n = strlen(text);
	bool lit = false;

	if (strlen(shown) != n || !big_columns(text, at, BIG_TEXT_MAX) ||
	    !big_columns(shown, was, BIG_TEXT_MAX))
		return false;
	for (i = 0; i < n; i++)
		if (at[i] != was[i])
			return false;
	x0 = (COLS - (int)bigfont_width(text)) / 2;
	/* first whether a cell lights up: when none does, the cells that go
	 * dark are blanked without the digits' attributes, which would cost
	 * two escape sequences (a blank looks the same in either) */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1 && lit)
			attron(big_attrs(t, pair));
		for (i = 0; i < n; i++)
			for (r = 0; r < BIGFONT_ROWS && text[i] != shown[i];
			     r++)
				lit = big_cells(t, y + r, x0 + at[i], shown[i],
				                text[i], r, pass == 1) ||
				      lit;
	}
	if (lit)
		attroff(big_attrs(t, pair));
	return true;
}

void
tui_moves(const struct tui *t, int y, int rows, const struct timeline *tl,
          size_t first)
{
	int right = COLS - 2 < 50 ? COLS - 2 : 50, r;
	char line[48], len[16];
	size_t i;

	for (i = first, r = 0; i < tl->moves_count && r < rows; i++, r++) {
		if (i + 1 < tl->moves_count && r == rows - 1) {
			snprintf(line, sizeof line, "    ... and %zu more",
			         tl->moves_count - i);
			tui_put(y + r, 3, COLS - 4, line);
			break;
		}
		duration_format((long)(tl->moves[i].duration_ms / 1000), len,
		                sizeof len);
		snprintf(line, sizeof line, "%2zu", i + 1);
		tui_put(y + r, 4, 3, line);
		tui_put_cut(t, y + r, 8, right - 8 - 7, tl->moves[i].ex->name);
		tui_put_right(y + r, right, len);
	}
}
