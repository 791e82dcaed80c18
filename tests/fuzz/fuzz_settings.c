/* libFuzzer harness for the settings file (settings_load_data).
 *
 * Checked for every input:
 *  - the loader returns 0 or -1 and never crashes, leaks or reads past the
 *    input (it is copied into a buffer of exactly its length);
 *  - on -1 the settings are exactly the defaults (never half-applied) and
 *    the message is non-empty, clean text (nothing from the file reaches
 *    the terminal raw), with a line no later than the file's last;
 *  - on 0 every value is within the bounds the checker promises. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "settings.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
die(const char *what, const char *detail)
{
	fuzz_die("fuzz_settings", what, "detail", detail);
}

static int
lines_in(const uint8_t *data, size_t size)
{
	int n = 1;
	size_t i;

	for (i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s, defaults;
	struct diag d;
	unsigned char *copy = malloc(size ? size : 1);
	int rc;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	settings_default(&defaults);
	rc = settings_load_data("fuzz.yaml", copy, size, &s, &d);
	if (rc != 0 && rc != -1)
		die("returned neither 0 nor -1", "");
	if (rc == -1) {
		if (memcmp(&s, &defaults, sizeof s) != 0)
			die("a bad file changed the settings", d.msg);
		if (d.msg[0] == '\0')
			die("no message for a bad file", "");
		if (!text_is_clean(d.msg) || !text_is_clean(d.file))
			die("the message is not clean text", d.msg);
		if (d.line < 0 || d.line > lines_in(data, size) + 1)
			die("the message's line is past the end", d.msg);
	} else {
		if (s.ready_s > 600 || s.inhale_s < 1 || s.inhale_s > 30 ||
		    s.exhale_s < 1 || s.exhale_s > 30)
			die("a run setting out of bounds", "");
		if (s.remind.every_s < 60 || s.remind.every_s > 24 * 3600 ||
		    s.remind.idle_s < 60 || s.remind.idle_s > 3600 ||
		    s.remind.snooze_s < 60 || s.remind.snooze_s > 2 * 3600 ||
		    s.remind.notify > NOTIFY_NONE ||
		    s.week_start > WEEK_SUNDAY)
			die("a remind setting out of bounds", "");
		if (memchr(s.remind.preset, '\0', sizeof s.remind.preset) ==
		        NULL ||
		    !text_is_clean(s.remind.preset))
			die("the preset is not clean text", "");
	}
	free(copy);
	return 0;
}
