/* screen_stats: the stats screen `s` opens from the menu (the content of
 * `backease stats`, SPEC section 9, fitted to the terminal), and the
 * streak and this week's minutes in the menu's header.  Both read
 * ui->stats, which is loaded once when the menu opens and after each run
 * (SPEC section 7: the menu starts as fast as `list`). */
#ifndef BACKEASE_SCREEN_STATS_H
#define BACKEASE_SCREEN_STATS_H

#include <stddef.h>

#include "tui_loop.h"

extern const struct tui_screen screen_stats;

/* Shows the stats screen from its top. */
void screen_stats_open(struct ui *ui);
/* (Re)reads the history into ui->stats; NULL when it cannot. */
void screen_stats_load(struct ui *ui);
void screen_stats_free(struct ui *ui);
/* The menu header after "backease": the streak and this week's minutes
 * (the tagline too when there is room, only the tagline before any run),
 * in at most cols columns; "" when nothing fits. */
void screen_stats_header(const struct ui *ui, int cols, char *buf, size_t size);

#endif
