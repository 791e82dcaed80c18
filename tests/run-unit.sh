#!/bin/sh
# Runs each cmocka test binary given as an argument, shows its output and
# sums up the results of all of them in one last line:
#     unit: N passed, M failed
# A test counts once, by its "[       OK ]" or "[  FAILED  ]" line after its
# "[ RUN      ]" line (cmocka repeats the failed names in its summary; those
# repeats are not counted again).  A binary that is missing, crashes, hangs,
# exits non-zero without a failed test, or reports no test at all counts as
# one failure (so does a failed group setup, which only shows in the exit
# status); a test it was in the middle of when it died is that failure.
# Exits 1 if anything failed.

# Per binary; generous because the sanitizer build is slow.
limit=${UNIT_TIMEOUT:-600}

# cmocka can be told to print TAP, subunit or XML instead; this script reads
# its standard output format.
CMOCKA_MESSAGE_OUTPUT=stdout
export CMOCKA_MESSAGE_OUTPUT
unset CMOCKA_XML_FILE

# The sanitizer build (make VARIANT=san) reports leaks at exit; the few
# inside system libraries that backease cannot free are listed in
# tests/lsan.supp.  Other builds ignore the variable.
LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS

passed=0
failed=0
skipped=0
out=$(mktemp "${TMPDIR:-/tmp}/run-unit.XXXXXX") || exit 1
trap 'rm -f "$out"' EXIT
trap 'exit 130' INT TERM HUP

if [ $# -eq 0 ]; then
	echo "usage: $0 TEST-BINARY..." >&2
	echo "unit: 0 passed, 1 failed"
	exit 1
fi

for bin in "$@"; do
	echo "== $bin"
	case $bin in
	*/*) run=$bin ;;
	*) run=./$bin ;;
	esac
	if [ ! -f "$run" ] || [ ! -x "$run" ]; then
		echo "run-unit: $bin: not an executable file"
		failed=$((failed + 1))
		continue
	fi
	# cmocka flushes after every line, so both streams in one file keep
	# their order; messages and sanitizer reports show next to their test.
	if command -v timeout >/dev/null 2>&1; then
		timeout -k 10 "$limit" "$run" </dev/null >"$out" 2>&1
	else
		"$run" </dev/null >"$out" 2>&1
	fi
	rc=$?
	cat "$out"

	# p f s: passed, failed, skipped; open: the test that never finished.
	counts=$(awk '
		function name(line) { sub(/^\[[^]]*\] */, "", line); return line }
		/^\[ RUN      \]/ { cur = name($0); open = 1; next }
		/^\[       OK \]/ && open && name($0) == cur { p++; open = 0; next }
		/^\[  FAILED  \]/ && open && name($0) == cur { f++; open = 0; next }
		/^\[  ERROR   \]/ && open && name($0) == cur { f++; open = 0; next }
		/^\[  SKIPPED \]/ && open && name($0) == cur { s++; open = 0; next }
		END { printf "%d %d %d %d\n", p, f, s, open }
	' "$out")
	read -r p f s open <<EOF
$counts
EOF

	case $rc in
	124 | 137) why="timed out after ${limit}s" ;;
	*) why="exit status $rc" ;;
	esac
	if [ "$open" -ne 0 ]; then
		echo "run-unit: $bin: stopped during a test ($why)"
		f=$((f + 1))
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "run-unit: $bin: $why"
		f=1
	elif [ $((p + f + s)) -eq 0 ]; then
		echo "run-unit: $bin: reported no tests"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
done

if [ "$skipped" -gt 0 ]; then
	echo "($skipped skipped)"
fi
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
