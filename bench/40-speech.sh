#!/bin/sh
# Spoken guidance: latency from say() to the first sample, and idle CPU
# (see bench/speech/speech_bench.c and bench/README.md).
set -u
build=$1
bench=$build/tests/speech_bench
if [ ! -x "$bench" ]; then
  echo "no $bench: build the tests first (cmake --build $build)"
  exit 0
fi
"$bench" latency "${BENCH_SPEECH_N:-50}" || exit 1
echo
"$bench" idle "${BENCH_IDLE_SECONDS:-10}" || exit 1
