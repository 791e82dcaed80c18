/* catalog_figure: the loader's side of figures: the place of a problem,
 * mirror read strictly, frames replaced by their padded copies. */
#include "catalog_figure.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "catalog_explain.h"
#include "figure.h"
#include "text.h"

/* The start of 1-based line n of text, or NULL. */
static const char *
line_at(const unsigned char *text, size_t len, int n)
{
	const unsigned char *p = text, *end = text + len;

	while (--n > 0) {
		p = memchr(p, '\n', (size_t)(end - p));
		if (p == NULL)
			return NULL;
		p++;
	}
	return (const char *)p;
}

/* The indentation of a block scalar's content: the header's digit (|2)
 * added to the indentation of the line with the "- |", or else that of
 * the first content line with text on it (as YAML itself decides). */
static int
block_indent(const char *line, const char *bar, const char *end)
{
	const char *p, *s;
	int indent = 0, i;

	for (i = 1; i <= 2 && bar + i < end; i++) {
		if (bar[i] >= '1' && bar[i] <= '9') {
			for (p = line; *p == ' '; p++)
				indent++;
			return indent + (bar[i] - '0');
		}
	}
	for (p = memchr(bar, '\n', (size_t)(end - bar)); p != NULL;
	     p = memchr(s, '\n', (size_t)(end - s))) {
		s = p + 1;
		for (indent = 0; s + indent < end && s[indent] == ' ';)
			indent++;
		if (s + indent < end && s[indent] != '\n')
			break;
	}
	return indent;
}

/* A literal block scalar (|) at line, col has its first content line on
 * the next line, so a problem on line k of the frame is on line + 1 + k of
 * the file, at the content's indentation plus col.  Any other style of
 * scalar keeps the place of the scalar. */
static void
place_in_block(const unsigned char *text, size_t len, int *line, int *col,
               unsigned frame_line, unsigned frame_col)
{
	const char *end = (const char *)text + len;
	const char *p = line_at(text, len, *line);

	if (p == NULL || *col < 1 || end - p < *col || p[*col - 1] != '|')
		return;
	*col = block_indent(p, p + *col - 1, end) + (int)frame_col + 1;
	*line += 1 + (int)frame_line;
}

/* Sets d for a fault of the figure at path (which ends at "figure"). */
static int
fail_figure(const struct catalog_doc *doc, struct diag *d,
            struct yamlpos_path *path, const char *what,
            const struct figure_fault *f)
{
	char msg[300];
	int line = 0, col = 0;
	size_t len;
	const unsigned char *text = catalog_doc_text(doc, &len);

	yamlpos_path_key(path, "frames");
	if (f->problem == FIGURE_NO_FRAMES) {
		if (yamlpos_find(text, len, path, 1, &line, &col))
			path->len--; /* no frames key: point at figure */
	} else {
		yamlpos_path_index(path, f->frame);
	}
	yamlpos_find(text, len, path, 1, &line, &col);
	if (f->problem == FIGURE_BAD_CHAR ||
	    f->problem == FIGURE_LINE_TOO_LONG ||
	    f->problem == FIGURE_TOO_MANY_LINES)
		place_in_block(text, len, &line, &col, f->line,
		               f->col);
	figure_fault_describe(f, msg, sizeof msg);
	diag_set(d, doc->name, line, col, "%s: figure: %s", what, msg);
	return -1;
}

/* mirror: true or false (YAML 1.2's spellings); absent, as sides say. */
static int
read_mirror(const struct catalog_doc *doc, struct diag *d,
            struct yamlpos_path *path, const char *what, struct figure *fig,
            enum sides sides)
{
	static const char *const words[] = {"true", "True", "TRUE",
	                                    "false", "False", "FALSE"};
	const char *s = fig->mirror_text;
	char shown[80];
	size_t i;

	fig->mirror = sides == SIDES_EACH;
	if (s == NULL)
		return 0;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strcmp(s, words[i]) == 0) {
			fig->mirror = i < 3;
			return 0;
		}
	}
	text_escape(s, shown, sizeof shown);
	yamlpos_path_key(path, "mirror");
	return catalog_doc_fail(doc, d, path,
	                        "%s: figure: mirror: '%s' is not true or "
	                        "false",
	                        what, shown);
}

/* Each frame replaced by its padded copy, from the file's arena, which
 * frees it with the rest (the frame as written goes back to the arena for
 * the next string of its size). */
static int
store_frames(const struct catalog_doc *doc, struct diag *d,
             struct figure *fig)
{
	size_t size = figure_frame_size(fig->width, fig->height);
	unsigned i;
	char *out;

	for (i = 0; i < fig->frames_count; i++) {
		out = arena_mem(doc->arena, NULL, size);
		if (out == NULL) {
			diag_set(d, doc->name, 0, 0, "out of memory");
			return -1;
		}
		figure_pad(fig->frames[i], fig->width, fig->height, out);
		arena_mem(doc->arena, fig->frames[i], 0);
		fig->frames[i] = out;
	}
	return 0;
}

int
catalog_check_figure(const struct catalog_doc *doc, struct diag *d,
                     struct yamlpos_path *path, const char *what,
                     struct exercise *ex)
{
	struct figure *fig = ex->figure;
	struct figure_fault fault;

	if (fig == NULL)
		return 0;
	yamlpos_path_key(path, "figure");
	if (figure_measure(fig->frames, fig->frames_count, &fig->width,
	                   &fig->height, &fault))
		return fail_figure(doc, d, path, what, &fault);
	if (read_mirror(doc, d, path, what, fig, ex->sides) ||
	    store_frames(doc, d, fig))
		return -1;
	path->len--;
	return 0;
}
