#!/bin/bash
# --sync against a real LRS: a kiosk's learners and another kiosk's
# imported statements all reach the LRS exactly once, with the content the
# store holds; a second sync sends nothing; every statement sent passes
# Learning Locker's validator; configuration mistakes are usage errors.
# Usage: sync_basic.sh HRC_PLAYER PROGRESS_DRIVER WORKDIR NODE_DIR
set -u
HRC=$1 DRIVER=$2
source "$(dirname "$0")/lib.sh"
lrs_init "$3" "$4"
a=$work/kiosk-a b=$work/kiosk-b

# No configuration at all (unless this machine has one in /etc).
if [ ! -e /etc/hrc-player/lrs.conf ]; then
  "$HRC" --sync --data-dir "$a" > /dev/null 2> "$work/err"
  [ $? -eq 2 ] && grep -q "no learning record store is configured" "$work/err" ||
    fail "--sync with no configuration: $(cat "$work/err")"
fi

lrs_start
proxy_start rec --upstream "127.0.0.1:$LRS_PORT" --record "$work/bodies"
write_conf "http://127.0.0.1:$PROXY_PORT/xAPI/" kiosk-a "a secret" "batch = 25"

# Nothing recorded yet: nothing to send, and no store made for it.
"$HRC" --sync --data-dir "$work/empty" > "$work/out" || fail "--sync of no store"
grep -q "Nothing to send" "$work/out" || fail "no store: $(cat "$work/out")"
[ ! -e "$work/empty/progress.db" ] || fail "--sync created a store"

# Kiosk A: 6 learners; kiosk B: 4 others, whose export A imports.
"$DRIVER" seed "$a" 6 3 5 > /dev/null || fail "seeding A"
"$DRIVER" seed "$b" 4 2 5 > /dev/null || fail "seeding B"
"$HRC" --export "$work/b.json" --data-dir "$b" > /dev/null || fail "export of B"
# Kiosk A trusts kiosk B (signed imports only, docs/progress.md), then merges.
"$HRC" --trust-kiosk "$work/b.json" --data-dir "$a" > /dev/null || fail "trust B on A"
"$HRC" --import "$work/b.json" --data-dir "$a" > /dev/null || fail "import into A"
n_a=$(sqlite3 "$a/progress.db" "SELECT count(*) FROM event")
n_b=$(sqlite3 "$b/progress.db" "SELECT count(*) FROM event")

# B syncs its own first; A then sends its own and B's: the LRS keeps one of each.
"$HRC" --sync --data-dir "$b" > "$work/out" 2> "$work/err" || fail "sync of B: $(cat "$work/err")"
grep -qx "Sent $n_b statements, 0 pending, 0 refused" "$work/out" || fail "B: $(cat "$work/out")"
"$HRC" --sync --data-dir "$a" > "$work/out" 2> "$work/err" || fail "sync of A: $(cat "$work/err")"
grep -qx "Sent $n_a statements, 0 pending, 0 refused" "$work/out" || fail "A: $(cat "$work/out")"
"$HRC" --export "$work/a.json" --data-dir "$a" > /dev/null || fail "export of A"
"$PYTHON" "$here/lrs_tool.py" compare "$LRS_URL" "$work/a.json" || fail "the LRS differs from A"
[ "$(sqlite3 "$a/progress.db" "SELECT count(*) FROM sync_state WHERE status = 'sent'")" = "$n_a" ] ||
  fail "A's store did not record every acknowledgement"

# A second sync sends nothing: not one request.
posts=$(ls "$work/bodies" | wc -l)
"$HRC" --sync --data-dir "$a" > "$work/out" || fail "second sync"
grep -qx "Sent 0 statements, 0 pending, 0 refused" "$work/out" || fail "again: $(cat "$work/out")"
[ "$(ls "$work/bodies" | wc -l)" = "$posts" ] || fail "the second sync sent requests"
# Batches of 25 at most.
"$PYTHON" -c 'import json, sys
sizes = [len(json.load(open(f))) for f in sys.argv[1:]]
assert max(sizes) <= 25, sizes' "$work"/bodies/*.json || fail "a batch larger than 25"

# New answers later: only they go.
"$DRIVER" answer "$a" "Learner 1" 3 > /dev/null || fail "answering"
"$HRC" --sync --data-dir "$a" > "$work/out" || fail "third sync"
grep -qx "Sent 4 statements, 0 pending, 0 refused" "$work/out" || fail "new: $(cat "$work/out")"
"$HRC" --export "$work/a.json" --data-dir "$a" > /dev/null
"$PYTHON" "$here/lrs_tool.py" compare "$LRS_URL" "$work/a.json" > /dev/null ||
  fail "the LRS differs from A after new answers"

# Every statement sent passes Learning Locker's validator.
node "$here/validate.js" "$node_dir" "$work"/bodies/*.json > "$work/valid" ||
  fail "validator: $(cat "$work/valid")"

# Configuration mistakes are usage errors (2), and say what to do.
conf=$XDG_CONFIG_HOME/hrc-player/lrs.conf
chmod 644 "$conf"
"$HRC" --sync --data-dir "$a" > /dev/null 2> "$work/err"
[ $? -eq 2 ] && grep -q "chmod 600" "$work/err" || fail "readable config: $(cat "$work/err")"
chmod 600 "$conf"
"$HRC" --sync --lrs-ca "$work/no-such-ca.pem" --data-dir "$a" > /dev/null 2> "$work/err"
[ $? -eq 2 ] && grep -q "no-such-ca.pem" "$work/err" || fail "--lrs-ca missing: $(cat "$work/err")"
"$HRC" --sync "$work" > /dev/null 2> "$work/err"
[ $? -eq 2 ] || fail "--sync with a COURSE"
HRC_LRS_ENDPOINT="lrs.example.org" "$HRC" --sync --data-dir "$a" > /dev/null 2> "$work/err"
[ $? -eq 2 ] && grep -q "HRC_LRS_ENDPOINT" "$work/err" || fail "bad HRC_LRS_ENDPOINT"
# The environment overrides the file: the proxy is bypassed, straight to the LRS.
HRC_LRS_ENDPOINT=$LRS_URL "$HRC" --sync --data-dir "$b" > "$work/out" || fail "env endpoint"
grep -qx "Sent $n_b statements, 0 pending, 0 refused" "$work/out" ||
  fail "a new endpoint is a new LRS: $(cat "$work/out")"
echo "two kiosks, $n_a statements synced once each, validated; second sync sent nothing"
