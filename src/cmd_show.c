/* cmd_show: `backease show ID`, one exercise or one preset in full, and
 * `show --figures`, the drawings of the moves. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "duration.h"
#include "figure_frame.h"
#include "text.h"
#include "timeline.h"
#include "timing.h"

/* Catalog text as the terminal can take it. */
#define OUT(s) text_for_terminal((s), buf, sizeof buf)

enum { OPT_FIGURES = 1 };

static bool show_figures; /* --figures */

static const struct option show_options[] = {
	{"figures", no_argument, NULL, OPT_FIGURES},
	{NULL, 0, NULL, 0},
};

static int
show_option(int val, const char *arg)
{
	(void)arg;
	if (val == OPT_FIGURES)
		show_figures = true;
	return 0;
}

/* count frames of a figure from first, side by side, 4 columns apart and
 * indented; mirrored for the right side.  The figure is printable ASCII
 * (the loader checks it), so it needs no escaping. */
static void
print_frames(const struct figure *fig, unsigned first, unsigned count,
             bool mirrored)
{
	char row[FIGURE_FRAMES_MAX * (FIGURE_COLS_MAX + 4) + 8], *p;
	const char *src;
	unsigned line, k;

	for (line = 0; line < fig->height; line++) {
		p = row + snprintf(row, sizeof row, "    ");
		for (k = first; k < first + count; k++) {
			src = fig->frames[k] + (size_t)line * (fig->width + 1);
			if (mirrored)
				figure_mirror_line(src, p, fig->width);
			else
				memcpy(p, src, fig->width);
			p += fig->width;
			if (k + 1 < first + count)
				p += snprintf(p, 5, "    ");
		}
		while (p > row && p[-1] == ' ')
			p--;
		*p = '\0';
		printf("%s\n", row);
	}
}

/* The figure as `show` prints it: what moves, then the frames, the left
 * side above the right one for a move done on both sides. */
static void
print_figure(const struct exercise *ex, const char *label)
{
	unsigned first, count;
	char how[160];
	bool mirrored;

	figure_frame_describe(ex, &ex->timing, how, sizeof how);
	printf("%s%s\n\n", label, how);
	figure_frame_side(ex, SIDE_LEFT, &first, &count, &mirrored);
	if ((ex->sides != SIDES_EACH && ex->sides != SIDES_ALTERNATE) ||
	    (count == ex->figure->frames_count && !ex->figure->mirror)) {
		print_frames(ex->figure, 0, ex->figure->frames_count, false);
		return;
	}
	printf("    left side\n");
	print_frames(ex->figure, first, count, mirrored);
	figure_frame_side(ex, SIDE_RIGHT, &first, &count, &mirrored);
	printf("\n    right side\n");
	print_frames(ex->figure, first, count, mirrored);
}

static void
show_exercise(const struct exercise *ex, bool figures)
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
	if (figures && ex->figure != NULL) {
		printf("\n");
		print_figure(ex, "  figure    ");
	}
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

/* One exercise in the gallery of `show --figures`. */
static void
gallery_entry(const struct exercise *ex)
{
	printf("%s: %s\n", ex->id, ex->name);
	if (ex->steps_count > 0)
		printf("  %s\n", ex->steps[0]);
	if (ex->figure == NULL) {
		printf("  no figure\n\n");
		return;
	}
	print_figure(ex, "  ");
	printf("\n");
}

/* The figures of every exercise, of a preset's moves (each once), or of
 * one exercise. */
static void
gallery(const struct catalog *cat, const struct preset *p,
        const struct exercise *ex)
{
	size_t i;
	unsigned k, j;

	if (ex != NULL && p == NULL) {
		gallery_entry(ex);
		return;
	}
	if (p == NULL) {
		for (i = 0; i < cat->exercises_count; i++)
			gallery_entry(cat->exercises[i]);
		return;
	}
	for (k = 0; k < p->items_count; k++) {
		for (j = 0; j < k && p->items[j].ex != p->items[k].ex; j++)
			;
		if (j == k)
			gallery_entry(p->items[k].ex);
	}
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

	if (nargs == 0 && !show_figures) {
		fprintf(stderr,
		        "backease: 'show' needs a preset or exercise "
		        "name (or --figures)\nTry 'backease --help'.\n");
		return EXIT_USAGE;
	}
	if (cmd_load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	p = nargs > 0 ? catalog_preset(&cat, args[0]) : NULL;
	ex = nargs > 0 ? catalog_exercise(&cat, args[0]) : NULL;
	if (nargs > 0 && p == NULL && ex == NULL)
		no_such(&cat, args[0]);
	else if (show_figures)
		gallery(&cat, p, ex);
	else if (p != NULL)
		show_preset(p, &c->run.timeline);
	else
		show_exercise(ex, c->run.figures);
	catalog_free(&cat);
	return nargs == 0 || p != NULL || ex != NULL ? 0 : EXIT_USAGE;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.args_min = 0,
	.args_max = 1,
	.args_usage = "a preset or exercise name",
	.options = show_options,
	.option = show_option,
	.exec = show_exec,
};
