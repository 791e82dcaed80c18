/* timeline: expands a preset into the flat list of timed steps that a run
 * walks through.  Pure: the same preset and options give the same steps,
 * so `plan` shows exactly what `run` will do. */
#ifndef BACKEASE_TIMELINE_H
#define BACKEASE_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"

enum step_kind {
	STEP_READY,   /* get ready for the next move */
	STEP_TIMED,   /* continuous for the duration */
	STEP_HOLD,    /* one hold of `hold` seconds */
	STEP_BREATHE, /* one hold measured in breaths */
	STEP_REPS,    /* reps counted at a tempo */
	STEP_SELF,    /* self-paced reps; waits for Enter */
	STEP_SWITCH,  /* switch sides */
	STEP_RELEASE, /* release between holds */
	STEP_REST,    /* rest between sets */
};

enum side { SIDE_NONE, SIDE_LEFT, SIDE_RIGHT, SIDE_ALTERNATING };

struct step {
	enum step_kind kind;
	const struct exercise *ex; /* for STEP_READY, the move coming */
	unsigned move, moves;      /* preset item, 1-based */
	enum side side;            /* alternating: starts left */
	unsigned set, sets;        /* 1-based */
	unsigned rep, reps;        /* holds: this one of reps; reps: target */
	unsigned tempo_ms;         /* STEP_REPS: per rep */
	unsigned breaths;          /* STEP_BREATHE */
	unsigned inhale_ms, exhale_ms;
	uint32_t duration_ms;      /* STEP_SELF: the nominal estimate */
	uint64_t start_ms;         /* planned offset from the run's start */
	const char *instruction;   /* first instruction of the move */
};

/* One preset item: where its steps are and how long it takes. */
struct timeline_move {
	const struct exercise *ex;
	size_t first_step, steps;
	uint64_t start_ms, duration_ms; /* from its get-ready step on */
};

struct timeline {
	const struct preset *preset;
	struct step *steps;
	size_t count;
	struct timeline_move *moves;
	size_t moves_count;
	uint64_t total_ms;
	int self_paced; /* steps whose length is only an estimate */
};

struct timeline_options {
	unsigned ready_s;  /* get-ready before each move; 0 for none */
	unsigned inhale_s; /* breath pacer */
	unsigned exhale_s;
};

void timeline_options_default(struct timeline_options *opt);
/* Builds the timeline of a preset whose items catalog_finish() resolved.
 * Returns 0, or -1 when out of memory. */
int timeline_build(const struct preset *p, const struct timeline_options *opt,
                   struct timeline *tl);
void timeline_free(struct timeline *tl);
/* The planned length of a preset (the total of timeline_build()'s, from
 * timeline_move_ms() without building it). */
uint64_t timeline_preset_ms(const struct preset *p,
                            const struct timeline_options *opt);
/* The length of one move timed as t, its get-ready included: the sum of
 * the steps timeline_build() makes for it, without building them. */
uint64_t timeline_move_ms(const struct timing *t,
                          const struct timeline_options *opt);
/* A one-line description of a step for `plan` and plain mode. */
void step_describe(const struct step *s, char *buf, size_t size);
const char *side_name(enum side side);

#endif
