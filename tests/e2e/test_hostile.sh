# Hostile surroundings, end to end: an unreadable catalog, a catalog.d with
# hundreds of files, a damaged history, a full disk.  Each time: the exit
# status SPEC says, a clear message, no earlier history line lost, and no
# sanitizer report.
. "$(dirname "$0")/lib.sh"

clean_stderr() {
	expect_not_contains "$ERR" "Sanitizer"
	expect_not_contains "$ERR" "runtime error"
}

# ---- an unreadable catalog file ----------------------------------------
printf 'presets:\n  - id: s\n    name: S\n    items:\n      - exercise: chin-tuck\n' >secret.yaml
chmod 000 secret.yaml
if [ "$(id -u)" = 0 ]; then
	# root reads anything: ask as nobody (who cannot even enter the
	# test's private directory, which is unreadable all the same)
	command -v setpriv >/dev/null 2>&1 || skip "root without setpriv"
	expect_status 1 setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$BACKEASE" check "$PWD/secret.yaml"
else
	expect_status 1 be check secret.yaml
fi
expect_contains "$ERR" "secret.yaml: cannot open: Permission denied"
clean_stderr
chmod 644 secret.yaml

# ---- a catalog.d with hundreds of files ----------------------------------
dir=$XDG_CONFIG_HOME/backease/catalog.d
mkdir -p "$dir"
for i in $(seq -w 1 300); do
	printf 'presets:\n  - id: p%s\n    name: Preset %s\n    items:\n      - exercise: chin-tuck\n' \
		"$i" "$i" >"$dir/f$i.yaml"
done
echo "not a catalog" >"$dir/README.txt"
expect_status 0 be list
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" 315 "presets listed"
all=$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)
expect_contains "$OUT" "Preset 300"
expect_status 0 be check
# one bad file among them is named, with its line, and left out
printf 'presets: [\n' >"$dir/f150.yaml"
expect_status 0 be list
expect_contains "$ERR" "catalog.d/f150.yaml:2:1: YAML syntax error"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" $((all - 1)) \
	"presets listed without the broken file"
expect_status 1 be check
expect_contains "$ERR" "catalog.d/f150.yaml:2:1: YAML syntax error"
expect_eq "$(printf '%s\n' "$OUT" | grep -c ': ok')" 300 "files checked"
clean_stderr
rm -rf "$dir"

# ---- a history with garbage and a line cut short by a crash --------------
hist=$(history_file)
mkdir -p "$(dirname "$hist")"
: >"$(dirname "$hist")/safety-note-shown"
{
	printf 'garbage that is not a history line\n'
	printf '\033[31mred\033[0m\n'
	printf '2026-01-01T10:00:00+00:00\twarmup-6\t360\t360\t10/10\tdone\n'
	printf '2026-01-02T10:00:00+00:00\twarm'
} >"$hist"
cp "$hist" before
expect_status 0 be run desk-break --plain --speed 200 --ready 0
clean_stderr
cmp -s -n "$(stat -c %s before)" before "$hist" ||
	fail "the earlier history bytes changed"
last=$(tail -n 1 "$hist")
[[ $last =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}$'\t'desk-break$'\t'[0-9]+$'\t'[0-9]+$'\t'[0-9]+/[0-9]+$'\t'done$'\t'(-|[0-9]|10)$'\t'(-|[0-9]|10)$ ]] ||
	fail "the new history line is not a line of its own: $last"
expect_eq "$(wc -l <"$hist")" 5 "history lines"

# ---- a full disk -------------------------------------------------------
# /dev/full takes the open and refuses every write with ENOSPC
export XDG_STATE_HOME=$PWD/full
mkdir -p "$XDG_STATE_HOME/backease"
: >"$XDG_STATE_HOME/backease/safety-note-shown"
ln -s /dev/full "$XDG_STATE_HOME/backease/history.tsv"
# the run completes, but a history line that is lost is a failure (1)
expect_status 1 be run desk-break --plain --speed 200 --ready 0
expect_contains "$OUT" "done: Desk break"
expect_contains "$ERR" "history not written"
expect_contains "$ERR" "No space left on device"
clean_stderr

# A disk with room for part of a line: the write comes back short and the
# partial line is cut off again, so the file still ends on a whole line.
# Needs a private mount (root with CAP_SYS_ADMIN); skipped where there is
# none.
if unshare -m true 2>/dev/null; then
	mkdir -p small
	# shellcheck disable=SC2016
	unshare -m bash -c '
		mount -t tmpfs -o size=4k tmpfs small || exit 3
		mkdir -p small/backease && : >small/backease/safety-note-shown
		# one page, nearly full: the next line does not fit whole
		head -c 4070 /dev/zero | tr "\0" "x" >small/backease/history.tsv
		sed -i "s/\$/\n/" small/backease/history.tsv
		cp small/backease/history.tsv before-small
		XDG_STATE_HOME=$PWD/small "$1" run desk-break --plain --speed 200 \
			--ready 0 </dev/null >out-small 2>err-small
		echo $? >status-small
		cmp -s small/backease/history.tsv before-small || exit 4
	' _ "$BACKEASE"
	rc=$?
	if [ "$rc" = 3 ]; then
		echo "skipped: tmpfs cannot be mounted here"
	else
		[ "$rc" = 0 ] || fail "a short history write left the file changed ($rc)"
		expect_eq "$(cat status-small)" 1 "status with a nearly full disk"
		ERR=$(cat err-small)
		expect_contains "$ERR" "history not written"
		clean_stderr
	fi
fi
exit 0
