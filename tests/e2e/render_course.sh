#!/bin/bash
# --render of the bundled course on the smallest supported screen, in
# Spanish: every module, page, timeline event, case study and question
# gets its PNG (questions before and after answering, those a pool did
# not draw included), every quiz its
# results, and nothing is reported on stderr.
# Usage: render_course.sh PLAYER COURSE_DIR
set -u
player=$1
course=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$player" --render "$out/png" --size 1024x600 --lang es "$course" 2>"$out/err" ||
  fail "--render exited with $?: $(head -c 2000 "$out/err")"
[ -s "$out/err" ] && fail "--render said: $(head -c 2000 "$out/err")"
cd "$out/png" || fail "no PNG folder"

missing=0
for module in "$course"/*.xml; do
  mid=$(grep -o -m1 '<module [^>]*' "$module" | grep -o ' id="[^"]*"' | cut -d'"' -f2)
  ls | grep -q -- "-$mid-contents\.png$" || { echo "no contents screen for $mid"; missing=1; }
  for id in $(grep -oE '<(page|case|event) [^>]*' "$module" | grep -oE ' id="[^"]*"' | cut -d'"' -f2); do
    ls | grep -q -- "-$mid-.*$id\.png$" || { echo "no screen for $mid/$id"; missing=1; }
  done
  for id in $(grep -oE '<(single|multiple|truefalse|ordering|matching|fillin|numeric) [^>]*' "$module" |
              grep -oE ' id="[^"]*"' | cut -d'"' -f2); do
    ls | grep -q -- "-$id-answered\.png$" || { echo "no answered screen for $mid/$id"; missing=1; }
  done
  ls | grep -q -- "-$mid-.*-results\.png$" || { echo "no results screen for $mid"; missing=1; }
done
[ "$missing" = 0 ] || fail "screens missing from the tour"
echo "$(ls | wc -l) screens rendered"
