#!/bin/bash
# Spoken guidance in the player (see bench/README.md):
#   latency  a key press to the first sample of its announcement
#            (BUILD_DIR/tests/speech_ui_bench, bench/speech/speech_ui_bench.c)
#   draw     the heaviest screen of --render at 1920x1080, alone, without
#            and with --speech (the frame then also works out what to say)
#   idle     CPU of a player left on its first screen, without and with
#            --speech on, once it has said that screen (Xvfb, sound to
#            /dev/null through SDL's disk driver)
set -u
build=$(cd "${1:?usage: 42-speech-ui.sh BUILD_DIR}" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
player="$build/hrc-player"
course="$src/courses/human-rights-cities"
bench="$build/tests/speech_ui_bench"
work=$(mktemp -d)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
[ -x "$player" ] && [ -x "$bench" ] || { echo "speech-ui: build the tests first, skipped"; exit 0; }
export HRC_ASSETS_DIR="$src/assets"
verdict() { [ "$(echo "$1 <= $2" | bc -l)" = 1 ] && echo PASS || echo FAIL; }

"$bench" "$course" "${BENCH_SPEECH_N:-50}" || exit 1

# The heaviest screen of the tour (speech off), then that screen alone
# (--goto), drawn alternately without and with --speech: the fastest of
# BENCH_SPEECH_RUNS (default 7) each, as other programs share the machine.
HRC_RENDER_TIMES=1 "$player" --render "$work/tour" --size 1920x1080 "$course" \
  2>"$work/tour.times" >/dev/null || { cat "$work/tour.times"; exit 1; }
heaviest=$(grep '^draw-time ' "$work/tour.times" | sort -k4 -n -r | head -n 1 | cut -d' ' -f2)
# NNNN-MODULE-ITEM: the item's id, for --goto.
id=${heaviest#*-}
for m in $(grep -ho '<module [^>]*' "$course"/*.xml | grep -o ' id="[^"]*"' | cut -d'"' -f2); do
  id=${id#"$m"-}
done
warm() {
  HRC_RENDER_TIMES=1 "$player" --render "$work/one" --size 1920x1080 --goto "$id" "$@" \
    "$course" 2>&1 >/dev/null | awk '/^draw-time /{print $4}'
}
best_off=999 best_on=999
for _ in $(seq "${BENCH_SPEECH_RUNS:-7}"); do
  t=$(warm); [ -n "$t" ] || { echo "speech-ui: cannot draw $id alone"; exit 1; }
  best_off=$(echo "if ($t < $best_off) $t else $best_off" | bc -l)
  t=$(warm --speech)
  best_on=$(echo "if ($t < $best_on) $t else $best_on" | bc -l)
done
echo
echo "Heaviest screen ($heaviest), 1920x1080, software renderer, warm"
echo "(layout + replay, fastest of ${BENCH_SPEECH_RUNS:-7} runs each, alternating):"
printf "  speech off   %7.2f ms\n" "$best_off"
printf "  --speech     %7.2f ms   ratio %.2f   target <= 8 ms   %s\n" "$best_on" \
  "$(echo "$best_on / $best_off" | bc -l)" "$(verdict "$best_on" 8)"
"$bench" "$course" "${BENCH_SPEECH_FRAMES:-400}" "$id" || exit 1

# Idle CPU, 10 s, once the first screen has been said and the device closed.
command -v Xvfb >/dev/null || { echo "speech-ui: no Xvfb, idle CPU skipped"; exit 0; }
. "$src/tests/lib/xvfb.sh"
start_xvfb 1920x1080 /dev/null || { echo "speech-ui: Xvfb did not start"; exit 1; }
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null
hz=$(getconf CLK_TCK)
idle_cpu() {
  "$player" --data-dir "$work/data" "$@" "$course" >/dev/null 2>&1 &
  local pid=$!
  sleep "${BENCH_SPEECH_SETTLE:-22}"
  local t0 t1
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep 10
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"
  wait "$pid" 2>/dev/null
  echo "($t1 - $t0) * 100 / $hz / 10" | bc -l
}
off=$(idle_cpu)
on=$(idle_cpu --speech on)
echo
echo "CPU of an idle player on its first screen, 10 s (% of a core, all threads):"
printf "  speech off                            %6.2f %%\n" "$off"
printf "  --speech on, screen said, quiet       %6.2f %%   target <= 1 %%   %s\n" "$on" \
  "$(verdict "$on" 1)"
