#!/bin/bash
# The package, installed. First unpacked into a scratch root (dpkg -x, no
# root needed): the program there must find its catalogues and assets from
# its own folder, validate the installed course and draw it. Then, as root
# on a machine where hrc-player is not installed already, for real with
# dpkg -i: every file where the package says, the course validated and
# rendered from /usr, the man page, desktop entry, AppStream data and
# kiosk unit checked by their own tools, and dpkg --purge leaves nothing
# behind. Exit 77 (skipped, after the scratch-root checks) when not root.
# Usage: deb_install.sh DEB_BUILD_DIR
set -u
build=$1
work=$(mktemp -d)
installed=""
# dpkg ARGS..., waiting (up to 5 minutes) while apt or dpkg runs elsewhere.
run_dpkg() {
  local i
  for i in $(seq 300); do
    dpkg "$@" >"$work/dpkg.log" 2>&1 && return 0
    grep -q 'lock' "$work/dpkg.log" || return 1
    sleep 1
  done
  return 1
}
cleanup() {
  [ -n "$installed" ] && run_dpkg --purge hrc-player
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
course_rel=usr/share/hrc-player/courses/human-rights-cities

deb=$(ls "$build"/hrc-player_*.deb 2>/dev/null | head -n 1)
[ -f "$deb" ] || fail "no package in $build (the package_deb test makes it)"
pkg_version=$(dpkg-deb -f "$deb" Version)

# Checks a player installed under ROOT ("" for /): --validate in French
# (the catalogue must be found from the program's folder), and --render
# (the fonts must be found from there too) of one screen, or of them all.
check_player() {
  local root=$1 out=$2 screens=$3
  local player=$root/usr/bin/hrc-player course=$root/$course_rel
  "$player" --version | grep -qx "hrc-player ${pkg_version%-*}" ||
    fail "$player --version: $("$player" --version 2>&1)"
  local summary
  summary=$(env -u LC_ALL LANGUAGE=fr "$player" --validate "$course" 2>&1) ||
    fail "--validate of $course: $summary"
  grep -qE "^4 fichiers vérifiés.* 0 erreur, 0 avertissement$" <<<"$summary" ||
    fail "--validate in French from $player said: $summary"
  local only=()
  [ "$screens" = one ] && only=(--goto hrc-what-is-a-human-rights-city)
  env -u HRC_ASSETS_DIR "$player" --render "$out" "${only[@]}" --size 1024x600 --lang es \
    "$course" 2>"$out.err" || fail "--render from $player: $(head -c 1000 "$out.err")"
  [ -s "$out.err" ] && fail "--render from $player said: $(head -c 1000 "$out.err")"
  local n
  n=$(ls "$out" | grep -c '\.png$')
  if [ "$screens" = one ]; then
    [ "$n" = 1 ] || fail "--render --goto from $player wrote $n screens"
  else
    [ "$n" -ge 100 ] || fail "--render from $player wrote $n screens"
  fi
  echo "$player: course valid, French catalogue found, $n screens rendered"
}

# ---- 1. Unpacked into a scratch root ------------------------------------
root=$work/root
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x failed"
for f in usr/bin/hrc-player "$course_rel/01-what-is-a-human-rights-city.xml" \
         usr/share/locale/fr/LC_MESSAGES/hrc-player.mo \
         usr/share/locale/es/LC_MESSAGES/hrc-player.mo \
         usr/share/man/man1/hrc-player.1.gz usr/share/doc/hrc-player/copyright \
         usr/share/doc/hrc-player/changelog.Debian.gz \
         usr/share/applications/org.hrcplayer.HrcPlayer.desktop \
         usr/share/metainfo/org.hrcplayer.HrcPlayer.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/org.hrcplayer.HrcPlayer.svg \
         lib/systemd/system/hrc-kiosk.service etc/pam.d/hrc-kiosk; do
  [ -e "$root/$f" ] || fail "the package has no /$f"
done
for font in DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique DejaVuSans-BoldOblique; do
  link=$(readlink "$root/usr/share/hrc-player/assets/fonts/$font.ttf") ||
    fail "no link for $font.ttf in /usr/share/hrc-player/assets/fonts"
  [ "$link" = "../../../fonts/truetype/dejavu/$font.ttf" ] || fail "$font.ttf -> $link"
done
# The fonts come from the fonts-dejavu packages the package depends on.
mkdir -p "$root/usr/share/fonts/truetype"
ln -s /usr/share/fonts/truetype/dejavu "$root/usr/share/fonts/truetype/dejavu"
check_player "$root" "$work/png-scratch" one
gzip -t "$root/usr/share/man/man1/hrc-player.1.gz" || fail "the man page is not gzip"

# ---- 2. Installed for real ----------------------------------------------
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: not root, so the package was not installed for real (the scratch-root checks passed)"
  exit 77
fi
status=$(dpkg-query -W -f='${Status}' hrc-player 2>/dev/null)
if [ -n "$status" ] && [ "$status" != "unknown ok not-installed" ] &&
   [ "$status" != "deinstall ok config-files" ]; then
  echo "SKIP: hrc-player is installed on this machine ($status); the test leaves it alone"
  exit 77
fi
# One test at a time installs the package (two checkouts testing at
# once): a lock on dpkg's own folder, which only root may write in (dpkg
# itself locks files inside it, not the folder).
exec 9</var/lib/dpkg
flock -w 600 9 || fail "another package test held the lock for 10 minutes"

installed=yes
run_dpkg -i "$deb" || { cat "$work/dpkg.log"; fail "dpkg -i $deb failed"; }
dpkg-query -W -f='${Status} ${Version}\n' hrc-player | grep -qx "install ok installed $pkg_version" ||
  fail "dpkg says: $(dpkg-query -W hrc-player 2>&1)"
dpkg -L hrc-player >"$work/files"
while read -r f; do
  [ -e "$f" ] || [ -L "$f" ] || fail "dpkg -L lists $f, which is not there"
done <"$work/files"
command -v hrc-player | grep -qx /usr/bin/hrc-player || fail "hrc-player is not /usr/bin/hrc-player"
check_player "" "$work/png-installed" all

man -w hrc-player | grep -q '^/usr/share/man/man1/hrc-player.1.gz$' || fail "man -w hrc-player: $(man -w hrc-player 2>&1)"
w=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 hrc-player 2>&1 >/dev/null)
[ -z "$w" ] || fail "man warns: $w"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/org.hrcplayer.HrcPlayer.desktop ||
    fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net /usr/share/metainfo/org.hrcplayer.HrcPlayer.metainfo.xml \
    >"$work/as.log" 2>&1 || { cat "$work/as.log"; fail "appstreamcli validate"; }
fi
if command -v systemd-analyze >/dev/null; then
  # With the man page installed, its Documentation= line is checked too.
  systemd-analyze verify /lib/systemd/system/hrc-kiosk.service >"$work/verify.log" 2>&1 ||
    { cat "$work/verify.log"; fail "systemd-analyze verify hrc-kiosk.service"; }
  [ -s "$work/verify.log" ] && { cat "$work/verify.log"; fail "systemd-analyze verify has remarks"; }
  # Installed, not enabled.
  [ -e /etc/systemd/system/graphical.target.wants/hrc-kiosk.service ] &&
    fail "the package enabled hrc-kiosk.service"
fi

# ---- 3. Removed, with nothing left behind -------------------------------
run_dpkg --purge hrc-player || { cat "$work/dpkg.log"; fail "dpkg --purge hrc-player failed"; }
installed=""
status=$(dpkg-query -W -f='${Status}' hrc-player 2>/dev/null)
[ -z "$status" ] || [ "$status" = "unknown ok not-installed" ] || fail "after purge, dpkg says: $status"
left=""
while read -r f; do
  [ -d "$f" ] && continue # shared folders such as /usr/share (or /lib, a link) stay
  { [ -e "$f" ] || [ -L "$f" ]; } && left="$left $f"
done <"$work/files"
for d in /usr/share/hrc-player /usr/share/doc/hrc-player; do
  [ -e "$d" ] && left="$left $d"
done
[ -z "$left" ] || fail "left behind after purge:$left"
echo "installed, checked and purged: $(wc -l <"$work/files") paths, none left"
