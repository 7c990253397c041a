#!/bin/bash
# Presenter mode end to end, in a real window on a private Xvfb display,
# driven as a presentation remote drives it (xdotool keys: Page Down, Page
# Up, B and '.', Escape) on a store seeded with a class (class_seed): the
# window fills the display; the questions come in the order of
# --item-stats (hardest first); each goes question -> answer -> the room's
# answers; B blanks the screen to black (a screenshot says so) and back;
# Escape asks, Escape again quits with status 0. Then --render --present
# writes every step of every question. The command line's refusals too.
# Exit 77 (skipped) when Xvfb, xdotool or ImageMagick is missing.
# Usage: present_xvfb.sh PLAYER CLASS_SEED COURSE [SHOTS_DIR]
set -u
player=$1
seed=$2
course=$3
shots=${4:-}
. "$(dirname "$0")/../lib/xvfb.sh"
xvfb_test_begin Xvfb xdotool xwininfo import identify python3
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"
export HRC_FAST_PIN_HASH=1 LANGUAGE=en

group="Rouen, 12 March"
CLASS_SEED_BULK=1 "$seed" "$course" "$work/store" 22 "$group" >/dev/null ||
  fail "class_seed failed"
# The order to expect: the item statistics' (its last column is the id).
"$player" --item-stats "$work/items.csv" --group "$group" --data-dir "$work/store" \
  "$course" 2>/dev/null || fail "--item-stats failed"
mapfile -t order < <(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
for r in rows[1:]:
    print(r[-1])' "$work/items.csv")
[ "${#order[@]}" -ge 3 ] || fail "too few questions in the statistics: ${#order[@]}"
echo "${#order[@]} questions, hardest first: ${order[0]}, ${order[1]}, ${order[2]}..."

# The id of the last frame traced.
last_id() { grep '^id: ' "$work/trace" | tail -n1 | cut -c5-; }

start_player --present --group "$group" --data-dir "$work/store" --lang en "$course"
wait_trace "^id: ${order[0]}$"
wait_target "Reveal the answer"
geometry=$(xwininfo -root -tree | grep -o '"HRC Player": .*' | grep -oE '[0-9]+x[0-9]+\+[0-9]+\+[0-9]+')
[ "$geometry" = "1280x800+0+0" ] || fail "the window does not fill the display: $geometry"
grep -q "^target: .*Quit$" <(last_targets) || fail "no Quit in the bar"
shot 10-question

xdotool key Next
wait_target "Show how the room answered"
[ "$(last_id)" = "${order[0]}" ] || fail "Page Down left the question"
shot 20-answer
xdotool key Next
wait_target "Next question"
shot 30-room

# B: black, nothing to read, a tap shows it again.
xdotool key b
wait_target "Show the screen again"
sleep 0.3
import -window root "$work/blank.png" 2>/dev/null || fail "no screenshot"
[ "$(identify -format '%[fx:maxima]' "$work/blank.png")" = "0" ] ||
  fail "the blank screen is not black"
[ -n "$shots" ] && cp "$work/blank.png" "$shots/40-blank.png"
echo "blank: black"
xdotool key b
wait_target "Next question"
[ "$(last_id)" = "${order[0]}" ] || fail "B moved on"

# Page Up: one step back; then on to the second question.
xdotool key Prior
wait_target "Show how the room answered"
xdotool key Next Next
wait_trace "^id: ${order[1]}$"
wait_target "Reveal the answer"
shot 50-second

# '.', as some remotes send: blank; Page Up shows the slide again, no step.
xdotool key period
wait_target "Show the screen again"
xdotool key Prior
wait_target "Reveal the answer"
[ "$(last_id)" = "${order[1]}" ] || fail "Page Up on the blank screen stepped back"

# Escape asks; any other key stays; Escape twice quits.
xdotool key Escape
wait_target "Stay"
xdotool key Next # stays, and does not step on
wait_target "Reveal the answer"
last_targets | grep -q "Stay" && fail "Page Down did not answer the question"
xdotool key Escape
wait_target "Stay"
xdotool key Escape
for _ in $(seq 100); do kill -0 "$player_pid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$player_pid" 2>/dev/null && fail "Escape twice did not quit"
wait "$player_pid"
status=$?
player_pid=
[ "$status" -eq 0 ] || fail "presenter mode ended with status $status"
echo "quit: status 0"

# --render --present: every step of every question, the end, the blank.
"$player" --render "$work/render" --present --group "$group" --data-dir "$work/store" \
  --size 1280x800 --lang fr "$course" 2>"$work/render.log" || fail "--render --present failed"
n=$(ls "$work/render" | grep -c '\.png$')
[ "$n" -eq $((3 * ${#order[@]} + 2)) ] || fail "--render --present wrote $n images"
ls "$work/render" | grep -q "present-001-${order[0]}-room.png" || fail "no room's answers image"
echo "render: $n images"

# Refusals: a kiosk, an unknown group, no store.
"$player" --present --kiosk "$course" 2>/dev/null
[ $? -eq 2 ] || fail "--present --kiosk was not refused"
"$player" --present --group "Nobody" --data-dir "$work/store" "$course" 2>"$work/err"
[ $? -eq 1 ] && grep -q 'no group is called "Nobody"' "$work/err" ||
  fail "an unknown group was not refused: $(cat "$work/err")"
"$player" --present --data-dir "$work/none" "$course" 2>"$work/err"
[ $? -eq 1 ] && grep -q "no progress has been recorded" "$work/err" ||
  fail "a missing store was not said: $(cat "$work/err")"
echo "PASS"
