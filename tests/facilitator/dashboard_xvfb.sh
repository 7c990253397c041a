#!/bin/bash
# End to end, in a real kiosk window on a private 1920x1080 Xvfb display,
# with real X keyboard and mouse events (xdotool): a class of 30 seeded by
# class_seed in "Rouen, 12 March"; the trainer opens the facilitator screen
# (Ctrl+Alt+F), types the PIN and sees the class dashboard; then, by
# keyboard alone, opens a learner (Tab to a row, Down, Enter) and resets a
# module's attempts (Tab to its reset, Enter, Tab past Cancel, Enter);
# then, by pointer alone, opens another learner and resets a module. The
# store holds the two reset events, each for the learner and module
# chosen. Exit 77 (skipped) when Xvfb, xdotool or sqlite3 is missing.
# Usage: dashboard_xvfb.sh PLAYER CLASS_SEED COURSE_DIR [SHOTS_DIR]
set -u
player=$1
seed=$2
course=$3
shots=${4:-}
. "$(dirname "$0")/../lib/xvfb.sh"
xvfb_test_begin Xvfb xdotool sqlite3
start_xvfb 1920x1080 "$work/xvfb.log" || fail "Xvfb did not start"
export HRC_FAST_PIN_HASH=1 # the store's tests measure the real cost

"$seed" "$course" "$work/data" 30 "Rouen, 12 March" >/dev/null || fail "class_seed failed"
echo 2468 | "$player" --set-facilitator-pin --data-dir "$work/data" >/dev/null ||
  fail "could not set the facilitator PIN"

# The focused target of the last screen drawn (its label).
focused() {
  last_targets | awk '$6 ~ /^\*/ {sub(/^target: [-0-9]+ [-0-9]+ [-0-9]+ [-0-9]+ \*/, ""); print}'
}
# Tab until the focused target's label holds $1.
tab_to() {
  for _ in $(seq 150); do
    focused | grep -qF -- "$1" && { echo "focused: $1"; return 0; }
    xdotool key Tab
    sleep 0.05
  done
  fail "Tab never reached '$1'"
}
resets() {
  sqlite3 "$work/data/progress.db" \
    "SELECT count(*) FROM event e JOIN learner l ON l.id = e.learner_id
     WHERE e.verb = 'reset' AND l.name = '$1' AND e.module_id = '$2'"
}

start_player --kiosk --lang en --data-dir "$work/data" "$course"
wait_screen "Welcome"
xdotool key ctrl+alt+f
wait_screen "Facilitator"
sleep 0.3
xdotool type --delay 20 "2468"
xdotool key Return
wait_screen "Class"
wait_target "Kiosk settings"
last_targets | grep -q "; Module 1: " || fail "the dashboard shows no learner's row"
rows=$(last_targets | grep -c "; Module 1: ")
[ "$rows" -ge 10 ] || fail "only $rows rows of the class are on screen"
shot 10-dashboard
echo "the dashboard shows $rows rows at 1920x1080"

# By keyboard: the first row, Down to the second, Enter.
tab_to "; Module 1: "
xdotool key Down
sleep 0.2
first=$(focused | sed 's/; Module 1: .*//')
[ -n "$first" ] || fail "no row has the focus after Down"
xdotool key Return
wait_screen "$first"
wait_target "Merge with another profile"
shot 20-learner
tab_to "Reset the attempts of module 2"
xdotool key Return
wait_target "Cancel"
sleep 0.2
focused | grep -qx "Cancel" || fail "the reset's question does not start on Cancel"
tab_to "Reset the attempts"
focused | grep -qx "Reset the attempts" || fail "Tab did not reach the confirmation"
shot 30-reset-asked
xdotool key Return
sleep 0.5
[ "$(resets "$first" hrc-key-steps)" = 1 ] || fail "no reset of module 2 recorded for $first"
echo "$first: module 2 reset by keyboard"

# By pointer: back to the class, another learner, module 1.
xdotool key Escape
wait_screen "Class"
sleep 0.3
second=$(last_targets | grep "; Module 1: completed" | grep -vF "$first;" | head -n1 |
         sed 's/^target: [-0-9]* [-0-9]* [-0-9]* [-0-9]* \*\{0,1\}//; s/; Module 1: .*//')
[ -n "$second" ] || fail "no learner who completed module 1 on screen"
click "$second; Module 1"
wait_screen "$second"
click "Reset the attempts of module 1"
wait_target "Cancel"
shot 40-reset-asked-pointer
click "Reset the attempts"
sleep 0.5
[ "$(resets "$second" hrc-what-is-a-human-rights-city)" = 1 ] ||
  fail "no reset of module 1 recorded for $second"
[ "$(resets "$first" hrc-what-is-a-human-rights-city)" = 0 ] || fail "$first's module 1 reset too"
echo "$second: module 1 reset by pointer"
click "Lock"
wait_screen "Welcome"
stop_player
echo "dashboard: keyboard and pointer resets recorded"
