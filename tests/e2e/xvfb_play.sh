#!/bin/bash
# End to end, in a real window on a private Xvfb display, driven by real
# X keyboard and mouse events (xdotool): sign in as a new learner, read a
# page, open the timeline and the case study, answer the quiz, see the
# results. The player's screen trace (HRC_TRACE_SCREENS=1) says where
# each button is and which screen is showing; screenshots are kept for a
# person to look at. Then kiosk mode: full screen, left only through
# Ctrl+Alt+F and the facilitator PIN. Exit 77 (skipped) when Xvfb or xdotool is missing.
# Usage: xvfb_play.sh PLAYER TEST_DATA_DIR [SHOTS_DIR]
set -u
player=$1
data=$2
shots=${3:-}
. "$(dirname "$0")/../lib/xvfb.sh"
xvfb_test_begin Xvfb xdotool
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"

start_player --lang en --data-dir "$work/data" "$data/sdl/course"

start=$(date +%s)
wait_screen "Welcome"
shot 10-sign-in
click "I am new here"
sleep 0.3
xdotool type --delay 20 "Ada Lovelace"
xdotool key Return
wait_target "Continue without a PIN" # a PIN is offered, not required
click "Continue without a PIN"
wait_screen "Welcome, Ada Lovelace"
shot 20-home
xdotool key Tab
click "Module 1"
wait_screen "A small module"
shot 30-contents
click "Why cities matter"
wait_screen "Why cities matter"
shot 40-page
xdotool key Escape
wait_screen "A small module"
click "Milestones"
wait_screen "Milestones"
shot 50-timeline
xdotool key Escape
wait_screen "A small module"
click "A sample city"
wait_screen "A sample city"
shot 60-case
xdotool key Escape
wait_screen "A small module"
click "Check your understanding"
wait_screen "Check your understanding"
shot 70-question
click "Local governments"
click "Check answer"
wait_target "Next question"
shot 75-answered
click "Next question"
wait_target "True"
xdotool key Tab
click "True"
click "Check answer"
wait_target "See results"
click "See results"
wait_target "again" # "Try again", or "Take the quiz again" once passed
shot 80-results
# What the app said it showed, in order (ids from the course file).
ids=$(grep '^id: ' "$work/trace" | uniq | tr '\n' ' ')
echo "$ids" | grep -q 'id: intro .*id: history .*id: sample-city .*id: q1 .*id: q2 ' ||
  fail "screens shown out of order: $ids"

# systemctl stop sends SIGTERM: the player ends at once, and cleanly.
stop_player
[ "$player_status" = 0 ] || fail "the player exited with $player_status on SIGTERM"

# Kiosk: full screen whatever --size says; Ctrl+Alt+F and a PIN leave it.
# The kiosk's facilitator PIN is set up first (Ctrl+Alt+F never sets one).
echo 2468 | "$player" --set-facilitator-pin --data-dir "$work/data" >/dev/null ||
  fail "could not set the facilitator PIN"
start_player --kiosk --size 800x600 --lang en --data-dir "$work/data" "$data/sdl/course"
wait_screen "Welcome"
geometry=$(xdotool search --sync --classname hrc-player getwindowgeometry --shell | grep -E '^(WIDTH|HEIGHT)=' | tr '\n' ' ')
[ "$geometry" = "WIDTH=1280 HEIGHT=800 " ] || fail "kiosk window is not full screen: $geometry"
shot 90-kiosk
xdotool key ctrl+alt+f
wait_screen "Facilitator"
sleep 0.2
xdotool type --delay 20 "2468"
xdotool key Return
wait_target "Kiosk settings"
shot 95-facilitator
click "Kiosk settings"
wait_target "Leave kiosk mode"
click "Leave kiosk mode"
for _ in $(seq 100); do
  geometry=$(xdotool search --classname hrc-player getwindowgeometry --shell | grep -E '^(WIDTH|HEIGHT)=' | tr '\n' ' ')
  [ "$geometry" = "WIDTH=800 HEIGHT=600 " ] && break
  sleep 0.05
done
[ "$geometry" = "WIDTH=800 HEIGHT=600 " ] || fail "still full screen after leaving kiosk mode: $geometry"
echo "PASS in $(($(date +%s) - start)) s; screenshots in $shots"
