# The figures outside the run screen: `show ID` prints one (both sides of
# a move done on each side), `show --figures` the gallery, which
# doc/figures.txt must match; --no-figures and `figures: false` leave them
# out of `show ID`.
. "$(dirname "$0")/lib.sh"

# ---- show ID ------------------------------------------------------------------
expect_status 0 be show heel-dig
expect_contains "$OUT" "  figure    2 frames, changing every 2 s"
# the frames side by side, after the steps and before the source
printf '%s\n' "$OUT" | awk '
	/^  1\. / { steps = NR }
	/^  figure / { fig = NR }
	/^  source / { src = NR }
	END { exit !(steps && fig > steps && src > fig) }' ||
	fail "the figure is not between the steps and the source"
expect_contains "$OUT" "___|___\\/_"
expect_not_contains "$OUT" "right side"

# sides: each draws the left side and mirrors it for the right
expect_status 0 be show neck-stretch
expect_contains "$OUT" "the right side is the left mirrored"
expect_contains "$OUT" "    left side"
expect_contains "$OUT" "    right side"
left=$(printf '%s\n' "$OUT" | sed -n '/^    left side$/,/^$/p' | sed '1d;/^$/d')
right=$(printf '%s\n' "$OUT" | sed -n '/^    right side$/,/^$/p' | sed '1d;/^$/d')
[ -n "$left" ] && [ "$(printf '%s\n' "$left" | wc -l)" = "$(printf '%s\n' "$right" | wc -l)" ] ||
	fail "left and right side are not the same height"
[ "$left" != "$right" ] || fail "the right side is not mirrored"
# an alternating move has both sides drawn: half the frames each
expect_status 0 be show seated-twist
expect_contains "$OUT" "frame 1 is the left side, frame 2 the right"

# hidden by the option and by the setting
expect_status 0 be --no-figures show heel-dig
expect_not_contains "$OUT" "figure"
expect_not_contains "$OUT" "___|___"
mkdir -p "$XDG_CONFIG_HOME/backease"
echo "figures: false" >"$XDG_CONFIG_HOME/backease/config.yaml"
expect_status 0 be show heel-dig
expect_not_contains "$OUT" "  figure "
rm "$XDG_CONFIG_HOME/backease/config.yaml"

# ---- show --figures --------------------------------------------------------------
expect_status 0 be show --figures
gallery=$OUT
# every exercise, in the catalog's order, each with its first step
ids=$(be list --exercises | awk 'NR > 1 { print $1 }')
got=$(printf '%s\n' "$gallery" | sed -n 's/^\([a-z0-9-]*\): .*/\1/p')
expect_eq "$got" "$ids" "exercises in the gallery"
expect_contains "$gallery" "heel-dig: Heel Digs
  Stand tall with your knees soft and your hands resting on your hips.
  2 frames, changing every 2 s"
expect_not_contains "$gallery" "no figure"
# ASCII only, whatever the locale
be show --figures >u.txt
LC_ALL=C be show --figures >c.txt
cmp -s c.txt u.txt || fail "the gallery differs under LC_ALL=C"
LC_ALL=C grep -q '[^ -~]' c.txt && fail "the gallery is not printable ASCII"

# one exercise, or the moves of a preset (each once)
expect_status 0 be show --figures heel-dig
expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" "heel-dig: Heel Digs" "first line"
expect_status 0 be show --figures warmup-6
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^[a-z0-9-]*: ')" 5 "moves of warmup-6"
expect_status 2 be show --figures heel-dgi
expect_contains "$ERR" "did you mean 'heel-dig'"
expect_status 2 be show
expect_contains "$ERR" "'show' needs a preset or exercise name"
expect_status 2 be list --figures
expect_contains "$ERR" "'--figures' goes with 'show', not 'list'"

# a user's exercise without a figure says so
cat >nofig.yaml <<'EOF'
exercises:
  - id: plain-move
    name: Plain Move
    kind: stretch
    position: any
    time: 30
    steps: [Just move.]
EOF
expect_status 0 be --catalog nofig.yaml show --figures
expect_eq "$OUT" "plain-move: Plain Move
  Just move.
  no figure" "gallery of a move without a figure"
expect_status 0 be --catalog nofig.yaml show plain-move
expect_not_contains "$OUT" "figure"
# mirror: true on a move without sides has no right side to show
cat >onesided.yaml <<'EOF'
exercises:
  - id: one-sided
    name: One Sided
    kind: stretch
    position: any
    time: 30
    steps: [Reach.]
    figure: {frames: [o/], mirror: true}
EOF
expect_status 0 be --catalog onesided.yaml show --figures
expect_eq "$OUT" "one-sided: One Sided
  Reach.
  1 frame

    o/" "gallery of a one-sided move with mirror: true"

# ---- doc/figures.txt -------------------------------------------------------------
# the committed gallery is the program's: after its three lines of header
tail -n +4 "$REPO/doc/figures.txt" >doc.txt
be --catalog "$REPO/data/exercises.yaml" show --figures >now.txt
cmp -s doc.txt now.txt ||
	fail "doc/figures.txt is out of date: run 'make doc/figures.txt'"
