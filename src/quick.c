/* quick: a routine built to a length.  Moves are chosen (a warm-up first,
 * a stretch last, the focus first and the recent moves last, in an order
 * the seed shuffles), put in an order a physio would accept, then their
 * holds, times, breaths and reps are stretched or shrunk within bounds
 * until the total is within tolerance of the target. */
#include "quick.h"

#include <stdio.h>
#include <string.h>

#include "duration.h"
#include "text.h"

struct cand {
	const struct exercise *ex;
	uint64_t key; /* from the seed: the shuffle */
	int rank;     /* 0 focus, 1 other, 2 recent: lower comes first */
};

/* One chosen move and what may change in it. */
struct knob_set {
	struct timing base; /* the exercise's own, one set, counted */
	struct timing cur;
	long sets; /* the exercise's own sets: as many as it may grow to */
};

struct builder {
	const struct quick_request *rq;
	const struct timeline_options *opt;
	struct cand cands[512];
	size_t ncands;
	const struct exercise *moves[QUICK_MOVES_MAX]; /* in order */
	size_t npicked;
	struct knob_set knobs[QUICK_MOVES_MAX];
	uint64_t total_ms;
	bool areas_relaxed; /* the area rule is off for this try */
};

/* splitmix64: small, fast and the same on every machine. */
static uint64_t
mix(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

uint64_t
quick_seed(long local_day, size_t runs)
{
	uint64_t s = (uint64_t)local_day * 1000003u + runs;

	return mix(&s);
}

static unsigned
move_areas(const struct exercise *ex)
{
	return ex->areas;
}

bool
quick_allows(const struct quick_request *rq, const struct exercise *ex)
{
	unsigned i;
	size_t k;

	if (rq->positions != 0 && ex->position != POSITION_ANY &&
	    !(rq->positions & (1u << ex->position)))
		return false;
	if (!rq->equipment_set)
		return true;
	for (i = 0; i < ex->equipment_count; i++) {
		for (k = 0; k < rq->equipment_count; k++)
			if (strcmp(ex->equipment[i], rq->equipment[k]) == 0)
				break;
		if (k == rq->equipment_count)
			return false;
	}
	return true;
}

static bool
is_recent(const struct quick_request *rq, const char *id)
{
	size_t i;

	for (i = 0; i < rq->recent_count; i++)
		if (strcmp(rq->recent[i], id) == 0)
			return true;
	return false;
}

static int
cand_cmp(const struct cand *a, const struct cand *b)
{
	if (a->rank != b->rank)
		return a->rank - b->rank;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* The moves that pass the filters, in the order they are tried. */
static void
gather(struct builder *b, const struct catalog *cat)
{
	uint64_t state = b->rq->seed;
	size_t i, j;

	b->ncands = 0;
	for (i = 0; i < cat->exercises_count; i++) {
		const struct exercise *ex = cat->exercises[i];
		struct cand c;

		if (!quick_allows(b->rq, ex) ||
		    b->ncands == sizeof b->cands / sizeof b->cands[0])
			continue;
		c.ex = ex;
		c.key = mix(&state);
		c.rank = is_recent(b->rq, ex->id)               ? 2
		         : (move_areas(ex) & b->rq->focus) != 0 ? 0
		                                                : 1;
		/* insertion sort: a few dozen moves */
		for (j = b->ncands; j > 0 && cand_cmp(&c, &b->cands[j - 1]) < 0;
		     j--)
			b->cands[j] = b->cands[j - 1];
		b->cands[j] = c;
		b->ncands++;
	}
}

/* ---- timing knobs ---------------------------------------------------- */

/* The move as the exercise times it, in one set (a routine of a few
 * minutes spreads its time over moves, not over sets of one; sets come
 * back as the time grows); a self-paced set is counted at the nominal
 * pace, since a routine built to a length cannot wait. */
static struct timing
base_timing(const struct exercise *ex)
{
	struct timing t = ex->timing;

	if (t.mode == TIMING_REPS && t.tempo <= 0)
		t.tempo = TIMING_SELF_REP_S;
	t.sets = 1;
	return t;
}

static long
at_least(long v, long lo)
{
	return v < lo ? v : lo;
}

/* Bounds of the knob a move is mostly made of: its time, hold, breaths,
 * or reps; never a hold under 5 s (SPEC section 10), nothing past 3
 * times its own value. */
static void
primary_bounds(const struct timing *t, long **v, long *lo, long *hi,
               struct timing *cur)
{
	switch (t->mode) {
	case TIMING_TIME:
		*v = &cur->time;
		*lo = at_least(t->time, 15);
		*hi = t->time * QUICK_STRETCH_MAX;
		return;
	case TIMING_HOLD:
		/* a move's own 2 s squeeze is held 5 s here, which its
		 * 3x cap allows; only a cap under 5 s keeps its own */
		*v = &cur->hold;
		*hi = t->hold * QUICK_STRETCH_MAX;
		*lo = *hi >= QUICK_HOLD_MIN_S ? QUICK_HOLD_MIN_S : t->hold;
		return;
	case TIMING_BREATHS:
		*v = &cur->breaths;
		*lo = at_least(t->breaths, 2);
		*hi = t->breaths * QUICK_STRETCH_MAX;
		return;
	case TIMING_REPS:
	case TIMING_UNSET:
		break;
	}
	*v = &cur->reps;
	*lo = at_least(t->reps, 3);
	*hi = t->reps * QUICK_STRETCH_MAX;
}

static uint64_t
move_ms(const struct builder *b, size_t i)
{
	return timeline_move_ms(&b->knobs[i].cur, b->opt);
}

static void
sum(struct builder *b)
{
	size_t i;

	b->total_ms = 0;
	for (i = 0; i < b->npicked; i++)
		b->total_ms += move_ms(b, i);
}

static long
clamp(long v, long lo, long hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Every move's main knob at scale/1000 of its own value. */
static void
scale_all(struct builder *b, long scale)
{
	size_t i;
	long *v, lo, hi;

	for (i = 0; i < b->npicked; i++) {
		struct knob_set *k = &b->knobs[i];

		k->cur = k->base;
		primary_bounds(&k->base, &v, &lo, &hi, &k->cur);
		*v = clamp((*v * scale + 500) / 1000, lo, hi);
	}
	sum(b);
}

/* The knobs of move i: its main one, then reps and sets of holds. */
static int
knobs_of(struct knob_set *k, long **v, long *lo, long *hi)
{
	int n = 0;

	primary_bounds(&k->base, &v[0], &lo[0], &hi[0], &k->cur);
	n = 1;
	if (k->base.mode == TIMING_HOLD || k->base.mode == TIMING_BREATHS) {
		v[n] = &k->cur.reps;
		lo[n] = 1;
		hi[n++] = k->base.reps * QUICK_STRETCH_MAX;
	}
	v[n] = &k->cur.sets;
	lo[n] = 1;
	hi[n++] = k->sets;
	return n;
}

static uint64_t
distance(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

/* Every knob of the routine, for the search below. */
struct knob {
	size_t move;
	long *v, lo, hi;
};

static size_t
all_knobs(struct builder *b, struct knob *k, size_t cap)
{
	long *v[3], lo[3], hi[3];
	size_t i, n = 0;
	int j, m;

	for (i = 0; i < b->npicked; i++) {
		m = knobs_of(&b->knobs[i], v, lo, hi);
		for (j = 0; j < m && n < cap; j++)
			k[n++] = (struct knob){i, v[j], lo[j], hi[j]};
	}
	return n;
}

/* The total after stepping knob a by sa and knob b by sb (sb 0: only
 * a); UINT64_MAX when a bound forbids it.  The knobs are left as they
 * were. */
static uint64_t
try_steps(struct builder *b, struct knob *a, long sa, struct knob *k2,
          long sb)
{
	uint64_t total = b->total_ms, before;
	size_t moves[2] = {a->move, k2 != NULL ? k2->move : a->move};
	int i, n = k2 != NULL && k2->move != a->move ? 2 : 1;

	if (*a->v + sa < a->lo || *a->v + sa > a->hi ||
	    (k2 != NULL && (*k2->v + sb < k2->lo || *k2->v + sb > k2->hi)))
		return UINT64_MAX;
	for (i = 0; i < n; i++)
		total -= move_ms(b, moves[i]);
	*a->v += sa;
	if (k2 != NULL)
		*k2->v += sb;
	for (i = 0; i < n; i++) {
		before = move_ms(b, moves[i]);
		total += before;
	}
	*a->v -= sa;
	if (k2 != NULL)
		*k2->v -= sb;
	return total;
}

/* The step of one knob, or failing that of two knobs at once (one up,
 * one down, when the first alone overshoots), that brings the total
 * closest to the target; false when none brings it closer. */
static bool
nudge(struct builder *b, uint64_t target)
{
	struct knob k[3 * QUICK_MOVES_MAX], *best_a = NULL, *best_b = NULL;
	size_t n = all_knobs(b, k, 3 * QUICK_MOVES_MAX), i, j;
	uint64_t best = distance(b->total_ms, target), t;
	long toward = b->total_ms < target ? 1 : -1, best_sa = 0, best_sb = 0;

	for (i = 0; i < n; i++) {
		t = try_steps(b, &k[i], toward, NULL, 0);
		if (t != UINT64_MAX && distance(t, target) < best) {
			best = distance(t, target);
			best_a = &k[i];
			best_sa = toward;
		}
	}
	for (i = 0; best_a == NULL && i < n; i++)
		for (j = 0; j < n; j++) {
			if (i == j)
				continue;
			t = try_steps(b, &k[i], toward, &k[j], -toward);
			if (t != UINT64_MAX && distance(t, target) < best) {
				best = distance(t, target);
				best_a = &k[i];
				best_b = &k[j];
				best_sa = toward;
				best_sb = -toward;
			}
		}
	if (best_a == NULL)
		return false;
	*best_a->v += best_sa;
	if (best_b != NULL)
		*best_b->v += best_sb;
	sum(b);
	return true;
}

/* Scales the moves to the target, then steps single knobs. */
static void
fit(struct builder *b, uint64_t target)
{
	long lo = 1, hi = 1000 * QUICK_STRETCH_MAX, mid;
	int guard;

	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		scale_all(b, mid);
		if (b->total_ms <= target)
			lo = mid;
		else
			hi = mid - 1;
	}
	scale_all(b, lo);
	for (guard = 0; guard < 300; guard++)
		if (distance(b->total_ms, target) <=
		        QUICK_TOLERANCE_S * 1000u / 5 ||
		    !nudge(b, target))
			break;
}

/* ---- choosing and ordering ------------------------------------------- */

static bool
is_closer(const struct exercise *ex)
{
	return ex->kind == KIND_STRETCH || ex->kind == KIND_YOGA;
}

/* Would ex after the moves seq[0..n) break an order rule?  No two
 * strength moves in a row, no third move in a row on one area (unless
 * the focus asks for that area). */
static bool
fits_after(const struct builder *b, const struct exercise *const *seq,
           size_t n, const struct exercise *ex)
{
	unsigned shared;

	if (n >= 1 && ex->kind == KIND_STRENGTH &&
	    seq[n - 1]->kind == KIND_STRENGTH)
		return false;
	if (n >= 2 && !b->areas_relaxed) {
		shared = move_areas(ex) & move_areas(seq[n - 1]) &
		         move_areas(seq[n - 2]) & ~b->rq->focus;
		if (shared != 0)
			return false;
	}
	return true;
}

/* Where a kind of move belongs in a session: warm-ups open it, the
 * stretches close it, the work sits between. */
static int
phase(const struct exercise *ex)
{
	switch (ex->kind) {
	case KIND_WARMUP:
		return 0;
	case KIND_STRENGTH:
	case KIND_POSTURE:
		return 1;
	case KIND_STRETCH:
	case KIND_YOGA:
		break;
	}
	return 2;
}

/* Chooses about count moves and their order.  The moves are taken in the
 * candidates' priority order (the warm-up and the closing stretch first;
 * no more strength moves than can stand apart), sorted by phase, then
 * placed one by one: each place takes the first of them that keeps the
 * rules after the moves before it; one that fits nowhere is left out.
 * Quadratic in the moves, never a search that could run long. */
static size_t
choose(struct builder *b, size_t count)
{
	const struct exercise *pool[QUICK_MOVES_MAX], *seq[QUICK_MOVES_MAX];
	const struct exercise *last = NULL;
	bool placed[QUICK_MOVES_MAX] = {false};
	size_t i, j, n = 0, npool = 0, strength = 0;

	if (count > QUICK_MOVES_MAX)
		count = QUICK_MOVES_MAX;
	for (i = 0; i < b->ncands && last == NULL; i++)
		if (is_closer(b->cands[i].ex))
			last = b->cands[i].ex;
	for (i = 0; i < b->ncands && count >= 2; i++)
		if (b->cands[i].ex->kind == KIND_WARMUP) {
			pool[npool++] = b->cands[i].ex;
			break;
		}
	for (i = 0; i < b->ncands && npool + (last != NULL) < count; i++) {
		const struct exercise *ex = b->cands[i].ex;
		bool dup = ex == last;

		for (j = 0; j < npool; j++)
			dup = dup || pool[j] == ex;
		if (dup || (ex->kind == KIND_STRENGTH &&
		            2 * (strength + 1) > count))
			continue;
		strength += ex->kind == KIND_STRENGTH;
		pool[npool++] = ex;
	}
	if (count == 1 && last == NULL && npool == 0 && b->ncands > 0)
		pool[npool++] = b->cands[0].ex;
	if (count == 1 && last != NULL)
		npool = 0;
	/* by phase, keeping the priority order within one (insertion) */
	for (i = 1; i < npool; i++)
		for (j = i; j > 0 && phase(pool[j]) < phase(pool[j - 1]); j--) {
			const struct exercise *t = pool[j];

			pool[j] = pool[j - 1];
			pool[j - 1] = t;
		}
	for (;;) {
		for (i = 0; i < npool; i++)
			if (!placed[i] && fits_after(b, seq, n, pool[i]))
				break;
		if (i == npool)
			break;
		placed[i] = true;
		seq[n++] = pool[i];
	}
	/* the stretch goes last, with a move fewer before it if it must */
	while (last != NULL && !fits_after(b, seq, n, last) && n > 0)
		n--;
	if (last != NULL)
		seq[n++] = last;
	b->npicked = 0;
	for (i = 0; i < n; i++) {
		b->knobs[b->npicked].base = base_timing(seq[i]);
		b->knobs[b->npicked].cur = b->knobs[b->npicked].base;
		b->knobs[b->npicked].sets = seq[i]->timing.sets;
		b->moves[b->npicked++] = seq[i];
	}
	return b->npicked;
}

/* How many moves to start from: as many as fit at their own lengths. */
static size_t
first_count(struct builder *b, uint64_t target)
{
	uint64_t total = 0;
	size_t n;
	struct timing t;

	for (n = 0; n < b->ncands && n < QUICK_MOVES_MAX; n++) {
		t = base_timing(b->cands[n].ex);
		total += timeline_move_ms(&t, b->opt);
		if (total > target + QUICK_TOLERANCE_S * 1000u)
			break;
	}
	return n > 0 ? n : 1;
}

static void
finish(struct builder *b, struct quick_routine *out, unsigned target_s)
{
	size_t i;

	memset(out->items, 0, sizeof out->items);
	for (i = 0; i < b->npicked; i++) {
		struct preset_item *it = &out->items[i];

		it->ex = b->moves[i];
		it->exercise = it->ex->id;
		it->timing = b->knobs[i].cur;
		params_init(&it->params);
	}
	memset(&out->preset, 0, sizeof out->preset);
	snprintf(out->name, sizeof out->name, "Quick routine, %u min%s",
	         target_s / 60, target_s % 60 ? " and a half" : "");
	out->preset.id = (char *)"quick";
	out->preset.name = out->name;
	out->preset.items = out->items;
	out->preset.items_count = (unsigned)b->npicked;
	out->total_ms = b->total_ms;
}

/* How far the routine's moves are from their own lengths: the sum over
 * moves of how many times longer or shorter each is, less one, in
 * thousandths. */
static uint64_t
strain(const struct builder *b)
{
	uint64_t sum = 0, own, now;
	size_t i;

	for (i = 0; i < b->npicked; i++) {
		own = timeline_move_ms(&b->knobs[i].base, b->opt);
		now = timeline_move_ms(&b->knobs[i].cur, b->opt);
		if (own == 0 || now == 0)
			continue;
		sum += now >= own ? (now * 1000 / own) - 1000
		                  : (own * 1000 / now) - 1000;
	}
	return sum;
}

/* A session of a few minutes reads best as a move about every minute
 * and a quarter, not one long one: what a count of moves costs, in the
 * units of strain(), away from that. */
static uint64_t
spread(const struct builder *b, uint64_t target)
{
	uint64_t want = target / 75000 > 0 ? target / 75000 : 1;

	return 400 * (b->npicked > want ? b->npicked - want : want - b->npicked);
}

int
quick_build(const struct catalog *cat, const struct quick_request *rq,
            const struct timeline_options *opt, struct quick_routine *out)
{
	struct builder b;
	uint64_t target = (uint64_t)rq->target_s * 1000u, best_miss = UINT64_MAX;
	size_t count, best_count = 1, tries, limit;
	const uint64_t tolerance = QUICK_TOLERANCE_S * 1000u;
	bool best_relaxed = false;
	uint64_t best_cost = UINT64_MAX;
	int relax;

	memset(out, 0, sizeof *out);
	memset(&b, 0, sizeof b);
	b.rq = rq;
	b.opt = opt;
	gather(&b, cat);
	if (b.ncands == 0) {
		snprintf(out->why, sizeof out->why,
		         "no exercise in the catalog fits these filters");
		return -1;
	}
	/* from the count that fits at the moves' own lengths, outwards: one
	 * more, one fewer, two more...  Of the tries within tolerance, the one
	 * whose moves are stretched or shrunk least wins (a few tries past the
	 * first such are looked at); failing that, the closest.  When
	 * spreading the areas leaves too few moves to fill the time (a narrow
	 * filter whose moves all work the shoulders, say), the fit comes
	 * first and the area rule goes. */
	count = first_count(&b, target);
	limit = b.ncands < QUICK_MOVES_MAX ? b.ncands : QUICK_MOVES_MAX;
	for (relax = 0; relax < 2 && best_miss > tolerance; relax++) {
		int after_fit = -1;

		b.areas_relaxed = relax != 0;
		for (tries = 0; tries < 2 * limit + 1 && after_fit < 6; tries++) {
			long c = (long)count +
			         (tries % 2 ? 1 : -1) * (long)((tries + 1) / 2);
			uint64_t miss, cost;

			if (c < 1 || c > (long)limit)
				continue;
			choose(&b, (size_t)c);
			fit(&b, target);
			miss = distance(b.total_ms, target);
			cost = miss <= tolerance ? strain(&b) + spread(&b, target)
			                         : UINT64_MAX;
			if (after_fit >= 0)
				after_fit++;
			else if (miss <= tolerance)
				after_fit = 0;
			/* within tolerance the cost decides; until then, the miss */
			if (miss <= tolerance ? cost < best_cost
			                      : best_miss > tolerance &&
			                            miss < best_miss) {
				best_miss = miss;
				best_cost = cost;
				best_count = (size_t)c;
				best_relaxed = relax != 0;
			}
		}
	}
	b.areas_relaxed = best_relaxed;
	out->areas_relaxed = best_relaxed;
	choose(&b, best_count);
	fit(&b, target);
	finish(&b, out, rq->target_s);
	if (distance(b.total_ms, target) > tolerance) {
		out->miss_s = ((long)b.total_ms - (long)target) / 1000;
		snprintf(out->why, sizeof out->why,
		         "%s: only %zu exercise%s fit%s these filters",
		         out->miss_s < 0 ? "too few moves to fill the time"
		                         : "too long even at its shortest",
		         b.ncands, b.ncands == 1 ? "" : "s",
		         b.ncands == 1 ? "s" : "");
	}
	return 0;
}

void
quick_describe_miss(const struct quick_routine *r, unsigned target_s,
                    char *buf, size_t size)
{
	char got[16], want[16];

	buf[0] = '\0';
	if (r->miss_s == 0)
		return;
	duration_format((long)(r->total_ms / 1000), got, sizeof got);
	duration_format((long)target_s, want, sizeof want);
	snprintf(buf, size, "the routine is %s, %ld s %s %s: %s", got,
	         r->miss_s < 0 ? -r->miss_s : r->miss_s,
	         r->miss_s < 0 ? "short of" : "over", want, r->why);
}
