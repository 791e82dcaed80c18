# test_cli: the non-interactive commands, their output and exit statuses.
. "$(dirname "$0")/lib.sh"


# ---- list -------------------------------------------------------------------
expect_status 0 be list
expect_eq "$(printf '%s\n' "$OUT" | head -n 1 | tr -s ' ')" \
	"ID NAME TIME WHERE NEEDS" "list header"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" 15 "presets listed"
expect_contains "$OUT" "6-minute warm-up"
# every preset row: id, then a M:SS time
for id in warmup-6 desk-break strength cool-down; do
	row=$(printf '%s\n' "$OUT" | grep "^$id ") || fail "no row for $id"
	[[ $row =~ \ [0-9]+:[0-5][0-9]\  ]] || fail "no time in '$row'"
done
printf '%s\n' "$OUT" | grep -q '^warmup-6 .* 6:00 ' || fail "warmup-6 is not 6:00"
expect_eq "$ERR" "" "list stderr"

expect_status 0 be list --exercises
expect_eq "$(printf '%s\n' "$OUT" | head -n 1 | tr -s ' ')" \
	"ID NAME KIND POSITION EQUIPMENT" "list --exercises header"
expect_contains "$OUT" "scapular-squeeze"
n=$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)
[ "$n" -ge 20 ] || fail "only $n exercises listed"
expect_status 2 be --exercises plan warmup-6
expect_status 2 be list extra
expect_contains "$ERR" "'list' takes no arguments"
expect_status 2 be show --exercises scapular-squeeze
expect_contains "$ERR" "'--exercises' goes with 'list', not 'show'"
expect_status 2 be list --exercises=yes
expect_contains "$ERR" "takes no value: '--exercises=yes'"
# an unknown short option in a cluster is named, not the word before it
expect_status 2 be -zq
expect_contains "$ERR" "unknown option '-z'"
expect_status 2 be list --plain -xy
expect_contains "$ERR" "unknown option '-x'"
expect_not_contains "$ERR" "--plain"

# ---- show -------------------------------------------------------------------
expect_status 0 be show scapular-squeeze
expect_contains "$OUT" "Scapular Squeeze (scapular-squeeze)"
expect_contains "$OUT" "timing"
expect_contains "$OUT" "  1. "
expect_contains "$OUT" "source"
expect_status 0 be show warmup-6
expect_contains "$OUT" "6-minute warm-up (warmup-6), 6:00"
expect_contains "$OUT" "March in Place"
expect_status 2 be show scapular-sqeeze
expect_contains "$ERR" "did you mean 'scapular-squeeze'"
expect_status 2 be show

# ---- plan -------------------------------------------------------------------
expect_status 0 be plan warmup-6
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 6:00" "last line of plan"
expect_contains "$OUT" "get ready: March in Place"
# the rows add up: each starts where the one before ended
printf '%s\n' "$OUT" | awk '
	function s(t,  a) { split(t, a, ":"); return a[1] * 60 + a[2] }
	/^ *[0-9]+:[0-9][0-9] +[0-9]+:[0-9][0-9]/ {
		if (n++ && s($1) != at) { print "row starts at " $1; bad = 1 }
		at = s($1) + s($2)
	}
	/^total / { if (s($2) != at) { print "total " $2; bad = 1 } }
	END { exit bad || n < 10 }' || fail "plan rows do not add up"
expect_status 0 be plan "6-MINUTE WARM-UP"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 6:00" "plan by name"
expect_status 0 be plan warmup-6 --ready 0
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 5:35" "plan --ready 0"
expect_not_contains "$OUT" "get ready"
expect_status 0 be plan warmup-6 --ready 10
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 6:25" "plan --ready 10"

# self-paced steps are marked ~ in a custom catalog
cat >self.yaml <<'EOF'
exercises:
  - id: wall-push
    name: Wall Push
    kind: strength
    position: standing
    equipment: [wall]
    reps: 8
    steps:
      - Push away from the wall.
  - id: march
    name: March
    kind: warmup
    position: standing
    time: 30
    steps:
      - March.
presets:
  - id: pushes
    name: Pushes
    items:
      - exercise: march
      - exercise: wall-push
EOF
expect_status 0 be --catalog self.yaml plan pushes
expect_contains "$OUT" "0:24~"
expect_contains "$OUT" "~ self-paced"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 1:04" "self-paced plan"

# ---- help and version ----------------------------------------------------------
expect_status 0 be --help
expect_contains "$OUT" "usage: backease"
expect_contains "$OUT" "not medical advice"
expect_contains "$OUT" "sharp pain"
expect_contains "$OUT" "doctor"
expect_status 0 be -h
expect_contains "$OUT" "usage: backease"
expect_status 0 be --version
[[ $OUT =~ ^backease\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "version '$OUT'"
expect_status 0 be -V

# ---- usage errors: status 2 -----------------------------------------------
expect_status 2 be frobnicate
expect_contains "$ERR" "unknown command 'frobnicate'"
expect_status 2 be lsit
expect_contains "$ERR" "did you mean 'list'"
expect_status 2 be --frobnicate list
expect_contains "$ERR" "--frobnicate"
expect_status 2 be list --ready
expect_status 2 be run warmup6
expect_contains "$ERR" "did you mean 'warmup-6'"
expect_status 2 be plan warmup-66
expect_contains "$ERR" "did you mean 'warmup-6'"
expect_status 2 be plan zzzzzzzzzzzz
expect_contains "$ERR" "unknown preset"
expect_status 2 be plan
expect_status 2 be plan a b
# what the user typed is shown escaped, never raw
expect_status 2 be plan $'\e[31mred'
[[ $ERR == *$'\e'* ]] && fail "raw ESC echoed to stderr"
expect_eq "$OUT" "" "stdout of a usage error"

# ---- bad catalogs: status 1, the message names file:line ------------------
printf 'exercises:\n  - id: x\n    name: X\n    kind: warmup\n    position: any\n    time: 10\n    steps: [a]\n    bogus: 1\n' >bad.yaml
expect_status 1 be --catalog bad.yaml list
expect_contains "$ERR" "bad.yaml:8:"
expect_contains "$ERR" "bogus"
expect_status 1 be --catalog bad.yaml run warmup-6
expect_status 1 be --catalog nonexistent.yaml list
expect_contains "$ERR" "nonexistent.yaml"
printf 'exercises: [\n' >syntax.yaml
expect_status 1 be --catalog syntax.yaml plan warmup-6
expect_contains "$ERR" "syntax.yaml:2"

# ---- --catalog: later files override earlier ones by id -------------------
cat >override.yaml <<'EOF'
presets:
  - id: warmup-6
    name: Quick warm-up
    items:
      - exercise: march-in-place
        time: 20
EOF
expect_status 0 be --catalog "$REPO/data/exercises.yaml" --catalog override.yaml list
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" 15 "presets with override"
printf '%s\n' "$OUT" | grep -q '^warmup-6 *Quick warm-up *0:25 ' ||
	fail "override not applied"
expect_status 0 be --catalog "$REPO/data/exercises.yaml" --catalog override.yaml plan warmup-6
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 0:25" "overridden plan"
# --catalog alone replaces the built-in catalog
expect_status 0 be --catalog self.yaml list
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" 1 "presets of self.yaml"
expect_status 2 be --catalog self.yaml plan warmup-6

# ---- the user's catalog.d ----------------------------------------------------
dir=$XDG_CONFIG_HOME/backease/catalog.d
mkdir -p "$dir"
cat >"$dir/10-mine.yaml" <<'EOF'
presets:
  - id: my-routine
    name: My routine
    items:
      - exercise: scapular-squeeze
      - exercise: march-in-place
        time: 60
EOF
expect_status 0 be list
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" 16 "presets with catalog.d"
expect_contains "$OUT" "my-routine"
expect_status 0 be plan my-routine
# a later file replaces a built-in preset by id
cp override.yaml "$dir/20-override.yaml"
expect_status 0 be plan warmup-6
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 0:25" "catalog.d override"
expect_status 0 be check
# a broken user file is named by the commands that load it, and left out
# (more in test_catalog_dir)
printf 'presets:\n  - id: broken\n    name: Broken\n    items:\n      - exercise: no-such-move\n' >"$dir/30-broken.yaml"
expect_status 0 be list
expect_contains "$ERR" "30-broken.yaml:5"
expect_contains "$ERR" "no-such-move"
expect_contains "$OUT" "my-routine"
expect_status 1 be check
expect_contains "$ERR" "30-broken.yaml"
rm "$dir/30-broken.yaml"

# ---- check -------------------------------------------------------------------
expect_status 0 be check
expect_status 0 be check "$REPO/data/exercises.yaml"
expect_status 0 be check override.yaml
expect_contains "$OUT" "override.yaml: ok"
expect_status 1 be check bad.yaml
expect_eq "$(printf '%s\n' "$ERR" | wc -l)" 1 "lines of a check error"
expect_contains "$ERR" "backease: bad.yaml:8:"
# one bad file among good ones fails the whole check, and says which
expect_status 1 be check override.yaml bad.yaml self.yaml
expect_contains "$OUT" "override.yaml: ok"
expect_contains "$OUT" "self.yaml: ok"
expect_contains "$ERR" "bad.yaml"
expect_status 1 be check nonexistent.yaml
# a mistyped option gets a suggestion
expect_status 2 be --plian list
expect_contains "$ERR" "did you mean '--plain'?"
expect_status 2 be list --exercsies
expect_contains "$ERR" "did you mean '--exercises'?"
# check under --catalog checks what --catalog loads, with no built-in
# catalog underneath: a preset of built-in moves alone does not pass
printf 'presets:\n  - id: solo\n    name: Solo\n    items:\n      - exercise: chin-tuck\n' >solo.yaml
expect_status 0 be check solo.yaml
expect_status 1 be --catalog solo.yaml check
expect_contains "$ERR" "unknown exercise 'chin-tuck'"
expect_status 0 be --catalog "$REPO/data/exercises.yaml" check
expect_contains "$OUT" "ok: 41 exercises, 15 presets"
# SPEC section 2's own example is a valid user file (caution: "" is
# the same as no caution)
cat >spec-example.yaml <<'YAML'
exercises:
  - id: scapular-squeeze          # [a-z0-9-], unique
    name: Scapular Squeeze
    kind: strength                # warmup | stretch | strength | yoga | posture
    position: standing            # seated | standing | floor | any
    equipment: []
    sides: none                   # none | each (left then right) | alternate (within reps)
    hold: 10                      # seconds held per rep (0 or absent: not a hold)
    breaths: 0                    # a hold measured in breaths instead of seconds
    reps: 5                       # repetitions per set (per side when sides: each)
    tempo: 0                      # seconds per rep for counted reps; 0 = self-paced (Enter)
    time: 0                       # do continuously for N seconds (marching, rolls)
    sets: 1
    rest: 0                       # seconds between sets
    steps:                        # how to do it, in the project's own words
      - Stand tall, arms relaxed at your sides.
      - Squeeze your shoulder blades together and hold.
    cues: [Keep your neck long]   # short reminders shown during the move
    caution: ""                   # optional safety note
    source: "6 Exercises for Upper Back Pain"   # the article it comes from
presets:
  - id: warmup-6
    name: 6-minute warm-up
    summary: Get the blood flowing before stretching.
    items:
      - exercise: march-in-place
        time: 90                  # any exercise parameter may be overridden here
      - exercise: shoulder-roll
YAML
expect_status 0 be check spec-example.yaml
expect_contains "$OUT" "spec-example.yaml: ok"
exit 0
