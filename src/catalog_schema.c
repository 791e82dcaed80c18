/* catalog_schema: the libcyaml schema of a catalog file (SPEC section 2).
 * Numbers are read as text and parsed strictly by catalog_validate.c,
 * because libcyaml 1.3.1 reads "20abc" as 20 and "-5" as -5. */
#include "catalog_schema.h"

#include <string.h>

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
	OPTIONAL_STRING("breaths", type, text.breaths), /* breath-paced */   \
	OPTIONAL_STRING("reps", type, text.reps),     /* per set/side */     \
	OPTIONAL_STRING("tempo", type, text.tempo),   /* 0: self-paced */    \
	OPTIONAL_STRING("sets", type, text.sets),     /* 1 when absent */    \
	OPTIONAL_STRING("rest", type, text.rest)      /* between sets */

static const cyaml_schema_field_t figure_fields[] = {
	/* 1 to 4 drawings of the same size; checked and padded by the
	 * validator (an empty list reads as absent, and both are refused) */
	CYAML_FIELD_SEQUENCE("frames", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                     struct figure, frames, &string_entry, 0,
	                     CYAML_UNLIMITED),
	/* true or false, read by the validator: libcyaml takes any word but
	 * false, no, off, disable and 0 as true */
	OPTIONAL_STRING("mirror", struct figure, mirror_text),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t exercise_fields[] = {
	/* [a-z0-9-], unique; checked by the validator */
	CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_POINTER, struct exercise, id,
	                       0, CYAML_UNLIMITED),
	/* shown in lists and on the run screen */
	CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER, struct exercise,
	                       name, 0, CYAML_UNLIMITED),
	/* warmup | stretch | strength | yoga | posture */
	CYAML_FIELD_ENUM("kind", CYAML_FLAG_STRICT, struct exercise, kind,
	                 kind_strings, CYAML_ARRAY_LEN(kind_strings)),
	/* seated | standing | floor | any */
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
	/* how to do it, one instruction per entry */
	CYAML_FIELD_SEQUENCE("steps", CYAML_FLAG_POINTER, struct exercise,
	                     steps, &string_entry, 0, CYAML_UNLIMITED),
	/* short reminders shown during the move */
	CYAML_FIELD_SEQUENCE("cues", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                     struct exercise, cues, &string_entry, 0,
	                     CYAML_UNLIMITED),
	/* an optional safety note */
	OPTIONAL_STRING("caution", struct exercise, caution),
	/* the article the move comes from */
	OPTIONAL_STRING("source", struct exercise, source),
	/* what it works, one or more area words; checked by the validator
	 * (an empty list is refused here: it would read as absent) */
	CYAML_FIELD_SEQUENCE("areas", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                     struct exercise, area_words, &string_entry, 1,
	                     CYAML_UNLIMITED),
	/* a drawing of the move (SPEC section 12) */
	CYAML_FIELD_MAPPING_PTR("figure",
	                        CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                        struct exercise, figure, figure_fields),
	/* last: libcyaml finds a key by trying the fields in order, and most
	 * exercises write only one or two of these */
	TIMING_FIELDS(struct exercise),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t item_fields[] = {
	/* the id of an exercise, resolved by catalog_finish() */
	CYAML_FIELD_STRING_PTR("exercise", CYAML_FLAG_POINTER,
	                       struct preset_item, exercise, 0,
	                       CYAML_UNLIMITED),
	/* overrides the exercise's sides */
	CYAML_FIELD_ENUM("sides", CYAML_FLAG_STRICT | CYAML_FLAG_OPTIONAL,
	                 struct preset_item, sides, sides_strings,
	                 CYAML_ARRAY_LEN(sides_strings)),
	/* any of them overrides the exercise's */
	TIMING_FIELDS(struct preset_item),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t item_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct preset_item,
	                    item_fields),
};

static const cyaml_schema_field_t preset_fields[] = {
	/* [a-z0-9-], unique; what `backease run ID` takes */
	CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_POINTER, struct preset, id, 0,
	                       CYAML_UNLIMITED),
	/* shown in the menu; `run` takes it too */
	CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER, struct preset, name,
	                       0, CYAML_UNLIMITED),
	/* one line under the name in the menu */
	OPTIONAL_STRING("summary", struct preset, summary),
	/* the moves in order; at least one */
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
	/* either list may be left out, not both */
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

const cyaml_schema_value_t catalog_doc_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct catalog_doc,
	                    doc_fields),
};

const char catalog_top_keys[] = "exercises, presets";
const char catalog_exercise_keys[] =
    "id, name, kind, position, equipment, sides, time, hold, breaths, "
    "reps, tempo, sets, rest, steps, cues, caution, source, areas, figure";
const char catalog_figure_keys[] = "frames, mirror";
const char catalog_preset_keys[] = "id, name, summary, items";
const char catalog_item_keys[] =
    "exercise, sides, time, hold, breaths, reps, tempo, sets, rest";

const char *
catalog_enum_values(const char *key)
{
	if (strcmp(key, "kind") == 0)
		return "warmup, stretch, strength, yoga, posture";
	if (strcmp(key, "position") == 0)
		return "seated, standing, floor, any";
	if (strcmp(key, "sides") == 0)
		return "none, each, alternate";
	return NULL;
}

/* The names of the enum values, from the tables libcyaml reads them with,
 * so that a name printed is a name the file may use. */
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
