#!/bin/bash
# A full disk and a read-only disk, on small tmpfs mounts: clear errors
# with their own exit codes, no crash, nothing acknowledged is lost; an
# export onto a full disk leaves the earlier export as it was.
# Needs root (mount); exits 77, which ctest shows as skipped, otherwise.
# Usage: disk.sh DRIVER WORKDIR [HRC_PLAYER]
set -u
driver=$1 work=$2 hrc=${3:-}
if [ "$(id -u)" != 0 ]; then
  echo "SKIPPED: mounting a small tmpfs needs root"
  exit 77
fi
mounts="full ro empty exp"
for m in $mounts; do umount "$work/$m" 2> /dev/null; done
rm -rf "$work" && mkdir -p "$work/full" "$work/ro" "$work/empty" "$work/exp" || exit 1
cleanup() { for m in $mounts; do umount "$work/$m" 2> /dev/null; done; }
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
for m in $mounts; do
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

# 4. An export onto a disk that fills up: the earlier export (and its
#    signature) stay as they were, and no temporary file is left.
if [ -n "$hrc" ]; then
  export HRC_FAST_PIN_HASH=1
  "$driver" seed "$work/exp-store" 8 3 6 || fail "seeding for the export"
  for f in out.json out.csv; do
    "$hrc" --export "$work/exp/$f" --data-dir "$work/exp-store" > /dev/null \
      || fail "first export of $f"
  done
  before=$(cd "$work/exp" && sha256sum out.json out.json.sig out.csv)
  "$driver" seed "$work/exp-store" 8 3 6 || fail "seeding more"
  dd if=/dev/zero of="$work/exp/filler" bs=4k 2> /dev/null
  for f in out.json out.csv; do
    "$hrc" --export "$work/exp/$f" --data-dir "$work/exp-store" > /dev/null 2> "$work/err"
    status=$?
    [ "$status" -eq 1 ] || fail "export of $f onto a full disk: status $status"
    grep -q "disk is full" "$work/err" || fail "no clear message: $(cat "$work/err")"
  done
  [ "$(cd "$work/exp" && sha256sum out.json out.json.sig out.csv)" = "$before" ] \
    || fail "the earlier export was changed"
  ls -A "$work/exp" | grep -q '^\.' && fail "a temporary file was left: $(ls -A "$work/exp")"
  echo "export onto a full disk: refused, the earlier files are unchanged"
fi
