#!/bin/bash
# A full disk and a read-only disk, on small tmpfs mounts: clear errors
# with their own exit codes, no crash, nothing acknowledged is lost.
# Needs root (mount); exits 77, which ctest shows as skipped, otherwise.
# Usage: disk.sh DRIVER WORKDIR
set -u
driver=$1 work=$2
if [ "$(id -u)" != 0 ]; then
  echo "SKIPPED: mounting a small tmpfs needs root"
  exit 77
fi
umount "$work/full" "$work/ro" "$work/empty" 2> /dev/null
rm -rf "$work" && mkdir -p "$work/full" "$work/ro" "$work/empty" || exit 1
cleanup() { umount "$work/full" "$work/ro" "$work/empty" 2> /dev/null; }
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
for m in full ro empty; do
  mount -t tmpfs -o size=640k tmpfs "$work/$m" 2> /dev/null || {
    echo "SKIPPED: cannot mount a tmpfs here"; exit 77; }
done

# 1. The disk fills up while answers are recorded.
"$driver" answer "$work/full/store" filler 100000 2048 > "$work/acked" 2> "$work/err"
status=$?
[ "$status" -eq 3 ] || fail "expected exit 3 (disk full), got $status: $(cat "$work/err")"
grep -q "disk full" "$work/err" || fail "no clear message: $(cat "$work/err")"
n=$(wc -l < "$work/acked")
[ "$n" -gt 10 ] || fail "only $n answers before the disk was full"
present=$(sqlite3 "$work/full/store/progress.db" \
  "SELECT count(*) FROM event WHERE verb = 'answered'")
[ "$present" -ge "$n" ] || fail "$n acknowledged, $present present"
[ "$(sqlite3 "$work/full/store/progress.db" "PRAGMA integrity_check")" = ok ] \
  || fail "integrity check after the disk filled up"
ls "$work/full/store"/*.corrupt-* > /dev/null 2>&1 && fail "store moved aside"
echo "full disk: $n answers acknowledged and kept, then 'disk full'"

# 2. A new store on a disk that is already full.
dd if=/dev/zero of="$work/empty/filler" bs=4k 2> /dev/null
"$driver" open "$work/empty/store" > "$work/out" 2>&1
status=$?
grep -q "result=disk full" "$work/out" \
  || fail "opening on a full disk: status $status, $(cat "$work/out")"
echo "new store on a full disk: $(grep message= "$work/out")"

# 3. A read-only disk: writing is refused clearly, reading still works.
"$driver" answer "$work/ro/store" reader 5 > /dev/null || fail "could not prepare"
mount -o remount,ro "$work/ro" || fail "remount read-only"
"$driver" answer "$work/ro/store" reader 1 > /dev/null 2> "$work/err"
status=$?
[ "$status" -eq 4 ] || fail "expected exit 4 (read-only), got $status: $(cat "$work/err")"
grep -q "read-only" "$work/err" || fail "no clear message: $(cat "$work/err")"
"$driver" open-readonly "$work/ro/store" > "$work/out" 2>&1
grep -q "result=ok" "$work/out" || fail "read-only open: $(cat "$work/out")"
echo "read-only disk: $(head -c 200 "$work/err")"
