# test_plain: runs in line mode (--plain, or stdout not a terminal), their
# exit statuses and the history line each run leaves.
. "$(dirname "$0")/lib.sh"

hist=$(history_file)

# A well-formed history line: start (ISO 8601 with offset), preset id,
# planned s, active s, steps done/total, done|quit, pain before and after
# (0-10 or -).  Prints nothing, fails.
check_history_line() { # line id planned how
	local line=$1 f
	IFS=$'\t' read -r -a f <<<"$line"
	[ ${#f[@]} = 8 ] || fail "history line has ${#f[@]} fields: '$line'"
	[[ ${f[0]} =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$ ]] ||
		fail "start time '${f[0]}'"
	expect_eq "${f[1]}" "$2" "history preset"
	expect_eq "${f[2]}" "$3" "history planned seconds"
	[[ ${f[3]} =~ ^[0-9]+$ ]] || fail "active seconds '${f[3]}'"
	[[ ${f[4]} =~ ^([0-9]+)/([0-9]+)$ ]] || fail "steps '${f[4]}'"
	[ "${BASH_REMATCH[1]}" -le "${BASH_REMATCH[2]}" ] || fail "steps '${f[4]}'"
	expect_eq "${f[5]}" "$4" "history outcome"
	[[ ${f[6]} =~ ^(-|[0-9]|10)$ ]] || fail "pain before '${f[6]}'"
	[[ ${f[7]} =~ ^(-|[0-9]|10)$ ]] || fail "pain after '${f[7]}'"
}

field() { # line n: the n-th (1-based) tab-separated field
	printf '%s\n' "$1" | cut -f "$2"
}

# A small catalog: a timed move and a self-paced one (10 reps, ~30 s).
cat >pushes.yaml <<'EOF'
exercises:
  - id: march
    name: March
    kind: warmup
    position: standing
    time: 10
    steps: [March on the spot.]
  - id: wall-push
    name: Wall Push
    kind: strength
    position: standing
    equipment: [wall]
    reps: 10
    steps: [Push away from the wall.]
  - id: long-march
    name: Long March
    kind: warmup
    position: standing
    time: 600
    steps: [Keep marching.]
presets:
  - id: pushes
    name: Pushes
    items:
      - exercise: march
      - exercise: wall-push
  - id: long
    name: Long
    items:
      - exercise: long-march
EOF

# Waits for background process pid, at most secs seconds (then kills it,
# status 137); returns its exit status.
wait_for() { # pid secs
	local n=0
	while kill -0 "$1" 2>/dev/null; do
		if ((n++ > $2 * 20)); then
			kill -9 "$1"
			break
		fi
		sleep 0.05
	done
	wait "$1"
}

# ---- a whole run ---------------------------------------------------------
expect_status 0 be run warmup-6 --plain --speed 100
# the first run of all shows the safety note before anything else
expect_contains "$(printf '%s\n' "$OUT" | head -n 1)" "not medical advice"
expect_contains "$OUT" "sharp pain"
expect_eq "$(printf '%s\n' "$OUT" | grep '^backease:')" \
	"backease: 6-minute warm-up, 5 moves, 6:00" "header line"
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: 6-minute warm-up 6:00" \
	"last line"
# one line per step, each at the offset plan shows for it
step_times() { grep -E '^ *[0-9]+:[0-9]{2}  ' | awk '{print $1}'; }
plan_times=$(be plan warmup-6 | grep -E '^ *[0-9]+:[0-9]{2} ' | awk '{print $1}')
run_times=$(printf '%s\n' "$OUT" | step_times)
expect_eq "$(echo $run_times)" "$(echo $plan_times)" "step start times"
expect_eq "$(echo $run_times | wc -w)" 10 "step lines"
expect_contains "$OUT" " 0:05  March in Place with Arm Pumps  1:35"
expect_contains "$OUT" "get ready: Heel Digs (0:05): "
expect_eq "$(history_lines)" 1 "history lines"
line=$(cat "$hist")
check_history_line "$line" warmup-6 360 done
expect_eq "$(field "$line" 4)" 360 "active seconds"
expect_eq "$(field "$line" 5)" 10/10 "steps"
first=$line

# ---- stdout to a pipe is plain mode too ------------------------------------
timeout 20 "$BACKEASE" --catalog pushes.yaml run pushes --speed 50 --ready 0 \
	</dev/null 2>"$TEST_TMP/err" | cat >"$TEST_TMP/out"
STATUS=${PIPESTATUS[0]} OUT=$(cat "$TEST_TMP/out") ERR=$(cat "$TEST_TMP/err")
expect_eq "$STATUS" 0 "exit status through a pipe"
expect_contains "$OUT" " 0:00  March  0:10"
expect_not_contains "$OUT" "medical advice" # shown once only
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: Pushes 0:40" "piped last line"
[[ $OUT == *$'\e'* ]] && fail "escape sequences in piped output"
expect_eq "$(history_lines)" 2 "history lines after piped runs"
expect_eq "$(head -n 1 "$hist")" "$first" "first history line kept"

# ---- self-paced steps with no one to press Enter ----------------------------
# stdin /dev/null, closed, or a finished pipe: the set runs at its nominal
# 3 s a rep (shown with ~), and nothing spins while it does.  Run the three
# at once; each takes 1 s.
# The children's CPU time so far (user and system), in 1/100 s.
child_cpu() {
	times | tail -n 1 | awk '{
		t = 0
		for (i = 1; i <= 2; i++) { split($i, a, "m"); t += a[1] * 60 + a[2] }
		printf "%d", t * 100 }'
}
runs=(null closed pipe)
cpu_before=$(child_cpu)
timeout 10 "$BACKEASE" --catalog pushes.yaml run pushes --plain --speed 40 \
	--ready 0 </dev/null >null.out 2>null.err &
pids=($!)
timeout 10 "$BACKEASE" --catalog pushes.yaml run pushes --plain --speed 40 \
	--ready 0 <&- >closed.out 2>closed.err &
pids+=($!)
true | timeout 10 "$BACKEASE" --catalog pushes.yaml run pushes --plain \
	--speed 40 --ready 0 >pipe.out 2>pipe.err &
pids+=($!)
start=$SECONDS
for i in 0 1 2; do
	wait "${pids[i]}" || fail "${runs[i]}: exit status $?: $(cat "${runs[i]}.err")"
done
[ $((SECONDS - start)) -le 6 ] || fail "nominal runs took $((SECONDS - start)) s"
cpu=$(($(child_cpu) - cpu_before))
for r in "${runs[@]}"; do
	OUT=$(cat "$r.out") ERR=$(cat "$r.err")
	expect_contains "$OUT" "Wall Push, 10 reps at your own pace  ~0:30"
	expect_not_contains "$OUT" "press Enter"
	expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: Pushes 0:40" "$r: last line"
done
# the three runs together take a few ms of CPU (more under sanitizers);
# one loop spinning on a closed input for 1 s would take 1 s
[ "$cpu" -lt 60 ] || fail "the runs used ${cpu}0 ms of CPU: something spins"
expect_eq "$(history_lines)" 5 "history lines after nominal runs"
check_history_line "$(tail -n 1 "$hist")" pushes 40 done

# ---- standard input a terminal (util-linux script gives it a pty) ------------
if command -v script >/dev/null 2>&1; then
	run_in_pty() { # command line; its input comes from stdin
		timeout 10 script -qec "$1" /dev/null >pty.out 2>&1
	}
	# (the check-in has its own test: test_checkin_plain)
	cmd="'$BACKEASE' --catalog pushes.yaml run pushes --plain --speed 20 --ready 0 --no-checkin"
	# Enter ends the self-paced set (10 s of march take 0.5 s here)
	before=$(history_lines)
	(sleep 0.8; printf '\n') | run_in_pty "$cmd" || fail "status $? in a pty"
	OUT=$(tr -d '\r' <pty.out) ERR=
	expect_contains "$OUT" "Wall Push, 10 reps at your own pace: press Enter when done"
	printf '%s\n' "$OUT" | tail -n 1 | grep -q '^done: Pushes 0:1[0-9]$' ||
		fail "Enter did not end the set"
	expect_eq "$(history_lines)" $((before + 1)) "history after the pty run"
	line=$(tail -n 1 "$hist")
	check_history_line "$line" pushes 40 done
	expect_eq "$(field "$line" 5)" 2/2 "steps done"
	# typed keys: n skips, p goes back, q quits (exit 0, recorded as quit)
	before=$(history_lines)
	(sleep 0.3; printf 'n\n'; sleep 0.3; printf 'p\n'; sleep 0.3
	 printf 'what\n'; sleep 0.2; printf 'q\n'; sleep 1) |
		run_in_pty "${cmd/--speed 20/--speed 5}; echo status=\$?" ||
		fail "status $? in a pty"
	OUT=$(tr -d '\r' <pty.out) ERR=
	expect_contains "$OUT" $'n\n 0:10  Wall Push, 10 reps at your own pace: press Enter when done\np\n 0:00  March  0:10\n'
	expect_contains "$OUT" "keys: "
	printf '%s\n' "$OUT" | grep -q '^quit: Pushes 0:0[0-9]$' || fail "q did not quit"
	expect_contains "$OUT" "status=0"
	expect_eq "$(history_lines)" $((before + 1)) "history after q"
	check_history_line "$(tail -n 1 "$hist")" pushes 40 quit
	# the terminal's input ends: the set goes on at its nominal length,
	# without spinning on the ended input
	cpu_before=$(child_cpu)
	run_in_pty "${cmd/--speed 20/--speed 40}" </dev/null ||
		fail "status $? in a pty at EOF"
	cpu=$(($(child_cpu) - cpu_before))
	OUT=$(tr -d '\r' <pty.out)
	expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: Pushes 0:40" \
		"pty at EOF: last line"
	[ "$cpu" -lt 40 ] || fail "the run used ${cpu}0 ms of CPU: something spins"
fi

# ---- signals end the run as quit --------------------------------------------
# Starts the long preset at real speed, waits for its first step line,
# then sends the signal.
quit_with() { # signal status
	local pid n=0 before
	before=$(history_lines)
	"$BACKEASE" --catalog pushes.yaml run long --plain </dev/null \
		>sig.out 2>sig.err &
	pid=$!
	until grep -q 'get ready' sig.out 2>/dev/null; do
		((n++ < 100)) || fail "no output from the run"
		sleep 0.05
	done
	sleep 1
	kill -s "$1" "$pid"
	wait_for "$pid" 5
	STATUS=$?
	OUT=$(cat sig.out) ERR=$(cat sig.err)
	[ $STATUS = 137 ] && fail "SIG$1 did not end the run"
	expect_eq "$STATUS" "$2" "exit status after SIG$1"
	expect_eq "$(printf '%s\n' "$OUT" | tail -n 1 | sed 's/[0-9]:[0-9][0-9]$/T/')" \
		"quit: Long T" "SIG$1: last line"
	expect_eq "$(history_lines)" $((before + 1)) "history after SIG$1"
	line=$(tail -n 1 "$hist")
	check_history_line "$line" long 605 quit
	# about a second of it was done; none of the 600 s step
	[ "$(field "$line" 4)" -le 3 ] || fail "active seconds in '$line'"
	expect_eq "$(field "$line" 5)" 0/2 "steps done after SIG$1"
}
quit_with TERM 143
quit_with INT 130
quit_with HUP 129

# ---- Ctrl-Z: paused while stopped, the time away not counted ---------------
before=$(history_lines)
start=$SECONDS
"$BACKEASE" --catalog pushes.yaml run pushes --plain --speed 20 \
	--ready 0 </dev/null >tstp.out 2>tstp.err &
pid=$!
sleep 0.3
kill -TSTP "$pid"
sleep 1.5 # 30 s of run time
kill -CONT "$pid"
wait_for "$pid" 10 || fail "exit status $? after SIGTSTP: $(cat tstp.err)"
OUT=$(cat tstp.out) ERR=$(cat tstp.err)
expect_contains "$OUT" $'paused\nresumed'
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: Pushes 0:40" "after SIGTSTP"
[ $((SECONDS - start)) -ge 3 ] || fail "the stop did not pause the run"
expect_eq "$(history_lines)" $((before + 1)) "history after SIGTSTP"
check_history_line "$(tail -n 1 "$hist")" pushes 40 done
expect_eq "$(field "$(tail -n 1 "$hist")" 4)" 40 "active seconds after SIGTSTP"

# ---- what is not a run records nothing ---------------------------------------
before=$(history_lines)
expect_status 2 be run warmup6 --plain
expect_contains "$ERR" "did you mean 'warmup-6'"
expect_status 2 be run --plain
expect_status 1 be --catalog nonexistent.yaml run warmup-6 --plain
expect_eq "$(history_lines)" "$before" "history after failed starts"

# ---- --ready and --speed ----------------------------------------------------
expect_status 0 be --catalog pushes.yaml run pushes --plain --speed 100 --ready 0
expect_not_contains "$OUT" "get ready"
expect_contains "$OUT" "backease: Pushes, 2 moves, ~0:40"
expect_status 0 be --catalog pushes.yaml run pushes --plain --speed 100 --ready 3
expect_contains "$OUT" " 0:00  get ready: March (0:03): March on the spot."
expect_contains "$OUT" " 0:13  get ready: Wall Push (0:03)"
expect_contains "$OUT" " 0:16  Wall Push, 10 reps at your own pace  ~0:30"
before=$(history_lines)
for bad in -1 abc 5x 601 "" 1.5; do
	expect_status 2 be run warmup-6 --plain --ready "$bad"
	expect_contains "$ERR" "--ready"
done
for bad in 0 -2 abc 1e9 nan 2x ""; do
	expect_status 2 be run warmup-6 --plain --speed "$bad"
	expect_contains "$ERR" "--speed"
done
expect_status 2 be run warmup-6 --plain --breath 4
expect_eq "$(history_lines)" "$before" "history after usage errors"
expect_status 0 be --catalog pushes.yaml run pushes --plain --speed 1000 --ready 0
expect_eq "$(history_lines)" $((before + 1)) "history after a fast run"

# ---- history that cannot be written -------------------------------------------
# The run still completes and says so, then exits 1 (a runtime failure);
# the lines already there are kept.
# (As root a read-only directory would not stop the write, so the state
# directory is put below a regular file, where it cannot be created.)
cp "$hist" saved.tsv
: >blocker
XDG_STATE_HOME=$PWD/blocker/state expect_status 1 \
	be --catalog pushes.yaml run pushes --plain --speed 100 --ready 0
expect_eq "$(printf '%s\n' "$OUT" | tail -n 1)" "done: Pushes 0:40" "last line"
expect_contains "$ERR" "history not written"
expect_eq "$(printf '%s\n' "$ERR" | grep -c 'history not written')" 1 \
	"warnings"
cmp -s saved.tsv "$hist" || fail "history changed"
[ -s blocker ] && fail "wrote into the blocking file"
if [ "$(id -u)" != 0 ]; then
	chmod 444 "$hist"
	chmod 555 "$(dirname "$hist")"
	expect_status 1 be --catalog pushes.yaml run pushes --plain --speed 100 \
		--ready 0
	chmod 755 "$(dirname "$hist")"
	chmod 644 "$hist"
	expect_contains "$ERR" "history not written"
	cmp -s saved.tsv "$hist" || fail "read-only history changed"
fi
# a history path that is a directory
XDG_STATE_HOME=$PWD/dirstate
mkdir -p "$XDG_STATE_HOME/backease/history.tsv"
expect_status 1 be --catalog pushes.yaml run pushes --plain --speed 100 --ready 0
expect_contains "$ERR" "history not written"
# a reader that goes away (| head) ends the run, recorded as quit, 141
XDG_STATE_HOME=$PWD/pipestate
"$BACKEASE" run warmup-6 --plain --speed 20 </dev/null | head -n 1 >/dev/null
expect_eq "${PIPESTATUS[0]}" 141 "exit status with a closed pipe"
expect_eq "$(history_lines)" 1 "history lines after a closed pipe"
expect_contains "$(cat "$(history_file)")" $'\tquit'
exit 0
