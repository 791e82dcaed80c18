#!/bin/sh
# Makes sure the Debian packages named as arguments are installed.
#
#   .ci/deps.sh [--commands] PKG... [--also PKG...]
#
# Installs the missing ones when run as root or with password-less sudo,
# with one short line per step on stderr; apt's own output goes to a log
# that is named if a step fails (and removed otherwise).  Anyone else gets
# the one command that installs them, and exit status 1.  That command
# also names the missing packages after --also, which are not needed yet
# but will be by the next step (the tests), so that one round is enough.
# With --commands first, a package counts as there when a command of the
# same name is on PATH (a python3 from elsewhere will do for a script).
set -u

by_command=false
if [ "${1:-}" = --commands ]; then
	by_command=true
	shift
fi
need=
while [ $# -gt 0 ]; do
	[ "$1" = --also ] && break
	need="$need $1"
	shift
done
[ $# -gt 0 ] && shift
also="$*"

say() { echo "backease: $*" >&2; }

# Prints those of the packages given that are not installed, each with a
# space before it.
missing_of() {
	if $by_command; then
		for pkg; do
			command -v "$pkg" >/dev/null 2>&1 || printf ' %s' "$pkg"
		done
		return
	fi
	# one dpkg-query for all: make run and make test call this every time
	dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null |
		awk -v want="$*" '
			$NF == "installed" { ok[$1] = 1 }
			END {
				n = split(want, w, " ")
				for (i = 1; i <= n; i++)
					if (!(w[i] in ok)) printf " %s", w[i]
			}'
}

if ! $by_command && ! command -v dpkg-query >/dev/null 2>&1; then
	say "cannot check for packages without dpkg-query; this needs (Debian names):$need"
	exit 1
fi
# shellcheck disable=SC2086 # the lists are words
missing=$(missing_of $need)
[ -z "$missing" ] && exit 0
# shellcheck disable=SC2086
missing_also=
# shellcheck disable=SC2086
[ -z "$also" ] || missing_also=$(missing_of $also)

if ! command -v apt-get >/dev/null 2>&1; then
	say "missing packages:$missing$missing_also; install them with your package manager"
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=sudo
else
	all="$missing$missing_also"
	install="apt-get install -y --no-install-recommends$all"
	say "missing packages:$all"
	say "install them with this command, then try again:"
	if command -v sudo >/dev/null 2>&1; then
		echo "  sudo apt-get update && sudo $install" >&2
	else
		echo "  su -c 'apt-get update && $install'" >&2
	fi
	exit 1
fi

log=$(mktemp "${TMPDIR:-/tmp}/backease-deps.XXXXXX") || exit 1
failed() {
	say "$1; the whole log is in $log; it ends:"
	tail -n 5 "$log" | sed 's/^/  /' >&2
	exit 1
}
# shellcheck disable=SC2086
set -- $missing
say "updating the package lists"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update >>"$log" 2>&1 ||
	failed "could not update the package lists"
say "installing $# packages:$missing"
$sudo env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y --no-install-recommends "$@" >>"$log" 2>&1 ||
	failed "could not install the packages"
# shellcheck disable=SC2086
still=$(missing_of $missing)
[ -z "$still" ] || failed "apt-get ran, but these are still missing:$still"
rm -f "$log"
say "installed $# packages"
