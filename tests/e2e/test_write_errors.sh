# test_write_errors: output that cannot be written is a failure, as in
# coreutils: a message on stderr and exit 1, for every command, --help
# and --version, whether standard output is a full disk (/dev/full) or
# closed.  A run whose output fails ends as quit and is recorded.
. "$(dirname "$0")/lib.sh"

[ -w /dev/full ] || skip "no /dev/full"
no_safety_note
printf 'presets:\n  - id: mine\n    name: Mine\n    items:\n      - exercise: scapular-squeeze\n' >mine.yaml

cat >own.yaml <<'EOF'
exercises:
  - id: sit
    name: Sit
    kind: stretch
    position: seated
    time: 20
    steps: [Sit.]
presets:
  - id: own
    name: Own
    items:
      - exercise: sit
EOF

commands=("list" "list --exercises" "plan warmup-6" "show warmup-6"
	"show scapular-squeeze" "check" "check mine.yaml"
	"--catalog own.yaml check" "--help" "-h" "--version" "-V")
for cmd in "${commands[@]}"; do
	# shellcheck disable=SC2086
	timeout 10 "$BACKEASE" $cmd </dev/null >/dev/full 2>err.txt
	STATUS=$? ERR=$(cat err.txt) OUT=
	expect_eq "$STATUS" 1 "'$cmd' into /dev/full: exit status"
	expect_contains "$ERR" "backease: write error: No space left on device"
	expect_eq "$(grep -c 'write error' err.txt)" 1 "'$cmd': messages"
	# shellcheck disable=SC2086
	timeout 10 "$BACKEASE" $cmd </dev/null >&- 2>err.txt
	STATUS=$? ERR=$(cat err.txt)
	expect_eq "$STATUS" 1 "'$cmd' with stdout closed: exit status"
	expect_contains "$ERR" "backease: write error: Bad file descriptor"
done

# a command that fails anyway keeps its own status, with both messages
timeout 10 "$BACKEASE" show no-such-thing </dev/null >/dev/full 2>err.txt
expect_eq "$?" 2 "usage error into /dev/full"

# output that fits does not fail: the check is for real errors only
expect_status 0 be list
expect_eq "$ERR" "" "list stderr"

# ---- runs ---------------------------------------------------------------
# Output that fails ends the run as quit, recorded; exit 1.
before=$(history_lines)
timeout 20 "$BACKEASE" run desk-break --plain --speed 50 </dev/null \
	>/dev/full 2>err.txt
STATUS=$? ERR=$(cat err.txt) OUT=
expect_eq "$STATUS" 1 "run into /dev/full"
expect_contains "$ERR" "write error: No space left on device"
expect_eq "$(history_lines)" $((before + 1)) "history after a run into /dev/full"
expect_contains "$(tail -n 1 "$(history_file)")" $'\tquit'
timeout 20 "$BACKEASE" run desk-break --plain --speed 50 </dev/null \
	>&- 2>err.txt
STATUS=$? ERR=$(cat err.txt)
expect_eq "$STATUS" 1 "run with stdout closed"
expect_contains "$ERR" "write error"
expect_eq "$(history_lines)" $((before + 2)) "history after a run with no stdout"
# a reader that goes away is SIGPIPE: 141, as before, and no message
timeout 20 "$BACKEASE" run desk-break --plain --speed 20 </dev/null 2>err.txt |
	head -n 1 >/dev/null
expect_eq "${PIPESTATUS[0]}" 141 "run into a closed pipe"
expect_eq "$(cat err.txt)" "" "stderr with a closed pipe"
exit 0
