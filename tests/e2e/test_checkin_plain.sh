# The check-in in plain mode (SPEC section 8): asked only when standard
# input and output are both terminals (util-linux script gives them a
# pty), a number and Enter, an empty line skipping; never asked from
# scripts or pipes; the change and the nudge after done:.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/checkin.sh"
command -v script >/dev/null 2>&1 || skip "script (util-linux) is not installed"

hist=$(history_file)
# the first-run note out of the way
be --help >/dev/null
mkdir -p "$XDG_STATE_HOME/backease"
: >"$XDG_STATE_HOME/backease/safety-note-shown"

# 20 s of moves in 1 s
run="'$BACKEASE' --catalog two.yaml run two --plain --ready 0 --speed 20"
# in_pty CMD: runs it on a pty, typed input from stdin (a process
# substitution, so that this runs in the test's shell); output in $OUT
in_pty() {
	timeout 15 script -qec "$1" /dev/null >pty.out 2>&1 ||
		fail "status $? in a pty: $(cat pty.out)"
	OUT=$(tr -d '\r' <pty.out) ERR=
}

# ---- on a terminal: asked before and after -----------------------------------
in_pty "$run" < <(sleep 0.5; printf '6\n'; sleep 2; printf '3\n'; sleep 0.5)
expect_contains "$OUT" "How is your upper back right now? 0-10 (0 no pain, 10 worst imaginable), Enter skips:"
expect_contains "$OUT" "And now? 0-10"
expect_contains "$OUT" $'done: Two moves 0:20\n'
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "pain 6 -> 3 (clearly better)" "last line"
expect_eq "$(last_pain)" "6 3" "answers in the history"
# the clock waited for the answer: the run's 20 s were all active
expect_contains "$(tail -n 1 "$hist")" $'\t20\t20\t2/2\tdone\t'

# not a number: asked again; then an empty line skips; t is 10
in_pty "$run" < <(sleep 0.5; printf 'eleven\n'; sleep 0.3; printf '11\n'
	sleep 0.3; printf '10\n'; sleep 2; printf '\n'; sleep 0.5)
expect_contains "$OUT" "A number from 0 to 10, or Enter to skip:"
expect_not_contains "$OUT" "pain 10"
expect_eq "$(last_pain)" "10 -" "asked again, then skipped"
# 8 or more: the nudge after done:, then not again today
expect_contains "$OUT" $'Enter skips: \nYour check-ins: 10/10 today.\n'
in_pty "$run" < <(sleep 0.5; printf '\n'; sleep 2; printf 't\n'; sleep 0.5)
expect_eq "$(last_pain)" "- 10" "skipped, then t"
expect_not_contains "$OUT" "Your check-ins"

# the input ends at the question: no answer, and the run goes on
in_pty "$run" </dev/null
expect_contains "$OUT" "done: Two moves 0:20"
expect_eq "$(last_pain)" "- -" "input closed"

# --no-checkin and checkin: false ask nothing
in_pty "$run --no-checkin" < <(sleep 2)
expect_not_contains "$OUT" "How is your"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: Two moves 0:20" "last line"
mkdir -p "$XDG_CONFIG_HOME/backease"
echo 'checkin: false' >"$XDG_CONFIG_HOME/backease/config.yaml"
in_pty "$run" < <(sleep 2)
expect_not_contains "$OUT" "How is your"
rm "$XDG_CONFIG_HOME/backease/config.yaml"

# ---- not a terminal: never asked, never blocks ----------------------------
before=$(history_lines)
expect_status 0 be --catalog two.yaml run two --plain --ready 0 --speed 20
expect_not_contains "$OUT" "How is your"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: Two moves 0:20" "last line"
# stdin a terminal, stdout a pipe
in_pty "$run | cat" < <(sleep 2)
expect_not_contains "$OUT" "How is your"
# stdout a terminal, stdin not
in_pty "$run </dev/null"
expect_not_contains "$OUT" "How is your"
expect_eq "$(history_lines)" $((before + 3)) "history lines"
expect_eq "$(last_pain)" "- -" "not asked"

# ---- the nudge after done:, once a day, and only for a person -------------
rated_days 3 2 1 # (and the nudge shown today for the 10/10 forgotten)
# a pipe does not get it (and it stays due)
expect_status 0 be --catalog two.yaml run two --plain --ready 0 --speed 20
expect_not_contains "$OUT" "doctor"
[ -e "$XDG_STATE_HOME/backease/nudge-shown" ] && fail "nudge marked shown in a pipe"
in_pty "$run" < <(sleep 0.5; printf '5\n'; sleep 2; printf '5\n'; sleep 0.5)
expect_contains "$OUT" $'pain 5 -> 5 (no change)\nYour check-ins: 4/10 or more on 4 days this week.\n'
expect_contains "$OUT" "  Pain that stays or gets worse is worth showing a doctor"
expect_eq "$(cat "$XDG_STATE_HOME/backease/nudge-shown")" "$(day 0)" "nudge state"
in_pty "$run" < <(sleep 0.5; printf '5\n'; sleep 2; printf '5\n'; sleep 0.5)
expect_not_contains "$OUT" "doctor"
