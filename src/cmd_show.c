/* cmd_show: `backease show ID`, one exercise or one preset in full. */
#include <stdio.h>

#include "cmd.h"
#include "duration.h"
#include "text.h"
#include "timeline.h"
#include "timing.h"

/* Catalog text as the terminal can take it. */
#define OUT(s) text_for_terminal((s), buf, sizeof buf)

static void
show_exercise(const struct exercise *ex)
{
	char timing[160], buf[TEXT_OUT_MAX];
	unsigned i;

	timing_describe(&ex->timing, timing, sizeof timing);
	printf("%s (%s)\n", OUT(ex->name), ex->id);
	printf("  kind      %s\n", exercise_kind_name(ex->kind));
	printf("  position  %s\n", position_name(ex->position));
	printf("  needs     ");
	for (i = 0; i < ex->equipment_count; i++)
		printf("%s%s", i ? ", " : "", ex->equipment[i]);
	printf("%s\n", ex->equipment_count ? "" : "nothing");
	printf("  timing    %s\n", timing);
	printf("\n");
	for (i = 0; i < ex->steps_count; i++)
		printf("  %u. %s\n", i + 1, OUT(ex->steps[i]));
	for (i = 0; i < ex->cues_count; i++)
		printf("%s%s\n", i ? "            " : "\n  cues      ",
		       OUT(ex->cues[i]));
	if (ex->caution != NULL)
		printf("\n  caution   %s\n", OUT(ex->caution));
	if (ex->source != NULL)
		printf("\n  source    \"%s\"\n", OUT(ex->source));
}

static void
show_preset(const struct preset *p, const struct timeline_options *opt)
{
	struct timeline tl;
	char total[16], len[16], timing[160], buf[TEXT_OUT_MAX];
	size_t i;

	if (timeline_build(p, opt, &tl) != 0)
		return;
	duration_format((long)(tl.total_ms / 1000), total, sizeof total);
	printf("%s (%s), %s%s\n", OUT(p->name), p->id,
	       tl.self_paced ? "~" : "", total);
	if (p->summary != NULL)
		printf("%s\n", OUT(p->summary));
	printf("\n");
	for (i = 0; i < tl.moves_count; i++) {
		duration_format((long)(tl.moves[i].duration_ms / 1000), len,
		                sizeof len);
		timing_describe(&p->items[i].timing, timing, sizeof timing);
		printf("  %2zu  ", i + 1);
		cmd_print_cell(tl.moves[i].ex->name, 37);
		printf("%6s  %s\n", len, timing);
	}
	printf("\nTimes include %u s to get ready before each move.\n",
	       opt->ready_s);
	timeline_free(&tl);
}

static void
no_such(const struct catalog *cat, const char *id)
{
	const char *hint;
	char shown[200], buf[TEXT_OUT_MAX];

	text_escape(id, shown, sizeof shown);
	hint = catalog_suggest_exercise(cat, id);
	if (hint == NULL)
		hint = catalog_suggest_preset(cat, id);
	if (hint != NULL)
		fprintf(stderr,
		        "backease: no exercise or preset '%s'; did you mean "
		        "'%s'?\n",
		        shown, OUT(hint));
	else
		fprintf(stderr,
		        "backease: no exercise or preset '%s'; 'backease list' "
		        "and 'backease list --exercises' show them\n",
		        shown);
}

static int
show_exec(const struct cli *c, char **args, int nargs)
{
	struct catalog cat;
	const struct exercise *ex;
	const struct preset *p;

	(void)nargs;
	if (cmd_load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	p = catalog_preset(&cat, args[0]);
	ex = catalog_exercise(&cat, args[0]);
	if (p != NULL)
		show_preset(p, &c->run.timeline);
	else if (ex != NULL)
		show_exercise(ex);
	else
		no_such(&cat, args[0]);
	catalog_free(&cat);
	return p != NULL || ex != NULL ? 0 : EXIT_USAGE;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.args_min = 1,
	.args_max = 1,
	.args_usage = "a preset or exercise name",
	.exec = show_exec,
};
