/* tui: the curses terminal under every screen: set-up and tear-down,
 * colours, the glyph set, and the drawing primitives (cut, right-aligned,
 * centred and wrapped text, rules, dialog boxes, bars, big digits).  Only
 * the curses front end (tui*.c, screen_*.c, ui_curses.c) includes it.
 * Text needs no escaping here: what the screens draw is either fixed or
 * from the catalog, whose loader refuses text that is not clean (see
 * text_is_clean()). */
#ifndef BACKEASE_TUI_H
#define BACKEASE_TUI_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

enum { PAIR_ACCENT = 1, PAIR_WORK, PAIR_TRANSITION, PAIR_CAUTION };
/* PAIR_BIG + a pair above: its colour in big digits (see tui_big) */
enum { PAIR_BIG = 8 };
enum { BIG_TEXT_MAX = 15 }; /* characters tui_big_update() compares */
enum { KEY_CTRL_L = 12, KEY_ESCAPE = 27 };

/* Drawing characters, with an ASCII set for non-UTF-8 locales. */
struct tui_glyphs {
	const char *block, *shade, *pointer, *bullet, *dot, *rule, *updown,
	    *ellipsis;
};

struct tui {
	const struct tui_glyphs *g;
	bool utf8;  /* the locale is UTF-8 (g is the UTF-8 set) */
	bool color; /* colour pairs are set up and wanted */
	bool big_bold; /* big digits are bold: no bright colours for them */
	SCREEN *scr;
};

/* Picks the glyphs for the locale, starts curses on stdin/stdout in the
 * modes the loop needs, and sets up colours when want_color.  -1 when the
 * terminal cannot be used (unknown TERM). */
int tui_start(struct tui *t, bool want_color);
/* Ends curses and frees its screen. */
void tui_end(struct tui *t);
/* Takes the window size from the terminal (after SIGWINCH). */
void tui_resize(void);
/* Ctrl-Z: gives the terminal back, stops, and on fg takes it again with a
 * full redraw. */
void tui_suspend(void);

/* Draws s at (y, x), cut to at most cols display columns; returns the
 * columns drawn. */
int tui_put(int y, int x, int cols, const char *s);
/* Text was, drawn at (y, x), becomes s of the same length: draws only the
 * characters that differ.  False, drawing nothing, unless both are
 * printable ASCII of the same length and fit. */
bool tui_put_changes(int y, int x, const char *was, const char *s);
/* Like tui_put(), but a cut is marked with an ellipsis. */
void tui_put_cut(const struct tui *t, int y, int x, int cols, const char *s);
/* Draws s so that it ends at column right - 1. */
void tui_put_right(int y, int right, const char *s);
void tui_put_centered(int y, const char *s);
/* A horizontal rule across row y, inside the outer columns. */
void tui_rule(const struct tui *t, int y);
void tui_color_on(const struct tui *t, int pair);
void tui_color_off(const struct tui *t, int pair);
/* Word-wraps text into at most max_lines lines of width cols from (y, x),
 * the first line after prefix.  Returns the lines used. */
int tui_wrap(int y, int x, int cols, int max_lines, const char *prefix,
             const char *text);
/* The lines tui_wrap would use, drawing nothing. */
int tui_wrap_lines(int cols, int max_lines, const char *prefix,
                   const char *text);
/* A centred box with the given lines of text (NULL-terminated). */
void tui_dialog(const char *const *lines);
/* A blank box of h rows and w columns from (y, x), with a line border. */
void tui_box(int y, int x, int h, int w);
/* The cells of a progress bar of w columns that part of whole fills. */
int tui_bar_cells(int w, uint64_t part, uint64_t whole);
/* Draws such a bar from (y, x) with fill cells filled: all of it (shown
 * -1), or only the cells that differ from one drawn with shown filled. */
void tui_bar_update(const struct tui *t, int y, int x, int w, int shown,
                    int fill);
/* text (digits, ':' and ' ') in big digits, centred, from row y; pair 0
 * draws them in the terminal's own colours, with no attributes at all. */
void tui_big(const struct tui *t, int y, const char *text, int pair);
/* Big digits drawn by tui_big() with shown become text: draws only the
 * cells that change.  False, drawing nothing, when text does not take the
 * same columns (then clear the rows and call tui_big()). */
bool tui_big_update(const struct tui *t, int y, const char *shown,
                    const char *text, int pair);
/* The moves of tl from the first-th on, one a row from y in at most rows
 * rows: number, name and length (ending at column 50, or the edge); when
 * they do not all fit, the last row says how many more there are. */
struct timeline;
void tui_moves(const struct tui *t, int y, int rows,
               const struct timeline *tl, size_t first);

#endif
