/* catalog_load: files and directories read into memory, loaded with
 * libcyaml from an arena, checked, and handed to the merge. */
#include "catalog_load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "catalog_explain.h"
#include "catalog_merge.h"
#include "catalog_validate.h"
#include "text.h"
#include "yamlpos.h"

static const cyaml_config_t *
load_config(struct yamlerr_log *log, struct arena *arena)
{
	static cyaml_config_t cfg;

	cfg.log_fn = yamlerr_log_fn;
	cfg.log_ctx = log;
	cfg.mem_fn = arena_mem;
	cfg.mem_ctx = arena;
	cfg.log_level = CYAML_LOG_ERROR;
	/* aliases can blow a small file up into gigabytes */
	cfg.flags = CYAML_CFG_NO_ALIAS;
	return &cfg;
}

/* Every block libcyaml made for a file is in the file's arena (the doc
 * too), so freeing the arena frees them all without cyaml_free()'s walk
 * over the whole tree. */
_Static_assert(alignof(struct catalog_doc) <= ARENA_ALIGN &&
                   alignof(struct exercise) <= ARENA_ALIGN &&
                   alignof(struct preset) <= ARENA_ALIGN &&
                   alignof(struct preset_item) <= ARENA_ALIGN &&
                   alignof(struct figure) <= ARENA_ALIGN,
               "the arena's blocks are aligned for the catalog's structs");

void
catalog_doc_free(struct catalog_doc *doc)
{
	char *name;
	unsigned char *data;
	struct arena *arena;

	if (doc == NULL)
		return;
	name = doc->name;
	data = doc->data;
	arena = doc->arena;
	if (doc->has_fd)
		close(doc->fd);
	if (doc->is_static)
		free(doc);
	arena_free(arena);
	free(name);
	free(data);
}

/* Whether the text has an escape that libyaml reads as a NUL: \0, \x00,
 * \u0000 or \U00000000 (raw NUL bytes are refused by libyaml itself).
 * Only double-quoted strings have escapes, but a backslash anywhere else
 * (as in the figures' \o/) is only a false alarm for an escaped one. */
static bool
has_nul_escape(const unsigned char *s, size_t len)
{
	static const char zeros[] = "00000000";
	const unsigned char *p = s, *end = s + len;
	size_t need;

	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		if (++p == end)
			break;
		switch (*p) {
		case '0':
			return true;
		case 'x':
			need = 2;
			break;
		case 'u':
			need = 4;
			break;
		case 'U':
			need = 8;
			break;
		default:
			continue;
		}
		if ((size_t)(end - p - 1) >= need &&
		    memcmp(p + 1, zeros, need) == 0)
			return true;
	}
	return false;
}

/* Whether the line (n bytes, no newline) is a document marker: ---
 * or ... alone or before a blank. */
static bool
is_doc_marker(const unsigned char *line, size_t n)
{
	return n >= 3 &&
	       (memcmp(line, "---", 3) == 0 || memcmp(line, "...", 3) == 0) &&
	       (n == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

/* Whether the line has content: not blank, a comment or a directive. */
static bool
is_content(const unsigned char *line, size_t n)
{
	size_t i;

	if (n == 0 || line[0] == '%')
		return false;
	for (i = 0; i < n && (line[i] == ' ' || line[i] == '\t' ||
	                      line[i] == '\r');
	     i++)
		;
	return i < n && line[i] != '#';
}

/* libcyaml reads only the first document and cuts strings at a NUL, so
 * a file that could hold a second document (a document marker after the
 * first content) or a NUL is scanned once more.  After the first content
 * only the lines that start with - or . need a look.  s is whole lines
 * (the last may lack its newline); *content carries over to the next. */
bool
catalog_needs_recheck(const unsigned char *s, size_t len, bool *content)
{
	const unsigned char *line = s, *end = s + len, *nl;
	size_t n;

	/* an escape has no newline in it: lines can be looked at apart */
	if (has_nul_escape(s, len))
		return true;
	for (; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (*content && line[0] != '-' && line[0] != '.') {
			if (nl == NULL)
				break;
			continue;
		}
		n = nl != NULL ? (size_t)(nl - line) : (size_t)(end - line);
		if (is_doc_marker(line, n)) {
			if (*content)
				return true;
			*content = true;
		} else if (!*content) {
			*content = is_content(line, n);
		}
		if (nl == NULL)
			break;
	}
	return false;
}

/* libcyaml's load of one file into *docp (NULL for a file with no
 * content), from a new arena that the doc owns: from data, or when data
 * is NULL from the file open on fd (read by libcyaml itself, through
 * /proc/self/fd, a block at a time). */
static int
load_text(const char *name, const unsigned char *data, size_t len, int fd,
          struct catalog_doc **docp, struct diag *d)
{
	struct catalog_doc *doc = NULL;
	struct arena *arena;
	struct yamlerr_log log;
	cyaml_err_t err;
	char proc[64];

	memset(&log, 0, sizeof log);
	*docp = NULL;
	arena = arena_new();
	if (arena == NULL) {
		diag_set(d, name, 0, 0, "out of memory");
		return -1;
	}
	if (data != NULL) {
		err = cyaml_load_data(data, len, load_config(&log, arena),
		                      &catalog_doc_schema,
		                      (cyaml_data_t **)&doc, NULL);
	} else {
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		err = cyaml_load_file(proc, load_config(&log, arena),
		                      &catalog_doc_schema,
		                      (cyaml_data_t **)&doc, NULL);
	}
	if (doc != NULL)
		doc->arena = arena; /* catalog_doc_free() frees it now */
	else
		arena_free(arena);
	if (err != CYAML_OK) {
		struct catalog_doc tmp = {.text = data, .len = len, .fd = fd,
		                          .has_fd = data == NULL};

		tmp.name = (char *)name;
		catalog_explain_load(&tmp, err, &log, d);
		free(tmp.data); /* the text, if it was read for the message */
		catalog_doc_free(doc);
		return -1;
	}
	*docp = doc;
	return 0;
}

/* The last steps for a loaded doc (NULL: the file had no content): its
 * checks, then the merge.  The doc is the catalog's or freed. */
static int
adopt_doc(struct catalog *cat, const char *name, struct catalog_doc *doc,
          struct diag *d)
{
	if (doc == NULL) {
		diag_set(d, name, 0, 0,
		         "file is empty; expected a mapping with 'exercises:' "
		         "and/or 'presets:'");
		return -1;
	}
	doc->name = strdup(name);
	if (doc->name == NULL) {
		diag_set(d, name, 0, 0, "out of memory");
		goto fail;
	}
	if (catalog_check_doc(doc, d))
		goto fail;
	return catalog_merge_doc(cat, doc, d);
fail:
	catalog_doc_free(doc);
	return -1;
}

int
catalog_add_text(struct catalog *cat, const char *name,
                 const unsigned char *data, size_t len,
                 unsigned char *owned_data, struct diag *d)
{
	struct catalog_doc *doc = NULL;
	char msg[256];
	int line, col;

	if (len > CATALOG_FILE_MAX) {
		diag_set(d, name, 0, 0,
		         "file is larger than 16 MiB; catalogs are small text "
		         "files");
		goto fail;
	}
	if (load_text(name, data, len, -1, &doc, d))
		goto fail;
	if (len > 0 && catalog_needs_recheck(data, len, &(bool){false}) &&
	    yamlpos_first_problem(data, len, &line, &col, msg, sizeof msg)) {
		diag_set(d, name, line, col, "%s", msg);
		goto fail;
	}
	if (doc == NULL) { /* no content: nothing keeps the text */
		free(owned_data);
	} else {
		doc->fd = -1;
		doc->data = owned_data;
		doc->text = data;
		doc->len = len;
	}
	return adopt_doc(cat, name, doc, d);
fail:
	catalog_doc_free(doc);
	free(owned_data);
	return -1;
}

int
catalog_add_stream(struct catalog *cat, const char *name, int fd,
                   struct diag *d)
{
	struct catalog_doc *doc = NULL;

	if (load_text(name, NULL, 0, fd, &doc, d)) {
		close(fd);
		return -1;
	}
	if (doc == NULL) {
		close(fd);
	} else {
		doc->fd = fd; /* the text is read from it if a message needs it */
		doc->has_fd = true;
	}
	return adopt_doc(cat, name, doc, d);
}

int
catalog_add_static(struct catalog *cat, const char *name,
                   struct exercise *exercises, size_t exercises_count,
                   struct preset *presets, size_t presets_count,
                   const char *section, struct diag *d)
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
	doc->fd = -1;
	doc->exercises = exercises;
	doc->exercises_count = (unsigned)exercises_count;
	doc->presets = presets;
	doc->presets_count = (unsigned)presets_count;
	doc->section = section;
	for (i = 0; i < exercises_count; i++)
		exercises[i].doc = doc;
	for (i = 0; i < presets_count; i++)
		presets[i].doc = doc;
	return catalog_merge_doc(cat, doc, d);
}

int
catalog_add_data(struct catalog *cat, const char *name,
                 const unsigned char *data, size_t len, struct diag *d)
{
	return catalog_add_text(cat, name, data, len, NULL, d);
}
