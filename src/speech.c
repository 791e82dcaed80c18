/* speech: spawning spd-say or espeak-ng. */
#include "speech.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *speaker;
static pid_t speaking = -1;

static bool
on_path(const char *name)
{
	const char *path = getenv("PATH");
	char dir[4096], full[4200];
	const char *p, *colon;
	size_t n;

	for (p = path; p != NULL && *p != '\0'; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		n = colon ? (size_t)(colon - p) : strlen(p);
		if (n == 0 || n >= sizeof dir)
			continue;
		memcpy(dir, p, n);
		dir[n] = '\0';
		snprintf(full, sizeof full, "%s/%s", dir, name);
		if (access(full, X_OK) == 0)
			return true;
	}
	return false;
}

bool
speech_init(void)
{
	if (on_path("spd-say"))
		speaker = "spd-say";
	else if (on_path("espeak-ng"))
		speaker = "espeak-ng";
	return speaker != NULL;
}

void
speech_say(const char *text)
{
	posix_spawn_file_actions_t fa;
	char *argv[4];

	if (speaker == NULL)
		return;
	speech_reap();
	if (speaking > 0)
		kill(speaking, SIGTERM); /* old news: say the new step */
	/* the speaker must never write over the screen */
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
	                                 O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
	                                 O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	                                 O_WRONLY, 0);
	/* "--": the text is never an option, whatever it starts with
	 * (espeak-ng -f FILE would read a file aloud); both spd-say and
	 * espeak-ng parse their options with getopt, which stops there */
	argv[0] = (char *)speaker;
	argv[1] = (char *)"--";
	argv[2] = (char *)text;
	argv[3] = NULL;
	if (posix_spawnp(&speaking, speaker, &fa, NULL, argv, environ) != 0)
		speaking = -1;
	posix_spawn_file_actions_destroy(&fa);
}

void
speech_reap(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		speaking = -1;
}
