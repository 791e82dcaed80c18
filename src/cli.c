/* cli: parsing the command line and the non-interactive commands. */
#include "cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "duration.h"
#include "run.h"
#include "safety.h"
#include "sources.h"
#include "text.h"
#include "timeline.h"
#include "ui_curses.h"
#include "ui_plain.h"

enum { EXIT_DATA = 1, EXIT_USAGE = 2 };

struct cli {
	char **catalogs;
	size_t catalogs_count;
	bool plain;
	bool exercises; /* list --exercises */
	struct run_options run;
};

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
	        "  plan PRESET       every step of a preset with its time\n"
	        "  check [FILE...]   validate catalog files (default: the "
	        "built-in one\n"
	        "                    and the user's catalog.d)\n"
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
	        "\n"
	        "keys while running: space pause, n next, p back, + / - 10 s, "
	        "Enter set done,\n"
	        "  m mute, ? help, q quit\n"
	        "\n"
	        "%s",
	        SAFETY_TEXT);
}

/* what is printed as "backease: <what> '<arg>'" */
static int
usage_error(const char *what, const char *arg)
{
	char shown[200];

	text_escape(arg, shown, sizeof shown);
	fprintf(stderr, "backease: %s '%s'\nTry 'backease --help'.\n", what,
	        shown);
	return EXIT_USAGE;
}

/* ---- catalog helpers --------------------------------------------------- */

static int
load_catalog(const struct cli *c, struct catalog *cat)
{
	struct diag d;
	char msg[1200];

	catalog_init(cat);
	if (sources_load(cat, c->catalogs, c->catalogs_count, &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "backease: %s\n", msg);
		catalog_free(cat);
		return -1;
	}
	return 0;
}

static const struct preset *
find_preset(const struct catalog *cat, const char *name)
{
	const struct preset *p = catalog_preset(cat, name);
	const char *hint;
	char shown[200];

	if (p != NULL)
		return p;
	text_escape(name, shown, sizeof shown);
	hint = catalog_suggest_preset(cat, name);
	if (hint != NULL)
		fprintf(stderr,
		        "backease: unknown preset '%s'; did you mean '%s'?\n",
		        shown, hint);
	else
		fprintf(stderr,
		        "backease: unknown preset '%s'; 'backease list' shows "
		        "them\n",
		        shown);
	return NULL;
}

/* Prints s and pads it to cols display columns. */
static void
print_cell(const char *s, size_t cols)
{
	size_t w = text_columns(s);

	fputs(s, stdout);
	while (w++ < cols)
		putchar(' ');
}

/* ---- commands ---------------------------------------------------------- */

static int
cmd_list(const struct cli *c)
{
	struct catalog cat;
	struct timeline_options opt;
	char where[64], needs[128], time[16];
	size_t i;

	if (load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	if (c->exercises) {
		printf("%-28s %-36s %-9s %-9s %s\n", "ID", "NAME", "KIND",
		       "POSITION", "EQUIPMENT");
		for (i = 0; i < cat.exercises_count; i++) {
			const struct exercise *ex = cat.exercises[i];
			unsigned k;

			print_cell(ex->id, 29);
			print_cell(ex->name, 37);
			printf("%-9s %-9s ", exercise_kind_name(ex->kind),
			       position_name(ex->position));
			for (k = 0; k < ex->equipment_count; k++)
				printf("%s%s", k ? ", " : "", ex->equipment[k]);
			printf("%s\n", ex->equipment_count ? "" : "none");
		}
	} else {
		opt = c->run.timeline;
		printf("%-20s %-28s %6s  %-24s %s\n", "ID", "NAME", "TIME",
		       "WHERE", "NEEDS");
		for (i = 0; i < cat.presets_count; i++) {
			const struct preset *p = cat.presets[i];

			duration_format(
			    (long)(timeline_preset_ms(p, &opt) / 1000), time,
			    sizeof time);
			preset_where(p, where, sizeof where, needs,
			             sizeof needs);
			print_cell(p->id, 21);
			print_cell(p->name, 29);
			printf("%6s  ", time);
			print_cell(where, 25);
			printf("%s\n", needs);
		}
	}
	catalog_free(&cat);
	return 0;
}

static void
show_exercise(const struct exercise *ex)
{
	char timing[160];
	unsigned i;

	timing_describe(&ex->timing, timing, sizeof timing);
	printf("%s (%s)\n", ex->name, ex->id);
	printf("  kind      %s\n", exercise_kind_name(ex->kind));
	printf("  position  %s\n", position_name(ex->position));
	printf("  needs     ");
	for (i = 0; i < ex->equipment_count; i++)
		printf("%s%s", i ? ", " : "", ex->equipment[i]);
	printf("%s\n", ex->equipment_count ? "" : "nothing");
	printf("  timing    %s\n", timing);
	printf("\n");
	for (i = 0; i < ex->steps_count; i++)
		printf("  %u. %s\n", i + 1, ex->steps[i]);
	for (i = 0; i < ex->cues_count; i++)
		printf("%s%s\n", i ? "            " : "\n  cues      ",
		       ex->cues[i]);
	if (ex->caution != NULL)
		printf("\n  caution   %s\n", ex->caution);
	if (ex->source != NULL)
		printf("\n  source    \"%s\"\n", ex->source);
}

static void
show_preset(const struct preset *p, const struct timeline_options *opt)
{
	struct timeline tl;
	char total[16], len[16], timing[160];
	size_t i;

	if (timeline_build(p, opt, &tl) != 0)
		return;
	duration_format((long)(tl.total_ms / 1000), total, sizeof total);
	printf("%s (%s), %s%s\n", p->name, p->id, tl.self_paced ? "~" : "",
	       total);
	if (p->summary != NULL)
		printf("%s\n", p->summary);
	printf("\n");
	for (i = 0; i < tl.moves_count; i++) {
		duration_format((long)(tl.moves[i].duration_ms / 1000), len,
		                sizeof len);
		timing_describe(&p->items[i].timing, timing, sizeof timing);
		printf("  %2zu  ", i + 1);
		print_cell(tl.moves[i].ex->name, 37);
		printf("%6s  %s\n", len, timing);
	}
	printf("\nTimes include %u s to get ready before each move.\n",
	       opt->ready_s);
	timeline_free(&tl);
}

static int
cmd_show(const struct cli *c, const char *id)
{
	struct catalog cat;
	const struct exercise *ex;
	const struct preset *p;
	const char *hint;
	char shown[200];

	if (load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	p = catalog_preset(&cat, id);
	ex = catalog_exercise(&cat, id);
	if (p != NULL)
		show_preset(p, &c->run.timeline);
	else if (ex != NULL)
		show_exercise(ex);
	if (p == NULL && ex == NULL) {
		text_escape(id, shown, sizeof shown);
		hint = catalog_suggest_exercise(&cat, id);
		if (hint == NULL)
			hint = catalog_suggest_preset(&cat, id);
		if (hint != NULL)
			fprintf(stderr,
			        "backease: no exercise or preset '%s'; did you "
			        "mean '%s'?\n",
			        shown, hint);
		else
			fprintf(stderr,
			        "backease: no exercise or preset '%s'; 'backease "
			        "list' and 'backease list --exercises' show "
			        "them\n",
			        shown);
	}
	catalog_free(&cat);
	return p != NULL || ex != NULL ? 0 : EXIT_USAGE;
}

static int
cmd_plan(const struct cli *c, const char *name)
{
	struct catalog cat;
	const struct preset *p;
	struct timeline tl;
	char start[16], len[16], what[200];
	size_t i;

	if (load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	p = find_preset(&cat, name);
	if (p == NULL) {
		catalog_free(&cat);
		return EXIT_USAGE;
	}
	if (timeline_build(p, &c->run.timeline, &tl) != 0) {
		catalog_free(&cat);
		fprintf(stderr, "backease: out of memory\n");
		return EXIT_DATA;
	}
	printf("%s (%s)\n", p->name, p->id);
	printf("%7s %7s  %s\n", "START", "LENGTH", "STEP");
	for (i = 0; i < tl.count; i++) {
		const struct step *s = &tl.steps[i];

		duration_format((long)(s->start_ms / 1000), start, sizeof start);
		duration_format((long)(s->duration_ms / 1000), len, sizeof len);
		step_describe(s, what, sizeof what);
		printf("%7s %6s%s  %s\n", start, len,
		       s->kind == STEP_SELF ? "~" : " ", what);
	}
	if (tl.self_paced)
		printf("~ self-paced: planned at %d s a rep; the run waits "
		       "for Enter\n",
		       TIMING_SELF_REP_S);
	duration_format((long)(tl.total_ms / 1000), len, sizeof len);
	printf("total %s\n", len);
	timeline_free(&tl);
	catalog_free(&cat);
	return 0;
}

/* Loads one more file on top of cat and reports it. */
static int
check_one(struct catalog *cat, const char *file, bool is_builtin)
{
	struct diag d;
	char msg[1200], shown[300];
	size_t ex_before = cat->exercises_count, pr_before = cat->presets_count;
	int rc;

	rc = is_builtin ? sources_add_builtin(cat, &d)
	                : catalog_add_file(cat, file, &d);
	if (rc == 0)
		rc = catalog_finish(cat, &d);
	if (rc != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "backease: %s\n", msg);
		return -1;
	}
	text_escape(file, shown, sizeof shown);
	printf("%s: ok (%zu exercises, %zu presets in the catalog; %zu and "
	       "%zu new)\n",
	       shown, cat->exercises_count, cat->presets_count,
	       cat->exercises_count - ex_before, cat->presets_count - pr_before);
	return 0;
}

static int
cmd_check(const struct cli *c, char **files, size_t nfiles)
{
	struct catalog cat;
	struct diag d;
	char dir[4096], msg[1200];
	size_t i;
	int bad = 0;

	if (nfiles == 0 && c->catalogs_count > 0) {
		/* exactly what --catalog loads: those files, nothing built in */
		if (load_catalog(c, &cat) != 0)
			return EXIT_DATA;
		printf("ok: %zu exercises, %zu presets from %zu file%s\n",
		       cat.exercises_count, cat.presets_count, c->catalogs_count,
		       c->catalogs_count == 1 ? "" : "s");
		catalog_free(&cat);
		return 0;
	}
	if (nfiles == 0) {
		/* what every command loads: built-in, then catalog.d */
		catalog_init(&cat);
		if (check_one(&cat, BUILTIN_CATALOG_NAME, true) != 0) {
			catalog_free(&cat);
			return EXIT_DATA;
		}
		if (sources_user_dir(dir, sizeof dir) == 0) {
			if (catalog_add_dir(&cat, dir, &d) != 0 ||
			    catalog_finish(&cat, &d) != 0) {
				diag_format(&d, msg, sizeof msg);
				fprintf(stderr, "backease: %s\n", msg);
				bad = 1;
			}
		}
		catalog_free(&cat);
		return bad ? EXIT_DATA : 0;
	}
	/* each file on its own, on top of the built-in catalog so that a
	 * user file may use the built-in exercises */
	for (i = 0; i < nfiles; i++) {
		catalog_init(&cat);
		if (sources_add_builtin(&cat, &d) != 0 ||
		    check_one(&cat, files[i], false) != 0)
			bad = 1;
		catalog_free(&cat);
	}
	return bad ? EXIT_DATA : 0;
}

static int
cmd_run(const struct cli *c, const char *name)
{
	struct catalog cat;
	const struct preset *p;
	const char *why = NULL;
	int rc;

	if (load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	p = find_preset(&cat, name);
	if (p == NULL) {
		catalog_free(&cat);
		return EXIT_USAGE;
	}
	if (!c->plain && !ui_curses_usable(&why))
		fprintf(stderr, "backease: %s; using plain mode\n", why);
	if (c->plain || why != NULL)
		rc = ui_plain_run(p, &c->run);
	else
		rc = ui_curses_main(&cat, p, &c->run);
	catalog_free(&cat);
	return rc;
}

static int
cmd_menu(const struct cli *c)
{
	struct catalog cat;
	const char *why = NULL;
	int rc;

	if (c->plain || !ui_curses_usable(&why)) {
		if (why != NULL)
			fprintf(stderr, "backease: %s; the menu needs a "
			                "terminal.\n",
			        why);
		fprintf(stderr, "Presets ('backease run ID' starts one):\n");
		return cmd_list(c);
	}
	if (load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	rc = ui_curses_main(&cat, NULL, &c->run);
	catalog_free(&cat);
	return rc;
}

/* ---- options ------------------------------------------------------------ */

enum {
	OPT_CATALOG = 256,
	OPT_PLAIN,
	OPT_NO_COLOR,
	OPT_NO_BELL,
	OPT_SPEAK,
	OPT_READY,
	OPT_SPEED,
	OPT_BREATH,
	OPT_EXERCISES,
};

static const struct option long_options[] = {
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
	{"exercises", no_argument, NULL, OPT_EXERCISES},
	{NULL, 0, NULL, 0},
};

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

static int
parse_breath(const char *s, unsigned *in, unsigned *out)
{
	long a, b;
	char buf[32], *colon;

	if (strlen(s) >= sizeof buf)
		return -1;
	strcpy(buf, s);
	colon = strchr(buf, ':');
	if (colon == NULL)
		return -1;
	*colon = '\0';
	if (count_parse(buf, &a) || count_parse(colon + 1, &b) || a < 1 ||
	    b < 1 || a > 30 || b > 30)
		return -1;
	*in = (unsigned)a;
	*out = (unsigned)b;
	return 0;
}

/* An unknown option, with the closest real one when it looks like a
 * typo. */
static int
unknown_option(const char *arg)
{
	const struct option *o, *best = NULL;
	char name[64], shown[200];
	int d, best_d = 3;

	if (strncmp(arg, "--", 2) == 0) {
		snprintf(name, sizeof name, "%s", arg + 2);
		name[strcspn(name, "=")] = '\0';
		for (o = long_options; o->name != NULL; o++) {
			d = text_distance(name, o->name);
			if (d < best_d) {
				best_d = d;
				best = o;
			}
		}
	}
	if (best == NULL)
		return usage_error("unknown option", arg);
	text_escape(arg, shown, sizeof shown);
	fprintf(stderr,
	        "backease: unknown option '%s'; did you mean '--%s'?\n",
	        shown, best->name);
	return EXIT_USAGE;
}

/* Parses options anywhere on the line (GNU getopt permutes them past the
 * command and its argument).  Returns -1 to go on, or an exit status. */
static int
parse_options(struct cli *c, int argc, char **argv)
{
	const char *no_color = getenv("NO_COLOR");
	long ready;
	int opt;

	memset(c, 0, sizeof *c);
	timeline_options_default(&c->run.timeline);
	c->run.speed = 1.0;
	c->run.bell = true;
	c->run.color = no_color == NULL || no_color[0] == '\0';
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":hV", long_options, NULL)) !=
	       -1) {
		switch (opt) {
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("backease %s\n", BACKEASE_VERSION);
			return 0;
		case OPT_CATALOG: {
			char **grown = realloc(c->catalogs,
			                       (c->catalogs_count + 1) *
			                           sizeof *grown);
			if (grown == NULL)
				return EXIT_DATA;
			c->catalogs = grown;
			c->catalogs[c->catalogs_count++] = optarg;
			break;
		}
		case OPT_PLAIN:
			c->plain = true;
			break;
		case OPT_NO_COLOR:
			c->run.color = false;
			break;
		case OPT_NO_BELL:
			c->run.bell = false;
			break;
		case OPT_SPEAK:
			c->run.speak = true;
			break;
		case OPT_READY:
			if (duration_parse(optarg, &ready) || ready > 600)
				return usage_error("--ready takes whole seconds "
				                   "from 0 to 600, not",
				                   optarg);
			c->run.timeline.ready_s = (unsigned)ready;
			break;
		case OPT_SPEED:
			if (parse_speed(optarg, &c->run.speed))
				return usage_error("--speed takes a factor from "
				                   "0.01 to 1000, not",
				                   optarg);
			break;
		case OPT_BREATH:
			if (parse_breath(optarg, &c->run.timeline.inhale_s,
			                 &c->run.timeline.exhale_s))
				return usage_error("--breath takes IN:OUT "
				                   "seconds such as 4:6, not",
				                   optarg);
			break;
		case OPT_EXERCISES:
			c->exercises = true;
			break;
		case ':':
			return usage_error("this option needs a value:",
			                   argv[optind - 1]);
		default:
			return unknown_option(argv[optind - 1]);
		}
	}
	return -1;
}

static const char *const commands[] = {"run", "list", "show", "plan",
                                       "check"};

static int
unknown_command(const char *cmd)
{
	const char *later[] = {"stats", "quick", "remind"};
	char shown[200];
	size_t i;

	text_escape(cmd, shown, sizeof shown);
	for (i = 0; i < sizeof later / sizeof later[0]; i++)
		if (strcmp(cmd, later[i]) == 0) {
			fprintf(stderr,
			        "backease: '%s' is planned but not in this "
			        "version yet\n",
			        shown);
			return EXIT_USAGE;
		}
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (text_distance(cmd, commands[i]) <= 2) {
			fprintf(stderr,
			        "backease: unknown command '%s'; did you mean "
			        "'%s'?\n",
			        shown, commands[i]);
			return EXIT_USAGE;
		}
	return usage_error("unknown command", cmd);
}

static int
want_args(const char *cmd, int have, int want)
{
	if (have == want)
		return 0;
	fprintf(stderr, "backease: '%s' %s\nTry 'backease --help'.\n", cmd,
	        want == 0    ? "takes no arguments"
	        : have < want ? "needs a preset or exercise name"
	                      : "takes one name (quote a name with spaces)");
	return -1;
}

int
cli_main(int argc, char **argv)
{
	struct cli c;
	const char *cmd;
	int rc, nargs;
	char **args;

	setlocale(LC_ALL, "");
	rc = parse_options(&c, argc, argv);
	if (rc >= 0)
		goto out;
	if (optind >= argc) {
		rc = cmd_menu(&c);
		goto out;
	}
	cmd = argv[optind];
	args = argv + optind + 1;
	nargs = argc - optind - 1;
	if (c.exercises && strcmp(cmd, "list") != 0) {
		rc = usage_error("--exercises goes with 'list', not", cmd);
		goto out;
	}
	rc = EXIT_USAGE;
	if (strcmp(cmd, "list") == 0) {
		if (want_args(cmd, nargs, 0) == 0)
			rc = cmd_list(&c);
	} else if (strcmp(cmd, "show") == 0) {
		if (want_args(cmd, nargs, 1) == 0)
			rc = cmd_show(&c, args[0]);
	} else if (strcmp(cmd, "plan") == 0) {
		if (want_args(cmd, nargs, 1) == 0)
			rc = cmd_plan(&c, args[0]);
	} else if (strcmp(cmd, "run") == 0) {
		if (want_args(cmd, nargs, 1) == 0)
			rc = cmd_run(&c, args[0]);
	} else if (strcmp(cmd, "check") == 0) {
		rc = cmd_check(&c, args, (size_t)nargs);
	} else {
		rc = unknown_command(cmd);
	}
out:
	free(c.catalogs);
	return rc;
}
