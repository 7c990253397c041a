#!/bin/bash
# Statements the LRS will not take. A statement it refuses (400) is found
# by halving its batch, set aside with the LRS's reason, and the rest goes
# through; it is not sent again. Statements the LRS already holds under the
# same id with other content (409: a learner renamed after the record of
# their acknowledgements was lost) count as acknowledged.
# Usage: sync_refused.sh HRC_PLAYER PROGRESS_DRIVER WORKDIR NODE_DIR
set -u
HRC=$1 DRIVER=$2
source "$(dirname "$0")/lib.sh"
lrs_init "$3" "$4"
lrs_start
proxy_start rec --upstream "127.0.0.1:$LRS_PORT" --record "$work/bodies"
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI" k s "batch = 20"
d=$work/kiosk

# 50 events, one damaged (its session id, the statement's
# context.registration, is not a UUID: only a bug or a hand edit does
# that), 50 more: the damaged one sits in the middle of the third batch.
seed_store "$d" 5 10
sqlite3 "$d/progress.db" "INSERT INTO event(learner_id, session_id, module_id,
  module_version, verb, time_ms, device_id, seq)
  SELECT learner_id, 'not-a-uuid', module_id, 1, 'launched', time_ms + 1, device_id,
         (SELECT max(seq) + 1 FROM event) FROM event WHERE id = 1" || fail "damaging"
seed_store "$d" 5 10
"$HRC" --export "$work/all.json" --data-dir "$d" > /dev/null || fail "export"
bad=$("$PYTHON" -c 'import json, sys
print(next(s["id"] for s in json.load(open(sys.argv[1]))
           if s["context"]["registration"] == "not-a-uuid"))' "$work/all.json")

run_sync "$d"
[ $? -eq 1 ] || fail "a refused statement must give exit status 1"
grep -q "^Sent 100 statements, 0 pending, 1 refused (statement $bad): .*registration" \
  "$work/out" || fail "summary: $(cat "$work/out")"
[ "$(sqlite3 "$d/progress.db" "SELECT count(*) FROM sync_state WHERE status = 'refused'
     AND reason LIKE '%context.registration%'")" = 1 ] || fail "the reason is not kept"
# The LRS holds the 100 others.
store_ids "$d" | grep -v "$bad" > "$work/expected.ids"
lrs_ids > "$work/lrs.ids"
cmp -s "$work/expected.ids" "$work/lrs.ids" || fail "the LRS does not hold the 100 others"
# The validator refuses it too, and passes everything else that was sent.
grep -l "not-a-uuid" "$work"/bodies/*.json > "$work/with-bad"
[ -s "$work/with-bad" ] || fail "the damaged statement was never sent"
node "$here/validate.js" "$node_dir" $(grep -L "not-a-uuid" "$work"/bodies/*.json) \
  > "$work/valid" || fail "validator: $(cat "$work/valid")"
# Halving: the bad batch of 20 took log2(20) + a few requests, not 20.
posts=$(ls "$work/bodies" | wc -l)
[ "$posts" -le 16 ] || fail "$posts requests for 6 batches and one bad statement"

# Set aside: the next sync sends nothing and still says so.
run_sync "$d"
[ $? -eq 1 ] && grep -q "^Sent 0 statements, 0 pending, 1 refused" "$work/out" ||
  fail "second sync: $(cat "$work/out")"
[ "$(ls "$work/bodies" | wc -l)" = "$posts" ] || fail "the refused statement was sent again"
# Once the LRS is mended, --retry-refused sends it again (here it is
# refused again: the LRS was not mended).
"$HRC" --retry-refused --data-dir "$d" > /dev/null 2>&1
[ $? -eq 2 ] || fail "--retry-refused without --sync"
run_sync "$d" --retry-refused
[ $? -eq 1 ] && grep -qx "1 statement refused before goes again" "$work/out" &&
  grep -q "^Sent 0 statements, 0 pending, 1 refused" "$work/out" ||
  fail "--retry-refused: $(cat "$work/out")"
[ "$(ls "$work/bodies" | wc -l)" = "$((posts + 1))" ] || fail "--retry-refused sent nothing"

# 409: a learner is renamed and the record of their acknowledgements is
# lost; their statements go again, now different under the same ids.
e=$work/renamed
seed_store "$e" 3 10
sync_ok "$e" "renamed: first sync"
sqlite3 "$e/progress.db" "
  DELETE FROM sync_state WHERE event_id IN
    (SELECT id FROM event WHERE learner_id = (SELECT min(id) FROM learner));
  UPDATE learner SET name = 'Renamed' WHERE id = (SELECT min(id) FROM learner)" ||
  fail "renaming"
sync_ok "$e" "renamed: second sync"
grep -qx "Sent 0 statements, 10 already in the LRS, 0 pending, 0 refused" "$work/out" ||
  fail "409s: $(cat "$work/out")"
store_ids "$e" > "$work/e.ids"
lrs_ids | grep -c -F -f "$work/e.ids" | grep -qx 30 || fail "the renamed store's 30 statements"
echo "one refused statement set aside with its reason, 100 through; 409s acknowledged"
