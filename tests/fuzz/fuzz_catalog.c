/* libFuzzer harness for the catalog loader: the input is one user catalog
 * file, "fuzz.yaml".  It is loaded alone, or on top of the built-in catalog
 * (the "user file in catalog.d" case) when the input starts with the
 * comment "#builtin" or, for other inputs, when its first byte is odd and
 * a hash of it is 0 modulo FUZZ_BUILTIN_EVERY: about 1 input in 8.  The
 * choice depends on the input alone, so every crash reproduces; it is not
 * made for every input because a file that loads on top of the built-in
 * costs some 8 times as much (catalog_finish() resolves all its presets).
 *
 * Checked on every input, beyond what the sanitizers catch:
 *  - a failure leaves a message, and the message and file name in the
 *    diag hold nothing that could drive a terminal: no C0 control byte,
 *    no DEL, no C1 control character, no invalid UTF-8 (SPEC 2: control
 *    characters "would reach the terminal");
 *  - a failed catalog_add_data leaves the catalog unchanged;
 *  - on success, every text is clean, every id valid, every preset item
 *    resolved, and every preset's timeline builds within the 4 hour limit
 *    with the length catalog_finish() measured. */
#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "diag.h"
#include "sources.h"
#include "timeline.h"
#include "timing.h"
#include "common.h"

#ifndef FUZZ_BUILTIN_EVERY
#define FUZZ_BUILTIN_EVERY 4
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
die(const char *what, const char *detail)
{
	fuzz_die("fuzz_catalog", what, "text", detail);
}

/* Characters that reorder or hide text (bidirectional controls, zero
 * width and tag characters, line separators), written out here apart
 * from src/uchar.c's tables. */
static bool
misleading(uint32_t c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	       (c >= 0x200b && c <= 0x200d) || c == 0x2060 || c == 0xfeff ||
	       c == 0x2028 || c == 0x2029 || (c >= 0xe0000 && c <= 0xe007f);
}

/* An independent check (not text_is_clean(), which is under test): valid
 * UTF-8 with no C0, DEL or C1 control character and none of the
 * misleading() ones.  Returns the offset of the first bad byte, or -1. */
static long
first_unsafe(const char *s, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len, k;
	uint32_t c, min;

	while (i < cap && p[i] != '\0') {
		c = p[i];
		if (c < 0x20 || c == 0x7f)
			return (long)i;
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0)
			len = 2, c &= 0x1f, min = 0x80;
		else if ((c & 0xf0) == 0xe0)
			len = 3, c &= 0x0f, min = 0x800;
		else if ((c & 0xf8) == 0xf0)
			len = 4, c &= 0x07, min = 0x10000;
		else
			return (long)i;
		for (k = 1; k < len; k++) {
			if (i + k >= cap || (p[i + k] & 0xc0) != 0x80)
				return (long)i;
			c = (c << 6) | (p[i + k] & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ||
		    (c >= 0x80 && c < 0xa0) || misleading(c))
			return (long)i;
		i += len;
	}
	return -1;
}

static void
check_terminal_safe(const char *what, const char *s, size_t cap)
{
	long at;

	if (memchr(s, '\0', cap) == NULL)
		die(what, "(not NUL-terminated)");
	at = first_unsafe(s, cap);
	if (at >= 0) {
		char buf[128];

		snprintf(buf, sizeof buf,
			 "%s: control, misleading or invalid UTF-8 at byte %ld",
			 what, at);
		die(buf, s);
	}
}

/* Lines the input can have: 1 + its line breaks, counting every byte that
 * can end a line for libyaml (\n, \r, and NEL, LS, PS, whose UTF-8 ends
 * in 0x85, 0xa8 or 0xa9), so the bound errs on the large side. */
static size_t
max_lines(const uint8_t *data, size_t size)
{
	size_t i, n = 1;

	for (i = 0; i < size; i++)
		if (data[i] == '\n' || data[i] == '\r' || data[i] == 0x85 ||
		    data[i] == 0xa8 || data[i] == 0xa9)
			n++;
	return n;
}

static void
check_failure(const struct diag *d, const uint8_t *data, size_t size)
{
	check_terminal_safe("diag.msg", d->msg, sizeof d->msg);
	check_terminal_safe("diag.file", d->file, sizeof d->file);
	if (d->msg[0] == '\0')
		die("failure without a message", NULL);
	if (d->line < 0 || d->col < 0)
		die("negative diag line or column", d->msg);
	/* a place in the input must be inside it (the built-in's places,
	 * for its presets, are checked by the unit tests) */
	if (strcmp(d->file, "fuzz.yaml") == 0 &&
	    ((size_t)d->line > max_lines(data, size) ||
	     (size_t)d->col > size + 1))
		die("diag line/column past the end of the file", d->msg);
}

static bool
id_ok(const char *id)
{
	size_t n = strlen(id);

	return n >= 1 && n <= 40 && id[0] != '-' &&
	       strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static void
check_text(const char *what, const char *s)
{
	if (s == NULL)
		die(what, "(NULL)");
	check_terminal_safe(what, s, strlen(s) + 1);
}

static void
check_timing(const struct timing *t)
{
	if (t->mode < TIMING_TIME || t->mode > TIMING_REPS ||
	    t->sides < SIDES_NONE || t->sides > SIDES_ALTERNATE ||
	    t->time < 0 || t->time > TIMING_STEP_MAX_S || t->hold < 0 ||
	    t->hold > TIMING_STEP_MAX_S || t->breaths < 0 || t->breaths > 360 ||
	    t->reps < 0 || t->reps > 1000 || t->tempo < 0 || t->tempo > 60 ||
	    t->sets < 1 || t->sets > 100 || t->rest < 0 ||
	    t->rest > TIMING_STEP_MAX_S)
		die("resolved timing out of range", NULL);
}

/* A loaded figure: 1-4 frames of height lines of exactly width printable
 * ASCII characters, joined by '\n'; mirroring keeps every line's length. */
static void
check_figure(const struct exercise *ex)
{
	const struct figure *f = ex->figure;
	char line[FIGURE_COLS_MAX + 1];
	unsigned i, k;
	size_t j;

	if (f->frames_count < 1 || f->frames_count > FIGURE_FRAMES_MAX ||
	    f->width < 1 || f->width > FIGURE_COLS_MAX || f->height < 1 ||
	    f->height > FIGURE_LINES_MAX)
		die("figure size out of range", ex->id);
	for (i = 0; i < f->frames_count; i++) {
		const char *fr = f->frames[i];

		if (strlen(fr) != figure_frame_size(f->width, f->height) - 1)
			die("figure frame not padded to its size", ex->id);
		for (j = 0; fr[j] != '\0'; j++)
			if ((j + 1) % (f->width + 1) == 0
			        ? fr[j] != '\n'
			        : (fr[j] < 0x20 || fr[j] > 0x7e))
				die("figure frame with a bad byte", ex->id);
		for (k = 0; k < f->height; k++) {
			figure_mirror_line(fr + k * (f->width + 1), line,
			                   f->width);
			if (strlen(line) != f->width)
				die("mirrored line of another length", ex->id);
		}
	}
}

/* What a catalog that loaded and finished must look like. */
static void
check_loaded(const struct catalog *cat, bool timelines)
{
	struct timeline_options opt;
	char buf[512];
	size_t i, k;
	unsigned j;

	timeline_options_default(&opt);
	for (i = 0; i < cat->exercises_count; i++) {
		const struct exercise *ex = cat->exercises[i];

		if (!id_ok(ex->id))
			die("loaded exercise with a bad id", ex->id);
		if (catalog_exercise(cat, ex->id) != ex)
			die("exercise lookup by id fails", ex->id);
		check_text("exercise name", ex->name);
		if (ex->steps_count == 0)
			die("exercise without steps", ex->id);
		for (j = 0; j < ex->steps_count; j++)
			check_text("step", ex->steps[j]);
		for (j = 0; j < ex->cues_count; j++)
			check_text("cue", ex->cues[j]);
		for (j = 0; j < ex->equipment_count; j++)
			if (!id_ok(ex->equipment[j]))
				die("bad equipment id", ex->equipment[j]);
		if (ex->caution != NULL)
			check_text("caution", ex->caution);
		if (ex->source != NULL)
			check_text("source", ex->source);
		/* (the built-in C data has the mask without the words) */
		if ((ex->areas & ~AREAS_ALL) != 0 ||
		    (ex->area_words_count > 0 && ex->areas == 0))
			die("areas mask does not match the words", ex->id);
		if (ex->figure != NULL)
			check_figure(ex);
		check_timing(&ex->timing);
		timing_describe(&ex->timing, buf, sizeof buf);
		check_text("timing_describe", buf);
	}
	for (i = 0; i < cat->presets_count; i++) {
		const struct preset *p = cat->presets[i];
		struct timeline tl;

		if (!id_ok(p->id))
			die("loaded preset with a bad id", p->id);
		if (catalog_preset(cat, p->id) != p)
			die("preset lookup by id fails", p->id);
		check_text("preset name", p->name);
		if (p->summary != NULL)
			check_text("summary", p->summary);
		if (p->items_count == 0)
			die("preset without items", p->id);
		for (j = 0; j < p->items_count; j++) {
			if (p->items[j].ex == NULL)
				die("preset item left unresolved", p->id);
			check_timing(&p->items[j].timing);
		}
		if (!timelines)
			continue;
		if (timeline_build(p, &opt, &tl) != 0)
			die("timeline_build failed", p->id);
		if (tl.total_ms > (uint64_t)TIMING_PRESET_MAX_S * 1000)
			die("preset over 4 hours got through", p->id);
		if (tl.total_ms != timeline_preset_ms(p, &opt))
			die("timeline length differs from timeline_preset_ms",
			    p->id);
		if (tl.moves_count != p->items_count)
			die("timeline moves differ from preset items", p->id);
		for (k = 0; k < tl.count && k < 64; k++) {
			step_describe(&tl.steps[k], buf, sizeof buf);
			check_text("step_describe", buf);
		}
		timeline_free(&tl);
	}
	/* exercised for the sanitizers; the answers are not checked */
	(void)catalog_suggest_preset(cat, "desk-brake");
	(void)catalog_suggest_exercise(cat, "scapular-sqeeze");
	(void)catalog_preset(cat, "Desk Break");
}

static bool
wants_builtin(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	size_t i;

	if (size >= 8 && memcmp(data, "#builtin", 8) == 0)
		return true;
	if (size == 0 || !(data[0] & 1))
		return false;
	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h % FUZZ_BUILTIN_EVERY == 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* as the program runs in a UTF-8 terminal (wcwidth matters) */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog cat;
	struct diag d;
	bool with_builtin = false;
	size_t ex_before = 0, pr_before = 0, docs_before = 0;

	catalog_init(&cat);
	if (wants_builtin(data, size)) {
		diag_clear(&d);
		if (sources_add_builtin(&cat, &d) != 0)
			die("the built-in catalog does not load", d.msg);
		with_builtin = true;
		ex_before = cat.exercises_count;
		pr_before = cat.presets_count;
		docs_before = cat.docs_count;
	}

	diag_clear(&d);
	if (catalog_add_data(&cat, "fuzz.yaml", data, size, &d) != 0) {
		check_failure(&d, data, size);
		if (cat.exercises_count != ex_before ||
		    cat.presets_count != pr_before ||
		    cat.docs_count != docs_before)
			die("a failed load changed the catalog", d.msg);
		/* out of memory is the one failure that may keep the file */
		goto out;
	}
	diag_clear(&d);
	if (catalog_finish(&cat, &d) != 0) {
		check_failure(&d, data, size);
		goto out;
	}
	/* with the built-in, its timelines would cost every run the same
	 * time for nothing new */
	check_loaded(&cat, !with_builtin);
out:
	catalog_free(&cat);
	return 0;
}
