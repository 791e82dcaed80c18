# test_quick: backease quick DURATION (SPEC section 10) as a user runs it.
. "$(dirname "$0")/lib.sh"

# the plan: within 5 s of the target, the format of `plan`
expect_status 0 be quick 5m --plan
expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" "Quick routine, 5 min (quick)" "title"
total=$(printf '%s\n' "$OUT" | tail -n 1)
case $total in
"total 4:5"[5-9] | "total 5:0"[0-5]) ;;
*) fail "5m came out as '$total'" ;;
esac

# the same seed gives the same routine, byte for byte, twice and on
# every build (the expected file was written by an earlier build; a
# change to the built-in catalog may change it, and then it is rewritten
# on purpose)
expect_status 0 be quick 5m --seed 42 --plan
first=$OUT
expect_status 0 be quick 5m --seed 42 --plan
expect_eq "$OUT" "$first" "the same seed twice"
expect_eq "$OUT" "$(cat "$(dirname "$0")/data/quick-5m-seed-42.plan")" \
	"the same seed as an earlier build"
expect_status 0 be quick 5m --seed 43 --plan
[ "$OUT" != "$first" ] || fail "another seed gave the same routine"

# filters: only seated moves (or anywhere), no equipment
expect_status 0 be quick 4m --position seated --equipment none --plan
names=$(printf '%s\n' "$OUT" | sed -n 's/.*get ready: //p')
[ -n "$names" ] || fail "no moves"
listing=$(be list --exercises)
while IFS= read -r name; do
	row=$(printf '%s\n' "$listing" | grep -F " $name " | head -n 1)
	[ -n "$row" ] || fail "no exercise named '$name'"
	case $row in
	*" seated "*none | *" any "*none) ;;
	*) fail "'$name' breaks the filters: $row" ;;
	esac
done <<<"$names"

# usage errors: exit 2, with a did-you-mean
expect_status 2 be quick
expect_status 2 be quick 30s
expect_contains "$ERR" "a duration from 1m to 60m"
expect_status 2 be quick 61m
expect_status 2 be quick 5x
expect_status 2 be quick 5m --position sated
expect_contains "$ERR" "did you mean 'seated'"
expect_status 2 be quick 5m --equipment chiar
expect_contains "$ERR" "did you mean 'chair'"
expect_status 2 be quick 5m --focus nek
expect_contains "$ERR" "did you mean 'neck'"
expect_status 2 be quick 5m --equipment none,chair
expect_status 2 be quick 5m --seed -1
expect_status 2 be quick 5m --force
expect_status 2 be list --seed 3
expect_contains "$ERR" "'--seed' goes with 'quick', not 'list'"

# filters that leave nothing: a clear message and exit 1; too few: the
# nearest routine, and by how much and why it misses
mats=$E2E_DIR/data/mats.yaml
expect_status 1 be --catalog "$mats" quick 5m --equipment none --plan
expect_contains "$ERR" "no exercise in the catalog fits these filters"
expect_status 0 be --catalog "$mats" quick 5m --plan
expect_contains "$ERR" "s short of 5:00: too few moves to fill the time"
expect_contains "$OUT" "Mat Stretch"

# --save: a preset file the loader checked, then list, plan, check, run
expect_status 0 be quick 3m --seed 7 --save my-three
expect_contains "$OUT" "saved as preset 'my-three'"
saved=$XDG_CONFIG_HOME/backease/catalog.d/my-three.yaml
[ -f "$saved" ] || fail "no $saved"
ls -A "$(dirname "$saved")" | grep -v '^my-three.yaml$' &&
	fail "a temporary file was left in catalog.d"
expect_status 0 be check "$saved"
expect_status 0 be list
expect_contains "$OUT" "my-three"
expect_status 0 be plan my-three
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" \
	"$(be quick 3m --seed 7 --plan | tail -n 1)" "saved total"
# an id that exists is refused, unless --force
expect_status 1 be quick 3m --seed 8 --save my-three
expect_contains "$ERR" "has that id already; --force replaces it"
expect_status 1 be quick 3m --save warmup-6
expect_status 0 be quick 3m --seed 8 --save my-three --force
expect_status 1 be quick 3m --save "Bad Id"
expect_contains "$ERR" "an id is 1 to 40 of a-z"
expect_status 0 be run my-three --plain --speed 200
expect_contains "$OUT" "done: "

# a quick run is recorded as quick
before=$(history_lines)
expect_status 0 be quick 2m --plain --speed 200
expect_contains "$OUT" "done: Quick routine, 2 min"
[ "$(history_lines)" = $((before + 1)) ] || fail "no history line"
tail -n 1 "$(history_file)" | cut -f 2 | grep -qx quick ||
	fail "history line not under 'quick': $(tail -n 1 "$(history_file)")"
