#!/bin/bash
# 100 times, the player is killed (SIGKILL) at a random moment of a sync:
# in a request, between the LRS's answer and the record of it, in the
# store's commit. In the end the LRS holds exactly the store's statements,
# each once, and the store has an acknowledgement for every one.
# Usage: sync_kill.sh HRC_PLAYER PROGRESS_DRIVER WORKDIR NODE_DIR
# (KILLS in the environment: how many; 100 by default)
set -u
HRC=$1 DRIVER=$2 kills=${KILLS:-100}
[[ $kills =~ ^[1-9][0-9]*$ ]] || { echo "KILLS must be a number" >&2; exit 2; }
source "$(dirname "$0")/lib.sh"
lrs_init "$3" "$4"
lrs_start
d=$work/kiosk
seed_store "$d" 20 50
write_conf "$LRS_URL" k s "batch = 10"
pending() {
  sqlite3 "$d/progress.db" "SELECT (SELECT count(*) FROM event) -
                                   (SELECT count(*) FROM sync_state)"
}
during=0
for i in $(seq "$kills"); do
  # Always something left to send, so that every kill lands in a sync.
  [ "$(pending)" -ge 400 ] || seed_store "$d" 10 50
  "$HRC" --sync --data-dir "$d" > /dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.03 + r / 32767 * 0.42 }')"
  kill -0 "$pid" 2> /dev/null && during=$((during + 1))
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
done
[ "$during" -ge $((kills * 9 / 10)) ] || fail "only $during of $kills kills hit a running sync"
n=$(sqlite3 "$d/progress.db" "SELECT count(*) FROM event")
sync_ok "$d" "after $kills kills"
check_same "after $kills kills" "$d"
[ "$(unacknowledged "$d")" = 0 ] || fail "statements without an acknowledgement"
echo "$kills kills ($during during a sync): the LRS holds the $n statements once each"
