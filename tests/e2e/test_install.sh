# make install / uninstall into a temporary DESTDIR; the installed binary
# runs from / with its catalog compiled in.
. "$(dirname "$0")/lib.sh"
repo=$(cd "$(dirname "$0")/../.." && pwd)
dest=$TEST_TMP/dest

# install the build under test (the sanitizer one under VARIANT=san)
variant=
case $BACKEASE in */build/san/backease) variant=san ;; esac
expect_status 0 make -s -C "$repo" install DESTDIR="$dest" PREFIX=/usr VARIANT=$variant
for f in usr/bin/backease usr/share/man/man1/backease.1 \
	usr/share/backease/exercises.yaml \
	usr/share/bash-completion/completions/backease \
	usr/share/zsh/vendor-completions/_backease; do
	[ -f "$dest/$f" ] || fail "not installed: $f"
done
cd / || fail "cd /"
expect_status 0 "$dest/usr/bin/backease" list
expect_contains "$OUT" "6-minute warm-up"
expect_status 0 "$dest/usr/bin/backease" plan warmup-6
expect_contains "$OUT" "total 6:00"
MANWIDTH=80 man -l "$dest/usr/share/man/man1/backease.1" >"$TEST_TMP/man" 2>/dev/null &&
	expect_contains "$(cat "$TEST_TMP/man")" "not medical advice"

# the bash completion offers commands and preset ids
if bash -c 'complete' >/dev/null 2>&1; then
	out=$(PATH="$dest/usr/bin:$PATH" bash -c '
		. "$1"
		COMP_WORDS=(backease run warm); COMP_CWORD=2; _backease
		printf "%s\n" "${COMPREPLY[@]}"
		COMP_WORDS=(backease pl); COMP_CWORD=1; _backease
		printf "%s\n" "${COMPREPLY[@]}"' _ "$dest/usr/share/bash-completion/completions/backease")
	expect_contains "$out" "warmup-6"
	expect_contains "$out" "plan"
fi

expect_status 0 make -s -C "$repo" uninstall DESTDIR="$dest" PREFIX=/usr VARIANT=$variant
left=$(find "$dest" -type f)
[ -z "$left" ] || fail "left after uninstall: $left"
# ... and the directories install created, which are empty now
left=$(cd "$dest" && find . -mindepth 1)
[ -z "$left" ] || fail "left after uninstall: $left"

# Directories that were there before stay, empty or not, and so does one
# install created that has someone else's file in it now; installing twice
# forgets nothing.
dest=$TEST_TMP/dest2
mkdir -p "$dest/usr/bin" "$dest/usr/share/man/man1"
echo other >"$dest/usr/bin/other"
for i in 1 2; do
	expect_status 0 make -s -C "$repo" install DESTDIR="$dest" PREFIX=/usr VARIANT=$variant
done
echo other >"$dest/usr/share/bash-completion/completions/other"
expect_status 0 make -s -C "$repo" uninstall DESTDIR="$dest" PREFIX=/usr VARIANT=$variant
left=$(cd "$dest" && find . -mindepth 1 | LC_ALL=C sort | tr '\n' ' ')
expect_eq "$left" "./usr ./usr/bin ./usr/bin/other ./usr/share ./usr/share/bash-completion ./usr/share/bash-completion/completions ./usr/share/bash-completion/completions/other ./usr/share/man ./usr/share/man/man1 " \
	"left after uninstall"
