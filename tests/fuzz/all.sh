#!/bin/sh
# all.sh fuzz|regress DIR SECONDS [libFuzzer flags...]
# Runs every harness built in DIR (DIR/fuzz_NAME, from tests/fuzz/fuzz_NAME.c)
# over tests/fuzz/corpus/NAME, with tests/fuzz/NAME.dict when there is one.
#   regress: every seed and saved crash once (regressions/NAME), no fuzzing;
#   fuzz:    SECONDS in all, split: the catalog loader half (a third of that
#            with the real arena, fuzz_catalog_arena), the rest evenly over
#            the other harnesses; over a copy of the corpus in DIR/corpus/.
# Fails when any harness fails; crash inputs are in DIR/artifacts/.
set -u
mode=$1 dir=$2 total=${3:-60}
shift 3 2>/dev/null || shift $#
src=$(dirname "$0")
rc=0
names=$(ls "$dir" | sed -n 's/^fuzz_\([a-z_]*\)$/\1/p' | grep -v '_arena$')
others=$(printf '%s\n' $names | grep -cvx catalog)
[ "$others" -ge 1 ] || others=1
for name in $names; do
	bins="$dir/fuzz_$name"
	[ -x "$dir/fuzz_${name}_arena" ] && bins="$bins $dir/fuzz_${name}_arena"
	dict=
	[ -f "$src/$name.dict" ] && dict="-dict=$src/$name.dict"
	if [ "$mode" = regress ]; then
		for bin in $bins; do
			"$src/regress.sh" "$bin" "$src/corpus/$name" \
				"$src/regressions/$name" || rc=1
		done
		continue
	fi
	if [ "$name" = catalog ]; then
		secs=$((total / 2))
	else
		secs=$((total / 2 / others))
	fi
	[ "$secs" -ge 2 ] || secs=2
	mkdir -p "$dir/corpus/$name" "$dir/artifacts"
	[ -d "$src/corpus/$name" ] && cp -R "$src/corpus/$name/." "$dir/corpus/$name/"
	for bin in $bins; do
		s=$secs
		case $bin in
		*_arena) s=$((secs / 3)) ;;
		*) [ "$bins" = "$bin" ] || s=$((secs - secs / 3)) ;;
		esac
		[ "$s" -ge 1 ] || s=1
		# shellcheck disable=SC2086
		"$src/run.sh" "$bin" "$dir/corpus/$name" "$s" $dict \
			-artifact_prefix="$dir/artifacts/$(basename "$bin")-" "$@" || rc=1
	done
done
if [ "$rc" -ne 0 ] && [ "$mode" = fuzz ]; then
	echo "fuzz: crash found; inputs in $dir/artifacts/" >&2
	ls -l "$dir/artifacts/" >&2
fi
exit $rc
