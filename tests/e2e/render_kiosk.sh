#!/bin/bash
# --render --kiosk on the smallest supported screen, in French: the
# kiosk's own screens (first start, sign-up with a PIN, the learner's PIN
# in Settings, finding a name, a PIN locked by wrong tries, the
# facilitator's screens with a seeded class: the dashboard, a learner and
# what is done to one, groups, questions, paper, a class list, the kiosk's
# settings) are drawn with nothing reported on stderr, and
# the throwaway store they need is gone afterwards.
# Usage: render_kiosk.sh PLAYER COURSE_DIR
set -u
player=$1
course=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir "$out/tmp"
TMPDIR="$out/tmp" "$player" --render "$out/png" --kiosk --size 1024x600 --lang fr "$course" \
  2>"$out/err" || fail "--render --kiosk exited with $?: $(head -c 2000 "$out/err")"
[ -s "$out/err" ] && fail "--render --kiosk said: $(head -c 2000 "$out/err")"
for name in kiosk-setup kiosk-setup-done sign-up-name sign-up-pin settings-learner \
            settings-change-pin sign-in-search sign-in-pin-locked facilitator-locked \
            facilitator facilitator-more class-all class-by-progress facilitator-learner \
            learner-reset-ask learner-merge-pick learner-merge-ask learner-rename learner-move \
            trainer-groups trainer-group-new trainer-questions trainer-paper trainer-import \
            trainer-kiosk facilitator-change-pin sign-in home; do
  ls "$out/png" | grep -q -- "-$name\.png$" || fail "no $name screen"
done
[ -z "$(ls -A "$out/tmp")" ] || fail "the throwaway store was left: $(ls -A "$out/tmp")"
echo "$(ls "$out/png" | wc -l) screens rendered"
