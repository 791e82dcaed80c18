/* screen_checkin: the pain check-in (SPEC section 8), a dialog over the
 * run screen before its clock starts ("How is your upper back right
 * now?") and over the summary after a run that did a step ("And now?").
 * The keys are checkin.h's. */
#ifndef BACKEASE_SCREEN_CHECKIN_H
#define BACKEASE_SCREEN_CHECKIN_H

#include "tui_loop.h"

extern const struct tui_screen screen_checkin;

/* A run starts: asks, with its clock stopped, unless the check-in is
 * off.  Resets the answers of the run before. */
void screen_checkin_before(struct ui *ui, uint64_t now);
/* The run ended (ui->end is set): asks "And now?" when it did a step,
 * then has the summary record it; without a question, records at once. */
void screen_checkin_after(struct ui *ui, uint64_t now);

#endif
