#!/bin/bash
# The trainer's command line end to end, on the bundled course and a class
# seeded by class_seed: --import-class, --groups, --export --group,
# --item-stats, --report (pdfinfo, pdftotext: learners, titles, figures;
# A4 and Letter; French), --certificates (private files, pdftotext, the QR
# code read back with zbarimg) and --verify-certificate: genuine, changed
# by one byte anywhere, from an untrusted kiosk, then trusted.
# Every page of the report and one certificate are rendered to PNG with
# pdftoppm into WORKDIR/pages, to be looked at.
# Usage: paper.sh HRC_PLAYER CLASS_SEED COURSE WORKDIR
set -u
hrc=$1 seed=$2 course=$3 work=$4
rm -rf "$work" && mkdir -p "$work/pages" || exit 1
fail() { echo "FAILED: $*" >&2; exit 1; }
for tool in pdfinfo pdftotext pdftoppm zbarimg sqlite3; do
  command -v $tool > /dev/null || { echo "SKIPPED: $tool is missing (make test installs it)"; exit 77; }
done
umask 022
export HRC_FAST_PIN_HASH=1 LANGUAGE= LC_ALL=C.UTF-8
export XDG_CACHE_HOME=$work/cache # fontconfig's cache
data=$work/data
group="Rouen, 12 March"

# A class of 14 in Rouen and 5 in Lyon, seeded in memory when there is
# /dev/shm (a commit a record), then copied.
seed_dir=$work/seed
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  seed_dir=$(mktemp -d /dev/shm/hrc-paper-XXXXXX) || exit 1
fi
"$seed" "$course" "$seed_dir" 14 "$group" 3 > /dev/null || fail "seeding Rouen"
"$seed" "$course" "$seed_dir" 5 "Lyon" 4 > /dev/null || fail "seeding Lyon"
mkdir -p "$data" && cp "$seed_dir/progress.db" "$data/" || exit 1
[ "$seed_dir" = "$work/seed" ] || rm -rf "$seed_dir"
chmod 700 "$data"

# ---- Groups, class lists ---------------------------------------------------
"$hrc" --groups --data-dir "$data" > "$work/groups" || fail "--groups"
grep -q "^$group  (2026-03-12)  14 learners" "$work/groups" || fail "groups: $(cat "$work/groups")"
grep -q "^Lyon  (2026-03-12)  5 learners" "$work/groups" || fail "Lyon: $(cat "$work/groups")"

# A Latin-1 list with ';' and a header, as Excel writes it in France.
printf 'Nom;Groupe\r\nFran\xe7ois L\xe9vy;Marseille\r\nNo\xe9mie Vasseur;Marseille\r\n' > "$work/latin1.csv"
"$hrc" --import-class "$work/latin1.csv" --data-dir "$data" > "$work/out" || fail "import Latin-1"
grep -q "2 learners added, 1 group created, 0 lines skipped" "$work/out" || fail "import: $(cat "$work/out")"
grep -q "Read as Windows-1252, separator ;, with a header line" "$work/out" || fail "$(cat "$work/out")"
sqlite3 "$data/progress.db" "SELECT name FROM learner" | grep -qx "François Lévy" || fail "Latin-1 name"
# A line with a tab in a name refuses the whole file, with its number.
count() { sqlite3 "$data/progress.db" "SELECT count(*) FROM learner"; }
before=$(count)
printf 'Ana,Marseille\nBo\tBlanc,Marseille\nCy,Marseille\n' > "$work/bad.csv"
"$hrc" --import-class "$work/bad.csv" --data-dir "$data" > "$work/out" 2> "$work/err"
[ $? -eq 1 ] || fail "a malformed class list was accepted"
grep -q "bad.csv: line 2: A name cannot hold tabs" "$work/err" || fail "no line number: $(cat "$work/err")"
grep -q "nothing was imported: 1 problem" "$work/err" || fail "$(cat "$work/err")"
[ "$(count)" = "$before" ] || fail "a refused class list added learners"
# Duplicates are reported and skipped; --group for lines without one.
printf 'Name\nFrançois Lévy\nAna Lima\nana lima\n' > "$work/dup.csv"
"$hrc" --import-class "$work/dup.csv" --group "Marseille" --data-dir "$data" > "$work/out" \
  || fail "import with duplicates"
grep -q "line 2: a learner called François Lévy is already here; skipped" "$work/out" \
  || fail "$(cat "$work/out")"
grep -q "line 4: ana lima is already on line 3; skipped" "$work/out" || fail "$(cat "$work/out")"
grep -q "1 learner added, 0 groups created, 2 lines skipped" "$work/out" || fail "$(cat "$work/out")"

# ---- The figures the report must show, from the CSV export -------------------
"$hrc" --export "$work/rouen.csv" --group "$group" --data-dir "$data" --lang en > /dev/null \
  || fail "export of one group"
"$hrc" --export "$work/all.csv" --data-dir "$data" --lang en > /dev/null || fail "export"
"$hrc" --export "$work/x.csv" --group "Nowhere" --data-dir "$data" 2> "$work/err"
[ $? -eq 1 ] && grep -q 'no group is called "Nowhere"' "$work/err" || fail "an unknown group"
python3 - "$work/rouen.csv" "$work/all.csv" "$work" << 'EOF' || fail "the exports"
import csv, sys, collections
rouen = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
every = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
names = sorted({r["Learner"] for r in rouen})
assert len(names) == 14, names
done = collections.Counter(r["Module"] for r in rouen if r["Completion"] == "completed")
passed = collections.Counter(r["Module"] for r in rouen if r["Success"] == "passed")
per = collections.Counter(r["Learner"] for r in rouen if r["Completion"] == "completed")
modules = sorted({r["Module"] for r in every})
with open(sys.argv[3] + "/names", "w") as f:
    f.write("\n".join(names) + "\n")
with open(sys.argv[3] + "/others", "w") as f:
    f.write("\n".join(sorted({r["Learner"] for r in every} - set(names))) + "\n")
with open(sys.argv[3] + "/figures", "w") as f:
    for m in modules:
        f.write(f"{m} {done[m]} {passed[m]}\n")
with open(sys.argv[3] + "/finished", "w") as f:
    f.write("\n".join(n for n in names if per[n] == 4) + "\n")
with open(sys.argv[3] + "/m1done", "w") as f:
    f.write(str(sum(1 for r in rouen if r["Module"] == "hrc-what-is-a-human-rights-city"
                    and r["Completion"] == "completed")) + "\n")
EOF

# ---- Item statistics --------------------------------------------------------------
"$hrc" --item-stats "$work/items.csv" --group "$group" --data-dir "$data" --lang en "$course" \
  > "$work/out" || fail "--item-stats"
grep -q "questions, hardest first, written to" "$work/out" || fail "$(cat "$work/out")"
[ "$(stat -c %a "$work/items.csv")" = 600 ] || fail "the item statistics are not private"
python3 - "$work/items.csv" << 'EOF' || fail "the item statistics CSV"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
assert rows and list(rows[0])[:4] == ["Rank", "Module", "Quiz", "Question"], list(rows[0])
answered = [r for r in rows if int(r["Answered"]) > 0]
assert len(answered) > 20, len(answered)
shares = [float(r["Right on first try (%)"]) for r in answered]
assert shares == sorted(shares), "not hardest first"
assert all(int(r["Answered"]) <= 14 for r in rows), "learners of another group counted"
assert any(r["Discrimination"] for r in rows)
assert [int(r["Rank"]) for r in rows] == list(range(1, len(rows) + 1))
EOF

# ---- The report ---------------------------------------------------------------------
report=$work/report.pdf
ln -s "$work/victim" "$report" && echo "keep" > "$work/victim"
"$hrc" --report "$report" --group "$group" --data-dir "$data" --lang en --paper a4 "$course" \
  > "$work/out" || fail "--report: $(cat "$work/out")"
grep -q "Report written to .*report.pdf: [0-9]* pages, 14 learners, 4 modules" "$work/out" \
  || fail "$(cat "$work/out")"
[ -L "$report" ] && fail "the report was written through a link"
[ "$(cat "$work/victim")" = keep ] || fail "the link's target was changed"
[ "$(stat -c %a "$report")" = 600 ] || fail "the report is $(stat -c %a "$report")"
pdfinfo "$report" > "$work/info" 2>&1 || fail "pdfinfo: $(cat "$work/info")"
grep -q "^Title: *Class report — Human rights cities" "$work/info" || fail "$(cat "$work/info")"
grep -q "^Page size: *595.276 x 841.89 pts (A4)" "$work/info" || fail "not A4"
pages=$(sed -n 's/^Pages: *//p' "$work/info")
[ "$pages" -ge 2 ] || fail "$pages pages"
pdftotext -layout "$report" "$work/report.txt" || fail "pdftotext"
txt=$work/report.txt
for want in "Class report" "Human rights cities" "Group: $group (12 March 2026)" "14 learners" \
            "Printed on " "by the kiosk with fingerprint" "Learners by module" "Done" \
            "What is a human rights city?" "Key steps of the movement" \
            "Questions the room got wrong" "Wrong answer given most" "Discrimination" \
            "Quiz passed" "Page 1 of $pages" "Page $pages of $pages"; do
  grep -qF "$want" "$txt" || fail "the report does not say \"$want\""
done
while read -r name; do
  grep -qF "$name" "$txt" || fail "the report does not name $name"
done < "$work/names"
while read -r name; do
  [ -z "$name" ] || ! grep -qF "$name" "$txt" || fail "the report names $name, of another group"
done < "$work/others"
# "N of 14 completed it; P passed its quiz" for each module, in the course's order.
i=0
for m in hrc-what-is-a-human-rights-city hrc-key-steps hrc-case-studies hrc-the-campaign; do
  read -r _ done passed <<< "$(grep "^$m " "$work/figures")"
  grep -qF "$done of 14 completed it; $passed passed its quiz" "$txt" \
    || fail "module $m: not \"$done of 14 completed it; $passed passed its quiz\""
  i=$((i + 1))
done
# Every page, rendered, for a person to look at; none blank.
pdftoppm -r 60 -png "$report" "$work/pages/report" || fail "pdftoppm"
[ "$(ls "$work/pages"/report-*.png | wc -l)" = "$pages" ] || fail "not every page rendered"
for png in "$work/pages"/report-*.png; do
  [ "$(stat -c %s "$png")" -gt 8000 ] || fail "$png looks blank"
done

# US Letter, and French.
"$hrc" --report "$work/letter.pdf" --group "$group" --data-dir "$data" --paper letter \
  --lang fr "$course" > /dev/null || fail "--paper letter"
pdfinfo "$work/letter.pdf" | grep -q "^Page size: *612 x 792 pts (letter)" || fail "not Letter"
pdftotext "$work/letter.pdf" - | grep -q "Rapport de la classe" || fail "not in French"
"$hrc" --report "$work/x.pdf" --paper a3 "$course" --data-dir "$data" 2> /dev/null
[ $? -eq 2 ] || fail "--paper a3 is not a usage error"

# ---- Certificates --------------------------------------------------------------------
certs=$work/certs
"$hrc" --certificates "$certs" --group "$group" --data-dir "$data" --lang en "$course" \
  > "$work/out" || fail "--certificates: $(cat "$work/out")"
finished=$(grep -c . "$work/finished")
grep -q "^$finished certificates written to" "$work/out" || fail "$(cat "$work/out") ($finished expected)"
[ "$(ls "$certs" | wc -l)" = "$finished" ] || fail "$(ls "$certs" | wc -l) files"
[ "$(stat -c %a "$certs")" = 700 ] || fail "the certificates' folder is not private"
first=""
for f in "$certs"/*.pdf; do
  [ "$(stat -c %a "$f")" = 600 ] || fail "$f is not private"
  "$hrc" --verify-certificate "$f" --data-dir "$data" --lang en > "$work/out" \
    || fail "$f does not verify: $(cat "$work/out")"
  grep -q "GENUINE: unaltered, signed by this kiosk" "$work/out" || fail "$(cat "$work/out")"
  name=$(sed -n 's/^  Learner: *//p' "$work/out")
  grep -qxF "$name" "$work/finished" || fail "a certificate for $name, who did not finish"
  number=$(sed -n 's/^  Certificate: *//p' "$work/out")
  pdftotext "$f" - | tr '\n' ' ' > "$work/cert.txt"
  for want in "Certificate of completion" "$name" "Human rights cities" "Certificate no. $number" \
              "Key steps of the movement" "Completed on 12 March 2026"; do
    grep -qF "$want" "$work/cert.txt" || fail "$f does not say \"$want\""
  done
  [ -n "$first" ] || first=$f
done
[ -n "$first" ] || fail "no certificate to check"
pdfinfo "$first" | grep -q "^Page size: *841.89 x 595.276 pts (A4)" || fail "not landscape A4"
pdftoppm -r 150 -png "$first" "$work/pages/certificate" || fail "pdftoppm certificate"
# The QR code holds the signed text and its signature.
zbarimg -q --raw "$work/pages/certificate-1.png" > "$work/qr" 2> /dev/null || fail "no QR code read"
head -1 "$work/qr" | grep -qx "hrc-player certificate 1" || fail "QR: $(head -3 "$work/qr")"
"$hrc" --verify-certificate "$first" --data-dir "$data" > "$work/out"
grep -qF "number: $(sed -n 's/^  Certificate: *//p' "$work/out")" "$work/qr" || fail "QR number"
grep -qF "learner: $(sed -n 's/^  Learner: *//p' "$work/out")" "$work/qr" || fail "QR learner"
grep -q "^signature: [A-Za-z0-9+/]\{86\}==$" "$work/qr" || fail "QR signature"

# ---- Any byte changed fails ---------------------------------------------------------------
size=$(stat -c %s "$first")
for at in 100 $((size / 2)) $((size - 200)) $((size - 2)); do
  cp "$first" "$work/changed.pdf"
  byte=$(dd if="$work/changed.pdf" bs=1 skip=$at count=1 2> /dev/null | od -An -tu1 | tr -d ' ')
  printf "\\$(printf %o $(( (byte + 1) % 256 )))" \
    | dd of="$work/changed.pdf" bs=1 seek=$at conv=notrunc 2> /dev/null
  cmp -s "$first" "$work/changed.pdf" && fail "the byte at $at did not change"
  "$hrc" --verify-certificate "$work/changed.pdf" --data-dir "$data" > "$work/out" 2> "$work/err"
  [ $? -eq 1 ] || fail "a certificate changed at byte $at of $size was not refused"
  grep -q "ALTERED\|NOT A CERTIFICATE" "$work/err" || fail "$(cat "$work/err")"
done
cp "$first" "$work/longer.pdf" && echo >> "$work/longer.pdf"
"$hrc" --verify-certificate "$work/longer.pdf" --data-dir "$data" > /dev/null 2>&1
[ $? -eq 1 ] || fail "a byte added at the end was not refused"
head -c $((size - 1)) "$first" > "$work/shorter.pdf"
"$hrc" --verify-certificate "$work/shorter.pdf" --data-dir "$data" > /dev/null 2>&1
[ $? -eq 1 ] || fail "a certificate cut short was not refused"
"$hrc" --verify-certificate "$report" --data-dir "$data" > /dev/null 2> "$work/err"
[ $? -eq 1 ] && grep -q "NOT A CERTIFICATE" "$work/err" || fail "the report taken for a certificate"

# ---- Another kiosk: untrusted, then trusted -----------------------------------------------
other=$work/other
"$hrc" --kiosk-key --data-dir "$other" > /dev/null || fail "another kiosk's store"
"$hrc" --verify-certificate "$first" --data-dir "$other" --lang en > "$work/out" 2>&1
[ $? -eq 3 ] || fail "a certificate of an untrusted kiosk: $(cat "$work/out")"
grep -q "NOT VERIFIED: .* which this machine does not trust" "$work/out" || fail "$(cat "$work/out")"
"$hrc" --verify-certificate "$first" --data-dir "$work/no-store-here" > /dev/null 2>&1
[ $? -eq 3 ] || fail "without any store a certificate cannot be trusted"
[ -e "$work/no-store-here" ] && fail "--verify-certificate made a store"
key=$("$hrc" --kiosk-key --data-dir "$data" | sed -n 's/^  \(hrc-kiosk-1:.*\)$/\1/p')
"$hrc" --trust-kiosk "$key" --data-dir "$other" > /dev/null || fail "trusting the kiosk"
"$hrc" --verify-certificate "$first" --data-dir "$other" --lang en > "$work/out" \
  || fail "a certificate of a trusted kiosk: $(cat "$work/out")"
grep -q "GENUINE: unaltered, signed by a trusted kiosk" "$work/out" || fail "$(cat "$work/out")"

# ---- One module; numbers never given twice --------------------------------------------
"$hrc" --certificates "$work/m1" --module hrc-what-is-a-human-rights-city --group "$group" \
  --data-dir "$data" "$course" > "$work/out" || fail "--module"
m1=$(cat "$work/m1done")
[ "$(ls "$work/m1" | wc -l)" = "$m1" ] || fail "$(ls "$work/m1" | wc -l) module certificates, $m1 expected"
f=$(ls "$work/m1"/*.pdf | head -1)
pdftotext "$f" - | grep -q "has completed the module" || fail "a module certificate"
"$hrc" --verify-certificate "$f" --data-dir "$data" | grep -q "Scope: *module hrc-what-is" \
  || fail "the module's scope is not signed"
numbers=$(sqlite3 "$data/progress.db" "SELECT count(*), count(DISTINCT number) FROM certificate")
[ "${numbers%|*}" = "${numbers#*|}" ] || fail "a certificate number was given twice: $numbers"
"$hrc" --certificates "$work/m9" --module no-such-module --data-dir "$data" "$course" 2> "$work/err"
[ $? -eq 1 ] && grep -q "no module no-such-module" "$work/err" || fail "an unknown module"

echo "report: $pages pages; $finished certificates; pages in $work/pages"
