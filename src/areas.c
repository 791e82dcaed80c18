/* areas: area words and masks. */
#include "areas.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

/* In enum order; the index is the area. */
static const char *const words[AREA_COUNT] = {
	"neck", "shoulders", "upper-back", "mid-back",
	"chest", "core", "full-body",
};

const char areas_allowed[] =
    "neck, shoulders, upper-back, mid-back, chest, core, full-body";

const char *
area_name(enum area a)
{
	return (unsigned)a < AREA_COUNT ? words[a] : "?";
}

bool
area_from_word(const char *word, enum area *a)
{
	int i;

	for (i = 0; i < AREA_COUNT; i++) {
		if (strcmp(word, words[i]) == 0) {
			*a = (enum area)i;
			return true;
		}
	}
	return false;
}

static const char *
word_at(const void *list, size_t i)
{
	return ((const char *const *)list)[i];
}

const char *
area_suggest(const char *word)
{
	return text_closest(word, word_at, words, AREA_COUNT);
}

enum areas_status
areas_parse(const char *list, unsigned *mask, char *bad, size_t badsize,
            const char **hint)
{
	char word[64];
	const char *p = list, *end;
	size_t n;
	enum area a;

	*mask = 0;
	if (hint != NULL)
		*hint = NULL;
	bad[0] = '\0';
	do {
		while (*p == ' ')
			p++;
		end = p + strcspn(p, ",");
		n = (size_t)(end - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == 0)
			return AREAS_EMPTY;
		/* longer than any area word: unknown, shown cut short */
		snprintf(word, sizeof word, "%.*s", (int)n, p);
		text_escape(word, bad, badsize);
		if (!area_from_word(word, &a)) {
			if (hint != NULL)
				*hint = area_suggest(word);
			return AREAS_UNKNOWN;
		}
		if (*mask & AREA_BIT(a))
			return AREAS_REPEATED;
		*mask |= AREA_BIT(a);
		p = *end == ',' ? end + 1 : end;
	} while (*end != '\0');
	bad[0] = '\0';
	return AREAS_OK;
}

void
areas_format(unsigned mask, char *buf, size_t size)
{
	size_t n = 0;
	int i;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < AREA_COUNT; i++)
		if ((mask & AREA_BIT(i)) && n < size)
			n += (size_t)snprintf(buf + n, size - n, "%s%s",
			                      n ? ", " : "", words[i]);
}
