# test_settings: config.yaml sets defaults that options override; a bad
# file stops every command with its file and line (SPEC section 13).
. "$(dirname "$0")/lib.sh"

conf=$XDG_CONFIG_HOME/backease/config.yaml
mkdir -p "$(dirname "$conf")"

# ready: the get-ready time plan counts
echo 'ready: 0' >"$conf"
expect_status 0 be plan warmup-6
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 5:35" "ready: 0"
expect_not_contains "$OUT" "get ready"
# an option overrides the setting
expect_status 0 be plan warmup-6 --ready 10
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 6:25" "--ready over ready:"

# breath: the pace of breath holds (cat-cow is timed in breaths)
printf 'breath: 2:3\n' >"$conf"
expect_status 0 be plan yoga
slow=$(be plan yoga --breath 4:6 | tail -n 1)
fast=$(printf '%s\n' "$OUT" | tail -n 1)
[ "$slow" != "$fast" ] || fail "breath: 2:3 changed nothing ($fast)"
expect_contains "$fast" "total"
expect_contains "$(be plan yoga | grep "Cobra Pose, 3 breaths (1 of 3)")" "0:15"

# check names the file it checked
expect_status 0 be check
expect_contains "$OUT" "config.yaml: ok (settings)"

# a bad file: file:line, exit 1, for every command; --help still works
printf 'ready: 5\nbel: false\n' >"$conf"
for cmd in list "plan warmup-6" check "show chin-tuck"; do
	# shellcheck disable=SC2086
	expect_status 1 be $cmd
	expect_contains "$ERR" "config.yaml:2:1: unknown key 'bel'; expected one of: ready,"
	expect_eq "$OUT" "" "stdout of $cmd with a bad config"
done
expect_status 0 be --help
expect_status 0 be --version
printf 'remind:\n  every: soon\n' >"$conf"
expect_status 1 be list
expect_contains "$ERR" "config.yaml:2:3: remind.every: 'soon' is not valid"

# an empty file, and none at all, are the defaults
: >"$conf"
expect_status 0 be plan warmup-6
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 6:00" "empty config"
rm "$conf"
expect_status 0 be plan warmup-6
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "total 6:00" "no config"
