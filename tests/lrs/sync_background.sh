#!/bin/bash
# The sync in the background while playing (io/lrs_worker.h):
# - through lrs_driver, which records and pokes as the player does: a sync
#   at start, one after each finished module, one every `interval`; the
#   status shows what waits and the last error; stopping it in the middle
#   of a request to a frozen LRS takes well under a second;
# - the real player in a window (Xvfb, xdotool; that part is skipped
#   without them): it sends what waits at start, sends a module's
#   statements when the learner leaves it, and quits at once on SIGTERM
#   even while a sync hangs.
# Usage: sync_background.sh HRC_PLAYER PROGRESS_DRIVER WORKDIR NODE_DIR LRS_DRIVER TEST_DATA
set -u
HRC=$1 DRIVER=$2 LRS_DRIVER=$5 test_data=$6
source "$(dirname "$0")/lib.sh"
lrs_init "$3" "$4"
lrs_start
lrs_count() { lrs_ids | wc -l; }

d=$work/kiosk
seed_store "$d" 3 20
write_conf "$LRS_URL" k s "interval = 10" "timeout = 1" "tries = 2" "batch = 20"
coproc DRV { "$LRS_DRIVER" worker "$d" 2> "$work/driver.err"; }
ask() { # COMMAND: its answer line in $answer (no subshell: it holds the coprocess)
  echo "$1" >&"${DRV[1]}"
  read -r -t 60 answer <&"${DRV[0]}" ||
    fail "lrs_driver: no answer to '$1': $(cat "$work/driver.err")"
}
ask "wait 20"
[ "$answer" = "synced runs=1" ] || fail "no sync at start: $answer"
check_same "at start" "$d"
# A finished module pokes the worker: synced at once, not at the interval.
ask "record 6"
ask "wait 5"
[[ $answer == synced* ]] || fail "no sync after a finished module: $answer"
check_same "after a module" "$d"
# Events from another process poke nobody: the interval (10 s) picks them up.
"$DRIVER" answer "$d" "Other" 3 > /dev/null || fail "answering"
n=$(sqlite3 "$d/progress.db" "SELECT count(*) FROM event")
for _ in $(seq 150); do
  [ "$(lrs_count)" = "$n" ] && break
  sleep 0.1
done
check_same "at the interval" "$d"
# A frozen LRS: the sync fails after its tries; the status says so.
kill -STOP "$lrs_pid"
ask "record 4"
ask "next 20"
[[ $answer == *"pending=4 "*"error=the LRS could not be reached"* ]] ||
  fail "status with a frozen LRS: $answer"
# Another module while it is frozen: the sync hangs in its request, and
# stopping takes well under a second.
ask "record 4"
sleep 0.4
ask status
[[ $answer == *"syncing=1"* ]] || fail "not syncing when stopped: $answer"
ask stop
ms=${answer#stopped }
[ "$ms" -lt 500 ] || fail "stopping the worker took $ms ms"
kill -CONT "$lrs_pid"
wait "$DRV_PID" || fail "lrs_driver failed"
sync_ok "$d" "the rest, by --sync"
check_same "after the worker" "$d"
echo "background: at start, after a module, at the interval; error shown; stopped in $ms ms"

# The player itself, in a window.
for tool in Xvfb xdotool; do
  command -v $tool > /dev/null || { echo "SKIP: $tool is not installed"; exit 0; }
done
. "$here/../lib/xvfb.sh"
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"
lib_pids+=("$xvfb_pid")
p=$work/player
seed_store "$p" 2 15
write_conf "$LRS_URL" k s "interval = 3600" "timeout = 2"
HRC_TRACE_SCREENS=1 "$HRC" --lang en --data-dir "$p" "$test_data/sdl/course" \
  2> "$work/trace" &
player_pid=$!
lib_pids+=("$player_pid")
wait_synced() { # WHAT: the LRS holds all of the store within 10 s
  for _ in $(seq 100); do
    [ "$(lrs_count)" = "$(( $(store_count) + before ))" ] && return 0
    sleep 0.1
  done
  fail "$1: the LRS holds $(lrs_count), expected $(( $(store_count) + before ))"
}
store_count() { sqlite3 "$p/progress.db" "SELECT count(*) FROM event"; }
before=$(sqlite3 "$d/progress.db" "SELECT count(*) FROM event")
wait_synced "player at start"
click "I am new here"
sleep 0.3
xdotool type --delay 20 "Ada"
xdotool key Return
wait_target "Continue without a PIN" # a PIN is offered, not required
click "Continue without a PIN"
wait_screen "Welcome, Ada"
xdotool key Tab
click "Module 1"
wait_screen "A small module"
n0=$(store_count)
xdotool key Escape # leaving the module ends its session: the worker is poked
wait_screen "Welcome, Ada"
for _ in $(seq 100); do [ "$(store_count)" -gt "$n0" ] && break; sleep 0.05; done
wait_synced "after leaving a module"
# Quitting while a sync hangs on a frozen LRS.
kill -STOP "$lrs_pid"
click "Module 1"
wait_screen "A small module"
xdotool key Escape
sleep 0.5
t0=$(date +%s%N)
kill -TERM "$player_pid"
wait "$player_pid"
rc=$?
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
kill -CONT "$lrs_pid"
[ "$rc" = 0 ] || fail "the player exited with $rc"
[ "$ms" -lt 1500 ] || fail "the player took $ms ms to quit while a sync hung"
sync_ok "$p" "the player's rest, by --sync"
echo "player: synced at start and after a module; quit in $ms ms during a hung sync"
