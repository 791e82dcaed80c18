/* signals: handlers only set flags and write a byte to a self-pipe, so the
 * front ends' poll() wakes and acts on them outside the handler. */
#ifndef BACKEASE_SIGNALS_H
#define BACKEASE_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

/* Installs handlers for every signal whose default action ends the
 * process (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1/2,
 * SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, the
 * real-time signals; not the faults nor SIGABRT), so that a run is
 * recorded and the terminal restored first; and for SIGWINCH, SIGCONT
 * and SIGTSTP (SIGTSTP only when catch_tstp).  Once one of the ending
 * signals arrives, SIGTTOU and SIGTTIN are ignored, so that the cleanup
 * can never be stopped in the background.  Returns the pipe's read end
 * to poll, or -1. */
int signals_install(int catch_tstp);
/* Empties the pipe and returns the signals seen since the last call: the
 * number of the first quitting signal (or 0) in *quit, and flags. */
void signals_take(int *quit, int *resized, int *suspend, int *continued);
/* The first quitting signal so far (0 when none), without emptying the
 * pipe: for a loop that must not start printing once told to end. */
int signals_quit_pending(void);
/* Stops the process as SIGTSTP would, then returns when continued. */
void signals_suspend_self(void);

/* True when fd is a terminal whose foreground process group is not ours
 * (`backease ... &` in an interactive shell, or under timeout(1)). */
bool signals_in_background(int fd);
/* True when, moreover, the terminal would stop the process (SIGTTOU) for
 * changing its modes, as curses does; and, for the second, for writing to
 * it (the terminal has TOSTOP set).  Neither holds when SIGTTOU was
 * ignored before backease started, as timeout(1) does for its command. */
bool signals_tty_refuses_modes(int fd);
bool signals_tty_refuses_output(int fd);
/* Stops the process (as SIGTTOU would) until it is in the foreground of
 * fd's terminal again; returns false at once, without waiting, when a
 * quitting signal has arrived. */
bool signals_wait_foreground(int fd);

/* Call last, with the exit status: a run ended by a signal whose default
 * action dumps core (SIGQUIT, SIGXCPU, SIGXFSZ), status 128 + N, ends by
 * that signal with its default action, so that Ctrl-\ still leaves a core
 * where the user's limits ask for one.  Returns otherwise. */
void signals_reraise(int status);

#endif
