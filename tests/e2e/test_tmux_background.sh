# test_tmux_background: a run that cannot use its terminal, because it is
# in the background (`backease run X &` in an interactive shell, or
# `timeout`, which puts it in a process group of its own), ends when told
# to, records the run, and leaves the terminal as it was.  With
# `stty tostop` the kernel stops a background process at its first
# output; SIGTERM (with the SIGCONT that kill %1 and timeout send) must
# still end it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8

no_safety_note
long_catalog long.yaml
cat="--catalog $PWD/long.yaml"

wait_history() { # lines
	local i
	for ((i = 0; i < 60; i++)); do
		[ "$(history_lines)" = "$1" ] && return 0
		sleep 0.1
	done
	fail "expected $1 history lines, found $(history_lines)"
}

tm_start 100 30 "stty tostop"
# ---- `run X &`, stopped at its first line, then kill %1 ----------------------
for mode in --plain ""; do
	before=$(history_lines)
	# (input from /dev/null: a stop on reading the terminal (SIGTTIN)
	# could come just as bash runs kill, too late for it to send SIGCONT)
	tm_keys "clear; $BACKEASE $cat run long $mode </dev/null & pid=\$!" Enter
	sleep 0.5
	tm_keys "jobs" Enter
	tm_wait "Stopped"
	# bash's kill sends SIGCONT after SIGTERM to a stopped job
	tm_keys "kill %1; sleep 1; wait \$pid" Enter
	tm_expect_exit 143
	expect_not_contains "$OUT" "Long March"
	wait_history $((before + 1))
	expect_contains "$(tail -n 1 "$(history_file)")" $'\tlong\t'
	expect_contains "$(tail -n 1 "$(history_file)")" $'\tquit'
done

# ---- under timeout: a process group of its own ---------------------------
# From a script (no job control) timeout(1) puts itself and its command in
# a new process group, in the background of the terminal, and ignores
# SIGTTOU and SIGTTIN for it, so the terminal lets it write (tostop or
# not) and set modes: the full-screen display works there.  124: timed
# out, and the run ended on the SIGTERM; 137 would be the SIGKILL that a
# stuck run gets 5 s later.
for mode in --plain ""; do
	before=$(history_lines)
	tm_keys "clear; bash -c 'timeout -k 5 1 $BACKEASE --no-checkin $cat run long $mode'; s=\$?; echo \"to-status \$s\"; (exit \$s)" Enter
	tm_wait "to-status 1" 12
	tm_expect_exit 124
	expect_contains "$OUT" "quit: Long 0:0"
	expect_not_contains "$OUT" "using plain mode"
	wait_history $((before + 1))
	expect_contains "$(tail -n 1 "$(history_file)")" $'\tquit'
done

# ---- without tostop the background run writes its lines as it goes -------
tm_keys "clear; stty -tostop" Enter
before=$(history_lines)
# (input from /dev/null, as above)
tm_keys "clear; $BACKEASE $cat run long </dev/null & pid=\$!" Enter
tm_wait "get ready: Long March"
tm_keys "kill %1; sleep 1; wait \$pid" Enter
tm_expect_exit 143
expect_contains "$OUT" "running in the background of the terminal; using plain mode"
expect_contains "$OUT" "quit: Long 0:0"
wait_history $((before + 1))
exit 0
