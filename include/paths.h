/* paths: where backease keeps the user's files (XDG base directories). */
#ifndef BACKEASE_PATHS_H
#define BACKEASE_PATHS_H

#include <stddef.h>

#include "diag.h"

/* $XDG_CONFIG_HOME/backease/name (default ~/.config/backease/name), or
 * the directory itself when name is NULL.  0, or -1 when there is no home
 * or it does not fit. */
int paths_config(const char *name, char *buf, size_t size);
/* $XDG_STATE_HOME/backease/name (default ~/.local/state/backease/name),
 * or the directory itself when name is NULL. */
int paths_state(const char *name, char *buf, size_t size);
/* $XDG_RUNTIME_DIR/backease/name, where a running reminder keeps its lock
 * and state; the state directory when XDG_RUNTIME_DIR is unset or
 * relative. */
int paths_runtime(const char *name, char *buf, size_t size);
/* Creates dir and its parents (mode 0700).  0, or -1 with errno. */
int paths_mkdirs(const char *dir);
/* The same for the directory that holds file.  0, or -1 with d set. */
int paths_mkdirs_for(const char *file, struct diag *d);

#endif
