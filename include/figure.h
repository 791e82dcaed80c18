/* figure: an exercise's drawing in ASCII art (SPEC section 12): one to
 * four frames of the same size, and whether the right side is drawn as the
 * left one mirrored.  Pure functions; the loader checks and stores a
 * figure with them, the screens draw it. */
#ifndef BACKEASE_FIGURE_H
#define BACKEASE_FIGURE_H

#include <stdbool.h>
#include <stddef.h>

enum {
	FIGURE_FRAMES_MAX = 4,
	FIGURE_LINES_MAX = 10,
	FIGURE_COLS_MAX = 24,
};

struct figure {
	/* frames_count frames of height lines each.  Once loaded, every
	 * line is exactly width characters (short ones padded with spaces)
	 * and the lines are joined by '\n' with none after the last, so that
	 * line i of a frame starts at frames[f] + i * (width + 1). */
	char **frames;
	unsigned frames_count;
	char *mirror_text; /* as written, NULL when absent; loader only */
	unsigned width, height;
	bool mirror; /* the right side is the left one mirrored */
};

enum figure_problem {
	FIGURE_OK,
	FIGURE_NO_FRAMES,       /* frames missing or empty */
	FIGURE_TOO_MANY_FRAMES, /* found: how many */
	FIGURE_BAD_CHAR,        /* found: the byte, at line and col */
	FIGURE_TOO_MANY_LINES,  /* found: how many; line: the first too many */
	FIGURE_LINE_TOO_LONG,   /* found: its columns */
	FIGURE_BLANK,           /* a frame of spaces only */
	FIGURE_SIZES_DIFFER,    /* found: its lines; expected: frame 1's */
};

/* What is wrong with a figure and where: frame, line and col count from 0
 * (line within the frame, col within the line). */
struct figure_fault {
	enum figure_problem problem;
	unsigned frame, line, col;
	unsigned found, expected;
};

/* Checks frames as written and measures them: the longest line of all
 * frames is the width, the lines of a frame its height (one '\n' at the
 * end, as a YAML block scalar ends, does not start a line).  Returns 0, or
 * -1 with the first problem in *fault (frames in order, and in each frame
 * the first line with a problem). */
int figure_measure(char *const *frames, unsigned count, unsigned *width,
                   unsigned *height, struct figure_fault *fault);

/* Bytes of a stored frame of that size, with its NUL. */
size_t figure_frame_size(unsigned width, unsigned height);

/* Writes a measured frame to out (figure_frame_size() bytes) in the stored
 * layout, padding each line with spaces to width. */
void figure_pad(const char *frame, unsigned width, unsigned height,
                char *out);

/* Writes the mirror image of width characters of in to out (width + 1
 * bytes, ends with a NUL): their order reversed and / \ ( ) < > [ ] { }
 * swapped; in need not end after width characters. */
void figure_mirror_line(const char *in, char *out, size_t width);

/* "frame 2 has 11 lines; at most 10 are allowed" for a fault. */
void figure_fault_describe(const struct figure_fault *f, char *buf,
                           size_t size);

#endif
