/* screen_move: the dialog with all of the current move's instructions
 * (the i key of the run screen), for when the run screen has room for only
 * some of them beside the countdown and the drawing. */
#ifndef BACKEASE_SCREEN_MOVE_H
#define BACKEASE_SCREEN_MOVE_H

#include "tui_loop.h"

extern const struct tui_screen screen_move;

/* The exercise whose instructions the run screen shows now, or NULL (a
 * step with none). */
const struct exercise *screen_move_exercise(struct ui *ui, uint64_t now);

#endif
