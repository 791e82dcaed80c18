#!/bin/sh
# run.sh BIN CORPUS SECONDS [libFuzzer flags...]
# Fuzzes with one harness for SECONDS over CORPUS (new inputs are added to
# it), logging to BIN.log; the exit status is libFuzzer's (non-zero: crash).
set -u
bin=$1 corpus=$2 secs=$3
shift 3
log=$bin.log
echo "== $(basename "$bin"): ${secs}s over $corpus (full log: $log)"
{
	"$bin" -max_total_time="$secs" -print_final_stats=1 "$@" "$corpus" 2>&1
	echo $? >"$log.rc"
} | tee "$log" | grep --line-buffered -Ev '^#[0-9]+[[:space:]]+(NEW|REDUCE) '
rc=$(cat "$log.rc")
rm -f "$log.rc"
echo "== $(basename "$bin"): exit $rc, corpus now $(ls "$corpus" | wc -l) files," \
	"$(du -sk "$corpus" | cut -f1) kB"
exit "$rc"
