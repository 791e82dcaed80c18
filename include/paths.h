/* paths: where backease keeps the user's files (XDG base directories). */
#ifndef BACKEASE_PATHS_H
#define BACKEASE_PATHS_H

#include <stddef.h>

/* $XDG_CONFIG_HOME/backease (default ~/.config/backease).  0 or -1. */
int paths_config_dir(char *buf, size_t size);
/* $XDG_STATE_HOME/backease (default ~/.local/state/backease).  0 or -1. */
int paths_state_dir(char *buf, size_t size);
/* Creates dir and its parents (mode 0700).  0, or -1 with errno. */
int paths_mkdirs(const char *dir);

#endif
