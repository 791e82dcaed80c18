# test_stats: `backease stats` on an empty and a written history, its
# --json (read back with python3's json module) and --csv, bad --days, and
# a history with unreadable lines.  Dates are made relative to today (TZ is
# UTC in the e2e runs), so a run that straddles midnight may fail once.
. "$(dirname "$0")/lib.sh"

hist=$(history_file)
day() { date -u -d "today -$1 days" +%F; } # day N: N days ago, YYYY-MM-DD
today=$(day 0)

# json EXPR: prints a Python expression of the JSON in $OUT (as j)
json() {
	python3 -c 'import json, sys; j = json.load(sys.stdin); print(eval(sys.argv[1]))' \
		"$1" <<<"$OUT" || fail "stats --json is not JSON"
}

# ---- an empty or missing history -------------------------------------------
expect_status 0 be stats
expect_contains "$OUT" "No runs yet"
expect_contains "$OUT" "backease run warmup-6"
expect_eq "$ERR" "" "stderr with no history"
expect_status 0 be stats --json
expect_eq "$(json 'j["streak"], j["best_streak"], j["runs_done"], j["runs_quit"]')" \
	"(0, 0, 0, 0)" "empty figures"
expect_eq "$(json 'len(j["days"]), j["days"][-1]["date"], j["days"][0]["date"]')" \
	"(14, '$today', '$(day 13)')" "empty days"
expect_eq "$(json 'j["pain"]["before"], j["pain"]["after"], j["pain"]["change"]')" \
	"(None, None, None)" "pain without check-ins"
expect_eq "$(json 'j["presets"], j["nudge"], j["skipped_lines"]')" \
	"([], False, 0)" "empty presets, nudge"
expect_status 0 be stats --csv
expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" \
	"date,done,quit,active_seconds,pain_before,pain_after" "csv header"
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" 15 "csv rows"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "$today,0,0,0,," "csv today"
mkdir -p "$(dirname "$hist")"
: >"$hist"
expect_status 0 be stats
expect_contains "$OUT" "No runs yet"

# ---- a written history -----------------------------------------------------
{
	printf '%sT08:00:00+00:00\twarmup-6\t360\t300\t12/12\tdone\t6\t3\n' "$(day 0)"
	printf '%sT08:00:00+00:00\tdesk-break\t188\t200\t17/17\tdone\t5\t4\n' "$(day 1)"
	# 04:30 UTC today, but written yesterday in New York: yesterday's
	printf '%sT23:30:00-05:00\tdesk-break\t188\t40\t3/17\tdone\t-\t-\n' "$(day 1)"
	printf '%sT08:00:00+00:00\twarmup-6\t360\t100\t3/12\tquit\t-\t-\n' "$(day 2)"
	# a line from before the check-in: six fields
	printf '%sT08:00:00+00:00\tdesk-break\t188\t120\t17/17\tdone\n' "$(day 3)"
	printf '%sT08:00:00+00:00\twarmup-6\t360\t600\t12/12\tdone\t-\t-\n' "$(day 20)"
} >"$hist"
expect_status 0 be stats
expect_eq "$ERR" "" "stats stderr"
expect_contains "$OUT" "streak       2 days, today included"
expect_not_contains "$OUT" "(best"
expect_contains "$OUT" "active minutes, last 14 days"
expect_contains "$OUT" "x: only quit runs that day"
expect_contains "$OUT" "█"
printf '%s\n' "$OUT" | grep -Eq '^presets +desk-break +3 runs +6 min$' ||
	fail "desk-break is not the first preset"
printf '%s\n' "$OUT" | grep -Eq '^ +warmup-6 +2 runs +7 min$' ||
	fail "no warmup-6 row"
expect_contains "$OUT" "before 5.5, after 3.5 on average"
expect_contains "$OUT" "change -2 per run (2 runs with both): clearly better"
expect_not_contains "$OUT" "doctor"
# the weekday initials under the chart end with today's
initials=$(printf '%s\n' "$OUT" | grep -E '^ +([SMTWF] )+[SMTWF]$') ||
	fail "no row of weekday initials"
expect_eq "${initials: -1}" "$(date -u +%a | cut -c1)" "today's initial"

expect_status 0 be stats --json
expect_eq "$(json 'j["streak"], j["best_streak"], j["today_done"]')" \
	"(2, 2, True)" "streaks"
expect_eq "$(json 'j["runs_done"], j["runs_quit"], j["active_seconds"]')" \
	"(4, 1, 760)" "window runs"
expect_eq "$(json '[(p["id"], p["runs"], p["minutes"]) for p in j["presets"]]')" \
	"[('desk-break', 3, 6), ('warmup-6', 2, 7)]" "presets"
expect_eq "$(json 'j["pain"]["before"], j["pain"]["after"], j["pain"]["change"]')" \
	"(5.5, 3.5, -2)" "pain"
expect_eq "$(json 'j["days"][-1]')" \
	"{'date': '$today', 'done': 1, 'quit': 0, 'active_seconds': 300, 'pain_before': 6, 'pain_after': 3}" \
	"today"
expect_eq "$(json 'j["days"][-2]["date"], j["days"][-2]["done"], j["days"][-2]["active_seconds"]')" \
	"('$(day 1)', 2, 240)" "yesterday, New York's line included"
expect_eq "$(json 'j["days"][-3]["done"], j["days"][-3]["quit"], j["days"][-3]["pain_before"]')" \
	"(0, 1, None)" "the quit-only day"
expect_eq "$(json 'j["nudge"], j["skipped_lines"]')" "(False, 0)" "no nudge"
# every key SPEC section 9 names
expect_eq "$(json 'sorted(k for k in ["streak", "best_streak", "week_minutes", "last_week_minutes", "runs_done", "runs_quit", "skipped_lines", "nudge", "pain", "presets", "days"] if k not in j)')" \
	"[]" "missing keys"
# this week and last week are the window's days from Monday on
expect_eq "$(json 'j["week_minutes"] + j["last_week_minutes"] >= 12')" True \
	"week minutes"

expect_status 0 be stats --days 30 --json
expect_eq "$(json 'len(j["days"]), j["runs_done"], j["window_days"]')" \
	"(30, 5, 30)" "30 days"
expect_status 0 be stats --days=7 --csv
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" 8 "csv rows for 7 days"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "$today,1,0,300,6,3" "csv today"
expect_eq "$(printf '%s\n' "$OUT" | sed -n 7p)" "$(day 1),2,0,240,5,4" \
	"csv yesterday"

# not a UTF-8 locale: # for the bars, and nothing but ASCII
LC_ALL=C expect_status 0 be stats
expect_contains "$OUT" "#"
printf '%s' "$OUT" | LC_ALL=C grep -q '[^ -~]' && fail "non-ASCII output in C locale"

# ---- bad options -------------------------------------------------------------
for bad in 6 91 0 seven 14x -14 ""; do
	expect_status 2 be stats --days "$bad"
	expect_contains "$ERR" "--days takes a number of days from 7 to 90"
done
expect_status 2 be stats --days
expect_contains "$ERR" "needs a value"
expect_status 2 be stats --json --csv
expect_contains "$ERR" "choose one of --json and --csv"
expect_status 2 be stats extra
expect_contains "$ERR" "'stats' takes no arguments"
expect_status 2 be list --days 7
expect_contains "$ERR" "'--days' goes with 'stats'"
expect_status 0 be --help
expect_contains "$OUT" "stats "

# ---- unreadable lines ----------------------------------------------------------
{
	printf '%sT08:00:00+00:00\twarmup-6\t360\t300\t12/12\tdone\t-\t-\n' "$(day 0)"
	printf '\033[31mred\033[0m\tnot\ta line\n'
	printf '%sT08:00:00+00:00\twarmup-6\t360\t300\t12/12\tdone\t11\t3\n' "$(day 1)"
	printf '%sT08:00:00+00:00\twarmup-6\t360\t300\t12/12\tdone\t-\t-\n' "$(day 1)"
	printf '%sT08:00:00+00:00\twarm' "$(day 2)"
} >"$hist"
expect_status 0 be stats
expect_contains "$ERR" "history.tsv: skipped 3 lines that could not be read (lines 2, 3, 5)"
expect_contains "$OUT" "streak       2 days"
case $OUT$ERR in
*$'\033'*) fail "an escape from the history reached the terminal" ;;
esac
expect_status 0 be stats --json
expect_eq "$(json 'j["skipped_lines"], j["runs_done"]')" "(3, 2)" "skipped in json"
expect_contains "$ERR" "(lines 2, 3, 5)"

# more than ten: the first ten, then how many more
{
	for i in $(seq 1 14); do printf 'bad %d\n' "$i"; done
	printf '%sT08:00:00+00:00\twarmup-6\t360\t300\t12/12\tdone\t-\t-\n' "$(day 0)"
} >"$hist"
expect_status 0 be stats --csv
expect_contains "$ERR" "skipped 14 lines that could not be read (lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 4 more)"

# ---- the nudge -----------------------------------------------------------------
{
	for k in 2 1 0; do
		printf '%sT08:00:00+00:00\twarmup-6\t360\t300\t12/12\tdone\t5\t4\n' "$(day "$k")"
	done
} >"$hist"
expect_status 0 be stats
expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" \
	"Your check-ins: 4/10 or more on 3 days this week." "nudge first"
expect_contains "$OUT" "doctor"
expect_status 0 be stats --json
expect_eq "$(json 'j["nudge"], j["nudge_text"]')" \
	"(True, '4/10 or more on 3 days this week')" "nudge in json"
printf '%sT08:00:00+00:00\twarmup-6\t360\t300\t12/12\tdone\t3\t-\n' "$(day 6)" >"$hist"
expect_status 0 be stats --json
expect_eq "$(json 'j["nudge"]')" False "a 3 a week ago"
printf '%sT08:00:00+00:00\twarmup-6\t360\t300\t12/12\tdone\t3\t9\n' "$(day 6)" >"$hist"
expect_status 0 be stats
expect_contains "$(printf '%s\n' "$OUT" | head -n 1)" "Your check-ins: 9/10 on "
