#!/bin/sh
# Progress store figures: the commit latency of one answer with
# synchronous=FULL on this disk, next to plain-SQLite baselines measured in
# the same run (FULL, NORMAL, in memory); then exporting 100 learners x 10
# modules x 50 answers to CSV and JSON, and importing the JSON back; then
# learner PIN checks at the measured hash cost, next to libsodium's
# INTERACTIVE and MODERATE costs as baselines.
# Usage: bench/progress/run-progress.sh BUILD_DIR
set -u
build=$1
bench=$build/tests/progress_bench
if [ ! -x "$bench" ]; then
  echo "no $bench: build the tests first (cmake --build $build)"
  exit 0
fi
data=$build/bench-data/progress
rm -rf "$data" && mkdir -p "$data/latency" "$data/out" || exit 1

echo "Disk: $(df -P "$data" | awk 'NR == 2 { print $1 " mounted on " $6 }')"
"$bench" latency "$data/latency" "${PROGRESS_ANSWERS:-1000}" || exit 1
echo

# Seeding 50,000 answers one commit at a time takes minutes on a real disk;
# the store is filled in memory-backed /dev/shm when there is one, then
# copied to the disk, where the exports are timed.
seed_dir=$data/seed
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  seed_dir=$(mktemp -d /dev/shm/hrc-progress-bench-XXXXXX) || exit 1
fi
start=$(date +%s)
"$bench" seed "$seed_dir" 100 10 50 || exit 1
if [ "$seed_dir" != "$data/seed" ]; then
  mkdir -p "$data/seed" && cp "$seed_dir"/progress.db "$data/seed/" && rm -rf "$seed_dir"
fi
echo "Export of 100 learners x 10 modules x 50 answers (seeded in $(( $(date +%s) - start )) s)"
"$bench" export "$data/seed" "$data/out" || exit 1
printf '  files: CSV %s bytes, JSON %s bytes\n' \
  "$(wc -c < "$data/out/export.csv")" "$(wc -c < "$data/out/export.json")"

echo
echo "Learner PIN checks at the cost measured on this machine (median, 99th percentile)"
rm -rf "$data/pin" && mkdir -p "$data/pin" || exit 1
"$bench" pin "$data/pin" "${PROGRESS_PIN_CHECKS:-5}" || exit 1
