# test_tmux_hardening: the curses side of the hardening: catalog text in
# ASCII outside UTF-8, a lost history line exits 1, a run told to end in
# the background ends without touching the terminal, the menu names a
# catalog.d file it left out; and check names a refused character.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
export LANG=C.UTF-8

mkdir -p "$XDG_STATE_HOME/backease"
: >"$XDG_STATE_HOME/backease/safety-note-shown"

# ---- check names the character ----------------------------------------------
printf 'exercises:\n  - id: t\n    name: "T\xe2\x80\xaeX"\n    kind: stretch\n    position: seated\n    time: 20\n    steps: [a]\n' >bidi.yaml
expect_status 1 be check bidi.yaml
expect_contains "$ERR" "bidi.yaml:3:"
expect_contains "$ERR" "contains U+202E, a bidirectional control; such characters are not allowed"

cat >typo.yaml <<'YAML'
exercises:
  - id: reach
    name: "Reach ‛n’ Roll — café"
    kind: stretch
    position: seated
    time: 600
    steps: ["Sit tall… then “reach” – slowly."]
presets:
  - id: reach-roll
    name: "Reach ’n’ Roll"
    summary: "A gentle – slow – reach…"
    items:
      - exercise: reach
YAML

# ---- ASCII outside UTF-8, menu and run screen --------------------------------
tm_start 100 30 "LC_ALL=C $BACKEASE --no-checkin --catalog $PWD/typo.yaml"
tm_wait "enter start"
OUT=$(tm_screen)
expect_contains "$OUT" "Reach 'n' Roll"
expect_contains "$OUT" "A gentle - slow - reach..."
if printf '%s' "$OUT" | LC_ALL=C grep -q '[^ -~]'; then fail "menu: not ASCII"; fi
tm_keys Enter
tm_wait "GET READY"
OUT=$(tm_screen)
expect_contains "$OUT" "Sit tall... then \"reach\" - slowly."
if printf '%s' "$OUT" | LC_ALL=C grep -q '[^ -~]'; then fail "run screen: not ASCII"; fi
tm_keys q y
tm_wait "Routine stopped"
tm_keys q
tm_expect_exit 0

# ---- a lost history line: exit 1 ---------------------------------------------
: >blocker
mkdir -p "$PWD/blocked"
tm_keys "clear; XDG_STATE_HOME=$PWD/blocker/state $BACKEASE --no-checkin run desk-break" Enter
tm_wait "GET READY"
tm_keys x # the safety note: its marker cannot be written either
tm_keys q y
tm_expect_exit 1

# ---- Ctrl-Z, bg, kill %1: ends, recorded, terminal as the shell left it -------
before=$(history_lines)
tm_keys "clear; $BACKEASE --no-checkin run desk-break" Enter
tm_wait "GET READY"
tm_keys C-z
tm_wait "Stopped"
tm_keys "clear; bg; sleep 0.5; jobs" Enter
tm_wait "Stopped"
tm_keys "clear; kill %1; sleep 1; jobs" Enter
tm_wait "Exit 143"
tm_keys "clear; (exit 143)" Enter
tm_expect_exit 143
for _ in $(seq 50); do
	[ "$(history_lines)" = $((before + 1)) ] && break
	sleep 0.1
done
[ "$(history_lines)" = $((before + 1)) ] || fail "kill %1 in the background did not record the run"

# ---- the menu names the catalog.d file it left out ------------------------------
dir=$XDG_CONFIG_HOME/backease/catalog.d
mkdir -p "$dir"
printf 'presets: [\n' >"$dir/20-syntax.yaml"
tm_keys "clear; $BACKEASE" Enter
tm_wait "enter start"
tm_wait "20-syntax.yaml:2:1"
tm_keys q
tm_expect_exit 0
exit 0
