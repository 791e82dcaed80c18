# test_speech: --speak hands the step to spd-say or espeak-ng as text
# after "--", so that a name such as "-f/etc/hostname" is said, never read
# as an option (espeak-ng -f reads a file aloud).  Fake speakers on PATH
# record the arguments they were given.
. "$(dirname "$0")/lib.sh"

no_safety_note
cat >opt.yaml <<'EOF'
exercises:
  - id: sneaky
    name: "-f/etc/hostname"
    kind: stretch
    position: seated
    time: 2
    steps: [Sit.]
  - id: sneakier
    name: "--stdout"
    kind: stretch
    position: seated
    time: 2
    steps: [Sit.]
presets:
  - id: p
    name: P
    items:
      - exercise: sneaky
      - exercise: sneakier
EOF

# A speaker that writes one line per argument, each in [].
fake() { # dir name
	mkdir -p "$1"
	cat >"$1/$2" <<EOF
#!/bin/sh
for a in "\$@"; do printf '[%s]\\n' "\$a"; done >>"$TEST_TMP/$2.log"
echo end >>"$TEST_TMP/$2.log"
EOF
	chmod +x "$1/$2"
}

for speaker in spd-say espeak-ng; do
	fake "fake-$speaker" "$speaker"
	log=$TEST_TMP/$speaker.log
	# only the fake on PATH: the real one may be installed too
	expect_status 0 env PATH="$PWD/fake-$speaker" \
		"$BACKEASE" --catalog opt.yaml --speak run p --plain --speed 4 \
		--ready 0 </dev/null
	expect_not_contains "$OUT" "neither spd-say nor espeak-ng"
	for _ in $(seq 40); do
		[ "$(grep -c end "$log" 2>/dev/null)" -ge 2 ] && break
		sleep 0.05
	done
	said=$(cat "$log")
	OUT=$said ERR=
	# every call: "--", then the text, and nothing else
	expect_contains "$said" $'[--]\n[-f/etc/hostname]\nend'
	expect_contains "$said" $'[--]\n[--stdout]\nend'
	calls=$(grep -c end "$log")
	expect_eq "$(grep -c '^\[--\]$' "$log")" "$calls" "$speaker: calls with --"
	expect_eq "$(wc -l <"$log")" $((calls * 3)) "$speaker: arguments per call"
done
exit 0
