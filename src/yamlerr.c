/* yamlerr: libcyaml's log, turned into a place and a message, and the one
 * way a validator reports a problem at a place, for every file read with a
 * schema. */
#include "yamlerr.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

void
yamlerr_log_fn(cyaml_log_t level, void *ctx, const char *fmt, va_list args)
{
	struct yamlerr_log *log = ctx;
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
		/* the innermost level is the mapping that has the problem */
		if (log->in_lines++ == 0 && strncmp(p, "in mapping (", 12) == 0)
			log->at_mapping = true;
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
load_log_path(const struct yamlerr_log *log, struct yamlpos_path *path)
{
	int i;

	path->len = 0;
	for (i = log->levels - 1; i >= 0; i--) {
		if (log->key[i][0] != '\0')
			yamlpos_path_key(path, log->key[i]);
		else if (log->index[i] >= 0) /* not an empty list's "entry 0" */
			yamlpos_path_index(path, log->index[i]);
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


/* A backtrace that ends at a field names the field, but an unknown,
 * repeated or missing key is a problem of the mapping that holds it. */
static void
to_mapping(const struct yamlerr_log *log, struct yamlpos_path *path)
{
	if (!log->at_mapping && path->len > 0 &&
	    path->key[path->len - 1] != NULL)
		path->len--;
}

/* Unknown, repeated and missing keys: names the entry and the key, at the
 * key's own place (or the entry's, for a missing key).  Returns false,
 * with path unchanged, for any other error. */
static bool
explain_key(const struct yamlerr_file *f, cyaml_err_t err,
            const struct yamlerr_log *log, struct yamlpos_path *path,
            int line, int col, struct diag *d)
{
	static const char unknown[] = "Unexpected key: ";
	static const char repeated[] = "Mapping field already seen: ";
	static const char missing[] = "Missing required mapping field: ";
	enum { UNKNOWN, REPEATED, MISSING } kind;
	char where[64], key[200];
	const char *keys, *name, *sep;

	if (err == CYAML_ERR_INVALID_KEY &&
	    strncmp(log->first, unknown, sizeof unknown - 1) == 0) {
		kind = UNKNOWN;
		name = log->first + sizeof unknown - 1;
	} else if (strncmp(log->first, repeated, sizeof repeated - 1) == 0) {
		kind = REPEATED;
		name = log->first + sizeof repeated - 1;
	} else if (err == CYAML_ERR_MAPPING_FIELD_MISSING) {
		kind = MISSING;
		name = strncmp(log->first, missing, sizeof missing - 1) == 0
		           ? log->first + sizeof missing - 1
		           : log->first;
	} else {
		return false;
	}
	to_mapping(log, path);
	f->describe(path, true, where, sizeof where, &keys);
	if (kind != MISSING) {
		/* the backtrace ends at the mapping, so the key's own line
		 * is looked up (a repeated key's second place) */
		yamlpos_path_key(path, name);
		yamlpos_find(f->text, f->len, path,
		             kind == REPEATED ? 2 : 1, &line, &col);
	} else if (path->len > 0) {
		/* point at the entry that lacks the field */
		yamlpos_find(f->text, f->len, path, 1, &line, &col);
	}
	text_escape(name, key, sizeof key);
	sep = where[0] ? ": " : "";
	if (kind == UNKNOWN)
		diag_set(d, f->name, line, col,
		         "%s%sunknown key '%s'; expected one of: %s", where,
		         sep, key, keys);
	else if (kind == REPEATED)
		diag_set(d, f->name, line, col,
		         "%s%sduplicate key '%s'; each key may appear once",
		         where, sep, key);
	else
		diag_set(d, f->name, line, col,
		         "%s%smissing required key '%s'", where, sep, key);
	return true;
}

/* A value of the wrong kind: an unknown enum word, a list where a single
 * value belongs, or whatever else libcyaml refused (what is its message,
 * escaped). */
static void
explain_value(const struct yamlerr_file *f, cyaml_err_t err,
              const struct yamlerr_log *log, struct yamlpos_path *path,
              const char *what, int line, int col, struct diag *d)
{
	const char *keys, *got;
	char where[64], key[200];
	size_t n;

	/* libcyaml gives no backtrace for the root itself */
	if (line == 0)
		yamlpos_find(f->text, f->len, path, 1, &line, &col);
	f->describe(path, false, where, sizeof where, &keys);
	if (path->len > 0 && path->key[path->len - 1] != NULL) {
		n = strlen(where);
		text_escape(path->key[path->len - 1], key, sizeof key);
		snprintf(where + n, sizeof where - n, "%skey '%s'",
		         n ? ": " : "", key);
	}
	if (strstr(log->first, "Invalid ENUM value") != NULL ||
	    err == CYAML_ERR_INVALID_VALUE) {
		const char *k = path->len > 0 ? path->key[path->len - 1] : NULL;
		const char *values = k != NULL ? f->enum_values(k) : NULL;

		if (values != NULL) {
			diag_set(d, f->name, line, col,
			         "%s: unknown value (%s); expected one of: %s",
			         where, what, values);
			return;
		}
	}
	if (strncmp(log->first, "Expecting ", 10) == 0) {
		got = strstr(log->first, "got event: ");
		diag_set(d, f->name, line, col,
		         "%s%swrong type: expected %s, found %s", where,
		         where[0] ? ": " : "", event_words(log->first + 10),
		         event_words(got != NULL ? got + 11 : ""));
		return;
	}
	if (err == CYAML_ERR_SEQUENCE_ENTRIES_MIN && f->list_words != NULL) {
		diag_set(d, f->name, line, col,
		         "%s is empty; expected one or more of: %s", where,
		         f->list_words);
		return;
	}
	diag_set(d, f->name, line, col, "%s%s%s (%s)", where,
	         where[0] ? ": " : "", what[0] ? what : f->what,
	         cyaml_strerror(err));
}

void
yamlerr_explain(const struct yamlerr_file *f, cyaml_err_t err,
                     const struct yamlerr_log *log, struct diag *d)
{
	struct yamlpos_path path;
	char what[300], msg[256];
	int line = log->line, col = log->col;

	yamlpos_fit(f->text, f->len, &line, &col);
	load_log_path(log, &path);
	text_escape(log->first, what, sizeof what);

	/* libcyaml explains no complex key; "Internal error" is all */
	if (err == CYAML_ERR_LIBYAML_PARSER || err == CYAML_ERR_ALIAS ||
	    err == CYAML_ERR_INVALID_ALIAS || err == CYAML_ERR_INTERNAL_ERROR) {
		if (yamlpos_first_problem(f->text, f->len, &line, &col, msg,
		                          sizeof msg)) {
			diag_set(d, f->name, line, col, "%s", msg);
			return;
		}
	}
	if (explain_key(f, err, log, &path, line, col, d))
		return;
	explain_value(f, err, log, &path, what, line, col, d);
}

int
yamlerr_fail(const struct yamlerr_file *f, struct diag *d,
                 const struct yamlpos_path *path, const char *fmt, ...)
{
	char msg[600];
	int line = 0, col = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (path != NULL)
		yamlpos_find(f->text, f->len, path, 1, &line, &col);
	diag_set(d, f->name, line, col, "%s", msg);
	return -1;
}
