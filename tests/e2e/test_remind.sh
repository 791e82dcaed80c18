# test_remind: `backease remind --plain` and `backease status`, with
# --speed so that minutes pass in seconds: waiting, due (a bell byte in the
# output), an ignored offer ringing again three times, keys typed on a
# terminal (util-linux script gives it one): snooze, a break taken and run
# to its end (a history line), pause, skip, quit; one reminder per user;
# status before, during and after, and for the stale file of a dead one.
. "$(dirname "$0")/lib.sh"

# the lock and the state file live here, never in the user's real one
export XDG_RUNTIME_DIR=$TEST_TMP/run
state=$XDG_RUNTIME_DIR/backease/remind.state
no_safety_note

tiny_catalog tiny.yaml 10

# wait_text FILE TEXT [SECS]: until FILE contains TEXT
wait_text() {
	local i
	for ((i = 0; i < ${3:-10} * 20; i++)); do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	OUT=$(cat -v "$1") ERR=
	fail "never saw '$2' in $1"
}

bells() { tr -cd '\a' <"$1" | wc -c | tr -d ' '; }

# every process started in the background, ended however the test ends
started=()
trap 'kill "${started[@]}" 2>/dev/null' EXIT

# wait_gone PID [SECS]: until the process has ended; its status in $STATUS
wait_gone() {
	local i
	for ((i = 0; i < ${2:-10} * 20; i++)); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.05
	done
	kill -0 "$1" 2>/dev/null && fail "pid $1 did not end"
	wait "$1"
	STATUS=$?
}

# ---- no reminder: status says nothing ---------------------------------------
expect_status 0 be status
expect_eq "$OUT" "" "status with no reminder"
expect_status 0 be status --format '%m %p'
expect_eq "$OUT" "" "status --format with no reminder"

# ---- usage ------------------------------------------------------------------
expect_status 2 be remind --every 10s
expect_contains "$ERR" "--every takes a time from 1m"
expect_status 2 be remind --idle 30s
expect_contains "$ERR" "--idle takes 0 (off)"
expect_status 2 be remind --snooze x
expect_status 2 be remind --preset no-such-preset
expect_contains "$ERR" "unknown preset 'no-such-preset'"
expect_status 2 be status --format '%q'
expect_contains "$ERR" "--format knows"
expect_status 2 be status --every 5m
expect_contains "$ERR" "goes with 'remind'"
[ ! -e "$state" ] || fail "a refused remind left a state file"

# ---- waiting, due, status, one per user, SIGTERM ------------------------------
# 2 minutes at --speed 20 are 6 s
"$BACKEASE" --no-checkin --catalog tiny.yaml --ready 0 remind --plain --preset tiny --every 2m \
	--idle 0 --speed 20 </dev/null >r1.out 2>r1.err &
pid=$!
started+=("$pid")
wait_text r1.out "next break at"
line=$(head -n 2 r1.out | tail -n 1)
[[ $line =~ ^next\ break\ at\ [0-2][0-9]:[0-5][0-9]$ ]] || fail "line '$line'"
expect_contains "$(head -n 1 r1.out)" "backease remind: Tiny (0:10) every 2 min"
expect_status 0 be status
[[ $OUT =~ ^break\ in\ [12]m$ ]] || fail "status while waiting: '$OUT'"
expect_status 0 be status --format '%m|%p|%S|%s|%%|%t'
[[ $OUT =~ ^[12]\|Tiny\|waiting\|0\|%\|break\ in\ [12]m$ ]] ||
	fail "status --format while waiting: '$OUT'"
grep -q "^pid $pid$" "$state" || fail "the state file does not name pid $pid"
# a second reminder is refused and names the first
expect_status 1 be --catalog tiny.yaml remind --plain --preset tiny
expect_contains "$ERR" "a reminder already runs (pid $pid)"
expect_eq "$OUT" "" "the refused reminder's output"
grep -q "^pid $pid$" "$state" || fail "the refused reminder touched the state"
expect_eq "$(bells r1.out)" 0 "bells before the break is due"
wait_text r1.out "break due: Tiny (0:10)" 15
sleep 0.2
expect_eq "$(bells r1.out)" 1 "bells when due"
expect_not_contains "$(cat r1.out)" $'\033' # a file gets no escapes
expect_status 0 be status
expect_eq "$OUT" "break due" "status when due"
expect_status 0 be status --format '%S %m'
expect_eq "$OUT" "due 0" "status --format when due"
kill -TERM "$pid"
wait_gone "$pid"
expect_eq "$STATUS" 143 "exit status after SIGTERM"
expect_eq "$(tail -n 1 r1.out)" "reminders stopped" "last line after SIGTERM"
[ ! -e "$state" ] || fail "the state file outlived the reminder"
expect_status 0 be status
expect_eq "$OUT" "" "status after the reminder ended"
[ -s r1.err ] && fail "stderr: $(cat r1.err)"

# ---- an ignored offer rings again every 5 minutes, 3 times ------------------
# at --speed 300 a minute is 0.2 s: due at 0.2 s, rings at 1.2, 2.2, 3.2 s
"$BACKEASE" --no-checkin --catalog tiny.yaml --ready 0 remind --plain --preset tiny --every 1m \
	--idle 0 --speed 300 </dev/null >r2.out 2>&1 &
pid=$!
started+=("$pid")
wait_text r2.out "break due" 5
sleep 4.5
expect_eq "$(grep -c $'^break still due: Tiny\a$' r2.out)" 3 "rings again"
expect_eq "$(bells r2.out)" 4 "bells of an ignored offer"
expect_status 0 be status
expect_eq "$OUT" "break due" "status of an ignored offer"
kill -INT "$pid"
wait_gone "$pid"
expect_eq "$STATUS" 130 "exit status after SIGINT"
[ ! -e "$state" ] || fail "the state file outlived SIGINT"
# --no-bell: the line, no bell
"$BACKEASE" --no-checkin --catalog tiny.yaml --ready 0 remind --plain --preset tiny --every 1m \
	--idle 0 --speed 300 --no-bell </dev/null >r3.out 2>&1 &
pid=$!
started+=("$pid")
wait_text r3.out "break due" 5
kill -HUP "$pid"
wait_gone "$pid"
expect_eq "$STATUS" 129 "exit status after SIGHUP"
expect_eq "$(bells r3.out)" 0 "bells with --no-bell"
[ ! -e "$state" ] || fail "the state file outlived SIGHUP"

# ---- keys on a terminal -----------------------------------------------------
command -v script >/dev/null 2>&1 || skip "util-linux script is not installed"
mkfifo keys
# at --speed 30 a minute is 2 s
script -qfec "'$BACKEASE' --no-checkin --catalog tiny.yaml remind --plain --preset tiny \
--every 1m --snooze 1m --idle 0 --speed 30 --ready 0" pty.log \
	<keys >/dev/null 2>&1 &
spid=$!
started+=("$spid")
exec 3>keys
# the log without carriage returns and title escapes (ESC ] ... ESC \)
log() { tr -d '\r' <pty.log | sed -e $'s/\033][^\033]*\033\\\\//g'; }
wait_text pty.log "next break at"
expect_contains "$(log)" "keys: Enter, b, s, k, p, q"
printf 's\n' >&3
wait_text pty.log "snoozed: next break at"
wait_text pty.log "break due: Tiny (0:10); Enter starts it, s snoozes, k skips" 10
grep -qF $'\a' pty.log || fail "no bell on the terminal"
expect_status 0 be status
expect_eq "$OUT" "break due" "status of a due break"
# Enter takes it: the run as `run --plain`, to its end, then the next
before=$(history_lines)
printf '\n' >&3
wait_text pty.log "done: Tiny 0:10" 10
expect_eq "$(history_lines)" $((before + 1)) "history lines after the break"
tail -n 1 "$(history_file)" | grep -q $'\ttiny\t10\t10\t1/1\tdone\t-\t-$' ||
	fail "history line: $(tail -n 1 "$(history_file)")"
# the line after it comes a moment later, from the reminder, not the run
next_after_done() {
	log | grep -A1 '^done: Tiny 0:10$' | tail -n 1 | grep -q '^next break at '
}
for ((i = 0; i < 100; i++)); do
	next_after_done && break
	sleep 0.05
done
next_after_done || fail "no 'next break at' after the break: $(log | tail -n 5)"
# pause: status says so, and nothing falls due
printf 'p\n' >&3
wait_text pty.log "paused, 1 min left"
expect_status 0 be status
expect_eq "$OUT" "paused" "status while paused"
n=$(grep -c 'break due' pty.log)
sleep 2.5
expect_eq "$(grep -c 'break due' pty.log)" "$n" "due lines while paused"
printf 'p\n' >&3
wait_text pty.log "resumed: next break at"
printf 'k\n' >&3
wait_text pty.log "skipped: next break at"
printf '?\n' >&3
wait_text pty.log "keys (then Enter)"
printf 'q\n' >&3
wait_gone "$spid"
exec 3>&-
expect_eq "$STATUS" 0 "script's status after q"
wait_text pty.log "reminders stopped"
grep -q 'COMMAND_EXIT_CODE="0"' pty.log || fail "q did not exit 0: $(log | tail -n 3)"
[ ! -e "$state" ] || fail "the state file outlived q"
expect_status 0 be status
expect_eq "$OUT" "" "status after q"

# ---- a stale state file ---------------------------------------------------
sh -c 'exit 0' &
dead=$!
wait "$dead"
mkdir -p "$XDG_RUNTIME_DIR/backease"
printf 'backease-remind 1\npid %s\nstate waiting\ndue_ms %s000\nleft 600\nspeed 1.000\npreset Desk break\n' \
	"$dead" "$(($(date +%s) + 600))" >"$state"
expect_status 0 be status
expect_eq "$OUT" "" "status of a dead reminder's file"
# a live pid that holds no lock (a reused pid) is no reminder either
sed -i "s/^pid .*/pid $$/" "$state"
expect_status 0 be status
expect_eq "$OUT" "" "status of a file whose pid holds no lock"
# nor is a damaged file without a reminder
printf 'garbage\n' >"$state"
expect_status 0 be status
expect_eq "$OUT$ERR" "" "status of a damaged file, no reminder"
# a new reminder takes over from the stale file
"$BACKEASE" --no-checkin --catalog tiny.yaml --ready 0 remind --plain --preset tiny --idle 0 \
	</dev/null >r4.out 2>&1 &
pid=$!
started+=("$pid")
wait_text r4.out "next break at"
expect_status 0 be status
expect_eq "$OUT" "break in 45m" "status of the new reminder (45m default)"
kill "$pid"
wait_gone "$pid"
[ ! -e "$state" ] || fail "the state file outlived the new reminder"
exit 0
