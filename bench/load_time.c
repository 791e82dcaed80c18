/* load_time: times catalog loading and validation in-process against a
 * bare libyaml scan of the same bytes.
 *
 *   load_time N FILE...
 *
 * For each FILE (read into memory once), runs N rounds; each round times
 * (a) catalog_init + catalog_add_data + catalog_finish on an empty catalog
 * and (b) yaml_scan() of the same buffer, in alternating order, with
 * CLOCK_MONOTONIC.  catalog_free is outside the timed part.  Two untimed
 * rounds come first.  Prints one line per file:
 *
 *   FILE BYTES EVENTS EXERCISES LOAD_MEDIAN_NS SCAN_MEDIAN_NS LOAD_MIN_NS SCAN_MIN_NS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock_ns.h"
#include "catalog.h"
#include "yaml_scan.h"

int main(int argc, char **argv);

static unsigned char *
slurp(const char *path, size_t *len)
{
	unsigned char *buf;
	long size;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc(size > 0 ? (size_t)size : 1);
	if (buf != NULL && fread(buf, 1, (size_t)size, f) != (size_t)size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)size;
	return buf;
}

/* One timed load; exits on failure (a benchmark of a failing load would
 * time the wrong thing). */
static uint64_t
time_load(const char *name, const unsigned char *data, size_t len,
          size_t *exercises)
{
	struct catalog cat;
	struct diag d;
	char msg[1200];
	uint64_t t0, t1;
	int rc;

	diag_clear(&d);
	t0 = now_ns();
	catalog_init(&cat);
	rc = catalog_add_data(&cat, name, data, len, &d);
	if (rc == 0)
		rc = catalog_finish(&cat, &d);
	t1 = now_ns();
	if (rc != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "load_time: %s\n", msg);
		exit(1);
	}
	*exercises = cat.exercises_count;
	catalog_free(&cat);
	return t1 - t0;
}

static uint64_t
time_scan(const unsigned char *data, size_t len, long *events)
{
	uint64_t t0 = now_ns();

	*events = yaml_scan(data, len);
	return now_ns() - t0;
}

int
main(int argc, char **argv)
{
	uint64_t *load, *scan, lmin, smin;
	unsigned char *data;
	size_t len, exercises = 0;
	long events = 0;
	int n, i, f;

	if (argc < 3 || (n = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: load_time N FILE...\n");
		return 2;
	}
	load = calloc((size_t)n, sizeof *load);
	scan = calloc((size_t)n, sizeof *scan);
	if (load == NULL || scan == NULL)
		return 1;
	for (f = 2; f < argc; f++) {
		data = slurp(argv[f], &len);
		if (data == NULL) {
			perror(argv[f]);
			return 1;
		}
		for (i = 0; i < 2; i++) {
			time_load(argv[f], data, len, &exercises);
			time_scan(data, len, &events);
		}
		if (events < 0) {
			fprintf(stderr, "load_time: %s: YAML error\n", argv[f]);
			return 1;
		}
		for (i = 0; i < n; i++) {
			if (i % 2) {
				scan[i] = time_scan(data, len, &events);
				load[i] = time_load(argv[f], data, len,
				                    &exercises);
			} else {
				load[i] = time_load(argv[f], data, len,
				                    &exercises);
				scan[i] = time_scan(data, len, &events);
			}
		}
		lmin = load[0];
		smin = scan[0];
		for (i = 1; i < n; i++) {
			lmin = load[i] < lmin ? load[i] : lmin;
			smin = scan[i] < smin ? scan[i] : smin;
		}
		printf("%s %zu %ld %zu %llu %llu %llu %llu\n", argv[f], len,
		       events, exercises,
		       (unsigned long long)median_ns(load, (size_t)n),
		       (unsigned long long)median_ns(scan, (size_t)n),
		       (unsigned long long)lmin, (unsigned long long)smin);
		free(data);
	}
	free(load);
	free(scan);
	return 0;
}
