/* catalog_merge: the catalog as a list of entries by id, later files
 * replacing earlier ones; the checks that need all of it; look-ups. */
#include "catalog_merge.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_explain.h"
#include "catalog_load.h"
#include "text.h"
#include "timeline.h"
#include "yamlpos.h"

/* Replaces the entry with the same id, or appends; the array grows by
 * doubling so that merging stays linear. */
static int
merge_entry(void ***arr, size_t *count, struct idmap *ids, void *item,
            const char *id)
{
	size_t at;
	void **grown;

	if ((*count & (*count - 1)) == 0) { /* 0, 1, 2, 4, 8, ... */
		grown = realloc(*arr, (*count ? *count * 2 : 1) * sizeof *grown);
		if (grown == NULL)
			return -1;
		*arr = grown;
	}
	/* the key stays the replaced entry's: its file stays too */
	switch (idmap_add(ids, id, *count, &at)) {
	case -1:
		return -1;
	case 1:
		(*arr)[at] = item;
		return 0;
	}
	(*arr)[(*count)++] = item;
	return 0;
}

void
catalog_init(struct catalog *cat)
{
	memset(cat, 0, sizeof *cat);
}

void
catalog_free(struct catalog *cat)
{
	size_t i;

	for (i = 0; i < cat->docs_count; i++)
		catalog_doc_free(cat->docs[i]);
	free(cat->docs);
	free(cat->exercises);
	free(cat->presets);
	idmap_free(&cat->exercise_ids);
	idmap_free(&cat->preset_ids);
	catalog_init(cat);
}

int
catalog_merge_doc(struct catalog *cat, struct catalog_doc *doc, struct diag *d)
{
	struct catalog_doc **docs;
	size_t i;

	docs = realloc(cat->docs, (cat->docs_count + 1) * sizeof *docs);
	if (docs == NULL) {
		diag_set(d, doc->name, 0, 0, "out of memory");
		catalog_doc_free(doc);
		return -1;
	}
	cat->docs = docs;
	/* from here the catalog may point into the file: it stays */
	cat->docs[cat->docs_count++] = doc;
	if (idmap_reserve(&cat->exercise_ids,
	                  cat->exercises_count + doc->exercises_count) ||
	    idmap_reserve(&cat->preset_ids,
	                  cat->presets_count + doc->presets_count))
		goto oom;
	for (i = 0; i < doc->exercises_count; i++)
		if (merge_entry((void ***)&cat->exercises,
		                &cat->exercises_count, &cat->exercise_ids,
		                &doc->exercises[i], doc->exercises[i].id))
			goto oom;
	for (i = 0; i < doc->presets_count; i++)
		if (merge_entry((void ***)&cat->presets, &cat->presets_count,
		                &cat->preset_ids, &doc->presets[i],
		                doc->presets[i].id))
			goto oom;
	return 0;
oom:
	/* callers treat out-of-memory as fatal */
	diag_set(d, doc->name, 0, 0, "out of memory");
	return -1;
}

/* ---- whole-catalog checks --------------------------------------------- */

/* A lower bound of a move's length in seconds, from its timing alone, so
 * that an absurd preset is refused before its timeline is built (which
 * could take gigabytes: 100 sets of 1000 one-second holds per item). */
static long
move_min_s(const struct timing *t, const struct timeline_options *opt)
{
	long work;

	switch (t->mode) {
	case TIMING_TIME:
		work = t->time;
		break;
	case TIMING_HOLD:
		work = t->reps * t->hold;
		break;
	case TIMING_BREATHS:
		work = t->reps * t->breaths *
		       (long)(opt->inhale_s + opt->exhale_s);
		break;
	default:
		work = t->reps * (t->tempo > 0 ? t->tempo : TIMING_SELF_REP_S);
		break;
	}
	return (long)opt->ready_s + t->sets * work;
}

/* "preset 'ID'" for a message: made only for one, as escaping and
 * formatting cost more than all the checks of a preset. */
static const char *
preset_what(const struct preset *p, char what[160])
{
	char shown[80];

	text_escape(p->id, shown, sizeof shown);
	snprintf(what, 160, "preset '%s'", shown);
	return what;
}

/* Item j of p (path ends at it): its exercise, and the exercise's timing
 * with the item's overrides. */
static int
finish_item(const struct catalog *cat, struct preset *p, unsigned j,
            struct yamlpos_path *path, struct diag *d)
{
	struct preset_item *it = &p->items[j];
	struct params merged;
	const char *why, *key, *hint;
	char shown[80], what[160];

	it->ex = catalog_exercise(cat, it->exercise);
	if (it->ex == NULL) {
		text_escape(it->exercise, shown, sizeof shown);
		hint = catalog_suggest_exercise(cat, it->exercise);
		yamlpos_path_key(path, "exercise");
		return catalog_doc_fail(
		    p->doc, d, path, "%s, item %u: unknown exercise '%s'%s%s%s",
		    preset_what(p, what), j + 1, shown,
		    hint ? " (did you mean '" : "",
		    hint ? hint : "", hint ? "'?)" : "");
	}
	merged = it->ex->params;
	params_override(&merged, &it->params);
	if (timing_resolve(&merged, &it->timing, &why, &key))
		return catalog_doc_fail(p->doc, d, path, "%s, item %u (%s) %s",
		                        preset_what(p, what), j + 1,
		                        it->ex->id, why);
	return 0;
}

/* Over the 4 hour limit: at_least is "at least " for a lower bound. */
static int
fail_too_long(const struct preset *p, struct diag *d,
              const struct yamlpos_path *path, const char *at_least,
              long long s)
{
	char what[160];

	return catalog_doc_fail(p->doc, d, path,
	                        "%s lasts %s%lld:%02lld:%02lld, over the 4 "
	                        "hour limit for a preset",
	                        preset_what(p, what), at_least, s / 3600,
	                        s / 60 % 60, s % 60);
}

/* Resolves a preset's items against the merged exercises, then checks
 * its length: first a lower bound (which keeps the exact sum of the moves
 * far from overflowing), then that sum. */
static int
finish_preset(const struct catalog *cat, struct preset *p,
              const struct timeline_options *opt, struct diag *d)
{
	struct yamlpos_path path = {0};
	long long min = 0; /* a million items of 10^8 s still fit */
	uint64_t ms;
	unsigned j;

	yamlpos_path_key(&path, "presets");
	yamlpos_path_index(&path, p->index);
	yamlpos_path_key(&path, "items");
	for (j = 0; j < p->items_count; j++) {
		yamlpos_path_index(&path, j);
		if (finish_item(cat, p, j, &path, d))
			return -1;
		min += move_min_s(&p->items[j].timing, opt);
		path.len--;
	}
	path.len--;
	if (min > TIMING_PRESET_MAX_S)
		return fail_too_long(p, d, &path, "at least ", min);
	ms = timeline_preset_ms(p, opt);
	if (ms / 1000 > TIMING_PRESET_MAX_S)
		return fail_too_long(p, d, &path, "", (long long)(ms / 1000));
	return 0;
}

int
catalog_finish(struct catalog *cat, struct diag *d)
{
	struct timeline_options opt;
	size_t i;

	timeline_options_default(&opt);
	for (i = 0; i < cat->presets_count; i++)
		if (finish_preset(cat, cat->presets[i], &opt, d))
			return -1;
	return 0;
}

/* ---- lookups ----------------------------------------------------------- */

/* Ids are lower case, so a query is folded before the lookup. */
static bool
lookup_id(const struct idmap *ids, const char *query, size_t *at)
{
	char folded[ID_MAX + 1];
	size_t i;

	for (i = 0; query[i] != '\0'; i++) {
		if (i == ID_MAX)
			return false;
		folded[i] = (char)tolower((unsigned char)query[i]);
	}
	folded[i] = '\0';
	return idmap_get(ids, folded, at);
}

const struct exercise *
catalog_exercise(const struct catalog *cat, const char *id)
{
	size_t at;

	return lookup_id(&cat->exercise_ids, id, &at) ? cat->exercises[at]
	                                              : NULL;
}

const struct preset *
catalog_preset(const struct catalog *cat, const char *name)
{
	size_t i;

	if (lookup_id(&cat->preset_ids, name, &i))
		return cat->presets[i];
	for (i = 0; i < cat->presets_count; i++)
		if (text_equal_nocase(cat->presets[i]->name, name))
			return cat->presets[i];
	return NULL;
}

static const char *
preset_id_at(const void *list, size_t i)
{
	return ((struct preset *const *)list)[i]->id;
}

static const char *
preset_name_at(const void *list, size_t i)
{
	return ((struct preset *const *)list)[i]->name;
}

static const char *
exercise_id_at(const void *list, size_t i)
{
	return ((struct exercise *const *)list)[i]->id;
}

const char *
catalog_suggest_preset(const struct catalog *cat, const char *name)
{
	const char *s = text_closest(name, preset_id_at, cat->presets,
	                             cat->presets_count);

	return s != NULL ? s
	                 : text_closest(name, preset_name_at, cat->presets,
	                                cat->presets_count);
}

const char *
catalog_suggest_exercise(const struct catalog *cat, const char *name)
{
	return text_closest(name, exercise_id_at, cat->exercises,
	                    cat->exercises_count);
}

void
preset_where(const struct preset *p, char *where, size_t wsize, char *needs,
             size_t nsize)
{
	static const enum position order[] = {POSITION_SEATED,
	                                      POSITION_STANDING,
	                                      POSITION_FLOOR};
	bool used[4] = {false};
	size_t i, n = 0, m = 0;
	unsigned j, k;

	where[0] = needs[0] = '\0';
	for (j = 0; j < p->items_count; j++) {
		const struct exercise *ex = p->items[j].ex;

		used[ex->position] = true;
		for (k = 0; k < ex->equipment_count; k++) {
			const char *it = ex->equipment[k];
			bool dup = false;
			const char *s;
			size_t len = strlen(it);

			for (s = needs; (s = strstr(s, it)) != NULL; s++)
				if ((s == needs || s[-1] == ' ') &&
				    (s[len] == ',' || s[len] == '\0'))
					dup = true;
			if (!dup && m + len + 3 < nsize)
				m += (size_t)snprintf(needs + m, nsize - m,
				                      "%s%s", m ? ", " : "", it);
		}
	}
	for (i = 0; i < 3; i++)
		if (used[order[i]] && n < wsize)
			n += (size_t)snprintf(where + n, wsize - n, "%s%s",
			                      n ? ", " : "",
			                      position_name(order[i]));
	if (n == 0)
		snprintf(where, wsize, "anywhere");
	if (m == 0)
		snprintf(needs, nsize, "nothing");
}

