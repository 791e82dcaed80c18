/* areas: the parts of the body a move works (SPEC sections 2 and 10), as
 * words in a catalog file or on the command line (`quick --focus`) and as
 * a bit mask in memory. */
#ifndef BACKEASE_AREAS_H
#define BACKEASE_AREAS_H

#include <stdbool.h>
#include <stddef.h>

enum area {
	AREA_NECK,
	AREA_SHOULDERS,
	AREA_UPPER_BACK,
	AREA_MID_BACK,
	AREA_CHEST,
	AREA_CORE,
	AREA_FULL_BODY,
	AREA_COUNT,
};

#define AREA_BIT(a) (1u << (a))
#define AREAS_ALL   (AREA_BIT(AREA_COUNT) - 1u)

/* The words, in the order above, for messages: "neck, shoulders, ...". */
extern const char areas_allowed[];

/* "upper-back"; "?" for a value out of range. */
const char *area_name(enum area a);
/* The area a word names (exactly, in lower case).  Returns false when it
 * names none. */
bool area_from_word(const char *word, enum area *a);
/* The area word closest to a mistyped one, or NULL. */
const char *area_suggest(const char *word);

enum areas_status {
	AREAS_OK,
	AREAS_EMPTY,    /* no words, or an empty one ("neck,,core") */
	AREAS_UNKNOWN,  /* a word that names no area */
	AREAS_REPEATED, /* the same word twice */
};

/* Reads a comma list of area words ("neck,shoulders"; spaces around a
 * word are allowed) into *mask.  On an error, bad gets the offending word
 * escaped for showing ("" for an empty one) and, for an unknown word,
 * *hint the closest area word or NULL (hint may be NULL). */
enum areas_status areas_parse(const char *list, unsigned *mask, char *bad,
                              size_t badsize, const char **hint);

/* "upper-back, shoulders" for a mask, in the order of the enum; "" for 0. */
void areas_format(unsigned mask, char *buf, size_t size);

#endif
