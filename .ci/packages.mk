# The Debian packages backease needs.  The Makefile includes this file and
# ./configure reads it with sed, so keep each list on one line.
#   BUILD_PKGS  to build and run: make, a C compiler and the libraries
#   TEST_PKGS   besides, for `make test`: cmocka, tmux for the terminal
#               tests, python3 to parse stats --json (script, setpriv and
#               unshare are in every Debian system already)
BUILD_PKGS := make gcc libc6-dev pkg-config libncurses-dev libcyaml-dev libyaml-dev libxxhash-dev
TEST_PKGS := libcmocka-dev tmux python3
