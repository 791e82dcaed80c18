/* quick_recent: the moves of the last two runs. */
#include "quick_recent.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "history.h"
#include "paths.h"

static void
add_id(struct quick_recent *r, const char *id)
{
	if (r->count < QUICK_RECENT_IDS)
		r->ids[r->count++] = id;
}

/* The ids of the quick routine `back` runs ago (0 the latest), from the
 * file's lines, the latest last. */
static void
add_quick(struct quick_recent *r, int back, size_t *used)
{
	char path[4096], lines[QUICK_RECENT_RUNS][1024], *p, *save = NULL;
	FILE *f;
	int n = 0, i;

	if (paths_state("quick-recent", path, sizeof path) != 0 ||
	    (f = fopen(path, "r")) == NULL)
		return;
	while (n < QUICK_RECENT_RUNS &&
	       fgets(lines[n], sizeof lines[n], f) != NULL)
		n++;
	fclose(f);
	i = n - 1 - back;
	if (i < 0)
		return;
	lines[i][strcspn(lines[i], "\n")] = '\0';
	for (p = strtok_r(lines[i], " ", &save); p != NULL;
	     p = strtok_r(NULL, " ", &save)) {
		size_t len = strlen(p) + 1;

		if (*used + len > sizeof r->store)
			break;
		memcpy(r->store + *used, p, len);
		add_id(r, r->store + *used);
		*used += len;
	}
}

void
quick_recent_load(const struct catalog *cat, struct quick_recent *r)
{
	struct history_entry last[QUICK_RECENT_RUNS];
	char path[4096];
	size_t used = 0, got = 0;
	struct diag d;
	int k, quick_back = 0;
	unsigned j;

	memset(r, 0, sizeof *r);
	/* the last lines only: a long history costs a count of its
	 * newlines, not a parse */
	if (history_path(path, sizeof path) != 0 ||
	    history_tail(path, last, QUICK_RECENT_RUNS, &got, &r->runs, &d) != 0)
		got = r->runs = 0;
	for (k = 0; k < QUICK_RECENT_RUNS && (size_t)k < got; k++) {
		const struct preset *p;

		if (strcmp(last[k].preset, "quick") == 0) {
			add_quick(r, quick_back++, &used);
			continue;
		}
		p = catalog_preset(cat, last[k].preset);
		for (j = 0; p != NULL && j < p->items_count; j++)
			add_id(r, p->items[j].ex->id);
	}
}

void
quick_recent_note(const struct preset *p)
{
	char path[4096], tmp[4200], keep[1024] = "", line[1024];
	FILE *f;
	unsigned i;
	size_t n = 0;

	if (paths_state("quick-recent", path, sizeof path) != 0)
		return;
	if ((f = fopen(path, "r")) != NULL) {
		/* keep the latest line: with ours, the last two */
		while (fgets(line, sizeof line, f) != NULL)
			if (strchr(line, '\n') != NULL)
				memcpy(keep, line, sizeof keep);
		fclose(f);
	}
	for (i = 0; i < p->items_count && n < sizeof line - 1; i++)
		n += (size_t)snprintf(line + n, sizeof line - n, "%s%s",
		                      i ? " " : "", p->items[i].ex->id);
	if (paths_state(NULL, tmp, sizeof tmp) != 0 || paths_mkdirs(tmp) != 0)
		return;
	snprintf(tmp, sizeof tmp, "%s.%ld", path, (long)getpid());
	if ((f = fopen(tmp, "w")) == NULL)
		return;
	fprintf(f, "%s%s\n", keep, line);
	if (fclose(f) != 0 || rename(tmp, path) != 0)
		unlink(tmp);
}

/* Days since 1970 on the local calendar (the offset of now added). */
static long
local_day(time_t now)
{
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return (long)(now / 86400);
	return (long)((now + tm.tm_gmtoff) / 86400);
}

int
quick_recent_build(const struct catalog *cat, struct quick_request *rq,
                   bool seed_set, time_t now,
                   const struct timeline_options *opt,
                   struct quick_routine *out)
{
	struct quick_recent recent;
	int rc;

	quick_recent_load(cat, &recent);
	rq->recent = recent.ids;
	rq->recent_count = recent.count;
	if (!seed_set)
		rq->seed = quick_seed(local_day(now), recent.runs);
	rc = quick_build(cat, rq, opt, out);
	rq->recent = NULL;
	rq->recent_count = 0;
	return rc;
}
