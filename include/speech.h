/* speech: --speak announces steps through spd-say or espeak-ng when one
 * is installed.  Never blocks: the speaker runs as a child process. */
#ifndef BACKEASE_SPEECH_H
#define BACKEASE_SPEECH_H

#include <stdbool.h>

/* Looks for a speaker on PATH.  Returns false when none is installed. */
bool speech_init(void);
/* Says text (replacing what is still being said); no-op without a
 * speaker. */
void speech_say(const char *text);
/* Reaps finished speakers; call now and then. */
void speech_reap(void);

#endif
