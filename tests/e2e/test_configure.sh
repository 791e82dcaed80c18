# ./configure (and .ci/deps.sh under it) against stand-ins for dpkg-query,
# apt-get, id, sudo and su: what it installs as root, what it prints for
# anyone else, the log it keeps apt's output in, and its usage errors.
# Nothing is installed for real.
. "$(dirname "$0")/lib.sh"

# The package lists are the test's input.
pkgs() { sed -n "s/^$1 *:= *//p" "$REPO/.ci/packages.mk"; }
build=$(pkgs BUILD_PKGS)
tests=$(pkgs TEST_PKGS)
[ -n "$build" ] && [ -n "$tests" ] || fail "no package lists in .ci/packages.mk"
nbuild=$(echo "$build" | wc -w)
ntests=$(echo "$tests" | wc -w)

# A PATH with only the stand-ins and the few real tools the scripts use,
# so that the machine's own sudo or apt-get are never found.
bin=$TEST_TMP/bin
mkdir -p "$bin"
for tool in sed awk mktemp tail rm env dirname cat grep; do
	ln -s "$(command -v $tool)" "$bin/$tool"
done
export INSTALLED=$TEST_TMP/installed CALLS=$TEST_TMP/calls
cat >"$bin/dpkg-query" <<'EOF'
#!/bin/sh
# dpkg-query -W -f=FORMAT PKG...: the installed ones, as dpkg does
shift 2
rc=0
for p; do
	if grep -qx "$p" "$INSTALLED" 2>/dev/null; then
		echo "$p install ok installed"
	else
		echo "dpkg-query: no packages found matching $p" >&2
		rc=1
	fi
done
exit $rc
EOF
cat >"$bin/apt-get" <<'EOF'
#!/bin/sh
echo "apt-get $* (DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-}) as ${AS:-root}" >>"$CALLS"
echo "Reading package lists... noise from apt"
echo "debconf: noise on stderr" >&2
case $1 in
update) [ "${APT_FAIL:-}" = update ] && { echo "E: no network"; exit 100; } ;;
install)
	[ "${APT_FAIL:-}" = install ] && { echo "E: Unable to locate package"; exit 100; }
	shift 2
	for p; do echo "$p" >>"$INSTALLED"; done
	;;
esac
exit 0
EOF
cat >"$bin/id" <<'EOF'
#!/bin/sh
echo "${UID_IS:-0}"
EOF
cat >"$bin/sudo.stub" <<'EOF'
#!/bin/sh
if [ "$1" = -n ]; then
	[ "${SUDO_NOPASS:-}" = 1 ] && exit 0
	echo "sudo: a password is required" >&2
	exit 1
fi
AS=sudo exec "$@"
EOF
# su as root: runs the command (the test stands for the root who types it)
cat >"$bin/su" <<'EOF'
#!/bin/sh
[ "$1" = -c ] || exit 1
echo "su -c ..." >>"$CALLS"
exec /bin/sh -c "$2"
EOF
chmod +x "$bin"/*
export TMPDIR=$TEST_TMP/tmp
mkdir -p "$TMPDIR"

# conf ARGS...: ./configure with the stand-ins; its status, stdout and
# stderr in $STATUS, $OUT, $ERR
conf() {
	rm -f "$CALLS"
	PATH=$bin expect_status "$want" "$REPO/configure" "$@"
}
calls() { cat "$CALLS" 2>/dev/null; }
lines() { printf '%s\n' "$1" | wc -l; }

# ---- root on a bare system: the build packages, then the tests' --------
: >"$INSTALLED"
want=0 conf
expect_eq "$OUT" "" "stdout"
expect_eq "$ERR" "backease: updating the package lists
backease: installing $nbuild packages: $build
backease: installed $nbuild packages
backease: all that make needs is installed" "messages"
expect_eq "$(calls)" "apt-get update (DEBIAN_FRONTEND=noninteractive) as root
apt-get install -y --no-install-recommends $build (DEBIAN_FRONTEND=noninteractive) as root" "apt-get calls"
expect_eq "$(ls "$TMPDIR")" "" "logs left behind"

want=0 conf --tests
expect_contains "$ERR" "backease: installing $ntests packages: $tests"$'\n'
expect_contains "$ERR" "all that make and make test need is installed"
expect_not_contains "$(calls)" "${build%% *}"

# all there: nothing to do, and nothing said with --quiet
want=0 conf --tests --quiet
expect_eq "$OUT$ERR" "" "output with everything installed"
expect_eq "$(calls)" "" "apt-get calls with everything installed"

# ---- apt-get fails: a short message that names the log ------------------
: >"$INSTALLED"
for step in update install; do
	want=1 APT_FAIL=$step conf --tests
	log=$(printf '%s\n' "$ERR" | sed -n 's/.*the whole log is in \([^;]*\);.*/\1/p')
	[ -n "$log" ] || fail "no log named: $ERR"
	[ -f "$log" ] || fail "no log at $log"
	expect_contains "$(cat "$log")" "noise from apt"
	expect_contains "$(cat "$log")" "debconf: noise on stderr"
	# the end of the log, indented, and no more
	expect_contains "$ERR" $'\n'"  E: "
	[ "$(lines "$ERR")" -le 8 ] || fail "too long: $ERR"
	rm -f "$log"
done

# ---- not root, no sudo: one su command for both lines, then both pass -----
: >"$INSTALLED"
want=1 UID_IS=1000 conf
expect_eq "$(calls)" "" "apt-get calls without root"
cmd=$(printf '%s\n' "$ERR" | grep '^  ')
expect_eq "$cmd" "  su -c 'apt-get update && apt-get install -y --no-install-recommends $build $tests'" "printed command"
expect_eq "$(lines "$ERR")" 3 "lines printed"
# typed as root, it installs all that both lines need
PATH=$bin expect_status 0 /bin/sh -c "$cmd"
want=0 UID_IS=1000 conf --tests --quiet
expect_eq "$OUT$ERR" "" "output after the printed command"

# the tests' packages alone are no reason to stop the first line ...
grep -vx "${tests%% *}" "$INSTALLED" >rest && mv rest "$INSTALLED"
want=0 UID_IS=1000 conf --quiet
expect_eq "$ERR" "" "stderr with the build packages installed"
# ... but are for the second
want=1 UID_IS=1000 conf --tests
expect_contains "$ERR" "  su -c 'apt-get update && apt-get install -y --no-install-recommends ${tests%% *}'"

# ---- sudo with a password: the sudo command -------------------------------
: >"$INSTALLED"
ln -s sudo.stub "$bin/sudo"
want=1 UID_IS=1000 conf
expect_eq "$(printf '%s\n' "$ERR" | grep '^  ')" \
	"  sudo apt-get update && sudo apt-get install -y --no-install-recommends $build $tests" \
	"printed command"
expect_not_contains "$ERR" "su -c"
expect_eq "$(calls)" "" "apt-get calls with a password to give"

# password-less sudo: installs through it
want=0 UID_IS=1000 SUDO_NOPASS=1 conf
expect_contains "$(calls)" "apt-get update (DEBIAN_FRONTEND=noninteractive) as sudo"
expect_contains "$(calls)" "apt-get install -y --no-install-recommends $build (DEBIAN_FRONTEND=noninteractive) as sudo"
rm "$bin/sudo"

# ---- not Debian: the commands and modules that are missing, by name -------
mv "$bin/dpkg-query" "$bin/dpkg-query.off"
want=1 conf
expect_contains "$ERR" "backease: missing: make cc pkg-config"
expect_contains "$ERR" "the Debian packages are: $build)"
expect_eq "$(calls)" "" "apt-get calls without dpkg"
mv "$bin/dpkg-query.off" "$bin/dpkg-query"

# ---- usage -----------------------------------------------------------------
want=2 conf --prefix=/usr
expect_contains "$ERR" "configure: unknown option '--prefix=/usr'"
expect_contains "$ERR" "usage: ./configure [--tests] [--quiet]"
want=0 conf --help
expect_contains "$OUT" "usage: ./configure"
exit 0
