/* sources: which catalog files a command loads: the built-in catalog
 * (compiled in from data/exercises.yaml) and the user's catalog.d, or the
 * files given with --catalog. */
#ifndef BACKEASE_SOURCES_H
#define BACKEASE_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

#define BUILTIN_CATALOG_NAME "data/exercises.yaml (built in)"
/* the section of the program's file that the Makefile puts it in */
#define BUILTIN_CATALOG_SECTION ".backease.catalog"

/* Written at build time by gen_builtin from data/exercises.yaml. */
extern struct exercise builtin_exercises[];
extern const size_t builtin_exercises_count;
extern struct preset builtin_presets[];
extern const size_t builtin_presets_count;

/* One catalog.d file, as the loader found it. */
struct sources_file {
	char *path;
	bool left_out;       /* broken: the catalog is built without it */
	struct diag problem; /* why, when left out */
	/* the catalog's size before and after it (when not left out) */
	size_t exercises_before, presets_before, exercises, presets;
};
/* Told about each catalog.d file once, in name order, when the catalog
 * is complete. */
typedef void sources_report_fn(const struct sources_file *f, void *ctx);

int sources_add_builtin(struct catalog *cat, struct diag *d);
/* $XDG_CONFIG_HOME/backease/catalog.d; sets buf to it. */
int sources_user_dir(char *buf, size_t size);
/* The built-in catalog and every *.yaml file of dir in name order, then
 * catalog_finish().  A file that is broken (bad YAML, a bad entry, a
 * preset of unknown exercises, an override that breaks a built-in
 * preset) is left out and reported, and the rest still loads; a missing
 * directory is no error.  Fails (-1, d) only when the catalog cannot be
 * built at all (out of memory, an unreadable directory). */
int sources_add_user_dir(struct catalog *cat, const char *dir,
                         sources_report_fn *report, void *ctx,
                         struct diag *d);
/* The catalog a command works on: files (if any) in order, where any
 * error fails, else sources_add_user_dir() with the user's catalog.d;
 * then catalog_finish().  report may be NULL. */
int sources_load(struct catalog *cat, char *const *files, size_t nfiles,
                 sources_report_fn *report, void *ctx, struct diag *d);

#endif
