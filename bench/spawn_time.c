/* spawn_time: process wall time of several commands, interleaved.
 *
 *   spawn_time N CMD [ARG...] [:: CMD [ARG...]]...
 *
 * Runs every command once per round, N rounds (after 5 untimed rounds to
 * warm the page cache), rotating which command goes first.  Each run is
 * timed with CLOCK_MONOTONIC from just before posix_spawn() to the return
 * of wait4(), with standard input and output on /dev/null (standard
 * error is kept, so failures show).  A command that exits non-zero stops
 * the benchmark.  Prints one line per command, times in nanoseconds, and
 * the largest peak resident set (ru_maxrss from wait4) of its runs:
 *
 *   INDEX MEDIAN P10 P90 MIN MAXRSS_KIB
 */
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

enum { CMDS_MAX = 8 };

static uint64_t
run_once(char **cmd, const posix_spawn_file_actions_t *fa, long *maxrss)
{
	struct rusage ru;
	uint64_t t0, t1;
	pid_t pid;
	int st, err;

	t0 = now_ns();
	err = posix_spawn(&pid, cmd[0], fa, NULL, cmd, environ);
	if (err != 0) {
		fprintf(stderr, "spawn_time: %s: %s\n", cmd[0], strerror(err));
		exit(1);
	}
	if (wait4(pid, &st, 0, &ru) != pid) {
		perror("spawn_time: wait4");
		exit(1);
	}
	t1 = now_ns();
	if (ru.ru_maxrss > *maxrss)
		*maxrss = ru.ru_maxrss;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "spawn_time: %s failed (status 0x%x)\n", cmd[0],
		        st);
		exit(1);
	}
	return t1 - t0;
}

int
main(int argc, char **argv)
{
	char **cmd[CMDS_MAX];
	uint64_t *t[CMDS_MAX];
	long maxrss[CMDS_MAX] = {0};
	posix_spawn_file_actions_t fa;
	int n, ncmd = 0, i, r, k;

	if (argc < 3 || (n = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: spawn_time N CMD [ARG...] "
		                "[:: CMD [ARG...]]...\n");
		return 2;
	}
	cmd[ncmd++] = &argv[2];
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "::") == 0) {
			argv[i] = NULL;
			if (ncmd == CMDS_MAX || i + 1 >= argc) {
				fprintf(stderr, "spawn_time: bad command list\n");
				return 2;
			}
			cmd[ncmd++] = &argv[i + 1];
		}
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	for (k = 0; k < ncmd; k++) {
		t[k] = calloc((size_t)n, sizeof *t[k]);
		if (t[k] == NULL)
			return 1;
	}
	for (r = 0; r < 5; r++)
		for (k = 0; k < ncmd; k++)
			run_once(cmd[k], &fa, &maxrss[k]);
	for (r = 0; r < n; r++)
		for (i = 0; i < ncmd; i++) {
			k = (r + i) % ncmd;
			t[k][r] = run_once(cmd[k], &fa, &maxrss[k]);
		}
	for (k = 0; k < ncmd; k++) {
		sort_ns(t[k], (size_t)n);
		printf("%d %llu %llu %llu %llu %ld\n", k,
		       (unsigned long long)(n % 2 ? t[k][n / 2]
		                                  : (t[k][n / 2 - 1] +
		                                     t[k][n / 2]) / 2),
		       (unsigned long long)t[k][n / 10],
		       (unsigned long long)t[k][n - 1 - n / 10],
		       (unsigned long long)t[k][0], maxrss[k]);
		free(t[k]);
	}
	posix_spawn_file_actions_destroy(&fa);
	return 0;
}
