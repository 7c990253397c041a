#!/bin/bash
# End to end in a real kiosk window on a private Xvfb display (xdotool):
# a progress store that cannot be opened makes the player ask, on screen,
# whether to play without saving or quit, and both choices work; a damaged
# store is logged, and the facilitator screen says so.
# Exit 77 (skipped) when Xvfb or xdotool is missing.
# Usage: store_xvfb.sh PLAYER TEST_DATA_DIR
set -u
player=$1
data=$2
work=$(mktemp -d)
xvfb_pid= player_pid=
cleanup() {
  [ -n "$player_pid" ] && kill "$player_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- log and screen trace:"; grep -v '^target' "$work/trace" 2>/dev/null | tail -n 30
  exit 1
}

for tool in Xvfb xdotool; do
  command -v $tool >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
. "$(dirname "$0")/../lib/xvfb.sh"
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"

# start DATA_DIR: the player in kiosk mode, its log and trace in $work/trace.
start() {
  HRC_TRACE_SCREENS=1 "$player" --kiosk --lang en --data-dir "$1" "$data/sdl/course" \
    2>"$work/trace" &
  player_pid=$!
}

# Waits (up to 10 s) for a screen whose title contains $1.
wait_screen() {
  for _ in $(seq 200); do
    grep -q "^screen: .*$1" "$work/trace" && { echo "screen: $1"; return 0; }
    kill -0 "$player_pid" 2>/dev/null || fail "the player exited while waiting for '$1'"
    sleep 0.05
  done
  fail "no screen '$1'"
}

# The targets of the last screen drawn.
last_targets() {
  awk '/^screen: /{delete b; n=0} /^target: /{b[n++]=$0} END{for(i=0;i<n;i++) print b[i]}' \
    "$work/trace"
}

# Clicks with the real mouse on the target of the last screen labelled $1.
click() {
  local t
  for _ in $(seq 100); do
    t=$(last_targets | grep -F -- "$1" | head -n1)
    [ -n "$t" ] && break
    sleep 0.05
  done
  [ -n "$t" ] || fail "no target '$1' on the screen"
  set -- $t
  xdotool mousemove $(($2 + $4 / 2)) $(($3 + $5 / 2)) click 1
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
mkdir -p "$work/bad"
head -c 4096 /dev/urandom >"$work/bad/progress.db"
start "$work/bad"
wait_screen "Welcome"
grep -q "damaged" "$work/trace" || fail "the damaged store is not logged"
ls "$work/bad" | grep -q "progress.db.corrupt-" || fail "the damaged store was not kept"
# The new store has no facilitator PIN, and Ctrl+Alt+F never sets one in a
# kiosk: the facilitator sets it from a terminal, while the kiosk runs.
echo 2468 | "$player" --set-facilitator-pin --data-dir "$work/bad" >/dev/null \
  || fail "could not set the facilitator PIN"
xdotool key ctrl+alt+f
wait_screen "Facilitator"
xdotool type --delay 20 "2468"
xdotool key Return
for _ in $(seq 100); do last_targets | grep -q "Hide the notice" && break; sleep 0.05; done
last_targets | grep -q "Hide the notice" || fail "the facilitator screen does not tell"
echo "facilitator: told about the damaged store"
echo "PASS"
