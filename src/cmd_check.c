/* cmd_check: `backease check [FILE...]` validates catalog files. */
#include <stdio.h>
#include <unistd.h>

#include "cmd.h"
#include "settings.h"
#include "sources.h"
#include "text.h"

static void
print_diag(const struct diag *d)
{
	char msg[1200];

	diag_format(d, msg, sizeof msg);
	fprintf(stderr, "backease: %s\n", msg);
}

/* Loads one more file on top of cat and reports it. */
static int
check_one(struct catalog *cat, const char *file, bool is_builtin)
{
	struct diag d;
	char shown[300];
	size_t ex_before = cat->exercises_count, pr_before = cat->presets_count;
	int rc;

	rc = is_builtin ? sources_add_builtin(cat, &d)
	                : catalog_add_file(cat, file, &d);
	if (rc == 0)
		rc = catalog_finish(cat, &d);
	if (rc != 0) {
		print_diag(&d);
		return -1;
	}
	text_escape(file, shown, sizeof shown);
	printf("%s: ok (%zu exercises, %zu presets in the catalog; %zu and "
	       "%zu new)\n",
	       shown, cat->exercises_count, cat->presets_count,
	       cat->exercises_count - ex_before, cat->presets_count - pr_before);
	return 0;
}

/* Exactly what --catalog loads: those files, nothing built in. */
static int
check_catalog_option(const struct cli *c)
{
	struct catalog cat;

	if (cmd_load_catalog(c, &cat) != 0)
		return EXIT_DATA;
	printf("ok: %zu exercises, %zu presets from %zu file%s\n",
	       cat.exercises_count, cat.presets_count, c->catalogs_count,
	       c->catalogs_count == 1 ? "" : "s");
	catalog_free(&cat);
	return 0;
}

/* The settings file was loaded before any command ran (a bad one stops
 * every command); this says that it was checked. */
static void
report_settings(void)
{
	char path[4096], shown[300];

	if (settings_path(path, sizeof path) != 0 || access(path, F_OK) != 0)
		return;
	text_escape(path, shown, sizeof shown);
	printf("%s: ok (settings)\n", shown);
}

/* What every command loads: built-in, then catalog.d, and the settings. */
static int
check_default(void)
{
	struct catalog cat;
	struct diag d;
	char dir[4096];
	int bad = 0;

	catalog_init(&cat);
	if (check_one(&cat, BUILTIN_CATALOG_NAME, true) != 0) {
		catalog_free(&cat);
		return EXIT_DATA;
	}
	if (sources_user_dir(dir, sizeof dir) == 0 &&
	    (catalog_add_dir(&cat, dir, &d) != 0 ||
	     catalog_finish(&cat, &d) != 0)) {
		print_diag(&d);
		bad = 1;
	}
	catalog_free(&cat);
	report_settings();
	return bad ? EXIT_DATA : 0;
}

static int
check_exec(const struct cli *c, char **files, int nfiles)
{
	struct catalog cat;
	struct diag d;
	int i, bad = 0;

	if (nfiles == 0)
		return c->catalogs_count > 0 ? check_catalog_option(c)
		                             : check_default();
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

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.args_min = 0,
	.args_max = -1,
	.exec = check_exec,
};
