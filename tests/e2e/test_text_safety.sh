# test_text_safety: characters that would mislead or command the terminal
# never reach it.  Catalog text with a bidirectional control, an invisible
# or tag character, a line separator or a stack of combining marks is
# refused by check and by every command (file:line, the character named);
# arguments and paths are echoed escaped; outside a UTF-8 locale the
# output is ASCII.
. "$(dirname "$0")/lib.sh"

# Fails when the text holds any byte of the character (its UTF-8 bytes
# as a printf string).
expect_no_raw() { # text bytes what
	case $1 in
	*"$(printf "$2")"*) fail "$3: the character reached the terminal raw" ;;
	esac
}

# A catalog with one hostile character in one field.  The exercise's
# name is on line 3, its step on line 8, the preset's summary on 12.
catalog() { # file field bytes
	local name=Twist step="Sit tall." summary="A short one."
	case $2 in
	name) name="Tw$(printf "$3")ist" ;;
	step) step="Sit $(printf "$3")tall." ;;
	summary) summary="A $(printf "$3")short one." ;;
	esac
	cat >"$1" <<EOF
exercises:
  - id: twist
    name: "$name"
    kind: stretch
    position: seated
    time: 20
    steps:
      - "$step"
presets:
  - id: short
    name: Short
    summary: "$summary"
    items:
      - exercise: twist
EOF
}

line_of() { # field
	case $1 in name) echo 3 ;; step) echo 8 ;; summary) echo 12 ;; esac
}

# code point, its UTF-8 bytes, the field it is put in
cases=(
	"202E \\xe2\\x80\\xae name"    # RIGHT-TO-LEFT OVERRIDE
	"202A \\xe2\\x80\\xaa step"    # LEFT-TO-RIGHT EMBEDDING
	"202D \\xe2\\x80\\xad summary" # LEFT-TO-RIGHT OVERRIDE
	"2066 \\xe2\\x81\\xa6 name"    # LEFT-TO-RIGHT ISOLATE
	"2069 \\xe2\\x81\\xa9 step"    # POP DIRECTIONAL ISOLATE
	"200E \\xe2\\x80\\x8e summary" # LEFT-TO-RIGHT MARK
	"200F \\xe2\\x80\\x8f name"    # RIGHT-TO-LEFT MARK
	"061C \\xd8\\x9c step"         # ARABIC LETTER MARK
	"200B \\xe2\\x80\\x8b name"    # ZERO WIDTH SPACE
	"200D \\xe2\\x80\\x8d summary" # ZERO WIDTH JOINER
	"2060 \\xe2\\x81\\xa0 step"    # WORD JOINER
	"FEFF \\xef\\xbb\\xbf name"    # ZERO WIDTH NO-BREAK SPACE
	"E0041 \\xf3\\xa0\\x81\\x81 step"    # TAG LATIN CAPITAL LETTER A
	"E007F \\xf3\\xa0\\x81\\xbf summary" # CANCEL TAG
	"2028 \\xe2\\x80\\xa8 name"    # LINE SEPARATOR
	"2029 \\xe2\\x80\\xa9 step"    # PARAGRAPH SEPARATOR
)
for c in "${cases[@]}"; do
	read -r cp bytes field <<<"$c"
	f=cat-$cp.yaml
	catalog "$f" "$field" "$bytes"
	expect_status 1 be check "$f"
	expect_contains "$ERR" "$f:$(line_of "$field"):"
	expect_contains "$ERR" "\\u{$cp}"
	expect_no_raw "$OUT$ERR" "$bytes" "check, U+$cp"
	for cmd in "list" "list --exercises" "show twist" "show short" \
		"plan short" "run short --plain --speed 100"; do
		# shellcheck disable=SC2086
		expect_status 1 be --catalog "$f" $cmd
		expect_contains "$ERR" "$f:$(line_of "$field"):"
		expect_no_raw "$OUT$ERR" "$bytes" "$cmd, U+$cp"
	done
	# arguments are echoed escaped
	arg="x$(printf "$bytes")y"
	for cmd in show plan run; do
		expect_status 2 be "$cmd" "$arg"
		expect_contains "$ERR" "x\\u{$cp}y"
		expect_no_raw "$ERR" "$bytes" "$cmd's echo, U+$cp"
	done
	expect_status 2 be "$arg"
	expect_contains "$ERR" "unknown command 'x\\u{$cp}y'"
	expect_status 2 be "--$arg"
	expect_contains "$ERR" "x\\u{$cp}y"
	expect_no_raw "$ERR" "$bytes" "an option's echo, U+$cp"
	expect_status 2 be --ready "$arg" list
	expect_no_raw "$ERR" "$bytes" "an option value's echo, U+$cp"
	# and so are paths
	expect_status 1 be check "no-$arg.yaml"
	expect_contains "$ERR" "no-x\\u{$cp}y.yaml: cannot open"
	expect_no_raw "$ERR" "$bytes" "a path's echo, U+$cp"
	expect_status 1 be --catalog "no-$arg.yaml" list
	expect_no_raw "$ERR" "$bytes" "a --catalog path's echo, U+$cp"
done
# the message names the character and says such are not allowed
catalog bidi.yaml name '\xe2\x80\xae'
expect_status 1 be check bidi.yaml
expect_contains "$ERR" "bidi.yaml:3:"
expect_contains "$ERR" "\\u{202E}"

# ---- a stack of combining marks -------------------------------------------
# three on a letter are an accent or two (Vietnamese has two); a fourth
# and more spill over the lines around
catalog marks-ok.yaml name 'e\xcc\x81\xcc\x82\xcc\x83'
expect_status 0 be check marks-ok.yaml
zalgo=o
for _ in $(seq 200); do zalgo="$zalgo\\xcd\\x93"; done
for field in name step summary; do
	catalog "zalgo-$field.yaml" "$field" "$zalgo"
	expect_status 1 be check "zalgo-$field.yaml"
	expect_contains "$ERR" "zalgo-$field.yaml:$(line_of "$field"):"
	for cmd in "list" "show twist" "plan short" "run short --plain"; do
		# shellcheck disable=SC2086
		expect_status 1 be --catalog "zalgo-$field.yaml" $cmd
		n=$(printf '%s' "$OUT$ERR" | grep -o $'\xcd\x93' | wc -l)
		[ "$n" -le 3 ] || fail "$cmd: $n combining marks in a row reached the terminal"
	done
done
expect_status 2 be show "$(printf "$zalgo")"
n=$(printf '%s' "$ERR" | grep -o $'\xcd\x93' | wc -l)
[ "$n" -le 3 ] || fail "show's echo: $n combining marks reached the terminal"

# ---- a catalog.d file name -------------------------------------------------
dir=$XDG_CONFIG_HOME/backease/catalog.d
mkdir -p "$dir"
printf 'presets: [\n' >"$dir/evil$(printf '\xe2\x80\xae')lmy.yaml"
expect_status 1 be check
expect_contains "$ERR" "evil\\u{202E}lmy.yaml"
expect_no_raw "$OUT$ERR" '\xe2\x80\xae' "a catalog.d file name"
be list >/dev/null 2>err.txt
expect_contains "$(cat err.txt)" "evil\\u{202E}lmy.yaml"
expect_no_raw "$(cat err.txt)" '\xe2\x80\xae' "list: a catalog.d file name"
rm -rf "$dir"

# ---- outside a UTF-8 locale: ASCII ------------------------------------------
# U+201B's last byte is 0x9B, an 8-bit CSI to a terminal that honours C1.
cat >typo.yaml <<'EOF'
exercises:
  - id: reach
    name: "Reach ‛n’ Roll — café"
    kind: stretch
    position: seated
    equipment: [chair]
    time: 20
    steps:
      - "Sit tall… then “reach” – slowly • gently · à la française."
    cues: ["Don’t shrug"]
    caution: "Stop if it hurts — see a doctor."
    source: "Ünïcödé Sources"
presets:
  - id: reach-roll
    name: "Reach ’n’ Roll"
    summary: "A gentle – slow – reach…"
    items:
      - exercise: reach
EOF
expect_status 0 be --catalog typo.yaml check
expect_ascii() { # text what
	if printf '%s' "$1" | LC_ALL=C grep -q '[^ -~]'; then
		fail "$2: bytes outside printable ASCII: $(printf '%s' "$1" |
			LC_ALL=C grep -n '[^ -~]' | head -n 3 | od -c | head -n 5)"
	fi
}
for cmd in "list" "list --exercises" "show reach" "show reach-roll" \
	"plan reach-roll" "run reach-roll --plain --speed 100"; do
	# shellcheck disable=SC2086
	LC_ALL=C expect_status 0 be --catalog typo.yaml $cmd
	expect_ascii "$(printf '%s' "$OUT$ERR" | tr -d '\n')" "LC_ALL=C $cmd"
done
LC_ALL=C expect_status 0 be --catalog typo.yaml show reach
expect_contains "$OUT" "Reach 'n' Roll -- cafe (reach)"
expect_contains "$OUT" "Sit tall... then \"reach\" - slowly * gently - a la francaise."
expect_contains "$OUT" "Don't shrug"
expect_contains "$OUT" "Stop if it hurts -- see a doctor."
expect_contains "$OUT" "Unicode Sources"
LC_ALL=C expect_status 0 be --catalog typo.yaml run reach-roll --plain --speed 100
expect_contains "$OUT" "backease: Reach 'n' Roll, 1 move"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: Reach 'n' Roll 0:25" "final line"
LC_ALL=C expect_status 0 be --catalog typo.yaml list
expect_contains "$OUT" "Reach 'n' Roll "
# the columns still line up: TIME starts where the header says
head=$(printf '%s\n' "$OUT" | head -n 1)
row=$(printf '%s\n' "$OUT" | grep '^reach-roll')
expect_eq "${row:${#head%%TIME*}-2:6}" "  0:25" "list column"
# echoes of arguments are ASCII too
LC_ALL=C expect_status 2 be show "caf$(printf '\xc3\xa9\xe2\x80\x9b')"
expect_ascii "$ERR" "LC_ALL=C show's echo"
expect_contains "$ERR" "'cafe''"
# the same catalog in a UTF-8 locale is printed as it is
LC_ALL=C.UTF-8 expect_status 0 be --catalog typo.yaml show reach
expect_contains "$OUT" "Reach ‛n’ Roll — café (reach)"
expect_contains "$OUT" "Sit tall… then “reach” – slowly • gently · à la française."
exit 0
