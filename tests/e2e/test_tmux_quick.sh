# The menu's last entry, Quick routine, in a real terminal: minutes,
# where and equipment step by step, the plan (the same as `backease quick`
# builds), the run it starts, history under `quick`; escape backs out.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8
mkdir -p "$XDG_STATE_HOME/backease"
touch "$XDG_STATE_HOME/backease/safety-note-shown"

# plan_names: the move names of the dialog's plan, one a line
plan_names() {
	tm_screen | sed -n 's/^ *[0-9][0-9]*  \(.*[^ ]\)  *[0-9]*:[0-9][0-9] *$/\1/p'
}
# within5 M:SS SECONDS: fails unless M:SS is within 5 s of SECONDS
within5() {
	local s=$((10#${1%%:*} * 60 + 10#${1##*:}))
	[ $((s - $2)) -le 5 ] && [ $(($2 - s)) -le 5 ] ||
		fail "total $1 is not within 5 s of $2 s"
}
# last_run STATUS: the history's last line is a quick run that ended so
last_run() {
	local line
	line=$(tail -n 1 "$(history_file)")
	expect_eq "$(printf '%s\n' "$line" | cut -f 2)" quick "history preset"
	expect_eq "$(printf '%s\n' "$line" | cut -f 6)" "$1" "history status"
}
# open_quick: from the menu, the last entry and its first step
open_quick() {
	tm_wait "PRESET"
	tm_keys G
	tm_wait "▸ Quick routine"
	tm_keys Enter
	tm_wait "How many minutes do you have?"
}

# ---- 80x24: the whole way, to the end of the run ------------------------
tm_start 80 24 "$BACKEASE --no-checkin --speed 100"
tm_wait "PRESET"
tm_keys G
tm_wait "Quick routine · 1 to 60 minutes"
OUT=$(tm_screen)
expect_contains "$OUT" "▸ Quick routine"
expect_contains "$OUT" "Fits the minutes you have"
# escape leaves the first step for the menu; the minutes are kept
tm_keys Enter
tm_wait "How many minutes do you have?"
expect_contains "$(tm_screen)" "5 min · anywhere · nothing"
tm_keys 4
tm_wait "4 min · anywhere"
tm_keys Escape
tm_wait "PRESET"
tm_keys Enter
tm_wait "How many minutes do you have?"
tm_keys + -
tm_wait "4 min · anywhere · nothing"

# where: not on the floor
tm_keys Enter
tm_wait "Where are you?"
tm_keys j j Space
tm_wait "4 min · seated, standing · nothing"
OUT=$(tm_screen)
expect_contains "$OUT" "[ ] on the floor"
expect_contains "$OUT" "moves fit"

# equipment: a chair, wherever the list has it
tm_keys Enter
tm_wait "What do you have to hand?"
row=$(tm_screen | grep '\[.\] ' | grep -n '\] chair$' | cut -d: -f1)
[ -n "$row" ] || fail "no chair in the list: $(tm_screen)"
for ((i = 1; i < row; i++)); do tm_keys j; done
tm_keys Space
tm_wait "4 min · seated, standing · chair"
# escape goes back a step, and enter on again
tm_keys Escape
tm_wait "Where are you?"
tm_keys Enter
tm_wait "What do you have to hand?"
expect_contains "$(tm_screen)" "[x] chair"

# the plan: the moves and a total within 5 s of 4 minutes, the same
# routine the command builds for the same choices, date and history
tm_keys Enter
tm_wait "Quick routine, 4 min ·"
OUT=$(tm_screen)
expect_contains "$OUT" "enter start"
total=$(printf '%s\n' "$OUT" | grep 'Quick routine, 4 min ·' |
	grep -o '[0-9]*:[0-9][0-9] *$' | tr -d ' ')
within5 "$total" 240
names=$(plan_names)
[ -n "$names" ] || fail "no moves in the plan: $OUT"
expect_status 0 be quick 4m --position seated,standing --equipment chair --plan
expect_eq "$names" "$(printf '%s\n' "$OUT" | sed -n 's/.*get ready: //p')" \
	"the dialog's moves against the command's"
expect_eq "total $total" "$(printf '%s\n' "$OUT" | tail -n 1)" "total"
first=$(printf '%s\n' "$names" | head -n 1)

# enter starts it: the run screen with the first move (paused at once by
# the space sent with it, as --speed 100 gets ready in 50 ms); resumed,
# it ends in a few seconds
tm_keys Enter Space
tm_wait "GET READY: ${first^^}"
tm_wait "PAUSED"
expect_contains "$(tm_screen)" "Quick routine, 4 min"
tm_keys Space
tm_wait "Well done." 20
expect_contains "$(tm_screen)" "Quick routine, 4 min"
tm_keys Enter
tm_wait "PRESET"
tm_keys q
tm_wait "done: Quick routine, 4 min"
tm_expect_exit 0
[ "$(history_lines)" = 1 ] || fail "expected one history line"
last_run done
[ -s "$XDG_STATE_HOME/backease/quick-recent" ] ||
	fail "the run's moves were not noted"

# ---- nothing fits, and a routine that misses: said in the dialog --------
tm_keys "clear; $BACKEASE --no-checkin --speed 100 --catalog '$E2E_DIR/data/mats.yaml'" Enter
open_quick
tm_keys Enter Enter
tm_wait "[ ] mat"
tm_wait "no move fits"
tm_keys Enter
tm_wait "Nothing fits these choices."
expect_contains "$(tm_screen)" "no exercise in the catalog fits these filters"
# enter starts nothing
tm_keys Enter
sleep 0.3
expect_contains "$(tm_screen)" "Nothing fits these choices."
tm_keys Escape
tm_wait "What do you have to hand?"
tm_keys Space Enter
tm_wait "Quick routine, 5 min ·"
OUT=$(tm_screen)
expect_contains "$OUT" "s short of 5:00: too few moves to fill the time"
expect_contains "$OUT" "Mat Stretch"
tm_keys q
tm_wait "PRESET"
tm_keys q
tm_expect_exit 0
[ "$(history_lines)" = 1 ] || fail "nothing ran, yet history grew"

# ---- 50x20: quit the run; escape all the way back ----------------------
tm_resize 50 20
tm_keys "clear; $BACKEASE --no-checkin --speed 100" Enter
open_quick
# ? shows the help, which names the entry; any key goes back to the step
tm_keys '?'
tm_wait "stats. Its last entry, Quick routine,"
tm_keys x
tm_wait_gone "any key closes this help"
expect_contains "$(tm_screen)" "How many minutes do you have?"
tm_keys 1 0
tm_wait "10 min · anywhere"
tm_keys Enter
tm_wait "Where are you?"
# no place at all is refused
tm_keys a Enter
tm_wait "tick one place at least"
tm_keys a Enter
tm_wait "What do you have to hand?"
tm_keys Enter
tm_wait "Quick routine, 10 min ·"
OUT=$(tm_screen)
total=$(printf '%s\n' "$OUT" | grep 'Quick routine, 10 min ·' |
	grep -o '[0-9]*:[0-9][0-9] *$' | tr -d ' ')
within5 "$total" 600
first=$(plan_names | head -n 1)
[ -n "$first" ] || fail "no moves in the plan: $OUT"
# escape backs out step by step to the menu
tm_keys Escape
tm_wait "What do you have to hand?"
tm_keys Escape
tm_wait "Where are you?"
tm_keys Escape
tm_wait "How many minutes do you have?"
tm_keys Escape
tm_wait "PRESET"
# and in again: the choices are kept, the plan is the same
tm_keys Enter
tm_wait "10 min · anywhere · nothing"
tm_keys Enter Enter Enter
tm_wait "Quick routine, 10 min ·"
expect_eq "$(plan_names | head -n 1)" "$first" "the plan the second time"
tm_keys Enter Space
tm_wait "GET READY: ${first^^}"
tm_quit_run
tm_keys Enter
tm_wait "PRESET"
tm_keys q
tm_wait "quit: Quick routine, 10 min"
tm_expect_exit 0
[ "$(history_lines)" = 2 ] || fail "expected two history lines"
last_run quit

# ---- 40x12: still usable; the plan is cut with "... and N more" ---------
tm_resize 40 12
tm_keys "clear; $BACKEASE --no-checkin --speed 100" Enter
open_quick
tm_keys 3 0 Enter Enter Enter
tm_wait "Quick routine, 30 min"
OUT=$(tm_screen)
expect_contains "$OUT" "... and "
expect_contains "$OUT" "enter start"
# scrolling down shows the last move and no cut
tm_keys j j j j j j j j j j j j j j j j j j j j
tm_wait_gone "... and "
tm_keys Escape Escape Escape Escape
tm_wait "PRESET"
tm_keys q
tm_expect_exit 0
