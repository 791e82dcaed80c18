/* cmd_plan: `backease plan PRESET`, every step with its start and length,
 * then `total M:SS`. */
#include <stdio.h>

#include "cmd.h"
#include "duration.h"
#include "text.h"
#include "timeline.h"
#include "timing.h"

void
cmd_print_plan(const struct preset *p, const struct timeline *tl)
{
	char start[16], len[16], what[512], buf[TEXT_OUT_MAX];
	size_t i;

	printf("%s (%s)\n", text_for_terminal(p->name, buf, sizeof buf),
	       p->id);
	printf("%7s %7s  %s\n", "START", "LENGTH", "STEP");
	for (i = 0; i < tl->count; i++) {
		const struct step *s = &tl->steps[i];

		duration_format((long)(s->start_ms / 1000), start, sizeof start);
		duration_format((long)(s->duration_ms / 1000), len, sizeof len);
		step_describe(s, what, sizeof what);
		printf("%7s %6s%s  %s\n", start, len,
		       s->kind == STEP_SELF ? "~" : " ",
		       text_for_terminal(what, buf, sizeof buf));
	}
	if (tl->self_paced)
		printf("~ self-paced: planned at %d s a rep; the run waits "
		       "for Enter\n",
		       TIMING_SELF_REP_S);
	duration_format((long)(tl->total_ms / 1000), len, sizeof len);
	printf("total %s\n", len);
}

static int
plan_exec(const struct cli *c, char **args, int nargs)
{
	struct catalog cat;
	const struct preset *p;
	struct timeline tl;
	int rc = 0;

	(void)nargs;
	if (cmd_load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	p = cmd_find_preset(&cat, args[0]);
	if (p == NULL) {
		rc = EXIT_USAGE;
	} else if (timeline_build(p, &c->run.timeline, &tl) != 0) {
		fprintf(stderr, "backease: out of memory\n");
		rc = EXIT_DATA;
	} else {
		cmd_print_plan(p, &tl);
		timeline_free(&tl);
	}
	catalog_free(&cat);
	return rc;
}

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.args_min = 1,
	.args_max = 1,
	.args_usage = "a preset name",
	.exec = plan_exec,
};
