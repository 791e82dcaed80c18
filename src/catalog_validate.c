/* catalog_validate: one file's entries, checked in file order so that the
 * first problem is the one reported. */
#include "catalog_validate.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "areas.h"
#include "catalog_explain.h"
#include "catalog_figure.h"
#include "duration.h"
#include "idmap.h"
#include "text.h"
#include "yamlpos.h"

bool
catalog_id_valid(const char *id)
{
	size_t i, n = strlen(id);

	if (n == 0 || n > ID_MAX || id[0] == '-')
		return false;
	for (i = 0; i < n; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') ||
		      (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
			return false;
	return true;
}

/* "exercise 'ID'" in what (room for ID_MAX + 20): a valid id needs no
 * escaping, and this runs for every entry (snprintf costs 10 times more). */
static void
what_named(char *what, const char *kind, const char *id)
{
	size_t k = strlen(kind), n = strlen(id);

	memcpy(what, kind, k);
	memcpy(what + k, " '", 2);
	memcpy(what + k + 2, id, n);
	memcpy(what + k + 2 + n, "'", 2);
}

/* The id of entry i (path is at the entry): "exercise 3: id ..." */
static int
check_id(const struct catalog_doc *doc, struct diag *d,
         struct yamlpos_path *path, const char *what, long i, const char *id,
         const char *example)
{
	char shown[80];

	if (catalog_id_valid(id))
		return 0;
	text_escape(id, shown, sizeof shown);
	yamlpos_path_key(path, "id");
	return catalog_doc_fail(doc, d, path,
	                        "%s %ld: id \"%s\" must be 1-%d characters of "
	                        "a-z, 0-9 and - (like %s)",
	                        what, i + 1, shown, ID_MAX, example);
}

/* Checks one text value: clean, not empty, not too long. */
static int
check_text(const struct catalog_doc *doc, struct diag *d,
           const struct yamlpos_path *path, const char *what,
           const char *key, const char *s, size_t max_cols)
{
	char shown[120], why[200];

	/* escaping costs more than the checks: only for a message */
	if (text_find_unclean(s, why, sizeof why)) {
		text_escape(s, shown, sizeof shown);
		return catalog_doc_fail(doc, d, path, "%s: %s %s (\"%s\")",
		                        what, key, why, shown);
	}
	if (s[0] == '\0')
		return catalog_doc_fail(doc, d, path, "%s: %s is empty", what,
		                        key);
	/* a column takes at least one byte: only long texts need measuring */
	if (strlen(s) > max_cols && text_columns(s) > max_cols)
		return catalog_doc_fail(doc, d, path,
		                        "%s: %s is longer than %zu characters",
		                        what, key, max_cols);
	return 0;
}

static int
check_text_list(const struct catalog_doc *doc, struct diag *d,
                struct yamlpos_path *path, const char *what,
                const char *key, char **list, unsigned count, bool id_like)
{
	unsigned i;
	char shown[120];

	if (count > LIST_MAX)
		return catalog_doc_fail(doc, d, path,
		                        "%s: %s has more than %d entries", what,
		                        key, LIST_MAX);
	for (i = 0; i < count; i++) {
		yamlpos_path_index(path, i);
		if (id_like && !catalog_id_valid(list[i])) {
			text_escape(list[i], shown, sizeof shown);
			return catalog_doc_fail(doc, d, path,
			                        "%s: %s entry \"%s\" must be a "
			                        "word of a-z, 0-9 and - (like "
			                        "dumbbell)",
			                        what, key, shown);
		}
		if (check_text(doc, d, path, what, key, list[i], TEXT_MAX))
			return -1;
		path->len--;
	}
	return 0;
}

/* Reads the timing keys as numbers into p. */
static int
parse_params(const struct catalog_doc *doc, struct diag *d,
             struct yamlpos_path *path, const char *what,
             const struct params_text *t, enum sides sides,
             struct params *p)
{
	static const struct {
		const char *key;
		size_t text_off, value_off;
		bool is_duration;
	} keys[] = {
#define K(name, dur)                                                        \
	{#name, offsetof(struct params_text, name),                          \
	 offsetof(struct params, name), dur}
	    K(time, true),  K(hold, true),  K(breaths, false),
	    K(reps, false), K(tempo, true), K(sets, false),
	    K(rest, true),
#undef K
	};
	char shown[120];
	size_t i;

	params_init(p);
	p->sides = sides;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *s = *(char *const *)((const char *)t +
		                                  keys[i].text_off);
		long *v = (long *)((char *)p + keys[i].value_off);
		int bad;

		if (s == NULL)
			continue;
		bad = keys[i].is_duration ? duration_parse(s, v)
		                          : count_parse(s, v);
		if (bad) {
			text_escape(s, shown, sizeof shown);
			yamlpos_path_key(path, keys[i].key);
			return catalog_doc_fail(
			    doc, d, path, "%s: %s: '%s' is not %s", what,
			    keys[i].key, shown,
			    keys[i].is_duration
			        ? "a duration; expected whole seconds written "
			          "30, 30s, 2m or 1m30s"
			        : "a count; expected a whole number such as "
			          "10");
		}
	}
	return 0;
}

/* An optional text written as "" is the same as leaving it out (SPEC's
 * own example has caution: ""). */
static void
drop_empty(const struct catalog_doc *doc, char **s)
{
	if (*s != NULL && (*s)[0] == '\0') {
		arena_mem(doc->arena, *s, 0); /* as libcyaml allocated it */
		*s = NULL;
	}
}

/* An exercise's texts: name, steps, cues, equipment, caution, source. */
static int
check_exercise_texts(const struct catalog_doc *doc, struct diag *d,
                     struct yamlpos_path *path, const char *what,
                     struct exercise *ex)
{
#define TEXT(key_, s, max)                                                  \
	do {                                                                 \
		yamlpos_path_key(path, key_);                                \
		if (check_text(doc, d, path, what, key_, s, max))            \
			return -1;                                           \
		path->len--;                                                 \
	} while (0)
#define LIST(key_, list, count, id_like)                                    \
	do {                                                                 \
		yamlpos_path_key(path, key_);                                \
		if (check_text_list(doc, d, path, what, key_, list, count,   \
		                    id_like))                                \
			return -1;                                           \
		path->len--;                                                 \
	} while (0)

	TEXT("name", ex->name, NAME_MAX_COLS);
	if (ex->steps_count == 0) {
		yamlpos_path_key(path, "steps");
		return catalog_doc_fail(doc, d, path,
		                        "%s: steps is empty; give at least one "
		                        "instruction",
		                        what);
	}
	LIST("steps", ex->steps, ex->steps_count, false);
	LIST("cues", ex->cues, ex->cues_count, false);
	LIST("equipment", ex->equipment, ex->equipment_count, true);
	drop_empty(doc, &ex->caution);
	drop_empty(doc, &ex->source);
	if (ex->caution != NULL)
		TEXT("caution", ex->caution, TEXT_MAX);
	if (ex->source != NULL)
		TEXT("source", ex->source, TEXT_MAX);
#undef TEXT
#undef LIST
	return 0;
}

/* The area words: known ones, none twice; fills ex->areas. */
static int
check_areas(const struct catalog_doc *doc, struct diag *d,
            struct yamlpos_path *path, const char *what, struct exercise *ex)
{
	const char *hint;
	char shown[80];
	enum area a;
	unsigned i;

	ex->areas = 0;
	for (i = 0; i < ex->area_words_count; i++) {
		if (area_from_word(ex->area_words[i], &a) &&
		    !(ex->areas & AREA_BIT(a))) {
			ex->areas |= AREA_BIT(a);
			continue;
		}
		yamlpos_path_key(path, "areas");
		yamlpos_path_index(path, i);
		text_escape(ex->area_words[i], shown, sizeof shown);
		if (area_from_word(ex->area_words[i], &a))
			return catalog_doc_fail(doc, d, path,
			                        "%s: areas: '%s' is listed "
			                        "twice",
			                        what, shown);
		hint = area_suggest(ex->area_words[i]);
		return catalog_doc_fail(
		    doc, d, path,
		    "%s: areas: unknown area '%s'%s%s%s; expected one or more "
		    "of: %s",
		    what, shown, hint ? " (did you mean '" : "", hint ? hint : "",
		    hint ? "'?)" : "", areas_allowed);
	}
	return 0;
}

static int
check_exercise(const struct catalog_doc *doc, struct diag *d, long i)
{
	struct exercise *ex = &doc->exercises[i];
	struct yamlpos_path path = {0};
	const char *why, *key;
	char what[120];

	yamlpos_path_key(&path, "exercises");
	yamlpos_path_index(&path, i);
	if (check_id(doc, d, &path, "exercise", i, ex->id, "scapular-squeeze"))
		return -1;
	what_named(what, "exercise", ex->id);
	if (check_exercise_texts(doc, d, &path, what, ex))
		return -1;
	if (parse_params(doc, d, &path, what, &ex->text, ex->sides,
	                 &ex->params))
		return -1;
	if (timing_resolve(&ex->params, &ex->timing, &why, &key)) {
		size_t len;
		const unsigned char *text = catalog_doc_text(doc, &len);

		yamlpos_path_key(&path, key);
		if (yamlpos_find(text, len, &path, 1, &(int){0}, &(int){0}) !=
		    0)
			path.len--; /* the key is absent: point at the entry */
		return catalog_doc_fail(doc, d, &path, "%s %s", what, why);
	}
	if (check_areas(doc, d, &path, what, ex) ||
	    catalog_check_figure(doc, d, &path, what, ex))
		return -1;
	ex->doc = doc;
	ex->index = i;
	return 0;
}

/* A preset's items: path ends at its "items" key. */
static int
check_items(const struct catalog_doc *doc, struct diag *d,
            struct yamlpos_path *path, const char *what, struct preset *p)
{
	char item_what[200], shown[80];
	unsigned j;

	for (j = 0; j < p->items_count; j++) {
		struct preset_item *it = &p->items[j];

		yamlpos_path_index(path, j);
		snprintf(item_what, sizeof item_what, "%s, item %u", what,
		         j + 1);
		if (!catalog_id_valid(it->exercise)) {
			text_escape(it->exercise, shown, sizeof shown);
			yamlpos_path_key(path, "exercise");
			return catalog_doc_fail(doc, d, path,
			                        "%s: exercise \"%s\" is not an "
			                        "exercise id (a-z, 0-9 and -)",
			                        item_what, shown);
		}
		if (parse_params(doc, d, path, item_what, &it->text, it->sides,
		                 &it->params))
			return -1;
		path->len--;
	}
	return 0;
}

static int
check_preset(const struct catalog_doc *doc, struct diag *d, long i)
{
	struct preset *p = &doc->presets[i];
	struct yamlpos_path path = {0};
	char what[160];

	yamlpos_path_key(&path, "presets");
	yamlpos_path_index(&path, i);
	if (check_id(doc, d, &path, "preset", i, p->id, "desk-break"))
		return -1;
	what_named(what, "preset", p->id);
	yamlpos_path_key(&path, "name");
	if (check_text(doc, d, &path, what, "name", p->name, NAME_MAX_COLS))
		return -1;
	path.len--;
	drop_empty(doc, &p->summary);
	if (p->summary != NULL) {
		yamlpos_path_key(&path, "summary");
		if (check_text(doc, d, &path, what, "summary", p->summary,
		               TEXT_MAX))
			return -1;
		path.len--;
	}
	yamlpos_path_key(&path, "items");
	if (p->items_count == 0)
		return catalog_doc_fail(doc, d, &path,
		                        "%s: items is empty; a preset needs at "
		                        "least one exercise",
		                        what);
	if (check_items(doc, d, &path, what, p))
		return -1;
	p->doc = doc;
	p->index = i;
	return 0;
}

/* Records the id of entry i of list; the same id twice is an error at the
 * second, naming the first. */
static int
check_unique(const struct catalog_doc *doc, struct diag *d,
             struct idmap *seen, const char *list, const char *what,
             const char *id, unsigned i)
{
	struct yamlpos_path path = {0};
	char shown[80];
	size_t j;

	switch (idmap_add(seen, id, i, &j)) {
	case -1:
		diag_set(d, doc->name, 0, 0, "out of memory");
		return -1;
	case 1:
		text_escape(id, shown, sizeof shown);
		yamlpos_path_key(&path, list);
		yamlpos_path_index(&path, i);
		yamlpos_path_key(&path, "id");
		return catalog_doc_fail(doc, d, &path,
		                        "%s '%s' is defined twice in this file "
		                        "(also %s %zu); ids must be unique",
		                        what, shown, what, j + 1);
	}
	return 0;
}

/* A file with neither list: points at the empty list, or at the empty
 * mapping. */
static int
fail_empty_doc(const struct catalog_doc *doc, struct diag *d)
{
	struct yamlpos_path path = {0};
	size_t len;
	const unsigned char *text = catalog_doc_text(doc, &len);

	yamlpos_path_key(&path, "exercises");
	if (yamlpos_find(text, len, &path, 1, &(int){0}, &(int){0}) != 0) {
		path.len = 0;
		yamlpos_path_key(&path, "presets");
		if (yamlpos_find(text, len, &path, 1, &(int){0}, &(int){0}) !=
		    0)
			path.len = 0; /* the root */
	}
	return catalog_doc_fail(doc, d, &path,
	                        "defines no exercises and no presets; "
	                        "expected a list under 'exercises:' or "
	                        "'presets:'");
}

int
catalog_check_doc(const struct catalog_doc *doc, struct diag *d)
{
	struct idmap seen = {0};
	unsigned i;
	int rc = -1;

	if (doc->exercises_count == 0 && doc->presets_count == 0)
		return fail_empty_doc(doc, d);
	if (idmap_reserve(&seen, doc->exercises_count > doc->presets_count
	                             ? doc->exercises_count
	                             : doc->presets_count)) {
		diag_set(d, doc->name, 0, 0, "out of memory");
		return -1;
	}
	for (i = 0; i < doc->exercises_count; i++)
		if (check_exercise(doc, d, i) ||
		    check_unique(doc, d, &seen, "exercises", "exercise",
		                 doc->exercises[i].id, i))
			goto out;
	idmap_free(&seen);
	for (i = 0; i < doc->presets_count; i++)
		if (check_preset(doc, d, i) ||
		    check_unique(doc, d, &seen, "presets", "preset",
		                 doc->presets[i].id, i))
			goto out;
	rc = 0;
out:
	idmap_free(&seen);
	return rc;
}
