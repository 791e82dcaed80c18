/* stats_text: the stats as lines of text, for the command and the
 * screens. */
#include "stats_text.h"

#include <stdio.h>
#include <string.h>

#include "civil.h"
#include "safety.h"
#include "text.h"

/* The labels' column ("streak", "this week", "pain"), then a space;
 * narrower where the preset columns (53 in all) do not fit. */
enum { LABEL = 12, LABEL_NARROW = 9, WIDE = 53, LINE_MAX = 2048 };
/* The chart's scale ("  20m") and the advice's width with no other. */
enum { SCALE_COLS = 6, ADVICE_WIDTH = 76 };

struct line {
	char buf[LINE_MAX];
	int len;
};

static void
line_start(struct line *l)
{
	l->buf[0] = '\0';
	l->len = 0;
}

/* Appends s, as much as fits. */
static void
line_add(struct line *l, const char *s)
{
	int n =
	    snprintf(l->buf + l->len, sizeof l->buf - (size_t)l->len, "%s", s);

	if (n > 0)
		l->len += (size_t)(l->len + n) < sizeof l->buf
			      ? n
			      : (int)sizeof l->buf - 1 - l->len;
}

/* Gives the line without its trailing spaces; returns 1 (a line). */
static int
emit(const struct stats_out *o, enum stats_line_kind kind, struct line *l)
{
	while (l->len > 0 && l->buf[l->len - 1] == ' ')
		l->buf[--l->len] = '\0';
	if (o->line != NULL)
		o->line(o->ctx, kind, l->buf);
	return 1;
}

static int
emit_text(const struct stats_out *o, enum stats_line_kind kind,
	  const char *text)
{
	struct line l;

	line_start(&l);
	line_add(&l, text);
	return emit(o, kind, &l);
}

/* first then text, as one line when it fits width (or width is 0), else
 * word-wrapped with indent spaces before the lines after the first. */
static int
emit_wrapped(const struct stats_out *o, enum stats_line_kind kind,
	     const char *first, int indent, const char *text, int width)
{
	const char *p = text, *end;
	struct line l;
	char word[LINE_MAX];
	int col = 0, len, n = 0;

	if (width <= 0 ||
	    (int)(text_columns(first) + text_columns(text)) <= width) {
		line_start(&l);
		line_add(&l, first);
		line_add(&l, text);
		return emit(o, kind, &l);
	}
	line_start(&l);
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		end = p + strcspn(p, " ");
		len = (int)(end - p);
		if (len == 0)
			break;
		snprintf(word, sizeof word, "%.*s", len, p);
		len = (int)text_columns(word);
		if (col > 0 && col + 1 + len > width) {
			n += emit(o, kind, &l);
			line_start(&l);
			col = 0;
		}
		if (col == 0 && n == 0) {
			line_add(&l, first);
			col = (int)text_columns(first);
		} else if (col == 0) {
			col = snprintf(l.buf, sizeof l.buf, "%*s", indent, "");
			l.len = col;
		} else {
			line_add(&l, " ");
			col++;
		}
		line_add(&l, word);
		col += len;
		p = end;
	}
	if (col > 0)
		n += emit(o, kind, &l);
	return n;
}

static int
label_cols(const struct stats_out *o)
{
	return o->width > 0 && o->width < WIDE ? LABEL_NARROW : LABEL;
}

/* "streak       " + value, wrapped under the value's column. */
static int
emit_item(const struct stats_out *o, const char *label, const char *value)
{
	char first[LABEL + 2];
	int w = label_cols(o);

	snprintf(first, sizeof first, "%-*s ", w, label);
	return emit_wrapped(o, STATS_LINE_TEXT, first, w + 1, value, o->width);
}

const char *
stats_text_decimal(double v, char *buf, size_t size)
{
	long h = (long)(v * 100 + (v < 0 ? -0.5 : 0.5)), a = h < 0 ? -h : h;

	if (a % 100 == 0)
		snprintf(buf, size, "%s%ld", h < 0 ? "-" : "", a / 100);
	else if (a % 10 == 0)
		snprintf(buf, size, "%s%ld.%ld", h < 0 ? "-" : "", a / 100,
			 a / 10 % 10);
	else
		snprintf(buf, size, "%s%ld.%02ld", h < 0 ? "-" : "", a / 100,
			 a % 100);
	return buf;
}

/* ---- sections ----------------------------------------------------------- */

int
stats_text_empty(const struct stats_out *o)
{
	return emit_wrapped(o, STATS_LINE_TEXT, "", 0,
			    "No runs yet. Start one with 'backease run "
			    "warmup-6', or type 'backease' for the menu.",
			    o->width);
}

int
stats_text_nudge(const struct stats *s, const struct stats_out *o)
{
	char saw[256], line[320];
	int width =
	    o->width > 0 && o->width < ADVICE_WIDTH ? o->width : ADVICE_WIDTH;
	int n;

	if (stats_nudge_text(s, saw, sizeof saw) == 0)
		return 0;
	snprintf(line, sizeof line, "Your check-ins: %s.", saw);
	n = emit_wrapped(o, STATS_LINE_NUDGE, "", 0, line, o->width);
	return n +
	       emit_wrapped(o, STATS_LINE_ADVICE, "  ", 2, SAFETY_NUDGE, width);
}

static void
tally_text(const struct stats_tally *t, char *buf, size_t size)
{
	snprintf(buf, size, "%ld min, %lu done, %lu quit",
		 stats_minutes(t->active_s), t->done, t->quit);
}

int
stats_text_week(const struct stats *s, const struct stats_out *o)
{
	char buf[256], week[96], last[96];
	int n;

	stats_streak_text(s, buf, sizeof buf);
	n = emit_item(o, "streak", buf);
	tally_text(&s->week, week, sizeof week);
	tally_text(&s->last_week, last, sizeof last);
	snprintf(buf, sizeof buf, "%s  (last week: %s)", week, last);
	/* too wide for one line: one line a week */
	if (o->width > 0 && label_cols(o) + 1 + (int)strlen(buf) > o->width)
		return n + emit_item(o, "this week", week) +
		       emit_item(o, "last week", last);
	return n + emit_item(o, "this week", buf);
}

struct chart {
	const struct stats *s;
	const struct stats_out *o;
	int rows;
	int first; /* the oldest day shown (0 unless the width is short) */
	int step;  /* columns per day: 2, or 1 where that would not fit */
};

static int
chart_bars(const struct chart *c, long top)
{
	static const char *const eighths[] = {" ", "▁", "▂", "▃", "▄",
					      "▅", "▆", "▇", "█"};
	bool utf8 = c->o->utf8;
	struct line l;
	char label[24];
	int r, d, cell, n = 0;

	for (r = c->rows; r >= 1; r--) {
		label[0] = '\0';
		if (r == c->rows)
			snprintf(label, sizeof label, "%ldm", top);
		else if (c->rows % 2 == 0 && r == c->rows / 2)
			snprintf(label, sizeof label, "%ldm", top / 2);
		line_start(&l);
		l.len =
		    snprintf(l.buf, sizeof l.buf, "%*s ", SCALE_COLS, label);
		line_add(&l, utf8 ? (label[0] ? "┤" : "│") : "|");
		for (d = c->first; d < c->s->opt.days; d++) {
			cell = stats_chart_eighths(c->s, d, c->rows, top) -
			       (r - 1) * 8;
			cell = cell < 0 ? 0 : cell > 8 ? 8 : cell;
			if (utf8)
				line_add(&l, eighths[cell]);
			else /* whole cells only; the bottom one shows any */
				line_add(&l, cell >= 4 || (r == 1 && cell > 0)
						 ? "#"
						 : " ");
			if (c->step == 2)
				line_add(&l, " ");
		}
		n += emit(c->o, STATS_LINE_TEXT, &l);
	}
	return n;
}

/* The axis with quit-only days marked x, and the weekday initials.
 * *marked: a day was marked. */
static int
chart_axis(const struct chart *c, bool *marked)
{
	static const char initials[] = "SMTWTFS";
	const struct stats *s = c->s;
	bool utf8 = c->o->utf8;
	struct line l;
	char one[2] = "";
	int d;

	*marked = false;
	line_start(&l);
	l.len = snprintf(l.buf, sizeof l.buf, "%*s %s", SCALE_COLS, "0",
			 utf8 ? "└" : "+");
	for (d = c->first; d < s->opt.days; d++) {
		bool quit_only = s->day[d].t.done == 0 && s->day[d].t.quit > 0;

		*marked |= quit_only;
		line_add(&l, quit_only ? "x" : utf8 ? "─" : "-");
		if (c->step == 2)
			line_add(&l, utf8 ? "─" : "-");
	}
	emit(c->o, STATS_LINE_TEXT, &l);
	line_start(&l);
	l.len = snprintf(l.buf, sizeof l.buf, "%*s  ", SCALE_COLS, "");
	for (d = c->first; d < s->opt.days; d++) {
		one[0] = initials[civil_weekday(s->day[d].day)];
		line_add(&l, one);
		if (c->step == 2)
			line_add(&l, " ");
	}
	return 1 + emit(c->o, STATS_LINE_TEXT, &l);
}

/* A date under the oldest day shown and every 7th after it. */
static int
chart_dates(const struct chart *c)
{
	const struct stats *s = c->s;
	struct line l;
	char date[32];
	int d, col, at;

	line_start(&l);
	l.len = snprintf(l.buf, sizeof l.buf, "%*s  ", SCALE_COLS, "");
	col = l.len;
	for (d = c->first; d < s->opt.days; d += 7) {
		at = col + (d - c->first) * c->step;
		while (l.len < at && l.len + 1 < (int)sizeof l.buf)
			l.buf[l.len++] = ' ';
		l.buf[l.len] = '\0';
		stats_day_text(s->day[d].day, date, sizeof date);
		/* "Tue 14 May" is too wide for 7 columns: "14 May" */
		line_add(&l, strchr(date, ' ') + 1);
	}
	return emit(c->o, STATS_LINE_TEXT, &l);
}

int
stats_text_chart(const struct stats *s, const struct stats_out *o, int rows,
		 bool full)
{
	struct chart c = {s, o, rows < 1 ? 1 : rows, 0, 2};
	int room = (o->width > 0 ? o->width : 80) - SCALE_COLS - 2;
	int days = s->opt.days, n;
	char title[96];
	bool marked;

	if (2 * days > room)
		c.step = 1;
	if (o->width > 0 && days > room) /* the latest days that fit */
		c.first =
		    days - (room > STATS_DAYS_MIN ? room : STATS_DAYS_MIN);
	snprintf(title, sizeof title, "active minutes, last %d days%s",
		 days - c.first,
		 c.first > 0 ? " (a wider terminal shows them all)" : "");
	n = emit_wrapped(o, STATS_LINE_TITLE, "", 0, title, o->width);
	n += chart_bars(&c, stats_chart_top(s));
	n += chart_axis(&c, &marked);
	if (!full)
		return n;
	n += chart_dates(&c);
	if (marked) {
		snprintf(title, sizeof title, "%*s  x: only quit runs that day",
			 SCALE_COLS, "");
		n += emit_text(o, STATS_LINE_TEXT, title);
	}
	return n;
}

/* The narrow form's id column: as wide as the longest id shown, and no
 * wider than leaves room for the numbers (NARROW_NUMBERS columns). */
enum { NARROW_NUMBERS = 18 };

static int
narrow_id_cols(const struct stats *s, const struct stats_out *o, size_t shown)
{
	int w = 0, room = o->width - LABEL_NARROW - 1 - NARROW_NUMBERS;
	size_t i;

	for (i = 0; i < shown; i++)
		if ((int)strlen(s->presets[i].id) > w)
			w = (int)strlen(s->presets[i].id);
	w = w > room ? room : w;
	return w < 4 ? 4 : w;
}

/* id cut to cols columns (ids are ASCII), the cut marked. */
static void
cut_id(char *id, size_t size, int cols, bool utf8)
{
	if ((int)strlen(id) <= cols || (size_t)cols > size)
		return;
	snprintf(id + cols - 1, size - (size_t)cols + 1, "%s",
		 utf8 ? "…" : "~");
}

int
stats_text_presets(const struct stats *s, const struct stats_out *o, int max)
{
	char id[200], line[320];
	size_t i, shown = max <= 0			   ? 0
			  : s->presets_count < (size_t)max ? s->presets_count
							   : (size_t)max;
	bool wide = label_cols(o) == LABEL;
	int n = 0, id_w = wide ? 20 : narrow_id_cols(s, o, shown);

	for (i = 0; i < shown; i++) {
		const struct stats_preset *p = &s->presets[i];
		unsigned long runs = p->t.done + p->t.quit;
		const char *label = i == 0 ? "presets" : "";

		text_escape(p->id, id, sizeof id);
		if (!wide)
			cut_id(id, sizeof id, id_w, o->utf8);
		snprintf(line, sizeof line,
			 wide ? "%-*s %-*s %4lu run%s %5ld min"
			      : "%-*s %-*s %3lu run%s %4ld min",
			 label_cols(o), label, id_w, id, runs,
			 runs == 1 ? " " : "s", stats_minutes(p->t.active_s));
		n += emit_text(o, STATS_LINE_TEXT, line);
	}
	return n;
}

/* The average, or "-" for none. */
static const char *
average(long sum, long n, char *buf, size_t size)
{
	return n > 0 ? stats_text_decimal(stats_average(sum, n), buf, size)
		     : "-";
}

int
stats_text_pain(const struct stats *s, const struct stats_out *o, int max)
{
	const struct stats_pain *p = &s->pain;
	char a[32], b[32], line[256];
	double change;
	int n;

	if (max <= 0)
		return 0;
	if (p->before_n == 0 && p->after_n == 0) {
		snprintf(line, sizeof line, "no check-ins in these %d days",
			 s->opt.days);
		return emit_item(o, "pain", line);
	}
	snprintf(line, sizeof line, "before %s, after %s on average",
		 average(p->before_sum, p->before_n, a, sizeof a),
		 average(p->after_sum, p->after_n, b, sizeof b));
	n = emit_item(o, "pain", line);
	if (p->change_n == 0 || max < 2)
		return n;
	change = stats_average(p->change_sum, p->change_n);
	snprintf(line, sizeof line,
		 "change %s per run (%ld run%s with both): %s",
		 stats_text_decimal(change, a, sizeof a), p->change_n,
		 p->change_n == 1 ? "" : "s", stats_change_words(change));
	n += emit_item(o, "", line);
	if (max < 3)
		return n;
	snprintf(line, sizeof line,
		 "clearly better in %ld of %ld (a drop of %d points or more)",
		 p->clearly_better, p->change_n, STATS_CLEAR_CHANGE);
	if (p->clearly_worse > 0)
		snprintf(line + strlen(line), sizeof line - strlen(line),
			 ", clearly worse in %ld", p->clearly_worse);
	return n + emit_item(o, "", line);
}
