# test_tmux_remind: the reminder's curses screen in a real terminal, with
# --speed so that minutes pass in seconds and a one-move preset from a
# --catalog file: waiting ("next break in", minutes then seconds), due (the
# bell, as tmux's bell flag), snooze, an offer taken and run to its end
# (the run screen, history, the summary, back), skip, pause, help, a break
# now quit early, small terminals, one reminder per user, status before,
# during and after, idle not counted and away and back, and a clean end on
# q, SIGTERM and SIGHUP.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8

# the lock and the state file live here, never in the user's real one
export XDG_RUNTIME_DIR=$TEST_TMP/run
state=$XDG_RUNTIME_DIR/backease/remind.state
no_safety_note

# one move of 60 s: 3 s at --speed 20
tiny_catalog tiny.yaml 60

# the reminder's pid, from its state file (waits for it)
remind_pid() {
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$state" ] && { awk '$1 == "pid" { print $2 }' "$state"; return 0; }
		sleep 0.05
	done
	fail "no state file"
}
bell_flag() { tm display -p -t t '#{window_bell_flag}'; }
status_is() {
	expect_status 0 be status
	expect_eq "$OUT" "$1" "status $2"
}

status_is "" "before any reminder"

# ---- waiting ------------------------------------------------------------------
# 2 minutes at --speed 20 are 6 s; a snooze of 1 minute is 3 s
remind="$BACKEASE --no-checkin --catalog $TEST_TMP/tiny.yaml --ready 0 remind --preset tiny --idle 0 --speed 20"
tm_start 80 24 "$remind --every 2m --snooze 1m"
tm_wait "next break in"
pid=$(remind_pid)
OUT=$(tm_screen)
expect_contains "$OUT" "backease · reminder every 2 min"
expect_contains "$OUT" "minutes · at "
expect_contains "$OUT" "Tiny · 1:00 · seated"
expect_contains "$OUT" "today: 0 breaks taken · 0 skipped · 0 min active"
expect_contains "$OUT" "b break now  s snooze  k skip  p pause  q quit"
expect_contains "$OUT" "██"
expect_status 0 be status
[[ $OUT =~ ^break\ in\ [12]m$ ]] || fail "status while waiting: '$OUT'"
grep -q "^pid $pid$" "$state" || fail "the state file does not name pid $pid"
# one reminder per user
expect_status 1 be --catalog tiny.yaml remind --preset tiny
expect_contains "$ERR" "a reminder already runs (pid $pid)"
expect_eq "$(bell_flag)" 0 "the bell flag before the break is due"
# the last minute counts seconds
tm_wait "seconds · at " 6

# ---- due: the bell, the offer; snooze ------------------------------------------
tm_wait "time for a break" 6
OUT=$(tm_screen)
expect_contains "$OUT" "Tiny · 1:00 long · offered at "
expect_contains "$OUT" "enter start   s snooze 1 min   k skip"
expect_eq "$(bell_flag)" 1 "the bell flag when due"
status_is "break due" "when due"
tm_keys s
tm_wait "snoozed: next break at"
expect_status 0 be status
[[ $OUT =~ ^break\ in\ 1m$ ]] || fail "status after a snooze: '$OUT'"
tm_wait "time for a break" 6

# ---- the offer taken: the run screen, history, the summary, back --------------
before=$(history_lines)
tm_keys Enter
tm_wait "SHOULDER ROLL"
expect_contains "$(tm_screen)" "backease · Tiny"
status_is "on a break" "during the break"
tm_wait "Well done." 8
expect_contains "$(tm_screen)" "enter back to the reminder"
expect_eq "$(history_lines)" $((before + 1)) "history lines after the break"
tail -n 1 "$(history_file)" | grep -q $'\ttiny\t60\t60\t1/1\tdone' ||
	fail "history line: $(tail -n 1 "$(history_file)")"
expect_status 0 be status
[[ $OUT =~ ^break\ in\ [12]m$ ]] || fail "status after the break: '$OUT'"
tm_keys Enter
tm_wait "next break in"
expect_contains "$(tm_screen)" "today: 1 break taken · 0 skipped · 1 min active"

# ---- skip, pause, help ---------------------------------------------------------
tm_keys k
tm_wait "skipped: next break at"
tm_wait "today: 1 break taken · 1 skipped"
tm_keys p
tm_wait "reminders paused"
expect_contains "$(tm_screen)" "p resumes"
status_is "paused" "while paused"
sleep 4
expect_not_contains "$(tm_screen)" "time for a break"
status_is "paused" "still paused"
tm_keys p
tm_wait "resumed: next break at"
tm_keys '?'
tm_wait "Keys of the reminder"
tm_keys x
tm_wait_gone "Keys of the reminder"

# ---- a break now, quit early: recorded as quit, back to the reminder ------------
tm_keys b
tm_wait "SHOULDER ROLL"
tm_keys q
tm_wait "Quit this routine?"
tm_keys y
tm_wait "Routine stopped."
tail -n 1 "$(history_file)" | grep -q $'\ttiny\t60\t[0-9]*\t0/1\tquit' ||
	fail "history line: $(tail -n 1 "$(history_file)")"
tm_keys q # q on the summary goes back too
tm_wait "next break in"
expect_contains "$(tm_screen)" "today: 1 break taken"

# ---- small terminals -------------------------------------------------------------
tm_resize 50 20
tm_wait "next break in"
expect_contains "$(tm_screen)" "██"
tm_resize 30 8
tm_wait "next break in "
OUT=$(tm_screen)
expect_contains "$OUT" "Tiny · 1:00"
expect_contains "$OUT" "taken · 1 skipped"
expect_contains "$OUT" "b s k p q"
tm_resize 80 24
tm_wait "b break now"

# ---- q: the state file goes, the terminal is restored ----------------------------
tm_keys q
tm_wait "reminders stopped"
tm_expect_exit 0
[ ! -e "$state" ] || fail "the state file outlived q"
status_is "" "after q"

# ---- SIGTERM while waiting ---------------------------------------------------------
tm_keys "clear; $remind --every 45m" Enter
tm_wait "next break in"
pid=$(remind_pid)
status_is "break in 45m" "of a new reminder"
kill -TERM "$pid"
tm_wait "reminders stopped"
tm_expect_exit 143
[ ! -e "$state" ] || fail "the state file outlived SIGTERM"
status_is "" "after SIGTERM"

# ---- a graphical session without logind: idle is not counted, said once -------------
tm_keys "clear; DISPLAY=:99 $remind --every 45m --idle 5m" Enter
tm_wait "idle cannot be counted here"
tm_keys q
tm_expect_exit 0

# ---- away and back: "welcome back" ------------------------------------------------
# --idle 1m at --speed 60 is one real second without a key on any of the
# user's terminals; other terminals of the same user (other tests running
# meanwhile) can keep that from happening, so only a reminder that did see
# the user away must say welcome back on the next key
tm_keys "clear; $remind --every 45m --idle 1m --speed 60" Enter
tm_wait "next break in"
away=0
for ((i = 0; i < 200; i++)); do
	case $(tm_screen) in *"you seem to be away"*) away=1 && break ;; esac
	sleep 0.05
done
if [ "$away" = 1 ]; then
	status_is "away" "while away"
	tm_keys x
	tm_wait "welcome back: a "
	tm_wait "next break in"
else
	echo "note: the user's terminals never looked idle; welcome back not seen"
fi
tm_keys q
tm_expect_exit 0

# ---- SIGHUP: the terminal goes away ----------------------------------------------
tm_keys "clear; $no_leak_check $remind --every 45m" Enter
tm_wait "next break in"
pid=$(remind_pid)
tm kill-server
for ((i = 0; i < 100; i++)); do
	running "$pid" || break
	sleep 0.05
done
running "$pid" && fail "the reminder outlived SIGHUP"
[ ! -e "$state" ] || fail "the state file outlived SIGHUP"
status_is "" "after SIGHUP"
exit 0
