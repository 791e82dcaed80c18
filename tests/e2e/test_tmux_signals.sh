# Signals and terminals in a real terminal: SIGTERM, SIGHUP, Ctrl-Z and fg,
# TERM=dumb, and a non-UTF-8 locale.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8

# no safety note in the way, and no check-in (test_tmux_checkin has it)
"$BACKEASE" --help >/dev/null
mkdir -p "$XDG_STATE_HOME/backease"
: >"$XDG_STATE_HOME/backease/safety-note-shown"

pidfile=$TEST_TMP/pid
tm_start 80 24 "sh -c 'echo \$\$ >$pidfile; exec $BACKEASE run desk-break --no-checkin'"
tm_wait "GET READY"
sleep 1.1

# SIGTERM ends the run, records it and restores the terminal
kill -TERM "$(cat "$pidfile")"
tm_wait "quit: Desk break"
tm_expect_exit 143
[ "$(history_lines)" = 1 ] || fail "SIGTERM did not record the run"
expect_contains "$(cat "$(history_file)")" $'\tquit'

# Ctrl-Z pauses and suspends; fg comes back to the paused run
tm_keys "clear; $BACKEASE run desk-break --no-checkin" Enter
tm_wait "GET READY"
tm_keys C-z
tm_wait "Stopped"
tm_keys "fg" Enter
tm_wait "PAUSED"
t1=$(tm_header_time)
sleep 1.2
expect_eq "$(tm_header_time)" "$t1" "clock after fg"
tm_keys Space
tm_wait_gone "PAUSED"
tm_keys q y
tm_expect_exit 0
[ "$(history_lines)" = 2 ] || fail "expected two history lines"

# SIGHUP (the terminal goes away) records the run too
tm_keys "clear; $no_leak_check $BACKEASE run desk-break --no-checkin" Enter
tm_wait "GET READY"
tm kill-server
for _ in $(seq 50); do
	[ "$(history_lines)" = 3 ] && break
	sleep 0.1
done
[ "$(history_lines)" = 3 ] || fail "SIGHUP did not record the run"

# the terminal goes away and no SIGHUP comes (only the session leader
# gets one, and this one ignores it and lives on): the run still ends,
# recorded, instead of spinning on a hung-up terminal
cat >"$TEST_TMP/leader.sh" <<EOF
trap '' HUP
echo \$\$ >$TEST_TMP/leader.pid
sh -c 'echo \$\$ >$pidfile; exec env $no_leak_check $BACKEASE run desk-break --no-checkin'
exec sleep 60
EOF
# the script is the pane's process, the session leader (an interactive
# shell would pass its SIGHUP on to its jobs)
tm -f /dev/null new-session -d -s t -x 80 -y 24 "sh $TEST_TMP/leader.sh"
tm_wait "GET READY"
pid=$(cat "$pidfile")
tm kill-server
for _ in $(seq 50); do
	running "$pid" || break
	sleep 0.1
done
if running "$pid"; then
	cpu=$(ps -o pcpu= -p "$pid")
	kill -KILL "$pid"
	fail "still running 5 s after its terminal hung up (CPU $cpu%)"
fi
[ "$(history_lines)" = 4 ] || fail "a hang-up without SIGHUP did not record the run"
kill "$(cat "$TEST_TMP/leader.pid")" 2>/dev/null || true

# TERM=dumb: plain mode with a notice instead of failing
tm_start 80 24 "TERM=dumb $BACKEASE run warmup-6 --speed 200 --no-checkin"
tm_wait "done: 6-minute warm-up 6:00" 15
OUT=$(tm_screen)
expect_contains "$OUT" "using plain mode"
expect_contains "$OUT" "get ready: March in Place"
tm_expect_exit 0

# a non-UTF-8 locale gets ASCII drawing
tm_keys "clear; LANG=C LC_ALL=C $BACKEASE run warmup-6 --no-checkin" Enter
tm_wait "GET READY"
OUT=$(tm_screen)
expect_contains "$OUT" "###"
expect_not_contains "$OUT" "█"
tm_keys q y
tm_expect_exit 0
