#!/bin/sh
# Renders a course's pictures from their SVG sources: every IMAGES/src/NAME.svg
# becomes IMAGES/NAME.png, at the width and height the SVG declares (the player
# reads PNG and JPEG only). The PNGs are committed, so nothing in the build or
# the tests needs this script; run it after editing a picture.
#
# Usage: courses/render-images.sh [IMAGES]
#   IMAGES defaults to the bundled course's folder, courses/human-rights-cities/images.
# Needs rsvg-convert (Debian: librsvg2-bin). When optipng is installed
# (Debian: optipng), the PNGs are also losslessly compressed.
set -eu
dir=${1:-$(dirname "$0")/human-rights-cities/images}
if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "render-images.sh: rsvg-convert not found (Debian: apt-get install librsvg2-bin)" >&2
  exit 1
fi
found=0
for svg in "$dir"/src/*.svg; do
  [ -e "$svg" ] || continue
  found=1
  png="$dir/$(basename "$svg" .svg).png"
  rsvg-convert --format=png --output="$png" "$svg"
  if command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o5 -strip all "$png"
  fi
  echo "$png"
done
if [ "$found" = 0 ]; then
  echo "render-images.sh: no SVG in $dir/src" >&2
  exit 1
fi
