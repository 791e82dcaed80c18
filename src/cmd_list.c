/* cmd_list: `backease list` (presets) and `list --exercises`. */
#include <stdio.h>

#include "cmd.h"
#include "duration.h"
#include "timeline.h"

enum { OPT_EXERCISES = 1 };

static bool list_exercises; /* --exercises */

static const struct option list_options[] = {
	{"exercises", no_argument, NULL, OPT_EXERCISES},
	{NULL, 0, NULL, 0},
};

static int
list_option(int val, const char *arg)
{
	(void)arg;
	if (val == OPT_EXERCISES)
		list_exercises = true;
	return 0;
}

static void
print_exercises(const struct catalog *cat)
{
	size_t i;
	unsigned k;

	printf("%-28s %-36s %-9s %-9s %s\n", "ID", "NAME", "KIND", "POSITION",
	       "EQUIPMENT");
	for (i = 0; i < cat->exercises_count; i++) {
		const struct exercise *ex = cat->exercises[i];

		cmd_print_cell(ex->id, 29);
		cmd_print_cell(ex->name, 37);
		printf("%-9s %-9s ", exercise_kind_name(ex->kind),
		       position_name(ex->position));
		for (k = 0; k < ex->equipment_count; k++)
			printf("%s%s", k ? ", " : "", ex->equipment[k]);
		printf("%s\n", ex->equipment_count ? "" : "none");
	}
}

static void
print_presets(const struct catalog *cat, const struct timeline_options *opt)
{
	char where[64], needs[128], time[16];
	size_t i;

	printf("%-20s %-28s %6s  %-24s %s\n", "ID", "NAME", "TIME", "WHERE",
	       "NEEDS");
	for (i = 0; i < cat->presets_count; i++) {
		const struct preset *p = cat->presets[i];

		duration_format((long)(timeline_preset_ms(p, opt) / 1000), time,
		                sizeof time);
		preset_where(p, where, sizeof where, needs, sizeof needs);
		cmd_print_cell(p->id, 21);
		cmd_print_cell(p->name, 29);
		printf("%6s  ", time);
		cmd_print_cell(where, 25);
		printf("%s\n", needs);
	}
}

/* Also the menu's fallback where there is no terminal. */
static int
list_exec(const struct cli *c, char **args, int nargs)
{
	struct catalog cat;

	(void)args;
	(void)nargs;
	if (cmd_load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	if (list_exercises)
		print_exercises(&cat);
	else
		print_presets(&cat, &c->run.timeline);
	catalog_free(&cat);
	return 0;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.args_min = 0,
	.args_max = 0,
	.options = list_options,
	.option = list_option,
	.exec = list_exec,
};
