/* safety: the advice every article gives, shown on first run, in --help
 * and in the man page (SPEC section 6). */
#ifndef BACKEASE_SAFETY_H
#define BACKEASE_SAFETY_H

/* One line at the foot of the menu. */
#define SAFETY_SHORT                                                           \
	"Not medical advice. Stop if a move hurts; see a doctor if pain "      \
	"persists."

/* When to stop and when to see a doctor. */
#define SAFETY_ADVICE                                                          \
	"backease is not medical advice. Move gently,\n"                       \
	"within a comfortable range.\n"                                        \
	"Stop at once if a move causes sharp pain,\n"                          \
	"numbness or tingling.\n"                                              \
	"See a doctor if your pain is severe, lasts\n"                         \
	"more than a few days, gets worse, gets in the\n"                      \
	"way of daily activities, follows an injury,\n"                        \
	"or comes with other worrying symptoms.\n"

/* When not to wait: these signs need care now, not exercise. */
#define SAFETY_URGENT                                                          \
	"Get urgent medical care, not exercise, if\n"                          \
	"back pain comes with chest pain or shortness\n"                       \
	"of breath, fever, numbness or weakness in\n"                          \
	"the legs, or loss of bladder or bowel control.\n"

/* The whole note, for --help, the plain first-run note and the first-run
 * dialog (which shows it line by line).  Lines are at most
 * SAFETY_TEXT_COLUMNS wide, so a dialog with a border and a margin each
 * side fits 50 columns; with a title, a blank line before and after and a
 * "press any key" line it is SAFETY_TEXT_LINES + 4 lines, + 2 for the
 * border: 19 rows, which fits 20. */
#define SAFETY_TEXT	    SAFETY_ADVICE "\n" SAFETY_URGENT
#define SAFETY_TEXT_COLUMNS 46
#define SAFETY_TEXT_LINES   13

/* After what the nudge saw (SPEC section 8): section 6's advice, and no
 * diagnosis. */
#define SAFETY_NUDGE                                                        \
	"Pain that stays or gets worse is worth showing a doctor: see one "  \
	"if your pain is severe, lasts more than a few days, gets worse, or "\
	"follows an injury.  backease cannot tell why it hurts."

#endif
