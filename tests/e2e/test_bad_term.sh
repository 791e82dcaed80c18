# test_bad_term: a terminal that curses cannot use (an unknown or hostile
# TERM) falls back as it should, with the exit status it should have.
# Under the sanitizer build this also checks that the leak libtinfo leaves
# after a failed newterm() is suppressed (tests/lsan.supp), so that it
# does not turn the status into 1.
. "$(dirname "$0")/lib.sh"

command -v script >/dev/null 2>&1 || skip "no script(1) to make a terminal"
no_safety_note

in_pty() { # TERM command...: runs it in a pseudo-terminal
	local term=$1
	shift
	TERM=$term timeout 30 script -qec "$*" /dev/null </dev/null >pty.out 2>&1
	STATUS=$?
	OUT=$(tr -d '\r' <pty.out) ERR=
}

for term in nonexistent-term "../../../../etc/passwd" $'\e[31mred'; do
	# a run goes on in plain mode
	in_pty "$term" "'$BACKEASE' run desk-break --speed 400 --ready 0"
	expect_eq "$STATUS" 0 "run with TERM='$term': status"
	expect_contains "$OUT" "cannot use this terminal"
	expect_contains "$OUT" "using plain mode"
	expect_contains "$OUT" "done: Desk break"
	expect_not_contains "$OUT" "LeakSanitizer"
	# the menu cannot, and says what to do instead
	in_pty "$term" "'$BACKEASE'"
	expect_eq "$STATUS" 1 "menu with TERM='$term': status"
	expect_contains "$OUT" "try 'backease list'"
	expect_not_contains "$OUT" "LeakSanitizer"
	[[ $OUT == *$'\e[31m'* ]] && fail "TERM echoed raw"
done
exit 0
