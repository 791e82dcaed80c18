/* yaml_scan: the baseline of the catalog-load benchmark.  libyaml's parser
 * run over the whole text, every event taken and dropped: what any loader
 * built on libyaml (libcyaml included) has to pay before it does anything.
 * Built with -DYAML_SCAN_MAIN it is also a command: yaml_scan FILE. */
#include "yaml_scan.h"

#include <yaml.h>

long
yaml_scan(const unsigned char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t event;
	long n = 0;
	int done = 0;

	if (!yaml_parser_initialize(&parser))
		return -1;
	yaml_parser_set_input_string(&parser, data, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			n = -1;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
		n++;
	}
	yaml_parser_delete(&parser);
	return n;
}

#ifdef YAML_SCAN_MAIN
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv);

int
main(int argc, char **argv)
{
	unsigned char *buf;
	long size, n;
	FILE *f;

	if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: yaml_scan FILE\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc(size > 0 ? (size_t)size : 1);
	if (buf == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size)
		return 1;
	fclose(f);
	n = yaml_scan(buf, (size_t)size);
	printf("%ld events\n", n);
	free(buf);
	return n < 0;
}
#endif
