/* cmd_stats: `backease stats [--days N] [--json | --csv]` (SPEC section
 * 9): the figures of stats.h as text, JSON or CSV. */
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "duration.h"
#include "stats.h"
#include "stats_io.h"
#include "stats_text.h"
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

/* The average, or what stands for none ("null" in JSON, "" in CSV). */
static const char *
average(long sum, long n, const char *none, char *buf, size_t size)
{
	return n > 0 ? stats_text_decimal(stats_average(sum, n), buf, size)
	             : none;
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

static void
print_line(void *ctx, enum stats_line_kind kind, const char *text)
{
	(void)ctx;
	(void)kind;
	puts(text);
}

/* The sections of stats_text.h, a blank line between groups. */
static void
print_text(const struct stats *s)
{
	struct stats_out o = {
		.line = print_line,
		.width = terminal_width(),
		.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0,
	};

	if (s->runs == 0) {
		stats_text_empty(&o);
		return;
	}
	if (stats_text_nudge(s, &o) > 0)
		putchar('\n');
	stats_text_week(s, &o);
	putchar('\n');
	stats_text_chart(s, &o, STATS_CHART_ROWS, true);
	putchar('\n');
	stats_text_presets(s, &o, STATS_TEXT_PRESETS);
	stats_text_pain(s, &o, STATS_TEXT_PAIN);
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
