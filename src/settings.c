/* settings: the settings file's defaults.  The loader comes with the
 * settings issue; until then every file means the defaults. */
#include "settings.h"

#include <string.h>

#include "paths.h"

void
settings_default(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->ready_s = 5;
	s->inhale_s = 4;
	s->exhale_s = 6;
	s->bell = true;
	s->speak = false;
	s->color = true;
	s->figures = true;
	s->checkin = true;
	s->week_start = WEEK_MONDAY;
	s->remind.every_s = 45 * 60;
	strcpy(s->remind.preset, "desk-break");
	s->remind.idle_s = 5 * 60;
	s->remind.snooze_s = 5 * 60;
	s->remind.notify = NOTIFY_AUTO;
}

int
settings_path(char *buf, size_t size)
{
	return paths_config("config.yaml", buf, size);
}
