#!/bin/bash
# hrc-player --watch in a real window on a private Xvfb display: edits to
# the module (written in place or renamed over it), to an image, a broken
# save and a deleted module each reload the preview, which stays on the
# same event; while broken it shows the problems. F5 reloads. The progress
# store is never created, and an idle preview uses no CPU.
# Exit 77 (skipped) when Xvfb is missing.
# Usage: watch_xvfb.sh PLAYER COURSES_DIR   (uses COURSES_DIR/template.xml)
set -u
player=$1
courses=$2
work=$(mktemp -d)
xvfb_pid= player_pid=
cleanup() {
  [ -n "$player_pid" ] && kill "$player_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- trace:"; grep -v '^target' "$work/trace" 2>/dev/null | tail -n 40
  exit 1
}
command -v Xvfb >/dev/null || { echo "SKIP: Xvfb is not installed"; exit 77; }

course="$work/course"
mkdir -p "$course"
cp "$courses/template.xml" "$course/"
cp -r "$courses/template-images" "$course/"
module="$course/template.xml"
cp "$module" "$work/good.xml"

. "$(dirname "$0")/../lib/xvfb.sh"
start_xvfb 1024x700 "$work/xvfb.log" || fail "Xvfb did not start"

HRC_TRACE_SCREENS=1 "$player" --lang en --size 960x640 --data-dir "$work/data" --watch "$course" \
  --goto event-month 2>"$work/trace" &
player_pid=$!

seen=0
# Waits (up to 10 s) for a trace line matching $1 after the last one found.
wait_for() {
  for _ in $(seq 200); do
    kill -0 "$player_pid" 2>/dev/null || fail "the player exited while waiting for '$1'"
    local line
    line=$(tail -n +"$((seen + 1))" "$work/trace" | grep -n -- "$1" | head -n1)
    if [ -n "$line" ]; then
      seen=$((seen + ${line%%:*}))
      echo "seen: $1"
      return 0
    fi
    sleep 0.05
  done
  fail "no '$1' within 10 s"
}
# Saves like editors that write a new file and rename it over the old one.
save_by_rename() { cp "$1" "$course/.template.xml.new" && mv "$course/.template.xml.new" "$module"; }

wait_for '^screen: A month$'

# 1. An edit written in place.
sed -i 's|<headline>A month</headline>|<headline>A month, edited</headline>|' "$module"
wait_for 'preview: reloaded .*, showing event-month$'
wait_for '^screen: A month, edited$'

# 2. Saved by renaming a new file over the module.
sed 's|<headline>A month</headline>|<headline>A month, renamed over</headline>|' \
  "$work/good.xml" >"$work/renamed.xml"
save_by_rename "$work/renamed.xml"
wait_for '^screen: A month, renamed over$'

# 3. A save caught halfway: the problems, then back on the event once fixed.
head -c 3000 "$work/good.xml" >"$module"
wait_for 'template.xml:[0-9]*:[0-9]*: error:'
wait_for '^screen: This course has problems$'
command -v import >/dev/null && import -window root "$work/problems.png" 2>/dev/null
save_by_rename "$work/good.xml"
wait_for 'showing event-month$'
wait_for '^screen: A month$'

# 4. Binary garbage and an empty file never crash it.
printf '\x00\xff\xfe<\x01' >"$module"
wait_for '^screen: This course has problems$'
: >"$module"
wait_for 'error: the file is empty'
cp "$work/good.xml" "$module"
wait_for '^screen: A month$'

# 5. The module deleted, then put back.
rm "$module"
wait_for '^screen: This course has problems$'
cp "$work/good.xml" "$module"
wait_for 'showing event-month$'

# 6. An image changed.
cp "$course/template-images/example.png" "$work/example.png"
cp "$work/example.png" "$course/template-images/example.png"
wait_for 'showing event-month$'

# 7. F5 (a key press in the window) loads again.
if command -v xdotool >/dev/null; then
  wid=$(xdotool search --sync --onlyvisible --pid "$player_pid" | head -n1)
  xdotool key --window "$wid" F5
  wait_for '^preview: F5$'
  wait_for 'showing event-month$'
fi

# 8. Idle: no CPU used over two seconds (a busy loop would use ~200 ticks).
sleep 0.5
t0=$(awk '{print $14 + $15}' "/proc/$player_pid/stat")
sleep 2
t1=$(awk '{print $14 + $15}' "/proc/$player_pid/stat")
[ $((t1 - t0)) -le 10 ] || fail "the idle preview used $((t1 - t0)) CPU ticks in 2 s"

# 9. A preview never records: no progress store was created.
[ -e "$work/data" ] && [ -n "$(ls -A "$work/data")" ] && fail "the preview wrote to $work/data"

# 10. It quits cleanly (SIGTERM is a quit request), with nothing leaked or
# misused in a sanitized build.
kill -TERM "$player_pid"
wait "$player_pid"
rc=$?
player_pid=
[ "$rc" -eq 0 ] || fail "the preview exited with status $rc"
grep -q "Sanitizer" "$work/trace" && fail "sanitizer report in the trace"
echo "ok"
