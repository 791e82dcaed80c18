/* quick_form: what the menu's Quick routine dialog asks, one step at a
 * time: minutes, where, what equipment, then the plan.  Pure state (no
 * curses): the screen turns keys into these calls and draws the state;
 * quick_form_request() makes of it the request `backease quick` would
 * build from its options. */
#ifndef BACKEASE_QUICK_FORM_H
#define BACKEASE_QUICK_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "quick.h"

enum quick_step {
	QUICK_STEP_MINUTES,
	QUICK_STEP_WHERE,
	QUICK_STEP_EQUIPMENT,
	QUICK_STEP_PLAN,
	QUICK_STEPS,
};

enum {
	QUICK_FORM_MINUTES_MIN = QUICK_MIN_S / 60,
	QUICK_FORM_MINUTES_MAX = QUICK_MAX_S / 60,
	QUICK_FORM_MINUTES_DEFAULT = 5,
	QUICK_FORM_PLACES = 3, /* seated, standing, floor */
	QUICK_FORM_WORDS_MAX = 32,
};

struct quick_form {
	enum quick_step step;
	unsigned minutes;
	bool typing; /* a digit was typed: the next one is appended */
	/* where: bit (1 << enum position) per ticked place; all ticked at
	 * first (any place) */
	unsigned places;
	/* the equipment words the catalog uses, the most used first (into
	 * the catalog); none ticked at first: no equipment */
	const char *words[QUICK_FORM_WORDS_MAX];
	size_t words_count;
	bool have[QUICK_FORM_WORDS_MAX];
	size_t cursor; /* the row of the where or equipment list */
};

void quick_form_init(struct quick_form *f, const struct catalog *cat);

/* Minutes: delta more (clamped to 1-60), or a digit typed (appended to
 * the ones typed before while the number stays 60 or less, else starting
 * again), or the last digit erased. */
void quick_form_minutes_add(struct quick_form *f, int delta);
void quick_form_digit(struct quick_form *f, unsigned digit);
void quick_form_erase(struct quick_form *f);

/* The rows of the current step's list (0 when it has none), the label of
 * row i, whether it is ticked; moving stays inside the list; toggling
 * ticks or unticks the cursor's row; toggle_all ticks every row, or
 * unticks them all when all were ticked. */
size_t quick_form_rows(const struct quick_form *f);
const char *quick_form_label(const struct quick_form *f, size_t i);
bool quick_form_ticked(const struct quick_form *f, size_t i);
void quick_form_move(struct quick_form *f, int delta);
void quick_form_toggle(struct quick_form *f);
void quick_form_toggle_all(struct quick_form *f);

/* Enter: on to the next step; -1 (and the step stays) when the current
 * one cannot be left as it is (no place ticked) or is the last. */
int quick_form_next(struct quick_form *f);
/* Escape: back a step; false when at the first (the dialog closes). */
bool quick_form_back(struct quick_form *f);

/* The request the form stands for (seed and recent moves left 0), with
 * the ticked words in words (QUICK_FORM_WORDS_MAX of them). */
void quick_form_request(const struct quick_form *f, struct quick_request *rq,
			const char **words);
/* How many of the catalog's exercises pass the form's filters. */
size_t quick_form_fits(const struct quick_form *f, const struct catalog *cat);
/* "seated, standing" or "anywhere"; "chair, wall" or "nothing". */
void quick_form_where(const struct quick_form *f, char *buf, size_t size);
void quick_form_needs(const struct quick_form *f, char *buf, size_t size);

#endif
