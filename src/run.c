/* run: recording a finished run. */
#include "run.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include "duration.h"
#include "history.h"
#include "paths.h"
#include "text.h"

int
run_record(const struct timeline *tl, const struct engine_snapshot *end,
           time_t started)
{
	struct history_entry h;
	struct tm tm;
	struct diag d;
	char path[4096], msg[1200];

	/* no check-in answers yet: `-` in both fields */
	history_entry_init(&h);
	h.start = started;
	if (localtime_r(&started, &tm) != NULL)
		h.utc_offset_s = (int)tm.tm_gmtoff;
	snprintf(h.preset, sizeof h.preset, "%s", tl->preset->id);
	h.planned_s = (long)((tl->total_ms + 500) / 1000);
	h.active_s = (long)((end->active_ms + 500) / 1000);
	h.steps_done = (long)end->steps_done;
	h.steps_total = (long)tl->count;
	h.done = end->state == ENGINE_DONE;
	if (history_path(path, sizeof path) != 0) {
		fprintf(stderr, "backease: history not written: no home or "
		                "state directory\n");
		return -1;
	}
	if (history_append(path, &h, &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "backease: history not written: %s\n", msg);
		return -1;
	}
	return 0;
}

void
run_print_end(const char *name, const struct engine_snapshot *end)
{
	char t[16], buf[TEXT_OUT_MAX];

	duration_format((long)((end->active_ms + 500) / 1000), t, sizeof t);
	printf("%s: %s %s\n", end->state == ENGINE_DONE ? "done" : "quit",
	       text_for_terminal(name, buf, sizeof buf), t);
	fflush(stdout);
}

/* A marker file in the state directory says the note was shown. */
#define SAFETY_MARKER "safety-note-shown"

bool
run_safety_due(void)
{
	char path[4200];

	return paths_state(SAFETY_MARKER, path, sizeof path) == 0 &&
	       access(path, F_OK) != 0;
}

void
run_safety_shown(void)
{
	char path[4200], dir[4096];
	int fd;

	if (paths_state(SAFETY_MARKER, path, sizeof path) != 0 ||
	    paths_state(NULL, dir, sizeof dir) != 0 || paths_mkdirs(dir) != 0)
		return;
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
}
