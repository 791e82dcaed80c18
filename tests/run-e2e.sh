#!/usr/bin/env bash
# Runs every tests/e2e/test_*.sh against the binary in $BACKEASE.
#
# Each script runs in bash from a fresh temporary directory, with HOME,
# XDG_CONFIG_HOME and XDG_STATE_HOME inside it, so no test reads or writes
# the real user's files.  A script passes by exiting 0, is skipped by
# exiting 77, and fails otherwise; a failure's output is shown indented.
# The last line is always "e2e: N passed, M failed".
#
#   BACKEASE=/abs/path/to/backease tests/run-e2e.sh [test_name ...]
set -u

here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${BACKEASE:-}" ]; then
	echo "run-e2e.sh: set BACKEASE to the binary to test" >&2
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
case $BACKEASE in
/*) ;;
*) BACKEASE=$PWD/$BACKEASE ;;
esac
if [ ! -x "$BACKEASE" ]; then
	echo "run-e2e.sh: $BACKEASE is not an executable" >&2
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
export BACKEASE

# The sanitizer build (make VARIANT=san) reports leaks at exit; the few
# inside system libraries that backease cannot free are listed in
# tests/lsan.supp.  Other builds ignore the variable.
LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS

# A script that runs longer than this is stuck; it fails.
limit=${E2E_TIMEOUT:-120}

scripts=()
if [ $# -gt 0 ]; then
	for name in "$@"; do
		scripts+=("$here/e2e/${name%.sh}.sh")
	done
else
	scripts=("$here"/e2e/test_*.sh)
fi

pass=0 fail=0 skip=0 skipped=
for t in "${scripts[@]}"; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/backease-e2e.XXXXXX")
	mkdir -p "$tmp/home/.config" "$tmp/home/.local/state" "$tmp/work"
	start=$(date +%s)
	(
		cd "$tmp/work" &&
			exec env -u NO_COLOR -u TMUX HOME="$tmp/home" \
				XDG_CONFIG_HOME="$tmp/home/.config" \
				XDG_STATE_HOME="$tmp/home/.local/state" \
				TEST_TMP="$tmp/work" LC_ALL=C.UTF-8 TZ=UTC \
				timeout -k 5 "$limit" bash "$t"
	) >"$tmp/output" 2>&1 </dev/null
	rc=$?
	secs=$(($(date +%s) - start))
	case $rc in
	0)
		pass=$((pass + 1))
		echo "PASS $name (${secs}s)"
		;;
	77)
		skip=$((skip + 1))
		skipped="$skipped $name"
		echo "SKIP $name: $(tail -n 1 "$tmp/output")"
		;;
	*)
		fail=$((fail + 1))
		[ $rc = 124 ] && echo "(timed out after ${limit}s)" >>"$tmp/output"
		echo "FAIL $name (exit $rc, ${secs}s)"
		sed 's/^/    /' "$tmp/output"
		;;
	esac
	chmod -R u+rwx "$tmp" 2>/dev/null
	rm -rf "$tmp"
done

[ $skip -gt 0 ] && echo "skipped: $skip ($(echo $skipped))"
echo "e2e: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $((pass + skip)) -gt 0 ]
