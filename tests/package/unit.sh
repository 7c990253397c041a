#!/bin/bash
# The kiosk unit: systemd-analyze verify finds nothing to say about it,
# and docs/kiosk.md shows it as it is (every setting of the file appears
# there). Exit 77 (skipped) without systemd-analyze or cage.
# Usage: unit.sh UNIT_FILE KIOSK_DOC
set -u
unit=$1
doc=$2
fail() { echo "FAIL: $*"; exit 1; }

missing=""
while read -r line; do
  grep -qxF "    $line" "$doc" || missing="$missing
  $line"
done < <(grep -E '^(\[|[A-Za-z]+=)' "$unit")
[ -z "$missing" ] || fail "$doc does not show these lines of $(basename "$unit"):$missing"

command -v systemd-analyze >/dev/null || { echo "SKIP: systemd-analyze is not installed"; exit 77; }
[ -x /usr/bin/cage ] || { echo "SKIP: cage is not installed (the unit runs /usr/bin/cage)"; exit 77; }
# The man page the unit's Documentation= names is checked once installed
# (package_install); here the unit alone.
out=$(systemd-analyze verify --man=no "$unit" 2>&1) || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify says: $out"
echo "$(basename "$unit"): verified, and shown as it is in $(basename "$doc")"
