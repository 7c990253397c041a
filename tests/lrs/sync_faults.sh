#!/bin/bash
# --sync when the network or the LRS misbehave: down at start, down for
# good, answering 500, stopped in the middle of a batch, slow, connections
# cut after some bytes either way. After each, the LRS holds exactly the
# statements of the stores synced so far: nothing lost, nothing twice.
# Usage: sync_faults.sh HRC_PLAYER PROGRESS_DRIVER WORKDIR NODE_DIR
set -u
HRC=$1 DRIVER=$2
source "$(dirname "$0")/lib.sh"
lrs_init "$3" "$4"
lrs_start
stores=()
new_store() { # NAME LEARNERS EVENTS: a store of its own (its own device id)
  seed_store "$work/$1" "$2" "$3"
  stores+=("$work/$1")
}
up=127.0.0.1:$LRS_PORT
midway() { # DATA TOTAL: returns once the running sync has some, not all, acknowledged
  local n
  for _ in $(seq 500); do
    n=$(sqlite3 "$1/progress.db" "SELECT count(*) FROM sync_state" 2> /dev/null)
    [ "${n:-0}" -gt 0 ] && break
    sleep 0.01
  done
  [ "${n:-0}" -gt 0 ] && [ "$n" -lt "$2" ] || fail "not caught in the middle of a sync ($n)"
}

# Down at start: nothing listens on the port; it comes up 1.5 s later,
# while the sync is waiting to try again.
new_store down 5 20
PROXY_PORT_WANTED=$(free_port)
write_conf "http://127.0.0.1:$PROXY_PORT_WANTED/xAPI" k s "tries = 8"
run_sync "$work/down" &
sync_pid=$!
sleep 1.5
proxy_start late --upstream "$up"
wait "$sync_pid" || fail "down at start: $(cat "$work/out" "$work/err")"
grep -qx "Sent 100 statements, 0 pending, 0 refused" "$work/out" || fail "down: $(cat "$work/out")"
check_same "down at start" "${stores[@]}"
proxy_stop late
unset PROXY_PORT_WANTED

# Down for good: the sync gives up after its tries, says why, keeps all pending.
new_store gone 3 10
write_conf "http://127.0.0.1:$(free_port)/xAPI" k s "tries = 2"
run_sync "$work/gone"
[ $? -eq 1 ] || fail "LRS gone: exit status"
grep -qx "Sent 0 statements, 30 pending, 0 refused" "$work/out" || fail "gone: $(cat "$work/out")"
grep -q "could not be reached" "$work/err" || fail "gone: $(cat "$work/err")"
[ "$(sqlite3 "$work/gone/progress.db" "SELECT count(*) FROM sync_state")" = 0 ] ||
  fail "LRS gone: something was marked"

# 500, three times, then fine; then 500 for good.
proxy_start err --upstream "$up" --status 500 --count 3
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" k s "tries = 5" "batch = 10"
sync_ok "$work/gone" "500 three times"
[ "$(grep -c -- "-> 500" "$work/proxy-err.log")" = 3 ] || fail "500: not three of them"
check_same "after 500s" "${stores[@]}"
proxy_stop err
new_store failing 2 10
proxy_start err500 --upstream "$up" --status 500 --count 1000
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" k s "tries = 3"
run_sync "$work/failing"
[ $? -eq 1 ] && grep -q "kept failing (HTTP 500" "$work/err" &&
  grep -q ", 20 pending," "$work/out" || fail "500 for good: $(cat "$work/out" "$work/err")"
proxy_stop err500

# Slow: answers in 0.3 s are fine; two that take longer than the timeout
# are given up and sent again, though the LRS stored them meanwhile.
proxy_start slow --upstream "$up" --delay 0.3
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" k s "batch = 10"
sync_ok "$work/failing" "slow LRS"
proxy_stop slow
new_store late 4 10
proxy_start slower --upstream "$up" --delay 2.5 --slow 2
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" k s "batch = 10" "timeout = 1" "tries = 4"
sync_ok "$work/late" "LRS slower than the timeout"
sleep 2 # the delayed requests reach the LRS after the sync moved on
check_same "slow LRS" "${stores[@]}"
proxy_stop slower

# Connections cut after some bytes: of the request (the LRS never sees all
# of it), and of the answer (the LRS stored the batch; the player never
# hears so). Three connections are cut each time.
for way in request response; do
  new_store "cut-$way" 6 25
  proxy_start "cut$way" --tcp --upstream "$up" --cut-$way 7000 --cuts 3
  write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" k s "batch = 20" "tries = 6"
  sync_ok "$work/cut-$way" "connections cut in the $way"
  [ "$(grep -c "to be cut" "$work/proxy-cut$way.log")" = 3 ] || fail "cut: not 3 connections"
  check_same "cut $way" "${stores[@]}"
  proxy_stop "cut$way"
done

# Stopped in the middle of a batch: the LRS freezes (SIGSTOP) while a sync
# runs, requests time out and are tried again; it comes back 3 s later.
new_store frozen 10 60
write_conf "$LRS_URL" k s "batch = 20" "timeout = 1" "tries = 8"
run_sync "$work/frozen" &
sync_pid=$!
midway "$work/frozen" 600
kill -STOP "$lrs_pid"
sleep 2
kill -CONT "$lrs_pid"
wait "$sync_pid" || fail "frozen LRS: $(cat "$work/out" "$work/err")"
grep -q ", 0 pending, 0 refused$" "$work/out" || fail "frozen: $(cat "$work/out")"
check_same "LRS stopped in the middle" "${stores[@]}"

# The way to the LRS dies in the middle of a batch (the proxy is killed)
# and comes back on the same port a second later.
new_store killed 10 60
PROXY_PORT_WANTED=$(free_port)
proxy_start relay1 --tcp --upstream "$up" --cuts 0
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" k s "batch = 20" "tries = 8"
run_sync "$work/killed" &
sync_pid=$!
midway "$work/killed" 600
kill -9 "$proxy_pid_relay1"
wait "$proxy_pid_relay1" 2> /dev/null
sleep 1
proxy_start relay2 --tcp --upstream "$up" --cuts 0
wait "$sync_pid" || fail "relay killed: $(cat "$work/out" "$work/err")"
grep -q ", 0 pending, 0 refused$" "$work/out" || fail "relay: $(cat "$work/out")"
check_same "way to the LRS killed" "${stores[@]}"
echo "down, gone, 500, slow, cut, frozen, relay killed: the LRS holds each statement once"
