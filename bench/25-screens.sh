#!/bin/bash
# The learner's screens under the software renderer (what a kiosk without a
# GPU draws with): the heaviest screen at 1920x1080 and 3840x2160, a scroll
# frame (the same screen one wheel notch lower), and a page holding a
# 6000x4000 photograph, first drawn (read, decoded and scaled to its box)
# and drawn again. Baseline in the same run: the heaviest screen of the
# bundled course without its pictures' decoding (the warm frame).
# Usage: bench/25-screens.sh BUILD_DIR
set -u
build=$(cd "${1:?usage: 25-screens.sh BUILD_DIR}" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
player="$build/hrc-player"
course="$src/courses/human-rights-cities"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$player" ] || { echo "screens: $player not built, skipped"; exit 0; }
export HRC_ASSETS_DIR="$src/assets"

times() { # SIZE OUT [player args...]
  local size=$1 out=$2
  shift 2
  HRC_RENDER_TIMES=1 "$player" --render "$work/png-$size" --size "$size" "$@" \
    2>"$out" >/dev/null || { cat "$out"; exit 1; }
}
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print v <= t ? "PASS" : "FAIL"}'; }

printf "%-40s %9s %9s   %s\n" "ms, software renderer" "first" "again" "target"
for size in 1920x1080 3840x2160; do
  times "$size" "$work/t-$size" "$course"
  set -- $(grep '^draw-time ' "$work/t-$size" | sort -k4 -n -r | head -n1)
  if [ "$size" = 1920x1080 ]; then
    printf "%-40s %9.2f %9.2f   <= 8 ms %s\n" "heaviest screen at $size" "$3" "$4" \
      "$(verdict "$4" 8)"
  else
    printf "%-40s %9.2f %9.2f   (four times the pixels; no target)\n" \
      "heaviest screen at $size" "$3" "$4"
  fi
  echo "  ($2)"
done
set -- $(grep '^scroll-time ' "$work/t-1920x1080" | sort -k3 -n -r | head -n1)
printf "%-40s %9s %9.2f   <= 2 ms %s\n" "slowest scroll frame at 1920x1080" "" "$3" \
  "$(verdict "$3" 2)"
echo "  ($2)"

# A page with a 6000x4000 photograph.
mkdir -p "$work/photo/img"
if command -v convert >/dev/null; then
  convert -size 6000x4000 gradient:'#1f4e79'-'#f3e6d0' -quality 90 "$work/photo/img/photo.jpg"
else
  echo "screens: ImageMagick not found, the photograph case is skipped"; exit 0
fi
cat >"$work/photo/m.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<module format="1" id="photo" version="1" xml:lang="en" completion="pages">
  <meta><title>A photograph</title><summary>One large picture.</summary>
    <author>Bench</author><licence>CC0</licence></meta>
  <page id="p"><title>A photograph</title>
    <image src="img/photo.jpg"><alt>A gradient from blue to sand.</alt></image>
    <p>The picture above is 6000 by 4000 pixels.</p>
  </page>
</module>
XML
times 1920x1080 "$work/t-photo" --goto p "$work/photo"
set -- $(grep '^draw-time ' "$work/t-photo" | head -n1)
printf "%-40s %9.2f %9.2f   <= 8 ms after its first load %s\n" \
  "page with a 6000x4000 photograph" "$3" "$4" "$(verdict "$4" 8)"
