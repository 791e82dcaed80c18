# lib.sh: helpers for the end-to-end scripts.  Source it first:
#
#   . "$(dirname "$0")/lib.sh"
#
# tests/run-e2e.sh runs each script from an empty directory ($TEST_TMP) with
# HOME, XDG_CONFIG_HOME and XDG_STATE_HOME inside a fresh temporary dir,
# and exports BACKEASE, the absolute path of the binary under test.  A script
# passes by exiting 0; `fail` ends it at the first problem; `skip` exits 77.
#
#   be ARGS...                  runs the binary, stdin from /dev/null; one
#                               that takes over $BE_TIMEOUT (30) s exits 124
#   expect_status N CMD...      runs CMD, fails unless it exits N; leaves
#                               its output in $OUT and $ERR (and the files
#                               $TEST_TMP/out, $TEST_TMP/err)
#   expect_contains HAY NEEDLE  fails unless the text HAY contains NEEDLE
#   expect_not_contains HAY NEEDLE
#   expect_eq GOT WANT [WHAT]   fails unless the strings are equal
#   long_catalog FILE           writes a catalog with one preset, "long"
#                               (Long), of one 600 s move (Long March)
#   tiny_catalog FILE SECS      writes a catalog with one preset, "tiny"
#                               (Tiny), of one SECS s move (Shoulder Roll)
#   no_safety_note              marks the first-run note as shown
#   running PID                 the process has not ended (a zombie has:
#                               kill -0 still finds one that no parent
#                               has reaped yet)
#   $no_leak_check              VAR=value words that turn off the
#                               sanitizer build's leak check at exit, for
#                               a run that a hang-up ends
#   history_file                prints the path of history.tsv
#   history_lines               prints how many lines it has (0 if none)
#   skip REASON / fail MSG
#   $REPO, $E2E_DIR             the repository and this directory (absolute)
# No pipefail: `printf ... | grep -q` would fail whenever grep stopped
# reading early.
set -u

: "${BACKEASE:?run me through tests/run-e2e.sh, or export BACKEASE}"
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$E2E_DIR/../.." && pwd)
if [ -z "${TEST_TMP:-}" ]; then
	# run by hand: still keep away from the real user's files
	TEST_TMP=$(mktemp -d)
	export HOME=$TEST_TMP/home TEST_TMP
	export XDG_CONFIG_HOME=$HOME/.config XDG_STATE_HOME=$HOME/.local/state
	mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$TEST_TMP/work"
	cd "$TEST_TMP/work" || exit 1
	TEST_TMP=$TEST_TMP/work
fi

OUT= ERR= STATUS=

# Prints MSG with where it was called from, and the last command's output.
fail() {
	local where=${BASH_SOURCE[1]##*/}:${BASH_LINENO[0]}
	local i

	# name the test's own line, not a helper's
	for ((i = 1; i < ${#BASH_SOURCE[@]}; i++)); do
		if [ "${BASH_SOURCE[i]##*/}" != lib.sh ]; then
			where=${BASH_SOURCE[i]##*/}:${BASH_LINENO[i - 1]}
			break
		fi
	done
	echo "FAIL $where: $*" >&2
	if [ -n "$OUT$ERR" ]; then
		echo "--- stdout of the last command:" >&2
		printf '%s\n' "$OUT" | head -n 40 >&2
		echo "--- stderr:" >&2
		printf '%s\n' "$ERR" | head -n 20 >&2
	fi
	exit 1
}

skip() {
	echo "skipped: $*"
	exit 77
}

be() {
	timeout -k 2 "${BE_TIMEOUT:-30}" "$BACKEASE" "$@" </dev/null
}

expect_status() {
	local want=$1
	shift
	"$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	STATUS=$?
	OUT=$(cat "$TEST_TMP/out")
	ERR=$(cat "$TEST_TMP/err")
	[ "$STATUS" = "$want" ] ||
		fail "exit status $STATUS, expected $want: $*"
}

expect_contains() {
	case $1 in
	*"$2"*) ;;
	*) fail "expected to find '$2'" ;;
	esac
}

expect_not_contains() {
	case $1 in
	*"$2"*) fail "did not expect '$2'" ;;
	esac
}

expect_eq() {
	[ "$1" = "$2" ] || fail "${3:-value}: got '$1', expected '$2'"
}

history_file() {
	echo "$XDG_STATE_HOME/backease/history.tsv"
}

history_lines() {
	local f
	f=$(history_file)
	if [ -f "$f" ]; then
		wc -l <"$f" | tr -d ' '
	else
		echo 0
	fi
}

long_catalog() {
	cat >"$1" <<'EOF'
exercises:
  - id: long-march
    name: Long March
    kind: warmup
    position: standing
    time: 600
    steps: [Keep marching.]
presets:
  - id: long
    name: Long
    items:
      - exercise: long-march
EOF
}

tiny_catalog() {
	cat >"$1" <<EOF
presets:
  - id: tiny
    name: Tiny
    items: [{exercise: roll}]
exercises:
  - {id: roll, name: Shoulder Roll, kind: warmup, position: seated,
     time: $2, steps: [Roll both shoulders back.]}
EOF
}

# The sanitizer build's leak check at exit stops the process with ptrace.
# A SIGCONT that comes with a hang-up's SIGHUP (strace shows both) can
# cancel that stop; the checker then waits for ever, its process spinning
# in sched_yield (10 of 20 hang-ups of the reminder in the san build).
# Runs that a hang-up ends go without the check; the same code ending by
# q or SIGTERM keeps it.
no_leak_check="ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# An orphan is reaped by whichever process adopts it, PID 1 in a container,
# which may take its time: a test that waits for an orphan to end waits for
# this, not for kill -0 to fail.
running() {
	local st
	st=$(sed 's/^.*) //' /proc/"$1"/stat 2>/dev/null) || return 1
	[ -n "$st" ] && [ "${st%% *}" != Z ]
}

no_safety_note() {
	mkdir -p "$XDG_STATE_HOME/backease"
	: >"$XDG_STATE_HOME/backease/safety-note-shown"
}
