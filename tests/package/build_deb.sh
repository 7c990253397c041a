#!/bin/bash
# Builds the Debian package as `make deb` does (cmake/build-deb.sh, in a
# build folder of its own) and runs lintian on it: any error fails the
# test; warnings and notes are shown. The other package tests use this
# package (ctest fixture hrc_deb).
# Usage: build_deb.sh SOURCE_DIR BUILD_DIR
set -u
src=$1
build=$2
fail() { echo "FAIL: $*"; exit 1; }
command -v lintian >/dev/null || fail "lintian is not installed (make deps installs it)"

start=$(date +%s)
deb=$(JOBS=${JOBS:-2} "$src/cmake/build-deb.sh" "$build" 2>"$build.log" | tail -n 1)
[ -f "$deb" ] || { tail -n 40 "$build.log"; fail "cmake/build-deb.sh made no package"; }
echo "built $(basename "$deb") in $(( $(date +%s) - start )) s"

# lintian says it should not run as root; it checks the same either way.
lintian --fail-on error --display-info --pedantic "$deb" 2>&1 |
  grep -v 'running with root privileges' | tee "$build/lintian.txt"
[ "${PIPESTATUS[0]}" = 0 ] || fail "lintian reports errors (above)"
echo "lintian: no errors"
