/* test_notify: the exact bytes a due break sends to the terminal, for the
 * terminals that show a desktop notification, those that do not, and
 * inside tmux; and the notify-send command line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "notify.h"

static char buf[2048];

static struct notify_env
env(const char *term, const char *program, const char *vte)
{
	struct notify_env e;

	memset(&e, 0, sizeof e);
	e.term = term;
	e.term_program = program;
	e.vte_version = vte;
	e.tty = true;
	return e;
}

static const char *
due(const struct notify_env *e, enum notify_mode mode, bool bell)
{
	size_t n = notify_due_bytes(e, mode, bell, "break due: Desk break",
				    "Desk break (3:30)", buf, sizeof buf);

	assert_int_equal(n, strlen(buf));
	return buf;
}

static void
test_osc777_terminals(void **state)
{
	struct notify_env e = env("foot", NULL, NULL);

	(void)state;
	assert_string_equal(due(&e, NOTIFY_AUTO, true),
			    "\033]2;break due: Desk break\033\\"
			    "\033]777;notify;break due: Desk break;"
			    "Desk break (3:30)\033\\"
			    "\a");
	e = env("rxvt-unicode-256color", NULL, NULL);
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_777);
	e = env("xterm-256color", "WezTerm", NULL);
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_777);
	e = env("xterm-ghostty", "ghostty", NULL);
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_777);
	/* VTE from 0.40 (4000); older ones get none */
	e = env("xterm-256color", NULL, "6800");
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_777);
	e = env("xterm-256color", NULL, "3803");
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_NONE);
}

static void
test_osc9_terminals(void **state)
{
	struct notify_env e = env("xterm-256color", "iTerm.app", NULL);

	(void)state;
	assert_string_equal(due(&e, NOTIFY_AUTO, true),
			    "\033]2;break due: Desk break\033\\"
			    "\033]9;break due: Desk break: Desk break "
			    "(3:30)\033\\"
			    "\a");
	e = env("xterm-kitty", NULL, NULL);
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_9);
}

static void
test_plain_terminals_get_bell_and_title(void **state)
{
	struct notify_env e = env("xterm-256color", NULL, NULL);

	(void)state;
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_NONE);
	assert_string_equal(due(&e, NOTIFY_AUTO, true),
			    "\033]2;break due: Desk break\033\\\a");
	/* GNU screen outside tmux would need its own wrapping */
	e = env("screen-256color", "WezTerm", NULL);
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_NONE);
}

static void
test_never_on_the_console(void **state)
{
	struct notify_env e = env("linux", "WezTerm", "6800");

	(void)state;
	/* the Linux console would print the escapes as text */
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_NONE);
	assert_string_equal(due(&e, NOTIFY_AUTO, true), "\a");
	assert_int_equal(notify_title_bytes(&e, "x", buf, sizeof buf), 0);
	assert_int_equal(notify_title_save_bytes(&e, true, buf, sizeof buf), 0);
	e = env("dumb", NULL, NULL);
	assert_string_equal(due(&e, NOTIFY_AUTO, true), "\a");
	e = env(NULL, NULL, NULL);
	assert_string_equal(due(&e, NOTIFY_AUTO, true), "\a");
	/* output to a file or a pipe: only the bell */
	e = env("foot", NULL, NULL);
	e.tty = false;
	assert_string_equal(due(&e, NOTIFY_AUTO, true), "\a");
}

static void
test_tmux_passthrough(void **state)
{
	struct notify_env e = env("tmux-256color", "tmux", NULL);

	(void)state;
	e.tmux = true;
	/* unknown outer terminal: tmux gets the title, no notification */
	assert_string_equal(due(&e, NOTIFY_AUTO, true),
			    "\033]2;break due: Desk break\033\\\a");
	/* the client's terminal as tmux names it; every ESC doubled */
	e.outer = "foot foot(1.16.2)";
	assert_string_equal(due(&e, NOTIFY_AUTO, true),
			    "\033]2;break due: Desk break\033\\"
			    "\033Ptmux;"
			    "\033\033]777;notify;break due: Desk break;"
			    "Desk break (3:30)\033\033\\"
			    "\033\\"
			    "\a");
	e.outer = "xterm-kitty kitty 0.26.5";
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_9);
	/* TERM_PROGRAM inside tmux is tmux's, not the terminal's */
	e.outer = NULL;
	e.term_program = "iTerm.app";
	assert_int_equal(notify_osc_kind(&e), NOTIFY_OSC_NONE);
}

static void
test_modes(void **state)
{
	struct notify_env e = env("foot", NULL, NULL);

	(void)state;
	assert_string_equal(due(&e, NOTIFY_BELL, true),
			    "\033]2;break due: Desk break\033\\\a");
	assert_string_equal(due(&e, NOTIFY_NONE, true),
			    "\033]2;break due: Desk break\033\\");
	assert_string_equal(due(&e, NOTIFY_AUTO, false),
			    "\033]2;break due: Desk break\033\\"
			    "\033]777;notify;break due: Desk break;"
			    "Desk break (3:30)\033\\");
	assert_int_equal(notify_desktop(&e, NOTIFY_AUTO, "t", "b"), -1);
	e.graphical = true;
	assert_int_equal(notify_desktop(&e, NOTIFY_BELL, "t", "b"), -1);
}

static void
test_text_is_cleaned(void **state)
{
	struct notify_env e = env("foot", NULL, NULL);
	const char *p;
	int esc = 0;

	(void)state;
	notify_due_bytes(&e, NOTIFY_AUTO, true, "a;b\033]0;evil\a",
			 "x\ty\xc2\x9b\x9b", buf, sizeof buf);
	/* exactly the ESCs of the title and of the notification (two
	 * each), the one BEL at the end */
	for (p = buf; *p != '\0'; p++)
		esc += *p == '\033';
	assert_int_equal(esc, 4);
	assert_ptr_equal(strchr(buf, '\a'), buf + strlen(buf) - 1);
	assert_non_null(strstr(buf, "777;notify;a,b\\x1b]0,evil\\x07;"));
	assert_non_null(strstr(buf, "x\\x09y\\xc2\\x9b\\x9b\033\\"));
	/* long text is cut, never the sequence */
	char big[1500];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	notify_due_bytes(&e, NOTIFY_AUTO, true, big, big, buf, sizeof buf);
	assert_true(strlen(buf) < sizeof buf);
	assert_int_equal(buf[strlen(buf) - 1], '\a');
}

static void
test_title_save(void **state)
{
	struct notify_env e = env("xterm-256color", NULL, NULL);

	(void)state;
	notify_title_save_bytes(&e, true, buf, sizeof buf);
	assert_string_equal(buf, "\033[22;2t");
	notify_title_save_bytes(&e, false, buf, sizeof buf);
	assert_string_equal(buf, "\033[23;2t");
	notify_title_bytes(&e, "backease: next break at 14:45", buf,
			   sizeof buf);
	assert_string_equal(buf, "\033]2;backease: next break at 14:45\033\\");
}

static void
test_notify_send_args(void **state)
{
	struct notify_args a;

	(void)state;
	notify_send_args("-rf", "<b>Desk</b> & \033[2J", &a);
	assert_string_equal(a.argv[0], "notify-send");
	assert_string_equal(a.argv[2], "--");
	/* text after "--": an option-like title stays text */
	assert_string_equal(a.argv[3], "-rf");
	assert_string_equal(a.argv[4],
			    "&lt;b&gt;Desk&lt;/b&gt; &amp; \\x1b[2J");
	assert_null(a.argv[5]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_osc777_terminals),
	    cmocka_unit_test(test_osc9_terminals),
	    cmocka_unit_test(test_plain_terminals_get_bell_and_title),
	    cmocka_unit_test(test_never_on_the_console),
	    cmocka_unit_test(test_tmux_passthrough),
	    cmocka_unit_test(test_modes),
	    cmocka_unit_test(test_text_is_cleaned),
	    cmocka_unit_test(test_title_save),
	    cmocka_unit_test(test_notify_send_args),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
