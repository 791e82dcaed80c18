/* cmd_stats: `backease stats [--days N] [--json | --csv]` (SPEC section
 * 9): the figures of stats.h as text, JSON or CSV. */
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "civil.h"
#include "cmd.h"
#include "duration.h"
#include "safety.h"
#include "stats.h"
#include "stats_io.h"
#include "text.h"

enum { OPT_DAYS = 1, OPT_JSON, OPT_CSV };
enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV };

static int stats_days = STATS_DAYS_DEFAULT; /* --days */
static enum format stats_format;            /* --json, --csv */

static const struct option stats_options[] = {
	{"days", required_argument, NULL, OPT_DAYS},
	{"json", no_argument, NULL, OPT_JSON},
	{"csv", no_argument, NULL, OPT_CSV},
	{NULL, 0, NULL, 0},
};

static int
stats_option(int val, const char *arg)
{
	long days;

	switch (val) {
	case OPT_DAYS:
		if (count_parse(arg, &days) != 0 || days < STATS_DAYS_MIN ||
		    days > STATS_DAYS_MAX)
			return cmd_usage_error("--days takes a number of days "
			                       "from 7 to 90, not",
			                       arg);
		stats_days = (int)days;
		return 0;
	case OPT_JSON:
	case OPT_CSV:
		if (stats_format != FORMAT_TEXT &&
		    stats_format != (val == OPT_JSON ? FORMAT_JSON : FORMAT_CSV))
			return cmd_usage_error("choose one of --json and --csv,"
			                       " not both:",
			                       val == OPT_JSON ? "--json"
			                                       : "--csv");
		stats_format = val == OPT_JSON ? FORMAT_JSON : FORMAT_CSV;
		return 0;
	}
	return EXIT_USAGE;
}

/* A number with up to two decimals and a '.', whatever LC_NUMERIC says
 * (JSON and CSV need the dot; the text uses it too). */
static const char *
decimal(double v, char *buf, size_t size)
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

/* The average, or what stands for none ("null" in JSON, "" in CSV). */
static const char *
average(long sum, long n, const char *none, char *buf, size_t size)
{
	return n > 0 ? decimal(stats_average(sum, n), buf, size) : none;
}

/* ---- skipped lines --------------------------------------------------- */

static void
report_skips(const char *path, const struct history_skips *sk)
{
	char shown[600], list[300] = "";
	size_t i, kept = sk->count < HISTORY_SKIPS_KEPT ? sk->count
	                                                : HISTORY_SKIPS_KEPT;
	int len = 0;

	if (sk->count == 0)
		return;
	/* ten numbers of up to 20 digits fit */
	for (i = 0; i < kept; i++)
		len += snprintf(list + len, sizeof list - (size_t)len, "%s%zu",
		                i ? ", " : "", sk->lines[i]);
	if (sk->count > kept)
		snprintf(list + len, sizeof list - (size_t)len, " and %zu more",
		         sk->count - kept);
	text_escape(path, shown, sizeof shown);
	fprintf(stderr,
	        "backease: %s: skipped %zu line%s that could not be read "
	        "(line%s %s)\n",
	        shown, sk->count, sk->count == 1 ? "" : "s",
	        sk->count == 1 ? "" : "s", list);
}

/* ---- text ------------------------------------------------------------- */

enum { CHART_ROWS = 4, LABEL_COLS = 6 };

/* Words of text (clean, ours) wrapped at width after indent spaces. */
static void
print_wrapped(const char *text, int indent, int width)
{
	const char *p = text, *end;
	int col = 0, len;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		end = p + strcspn(p, " ");
		len = (int)(end - p);
		if (len == 0)
			break;
		if (col > 0 && col + 1 + len > width) {
			putchar('\n');
			col = 0;
		}
		if (col == 0)
			col = printf("%*s", indent, "");
		else
			col += printf(" ");
		col += printf("%.*s", len, p);
		p = end;
	}
	if (col > 0)
		putchar('\n');
}

/* The terminal's width, or 0 when the output is not a terminal (a file
 * or a pipe gets every day). */
static int
terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20)
		return ws.ws_col;
	return 0;
}

/* Appends s to line at *len, within size. */
static void
add(char *line, size_t size, int *len, const char *s)
{
	int n = snprintf(line + *len, size - (size_t)*len, "%s", s);

	if (n > 0 && (size_t)(*len + n) < size)
		*len += n;
}

/* Prints line without its trailing spaces. */
static void
put_line(char *line, int len)
{
	while (len > 0 && line[len - 1] == ' ')
		len--;
	printf("%.*s\n", len, line);
}

struct chart {
	const struct stats *s;
	bool utf8;
	int first; /* the oldest day shown (0 unless the terminal is narrow) */
	int step;  /* columns per day: 2, or 1 where that would not fit */
};

static void
chart_bars(const struct chart *c, long top)
{
	static const char *const eighths[] = {" ", "▁", "▂", "▃", "▄",
	                                      "▅", "▆", "▇", "█"};
	char line[2048], label[16];
	int r, d, cell, len;

	for (r = CHART_ROWS; r >= 1; r--) {
		len = 0;
		label[0] = '\0';
		if (r == CHART_ROWS)
			snprintf(label, sizeof label, "%ldm", top);
		else if (r == CHART_ROWS / 2)
			snprintf(label, sizeof label, "%ldm", top / 2);
		len = snprintf(line, sizeof line, "%*s ", LABEL_COLS, label);
		add(line, sizeof line, &len,
		    c->utf8 ? (label[0] ? "┤" : "│") : "|");
		for (d = c->first; d < c->s->opt.days; d++) {
			cell = stats_chart_eighths(c->s, d, CHART_ROWS, top) -
			       (r - 1) * 8;
			cell = cell < 0 ? 0 : cell > 8 ? 8 : cell;
			if (c->utf8)
				add(line, sizeof line, &len, eighths[cell]);
			else /* whole cells only; the bottom one shows any */
				add(line, sizeof line, &len,
				    cell >= 4 || (r == 1 && cell > 0) ? "#"
				                                      : " ");
			if (c->step == 2)
				add(line, sizeof line, &len, " ");
		}
		put_line(line, len);
	}
}

/* The axis (quit-only days marked x), the weekday initials and a date
 * every 7 days.  Returns whether a day was marked. */
static bool
chart_axis(const struct chart *c)
{
	static const char initials[] = "SMTWTFS";
	const struct stats *s = c->s;
	char line[2048], date[32];
	int d, len, col, at;
	bool marked = false;

	len = snprintf(line, sizeof line, "%*s %s", LABEL_COLS, "0",
	               c->utf8 ? "└" : "+");
	for (d = c->first; d < s->opt.days; d++) {
		bool quit_only = s->day[d].t.done == 0 && s->day[d].t.quit > 0;

		marked |= quit_only;
		add(line, sizeof line, &len,
		    quit_only ? "x" : c->utf8 ? "─" : "-");
		if (c->step == 2)
			add(line, sizeof line, &len, c->utf8 ? "─" : "-");
	}
	put_line(line, len);
	len = snprintf(line, sizeof line, "%*s  ", LABEL_COLS, "");
	for (d = c->first; d < s->opt.days; d++) {
		line[len++] = initials[civil_weekday(s->day[d].day)];
		if (c->step == 2)
			line[len++] = ' ';
	}
	put_line(line, len);
	/* dates: under the oldest day shown and every 7th after it */
	len = snprintf(line, sizeof line, "%*s  ", LABEL_COLS, "");
	col = len;
	for (d = c->first; d < s->opt.days; d += 7) {
		at = col + (d - c->first) * c->step;
		while (len < at)
			line[len++] = ' ';
		stats_day_text(s->day[d].day, date, sizeof date);
		/* "Tue 14 May" is too wide for 7 columns: "14 May" */
		add(line, sizeof line, &len, strchr(date, ' ') + 1);
	}
	put_line(line, len);
	return marked;
}

static void
print_chart(const struct stats *s, bool utf8, int width)
{
	struct chart c = {s, utf8, 0, 2};
	int room = (width > 0 ? width : 80) - LABEL_COLS - 2, n = s->opt.days;

	if (2 * n > room)
		c.step = 1;
	if (width > 0 && n > room) /* the latest days that fit */
		c.first = n - (room > STATS_DAYS_MIN ? room : STATS_DAYS_MIN);
	printf("\nactive minutes, last %d days%s\n", n - c.first,
	       c.first > 0 ? " (a wider terminal shows them all)" : "");
	chart_bars(&c, stats_chart_top(s));
	if (chart_axis(&c))
		printf("%*s  x: only quit runs that day\n", LABEL_COLS, "");
}

static void
print_tally(const struct stats_tally *t)
{
	printf("%ld min, %lu done, %lu quit", stats_minutes(t->active_s),
	       t->done, t->quit);
}

static void
print_presets(const struct stats *s)
{
	char id[200];
	size_t i;

	for (i = 0; i < s->presets_count && i < 5; i++) {
		const struct stats_preset *p = &s->presets[i];
		unsigned long runs = p->t.done + p->t.quit;

		text_escape(p->id, id, sizeof id);
		printf("%-12s %-20s %4lu run%s %5ld min\n",
		       i == 0 ? "presets" : "", id, runs, runs == 1 ? " " : "s",
		       stats_minutes(p->t.active_s));
	}
}

static void
print_pain(const struct stats *s)
{
	const struct stats_pain *p = &s->pain;
	char a[32], b[32];

	if (p->before_n == 0 && p->after_n == 0) {
		printf("%-12s no check-ins in these %d days\n", "pain",
		       s->opt.days);
		return;
	}
	printf("%-12s before %s, after %s on average\n", "pain",
	       average(p->before_sum, p->before_n, "-", a, sizeof a),
	       average(p->after_sum, p->after_n, "-", b, sizeof b));
	if (p->change_n == 0)
		return;
	printf("%-12s change %s per run (%ld run%s with both): %s\n", "",
	       decimal(stats_average(p->change_sum, p->change_n), a, sizeof a),
	       p->change_n, p->change_n == 1 ? "" : "s",
	       stats_change_words(stats_average(p->change_sum, p->change_n)));
	printf("%-12s clearly better in %ld of %ld (a drop of %d points or more)",
	       "", p->clearly_better, p->change_n, STATS_CLEAR_CHANGE);
	if (p->clearly_worse > 0)
		printf(", clearly worse in %ld", p->clearly_worse);
	putchar('\n');
}

static void
print_text(const struct stats *s)
{
	char buf[256];
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;

	if (s->runs == 0) {
		printf("No runs yet. Start one with 'backease run warmup-6', or "
		       "type 'backease' for the menu.\n");
		return;
	}
	if (stats_nudge_text(s, buf, sizeof buf) > 0) {
		printf("Your check-ins: %s.\n", buf);
		print_wrapped(SAFETY_NUDGE, 2, 76);
		putchar('\n');
	}
	stats_streak_text(s, buf, sizeof buf);
	printf("%-12s %s\n", "streak", buf);
	printf("%-12s ", "this week");
	print_tally(&s->week);
	printf("  (last week: ");
	print_tally(&s->last_week);
	printf(")\n");
	print_chart(s, utf8, terminal_width());
	putchar('\n');
	if (s->presets_count > 0)
		print_presets(s);
	print_pain(s);
}

/* ---- JSON and CSV ----------------------------------------------------- */

/* A JSON string.  History ids are [a-z0-9-] (history_parse), but nothing
 * from the file is trusted: anything else is escaped byte by byte. */
static void
json_string(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	putchar('"');
	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static void
json_pain(const struct stats_pain *p)
{
	char a[32], b[32], c[32];

	printf("  \"pain\": {\"before\": %s, \"after\": %s, \"change\": %s, "
	       "\"checkins_before\": %ld, \"checkins_after\": %ld, "
	       "\"runs_with_both\": %ld, \"clearly_better\": %ld, "
	       "\"clearly_worse\": %ld},\n",
	       average(p->before_sum, p->before_n, "null", a, sizeof a),
	       average(p->after_sum, p->after_n, "null", b, sizeof b),
	       average(p->change_sum, p->change_n, "null", c, sizeof c),
	       p->before_n, p->after_n, p->change_n, p->clearly_better,
	       p->clearly_worse);
}

static void
json_days(const struct stats *s)
{
	char date[16], a[32], b[32];
	int i;

	printf("  \"days\": [");
	for (i = 0; i < s->opt.days; i++) {
		const struct stats_day *d = &s->day[i];

		stats_iso_date(d->day, date, sizeof date);
		printf("%s\n    {\"date\": \"%s\", \"done\": %lu, \"quit\": %lu, "
		       "\"active_seconds\": %lld, \"pain_before\": %s, "
		       "\"pain_after\": %s}",
		       i ? "," : "", date, d->t.done, d->t.quit, d->t.active_s,
		       average(d->before_sum, d->before_n, "null", a, sizeof a),
		       average(d->after_sum, d->after_n, "null", b, sizeof b));
	}
	printf("\n  ]\n");
}

static void
print_json(const struct stats *s, size_t skipped)
{
	char today[16], text[256];
	size_t i;

	stats_iso_date(s->opt.today, today, sizeof today);
	printf("{\n  \"today\": \"%s\",\n  \"window_days\": %d,\n"
	       "  \"week_start\": \"%s\",\n",
	       today, s->opt.days,
	       s->opt.week_start == WEEK_SUNDAY ? "sunday" : "monday");
	printf("  \"streak\": %lu,\n  \"best_streak\": %lu,\n"
	       "  \"today_done\": %s,\n",
	       s->streak, s->best_streak, s->today_done ? "true" : "false");
	printf("  \"week_minutes\": %ld,\n  \"week_runs_done\": %lu,\n"
	       "  \"week_runs_quit\": %lu,\n",
	       stats_minutes(s->week.active_s), s->week.done, s->week.quit);
	printf("  \"last_week_minutes\": %ld,\n  \"last_week_runs_done\": %lu,"
	       "\n  \"last_week_runs_quit\": %lu,\n",
	       stats_minutes(s->last_week.active_s), s->last_week.done,
	       s->last_week.quit);
	printf("  \"runs_done\": %lu,\n  \"runs_quit\": %lu,\n"
	       "  \"active_seconds\": %lld,\n  \"runs_all_time\": %lu,\n"
	       "  \"skipped_lines\": %zu,\n",
	       s->window.done, s->window.quit, s->window.active_s, s->runs,
	       skipped);
	printf("  \"nudge\": %s,\n  \"nudge_text\": ",
	       s->nudge.due ? "true" : "false");
	if (stats_nudge_text(s, text, sizeof text) > 0)
		json_string(text);
	else
		printf("null");
	printf(",\n");
	json_pain(&s->pain);
	printf("  \"presets\": [");
	for (i = 0; i < s->presets_count; i++) {
		const struct stats_preset *p = &s->presets[i];

		printf("%s\n    {\"id\": ", i ? "," : "");
		json_string(p->id);
		printf(", \"runs\": %lu, \"done\": %lu, \"quit\": %lu, "
		       "\"minutes\": %ld, \"active_seconds\": %lld}",
		       p->t.done + p->t.quit, p->t.done, p->t.quit,
		       stats_minutes(p->t.active_s), p->t.active_s);
	}
	printf("%s],\n", s->presets_count ? "\n  " : "");
	json_days(s);
	printf("}\n");
}

static void
print_csv(const struct stats *s)
{
	char date[16], a[32], b[32];
	int i;

	printf("date,done,quit,active_seconds,pain_before,pain_after\n");
	for (i = 0; i < s->opt.days; i++) {
		const struct stats_day *d = &s->day[i];

		stats_iso_date(d->day, date, sizeof date);
		printf("%s,%lu,%lu,%lld,%s,%s\n", date, d->t.done, d->t.quit,
		       d->t.active_s,
		       average(d->before_sum, d->before_n, "", a, sizeof a),
		       average(d->after_sum, d->after_n, "", b, sizeof b));
	}
}

static int
stats_exec(const struct cli *c, char **args, int nargs)
{
	struct stats_options opt = {
		.today = stats_today(time(NULL)),
		.days = stats_days,
		.week_start = c->settings.week_start,
	};
	struct stats s;
	struct history_skips skips = {0};
	struct diag d;
	char path[4096], msg[1200];
	int rc = 0;

	(void)args;
	(void)nargs;
	if (history_path(path, sizeof path) != 0) {
		fprintf(stderr, "backease: no history: no home or state "
		                "directory\n");
		return EXIT_DATA;
	}
	if (stats_init(&s, &opt) != 0) {
		fprintf(stderr, "backease: out of memory\n");
		return EXIT_DATA;
	}
	if (stats_load(path, &s, &skips, &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "backease: %s\n", msg);
		rc = EXIT_DATA;
		goto out;
	}
	report_skips(path, &skips);
	if (stats_format == FORMAT_JSON)
		print_json(&s, skips.count);
	else if (stats_format == FORMAT_CSV)
		print_csv(&s);
	else
		print_text(&s);
	if (fflush(stdout) != 0)
		rc = EXIT_DATA;
out:
	stats_free(&s);
	return rc;
}

const struct cmd_entry cmd_stats_entry = {
	.name = "stats",
	.args_min = 0,
	.args_max = 0,
	.options = stats_options,
	.option = stats_option,
	.exec = stats_exec,
};
