/* cmd_run: `backease run PRESET`, and the menu that `backease` alone
 * opens; both pick the curses front end when the terminal allows it. */
#include <stdio.h>
#include <unistd.h>

#include "cmd.h"
#include "signals.h"
#include "ui_curses.h"
#include "ui_plain.h"

/* False, with a reason, when the full-screen display cannot be used:
 * ui_curses_usable()'s reasons, and a process in the background of its
 * terminal (`backease run X &`), where curses would stop at its first
 * change of the terminal's modes (SIGTTOU) until brought to the front. */
bool
cmd_curses_usable(const char **why)
{
	if (signals_tty_refuses_modes(STDOUT_FILENO) ||
	    signals_tty_refuses_modes(STDIN_FILENO)) {
		*why = "running in the background of the terminal";
		return false;
	}
	return ui_curses_usable(why);
}

int
cmd_run_preset(const struct cli *c, const struct catalog *cat,
               const struct preset *p)
{
	const char *why = NULL;

	/* (not a word to a terminal that stops background output) */
	if (!c->plain && !cmd_curses_usable(&why) &&
	    !signals_tty_refuses_output(STDERR_FILENO))
		fprintf(stderr, "backease: %s; using plain mode\n", why);
	if (c->plain || why != NULL)
		return ui_plain_run(p, &c->run);
	return ui_curses_main(cat, p, &c->run);
}

static int
run_exec(const struct cli *c, char **args, int nargs)
{
	struct catalog cat;
	const struct preset *p;
	int rc = EXIT_USAGE;

	(void)nargs;
	if (cmd_load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	p = cmd_find_preset(&cat, args[0]);
	if (p != NULL)
		rc = cmd_run_preset(c, &cat, p);
	catalog_free(&cat);
	return rc;
}

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.args_min = 1,
	.args_max = 1,
	.args_usage = "a preset name",
	.exec = run_exec,
};

int
cmd_menu(const struct cli *c)
{
	struct run_options ro;
	struct catalog cat;
	const char *why = NULL;
	int rc;

	if (c->plain || !cmd_curses_usable(&why)) {
		if (why != NULL)
			fprintf(stderr,
			        "backease: %s; the menu needs a terminal.\n",
			        why);
		fprintf(stderr, "Presets ('backease run ID' starts one):\n");
		return cmd_list_entry.exec(c, NULL, 0);
	}
	if (cmd_load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	ro = c->run;
	ro.notice = cmd_catalog_notice();
	rc = ui_curses_main(&cat, NULL, &ro);
	catalog_free(&cat);
	return rc;
}
