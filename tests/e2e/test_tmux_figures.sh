# The figures of the moves on the run screen, in a real terminal: beside
# the instructions at 80x24, 100x30 and 120x40 without sharing a cell with
# anything else, gone at 50x20, moving with the time, mirrored on the right
# side, and hidden by --no-figures and by the setting `figures: false`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8 # bash counts columns in characters, not bytes

# no safety note in the way
mkdir -p "$XDG_STATE_HOME/backease"
: >"$XDG_STATE_HOME/backease/safety-note-shown"

# figure N...: a figure of the frames N; each says which it is (F1, F2)
# and is not its own mirror image
figure() {
	local n
	printf '    figure:\n      frames:\n'
	for n in "$@"; do
		printf '        - |2\n            o/  F%s\n           /|\n           / \\\n          =====[%s>==\n' "$n" "$n"
	done
}
cat >figs.yaml <<EOF
exercises:
  - id: fig-timed
    name: Figure Timed
    kind: warmup
    position: standing
    time: 60
    steps:
      - Stand tall with your feet hip-width apart and march on the spot, knees up.
      - Swing your arms in time with your knees, hands loosely curled.
      - Keep an easy pace and breathe.
$(figure 1 2)
  - id: fig-each
    name: Figure Each Side
    kind: stretch
    position: seated
    sides: each
    hold: 30
    steps:
      - Sit tall and tip your head to one side, ear toward your shoulder.
$(figure 1)
  - id: fig-self
    name: Figure Self-paced
    kind: strength
    position: standing
    reps: 5
    steps:
      - Lift and lower at your own pace.
$(figure 1 2)
presets:
  - id: p-timed
    name: P timed
    items: [{exercise: fig-timed}]
  - id: p-each
    name: P each
    items: [{exercise: fig-each}]
  - id: p-self
    name: P self
    items: [{exercise: fig-self}]
EOF
be_run() {
	tm_keys "clear; $BACKEASE --no-checkin --catalog figs.yaml $*" Enter
}

# frame N (1 or 2) of the test figure, padded to its 10 columns; M for
# mirrored
frame_lines() {
	FRAME=("  o/  F$1  " " /|       " " / \\      " "=====[$1>==")
	if [ "${2:-}" = M ]; then
		FRAME=("  ${1}F  \\o  " "       |\\ " "      / \\ " "==<$1]=====")
	fi
}

# find_frame: looks for the lines of FRAME stacked at one column of the
# screen; sets FIG_TOP, FIG_COL and FIG_W and returns 0 when they are.
# Trailing spaces do not count (tmux drops them at the end of a row).
find_frame() {
	local i r c line first=-1 want got pre
	mapfile -t SCR < <(tm_screen)
	FIG_W=0
	for ((i = 0; i < ${#FRAME[@]}; i++)); do
		((${#FRAME[i]} > FIG_W)) && FIG_W=${#FRAME[i]}
		[ "$first" = -1 ] && [ -n "${FRAME[i]// /}" ] && first=$i
	done
	want=${FRAME[first]}
	while [ "${want: -1}" = " " ]; do want=${want% }; done
	for ((r = first; r < ${#SCR[@]}; r++)); do
		line=${SCR[r]}
		pre=${line%%"$want"*}
		[ "$pre" = "$line" ] && continue
		c=${#pre}
		for ((i = 0; i < ${#FRAME[@]}; i++)); do
			want=${FRAME[i]}
			got=${SCR[r - first + i]:c:FIG_W}
			while [ "${want: -1}" = " " ]; do want=${want% }; done
			while [ "${got: -1}" = " " ]; do got=${got% }; done
			[ "$got" = "$want" ] || continue 2
		done
		FIG_TOP=$((r - first)) FIG_COL=$c
		return 0
	done
	return 1
}

# expect_frame N [M]: frame N (mirrored with M) is on the screen within 5 s
expect_frame() {
	local i
	frame_lines "$@"
	for ((i = 0; i < 100; i++)); do
		find_frame && return 0
		sleep 0.05
	done
	OUT=$(tm_screen) ERR=
	fail "frame $1${2:+ mirrored} is not on the screen"
}

# check_alone COLS: the figure found last is at the right edge, with at
# least two blank columns to its left and nothing to its right in its
# rows, below every row of the countdown, and above "up next"; some
# instruction line is beside it
check_alone() {
	local cols=$1 r line bottom=$((FIG_TOP + ${#FRAME[@]} - 1)) beside=0
	OUT=$(printf '%s\n' "${SCR[@]}") ERR=
	[ $((FIG_COL + FIG_W)) = $((cols - 2)) ] ||
		fail "figure at columns $FIG_COL-$((FIG_COL + FIG_W - 1)), not at the right edge of $cols"
	for ((r = FIG_TOP; r <= bottom; r++)); do
		line=${SCR[r]}
		[ "${line:FIG_COL-2:2}" = "  " ] ||
			fail "row $r: something touches the figure on its left"
		[ -z "${line:FIG_COL+FIG_W}" ] ||
			fail "row $r: something right of the figure"
		case ${line:0:FIG_COL} in *›*) beside=1 ;; esac
	done
	[ "$beside" = 1 ] || fail "no instruction beside the figure"
	for ((r = 0; r < ${#SCR[@]}; r++)); do
		case ${SCR[r]} in
		*"up next"*) ((r > bottom)) || fail "figure reaches 'up next'" ;;
		*█* | *"move 1 of"* | *"keep going"* | *"get into position"*)
			((r < FIG_TOP)) || fail "figure beside the countdown (row $r)" ;;
		esac
	done
}

# ---- the layout at each size --------------------------------------------

tm_start 80 24 "$BACKEASE --no-checkin --catalog figs.yaml --ready 30 run p-timed"
tm_wait "GET READY: FIGURE TIMED"
# get ready shows the first frame
expect_frame 1
check_alone 80
for size in "100 30" "120 40"; do
	tm_resize $size
	tm_wait "move 1 of 1"
	sleep 0.3
	expect_frame 1
	check_alone "${size% *}"
done
# 50x20 keeps the full layout, but leaves the figure out
tm_resize 50 20
tm_wait "up next"
sleep 0.3
frame_lines 1
OUT=$(tm_screen) ERR=
expect_not_contains "$OUT" "[1>"
expect_not_contains "$OUT" "o/  F"
expect_contains "$OUT" "› Stand tall"
# and back: it comes again
tm_resize 80 24
expect_frame 1
check_alone 80
tm_keys q y
tm_wait "quit: P timed"

# ---- moving with the time -------------------------------------------------

# a timed move changes frame every 2 s (here 0.5 s of real time)
be_run --speed 4 --ready 0 run p-timed
tm_wait "FIGURE TIMED"
expect_frame 2
expect_frame 1
expect_frame 2
check_alone 80
tm_keys q y
tm_wait "quit: P timed"

# self-paced reps: no countdown wakes the screen, yet the figure moves
be_run --speed 4 --ready 0 run p-self
tm_wait "press Enter when you have done 5"
expect_frame 1
expect_frame 2
expect_frame 1
check_alone 80
tm_keys Enter
tm_wait "Well done."
tm_keys q
tm_wait "done: P self"

# ---- sides ------------------------------------------------------------------

be_run --ready 30 run p-each
tm_wait "left side first"
expect_frame 1
frame_lines 1 M
find_frame && fail "the left side is mirrored"
tm_keys n
tm_wait "hold 1 of 1 · left side"
expect_frame 1
tm_keys n
tm_wait "right side next"
# the switch already shows the side to come
expect_frame 1 M
check_alone 80
tm_keys n
tm_wait "hold 1 of 1 · right side"
expect_frame 1 M
check_alone 80
frame_lines 1
find_frame && fail "the right side is drawn as the left"
tm_keys q y
tm_wait "quit: P each"

# ---- hidden ------------------------------------------------------------------

tm_resize 120 40
be_run --no-figures --ready 30 run p-timed
tm_wait "GET READY: FIGURE TIMED"
sleep 0.3
OUT=$(tm_screen) ERR=
expect_not_contains "$OUT" "[1>"
expect_not_contains "$OUT" "o/  F"
tm_keys q y
tm_wait "quit: P timed"

mkdir -p "$XDG_CONFIG_HOME/backease"
echo "figures: false" >"$XDG_CONFIG_HOME/backease/config.yaml"
be_run --ready 30 run p-timed
tm_wait "GET READY: FIGURE TIMED"
sleep 0.3
OUT=$(tm_screen) ERR=
expect_not_contains "$OUT" "[1>"
tm_keys q y
tm_wait "quit: P timed"
rm "$XDG_CONFIG_HOME/backease/config.yaml"

# ---- a built-in figure ---------------------------------------------------------

# the first frame of march-in-place, as data/exercises.yaml draws it (in
# a `- |2` block, 10 columns in)
mapfile -t FRAME < <(awk '
	/^  - id: / { on = $3 == "march-in-place" }
	on && /^        - \|/ { n++; next }
	on && n == 1 && /^          / { print substr($0, 11); next }
	on && n == 1 { exit }
' "$REPO/data/exercises.yaml")
[ "${#FRAME[@]}" -ge 2 ] || fail "could not read march-in-place's figure"
tm_resize 80 24
tm_keys "clear; $BACKEASE --no-checkin --ready 30 run warmup-6" Enter
tm_wait "GET READY: MARCH IN PLACE"
sleep 0.3
find_frame || { OUT=$(tm_screen) ERR=; fail "march-in-place's figure is not at 80x24"; }
check_alone 80
tm_keys q y
tm_wait "quit: 6-minute warm-up"
tm_keys "clear; $BACKEASE --no-checkin --no-figures --ready 30 run warmup-6" Enter
tm_wait "GET READY: MARCH IN PLACE"
sleep 0.3
find_frame && fail "--no-figures still shows march-in-place's figure"
tm_keys q y
tm_wait "quit: 6-minute warm-up"
tm_expect_exit 0

# beside a figure at 80x24 the steps of a long move do not all fit: the
# caution is what is kept (camel's five steps, a cue and its caution)
mkdir -p "$XDG_CONFIG_HOME/backease/catalog.d"
printf 'presets:\n  - id: one-camel\n    name: One camel\n    items:\n      - exercise: camel\n' \
	>"$XDG_CONFIG_HOME/backease/catalog.d/one-camel.yaml"
tm_keys "clear; $BACKEASE --no-checkin --ready 30 run one-camel" Enter
tm_wait "GET READY: CAMEL POSE"
sleep 0.3
OUT=$(tm_screen)
expect_contains "$OUT" "! A deep bend; go only partway"
expect_contains "$OUT" "neck hurts."
expect_contains "$OUT" "_.-."
# and the last row says so; i shows them all, with the clock waiting
expect_contains "$OUT" "… i shows all the steps"
expect_not_contains "$OUT" "rise, chest first"
tm_keys i
tm_wait "any key goes back"
OUT=$(tm_screen)
expect_contains "$OUT" "5. Breathe, then bring your hands to your lower back and rise, chest"
expect_contains "$OUT" "Keep your neck long"
expect_contains "$OUT" "!  A deep bend; go only partway, and skip it if your back or neck hurts."
before=$(tm_header_time)
sleep 2.2
[ "$(tm_header_time)" = "$before" ] ||
	fail "the clock ran while the steps were shown: $before, then $(tm_header_time)"
tm_keys x
tm_wait_gone "any key goes back"
tm_wait "… i shows all the steps"
tm_wait_gone "$before" 3
# at 50x20 the box wraps to the width; at 40x12 it is cut, and still says
# which key goes back
tm_resize 50 20
tm_keys i
tm_wait "any key goes back"
expect_contains "$(tm_screen)" "5. Breathe, then bring your hands to your"
tm_keys x
tm_wait_gone "any key goes back"
tm_resize 40 12
tm_keys i
tm_wait "any key goes back"
expect_contains "$(tm_screen)" "1. Kneel upright"
tm_keys x
tm_wait_gone "any key goes back"
tm_resize 80 24
tm_keys q y
tm_wait "quit: One camel"
tm_expect_exit 0

# a move whose instructions all fit beside its figure has no such row
tm_keys "clear; $BACKEASE --no-checkin --catalog figs.yaml --ready 30 run p-timed" Enter
tm_wait "GET READY: FIGURE TIMED"
sleep 0.3
expect_not_contains "$(tm_screen)" "i shows all the steps"
tm_keys q y
tm_expect_exit 0
