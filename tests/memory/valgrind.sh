#!/bin/sh
# The player's own code under valgrind (memcheck): no invalid read or
# write, no use of uninitialised memory, no block definitely lost. Runs
# the plain (unsanitized) build, since valgrind cannot run an ASan one:
# checking modules, screens of every kind drawn with the software
# renderer in French, and the trainer's commands on a store of its own.
# Skipped (77) without valgrind.
# Usage: valgrind.sh PLAYER COURSE
set -u
player=$1
course=$2
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not found: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SDL_VIDEODRIVER=dummy
n=0
check() { # NAME ARGS...: the player's run under memcheck
  name=$1
  shift
  n=$((n + 1))
  if ! valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
      --num-callers=30 --log-file="$work/vg-$n.log" "$player" "$@" >"$work/out-$n" 2>&1; then
    echo "FAIL: $name under valgrind"
    cat "$work/out-$n" "$work/vg-$n.log"
    exit 1
  fi
  echo "ok: $name"
}

check "--validate" --validate "$course"
for id in m1-definition m1-quiz m2-timeline rouen m4-areas; do
  check "--render --goto $id" --render "$work/png-$id" --size 1280x800 --lang fr --goto "$id" \
    "$course"
done
printf 'Name;Group\nInès Martin;Rouen\nPaul Girard;Lille\nAïcha Haddad;\n' >"$work/class.csv"
check "--import-class" --data-dir "$work/data" --import-class "$work/class.csv"
check "--groups" --data-dir "$work/data" --groups
check "--export" --data-dir "$work/data" --export "$work/all.json" "$course"
check "--report" --data-dir "$work/data" --report "$work/class.pdf" --lang fr "$course"
check "--item-stats" --data-dir "$work/data" --item-stats "$work/items.csv" "$course"
echo "all $n runs clean"
