/* notify: the bell, the title and the desktop notification. */
#include "notify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runcmd.h"
#include "text.h"

#define ESC "\033"
#define ST  ESC "\\"

enum { CLEAN_SEMICOLON = 1, CLEAN_MARKUP = 2 };

/* Text that is safe inside an escape sequence or a command argument:
 * control characters and bad UTF-8 become printable \xNN (text_escape),
 * ';' becomes ',' where it would end a field, and markup is escaped. */
static void
clean(const char *in, char *out, size_t size, unsigned how)
{
	char tmp[512];
	const char *p;
	size_t o = 0;
	const char *rep;

	text_escape(in != NULL ? in : "", tmp, sizeof tmp);
	for (p = tmp; *p != '\0'; p++) {
		char one[2] = {*p, '\0'};

		rep = one;
		if (*p == ';' && (how & CLEAN_SEMICOLON))
			rep = ",";
		else if ((how & CLEAN_MARKUP) && *p == '&')
			rep = "&amp;";
		else if ((how & CLEAN_MARKUP) && *p == '<')
			rep = "&lt;";
		else if ((how & CLEAN_MARKUP) && *p == '>')
			rep = "&gt;";
		if (o + strlen(rep) + 1 > size)
			break;
		memcpy(out + o, rep, strlen(rep));
		o += strlen(rep);
	}
	/* cut short: never end inside a UTF-8 sequence (this may drop a
	 * whole last character too, which is fine) */
	if (*p != '\0') {
		while (o > 0 && ((unsigned char)out[o - 1] & 0xc0) == 0x80)
			o--;
		if (o > 0 && ((unsigned char)out[o - 1] & 0xc0) == 0xc0)
			o--;
	}
	out[o] = '\0';
}

static bool
has(const char *s, const char *word)
{
	size_t n = strlen(word);

	if (s == NULL)
		return false;
	for (; *s != '\0'; s++)
		if (strncasecmp(s, word, n) == 0)
			return true;
	return false;
}

bool
notify_escapes_ok(const struct notify_env *e)
{
	return e->tty && e->term != NULL && e->term[0] != '\0' &&
	       strcmp(e->term, "dumb") != 0 &&
	       strncmp(e->term, "linux", 5) != 0;
}

enum notify_osc
notify_osc_kind(const struct notify_env *e)
{
	/* inside tmux, TERM and TERM_PROGRAM name tmux, not the terminal */
	const char *term = e->tmux ? NULL : e->term;
	const char *program = e->tmux ? NULL : e->term_program;
	const char *outer = e->tmux ? e->outer : NULL;
	const char *names[3] = {program, term, outer};
	static const char *const osc9[] = {"iterm", "kitty"};
	static const char *const osc777[] = {"wezterm", "foot", "ghostty",
					     "rxvt", "vte"};
	size_t i, k;
	long vte;

	if (!notify_escapes_ok(e) ||
	    (!e->tmux && strncmp(e->term, "screen", 6) == 0))
		return NOTIFY_OSC_NONE;
	for (i = 0; i < 3; i++) {
		for (k = 0; k < sizeof osc9 / sizeof osc9[0]; k++)
			if (has(names[i], osc9[k]))
				return NOTIFY_OSC_9;
		for (k = 0; k < sizeof osc777 / sizeof osc777[0]; k++)
			if (has(names[i], osc777[k]))
				return NOTIFY_OSC_777;
	}
	vte = e->vte_version != NULL ? strtol(e->vte_version, NULL, 10) : 0;
	return vte >= 4000 ? NOTIFY_OSC_777 : NOTIFY_OSC_NONE;
}

/* Appends s at *o, keeping room for the NUL; false when it does not fit
 * (nothing is appended then). */
static bool
put(char *buf, size_t size, size_t *o, const char *s)
{
	size_t n = strlen(s);

	if (*o + n + 1 > size)
		return false;
	memcpy(buf + *o, s, n);
	*o += n;
	buf[*o] = '\0';
	return true;
}

/* A sequence for the terminal outside tmux: ESC P tmux ; with every ESC
 * of the sequence doubled, then ST (tmux needs allow-passthrough on). */
static void
put_passthrough(char *buf, size_t size, size_t *o, const char *seq)
{
	char wrapped[1200];
	size_t w = 0;
	const char *p;

	if (!put(wrapped, sizeof wrapped, &w, ESC "Ptmux;"))
		return;
	for (p = seq; *p != '\0'; p++) {
		char one[3] = {*p, *p == '\033' ? '\033' : '\0', '\0'};

		if (!put(wrapped, sizeof wrapped, &w, one))
			return;
	}
	if (put(wrapped, sizeof wrapped, &w, ST))
		put(buf, size, o, wrapped);
}

static void
put_osc_notify(const struct notify_env *e, const char *title, const char *body,
	       char *buf, size_t size, size_t *o)
{
	char t[160], b[400], seq[700];
	enum notify_osc kind = notify_osc_kind(e);

	if (kind == NOTIFY_OSC_NONE)
		return;
	clean(title, t, sizeof t, CLEAN_SEMICOLON);
	if (kind == NOTIFY_OSC_777) {
		clean(body, b, sizeof b, 0);
		snprintf(seq, sizeof seq, ESC "]777;notify;%s;%s" ST, t, b);
	} else {
		clean(body, b, sizeof b, 0);
		snprintf(seq, sizeof seq, ESC "]9;%s: %s" ST, t, b);
	}
	if (e->tmux)
		put_passthrough(buf, size, o, seq);
	else
		put(buf, size, o, seq);
}

size_t
notify_title_bytes(const struct notify_env *e, const char *title, char *buf,
		   size_t size)
{
	char t[160], seq[200];
	size_t o = 0;

	if (size > 0)
		buf[0] = '\0';
	if (!notify_escapes_ok(e))
		return 0;
	clean(title, t, sizeof t, 0);
	snprintf(seq, sizeof seq, ESC "]2;%s" ST, t);
	put(buf, size, &o, seq);
	return o;
}

size_t
notify_title_save_bytes(const struct notify_env *e, bool push, char *buf,
			size_t size)
{
	size_t o = 0;

	if (size > 0)
		buf[0] = '\0';
	if (notify_escapes_ok(e))
		put(buf, size, &o, push ? ESC "[22;2t" : ESC "[23;2t");
	return o;
}

size_t
notify_due_bytes(const struct notify_env *e, enum notify_mode mode, bool bell,
		 const char *title, const char *body, char *buf, size_t size)
{
	size_t o = notify_title_bytes(e, title, buf, size);

	if (mode == NOTIFY_AUTO)
		put_osc_notify(e, title, body, buf, size, &o);
	if (mode != NOTIFY_NONE && bell)
		put(buf, size, &o, "\a");
	return o;
}

void
notify_send_args(const char *title, const char *body, struct notify_args *a)
{
	clean(title, a->title, sizeof a->title, 0);
	clean(body, a->body, sizeof a->body, CLEAN_MARKUP);
	a->argv[0] = "notify-send";
	a->argv[1] = "--app-name=backease";
	a->argv[2] = "--";
	a->argv[3] = a->title;
	a->argv[4] = a->body;
	a->argv[5] = NULL;
}

pid_t
notify_desktop(const struct notify_env *e, enum notify_mode mode,
	       const char *title, const char *body)
{
	struct notify_args a;

	if (mode != NOTIFY_AUTO || !e->graphical)
		return -1;
	notify_send_args(title, body, &a);
	/* not installed: posix_spawnp fails and that is all */
	return runcmd_detached(a.argv);
}
