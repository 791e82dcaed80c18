/* screen_remind: the reminder's waiting screen (SPEC section 11): the
 * time to the next break in big digits, the offer when it is due, paused
 * and away, today's breaks; b, Enter, s, k, p and q.  A break runs on the
 * run screen as the menu starts one (screen_run_start), and its summary
 * comes back here.  The schedule runs under those screens too
 * (ui->under), so that a break ends when its run does and a summary left
 * up gives way to the next offer. */
#ifndef BACKEASE_SCREEN_REMIND_H
#define BACKEASE_SCREEN_REMIND_H

#include "remind_run.h"
#include "tui_loop.h"

extern const struct tui_screen screen_remind;
extern const struct tui_screen screen_remind_help;

/* Shows the reminder m (remind_run_start done), which offers p, as the
 * current screen.  0, or -1 when out of memory. */
int screen_remind_open(struct ui *ui, struct remind_run *m,
		       const struct preset *p);
/* Frees what screen_remind_open took (nothing when it was not called). */
void screen_remind_close(struct ui *ui);

#endif
