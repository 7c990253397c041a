#!/bin/bash
# The command line: --set-facilitator-pin from a pipe (at the real hash
# cost once), --export to CSV and JSON (checked by check_export.py, signed,
# private files), --import of signed exports from trusted kiosks only,
# twice without duplicates, --kiosk-key, --trust-kiosk, --untrust-kiosk,
# --trusted-kiosks, a store folder that others could read, and --export on
# a damaged store, which must leave it byte for byte as it was.
# Usage: cli.sh HRC_PLAYER DRIVER WORKDIR
set -u
hrc=$1 driver=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" || exit 1
fail() { echo "FAILED: $*" >&2; exit 1; }
umask 022
unset HRC_FAST_PIN_HASH
data=$work/data merged=$work/merged

"$hrc" --export "$work/none.csv" --data-dir "$data" 2> "$work/err"
[ $? -eq 1 ] && grep -q "no progress" "$work/err" || fail "export with no store"
[ -e "$data" ] && fail "--export created the store folder"

echo 12 | "$hrc" --set-facilitator-pin --data-dir "$data" > /dev/null 2> "$work/err"
[ $? -eq 1 ] && grep -q "4 to 12 digits" "$work/err" || fail "short PIN accepted"
echo 4826 | "$hrc" --set-facilitator-pin --data-dir "$data" > "$work/out" \
  || fail "setting the PIN"
grep -q "PIN set" "$work/out" || fail "no confirmation"
db=$data/progress.db
# At the cost measured on this machine: 64 MiB and at least 3 passes.
hash=$(sqlite3 "$db" "SELECT value FROM setting WHERE key = 'facilitator_pin'")
case $hash in
  '$argon2id$v=19$m=65536,t='*) ;;
  *) fail "the PIN is not an Argon2id hash at 64 MiB: $hash" ;;
esac
passes=$(echo "$hash" | sed 's/.*,t=\([0-9]*\),.*/\1/')
[ "$passes" -ge 3 ] || fail "only $passes passes"
case $hash in *4826*) fail "the PIN is in clear" ;; esac
[ -n "$(sqlite3 "$db" "SELECT value FROM setting WHERE key = 'pin_hash_cost'")" ] \
  || fail "the measured cost is not kept"
echo "facilitator PIN hashed with $passes passes of 64 MiB"

# The rest does not need the real cost.
export HRC_FAST_PIN_HASH=1
# The machine's owner can replace a forgotten PIN without the old one.
echo 97531 | "$hrc" --set-facilitator-pin --data-dir "$data" > /dev/null || fail "new PIN"

"$driver" seed "$data" 8 3 6 || fail "seeding"
sum_before=$(sha256sum < "$db")
"$hrc" --export "$work/out.csv" --data-dir "$data" --lang en > /dev/null || fail "CSV export"
"$hrc" --export "$work/fr.csv" --data-dir "$data" --lang fr > /dev/null || fail "CSV export fr"
head -c 40 "$work/fr.csv" | grep -q "Participant,Module,Achèvement" || fail "French headers"
"$hrc" --export "$work/out.json" --data-dir "$data" > "$work/out" || fail "JSON export"
grep -q "Signed in .*out.json.sig by this kiosk (fingerprint [0-9A-F ]*)" "$work/out" \
  || fail "the export does not say it was signed: $(cat "$work/out")"
[ "$(sha256sum < "$db")" = "$sum_before" ] || fail "--export changed the store"
"$hrc" --export "$work/out.txt" --data-dir "$data" 2> /dev/null
[ $? -eq 2 ] || fail "an unknown export format is a usage error"
# With the course played (it has none of these modules: nothing to add).
"$hrc" --export "$work/course.json" --data-dir "$data" "$here/../../courses/human-rights-cities" \
  > /dev/null || fail "JSON export with a course"
"$hrc" --export "$work/two.json" --data-dir "$data" a b 2> /dev/null
[ $? -eq 2 ] || fail "two courses to --export are a usage error"
"$hrc" --export "$work/bad.json" --data-dir "$data" "$work/no-such-course" 2> "$work/err"
[ $? -eq 1 ] && grep -q "cannot read the course" "$work/err" || fail "export with a bad course"
[ ! -e "$work/bad.json" ] || fail "an export was written with a bad course"
for f in out.csv fr.csv out.json out.json.sig course.json; do
  [ "$(stat -c %a "$work/$f")" = 600 ] || fail "$f is $(stat -c %a "$work/$f") under umask 022"
done
[ "$(stat -c %a "$data")" = 700 ] || fail "the store folder is $(stat -c %a "$data")"
for f in progress.db progress.db-wal progress.db-shm; do
  [ ! -e "$data/$f" ] || [ "$(stat -c %a "$data/$f")" = 600 ] || fail "$f is not 0600"
done
"$driver" summary "$data" > "$work/summary.tsv" || fail "summary"
n_events=$(sqlite3 "$db" "SELECT count(*) FROM event")
python3 "$here/check_export.py" "$work/out.json" "$work/out.csv" "$work/summary.tsv" \
  "$n_events" || fail "export check"

# This kiosk's key, as the facilitator of another kiosk sees it.
"$hrc" --kiosk-key --data-dir "$data" > "$work/key" || fail "--kiosk-key"
key=$(grep -o 'hrc-kiosk-1:[0-9a-f]*:[A-Za-z0-9+/=]*' "$work/key")
fingerprint=$(sed -n 's/^Fingerprint: //p' "$work/key")
[ -n "$key" ] && [ ${#fingerprint} -eq 19 ] || fail "no key or fingerprint: $(cat "$work/key")"
grep -q "^kiosk: $key$" "$work/out.json.sig" || fail "the signature names another key"
grep -q "^kiosk-fingerprint: $fingerprint$" "$work/out.json.sig" || fail "fingerprints differ"

# A store that does not trust this kiosk takes nothing from it.
"$hrc" --import "$work/out.json" --data-dir "$merged" > /dev/null 2> "$work/err"
[ $? -eq 1 ] && grep -q "does not trust" "$work/err" && grep -q -- "--trust-kiosk $key" "$work/err" \
  || fail "untrusted import: $(cat "$work/err")"
[ "$(sqlite3 "$merged/progress.db" "SELECT count(*) FROM event")" = 0 ] \
  || fail "an untrusted import added events"
"$hrc" --trust-kiosk "$key" --data-dir "$merged" > "$work/out" || fail "--trust-kiosk"
grep -q "$fingerprint" "$work/out" || fail "--trust-kiosk does not show the fingerprint"
"$hrc" --trusted-kiosks --data-dir "$merged" > "$work/out" || fail "--trusted-kiosks"
grep -q "$fingerprint" "$work/out" || fail "the trusted kiosk is not listed"

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

# One byte changed, no signature, garbage: refused whole.
other=$work/other
"$driver" seed "$other" 2 1 2 || fail "seeding another kiosk"
"$hrc" --export "$work/other.json" --data-dir "$other" > /dev/null || fail "other export"
"$hrc" --trust-kiosk "$work/other.json" --data-dir "$merged" > /dev/null \
  || fail "--trust-kiosk FILE"
cp "$work/other.json" "$work/tampered.json" && cp "$work/other.json.sig" "$work/tampered.json.sig"
python3 -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[300] ^= 1
open(p, "wb").write(b)' "$work/tampered.json" || fail "tampering"
"$hrc" --import "$work/tampered.json" --data-dir "$merged" > /dev/null 2> "$work/err"
[ $? -eq 1 ] && grep -q "nothing imported" "$work/err" && grep -q "changed" "$work/err" \
  || fail "tampered import: $(cat "$work/err")"
cp "$work/other.json" "$work/unsigned.json"
"$hrc" --import "$work/unsigned.json" --data-dir "$merged" > /dev/null 2> "$work/err"
[ $? -eq 1 ] && grep -q "is not signed" "$work/err" || fail "unsigned import: $(cat "$work/err")"
printf '[{"id": 1}' > "$work/garbage.json"
"$hrc" --import "$work/garbage.json" --data-dir "$merged" 2> "$work/err"
[ $? -eq 1 ] && grep -q "nothing imported" "$work/err" || fail "garbage import"
[ "$(sqlite3 "$merged/progress.db" "SELECT count(*) FROM event")" = "$n_events" ] \
  || fail "a refused import added events"
"$hrc" --untrust-kiosk "$fingerprint" --data-dir "$merged" > /dev/null || fail "--untrust-kiosk"
"$hrc" --import "$work/out.json" --data-dir "$merged" > /dev/null 2>&1 \
  && fail "an import from an untrusted kiosk went in"

# In French too.
"$hrc" --lang fr --import "$work/unsigned.json" --data-dir "$merged" > /dev/null 2> "$work/err"
grep -q "rien n’a été importé" "$work/err" || fail "French message: $(cat "$work/err")"

# A store folder others could read (mkdir -p, StateDirectory=) is made private.
mkdir -m 755 "$work/shared"
"$hrc" --kiosk-key --data-dir "$work/shared" > /dev/null 2> "$work/err" || fail "shared folder"
grep -q "could be read by other users" "$work/err" || fail "no warning: $(cat "$work/err")"
[ "$(stat -c %a "$work/shared")" = 700 ] || fail "the shared folder was not made private"

# --export on a damaged store: exit 1, where the player would put it, and
# not one byte of it changed, nothing moved or created.
damaged=$work/damaged
mkdir -p "$damaged" && cp "$db" "$damaged/progress.db" && chmod 700 "$damaged"
dd if=/dev/urandom of="$damaged/progress.db" bs=4096 seek=1 count=2 conv=notrunc 2> /dev/null
sum=$(sha256sum < "$damaged/progress.db")
ls -la --time-style=+ "$damaged" | awk '{print $1, $5, $NF}' > "$work/ls-before"
"$hrc" --export "$work/damaged.csv" --data-dir "$damaged" > "$work/out" 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || fail "export of a damaged store: status $status, $(cat "$work/out")"
grep -q "damaged" "$work/err" && grep -q "progress.db.corrupt-" "$work/err" \
  || fail "no message saying where the store would go: $(cat "$work/err")"
[ "$(sha256sum < "$damaged/progress.db")" = "$sum" ] || fail "the damaged store was changed"
ls -la --time-style=+ "$damaged" | awk '{print $1, $5, $NF}' > "$work/ls-after"
cmp -s "$work/ls-before" "$work/ls-after" || fail "files appeared or changed next to the store"
[ -e "$work/damaged.csv" ] && fail "an export was written from a damaged store"

"$hrc" --help | grep -q -- "--trust-kiosk KEY|FILE.json" || fail "--help lacks --trust-kiosk"
"$hrc" --help | grep -q -- "--kiosk-key" || fail "--help lacks --kiosk-key"
echo "PIN, signed CSV and JSON exports of $n_events events, trusted imports: all fine"
