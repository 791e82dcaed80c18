# The run screen's ticks draw only what changed since the last frame
# (screen_run.c): whatever they leave on screen must be what a full
# redraw at the same moment shows.  Space pauses, which draws everything
# again; when the pause came in the same second as the screen captured
# before it, the two must agree on every row but the one that says
# PAUSED.  Through every kind of step, with a figure, at 80x24 and 50x20,
# and across the countdown's narrowing from 10:00 to 9:59.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8 # bash counts columns in characters, not bytes

no_safety_note
cat >ticks.yaml <<'EOF'
exercises:
  - id: t-timed
    name: Tick Timed
    kind: warmup
    position: standing
    time: 6
    steps: [March on the spot, knees up, arms swinging with them.]
    figure:
      frames:
        - |2
             O  |
            /|__|
             |
        - |2
             O
          |_/|
             |\
  - id: t-hold
    name: Tick Hold
    kind: stretch
    position: seated
    sides: each
    hold: 3
    reps: 2
    steps: [Tip your head to one side and hold.]
  - id: t-breath
    name: Tick Breath
    kind: yoga
    position: seated
    breaths: 2
    steps: [Breathe in as the bar fills, out as it empties.]
  - id: t-reps
    name: Tick Reps
    kind: strength
    position: standing
    reps: 3
    tempo: 2
    steps: [Lift and lower in time.]
  - id: t-long
    name: Tick Long
    kind: warmup
    position: standing
    time: 602
    steps: [Keep going.]
presets:
  - id: kinds
    name: Kinds
    items:
      - exercise: t-timed
      - exercise: t-hold
      - exercise: t-breath
      - exercise: t-reps
  - id: long
    name: Long
    items: [{exercise: t-long}]
EOF

# compare_paused: one round; prints "same", "moved" (a second passed
# between the two screens: no verdict) or "over" (the run ended).  Fails
# when a row differs.
compare_paused() {
	local a b i
	local -a ra rb
	a=$(tm_screen)
	case $a in *"Well done."*) echo over && return ;; esac
	tm_keys Space
	tm_wait "PAUSED"
	b=$(tm_screen)
	tm_keys Space
	tm_wait_gone "PAUSED"
	if [ "$(head -n 1 <<<"$a")" != "$(head -n 1 <<<"$b")" ]; then
		echo moved
		return
	fi
	mapfile -t ra <<<"$a"
	mapfile -t rb <<<"$b"
	[ "${#ra[@]}" = "${#rb[@]}" ] ||
		fail "rows: ${#ra[@]} ticking, ${#rb[@]} redrawn"
	for ((i = 0; i < ${#ra[@]}; i++)); do
		case ${rb[i]} in *PAUSED*) continue ;; esac
		[ "${ra[i]}" = "${rb[i]}" ] ||
			fail "row $((i + 1)) after ticks: '${ra[i]}';" \
				"redrawn: '${rb[i]}'"
	done
	# the row under the countdown, which the pause covers, when it is the
	# breath pacer: its label and a bar, nothing left of an earlier one
	for ((i = 0; i < ${#ra[@]}; i++)); do
		case ${ra[i]} in *breathe*)
			[[ ${ra[i]} =~ ^\ +breathe\ (in|out)\ +█*$ ]] ||
				fail "pacer row after ticks: '${ra[i]}'"
			;;
		esac
	done
	echo same
}

# rounds UNTIL: compares until UNTIL rounds agreed or the run ended;
# fails when too few agreed
rounds() {
	local want=$1 same=0 r n
	for ((n = 0; n < 60 && same < want; n++)); do
		r=$(compare_paused) || exit 1
		case $r in
		same) same=$((same + 1)) ;;
		over) break ;;
		esac
	done
	[ "$same" -ge "${2:-1}" ] || fail "only $same rounds in the same second"
}

# every kind of step, with the transitions between them, sped up
kinds="$BACKEASE --catalog ticks.yaml --no-checkin --ready 1 --breath 2:2"
kinds="$kinds --speed 3 run kinds"
tm_start 80 24 "$kinds"
tm_wait "GET READY: TICK TIMED"
rounds 100 8
tm_wait "Well done." 30
tm_keys q
tm_expect_exit 0

# the same at 50x20: the full layout without the figure
tm_keys "clear; $kinds" Enter
tm_resize 50 20
tm_wait "GET READY: TICK TIMED"
rounds 100 6
tm_wait "Well done." 30
tm_keys q
tm_expect_exit 0

# 10:02, 10:01, 10:00, then 9:59 one glyph narrower: re-centred, with
# nothing left of the wider time
tm_resize 80 24
tm_keys "clear; $BACKEASE --catalog ticks.yaml --no-checkin --ready 0 " \
	"run long" Enter
tm_wait "0:04 / 10:02" 15
rounds 3 2
tm_keys q
tm_wait "Quit this routine?"
tm_keys y
tm_expect_exit 0
