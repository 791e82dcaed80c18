/* quick_save: a routine to a preset file, checked before it is in
 * place. */
#include "quick_save.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "sources.h"
#include "text.h"

struct out {
	char *buf;
	size_t size, len;
	bool over;
};

static void
put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->size - o->len)
		o->over = true;
	else
		o->len += (size_t)n;
}

/* An item's timing written out whole: a preset item that sets a timing
 * key replaces the exercise's way of timing, tempo, sets and rest. */
static void
put_timing(struct out *o, const struct timing *t)
{
	switch (t->mode) {
	case TIMING_TIME:
		put(o, "        time: %ld\n", t->time);
		break;
	case TIMING_HOLD:
		put(o, "        hold: %ld\n        reps: %ld\n", t->hold, t->reps);
		break;
	case TIMING_BREATHS:
		put(o, "        breaths: %ld\n        reps: %ld\n", t->breaths,
		    t->reps);
		break;
	case TIMING_REPS:
	case TIMING_UNSET:
		put(o, "        reps: %ld\n", t->reps);
		if (t->tempo > 0)
			put(o, "        tempo: %ld\n", t->tempo);
		break;
	}
	if (t->sets > 1)
		put(o, "        sets: %ld\n", t->sets);
	if (t->sets > 1 && t->rest > 0)
		put(o, "        rest: %ld\n", t->rest);
}

/* Text we made (ASCII, no quotes or backslashes) in double quotes. */
int
quick_save_yaml(const struct preset *p, const char *id, const char *summary,
                char *buf, size_t size)
{
	struct out o = {buf, size, 0, false};
	unsigned i;

	put(&o, "# Written by backease quick --save.  Edit freely; "
	        "`backease check` checks it.\n");
	put(&o, "presets:\n  - id: %s\n    name: \"%s\"\n", id, p->name);
	if (summary != NULL)
		put(&o, "    summary: \"%s\"\n", summary);
	put(&o, "    items:\n");
	for (i = 0; i < p->items_count; i++) {
		put(&o, "      - exercise: %s\n", p->items[i].ex->id);
		put_timing(&o, &p->items[i].timing);
	}
	return o.over ? -1 : (int)o.len;
}

static int
save_fail(struct diag *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
save_fail(struct diag *d, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_set(d, NULL, 0, 0, "%s", msg);
	return -1;
}

/* The catalog every command would load (broken catalog.d files left out,
 * as they are), with the new file on top. */
static int
validate(const char *dir, const char *tmp, struct diag *d)
{
	struct catalog cat;
	int rc;

	catalog_init(&cat);
	rc = sources_add_user_dir(&cat, dir, NULL, NULL, d);
	if (rc == 0)
		rc = catalog_add_file(&cat, tmp, d);
	if (rc == 0)
		rc = catalog_finish(&cat, d);
	catalog_free(&cat);
	return rc;
}

static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int
quick_save(const struct preset *p, const char *id, const char *summary,
           bool force, const struct catalog *cat, char *path, size_t size,
           struct diag *d)
{
	char dir[4096], tmp[4200], yaml[16384], shown[120];
	int fd, len;

	text_escape(id, shown, sizeof shown);
	if (!catalog_id_valid(id))
		return save_fail(d, "--save '%s': an id is 1 to 40 of a-z, 0-9 and "
		                "'-', not starting with '-'",
		                shown);
	if (!force && (catalog_preset(cat, id) != NULL ||
	               catalog_exercise(cat, id) != NULL))
		return save_fail(d, "--save '%s': the catalog has that id already; "
		                "--force replaces it",
		                shown);
	len = quick_save_yaml(p, id, summary, yaml, sizeof yaml);
	if (len < 0 || sources_user_dir(dir, sizeof dir) != 0 ||
	    paths_mkdirs(dir) != 0)
		return save_fail(d, "cannot write to catalog.d: %s",
		                len < 0 ? "routine too long" : strerror(errno));
	snprintf(path, size, "%s/%s.yaml", dir, id);
	/* hidden and not *.yaml: no other command loads it meanwhile */
	snprintf(tmp, sizeof tmp, "%s/.%s.yaml.XXXXXX", dir, id);
	fd = mkstemp(tmp);
	if (fd < 0)
		return save_fail(d, "cannot write to catalog.d: %s",
		                strerror(errno));
	if (write_all(fd, yaml, (size_t)len) != 0 || fsync(fd) != 0) {
		text_escape(tmp, shown, sizeof shown);
		save_fail(d, "cannot write %s: %s", shown, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	if (validate(dir, tmp, d) != 0 || rename(tmp, path) != 0) {
		if (d->msg[0] == '\0')
			diag_set(d, NULL, 0, 0, "cannot rename into place: %s",
			         strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
