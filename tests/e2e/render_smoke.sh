#!/bin/sh
# --render on a small course: one PNG per screen, of the requested size,
# with stable names, and a clear failure on a broken course.
# Usage: render_smoke.sh PLAYER TEST_DATA_DIR
set -u
player=$1
data=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$player" --render "$out/png" --size 800x600 "$data/sdl/course" 2>"$out/err" ||
  { cat "$out/err"; fail "--render exited with $?"; }

# PNG width and height: big-endian at bytes 16..23 of the file.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}'; }

for name in sign-in settings home mini-contents mini-intro mini-history \
            mini-history-udhr mini-history-gwangju mini-sample-city mini-check \
            mini-check-q01-q1-answered mini-check-q02 mini-check-q02-q2-answered \
            mini-check-results; do
  f=$(ls "$out/png"/[0-9][0-9][0-9][0-9]-"$name".png 2>/dev/null | head -n1)
  [ -n "$f" ] || fail "no picture of $name: $(ls "$out/png" | tr '\n' ' ')"
  [ "$(png_size "$f")" = 800x600 ] || fail "$f is $(png_size "$f"), not 800x600"
  # A blank 800x600 picture compresses to about 2 kB; any screen with
  # text is several times that.
  [ "$(wc -c <"$f")" -gt 6000 ] || fail "$f looks blank ($(wc -c <"$f") bytes)"
done
# Names are stable: the same course gives the same files.
ls "$out/png" >"$out/first"
"$player" --render "$out/png2" --size 800x600 "$data/sdl/course" 2>/dev/null ||
  fail "second --render failed"
ls "$out/png2" | cmp -s - "$out/first" || fail "file names changed between two runs"

# A broken course: exit 1, GCC-style diagnostics, no pictures.
"$player" --render "$out/bad" "$data/sdl/broken" 2>"$out/err" && fail "broken course accepted"
grep -q '01-bad.xml:[0-9]*:[0-9]*: error: ' "$out/err" ||
  { cat "$out/err"; fail "no file:line:col: error: diagnostic"; }
grep -q 'cannot play' "$out/err" || fail "no clear message"
[ -z "$(ls "$out/bad" 2>/dev/null)" ] || fail "pictures written for a broken course"
echo "PASS: $(wc -l <"$out/first") screens rendered"
