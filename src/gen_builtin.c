/* gen_builtin: a build tool.  Loads data/exercises.yaml with the real
 * loader (so an invalid built-in catalog fails the build) and writes it out
 * as C data, so that backease starts without parsing any YAML.
 *
 *   gen_builtin data/exercises.yaml > build/builtin_catalog.c
 */
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"

/* A C string literal; bytes outside printable ASCII as octal escapes. */
static void
emit_string(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (s == NULL) {
		fputs("NULL", stdout);
		return;
	}
	fputs("(char *)\"", stdout);
	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p >= 0x20 && *p < 0x7f && *p != '?')
			putchar(*p);
		else
			printf("\\%03o", *p); /* '?' too: no trigraphs */
	}
	putchar('"');
}

static void
emit_list(const char *name, long index, char **list, unsigned count)
{
	unsigned i;

	if (count == 0)
		return;
	printf("static char *%s%ld[] = {", name, index);
	for (i = 0; i < count; i++) {
		fputs(i ? ", " : "", stdout);
		emit_string(list[i]);
	}
	printf("};\n");
}

static void
emit_params(const struct params *p)
{
	printf("{%ld, %ld, %ld, %ld, %ld, %ld, %ld, %d}", p->time, p->hold,
	       p->breaths, p->reps, p->tempo, p->sets, p->rest, (int)p->sides);
}

static void
emit_timing(const struct timing *t)
{
	printf("{%d, %d, %ld, %ld, %ld, %ld, %ld, %ld, %ld}", (int)t->mode,
	       (int)t->sides, t->time, t->hold, t->breaths, t->reps, t->tempo,
	       t->sets, t->rest);
}

#define LIST_OR_NULL(name, i, count)                                        \
	do {                                                                 \
		if (count)                                                   \
			printf("%s%ld", name, (long)(i));                    \
		else                                                         \
			fputs("NULL", stdout);                               \
	} while (0)

/* The arrays an exercise points to, named by its position: lists, and
 * the figure with its (already padded) frames. */
static void
emit_exercise_data(const struct exercise *ex, long i)
{
	const struct figure *fig = ex->figure;

	emit_list("equipment", i, ex->equipment, ex->equipment_count);
	emit_list("steps", i, ex->steps, ex->steps_count);
	emit_list("cues", i, ex->cues, ex->cues_count);
	if (fig == NULL)
		return;
	emit_list("frames", i, fig->frames, fig->frames_count);
	printf("static struct figure figure%ld = {.frames = frames%ld, "
	       ".frames_count = %u,\n\t.width = %u, .height = %u, "
	       ".mirror = %s};\n",
	       i, i, fig->frames_count, fig->width, fig->height,
	       fig->mirror ? "true" : "false");
}

static void
emit_exercise(const struct exercise *ex, long i)
{
	printf("\t{.id = ");
	emit_string(ex->id);
	printf(",\n\t .name = ");
	emit_string(ex->name);
	printf(",\n\t .kind = %d, .position = %d, .sides = %d,\n",
	       (int)ex->kind, (int)ex->position, (int)ex->sides);
	printf("\t .equipment = ");
	LIST_OR_NULL("equipment", i, ex->equipment_count);
	printf(", .equipment_count = %u,\n\t .steps = ", ex->equipment_count);
	LIST_OR_NULL("steps", i, ex->steps_count);
	printf(", .steps_count = %u,\n\t .cues = ", ex->steps_count);
	LIST_OR_NULL("cues", i, ex->cues_count);
	printf(", .cues_count = %u,\n\t .caution = ", ex->cues_count);
	emit_string(ex->caution);
	printf(",\n\t .source = ");
	emit_string(ex->source);
	printf(",\n\t .areas = 0x%x, .figure = ", ex->areas);
	if (ex->figure != NULL)
		printf("&figure%ld", i);
	else
		fputs("NULL", stdout);
	printf(",\n\t .params = ");
	emit_params(&ex->params);
	printf(",\n\t .timing = ");
	emit_timing(&ex->timing);
	printf(",\n\t .index = %ld},\n", ex->index);
}

static void
emit_presets(const struct catalog *cat)
{
	size_t i;
	unsigned j;

	for (i = 0; i < cat->presets_count; i++) {
		const struct preset *p = cat->presets[i];

		printf("static struct preset_item items%zu[] = {\n", i);
		for (j = 0; j < p->items_count; j++) {
			printf("\t{.exercise = ");
			emit_string(p->items[j].exercise);
			printf(", .sides = %d, .params = ",
			       (int)p->items[j].sides);
			emit_params(&p->items[j].params);
			printf("},\n");
		}
		printf("};\n");
	}
	printf("\nstruct preset builtin_presets[] = {\n");
	for (i = 0; i < cat->presets_count; i++) {
		const struct preset *p = cat->presets[i];

		printf("\t{.id = ");
		emit_string(p->id);
		printf(", .name = ");
		emit_string(p->name);
		printf(",\n\t .summary = ");
		emit_string(p->summary);
		printf(",\n\t .items = items%zu, .items_count = %u, "
		       ".index = %ld},\n",
		       i, p->items_count, p->index);
	}
	printf("};\nconst size_t builtin_presets_count = %zu;\n",
	       cat->presets_count);
}

int
main(int argc, char **argv)
{
	struct catalog cat;
	struct diag d;
	char msg[1200];
	size_t i;

	if (argc != 2) {
		fprintf(stderr, "usage: gen_builtin FILE.yaml\n");
		return 2;
	}
	catalog_init(&cat);
	if (catalog_add_file(&cat, argv[1], &d) != 0 ||
	    catalog_finish(&cat, &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "gen_builtin: %s\n", msg);
		return 1;
	}

	printf("/* Generated from %s by gen_builtin; do not edit.\n"
	       " * The built-in catalog, validated at build time. */\n"
	       "#include <stdbool.h>\n#include <stddef.h>\n\n"
	       "#include \"sources.h\"\n\n",
	       argv[1]);
	for (i = 0; i < cat.exercises_count; i++)
		emit_exercise_data(cat.exercises[i], (long)i);
	printf("\nstruct exercise builtin_exercises[] = {\n");
	for (i = 0; i < cat.exercises_count; i++)
		emit_exercise(cat.exercises[i], (long)i);
	printf("};\nconst size_t builtin_exercises_count = %zu;\n\n",
	       cat.exercises_count);
	emit_presets(&cat);
	catalog_free(&cat);
	return ferror(stdout) ? 1 : 0;
}
