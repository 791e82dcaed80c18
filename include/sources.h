/* sources: which catalog files a command loads: the built-in catalog
 * (compiled in from data/exercises.yaml) and the user's catalog.d, or the
 * files given with --catalog. */
#ifndef BACKEASE_SOURCES_H
#define BACKEASE_SOURCES_H

#include <stddef.h>

#include "catalog.h"

#define BUILTIN_CATALOG_NAME "data/exercises.yaml (built in)"

/* Written at build time by gen_builtin from data/exercises.yaml. */
extern struct exercise builtin_exercises[];
extern const size_t builtin_exercises_count;
extern struct preset builtin_presets[];
extern const size_t builtin_presets_count;

int sources_add_builtin(struct catalog *cat, struct diag *d);
/* $XDG_CONFIG_HOME/backease/catalog.d; sets buf to it. */
int sources_user_dir(char *buf, size_t size);
/* The catalog a command works on: files (if any) in order, else the
 * built-in and the user's directory; then catalog_finish(). */
int sources_load(struct catalog *cat, char *const *files, size_t nfiles,
                 struct diag *d);

#endif
