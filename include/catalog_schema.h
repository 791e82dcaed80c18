/* catalog_schema: what a catalog file may hold, as libcyaml schema tables,
 * and its limits.  Internal to the catalog module (src/catalog_*.c); the
 * rest of the program sees only catalog.h. */
#ifndef BACKEASE_CATALOG_SCHEMA_H
#define BACKEASE_CATALOG_SCHEMA_H

#include <cyaml/cyaml.h>
#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

/* One loaded file: what libcyaml built (the schema's root), plus the text
 * for error places. */
struct catalog_doc {
	struct exercise *exercises;
	unsigned exercises_count;
	struct preset *presets;
	unsigned presets_count;

	char *name;
	unsigned char *data; /* the file's bytes; NULL when not ours */
	/* the text for places in messages: use catalog_doc_text(), as a
	 * file that libcyaml read itself is read again only when a message
	 * needs it (text NULL until then, fd open on the file) */
	const unsigned char *text;
	size_t len;
	int fd;
	bool has_fd;
	const char *section; /* or in this section of the program's file */
	struct arena *arena; /* what libcyaml allocated from */
	bool is_static;      /* built-in C data: nothing to free inside */
};

/* The doc's text and its length (an empty text if the file can no longer
 * be read), read now if need be (src/catalog_file.c). */
const unsigned char *catalog_doc_text(const struct catalog_doc *doc,
                                      size_t *len);

enum { ID_MAX = 40, NAME_MAX_COLS = 60, TEXT_MAX = 400, LIST_MAX = 20 };

/* The whole file: a mapping with exercises and presets. */
extern const cyaml_schema_value_t catalog_doc_schema;

/* Keys listed in "unknown key" messages, by where the key was found. */
extern const char catalog_top_keys[];
extern const char catalog_exercise_keys[];
extern const char catalog_preset_keys[];
extern const char catalog_item_keys[];
extern const char catalog_figure_keys[];

/* The words an enum key takes, for messages ("none, each, alternate"), or
 * NULL when key is not an enum. */
const char *catalog_enum_values(const char *key);

#endif
