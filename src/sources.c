/* sources: assembling the catalog. */
#include "sources.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "text.h"

/* The files of catalog.d and what became of each. */
struct user_dir {
	struct sources_file *files;
	size_t count;
};

int
sources_add_builtin(struct catalog *cat, struct diag *d)
{
	/* C data checked at build time: no YAML to parse at start-up, and
	 * its text stays on disk until a message needs a place in it */
	return catalog_add_static(cat, BUILTIN_CATALOG_NAME, builtin_exercises,
				  builtin_exercises_count, builtin_presets,
				  builtin_presets_count, BUILTIN_CATALOG_SECTION,
				  d);
}

int
sources_user_dir(char *buf, size_t size)
{
	return paths_config("catalog.d", buf, size);
}

/* catalog.d holds visible *.yaml files. */
static int
is_catalog_file(const struct dirent *de)
{
	size_t n = strlen(de->d_name);

	return de->d_name[0] != '.' && n > 5 &&
	       strcmp(de->d_name + n - 5, ".yaml") == 0;
}

/* Byte order, not alphasort()'s locale order: the same in every locale. */
static int
name_order(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void
free_dir(struct user_dir *ud)
{
	size_t i;

	for (i = 0; i < ud->count; i++)
		free(ud->files[i].path);
	free(ud->files);
	ud->files = NULL;
	ud->count = 0;
}

/* The directory's catalog files in name order; a missing directory has
 * none. */
static int
list_dir(const char *dir, struct user_dir *ud, struct diag *d)
{
	struct dirent **names;
	int count, i;
	size_t len;

	memset(ud, 0, sizeof *ud);
	count = scandir(dir, &names, is_catalog_file, name_order);
	if (count < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		diag_set(d, dir, 0, 0, "cannot read directory: %s",
			 strerror(errno));
		return -1;
	}
	ud->files = calloc((size_t)count + 1, sizeof *ud->files);
	for (i = 0; i < count; i++) {
		len = strlen(dir) + strlen(names[i]->d_name) + 2;
		if (ud->files != NULL &&
		    (ud->files[i].path = malloc(len)) != NULL) {
			snprintf(ud->files[i].path, len, "%s/%s", dir,
				 names[i]->d_name);
			ud->count++;
		}
		free(names[i]);
	}
	free(names);
	if (ud->files == NULL || ud->count < (size_t)count) {
		free_dir(ud);
		diag_set(d, dir, 0, 0, "out of memory");
		return -1;
	}
	return 0;
}

/* The built-in catalog and every file not left out yet; a file that does
 * not load is left out from now on (the catalog is as before it). */
static int
build(struct catalog *cat, struct user_dir *ud, struct diag *d)
{
	size_t i;

	catalog_init(cat);
	if (sources_add_builtin(cat, d) != 0)
		return -1;
	for (i = 0; i < ud->count; i++) {
		struct sources_file *f = &ud->files[i];

		if (f->left_out)
			continue;
		f->exercises_before = cat->exercises_count;
		f->presets_before = cat->presets_count;
		if (catalog_add_file(cat, f->path, &f->problem) != 0)
			f->left_out = true;
		f->exercises = cat->exercises_count;
		f->presets = cat->presets_count;
	}
	return 0;
}

/* The user file a message is about, or -1 (the built-in catalog).  The
 * message holds the name escaped and cut to 255 bytes: under a directory
 * with a path that long, the first file that matches is taken. */
static long
named_file(const struct user_dir *ud, const struct diag *d)
{
	char shown[sizeof d->file];
	size_t i;

	for (i = 0; i < ud->count; i++) {
		text_escape(ud->files[i].path, shown, sizeof shown);
		if (!ud->files[i].left_out && strcmp(shown, d->file) == 0)
			return (long)i;
	}
	return -1;
}

/* A built-in preset that fails once the user's files are in was broken
 * by one of them (an exercise made too long, say): the first file after
 * which the built-in catalog no longer finishes.  Failures that name a
 * user file are not counted: a later file may still define what it
 * uses. */
static long
breaker(const struct user_dir *ud)
{
	struct catalog trial;
	struct diag d;
	long found = -1;
	size_t i;

	catalog_init(&trial);
	if (sources_add_builtin(&trial, &d) != 0)
		goto out;
	for (i = 0; i < ud->count && found < 0; i++)
		if (!ud->files[i].left_out &&
		    catalog_add_file(&trial, ud->files[i].path, &d) == 0 &&
		    catalog_finish(&trial, &d) != 0 && named_file(ud, &d) < 0)
			found = (long)i;
out:
	catalog_free(&trial);
	return found;
}

/* Builds the catalog until it finishes, leaving out each file that
 * breaks it; every rebuild starts from the built-in catalog again. */
static int
build_without_broken(struct catalog *cat, struct user_dir *ud, struct diag *d)
{
	struct diag why;
	char msg[sizeof why.msg];
	long bad;

	for (;;) {
		if (build(cat, ud, d) != 0)
			return -1;
		if (catalog_finish(cat, &why) == 0)
			return 0;
		bad = named_file(ud, &why);
		if (bad >= 0) {
			ud->files[bad].problem = why;
		} else {
			bad = breaker(ud);
			if (bad < 0) {
				*d = why;
				return -1;
			}
			diag_format(&why, msg, sizeof msg);
			diag_set(&ud->files[bad].problem, ud->files[bad].path,
				 0, 0, "breaks the built-in catalog: %s", msg);
		}
		ud->files[bad].left_out = true;
		catalog_free(cat);
	}
}

int
sources_add_user_dir(struct catalog *cat, const char *dir,
		     sources_report_fn *report, void *ctx, struct diag *d)
{
	struct user_dir ud;
	size_t i;
	int rc;

	catalog_init(cat);
	if (list_dir(dir, &ud, d) != 0)
		return -1;
	rc = build_without_broken(cat, &ud, d);
	for (i = 0; rc == 0 && report != NULL && i < ud.count; i++)
		report(&ud.files[i], ctx);
	free_dir(&ud);
	return rc;
}

int
sources_load(struct catalog *cat, char *const *files, size_t nfiles,
	     sources_report_fn *report, void *ctx, struct diag *d)
{
	char dir[4096];
	size_t i;

	if (nfiles == 0) {
		/* a user directory that cannot be named: the built-in one */
		if (sources_user_dir(dir, sizeof dir) == 0)
			return sources_add_user_dir(cat, dir, report, ctx, d);
		return sources_add_builtin(cat, d) != 0
			   ? -1
			   : catalog_finish(cat, d);
	}
	for (i = 0; i < nfiles; i++)
		if (catalog_add_file(cat, files[i], d) != 0)
			return -1;
	return catalog_finish(cat, d);
}
