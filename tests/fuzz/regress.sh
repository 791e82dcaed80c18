#!/bin/sh
# regress.sh BIN DIR...
# Runs BIN once on every file under the DIRs (no fuzzing); fails on the
# first input that crashes or breaks an invariant.
set -u
bin=$1
shift
log=$bin.regress.log
list=$(mktemp)
trap 'rm -f "$list"' EXIT
for dir in "$@"; do
	[ -d "$dir" ] && find "$dir" -type f ! -name 'README*' ! -name '.*'
done | sort >"$list"
n=$(wc -l <"$list")
if [ "$n" -eq 0 ]; then
	echo "$(basename "$bin"): no inputs"
	exit 0
fi
# xargs may split a long list; every part must pass
if tr '\n' '\0' <"$list" | xargs -0 "$bin" -timeout=25 >"$log" 2>&1; then
	echo "$(basename "$bin"): $n inputs OK"
else
	tail -n 40 "$log"
	echo "$(basename "$bin"): FAILED (of $n inputs; full log: $log)" >&2
	exit 1
fi
