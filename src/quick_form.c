/* quick_form: the Quick routine dialog's state, step by step. */
#include "quick_form.h"

#include <stdio.h>
#include <string.h>

static const char *const place_labels[QUICK_FORM_PLACES] = {
    "seated",
    "standing",
    "on the floor",
};

static const unsigned all_places =
    1u << POSITION_SEATED | 1u << POSITION_STANDING | 1u << POSITION_FLOOR;

/* How many exercises use the word. */
static size_t
word_uses(const struct catalog *cat, const char *w)
{
	size_t i, n = 0;
	unsigned j;

	for (i = 0; i < cat->exercises_count; i++)
		for (j = 0; j < cat->exercises[i]->equipment_count; j++)
			if (strcmp(cat->exercises[i]->equipment[j], w) == 0)
				n++;
	return n;
}

/* The catalog's equipment words, each once, the most used first (then by
 * name), so that a short list shows the likely ones. */
static void
gather_words(struct quick_form *f, const struct catalog *cat)
{
	size_t uses[QUICK_FORM_WORDS_MAX], i, k;
	unsigned j;

	for (i = 0; i < cat->exercises_count; i++)
		for (j = 0; j < cat->exercises[i]->equipment_count; j++) {
			const char *w = cat->exercises[i]->equipment[j];
			size_t n;

			for (k = 0;
			     k < f->words_count && strcmp(f->words[k], w); k++)
				;
			if (k < f->words_count ||
			    f->words_count == QUICK_FORM_WORDS_MAX)
				continue;
			n = word_uses(cat, w);
			/* insertion: the list is short */
			for (k = f->words_count;
			     k > 0 && (uses[k - 1] < n ||
				       (uses[k - 1] == n &&
					strcmp(f->words[k - 1], w) > 0));
			     k--) {
				f->words[k] = f->words[k - 1];
				uses[k] = uses[k - 1];
			}
			f->words[k] = w;
			uses[k] = n;
			f->words_count++;
		}
}

void
quick_form_init(struct quick_form *f, const struct catalog *cat)
{
	memset(f, 0, sizeof *f);
	f->step = QUICK_STEP_MINUTES;
	f->minutes = QUICK_FORM_MINUTES_DEFAULT;
	f->places = all_places;
	gather_words(f, cat);
}

void
quick_form_minutes_add(struct quick_form *f, int delta)
{
	long m = (long)f->minutes + delta;

	if (m < QUICK_FORM_MINUTES_MIN)
		m = QUICK_FORM_MINUTES_MIN;
	if (m > QUICK_FORM_MINUTES_MAX)
		m = QUICK_FORM_MINUTES_MAX;
	f->minutes = (unsigned)m;
	f->typing = false;
}

void
quick_form_digit(struct quick_form *f, unsigned digit)
{
	unsigned m;

	if (digit > 9)
		return;
	m = f->typing ? f->minutes * 10 + digit : digit;
	if (m > QUICK_FORM_MINUTES_MAX)
		m = digit; /* "7" after "6" is a new number, not 67 */
	if (m < QUICK_FORM_MINUTES_MIN) {
		/* a lone 0 is not a length: the next digit starts afresh */
		f->typing = false;
		return;
	}
	f->minutes = m;
	f->typing = true;
}

void
quick_form_erase(struct quick_form *f)
{
	if (f->minutes >= 10)
		f->minutes /= 10;
	f->typing = true;
}

size_t
quick_form_rows(const struct quick_form *f)
{
	switch (f->step) {
	case QUICK_STEP_WHERE:
		return QUICK_FORM_PLACES;
	case QUICK_STEP_EQUIPMENT:
		return f->words_count;
	default:
		return 0;
	}
}

const char *
quick_form_label(const struct quick_form *f, size_t i)
{
	if (i >= quick_form_rows(f))
		return "";
	return f->step == QUICK_STEP_WHERE ? place_labels[i] : f->words[i];
}

bool
quick_form_ticked(const struct quick_form *f, size_t i)
{
	if (i >= quick_form_rows(f))
		return false;
	return f->step == QUICK_STEP_WHERE ? (f->places >> i & 1u) != 0
					   : f->have[i];
}

void
quick_form_move(struct quick_form *f, int delta)
{
	size_t n = quick_form_rows(f);
	long c = (long)f->cursor + delta;

	if (n == 0)
		return;
	if (c < 0)
		c = 0;
	if (c >= (long)n)
		c = (long)n - 1;
	f->cursor = (size_t)c;
}

void
quick_form_toggle(struct quick_form *f)
{
	if (f->cursor >= quick_form_rows(f))
		return;
	if (f->step == QUICK_STEP_WHERE)
		f->places ^= 1u << f->cursor;
	else
		f->have[f->cursor] = !f->have[f->cursor];
}

void
quick_form_toggle_all(struct quick_form *f)
{
	size_t i, n = quick_form_rows(f), ticked = 0;

	for (i = 0; i < n; i++)
		ticked += quick_form_ticked(f, i);
	for (i = 0; i < n; i++)
		if (quick_form_ticked(f, i) == (ticked == n)) {
			size_t keep = f->cursor;

			f->cursor = i;
			quick_form_toggle(f);
			f->cursor = keep;
		}
}

int
quick_form_next(struct quick_form *f)
{
	if (f->step == QUICK_STEP_PLAN ||
	    (f->step == QUICK_STEP_WHERE && f->places == 0))
		return -1;
	f->step++;
	f->cursor = 0;
	f->typing = false;
	return 0;
}

bool
quick_form_back(struct quick_form *f)
{
	if (f->step == QUICK_STEP_MINUTES)
		return false;
	f->step--;
	f->cursor = 0;
	f->typing = false;
	return true;
}

void
quick_form_request(const struct quick_form *f, struct quick_request *rq,
		   const char **words)
{
	size_t i, n = 0;

	memset(rq, 0, sizeof *rq);
	rq->target_s = f->minutes * 60u;
	/* every place ticked is no filter, as with no --position */
	rq->positions = f->places == all_places ? 0 : f->places;
	for (i = 0; i < f->words_count; i++)
		if (f->have[i])
			words[n++] = f->words[i];
	/* every word ticked is no filter, as with no --equipment */
	rq->equipment_set = n < f->words_count || f->words_count == 0;
	rq->equipment = words;
	rq->equipment_count = n;
}

size_t
quick_form_fits(const struct quick_form *f, const struct catalog *cat)
{
	struct quick_request rq;
	const char *words[QUICK_FORM_WORDS_MAX];
	size_t i, n = 0;

	quick_form_request(f, &rq, words);
	for (i = 0; i < cat->exercises_count; i++)
		n += quick_allows(&rq, cat->exercises[i]);
	return n;
}

/* The labels of the ticked, ", " between, or none when none is. */
static void
join(char *buf, size_t size, const char *const *labels, const bool *on,
     size_t count, const char *none)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < count; i++)
		if (on[i] && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? ", " : "", labels[i]);
	if (len == 0)
		snprintf(buf, size, "%s", none);
}

void
quick_form_where(const struct quick_form *f, char *buf, size_t size)
{
	const char *names[QUICK_FORM_PLACES];
	bool on[QUICK_FORM_PLACES];
	size_t i;

	if (f->places == all_places) {
		snprintf(buf, size, "anywhere");
		return;
	}
	for (i = 0; i < QUICK_FORM_PLACES; i++) {
		names[i] = position_name((enum position)i);
		on[i] = (f->places >> i & 1u) != 0;
	}
	join(buf, size, names, on, QUICK_FORM_PLACES, "nowhere");
}

void
quick_form_needs(const struct quick_form *f, char *buf, size_t size)
{
	size_t i, n = 0;

	for (i = 0; i < f->words_count; i++)
		n += f->have[i];
	if (n > 0 && n == f->words_count)
		snprintf(buf, size, "anything");
	else
		join(buf, size, f->words, f->have, f->words_count, "nothing");
}
