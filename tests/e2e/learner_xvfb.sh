#!/bin/bash
# A learner's walk in a real window on a private Xvfb display (xdotool):
# first by keyboard alone (the focus starts on each screen's main action,
# Enter goes on, Right turns the page), then by pointer alone, dragging an
# ordering answer: the carried item follows the pointer (its tint is under
# the pointer in a screenshot) and lands where it is dropped.
# Exit 77 (skipped) when Xvfb, xdotool or ImageMagick is missing.
# Usage: learner_xvfb.sh PLAYER TEST_DATA_DIR
set -u
player=$1
data=$2
. "$(dirname "$0")/../lib/xvfb.sh"
xvfb_test_begin Xvfb xdotool import convert
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"

# The focused target of the last screen drawn.
focused() { last_targets | grep -E '^target: [0-9-]+ [0-9-]+ [0-9]+ [0-9]+ \*' | head -n1; }

# Presses Tab until the focused target's label holds $1 (at most 40 times).
tab_to() {
  for _ in $(seq 40); do
    focused | grep -qF -- "$1" && return 0
    xdotool key Tab
    sleep 0.08
  done
  fail "Tab never reached '$1'"
}

# Waits until the focused target's label holds $1.
wait_focus() {
  for _ in $(seq 100); do
    focused | grep -qF -- "$1" && { echo "focus: $1"; return 0; }
    sleep 0.05
  done
  fail "the focus is not on '$1' (it is on: $(focused))"
}

# ---- By keyboard alone ----------------------------------------------------
start_player --lang en --data-dir "$work/data" "$data/sdl/course"
wait_screen "Welcome"
tab_to "I am new here"
xdotool key Return
sleep 0.3
xdotool type --delay 20 "Keyboard Kim"
xdotool key Return
wait_target "Continue without a PIN" # a PIN is offered, not required
tab_to "Continue without a PIN"
xdotool key Return
wait_screen "Welcome, Keyboard Kim"
tab_to "Module 1"
xdotool key Return
wait_screen "A small module"
wait_focus "Start"                 # the main action, by keyboard
xdotool key Return
wait_screen "Why cities matter"
wait_focus "Next"
xdotool key Right                  # Right turns the page
wait_screen "Milestones"
xdotool key Next                   # Page Down: the timeline's text is short, so on
wait_screen "A sample city"
xdotool key Return                 # Enter: the main action, Next
wait_screen "Check your understanding"
tab_to "Local governments"
xdotool key Return                 # picked
tab_to "Check answer"
xdotool key Return
wait_target "Next question"
wait_focus "Next question"         # after a check the next action has the focus
xdotool key Return
wait_target "True"
tab_to "True"
xdotool key Return
tab_to "Check answer"
xdotool key Return
wait_focus "See results"
xdotool key Return
wait_target "again" # "Try again", or "Take the quiz again" once passed
stop_player
[ "$player_status" = 0 ] || fail "the player exited with $player_status"

# ---- By pointer alone, with a drag ---------------------------------------
start_player --lang en --data-dir "$work/data2" --goto qo "$data/screens/course"
wait_trace "^id: qo$"
wait_target "Check answer"
# An item's place leads its label: "1." and a no-break space.
nb=$(printf '\302\240')
first=$(last_targets | grep -F " 1.$nb" | head -n1)
third=$(last_targets | grep -F " 3.$nb" | head -n1)
[ -n "$first" ] && [ -n "$third" ] || fail "no ordering items on the screen"
set -- $first; fx=$(($2 + $4 / 2)); fy=$(($3 + $5 / 2)); label=${first#* * * * * }
set -- $third; tx=$(($2 + $4 / 2)); ty=$(($3 + $5 / 2))
xdotool mousemove "$fx" "$fy" mousedown 1
for k in 1 2 3 4 5 6 7 8; do
  xdotool mousemove $((fx + (tx - fx) * k / 8 + 40)) $((fy + (ty - fy) * k / 8))
  sleep 0.05
done
sleep 0.3
import -window root "$shots/dragging.png" 2>/dev/null || fail "no screenshot"
# The carried copy is tinted (the picked colour, #e6eef8) right by the pointer.
px=$(convert "$shots/dragging.png" -format "%[hex:p{$((tx + 40 + 10)),$ty}]" info: 2>/dev/null)
case "$px" in
  E6EEF8*|e6eef8*) echo "drag: the carried item is under the pointer" ;;
  *) fail "no carried item under the pointer (pixel $px)" ;;
esac
xdotool mouseup 1
sleep 0.3
# Dropped on the third place: the item picked up is now third.
for _ in $(seq 60); do
  last_targets | grep -F " 3.$nb" | grep -qF -- "${label#1.$nb}" && break
  sleep 0.05
done
last_targets | grep -F " 3.$nb" | grep -qF -- "${label#1.$nb}" ||
  fail "the dragged item '${label#1.$nb}' did not land third"
echo "drop: '${label#1.$nb}' is third"
click "Check answer"
wait_target "Next question"
stop_player
[ "$player_status" = 0 ] || fail "the player exited with $player_status"
echo "PASS"
