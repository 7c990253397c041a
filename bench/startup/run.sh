#!/bin/bash
# Startup, draw time and idle CPU of the player, against a minimal SDL2 +
# SDL2_ttf program (minimal.c) measured in the same run on the same Xvfb
# display. Usage: bench/startup/run.sh BUILD_DIR [RUNS]
#   startup   wall time to the first presented frame (median of RUNS) and
#             peak RSS, player --exit-after-first-frame vs minimal
#   draw      the slowest screen of --render at 1920x1080, software renderer
#             (layout + replay; cold = first draw, warm = text cached)
#   idle      CPU used by a running player over 10 idle seconds
set -u
build=$(cd "${1:?usage: run.sh BUILD_DIR [RUNS]}" && pwd)
runs=${2:-11}
src=$(cd "$(dirname "$0")/../.." && pwd)
player="$build/hrc-player"
course="$src/courses/human-rights-cities"
font="$src/assets/fonts/DejaVuSans.ttf"
work=$(mktemp -d)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

for tool in Xvfb cc pkg-config; do
  command -v $tool >/dev/null || { echo "startup: $tool not found, skipped"; exit 0; }
done
[ -x "$player" ] || { echo "startup: $player not built, skipped"; exit 0; }
[ -d "$course" ] || { echo "startup: no bundled course at $course, skipped"; exit 0; }

cc -O2 "$src/bench/startup/minimal.c" -o "$work/minimal" \
  $(pkg-config --cflags --libs sdl2 SDL2_ttf) || exit 1

. "$src/tests/lib/xvfb.sh"
start_xvfb 1920x1080 /dev/null || { echo "startup: Xvfb did not start"; exit 1; }
export HRC_ASSETS_DIR="$src/assets"
data="$work/data"

# Prints "wall_seconds max_rss_kb" of one run of the command.
measure() {
  local start end rss
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/err" ||
    { echo "startup: failed: $*" >&2; cat "$work/err" >&2; return 1; }
  end=$(date +%s.%N)
  rss=$(tail -n1 "$work/rss")
  echo "$(echo "$end - $start" | bc -l) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Interleave the two programs so that any drift hits both alike.
: >"$work/player.txt"; : >"$work/minimal.txt"
measure "$player" --data-dir "$data" --exit-after-first-frame "$course" >/dev/null || exit 1
for _ in $(seq "$runs"); do
  measure "$player" --data-dir "$data" --exit-after-first-frame "$course" >>"$work/player.txt" || exit 1
  measure "$work/minimal" "$font" >>"$work/minimal.txt" || exit 1
done
pw=$(cut -d' ' -f1 "$work/player.txt" | median)
mw=$(cut -d' ' -f1 "$work/minimal.txt" | median)
pr=$(cut -d' ' -f2 "$work/player.txt" | median)
mr=$(cut -d' ' -f2 "$work/minimal.txt" | median)
printf "%-34s %12s %12s %8s\n" "startup to first frame ($runs runs)" player minimal ratio
verdict() { [ "$(echo "$1 <= $2" | bc -l)" = 1 ] && echo PASS || echo FAIL; }
printf "%-34s %10.1f ms %9.1f ms %7.2fx  (target <= 1.30x) %s\n" "wall time, median" \
  "$(echo "$pw*1000" | bc -l)" "$(echo "$mw*1000" | bc -l)" "$(echo "$pw/$mw" | bc -l)" \
  "$(verdict "$pw/$mw" 1.3)"
pf=$(cut -d' ' -f1 "$work/player.txt" | sort -n | head -n1)
mf=$(cut -d' ' -f1 "$work/minimal.txt" | sort -n | head -n1)
printf "%-34s %10.1f ms %9.1f ms %7.2fx  (no load: best case)\n" "wall time, fastest" \
  "$(echo "$pf*1000" | bc -l)" "$(echo "$mf*1000" | bc -l)" "$(echo "$pf/$mf" | bc -l)"
# The course's pictures may add up to 32 MB over 1.3 times the baseline.
printf "%-34s %9.1f MiB %8.1f MiB %7.2fx  (target <= 1.30x + 32 MB) %s\n" "peak RSS, median" \
  "$(echo "$pr/1024" | bc -l)" "$(echo "$mr/1024" | bc -l)" "$(echo "$pr/$mr" | bc -l)" \
  "$(verdict "$pr" "$mr*1.3 + 32768")"

# Draw time of every screen, software renderer, 1920x1080.
HRC_RENDER_TIMES=1 "$player" --render "$work/png" --size 1920x1080 "$course" \
  2>"$work/times" >/dev/null || { cat "$work/times"; exit 1; }
echo
grep '^draw-time ' "$work/times" | sort -k4 -n -r | head -n 5 |
  awk 'BEGIN {printf "%-48s %8s %8s %8s %8s\n", "slowest screens, 1920x1080, software (ms)", "cold", "warm", "layout", "replay"}
       {printf "  %-46s %8.2f %8.2f %8.2f %8.2f\n", $2, $3, $4, $5, $6}'
grep '^draw-time ' "$work/times" | sort -k4 -n -r | head -n 1 |
  awk '{printf "heaviest screen, warm: %.2f ms (target <= 8 ms): %s\n", $4, $4 <= 8 ? "PASS" : "FAIL"}'

# CPU over 10 idle seconds of a player left on its first screen.
"$player" --data-dir "$data" "$course" >/dev/null 2>&1 &
pid=$!
sleep 2
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks); sleep 10; t1=$(ticks)
kill "$pid"; wait "$pid" 2>/dev/null
hz=$(getconf CLK_TCK)
echo
cpu=$(echo "($t1 - $t0) * 100 / $hz / 10" | bc -l)
printf "idle CPU over 10 s: %.2f %% of a core (target <= 1 %%) %s\n" "$cpu" "$(verdict "$cpu" 1)"
