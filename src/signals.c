/* signals: flags and a self-pipe. */
#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t quit_signal, resized, suspend, continued;
static int pipe_fd[2] = {-1, -1};

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
	}
	if (pipe_fd[1] >= 0)
		(void)!write(pipe_fd[1], &c, 1);
	errno = saved;
}

static void
handle(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int
signals_install(int catch_tstp)
{
	int i;

	if (pipe_fd[0] < 0) {
		if (pipe(pipe_fd) != 0)
			return -1;
		for (i = 0; i < 2; i++) {
			fcntl(pipe_fd[i], F_SETFL,
			      fcntl(pipe_fd[i], F_GETFL) | O_NONBLOCK);
			fcntl(pipe_fd[i], F_SETFD, FD_CLOEXEC);
		}
	}
	handle(SIGINT, on_signal);
	handle(SIGTERM, on_signal);
	handle(SIGHUP, on_signal);
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

void
signals_suspend_self(void)
{
	handle(SIGTSTP, SIG_DFL);
	kill(getpid(), SIGTSTP);
	/* execution resumes here after SIGCONT */
	handle(SIGTSTP, on_signal);
}
