/* ui_plain: line mode.  Waits in poll() on standard input and the signal
 * pipe until the engine's next step boundary. */
#include "ui_plain.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <unistd.h>

#include "checkin.h"
#include "clock.h"
#include "duration.h"
#include "history.h"
#include "safety.h"
#include "signals.h"
#include "speech.h"
#include "text.h"

struct plain {
	const struct timeline *tl;
	struct engine *e;
	struct run_clock clock;
	bool input_open; /* standard input is a terminal we still read */
	char line[128];
	size_t line_len;
	size_t printed; /* index of the step whose line was printed last */
	bool printed_any;
	bool speak;
};

static void
print_step(struct plain *pl, size_t index, uint64_t offset_ms)
{
	const struct step *s = &pl->tl->steps[index];
	char when[16], what[512], len[16], buf[TEXT_OUT_MAX],
	    how[TEXT_OUT_MAX];
	const char *shown;

	duration_format((long)(offset_ms / 1000), when, sizeof when);
	step_describe(s, what, sizeof what);
	shown = text_for_terminal(what, buf, sizeof buf);
	duration_format((long)((s->duration_ms + 999) / 1000), len, sizeof len);
	if (s->kind == STEP_READY)
		printf("%5s  %s (%s): %s\n", when, shown, len,
		       text_for_terminal(s->instruction, how, sizeof how));
	else if (s->kind == STEP_SELF && pl->input_open)
		printf("%5s  %s: press Enter when done\n", when, shown);
	else
		printf("%5s  %s  %s%s\n", when, shown,
		       s->kind == STEP_SELF ? "~" : "", len);
	pl->printed = index;
	pl->printed_any = true;
	if (pl->speak)
		speech_say(what);
}

/* Prints the lines of the steps that began since the last call.  Steps
 * passed in one update (a short step and a late wake) each get a line. */
static void
print_progress(struct plain *pl, bool moved_by_user)
{
	struct engine_snapshot snap;
	uint64_t offset;
	size_t i;

	/* once told to end, nothing more but the last line */
	if (signals_quit_pending())
		return;
	engine_snapshot(pl->e, run_clock_now(&pl->clock), &snap);
	if (engine_over(pl->e))
		return;
	offset = snap.elapsed_ms - snap.step_elapsed_ms;
	if (pl->printed_any && snap.index == pl->printed && !moved_by_user)
		return;
	if (pl->printed_any && !moved_by_user && snap.index > pl->printed + 1) {
		uint64_t before = offset;

		for (i = pl->printed + 1; i < snap.index; i++)
			before -= pl->tl->steps[i].duration_ms;
		for (i = pl->printed + 1; i < snap.index; i++) {
			print_step(pl, i, before);
			before += pl->tl->steps[i].duration_ms;
		}
	}
	print_step(pl, snap.index, offset);
	fflush(stdout);
}

/* A line typed on the terminal: Enter ends a self-paced set; a few letters
 * work as the curses keys do. */
static void
handle_line(struct plain *pl, const char *cmd, uint64_t now)
{
	bool moved = true;

	if (cmd[0] == '\0')
		engine_confirm(pl->e, now);
	else if (strcmp(cmd, "q") == 0)
		engine_quit(pl->e, now);
	else if (strcmp(cmd, "n") == 0)
		engine_next(pl->e, now);
	else if (strcmp(cmd, "p") == 0)
		engine_prev(pl->e, now);
	else if (strcmp(cmd, "+") == 0)
		engine_adjust(pl->e, now, ENGINE_ADJUST_MS), moved = false;
	else if (strcmp(cmd, "-") == 0)
		engine_adjust(pl->e, now, -ENGINE_ADJUST_MS), moved = false;
	else if (strcmp(cmd, " ") == 0 || strcmp(cmd, "pause") == 0) {
		engine_toggle_pause(pl->e, now);
		printf("%s\n", engine_state(pl->e) == ENGINE_PAUSED
		                   ? "paused (Enter a space to resume)"
		                   : "resumed");
		moved = false;
	} else {
		printf("keys: Enter (set done), space (pause), n, p, +, -, q\n");
		moved = false;
	}
	if (moved)
		print_progress(pl, true);
	fflush(stdout);
}

static void
read_input(struct plain *pl, uint64_t now)
{
	char buf[256];
	ssize_t n, i;

	n = read(STDIN_FILENO, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		/* closed: never poll it again, and let self-paced steps
		 * run at their nominal length */
		pl->input_open = false;
		engine_set_nominal(pl->e, true);
		return;
	}
	for (i = 0; i < n; i++) {
		if (buf[i] == '\n') {
			pl->line[pl->line_len] = '\0';
			handle_line(pl, pl->line, now);
			pl->line_len = 0;
		} else if (pl->line_len + 1 < sizeof pl->line) {
			pl->line[pl->line_len++] = buf[i];
		}
	}
}

/* Waits in poll() and acts until the run is over.  Returns the signal
 * that ended it, 0, or -1 when standard output failed (a full disk, a
 * closed descriptor). */
static int
plain_loop(struct plain *pl, int sig_fd)
{
	struct pollfd fds[2];
	int quit = 0, resized, suspend, cont, timeout, nfds;
	uint64_t now;

	while (!engine_over(pl->e)) {
		now = run_clock_now(&pl->clock);
		timeout = run_clock_timeout(
		    &pl->clock, engine_next_deadline(pl->e, now, 0));
		fds[0].fd = sig_fd;
		fds[0].events = POLLIN;
		fds[1].fd = STDIN_FILENO;
		fds[1].events = POLLIN;
		nfds = pl->input_open ? 2 : 1;
		if (poll(fds, (nfds_t)nfds, timeout) < 0 && errno != EINTR)
			break;
		now = run_clock_now(&pl->clock);
		signals_take(&quit, &resized, &suspend, &cont);
		if (quit) {
			engine_quit(pl->e, now);
			return quit;
		}
		if (suspend) {
			engine_pause(pl->e, now);
			printf("paused\n");
			fflush(stdout);
			signals_suspend_self();
			engine_resume(pl->e, run_clock_now(&pl->clock));
			printf("resumed\n");
			continue;
		}
		if (nfds == 2 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
			read_input(pl, now);
		engine_update(pl->e, run_clock_now(&pl->clock));
		print_progress(pl, false);
		if (ferror(stdout)) {
			/* a reader that went away (SIGPIPE, | head) or a
			 * signal that cut a write short ends the run as that
			 * signal; otherwise the output failed */
			engine_quit(pl->e, run_clock_now(&pl->clock));
			signals_take(&quit, &resized, &suspend, &cont);
			return quit ? quit : -1;
		}
		if (pl->speak)
			speech_reap();
	}
	return quit;
}

/* The check-in's question (SPEC section 8) as a prompt: a number and
 * Enter, an empty line skips, anything else asks again.  Only asked when
 * standard input and output are a terminal, with the run paused.  Returns
 * 0, or the signal that ends the program. */
static int
ask_pain(struct plain *pl, int sig_fd, const char *question, int *value)
{
	static const char scale[] = "0-10 (0 no pain, 10 worst imaginable), "
	                            "Enter skips: ";
	struct pollfd fds[2];
	char buf[256], line[64];
	size_t len = 0;
	ssize_t n, i;
	int quit = 0, resized, suspend, cont;

	*value = HISTORY_PAIN_NONE;
	printf("%s %s", question, scale);
	fflush(stdout);
	for (;;) {
		fds[0].fd = sig_fd;
		fds[0].events = POLLIN;
		fds[1].fd = STDIN_FILENO;
		fds[1].events = POLLIN;
		if (poll(fds, 2, -1) < 0 && errno != EINTR)
			return 0;
		signals_take(&quit, &resized, &suspend, &cont);
		if (quit) {
			putchar('\n');
			return quit;
		}
		if (suspend) {
			signals_suspend_self();
			printf("%s %s", question, scale);
			fflush(stdout);
			continue;
		}
		if (!(fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		n = read(STDIN_FILENO, buf, sizeof buf);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0) {
			/* input ended: no answer, and nothing more to read */
			pl->input_open = false;
			engine_set_nominal(pl->e, true);
			putchar('\n');
			return 0;
		}
		for (i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (len + 1 < sizeof line)
					line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			len = 0;
			if (checkin_parse(line, value) != CHECKIN_ASKING)
				return 0;
			printf("A number from 0 to 10, or Enter to skip: ");
			fflush(stdout);
		}
	}
}

/* The lines after done: or quit:, the change in pain and the nudge when
 * it is due (for a person: only on a terminal). */
static void
print_after(const struct run_options *ro, int before, int after)
{
	struct stats s;
	bool nudge;

	if (!isatty(STDOUT_FILENO) || run_load_stats(&s, ro->week_start) != 0) {
		run_print_after(before, after, NULL);
		return;
	}
	nudge = run_nudge_now(&s);
	run_print_after(before, after, nudge ? &s : NULL);
	stats_free(&s);
}

int
ui_plain_run(const struct preset *p, const struct run_options *ro)
{
	struct plain pl;
	struct timeline tl;
	struct engine_snapshot snap;
	char total[16], name[TEXT_OUT_MAX];
	int sig_fd, quit = 0, failed;
	int before = HISTORY_PAIN_NONE, after = HISTORY_PAIN_NONE;
	time_t started = time(NULL);
	bool ask;

	if (timeline_build(p, &ro->timeline, &tl) != 0) {
		fprintf(stderr, "backease: out of memory\n");
		return 1;
	}
	memset(&pl, 0, sizeof pl);
	pl.tl = &tl;
	pl.input_open = isatty(STDIN_FILENO);
	if (ro->speak) {
		pl.speak = speech_init();
		if (!pl.speak)
			printf("--speak: neither spd-say nor espeak-ng is "
			       "installed\n");
	}
	run_clock_init(&pl.clock, ro->speed);
	pl.e = engine_new(&tl, run_clock_now(&pl.clock),
	                  pl.input_open ? 0 : ENGINE_SELF_PACED_NOMINAL);
	/* every ending signal (SIGPIPE too: | head) ends the run as quit */
	sig_fd = signals_install(1);
	if (pl.e == NULL || sig_fd < 0) {
		fprintf(stderr, "backease: cannot start the run\n");
		engine_free(pl.e);
		timeline_free(&tl);
		return 1;
	}
	if (run_safety_due()) {
		printf("%s\n", SAFETY_TEXT);
		run_safety_shown();
	}
	engine_set_late_ms(pl.e, (uint64_t)(ENGINE_LATE_MS * ro->speed));
	duration_format((long)(tl.total_ms / 1000), total, sizeof total);
	printf("backease: %s, %zu move%s, %s%s\n",
	       text_for_terminal(p->name, name, sizeof name), tl.moves_count,
	       tl.moves_count == 1 ? "" : "s", tl.self_paced ? "~" : "", total);
	/* the check-in, with the clock stopped until it is answered */
	/* only a person at the terminal is asked: not a background job,
	 * whose reads the terminal would stop or refuse */
	ask = ro->checkin && pl.input_open && isatty(STDOUT_FILENO) &&
	      tcgetpgrp(STDIN_FILENO) == getpgrp();
	if (ask) {
		engine_pause(pl.e, run_clock_now(&pl.clock));
		quit = ask_pain(&pl, sig_fd, "How is your upper back right now?",
		                &before);
		engine_resume(pl.e, run_clock_now(&pl.clock));
		started = time(NULL);
		if (quit)
			engine_quit(pl.e, run_clock_now(&pl.clock));
	}
	if (!quit) {
		print_progress(&pl, false);
		quit = plain_loop(&pl, sig_fd);
	}

	engine_snapshot(pl.e, run_clock_now(&pl.clock), &snap);
	/* told to end in the background of a terminal that stops output
	 * from there (stty tostop): end without writing to it */
	if (quit > 0 && signals_tty_refuses_output(STDOUT_FILENO))
		__fpurge(stdout);
	else
		run_print_end(p->name, &snap);
	if (ask && quit == 0 && pl.input_open && snap.steps_done > 0)
		quit = ask_pain(&pl, sig_fd, "And now?", &after);
	failed = run_record(&tl, &snap, started, before, after) != 0 ||
	         quit < 0;
	if (quit == 0)
		print_after(ro, before, after);
	engine_free(pl.e);
	timeline_free(&tl);
	/* a signal's status says how the run ended, whatever else failed */
	return quit > 0 ? 128 + quit : failed ? 1 : 0;
}
