/* figure: checking, padding and mirroring ASCII drawings. */
#include "figure.h"

#include <stdio.h>
#include <string.h>

/* A frame's text without the one newline a YAML block scalar ends with. */
static size_t
frame_len(const char *frame)
{
	size_t n = strlen(frame);

	return n > 0 && frame[n - 1] == '\n' ? n - 1 : n;
}

static unsigned
count_lines(const char *s, size_t len)
{
	unsigned lines = 1;
	size_t i;

	for (i = 0; i < len; i++)
		lines += s[i] == '\n';
	return lines;
}

static int
fault(struct figure_fault *f, enum figure_problem problem, unsigned frame,
      unsigned line, unsigned col, unsigned found)
{
	f->problem = problem;
	f->frame = frame;
	f->line = line;
	f->col = col;
	f->found = found;
	return -1;
}

/* One frame: its characters, its lines, their length; *width grows to its
 * longest line. */
static int
measure_frame(const char *s, unsigned frame, unsigned *width,
              unsigned *height, struct figure_fault *f)
{
	const char *end = s + frame_len(s), *p = s, *nl;
	unsigned line = 0;
	bool blank = true;
	size_t n, i;

	for (;; line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (line == FIGURE_LINES_MAX)
			return fault(f, FIGURE_TOO_MANY_LINES, frame, line, 0,
			             count_lines(s, (size_t)(end - s)));
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)p[i];

			if (c < 0x20 || c > 0x7e)
				return fault(f, FIGURE_BAD_CHAR, frame, line,
				             (unsigned)i, c);
			blank = blank && c == ' ';
		}
		if (n > FIGURE_COLS_MAX)
			return fault(f, FIGURE_LINE_TOO_LONG, frame, line,
			             FIGURE_COLS_MAX, (unsigned)n);
		if (n > *width)
			*width = (unsigned)n;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	if (blank)
		return fault(f, FIGURE_BLANK, frame, 0, 0, 0);
	*height = line + 1;
	return 0;
}

int
figure_measure(char *const *frames, unsigned count, unsigned *width,
               unsigned *height, struct figure_fault *f)
{
	unsigned i, h;

	memset(f, 0, sizeof *f);
	*width = *height = 0;
	if (count == 0)
		return fault(f, FIGURE_NO_FRAMES, 0, 0, 0, 0);
	if (count > FIGURE_FRAMES_MAX)
		return fault(f, FIGURE_TOO_MANY_FRAMES, FIGURE_FRAMES_MAX, 0, 0,
		             count);
	for (i = 0; i < count; i++) {
		if (measure_frame(frames[i], i, width, &h, f))
			return -1;
		if (i == 0) {
			*height = h;
		} else if (h != *height) {
			fault(f, FIGURE_SIZES_DIFFER, i, 0, 0, h);
			f->expected = *height;
			return -1;
		}
	}
	return 0;
}

size_t
figure_frame_size(unsigned width, unsigned height)
{
	return (size_t)height * (width + 1);
}

void
figure_pad(const char *frame, unsigned width, unsigned height, char *out)
{
	const char *p = frame;
	unsigned line;
	size_t n;

	for (line = 0; line < height; line++) {
		n = strcspn(p, "\n");
		memcpy(out, p, n);
		memset(out + n, ' ', width - n);
		out += width;
		*out++ = line + 1 < height ? '\n' : '\0';
		p += n + (p[n] == '\n');
	}
	if (height == 0)
		*out = '\0';
}

void
figure_mirror_line(const char *in, char *out, size_t width)
{
	static const char pairs[] = "/\\()<>[]{}";
	const char *at;
	size_t i;
	char c;

	for (i = 0; i < width; i++) {
		c = in[width - 1 - i];
		at = c != '\0' ? strchr(pairs, c) : NULL;
		if (at != NULL)
			c = pairs[(at - pairs) ^ 1]; /* the other of its pair */
		out[i] = c;
	}
	out[width] = '\0';
}

void
figure_fault_describe(const struct figure_fault *f, char *buf, size_t size)
{
	unsigned frame = f->frame + 1, line = f->line + 1;

	switch (f->problem) {
	case FIGURE_OK:
		snprintf(buf, size, "no problem");
		break;
	case FIGURE_NO_FRAMES:
		snprintf(buf, size,
		         "no frames; expected frames: a list of 1 to %d "
		         "drawings",
		         FIGURE_FRAMES_MAX);
		break;
	case FIGURE_TOO_MANY_FRAMES:
		snprintf(buf, size, "%u frames; at most %d are allowed",
		         f->found, FIGURE_FRAMES_MAX);
		break;
	case FIGURE_BAD_CHAR:
		if (f->found == '\t')
			snprintf(buf, size,
			         "frame %u, line %u has a tab; use spaces "
			         "(only printable ASCII is allowed)",
			         frame, line);
		else
			snprintf(buf, size,
			         "frame %u, line %u has byte 0x%02x; only "
			         "printable ASCII (space to ~) is allowed",
			         frame, line, f->found);
		break;
	case FIGURE_TOO_MANY_LINES:
		snprintf(buf, size,
		         "frame %u has %u lines; at most %d are allowed", frame,
		         f->found, FIGURE_LINES_MAX);
		break;
	case FIGURE_LINE_TOO_LONG:
		snprintf(buf, size,
		         "frame %u, line %u is %u columns wide; at most %d are "
		         "allowed",
		         frame, line, f->found, FIGURE_COLS_MAX);
		break;
	case FIGURE_BLANK:
		snprintf(buf, size, "frame %u is blank; draw the move in it",
		         frame);
		break;
	case FIGURE_SIZES_DIFFER:
		snprintf(buf, size,
		         "frame %u has %u line%s and frame 1 has %u; every "
		         "frame needs the same number of lines",
		         frame, f->found, f->found == 1 ? "" : "s",
		         f->expected);
		break;
	}
}
