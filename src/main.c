/* backease: a guided stretching and exercise timer for the terminal. */
#include "cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
