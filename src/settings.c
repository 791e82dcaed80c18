/* settings: config.yaml, read with libcyaml into strings and checked
 * here, as strictly as the catalog (libcyaml would take "20abc" as 20).
 * Every value is checked before any is applied. */
#include "settings.h"

#include <cyaml/cyaml.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "duration.h"
#include "paths.h"
#include "text.h"
#include "yamlerr.h"

enum { SETTINGS_FILE_MAX = 64 * 1024 };

/* The file as written: every value a string, NULL when absent. */
struct remind_text {
	char *every, *preset, *idle, *snooze, *notify;
};

struct settings_text {
	char *ready, *breath, *bell, *speak, *color, *figures, *checkin;
	char *week_start;
	struct remind_text *remind;
};

#define TEXT_FIELD(key, type, member)                                        \
	CYAML_FIELD_STRING_PTR(key, CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,   \
	                       type, member, 0, CYAML_UNLIMITED)

static const cyaml_schema_field_t remind_fields[] = {
	TEXT_FIELD("every", struct remind_text, every),   /* a duration */
	TEXT_FIELD("preset", struct remind_text, preset), /* id or name */
	TEXT_FIELD("idle", struct remind_text, idle),     /* a duration */
	TEXT_FIELD("snooze", struct remind_text, snooze), /* a duration */
	TEXT_FIELD("notify", struct remind_text, notify), /* auto|bell|none */
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t settings_fields[] = {
	TEXT_FIELD("ready", struct settings_text, ready),   /* seconds */
	TEXT_FIELD("breath", struct settings_text, breath), /* IN:OUT */
	TEXT_FIELD("bell", struct settings_text, bell),     /* true|false */
	TEXT_FIELD("speak", struct settings_text, speak),
	TEXT_FIELD("color", struct settings_text, color),
	TEXT_FIELD("figures", struct settings_text, figures),
	TEXT_FIELD("checkin", struct settings_text, checkin),
	TEXT_FIELD("week_start", struct settings_text, week_start),
	CYAML_FIELD_MAPPING_PTR("remind",
	                        CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                        struct settings_text, remind, remind_fields),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t settings_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct settings_text,
	                    settings_fields),
};

static const char top_keys[] = "ready, breath, bell, speak, color, figures, "
                               "checkin, week_start, remind";
static const char remind_keys[] = "every, preset, idle, snooze, notify";

static void
describe(const struct yamlpos_path *p, bool is_mapping, char *buf,
         size_t size, const char **keys)
{
	bool in_remind = p->len >= (is_mapping ? 1 : 2) && p->key[0] != NULL &&
	                 strcmp(p->key[0], "remind") == 0;

	buf[0] = '\0';
	*keys = top_keys;
	if (in_remind) {
		snprintf(buf, size, "remind");
		*keys = remind_keys;
	}
}

/* Every value is a string to libcyaml; the words are checked below. */
static const char *
no_enums(const char *key)
{
	(void)key;
	return NULL;
}

void
settings_default(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->ready_s = 5;
	s->inhale_s = 4;
	s->exhale_s = 6;
	s->bell = true;
	s->speak = false;
	s->color = true;
	s->figures = true;
	s->checkin = true;
	s->week_start = WEEK_MONDAY;
	s->remind.every_s = 45 * 60;
	strcpy(s->remind.preset, "desk-break");
	s->remind.idle_s = 5 * 60;
	s->remind.snooze_s = 5 * 60;
	s->remind.notify = NOTIFY_AUTO;
}

int
settings_path(char *buf, size_t size)
{
	return paths_config("config.yaml", buf, size);
}

/* ---- checking the values ---------------------------------------------- */

struct checker {
	const struct yamlerr_file *f;
	struct diag *d;
	struct yamlpos_path path;
};

static int
bad(struct checker *c, const char *key, const char *value,
    const char *expected)
{
	struct yamlpos_path p = c->path;
	char shown[120];

	yamlpos_path_key(&p, key);
	text_escape(value, shown, sizeof shown);
	return yamlerr_fail(c->f, c->d, &p, "%s%s%s: '%s' is not valid; expected %s",
	                    c->path.len ? c->path.key[0] : "",
	                    c->path.len ? "." : "", key, shown, expected);
}

static int
check_bool(struct checker *c, const char *key, const char *v, bool *out)
{
	if (v == NULL)
		return 0;
	if (strcmp(v, "true") == 0)
		*out = true;
	else if (strcmp(v, "false") == 0)
		*out = false;
	else
		return bad(c, key, v, "true or false");
	return 0;
}

/* A duration from lo to hi seconds, written as 30, 30s, 2m or 1m30s. */
static int
check_duration(struct checker *c, const char *key, const char *v, long lo,
               long hi, const char *range, unsigned *out)
{
	long s;
	char expected[120];

	if (v == NULL)
		return 0;
	if (duration_parse(v, &s) != 0 || s < lo || s > hi) {
		snprintf(expected, sizeof expected,
		         "a duration from %s (such as 30s, 5m or 1m30s)", range);
		return bad(c, key, v, expected);
	}
	*out = (unsigned)s;
	return 0;
}

static int
check_word(struct checker *c, const char *key, const char *v,
           const char *const *words, int n, int *out)
{
	char expected[120] = "one of:";
	int i;

	if (v == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(v, words[i]) == 0) {
			*out = i;
			return 0;
		}
	for (i = 0; i < n; i++)
		snprintf(expected + strlen(expected),
		         sizeof expected - strlen(expected), "%s %s",
		         i ? "," : "", words[i]);
	return bad(c, key, v, expected);
}

static int
check_remind(struct checker *c, const struct remind_text *t,
             struct remind_settings *r)
{
	static const char *const notify[] = {"auto", "bell", "none"};
	int n = (int)r->notify;

	if (t == NULL)
		return 0;
	yamlpos_path_key(&c->path, "remind");
	if (check_duration(c, "every", t->every, 60, 24 * 3600, "1m to 24h",
	                   &r->every_s) ||
	    check_duration(c, "idle", t->idle, 60, 3600, "1m to 60m",
	                   &r->idle_s) ||
	    check_duration(c, "snooze", t->snooze, 60, 2 * 3600, "1m to 2h",
	                   &r->snooze_s) ||
	    check_word(c, "notify", t->notify, notify, 3, &n))
		return -1;
	r->notify = (enum notify_mode)n;
	if (t->preset != NULL) {
		if (!text_is_clean(t->preset) || t->preset[0] == '\0' ||
		    strlen(t->preset) >= sizeof r->preset)
			return bad(c, "preset", t->preset,
			           "a preset id or name (see 'backease list')");
		strcpy(r->preset, t->preset);
	}
	return 0;
}

static int
check_all(struct checker *c, const struct settings_text *t,
          struct settings *s)
{
	static const char *const weeks[] = {"monday", "sunday"};
	unsigned ready = s->ready_s;
	int week = (int)s->week_start;

	if (check_duration(c, "ready", t->ready, 0, 600, "0 to 600 seconds",
	                   &ready) ||
	    check_bool(c, "bell", t->bell, &s->bell) ||
	    check_bool(c, "speak", t->speak, &s->speak) ||
	    check_bool(c, "color", t->color, &s->color) ||
	    check_bool(c, "figures", t->figures, &s->figures) ||
	    check_bool(c, "checkin", t->checkin, &s->checkin) ||
	    check_word(c, "week_start", t->week_start, weeks, 2, &week))
		return -1;
	s->ready_s = ready;
	s->week_start = (enum week_start)week;
	if (t->breath != NULL &&
	    breath_parse(t->breath, &s->inhale_s, &s->exhale_s) != 0)
		return bad(c, "breath", t->breath,
		           "IN:OUT seconds from 1 to 30, such as 4:6");
	return check_remind(c, t->remind, &s->remind);
}

/* True when the text holds no YAML node: empty, blank or comments. */
static bool
is_blank(const unsigned char *data, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (data[i] == '#')
			while (i < len && data[i] != '\n')
				i++;
		else if (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' ||
		         data[i] == '\r')
			i++;
		else
			return false;
	}
	return true;
}

int
settings_load_data(const char *name, const unsigned char *data, size_t len,
                   struct settings *s, struct diag *d)
{
	struct yamlerr_log log;
	struct yamlerr_file f = {
	    .text = data,
	    .len = len,
	    .what = "invalid settings",
	    .describe = describe,
	    .enum_values = no_enums,
	};
	struct checker c = {.f = &f, .d = d};
	cyaml_config_t cfg = {
	    .log_fn = yamlerr_log_fn,
	    .log_ctx = &log,
	    .mem_fn = cyaml_mem,
	    .log_level = CYAML_LOG_ERROR,
	    .flags = CYAML_CFG_NO_ALIAS,
	};
	struct settings_text *t = NULL;
	struct settings next;
	char shown[256], msg[256];
	cyaml_err_t err;
	int line, col, rc = 0;

	text_escape(name, shown, sizeof shown);
	f.name = shown;
	settings_default(s);
	diag_clear(d);
	if (is_blank(data, len))
		return 0;
	if (yamlpos_first_problem(data, len, &line, &col, msg, sizeof msg)) {
		diag_set(d, shown, line, col, "%s", msg);
		return -1;
	}
	memset(&log, 0, sizeof log);
	err = cyaml_load_data(data, len, &cfg, &settings_schema,
	                      (cyaml_data_t **)&t, NULL);
	if (err != CYAML_OK) {
		yamlerr_explain(&f, err, &log, d);
		return -1;
	}
	if (t == NULL)
		return 0; /* no document at all (a lone byte-order mark) */
	next = *s;
	if (check_all(&c, t, &next) == 0)
		*s = next; /* all or nothing */
	else
		rc = -1;
	cyaml_free(&cfg, &settings_schema, t, 0);
	return rc;
}

int
settings_load(const char *path, struct settings *s, struct diag *d)
{
	unsigned char *data;
	size_t len = 0, got;
	char shown[256];
	struct stat st;
	FILE *fp;
	int rc;

	settings_default(s);
	diag_clear(d);
	/* a file that cannot be seen (missing, or behind a folder we may
	 * not enter) means the defaults; one that is there must be read */
	if (stat(path, &st) != 0)
		return 0;
	fp = fopen(path, "rb");
	text_escape(path, shown, sizeof shown);
	if (fp == NULL) {
		diag_set(d, shown, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	data = malloc(SETTINGS_FILE_MAX + 1);
	while (data != NULL && len <= SETTINGS_FILE_MAX &&
	       (got = fread(data + len, 1, SETTINGS_FILE_MAX + 1 - len, fp)) > 0)
		len += got;
	if (data == NULL || ferror(fp) || len > SETTINGS_FILE_MAX) {
		diag_set(d, shown, 0, 0,
		         data == NULL  ? "out of memory"
		         : ferror(fp) ? "cannot read the file"
		                      : "over 64 KiB; a settings file is a few lines");
		fclose(fp);
		free(data);
		return -1;
	}
	fclose(fp);
	rc = settings_load_data(path, data, len, s, d);
	free(data);
	return rc;
}
