# The run screen in a real terminal: countdown, keys, resize, quit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8

# (the check-in has its own test: test_tmux_checkin)
tm_start 80 24 "$BACKEASE" run warmup-6 --no-checkin

# first run: the safety note, with the clock stopped until a key
tm_wait "not medical advice"
t1=$(tm_header_time)
sleep 1.2
expect_eq "$(tm_header_time)" "$t1" "clock while the safety note is up"
tm_keys x
tm_wait_gone "not medical advice"
tm_wait "GET READY: MARCH IN PLACE"
OUT=$(tm_screen)
expect_contains "$OUT" "backease · 6-minute warm-up"
expect_contains "$OUT" "/ 6:00"
expect_contains "$OUT" "move 1 of 5"
expect_contains "$OUT" "up next"
expect_contains "$OUT" "space pause"
expect_contains "$OUT" "███"

# the countdown moves
t1=$(tm_header_time)
sleep 1.3
t2=$(tm_header_time)
[ "$t1" != "$t2" ] || fail "the clock did not move: $t1"

# space pauses and resumes
tm_keys Space
tm_wait "PAUSED"
t1=$(tm_header_time)
sleep 1.3
expect_eq "$(tm_header_time)" "$t1" "clock while paused"
tm_keys Space
tm_wait_gone "PAUSED"
sleep 1.2
[ "$(tm_header_time)" != "$t1" ] || fail "the clock did not resume"

# n and p move by step
tm_keys n
tm_wait "MARCH IN PLACE WITH ARM PUMPS"
tm_wait "keep going"
tm_keys n
tm_wait "GET READY: HEEL DIGS"
expect_contains "$(tm_screen)" "move 2 of 5"
tm_keys p
tm_wait "keep going"
expect_contains "$(tm_screen)" "move 1 of 5"

# + adds ten seconds to the step, and so to the total
tm_keys +
tm_wait "/ 6:10"
tm_keys -
tm_wait "/ 6:00"

# resize small, large, tiny and back: it keeps running and drawing
tm_resize 30 8
sleep 0.3
OUT=$(tm_screen)
expect_contains "$OUT" "MARCH IN PLACE"
t1=$(tm_header_time)
sleep 1.2
[ "$(tm_header_time)" != "$t1" ] || fail "not running at 30x8"
tm_resize 120 40
tm_wait "move 1 of 5"
expect_contains "$(tm_screen)" "███"
tm_resize 16 4
tm_wait "too small"
tm_resize 80 24
tm_wait "move 1 of 5"

# the help overlay
tm_keys '?'
tm_wait "previous step"
tm_keys x
tm_wait_gone "previous step"

# q asks, n keeps going, q y quits with status 0 and a sane terminal
tm_keys q
tm_wait "Quit this routine?"
tm_keys n
tm_wait_gone "Quit this routine?"
tm_keys q
tm_wait "Quit this routine?"
tm_keys y
tm_wait "quit: 6-minute warm-up"
tm_expect_exit 0

[ "$(history_lines)" = 1 ] || fail "expected one history line"
line=$(cat "$(history_file)")
expect_contains "$line" "warmup-6"
expect_contains "$line" "quit"

# the safety note was remembered: no note the second time
tm_keys "clear; $BACKEASE run warmup-6 --no-checkin" Enter
tm_wait "GET READY"
expect_not_contains "$(tm_screen)" "not medical advice"
tm_keys q y
tm_expect_exit 0

# the countdown's colours: yellow while getting ready, the terminal's own
# foreground for the work, so that the digits of a hold change without a
# colour sequence each second (SPEC 7's bytes); none under NO_COLOR
# digit_rows: the big digits' rows (7-11) as tmux holds them, with their
# attributes as escape sequences
digit_rows() { tm capture-pane -e -p -t t | sed -n '7,11p'; }
tm_keys "clear; $BACKEASE run warmup-6 --no-checkin --ready 5" Enter
tm_wait "GET READY"
rows=$(digit_rows)
grep -q $'\e\\[[0-9;]*\\(33\\|93\\)m' <<<"$rows" ||
	fail "the get-ready digits are not yellow: $(cat -v <<<"$rows")"
tm_wait "keep going" 10
rows=$(digit_rows)
expect_contains "$(tm_screen | sed -n '7,11p')" "█"
grep -q $'\e\\[' <<<"$rows" &&
	fail "the work's digits carry attributes: $(cat -v <<<"$rows")"
tm_keys q y
tm_expect_exit 0
tm_keys "clear; NO_COLOR=1 $BACKEASE run warmup-6 --no-checkin --ready 5" Enter
tm_wait "GET READY"
rows=$(digit_rows)
grep -q $'\e\\[[0-9;]*3[0-7]m' <<<"$rows" &&
	fail "colour under NO_COLOR: $(cat -v <<<"$rows")"
tm_keys q y
tm_expect_exit 0
