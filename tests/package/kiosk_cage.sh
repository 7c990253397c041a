#!/bin/bash
# The kiosk recipe for real: the package's hrc-kiosk.service command line
# (cage running hrc-player --kiosk), run as an unprivileged user on cage's
# headless back end, with grim taking screenshots.
#
#  1. The unit's own environment (SDL_VIDEODRIVER=wayland: the player
#     speaks Wayland to cage). The player must fill the output; then the
#     unit's ExecStop must end the player and let cage exit with status 0.
#  2. Without SDL_VIDEODRIVER (SDL's default: X11 through Xwayland). The
#     player must fill the output; then cage is killed, and the player,
#     left without a display, must end on its own.
#
# The output is turned 180 degrees (cage -r -r). Without that, cage 0.1.4
# hands a full-screen window's buffer straight to the headless output
# (direct scan-out) and grim reads that back as black, whatever the
# player drew; turned, cage composites, and grim sees what a screen would.
#
# As root, runs as the system user hrc-kiosk-test, created if missing
# (cage refuses to run as root); otherwise as the user running the test.
# Exit 77 (skipped) when cage, grim or Xwayland is missing.
# Usage: kiosk_cage.sh DEB_BUILD_DIR SOURCE_DIR
set -u
build=$1
src=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
groups=() # process groups started here (each cage with its clients)
cleanup() {
  for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null; done
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  [ -f "$work/cage.log" ] && { echo "--- cage and player:"; grep -v '^target:' "$work/cage.log" | tail -n 30; }
  exit 1
}

for tool in cage grim Xwayland python3 setsid; do
  command -v $tool >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
deb=$(ls "$build"/hrc-player_*.deb 2>/dev/null | head -n 1)
[ -f "$deb" ] || fail "no package in $build (the package_deb test makes it)"

# Who runs cage: never root.
if [ "$(id -u)" = 0 ]; then
  user=hrc-kiosk-test
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
      --comment "HRC Player kiosk tests" "$user" ||
      { echo "SKIP: cannot create the user $user to run cage as"; exit 77; }
  fi
  as_user=(setpriv --reuid="$user" --regid="$user" --init-groups)
else
  user=$(id -un)
  as_user=()
fi

# The package, unpacked where that user can read it; the fonts it links
# to come from the system's fonts-dejavu packages, as once installed.
chmod 755 "$work"
root=$work/root
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x failed"
mkdir -p "$root/usr/share/fonts/truetype"
ln -s /usr/share/fonts/truetype/dejavu "$root/usr/share/fonts/truetype/dejavu"
unit=$root/lib/systemd/system/hrc-kiosk.service

# The unit's settings, with the package's paths moved into the scratch
# root and the state directory into the work folder.
unit_value() { sed -n "s/^$1=//p" "$unit"; }
relocate() {
  sed -e "s|/usr/bin/hrc-player|$root/usr/bin/hrc-player|g" \
      -e "s|/usr/share/hrc-player|$root/usr/share/hrc-player|g" \
      -e "s|/var/lib/hrc-player|$work/state|g"
}
read -r -a exec_start <<<"$(unit_value ExecStart | relocate)"
exec_stop=$(unit_value ExecStop)
mapfile -t unit_env < <(unit_value Environment)
[ "${exec_start[0]}" = /usr/bin/cage ] || fail "ExecStart does not run /usr/bin/cage: ${exec_start[*]}"
[ -n "$exec_stop" ] || fail "the unit has no ExecStop"
grep -qx 'Environment=SDL_VIDEODRIVER=wayland' "$unit" || fail "the unit does not ask for Wayland"
mkdir -p "$work/state"
chown "$user" "$work/state" && chmod 700 "$work/state"

cage_pid=
# Starts the unit's command line under cage with the environment given.
start_kiosk() {
  local run=$work/run-$1
  shift
  mkdir -p "$run" && chown "$user" "$run" && chmod 700 "$run"
  : >"$work/cage.log"
  # setsid: cage leads a process group of its own, which its clients
  # (the player, Xwayland) join, so that cleanup can end them all.
  (cd "$work" && exec "${as_user[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
     HOME="$run" XDG_RUNTIME_DIR="$run" LANG=C.UTF-8 \
     WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
     HRC_TRACE_SCREENS=1 "$@" \
     setsid "${exec_start[0]}" -r -r "${exec_start[@]:1}" >"$work/cage.log" 2>&1) &
  cage_pid=$!
  groups+=("$cage_pid")
  export RUN=$run
}

# Waits (up to 30 s) for the player's first frame, then for a screenshot
# in which it fills the 1280x720 headless output (up to 10 s more).
check_fills() {
  local name=$1
  local i
  for i in $(seq 300); do
    grep -q '^screen: ' "$work/cage.log" && break
    kill -0 "$cage_pid" 2>/dev/null || fail "$name: cage exited before the player drew"
    sleep 0.1
  done
  grep -q '^screen: ' "$work/cage.log" || fail "$name: no first frame in 30 s"
  local shot=$work/$name.ppm verdict=""
  for i in $(seq 20); do
    sleep 0.5
    "${as_user[@]}" env XDG_RUNTIME_DIR="$RUN" WAYLAND_DISPLAY=wayland-0 \
      grim -t ppm - >"$shot" 2>"$work/grim.log" || continue
    verdict=$(python3 "$here/screen_fill.py" "$shot" 1280 720) && break
    verdict="FAILED: $verdict"
  done
  [ -n "$verdict" ] || fail "$name: grim took no screenshot: $(cat "$work/grim.log")"
  case $verdict in FAILED*) fail "$name: the player does not fill the output: $verdict";; esac
  echo "$name: $verdict"
}

# Waits up to $2 seconds for every process of the group $1 to end.
wait_group_gone() {
  local i
  for i in $(seq $(($2 * 10))); do
    pgrep -g "$1" >/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# ---- 1. Native Wayland, as the unit runs it; stopped as systemd does ----
start_kiosk wayland "${unit_env[@]}"
check_fills wayland
player=$(pgrep -P "$cage_pid" -x hrc-player) || fail "wayland: no hrc-player under cage"
# systemctl stop: the unit's ExecStop, as the unit's user, with MAINPID
# set; here, as systemd does, the test reaps cage while ExecStop waits.
start=$(date +%s)
stop_script=$(sed -e 's|^/bin/sh -c ||' -e "s/^'//" -e "s/'$//" <<<"$exec_stop")
"${as_user[@]}" env MAINPID="$cage_pid" /bin/sh -c "$stop_script" &
stop_pid=$!
wait "$cage_pid"
status=$?
for _ in $(seq 150); do kill -0 "$stop_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$stop_pid" 2>/dev/null && { kill "$stop_pid"; fail "ExecStop still waiting 15 s after cage ended"; }
wait "$stop_pid" || fail "ExecStop failed"
[ "$status" = 0 ] || fail "wayland: cage ended with status $status after ExecStop (134: it aborted)"
wait_group_gone "$cage_pid" 5 || fail "wayland: still running after ExecStop: $(pgrep -a -g "$cage_pid")"
kill -0 "$player" 2>/dev/null && fail "wayland: the player outlived cage"
echo "wayland: ExecStop ended the player, then cage with status 0, in $(( $(date +%s) - start )) s"

# ---- 2. Xwayland (SDL's default), and cage killed -----------------------
start_kiosk xwayland
check_fills xwayland
player=$(pgrep -P "$cage_pid" -x hrc-player) || fail "xwayland: no hrc-player under cage"
display=$(tr '\0' '\n' <"/proc/$player/environ" | sed -n 's/^DISPLAY=://p')
[ -n "$display" ] || fail "xwayland: the player has no DISPLAY"
kill -KILL "$cage_pid"
wait "$cage_pid" 2>/dev/null
wait_group_gone "$cage_pid" 10 ||
  fail "xwayland: left running 10 s after cage was killed: $(pgrep -a -g "$cage_pid")"
# A killed cage leaves its X display's lock and socket behind.
find /tmp/.X"$display"-lock /tmp/.X11-unix/X"$display" -maxdepth 0 -user "$user" \
  -delete 2>/dev/null
echo "xwayland: cage killed; the player and Xwayland ended on their own"
