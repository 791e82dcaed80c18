#!/bin/sh
# Make sure the Debian packages named as arguments are installed.
# Installs the missing ones when we are root or have password-less sudo;
# otherwise prints the exact command to run and fails.
# With --commands first, a package counts as there when a command of the
# same name is on PATH (a python3 from elsewhere will do for a script).
by_command=false
if [ "${1:-}" = --commands ]; then
	by_command=true
	shift
fi
missing=""
for pkg in "$@"; do
	if $by_command; then
		command -v "$pkg" >/dev/null 2>&1 && continue
	else
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
			grep -q 'ok installed' && continue
	fi
	missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "backease: missing packages:$missing (install them with your package manager)" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "backease: missing packages:$missing" >&2
	echo "run:  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "backease: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2 &&
	$sudo apt-get install -y -qq --no-install-recommends $missing >&2 || {
	echo "backease: could not install:$missing" >&2
	exit 1
}
