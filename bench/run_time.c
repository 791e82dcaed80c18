/* run_time: when each output line of a command arrives, and what the
 * command cost.
 *
 *   run_time CMD [ARG...]
 *
 * Spawns CMD with standard input on /dev/null and standard output on a
 * pipe, and stamps every line read from the pipe with CLOCK_MONOTONIC
 * relative to the moment just before posix_spawn().  Echoes the lines as
 *
 *   LINE SECONDS TEXT
 *
 * and ends with
 *
 *   RESULT DONE_NS EXIT_NS USER_US SYS_US MAXRSS_KB STATUS
 *
 * where DONE_NS is the arrival of the last line starting "done:" (0 if
 * none), EXIT_NS the return of wait4(), and the rest its rusage. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock_ns.h"

extern char **environ;

int main(int argc, char **argv);

int
main(int argc, char **argv)
{
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	char buf[8192], line[8192];
	size_t used = 0;
	uint64_t t0, t, done = 0;
	ssize_t got;
	size_t take;
	pid_t pid;
	int p[2], st, err;
	char *nl, *s;

	if (argc < 2) {
		fprintf(stderr, "usage: run_time CMD [ARG...]\n");
		return 2;
	}
	if (pipe(p) != 0) {
		perror("run_time: pipe");
		return 1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	posix_spawn_file_actions_addclose(&fa, p[0]);
	posix_spawn_file_actions_addclose(&fa, p[1]);
	t0 = now_ns();
	err = posix_spawn(&pid, argv[1], &fa, NULL, &argv[1], environ);
	if (err != 0) {
		fprintf(stderr, "run_time: %s: %s\n", argv[1], strerror(err));
		return 1;
	}
	close(p[1]);
	for (;;) {
		got = read(p[0], buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		t = now_ns();
		s = buf;
		while (got > 0) {
			nl = memchr(s, '\n', (size_t)got);
			take = nl ? (size_t)(nl - s) : (size_t)got;

			if (used + take >= sizeof line)
				take = sizeof line - 1 - used;
			memcpy(line + used, s, take);
			used += take;
			if (nl == NULL)
				break;
			line[used] = '\0';
			printf("LINE %.6f %s\n", (double)(t - t0) / 1e9, line);
			fflush(stdout);
			if (strncmp(line, "done:", 5) == 0)
				done = t - t0;
			used = 0;
			got -= nl + 1 - s;
			s = nl + 1;
		}
	}
	if (wait4(pid, &st, 0, &ru) != pid) {
		perror("run_time: wait4");
		return 1;
	}
	t = now_ns();
	printf("RESULT %llu %llu %ld %ld %ld %d\n", (unsigned long long)done,
	       (unsigned long long)(t - t0),
	       (long)ru.ru_utime.tv_sec * 1000000 + (long)ru.ru_utime.tv_usec,
	       (long)ru.ru_stime.tv_sec * 1000000 + (long)ru.ru_stime.tv_usec,
	       ru.ru_maxrss, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	posix_spawn_file_actions_destroy(&fa);
	return 0;
}
