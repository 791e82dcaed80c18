/* safety: the advice every article gives, shown on first run, in --help
 * and in the man page (SPEC section 6). */
#ifndef BACKEASE_SAFETY_H
#define BACKEASE_SAFETY_H

#define SAFETY_SHORT                                                        \
	"Not medical advice. Stop if a move hurts; see a doctor if pain "    \
	"persists."

#define SAFETY_TEXT                                                         \
	"backease is not medical advice.  Move gently and within a "         \
	"comfortable range.\n"                                               \
	"Stop at once if a move causes sharp pain, numbness or tingling.\n"  \
	"See a doctor if your pain is severe, lasts more than a few days, "  \
	"gets worse,\n"                                                      \
	"or follows an injury.\n"

/* After what the nudge saw (SPEC section 8): section 6's advice, and no
 * diagnosis. */
#define SAFETY_NUDGE                                                        \
	"Pain that stays or gets worse is worth showing a doctor: see one "  \
	"if your pain is severe, lasts more than a few days, gets worse, or "\
	"follows an injury.  backease cannot tell why it hurts."

#endif
