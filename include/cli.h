/* cli: options and commands; main() only calls cli_main(). */
#ifndef BACKEASE_CLI_H
#define BACKEASE_CLI_H

/* Returns the exit status: 0 ok, 1 bad data or failure, 2 usage. */
int cli_main(int argc, char **argv);

#endif
