#!/bin/bash
# Two processes record into one store at the same time; neither fails,
# every answer of both is there.
# Usage: two_processes.sh DRIVER WORKDIR
set -u
driver=$1 work=$2
rm -rf "$work" && mkdir -p "$work" || exit 1
store=$work/store
"$driver" open "$store" > /dev/null || exit 1
"$driver" answer "$store" first 150 > "$work/a" 2> "$work/a.err" &
a=$!
"$driver" answer "$store" second 150 > "$work/b" 2> "$work/b.err" &
b=$!
wait "$a"; sa=$?
wait "$b"; sb=$?
if [ "$sa" -ne 0 ] || [ "$sb" -ne 0 ]; then
  echo "a writer failed ($sa, $sb):" >&2
  cat "$work/a.err" "$work/b.err" >&2
  exit 1
fi
count=$(sqlite3 "$store/progress.db" "SELECT count(*) FROM event WHERE verb = 'answered'")
distinct=$(cat "$work/a" "$work/b" | sort -u | wc -l)
if [ "$count" -ne 300 ] || [ "$distinct" -ne 300 ]; then
  echo "expected 300 answers with 300 distinct sequence numbers: $count, $distinct" >&2
  exit 1
fi
[ "$(sqlite3 "$store/progress.db" "PRAGMA integrity_check")" = ok ] || exit 1
echo "two writers, 300 answers, no conflict"
