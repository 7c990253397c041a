#!/bin/bash
# The command line: --set-facilitator-pin from a pipe, --export to CSV and
# JSON (checked by check_export.py), --import twice without duplicates.
# Usage: cli.sh HRC_PLAYER DRIVER WORKDIR
set -u
hrc=$1 driver=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" || exit 1
fail() { echo "FAILED: $*" >&2; exit 1; }
data=$work/data merged=$work/merged

"$hrc" --export "$work/none.csv" --data-dir "$data" 2> "$work/err"
[ $? -eq 1 ] && grep -q "no progress" "$work/err" || fail "export with no store"

echo 12 | "$hrc" --set-facilitator-pin --data-dir "$data" > /dev/null 2> "$work/err"
[ $? -eq 1 ] && grep -q "4 to 12 digits" "$work/err" || fail "short PIN accepted"
echo 4826 | "$hrc" --set-facilitator-pin --data-dir "$data" > "$work/out" \
  || fail "setting the PIN"
grep -q "PIN set" "$work/out" || fail "no confirmation"
db=$data/progress.db
[ "$(sqlite3 "$db" "SELECT count(*) FROM setting WHERE key = 'facilitator_pin'
     AND value LIKE '\$argon2id\$%' AND instr(value, '4826') = 0")" = 1 ] \
  || fail "the PIN is not stored as a hash"

"$driver" seed "$data" 8 3 6 || fail "seeding"
"$hrc" --export "$work/out.csv" --data-dir "$data" --lang en > /dev/null || fail "CSV export"
"$hrc" --export "$work/fr.csv" --data-dir "$data" --lang fr > /dev/null || fail "CSV export fr"
head -c 40 "$work/fr.csv" | grep -q "Participant,Module,Achèvement" || fail "French headers"
"$hrc" --export "$work/out.json" --data-dir "$data" > /dev/null || fail "JSON export"
"$hrc" --export "$work/out.txt" --data-dir "$data" 2> /dev/null
[ $? -eq 2 ] || fail "an unknown export format is a usage error"
"$driver" summary "$data" > "$work/summary.tsv" || fail "summary"
n_events=$(sqlite3 "$db" "SELECT count(*) FROM event")
python3 "$here/check_export.py" "$work/out.json" "$work/out.csv" "$work/summary.tsv" \
  "$n_events" || fail "export check"

"$hrc" --import "$work/out.json" --data-dir "$merged" > "$work/out" || fail "import"
grep -q "$n_events added, 0 already present, 8 new learners" "$work/out" \
  || fail "first import: $(cat "$work/out")"
"$hrc" --import "$work/out.json" --data-dir "$merged" > "$work/out" || fail "import again"
grep -q " 0 added, $n_events already present, 0 new learners" "$work/out" \
  || fail "second import: $(cat "$work/out")"
[ "$(sqlite3 "$merged/progress.db" "SELECT count(*) FROM event")" = "$n_events" ] \
  || fail "events after two imports"
"$driver" summary "$merged" > "$work/merged.tsv"
cmp -s "$work/summary.tsv" "$work/merged.tsv" || fail "the merged summaries differ"

printf '[{"id": 1}' > "$work/garbage.json"
"$hrc" --import "$work/garbage.json" --data-dir "$merged" 2> "$work/err"
[ $? -eq 1 ] && grep -q "nothing imported" "$work/err" || fail "garbage import"
echo "PIN, CSV and JSON exports of $n_events events, import twice: all fine"
