#!/bin/sh
# Builds the Debian package of HRC Player in BUILD_DIR, with the compiler
# and linker flags Debian packages use (dpkg-buildflags, all hardening on).
# The build's messages go to stderr; the package's path alone to stdout.
#   cmake/build-deb.sh BUILD_DIR [CMAKE_OPTION]...
# Used by `make deb` and by the package tests (tests/package.cmake).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [CMAKE_OPTION]..." >&2; exit 2; }
src=$(cd "$(dirname "$0")/.." && pwd)
build=$1
shift
for tool in dpkg-buildflags dpkg-shlibdeps cpack; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (apt-get install dpkg-dev cmake)" >&2; exit 1; }
done

export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cflags="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
# Build type None: only the flags above, as Debian builds CMake projects.
# No tests: a package build needs neither cmocka nor the test programs.
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=None -DHRC_TESTS=OFF -DHRC_WERROR=ON \
  -DCMAKE_C_FLAGS="$cflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
  -DHRC_SYSTEMD_UNIT_DIR=/lib/systemd/system -DHRC_PAM_DIR=/etc/pam.d \
  -DHRC_SYSTEM_FONTS=ON "$@" >&2
cmake --build "$build" -j "${JOBS:-2}" >&2
rm -f "$build"/hrc-player_*.deb
(cd "$build" && cpack -G DEB >cpack.log 2>&1) || { cat "$build/cpack.log" >&2; exit 1; }
ls "$build"/hrc-player_*.deb
