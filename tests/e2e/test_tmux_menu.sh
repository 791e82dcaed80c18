# The menu in a real terminal: list, move, filter, start, back, quit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8

# (the check-in has its own test: test_tmux_checkin)
tm_start 80 24 "$BACKEASE --no-checkin"
tm_wait "not medical advice"
# the whole note, urgent signs and the closing key included
OUT=$(tm_screen)
expect_contains "$OUT" "Stop at once if a move causes sharp pain,"
expect_contains "$OUT" "way of daily activities, follows an injury,"
expect_contains "$OUT" "the legs, or loss of bladder or bowel control."
expect_contains "$OUT" "press any key to go on"
tm_keys x
# the menu's heading shows beside the note too: wait for the note to go
tm_wait_gone "press any key to go on"
tm_wait "PRESET"
OUT=$(tm_screen)
expect_contains "$OUT" "6-minute warm-up"
expect_contains "$OUT" "6:00"
expect_contains "$OUT" "Desk break"
expect_contains "$OUT" "enter start"
expect_contains "$OUT" "Not medical advice"
# the detail pane follows the selection
expect_contains "$OUT" "6-minute warm-up · 5 moves · 6:00"
tm_keys j
tm_wait "Desk break · "
tm_keys k
tm_wait "6-minute warm-up · 5 moves"

# / filters as you type
tm_keys / y o g a
tm_wait "/yoga"
OUT=$(tm_screen)
expect_contains "$OUT" "Yoga for the upper back"
expect_not_contains "$OUT" "Desk break"
tm_keys Escape
tm_wait "Desk break"

# Enter starts the selected preset; quitting it shows the summary,
# Enter goes back to the menu, q leaves with status 0
tm_keys Enter
tm_wait "GET READY: MARCH"
tm_quit_run
tm_keys Enter
tm_wait "PRESET"
tm_keys q
tm_wait "quit: 6-minute warm-up"
tm_expect_exit 0
[ "$(history_lines)" = 1 ] || fail "expected one history line"

# colour by default, none under NO_COLOR or with the setting color: false
# menu_colour CMD: starts the menu with CMD, says whether it had colour
menu_colour() {
	local rc=1
	tm_keys "clear; $1" Enter
	tm_wait "PRESET"
	tm capture-pane -e -p -t t >"$TEST_TMP/colour"
	grep -q $'\e\\[[0-9;]*3[0-7]m' "$TEST_TMP/colour" && rc=0
	tm_keys q
	tm_expect_exit 0
	return $rc
}
menu_colour "$BACKEASE" || fail "no colour by default"
menu_colour "NO_COLOR=1 $BACKEASE" && fail "colour under NO_COLOR"
mkdir -p "$XDG_CONFIG_HOME/backease"
echo 'color: false' >"$XDG_CONFIG_HOME/backease/config.yaml"
menu_colour "$BACKEASE" && fail "colour with color: false"
rm "$XDG_CONFIG_HOME/backease/config.yaml"

# a small terminal still shows a usable menu
tm_resize 40 10
tm_keys "clear; $BACKEASE" Enter
tm_wait "6-minute warm-up"
tm_keys q
tm_expect_exit 0

# the first-run note is whole at 50x20 too, and keeps its key at 40x12
rm -f "$XDG_STATE_HOME/backease/safety-note-shown"
tm_resize 50 20
tm_keys "clear; $BACKEASE" Enter
tm_wait "press any key to go on"
OUT=$(tm_screen)
expect_contains "$OUT" "or comes with other worrying symptoms."
expect_contains "$OUT" "the legs, or loss of bladder or bowel control."
tm_keys q
tm_keys q
tm_expect_exit 0
rm -f "$XDG_STATE_HOME/backease/safety-note-shown"
tm_resize 40 12
tm_keys "clear; $BACKEASE" Enter
tm_wait "press any key to go on"
tm_keys x
tm_wait "6-minute"
tm_keys q
tm_expect_exit 0
