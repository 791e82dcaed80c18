#!/bin/sh
# Make sure the Debian packages named as arguments are installed.
# Installs the missing ones when we are root or have password-less sudo;
# otherwise prints the exact command to run and fails.
missing=""
for pkg in "$@"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' ||
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
