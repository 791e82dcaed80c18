# test_signals: every signal whose default action would end the process
# ends a plain run as quit instead: the last line printed, the run
# recorded, exit status 128+N; a signal whose default action dumps core
# (SIGQUIT, SIGXCPU, SIGXFSZ) is raised again after that, so the process
# still ends by it (and dumps core where the limits allow: not here).
. "$(dirname "$0")/lib.sh"

command -v perl >/dev/null 2>&1 || skip "no perl to read wait statuses"
ulimit -c 0
no_safety_note
long_catalog long.yaml

# Runs the long preset under a perl parent that writes the child's pid,
# then its wait status as "EXIT SIGNAL".
start_run() { # extra env assignments...
	rm -f child.pid child.status sig.out sig.err
	env "$@" perl -e '
		my $pid = fork;
		defined $pid or die "fork: $!";
		if ($pid == 0) { exec @ARGV; exit 127 }
		open my $f, ">", "child.pid.tmp" or die; print $f "$pid\n"; close $f;
		rename "child.pid.tmp", "child.pid";
		waitpid($pid, 0);
		open $f, ">", "child.status.tmp" or die;
		printf $f "%d %d\n", $? >> 8, $? & 127; close $f;
		rename "child.status.tmp", "child.status";
	' "$BACKEASE" --catalog long.yaml run long --plain </dev/null \
		>sig.out 2>sig.err &
	local n=0
	until [ -f child.pid ] && grep -q 'Long March' sig.out 2>/dev/null; do
		((n++ < 200)) || fail "no output from the run"
		sleep 0.05
	done
}

wait_status() {
	local n=0
	until [ -f child.status ]; do
		if ((n++ > 100)); then
			kill -9 "$(cat child.pid)"
			fail "the run did not end within 5 s"
		fi
		sleep 0.05
	done
	cat child.status
}

signals=(HUP INT QUIT USR1 USR2 PIPE ALRM TERM XCPU XFSZ VTALRM PROF IO PWR
	STKFLT RTMIN RTMAX)
for sig in "${signals[@]}"; do
	n=$(kill -l "$sig") || fail "no signal $sig here"
	before=$(history_lines)
	start_run
	sleep 0.2
	kill -s "$sig" "$(cat child.pid)"
	status=$(wait_status)
	OUT=$(cat sig.out) ERR=$(cat sig.err)
	case $sig in
	QUIT | XCPU | XFSZ) expect_eq "$status" "0 $n" "SIG$sig: wait status" ;;
	*) expect_eq "$status" "$((128 + n)) 0" "SIG$sig: wait status" ;;
	esac
	expect_eq "$(printf '%s\n' "$OUT" | tail -n 1 | sed 's/[0-9]:[0-9][0-9]$/T/')" \
		"quit: Long T" "SIG$sig: last line"
	expect_eq "$(history_lines)" $((before + 1)) "SIG$sig: history lines"
	expect_contains "$(tail -n 1 "$(history_file)")" $'\tlong\t'
	expect_contains "$(tail -n 1 "$(history_file)")" $'\tquit'
	expect_not_contains "$ERR" "Sanitizer"
done

# A signal outranks a history that cannot be written: the status says how
# the run ended, the message says what went wrong.
: >blocker
start_run XDG_STATE_HOME="$PWD/blocker/state"
sleep 0.2
kill -TERM "$(cat child.pid)"
expect_eq "$(wait_status)" "143 0" "SIGTERM with no history"
expect_contains "$(cat sig.err)" "history not written"
start_run XDG_STATE_HOME="$PWD/blocker/state"
sleep 0.2
kill -QUIT "$(cat child.pid)"
expect_eq "$(wait_status)" "0 3" "SIGQUIT with no history"
expect_contains "$(cat sig.err)" "history not written"
exit 0
