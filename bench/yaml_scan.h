/* yaml_scan: the floor for catalog loading, a bare libyaml event scan. */
#ifndef BENCH_YAML_SCAN_H
#define BENCH_YAML_SCAN_H

#include <stddef.h>

/* Parses every event of data and nothing else.  Returns the number of
 * events, or -1 on a syntax error. */
long yaml_scan(const unsigned char *data, size_t len);

#endif
