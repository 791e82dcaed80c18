/* signals: handlers only set flags and write a byte to a self-pipe, so the
 * front ends' poll() wakes and acts on them outside the handler. */
#ifndef BACKEASE_SIGNALS_H
#define BACKEASE_SIGNALS_H

#include <signal.h>

/* Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP and
 * SIGCONT (SIGTSTP only when catch_tstp).  Returns the pipe's read end to
 * poll, or -1. */
int signals_install(int catch_tstp);
/* Empties the pipe and returns the signals seen since the last call: the
 * number of the first quitting signal (or 0) in *quit, and flags. */
void signals_take(int *quit, int *resized, int *suspend, int *continued);
/* Stops the process as SIGTSTP would, then returns when continued. */
void signals_suspend_self(void);

#endif
