#!/bin/bash
# --render DIR --review MODULE: DIR/index.html lists every PNG written, with
# the id of what it shows and the module file and line it comes from, and
# is a self-contained page (no script, nothing fetched).
# Usage: review_index.sh PLAYER MODULE
set -u
player=$1
module=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$player" --lang en --render "$work/out" --review "$module" >"$work/log" 2>&1 ||
  { cat "$work/log"; fail "--render --review failed"; }
index="$work/out/index.html"
[ -s "$index" ] || fail "no index.html"
[ -e "$index.tmp" ] && fail "a temporary file was left behind"

pngs=$(cd "$work/out" && ls ./*.png | sed 's|^\./||')
count=$(echo "$pngs" | wc -l)
[ "$count" -ge 10 ] || fail "only $count PNGs"
for png in $pngs; do
  grep -q "src=\"./$png\"" "$index" || fail "$png is not shown in index.html"
done
[ "$(grep -c '<figure' "$index")" -eq "$count" ] || fail "index.html does not have one entry per PNG"

file=$(basename "$module")
# Every item, event and question of the module, with the line it is on.
for id in page-blocks timeline event-before event-year event-month event-day case-study \
          quiz q-single q-multiple-all q-multiple-partial q-truefalse q-ordering \
          q-ordering-partial q-matching q-matching-all; do
  line=$(grep -n "id=\"$id\"" "$module" | head -n1 | cut -d: -f1)
  [ -n "$line" ] || fail "the fixture has no $id"
  grep -q "<code class=\"id\">$id</code>.*<code>$file:$line</code>" "$index" ||
    fail "$id is not listed with $file:$line"
done
# The entry of a given PNG names what that PNG shows.
grep "src=\"./[0-9]*-template-case-study.png\"" -B3 "$index" | grep -q 'class="id">case-study<' ||
  fail "the case study PNG is not labelled case-study"
# Module files are named relative to the course: no folder of this machine.
grep -q "$(dirname "$(realpath "$module")")" "$index" && fail "index.html names a folder of this machine"
# Beside each question, once: every choice with its feedback, the hints.
q_notes=$(awk 'BEGIN { RS = "</figure>" } /class="id">q-single</ { n += gsub(/class="notes"/, "") }
               END { print n + 0 }' "$index")
[ "$q_notes" -eq 1 ] || fail "q-single has $q_notes note lists, expected 1"
grep -q '<dt>Choice 1, right: This one</dt><dd>Right: feedback shows after checking.</dd>' "$index" ||
  fail "the feedback of q-single's right choice is not beside it"
grep -q '<dt>Choice 2, wrong: That one</dt>' "$index" || fail "q-single's wrong choice is not listed"
grep -q '<dt>Hint 1</dt><dd>Hints are shown one at a time, on request.</dd>' "$index" ||
  fail "q-single's hint is not shown"
grep -q "<dt>Answer False, wrong</dt><dd>It may.</dd>" "$index" || fail "the true/false feedbacks are not listed"
grep -qi '<script' "$index" && fail "index.html has a script"
grep -q 'src="http' "$index" && fail "index.html fetches something"
# --goto renders the one screen it names, and the sheet says what it is.
"$player" --lang en --render "$work/one" --review --goto q-truefalse "$module" \
  >"$work/log" 2>&1 || { cat "$work/log"; fail "--render --goto failed"; }
[ "$(ls "$work/one"/*.png | wc -l)" -eq 1 ] || fail "--goto rendered more than one screen"
line=$(grep -n 'id="q-truefalse"' "$module" | cut -d: -f1)
grep -q "<code class=\"id\">q-truefalse</code>.*<code>$file:$line</code>" "$work/one/index.html" ||
  fail "--goto q-truefalse: the sheet does not name it"
"$player" --render "$work/none" --goto no-such-id "$module" >"$work/log" 2>&1
[ $? -eq 2 ] || fail "an unknown --goto id is not a usage error"
# In the interface language: the sheet, its notes and the course's texts.
"$player" --lang fr --render "$work/fr" --review "$module" >"$work/log" 2>&1 ||
  { cat "$work/log"; fail "--lang fr --render --review failed"; }
grep -q '<html lang="fr">' "$work/fr/index.html" || fail "the French sheet is not lang=fr"
grep -q '<h1>Feuille de relecture</h1>' "$work/fr/index.html" || fail "the French sheet's title"
grep -q '<dt>Indice 1</dt><dd>Les indices s’affichent un par un, sur demande.</dd>' \
  "$work/fr/index.html" || fail "the French sheet does not give the French hint"
grep -q 'Choice 1' "$work/fr/index.html" && fail "the French sheet has English labels"
echo "ok: $count screens listed"
