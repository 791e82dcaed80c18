/* catalog: libcyaml schema, loading, validation and merging by id. */
#include "catalog.h"

#include <ctype.h>
#include <cyaml/cyaml.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "duration.h"
#include "text.h"
#include "timeline.h"
#include "yamlpos.h"

/* One loaded file: what libcyaml built, plus the text for error places. */
struct catalog_doc {
	struct exercise *exercises;
	unsigned exercises_count;
	struct preset *presets;
	unsigned presets_count;

	char *name;
	unsigned char *data; /* the file's bytes; NULL when not ours */
	const unsigned char *text;
	size_t len;
	struct arena *arena; /* what libcyaml allocated from */
	bool is_static;      /* built-in C data: nothing to free inside */
};

enum { ID_MAX = 40, NAME_MAX_COLS = 60, TEXT_MAX = 400, LIST_MAX = 20 };

/* ---- schema ---------------------------------------------------------- */

static const cyaml_strval_t kind_strings[] = {
	{"warmup", KIND_WARMUP}, {"stretch", KIND_STRETCH},
	{"strength", KIND_STRENGTH}, {"yoga", KIND_YOGA},
	{"posture", KIND_POSTURE},
};

static const cyaml_strval_t position_strings[] = {
	{"seated", POSITION_SEATED}, {"standing", POSITION_STANDING},
	{"floor", POSITION_FLOOR}, {"any", POSITION_ANY},
};

static const cyaml_strval_t sides_strings[] = {
	{"none", SIDES_NONE}, {"each", SIDES_EACH},
	{"alternate", SIDES_ALTERNATE},
};

static const cyaml_schema_value_t string_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 0, CYAML_UNLIMITED),
};

#define OPTIONAL_STRING(key, type, member)                                  \
	CYAML_FIELD_STRING_PTR(key, CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, \
	                       type, member, 0, CYAML_UNLIMITED)

/* The timing keys, shared by exercises and preset items; read as text and
 * parsed strictly by the validator. */
#define TIMING_FIELDS(type)                                                 \
	OPTIONAL_STRING("time", type, text.time),     /* continuous */       \
	OPTIONAL_STRING("hold", type, text.hold),     /* per rep */          \
	OPTIONAL_STRING("breaths", type, text.breaths),                      \
	OPTIONAL_STRING("reps", type, text.reps),     /* per set/side */     \
	OPTIONAL_STRING("tempo", type, text.tempo),   /* 0: self-paced */    \
	OPTIONAL_STRING("sets", type, text.sets),                            \
	OPTIONAL_STRING("rest", type, text.rest)      /* between sets */

static const cyaml_schema_field_t exercise_fields[] = {
	CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_POINTER, struct exercise, id,
	                       0, CYAML_UNLIMITED),
	CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER, struct exercise,
	                       name, 0, CYAML_UNLIMITED),
	CYAML_FIELD_ENUM("kind", CYAML_FLAG_STRICT, struct exercise, kind,
	                 kind_strings, CYAML_ARRAY_LEN(kind_strings)),
	CYAML_FIELD_ENUM("position", CYAML_FLAG_STRICT, struct exercise,
	                 position, position_strings,
	                 CYAML_ARRAY_LEN(position_strings)),
	/* equipment ids such as dumbbell or wall; [] or absent for none */
	CYAML_FIELD_SEQUENCE("equipment",
	                     CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                     struct exercise, equipment, &string_entry, 0,
	                     CYAML_UNLIMITED),
	/* none when absent */
	CYAML_FIELD_ENUM("sides", CYAML_FLAG_STRICT | CYAML_FLAG_OPTIONAL,
	                 struct exercise, sides, sides_strings,
	                 CYAML_ARRAY_LEN(sides_strings)),
	TIMING_FIELDS(struct exercise),
	/* how to do it, one instruction per entry */
	CYAML_FIELD_SEQUENCE("steps", CYAML_FLAG_POINTER, struct exercise,
	                     steps, &string_entry, 0, CYAML_UNLIMITED),
	/* short reminders shown during the move */
	CYAML_FIELD_SEQUENCE("cues", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                     struct exercise, cues, &string_entry, 0,
	                     CYAML_UNLIMITED),
	OPTIONAL_STRING("caution", struct exercise, caution),
	OPTIONAL_STRING("source", struct exercise, source),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t item_fields[] = {
	CYAML_FIELD_STRING_PTR("exercise", CYAML_FLAG_POINTER,
	                       struct preset_item, exercise, 0,
	                       CYAML_UNLIMITED),
	CYAML_FIELD_ENUM("sides", CYAML_FLAG_STRICT | CYAML_FLAG_OPTIONAL,
	                 struct preset_item, sides, sides_strings,
	                 CYAML_ARRAY_LEN(sides_strings)),
	TIMING_FIELDS(struct preset_item),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t item_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct preset_item,
	                    item_fields),
};

static const cyaml_schema_field_t preset_fields[] = {
	CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_POINTER, struct preset, id, 0,
	                       CYAML_UNLIMITED),
	CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER, struct preset, name,
	                       0, CYAML_UNLIMITED),
	OPTIONAL_STRING("summary", struct preset, summary),
	CYAML_FIELD_SEQUENCE("items", CYAML_FLAG_POINTER, struct preset,
	                     items, &item_entry, 0, CYAML_UNLIMITED),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t exercise_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct exercise,
	                    exercise_fields),
};

static const cyaml_schema_value_t preset_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct preset, preset_fields),
};

static const cyaml_schema_field_t doc_fields[] = {
	CYAML_FIELD_SEQUENCE("exercises",
	                     CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                     struct catalog_doc, exercises, &exercise_entry, 0,
	                     CYAML_UNLIMITED),
	CYAML_FIELD_SEQUENCE("presets",
	                     CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                     struct catalog_doc, presets, &preset_entry, 0,
	                     CYAML_UNLIMITED),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t doc_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct catalog_doc,
	                    doc_fields),
};

/* Keys listed in "unknown key" messages, by where the key was found. */
static const char top_keys[] = "exercises, presets";
static const char exercise_keys[] =
    "id, name, kind, position, equipment, sides, time, hold, breaths, "
    "reps, tempo, sets, rest, steps, cues, caution, source";
static const char preset_keys[] = "id, name, summary, items";
static const char item_keys[] =
    "exercise, sides, time, hold, breaths, reps, tempo, sets, rest";

/* ---- libcyaml's log, turned into a place and a message --------------- */

/* libcyaml logs an error line, then "Backtrace:" and one line per level,
 * innermost first, each with a line and column. */
struct load_log {
	char first[256];
	int line, col;
	int levels;
	char key[YAMLPOS_DEPTH_MAX][64]; /* innermost first; "" = index */
	long index[YAMLPOS_DEPTH_MAX];
};

static void
load_log_fn(cyaml_log_t level, void *ctx, const char *fmt, va_list args)
    __attribute__((format(printf, 3, 0)));

static void
load_log_fn(cyaml_log_t level, void *ctx, const char *fmt, va_list args)
{
	struct load_log *log = ctx;
	char line[512], *p, *q;
	int l, c;

	if (level < CYAML_LOG_ERROR)
		return;
	vsnprintf(line, sizeof line, fmt, args);
	line[strcspn(line, "\n")] = '\0';
	p = line;
	if (strncmp(p, "Load: ", 6) == 0)
		p += 6;
	while (*p == ' ')
		p++;
	if (strncmp(p, "Backtrace:", 10) == 0)
		return;
	if (strncmp(p, "in ", 3) == 0) {
		q = strstr(p, "(line: ");
		if (log->line == 0 && q != NULL &&
		    sscanf(q, "(line: %d, column: %d)", &l, &c) == 2) {
			log->line = l;
			log->col = c;
		}
		if (log->levels >= YAMLPOS_DEPTH_MAX)
			return;
		if (sscanf(p, "in mapping field '%63[^']'",
		           log->key[log->levels]) == 1) {
			log->index[log->levels++] = -1;
		} else if (sscanf(p, "in sequence entry '%ld'",
		                  &log->index[log->levels]) == 1) {
			log->key[log->levels][0] = '\0';
			log->index[log->levels++]--; /* libcyaml counts from 1 */
		}
		return;
	}
	if (log->first[0] == '\0')
		snprintf(log->first, sizeof log->first, "%s", p);
}

/* The path of the failing node, outermost first. */
static void
load_log_path(const struct load_log *log, struct yamlpos_path *path)
{
	int i;

	path->len = 0;
	for (i = log->levels - 1; i >= 0; i--) {
		if (log->key[i][0] != '\0')
			yamlpos_path_key(path, log->key[i]);
		else
			yamlpos_path_index(path, log->index[i]);
	}
}

/* "exercise 3" / "preset 2, item 4" for a path, to name the entry. */
static void
describe_path(const struct yamlpos_path *p, char *buf, size_t size,
              const char **keys)
{
	*keys = top_keys;
	buf[0] = '\0';
	if (p->len >= 2 && p->key[0] != NULL && p->key[1] == NULL) {
		bool ex = strcmp(p->key[0], "exercises") == 0;

		snprintf(buf, size, "%s %ld", ex ? "exercise" : "preset",
		         p->index[1] + 1);
		*keys = ex ? exercise_keys : preset_keys;
		if (!ex && p->len >= 4 && p->key[2] != NULL &&
		    strcmp(p->key[2], "items") == 0 && p->key[3] == NULL) {
			size_t n = strlen(buf);

			snprintf(buf + n, size - n, ", item %ld",
			         p->index[3] + 1);
			*keys = item_keys;
		}
	}
}

/* libcyaml names YAML events; people think in lists and values. */
static const char *
event_words(const char *s)
{
	if (strncmp(s, "SEQUENCE", 8) == 0)
		return "a list";
	if (strncmp(s, "MAPPING", 7) == 0)
		return "a mapping (key: value lines)";
	if (strncmp(s, "STRING", 6) == 0 || strncmp(s, "SCALAR", 6) == 0 ||
	    strncmp(s, "ENUM", 4) == 0)
		return "a single value";
	return "something else";
}

/* Turns a failed cyaml_load_data into a message with a place. */
static void
explain_load_error(const struct catalog_doc *doc, cyaml_err_t err,
                   const struct load_log *log, struct diag *d)
{
	struct yamlpos_path path;
	char where[64], what[300], key[200], msg[256];
	const char *keys;
	int line = log->line, col = log->col;
	size_t n;

	yamlpos_fit(doc->text, doc->len, &line, &col);

	load_log_path(log, &path);
	text_escape(log->first, what, sizeof what);

	/* libcyaml explains no complex key; "Internal error" is all */
	if (err == CYAML_ERR_LIBYAML_PARSER || err == CYAML_ERR_ALIAS ||
	    err == CYAML_ERR_INVALID_ALIAS || err == CYAML_ERR_INTERNAL_ERROR) {
		if (yamlpos_first_problem(doc->text, doc->len, &line, &col, msg,
		                          sizeof msg)) {
			diag_set(d, doc->name, line, col, "%s", msg);
			return;
		}
	}
	if (err == CYAML_ERR_INVALID_KEY &&
	    strncmp(log->first, "Unexpected key: ", 16) == 0) {
		const char *bad = log->first + 16;

		/* the backtrace ends at the mapping, so the key's own line
		 * is looked up */
		if (path.len > 0 && path.key[path.len - 1] != NULL)
			path.len--; /* backtrace named a field, not the map */
		describe_path(&path, where, sizeof where, &keys);
		yamlpos_path_key(&path, bad);
		yamlpos_find(doc->text, doc->len, &path, 1, &line, &col);
		text_escape(bad, key, sizeof key);
		diag_set(d, doc->name, line, col,
		         "%s%sunknown key '%s'; expected one of: %s", where,
		         where[0] ? ": " : "", key, keys);
		return;
	}
	if (strncmp(log->first, "Mapping field already seen: ", 28) == 0) {
		const char *dup = log->first + 28;

		if (path.len > 0 && path.key[path.len - 1] != NULL)
			path.len--;
		describe_path(&path, where, sizeof where, &keys);
		yamlpos_path_key(&path, dup);
		yamlpos_find(doc->text, doc->len, &path, 2, &line, &col);
		text_escape(dup, key, sizeof key);
		diag_set(d, doc->name, line, col,
		         "%s%sduplicate key '%s'; each key may appear once",
		         where, where[0] ? ": " : "", key);
		return;
	}
	if (err == CYAML_ERR_MAPPING_FIELD_MISSING) {
		/* point at the entry that lacks the field */
		if (path.len > 0 && path.key[path.len - 1] != NULL)
			path.len--;
		describe_path(&path, where, sizeof where, &keys);
		if (path.len > 0)
			yamlpos_find(doc->text, doc->len, &path, 1, &line,
			             &col);
		n = strlen("Missing required mapping field: ");
		text_escape(strncmp(log->first,
		                    "Missing required mapping field: ", n) == 0
		                ? log->first + n
		                : log->first,
		            key, sizeof key);
		diag_set(d, doc->name, line, col, "%s%smissing required key '%s'",
		         where, where[0] ? ": " : "", key);
		return;
	}
	/* libcyaml gives no backtrace for the root itself */
	if (line == 0)
		yamlpos_find(doc->text, doc->len, &path, 1, &line, &col);
	describe_path(&path, where, sizeof where, &keys);
	if (path.len > 0 && path.key[path.len - 1] != NULL) {
		n = strlen(where);
		text_escape(path.key[path.len - 1], key, sizeof key);
		snprintf(where + n, sizeof where - n, "%skey '%s'",
		         n ? ": " : "", key);
	}
	if (strstr(log->first, "Invalid ENUM value") != NULL ||
	    err == CYAML_ERR_INVALID_VALUE) {
		const char *values = NULL;
		const char *k = path.len > 0 ? path.key[path.len - 1] : NULL;

		if (k != NULL && strcmp(k, "kind") == 0)
			values = "warmup, stretch, strength, yoga, posture";
		else if (k != NULL && strcmp(k, "position") == 0)
			values = "seated, standing, floor, any";
		else if (k != NULL && strcmp(k, "sides") == 0)
			values = "none, each, alternate";
		if (values != NULL) {
			diag_set(d, doc->name, line, col,
			         "%s: unknown value (%s); expected one of: %s",
			         where, what, values);
			return;
		}
	}
	if (strncmp(log->first, "Expecting ", 10) == 0) {
		diag_set(d, doc->name, line, col,
		         "%s%swrong type: expected %s, found %s", where,
		         where[0] ? ": " : "", event_words(log->first + 10),
		         event_words(strstr(log->first, "got event: ")
		                         ? strstr(log->first, "got event: ") + 11
		                         : ""));
		return;
	}
	diag_set(d, doc->name, line, col, "%s%s%s (%s)", where,
	         where[0] ? ": " : "", what[0] ? what : "invalid catalog",
	         cyaml_strerror(err));
}

/* ---- validation of one file ------------------------------------------ */

/* Sets the diag for a problem at path (ending in key, or at the entry). */
static int
doc_fail(const struct catalog_doc *doc, struct diag *d,
         const struct yamlpos_path *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
doc_fail(const struct catalog_doc *doc, struct diag *d,
         const struct yamlpos_path *path, const char *fmt, ...)
{
	char msg[600];
	int line = 0, col = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (path != NULL)
		yamlpos_find(doc->text, doc->len, path, 1, &line, &col);
	diag_set(d, doc->name, line, col, "%s", msg);
	return -1;
}

static bool
id_is_valid(const char *id)
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

/* Checks one text value: clean, not empty, not too long. */
static int
check_text(const struct catalog_doc *doc, struct diag *d,
           const struct yamlpos_path *path, const char *what,
           const char *key, const char *s, size_t max_cols)
{
	char shown[120];

	/* escaping costs more than the checks: only for a message */
	if (!text_is_clean(s)) {
		text_escape(s, shown, sizeof shown);
		return doc_fail(doc, d, path,
		                "%s: %s contains control characters or invalid "
		                "UTF-8 (\"%s\"); plain text expected",
		                what, key, shown);
	}
	if (s[0] == '\0')
		return doc_fail(doc, d, path, "%s: %s is empty", what, key);
	/* a column takes at least one byte: only long texts need measuring */
	if (strlen(s) > max_cols && text_columns(s) > max_cols)
		return doc_fail(doc, d, path,
		                "%s: %s is longer than %zu characters", what,
		                key, max_cols);
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
		return doc_fail(doc, d, path, "%s: %s has more than %d entries",
		                what, key, LIST_MAX);
	for (i = 0; i < count; i++) {
		yamlpos_path_index(path, i);
		if (id_like && !id_is_valid(list[i])) {
			text_escape(list[i], shown, sizeof shown);
			return doc_fail(doc, d, path,
			                "%s: %s entry \"%s\" must be a word of "
			                "a-z, 0-9 and - (like dumbbell)",
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
			return doc_fail(
			    doc, d, path, "%s: %s: '%s' is not %s", what,
			    keys[i].key, shown,
			    keys[i].is_duration
			        ? "a duration; expected whole seconds written "
			          "30, 30s, 2m or 1m30s"
			        : "a count; expected a whole number such as 10");
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

static int
check_exercise(const struct catalog_doc *doc, struct diag *d, long i)
{
	struct exercise *ex = &doc->exercises[i];
	struct yamlpos_path path = {0};
	const char *why, *key;
	char what[120], shown[80];

	yamlpos_path_key(&path, "exercises");
	yamlpos_path_index(&path, i);
	text_escape(ex->id, shown, sizeof shown);
	if (!id_is_valid(ex->id)) {
		yamlpos_path_key(&path, "id");
		return doc_fail(doc, d, &path,
		                "exercise %ld: id \"%s\" must be 1-%d characters "
		                "of a-z, 0-9 and - (like scapular-squeeze)",
		                i + 1, shown, ID_MAX);
	}
	snprintf(what, sizeof what, "exercise '%s'", ex->id);

#define TEXT(key_, s, max)                                                  \
	do {                                                                 \
		yamlpos_path_key(&path, key_);                               \
		if (check_text(doc, d, &path, what, key_, s, max))           \
			return -1;                                           \
		path.len--;                                                  \
	} while (0)
#define LIST(key_, list, count, id_like)                                    \
	do {                                                                 \
		yamlpos_path_key(&path, key_);                               \
		if (check_text_list(doc, d, &path, what, key_, list, count,  \
		                    id_like))                                \
			return -1;                                           \
		path.len--;                                                  \
	} while (0)

	TEXT("name", ex->name, NAME_MAX_COLS);
	if (ex->steps_count == 0) {
		yamlpos_path_key(&path, "steps");
		return doc_fail(doc, d, &path,
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

	if (parse_params(doc, d, &path, what, &ex->text, ex->sides,
	                 &ex->params))
		return -1;
	if (timing_resolve(&ex->params, &ex->timing, &why, &key)) {
		yamlpos_path_key(&path, key);
		if (yamlpos_find(doc->text, doc->len, &path, 1, &(int){0},
		                 &(int){0}) != 0)
			path.len--; /* the key is absent: point at the entry */
		return doc_fail(doc, d, &path, "%s %s", what, why);
	}
	ex->doc = doc;
	ex->index = i;
	return 0;
}

static int
check_preset(const struct catalog_doc *doc, struct diag *d, long i)
{
	struct preset *p = &doc->presets[i];
	struct yamlpos_path path = {0};
	char what[160], shown[80];
	unsigned j;

	yamlpos_path_key(&path, "presets");
	yamlpos_path_index(&path, i);
	text_escape(p->id, shown, sizeof shown);
	if (!id_is_valid(p->id)) {
		yamlpos_path_key(&path, "id");
		return doc_fail(doc, d, &path,
		                "preset %ld: id \"%s\" must be 1-%d characters "
		                "of a-z, 0-9 and - (like desk-break)",
		                i + 1, shown, ID_MAX);
	}
	snprintf(what, sizeof what, "preset '%s'", p->id);
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
		return doc_fail(doc, d, &path,
		                "%s: items is empty; a preset needs at least one "
		                "exercise",
		                what);
	for (j = 0; j < p->items_count; j++) {
		struct preset_item *it = &p->items[j];
		char item_what[200];

		yamlpos_path_index(&path, j);
		snprintf(item_what, sizeof item_what, "%s, item %u", what,
		         j + 1);
		if (!id_is_valid(it->exercise)) {
			text_escape(it->exercise, shown, sizeof shown);
			yamlpos_path_key(&path, "exercise");
			return doc_fail(doc, d, &path,
			                "%s: exercise \"%s\" is not an exercise "
			                "id (a-z, 0-9 and -)",
			                item_what, shown);
		}
		if (parse_params(doc, d, &path, item_what, &it->text,
		                 it->sides, &it->params))
			return -1;
		path.len--;
	}
	p->doc = doc;
	p->index = i;
	return 0;
}

static int
check_doc(const struct catalog_doc *doc, struct diag *d)
{
	struct yamlpos_path path = {0};
	struct idmap seen = {0};
	size_t j;
	unsigned i;
	char shown[80];
	int rc = -1;

	if (doc->exercises_count == 0 && doc->presets_count == 0) {
		/* point at the empty list, or at the empty mapping */
		yamlpos_path_key(&path, "exercises");
		if (yamlpos_find(doc->text, doc->len, &path, 1, &(int){0},
		                 &(int){0}) != 0) {
			path.len = 0;
			yamlpos_path_key(&path, "presets");
			if (yamlpos_find(doc->text, doc->len, &path, 1,
			                 &(int){0}, &(int){0}) != 0)
				path.len = 0; /* the root */
		}
		return doc_fail(doc, d, &path,
		                "defines no exercises and no presets; expected "
		                "a list under 'exercises:' or 'presets:'");
	}
	for (i = 0; i < doc->exercises_count; i++) {
		if (check_exercise(doc, d, i))
			goto out;
		switch (idmap_put(&seen, doc->exercises[i].id, i, &j)) {
		case -1:
			diag_set(d, doc->name, 0, 0, "out of memory");
			goto out;
		case 1:
			text_escape(doc->exercises[i].id, shown, sizeof shown);
			yamlpos_path_key(&path, "exercises");
			yamlpos_path_index(&path, i);
			yamlpos_path_key(&path, "id");
			doc_fail(doc, d, &path,
			         "exercise '%s' is defined twice in this file "
			         "(also exercise %zu); ids must be unique",
			         shown, j + 1);
			goto out;
		}
	}
	idmap_free(&seen);
	for (i = 0; i < doc->presets_count; i++) {
		if (check_preset(doc, d, i))
			goto out;
		switch (idmap_put(&seen, doc->presets[i].id, i, &j)) {
		case -1:
			diag_set(d, doc->name, 0, 0, "out of memory");
			goto out;
		case 1:
			text_escape(doc->presets[i].id, shown, sizeof shown);
			yamlpos_path_key(&path, "presets");
			yamlpos_path_index(&path, i);
			yamlpos_path_key(&path, "id");
			doc_fail(doc, d, &path,
			         "preset '%s' is defined twice in this file (also "
			         "preset %zu); ids must be unique",
			         shown, j + 1);
			goto out;
		}
	}
	rc = 0;
out:
	idmap_free(&seen);
	return rc;
}

/* ---- loading and merging ---------------------------------------------- */

static const cyaml_config_t *
load_config(struct load_log *log, struct arena *arena)
{
	static cyaml_config_t cfg;

	cfg.log_fn = load_log_fn;
	cfg.log_ctx = log;
	cfg.mem_fn = arena_mem;
	cfg.mem_ctx = arena;
	cfg.log_level = CYAML_LOG_ERROR;
	/* aliases can blow a small file up into gigabytes */
	cfg.flags = CYAML_CFG_NO_ALIAS;
	return &cfg;
}

static void
doc_free(struct catalog_doc *doc)
{
	struct load_log log;
	char *name;
	unsigned char *data;
	struct arena *arena;

	if (doc == NULL)
		return;
	name = doc->name;
	data = doc->data;
	arena = doc->arena;
	if (doc->is_static)
		free(doc);
	else
		cyaml_free(load_config(&log, arena), &doc_schema, doc, 0);
	arena_free(arena);
	free(name);
	free(data);
}

/* Replaces the entry with the same id, or appends; the array grows by
 * doubling so that merging stays linear. */
static int
merge_entry(void ***arr, size_t *count, struct idmap *ids, void *item,
            const char *id)
{
	size_t at;
	void **grown;

	if (idmap_get(ids, id, &at)) {
		(*arr)[at] = item;
		return idmap_put(ids, id, at, NULL) < 0 ? -1 : 0;
	}
	if ((*count & (*count - 1)) == 0) { /* 0, 1, 2, 4, 8, ... */
		grown = realloc(*arr, (*count ? *count * 2 : 1) * sizeof *grown);
		if (grown == NULL)
			return -1;
		*arr = grown;
	}
	if (idmap_put(ids, id, *count, NULL) < 0)
		return -1;
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
		doc_free(cat->docs[i]);
	free(cat->docs);
	free(cat->exercises);
	free(cat->presets);
	idmap_free(&cat->exercise_ids);
	idmap_free(&cat->preset_ids);
	catalog_init(cat);
}

/* libcyaml reads only the first document and cuts strings at a NUL, so
 * a file that could hold a second document (a document marker after the
 * first content) or a NUL (a backslash escape) is scanned once more. */
static bool
needs_recheck(const unsigned char *s, size_t len)
{
	const unsigned char *line = s, *end = s + len, *nl;
	bool content = false;
	size_t n, i;

	if (len == 0)
		return false;
	if (memchr(s, '\\', len) != NULL)
		return true;
	while (line < end) {
		nl = memchr(line, '\n', (size_t)(end - line));
		n = nl != NULL ? (size_t)(nl - line) : (size_t)(end - line);
		if (n >= 3 &&
		    (memcmp(line, "---", 3) == 0 || memcmp(line, "...", 3) == 0) &&
		    (n == 3 || line[3] == ' ' || line[3] == '\t' ||
		     line[3] == '\r')) {
			if (content)
				return true;
			content = true;
		} else if (n > 0 && line[0] != '%') {
			for (i = 0; i < n && (line[i] == ' ' || line[i] == '\t' ||
			                      line[i] == '\r');
			     i++)
				;
			if (i < n && line[i] != '#')
				content = true;
		}
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	return false;
}

/* Adds a checked file's entries to the catalog, replacing by id. */
static int
merge_doc(struct catalog *cat, struct catalog_doc *doc, struct diag *d)
{
	struct catalog_doc **docs;
	size_t i;

	docs = realloc(cat->docs, (cat->docs_count + 1) * sizeof *docs);
	if (docs == NULL) {
		diag_set(d, doc->name, 0, 0, "out of memory");
		doc_free(doc);
		return -1;
	}
	cat->docs = docs;
	/* from here the catalog may point into the file: it stays */
	cat->docs[cat->docs_count++] = doc;
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

/* Takes ownership of owned_data (may be NULL when data is static). */
static int
add_doc(struct catalog *cat, const char *name, const unsigned char *data,
        size_t len, unsigned char *owned_data, struct diag *d)
{
	struct catalog_doc *doc = NULL;
	struct arena *arena = NULL;
	struct load_log log;
	cyaml_err_t err;

	memset(&log, 0, sizeof log);
	if (len > CATALOG_FILE_MAX) {
		diag_set(d, name, 0, 0,
		         "file is larger than 16 MiB; catalogs are small text "
		         "files");
		goto fail;
	}
	arena = arena_new();
	if (arena == NULL) {
		diag_set(d, name, 0, 0, "out of memory");
		goto fail;
	}
	err = cyaml_load_data(data, len, load_config(&log, arena), &doc_schema,
	                      (cyaml_data_t **)&doc, NULL);
	if (doc != NULL) {
		doc->arena = arena; /* doc_free() frees it from now on */
		arena = NULL;
	}
	if (err != CYAML_OK) {
		struct catalog_doc tmp = {.text = data, .len = len};

		tmp.name = (char *)name;
		explain_load_error(&tmp, err, &log, d);
		goto fail;
	}
	if (needs_recheck(data, len)) {
		char msg[256];
		int line, col;

		if (yamlpos_first_problem(data, len, &line, &col, msg,
		                          sizeof msg)) {
			diag_set(d, name, line, col, "%s", msg);
			goto fail;
		}
	}
	if (doc == NULL) {
		diag_set(d, name, 0, 0,
		         "file is empty; expected a mapping with 'exercises:' "
		         "and/or 'presets:'");
		goto fail;
	}
	doc->name = strdup(name);
	doc->data = owned_data;
	owned_data = NULL;
	doc->text = data;
	doc->len = len;
	if (doc->name == NULL) {
		diag_set(d, name, 0, 0, "out of memory");
		goto fail;
	}
	if (check_doc(doc, d))
		goto fail;
	return merge_doc(cat, doc, d);
fail:
	doc_free(doc);
	arena_free(arena);
	free(owned_data);
	return -1;
}

int
catalog_add_static(struct catalog *cat, const char *name,
                   struct exercise *exercises, size_t exercises_count,
                   struct preset *presets, size_t presets_count,
                   const unsigned char *text, size_t len, struct diag *d)
{
	struct catalog_doc *doc = calloc(1, sizeof *doc);
	size_t i;

	if (doc == NULL || (doc->name = strdup(name)) == NULL) {
		free(doc);
		diag_set(d, name, 0, 0, "out of memory");
		return -1;
	}
	/* The arrays are shared by every catalog made in this process;
	 * catalog_finish() resolves their items again each time, so each
	 * catalog sees its own merge. */
	doc->is_static = true;
	doc->exercises = exercises;
	doc->exercises_count = (unsigned)exercises_count;
	doc->presets = presets;
	doc->presets_count = (unsigned)presets_count;
	doc->text = text;
	doc->len = len;
	for (i = 0; i < exercises_count; i++)
		exercises[i].doc = doc;
	for (i = 0; i < presets_count; i++)
		presets[i].doc = doc;
	return merge_doc(cat, doc, d);
}

int
catalog_add_data(struct catalog *cat, const char *name,
                 const unsigned char *data, size_t len, struct diag *d)
{
	return add_doc(cat, name, data, len, NULL, d);
}

int
catalog_add_file(struct catalog *cat, const char *path, struct diag *d)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	ssize_t got;
	struct stat st;
	int fd;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		diag_set(d, path, 0, 0, "cannot read: %s", strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_set(d, path, 0, 0, "%s",
		         S_ISDIR(st.st_mode)
		             ? "is a directory; expected a YAML file"
		             : "is not a regular file; expected a YAML file");
		goto fail;
	}
	if (st.st_size > CATALOG_FILE_MAX) {
		diag_set(d, path, 0, 0,
		         "file is larger than 16 MiB (%lld bytes); catalogs "
		         "are small text files",
		         (long long)st.st_size);
		goto fail;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (buf == NULL) {
		diag_set(d, path, 0, 0, "out of memory");
		goto fail;
	}
	/* read what is there, never more than the limit, even if the file
	 * grows while we read */
	while (len <= (size_t)st.st_size) {
		got = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			diag_set(d, path, 0, 0, "cannot read: %s",
			         strerror(errno));
			goto fail;
		}
		if (got == 0)
			break;
		len += (size_t)got;
	}
	close(fd);
	return add_doc(cat, path, buf, len, buf, d);
fail:
	free(buf);
	close(fd);
	return -1;
}

/* catalog.d holds visible *.yaml files. */
static int
is_catalog_file(const struct dirent *de)
{
	size_t n = strlen(de->d_name);

	return de->d_name[0] != '.' && n > 5 &&
	       strcmp(de->d_name + n - 5, ".yaml") == 0;
}

/* Byte order, not alphasort()'s locale order: the same in every locale. */
static int
name_order(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int
catalog_add_dir(struct catalog *cat, const char *dir, struct diag *d)
{
	struct dirent **names;
	char path[4096];
	int count, i, rc = 0;

	count = scandir(dir, &names, is_catalog_file, name_order);
	if (count < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		diag_set(d, dir, 0, 0, "cannot read directory: %s",
		         strerror(errno));
		return -1;
	}
	for (i = 0; i < count; i++) {
		if (rc == 0) {
			if ((size_t)snprintf(path, sizeof path, "%s/%s", dir,
			                     names[i]->d_name) >= sizeof path) {
				char shown[120];

				text_escape(names[i]->d_name, shown,
				            sizeof shown);
				diag_set(d, dir, 0, 0, "file name too long: %s",
				         shown);
				rc = -1;
			} else {
				rc = catalog_add_file(cat, path, d);
			}
		}
		free(names[i]);
	}
	free(names);
	return rc;
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

int
catalog_finish(struct catalog *cat, struct diag *d)
{
	struct timeline_options opt;
	size_t i;
	unsigned j;

	timeline_options_default(&opt);
	for (i = 0; i < cat->presets_count; i++) {
		struct preset *p = cat->presets[i];
		struct yamlpos_path path = {0};
		char shown[80], what[160];
		long long min = 0; /* a million items of 10^8 s still fit */
		long total;
		uint64_t ms;

		text_escape(p->id, shown, sizeof shown);
		snprintf(what, sizeof what, "preset '%s'", shown);
		yamlpos_path_key(&path, "presets");
		yamlpos_path_index(&path, p->index);
		yamlpos_path_key(&path, "items");
		for (j = 0; j < p->items_count; j++) {
			struct preset_item *it = &p->items[j];
			struct params merged;
			const char *why, *key;
			const char *hint;

			yamlpos_path_index(&path, j);
			it->ex = catalog_exercise(cat, it->exercise);
			if (it->ex == NULL) {
				text_escape(it->exercise, shown, sizeof shown);
				hint = catalog_suggest_exercise(cat,
				                                it->exercise);
				yamlpos_path_key(&path, "exercise");
				return doc_fail(
				    p->doc, d, &path,
				    "%s, item %u: unknown exercise '%s'%s%s%s",
				    what, j + 1, shown,
				    hint ? " (did you mean '" : "",
				    hint ? hint : "", hint ? "'?)" : "");
			}
			merged = it->ex->params;
			params_override(&merged, &it->params);
			if (timing_resolve(&merged, &it->timing, &why, &key)) {
				return doc_fail(p->doc, d, &path,
				                "%s, item %u (%s) %s", what, j + 1,
				                it->ex->id, why);
			}
			min += move_min_s(&it->timing, &opt);
			path.len--;
		}
		path.len--;
		if (min > TIMING_PRESET_MAX_S)
			return doc_fail(p->doc, d, &path,
			                "%s lasts at least %lld:%02lld:%02lld, over "
			                "the 4 hour limit for a preset",
			                what, min / 3600, min / 60 % 60, min % 60);
		ms = timeline_preset_ms(p, &opt);
		if (ms == 0) {
			diag_set(d, p->doc->name, 0, 0, "out of memory");
			return -1;
		}
		total = (long)(ms / 1000);
		if (total > TIMING_PRESET_MAX_S)
			return doc_fail(p->doc, d, &path,
			                "%s lasts %ld:%02ld:%02ld, over the 4 hour "
			                "limit for a preset",
			                what, total / 3600, total / 60 % 60,
			                total % 60);
	}
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

/* The closest of a list of strings, if it is close enough to be a typo. */
static const char *
closest(const char *name, const char *(*get)(const void *, size_t),
        const void *list, size_t count)
{
	const char *best = NULL;
	int best_d = 99, dist, limit;
	size_t i;

	limit = strlen(name) <= 4 ? 1 : (int)strlen(name) / 3 + 1;
	for (i = 0; i < count; i++) {
		dist = text_distance(name, get(list, i));
		if (dist < best_d) {
			best_d = dist;
			best = get(list, i);
		}
	}
	return best_d <= limit ? best : NULL;
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
	const char *s = closest(name, preset_id_at, cat->presets,
	                        cat->presets_count);

	return s != NULL ? s
	                 : closest(name, preset_name_at, cat->presets,
	                           cat->presets_count);
}

const char *
catalog_suggest_exercise(const struct catalog *cat, const char *name)
{
	return closest(name, exercise_id_at, cat->exercises,
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

const char *
exercise_kind_name(enum exercise_kind k)
{
	return k < CYAML_ARRAY_LEN(kind_strings) ? kind_strings[k].str : "?";
}

const char *
position_name(enum position p)
{
	return p < CYAML_ARRAY_LEN(position_strings) ? position_strings[p].str
	                                             : "?";
}

const char *
sides_name(enum sides s)
{
	return s >= SIDES_NONE && s <= SIDES_ALTERNATE
	           ? sides_strings[s - SIDES_NONE].str
	           : "none";
}
