/* yamlpos: walking libyaml events to name places in a file. */
#include "yamlpos.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

void
yamlpos_path_key(struct yamlpos_path *p, const char *key)
{
	if (p->len < YAMLPOS_DEPTH_MAX) {
		p->key[p->len] = key;
		p->index[p->len] = -1;
		p->len++;
	}
}

void
yamlpos_path_index(struct yamlpos_path *p, long index)
{
	if (p->len < YAMLPOS_DEPTH_MAX) {
		p->key[p->len] = NULL;
		p->index[p->len] = index;
		p->len++;
	}
}

/* One open mapping or sequence.  `matched` says the path up to and
 * including this container is a prefix of the path sought. */
struct level {
	bool is_map;
	bool expect_key;
	bool value_matches; /* the next value's key matched */
	bool matched;
	long index;
};

void
yamlpos_fit(const unsigned char *data, size_t len, int *line, int *col)
{
	int lines = 1, last_len = 0;
	size_t i;

	/* the line after a final newline exists (empty); past it none do */
	for (i = 0; i < len; i++) {
		if (data[i] == '\n') {
			lines++;
			last_len = 0;
		} else {
			last_len++;
		}
	}
	if (*line > lines) {
		*line = lines;
		*col = last_len + 1;
	}
}

int
yamlpos_find(const unsigned char *data, size_t len,
             const struct yamlpos_path *path, int occurrence, int *line,
             int *col)
{
	/* Deeper levels than the path are never matched, so only their
	 * count is kept. */
	struct level stack[YAMLPOS_DEPTH_MAX + 2];
	long depth = 0, deep_extra = 0;
	int found = -1, seen = 0;
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;

	if (!yaml_parser_initialize(&parser))
		return -1;
	yaml_parser_set_input_string(&parser, data, len);
	while (!done && yaml_parser_parse(&parser, &ev)) {
		yaml_event_type_t type = ev.type;
		bool is_node = type == YAML_SCALAR_EVENT ||
		               type == YAML_SEQUENCE_START_EVENT ||
		               type == YAML_MAPPING_START_EVENT ||
		               type == YAML_ALIAS_EVENT;
		bool opens = type == YAML_SEQUENCE_START_EVENT ||
		             type == YAML_MAPPING_START_EVENT;
		bool matches = false;

		if (type == YAML_STREAM_END_EVENT)
			done = true;
		if (type == YAML_SEQUENCE_END_EVENT ||
		    type == YAML_MAPPING_END_EVENT) {
			if (deep_extra > 0)
				deep_extra--;
			else if (depth > 0)
				depth--;
		}
		if (is_node && deep_extra == 0) {
			if (depth == 0) {
				matches = true; /* the root */
				if (path->len == 0) {
					*line = (int)ev.start_mark.line + 1;
					*col = (int)ev.start_mark.column + 1;
					found = 0;
					done = true;
				}
			} else {
				struct level *up = &stack[depth - 1];
				int part = (int)depth - 1;

				if (up->is_map && up->expect_key) {
					up->expect_key = false;
					up->value_matches =
					    up->matched && part < path->len &&
					    path->key[part] != NULL &&
					    type == YAML_SCALAR_EVENT &&
					    strcmp((char *)ev.data.scalar.value,
					           path->key[part]) == 0;
					if (up->value_matches &&
					    part + 1 == path->len &&
					    ++seen == occurrence) {
						*line = (int)ev.start_mark.line + 1;
						*col = (int)ev.start_mark.column + 1;
						found = 0;
						done = true;
					}
					matches = false;
				} else if (up->is_map) {
					up->expect_key = true;
					matches = up->value_matches;
				} else {
					matches = up->matched &&
					          part < path->len &&
					          path->key[part] == NULL &&
					          path->index[part] == up->index;
					up->index++;
				}
				if (matches && part + 1 == path->len &&
				    path->key[part] == NULL) {
					*line = (int)ev.start_mark.line + 1;
					*col = (int)ev.start_mark.column + 1;
					found = 0;
					done = true;
				}
			}
			if (opens) {
				if (depth < path->len + 1) {
					struct level *l = &stack[depth++];

					l->is_map =
					    type == YAML_MAPPING_START_EVENT;
					l->expect_key = true;
					l->value_matches = false;
					l->matched = matches;
					l->index = 0;
				} else {
					deep_extra++;
				}
			}
		} else if (opens) {
			deep_extra++;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (found == 0)
		yamlpos_fit(data, len, line, col);
	return found;
}

static void
offset_to_place(const unsigned char *data, size_t len, size_t offset,
                int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < offset && i < len; i++) {
		if (data[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

/* Whether the scanner's error is better placed at its context mark: a
 * key without its ':' is only noticed on the next line, and an unclosed
 * quote at the end of the file, but the mistake is where they start. */
static bool
at_context(const yaml_parser_t *parser)
{
	return parser->error == YAML_SCANNER_ERROR && parser->context != NULL &&
	       parser->problem != NULL &&
	       (strstr(parser->context, "simple key") != NULL ||
	        (strstr(parser->context, "quoted scalar") != NULL &&
	         (strstr(parser->problem, "end of stream") != NULL ||
	          strstr(parser->problem, "document indicator") != NULL)));
}

int
yamlpos_first_problem(const unsigned char *data, size_t len, int *line,
                      int *col, char *msg, size_t size)
{
	/* open collections, to know where a mapping key is due; levels
	 * deeper than this are only counted */
	enum { KEYS_DEPTH = 64 };
	bool is_map[KEYS_DEPTH], key_due[KEYS_DEPTH];
	yaml_parser_t parser;
	yaml_event_t ev;
	int problem = 0, docs = 0;
	long depth = 0;

	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_string(&parser, data, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.error == YAML_READER_ERROR) {
				/* the reader knows only a byte offset */
				offset_to_place(data, len, parser.problem_offset,
				                line, col);
			} else if (at_context(&parser)) {
				*line = (int)parser.context_mark.line + 1;
				*col = (int)parser.context_mark.column + 1;
			} else {
				*line = (int)parser.problem_mark.line + 1;
				*col = (int)parser.problem_mark.column + 1;
			}
			snprintf(msg, size, "YAML syntax error: %s%s%s",
			         parser.problem ? parser.problem : "unknown",
			         parser.context ? " " : "",
			         parser.context ? parser.context : "");
			problem = 1;
			break;
		}
		if (ev.type == YAML_ALIAS_EVENT) {
			*line = (int)ev.start_mark.line + 1;
			*col = (int)ev.start_mark.column + 1;
			snprintf(msg, size,
			         "YAML aliases (*name) are not allowed here; "
			         "write the value out");
			problem = 1;
		}
		if (depth > 0 && depth <= KEYS_DEPTH && is_map[depth - 1] &&
		    (ev.type == YAML_SCALAR_EVENT || ev.type == YAML_ALIAS_EVENT ||
		     ev.type == YAML_SEQUENCE_START_EVENT ||
		     ev.type == YAML_MAPPING_START_EVENT)) {
			/* libcyaml only says "Internal error" for these */
			if (key_due[depth - 1] &&
			    (ev.type == YAML_SEQUENCE_START_EVENT ||
			     ev.type == YAML_MAPPING_START_EVENT)) {
				*line = (int)ev.start_mark.line + 1;
				*col = (int)ev.start_mark.column + 1;
				snprintf(msg, size,
				         "a key is a list or a mapping; keys "
				         "are single words such as name");
				problem = 1;
			}
			key_due[depth - 1] = !key_due[depth - 1];
		}
		if (ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT) {
			if (depth < KEYS_DEPTH) {
				is_map[depth] = ev.type == YAML_MAPPING_START_EVENT;
				key_due[depth] = true;
			}
			depth++;
		} else if (ev.type == YAML_SEQUENCE_END_EVENT ||
		           ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		}
		/* libcyaml reads the first document and ignores the rest */
		if (ev.type == YAML_DOCUMENT_START_EVENT && ++docs == 2) {
			*line = (int)ev.start_mark.line + 1;
			*col = (int)ev.start_mark.column + 1;
			snprintf(msg, size,
			         "a second YAML document starts here; the file "
			         "holds one document (no '---' between "
			         "parts)");
			problem = 1;
		}
		/* libcyaml would cut the string short at a "\0" escape */
		if (ev.type == YAML_SCALAR_EVENT &&
		    memchr(ev.data.scalar.value, '\0', ev.data.scalar.length) !=
		        NULL) {
			*line = (int)ev.start_mark.line + 1;
			*col = (int)ev.start_mark.column + 1;
			snprintf(msg, size,
			         "a string contains a NUL character (\\0); "
			         "plain text expected");
			problem = 1;
		}
		if (problem || ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (problem)
		yamlpos_fit(data, len, line, col);
	return problem;
}
