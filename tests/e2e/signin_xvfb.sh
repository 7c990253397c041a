#!/bin/bash
# End to end, in a real kiosk window on a private Xvfb display, with real
# X keyboard and mouse events (xdotool): a kiosk's sign-in does not list
# its learners; Ada, who has a PIN, signs in by typing the first letters
# of her name, then her PIN; Ben, another learner at the same kiosk,
# cannot open her record: wrong PINs are refused, and after three of them
# even the right one must wait. Exit 77 (skipped) when Xvfb or xdotool is
# missing.
# Usage: signin_xvfb.sh PLAYER TEST_DATA_DIR [SHOTS_DIR]
set -u
player=$1
data=$2
shots=${3:-}
. "$(dirname "$0")/../lib/xvfb.sh"
xvfb_test_begin Xvfb xdotool
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"
export HRC_FAST_PIN_HASH=1 # the store's tests measure the real cost

kiosk() {
  start_player --kiosk --lang en --data-dir "$work/data" "$data/sdl/course"
}
# No screen shown since the last one waited for has this title.
not_shown() {
  sleep "$2"
  tail -n +"$((seen + 1))" "$work/trace" | grep -q "^screen: .*$1" && fail "$3"
  return 0
}

echo 2468 | "$player" --set-facilitator-pin --data-dir "$work/data" >/dev/null ||
  fail "could not set the facilitator PIN"

# Ada and Ben sign up; Ada chooses a PIN (typed twice), Ben does not.
kiosk
wait_screen "Welcome"
click "I am new here"
sleep 0.3
xdotool type --delay 20 "Ada Lovelace"
xdotool key Return
wait_screen "Ada Lovelace"
wait_target "Continue without a PIN"
xdotool type --delay 20 "1357"
xdotool key Return
sleep 0.3
xdotool type --delay 20 "1357"
xdotool key Return
wait_screen "Welcome, Ada Lovelace"
click "Sign out"
wait_screen "Welcome"
click "I am new here"
sleep 0.3
xdotool type --delay 20 "Ben"
xdotool key Return
wait_target "Continue without a PIN"
click "Continue without a PIN"
wait_screen "Welcome, Ben"
stop_player
[ "$player_status" = 0 ] || fail "the player exited with $player_status"

# Nobody is listed; Ada types the start of her name, then her PIN.
kiosk
wait_screen "Welcome"
sleep 0.3
last_targets | grep -q "Ada Lovelace" && fail "the kiosk lists Ada before anyone types"
last_targets | grep -q "Ben" && fail "the kiosk lists Ben before anyone types"
shot 10-nobody-listed
xdotool type --delay 20 "ad"
wait_target "Ada Lovelace"
last_targets | grep -q "Ben" && fail "Ben is found by \"ad\""
shot 20-found
click "Ada Lovelace"
wait_screen "Ada Lovelace"
wait_target "Sign in"
xdotool type --delay 20 "1357"
shot 30-pin
xdotool key Return
wait_screen "Welcome, Ada Lovelace"
echo "Ada signed in with her PIN"
click "Sign out"
wait_screen "Welcome"

# Ben tries to open Ada's record.
sleep 0.3
xdotool type --delay 20 "ada"
wait_target "Ada Lovelace"
click "Ada Lovelace"
wait_target "Sign in"
for pin in 0000 1111 2222; do
  xdotool type --delay 20 "$pin"
  xdotool key Return
  sleep 0.3
done
not_shown "Welcome, Ada" 0.2 "a wrong PIN opened Ada's record"
# Three wrong PINs in a row: each next try waits, 1 s, then 2 s...
sleep 1.6 # past the 1 s wait, with room for a loaded machine
xdotool type --delay 20 "3333"
xdotool key Return
sleep 0.3
shot 40-throttled
# ... and a try during the wait is not even checked, the right PIN too.
xdotool type --delay 10 "1357"
xdotool key Return
not_shown "Welcome, Ada" 0.5 "the right PIN was taken during the wait"
echo "wrong PINs refused; the next try waits"
# Once the wait is over, the right PIN opens it (Ada is back).
sleep 2
for _ in 1 2 3 4; do xdotool key BackSpace; done
xdotool type --delay 20 "1357"
xdotool key Return
wait_screen "Welcome, Ada Lovelace"
stop_player
[ "$player_status" = 0 ] || fail "the player exited with $player_status"
echo "PASS; screenshots in $shots"
