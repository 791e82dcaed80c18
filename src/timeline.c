/* timeline: preset -> steps. */
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
timeline_options_default(struct timeline_options *opt)
{
	opt->ready_s = 5;
	opt->inhale_s = 4;
	opt->exhale_s = 6;
}

struct builder {
	struct timeline *tl;
	size_t cap;
	struct step proto; /* fields shared by the steps of one move */
	int oom;
};

static void
emit(struct builder *b, enum step_kind kind, uint32_t ms)
{
	struct timeline *tl = b->tl;
	struct step *s;

	if (b->oom || ms == 0)
		return;
	if (tl->count == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		struct step *grown = realloc(tl->steps, cap * sizeof *grown);

		if (grown == NULL) {
			b->oom = 1;
			return;
		}
		tl->steps = grown;
		b->cap = cap;
	}
	s = &tl->steps[tl->count++];
	*s = b->proto;
	s->kind = kind;
	s->duration_ms = ms;
	s->start_ms = tl->total_ms;
	tl->total_ms += ms;
	if (kind == STEP_SELF)
		tl->self_paced++;
}

/* The holds (or breath holds) of one side, or alternating sides. */
static void
emit_holds(struct builder *b, const struct timing *t, enum side side,
           enum step_kind kind, uint32_t hold_ms)
{
	unsigned n = (unsigned)t->reps, k;
	bool alternating = side == SIDE_ALTERNATING;

	if (alternating)
		n *= 2;
	b->proto.reps = n;
	for (k = 1; k <= n; k++) {
		b->proto.rep = k;
		b->proto.side = !alternating ? side
		                : k % 2     ? SIDE_LEFT
		                            : SIDE_RIGHT;
		emit(b, kind, hold_ms);
		if (k < n)
			emit(b, alternating ? STEP_SWITCH : STEP_RELEASE,
			     (alternating ? TIMING_SWITCH_S : TIMING_RELEASE_S) *
			         1000u);
	}
}

/* One side's worth (or an alternating run) of the move. */
static void
emit_side(struct builder *b, const struct timing *t, enum side side,
          const struct timeline_options *opt)
{
	uint32_t breath_ms = (opt->inhale_s + opt->exhale_s) * 1000u;
	unsigned reps = (unsigned)t->reps;

	b->proto.side = side;
	switch (t->mode) {
	case TIMING_TIME:
		b->proto.rep = b->proto.reps = 0;
		emit(b, STEP_TIMED, (uint32_t)t->time * 1000u);
		break;
	case TIMING_HOLD:
		emit_holds(b, t, side, STEP_HOLD, (uint32_t)t->hold * 1000u);
		break;
	case TIMING_BREATHS:
		b->proto.breaths = (unsigned)t->breaths;
		emit_holds(b, t, side, STEP_BREATHE,
		           (uint32_t)t->breaths * breath_ms);
		break;
	case TIMING_REPS:
	case TIMING_UNSET:
		if (side == SIDE_ALTERNATING)
			reps *= 2; /* reps are counted per side */
		b->proto.rep = 0;
		b->proto.reps = reps;
		b->proto.tempo_ms = (unsigned)t->tempo * 1000u;
		if (t->tempo > 0)
			emit(b, STEP_REPS, reps * (uint32_t)t->tempo * 1000u);
		else
			emit(b, STEP_SELF, reps * TIMING_SELF_REP_S * 1000u);
		break;
	}
}

static void
emit_move(struct builder *b, const struct preset_item *it, unsigned move,
          const struct timeline_options *opt)
{
	const struct timing *t = &it->timing;
	struct timeline_move *m = &b->tl->moves[move - 1];
	unsigned set;

	memset(&b->proto, 0, sizeof b->proto);
	b->proto.ex = it->ex;
	b->proto.move = move;
	b->proto.moves = b->tl->preset->items_count;
	b->proto.sets = (unsigned)t->sets;
	b->proto.set = 1;
	b->proto.instruction = it->ex->steps_count > 0 ? it->ex->steps[0] : "";
	b->proto.inhale_ms = opt->inhale_s * 1000u;
	b->proto.exhale_ms = opt->exhale_s * 1000u;

	m->ex = it->ex;
	m->first_step = b->tl->count;
	m->start_ms = b->tl->total_ms;
	/* get ready says which side comes first */
	b->proto.side = t->sides == SIDES_EACH        ? SIDE_LEFT
	                : t->sides == SIDES_ALTERNATE ? SIDE_ALTERNATING
	                                              : SIDE_NONE;
	emit(b, STEP_READY, opt->ready_s * 1000u);
	for (set = 1; set <= t->sets; set++) {
		b->proto.set = set;
		if (t->sides == SIDES_EACH) {
			emit_side(b, t, SIDE_LEFT, opt);
			b->proto.rep = b->proto.reps = 0;
			emit(b, STEP_SWITCH, TIMING_SWITCH_S * 1000u);
			emit_side(b, t, SIDE_RIGHT, opt);
		} else {
			emit_side(b, t,
			          t->sides == SIDES_ALTERNATE ? SIDE_ALTERNATING
			                                      : SIDE_NONE,
			          opt);
		}
		if (set < t->sets) {
			b->proto.side = SIDE_NONE;
			b->proto.rep = b->proto.reps = 0;
			emit(b, STEP_REST, (uint32_t)t->rest * 1000u);
		}
	}
	m->steps = b->tl->count - m->first_step;
	m->duration_ms = b->tl->total_ms - m->start_ms;
}

/* One side's worth, as emit_side() lays it out. */
static uint64_t
side_ms(const struct timing *t, bool alternating,
        const struct timeline_options *opt)
{
	uint64_t n = (uint64_t)t->reps * (alternating ? 2 : 1);
	uint64_t gap = alternating ? TIMING_SWITCH_S : TIMING_RELEASE_S;
	uint64_t one;

	switch (t->mode) {
	case TIMING_TIME:
		return (uint64_t)t->time * 1000;
	case TIMING_HOLD:
	case TIMING_BREATHS:
		one = t->mode == TIMING_HOLD
		          ? (uint64_t)t->hold
		          : (uint64_t)t->breaths * (opt->inhale_s + opt->exhale_s);
		return n == 0 ? 0 : (n * one + (n - 1) * gap) * 1000;
	case TIMING_REPS:
	case TIMING_UNSET:
		break;
	}
	return n * (uint64_t)(t->tempo > 0 ? t->tempo : TIMING_SELF_REP_S) *
	       1000;
}

uint64_t
timeline_move_ms(const struct timing *t, const struct timeline_options *opt)
{
	uint64_t set = t->sides == SIDES_EACH
	                   ? 2 * side_ms(t, false, opt) + TIMING_SWITCH_S * 1000
	                   : side_ms(t, t->sides == SIDES_ALTERNATE, opt);
	uint64_t sets = t->sets > 0 ? (uint64_t)t->sets : 1;

	return opt->ready_s * 1000ull + sets * set +
	       (sets - 1) * (uint64_t)t->rest * 1000;
}

int
timeline_build(const struct preset *p, const struct timeline_options *opt,
               struct timeline *tl)
{
	struct builder b = {.tl = tl};
	unsigned i;

	memset(tl, 0, sizeof *tl);
	tl->preset = p;
	tl->moves = calloc(p->items_count ? p->items_count : 1,
	                   sizeof *tl->moves);
	if (tl->moves == NULL)
		return -1;
	tl->moves_count = p->items_count;
	for (i = 0; i < p->items_count && !b.oom; i++)
		emit_move(&b, &p->items[i], i + 1, opt);
	if (b.oom) {
		timeline_free(tl);
		return -1;
	}
	return 0;
}

void
timeline_free(struct timeline *tl)
{
	free(tl->steps);
	free(tl->moves);
	memset(tl, 0, sizeof *tl);
}

/* Added up move by move: `list`, the menu and catalog_finish() ask for
 * every preset's length, and building each timeline to read its total
 * cost them more than all their other work. */
uint64_t
timeline_preset_ms(const struct preset *p, const struct timeline_options *opt)
{
	uint64_t total = 0;
	unsigned i;

	for (i = 0; i < p->items_count; i++)
		total += timeline_move_ms(&p->items[i].timing, opt);
	return total;
}

const char *
side_name(enum side side)
{
	switch (side) {
	case SIDE_LEFT:
		return "left side";
	case SIDE_RIGHT:
		return "right side";
	case SIDE_ALTERNATING:
		return "alternating sides";
	case SIDE_NONE:
		break;
	}
	return "";
}

void
step_describe(const struct step *s, char *buf, size_t size)
{
	char side[40] = "", set[40] = "";
	const char *name = s->ex->name;

	if (s->side != SIDE_NONE)
		snprintf(side, sizeof side, ", %s", side_name(s->side));
	if (s->sets > 1)
		snprintf(set, sizeof set, ", set %u of %u", s->set, s->sets);

	switch (s->kind) {
	case STEP_READY:
		snprintf(buf, size, "get ready: %s", name);
		break;
	case STEP_TIMED:
		snprintf(buf, size, "%s%s%s", name, side, set);
		break;
	case STEP_HOLD:
		snprintf(buf, size, "%s%s%s, hold %u of %u", name, side, set,
		         s->rep, s->reps);
		break;
	case STEP_BREATHE:
		snprintf(buf, size, "%s%s%s, %u breaths (%u of %u)", name, side,
		         set, s->breaths, s->rep, s->reps);
		break;
	case STEP_REPS:
		snprintf(buf, size, "%s%s%s, %u reps at %u s", name, side, set,
		         s->reps, s->tempo_ms / 1000);
		break;
	case STEP_SELF:
		snprintf(buf, size, "%s%s%s, %u reps at your own pace", name,
		         side, set, s->reps);
		break;
	case STEP_SWITCH:
		snprintf(buf, size, "switch sides");
		break;
	case STEP_RELEASE:
		snprintf(buf, size, "release");
		break;
	case STEP_REST:
		snprintf(buf, size, "rest before set %u of %u", s->set + 1,
		         s->sets);
		break;
	}
}
