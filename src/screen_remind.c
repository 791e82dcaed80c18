/* screen_remind: the reminder's screen.  It draws from remind_view() after
 * each wake and sleeps until the schedule's next deadline at a granularity
 * of a second (remind_next_deadline): more than a minute before a break
 * that is once a minute, when the minutes shown change and the idle
 * sources are sampled; the loop's doupdate() then sends only the cells
 * that changed.  What goes beyond the screen (the title, the desktop
 * notification) is written to the terminal between two frames. */
#include "screen_remind.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bigfont.h"
#include "screen_run.h"
#include "screen_summary.h"
#include "stats.h"
#include "stats_io.h"
#include "text.h"

struct remind_ui {
	struct remind_run *m;
	const struct preset *p;
	char where[64], needs[96];
	char message[200];
	int message_pair; /* its colour */
	/* today's counts: the schedule's since the reminder started, less
	 * what they were when the day began; the history's active time */
	long day;
	unsigned taken0, skipped0;
	long long active_s;
	bool recount; /* a break ended: read the history again */
};

/* ---- beyond the screen -------------------------------------------------- */

/* Bytes for the terminal itself (the title, OSC 777): curses has sent
 * its frame and keeps no output of its own back, so they go out whole
 * between two frames, where they cannot split one of curses' sequences.
 * They are invisible; a terminal that printed them is put right by the
 * caller's full redraw. */
static void
tty_write(const char *buf, size_t n)
{
	ssize_t w;

	fflush(stdout);
	while (n > 0) {
		w = write(STDOUT_FILENO, buf, n);
		if (w <= 0)
			return;
		buf += w;
		n -= (size_t)w;
	}
}

static void
retitle(struct remind_ui *s, const char *during_break)
{
	char buf[256];

	tty_write(buf,
		  remind_run_title_bytes(s->m, during_break, buf, sizeof buf));
}

static void
say(struct remind_ui *s, int pair, const char *msg)
{
	snprintf(s->message, sizeof s->message, "%s", msg);
	s->message_pair = pair;
}

/* "snoozed: next break at 14:50" */
static void
say_next(struct remind_ui *s, const char *what)
{
	struct remind_view v;
	char hm[16], msg[64];

	remind_view(s->m->r, run_clock_now(&s->m->clock), &v);
	remind_run_clock_text(s->m, v.due_ms, hm, sizeof hm);
	snprintf(msg, sizeof msg, "%s: next break at %s", what, hm);
	say(s, 0, msg);
}

static void
on_events(struct ui *ui, unsigned ev)
{
	struct remind_ui *s = ui->remind;
	char buf[2048], msg[200];
	struct diag d;
	size_t n;

	if ((ev & REMIND_EV_NO_IDLE) && s->m->idle_why != NULL) {
		snprintf(msg, sizeof msg, "idle cannot be counted here: %s",
			 s->m->idle_why);
		say(s, 0, msg);
	}
	if (ev & REMIND_EV_WELCOME) {
		remind_run_welcome_text(s->m, msg, sizeof msg);
		say(s, PAIR_ACCENT, msg);
		retitle(s, NULL);
	}
	if (ev & REMIND_EV_DUE) {
		n = remind_run_due_bytes(s->m, false, buf, sizeof buf);
		tty_write(buf, n);
		if (n > 0)
			clearok(curscr, TRUE);
		s->message[0] = '\0';
	}
	if ((ev & (REMIND_EV_DUE | REMIND_EV_RING)) && remind_run_rings(s->m))
		beep();
	if ((ev & REMIND_EV_CHANGED) && remind_run_save(s->m, &d) != 0) {
		diag_format(&d, buf, sizeof buf);
		snprintf(msg, sizeof msg, "status will not know: %s", buf);
		say(s, PAIR_CAUTION, msg);
	}
}

/* Today's figures; the day's counts start again at midnight. */
static void
count_today(struct remind_ui *s, bool reread)
{
	time_t t = time(NULL);
	long day = stats_today(t);
	struct remind_view v;

	remind_view(s->m->r, 0, &v);
	if (day != s->day) {
		s->day = day;
		s->taken0 = v.taken;
		s->skipped0 = v.skipped;
		reread = true;
	}
	if (reread)
		s->active_s = remind_run_active_today(t);
}

/* ---- the break ---------------------------------------------------------- */

/* Starts the break as the menu starts a preset: the run screen with all
 * it does (check-in, history, summary), which comes back here. */
static void
take_break(struct ui *ui)
{
	struct remind_ui *s = ui->remind;
	struct remind_clock now = remind_run_now(s->m);

	on_events(ui, remind_break_start(s->m->r, &now));
	s->message[0] = '\0';
	ui->from_menu = true; /* a quit run goes to its summary, then here */
	if (screen_run_start(ui, s->p) != 0) {
		on_events(ui, remind_break_end(s->m->r, &now, false));
		say(s, PAIR_CAUTION, "out of memory");
		return;
	}
	retitle(s, s->p->name);
}

/* The break's run has ended (its engine is gone): the next break counts
 * from now. */
static void
end_break(struct ui *ui)
{
	struct remind_ui *s = ui->remind;
	struct remind_clock now = remind_run_now(s->m);

	on_events(
	    ui, remind_break_end(s->m->r, &now, ui->end.state == ENGINE_DONE));
	retitle(s, NULL);
	s->recount = true;
}

/* Also called under the run and the summary (ui->under). */
static int
update_remind(struct ui *ui, uint64_t unused)
{
	struct remind_ui *s = ui->remind;
	struct remind_clock now;
	bool shown = ui->screen == SCREEN_REMIND;

	(void)unused; /* the reminder keeps a clock of its own */
	if (remind_state(s->m->r) == REMIND_BREAK) {
		if (ui->e != NULL)
			return -1; /* it runs; nothing falls due meanwhile */
		end_break(ui);
	}
	on_events(ui, remind_run_tick(s->m, &now));
	/* a summary left up gives way to the next offer */
	if (!shown && ui->screen == SCREEN_SUMMARY &&
	    ui->overlay == SCREEN_NONE && remind_state(s->m->r) == REMIND_DUE) {
		screen_summary_leave(ui, true);
		shown = ui->screen == SCREEN_REMIND;
	}
	if (shown) {
		/* its history line is written by now */
		count_today(s, s->recount);
		s->recount = false;
	}
	return remind_run_timeout(s->m, shown ? 1000 : 0);
}

/* ---- drawing ------------------------------------------------------------ */

/* What the screen says in the state it is in. */
struct face {
	const char *title; /* above the digits */
	char big[16];	   /* in big digits, or "" */
	int pair;	   /* their colour */
	char label[128];   /* under them */
	char offer[128];   /* due: the keys that answer */
	char sub[128];     /* the line under f->line when small */
	char line[160];	   /* all of it on one line, for small terminals */
	const char *keys, *keys_short;
};

static void
face_of(struct ui *ui, struct face *f)
{
	struct remind_ui *s = ui->remind;
	const struct tui_glyphs *g = ui->tui.g;
	struct remind_view v;
	char hm[16];

	memset(f, 0, sizeof *f);
	remind_view(s->m->r, run_clock_now(&s->m->clock), &v);
	f->keys = "b break now  s snooze  k skip  p pause  q quit";
	f->keys_short = "b s k p q  ? help";
	if (v.state == REMIND_DUE) {
		remind_run_clock_text(s->m, v.offered_ms, hm, sizeof hm);
		f->title = "time for a break";
		snprintf(f->big, sizeof f->big, "%s", s->m->cfg.length);
		f->pair = PAIR_WORK;
		snprintf(f->label, sizeof f->label,
			 "%s %s %s long %s offered at %s", s->p->name, g->dot,
			 s->m->cfg.length, g->dot, hm);
		snprintf(f->offer, sizeof f->offer,
			 "enter start   s snooze %u min   k skip",
			 s->m->cfg.s.snooze_s / 60);
		snprintf(f->line, sizeof f->line, "break due: %s (%s)",
			 s->p->name, s->m->cfg.length);
		snprintf(f->sub, sizeof f->sub, "enter start  s snooze  k skip");
		f->keys = "enter start  s snooze  k skip  p pause  q quit";
		f->keys_short = "enter s k p q  ? help";
	} else if (v.state == REMIND_PAUSED) {
		f->title = "reminders paused";
		snprintf(f->big, sizeof f->big, "%u", v.minutes);
		snprintf(f->label, sizeof f->label,
			 "minute%s left %s p resumes",
			 v.minutes == 1 ? "" : "s", g->dot);
		snprintf(f->line, sizeof f->line, "paused: %u min left",
			 v.minutes);
		snprintf(f->sub, sizeof f->sub, "p resumes");
		f->keys = "p resume  b break now  q quit";
		f->keys_short = "p b q  ? help";
	} else if (v.away) {
		f->title = "you seem to be away";
		snprintf(f->label, sizeof f->label,
			 "the countdown starts again when you are back");
		snprintf(f->line, sizeof f->line, "away: waiting for you");
		snprintf(f->sub, sizeof f->sub, "%s", f->label);
	} else {
		bool secs = v.left_ms <= 60000;

		remind_run_clock_text(s->m, v.due_ms, hm, sizeof hm);
		f->title = "next break in";
		snprintf(f->big, sizeof f->big, "%u",
			 secs ? v.seconds : v.minutes);
		f->pair = PAIR_ACCENT;
		snprintf(f->label, sizeof f->label, "%s %s at %s",
			 secs ? "seconds" : "minutes", g->dot, hm);
		snprintf(f->line, sizeof f->line, "next break in %u %s",
			 secs ? v.seconds : v.minutes, secs ? "s" : "min");
		snprintf(f->sub, sizeof f->sub, "at %s", hm);
	}
}

/* "Desk break · 3:30 · seated, standing" */
static void
preset_line(struct ui *ui, char *buf, size_t size)
{
	struct remind_ui *s = ui->remind;
	const char *dot = ui->tui.g->dot;

	if (s->where[0] != '\0')
		snprintf(buf, size, "%s %s %s %s %s", s->p->name, dot,
			 s->m->cfg.length, dot, s->where);
	else
		snprintf(buf, size, "%s %s %s", s->p->name, dot,
			 s->m->cfg.length);
}

/* "today: 2 breaks taken · 1 skipped · 14 min active", or shorter to fit
 * in cols: "today: 2 taken · 1 skipped · 14 min". */
static void
today_line(struct ui *ui, char *buf, size_t size, int cols)
{
	struct remind_ui *s = ui->remind;
	const char *dot = ui->tui.g->dot;
	struct remind_view v;
	unsigned taken, skipped;

	remind_view(s->m->r, 0, &v);
	taken = v.taken - s->taken0;
	skipped = v.skipped - s->skipped0;
	snprintf(buf, size,
		 "today: %u break%s taken %s %u skipped %s %ld min "
		 "active",
		 taken, taken == 1 ? "" : "s", dot, skipped, dot,
		 stats_minutes(s->active_s));
	if ((int)text_columns(buf) > cols)
		snprintf(buf, size, "%s%u taken %s %u skipped %s %ld min",
			 cols >= 34 ? "today: " : "", taken, dot, skipped, dot,
			 stats_minutes(s->active_s));
}

static void
draw_header(struct ui *ui)
{
	char row[128];

	attron(A_BOLD);
	tui_put(0, 1, COLS - 2, "backease");
	attroff(A_BOLD);
	snprintf(row, sizeof row, " %s reminder every %u min", ui->tui.g->dot,
		 ui->remind->m->cfg.s.every_s / 60);
	if (COLS >= 40)
		tui_put(0, 9, COLS - 9 - 10, row);
	if (COLS >= 20)
		tui_put_right(0, COLS - 1, "q quit");
}

/* The message from row y down to row last: centred when it fits on one
 * line, else wrapped in a centred column. */
static void
draw_message(struct ui *ui, int y, int last, bool centred)
{
	struct remind_ui *s = ui->remind;
	int w = COLS - 4 > 64 ? 64 : COLS - 4;

	if (s->message[0] == '\0' || y < 0 || y > last)
		return;
	if (s->message_pair != 0)
		tui_color_on(&ui->tui, s->message_pair);
	if (centred && (int)text_columns(s->message) <= COLS - 2)
		tui_put_centered(y, s->message);
	else if (centred)
		tui_wrap(y, (COLS - w) / 2, w, last - y + 1, "", s->message);
	else
		tui_wrap(y, 1, COLS - 2, last - y + 1, "", s->message);
	if (s->message_pair != 0)
		tui_color_off(&ui->tui, s->message_pair);
}

static void
draw_keys(const struct face *f)
{
	const char *keys =
	    (int)strlen(f->keys) <= COLS - 2 ? f->keys : f->keys_short;

	attron(A_DIM);
	tui_put(LINES - 1, 1, COLS - 2, keys);
	attroff(A_DIM);
}

/* Rows of the full layout: title, big digits, label, offer (due), preset,
 * today, message; gaps between the groups where there is room. */
static int
full_rows(const struct face *f, bool gaps)
{
	return 1 + (f->big[0] ? BIGFONT_ROWS : 0) + 1 + (f->offer[0] ? 1 : 0) +
	       (f->offer[0] ? 2 : 3) + (gaps ? 4 : 0);
}

static void
draw_full(struct ui *ui, const struct face *f, bool gaps)
{
	char line[256];
	int y = 2 + (LINES - 4 - full_rows(f, gaps)) / 2;

	attron(A_BOLD);
	tui_put_centered(y, f->title);
	attroff(A_BOLD);
	y += 1 + gaps;
	if (f->big[0] != '\0') {
		tui_big(&ui->tui, y, f->big, f->pair);
		y += BIGFONT_ROWS + gaps;
	}
	tui_put_centered(y++, f->label);
	if (f->offer[0] != '\0') {
		attron(A_BOLD);
		tui_put_centered(y++, f->offer);
		attroff(A_BOLD);
	}
	y += gaps;
	if (f->offer[0] == '\0') { /* (an offer names the preset) */
		preset_line(ui, line, sizeof line);
		tui_put_centered(y++, line);
	}
	today_line(ui, line, sizeof line, COLS - 2);
	attron(A_DIM);
	tui_put_centered(y++, line);
	attroff(A_DIM);
	draw_message(ui, y + gaps, LINES - 3, true);
}

/* Few rows: a line each, from the top. */
static void
draw_compact(struct ui *ui, const struct face *f)
{
	char line[256];
	int y = LINES >= 6 ? 1 : 0, last = LINES >= 3 ? LINES - 2 : LINES - 1;

	attron(A_BOLD);
	if (f->pair != 0)
		tui_color_on(&ui->tui, f->pair);
	tui_put_cut(&ui->tui, y++, 1, COLS - 2, f->line);
	if (f->pair != 0)
		tui_color_off(&ui->tui, f->pair);
	attroff(A_BOLD);
	if (y <= last)
		tui_put_cut(&ui->tui, y++, 1, COLS - 2, f->sub);
	if (y <= last) {
		preset_line(ui, line, sizeof line);
		tui_put_cut(&ui->tui, y++, 1, COLS - 2, line);
	}
	if (y <= last) {
		today_line(ui, line, sizeof line, COLS - 2);
		attron(A_DIM);
		tui_put_cut(&ui->tui, y++, 1, COLS - 2, line);
		attroff(A_DIM);
	}
	draw_message(ui, y, last, false);
}

static void
draw_remind(struct ui *ui, uint64_t now)
{
	struct face f;
	int avail = LINES - 4;
	bool wide;

	(void)now;
	face_of(ui, &f);
	wide = (int)bigfont_width(f.big) + 2 <= COLS && COLS >= 30;
	if (wide && avail >= full_rows(&f, false)) {
		draw_header(ui);
		tui_rule(&ui->tui, 1);
		draw_full(ui, &f, avail >= full_rows(&f, true));
		tui_rule(&ui->tui, LINES - 2);
		draw_keys(&f);
		return;
	}
	if (LINES >= 6)
		draw_header(ui);
	draw_compact(ui, &f);
	if (LINES >= 3)
		draw_keys(&f);
}

/* ---- keys --------------------------------------------------------------- */

static void
key_remind(struct ui *ui, int ch, uint64_t now_unused)
{
	struct remind_ui *s = ui->remind;
	struct remind_clock now = remind_run_now(s->m);
	enum remind_state st;
	unsigned ev;

	(void)now_unused;
	/* any key: the user is here, whatever the idle sources said */
	on_events(ui, remind_run_back(s->m));
	st = remind_state(s->m->r);
	switch (ch) {
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (st == REMIND_DUE)
			take_break(ui);
		break;
	case 'b':
		take_break(ui);
		break;
	case 's':
	case 'k':
		ev = ch == 's' ? remind_snooze(s->m->r, &now)
			       : remind_skip(s->m->r, &now);
		if (ev & REMIND_EV_CHANGED) {
			say_next(s, ch == 's' ? "snoozed" : "skipped");
			on_events(ui, ev);
			retitle(s, NULL);
		}
		break;
	case 'p':
		on_events(ui, remind_toggle_pause(s->m->r, &now));
		if (remind_state(s->m->r) == REMIND_PAUSED)
			s->message[0] = '\0'; /* the title says it */
		else
			say_next(s, "resumed");
		retitle(s, NULL);
		break;
	case '?':
		tui_loop_open_overlay(ui, SCREEN_REMIND_HELP, now.mono_ms);
		break;
	case 'q':
		ui->done = true;
		break;
	default:
		break;
	}
}

const struct tui_screen screen_remind = {
    .draw = draw_remind,
    .key = key_remind,
    .update = update_remind,
};

/* ---- help --------------------------------------------------------------- */

static const char *const help_lines[] = {
    "Keys of the reminder",
    "",
    "b         a break now",
    "enter     start the break offered",
    "s         snooze",
    "k         skip this break",
    "p         pause / resume reminders",
    "q         quit",
    "",
    "A break runs as 'backease run' would,",
    "and the next one counts from its end.",
    "",
    "any key closes this help",
    NULL,
};

static void
draw_help(struct ui *ui, uint64_t now)
{
	(void)ui;
	(void)now;
	tui_dialog(help_lines);
}

const struct tui_screen screen_remind_help = {
    .draw = draw_help,
    .key = tui_loop_close_on_key,
};

/* ---- open and close ----------------------------------------------------- */

int
screen_remind_open(struct ui *ui, struct remind_run *m, const struct preset *p)
{
	struct remind_ui *s = calloc(1, sizeof *s);
	char msg[1200];
	struct diag d;

	if (s == NULL)
		return -1;
	s->m = m;
	s->p = p;
	s->day = -1;
	preset_where(p, s->where, sizeof s->where, s->needs, sizeof s->needs);
	ui->remind = s;
	ui->screen = SCREEN_REMIND;
	ui->under = SCREEN_REMIND;
	count_today(s, true);
	if (remind_run_save(m, &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		snprintf(s->message, sizeof s->message,
			 "status will not know: %s", msg);
		s->message_pair = PAIR_CAUTION;
	}
	return 0;
}

void
screen_remind_close(struct ui *ui)
{
	free(ui->remind);
	ui->remind = NULL;
	ui->under = SCREEN_NONE;
}
