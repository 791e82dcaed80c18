/* catalog: the exercises and presets, loaded from YAML with libcyaml,
 * validated, and merged by id across files.
 *
 * This is the module's whole public face.  It is built from seven files,
 * each with its own header that only the others include: catalog_schema
 * (the libcyaml tables), catalog_load (texts, directories, libcyaml),
 * catalog_file (a file: read whole, or streamed when large; it shares
 * catalog_load's header), catalog_explain (messages with a file:line place), catalog_validate (one
 * file's checks), catalog_figure (an exercise's figure) and catalog_merge
 * (by id; catalog_finish; look-ups). */
#ifndef BACKEASE_CATALOG_H
#define BACKEASE_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "areas.h"
#include "diag.h"
#include "figure.h"
#include "idmap.h"
#include "timing.h"

enum { CATALOG_FILE_MAX = 16 * 1024 * 1024 };

enum exercise_kind {
	KIND_WARMUP,
	KIND_STRETCH,
	KIND_STRENGTH,
	KIND_YOGA,
	KIND_POSTURE,
};

enum position {
	POSITION_SEATED,
	POSITION_STANDING,
	POSITION_FLOOR,
	POSITION_ANY,
};

/* Timing keys as written in the file (NULL when absent); numbers are read
 * by the validator, not by libcyaml. */
struct params_text {
	char *time, *hold, *breaths, *reps, *tempo, *sets, *rest;
};

struct catalog_doc;

struct exercise {
	char *id;
	char *name;
	enum exercise_kind kind;
	enum position position;
	char **equipment;
	unsigned equipment_count;
	enum sides sides;
	struct params_text text;
	char **steps;
	unsigned steps_count;
	char **cues;
	unsigned cues_count;
	char *caution; /* NULL when absent */
	char *source;  /* NULL when absent */
	/* the areas as written (NULL when absent); loader only, NULL in the
	 * built-in C data: use areas */
	char **area_words;
	unsigned area_words_count;
	struct figure *figure; /* NULL when absent */

	/* Filled by validation, not by libcyaml. */
	unsigned areas; /* AREA_BIT()s of the areas it works; 0 when absent */
	struct params params;
	struct timing timing;
	const struct catalog_doc *doc;
	long index; /* position in its file's list */
};

struct preset_item {
	char *exercise;
	enum sides sides;
	struct params_text text;

	/* Filled by validation. */
	struct params params;
	const struct exercise *ex; /* after catalog_finish() */
	struct timing timing;      /* exercise's timing with overrides */
};

struct preset {
	char *id;
	char *name;
	char *summary; /* NULL when absent */
	struct preset_item *items;
	unsigned items_count;

	const struct catalog_doc *doc;
	long index;
};

/* The merged catalog: built-in first, then user files, later ids
 * replacing earlier ones. */
struct catalog {
	struct catalog_doc **docs;
	size_t docs_count;
	struct exercise **exercises;
	size_t exercises_count;
	struct preset **presets;
	size_t presets_count;
	struct idmap exercise_ids; /* id -> position in exercises */
	struct idmap preset_ids;   /* id -> position in presets */
};

void catalog_init(struct catalog *cat);
void catalog_free(struct catalog *cat);

/* Loads, validates and merges one file (name is what messages call it).
 * Returns 0, or -1 with the error in d; on error the catalog is
 * unchanged. */
int catalog_add_data(struct catalog *cat, const char *name,
                     const unsigned char *data, size_t len, struct diag *d);
int catalog_add_file(struct catalog *cat, const char *path, struct diag *d);
/* Adds entries that are already checked C data (the built-in catalog, as
 * gen_builtin writes it); section names the section of the program's own
 * file that holds the YAML they came from, read only for the places in
 * messages (see selfexe.h).  The arrays are the caller's and are not
 * freed. */
int catalog_add_static(struct catalog *cat, const char *name,
                       struct exercise *exercises, size_t exercises_count,
                       struct preset *presets, size_t presets_count,
                       const char *section, struct diag *d);
/* After the last file: resolves presets against the merged exercises and
 * checks what needs the whole catalog (unknown exercises, preset length). */
int catalog_finish(struct catalog *cat, struct diag *d);

const struct exercise *catalog_exercise(const struct catalog *cat,
                                        const char *id);
/* True for an id the catalog takes: 1 to 40 of a-z, 0-9 and '-',
 * not starting with '-'. */
bool catalog_id_valid(const char *id);
/* By id or by exact name, ignoring case. */
const struct preset *catalog_preset(const struct catalog *cat,
                                    const char *name);
/* The closest preset / exercise id to a mistyped name, or NULL. */
const char *catalog_suggest_preset(const struct catalog *cat,
                                   const char *name);
const char *catalog_suggest_exercise(const struct catalog *cat,
                                     const char *name);

/* What a resolved preset asks for: the positions its moves use
 * ("seated, standing", or "anywhere") and their equipment ("chair, wall",
 * or "nothing"), each listed once. */
void preset_where(const struct preset *p, char *where, size_t wsize,
                  char *needs, size_t nsize);

const char *exercise_kind_name(enum exercise_kind k);
const char *position_name(enum position p);
const char *sides_name(enum sides s);

#endif
