#!/bin/bash
# Kills a driver that records answers with SIGKILL at random moments, again
# and again; then every answer it acknowledged must be in the store, and
# the store must pass SQLite's integrity check without being moved aside.
# Usage: crash.sh DRIVER WORKDIR ITERATIONS
set -u
driver=$1 work=$2 iterations=$3
rm -rf "$work" && mkdir -p "$work" || exit 1
store=$work/store
acked=$work/acked
: > "$acked"
# How long the driver takes to acknowledge its first answer here (a
# sanitized build on a busy machine takes far longer than a plain one):
# the kills then land anywhere from the start to 80 ms past that.
first_ack_ms() {
  local t0 t pid
  t0=$(date +%s%N)
  "$driver" answer "$store" crash 0 > "$work/out" 2> /dev/null &
  pid=$!
  for _ in $(seq 400); do
    grep -q -x '[0-9][0-9]*' "$work/out" && break
    sleep 0.005
  done
  t=$(( ($(date +%s%N) - t0) / 1000000 ))
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  grep -x '[0-9][0-9]*' "$work/out" >> "$acked"
  echo "$t"
}
start_ms=0
for _ in 1 2 3; do
  t=$(first_ack_ms)
  [ "$t" -gt "$start_ms" ] && start_ms=$t
done
window=$((start_ms + 80))
for ((i = 0; i < iterations; i++)); do
  "$driver" answer "$store" crash 0 > "$work/out" 2> "$work/err" &
  pid=$!
  # Some kills land while opening, most while writing.
  ms=$((RANDOM % window))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  # Only whole lines are acknowledgements.
  grep -x '[0-9][0-9]*' "$work/out" >> "$acked"
  if grep -q . "$work/err"; then
    echo "driver complained on iteration $i:" >&2
    cat "$work/err" >&2
    exit 1
  fi
done

n_acked=$(sort -u "$acked" | wc -l)
if [ "$n_acked" -lt 100 ]; then
  echo "only $n_acked answers acknowledged in $iterations runs: the test proves too little" >&2
  exit 1
fi
if ls "$store"/progress.db.corrupt-* > /dev/null 2>&1; then
  echo "the store was found damaged and moved aside" >&2
  exit 1
fi
check=$(sqlite3 "$store/progress.db" "PRAGMA integrity_check")
if [ "$check" != ok ]; then
  echo "integrity_check: $check" >&2
  exit 1
fi
sqlite3 "$store/progress.db" "SELECT seq FROM event WHERE verb = 'answered'" \
  | sort -u > "$work/present"
missing=$(sort -u "$acked" | comm -23 - "$work/present" | wc -l)
if [ "$missing" -ne 0 ]; then
  echo "$missing acknowledged answers are missing, for example:" >&2
  sort -u "$acked" | comm -23 - "$work/present" | head >&2
  exit 1
fi
# The driver must also open the store cleanly afterwards.
"$driver" open "$store" | grep -q "result=ok status=$" || {
  echo "reopening after the crashes was not clean" >&2; exit 1; }
echo "$iterations kills within $window ms of the start, $n_acked acknowledged answers, all present, integrity ok"
