/* signals: flags and a self-pipe. */
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t quit_signal, resized, suspend, continued;
static int pipe_fd[2] = {-1, -1};

static bool ttou_let_through(void);

/* Every signal whose default action ends the process, apart from the
 * faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS) and SIGABRT:
 * those are bugs, and a handler that returns would meet the fault again.
 * The real-time signals are added in signals_install(). */
static const int quitting[] = {
    SIGHUP,    SIGINT,	SIGQUIT, SIGUSR1, SIGUSR2,   SIGPIPE,
    SIGALRM,   SIGTERM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
#ifdef SIGIO
    SIGIO,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
};

static void
handle(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void
on_signal(int sig)
{
	int saved = errno;
	char c = 0;

	switch (sig) {
	case SIGWINCH:
		resized = 1;
		break;
	case SIGTSTP:
		suspend = 1;
		break;
	case SIGCONT:
		continued = 1;
		break;
	default:
		if (quit_signal == 0)
			quit_signal = sig;
		/* Told to end, the process must finish its cleanup even in
		 * the background: a write to the terminal there would stop
		 * it again (SIGTTOU), and nobody would continue it.  Not
		 * only a flag, then; sigaction() is async-signal-safe. */
		handle(SIGTTOU, SIG_IGN);
		handle(SIGTTIN, SIG_IGN);
	}
	if (pipe_fd[1] >= 0)
		(void)!write(pipe_fd[1], &c, 1);
	errno = saved;
}

int
signals_install(int catch_tstp)
{
	size_t i;
	int sig;

	(void)ttou_let_through(); /* before the handler may change it */
	if (pipe_fd[0] < 0) {
		if (pipe(pipe_fd) != 0)
			return -1;
		for (i = 0; i < 2; i++) {
			fcntl(pipe_fd[i], F_SETFL,
			      fcntl(pipe_fd[i], F_GETFL) | O_NONBLOCK);
			fcntl(pipe_fd[i], F_SETFD, FD_CLOEXEC);
		}
	}
	for (i = 0; i < sizeof quitting / sizeof quitting[0]; i++)
		handle(quitting[i], on_signal);
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		handle(sig, on_signal);
	handle(SIGWINCH, on_signal);
	handle(SIGCONT, on_signal);
	if (catch_tstp)
		handle(SIGTSTP, on_signal);
	return pipe_fd[0];
}

void
signals_take(int *quit, int *was_resized, int *was_suspended,
	     int *was_continued)
{
	char buf[64];

	while (pipe_fd[0] >= 0 && read(pipe_fd[0], buf, sizeof buf) > 0)
		;
	*quit = quit_signal;
	*was_resized = resized;
	*was_suspended = suspend;
	*was_continued = continued;
	resized = suspend = continued = 0;
}

int
signals_quit_pending(void)
{
	return quit_signal;
}

void
signals_suspend_self(void)
{
	handle(SIGTSTP, SIG_DFL);
	kill(getpid(), SIGTSTP);
	/* execution resumes here after SIGCONT */
	handle(SIGTSTP, on_signal);
}

/* Whether SIGTTOU was ignored or blocked before we changed anything, as
 * timeout(1) does for its command ("don't stop if background child needs
 * tty"): then the terminal lets the process write and set modes from the
 * background.  Looked at once, before the first handler is installed. */
static bool
ttou_let_through(void)
{
	static int state = -1;
	struct sigaction sa;
	sigset_t mask;

	if (state < 0) {
		sigprocmask(SIG_BLOCK, NULL, &mask);
		state = (sigaction(SIGTTOU, NULL, &sa) == 0 &&
			 sa.sa_handler == SIG_IGN) ||
			sigismember(&mask, SIGTTOU) == 1;
	}
	return state == 1;
}

bool
signals_in_background(int fd)
{
	pid_t fg;

	if (!isatty(fd))
		return false;
	fg = tcgetpgrp(fd);
	return fg > 0 && fg != getpgrp();
}

bool
signals_tty_refuses_modes(int fd)
{
	return signals_in_background(fd) && !ttou_let_through();
}

bool
signals_tty_refuses_output(int fd)
{
	struct termios t;

	return signals_tty_refuses_modes(fd) && tcgetattr(fd, &t) == 0 &&
	       (t.c_lflag & TOSTOP) != 0;
}

bool
signals_wait_foreground(int fd)
{
	/* SIGTTOU is left at its default (stop) until a quitting signal,
	 * as a shell's job control expects; fg continues the process */
	while (signals_in_background(fd) && quit_signal == 0)
		kill(getpid(), SIGTTOU);
	return quit_signal == 0;
}

/* The default action of sig dumps core. */
static bool
dumps_core(int sig)
{
	return sig == SIGQUIT || sig == SIGXCPU || sig == SIGXFSZ;
}

void
signals_reraise(int status)
{
	sigset_t set;
	int sig = quit_signal;

	if (sig == 0 || status != 128 + sig || !dumps_core(sig))
		return;
	handle(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}
