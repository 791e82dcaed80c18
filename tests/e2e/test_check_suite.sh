# test_check_suite: `backease check` on every file of the YAML test suite
# and on hostile files: always status 1 and a one-line message naming the
# file, never a crash, a hang or a control character on the terminal.
. "$(dirname "$0")/lib.sh"

# a copy of the suite's inputs is in the repository (README.md there)
suite=$REPO/tests/data/yaml-test-suite
[ -d "$suite" ] || fail "no $suite"

# Checks one file: prints what is wrong, or nothing.  check_one sets
# $problem instead, without forking more than the binary (it runs 400
# times).
check_one() { # path [shown name]
	local f=$1 name=${2:-$1} rc err= out= nl LC_ALL=C

	problem=
	timeout 10 "$BACKEASE" check "$f" >check$tag.out 2>check$tag.err </dev/null
	rc=$?
	IFS= read -r -d '' err <check$tag.err
	IFS= read -r -d '' out <check$tag.out
	nl=${err//[!$'\n']/}
	if [ $rc = 124 ]; then
		problem="$name: hangs"
	elif [ $rc -ge 128 ]; then
		problem="$name: crashed with status $rc: ${err:0:300}"
	elif [ $rc != 1 ]; then
		problem="$name: status $rc, expected 1"
	elif [ "${#nl}" != 1 ] || [[ $err != *$'\n' ]]; then
		problem="$name: ${#nl} lines on stderr: ${err:0:300}"
	elif [[ $err != "backease: $name"* ]]; then
		problem="$name: message does not name the file: $err"
	elif [[ ${err%$'\n'} == *[[:cntrl:]]* ]] ||
		[[ $err == *$'\xc2'[$'\x80'-$'\x9f']* ]]; then
		problem="$name: control characters in: $err"
	elif [ -n "$out" ]; then
		problem="$name: output on stdout: ${out:0:300}"
	fi
	# shown safely on the terminal of whoever runs the tests
	[ -z "$problem" ] || problem=$(printf '%s' "$problem" | cat -v)
}
tag= # names the output files of parallel workers
check_file() {
	check_one "$@"
	[ -z "$problem" ] || printf '%s\n' "$problem"
}

# ---- the YAML test suite -----------------------------------------------------
# in parallel: a binary built with sanitizers takes a while to start
files=("$suite"/*.yaml)
n=${#files[@]}
jobs=$(nproc 2>/dev/null || echo 2)
for ((w = 0; w < jobs; w++)); do
	(
		tag=$w
		for ((i = w; i < n; i += jobs)); do
			check_one "${files[i]}"
			[ -z "$problem" ] || printf '%s\n' "$problem"
		done >problems.$w
	) &
done
wait
problems=$(cat problems.*)
[ "$n" -ge 400 ] || fail "only $n files in $suite"
[ -z "$problems" ] || fail "$(printf '%s' "$problems" | head -n 30)"

# ---- hostile files -------------------------------------------------------
problems=
add() { [ -n "$1" ] && problems="$problems$1"$'\n'; }

# over 16 MiB (of valid YAML comments): refused before it is parsed
{
	echo "exercises: []"
	head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' '#' | fold -w 1023
} >big.yaml
add "$(check_file big.yaml)"
expect_contains "$(cat check.err)" "16 MiB"

# 200000 nested flow sequences, at the top and where a list is expected
head -c 200000 /dev/zero | tr '\0' '[' >deep.yaml
add "$(check_file deep.yaml)"
{
	printf 'exercises: '
	head -c 200000 /dev/zero | tr '\0' '['
} >deep2.yaml
add "$(check_file deep2.yaml)"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{a: "; print "" }' >deep3.yaml
add "$(check_file deep3.yaml)"

# billion laughs, where a list of exercises is expected and inside steps
{
	echo 'x: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
	for c in b c d e f g h i; do
		p=$(echo "$c" | tr 'b-i' 'a-h')
		echo "$c: &$c [*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p]"
	done
} >laughs.yaml
{
	echo 'exercises: &a ["lol","lol","lol","lol","lol","lol","lol","lol"]'
	echo 'presets: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]'
} >laughs2.yaml
cat >laughs3.yaml <<'EOF'
exercises:
  - id: lol
    name: Lol
    kind: warmup
    position: any
    time: 10
    steps: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
    cues: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
EOF
for f in laughs.yaml laughs2.yaml laughs3.yaml; do
	add "$(check_file $f)"
done
expect_contains "$(cat check.err)" "alias"

# escape sequences in every text field, as YAML escapes in a double-quoted
# scalar: the field under test gets a valid value followed by them
shopt -u patsub_replacement 2>/dev/null
template='exercises:
  - id: @id@
    name: @name@
    kind: @kind@
    position: @position@
    equipment: [@equipment@]
    sides: @sides@
    time: 10
    steps: [@steps@]
    cues: [@cues@]
    caution: @caution@
    source: @source@
    @key@: 1
presets:
  - id: p1
    name: P
    summary: @summary@
    items:
      - exercise: @exercise@'
declare -A plain=([id]=e1 [name]=Name [kind]=warmup [position]=any
	[equipment]=chair [sides]=none [steps]='Do it.' [cues]='A cue'
	[caution]=Careful [source]='An article' [summary]='A summary'
	[exercise]=e1 [key]=caution)
spoil() { # field escapes: prints the catalog with that field spoiled
	local text=$template k
	for k in "${!plain[@]}"; do
		if [ "$k" = "$1" ]; then
			text=${text//"@$k@"/"\"${plain[$k]}$2\""}
		else
			text=${text//"@$k@"/"${plain[$k]}"}
		fi
	done
	[ "$1" = key ] || text=${text//"    caution: 1"$'\n'/}
	printf '%s\n' "$text"
}
for field in "${!plain[@]}"; do
	for esc in '\e[2J\e[31m' '\x9b31m' '\a\b\r' '\u001b]0;title\u0007' '\N'; do
		spoil "$field" "$esc" >esc.yaml
		check_one esc.yaml
		[ -n "$problem" ] && add "$field $esc: $problem"
	done
done
# the same file without escapes is fine, so the errors above were theirs
spoil none "" >noesc.yaml
expect_status 0 be check noesc.yaml

# raw control bytes in the file itself, and in the file's name
printf 'exercises:\n  - id: a\n    name: "x\033[31my"\n' >raw.yaml
add "$(check_file raw.yaml)"
printf 'exercises:\n  - id: a\n    name: x\033[31my\n' >raw2.yaml
add "$(check_file raw2.yaml)"
printf 'exercises:\n  - id: a\n    name: x\233y\n' >raw3.yaml
add "$(check_file raw3.yaml)"
name=$'evil\e[2J\a.yaml'
printf 'exercises: 1\n' >"$name"
timeout 10 "$BACKEASE" check "$name" >check.out 2>check.err
rc=$?
[ $rc = 1 ] || add "$(cat -v <<<"$name"): status $rc"
LC_ALL=C grep -q '[[:cntrl:]]' check.err &&
	add "escaped file name: control characters in: $(cat -v check.err)"
# not UTF-8, NUL bytes, an empty file, a directory
printf 'exercises:\n  - id: \377\376\n' >latin.yaml
add "$(check_file latin.yaml)"
printf 'exercises:\n  - id: a\0b\n' >nul.yaml
add "$(check_file nul.yaml)"
: >empty.yaml
add "$(check_file empty.yaml)"
mkdir dir.yaml
add "$(check_file dir.yaml)"

[ -z "$problems" ] || fail "$(printf '%s' "$problems" | head -n 30)"
exit 0
