# tmux.sh: drive the real program in a real terminal.  Source after lib.sh.
#
#   tm_start W H CMD     starts an interactive bash in a W x H pane and
#                        types CMD into it (so job control and stty work)
#   tm_keys KEYS...      tmux send-keys
#   tm_screen            the pane's text now
#   tm_wait TEXT [SECS]  waits until the pane shows TEXT (default 10 s)
#   tm_wait_gone TEXT [SECS]
#   tm_resize W H
#   tm_header_time       the "M:SS / M:SS" of the run screen's first line
#   tm_quit_run          q on the run screen, y to confirm, the summary
command -v tmux >/dev/null 2>&1 || skip "tmux is not installed"

TM_SOCK="$TEST_TMP/tmux.sock"
tm() { tmux -S "$TM_SOCK" "$@"; }
trap 'tm kill-server >/dev/null 2>&1' EXIT

tm_start() {
	local w=$1 h=$2
	shift 2
	tm -f /dev/null new-session -d -s t -x "$w" -y "$h" \
		"env PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile -i" ||
		fail "tmux would not start"
	tm set-option -t t status off >/dev/null
	tm_wait '$' 5
	tm send-keys -t t "clear; $*" Enter
}

tm_keys() { tm send-keys -t t "$@"; }
tm_screen() { tm capture-pane -p -t t; }
# waits until the pane's terminal has the size (tmux resizes the pty a
# moment after the window), so what starts next sees it
tm_resize() {
	local i tty
	tm resize-window -t t -x "$1" -y "$2"
	tty=$(tm display -p -t t '#{pane_tty}')
	for ((i = 0; i < 200; i++)); do
		[ "$(stty -F "$tty" size 2>/dev/null)" = "$2 $1" ] && return 0
		sleep 0.02
	done
	fail "the pane never became $1x$2"
}

tm_wait() {
	local text=$1 secs=${2:-10} i
	for ((i = 0; i < secs * 20; i++)); do
		case $(tm_screen) in *"$text"*) return 0 ;; esac
		sleep 0.05
	done
	OUT=$(tm_screen) ERR=
	fail "the screen never showed '$text'"
}

tm_wait_gone() {
	local text=$1 secs=${2:-10} i
	for ((i = 0; i < secs * 20; i++)); do
		case $(tm_screen) in *"$text"*) ;; *) return 0 ;; esac
		sleep 0.05
	done
	OUT=$(tm_screen) ERR=
	fail "the screen kept showing '$text'"
}

tm_header_time() {
	tm_screen | head -n 1 | grep -o '[0-9]*:[0-9][0-9] / [0-9]*:[0-9][0-9]'
}

tm_quit_run() {
	tm_keys q
	tm_wait "Quit this routine?"
	tm_keys y
	tm_wait "Routine stopped."
}

# After the program exits: the status it printed and a sane terminal.
tm_expect_exit() {
	local want=$1
	# the marker is assembled by printf, so the typed command never
	# matches it before the output does
	tm_keys "printf 'exit-%s %s / %s.\\n' status \$? \"\$(stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' ')\"" Enter
	# 10 s: in one clean-clone CI run 5 s ran out (test_tmux_background)
	tm_wait "exit-status" 10
	OUT=$(tm_screen) ERR=
	expect_contains "$OUT" "exit-status $want / icanon echo ."
	expect_not_contains "$OUT" "Sanitizer"
	expect_not_contains "$OUT" "runtime error"
}
