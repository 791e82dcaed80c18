/* cmd_common: what several commands share: loading the catalog, finding
 * a preset by name, usage errors and table cells. */
#include "cmd.h"

#include <stdio.h>

#include "sources.h"
#include "text.h"

/* What the menu can show about catalog.d files left out. */
static char notice[400];
static size_t left_out;

/* A broken catalog.d file: said once, and the command goes on without
 * it. */
static void
warn_left_out(const struct sources_file *f, void *ctx)
{
	char msg[1200];

	(void)ctx;
	if (!f->left_out)
		return;
	diag_format(&f->problem, msg, sizeof msg);
	fprintf(stderr, "backease: %s (file left out)\n", msg);
	if (++left_out == 1)
		snprintf(notice, sizeof notice, "%s (file left out)", msg);
	else
		snprintf(notice, sizeof notice,
		         "%zu catalog.d files left out; 'backease check' says "
		         "why",
		         left_out);
}

const char *
cmd_catalog_notice(void)
{
	return left_out > 0 ? notice : NULL;
}

int
cmd_load_catalog(const struct cli *c, struct catalog *cat)
{
	struct diag d;
	char msg[1200];

	catalog_init(cat);
	if (sources_load(cat, c->catalogs, c->catalogs_count, warn_left_out,
	                 NULL, &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "backease: %s\n", msg);
		catalog_free(cat);
		return -1;
	}
	return 0;
}

const struct preset *
cmd_find_preset(const struct catalog *cat, const char *name)
{
	const struct preset *p = catalog_preset(cat, name);
	const char *hint;
	char shown[200], hint_buf[TEXT_OUT_MAX];

	if (p != NULL)
		return p;
	text_escape(name, shown, sizeof shown);
	hint = catalog_suggest_preset(cat, name);
	if (hint != NULL)
		fprintf(stderr,
		        "backease: unknown preset '%s'; did you mean '%s'?\n",
		        shown, text_for_terminal(hint, hint_buf, sizeof hint_buf));
	else
		fprintf(stderr,
		        "backease: unknown preset '%s'; 'backease list' shows "
		        "them\n",
		        shown);
	return NULL;
}

int
cmd_usage_error(const char *what, const char *arg)
{
	char shown[200];

	text_escape(arg, shown, sizeof shown);
	fprintf(stderr, "backease: %s '%s'\nTry 'backease --help'.\n", what,
	        shown);
	return EXIT_USAGE;
}

void
cmd_print_cell(const char *s, size_t cols)
{
	char buf[TEXT_OUT_MAX];
	size_t w;

	s = text_for_terminal(s, buf, sizeof buf);
	w = text_columns(s);
	fputs(s, stdout);
	/* a cell too long for its column still ends in a space, or it
	 * would run into the next column's text */
	do
		putchar(' ');
	while (++w < cols);
}
