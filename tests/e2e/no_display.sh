#!/bin/sh
# With no display at all, playing fails at once with a clear word instead
# of waiting forever in a window nobody can see.
# Usage: no_display.sh PLAYER COURSE_DIR
set -u
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER XDG_RUNTIME_DIR="$out" \
  timeout 20 "$1" --data-dir "$out/data" "$2" >"$out/log" 2>&1
rc=$?
[ "$rc" = 1 ] || { echo "FAIL: exit status $rc, not 1"; cat "$out/log"; exit 1; }
grep -q "no display found" "$out/log" || { echo "FAIL: no clear message"; cat "$out/log"; exit 1; }
echo "ok: $(grep 'no display' "$out/log")"
