/* notify: telling the user that a break is due, beyond the screen: the
 * bell, the terminal's title, the desktop notification escape of the
 * terminals known to show one (OSC 777 or OSC 9, wrapped for tmux's
 * pass-through inside tmux), and notify-send in a graphical session.
 *
 * The bytes are built into a buffer from environment values passed in,
 * never read here, so tests can check every byte; the front end writes
 * them to the terminal. */
#ifndef BACKEASE_NOTIFY_H
#define BACKEASE_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "settings.h"

enum notify_osc {
	NOTIFY_OSC_NONE,
	NOTIFY_OSC_777, /* ESC ] 777 ; notify ; TITLE ; BODY ST */
	NOTIFY_OSC_9,	/* ESC ] 9 ; BODY ST */
};

/* The surroundings, as the environment tells them. */
struct notify_env {
	const char *term;	  /* $TERM */
	const char *term_program; /* $TERM_PROGRAM */
	const char *vte_version;  /* $VTE_VERSION */
	/* Inside tmux, the terminal its client runs in: the output of
	 * `tmux display -p '#{client_termname} #{client_termtype}'`, since
	 * TERM and TERM_PROGRAM inside name tmux itself; NULL when unknown. */
	const char *outer;
	bool tmux;	/* $TMUX is set */
	bool graphical; /* $DISPLAY or $WAYLAND_DISPLAY is set */
	bool tty;	/* the output is a terminal */
};

/* The desktop notification escape this terminal shows, if any.  OSC 777:
 * foot, rxvt-unicode, WezTerm, Ghostty, and VTE from 0.40 (VTE_VERSION
 * 4000: Fedora's VTE shows it; upstream VTE ignores it harmlessly).
 * OSC 9: iTerm2 and kitty.  None for TERM=linux, dumb, unset, or GNU
 * screen outside tmux. */
enum notify_osc notify_osc_kind(const struct notify_env *e);
/* Whether escapes (title, notifications) may be sent at all: the output
 * is a terminal and TERM is neither unset, dumb nor the Linux console
 * (which would print them). */
bool notify_escapes_ok(const struct notify_env *e);

/* The bytes for a break that falls due: the window title, the desktop
 * escape (NOTIFY_AUTO only), then the bell (unless mode is NOTIFY_NONE or
 * bell is false).  Text is cleaned of control characters (and of ';'
 * where it separates fields).  Returns the length; buf is NUL-terminated
 * and the text cut so that it fits. */
size_t notify_due_bytes(const struct notify_env *e, enum notify_mode mode,
			bool bell, const char *title, const char *body,
			char *buf, size_t size);
/* The title alone (OSC 2), or nothing where escapes are not sent. */
size_t notify_title_bytes(const struct notify_env *e, const char *title,
			  char *buf, size_t size);
/* Saves (push) or restores (pop) the terminal's own title (XTWINOPS 22
 * and 23), so that quitting puts it back where terminals support it. */
size_t notify_title_save_bytes(const struct notify_env *e, bool push, char *buf,
			       size_t size);

/* A notify-send command line: the program's name, options, "--", then the
 * title and the body cleaned of control characters, the body with its
 * markup characters (& < >) escaped, as notification servers read it. */
struct notify_args {
	char title[160];
	char body[400];
	const char *argv[8];
};
void notify_send_args(const char *title, const char *body,
		      struct notify_args *a);
/* Starts notify-send (NOTIFY_AUTO, a graphical session, installed) and
 * does not wait for it (runcmd_reap() collects it).  Its pid, or -1. */
pid_t notify_desktop(const struct notify_env *e, enum notify_mode mode,
		     const char *title, const char *body);

#endif
