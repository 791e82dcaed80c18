/* screen_overlay: the dialogs shown over a screen (ui->overlay): the key
 * help, the quit confirmation and the first-run safety note. */
#ifndef BACKEASE_SCREEN_OVERLAY_H
#define BACKEASE_SCREEN_OVERLAY_H

#include "tui_loop.h"

extern const struct tui_screen screen_help;
extern const struct tui_screen screen_quit;
extern const struct tui_screen screen_safety;

#endif
