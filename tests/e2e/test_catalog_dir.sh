# test_catalog_dir: one broken file in catalog.d does not take the rest
# down.  list, plan, run and the menu name it (file:line, once) and go on
# without it; check names every file it checked and fails on the broken
# ones.  Broken in its own right (YAML, a bad entry), by what it refers
# to (an unknown exercise), or by what it does to the built-in catalog
# (an override that makes a built-in preset too long).
. "$(dirname "$0")/lib.sh"

no_safety_note
dir=$XDG_CONFIG_HOME/backease/catalog.d
mkdir -p "$dir"
# good, and uses the built-in exercises
printf 'presets:\n  - id: good\n    name: Good one\n    items:\n      - exercise: chin-tuck\n' \
	>"$dir/10-good.yaml"
# an id longer than list's column
printf 'presets:\n  - id: one-thoracic-extension\n    name: Long id\n    items:\n      - exercise: chin-tuck\n' \
	>"$dir/15-long.yaml"
# bad YAML
printf 'presets: [\n' >"$dir/20-syntax.yaml"
# a preset of an exercise that no file has
printf 'presets:\n  - id: lost\n    name: Lost\n    items:\n      - exercise: no-such-move\n' \
	>"$dir/30-unknown.yaml"
# a preset of an exercise that a later file defines: fine
printf 'presets:\n  - id: ahead\n    name: Ahead\n    items:\n      - exercise: later-move\n' \
	>"$dir/40-ahead.yaml"
cat >"$dir/50-later.yaml" <<'EOF'
exercises:
  - id: later-move
    name: Later Move
    kind: stretch
    position: seated
    time: 20
    steps: [Sit tall.]
EOF
# overrides that make built-in presets last over 4 hours (50 min, ten
# times: each step is under the hour a step may last); one of these moves
# is in a built-in preset without timing of its own there
{
	echo "exercises:"
	for id in trunk-rotation shoulder-roll scapular-squeeze cat-cow \
		chin-tuck wall-angel; do
		printf '  - id: %s\n    name: Endless %s\n    kind: stretch\n' "$id" "$id"
		printf '    position: standing\n    time: 3000\n    sets: 10\n'
		printf '    steps: [Go on.]\n'
	done
} >"$dir/60-huge.yaml"
# a bad entry, with a later good file after it
printf 'exercises:\n  - id: x\n    name: X\n    kind: warmup\n    position: any\n    time: 10\n    steps: [a]\n    bogus: 1\n' \
	>"$dir/70-entry.yaml"
printf 'presets:\n  - id: last\n    name: Last one\n    items:\n      - exercise: later-move\n' \
	>"$dir/80-last.yaml"

bad_files() { # the broken files' messages, each once
	expect_eq "$(printf '%s\n' "$ERR" | grep -c '20-syntax.yaml:2:')" 1 "20-syntax messages"
	expect_eq "$(printf '%s\n' "$ERR" | grep -c '30-unknown.yaml:5:.*no-such-move')" 1 "30-unknown messages"
	expect_eq "$(printf '%s\n' "$ERR" | grep -c '60-huge.yaml: breaks the built-in catalog: .* over the 4 hour limit')" 1 "60-huge messages"
	expect_eq "$(printf '%s\n' "$ERR" | grep -c '70-entry.yaml:8:.*bogus')" 1 "70-entry messages"
	for ok in 10-good 15-long 40-ahead 50-later 80-last; do
		expect_not_contains "$ERR" "$ok.yaml"
	done
}

expect_status 0 be list
bad_files
expect_eq "$(printf '%s\n' "$ERR" | grep -c 'left out')" 4 "files left out"
for id in good ahead last warmup-6 stretch-session; do
	printf '%s\n' "$OUT" | grep -q "^$id " || fail "list: no $id"
done
expect_not_contains "$OUT" "lost"
# a long id still has a space before the name
printf '%s\n' "$OUT" | grep -q "^one-thoracic-extension Long id " ||
	fail "list: a long id runs into its name"
# the built-in exercises are not the overridden ones
expect_status 0 be list --exercises
expect_not_contains "$OUT" "Endless"
bad_files
expect_status 0 be list --exercises
expect_contains "$OUT" "later-move"
expect_status 0 be show good
bad_files
expect_status 2 be plan lost
expect_contains "$ERR" "unknown preset 'lost'"
before=$(history_lines)
expect_status 0 be run good --plain --speed 100
bad_files
expect_contains "$OUT" "done: Good one"
expect_eq "$(history_lines)" $((before + 1)) "history after a run"
# the menu without a terminal falls back to the list, and says it too
expect_status 0 be
bad_files

# check names every file and fails on the broken ones
expect_status 1 be check
expect_contains "$OUT" "data/exercises.yaml (built in): ok"
for ok in 10-good 15-long 40-ahead 50-later 80-last; do
	expect_contains "$OUT" "$dir/$ok.yaml: ok"
done
bad_files
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" 6 "check's ok lines"
# with the broken ones gone, all is well
rm "$dir"/20-* "$dir"/30-* "$dir"/60-* "$dir"/70-*
expect_status 0 be check
expect_eq "$ERR" "" "check stderr"
expect_status 0 be list
expect_eq "$ERR" "" "list stderr"
# no files at all: check says where it looked
rm "$dir"/*
expect_status 0 be check
expect_contains "$OUT" "$dir: no catalog files (*.yaml)"

# a file that breaks a built-in preset: the place is in the built-in YAML,
# which the program reads from a section of its own file (src/selfexe.c)
cat >"$dir/60-long.yaml" <<'EOF'
exercises:
  - id: ostrich
    name: Very Long Ostrich
    kind: stretch
    position: seated
    equipment: []
    sides: each
    hold: 3600
    reps: 20
    steps: [Hold it for an hour.]
EOF
line=$(grep -n -- '- id: core-release$' "$REPO/data/exercises.yaml" | cut -d: -f1)
[ -n "$line" ] || fail "no preset core-release in data/exercises.yaml"
expect_status 1 be check
expect_contains "$ERR" "$dir/60-long.yaml: breaks the built-in catalog: data/exercises.yaml (built in):$line:5: preset 'core-release' lasts at least"
rm "$dir/60-long.yaml"

# ---- the menu in a terminal starts, and says which file was left out -----
if command -v tmux >/dev/null 2>&1; then
	. "$(dirname "$0")/tmux.sh"
	printf 'presets: [\n' >"$dir/20-syntax.yaml"
	tm_start 100 30 "$BACKEASE"
	tm_wait "enter start"
	tm_keys q
	tm_wait "20-syntax.yaml:2:"
	tm_expect_exit 0
fi
exit 0
