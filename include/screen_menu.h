/* screen_menu: the preset list with its filter and the selected preset's
 * moves; enter starts the run screen. */
#ifndef BACKEASE_SCREEN_MENU_H
#define BACKEASE_SCREEN_MENU_H

#include "tui_loop.h"

extern const struct tui_screen screen_menu;

/* Fills ui->shown with the presets that pass ui->filter. */
void screen_menu_filter(struct ui *ui);

#endif
