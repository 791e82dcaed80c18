/* catalog_explain: how the catalog's problems are worded: which entry a
 * place is in and what keys and values it takes (the rest is yamlerr). */
#include "catalog_explain.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "areas.h"

/* "exercise 3" / "exercise 3, figure" / "preset 2, item 4" for a path,
 * to name the entry, and the keys that entry may have.  The path names a
 * mapping (is_mapping) or a value inside one. */
static void
describe_path(const struct yamlpos_path *p, bool is_mapping, char *buf,
              size_t size, const char **keys)
{
	size_t n;

	*keys = catalog_top_keys;
	buf[0] = '\0';
	if (p->len < 2 || p->key[0] == NULL || p->key[1] != NULL)
		return;
	if (strcmp(p->key[0], "exercises") == 0) {
		snprintf(buf, size, "exercise %ld", p->index[1] + 1);
		*keys = catalog_exercise_keys;
		if (p->len >= (is_mapping ? 3 : 4) && p->key[2] != NULL &&
		    strcmp(p->key[2], "figure") == 0) {
			n = strlen(buf);
			snprintf(buf + n, size - n, ", figure");
			*keys = catalog_figure_keys;
		}
		return;
	}
	snprintf(buf, size, "preset %ld", p->index[1] + 1);
	*keys = catalog_preset_keys;
	if (p->len >= 4 && p->key[2] != NULL &&
	    strcmp(p->key[2], "items") == 0 && p->key[3] == NULL) {
		n = strlen(buf);
		snprintf(buf + n, size - n, ", item %ld", p->index[3] + 1);
		*keys = catalog_item_keys;
	}
}

void
catalog_explain_file(const struct catalog_doc *doc, struct yamlerr_file *f)
{
	memset(f, 0, sizeof *f);
	f->name = doc->name;
	f->text = catalog_doc_text(doc, &f->len);
	f->what = "invalid catalog";
	f->describe = describe_path;
	f->enum_values = catalog_enum_values;
	f->list_words = areas_allowed; /* only areas has a minimum */
}

void
catalog_explain_load(const struct catalog_doc *doc, cyaml_err_t err,
                     const struct yamlerr_log *log, struct diag *d)
{
	struct yamlerr_file f;

	catalog_explain_file(doc, &f);
	yamlerr_explain(&f, err, log, d);
}

int
catalog_doc_fail(const struct catalog_doc *doc, struct diag *d,
                 const struct yamlpos_path *path, const char *fmt, ...)
{
	struct yamlerr_file f;
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	catalog_explain_file(doc, &f);
	return yamlerr_fail(&f, d, path, "%s", msg);
}
