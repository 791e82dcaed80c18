/* cmd: the commands, one file each (cmd_list.c, cmd_show.c, ...), and
 * what they share.  cli.c parses the command line into a struct cli and
 * calls the command's exec through its cmd_entry, as tmux's cmd-*.c do. */
#ifndef BACKEASE_CMD_H
#define BACKEASE_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "run.h"
#include "settings.h"

enum { EXIT_DATA = 1, EXIT_USAGE = 2 };

/* What the global options say; every command sees it. */
struct cli {
	char **catalogs;
	size_t catalogs_count;
	bool plain;
	struct settings settings; /* the settings file's values */
	struct run_options run;   /* the settings, then the options */
};

/* One command.  Its own options (long only) live in its file: options is
 * a table ended by a zero entry whose val is handed to option() with the
 * argument; option() returns 0, or an exit status after saying why.  The
 * options of one command given to another are a usage error. */
struct cmd_entry {
	const char *name;
	int args_min, args_max;    /* positional arguments after the name */
	const char *args_usage;    /* "PRESET", shown when they are wrong */
	const struct option *options; /* NULL when it has none */
	int (*option)(int val, const char *arg);
	int (*exec)(const struct cli *c, char **args, int nargs);
};

extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_plan_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_quick_entry;
extern const struct cmd_entry cmd_stats_entry;
extern const struct cmd_entry cmd_remind_entry;
extern const struct cmd_entry cmd_status_entry;

/* Runs p in the curses front end, or in plain mode when asked or when
 * the terminal cannot do curses; returns the exit status. */
int cmd_run_preset(const struct cli *c, const struct catalog *cat,
                   const struct preset *p);
/* False, with a reason, when the full-screen display cannot be used:
 * ui_curses_usable()'s reasons, or a process in the background of its
 * terminal. */
bool cmd_curses_usable(const char **why);
/* The menu: what `backease` with no command does. */
int cmd_menu(const struct cli *c);

/* Loads the catalog the options name (cli's --catalog files, or the
 * built-in one and catalog.d); prints the error and returns -1 on
 * failure.  A broken catalog.d file is named on stderr (file:line) and
 * left out, and the rest loads. */
int cmd_load_catalog(const struct cli *c, struct catalog *cat);
/* After cmd_load_catalog(): one line about the catalog.d files it left
 * out, for the menu to show, or NULL when there were none. */
const char *cmd_catalog_notice(void);
/* The preset by id or name, or NULL after printing a did-you-mean. */
const struct preset *cmd_find_preset(const struct catalog *cat,
                                     const char *name);
/* Prints "backease: WHAT 'ARG'" (ARG escaped) and a --help hint; returns
 * EXIT_USAGE. */
int cmd_usage_error(const char *what, const char *arg);
/* Prints a timeline in the format of `backease plan`. */
struct timeline;
void cmd_print_plan(const struct preset *p, const struct timeline *tl);
/* Prints s (catalog text, made ready for the terminal) padded to cols
 * display columns. */
void cmd_print_cell(const char *s, size_t cols);

#endif
