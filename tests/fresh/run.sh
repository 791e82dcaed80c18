#!/usr/bin/env bash
# tests/fresh/run.sh: the README's quick start on a bare Debian 12.
#
# Builds a minimal Debian (debootstrap --variant=minbase bookworm) with git
# added, clones this repository's HEAD into it, and runs the two lines of
# README.md's quick start there, word for word as the README has them:
#
#   root    in one copy of the bare system: the first line in a terminal
#           (a pty from script) must install, build and start backease, so
#           that the safety note and the menu show and q quits with status
#           0; again without a terminal it must list the presets; the
#           second line must pass every test.
#   a user  without root or sudo, in a second copy: the first line must
#           print one command and stop with status 1 or 2; that command,
#           typed as root, must install what both lines need; then both
#           lines must pass as the user.
#
# Run it by hand as root (it needs chroot, mount and the network to the
# Debian mirror); .ci/run runs it when BACKEASE_FRESH=1.  The bare system
# is built once and kept in $BACKEASE_FRESH_DIR (/var/tmp/backease-fresh)
# for a month; remove that directory to build it again sooner.  Each run
# works on fresh copies of it and removes them when it passes
# (BACKEASE_FRESH_KEEP=1 keeps them).
# Mounts are made in a mount namespace of their own, so they go away with
# the script however it ends; the processes left in the chroots go with
# its PID namespace.  Ends with the wall time of each phase.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${BACKEASE_FRESH_DIR:-/var/tmp/backease-fresh}
suite=bookworm
# the longest any one line may take (apt, the build and the tests)
limit=${BACKEASE_FRESH_TIMEOUT:-1800}

say() { printf 'fresh: %s\n' "$*" >&2; }
die() {
	say "FAIL: $*"
	exit 1
}

[ "$(id -u)" = 0 ] || die "run me as root (chroot, mount, debootstrap)"

# Everything below in a private mount and PID namespace.
if [ -z "${BACKEASE_FRESH_NS:-}" ]; then
	exec unshare --mount --pid --fork --propagation private \
		env BACKEASE_FRESH_NS=1 "$0" "$@"
fi

mounted=()
cleanup() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount -R "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
	done
}
trap cleanup EXIT

timings=()
phase_start=0
phase() { # NAME: starts timing a phase
	phase_name=$1
	phase_start=$(date +%s.%N)
	say "== $1"
}
phase_end() {
	local secs
	secs=$(awk -v a="$phase_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	timings+=("$(printf '%8ss  %s' "$secs" "$phase_name")")
	say "   ${secs}s"
}

# ---- the two lines, from README.md ---------------------------------------
mapfile -t lines < <(awk '
	/^## / { inside = ($0 == "## Quick start") }
	inside && /^```/ { if (code) exit; code = 1; next }
	inside && code && NF' "$repo/README.md")
[ "${#lines[@]}" = 2 ] ||
	die "README.md's quick start should have 2 command lines, has ${#lines[@]}"
say "line 1: ${lines[0]}"
say "line 2: ${lines[1]}"
git -C "$repo" diff --quiet HEAD ||
	say "note: uncommitted changes are not tested, only HEAD"

# ---- the bare system, cached -------------------------------------------------
mirror() {
	local uri
	uri=${BACKEASE_FRESH_MIRROR:-}
	[ -n "$uri" ] || uri=$(awk '/^URIs:/ && $2 ~ /\/debian\/?$/ { print $2; exit }' \
		/etc/apt/sources.list.d/*.sources 2>/dev/null || true)
	[ -n "$uri" ] || uri=$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ { print $2; exit }' \
		/etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
	echo "${uri:-http://deb.debian.org/debian}"
}

# mount_in ROOT: /proc, /dev and /dev/pts (tmux and script need a pty)
mount_in() {
	mount -t proc proc "$1/proc"
	mounted+=("$1/proc")
	mount --rbind /dev "$1/dev"
	mounted+=("$1/dev")
	cp /etc/resolv.conf "$1/etc/resolv.conf"
}
unmount_in() {
	local m keep=()
	umount -R "$1/dev" "$1/proc"
	for m in "${mounted[@]}"; do
		[ "$m" = "$1/dev" ] || [ "$m" = "$1/proc" ] || keep+=("$m")
	done
	mounted=("${keep[@]}")
}

# remove_tree DIR: rm -rf of a chroot, never into what is mounted in it
remove_tree() {
	[ -e "$1" ] || return 0
	! grep -q " $1/" /proc/self/mounts || die "$1 still has mounts in it"
	rm -rf --one-file-system "$1"
}

# run_in ROOT UID CMD: runs CMD with sh in the chroot as UID (0 or the user's),
# from the home directory, with the environment of a fresh login
run_in() {
	local root=$1 uid=$2 home=/root
	shift 2
	[ "$uid" = 0 ] || home=/home/tester
	chroot --userspec="$uid:$uid" "$root" env -i HOME=$home \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		TERM=xterm SHELL=/bin/sh USER="$([ "$uid" = 0 ] && echo root || echo tester)" \
		sh -c "cd && $1"
}

# rebuilt when a month old, so that it stays as Debian ships it now
base=$cache/base
if [ -z "$(find "$cache/base.done" -mtime -30 2>/dev/null)" ]; then
	phase "bare system: debootstrap --variant=minbase $suite, and git"
	if ! command -v debootstrap >/dev/null 2>&1; then
		say "installing debootstrap"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends debootstrap >/dev/null
	fi
	remove_tree "$base"
	mkdir -p "$cache"
	url=$(mirror)
	say "mirror $url"
	debootstrap --variant=minbase "$suite" "$base" "$url" >"$cache/debootstrap.log" 2>&1 ||
		die "debootstrap failed; see $cache/debootstrap.log"
	mount_in "$base"
	run_in "$base" 0 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends git >/dev/null' ||
		die "could not install git in the bare system"
	# as a minimal image comes: no package lists, no downloaded packages
	run_in "$base" 0 'apt-get clean && rm -rf /var/lib/apt/lists/*'
	unmount_in "$base"
	touch "$cache/base.done"
	phase_end
fi
for cmd in make gcc cc pkg-config sudo tmux; do
	[ ! -e "$base/usr/bin/$cmd" ] || die "the bare system has $cmd"
done

# The repository's HEAD, where both chroots can clone it from.
src=$cache/backease.git
rm -rf "$src"
mkdir -p "$cache"
git clone --quiet --bare --no-local "$repo" "$src"
head=$(git -C "$src" rev-parse HEAD)
[ "$head" = "$(git -C "$repo" rev-parse HEAD)" ] || die "the clone is not at HEAD"
say "testing $(git -C "$repo" log -1 --format='%h %s' HEAD)"

# fresh_copy DIR: a copy of the bare system with the repository beside it
# and a user without sudo, mounted
fresh_copy() {
	local root=$1
	remove_tree "$root"
	cp -a "$base" "$root"
	mkdir -p "$root/srv"
	cp -a "$src" "$root/srv/backease.git"
	mount_in "$root"
	chroot "$root" useradd --create-home --uid 1500 --user-group \
		--shell /bin/sh tester
}

# clone ROOT UID: git clone, as a user of the bare system does (of a
# repository of their own: git refuses others')
clone() {
	chown -R "$2:$2" "$1/srv/backease.git"
	run_in "$1" "$2" "git clone -q /srv/backease.git backease && git -C backease rev-parse HEAD" >"$1/tmp/head" ||
		die "git clone failed in $1"
	[ "$(cat "$1/tmp/head")" = "$head" ] || die "the clone in $1 is not at $head"
}

# first_line_in_a_terminal ROOT UID: line 1 in a pty; the safety note and
# the menu must show; a key dismisses the note, q quits, status 0
first_line_in_a_terminal() {
	local root=$1 uid=$2 log=$1/tmp/first-line.log keys=$1/tmp/keys pid i rc
	rm -f "$log" "$keys"
	mkfifo "$keys"
	run_in "$root" "$uid" "script -qfec 'cd backease && ${lines[0]//\'/\'\\\'\'}' /tmp/first-line.log" \
		<"$keys" >/dev/null 2>&1 &
	pid=$!
	exec 3>"$keys"
	for ((i = 0; i < limit; i++)); do
		grep -q 'not medical advice' "$log" 2>/dev/null && break
		kill -0 $pid 2>/dev/null || break
		sleep 1
	done
	if ! grep -q 'not medical advice' "$log" 2>/dev/null; then
		exec 3>&-
		kill $pid 2>/dev/null || true
		tail -n 30 "$log" 2>/dev/null | sed 's/^/    /' >&2 || true
		die "line 1 never showed the safety note"
	fi
	grep -q 'guided routines for your upper back' "$log" || die "line 1: no menu"
	# the note covers the middle of the menu; the presets' names show at
	# its left (a terminal log holds what was drawn, not the screen)
	grep -q 'Desk break' "$log" || die "line 1: no presets in the menu"
	sleep 1
	printf ' ' >&3
	sleep 1
	printf 'q' >&3
	for ((i = 0; i < 20; i++)); do
		kill -0 $pid 2>/dev/null || break
		sleep 0.5
	done
	exec 3>&-
	rc=0
	wait $pid || rc=$?
	[ "$rc" = 0 ] || die "line 1 ended with status $rc after q"
	# the lines before the program started, without its screen
	say "   the note and the menu showed; exit 0 after q; configure said:"
	grep -a '^backease: ' "$log" | sed 's/\r$//; s/^/     /' >&2
}

# second_line ROOT UID: make test passes, with no e2e script skipped; shows
# the unit tests cmocka skipped (those that cannot run as root)
second_line() {
	local root=$1 uid=$2 out=$1/tmp/second-line.log
	if ! timeout "$limit" bash -c 'run_in "$@"' _ "$root" "$uid" "cd backease && ${lines[1]}" \
		</dev/null >"$out" 2>&1; then
		tail -n 40 "$out" | sed 's/^/    /' >&2
		die "line 2 failed (log $out)"
	fi
	grep -q '^unit: [1-9][0-9]* passed, 0 failed' "$out" || die "line 2: no unit tests passed"
	grep -q '^e2e: [1-9][0-9]* passed, 0 failed' "$out" || die "line 2: no e2e tests passed"
	! grep -q '^SKIP ' "$out" || die "line 2 skipped tests: $(grep '^SKIP ' "$out")"
	grep -a -E '^backease: |^(unit|e2e): |^\([0-9]+ skipped\)|^\[  SKIPPED \] [a-z]' "$out" |
		awk '!seen[$0]++' | sed 's/^/     /' >&2
}
export -f run_in

# ---- root ----------------------------------------------------------------------
phase "root: copy the bare system, git clone"
root=$cache/root
fresh_copy "$root"
clone "$root" 0
phase_end

phase "root, line 1 in a terminal: ${lines[0]}"
first_line_in_a_terminal "$root" 0
phase_end

phase "root, line 1 without a terminal"
out=$(run_in "$root" 0 "cd backease && ${lines[0]}" </dev/null 2>&1) ||
	die "line 1 without a terminal failed: $out"
case $out in *"Presets ('backease run ID' starts one):"*) ;; *) die "line 1 without a terminal: $out" ;; esac
phase_end

phase "root, line 2: ${lines[1]}"
second_line "$root" 0
phase_end

# ---- a user without root or sudo -------------------------------------------------
phase "user: copy the bare system, git clone"
user=$cache/user
fresh_copy "$user"
clone "$user" 1500
phase_end

phase "user, line 1 on the bare system: it names what to install"
rc=0
out=$(run_in "$user" 1500 "cd backease && ${lines[0]}" </dev/null 2>&1) || rc=$?
printf '%s\n' "$out" | sed 's/^/     /' >&2
case $rc in 1 | 2) ;; *) die "line 1 as a user: status $rc, expected 1 or 2" ;; esac
mapfile -t cmds < <(printf '%s\n' "$out" | grep -E "^ +(su -c|sudo) ")
[ "${#cmds[@]}" = 1 ] || die "line 1 as a user printed ${#cmds[@]} commands"
cmd=${cmds[0]#"${cmds[0]%%[! ]*}"}
case $cmd in "su -c "*) ;; *) die "not a su command, with no sudo installed: $cmd" ;; esac
phase_end

phase "root types the printed command: $cmd"
run_in "$user" 0 "$cmd" </dev/null >"$user/tmp/install.log" 2>&1 ||
	die "the printed command failed; see $user/tmp/install.log"
phase_end

phase "user, line 1 in a terminal"
first_line_in_a_terminal "$user" 1500
phase_end

phase "user, line 2"
second_line "$user" 1500
phase_end

cleanup
mounted=()
if [ "${BACKEASE_FRESH_KEEP:-}" != 1 ]; then
	remove_tree "$root"
	remove_tree "$user"
	rm -rf "$src"
fi
say "PASS: the quick start works on a bare $suite, as root and as a user"
say "wall time per phase:"
printf '%s\n' "${timings[@]}" >&2
