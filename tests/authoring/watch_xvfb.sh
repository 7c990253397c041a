#!/bin/bash
# hrc-player --watch in a real window on a private Xvfb display: edits to
# the module (written in place or renamed over it), to an image, a broken
# save and a deleted module each reload the preview, which stays on the
# same event; while broken it shows the problems, and new warnings until
# Escape (F6 shows them again). F5 reloads. The progress
# store is never created, and an idle preview uses no CPU.
# Exit 77 (skipped) when Xvfb is missing.
# Usage: watch_xvfb.sh PLAYER COURSES_DIR   (uses COURSES_DIR/template.xml)
set -u
player=$1
courses=$2
. "$(dirname "$0")/../lib/xvfb.sh"
xvfb_test_begin Xvfb

course="$work/course"
mkdir -p "$course"
cp "$courses/template.xml" "$course/"
cp -r "$courses/template-images" "$course/"
module="$course/template.xml"
cp "$module" "$work/good.xml"

start_xvfb 1024x700 "$work/xvfb.log" || fail "Xvfb did not start"

start_player --lang en --size 960x640 --data-dir "$work/data" --watch "$course" \
  --goto event-month
# Saves like editors that write a new file and rename it over the old one.
save_by_rename() { cp "$1" "$course/.template.xml.new" && mv "$course/.template.xml.new" "$module"; }

wait_trace '^screen: A month$'

# 1. An edit written in place.
sed -i 's|<headline>A month</headline>|<headline>A month, edited</headline>|' "$module"
wait_trace 'preview: reloaded .*, showing event-month$'
wait_trace '^screen: A month, edited$'

# 2. Saved by renaming a new file over the module.
sed 's|<headline>A month</headline>|<headline>A month, renamed over</headline>|' \
  "$work/good.xml" >"$work/renamed.xml"
save_by_rename "$work/renamed.xml"
wait_trace '^screen: A month, renamed over$'

# 3. A save caught halfway: the problems, then back on the event once fixed.
head -c 3000 "$work/good.xml" >"$module"
wait_trace 'template.xml:[0-9]*:[0-9]*: error:'
wait_trace '^screen: This course has problems$'
command -v import >/dev/null && import -window root "$work/problems.png" 2>/dev/null
save_by_rename "$work/good.xml"
wait_trace 'showing event-month$'
wait_trace '^screen: A month$'

# 4. Binary garbage and an empty file never crash it.
printf '\x00\xff\xfe<\x01' >"$module"
wait_trace '^screen: This course has problems$'
: >"$module"
wait_trace 'error: the file is empty'
cp "$work/good.xml" "$module"
wait_trace '^screen: A month$'

# 5. The module deleted, then put back.
rm "$module"
wait_trace '^screen: This course has problems$'
cp "$work/good.xml" "$module"
wait_trace 'showing event-month$'

# 6. An image changed.
cp "$course/template-images/example.png" "$work/example.png"
cp "$work/example.png" "$course/template-images/example.png"
wait_trace 'showing event-month$'

# 7. F5 (a key press in the window) loads again.
if command -v xdotool >/dev/null; then
  wid=$(xdotool search --sync --onlyvisible --pid "$player_pid" | head -n1)
  xdotool key --window "$wid" F5
  wait_trace '^preview: F5$'
  wait_trace 'showing event-month$'

  # 7b. New warnings are shown over the course; Escape shows the course, F6
  # the warnings again; the same warnings after another edit stay hidden.
  sed 's/languages="en fr"/languages="en fr es"/' "$work/good.xml" >"$work/warn.xml"
  save_by_rename "$work/warn.xml"
  wait_trace 'warning: <title> lacks a translation: es'
  wait_trace '^screen: This course has warnings$'
  xdotool key --window "$wid" Escape
  wait_trace '^preview: warnings dismissed$'
  wait_trace '^screen: A month$'
  xdotool key --window "$wid" F6
  wait_trace '^screen: This course has warnings$'
  xdotool key --window "$wid" F6
  wait_trace '^screen: A month$'
  sed -i 's|<headline>A month</headline>|<headline>A month, warned</headline>|' "$module"
  wait_trace '^screen: A month, warned$'
  save_by_rename "$work/good.xml"
  wait_trace '^screen: A month$'
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
stop_player
[ "$player_status" -eq 0 ] || fail "the preview exited with status $player_status"
grep -q "Sanitizer" "$work/trace" && fail "sanitizer report in the trace"
echo "ok"
