/* cli: the command line: global options, each command's own options, and
 * dispatch to the command's file (cmd_*.c). */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "duration.h"
#include "safety.h"
#include "signals.h"
#include "text.h"
#include "timeline.h"

static const struct cmd_entry *const commands[] = {
	&cmd_run_entry,   &cmd_list_entry,  &cmd_show_entry,
	&cmd_plan_entry,  &cmd_check_entry, &cmd_quick_entry,
	&cmd_stats_entry, &cmd_remind_entry, &cmd_status_entry,
};
#define COMMANDS_COUNT (sizeof commands / sizeof commands[0])

static void
usage(FILE *out)
{
	fprintf(out,
	        "usage: backease [options] [command]\n"
	        "\n"
	        "Guided stretching and exercise routines for an upper back "
	        "that sits all day.\n"
	        "\n"
	        "commands:\n"
	        "  (none)            menu of presets; Enter starts one\n"
	        "  run PRESET        start a preset (id or name)\n"
	        "  list              presets: id, name, time, where, needs\n"
	        "  list --exercises  exercises: id, name, kind, position, "
	        "equipment\n"
	        "  show ID           one exercise or preset in full\n"
	        "  show --figures    the figures of the moves (of ID, if given)\n"
	        "  plan PRESET       every step of a preset with its time\n"
	        "  check [FILE...]   validate catalog files (default: the "
	        "built-in one\n"
	        "                    and the user's catalog.d)\n"
	        "  quick DURATION    a routine built to fit DURATION (1m-60m);\n"
	        "                    --equipment LIST, --position LIST, "
	        "--focus AREAS,\n"
	        "                    --seed N, --plan, --save ID [--force]\n"
	        "  stats             streak, this week, a chart of the last "
	        "14 days, pain;\n"
	        "                    --days N (7-90), --json, --csv\n"
	        "  remind            break reminder: waits, rings when a "
	        "break is due,\n"
	        "                    offers a preset (--every 45m, --preset "
	        "ID, --idle 5m,\n"
	        "                    --snooze 5m)\n"
	        "  status            one line for a prompt or tmux: 'break "
	        "in 12m', 'break\n"
	        "                    due', 'paused', or nothing (--format "
	        "'%%m %%p %%s')\n"
	        "\n"
	        "options:\n"
	        "  -h, --help          show this help\n"
	        "  -V, --version       show the version\n"
	        "      --catalog FILE  use FILE instead of the built-in and "
	        "user catalogs\n"
	        "                      (repeatable; later files override "
	        "earlier ones by id)\n"
	        "      --plain         line mode, no full-screen display\n"
	        "      --no-color      no colour (NO_COLOR is honoured too)\n"
	        "      --no-bell       no bell on step changes\n"
	        "      --speak         announce steps with spd-say or "
	        "espeak-ng\n"
	        "      --ready SECONDS get-ready time before each move "
	        "(default 5)\n"
	        "      --breath IN:OUT breath pace in seconds (default 4:6)\n"
	        "      --speed FACTOR  run time FACTOR times faster (demos, "
	        "tests)\n"
	        "      --no-checkin    do not ask how your back feels\n"
	        "      --no-figures    no drawings of the moves\n"
	        "\n"
	        "keys while running: space pause, n next, p back, + / - 10 s, "
	        "Enter set done,\n"
	        "  m mute, ? help, q quit\n"
	        "\n"
	        "%s",
	        SAFETY_TEXT);
}

enum {
	OPT_CATALOG = 256,
	OPT_PLAIN,
	OPT_NO_COLOR,
	OPT_NO_BELL,
	OPT_SPEAK,
	OPT_READY,
	OPT_SPEED,
	OPT_BREATH,
	OPT_NO_CHECKIN,
	OPT_NO_FIGURES,
	/* A command's option val v is passed to getopt as
	 * OPT_COMMAND * (command index + 1) + v. */
	OPT_COMMAND = 1000,
};

static const struct option global_options[] = {
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"catalog", required_argument, NULL, OPT_CATALOG},
	{"plain", no_argument, NULL, OPT_PLAIN},
	{"no-color", no_argument, NULL, OPT_NO_COLOR},
	{"no-colour", no_argument, NULL, OPT_NO_COLOR},
	{"no-bell", no_argument, NULL, OPT_NO_BELL},
	{"speak", no_argument, NULL, OPT_SPEAK},
	{"ready", required_argument, NULL, OPT_READY},
	{"speed", required_argument, NULL, OPT_SPEED},
	{"breath", required_argument, NULL, OPT_BREATH},
	{"no-checkin", no_argument, NULL, OPT_NO_CHECKIN},
	{"no-figures", no_argument, NULL, OPT_NO_FIGURES},
	{NULL, 0, NULL, 0},
};

/* A command's option seen on the line, applied once the command is
 * known. */
struct pending {
	size_t cmd;
	int val;
	const char *arg;
	const char *name;
};

struct parse {
	struct option *options; /* global, then every command's */
	struct pending *pending;
	size_t pending_count;
};

static int
build_options(struct parse *ps, int argc)
{
	size_t n = sizeof global_options / sizeof global_options[0], i, k = 0;
	const struct option *o;

	for (i = 0; i < COMMANDS_COUNT; i++)
		for (o = commands[i]->options; o != NULL && o->name; o++)
			n++;
	ps->options = calloc(n, sizeof *ps->options);
	ps->pending = calloc((size_t)argc + 1, sizeof *ps->pending);
	ps->pending_count = 0;
	if (ps->options == NULL || ps->pending == NULL)
		return -1;
	for (o = global_options; o->name != NULL; o++)
		ps->options[k++] = *o;
	for (i = 0; i < COMMANDS_COUNT; i++)
		for (o = commands[i]->options; o != NULL && o->name; o++) {
			ps->options[k] = *o;
			ps->options[k++].val =
			    OPT_COMMAND * (int)(i + 1) + o->val;
		}
	return 0;
}

static int
parse_speed(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end != '\0' || !(v >= 0.01 && v <= 1000))
		return -1;
	*out = v;
	return 0;
}

/* An unknown option, with the closest real one when it looks like a
 * typo. */
static int
unknown_option(const struct option *options, const char *arg)
{
	const struct option *o, *best = NULL;
	char name[64], shown[200];
	int d, best_d = 3;

	if (strncmp(arg, "--", 2) == 0) {
		snprintf(name, sizeof name, "%s", arg + 2);
		name[strcspn(name, "=")] = '\0';
		for (o = options; o->name != NULL; o++) {
			d = text_distance(name, o->name);
			if (d < best_d) {
				best_d = d;
				best = o;
			}
		}
	}
	if (best == NULL)
		return cmd_usage_error("unknown option", arg);
	text_escape(arg, shown, sizeof shown);
	fprintf(stderr,
	        "backease: unknown option '%s'; did you mean '--%s'?\n",
	        shown, best->name);
	return EXIT_USAGE;
}

/* The settings file, then the run options it gives, before the command
 * line's.  A bad file is reported after the options are read, so that
 * --help and --version still work. */
static int
defaults(struct cli *c, struct diag *bad)
{
	const char *no_color = getenv("NO_COLOR");
	const struct settings *s = &c->settings;
	char path[4096];
	int rc = 0;

	memset(c, 0, sizeof *c);
	diag_clear(bad);
	if (settings_path(path, sizeof path) == 0)
		rc = settings_load(path, &c->settings, bad);
	else
		settings_default(&c->settings);
	timeline_options_default(&c->run.timeline);
	c->run.timeline.ready_s = s->ready_s;
	c->run.timeline.inhale_s = s->inhale_s;
	c->run.timeline.exhale_s = s->exhale_s;
	c->run.speed = 1.0;
	c->run.bell = s->bell;
	c->run.speak = s->speak;
	c->run.color = s->color && (no_color == NULL || no_color[0] == '\0');
	c->run.checkin = s->checkin;
	c->run.figures = s->figures;
	c->run.week_start = s->week_start;
	return rc;
}

/* One global option; returns -1 to go on, or an exit status. */
static int
global_option(struct cli *c, int opt, const char *arg)
{
	long ready;

	switch (opt) {
	case 'h':
		usage(stdout);
		return 0;
	case 'V':
		printf("backease %s\n", BACKEASE_VERSION);
		return 0;
	case OPT_CATALOG: {
		char **grown = realloc(c->catalogs, (c->catalogs_count + 1) *
		                                        sizeof *grown);
		if (grown == NULL)
			return EXIT_DATA;
		c->catalogs = grown;
		c->catalogs[c->catalogs_count++] = (char *)arg;
		return -1;
	}
	case OPT_PLAIN:
		c->plain = true;
		return -1;
	case OPT_NO_COLOR:
		c->run.color = false;
		return -1;
	case OPT_NO_BELL:
		c->run.bell = false;
		return -1;
	case OPT_SPEAK:
		c->run.speak = true;
		return -1;
	case OPT_NO_CHECKIN:
		c->run.checkin = false;
		return -1;
	case OPT_NO_FIGURES:
		c->run.figures = false;
		return -1;
	case OPT_READY:
		if (duration_parse(arg, &ready) || ready > 600)
			return cmd_usage_error("--ready takes whole seconds "
			                       "from 0 to 600, not",
			                       arg);
		c->run.timeline.ready_s = (unsigned)ready;
		return -1;
	case OPT_SPEED:
		if (parse_speed(arg, &c->run.speed))
			return cmd_usage_error("--speed takes a factor from "
			                       "0.01 to 1000, not",
			                       arg);
		return -1;
	case OPT_BREATH:
		if (breath_parse(arg, &c->run.timeline.inhale_s,
		                 &c->run.timeline.exhale_s))
			return cmd_usage_error("--breath takes IN:OUT seconds "
			                       "such as 4:6, not",
			                       arg);
		return -1;
	}
	return EXIT_USAGE;
}

/* Parses options anywhere on the line (GNU getopt permutes them past the
 * command and its arguments); a command's own options wait in
 * ps->pending.  Returns -1 to go on, or an exit status. */
static int
parse_options(struct cli *c, struct parse *ps, int argc, char **argv)
{
	char shortopt[3] = "-?";
	int opt, rc, index;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":hV", ps->options, &index)) !=
	       -1) {
		if (opt >= OPT_COMMAND) {
			struct pending *p = &ps->pending[ps->pending_count++];

			p->cmd = (size_t)(opt / OPT_COMMAND - 1);
			p->val = opt % OPT_COMMAND;
			p->arg = optarg;
			p->name = ps->options[index].name;
			continue;
		}
		if (opt == ':')
			return cmd_usage_error("this option needs a value:",
			                       argv[optind - 1]);
		if (opt == '?' && (optopt >= 256 || optopt == 'h' ||
		                    optopt == 'V'))
			/* glibc's optopt: a long option's val */
			return cmd_usage_error("this option takes no value:",
			                       argv[optind - 1]);
		if (opt == '?' && optopt != 0) {
			/* a short option, perhaps inside a cluster (-zq):
			 * name the option, not the word it sits in */
			shortopt[1] = (char)optopt;
			return cmd_usage_error("unknown option", shortopt);
		}
		if (opt == '?')
			return unknown_option(ps->options, argv[optind - 1]);
		rc = global_option(c, opt, optarg);
		if (rc >= 0)
			return rc;
	}
	return -1;
}

/* Hands each command option to its command, or refuses one that belongs
 * to another command. */
static int
apply_pending(const struct parse *ps, const struct cmd_entry *e)
{
	size_t i;
	int rc;
	char shown[200];

	for (i = 0; i < ps->pending_count; i++) {
		const struct pending *p = &ps->pending[i];
		const struct cmd_entry *owner = commands[p->cmd];

		if (owner != e) {
			text_escape(p->name, shown, sizeof shown);
			fprintf(stderr, "backease: '--%s' goes with '%s'%s%s%s\n"
			                "Try 'backease --help'.\n",
			        shown, owner->name, e != NULL ? ", not '" : "",
			        e != NULL ? e->name : "", e != NULL ? "'" : "");
			return EXIT_USAGE;
		}
		rc = e->option(p->val, p->arg);
		if (rc != 0)
			return rc;
	}
	return -1;
}

static int
unknown_command(const char *cmd)
{
	char shown[200];
	size_t i;

	text_escape(cmd, shown, sizeof shown);
	for (i = 0; i < COMMANDS_COUNT; i++)
		if (text_distance(cmd, commands[i]->name) <= 2) {
			fprintf(stderr,
			        "backease: unknown command '%s'; did you mean "
			        "'%s'?\n",
			        shown, commands[i]->name);
			return EXIT_USAGE;
		}
	return cmd_usage_error("unknown command", cmd);
}

static int
want_args(const struct cmd_entry *e, int have)
{
	const char *why;

	if (have >= e->args_min && (e->args_max < 0 || have <= e->args_max))
		return 0;
	if (e->args_max == 0)
		why = "takes no arguments";
	else if (have < e->args_min)
		why = e->args_usage != NULL ? e->args_usage : "more arguments";
	else
		why = "takes one name (quote a name with spaces)";
	fprintf(stderr, "backease: '%s' %s%s\nTry 'backease --help'.\n",
	        e->name, have < e->args_min ? "needs " : "", why);
	return -1;
}

static const struct cmd_entry *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < COMMANDS_COUNT; i++)
		if (strcmp(name, commands[i]->name) == 0)
			return commands[i];
	return NULL;
}

/* As coreutils' close_stdout(): output that could not be written (a full
 * disk, a closed descriptor) is a failure, said once here.  A usage error
 * (2) keeps its status, and so does a run ended by a signal (128 + N),
 * which is also not told about the broken pipe its SIGPIPE was. */
static int
close_stdout(int rc)
{
	bool failed = ferror(stdout) != 0;
	int err = 0;

	if (fflush(stdout) != 0) {
		failed = true;
		err = errno;
	} else if (failed && write(STDOUT_FILENO, "", 0) < 0) {
		/* stdio forgets why a write failed; an empty write to
		 * the same place often says it again */
		err = errno;
	}
	if (fclose(stdout) != 0 && !failed) {
		failed = true;
		err = errno;
	}
	if (!failed || (rc > 128 && (err == EPIPE || err == 0)))
		return rc;
	if (err != 0)
		fprintf(stderr, "backease: write error: %s\n", strerror(err));
	else
		fprintf(stderr, "backease: write error\n");
	return rc == 0 ? EXIT_DATA : rc;
}

int
cli_main(int argc, char **argv)
{
	struct cli c;
	struct parse ps = {0};
	const struct cmd_entry *e = NULL;
	struct diag settings_error;
	char msg[1200];
	int rc, settings_rc;

	/* only the character set (for widths and curses): numbers, dates and
	 * messages stay C, and the other categories cost a file each */
	setlocale(LC_CTYPE, "");
	/* ASCII output outside a UTF-8 locale, decided once */
	text_locale_init();
	settings_rc = defaults(&c, &settings_error);
	if (build_options(&ps, argc) != 0) {
		fprintf(stderr, "backease: out of memory\n");
		rc = EXIT_DATA;
		goto out;
	}
	rc = parse_options(&c, &ps, argc, argv);
	if (rc >= 0)
		goto out;
	if (settings_rc != 0) {
		diag_format(&settings_error, msg, sizeof msg);
		fprintf(stderr, "backease: %s\n", msg);
		rc = EXIT_DATA;
		goto out;
	}
	if (optind < argc) {
		e = find_command(argv[optind]);
		if (e == NULL) {
			rc = unknown_command(argv[optind]);
			goto out;
		}
	}
	rc = apply_pending(&ps, e);
	if (rc >= 0)
		goto out;
	if (e == NULL)
		rc = cmd_menu(&c);
	else if (want_args(e, argc - optind - 1) != 0)
		rc = EXIT_USAGE;
	else
		rc = e->exec(&c, argv + optind + 1, argc - optind - 1);
out:
	free(ps.options);
	free(ps.pending);
	free(c.catalogs);
	rc = close_stdout(rc);
	/* a SIGQUIT (Ctrl-\) still ends as the user's settings say */
	signals_reraise(rc);
	return rc;
}
