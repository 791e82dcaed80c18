/* settings: $XDG_CONFIG_HOME/backease/config.yaml (SPEC section 13), the
 * defaults that command-line options override.  Loaded with libcyaml as
 * strictly as the catalog; a bad file is never half-applied. */
#ifndef BACKEASE_SETTINGS_H
#define BACKEASE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum notify_mode { NOTIFY_AUTO, NOTIFY_BELL, NOTIFY_NONE };
enum week_start { WEEK_MONDAY, WEEK_SUNDAY };

struct remind_settings {
	unsigned every_s;  /* time between breaks (default 45m) */
	char preset[64];   /* the break offered (default desk-break) */
	unsigned idle_s;   /* away this long counts as a break (5m) */
	unsigned snooze_s; /* a snooze lasts this long (5m) */
	enum notify_mode notify;
};

struct settings {
	unsigned ready_s;            /* get-ready before each move (5) */
	unsigned inhale_s, exhale_s; /* breath pace (4:6) */
	bool bell;
	bool speak;
	bool color;
	bool figures;
	bool checkin;
	enum week_start week_start;
	struct remind_settings remind;
};

/* The values with no file. */
void settings_default(struct settings *s);
/* The file's path; 0, or -1 when there is no home. */
int settings_path(char *buf, size_t size);
/* Loads path over the defaults into *s.  A missing file gives the
 * defaults and returns 0; a bad one returns -1 with d set (file, line,
 * what is wrong, what is expected) and leaves *s at the defaults. */
int settings_load(const char *path, struct settings *s, struct diag *d);
/* The same from memory (tests, fuzzing); name is what messages call it. */
int settings_load_data(const char *name, const unsigned char *data,
                       size_t len, struct settings *s, struct diag *d);

#endif
