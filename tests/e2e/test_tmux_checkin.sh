# The pain check-in (SPEC section 8) in a real terminal: asked after the
# first-run note with the clock stopped, each way to answer or skip, both
# answers in the history line, the summary's "pain 6 -> 3", the nudge
# once a day, --no-checkin and checkin: false; and the menu's streak and
# its stats screen (SPEC section 9) at 80x24 and 40x12.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/checkin.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8

hist=$(history_file)
run="$BACKEASE --catalog two.yaml run two --ready 0 --speed 10"

# A run from the shell: KEYS answer "How is ...", AFTER "And now?"; then
# the summary (left in $SUMMARY), which q leaves.
checkin_run() { # opts keys-before keys-after
	tm_keys "clear; $run $1" Enter
	tm_wait "How is your upper back right now?"
	# shellcheck disable=SC2086
	tm_keys $2
	tm_wait "And now?"
	# shellcheck disable=SC2086
	tm_keys $3
	tm_wait "enter menu   q quit"
	SUMMARY=$(tm_screen)
	tm_keys q
	tm_expect_exit 0
}

# ---- first run: the safety note, then the question; the clock waits ------
tm_start 80 24 "$run"
tm_wait "not medical advice"
expect_not_contains "$(tm_screen)" "How is your upper back"
tm_keys x
tm_wait "How is your upper back right now?"
OUT=$(tm_screen)
expect_contains "$OUT" "0 no pain, 10 worst imaginable"
expect_contains "$OUT" " 0  1  2  3  4  5  6  7  8  9  10"
expect_contains "$OUT" "enter skip"
expect_eq "$(tm_header_time)" "0:00 / 0:20" "clock under the question"
sleep 1.2
expect_eq "$(tm_header_time)" "0:00 / 0:20" "clock under the question"
# a digit picks (marked), another mends it, Enter confirms
tm_keys 4
tm_wait "[4]"
expect_contains "$(tm_screen)" "enter ok"
tm_keys 6
tm_wait "[6]"
expect_not_contains "$(tm_screen)" "[4]"
tm_keys Enter
tm_wait_gone "How is your upper back"
# the run goes on, then asks again, reminding of the first answer
tm_wait "And now?" 15
expect_contains "$(tm_screen)" "(before: 6)"
tm_keys 3 Enter
tm_wait "pain 6 -> 3 (clearly better)"
OUT=$(tm_screen)
expect_contains "$OUT" "Well done."
expect_not_contains "$OUT" "doctor"
tm_keys q
tm_wait "done: Two moves 0:20"
expect_contains "$(tm_screen)" "pain 6 -> 3 (clearly better)" # scrollback
tm_expect_exit 0
expect_eq "$(history_lines)" 1 "history lines"
expect_eq "$(last_pain)" "6 3" "answers in the history"
expect_contains "$(tail -n 1 "$hist")" $'\ttwo\t20\t20\t2/2\tdone\t'

# ---- skipping: Enter alone, Esc (also with a pick) --------------------------
checkin_run "" Enter Escape
expect_not_contains "$SUMMARY" "pain "
expect_eq "$(last_pain)" "- -" "skipped with Enter and Esc"
checkin_run "" "7 Escape" "5 Enter"
expect_eq "$(last_pain)" "- 5" "Esc drops a pick"

# ---- ten: t, or 1 then 0; Backspace drops a pick ----------------------------
checkin_run "" "t Enter" "1 0 Enter"
expect_eq "$(last_pain)" "10 10" "t, and 1 0"
# a rating of 8 or more: the nudge, once today
expect_contains "$SUMMARY" "Your check-ins: 10/10 today."
expect_contains "$SUMMARY" "worth showing a doctor"
checkin_run "" "1 Enter" "9 BSpace 2 Enter"
expect_eq "$(last_pain)" "1 2" "1 alone, and Backspace"
expect_contains "$SUMMARY" "pain 1 -> 2 (a little worse)"
expect_not_contains "$SUMMARY" "doctor"

# ---- quit after a step: "And now?" before leaving; none before a step ------
tm_keys "clear; $BACKEASE --catalog two.yaml run two --ready 0 --speed 2" Enter
tm_wait "How is your upper back right now?"
tm_keys 5 Enter
tm_wait "SWAY" 15
tm_keys q
tm_wait "Quit this routine?"
tm_keys y
tm_wait "And now?"
tm_keys 4 Enter
tm_wait "quit: Two moves"
tm_expect_exit 0
expect_contains "$(tail -n 1 "$hist")" $'\t1/2\tquit\t5\t4'
tm_keys "clear; $run" Enter
tm_wait "How is your upper back right now?"
tm_keys 5 Enter q
tm_wait "Quit this routine?"
tm_keys y
tm_wait "quit: Two moves"
expect_not_contains "$(tm_screen)" "And now?"
tm_expect_exit 0
expect_contains "$(tail -n 1 "$hist")" $'\t0/2\tquit\t5\t-'

# ---- --no-checkin and checkin: false ask nothing ---------------------------
before=$(history_lines)
tm_keys "clear; $run --no-checkin" Enter
tm_wait "enter menu   q quit" 15
expect_not_contains "$(tm_screen)" "And now?"
tm_keys q
tm_expect_exit 0
expect_eq "$(last_pain)" "- -" "--no-checkin"
mkdir -p "$XDG_CONFIG_HOME/backease"
echo 'checkin: false' >"$XDG_CONFIG_HOME/backease/config.yaml"
tm_keys "clear; $run" Enter
tm_wait "enter menu   q quit" 15
expect_not_contains "$(tm_screen)" "And now?"
tm_keys q
tm_expect_exit 0
expect_eq "$(last_pain)" "- -" "checkin: false"
expect_eq "$(history_lines)" $((before + 2)) "history lines"
rm "$XDG_CONFIG_HOME/backease/config.yaml"

# ---- the nudge: 5/10 before on three days this week ------------------------
rated_days 3 2 1 # (and the nudge shown today for the 10/10 forgotten)
checkin_run "" "5 Enter" "5 Enter"
expect_contains "$SUMMARY" "Your check-ins: 4/10 or more on 4 days this week."
expect_contains "$SUMMARY" "worth showing a doctor"
expect_eq "$(cat "$XDG_STATE_HOME/backease/nudge-shown")" "$(day 0)" "nudge state"
# not again the same day
checkin_run "" "5 Enter" "5 Enter"
expect_contains "$SUMMARY" "pain 5 -> 5 (no change)"
expect_not_contains "$SUMMARY" "doctor"

# ---- the menu: streak in the header, s opens the stats ---------------------
tm_keys "clear; $BACKEASE --catalog two.yaml --ready 0 --speed 10" Enter
tm_wait "PRESET"
OUT=$(tm_screen)
printf '%s\n' "$OUT" | head -n 1 |
	grep -Eq '^ backease · streak 4 days · [0-9]+ min this week +\? help  q quit$' ||
	fail "no streak in the header"
expect_contains "$OUT" "s stats"
tm_keys s
tm_wait "active minutes, last 14 days"
OUT=$(tm_screen)
expect_contains "$OUT" "backease · stats"
expect_contains "$OUT" "Your check-ins: 4/10 or more on 4 days this week."
expect_contains "$OUT" "streak       4 days, today included"
expect_contains "$OUT" "this week"
expect_contains "$OUT" "presets      two"
expect_contains "$OUT" "pain         before 5, after"
printf '%s\n' "$OUT" | grep -q '┤.*[▁▂▃▄▅▆▇█]' || fail "no bars in the chart"
expect_not_contains "$OUT" "j k scroll"
[ "$(printf '%s\n' "$OUT" | wc -l)" -le 24 ] || fail "more than 24 rows"
tm_keys q
tm_wait "PRESET"
# a run from the menu counts in the header when it comes back
tm_keys Enter
tm_wait "How is your upper back right now?"
tm_keys Enter
tm_wait "And now?"
tm_keys Escape
tm_wait "enter menu   q quit"
tm_keys Enter
tm_wait "PRESET"
tm_keys s
tm_wait "active minutes"
expect_contains "$(tm_screen)" "presets      two                     6 runs"
tm_keys Escape
tm_wait "PRESET"
tm_keys q
tm_expect_exit 0

# 40x12: the streak alone fits the header; the stats screen scrolls
tm_resize 40 12
tm_keys "clear; $BACKEASE --catalog two.yaml --ready 0 --speed 10" Enter
tm_wait "PRESET"
OUT=$(tm_screen)
expect_contains "$(printf '%s\n' "$OUT" | head -n 1)" "backease · streak 4"
expect_contains "$(printf '%s\n' "$OUT" | head -n 1)" "? help  q quit"
tm_keys s
tm_wait "j k scroll"
OUT=$(tm_screen)
expect_contains "$OUT" "Your check-ins: 4/10 or more on 4 days"
expect_contains "$OUT" "doctor"
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do tm_keys j; done
tm_wait "active minutes"
tm_wait "pain      before 5"
OUT=$(tm_screen)
expect_contains "$OUT" "┤"
expect_contains "$OUT" "presets   two"
tm_keys g
tm_wait "Your check-ins"
tm_keys s
tm_wait "PRESET"
tm_keys q
tm_expect_exit 0

# a non-UTF-8 locale: # for the chart
tm_resize 80 24
tm_keys "clear; LANG=C LC_ALL=C $BACKEASE --catalog two.yaml" Enter
tm_wait "PRESET"
tm_keys s
tm_wait "active minutes"
OUT=$(tm_screen)
printf '%s\n' "$OUT" | grep -q '|.*#' || fail "no # bars in the chart"
printf '%s' "$OUT" | LC_ALL=C grep -q '[^ -~]' && fail "non-ASCII in C locale"
tm_keys q q
tm_expect_exit 0
