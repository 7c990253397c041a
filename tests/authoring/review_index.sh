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
echo "ok: $count screens listed"
