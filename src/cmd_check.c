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

	/* in order with the ok lines when both go to one file */
	fflush(stdout);
	diag_format(d, msg, sizeof msg);
	fprintf(stderr, "backease: %s\n", msg);
}

/* "FILE: ok (...)" for a file that loaded, with the catalog's size after
 * it and what it added. */
static void
print_ok(const char *file, size_t exercises, size_t presets,
         size_t new_exercises, size_t new_presets)
{
	char shown[300];

	text_escape(file, shown, sizeof shown);
	printf("%s: ok (%zu exercises, %zu presets in the catalog; %zu and "
	       "%zu new)\n",
	       shown, exercises, presets, new_exercises, new_presets);
}

/* Loads one more file on top of cat and reports it. */
static int
check_one(struct catalog *cat, const char *file, bool is_builtin)
{
	struct diag d;
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
	print_ok(file, cat->exercises_count, cat->presets_count,
	         cat->exercises_count - ex_before,
	         cat->presets_count - pr_before);
	return 0;
}

struct check_report {
	int files; /* catalog.d files seen */
	bool bad;  /* one of them is broken */
};

/* Each catalog.d file as the commands load it: ok, or what is wrong. */
static void
report_file(const struct sources_file *f, void *ctx)
{
	struct check_report *r = ctx;

	r->files++;
	if (f->left_out) {
		print_diag(&f->problem);
		r->bad = true;
		return;
	}
	print_ok(f->path, f->exercises, f->presets,
	         f->exercises - f->exercises_before,
	         f->presets - f->presets_before);
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

/* What every command loads: built-in, then each file of catalog.d,
 * every one named.  A broken file fails the check, as it is left out of
 * what the other commands load. */
static int
check_default(void)
{
	struct catalog cat;
	struct check_report r = {0, false};
	struct diag d;
	char dir[4096], shown[300];

	catalog_init(&cat);
	if (check_one(&cat, BUILTIN_CATALOG_NAME, true) != 0) {
		catalog_free(&cat);
		return EXIT_DATA;
	}
	catalog_free(&cat);
	if (sources_user_dir(dir, sizeof dir) == 0) {
		if (sources_add_user_dir(&cat, dir, report_file, &r, &d) != 0) {
			print_diag(&d);
			r.bad = true;
		}
		catalog_free(&cat);
		if (r.files == 0 && !r.bad) {
			text_escape(dir, shown, sizeof shown);
			printf("%s: no catalog files (*.yaml)\n", shown);
		}
	}
	report_settings();
	return r.bad ? EXIT_DATA : 0;
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
