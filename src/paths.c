/* paths: XDG base directories. */
#include "paths.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *
home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home != NULL && home[0] == '/')
		return home;
	pw = getpwuid(getuid());
	return pw != NULL ? pw->pw_dir : NULL;
}

/* The XDG spec says a relative value is to be ignored. */
static int
xdg_path(const char *var, const char *fallback, const char *name,
         char *buf, size_t size)
{
	const char *v = getenv(var), *home;
	const char *sep = name != NULL ? "/" : "", *file = name ? name : "";
	int n;

	if (v != NULL && v[0] == '/') {
		n = snprintf(buf, size, "%s/backease%s%s", v, sep, file);
	} else {
		home = home_dir();
		if (home == NULL)
			return -1;
		n = snprintf(buf, size, "%s/%s/backease%s%s", home, fallback,
		             sep, file);
	}
	return n > 0 && (size_t)n < size ? 0 : -1;
}

int
paths_config(const char *name, char *buf, size_t size)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", name, buf, size);
}

int
paths_state(const char *name, char *buf, size_t size)
{
	return xdg_path("XDG_STATE_HOME", ".local/state", name, buf, size);
}

int
paths_runtime(const char *name, char *buf, size_t size)
{
	const char *v = getenv("XDG_RUNTIME_DIR");

	if (v == NULL || v[0] != '/')
		return paths_state(name, buf, size);
	return xdg_path("XDG_RUNTIME_DIR", NULL, name, buf, size);
}

int
paths_mkdirs(const char *dir)
{
	char path[4096], *p;
	size_t n = strlen(dir);

	if (n == 0 || n >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(path, dir, n + 1);
	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

int
paths_mkdirs_for(const char *file, struct diag *d)
{
	char dir[4096], *slash;

	snprintf(dir, sizeof dir, "%s", file);
	slash = strrchr(dir, '/');
	if (slash == NULL || slash == dir)
		return 0;
	*slash = '\0';
	if (paths_mkdirs(dir) != 0) {
		diag_set(d, dir, 0, 0, "cannot create directory: %s",
		         strerror(errno));
		return -1;
	}
	return 0;
}
