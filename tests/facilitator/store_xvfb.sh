#!/bin/bash
# End to end in a real kiosk window on a private Xvfb display (xdotool):
# a progress store that cannot be opened makes the player ask, on screen,
# whether to play without saving or quit, and both choices work; a damaged
# store is logged, the new one asks for a facilitator PIN before anything
# else (a kiosk's first start), and the facilitator screen says so.
# Exit 77 (skipped) when Xvfb or xdotool is missing.
# Usage: store_xvfb.sh PLAYER TEST_DATA_DIR
set -u
player=$1
data=$2
. "$(dirname "$0")/../lib/xvfb.sh"
xvfb_test_begin Xvfb xdotool
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"

# start DATA_DIR: the player in kiosk mode.
start() {
  start_player --kiosk --lang en --data-dir "$1" "$data/sdl/course"
}

# The data folder lies under a plain file: the store cannot be opened.
echo "not a folder" >"$work/plain"

start "$work/plain/data"
wait_screen "Progress cannot be saved"
grep -q "cannot open the progress store" "$work/trace" || fail "the problem is not logged"
last_targets | grep -q "Settings" && fail "the choice can be gone around"
click "Quit"
for _ in $(seq 100); do kill -0 "$player_pid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$player_pid" 2>/dev/null && fail "Quit did not quit the kiosk"
wait "$player_pid"
status=$?
player_pid=
[ "$status" -eq 0 ] || fail "Quit ended with status $status"
echo "quit: status 0"

start "$work/plain/data"
wait_screen "Progress cannot be saved"
click "Play without saving progress"
wait_screen "Welcome"
click "I am new here"
kill "$player_pid"; wait "$player_pid" 2>/dev/null; player_pid=

# A damaged store: moved aside, logged, told on the facilitator screen.
# The new store has no facilitator PIN: the kiosk asks for one before
# anything else (Ctrl+Alt+F never sets one).
mkdir -p "$work/bad"
head -c 4096 /dev/urandom >"$work/bad/progress.db"
start "$work/bad"
wait_screen "Setting up this kiosk"
grep -q "damaged" "$work/trace" || fail "the damaged store is not logged"
ls "$work/bad" | grep -q "progress.db.corrupt-" || fail "the damaged store was not kept"
xdotool key ctrl+alt+f
sleep 0.3
last_targets | grep -q "Unlock" && fail "Ctrl+Alt+F opened the facilitator screen"
xdotool type --delay 20 "2468"
xdotool key Return
sleep 0.3
xdotool type --delay 20 "2468"
xdotool key Return
wait_target "Start"
click "Start"
wait_screen "Welcome"
xdotool key ctrl+alt+f
wait_screen "Facilitator"
sleep 0.2
xdotool type --delay 20 "2468"
xdotool key Return
for _ in $(seq 100); do last_targets | grep -q "Hide the notice" && break; sleep 0.05; done
last_targets | grep -q "Hide the notice" || fail "the facilitator screen does not tell"
echo "facilitator: told about the damaged store"
echo "PASS"
