/* run: recording a finished run. */
#include "run.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include "duration.h"
#include "history.h"
#include "paths.h"
#include "stats_io.h"
#include "stats_text.h"
#include "text.h"

int
run_record(const struct timeline *tl, const struct engine_snapshot *end,
           time_t started, int pain_before, int pain_after)
{
	struct history_entry h;
	struct tm tm;
	struct diag d;
	char path[4096], msg[1200];

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
	h.pain_before = pain_before;
	h.pain_after = pain_after;
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

int
run_load_stats(struct stats *s, enum week_start ws)
{
	struct stats_options opt = {stats_today(time(NULL)),
	                            STATS_DAYS_DEFAULT, ws};
	struct history_skips skips = {0};
	struct diag d;
	char path[4096];

	if (stats_init(s, &opt) != 0)
		return -1;
	/* unreadable lines are for `backease stats` to report */
	if (history_path(path, sizeof path) != 0 ||
	    stats_load(path, s, &skips, &d) != 0) {
		stats_free(s);
		return -1;
	}
	return 0;
}

bool
run_nudge_now(const struct stats *s)
{
	struct diag d;
	char path[4096];

	if (nudge_state_path(path, sizeof path) != 0 ||
	    !stats_nudge_after_run(s, nudge_state_read(path)))
		return false;
	/* a state that cannot be written shows it after every run: better
	 * than never */
	nudge_state_write(path, s->opt.today, &d);
	return true;
}

static void
print_line(void *ctx, enum stats_line_kind kind, const char *text)
{
	(void)ctx;
	(void)kind;
	puts(text);
}

void
run_print_after(int pain_before, int pain_after, const struct stats *s)
{
	struct stats_out o = {.line = print_line};
	char pain[64];

	if (stats_pain_text(pain_before, pain_after, pain, sizeof pain) > 0)
		printf("%s\n", pain);
	if (s != NULL)
		stats_text_nudge(s, &o);
	fflush(stdout);
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
