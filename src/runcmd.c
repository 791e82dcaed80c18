/* runcmd: helpers run without a shell. */
#include "runcmd.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"

extern char **environ;

/* Standard input and error on /dev/null; standard output on out_fd, or
 * /dev/null too when it is -1. */
static int
quiet_actions(posix_spawn_file_actions_t *fa, int out_fd)
{
	if (posix_spawn_file_actions_init(fa) != 0)
		return -1;
	posix_spawn_file_actions_addopen(fa, STDIN_FILENO, "/dev/null",
					 O_RDONLY, 0);
	if (out_fd >= 0)
		posix_spawn_file_actions_adddup2(fa, out_fd, STDOUT_FILENO);
	else
		posix_spawn_file_actions_addopen(fa, STDOUT_FILENO, "/dev/null",
						 O_WRONLY, 0);
	posix_spawn_file_actions_addopen(fa, STDERR_FILENO, "/dev/null",
					 O_WRONLY, 0);
	return 0;
}

/* Reads fd into out until end of file, a full buffer or the deadline.
 * Returns the length, or -1 when the deadline passed. */
static ssize_t
read_until(int fd, char *out, size_t size, uint64_t deadline)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	size_t len = 0;
	ssize_t n;
	uint64_t now;
	int rc;

	while (len + 1 < size) {
		now = clock_mono_ms();
		if (now >= deadline)
			return -1;
		rc = poll(&p, 1, (int)(deadline - now));
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc <= 0)
			return -1;
		n = read(fd, out + len, size - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	return (ssize_t)len;
}

int
runcmd_capture(const char *const argv[], char *out, size_t size, int timeout_ms)
{
	posix_spawn_file_actions_t fa;
	int pfd[2], rc, status = 0;
	pid_t pid;
	ssize_t len;

	if (size == 0 || pipe2(pfd, O_CLOEXEC) != 0)
		return -1;
	if (quiet_actions(&fa, pfd[1]) != 0) {
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv,
			  environ);
	posix_spawn_file_actions_destroy(&fa);
	close(pfd[1]);
	if (rc != 0) {
		close(pfd[0]);
		out[0] = '\0';
		errno = rc;
		return -1;
	}
	len = read_until(pfd[0], out, size,
			 clock_mono_ms() + (uint64_t)timeout_ms);
	close(pfd[0]);
	if (len < 0)
		kill(pid, SIGKILL); /* too slow: never hang the reminder */
	out[len < 0 ? 0 : len] = '\0';
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (len < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		errno = 0;
		return -1;
	}
	return 0;
}

pid_t
runcmd_detached(const char *const argv[])
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int rc;

	if (quiet_actions(&fa, -1) != 0)
		return -1;
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv,
			  environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		errno = rc;
		return -1;
	}
	return pid;
}

void
runcmd_reap(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}
