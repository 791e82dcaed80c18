# checkin.sh: what the check-in tests share.  Source after lib.sh.
#
#   two.yaml            (in the test's directory) two timed moves of 10 s
#   last_pain           the answers of the last history line, "6 3"
#   day N               the date N days ago, YYYY-MM-DD (TZ is UTC)
#   rated_days N...     a history of one run rated 5 before and after on
#                       each of the days N days ago, and no nudge shown yet
cp "$E2E_DIR/data/two.yaml" two.yaml
last_pain() { tail -n 1 "$(history_file)" | cut -f 7,8 | tr '\t' ' '; }
day() { date -u -d "today -$1 days" +%F; }
rated_days() {
	local ago
	mkdir -p "$XDG_STATE_HOME/backease"
	for ago in "$@"; do
		printf '%sT08:00:00+00:00\ttwo\t20\t20\t2/2\tdone\t5\t5\n' "$(day "$ago")"
	done >"$(history_file)"
	rm -f "$XDG_STATE_HOME/backease/nudge-shown"
}
