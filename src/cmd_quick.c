/* cmd_quick: `backease quick DURATION`, a routine built to the minutes
 * one has (SPEC section 10): planned, saved as a preset, or run. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "areas.h"
#include "cmd.h"
#include "duration.h"
#include "history.h"
#include "paths.h"
#include "quick.h"
#include "quick_recent.h"
#include "quick_save.h"
#include "sources.h"
#include "text.h"
#include "timeline.h"

enum {
	OPT_EQUIPMENT = 1,
	OPT_POSITION,
	OPT_FOCUS,
	OPT_SEED,
	OPT_PLAN,
	OPT_SAVE,
	OPT_FORCE,
	WORDS_MAX = 16,
};

static const struct option quick_options[] = {
	{"equipment", required_argument, NULL, OPT_EQUIPMENT},
	{"position", required_argument, NULL, OPT_POSITION},
	{"focus", required_argument, NULL, OPT_FOCUS},
	{"seed", required_argument, NULL, OPT_SEED},
	{"plan", no_argument, NULL, OPT_PLAN},
	{"save", required_argument, NULL, OPT_SAVE},
	{"force", no_argument, NULL, OPT_FORCE},
	{NULL, 0, NULL, 0},
};

/* What the options said; checked against the catalog in quick_exec. */
static struct {
	const char *equipment, *position, *focus, *save;
	bool seed_set, plan, force;
	uint64_t seed;
} args;

static int
quick_option(int val, const char *arg)
{
	char *end;

	switch (val) {
	case OPT_EQUIPMENT:
		args.equipment = arg;
		break;
	case OPT_POSITION:
		args.position = arg;
		break;
	case OPT_FOCUS:
		args.focus = arg;
		break;
	case OPT_SEED:
		errno = 0;
		args.seed = strtoull(arg, &end, 10);
		if (arg[0] < '0' || arg[0] > '9' || *end != '\0' || errno)
			return cmd_usage_error("--seed takes a whole number, not",
			                       arg);
		args.seed_set = true;
		break;
	case OPT_PLAN:
		args.plan = true;
		break;
	case OPT_SAVE:
		args.save = arg;
		break;
	case OPT_FORCE:
		args.force = true;
		break;
	}
	return 0;
}

/* Splits a comma list into words (in buf); -1 when it has an empty word
 * or too many. */
static int
split_words(const char *list, char *buf, size_t size, const char **words,
            size_t *n)
{
	char *p, *save = NULL;

	*n = 0;
	if (strlen(list) >= size || list[0] == '\0' ||
	    list[strlen(list) - 1] == ',' || strstr(list, ",,") != NULL ||
	    list[0] == ',')
		return -1;
	strcpy(buf, list);
	for (p = strtok_r(buf, ",", &save); p != NULL;
	     p = strtok_r(NULL, ",", &save)) {
		if (*n == WORDS_MAX)
			return -1;
		words[(*n)++] = p;
	}
	return 0;
}

/* "--position takes ...; did you mean 'seated'?" and exit 2. */
static int
bad_word(const char *option, const char *word, const char *const *known,
         size_t nknown)
{
	char shown[120];
	const char *best = NULL;
	int d, best_d = 3;
	size_t i;

	text_escape(word, shown, sizeof shown);
	for (i = 0; i < nknown; i++) {
		d = text_distance(word, known[i]);
		if (d < best_d) {
			best_d = d;
			best = known[i];
		}
	}
	fprintf(stderr, "backease: %s: unknown word '%s'", option, shown);
	if (best != NULL)
		fprintf(stderr, "; did you mean '%s'?\n", best);
	else {
		fprintf(stderr, "; expected a comma list of:");
		for (i = 0; i < nknown; i++)
			fprintf(stderr, "%s %s", i ? "," : "", known[i]);
		fputc('\n', stderr);
	}
	return EXIT_USAGE;
}

/* The words --equipment knows: SPEC's list, and any the catalog uses. */
static size_t
equipment_words(const struct catalog *cat, const char **known, size_t cap)
{
	static const char *const spec[] = {
	    "none",       "dumbbell", "resistance-band", "chair",
	    "wall",       "pull-up-bar", "yoga-strap",   "foam-roller",
	    "mat",
	};
	size_t n = 0, i, k;
	unsigned j;

	for (i = 0; i < sizeof spec / sizeof spec[0]; i++)
		known[n++] = spec[i];
	for (i = 0; i < cat->exercises_count; i++)
		for (j = 0; j < cat->exercises[i]->equipment_count; j++) {
			const char *w = cat->exercises[i]->equipment[j];

			for (k = 0; k < n && strcmp(known[k], w) != 0; k++)
				;
			if (k == n && n < cap)
				known[n++] = w;
		}
	return n;
}

static int
parse_equipment(const struct catalog *cat, struct quick_request *rq,
                char *buf, size_t size, const char **words)
{
	const char *known[64];
	size_t nknown = equipment_words(cat, known, 64), n, i, k;

	if (args.equipment == NULL)
		return 0;
	if (split_words(args.equipment, buf, size, words, &n) != 0)
		return cmd_usage_error("--equipment takes a comma list such as "
		                       "chair,wall or none, not",
		                       args.equipment);
	for (i = 0; i < n; i++) {
		for (k = 0; k < nknown && strcmp(words[i], known[k]) != 0; k++)
			;
		if (k == nknown)
			return bad_word("--equipment", words[i], known, nknown);
		if (strcmp(words[i], "none") == 0 && n > 1)
			return cmd_usage_error("--equipment none goes alone, not "
			                       "in",
			                       args.equipment);
	}
	rq->equipment_set = true;
	rq->equipment = words;
	rq->equipment_count = strcmp(words[0], "none") == 0 ? 0 : n;
	return 0;
}

static int
parse_positions(struct quick_request *rq)
{
	static const char *const known[] = {"seated", "standing", "floor",
	                                    "any"};
	const char *words[WORDS_MAX];
	char buf[256];
	size_t n, i, k;

	if (args.position == NULL)
		return 0;
	if (split_words(args.position, buf, sizeof buf, words, &n) != 0)
		return cmd_usage_error("--position takes a comma list such as "
		                       "seated,standing, not",
		                       args.position);
	for (i = 0; i < n; i++) {
		for (k = 0; k < 4 && strcmp(words[i], known[k]) != 0; k++)
			;
		if (k == 4)
			return bad_word("--position", words[i], known, 4);
		/* any: every position (SPEC: a move done anywhere passes) */
		rq->positions |= k == POSITION_ANY ? ~0u : 1u << k;
	}
	return 0;
}

static int
parse_focus(struct quick_request *rq)
{
	char bad[64], msg[200];
	const char *hint = NULL;

	if (args.focus == NULL)
		return 0;
	switch (areas_parse(args.focus, &rq->focus, bad, sizeof bad, &hint)) {
	case AREAS_OK:
		return 0;
	case AREAS_UNKNOWN:
		fprintf(stderr, "backease: --focus: unknown area '%s'", bad);
		if (hint != NULL)
			fprintf(stderr, "; did you mean '%s'?\n", hint);
		else
			fprintf(stderr, "; expected a comma list of: %s\n",
			        areas_allowed);
		return EXIT_USAGE;
	case AREAS_REPEATED:
		snprintf(msg, sizeof msg, "--focus names '%s' twice in", bad);
		return cmd_usage_error(msg, args.focus);
	case AREAS_EMPTY:
		break;
	}
	return cmd_usage_error("--focus takes a comma list of areas such as "
	                       "neck,shoulders, not",
	                       args.focus);
}

/* 1m to 60m, in whole seconds. */
static int
parse_target(const char *arg, struct quick_request *rq)
{
	long s;

	if (duration_parse(arg, &s) != 0 || s < QUICK_MIN_S || s > QUICK_MAX_S)
		return cmd_usage_error("quick takes a duration from 1m to 60m "
		                       "(such as 5m or 7m30s), not",
		                       arg);
	rq->target_s = (unsigned)s;
	return 0;
}

/* "5 min, seated or standing, no equipment" for the summary. */
static void
describe_request(const struct quick_request *rq, char *buf, size_t size)
{
	char t[16];

	duration_format((long)rq->target_s, t, sizeof t);
	snprintf(buf, size, "Built by backease quick: %s%s%s%s%s.", t,
	         args.position ? ", " : "", args.position ? args.position : "",
	         args.equipment ? ", equipment " : "",
	         args.equipment ? args.equipment : "");
}

/* Says by how much a routine misses, and why; the routine still runs. */
static void
report_miss(const struct quick_routine *r, const struct quick_request *rq)
{
	char msg[320];

	if (r->areas_relaxed)
		fprintf(stderr, "backease: these filters leave too few moves to "
		                "spread the areas; some come three in a row\n");
	quick_describe_miss(r, rq->target_s, msg, sizeof msg);
	if (msg[0] != '\0')
		fprintf(stderr, "backease: %s\n", msg);
}

static int
save(const struct cli *c, const struct catalog *cat,
     const struct quick_routine *r, const struct quick_request *rq)
{
	struct diag d;
	char path[4200], summary[200], msg[1200], shown[300];

	(void)c;
	describe_request(rq, summary, sizeof summary);
	diag_clear(&d);
	if (quick_save(&r->preset, args.save, summary, args.force, cat, path,
	               sizeof path, &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "backease: %s\n", msg);
		return EXIT_DATA;
	}
	text_escape(path, shown, sizeof shown);
	printf("saved as preset '%s' in %s; 'backease run %s' starts it\n",
	       args.save, shown, args.save);
	return 0;
}

static int
build_and_go(const struct cli *c, const struct catalog *cat,
             struct quick_request *rq)
{
	static struct quick_routine r; /* items point into it while it runs */
	struct timeline tl;

	if (quick_recent_build(cat, rq, args.seed_set, time(NULL),
	                       &c->run.timeline, &r) != 0) {
		fprintf(stderr, "backease: %s; try fewer filters\n", r.why);
		return EXIT_DATA;
	}
	report_miss(&r, rq);
	if (args.save != NULL)
		return save(c, cat, &r, rq);
	if (args.plan) {
		if (timeline_build(&r.preset, &c->run.timeline, &tl) != 0) {
			fprintf(stderr, "backease: out of memory\n");
			return EXIT_DATA;
		}
		cmd_print_plan(&r.preset, &tl);
		timeline_free(&tl);
		return 0;
	}
	quick_recent_note(&r.preset);
	return cmd_run_preset(c, cat, &r.preset);
}

static int
quick_exec(const struct cli *c, char **argv, int nargs)
{
	struct quick_request rq;
	struct catalog cat;
	const char *words[WORDS_MAX];
	char buf[256];
	int rc;

	(void)nargs;
	memset(&rq, 0, sizeof rq);
	rq.seed = args.seed;
	if ((rc = parse_target(argv[0], &rq)) != 0)
		return rc;
	if (args.force && args.save == NULL)
		return cmd_usage_error("--force goes with --save, not alone:",
		                       "--force");
	if ((rc = parse_positions(&rq)) != 0 || (rc = parse_focus(&rq)) != 0)
		return rc;
	if (cmd_load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	rc = parse_equipment(&cat, &rq, buf, sizeof buf, words);
	if (rc == 0)
		rc = build_and_go(c, &cat, &rq);
	catalog_free(&cat);
	return rc;
}

const struct cmd_entry cmd_quick_entry = {
	.name = "quick",
	.args_min = 1,
	.args_max = 1,
	.args_usage = "a duration such as 5m",
	.options = quick_options,
	.option = quick_option,
	.exec = quick_exec,
};
